//! What a button does, encoded in its `custom_id` (at most 100 characters).
//!
//! The bot keeps no per-message state: a button carries everything needed to
//! act on it, so buttons keep working across restarts and shards.

use super::reply::limits::CUSTOM_ID;

/// A button's action.
#[derive(Debug, Clone, PartialEq, Eq)]
pub enum Action {
    /// Ask this question. `complete` is false when the question was too long
    /// for a custom id and `question` is only its beginning.
    Ask {
        /// The question, or its beginning.
        question: String,
        /// Whether `question` is whole.
        complete: bool,
    },
    /// Show body paragraph `paragraph` of `article`.
    Source {
        /// The article id.
        article: String,
        /// The 1-based paragraph.
        paragraph: u32,
    },
    /// Show page `0`-based `page` of `/topics`.
    Topics(usize),
    /// Answer a question that fitted several stories from this one. The
    /// question rides along when it fits the custom id; otherwise the
    /// asker's conversation holds it.
    Story {
        /// The article id.
        article: String,
        /// The question, when it fits.
        question: Option<String>,
    },
}

const ASK: &str = "ask:";
const ASK_PREFIX: &str = "askp:";
const SOURCE: &str = "src:";
const TOPICS: &str = "topics:";
const STORY: &str = "story:";

impl Action {
    /// The custom id, or `None` when the action cannot fit in one.
    pub fn encode(&self) -> Option<String> {
        let id = match self {
            Action::Ask { question, .. } => {
                let whole = format!("{ASK}{question}");
                if whole.chars().count() <= CUSTOM_ID {
                    whole
                } else {
                    let room = CUSTOM_ID - ASK_PREFIX.len();
                    format!(
                        "{ASK_PREFIX}{}",
                        question.chars().take(room).collect::<String>()
                    )
                }
            }
            Action::Source { article, paragraph } => format!("{SOURCE}{paragraph}:{article}"),
            Action::Topics(page) => format!("{TOPICS}{page}"),
            // Article ids are kebab-case: '|' never stands in one.
            Action::Story { article, question } => {
                let bare = format!("{STORY}{article}");
                match question {
                    Some(q) if bare.chars().count() + 1 + q.chars().count() <= CUSTOM_ID => {
                        format!("{bare}|{q}")
                    }
                    _ => bare,
                }
            }
        };
        (id.chars().count() <= CUSTOM_ID && !id.is_empty()).then_some(id)
    }

    /// Reads a custom id back; `None` for ids this bot did not make.
    pub fn decode(id: &str) -> Option<Action> {
        if let Some(q) = id.strip_prefix(ASK) {
            return Some(Action::Ask {
                question: q.to_string(),
                complete: true,
            });
        }
        if let Some(q) = id.strip_prefix(ASK_PREFIX) {
            return Some(Action::Ask {
                question: q.to_string(),
                complete: false,
            });
        }
        if let Some(rest) = id.strip_prefix(SOURCE) {
            let (n, article) = rest.split_once(':')?;
            return Some(Action::Source {
                article: article.to_string(),
                paragraph: n.parse().ok()?,
            });
        }
        if let Some(page) = id.strip_prefix(TOPICS) {
            return Some(Action::Topics(page.parse().ok()?));
        }
        if let Some(rest) = id.strip_prefix(STORY) {
            let (article, question) = match rest.split_once('|') {
                Some((a, q)) => (a, Some(q.to_string())),
                None => (rest, None),
            };
            return (!article.is_empty()).then(|| Action::Story {
                article: article.to_string(),
                question,
            });
        }
        None
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn round_trips() {
        for a in [
            Action::Ask {
                question: "Who fired the shots?".into(),
                complete: true,
            },
            Action::Source {
                article: "2024-06-dmz:x".into(),
                paragraph: 3,
            },
            Action::Topics(7),
            Action::Story {
                article: "storm-hits-the-coast".into(),
                question: Some("who said | that?".into()),
            },
            Action::Story {
                article: "storm".into(),
                question: None,
            },
        ] {
            assert_eq!(Action::decode(&a.encode().unwrap()), Some(a));
        }
    }

    #[test]
    fn a_story_keeps_its_question_only_when_it_fits() {
        let a = Action::Story {
            article: "a".repeat(60),
            question: Some("q".repeat(40)),
        };
        let id = a.encode().unwrap();
        assert!(id.chars().count() <= CUSTOM_ID);
        assert_eq!(
            Action::decode(&id),
            Some(Action::Story {
                article: "a".repeat(60),
                question: None
            })
        );
    }

    #[test]
    fn long_questions_become_prefixes() {
        let q = "é".repeat(150);
        let id = Action::Ask {
            question: q.clone(),
            complete: true,
        }
        .encode()
        .unwrap();
        assert!(id.chars().count() <= CUSTOM_ID);
        match Action::decode(&id).unwrap() {
            Action::Ask { question, complete } => {
                assert!(!complete);
                assert!(q.starts_with(&question));
            }
            other => panic!("{other:?}"),
        }
    }

    #[test]
    fn unknown_ids_are_ignored() {
        assert_eq!(Action::decode("other:1"), None);
        assert_eq!(Action::decode("src:x:y"), None);
        assert_eq!(Action::decode("topics:-1"), None);
    }

    #[test]
    fn overlong_source_ids_do_not_encode() {
        assert_eq!(
            Action::Source {
                article: "a".repeat(120),
                paragraph: 1
            }
            .encode(),
            None
        );
    }
}
