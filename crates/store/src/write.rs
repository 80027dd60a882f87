//! Writing an added article into a knowledge folder: `articles/<id>/article.txt`
//! (title on the first line, one paragraph a line) and `source.toml` beside it,
//! atomically, and never the same article twice.
//!
//! An article is the same as one already there when its URL (canonical or the
//! one it was added from) or the SHA-256 of its normalised body text is. The
//! files are written in a folder whose name starts with a dot (which the
//! loader skips), then renamed into place: a crash leaves no half-written article.

use std::collections::{HashMap, HashSet};
use std::path::{Path, PathBuf};

use factdesk_core::knowledge::{Article, KnowledgeError, SourceFile, SOURCE_FILE};
use factdesk_core::text;
use sha2::{Digest, Sha256};
use unicode_normalization::UnicodeNormalization;

use crate::load::{read_source, ARTICLES_DIR, ARTICLE_FILE};

/// The longest id made from a title, in bytes.
const MAX_ID_LEN: usize = 60;

/// An article to add: its text and where it came from.
#[derive(Debug, Clone, Default, PartialEq)]
pub struct NewArticle {
    /// The title (whitespace squashed when written).
    pub title: String,
    /// The body paragraphs, in order (empty ones are dropped).
    pub paragraphs: Vec<String>,
    /// Where it came from; `body_sha256` is filled in when written.
    pub source: SourceFile,
}

/// What [`Shelf::write`] did.
#[derive(Debug, Clone, PartialEq, Eq)]
pub enum Written {
    /// A new article folder `articles/<id>/`.
    Added {
        /// Its id (folder name).
        id: String,
        /// Its body paragraphs.
        paragraphs: usize,
        /// Its sentences (headline, captions and body).
        sentences: usize,
    },
    /// The article is already there, as `id`.
    Known {
        /// The id of the article already there.
        id: String,
    },
}

