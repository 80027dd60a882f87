//! The `factdesk` binary end to end: ask, batch JSON, check, eval, and its errors.
//!
//! The binary runs in the test kit's fixture folder, so its default
//! `knowledge/` is the tests' frozen copy of the bundled article, not the
//! live one.

use std::io::Write;
use std::process::{Command, Stdio};

fn factdesk() -> Command {
    let mut c = Command::new(env!("CARGO_BIN_EXE_factdesk"));
    c.current_dir(factdesk_testkit::fixture::bundled_home());
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
    let out = factdesk_testkit::piped::run(
        factdesk().args(["ask", "--json"]),
        "how old is the defector\nWhat is the capital of Japan?\n\n",
    );
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
    let hint = lines[2]["answer"].as_str().unwrap();
    assert!(hint.starts_with("Ask me a question in words"), "{hint}");
    assert_eq!(lines[2]["suggestions"].as_array().unwrap().len(), 3);
}

#[test]
fn a_blank_question_gets_how_to_ask() {
    for blank in ["", "   ", "\t"] {
        let (code, out, err) = run(&["ask", blank]);
        assert_eq!(code, 2, "{blank:?}: {out}{err}");
        assert_eq!(err.lines().count(), 1, "{err}");
        assert!(
            err.contains("no question given; try: factdesk ask \"How many"),
            "{err}"
        );
    }
    // Words the engine cannot read (emoji, invisible characters) get the hint as a reply.
    let (code, out, _) = run(&["ask", "😀 \u{200b}"]);
    assert_eq!(code, 0);
    assert!(out.starts_with("Ask me a question in words about"), "{out}");
    assert!(out.contains("You could ask:\n  - "), "{out}");
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
    let dir = tempfile::tempdir().unwrap();
    let file = dir.path().join("q.jsonl");
    // Two answered right, one that cannot be (no reply holds "zebra"), one declined.
    let cases = [
        r#"{"q": "How many warning shots were fired?", "expect": [["20"]], "kind": "direct"}"#,
        r#"{"q": "how old is the defector", "expect": [["19"]], "kind": "direct"}"#,
        r#"{"q": "What gun did the guards use?", "expect": [["zebra"]], "kind": "paraphrase"}"#,
        r#"{"q": "What is the capital of Japan?", "expect": null, "kind": "offtopic"}"#,
    ];
    std::fs::write(&file, cases.join("\n")).unwrap();
    let (code, out, _) = run(&["eval", file.to_str().unwrap()]);
    assert_eq!(code, 0);
    let line = |label: &str| {
        out.lines()
            .find(|l| l.starts_with(label))
            .unwrap_or_else(|| panic!("no {label} line in {out}"))
            .split_whitespace()
            .skip(1)
            .collect::<Vec<_>>()
            .join(" ")
    };
    assert_eq!(line("direct"), "2/2 100.0%", "{out}");
    assert_eq!(line("paraphrase"), "0/1 0.0%", "{out}");
    assert_eq!(line("offtopic"), "1/1 100.0%", "{out}");
    assert_eq!(line("answerable"), "2/3 66.7%", "{out}");
    assert_eq!(line("declines"), "1/1 100.0%", "{out}");
    assert!(
        out.contains("MISS [paraphrase] \"What gun did the guards use?\""),
        "{out}"
    );
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
fn an_uncurated_article_is_answerable_and_passes_check() {
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
    let (code, out, err) = run(&["--knowledge", dir.path().to_str().unwrap(), "check"]);
    assert_eq!(code, 0, "{err}");
    assert!(
        out.contains("storm: read from the text, 2 sentences"),
        "{out}"
    );
    assert!(out.contains("factdesk draft"), "{out}");
}

#[test]
fn draft_writes_a_curated_layer_that_check_accepts_and_that_answers() {
    let dir = tempfile::tempdir().unwrap();
    let art = dir.path().join("articles").join("storm");
    std::fs::create_dir_all(&art).unwrap();
    std::fs::write(art.join("article.txt"), "Storm hits coast\n\nA storm with winds of 120 km/h hit the coast on Monday, officials said. The Red Cross opened 12 shelters in Lisbon.\n").unwrap();
    let (code, out, err) = run(&["draft", art.to_str().unwrap()]);
    assert_eq!(code, 0, "{err}");
    assert!(out.contains("3 facts"), "{out}");
    let facts = std::fs::read_to_string(art.join("facts.toml")).unwrap();
    assert!(facts.contains("how many shelters"), "{facts}");
    let k = dir.path().to_str().unwrap();
    let (code, out, err) = run(&["--knowledge", k, "check", "--uncovered"]);
    assert_eq!(code, 0, "{err}");
    assert!(out.contains("3 curated facts quote 3/3 sentences"), "{out}");
    let (code, out, _) = run(&[
        "--knowledge",
        k,
        "ask",
        "--json",
        "how many shelters did the red cross open",
    ]);
    assert_eq!(code, 0);
    let v: serde_json::Value = serde_json::from_str(out.trim()).unwrap();
    assert_eq!(v["status"], "answered", "{out}");
    assert!(
        v["sources"][0]["quote"]
            .as_str()
            .unwrap()
            .contains("12 shelters"),
        "{out}"
    );
    // A second draft never overwrites the curated layer.
    let (code, out, _) = run(&["draft", art.to_str().unwrap()]);
    assert_eq!(code, 0);
    assert!(out.contains("facts.draft.toml"), "{out}");
    assert_eq!(
        std::fs::read_to_string(art.join("facts.toml")).unwrap(),
        facts
    );
}

/// One bad config or knowledge file, and what its error must say.
struct BadFile {
    name: &'static str,
    /// Files written under a fresh directory: (relative path, content).
    files: &'static [(&'static str, &'static str)],
    /// `--config` (relative to that directory), if any.
    config: Option<&'static str>,
    /// `--knowledge` (relative to that directory).
    knowledge: &'static str,
    /// The file the error names (relative to that directory).
    file: &'static str,
    /// The line it names; a missing directory has none.
    line: Option<usize>,
    /// Part of the fix the error must give.
    fix: &'static str,
}

const ARTICLE: &str = "A title\n\nThe first sentence is here. The second one too.\n";
const FACT_ONE: &str = "[[fact]]\nid = \"one\"\ntopic = \"T\"\nanswer = \"A\"\nquotes = [\"The first sentence is here.\"]\n";

const BAD_FILES: &[BadFile] = &[
    BadFile {
        name: "malformed facts.toml",
        files: &[
            ("k/articles/a/article.txt", ARTICLE),
            ("k/articles/a/facts.toml", "[[fact]]\nid = \"one\"\ntopic = \"T\nanswer = \"A\"\n"),
        ],
        config: None,
        knowledge: "k",
        file: "k/articles/a/facts.toml",
        line: Some(3),
        fix: "fix the TOML at that line",
    },
    BadFile {
        name: "malformed lexicon.toml",
        files: &[
            ("k/articles/a/article.txt", ARTICLE),
            ("k/lexicon.toml", "groups = [[\"a\", \"b\"]]\n\n[slang\nu = \"you\"\n"),
        ],
        config: None,
        knowledge: "k",
        file: "k/lexicon.toml",
        line: Some(3),
        fix: "fix the TOML at that line",
    },
    BadFile {
        name: "malformed config",
        files: &[("bad.toml", "[knowledge]\ndir = \"knowledge\"\n[discord\n")],
        config: Some("bad.toml"),
        knowledge: "k",
        file: "bad.toml",
        line: Some(3),
        fix: "see config.example.toml",
    },
    BadFile {
        name: "unknown config key",
        files: &[("bad.toml", "[discord]\ncooldown_secnds = 1\n")],
        config: Some("bad.toml"),
        knowledge: "k",
        file: "bad.toml",
        line: Some(2),
        fix: "did you mean `cooldown_seconds`?",
    },
    BadFile {
        name: "missing knowledge directory",
        files: &[],
        config: None,
        knowledge: "no/such/dir",
        file: "no/such/dir",
        line: None,
        fix: "pass --knowledge DIR",
    },
    BadFile {
        name: "quote not in its article",
        files: &[
            ("k/articles/a/article.txt", ARTICLE),
            (
                "k/articles/a/facts.toml",
                "[[fact]]\nid = \"one\"\ntopic = \"T\"\nanswer = \"A\"\n\nquotes = [\"The third sentence.\"]\n",
            ),
        ],
        config: None,
        knowledge: "k",
        file: "k/articles/a/facts.toml",
        line: Some(6),
        fix: "copy it exactly from the article",
    },
    BadFile {
        name: "duplicate fact id",
        files: &[
            ("k/articles/a/article.txt", ARTICLE),
            (
                "k/articles/a/facts.toml",
                "[[fact]]\nid = \"one\"\ntopic = \"T\"\nanswer = \"A\"\nquotes = [\"The first sentence is here.\"]\n",
            ),
            ("k/articles/b/article.txt", ARTICLE),
            ("k/articles/b/facts.toml", FACT_ONE),
        ],
        config: None,
        knowledge: "k",
        file: "k/articles/b/facts.toml",
        line: Some(2),
        fix: "give one of them another id",
    },
    BadFile {
        name: "empty article",
        files: &[
            ("k/articles/a/article.txt", "\n  \n\n"),
            ("k/articles/a/facts.toml", FACT_ONE),
        ],
        config: None,
        knowledge: "k",
        file: "k/articles/a/article.txt",
        line: Some(1),
        fix: "its first line must be the title",
    },
    BadFile {
        name: "facts.toml without its article",
        files: &[
            ("k/articles/a/article.txt", ARTICLE),
            ("k/articles/b/facts.toml", FACT_ONE),
        ],
        config: None,
        knowledge: "k",
        file: "k/articles/b/facts.toml",
        line: Some(1),
        fix: "put the article's text in",
    },
];

/// `factdesk run` with the token and a REST URL set, pointed at a listener
/// that must never see a connection; returns its exit code and stderr.
fn run_bot(args: &[&str]) -> (i32, String) {
    let listener = std::net::TcpListener::bind("127.0.0.1:0").unwrap();
    listener.set_nonblocking(true).unwrap();
    let url = format!("http://{}", listener.local_addr().unwrap());
    let mut child = factdesk()
        .args(args)
        .arg("run")
        .env(
            "DISCORD_TOKEN",
            "MTIzNDU2Nzg5MDEyMzQ1Njc4.GfAkE1.Sup3r-s3cret_t0ken-value-9f8e7d6c",
        )
        .env("FACTDESK_DISCORD_API_URL", &url)
        .env_remove("RUST_LOG")
        .stdout(Stdio::null())
        .stderr(Stdio::piped())
        .spawn()
        .unwrap();
    // Only a guard against a bot that starts after all: it would wait on the
    // listener forever. A failing start takes well under a second.
    let deadline = std::time::Instant::now() + std::time::Duration::from_secs(120);
    while child.try_wait().unwrap().is_none() {
        if std::time::Instant::now() > deadline {
            child.kill().unwrap();
            panic!("factdesk run {args:?} did not stop");
        }
        std::thread::sleep(std::time::Duration::from_millis(50));
    }
    let out = child.wait_with_output().unwrap();
    match listener.accept() {
        Err(e) if e.kind() == std::io::ErrorKind::WouldBlock => {}
        other => panic!("factdesk run {args:?} connected before failing: {other:?}"),
    }
    (
        out.status.code().unwrap_or(-1),
        String::from_utf8_lossy(&out.stderr).into(),
    )
}

#[test]
fn every_bad_file_is_one_line_naming_file_line_and_fix_with_exit_2() {
    for case in BAD_FILES {
        let dir = tempfile::tempdir().unwrap();
        for (path, content) in case.files {
            let path = dir.path().join(path);
            std::fs::create_dir_all(path.parent().unwrap()).unwrap();
            std::fs::write(path, content).unwrap();
        }
        let knowledge = dir.path().join(case.knowledge);
        let mut args = vec!["--knowledge".to_string(), knowledge.display().to_string()];
        if let Some(config) = case.config {
            args.push("--config".into());
            args.push(dir.path().join(config).display().to_string());
        }
        let args: Vec<&str> = args.iter().map(String::as_str).collect();
        let file = dir.path().join(case.file).display().to_string();
        let named = match case.line {
            Some(line) => format!("{file}:{line}: "),
            None => format!("{file}: "),
        };
        let mut outcomes = Vec::new();
        for command in [
            &["check"][..],
            &["ask", "how many shots"],
            &["ask", "--json", "tldr"],
        ] {
            let all: Vec<&str> = args.iter().chain(command).copied().collect();
            let (code, _, err) = run(&all);
            outcomes.push((format!("{command:?}"), code, err));
        }
        let (code, err) = run_bot(&args);
        outcomes.push(("run".into(), code, err));
        for (command, code, err) in outcomes {
            let what = format!("{}, {command}", case.name);
            assert_eq!(code, 2, "{what}: {err}");
            assert_eq!(err.trim_end().lines().count(), 1, "{what}: {err}");
            assert!(err.starts_with("factdesk: "), "{what}: {err}");
            assert!(err.contains(&named), "{what}: wants {named:?} in {err}");
            assert!(
                err.contains(case.fix),
                "{what}: wants {:?} in {err}",
                case.fix
            );
        }
    }
}

/// Runs the binary with `input` on stdin and `env` set.
fn run_with(args: &[&str], input: &str, env: &[(&str, &str)]) -> (i32, String, String) {
    let mut cmd = factdesk();
    cmd.args(args)
        .env_remove("COLUMNS")
        .envs(env.iter().copied());
    let out = factdesk_testkit::piped::run(&mut cmd, input);
    (
        out.status.code().unwrap_or(-1),
        String::from_utf8_lossy(&out.stdout).into(),
        String::from_utf8_lossy(&out.stderr).into(),
    )
}

fn eval_file(dir: &tempfile::TempDir) -> String {
    let file = dir.path().join("q.jsonl");
    let cases = [
        r#"{"q": "How many warning shots were fired?", "expect": [["20"]], "kind": "direct"}"#,
        r#"{"q": "What gun did the guards use?", "expect": [["zebra", "giraffe"], ["99 shots"]], "kind": "paraphrase"}"#,
    ];
    std::fs::write(&file, cases.join("\n")).unwrap();
    file.to_str().unwrap().to_string()
}

#[test]
fn chat_piped_takes_commands_skips_blank_lines_and_stops_at_exit() {
    let input =
        "help\n\n   \nHow many warning shots were fired?\nexit\nWho reported the boat defection?\n";
    let (code, out, err) = run_with(&["chat"], input, &[]);
    assert_eq!(code, 0, "{out}{err}");
    assert!(out.contains("Commands: help"), "{out}");
    assert!(out.contains("up to 20 warning shots"), "{out}");
    // `help` is not asked as a question, a blank line does not end the chat, `exit` does.
    assert!(!out.contains("You could ask"), "{out}");
    assert!(!out.contains("Yonhap"), "{out}");
    // No banner or prompt in a pipe.
    assert!(
        !out.contains("> How") && !out.starts_with("factdesk:"),
        "{out}"
    );
}

#[test]
fn chat_answers_a_follow_up_about_the_last_answer() {
    let (code, out, err) = run_with(
        &["chat"],
        "Who reported the boat defection?\nwho said that?\nsource?\n",
        &[],
    );
    assert_eq!(code, 0, "{out}{err}");
    let replies: Vec<&str> = out.split("(confidence").collect();
    assert_eq!(replies.len(), 4, "three answers: {out}");
    assert!(
        replies[1].contains("Yonhap news agency, as quoted in"),
        "{out}"
    );
    assert!(
        replies[2].contains("Yonhap news agency, as quoted in"),
        "{out}"
    );
    // Without a last answer, "source?" is a question like any other.
    let (_, out, _) = run_with(&["chat"], "source?\n", &[]);
    assert!(
        !out.contains("as quoted in") && !out.contains("own voice"),
        "{out}"
    );
}

#[test]
fn long_quotes_wrap_at_word_boundaries_to_columns() {
    let (code, out, _) = run_with(
        &["ask", "How many warning shots were fired?"],
        "",
        &[("COLUMNS", "40")],
    );
    assert_eq!(code, 0);
    assert!(out.lines().count() > 6, "{out}");
    for line in out.lines() {
        assert!(line.chars().count() <= 40, "{line:?} in\n{out}");
    }
    let words: Vec<&str> = out.split_whitespace().collect();
    for w in ["South", "Korean", "guards", "fired", "warning", "shots"] {
        assert!(words.contains(&w), "{w} cut in\n{out}");
    }
    // Unwrapped and uncoloured in a pipe with no COLUMNS.
    let (_, plain, _) = run(&["ask", "How many warning shots were fired?"]);
    assert!(plain.contains("  > South Korean guards fired up to 20 warning shots at"));
    assert!(!plain.contains('\x1b'), "{plain:?}");
}

#[test]
fn a_source_in_the_articles_own_voice_names_the_title_only() {
    let (_, out, _) = run(&["ask", "How many warning shots were fired?"]);
    assert!(!out.contains("the article. \""), "{out}");
    assert!(out.contains("Source: \"Warning shots"), "{out}");
}

#[test]
fn a_closed_pipe_ends_every_command_quietly_with_0() {
    let dir = tempfile::tempdir().unwrap();
    let file = eval_file(&dir);
    let generated = dir.path().join("generated");
    let added = dir.path().join("added");
    let story = dir.path().join("story.txt");
    std::fs::write(
        &story,
        "Storm hits coast\n\nA storm hit the coast on Monday.\n",
    )
    .unwrap();
    let commands: Vec<Vec<&str>> = vec![
        vec!["eval", &file],
        vec![
            "generate",
            "--facts",
            "400",
            "--questions",
            "20",
            "--out",
            generated.to_str().unwrap(),
        ],
        vec![
            "--knowledge",
            added.to_str().unwrap(),
            "add",
            story.to_str().unwrap(),
        ],
        vec!["ask", "How many warning shots were fired?"],
        vec!["ask", "--explain", "How many warning shots were fired?"],
        vec!["ask", "--json", "How many warning shots were fired?"],
        vec!["check"],
        vec!["man"],
        vec!["completions", "bash"],
        vec![
            "draft",
            "--stdout",
            "knowledge/articles/nk-soldier-defection",
        ],
        vec!["invite"],
        vec!["chat"],
        vec!["chat", "--json"],
    ];
    for args in commands {
        let mut child = factdesk()
            .args(&args)
            .env("DISCORD_TOKEN", factdesk_testkit::fake_discord::TOKEN)
            .stdin(Stdio::piped())
            .stdout(Stdio::piped())
            .stderr(Stdio::piped())
            .spawn()
            .unwrap();
        // The reader goes away before the first line is written (`chat`
        // has two questions to answer).
        drop(child.stdout.take());
        let questions = "How many warning shots were fired?\nwho said that?\n";
        // A command that reads no stdin may have ended already.
        let _ = child.stdin.take().unwrap().write_all(questions.as_bytes());
        let out = child.wait_with_output().unwrap();
        let err = String::from_utf8_lossy(&out.stderr);
        assert_eq!(out.status.code(), Some(0), "{args:?}: {err}");
        assert!(err.is_empty(), "{args:?}: {err}");
    }
}

#[test]
fn ask_json_explain_is_one_json_line_with_an_explain_object() {
    let (code, out, _) = run(&[
        "ask",
        "--json",
        "--explain",
        "How many warning shots were fired?",
    ]);
    assert_eq!(code, 0);
    assert_eq!(out.lines().count(), 1, "{out}");
    let v: serde_json::Value = serde_json::from_str(out.trim()).unwrap();
    assert_eq!(v["status"], "answered");
    assert!(v["explain"]["words"].is_array(), "{v}");
    assert_eq!(v["explain"]["decision"]["kind"], "answered", "{v}");
}

#[test]
fn eval_floors_exit_1_and_misses_read_plainly() {
    let dir = tempfile::tempdir().unwrap();
    let file = eval_file(&dir);
    let (code, out, err) = run(&["eval", &file, "--min-answerable", "90"]);
    assert_eq!(code, 1, "{out}{err}");
    assert!(
        err.contains("answerable 50.0% (1/2) is below --min-answerable 90"),
        "{err}"
    );
    // No question to decline: a dash, not 100%.
    let declines = out.lines().find(|l| l.starts_with("declines")).unwrap();
    assert_eq!(
        declines.split_whitespace().collect::<Vec<_>>(),
        ["declines", "0/0", "-"]
    );
    // Readable misses: no Rust debug output.
    assert!(
        out.contains("expected (\"zebra\" or \"giraffe\") and \"99 shots\""),
        "{out}"
    );
    assert!(out.contains("got (answered, confidence"), "{out}");
    for debug in ["Some(", "[[", "Answered", "Unknown"] {
        assert!(!out.contains(debug), "{debug} in {out}");
    }
    let (code, _, _) = run(&["eval", &file, "--min-answerable", "50"]);
    assert_eq!(code, 0);
    let (code, out, err) = run(&["eval", &file, "--min-answerable", "90", "--quiet"]);
    assert_eq!((code, out.as_str(), err.as_str()), (1, "", ""));
    let (code, out, _) = run(&["eval", &file, "--json", "--min-declines", "10"]);
    assert_eq!(code, 1);
    let v: serde_json::Value = serde_json::from_str(out.trim()).unwrap();
    assert_eq!(v["answerable"]["right"], 1);
    assert_eq!(v["declines"]["percent"], serde_json::Value::Null);
    assert_eq!(v["passed"], false);
    assert_eq!(v["misses"][0]["status"], "answered");
    let (code, _, err) = run(&["eval", &file, "--min-answerable", "101"]);
    assert_eq!(code, 2, "{err}");
    assert!(err.contains("not between 0 and 100"), "{err}");
}

#[test]
fn completions_and_man_page_come_from_the_cli_definition() {
    let (code, out, _) = run(&["completions", "bash"]);
    assert_eq!(code, 0);
    assert!(
        out.contains("_factdesk()") && out.contains("--min-answerable"),
        "{out}"
    );
    let (code, out, _) = run(&["completions", "zsh"]);
    assert_eq!(code, 0);
    assert!(out.starts_with("#compdef factdesk"), "{out}");
    let (code, out, _) = run(&["man"]);
    assert_eq!(code, 0);
    assert!(
        out.contains(".TH factdesk") && out.contains("chat"),
        "{out}"
    );
}

#[test]
fn generate_writes_a_usable_folder_refuses_a_full_one_and_too_few_facts() {
    let dir = tempfile::tempdir().unwrap();
    let out = dir.path().join("synth");
    let out = out.to_str().unwrap();
    let args = [
        "generate",
        "--facts",
        "600",
        "--questions",
        "5",
        "--out",
        out,
    ];
    let (code, stdout, err) = run(&args);
    assert_eq!(code, 0, "{err}");
    let hint = stdout
        .lines()
        .find_map(|l| l.strip_prefix("use it with: factdesk --knowledge "))
        .unwrap_or_else(|| panic!("{stdout}"));
    let knowledge = hint.split(" ask").next().unwrap();
    let (code, checked, err) = run(&["--knowledge", knowledge, "check"]);
    assert_eq!(code, 0, "{err}");
    assert!(checked.contains("600 facts"), "{checked}");
    let (code, _, err) = run(&args);
    assert_eq!(code, 2);
    assert!(
        err.contains("is not empty") && err.contains("--force"),
        "{err}"
    );
    let mut forced = args.to_vec();
    forced.push("--force");
    assert_eq!(run(&forced).0, 0);
    let other = dir.path().join("few");
    let (code, _, err) = run(&["generate", "--facts", "3", "--out", other.to_str().unwrap()]);
    assert_eq!(code, 2);
    assert!(err.contains("3 facts is fewer than the"), "{err}");
}
