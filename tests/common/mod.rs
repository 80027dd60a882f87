//! Helpers for the quality tests, which evaluate the live bundled knowledge on purpose.
#![allow(dead_code)]

use std::path::PathBuf;

/// The repository's bundled knowledge directory.
pub fn knowledge_dir() -> PathBuf {
    PathBuf::from(env!("CARGO_MANIFEST_DIR")).join("knowledge")
}

/// A path under `tests/data/`.
pub fn data(name: &str) -> PathBuf {
    PathBuf::from(env!("CARGO_MANIFEST_DIR"))
        .join("tests")
        .join("data")
        .join(name)
}

/// The bundled engine.
pub fn engine() -> factdesk_core::Engine {
    factdesk_core::Engine::new(
        factdesk_store::load(&knowledge_dir()).expect("the bundled knowledge loads"),
    )
}
