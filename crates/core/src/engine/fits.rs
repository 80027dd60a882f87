//! Whether an answer is of the kind the question asks for: an amount for
//! "how many", a count of the thing asked about and not an age or a span of time, a date of
//! the grain asked ("what day" against "this year"), a name for "what is
//! the name". The decision declines an answer that does not fit, however
//! well its sentence matches.

use factdesk_lexdb::{Lexdb, Pos};

use super::analyze::Analysis;
use super::extract::{self, Extracted, Wanted};

/// Whether a curated answer can answer a question asking for an amount
/// ("how many", "how long", "how old", "how much"): it holds a span of that
/// kind that says more than the question's own words `asked`. A curated fact
/// is written for its own questions, and its answer to them ("hospitals
/// including the NHS") says no number to "how many hospitals?", nor does
/// "two North Korean civilians were found" say how old the two civilians
/// were. Questions asking for anything else pass.
pub(super) fn holds_the_amount(wanted: Option<Wanted>, answer: &str, asked: &[String]) -> bool {
    states_the_amount(wanted, answer, false, asked)
}

/// [`holds_the_amount`]; with `since`, a date or time also says how long
/// ("independent since 2007"). Spans and words that only restate `asked`
/// (the question's own words: "Two North Korean civilians" for "how old were
/// the two civilians?") say nothing the question does not.
fn states_the_amount(wanted: Option<Wanted>, text: &str, since: bool, asked: &[String]) -> bool {
    use Wanted::*;
    let Some(wanted @ (Number | Money | Percent | Duration | Age)) = wanted else {
        return true;
    };
    let how_long = |kind: Wanted| since && wanted == Duration && matches!(kind, Date | Time);
    let new = |span: &str| asked.is_empty() || !extract::restates(span, asked);
    // "How old were the civilians?": "two North Korean civilians" counts
    // them. An age is a span the reader finds ("aged 19", "Smith, 45,"),
    // not any spelled number.
    let a_count_for_an_age = |span: &extract::Span| {
        wanted == Age && span.kind == Number && counts_a_thing(&text[span.start..])
    };
    extract::candidates(text).iter().any(|span| {
        (super::rank::answers(wanted, span.kind) || how_long(span.kind))
            && new(&text[span.start..span.end])
            && !a_count_for_an_age(span)
    }) || (wanted != Age && extract::states_an_amount(text, wanted, asked))
}

/// Whether the word after the number `from` opens on says what it counts:
/// a name ("two North Korean civilians") or a noun ("15 defectors"), not a
/// unit of age ("19 years old") nor a verb ("19 arrived").
fn counts_a_thing(from: &str) -> bool {
    let Some(next) = from
        .split(|c: char| !(c.is_alphanumeric() || c == '-' || c == ',' || c == '.'))
        .filter(|w| !w.is_empty())
        .nth(1)
    else {
        return false;
    };
    if next.chars().next().is_some_and(char::is_uppercase) {
        return true;
    }
    let folded = next.trim_end_matches([',', '.']).to_lowercase();
    !crate::text::is_stopword(&folded)
        && !folded.contains("year")
        && !matches!(folded.as_str(), "old" | "month" | "months")
        && is_a_noun(&folded)
}

/// Whether WordNet knows a folded word as a noun, in any of its forms.
fn is_a_noun(word: &str) -> bool {
    Lexdb::get()
        .base_lemmas(word)
        .iter()
        .any(|&(p, _)| p == Pos::Noun)
}

/// Whether a short answer is an age or a span of time ("reportedly 19",
/// "just over a month") while the question counts something else ("how many
/// soldiers were at the post?", "how many missiles does it own?").
pub(super) fn a_time_for_a_count(analysis: &Analysis, answer: &Extracted) -> bool {
    counts_no_time(analysis) && matches!(answer.kind, Some(Wanted::Age | Wanted::Duration))
}

/// Whether the question asks for a count and speaks of no time ("how many
/// soldiers?", not "how many years old?"): an age or a span of time does
/// not answer it.
fn counts_no_time(analysis: &Analysis) -> bool {
    analysis.wanted == Some(Wanted::Number)
        && !analysis
            .words
            .iter()
            .any(|w| TIME_WORDS.contains(&w.as_str()))
}

/// [`a_time_for_a_count`] for a curated answer, read whole: its only amounts
/// are ages or spans of time ("He was a low-ranking soldier, reportedly aged
/// 19." for "how many soldiers are in the US Army?").
pub(super) fn only_a_time_for_a_count(analysis: &Analysis, answer: &str) -> bool {
    use Wanted::*;
    if !counts_no_time(analysis) {
        return false;
    }
    let spans = extract::candidates(answer);
    spans.iter().any(|s| matches!(s.kind, Age | Duration))
        && !spans
            .iter()
            .any(|s| matches!(s.kind, Number | Money | Percent))
}

