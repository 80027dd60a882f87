//! Properties of the engine over open-ended input, on the tests' fixture knowledge.

use std::sync::OnceLock;

use factdesk_core::engine::MAX_QUESTION_BYTES;
use factdesk_core::{Answer, Engine, Status};
use factdesk_discord::{gateway::send, render};
use proptest::prelude::*;
use serde_json::{json, Value};

fn engine() -> &'static Engine {
    static ENGINE: OnceLock<Engine> = OnceLock::new();
    ENGINE.get_or_init(factdesk_testkit::fixture::bundled_engine)
}

/// Every reply is well formed: sources verbatim, JSON round-trips, fields consistent.
fn check_reply(question: &str, a: &Answer) {
    factdesk_testkit::checks::check_reply(engine(), question, a);
}

/// Every string of a JSON value, with its place.
fn strings<'a>(v: &'a Value, at: String, out: &mut Vec<(String, &'a str)>) {
    match v {
        Value::String(s) => out.push((at, s)),
        Value::Array(items) => {
            for (i, item) in items.iter().enumerate() {
                strings(item, format!("{at}[{i}]"), out);
            }
        }
        Value::Object(map) => {
            for (k, item) in map {
                strings(item, format!("{at}.{k}"), out);
            }
        }
        _ => {}
    }
}

/// A message payload as sent to Discord: it pings no one, and every `@` and
/// `<` of its text is escaped, so that no mention even shows.
fn check_payload(message: &Value) {
    assert_eq!(
        message["allowed_mentions"],
        json!({"parse": [], "users": [], "roles": [], "replied_user": false})
    );
    let mut texts = Vec::new();
    strings(&message["content"], "content".into(), &mut texts);
    strings(&message["embeds"], "embeds".into(), &mut texts);
    for (at, text) in texts {
        let chars: Vec<char> = text.chars().collect();
        for (i, &c) in chars.iter().enumerate() {
            if c == '@' || c == '<' {
                assert!(
                    i > 0 && chars[i - 1] == '\\',
                    "unescaped {c:?} in {at}: {text:?}"
                );
            }
        }
    }
}

/// The reply as Discord shows it, whichever way it is sent: within every limit, pinging no one.
fn check_rendered(a: &Answer, ephemeral: bool) {
    let e = engine();
    let replies = [
        render::answer(a, ephemeral),
        render::provenance(
            a,
            |s| {
                s.paragraph
                    .and_then(|n| e.paragraph(&s.article, n))
                    .map(str::to_string)
            },
            ephemeral,
        ),
    ];
    for reply in replies {
        if let Err(broken) = reply.check() {
            panic!("{broken}: {reply:?}");
        }
        let interaction = serde_json::to_value(send::interaction_response(&reply)).unwrap();
        check_payload(&interaction["data"]);
        check_payload(&serde_json::to_value(send::channel_message(&reply, None)).unwrap());
    }
}

/// Asks as the Discord edge does: the engine reads the question without its
/// Discord markup; the reply echoes it as typed. Checks the reply both as
/// JSON and as rendered for Discord.
fn ask_and_check(q: &str, ephemeral: bool) -> Answer {
    let mut a = engine().answer(&factdesk_discord::question::question_text(q));
    a.question = q.to_string();
    check_reply(q, &a);
    check_rendered(&a, ephemeral);
    a
}

