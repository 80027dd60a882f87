//! Table-driven tests on sentences of real news and encyclopedia articles,
//! and a property test: an answer is never the whole sentence, and every
//! word of it but the glue is a word of the sentence.

use super::*;

const NK: &str = "South Korean guards fired up to 20 warning shots at North Korean troops as they searched for a comrade who had defected across the heavily militarised border.";
const NK_AGE: &str = "A ‘low-ranking’ soldier who was reportedly aged 19 arrived at a front-line South Korean guard post in heavy fog just after 8am on Thursday morning.";
const NK_SHOTS: &str =
    "South Korean military officials said no shots were fired when the solider crossed the border.";

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

/// Spans of `sentence` as (kind, text).
fn spans(sentence: &str) -> Vec<(Wanted, &str)> {
    candidates(sentence)
        .into_iter()
        .map(|s| (s.kind, s.text(sentence)))
        .collect()
}

#[test]
fn candidates_of_the_defection_story() {
    use Wanted::*;
    assert_eq!(
        spans(NK),
        [
            (Number, "up to 20 warning shots"),
            (Place, "the heavily militarised border")
        ]
    );
    let age = spans(NK_AGE);
    assert!(age.contains(&(Age, "aged 19")), "{age:?}");
    assert!(age.contains(&(Time, "8am")), "{age:?}");
    assert!(age.contains(&(Date, "Thursday morning")), "{age:?}");
}

#[test]
fn short_answers_of_the_defection_story() {
    assert_eq!(
        ask(NK, "How many warning shots were fired?").as_deref(),
        Some("Up to 20 warning shots.")
    );
    assert_eq!(
        ask(NK_AGE, "How old was the soldier?").as_deref(),
        Some("Reportedly 19.")
    );
    assert_eq!(
        ask(NK_SHOTS, "Were shots fired when the soldier crossed?").as_deref(),
        Some("No shots were fired.")
    );
}

/// Prints how a sentence is read against a question:
/// `EXTRACT_Q='...' EXTRACT_S='...' cargo test -p factdesk-core extract::tests::show -- --ignored --nocapture`
#[test]
#[ignore]
fn show() {
    let (Ok(q), Ok(s)) = (std::env::var("EXTRACT_Q"), std::env::var("EXTRACT_S")) else {
        return;
    };
    let parsed = question::Question::parse(&q);
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
    );
    let marks: Vec<String> = (0..t.len())
        .map(|i| match ctx.qm[i] {
            Some(side) => format!("[{}:{side:?}]", t.raw(i)),
            None => t.raw(i).to_string(),
        })
        .collect();
    eprintln!("{}", marks.join(" "));
    for c in &ctx.cands {
        eprintln!(
            "  {:?} {:?}",
            c.kind,
            &s[t.toks[c.a].start..t.toks[c.b - 1].end]
        );
    }
    eprintln!("=> {:?}", extract(&s, &request));
}