/// Whether "how old is the X?" asks the age of a thing that is no living
/// being and that the sentence does not mention: its age is another's ("how
/// old is the universe?" against "he was a low-ranking soldier, reportedly
/// aged 19"). Persons and animals may be the sentence's "he" or "it", and a
/// name ("how old is Feynman?") is left to the ranking.
pub(super) fn ages_another_thing(analysis: &Analysis, sentence: &str) -> bool {
    use crate::text::stem;
    let words = &analysis.words;
    if analysis.wanted != Some(Wanted::Age)
        || !matches!(words.first().map(String::as_str), Some("how"))
        || words.get(1).is_none_or(|w| w != "old")
        || !words
            .get(2)
            .is_some_and(|w| matches!(w.as_str(), "is" | "was" | "are" | "were"))
    {
        return false;
    }
    // The head of the phrase asked about: "soldier" in "the North Korean
    // soldier who defected" ("how old is he?" asks of no thing).
    let Some(thing) = phrase_at(&words[3..]).last() else {
        return false;
    };
    let living = || Lexdb::get().is_a(thing, "organism").is_some();
    is_a_noun(thing)
        && !super::meaning::names_persons(thing)
        && !living()
        && !writes_stem(sentence, &stem(thing))
}

/// Whether `text` writes a word whose stem is `stem`.
fn writes_stem(text: &str, stem: &str) -> bool {
    crate::text::words(text)
        .iter()
        .any(|w| crate::text::stem(w) == stem)
}

/// Whether a short answer is a sum of money ("$150K.") while the question
/// counts things ("how many pearls are on the dress?", "how many levels?"):
/// a sum counts no pearls. (A count of a currency, "how many dollars",
/// asks for money itself.)
pub(super) fn a_sum_for_a_count(analysis: &Analysis, answer: &Extracted) -> bool {
    analysis.wanted == Some(Wanted::Number)
        && answer.kind == Some(Wanted::Money)
        && analysis
            .words
            .windows(2)
            .any(|p| p[0] == "how" && p[1] == "many")
}

/// Whether a short answer is a point in time ("this week", "on Thursday")
/// while the question asks how long: only a time that opens, closes or
/// measures a span ("since 2007", "until March", "90 minutes later", "for a
/// week") says how long, and "how long ago" asks for a point.
pub(super) fn a_point_for_a_span(analysis: &Analysis, answer: &Extracted) -> bool {
    let spans = |w: &String| {
        matches!(
            w.as_str(),
            "since"
                | "from"
                | "until"
                | "till"
                | "between"
                | "for"
                | "later"
                | "after"
                | "before"
                | "earlier"
                | "ago"
        )
    };
    analysis.wanted == Some(Wanted::Duration)
        && matches!(answer.kind, Some(Wanted::Date | Wanted::Time))
        && !analysis.words.iter().any(|w| w == "ago")
        && !crate::text::words(&answer.text).iter().any(spans)
}

/// Whether a short answer is a time while the question asks the length of
/// a thing ("About 40 minutes later" for "how long is the DMZ?").
pub(super) fn a_time_for_a_length(analysis: &Analysis, answer: &Extracted) -> bool {
    analysis.wanted == Some(Wanted::Duration)
        && matches!(
            answer.kind,
            Some(Wanted::Duration | Wanted::Date | Wanted::Time)
        )
        && extract::asks_a_length(&analysis.words)
}

/// Whether a short answer is a measure ("190 kilometers") while the
/// question asks for a sum of money ("how much did the mission cost?").
pub(super) fn a_measure_for_money(analysis: &Analysis, answer: &Extracted) -> bool {
    analysis.wanted == Some(Wanted::Money)
        && answer.kind == Some(Wanted::Number)
        && extract::measures(&answer.text)
}

/// Words of a question counting time or age ("how many years", "how old").
const TIME_WORDS: &[&str] = &[
    "age",
    "ages",
    "aged",
    "old",
    "long",
    "time",
    "times",
    "year",
    "years",
    "month",
    "months",
    "week",
    "weeks",
    "day",
    "days",
    "hour",
    "hours",
    "minute",
    "minutes",
    "second",
    "seconds",
    "decade",
    "decades",
    "century",
    "centuries",
    // "How often?" asks for a rate of time: "every 90 minutes".
    "often",
    "frequently",
];

/// Whether a short answer is a date of another grain than the one asked
/// for: "this year" for "on what day did he defect?", "Thursday" for "what
/// year?".
pub(super) fn another_grain(analysis: &Analysis, answer: &Extracted) -> bool {
    matches!(answer.kind, Some(Wanted::Date | Wanted::Time))
        && of_another_grain(analysis, &answer.text)
}

/// Whether a curated answer to a question asking when, and the sentence it
/// quotes, are both of another grain than the one asked for: "on Nov. 13"
/// for "what time did it happen?" ([`another_grain`]).
pub(super) fn curated_of_another_grain(analysis: &Analysis, answer: &str, quoted: &str) -> bool {
    matches!(analysis.wanted, Some(Wanted::Date | Wanted::Time))
        && of_another_grain(analysis, answer)
        && of_another_grain(analysis, quoted)
}

