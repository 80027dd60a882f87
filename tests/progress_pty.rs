//! Progress bars on a terminal only: `generate` and loading a large
//! knowledge base show one on a pseudo-terminal, and nothing reaches a
//! pipe. A bar normally shows once a step has run for half a second; the
//! debug build's `FACTDESK_DEBUG_PROGRESS_NOW` shows it at once, so that
//! nothing here depends on timing.

use std::process::Command;

use rexpect::process::WaitStatus;

fn factdesk() -> Command {
    let mut c = Command::new(env!("CARGO_BIN_EXE_factdesk"));
    c.current_dir(factdesk_testkit::fixture::bundled_home())
        .env("TERM", "xterm")
        .env("FACTDESK_DEBUG_PROGRESS_NOW", "1");
    c
}

/// Runs `cmd` in a pseudo-terminal to its end; its output, status 0 checked.
fn on_a_terminal(cmd: Command) -> String {
    let mut p = rexpect::session::spawn_command(cmd, Some(120_000)).unwrap();
    let out = p.exp_eof().unwrap();
    match p.process().wait().unwrap() {
        WaitStatus::Exited(_, code) => assert_eq!(code, 0, "{out}"),
        other => panic!("{other:?}: {out}"),
    }
    out
}

#[test]
fn generate_and_loading_show_a_bar_on_a_terminal_and_nothing_in_a_pipe() {
    let dir = tempfile::tempdir().unwrap();
    let out = dir.path().join("kb");
    let out = out.to_str().unwrap();
    let mut generate = factdesk();
    generate.args([
        "generate",
        "--facts",
        "3000",
        "--questions",
        "10",
        "--out",
        out,
    ]);
    let shown = on_a_terminal(generate);
    assert!(shown.contains("generating ["), "{shown}");
    assert!(shown.contains("3000 facts"), "{shown}");

    let knowledge = format!("{out}/knowledge");
    let mut ask = factdesk();
    ask.args(["--knowledge", &knowledge, "ask", "what happened?"]);
    let shown = on_a_terminal(ask);
    assert!(shown.contains("loading ["), "{shown}");
    assert!(
        shown.contains("/13 reading the articles") || shown.contains("indexing"),
        "{shown}"
    );

    // In a pipe: the answer alone, no bar.
    let piped = factdesk()
        .args(["--knowledge", &knowledge, "ask", "what happened?"])
        .output()
        .unwrap();
    assert!(piped.status.success());
    let stderr = String::from_utf8_lossy(&piped.stderr);
    assert!(stderr.is_empty(), "{stderr}");
    assert!(!String::from_utf8_lossy(&piped.stdout).contains("loading ["));
}
