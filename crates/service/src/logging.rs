//! Logging for `factdesk run`: `tracing` to stderr, `RUST_LOG` to filter
//! (default `info`), with the bot token redacted from every line whatever
//! any library logs.

use std::fmt::Write as _;
use std::io::{self, IsTerminal, Write};
use std::sync::atomic::{AtomicU64, Ordering};

use tracing::field::{Field, Visit};
use tracing::{Event, Subscriber};
use tracing_subscriber::filter::{filter_fn, FilterExt, LevelFilter};
use tracing_subscriber::fmt::MakeWriter;
use tracing_subscriber::layer::{Context, SubscriberExt};
use tracing_subscriber::util::SubscriberInitExt;
use tracing_subscriber::{EnvFilter, Layer};

/// What stands in for the token.
pub use crate::config::REDACTED;

/// Writes to stderr with every occurrence of the secret replaced.
#[derive(Clone)]
pub struct Redacting {
    secret: String,
}

impl Redacting {
    /// Redacts `secret` (nothing is redacted when it is shorter than 8 characters,
    /// which no Discord token is).
    pub fn new(secret: &str) -> Redacting {
        Redacting {
            secret: secret.trim().to_string(),
        }
    }

    /// `text` with the secret replaced.
    pub fn redact(&self, text: &str) -> String {
        if self.secret.len() < 8 {
            return text.to_string();
        }
        text.replace(&self.secret, REDACTED)
    }
}

impl Write for Redacting {
    fn write(&mut self, buf: &[u8]) -> io::Result<usize> {
        let text = String::from_utf8_lossy(buf);
        io::stderr()
            .lock()
            .write_all(self.redact(&text).as_bytes())?;
        Ok(buf.len())
    }

    fn flush(&mut self) -> io::Result<()> {
        io::stderr().flush()
    }
}

impl<'a> MakeWriter<'a> for Redacting {
    type Writer = Redacting;

    fn make_writer(&'a self) -> Self::Writer {
        self.clone()
    }
}

/// Installs the subscriber (a no-op if one is already installed), and a
/// panic hook that logs panics through it, so that they are redacted too.
pub fn init(token: &str) {
    let filter = EnvFilter::try_from_default_env().unwrap_or_else(|_| EnvFilter::new("info"));
    // serenity's own lines for a gateway event it cannot read hold the
    // whole event (an interaction's token included): they are replaced by
    // [`UnreadableEvents`]' line, which names the event and the reason only.
    let not_frames = filter_fn(|m| !matches!(m.target(), SERENITY_FRAMES | SERENITY_DISPATCH));
    let lines = tracing_subscriber::fmt::layer()
        .with_writer(Redacting::new(token))
        .with_ansi(io::stderr().is_terminal())
        .with_filter(filter.and(not_frames));
    let unreadable = UnreadableEvents.with_filter(
        filter_fn(|m| {
            m.is_event()
                && (m.target() == SERENITY_DISPATCH
                    || m.target() == SERENITY_FRAMES && *m.level() <= tracing::Level::WARN)
        })
        .with_max_level_hint(LevelFilter::DEBUG),
    );
    let closes = GatewayCloses.with_filter(
        filter_fn(|m| {
            m.is_event() && m.target() == SERENITY_SHARD && *m.level() <= tracing::Level::WARN
        })
        .with_max_level_hint(LevelFilter::WARN),
    );
    let installed = tracing_subscriber::registry()
        .with(lines)
        .with(unreadable)
        .with(closes)
        .try_init();
    if installed.is_ok() {
        std::panic::set_hook(Box::new(|info| {
            let payload = info.payload();
            let panic = payload
                .downcast_ref::<&str>()
                .copied()
                .or_else(|| payload.downcast_ref::<String>().map(String::as_str))
                .unwrap_or("(no message)");
            let location = info
                .location()
                .map(|l| format!("{}:{}", l.file(), l.line()))
                .unwrap_or_default();
            tracing::error!(panic, location, "a task panicked");
        }));
    }
}

/// Where serenity logs a gateway frame it cannot read at all.
const SERENITY_FRAMES: &str = "serenity::gateway::ws";
/// Where serenity logs (at DEBUG) a dispatch it read as an unknown event:
/// one of a type it does not know, or whose data it cannot read.
const SERENITY_DISPATCH: &str = "serenity::client::dispatch";

/// Where serenity logs why the gateway closed.
const SERENITY_SHARD: &str = "serenity::gateway::shard";

/// The gateway close codes no reconnection can cure, as serenity words
/// them: 4010 (invalid shard), 4011 (sharding required), 4012 (invalid API
/// version). (4004, 4013 and 4014 reach factdesk as serenity errors.)
fn fatal_close(message: &str) -> Option<u16> {
    if message.ends_with("Sent invalid shard data.") {
        Some(4010)
    } else if message.ends_with("Shard has too many guilds.") {
        Some(4011)
    } else if message.contains("Unknown unclean close 4012") {
        Some(4012)
    } else {
        None
    }
}

fn closes() -> &'static tokio::sync::watch::Sender<Option<u16>> {
    static CLOSES: std::sync::OnceLock<tokio::sync::watch::Sender<Option<u16>>> =
        std::sync::OnceLock::new();
    CLOSES.get_or_init(|| tokio::sync::watch::channel(None).0)
}

/// Watches for a gateway close code that needs a human (see
/// [`fatal_close`]): the receiver holds the first one seen, from serenity's
/// log lines (serenity reconnects after them forever).
pub fn fatal_gateway_closes() -> tokio::sync::watch::Receiver<Option<u16>> {
    closes().subscribe()
}

