//! A fake Discord on 127.0.0.1 for end-to-end tests: the REST routes the bot
//! uses, and a gateway websocket (HELLO, IDENTIFY/RESUME, READY, heartbeats,
//! dispatches injected by the test, closing the socket on demand, dropping
//! the TCP connection, RECONNECT and INVALID SESSION), REST failures on
//! demand (429 with Discord's rate-limit headers, 500).
//!
//! It records every REST request and every gateway frame the bot sends, and
//! checks every payload it sends against serenity's own models, so that a
//! missing field fails the test here instead of being dropped by the bot with
//! a log line. Like Discord, it rejects with 400 an interaction callback or a
//! message over Discord's limits or off its schema ([`crate::discord_limits`]),
//! and keeps the rejections for the test to see ([`FakeDiscord::rejected`]).

use std::borrow::Cow;
use std::collections::VecDeque;
use std::net::SocketAddr;
use std::sync::atomic::{AtomicBool, AtomicU64, AtomicUsize, Ordering};
use std::sync::{Arc, Mutex};
use std::time::{Duration, Instant, SystemTime, UNIX_EPOCH};

use axum::body::Bytes;
use axum::extract::ws::{CloseFrame, Message as WsMessage, WebSocket, WebSocketUpgrade};
use axum::extract::State;
use axum::http::{Method, StatusCode, Uri};
use axum::response::{IntoResponse, Response};
use axum::routing::get;
use axum::{Json, Router};
use serde_json::{json, Value};
use tokio::sync::mpsc;

use crate::discord_limits;

/// The bot's user id, which is also its application id.
pub const BOT_ID: u64 = 123_456_789_012_345_678;
/// The token the bot is started with: its first part is `BOT_ID` in base64.
pub const TOKEN: &str = "MTIzNDU2Nzg5MDEyMzQ1Njc4.GfAkE1.Sup3r-s3cret_t0ken-value-9f8e7d6c";
/// The one guild the bot is in.
pub const GUILD_ID: u64 = 800_000_000_000_000_001;
/// A text channel in that guild.
pub const GUILD_CHANNEL: u64 = 800_000_000_000_000_002;
/// The DM channel with a user.
pub const DM_CHANNEL: u64 = 800_000_000_000_000_003;
/// The id of the registered `/ask` command (any id works for the bot).
pub const COMMAND_ID: u64 = 800_000_000_000_000_004;
/// The application's owner (a user, not a team).
pub const OWNER_ID: u64 = 700_000_000_000_000_001;
/// Discord's epoch, in milliseconds since the Unix epoch.
const DISCORD_EPOCH_MS: u64 = 1_420_070_400_000;
/// A timestamp for messages and members.
pub const TIMESTAMP: &str = "2024-06-10T06:13:20.000000+00:00";

/// One REST request the bot made.
#[derive(Debug, Clone)]
pub struct Request {
    /// The HTTP method.
    pub method: String,
    /// The path, query included.
    pub path: String,
    /// The JSON body (`Null` when none).
    pub body: Value,
    /// When it arrived.
    pub at: Instant,
}

/// What the test asks the gateway to do.
#[derive(Debug)]
enum Control {
    Dispatch(String, Value),
    Close(u16),
    /// Drop the TCP connection without a close frame.
    Drop,
    /// Send this frame as is (op 7 RECONNECT, op 9 INVALID SESSION).
    Frame(Value),
    /// The connection goes dead without closing: heartbeats are no longer
    /// acknowledged, and what is dispatched on it never arrives.
    Zombie,
}

/// How the fake misbehaves.
#[derive(Debug, Clone, Copy, Default)]
pub struct Behaviour {
    /// `GET /users/@me` answers 401.
    pub reject_token_rest: bool,
    /// The gateway closes with 4004 on IDENTIFY.
    pub reject_token_gateway: bool,
    /// The heartbeat interval in HELLO, in ms (0: 1000, short so that tests
    /// see heartbeats; Discord's is 41250, which a burst of events needs, as
    /// acknowledgements queue behind the events).
    pub heartbeat_ms: u64,
    /// The first this many command registrations answer 400 with
    /// Discord's "Invalid Form Body" (as a server that rejects an option
    /// field does).
    pub reject_registrations: u64,
    /// Interaction callbacks and edits answer after this many ms (a slow API).
    pub rest_delay_ms: u64,
    /// A message sent to a channel is taken, but answered with a body that
    /// is not a message (as an API that changed, or a proxy, might).
    pub unreadable_messages: bool,
}

impl Behaviour {
    /// Well-behaved, with Discord's real heartbeat interval: for bursts of events.
    pub fn for_load() -> Behaviour {
        Behaviour {
            heartbeat_ms: 41_250,
            ..Behaviour::default()
        }
    }
}

/// Up to `n` questions the engine answers (the curated example questions).
pub fn sample_questions(engine: &factdesk_core::Engine, n: usize) -> Vec<String> {
    engine
        .topics()
        .into_iter()
        .flat_map(|t| t.questions)
        .take(n)
        .collect()
}

