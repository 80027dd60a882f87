//! Question-type cues: "how many", "when", "where", "who", "why" and friends,
//! read from the question's words, and the same types inferred from a fact's text.

use super::extract::{measured_after_how, names_a_figure};
use crate::knowledge::Cue;

/// What the question words say about the answer sought.
#[derive(Debug, Clone, Default, PartialEq)]
pub struct Cues {
    /// The answer types asked for.
    pub wanted: Vec<Cue>,
    /// Token positions used up by a cue phrase ("how many", "what time").
    pub consumed: Vec<usize>,
    /// Of those, the type nouns after "what" or "which" ("which *agency*").
    pub type_nouns: Vec<usize>,
    /// Content terms a cue phrase stands for ("how old" -> "age").
    pub implied: Vec<&'static str>,
    /// A yes/no question ("did", "was", "is", "were" first).
    pub yes_no: bool,
    /// The question asks about the future ("will", "next").
    pub future: bool,
    /// Word position where the asked-for thing is named ("how many *victims*", "what *gun*").
    pub focus_at: Option<usize>,
    /// The message asks what the article says about something rather than
    /// for one fact: "tell me about the boat", "sum up the cyber bit".
    pub topic: bool,
}

/// Phrases, as folded words, with the cue they carry, the words they use up
/// (by offset in the phrase) and a content term they imply. Longer phrases
/// come before the shorter ones they begin with.
/// A cue phrase: its words, its cue, the offsets it uses up, the term it implies.
type Phrase = (
    &'static [&'static str],
    Cue,
    &'static [usize],
    Option<&'static str>,
);

const PHRASES: &[Phrase] = &[
    (
        &["what", "day", "of", "the", "week"],
        Cue::Time,
        &[1, 2, 3, 4],
        None,
    ),
    (
        &["which", "day", "of", "the", "week"],
        Cue::Time,
        &[1, 2, 3, 4],
        None,
    ),
    (&["what", "time", "of", "day"], Cue::Time, &[1, 2, 3], None),
    (&["how", "much", "time"], Cue::Time, &[1, 2], None),
    (&["how", "many", "times"], Cue::Number, &[1, 2], None),
    (&["how", "many"], Cue::Number, &[1], None),
    (&["how", "much"], Cue::Number, &[1], None),
    (&["how", "old"], Cue::Number, &[1], Some("age")),
    (&["how", "young"], Cue::Number, &[1], Some("age")),
    (&["what", "age"], Cue::Number, &[], None),
    (&["number", "of"], Cue::Number, &[0], None),
    (&["how", "long"], Cue::Time, &[1], None),
    (&["what", "time"], Cue::Time, &[1], None),
    (&["which", "time"], Cue::Time, &[1], None),
    (&["what", "day"], Cue::Time, &[1], None),
    (&["which", "day"], Cue::Time, &[1], None),
    (&["what", "date"], Cue::Time, &[1], None),
    (&["what", "year"], Cue::Time, &[1], None),
    (&["what", "month"], Cue::Time, &[1], None),
    (&["which", "place"], Cue::Place, &[1], None),
    (&["what", "place"], Cue::Place, &[1], None),
    (&["which", "agency"], Cue::Person, &[], None),
    (&["which", "body"], Cue::Person, &[1], None),
    (&["which", "organization"], Cue::Person, &[1], None),
    (&["which", "organisation"], Cue::Person, &[1], None),
    (&["how", "come"], Cue::Reason, &[1], None),
    (&["what", "reason"], Cue::Reason, &[1], None),
    (&["what", "caused"], Cue::Reason, &[1], None),
];

/// Question words that are cues when they open the question (not as "... when he came").
const OPENERS: &[(&str, Cue)] = &[
    ("when", Cue::Time),
    ("where", Cue::Place),
    ("who", Cue::Person),
    ("whom", Cue::Person),
    ("whose", Cue::Person),
    ("why", Cue::Reason),
];

