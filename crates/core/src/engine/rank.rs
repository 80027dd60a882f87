//! Scoring facts against a question: weighted term coverage, similarity to the
//! fact's example questions, and question-type cues.

use super::analyze::Analysis;
use super::index::{Index, Posting, TermId};
use crate::knowledge::{Cue, FactIx};

/// Share of the score from the question's weight the fact holds anywhere.
const W_COV: f32 = 0.5;
/// Share from the weight held by the fact's own text (not its example questions).
const W_CONTENT: f32 = 0.2;
/// Share from the best similarity with one of its example questions.
const W_QSIM: f32 = 0.3;
/// Share of an unknown word's weight kept when it looks like an inflected verb.
const UNKNOWN_VERB_FACTOR: f32 = 0.5;
/// Weight of a low-information word.
const GENERIC_WEIGHT: f32 = 0.3;
/// A corrected word counts a little less than one typed right.
const CORRECTED_FACTOR: f32 = 0.85;

/// One fact's score for a question.
#[derive(Debug, Clone, Copy, PartialEq)]
pub struct Scored {
    /// The fact.
    pub fact: FactIx,
    /// The final score.
    pub score: f32,
    /// Share of the question's weight the fact holds anywhere.
    pub coverage: f32,
    /// Best weighted Jaccard similarity with one of its example questions.
    pub question_similarity: f32,
    /// That example question (an index into [`Index::questions`]), if any shares a term.
    pub best_question: Option<u32>,
}

/// What the question asks for ("how many *victims*", "what *gun*"), which a fact must hold.
#[derive(Debug, Clone, Copy, Default, PartialEq, Eq)]
pub enum Focus {
    /// The question names no such thing.
    #[default]
    None,
    /// It names one the knowledge base has never seen: no fact holds it.
    Unknown,
    /// It names this term.
    Term(TermId),
}

/// A question's terms, resolved against the index.
#[derive(Debug, Clone, Default)]
pub struct Query {
    /// (term id, weight) of the known terms.
    pub known: Vec<(u32, f32)>,
    /// Total weight, unknown terms included.
    pub total: f32,
    /// Weight of the terms the knowledge base has never seen (low-information words aside).
    pub unknown: f32,
    /// The term a fact must hold: what the question asks for.
    pub focus: Focus,
    /// The question names something specific the knowledge has never seen
    /// ("on Friday", "the Super Bowl"), or asks for a thing it has never seen.
    pub names_the_unknown: bool,
}

impl Query {
    /// Resolves analyzed terms to ids and weights.
    pub fn new(analysis: &Analysis, index: &Index) -> Query {
        let mut q = Query::default();
        for term in &analysis.terms {
            if term.focus {
                q.focus = index.id(&term.text).map_or(Focus::Unknown, Focus::Term);
            }
            let factor = if term.corrected {
                CORRECTED_FACTOR
            } else {
                1.0
            };
            match index.id(&term.text) {
                Some(id) => {
                    let w = if term.generic {
                        GENERIC_WEIGHT
                    } else {
                        index.idf[id as usize] * factor
                    };
                    q.known.push((id, w));
                    q.total += w;
                }
                None => {
                    if term.named || term.focus {
                        q.names_the_unknown = true;
                    }
                    let w = if term.generic {
                        GENERIC_WEIGHT
                    } else if term.verb_form {
                        // An unknown verb ("produced", "rescued") is most often a paraphrase of
                        // the article's own verb; the nouns say what the question is about.
                        UNKNOWN_VERB_FACTOR * index.unknown_idf
                    } else {
                        index.unknown_idf
                    };
                    if !term.generic {
                        q.unknown += w;
                    }
                    q.total += w;
                }
            }
        }
        q
    }

    /// Adds terms as context, for a question that names nothing ("what time did he get there").
    pub fn add_context(&mut self, terms: &[(u32, f32)]) {
        for &(t, w) in terms {
            if !self.known.iter().any(|k| k.0 == t) {
                self.known.push((t, w));
                self.total += w;
            }
        }
    }

    /// The question names something beyond low-information words.
    pub fn names_something(&self, analysis: &Analysis) -> bool {
        analysis.terms.iter().any(|t| !t.generic)
    }

    /// The question has something to match.
    pub fn is_empty(&self) -> bool {
        self.total <= 0.0
    }
}