/// An `INTERACTION_CREATE` for `/ask question:<question>` in the guild.
pub fn ask_in_guild(id: u64, user_id: u64, question: &str) -> Value {
    slash_command(
        id,
        user_id,
        true,
        "ask",
        vec![option("question", json!(question))],
    )
}

struct Shared {
    addr: SocketAddr,
    behaviour: Behaviour,
    requests: Mutex<Vec<Request>>,
    frames: Mutex<Vec<Value>>,
    errors: Mutex<Vec<String>>,
    control_tx: mpsc::UnboundedSender<Control>,
    control_rx: tokio::sync::Mutex<mpsc::UnboundedReceiver<Control>>,
    seq: AtomicU64,
    ids: AtomicU64,
    sessions_ready: AtomicUsize,
    connections: AtomicUsize,
    connected: AtomicBool,
    /// Statuses the next interaction callbacks answer with, in order.
    failing_callbacks: Mutex<VecDeque<u16>>,
    /// Statuses the next edits of an original response answer with, in order.
    failing_edits: Mutex<VecDeque<u16>>,
    /// Command registrations rejected so far.
    rejected_registrations: AtomicU64,
    /// Dispatches lost on a zombied connection, replayed to a RESUME.
    lost: Mutex<Vec<Value>>,
    /// Dispatches replayed to a RESUME so far.
    replayed: AtomicUsize,
    /// Whether request bodies are kept (off for load tests).
    keep_bodies: AtomicBool,
    /// Requests answered with 400, and why.
    rejected: Mutex<Vec<String>>,
}

/// A running fake Discord.
#[derive(Clone)]
pub struct FakeDiscord {
    shared: Arc<Shared>,
}

impl FakeDiscord {
    /// Starts a well-behaved fake on 127.0.0.1 and a free port.
    pub async fn start() -> FakeDiscord {
        Self::start_with(Behaviour::default()).await
    }

    /// Starts a fake that misbehaves as told.
    pub async fn start_with(behaviour: Behaviour) -> FakeDiscord {
        let listener = tokio::net::TcpListener::bind("127.0.0.1:0")
            .await
            .expect("bind 127.0.0.1");
        let addr = listener.local_addr().unwrap();
        let (control_tx, control_rx) = mpsc::unbounded_channel();
        let shared = Arc::new(Shared {
            addr,
            behaviour,
            requests: Mutex::new(Vec::new()),
            frames: Mutex::new(Vec::new()),
            errors: Mutex::new(Vec::new()),
            control_tx,
            control_rx: tokio::sync::Mutex::new(control_rx),
            seq: AtomicU64::new(0),
            ids: AtomicU64::new(0),
            sessions_ready: AtomicUsize::new(0),
            connections: AtomicUsize::new(0),
            connected: AtomicBool::new(false),
            failing_callbacks: Mutex::new(VecDeque::new()),
            failing_edits: Mutex::new(VecDeque::new()),
            rejected_registrations: AtomicU64::new(0),
            lost: Mutex::new(Vec::new()),
            replayed: AtomicUsize::new(0),
            keep_bodies: AtomicBool::new(true),
            rejected: Mutex::new(Vec::new()),
        });
        let app = Router::new()
            .route("/ws", get(gateway_upgrade))
            .fallback(rest)
            .with_state(shared.clone());
        tokio::spawn(async move {
            axum::serve(listener, app)
                .await
                .expect("fake Discord server");
        });
        FakeDiscord { shared }
    }

    /// The REST base URL to give the bot.
    pub fn api_url(&self) -> String {
        format!("http://{}", self.shared.addr)
    }

    /// The gateway URL the fake hands out.
    pub fn gateway_url(&self) -> String {
        format!("ws://{}/ws", self.shared.addr)
    }

    /// Every REST request so far.
    pub fn requests(&self) -> Vec<Request> {
        self.shared.requests.lock().unwrap().clone()
    }

    /// Runs `f` over the requests so far, without copying them.
    pub fn with_requests<R>(&self, f: impl FnOnce(&[Request]) -> R) -> R {
        f(&self.shared.requests.lock().unwrap())
    }

    /// Keeps request bodies (the default) or only their `type`.
    pub fn keep_bodies(&self, keep: bool) {
        self.shared.keep_bodies.store(keep, Ordering::SeqCst);
    }

    /// The next interaction callback answers `status` (429 comes with
    /// Discord's rate-limit headers and body) instead of succeeding.
    pub fn fail_next_callback(&self, status: u16) {
        self.shared
            .failing_callbacks
            .lock()
            .unwrap()
            .push_back(status);
    }

    /// The next edits of an original response answer `status` (429 comes
    /// with Discord's rate-limit headers and body) instead of succeeding.
    pub fn fail_next_edits(&self, statuses: &[u16]) {
        self.shared
            .failing_edits
            .lock()
            .unwrap()
            .extend(statuses.iter().copied());
    }

