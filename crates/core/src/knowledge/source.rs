//! Where an ingested article came from (`source.toml` beside its
//! `article.txt`): the page's URL, outlet, byline and dates, and the key of
//! its text, so that the same article is never added twice.

use std::path::Path;

use serde::{Deserialize, Serialize};

use super::error::{toml_error, KnowledgeError};
use super::ArticleMeta;

/// The name of an article's source metadata, beside its `article.txt`.
pub const SOURCE_FILE: &str = "source.toml";

/// `source.toml`: every key optional; written by `factdesk add` and `sync`.
#[derive(Debug, Clone, Default, PartialEq, Eq, Serialize, Deserialize)]
#[serde(deny_unknown_fields)]
pub struct SourceFile {
    /// The article's canonical URL (the page's `og:url` or `link rel=canonical`,
    /// else the URL it was fetched from).
    #[serde(skip_serializing_if = "Option::is_none")]
    pub url: Option<String>,
    /// What it was added from, as given: a URL (before redirects) or a file path.
    #[serde(skip_serializing_if = "Option::is_none")]
    pub added_from: Option<String>,
    /// The outlet that published it.
    #[serde(skip_serializing_if = "Option::is_none")]
    pub outlet: Option<String>,
    /// Who wrote it.
    #[serde(skip_serializing_if = "Option::is_none")]
    pub byline: Option<String>,
    /// When it was published, ISO 8601 (`2019-11-19` or a full timestamp), as the page states it.
    #[serde(skip_serializing_if = "Option::is_none")]
    pub published: Option<String>,
    /// When it was added, ISO 8601 UTC.
    #[serde(skip_serializing_if = "Option::is_none")]
    pub fetched: Option<String>,
    /// The SHA-256 of the article's normalised body text (hex), to know it again.
    #[serde(skip_serializing_if = "Option::is_none")]
    pub body_sha256: Option<String>,
}

impl SourceFile {
    /// Parses `source.toml`; errors name `path` (relative to the knowledge
    /// folder, or absolute) and the line.
    pub fn parse(path: &Path, text: &str) -> Result<SourceFile, KnowledgeError> {
        toml::from_str(text).map_err(|e| toml_error(path, text, e))
    }

    /// The file's text, with a comment saying what it is.
    pub fn to_toml(&self) -> String {
        let body = toml::to_string(self).expect("plain strings always serialize");
        format!("# Where this article came from (written by factdesk add / sync).\n{body}")
    }

    /// Copies what the page said into an article's metadata (the curated
    /// layer, read later, may override the outlet and the date).
    pub fn apply(&self, meta: &mut ArticleMeta) {
        meta.url = self.url.clone().or_else(|| {
            self.added_from
                .clone()
                .filter(|s| s.starts_with("http://") || s.starts_with("https://"))
        });
        meta.outlet = self.outlet.clone();
        meta.byline = self.byline.clone();
        meta.published = self.published.clone();
    }

    /// The day the article counts from for retention: published, else fetched
    /// (days since 1970-01-01), when either starts with a `YYYY-MM-DD` date.
    pub fn dated(&self) -> Option<i64> {
        [&self.published, &self.fetched]
            .into_iter()
            .flatten()
            .find_map(|d| days_of_iso_date(d))
    }
}

/// Days since 1970-01-01 of the `YYYY-MM-DD` that starts `s`.
pub fn days_of_iso_date(s: &str) -> Option<i64> {
    let b = s.as_bytes();
    if b.len() < 10 || b[4] != b'-' || b[7] != b'-' {
        return None;
    }
    let num = |r: std::ops::Range<usize>| s.get(r)?.parse::<i64>().ok();
    let (y, m, d) = (num(0..4)?, num(5..7)?, num(8..10)?);
    if !(1..=12).contains(&m) || !(1..=31).contains(&d) {
        return None;
    }
    Some(days_from_civil(y, m, d))
}

/// Days since 1970-01-01 of a proleptic Gregorian date (Howard Hinnant's algorithm).
pub fn days_from_civil(y: i64, m: i64, d: i64) -> i64 {
    let y = if m <= 2 { y - 1 } else { y };
    let era = y.div_euclid(400);
    let yoe = y - era * 400;
    let mp = (m + 9) % 12;
    let doy = (153 * mp + 2) / 5 + d - 1;
    let doe = yoe * 365 + yoe / 4 - yoe / 100 + doy;
    era * 146_097 + doe - 719_468
}

/// The proleptic Gregorian date (year, month, day) `z` days after
/// 1970-01-01 (Howard Hinnant's algorithm).
pub fn civil_from_days(z: i64) -> (i64, u32, u32) {
    let z = z + 719_468;
    let era = z.div_euclid(146_097);
    let doe = z.rem_euclid(146_097);
    let yoe = (doe - doe / 1460 + doe / 36_524 - doe / 146_096) / 365;
    let doy = doe - (365 * yoe + yoe / 4 - yoe / 100);
    let mp = (5 * doy + 2) / 153;
    let d = (doy - (153 * mp + 2) / 5 + 1) as u32;
    let m = if mp < 10 { mp + 3 } else { mp - 9 } as u32;
    (yoe + era * 400 + i64::from(m <= 2), m, d)
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn round_trips_and_skips_what_is_unknown() {
        let file = SourceFile {
            url: Some("https://example.com/a".into()),
            outlet: Some("Example \"News\"".into()),
            published: Some("2019-11-19".into()),
            ..SourceFile::default()
        };
        let text = file.to_toml();
        assert!(!text.contains("byline"), "{text}");
        assert_eq!(SourceFile::parse(Path::new("s.toml"), &text).unwrap(), file);
    }

    #[test]
    fn a_bad_key_names_the_file_and_line() {
        let err = SourceFile::parse(Path::new("a/source.toml"), "url = \"x\"\nauthor = \"y\"\n")
            .unwrap_err()
            .to_string();
        assert!(err.starts_with("a/source.toml:2: "), "{err}");
    }

    #[test]
    fn dates_count_days() {
        assert_eq!(days_of_iso_date("1970-01-01"), Some(0));
        assert_eq!(days_of_iso_date("2019-11-19T10:00:00Z"), Some(18_219));
        assert_eq!(days_of_iso_date("2000-03-01"), Some(11_017));
        assert_eq!(days_of_iso_date("Nov 19, 2019"), None);
        let file = SourceFile {
            published: Some("unknown".into()),
            fetched: Some("1970-01-02T00:00:00Z".into()),
            ..SourceFile::default()
        };
        assert_eq!(file.dated(), Some(1));
    }
}
