//! The command line: `ask`, `chat`, `check`, `eval`, `run`, `invite`.

use std::io::{BufRead, Write};
use std::path::{Path, PathBuf};
use std::process::ExitCode;

use anyhow::Context;
use clap::{Parser, Subcommand};

use crate::answer::{Answer, Status};
use crate::config::Config;
use crate::engine::Engine;

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
    /// Validate the knowledge base and print its coverage.
    Check,
    /// Score the engine on a question file (JSON lines: q, expect, kind).
    Eval {
        /// The question file.
        file: PathBuf,
        /// Print every miss.
        #[arg(long, default_value_t = true, action = clap::ArgAction::Set)]
        misses: bool,
    },
    /// Run the Discord bot (needs DISCORD_TOKEN).
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

fn load_engine(dir: &Path) -> anyhow::Result<Engine> {
    Ok(Engine::load(dir)?)
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
        } => {
            let engine = load_engine(&knowledge_dir)?;
            let question = question.join(" ");
            if explain {
                print!("{}", explain_question(&engine, &question));
            }
            ask(&engine, &question, json)
        }
        Command::Chat => chat(&load_engine(&knowledge_dir)?),
        Command::Check => check(&knowledge_dir),
        Command::Eval { file, misses } => eval(&load_engine(&knowledge_dir)?, &file, misses),
        Command::Run => crate::discord::run(crate::discord::RunOptions {
            config,
            knowledge_dir,
        })
        .map(|()| ExitCode::SUCCESS),
        Command::Invite => crate::discord::invite_url(&config).map(|u| {
            println!("{u}");
            ExitCode::SUCCESS
        }),
        Command::Generate {
            facts,
            out,
            questions,
            seed,
        } => {
            let g = crate::synthetic::generate(&knowledge_dir, &out, facts, questions, seed)
                .with_context(|| {
                    format!("writing a synthetic knowledge base to {}", out.display())
                })?;
            println!(
                "{} facts ({} synthetic articles) in {}; questions in {}",
                g.facts,
                g.articles,
                g.knowledge.display(),
                g.questions.display()
            );
            Ok(ExitCode::SUCCESS)
        }
    }
}

fn ask(engine: &Engine, question: &str, json: bool) -> anyhow::Result<ExitCode> {
    let stdout = std::io::stdout();
    let mut out = stdout.lock();
    if json && question.trim().is_empty() {
        let mut input = std::io::BufReader::with_capacity(1 << 16, std::io::stdin().lock());
        let mut output = std::io::BufWriter::with_capacity(1 << 16, out);
        crate::batch::answer_lines(engine, &mut input, &mut output)
            .context("answering the questions on stdin")?;
        return Ok(ExitCode::SUCCESS);
    }
    if question.trim().is_empty() {
        anyhow::bail!(
            "no question given; try: factdesk ask \"How many warning shots were fired?\""
        );
    }
    let answer = engine.answer(question);
    if json {
        writeln!(out, "{}", answer.to_json())?;
    } else {
        write!(out, "{}", render(&answer))?;
    }
    Ok(ExitCode::SUCCESS)
}

/// A reply as readable terminal text.
pub fn render(a: &Answer) -> String {
    let mut s = String::new();
    match a.status {
        Status::Answered => {
            s.push_str(&format!("{}\n", a.answer));
            for (i, src) in a.sources.iter().enumerate() {
                let label = if i == 0 { "Source" } else { "Also" };
                s.push_str(&format!("\n  > {}\n", src.quote));
                let who = src.attribution.as_deref().unwrap_or("the article");
                let place = src.paragraph.map_or_else(
                    || "caption/headline".to_string(),
                    |p| format!("paragraph {p}"),
                );
                s.push_str(&format!("  {label}: {who}. \"{}\", {place}.\n", src.title));
            }
            s.push_str(&format!("  (confidence {:.2})\n", a.confidence));
        }
        Status::Unknown => {
            s.push_str(&format!("{}\n", a.answer));
            if !a.suggestions.is_empty() {
                s.push_str("You could ask:\n");
                for q in &a.suggestions {
                    s.push_str(&format!("  - {q}\n"));
                }
            }
        }
    }
    s
}

