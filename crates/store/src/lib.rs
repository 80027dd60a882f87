//! factdesk's knowledge on disk: [`load`] reads a knowledge folder (every error
//! naming the file, the line and the fix), [`load_with`] leaves out the
//! articles [`Retention`] retires; [`write`] adds articles to one, atomically
//! and never twice; [`generate`] writes synthetic ones for benchmarks;
//! [`draft`] writes a starting curated layer for an article.
#![warn(missing_docs)]

pub mod draft;
pub mod generate;
pub mod write;

pub use generate::copy_dir;
mod load;

pub use draft::{draft, Draft, DRAFT_FILE};
pub use load::{
    article_ids, load, load_observed, load_with, read_source, today, Retention, ARTICLES_DIR,
    ARTICLE_FILE, COMMON_WORDS_FILE,
};
pub use write::{write_article, NewArticle, Shelf, WriteError, Written};
