//! factdesk's knowledge on disk: [`load`] reads a knowledge folder (every error
//! naming the file, the line and the fix); [`generate`] writes synthetic ones
//! for benchmarks; [`draft`] writes a starting curated layer for an article.
#![warn(missing_docs)]

pub mod draft;
pub mod generate;

pub use generate::copy_dir;
mod load;

pub use draft::{draft, Draft, DRAFT_FILE};
pub use load::{article_ids, load, ARTICLES_DIR, ARTICLE_FILE, COMMON_WORDS_FILE};
