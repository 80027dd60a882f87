//! `factdesk run` end to end: the real binary against a fake Discord on
//! 127.0.0.1, over serenity's real HTTP and gateway clients.
//!
//! Every test starts its own fake and its own bot process. Waits are
//! generous (a slow CI must pass) and nothing asserts on timings.

#[path = "discord_e2e/conversations.rs"]
mod conversations;
#[path = "discord_e2e/faults.rs"]
mod faults;
#[path = "discord_e2e/load.rs"]
mod load;
#[path = "discord_e2e/messages.rs"]
mod messages;
#[path = "discord_e2e/news.rs"]
mod news;
#[path = "discord_e2e/reload.rs"]
mod reload;
#[path = "discord_e2e/serve.rs"]
mod serve;

use std::io::{BufRead, BufReader, Read};
use std::path::{Path, PathBuf};
use std::process::{Child, Command, ExitStatus, Stdio};
use std::sync::{Arc, Mutex};
use std::time::{Duration, Instant};

use factdesk_core::{Engine, Status};
use factdesk_discord::{gateway::send, render};
use factdesk_testkit::fake_discord::*;
use serde_json::{json, Value};

/// How long to wait for something that must happen.
const WAIT: Duration = Duration::from_secs(90);
/// How long to wait to see that something does not happen.
const QUIET: Duration = Duration::from_secs(3);

/// The tests' own frozen copy of the bundled knowledge.
fn knowledge_dir() -> PathBuf {
    factdesk_testkit::fixture::bundled()
}

fn engine() -> Engine {
    factdesk_testkit::fixture::bundled_engine()
}

/// A question the knowledge base answers.
fn answerable(engine: &Engine) -> String {
    let topics = engine.topics();
    let q = topics
        .iter()
        .flat_map(|t| t.questions.iter())
        .next()
        .expect("the knowledge base has questions")
        .clone();
    assert_eq!(engine.answer(&q).status, Status::Answered, "{q}");
    q
}

/// A question it does not.
fn unanswerable(engine: &Engine) -> String {
    let q = "What is the recipe for the best banana bread in Reykjavik?".to_string();
    assert_eq!(engine.answer(&q).status, Status::Unknown, "{q}");
    q
}

/// A question answered from the middle of a paragraph of the bundled article.
const GUN_QUESTION: &str = "What gun did the South Korean guards use?";
/// That paragraph, verbatim (nothing in it for markdown to escape).
const PARAGRAPH_4: &str = "South Korean military officials said no shots were fired when the \
    solider crossed the border. But around 90 minutes later about 20 rounds from a K-3 machine \
    gun were fired to warn off a patrol of North Korean soldiers who were apparently looking for \
    their comrade.";

const NO_MENTIONS: fn() -> Value =
    || json!({"parse": [], "users": [], "roles": [], "replied_user": false});

#[derive(Default)]
struct Options {
    rust_log: Option<&'static str>,
    config: Option<String>,
    token: Option<&'static str>,
    no_token: bool,
    args: Vec<String>,
    /// The knowledge directory (default: the repository's).
    knowledge: Option<PathBuf>,
    /// Deliberate faults.
    faults: factdesk_testkit::FaultPlan,
    /// Another build of the binary (default: the one cargo built for the tests).
    binary: Option<PathBuf>,
    /// More environment variables.
    env: Vec<(&'static str, String)>,
    /// Another REST base URL than the fake's.
    api_url: Option<String>,
}

/// A `factdesk` process with its output captured. When it is dropped at the
/// end of a test that passed, it checks that the fake it talked to rejected
/// none of its requests (Discord's limits and schema).
struct Bot {
    child: Child,
    output: Arc<Mutex<String>>,
    dir: tempfile::TempDir,
    fake: Option<FakeDiscord>,
}

impl Bot {
    fn start(fake: Option<&FakeDiscord>, options: Options) -> Bot {
        let dir = tempfile::tempdir().unwrap();
        let binary = options
            .binary
            .clone()
            .unwrap_or_else(|| PathBuf::from(env!("CARGO_BIN_EXE_factdesk")));
        let mut cmd = Command::new(binary);
        cmd.current_dir(dir.path())
            .env_clear()
            .env("PATH", std::env::var("PATH").unwrap_or_default())
            .env("RUST_LOG", options.rust_log.unwrap_or("info"))
            .arg("--knowledge")
            .arg(options.knowledge.clone().unwrap_or_else(knowledge_dir))
            .stdin(Stdio::null())
            .stdout(Stdio::piped())
            .stderr(Stdio::piped());
        options.faults.apply(&mut cmd);
        if !options.no_token {
            cmd.env("DISCORD_TOKEN", options.token.unwrap_or(TOKEN));
        }
        if let Some(url) = &options.api_url {
            cmd.env("FACTDESK_DISCORD_API_URL", url);
        } else if let Some(fake) = fake {
            cmd.env("FACTDESK_DISCORD_API_URL", fake.api_url());
        }
        for (name, value) in &options.env {
            cmd.env(name, value);
        }
        if let Some(config) = &options.config {
            let path = dir.path().join("factdesk.toml");
            std::fs::write(&path, config).unwrap();
            cmd.arg("--config").arg(path);
        }
        if options.args.is_empty() {
            cmd.arg("run");
        } else {
            cmd.args(&options.args);
        }
        let mut child = cmd.spawn().expect("start factdesk");
        let output = Arc::new(Mutex::new(String::new()));
        fn pump(from: impl Read + Send + 'static, to: Arc<Mutex<String>>) {
            std::thread::spawn(move || {
                for line in BufReader::new(from).lines() {
                    let Ok(line) = line else { break };
                    let mut out = to.lock().unwrap();
                    out.push_str(&line);
                    out.push('\n');
                }
            });
        }
        pump(child.stdout.take().unwrap(), output.clone());
        pump(child.stderr.take().unwrap(), output.clone());
        Bot {
            child,
            output,
            dir,
            fake: fake.cloned(),
        }
    }

