//! The learned weights of the engine's models (see [`super::features`]),
//! written by `crates/core/tools/train_model.py`. Do not edit by hand.

use super::features::{Decision, Logistic};

/// The chance that a fact answers a question, from its [`super::features::Features`].
pub const FACT: Logistic = Logistic {
    bias: -6.4984,
    weights: [
        4.49421,   // coverage
        2.20888,   // exact_coverage
        1.33492,   // content_coverage
        1.355,     // question_similarity
        4.64787,   // paragraph_context
        3.18911,   // headline_context
        -0.212964, // article_missing
        1.51106,   // unknown_share
        3.4808,    // largest_missing
        -1.13979,  // names_the_unknown
        0.029166,  // type_present
        -1.28023,  // number_or_time_missing
        0.288863,  // type_missing
        -0.248325, // focus_missing
        -0.463009, // future_missing
        -0.37989,  // curated
        -0.772662, // headline
        -0.949007, // caption
        0.990637,  // sentence_words
        -0.209835, // yes_no
        -0.555632, // question_words
        0.816169,  // specificity
        2.28533,   // meaning_share
        1.50142,   // heuristic
        -0.380684, // proximity
        0.442554,  // phrase_pairs
        -2.49824,  // novelty
        -1.10341,  // named_missing
        -1.17268,  // number_missing
        -0.578368, // negation_differs
        -1.3564,   // curated_heuristic
        1.26895,   // curated_coverage
    ],
};

/// Whether to answer with the best fact: the chance it is right.
pub const DECISION: Decision = Decision {
    bias: -0.646738,
    best: 0.724941,
    lead: 0.359583,
};
