//! The `factdesk` binary end to end: ask, batch JSON, check, eval, and its errors.

mod common;

use std::io::Write;
use std::process::{Command, Stdio};

fn factdesk() -> Command {
    let mut c = Command::new(env!("CARGO_BIN_EXE_factdesk"));
    c.current_dir(env!("CARGO_MANIFEST_DIR"));
    c
}

fn run(args: &[&str]) -> (i32, String, String) {
    let out = factdesk().args(args).output().unwrap();
    (
        out.status.code().unwrap_or(-1),
        String::from_utf8_lossy(&out.stdout).into(),
        String::from_utf8_lossy(&out.stderr).into(),
    )
}

#[test]
fn ask_prints_a_sourced_answer() {
    let (code, out, _) = run(&["ask", "How many warning shots were fired?"]);
    assert_eq!(code, 0);
    assert!(out.contains("20"), "{out}");
    assert!(
        out.contains("> South Korean guards fired up to 20 warning shots"),
        "{out}"
    );
    assert!(
        out.contains("Warning shots fired after North Korean soldier defects to South"),
        "{out}"
    );
}

#[test]
fn ask_json_is_the_documented_object() {
    let (code, out, _) = run(&["ask", "--json", "Who reported the boat defection?"]);
    assert_eq!(code, 0);
    let v: serde_json::Value = serde_json::from_str(out.trim()).unwrap();
    assert_eq!(v["status"], "answered");
    assert_eq!(v["question"], "Who reported the boat defection?");
    assert!(v["confidence"].as_f64().unwrap() > 0.0);
    let s = &v["sources"][0];
    assert!(s["quote"]
        .as_str()
        .unwrap()
        .contains("Yonhap news agency said"));
    assert_eq!(s["attribution"], "Yonhap news agency");
    assert_eq!(s["article"], "nk-soldier-defection");
    assert!(s["paragraph"].as_u64().is_some());
    assert_eq!(v["suggestions"], serde_json::json!([]));
    let keys: Vec<_> = v.as_object().unwrap().keys().cloned().collect();
    assert_eq!(keys.len(), 6, "{keys:?}");
}

#[test]
fn ask_json_reads_stdin_line_by_line() {
    let mut child = factdesk()
        .args(["ask", "--json"])
        .stdin(Stdio::piped())
        .stdout(Stdio::piped())
        .spawn()
        .unwrap();
    child
        .stdin
        .take()
        .unwrap()
        .write_all(b"how old is the defector\nWhat is the capital of Japan?\n\n")
        .unwrap();
    let out = child.wait_with_output().unwrap();
    assert!(out.status.success());
    let lines: Vec<serde_json::Value> = String::from_utf8(out.stdout)
        .unwrap()
        .lines()
        .map(|l| serde_json::from_str(l).unwrap())
        .collect();
    assert_eq!(lines.len(), 3);
    assert_eq!(lines[0]["status"], "answered");
    assert_eq!(lines[1]["status"], "unknown");
    assert!(!lines[1]["suggestions"].as_array().unwrap().is_empty());
    assert_eq!(lines[2]["status"], "unknown");
}

#[test]
fn check_reports_full_coverage() {
    let (code, out, err) = run(&["check"]);
    assert_eq!(code, 0, "{out}{err}");
    assert!(out.contains("(100%)"), "{out}");
    assert!(out.contains("ok"));
}

#[test]
fn eval_prints_accuracy_by_kind() {
    let (code, out, _) = run(&["eval", "tests/data/dev-questions.jsonl"]);
    assert_eq!(code, 0);
    assert!(out.contains("answerable"), "{out}");
    assert!(out.contains("offtopic"), "{out}");
}

#[test]
fn missing_knowledge_dir_is_exit_2_with_the_fix() {
    let (code, _, err) = run(&["--knowledge", "no/such/dir", "ask", "hi"]);
    assert_eq!(code, 2);
    assert!(
        err.contains("no/such/dir") && err.contains("--knowledge"),
        "{err}"
    );
    assert_eq!(err.lines().count(), 1, "{err}");
}

#[test]
fn bad_config_is_exit_2_naming_file_line_and_key() {
    let dir = tempfile::tempdir().unwrap();
    let path = dir.path().join("bad.toml");
    std::fs::write(&path, "[discord]\ncooldown_secnds = 1\n").unwrap();
    let (code, _, err) = run(&["--config", path.to_str().unwrap(), "ask", "hi"]);
    assert_eq!(code, 2);
    assert!(
        err.contains("bad.toml:2:") && err.contains("cooldown_seconds"),
        "{err}"
    );
}

#[test]
fn bad_facts_file_is_exit_2_naming_file_and_line() {
    let dir = tempfile::tempdir().unwrap();
    let art = dir.path().join("articles").join("a");
    std::fs::create_dir_all(&art).unwrap();
    std::fs::write(
        art.join("article.txt"),
        "A title\n\nThe first sentence is here. The second one too.\n",
    )
    .unwrap();
    let facts = "[[fact]]\nid = \"one\"\ntopic = \"T\"\nanswer = \"A\"\nquotes = [\"The first sentence is here.\"]\n\n[[fact]]\nid = \"two\"\ntopic = \"T\"\nanswer = \"B\"\nquotes = [\"Not in the article.\"]\n";
    std::fs::write(art.join("facts.toml"), facts).unwrap();
    let (code, _, err) = run(&["--knowledge", dir.path().to_str().unwrap(), "check"]);
    assert_eq!(code, 2);
    assert!(
        err.contains("facts.toml:11:") && err.contains("verbatim"),
        "{err}"
    );

    std::fs::write(
        art.join("facts.toml"),
        facts
            .replace("\"two\"", "\"one\"")
            .replace("Not in the article.", "The second one too."),
    )
    .unwrap();
    let (code, _, err) = run(&["--knowledge", dir.path().to_str().unwrap(), "check"]);
    assert_eq!(code, 2);
    assert!(err.contains("duplicate fact id `one`"), "{err}");
}

#[test]
fn an_uncurated_article_is_answerable_and_check_names_the_gaps() {
    let dir = tempfile::tempdir().unwrap();
    let art = dir.path().join("articles").join("storm");
    std::fs::create_dir_all(&art).unwrap();
    std::fs::write(art.join("article.txt"), "Storm hits coast\n\nA storm with winds of 120 km/h hit the coast on Monday, officials said.\n").unwrap();
    let (code, out, _) = run(&[
        "--knowledge",
        dir.path().to_str().unwrap(),
        "ask",
        "--json",
        "how strong were the storm winds",
    ]);
    assert_eq!(code, 0);
    let v: serde_json::Value = serde_json::from_str(out.trim()).unwrap();
    assert_eq!(v["status"], "answered", "{out}");
    assert_eq!(v["sources"][0]["attribution"], "officials");
    let (code, _, err) = run(&["--knowledge", dir.path().to_str().unwrap(), "check"]);
    assert_eq!(code, 2);
    assert!(err.contains("uncovered sentence"), "{err}");
}
