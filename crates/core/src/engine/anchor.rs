//! Relative days anchored to the publication date: "on Thursday" in an
//! article published on Friday 22 December 2017 is Thursday 21 December
//! 2017. The date is added to the short answer, marked as reckoned from the
//! publication date: the article itself never states it.

use super::cues::{MONTHS, WEEKDAYS};
use crate::knowledge::source::{civil_from_days, days_of_iso_date};

/// Words of a sentence that point forward ("will meet on Monday", "next Monday").
const FORWARD: &[&str] = &["will", "next", "coming", "shall"];

/// `answer` with the date each relative day in it stands for, when the
/// article was `published` on a known date; `None` when it names none.
/// `sentence` is the quote the answer comes from: a future tense there
/// ("will meet on Monday") reads the day forward.
pub fn anchored(answer: &str, sentence: &str, published: Option<&str>) -> Option<String> {
    let day = days_of_iso_date(published?)?;
    let words = crate::text::words(answer);
    let said = crate::text::words(sentence);
    // "will ease", "should ease" (not "should have"), or a deadline: "by Thursday".
    let forward = said.iter().enumerate().any(|(i, w)| {
        FORWARD.contains(&w.as_str())
            || (w == "should" && said.get(i + 1).is_some_and(|n| n != "have"))
    }) || matches!(words.first().map(String::as_str), Some("by" | "until"));
    let date = words.iter().find_map(|w| match w.as_str() {
        "today" | "tonight" => Some(day),
        "yesterday" => Some(day - 1),
        "tomorrow" => Some(day + 1),
        w => {
            let target = WEEKDAYS.iter().position(|d| *d == w)? as i64;
            let published = weekday(day);
            Some(if forward {
                day + (target - published).rem_euclid(7)
            } else {
                day - (published - target).rem_euclid(7)
            })
        }
    })?;
    Some(format!(
        "{} ({}, reckoned from the publication date)",
        answer.trim_end_matches('.'),
        long_date(date)
    ))
}

/// Monday 0 .. Sunday 6 (1970-01-01 was a Thursday).
fn weekday(days: i64) -> i64 {
    (days + 3).rem_euclid(7)
}

/// "Thursday 21 December 2017".
fn long_date(days: i64) -> String {
    let (y, m, d) = civil_from_days(days);
    let capital = |w: &str| {
        let mut c = w.chars();
        c.next()
            .map(|f| f.to_uppercase().chain(c).collect::<String>())
            .unwrap_or_default()
    };
    format!(
        "{} {d} {} {y}",
        capital(WEEKDAYS[weekday(days) as usize]),
        capital(MONTHS[m as usize - 1])
    )
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn a_weekday_is_the_last_one_on_or_before_publication() {
        // 2017-12-22 was a Friday.
        let a = anchored(
            "On Thursday.",
            "It happened on Thursday.",
            Some("2017-12-22"),
        );
        assert_eq!(
            a.as_deref(),
            Some("On Thursday (Thursday 21 December 2017, reckoned from the publication date)")
        );
        let same = anchored(
            "Friday",
            "He left on Friday.",
            Some("2017-12-22T09:00:00+00:00"),
        );
        assert!(same.unwrap().contains("Friday 22 December 2017"));
        let sunday = anchored("On Sunday", "They met on Sunday.", Some("2017-12-22"));
        assert!(sunday.unwrap().contains("Sunday 17 December 2017"));
    }

    #[test]
    fn a_future_tense_reads_forward_and_yesterday_is_the_day_before() {
        let a = anchored(
            "On Monday",
            "Talks will resume on Monday.",
            Some("2017-12-22"),
        );
        assert!(a.unwrap().contains("Monday 25 December 2017"));
        let by = anchored("By Thursday", "Winds ease by Thursday.", Some("2019-11-20"));
        assert!(by.unwrap().contains("Thursday 21 November 2019"));
        let should = anchored(
            "Thursday",
            "It should ease on Thursday.",
            Some("2019-11-20"),
        );
        assert!(should.unwrap().contains("Thursday 21 November 2019"));
        let past = anchored(
            "Tuesday",
            "They should have left on Tuesday.",
            Some("2019-11-20"),
        );
        assert!(past.unwrap().contains("Tuesday 19 November 2019"));
        let y = anchored("Yesterday", "It was found yesterday.", Some("2019-03-01"));
        assert!(y.unwrap().contains("Thursday 28 February 2019"));
    }

    #[test]
    fn nothing_without_a_date_or_a_relative_day() {
        assert_eq!(anchored("On Thursday", "On Thursday.", None), None);
        assert_eq!(anchored("On Thursday", "On Thursday.", Some("soon")), None);
        assert_eq!(anchored("In 2012.", "In 2012.", Some("2017-12-22")), None);
    }
}