/// The grain of date or time a question asks for: "what day", "what year",
/// "what month", "what time" (of day).
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub(super) enum Grain {
    Day,
    Year,
    Month,
    TimeOfDay,
}

/// Whether the question asks "what `noun`" or "which `noun`" ("what year").
fn asks_which(analysis: &Analysis, noun: &str) -> bool {
    analysis
        .words
        .windows(2)
        .any(|w| matches!(w[0].as_str(), "what" | "which") && w[1] == noun)
}

/// The grain `analysis` asks for, if it names one.
pub(super) fn asked_grain(analysis: &Analysis) -> Option<Grain> {
    let asked = |noun: &str| asks_which(analysis, noun);
    if asked("day") {
        return Some(Grain::Day);
    }
    if asked("year") {
        return Some(Grain::Year);
    }
    if asked("month") {
        return Some(Grain::Month);
    }
    // "What time" asks for a time of day; "during what time" or "around what
    // time" for a period ("1590-1712", "250 BC").
    let period = analysis.words.windows(3).any(|w| {
        matches!(w[0].as_str(), "during" | "around" | "in") && w[1] == "what" && w[2] == "time"
            || matches!(w[0].as_str(), "what" | "which")
                && w[1] == "time"
                && matches!(
                    w[2].as_str(),
                    "period" | "periods" | "frame" | "span" | "zone"
                )
    });
    (asked("time") && !period).then_some(Grain::TimeOfDay)
}

/// Whether words (`said`, folded) hold a date or time of `grain`;
/// `of_day` says whether they hold a clock time the short-answer reader
/// finds ("8am", "14:30", "midnight"), asked only for a time of day.
pub(super) fn holds_grain(grain: Grain, said: &[String], of_day: impl FnOnce() -> bool) -> bool {
    use super::cues::{MONTHS, WEEKDAYS};
    let has = |f: &dyn Fn(&str) -> bool| said.iter().any(|w| f(w));
    match grain {
        Grain::Day => {
            let day = |d: &str| d.parse::<u32>().is_ok_and(|d| (1..=31).contains(&d));
            let day_number = |w: &str| w.len() <= 2 && day(w);
            // A bare number is a day beside a month ("15 September",
            // "September 15"), not "about 20 rounds".
            let month_at = |i: usize| said.get(i).is_some_and(|w| MONTHS.contains(&w.as_str()));
            let dated = (0..said.len())
                .any(|i| day_number(&said[i]) && (month_at(i + 1) || i > 0 && month_at(i - 1)));
            dated
                || has(&|w: &str| {
                    WEEKDAYS.contains(&w)
                        || matches!(w, "today" | "yesterday" | "tomorrow" | "tonight")
                        || ["st", "nd", "rd", "th"]
                            .iter()
                            .any(|s| w.strip_suffix(s).is_some_and(day))
                })
        }
        Grain::Year => {
            // A year of the first millennium is written as a bare number after
            // "in", "since", "until" or "by", or before an era: "in 962", "79 AD".
            let early_year = said.windows(2).any(|w| {
                let number =
                    |x: &str| (1..=3).contains(&x.len()) && x.bytes().all(|b| b.is_ascii_digit());
                (matches!(w[0].as_str(), "in" | "since" | "until" | "by") && number(&w[1]))
                    || (number(&w[0]) && matches!(w[1].as_str(), "ad" | "bc" | "bce" | "ce"))
            });
            has(&super::contradiction::is_year)
                || early_year
                || has(&|w| w == "year" || w == "years")
        }
        Grain::Month => has(&|w| MONTHS.contains(&w)) || has(&|w| w == "month" || w == "months"),
        // A clock time or time of day, or a word of one ("morning", "90 minutes later").
        Grain::TimeOfDay => has(&time_of_day_word) || of_day(),
    }
}

/// Whether `text` lacks the grain of date or time the question asks for
/// ("what day", "what year", "what month", "what time").
pub(super) fn of_another_grain(analysis: &Analysis, text: &str) -> bool {
    asked_grain(analysis).is_some_and(|grain| {
        let said = crate::text::words(text);
        !holds_grain(grain, &said, || {
            extract::candidates(text)
                .iter()
                .any(|s| s.kind == Wanted::Time)
        })
    })
}

/// Whether a word says a part of the day, or how long before or after
/// another ("morning", "90 minutes later").
fn time_of_day_word(w: &str) -> bool {
    matches!(
        w,
        "am" | "pm"
            | "morning"
            | "afternoon"
            | "evening"
            | "night"
            | "tonight"
            | "sunrise"
            | "sunset"
            | "clock"
            | "hour"
            | "hours"
            | "minute"
            | "minutes"
            | "later"
            | "earlier"
    )
}

/// Quantifiers that answer "how many" in words: "nearly all", "most of them".
const QUANTIFIERS: &[&str] = &[
    "all", "most", "none", "several", "many", "few", "half", "majority", "minority", "number",
    "numerous", "every", "both",
];

