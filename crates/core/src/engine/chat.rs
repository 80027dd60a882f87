//! Messages addressed to the bot rather than asked about the news: greetings,
//! "help", questions about the bot itself ("what's your name") and requests
//! for a task it does not do ("translate ...", "write me a poem"). They get
//! a word on what factdesk answers, never a fact that happens to share a word.

/// Whole messages that greet or ask for help, as folded words.
const WHOLE: &[&[&str]] = &[
    &["help"],
    &["hi"],
    &["hello"],
    &["hey"],
    &["thanks"],
    &["thank", "you"],
    &["thx"],
    &["bye"],
    &["good", "morning"],
    &["good", "night"],
    &["good", "evening"],
    &["gm"],
    &["gn"],
    &["who", "are", "you"],
    &["what", "are", "you"],
    &["what", "can", "you", "do"],
    &["how", "are", "you"],
    &["are", "you", "a", "bot"],
    &["are", "you", "real"],
    &["who", "made", "you"],
    &["what", "time", "is", "it"],
    &["what", "day", "is", "it"],
    &["what", "is", "the", "time"],
    &["whats", "the", "time"],
    &["what", "is", "the", "date"],
    &["whats", "the", "date"],
    &["what", "is", "today"],
    &["whats", "today"],
    &["is", "that", "true"],
    &["is", "it", "true"],
    &["really"],
    // Reactions: a word on what was said, no question.
    &["nice"],
    &["cool"],
    &["wow"],
    &["great"],
    &["awesome"],
    &["interesting"],
    &["lol"],
    &["lmao"],
    &["haha"],
    &["hmm"],
    &["ty"],
    &["np"],
    &["sure"],
    &["k"],
    &["kk"],
    &["damn"],
    &["oops"],
    &["yikes"],
    &["oh"],
    &["ah"],
    &["true"],
    &["same"],
];

/// Words that, opening a message, ask for a task rather than a fact.
const TASKS: &[&str] = &[
    "translate",
    "write",
    "convert",
    "calculate",
    "compute",
    "solve",
    "recommend",
    "draw",
    "sing",
    "compose",
    "generate",
];

/// Words that may open a message before what it says.
const OPENERS: &[&str] = &[
    "ok", "okay", "so", "yo", "hey", "hi", "hello", "bot", "pls", "please", "um",
];

/// Words after which "your" asks about the bot itself.
const ABOUT_YOU: &[&str] = &[
    "name",
    "favorite",
    "favourite",
    "opinion",
    "purpose",
    "creator",
];

/// Whole messages that ask what the latest stories are, as folded words
/// ("what's" reads "what").
const LATEST: &[&[&str]] = &[
    &["what", "new"],
    &["whats", "new"],
    &["what", "is", "new"],
    &["anything", "new"],
    &["any", "news"],
    &["news"],
    &["latest"],
    &["latest", "news"],
    &["the", "latest"],
    &["what", "the", "latest"],
    &["whats", "the", "latest"],
    &["what", "is", "the", "latest"],
    &["what", "the", "latest", "news"],
    &["whats", "the", "latest", "news"],
    &["what", "is", "the", "latest", "news"],
    &["latest", "stories"],
    &["newest", "stories"],
];

/// Whether the message, as folded words, asks for the latest stories
/// ("what's new?", "latest news"), openers ("ok so") aside.
pub fn asks_for_latest(words: &[String]) -> bool {
    let mut said = politely(after_openers(words));
    said.retain(|w| *w != "today");
    LATEST.contains(&said.as_slice())
}

/// The words of a message after its openers ("ok so").
fn after_openers(words: &[String]) -> &[String] {
    let start = words
        .iter()
        .position(|w| !OPENERS.contains(&w.as_str()))
        .unwrap_or(words.len());
    &words[start..]
}

/// `words` without the words that only address the bot or ask politely.
fn politely(words: &[String]) -> Vec<&str> {
    words
        .iter()
        .map(String::as_str)
        .filter(|w| !matches!(*w, "bot" | "pls" | "please" | "factdesk"))
        .collect()
}

/// Whether the message, as folded words, is addressed to the bot rather
/// than asked about the news.
pub fn addressed_to_bot(words: &[String]) -> bool {
    let after = after_openers(words);
    let rest: Vec<&str> = after.iter().map(String::as_str).collect();
    if rest.is_empty() {
        return !words.is_empty();
    }
    // As written ("are you a bot"), without the words that only address
    // the bot, and without a closing "today" or "(right) now" ("what day is
    // it today").
    let mut said = politely(after);
    if WHOLE.contains(&rest.as_slice()) || WHOLE.contains(&said.as_slice()) {
        return true;
    }
    for ending in [&["right", "now"][..], &["now"], &["today"]] {
        if said.ends_with(ending) {
            said.truncate(said.len() - ending.len());
            break;
        }
    }
    if WHOLE.contains(&said.as_slice()) {
        return true;
    }
    if TASKS.contains(&rest[0]) || rest.starts_with(&["tell", "me", "a", "joke"]) {
        return true;
    }
    rest.windows(2)
        .any(|w| w[0] == "your" && ABOUT_YOU.contains(&w[1]))
}

