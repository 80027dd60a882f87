//! Properties of the engine over open-ended input.

mod common;

use std::sync::OnceLock;

use factdesk::{Answer, Engine, Status};
use proptest::prelude::*;

fn engine() -> &'static Engine {
    static ENGINE: OnceLock<Engine> = OnceLock::new();
    ENGINE.get_or_init(common::engine)
}

/// Every reply is well formed: sources verbatim, JSON round-trips, fields consistent.
fn check_reply(question: &str, a: &Answer) {
    assert_eq!(a.question, question);
    assert!(
        (0.0..=1.0).contains(&a.confidence),
        "confidence {}",
        a.confidence
    );
    assert!(!a.answer.is_empty());
    let back: Answer = serde_json::from_str(&a.to_json()).expect("valid JSON");
    assert_eq!(&back, a);
    match a.status {
        Status::Answered => {
            assert!(!a.sources.is_empty());
            assert!(a.suggestions.is_empty());
        }
        Status::Unknown => {
            assert!(a.sources.is_empty());
            assert!(a.suggestions.len() <= 3);
        }
    }
    let kb = engine().knowledge();
    for s in &a.sources {
        let article = kb
            .articles
            .iter()
            .find(|x| x.id == s.article)
            .expect("source names a known article");
        assert!(
            article.raw.contains(&s.quote),
            "quote is verbatim: {:?}",
            s.quote
        );
        assert_eq!(s.title, article.title);
    }
}

proptest! {
    #![proptest_config(ProptestConfig { cases: 400, ..ProptestConfig::default() })]

    #[test]
    fn any_string_gets_a_valid_reply(q in any::<String>()) {
        check_reply(&q, &engine().answer(&q));
    }

    #[test]
    fn mixed_scripts_and_controls_get_a_valid_reply(q in "[\\PC\\p{Hangul}\\u{0}-\\u{1f}\\u{200b}-\\u{200f}\\u{202a}-\\u{202e}😀-🙏 ]{0,300}") {
        check_reply(&q, &engine().answer(&q));
    }

    #[test]
    fn autocomplete_stays_in_bounds(q in any::<String>(), limit in 0usize..40) {
        let got = engine().complete(&q, limit);
        prop_assert!(got.len() <= limit);
    }
}

#[test]
fn extreme_inputs_get_valid_replies() {
    let long = "how many warning shots ".repeat(500);
    let cases = [
        String::new(),
        "   ".to_string(),
        "x".repeat(10_000),
        long,
        "\u{0}\u{1}\u{7f}\n\t".to_string(),
        "😀😀😀".to_string(),
        "북한 군인은 몇 살이었나요?".to_string(),
        "\u{202e}how many shots\u{202c}".to_string(),
        "@everyone <@123> **bold** `code`".to_string(),
    ];
    for q in &cases {
        check_reply(q, &engine().answer(q));
    }
}

#[test]
fn unknown_replies_decline_plainly_and_suggest() {
    for q in [
        "What's the capital of France?",
        "tell me a joke",
        "Who leads North Korea?",
        "북한 군인은 몇 살이었나요?",
    ] {
        let a = engine().answer(q);
        assert_eq!(a.status, Status::Unknown, "{q}: {}", a.answer);
        assert!(a.answer.contains("does not say"), "{}", a.answer);
        assert!(!a.suggestions.is_empty());
        for s in &a.suggestions {
            assert!(
                engine().answer(s).is_answered(),
                "suggestion {s:?} is answerable"
            );
        }
    }
}

#[test]
fn answers_carry_sources_and_attributions() {
    let a = engine().answer("Who reported the boat defection?");
    assert!(a.is_answered());
    assert_eq!(
        a.sources[0].attribution.as_deref(),
        Some("Yonhap news agency")
    );
    assert!(a.sources[0].paragraph.is_some());
    let a = engine().answer("how many ppl defected to the south this year");
    assert!(a.answer.contains("15"), "{}", a.answer);
    assert_eq!(
        a.sources[0].attribution.as_deref(),
        Some("Joint Chiefs of Staff tally")
    );
}

#[test]
fn typos_are_tolerated() {
    for (q, want) in [
        ("how mnay warnign shots were fierd", "20"),
        ("wannacrye victms", "200,000"),
        ("nucelar weapons tensions", "nuclear"),
        ("soldeir age", "19"),
        ("panmunjon jeep", "ditch"),
    ] {
        let a = engine().answer(q);
        assert!(a.is_answered(), "{q}");
        let text = format!("{} {}", a.answer, a.sources[0].quote);
        assert!(text.contains(want), "{q}: {text}");
    }
}

#[test]
fn summary_intent_gives_headline_and_summary() {
    for q in [
        "tldr",
        "what is this about",
        "headline?",
        "summarise the story",
    ] {
        let a = engine().answer(q);
        assert!(a.is_answered(), "{q}");
        assert!(
            a.answer
                .contains("Warning shots fired after North Korean soldier defects to South"),
            "{q}: {}",
            a.answer
        );
    }
}

#[test]
fn autocomplete_ranks_fitting_questions() {
    let got = engine().complete("warning sh", 25);
    assert!(!got.is_empty() && got.len() <= 25);
    assert!(got[0].to_lowercase().contains("shot"), "{got:?}");
    assert!(engine().complete("", 25).len() == 25);
    for q in engine().complete("wannacry", 10) {
        assert!(q.chars().count() <= 100);
    }
}

#[test]
fn paragraphs_and_articles_are_listed() {
    let e = engine();
    let info = e.articles();
    assert_eq!(info.len(), 1);
    assert_eq!(
        info[0].title,
        "Warning shots fired after North Korean soldier defects to South"
    );
    assert!(info[0].paragraphs >= 14);
    assert!(e
        .paragraph(&info[0].id, 1)
        .unwrap()
        .starts_with("South Korean guards fired up to 20 warning shots"));
    assert!(e.paragraph(&info[0].id, 0).is_none());
    assert!(e.paragraph(&info[0].id, 999).is_none());
    assert!(!e.topics().is_empty());
}
