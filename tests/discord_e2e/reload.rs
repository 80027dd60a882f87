//! Reloading the knowledge base without a restart: SIGHUP and `/reload`.

use super::*;

/// The facts.toml of the bundled article, in the copy `dir`.
fn facts_file(dir: &Path) -> PathBuf {
    dir.join("articles/nk-soldier-defection/facts.toml")
}

/// Rewrites the curated answer to `question` in the copy `dir`; returns the
/// engine the bot should serve once it reloads.
fn revise_answer(dir: &Path, engine: &Engine, question: &str) -> Engine {
    let answer = engine.answer(question).answer;
    let path = facts_file(dir);
    let text = std::fs::read_to_string(&path).unwrap();
    let line = format!("answer = {}", toml_string(&answer));
    assert!(text.contains(&line), "{line} in facts.toml");
    let revised = format!(
        "answer = {}",
        toml_string(&format!("{answer} (as revised)"))
    );
    std::fs::write(&path, text.replacen(&line, &revised, 1)).unwrap();
    let new = factdesk_store::load(dir)
        .map(Engine::new)
        .expect("the revised knowledge loads");
    assert_ne!(new.answer(question).answer, answer);
    new
}

fn toml_string(s: &str) -> String {
    serde_json::to_string(s).unwrap()
}

/// A fake and a bot serving the knowledge copy `dir`, with `config`.
async fn serving(
    dir: &factdesk_testkit::KnowledgeFolder,
    config: Option<String>,
) -> (FakeDiscord, Bot) {
    connected(Options {
        knowledge: Some(dir.path().to_path_buf()),
        config,
        ..Options::default()
    })
    .await
}

fn reload_command(id: u64, user: u64) -> Value {
    slash_command(id, user, false, "reload", vec![])
}

#[tokio::test(flavor = "multi_thread", worker_threads = 2)]
async fn sighup_serves_a_changed_knowledge_base() {
    let old = engine();
    let question = answerable(&old);
    let dir = copy_knowledge();
    let (fake, bot) = serving(&dir, None).await;
    let body = interact(&fake, &bot, |id| ask_in_guild(id, 61, &question)).await;
    assert_eq!(body, expected_interaction(&old, &question, false));

    let new = revise_answer(dir.path(), &old, &question);
    bot.signal("HUP");
    bot.wait_log("reloaded the knowledge base", 1).await;
    let body = interact(&fake, &bot, |id| ask_in_guild(id, 62, &question)).await;
    assert_eq!(body, expected_interaction(&new, &question, false));
    assert!(
        body.to_string().contains("(as revised)"),
        "the new answer: {body}"
    );
    assert!(bot.log_lines("SIGHUP").len() >= 2, "{}", bot.output());
    assert_eq!(
        fake.sessions_ready(),
        1,
        "no reconnection: {}",
        bot.output()
    );
    bot.assert_clean(&fake);
}

#[tokio::test(flavor = "multi_thread", worker_threads = 2)]
async fn sighup_with_an_invalid_knowledge_base_keeps_serving_the_old_one() {
    let old = engine();
    let question = answerable(&old);
    let dir = copy_knowledge();
    let (fake, bot) = serving(&dir, None).await;
    let path = facts_file(dir.path());
    let original = std::fs::read_to_string(&path).unwrap();
    let quote = "South Korean guards fired up to 20 warning shots";
    assert!(original.contains(quote));
    let broken = [
        // A quote that is not in the article.
        (
            original.replace(quote, "South Korean guards fired up to 21 warning shots"),
            "does not stand verbatim",
        ),
        // Malformed TOML.
        (format!("{original}\n[[fact]\nid = \"x\n"), "facts.toml:"),
    ];
    for (n, (text, reason)) in broken.iter().enumerate() {
        std::fs::write(&path, text).unwrap();
        bot.signal("HUP");
        bot.wait_log("rejected the new knowledge base", n + 1).await;
        let line = &bot.log_lines("rejected the new knowledge base")[n];
        assert!(line.contains(reason), "the reason is logged: {line}");
        assert!(line.contains("facts.toml"), "the file is named: {line}");
        let body = interact(&fake, &bot, |id| ask_in_guild(id, 70 + n as u64, &question)).await;
        assert_eq!(
            body,
            expected_interaction(&old, &question, false),
            "the old answer"
        );
    }
    assert!(bot.log_lines("reloaded the knowledge base").is_empty());
    bot.assert_clean(&fake);
}

