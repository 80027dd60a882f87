//! Pure rendering: engine results in, [`Reply`] out, within every Discord limit.
//!
//! Text the user typed is one-lined and escaped before it is echoed; article
//! text is escaped so that it shows verbatim.

pub mod actions;
pub mod markdown;
pub mod reply;

use factdesk_core::engine::{ArticleInfo, Topic};
use factdesk_core::{Answer, Source, Status};

use self::actions::Action;
use self::markdown::{block_quote, escape, len, one_line, truncate};
use self::reply::{limits, Button, ButtonStyle, Choice, Embed, Field, Reply};

/// Embed colour of an answer.
pub const ANSWERED_COLOR: u32 = 0x2e8b57;
/// Embed colour of an unknown.
pub const UNKNOWN_COLOR: u32 = 0x8a8f98;
/// Embed colour of listings and help.
pub const INFO_COLOR: u32 = 0x4f6bed;

/// Longest echo of the user's question, in characters before escaping.
const QUESTION_ECHO: usize = 300;
/// Extra sources shown as fields under the main one.
const EXTRA_SOURCES: usize = 3;
/// Suggestion buttons on an unknown reply.
const SUGGESTIONS: usize = 5;

/// The confidence as a whole percentage (0 for anything not a number).
pub fn percent(confidence: f32) -> u32 {
    if confidence.is_finite() {
        (confidence.clamp(0.0, 1.0) * 100.0).round() as u32
    } else {
        0
    }
}

/// The user's question as shown back: one line, invisible and bidi control
/// characters dropped (so they cannot reorder the reply), markdown escaped.
fn echo(question: &str) -> String {
    let visible = factdesk_core::text::clean(question);
    escape(&truncate(&one_line(&visible), QUESTION_ECHO))
}

/// An article's outlet and date, each cut to a length a line can hold.
fn outlet_and_date(outlet: Option<&str>, published: Option<&str>) -> [Option<String>; 2] {
    [
        outlet.map(|o| truncate(&one_line(o), 80)),
        published.map(|p| truncate(p, 40)),
    ]
}

/// "— who · *title* (outlet, day) · paragraph n" under a quote; the outlet
/// and day when known.
fn attribution_line(source: &Source) -> String {
    let [outlet, published] =
        outlet_and_date(source.outlet.as_deref(), source.published.as_deref());
    let from = factdesk_core::engine::outlet_and_day(outlet.as_deref(), published.as_deref())
        .map_or_else(String::new, |f| format!(" ({})", escape(&f)));
    let title = format!(
        "*{}*{from}",
        escape(&truncate(&one_line(&source.title), 200))
    );
    let place = match source.paragraph {
        Some(n) => format!("paragraph {n}"),
        None => "caption or headline".to_string(),
    };
    match &source.attribution {
        Some(who) => format!(
            "— {} · {title} · {place}",
            escape(&truncate(&one_line(who), 200))
        ),
        None => format!("— {title} · {place}"),
    }
}

fn quoted(source: &Source, max_quote: usize) -> String {
    format!(
        "{}\n{}",
        block_quote(&truncate(&source.quote, max_quote)),
        attribution_line(source)
    )
}

fn ask_button(question: &str, style: ButtonStyle) -> Option<Button> {
    let custom_id = Action::Ask {
        question: question.to_string(),
        complete: true,
    }
    .encode()?;
    Some(Button {
        custom_id,
        label: truncate(&one_line(question), limits::LABEL),
        style,
        disabled: false,
    })
}