/// Whether a sentence (`spans`, its typed spans' words, as the index keeps
/// them) can answer a question asking when something was or
/// will be, or for a year, month, day or date ([`asks_when`], which the
/// caller reads once per question): it holds a time that the
/// question does not write, or places the thing in time otherwise ("after
/// the war", "the World War I era").
/// "Neon's story continues to glow from inside the Neon Museum in Las
/// Vegas" cannot answer "when did the Neon Museum open?". A question asking
/// for an era or a stage ("during what dynasty?") is answered by names.
pub(super) fn may_tell_when(
    analysis: &Analysis,
    sentence: &str,
    spans: &[(Wanted, Box<[String]>)],
) -> bool {
    let words = &analysis.words;
    spans.iter().any(|(kind, span)| {
        matches!(kind, Wanted::Date | Wanted::Time) && !extract::restates_words(span, words)
    }) || crate::text::words(sentence)
        .iter()
        .any(|w| TELLS_WHEN.contains(&w.as_str()) && !words.contains(w))
}

/// Whether the question asks when something was or will be, or for a
/// year, month, day or date: "when was it formed?", "when is it expected to
/// close?", "in what year ...?"; not "when are vowels written
/// differently?", which a condition may answer ("depending on ...").
pub(super) fn asks_when(analysis: &Analysis) -> bool {
    let words = &analysis.words;
    let opens_with_when = words.windows(2).take(2).any(|p| {
        p[0] == "when"
            && (matches!(p[1].as_str(), "was" | "were" | "did" | "will" | "had")
                || analysis.cues.future
                || words
                    .iter()
                    .any(|w| matches!(w.as_str(), "expected" | "scheduled" | "due" | "planned")))
    });
    let calendar = ["year", "month", "day", "date"]
        .iter()
        .any(|noun| asks_which(analysis, noun));
    matches!(analysis.wanted, Some(Wanted::Date | Wanted::Time)) && (opens_with_when || calendar)
}

/// Whether every time a sentence gives (`spans`, as the index keeps them),
/// but those the question writes, is when something was said, for a
/// question asking when ([`asks_when`]): "a spokesman
/// said on Thursday that Pyongyang is not linked to any cyber attacks, the
/// North's first response since the United States publicly blamed it" says
/// when the spokesman spoke, not when the United States blamed the North.
/// A question asking when something was said, announced or reported
/// ("when did the ministry respond?", "when was the statement made?") is
/// answered by such a time; one asking when the United States blamed the
/// North is not, though WordNet counts blaming as expressing.
pub(super) fn only_times_of_saying(
    analysis: &Analysis,
    sentence: &str,
    spans: &[(Wanted, Box<[String]>)],
) -> bool {
    let times: Vec<&[String]> = spans
        .iter()
        .filter(|(kind, span)| {
            matches!(kind, Wanted::Date | Wanted::Time)
                && !extract::restates_words(span, &analysis.words)
        })
        .map(|(_, span)| &span[..])
        .collect();
    // The sentence is read word by word only when it may report a saying.
    if times.is_empty() || !super::cues::REPORTING.iter().any(|r| sentence.contains(r)) {
        return false;
    }
    let said = crate::text::words(sentence);
    times.iter().all(|span| after_a_saying(&said, span))
        && !analysis.words.iter().any(|w| {
            super::verify::SAYING.contains(&w.as_str())
                || super::cues::REPORTING.contains(&w.as_str())
                || super::meaning::names_a_saying(w)
        })
}

/// Whether `span` stands in `words` right after a verb of reporting, past a
/// preposition or a word of nearness in time: "said on Thursday", "told
/// reporters earlier"... ("said Thursday", "announced last week").
fn after_a_saying(words: &[String], span: &[String]) -> bool {
    const BETWEEN: &[&str] = &["on", "in", "at", "last", "this", "earlier", "early", "late"];
    if span.is_empty() {
        return false;
    }
    let mut found = words
        .windows(span.len())
        .enumerate()
        .filter(|(_, w)| *w == span)
        .map(|(at, _)| {
            words[..at]
                .iter()
                .rev()
                .find(|w| !BETWEEN.contains(&w.as_str()))
                .is_some_and(|w| super::cues::REPORTING.contains(&w.as_str()))
        })
        .peekable();
    found.peek().is_some() && found.all(|of_saying| of_saying)
}

/// Whether a question asks for an amount and does not compare it itself
/// ("how many more than in 2016?"): the years it names are those
/// [`a_year_only_compared`] reads sentences for.
pub(super) fn asks_an_uncompared_amount(analysis: &Analysis) -> bool {
    const COMPARING: &[&str] = &["than", "compared", "compare", "times", "versus", "vs"];
    matches!(
        analysis.wanted,
        Some(Wanted::Number | Wanted::Money | Wanted::Percent)
    ) && !analysis
        .words
        .iter()
        .any(|w| COMPARING.contains(&w.as_str()))
}