/// Why an article could not be written.
#[derive(Debug, thiserror::Error)]
pub enum WriteError {
    /// A file or folder could not be read or written.
    #[error("{}: cannot {action}: {reason}; check that the knowledge folder is writable and the disk not full", path.display())]
    Io {
        /// What was being done ("create the folder", "write the article").
        action: &'static str,
        /// Where.
        path: PathBuf,
        /// The system's reason.
        reason: String,
    },
    /// The article has no title or no body.
    #[error("no article text: {0}")]
    Empty(&'static str),
    /// An article already in the folder cannot be read (file:line and the fix).
    #[error(transparent)]
    Knowledge(#[from] KnowledgeError),
}

fn io<'a>(action: &'static str, path: &'a Path) -> impl FnOnce(std::io::Error) -> WriteError + 'a {
    move |e| WriteError::Io {
        action,
        path: path.to_path_buf(),
        reason: e.to_string(),
    }
}

/// The articles of a knowledge folder, indexed by URL and body, to add more.
#[derive(Debug)]
pub struct Shelf {
    articles: PathBuf,
    by_url: HashMap<String, String>,
    by_body: HashMap<String, String>,
    ids: HashSet<String>,
}

impl Shelf {
    /// Reads what `dir` (a knowledge folder, created if missing) holds.
    pub fn open(dir: &Path) -> Result<Shelf, WriteError> {
        let articles = dir.join(ARTICLES_DIR);
        std::fs::create_dir_all(&articles).map_err(io("create the folder", &articles))?;
        let mut shelf = Shelf {
            articles: articles.clone(),
            by_url: HashMap::new(),
            by_body: HashMap::new(),
            ids: HashSet::new(),
        };
        let entries = std::fs::read_dir(&articles).map_err(io("list", &articles))?;
        for entry in entries.filter_map(Result::ok) {
            let name = entry.file_name().to_string_lossy().into_owned();
            if name.starts_with('.') || !entry.path().is_dir() {
                continue;
            }
            let folder = entry.path();
            let source = read_source(&folder)?.unwrap_or_default();
            let body = match &source.body_sha256 {
                Some(key) => Some(key.clone()),
                None => std::fs::read_to_string(folder.join(ARTICLE_FILE))
                    .ok()
                    .map(|text| body_key(text.lines().skip(1))),
            };
            shelf.remember(&name, &source, body);
        }
        Ok(shelf)
    }

    fn remember(&mut self, id: &str, source: &SourceFile, body: Option<String>) {
        for url in [&source.url, &source.added_from].into_iter().flatten() {
            self.by_url.insert(normalise_url(url), id.to_string());
        }
        if let Some(body) = body {
            self.by_body.insert(body, id.to_string());
        }
        self.ids.insert(id.to_string());
    }

    /// The id of the article already added from `url` (or whose canonical URL it is).
    pub fn known_url(&self, url: &str) -> Option<&str> {
        self.by_url.get(&normalise_url(url)).map(String::as_str)
    }

    /// How many articles the folder holds.
    pub fn len(&self) -> usize {
        self.ids.len()
    }

    /// Whether the folder holds no article.
    pub fn is_empty(&self) -> bool {
        self.ids.is_empty()
    }

    /// Writes `article` under a new id made from its title, unless it is
    /// already there (same URL or same body text).
    pub fn write(&mut self, article: &NewArticle) -> Result<Written, WriteError> {
        let title = text::squash_whitespace(&article.title);
        let paragraphs: Vec<String> = article
            .paragraphs
            .iter()
            .map(|p| text::squash_whitespace(p))
            .filter(|p| !p.is_empty())
            .collect();
        if title.is_empty() {
            return Err(WriteError::Empty("it has no title"));
        }
        if paragraphs.is_empty() {
            return Err(WriteError::Empty("it has no body paragraph"));
        }
        let mut source = article.source.clone();
        let key = body_key(paragraphs.iter());
        source.body_sha256 = Some(key.clone());
        let known = [&source.url, &source.added_from]
            .into_iter()
            .flatten()
            .find_map(|u| self.known_url(u))
            .or_else(|| self.by_body.get(&key).map(String::as_str));
        if let Some(id) = known {
            return Ok(Written::Known { id: id.to_string() });
        }
        let text = format!("{title}\n{}\n", paragraphs.join("\n"));
        let base = slug(&title);
        for n in 1.. {
            let id = if n == 1 {
                base.clone()
            } else {
                format!("{base}-{n}")
            };
            if self.ids.contains(&id) || self.articles.join(&id).exists() {
                continue;
            }
            let parsed = Article::parse(&id, &text).ok_or(WriteError::Empty("it has no title"))?;
            if parsed.paragraphs.is_empty() {
                return Err(WriteError::Empty(
                    "every paragraph is a navigation line or a caption",
                ));
            }
            if self.put(&id, &text, &source)? {
                self.remember(&id, &source, Some(key));
                return Ok(Written::Added {
                    id,
                    paragraphs: parsed.paragraphs.len(),
                    sentences: parsed.sentences.len(),
                });
            }
        }
        unreachable!("some id is always free")
    }

    /// Writes the article's folder under a dot name, then renames it to `id`.
    /// `false` when another process took `id` meanwhile.
    fn put(&self, id: &str, text: &str, source: &SourceFile) -> Result<bool, WriteError> {
        let staging = self
            .articles
            .join(format!(".adding-{id}-{}", std::process::id()));
        let result = (|| {
            if staging.exists() {
                std::fs::remove_dir_all(&staging).map_err(io("remove", &staging))?;
            }
            std::fs::create_dir(&staging).map_err(io("create the folder", &staging))?;
            let article = staging.join(ARTICLE_FILE);
            write_synced(&article, text).map_err(io("write the article", &article))?;
            let meta = staging.join(SOURCE_FILE);
            write_synced(&meta, &source.to_toml()).map_err(io("write the source", &meta))?;
            let target = self.articles.join(id);
            if target.exists() {
                return Ok(false);
            }
            // Renaming onto an existing, non-empty folder fails: a concurrent
            // writer that took the id first is noticed, never overwritten.
            match std::fs::rename(&staging, &target) {
                Ok(()) => Ok(true),
                Err(_) if target.exists() => Ok(false),
                Err(e) => Err(io("move the article into place at", &target)(e)),
            }
        })();
        if !matches!(result, Ok(true)) {
            let _ = std::fs::remove_dir_all(&staging);
        }
        result
    }
}

fn write_synced(path: &Path, text: &str) -> std::io::Result<()> {
    use std::io::Write;
    let mut file = std::fs::File::create(path)?;
    file.write_all(text.as_bytes())?;
    file.sync_all()
}

/// Writes `article` into the knowledge folder `dir`; see [`Shelf::write`].
pub fn write_article(dir: &Path, article: &NewArticle) -> Result<Written, WriteError> {
    Shelf::open(dir)?.write(article)
}

/// The SHA-256 (hex) of body paragraphs, normalised: case, quotes and
/// whitespace do not count.
pub fn body_key<S: AsRef<str>>(paragraphs: impl IntoIterator<Item = S>) -> String {
    let mut hasher = Sha256::new();
    let mut first = true;
    for p in paragraphs {
        let folded = text::fold(&text::squash_whitespace(p.as_ref()));
        if folded.is_empty() {
            continue;
        }
        if !first {
            hasher.update(b" ");
        }
        first = false;
        hasher.update(folded.as_bytes());
    }
    hasher
        .finalize()
        .iter()
        .map(|b| format!("{b:02x}"))
        .collect()
}

/// A stable kebab-case id from a title: ASCII letters and digits (accents
/// dropped), words joined by '-', at most [`MAX_ID_LEN`] bytes, cut between words.
pub fn slug(title: &str) -> String {
    let plain: String = title
        .nfkd()
        .filter(|c| c.is_ascii())
        .map(|c| c.to_ascii_lowercase())
        .collect();
    let mut id = String::new();
    for word in plain
        .replace(['\'', '\u{2019}'], "")
        .split(|c: char| !c.is_ascii_alphanumeric())
        .filter(|w| !w.is_empty())
    {
        if !id.is_empty() && id.len() + 1 + word.len() > MAX_ID_LEN {
            break;
        }
        if !id.is_empty() {
            id.push('-');
        }
        id.push_str(&word[..word.len().min(MAX_ID_LEN)]);
    }
    if id.is_empty() {
        "article".to_string()
    } else {
        id
    }
}

/// A URL as compared for "the same article": no fragment, no `utm_*`
/// tracking parameters, scheme and host in lower case, no trailing slash.
pub fn normalise_url(url: &str) -> String {
    let url = url.trim();
    let url = url.split('#').next().unwrap_or(url);
    let (base, query) = match url.split_once('?') {
        Some((b, q)) => (b, Some(q)),
        None => (url, None),
    };
    let (scheme, rest) = base.split_once("://").unwrap_or(("", base));
    let (host, path) = match rest.find('/') {
        Some(i) => rest.split_at(i),
        None => (rest, ""),
    };
    let mut out = format!(
        "{}://{}{}",
        scheme.to_ascii_lowercase(),
        host.to_ascii_lowercase(),
        path.trim_end_matches('/')
    );
    let kept: Vec<&str> = query
        .into_iter()
        .flat_map(|q| q.split('&'))
        .filter(|p| !p.is_empty() && !p.to_ascii_lowercase().starts_with("utm_"))
        .collect();
    if !kept.is_empty() {
        out.push('?');
        out.push_str(&kept.join("&"));
    }
    out
}

#[cfg(test)]
mod tests {
    use super::*;

    fn article(title: &str, body: &[&str], url: Option<&str>) -> NewArticle {
        NewArticle {
            title: title.into(),
            paragraphs: body.iter().map(|s| s.to_string()).collect(),
            source: SourceFile {
                url: url.map(str::to_string),
                outlet: Some("The Example".into()),
                published: Some("2019-11-19".into()),
                ..SourceFile::default()
            },
        }
    }

    #[test]
    fn slugs_are_stable_kebab_case() {
        assert_eq!(
            slug("José Mourinho agrees deal: 'Spurs' new boss!"),
            "jose-mourinho-agrees-deal-spurs-new-boss"
        );
        assert_eq!(slug("???"), "article");
        let long = slug(&"word ".repeat(40));
        assert!(long.len() <= MAX_ID_LEN && long.ends_with("word"), "{long}");
    }

    #[test]
    fn urls_compare_without_fragments_and_tracking() {
        assert_eq!(
            normalise_url("HTTPS://Example.COM/News/a/?utm_source=rss&id=3#top"),
            "https://example.com/News/a?id=3"
        );
        assert_eq!(
            normalise_url("https://example.com/a"),
            normalise_url("https://example.com/a/")
        );
    }

    #[test]
    fn writes_once_and_knows_it_again_by_url_or_text() {
        let dir = tempfile::tempdir().unwrap();
        let a = article(
            "Storm hits the coast",
            &[
                "The storm made landfall on Monday.",
                "Officials said two people died.",
            ],
            Some("https://example.com/storm"),
        );
        let written = write_article(dir.path(), &a).unwrap();
        assert_eq!(
            written,
            Written::Added {
                id: "storm-hits-the-coast".into(),
                paragraphs: 2,
                sentences: 3
            }
        );
        let folder = dir.path().join("articles/storm-hits-the-coast");
        assert_eq!(
            std::fs::read_to_string(folder.join("article.txt")).unwrap(),
            "Storm hits the coast\nThe storm made landfall on Monday.\nOfficials said two people died.\n"
        );
        let source = read_source(&folder).unwrap().unwrap();
        assert_eq!(source.outlet.as_deref(), Some("The Example"));
        assert_eq!(source.body_sha256.as_ref().map(String::len), Some(64));

        let known = Written::Known {
            id: "storm-hits-the-coast".into(),
        };
        assert_eq!(write_article(dir.path(), &a).unwrap(), known);
        let mut same_text = article(
            "Another title",
            &[
                "the storm made  landfall on Monday.",
                "Officials said two people died.",
            ],
            None,
        );
        same_text.source.added_from = Some("saved.html".into());
        assert_eq!(write_article(dir.path(), &same_text).unwrap(), known);
        let same_url = article("T", &["Other text."], Some("https://EXAMPLE.com/storm/#x"));
        assert_eq!(write_article(dir.path(), &same_url).unwrap(), known);

        // Another article with the same title gets the next id.
        let other = article("Storm hits the coast", &["A second storm came."], None);
        let written = write_article(dir.path(), &other).unwrap();
        assert!(
            matches!(written, Written::Added { ref id, .. } if id == "storm-hits-the-coast-2"),
            "{written:?}"
        );
        let kb = crate::load(dir.path()).unwrap();
        assert_eq!(kb.articles.len(), 2);
        assert_eq!(
            kb.articles[0].meta.url.as_deref(),
            Some("https://example.com/storm")
        );
        assert_eq!(kb.articles[0].meta.published.as_deref(), Some("2019-11-19"));
        // Nothing but the two articles is left in the folder.
        let names: Vec<_> = std::fs::read_dir(dir.path().join("articles"))
            .unwrap()
            .map(|e| e.unwrap().file_name().into_string().unwrap())
            .collect();
        assert_eq!(names.len(), 2, "{names:?}");
    }

    #[test]
    fn a_hand_made_article_is_known_by_its_text() {
        let dir = tempfile::tempdir().unwrap();
        let folder = dir.path().join("articles/mine");
        std::fs::create_dir_all(&folder).unwrap();
        std::fs::write(folder.join("article.txt"), "Mine\n\nOne line of text.\n").unwrap();
        let a = article("Whatever", &["One line of  text."], None);
        assert_eq!(
            write_article(dir.path(), &a).unwrap(),
            Written::Known { id: "mine".into() }
        );
    }

    #[test]
    fn an_empty_article_is_refused_and_nothing_is_left() {
        let dir = tempfile::tempdir().unwrap();
        let err = write_article(dir.path(), &article("Title", &["  "], None)).unwrap_err();
        assert!(err.to_string().contains("no body paragraph"), "{err}");
        let err = write_article(dir.path(), &article("Nav", &["Home | World"], None)).unwrap_err();
        assert!(err.to_string().contains("navigation"), "{err}");
        assert_eq!(
            std::fs::read_dir(dir.path().join("articles"))
                .unwrap()
                .count(),
            0
        );
    }

    #[test]
    fn a_staging_folder_left_by_a_crash_is_not_an_article() {
        let dir = tempfile::tempdir().unwrap();
        write_article(dir.path(), &article("Kept", &["Some text here."], None)).unwrap();
        let staging = dir.path().join("articles/.adding-x-1");
        std::fs::create_dir_all(&staging).unwrap();
        std::fs::write(staging.join("article.txt"), "Half").unwrap();
        let kb = crate::load(dir.path()).unwrap();
        assert_eq!(kb.articles.len(), 1);
    }
}
