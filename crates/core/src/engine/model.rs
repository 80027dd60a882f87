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
        4.90376, // coverage
        3.03717, // exact_coverage
        2.24123, // content_coverage
        5.10856, // question_similarity
        5.17649, // paragraph_context
        3.61876, // headline_context
        -3.54388, // article_missing
        1.18793e-15, // unknown_share
        0.416498, // largest_missing
        -4.06591e-16, // names_the_unknown
        0.89045, // type_present
        0.141677, // number_or_time_missing
        -1.03213, // type_missing
        -0.302332, // focus_missing
        -0.658011, // future_missing
        6.77997e-16, // curated
        -1.46703, // headline
        -1.70599, // caption
        0.0797417, // sentence_words
        4.14537e-15, // yes_no
        1.84396e-14, // question_words
        3.56844e-14, // specificity
        1.86659, // meaning_share
        2.54416, // heuristic
        -0.396153, // proximity
        0.723981, // phrase_pairs
        -2.34979, // novelty
        0.572992, // named_missing
        -0.497431, // number_missing
        -0.223519, // negation_differs
        1.41946, // curated_heuristic
        1.23294, // curated_coverage
        5.61811e-15, // typed_question
        0.536649, // typed_answer_new
        0.963157, // typed_answer_any
    ],
};

/// The chance that one of the best facts answers rightly, from [`verify`]'s measures.
pub const DECISION: Logistic<{ verify::COUNT }> = Logistic {
    bias: -4.00074,
    weights: [
        0.38033, // logit
        0.517126, // lead
        -0.303762, // typed_question
        1.40878, // typed_found
        0.556711, // extracted
        0.265455, // curated
        0.720608, // coverage
        -0.0801311, // exact_coverage
        0.768927, // content_coverage
        -2.58103, // question_similarity
        1.50628, // paragraph_context
        1.02684, // headline_context
        0.727798, // article_missing
        -0.256933, // unknown_share
        2.32353, // largest_missing
        -1.44178, // names_the_unknown
        -0.555984, // type_present
        -0.936772, // number_or_time_missing
        0.731442, // type_missing
        -0.371368, // focus_missing
        -0.666094, // future_missing
        0.265455, // curated
        0.467289, // headline
        0.627214, // caption
        1.56338, // sentence_words
        0.099521, // yes_no
        -1.21537, // question_words
        0.477014, // specificity
        0.800738, // meaning_share
        -1.31144, // heuristic
        -0.191002, // proximity
        0.268469, // phrase_pairs
        -1.29935, // novelty
        -1.08568, // named_missing
        -0.444875, // number_missing
        -0.360424, // negation_differs
        -2.07764, // curated_heuristic
        3.17812, // curated_coverage
        -0.303762, // typed_question
        -0.314231, // typed_answer_new
        -0.880857, // typed_answer_any
    ],
};
