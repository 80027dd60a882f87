//! The article in a page, as a reader view shows it: title, body paragraphs,
//! byline, outlet, publication date and canonical URL.
//!
//! Readability (dom_smoothie, a port of Mozilla's Readability.js) finds the
//! article's element and cleans it; this module splits it into paragraphs
//! with an HTML parser (dom_query, over html5ever), drops what a reader
//! does not read (share buttons, "Continue reading", image credits, related
//! links, advertisement labels), and reads the page's metadata (Open Graph,
//! JSON-LD, `<time>`, `article:published_time`, `link rel=canonical`).

use dom_query::{Document, NodeRef};
use dom_smoothie::{Config, Readability};

use crate::dates;

/// An article as extracted: plain data, ready to be written.
#[derive(Debug, Clone, Default, PartialEq, Eq)]
pub struct Extracted {
    /// The headline.
    pub title: String,
    /// The body paragraphs, in order, whitespace squashed.
    pub paragraphs: Vec<String>,
    /// Who wrote it, when the page says.
    pub byline: Option<String>,
    /// The outlet (the site's name), when the page says.
    pub outlet: Option<String>,
    /// The publication date, ISO 8601, when the page states one.
    pub published: Option<String>,
    /// The canonical URL (`og:url`, `link rel=canonical`, JSON-LD `url`), when the page has one.
    pub url: Option<String>,
}

/// Why no article could be taken from a page or a text.
#[derive(Debug, Clone, PartialEq, Eq, thiserror::Error)]
pub enum ExtractError {
    /// Nothing a reader view would keep.
    #[error("no article found in the page (no body text a reader view would keep); give the URL of an article, not of a home or index page")]
    NoArticle,
    /// A text file with no title line or no body.
    #[error("no article in the text; put the title on the first line and the body below it")]
    EmptyText,
}

/// Elements whose text is never part of the body.
const SKIPPED: &[&str] = &[
    "script",
    "style",
    "noscript",
    "template",
    "button",
    "svg",
    "form",
    "iframe",
    "nav",
    "aside",
    "footer",
    "figure",
    "figcaption",
    "select",
    "input",
    "textarea",
    "object",
    "video",
    "audio",
    "picture",
    "img",
];

/// Elements that end a paragraph (and start the next).
const BLOCKS: &[&str] = &[
    "p",
    "div",
    "section",
    "article",
    "main",
    "header",
    "h1",
    "h2",
    "h3",
    "h4",
    "h5",
    "h6",
    "li",
    "ul",
    "ol",
    "dl",
    "dt",
    "dd",
    "blockquote",
    "pre",
    "table",
    "tr",
    "td",
    "th",
    "hr",
    "br",
    "address",
    "details",
    "summary",
];

/// Takes the article out of a page. `page_url` (absolute) is where it was
/// fetched from, if it was.
pub fn extract_html(html: &str, page_url: Option<&str>) -> Result<Extracted, ExtractError> {
    let doc = Document::from(html);
    let page = PageMeta::read(&doc);
    let page_url = page_url.filter(|u| u.starts_with("http://") || u.starts_with("https://"));
    let mut readability = Readability::with_document(doc, page_url, Some(Config::default()))
        .or_else(|_| Readability::with_document(Document::from(html), None, None))
        .map_err(|_| ExtractError::NoArticle)?;
    let article = readability.parse().map_err(|_| ExtractError::NoArticle)?;
    let content = Document::from(article.content.to_string());
    let mut paragraphs = paragraphs_of(&content.root());
    let title = choose_title(&article.title, page.h1.as_deref(), &paragraphs);
    // A body that opens with the headline again, or with its byline or date, starts after it.
    while let Some(first) = paragraphs.first() {
        let folded = fold(first);
        let repeats_title = folded == fold(&title);
        let is_byline = article
            .byline
            .as_deref()
            .is_some_and(|b| fold(b) == folded || folded == format!("by {}", fold(b)));
        if repeats_title || is_byline {
            paragraphs.remove(0);
        } else {
            break;
        }
    }
    // The outlet's name, the byline or a "Published ..." dateline standing as
    // a paragraph of their own are the page's furniture, not the article.
    let furniture: Vec<String> = [article.site_name.as_deref(), article.byline.as_deref()]
        .into_iter()
        .flatten()
        .map(fold)
        .collect();
    paragraphs.retain(|p| {
        let f = fold(p);
        !(furniture.contains(&f) || is_dateline(&f))
    });
    if paragraphs.is_empty() || paragraphs.iter().map(|p| p.len()).sum::<usize>() < 140 {
        return Err(ExtractError::NoArticle);
    }
    let published = [article.published_time.as_deref(), page.published.as_deref()]
        .into_iter()
        .flatten()
        .find_map(dates::normalise);
    let outlet = article
        .site_name
        .as_deref()
        .map(squash)
        .filter(|s| !s.is_empty())
        .or(page.publisher);
    // A byline that is only the outlet's name credits no one.
    let byline = article
        .byline
        .as_deref()
        .and_then(clean_byline)
        .filter(|b| outlet.as_deref().is_none_or(|o| fold(o) != fold(b)));
    Ok(Extracted {
        title,
        paragraphs,
        byline,
        outlet,
        published,
        url: page.canonical.or_else(|| article.url.clone()),
    })
}

