//! `factdesk add`, `sync` and `check` end to end: the binary against a news
//! site on 127.0.0.1 (never the internet), on a copy of the bundled knowledge.

use std::path::{Path, PathBuf};
use std::process::Command;

use factdesk_testkit::news_server::routes;
use factdesk_testkit::{KnowledgeFolder, NewsServer};
use serde_json::Value;

fn page(name: &str) -> String {
    let path = PathBuf::from(env!("CARGO_MANIFEST_DIR"))
        .join("crates/ingest/tests/pages")
        .join(name)
        .join("source.html");
    String::from_utf8_lossy(&std::fs::read(path).unwrap()).into_owned()
}

/// Runs the binary on the knowledge folder `dir`, with `config` (if any) written beside it.
fn run(dir: &Path, config: Option<&str>, args: &[&str]) -> (i32, String, String) {
    let mut cmd = Command::new(env!("CARGO_BIN_EXE_factdesk"));
    cmd.current_dir(dir).arg("--knowledge").arg(dir);
    let config_dir = tempfile::tempdir().unwrap();
    if let Some(config) = config {
        let path = config_dir.path().join("factdesk.toml");
        std::fs::write(&path, config).unwrap();
        cmd.arg("--config").arg(path);
    }
    let out = cmd.args(args).env("RUST_LOG", "warn").output().unwrap();
    (
        out.status.code().unwrap_or(-1),
        String::from_utf8_lossy(&out.stdout).into(),
        String::from_utf8_lossy(&out.stderr).into(),
    )
}

fn bundled_copy() -> KnowledgeFolder {
    KnowledgeFolder::copy_of(&factdesk_testkit::fixture::bundled())
}

/// The entries of `articles/`, sorted.
fn folders(dir: &Path) -> Vec<String> {
    let mut names: Vec<String> = std::fs::read_dir(dir.join("articles"))
        .unwrap()
        .map(|e| e.unwrap().file_name().into_string().unwrap())
        .collect();
    names.sort();
    names
}

const FAST: &str = "[fetch]\ntimeout_seconds = 0.5\nmax_bytes = 1000000\nmax_redirects = 3\n";

#[test]
fn add_prints_what_it_added_and_is_idempotent() {
    let site = NewsServer::start();
    site.page("/news/alibaba", &page("cityam-alibaba-listing"));
    site.page("/news/pge", &page("ap-pge-shutoff"));
    let k = bundled_copy();
    let (a, b) = (site.url("/news/alibaba"), site.url("/news/pge"));
    let (code, out, err) = run(k.path(), None, &["add", &a, &b]);
    assert_eq!(code, 0, "{out}{err}");
    assert!(
        out.contains("added  alibaba-to-raise-up-to-12-9bn-in-landmark-hong-kong-listing  \"Alibaba to raise up to $12.9bn in landmark Hong Kong listing\"  CityAM, 2019-11-20; "),
        "{out}"
    );
    assert!(out.contains("2 added, 0 known, 0 failed"), "{out}");

    // Twice: known, nothing duplicated; --json prints one object per source.
    let (code, out, err) = run(k.path(), None, &["add", "--json", &a, &b]);
    assert_eq!(code, 0, "{out}{err}");
    let lines: Vec<Value> = out
        .lines()
        .map(|l| serde_json::from_str(l).unwrap())
        .collect();
    assert_eq!(lines.len(), 2, "{out}");
    let mut keys: Vec<&String> = lines[0].as_object().unwrap().keys().collect();
    keys.sort();
    assert_eq!(
        keys,
        [
            "error",
            "id",
            "outlet",
            "paragraphs",
            "published",
            "source",
            "status",
            "title"
        ]
    );
    assert!(out.starts_with("{\"source\":"), "{out}");
    assert_eq!(lines[0]["status"], "known");
    assert_eq!(lines[0]["source"], a.as_str());
    assert_eq!(lines[0]["outlet"], "CityAM");
    assert_eq!(lines[0]["error"], Value::Null);
    assert_eq!(folders(k.path()).len(), 3);

    // The new articles answer, with their outlet, date and URL in the sources.
    let (code, out, _) = run(
        k.path(),
        None,
        &["ask", "--json", "how much is alibaba raising in hong kong"],
    );
    assert_eq!(code, 0);
    let v: Value = serde_json::from_str(out.trim()).unwrap();
    assert_eq!(v["status"], "answered", "{out}");
    let source = &v["sources"][0];
    assert_eq!(
        source["article"],
        "alibaba-to-raise-up-to-12-9bn-in-landmark-hong-kong-listing"
    );
    assert_eq!(source["outlet"], "CityAM");
    assert_eq!(source["published"], "2019-11-20T09:22:35+00:00");
    assert!(
        source["url"]
            .as_str()
            .unwrap()
            .starts_with("https://www.cityam.com/"),
        "{source}"
    );

    // check passes on the folder with its uncurated articles.
    let (code, out, err) = run(k.path(), None, &["check"]);
    assert_eq!(code, 0, "{out}{err}");
    assert!(
        out.contains(
            "alibaba-to-raise-up-to-12-9bn-in-landmark-hong-kong-listing: read from the text, "
        ),
        "{out}"
    );
    assert!(out.contains("3 articles: 1 curated, 2 uncurated"), "{out}");
}