#[tokio::test(flavor = "multi_thread", worker_threads = 2)]
async fn reload_command_is_for_owners_only() {
    let old = engine();
    let question = answerable(&old);
    let dir = copy_knowledge();
    let configured_owner = 77;
    let config = format!("[discord]\nowners = [{configured_owner}]\n");
    let (fake, bot) = serving(&dir, Some(config)).await;
    let new = revise_answer(dir.path(), &old, &question);

    // A user who is not an owner: a polite ephemeral refusal, nothing reloaded.
    let id = fake.next_id();
    fake.dispatch("INTERACTION_CREATE", reload_command(id, 11));
    let (deferral, edit) = deferred(&fake, &bot, id).await;
    assert_eq!(deferral["type"], 5);
    assert_eq!(deferral["data"]["flags"], 64, "ephemeral");
    assert_eq!(
        edit["content"],
        "Sorry, only the bot's owners can reload its knowledge base."
    );
    assert_eq!(edit["allowed_mentions"], NO_MENTIONS());
    let body = interact(&fake, &bot, |id| ask_in_guild(id, 81, &question)).await;
    assert_eq!(body, expected_interaction(&old, &question, false));

    // The application's owner, as Discord reports it now.
    let app_fetches = |fake: &FakeDiscord| {
        fake.with_requests(|rs| {
            rs.iter()
                .filter(|r| r.path == "/api/v10/oauth2/applications/@me")
                .count()
        })
    };
    let before = app_fetches(&fake);
    let id = fake.next_id();
    fake.dispatch("INTERACTION_CREATE", reload_command(id, OWNER_ID));
    let (deferral, edit) = deferred(&fake, &bot, id).await;
    assert_eq!(deferral["data"]["flags"], 64);
    let loaded = factdesk_service::reload::Loaded::of(&new);
    assert_eq!(
        edit["content"],
        format!("Reloaded the knowledge base: now serving {loaded}.")
    );
    assert_eq!(app_fetches(&fake), before + 1, "owners fetched at use");
    let body = interact(&fake, &bot, |id| ask_in_guild(id, 82, &question)).await;
    assert_eq!(body, expected_interaction(&new, &question, false));

    // An owner from the config, with an invalid knowledge base: the reason, the old engine kept.
    std::fs::write(facts_file(dir.path()), "[article\n").unwrap();
    let id = fake.next_id();
    fake.dispatch("INTERACTION_CREATE", reload_command(id, configured_owner));
    let (_, edit) = deferred(&fake, &bot, id).await;
    let content = edit["content"].as_str().unwrap();
    assert!(
        content
            .starts_with("The new knowledge base is invalid, so the previous one keeps serving:"),
        "{content}"
    );
    assert!(content.contains("facts.toml:1"), "{content}");
    let body = interact(&fake, &bot, |id| ask_in_guild(id, 83, &question)).await;
    assert_eq!(body, expected_interaction(&new, &question, false));
    bot.wait_log("rejected the new knowledge base", 1).await;
    assert!(bot.log_lines("refused /reload").len() == 1);
    bot.assert_clean(&fake);
}

#[tokio::test(flavor = "multi_thread", worker_threads = 2)]
async fn questions_asked_during_reloads_are_all_answered_once() {
    let old = engine();
    let questions = sample_questions(&old, 20);
    let dir = copy_knowledge();
    let (fake, bot) = serving(&dir, Some("[discord]\ncooldown_seconds = 0\n".into())).await;
    let new = revise_answer(dir.path(), &old, &questions[0]);
    let mut asked = Vec::new();
    for i in 0..300u64 {
        let id = fake.next_id();
        let question = &questions[i as usize % questions.len()];
        fake.dispatch("INTERACTION_CREATE", ask_in_guild(id, 1000 + i, question));
        asked.push((id, question.clone()));
        match i {
            100 => bot.signal("HUP"),
            200 => fake.dispatch(
                "INTERACTION_CREATE",
                reload_command(fake.next_id(), OWNER_ID),
            ),
            _ => {}
        }
    }
    let all_answered = wait_until(WAIT, || {
        asked.iter().all(|(id, _)| reply_of(&fake, *id).is_some())
    })
    .await;
    assert!(all_answered, "{}", bot.output());
    bot.wait_log("reloaded the knowledge base", 2).await;
    tokio::time::sleep(QUIET).await;
    for (id, question) in &asked {
        // One reply each (a callback, or a deferral and its edit), nothing more.
        let body =
            reply_of(&fake, *id).unwrap_or_else(|| panic!("{:#?}", requests_about(&fake, *id)));
        assert!(
            body == expected_interaction(&old, question, false)
                || body == expected_interaction(&new, question, false),
            "{question}: {body}"
        );
    }
    bot.assert_clean(&fake);
}
