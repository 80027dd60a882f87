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

/// Many stories on Discord: `/latest` and "what's new?" list the newest
/// with outlet and day; `/ask article:` answers from that story only, its
/// autocomplete searches the titles, and a story no longer served gets a
/// notice.
#[tokio::test(flavor = "multi_thread", worker_threads = 2)]
async fn latest_lists_the_newest_and_ask_answers_within_a_chosen_story() {
    let (_desk, engine, fake, bot) = desk_bot().await;

    let latest = interact(&fake, &bot, |id| {
        slash_command(id, 81, true, "latest", vec![])
    })
    .await;
    let want = factdesk_discord::commands::latest(&engine);
    assert_eq!(
        latest,
        serde_json::to_value(send::interaction_response(&want)).unwrap()
    );
    let listed = latest["data"]["embeds"][0]["description"].as_str().unwrap();
    // Al Jazeera and AP published on 20 November 2019, the BBC and USA TODAY on the 19th.
    let first = listed.lines().next().unwrap();
    assert!(first.starts_with("1. **"), "{listed}");
    assert!(first.ends_with("2019-11-20"), "{listed}");
    assert!(listed.contains("BBC News · 2019-11-19"), "{listed}");
    // The bundled article has no date: it comes last.
    assert!(
        listed.contains("5. **Warning shots fired after North Korean soldier defects to South**\n"),
        "{listed}"
    );

    // The same list in a DM, for "what's new?".
    let id = fake.next_id();
    fake.dispatch("MESSAGE_CREATE", dm_message(id, 82, "what's new?"));
    assert!(wait_until(WAIT, || !posts_to(&fake, DM_CHANNEL).is_empty()).await);
    let dm = &posts_to(&fake, DM_CHANNEL)[0].body;
    let want = serde_json::to_value(send::channel_message(&want, None)).unwrap();
    assert_eq!(dm["embeds"], want["embeds"]);

    // The article option's autocomplete searches the titles; the value is the id.
    let choices = interact(&fake, &bot, |id| {
        autocomplete_option(id, 83, "article", "assange swe")
    })
    .await;
    let found = choices["data"]["choices"].as_array().unwrap();
    assert_eq!(found.len(), 1, "{choices}");
    assert_eq!(
        found[0]["value"],
        "julian-assange-sweden-drops-rape-investigation"
    );
    assert!(
        found[0]["name"]
            .as_str()
            .unwrap()
            .contains("(BBC News, 2019-11-19)"),
        "{choices}"
    );

    // Within a story: "how old is he?" names no one, the story does.
    let ask = |article: &'static str| {
        move |id| {
            slash_command(
                id,
                84,
                true,
                "ask",
                vec![
                    option("question", json!("how old is he?")),
                    option("article", json!(article)),
                ],
            )
        }
    };
    let within = interact(
        &fake,
        &bot,
        ask("julian-assange-sweden-drops-rape-investigation"),
    )
    .await;
    let answer = engine
        .answer_within(
            "how old is he?",
            "julian-assange-sweden-drops-rape-investigation",
        )
        .unwrap();
    assert!(answer.answer.contains("48"), "{answer:?}");
    assert_eq!(
        within,
        serde_json::to_value(send::interaction_response(&render::answer(&answer, false))).unwrap()
    );
    let gone = interact(&fake, &bot, ask("a-story-retired-since")).await;
    assert_eq!(
        gone,
        serde_json::to_value(send::interaction_response(&render::unknown_story())).unwrap()
    );
    bot.assert_clean(&fake);
}

const JOHN: &str = "what was john's nickname?";

/// A question that fits two stories asks which one, with a button each; a
/// button answers from its story; in a DM, the story's number does.
#[tokio::test(flavor = "multi_thread", worker_threads = 2)]
async fn a_question_fitting_two_stories_asks_which_one_with_buttons() {
    // Two stories about two Johns.
    let (_folder, engine, fake, bot) =
        serving(factdesk_testkit::KnowledgeFolder::two_johns()).await;
    let asked = engine.answer(JOHN);
    assert_eq!(asked.stories.len(), 2, "{asked:?}");
    let body = interact(&fake, &bot, |id| ask_in_guild(id, 91, JOHN)).await;
    assert_eq!(body, expected_interaction(&engine, JOHN, false));
    let buttons = body["data"]["components"][0]["components"]
        .as_array()
        .unwrap();
    assert_eq!(buttons.len(), 2, "{body}");
    // The second story's button: the answer from it alone.
    let custom_id = buttons[1]["custom_id"].as_str().unwrap().to_string();
    let chosen = interact(&fake, &bot, |id| button(id, 91, &custom_id)).await;
    let within = engine
        .answer_within(JOHN, &asked.stories[1].article)
        .unwrap();
    assert!(within.is_answered(), "{within:?}");
    let want = send::interaction_response(&render::answer(&within, false));
    assert_eq!(chosen, serde_json::to_value(want).unwrap());

    // A button too small for the question: the asker's conversation holds it.
    let bare = format!("story:{}", asked.stories[0].article);
    let again = interact(&fake, &bot, |id| ask_in_guild(id, 92, JOHN)).await;
    assert_eq!(
        again["data"]["embeds"][0]["title"],
        "Which story do you mean?"
    );
    let chosen = interact(&fake, &bot, |id| button(id, 92, &bare)).await;
    let within = engine
        .answer_within(JOHN, &asked.stories[0].article)
        .unwrap();
    let want = send::interaction_response(&render::answer(&within, false));
    assert_eq!(chosen, serde_json::to_value(want).unwrap());
    // Another user has no question waiting.
    let lost = interact(&fake, &bot, |id| button(id, 93, &bare)).await;
    let want = send::interaction_response(&render::story_question_lost());
    assert_eq!(lost, serde_json::to_value(want).unwrap());

    // In a DM: the question, then the story's number.
    for (n, text) in [(1, JOHN), (2, "2")] {
        let id = fake.next_id();
        fake.dispatch("MESSAGE_CREATE", dm_message(id, 94, text));
        assert!(wait_until(WAIT, || posts_to(&fake, DM_CHANNEL).len() >= n).await);
    }
    let dm = &posts_to(&fake, DM_CHANNEL)[1].body;
    let mut c = factdesk_core::engine::Conversation::default();
    engine.answer_in(&mut c, JOHN);
    let second = engine.answer_in(&mut c, "2");
    assert_eq!(second.sources[0].article, asked.stories[1].article);
    let mut rendered = second.clone();
    rendered.question = "2".into();
    let want = serde_json::to_value(send::channel_message(
        &render::answer(&rendered, false),
        None,
    ))
    .unwrap();
    assert_eq!(dm["embeds"], want["embeds"]);
    bot.assert_clean(&fake);
}
