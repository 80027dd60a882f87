//! Follow-up questions in `factdesk chat`: the exchanges of
//! `tests/data/conversations/desk.jsonl`, played over the news desk fixture (the
//! bundled article and four news pages), each in a fresh conversation
//! (`new` between them). Follow-ups are resolved against the last answer;
//! a question about another story is not dragged into the old one.

use std::path::{Path, PathBuf};
use std::process::Command;

use factdesk_testkit::conversations::{self, Exchange};
use serde_json::Value;

fn exchanges() -> Vec<Exchange> {
    let path =
        PathBuf::from(env!("CARGO_MANIFEST_DIR")).join("tests/data/conversations/desk.jsonl");
    let exchanges = conversations::load(&path);
    assert!(exchanges.len() >= 20, "at least 20 exchanges");
    assert!(exchanges.iter().all(|e| (2..=3).contains(&e.turns.len())));
    exchanges
}

/// The JSON lines `factdesk chat --json` prints for `input` over `knowledge`.
fn chat_json(knowledge: &Path, input: &str) -> Vec<Value> {
    let mut cmd = Command::new(env!("CARGO_BIN_EXE_factdesk"));
    cmd.arg("--knowledge")
        .arg(knowledge)
        .args(["chat", "--json"]);
    let out = factdesk_testkit::piped::run(&mut cmd, input);
    assert!(
        out.status.success(),
        "{}",
        String::from_utf8_lossy(&out.stderr)
    );
    String::from_utf8(out.stdout)
        .unwrap()
        .lines()
        .map(|l| serde_json::from_str(l).unwrap_or_else(|e| panic!("{e}: {l}")))
        .collect()
}

/// Every turn of every exchange, through one `chat --json`.
#[test]
fn follow_ups_in_the_chat_are_read_against_the_last_answer() {
    let exchanges = exchanges();
    let desk = factdesk_testkit::fixture::desk();
    let mut input = String::new();
    for e in &exchanges {
        for t in &e.turns {
            input.push_str(&t.q);
            input.push('\n');
        }
        input.push_str("new\n");
    }
    let lines = chat_json(desk.path(), &input);
    let turns: Vec<_> = exchanges.iter().flat_map(|e| &e.turns).collect();
    assert_eq!(lines.len(), turns.len(), "one JSON line per question");
    let mut wrong = Vec::new();
    for (turn, line) in turns.iter().zip(&lines) {
        assert_eq!(line["question"], turn.q.as_str());
        let article = line["sources"][0]["article"].as_str();
        if let Err(e) = turn.check(line["answer"].as_str().unwrap_or(""), article) {
            wrong.push(e);
        }
    }
    assert!(
        wrong.is_empty(),
        "{} wrong:\n{}",
        wrong.len(),
        wrong.join("\n")
    );
}

/// `new` forgets: "source?" after it has nothing to lean on.
#[test]
fn a_new_conversation_has_no_last_answer() {
    let desk = factdesk_testkit::fixture::desk();
    let lines = chat_json(
        desk.path(),
        "where is assange held?\nsource?\nnew\nsource?\n",
    );
    assert_eq!(lines.len(), 3);
    assert_eq!(lines[1]["status"], "answered");
    assert_eq!(lines[2]["status"], "unknown", "{}", lines[2]);
}

/// A question that fits two stories lists them, numbered; the number
/// answers it from that story. `ask` shows the same list.
#[test]
fn the_chat_asks_which_story_and_its_number_chooses() {
    let folder = factdesk_testkit::KnowledgeFolder::two_johns();
    let lines = chat_json(folder.path(), "what was john's nickname?\n2\n");
    assert_eq!(lines.len(), 2);
    assert_eq!(lines[0]["status"], "unknown");
    assert_eq!(lines[0]["answer"], "Which story do you mean?");
    let stories = lines[0]["stories"].as_array().unwrap();
    assert_eq!(stories.len(), 2, "{}", lines[0]);
    assert_eq!(lines[1]["status"], "answered", "{}", lines[1]);
    assert_eq!(lines[1]["sources"][0]["article"], stories[1]["article"]);

    let out = Command::new(env!("CARGO_BIN_EXE_factdesk"))
        .arg("--knowledge")
        .arg(folder.path())
        .args(["ask", "what was john's nickname?"])
        .output()
        .unwrap();
    let text = String::from_utf8_lossy(&out.stdout);
    assert!(
        text.starts_with("Which story do you mean?\n  1. \""),
        "{text}"
    );
    assert!(text.contains("\n  2. \""), "{text}");
}
