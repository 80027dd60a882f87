//! Registering the slash commands with Discord, for `run` and `serve` alike.
//!
//! A failure here never stops the bot: DMs, mentions and the interactions
//! endpoint keep serving while registration is retried with backoff (the
//! commands of an earlier start stay registered meanwhile). Only a token
//! Discord rejects ends the retries, with one line saying what to change.

use std::time::Duration;

use serenity::all::{Command, GuildId, Http, HttpError};
use tracing::{error, info, warn};

use crate::commands;
use crate::gateway::rest;

/// The first wait before another attempt; it doubles up to [`MAX_BACKOFF`].
pub const FIRST_BACKOFF: Duration = Duration::from_secs(1);
/// The longest wait between two attempts.
pub const MAX_BACKOFF: Duration = Duration::from_secs(300);

/// Where the commands are registered.
#[derive(Debug, Clone, Copy)]
pub struct Scope {
    /// One server only (instant, for development); `None`: globally.
    pub guild: Option<u64>,
}

impl Scope {
    fn describe(self) -> String {
        self.guild
            .map_or_else(|| "global".to_string(), |g| format!("guild {g}"))
    }
}

/// One attempt: the application id (asked of Discord when `http` has none),
/// then the commands.
pub async fn attempt(http: &Http, scope: Scope) -> Result<usize, serenity::Error> {
    if http.application_id().is_none() {
        let app = http.get_current_application_info().await?;
        http.set_application_id(app.id);
    }
    let registered = match scope.guild {
        Some(g) => {
            GuildId::new(g)
                .set_commands(http, commands::definitions(false))
                .await?
        }
        None => Command::set_global_commands(http, commands::definitions(true)).await?,
    };
    Ok(registered.len())
}

/// Registers the commands, retrying with backoff until Discord accepts
/// them or rejects the token (an ERROR line: no retry can help). Every
/// other failure is a WARN line with Discord's reason and the time of the
/// next attempt.
pub async fn until_done(http: &Http, scope: Scope) {
    let mut wait = FIRST_BACKOFF;
    let mut failures = 0u32;
    loop {
        match attempt(http, scope).await {
            Ok(n) => {
                info!(
                    commands = n,
                    scope = %scope.describe(),
                    after_failures = failures,
                    "registered the slash commands"
                );
                return;
            }
            Err(e) if token_rejected(&e) => {
                error!(
                    "cannot register the slash commands: Discord rejected the bot token (401); copy the current token from the Bot page of your application in the Discord developer portal into DISCORD_TOKEN"
                );
                return;
            }
            Err(e) => {
                failures += 1;
                warn!(
                    error = %rest::describe(&e),
                    attempt = failures,
                    retry_in_seconds = wait.as_secs(),
                    "cannot register the slash commands; the bot keeps serving and tries again"
                );
                tokio::time::sleep(wait).await;
                wait = (wait * 2).min(MAX_BACKOFF);
            }
        }
    }
}

/// Whether `e` is Discord refusing the token.
pub fn token_rejected(e: &serenity::Error) -> bool {
    matches!(e, serenity::Error::Http(HttpError::UnsuccessfulRequest(r)) if r.status_code.as_u16() == 401)
}
