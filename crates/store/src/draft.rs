//! `factdesk draft`: a starting curated layer for an article, read from its
//! text, for a curator to review. Each sentence no curated fact quotes
//! becomes a fact: the sentence as its answer and quote (so the draft loads
//! and answers as the text does), the question types it can answer, and a
//! few example questions made from the sentence itself by asking for each
//! number, date, name or place it holds ("South Korean guards fired up to
//! how many warning shots?").

use std::fmt::Write as _;
use std::path::{Path, PathBuf};

use factdesk_core::engine::extract::{candidates, Wanted};
use factdesk_core::knowledge::{Builder, Place};
use factdesk_core::text::{is_stopword, words};
use factdesk_core::{KnowledgeBase, KnowledgeError};

use crate::load::{read, ARTICLE_FILE};
use factdesk_core::knowledge::FACTS_FILE;

/// Where a draft goes when the article already has a curated layer.
pub const DRAFT_FILE: &str = "facts.draft.toml";

/// At most this many example questions per drafted fact.
const QUESTIONS_PER_FACT: usize = 3;

/// A drafted curated layer.
#[derive(Debug, Clone, PartialEq)]
pub struct Draft {
    /// The TOML text.
    pub text: String,
    /// Where it is to be written: `facts.toml`, or `facts.draft.toml` beside
    /// an existing one (never overwritten).
    pub path: PathBuf,
    /// How many facts it drafts.
    pub facts: usize,
    /// How many example questions it drafts.
    pub questions: usize,
}

/// Drafts the curated layer of the article folder `dir` (holding
/// `article.txt`, and maybe `facts.toml`): one fact per sentence its curated
/// facts do not quote yet.
pub fn draft(dir: &Path) -> Result<Draft, KnowledgeError> {
    let id = dir
        .file_name()
        .map(|n| n.to_string_lossy().into_owned())
        .unwrap_or_else(|| "article".to_string());
    let text = read(&dir.join(ARTICLE_FILE), "the article")?;
    let facts_path = dir.join(FACTS_FILE);
    let curated = facts_path.exists();
    let builder = if curated {
        let facts = read(&facts_path, "the curated facts")?;
        Builder::new().curated_article(&id, &text, &facts)
    } else {
        Builder::new().article(&id, &text)
    };
    let kb = builder.and_then(Builder::build).map_err(|e| e.under(dir))?;
    let path = dir.join(if curated { DRAFT_FILE } else { FACTS_FILE });
    let (text, facts, questions) = render(&kb, &id);
    Ok(Draft {
        text,
        path,
        facts,
        questions,
    })
}

/// The draft's TOML, with how many facts and questions it holds.
fn render(kb: &KnowledgeBase, id: &str) -> (String, usize, usize) {
    let mut out = String::new();
    let _ = writeln!(
        out,
        "# A draft of the curated layer, read from the article by `factdesk draft`.\n\
         # Review every fact: shorten `answer` to the direct answer, keep `quotes`\n\
         # verbatim, rewrite `questions` as readers would ask them, delete facts\n\
         # nobody will ask about. See README: Adding an article."
    );
    let (mut facts, mut questions) = (0, 0);
    for article in &kb.articles {
        for fact in kb.facts.iter().filter(|f| !f.curated) {
            if kb.article(fact.article).id != article.id {
                continue;
            }
            let s = fact.evidence[0];
            let sentence = &article.sentences[s];
            let asked = questions_of(&sentence.text);
            facts += 1;
            questions += asked.len();
            let _ = writeln!(out, "\n[[fact]]");
            let _ = writeln!(out, "id = {}", toml_string(&fact_id(id, s, &sentence.text)));
            let _ = writeln!(out, "topic = {}", toml_string(&topic(sentence.place)));
            let _ = writeln!(out, "answer = {}", toml_string(&sentence.text));
            let _ = writeln!(out, "quotes = [{}]", toml_string(&sentence.text));
            let cues = cues_of(&sentence.text);
            let _ = writeln!(out, "cues = [{}]", list(&cues));
            let _ = writeln!(out, "questions = [{}]", list(&asked));
        }
    }
    (out, facts, questions)
}

