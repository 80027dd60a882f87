//! What every factdesk edge shares (the gateway bot, and later the HTTP
//! interactions endpoint): the config, the swappable engine and its reload,
//! the ask path with its log line and unanswered log, the cooldown, and
//! logging that never shows the token; following news feeds ([`news`]).
#![warn(missing_docs)]

pub mod batch;
pub mod config;
pub mod cooldown;
pub mod desk;
pub mod followups;
mod handle;
pub mod logging;
pub mod memory;
pub mod news;
pub mod reload;
pub mod unanswered;

pub use config::Config;
pub use desk::{Asked, Desk};
pub use handle::EngineHandle;
