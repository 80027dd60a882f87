//! Progress on stderr, only when stderr is a terminal (never in pipes, logs
//! or tests): a line while adding many sources or syncing feeds ([`Bar`]),
//! and a bar for long steps, loading a large knowledge base or `generate`
//! ([`Steps`]).

use std::io::IsTerminal;
use std::sync::{Arc, Mutex};
use std::time::Duration;

use factdesk_ingest::{Outcome, Progress};
use indicatif::{ProgressBar, ProgressDrawTarget, ProgressStyle};

/// indicatif's bar, or nothing when stderr is not a terminal.
pub struct Bar(Option<ProgressBar>);

impl Bar {
    /// A bar labelled `what`, if `wanted` and stderr is a terminal.
    pub fn new(wanted: bool, what: &str) -> Bar {
        if !wanted || !std::io::stderr().is_terminal() {
            return Bar(None);
        }
        Bar(Some(labelled(ProgressBar::new(0), "", what)))
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

/// How long a step runs before its bar shows: a knowledge base that loads
/// at once shows none.
const REVEAL_AFTER: Duration = Duration::from_millis(500);

/// A bar for a long step (loading a large knowledge base, `generate`) on
/// stderr, shown only on a terminal and only once the step has run for
/// [`REVEAL_AFTER`]. Debug builds show it at once when
/// `FACTDESK_DEBUG_PROGRESS_NOW` is set (for the pseudo-terminal test).
pub struct Steps {
    bar: ProgressBar,
    /// Set when the step ends: the bar is then never revealed.
    ended: Arc<Mutex<bool>>,
}

impl Steps {
    /// A bar labelled `what`.
    pub fn new(what: &str) -> Steps {
        let hidden = ProgressBar::with_draw_target(Some(0), ProgressDrawTarget::hidden());
        let bar = labelled(hidden, "{spinner} ", what);
        let ended = Arc::new(Mutex::new(false));
        if std::io::stderr().is_terminal() {
            let now =
                cfg!(debug_assertions) && std::env::var_os("FACTDESK_DEBUG_PROGRESS_NOW").is_some();
            if now {
                reveal(&bar);
            } else {
                let (bar, ended) = (bar.clone(), ended.clone());
                std::thread::spawn(move || {
                    std::thread::sleep(REVEAL_AFTER);
                    let ended = ended.lock().unwrap_or_else(|e| e.into_inner());
                    if !*ended {
                        reveal(&bar);
                    }
                });
            }
        }
        Steps { bar, ended }
    }

    /// `done` of `total` units so far.
    pub fn at(&self, done: usize, total: usize) {
        self.bar.set_length(total as u64);
        self.bar.set_position(done as u64);
    }

    /// What is being done now ("indexing 3 500 sentences").
    pub fn stage(&self, what: &str) {
        self.bar.set_message(what.to_string());
    }

    /// Ends the step and clears its line.
    pub fn finish(&self) {
        let mut ended = self.ended.lock().unwrap_or_else(|e| e.into_inner());
        *ended = true;
        self.bar.finish_and_clear();
    }
}

/// `bar` drawn as `{prefix} [=====>    ] pos/len message`, after `lead`
/// (a spinner, or nothing), with `what` as its prefix.
fn labelled(bar: ProgressBar, lead: &str, what: &str) -> ProgressBar {
    let template = format!("{lead}{{prefix}} [{{bar:30}}] {{pos}}/{{len}} {{wide_msg}}");
    let style = ProgressStyle::with_template(&template)
        .unwrap_or_else(|_| ProgressStyle::default_bar())
        .progress_chars("=> ");
    bar.set_style(style);
    bar.set_prefix(what.to_string());
    bar
}

/// Draws `bar` on stderr from now on.
fn reveal(bar: &ProgressBar) {
    bar.set_draw_target(ProgressDrawTarget::stderr());
    bar.enable_steady_tick(Duration::from_millis(120));
}

impl Drop for Steps {
    fn drop(&mut self) {
        self.finish();
    }
}