    /// Every gateway frame the bot sent so far.
    pub fn frames(&self) -> Vec<Value> {
        self.shared.frames.lock().unwrap().clone()
    }

    /// Gateway frames with opcode `op`.
    pub fn frames_with_op(&self, op: u64) -> Vec<Value> {
        self.frames()
            .into_iter()
            .filter(|f| f["op"] == op)
            .collect()
    }

    /// Problems the fake found in its own payloads (must stay empty).
    pub fn errors(&self) -> Vec<String> {
        self.shared.errors.lock().unwrap().clone()
    }

    /// Requests the fake answered with 400 as Discord would (a body over
    /// Discord's limits or off its schema), each with the reasons; the bot's
    /// replies must leave this empty.
    pub fn rejected(&self) -> Vec<String> {
        self.shared.rejected.lock().unwrap().clone()
    }

    /// Gateway sessions that got a READY or RESUMED.
    pub fn sessions_ready(&self) -> usize {
        self.shared.sessions_ready.load(Ordering::SeqCst)
    }

    /// Websocket connections so far.
    pub fn connections(&self) -> usize {
        self.shared.connections.load(Ordering::SeqCst)
    }

    /// Waits until `n` sessions are ready; false on timeout.
    pub async fn wait_sessions_ready(&self, n: usize, timeout: Duration) -> bool {
        wait_until(timeout, || {
            self.sessions_ready() >= n && self.shared.connected.load(Ordering::SeqCst)
        })
        .await
    }

    /// Waits for the first request matching `pred`.
    pub async fn wait_request(
        &self,
        timeout: Duration,
        pred: impl Fn(&Request) -> bool,
    ) -> Option<Request> {
        let deadline = Instant::now() + timeout;
        loop {
            if let Some(r) = self.requests().into_iter().find(|r| pred(r)) {
                return Some(r);
            }
            if Instant::now() >= deadline {
                return None;
            }
            tokio::time::sleep(Duration::from_millis(25)).await;
        }
    }

    /// Sends a dispatch (`op` 0) on the current gateway session, after
    /// checking that serenity can read it.
    pub fn dispatch(&self, event: &str, data: Value) {
        let frame = json!({"op": 0, "s": 1, "t": event, "d": data});
        if let Err(e) = serde_json::from_value::<serenity::all::GatewayEvent>(frame) {
            panic!("the fake's {event} does not deserialize in serenity: {e}");
        }
        self.shared
            .control_tx
            .send(Control::Dispatch(event.to_string(), data))
            .unwrap();
    }

    /// Sends a dispatch as it is, even one serenity cannot read (as Discord
    /// sends after a change in its API).
    pub fn dispatch_unchecked(&self, event: &str, data: Value) {
        self.shared
            .control_tx
            .send(Control::Dispatch(event.to_string(), data))
            .unwrap();
    }

    /// Zombies the current gateway connection: it stays open, but
    /// heartbeats get no ACK and dispatches are lost on it (kept, and
    /// replayed when the session is resumed, as Discord does).
    pub fn zombie_gateway(&self) {
        self.shared.control_tx.send(Control::Zombie).unwrap();
    }

    /// Dispatches replayed to a RESUME so far.
    pub fn replayed(&self) -> usize {
        self.shared.replayed.load(Ordering::SeqCst)
    }

    /// Closes the gateway socket with `code`.
    pub fn close_gateway(&self, code: u16) {
        self.shared.control_tx.send(Control::Close(code)).unwrap();
    }

    /// Drops the gateway's TCP connection without a close frame.
    pub fn drop_gateway(&self) {
        self.shared.control_tx.send(Control::Drop).unwrap();
    }

    /// Sends op 7 RECONNECT on the current session.
    pub fn send_reconnect(&self) {
        self.send_frame(json!({"op": 7, "s": null, "t": null, "d": null}));
    }

    /// Sends op 9 INVALID SESSION with `d = resumable`.
    pub fn send_invalid_session(&self, resumable: bool) {
        self.send_frame(json!({"op": 9, "s": null, "t": null, "d": resumable}));
    }

    fn send_frame(&self, frame: Value) {
        if let Err(e) = serde_json::from_value::<serenity::all::GatewayEvent>(frame.clone()) {
            panic!("the fake's frame {frame} does not deserialize in serenity: {e}");
        }
        self.shared.control_tx.send(Control::Frame(frame)).unwrap();
    }

    /// A fresh snowflake, dated now as Discord's are (interactions are dated
    /// by their id; the bot reads their age from it).
    pub fn next_id(&self) -> u64 {
        next_id(&self.shared)
    }
}

fn next_id(shared: &Shared) -> u64 {
    let now_ms = SystemTime::now()
        .duration_since(UNIX_EPOCH)
        .unwrap()
        .as_millis() as u64;
    let now = (now_ms - DISCORD_EPOCH_MS) << 22;
    let previous = shared
        .ids
        .fetch_update(Ordering::SeqCst, Ordering::SeqCst, |id| {
            Some((id + 1).max(now))
        })
        .unwrap();
    (previous + 1).max(now)
}

