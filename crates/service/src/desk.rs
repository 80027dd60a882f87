//! The ask path every edge shares: the engine answers, one log line is
//! written, and a question the articles do not answer goes to the
//! unanswered log.

use std::sync::Arc;
use std::time::Instant;

use factdesk_core::{Answer, Status};
use tracing::{info, warn};

use crate::unanswered::UnansweredLog;
use crate::EngineHandle;

/// Where a question was asked, for the log line and the unanswered log.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub struct Asked {
    /// The server, or `None` in a direct message.
    pub guild: Option<u64>,
    /// How it was asked ("slash", "message", "button").
    pub via: &'static str,
}

/// The engine, with the unanswered log beside it. Cheap to clone.
#[derive(Clone)]
pub struct Desk {
    engine: EngineHandle,
    unanswered: Option<Arc<UnansweredLog>>,
}

impl Desk {
    /// A desk answering from `engine`, recording what it cannot answer in `unanswered`.
    pub fn new(engine: EngineHandle, unanswered: Option<UnansweredLog>) -> Desk {
        Desk {
            engine,
            unanswered: unanswered.map(Arc::new),
        }
    }

    /// The engine handle (to reload it, or to ask it for topics and sources).
    pub fn engine(&self) -> &EngineHandle {
        &self.engine
    }

    /// Answers one question: asks the engine, logs one line (never the
    /// question's text), records an unanswered question. Inside a Tokio
    /// runtime, the unanswered log is written off the async threads.
    pub fn ask(&self, asked: Asked, question: &str) -> Answer {
        let engine = self.engine.get();
        let started = Instant::now();
        let answer = engine.answer(question);
        let micros = started.elapsed().as_micros() as u64;
        let status = match answer.status {
            Status::Answered => "answered",
            Status::Unknown => "unknown",
        };
        info!(
            channel = if asked.guild.is_some() { "guild" } else { "dm" },
            via = asked.via,
            status,
            confidence = format_args!("{:.2}", answer.confidence),
            micros,
            "question"
        );
        if answer.status == Status::Unknown {
            if let Some(log) = self.unanswered.clone() {
                let question = question.to_string();
                let append = move || {
                    if let Err(e) = log.append(asked.guild, &question) {
                        warn!(path = %log.path().display(), error = %e, "cannot append to the unanswered log");
                    }
                };
                match tokio::runtime::Handle::try_current() {
                    Ok(runtime) => drop(runtime.spawn_blocking(append)),
                    Err(_) => append(),
                }
            }
        }
        answer
    }
}

#[cfg(test)]
mod tests {
    use super::*;
    use factdesk_core::knowledge::Builder;
    use factdesk_core::Engine;

    #[test]
    fn unanswered_questions_are_logged_and_answered_ones_are_not() {
        let kb = Builder::new()
            .article(
                "storm",
                "Storm hits coast\nThe storm made landfall near Tampa on Monday.",
            )
            .unwrap()
            .build()
            .unwrap();
        let dir = tempfile::tempdir().unwrap();
        let path = dir.path().join("unanswered.jsonl");
        let log = UnansweredLog::open(&path).unwrap();
        let desk = Desk::new(EngineHandle::new(Engine::new(kb)), log);
        let asked = Asked {
            guild: Some(7),
            via: "slash",
        };
        assert!(desk
            .ask(asked, "Where did the storm make landfall?")
            .is_answered());
        assert!(!desk.ask(asked, "Who won the cup final?").is_answered());
        let logged = std::fs::read_to_string(&path).unwrap();
        assert_eq!(logged.lines().count(), 1, "{logged}");
        assert!(logged.contains("\"question\":\"Who won the cup final?\""));
        assert!(logged.contains("\"guild\":\"7\""));
    }
}
