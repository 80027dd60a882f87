//! The slash commands: their schema, and what each one replies, over the engine.

use serenity::all::{
    CommandOptionType, CreateCommand, CreateCommandOption, InstallationContext, InteractionContext,
    Permissions,
};

use factdesk_core::Engine;

use crate::render;
use crate::render::markdown::ELLIPSIS;
use crate::render::reply::{limits, Choice, Reply};

/// `/ask`
pub const ASK: &str = "ask";
/// `/topics`
pub const TOPICS: &str = "topics";
/// `/source`
pub const SOURCE: &str = "source";
/// `/about`
pub const ABOUT: &str = "about";
/// `/reload` (owners only)
pub const RELOAD: &str = "reload";
/// `/latest`
pub const LATEST: &str = "latest";
/// The story option of `/ask`: answer from this article only.
pub const ARTICLE: &str = "article";
/// How many stories `/latest` lists.
pub const LATEST_SHOWN: usize = 10;
/// The longest question read, in characters: the `question` option's
/// `max_length`; longer direct messages and mentions are cut to it.
pub const QUESTION_MAX: usize = 500;
/// The question option of `/ask` and `/source`.
pub const QUESTION: &str = "question";
/// The ephemeral switch of `/ask`.
pub const PRIVATE: &str = "private";

fn question_option(required: bool, description: &str) -> CreateCommandOption {
    CreateCommandOption::new(CommandOptionType::String, QUESTION, description)
        .required(required)
        .set_autocomplete(true)
        .min_length(1)
        .max_length(QUESTION_MAX as u16)
}

/// The commands to register. Global commands are usable in servers and in
/// direct messages with the bot; guild commands (development) in that guild.
pub fn definitions(global: bool) -> Vec<CreateCommand> {
    let commands = vec![
        CreateCommand::new(ASK)
            .description("Ask a question about the news articles; the answer quotes its source")
            .add_option(question_option(
                true,
                "Your question (suggestions show what the articles can answer)",
            ))
            .add_option(
                CreateCommandOption::new(
                    CommandOptionType::Boolean,
                    PRIVATE,
                    "Show the answer to you only",
                )
                .required(false),
            )
            .add_option(
                CreateCommandOption::new(
                    CommandOptionType::String,
                    ARTICLE,
                    "Answer from this story only (type to search the titles)",
                )
                .required(false)
                .set_autocomplete(true)
                .max_length(100),
            ),
        CreateCommand::new(LATEST).description("The newest stories the bot answers about"),
        CreateCommand::new(TOPICS).description("What the bot can answer, grouped by topic"),
        CreateCommand::new(SOURCE)
            .description("The articles behind the bot, or where an answer's quote comes from")
            .add_option(question_option(
                false,
                "Show where the answer to this question comes from",
            )),
        CreateCommand::new(ABOUT).description("How to ask, and what the bot knows"),
        // Hidden in servers from all but administrators ("0"); the bot itself
        // checks that the user is an owner, wherever it is used.
        CreateCommand::new(RELOAD)
            .description("Owners only: reload the knowledge base from disk")
            .default_member_permissions(Permissions::empty()),
    ];
    if !global {
        return commands;
    }
    commands
        .into_iter()
        .map(|c| {
            c.integration_types(vec![InstallationContext::Guild])
                .contexts(vec![InteractionContext::Guild, InteractionContext::BotDm])
        })
        .collect()
}

/// The whole question behind `text`: an autocomplete value or a button that
/// had to be cut (ending in `…`, or `complete == false`) is expanded to the
/// answerable question it starts; anything else is returned as is.
pub fn resolve_question(engine: &Engine, text: &str, complete: bool) -> String {
    let prefix = match text.strip_suffix(ELLIPSIS) {
        Some(p) => p,
        None if !complete => text,
        None => return text.to_string(),
    };
    if prefix.is_empty() {
        return text.to_string();
    }
    engine
        .complete(prefix, limits::CHOICES)
        .into_iter()
        .chain(engine.topics().into_iter().flat_map(|t| t.questions))
        .find(|q| q.starts_with(prefix) || crate::render::markdown::one_line(q).starts_with(prefix))
        .unwrap_or_else(|| text.to_string())
}

/// Autocomplete for a question option: up to 25 answerable questions,
/// fuzzy-ranked by the engine against what the user typed so far.
pub fn autocomplete(engine: &Engine, partial: &str) -> Vec<Choice> {
    render::choices(&engine.complete(partial, limits::CHOICES))
}

/// Autocomplete for the `article` option: up to 25 stories whose title
/// holds what was typed, newest first; the value is the article's id.
pub fn article_choices(engine: &Engine, partial: &str) -> Vec<Choice> {
    render::story_choices(&engine.find_articles(partial, limits::CHOICES))
}

