//! The knowledge base: articles under `knowledge/articles/<id>/` and a shared lexicon.
//!
//! ```text
//! knowledge/
//!   lexicon.toml                 synonyms and chat slang, shared by every article
//!   common-words.txt             common English words, never taken for typos (optional)
//!   articles/<id>/article.txt    the article, verbatim; its first line is the title
//!   articles/<id>/facts.toml     the curated facts (optional)
//! ```
//! Every sentence is answerable even with no `facts.toml`: sentences no curated
//! fact quotes become facts of their own.

pub mod article;
pub mod common;
pub mod coverage;
mod curated;
pub mod lexicon;

use std::collections::HashMap;
use std::path::{Path, PathBuf};

pub use article::{Article, Place, Sentence};
pub use common::CommonWords;
pub use lexicon::Lexicon;

/// A knowledge base that cannot be loaded.
#[derive(Debug, thiserror::Error)]
pub enum KnowledgeError {
    /// A problem at a place in a file, with the fix.
    #[error("{path}:{line}: {message}")]
    File {
        /// The file.
        path: PathBuf,
        /// 1-based line.
        line: usize,
        /// What is wrong and how to fix it.
        message: String,
    },
    /// A file or folder that is missing or unreadable.
    #[error("{path}: {message}")]
    Missing {
        /// The file or folder.
        path: PathBuf,
        /// What is wrong and how to fix it.
        message: String,
    },
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
    /// Index into [`KnowledgeBase::articles`].
    pub article: usize,
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
    /// Indices of related facts.
    pub related: Vec<usize>,
    /// False for the automatic one-sentence facts.
    pub curated: bool,
}

