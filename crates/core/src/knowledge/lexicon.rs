//! The shared lexicon (`knowledge/lexicon.toml`): synonym groups and chat slang.

/// The lexicon's file name in a knowledge folder.
pub const LEXICON_FILE: &str = "lexicon.toml";

use std::collections::HashMap as StdHashMap;

use rustc_hash::{FxHashMap as HashMap, FxHashSet};

use serde::Deserialize;

use crate::text;

/// Synonyms and slang, keyed by stemmed forms.
#[derive(Debug, Clone, Default)]
pub struct Lexicon {
    /// Stemmed phrase (words joined by one space) -> canonical term (the group's first entry, stemmed).
    pub synonyms: HashMap<String, String>,
    /// The longest phrase, in words.
    pub longest_phrase: usize,
    /// First words (stemmed) of the phrases of two words or more.
    pub phrase_starts: FxHashSet<String>,
    /// Folded slang word -> its replacement words.
    pub slang: HashMap<String, Vec<String>>,
    /// The groups as written, for `factdesk check`.
    pub groups: Vec<Vec<String>>,
}

/// The file's shape.
#[derive(Debug, Deserialize)]
#[serde(deny_unknown_fields)]
struct LexiconFile {
    #[serde(default)]
    groups: Vec<Vec<String>>,
    #[serde(default)]
    slang: StdHashMap<String, String>,
}

/// Stems each word of a phrase and joins them with one space.
pub fn stem_phrase(phrase: &str) -> String {
    text::words(phrase)
        .iter()
        .map(|w| text::stem(w))
        .collect::<Vec<_>>()
        .join(" ")
}

/// The built-in lexicon: chat slang and news abbreviations.
const GENERAL: &str = include_str!("general-lexicon.toml");

impl Lexicon {
    /// The built-in lexicon every knowledge base starts from: chat slang
    /// ("u", "wat", "ngl") and news abbreviations ("PM", "GDP", "bn").
    pub fn general() -> Lexicon {
        static GENERAL_LEXICON: std::sync::OnceLock<Lexicon> = std::sync::OnceLock::new();
        GENERAL_LEXICON
            .get_or_init(|| Lexicon::parse(GENERAL).expect("the built-in lexicon is valid TOML"))
            .clone()
    }

    /// Adds `other`'s groups and slang; where both define a phrase or a slang
    /// word, `other`'s wins.
    pub fn extend(&mut self, other: Lexicon) {
        self.synonyms.extend(other.synonyms);
        self.longest_phrase = self.longest_phrase.max(other.longest_phrase);
        self.phrase_starts.extend(other.phrase_starts);
        self.slang.extend(other.slang);
        self.groups.extend(other.groups);
    }

    /// Parses `lexicon.toml`.
    pub fn parse(source: &str) -> Result<Lexicon, toml::de::Error> {
        toml::from_str(source).map(Lexicon::from_file)
    }

    fn from_file(file: LexiconFile) -> Lexicon {
        let mut lex = Lexicon::default();
        for (word, replacement) in file.slang {
            lex.slang.insert(
                text::fold(&word).trim().to_string(),
                text::words(&replacement),
            );
        }
        for group in &file.groups {
            let Some(canonical) = group.first().map(|c| stem_phrase(c)) else {
                continue;
            };
            for term in group {
                let key = stem_phrase(term);
                if key.is_empty() {
                    continue;
                }
                let words = key.split(' ').count();
                lex.longest_phrase = lex.longest_phrase.max(words);
                if words > 1 {
                    lex.phrase_starts
                        .insert(key.split(' ').next().unwrap_or_default().to_string());
                }
                // The first group that claims a phrase keeps it.
                lex.synonyms.entry(key).or_insert_with(|| canonical.clone());
            }
        }
        lex.groups = file.groups;
        lex
    }

    /// The canonical term of a stemmed phrase, if the lexicon knows it.
    pub fn canonical(&self, stemmed_phrase: &str) -> Option<&str> {
        self.synonyms.get(stemmed_phrase).map(String::as_str)
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn the_built_in_lexicon_reads_slang_and_abbreviations() {
        let lex = Lexicon::general();
        assert_eq!(
            lex.canonical("pm"),
            Some(stem_phrase("prime minister").as_str())
        );
        assert_eq!(lex.slang["wat"], vec!["what"]);
        assert!(lex.slang["ngl"].is_empty(), "filler is dropped");
        let mut local = Lexicon::general();
        local.extend(Lexicon::parse("[slang]\nngl = \"not gonna lie\"\n").unwrap());
        assert_eq!(local.slang["ngl"].len(), 3, "a local entry wins");
    }

    #[test]
    fn groups_map_to_their_first_term() {
        let lex = Lexicon::parse(
            "groups = [[\"north korea\", \"Pyongyang\", \"the North\"], [\"shot\", \"rounds\"]]\n[slang]\nppl = \"people\"\n",
        )
        .unwrap();
        assert_eq!(lex.canonical("pyongyang"), Some("north korea"));
        assert_eq!(lex.canonical("the north"), Some("north korea"));
        assert_eq!(lex.canonical("round"), Some("shot"));
        assert_eq!(lex.longest_phrase, 2);
        assert_eq!(lex.slang["ppl"], vec!["people"]);
    }
}
