//! The answer engine: question text in, [`Answer`] out.
//!
//! (Public API; the matcher lives in submodules.)

use std::path::Path;

use crate::answer::Answer;
use crate::knowledge::{KnowledgeBase, KnowledgeError};

/// A topic and the questions the knowledge base answers about it (for `/topics`).
#[derive(Debug, Clone, PartialEq)]
pub struct Topic {
    /// The topic's name ("Warning shots").
    pub name: String,
    /// One example question per fact of the topic.
    pub questions: Vec<String>,
}

/// What the bot knows about one article (for `/source`).
#[derive(Debug, Clone, PartialEq)]
pub struct ArticleInfo {
    /// The article's id (its folder name).
    pub id: String,
    /// Its title.
    pub title: String,
    /// How many body paragraphs it has.
    pub paragraphs: usize,
    /// How many facts answer from it.
    pub facts: usize,
}

/// The indexed knowledge base, ready to answer.
pub struct Engine {
    kb: KnowledgeBase,
}

impl Engine {
    /// Indexes a loaded knowledge base.
    pub fn new(kb: KnowledgeBase) -> Engine {
        Engine { kb }
    }

    /// Loads and indexes the knowledge directory.
    pub fn load(dir: &Path) -> Result<Engine, KnowledgeError> {
        KnowledgeBase::load(dir).map(Engine::new)
    }

    /// The knowledge base behind the engine.
    pub fn knowledge(&self) -> &KnowledgeBase {
        &self.kb
    }

    /// Answers one question. Never panics, whatever the input.
    pub fn answer(&self, question: &str) -> Answer {
        todo!("{question}")
    }

    /// Up to `limit` questions the knowledge base can answer, fuzzy-ranked against
    /// `partial` (what the user has typed so far); an empty `partial` lists the first ones.
    pub fn complete(&self, partial: &str, limit: usize) -> Vec<String> {
        todo!("{partial}{limit}")
    }

    /// The topics, in article order, each with its example questions.
    pub fn topics(&self) -> Vec<Topic> {
        todo!()
    }

    /// The articles behind the bot.
    pub fn articles(&self) -> Vec<ArticleInfo> {
        todo!()
    }

    /// The whole text of body paragraph `number` (1-based) of `article`.
    pub fn paragraph(&self, article: &str, number: u32) -> Option<&str> {
        todo!("{article}{number}")
    }
}
