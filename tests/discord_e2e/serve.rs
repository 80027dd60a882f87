//! `factdesk serve` end to end: the real binary behind its HTTP
//! interactions endpoint, with requests signed by a test key pair as
//! Discord signs them, and the fake Discord for REST (registration,
//! deferred replies).

use std::net::SocketAddr;
use std::sync::atomic::{AtomicUsize, Ordering};
use std::sync::Arc;

use factdesk_testkit::signed::{self, Client, Signer};

use super::*;

/// Starts `factdesk serve` on a free port; returns the process and its address.
async fn serve(fake: Option<&FakeDiscord>, mut options: Options) -> (Bot, SocketAddr) {
    options
        .env
        .push(("DISCORD_PUBLIC_KEY", Signer::default().public_key()));
    options.args = vec!["serve".into(), "--listen".into(), "127.0.0.1:0".into()];
    if options.config.is_none() {
        options.config = Some("[discord]\ncooldown_seconds = 0\n".into());
    }
    let bot = Bot::start(fake, options);
    bot.wait_log("serving the interactions endpoint", 1).await;
    let line = bot.log_lines("serving the interactions endpoint").remove(0);
    let addr = line
        .split("address=")
        .nth(1)
        .and_then(|rest| rest.split_whitespace().next())
        .and_then(|a| a.parse().ok())
        .unwrap_or_else(|| panic!("no address in {line:?}"));
    (bot, addr)
}

/// A REST base URL where nothing listens.
fn unreachable_api() -> String {
    let listener = std::net::TcpListener::bind("127.0.0.1:0").unwrap();
    let url = format!("http://{}", listener.local_addr().unwrap());
    drop(listener);
    url
}

#[tokio::test(flavor = "multi_thread", worker_threads = 2)]
async fn serve_answers_pings_and_questions_and_refuses_unsigned_requests() {
    // The REST API is unreachable: nothing the endpoint answers needs it.
    let ids = FakeDiscord::start().await;
    let (bot, addr) = serve(
        None,
        Options {
            api_url: Some(unreachable_api()),
            ..Options::default()
        },
    )
    .await;
    let client = Client::new(addr, Signer::default());
    let engine = engine();

    let health = client.get("/healthz").await;
    assert_eq!(health.status, 200, "{health:?}");
    assert_eq!(health.body["status"], "ok");
    assert_eq!(health.body["articles"], 1);

    let pong = client.post(&json!({"type": 1, "id": "1", "token": "t", "application_id": BOT_ID.to_string(), "version": 1})).await;
    assert_eq!((pong.status, &pong.body), (200, &json!({"type": 1})));

    let question = answerable(&engine);
    let asked = slash_command(
        ids.next_id(),
        51,
        true,
        "ask",
        vec![option("question", json!(question))],
    );
    let answer = client.post(&asked).await;
    assert_eq!(answer.status, 200, "{answer:?}");
    assert_eq!(answer.body, expected_interaction(&engine, &question, false));
    assert_eq!(answer.body["data"]["allowed_mentions"], NO_MENTIONS());

    // Refusals, each before any work.
    let body = asked.to_string().into_bytes();
    let ts = signed::now().to_string();
    let good = Signer::default().sign(&ts, &body);
    let forged = Signer::new(7).sign(&ts, &body);
    let unsigned = client.post_raw(None, Some(&ts), body.clone()).await;
    assert_eq!(unsigned.status, 401, "{unsigned:?}");
    let untimed = client.post_raw(Some(&good), None, body.clone()).await;
    assert_eq!(untimed.status, 401, "{untimed:?}");
    let wrong = client
        .post_raw(Some(&forged), Some(&ts), body.clone())
        .await;
    assert_eq!(wrong.status, 401, "{wrong:?}");
    let mut altered = body.clone();
    altered.push(b' ');
    let tampered = client.post_raw(Some(&good), Some(&ts), altered).await;
    assert_eq!(tampered.status, 401, "{tampered:?}");
    let old = (signed::now() - 6 * 60).to_string();
    let replayed = client
        .post_raw(
            Some(&Signer::default().sign(&old, &body)),
            Some(&old),
            body.clone(),
        )
        .await;
    assert_eq!(replayed.status, 401, "{replayed:?}");
    assert!(
        replayed.body.as_str().unwrap().contains("5 minutes"),
        "{replayed:?}"
    );
    let junk = b"{\"type\": 2, \"data\": 5}".to_vec();
    let malformed = client
        .post_raw(Some(&Signer::default().sign(&ts, &junk)), Some(&ts), junk)
        .await;
    assert_eq!(malformed.status, 400, "{malformed:?}");
    let huge = vec![b' '; 300 * 1024];
    let oversized = client
        .post_raw(Some(&Signer::default().sign(&ts, &huge)), Some(&ts), huge)
        .await;
    assert_eq!(oversized.status, 413, "{oversized:?}");

    // Registration fails (nothing listens) and is retried, loudly.
    bot.wait_log("cannot register the slash commands", 1).await;
    let warned = bot.log_lines("cannot register the slash commands");
    assert!(warned[0].contains("WARN"), "{warned:?}");
    let refusals = bot.log_lines("refused a request to the interactions endpoint");
    assert!(
        refusals.len() >= 5 && refusals.iter().all(|l| l.contains("WARN")),
        "{}",
        bot.output()
    );
    let out = bot.output();
    assert!(!out.contains("panicked"), "{out}");
    assert!(!out.contains(TOKEN), "the token leaked into the log");
}