/// Pieces of hostile or odd questions: real question words, controls, bidi
/// and zero-width characters, emoji, Hangul, markdown and mentions.
fn piece() -> impl Strategy<Value = String> {
    prop_oneof![
        4 => prop::sample::select(vec![
            "how", "many", "warning", "shots", "were", "fired", "who", "when", "where", "why",
            "soldier", "defected", "defector", "old", "wannacry", "victims", "panmunjom", "tldr",
            "headline", "K-3", "20", "Yonhap", "North", "South", "korea", "?", "the", "did",
        ]).prop_map(str::to_string),
        1 => prop::sample::select(vec![
            "\u{0}", "\u{7}", "\n", "\r\n", "\t", "\u{1b}[31m", "\u{7f}", "\u{85}",
        ]).prop_map(str::to_string),
        1 => prop::sample::select(vec![
            "\u{202e}", "\u{202d}", "\u{202c}", "\u{2066}", "\u{2067}", "\u{2069}", "\u{200e}",
            "\u{200f}", "\u{61c}",
        ]).prop_map(str::to_string),
        1 => prop::sample::select(vec![
            "\u{200b}", "\u{200c}", "\u{200d}", "\u{2060}", "\u{feff}", "\u{ad}", "\u{fe0f}",
        ]).prop_map(str::to_string),
        1 => prop::sample::select(vec!["😀", "🔫", "👍🏽", "🇰🇷", "👨‍👩‍👧", "🙏"]).prop_map(str::to_string),
        1 => "\\p{Hangul}{1,6}",
        1 => prop::sample::select(vec![
            "**", "__", "*", "_", "~~", "||", "`", "```", "> ", "# ", "-# ", "1. ", "[x](https://e.com)",
            "\\", "<a:x:1>", ":smile:",
        ]).prop_map(str::to_string),
        1 => prop::sample::select(vec![
            "@everyone", "@here", "<@123>", "<@!123>", "<@&456>", "<#789>", "<t:0>", "@", "<",
        ]).prop_map(str::to_string),
        1 => "\\PC{1,8}",
    ]
}

/// A question made of [`piece`]s, some glued, some spaced.
fn hostile_question() -> impl Strategy<Value = String> {
    prop::collection::vec(
        (
            piece(),
            prop::sample::select(vec!["", " ", " ", "\u{200b}"]),
        ),
        0..24,
    )
    .prop_map(|parts| parts.into_iter().map(|(p, sep)| p + sep).collect())
}

/// Questions the bundled knowledge answers.
const ANSWERED: &[&str] = &[
    "How many warning shots were fired?",
    "Who reported the boat defection?",
    "how old is the defector",
    "What gun did the South Korean guards use?",
    "how many ppl defected to the south this year",
];

/// The reply with the question left out, to compare two phrasings.
fn gist(a: &Answer) -> (Status, String, Vec<factdesk_core::Source>, Vec<String>) {
    (
        a.status,
        a.answer.clone(),
        a.sources.clone(),
        a.suggestions.clone(),
    )
}

proptest! {
    #![proptest_config(ProptestConfig { cases: 500, ..ProptestConfig::default() })]

    #[test]
    fn any_string_gets_a_valid_reply(q in any::<String>(), ephemeral in any::<bool>()) {
        ask_and_check(&q, ephemeral);
    }

    #[test]
    fn mixed_scripts_and_controls_get_a_valid_reply(q in "[\\PC\\p{Hangul}\\u{0}-\\u{1f}\\u{200b}-\\u{200f}\\u{202a}-\\u{202e}😀-🙏 ]{0,300}") {
        ask_and_check(&q, false);
    }

    #[test]
    fn hostile_questions_get_a_valid_reply_that_pings_no_one(q in hostile_question(), ephemeral in any::<bool>()) {
        ask_and_check(&q, ephemeral);
    }

    #[test]
    fn invisible_characters_change_no_answer(
        which in 0..ANSWERED.len(),
        inserts in prop::collection::vec((any::<prop::sample::Index>(), prop::sample::select(vec![
            "\u{200b}", "\u{200c}", "\u{200d}", "\u{2060}", "\u{feff}", "\u{202e}", "\u{2066}", "\u{ad}",
        ])), 1..6),
    ) {
        let plain = ANSWERED[which];
        let mut chars: Vec<String> = plain.chars().map(String::from).collect();
        for (at, c) in inserts {
            chars.insert(at.index(chars.len() + 1), c.to_string());
        }
        let hidden: String = chars.concat();
        prop_assert_eq!(gist(&ask_and_check(&hidden, false)), gist(&engine().answer(plain)));
    }

    #[test]
    fn autocomplete_stays_in_bounds(q in any::<String>(), limit in 0usize..40) {
        let got = engine().complete(&q, limit);
        prop_assert!(got.len() <= limit);
        let choices = render::choices(&got);
        prop_assert!(factdesk_discord::render::reply::check_choices(&choices).is_ok());
    }
}

#[test]
fn extreme_inputs_get_valid_replies() {
    let long = "how many warning shots ".repeat(500);
    let cases = [
        String::new(),
        "   ".to_string(),
        "x".repeat(10_000),
        long,
        "\u{0}\u{1}\u{7f}\n\t".to_string(),
        "😀😀😀".to_string(),
        "북한 군인은 몇 살이었나요?".to_string(),
        "\u{202e}how many shots\u{202c}".to_string(),
        "@everyone <@123> **bold** `code`".to_string(),
    ];
    for q in &cases {
        ask_and_check(q, false);
    }
}

