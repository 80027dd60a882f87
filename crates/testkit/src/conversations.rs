//! Conversations as tests: two- and three-turn exchanges over several
//! articles (`tests/data/conversations/desk.jsonl`), each turn with the words its
//! reply must hold and the article it must come from. The CLI chat and the
//! fake-Discord tests (DM and slash) play the same exchanges.

use std::path::Path;

use serde::Deserialize;

/// One exchange: its turns, asked in order by one user in one place.
#[derive(Debug, Clone, Deserialize)]
pub struct Exchange {
    /// The questions and what each reply must show.
    pub turns: Vec<Turn>,
}

/// One question of an exchange.
#[derive(Debug, Clone, Deserialize)]
pub struct Turn {
    /// The question, as a user types it.
    pub q: String,
    /// Words the reply must hold, any one of them (case aside).
    pub expect: Vec<String>,
    /// A part of the id of the article the reply must quote first.
    pub article: String,
}

impl Turn {
    /// Whether a reply saying `text` and quoting `article` first is right.
    pub fn check(&self, text: &str, article: Option<&str>) -> Result<(), String> {
        let lower = text.to_lowercase();
        if !self
            .expect
            .iter()
            .any(|e| lower.contains(&e.to_lowercase()))
        {
            return Err(format!(
                "{:?}: the reply {text:?} holds none of {:?}",
                self.q, self.expect
            ));
        }
        match article {
            Some(a) if a.contains(&self.article) => Ok(()),
            other => Err(format!(
                "{:?}: the reply quotes {other:?}, not an article with {:?} in its id",
                self.q, self.article
            )),
        }
    }
}

/// Reads the exchanges of a JSON-lines file.
pub fn load(path: &Path) -> Vec<Exchange> {
    let text = std::fs::read_to_string(path)
        .unwrap_or_else(|e| panic!("cannot read {}: {e}", path.display()));
    text.lines()
        .filter(|l| !l.trim().is_empty())
        .enumerate()
        .map(|(i, l)| {
            serde_json::from_str(l).unwrap_or_else(|e| panic!("{}:{}: {e}", path.display(), i + 1))
        })
        .collect()
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn a_turn_needs_its_words_and_its_article() {
        let turn = Turn {
            q: "how old?".into(),
            expect: vec!["19".into(), "nineteen".into()],
            article: "soldier".into(),
        };
        assert!(turn.check("Aged 19.", Some("nk-soldier-defection")).is_ok());
        assert!(turn
            .check("Aged 20.", Some("nk-soldier-defection"))
            .is_err());
        assert!(turn.check("Aged 19.", Some("assange")).is_err());
        assert!(turn.check("Aged 19.", None).is_err());
    }
}