/// Polls `cond` every 25 ms until it holds or `timeout` passes.
pub async fn wait_until(timeout: Duration, cond: impl Fn() -> bool) -> bool {
    let deadline = Instant::now() + timeout;
    loop {
        if cond() {
            return true;
        }
        if Instant::now() >= deadline {
            return false;
        }
        tokio::time::sleep(Duration::from_millis(25)).await;
    }
}

// ---------------------------------------------------------------- payloads

/// A user object.
pub fn user(id: u64, name: &str, bot: bool) -> Value {
    json!({
        "id": id.to_string(),
        "username": name,
        "discriminator": "0",
        "global_name": name,
        "avatar": null,
        "bot": bot,
        "public_flags": 0,
    })
}

/// The bot's own user.
pub fn bot_user() -> Value {
    user(BOT_ID, "factdesk", true)
}

/// `GET /oauth2/applications/@me`
pub fn application() -> Value {
    json!({
        "id": BOT_ID.to_string(),
        "name": "factdesk",
        "icon": null,
        "description": "",
        "bot_public": true,
        "bot_require_code_grant": false,
        "verify_key": "00",
        "team": null,
        "owner": user(OWNER_ID, "owner", false),
        "flags": 0,
    })
}

/// A message object.
pub fn message(
    id: u64,
    channel: u64,
    guild: Option<u64>,
    author: Value,
    content: &str,
    mentions: Vec<Value>,
) -> Value {
    let mut m = json!({
        "id": id.to_string(),
        "channel_id": channel.to_string(),
        "author": author,
        "content": content,
        "timestamp": TIMESTAMP,
        "edited_timestamp": null,
        "tts": false,
        "mention_everyone": false,
        "mentions": mentions,
        "mention_roles": [],
        "attachments": [],
        "embeds": [],
        "pinned": false,
        "type": 0,
        "flags": 0,
        "components": [],
    });
    if let Some(g) = guild {
        m["guild_id"] = json!(g.to_string());
    }
    m
}

/// A `MESSAGE_CREATE` in the DM channel.
pub fn dm_message(id: u64, user_id: u64, content: &str) -> Value {
    message(
        id,
        DM_CHANNEL,
        None,
        user(user_id, "asker", false),
        content,
        vec![],
    )
}

/// A `MESSAGE_CREATE` in the guild channel; `mention_bot` puts the bot in `mentions`.
pub fn guild_message(id: u64, user_id: u64, content: &str, mention_bot: bool) -> Value {
    let mentions = if mention_bot {
        vec![bot_user()]
    } else {
        vec![]
    };
    let mut m = message(
        id,
        GUILD_CHANNEL,
        Some(GUILD_ID),
        user(user_id, "asker", false),
        content,
        mentions,
    );
    m["member"] =
        json!({"roles": [], "joined_at": TIMESTAMP, "deaf": false, "mute": false, "flags": 0});
    m
}

/// The common part of an interaction, in the guild or in a DM.
fn interaction(id: u64, kind: u8, user_id: u64, in_guild: bool, data: Value) -> Value {
    let mut i = json!({
        "id": id.to_string(),
        "application_id": BOT_ID.to_string(),
        "type": kind,
        "data": data,
        "token": format!("interaction-token-{id}"),
        "version": 1,
        "app_permissions": "0",
        "locale": "en-US",
        "entitlements": [],
        "authorizing_integration_owners": {"0": GUILD_ID.to_string()},
        "attachment_size_limit": 8_388_608,
    });
    if in_guild {
        i["guild_id"] = json!(GUILD_ID.to_string());
        i["guild_locale"] = json!("en-US");
        i["channel_id"] = json!(GUILD_CHANNEL.to_string());
        i["channel"] = json!({"id": GUILD_CHANNEL.to_string(), "type": 0});
        i["context"] = json!(0);
        i["member"] = json!({
            "user": user(user_id, "asker", false),
            "roles": [],
            "joined_at": TIMESTAMP,
            "deaf": false,
            "mute": false,
            "flags": 0,
            "permissions": "0",
        });
    } else {
        i["channel_id"] = json!(DM_CHANNEL.to_string());
        i["channel"] = json!({"id": DM_CHANNEL.to_string(), "type": 1});
        i["context"] = json!(1);
        i["user"] = user(user_id, "asker", false);
    }
    i
}

/// An `INTERACTION_CREATE` for a slash command with string/bool options.
pub fn slash_command(
    id: u64,
    user_id: u64,
    in_guild: bool,
    name: &str,
    options: Vec<Value>,
) -> Value {
    let data = json!({"id": COMMAND_ID.to_string(), "name": name, "type": 1, "options": options});
    interaction(id, 2, user_id, in_guild, data)
}

/// An option of a slash command: a string (type 3) or a boolean (type 5).
pub fn option(name: &str, value: Value) -> Value {
    let kind = if value.is_boolean() { 5 } else { 3 };
    json!({"name": name, "type": kind, "value": value})
}