/// A fact id: the article's, the sentence's number and its first content words.
fn fact_id(article: &str, sentence: usize, text: &str) -> String {
    let slug: Vec<String> = words(text)
        .into_iter()
        .filter(|w| !is_stopword(w) && w.chars().all(|c| c.is_ascii_alphanumeric()))
        .take(3)
        .collect();
    let article: String = article
        .chars()
        .map(|c| {
            if c.is_ascii_alphanumeric() || c == '-' || c == '_' {
                c
            } else {
                '-'
            }
        })
        .collect();
    format!("{article}-{}-{}", sentence + 1, slug.join("-"))
        .trim_end_matches('-')
        .to_string()
}

fn topic(place: Place) -> String {
    match place {
        Place::Headline => "Headline".to_string(),
        Place::Caption => "Photos".to_string(),
        Place::Body(n) => format!("Paragraph {n}"),
    }
}

/// The question types the sentence's numbers, dates and names answer, as
/// `facts.toml` names them.
fn cues_of(sentence: &str) -> Vec<String> {
    let mut cues: Vec<String> = Vec::new();
    for span in candidates(sentence) {
        let cue = match span.kind {
            Wanted::Number | Wanted::Money | Wanted::Percent | Wanted::Age | Wanted::Duration => {
                "number"
            }
            Wanted::Date | Wanted::Time => "time",
            Wanted::Place => "place",
            Wanted::Person | Wanted::Organisation => "person",
            _ => continue,
        };
        if !cues.iter().any(|c| c == cue) {
            cues.push(cue.to_string());
        }
    }
    cues
}

/// Echo questions: the sentence with one of its numbers, dates or names
/// asked for, at most [`QUESTIONS_PER_FACT`], one per kind.
fn questions_of(sentence: &str) -> Vec<String> {
    let body = sentence.trim_end_matches(['.', '!', '?', '"', '\u{201d}', ' ']);
    let mut seen: Vec<&str> = Vec::new();
    let mut out = Vec::new();
    for span in candidates(sentence) {
        if span.end > body.len() || out.len() == QUESTIONS_PER_FACT || span.start == span.end {
            continue;
        }
        let asked = match span.kind {
            Wanted::Number => "how many",
            Wanted::Money => "how much",
            Wanted::Percent => "what percentage",
            Wanted::Age => "what age",
            Wanted::Duration => "how long",
            Wanted::Date | Wanted::Time => "when",
            Wanted::Person => "who",
            Wanted::Organisation => "which organisation",
            Wanted::Place => "where",
            _ => continue,
        };
        if seen.contains(&asked) {
            continue;
        }
        seen.push(asked);
        // Ask within the clause that holds the span, not the whole sentence.
        let bound = |c: char| matches!(c, ',' | ';' | ':' | '(' | ')' | '\u{2014}' | '\u{2013}');
        // A comma bounds a clause only before a space ("375,000" is one number).
        let bounds_at = |i: usize, c: char| {
            bound(c) && (c != ',' || body[i + 1..].starts_with(' ') || i + 1 == body.len())
        };
        let from = body[..span.start]
            .char_indices()
            .rfind(|&(i, c)| bounds_at(i, c))
            .map_or(0, |(i, c)| i + c.len_utf8());
        let to = body[span.end..]
            .char_indices()
            .find(|&(i, c)| bounds_at(span.end + i, c))
            .map_or(body.len(), |(i, _)| span.end + i);
        if body[from..to].split_whitespace().count() < 4 {
            continue;
        }
        let mut before = body[from..span.start].trim();
        let mut end = span.end;
        // "12 shelters": ask "how many shelters", keeping the counted noun.
        if matches!(span.kind, Wanted::Number | Wanted::Money) {
            let text = span.text(sentence);
            if let Some(space) = text.find(' ') {
                if text[..space].chars().any(|c| c.is_ascii_digit()) {
                    end = span.start + space;
                }
            }
        }
        // "in Lisbon" asks "where", "The Red Cross" asks "which organisation".
        let drop: &[&str] = match asked {
            "where" | "when" => &["in", "at", "on", "near", "from", "during"],
            _ => &["the", "The", "a", "A", "an", "An"],
        };
        for word in drop {
            if let Some(rest) = before.strip_suffix(word) {
                if rest.is_empty() || rest.ends_with(' ') {
                    before = rest.trim_end();
                    break;
                }
            }
        }
        let after = body[end..to].trim();
        let before = before.trim_start_matches(|c: char| !c.is_alphanumeric());
        let mut q = if before.is_empty() {
            asked.to_string()
        } else {
            format!("{before} {asked}")
        };
        if let Some(first) = q.chars().next() {
            q.replace_range(..first.len_utf8(), &first.to_uppercase().to_string());
        }
        if !after.is_empty() {
            q.push(' ');
            q.push_str(after);
        }
        q.push('?');
        out.push(q);
    }
    out
}

