//! What a request must show before any work is done for it: a body of at
//! most [`MAX_BODY`] bytes, a valid Ed25519 signature by the application's
//! key over the timestamp and the body, and a timestamp within
//! [`MAX_SKEW`] of now (an older signed request is a replay).
//!
//! Pure: headers, body and clock in, a verdict out; no I/O, nothing async.
//! The fuzz target `endpoint` drives [`Gate::admit`] and [`read`].

use std::time::{Duration, SystemTime, UNIX_EPOCH};

use serde_json::Value;
use serenity::all::Interaction;
use serenity::interactions_endpoint::Verifier;

/// The largest body read: Discord's interaction payloads are a few
/// kilobytes, resolved users and all.
pub const MAX_BODY: usize = 256 * 1024;
/// How far the signed timestamp may be from the clock, either way.
pub const MAX_SKEW: Duration = Duration::from_secs(5 * 60);

/// Why a request is refused, with the HTTP status it gets.
#[derive(Debug, Clone, PartialEq, Eq, thiserror::Error)]
pub enum Rejection {
    /// Over [`MAX_BODY`] bytes: 413.
    #[error("the body is over {MAX_BODY} bytes")]
    TooLarge,
    /// No signature or timestamp header: 401.
    #[error("the X-Signature-Ed25519 or X-Signature-Timestamp header is missing")]
    Unsigned,
    /// The signature does not verify: 401.
    #[error("the signature does not match the body and timestamp")]
    BadSignature,
    /// Signed, but too old or too far ahead: 401.
    #[error("the signed timestamp is more than 5 minutes from now (a replay, or a clock far off)")]
    Stale,
    /// Signed, but not an interaction: 400.
    #[error("the body is not an interaction: {0}")]
    Malformed(String),
}

impl Rejection {
    /// The HTTP status for the rejection.
    pub fn status(&self) -> u16 {
        match self {
            Rejection::TooLarge => 413,
            Rejection::Unsigned | Rejection::BadSignature | Rejection::Stale => 401,
            Rejection::Malformed(_) => 400,
        }
    }
}

/// The application's public key, as the checks need it.
#[derive(Clone)]
pub struct Gate {
    verifier: Verifier,
}

/// A public key that cannot be used.
#[derive(Debug, thiserror::Error)]
#[error("{0}")]
pub struct BadKey(String);

impl Gate {
    /// The gate for `public_key`, 64 hex digits as the developer portal shows it.
    pub fn new(public_key: &str) -> Result<Gate, BadKey> {
        let key = public_key.trim();
        let bytes = hex32(key).ok_or_else(|| {
            BadKey(format!(
                "the public key must be 64 hex digits (it has {} characters); copy it from the General Information page of your application in the Discord developer portal",
                key.chars().count()
            ))
        })?;
        let verifier = Verifier::try_new(bytes).map_err(|e| {
            BadKey(format!(
                "the public key is not a valid Ed25519 key ({e}); copy it again from the General Information page of the developer portal"
            ))
        })?;
        Ok(Gate { verifier })
    }

    /// Checks a request's size, signature and timestamp, in that order.
    pub fn admit(
        &self,
        signature: Option<&[u8]>,
        timestamp: Option<&[u8]>,
        body: &[u8],
        now: SystemTime,
    ) -> Result<(), Rejection> {
        if body.len() > MAX_BODY {
            return Err(Rejection::TooLarge);
        }
        let (Some(signature), Some(timestamp)) = (signature, timestamp) else {
            return Err(Rejection::Unsigned);
        };
        let (Ok(signature), Ok(timestamp)) = (
            std::str::from_utf8(signature),
            std::str::from_utf8(timestamp),
        ) else {
            return Err(Rejection::BadSignature);
        };
        self.verifier
            .verify(signature.trim(), timestamp, body)
            .map_err(|()| Rejection::BadSignature)?;
        let signed = timestamp
            .trim()
            .parse::<u64>()
            .map_err(|_| Rejection::Stale)?;
        let now = now.duration_since(UNIX_EPOCH).unwrap_or_default().as_secs();
        if now.abs_diff(signed) > MAX_SKEW.as_secs() {
            return Err(Rejection::Stale);
        }
        Ok(())
    }
}

/// What an admitted body holds.
#[derive(Debug)]
pub enum Incoming {
    /// Discord checking the endpoint: answered `PONG`.
    Ping,
    /// An interaction to answer.
    Interaction(Box<Interaction>),
}

/// Adds the fields serenity's model requires that Discord's documentation
/// calls optional or that older payloads lack, with the value Discord sends
/// when it has nothing to say: a request without them is still an
/// interaction. What the request gives is kept.
fn fill_optional(value: &mut Value) {
    let Some(fields) = value.as_object_mut() else {
        return;
    };
    fields.entry("locale").or_insert_with(|| "en-US".into());
    fields
        .entry("entitlements")
        .or_insert_with(|| Value::Array(Vec::new()));
    // Discord's default upload limit (bytes); factdesk sends no files.
    fields
        .entry("attachment_size_limit")
        .or_insert_with(|| (8u64 << 20).into());
}

