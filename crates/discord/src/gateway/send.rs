//! [`Reply`] to serenity builders. Every message and interaction response the
//! bot sends is built here, with allowed mentions empty: nothing the bot says
//! ever pings anyone, whatever the question held.

use serenity::all::{
    AutocompleteChoice, ButtonStyle as SerenityButtonStyle, CreateActionRow, CreateAllowedMentions,
    CreateAutocompleteResponse, CreateButton, CreateEmbed, CreateEmbedFooter,
    CreateInteractionResponse, CreateInteractionResponseMessage, CreateMessage,
    EditInteractionResponse, Message,
};

use crate::render::reply::{ButtonStyle, Choice, Embed, Reply};

/// Allowed mentions that allow nothing: no `@everyone`/`@here`, no roles, no
/// users, and no ping of the author of a replied-to message.
pub fn no_mentions() -> CreateAllowedMentions {
    CreateAllowedMentions::new().replied_user(false)
}

fn embed(e: &Embed) -> CreateEmbed {
    let mut out = CreateEmbed::new().colour(e.color);
    if let Some(t) = &e.title {
        out = out.title(t);
    }
    if !e.description.is_empty() {
        out = out.description(&e.description);
    }
    for f in &e.fields {
        out = out.field(&f.name, &f.value, false);
    }
    if let Some(f) = &e.footer {
        out = out.footer(CreateEmbedFooter::new(f));
    }
    out
}

fn components(reply: &Reply) -> Vec<CreateActionRow> {
    reply
        .rows
        .iter()
        .map(|row| {
            CreateActionRow::Buttons(
                row.iter()
                    .map(|b| {
                        CreateButton::new(&b.custom_id)
                            .label(&b.label)
                            .style(match b.style {
                                ButtonStyle::Primary => SerenityButtonStyle::Primary,
                                ButtonStyle::Secondary => SerenityButtonStyle::Secondary,
                            })
                            .disabled(b.disabled)
                    })
                    .collect(),
            )
        })
        .collect()
}

/// The reply as an interaction response message.
pub fn interaction_message(reply: &Reply) -> CreateInteractionResponseMessage {
    let mut m = CreateInteractionResponseMessage::new()
        .allowed_mentions(no_mentions())
        .ephemeral(reply.ephemeral)
        .embeds(reply.embeds.iter().map(embed).collect())
        .components(components(reply));
    if let Some(c) = &reply.content {
        m = m.content(c);
    }
    m
}

/// A new message answering an interaction.
pub fn interaction_response(reply: &Reply) -> CreateInteractionResponse {
    CreateInteractionResponse::Message(interaction_message(reply))
}

/// An edit of the message a button sits on (for `/topics` pages).
pub fn update_response(reply: &Reply) -> CreateInteractionResponse {
    CreateInteractionResponse::UpdateMessage(interaction_message(reply))
}

/// "The bot is thinking…": the reply comes later as an edit of the original
/// response. `update` defers an edit of the message a button sits on instead
/// of a new message. Only the asker sees an `ephemeral` one, and its reply.
pub fn deferral(ephemeral: bool, update: bool) -> CreateInteractionResponse {
    if update {
        CreateInteractionResponse::Acknowledge
    } else {
        CreateInteractionResponse::Defer(
            CreateInteractionResponseMessage::new().ephemeral(ephemeral),
        )
    }
}

/// The reply as the edit of a deferred original response.
pub fn edit_response(reply: &Reply) -> EditInteractionResponse {
    EditInteractionResponse::new()
        .allowed_mentions(no_mentions())
        .content(reply.content.clone().unwrap_or_default())
        .embeds(reply.embeds.iter().map(embed).collect())
        .components(components(reply))
}

/// Autocomplete choices.
pub fn autocomplete_response(choices: &[Choice]) -> CreateInteractionResponse {
    let choices = choices
        .iter()
        .map(|c| AutocompleteChoice::new(c.name.clone(), c.value.clone()))
        .collect();
    CreateInteractionResponse::Autocomplete(CreateAutocompleteResponse::new().set_choices(choices))
}

