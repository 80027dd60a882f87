//! factdesk on Discord: slash commands, DMs and mentions over the engine.
//!
//! A pure core and a thin edge: [`render`] turns engine results into a
//! [`render::reply::Reply`] within every Discord limit (plain data, no
//! serenity types); [`commands`] holds the slash commands' schema and what
//! each replies; [`gateway`] runs the bot over Discord's gateway with
//! serenity, routing events to the shared [`factdesk_service::Desk`];
//! [`endpoint`] answers the same interactions over HTTP (`factdesk serve`).
//! Text users type is cleaned of Discord markup ([`question`]) before the
//! engine reads it.
#![warn(missing_docs)]

pub mod commands;
pub mod courier;
pub mod endpoint;
pub mod faults;
pub mod gateway;
pub mod question;
pub mod register;
pub mod render;
pub mod settings;

pub use endpoint::{serve, ServeOptions};
pub use gateway::{invite_url, run, RunOptions};
