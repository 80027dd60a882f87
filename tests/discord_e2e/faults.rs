//! Faults: the gateway dropping, asking to reconnect or invalidating the
//! session; REST failures; a panic while answering; a reply too slow for
//! Discord's 3-second deadline.

use super::*;

/// Asks `question` in a DM and checks the answer arrives after the others.
async fn answers_a_dm(fake: &FakeDiscord, bot: &Bot, engine: &Engine, user: u64) {
    let question = answerable(engine);
    let before = posts_to(fake, DM_CHANNEL).len();
    let id = fake.next_id();
    fake.dispatch("MESSAGE_CREATE", dm_message(id, user, &question));
    assert!(
        wait_until(WAIT, || posts_to(fake, DM_CHANNEL).len() > before).await,
        "no answer after the fault:\n{}",
        bot.output()
    );
    assert_eq!(
        posts_to(fake, DM_CHANNEL)[before].body["embeds"],
        expected_embeds(engine, &question)
    );
}

async fn wait_second_session(fake: &FakeDiscord, bot: &Bot) {
    if !fake.wait_sessions_ready(2, WAIT).await {
        panic!("the bot did not reconnect; its output:\n{}", bot.output());
    }
}

#[tokio::test(flavor = "multi_thread", worker_threads = 2)]
async fn resumes_after_the_tcp_connection_drops_without_a_close_frame() {
    let engine = engine();
    let (fake, bot) = connected(Options::default()).await;
    let (identifies, resumes) = (fake.frames_with_op(2).len(), fake.frames_with_op(6).len());
    fake.drop_gateway();
    wait_second_session(&fake, &bot).await;
    assert_eq!(fake.connections(), 2);
    let again = fake.frames_with_op(6).len() - resumes + fake.frames_with_op(2).len() - identifies;
    assert_eq!(again, 1, "one RESUME or IDENTIFY on the new connection");
    answers_a_dm(&fake, &bot, &engine, 101).await;
    bot.assert_clean(&fake);
}

#[tokio::test(flavor = "multi_thread", worker_threads = 2)]
async fn reconnects_when_the_gateway_sends_reconnect() {
    let engine = engine();
    let (fake, bot) = connected(Options::default()).await;
    let resumes = fake.frames_with_op(6).len();
    fake.send_reconnect();
    wait_second_session(&fake, &bot).await;
    assert!(fake.connections() >= 2);
    assert_eq!(
        fake.frames_with_op(6).len(),
        resumes + 1,
        "op 7 is answered with a RESUME: {}",
        bot.output()
    );
    answers_a_dm(&fake, &bot, &engine, 102).await;
    bot.assert_clean(&fake);
}

#[tokio::test(flavor = "multi_thread", worker_threads = 2)]
async fn identifies_again_after_an_invalid_session() {
    let engine = engine();
    let (fake, bot) = connected(Options::default()).await;
    let identifies = fake.frames_with_op(2).len();
    let resumes = fake.frames_with_op(6).len();
    fake.send_invalid_session(false);
    wait_second_session(&fake, &bot).await;
    assert_eq!(
        fake.frames_with_op(2).len(),
        identifies + 1,
        "a new IDENTIFY: {}",
        bot.output()
    );
    assert_eq!(
        fake.frames_with_op(6).len(),
        resumes,
        "no RESUME of an invalid session"
    );
    answers_a_dm(&fake, &bot, &engine, 103).await;
    bot.assert_clean(&fake);
}

#[tokio::test(flavor = "multi_thread", worker_threads = 2)]
async fn failed_callbacks_are_tried_once_more_and_logged_with_their_route() {
    let engine = engine();
    let question = answerable(&engine);
    let (fake, bot) = connected(Options::default()).await;
    // A 429 (Retry-After: 1) or a 500 once: the callback is sent again, in
    // time, and the user gets the answer.
    for (n, (status, user)) in [(429u16, 111u64), (500, 113)].into_iter().enumerate() {
        fake.fail_next_callback(status);
        let id = fake.next_id();
        fake.dispatch("INTERACTION_CREATE", ask_in_guild(id, user, &question));
        bot.wait_log("answered an interaction at the second try", n + 1)
            .await;
        let tries = requests_about(&fake, id);
        assert_eq!(tries.len(), 2, "{tries:#?}");
        assert_eq!(tries[0].body, tries[1].body);
        assert_eq!(
            tries[1].body,
            expected_interaction(&engine, &question, false)
        );
        let line = &bot.log_lines("an interaction callback failed")[n];
        assert!(line.contains(&status.to_string()), "{line}");
        assert!(
            line.contains(&format!("POST /api/v10/interactions/{id}/:token/callback")),
            "the route, without the interaction token: {line}"
        );
    }
    // Twice in a row: logged with the route, no more tries, the bot keeps serving.
    fake.fail_next_callback(500);
    fake.fail_next_callback(502);
    let failed = fake.next_id();
    fake.dispatch("INTERACTION_CREATE", ask_in_guild(failed, 115, &question));
    bot.wait_log("cannot answer an interaction", 1).await;
    let line = &bot.log_lines("cannot answer an interaction")[0];
    assert!(line.contains("WARN") && line.contains("502"), "{line}");
    assert!(
        line.contains(&format!(
            "POST /api/v10/interactions/{failed}/:token/callback"
        )),
        "{line}"
    );
    assert!(!bot
        .output()
        .contains(&format!("interaction-token-{failed}")));
    let next = fake.next_id();
    fake.dispatch("INTERACTION_CREATE", ask_in_guild(next, 116, &question));
    let body = callback(&fake, &bot, next).await;
    assert_eq!(body, expected_interaction(&engine, &question, false));
    tokio::time::sleep(QUIET).await;
    assert_eq!(requests_about(&fake, failed).len(), 2, "no retry storm");
    assert!(reply_of(&fake, next).is_some(), "answered once");
    bot.assert_clean(&fake);
}