    /// Everything the process printed so far (stdout and stderr).
    fn output(&self) -> String {
        self.output.lock().unwrap().clone()
    }

    fn signal(&self, name: &str) {
        let status = Command::new("kill")
            .arg(format!("-{name}"))
            .arg(self.child.id().to_string())
            .status()
            .unwrap();
        assert!(status.success());
    }

    async fn wait_exit(&mut self, timeout: Duration) -> Option<ExitStatus> {
        let deadline = Instant::now() + timeout;
        loop {
            if let Some(status) = self.child.try_wait().unwrap() {
                // Let the output threads drain the pipes.
                tokio::time::sleep(Duration::from_millis(200)).await;
                return Some(status);
            }
            if Instant::now() >= deadline {
                return None;
            }
            tokio::time::sleep(Duration::from_millis(50)).await;
        }
    }

    /// Log lines holding `text`.
    fn log_lines(&self, text: &str) -> Vec<String> {
        self.output()
            .lines()
            .filter(|l| l.contains(text))
            .map(str::to_string)
            .collect()
    }

    /// Waits until `n` log lines hold `text`.
    async fn wait_log(&self, text: &str, n: usize) {
        if !wait_until(WAIT, || self.log_lines(text).len() >= n).await {
            panic!("no {n} log lines with {text:?}; output:\n{}", self.output());
        }
    }

    fn pid(&self) -> u32 {
        self.child.id()
    }

    fn unanswered_log(&self) -> String {
        std::fs::read_to_string(self.dir.path().join("unanswered.jsonl")).unwrap_or_default()
    }