/// The reply to a question: the short answer, the verbatim quote, who said it
/// and where, the confidence, a "Source" button; or, when the articles do not
/// say, a plain statement and the suggestions as buttons.
pub fn answer(answer: &Answer, ephemeral: bool) -> Reply {
    let question = format!("**Q:** {}", echo(&answer.question));
    let short = escape(&one_line(&answer.answer));
    let footer = format!(
        "Confidence {}% · answers come only from the articles",
        percent(answer.confidence)
    );
    match answer.status {
        Status::Answered if !answer.sources.is_empty() => {
            let main = &answer.sources[0];
            let title_fits = len(&short) <= limits::TITLE && !short.is_empty();
            let mut description = question;
            if !title_fits {
                description.push_str("\n\n");
                description.push_str(&truncate(&short, 1500));
            }
            description.push_str("\n\n");
            description.push_str(&quoted(main, 1200));
            let fields = answer.sources[1..]
                .iter()
                .take(EXTRA_SOURCES)
                .map(|s| Field {
                    name: "Also".into(),
                    value: quoted(s, 400),
                })
                .collect();
            let embed = Embed {
                title: Some(if title_fits { short } else { "Answer".into() }),
                description,
                fields,
                footer: Some(footer),
                color: ANSWERED_COLOR,
            };
            let source_button = main
                .paragraph
                .and_then(|paragraph| {
                    Action::Source {
                        article: main.article.clone(),
                        paragraph,
                    }
                    .encode()
                })
                .map(|custom_id| Button {
                    custom_id,
                    label: "Source".into(),
                    style: ButtonStyle::Secondary,
                    disabled: false,
                });
            Reply::embed(
                embed,
                source_button.map(|b| vec![vec![b]]).unwrap_or_default(),
                ephemeral,
            )
        }
        _ if !answer.stories.is_empty() => which_story(answer, question, ephemeral),
        _ => {
            let mut description = format!("{question}\n\n{}", truncate(&short, 1500));
            let suggestions: Vec<&String> = answer.suggestions.iter().take(SUGGESTIONS).collect();
            if !suggestions.is_empty() {
                description.push_str("\n\nI can answer, for example:");
                for s in &suggestions {
                    description.push_str(&format!("\n• {}", escape(&truncate(&one_line(s), 300))));
                }
            }
            let buttons: Vec<Button> = suggestions
                .iter()
                .filter_map(|s| ask_button(s, ButtonStyle::Primary))
                .collect();
            let embed = Embed {
                title: Some("Not in my sources".into()),
                description,
                fields: Vec::new(),
                footer: Some(footer),
                color: UNKNOWN_COLOR,
            };
            Reply::embed(
                embed,
                if buttons.is_empty() {
                    vec![]
                } else {
                    vec![buttons]
                },
                ephemeral,
            )
        }
    }
}

/// "Which story do you mean?": the stories, numbered, and a button for each
/// that answers the question from it.
fn which_story(answer: &Answer, question: String, ephemeral: bool) -> Reply {
    let stories = &answer.stories[..answer.stories.len().min(SUGGESTIONS)];
    let mut description = format!("{question}\n\nIt fits more than one story:");
    let mut buttons = Vec::new();
    for (i, story) in stories.iter().enumerate() {
        let [outlet, published] =
            outlet_and_date(story.outlet.as_deref(), story.published.as_deref());
        let described = factdesk_core::engine::described(
            &truncate(&one_line(&story.title), 200),
            outlet.as_deref(),
            published.as_deref(),
        );
        description.push_str(&format!("\n{}. {}", i + 1, escape(&described)));
        let action = Action::Story {
            article: story.article.clone(),
            question: Some(one_line(&answer.question)),
        };
        if let Some(custom_id) = action.encode() {
            buttons.push(Button {
                custom_id,
                label: truncate(
                    &format!("{}. {}", i + 1, one_line(&story.title)),
                    limits::LABEL,
                ),
                style: ButtonStyle::Primary,
                disabled: false,
            });
        }
    }
    let embed = Embed {
        title: Some(escape(&one_line(&answer.answer))),
        description,
        fields: Vec::new(),
        footer: Some("Pick a story: the answer comes from it alone".into()),
        color: INFO_COLOR,
    };
    let rows = if buttons.is_empty() {
        vec![]
    } else {
        vec![buttons]
    };
    Reply::embed(embed, rows, ephemeral)
}

/// `text` escaped, with `quote` in bold where it stands, within `max`
/// characters: when the whole does not fit, the quote alone between ellipses.
pub fn highlight(text: &str, quote: Option<&str>, max: usize) -> String {
    let found = quote
        .filter(|q| !q.is_empty())
        .and_then(|q| text.find(q).map(|at| (q, at)));
    let Some((q, at)) = found else {
        return truncate(&escape(text), max);
    };
    let (before, after) = (&text[..at], &text[at + q.len()..]);
    let whole = format!("{}**{}**{}", escape(before), escape(q), escape(after));
    if len(&whole) <= max {
        return whole;
    }
    let before = if before.is_empty() { "" } else { "… " };
    let after = if after.is_empty() { "" } else { " …" };
    let q = truncate(&escape(q), max.saturating_sub(8));
    format!("{before}**{q}**{after}")
}

