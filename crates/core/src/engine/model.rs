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
        4.58725,      // coverage
        2.5129,       // exact_coverage
        2.30332,      // content_coverage
        5.36064,      // question_similarity
        3.22727,      // paragraph_context
        0.384393,     // headline_context
        -4.72761,     // article_missing
        -4.96748e-16, // unknown_share
        -0.320044,    // largest_missing
        1.01734e-15,  // names_the_unknown
        1.14952,      // type_present
        0.153188,     // number_or_time_missing
        -1.30271,     // type_missing
        -0.0782741,   // focus_missing
        -1.24832,     // future_missing
        -1.18892e-15, // curated
        -1.9325,      // headline
        -1.74368,     // caption
        1.24297,      // sentence_words
        -4.08923e-15, // yes_no
        -1.01041e-14, // question_words
        3.12762e-14,  // specificity
        2.07435,      // meaning_share
        1.56207,      // heuristic
        0.0104743,    // proximity
        1.28984,      // phrase_pairs
        -3.32884,     // novelty
        -0.354481,    // named_missing
        -0.223904,    // number_missing
        -0.158866,    // negation_differs
        1.65099,      // curated_heuristic
        1.30221,      // curated_coverage
        2.65128e-15,  // typed_question
        1.5308,       // typed_answer_new
        0.360675,     // typed_answer_any
        3.93737,      // previous_context
        1.89076,      // previous_pointed
    ],
};

/// The chance that a fact read from the text, one of the best few, answers rightly, from [`verify`]'s measures.
pub const DECISION: Logistic<{ verify::COUNT }> = Logistic {
    bias: -3.18718,
    weights: [
        0.306605,   // logit
        0.594014,   // lead
        -0.399413,  // typed_question
        0.55816,    // typed_found
        0.325181,   // extracted
        0.0,        // curated
        0.587184,   // coverage
        0.0180632,  // exact_coverage
        0.587184,   // content_coverage
        0.0,        // question_similarity
        0.0309012,  // paragraph_context
        0.529322,   // headline_context
        0.0554774,  // article_missing
        0.895253,   // unknown_share
        0.505128,   // largest_missing
        -2.05871,   // names_the_unknown
        -0.473335,  // type_present
        -0.849707,  // number_or_time_missing
        0.730256,   // type_missing
        -0.113091,  // focus_missing
        0.0838086,  // future_missing
        0.0,        // curated
        0.0923017,  // headline
        0.418066,   // caption
        -0.118251,  // sentence_words
        0.413854,   // yes_no
        -0.951815,  // question_words
        0.460076,   // specificity
        0.569121,   // meaning_share
        0.151987,   // heuristic
        0.0095302,  // proximity
        -0.461224,  // phrase_pairs
        0.100134,   // novelty
        -0.0480541, // named_missing
        -0.628208,  // number_missing
        0.0147893,  // negation_differs
        0.0,        // curated_heuristic
        0.0,        // curated_coverage
        -0.399413,  // typed_question
        -0.09408,   // typed_answer_new
        -0.250455,  // typed_answer_any
        -0.153301,  // previous_context
        -0.251356,  // previous_pointed
    ],
};

/// The chance that a curated fact, one of the best few, answers rightly, from [`verify`]'s measures.
pub const DECISION_CURATED: Logistic<{ verify::COUNT }> = Logistic {
    bias: -2.84322,
    weights: [
        0.185863,    // logit
        0.362562,    // lead
        -0.225142,   // typed_question
        0.154169,    // typed_found
        -0.00511813, // extracted
        -0.00511813, // curated
        0.616094,    // coverage
        0.803146,    // exact_coverage
        0.791469,    // content_coverage
        -1.23105,    // question_similarity
        1.23609,     // paragraph_context
        -0.00643418, // headline_context
        0.773815,    // article_missing
        -0.345487,   // unknown_share
        0.143075,    // largest_missing
        -0.89144,    // names_the_unknown
        -0.649864,   // type_present
        -0.250028,   // number_or_time_missing
        1.318,       // type_missing
        -0.520182,   // focus_missing
        -0.139861,   // future_missing
        -0.00511813, // curated
        0.887065,    // headline
        0.0346428,   // caption
        0.381839,    // sentence_words
        -0.235934,   // yes_no
        -0.400046,   // question_words
        0.499796,    // specificity
        -0.187052,   // meaning_share
        0.0649112,   // heuristic
        0.012172,    // proximity
        0.779781,    // phrase_pairs
        -0.385586,   // novelty
        -0.172439,   // named_missing
        -0.213555,   // number_missing
        -0.644851,   // negation_differs
        0.0649112,   // curated_heuristic
        0.616094,    // curated_coverage
        -0.225142,   // typed_question
        0.154169,    // typed_answer_new
        0.172839,    // typed_answer_any
        0.0,         // previous_context
        0.0,         // previous_pointed
    ],
};
