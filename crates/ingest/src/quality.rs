//! Measuring extraction against hand-made ground truth: token F1 of the
//! body, exact title, same publication date. Used by the extraction test and
//! `cargo run -p factdesk-ingest --example extraction --release`.

use std::collections::HashMap;
use std::path::{Path, PathBuf};

use serde::Deserialize;

use crate::extract::{extract_html, Extracted};

/// A saved page's ground truth (`truth.json` beside its `source.html`).
#[derive(Debug, Clone, Deserialize)]
pub struct Truth {
    /// Where the truth comes from (`article-extraction-benchmark`, `readability`).
    pub set: String,
    /// The headline.
    pub title: String,
    /// The body, paragraphs separated by blank lines.
    pub body: String,
    /// The publication date the page states (`None`: the truth records none).
    pub published: Option<String>,
}

/// How one page scored.
#[derive(Debug, Clone)]
pub struct PageScore {
    /// The page's folder name.
    pub name: String,
    /// Its truth's set.
    pub set: String,
    /// Token F1 of the extracted body against the truth's.
    pub f1: f64,
    /// The title is the truth's, whitespace and quote style aside.
    pub title_right: bool,
    /// The truth's date, when it has one, and whether the extracted date has that day.
    pub date_right: Option<bool>,
    /// What was extracted (`None` when nothing was).
    pub extracted: Option<Extracted>,
    /// The truth.
    pub truth: Truth,
}

/// Scores every `<dir>/<name>/source.html` that has a `truth.json`, by name.
pub fn score_pages(dir: &Path) -> std::io::Result<Vec<PageScore>> {
    let mut names: Vec<PathBuf> = std::fs::read_dir(dir)?
        .filter_map(Result::ok)
        .map(|e| e.path())
        .filter(|p| p.join("truth.json").exists())
        .collect();
    names.sort();
    names.iter().map(|p| score_page(p)).collect()
}

/// Scores one page folder.
pub fn score_page(folder: &Path) -> std::io::Result<PageScore> {
    let html = std::fs::read(folder.join("source.html"))?;
    let html = String::from_utf8_lossy(&html);
    let truth: Truth = serde_json::from_slice(&std::fs::read(folder.join("truth.json"))?)
        .map_err(|e| std::io::Error::new(std::io::ErrorKind::InvalidData, e))?;
    let extracted = extract_html(&html, None).ok();
    let body = extracted
        .as_ref()
        .map(|e| e.paragraphs.join("\n"))
        .unwrap_or_default();
    let title = extracted.as_ref().map(|e| e.title.as_str()).unwrap_or("");
    let date_right = truth.published.as_deref().map(|want| {
        extracted
            .as_ref()
            .and_then(|e| e.published.as_deref())
            .is_some_and(|got| got.get(..10) == want.get(..10))
    });
    Ok(PageScore {
        name: folder
            .file_name()
            .map(|n| n.to_string_lossy().into_owned())
            .unwrap_or_default(),
        set: truth.set.clone(),
        f1: token_f1(&body, &truth.body),
        title_right: same_title(title, &truth.title),
        date_right,
        extracted,
        truth,
    })
}

/// Titles compared with whitespace squashed and curly quotes straightened.
pub fn same_title(a: &str, b: &str) -> bool {
    let norm = |s: &str| {
        factdesk_core::text::squash_whitespace(s)
            .replace(['\u{2018}', '\u{2019}'], "'")
            .replace(['\u{201C}', '\u{201D}'], "\"")
    };
    norm(a) == norm(b)
}

/// The words of `s`, lower case (letters and digits).
fn tokens(s: &str) -> Vec<String> {
    factdesk_core::text::fold(s)
        .split(|c: char| !c.is_alphanumeric())
        .filter(|t| !t.is_empty())
        .map(str::to_string)
        .collect()
}

/// Token F1 (bag of words) of `got` against `want`.
pub fn token_f1(got: &str, want: &str) -> f64 {
    let (g, w) = (tokens(got), tokens(want));
    if g.is_empty() || w.is_empty() {
        return if g.is_empty() && w.is_empty() {
            1.0
        } else {
            0.0
        };
    }
    let mut counts: HashMap<&str, i64> = HashMap::new();
    for t in &w {
        *counts.entry(t).or_default() += 1;
    }
    let mut shared = 0;
    for t in &g {
        if let Some(c) = counts.get_mut(t.as_str()) {
            if *c > 0 {
                *c -= 1;
                shared += 1;
            }
        }
    }
    let precision = shared as f64 / g.len() as f64;
    let recall = shared as f64 / w.len() as f64;
    if shared == 0 {
        0.0
    } else {
        2.0 * precision * recall / (precision + recall)
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn f1_counts_shared_words() {
        assert_eq!(token_f1("a b c", "a b c"), 1.0);
        assert_eq!(token_f1("", "a"), 0.0);
        let f = token_f1("a b", "a b c d");
        assert!((f - 2.0 / 3.0).abs() < 1e-9, "{f}");
        assert!(same_title("It\u{2019}s  here", "It's here"));
    }
}