/// Whether a sentence writes one of the `years` a question asking for an
/// amount names ([`asks_an_uncompared_amount`]: "how many soldiers defected in
/// 2016?") only as what an amount is measured against: "this year's total
/// ... is 15 - three times as many as in 2016", "higher than in 2016",
/// "compared with 2016". The amount the sentence gives is of another year.
pub(super) fn a_year_only_compared(years: &[&str], sentence: &str) -> bool {
    if !years.iter().any(|y| sentence.contains(y)) {
        return false;
    }
    let said = crate::text::words(sentence);
    // "as in 2016", "than 2016", "compared with (in) 2016".
    let compared = |at: usize| {
        let mut before = said[..at].iter().rev().map(String::as_str).peekable();
        before.next_if_eq(&"in");
        match before.next() {
            Some("than" | "as") => true,
            Some("with" | "to") => before.next() == Some("compared"),
            _ => false,
        }
    };
    years.iter().any(|y| {
        let mut at = said.iter().enumerate().filter(|(_, w)| w == y).peekable();
        at.peek().is_some() && at.all(|(i, _)| compared(i))
    })
}

/// Whether a question asking for an amount of a named thing ("what
/// percentage of the code base is CSS?") meets a sentence whose amounts
/// are each labelled with another name ("59% PHP and 27% JavaScript"): the
/// question names, past its first word, a capitalised word the sentence
/// does not write, and writes none of the sentence's labels.
pub(super) fn amounts_of_other_names(analysis: &Analysis, question: &str, sentence: &str) -> bool {
    if !matches!(
        analysis.wanted,
        Some(Wanted::Number | Wanted::Money | Wanted::Percent)
    ) || !sentence.as_bytes().windows(3).any(|w| {
        (w[0].is_ascii_digit() || w[0] == b'%') && w[1] == b' ' && w[2].is_ascii_uppercase()
    }) {
        return false;
    }
    let words = |text: &str| -> Vec<String> {
        text.split_whitespace()
            .map(|w| w.trim_matches(|c: char| !c.is_alphanumeric() && c != '%'))
            .filter(|w| !w.is_empty())
            .map(str::to_string)
            .collect()
    };
    use super::contradiction::capitalised;
    let said = words(sentence);
    // The names right after an amount: "59% PHP".
    let labels: Vec<String> = said
        .windows(2)
        .filter(|p| {
            p[0].bytes().any(|b| b.is_ascii_digit())
                && capitalised(&p[1])
                && !super::contradiction::is_year(&p[0])
                && names_anew(&p[1].to_lowercase(), &[])
        })
        .map(|p| p[1].to_lowercase())
        .collect();
    if labels.is_empty() {
        return false;
    }
    let asked = words(question);
    let writes = |w: &str| said.iter().any(|s| s.eq_ignore_ascii_case(w));
    asked
        .iter()
        .skip(1)
        .filter(|w| capitalised(w))
        .any(|w| !writes(w))
        && !asked
            .iter()
            .any(|w| labels.iter().any(|l| l.eq_ignore_ascii_case(w)))
}

/// Words that place a thing in time without a date: an era, a reign, a
/// war, or a clause of time ("after the war", "once the talks ended").
const TELLS_WHEN: &[&str] = &[
    "after", "age", "ages", "before", "century", "decade", "during", "dynasty", "era", "once",
    "period", "reign", "since", "until", "war", "when", "while",
];

/// Whether a sentence can answer a question asking for an amount: it holds
/// one ([`holds_the_amount`]), a date that says how long ("independent since
/// 2007"), or a quantifier ("nearly all"). "Hospitals including the NHS were
/// brought to their knees" cannot answer "how many hospitals?".
pub(super) fn may_hold_the_amount(
    wanted: Option<Wanted>,
    sentence: &str,
    asked: &[String],
) -> bool {
    states_the_amount(wanted, sentence, true, asked)
        || crate::text::words(sentence)
            .iter()
            .any(|w| QUANTIFIERS.contains(&w.as_str()) && !asked.contains(w))
}

/// Whether the question asks for a name: "what are the names of the two
/// civilians?", "what is the spokesman's name?".
pub(super) fn asks_a_name(analysis: &Analysis) -> bool {
    analysis.words.iter().any(|w| w == "name" || w == "names") || asks_a_makers_name(analysis)
}

/// Whether the question asks for a maker's name: "what make was the
/// jeep?", "which peanut snack brand did they eat?". Such a name is a name
/// whatever the fact: a sentence without one does not answer.
pub(super) fn asks_a_makers_name(analysis: &Analysis) -> bool {
    let words = &analysis.words;
    // "make" as a noun: "what make was it?", "which make of car"; not the
    // verb of "writing systems which make no distinction".
    let noun_after = |w: Option<&String>| {
        w.is_none_or(|w| {
            matches!(
                w.as_str(),
                "was" | "is" | "are" | "were" | "did" | "does" | "do" | "of"
            )
        })
    };
    words.iter().any(|w| w == "brand" || w == "brands")
        || words.windows(2).enumerate().any(|(i, p)| {
            matches!(p[0].as_str(), "what" | "which")
                && p[1] == "make"
                && noun_after(words.get(i + 2))
        })
}