/// A whole body paragraph, with `quote` in bold where it stands in it.
pub fn paragraph(
    title: &str,
    article: &str,
    number: u32,
    text: &str,
    quote: Option<&str>,
) -> Reply {
    let description = highlight(text, quote, limits::DESCRIPTION);
    let embed = Embed {
        title: Some(escape(&truncate(&one_line(title), 200))),
        description,
        fields: Vec::new(),
        footer: Some(truncate(&format!("Paragraph {number} of {article}"), 200)),
        color: INFO_COLOR,
    };
    Reply::embed(embed, vec![], true)
}

/// `/source` with a question: where the answer's quotes come from.
pub fn provenance(
    answer_: &Answer,
    paragraph_of: impl Fn(&Source) -> Option<String>,
    ephemeral: bool,
) -> Reply {
    if !answer_.is_answered() || answer_.sources.is_empty() {
        return answer(answer_, ephemeral);
    }
    let fields = answer_
        .sources
        .iter()
        .take(limits::FIELDS)
        .map(|s| {
            let title = escape(&truncate(&one_line(&s.title), 200));
            let name = match s.paragraph {
                Some(n) => format!("{title}, paragraph {n}"),
                None => format!("{title}, caption or headline"),
            };
            let quote = one_line(&s.quote);
            let body = match paragraph_of(s) {
                Some(p) => highlight(&one_line(&p), Some(&quote), 900),
                None => format!("**{}**", escape(&truncate(&quote, 900))),
            };
            Field { name, value: body }
        })
        .collect();
    let embed = Embed {
        title: Some("Where the answer comes from".into()),
        description: format!(
            "**Q:** {}\n**A:** {}",
            echo(&answer_.question),
            escape(&one_line(&answer_.answer))
        ),
        fields,
        footer: Some("Each quote, in bold, stands verbatim in the paragraph shown".into()),
        color: INFO_COLOR,
    };
    Reply::embed(embed, vec![], ephemeral)
}

/// `/source` without a question: the articles behind the bot.
pub fn articles(articles: &[ArticleInfo]) -> Reply {
    let shown = articles.len().min(limits::FIELDS - 1);
    let mut fields: Vec<Field> = articles[..shown]
        .iter()
        .map(|a| Field {
            name: escape(&truncate(&one_line(&a.title), 200)),
            value: format!(
                "{} paragraphs · {} facts · id `{}`",
                a.paragraphs,
                a.facts,
                truncate(&a.id.replace('`', "'"), 200)
            ),
        })
        .collect();
    if articles.len() > shown {
        fields.push(Field {
            name: "And more".into(),
            value: format!("{} more articles", articles.len() - shown),
        });
    }
    let description = if articles.is_empty() {
        "The knowledge base holds no articles yet.".to_string()
    } else {
        "Every answer quotes a sentence of one of these articles verbatim and names the paragraph \
         it stands in. Press **Source** under an answer to read that whole paragraph, or use \
         `/source question:` to see where an answer's quotes come from."
            .to_string()
    };
    let embed = Embed {
        title: Some(format!(
            "The article{} behind this bot",
            if articles.len() == 1 { "" } else { "s" }
        )),
        description,
        fields,
        footer: Some("factdesk answers only from these articles".into()),
        color: INFO_COLOR,
    };
    Reply::embed(embed, vec![], false)
}

