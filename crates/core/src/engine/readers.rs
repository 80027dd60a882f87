//! Which lexicon reads which article, and a question as put to each.
//!
//! The shared lexicon (the built-in one and the knowledge folder's) reads
//! every article and every question. An article's own lexicon
//! (`articles/<id>/lexicon.toml`: "the North" for North Korea, "last year"
//! for 2016) reads that article alone, and a question only as put to that
//! article: one story's aliases never choose another story's sentence.

use super::analyze::{Analysis, Analyzer, Vocabulary};
use crate::knowledge::{ArticleIx, KnowledgeBase, Lexicon};
use crate::text;

/// An article with a lexicon of its own.
#[derive(Debug, Clone)]
struct Own {
    article: ArticleIx,
    lexicon: Lexicon,
    /// The shared analyzer with the article's lexicon added.
    analyzer: Analyzer,
}

/// The analyzers of a knowledge base: the shared one, and one per article
/// with a lexicon of its own.
#[derive(Debug, Clone, Default)]
pub struct Readers {
    shared: Analyzer,
    own: Vec<Own>,
    /// Some article has no lexicon of its own: the shared analyzer reads it.
    shared_reads: bool,
}

/// Which articles a reading of a question is for.
#[derive(Debug, Clone, PartialEq, Eq)]
pub enum Articles {
    /// Every article.
    All,
    /// Every article but these (read with their own lexicons).
    Except(Vec<u32>),
    /// This article alone.
    Only(u32),
}

impl Articles {
    /// Whether article `a` is one of them.
    pub fn holds(&self, a: u32) -> bool {
        match self {
            Articles::All => true,
            Articles::Except(other) => !other.contains(&a),
            Articles::Only(one) => *one == a,
        }
    }
}

/// A question read with one lexicon, for the articles that lexicon reads.
#[derive(Debug, Clone)]
pub struct Reading {
    /// The question, read.
    pub analysis: Analysis,
    /// The articles this reading is for.
    pub articles: Articles,
}

impl Readers {
    /// The analyzers of `kb`'s articles, `shared` reading those without a
    /// lexicon of their own.
    pub fn new(shared: Analyzer, kb: &KnowledgeBase) -> Readers {
        let own: Vec<Own> = kb
            .article_lexicons
            .iter()
            .map(|(article, lexicon)| Own {
                article: *article,
                lexicon: lexicon.clone(),
                analyzer: shared.with_own(lexicon),
            })
            .collect();
        let shared_reads =
            (0..kb.articles.len()).any(|a| !own.iter().any(|o| o.article.get() == a));
        Readers {
            shared,
            own,
            shared_reads,
        }
    }

    /// The analyzer that reads article `a`.
    pub fn of(&self, a: ArticleIx) -> &Analyzer {
        self.own
            .iter()
            .find(|o| o.article == a)
            .map_or(&self.shared, |o| &o.analyzer)
    }

    /// The analyzer of a question as put to no article in particular: the
    /// shared one, or the only article's own when it alone is served.
    pub fn main(&self) -> &Analyzer {
        match self.own.as_slice() {
            [only] if !self.shared_reads => &only.analyzer,
            _ => &self.shared,
        }
    }

    /// The vocabulary of typo correction: every lexicon's words count.
    pub fn vocabulary(&self, counts: super::index::WordCounts) -> Vocabulary {
        let own: Vec<&Lexicon> = self.own.iter().map(|o| &o.lexicon).collect();
        self.shared.vocabulary(counts, &own)
    }

    /// Installs the vocabulary in every analyzer.
    pub fn set_vocabulary(&mut self, vocabulary: Vocabulary) {
        self.shared.set_vocabulary(vocabulary);
        for o in &mut self.own {
            o.analyzer = self.shared.with_own(&o.lexicon);
        }
    }

