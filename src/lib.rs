//! factdesk: answers questions about news articles, quoting its sources.
//!
//! The core is plain Rust with no Discord or async types: a [`knowledge::KnowledgeBase`]
//! is loaded from `knowledge/`, an [`engine::Engine`] indexes it, and
//! [`engine::Engine::answer`] turns a question into an [`answer::Answer`]. The CLI
//! ([`cli`]) and the Discord bot ([`discord`]) are thin edges over the same engine.

pub mod answer;
pub mod batch;
pub mod cli;
pub mod config;
pub mod discord;
pub mod engine;
pub mod eval;
pub mod knowledge;
pub mod synthetic;
pub mod text;

pub use answer::{Answer, Source, Status};
pub use engine::Engine;
pub use knowledge::{KnowledgeBase, KnowledgeError};
