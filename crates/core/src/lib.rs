//! factdesk's core: what the bot knows and how it answers.
//!
//! Plain Rust with no I/O, no async and no Discord: a [`knowledge::KnowledgeBase`]
//! is built from text ([`knowledge::Builder`]; the `factdesk-store` crate reads it
//! from disk), an [`Engine`] indexes it, and [`Engine::answer`] turns a question into
//! an [`Answer`]. Every edge (the CLI, the terminal chat, the Discord bot) calls
//! the same engine.
#![warn(missing_docs)]

pub mod answer;
pub mod engine;
pub mod eval;
pub mod knowledge;
pub mod text;

pub use answer::{Answer, Source, Status, Story};
pub use engine::Engine;
pub use knowledge::{KnowledgeBase, KnowledgeError};
