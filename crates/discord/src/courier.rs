//! Interaction responses over REST, with the interaction's own token (no
//! bot token needed), for the gateway and the HTTP endpoint alike.
//!
//! - The first response (the callback) must reach Discord within 3 seconds
//!   of the interaction: after a 5xx, a 429 or a failed connection it is
//!   sent once more, when the wait still lets it arrive in time.
//! - The edit of a deferred response is retried with backoff while the
//!   token lives (15 minutes): a 5xx, a timeout, a refused connection, and
//!   a 404 (the edit can arrive before Discord has taken the deferral in).
//!
//! A 429 waits as long as `Retry-After` (or the body's `retry_after`) says,
//! whoever answered it (Discord, or a proxy at `api_url`). Other 4xx are
//! final. Every reply given up on is a WARN line naming the route, with the
//! token replaced.

use std::time::{Duration, SystemTime};

use tokio::time::Instant;

use serde_json::Value;
use tracing::{info, warn};

use crate::gateway::{deadline, rest};

/// How long an interaction token lets the bot edit its response.
pub const TOKEN_LIFETIME: Duration = Duration::from_secs(15 * 60);
/// The first wait before another attempt; it doubles up to [`MAX_BACKOFF`].
const FIRST_BACKOFF: Duration = Duration::from_millis(500);
const MAX_BACKOFF: Duration = Duration::from_secs(60);
/// A call that takes longer is abandoned (and retried).
const CALL_TIMEOUT: Duration = Duration::from_secs(10);
/// A callback must arrive within this age of its interaction (Discord allows 3 s).
const CALLBACK_WINDOW: Duration = Duration::from_millis(2_800);
/// The wait before the second try of a callback that failed without a `Retry-After`.
const CALLBACK_RETRY_WAIT: Duration = Duration::from_millis(150);

/// REST calls in flight at once; more wait their turn. Each call holds a
/// connection and its buffers: unbounded, a burst of questions against a
/// slow API would hold thousands.
pub const IN_FLIGHT: usize = 32;

/// Sends interaction responses. Cheap to clone.
#[derive(Clone)]
pub struct Courier {
    client: reqwest::Client,
    base: String,
    slots: std::sync::Arc<tokio::sync::Semaphore>,
}

/// The shortest time a second try is given.
const MIN_CALL: Duration = Duration::from_millis(100);
/// The shortest time a first callback is given. One sent after its window
/// (by this clock) is still sent, with time to arrive: the clocks may
/// disagree, and Discord decides.
const FIRST_CALL: Duration = Duration::from_secs(2);

/// Which call.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
enum Call {
    /// `POST /interactions/{id}/{token}/callback`
    Callback,
    /// `PATCH /webhooks/{application}/{token}/messages/@original`
    Edit,
}

/// What an attempt came to.
enum Outcome {
    Sent,
    Retry(Option<Duration>, String),
    Final(String),
}

impl Courier {
    /// A courier sending to `base` (`https://discord.com`, or the API URL of the config).
    pub fn new(base: &str) -> anyhow::Result<Courier> {
        let client = reqwest::Client::builder()
            .use_rustls_tls()
            // Discord asks for a "DiscordBot (url, version)" user agent: serenity's.
            .user_agent(serenity::constants::USER_AGENT)
            .timeout(CALL_TIMEOUT)
            .pool_max_idle_per_host(IN_FLIGHT / 2)
            .build()
            .map_err(|e| anyhow::anyhow!("cannot start the HTTP client: {e}"))?;
        Ok(Courier {
            client,
            base: base.trim_end_matches('/').to_string(),
            slots: std::sync::Arc::new(tokio::sync::Semaphore::new(IN_FLIGHT)),
        })
    }

    /// Edits the original response of interaction `id` to `body`, retrying
    /// while its token lives. Returns whether the edit was delivered.
    pub async fn edit_original(&self, application: u64, id: u64, token: &str, body: &[u8]) -> bool {
        let url = format!(
            "{}/api/v10/webhooks/{application}/{token}/messages/@original",
            self.base
        );
        let expires = deadline::created(id) + TOKEN_LIFETIME;
        // A token whose interaction dates from a clock far off gets the full lifetime from now.
        let expires = if expires < SystemTime::now() {
            SystemTime::now() + TOKEN_LIFETIME
        } else {
            expires
        };
        let mut wait = FIRST_BACKOFF;
        let mut attempt = 0u32;
        loop {
            attempt += 1;
            let why = match self.send(Call::Edit, &url, body, CALL_TIMEOUT).await {
                Outcome::Sent => {
                    if attempt > 1 {
                        info!(
                            interaction = id,
                            attempt, "sent a deferred reply after retrying"
                        );
                    }
                    return true;
                }
                Outcome::Final(why) => {
                    warn!(interaction = id, route = %rest::route(&url), error = %why, "cannot send a deferred reply; the user sees it still thinking");
                    return false;
                }
                Outcome::Retry(after, why) => {
                    if let Some(after) = after {
                        wait = after;
                    }
                    why
                }
            };
            if SystemTime::now() + wait >= expires {
                warn!(interaction = id, route = %rest::route(&url), error = %why, attempts = attempt, "cannot send a deferred reply before its token expires; given up");
                return false;
            }
            info!(interaction = id, error = %why, retry_in_ms = wait.as_millis() as u64, "a deferred reply failed; trying again");
            tokio::time::sleep(wait).await;
            wait = (wait * 2).min(MAX_BACKOFF);
        }
    }

