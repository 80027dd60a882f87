//! Any bytes, read as a question, against the bundled knowledge: the engine
//! never panics, its JSON reply parses back to the same reply, every source
//! quote stands verbatim in its article, the Discord rendering keeps every
//! limit, and autocomplete stays in bounds.
#![no_main]

use std::path::Path;
use std::sync::OnceLock;

use factdesk::discord::render;
use factdesk::{Answer, Engine};
use libfuzzer_sys::fuzz_target;

fn engine() -> &'static Engine {
    static ENGINE: OnceLock<Engine> = OnceLock::new();
    ENGINE.get_or_init(|| {
        let dir = Path::new(env!("CARGO_MANIFEST_DIR")).join("../knowledge");
        Engine::load(&dir).expect("the bundled knowledge loads")
    })
}

fuzz_target!(|data: &[u8]| {
    let engine = engine();
    let question = String::from_utf8_lossy(data);
    let answer = engine.answer(&question);

    assert_eq!(answer.question, question);
    assert!((0.0..=1.0).contains(&answer.confidence));
    let json = answer.to_json();
    let back: Answer = serde_json::from_str(&json).expect("the JSON reply parses");
    assert_eq!(back, answer);
    for source in &answer.sources {
        let article = engine
            .knowledge()
            .articles
            .iter()
            .find(|a| a.id == source.article)
            .expect("a source names a known article");
        assert!(
            article.raw.contains(&source.quote),
            "quote not verbatim: {:?}",
            source.quote
        );
    }

    let reply = render::answer(&answer, false);
    if let Err(e) = reply.check() {
        panic!("rendered reply breaks a Discord limit: {e}");
    }

    let limit = data.first().map_or(0, |&b| usize::from(b % 30));
    let choices = engine.complete(&question, limit);
    assert!(choices.len() <= limit);
});
