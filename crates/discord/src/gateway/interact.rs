//! Answering an interaction in time, whatever preparing the reply does.
//!
//! The reply is prepared in a task of its own, so that a panic while
//! preparing it becomes an apology to the user (and an error in the log)
//! instead of "The application did not respond", and so that a reply that
//! is slow to prepare is deferred in time (see [`super::deadline`]).

use std::future::Future;
use std::time::SystemTime;

use serenity::all::{Http, InteractionId};
use tokio::task::JoinError;
use tokio::time::Instant;
use tracing::{error, info, warn};

use super::{deadline, rest, send};
use crate::render;
use crate::render::reply::Reply;

/// How the reply is delivered.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum Delivery {
    /// A new message (type 4, or a type 5 deferral then an edit of it);
    /// seen by the asker only when `ephemeral`.
    Message {
        /// Whether only the asker sees it.
        ephemeral: bool,
    },
    /// An edit of the message a button sits on (type 7, or a type 6
    /// deferral then an edit).
    Update,
}

/// When to defer.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum Deferral {
    /// Only when the reply is not ready by the deadline policy.
    WhenLate,
    /// At once: the work is known to be slow (disk, Discord calls).
    Always,
}

/// The interaction to answer.
#[derive(Debug, Clone, Copy)]
pub struct Target<'a> {
    /// The interaction's id (its snowflake dates it).
    pub id: InteractionId,
    /// The interaction's token, for the callback and the edit. Never logged.
    pub token: &'a str,
}

/// Prepares the reply with `work` and delivers it, deferring first when
/// `deferral` says so or the reply is late. Failures are logged with their
/// route; they never stop the bot.
pub async fn respond(
    http: &Http,
    to: Target<'_>,
    delivery: Delivery,
    deferral: Deferral,
    work: impl Future<Output = Reply> + Send + 'static,
) {
    let received = Instant::now();
    let mut task = tokio::spawn(work);
    if deferral == Deferral::WhenLate {
        let at = deadline::defer_at(to.id.get(), received, SystemTime::now());
        if let Some(result) = deadline::until(&mut task, at).await {
            let reply = settle(result, delivery);
            let response = match delivery {
                Delivery::Message { .. } => send::interaction_response(&reply),
                Delivery::Update => send::update_response(&reply),
            };
            if let Err(e) = http
                .create_interaction_response(to.id, to.token, &response, vec![])
                .await
            {
                warn!(interaction = to.id.get(), error = %rest::describe(&e), "cannot answer an interaction");
            }
            return;
        }
    }
    let deferral_response = match delivery {
        Delivery::Message { ephemeral } => send::deferral(ephemeral, false),
        Delivery::Update => send::deferral(false, true),
    };
    if let Err(e) = http
        .create_interaction_response(to.id, to.token, &deferral_response, vec![])
        .await
    {
        warn!(interaction = to.id.get(), error = %rest::describe(&e), "cannot defer an interaction");
        return;
    }
    if deferral == Deferral::WhenLate {
        info!(
            interaction = to.id.get(),
            "deferred a reply that was not ready in time"
        );
    }
    let reply = settle(task.await, delivery);
    if let Err(e) = http
        .edit_original_interaction_response(to.token, &send::edit_response(&reply), vec![])
        .await
    {
        warn!(interaction = to.id.get(), error = %rest::describe(&e), "cannot send a deferred reply");
    }
}

/// The reply, or an apology when preparing it failed.
fn settle(result: Result<Reply, JoinError>, delivery: Delivery) -> Reply {
    or_apology(
        result,
        match delivery {
            Delivery::Message { ephemeral } => ephemeral,
            Delivery::Update => false,
        },
    )
}

/// The reply a task prepared, or an apology when the task failed (panicked).
pub fn or_apology(result: Result<Reply, JoinError>, ephemeral: bool) -> Reply {
    result.unwrap_or_else(|e| {
        error!(error = %e, "preparing a reply failed; the user gets an apology");
        render::failure(ephemeral)
    })
}