#[tokio::test(flavor = "multi_thread", worker_threads = 2)]
async fn an_unreadable_gateway_event_is_a_warning_naming_it_and_nothing_else() {
    let engine = engine();
    let question = answerable(&engine);
    let (fake, bot) = connected(Options::default()).await;
    // An interaction without its token or type, as after an API change.
    let mut broken = ask_in_guild(fake.next_id(), 118, &question);
    broken.as_object_mut().unwrap().remove("token");
    broken["type"] = json!("two");
    fake.dispatch_unchecked("INTERACTION_CREATE", broken);
    bot.wait_log("dropped a gateway event serenity cannot read", 1)
        .await;
    let line = &bot.log_lines("dropped a gateway event")[0];
    assert!(line.contains("WARN"), "{line}");
    assert!(
        line.contains("event=\"INTERACTION_CREATE\"") || line.contains("event=INTERACTION_CREATE"),
        "{line}"
    );
    assert!(line.contains("dropped=1"), "{line}");
    let out = bot.output();
    assert!(!out.contains(&question), "the frame is not logged: {out}");
    assert!(!out.contains("Err deserializing"), "{out}");
    // The bot keeps serving.
    let body = interact(&fake, &bot, |id| ask_in_guild(id, 119, &question)).await;
    assert_eq!(body, expected_interaction(&engine, &question, false));
}

#[tokio::test(flavor = "multi_thread", worker_threads = 2)]
async fn gateway_closes_that_need_a_human_end_with_one_line_saying_what_to_change() {
    for (code, fix) in [
        (4010, "fix [discord.shards]"),
        (4011, "remove [discord.shards]"),
        (4012, "update factdesk"),
    ] {
        let (fake, mut bot) = connected(Options::default()).await;
        fake.close_gateway(code);
        let status = bot
            .wait_exit(WAIT)
            .await
            .unwrap_or_else(|| panic!("still running after {code}:\n{}", bot.output()));
        assert_eq!(status.code(), Some(2), "{}", bot.output());
        let line = bot.log_lines("factdesk: the Discord gateway closed with");
        assert_eq!(line.len(), 1, "{}", bot.output());
        assert!(
            line[0].contains(&code.to_string()) && line[0].contains(fix),
            "{line:?}"
        );
    }
}

#[tokio::test(flavor = "multi_thread", worker_threads = 2)]
async fn a_zombied_connection_resumes_and_nothing_sent_meanwhile_is_lost() {
    let engine = engine();
    let question = answerable(&engine);
    let (fake, bot) = connected(Options::default()).await;
    let body = interact(&fake, &bot, |id| ask_in_guild(id, 131, &question)).await;
    assert_eq!(body, expected_interaction(&engine, &question, false));
    // The connection goes dead: no ACK, and 20 questions sent into the void.
    fake.zombie_gateway();
    let ids: Vec<u64> = (0..20).map(|_| fake.next_id()).collect();
    for (i, id) in ids.iter().enumerate() {
        fake.dispatch(
            "INTERACTION_CREATE",
            ask_in_guild(*id, 140 + i as u64, &question),
        );
    }
    // The bot notices the missing ACK, resumes, and Discord replays the 20.
    assert!(
        wait_until(WAIT, || fake.replayed() == 20).await,
        "{}",
        bot.output()
    );
    for id in &ids {
        let body = callback(&fake, &bot, *id).await;
        assert_eq!(body, expected_interaction(&engine, &question, false));
    }
    assert_eq!(
        fake.frames_with_op(2).len(),
        1,
        "one IDENTIFY: resumed, not a new session"
    );
    assert!(!fake.frames_with_op(6).is_empty(), "a RESUME was sent");
    bot.assert_clean(&fake);
}

