//! Following the news while serving: a feed item published while the bot
//! runs is added and becomes answerable without a restart; a broken feed is
//! logged and never stops the bot.

use super::*;
use factdesk_testkit::news_server::routes;
use factdesk_testkit::NewsServer;

fn stadia_page() -> String {
    let path = PathBuf::from(env!("CARGO_MANIFEST_DIR"))
        .join("crates/ingest/tests/pages/thr-google-stadia/source.html");
    String::from_utf8_lossy(&std::fs::read(path).unwrap()).into_owned()
}

const STADIA: &str = "google-bets-on-the-future-with-launch-of-stadia-game";

#[tokio::test(flavor = "multi_thread", worker_threads = 2)]
async fn a_feed_item_published_while_serving_becomes_answerable() {
    let site = NewsServer::start();
    site.page("/tech/stadia", &stadia_page());
    site.rss("/feed.rss", &[]);
    let dir = copy_knowledge();
    let config = format!(
        "[[feeds]]\nurl = \"{}\"\ninterval_minutes = 0.02\n\n[[feeds]]\nurl = \"{}\"\ninterval_minutes = 0.02\n",
        site.url("/feed.rss"),
        site.url(routes::MISSING)
    );
    let (fake, bot) = connected(Options {
        knowledge: Some(dir.path().to_path_buf()),
        config: Some(config),
        ..Options::default()
    })
    .await;
    let question = "How much does a Stadia Pro subscription cost a month?";
    let before = interact(&fake, &bot, |id| ask_in_guild(id, 71, question)).await;
    assert!(
        !before.to_string().contains("Stadia Game Streaming"),
        "{before}"
    );
    // The broken feed is logged, and the bot goes on.
    bot.wait_log("cannot read the feed", 1).await;

    // Published while the bot serves: added at the next fetch, then reloaded.
    site.rss("/feed.rss", &[("Stadia launches", "/tech/stadia")]);
    bot.wait_log("added an article", 1).await;
    bot.wait_log("reloaded the knowledge base", 1).await;
    let engine = Engine::new(factdesk_store::load(dir.path()).unwrap());
    let answer = engine.answer(question);
    assert_eq!(answer.sources[0].article, STADIA, "{answer:?}");
    let after = interact(&fake, &bot, |id| ask_in_guild(id, 72, question)).await;
    assert_eq!(after, expected_interaction(&engine, question, false));
    assert!(
        after.to_string().contains("Stadia Game Streaming"),
        "{after}"
    );

    // Later fetches are conditional: the unchanged feed answers 304.
    assert!(
        wait_until(WAIT, || site.not_modified() >= 1).await,
        "{}",
        bot.output()
    );
    assert_eq!(
        bot.log_lines("added an article").len(),
        1,
        "added once: {}",
        bot.output()
    );
    assert_eq!(fake.sessions_ready(), 1, "no restart: {}", bot.output());
    bot.assert_clean(&fake);
}