#[test]
fn a_failed_source_is_one_line_the_others_are_added_and_the_status_is_1() {
    let site = NewsServer::start();
    site.page("/ok", &page("nbc-omar-threat"));
    let k = bundled_copy();
    let sources = [
        site.url(routes::MISSING),
        site.silent_url(),
        site.url(routes::LOOP),
        site.url(routes::HUGE),
        site.url("/ok"),
    ];
    let mut args = vec!["add"];
    args.extend(sources.iter().map(String::as_str));
    let (code, out, err) = run(k.path(), Some(FAST), &args);
    assert_eq!(code, 1, "{out}{err}");
    let failures: Vec<&str> = err
        .lines()
        .filter(|l| l.starts_with("factdesk: "))
        .collect();
    assert_eq!(failures.len(), 4, "{err}");
    for (line, (source, reason)) in failures.iter().zip([
        (&sources[0], "the server answered HTTP 404; check the URL"),
        (&sources[1], "no answer within 0.5 s"),
        (&sources[2], "more than 3 redirects"),
        (&sources[3], "larger than 1000000 bytes"),
    ]) {
        assert!(line.starts_with(&format!("factdesk: {source}: ")), "{line}");
        assert!(line.contains(reason), "{line}");
    }
    assert!(out.contains("1 added, 0 known, 4 failed"), "{out}");
    assert_eq!(folders(k.path()).len(), 2, "nothing half-written");
    let (code, _, _) = run(k.path(), None, &["check"]);
    assert_eq!(code, 0);

    let (code, out, _) = run(k.path(), Some(FAST), &["add", "--json", &sources[0]]);
    assert_eq!(code, 1);
    let v: Value = serde_json::from_str(out.trim()).unwrap();
    assert_eq!(v["status"], "failed");
    assert_eq!(v["id"], Value::Null);
    assert!(v["error"].as_str().unwrap().contains("HTTP 404"), "{v}");
}

#[test]
fn sync_adds_feed_items_and_retention_retires_old_ones() {
    let site = NewsServer::start();
    site.page("/a/lebron", &page("ap-lebron-triple-double"));
    site.page("/a/europa", &page("space-europa-plumes"));
    site.rss("/feed.rss", &[("LeBron", "/a/lebron")]);
    site.atom("/feed.atom", &[("Europa", "/a/europa")]);
    let k = bundled_copy();
    let config = format!(
        "{FAST}\n[[feeds]]\nurl = \"{}\"\n\n[[feeds]]\nurl = \"{}\"\ninterval_minutes = 5\n",
        site.url("/feed.rss"),
        site.url("/feed.atom")
    );
    let (code, out, err) = run(k.path(), Some(&config), &["sync"]);
    assert_eq!(code, 0, "{out}{err}");
    assert!(out.contains("2 added, 0 known, 0 failed"), "{out}");
    let (code, out, _) = run(k.path(), Some(&config), &["sync"]);
    assert_eq!(code, 0);
    assert!(out.contains("unchanged  "), "{out}");
    assert!(out.contains("0 added, 0 known, 0 failed"), "{out}");
    assert_eq!(site.not_modified(), 2);

    // A broken feed is one line and status 1; the good one still syncs.
    let broken = format!(
        "{config}\n[[feeds]]\nurl = \"{}\"\n",
        site.url(routes::MISSING)
    );
    let (code, _, err) = run(k.path(), Some(&broken), &["sync"]);
    assert_eq!(code, 1);
    assert!(
        err.contains(&format!(
            "factdesk: {}: the server answered HTTP 404",
            site.url(routes::MISSING)
        )),
        "{err}"
    );

    // Retention: the 2019 articles are retired from answering, kept on disk.
    let question = "how many triple doubles does lebron have";
    let from_lebron = |out: &str| {
        let v: Value = serde_json::from_str(out.trim()).unwrap();
        v["sources"]
            .as_array()
            .unwrap()
            .iter()
            .any(|s| s["article"].as_str().unwrap().starts_with("lebron"))
    };
    let (_, out, _) = run(k.path(), Some(&config), &["ask", "--json", question]);
    assert!(from_lebron(&out), "{out}");
    let retained = format!("[knowledge]\nkeep_days = 30\n{config}");
    let (_, out, _) = run(k.path(), Some(&retained), &["ask", "--json", question]);
    assert!(!from_lebron(&out), "{out}");
    let (code, out, _) = run(k.path(), Some(&retained), &["check"]);
    assert_eq!(code, 0);
    assert!(
        out.contains("keep_days = 30: 1 of 3 articles answer, 2 retired"),
        "{out}"
    );
    assert_eq!(folders(k.path()).len(), 3);
}

#[test]
fn sync_ends_quietly_with_0_when_its_reader_goes_away() {
    let site = NewsServer::start();
    site.page("/a/lebron", &page("ap-lebron-triple-double"));
    site.page("/a/europa", &page("space-europa-plumes"));
    site.rss(
        "/feed.rss",
        &[("LeBron", "/a/lebron"), ("Europa", "/a/europa")],
    );
    let k = bundled_copy();
    let config_dir = tempfile::tempdir().unwrap();
    let config = config_dir.path().join("factdesk.toml");
    std::fs::write(
        &config,
        format!("{FAST}\n[[feeds]]\nurl = \"{}\"\n", site.url("/feed.rss")),
    )
    .unwrap();
    let mut child = Command::new(env!("CARGO_BIN_EXE_factdesk"))
        .arg("--knowledge")
        .arg(k.path())
        .arg("--config")
        .arg(&config)
        .arg("sync")
        .stdin(std::process::Stdio::null())
        .stdout(std::process::Stdio::piped())
        .stderr(std::process::Stdio::piped())
        .spawn()
        .unwrap();
    // `factdesk sync | head -0`: the reader is gone before the first line.
    drop(child.stdout.take());
    let out = child.wait_with_output().unwrap();
    let err = String::from_utf8_lossy(&out.stderr);
    assert_eq!(out.status.code(), Some(0), "{err}");
    assert!(err.is_empty(), "{err}");
    // Nothing half-written: every article folder holds its article.
    for id in folders(k.path()) {
        let article = k.path().join("articles").join(&id).join("article.txt");
        assert!(article.is_file(), "{id}");
    }
}
