//! The gateway edge: `factdesk run` over serenity.
//!
//! [`events`] routes gateway events to the shared desk and the renderers,
//! [`send`] turns a [`crate::render::reply::Reply`] into serenity builders
//! (allowed mentions always empty), [`interact`] answers an interaction
//! within Discord's deadline. SIGHUP and `/reload` reload the knowledge base
//! without a restart ([`factdesk_service::reload`]).

pub mod backlog;
pub mod deadline;
pub mod events;
pub mod interact;
pub mod owners;
pub mod rest;
pub mod send;
pub mod shard;

use std::path::PathBuf;
use std::sync::Arc;
use std::time::Duration;

use anyhow::anyhow;
use serenity::all::{ClientBuilder, GatewayError, GatewayIntents, Http, HttpBuilder, HttpError};
use tracing::info;

use factdesk_core::Engine;
use factdesk_service::unanswered::UnansweredLog;
use factdesk_service::{cooldown, logging, memory, reload, Config, Desk, EngineHandle};

use self::shard::ShardPlan;
use crate::register;
use crate::settings::{self, Token};

/// What `factdesk run` needs. Its `Debug` never shows the token (the config's does not).
#[derive(Debug, Clone)]
pub struct RunOptions {
    /// The loaded config (defaults when no file was given).
    pub config: Config,
    /// The knowledge directory to serve.
    pub knowledge_dir: PathBuf,
}

/// The intents the bot asks for: messages in servers (whose content Discord
/// sends only when they mention the bot) and direct messages. None is privileged.
pub fn intents() -> GatewayIntents {
    GatewayIntents::GUILD_MESSAGES | GatewayIntents::DIRECT_MESSAGES
}

/// The process environment, as the settings read it.
pub fn env(name: &str) -> Option<String> {
    std::env::var(name).ok()
}

/// Runs the bot until SIGINT/SIGTERM; SIGHUP reloads the knowledge base.
pub fn run(options: RunOptions) -> anyhow::Result<()> {
    let discord = &options.config.discord;
    let token = settings::token(discord, &env)?;
    logging::init(token.expose());
    let api_url = settings::api_url(discord, &env)?;
    let (bot, reloader) = prepare(&options)?;
    let plan = ShardPlan::from_config(discord.shards);
    let runtime = tokio::runtime::Builder::new_multi_thread()
        .enable_all()
        .build()
        .map_err(|e| anyhow!("cannot start the async runtime: {e}"))?;
    // The news desk: new feed items are added and the engine reloaded as they arrive.
    runtime.spawn(factdesk_service::news::follow(
        options.config.feeds.clone(),
        options.config.fetch_options(),
        options.knowledge_dir.clone(),
        reloader.clone(),
        options.config.knowledge.keep_days,
    ));
    let result = runtime.block_on(serve(token, api_url, discord.guild_id, plan, bot, reloader));
    runtime.shutdown_timeout(Duration::from_secs(5));
    result
}

/// The bot's handler over the loaded knowledge, and its reloader: what
/// `run` and `serve` share.
pub fn prepare(options: &RunOptions) -> anyhow::Result<(events::Bot, Arc<reload::Reloader>)> {
    let discord = &options.config.discord;
    let retention = options.config.knowledge.retention();
    let engine = Engine::new(factdesk_store::load_with(
        &options.knowledge_dir,
        retention,
    )?);
    let unanswered = UnansweredLog::open(&discord.unanswered_log)?;
    let engine = EngineHandle::new(engine);
    let reloader = Arc::new(
        reload::Reloader::new(engine.clone(), options.knowledge_dir.clone())
            .with_retention(retention),
    );
    let mut desk = Desk::new(engine, unanswered);
    if let Some(followups) = discord.followups() {
        desk = desk.with_followups(followups);
    }
    let base = settings::api_url(discord, &env)?.unwrap_or_else(|| DISCORD.to_string());
    let bot = events::Bot::new(
        desk,
        cooldown::Cooldown::new(discord.cooldown_seconds),
        reloader.clone(),
        owners::Owners::new(discord.owners.clone()),
        crate::courier::Courier::new(&base)?,
    );
    // What building the index took and no longer needs.
    memory::give_back();
    Ok((bot, reloader))
}

/// The OAuth2 invite URL for the configured application.
pub fn invite_url(config: &Config) -> anyhow::Result<String> {
    Ok(settings::invite(settings::invite_application_id(
        &config.discord,
        &env,
    )?))
}

