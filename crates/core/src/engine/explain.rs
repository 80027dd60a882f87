//! How the engine read a question and why it answered as it did: recorded by
//! the same steps that decide the answer ([`super::Engine::explain`]), so the
//! explanation can never disagree with the answer it explains.

use std::fmt;

use serde::Serialize;

use super::analyze::Analysis;
use super::rank::Scored;
use crate::knowledge::Cue;

/// Why the engine answered, or declined.
#[derive(Debug, Clone, PartialEq, Serialize)]
#[serde(tag = "kind", rename_all = "snake_case")]
pub enum Decision {
    /// The question has no words, or is mostly in another script.
    Unreadable,
    /// The message greets the bot, asks for help, asks about the bot or for a task.
    AddressedToBot,
    /// The question asks for the gist: the headline and summary answer.
    Summary,
    /// No fact shares a term with the question.
    NothingMatched,
    /// The best fact is too unlikely to answer it rightly.
    TooUnlikely {
        /// The chance that it does.
        chance: f32,
        /// The chance needed to answer.
        needed: f32,
    },
    /// Two stories answer it about equally: the reply asks which one.
    WhichStory {
        /// The ids of the facts that would answer, one per story.
        facts: Vec<String>,
    },
    /// The fact that answered.
    Answered {
        /// Its id.
        fact: String,
        /// The chance that it answers rightly.
        chance: f32,
    },
}

/// One term of the question as matched.
#[derive(Debug, Clone, PartialEq, Serialize)]
pub struct ExplainedTerm {
    /// The term (stem or lexicon canonical form).
    pub term: String,
    /// Reached by correcting a typo.
    pub corrected: bool,
    /// A low-information word, weighed lightly.
    pub generic: bool,
    /// Its weight; `None` when the knowledge has never seen it.
    pub weight: Option<f32>,
    /// The knowledge holds it only through its meaning: a synonym, another
    /// form or a kind of it ("unionise" for an article's "unionize").
    pub by_meaning: bool,
}

/// One of the best-scoring facts.
#[derive(Debug, Clone, PartialEq, Serialize)]
pub struct ExplainedFact {
    /// The fact's id.
    pub fact: String,
    /// The model's log-odds that it answers.
    pub score: f32,
    /// The share of the question's weight it holds.
    pub coverage: f32,
    /// Its best similarity with one of its example questions.
    pub question_similarity: f32,
}

/// A typo correction.
#[derive(Debug, Clone, PartialEq, Serialize)]
pub struct Correction {
    /// As typed.
    pub typed: String,
    /// As read.
    pub read: String,
}

/// How a question was read and answered.
#[derive(Debug, Clone, PartialEq, Serialize)]
pub struct Explanation {
    /// The question's words after folding, slang and typo correction.
    pub words: Vec<String>,
    /// The answer types asked for ("number", "time"...).
    pub wants: Vec<&'static str>,
    /// What the short-answer reader looks for in a sentence read from the
    /// text ("place" for "in which city...?"), when the question says.
    pub short_answer: Option<&'static str>,
    /// A yes/no question.
    pub yes_no: bool,
    /// Typo corrections.
    pub corrections: Vec<Correction>,
    /// The match terms.
    pub terms: Vec<ExplainedTerm>,
    /// The best facts, best first (at most five).
    pub best: Vec<ExplainedFact>,
    /// The outcome.
    pub decision: Decision,
}

/// A cue's name as written in `facts.toml`.
pub fn cue_name(cue: Cue) -> &'static str {
    match cue {
        Cue::Number => "number",
        Cue::Time => "time",
        Cue::Place => "place",
        Cue::Person => "person",
        Cue::Reason => "reason",
        Cue::Future => "future",
    }
}

impl Explanation {
    pub(crate) fn new(
        analysis: &Analysis,
        weights: Vec<Option<(f32, bool)>>,
        best: Vec<(String, Scored)>,
        decision: Decision,
    ) -> Explanation {
        Explanation {
            words: analysis.words.clone(),
            wants: analysis.cues.wanted.iter().map(|&c| cue_name(c)).collect(),
            short_answer: analysis.wanted.map(|w| w.name()),
            yes_no: analysis.cues.yes_no,
            corrections: analysis
                .corrections
                .iter()
                .map(|(typed, read)| Correction {
                    typed: typed.clone(),
                    read: read.clone(),
                })
                .collect(),
            terms: analysis
                .terms
                .iter()
                .zip(weights)
                .map(|(t, weight)| ExplainedTerm {
                    term: t.text.clone(),
                    corrected: t.corrected,
                    generic: t.generic,
                    weight: weight.map(|(w, _)| w),
                    by_meaning: weight.is_some_and(|(_, m)| m),
                })
                .collect(),
            best: best
                .into_iter()
                .map(|(fact, s)| ExplainedFact {
                    fact,
                    score: s.logit,
                    coverage: s.coverage,
                    question_similarity: s.question_similarity,
                })
                .collect(),
            decision,
        }
    }
}

impl fmt::Display for Decision {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        match self {
            Decision::Unreadable => write!(f, "declined: no readable English words"),
            Decision::AddressedToBot => {
                write!(f, "declined: addressed to the bot, not about the news")
            }
            Decision::Summary => write!(f, "answered with the headline and summary"),
            Decision::NothingMatched => write!(f, "declined: no fact shares a word with it"),
            Decision::TooUnlikely { chance, needed } => write!(
                f,
                "declined: the best fact is right with a chance of {:.0}%, {:.0}% needed",
                chance * 100.0,
                needed * 100.0
            ),
            Decision::WhichStory { facts } => write!(
                f,
                "asked which story: {} answer about equally",
                facts.join(" and ")
            ),
            Decision::Answered { fact, chance } => write!(
                f,
                "answered from fact {fact} (a chance of {:.0}% to be right)",
                chance * 100.0
            ),
        }
    }
}

impl fmt::Display for Explanation {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        writeln!(f, "read as: {}", self.words.join(" "))?;
        let wants = if self.wants.is_empty() {
            "anything".to_string()
        } else {
            self.wants.join(", ")
        };
        writeln!(
            f,
            "asks for: {wants}{}",
            if self.yes_no { " (yes/no)" } else { "" }
        )?;
        if let Some(kind) = self.short_answer {
            writeln!(f, "short answer: {kind}")?;
        }
        if !self.corrections.is_empty() {
            let fixes: Vec<String> = self
                .corrections
                .iter()
                .map(|c| format!("{} -> {}", c.typed, c.read))
                .collect();
            writeln!(f, "corrected: {}", fixes.join(", "))?;
        }
        let terms: Vec<String> = self
            .terms
            .iter()
            .map(|t| {
                let weight = t
                    .weight
                    .map_or_else(|| "unknown".to_string(), |w| format!("{w:.2}"));
                let marks: String = [
                    (t.by_meaning, ", by meaning"),
                    (t.corrected, ", corrected"),
                    (t.generic, ", generic"),
                ]
                .iter()
                .filter(|(on, _)| *on)
                .map(|(_, mark)| *mark)
                .collect();
                format!("{} ({weight}{marks})", t.term)
            })
            .collect();
        writeln!(f, "terms: {}", terms.join(", "))?;
        for b in &self.best {
            writeln!(
                f,
                "  {:+.2}  coverage {:.2}  example similarity {:.2}  {}",
                b.score, b.coverage, b.question_similarity, b.fact
            )?;
        }
        writeln!(f, "{}", self.decision)
    }
}
