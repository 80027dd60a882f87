//! Deliberate faults for the end-to-end tests, compiled into debug builds
//! only (release builds have none of this: the functions are empty).
//!
//! - `FACTDESK_DEBUG_PANIC_ON=<question>`: answering exactly that question
//!   panics, as a bug in the engine would.
//! - `FACTDESK_DEBUG_SLOW_MS=<ms>`: preparing the reply to an `/ask` or a
//!   suggestion button takes that long, as a very large knowledge base would.
//!
//! They let `tests/discord_e2e.rs` check, against the real binary, that a
//! panic is answered with an apology and that slow replies are deferred.

/// Panics when `question` is the one `FACTDESK_DEBUG_PANIC_ON` names.
#[cfg(debug_assertions)]
pub fn panic_on(question: &str) {
    static QUESTION: std::sync::OnceLock<Option<String>> = std::sync::OnceLock::new();
    let target = QUESTION.get_or_init(|| std::env::var("FACTDESK_DEBUG_PANIC_ON").ok());
    if target.as_deref() == Some(question) {
        panic!("FACTDESK_DEBUG_PANIC_ON: a deliberate panic while answering");
    }
}

/// Nothing in release builds.
#[cfg(not(debug_assertions))]
#[inline(always)]
pub fn panic_on(_question: &str) {}

/// Waits `FACTDESK_DEBUG_SLOW_MS` milliseconds.
#[cfg(debug_assertions)]
pub async fn slow() {
    static MILLIS: std::sync::OnceLock<Option<u64>> = std::sync::OnceLock::new();
    let millis = MILLIS.get_or_init(|| {
        std::env::var("FACTDESK_DEBUG_SLOW_MS")
            .ok()
            .and_then(|v| v.parse().ok())
    });
    if let Some(ms) = *millis {
        tokio::time::sleep(std::time::Duration::from_millis(ms)).await;
    }
}

/// Nothing in release builds.
#[cfg(not(debug_assertions))]
#[inline(always)]
pub async fn slow() {}