/// Nouns that name the type of answer after "what" or "which"; those of a
/// figure ("number", "percentage") are the short-answer reader's
/// ([`names_a_figure`]).
const TYPE_NOUNS: &[(&str, Cue)] = &[
    ("body", Cue::Person),
    ("agency", Cue::Person),
    ("organization", Cue::Person),
    ("organisation", Cue::Person),
    ("group", Cue::Person),
    ("department", Cue::Person),
    ("outlet", Cue::Person),
    ("person", Cue::Person),
    ("place", Cue::Place),
    ("location", Cue::Place),
    ("area", Cue::Place),
    ("spot", Cue::Place),
    ("time", Cue::Time),
    ("day", Cue::Time),
    ("date", Cue::Time),
    ("hour", Cue::Time),
    ("month", Cue::Time),
    ("year", Cue::Time),
    ("reason", Cue::Reason),
];

/// Type nouns that name the type only before "of": "what share of
/// voters", not "Comcast's share value".
const TYPE_NOUNS_BEFORE_OF: &[&str] = &["share"];

/// Words a chat question may start with before the real question.
const FILLERS: &[&str] = &[
    "so", "ok", "okay", "and", "but", "hey", "yo", "um", "uh", "hmm", "lol", "bruh", "well",
    "wait", "also", "then", "like", "just", "pls", "please", "quick", "question", "q", "bot",
];

/// Openings of a request for what the article says about a topic.
const TOPIC_OPENINGS: &[&[&str]] = &[
    &["tell", "me", "about"],
    &["tell", "us", "about"],
    &["tell", "me", "more", "about"],
    &["what", "about"],
    &["what", "is", "going", "on", "in"],
    &["what", "is", "going", "on", "with"],
    &["what", "was", "going", "on", "in"],
    &["what", "happened", "in"],
    &["what", "happened", "with"],
    &["what", "happened", "to"],
    &["how", "about"],
    &["anything", "about"],
    &["anything", "on"],
    &["more", "about"],
    &["more", "on"],
    &["info", "on"],
    &["info", "about"],
    &["talk", "about"],
    &["sum", "up"],
    &["summarize"],
    &["summarise"],
    &["recap"],
    &["describe"],
    &["explain"],
];

/// Words that stand for "the part of the story" in a topic request: "the
/// cyber *bit*", "the boat *stuff*".
const TOPIC_FILLER: &[&str] = &[
    "bit",
    "bits",
    "part",
    "parts",
    "stuff",
    "thing",
    "things",
    "side",
    "section",
    "story",
    "situation",
    "details",
    "info",
    "whole",
    "for",
    "me",
    "pls",
    "please",
];

/// Words that may lead into a question before its question word: "you know
/// where ...", "can you tell me who ...", "i wonder when ...".
const LEAD_INS: &[&str] = &[
    "you",
    "know",
    "do",
    "does",
    "can",
    "could",
    "would",
    "tell",
    "me",
    "us",
    "i",
    "id",
    "wonder",
    "wondering",
    "idea",
    "any",
    "want",
    "wanna",
    "to",
    "like",
    "need",
    "curious",
    "let",
    "ask",
    "asking",
    "was",
    "just",
    "see",
];

/// Prepositions that may stand before a question word that opens a
/// question: "at whom", "by whom", "since when" ("in what year" is read by
/// "what" wherever it stands).
const PREPOSITIONS: &[&str] = &[
    "at", "by", "with", "from", "for", "in", "on", "since", "until",
];

/// Verbs of reporting after "who": the question asks for a sentence's source.
pub(super) const REPORTING: &[&str] = &[
    "reported",
    "reports",
    "said",
    "says",
    "announced",
    "told",
    "claimed",
    "confirmed",
    "stated",
];

