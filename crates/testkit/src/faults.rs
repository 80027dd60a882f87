//! Fault plans for the `factdesk` binary under test: what it should get
//! wrong on purpose (it reads them only when built with the `faults` feature
//! of `factdesk-discord`, as `cargo test` builds it).

use std::process::Command;

/// Deliberate faults for one run of the binary.
#[derive(Debug, Clone, Default)]
pub struct FaultPlan {
    /// Answering exactly this question panics.
    pub panic_on: Option<String>,
    /// Every `/ask` reply takes this long to prepare.
    pub slow_ms: Option<u64>,
}

impl FaultPlan {
    /// Sets the plan in the environment of `command`.
    pub fn apply(&self, command: &mut Command) {
        if let Some(q) = &self.panic_on {
            command.env("FACTDESK_FAULT_PANIC_ON", q);
        }
        if let Some(ms) = self.slow_ms {
            command.env("FACTDESK_FAULT_SLOW_MS", ms.to_string());
        }
    }
}