#[tokio::test(flavor = "multi_thread", worker_threads = 2)]
async fn a_delivered_reply_with_an_unreadable_answer_is_logged_as_delivered() {
    let engine = engine();
    let fake = FakeDiscord::start_with(Behaviour {
        unreadable_messages: true,
        ..Behaviour::default()
    })
    .await;
    let bot = Bot::start(Some(&fake), Options::default());
    assert!(fake.wait_sessions_ready(1, WAIT).await, "{}", bot.output());
    fake.dispatch(
        "MESSAGE_CREATE",
        dm_message(fake.next_id(), 133, &answerable(&engine)),
    );
    bot.wait_log(
        "sent a reply (delivered), but the API's answer to it is unreadable",
        1,
    )
    .await;
    assert!(
        bot.log_lines("cannot send a reply").is_empty(),
        "{}",
        bot.output()
    );
    assert_eq!(posts_to(&fake, DM_CHANNEL).len(), 1);
}

#[tokio::test(flavor = "multi_thread", worker_threads = 2)]
async fn start_up_against_an_api_that_never_answers_ends_at_sigterm() {
    // Accepts connections, reads nothing, answers nothing.
    let listener = tokio::net::TcpListener::bind("127.0.0.1:0").await.unwrap();
    let url = format!("http://{}", listener.local_addr().unwrap());
    let held = tokio::spawn(async move {
        let mut open = Vec::new();
        while let Ok((socket, _)) = listener.accept().await {
            open.push(socket);
        }
    });
    let mut bot = Bot::start(
        None,
        Options {
            api_url: Some(url),
            ..Options::default()
        },
    );
    tokio::time::sleep(Duration::from_secs(2)).await;
    assert!(bot.child.try_wait().unwrap().is_none(), "still starting up");
    bot.signal("TERM");
    let status = bot
        .wait_exit(WAIT)
        .await
        .expect("SIGTERM ends the start-up");
    assert_eq!(status.code(), Some(0), "{}", bot.output());
    assert!(
        bot.output().contains("shutting down during start-up"),
        "{}",
        bot.output()
    );
    held.abort();
}

#[tokio::test(flavor = "multi_thread", worker_threads = 2)]
async fn deferred_replies_are_retried_through_failures() {
    let engine = engine();
    let question = answerable(&engine);
    let (fake, bot) = connected(Options {
        faults: factdesk_testkit::FaultPlan {
            slow_ms: Some(2_500),
            ..Default::default()
        },
        ..Options::default()
    })
    .await;
    fake.fail_next_edits(&[503, 429, 500]);
    let id = fake.next_id();
    fake.dispatch("INTERACTION_CREATE", ask_in_guild(id, 117, &question));
    bot.wait_log("sent a deferred reply after retrying", 1)
        .await;
    let edits: Vec<Request> = requests_about(&fake, id)
        .into_iter()
        .filter(|r| r.method == "PATCH")
        .collect();
    assert_eq!(edits.len(), 4, "three failures, then the edit: {edits:#?}");
    let expected = expected_interaction(&engine, &question, false);
    assert_eq!(edits[3].body["embeds"], expected["data"]["embeds"]);
    bot.assert_clean(&fake);
}

#[tokio::test(flavor = "multi_thread", worker_threads = 2)]
async fn a_panic_while_answering_gets_an_apology_and_the_bot_keeps_serving() {
    let engine = engine();
    let question = answerable(&engine);
    let trigger = "please panic now";
    let (fake, bot) = connected(Options {
        faults: factdesk_testkit::FaultPlan {
            panic_on: Some(trigger.to_string()),
            ..Default::default()
        },
        config: Some("[discord]\ncooldown_seconds = 0\n".into()),
        ..Options::default()
    })
    .await;
    let apology = "Sorry, something went wrong while preparing this reply. It has been logged; please try again.";

    // /ask: the apology as the reply.
    let body = interact(&fake, &bot, |id| ask_in_guild(id, 121, trigger)).await;
    assert_eq!(body["type"], 4);
    assert_eq!(body["data"]["content"], apology);
    assert_eq!(body["data"]["allowed_mentions"], NO_MENTIONS());
    bot.wait_log("a task panicked", 1).await;
    let line = &bot.log_lines("a task panicked")[0];
    assert!(
        line.contains("deliberate panic") && line.contains("ERROR"),
        "{line}"
    );
    let body = interact(&fake, &bot, |id| ask_in_guild(id, 121, &question)).await;
    assert_eq!(body, expected_interaction(&engine, &question, false));

    // A direct message: the apology in the DM, then the next answer.
    let id = fake.next_id();
    fake.dispatch("MESSAGE_CREATE", dm_message(id, 122, trigger));
    assert!(wait_until(WAIT, || !posts_to(&fake, DM_CHANNEL).is_empty()).await);
    assert_eq!(posts_to(&fake, DM_CHANNEL)[0].body["content"], apology);
    answers_a_dm(&fake, &bot, &engine, 122).await;
    // The apology may reach Discord before the panic's log line is written.
    bot.wait_log("a task panicked", 2).await;
    assert_eq!(bot.log_lines("a task panicked").len(), 2);
    assert!(fake.errors().is_empty(), "{:#?}", fake.errors());
}

