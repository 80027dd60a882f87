//! The inverted index over facts and their example questions.

use rustc_hash::FxHashMap as HashMap;

use super::analyze::Analyzer;
use super::cues;
use crate::knowledge::{Cue, KnowledgeBase};

/// The bit of a posting saying the term is in the fact's own text.
pub const CONTENT: u32 = 1 << 31;

/// Term ids, postings and weights.
#[derive(Debug, Default)]
pub struct Index {
    /// Term text -> id.
    pub terms: HashMap<String, u32>,
    /// Inverse document frequency per term id.
    pub idf: Vec<f32>,
    /// The weight of a term the knowledge base has never seen.
    pub unknown_idf: f32,
    /// Per fact: every term of every field, sorted.
    pub fact_terms: Vec<Vec<u32>>,
    /// Per fact: terms of the answer, quotes, keywords and topic (not the example questions), sorted.
    pub fact_content: Vec<Vec<u32>>,
    /// Per fact: the answer types it carries.
    pub fact_cues: Vec<Vec<Cue>>,
    /// Term id -> facts holding it, each with [`CONTENT`] set when the fact's own text
    /// (not only an example question) holds it.
    pub postings: Vec<Vec<u32>>,
    /// Example questions: (fact, sorted terms, summed idf).
    pub questions: Vec<(u32, Vec<u32>, f32)>,
    /// Each example question's position among its fact's questions.
    pub question_slot: Vec<u32>,
    /// The question-type cues of each example question.
    pub question_cues: Vec<Vec<Cue>>,
    /// Term id -> example questions holding it.
    pub question_postings: Vec<Vec<u32>>,
}

impl Index {
    /// Indexes every fact of the knowledge base.
    pub fn build(kb: &KnowledgeBase, analyzer: &Analyzer) -> Index {
        let mut ix = Index::default();
        let mut questions = Vec::new();
        for (f, fact) in kb.facts.iter().enumerate() {
            let article = &kb.articles[fact.article];
            let mut content = Vec::new();
            let mut text = fact.answer.clone();
            for &s in &fact.evidence {
                // A sentence fact's answer is its sentence: read it once.
                if article.sentences[s].text != fact.answer {
                    text.push(' ');
                    text.push_str(&article.sentences[s].text);
                }
            }
            for k in fact
                .keywords
                .iter()
                .chain(std::iter::once(&fact.topic).filter(|_| fact.curated))
            {
                text.push(' ');
                text.push_str(k);
            }
            let words = analyzer.words(&text);
            for t in analyzer.word_terms(&words) {
                content.push(ix.intern(t));
            }
            let answer_words = if text == fact.answer {
                words
            } else {
                analyzer.words(&fact.answer)
            };
            let mut all = content.clone();
            for (slot, q) in fact.questions.iter().enumerate() {
                ix.question_slot.push(slot as u32);
                let words = analyzer.words(q);
                let ids: Vec<u32> = analyzer
                    .word_terms(&words)
                    .into_iter()
                    .map(|t| ix.intern(t))
                    .collect();
                all.extend(&ids);
                questions.push((f as u32, sorted(ids)));
                ix.question_cues.push(cues::detect(&words).wanted);
            }
            let mut cues = fact.cues.clone();
            for c in cues::infer(&answer_words) {
                if !cues.contains(&c) {
                    cues.push(c);
                }
            }
            ix.fact_content.push(sorted(content));
            ix.fact_terms.push(sorted(all));
            ix.fact_cues.push(cues);
        }
        let n = kb.facts.len().max(1) as f32;
        ix.postings = vec![Vec::new(); ix.terms.len()];
        for (f, terms) in ix.fact_terms.iter().enumerate() {
            let content = &ix.fact_content[f];
            for &t in terms {
                let flag = if content.binary_search(&t).is_ok() {
                    CONTENT
                } else {
                    0
                };
                ix.postings[t as usize].push(f as u32 | flag);
            }
        }
        ix.idf = ix
            .postings
            .iter()
            .map(|p| (1.0 + n / p.len().max(1) as f32).ln())
            .collect();
        // As heavy as a term only one fact holds: a word the articles never use weighs the most.
        ix.unknown_idf = (1.0 + n).ln();
        ix.question_postings = vec![Vec::new(); ix.terms.len()];
        for (q, (f, terms)) in questions.into_iter().enumerate() {
            let weight = terms.iter().map(|&t| ix.idf[t as usize]).sum();
            for &t in &terms {
                ix.question_postings[t as usize].push(q as u32);
            }
            ix.questions.push((f, terms, weight));
        }
        ix
    }

    fn intern(&mut self, term: String) -> u32 {
        let next = self.terms.len() as u32;
        *self.terms.entry(term).or_insert(next)
    }

    /// The id of a term, if indexed.
    pub fn id(&self, term: &str) -> Option<u32> {
        self.terms.get(term).copied()
    }
}

fn sorted(mut v: Vec<u32>) -> Vec<u32> {
    v.sort_unstable();
    v.dedup();
    v
}
