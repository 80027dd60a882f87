//! Reloading the knowledge base while the bot runs, on SIGHUP or `/reload`.
//!
//! The new knowledge is loaded and indexed beside the one serving; only a
//! valid one is swapped in. Questions already being answered finish on the
//! engine they started with, so none is lost or answered twice; an invalid
//! new version is rejected with the reason and the previous engine keeps
//! serving.

use std::fmt;
use std::path::PathBuf;
use std::time::Instant;

use factdesk_core::{Engine, KnowledgeError};
use tracing::{info, warn};

use crate::EngineHandle;

/// Why a reload was rejected (the previous engine keeps serving).
#[derive(Debug, thiserror::Error)]
pub enum ReloadError {
    /// The knowledge on disk is invalid: the file, the line and the fix.
    #[error(transparent)]
    Invalid(#[from] KnowledgeError),
    /// Loading crashed (a bug); the reason is the panic's.
    #[error("loading the knowledge base failed: {0}")]
    Crashed(String),
}

/// What a successful reload now serves.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub struct Loaded {
    /// Articles.
    pub articles: usize,
    /// Curated and sentence facts.
    pub facts: usize,
}

impl Loaded {
    /// The counts of `engine`.
    pub fn of(engine: &Engine) -> Loaded {
        let articles = engine.articles();
        Loaded {
            articles: articles.len(),
            facts: articles.iter().map(|a| a.facts).sum(),
        }
    }
}

impl fmt::Display for Loaded {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        let plural = |n: usize| if n == 1 { "" } else { "s" };
        write!(
            f,
            "{} article{}, {} fact{}",
            self.articles,
            plural(self.articles),
            self.facts,
            plural(self.facts)
        )
    }
}

/// Rebuilds the engine from the knowledge directory, one reload at a time.
pub struct Reloader {
    engine: EngineHandle,
    dir: PathBuf,
    retention: factdesk_store::Retention,
    one_at_a_time: tokio::sync::Mutex<()>,
}

impl Reloader {
    /// Reloads `dir` into `engine`.
    pub fn new(engine: EngineHandle, dir: PathBuf) -> Reloader {
        Reloader {
            engine,
            dir,
            retention: factdesk_store::Retention::ALL,
            one_at_a_time: tokio::sync::Mutex::new(()),
        }
    }

    /// Leaves out the articles `retention` retires (`[knowledge] keep_days`).
    pub fn with_retention(mut self, retention: factdesk_store::Retention) -> Reloader {
        self.retention = retention;
        self
    }

    /// The knowledge directory.
    pub fn dir(&self) -> &std::path::Path {
        &self.dir
    }

    /// Loads the knowledge directory again and serves it to the next
    /// questions; when it is invalid, keeps the current engine and returns
    /// the reason (one line naming the file and the fix). `by` says who asked,
    /// for the log.
    pub async fn reload(&self, by: &'static str) -> Result<Loaded, ReloadError> {
        let _guard = self.one_at_a_time.lock().await;
        let started = Instant::now();
        let dir = self.dir.clone();
        let retention = self.retention;
        let loaded = tokio::task::spawn_blocking(move || {
            factdesk_store::load_with(&dir, retention).map(Engine::new)
        })
        .await;
        let millis = started.elapsed().as_millis() as u64;
        let outcome = match loaded {
            Ok(Ok(engine)) => {
                let loaded = Loaded::of(&engine);
                self.engine.replace(engine);
                // The old engine's memory, once its last question is done,
                // and the pages the new index read; madvise and malloc_trim
                // block, so not on an async worker.
                let _ = tokio::task::spawn_blocking(crate::memory::give_back).await;
                Ok(loaded)
            }
            Ok(Err(e)) => Err(ReloadError::Invalid(e)),
            Err(e) => Err(ReloadError::Crashed(e.to_string())),
        };
        match &outcome {
            Ok(loaded) => info!(
                by,
                articles = loaded.articles,
                facts = loaded.facts,
                millis,
                "reloaded the knowledge base"
            ),
            Err(reason) => warn!(
                by,
                reason = %reason,
                "rejected the new knowledge base; the previous one keeps serving"
            ),
        }
        outcome
    }
}

#[cfg(test)]
mod tests {
    use super::*;
    use std::sync::Arc;

    const ARTICLE: &str = "A title\nOne sentence here.\n";

    #[tokio::test]
    async fn a_valid_reload_swaps_and_an_invalid_one_keeps_the_engine() {
        let dir = tempfile::tempdir().unwrap();
        let article = dir.path().join("articles/a/article.txt");
        std::fs::create_dir_all(article.parent().unwrap()).unwrap();
        std::fs::write(&article, ARTICLE).unwrap();
        let handle = EngineHandle::new(Engine::new(factdesk_store::load(dir.path()).unwrap()));
        let first = handle.get();
        let reloader = Reloader::new(handle.clone(), dir.path().to_path_buf());
        let loaded = reloader.reload("test").await.unwrap();
        assert_eq!(loaded, Loaded::of(&first));
        assert_eq!(loaded.to_string(), "1 article, 2 facts");
        let second = handle.get();
        assert!(!Arc::ptr_eq(&first, &second), "swapped");

        std::fs::write(dir.path().join("articles/a/facts.toml"), "[[fact]\n").unwrap();
        let reason = reloader.reload("test").await.unwrap_err().to_string();
        assert!(reason.contains("facts.toml:1:"), "{reason}");
        assert!(Arc::ptr_eq(&second, &handle.get()), "the engine is kept");
    }
}