/// Every word a cue phrase uses, for the typo-correction vocabulary.
pub const CUE_WORDS: &[&str] = &[
    "how",
    "many",
    "much",
    "old",
    "young",
    "age",
    "number",
    "long",
    "time",
    "times",
    "day",
    "date",
    "year",
    "month",
    "when",
    "where",
    "place",
    "who",
    "whom",
    "whose",
    "agency",
    "body",
    "organization",
    "why",
    "come",
    "reason",
    "caused",
    "will",
    "gonna",
];

/// First words of a yes/no question.
pub(crate) const YES_NO_OPENERS: &[&str] = &[
    "did", "does", "do", "was", "were", "is", "are", "has", "have", "had", "can", "could", "will",
    "would", "any",
];

/// Words that ask about what has not happened yet (a launch "slated" or
/// "scheduled" is still to come).
#[rustfmt::skip]
const FUTURE: &[&str] = &[
    "will", "gonna", "going", "next", "future", "plan", "plans", "predict", "expect", "expected",
    "slated", "scheduled", "upcoming", "planning", "intends", "intend", "forthcoming",
];

/// The cue phrases whose first word is `word`, in [`PHRASES`]' order (so
/// the first that matches is the first of all that matches): a question's
/// word is compared with those only.
fn phrases_opening_with(word: &str) -> impl Iterator<Item = &'static Phrase> {
    static BY_FIRST: std::sync::OnceLock<
        rustc_hash::FxHashMap<&'static str, Vec<&'static Phrase>>,
    > = std::sync::OnceLock::new();
    let by_first = BY_FIRST.get_or_init(|| {
        let mut map: rustc_hash::FxHashMap<&'static str, Vec<&'static Phrase>> =
            rustc_hash::FxHashMap::default();
        for phrase in PHRASES {
            map.entry(phrase.0[0]).or_default().push(phrase);
        }
        map
    });
    by_first.get(word).into_iter().flatten().copied()
}

