//! Publication dates as pages and feeds state them, normalised to ISO 8601:
//! a full timestamp (RFC 3339) when the page gives a time with its offset or
//! in UTC, else the date alone (`2019-11-19`). A date is never invented: a
//! string that is not a date gives `None`.

use chrono::{DateTime, NaiveDate, NaiveDateTime};

/// `s` as ISO 8601, or `None` when it is not a date.
pub fn normalise(s: &str) -> Option<String> {
    let s = s.trim();
    if s.is_empty() || s.len() > 80 {
        return None;
    }
    let plausible = |d: &DateTime<chrono::FixedOffset>| (1990..=2100).contains(&d.year());
    if let Ok(d) = DateTime::parse_from_rfc3339(s) {
        return plausible(&d).then(|| d.to_rfc3339());
    }
    if let Ok(d) = DateTime::parse_from_rfc2822(s) {
        return plausible(&d).then(|| d.to_rfc3339());
    }
    for format in [
        "%Y-%m-%dT%H:%M:%S%.f%z",
        "%Y-%m-%dT%H:%M%z",
        "%Y-%m-%d %H:%M:%S%.f%z",
        "%Y-%m-%d %H:%M:%S %z",
        "%Y%m%dT%H%M%S%z",
    ] {
        if let Ok(d) = DateTime::parse_from_str(s, format) {
            return plausible(&d).then(|| d.to_rfc3339());
        }
    }
    // A time with no offset: the date is certain, the moment is not.
    for format in [
        "%Y-%m-%dT%H:%M:%S%.f",
        "%Y-%m-%dT%H:%M",
        "%Y-%m-%d %H:%M:%S%.f",
        "%Y-%m-%d %H:%M",
        "%Y/%m/%d %H:%M:%S",
    ] {
        if let Ok(d) = NaiveDateTime::parse_from_str(s, format) {
            return (1990..=2100)
                .contains(&d.year())
                .then(|| d.date().format("%Y-%m-%d").to_string());
        }
    }
    let date_part = s.split(['T', ' ']).next().unwrap_or(s);
    for (text, format) in [
        (date_part, "%Y-%m-%d"),
        (date_part, "%Y/%m/%d"),
        (date_part, "%Y%m%d"),
        (s, "%B %d, %Y"),
        (s, "%b %d, %Y"),
        (s, "%d %B %Y"),
        (s, "%d %b %Y"),
    ] {
        if let Ok(d) = NaiveDate::parse_from_str(text, format) {
            if (1990..=2100).contains(&d.year()) {
                return Some(d.format("%Y-%m-%d").to_string());
            }
        }
    }
    None
}

use chrono::Datelike as _;

/// The first date written out in words in `text` ("Published 7:07 PM EST
/// Nov 19, 2019", "Nov. 19, 2019", "19 November 2019"), as `YYYY-MM-DD`.
pub fn from_text(text: &str) -> Option<String> {
    let words: Vec<String> = text
        .split_whitespace()
        .map(|w| {
            w.trim_matches(|c: char| matches!(c, ',' | '.' | '(' | ')'))
                .to_ascii_lowercase()
        })
        .collect();
    let day = |w: &str| w.parse::<u32>().ok().filter(|d| (1..=31).contains(d));
    let year = |w: &str| {
        w.parse::<i32>()
            .ok()
            .filter(|y| w.len() == 4 && (1990..=2100).contains(y))
    };
    for i in 0..words.len() {
        let Some(m) = month(&words[i]) else { continue };
        // Month day, year
        if let (Some(d), Some(y)) = (
            words.get(i + 1).and_then(|w| day(w)),
            words.get(i + 2).and_then(|w| year(w)),
        ) {
            if let Some(date) = NaiveDate::from_ymd_opt(y, m, d) {
                return Some(date.format("%Y-%m-%d").to_string());
            }
        }
        // day Month year
        if let (Some(d), Some(y)) = (
            i.checked_sub(1).and_then(|j| day(&words[j])),
            words.get(i + 1).and_then(|w| year(w)),
        ) {
            if let Some(date) = NaiveDate::from_ymd_opt(y, m, d) {
                return Some(date.format("%Y-%m-%d").to_string());
            }
        }
    }
    None
}

/// The month a word names (full or abbreviated), 1-based.
fn month(word: &str) -> Option<u32> {
    const MONTHS: [&str; 12] = [
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
    ];
    if word.len() < 3 {
        return None;
    }
    MONTHS
        .iter()
        .position(|m| *m == word || (word.len() <= 4 && m.starts_with(word)))
        .map(|i| i as u32 + 1)
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn dates_become_iso_8601() {
        let cases = [
            ("2019-11-19T10:30:00Z", Some("2019-11-19T10:30:00+00:00")),
            (
                "2019-11-19T10:30:00.000-05:00",
                Some("2019-11-19T10:30:00-05:00"),
            ),
            (
                "2019-11-19T10:30:00-0500",
                Some("2019-11-19T10:30:00-05:00"),
            ),
            (
                "Tue, 19 Nov 2019 10:30:00 GMT",
                Some("2019-11-19T10:30:00+00:00"),
            ),
            ("2017-11-03 03:01:00.000000", Some("2017-11-03")),
            ("2019-11-19", Some("2019-11-19")),
            ("20191119", Some("2019-11-19")),
            ("November 19, 2019", Some("2019-11-19")),
            ("19 Nov 2019", Some("2019-11-19")),
            ("yesterday", None),
            ("", None),
            ("2019-13-45", None),
            ("0001-01-01T00:00:00+00:00", None),
        ];
        for (s, want) in cases {
            assert_eq!(normalise(s).as_deref(), want, "{s}");
        }
    }

    #[test]
    fn dates_written_in_words_are_found() {
        let cases = [
            ("Published 7:07 PM EST Nov 19, 2019", Some("2019-11-19")),
            ("Updated Nov. 20, 2019 at 3 p.m.", Some("2019-11-20")),
            ("19 November 2019", Some("2019-11-19")),
            ("March 3, 2021", Some("2021-03-03")),
            ("May the 4th", None),
            ("in 2019 alone", None),
        ];
        for (s, want) in cases {
            assert_eq!(from_text(s).as_deref(), want, "{s}");
        }
    }
}
