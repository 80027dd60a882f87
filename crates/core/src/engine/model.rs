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
        0.0,          // substituted
    ],
};

/// The chance that a fact read from the text, one of the best few, answers rightly, from [`verify`]'s measures.
pub const DECISION: Logistic<{ verify::COUNT }> = Logistic {
    bias: -3.11424,
    weights: [
        0.318751,    // logit
        0.593117,    // lead
        -0.399797,   // typed_question
        0.568385,    // typed_found
        0.323325,    // extracted
        0.0,         // curated
        0.545172,    // coverage
        -0.00213858, // exact_coverage
        0.545172,    // content_coverage
        0.0,         // question_similarity
        -0.0615744,  // paragraph_context
        0.516015,    // headline_context
        0.025731,    // article_missing
        0.950807,    // unknown_share
        0.533522,    // largest_missing
        -2.07166,    // names_the_unknown
        -0.485354,   // type_present
        -0.892445,   // number_or_time_missing
        0.751286,    // type_missing
        -0.127908,   // focus_missing
        0.117746,    // future_missing
        0.0,         // curated
        0.0819703,   // headline
        0.417766,    // caption
        -0.138217,   // sentence_words
        0.408575,    // yes_no
        -0.94725,    // question_words
        0.466509,    // specificity
        0.547311,    // meaning_share
        0.108931,    // heuristic
        -0.0100715,  // proximity
        -0.456366,   // phrase_pairs
        0.0559769,   // novelty
        0.129656,    // named_missing
        -0.61087,    // number_missing
        0.0154946,   // negation_differs
        0.0,         // curated_heuristic
        0.0,         // curated_coverage
        -0.399797,   // typed_question
        -0.106202,   // typed_answer_new
        -0.258768,   // typed_answer_any
        -0.200194,   // previous_context
        -0.292881,   // previous_pointed
        -0.488455,   // substituted
    ],
};

/// The chance that a curated fact, one of the best few, answers rightly, from [`verify`]'s measures.
pub const DECISION_CURATED: Logistic<{ verify::COUNT }> = Logistic {
    bias: -2.84691,
    weights: [
        0.186209,     // logit
        0.361958,     // lead
        -0.226098,    // typed_question
        0.153315,     // typed_found
        -0.00586451,  // extracted
        -0.00586451,  // curated
        0.615527,     // coverage
        0.801519,     // exact_coverage
        0.785418,     // content_coverage
        -1.22164,     // question_similarity
        1.23654,      // paragraph_context
        -0.000342293, // headline_context
        0.774026,     // article_missing
        -0.346342,    // unknown_share
        0.14429,      // largest_missing
        -0.889432,    // names_the_unknown
        -0.649804,    // type_present
        -0.247101,    // number_or_time_missing
        1.32152,      // type_missing
        -0.517582,    // focus_missing
        -0.137655,    // future_missing
        -0.00586451,  // curated
        0.886636,     // headline
        0.0364239,    // caption
        0.38731,      // sentence_words
        -0.234475,    // yes_no
        -0.401973,    // question_words
        0.499558,     // specificity
        -0.185993,    // meaning_share
        0.0653061,    // heuristic
        0.0107116,    // proximity
        0.767862,     // phrase_pairs
        -0.380976,    // novelty
        -0.173175,    // named_missing
        -0.2136,      // number_missing
        -0.646227,    // negation_differs
        0.0653061,    // curated_heuristic
        0.615527,     // curated_coverage
        -0.226098,    // typed_question
        0.153315,     // typed_answer_new
        0.171349,     // typed_answer_any
        0.0,          // previous_context
        0.0,          // previous_pointed
        0.128346,     // substituted
    ],
};
