//! A progress line on stderr while adding many sources or syncing feeds,
//! only when stderr is a terminal (never in pipes, logs or tests).

use std::io::IsTerminal;

use factdesk_ingest::{Outcome, Progress};
use indicatif::{ProgressBar, ProgressStyle};

/// indicatif's bar, or nothing when stderr is not a terminal.
pub struct Bar(Option<ProgressBar>);

impl Bar {
    /// A bar labelled `what`, if `wanted` and stderr is a terminal.
    pub fn new(wanted: bool, what: &str) -> Bar {
        if !wanted || !std::io::stderr().is_terminal() {
            return Bar(None);
        }
        let bar = ProgressBar::new(0);
        let style = ProgressStyle::with_template("{prefix} [{bar:30}] {pos}/{len} {wide_msg}")
            .unwrap_or_else(|_| ProgressStyle::default_bar())
            .progress_chars("=> ");
        bar.set_style(style);
        bar.set_prefix(what.to_string());
        Bar(Some(bar))
    }

    /// Clears the line.
    pub fn finish(&self) {
        if let Some(bar) = &self.0 {
            bar.finish_and_clear();
        }
    }
}

impl Progress for Bar {
    fn more(&self, n: u64) {
        if let Some(bar) = &self.0 {
            bar.inc_length(n);
        }
    }

    fn working_on(&self, what: &str) {
        if let Some(bar) = &self.0 {
            bar.set_message(what.to_string());
        }
    }

    fn done(&self, _outcome: &Outcome) {
        if let Some(bar) = &self.0 {
            bar.inc(1);
        }
    }
}
