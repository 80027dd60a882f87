//! Table-driven tests on sentences of real news and encyclopedia articles
//! (the tuning kits' articles and the bundled North Korea story), and a
//! property test: an answer is never the whole sentence, and every word of
//! it but the glue is a word of the sentence.

mod answers;
mod kits;
mod props;
mod spans;

use super::*;

const NK: &str = "South Korean guards fired up to 20 warning shots at North Korean troops as they searched for a comrade who had defected across the heavily militarised border.";
const NK_AGE: &str = "A ‘low-ranking’ soldier who was reportedly aged 19 arrived at a front-line South Korean guard post in heavy fog just after 8am on Thursday morning.";
const NK_SHOTS: &str =
    "South Korean military officials said no shots were fired when the solider crossed the border.";
const NK_ROUNDS: &str = "But around 90 minutes later about 20 rounds from a K-3 machine gun were fired to warn off a patrol of North Korean soldiers who were apparently looking for their comrade.";
const NK_BURSTS: &str = "About 40 minutes later, two bursts of gunfire were heard in the North, but officials said there were no indications of any bullets crossing the border.";
const NK_JEEP: &str = "He crashes the jeep into a ditch near the line that divides North and South and the blue huts familiar to anyone who’s toured the area.";
const NK_HACK: &str = "The US blamed North Korea for the rampant WannaCry ransomware that infected more than 200,000 victims in around 150 countries.";
const NK_PHOTO: &str = "This file photo taken on November 27, 2017 shows North Korean soldiers staring at South Korean soldiers at the truce village of Panmunjom in the Demilitarized zone (DMZ) - AFP";

/// What a case expects of the answer.
enum Expect {
    /// Exactly this answer.
    Is(&'static str),
    /// An answer holding this phrase (word-bounded, any case).
    Has(&'static str),
    /// No answer.
    Nothing,
    /// Anything but this answer, or none.
    Not(&'static str),
}
use Expect::*;

fn ask(sentence: &str, question: &str) -> Option<String> {
    let words = question_words_of(question);
    let focus = focus_of(question);
    let request = Request {
        question,
        wanted: wanted_of(question),
        focus: focus.as_deref(),
        question_words: &words,
    };
    short_answer(sentence, &request)
}

/// Runs (question, sentence, expectation) cases; reports every failure at once.
fn check(cases: &[(&str, &str, Expect)]) {
    let mut failures = Vec::new();
    for (question, sentence, expect) in cases {
        let got = ask(sentence, question);
        let ok = match (expect, got.as_deref()) {
            (Is(want), Some(got)) => got == *want,
            (Has(want), Some(got)) => crate::eval::contains_words(got, want),
            (Nothing, None) => true,
            (Not(no), got) => got != Some(*no),
            _ => false,
        };
        if !ok {
            let want = match expect {
                Is(w) => format!("{w:?}"),
                Has(w) => format!("something with {w:?}"),
                Nothing => "None".to_string(),
                Not(no) => format!("anything but {no:?}"),
            };
            failures.push(format!("{question}\n    want {want}\n    got  {got:?}"));
        }
    }
    assert!(
        failures.is_empty(),
        "{} of {} cases failed:\n{}",
        failures.len(),
        cases.len(),
        failures.join("\n")
    );
}

/// Prints how a sentence is read against a question:
/// `EXTRACT_Q='...' EXTRACT_S='...' cargo test -p factdesk-core extract::tests::show -- --ignored --nocapture`
/// (`EXTRACT_DEBUG=1` also prints the scored stretches).
#[test]
#[ignore]
fn show() {
    let (Ok(q), Ok(s)) = (std::env::var("EXTRACT_Q"), std::env::var("EXTRACT_S")) else {
        return;
    };
    let parsed = question::Parsed::of(&q);
    let parsed = parsed.question();
    let words = question_words_of(&q);
    eprintln!(
        "wanted {:?} focus {:?} form {:?} words {:?}",
        parsed.wanted,
        parsed.focus_text(),
        parsed.form,
        words
    );
    let t = tokens::Toks::new(&s);
    let request = Request {
        question: &q,
        wanted: None,
        focus: None,
        question_words: &words,
    };
    let ctx = choose::Ctx::new(
        &t,
        &parsed,
        &request,
        parsed.wanted.unwrap_or(Wanted::Thing),
        super::scan(&t),
    );
    let marks: Vec<String> = (0..t.len())
        .map(|i| match ctx.qm[i] {
            Some(side) => format!("[{}:{side:?}]", t.raw(i)),
            None => t.raw(i).to_string(),
        })
        .collect();
    eprintln!("{}", marks.join(" "));
    for c in &ctx.cands {
        eprintln!("  {:?} {:?}", c.kind, &s[t.start(c.a)..t.end(c.b - 1)]);
    }
    eprintln!("=> {:?}", extract(&s, &request));
}

#[test]
fn a_first_letter_whose_capital_is_two_letters_stays_as_written() {
    // Found by the property test: "ﬓ" capitalises to "ՄՆ", not a word of the sentence.
    let answer = ask("ﬓ 20 the.", "What soldier warning 20?").expect("an answer");
    assert!(answer.starts_with('ﬓ'), "{answer}");
}

#[test]
fn counted_nouns_follow_their_numbers() {
    assert_eq!(counted_nouns(NK), ["shots"]);
    assert_eq!(counted_nouns(NK_ROUNDS), ["minutes", "rounds"]);
    assert_eq!(counted_nouns(NK_HACK), ["victims", "countries"]);
    assert_eq!(
        counted_nouns("Three field-ready brigade groups and 5.7 million tourists."),
        ["groups", "tourists"]
    );
    // A bare number, or one before a stopword, counts nothing.
    assert!(counted_nouns("15.").is_empty());
    assert!(counted_nouns("Only two of Link's weapons.").is_empty());
}

/// The question read once is kept for the sentences that follow: asked
/// again, it is the same reading (the same tokens, not a second split); a
/// new question is read anew, and so is the first one asked once more.
#[test]
fn a_question_is_read_once_and_the_next_anew() {
    let many = question::Parsed::of("How many warning shots were fired?");
    let again = question::Parsed::of("How many warning shots were fired?");
    assert!(std::rc::Rc::ptr_eq(&many, &again));
    assert_eq!(many.question().wanted, Some(Wanted::Number));
    assert_eq!(many.question().focus_text(), Some("warning shots"));
    let when = question::Parsed::of("When did the soldier cross the border?");
    assert!(!std::rc::Rc::ptr_eq(&many, &when));
    assert_eq!(when.question().wanted, Some(Wanted::Date));
    let back = question::Parsed::of("How many warning shots were fired?");
    assert!(!std::rc::Rc::ptr_eq(&when, &back));
    assert_eq!(back.question().wanted, Some(Wanted::Number));
    assert_eq!(back.question().focus_text(), Some("warning shots"));
    // Answers read through the kept question are those of a fresh one.
    assert_eq!(
        ask(NK, "How many warning shots were fired?").as_deref(),
        Some("Up to 20 warning shots.")
    );
}