/// Reads an admitted body.
pub fn read(body: &[u8]) -> Result<Incoming, Rejection> {
    let mut value: Value =
        serde_json::from_slice(body).map_err(|e| Rejection::Malformed(e.to_string()))?;
    match value.get("type").and_then(Value::as_u64) {
        Some(1) => Ok(Incoming::Ping),
        Some(2..=5) => serde_json::from_value({
            fill_optional(&mut value);
            value
        })
        .map(|i| Incoming::Interaction(Box::new(i)))
        .map_err(|e| Rejection::Malformed(e.to_string())),
        Some(other) => Err(Rejection::Malformed(format!(
            "unknown interaction type {other}"
        ))),
        None => Err(Rejection::Malformed("no interaction type".into())),
    }
}

fn hex32(s: &str) -> Option<[u8; 32]> {
    if s.len() != 64 || !s.is_ascii() {
        return None;
    }
    let mut out = [0; 32];
    for (i, byte) in out.iter_mut().enumerate() {
        *byte = u8::from_str_radix(&s[2 * i..2 * i + 2], 16).ok()?;
    }
    Some(out)
}

#[cfg(test)]
mod tests {
    use super::*;
    use ed25519_dalek::{Signer, SigningKey};

    fn key() -> SigningKey {
        SigningKey::from_bytes(&[7; 32])
    }

    fn gate() -> Gate {
        let public: String = key()
            .verifying_key()
            .to_bytes()
            .iter()
            .map(|b| format!("{b:02x}"))
            .collect();
        Gate::new(&public).unwrap()
    }

    fn sign(timestamp: &str, body: &[u8]) -> String {
        let message = [timestamp.as_bytes(), body].concat();
        key()
            .sign(&message)
            .to_bytes()
            .iter()
            .map(|b| format!("{b:02x}"))
            .collect()
    }

    fn at(secs: u64) -> SystemTime {
        UNIX_EPOCH + Duration::from_secs(secs)
    }

    #[test]
    fn a_signed_fresh_request_is_admitted() {
        let body = br#"{"type":1}"#;
        let sig = sign("1700000000", body);
        let admitted = gate().admit(
            Some(sig.as_bytes()),
            Some(b"1700000000"),
            body,
            at(1_700_000_100),
        );
        assert_eq!(admitted, Ok(()));
        assert!(matches!(read(body), Ok(Incoming::Ping)));
    }

    #[test]
    fn every_rejection_has_its_status() {
        let g = gate();
        let body = br#"{"type":1}"#;
        let sig = sign("1700000000", body);
        let now = at(1_700_000_000);
        let check = |sig: Option<&str>, ts: Option<&str>, body: &[u8], now| {
            g.admit(sig.map(str::as_bytes), ts.map(str::as_bytes), body, now)
                .map_err(|r| (r.status(), r))
        };
        assert_eq!(
            check(None, Some("1700000000"), body, now),
            Err((401, Rejection::Unsigned))
        );
        assert_eq!(
            check(Some(&sig), None, body, now),
            Err((401, Rejection::Unsigned))
        );
        // The body changed, the timestamp changed, the signature is not hex.
        assert_eq!(
            check(Some(&sig), Some("1700000000"), br#"{"type":2}"#, now),
            Err((401, Rejection::BadSignature))
        );
        assert_eq!(
            check(Some(&sig), Some("1700000001"), body, now),
            Err((401, Rejection::BadSignature))
        );
        assert_eq!(
            check(Some("zz"), Some("1700000000"), body, now),
            Err((401, Rejection::BadSignature))
        );
        // A replay six minutes later, and a clock far behind.
        assert_eq!(
            check(Some(&sig), Some("1700000000"), body, at(1_700_000_360)),
            Err((401, Rejection::Stale))
        );
        assert_eq!(
            check(Some(&sig), Some("1700000000"), body, at(1_699_999_000)),
            Err((401, Rejection::Stale))
        );
        // Size is checked before the signature: no verification work for a huge body.
        let huge = vec![b' '; MAX_BODY + 1];
        assert_eq!(
            check(None, None, &huge, now),
            Err((413, Rejection::TooLarge))
        );
    }

    #[test]
    fn bodies_that_are_not_interactions_are_malformed() {
        for body in [&b"not json"[..], b"{}", br#"{"type":99}"#, br#"{"type":2}"#] {
            let err = read(body).unwrap_err();
            assert_eq!(err.status(), 400, "{err}");
        }
    }

    #[test]
    fn interactions_without_the_newer_optional_fields_are_read() {
        // As Discord's documentation shows them: no locale, entitlements
        // or attachment size limit.
        let Ok(Incoming::Interaction(interaction)) = read(command_body()) else {
            panic!("a command without optional fields is refused");
        };
        let command = interaction.command().expect("read as a command");
        assert_eq!(command.data.name, "ask");
        assert_eq!(command.locale, "en-US");
        // What is given is kept.
        let given =
            String::from_utf8_lossy(command_body()).replace("\"t\",", "\"t\",\"locale\":\"fr\",");
        let Ok(Incoming::Interaction(interaction)) = read(given.as_bytes()) else {
            panic!("refused");
        };
        assert_eq!(interaction.command().unwrap().locale, "fr");
    }

    fn command_body() -> &'static [u8] {
        br#"{"type":2,"id":"10","application_id":"2","token":"t","version":1,
            "channel_id":"5","user":{"id":"7","username":"u","discriminator":"0"},
            "data":{"id":"9","name":"ask","type":1}}"#
    }

    #[test]
    fn bad_keys_say_where_to_find_the_right_one() {
        let err = Gate::new("abc").err().unwrap().to_string();
        assert!(
            err.contains("64 hex digits") && err.contains("developer portal"),
            "{err}"
        );
        assert!(Gate::new(&"g".repeat(64)).is_err());
    }
}
