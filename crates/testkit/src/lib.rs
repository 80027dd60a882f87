//! Test helpers for factdesk's crates and end-to-end tests: knowledge the
//! tests build and own ([`sample`], [`folder`], [`fixture`]), a fake Discord
//! on 127.0.0.1 ([`fake_discord`]), a news site on 127.0.0.1 for the
//! ingestion tests ([`news_server`]), and fault plans for the binary
//! ([`faults`]).
#![warn(missing_docs)]

pub mod checks;
pub mod conversations;
pub mod discord_limits;
pub mod fake_discord;
pub mod faults;
pub mod fixture;
pub mod folder;
pub mod news_server;
pub mod piped;
pub mod process;
pub mod sample;
pub mod signed;

pub use faults::FaultPlan;
pub use folder::KnowledgeFolder;
pub use news_server::NewsServer;