#[tokio::test(flavor = "multi_thread", worker_threads = 2)]
async fn serve_replies_exactly_as_the_gateway_does() {
    let engine = engine();
    let (fake, gateway) = connected(Options {
        config: Some("[discord]\ncooldown_seconds = 0\n".into()),
        ..Options::default()
    })
    .await;
    let (endpoint, addr) = serve(Some(&fake), Options::default()).await;
    let client = Client::new(addr, Signer::default());
    let question = answerable(&engine);
    let article = "nk-soldier-defection";
    type Payload<'a> = Box<dyn Fn(u64) -> Value + 'a>;
    let payloads: Vec<(&str, Payload)> = vec![
        (
            "/ask",
            Box::new(|id| {
                slash_command(
                    id,
                    61,
                    true,
                    "ask",
                    vec![option("question", json!(question))],
                )
            }),
        ),
        (
            "/ask private",
            Box::new(|id| {
                slash_command(
                    id,
                    62,
                    true,
                    "ask",
                    vec![
                        option("question", json!(question)),
                        option("private", json!(true)),
                    ],
                )
            }),
        ),
        (
            "/ask in a DM",
            Box::new(|id| {
                slash_command(
                    id,
                    63,
                    false,
                    "ask",
                    vec![option(
                        "question",
                        json!("What gun did the South Korean guards use?"),
                    )],
                )
            }),
        ),
        (
            "/ask article:",
            Box::new(|id| {
                slash_command(
                    id,
                    64,
                    true,
                    "ask",
                    vec![
                        option("question", json!("how old was he?")),
                        option("article", json!(article)),
                    ],
                )
            }),
        ),
        (
            "/ask unanswerable",
            Box::new(|id| {
                slash_command(
                    id,
                    65,
                    true,
                    "ask",
                    vec![option("question", json!(unanswerable(&engine)))],
                )
            }),
        ),
        (
            "/ask empty",
            Box::new(|id| {
                slash_command(id, 66, true, "ask", vec![option("question", json!("  "))])
            }),
        ),
        (
            "/topics",
            Box::new(|id| slash_command(id, 67, true, "topics", vec![])),
        ),
        (
            "/source",
            Box::new(|id| {
                slash_command(
                    id,
                    68,
                    true,
                    "source",
                    vec![option("question", json!(question))],
                )
            }),
        ),
        (
            "/about",
            Box::new(|id| slash_command(id, 69, true, "about", vec![])),
        ),
        (
            "/latest",
            Box::new(|id| slash_command(id, 70, true, "latest", vec![])),
        ),
        ("autocomplete", Box::new(|id| autocomplete(id, 71, "warn"))),
        (
            "autocomplete article",
            Box::new(|id| autocomplete_option(id, 72, "article", "defect")),
        ),
        (
            "suggestion button",
            Box::new(|id| button(id, 73, &format!("ask:{question}"))),
        ),
        (
            "topics page button",
            Box::new(|id| button(id, 74, "topics:1")),
        ),
        (
            "source button",
            Box::new(|id| button(id, 75, &format!("src:3:{article}"))),
        ),
        (
            "story button",
            Box::new(|id| button(id, 76, &format!("story:{article}|who fired?"))),
        ),
        (
            "unknown button",
            Box::new(|id| button(id, 77, "nothing-we-made")),
        ),
    ];
    for (what, payload) in &payloads {
        let over_gateway = interact(&fake, &gateway, payload).await;
        let over_http = client.post(&payload(fake.next_id())).await;
        assert_eq!(over_http.status, 200, "{what}: {over_http:?}");
        assert_eq!(
            over_http.body, over_gateway,
            "{what}: the endpoint and the gateway differ"
        );
        if over_http.body["type"] != 8 {
            assert_eq!(
                over_http.body["data"]["allowed_mentions"],
                NO_MENTIONS(),
                "{what}"
            );
        }
    }
    let out = endpoint.output();
    assert!(
        !out.contains("panicked") && !out.contains(" WARN "),
        "{out}"
    );
    gateway.assert_clean(&fake);
}

