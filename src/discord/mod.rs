//! The Discord edge: slash commands, DMs and mentions over the engine.
//!
//! A pure core and a thin edge: [`render`] turns engine results into a
//! [`reply::Reply`] within every Discord limit, [`send`] turns that into
//! serenity builders (allowed mentions always empty).

pub mod actions;
pub mod commands;
pub mod markdown;
pub mod render;
pub mod reply;
pub mod send;

use std::path::PathBuf;

use crate::config::Config;

/// What `factdesk run` needs.
#[derive(Debug, Clone)]
pub struct RunOptions {
    /// The loaded config (defaults when no file was given).
    pub config: Config,
    /// The knowledge directory to serve.
    pub knowledge_dir: PathBuf,
}

/// Runs the bot until SIGINT/SIGTERM.
pub fn run(options: RunOptions) -> anyhow::Result<()> {
    anyhow::bail!("not built yet: {:?}", options.knowledge_dir)
}

/// The OAuth2 invite URL for the configured application.
pub fn invite_url(config: &Config) -> anyhow::Result<String> {
    anyhow::bail!("not built yet: {:?}", config.discord.application_id)
}