async fn serve(
    token: Token,
    api_url: Option<String>,
    guild_id: Option<u64>,
    plan: ShardPlan,
    bot: events::Bot,
    reloader: Arc<reload::Reloader>,
) -> anyhow::Result<()> {
    // Listen for signals first, so that one sent during start-up is not fatal.
    let mut shutdown = Shutdown::listen()?;
    reload_on_hangup(reloader)?;
    let base = api_url.clone().unwrap_or_else(|| DISCORD.to_string());
    let backlog = bot.backlog().clone();
    // After a burst of interactions, the memory it took goes back to the system.
    let watched = backlog.clone();
    tokio::spawn(memory::after_bursts(move || watched.activity()));
    let http = rest_client(token.expose(), api_url.as_deref())?;
    // Start-up (REST calls, then the gateway) ends at the first signal, at
    // any stage: an API that accepts connections and never answers cannot
    // hold the process.
    let client = tokio::select! {
        client = connect(http, guild_id, plan, bot, &base) => client?,
        signal = shutdown.recv() => {
            info!(signal, "shutting down during start-up");
            return Ok(());
        }
    };
    let mut client = client;
    let shard_manager = client.shard_manager.clone();
    let mut fatal = logging::fatal_gateway_closes();
    let mut start = std::pin::pin!(plan.start(&mut client));
    tokio::select! {
        result = &mut start => result.map_err(|e| explain(&e, &base)),
        code = fatal.wait_for(Option::is_some) => {
            let code = code.ok().and_then(|c| *c).unwrap_or_default();
            shard_manager.shutdown_all().await;
            Err(anyhow!(close_needs_a_human(code)))
        }
        signal = shutdown.recv() => {
            info!(signal, "shutting down");
            shard_manager.shutdown_all().await;
            let _ = tokio::time::timeout(Duration::from_secs(10), start).await;
            // No event arrives now; answer what is queued.
            backlog.drain(DRAIN).await;
            info!("shut down cleanly");
            Ok(())
        }
    }
}

/// serenity's REST client for `token`, sending to `api_url` when set, with a
/// timeout on every call.
pub fn rest_client(token: &str, api_url: Option<&str>) -> anyhow::Result<Http> {
    // One connection per concurrent request is opened (HTTP/1.1); after a
    // burst of questions, keep only a few idle ones rather than all of them
    // for 90 seconds, so that memory returns to its level.
    let client = reqwest::Client::builder()
        .use_rustls_tls()
        .pool_max_idle_per_host(IDLE_CONNECTIONS)
        .connect_timeout(REST_CONNECT_TIMEOUT)
        .timeout(REST_TIMEOUT)
        .build()
        .map_err(|e| anyhow!("cannot start the HTTP client: {e}"))?;
    let mut http = HttpBuilder::new(token).client(client);
    if let Some(url) = api_url {
        // serenity's own rate limiter would send its requests to Discord,
        // not to the proxy; the proxy (or test double) rate-limits instead.
        http = http.proxy(url).ratelimiter_disabled(true);
    }
    Ok(http.build())
}

/// Checks the token, registers the slash commands in the background, and
/// builds the gateway client.
async fn connect(
    http: Http,
    guild_id: Option<u64>,
    plan: ShardPlan,
    bot: events::Bot,
    base: &str,
) -> anyhow::Result<serenity::Client> {
    let me = http
        .get_current_user()
        .await
        .map_err(|e| explain(&e, base))?;
    let app = http
        .get_current_application_info()
        .await
        .map_err(|e| explain(&e, base))?;
    http.set_application_id(app.id);
    info!(
        user = %me.name,
        application = app.id.get(),
        shards = %plan.describe(),
        "signed in to the Discord API"
    );
    if !plan.receives_direct_messages() {
        info!("this process does not run shard 0, so it receives no direct messages");
    }
    let client = ClientBuilder::new_with_http(http, intents())
        .event_handler(bot)
        .await
        .map_err(|e| explain(&e, base))?;
    // A failed registration (a server that rejects a command's fields, an
    // outage) is retried while DMs and mentions are answered.
    let rest = client.http.clone();
    let scope = register::Scope { guild: guild_id };
    tokio::spawn(async move { register::until_done(&rest, scope).await });
    Ok(client)
}

/// Reloads the knowledge base at every SIGHUP (the reason for a rejected
/// one goes to the log). SIGHUP no longer ends the process.
pub fn reload_on_hangup(reloader: Arc<reload::Reloader>) -> anyhow::Result<()> {
    #[cfg(unix)]
    {
        use tokio::signal::unix::{signal, SignalKind};
        let mut hangup =
            signal(SignalKind::hangup()).map_err(|e| anyhow!("cannot listen for signals: {e}"))?;
        tokio::spawn(async move {
            while hangup.recv().await.is_some() {
                info!(dir = %reloader.dir().display(), "SIGHUP: reloading the knowledge base");
                let _ = reloader.reload("SIGHUP").await;
            }
        });
    }
    #[cfg(not(unix))]
    let _ = reloader;
    Ok(())
}

