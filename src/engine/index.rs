//! The inverted index over facts and their example questions.

use rustc_hash::FxHashMap as HashMap;

use super::analyze::Analyzer;
use super::cues;
use crate::knowledge::{Cue, Fact, KnowledgeBase};

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

/// One fact, read: the part of indexing that needs no shared state, so it runs
/// on every core.
pub struct ReadFact {
    /// Terms of the answer, quotes, keywords and topic.
    content: Vec<String>,
    /// Each example question's terms and cues.
    questions: Vec<(Vec<String>, Vec<Cue>)>,
    /// The answer types the fact carries.
    cues: Vec<Cue>,
}

/// How often each word occurs in the indexed text (the typo vocabulary's counts).
pub type WordCounts = HashMap<String, u32>;

fn count_words(counts: &mut WordCounts, words: &[String]) {
    for w in words {
        match counts.get_mut(w.as_str()) {
            Some(n) => *n += 1,
            None => {
                counts.insert(w.clone(), 1);
            }
        }
    }
}

fn read_fact(
    kb: &KnowledgeBase,
    analyzer: &Analyzer,
    fact: &Fact,
    counts: &mut WordCounts,
) -> ReadFact {
    let article = &kb.articles[fact.article];
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
    count_words(counts, &words);
    let content = analyzer.word_terms(&words);
    let answer_words = if text == fact.answer {
        words
    } else {
        analyzer.words(&fact.answer)
    };
    let questions = fact
        .questions
        .iter()
        .map(|q| {
            let words = analyzer.words(q);
            count_words(counts, &words);
            (analyzer.word_terms(&words), cues::detect(&words).wanted)
        })
        .collect();
    let mut cues = fact.cues.clone();
    for c in cues::infer(&answer_words) {
        if !cues.contains(&c) {
            cues.push(c);
        }
    }
    ReadFact {
        content,
        questions,
        cues,
    }
}

/// Reads every fact, in order, on two threads; with the counts of the words read.
pub fn read_all(kb: &KnowledgeBase, analyzer: &Analyzer) -> (Vec<ReadFact>, WordCounts) {
    let read = |facts: &[Fact]| {
        let mut counts = WordCounts::default();
        let read: Vec<ReadFact> = facts
            .iter()
            .map(|f| read_fact(kb, analyzer, f, &mut counts))
            .collect();
        (read, counts)
    };
    if kb.facts.len() < 2 {
        return read(&kb.facts);
    }
    let (first, second) = kb.facts.split_at(kb.facts.len() / 2);
    std::thread::scope(|scope| {
        let later = scope.spawn(|| read(second));
        let (mut facts, mut counts) = read(first);
        let (more, more_counts) = later
            .join()
            .unwrap_or_else(|e| std::panic::resume_unwind(e));
        facts.extend(more);
        for (w, n) in more_counts {
            *counts.entry(w).or_insert(0) += n;
        }
        (facts, counts)
    })
}

impl Index {
    /// Indexes the facts of a knowledge base, read by [`read_all`].
    pub fn build(kb: &KnowledgeBase, read: Vec<ReadFact>) -> Index {
        let mut ix = Index::default();
        let mut questions = Vec::new();
        for (f, fact) in read.into_iter().enumerate() {
            let content: Vec<u32> = fact.content.into_iter().map(|t| ix.intern(t)).collect();
            let mut all = content.clone();
            for (slot, (terms, cues)) in fact.questions.into_iter().enumerate() {
                ix.question_slot.push(slot as u32);
                let ids: Vec<u32> = terms.into_iter().map(|t| ix.intern(t)).collect();
                all.extend(&ids);
                questions.push((f as u32, sorted(ids)));
                ix.question_cues.push(cues);
            }
            ix.fact_content.push(sorted(content));
            ix.fact_terms.push(sorted(all));
            ix.fact_cues.push(fact.cues);
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