/// Reads the cues of a question from its folded words.
pub fn detect(words: &[String]) -> Cues {
    let mut cues = Cues::default();
    let want = |cues: &mut Cues, cue: Cue| {
        if !cues.wanted.contains(&cue) {
            cues.wanted.push(cue);
        }
    };
    let mut start = 0;
    while start < words.len() {
        let found = phrases_opening_with(&words[start]).find(|(phrase, ..)| {
            let end = start + phrase.len();
            end <= words.len()
                && words[start..end]
                    .iter()
                    .zip(phrase.iter())
                    .all(|(w, p)| w == p)
        });
        match found {
            Some((phrase, cue, consumed, implied)) => {
                want(&mut cues, *cue);
                cues.consumed.extend(consumed.iter().map(|o| start + o));
                cues.implied.extend(implied.iter().copied());
                if phrase.len() == 2 && phrase[0] == "how" && matches!(phrase[1], "many" | "much") {
                    // "how many *victims*": the counted thing is what the answer must be about.
                    cues.focus_at.get_or_insert(start + phrase.len());
                }
                start += phrase.len();
            }
            // "how far", "how warm", "how expensive": an amount, as the
            // short-answer reader reads it.
            None if words[start] == "how"
                && words.get(start + 1).is_some_and(|w| measured_after_how(w)) =>
            {
                want(&mut cues, Cue::Number);
                cues.consumed.push(start + 1);
                start += 2;
            }
            None => start += 1,
        }
    }
    // "which military body", "what news outlet", "what part of the coast": a type noun near the question word.
    for (i, w) in words.iter().enumerate() {
        if w != "what" && w != "which" {
            continue;
        }
        for (j, word) in words.iter().enumerate().take(i + 4).skip(i + 1) {
            // A noun of a figure ("what number", "what percentage of") as
            // the short-answer reader reads it.
            let typed = TYPE_NOUNS
                .iter()
                .find(|(n, _)| n == word)
                .map(|&(_, cue)| cue)
                .or_else(|| names_a_figure(word).then_some(Cue::Number))
                .filter(|_| {
                    !TYPE_NOUNS_BEFORE_OF.contains(&word.as_str())
                        || words.get(j + 1).is_some_and(|w| w == "of")
                });
            if let Some(cue) = typed {
                want(&mut cues, cue);
                cues.consumed.push(j);
                cues.type_nouns.push(j);
                break;
            }
        }
    }
    // "who reported the boat defection?": asks for the source, whose
    // reporting verb the sentence may not write ("..., Yonhap news agency said").
    // So does "which agency reported ...?".
    let asker = words
        .iter()
        .position(|w| w == "who")
        .or_else(|| cues.type_nouns.first().copied());
    if let Some(w) = asker {
        if words
            .get(w + 1)
            .is_some_and(|v| REPORTING.contains(&v.as_str()))
        {
            cues.consumed.push(w + 1);
        }
    }
    let first = words.iter().position(|w| !FILLERS.contains(&w.as_str()));
    let first = first.map(|lead| {
        let first = after_lead_in(words, lead);
        // "wait so", "quick question", "i want to know": how it is asked, not what.
        cues.consumed.extend(0..first);
        first
    });
    // "tell me about the boat": its opening and "bit", "stuff" are how it
    // is asked; it asks for no typed answer.
    if let Some(first) = first {
        if let Some(opening) = opening_phrase(&words[first..], TOPIC_OPENINGS) {
            cues.topic = true;
            let rest = first + opening.len();
            cues.consumed.extend(first..rest);
            cues.consumed
                .extend((rest..words.len()).filter(|&i| TOPIC_FILLER.contains(&words[i].as_str())));
        }
    }
    // "... right now" (a chat "rn") closing a question says when it is
    // asked, not what about: no terms (the words stay, for "what's the
    // weather right now?").
    if let [_, .., right, now] = words {
        if right == "right" && now == "now" {
            cues.consumed.extend([words.len() - 2, words.len() - 1]);
        }
    }
    cues.consumed.sort_unstable();
    cues.consumed.dedup();
    cues.future = words.iter().any(|w| FUTURE.contains(&w.as_str()));
    if let Some(first) = first.filter(|_| !cues.topic) {
        let w = words[first].as_str();
        if let Some((_, cue)) = OPENERS.iter().find(|(o, _)| *o == w) {
            want(&mut cues, *cue);
        }
        if (w == "what" || w == "which" || w == "whats") && cues.focus_at.is_none() {
            cues.focus_at = Some(first + 1);
        }
        cues.yes_no = cues.wanted.is_empty() && YES_NO_OPENERS.contains(&w);
    }
    cues
}

/// The first of `phrases` (folded words) that `words` begin with.
pub(crate) fn opening_phrase<'p>(
    words: &[String],
    phrases: &[&'p [&'p str]],
) -> Option<&'p [&'p str]> {
    phrases
        .iter()
        .find(|p| words.len() >= p.len() && p.iter().zip(words).all(|(a, b)| a == b))
        .copied()
}

/// Where the question starting at `first` really starts: at its question
/// word when only [`LEAD_INS`] come before it, else at `first`.
fn after_lead_in(words: &[String], first: usize) -> usize {
    let lead = words[first..]
        .iter()
        .take_while(|w| LEAD_INS.contains(&w.as_str()))
        .count();
    let opener = |w: &String| OPENERS.iter().any(|(o, _)| o == w);
    match words.get(first + lead) {
        Some(w) if lead > 0 && (opener(w) || w == "what" || w == "which") => first + lead,
        Some(w) if lead == 0 && PREPOSITIONS.contains(&w.as_str()) => match words.get(first + 1) {
            Some(next) if opener(next) => first + 1,
            _ => first,
        },
        _ => first,
    }
}