/// `/latest`: the newest stories.
pub fn latest(engine: &Engine) -> Reply {
    render::latest(&engine.latest(LATEST_SHOWN), engine.articles().len())
}

/// `/topics`, page `page`.
pub fn topics(engine: &Engine, page: usize) -> Reply {
    render::topics(&engine.topics(), page)
}

/// `/source`, with or without a question.
pub fn source(engine: &Engine, question: Option<&str>, ephemeral: bool) -> Reply {
    match question.map(str::trim).filter(|q| !q.is_empty()) {
        None => render::articles(&engine.articles()),
        Some(q) => {
            let answer = engine.answer(&resolve_question(engine, q, true));
            render::provenance(
                &answer,
                |s| {
                    s.paragraph
                        .and_then(|n| engine.paragraph(&s.article, n))
                        .map(str::to_string)
                },
                ephemeral,
            )
        }
    }
}

/// `/about`
pub fn about(engine: &Engine) -> Reply {
    render::about(&engine.articles(), &engine.topics())
}

/// The "Source" button: the whole paragraph.
pub fn paragraph(engine: &Engine, article: &str, number: u32) -> Reply {
    let title = engine
        .articles()
        .into_iter()
        .find(|a| a.id == article)
        .map_or_else(|| article.to_string(), |a| a.title);
    match engine.paragraph(article, number) {
        Some(text) => render::paragraph(&title, article, number, text, None),
        None => Reply::text("That paragraph is no longer in the knowledge base.", true),
    }
}

/// `question` cut to [`QUESTION_MAX`] characters; true when it was cut.
pub fn limit_question(question: &str) -> (String, bool) {
    if question.chars().count() <= QUESTION_MAX {
        return (question.to_string(), false);
    }
    let cut: String = question.chars().take(QUESTION_MAX).collect();
    (cut.trim_end().to_string(), true)
}

/// The question in a message that mentions the bot: the message without the
/// bot's mentions (`<@id>` or `<@!id>`), trimmed.
pub fn question_from_mention(content: &str, bot_id: u64) -> String {
    let text = content
        .replace(&format!("<@{bot_id}>"), " ")
        .replace(&format!("<@!{bot_id}>"), " ");
    crate::render::markdown::one_line(&text)
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn schema_names_options_and_contexts() {
        let json = serde_json::to_value(definitions(true)).unwrap();
        let names: Vec<_> = json
            .as_array()
            .unwrap()
            .iter()
            .map(|c| c["name"].as_str().unwrap())
            .collect();
        assert_eq!(names, [ASK, LATEST, TOPICS, SOURCE, ABOUT, RELOAD]);
        assert_eq!(json[5]["default_member_permissions"], "0");
        assert_eq!(json[0]["options"][0]["max_length"], QUESTION_MAX);
        let ask = &json[0];
        assert_eq!(ask["options"][0]["name"], QUESTION);
        assert_eq!(ask["options"][0]["autocomplete"], true);
        assert_eq!(ask["options"][0]["required"], true);
        assert_eq!(ask["options"][1]["name"], PRIVATE);
        assert_eq!(ask["options"][1]["type"], 5);
        assert_eq!(ask["options"][2]["name"], ARTICLE);
        assert_eq!(ask["options"][2]["autocomplete"], true);
        assert_eq!(ask["options"][2]["required"], false);
        for c in json.as_array().unwrap() {
            assert_eq!(c["contexts"], serde_json::json!([0, 1]));
            assert_eq!(c["integration_types"], serde_json::json!([0]));
            assert!(c["description"].as_str().unwrap().chars().count() <= 100);
        }
        let guild = serde_json::to_value(definitions(false)).unwrap();
        assert!(guild[0].get("contexts").is_none());
    }

    #[test]
    fn long_questions_are_cut_on_characters() {
        assert_eq!(limit_question("who fired?"), ("who fired?".into(), false));
        let (cut, was_cut) = limit_question(&"é".repeat(QUESTION_MAX + 1));
        assert!(was_cut);
        assert_eq!(cut.chars().count(), QUESTION_MAX);
        let exact = "a".repeat(QUESTION_MAX);
        assert_eq!(limit_question(&exact), (exact.clone(), false));
    }

    #[test]
    fn mentions_are_stripped() {
        assert_eq!(question_from_mention("<@42> who fired?", 42), "who fired?");
        assert_eq!(
            question_from_mention("who <@!42>\nfired?", 42),
            "who fired?"
        );
        assert_eq!(question_from_mention("<@42> ask <@7>", 42), "ask <@7>");
        assert_eq!(question_from_mention("<@42>", 42), "");
    }
}
