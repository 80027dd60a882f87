//! factdesk's news desk: articles arrive as they are published.
//!
//! [`extract`] takes the article out of a page as a reader view does (plain
//! data: title, paragraphs, byline, outlet, published date, URL);
//! [`fetch`] gets pages and feeds within limits (timeout, size, redirects,
//! conditional GET); [`feeds`] reads RSS and Atom; [`desk`] adds sources and
//! feed items to a knowledge folder through `factdesk-store`'s atomic
//! writer, each one `added`, `known` or `failed` with a one-line reason.
//! [`dates`] normalises dates to ISO 8601; [`quality`] measures extraction
//! against ground truth.
#![warn(missing_docs)]

pub mod dates;
pub mod desk;
pub mod extract;
pub mod feeds;
pub mod fetch;
pub mod quality;

pub use desk::{Desk, DeskError, FeedStatus, Outcome, Progress, Quiet, Status, SyncReport};
pub use extract::{extract_html, extract_text, ExtractError, Extracted};
pub use feeds::FeedState;
pub use fetch::{FetchError, FetchOptions, Fetcher};