#[tokio::test(flavor = "multi_thread", worker_threads = 2)]
async fn serve_defers_a_slow_reply_and_sends_it_by_rest_through_failures() {
    let engine = engine();
    let fake = FakeDiscord::start().await;
    let (mut endpoint, addr) = serve(
        Some(&fake),
        Options {
            faults: factdesk_testkit::FaultPlan {
                slow_ms: Some(2_500),
                ..Default::default()
            },
            ..Options::default()
        },
    )
    .await;
    let client = Client::new(addr, Signer::default());
    // The edit meets a 500, then a 429 with Retry-After, then goes through.
    fake.fail_next_edits(&[500, 429]);
    let question = answerable(&engine);
    let id = fake.next_id();
    let answer = client
        .post(&slash_command(
            id,
            81,
            true,
            "ask",
            vec![option("question", json!(question))],
        ))
        .await;
    assert_eq!(
        (answer.status, &answer.body["type"]),
        (200, &json!(5)),
        "{answer:?}"
    );
    // SIGTERM while the reply is still being prepared: it is sent, then the process ends.
    endpoint.signal("TERM");
    let path = original_path(id);
    let tries = || -> Vec<Request> {
        fake.requests()
            .into_iter()
            .filter(|r| r.method == "PATCH" && r.path == path)
            .collect()
    };
    assert!(
        wait_until(WAIT, || tries().len() >= 3).await,
        "{}",
        endpoint.output()
    );
    let tries = tries();
    assert_eq!(tries.len(), 3, "a 500, a 429, then the edit: {tries:#?}");
    let expected = expected_interaction(&engine, &question, false);
    assert_eq!(tries[2].body["embeds"], expected["data"]["embeds"]);
    assert_eq!(tries[2].body["allowed_mentions"], NO_MENTIONS());
    let status = endpoint
        .wait_exit(WAIT)
        .await
        .expect("serve exits after SIGTERM");
    assert_eq!(status.code(), Some(0), "{}", endpoint.output());
    let out = endpoint.output();
    assert!(
        out.contains("sent a deferred reply after retrying"),
        "{out}"
    );
    assert!(out.contains("shut down cleanly"), "{out}");
}

#[tokio::test(flavor = "multi_thread", worker_threads = 2)]
async fn serve_keeps_answering_while_registration_fails() {
    let engine = engine();
    let fake = FakeDiscord::start_with(Behaviour {
        reject_registrations: 2,
        ..Behaviour::default()
    })
    .await;
    let (endpoint, addr) = serve(Some(&fake), Options::default()).await;
    let client = Client::new(addr, Signer::default());
    let question = answerable(&engine);
    let answer = client
        .post(&slash_command(
            fake.next_id(),
            91,
            true,
            "ask",
            vec![option("question", json!(question))],
        ))
        .await;
    assert_eq!(answer.body, expected_interaction(&engine, &question, false));
    // Two rejections with Discord's reason, then the commands are registered.
    endpoint.wait_log("registered the slash commands", 1).await;
    let failures = endpoint.log_lines("cannot register the slash commands");
    assert_eq!(failures.len(), 2, "{}", endpoint.output());
    assert!(failures[0].contains("Invalid Form Body"), "{failures:?}");
    let puts = fake
        .requests()
        .into_iter()
        .filter(|r| r.method == "PUT" && r.path.ends_with("/commands"))
        .count();
    assert_eq!(puts, 3);
}

#[tokio::test(flavor = "multi_thread", worker_threads = 2)]
async fn run_keeps_answering_direct_messages_while_registration_fails() {
    let engine = engine();
    let fake = FakeDiscord::start_with(Behaviour {
        reject_registrations: u64::MAX,
        ..Behaviour::default()
    })
    .await;
    let mut bot = Bot::start(Some(&fake), Options::default());
    assert!(fake.wait_sessions_ready(1, WAIT).await, "{}", bot.output());
    let id = fake.next_id();
    fake.dispatch("MESSAGE_CREATE", dm_message(id, 95, &answerable(&engine)));
    assert!(
        wait_until(WAIT, || posts_to(&fake, DM_CHANNEL).len() == 1).await,
        "{}",
        bot.output()
    );
    bot.wait_log("cannot register the slash commands", 2).await;
    assert!(bot.log_lines("cannot register the slash commands")[0].contains("WARN"));
    assert!(
        bot.child.try_wait().unwrap().is_none(),
        "the bot keeps running"
    );
}