/// A plain-text article: the title on the first line, then the body. Blank
/// lines separate paragraphs when the text has them (lines within one are
/// joined); otherwise every line is a paragraph.
pub fn extract_text(text: &str) -> Result<Extracted, ExtractError> {
    let text = text.trim_start_matches('\u{feff}');
    let mut lines = text.lines();
    let title = lines
        .by_ref()
        .map(str::trim)
        .find(|l| !l.is_empty())
        .ok_or(ExtractError::EmptyText)?;
    let rest: Vec<&str> = lines.collect();
    let blocks: Vec<Vec<&str>> = rest
        .split(|l| l.trim().is_empty())
        .filter(|b| !b.is_empty())
        .map(<[&str]>::to_vec)
        .collect();
    let wrapped = blocks.iter().any(|b| b.len() > 1) && blocks.len() > 1;
    let paragraphs: Vec<String> = if wrapped {
        blocks.iter().map(|b| squash(&b.join(" "))).collect()
    } else {
        rest.iter()
            .map(|l| squash(l))
            .filter(|l| !l.is_empty())
            .collect()
    };
    if paragraphs.is_empty() {
        return Err(ExtractError::EmptyText);
    }
    Ok(Extracted {
        title: squash(title),
        paragraphs,
        ..Extracted::default()
    })
}

/// What the page's head and markup say, read before Readability cleans it.
#[derive(Debug, Default)]
struct PageMeta {
    canonical: Option<String>,
    published: Option<String>,
    publisher: Option<String>,
    h1: Option<String>,
}