/// An `INTERACTION_CREATE` of type autocomplete for `/ask question:<partial>`.
pub fn autocomplete(id: u64, user_id: u64, partial: &str) -> Value {
    autocomplete_option(id, user_id, "question", partial)
}

/// An `INTERACTION_CREATE` of type autocomplete for `/ask <option>:<partial>`.
pub fn autocomplete_option(id: u64, user_id: u64, option: &str, partial: &str) -> Value {
    let data = json!({
        "id": COMMAND_ID.to_string(),
        "name": "ask",
        "type": 1,
        "options": [{"name": option, "type": 3, "value": partial, "focused": true}],
    });
    interaction(id, 4, user_id, true, data)
}

/// An `INTERACTION_CREATE` for a button press.
pub fn button(id: u64, user_id: u64, custom_id: &str) -> Value {
    let data = json!({"custom_id": custom_id, "component_type": 2});
    let mut i = interaction(id, 3, user_id, true, data);
    i["message"] = message(
        id - 1,
        GUILD_CHANNEL,
        Some(GUILD_ID),
        bot_user(),
        "",
        vec![],
    );
    i
}

// ---------------------------------------------------------------- REST

fn record(shared: &Shared, method: &Method, path: &str, body: &Bytes) -> Value {
    let body = if body.is_empty() {
        Value::Null
    } else {
        serde_json::from_slice(body)
            .unwrap_or_else(|_| Value::String(String::from_utf8_lossy(body).into_owned()))
    };
    let kept = if shared.keep_bodies.load(Ordering::Relaxed) {
        body.clone()
    } else {
        json!({"type": body["type"]})
    };
    shared.requests.lock().unwrap().push(Request {
        method: method.to_string(),
        path: path.to_string(),
        body: kept,
        at: Instant::now(),
    });
    body
}

fn check<T: serde::de::DeserializeOwned>(shared: &Shared, what: &str, value: &Value) {
    if let Err(e) = serde_json::from_value::<T>(value.clone()) {
        shared
            .errors
            .lock()
            .unwrap()
            .push(format!("{what} does not deserialize in serenity: {e}"));
    }
}

fn ok(value: Value) -> Response {
    Json(value).into_response()
}