/// Reads serenity's lines about gateway closes into [`fatal_gateway_closes`].
struct GatewayCloses;

impl<S: Subscriber> Layer<S> for GatewayCloses {
    fn on_event(&self, event: &Event<'_>, _: Context<'_, S>) {
        let mut message = Message(String::new());
        event.record(&mut message);
        if let Some(code) = fatal_close(&message.0) {
            closes().send_if_modified(|seen| {
                let first = seen.is_none();
                if first {
                    *seen = Some(code);
                }
                first
            });
        }
    }
}

/// Gateway frames serenity could not read (and so dropped) since start.
static UNREADABLE: AtomicU64 = AtomicU64::new(0);

/// How many gateway events were dropped because serenity could not read them.
pub fn unreadable_events() -> u64 {
    UNREADABLE.load(Ordering::Relaxed)
}

/// Turns serenity's warning about a gateway frame it cannot read into a
/// WARN line of factdesk's: the event's type, serde's reason, and the count
/// so far; never the frame, which can hold an interaction's token or a
/// user's message.
struct UnreadableEvents;

impl<S: Subscriber> Layer<S> for UnreadableEvents {
    fn on_event(&self, event: &Event<'_>, _: Context<'_, S>) {
        let mut message = Message(String::new());
        event.record(&mut message);
        let Some((event_type, reason)) = unreadable_frame(&message.0) else {
            return;
        };
        let dropped = UNREADABLE.fetch_add(1, Ordering::Relaxed) + 1;
        tracing::warn!(
            event = event_type,
            reason,
            dropped,
            "dropped a gateway event serenity cannot read (a change in Discord's API, or a server that is not Discord)"
        );
    }
}

struct Message(String);

impl Visit for Message {
    fn record_debug(&mut self, field: &Field, value: &dyn std::fmt::Debug) {
        if field.name() == "message" {
            let _ = write!(self.0, "{value:?}");
        }
    }
}

/// The event type and the reason, from serenity's
/// `Err deserializing text: REASON; text: FRAME` (or `bytes`), or its
/// `An unknown event was received: UnknownEvent { kind: "TYPE", value: ... }`.
fn unreadable_frame(message: &str) -> Option<(&str, &str)> {
    if let Some(rest) = message.strip_prefix("An unknown event was received: ") {
        let kind = rest
            .split_once("kind: \"")
            .and_then(|(_, after)| after.split('"').next())
            .filter(|t| !t.is_empty() && t.len() < 64)
            .unwrap_or("unknown");
        return Some((
            kind,
            "an event type serenity does not know, or data it cannot read as that type",
        ));
    }
    let rest = message
        .strip_prefix("Err deserializing text: ")
        .or_else(|| message.strip_prefix("Err deserializing bytes: "))
        .or_else(|| message.strip_prefix("Err decompressing bytes: "))?;
    let (reason, frame) = rest.split_once("; text: ").unwrap_or((rest, ""));
    let event_type = frame
        .split_once("\"t\":")
        .and_then(|(_, after)| after.trim_start().strip_prefix('"'))
        .and_then(|after| after.split('"').next())
        .filter(|t| !t.is_empty() && t.len() < 64)
        .unwrap_or("unknown");
    Some((event_type, reason))
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn redacts_the_secret() {
        let r = Redacting::new("MTIz.abc.secret-part");
        assert_eq!(
            r.redact("Authorization: Bot MTIz.abc.secret-part ok"),
            "Authorization: Bot [redacted] ok"
        );
        assert_eq!(Redacting::new("").redact("x"), "x");
    }

    #[test]
    fn fatal_closes_are_read_from_serenitys_words() {
        let shard = "[ShardInfo { id: ShardId(0), total: 1 }]";
        assert_eq!(
            fatal_close(&format!("{shard} Sent invalid shard data.")),
            Some(4010)
        );
        assert_eq!(
            fatal_close(&format!("{shard} Shard has too many guilds.")),
            Some(4011)
        );
        assert_eq!(
            fatal_close(&format!(
                "{shard} Unknown unclean close 4012: Some(\"Invalid API version\")"
            )),
            Some(4012)
        );
        assert_eq!(fatal_close(&format!("{shard} Sent invalid message.")), None);
        assert_eq!(
            fatal_close(&format!("{shard} Unknown unclean close 4900: None")),
            None
        );
    }

    #[test]
    fn an_unreadable_frame_is_named_by_its_type_and_reason_only() {
        let serenity = r#"Err deserializing text: Error("missing field `token`", line: 1, column: 80); text: {"op":0,"s":3,"t":"INTERACTION_CREATE","d":{"id":"1","token":"secret-token"}}"#;
        let (event, reason) = unreadable_frame(serenity).unwrap();
        assert_eq!(event, "INTERACTION_CREATE");
        assert_eq!(
            reason,
            r#"Error("missing field `token`", line: 1, column: 80)"#
        );
        assert!(!reason.contains("secret-token"));
        let (event, _) = unreadable_frame("Err deserializing bytes: Error(\"eof\")").unwrap();
        assert_eq!(event, "unknown");
        assert_eq!(unreadable_frame("Connection closed"), None);
        let unknown = r#"An unknown event was received: UnknownEvent { kind: "INTERACTION_CREATE", value: Object {"token": String("secret-token")} }"#;
        let (event, reason) = unreadable_frame(unknown).unwrap();
        assert_eq!(event, "INTERACTION_CREATE");
        assert!(!reason.contains("secret-token"));
    }
}