fn list(items: &[String]) -> String {
    items
        .iter()
        .map(|s| toml_string(s))
        .collect::<Vec<_>>()
        .join(", ")
}

/// `s` as a TOML basic string.
fn toml_string(s: &str) -> String {
    let mut out = String::with_capacity(s.len() + 2);
    out.push('"');
    for c in s.chars() {
        match c {
            '"' => out.push_str("\\\""),
            '\\' => out.push_str("\\\\"),
            '\n' => out.push_str("\\n"),
            '\t' => out.push_str("\\t"),
            c if c.is_control() => {
                let _ = write!(out, "\\u{:04X}", c as u32);
            }
            c => out.push(c),
        }
    }
    out.push('"');
    out
}

#[cfg(test)]
mod tests {
    use super::*;

    const ARTICLE: &str = "Storm hits coast\n\n\
        A storm with winds of 120 km/h hit the coast on Monday, officials said. \
        The \"Red Cross\" opened 12 shelters in Lisbon.\n";

    fn folder(facts: Option<&str>) -> tempfile::TempDir {
        let dir = tempfile::tempdir().unwrap();
        std::fs::write(dir.path().join(ARTICLE_FILE), ARTICLE).unwrap();
        if let Some(f) = facts {
            std::fs::write(dir.path().join(FACTS_FILE), f).unwrap();
        }
        dir
    }

    #[test]
    fn a_draft_loads_as_a_curated_layer_quoting_every_sentence() {
        let dir = folder(None);
        let d = draft(dir.path()).unwrap();
        assert_eq!(d.path, dir.path().join(FACTS_FILE));
        assert_eq!(d.facts, 3, "{}", d.text);
        assert!(d.questions >= 2, "{}", d.text);
        let kb = Builder::new()
            .curated_article("storm", ARTICLE, &d.text)
            .and_then(Builder::build)
            .unwrap_or_else(|e| panic!("{e}\n{}", d.text));
        assert!(
            kb.facts.iter().all(|f| f.curated),
            "every sentence is quoted"
        );
        assert!(d.text.contains("\\\"Red Cross\\\""), "{}", d.text);
    }

    #[test]
    fn questions_ask_for_what_the_sentence_holds() {
        let qs = questions_of("The Red Cross opened 12 shelters in Lisbon on Monday.");
        assert!(qs.iter().any(|q| q.contains("how many shelters")), "{qs:?}");
        assert!(qs.iter().all(|q| q.ends_with('?')), "{qs:?}");
        assert!(qs.len() <= QUESTIONS_PER_FACT);
    }

    #[test]
    fn an_existing_curated_layer_is_never_overwritten() {
        let facts = "[[fact]]\nid = \"storm\"\ntopic = \"T\"\nanswer = \"120 km/h.\"\n\
            quotes = [\"A storm with winds of 120 km/h hit the coast on Monday\"]\n";
        let dir = folder(Some(facts));
        let d = draft(dir.path()).unwrap();
        assert_eq!(d.path, dir.path().join(DRAFT_FILE));
        assert_eq!(d.facts, 2, "only the sentences not quoted yet: {}", d.text);
        assert!(!d.text.contains("120 km/h hit"), "{}", d.text);
    }

    #[test]
    fn clauses_end_at_dashes_and_commas_of_any_width() {
        let qs = questions_of(
            "SAN FRANCISCO (AP) \u{2014} Pacific Gas & Electric Co. cut power on Wednesday to some 375,000 people in 18 counties, officials said.",
        );
        assert!(!qs.is_empty());
        assert!(qs.iter().all(|q| !q.contains("officials said")), "{qs:?}");
    }

    #[test]
    fn toml_strings_escape_what_they_must() {
        assert_eq!(toml_string("a \"b\" \\ c\n"), r#""a \"b\" \\ c\n""#);
    }
}