/// How the engine read a question and which facts scored best.
pub fn explain_question(engine: &Engine, question: &str) -> String {
    let a = engine.analyze(question);
    let mut s = format!(
        "words: {:?}\ncues: {:?} yes/no: {}\n",
        a.words, a.cues.wanted, a.cues.yes_no
    );
    if !a.corrections.is_empty() {
        s.push_str(&format!("corrected: {:?}\n", a.corrections));
    }
    let terms: Vec<String> = a
        .terms
        .iter()
        .map(|t| {
            format!(
                "{}{}{}",
                t.text,
                if t.corrected { "*" } else { "" },
                if t.generic { "~" } else { "" }
            )
        })
        .collect();
    s.push_str(&format!(
        "terms: {terms:?} (weights {:?})\n",
        engine.term_weights(&a)
    ));
    for (fact, sc) in engine.rank(question, 5).iter() {
        s.push_str(&format!(
            "  {:.3} cov {:.2} qsim {:.2}  {}\n",
            sc.score, sc.coverage, sc.question_similarity, fact.id
        ));
    }
    s.push('\n');
    s
}

fn chat(engine: &Engine) -> anyhow::Result<ExitCode> {
    let titles: Vec<String> = engine.articles().into_iter().map(|a| a.title).collect();
    println!(
        "factdesk: ask about \"{}\". Empty line or Ctrl-D to quit.",
        titles.join("\", \"")
    );
    let stdin = std::io::stdin();
    let mut line = String::new();
    loop {
        print!("> ");
        std::io::stdout().flush()?;
        line.clear();
        if stdin.lock().read_line(&mut line)? == 0
            || line.trim().is_empty()
            || line.trim() == "quit"
        {
            return Ok(ExitCode::SUCCESS);
        }
        println!("{}", render(&engine.answer(line.trim())));
    }
}

fn check(dir: &Path) -> anyhow::Result<ExitCode> {
    let kb = crate::knowledge::KnowledgeBase::load(dir)?;
    let coverage = crate::knowledge::coverage::coverage(&kb);
    let mut uncovered = 0;
    for c in &coverage {
        println!(
            "{}: {} curated facts; {}/{} sentences covered ({:.0}%)",
            c.article,
            c.facts,
            c.covered,
            c.sentences,
            100.0 * c.covered as f64 / c.sentences.max(1) as f64
        );
        for (place, text) in &c.uncovered {
            uncovered += 1;
            let facts = kb.dir.join("articles").join(&c.article).join("facts.toml");
            eprintln!(
                "{}: uncovered sentence ({place:?}): {text:?}; add a fact that quotes it",
                facts.display()
            );
        }
    }
    let engine = Engine::new(kb);
    let mut astray = 0;
    for fact in engine.knowledge().facts.iter().filter(|f| f.curated) {
        if let Some(q) = fact.questions.first() {
            let got = engine.rank(q, 1).first().map(|(f, _)| f.id.clone());
            if got.as_deref() != Some(fact.id.as_str()) {
                astray += 1;
                println!(
                    "note: fact `{}`: its first question {q:?} is answered by `{}`",
                    fact.id,
                    got.unwrap_or_default()
                );
            }
        }
    }
    println!(
        "{} facts, {} lexicon groups; {} first questions answered elsewhere",
        engine.knowledge().facts.len(),
        engine.knowledge().lexicon.groups.len(),
        astray
    );
    if uncovered > 0 {
        eprintln!("factdesk: {uncovered} sentence(s) not covered by a curated fact");
        return Ok(ExitCode::from(2));
    }
    println!("ok");
    Ok(ExitCode::SUCCESS)
}

fn eval(engine: &Engine, file: &Path, show_misses: bool) -> anyhow::Result<ExitCode> {
    let text = std::fs::read_to_string(file)
        .with_context(|| format!("{}: cannot read the question file", file.display()))?;
    let cases = crate::eval::parse_cases(&text, &file.display().to_string())?;
    let report = crate::eval::run(engine, &cases);
    for (kind, (right, total)) in &report.by_kind {
        println!(
            "{kind:<14} {right:>4}/{total:<4} {:>6.1}%",
            100.0 * *right as f64 / (*total).max(1) as f64
        );
    }
    println!(
        "answerable     {:>4}/{:<4} {:>6.1}%\ndeclines       {:>4}/{:<4} {:>6.1}%",
        report.answerable.0,
        report.answerable.1,
        100.0 * report.answerable_accuracy(),
        report.declines.0,
        report.declines.1,
        100.0 * report.decline_accuracy()
    );
    if show_misses {
        for m in &report.misses {
            let quote = m.reply.sources.first().map_or("", |s| s.quote.as_str());
            println!(
                "MISS [{}] {:?} expect {:?}\n     got {:?} ({:.2}): {} | {}",
                m.case.kind,
                m.case.q,
                m.case.expect,
                m.reply.status,
                m.reply.confidence,
                m.reply.answer,
                quote
            );
        }
    }
    Ok(ExitCode::SUCCESS)
}
