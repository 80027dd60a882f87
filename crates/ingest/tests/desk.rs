//! The news desk against a news site on 127.0.0.1: adding pages, the same
//! article twice, every failure, and feeds (RSS and Atom, conditional GET).

use std::path::{Path, PathBuf};
use std::time::Duration;

use factdesk_ingest::{Desk, FeedState, FeedStatus, FetchOptions, Outcome, Quiet, Status};
use factdesk_testkit::news_server::routes;
use factdesk_testkit::NewsServer;

fn page(name: &str) -> String {
    let path = PathBuf::from(env!("CARGO_MANIFEST_DIR"))
        .join("tests/pages")
        .join(name)
        .join("source.html");
    String::from_utf8_lossy(&std::fs::read(path).unwrap()).into_owned()
}

fn options() -> FetchOptions {
    FetchOptions {
        // Only the silent server needs it; it never answers, whatever the wait.
        timeout: Duration::from_millis(500),
        max_bytes: 1_000_000,
        max_redirects: 3,
        ..FetchOptions::default()
    }
}

/// The entries of `articles/`, sorted, dot folders included.
fn folders(dir: &Path) -> Vec<String> {
    let mut names: Vec<String> = std::fs::read_dir(dir.join("articles"))
        .map(|r| {
            r.map(|e| e.unwrap().file_name().into_string().unwrap())
                .collect()
        })
        .unwrap_or_default();
    names.sort();
    names
}

fn status(o: &Outcome) -> Status {
    o.status
}

#[tokio::test(flavor = "multi_thread", worker_threads = 2)]
async fn adds_a_page_once_and_knows_it_again() {
    let site = NewsServer::start();
    site.page("/world/assange", &page("bbc-assange-sweden"));
    site.page("/mirror/assange.html", &page("bbc-assange-sweden"));
    let dir = tempfile::tempdir().unwrap();
    let desk = Desk::open(dir.path(), options()).unwrap();

    let added = desk.add(&site.url("/world/assange")).await;
    assert_eq!(added.status, Status::Added, "{added:?}");
    assert_eq!(
        added.id.as_deref(),
        Some("julian-assange-sweden-drops-rape-investigation")
    );
    assert_eq!(
        added.title.as_deref(),
        Some("Julian Assange: Sweden drops rape investigation")
    );
    assert_eq!(added.outlet.as_deref(), Some("BBC News"));
    assert_eq!(
        added.published.as_deref(),
        Some("2019-11-19T17:42:40+00:00")
    );
    assert!(added.paragraphs.unwrap() >= 10, "{added:?}");

    // The same URL, without fetching it again; the same page elsewhere (its canonical URL).
    let fetches = site.requests().len();
    let again = desk.add(&site.url("/world/assange")).await;
    assert_eq!(again.status, Status::Known, "{again:?}");
    assert_eq!(again.id, added.id);
    assert_eq!(again.title, added.title);
    assert_eq!(site.requests().len(), fetches, "a known URL is not fetched");
    let mirror = desk.add(&site.url("/mirror/assange.html")).await;
    assert_eq!(mirror.status, Status::Known, "{mirror:?}");

    // A fresh desk over the same folder knows it too (it reads source.toml).
    let desk = Desk::open(dir.path(), options()).unwrap();
    assert_eq!(
        desk.add(&site.url("/world/assange")).await.status,
        Status::Known
    );
    assert_eq!(
        folders(dir.path()),
        ["julian-assange-sweden-drops-rape-investigation"]
    );

    let folder = dir
        .path()
        .join("articles/julian-assange-sweden-drops-rape-investigation");
    let source = std::fs::read_to_string(folder.join("source.toml")).unwrap();
    assert!(
        source.contains("url = \"https://www.bbc.com/news/world-europe-50473792\""),
        "{source}"
    );
    assert!(
        source.contains(&format!("added_from = \"{}\"", site.url("/world/assange"))),
        "{source}"
    );
    assert!(source.contains("fetched = \"20"), "{source}");
    let kb = factdesk_store::load(dir.path()).unwrap();
    assert_eq!(kb.articles[0].meta.outlet.as_deref(), Some("BBC News"));
}

#[tokio::test(flavor = "multi_thread", worker_threads = 2)]
async fn every_failure_is_one_line_and_the_others_are_still_added() {
    let site = NewsServer::start();
    site.page("/good", &page("ap-pge-shutoff"));
    site.put(
        "/report.pdf",
        "application/pdf",
        b"%PDF-1.4 not a page".to_vec(),
    );
    site.page(
        "/home",
        "<html><head><title>The Gazette</title></head><body><nav><a href='/a'>World</a> <a href='/b'>Sport</a></nav></body></html>",
    );
    let dir = tempfile::tempdir().unwrap();
    let desk = Desk::open(dir.path(), options()).unwrap();
    let sources = [
        site.url(routes::MISSING),
        site.silent_url(),
        site.url("/report.pdf"),
        site.url("/home"),
        site.url(routes::HUGE),
        site.url(routes::HUGE_STREAMED),
        site.url(routes::LOOP),
        "notes.docx".to_string(),
        "/no/such/file.html".to_string(),
        site.url("/good"),
    ];
    let outcomes = desk.add_all(&sources, &Quiet).await;
    let expect = [
        "HTTP 404",
        "no answer within 0.5 s",
        "not an HTML page (Content-Type: application/pdf)",
        "no article found",
        "larger than 1000000 bytes",
        "larger than 1000000 bytes",
        "more than 3 redirects",
        "not a source",
        "cannot read the file",
    ];
    for (o, want) in outcomes.iter().zip(expect) {
        assert_eq!(o.status, Status::Failed, "{o:?}");
        let error = o.error.as_deref().unwrap();
        assert!(error.contains(want), "{}: {error}", o.source);
        assert!(!error.contains('\n'), "{error}");
        assert_eq!(o.id, None);
    }
    assert_eq!(status(&outcomes[9]), Status::Added, "{:?}", outcomes[9]);
    // Nothing half-written: the one article, no staging folder.
    assert_eq!(
        folders(dir.path()),
        ["pg-e-begins-new-mass-power-shutoff-over-fire-danger"]
    );
}

