//! Coverage of the curated layer: which sentences no curated fact quotes.

use super::{KnowledgeBase, Place};

/// Coverage of one article.
#[derive(Debug, Clone)]
pub struct ArticleCoverage {
    /// The article id.
    pub article: String,
    /// Its sentences (headline, captions, body).
    pub sentences: usize,
    /// Sentences quoted by at least one curated fact.
    pub covered: usize,
    /// Curated facts of the article.
    pub facts: usize,
    /// The uncovered sentences, with their place.
    pub uncovered: Vec<(Place, String)>,
}

/// Coverage of every article.
pub fn coverage(kb: &KnowledgeBase) -> Vec<ArticleCoverage> {
    kb.articles
        .iter()
        .enumerate()
        .map(|(a, article)| {
            let curated: Vec<_> = kb
                .facts
                .iter()
                .filter(|f| f.curated && f.article.get() == a)
                .collect();
            let uncovered: Vec<(Place, String)> = article
                .sentences
                .iter()
                .enumerate()
                .filter(|(s, _)| !curated.iter().any(|f| f.evidence.contains(s)))
                .map(|(_, sentence)| (sentence.place, sentence.text.clone()))
                .collect();
            ArticleCoverage {
                article: article.id.clone(),
                sentences: article.sentences.len(),
                covered: article.sentences.len() - uncovered.len(),
                facts: curated.len(),
                uncovered,
            }
        })
        .collect()
}