async fn rest(
    State(shared): State<Arc<Shared>>,
    method: Method,
    uri: Uri,
    body: Bytes,
) -> Response {
    let path = uri.path().to_string();
    let body = record(&shared, &method, &path, &body);
    let Some(rest) = path.strip_prefix("/api/v10/") else {
        return not_found();
    };
    let parts: Vec<&str> = rest.split('/').collect();
    let m = method.as_str();
    match (m, parts.as_slice()) {
        ("GET", ["gateway"]) => ok(json!({"url": format!("ws://{}/ws", shared.addr)})),
        ("GET", ["gateway", "bot"]) => {
            let v = json!({
                "url": format!("ws://{}/ws", shared.addr),
                "shards": 1,
                "session_start_limit": {"total": 1000, "remaining": 999, "reset_after": 0, "max_concurrency": 1},
            });
            check::<serenity::all::BotGateway>(&shared, "GET /gateway/bot", &v);
            ok(v)
        }
        ("GET", ["users", "@me"]) => {
            if shared.behaviour.reject_token_rest {
                return (
                    StatusCode::UNAUTHORIZED,
                    Json(json!({"message": "401: Unauthorized", "code": 0})),
                )
                    .into_response();
            }
            let v = bot_user();
            check::<serenity::all::CurrentUser>(&shared, "GET /users/@me", &v);
            ok(v)
        }
        ("GET", ["oauth2", "applications", "@me"]) => {
            let v = application();
            check::<serenity::all::CurrentApplicationInfo>(
                &shared,
                "GET /oauth2/applications/@me",
                &v,
            );
            ok(v)
        }
        ("PUT", ["applications", _, "commands"])
        | ("PUT", ["applications", _, "guilds", _, "commands"]) => {
            let rejected = shared.rejected_registrations.fetch_add(1, Ordering::SeqCst);
            if rejected < shared.behaviour.reject_registrations {
                return (
                    StatusCode::BAD_REQUEST,
                    Json(json!({"message": "Invalid Form Body", "code": 50035, "errors": {"0": {"options": {"_errors": [{"code": "UNKNOWN_FIELD", "message": "made by the test"}]}}}})),
                )
                    .into_response();
            }
            let guild = parts.get(3).copied();
            let commands: Vec<Value> = body
                .as_array()
                .cloned()
                .unwrap_or_default()
                .into_iter()
                .enumerate()
                .map(|(i, mut c)| {
                    c["id"] = json!((COMMAND_ID + i as u64).to_string());
                    c["application_id"] = json!(BOT_ID.to_string());
                    c["version"] = json!("1");
                    if c.get("default_member_permissions").is_none() {
                        c["default_member_permissions"] = Value::Null;
                    }
                    if c.get("type").is_none() {
                        c["type"] = json!(1);
                    }
                    if let Some(g) = guild {
                        c["guild_id"] = json!(g);
                    }
                    c
                })
                .collect();
            let v = Value::Array(commands);
            check::<Vec<serenity::all::Command>>(&shared, "PUT commands", &v);
            ok(v)
        }
        ("GET", ["applications", _, "commands"])
        | ("GET", ["applications", _, "guilds", _, "commands"]) => ok(json!([])),
        ("POST", ["interactions", _, _, "callback"]) => {
            if shared.behaviour.rest_delay_ms > 0 {
                tokio::time::sleep(Duration::from_millis(shared.behaviour.rest_delay_ms)).await;
            }
            if let Some(rejection) = reject(&shared, m, &path, discord_limits::callback(&body)) {
                return rejection;
            }
            let failure = shared.failing_callbacks.lock().unwrap().pop_front();
            match failure {
                Some(429) => rate_limited(),
                Some(status) => (
                    StatusCode::from_u16(status).unwrap(),
                    Json(json!({"message": format!("{status}: failure made by the test"), "code": 0})),
                )
                    .into_response(),
                None => StatusCode::NO_CONTENT.into_response(),
            }
        }
        ("POST", ["channels", channel, "messages"]) => {
            if let Some(rejection) = reject(&shared, m, &path, discord_limits::message(&body, true))
            {
                return rejection;
            }
            if shared.behaviour.unreadable_messages {
                return ok(json!({"id": "not a message"}));
            }
            let channel: u64 = channel.parse().unwrap_or(0);
            let guild = (channel == GUILD_CHANNEL).then_some(GUILD_ID);
            sent_message(&shared, channel, guild, &body)
        }
        ("POST", ["webhooks", _, _]) | ("PATCH", ["webhooks", _, _, "messages", _]) => {
            let creating = m == "POST";
            if shared.behaviour.rest_delay_ms > 0 {
                tokio::time::sleep(Duration::from_millis(shared.behaviour.rest_delay_ms)).await;
            }
            if !creating {
                let failure = shared.failing_edits.lock().unwrap().pop_front();
                match failure {
                    Some(429) => return rate_limited(),
                    Some(status) => {
                        return (
                            StatusCode::from_u16(status).unwrap(),
                            Json(json!({"message": format!("{status}: failure made by the test"), "code": 0})),
                        )
                            .into_response()
                    }
                    None => {}
                }
            }
            let problems = discord_limits::message(&body, creating);
            if let Some(rejection) = reject(&shared, m, &path, problems) {
                return rejection;
            }
            sent_message(&shared, GUILD_CHANNEL, Some(GUILD_ID), &body)
        }
        ("GET", ["webhooks", _, _, "messages", _]) => {
            sent_message(&shared, GUILD_CHANNEL, Some(GUILD_ID), &body)
        }
        ("POST", ["users", "@me", "channels"]) => {
            let v = json!({
                "id": DM_CHANNEL.to_string(),
                "type": 1,
                "last_message_id": null,
                "recipients": [user(body["recipient_id"].as_str().and_then(|s| s.parse().ok()).unwrap_or(1), "asker", false)],
            });
            ok(v)
        }
        _ => not_found(),
    }
}

fn sent_message(shared: &Shared, channel: u64, guild: Option<u64>, body: &Value) -> Response {
    let id = next_id(shared);
    let content = body["content"].as_str().unwrap_or_default();
    let mut v = message(id, channel, guild, bot_user(), content, vec![]);
    if let Some(embeds) = body["embeds"].as_array() {
        v["embeds"] = Value::Array(
            embeds
                .iter()
                .map(|e| {
                    let mut e = e.clone();
                    e["type"] = json!("rich");
                    e
                })
                .collect(),
        );
    }
    if body.get("message_reference").is_some() {
        v["type"] = json!(19);
        v["message_reference"] = body["message_reference"].clone();
    }
    check::<serenity::all::Message>(shared, "a sent message", &v);
    Json(v).into_response()
}

/// A 400 as Discord sends it when there are `problems` with the body (kept
/// in the fake's rejections); `None` when there are none.
fn reject(
    shared: &Shared,
    method: &str,
    path: &str,
    problems: Vec<discord_limits::Problem>,
) -> Option<Response> {
    if problems.is_empty() {
        return None;
    }
    let reasons: Vec<String> = problems.iter().map(|p| p.to_string()).collect();
    shared
        .rejected
        .lock()
        .unwrap()
        .push(format!("{method} {path}: {}", reasons.join("; ")));
    let body = discord_limits::error_body(&problems);
    Some((StatusCode::BAD_REQUEST, Json(body)).into_response())
}