/// Words of the weather.
const WEATHER: &[&str] = &[
    "weather",
    "forecast",
    "temperature",
    "rain",
    "raining",
    "snow",
    "snowing",
    "sunny",
    "cloudy",
    "windy",
    "fog",
    "foggy",
];

/// Words placing a question now or ahead, not in the news.
const NOW_OR_AHEAD: &[&str] = &["today", "tomorrow", "tonight", "now", "currently"];

/// Words placing a question in the past, as news is.
const PAST: &[&str] = &["was", "were", "did", "had", "yesterday"];

/// Whether the message, as folded words, asks for the weather now or to
/// come ("what's the weather like in Seoul today?", "will it rain
/// tomorrow"): no article answers a forecast, though one may say what the
/// weather was ("what was the weather when he crossed?").
pub fn asks_for_a_forecast(words: &[String]) -> bool {
    let has = |list: &[&str]| words.iter().any(|w| list.contains(&w.as_str()));
    has(WEATHER) && has(NOW_OR_AHEAD) && !has(PAST)
}

/// Whether the message, as folded words, asks how to do something, in the
/// first person or as "how to" ("how do I reset my router", "so how can we
/// learn guitar", "how to lose weight fast"), or what anyone must do ("how
/// old do you have to be to join the army?", "what do you need to get a
/// visa"): instructions and rules, which no news article gives, though it
/// may share their words ("plays the guitar", "a low-ranking soldier, aged 19").
pub fn asks_how_to(words: &[String]) -> bool {
    let anyone_must = words
        .windows(3)
        .any(|w| w[0] == "you" && matches!(w[1].as_str(), "have" | "need") && w[2] == "to");
    if anyone_must {
        return true;
    }
    let Some(at) = words.iter().take(2).position(|w| w == "how") else {
        return false;
    };
    let rest: Vec<&str> = words[at + 1..].iter().take(2).map(String::as_str).collect();
    match rest.as_slice() {
        ["to", ..] => true,
        [aux, person] => {
            matches!(*aux, "do" | "can" | "should" | "could" | "would" | "shall")
                && matches!(*person, "i" | "we")
        }
        _ => false,
    }
}

/// Whether the message holds a sum to work out ("whats 2+2", "7 times 8"):
/// a number, an operator (a sign, or a word between spaces), a number.
/// Hyphens and slashes are left alone: "K-3", "2-3 days", "11/13".
pub fn is_arithmetic(question: &str) -> bool {
    // Every sum holds a number, and a number a digit: most questions hold none.
    if !question.bytes().any(|b| b.is_ascii_digit()) {
        return false;
    }
    let lower = question.to_lowercase();
    let tokens = arithmetic_tokens(&lower);
    tokens.windows(3).any(|w| {
        w[0] == Token::Number
            && w[2] == Token::Number
            && matches!(
                w[1],
                Token::Sign | Token::Word("plus" | "minus" | "times" | "x")
            )
    }) || tokens
        .windows(2)
        .any(|w| w[0] == Token::Number && matches!(w[1], Token::Word("squared" | "cubed")))
        || tokens.windows(4).any(|w| {
            w[..3]
                == [
                    Token::Word("square"),
                    Token::Word("root"),
                    Token::Word("of"),
                ]
                && w[3] == Token::Number
        })
        || tokens.windows(4).any(|w| {
            w[0] == Token::Number
                && matches!(w[1], Token::Word("divided" | "multiplied"))
                && w[2] == Token::Word("by")
                && w[3] == Token::Number
        })
}

#[derive(Debug, Clone, Copy, PartialEq, Eq)]
enum Token<'a> {
    Number,
    Sign,
    Word(&'a str),
    Other,
}