/// Whether the question asks for a person's name: "what was the name of the
/// soldier who fired?", "the spokesman's name". The named thing is the last
/// word of the phrase after "name of" ("Feynman's 1959 talk" names a talk);
/// a name of anything but a person may well be a common noun ("the name for
/// that energy is intensity").
pub(super) fn asks_a_persons_name(analysis: &Analysis) -> bool {
    use crate::text::is_stopword;
    let words = &analysis.words;
    let db = factdesk_lexdb::Lexdb::get();
    let person = |w: &String| db.is_a(w, "person").is_some_and(|d| d > 0);
    // The thing named is a person by one of its first two senses: "the
    // name of the tool" asks for no person ("tool" is one only in its
    // third sense).
    let named_person = |w: &String| {
        db.leading_senses_are_a(w, factdesk_lexdb::Pos::Noun, 2, "person")
            .is_some_and(|d| d > 0)
    };
    words.iter().enumerate().any(|(i, w)| match w.as_str() {
        "name" | "names" if words.get(i + 1).is_some_and(|o| o == "of") => words[i + 2..]
            .iter()
            .skip_while(|w| is_stopword(w))
            .take_while(|w| !is_stopword(w))
            .last()
            .is_some_and(named_person),
        "name" | "names" => i > 0 && !is_stopword(&words[i - 1]) && named_person(&words[i - 1]),
        // "Who is the commander of the crew?", "who were the authors?": a
        // person, by the role the question names.
        "who"
            if i == 0
                && words
                    .get(i + 1)
                    .is_some_and(|b| matches!(b.as_str(), "is" | "was" | "are" | "were"))
                && words
                    .get(i + 2)
                    .is_some_and(|d| matches!(d.as_str(), "the" | "a" | "an")) =>
        {
            words[i + 3..]
                .iter()
                .take_while(|w| !is_stopword(w))
                .last()
                .is_some_and(person)
        }
        _ => false,
    })
}

/// Whether a text names a person the question does not (`asked`, its
/// words): a person read from it, or a capitalised word outside places,
/// organisations and dates ("Midna"). Words WordNet knows as common words
/// are no names: "a North Korean" is a person but names nobody; two
/// capitalised words or more without a determiner are one even when WordNet
/// knows them ("Nelson Mandela").
pub(super) fn holds_a_persons_name(text: &str, asked: &[String]) -> bool {
    let db = factdesk_lexdb::Lexdb::get();
    let common = |phrase: &str| {
        let all = crate::text::words(phrase);
        let words: Vec<&str> = all
            .iter()
            .map(String::as_str)
            .skip_while(|w| matches!(*w, "a" | "an" | "the"))
            .collect();
        // WordNet also knows the famous by name ("Nelson Mandela"): two
        // capitalised words or more, with no determiner, are a name.
        let determined = words.len() < all.len();
        let capitalised = phrase
            .split_whitespace()
            .filter(|w| w.chars().next().is_some_and(char::is_uppercase))
            .count();
        let full_name = !determined && words.len() >= 2 && capitalised >= words.len();
        words.is_empty() || (!full_name && db.base_forms(&words.join(" ")).next().is_some())
    };
    let new = |phrase: &str| {
        crate::text::words(phrase)
            .iter()
            .any(|w| names_anew(w, asked) && !crate::text::is_stopword(w))
    };
    let spans = extract::candidates(text);
    // The span with its determiner, when one stands before it ("a North Korean").
    let with_the_word_before = |start: usize, end: usize| {
        let (from, word) = crate::text::word_before(text, start);
        if matches!(word.to_lowercase().as_str(), "a" | "an" | "the") {
            &text[from..end]
        } else {
            &text[start..end]
        }
    };
    let person = spans.iter().any(|s| {
        s.kind == Wanted::Person
            && new(s.text(text))
            && !common(with_the_word_before(s.start, s.end))
    });
    let outside = |at: usize| {
        !spans
            .iter()
            .any(|s| s.kind != Wanted::Person && (s.start..s.end).contains(&at))
    };
    let capitalised = text.split_whitespace().any(|w| {
        let at = w.as_ptr() as usize - text.as_ptr() as usize;
        w.chars().next().is_some_and(char::is_uppercase) && outside(at) && new(w) && !common(w)
    });
    person || capitalised
}

/// The phrase that opens `words` past the stopwords before it, up to the
/// next stopword: "the company Margaret Hamilton founded" in "... the name of
/// the company Margaret Hamilton founded", "north korean soldier" in "the
/// North Korean soldier who defected".
fn phrase_at(words: &[String]) -> impl Iterator<Item = &String> {
    use crate::text::is_stopword;
    words
        .iter()
        .skip_while(|w| is_stopword(w))
        .take_while(|w| !is_stopword(w))
}

