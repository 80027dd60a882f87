//! Any bytes as knowledge files: loading returns the knowledge or a one-line
//! error naming the file, never a panic; knowledge that loads answers questions.
//!
//! The input is split on the byte 0x1E (ASCII record separator) into up to
//! three parts: `facts.toml`, then `article.txt`, then `lexicon.toml`. A part
//! not given is the test kit's fixture file (a copy of the bundled one), so a
//! seed that is a plain `facts.toml` tests that file against the real article
//! and lexicon.
#![no_main]

use std::path::{Path, PathBuf};
use std::sync::OnceLock;

use factdesk_core::Engine;
use libfuzzer_sys::fuzz_target;

const ARTICLE: &str = "nk-soldier-defection";
const SEPARATOR: u8 = 0x1e;

/// The bundled article and lexicon, read once.
fn bundled() -> &'static (Vec<u8>, Vec<u8>) {
    static FILES: OnceLock<(Vec<u8>, Vec<u8>)> = OnceLock::new();
    FILES.get_or_init(|| {
        let dir = factdesk_testkit::fixture::bundled();
        let article = std::fs::read(dir.join("articles").join(ARTICLE).join("article.txt"));
        let lexicon = std::fs::read(dir.join("lexicon.toml"));
        (
            article.expect("the bundled article"),
            lexicon.expect("the bundled lexicon"),
        )
    })
}

/// A scratch knowledge directory, reused by every run of this process.
fn scratch() -> &'static Path {
    static DIR: OnceLock<(tempfile::TempDir, PathBuf)> = OnceLock::new();
    let (_, path) = DIR.get_or_init(|| {
        let dir = tempfile::tempdir().expect("a temporary directory");
        let path = dir.path().to_path_buf();
        std::fs::create_dir_all(path.join("articles").join(ARTICLE)).expect("the article folder");
        (dir, path)
    });
    path
}

fuzz_target!(|data: &[u8]| {
    let (article, lexicon) = bundled();
    let mut parts = data.splitn(3, |&b| b == SEPARATOR);
    let facts = parts.next().unwrap_or_default();
    let article = parts.next().unwrap_or(article);
    let lexicon = parts.next().unwrap_or(lexicon);

    let dir = scratch();
    let folder = dir.join("articles").join(ARTICLE);
    let files = [
        (folder.join("facts.toml"), facts),
        (folder.join("article.txt"), article),
        (dir.join("lexicon.toml"), lexicon),
    ];
    for (path, bytes) in &files {
        std::fs::write(path, bytes).expect("writing a knowledge file");
    }

    match factdesk_store::load(dir) {
        Ok(kb) => {
            let engine = Engine::new(kb);
            for question in ["How many warning shots were fired?", "tldr", "who said it"] {
                let answer = engine.answer(question);
                for source in &answer.sources {
                    let a = &engine.knowledge().articles[0];
                    assert!(a.raw.contains(&source.quote), "{:?}", source.quote);
                }
            }
            let _ = engine.complete("how many", 25);
            let _ = engine.topics();
        }
        Err(e) => {
            let message = e.to_string();
            assert!(
                !message.contains('\n'),
                "the error is more than one line: {message:?}"
            );
            assert!(
                files
                    .iter()
                    .any(|(path, _)| message.starts_with(&format!("{}:", path.display()))),
                "the error does not start with the file it is about: {message:?}"
            );
        }
    }
});
