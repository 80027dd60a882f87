//! Reading a knowledge folder from disk into a [`KnowledgeBase`].

use std::path::Path;

use factdesk_core::knowledge::{
    Article, Builder, ErrorKind, KnowledgeBase, KnowledgeError, SourceFile, FACTS_FILE,
    LEXICON_FILE, SOURCE_FILE,
};
/// The common-words file name.
pub const COMMON_WORDS_FILE: &str = "common-words.txt";
/// The articles folder's name.
pub const ARTICLES_DIR: &str = "articles";
/// An article's text file name.
pub const ARTICLE_FILE: &str = "article.txt";

/// Which articles answer: with `keep_days`, an added article (one with a
/// `source.toml`) older than that many days, by its published date or else
/// the date it was added, is retired: kept on disk, skipped by the loader.
/// Articles with no `source.toml`, or with no date, are always kept.
#[derive(Debug, Clone, Copy, Default, PartialEq, Eq)]
pub struct Retention {
    /// Retire added articles older than this many days (`None`: keep all).
    pub keep_days: Option<u32>,
    /// Today, in days since 1970-01-01 (`None`: the system clock's).
    pub today: Option<i64>,
}

impl Retention {
    /// Keep every article.
    pub const ALL: Retention = Retention {
        keep_days: None,
        today: None,
    };

    /// Keep added articles of the last `keep_days` days (and every one when `None`).
    pub fn days(keep_days: Option<u32>) -> Retention {
        Retention {
            keep_days,
            today: None,
        }
    }

    /// The oldest day kept, when something may be retired.
    fn first_day(&self) -> Option<i64> {
        let keep = i64::from(self.keep_days?);
        let today = self.today.unwrap_or_else(today);
        Some(today - keep)
    }
}

/// Today in days since 1970-01-01 (UTC), from the system clock.
pub fn today() -> i64 {
    let secs = std::time::SystemTime::now()
        .duration_since(std::time::UNIX_EPOCH)
        .map_or(0, |d| d.as_secs());
    (secs / 86_400) as i64
}

/// Loads a knowledge folder (see the layout in [`factdesk_core::knowledge`]),
/// every article included.
///
/// Every error names the file under `dir`, the line when there is one, and the fix.
pub fn load(dir: &Path) -> Result<KnowledgeBase, KnowledgeError> {
    load_with(dir, Retention::ALL)
}

/// Loads a knowledge folder, skipping the articles `retention` retires.
pub fn load_with(dir: &Path, retention: Retention) -> Result<KnowledgeBase, KnowledgeError> {
    load_observed(dir, retention, &|_, _| {})
}

/// [`load_with`], calling `read(done, total)` as each article is read (for
/// a progress bar over a large knowledge base).
pub fn load_observed(
    dir: &Path,
    retention: Retention,
    read: &(dyn Fn(usize, usize) + Sync),
) -> Result<KnowledgeBase, KnowledgeError> {
    if !dir.is_dir() {
        return Err(KnowledgeError::file(dir, ErrorKind::NoDirectory));
    }
    // The common-word list is independent of the rest: read it on a second core.
    std::thread::scope(|scope| {
        let common = scope.spawn(|| read_optional(dir, COMMON_WORDS_FILE, "the common words"));
        let builder = articles(dir, retention, read);
        let common = common
            .join()
            .unwrap_or_else(|e| std::panic::resume_unwind(e));
        let mut builder = builder?;
        if let Some(text) = common? {
            builder = builder.common_words(text);
        }
        builder.build().map_err(|e| e.under(dir))
    })
}

/// The ids of the articles under `dir`, sorted. Folders whose name starts
/// with a dot (an article being written) are not articles.
pub fn article_ids(dir: &Path) -> Result<Vec<String>, KnowledgeError> {
    let articles_dir = dir.join(ARTICLES_DIR);
    let entries = std::fs::read_dir(&articles_dir).map_err(|e| {
        KnowledgeError::file(&articles_dir, ErrorKind::NoArticlesFolder(e.to_string()))
    })?;
    let mut ids: Vec<String> = entries
        .filter_map(Result::ok)
        .filter(|e| e.path().is_dir())
        .map(|e| e.file_name().to_string_lossy().into_owned())
        .filter(|name| !name.starts_with('.'))
        .collect();
    ids.sort();
    if ids.is_empty() {
        return Err(KnowledgeError::file(articles_dir, ErrorKind::NoArticles));
    }
    Ok(ids)
}

