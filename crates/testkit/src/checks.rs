//! Checks every reply must pass, shared by the property tests and the fuzz
//! targets.

use factdesk_core::{Answer, Engine, Status};

/// A reply is well formed: it echoes the question, its confidence is within
/// 0..=1, its JSON round-trips, its fields agree with its status, and every
/// source quote stands verbatim in the article it names, under that article's title.
pub fn check_reply(engine: &Engine, question: &str, a: &Answer) {
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
    let kb = engine.knowledge();
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
