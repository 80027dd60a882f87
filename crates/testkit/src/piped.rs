//! Running a command with text on its stdin, as a script pipes it.

use std::io::Write;
use std::process::{Command, Output, Stdio};

/// Runs `cmd` with `input` on stdin and stdout and stderr captured.
pub fn run(cmd: &mut Command, input: &str) -> Output {
    let mut child = cmd
        .stdin(Stdio::piped())
        .stdout(Stdio::piped())
        .stderr(Stdio::piped())
        .spawn()
        .expect("the command starts");
    child
        .stdin
        .take()
        .expect("a piped stdin")
        .write_all(input.as_bytes())
        .expect("the command reads its stdin");
    child.wait_with_output().expect("the command ends")
}
