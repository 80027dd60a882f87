//! Direct messages and mentions at the edges: too long, or blank.

use super::*;
use factdesk_discord::commands::QUESTION_MAX;

#[tokio::test(flavor = "multi_thread", worker_threads = 2)]
async fn long_messages_are_cut_to_the_limit_with_a_notice() {
    let engine = engine();
    let question = answerable(&engine);
    let (fake, bot) = connected(Options::default()).await;
    let long = format!("{question} {}", "and also tell me more ".repeat(40));
    assert!(long.chars().count() > QUESTION_MAX);
    let cut: String = long.chars().take(QUESTION_MAX).collect();
    let cut = cut.trim_end();
    let notice = format!(
        "Your message was longer than {QUESTION_MAX} characters: I read only its first {QUESTION_MAX}."
    );

    let id = fake.next_id();
    fake.dispatch("MESSAGE_CREATE", dm_message(id, 141, &long));
    let mentioned = fake.next_id();
    fake.dispatch(
        "MESSAGE_CREATE",
        guild_message(mentioned, 142, &format!("<@{BOT_ID}> {long}"), true),
    );
    let replied = wait_until(WAIT, || {
        !posts_to(&fake, DM_CHANNEL).is_empty() && !posts_to(&fake, GUILD_CHANNEL).is_empty()
    })
    .await;
    assert!(replied, "{}", bot.output());
    for post in [
        &posts_to(&fake, DM_CHANNEL)[0],
        &posts_to(&fake, GUILD_CHANNEL)[0],
    ] {
        assert_eq!(post.body["content"], notice, "{post:?}");
        assert_eq!(post.body["embeds"], expected_embeds(&engine, cut));
        assert_eq!(post.body["allowed_mentions"], NO_MENTIONS());
    }
    bot.assert_clean(&fake);
}

#[tokio::test(flavor = "multi_thread", worker_threads = 2)]
async fn blank_messages_get_a_usage_hint() {
    let (fake, bot) = connected(Options::default()).await;
    let hint = render::empty_question().content.unwrap();
    assert!(hint.contains("/topics"), "{hint}");

    let id = fake.next_id();
    fake.dispatch("MESSAGE_CREATE", dm_message(id, 151, "  \n\t "));
    let mentioned = fake.next_id();
    fake.dispatch(
        "MESSAGE_CREATE",
        guild_message(mentioned, 152, &format!("<@{BOT_ID}>  "), true),
    );
    let replied = wait_until(WAIT, || {
        !posts_to(&fake, DM_CHANNEL).is_empty() && !posts_to(&fake, GUILD_CHANNEL).is_empty()
    })
    .await;
    assert!(replied, "{}", bot.output());
    let dm = &posts_to(&fake, DM_CHANNEL)[0].body;
    assert_eq!(dm["content"], hint);
    let reply = &posts_to(&fake, GUILD_CHANNEL)[0].body;
    assert_eq!(reply["content"], hint);
    assert_eq!(
        reply["message_reference"]["message_id"],
        json!(mentioned.to_string())
    );
    assert_eq!(reply["allowed_mentions"], NO_MENTIONS());
    assert!(
        bot.log_lines("via=").is_empty(),
        "a blank message asks the engine nothing: {}",
        bot.output()
    );
    bot.assert_clean(&fake);
}
