//! The bot end to end: `cargo bench --bench discord`.
//!
//! Starts the release `factdesk run` against the fake Discord of the tests,
//! measures its idle resident memory once connected, then sends 1 000 `/ask`
//! interactions at 200 a second and prints the median, p99 and worst time
//! from the dispatch to the interaction callback arriving at the fake.

use std::collections::HashMap;
use std::path::PathBuf;
use std::process::{Child, Command, Stdio};
use std::time::{Duration, Instant};

use factdesk_core::Engine;
use factdesk_testkit::fake_discord::*;
use factdesk_testkit::process::{memory_kb, percentile};

const INTERACTIONS: usize = 1_000;
const PER_SECOND: u64 = 200;

fn start_bot(fake: &FakeDiscord, dir: &std::path::Path) -> Child {
    let config = dir.join("factdesk.toml");
    std::fs::write(
        &config,
        "[discord]\ncooldown_seconds = 0\nunanswered_log = \"\"\n",
    )
    .unwrap();
    Command::new(env!("CARGO_BIN_EXE_factdesk"))
        .current_dir(dir)
        .env_clear()
        .env("DISCORD_TOKEN", TOKEN)
        .env("FACTDESK_DISCORD_API_URL", fake.api_url())
        .env("RUST_LOG", "warn")
        .arg("--knowledge")
        .arg(PathBuf::from(env!("CARGO_MANIFEST_DIR")).join("knowledge"))
        .arg("--config")
        .arg(&config)
        .arg("run")
        .stdin(Stdio::null())
        .stdout(Stdio::null())
        .stderr(Stdio::inherit())
        .spawn()
        .expect("start factdesk")
}

/// The release bot started against `fake` in a scratch folder, connected
/// and settled; its idle VmRSS in kB.
async fn connected_bot(fake: &FakeDiscord) -> (tempfile::TempDir, Child, u64) {
    let dir = tempfile::tempdir().unwrap();
    let bot = start_bot(fake, dir.path());
    assert!(
        fake.wait_sessions_ready(1, Duration::from_secs(60)).await,
        "the bot did not connect"
    );
    tokio::time::sleep(Duration::from_secs(3)).await;
    let (idle, _) = memory_kb(bot.id());
    (dir, bot, idle)
}

#[tokio::main(flavor = "multi_thread", worker_threads = 2)]
async fn main() {
    let engine = factdesk_store::load(&PathBuf::from(env!("CARGO_MANIFEST_DIR")).join("knowledge"))
        .map(Engine::new)
        .expect("the bundled knowledge loads");
    let questions = sample_questions(&engine, 50);
    let fake = FakeDiscord::start_with(Behaviour::for_load()).await;
    fake.keep_bodies(false);
    let (_dir, mut bot, idle) = connected_bot(&fake).await;
    let pid = bot.id();

    let mut sent = HashMap::new();
    let mut tick = tokio::time::interval(Duration::from_micros(1_000_000 / PER_SECOND));
    for i in 0..INTERACTIONS {
        tick.tick().await;
        let id = fake.next_id();
        let question = &questions[i % questions.len()];
        sent.insert(id, Instant::now());
        fake.dispatch(
            "INTERACTION_CREATE",
            ask_in_guild(id, 10_000 + i as u64, question),
        );
    }
    let callbacks = |fake: &FakeDiscord| {
        fake.with_requests(|rs| {
            rs.iter()
                .filter_map(|r| {
                    let id = r.path.strip_prefix("/api/v10/interactions/")?;
                    let id: u64 = id.split('/').next()?.parse().ok()?;
                    Some((id, r.at, r.body["type"].as_u64()))
                })
                .collect::<Vec<_>>()
        })
    };
    let all = wait_until(Duration::from_secs(120), || {
        callbacks(&fake).len() >= INTERACTIONS
    })
    .await;
    assert!(all, "{} of {INTERACTIONS} answered", callbacks(&fake).len());
    let (after, peak) = memory_kb(pid);
    let done = callbacks(&fake);
    let deferred = done.iter().filter(|c| c.2 == Some(5)).count();
    let mut latencies: Vec<Duration> = done.iter().map(|(id, at, _)| *at - sent[id]).collect();
    latencies.sort();
    let _ = bot.kill();
    let _ = bot.wait();

    println!("factdesk run (release) against the fake Discord, bundled knowledge");
    println!(
        "idle after connecting: VmRSS {:.1} MB",
        idle as f64 / 1024.0
    );
    println!(
        "{INTERACTIONS} /ask at {PER_SECOND}/s, dispatch to callback: median {:.2} ms, p99 {:.2} ms, max {:.2} ms; {deferred} deferred",
        percentile(&latencies, 0.5).as_secs_f64() * 1e3,
        percentile(&latencies, 0.99).as_secs_f64() * 1e3,
        latencies.last().unwrap().as_secs_f64() * 1e3,
    );
    println!(
        "after the load: VmRSS {:.1} MB, peak {:.1} MB",
        after as f64 / 1024.0,
        peak as f64 / 1024.0
    );
    bursts_against_a_slow_api(&engine).await;
}

/// Three bursts of 2 000 `/ask` dispatched at once, against an API whose
/// callbacks take a second: peak memory during each, and resident memory
/// a minute after each.
async fn bursts_against_a_slow_api(engine: &Engine) {
    const BURST: usize = 2_000;
    let questions = sample_questions(engine, 50);
    let fake = FakeDiscord::start_with(Behaviour {
        rest_delay_ms: 1_000,
        ..Behaviour::for_load()
    })
    .await;
    fake.keep_bodies(false);
    let (_dir, mut bot, idle) = connected_bot(&fake).await;
    let pid = bot.id();
    println!(
        "{BURST} /ask at once, callbacks answered after 1 s; idle VmRSS {:.1} MB",
        idle as f64 / 1024.0
    );
    let answered = |fake: &FakeDiscord| {
        fake.with_requests(|rs| {
            rs.iter()
                .filter(|r| r.path.ends_with("/callback") || r.method == "PATCH")
                .count()
        })
    };
    for round in 1..=3 {
        let before = answered(&fake);
        for i in 0..BURST {
            let id = fake.next_id();
            let question = &questions[i % questions.len()];
            fake.dispatch(
                "INTERACTION_CREATE",
                ask_in_guild(id, 50_000 + i as u64, question),
            );
        }
        let peak_rss = std::cell::Cell::new(0);
        let done = wait_until(Duration::from_secs(300), || {
            peak_rss.set(peak_rss.get().max(memory_kb(pid).0));
            answered(&fake) >= before + BURST
        })
        .await;
        let peak_rss = peak_rss.get();
        let (_, peak) = memory_kb(pid);
        tokio::time::sleep(Duration::from_secs(60)).await;
        let (later, _) = memory_kb(pid);
        println!(
            "burst {round}: all answered {done}; VmRSS peak seen {:.1} MB (VmHWM {:.1} MB), a minute later {:.1} MB",
            peak_rss as f64 / 1024.0,
            peak as f64 / 1024.0,
            later as f64 / 1024.0
        );
    }
    let _ = bot.kill();
    let _ = bot.wait();
}
