//! Why a knowledge base cannot be built: typed, each with the file, the line
//! and the fix.

use std::path::{Path, PathBuf};

/// A knowledge base that cannot be built or loaded: where, and what is wrong.
///
/// `path` is relative to the knowledge folder while the knowledge is built in
/// memory (`articles/<id>/facts.toml`); the loader that read it from disk puts
/// the folder in front ([`KnowledgeError::under`]).
#[derive(Debug, thiserror::Error)]
#[error("{}{}: {kind}", path.display(), line.map(|l| format!(":{l}")).unwrap_or_default())]
pub struct KnowledgeError {
    /// The file or folder at fault.
    pub path: PathBuf,
    /// The 1-based line, when the fault is at one.
    pub line: Option<usize>,
    /// What is wrong, and how to fix it.
    pub kind: ErrorKind,
}

/// What is wrong with a knowledge file; its `Display` says how to fix it.
#[derive(Debug, thiserror::Error)]
pub enum ErrorKind {
    /// The TOML does not parse, or holds a key the format does not have.
    #[error("{message}; {}", if *unknown_field { "remove or rename it (see README: Adding an article)" } else { "fix the TOML at that line" })]
    Toml {
        /// The parser's message, on one line.
        message: String,
        /// The message is about an unknown key.
        unknown_field: bool,
    },
    /// A fact id with characters other than letters, digits, '-' and '_'.
    #[error("fact id {0:?} must be letters, digits, '-' or '_'; rename it")]
    BadFactId(String),
    /// Two facts share an id.
    #[error("duplicate fact id `{id}` (also in {}); give one of them another id", other.display())]
    DuplicateFactId {
        /// The id.
        id: String,
        /// The file of the first fact with it.
        other: PathBuf,
    },
    /// A fact with an empty answer.
    #[error("fact `{0}` has an empty answer; write the short direct answer")]
    EmptyAnswer(String),
    /// A fact with no quotes.
    #[error("fact `{0}` has no quotes; add the verbatim sentence(s) it rests on")]
    NoQuotes(String),
    /// A quote that does not stand in the article.
    #[error("fact `{fact}`: {problem}")]
    Quote {
        /// The fact.
        fact: String,
        /// What is wrong with the quote.
        problem: QuoteError,
    },
    /// The article's `summary_quote` does not stand in the article.
    #[error("summary_quote: {0}")]
    SummaryQuote(QuoteError),
    /// A cue name the format does not have.
    #[error(
        "fact `{fact}`: unknown cue {cue:?}; use number, time, place, person, reason or future"
    )]
    UnknownCue {
        /// The fact.
        fact: String,
        /// The cue as written.
        cue: String,
    },
    /// A `related` id no fact has.
    #[error("related fact {0:?} does not exist; fix the id or remove it")]
    UnknownRelated(String),
    /// A `facts.toml` with no `article.txt` beside it.
    #[error("its article is missing: put the article's text in {} (title on the first line), or remove the folder", article.display())]
    MissingArticle {
        /// Where the article should be.
        article: PathBuf,
    },
    /// An article with no title line.
    #[error("the article is empty; its first line must be the title")]
    EmptyArticle,
    /// Two articles with the same id.
    #[error("a second article with the id `{0}`; give each article its own folder name")]
    DuplicateArticle(String),
    /// A file or folder that cannot be read.
    #[error("cannot read {what}: {reason}")]
    Unreadable {
        /// What it is ("the lexicon", "the article").
        what: &'static str,
        /// The system's reason.
        reason: String,
    },
    /// The knowledge folder does not exist.
    #[error("no such knowledge directory; run from the repository root or pass --knowledge DIR")]
    NoDirectory,
    /// The `articles/` folder cannot be listed.
    #[error(
        "cannot list the articles ({0}); create it with one folder per article holding article.txt"
    )]
    NoArticlesFolder(String),
    /// The knowledge holds no article.
    #[error("holds no article; add a folder with an article.txt")]
    NoArticles,
    /// Every article is older than the retention allows.
    #[error("every article is older than [knowledge] keep_days = {0}; raise keep_days, remove it, or add newer articles")]
    AllRetired(u32),
}

/// Why a quote does not locate a sentence of its article.
#[derive(Debug, Clone, PartialEq, Eq, thiserror::Error)]
pub enum QuoteError {
    /// The quote is empty.
    #[error("an empty quote; copy a fragment of the article")]
    Empty,
    /// The quote runs over a sentence end.
    #[error(
        "quote {0:?} spans two sentences of the article; split it into one quote per sentence"
    )]
    SpansSentences(String),
    /// The quote differs from the article only in case or punctuation.
    #[error("quote {0:?} differs from the article in case or punctuation (curly quotes?); copy it exactly from article.txt")]
    CaseOrPunctuation(String),
    /// The quote is not in the article.
    #[error(
        "quote {0:?} does not stand verbatim in article.txt; copy it exactly from the article"
    )]
    NotInArticle(String),
}

impl KnowledgeError {
    /// An error at `line` of `path`.
    pub fn at(path: impl Into<PathBuf>, line: usize, kind: ErrorKind) -> KnowledgeError {
        KnowledgeError {
            path: path.into(),
            line: Some(line),
            kind,
        }
    }

    /// An error about a whole file or folder.
    pub fn file(path: impl Into<PathBuf>, kind: ErrorKind) -> KnowledgeError {
        KnowledgeError {
            path: path.into(),
            line: None,
            kind,
        }
    }

    /// The same error with its path (and any path it names) taken as relative to `dir`.
    pub fn under(mut self, dir: &Path) -> KnowledgeError {
        self.path = dir.join(&self.path);
        match &mut self.kind {
            ErrorKind::DuplicateFactId { other, .. } => *other = dir.join(&*other),
            ErrorKind::MissingArticle { article } => *article = dir.join(&*article),
            _ => {}
        }
        self
    }
}

/// A TOML parse error at its line of `source` in `path`.
pub(crate) fn toml_error(path: &Path, source: &str, e: toml::de::Error) -> KnowledgeError {
    let message = crate::text::one_line_message(e.message());
    KnowledgeError::at(
        path,
        crate::text::line_of(source, e.span().map_or(0, |s| s.start)),
        ErrorKind::Toml {
            unknown_field: message.starts_with("unknown field"),
            message,
        },
    )
}