/// Share of the question's weight a fact must hold to be answered: a fact holding
/// none of the heaviest terms worth more than the rest cannot reach it, so it is
/// never scored.
pub const MIN_COVERAGE: f32 = 0.45;
/// Most facts scored for one question. Past it, the commonest terms only rescore
/// the candidates the rarer terms found; a question whose rarest term alone is in
/// more facts than this ("what did the agency report", over millions of facts)
/// names nothing that singles one out, and only the first of them are scored.
const MAX_CANDIDATES: usize = 4_000;

/// Per-thread scratch arrays indexed by fact and by example question, reused from
/// one question to the next: a slot is live when its stamp is the current epoch.
#[derive(Default)]
struct Scratch {
    epoch: u32,
    fact_stamp: Vec<u32>,
    held: Vec<f32>,
    content: Vec<f32>,
    best_q: Vec<f32>,
    best_question: Vec<u32>,
    candidates: Vec<u32>,
    question_stamp: Vec<u32>,
    shared: Vec<f32>,
    touched_questions: Vec<u32>,
}

impl Scratch {
    /// Readies the arrays for an index of `facts` facts and `questions` questions.
    fn begin(&mut self, facts: usize, questions: usize) {
        if self.fact_stamp.len() < facts {
            self.fact_stamp.resize(facts, 0);
            self.held.resize(facts, 0.0);
            self.content.resize(facts, 0.0);
            self.best_q.resize(facts, 0.0);
            self.best_question.resize(facts, u32::MAX);
        }
        if self.question_stamp.len() < questions {
            self.question_stamp.resize(questions, 0);
            self.shared.resize(questions, 0.0);
        }
        self.epoch = self.epoch.wrapping_add(1);
        if self.epoch == 0 {
            self.fact_stamp.fill(0);
            self.question_stamp.fill(0);
            self.epoch = 1;
        }
        self.candidates.clear();
        self.touched_questions.clear();
    }

    fn live(&self, fact: u32) -> bool {
        self.fact_stamp[fact as usize] == self.epoch
    }

    /// Adds a posting's weight to its fact, making it a candidate if `open`.
    fn add(&mut self, posting: Posting, w: f32, open: bool) {
        let f = posting.fact().get();
        if self.fact_stamp[f] != self.epoch {
            if !open {
                return;
            }
            self.fact_stamp[f] = self.epoch;
            self.held[f] = 0.0;
            self.content[f] = 0.0;
            self.best_q[f] = 0.0;
            self.best_question[f] = u32::MAX;
            self.candidates.push(f as u32);
        }
        self.held[f] += w;
        if posting.in_content() {
            self.content[f] += w;
        }
    }
}

thread_local! {
    static SCRATCH: std::cell::RefCell<Scratch> = std::cell::RefCell::new(Scratch::default());
}

/// Scores the facts sharing a term with the query and returns the `limit` best, best first.
///
/// Only facts that could be answered are scored: the query's terms, heaviest first,
/// open candidates until the terms left weigh less than [`MIN_COVERAGE`] of the
/// question; the lighter terms then only add to those candidates.
pub fn rank(query: &Query, analysis: &Analysis, index: &Index, limit: usize) -> Vec<Scored> {
    if query.is_empty() || limit == 0 {
        return Vec::new();
    }
    SCRATCH.with(|scratch| rank_with(&mut scratch.borrow_mut(), query, analysis, index, limit))
}

