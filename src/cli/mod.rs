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
mod term;

use std::path::{Path, PathBuf};
use std::process::ExitCode;

use anyhow::Context;
use clap::{CommandFactory, Parser, Subcommand};
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
    Chat {
        /// Print each answer as one JSON line (the `ask --json` object), for scripts.
        #[arg(long)]
        json: bool,
    },
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
    ///
    /// Exits 1 when a score falls below --min-answerable or --min-declines, for CI.
    Eval {
        /// The question file.
        file: PathBuf,
        /// Print every miss: the question, what was expected and what was answered.
        #[arg(long, default_value_t = true, action = clap::ArgAction::Set, value_name = "BOOL")]
        misses: bool,
        /// Print one JSON object: the scores by kind, the misses, whether the floors passed.
        #[arg(long)]
        json: bool,
        /// Print nothing; the exit code says whether the floors passed.
        #[arg(long, short, conflicts_with = "json")]
        quiet: bool,
        /// Exit 1 when fewer than PERCENT of the answerable questions are answered right.
        #[arg(long, value_name = "PERCENT", value_parser = percent)]
        min_answerable: Option<f64>,
        /// Exit 1 when fewer than PERCENT of the questions to decline are declined.
        #[arg(long, value_name = "PERCENT", value_parser = percent)]
        min_declines: Option<f64>,
    },
    /// Run the Discord bot (needs DISCORD_TOKEN); follows the [[feeds]] of the config.
    Run,
    /// Serve slash commands over HTTP: Discord's Interactions Endpoint URL (needs DISCORD_PUBLIC_KEY).
    ///
    /// Stateless: run as many as needed behind a load balancer. DMs and
    /// mentions still need one `factdesk run`.
    Serve {
        /// The address to listen on (default: `[http] listen` of the config, else 127.0.0.1:8080).
        #[arg(long, value_name = "ADDR")]
        listen: Option<std::net::SocketAddr>,
    },
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
        /// Write into a folder that is not empty (its `knowledge/` is replaced).
        #[arg(long)]
        force: bool,
    },
    /// Print a shell completion script (e.g. `factdesk completions bash > /etc/bash_completion.d/factdesk`).
    Completions {
        /// The shell.
        shell: clap_complete::Shell,
    },
    /// Print the man page (roff; e.g. `factdesk man | man -l -`).
    Man,
}

/// A percentage from 0 to 100.
fn percent(s: &str) -> Result<f64, String> {
    let p: f64 = s
        .trim_end_matches('%')
        .parse()
        .map_err(|_| format!("`{s}` is not a number; give a percentage such as 90"))?;
    if (0.0..=100.0).contains(&p) {
        Ok(p)
    } else {
        Err(format!("{p} is not between 0 and 100"))
    }
}

/// Loads the config named on the command line, or `factdesk.toml`, or the defaults.
pub fn load_config(path: Option<&PathBuf>) -> anyhow::Result<Config> {
    let default = PathBuf::from("factdesk.toml");
    let (path, fix) = match path {
        Some(p) => (
            p.clone(),
            "fix the path given to --config, or drop --config to use the defaults",
        ),
        None if default.exists() => (
            default,
            "fix factdesk.toml in this folder, or name another file with --config",
        ),
        None => return Ok(Config::default()),
    };
    let config = Config::load(&path).map_err(|e| match e {
        factdesk_service::config::ConfigError::Read { .. } => anyhow::anyhow!("{e}; {fix}"),
        other => other.into(),
    })?;
    for warning in config.warnings(&path) {
        eprintln!("factdesk: warning: {warning}");
    }
    Ok(config)
}

/// Loads and indexes the knowledge folder, less the articles `[knowledge] keep_days` retires.
pub fn load_engine(dir: &Path, config: &Config) -> anyhow::Result<Engine> {
    let steps = progress::Steps::new("loading");
    steps.stage("reading the articles");
    let kb = factdesk_store::load_observed(dir, config.knowledge.retention(), &|done, total| {
        steps.at(done, total)
    })?;
    steps.stage(&format!("indexing {} facts", kb.facts.len()));
    let engine = Engine::new(kb);
    steps.finish();
    Ok(engine)
}

/// The binary's entry point.
pub fn main() -> ExitCode {
    let cli = Cli::parse();
    match dispatch(cli) {
        Ok(code) => code,
        // The reader went away (`factdesk eval FILE | head -1`): it has all it
        // wanted, so end quietly, as ripgrep does.
        Err(e) if is_broken_pipe(&e) => ExitCode::SUCCESS,
        Err(e) => {
            eprintln!("factdesk: {e:#}");
            ExitCode::from(2)
        }
    }
}

/// The error is, or was caused by, writing to a closed pipe.
fn is_broken_pipe(e: &anyhow::Error) -> bool {
    e.chain().any(|cause| {
        cause
            .downcast_ref::<std::io::Error>()
            .is_some_and(|io| io.kind() == std::io::ErrorKind::BrokenPipe)
    })
}

/// Writes `bytes` to stdout, flushed.
fn print_bytes(bytes: &[u8]) -> anyhow::Result<ExitCode> {
    use std::io::Write;
    let mut out = std::io::stdout().lock();
    out.write_all(bytes)?;
    out.flush()?;
    Ok(ExitCode::SUCCESS)
}

fn dispatch(cli: Cli) -> anyhow::Result<ExitCode> {
    // Completions and the man page depend on the CLI alone, not on a config.
    match cli.command {
        Command::Completions { shell } => {
            let mut script = Vec::new();
            clap_complete::generate(shell, &mut Cli::command(), "factdesk", &mut script);
            return print_bytes(&script);
        }
        Command::Man => {
            let mut page = Vec::new();
            clap_mangen::Man::new(Cli::command())
                .render(&mut page)
                .context("rendering the man page")?;
            return print_bytes(&page);
        }
        _ => {}
    }
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
        Command::Chat { json } => chat::run(&load_engine(&knowledge_dir, &config)?, json),
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
        Command::Eval {
            file,
            misses,
            json,
            quiet,
            min_answerable,
            min_declines,
        } => eval::run(
            &load_engine(&knowledge_dir, &config)?,
            &file,
            &eval::Options {
                misses,
                json,
                quiet,
                min_answerable,
                min_declines,
            },
        ),
        Command::Run => factdesk_discord::run(factdesk_discord::RunOptions {
            config,
            knowledge_dir,
        })
        .map(|()| ExitCode::SUCCESS),
        Command::Serve { listen } => factdesk_discord::serve(factdesk_discord::ServeOptions {
            run: factdesk_discord::RunOptions {
                config,
                knowledge_dir,
            },
            listen,
        })
        .map(|()| ExitCode::SUCCESS),
        Command::Invite => {
            print_bytes(format!("{}\n", factdesk_discord::invite_url(&config)?).as_bytes())
        }
        Command::Completions { .. } | Command::Man => unreachable!("answered before the config"),
        Command::Generate {
            facts,
            out,
            questions,
            seed,
            force,
        } => generate::run(&knowledge_dir, &out, facts, questions, seed, force),
    }
}
