//! `factdesk chat` in a pseudo-terminal, driven by keys as a person types
//! them: arrows and Ctrl keys edit the line, Up recalls history (kept across
//! sessions), `help` and `exit` are commands, Ctrl-D and Ctrl-C leave on a
//! fresh line with status 0, and colour appears on a terminal only without
//! `NO_COLOR`.

use std::path::Path;
use std::process::Command;

use rexpect::process::WaitStatus;
use rexpect::session::PtySession;

const LEFT: &str = "\x1b[D";
const UP: &str = "\x1b[A";

fn chat(history: &Path, color: bool) -> PtySession {
    let mut c = Command::new(env!("CARGO_BIN_EXE_factdesk"));
    c.current_dir(factdesk_testkit::fixture::bundled_home())
        .arg("chat")
        .env("TERM", "xterm")
        .env("FACTDESK_HISTORY", history)
        .env("COLUMNS", "200")
        .env_remove("NO_COLOR");
    if !color {
        c.env("NO_COLOR", "1");
    }
    let mut p = rexpect::session::spawn_command(c, Some(20_000)).unwrap();
    p.exp_string("Type help for help").unwrap();
    prompt(&mut p);
    p
}

/// Waits for the prompt: the line editor is reading keys (typed earlier, in
/// the terminal's cooked mode, Ctrl-C would be a signal, as in any program).
fn prompt(p: &mut PtySession) {
    p.exp_string("\x1b[K> ").unwrap();
}

/// Types `keys` (unflushed, rexpect would keep them).
fn keys(p: &mut PtySession, keys: &str) {
    p.send(keys).unwrap();
    p.flush().unwrap();
}

fn exited_0(p: &PtySession) {
    match p.process().wait().unwrap() {
        WaitStatus::Exited(_, code) => assert_eq!(code, 0),
        other => panic!("{other:?}"),
    }
}

#[test]
fn keys_edit_the_line_and_history_outlives_the_session() {
    let dir = tempfile::tempdir().unwrap();
    let history = dir.path().join("history");
    let mut p = chat(&history, false);
    // "help me", three Left arrows, Ctrl-K: the line is "help", a command.
    keys(&mut p, &format!("help me{LEFT}{LEFT}{LEFT}"));
    p.send_control('k').unwrap();
    keys(&mut p, "\r");
    p.exp_string("Commands: help").unwrap();
    prompt(&mut p);
    p.send_line("How many warning shots were fired?").unwrap();
    p.exp_string("up to 20 warning shots").unwrap();
    prompt(&mut p);
    // An empty Enter does nothing; Ctrl-C clears a line with text in it.
    keys(&mut p, "\r");
    prompt(&mut p);
    keys(&mut p, "nonsense words here");
    p.send_control('c').unwrap();
    p.send_line("help").unwrap();
    p.exp_string("Commands: help").unwrap();
    prompt(&mut p);
    // Ctrl-D on an empty line: a clean exit on a fresh line.
    p.send_control('d').unwrap();
    let rest = p.exp_eof().unwrap();
    assert!(rest.ends_with('\n'), "{rest:?}");
    exited_0(&p);
    let saved = std::fs::read_to_string(&history).unwrap();
    assert!(
        saved.contains("How many warning shots were fired?"),
        "{saved}"
    );

    // A new session: Up recalls the last line but one ("help"), then the question.
    let mut p = chat(&history, false);
    keys(&mut p, UP);
    keys(&mut p, UP);
    keys(&mut p, "\r");
    p.exp_string("up to 20 warning shots").unwrap();
    prompt(&mut p);
    p.send_line("exit").unwrap();
    p.exp_eof().unwrap();
    exited_0(&p);
}

#[test]
fn ctrl_c_on_an_empty_line_leaves_and_quit_is_a_command() {
    let dir = tempfile::tempdir().unwrap();
    let history = dir.path().join("history");
    let mut p = chat(&history, false);
    p.send_control('c').unwrap();
    p.exp_eof().unwrap();
    exited_0(&p);
    let mut p = chat(&history, false);
    p.send_line("quit").unwrap();
    let rest = p.exp_eof().unwrap();
    assert!(!rest.contains("You could ask"), "{rest}");
    exited_0(&p);
}

#[test]
fn colour_on_a_terminal_unless_no_color() {
    let dir = tempfile::tempdir().unwrap();
    let history = dir.path().join("history");
    for color in [true, false] {
        let mut p = chat(&history, color);
        p.send_line("How many warning shots were fired?").unwrap();
        let shown = p.exp_string("(confidence").unwrap();
        prompt(&mut p);
        // Bold for the answer.
        assert_eq!(shown.contains("\x1b[1m"), color, "{shown:?}");
        p.send_line("exit").unwrap();
        p.exp_eof().unwrap();
        exited_0(&p);
    }
}
