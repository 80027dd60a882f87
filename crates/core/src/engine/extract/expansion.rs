//! "What does ISS stand for?": the words an acronym stands for, as the
//! sentence defines it ("the International Space Station (ISS)").

use super::Extracted;
use crate::knowledge::article::acronyms;

/// Words that ask what an acronym stands for, after it: "stand for",
/// "short for", "mean".
const ASKING: &[&str] = &[
    "stand",
    "stands",
    "short",
    "mean",
    "means",
    "abbreviation",
    "acronym",
];

/// The acronym a question asks to spell out ("What does JTFN stand
/// for?", "what is the FDA short for"), as written: a word of two to eight
/// capitals before a word that asks for its long form.
fn asked_acronym(question: &str) -> Option<&str> {
    let words: Vec<&str> = question
        .split_whitespace()
        .map(|w| w.trim_matches(|c: char| !c.is_alphanumeric()))
        .collect();
    let asks = words
        .iter()
        .position(|w| ASKING.iter().any(|a| w.eq_ignore_ascii_case(a)))?;
    words[..asks]
        .iter()
        .rev()
        .copied()
        .find(|w| (2..=8).contains(&w.len()) && w.bytes().all(|b| b.is_ascii_uppercase()))
}

/// The long form of the acronym `question` asks about, when `sentence`
/// defines it in brackets: "Joint Task Force (North)." for "What does
/// JTFN stand for?" against "... Joint Task Force (North) (JTFN) ...".
pub(super) fn spelled_out(sentence: &str, question: &str) -> Option<Extracted> {
    let range = acronyms::long_form_in(sentence, asked_acronym(question)?)?;
    let mut text = sentence[range.clone()].to_string();
    if let Some(c) = text.chars().next() {
        let upper: String = c.to_uppercase().collect();
        text.replace_range(..c.len_utf8(), &upper);
    }
    text.push('.');
    Some(Extracted {
        text,
        glue: None,
        ranges: vec![range],
        kind: None,
        restates: false,
        unfinished: false,
    })
}

#[cfg(test)]
mod tests {
    use super::spelled_out;

    #[test]
    fn an_acronym_asked_is_spelled_out_as_the_sentence_defines_it() {
        let spelled = |s: &str, q: &str| spelled_out(s, q).map(|e| e.text);
        let jtfn =
            "The RCAF and Joint Task Force (North) (JTFN) also maintain a chain of facilities.";
        assert_eq!(
            spelled(jtfn, "What does JTFN stand for?").as_deref(),
            Some("Joint Task Force (North).")
        );
        let fda = "The Food and Drug Administration (FDA) approved the drug in May.";
        assert_eq!(
            spelled(fda, "what is the FDA short for").as_deref(),
            Some("Food and Drug Administration.")
        );
        assert_eq!(
            spelled(fda, "What does FDA mean?").as_deref(),
            Some("Food and Drug Administration.")
        );
        // Another question, or a sentence that does not define it.
        assert_eq!(spelled(fda, "When did the FDA approve the drug?"), None);
        assert_eq!(spelled(jtfn, "What does FDA stand for?"), None);
        assert_eq!(
            spelled("The FDA approved the drug.", "What does FDA stand for?"),
            None
        );
    }
}
