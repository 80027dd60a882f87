//! Follow-up questions through the fake Discord: the exchanges of
//! `tests/data/conversations/desk.jsonl` over the news desk fixture, in DMs and
//! as `/ask`, each exchange by a user of its own and all of them
//! interleaved (round by round), so that each follow-up must lean on its
//! own user's last answer, not on the last answer in the channel.

use super::*;
use factdesk_core::engine::Conversation;
use factdesk_core::Answer;
use factdesk_testkit::conversations::{self, Exchange};

fn exchanges() -> Vec<Exchange> {
    let path =
        PathBuf::from(env!("CARGO_MANIFEST_DIR")).join("tests/data/conversations/desk.jsonl");
    let exchanges = conversations::load(&path);
    assert!(exchanges.len() >= 20, "at least 20 exchanges");
    exchanges
}

/// The answers of each exchange, played in-process as one conversation,
/// checked against what each turn expects.
fn expected(engine: &Engine, exchanges: &[Exchange]) -> Vec<Vec<Answer>> {
    let mut wrong = Vec::new();
    let answers: Vec<Vec<Answer>> = exchanges
        .iter()
        .map(|e| {
            let mut c = Conversation::default();
            e.turns
                .iter()
                .map(|t| {
                    let a = engine.answer_in(&mut c, &t.q);
                    let article = a.sources.first().map(|s| s.article.as_str());
                    if let Err(e) = t.check(&a.answer, article) {
                        wrong.push(e);
                    }
                    a
                })
                .collect()
        })
        .collect();
    assert!(wrong.is_empty(), "{}", wrong.join("\n"));
    answers
}

/// (exchange, turn) pairs, round by round: every first turn, then every
/// second turn, and so on.
fn interleaved(exchanges: &[Exchange]) -> Vec<(usize, usize)> {
    let rounds = exchanges.iter().map(|e| e.turns.len()).max().unwrap_or(0);
    (0..rounds)
        .flat_map(|round| {
            exchanges
                .iter()
                .enumerate()
                .filter(move |(_, e)| round < e.turns.len())
                .map(move |(i, _)| (i, round))
        })
        .collect()
}

/// The user who plays exchange `i`.
fn user_of(i: usize) -> u64 {
    700 + i as u64
}

#[tokio::test(flavor = "multi_thread", worker_threads = 2)]
async fn follow_ups_in_direct_messages_lean_on_each_users_last_answer() {
    let exchanges = exchanges();
    let (_desk, engine, fake, bot) = desk_bot().await;
    let answers = expected(&engine, &exchanges);
    for (posted, (i, round)) in interleaved(&exchanges).into_iter().enumerate() {
        let turn = &exchanges[i].turns[round];
        let id = fake.next_id();
        fake.dispatch("MESSAGE_CREATE", dm_message(id, user_of(i), &turn.q));
        let replied = wait_until(WAIT, || posts_to(&fake, DM_CHANNEL).len() > posted).await;
        assert!(
            replied,
            "no reply to {:?}; output:\n{}",
            turn.q,
            bot.output()
        );
        let reply = &posts_to(&fake, DM_CHANNEL)[posted].body;
        let want = render::answer(&answers[i][round], false);
        let want = serde_json::to_value(send::channel_message(&want, None)).unwrap();
        assert_eq!(reply["embeds"], want["embeds"], "{:?}", turn.q);
        assert_eq!(reply["allowed_mentions"], NO_MENTIONS());
    }
    bot.assert_clean(&fake);
}

#[tokio::test(flavor = "multi_thread", worker_threads = 2)]
async fn follow_ups_to_slash_commands_lean_on_each_users_last_answer() {
    let exchanges = exchanges();
    let (_desk, engine, fake, bot) = desk_bot().await;
    let answers = expected(&engine, &exchanges);
    for (i, round) in interleaved(&exchanges) {
        let turn = &exchanges[i].turns[round];
        let body = interact(&fake, &bot, |id| {
            slash_command(
                id,
                user_of(i),
                true,
                "ask",
                vec![option("question", json!(turn.q))],
            )
        })
        .await;
        let want = render::answer(&answers[i][round], false);
        let want = serde_json::to_value(send::interaction_response(&want)).unwrap();
        assert_eq!(body, want, "{:?}", turn.q);
    }
    bot.assert_clean(&fake);
}

#[tokio::test(flavor = "multi_thread", worker_threads = 2)]
async fn follow_ups_can_be_turned_off() {
    let desk = factdesk_testkit::fixture::desk();
    let (fake, bot) = connected(Options {
        knowledge: Some(desk.path_buf()),
        config: Some("[discord]\ncooldown_seconds = 0\nfollowup_minutes = 0\n".into()),
        ..Options::default()
    })
    .await;
    let ask = |q: &'static str| {
        move |id| slash_command(id, 31, true, "ask", vec![option("question", json!(q))])
    };
    let first = interact(&fake, &bot, ask("where is assange held?")).await;
    assert!(first.to_string().contains("Belmarsh"), "{first}");
    let source = interact(&fake, &bot, ask("source?")).await;
    assert!(
        source.to_string().contains("Ask me a question first"),
        "no last answer is kept: {source}"
    );
    bot.assert_clean(&fake);
}