/// `/about`: how to ask and what the bot knows.
pub fn about(articles: &[ArticleInfo], topics: &[Topic]) -> Reply {
    let questions: usize = topics.iter().map(|t| t.questions.len()).sum();
    let titles: Vec<String> = articles
        .iter()
        .take(10)
        .map(|a| format!("• *{}*", escape(&truncate(&one_line(&a.title), 200))))
        .collect();
    let description = format!(
        "I answer questions about news articles, and only from them: every answer quotes the \
         sentence it comes from and who said it. When the articles do not say, I say so plainly \
         and suggest questions I can answer.\n\n\
         **How to ask**\n\
         • `/ask question:` (add `private:True` to see the answer alone)\n\
         • send me a direct message\n\
         • mention me in a server channel, followed by your question\n\n\
         **What I know**\n{} article{}, {} topic{}, {} example question{} (see `/topics` and `/source`).\n{}",
        articles.len(),
        if articles.len() == 1 { "" } else { "s" },
        topics.len(),
        if topics.len() == 1 { "" } else { "s" },
        questions,
        if questions == 1 { "" } else { "s" },
        titles.join("\n"),
    );
    let embed = Embed {
        title: Some("About factdesk".into()),
        description,
        fields: Vec::new(),
        footer: Some("Answers come only from the articles, never from elsewhere".into()),
        color: INFO_COLOR,
    };
    Reply::embed(embed, vec![], false)
}

/// `/topics` split in pages of fields, each page within the embed limits.
pub fn topic_pages(topics: &[Topic]) -> Vec<Vec<Field>> {
    const PAGE_CHARS: usize = 2000;
    const PAGE_FIELDS: usize = 4;
    let mut fields = Vec::new();
    for topic in topics {
        let name = escape(&truncate(&one_line(&topic.name), 200));
        let mut value = String::new();
        let mut part = 0;
        for q in &topic.questions {
            let line = format!("• {}", escape(&truncate(&one_line(q), 300)));
            if !value.is_empty() && len(&value) + 1 + len(&line) > limits::FIELD_VALUE {
                fields.push(Field {
                    name: continued(&name, part),
                    value: std::mem::take(&mut value),
                });
                part += 1;
            }
            if !value.is_empty() {
                value.push('\n');
            }
            value.push_str(&line);
        }
        if value.is_empty() {
            value = "(no questions yet)".into();
        }
        fields.push(Field {
            name: continued(&name, part),
            value,
        });
    }
    let mut pages: Vec<Vec<Field>> = Vec::new();
    let mut page: Vec<Field> = Vec::new();
    let mut chars = 0;
    for f in fields {
        let n = len(&f.name) + len(&f.value);
        if !page.is_empty() && (chars + n > PAGE_CHARS || page.len() == PAGE_FIELDS) {
            pages.push(std::mem::take(&mut page));
            chars = 0;
        }
        chars += n;
        page.push(f);
    }
    if !page.is_empty() {
        pages.push(page);
    }
    pages
}

fn continued(name: &str, part: usize) -> String {
    if part == 0 {
        name.to_string()
    } else {
        format!("{name} (continued)")
    }
}

/// Page `page` (clamped) of `/topics`, with Previous/Next buttons when there
/// is more than one page.
pub fn topics(topics: &[Topic], page: usize) -> Reply {
    let pages = topic_pages(topics);
    if pages.is_empty() {
        let embed = Embed {
            title: Some("What I can answer".into()),
            description: "The knowledge base holds no topics yet.".into(),
            color: INFO_COLOR,
            ..Embed::default()
        };
        return Reply::embed(embed, vec![], false);
    }
    let last = pages.len() - 1;
    let page = page.min(last);
    let embed = Embed {
        title: Some("What I can answer".into()),
        description: "Ask any of these with `/ask`, in a direct message, or by mentioning me."
            .into(),
        fields: pages[page].clone(),
        footer: Some(format!("Page {} of {}", page + 1, pages.len())),
        color: INFO_COLOR,
    };
    let rows = if pages.len() > 1 {
        let nav = |label: &str, target: usize, disabled: bool| Button {
            custom_id: Action::Topics(target).encode().unwrap_or_default(),
            label: label.into(),
            style: ButtonStyle::Secondary,
            disabled,
        };
        vec![vec![
            nav("◀ Previous", page.saturating_sub(1), page == 0),
            nav("Next ▶", (page + 1).min(last), page == last),
        ]]
    } else {
        vec![]
    };
    // With two pages or more, Previous and Next never target the same page,
    // so their ids differ even at either end.
    Reply::embed(embed, rows, false)
}

