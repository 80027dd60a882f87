//! The news desk: adds sources (URLs, saved pages, text files) and feed
//! items to a knowledge folder, each one `added`, `known` or `failed` with a
//! one-line reason, never stopping at a failure.

use std::path::{Path, PathBuf};
use std::sync::{Arc, Mutex};

use factdesk_core::knowledge::SourceFile;
use factdesk_store::{NewArticle, Shelf, WriteError, Written};
use serde::Serialize;

use crate::extract::{extract_html, extract_text, Extracted};
use crate::feeds::{self, FeedState};
use crate::fetch::{FetchError, FetchOptions, Fetcher, Response};

/// What became of one source.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Serialize)]
#[serde(rename_all = "lowercase")]
pub enum Status {
    /// Written as a new article.
    Added,
    /// Already in the knowledge folder.
    Known,
    /// Not added: `error` says why.
    Failed,
}

/// One source's outcome: the `--json` line of `factdesk add`.
#[derive(Debug, Clone, PartialEq, Eq, Serialize)]
pub struct Outcome {
    /// The source as given.
    pub source: String,
    /// added, known or failed.
    pub status: Status,
    /// The article's id (its folder), unless failed.
    pub id: Option<String>,
    /// Its title.
    pub title: Option<String>,
    /// Its outlet, when known.
    pub outlet: Option<String>,
    /// Its publication date (ISO 8601), when known.
    pub published: Option<String>,
    /// Its body paragraphs.
    pub paragraphs: Option<usize>,
    /// Its sentences (not in the JSON line).
    #[serde(skip)]
    pub sentences: Option<usize>,
    /// Why it failed (one line with the fix), for `failed`.
    pub error: Option<String>,
}

impl Outcome {
    fn failed(source: &str, error: impl std::fmt::Display) -> Outcome {
        Outcome {
            source: source.to_string(),
            status: Status::Failed,
            id: None,
            title: None,
            outlet: None,
            published: None,
            paragraphs: None,
            sentences: None,
            error: Some(error.to_string()),
        }
    }
}

/// Why the desk cannot work at all (not one source's failure).
#[derive(Debug, thiserror::Error)]
pub enum DeskError {
    /// The knowledge folder cannot be read or written.
    #[error(transparent)]
    Knowledge(#[from] WriteError),
    /// The HTTP client cannot start.
    #[error("cannot start the HTTP client: {0}")]
    Client(#[from] FetchError),
}

/// Told how far a batch has got (a progress line on a terminal).
pub trait Progress: Send + Sync {
    /// `n` more sources to do.
    fn more(&self, _n: u64) {}
    /// Now working on `what`.
    fn working_on(&self, _what: &str) {}
    /// One source done.
    fn done(&self, _outcome: &Outcome) {}
}

/// No progress shown.
#[derive(Debug, Clone, Copy, Default)]
pub struct Quiet;

impl Progress for Quiet {}

/// What one feed gave in a sync.
#[derive(Debug, Clone, PartialEq, Eq)]
pub enum FeedStatus {
    /// Fetched and read: how many items it lists.
    Read(usize),
    /// 304 Not Modified.
    Unchanged,
    /// The feed could not be fetched or read: why.
    Failed(String),
}

/// One feed's result.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct FeedReport {
    /// The feed's URL.
    pub url: String,
    /// What it gave.
    pub status: FeedStatus,
}

/// What a sync did.
#[derive(Debug, Clone, Default, PartialEq, Eq)]
pub struct SyncReport {
    /// Each feed, in the order given.
    pub feeds: Vec<FeedReport>,
    /// Each item tried (items already known by URL are not tried again).
    pub items: Vec<Outcome>,
}

impl SyncReport {
    /// How many articles were added.
    pub fn added(&self) -> usize {
        self.items
            .iter()
            .filter(|o| o.status == Status::Added)
            .count()
    }

    /// Whether a feed or an item failed.
    pub fn any_failed(&self) -> bool {
        self.items.iter().any(|o| o.status == Status::Failed)
            || self
                .feeds
                .iter()
                .any(|f| matches!(f.status, FeedStatus::Failed(_)))
    }
}

/// Adds articles to one knowledge folder.
pub struct Desk {
    dir: PathBuf,
    fetcher: Fetcher,
    shelf: Arc<Mutex<Shelf>>,
}

impl Desk {
    /// A desk over the knowledge folder `dir` (created if missing).
    pub fn open(dir: &Path, options: FetchOptions) -> Result<Desk, DeskError> {
        Ok(Desk {
            dir: dir.to_path_buf(),
            fetcher: Fetcher::new(options)?,
            shelf: Arc::new(Mutex::new(Shelf::open(dir)?)),
        })
    }