impl PageMeta {
    fn read(doc: &Document) -> PageMeta {
        let attr = |selector: &str, name: &str| -> Option<String> {
            doc.select(selector)
                .nodes()
                .iter()
                .filter_map(|n| n.attr(name))
                .map(|v| v.trim().to_string())
                .find(|v| !v.is_empty())
        };
        let canonical = attr(r#"meta[property="og:url"]"#, "content")
            .or_else(|| attr(r#"link[rel="canonical"]"#, "href"))
            .filter(|u| u.starts_with("http://") || u.starts_with("https://"));
        let mut published = None;
        for (selector, name) in [
            (r#"meta[property="article:published_time"]"#, "content"),
            (r#"meta[name="article:published_time"]"#, "content"),
            (r#"meta[itemprop="datePublished"]"#, "content"),
            (r#"meta[property="og:published_time"]"#, "content"),
            (r#"meta[name="pubdate"]"#, "content"),
            (r#"meta[name="publishdate"]"#, "content"),
            (r#"meta[name="publish-date"]"#, "content"),
            (r#"meta[name="parsely-pub-date"]"#, "content"),
            (r#"meta[name="sailthru.date"]"#, "content"),
            (r#"meta[name="dc.date.issued"]"#, "content"),
            (r#"meta[name="DC.date.issued"]"#, "content"),
            (r#"meta[name="date"]"#, "content"),
            (r#"[itemprop="datePublished"]"#, "datetime"),
            ("time[pubdate]", "datetime"),
            ("article time[datetime]", "datetime"),
            ("time[datetime]", "datetime"),
        ] {
            if let Some(d) = attr(selector, name).as_deref().and_then(dates::normalise) {
                published = Some(d);
                break;
            }
        }
        let mut publisher = None;
        for script in doc.select(r#"script[type="application/ld+json"]"#).nodes() {
            let Ok(json) = serde_json::from_str::<serde_json::Value>(&script.text()) else {
                continue;
            };
            for item in json_ld_items(&json) {
                if published.is_none() {
                    published = item
                        .get("datePublished")
                        .and_then(|v| v.as_str())
                        .and_then(dates::normalise);
                }
                if publisher.is_none() {
                    publisher = item
                        .get("publisher")
                        .and_then(|p| p.get("name"))
                        .and_then(|v| v.as_str())
                        .map(squash)
                        .filter(|s| !s.is_empty());
                }
            }
        }
        if published.is_none() {
            // A date only written out for readers: "Published 7:07 PM EST Nov 19, 2019".
            published = doc
                .select(r#"[class*="publish"], [class*="date"], [class*="timestamp"], [class*="dateline"]"#)
                .nodes()
                .iter()
                .map(|n| squash(&n.text()))
                .filter(|t| t.len() <= 120)
                .find_map(|t| dates::from_text(&t));
        }
        let h1 = doc
            .select("h1")
            .nodes()
            .iter()
            .map(|n| squash(&n.text()))
            .find(|t| t.split_whitespace().count() >= 3);
        PageMeta {
            canonical,
            published,
            publisher,
            h1,
        }
    }
}

/// The objects of a JSON-LD block: itself, its `@graph`, or its array items.
fn json_ld_items(json: &serde_json::Value) -> Vec<&serde_json::Value> {
    match json {
        serde_json::Value::Array(items) => items.iter().flat_map(json_ld_items).collect(),
        serde_json::Value::Object(map) => {
            let mut out = vec![json];
            if let Some(graph) = map.get("@graph") {
                out.extend(json_ld_items(graph));
            }
            out
        }
        _ => Vec::new(),
    }
}

/// The headline: the page's `<h1>` when it is the metadata's title (or a
/// longer form of it, the site's name cut off), else the metadata's title.
fn choose_title(meta_title: &str, h1: Option<&str>, paragraphs: &[String]) -> String {
    let meta = squash(meta_title);
    let Some(h1) = h1 else { return meta };
    let (fm, fh) = (fold(&meta), fold(h1));
    let close = !fm.is_empty()
        && (fm == fh || fm.contains(&fh) || fh.contains(&fm) || word_overlap(&fm, &fh) >= 0.6);
    if close || meta.is_empty() || paragraphs.first().is_some_and(|p| fold(p) == fh) {
        h1.to_string()
    } else {
        meta
    }
}

/// Shared words over the words of the shorter.
fn word_overlap(a: &str, b: &str) -> f64 {
    let wa: Vec<&str> = a.split_whitespace().collect();
    let wb: Vec<&str> = b.split_whitespace().collect();
    let shared = wa.iter().filter(|w| wb.contains(w)).count();
    shared as f64 / wa.len().min(wb.len()).max(1) as f64
}

/// The paragraphs under `root`: the text between block boundaries, without
/// the elements a reader does not read and without clutter lines.
fn paragraphs_of(root: &NodeRef) -> Vec<String> {
    let mut out = Vec::new();
    let mut current = Paragraph::default();
    walk(root, &mut current, &mut out, false);
    current.flush(&mut out);
    let mut kept: Vec<String> = Vec::new();
    for p in out {
        if is_clutter(&p) {
            continue;
        }
        if kept.last() == Some(&p) {
            continue;
        }
        kept.push(p);
    }
    kept
}

/// The text of the paragraph being read, and how much of it is link text.
#[derive(Default)]
struct Paragraph {
    text: String,
    link_chars: usize,
}

impl Paragraph {
    /// Ends the paragraph: kept unless it is empty or all links (a list of
    /// related headlines, "More from UK" and the like).
    fn flush(&mut self, out: &mut Vec<String>) {
        let text = squash(&self.text);
        let links = self.link_chars;
        self.text.clear();
        self.link_chars = 0;
        if !text.chars().any(char::is_alphanumeric) {
            return;
        }
        let all_links =
            links * 10 >= text.chars().count() * 9 && text.split_whitespace().count() <= 25;
        if !all_links {
            out.push(text);
        }
    }
}

fn walk(node: &NodeRef, current: &mut Paragraph, out: &mut Vec<String>, in_link: bool) {
    for child in node.children_it(false) {
        if child.is_text() {
            let text = child.text();
            if in_link {
                current.link_chars += squash(&text).chars().count();
            }
            current.text.push_str(&text);
            continue;
        }
        if !child.is_element() {
            continue;
        }
        let name = child
            .node_name()
            .map(|n| n.to_ascii_lowercase())
            .unwrap_or_default();
        if SKIPPED.contains(&name.as_str()) || hidden(&child) {
            continue;
        }
        let block = BLOCKS.contains(&name.as_str());
        if block {
            current.flush(out);
        }
        walk(&child, current, out, in_link || name == "a");
        if block {
            current.flush(out);
        }
    }
}

/// An element a reader view hides: `hidden`, `aria-hidden`, or a class that
/// names sharing, ads, credits or related stories.
fn hidden(node: &NodeRef) -> bool {
    if node.has_attr("hidden") || node.attr("aria-hidden").is_some_and(|v| &*v == "true") {
        return true;
    }
    let class = format!(
        "{} {}",
        node.class().unwrap_or_default(),
        node.id_attr().unwrap_or_default()
    )
    .to_ascii_lowercase();
    const CLUTTER: &[&str] = &[
        "share",
        "social",
        "advert",
        "promo",
        "newsletter",
        "related",
        "read-more",
        "readmore",
        "image-credit",
        "credit",
        "caption",
        "byline",
        "outbrain",
        "taboola",
        "subscribe",
        "twitter-tweet",
        "instagram-media",
        "tiktok-embed",
    ];
    class
        .split(|c: char| c.is_whitespace())
        .any(|c| CLUTTER.iter().any(|k| c.contains(k)) && !c.contains("article-body"))
}

/// A line a reader view leaves out: share and follow buttons, "Continue
/// reading", advertisement labels, image credits, related-story links.
fn is_clutter(p: &str) -> bool {
    let l = fold(p);
    let l = l.trim_matches(|c: char| !c.is_alphanumeric());
    let words = l.split_whitespace().count();
    const EXACT: &[&str] = &[
        "advertisement",
        "ad",
        "share",
        "share this",
        "share this article",
        "share this story",
        "share on facebook",
        "share on twitter",
        "share via email",
        "tweet",
        "email",
        "facebook",
        "twitter",
        "linkedin",
        "whatsapp",
        "pinterest",
        "reddit",
        "print",
        "copy link",
        "comments",
        "continue reading",
        "continue reading below",
        "story continues below",
        "story continues below advertisement",
        "article continues below",
        "read more",
        "read full article",
        "show more",
        "skip advertisement",
        "sign up",
        "subscribe",
        "close",
        "related",
        "related stories",
        "related articles",
        "more on this story",
        "recommended",
        "most read",
        "top stories",
    ];
    if EXACT.contains(&l) {
        return true;
    }
    const PREFIXES: &[&str] = &[
        "image credit",
        "image copyright",
        "main image credit",
        "photo credit",
        "picture credit",
        "image source",
        "photograph:",
        "related:",
        "related coverage",
        "read more:",
        "read more about",
        "read also",
        "also read",
        "see also",
        "more:",
        "continue reading",
        "click here to",
        "sign up for",
        "subscribe to",
        "follow us on",
        "share this",
        "this article was originally published",
        "copyright ",
        "all rights reserved",
    ];
    if words <= 25 && PREFIXES.iter().any(|p| l.starts_with(p)) {
        return true;
    }
    // A heading over links to other stories: "More from UK", "More in Sport".
    if words <= 5 && (l.starts_with("more from ") || l.starts_with("more in ")) {
        return true;
    }
    // "(Image credit: NASA/JPL)", "Photo: Getty Images", "Getty Images"
    let raw = fold(p);
    if words <= 12
        && (raw.starts_with("(image") || raw.starts_with("(photo") || raw.starts_with("(credit"))
    {
        return true;
    }
    if words <= 6
        && (l.ends_with("getty images")
            || l.starts_with("photo:")
            || l.starts_with("credit:")
            || l.starts_with("image:"))
    {
        return true;
    }
    false
}

/// "Published 7:07 PM EST Nov 19, 2019", "Updated 10:14 a.m. ET": a short
/// line that only dates the page.
fn is_dateline(folded: &str) -> bool {
    let words = folded.split_whitespace().count();
    words <= 12
        && [
            "published",
            "updated",
            "posted",
            "last updated",
            "first published",
        ]
        .iter()
        .any(|w| folded.starts_with(w))
        && folded.chars().any(|c| c.is_ascii_digit())
}

/// The byline without "By " and the lines a page crams after it.
fn clean_byline(b: &str) -> Option<String> {
    let first = b.lines().map(str::trim).find(|l| !l.is_empty())?;
    let s = squash(first);
    let s = s
        .strip_prefix("By ")
        .or_else(|| s.strip_prefix("by "))
        .or_else(|| s.strip_prefix("BY "))
        .unwrap_or(&s)
        .trim()
        .to_string();
    (!s.is_empty() && s.len() <= 200 && !s.starts_with("http")).then_some(s)
}

fn squash(s: &str) -> String {
    factdesk_core::text::squash_whitespace(s)
}

fn fold(s: &str) -> String {
    factdesk_core::text::fold(&squash(s))
}

#[cfg(test)]
mod tests {
    use super::*;

    const PAGE: &str = r##"<!doctype html><html><head>
<title>Storm hits the coast | The Example</title>
<meta property="og:title" content="Storm hits the coast">
<meta property="og:site_name" content="The Example">
<meta property="og:url" content="https://example.com/news/storm">
<meta property="article:published_time" content="2019-11-19T10:30:00+00:00">
</head><body>
<nav><a href="/">Home</a> | <a href="/world">World</a></nav>
<article>
<h1>Storm hits the coast</h1>
<div class="byline">By Jane Reporter</div>
<div class="share-tools"><button>Share</button><a href="#">Facebook</a><a href="#">Twitter</a></div>
<p>A powerful storm made landfall on the coast on Monday, bringing winds of up to 120 km/h and heavy rain to towns along the shore, officials said.</p>
<figure><img src="a.jpg"><figcaption>Waves hit the sea wall. (Image credit: Getty Images)</figcaption></figure>
<p>Two people were killed and hundreds of homes lost power, the regional government said in a statement on Tuesday morning.</p>
<div class="ad">Advertisement</div>
<p>Continue reading</p>
<p>Forecasters expect the storm to weaken as it moves inland over the next two days, the weather service said.</p>
<p>(Image credit: NASA/JPL)</p>
<div class="related-links"><h3>Related stories</h3><ul><li><a href="/a">Floods in the north</a></li></ul></div>
</article>
<footer>Copyright 2019 The Example</footer>
</body></html>"##;

    #[test]
    fn takes_the_article_and_leaves_the_clutter() {
        let a = extract_html(PAGE, Some("https://example.com/news/storm?ref=rss")).unwrap();
        assert_eq!(a.title, "Storm hits the coast");
        assert_eq!(a.paragraphs.len(), 3, "{:#?}", a.paragraphs);
        assert!(a.paragraphs[0].starts_with("A powerful storm"));
        assert!(a.paragraphs[2].starts_with("Forecasters expect"));
        assert_eq!(a.outlet.as_deref(), Some("The Example"));
        assert_eq!(a.published.as_deref(), Some("2019-11-19T10:30:00+00:00"));
        assert_eq!(a.url.as_deref(), Some("https://example.com/news/storm"));
    }

    #[test]
    fn a_page_with_no_article_says_so() {
        let home = "<html><head><title>Home</title></head><body><nav><a href='/a'>One</a><a href='/b'>Two</a></nav></body></html>";
        assert_eq!(extract_html(home, None), Err(ExtractError::NoArticle));
        assert_eq!(extract_html("", None), Err(ExtractError::NoArticle));
    }

    #[test]
    fn text_articles_take_lines_or_blank_separated_blocks() {
        let a = extract_text("Title here\nFirst para.\nSecond para.\n").unwrap();
        assert_eq!(a.title, "Title here");
        assert_eq!(a.paragraphs, ["First para.", "Second para."]);
        let wrapped = "Title here\n\nFirst para runs\nover two lines.\n\nSecond para.\n";
        let a = extract_text(wrapped).unwrap();
        assert_eq!(
            a.paragraphs,
            ["First para runs over two lines.", "Second para."]
        );
        assert_eq!(extract_text("\n \n"), Err(ExtractError::EmptyText));
        assert_eq!(extract_text("Only a title\n"), Err(ExtractError::EmptyText));
    }
}