/// The reply as a channel message, replying to `to` when given.
pub fn channel_message(reply: &Reply, to: Option<&Message>) -> CreateMessage {
    let mut m = CreateMessage::new()
        .allowed_mentions(no_mentions())
        .embeds(reply.embeds.iter().map(embed).collect())
        .components(components(reply));
    if let Some(c) = &reply.content {
        m = m.content(c);
    }
    if let Some(msg) = to {
        m = m.reference_message(msg);
    }
    m
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::render;
    use factdesk_core::{Answer, Source, Status};
    use proptest::prelude::*;
    use serde_json::{json, Value};

    /// Checks the limits again on the JSON that goes to Discord, and that
    /// the fake Discord, which rejects what Discord does, accepts it.
    fn check_json(message: &Value) {
        let problems = factdesk_testkit::discord_limits::message(message, true);
        assert!(problems.is_empty(), "{problems:?}");
        let count = |v: &Value| v.as_str().map_or(0, |s| s.chars().count());
        assert!(count(&message["content"]) <= 2000);
        let mut total = 0;
        for e in message["embeds"].as_array().into_iter().flatten() {
            assert!(count(&e["title"]) <= 256);
            assert!(count(&e["description"]) <= 4096);
            assert!(count(&e["footer"]["text"]) <= 2048);
            let fields = e["fields"].as_array().cloned().unwrap_or_default();
            assert!(fields.len() <= 25);
            for f in &fields {
                assert!(count(&f["name"]) <= 256 && count(&f["name"]) > 0);
                assert!(count(&f["value"]) <= 1024 && count(&f["value"]) > 0);
                total += count(&f["name"]) + count(&f["value"]);
            }
            total += count(&e["title"]) + count(&e["description"]) + count(&e["footer"]["text"]);
        }
        assert!(total <= 6000, "{total}");
        let rows = message["components"]
            .as_array()
            .cloned()
            .unwrap_or_default();
        assert!(rows.len() <= 5);
        for r in rows {
            let buttons = r["components"].as_array().unwrap();
            assert!(!buttons.is_empty() && buttons.len() <= 5);
            for b in buttons {
                assert!(count(&b["label"]) <= 80 && count(&b["label"]) > 0);
                assert!(count(&b["custom_id"]) <= 100 && count(&b["custom_id"]) > 0);
            }
        }
        assert_eq!(
            message["allowed_mentions"],
            json!({"parse": [], "users": [], "roles": [], "replied_user": false})
        );
    }

    fn sample(question: &str, text: &str, answered: bool) -> Answer {
        let source = Source {
            quote: text.to_string(),
            attribution: Some(text.to_string()),
            article: text.chars().take(30).collect(),
            title: text.to_string(),
            paragraph: Some(7),
            outlet: None,
            published: None,
            url: None,
        };
        Answer {
            question: question.to_string(),
            status: if answered {
                Status::Answered
            } else {
                Status::Unknown
            },
            answer: text.to_string(),
            confidence: 0.5,
            sources: if answered { vec![source; 4] } else { vec![] },
            suggestions: if answered {
                vec![]
            } else {
                vec![text.to_string(), question.to_string(), "x".into()]
            },
            stories: Vec::new(),
        }
    }

    #[test]
    fn interaction_reply_json_has_empty_allowed_mentions_and_ephemeral_flag() {
        let reply = render::answer(&sample("@everyone <@123> hi", "text", true), true);
        let v = serde_json::to_value(interaction_response(&reply)).unwrap();
        assert_eq!(v["type"], 4);
        assert_eq!(v["data"]["flags"], 64);
        assert_eq!(factdesk_testkit::discord_limits::callback(&v), vec![]);
        check_json(&v["data"]);
        let v = serde_json::to_value(channel_message(&reply, None)).unwrap();
        check_json(&v);
    }

    #[test]
    fn deferrals_and_edits_json() {
        let v = serde_json::to_value(deferral(true, false)).unwrap();
        assert_eq!((&v["type"], &v["data"]["flags"]), (&json!(5), &json!(64)));
        assert_eq!(factdesk_testkit::discord_limits::callback(&v), vec![]);
        let v = serde_json::to_value(deferral(false, true)).unwrap();
        assert_eq!(v["type"], 6);
        assert_eq!(factdesk_testkit::discord_limits::callback(&v), vec![]);
        let reply = render::answer(&sample("q", "text", true), false);
        let v = serde_json::to_value(edit_response(&reply)).unwrap();
        check_json(&v);
        let sent = serde_json::to_value(interaction_response(&reply)).unwrap();
        assert_eq!(v["embeds"], sent["data"]["embeds"]);
        assert_eq!(v["components"], sent["data"]["components"]);
    }

    #[test]
    fn autocomplete_json() {
        let v = serde_json::to_value(autocomplete_response(&[Choice {
            name: "n".into(),
            value: "v".into(),
        }]))
        .unwrap();
        assert_eq!(v["type"], 8);
        assert_eq!(v["data"]["choices"][0], json!({"name": "n", "value": "v"}));
    }

    proptest! {
        #![proptest_config(ProptestConfig { cases: 200, ..ProptestConfig::default() })]

        #[test]
        fn any_question_renders_within_every_limit(
            question in any::<String>(),
            long in "(\\PC|[*_`@<>#|\\n]){0,3000}",
            answered in any::<bool>(),
            ephemeral in any::<bool>(),
        ) {
            for q in [question.clone(), format!("@everyone <@123> {question}"), long.clone()] {
                let reply = render::answer(&sample(&q, &long, answered), ephemeral);
                prop_assert!(reply.check().is_ok(), "{:?}", reply.check());
                let v = serde_json::to_value(interaction_response(&reply)).unwrap();
                check_json(&v["data"]);
                let v = serde_json::to_value(channel_message(&reply, None)).unwrap();
                check_json(&v);
            }
        }

        #[test]
        fn any_completion_list_fits_autocomplete(qs in proptest::collection::vec(any::<String>(), 0..60)) {
            let choices = render::choices(&qs);
            prop_assert!(crate::render::reply::check_choices(&choices).is_ok());
            let v = serde_json::to_value(autocomplete_response(&choices)).unwrap();
            let problems = factdesk_testkit::discord_limits::callback(&v);
            prop_assert!(problems.is_empty(), "{:?}", problems);
        }
    }
}
