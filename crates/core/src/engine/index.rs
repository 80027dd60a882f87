//! The inverted index over facts and their example questions.

use rustc_hash::FxHashMap as HashMap;

use super::analyze::Analyzer;
use super::cues;
use super::extract::Wanted;
use super::readers::Readers;
use crate::knowledge::{Cue, Fact, FactIx, KnowledgeBase};

/// A term's id in the [`Index`].
pub type TermId = u32;

/// One entry of a term's posting list: a fact holding the term, and whether
/// the fact's own text holds it (not only one of its example questions).
/// Packed in 32 bits: the postings are most of the index's memory.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub struct Posting(u32);

impl Posting {
    const CONTENT: u32 = 1 << 31;

    /// A posting of `fact`; `content` when the fact's own text holds the term.
    pub fn new(fact: FactIx, content: bool) -> Posting {
        debug_assert!(fact.0 < Self::CONTENT, "more than 2^31 facts");
        Posting(fact.0 | if content { Self::CONTENT } else { 0 })
    }

    /// The fact.
    pub fn fact(self) -> FactIx {
        FactIx(self.0 & !Self::CONTENT)
    }

    /// Whether the fact's own text holds the term.
    pub fn in_content(self) -> bool {
        self.0 & Self::CONTENT != 0
    }
}

/// One example question of a curated fact, indexed.
#[derive(Debug, Clone)]
pub struct ExampleQuestion {
    /// The fact it asks about.
    pub fact: FactIx,
    /// Its position among the fact's example questions.
    pub slot: u32,
    /// Its terms, sorted.
    pub terms: Vec<TermId>,
    /// The summed weight of its terms.
    pub weight: f32,
    /// Its question-type cues.
    pub cues: Vec<Cue>,
}

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
    /// Term id -> the facts holding it.
    pub postings: Vec<Vec<Posting>>,
    /// The example questions of every fact, in fact order.
    pub questions: Vec<ExampleQuestion>,
    /// Term id -> example questions holding it.
    pub question_postings: Vec<Vec<u32>>,
    /// Per fact: the unit its main evidence stands in. A unit is a body
    /// paragraph, a caption or a headline: the context of its sentences.
    pub fact_unit: Vec<u32>,
    /// Per unit: its article.
    pub unit_article: Vec<u32>,
    /// Per article: the unit of its headline.
    pub headline_unit: Vec<u32>,
    /// Per term: the articles write it only as a name, capitalised wherever
    /// it stands after a sentence's first word ("Assange", not "row").
    pub proper: Vec<bool>,
    /// Term id -> the units holding it.
    pub unit_postings: Vec<Vec<u32>>,
    /// Per fact: how many words its main sentence has.
    pub fact_words: Vec<u16>,
    /// Per fact: the terms of its main sentence in order, with their word positions.
    pub fact_sequence: Vec<Vec<(u16, TermId)>>,
    /// Per fact: its main sentence holds a negation.
    pub fact_negated: Vec<bool>,
    /// Per fact: the typed spans of its main sentence (amounts, dates,
    /// persons, places...), each with its words folded.
    pub fact_spans: Vec<Vec<(Wanted, Box<[String]>)>>,
    /// Per fact: its main sentence, read for the short-answer reader.
    pub fact_read: Vec<super::extract::ReadSentence>,
    /// Per fact: it is the automatic fact of one sentence (not curated).
    pub fact_is_sentence: Vec<bool>,
    /// Per fact: its main sentence is a photo caption.
    pub fact_is_caption: Vec<bool>,
    /// Per fact: the automatic fact of the body sentence just before its main
    /// sentence, in the same article (`u32::MAX` if none): the sentence a
    /// pronoun such as "its" or "they" most often points back to.
    pub fact_previous: Vec<u32>,
    /// Per article: every two word stems its sentences write side by side or
    /// with one word between, hashed ([`pair_key`]), sorted.
    pub article_pairs: Vec<Vec<u64>>,
    /// Per fact: its main sentence opens on a word pointing back ("it", "their", "the latter").
    pub fact_points_back: Vec<bool>,
    /// Per fact: the automatic fact of the next body sentence when that
    /// sentence opens on a word pointing back to this one (`u32::MAX` if none).
    pub fact_pointed_from: Vec<u32>,
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
    /// The terms of its main sentence in order, with their word positions.
    sequence: Vec<(usize, String)>,
    /// Its main sentence holds a negation.
    negated: bool,
    /// The typed spans of its main sentence.
    spans: Vec<(Wanted, Box<[String]>)>,
    /// Its main sentence, read for the short-answer reader.
    read: super::extract::ReadSentence,
    /// Its main sentence opens on a word pointing back.
    points_back: bool,
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
    let article = kb.article(fact.article);
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
    // The other form of an acronym the article defines: "ISS" is read as
    // "International Space Station" too, and the other way round.
    for other in crate::knowledge::article::acronyms::other_forms(&article.acronyms, &text) {
        text.push(' ');
        text.push_str(other);
    }
    // And a name's initials, whether or not the article defines them.
    for short in crate::knowledge::article::acronyms::implied(&text) {
        text.push(' ');
        text.push_str(&short);
    }
    // And the other form of an abbreviation WordNet lists ("ICU", "intensive care unit").
    for other in super::abbreviations::other_forms(&text) {
        text.push(' ');
        text.push_str(&other);
    }
    let words = analyzer.words(&text);
    count_words(counts, &words);
    let mut content = analyzer.content_terms(&words);
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
    let main = fact
        .evidence
        .first()
        .map_or("", |&s| article.sentences[s].text.as_str());
    let main_words = analyzer.words(main);
    let sequence = analyzer.term_sequence(&main_words);
    let (read, spans) = super::extract::ReadSentence::with_spans(main);
    // A sentence giving someone's age ("a 44-year-old teacher") holds the
    // term "how old" stands for, though it does not write the word.
    if spans.iter().any(|s| s.kind == Wanted::Age) {
        let age = crate::text::stem("age");
        if !content.contains(&age) {
            content.push(age);
        }
    }
    let spans = spans
        .into_iter()
        .map(|span| {
            (
                span.kind,
                crate::text::words(span.text(main)).into_boxed_slice(),
            )
        })
        .collect();
    ReadFact {
        read,
        spans,
        content,
        questions,
        cues,
        sequence,
        negated: super::analyze::is_negated(&main_words),
        points_back: points_back(&main_words),
    }
}

