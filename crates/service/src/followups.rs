//! Follow-up questions on Discord: one [`Conversation`] per user and
//! channel (a direct message is a channel of its own), kept in memory for a
//! few minutes and never on disk. The engine reads each question against
//! its conversation's last answer ([`Conversation`]'s rules, the same as the
//! terminal chat's).

use std::collections::HashMap;
use std::sync::Mutex;
use std::time::{Duration, Instant};

use factdesk_core::engine::Conversation;

/// Where a conversation happens: one user in one channel.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash)]
pub struct Thread {
    /// The user asking.
    pub user: u64,
    /// The channel (a server channel, or the direct-message channel).
    pub channel: u64,
}

/// Conversations kept at most, whatever their age: past it, the oldest is
/// forgotten first (a burst of new users cannot grow memory without end).
pub const MAX_CONVERSATIONS: usize = 20_000;

/// The conversations of every thread, each forgotten `ttl` after its last answer.
#[derive(Debug)]
pub struct Followups {
    ttl: Duration,
    max: usize,
    threads: Mutex<HashMap<Thread, (Conversation, Instant)>>,
}

impl Followups {
    /// Conversations kept for `ttl` after their last question.
    pub fn new(ttl: Duration) -> Followups {
        Followups::with_limit(ttl, MAX_CONVERSATIONS)
    }

    /// Conversations kept for `ttl`, at most `max` of them.
    pub fn with_limit(ttl: Duration, max: usize) -> Followups {
        Followups {
            ttl,
            max: max.max(1),
            threads: Mutex::new(HashMap::new()),
        }
    }

    /// The conversation of `thread` at `now`: a fresh one when it has
    /// expired or never was.
    pub fn take(&self, thread: Thread, now: Instant) -> Conversation {
        let mut threads = self.threads.lock().unwrap_or_else(|e| e.into_inner());
        match threads.remove(&thread) {
            Some((conversation, at)) if now.saturating_duration_since(at) < self.ttl => {
                conversation
            }
            _ => Conversation::default(),
        }
    }

    /// Keeps `conversation` for `thread` from `now` (when it remembers an
    /// answer, or a question waiting for its story).
    pub fn keep(&self, thread: Thread, conversation: Conversation, now: Instant) {
        if conversation.is_empty() || self.ttl.is_zero() {
            return;
        }
        let mut threads = self.threads.lock().unwrap_or_else(|e| e.into_inner());
        if threads.len() >= self.max && !threads.contains_key(&thread) {
            threads.retain(|_, (_, at)| now.saturating_duration_since(*at) < self.ttl);
            if threads.len() >= self.max {
                if let Some(oldest) = threads
                    .iter()
                    .min_by_key(|(_, (_, at))| *at)
                    .map(|(t, _)| *t)
                {
                    threads.remove(&oldest);
                }
            }
        }
        threads.insert(thread, (conversation, now));
    }

    /// Runs `turn` on the conversation of `thread` at `now`, and keeps what
    /// it leaves to remember.
    pub fn with<R>(
        &self,
        thread: Thread,
        now: Instant,
        turn: impl FnOnce(&mut Conversation) -> R,
    ) -> R {
        let mut conversation = self.take(thread, now);
        let out = turn(&mut conversation);
        self.keep(thread, conversation, now);
        out
    }

    /// How many conversations are kept (expired ones included until swept).
    pub fn len(&self) -> usize {
        self.threads.lock().unwrap_or_else(|e| e.into_inner()).len()
    }

    /// No conversation is kept.
    pub fn is_empty(&self) -> bool {
        self.len() == 0
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    fn answered(engine: &factdesk_core::Engine) -> Conversation {
        let mut c = Conversation::default();
        let a = engine.answer_in(&mut c, "How many people were injured?");
        assert!(a.is_answered(), "{a:?}");
        c
    }

    #[test]
    fn a_conversation_lasts_its_time_in_its_own_thread() {
        let engine = factdesk_testkit::sample::engine();
        let f = Followups::new(Duration::from_secs(600));
        let (alice, bob) = (
            Thread {
                user: 1,
                channel: 9,
            },
            Thread {
                user: 2,
                channel: 9,
            },
        );
        let t0 = Instant::now();
        f.keep(alice, answered(&engine), t0);
        assert!(
            f.take(bob, t0).last().is_none(),
            "another user starts fresh"
        );
        let kept = f.take(alice, t0 + Duration::from_secs(599));
        assert!(kept.last().is_some());
        f.keep(alice, kept, t0 + Duration::from_secs(599));
        assert!(
            f.take(alice, t0 + Duration::from_secs(1300))
                .last()
                .is_none(),
            "expired"
        );
        assert!(f.is_empty());
        // A conversation with nothing answered is not kept.
        f.keep(alice, Conversation::default(), t0);
        assert!(f.is_empty());
    }

    #[test]
    fn past_the_limit_the_oldest_is_forgotten() {
        let engine = factdesk_testkit::sample::engine();
        let f = Followups::with_limit(Duration::from_secs(600), 3);
        let t0 = Instant::now();
        for user in 0..5u64 {
            let thread = Thread { user, channel: 1 };
            f.keep(thread, answered(&engine), t0 + Duration::from_secs(user));
        }
        assert_eq!(f.len(), 3);
        let at = t0 + Duration::from_secs(10);
        assert!(f
            .take(
                Thread {
                    user: 0,
                    channel: 1
                },
                at
            )
            .last()
            .is_none());
        assert!(f
            .take(
                Thread {
                    user: 4,
                    channel: 1
                },
                at
            )
            .last()
            .is_some());
    }
}
