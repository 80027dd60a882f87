//! `factdesk chat`: an interactive terminal chat over the engine.

use std::io::{BufRead, Write};
use std::process::ExitCode;

use factdesk_core::Engine;

use super::ask::render;

/// Chats until an empty line, `quit` or the end of input.
pub fn run(engine: &Engine) -> anyhow::Result<ExitCode> {
    let titles: Vec<String> = engine.articles().into_iter().map(|a| a.title).collect();
    println!(
        "factdesk: ask about \"{}\". Empty line or Ctrl-D to quit.",
        titles.join("\", \"")
    );
    let stdin = std::io::stdin();
    let mut line = String::new();
    loop {
        print!("> ");
        std::io::stdout().flush()?;
        line.clear();
        if stdin.lock().read_line(&mut line)? == 0
            || line.trim().is_empty()
            || line.trim() == "quit"
        {
            return Ok(ExitCode::SUCCESS);
        }
        println!("{}", render(&engine.answer(line.trim())));
    }
}