/// Words that point back to an earlier sentence when they open one.
const POINTING_BACK: [&str; 16] = [
    "it", "its", "this", "these", "those", "they", "their", "them", "he", "his", "she", "her",
    "latter", "former", "such", "there",
];

/// Whether a sentence's first few words point back to an earlier sentence
/// ("Its purpose was...", "In 1939 they...", "The latter were governed...").
fn points_back(words: &[String]) -> bool {
    words
        .iter()
        .take(4)
        .any(|w| POINTING_BACK.contains(&w.as_str()))
}

/// Reads every fact, in order, on two threads, each with its article's
/// analyzer; with the counts of the words read.
pub fn read_all(kb: &KnowledgeBase, readers: &Readers) -> (Vec<ReadFact>, WordCounts) {
    let read = |facts: &[Fact]| {
        let mut counts = WordCounts::default();
        let read: Vec<ReadFact> = facts
            .iter()
            .map(|f| read_fact(kb, readers.of(f.article), f, &mut counts))
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
    /// The article of fact `f` (the article of the unit its main evidence stands in).
    pub fn article_of(&self, f: u32) -> u32 {
        self.unit_article[self.fact_unit[f as usize] as usize]
    }

    /// Whether any fact of `article` holds the term `term` (a folded word
    /// the index may not know).
    pub fn article_writes(&self, article: u32, term: &str) -> bool {
        self.id(term).is_some_and(|id| {
            self.postings[id as usize]
                .iter()
                .any(|p| self.article_of(p.fact().0) == article)
        })
    }

    /// Whether fact `f` is its article's headline.
    pub fn is_headline(&self, f: u32) -> bool {
        let unit = self.fact_unit[f as usize];
        self.headline_unit[self.unit_article[unit as usize] as usize] == unit
    }

    /// Indexes the facts of a knowledge base, read by [`read_all`].
    pub fn build(kb: &KnowledgeBase, read: Vec<ReadFact>) -> Index {
        let mut ix = Index::default();
        for (f, fact) in read.into_iter().enumerate() {
            let content: Vec<u32> = fact.content.into_iter().map(|t| ix.intern(t)).collect();
            let mut all = content.clone();
            for (slot, (terms, cues)) in fact.questions.into_iter().enumerate() {
                let ids: Vec<u32> = terms.into_iter().map(|t| ix.intern(t)).collect();
                all.extend(&ids);
                ix.questions.push(ExampleQuestion {
                    fact: FactIx(f as u32),
                    slot: slot as u32,
                    terms: sorted(ids),
                    weight: 0.0,
                    cues,
                });
            }
            ix.fact_content.push(sorted(content));
            ix.fact_terms.push(sorted(all));
            ix.fact_cues.push(fact.cues);
            let sequence = fact
                .sequence
                .into_iter()
                .map(|(p, t)| (p.min(u16::MAX as usize) as u16, ix.intern(t)))
                .collect();
            ix.fact_sequence.push(sequence);
            ix.fact_negated.push(fact.negated);
            ix.fact_spans.push(fact.spans);
            ix.fact_read.push(fact.read);
            ix.fact_points_back.push(fact.points_back);
        }
        let n = kb.facts.len().max(1) as f32;
        ix.postings = vec![Vec::new(); ix.terms.len()];
        for (f, terms) in ix.fact_terms.iter().enumerate() {
            let content = &ix.fact_content[f];
            for &t in terms {
                let posting = Posting::new(FactIx(f as u32), content.binary_search(&t).is_ok());
                ix.postings[t as usize].push(posting);
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
        for (q, question) in ix.questions.iter_mut().enumerate() {
            question.weight = question.terms.iter().map(|&t| ix.idf[t as usize]).sum();
            for &t in &question.terms {
                ix.question_postings[t as usize].push(q as u32);
            }
        }
        ix.build_units(kb);
        ix.build_previous(kb);
        ix.build_pairs(kb);
        ix.build_proper(kb);
        ix
    }

    /// Marks the terms the articles write only as names ([`Index::proper`]);
    /// headlines, often in title case, are not read.
    fn build_proper(&mut self, kb: &KnowledgeBase) {
        let (mut capital, mut lower) =
            (vec![false; self.terms.len()], vec![false; self.terms.len()]);
        for article in &kb.articles {
            for sentence in &article.sentences {
                if sentence.place == crate::knowledge::Place::Headline {
                    continue;
                }
                for w in crate::text::later_words(&sentence.text) {
                    let Some(&id) = self.terms.get(&crate::text::stem(&crate::text::fold(w)))
                    else {
                        continue;
                    };
                    if w.starts_with(char::is_uppercase) {
                        capital[id as usize] = true;
                    } else {
                        lower[id as usize] = true;
                    }
                }
            }
        }
        self.proper = capital.iter().zip(&lower).map(|(&c, &l)| c && !l).collect();
    }

    /// Groups the facts by the paragraph, caption or headline they stand in,
    /// and indexes each group's terms.
    fn build_units(&mut self, kb: &KnowledgeBase) {
        let mut unit_of: HashMap<(u32, u32), u32> = HashMap::default();
        let mut unit_terms: Vec<Vec<u32>> = Vec::new();
        self.headline_unit = vec![u32::MAX; kb.articles.len()];
        for (f, fact) in kb.facts.iter().enumerate() {
            let article = kb.article(fact.article);
            let s = fact.evidence.first().copied().unwrap_or(0);
            let sentence = &article.sentences[s];
            // Paragraphs by number; the headline 0; each caption its own unit.
            let place = match sentence.place {
                crate::knowledge::Place::Body(n) => n,
                crate::knowledge::Place::Headline => 0,
                crate::knowledge::Place::Caption => u32::MAX - s as u32,
            };
            let next = unit_terms.len() as u32;
            let unit = *unit_of.entry((fact.article.0, place)).or_insert(next);
            if unit == next {
                unit_terms.push(Vec::new());
                self.unit_article.push(fact.article.0);
                if place == 0 {
                    self.headline_unit[fact.article.get()] = unit;
                }
            }
            unit_terms[unit as usize].extend_from_slice(&self.fact_content[f]);
            self.fact_is_sentence.push(!fact.curated);
            self.fact_is_caption
                .push(sentence.place == crate::knowledge::Place::Caption);
            self.fact_unit.push(unit);
            self.fact_words.push(
                crate::text::words(&sentence.text)
                    .len()
                    .min(u16::MAX as usize) as u16,
            );
        }
        self.unit_postings = vec![Vec::new(); self.terms.len()];
        for (u, terms) in unit_terms.into_iter().enumerate() {
            for t in sorted(terms) {
                self.unit_postings[t as usize].push(u as u32);
            }
        }
    }

    /// Links each fact to the automatic fact of the body sentence before its main one.
    fn build_previous(&mut self, kb: &KnowledgeBase) {
        let mut sentence_fact: HashMap<(u32, usize), u32> = HashMap::default();
        for (f, fact) in kb.facts.iter().enumerate() {
            if let (false, Some(&s)) = (fact.curated, fact.evidence.first()) {
                sentence_fact.insert((fact.article.0, s), f as u32);
            }
        }
        self.fact_previous = kb
            .facts
            .iter()
            .map(|fact| {
                let article = kb.article(fact.article);
                let s = fact.evidence.first().copied().unwrap_or(0);
                let body = |s: usize| {
                    matches!(article.sentences[s].place, crate::knowledge::Place::Body(_))
                };
                if s == 0 || !body(s) || !body(s - 1) {
                    return u32::MAX;
                }
                sentence_fact
                    .get(&(fact.article.0, s - 1))
                    .copied()
                    .unwrap_or(u32::MAX)
            })
            .collect();
        self.fact_pointed_from = vec![u32::MAX; kb.facts.len()];
        for (f, &p) in self.fact_previous.iter().enumerate() {
            if p != u32::MAX && self.fact_points_back[f] && self.fact_is_sentence[f] {
                self.fact_pointed_from[p as usize] = f as u32;
            }
        }
    }

    /// Collects the words each article writes side by side ([`Index::article_pairs`]).
    fn build_pairs(&mut self, kb: &KnowledgeBase) {
        self.article_pairs = kb
            .articles
            .iter()
            .map(|article| {
                let mut pairs: Vec<u64> = Vec::new();
                for sentence in &article.sentences {
                    let unbracketed = without_brackets(&sentence.text);
                    for text in
                        std::iter::once(sentence.text.as_str()).chain(unbracketed.as_deref())
                    {
                        let stems: Vec<String> = crate::text::words(text)
                            .iter()
                            .map(|w| crate::text::stem(w))
                            .collect();
                        pairs.extend(stems.windows(2).map(|w| pair_key(&w[0], &w[1])));
                        // One word between: "Indira Gandhi International Airport" writes "Gandhi Airport".
                        pairs.extend(stems.windows(3).map(|w| pair_key(&w[0], &w[2])));
                    }
                }
                pairs.sort_unstable();
                pairs.dedup();
                pairs.shrink_to_fit();
                pairs
            })
            .collect();
    }

    /// Whether article `a` writes a word of stem `first` just before one of
    /// stem `second`, or one word before it.
    pub fn writes_side_by_side(&self, a: usize, first: &str, second: &str) -> bool {
        self.article_pairs
            .get(a)
            .is_some_and(|p| p.binary_search(&pair_key(first, second)).is_ok())
    }

    fn intern(&mut self, term: String) -> u32 {
        let next = self.terms.len() as u32;
        *self.terms.entry(term).or_insert(next)
    }

    /// The id of a term, if indexed.
    pub fn id(&self, term: &str) -> Option<u32> {
        self.terms.get(term).copied()
    }

    /// The weight of a question word the knowledge holds only through its
    /// meaning (`ids`, the terms that match it): as rare as the rarest way
    /// to match it, and no rarer than a word never seen. `None` without any.
    pub fn meaning_weight(&self, ids: impl IntoIterator<Item = u32>) -> Option<f32> {
        let mut ids = ids.into_iter().peekable();
        ids.peek()?;
        let rarest = ids.map(|t| self.idf[t as usize]).fold(0.0, f32::max);
        Some(rarest.min(self.unknown_idf))
    }
}

/// The key of two word stems side by side in [`Index::article_pairs`].
fn pair_key(first: &str, second: &str) -> u64 {
    use std::hash::BuildHasher;
    rustc_hash::FxBuildHasher.hash_one((first, second))
}

fn sorted(mut v: Vec<u32>) -> Vec<u32> {
    v.sort_unstable();
    v.dedup();
    v
}

/// `text` without its bracketed asides, when it has any: "the Constitution
/// (Sixty-ninth Amendment) Act" names "the Constitution Act" too.
fn without_brackets(text: &str) -> Option<String> {
    if !text.contains('(') {
        return None;
    }
    let mut out = String::with_capacity(text.len());
    let mut depth = 0usize;
    for c in text.chars() {
        match c {
            '(' => depth += 1,
            ')' if depth > 0 => {
                depth -= 1;
                if depth == 0 {
                    out.push(' ');
                }
            }
            _ if depth == 0 => out.push(c),
            _ => {}
        }
    }
    Some(out)
}