/// How long SIGTERM waits for replies still queued or being sent.
pub const DRAIN: Duration = Duration::from_secs(30);

/// Discord's REST base URL.
pub const DISCORD: &str = "https://discord.com";
/// Idle HTTP connections kept to the Discord API.
const IDLE_CONNECTIONS: usize = 16;
/// How long a REST call may take to connect.
const REST_CONNECT_TIMEOUT: Duration = Duration::from_secs(10);
/// How long a whole REST call may take.
const REST_TIMEOUT: Duration = Duration::from_secs(30);

/// SIGINT and SIGTERM.
pub struct Shutdown {
    #[cfg(unix)]
    interrupt: tokio::signal::unix::Signal,
    #[cfg(unix)]
    terminate: tokio::signal::unix::Signal,
}

impl Shutdown {
    /// Starts listening (call it early: a signal before is fatal).
    pub fn listen() -> anyhow::Result<Shutdown> {
        #[cfg(unix)]
        {
            use tokio::signal::unix::{signal, SignalKind};
            let err = |e: std::io::Error| anyhow!("cannot listen for signals: {e}");
            Ok(Shutdown {
                interrupt: signal(SignalKind::interrupt()).map_err(err)?,
                terminate: signal(SignalKind::terminate()).map_err(err)?,
            })
        }
        #[cfg(not(unix))]
        Ok(Shutdown {})
    }

    /// The next signal's name.
    pub async fn recv(&mut self) -> &'static str {
        #[cfg(unix)]
        {
            tokio::select! {
                _ = self.interrupt.recv() => "SIGINT",
                _ = self.terminate.recv() => "SIGTERM",
            }
        }
        #[cfg(not(unix))]
        {
            let _ = tokio::signal::ctrl_c().await;
            "Ctrl-C"
        }
    }
}

/// What to change after the gateway closed with `code`, one line.
fn close_needs_a_human(code: u16) -> String {
    let what = match code {
        4010 => "invalid shard: [discord.shards] names a shard outside `total`, or its `total` differs from the other processes'; fix [discord.shards]",
        4011 => "sharding required: the bot is in too many servers for its shards; remove [discord.shards] to let factdesk autoshard, or raise `total`",
        4012 => "invalid API version: this factdesk's Discord library speaks a gateway version Discord no longer accepts; update factdesk",
        _ => "a close no reconnection can cure; see Discord's gateway close codes",
    };
    format!("the Discord gateway closed with {code} ({what})")
}

const TOKEN_REJECTED: &str = "Discord rejected the bot token (401 Unauthorized): copy the current token from the Bot page of your application in the Discord developer portal into DISCORD_TOKEN";

/// A serenity error as one line that says what to do. Never holds the token.
pub fn explain(e: &serenity::Error, base: &str) -> anyhow::Error {
    match e {
        serenity::Error::Http(HttpError::UnsuccessfulRequest(r))
            if r.status_code.as_u16() == 401 =>
        {
            anyhow!(TOKEN_REJECTED)
        }
        serenity::Error::Gateway(GatewayError::InvalidAuthentication) => {
            anyhow!("{TOKEN_REJECTED} (the gateway closed with 4004)")
        }
        serenity::Error::Gateway(
            GatewayError::InvalidGatewayIntents | GatewayError::DisallowedGatewayIntents,
        ) => {
            anyhow!("Discord refused the bot's gateway intents (messages and direct messages); check the Bot page of the developer portal")
        }
        serenity::Error::Http(HttpError::UnsuccessfulRequest(r)) => anyhow!(
            "the Discord API at {base} answered {} to {} {}: {}",
            r.status_code,
            r.method,
            r.url,
            r.error.message
        ),
        serenity::Error::Http(HttpError::Request(r)) => {
            anyhow!(
                "cannot reach the Discord API at {base}: {}",
                rest::with_sources(r)
            )
        }
        other => anyhow!("Discord: {other}"),
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn run_options_debug_hides_the_token() {
        let mut config = Config::default();
        config.discord.token = Some("MTIz.abc.very-secret".into());
        let options = RunOptions {
            config,
            knowledge_dir: PathBuf::from("knowledge"),
        };
        let shown = format!("{options:?}");
        assert!(!shown.contains("very-secret"), "{shown}");
        assert!(shown.contains("[redacted]"), "{shown}");
    }
}
