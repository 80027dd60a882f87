//! The command line: `ask`, `chat`, `check`, `eval`, `run`, `invite`.

use std::path::PathBuf;
use std::process::ExitCode;

use clap::{Parser, Subcommand};

use crate::config::Config;

/// factdesk answers questions about news articles, quoting its sources.
#[derive(Debug, Parser)]
#[command(name = "factdesk", version, about)]
pub struct Cli {
    /// The knowledge directory (default: `[knowledge] dir` of the config, else `knowledge`).
    #[arg(long, global = true, value_name = "DIR")]
    pub knowledge: Option<PathBuf>,
    /// A config file (default: `factdesk.toml` if it exists, else built-in defaults).
    #[arg(long, global = true, value_name = "FILE")]
    pub config: Option<PathBuf>,
    #[command(subcommand)]
    pub command: Command,
}

/// The subcommands.
#[derive(Debug, Subcommand)]
pub enum Command {
    /// Run the Discord bot (needs DISCORD_TOKEN).
    Run,
    /// Print the bot's OAuth2 invite URL.
    Invite,
}

/// Loads the config named on the command line, or `factdesk.toml`, or the defaults.
pub fn load_config(path: Option<&PathBuf>) -> anyhow::Result<Config> {
    let default = PathBuf::from("factdesk.toml");
    match path {
        Some(p) => Ok(Config::load(p)?),
        None if default.exists() => Ok(Config::load(&default)?),
        None => Ok(Config::default()),
    }
}

/// The binary's entry point.
pub fn main() -> ExitCode {
    let cli = Cli::parse();
    let config = match load_config(cli.config.as_ref()) {
        Ok(c) => c,
        Err(e) => {
            eprintln!("factdesk: {e:#}");
            return ExitCode::from(2);
        }
    };
    let knowledge_dir = cli.knowledge.clone().unwrap_or_else(|| config.knowledge.dir.clone());
    let result = match cli.command {
        Command::Run => crate::discord::run(crate::discord::RunOptions { config, knowledge_dir }),
        Command::Invite => crate::discord::invite_url(&config).map(|u| println!("{u}")),
    };
    match result {
        Ok(()) => ExitCode::SUCCESS,
        Err(e) => {
            eprintln!("factdesk: {e:#}");
            ExitCode::from(2)
        }
    }
}
