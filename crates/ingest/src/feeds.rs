//! News feeds (RSS 2.0, Atom; RSS 1.0 and JSON Feed too, as feed-rs reads
//! them): their items' links, and what is remembered between fetches (the
//! validators for a conditional GET), in `<knowledge>/.feeds.json`.

use std::collections::BTreeMap;
use std::path::{Path, PathBuf};

use serde::{Deserialize, Serialize};

use crate::fetch::Validators;

/// The file, in the knowledge folder, that remembers each feed's validators.
pub const STATE_FILE: &str = ".feeds.json";

/// One item of a feed.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Item {
    /// The article's URL (absolute).
    pub url: String,
    /// Its title in the feed, if any.
    pub title: Option<String>,
}

/// Why a feed could not be read.
#[derive(Debug, Clone, PartialEq, Eq, thiserror::Error)]
pub enum FeedError {
    /// Not RSS, Atom or JSON Feed.
    #[error("not a feed (RSS or Atom): {0}; check that the URL is the feed's, not a page's")]
    Parse(String),
}

/// The items of a feed fetched from `feed_url`, in the feed's order; links
/// are made absolute against it. Items without a link are left out.
pub fn items(body: &[u8], feed_url: &str) -> Result<Vec<Item>, FeedError> {
    let feed = feed_rs::parser::parse(body)
        .map_err(|e| FeedError::Parse(factdesk_core::text::one_line_message(&e.to_string())))?;
    let base = url::Url::parse(feed_url).ok();
    let mut out: Vec<Item> = Vec::new();
    for entry in feed.entries {
        let link = entry
            .links
            .iter()
            .find(|l| l.rel.as_deref().is_none_or(|r| r == "alternate"))
            .or_else(|| entry.links.first())
            .map(|l| l.href.clone())
            .or_else(|| {
                (entry.id.starts_with("http://") || entry.id.starts_with("https://"))
                    .then(|| entry.id.clone())
            });
        let Some(link) = link else {
            tracing::warn!(feed = feed_url, item = %entry.id, "a feed item has no link; skipped");
            continue;
        };
        let absolute = match &base {
            Some(b) => b.join(link.trim()).map(|u| u.to_string()).ok(),
            None => Some(link.trim().to_string()),
        };
        let Some(url) = absolute.filter(|u| u.starts_with("http://") || u.starts_with("https://"))
        else {
            tracing::warn!(feed = feed_url, link = %link, "a feed item's link is not an http(s) URL; skipped");
            continue;
        };
        if out.iter().any(|i| i.url == url) {
            continue;
        }
        out.push(Item {
            url,
            title: entry
                .title
                .map(|t| factdesk_core::text::squash_whitespace(&t.content)),
        });
    }
    Ok(out)
}

/// What is remembered of every feed, by URL.
#[derive(Debug, Clone, Default, PartialEq, Eq, Serialize, Deserialize)]
pub struct FeedState {
    /// Each feed's validators, from its last complete sync.
    pub feeds: BTreeMap<String, Validators>,
}

impl FeedState {
    /// Where the state of the knowledge folder `dir` is kept.
    pub fn path(dir: &Path) -> PathBuf {
        dir.join(STATE_FILE)
    }

    /// Reads the state; a missing or unreadable file is an empty state (the
    /// next fetch is then a full one), with a warning for an unreadable one.
    pub fn load(dir: &Path) -> FeedState {
        let path = Self::path(dir);
        let Ok(text) = std::fs::read(&path) else {
            return FeedState::default();
        };
        serde_json::from_slice(&text).unwrap_or_else(|e| {
            tracing::warn!(file = %path.display(), error = %e, "cannot read the feed state; fetching every feed in full");
            FeedState::default()
        })
    }

    /// Writes the state (to a temporary file renamed into place).
    pub fn save(&self, dir: &Path) -> std::io::Result<()> {
        let path = Self::path(dir);
        let tmp = dir.join(format!("{STATE_FILE}.{}.tmp", std::process::id()));
        let text = serde_json::to_vec_pretty(self).expect("plain strings always serialize");
        std::fs::write(&tmp, text)?;
        std::fs::rename(&tmp, &path).inspect_err(|_| {
            let _ = std::fs::remove_file(&tmp);
        })
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    const RSS: &str = r#"<?xml version="1.0"?><rss version="2.0"><channel><title>T</title>
<link>https://example.com/</link><description>d</description>
<item><title>One</title><link>https://example.com/a</link><pubDate>Tue, 19 Nov 2019 10:00:00 GMT</pubDate></item>
<item><title>Two</title><link>/b</link></item>
<item><title>No link</title></item>
</channel></rss>"#;

    const ATOM: &str = r#"<?xml version="1.0" encoding="utf-8"?>
<feed xmlns="http://www.w3.org/2005/Atom"><title>T</title><id>urn:x</id><updated>2019-11-19T10:00:00Z</updated>
<entry><title>One</title><id>urn:1</id><updated>2019-11-19T10:00:00Z</updated><link rel="alternate" href="https://example.com/a"/></entry>
</feed>"#;

    #[test]
    fn reads_rss_and_atom_links() {
        let rss = items(RSS.as_bytes(), "https://example.com/feed.xml").unwrap();
        let urls: Vec<&str> = rss.iter().map(|i| i.url.as_str()).collect();
        assert_eq!(urls, ["https://example.com/a", "https://example.com/b"]);
        assert_eq!(rss[0].title.as_deref(), Some("One"));
        let atom = items(ATOM.as_bytes(), "https://example.com/atom").unwrap();
        assert_eq!(atom[0].url, "https://example.com/a");
        let err = items(b"<html><body>hi</body></html>", "https://example.com/").unwrap_err();
        assert!(err.to_string().starts_with("not a feed"), "{err}");
    }

    #[test]
    fn state_round_trips() {
        let dir = tempfile::tempdir().unwrap();
        assert_eq!(FeedState::load(dir.path()), FeedState::default());
        let mut state = FeedState::default();
        state.feeds.insert(
            "https://example.com/rss".into(),
            Validators {
                etag: Some("\"abc\"".into()),
                last_modified: None,
            },
        );
        state.save(dir.path()).unwrap();
        assert_eq!(FeedState::load(dir.path()), state);
        std::fs::write(FeedState::path(dir.path()), "{oops").unwrap();
        assert_eq!(FeedState::load(dir.path()), FeedState::default());
    }
}