    /// The knowledge folder.
    pub fn dir(&self) -> &Path {
        &self.dir
    }

    /// Adds every source in turn; a failure does not stop the others.
    pub async fn add_all(&self, sources: &[String], progress: &dyn Progress) -> Vec<Outcome> {
        progress.more(sources.len() as u64);
        let mut out = Vec::with_capacity(sources.len());
        for source in sources {
            progress.working_on(source);
            let outcome = self.add(source).await;
            progress.done(&outcome);
            out.push(outcome);
        }
        out
    }

    /// Adds one source: an `http(s)://` URL, a saved `.html` page or a `.txt` article.
    pub async fn add(&self, source: &str) -> Outcome {
        let source = source.trim();
        if source.starts_with("http://") || source.starts_with("https://") {
            return self.add_url(source).await;
        }
        let path = Path::new(source);
        let kind = path
            .extension()
            .map(|e| e.to_string_lossy().to_ascii_lowercase());
        let html =
            match kind.as_deref() {
                Some("html" | "htm" | "xhtml") => true,
                Some("txt" | "text") => false,
                _ => return Outcome::failed(
                    source,
                    "not a source: give an http(s):// URL, a saved .html page or a .txt article",
                ),
            };
        let max = self.fetcher.options().max_bytes;
        let bytes = match std::fs::metadata(path) {
            Ok(m) if m.len() > max => {
                return Outcome::failed(source, FetchError::TooLarge(max));
            }
            _ => match std::fs::read(path) {
                Ok(b) => b,
                Err(e) => {
                    return Outcome::failed(
                        source,
                        format!("cannot read the file: {e}; check the path"),
                    )
                }
            },
        };
        let text = String::from_utf8_lossy(&bytes).into_owned();
        let extracted = self
            .blocking(move || {
                if html {
                    extract_html(&text, None)
                } else {
                    extract_text(&text)
                }
            })
            .await;
        match extracted {
            Ok(Ok(article)) => self.write(source, article, None).await,
            Ok(Err(e)) => Outcome::failed(source, e),
            Err(e) => Outcome::failed(source, e),
        }
    }

    async fn add_url(&self, source: &str) -> Outcome {
        if let Some(id) = self.known_url(source) {
            return self.known(source, &id);
        }
        let page = match self.fetcher.get(source).await {
            Ok(page) => page,
            Err(e) => return Outcome::failed(source, e),
        };
        let html = matches!(
            page.media_type.as_str(),
            "text/html" | "application/xhtml+xml" | ""
        );
        if !html {
            return Outcome::failed(
                source,
                format!(
                    "not an HTML page (Content-Type: {}); give the URL of an article page",
                    page.media_type
                ),
            );
        }
        let url = page.url.clone();
        let text = page.text();
        let base = url.clone();
        match self
            .blocking(move || extract_html(&text, Some(&base)))
            .await
        {
            Ok(Ok(article)) => self.write(source, article, Some(url)).await,
            Ok(Err(e)) => Outcome::failed(source, e),
            Err(e) => Outcome::failed(source, e),
        }
    }

    /// Runs CPU-bound work (parsing a page) off the async threads.
    async fn blocking<T: Send + 'static>(
        &self,
        work: impl FnOnce() -> T + Send + 'static,
    ) -> Result<T, String> {
        tokio::task::spawn_blocking(work)
            .await
            .map_err(|e| format!("extracting the article failed ({e}); report this page"))
    }

    fn known_url(&self, url: &str) -> Option<String> {
        self.shelf
            .lock()
            .unwrap_or_else(|e| e.into_inner())
            .known_url(url)
            .map(str::to_string)
    }