/// The kind of thing a question asks to name, as stems, with the count it
/// asks for when it asks for several: "the company Margaret Hamilton
/// founded" in "what is the name of the company Margaret Hamilton
/// founded?" (no count), "los angeles hospitals" and "two" in "which two Los
/// Angeles hospitals ...?" or "what are the two ...?".
fn kind_to_name(words: &[String]) -> Option<(Vec<String>, Option<&str>)> {
    use crate::text::stem;
    let stems = |from: usize| phrase_at(&words[from..]).map(|w| stem(w)).collect();
    if let Some(at) = words
        .windows(2)
        .position(|p| matches!(p[0].as_str(), "name" | "names") && p[1] == "of")
    {
        return Some((stems(at + 2), None));
    }
    if !matches!(words.first().map(String::as_str), Some("which" | "what")) {
        return None;
    }
    // The count right after "which", or after "what are the" / "what were the".
    let at = match words.get(1).map(String::as_str) {
        Some("are" | "were") if words.get(2).is_some_and(|w| w == "the") => 3,
        _ => 1,
    };
    let count = words.get(at).filter(|w| {
        super::contradiction::spelled_value(w).is_some_and(|n| n >= 2)
            || (w.len() <= 2 && w.bytes().all(|b| b.is_ascii_digit()))
    })?;
    Some((stems(at + 1), Some(count.as_str())))
}

/// Whether a short answer only names the kind of thing the question asks
/// to name, with no name the question does not say: "Her own company." for
/// "what is the name of the company she founded?"; for "which two
/// hospitals ...?" or "what are the three threats ...?", the count asked or
/// a vague one with the kind ("Two Los Angeles area hospitals.", "Several
/// \"serious\" threats."). (The name of a thing may well be a common noun,
/// "the name for that energy is intensity": only an answer holding the
/// named noun itself says it gives no name; the sentence around it may
/// still give one.)
pub(super) fn names_only_the_kind(analysis: &Analysis, answer: &Extracted) -> bool {
    use crate::text::stem;
    let words = &analysis.words;
    let Some((kind, count)) = kind_to_name(words) else {
        return false;
    };
    let said = crate::text::words(&answer.text);
    // The count asked, or a count as vague ("several \"serious\" threats").
    let counts = |count: &str| {
        said.iter().any(|w| {
            w == count || matches!(w.as_str(), "several" | "many" | "some" | "few" | "various")
        })
    };
    count.is_none_or(counts)
        && said.iter().any(|w| kind.contains(&stem(w)))
        && !holds_a_name(&answer.text, words)
}

/// Whether a text holds a name the question does not say (`asked`, its
/// words): a person, organisation or place read from it with a capitalised
/// word the question does not say, a capitalised word after its first ("the
/// ransomware WannaCry"), or a first word with a capital inside
/// ("WannaCry", "NHS"). Weekdays and months are no names: "Thursday" does
/// not name a guard post, nor "North Korean" the soldier "the North Korean
/// soldier" asks about; nor does a nationality before a noun name the thing
/// ("a front-line South Korean guard post" names no post).
pub(super) fn holds_a_name(text: &str, asked: &[String]) -> bool {
    use Wanted::*;
    let modifying = extract::modifying_capitals(text);
    let new = |phrase: &str| {
        crate::text::words(phrase)
            .iter()
            .any(|w| names_anew(w, asked) && !modifying.contains(w))
    };
    let capitalised = |w: &&str| w.chars().any(char::is_uppercase);
    let mut words = text.split_whitespace();
    let first = words.next().unwrap_or("");
    extract::candidates(text).iter().any(|span| {
        matches!(span.kind, Person | Organisation | Place)
            && span
                .text(text)
                .split_whitespace()
                .filter(capitalised)
                .any(new)
    }) || (first.chars().skip(1).any(char::is_uppercase) && new(first))
        || words.any(|w| w.chars().next().is_some_and(char::is_uppercase) && new(w))
}

/// Whether a word of a would-be name says something the question does not:
/// it is none of `asked` (the question's words), nor a weekday or a month.
fn names_anew(word: &str, asked: &[String]) -> bool {
    use super::cues::{MONTHS, WEEKDAYS};
    !asked.iter().any(|a| a == word) && !WEEKDAYS.contains(&word) && !MONTHS.contains(&word)
}

/// The phrase a "how many" question counts, up to a stopword ("north
/// korean soldiers were", "tourists visited galicia in"), and its first
/// counted noun ("soldiers", "tourists"); none for "how many times".
fn counted_phrase(words: &[String]) -> Option<(Vec<&String>, &String)> {
    let at = words
        .windows(2)
        .position(|w| w[0] == "how" && w[1] == "many")?;
    let phrase: Vec<&String> = words[at + 2..]
        .iter()
        .take_while(|w| !crate::text::is_stopword(w))
        .take(4)
        .collect();
    let asked = phrase
        .iter()
        .copied()
        .find(|w| extract::is_counted_noun(w))
        .filter(|w| *w != "times")?;
    Some((phrase, asked))
}

