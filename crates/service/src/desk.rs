//! The ask path every edge shares: the engine answers, one log line is
//! written, and a question the articles do not answer goes to the
//! unanswered log.

use std::sync::Arc;
use std::time::Instant;

use crate::followups::{Followups, Thread};

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
    /// The conversation it belongs to, for follow-ups; `None` asks alone.
    pub thread: Option<Thread>,
}

/// The engine, with the unanswered log beside it. Cheap to clone.
#[derive(Clone)]
pub struct Desk {
    engine: EngineHandle,
    unanswered: Option<Arc<UnansweredLog>>,
    followups: Option<Arc<Followups>>,
}

impl Desk {
    /// A desk answering from `engine`, recording what it cannot answer in `unanswered`.
    pub fn new(engine: EngineHandle, unanswered: Option<UnansweredLog>) -> Desk {
        Desk {
            engine,
            unanswered: unanswered.map(Arc::new),
            followups: None,
        }
    }

    /// The same desk, reading a question asked in a thread against that
    /// thread's last answer ([`Followups`]).
    pub fn with_followups(mut self, followups: Followups) -> Desk {
        self.followups = Some(Arc::new(followups));
        self
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
        let answer = match (asked.thread, &self.followups) {
            (Some(thread), Some(followups)) => {
                followups.with(thread, started, |c| engine.answer_in(c, question))
            }
            _ => engine.answer(question),
        };
        self.record(asked, question, &answer, started);
        answer
    }

    /// Answers `question` from the article `id` only (`/ask article:`), as
    /// [`Desk::ask`] does otherwise; `None` when no article has that id.
    pub fn ask_within(&self, asked: Asked, question: &str, id: &str) -> Option<Answer> {
        let started = Instant::now();
        let answer = self.engine.get().answer_within(question, id)?;
        self.record(asked, question, &answer, started);
        Some(answer)
    }

    /// Answers, from the story `id`, the question that `asked.thread` last
    /// asked and that fitted several stories (a "which story?" button);
    /// `None` when no such question is kept (follow-ups off, or expired).
    pub fn choose_story(&self, asked: Asked, id: &str) -> Option<Answer> {
        let (thread, followups) = (asked.thread?, self.followups.as_ref()?);
        let started = Instant::now();
        let engine = self.engine.get();
        let answer = followups.with(thread, started, |c| engine.choose_story(c, id))?;
        self.record(asked, &answer.question, &answer, started);
        Some(answer)
    }

    /// The log line of an answer, and the unanswered log.
    fn record(&self, asked: Asked, question: &str, answer: &Answer, started: Instant) {
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
            thread: None,
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

    #[test]
    fn a_thread_follows_up_on_its_own_last_answer() {
        let desk = Desk::new(EngineHandle::new(factdesk_testkit::sample::engine()), None)
            .with_followups(Followups::new(std::time::Duration::from_secs(600)));
        let in_thread = |user| Asked {
            guild: Some(1),
            via: "slash",
            thread: Some(Thread { user, channel: 5 }),
        };
        let first = desk.ask(in_thread(1), "How many people were injured in the storm?");
        assert!(first.answer.contains("12"), "{}", first.answer);
        let source = desk.ask(in_thread(1), "source?");
        assert!(source.is_answered(), "{source:?}");
        assert!(
            source.answer.contains("regional fire service"),
            "{}",
            source.answer
        );
        // Another user in the same channel has no last answer to lean on.
        let other = desk.ask(in_thread(2), "source?");
        assert!(!other.is_answered(), "{other:?}");
    }
}
