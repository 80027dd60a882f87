//! Following the news while the bot serves: every `[[feeds]]` entry is
//! fetched on its own interval (conditionally), new items are added to the
//! knowledge folder, and the engine is reloaded, without a restart, when
//! something was added. A broken feed or page is logged and tried again
//! later; it never stops the bot.

use std::path::{Path, PathBuf};
use std::sync::Arc;
use std::time::Duration;

use factdesk_ingest::{Desk, FeedState, FeedStatus, FetchOptions, Quiet, Status, SyncReport};
use tokio::time::Instant;
use tracing::{debug, info, warn};

use crate::config::{Config, FeedConfig};
use crate::reload::Reloader;

impl Config {
    /// The fetch limits of `[fetch]`.
    pub fn fetch_options(&self) -> FetchOptions {
        let f = &self.fetch;
        let mut options = FetchOptions {
            timeout: Duration::from_secs_f64(f.timeout_seconds),
            max_bytes: f.max_bytes,
            max_redirects: f.max_redirects,
            ..FetchOptions::default()
        };
        if let Some(agent) = &f.user_agent {
            options.user_agent = agent.clone();
        }
        options
    }
}

/// Logs what a sync did: a line per article added, a WARN line per feed or
/// item that failed (with the reason), and for `run` when it will be retried.
pub fn log_report(report: &SyncReport, retry: Option<&str>) {
    for feed in &report.feeds {
        match &feed.status {
            FeedStatus::Read(items) => debug!(feed = %feed.url, items, "read the feed"),
            FeedStatus::Unchanged => debug!(feed = %feed.url, "the feed is unchanged (304)"),
            FeedStatus::Failed(reason) => warn!(
                feed = %feed.url,
                reason = %reason,
                retry = retry.unwrap_or("at the next sync"),
                "cannot read the feed"
            ),
        }
    }
    for item in &report.items {
        match item.status {
            Status::Added => info!(
                id = item.id.as_deref().unwrap_or(""),
                title = item.title.as_deref().unwrap_or(""),
                source = %item.source,
                "added an article"
            ),
            Status::Known => debug!(source = %item.source, "already known"),
            Status::Failed => warn!(
                source = %item.source,
                reason = item.error.as_deref().unwrap_or(""),
                retry = retry.unwrap_or("at the next sync"),
                "a feed item was not added"
            ),
        }
    }
}

/// Syncs the feeds `urls` into `dir` once, with the state kept in `dir`.
pub async fn sync_once(
    dir: &Path,
    urls: &[String],
    options: FetchOptions,
    progress: &dyn factdesk_ingest::Progress,
) -> Result<SyncReport, factdesk_ingest::DeskError> {
    let desk = Desk::open(dir, options)?;
    let mut state = FeedState::load(dir);
    let report = desk.sync(urls, &mut state, progress).await;
    if let Err(e) = state.save(dir) {
        warn!(
            file = %FeedState::path(dir).display(),
            error = %e,
            "cannot save the feed state; the next sync fetches every feed in full"
        );
    }
    Ok(report)
}

/// Follows `feeds` for ever: each one is synced at once, then every
/// `interval_minutes`; the engine is reloaded when articles were added (and
/// once a day when `keep_days` retires articles).
pub async fn follow(
    feeds: Vec<FeedConfig>,
    options: FetchOptions,
    dir: PathBuf,
    reloader: Arc<Reloader>,
    retention_days: Option<u32>,
) {
    if feeds.is_empty() {
        return;
    }
    info!(feeds = feeds.len(), "following the news feeds");
    let mut due: Vec<Instant> = vec![Instant::now(); feeds.len()];
    let mut day = factdesk_store::today();
    loop {
        let now = Instant::now();
        let ready: Vec<usize> = (0..feeds.len()).filter(|&i| due[i] <= now).collect();
        if !ready.is_empty() {
            let urls: Vec<String> = ready.iter().map(|&i| feeds[i].url.clone()).collect();
            for &i in &ready {
                due[i] = now + interval(&feeds[i]);
            }
            let retry = format!(
                "in {} minute(s)",
                feeds[ready[0]].interval_minutes.max(0.01)
            );
            match sync_once(&dir, &urls, options.clone(), &Quiet).await {
                Ok(report) => {
                    log_report(&report, Some(&retry));
                    if report.added() > 0 {
                        let _ = reloader.reload("feeds").await;
                    }
                }
                Err(e) => warn!(error = %e, retry = %retry, "cannot sync the feeds"),
            }
        }
        if retention_days.is_some() && factdesk_store::today() != day {
            day = factdesk_store::today();
            let _ = reloader.reload("retention").await;
        }
        let next = due.iter().min().copied().unwrap_or(now);
        tokio::time::sleep_until(next.max(Instant::now() + Duration::from_millis(10))).await;
    }
}

fn interval(feed: &FeedConfig) -> Duration {
    Duration::from_secs_f64(feed.interval_minutes * 60.0)
}
