//! [`KnowledgeFolder`]: a knowledge folder in a temporary directory, written
//! file by file, for tests of loading, reloading and the binary.

use std::path::{Path, PathBuf};

/// A knowledge folder in a temporary directory, removed when dropped.
pub struct KnowledgeFolder {
    dir: tempfile::TempDir,
}

impl KnowledgeFolder {
    /// An empty folder (not a valid knowledge base until an article is added).
    pub fn new() -> KnowledgeFolder {
        KnowledgeFolder {
            dir: tempfile::tempdir().expect("a temporary directory"),
        }
    }

    /// The sample knowledge ([`crate::sample`]) on disk.
    pub fn sample() -> KnowledgeFolder {
        KnowledgeFolder::new()
            .lexicon(crate::sample::LEXICON)
            .article("storm-nadia", crate::sample::STORM)
            .facts("storm-nadia", crate::sample::STORM_FACTS)
            .article("oxley-fine", crate::sample::COURT)
    }

    /// Two stories about two Johns ([`crate::sample::KING_JOHN`],
    /// [`crate::sample::VON_NEUMANN`]): a question can fit both.
    pub fn two_johns() -> KnowledgeFolder {
        KnowledgeFolder::new()
            .article("king", crate::sample::KING_JOHN)
            .article("mathematician", crate::sample::VON_NEUMANN)
    }

    /// A copy of the folder at `from` (a fixture).
    pub fn copy_of(from: &Path) -> KnowledgeFolder {
        let folder = KnowledgeFolder::new();
        factdesk_store::copy_dir(from, folder.path()).expect("the fixture copies");
        folder
    }

    /// Writes `text` at `relative` (parents created).
    pub fn file(self, relative: &str, text: &str) -> KnowledgeFolder {
        let path = self.dir.path().join(relative);
        std::fs::create_dir_all(path.parent().expect("a file path")).expect("mkdir");
        std::fs::write(path, text).expect("write");
        self
    }

    /// Writes `articles/<id>/article.txt`.
    pub fn article(self, id: &str, text: &str) -> KnowledgeFolder {
        self.file(&format!("articles/{id}/article.txt"), text)
    }

    /// Writes `articles/<id>/facts.toml`.
    pub fn facts(self, id: &str, toml: &str) -> KnowledgeFolder {
        self.file(&format!("articles/{id}/facts.toml"), toml)
    }

    /// Writes `lexicon.toml`.
    pub fn lexicon(self, toml: &str) -> KnowledgeFolder {
        self.file("lexicon.toml", toml)
    }

    /// The folder's path.
    pub fn path(&self) -> &Path {
        self.dir.path()
    }

    /// The folder's path, owned.
    pub fn path_buf(&self) -> PathBuf {
        self.dir.path().to_path_buf()
    }
}

impl Default for KnowledgeFolder {
    fn default() -> Self {
        KnowledgeFolder::new()
    }
}
