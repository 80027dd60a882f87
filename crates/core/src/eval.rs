//! `factdesk eval`: scores the engine on a question file.
//!
//! Each line of the file is `{"q": ..., "expect": [[alt, ...], ...] | null,
//! "kind": ..., "source": ...}` (`source` optional).
//! A reply is right when its `answer` and `sources[0].quote` together hold one
//! alternative of every `expect` group (word-bounded) within 700 characters,
//! and, when the case has a `source`, its quoted source sentence
//! (`sources[0].quote`) holds that word or phrase: the reply is graded by the
//! sentence it answers from, not only by its words. An `expect` of null is
//! right when the engine declines.
//!
//! Matching ignores case, except for an alternative (or `source`) written in
//! capitals: all its letters upper case and at least two of them ("US",
//! "DMZ"), or a month name with its capital ("May", "March"). Those match only
//! as written, so "US" is not "us" and "May" is not "may". See [`matches`].

use std::collections::BTreeMap;

use serde::Deserialize;

use crate::answer::{Answer, Status};
use crate::engine::Engine;

/// Longest reply text (answer + main quote) that counts as a right answer.
pub const MAX_REPLY_CHARS: usize = 700;

/// One line of a question file.
#[derive(Debug, Clone, Deserialize)]
pub struct Case {
    /// The question.
    pub q: String,
    /// Groups of alternatives the reply must hold; `None` when the engine must decline.
    pub expect: Option<Vec<Vec<String>>>,
    /// The question's kind (direct, typo, offtopic...).
    #[serde(default)]
    pub kind: String,
    /// A word or phrase the quoted source sentence must hold (matched as an
    /// `expect` alternative is); none: any sentence will do.
    #[serde(default)]
    pub source: Option<String>,
}

/// A question the engine got wrong.
#[derive(Debug, Clone)]
pub struct Miss {
    /// The case.
    pub case: Case,
    /// What the engine replied.
    pub reply: Answer,
}

/// Scores of one run.
#[derive(Debug, Default)]
pub struct Report {
    /// Kind -> (right, total).
    pub by_kind: BTreeMap<String, (usize, usize)>,
    /// Answerable questions: (right, total).
    pub answerable: (usize, usize),
    /// Questions to decline: (right, total).
    pub declines: (usize, usize),
    /// Every miss.
    pub misses: Vec<Miss>,
    /// Answered questions by the reply's confidence, in tenths (0-0.1 ...
    /// 0.9-1): (right, answered). A question to decline that was answered
    /// counts as answered wrongly. Well calibrated, each bin's accuracy lies
    /// within it.
    pub calibration: [(usize, usize); 10],
    /// Answerable questions answered right: (those whose short answer alone
    /// holds every expected group, all of them). The rest are right by the
    /// quoted sentence only: the short answer missed or cut the answer.
    pub short_answers: (usize, usize),
}

impl Report {
    /// Share of answerable questions answered right (1 when there are none).
    pub fn answerable_accuracy(&self) -> f64 {
        ratio(self.answerable)
    }

    /// Share of questions to decline that were declined (1 when there are none).
    pub fn decline_accuracy(&self) -> f64 {
        ratio(self.declines)
    }
}

fn ratio((right, total): (usize, usize)) -> f64 {
    if total == 0 {
        1.0
    } else {
        right as f64 / total as f64
    }
}

/// An eval file that cannot be read.
#[derive(Debug, thiserror::Error)]
#[error("{path}:{line}: {message}")]
pub struct EvalFileError {
    /// The file.
    pub path: String,
    /// 1-based line.
    pub line: usize,
    /// What is wrong.
    pub message: String,
}

/// Parses a question file (JSON lines; blank lines skipped).
pub fn parse_cases(text: &str, path: &str) -> Result<Vec<Case>, EvalFileError> {
    text.lines()
        .enumerate()
        .filter(|(_, l)| !l.trim().is_empty())
        .map(|(i, l)| {
            serde_json::from_str(l).map_err(|e| EvalFileError {
                path: path.to_string(),
                line: i + 1,
                message: format!("{e}; each line must be {{\"q\": str, \"expect\": [[str]] or null, \"kind\": str}}, with an optional \"source\": str"),
            })
        })
        .collect()
}

