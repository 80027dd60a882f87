//! Any bytes, read as a question, against the test kit's fixture knowledge:
//! the engine never panics, its JSON reply parses back to the same reply,
//! every source quote stands verbatim in its article (the checks the property
//! tests make), the Discord rendering keeps every limit, and autocomplete
//! stays in bounds.
#![no_main]

use std::sync::OnceLock;

use factdesk_core::Engine;
use factdesk_discord::render;
use libfuzzer_sys::fuzz_target;

fn engine() -> &'static Engine {
    static ENGINE: OnceLock<Engine> = OnceLock::new();
    ENGINE.get_or_init(factdesk_testkit::fixture::bundled_engine)
}

fuzz_target!(|data: &[u8]| {
    let engine = engine();
    let question = String::from_utf8_lossy(data);
    let answer = engine.answer(&question);
    factdesk_testkit::checks::check_reply(engine, &question, &answer);

    let reply = render::answer(&answer, false);
    if let Err(e) = reply.check() {
        panic!("rendered reply breaks a Discord limit: {e}");
    }

    let limit = data.first().map_or(0, |&b| usize::from(b % 30));
    let choices = engine.complete(&question, limit);
    assert!(choices.len() <= limit);
});