/// A 429 as Discord sends it: the rate-limit headers and the JSON body.
fn rate_limited() -> Response {
    let reset = SystemTime::now()
        .duration_since(UNIX_EPOCH)
        .unwrap()
        .as_secs_f64()
        + 1.0;
    let headers = [
        ("retry-after", "1".to_string()),
        ("x-ratelimit-limit", "1".to_string()),
        ("x-ratelimit-remaining", "0".to_string()),
        ("x-ratelimit-reset", format!("{reset:.3}")),
        ("x-ratelimit-reset-after", "1.000".to_string()),
        ("x-ratelimit-bucket", "fake-interaction-bucket".to_string()),
        ("x-ratelimit-scope", "user".to_string()),
    ];
    let body =
        json!({"message": "You are being rate limited.", "retry_after": 1.0, "global": false});
    (StatusCode::TOO_MANY_REQUESTS, headers, Json(body)).into_response()
}

fn not_found() -> Response {
    (
        StatusCode::NOT_FOUND,
        Json(json!({"message": "404: Not Found", "code": 0})),
    )
        .into_response()
}

// ---------------------------------------------------------------- gateway

async fn gateway_upgrade(ws: WebSocketUpgrade, State(shared): State<Arc<Shared>>) -> Response {
    ws.on_upgrade(move |socket| gateway(socket, shared))
}

async fn send_frame(shared: &Shared, socket: &mut WebSocket, frame: Value) -> bool {
    if let Err(e) = serde_json::from_value::<serenity::all::GatewayEvent>(frame.clone()) {
        shared.errors.lock().unwrap().push(format!(
            "gateway frame {frame} does not deserialize in serenity: {e}"
        ));
    }
    socket
        .send(WsMessage::Text(frame.to_string()))
        .await
        .is_ok()
}

/// What one gateway frame from the bot leads to.
enum Step {
    Continue,
    /// The session is ready (READY or RESUMED sent).
    Ready,
    Stop,
}

fn next_seq(shared: &Shared) -> u64 {
    shared.seq.fetch_add(1, Ordering::SeqCst) + 1
}

/// Answers one frame the bot sent: heartbeat, IDENTIFY or RESUME.
async fn on_frame(shared: &Shared, socket: &mut WebSocket, frame: &Value, zombie: bool) -> Step {
    let reply = match frame["op"].as_u64() {
        Some(1) if zombie => return Step::Continue,
        Some(1) => json!({"op": 11, "s": null, "t": null, "d": null}),
        Some(2) if shared.behaviour.reject_token_gateway => {
            let close = CloseFrame {
                code: 4004,
                reason: Cow::from("Authentication failed."),
            };
            let _ = socket.send(WsMessage::Close(Some(close))).await;
            return Step::Stop;
        }
        Some(2) => {
            let shard = match &frame["d"]["shard"] {
                Value::Null => json!([0, 1]),
                shard => shard.clone(),
            };
            json!({"op": 0, "s": next_seq(shared), "t": "READY", "d": {
                "v": 10,
                "user": bot_user(),
                "guilds": [{"id": GUILD_ID.to_string(), "unavailable": true}],
                "session_id": "fake-session",
                "resume_gateway_url": format!("ws://{}/ws", shared.addr),
                "shard": shard,
                "application": {"id": BOT_ID.to_string(), "flags": 0},
            }})
        }
        Some(6) => {
            // Replay what the session missed, then RESUMED.
            let after = frame["d"]["seq"].as_u64().unwrap_or(0);
            let missed: Vec<Value> = shared
                .lost
                .lock()
                .unwrap()
                .drain(..)
                .filter(|f| f["s"].as_u64().unwrap_or(0) > after)
                .collect();
            for f in missed {
                if !send_frame(shared, socket, f).await {
                    return Step::Stop;
                }
                shared.replayed.fetch_add(1, Ordering::SeqCst);
            }
            json!({"op": 0, "s": next_seq(shared), "t": "RESUMED", "d": {}})
        }
        _ => return Step::Continue,
    };
    let ready = reply["op"] == 0;
    match send_frame(shared, socket, reply).await {
        false => Step::Stop,
        true if ready => Step::Ready,
        true => Step::Continue,
    }
}

/// Either side of the gateway connection spoke.
enum Wake {
    Bot(Option<Result<WsMessage, axum::Error>>),
    Test(Option<Control>),
}