/// Month names, as written with their capital.
const MONTHS: [&str; 12] = [
    "January",
    "February",
    "March",
    "April",
    "May",
    "June",
    "July",
    "August",
    "September",
    "October",
    "November",
    "December",
];

/// Whether an expected alternative is matched only as written: all its
/// letters capitals and at least two of them ("US", "DMZ", "K-3" is not), or
/// a capitalised month name ("May").
pub fn is_case_sensitive(expected: &str) -> bool {
    let letters: Vec<char> = expected.chars().filter(|c| c.is_alphabetic()).collect();
    let all_caps = letters.len() >= 2 && letters.iter().all(|c| c.is_uppercase());
    all_caps || MONTHS.contains(&expected)
}

/// Whether the expected alternative `expected` stands in `haystack` as whole
/// words: as written when [`is_case_sensitive`], else ignoring case.
pub fn matches(haystack: &str, expected: &str) -> bool {
    if is_case_sensitive(expected) {
        contains_words_as_written(haystack, expected)
    } else {
        contains_words(haystack, expected)
    }
}

/// Whether `needle` stands in `haystack` as whole words, ignoring case.
pub fn contains_words(haystack: &str, needle: &str) -> bool {
    contains_words_as_written(&haystack.to_lowercase(), &needle.to_lowercase())
}

/// Whether `needle` stands in `haystack` as whole words, case and all.
fn contains_words_as_written(h: &str, n: &str) -> bool {
    if n.is_empty() {
        return false;
    }
    let mut from = 0;
    while let Some(pos) = h[from..].find(n).map(|p| p + from) {
        let before = h[..pos].chars().next_back();
        let after = h[pos + n.len()..].chars().next();
        let bounded = |c: Option<char>| c.is_none_or(|c| !c.is_alphanumeric());
        if bounded(before) && bounded(after) {
            return true;
        }
        from = pos + h[pos..].chars().next().map_or(1, char::len_utf8);
    }
    false
}

/// Whether `text` holds one alternative of every expected group.
fn holds_every_group(text: &str, groups: &[Vec<String>]) -> bool {
    groups
        .iter()
        .all(|alts| alts.iter().any(|a| matches(text, a)))
}

/// Whether a reply is right for a case.
pub fn judge(case: &Case, reply: &Answer) -> bool {
    match &case.expect {
        None => reply.status == Status::Unknown,
        Some(groups) => {
            if reply.status != Status::Answered {
                return false;
            }
            let quote = reply.sources.first().map_or("", |s| s.quote.as_str());
            let text = format!("{} {}", reply.answer, quote);
            text.chars().count() <= MAX_REPLY_CHARS
                && holds_every_group(&text, groups)
                && case.source.as_ref().is_none_or(|s| matches(quote, s))
        }
    }
}