    /// Sends the first response to interaction `id`; once more after a
    /// 5xx, a 429 or a failed connection when it can still arrive within
    /// Discord's 3 seconds. The error says what happened, with the route.
    pub async fn callback(&self, id: u64, token: &str, body: &[u8]) -> Result<(), String> {
        let url = format!("{}/api/v10/interactions/{id}/{token}/callback", self.base);
        let route = format!("POST {}", rest::route(&url));
        let due = Instant::now() + deadline::remaining(id, SystemTime::now(), CALLBACK_WINDOW);
        let left = || due.saturating_duration_since(Instant::now());
        let why = match self
            .send(Call::Callback, &url, body, left().max(FIRST_CALL))
            .await
        {
            Outcome::Sent => return Ok(()),
            Outcome::Final(why) => return Err(format!("{why} on {route}")),
            Outcome::Retry(after, why) => {
                let wait = after.unwrap_or(CALLBACK_RETRY_WAIT);
                if wait + MIN_CALL > left() {
                    return Err(format!(
                        "{why} on {route}; too late to try again within Discord's 3 seconds"
                    ));
                }
                info!(interaction = id, error = %why, %route, retry_in_ms = wait.as_millis() as u64, "an interaction callback failed; trying once more");
                tokio::time::sleep(wait).await;
                why
            }
        };
        match self
            .send(Call::Callback, &url, body, left().max(MIN_CALL))
            .await
        {
            Outcome::Sent => {
                info!(interaction = id, first_error = %why, "answered an interaction at the second try");
                Ok(())
            }
            Outcome::Retry(_, why) | Outcome::Final(why) => {
                Err(format!("{why} on {route} (the second try)"))
            }
        }
    }

    async fn send(&self, call: Call, url: &str, body: &[u8], timeout: Duration) -> Outcome {
        let Ok(_slot) = self.slots.acquire().await else {
            return Outcome::Final("the courier is closed".into());
        };
        let request = match call {
            Call::Callback => self.client.post(url),
            Call::Edit => self.client.patch(url),
        };
        let request = request
            .timeout(timeout)
            .header(reqwest::header::CONTENT_TYPE, "application/json")
            .body(body.to_vec());
        let response = match request.send().await {
            // 204 No Content for a callback.
            Ok(r) => r,
            Err(e) => return Outcome::Retry(None, rest::with_sources(&e)),
        };
        let status = response.status();
        if status.is_success() {
            return Outcome::Sent;
        }
        let header_wait = retry_after(response.headers().get("retry-after"));
        let text = response.text().await.unwrap_or_default();
        let what = format!("{status}: {}", message_of(&text));
        match status.as_u16() {
            429 => Outcome::Retry(
                header_wait
                    .or_else(|| body_retry_after(&text))
                    .or(Some(Duration::from_secs(1))),
                what,
            ),
            404 if call == Call::Edit => Outcome::Retry(None, what),
            500..=599 => Outcome::Retry(None, what),
            _ => Outcome::Final(what),
        }
    }
}

/// `Retry-After` in seconds (fractions allowed), at most a minute.
fn retry_after(header: Option<&reqwest::header::HeaderValue>) -> Option<Duration> {
    let secs: f64 = header?.to_str().ok()?.trim().parse().ok()?;
    (secs.is_finite() && secs >= 0.0).then(|| Duration::from_secs_f64(secs.min(60.0)))
}

/// Discord's `retry_after` in a 429 body, at most a minute.
fn body_retry_after(text: &str) -> Option<Duration> {
    let secs = serde_json::from_str::<Value>(text).ok()?["retry_after"].as_f64()?;
    (secs.is_finite() && secs >= 0.0).then(|| Duration::from_secs_f64(secs.min(60.0)))
}

/// Discord's `message`, else the start of the body.
fn message_of(text: &str) -> String {
    serde_json::from_str::<Value>(text)
        .ok()
        .and_then(|v| v["message"].as_str().map(str::to_string))
        .unwrap_or_else(|| text.chars().take(200).collect())
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn waits_come_from_the_header_or_the_body() {
        let h = reqwest::header::HeaderValue::from_static("1.5");
        assert_eq!(retry_after(Some(&h)), Some(Duration::from_millis(1500)));
        let h = reqwest::header::HeaderValue::from_static("soon");
        assert_eq!(retry_after(Some(&h)), None);
        assert_eq!(
            body_retry_after(r#"{"message":"You are being rate limited.","retry_after":0.25}"#),
            Some(Duration::from_millis(250))
        );
        assert_eq!(body_retry_after("{}"), None);
        assert_eq!(
            message_of(r#"{"message":"Unknown Webhook"}"#),
            "Unknown Webhook"
        );
    }
}
