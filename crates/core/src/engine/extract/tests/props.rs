//! Property tests: answers are words of their sentence, never all of it;
//! candidates are ordered spans.

use super::*;
use proptest::prelude::*;

/// Words of a text, lower-cased, for the property test. Invisible characters
/// (a Hangul filler is a letter to `char`) part words, as in the tokens.
fn lower_words(s: &str) -> Vec<String> {
    s.split(|c: char| !c.is_alphanumeric() || crate::text::is_invisible(c))
        .filter(|w| !w.is_empty())
        .map(str::to_lowercase)
        .collect()
}

/// Sentences made of news words, numbers, names and punctuation.
fn sentence_strategy() -> impl Strategy<Value = String> {
    let word = prop_oneof![
        Just("the".to_string()),
        Just("soldier".to_string()),
        Just("fired".to_string()),
        Just("20".to_string()),
        Just("warning".to_string()),
        Just("shots".to_string()),
        Just("in".to_string()),
        Just("North".to_string()),
        Just("Korea".to_string()),
        Just("because".to_string()),
        Just("no".to_string()),
        Just("not".to_string()),
        Just("aged".to_string()),
        Just("19".to_string()),
        Just("$9".to_string()),
        Just("billion".to_string()),
        Just("3.5%".to_string()),
        Just("Nov.".to_string()),
        Just("27,".to_string()),
        Just("2017".to_string()),
        Just("Thursday".to_string()),
        Just("8am".to_string()),
        Just("Tim".to_string()),
        Just("Clark".to_string()),
        Just("Ministry".to_string()),
        Just("to".to_string()),
        Just("warn".to_string()),
        Just("and".to_string()),
        Just(",".to_string()),
        Just("(".to_string()),
        Just(")".to_string()),
        Just("“".to_string()),
        Just("”".to_string()),
        Just("—".to_string()),
        Just("’s".to_string()),
        "[a-zA-Z]{1,9}",
        "[0-9]{1,6}",
        "\\PC{1,4}",
    ];
    prop::collection::vec(word, 1..24).prop_map(|w| w.join(" ") + ".")
}

fn question_strategy() -> impl Strategy<Value = String> {
    let opener = prop_oneof![
        Just("How many"),
        Just("How much"),
        Just("How old was"),
        Just("How long"),
        Just("When did"),
        Just("What time"),
        Just("Who"),
        Just("Where did"),
        Just("Why did"),
        Just("How did"),
        Just("Did"),
        Just("Was"),
        Just("What"),
        Just("Which"),
        Just("wat"),
        Just(""),
    ];
    let rest = prop::collection::vec(
        prop_oneof![
            Just("soldier"),
            Just("shots"),
            Just("fired"),
            Just("the"),
            Just("North"),
            Just("Korea"),
            Just("warning"),
            Just("20"),
            Just("gun"),
            Just("into"),
            Just("not"),
        ],
        0..8,
    );
    (opener, rest).prop_map(|(o, r)| format!("{o} {}?", r.join(" ")))
}

proptest! {
    // No regression files: a failure prints its minimal case.
    #![proptest_config(ProptestConfig { cases: 400, failure_persistence: None, ..ProptestConfig::default() })]

    /// An answer is never the whole sentence, and all its words but the
    /// glue are words of the sentence.
    #[test]
    fn answers_are_words_of_the_sentence(sentence in sentence_strategy(), question in question_strategy()) {
        let answer = ask(&sentence, &question);
        if let Some(answer) = answer {
            let words = lower_words(&answer);
            let of_sentence = lower_words(&sentence);
            let glue: Vec<String> = GLUE.iter().flat_map(|g| lower_words(g)).collect();
            let all_in = |ws: &[String]| !ws.is_empty() && ws.iter().all(|w| of_sentence.contains(w));
            // Either every word is the sentence's, or all but a leading glue word.
            let plain = all_in(&words);
            let glued = words.first().is_some_and(|w| glue.contains(w)) && all_in(&words[1..]);
            prop_assert!(plain || glued, "{answer:?} has words not in {sentence:?}");
            let shown = if plain { &words[..] } else { &words[1..] };
            prop_assert!(shown != &of_sentence[..], "{answer:?} is the whole of {sentence:?}");
        }
    }

    /// A sentence read once and kept (its spans and tokens) answers as the sentence read afresh,
    /// and gives the same spans; read back against another text, it reads
    /// that text afresh.
    #[test]
    fn a_kept_reading_answers_as_a_fresh_one(sentence in sentence_strategy(), question in question_strategy()) {
        let words = question_words_of(&question);
        let request = Request {
            question: &question,
            wanted: wanted_of(&question),
            focus: None,
            question_words: &words,
        };
        let (kept, spans) = ReadSentence::with_spans(&sentence);
        prop_assert_eq!(kept.extract(&sentence, &request), extract(&sentence, &request));
        prop_assert_eq!(spans, candidates(&sentence));
        let other = format!("{sentence} And more.");
        prop_assert_eq!(kept.extract(&other, &request), extract(&other, &request));
    }

    /// Candidates are spans of the sentence on character boundaries, in order.
    #[test]
    fn candidates_are_ordered_spans(sentence in sentence_strategy()) {
        let mut last = 0;
        for span in candidates(&sentence) {
            prop_assert!(span.start < span.end && span.end <= sentence.len());
            prop_assert!(sentence.is_char_boundary(span.start) && sentence.is_char_boundary(span.end));
            prop_assert!(span.start >= last, "{span:?} overlaps in {sentence:?}");
            last = span.end;
        }
    }
}