/// Runs every case through the engine.
pub fn run(engine: &Engine, cases: &[Case]) -> Report {
    let mut report = Report::default();
    for case in cases {
        let reply = engine.answer(&case.q);
        let right = judge(case, &reply);
        let slot = if case.expect.is_some() {
            &mut report.answerable
        } else {
            &mut report.declines
        };
        slot.1 += 1;
        if reply.status == Status::Answered {
            let bin = &mut report.calibration[((reply.confidence * 10.0) as usize).min(9)];
            bin.0 += usize::from(right);
            bin.1 += 1;
        }
        let kind = report.by_kind.entry(case.kind.clone()).or_default();
        kind.1 += 1;
        if right {
            slot.0 += 1;
            kind.0 += 1;
            if let Some(groups) = &case.expect {
                report.short_answers.1 += 1;
                report.short_answers.0 += usize::from(holds_every_group(&reply.answer, groups));
            }
        } else {
            report.misses.push(Miss {
                case: case.clone(),
                reply,
            });
        }
    }
    report
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn word_bounded_and_case_insensitive() {
        assert!(contains_words(
            "About 20 Warning shots.",
            "20 warning shots"
        ));
        assert!(!contains_words("about 200 warning shots", "20"));
        assert!(contains_words("aged 19.", "19"));
        assert!(!contains_words("1919", "19"));
        assert!(contains_words("a K-3 gun", "K-3"));
        assert!(!contains_words("", "x"));
    }

    #[test]
    fn capitals_and_months_match_as_written() {
        assert!(is_case_sensitive("US") && is_case_sensitive("DMZ"));
        assert!(is_case_sensitive("May") && is_case_sensitive("March"));
        assert!(!is_case_sensitive("K-3") && !is_case_sensitive("may"));
        assert!(!is_case_sensitive("North Korea") && !is_case_sensitive("20"));
        assert!(matches("The US blamed", "US"));
        assert!(!matches("told us about it", "US"));
        assert!(matches("on 8 May", "May"));
        assert!(!matches("it may rain", "May"));
        assert!(matches("north korea said", "North Korea"));
    }

    fn answered(answer: &str, quote: &str) -> Answer {
        Answer {
            question: "q".into(),
            status: Status::Answered,
            answer: answer.into(),
            confidence: 0.9,
            sources: vec![crate::answer::Source {
                quote: quote.into(),
                attribution: None,
                article: "a".into(),
                title: "t".into(),
                paragraph: None,
                outlet: None,
                published: None,
                url: None,
            }],
            suggestions: vec![],
            stories: Vec::new(),
        }
    }

    #[test]
    fn a_source_grades_by_the_quoted_sentence() {
        let case = |source: Option<&str>| Case {
            q: "When did he cross?".into(),
            expect: Some(vec![vec!["Thursday".into()]]),
            kind: "direct".into(),
            source: source.map(str::to_string),
        };
        let right = answered("On Thursday.", "He crossed in heavy fog on Thursday.");
        let wrong = answered("On Thursday.", "The talks were held on Thursday.");
        assert!(judge(&case(None), &right) && judge(&case(None), &wrong));
        assert!(judge(&case(Some("heavy fog")), &right));
        assert!(!judge(&case(Some("heavy fog")), &wrong));
        // The answer alone does not count: the quote must hold it.
        let in_answer_only = answered("In heavy fog on Thursday.", "The talks were on Thursday.");
        assert!(!judge(&case(Some("heavy fog")), &in_answer_only));
    }

    #[test]
    fn short_answers_count_the_right_answers_that_hold_it_themselves() {
        let kb = crate::knowledge::Builder::new()
            .article(
                "boat",
                "Boat sinks\nTwo fishermen were rescued on Thursday after their boat sank.\n",
            )
            .unwrap()
            .build()
            .unwrap();
        let engine = Engine::new(kb);
        let case = |expect: &str| Case {
            q: "When were the fishermen rescued?".into(),
            expect: Some(vec![vec![expect.into()]]),
            kind: "direct".into(),
            source: None,
        };
        // Both right; the second only by its quote ("On Thursday." names no boat).
        let report = run(&engine, &[case("Thursday"), case("boat")]);
        assert_eq!(report.answerable, (2, 2), "{:?}", report.misses);
        assert_eq!(report.short_answers, (1, 2));
    }

    #[test]
    fn source_is_optional_in_the_file() {
        let cases = parse_cases(
            "{\"q\": \"a\", \"expect\": [[\"x\"]], \"kind\": \"direct\"}\n\
             {\"q\": \"b\", \"expect\": [[\"y\"]], \"kind\": \"direct\", \"source\": \"fog\"}",
            "f",
        )
        .unwrap();
        assert_eq!(cases[0].source, None);
        assert_eq!(cases[1].source.as_deref(), Some("fog"));
    }
}
