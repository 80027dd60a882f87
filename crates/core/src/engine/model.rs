//! The learned weights of the engine's models (see [`super::features`] and
//! [`super::verify`]), written by `crates/core/tools/train_model.py` from
//! `crates/core/tools/model.json`. Do not edit by hand.

use super::features::{Logistic, COUNT};
use super::verify;

/// The ranking of candidate facts, from their [`super::features::Features`]
/// (a conditional logit: only differences between facts matter).
pub const FACT: Logistic<COUNT> = Logistic {
    bias: 0.0,
    weights: [
        4.58712,      // coverage
        2.71862,      // exact_coverage
        1.75465,      // content_coverage
        3.88994,      // question_similarity
        4.46721,      // paragraph_context
        4.05336,      // headline_context
        -3.10109,     // article_missing
        4.65326e-18,  // unknown_share
        -0.0886421,   // largest_missing
        -3.932e-16,   // names_the_unknown
        0.655888,     // type_present
        -0.651243,    // number_or_time_missing
        -0.00464476,  // type_missing
        -0.124724,    // focus_missing
        -0.677722,    // future_missing
        -7.85275e-15, // curated
        -1.16101,     // headline
        -1.41567,     // caption
        -0.37117,     // sentence_words
        1.56554e-16,  // yes_no
        -2.68267e-15, // question_words
        -6.54712e-15, // specificity
        1.8685,       // meaning_share
        2.77571,      // heuristic
        -0.41748,     // proximity
        1.46107,      // phrase_pairs
        -1.73926,     // novelty
        0.793963,     // named_missing
        -0.423526,    // number_missing
        -0.0142697,   // negation_differs
        -0.543588,    // curated_heuristic
        -0.336172,    // curated_coverage
        -8.74593e-15, // typed_question
        0.260585,     // typed_answer_new
        1.23651,      // typed_answer_any
    ],
};

/// The chance that one of the best facts answers rightly, from [`verify`]'s measures.
pub const DECISION: Logistic<{ verify::COUNT }> = Logistic {
    bias: -3.08956,
    weights: [
        0.31506,    // logit
        0.445665,   // lead
        -0.192756,  // typed_question
        1.28307,    // typed_found
        0.406666,   // extracted
        0.306442,   // curated
        0.29189,    // coverage
        -0.479744,  // exact_coverage
        0.647376,   // content_coverage
        -1.33425,   // question_similarity
        0.616474,   // paragraph_context
        0.257665,   // headline_context
        -0.296757,  // article_missing
        -1.40102,   // unknown_share
        1.70551,    // largest_missing
        -1.14244,   // names_the_unknown
        -0.755407,  // type_present
        -0.491261,  // number_or_time_missing
        0.146155,   // type_missing
        -0.326111,  // focus_missing
        -0.918841,  // future_missing
        0.306442,   // curated
        0.563065,   // headline
        0.149907,   // caption
        1.24815,    // sentence_words
        -0.0406178, // yes_no
        -2.10417,   // question_words
        0.82472,    // specificity
        0.771634,   // meaning_share
        -0.0461916, // heuristic
        0.0442449,  // proximity
        0.462823,   // phrase_pairs
        -0.384499,  // novelty
        -0.927505,  // named_missing
        -0.853119,  // number_missing
        -0.270358,  // negation_differs
        -0.736478,  // curated_heuristic
        2.96803,    // curated_coverage
        -0.192756,  // typed_question
        -0.131266,  // typed_answer_new
        -0.831362,  // typed_answer_any
    ],
};