    /// No event was dropped by serenity, and the fake's payloads were valid.
    fn assert_clean(&self, fake: &FakeDiscord) {
        let out = self.output();
        assert!(
            !out.contains("dropped a gateway event"),
            "serenity dropped an event:\n{out}"
        );
        assert!(fake.errors().is_empty(), "{:#?}", fake.errors());
        assert!(!out.contains("panicked"), "{out}");
    }
}

impl Drop for Bot {
    fn drop(&mut self) {
        if let Ok(None) = self.child.try_wait() {
            let _ = self.child.kill();
            let _ = self.child.wait();
        }
        if std::thread::panicking() {
            return;
        }
        if let Some(fake) = &self.fake {
            let rejected = fake.rejected();
            assert!(
                rejected.is_empty(),
                "Discord would reject these requests with 400:\n{}",
                rejected.join("\n")
            );
        }
    }
}

/// A fake and a bot connected to it.
async fn connected(options: Options) -> (FakeDiscord, Bot) {
    let fake = FakeDiscord::start().await;
    let bot = Bot::start(Some(&fake), options);
    if !fake.wait_sessions_ready(1, WAIT).await {
        panic!("the bot never got READY; its output:\n{}", bot.output());
    }
    (fake, bot)
}

fn is_callback(r: &Request, interaction: u64) -> bool {
    r.method == "POST"
        && r.path
            == format!(
                "/api/v10/interactions/{interaction}/interaction-token-{interaction}/callback"
            )
}

/// Dispatches the interaction `payload(id)` builds, under a fresh id, and waits for its callback.
async fn interact(fake: &FakeDiscord, bot: &Bot, payload: impl FnOnce(u64) -> Value) -> Value {
    let id = fake.next_id();
    fake.dispatch("INTERACTION_CREATE", payload(id));
    callback(fake, bot, id).await
}

/// The reply to `interaction` as a type 4 (or 7) callback body. A reply the
/// bot deferred (a machine so loaded that it was not ready when the
/// interaction was 1.5 s old) is waited for and given in the same form.
async fn callback(fake: &FakeDiscord, bot: &Bot, interaction: u64) -> Value {
    let ready = fake
        .wait_request(WAIT, |r| {
            r.path == original_path(interaction)
                || is_callback(r, interaction) && r.body["type"] != 5
        })
        .await;
    match ready.and_then(|_| reply_of(fake, interaction)) {
        Some(body) => body,
        None => panic!(
            "no reply to interaction {interaction}; bot output:\n{}",
            bot.output()
        ),
    }
}

/// The reply to `interaction` so far, a deferred one as the callback it
/// stands for; `None` when there is none, or it is not one reply.
fn reply_of(fake: &FakeDiscord, interaction: u64) -> Option<Value> {
    match requests_about(fake, interaction).as_slice() {
        [r] if r.body["type"] != 5 => Some(r.body.clone()),
        [deferral, edit] if deferral.body["type"] == 5 && edit.method == "PATCH" => {
            let mut data = deferral.body["data"].clone();
            for key in ["embeds", "components", "allowed_mentions"] {
                data[key] = edit.body[key].clone();
            }
            if let Some(content) = edit.body["content"].as_str().filter(|c| !c.is_empty()) {
                data["content"] = json!(content);
            }
            Some(json!({"type": 4, "data": data}))
        }
        _ => None,
    }
}

/// The path of the edit of interaction `id`'s original response.
fn original_path(id: u64) -> String {
    format!("/api/v10/webhooks/{BOT_ID}/interaction-token-{id}/messages/@original")
}

/// Every request about interaction `id`: its callbacks and edits of its response, in order.
fn requests_about(fake: &FakeDiscord, id: u64) -> Vec<Request> {
    fake.requests()
        .into_iter()
        .filter(|r| is_callback(r, id) || r.path == original_path(id))
        .collect()
}

/// Waits for the deferral of interaction `id` and the edit that follows it;
/// returns both bodies.
async fn deferred(fake: &FakeDiscord, bot: &Bot, id: u64) -> (Value, Value) {
    let path = original_path(id);
    let edit = fake
        .wait_request(WAIT, |r| r.method == "PATCH" && r.path == path)
        .await
        .unwrap_or_else(|| panic!("no edit of {id}'s response; output:\n{}", bot.output()));
    let about = requests_about(fake, id);
    assert_eq!(about.len(), 2, "one deferral, one edit: {about:#?}");
    assert!(
        is_callback(&about[0], id),
        "the deferral comes first: {about:#?}"
    );
    (about[0].body.clone(), edit.body)
}

/// The desk fixture and a bot with no cooldown serving it.
async fn desk_bot() -> (factdesk_testkit::KnowledgeFolder, Engine, FakeDiscord, Bot) {
    serving(factdesk_testkit::fixture::desk()).await
}

/// `folder`, its engine, and a bot with no cooldown serving it.
async fn serving(
    folder: factdesk_testkit::KnowledgeFolder,
) -> (factdesk_testkit::KnowledgeFolder, Engine, FakeDiscord, Bot) {
    let engine = Engine::new(factdesk_store::load(folder.path()).unwrap());
    let (fake, bot) = connected(Options {
        knowledge: Some(folder.path_buf()),
        config: Some("[discord]\ncooldown_seconds = 0\n".into()),
        ..Options::default()
    })
    .await;
    (folder, engine, fake, bot)
}

/// A copy of the fixture knowledge directory, to change.
fn copy_knowledge() -> factdesk_testkit::KnowledgeFolder {
    factdesk_testkit::KnowledgeFolder::copy_of(&knowledge_dir())
}

fn posts_to(fake: &FakeDiscord, channel: u64) -> Vec<Request> {
    let path = format!("/api/v10/channels/{channel}/messages");
    fake.requests()
        .into_iter()
        .filter(|r| r.method == "POST" && r.path == path)
        .collect()
}

/// The reply the bot must send for `question`, as Discord receives it.
fn expected_interaction(engine: &Engine, question: &str, ephemeral: bool) -> Value {
    let reply = render::answer(&engine.answer(question), ephemeral);
    serde_json::to_value(send::interaction_response(&reply)).unwrap()
}

fn expected_embeds(engine: &Engine, question: &str) -> Value {
    let reply = render::answer(&engine.answer(question), false);
    serde_json::to_value(send::channel_message(&reply, None)).unwrap()["embeds"].clone()
}

#[tokio::test(flavor = "multi_thread", worker_threads = 2)]
async fn registers_the_commands_and_answers_slash_commands() {
    let engine = engine();
    let (fake, bot) = connected(Options::default()).await;

    // The schema, registered globally, idempotently (one bulk PUT), by a
    // task of its own that may end after READY.
    let global = format!("/api/v10/applications/{BOT_ID}/commands");
    let put = fake
        .wait_request(WAIT, |r| r.method == "PUT" && r.path == global)
        .await
        .expect("global commands registered");
    let names: Vec<&str> = put
        .body
        .as_array()
        .unwrap()
        .iter()
        .map(|c| c["name"].as_str().unwrap())
        .collect();
    assert_eq!(
        names,
        ["ask", "latest", "topics", "source", "about", "reload"]
    );
    assert_eq!(
        put.body[5]["default_member_permissions"], "0",
        "/reload is hidden from all but administrators in servers"
    );
    let ask = &put.body[0];
    assert_eq!(ask["options"][0]["name"], "question");
    assert_eq!(ask["options"][0]["type"], 3);
    assert_eq!(ask["options"][0]["required"], true);
    assert_eq!(ask["options"][0]["autocomplete"], true);
    assert_eq!(ask["options"][1]["name"], "private");
    assert_eq!(ask["options"][1]["type"], 5);
    assert_eq!(ask["options"][2]["name"], "article");
    assert_eq!(ask["options"][2]["required"], false);
    assert_eq!(ask["options"][2]["autocomplete"], true);
    for c in put.body.as_array().unwrap() {
        assert_eq!(
            c["contexts"],
            json!([0, 1]),
            "usable in guilds and bot DMs: {c}"
        );
    }

    // /ask in a guild: the sourced answer, nobody pinged.
    let question = answerable(&engine);
    let body = interact(&fake, &bot, |id| {
        slash_command(
            id,
            11,
            true,
            "ask",
            vec![option("question", json!(question))],
        )
    })
    .await;
    assert_eq!(body, expected_interaction(&engine, &question, false));
    let answer = engine.answer(&question);
    let embed = &body["data"]["embeds"][0];
    let text = embed.to_string();
    let first_quote_word = answer.sources[0].quote.split_whitespace().last().unwrap();
    assert!(
        embed["description"].as_str().unwrap().contains("\n> "),
        "a block quote: {text}"
    );
    assert!(
        text.contains(&factdesk_discord::render::markdown::escape(
            first_quote_word
        )),
        "{text}"
    );
    assert!(
        embed["footer"]["text"]
            .as_str()
            .unwrap()
            .starts_with("Confidence "),
        "{text}"
    );
    assert_eq!(body["data"]["allowed_mentions"], NO_MENTIONS());
    assert!(body["data"].get("flags").is_none() || body["data"]["flags"] == 0);

    // private:true makes it ephemeral.
    let id = fake.next_id();
    let options = vec![
        option("question", json!(question)),
        option("private", json!(true)),
    ];
    fake.dispatch(
        "INTERACTION_CREATE",
        slash_command(id, 12, false, "ask", options),
    );
    let body = callback(&fake, &bot, id).await;
    assert_eq!(body, expected_interaction(&engine, &question, true));
    assert_eq!(body["data"]["flags"], 64);

    // Autocomplete: at most 25 fitting choices, ranked by the engine.
    let partial: String = question.chars().take(6).collect();
    let body = interact(&fake, &bot, |id| autocomplete(id, 13, &partial)).await;
    assert_eq!(body["type"], 8);
    let choices = body["data"]["choices"].as_array().unwrap();
    assert!(!choices.is_empty() && choices.len() <= 25, "{body}");
    for c in choices {
        assert!(c["name"].as_str().unwrap().chars().count() <= 100);
        assert!(c["value"].as_str().unwrap().chars().count() <= 100);
    }
    let expected: Vec<String> = engine.complete(&partial, 25);
    assert_eq!(
        choices[0]["value"].as_str().unwrap(),
        factdesk_discord::render::markdown::truncate(&expected[0], 100)
    );

    // The "Source" button under an answer shows the whole paragraph its quote
    // stands in (the quote about the gun is the second sentence of paragraph 4).
    let body = interact(&fake, &bot, |id| ask_in_guild(id, 14, GUN_QUESTION)).await;
    assert_eq!(body, expected_interaction(&engine, GUN_QUESTION, false));
    let button_ = &body["data"]["components"][0]["components"][0];
    assert_eq!(button_["label"], "Source", "{body}");
    let custom_id = button_["custom_id"].as_str().unwrap().to_string();
    let body = interact(&fake, &bot, |id| button(id, 14, &custom_id)).await;
    assert_eq!(body["type"], 4, "{body}");
    assert_eq!(body["data"]["flags"], 64, "only the asker sees it: {body}");
    let embed = &body["data"]["embeds"][0];
    assert_eq!(embed["description"], PARAGRAPH_4, "{body}");
    assert_eq!(
        embed["footer"]["text"],
        "Paragraph 4 of nk-soldier-defection"
    );
    assert_eq!(
        embed["title"],
        "Warning shots fired after North Korean soldier defects to South"
    );

    // An unknown question: said plainly, suggestions as buttons, logged for curators.
    let unknown = unanswerable(&engine);
    let body = interact(&fake, &bot, |id| {
        slash_command(
            id,
            15,
            true,
            "ask",
            vec![option("question", json!(unknown))],
        )
    })
    .await;
    assert_eq!(body, expected_interaction(&engine, &unknown, false));
    let suggestions = engine.answer(&unknown).suggestions;
    if !suggestions.is_empty() {
        let first = &body["data"]["components"][0]["components"][0];
        assert_eq!(
            first["label"].as_str().unwrap(),
            factdesk_discord::render::markdown::truncate(&suggestions[0], 80)
        );
        // Pressing it asks the suggestion.
        let body = interact(&fake, &bot, |id| {
            button(id, 16, first["custom_id"].as_str().unwrap())
        })
        .await;
        assert_eq!(body, expected_interaction(&engine, &suggestions[0], false));
    }
    assert!(
        wait_until(WAIT, || !bot.unanswered_log().is_empty()).await,
        "unanswered question not logged"
    );
    let line: Value = serde_json::from_str(bot.unanswered_log().lines().next().unwrap()).unwrap();
    assert_eq!(line["question"], json!(unknown));
    assert_eq!(line["guild"], json!(GUILD_ID.to_string()));
    assert!(line["time"].as_str().unwrap().ends_with('Z'));
    assert_eq!(
        line.as_object().unwrap().len(),
        3,
        "time, guild and question only: {line}"
    );

    // /topics, /source, /about answer within the limits, pinging nobody.
    for name in ["topics", "source", "about"] {
        let body = interact(&fake, &bot, |id| slash_command(id, 17, true, name, vec![])).await;
        assert_eq!(body["type"], 4, "{name}: {body}");
        assert_eq!(body["data"]["allowed_mentions"], NO_MENTIONS());
        assert!(!body["data"]["embeds"][0]["title"]
            .as_str()
            .unwrap()
            .is_empty());
    }

    // /topics turns pages with its buttons, editing the message in place.
    let body = interact(&fake, &bot, |id| {
        slash_command(id, 18, true, "topics", vec![])
    })
    .await;
    let expected = serde_json::to_value(send::interaction_response(&render::topics(
        &engine.topics(),
        0,
    )))
    .unwrap();
    assert_eq!(body, expected);
    let pages = render::topic_pages(&engine.topics()).len();
    assert_eq!(
        body["data"]["components"].as_array().map_or(0, Vec::len),
        usize::from(pages > 1)
    );
    if pages > 1 {
        let next = &body["data"]["components"][0]["components"][1];
        assert_eq!(next["label"], "Next ▶");
        let body = interact(&fake, &bot, |id| {
            button(id, 18, next["custom_id"].as_str().unwrap())
        })
        .await;
        assert_eq!(body["type"], 7, "an update of the message: {body}");
        assert!(body["data"]["embeds"][0]["footer"]["text"]
            .as_str()
            .unwrap()
            .starts_with("Page 2 of "));
    }

    // One log line per question, with no question text and no token.
    let out = bot.output();
    assert!(out.contains("question") && out.contains("micros"), "{out}");
    assert!(!out.contains(&question), "questions are not logged: {out}");
    bot.assert_clean(&fake);
}

#[tokio::test(flavor = "multi_thread", worker_threads = 2)]
async fn answers_direct_messages_and_mentions_only() {
    let engine = engine();
    let question = answerable(&engine);
    let (fake, bot) = connected(Options::default()).await;

    // A direct message is a question; the answer goes to the DM channel.
    let id = fake.next_id();
    fake.dispatch("MESSAGE_CREATE", dm_message(id, 21, &question));
    assert!(
        wait_until(WAIT, || !posts_to(&fake, DM_CHANNEL).is_empty()).await,
        "no DM reply:\n{}",
        bot.output()
    );
    let sent = &posts_to(&fake, DM_CHANNEL)[0].body;
    assert_eq!(sent["embeds"], expected_embeds(&engine, &question));
    assert_eq!(sent["allowed_mentions"], NO_MENTIONS());

    // In a server: a message without a mention is ignored, one with a mention answered.
    let ignored = fake.next_id();
    fake.dispatch(
        "MESSAGE_CREATE",
        guild_message(ignored, 22, &question, false),
    );
    let mentioned = fake.next_id();
    fake.dispatch(
        "MESSAGE_CREATE",
        guild_message(mentioned, 23, &format!("<@{BOT_ID}> {question}"), true),
    );
    assert!(
        wait_until(WAIT, || !posts_to(&fake, GUILD_CHANNEL).is_empty()).await,
        "no reply:\n{}",
        bot.output()
    );
    tokio::time::sleep(QUIET).await;
    let posts = posts_to(&fake, GUILD_CHANNEL);
    assert_eq!(posts.len(), 1, "only the mention is answered: {posts:#?}");
    assert_eq!(
        posts[0].body["message_reference"]["message_id"],
        json!(mentioned.to_string())
    );
    assert_eq!(posts[0].body["embeds"], expected_embeds(&engine, &question));
    assert_eq!(posts[0].body["allowed_mentions"], NO_MENTIONS());

    // A question holding @everyone and a user mention pings nobody.
    let nasty = format!("@everyone <@123> <@&456> {question}");
    let id = fake.next_id();
    fake.dispatch("MESSAGE_CREATE", dm_message(id, 24, &nasty));
    let body = interact(&fake, &bot, |id| {
        slash_command(id, 25, true, "ask", vec![option("question", json!(nasty))])
    })
    .await;
    assert_eq!(body["data"]["allowed_mentions"], NO_MENTIONS());
    let echoed = body["data"]["embeds"][0]["description"].as_str().unwrap();
    assert!(
        echoed.contains(r"\@everyone \<\@123> \<\@&456>"),
        "escaped echo: {echoed}"
    );
    assert!(
        wait_until(WAIT, || posts_to(&fake, DM_CHANNEL).len() == 2).await,
        "{}",
        bot.output()
    );
    for post in posts_to(&fake, DM_CHANNEL)
        .iter()
        .chain(&posts_to(&fake, GUILD_CHANNEL))
    {
        assert_eq!(post.body["allowed_mentions"], NO_MENTIONS(), "{post:?}");
    }

    // The bot never asked Discord to open a DM channel: it answers in the DM's channel.
    assert!(!fake
        .requests()
        .iter()
        .any(|r| r.path == "/api/v10/users/@me/channels"));
    bot.assert_clean(&fake);
}

#[tokio::test(flavor = "multi_thread", worker_threads = 2)]
async fn reconnects_when_the_gateway_closes() {
    let engine = engine();
    let question = answerable(&engine);
    let (fake, bot) = connected(Options::default()).await;
    let identifies = fake.frames_with_op(2).len();

    // Heartbeats are acknowledged: a second one means the first got its ack
    // (serenity reconnects instead when an ack is missing).
    assert!(
        wait_until(WAIT, || fake.frames_with_op(1).len() >= 2).await,
        "no heartbeats:\n{}",
        bot.output()
    );
    assert_eq!(
        fake.connections(),
        1,
        "no reconnection while heartbeats are acknowledged"
    );

    fake.close_gateway(4000);
    if !fake.wait_sessions_ready(2, WAIT).await {
        panic!("the bot did not reconnect; its output:\n{}", bot.output());
    }
    assert!(fake.connections() >= 2);
    let resumed = fake.frames_with_op(6).len() + fake.frames_with_op(2).len() - identifies;
    assert!(resumed >= 1, "a RESUME or a new IDENTIFY after the close");

    let id = fake.next_id();
    fake.dispatch("MESSAGE_CREATE", dm_message(id, 31, &question));
    assert!(
        wait_until(WAIT, || !posts_to(&fake, DM_CHANNEL).is_empty()).await,
        "no answer after reconnecting:\n{}",
        bot.output()
    );
    assert_eq!(
        posts_to(&fake, DM_CHANNEL)[0].body["embeds"],
        expected_embeds(&engine, &question)
    );
    bot.assert_clean(&fake);
}

#[tokio::test(flavor = "multi_thread", worker_threads = 2)]
async fn sigterm_shuts_down_cleanly_and_the_token_is_never_logged() {
    let engine = engine();
    let (fake, mut bot) = connected(Options {
        rust_log: Some("debug"),
        ..Options::default()
    })
    .await;
    let id = fake.next_id();
    fake.dispatch("MESSAGE_CREATE", dm_message(id, 41, &answerable(&engine)));
    let id = fake.next_id();
    fake.dispatch("MESSAGE_CREATE", dm_message(id, 42, &unanswerable(&engine)));
    assert!(
        wait_until(WAIT, || posts_to(&fake, DM_CHANNEL).len() == 2).await,
        "{}",
        bot.output()
    );

    bot.signal("TERM");
    let status = bot
        .wait_exit(WAIT)
        .await
        .expect("the bot exits after SIGTERM");
    assert_eq!(status.code(), Some(0), "{}", bot.output());
    let out = bot.output();
    assert!(out.contains("SIGTERM"), "{out}");
    assert!(out.contains("DEBUG"), "ran at debug level: {out}");
    assert!(!out.contains(TOKEN), "the token leaked into the log");
    let secret = TOKEN.rsplit('.').next().unwrap();
    assert!(
        !out.contains(secret),
        "part of the token leaked into the log"
    );
    // The unanswered log holds the question but nothing about the user.
    let log = bot.unanswered_log();
    assert_eq!(log.lines().count(), 1, "{log}");
    let line: Value = serde_json::from_str(log.trim()).unwrap();
    let mut keys: Vec<&String> = line.as_object().unwrap().keys().collect();
    keys.sort();
    assert_eq!(keys, ["guild", "question", "time"], "{log}");
    assert_eq!(line["guild"], Value::Null, "a DM has no guild: {log}");
    assert!(!log.contains("asker"), "{log}");
    bot.assert_clean(&fake);
}

#[tokio::test(flavor = "multi_thread", worker_threads = 2)]
async fn sigint_shuts_down_cleanly() {
    let (fake, mut bot) = connected(Options::default()).await;
    bot.signal("INT");
    let status = bot
        .wait_exit(WAIT)
        .await
        .expect("the bot exits after SIGINT");
    assert_eq!(status.code(), Some(0), "{}", bot.output());
    bot.assert_clean(&fake);
}

#[tokio::test(flavor = "multi_thread", worker_threads = 2)]
async fn cooldown_sends_a_polite_ephemeral_notice() {
    let engine = engine();
    let question = answerable(&engine);
    let config = "[discord]\ncooldown_seconds = 600\n".to_string();
    let (fake, bot) = connected(Options {
        config: Some(config),
        ..Options::default()
    })
    .await;
    let ask = |id| {
        slash_command(
            id,
            51,
            true,
            "ask",
            vec![option("question", json!(question))],
        )
    };
    let first = fake.next_id();
    fake.dispatch("INTERACTION_CREATE", ask(first));
    let body = callback(&fake, &bot, first).await;
    assert_eq!(body, expected_interaction(&engine, &question, false));
    let second = fake.next_id();
    fake.dispatch("INTERACTION_CREATE", ask(second));
    let body = callback(&fake, &bot, second).await;
    assert_eq!(body["data"]["flags"], 64, "{body}");
    assert!(
        body["data"]["content"]
            .as_str()
            .unwrap()
            .contains("you can ask again in"),
        "{body}"
    );
    assert_eq!(body["data"]["allowed_mentions"], NO_MENTIONS());
    bot.assert_clean(&fake);
}

#[tokio::test(flavor = "multi_thread", worker_threads = 2)]
async fn a_token_rejected_by_the_api_is_a_clear_error() {
    let fake = FakeDiscord::start_with(Behaviour {
        reject_token_rest: true,
        ..Behaviour::default()
    })
    .await;
    let mut bot = Bot::start(Some(&fake), Options::default());
    let status = bot
        .wait_exit(WAIT)
        .await
        .expect("exits instead of retrying");
    assert_eq!(status.code(), Some(2));
    let out = bot.output();
    assert!(
        out.contains("factdesk: Discord rejected the bot token (401 Unauthorized)"),
        "{out}"
    );
    assert!(!out.contains(TOKEN) && !out.contains("panicked"), "{out}");
    assert_eq!(
        fake.connections(),
        0,
        "no gateway connection with a rejected token"
    );
}

#[tokio::test(flavor = "multi_thread", worker_threads = 2)]
async fn a_token_rejected_by_the_gateway_is_a_clear_error() {
    let fake = FakeDiscord::start_with(Behaviour {
        reject_token_gateway: true,
        ..Behaviour::default()
    })
    .await;
    let mut bot = Bot::start(Some(&fake), Options::default());
    let status = bot
        .wait_exit(WAIT)
        .await
        .expect("exits instead of retrying");
    assert_eq!(status.code(), Some(2), "{}", bot.output());
    let out = bot.output();
    assert!(
        out.contains("factdesk: Discord rejected the bot token"),
        "{out}"
    );
    assert!(out.contains("4004"), "{out}");
    assert_eq!(
        fake.frames_with_op(2).len(),
        1,
        "identified once, no retry loop"
    );
    assert!(!out.contains(TOKEN) && !out.contains("panicked"), "{out}");
}

#[tokio::test(flavor = "multi_thread", worker_threads = 2)]
async fn a_missing_token_is_a_one_line_error() {
    let mut bot = Bot::start(
        None,
        Options {
            no_token: true,
            ..Options::default()
        },
    );
    let status = bot.wait_exit(WAIT).await.expect("exits at once");
    assert_eq!(status.code(), Some(2));
    assert_eq!(
        bot.output(),
        "factdesk: no Discord token: set DISCORD_TOKEN or [discord] token in the config\n"
    );
}

#[tokio::test(flavor = "multi_thread", worker_threads = 2)]
async fn guild_id_registers_the_commands_in_one_guild() {
    let config = format!("[discord]\nguild_id = {GUILD_ID}\n");
    let (fake, bot) = connected(Options {
        config: Some(config),
        ..Options::default()
    })
    .await;
    let path = format!("/api/v10/applications/{BOT_ID}/guilds/{GUILD_ID}/commands");
    let put = fake
        .wait_request(WAIT, |r| r.method == "PUT" && r.path == path)
        .await
        .expect("guild commands");
    assert_eq!(put.body.as_array().unwrap().len(), 6);
    assert!(!fake
        .requests()
        .iter()
        .any(|r| r.path == format!("/api/v10/applications/{BOT_ID}/commands")));
    bot.assert_clean(&fake);
}

#[tokio::test(flavor = "multi_thread", worker_threads = 2)]
async fn a_shard_range_identifies_its_shards_only() {
    let config = "[discord.shards]\ntotal = 3\nfirst = 1\nlast = 2\n".to_string();
    let (fake, bot) = connected(Options {
        config: Some(config),
        ..Options::default()
    })
    .await;
    let ok = wait_until(WAIT, || fake.frames_with_op(2).len() >= 2).await;
    assert!(ok, "two shards identify:\n{}", bot.output());
    let mut shards: Vec<Value> = fake
        .frames_with_op(2)
        .iter()
        .map(|f| f["d"]["shard"].clone())
        .collect();
    shards.sort_by_key(|s| s[0].as_u64());
    assert_eq!(shards, [json!([1, 3]), json!([2, 3])]);
    assert!(
        !fake
            .requests()
            .iter()
            .any(|r| r.path == "/api/v10/gateway/bot"),
        "no autosharding"
    );
    assert!(
        bot.output().contains("receives no direct messages"),
        "{}",
        bot.output()
    );
    bot.assert_clean(&fake);
}

#[tokio::test(flavor = "multi_thread", worker_threads = 2)]
async fn invite_prints_the_oauth2_url() {
    let mut bot = Bot::start(
        None,
        Options {
            args: vec!["invite".into()],
            ..Options::default()
        },
    );
    let status = bot.wait_exit(WAIT).await.unwrap();
    assert_eq!(status.code(), Some(0), "{}", bot.output());
    assert_eq!(
        bot.output().trim(),
        format!(
            "https://discord.com/oauth2/authorize?client_id={BOT_ID}&scope=bot+applications.commands&permissions=274877991936"
        )
    );
}

#[test]
fn the_fakes_payloads_deserialize_in_serenity() {
    use serenity::all::{CurrentApplicationInfo, CurrentUser, GatewayEvent, Message};
    serde_json::from_value::<CurrentUser>(bot_user()).unwrap();
    serde_json::from_value::<CurrentApplicationInfo>(application()).unwrap();
    serde_json::from_value::<Message>(dm_message(1, 2, "hi")).unwrap();
    let frames = [
        ("MESSAGE_CREATE", guild_message(1, 2, "hi", true)),
        (
            "INTERACTION_CREATE",
            slash_command(3, 4, true, "ask", vec![option("question", json!("q"))]),
        ),
        (
            "INTERACTION_CREATE",
            slash_command(3, 4, false, "ask", vec![option("private", json!(true))]),
        ),
        ("INTERACTION_CREATE", autocomplete(5, 6, "wh")),
        ("INTERACTION_CREATE", button(7, 8, "ask:q")),
    ];
    for (t, d) in frames {
        let event =
            serde_json::from_value::<GatewayEvent>(json!({"op": 0, "s": 1, "t": t, "d": d}))
                .unwrap_or_else(|e| panic!("{t}: {e}"));
        let GatewayEvent::Dispatch(_, event) = event else {
            panic!("{t}")
        };
        assert!(!format!("{event:?}").starts_with("Unknown"), "{t}");
    }
}