/// `text` as numbers, operator signs, words and anything else.
fn arithmetic_tokens(text: &str) -> Vec<Token<'_>> {
    let mut tokens = Vec::new();
    let mut rest = text;
    while let Some(c) = rest.chars().next() {
        let len = if c.is_ascii_digit() {
            tokens.push(Token::Number);
            rest.find(|c: char| !(c.is_ascii_digit() || c == '.' || c == ','))
                .unwrap_or(rest.len())
        } else if c.is_alphabetic() {
            let end = rest
                .find(|c: char| !c.is_alphabetic())
                .unwrap_or(rest.len());
            // A word glued to a number ("4x4", "3rd") is no operator.
            let glued = text[..text.len() - rest.len()]
                .chars()
                .next_back()
                .is_some_and(|p| p.is_ascii_digit());
            tokens.push(if glued {
                Token::Other
            } else {
                Token::Word(&rest[..end])
            });
            end
        } else if matches!(c, '+' | '*' | '×' | '÷' | '=' | '^') {
            tokens.push(Token::Sign);
            c.len_utf8()
        } else {
            if !c.is_whitespace() {
                tokens.push(Token::Other);
            }
            c.len_utf8()
        };
        rest = &rest[len..];
    }
    tokens
}

#[cfg(test)]
mod tests {
    use super::{
        addressed_to_bot, asks_for_a_forecast, asks_for_latest, asks_how_to, is_arithmetic,
    };

    #[test]
    fn asking_how_to_do_something_is_asking_for_instructions() {
        let how_to = |m: &str| asks_how_to(&crate::text::words(m));
        for m in [
            "how do I reset my router",
            "How can we learn to play guitar?",
            "so how do i write a cover letter",
            "how to lose weight fast",
            "How should I cook rice?",
            "How old do you have to be to join the army?",
            "what do you need to get a visa",
        ] {
            assert!(how_to(m), "{m}");
        }
        for m in [
            "how did the soldier escape",
            "how do the guards know he defected",
            "How can the US respond?",
            "what did officials say about how to respond?",
            "how many shots were fired",
            "what did the spokesman have to say",
            "do you know how many shots were fired",
            "how",
        ] {
            assert!(!how_to(m), "{m}");
        }
    }

    #[test]
    fn the_weather_now_or_to_come_is_a_forecast_and_past_weather_is_not() {
        let forecast = |m: &str| asks_for_a_forecast(&crate::text::words(m));
        for m in [
            "What's the weather like in Seoul today?",
            "will it rain tomorrow",
            "is it foggy in London now",
        ] {
            assert!(forecast(m), "{m}");
        }
        for m in [
            "What was the weather when the soldier crossed?",
            "did the fog lift today",
            "what happened today",
            "how much rain fell",
        ] {
            assert!(!forecast(m), "{m}");
        }
    }

    #[test]
    fn sums_are_arithmetic_and_codes_and_ranges_are_not() {
        for m in [
            "whats 2+2",
            "what is 7 * 8?",
            "12 times 3",
            "what's 100 divided by 4",
            "5 x 5 = ?",
            "2^10",
            "what is 19 squared",
            "square root of 16",
        ] {
            assert!(is_arithmetic(m), "{m}");
        }
        for m in [
            "how many times was he shot",
            "what is a K-3 gun",
            "what happened on 11/13",
            "2-3 days later",
            "did they fire 3 times",
            "4x4 trucks",
            "how many square miles",
            "",
        ] {
            assert!(!is_arithmetic(m), "{m}");
        }
    }

    #[test]
    fn whats_new_asks_for_the_latest_stories() {
        for m in [
            "what new",
            "ok so what new today",
            "latest news",
            "any news",
            "news",
        ] {
            assert!(asks_for_latest(&words(m)), "{m}");
        }
        for m in [
            "what is new about the fence",
            "latest casualty figures",
            "new",
        ] {
            assert!(!asks_for_latest(&words(m)), "{m}");
        }
    }

    fn words(s: &str) -> Vec<String> {
        s.split_whitespace().map(str::to_string).collect()
    }

    #[test]
    fn greetings_help_and_tasks_are_for_the_bot() {
        for m in [
            "help",
            "hey bot",
            "good night bot",
            "whats your name",
            "ok so what is your name",
            "translate good morning into french",
            "write me a poem about the ocean",
            "convert 10 miles to km",
            "tell me a joke",
            "who are you",
            "what time is it",
            "are you a bot",
            "what day is it today",
            "whats the date today",
            "what time is it right now",
            "is that true",
            "nice",
            "ok cool",
        ] {
            assert!(addressed_to_bot(&words(m)), "{m}");
        }
    }

    #[test]
    fn questions_about_the_news_are_not() {
        for m in [
            "who wrote the report",
            "what did the soldier write",
            "how did they help him",
            "what time did he arrive in the morning",
            "who helped the soldier",
            "was it a good night for the guards",
            "what is the name of the ransomware",
            "is that true of the soldier",
            "what day is it today in Seoul after the defection",
            "nice weather for the crossing?",
        ] {
            assert!(!addressed_to_bot(&words(m)), "{m}");
        }
    }
}
