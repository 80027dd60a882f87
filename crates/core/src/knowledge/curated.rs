//! The curated layer (`facts.toml` beside each article): facts with a short
//! answer, the verbatim quotes they rest on, example questions and keywords.

use std::path::Path;

use serde::Deserialize;
use toml::Spanned;

use super::error::{ErrorKind, KnowledgeError, QuoteError};
use super::{Article, ArticleIx, Cue, Fact};
use crate::text;

#[derive(Debug, Deserialize)]
#[serde(deny_unknown_fields)]
pub(crate) struct FactsFile {
    #[serde(default)]
    pub article: RawArticleMeta,
    #[serde(default)]
    pub fact: Vec<RawFact>,
}

/// `[article]`: metadata the text itself does not carry.
#[derive(Debug, Default, Deserialize)]
#[serde(deny_unknown_fields)]
pub(crate) struct RawArticleMeta {
    pub summary: Option<String>,
    pub summary_quote: Option<Spanned<String>>,
    pub outlet: Option<String>,
    pub published: Option<String>,
}

#[derive(Debug, Deserialize)]
#[serde(deny_unknown_fields)]
pub(crate) struct RawFact {
    pub id: Spanned<String>,
    pub topic: String,
    pub answer: Spanned<String>,
    pub quotes: Spanned<Vec<Spanned<String>>>,
    #[serde(default)]
    pub cues: Vec<Spanned<String>>,
    #[serde(default)]
    pub questions: Vec<String>,
    #[serde(default)]
    pub keywords: Vec<String>,
    pub attribution: Option<String>,
    #[serde(default)]
    pub related: Vec<Spanned<String>>,
}

/// A fact's `related` ids with their places in the file.
pub(crate) type Related = Vec<Spanned<String>>;

/// Resolves facts.toml against its article. `related` ids are returned with their
/// spans for the caller to resolve once every article is loaded.
pub(crate) fn resolve(
    file: FactsFile,
    article: &Article,
    article_index: ArticleIx,
    path: &Path,
    source: &str,
) -> Result<Vec<(Fact, Related)>, KnowledgeError> {
    let err = |span: std::ops::Range<usize>, kind: ErrorKind| {
        KnowledgeError::at(path, text::line_of(source, span.start), kind)
    };
    let mut facts = Vec::with_capacity(file.fact.len());
    for raw in file.fact {
        let id = raw.id.get_ref().trim().to_string();
        if id.is_empty()
            || !id
                .chars()
                .all(|c| c.is_ascii_alphanumeric() || c == '-' || c == '_')
        {
            return Err(err(raw.id.span(), ErrorKind::BadFactId(id)));
        }
        if raw.answer.get_ref().trim().is_empty() {
            return Err(err(raw.answer.span(), ErrorKind::EmptyAnswer(id)));
        }
        if raw.quotes.get_ref().is_empty() {
            return Err(err(raw.quotes.span(), ErrorKind::NoQuotes(id)));
        }
        let mut evidence = Vec::new();
        for quote in raw.quotes.get_ref() {
            let sentence = find_quote(article, quote.get_ref()).map_err(|problem| {
                err(
                    quote.span(),
                    ErrorKind::Quote {
                        fact: id.clone(),
                        problem,
                    },
                )
            })?;
            if !evidence.contains(&sentence) {
                evidence.push(sentence);
            }
        }
        let mut cues = Vec::new();
        for cue in &raw.cues {
            let c = Cue::parse(cue.get_ref()).ok_or_else(|| {
                err(
                    cue.span(),
                    ErrorKind::UnknownCue {
                        fact: id.clone(),
                        cue: cue.get_ref().clone(),
                    },
                )
            })?;
            cues.push(c);
        }
        let fact = Fact {
            id,
            topic: raw.topic.trim().to_string(),
            answer: raw.answer.into_inner().trim().to_string(),
            article: article_index,
            evidence,
            cues,
            questions: raw.questions,
            keywords: raw.keywords,
            attribution: raw.attribution,
            related: Vec::new(),
            curated: true,
        };
        facts.push((fact, raw.related));
    }
    Ok(facts)
}

/// Applies `[article]` (summary, summary quote, outlet, date) to the article.
pub(crate) fn apply_meta(
    file: &FactsFile,
    article: &mut Article,
    path: &Path,
    source: &str,
) -> Result<(), KnowledgeError> {
    let raw = &file.article;
    if let Some(q) = &raw.summary_quote {
        article.meta.summary_sentence = find_quote(article, q.get_ref()).map_err(|problem| {
            KnowledgeError::at(
                path,
                text::line_of(source, q.span().start),
                ErrorKind::SummaryQuote(problem),
            )
        })?;
    }
    article.meta.summary = raw.summary.clone();
    // The curated layer overrides what the page's metadata said, field by field.
    if raw.outlet.is_some() {
        article.meta.outlet = raw.outlet.clone();
    }
    if raw.published.is_some() {
        article.meta.published = raw.published.clone();
    }
    Ok(())
}

/// The index of the sentence holding `quote` (whitespace-normalized), or what to fix.
pub(crate) fn find_quote(article: &Article, quote: &str) -> Result<usize, QuoteError> {
    let q = text::squash_whitespace(quote);
    if q.is_empty() {
        return Err(QuoteError::Empty);
    }
    if let Some(i) = article.squashed.iter().position(|s| s.contains(&q)) {
        return Ok(i);
    }
    if text::squash_whitespace(&article.raw).contains(&q) {
        return Err(QuoteError::SpansSentences(q));
    }
    let folded = text::fold(&q);
    if article
        .sentences
        .iter()
        .any(|s| text::fold(&text::squash_whitespace(&s.text)).contains(&folded))
    {
        return Err(QuoteError::CaseOrPunctuation(q));
    }
    Err(QuoteError::NotInArticle(q))
}
