//! The HTTP edge: `factdesk serve`, Discord's Interactions Endpoint URL.
//!
//! Discord POSTs each interaction, signed with the application's Ed25519
//! key, to `/interactions`; the reply goes back in the HTTP response, or,
//! when it is not ready in time, as a deferral followed by an edit over
//! REST. The processes hold no state Discord needs (follow-up questions
//! aside, see the README), so any number of them can stand behind a load
//! balancer, each with the same read-only knowledge.
//!
//! [`gate`] admits a request (size, signature, timestamp) before any work;
//! [`routes`] plans the reply with the same [`crate::gateway::events::Bot`]
//! as the gateway; [`crate::courier`] sends deferred replies with retries.

pub mod gate;
pub mod routes;

use std::net::SocketAddr;
use std::sync::Arc;
use std::time::Duration;

use anyhow::{anyhow, Context};
use serenity::all::ApplicationId;
use tracing::{info, warn};

use crate::gateway::{self, env, RunOptions, Shutdown, DRAIN};
use crate::register::{self, Scope};
use crate::settings;
use factdesk_service::{logging, memory};

/// What `factdesk serve` needs.
#[derive(Debug, Clone)]
pub struct ServeOptions {
    /// The config and knowledge, as for `run`.
    pub run: RunOptions,
    /// The address to listen on (`--listen`); `[http] listen` when absent.
    pub listen: Option<SocketAddr>,
}

/// Serves the interactions endpoint until SIGINT/SIGTERM (which finish the
/// requests in flight and the deferred replies, then return); SIGHUP
/// reloads the knowledge base.
pub fn serve(options: ServeOptions) -> anyhow::Result<()> {
    let config = &options.run.config;
    let discord = &config.discord;
    let gate = settings::public_key(discord, &env)?;
    let token = if settings::token_given(discord, &env) {
        Some(settings::token(discord, &env)?)
    } else {
        None
    };
    logging::init(token.as_ref().map_or("", |t| t.expose()));
    let listen = match options.listen {
        Some(address) => address,
        None => config.http.listen.parse().map_err(|_| {
            anyhow!(
                "[http] listen {:?} is not an address and port; fix the config",
                config.http.listen
            )
        })?,
    };
    let api_url = settings::api_url(discord, &env)?;
    let (bot, reloader) = gateway::prepare(&options.run)?;
    let runtime = tokio::runtime::Builder::new_multi_thread()
        .enable_all()
        .build()
        .map_err(|e| anyhow!("cannot start the async runtime: {e}"))?;
    let result = runtime.block_on(async move {
        let mut shutdown = Shutdown::listen()?;
        gateway::reload_on_hangup(reloader)?;
        let listener = tokio::net::TcpListener::bind(listen)
            .await
            .with_context(|| {
                format!("cannot listen on {listen} (another process may hold it); choose another address with --listen or [http] listen")
            })?;
        let http = Arc::new(gateway::rest_client(
            token.as_ref().map_or("", |t| t.expose()),
            api_url.as_deref(),
        )?);
        if let Some(id) = discord.application_id {
            http.set_application_id(ApplicationId::new(id));
        }
        if token.is_some() {
            // A rejected token is logged there, as an error; the endpoint serves on.
            let (rest, scope) = (http.clone(), Scope { guild: discord.guild_id });
            tokio::spawn(async move { register::until_done(&rest, scope).await });
        } else {
            warn!("no Discord token: this process does not register the slash commands (a `factdesk run` or a `serve` with DISCORD_TOKEN does) and cannot check /reload's owners");
        }
        let endpoint = routes::Endpoint::new(gate, bot, http);
        let deferred = endpoint.deferred.clone();
        // After a burst of requests, the memory it took goes back to the system.
        let tally = endpoint.tally.clone();
        tokio::spawn(memory::after_bursts(move || tally.activity()));
        info!(address = %listener.local_addr().unwrap_or(listen), "serving the interactions endpoint (POST /interactions, GET /healthz)");
        axum::serve(listener, routes::router(endpoint))
            .with_graceful_shutdown(async move {
                let signal = shutdown.recv().await;
                info!(signal, "shutting down: finishing the requests in flight");
            })
            .await
            .context("the interactions endpoint stopped")?;
        deferred.close();
        if !deferred.is_empty() {
            info!(replies = deferred.len(), "waiting for deferred replies to be sent");
            if tokio::time::timeout(DRAIN, deferred.wait()).await.is_err() {
                warn!(
                    replies = deferred.len(),
                    waited_s = DRAIN.as_secs(),
                    "shutting down with deferred replies still unsent; dropped"
                );
            }
        }
        info!("shut down cleanly");
        Ok::<(), anyhow::Error>(())
    });
    runtime.shutdown_timeout(Duration::from_secs(5));
    result
}
