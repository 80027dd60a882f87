//! The reply the engine gives for one question: the stable JSON contract.
//!
//! Every front end (CLI, terminal chat, Discord) renders this one type, and
//! `factdesk ask --json` prints it as is. Field names and meanings are part of
//! the public contract documented in the README.

use serde::{Deserialize, Serialize};

/// Whether the knowledge base answered the question.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Serialize, Deserialize)]
#[serde(rename_all = "lowercase")]
pub enum Status {
    /// The reply carries a fact and at least one verbatim source.
    Answered,
    /// The articles do not answer the question; `suggestions` lists what they can answer.
    Unknown,
}

/// One piece of evidence: a verbatim sentence of an article and who said it.
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize)]
pub struct Source {
    /// The sentence exactly as the article prints it.
    pub quote: String,
    /// Who, in the article, said it ("Yonhap news agency", "South Korean military officials"...),
    /// or `null` when the article states it in its own voice.
    pub attribution: Option<String>,
    /// The article's id (its folder name under `knowledge/articles/`).
    pub article: String,
    /// The article's title (its first line).
    pub title: String,
    /// The 1-based body paragraph the quote stands in, or `null` for a photo caption or the headline.
    pub paragraph: Option<u32>,
    /// The outlet that published the article, or `null` when unknown.
    #[serde(default)]
    pub outlet: Option<String>,
    /// When the article was published (ISO 8601 for ingested articles), or `null` when unknown.
    #[serde(default)]
    pub published: Option<String>,
    /// The page the article was taken from, or `null` when unknown.
    #[serde(default)]
    pub url: Option<String>,
}

/// The engine's reply to one question.
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize)]
pub struct Answer {
    /// The question as the user asked it.
    pub question: String,
    /// `answered` or `unknown`.
    pub status: Status,
    /// A short direct answer, or for `unknown` a plain statement that the articles do not say.
    pub answer: String,
    /// How sure the engine is, from 0 to 1.
    pub confidence: f32,
    /// The evidence; `sources[0]` is the main one. Empty when `unknown`.
    pub sources: Vec<Source>,
    /// Questions the knowledge base can answer, nearest first (up to three; empty when answered).
    pub suggestions: Vec<String>,
    /// When the question fits two stories equally: the stories to choose
    /// from (the reply asks which one). Absent from the JSON when empty.
    #[serde(default, skip_serializing_if = "Vec::is_empty")]
    pub stories: Vec<Story>,
}

/// A story a question may be about, offered when it fits more than one.
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize)]
pub struct Story {
    /// The article's id.
    pub article: String,
    /// Its title.
    pub title: String,
    /// Its outlet, when known.
    pub outlet: Option<String>,
    /// When it was published, when known.
    pub published: Option<String>,
}

impl Answer {
    /// True when the engine answered from the knowledge base.
    pub fn is_answered(&self) -> bool {
        self.status == Status::Answered
    }

    /// The reply as one line of JSON, the format of `factdesk ask --json`.
    pub fn to_json(&self) -> String {
        serde_json::to_string(self).expect("an Answer always serializes")
    }
}
