//! What the engine measures of a fact against a question, and the learned
//! model that weighs the measures: the chance that the fact answers.
//!
//! The weights are fitted offline on question sets written for the purpose
//! (news articles and reading-comprehension data, answerable and not) by
//! `crates/core/tools/train_model.py`, which writes [`super::model`].

/// The measures of one fact for one question, all of them numbers of about
/// unit size. Their order is [`NAMES`].
#[derive(Debug, Clone, Copy, PartialEq)]
pub struct Features(pub [f32; COUNT]);

/// How many measures there are.
pub const COUNT: usize = 38;

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
    "typed_question",
    "typed_answer_new",
    "typed_answer_any",
    "previous_context",
    "previous_pointed",
    "substituted",
];

/// A logistic model over `N` measures.
#[derive(Debug, Clone, Copy)]
pub struct Logistic<const N: usize> {
    /// The intercept.
    pub bias: f32,
    /// One weight per measure.
    pub weights: [f32; N],
}

impl<const N: usize> Logistic<N> {
    /// The log-odds of `measures`.
    pub fn logit_of(&self, measures: &[f32; N]) -> f32 {
        self.bias
            + self
                .weights
                .iter()
                .zip(measures.iter())
                .map(|(w, x)| w * x)
                .sum::<f32>()
    }
}

impl Logistic<COUNT> {
    /// The log-odds of `features`.
    pub fn logit(&self, features: &Features) -> f32 {
        self.logit_of(&features.0)
    }
}

impl Features {
    /// The measure called `name` (one of [`NAMES`]).
    pub fn get(&self, name: &str) -> f32 {
        NAMES
            .iter()
            .position(|n| *n == name)
            .map_or(0.0, |i| self.0[i])
    }
}

/// The chance from a log-odds.
pub fn sigmoid(z: f32) -> f32 {
    1.0 / (1.0 + (-z).exp())
}