/// Whether the question counts a thing it names: "how many provinces?",
/// not "how many times?" nor "how much?" ([`counts_the_thing_asked`]).
pub(super) fn asks_to_count_a_thing(analysis: &Analysis) -> bool {
    analysis.wanted == Some(Wanted::Number) && counted_phrase(&analysis.words).is_some()
}

/// Whether a short answer counts the very thing "how many" asks about, by
/// the question's own noun: "Seven provinces." for "the Dutch Republic
/// consisted of how many provinces?", "More than 5,000 DevSecOps
/// professionals." for "how many DevSecOps professionals took part?".
pub(super) fn counts_the_thing_asked(analysis: &Analysis, answer: &str) -> bool {
    if analysis.wanted != Some(Wanted::Number) {
        return false;
    }
    let Some((phrase, _)) = counted_phrase(&analysis.words) else {
        return false;
    };
    let stems: Vec<String> = phrase.iter().map(|w| crate::text::stem(w)).collect();
    extract::counted_nouns(answer)
        .iter()
        .any(|c| stems.contains(&crate::text::stem(c)))
}

/// Whether an answer to "how many X?" counts things where X are persons,
/// or persons where X are things: "about 20 rounds" for "how many North
/// Korean soldiers were in the patrol?", "two soldiers" for "how many shots
/// were fired?"; or counts what the question states as given ("two business
/// partners" for "how many customers did it have when he and his partners
/// bought it?"). Among persons, or among things, one noun may well stand
/// for another ("victims" for "people", "rounds" for "shots"), unless the
/// `sentence` the answer comes from writes the noun asked about apart from
/// the count ("the two groups in the number of tools" for "how many
/// tools?"); a bare number counts nothing else, and "how many times" asks a
/// count of anything.
pub(super) fn counts_another_thing(
    analysis: &Analysis,
    answer: &str,
    sentence: Option<&str>,
) -> bool {
    if analysis.wanted != Some(Wanted::Number) {
        return false;
    }
    let words = &analysis.words;
    let Some((phrase, asked)) = counted_phrase(words) else {
        return false;
    };
    let counted = extract::counted_nouns(answer);
    if counted.is_empty() {
        return false;
    }
    let person = super::meaning::names_persons;
    // A noun the question writes as given ("his partners" in "how many
    // customers did it have when he and his partners bought it?").
    let phrase_stems: Vec<String> = phrase.iter().map(|w| crate::text::stem(w)).collect();
    let question_stems: Vec<String> = words.iter().map(|w| crate::text::stem(w)).collect();
    let stated = |c: &str| {
        let stem = crate::text::stem(c);
        !phrase_stems.contains(&stem) && question_stems.contains(&stem)
    };
    let asked_stem = crate::text::stem(asked);
    let written_apart = sentence.is_some_and(|s| writes_stem(s, &asked_stem));
    // What counts the asked thing however the sentence writes it: a noun of
    // the asked phrase ("5,000 species" for "how many plant species"), a
    // share ("10 percent") or a number of times ("viewed 100,000 times").
    let counts_it_anyway =
        |c: &str| phrase_stems.contains(&crate::text::stem(c)) || matches!(c, "percent" | "times");
    // Persons counted as an event befell them ("12 people were killed" for
    // "how many deaths?").
    let befell = |c: &str| {
        person(c)
            && super::meaning::names_events(asked)
            && sentence.is_some_and(|s| super::meaning::tells_it_happened(s, asked))
    };
    counted.iter().all(|c| {
        !super::meaning::nouns_related(c, asked)
            && (stated(c)
                || (written_apart && !counts_it_anyway(c))
                || person(c) != person(asked) && !super::meaning::names_events(c) && !befell(c))
    })
}

#[cfg(test)]
mod tests {
    use super::{holds_a_name, holds_grain, Grain};

    #[test]
    fn a_day_is_a_weekday_an_ordinal_or_a_number_beside_a_month() {
        let day = |s: &str| holds_grain(Grain::Day, &crate::text::words(s), || false);
        assert!(day("The soldier crossed on Thursday morning."));
        assert!(day("The talks open on 14 November."));
        assert!(day("The talks open on November 14, officials said."));
        assert!(day("The talks open on the 14th."));
        // A count is no day of the month.
        assert!(!day("Around 90 minutes later about 20 rounds were fired."));
        assert!(!day("Some 12 soldiers crossed in May."));
    }

    #[test]
    fn a_nationality_before_a_noun_is_no_name() {
        let asked =
            crate::text::words("What is the name of the guard post where the soldier arrived?");
        let name = |s: &str| holds_a_name(s, &asked);
        assert!(!name("At a front-line South Korean guard post."));
        assert!(!name("He arrived at a Chinese guard post in heavy fog."));
        // A name of the post, or a place named apart from the noun, is one.
        assert!(name("At the Panmunjom guard post."));
        assert!(name("At a guard post near Kaesong."));
        assert!(name("At a guard post in South Korea."));
    }
}