#[tokio::test(flavor = "multi_thread", worker_threads = 2)]
async fn two_serve_processes_behind_a_balancer_lose_nothing() {
    let engine = engine();
    let fake = FakeDiscord::start().await;
    let debug = Options {
        rust_log: Some("info,factdesk_discord::endpoint=debug"),
        ..Options::default()
    };
    let (first, a) = serve(Some(&fake), debug).await;
    let debug = Options {
        rust_log: Some("info,factdesk_discord::endpoint=debug"),
        ..Options::default()
    };
    let (second, b) = serve(Some(&fake), debug).await;
    let front = signed::balancer(vec![a, b]).await;
    let questions = sample_questions(&engine, 20);
    let answered = Arc::new(AtomicUsize::new(0));
    let mut tasks = Vec::new();
    const N: usize = 400;
    for i in 0..N {
        // A client per request: a new connection each, so the balancer spreads them.
        let client = Client::new(front, Signer::default());
        let id = fake.next_id();
        let (payload, want) = match i % 4 {
            0 => (
                json!({"type": 1, "id": id.to_string(), "token": "t", "application_id": BOT_ID.to_string(), "version": 1}),
                1,
            ),
            1 => (autocomplete(id, 100 + i as u64, "shot"), 8),
            2 => (slash_command(id, 100 + i as u64, true, "topics", vec![]), 4),
            _ => (
                slash_command(
                    id,
                    100 + i as u64,
                    true,
                    "ask",
                    vec![option("question", json!(questions[i % questions.len()]))],
                ),
                4,
            ),
        };
        let answered = answered.clone();
        tasks.push(tokio::spawn(async move {
            let got = client.post(&payload).await;
            assert_eq!(got.status, 200, "{got:?}");
            // A reply deferred on a loaded machine is type 5, and follows by REST.
            let kind = got.body["type"].as_u64().unwrap();
            assert!(kind == want || kind == 5, "{payload} got {got:?}");
            answered.fetch_add(1, Ordering::SeqCst);
        }));
    }
    for t in tasks {
        t.await.unwrap();
    }
    assert_eq!(answered.load(Ordering::SeqCst), N);
    let served = |bot: &Bot| bot.log_lines("an interaction").len();
    // The log lines reach the test through a thread reading each process's
    // output: the last of them may follow the last reply.
    wait_until(WAIT, || served(&first) + served(&second) >= N - N / 4).await;
    let (x, y) = (served(&first), served(&second));
    assert_eq!(
        x + y,
        N - N / 4,
        "every interaction but the pings was read once"
    );
    assert!(x > 0 && y > 0, "both processes served: {x} and {y}");
}

#[tokio::test(flavor = "multi_thread", worker_threads = 2)]
async fn serve_answers_a_burst_of_2000_concurrent_questions_with_the_api_unreachable() {
    let engine = engine();
    let ids = FakeDiscord::start().await;
    let (endpoint, addr) = serve(
        None,
        Options {
            api_url: Some(unreachable_api()),
            ..Options::default()
        },
    )
    .await;
    let client = Client::new(addr, Signer::default());
    let questions = sample_questions(&engine, 50);
    const N: usize = 2_000;
    let mut tasks = Vec::new();
    for i in 0..N {
        let payload = slash_command(
            ids.next_id(),
            1_000 + i as u64,
            true,
            "ask",
            vec![option("question", json!(questions[i % questions.len()]))],
        );
        let client = client.clone();
        tasks.push(tokio::spawn(async move { client.post(&payload).await }));
    }
    let (mut answered, mut deferred) = (0, 0);
    for t in tasks {
        let got = t.await.unwrap();
        assert_eq!(got.status, 200, "{got:?}");
        match got.body["type"].as_u64() {
            Some(4) => answered += 1,
            Some(5) => deferred += 1,
            other => panic!("response type {other:?}: {got:?}"),
        }
    }
    assert_eq!(answered + deferred, N);
    println!(
        "{N} concurrent /ask: {answered} answered in the response, {deferred} deferred; serve VmRSS {} kB",
        factdesk_testkit::process::memory_kb(endpoint.pid()).0
    );
    let health = client.get("/healthz").await;
    assert_eq!(health.status, 200, "still serving after the burst");
}