/// Month names and abbreviations.
pub const MONTHS: &[&str] = &[
    "january",
    "february",
    "march",
    "april",
    "may",
    "june",
    "july",
    "august",
    "september",
    "october",
    "november",
    "december",
    "jan",
    "feb",
    "nov",
    "dec",
    "sept",
    "oct",
];
/// The days of the week.
pub const WEEKDAYS: &[&str] = &[
    "monday",
    "tuesday",
    "wednesday",
    "thursday",
    "friday",
    "saturday",
    "sunday",
];
const TIME_WORDS: &[&str] = &[
    "yesterday",
    "today",
    "morning",
    "evening",
    "night",
    "afternoon",
    "minute",
    "minutes",
    "hour",
    "hours",
    "later",
    "week",
    "month",
    "year",
    "years",
    "decade",
    "decades",
    "century",
    "centuries",
    "tonight",
];
const NUMBER_WORDS: &[&str] = &[
    "one", "two", "three", "four", "five", "six", "seven", "eight", "nine", "ten", "twenty",
    "hundred", "thousand", "million", "dozen", "pair",
];

/// Whether a word is a year of the last two millennia ("1964") or a decade
/// ("1950s"), as the words of a text write them.
fn is_year_or_decade(w: &str) -> bool {
    let digits = w.strip_suffix('s').unwrap_or(w);
    digits.len() == 4
        && digits.bytes().all(|b| b.is_ascii_digit())
        && digits
            .parse::<u32>()
            .is_ok_and(|y| (1000..=2100).contains(&y))
}

