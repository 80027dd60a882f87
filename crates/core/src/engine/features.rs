//! What the engine measures of a fact against a question, and the learned
//! model that weighs the measures: the chance that the fact answers.
//!
//! The weights are fitted offline on question sets written for the purpose
//! (news articles and reading-comprehension data, answerable and not) by
//! `crates/core/tools/train_model.py`, which writes [`super::model`].

/// The measures of one fact for one question, all of them numbers of about
/// unit size. Their order is [`NAMES`].
#[derive(Debug, Clone, Copy, PartialEq, Default)]
pub struct Features(pub [f32; COUNT]);

/// How many measures there are.
pub const COUNT: usize = 32;

/// The measures' names, in order (the training script reads them).
pub const NAMES: [&str; COUNT] = [
    "coverage",
    "exact_coverage",
    "content_coverage",
    "question_similarity",
    "paragraph_context",
    "headline_context",
    "article_missing",
    "unknown_share",
    "largest_missing",
    "names_the_unknown",
    "type_present",
    "number_or_time_missing",
    "type_missing",
    "focus_missing",
    "future_missing",
    "curated",
    "headline",
    "caption",
    "sentence_words",
    "yes_no",
    "question_words",
    "specificity",
    "meaning_share",
    "heuristic",
    "proximity",
    "phrase_pairs",
    "novelty",
    "named_missing",
    "number_missing",
    "negation_differs",
    "curated_heuristic",
    "curated_coverage",
];

/// A logistic model over [`Features`].
#[derive(Debug, Clone, Copy)]
pub struct Logistic {
    /// The intercept.
    pub bias: f32,
    /// One weight per measure, in [`NAMES`] order.
    pub weights: [f32; COUNT],
}

impl Logistic {
    /// The log-odds of `features`.
    pub fn logit(&self, features: &Features) -> f32 {
        self.bias
            + self
                .weights
                .iter()
                .zip(features.0.iter())
                .map(|(w, x)| w * x)
                .sum::<f32>()
    }
}

/// The chance from a log-odds.
pub fn sigmoid(z: f32) -> f32 {
    1.0 / (1.0 + (-z).exp())
}

/// Whether to answer, from the best fact's log-odds and its lead over the
/// second best: a second logistic model, fitted on whole questions.
#[derive(Debug, Clone, Copy)]
pub struct Decision {
    /// The intercept.
    pub bias: f32,
    /// The weight of the best fact's log-odds.
    pub best: f32,
    /// The weight of its lead over the second best.
    pub lead: f32,
}

impl Decision {
    /// The chance that the best fact answers the question rightly.
    pub fn probability(&self, best: f32, second: Option<f32>) -> f32 {
        let lead = second.map_or(3.0, |s| (best - s).min(3.0));
        sigmoid(self.bias + self.best * best + self.lead * lead)
    }
}