/// Autocomplete choices for questions: at most 25, names and values within
/// 100 characters (a cut value ends with `…` and is expanded back on use).
pub fn choices(questions: &[String]) -> Vec<Choice> {
    let mut seen = std::collections::HashSet::new();
    questions
        .iter()
        .map(|q| one_line(q))
        .filter(|q| !q.is_empty())
        .map(|q| Choice {
            name: truncate(&q, limits::CHOICE_NAME),
            value: truncate(&q, limits::CHOICE_VALUE),
        })
        .filter(|c| seen.insert(c.value.clone()))
        .take(limits::CHOICES)
        .collect()
}

/// Autocomplete choices for stories: the title with its outlet and day, the
/// article's id as the value.
pub fn story_choices(articles: &[ArticleInfo]) -> Vec<Choice> {
    articles
        .iter()
        .filter(|a| len(&a.id) <= limits::CHOICE_VALUE)
        .map(|a| Choice {
            name: truncate(
                &one_line(&factdesk_core::engine::described(
                    &a.title,
                    a.outlet.as_deref(),
                    a.published.as_deref(),
                )),
                limits::CHOICE_NAME,
            ),
            value: a.id.clone(),
        })
        .take(limits::CHOICES)
        .collect()
}

/// `/latest` (and "what's new?" in a DM): the newest stories, each with its
/// outlet and day, out of `total` articles.
pub fn latest(articles: &[ArticleInfo], total: usize) -> Reply {
    let lines: Vec<String> = articles
        .iter()
        .enumerate()
        .map(|(i, a)| {
            let day = a.published.as_deref().map(factdesk_core::engine::day_of);
            let from = match (&a.outlet, day) {
                (Some(o), Some(d)) => format!(" — {} · {d}", escape(&truncate(&one_line(o), 80))),
                (Some(o), None) => format!(" — {}", escape(&truncate(&one_line(o), 80))),
                (None, Some(d)) => format!(" — {d}"),
                (None, None) => String::new(),
            };
            format!(
                "{}. **{}**{from}",
                i + 1,
                escape(&truncate(&one_line(&a.title), 200))
            )
        })
        .collect();
    let description = if lines.is_empty() {
        "The knowledge base holds no articles yet.".to_string()
    } else {
        format!(
            "{}\n\nAsk about one with `/ask question:… article:…`, or ask \"tldr\" for the newest.",
            lines.join("\n")
        )
    };
    let embed = Embed {
        title: Some("The latest stories".into()),
        description,
        fields: Vec::new(),
        footer: Some(format!(
            "{} of {total} article{} · newest first",
            articles.len(),
            if total == 1 { "" } else { "s" }
        )),
        color: INFO_COLOR,
    };
    Reply::embed(embed, vec![], false)
}

/// The reply to `/ask article:` naming a story no longer served.
pub fn unknown_story() -> Reply {
    Reply::text(
        "That story is no longer served: ask again without `article`, or pick one from the list \
         (`/latest` shows the newest).",
        true,
    )
}

/// The reply to a "which story?" button whose question is no longer kept.
pub fn story_question_lost() -> Reply {
    Reply::text(
        "I no longer have that question: ask it again, with `/ask question:… article:…` to \
         choose the story.",
        true,
    )
}

/// The polite cooldown notice.
pub fn cooldown(remaining_secs: u64) -> Reply {
    let secs = remaining_secs.max(1);
    Reply::text(
        &format!(
            "One question at a time, please: you can ask again in {secs} second{}.",
            if secs == 1 { "" } else { "s" }
        ),
        true,
    )
}

/// The reply to a mention or DM with no question in it.
pub fn empty_question() -> Reply {
    Reply::text(
        "Ask me a question about the articles, for example in a direct message or after \
         mentioning me. `/topics` lists what I can answer.",
        false,
    )
}

/// The apology when preparing a reply failed (the error is in the log).
pub fn failure(ephemeral: bool) -> Reply {
    Reply::text(
        "Sorry, something went wrong while preparing this reply. It has been logged; \
         please try again.",
        ephemeral,
    )
}

/// The notice above the answer to a question cut to `limit` characters.
pub fn question_cut(limit: usize) -> String {
    format!("Your message was longer than {limit} characters: I read only its first {limit}.")
}

/// `reply` with `notice` above it.
pub fn with_notice(mut reply: Reply, notice: &str) -> Reply {
    reply.content = Some(match reply.content.take() {
        Some(c) => format!("{notice}\n{c}"),
        None => notice.to_string(),
    });
    reply.fit()
}

