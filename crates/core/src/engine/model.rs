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

/// The chance that a fact read from the text, one of the best few, answers rightly, from [`verify`]'s measures.
pub const DECISION: Logistic<{ verify::COUNT }> = Logistic {
    bias: -2.91295,
    weights: [
        0.389977,     // logit
        0.512847,     // lead
        -0.0982968,   // typed_question
        0.459949,     // typed_found
        0.613225,     // extracted
        0.0,          // curated
        0.141799,     // coverage
        -0.800361,    // exact_coverage
        0.141799,     // content_coverage
        0.0,          // question_similarity
        -0.356956,    // paragraph_context
        -0.509391,    // headline_context
        -1.82367,     // article_missing
        1.17935,      // unknown_share
        1.50749,      // largest_missing
        -1.59872,     // names_the_unknown
        -0.798859,    // type_present
        -0.863708,    // number_or_time_missing
        -0.0747924,   // type_missing
        -0.000420887, // focus_missing
        -0.736593,    // future_missing
        0.0,          // curated
        -0.340798,    // headline
        0.362863,     // caption
        0.843162,     // sentence_words
        -0.0698416,   // yes_no
        -2.08735,     // question_words
        0.743778,     // specificity
        0.942159,     // meaning_share
        -0.0534515,   // heuristic
        0.412102,     // proximity
        -0.134099,    // phrase_pairs
        0.10566,      // novelty
        -0.583992,    // named_missing
        -0.407618,    // number_missing
        -0.148748,    // negation_differs
        0.0,          // curated_heuristic
        0.0,          // curated_coverage
        -0.0982968,   // typed_question
        0.413834,     // typed_answer_new
        -0.956038,    // typed_answer_any
    ],
};

/// The chance that a curated fact, one of the best few, answers rightly, from [`verify`]'s measures.
pub const DECISION_CURATED: Logistic<{ verify::COUNT }> = Logistic {
    bias: -2.76009,
    weights: [
        0.355625,    // logit
        0.217068,    // lead
        -0.248437,   // typed_question
        0.196358,    // typed_found
        0.000110756, // extracted
        0.000110756, // curated
        0.454292,    // coverage
        0.139997,    // exact_coverage
        0.401233,    // content_coverage
        -0.859787,   // question_similarity
        0.602939,    // paragraph_context
        -0.235201,   // headline_context
        0.777856,    // article_missing
        -1.05768,    // unknown_share
        0.301563,    // largest_missing
        -0.31687,    // names_the_unknown
        -0.788342,   // type_present
        -0.0348596,  // number_or_time_missing
        0.666535,    // type_missing
        -0.537201,   // focus_missing
        -0.349662,   // future_missing
        0.000110756, // curated
        1.26612,     // headline
        0.0711487,   // caption
        0.233541,    // sentence_words
        -0.0330199,  // yes_no
        -0.993105,   // question_words
        0.787709,    // specificity
        0.314294,    // meaning_share
        0.13433,     // heuristic
        -0.073778,   // proximity
        0.996245,    // phrase_pairs
        -0.258329,   // novelty
        -0.203155,   // named_missing
        -0.463582,   // number_missing
        -0.285877,   // negation_differs
        0.13433,     // curated_heuristic
        0.454292,    // curated_coverage
        -0.248437,   // typed_question
        0.196358,    // typed_answer_new
        0.259576,    // typed_answer_any
    ],
};
