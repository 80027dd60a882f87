//! `factdesk add SOURCE...` and `factdesk sync`: articles into the knowledge
//! folder, from URLs, saved pages, text files and the configured feeds.

use std::io::Write;
use std::path::Path;
use std::process::ExitCode;

use anyhow::Context;
use factdesk_ingest::{Desk, FeedStatus, Outcome, Status};
use factdesk_service::Config;

use super::progress::Bar;

/// Adds `sources` to `dir`; exit status 1 when any failed.
pub fn add(
    config: &Config,
    dir: &Path,
    sources: &[String],
    json: bool,
) -> anyhow::Result<ExitCode> {
    if sources.is_empty() {
        anyhow::bail!("no source given; try: factdesk add https://example.com/news/article.html");
    }
    let runtime = runtime()?;
    let desk = Desk::open(dir, config.fetch_options())
        .with_context(|| format!("opening the knowledge folder {}", dir.display()))?;
    let bar = Bar::new(sources.len() > 1, "adding");
    let outcomes = runtime.block_on(desk.add_all(sources, &bar));
    bar.finish();
    report(&outcomes, json)
}

/// Fetches every `[[feeds]]` entry once and adds the new items.
pub fn sync(config: &Config, dir: &Path, json: bool) -> anyhow::Result<ExitCode> {
    if config.feeds.is_empty() {
        anyhow::bail!(
            "no feeds to sync; add [[feeds]] entries with a url to the config (see config.example.toml)"
        );
    }
    let runtime = runtime()?;
    let urls: Vec<String> = config.feeds.iter().map(|f| f.url.clone()).collect();
    let bar = Bar::new(true, "syncing");
    let synced = runtime
        .block_on(factdesk_service::news::sync_once(
            dir,
            &urls,
            config.fetch_options(),
            &bar,
        ))
        .with_context(|| format!("opening the knowledge folder {}", dir.display()))?;
    bar.finish();
    let mut outcomes: Vec<Outcome> = Vec::new();
    for feed in &synced.feeds {
        match &feed.status {
            FeedStatus::Failed(reason) => outcomes.push(Outcome {
                source: feed.url.clone(),
                status: Status::Failed,
                id: None,
                title: None,
                outlet: None,
                published: None,
                paragraphs: None,
                sentences: None,
                error: Some(reason.clone()),
            }),
            FeedStatus::Unchanged if !json => {
                writeln!(std::io::stdout(), "unchanged  {}", feed.url)?;
            }
            FeedStatus::Read(items) if !json => {
                writeln!(std::io::stdout(), "feed  {}: {items} items", feed.url)?;
            }
            _ => {}
        }
    }
    outcomes.extend(synced.items);
    report(&outcomes, json)
}

fn runtime() -> anyhow::Result<tokio::runtime::Runtime> {
    tokio::runtime::Builder::new_multi_thread()
        .worker_threads(2)
        .enable_all()
        .build()
        .context("starting the async runtime")
}

/// Prints one line per outcome (or one JSON object per line with `json`) and a summary.
fn report(outcomes: &[Outcome], json: bool) -> anyhow::Result<ExitCode> {
    let stdout = std::io::stdout();
    let mut out = stdout.lock();
    let count = |s: Status| outcomes.iter().filter(|o| o.status == s).count();
    for o in outcomes {
        if json {
            writeln!(out, "{}", serde_json::to_string(o)?)?;
            continue;
        }
        match o.status {
            Status::Added | Status::Known => {
                let verb = if o.status == Status::Added {
                    "added"
                } else {
                    "known"
                };
                let about = [
                    o.outlet.clone().unwrap_or_else(|| "outlet unknown".into()),
                    o.published
                        .as_deref()
                        .map(|d| d.chars().take(10).collect())
                        .unwrap_or_else(|| "date unknown".into()),
                ];
                writeln!(
                    out,
                    "{verb}  {}  {:?}  {}; {} paragraphs, {} sentences",
                    o.id.as_deref().unwrap_or(""),
                    o.title.as_deref().unwrap_or(""),
                    about.join(", "),
                    o.paragraphs.unwrap_or(0),
                    o.sentences.unwrap_or(0),
                )?;
            }
            Status::Failed => eprintln!(
                "factdesk: {}: {}",
                o.source,
                o.error.as_deref().unwrap_or("failed")
            ),
        }
    }
    let (added, known, failed) = (
        count(Status::Added),
        count(Status::Known),
        count(Status::Failed),
    );
    if !json {
        writeln!(out, "{added} added, {known} known, {failed} failed")?;
        if added > 0 {
            writeln!(
                out,
                "a running bot serves them after a reload (SIGHUP or /reload); `factdesk run` with [[feeds]] reloads by itself"
            )?;
        }
    }
    Ok(if failed > 0 {
        ExitCode::from(1)
    } else {
        ExitCode::SUCCESS
    })
}