/// `/reload` by someone who is not an owner.
pub fn not_an_owner() -> Reply {
    Reply::text(
        "Sorry, only the bot's owners can reload its knowledge base.",
        true,
    )
}

/// `/reload` when Discord could not say who the owners are.
pub fn owners_unknown() -> Reply {
    Reply::text(
        "I could not check with Discord who owns this bot, so I did not reload. \
         Please try again in a moment.",
        true,
    )
}

/// `/reload` succeeded.
pub fn reloaded(loaded: &str) -> Reply {
    Reply::text(
        &format!(
            "Reloaded the knowledge base: now serving {}.",
            escape(loaded)
        ),
        true,
    )
}

/// `/reload` rejected an invalid knowledge base.
pub fn reload_rejected(reason: &str) -> Reply {
    Reply::text(
        &format!(
            "The new knowledge base is invalid, so the previous one keeps serving:\n{}",
            block_quote(&truncate(reason, 1500))
        ),
        true,
    )
}

#[cfg(test)]
mod tests {
    use super::*;

    fn source(quote: &str, paragraph: Option<u32>) -> Source {
        Source {
            quote: quote.into(),
            attribution: Some("Yonhap news agency".into()),
            article: "art-1".into(),
            title: "Shots fired at the border".into(),
            paragraph,
            outlet: None,
            published: None,
            url: None,
        }
    }

    fn answered(question: &str) -> Answer {
        Answer {
            question: question.into(),
            status: Status::Answered,
            answer: "Ten soldiers crossed the line.".into(),
            confidence: 0.873,
            sources: vec![source(
                "About 10 soldiers crossed the line, Yonhap said.",
                Some(3),
            )],
            suggestions: vec![],
            stories: Vec::new(),
        }
    }

    #[test]
    fn notices_read_as_one_sentence() {
        for reply in [unknown_story(), story_question_lost()] {
            let text = reply.content.unwrap();
            assert!(!text.contains("  "), "{text:?}");
        }
    }

    #[test]
    fn the_attribution_names_the_outlet_and_day_when_known() {
        let mut s = source("Shots were fired.", Some(2));
        assert_eq!(
            attribution_line(&s),
            "— Yonhap news agency · *Shots fired at the border* · paragraph 2"
        );
        s.outlet = Some("BBC News".into());
        s.published = Some("2019-11-19T17:42:40+00:00".into());
        assert_eq!(
            attribution_line(&s),
            "— Yonhap news agency · *Shots fired at the border* (BBC News, 2019-11-19) · paragraph 2"
        );
    }

    #[test]
    fn which_story_lists_the_stories_with_a_button_each() {
        let story = |i: usize| factdesk_core::Story {
            article: format!("story-{i}-{}", "x".repeat(50)),
            title: format!("Story *{i}* {}", "long ".repeat(60)),
            outlet: Some("The Post".into()),
            published: Some("2019-11-20T08:00:00+00:00".into()),
        };
        let mut a = unknown(&"who won? ".repeat(30), &[]);
        a.answer = "Which story do you mean?".into();
        a.stories = (0..7).map(story).collect();
        let reply = answer(&a, false);
        reply.check().unwrap();
        let embed = &reply.embeds[0];
        assert_eq!(embed.title.as_deref(), Some("Which story do you mean?"));
        assert!(
            embed.description.contains("\n1. \"Story \\*0\\*"),
            "{}",
            embed.description
        );
        assert!(embed.description.contains("(The Post, 2019-11-20)"));
        let buttons = &reply.rows[0];
        assert_eq!(buttons.len(), SUGGESTIONS, "at most five stories");
        // The question does not fit beside a 58-character id: the button
        // carries the story alone, and the conversation the question.
        assert_eq!(
            Action::decode(&buttons[1].custom_id),
            Some(Action::Story {
                article: a.stories[1].article.clone(),
                question: None
            })
        );
        a.question = "who won?".into();
        let short = answer(&a, true);
        assert_eq!(
            Action::decode(&short.rows[0][0].custom_id),
            Some(Action::Story {
                article: a.stories[0].article.clone(),
                question: Some("who won?".into())
            })
        );
        assert!(short.ephemeral);
    }