impl Fact {
    /// The uncurated fact of sentence `s` of `article` (index `a`): the sentence answers for itself.
    pub fn of_sentence(article: &Article, a: usize, s: usize) -> Fact {
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

/// Per-article metadata from facts.toml.
#[derive(Debug, Clone, Default)]
pub struct ArticleNotes {
    /// A one-line summary.
    pub summary: Option<String>,
    /// The sentence the summary rests on (defaults to the lead sentence).
    pub summary_sentence: usize,
    /// The outlet, when the curator knows it (the text may not name one).
    pub outlet: Option<String>,
    /// The publication date, when the curator knows it.
    pub published: Option<String>,
}

/// The loaded knowledge.
#[derive(Debug, Clone)]
pub struct KnowledgeBase {
    /// The folder it was loaded from.
    pub dir: PathBuf,
    /// The articles, sorted by id.
    pub articles: Vec<Article>,
    /// Metadata per article, same order.
    pub notes: Vec<ArticleNotes>,
    /// Curated facts first, then one fact per sentence no curated fact quotes.
    pub facts: Vec<Fact>,
    /// Synonyms and slang.
    pub lexicon: Lexicon,
    /// Common English words (sorted), never taken for typos (`common-words.txt`);
    /// the engine takes them over when it is built.
    pub common_words: CommonWords,
}

fn read(path: &Path, what: &str) -> Result<String, KnowledgeError> {
    std::fs::read_to_string(path).map_err(|e| KnowledgeError::Missing {
        path: path.to_path_buf(),
        message: format!("cannot read {what}: {e}"),
    })
}

fn toml_error(path: &Path, source: &str, e: toml::de::Error) -> KnowledgeError {
    let message = crate::text::one_line_message(e.message());
    let hint = if message.starts_with("unknown field") {
        "; remove or rename it (see README: Adding an article)"
    } else {
        "; fix the TOML at that line"
    };
    KnowledgeError::File {
        path: path.to_path_buf(),
        line: crate::text::line_of(source, e.span().map_or(0, |s| s.start)),
        message: format!("{message}{hint}"),
    }
}

/// Reads and parses the articles `ids` under `dir`, in order; half of them on a second core.
fn read_articles(dir: &Path, ids: &[String]) -> Vec<Result<Article, KnowledgeError>> {
    let one = |id: &String| {
        let path = dir.join(id).join("article.txt");
        let facts_path = dir.join(id).join("facts.toml");
        if !path.exists() && facts_path.exists() {
            return Err(KnowledgeError::File {
                path: facts_path,
                line: 1,
                message: format!(
                    "its article is missing: put the article's text in {} (title on the first line), or remove the folder",
                    path.display()
                ),
            });
        }
        let raw = read(
            &path,
            "the article (every article folder needs an article.txt)",
        )?;
        Article::parse(id, &raw).ok_or_else(|| KnowledgeError::File {
            path,
            line: 1,
            message: "the article is empty; its first line must be the title".into(),
        })
    };
    if ids.len() < 2 {
        return ids.iter().map(one).collect();
    }
    let (first, second) = ids.split_at(ids.len() / 2);
    std::thread::scope(|scope| {
        let later = scope.spawn(|| second.iter().map(one).collect::<Vec<_>>());
        let mut out: Vec<_> = first.iter().map(one).collect();
        out.extend(
            later
                .join()
                .unwrap_or_else(|e| std::panic::resume_unwind(e)),
        );
        out
    })
}

fn load_common_words(dir: &Path) -> Result<CommonWords, KnowledgeError> {
    let path = dir.join("common-words.txt");
    if !path.exists() {
        return Ok(CommonWords::default());
    }
    Ok(CommonWords::parse(read(&path, "the common words")?))
}

impl KnowledgeBase {
    /// Loads a knowledge directory.
    pub fn load(dir: &Path) -> Result<KnowledgeBase, KnowledgeError> {
        if !dir.is_dir() {
            return Err(KnowledgeError::Missing {
                path: dir.to_path_buf(),
                message: "no such knowledge directory; run from the repository root or pass --knowledge DIR".into(),
            });
        }
        // The common-word list is independent of the rest: read it on a second core.
        std::thread::scope(|scope| {
            let common = scope.spawn(|| load_common_words(dir));
            let kb = Self::load_articles(dir);
            let common = common
                .join()
                .unwrap_or_else(|e| std::panic::resume_unwind(e));
            let (mut kb, common) = (kb?, common?);
            kb.common_words = common;
            Ok(kb)
        })
    }

    /// Everything but the common words: lexicon, articles, facts.
    fn load_articles(dir: &Path) -> Result<KnowledgeBase, KnowledgeError> {
        let articles_dir = dir.join("articles");
        let lexicon_path = dir.join("lexicon.toml");
        let lexicon = if lexicon_path.exists() {
            let src = read(&lexicon_path, "the lexicon")?;
            let file = toml::from_str(&src).map_err(|e| toml_error(&lexicon_path, &src, e))?;
            Lexicon::from_file(file)
        } else {
            Lexicon::default()
        };
        let entries = std::fs::read_dir(&articles_dir).map_err(|e| KnowledgeError::Missing {
            path: articles_dir.clone(),
            message: format!("cannot list the articles ({e}); create it with one folder per article holding article.txt"),
        })?;
        let mut ids: Vec<String> = entries
            .filter_map(Result::ok)
            .filter(|e| e.path().is_dir())
            .map(|e| e.file_name().to_string_lossy().into_owned())
            .collect();
        ids.sort();
        if ids.is_empty() {
            return Err(KnowledgeError::Missing {
                path: articles_dir,
                message: "holds no article; add a folder with an article.txt".into(),
            });
        }
        let mut kb = KnowledgeBase {
            dir: dir.to_path_buf(),
            articles: Vec::new(),
            notes: Vec::new(),
            facts: Vec::new(),
            lexicon,
            common_words: CommonWords::default(),
        };
        let mut pending_related = Vec::new();
        let mut id_sites: HashMap<String, PathBuf> = HashMap::new();
        let parsed = read_articles(&articles_dir, &ids);
        for (id, article) in ids.into_iter().zip(parsed) {
            let folder = articles_dir.join(&id);
            let article = article?;
            let facts_path = folder.join("facts.toml");
            let index = kb.articles.len();
            let mut notes = ArticleNotes {
                summary: None,
                outlet: None,
                published: None,
                summary_sentence: article
                    .sentences
                    .iter()
                    .position(|s| matches!(s.place, Place::Body(_)))
                    .unwrap_or(0),
            };
            if facts_path.exists() {
                let src = read(&facts_path, "the facts")?;
                let file: curated::FactsFile =
                    toml::from_str(&src).map_err(|e| toml_error(&facts_path, &src, e))?;
                notes.summary = file.article.summary.clone();
                notes.outlet = file.article.outlet.clone();
                notes.published = file.article.published.clone();
                if let Some(q) = &file.article.summary_quote {
                    notes.summary_sentence =
                        curated::find_quote(&article, q.get_ref()).map_err(|m| {
                            KnowledgeError::File {
                                path: facts_path.clone(),
                                line: crate::text::line_of(&src, q.span().start),
                                message: format!("summary_quote: {m}"),
                            }
                        })?;
                }
                for (fact, related) in curated::resolve(file, &article, index, &facts_path, &src)? {
                    if let Some(first) = id_sites.get(&fact.id) {
                        let line = src
                            .find(&format!("\"{}\"", fact.id))
                            .map_or(1, |o| crate::text::line_of(&src, o));
                        return Err(KnowledgeError::File {
                            path: facts_path.clone(),
                            line,
                            message: format!(
                                "duplicate fact id `{}` (also in {}); give one of them another id",
                                fact.id,
                                first.display()
                            ),
                        });
                    }
                    id_sites.insert(fact.id.clone(), facts_path.clone());
                    pending_related.push((
                        kb.facts.len(),
                        related,
                        facts_path.clone(),
                        src.clone(),
                    ));
                    kb.facts.push(fact);
                }
            }
            kb.articles.push(article);
            kb.notes.push(notes);
        }
        kb.resolve_related(pending_related)?;
        kb.add_sentence_facts();
        Ok(kb)
    }

    fn resolve_related(
        &mut self,
        pending: Vec<(usize, Vec<toml::Spanned<String>>, PathBuf, String)>,
    ) -> Result<(), KnowledgeError> {
        let index: HashMap<&str, usize> = self
            .facts
            .iter()
            .enumerate()
            .map(|(i, f)| (f.id.as_str(), i))
            .collect();
        let mut resolved = Vec::new();
        for (fact, related, path, src) in pending {
            for r in related {
                let &target =
                    index
                        .get(r.get_ref().as_str())
                        .ok_or_else(|| KnowledgeError::File {
                            path: path.clone(),
                            line: crate::text::line_of(&src, r.span().start),
                            message: format!(
                                "related fact {:?} does not exist; fix the id or remove it",
                                r.get_ref()
                            ),
                        })?;
                resolved.push((fact, target));
            }
        }
        for (fact, target) in resolved {
            self.facts[fact].related.push(target);
        }
        Ok(())
    }

    /// Adds a one-sentence fact for every sentence no curated fact quotes.
    fn add_sentence_facts(&mut self) {
        let covered: std::collections::HashSet<(usize, usize)> = self
            .facts
            .iter()
            .flat_map(|f| f.evidence.iter().map(|&s| (f.article, s)))
            .collect();
        for (a, article) in self.articles.iter().enumerate() {
            for s in 0..article.sentences.len() {
                if !covered.contains(&(a, s)) {
                    self.facts.push(Fact::of_sentence(article, a, s));
                }
            }
        }
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    const ARTICLE: &str = "A title\n\nThe first sentence is here. The second one too.\n";

    /// A knowledge directory holding `files` (relative path, content).
    fn knowledge(files: &[(&str, &str)]) -> tempfile::TempDir {
        let dir = tempfile::tempdir().unwrap();
        for (path, content) in files {
            let path = dir.path().join(path);
            std::fs::create_dir_all(path.parent().unwrap()).unwrap();
            std::fs::write(path, content).unwrap();
        }
        dir
    }

    fn load_error(files: &[(&str, &str)]) -> (tempfile::TempDir, String) {
        let dir = knowledge(files);
        let err = KnowledgeBase::load(dir.path()).unwrap_err().to_string();
        assert!(!err.contains('\n'), "the error is one line: {err:?}");
        (dir, err)
    }

    #[test]
    fn a_multi_line_toml_message_is_one_line() {
        let (dir, err) = load_error(&[
            ("articles/a/article.txt", ARTICLE),
            ("lexicon.toml", "groups = []\n\n[slang\nu = \"you\"\n"),
        ]);
        let want = format!("{}:3: ", dir.path().join("lexicon.toml").display());
        assert!(err.starts_with(&want), "{err}");
        assert!(err.contains("fix the TOML at that line"), "{err}");
    }

    #[test]
    fn a_related_id_is_shown_escaped() {
        let facts = "[[fact]]\nid = \"a\"\ntopic = \"T\"\nanswer = \"A\"\nquotes = [\"The first sentence is here.\"]\nrelated = [\"x\\ny\"]\n";
        let (_dir, err) = load_error(&[
            ("articles/a/article.txt", ARTICLE),
            ("articles/a/facts.toml", facts),
        ]);
        assert!(
            err.contains(r#"related fact "x\ny" does not exist"#),
            "{err}"
        );
    }

    #[test]
    fn facts_without_their_article_name_the_facts_and_the_fix() {
        let facts = "[[fact]]\nid = \"a\"\ntopic = \"T\"\nanswer = \"A\"\nquotes = [\"x\"]\n";
        let (dir, err) = load_error(&[
            ("articles/a/article.txt", ARTICLE),
            ("articles/b/facts.toml", facts),
        ]);
        let facts_path = dir.path().join("articles/b/facts.toml");
        assert!(
            err.starts_with(&format!("{}:1: ", facts_path.display())),
            "{err}"
        );
        assert!(err.contains("put the article's text in"), "{err}");
    }
}
