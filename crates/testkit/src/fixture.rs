//! The tests' own copy of the bundled knowledge, frozen: the end-to-end
//! tests assert on its sentences, so curating or adding articles in the live
//! `knowledge/` folder changes none of their outcomes.

use std::path::PathBuf;

use factdesk_core::Engine;

/// A folder holding the fixture as `knowledge/`: the binary's default
/// knowledge folder when it runs there.
pub fn bundled_home() -> PathBuf {
    PathBuf::from(env!("CARGO_MANIFEST_DIR"))
        .join("fixtures")
        .join("bundled")
}

/// The fixture knowledge folder (a frozen copy of the first bundled article,
/// its curated layer, the lexicon and the common words).
pub fn bundled() -> PathBuf {
    bundled_home().join("knowledge")
}

/// An engine over [`bundled`].
pub fn bundled_engine() -> Engine {
    Engine::new(factdesk_store::load(&bundled()).expect("the fixture knowledge loads"))
}

/// The news desk fixture: a copy of [`bundled`] with four more articles, as
/// `factdesk add` wrote them from saved pages of BBC News, the Associated
/// Press, USA TODAY and Al Jazeera (`fixtures/desk/articles`).
pub fn desk() -> crate::KnowledgeFolder {
    let folder = crate::KnowledgeFolder::copy_of(&bundled());
    let articles = bundled_home().with_file_name("desk").join("articles");
    factdesk_store::copy_dir(&articles, &folder.path().join("articles"))
        .expect("the desk fixture copies");
    folder
}
