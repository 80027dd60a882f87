//! `factdesk serve` beside `factdesk run`: `cargo bench --bench serve`.
//!
//! Both release processes serve the bundled knowledge on 127.0.0.1 in the
//! same run. The endpoint gets 10 000 signed `/ask` from 32 concurrent
//! clients (each waits for its answer before the next request); the
//! gateway bot gets 10 000 `/ask` dispatched by the fake Discord in waves
//! of 32, each wave waiting for its callbacks. Prints the throughput, the
//! median and p99 time from sending to the reply, and resident memory.

use std::collections::HashMap;
use std::net::SocketAddr;
use std::path::PathBuf;
use std::process::{Child, Command, Stdio};
use std::sync::{Arc, Mutex};
use std::time::{Duration, Instant};

use factdesk_core::Engine;
use factdesk_testkit::fake_discord::*;
use factdesk_testkit::process::{memory_kb, percentile};
use factdesk_testkit::signed::{Client, Signer};
use serde_json::json;

const REQUESTS: usize = 10_000;
const CONCURRENCY: usize = 32;

/// VmRSS and VmHWM (peak), in MB.
fn memory_mb(pid: u32) -> (f64, f64) {
    let (rss, peak) = memory_kb(pid);
    (rss as f64 / 1024.0, peak as f64 / 1024.0)
}

fn start(fake: &FakeDiscord, dir: &std::path::Path, args: &[&str]) -> Child {
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
        .env("DISCORD_PUBLIC_KEY", Signer::default().public_key())
        .env("FACTDESK_DISCORD_API_URL", fake.api_url())
        .env("RUST_LOG", "warn")
        .arg("--knowledge")
        .arg(PathBuf::from(env!("CARGO_MANIFEST_DIR")).join("knowledge"))
        .arg("--config")
        .arg(&config)
        .args(args)
        .stdin(Stdio::null())
        .stdout(Stdio::null())
        .stderr(Stdio::inherit())
        .spawn()
        .expect("start factdesk")
}

fn percentile_ms(sorted: &[Duration], p: f64) -> f64 {
    percentile(sorted, p).as_secs_f64() * 1e3
}

fn report(what: &str, mut latencies: Vec<Duration>, wall: Duration, memory: [(f64, f64); 2]) {
    latencies.sort();
    println!(
        "{what}: {REQUESTS} /ask, {:.0} a second; median {:.2} ms, p99 {:.2} ms; VmRSS idle {:.1} MB, after {:.1} MB (peak {:.1} MB)",
        REQUESTS as f64 / wall.as_secs_f64(),
        percentile_ms(&latencies, 0.5),
        percentile_ms(&latencies, 0.99),
        memory[0].0,
        memory[1].0,
        memory[1].1,
    );
}

async fn bench_serve(fake: &FakeDiscord, questions: &[String]) {
    let dir = tempfile::tempdir().unwrap();
    let port = std::net::TcpListener::bind("127.0.0.1:0")
        .unwrap()
        .local_addr()
        .unwrap()
        .port();
    let addr: SocketAddr = format!("127.0.0.1:{port}").parse().unwrap();
    let mut child = start(fake, dir.path(), &["serve", "--listen", &addr.to_string()]);
    let client = Client::new(addr, Signer::default());
    let deadline = Instant::now() + Duration::from_secs(60);
    while tokio::net::TcpStream::connect(addr).await.is_err() {
        assert!(Instant::now() < deadline, "serve did not start");
        tokio::time::sleep(Duration::from_millis(50)).await;
    }
    tokio::time::sleep(Duration::from_secs(2)).await;
    let idle = memory_mb(child.id());
    let latencies = Arc::new(Mutex::new(Vec::with_capacity(REQUESTS)));
    let started = Instant::now();
    let mut workers = Vec::new();
    for w in 0..CONCURRENCY {
        let (client, fake, latencies) = (client.clone(), fake.clone(), latencies.clone());
        let questions = questions.to_vec();
        workers.push(tokio::spawn(async move {
            for i in (w..REQUESTS).step_by(CONCURRENCY) {
                let q = &questions[i % questions.len()];
                let payload = slash_command(
                    fake.next_id(),
                    10_000 + i as u64,
                    true,
                    "ask",
                    vec![option("question", json!(q))],
                );
                let sent = Instant::now();
                let answer = client.post(&payload).await;
                assert_eq!(answer.status, 200, "{answer:?}");
                latencies.lock().unwrap().push(sent.elapsed());
            }
        }));
    }
    for w in workers {
        w.await.unwrap();
    }
    let wall = started.elapsed();
    let after = memory_mb(child.id());
    let _ = child.kill();
    let _ = child.wait();
    let latencies = std::mem::take(&mut *latencies.lock().unwrap());
    report(
        "factdesk serve, signed POSTs, 32 at a time",
        latencies,
        wall,
        [idle, after],
    );
}

async fn bench_gateway(questions: &[String]) {
    let fake = FakeDiscord::start_with(Behaviour::for_load()).await;
    fake.keep_bodies(false);
    let dir = tempfile::tempdir().unwrap();
    let mut child = start(&fake, dir.path(), &["run"]);
    assert!(
        fake.wait_sessions_ready(1, Duration::from_secs(60)).await,
        "the bot did not connect"
    );
    tokio::time::sleep(Duration::from_secs(2)).await;
    let idle = memory_mb(child.id());
    let callbacks = |fake: &FakeDiscord| {
        fake.with_requests(|rs| {
            rs.iter()
                .filter_map(|r| {
                    let id = r.path.strip_prefix("/api/v10/interactions/")?;
                    Some((id.split('/').next()?.parse::<u64>().ok()?, r.at))
                })
                .collect::<HashMap<u64, Instant>>()
        })
    };
    let mut sent = HashMap::new();
    let started = Instant::now();
    for wave in 0..REQUESTS / CONCURRENCY + 1 {
        let first = wave * CONCURRENCY;
        let last = (first + CONCURRENCY).min(REQUESTS);
        for i in first..last {
            let id = fake.next_id();
            sent.insert(id, Instant::now());
            let q = &questions[i % questions.len()];
            fake.dispatch("INTERACTION_CREATE", ask_in_guild(id, 10_000 + i as u64, q));
        }
        let all = wait_until(Duration::from_secs(60), || {
            fake.with_requests(|rs| {
                rs.iter()
                    .filter(|r| r.path.starts_with("/api/v10/interactions/"))
                    .count()
            }) >= last
        })
        .await;
        assert!(all, "wave {wave} unanswered");
    }
    let wall = started.elapsed();
    let after = memory_mb(child.id());
    let _ = child.kill();
    let _ = child.wait();
    let done = callbacks(&fake);
    let latencies = sent.iter().map(|(id, at)| done[id] - *at).collect();
    report(
        "factdesk run, gateway dispatches, 32 at a time",
        latencies,
        wall,
        [idle, after],
    );
}

#[tokio::main(flavor = "multi_thread", worker_threads = 2)]
async fn main() {
    let engine = factdesk_store::load(&PathBuf::from(env!("CARGO_MANIFEST_DIR")).join("knowledge"))
        .map(Engine::new)
        .expect("the bundled knowledge loads");
    let questions = sample_questions(&engine, 50);
    println!("bundled knowledge, release builds, 127.0.0.1");
    let fake = FakeDiscord::start().await;
    fake.keep_bodies(false);
    bench_serve(&fake, &questions).await;
    bench_gateway(&questions).await;
}
