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
        4.59712,      // coverage
        2.77136,      // exact_coverage
        2.30941,      // content_coverage
        5.16872,      // question_similarity
        5.12278,      // paragraph_context
        4.52024,      // headline_context
        -3.26521,     // article_missing
        9.6051e-16,   // unknown_share
        0.249608,     // largest_missing
        -8.38787e-16, // names_the_unknown
        1.14548,      // type_present
        0.0867769,    // number_or_time_missing
        -1.23226,     // type_missing
        -0.129012,    // focus_missing
        -1.08903,     // future_missing
        9.93053e-16,  // curated
        -1.46653,     // headline
        -1.68584,     // caption
        0.660274,     // sentence_words
        4.31184e-15,  // yes_no
        1.30395e-14,  // question_words
        2.64486e-15,  // specificity
        1.82575,      // meaning_share
        3.0484,       // heuristic
        0.0644774,    // proximity
        0.574145,     // phrase_pairs
        -2.90606,     // novelty
        0.585523,     // named_missing
        -0.440698,    // number_missing
        -0.172964,    // negation_differs
        1.43807,      // curated_heuristic
        1.34183,      // curated_coverage
        2.49738e-15,  // typed_question
        0.548085,     // typed_answer_new
        0.923205,     // typed_answer_any
    ],
};

/// The chance that a fact read from the text, one of the best few, answers rightly, from [`verify`]'s measures.
pub const DECISION: Logistic<{ verify::COUNT }> = Logistic {
    bias: -3.58013,
    weights: [
        0.44133,   // logit
        0.535278,  // lead
        -0.217836, // typed_question
        0.549175,  // typed_found
        0.662745,  // extracted
        0.0,       // curated
        0.195506,  // coverage
        -0.333249, // exact_coverage
        0.195506,  // content_coverage
        0.0,       // question_similarity
        0.124885,  // paragraph_context
        0.0991272, // headline_context
        -0.480335, // article_missing
        1.1959,    // unknown_share
        1.89147,   // largest_missing
        -1.57337,  // names_the_unknown
        -0.779428, // type_present
        -1.00467,  // number_or_time_missing
        0.703756,  // type_missing
        -0.147816, // focus_missing
        0.0181198, // future_missing
        0.0,       // curated
        0.142726,  // headline
        0.752126,  // caption
        0.585385,  // sentence_words
        0.440722,  // yes_no
        -1.28662,  // question_words
        0.545935,  // specificity
        0.528754,  // meaning_share
        -0.578662, // heuristic
        -0.194721, // proximity
        -0.199654, // phrase_pairs
        -0.579773, // novelty
        -0.674558, // named_missing
        -0.195316, // number_missing
        -0.236043, // negation_differs
        0.0,       // curated_heuristic
        0.0,       // curated_coverage
        -0.217836, // typed_question
        0.326608,  // typed_answer_new
        -0.915426, // typed_answer_any
    ],
};

/// The chance that a curated fact, one of the best few, answers rightly, from [`verify`]'s measures.
pub const DECISION_CURATED: Logistic<{ verify::COUNT }> = Logistic {
    bias: -2.96998,
    weights: [
        0.20381,     // logit
        0.384356,    // lead
        -0.261573,   // typed_question
        0.17139,     // typed_found
        0.00174385,  // extracted
        0.00174385,  // curated
        0.554131,    // coverage
        0.693962,    // exact_coverage
        0.672301,    // content_coverage
        -1.39854,    // question_similarity
        1.07608,     // paragraph_context
        -0.233064,   // headline_context
        0.651746,    // article_missing
        -0.409866,   // unknown_share
        0.0899996,   // largest_missing
        -0.902887,   // names_the_unknown
        -0.741372,   // type_present
        -0.197826,   // number_or_time_missing
        1.34852,     // type_missing
        -0.486199,   // focus_missing
        -0.408537,   // future_missing
        0.00174385,  // curated
        0.771455,    // headline
        0.120009,    // caption
        0.466855,    // sentence_words
        -0.29213,    // yes_no
        -0.355054,   // question_words
        0.48253,     // specificity
        -0.139831,   // meaning_share
        -0.00918475, // heuristic
        0.0574668,   // proximity
        0.868123,    // phrase_pairs
        -0.281467,   // novelty
        -0.172382,   // named_missing
        -0.21685,    // number_missing
        -0.566761,   // negation_differs
        -0.00918475, // curated_heuristic
        0.554131,    // curated_coverage
        -0.261573,   // typed_question
        0.17139,     // typed_answer_new
        0.160316,    // typed_answer_any
    ],
};