    fn unknown(question: &str, suggestions: &[&str]) -> Answer {
        Answer {
            question: question.into(),
            status: Status::Unknown,
            answer: "The articles do not say.".into(),
            confidence: 0.1,
            sources: vec![],
            suggestions: suggestions.iter().map(|s| s.to_string()).collect(),
            stories: Vec::new(),
        }
    }

    #[test]
    fn answered_reply_has_answer_quote_attribution_confidence_and_source_button() {
        let r = answer(&answered("How many crossed?"), false);
        r.check().unwrap();
        let e = &r.embeds[0];
        assert_eq!(e.title.as_deref(), Some("Ten soldiers crossed the line."));
        assert!(
            e.description
                .contains("> About 10 soldiers crossed the line, Yonhap said."),
            "{}",
            e.description
        );
        assert!(e
            .description
            .contains("— Yonhap news agency · *Shots fired at the border* · paragraph 3"));
        assert_eq!(
            e.footer.as_deref(),
            Some("Confidence 87% · answers come only from the articles")
        );
        assert_eq!(r.rows[0][0].label, "Source");
        assert_eq!(
            Action::decode(&r.rows[0][0].custom_id),
            Some(Action::Source {
                article: "art-1".into(),
                paragraph: 3
            })
        );
        assert!(!r.ephemeral);
    }

    #[test]
    fn echoed_question_is_escaped() {
        let r = answer(&answered("**who** @everyone <@123>\nnext line"), true);
        let d = &r.embeds[0].description;
        assert!(
            d.starts_with(r"**Q:** \*\*who\*\* \@everyone \<\@123> next line"),
            "{d}"
        );
        assert!(r.ephemeral);
    }

    #[test]
    fn echoed_question_drops_controls_and_bidi_overrides() {
        let r = answer(&answered("\u{202E}who\u{200B} fired\u{0}?\u{2066}"), false);
        let d = &r.embeds[0].description;
        assert!(d.starts_with("**Q:** who fired ?\n"), "{d:?}");
    }

    #[test]
    fn caption_quotes_have_no_source_button() {
        let mut a = answered("q");
        a.sources[0].paragraph = None;
        let r = answer(&a, false);
        assert!(r.rows.is_empty());
        assert!(r.embeds[0].description.contains("caption or headline"));
    }

    #[test]
    fn unknown_reply_says_so_and_offers_suggestions_as_buttons() {
        let r = answer(
            &unknown(
                "What is the weather?",
                &["Who fired?", "Where did it happen?"],
            ),
            false,
        );
        r.check().unwrap();
        assert_eq!(r.embeds[0].title.as_deref(), Some("Not in my sources"));
        assert!(r.embeds[0].description.contains("The articles do not say."));
        let labels: Vec<_> = r.rows[0].iter().map(|b| b.label.as_str()).collect();
        assert_eq!(labels, ["Who fired?", "Where did it happen?"]);
        assert_eq!(
            Action::decode(&r.rows[0][0].custom_id),
            Some(Action::Ask {
                question: "Who fired?".into(),
                complete: true
            })
        );
    }

    #[test]
    fn long_answers_move_to_the_description() {
        // Too long for a title (256): the whole answer opens the description,
        // between the question and the quote.
        let mut a = answered("q");
        a.answer = "word *".repeat(60);
        let r = answer(&a, false);
        r.check().unwrap();
        let e = &r.embeds[0];
        assert_eq!(e.title.as_deref(), Some("Answer"));
        let shown = r"word \*".repeat(60);
        assert_eq!(
            e.description,
            format!(
                "**Q:** q\n\n{}\n\n> About 10 soldiers crossed the line, Yonhap said.\n\
                 — Yonhap news agency · *Shots fired at the border* · paragraph 3",
                shown.trim_end()
            )
        );
        // Longer than 1500 characters: cut to 1500, with an ellipsis.
        a.answer = "x".repeat(3000);
        let r = answer(&a, false);
        r.check().unwrap();
        let e = &r.embeds[0];
        assert!(
            e.description
                .starts_with(&format!("**Q:** q\n\n{}…\n\n> About 10", "x".repeat(1499))),
            "{}",
            e.description
        );
    }