    /// `question` (cleaned) read for every article it may be put to: with
    /// the shared lexicon, and with the own lexicon of each article whose
    /// lexicon holds one of its words. `within`: the one article it is put to.
    pub fn read(&self, question: &str, within: Option<ArticleIx>) -> Vec<Reading> {
        let one = |analyzer: &Analyzer| {
            vec![Reading {
                analysis: analyzer.question(question),
                articles: Articles::All,
            }]
        };
        if let Some(a) = within {
            return one(self.of(a));
        }
        if self.own.is_empty() || (self.own.len() == 1 && !self.shared_reads) {
            return one(self.main());
        }
        let shared = self.shared.question(question);
        let typed = text::words(question);
        // The articles whose own lexicon reads the question otherwise: its
        // words are read again only when the article's own slang rewrites
        // one (typo correction is the same for every analyzer), and a
        // reading that gives the same terms ("two" read as "two") is the
        // shared one.
        let (touched, own): (Vec<&Own>, Vec<Reading>) = self
            .own
            .iter()
            .filter_map(|o| {
                let rewrites = typed.iter().any(|w| o.lexicon.slang.contains_key(w));
                let analysis = if rewrites {
                    o.analyzer.question(question)
                } else if Analyzer::touches(&o.lexicon, &shared.words) {
                    o.analyzer.question_as(question, &shared)
                } else {
                    return None;
                };
                let same = analysis.words == shared.words
                    && analysis.terms == shared.terms
                    && analysis.cues == shared.cues;
                (!same).then(|| {
                    let articles = Articles::Only(o.article.0);
                    (o, Reading { analysis, articles })
                })
            })
            .unzip();
        if touched.is_empty() {
            return vec![Reading {
                analysis: shared,
                articles: Articles::All,
            }];
        }
        let mut readings = Vec::with_capacity(own.len() + 1);
        if self.shared_reads || touched.len() < self.own.len() {
            readings.push(Reading {
                analysis: shared,
                articles: Articles::Except(touched.iter().map(|o| o.article.0).collect()),
            });
        }
        readings.extend(own);
        readings
    }
}

#[cfg(test)]
mod tests {
    use crate::knowledge::Builder;
    use crate::Engine;

    /// A story whose own lexicon says "review" for "investigate", and one
    /// without a lexicon that writes "investigate" too.
    fn two_stories() -> Engine {
        let kb = Builder::new()
            .article_lexicon("fire", "groups = [[\"investigate\", \"review\"]]\n")
            .unwrap()
            .article(
                "fire",
                "Fire at the mill\nPolice investigate the blaze at the mill.",
            )
            .unwrap()
            .article(
                "council",
                "Council meets\nThe council will investigate the budget on Monday.",
            )
            .unwrap()
            .build()
            .unwrap();
        Engine::new(kb)
    }

    fn articles_ranked(e: &Engine, question: &str) -> Vec<String> {
        e.rank(question, 10)
            .into_iter()
            .map(|(fact, _)| e.knowledge().article(fact.article).id.clone())
            .collect()
    }

    #[test]
    fn an_articles_own_alias_reads_questions_put_to_it_alone() {
        let e = two_stories();
        // The alias finds its own story's sentence...
        let ranked = articles_ranked(&e, "who will review it?");
        assert!(ranked.contains(&"fire".to_string()), "{ranked:?}");
        // ...and never the other story's, which writes the word it stands for.
        assert!(!ranked.contains(&"council".to_string()), "{ranked:?}");
        // The word itself still reads both.
        let ranked = articles_ranked(&e, "who will investigate it?");
        assert!(ranked.contains(&"fire".to_string()), "{ranked:?}");
        assert!(ranked.contains(&"council".to_string()), "{ranked:?}");
    }

    #[test]
    fn an_answer_from_the_story_with_the_alias_is_read_with_it() {
        let e = two_stories();
        let answer = e.answer("who reviews the blaze at the mill?");
        assert_eq!(answer.status, crate::Status::Answered, "{answer:?}");
        assert_eq!(answer.sources[0].article, "fire", "{answer:?}");
    }
}