#[tokio::test(flavor = "multi_thread", worker_threads = 2)]
async fn a_reply_too_slow_for_the_deadline_is_deferred_then_sent() {
    let engine = engine();
    let question = answerable(&engine);
    // Every /ask reply takes 4 s to prepare: past the 1.5 s deferral point
    // whatever the machine's speed, and past Discord's 3 s deadline.
    let (fake, bot) = connected(Options {
        faults: factdesk_testkit::FaultPlan {
            slow_ms: Some(4000),
            ..Default::default()
        },
        config: Some("[discord]\ncooldown_seconds = 0\n".into()),
        ..Options::default()
    })
    .await;
    for private in [false, true] {
        let id = fake.next_id();
        let options = vec![
            option("question", json!(question)),
            option("private", json!(private)),
        ];
        fake.dispatch(
            "INTERACTION_CREATE",
            slash_command(id, 131, true, "ask", options),
        );
        let (deferral, edit) = deferred(&fake, &bot, id).await;
        assert_eq!(deferral["type"], 5, "{deferral}");
        let flags = deferral["data"]["flags"].as_u64().unwrap_or(0);
        assert_eq!(
            flags & 64 != 0,
            private,
            "ephemeral when private: {deferral}"
        );
        let expected = expected_interaction(&engine, &question, private);
        assert_eq!(edit["embeds"], expected["data"]["embeds"]);
        assert_eq!(edit["components"], expected["data"]["components"]);
        assert_eq!(edit["allowed_mentions"], NO_MENTIONS());
        // What the other tests compare a deferred reply by is the reply itself.
        assert_eq!(reply_of(&fake, id), Some(expected));
    }
    assert_eq!(bot.log_lines("deferred a reply").len(), 2);
    // Replies that are ready in time are not deferred: the one callback is
    // the reply itself, and the original response is never edited.
    use factdesk_discord::render::actions::Action;
    let source = Action::Source {
        article: "nk-soldier-defection".into(),
        paragraph: 4,
    };
    let (source, page) = (
        source.encode().unwrap(),
        Action::Topics(1).encode().unwrap(),
    );
    // (callback type, interaction): /about, autocomplete, the Source button, a /topics page.
    let at_once = [
        (4, slash_command(fake.next_id(), 132, true, "about", vec![])),
        (8, autocomplete(fake.next_id(), 133, "warning sh")),
        (4, button(fake.next_id(), 134, &source)),
        (7, button(fake.next_id(), 135, &page)),
    ];
    let sent: Vec<(u64, u64)> = at_once
        .into_iter()
        .map(|(kind, payload)| {
            let id = payload["id"].as_str().unwrap().parse().unwrap();
            fake.dispatch("INTERACTION_CREATE", payload);
            (id, kind)
        })
        .collect();
    for &(id, _) in &sent {
        if fake
            .wait_request(WAIT, |r| is_callback(r, id))
            .await
            .is_none()
        {
            panic!("no callback for {id}; output:\n{}", bot.output());
        }
    }
    // Anything that would follow (the edit of a deferred reply) has time to arrive.
    tokio::time::sleep(QUIET).await;
    for (id, kind) in sent {
        answered_at_once(&fake, id, kind);
    }
    bot.assert_clean(&fake);
}

/// Interaction `id` got exactly one callback, of type `kind`, and no edit of
/// its original response: the raw requests, not the reply they amount to.
fn answered_at_once(fake: &FakeDiscord, id: u64, kind: u64) {
    let about: Vec<Request> = fake
        .requests()
        .into_iter()
        .filter(|r| r.path.contains(&format!("/interaction-token-{id}/")))
        .collect();
    let callbacks: Vec<&Value> = about
        .iter()
        .filter(|r| is_callback(r, id))
        .map(|r| &r.body["type"])
        .collect();
    assert_eq!(
        callbacks,
        [&json!(kind)],
        "one type {kind} callback for {id}: {about:#?}"
    );
    assert!(
        !about.iter().any(|r| r.method == "PATCH"),
        "{id} was deferred, then edited: {about:#?}"
    );
}