/// The lexicon and the articles, in a builder.
fn articles(
    dir: &Path,
    retention: Retention,
    read: &(dyn Fn(usize, usize) + Sync),
) -> Result<Builder, KnowledgeError> {
    let mut builder = Builder::new();
    if let Some(src) = read_optional(dir, LEXICON_FILE, "the lexicon")? {
        builder = builder.lexicon(&src).map_err(|e| e.under(dir))?;
    }
    let ids = article_ids(dir)?;
    let mut kept = 0;
    for article in read_articles(dir, &ids, retention.first_day(), read) {
        let Some((article, facts, lexicon)) = article? else {
            continue;
        };
        if let Some(src) = lexicon {
            builder = builder
                .article_lexicon(&article.id, &src)
                .map_err(|e| e.under(dir))?;
        }
        builder = builder.parsed_article(article, facts);
        kept += 1;
    }
    if kept == 0 {
        return Err(KnowledgeError::file(
            dir.join(ARTICLES_DIR),
            ErrorKind::AllRetired(retention.keep_days.unwrap_or(0)),
        ));
    }
    Ok(builder)
}

/// Reads an article's `source.toml`, if it has one.
pub fn read_source(folder: &Path) -> Result<Option<SourceFile>, KnowledgeError> {
    let path = folder.join(SOURCE_FILE);
    if !path.exists() {
        return Ok(None);
    }
    let text = read(&path, "the article's source")?;
    SourceFile::parse(&path, &text).map(Some)
}

/// `dir/name` if it exists.
fn read_optional(
    dir: &Path,
    name: &str,
    what: &'static str,
) -> Result<Option<String>, KnowledgeError> {
    let path = dir.join(name);
    if !path.exists() {
        return Ok(None);
    }
    read(&path, what).map(Some)
}

/// The text of `path`, or an error naming it and `what` it holds.
pub(crate) fn read(path: &Path, what: &'static str) -> Result<String, KnowledgeError> {
    std::fs::read_to_string(path).map_err(|e| {
        KnowledgeError::file(
            path,
            ErrorKind::Unreadable {
                what,
                reason: e.to_string(),
            },
        )
    })
}

/// An article read: parsed, with the text of its curated layer and of its
/// own lexicon when it has them; `None` when it is retired.
type ReadArticle = Result<Option<(Article, Option<String>, Option<String>)>, KnowledgeError>;

