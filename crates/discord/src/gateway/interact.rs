//! Answering an interaction in time, whatever preparing the reply does.
//!
//! The reply is prepared in a task of its own, so that a panic while
//! preparing it becomes an apology to the user (and an error in the log)
//! instead of "The application did not respond", and so that a reply that
//! is slow to prepare is deferred in time (see [`super::deadline`]).

use std::future::Future;
use std::pin::Pin;
use std::time::SystemTime;

use serenity::all::{CreateInteractionResponse, InteractionId};
use tokio::task::{JoinError, JoinHandle};
use tokio::time::Instant;
use tracing::{error, info, warn};

use super::{deadline, send};
use crate::courier::Courier;
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
    /// The application it was sent to.
    pub application: u64,
    /// The interaction's id (its snowflake dates it).
    pub id: InteractionId,
    /// The interaction's token, for the callback and the edit. Never logged.
    pub token: &'a str,
}

/// What answering an interaction takes: how the reply is delivered, when
/// to defer it, and the work that prepares it. The gateway ([`respond`])
/// and the HTTP endpoint (`crate::endpoint`) deliver the same plans.
pub struct Plan {
    /// How the reply is delivered.
    pub delivery: Delivery,
    /// When to defer.
    pub deferral: Deferral,
    /// Prepares the reply (run in a task of its own).
    pub work: Pin<Box<dyn Future<Output = Reply> + Send + 'static>>,
}

impl Plan {
    /// A reply prepared by `work`.
    pub fn new(
        delivery: Delivery,
        deferral: Deferral,
        work: impl Future<Output = Reply> + Send + 'static,
    ) -> Plan {
        Plan {
            delivery,
            deferral,
            work: Box::pin(work),
        }
    }

    /// A reply already made.
    pub fn ready(delivery: Delivery, reply: Reply) -> Plan {
        Plan::new(delivery, Deferral::WhenLate, std::future::ready(reply))
    }
}

/// The response that delivers `reply` at once, as `delivery` asks.
pub fn immediate(reply: &Reply, delivery: Delivery) -> CreateInteractionResponse {
    match delivery {
        Delivery::Message { .. } => send::interaction_response(reply),
        Delivery::Update => send::update_response(reply),
    }
}

/// The response that defers a reply delivered as `delivery`.
pub fn deferral_for(delivery: Delivery) -> CreateInteractionResponse {
    match delivery {
        Delivery::Message { ephemeral } => send::deferral(ephemeral, false),
        Delivery::Update => send::deferral(false, true),
    }
}

/// Prepares the reply with the plan's work and delivers it, deferring
/// first when the plan says so or the reply is late. Failures are logged
/// with their route; they never stop the bot.
pub async fn respond(courier: &Courier, to: Target<'_>, plan: Plan) {
    let Plan {
        delivery,
        deferral,
        work,
    } = plan;
    let id = to.id.get();
    let task = match in_time(id, deferral, tokio::spawn(work)).await {
        Ok(result) => {
            // Only the encoded body waits for the API, not the reply and its builder.
            let body = json(&immediate(&settle(result, delivery), delivery));
            if let Err(why) = courier.callback(id, to.token, &body).await {
                warn!(interaction = id, error = %why, "cannot answer an interaction");
            }
            return;
        }
        Err(task) => task,
    };
    let body = json(&deferral_for(delivery));
    if let Err(why) = courier.callback(id, to.token, &body).await {
        warn!(interaction = id, error = %why, "cannot defer an interaction");
        return;
    }
    if deferral == Deferral::WhenLate {
        info!(
            interaction = id,
            "deferred a reply that was not ready in time"
        );
    }
    let body = json(&send::edit_response(&settle(task.await, delivery)));
    courier
        .edit_original(to.application, id, to.token, &body)
        .await;
}

/// A builder as the JSON body serenity would send, encoded (a few hundred
/// bytes, where a `serde_json::Value` of it takes several kilobytes).
pub fn json(builder: &impl serde::Serialize) -> Vec<u8> {
    serde_json::to_vec(builder).unwrap_or_else(|e| {
        error!(error = %e, "cannot encode a reply");
        Vec::new()
    })
}

/// Waits for `task`, which prepares the reply to interaction `id`, as long
/// as the deadline policy allows: its outcome when it is ready in time,
/// else (or at once for [`Deferral::Always`]) the task, still running, to
/// defer and await.
pub async fn in_time(
    id: u64,
    deferral: Deferral,
    mut task: JoinHandle<Reply>,
) -> Result<Result<Reply, JoinError>, JoinHandle<Reply>> {
    let received = Instant::now();
    if deferral == Deferral::WhenLate {
        let at = deadline::defer_at(id, received, SystemTime::now());
        if let Some(result) = deadline::until(&mut task, at).await {
            return Ok(result);
        }
    }
    Err(task)
}

/// The reply, or an apology when preparing it failed.
pub fn settle(result: Result<Reply, JoinError>, delivery: Delivery) -> Reply {
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