#[tokio::test(flavor = "multi_thread", worker_threads = 2)]
async fn saved_pages_and_text_files_are_sources_too() {
    let files = tempfile::tempdir().unwrap();
    let html = files.path().join("alibaba.html");
    std::fs::write(&html, page("cityam-alibaba-listing")).unwrap();
    let txt = files.path().join("storm.txt");
    std::fs::write(&txt, "Storm hits the coast\n\nA storm made landfall on Monday,\nofficials said.\n\nTwo people died.\n").unwrap();
    let dir = tempfile::tempdir().unwrap();
    let desk = Desk::open(dir.path(), options()).unwrap();
    let sources = [html.display().to_string(), txt.display().to_string()];
    let outcomes = desk.add_all(&sources, &Quiet).await;
    assert_eq!(outcomes[0].status, Status::Added, "{:?}", outcomes[0]);
    assert_eq!(outcomes[0].outlet.as_deref(), Some("CityAM"));
    assert_eq!(outcomes[1].status, Status::Added, "{:?}", outcomes[1]);
    assert_eq!(outcomes[1].paragraphs, Some(2));
    let text =
        std::fs::read_to_string(dir.path().join("articles/storm-hits-the-coast/article.txt"))
            .unwrap();
    assert_eq!(text, "Storm hits the coast\nA storm made landfall on Monday, officials said.\nTwo people died.\n");
    // The same text again, from another file name: known.
    let copy = files.path().join("copy.txt");
    std::fs::copy(&txt, &copy).unwrap();
    assert_eq!(
        desk.add(&copy.display().to_string()).await.status,
        Status::Known
    );
}

#[tokio::test(flavor = "multi_thread", worker_threads = 2)]
async fn feeds_add_new_items_and_fetch_only_what_changed() {
    let site = NewsServer::start();
    site.page("/a/assange", &page("bbc-assange-sweden"));
    site.page("/a/stadia", &page("thr-google-stadia"));
    site.page("/a/spurs", &page("sky-mourinho-spurs"));
    site.rss(
        "/rss.xml",
        &[("Assange", "/a/assange"), ("Gone", routes::MISSING)],
    );
    site.atom("/atom.xml", &[("Stadia", "/a/stadia")]);
    let feeds = vec![
        site.url("/rss.xml"),
        site.url("/atom.xml"),
        site.url("/not-a-feed"),
    ];
    site.page("/not-a-feed", "<html><body>hello</body></html>");
    let dir = tempfile::tempdir().unwrap();
    let desk = Desk::open(dir.path(), options()).unwrap();
    let mut state = FeedState::default();

    let report = desk.sync(&feeds, &mut state, &Quiet).await;
    assert_eq!(report.added(), 2, "{report:?}");
    assert_eq!(report.feeds[0].status, FeedStatus::Read(2));
    assert_eq!(report.feeds[1].status, FeedStatus::Read(1));
    assert!(
        matches!(&report.feeds[2].status, FeedStatus::Failed(e) if e.starts_with("not a feed")),
        "{report:?}"
    );
    assert!(report.any_failed());
    // The RSS feed had a failed item: its validators are not kept, so it is read again.
    assert!(!state.feeds.contains_key(&feeds[0]));
    assert!(state.feeds.contains_key(&feeds[1]));

    let report = desk.sync(&feeds, &mut state, &Quiet).await;
    assert_eq!(report.added(), 0, "{report:?}");
    assert_eq!(report.feeds[1].status, FeedStatus::Unchanged);
    assert_eq!(site.not_modified(), 1);
    // Known items are not fetched again; the missing one is tried again.
    assert_eq!(report.items.len(), 1, "{report:?}");
    assert_eq!(report.items[0].status, Status::Failed);

    site.atom(
        "/atom.xml",
        &[("Spurs", "/a/spurs"), ("Stadia", "/a/stadia")],
    );
    let report = desk.sync(&feeds, &mut state, &Quiet).await;
    assert_eq!(report.added(), 1, "{report:?}");
    assert_eq!(folders(dir.path()).len(), 3);
    state.save(dir.path()).unwrap();
    assert_eq!(FeedState::load(dir.path()), state);
}
