//! The endpoint's routes: `POST /interactions` and `GET /healthz`.

use std::sync::Arc;
use std::time::SystemTime;

use axum::body::Bytes;
use axum::extract::rejection::BytesRejection;
use axum::extract::{DefaultBodyLimit, State};
use axum::http::{HeaderMap, StatusCode};
use axum::response::{IntoResponse, Response};
use axum::routing::{get, post};
use axum::{Json, Router};
use serde_json::json;
use serenity::all::{CreateInteractionResponse, Http, Interaction};
use tokio::sync::Semaphore;
use tokio_util::task::TaskTracker;
use tracing::{debug, info, warn};

use super::gate::{self, Gate, Incoming, Rejection};
use crate::gateway::events::Bot;
use crate::gateway::interact::{deferral_for, immediate, in_time, json, settle, Deferral, Plan};
use crate::gateway::send;
use crate::render::reply::Reply;
use factdesk_service::memory::Tally;
use factdesk_service::reload::Loaded;

/// Replies prepared at once; more wait their turn (memory and CPU stay
/// bounded under a burst). A reply still waiting when its interaction is
/// 1.5 s old is deferred like any late reply, so Discord's 3 seconds hold.
pub const IN_FLIGHT: usize = 64;

/// What every request shares. Cheap to clone.
#[derive(Clone)]
pub struct Endpoint {
    /// The application's public key.
    pub gate: Gate,
    /// Plans the replies, as for the gateway.
    pub bot: Bot,
    /// serenity's REST client (`/reload`'s owner check).
    pub http: Arc<Http>,
    /// Deferred replies still being prepared or sent.
    pub deferred: TaskTracker,
    /// Bounds the replies being prepared at once.
    pub slots: Arc<Semaphore>,
    /// Requests and deferred replies under way and done, so that memory
    /// goes back to the system after a burst.
    pub tally: Tally,
}

impl Endpoint {
    /// An endpoint admitting requests through `gate`, planning replies with
    /// `bot` (whose courier sends the deferred ones).
    pub fn new(gate: Gate, bot: Bot, http: Arc<Http>) -> Endpoint {
        Endpoint {
            gate,
            bot,
            http,
            deferred: TaskTracker::new(),
            slots: Arc::new(Semaphore::new(IN_FLIGHT)),
            tally: Tally::default(),
        }
    }

    /// The response to a `POST /interactions` with these headers and body
    /// (the body already within the size limit the router sets).
    pub async fn handle(&self, headers: &HeaderMap, body: &[u8]) -> Response {
        let _busy = self.tally.start();
        let header = |name: &str| headers.get(name).map(|v| v.as_bytes());
        let admitted = self.gate.admit(
            header("x-signature-ed25519"),
            header("x-signature-timestamp"),
            body,
            SystemTime::now(),
        );
        if let Err(why) = admitted {
            warn!(status = why.status(), reason = %why, "refused a request to the interactions endpoint");
            return refuse(&why);
        }
        match gate::read(body) {
            Ok(Incoming::Ping) => pong(),
            Ok(Incoming::Interaction(interaction)) => self.answer(*interaction).await,
            Err(why) => {
                warn!(status = why.status(), reason = %why, "a signed request holds no interaction factdesk can read");
                refuse(&why)
            }
        }
    }
}

/// The router over `endpoint`.
pub fn router(endpoint: Endpoint) -> Router {
    Router::new()
        .route("/interactions", post(interactions))
        .route("/healthz", get(healthz))
        .layer(DefaultBodyLimit::max(gate::MAX_BODY))
        .with_state(endpoint)
}

/// `200` with the counts of the knowledge served.
async fn healthz(State(endpoint): State<Endpoint>) -> Json<serde_json::Value> {
    let loaded = Loaded::of(&endpoint.bot.engine().get());
    Json(json!({"status": "ok", "articles": loaded.articles, "facts": loaded.facts}))
}

async fn interactions(
    State(endpoint): State<Endpoint>,
    headers: HeaderMap,
    body: Result<Bytes, BytesRejection>,
) -> Response {
    let body = match body {
        Ok(body) => body,
        Err(e) => {
            // Over the size limit (413), or the connection failed mid-body.
            warn!(status = e.status().as_u16(), reason = %e.body_text(), "refused a request to the interactions endpoint");
            return e.into_response();
        }
    };
    endpoint.handle(&headers, &body).await
}

impl Endpoint {
    async fn answer(&self, interaction: Interaction) -> Response {
        debug!(kind = ?interaction.kind(), "an interaction");
        match interaction {
            Interaction::Ping(_) => pong(),
            Interaction::Command(c) => {
                let plan = self.bot.command_plan(&self.http, &c);
                self.deliver(plan, c.application_id.get(), c.id.get(), c.token)
                    .await
            }
            Interaction::Component(c) => {
                let plan = self.bot.component_plan(&c);
                self.deliver(plan, c.application_id.get(), c.id.get(), c.token)
                    .await
            }
            Interaction::Autocomplete(a) => {
                respond(&send::autocomplete_response(&self.bot.autocomplete(&a)))
            }
            other => {
                warn!(kind = ?other.kind(), "an interaction factdesk has no use for");
                let reply = Reply::text("This is no longer in use.", true);
                respond(&send::interaction_response(&reply))
            }
        }
    }

    /// The plan's reply in the HTTP response when it is ready in time;
    /// otherwise a deferral, and the reply follows over REST.
    async fn deliver(&self, plan: Plan, application: u64, id: u64, token: String) -> Response {
        let Plan {
            delivery,
            deferral,
            work,
        } = plan;
        let slots = self.slots.clone();
        let task = tokio::spawn(async move {
            let _slot = slots.acquire_owned().await;
            work.await
        });
        let task = match in_time(id, deferral, task).await {
            Ok(result) => return respond(&immediate(&settle(result, delivery), delivery)),
            Err(task) => task,
        };
        if deferral == Deferral::WhenLate {
            info!(
                interaction = id,
                "deferred a reply that was not ready in time"
            );
        }
        let courier = self.bot.courier().clone();
        let busy = self.tally.start();
        self.deferred.spawn(async move {
            let _busy = busy;
            let body = json(&send::edit_response(&settle(task.await, delivery)));
            courier.edit_original(application, id, &token, &body).await;
        });
        respond(&deferral_for(delivery))
    }
}

fn respond(response: &CreateInteractionResponse) -> Response {
    Json(response).into_response()
}

fn pong() -> Response {
    Json(json!({"type": 1})).into_response()
}

fn refuse(why: &Rejection) -> Response {
    let status = StatusCode::from_u16(why.status()).unwrap_or(StatusCode::BAD_REQUEST);
    (status, why.to_string()).into_response()
}
