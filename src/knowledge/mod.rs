//! The knowledge base: articles under `knowledge/articles/<id>/` and a shared lexicon.

use std::path::{Path, PathBuf};

/// A knowledge base that cannot be loaded.
#[derive(Debug, thiserror::Error)]
pub enum KnowledgeError {
    /// A file problem, with its location and the fix.
    #[error("{path}:{line}: {message}")]
    File {
        /// The file.
        path: PathBuf,
        /// 1-based line.
        line: usize,
        /// What is wrong and how to fix it.
        message: String,
    },
}

/// The loaded knowledge.
#[derive(Debug, Clone)]
pub struct KnowledgeBase {}

impl KnowledgeBase {
    /// Loads a knowledge directory.
    pub fn load(dir: &Path) -> Result<KnowledgeBase, KnowledgeError> {
        todo!("{}", dir.display())
    }
}
