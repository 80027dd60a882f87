//! Deferred replies: the edit of a deferred response, sent over REST with
//! the interaction's token (a webhook route: no bot token needed).
//!
//! Retried with backoff while the token lives (15 minutes): a 5xx, a
//! timeout, a refused connection, and a 404 (the edit can arrive before
//! Discord has taken the deferral in). A 429 waits as long as
//! `Retry-After` (or the body's `retry_after`) says, whoever answered it.
//! Other 4xx are final. Every reply given up on is a WARN line.

use std::time::{Duration, SystemTime};

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

/// Sends the edits of deferred responses. Cheap to clone.
#[derive(Clone)]
pub struct Courier {
    client: reqwest::Client,
    base: String,
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
            .timeout(CALL_TIMEOUT)
            .pool_max_idle_per_host(8)
            .build()
            .map_err(|e| anyhow::anyhow!("cannot start the HTTP client: {e}"))?;
        Ok(Courier {
            client,
            base: base.trim_end_matches('/').to_string(),
        })
    }

    /// Edits the original response of interaction `id` to `body`, retrying
    /// while its token lives. Returns whether the edit was delivered.
    pub async fn edit_original(
        &self,
        application: u64,
        id: u64,
        token: &str,
        body: &Value,
    ) -> bool {
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
            let why = match self.send(&url, body).await {
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

    async fn send(&self, url: &str, body: &Value) -> Outcome {
        let request = self
            .client
            .patch(url)
            .header(reqwest::header::CONTENT_TYPE, "application/json")
            .body(body.to_string());
        let response = match request.send().await {
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
            404 | 500..=599 => Outcome::Retry(None, what),
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