#[test]
fn wordless_questions_get_how_to_ask() {
    for q in [
        "",
        "   ",
        "\t\n\r",
        "😀😀😀",
        "???!!",
        "\u{200b}\u{202e}",
        "\u{0}\u{7}",
    ] {
        let a = ask_and_check(q, false);
        assert_eq!(a.status, Status::Unknown, "{q:?}");
        assert!(
            a.answer
                .starts_with("Ask me a question in words about \"Warning shots"),
            "{q:?}: {}",
            a.answer
        );
        assert_eq!(a.suggestions.len(), 3, "{q:?}");
        for s in &a.suggestions {
            assert!(engine().answer(s).is_answered(), "suggestion {s:?}");
        }
        let shown = &render::answer(&a, false).embeds[0].description;
        assert!(shown.contains("Ask me a question in words"), "{shown}");
        assert!(shown.contains("I can answer, for example:"), "{shown}");
    }
}

#[test]
fn questions_in_other_scripts_get_a_polite_decline_in_english() {
    for q in [
        "북한 군인은 몇 살이었나요?",
        "경고 사격은 몇 발이었나요",
        "Сколько было предупредительных выстрелов?",
        "士兵几岁了？",
        "كم عدد الطلقات التحذيرية؟",
        "警告射撃は何発でしたか",
        "북한 WannaCry 해킹?",
    ] {
        let a = ask_and_check(q, false);
        assert_eq!(a.status, Status::Unknown, "{q}: {}", a.answer);
        assert!(a.answer.contains("in English"), "{q}: {}", a.answer);
        assert!(a.sources.is_empty());
        assert_eq!(a.suggestions.len(), 3);
        for s in &a.suggestions {
            assert!(engine().answer(s).is_answered(), "suggestion {s:?}");
        }
    }
    // A foreign word in an English question is still read as English.
    let a = engine().answer("How many warning shots were fired near 판문점?");
    assert!(a.is_answered(), "{}", a.answer);
}

#[test]
fn controls_invisibles_and_emoji_do_not_change_the_answer() {
    let plain = engine().answer("How many warning shots were fired?");
    assert!(plain.answer.contains("20"), "{}", plain.answer);
    for q in [
        "How many war\u{200b}ning sh\u{200d}ots were fi\u{feff}red?",
        "\u{202e}How many warning shots were fired?\u{202c}",
        "How\u{2066} many warn\u{ad}ing shots\u{2069} were fired?",
        "How many\u{0}warning\u{7}shots\nwere\tfired?",
        "How many warning shots were fired? 😀🔫🇰🇷",
        "😀 How many 👍🏽 warning shots were fired?",
    ] {
        let a = ask_and_check(q, false);
        assert_eq!(gist(&a), gist(&plain), "{q:?}");
    }
}

#[test]
fn long_questions_are_read_up_to_the_limit_on_a_char_boundary() {
    let head = "How many warning shots were fired?";
    let pad = " ".repeat(MAX_QUESTION_BYTES - head.len() - 1);
    // The 'é' straddles the limit: the engine must cut before it, not inside it.
    let q = format!(
        "{head}{pad}é and who is Kim Jong Un {}",
        "zzz ".repeat(5000)
    );
    assert!(!q.is_char_boundary(MAX_QUESTION_BYTES));
    let a = ask_and_check(&q, false);
    assert_eq!(a.question, q);
    assert_eq!(gist(&a), gist(&engine().answer(head)));
    assert_eq!(engine().analyze(&q).words, engine().analyze(head).words);
    // Past the limit nothing is read: a question whose words all stand there has none.
    let late = format!("{}how many warning shots", " ".repeat(MAX_QUESTION_BYTES));
    assert!(engine().analyze(&late).words.is_empty());
}

#[test]
fn markdown_and_mentions_in_a_question_are_shown_escaped() {
    let q = "@everyone **How many** warning shots were _fired_? <@123> ||pls|| `#1`";
    let a = ask_and_check(q, false);
    assert!(a.is_answered(), "{}", a.answer);
    let d = &render::answer(&a, false).embeds[0].description;
    let shown = r"**Q:** \@everyone \*\*How many\*\* warning shots were \_fired\_? \<\@123> \|\|pls\|\| \`#1\`";
    assert!(d.starts_with(shown), "{d}");
}

