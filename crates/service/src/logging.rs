//! Logging for `factdesk run`: `tracing` to stderr, `RUST_LOG` to filter
//! (default `info`), with the bot token redacted from every line whatever
//! any library logs.

use std::io::{self, IsTerminal, Write};

use tracing_subscriber::fmt::MakeWriter;
use tracing_subscriber::EnvFilter;

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
    let installed = tracing_subscriber::fmt()
        .with_env_filter(filter)
        .with_writer(Redacting::new(token))
        .with_ansi(io::stderr().is_terminal())
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
}
