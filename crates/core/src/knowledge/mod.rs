//! The knowledge model: articles, their sentences and facts, the lexicon; and
//! [`Builder`], which makes a [`KnowledgeBase`] from text in memory.
//!
//! On disk (read by the `factdesk-store` crate) a knowledge folder is:
//! ```text
//! knowledge/
//!   lexicon.toml                 synonyms and chat slang, shared by every article
//!   common-words.txt             common English words, never taken for typos (optional)
//!   articles/<id>/article.txt    the article, verbatim; its first line is the title
//!   articles/<id>/facts.toml     the curated facts (optional)
//!   articles/<id>/source.toml    where an added article came from (optional)
//! ```
//! Every sentence is answerable even with no `facts.toml`: sentences no curated
//! fact quotes become facts of their own.

pub mod article;
mod build;
pub mod common;
pub mod coverage;
mod curated;
mod error;
pub mod lexicon;
pub mod source;

pub use article::{Article, ArticleMeta, Place, Sentence};
pub use build::{Builder, FACTS_FILE};
pub use common::CommonWords;
pub use error::{ErrorKind, KnowledgeError, QuoteError};
pub use lexicon::{Lexicon, LEXICON_FILE};
pub use source::{SourceFile, SOURCE_FILE};

/// The position of a fact in [`KnowledgeBase::facts`].
#[derive(Debug, Clone, Copy, PartialEq, Eq, PartialOrd, Ord, Hash)]
pub struct FactIx(pub u32);

impl FactIx {
    /// As an index into [`KnowledgeBase::facts`].
    pub fn get(self) -> usize {
        self.0 as usize
    }
}

/// The position of an article in [`KnowledgeBase::articles`].
#[derive(Debug, Clone, Copy, PartialEq, Eq, PartialOrd, Ord, Hash)]
pub struct ArticleIx(pub u32);

impl ArticleIx {
    /// As an index into [`KnowledgeBase::articles`].
    pub fn get(self) -> usize {
        self.0 as usize
    }
}

/// A question type a fact answers.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash)]
pub enum Cue {
    /// How many, how much, how old.
    Number,
    /// When, what time, what day.
    Time,
    /// Where.
    Place,
    /// Who, which body.
    Person,
    /// Why.
    Reason,
    /// What will happen.
    Future,
}

impl Cue {
    /// Parses a cue name as written in facts.toml.
    pub fn parse(s: &str) -> Option<Cue> {
        Some(match s.trim() {
            "number" => Cue::Number,
            "time" => Cue::Time,
            "place" => Cue::Place,
            "person" => Cue::Person,
            "reason" => Cue::Reason,
            "future" => Cue::Future,
            _ => return None,
        })
    }
}

/// One answerable fact.
#[derive(Debug, Clone)]
pub struct Fact {
    /// Unique id.
    pub id: String,
    /// Topic name, for `/topics`.
    pub topic: String,
    /// The short direct answer.
    pub answer: String,
    /// The article it stands in.
    pub article: ArticleIx,
    /// Indices into the article's sentences; the first is the main evidence.
    pub evidence: Vec<usize>,
    /// Question types it answers.
    pub cues: Vec<Cue>,
    /// Example phrasings.
    pub questions: Vec<String>,
    /// Extra match words.
    pub keywords: Vec<String>,
    /// Overrides the detected attribution of the evidence.
    pub attribution: Option<String>,
    /// Related facts.
    pub related: Vec<FactIx>,
    /// False for the automatic one-sentence facts.
    pub curated: bool,
}

impl Fact {
    /// The uncurated fact of sentence `s` of `article` (at `a`): the sentence answers for itself.
    pub fn of_sentence(article: &Article, a: ArticleIx, s: usize) -> Fact {
        Fact {
            id: format!("{}#{}", article.id, s),
            topic: article.title.clone(),
            answer: article.sentences[s].text.clone(),
            article: a,
            evidence: vec![s],
            cues: Vec::new(),
            questions: Vec::new(),
            keywords: Vec::new(),
            attribution: None,
            related: Vec::new(),
            curated: false,
        }
    }
}

/// The loaded knowledge.
#[derive(Debug, Clone, Default)]
pub struct KnowledgeBase {
    /// The articles, in the order they were added (the loader adds them sorted by id).
    pub articles: Vec<Article>,
    /// Curated facts first, then one fact per sentence no curated fact quotes.
    pub facts: Vec<Fact>,
    /// Synonyms and slang: the built-in lexicon and the knowledge folder's,
    /// which read every article and every question.
    pub lexicon: Lexicon,
    /// Articles' own aliases (`articles/<id>/lexicon.toml`), by article:
    /// each reads its own article, and questions only as put to it.
    pub article_lexicons: Vec<(ArticleIx, Lexicon)>,
    /// Common English words (sorted), never taken for typos (`common-words.txt`);
    /// the engine takes them over when it is built.
    pub common_words: CommonWords,
}

impl KnowledgeBase {
    /// The article at `a`.
    pub fn article(&self, a: ArticleIx) -> &Article {
        &self.articles[a.get()]
    }

    /// The fact at `f`.
    pub fn fact(&self, f: FactIx) -> &Fact {
        &self.facts[f.get()]
    }
}