async fn gateway(mut socket: WebSocket, shared: Arc<Shared>) {
    shared.connections.fetch_add(1, Ordering::SeqCst);
    let interval = match shared.behaviour.heartbeat_ms {
        0 => 1000,
        ms => ms,
    };
    let hello = json!({"op": 10, "s": null, "t": null, "d": {"heartbeat_interval": interval}});
    if !send_frame(&shared, &mut socket, hello).await {
        return;
    }
    // The test's commands go to the one ready session, once it is ready.
    let mut control: Option<tokio::sync::MutexGuard<'_, mpsc::UnboundedReceiver<Control>>> = None;
    let mut zombie = false;
    loop {
        let next_control = async {
            match control.as_mut() {
                Some(rx) => rx.recv().await,
                None => std::future::pending().await,
            }
        };
        let wake = tokio::select! {
            incoming = socket.recv() => Wake::Bot(incoming),
            command = next_control => Wake::Test(command),
        };
        let step = match wake {
            Wake::Bot(Some(Ok(WsMessage::Text(text)))) => {
                match serde_json::from_str::<Value>(&text) {
                    Ok(frame) => {
                        shared.frames.lock().unwrap().push(frame.clone());
                        on_frame(&shared, &mut socket, &frame, zombie).await
                    }
                    Err(_) => {
                        shared
                            .errors
                            .lock()
                            .unwrap()
                            .push(format!("the bot sent a frame that is not JSON: {text}"));
                        Step::Continue
                    }
                }
            }
            Wake::Bot(Some(Ok(WsMessage::Close(_))) | None | Some(Err(_))) => Step::Stop,
            Wake::Bot(Some(Ok(_))) => Step::Continue,
            Wake::Test(Some(Control::Zombie)) => {
                zombie = true;
                shared.connected.store(false, Ordering::SeqCst);
                Step::Continue
            }
            Wake::Test(Some(Control::Dispatch(event, data))) => {
                let frame = json!({"op": 0, "s": next_seq(&shared), "t": event, "d": data});
                if zombie {
                    shared.lost.lock().unwrap().push(frame);
                    Step::Continue
                } else if send_frame(&shared, &mut socket, frame).await {
                    Step::Continue
                } else {
                    Step::Stop
                }
            }
            Wake::Test(Some(Control::Drop)) => {
                shared.connected.store(false, Ordering::SeqCst);
                Step::Stop
            }
            Wake::Test(Some(Control::Frame(frame))) => {
                shared.connected.store(false, Ordering::SeqCst);
                if send_frame(&shared, &mut socket, frame).await {
                    Step::Continue
                } else {
                    Step::Stop
                }
            }
            Wake::Test(Some(Control::Close(code))) => {
                shared.connected.store(false, Ordering::SeqCst);
                let close = CloseFrame {
                    code,
                    reason: Cow::from("closed by the test"),
                };
                let _ = socket.send(WsMessage::Close(Some(close))).await;
                Step::Stop
            }
            Wake::Test(None) => Step::Stop,
        };
        match step {
            Step::Continue => {}
            Step::Stop => break,
            Step::Ready => {
                if control.is_none() {
                    control = Some(shared.control_rx.lock().await);
                }
                shared.connected.store(true, Ordering::SeqCst);
                shared.sessions_ready.fetch_add(1, Ordering::SeqCst);
            }
        }
    }
}

#[cfg(test)]
mod tests {
    use super::*;
    use tokio::io::{AsyncReadExt, AsyncWriteExt};

    /// Sends `body` with `method` to `path` on the fake; the status it answers.
    async fn status(fake: &FakeDiscord, method: &str, path: &str, body: &Value) -> u16 {
        let body = body.to_string();
        let mut stream = tokio::net::TcpStream::connect(fake.shared.addr)
            .await
            .unwrap();
        let request = format!(
            "{method} /api/v10/{path} HTTP/1.1\r\nhost: fake\r\ncontent-type: application/json\r\n\
             content-length: {}\r\nconnection: close\r\n\r\n{body}",
            body.len()
        );
        stream.write_all(request.as_bytes()).await.unwrap();
        let mut response = String::new();
        stream.read_to_string(&mut response).await.unwrap();
        response.split(' ').nth(1).unwrap().parse().unwrap()
    }

    #[tokio::test]
    async fn rejects_with_400_what_discord_rejects() {
        let fake = FakeDiscord::start().await;
        let callback = "interactions/1/token/callback";
        let followup = format!("webhooks/{BOT_ID}/token");
        let original = format!("webhooks/{BOT_ID}/token/messages/@original");
        let channel = format!("channels/{GUILD_CHANNEL}/messages");
        let fine = json!({"type": 4, "data": {"content": "hello"}});
        assert_eq!(status(&fake, "POST", callback, &fine).await, 204);
        assert_eq!(status(&fake, "POST", &channel, &fine["data"]).await, 200);
        assert!(fake.rejected().is_empty(), "{:?}", fake.rejected());

        let long = json!({"type": 4, "data": {"content": "x".repeat(2001)}});
        assert_eq!(status(&fake, "POST", callback, &long).await, 400);
        let embed = json!({"embeds": [{"description": "d".repeat(4097)}]});
        assert_eq!(status(&fake, "POST", &followup, &embed).await, 400);
        assert_eq!(status(&fake, "PATCH", &original, &embed).await, 400);
        assert_eq!(status(&fake, "POST", &channel, &embed).await, 400);
        let unknown = json!({"type": 42});
        assert_eq!(status(&fake, "POST", callback, &unknown).await, 400);
        let choices: Vec<Value> = (0..26).map(|i| json!({"name": "n", "value": i})).collect();
        let autocomplete = json!({"type": 8, "data": {"choices": choices}});
        assert_eq!(status(&fake, "POST", callback, &autocomplete).await, 400);
        let rejected = fake.rejected();
        assert_eq!(rejected.len(), 6, "{rejected:#?}");
        assert!(
            rejected[0].contains("data.content: Must be 2000 or fewer in length."),
            "{rejected:#?}"
        );
    }
}