/// Infers the cues a text can answer, for facts that declare none.
pub fn infer(words: &[String]) -> Vec<Cue> {
    let mut out: Vec<Cue> = Vec::new();
    let has = |list: &[&str]| words.iter().any(|w| list.contains(&w.as_str()));
    if words.iter().any(|w| w.chars().any(|c| c.is_ascii_digit())) || has(NUMBER_WORDS) {
        out.push(Cue::Number);
    }
    if has(MONTHS)
        || has(WEEKDAYS)
        || has(TIME_WORDS)
        || words.iter().any(|w| {
            (w.ends_with("am") || w.ends_with("pm")) && w.starts_with(|c: char| c.is_ascii_digit())
                || is_year_or_decade(w)
        })
    {
        out.push(Cue::Time);
    }
    if words
        .iter()
        .any(|w| FUTURE.contains(&w.as_str()) && w != "going")
    {
        out.push(Cue::Future);
    }
    out
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::text::words;

    #[test]
    fn reads_question_types() {
        assert_eq!(detect(&words("How many shots?")).wanted, vec![Cue::Number]);
        assert_eq!(detect(&words("how old is he")).implied, vec!["age"]);
        assert_eq!(detect(&words("how young was he")).implied, vec!["age"]);
        let topic = detect(&words("ok sum up the cyber bit for me"));
        assert!(topic.topic && topic.wanted.is_empty());
        assert_eq!(topic.consumed, vec![0, 1, 2, 5, 6, 7]);
        assert!(detect(&words("tell me about the boat")).topic);
        assert!(detect(&words("what happened to the civilians")).topic);
        assert!(!detect(&words("tell me who fired")).topic);
        assert!(!detect(&words("what about")).future);
        assert_eq!(
            detect(&words("What time did he cross")).wanted,
            vec![Cue::Time]
        );
        assert_eq!(detect(&words("What time did he cross")).consumed, vec![1]);
        assert_eq!(
            detect(&words("where was the boat")).wanted,
            vec![Cue::Place]
        );
        assert_eq!(
            detect(&words("Which body produced the tally?")).wanted,
            vec![Cue::Person]
        );
        assert_eq!(
            detect(&words("why are tensions high")).wanted,
            vec![Cue::Reason]
        );
        // A share asks for a figure; the noun is how it is asked.
        let share = detect(&words("What share of the respondents were men?"));
        assert_eq!((share.wanted, share.consumed), (vec![Cue::Number], vec![1]));
        assert_eq!(
            detect(&words("which percentage of voters said no")).wanted,
            vec![Cue::Number]
        );
        assert!(detect(&words("What was Comcast's share value?"))
            .wanted
            .is_empty());
        assert!(detect(&words("was it foggy")).yes_no);
        assert!(detect(&words("hey bot was it foggy")).yes_no);
        assert!(!detect(&words("fog?")).yes_no);
        assert_eq!(
            detect(&words("how much time passed")).wanted,
            vec![Cue::Time]
        );
        assert!(detect(&words("was it foggy when he came over"))
            .wanted
            .is_empty());
        assert_eq!(
            detect(&words("so when did he cross")).wanted,
            vec![Cue::Time]
        );
        assert_eq!(
            detect(&words("how many victims were there")).focus_at,
            Some(2)
        );
        assert_eq!(detect(&words("what gun did they use")).focus_at, Some(1));
        assert!(detect(&words("what will the us do")).future);
        // "How" and an adjective of measure asks for an amount.
        for q in [
            "how far did the boat drift",
            "how warm does it get in summer",
        ] {
            assert_eq!(detect(&words(q)).wanted, vec![Cue::Number], "{q}");
        }
        // A launch "slated" or "scheduled" has not happened yet.
        assert!(detect(&words("when is the hd version slated for launch")).future);
        assert!(detect(&words("what is the upcoming release date")).future);
    }

    #[test]
    fn a_reporting_verb_after_who_asks_for_the_source() {
        let cues = detect(&words("Who reported the boat defection?"));
        assert_eq!(cues.wanted, vec![Cue::Person]);
        assert!(cues.consumed.contains(&1), "{:?}", cues.consumed);
        assert!(detect(&words("which agency reported the boat"))
            .consumed
            .contains(&2));
        // Any other verb after "who" is what the question is about.
        assert!(!detect(&words("who fired the shots")).consumed.contains(&1));
    }

    #[test]
    fn chat_before_the_question_is_how_it_is_asked() {
        // "wait" and "quick question" are no words of what is asked.
        let cues = detect(&words("wait so how many soldiers fled?"));
        assert!(cues.consumed.starts_with(&[0, 1]), "{:?}", cues.consumed);
        let cues = detect(&words("quick question, who fired?"));
        assert!(cues.consumed.starts_with(&[0, 1]), "{:?}", cues.consumed);
        // The same words inside the question are.
        assert!(!detect(&words("how long did they wait?"))
            .consumed
            .contains(&4));
    }

    #[test]
    fn a_preposition_may_open_the_question_word() {
        let wanted = |q: &str| detect(&words(q)).wanted;
        assert_eq!(wanted("At whom were the shots aimed?"), vec![Cue::Person]);
        assert_eq!(wanted("by whom was it founded"), vec![Cue::Person]);
        assert_eq!(wanted("since when has he led it?"), vec![Cue::Time]);
        // Not a question word after the preposition: nothing is asked.
        assert!(wanted("at the border who fired?").is_empty());
    }

    #[test]
    fn infers_fact_types() {
        assert_eq!(
            infer(&words("about 20 rounds were fired")),
            vec![Cue::Number]
        );
        assert_eq!(
            infer(&words("just after 8am on Thursday")),
            vec![Cue::Number, Cue::Time]
        );
        assert!(infer(&words("the man lies injured")).is_empty());
    }

    #[test]
    fn years_decades_and_weekdays_are_times() {
        let time = |s: &str| infer(&words(s)).contains(&Cue::Time);
        assert!(time("upon Byers' retirement in 1964"));
        assert!(time("in the 1950s, recruitment was open"));
        assert!(time("they met on Tuesday"));
        assert!(time("by the 12th century"));
        assert!(time("at 5pm"));
        // Counts and codes of four digits are not years.
        assert!(!time("some 2500 rounds were fired"));
        assert!(!time("a 9999 model"));
    }
}
