//! The command line: one module per subcommand, each a thin edge over the
//! crates (`factdesk-core` answers, `factdesk-store` reads and writes
//! knowledge, `factdesk-ingest` adds articles from the web, `factdesk-discord`
//! runs the bot).

mod add;
mod ask;
mod chat;
mod check;
mod draft;
mod eval;
mod generate;
mod progress;

use std::path::{Path, PathBuf};
use std::process::ExitCode;

use clap::{Parser, Subcommand};
use factdesk_core::Engine;
use factdesk_service::Config;

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
    /// Answer a question (or, with --json and no question, every line of stdin).
    Ask {
        /// The question; with --json and no question, questions are read from stdin, one per line.
        question: Vec<String>,
        /// Print one JSON object per question (the stable contract documented in the README).
        #[arg(long)]
        json: bool,
        /// Also print how the question was read and the best-scoring facts (for curators).
        #[arg(long)]
        explain: bool,
    },
    /// Chat in the terminal.
    Chat,
    /// Add articles: http(s) URLs, saved .html pages or .txt articles (title on the first line).
    Add {
        /// The sources.
        #[arg(value_name = "SOURCE")]
        sources: Vec<String>,
        /// Print one JSON object per source: source, status, id, title, outlet, published, paragraphs, error.
        #[arg(long)]
        json: bool,
    },
    /// Fetch every [[feeds]] entry of the config once and add the new items.
    Sync {
        /// Print one JSON object per item (and per failed feed), as `add --json` does.
        #[arg(long)]
        json: bool,
    },
    /// Validate the knowledge base; report how much of each article is curated.
    Check {
        /// List the sentences of curated articles that no curated fact quotes.
        #[arg(long)]
        uncovered: bool,
    },
    /// Write a starting facts.toml for an article folder, read from its text, to review.
    Draft {
        /// The article's folder (knowledge/articles/ID).
        article_dir: PathBuf,
        /// Print the draft instead of writing it.
        #[arg(long)]
        stdout: bool,
    },
    /// Score the engine on a question file (JSON lines: q, expect, kind).
    Eval {
        /// The question file.
        file: PathBuf,
        /// Print every miss.
        #[arg(long, default_value_t = true, action = clap::ArgAction::Set)]
        misses: bool,
    },
    /// Run the Discord bot (needs DISCORD_TOKEN); follows the [[feeds]] of the config.
    Run,
    /// Print the bot's OAuth2 invite URL.
    Invite,
    /// Write a synthetic knowledge base of N facts for benchmarks (see BENCHMARKS.md).
    Generate {
        /// How many facts the knowledge base holds (bundled ones included).
        #[arg(long)]
        facts: usize,
        /// Where to write `knowledge/` and `questions.txt`.
        #[arg(long, value_name = "DIR")]
        out: PathBuf,
        /// How many questions to write.
        #[arg(long, default_value_t = 1000)]
        questions: usize,
        /// The random seed: the same seed and size give the same files.
        #[arg(long, default_value_t = 1)]
        seed: u64,
    },
}

/// Loads the config named on the command line, or `factdesk.toml`, or the defaults.
pub fn load_config(path: Option<&PathBuf>) -> anyhow::Result<Config> {
    let default = PathBuf::from("factdesk.toml");
    let path = match path {
        Some(p) => p.clone(),
        None if default.exists() => default,
        None => return Ok(Config::default()),
    };
    let config = Config::load(&path)?;
    for warning in config.warnings(&path) {
        eprintln!("factdesk: warning: {warning}");
    }
    Ok(config)
}

/// Loads and indexes the knowledge folder, less the articles `[knowledge] keep_days` retires.
pub fn load_engine(dir: &Path, config: &Config) -> anyhow::Result<Engine> {
    Ok(Engine::new(factdesk_store::load_with(
        dir,
        config.knowledge.retention(),
    )?))
}

/// The binary's entry point.
pub fn main() -> ExitCode {
    let cli = Cli::parse();
    match dispatch(cli) {
        Ok(code) => code,
        Err(e) => {
            eprintln!("factdesk: {e:#}");
            ExitCode::from(2)
        }
    }
}

fn dispatch(cli: Cli) -> anyhow::Result<ExitCode> {
    let config = load_config(cli.config.as_ref())?;
    let knowledge_dir = cli
        .knowledge
        .clone()
        .unwrap_or_else(|| config.knowledge.dir.clone());
    match cli.command {
        Command::Ask {
            question,
            json,
            explain,
        } => ask::run(
            &load_engine(&knowledge_dir, &config)?,
            &question.join(" "),
            json,
            explain,
        ),
        Command::Chat => chat::run(&load_engine(&knowledge_dir, &config)?),
        Command::Add { sources, json } => {
            factdesk_service::logging::init("");
            add::add(&config, &knowledge_dir, &sources, json)
        }
        Command::Sync { json } => {
            factdesk_service::logging::init("");
            add::sync(&config, &knowledge_dir, json)
        }
        Command::Check { uncovered } => {
            check::run(&knowledge_dir, uncovered, config.knowledge.retention())
        }
        Command::Draft {
            article_dir,
            stdout,
        } => draft::run(&article_dir, stdout),
        Command::Eval { file, misses } => {
            eval::run(&load_engine(&knowledge_dir, &config)?, &file, misses)
        }
        Command::Run => factdesk_discord::run(factdesk_discord::RunOptions {
            config,
            knowledge_dir,
        })
        .map(|()| ExitCode::SUCCESS),
        Command::Invite => factdesk_discord::invite_url(&config).map(|u| {
            println!("{u}");
            ExitCode::SUCCESS
        }),
        Command::Generate {
            facts,
            out,
            questions,
            seed,
        } => generate::run(&knowledge_dir, &out, facts, questions, seed),
    }
}
