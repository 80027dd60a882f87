//! Deliberate faults for the end-to-end tests, compiled in only with the
//! `faults` feature (which `cargo test` turns on for the binary it tests;
//! every other build has none of this: the functions are empty).
//!
//! The plan comes from the environment (`factdesk_testkit::FaultPlan` sets it):
//! - `FACTDESK_FAULT_PANIC_ON=<question>`: answering exactly that question
//!   panics, as a bug in the engine would.
//! - `FACTDESK_FAULT_SLOW_MS=<ms>`: preparing the reply to an `/ask` or a
//!   suggestion button takes that long, as a very large knowledge base would.

/// The variable naming the question to panic on.
pub const PANIC_ON: &str = "FACTDESK_FAULT_PANIC_ON";
/// The variable giving the delay of every reply, in milliseconds.
pub const SLOW_MS: &str = "FACTDESK_FAULT_SLOW_MS";

/// Panics when `question` is the one [`PANIC_ON`] names.
#[cfg(feature = "faults")]
pub fn panic_on(question: &str) {
    static QUESTION: std::sync::OnceLock<Option<String>> = std::sync::OnceLock::new();
    let target = QUESTION.get_or_init(|| std::env::var(PANIC_ON).ok());
    if target.as_deref() == Some(question) {
        panic!("{PANIC_ON}: a deliberate panic while answering");
    }
}

/// Nothing without the `faults` feature.
#[cfg(not(feature = "faults"))]
#[inline(always)]
pub fn panic_on(_question: &str) {}

/// Waits [`SLOW_MS`] milliseconds.
#[cfg(feature = "faults")]
pub async fn slow() {
    static MILLIS: std::sync::OnceLock<Option<u64>> = std::sync::OnceLock::new();
    let millis = MILLIS.get_or_init(|| std::env::var(SLOW_MS).ok().and_then(|v| v.parse().ok()));
    if let Some(ms) = *millis {
        tokio::time::sleep(std::time::Duration::from_millis(ms)).await;
    }
}

/// Nothing without the `faults` feature.
#[cfg(not(feature = "faults"))]
#[inline(always)]
pub async fn slow() {}
