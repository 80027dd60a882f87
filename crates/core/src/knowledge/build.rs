//! [`Builder`]: a knowledge base from text in memory, checked as the loader
//! checks files, so that tests, fuzzing and the loader build it one way.

use std::collections::HashMap;
use std::path::{Path, PathBuf};

use super::curated::{self, FactsFile, Related};
use super::error::{toml_error, ErrorKind, KnowledgeError};
use super::{Article, ArticleIx, CommonWords, Fact, FactIx, KnowledgeBase, Lexicon};

/// The name of an article's curated layer, beside its `article.txt`.
pub const FACTS_FILE: &str = "facts.toml";

/// Builds a [`KnowledgeBase`] from text: the lexicon, the common words, and
/// articles with their optional curated layer.
///
/// Errors name the file as it would stand in a knowledge folder
/// (`lexicon.toml`, `articles/<id>/facts.toml`), with its line.
///
/// ```
/// use factdesk_core::knowledge::Builder;
/// let kb = Builder::new()
///     .article("storm", "Storm hits coast\nThe storm made landfall on Monday.")
///     .unwrap()
///     .build()
///     .unwrap();
/// assert_eq!(kb.facts.len(), 2); // the headline and the one body sentence
/// ```
#[derive(Debug)]
pub struct Builder {
    lexicon: Lexicon,
    /// Articles' own lexicons, by article id.
    article_lexicons: Vec<(String, Lexicon)>,
    common_words: CommonWords,
    articles: Vec<(Article, Option<String>)>,
}

/// Where an article's curated layer stands, relative to the knowledge folder.
pub fn facts_path(article: &str) -> PathBuf {
    Path::new("articles").join(article).join(FACTS_FILE)
}

impl Default for Builder {
    fn default() -> Self {
        Builder::new()
    }
}

impl Builder {
    /// An empty knowledge base with the built-in lexicon ([`Lexicon::general`]):
    /// no common words, no article.
    pub fn new() -> Builder {
        Builder {
            lexicon: Lexicon::general(),
            article_lexicons: Vec::new(),
            common_words: CommonWords::default(),
            articles: Vec::new(),
        }
    }

    /// Adds the knowledge folder's lexicon (`lexicon.toml`) to the built-in one.
    pub fn lexicon(mut self, source: &str) -> Result<Builder, KnowledgeError> {
        let local = Lexicon::parse(source)
            .map_err(|e| toml_error(Path::new(super::lexicon::LEXICON_FILE), source, e))?;
        self.lexicon.extend(local);
        Ok(self)
    }

    /// Adds an article's own aliases (`articles/<id>/lexicon.toml`): names
    /// and phrases of its story ("the North" for North Korea). They read
    /// that article alone: a question is read with them only as put to it,
    /// so one story's aliases never choose another story's sentence.
    pub fn article_lexicon(
        mut self,
        article: &str,
        source: &str,
    ) -> Result<Builder, KnowledgeError> {
        let path = Path::new("articles")
            .join(article)
            .join(super::lexicon::LEXICON_FILE);
        let own = Lexicon::parse(source).map_err(|e| toml_error(&path, source, e))?;
        match self
            .article_lexicons
            .iter_mut()
            .find(|(id, _)| id == article)
        {
            Some((_, lexicon)) => lexicon.extend(own),
            None => self.article_lexicons.push((article.to_string(), own)),
        }
        Ok(self)
    }

    /// Sets the common words (`common-words.txt`: one word a line).
    pub fn common_words(mut self, text: String) -> Builder {
        self.common_words = CommonWords::parse(text);
        self
    }

    /// Adds an article from its text (title on the first line), uncurated.
    pub fn article(self, id: &str, text: &str) -> Result<Builder, KnowledgeError> {
        let article = Article::parse(id, text).ok_or_else(|| {
            KnowledgeError::at(
                Path::new("articles").join(id).join("article.txt"),
                1,
                ErrorKind::EmptyArticle,
            )
        })?;
        Ok(self.parsed_article(article, None))
    }

    /// Adds an article from its text with its curated layer (`facts.toml`).
    pub fn curated_article(
        self,
        id: &str,
        text: &str,
        facts: &str,
    ) -> Result<Builder, KnowledgeError> {
        let mut b = self.article(id, text)?;
        if let Some(last) = b.articles.last_mut() {
            last.1 = Some(facts.to_string());
        }
        Ok(b)
    }

    /// Adds an article already parsed (the loader parses them on several cores),
    /// with the text of its curated layer if it has one.
    pub fn parsed_article(mut self, article: Article, facts: Option<String>) -> Builder {
        self.articles.push((article, facts));
        self
    }

