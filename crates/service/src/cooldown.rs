//! The per-user cooldown between two questions.

use std::collections::HashMap;
use std::sync::Mutex;
use std::time::{Duration, Instant};

/// Whether a user may ask now.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum Verdict {
    /// Go ahead; the cooldown starts again now.
    Go,
    /// Too soon.
    Wait {
        /// Time left.
        remaining: Duration,
        /// True the first time the user hits this cooldown (so that a notice
        /// in a channel is sent once, not once per message).
        first: bool,
    },
}

/// Remembers when each user last asked. Users are keyed by id in memory only.
#[derive(Debug)]
pub struct Cooldown {
    period: Duration,
    last: Mutex<HashMap<u64, (Instant, bool)>>,
}

/// Past this many users the map drops the ones whose cooldown is over.
const PRUNE_AT: usize = 10_000;

impl Cooldown {
    /// A cooldown of `seconds` (0 or less turns it off).
    pub fn new(seconds: f64) -> Cooldown {
        let period = if seconds.is_finite() && seconds > 0.0 {
            Duration::from_secs_f64(seconds)
        } else {
            Duration::ZERO
        };
        Cooldown {
            period,
            last: Mutex::new(HashMap::new()),
        }
    }

    /// Whether `user` may ask at `now`; a `Go` starts their cooldown.
    pub fn check(&self, user: u64, now: Instant) -> Verdict {
        if self.period.is_zero() {
            return Verdict::Go;
        }
        let mut last = self.last.lock().unwrap_or_else(|e| e.into_inner());
        if let Some((at, noticed)) = last.get_mut(&user) {
            let elapsed = now.saturating_duration_since(*at);
            if elapsed < self.period {
                let first = !*noticed;
                *noticed = true;
                return Verdict::Wait {
                    remaining: self.period - elapsed,
                    first,
                };
            }
        }
        if last.len() >= PRUNE_AT {
            let period = self.period;
            last.retain(|_, (at, _)| now.saturating_duration_since(*at) < period);
        }
        last.insert(user, (now, false));
        Verdict::Go
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn second_question_within_the_period_waits() {
        let c = Cooldown::new(3.0);
        let t = Instant::now();
        assert_eq!(c.check(1, t), Verdict::Go);
        assert_eq!(c.check(2, t), Verdict::Go, "users are independent");
        match c.check(1, t + Duration::from_secs(1)) {
            Verdict::Wait { remaining, first } => {
                assert_eq!(remaining, Duration::from_secs(2));
                assert!(first);
            }
            v => panic!("{v:?}"),
        }
        assert!(matches!(
            c.check(1, t + Duration::from_secs(2)),
            Verdict::Wait { first: false, .. }
        ));
        assert_eq!(c.check(1, t + Duration::from_secs(3)), Verdict::Go);
    }

    #[test]
    fn zero_turns_it_off() {
        let c = Cooldown::new(0.0);
        let t = Instant::now();
        assert_eq!(c.check(1, t), Verdict::Go);
        assert_eq!(c.check(1, t), Verdict::Go);
    }

    #[test]
    fn prunes_expired_users() {
        let c = Cooldown::new(1.0);
        let t = Instant::now();
        for u in 0..PRUNE_AT as u64 {
            c.check(u, t);
        }
        c.check(u64::MAX, t + Duration::from_secs(5));
        assert_eq!(c.last.lock().unwrap().len(), 1);
    }
}