    #[test]
    fn paragraph_bolds_the_quote() {
        let r = paragraph(
            "T",
            "a",
            2,
            "First. The quote here. Last.",
            Some("The quote here."),
        );
        assert_eq!(r.embeds[0].description, "First. **The quote here.** Last.");
        assert!(r.ephemeral);
        let r = paragraph("T", "a", 2, "No match.", Some("elsewhere"));
        assert_eq!(r.embeds[0].description, "No match.");
    }

    #[test]
    fn highlight_falls_back_to_the_quote_when_too_long() {
        let text = format!("{} The quote. {}", "a".repeat(500), "b".repeat(500));
        assert_eq!(
            highlight(&text, Some("The quote."), 100),
            "… **The quote.** …"
        );
        assert_eq!(highlight("x *y*", Some("nope"), 100), r"x \*y\*");
        assert!(len(&highlight(&"q".repeat(500), Some(&"q".repeat(500)), 100)) <= 100);
    }

    #[test]
    fn provenance_bolds_the_quote_in_its_paragraph() {
        let a = answered("How many crossed?");
        let r = provenance(
            &a,
            |_| Some("Before. About 10 soldiers crossed the line, Yonhap said. After.".into()),
            false,
        );
        r.check().unwrap();
        let f = &r.embeds[0].fields[0];
        assert_eq!(f.name, "Shots fired at the border, paragraph 3");
        assert_eq!(
            f.value,
            "Before. **About 10 soldiers crossed the line, Yonhap said.** After."
        );
    }

    #[test]
    fn topics_paginate_within_limits() {
        let topics: Vec<Topic> = (0..30)
            .map(|i| Topic {
                name: format!("Topic {i}"),
                questions: (0..20)
                    .map(|j| format!("Question {j} about topic {i} and more words?"))
                    .collect(),
            })
            .collect();
        let pages = topic_pages(&topics);
        assert!(pages.len() > 1);
        for p in 0..pages.len() {
            let r = super::topics(&topics, p);
            r.check().unwrap();
            assert_eq!(r.rows[0].len(), 2);
        }
        assert!(super::topics(&topics, 0).rows[0][0].disabled);
        assert!(super::topics(&topics, 999).rows[0][1].disabled);
        let total: usize = pages
            .iter()
            .flatten()
            .map(|f| f.value.matches('•').count())
            .sum();
        assert_eq!(total, 30 * 20);
    }

    #[test]
    fn small_topic_lists_have_no_buttons() {
        let t = vec![Topic {
            name: "A".into(),
            questions: vec!["Q?".into()],
        }];
        let r = topics(&t, 0);
        assert!(r.rows.is_empty());
        assert_eq!(r.embeds[0].fields[0].value, "• Q?");
        topics(&[], 0).check().unwrap();
    }

    #[test]
    fn choices_fit_discord() {
        let qs: Vec<String> = (0..40)
            .map(|i| format!("{i} {}", "long ".repeat(40)))
            .collect();
        let c = choices(&qs);
        assert_eq!(c.len(), 25);
        super::reply::check_choices(&c).unwrap();
    }

    #[test]
    fn articles_and_about_fit() {
        let arts: Vec<ArticleInfo> = (0..40)
            .map(|i| ArticleInfo {
                id: format!("a{i}"),
                title: "T".repeat(300),
                paragraphs: 9,
                facts: 4,
                outlet: Some("O".repeat(300)),
                published: Some("2019-11-19T17:42:40+00:00".into()),
            })
            .collect();
        articles(&arts).check().unwrap();
        articles(&[]).check().unwrap();
        latest(&arts[..10], 40).check().unwrap();
        latest(&[], 0).check().unwrap();
        super::reply::check_choices(&story_choices(&arts)).unwrap();
        assert!(latest(&arts[..1], 40).embeds[0]
            .description
            .contains(" · 2019-11-19"));
        about(&arts, &[]).check().unwrap();
        assert!(articles(&arts[..1]).embeds[0].fields[0]
            .value
            .contains("9 paragraphs"));
    }

    #[test]
    fn percent_is_clamped() {
        assert_eq!(percent(f32::NAN), 0);
        assert_eq!(percent(2.0), 100);
        assert_eq!(percent(0.5), 50);
    }
}