    /// Checks everything and builds: curated facts first, in article order, then
    /// one fact for every sentence no curated fact quotes.
    pub fn build(self) -> Result<KnowledgeBase, KnowledgeError> {
        let mut kb = KnowledgeBase {
            articles: Vec::with_capacity(self.articles.len()),
            facts: Vec::new(),
            lexicon: self.lexicon,
            article_lexicons: Vec::new(),
            common_words: self.common_words,
        };
        let mut pending: Vec<(FactIx, Related, PathBuf, String)> = Vec::new();
        let mut id_sites: HashMap<String, PathBuf> = HashMap::new();
        for (mut article, facts) in self.articles {
            if kb.articles.iter().any(|a| a.id == article.id) {
                return Err(KnowledgeError::file(
                    Path::new("articles").join(&article.id),
                    ErrorKind::DuplicateArticle(article.id.clone()),
                ));
            }
            let index = ArticleIx(kb.articles.len() as u32);
            if let Some(src) = facts {
                let path = facts_path(&article.id);
                let file: FactsFile =
                    toml::from_str(&src).map_err(|e| toml_error(&path, &src, e))?;
                curated::apply_meta(&file, &mut article, &path, &src)?;
                for (fact, related) in curated::resolve(file, &article, index, &path, &src)? {
                    if let Some(first) = id_sites.get(&fact.id) {
                        let line = src
                            .find(&format!("\"{}\"", fact.id))
                            .map_or(1, |o| crate::text::line_of(&src, o));
                        return Err(KnowledgeError::at(
                            &path,
                            line,
                            ErrorKind::DuplicateFactId {
                                id: fact.id.clone(),
                                other: first.clone(),
                            },
                        ));
                    }
                    id_sites.insert(fact.id.clone(), path.clone());
                    pending.push((
                        FactIx(kb.facts.len() as u32),
                        related,
                        path.clone(),
                        src.clone(),
                    ));
                    kb.facts.push(fact);
                }
            }
            kb.articles.push(article);
        }
        resolve_related(&mut kb, pending)?;
        // An article's lexicon whose article was never added reads nothing.
        for (id, lexicon) in self.article_lexicons {
            if let Some(a) = kb.articles.iter().position(|a| a.id == id) {
                kb.article_lexicons.push((ArticleIx(a as u32), lexicon));
            }
        }
        add_sentence_facts(&mut kb);
        Ok(kb)
    }
}

fn resolve_related(
    kb: &mut KnowledgeBase,
    pending: Vec<(FactIx, Related, PathBuf, String)>,
) -> Result<(), KnowledgeError> {
    let index: HashMap<&str, FactIx> = kb
        .facts
        .iter()
        .enumerate()
        .map(|(i, f)| (f.id.as_str(), FactIx(i as u32)))
        .collect();
    let mut resolved = Vec::new();
    for (fact, related, path, src) in pending {
        for r in related {
            let &target = index.get(r.get_ref().as_str()).ok_or_else(|| {
                KnowledgeError::at(
                    &path,
                    crate::text::line_of(&src, r.span().start),
                    ErrorKind::UnknownRelated(r.get_ref().clone()),
                )
            })?;
            resolved.push((fact, target));
        }
    }
    for (fact, target) in resolved {
        kb.facts[fact.get()].related.push(target);
    }
    Ok(())
}

/// Adds a one-sentence fact for every sentence no curated fact quotes.
fn add_sentence_facts(kb: &mut KnowledgeBase) {
    let covered: std::collections::HashSet<(ArticleIx, usize)> = kb
        .facts
        .iter()
        .flat_map(|f| f.evidence.iter().map(|&s| (f.article, s)))
        .collect();
    for (a, article) in kb.articles.iter().enumerate() {
        let a = ArticleIx(a as u32);
        for s in 0..article.sentences.len() {
            if !covered.contains(&(a, s)) {
                kb.facts.push(Fact::of_sentence(article, a, s));
            }
        }
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    const ARTICLE: &str = "A title\n\nThe first sentence is here. The second one too.\n";

    fn error(b: Result<Builder, KnowledgeError>) -> String {
        let err = b.and_then(Builder::build).unwrap_err().to_string();
        assert!(!err.contains('\n'), "the error is one line: {err:?}");
        err
    }

    #[test]
    fn a_multi_line_toml_message_is_one_line() {
        let err = error(Builder::new().lexicon("groups = []\n\n[slang\nu = \"you\"\n"));
        assert!(err.starts_with("lexicon.toml:3: "), "{err}");
        assert!(err.contains("fix the TOML at that line"), "{err}");
    }

    #[test]
    fn a_related_id_is_shown_escaped() {
        let facts = "[[fact]]\nid = \"a\"\ntopic = \"T\"\nanswer = \"A\"\nquotes = [\"The first sentence is here.\"]\nrelated = [\"x\\ny\"]\n";
        let err = error(Builder::new().curated_article("a", ARTICLE, facts));
        assert!(err.starts_with("articles/a/facts.toml:6: "), "{err}");
        assert!(
            err.contains(r#"related fact "x\ny" does not exist"#),
            "{err}"
        );
    }

    #[test]
    fn a_duplicate_fact_id_names_both_files() {
        let facts = "[[fact]]\nid = \"a\"\ntopic = \"T\"\nanswer = \"A\"\nquotes = [\"The first sentence is here.\"]\n";
        let b = Builder::new()
            .curated_article("one", ARTICLE, facts)
            .and_then(|b| b.curated_article("two", ARTICLE, facts));
        let err = error(b);
        assert!(err.starts_with("articles/two/facts.toml:2: "), "{err}");
        assert!(
            err.contains("duplicate fact id `a` (also in articles/one/facts.toml)"),
            "{err}"
        );
    }

    #[test]
    fn sentences_no_fact_quotes_answer_for_themselves() {
        let facts = "[[fact]]\nid = \"first\"\ntopic = \"T\"\nanswer = \"A\"\nquotes = [\"The first sentence\"]\n";
        let kb = Builder::new()
            .curated_article("a", ARTICLE, facts)
            .unwrap()
            .build()
            .unwrap();
        let ids: Vec<&str> = kb.facts.iter().map(|f| f.id.as_str()).collect();
        // The curated fact, then the headline and the second sentence.
        assert_eq!(ids, vec!["first", "a#0", "a#2"]);
        assert!(kb.facts[0].curated && !kb.facts[1].curated);
    }

    #[test]
    fn an_empty_article_is_refused() {
        let err = error(Builder::new().article("x", "\n \n"));
        assert!(err.starts_with("articles/x/article.txt:1: "), "{err}");
        assert!(err.contains("first line must be the title"), "{err}");
    }
}