#[test]
fn unknown_replies_decline_plainly_and_suggest() {
    for q in ["What's the capital of France?", "Who leads North Korea?"] {
        let a = engine().answer(q);
        assert_eq!(a.status, Status::Unknown, "{q}: {}", a.answer);
        assert!(a.answer.contains("does not say"), "{}", a.answer);
        assert!(!a.suggestions.is_empty());
        for s in &a.suggestions {
            assert!(
                engine().answer(s).is_answered(),
                "suggestion {s:?} is answerable"
            );
        }
    }
}

#[test]
fn messages_to_the_bot_get_what_it_answers() {
    for q in [
        "tell me a joke",
        "help",
        "what's your name",
        "good night bot",
    ] {
        let a = engine().answer(q);
        assert_eq!(a.status, Status::Unknown, "{q}: {}", a.answer);
        assert!(
            a.answer.starts_with("I answer questions about the news"),
            "{q}: {}",
            a.answer
        );
        assert!(a.sources.is_empty(), "{q}");
        assert!(!a.suggestions.is_empty(), "{q}");
    }
}

#[test]
fn answers_carry_sources_and_attributions() {
    let a = engine().answer("Who reported the boat defection?");
    assert!(a.is_answered());
    assert_eq!(
        a.sources[0].attribution.as_deref(),
        Some("Yonhap news agency")
    );
    assert!(a.sources[0].paragraph.is_some());
    let a = engine().answer("how many ppl defected to the south this year");
    assert!(a.answer.contains("15"), "{}", a.answer);
    assert_eq!(
        a.sources[0].attribution.as_deref(),
        Some("Joint Chiefs of Staff tally")
    );
}

#[test]
fn typos_are_tolerated() {
    // (question, its misspelled word, what the answer says): each misspelled
    // word is needed, as the question without it is not answered so.
    let answers = |q: &str, want: &str| {
        let a = engine().answer(q);
        a.is_answered() && a.answer.contains(want)
    };
    for (q, typo, want) in [
        ("how many contries", "contries", "150"),
        ("how many victms", "victms", "200,000"),
        ("what time did he arive", "arive", "8am"),
        ("what was the visibilty", "visibilty", "fog"),
        ("what is pyongyang bulding up", "bulding", "nuclear"),
        ("what is panmunjon", "panmunjon", "truce village"),
        ("how many warnign shots", "warnign", "Up to 20"),
    ] {
        assert!(answers(q, want), "{q}: {:?}", engine().answer(q));
        let without = q
            .replace(typo, "")
            .split_whitespace()
            .collect::<Vec<_>>()
            .join(" ");
        assert!(
            !answers(&without, want),
            "{without:?} is answered with {want:?} even without {typo:?}"
        );
    }
}

#[test]
fn summary_intent_gives_headline_and_summary() {
    for q in [
        "tldr",
        "what is this about",
        "headline?",
        "summarise the story",
    ] {
        let a = engine().answer(q);
        assert!(a.is_answered(), "{q}");
        assert!(
            a.answer
                .contains("Warning shots fired after North Korean soldier defects to South"),
            "{q}: {}",
            a.answer
        );
    }
}

#[test]
fn autocomplete_ranks_fitting_questions() {
    let got = engine().complete("warning sh", 25);
    assert!(!got.is_empty() && got.len() <= 25);
    assert!(got[0].to_lowercase().contains("shot"), "{got:?}");
    assert!(engine().complete("", 25).len() == 25);
    for q in engine().complete("wannacry", 10) {
        assert!(q.chars().count() <= 100);
    }
}

#[test]
fn paragraphs_and_articles_are_listed() {
    let e = engine();
    let info = e.articles();
    assert_eq!(info.len(), 1);
    assert_eq!(
        info[0].title,
        "Warning shots fired after North Korean soldier defects to South"
    );
    assert!(info[0].paragraphs >= 14);
    assert!(e
        .paragraph(&info[0].id, 1)
        .unwrap()
        .starts_with("South Korean guards fired up to 20 warning shots"));
    assert!(e.paragraph(&info[0].id, 0).is_none());
    assert!(e.paragraph(&info[0].id, 999).is_none());
    assert!(!e.topics().is_empty());
}