/// Reads and parses the articles `ids` under `dir`, in order, with their curated
/// layer's text, skipping added articles dated before `first_day`; half of
/// them on a second core.
fn read_articles(
    dir: &Path,
    ids: &[String],
    first_day: Option<i64>,
    read_one: &(dyn Fn(usize, usize) + Sync),
) -> Vec<ReadArticle> {
    let done = std::sync::atomic::AtomicUsize::new(0);
    let one = |id: &String| -> ReadArticle {
        let article = read_article(dir, id, first_day);
        let n = done.fetch_add(1, std::sync::atomic::Ordering::Relaxed) + 1;
        read_one(n, ids.len());
        article
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

/// Reads and parses one article folder; `None` when `first_day` retires it.
fn read_article(dir: &Path, id: &str, first_day: Option<i64>) -> ReadArticle {
    let folder = dir.join(ARTICLES_DIR).join(id);
    let source = read_source(&folder)?;
    let dated = source.as_ref().and_then(SourceFile::dated);
    if let (Some(first), Some(day)) = (first_day, dated) {
        if day < first {
            return Ok(None);
        }
    }
    let path = folder.join(ARTICLE_FILE);
    let facts_path = folder.join(FACTS_FILE);
    if !path.exists() && facts_path.exists() {
        return Err(KnowledgeError::at(
            facts_path,
            1,
            ErrorKind::MissingArticle { article: path },
        ));
    }
    let raw = read(
        &path,
        "the article (every article folder needs an article.txt)",
    )?;
    let mut article = Article::parse(id, &raw)
        .ok_or_else(|| KnowledgeError::at(&path, 1, ErrorKind::EmptyArticle))?;
    if let Some(source) = &source {
        source.apply(&mut article.meta);
    }
    let facts = if facts_path.exists() {
        Some(read(&facts_path, "the facts")?)
    } else {
        None
    };
    let lexicon_path = folder.join(LEXICON_FILE);
    let lexicon = if lexicon_path.exists() {
        Some(read(&lexicon_path, "the article's lexicon")?)
    } else {
        None
    };
    Ok(Some((article, facts, lexicon)))
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
        let err = load(dir.path()).unwrap_err().to_string();
        assert!(!err.contains('\n'), "the error is one line: {err:?}");
        (dir, err)
    }

    #[test]
    fn errors_name_the_file_under_the_folder() {
        let (dir, err) = load_error(&[
            ("articles/a/article.txt", ARTICLE),
            ("lexicon.toml", "groups = []\n\n[slang\nu = \"you\"\n"),
        ]);
        let want = format!("{}:3: ", dir.path().join("lexicon.toml").display());
        assert!(err.starts_with(&want), "{err}");
        let facts =
            "[[fact]]\nid = \"a\"\ntopic = \"T\"\nanswer = \"A\"\nquotes = [\"Not in it.\"]\n";
        let (dir, err) = load_error(&[
            ("articles/a/article.txt", ARTICLE),
            ("articles/a/facts.toml", facts),
        ]);
        let want = format!("{}:5: ", dir.path().join("articles/a/facts.toml").display());
        assert!(err.starts_with(&want), "{err}");
        assert!(err.contains("does not stand verbatim"), "{err}");
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

    #[test]
    fn a_missing_folder_or_empty_articles_say_what_to_do() {
        let err = load(Path::new("/no/such/knowledge"))
            .unwrap_err()
            .to_string();
        assert!(err.contains("pass --knowledge DIR"), "{err}");
        let dir = knowledge(&[("lexicon.toml", "")]);
        let err = load(dir.path()).unwrap_err().to_string();
        assert!(
            err.contains("create it with one folder per article"),
            "{err}"
        );
    }

    #[test]
    fn articles_load_sorted_by_id_with_their_facts() {
        let facts = "[[fact]]\nid = \"first\"\ntopic = \"T\"\nanswer = \"A\"\nquotes = [\"The first sentence\"]\n";
        let dir = knowledge(&[
            ("articles/b/article.txt", ARTICLE),
            ("articles/a/article.txt", ARTICLE),
            ("articles/a/facts.toml", facts),
        ]);
        let kb = load(dir.path()).unwrap();
        let ids: Vec<&str> = kb.articles.iter().map(|a| a.id.as_str()).collect();
        assert_eq!(ids, vec!["a", "b"]);
        assert_eq!(kb.facts[0].id, "first");
        assert_eq!(kb.facts.len(), 1 + 2 + 3);
    }

    #[test]
    fn retention_skips_old_added_articles_and_keeps_hand_made_ones() {
        let old = "published = \"2019-11-19\"\n";
        let fetched_only = "fetched = \"2020-01-10T08:00:00Z\"\n";
        let dir = knowledge(&[
            ("articles/hand/article.txt", ARTICLE),
            ("articles/old/article.txt", ARTICLE),
            ("articles/old/source.toml", old),
            ("articles/new/article.txt", ARTICLE),
            ("articles/new/source.toml", fetched_only),
            ("articles/.adding-x-1/article.txt", ARTICLE),
        ]);
        let ids = |r: Retention| -> Vec<String> {
            load_with(dir.path(), r)
                .unwrap()
                .articles
                .iter()
                .map(|a| a.id.clone())
                .collect()
        };
        assert_eq!(ids(Retention::ALL), ["hand", "new", "old"]);
        let jan_20_2020 = factdesk_core::knowledge::source::days_from_civil(2020, 1, 20);
        let keep = |days| Retention {
            keep_days: Some(days),
            today: Some(jan_20_2020),
        };
        assert_eq!(ids(keep(30)), ["hand", "new"]);
        assert_eq!(ids(keep(5)), ["hand"]);
        let kb = load(dir.path()).unwrap();
        assert_eq!(kb.articles[2].meta.published.as_deref(), Some("2019-11-19"));
    }

    #[test]
    fn a_bad_source_file_names_its_line() {
        let (dir, err) = load_error(&[
            ("articles/a/article.txt", ARTICLE),
            ("articles/a/source.toml", "url = \"x\"\nauthor = 1\n"),
        ]);
        let want = format!(
            "{}:2: ",
            dir.path().join("articles/a/source.toml").display()
        );
        assert!(err.starts_with(&want), "{err}");
    }
}