fn rank_with(
    scratch: &mut Scratch,
    query: &Query,
    analysis: &Analysis,
    index: &Index,
    limit: usize,
) -> Vec<Scored> {
    scratch.begin(index.fact_terms.len(), index.questions.len());
    let mut terms = query.known.clone();
    terms.sort_by(|a, b| b.1.total_cmp(&a.1).then(a.0.cmp(&b.0)));
    // The lightest terms whose weight together stays under the coverage bar.
    let bar = MIN_COVERAGE * query.total;
    let mut light = 0.0;
    let mut opening = terms.len();
    while opening > 1 && light + terms[opening - 1].1 < bar {
        light += terms[opening - 1].1;
        opening -= 1;
    }
    let mut opened = 0usize;
    for (k, &(t, w)) in terms.iter().enumerate() {
        let mut postings = index.postings[t as usize].as_slice();
        if k == 0 {
            postings = &postings[..postings.len().min(MAX_CANDIDATES)];
        }
        let open = k < opening && opened + postings.len() <= MAX_CANDIDATES;
        if open {
            opened += postings.len();
            for &p in postings {
                scratch.add(p, w, true);
            }
        } else if postings.len() <= scratch.candidates.len() * 4 {
            for &p in postings {
                scratch.add(p, w, false);
            }
        } else {
            for i in 0..scratch.candidates.len() {
                let f = scratch.candidates[i];
                if index.fact_terms[f as usize].binary_search(&t).is_ok() {
                    let content = index.fact_content[f as usize].binary_search(&t).is_ok();
                    scratch.add(Posting::new(FactIx(f), content), w, false);
                }
            }
        }
    }
    question_similarity(scratch, query, analysis, index);
    let mut out: Vec<Scored> = scratch
        .candidates
        .iter()
        .map(|&fact| score(scratch, FactIx(fact), query, analysis, index))
        .collect();
    let better = |a: &Scored, b: &Scored| b.score.total_cmp(&a.score).then(a.fact.cmp(&b.fact));
    if out.len() > limit {
        out.select_nth_unstable_by(limit - 1, better);
        out.truncate(limit);
    }
    out.sort_by(better);
    out
}

/// The best weighted Jaccard similarity of each candidate's example questions with the query.
fn question_similarity(scratch: &mut Scratch, query: &Query, analysis: &Analysis, index: &Index) {
    for &(t, w) in &query.known {
        for &q in &index.question_postings[t as usize] {
            let qi = q as usize;
            if !scratch.live(index.questions[qi].fact.0) {
                continue;
            }
            if scratch.question_stamp[qi] != scratch.epoch {
                scratch.question_stamp[qi] = scratch.epoch;
                scratch.shared[qi] = 0.0;
                scratch.touched_questions.push(q);
            }
            scratch.shared[qi] += w;
        }
    }
    let wanted = &analysis.cues.wanted;
    for i in 0..scratch.touched_questions.len() {
        let q = scratch.touched_questions[i] as usize;
        let inter = scratch.shared[q];
        let example = &index.questions[q];
        let union = query.total + example.weight - inter;
        let mut sim = if union > 0.0 { inter / union } else { 0.0 };
        let q_cues = &example.cues;
        if !wanted.is_empty() && !q_cues.is_empty() && !wanted.iter().any(|c| q_cues.contains(c)) {
            // Same words, another question: "how many shots" is not "when were shots fired".
            sim *= 0.5;
        }
        let f = example.fact.get();
        if scratch.best_question[f] == u32::MAX || sim > scratch.best_q[f] {
            scratch.best_q[f] = sim;
            scratch.best_question[f] = q as u32;
        }
    }
}

/// One candidate's score from its accumulated weights.
fn score(
    scratch: &Scratch,
    fact: FactIx,
    query: &Query,
    analysis: &Analysis,
    index: &Index,
) -> Scored {
    let f = fact.get();
    let coverage = scratch.held[f] / query.total;
    let content_coverage = scratch.content[f] / query.total;
    let question_similarity = scratch.best_q[f];
    let wanted = &analysis.cues.wanted;
    let cues = &index.fact_cues[f];
    let mut cue = 0.0;
    let mut factor = 1.0;
    if !wanted.is_empty() {
        if wanted.iter().any(|c| cues.contains(c)) {
            cue = 0.1;
        } else if wanted.iter().any(|c| matches!(c, Cue::Number | Cue::Time)) {
            // A "how many" or "when" question needs a number or a time in the answer.
            factor = 0.65;
        } else {
            cue = -0.1;
        }
    }
    if analysis.cues.future && !cues.contains(&Cue::Future) {
        cue -= 0.25;
    }
    let mut score =
        (W_COV * coverage + W_CONTENT * content_coverage + W_QSIM * question_similarity + cue)
            * factor;
    let holds_focus = match query.focus {
        Focus::None => true,
        Focus::Unknown => false,
        Focus::Term(t) => index.fact_terms[f].binary_search(&t).is_ok(),
    };
    if !holds_focus {
        score *= 0.55;
    }
    Scored {
        fact,
        score,
        coverage,
        question_similarity,
        best_question: Some(scratch.best_question[f]).filter(|&q| q != u32::MAX),
    }
}