    /// The outcome for a source already there as `id`, with what its files say.
    fn known(&self, source: &str, id: &str) -> Outcome {
        let folder = self.dir.join(factdesk_store::ARTICLES_DIR).join(id);
        let text = std::fs::read_to_string(folder.join(factdesk_store::ARTICLE_FILE)).ok();
        let meta = factdesk_store::read_source(&folder).ok().flatten();
        let article = text
            .as_deref()
            .and_then(|t| factdesk_core::knowledge::Article::parse(id, t));
        Outcome {
            source: source.to_string(),
            status: Status::Known,
            id: Some(id.to_string()),
            title: article.as_ref().map(|a| a.title.clone()),
            outlet: meta.as_ref().and_then(|m| m.outlet.clone()),
            published: meta.as_ref().and_then(|m| m.published.clone()),
            paragraphs: article.as_ref().map(|a| a.paragraphs.len()),
            sentences: article.as_ref().map(|a| a.sentences.len()),
            error: None,
        }
    }

    async fn write(
        &self,
        source: &str,
        article: Extracted,
        fetched_url: Option<String>,
    ) -> Outcome {
        let new = NewArticle {
            title: article.title.clone(),
            paragraphs: article.paragraphs.clone(),
            source: SourceFile {
                url: article.url.clone().or(fetched_url),
                added_from: Some(source.to_string()),
                outlet: article.outlet.clone(),
                byline: article.byline.clone(),
                published: article.published.clone(),
                fetched: Some(now()),
                body_sha256: None,
            },
        };
        let shelf = self.shelf.clone();
        let written = self
            .blocking(move || shelf.lock().unwrap_or_else(|e| e.into_inner()).write(&new))
            .await;
        match written {
            Ok(Ok(Written::Added {
                id,
                paragraphs,
                sentences,
            })) => Outcome {
                source: source.to_string(),
                status: Status::Added,
                id: Some(id),
                title: Some(factdesk_core::text::squash_whitespace(&article.title)),
                outlet: article.outlet,
                published: article.published,
                paragraphs: Some(paragraphs),
                sentences: Some(sentences),
                error: None,
            },
            Ok(Ok(Written::Known { id })) => self.known(source, &id),
            Ok(Err(e)) => Outcome::failed(source, e),
            Err(e) => Outcome::failed(source, e),
        }
    }

    /// Fetches every feed once (conditionally, with the validators in
    /// `state`) and adds the items not already known. A feed's validators
    /// are kept only when all its items were added or known, so that a
    /// failed item is tried again at the next sync.
    pub async fn sync(
        &self,
        feeds: &[String],
        state: &mut FeedState,
        progress: &dyn Progress,
    ) -> SyncReport {
        let mut report = SyncReport::default();
        for feed in feeds {
            progress.working_on(feed);
            let validators = state.feeds.get(feed).cloned().unwrap_or_default();
            let response = self.fetcher.get_if_changed(feed, &validators).await;
            let fetched = match response {
                Ok(Response::NotModified) => {
                    report.feeds.push(FeedReport {
                        url: feed.clone(),
                        status: FeedStatus::Unchanged,
                    });
                    continue;
                }
                Ok(Response::Fetched(f)) => f,
                Err(e) => {
                    report.feeds.push(FeedReport {
                        url: feed.clone(),
                        status: FeedStatus::Failed(e.to_string()),
                    });
                    continue;
                }
            };
            let items = match feeds::items(&fetched.body, &fetched.url) {
                Ok(items) => items,
                Err(e) => {
                    report.feeds.push(FeedReport {
                        url: feed.clone(),
                        status: FeedStatus::Failed(e.to_string()),
                    });
                    continue;
                }
            };
            report.feeds.push(FeedReport {
                url: feed.clone(),
                status: FeedStatus::Read(items.len()),
            });
            let new: Vec<String> = items
                .into_iter()
                .map(|i| i.url)
                .filter(|u| self.known_url(u).is_none())
                .collect();
            let outcomes = self.add_all(&new, progress).await;
            let complete = outcomes.iter().all(|o| o.status != Status::Failed);
            report.items.extend(outcomes);
            if complete && !fetched.validators.is_empty() {
                state.feeds.insert(feed.clone(), fetched.validators);
            } else {
                state.feeds.remove(feed);
            }
        }
        report
    }
}

/// Now, ISO 8601 UTC to the second.
pub fn now() -> String {
    chrono::Utc::now().to_rfc3339_opts(chrono::SecondsFormat::Secs, true)
}
