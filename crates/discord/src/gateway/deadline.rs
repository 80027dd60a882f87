//! Discord's deadline for the first response to an interaction: 3 seconds
//! from its creation, after which the user sees "The application did not
//! respond" and the reply is refused.
//!
//! The policy: a reply ready in time is sent at once; a reply not ready when
//! the interaction is [`DEFER_AT_AGE`] old is deferred (Discord shows "is
//! thinking…") and sent later as an edit of the original response, which
//! Discord accepts for 15 minutes. The age is read from the interaction's id
//! (a snowflake holds its creation time), so time spent before the event
//! reached the bot counts too.

use std::future::Future;
use std::time::{Duration, SystemTime, UNIX_EPOCH};

use tokio::time::Instant;

/// The interaction age at which an unready reply is deferred.
pub const DEFER_AT_AGE: Duration = Duration::from_millis(1500);
/// A reply always gets this long after the event arrives before it is deferred.
pub const GRACE: Duration = Duration::from_millis(50);
/// How long Discord keeps an interaction token valid: an older age means the clocks disagree.
const TOKEN_LIFETIME: Duration = Duration::from_secs(15 * 60);
/// Discord's epoch, in milliseconds since the Unix epoch.
const DISCORD_EPOCH_MS: u64 = 1_420_070_400_000;

/// When the snowflake `id` was created.
pub fn created(id: u64) -> SystemTime {
    UNIX_EPOCH + Duration::from_millis((id >> 22) + DISCORD_EPOCH_MS)
}

/// When to defer the reply to interaction `id`, received at `received`
/// (when the wall clock said `now`): once the interaction is
/// [`DEFER_AT_AGE`] old, and never sooner than [`GRACE`] after it arrived.
/// An age that cannot be right (in the future, or older than a token lives:
/// a clock far off) counts as zero.
pub fn defer_at(id: u64, received: Instant, now: SystemTime) -> Instant {
    received + DEFER_AT_AGE.saturating_sub(age(id, now)).max(GRACE)
}

/// How much of `window` (an age limit) interaction `id` has left when the
/// wall clock says `now`; an age that cannot be right counts as zero, as
/// for [`defer_at`].
pub fn remaining(id: u64, now: SystemTime, window: Duration) -> Duration {
    window.saturating_sub(age(id, now))
}

fn age(id: u64, now: SystemTime) -> Duration {
    now.duration_since(created(id))
        .ok()
        .filter(|age| *age <= TOKEN_LIFETIME)
        .unwrap_or_default()
}

/// Awaits `work` until `at`: its output when it is ready first (checked
/// first, so a ready reply is never deferred), `None` when `at` comes first
/// and the work is still running.
pub async fn until<F: Future + Unpin>(work: &mut F, at: Instant) -> Option<F::Output> {
    tokio::select! {
        biased;
        out = work => Some(out),
        () = tokio::time::sleep_until(at) => None,
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    fn snowflake(at: SystemTime) -> u64 {
        let ms = at.duration_since(UNIX_EPOCH).unwrap().as_millis() as u64;
        (ms - DISCORD_EPOCH_MS) << 22
    }

    #[test]
    fn snowflakes_hold_their_creation_time() {
        // Discord's documented example: 175928847299117063 is 2016-04-30 11:18:25.796 UTC.
        let ms = created(175_928_847_299_117_063)
            .duration_since(UNIX_EPOCH)
            .unwrap()
            .as_millis();
        assert_eq!(ms, 1_462_015_105_796);
    }

    #[test]
    fn a_fresh_interaction_is_deferred_at_its_age_limit() {
        let id = snowflake(SystemTime::now());
        let now = created(id) + Duration::from_millis(400);
        let received = Instant::now();
        assert_eq!(
            defer_at(id, received, now),
            received + Duration::from_millis(1100)
        );
    }

    #[test]
    fn a_late_interaction_gets_only_the_grace() {
        let id = snowflake(SystemTime::now());
        let now = created(id) + Duration::from_secs(2);
        let received = Instant::now();
        assert_eq!(defer_at(id, received, now), received + GRACE);
    }

    #[test]
    fn impossible_ages_count_as_zero() {
        let now = SystemTime::now();
        let received = Instant::now();
        for at in [
            now + Duration::from_secs(5),
            now - Duration::from_secs(3600),
        ] {
            assert_eq!(
                defer_at(snowflake(at), received, now),
                received + DEFER_AT_AGE
            );
        }
    }

    #[tokio::test(start_paused = true)]
    async fn ready_work_is_not_deferred_and_slow_work_is() {
        let at = Instant::now() + DEFER_AT_AGE;
        let mut ready = Box::pin(async { 1 });
        assert_eq!(until(&mut ready, Instant::now()).await, Some(1));

        let mut slow = Box::pin(tokio::time::sleep(Duration::from_secs(4)));
        assert_eq!(until(&mut slow, at).await, None);
        assert_eq!(Instant::now(), at, "deferred at the deadline");
        // The work goes on and is awaited after the deferral.
        slow.await;
        assert_eq!(Instant::now(), at - DEFER_AT_AGE + Duration::from_secs(4));
    }
}
