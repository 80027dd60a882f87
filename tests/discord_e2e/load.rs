//! Load: a burst of interactions, every one answered exactly once, and the
//! bot's memory flat from one burst to the next.

use std::collections::HashMap;

use super::*;

/// Interactions per burst.
const BURST: u64 = 10_000;

/// The bot's resident memory in kB, from /proc.
fn rss_kb(pid: u32) -> u64 {
    let status = std::fs::read_to_string(format!("/proc/{pid}/status")).unwrap();
    status
        .lines()
        .find_map(|l| l.strip_prefix("VmRSS:"))
        .and_then(|v| v.trim().trim_end_matches("kB").trim().parse().ok())
        .expect("VmRSS in /proc/PID/status")
}

/// For each interaction: (callbacks, their types, edits of the original response).
fn responses(fake: &FakeDiscord) -> HashMap<u64, (usize, Vec<u64>, usize)> {
    fake.with_requests(|rs| {
        let mut out: HashMap<u64, (usize, Vec<u64>, usize)> = HashMap::new();
        for r in rs {
            let parts: Vec<&str> = r.path.split('/').collect();
            match parts.as_slice() {
                ["", "api", "v10", "interactions", id, _, "callback"] => {
                    let e = out.entry(id.parse().unwrap()).or_default();
                    e.0 += 1;
                    e.1.push(r.body["type"].as_u64().unwrap_or(0));
                }
                ["", "api", "v10", "webhooks", _, token, "messages", "@original"]
                    if r.method == "PATCH" =>
                {
                    let id = token.trim_start_matches("interaction-token-");
                    out.entry(id.parse().unwrap()).or_default().2 += 1;
                }
                _ => {}
            }
        }
        out
    })
}

/// Dispatches `BURST` `/ask` interactions at once; waits until each has its
/// reply, and checks it has exactly one.
async fn burst(fake: &FakeDiscord, bot: &Bot, questions: &[String]) -> Duration {
    let started = Instant::now();
    let mut ids = Vec::with_capacity(BURST as usize);
    for i in 0..BURST {
        let id = fake.next_id();
        let question = &questions[i as usize % questions.len()];
        fake.dispatch("INTERACTION_CREATE", ask_in_guild(id, 10_000 + i, question));
        ids.push(id);
    }
    let answered = |fake: &FakeDiscord| {
        let responses = responses(fake);
        ids.iter()
            .filter(|id| match responses.get(id) {
                Some((1, types, 0)) => types == &[4],
                Some((1, types, 1)) => types == &[5],
                _ => false,
            })
            .count()
    };
    let deadline = Instant::now() + Duration::from_secs(300);
    while answered(fake) < ids.len() {
        assert!(
            Instant::now() < deadline,
            "{} of {} answered; output tail:\n{}",
            answered(fake),
            ids.len(),
            bot.output()
                .lines()
                .rev()
                .take(30)
                .collect::<Vec<_>>()
                .join("\n")
        );
        tokio::time::sleep(Duration::from_millis(500)).await;
    }
    let took = started.elapsed();
    // Nothing more arrives: no interaction is answered twice.
    tokio::time::sleep(QUIET).await;
    let responses = responses(fake);
    for id in &ids {
        let (callbacks, types, edits) = &responses[id];
        assert!(
            (*callbacks, edits) == (1, &0) && types == &[4]
                || (*callbacks, edits) == (1, &1) && types == &[5],
            "interaction {id}: {callbacks} callbacks {types:?}, {edits} edits"
        );
    }
    took
}

#[tokio::test(flavor = "multi_thread", worker_threads = 2)]
async fn a_burst_of_interactions_is_answered_exactly_once_in_flat_memory() {
    let engine = engine();
    let questions = sample_questions(&engine, 50);
    let fake = FakeDiscord::start_with(Behaviour::for_load()).await;
    let bot = Bot::start(
        Some(&fake),
        Options {
            config: Some("[discord]\ncooldown_seconds = 0\nunanswered_log = \"\"\n".into()),
            rust_log: Some("warn"),
            ..Options::default()
        },
    );
    assert!(fake.wait_sessions_ready(1, WAIT).await, "{}", bot.output());
    fake.keep_bodies(false);
    let first = burst(&fake, &bot, &questions).await;
    let after_first = rss_kb(bot.pid());
    let second = burst(&fake, &bot, &questions).await;
    let after_second = rss_kb(bot.pid());
    let deferred = bot.log_lines("deferred a reply").len();
    let open_files = std::fs::read_dir(format!("/proc/{}/fd", bot.pid()))
        .unwrap()
        .count();
    println!(
        "{BURST} interactions: first burst {first:.1?}, second {second:.1?}; \
         bot VmRSS {after_first} kB after the first, {after_second} kB after the second; \
         {deferred} replies deferred; {open_files} open files"
    );
    // A guard against gross leaks only: what the allocator keeps after a
    // burst follows how many interactions were queued at its peak, which
    // follows the machine's load (+0 to +10 MB on a quiet machine, +129 MB
    // once while a release build ran beside it).
    assert!(
        after_second < after_first + 160 * 1024,
        "memory grew from {after_first} kB to {after_second} kB"
    );
    assert!(!bot.output().contains("panicked"), "{}", bot.output());
    assert!(fake.errors().is_empty(), "{:#?}", fake.errors());
}
