//! Scoring facts against a question: weighted term coverage, similarity to the
//! fact's example questions, and question-type cues.

use rustc_hash::FxHashMap as HashMap;

use super::analyze::Analysis;
use super::index::Index;
use crate::knowledge::Cue;

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
    /// The fact index.
    pub fact: u32,
    /// The final score.
    pub score: f32,
    /// Share of the question's weight the fact holds anywhere.
    pub coverage: f32,
    /// Best weighted Jaccard similarity with one of its example questions.
    pub question_similarity: f32,
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
    /// The term a fact must hold (what the question asks for); `Some(None)` when the
    /// knowledge base has never seen it.
    pub focus: Option<Option<u32>>,
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
                q.focus = Some(index.id(&term.text));
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

/// Scores every fact sharing a term with the query; best first.
pub fn rank(query: &Query, analysis: &Analysis, index: &Index) -> Vec<Scored> {
    if query.is_empty() {
        return Vec::new();
    }
    let mut all: HashMap<u32, (f32, f32)> = HashMap::default();
    for &(t, w) in &query.known {
        for &f in &index.postings[t as usize] {
            let e = all.entry(f).or_insert((0.0, 0.0));
            e.0 += w;
            if index.fact_content[f as usize].binary_search(&t).is_ok() {
                e.1 += w;
            }
        }
    }
    let mut shared: HashMap<u32, f32> = HashMap::default();
    for &(t, w) in &query.known {
        for &q in &index.question_postings[t as usize] {
            *shared.entry(q).or_insert(0.0) += w;
        }
    }
    let mut best_q: HashMap<u32, f32> = HashMap::default();
    for (q, inter) in shared {
        let (fact, _, weight) = &index.questions[q as usize];
        let union = query.total + weight - inter;
        let mut sim = if union > 0.0 { inter / union } else { 0.0 };
        let q_cues = &index.question_cues[q as usize];
        let wanted = &analysis.cues.wanted;
        if !wanted.is_empty() && !q_cues.is_empty() && !wanted.iter().any(|c| q_cues.contains(c)) {
            // Same words, another question: "how many shots" is not "when were shots fired".
            sim *= 0.5;
        }
        let e = best_q.entry(*fact).or_insert(0.0);
        *e = e.max(sim);
    }
    let wanted = &analysis.cues.wanted;
    let mut out: Vec<Scored> = all
        .into_iter()
        .map(|(fact, (held, content))| {
            let coverage = held / query.total;
            let content_coverage = content / query.total;
            let question_similarity = best_q.get(&fact).copied().unwrap_or(0.0);
            let cues = &index.fact_cues[fact as usize];
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
            let mut score = (W_COV * coverage
                + W_CONTENT * content_coverage
                + W_QSIM * question_similarity
                + cue)
                * factor;
            let holds_focus = match query.focus {
                None => true,
                Some(None) => false,
                Some(Some(t)) => index.fact_terms[fact as usize].binary_search(&t).is_ok(),
            };
            if !holds_focus {
                score *= 0.55;
            }
            Scored {
                fact,
                score,
                coverage,
                question_similarity,
            }
        })
        .collect();
    out.sort_by(|a, b| b.score.total_cmp(&a.score).then(a.fact.cmp(&b.fact)));
    out
}
