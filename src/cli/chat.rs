//! `factdesk chat`: an interactive terminal chat over the engine.
//!
//! On a terminal it reads through rustyline: line editing, history kept
//! across sessions, Ctrl-R search. `help`, `exit` and `quit` are commands;
//! blank lines are ignored; Ctrl-C clears the line (and on an empty line
//! leaves), Ctrl-D leaves, both on a fresh line. With stdin not a terminal
//! it reads lines plainly, with no banner or prompt, so a script can pipe
//! questions through it; with `--json` each answer is one JSON line.
//! `new` starts a fresh conversation.

use std::io::{BufRead, IsTerminal, Write};
use std::path::PathBuf;
use std::process::ExitCode;

use anyhow::Context;
use factdesk_core::engine::Conversation;
use factdesk_core::Engine;
use rustyline::error::ReadlineError;
use rustyline::{
    Cmd, ConditionalEventHandler, Event, EventContext, EventHandler, KeyEvent, Movement,
    RepeatCount,
};

use super::term::Look;

const HELP: &str = "\
Ask about the articles in plain words, e.g. \"How many warning shots were fired?\".
A follow-up (\"who said that?\", \"source?\", \"how old was he?\") is read against the last answer.
Commands: help (this text), new (forget the last answer), exit or quit (leave).
Keys: Up/Down walk the history, Ctrl-R searches it, Ctrl-C clears the line
(on an empty line it leaves), Ctrl-D leaves.
";

/// What one line of input asks for.
#[derive(Debug, PartialEq)]
enum Line<'a> {
    Blank,
    Help,
    New,
    Quit,
    Question(&'a str),
}

fn read(line: &str) -> Line<'_> {
    let line = line.trim();
    let word = line
        .trim_start_matches('/')
        .trim_end_matches(['.', '!'])
        .to_ascii_lowercase();
    match word.as_str() {
        "" => Line::Blank,
        "help" | "?" => Line::Help,
        "new" | "reset" | "forget" => Line::New,
        "exit" | "quit" | "q" | "bye" => Line::Quit,
        _ => Line::Question(line),
    }
}

/// Chats until `exit`, `quit`, Ctrl-D or the end of input.
pub fn run(engine: &Engine, json: bool) -> anyhow::Result<ExitCode> {
    let look = Look::stdout();
    let mut chat = Chat {
        engine,
        look,
        json,
        conversation: Conversation::default(),
    };
    if std::io::stdin().is_terminal() {
        chat.interactive()
    } else {
        chat.piped()
    }
}

struct Chat<'e> {
    engine: &'e Engine,
    look: Look,
    /// Answers as JSON lines; human text goes to stderr.
    json: bool,
    conversation: Conversation,
}

impl Chat<'_> {
    /// Handles one line; `false` to stop.
    fn line(&mut self, out: &mut impl Write, line: &str) -> anyhow::Result<bool> {
        match read(line) {
            Line::Blank => {}
            Line::Help if self.json => eprint!("{HELP}"),
            Line::Help => write!(out, "{HELP}")?,
            Line::New => {
                self.conversation.forget();
                if !self.json {
                    writeln!(out, "A new conversation: the next question starts fresh.\n")?;
                }
            }
            Line::Quit => return Ok(false),
            Line::Question(q) => {
                let answer = self.engine.answer_in(&mut self.conversation, q);
                if self.json {
                    writeln!(out, "{}", answer.to_json())?;
                } else {
                    writeln!(out, "{}", self.look.render(&answer))?;
                }
            }
        }
        out.flush()?;
        Ok(true)
    }

    fn piped(&mut self) -> anyhow::Result<ExitCode> {
        let stdin = std::io::stdin();
        let mut out = std::io::stdout().lock();
        for line in stdin.lock().lines() {
            let line = line.context("reading a question from stdin")?;
            if !self.line(&mut out, &line)? {
                break;
            }
        }
        Ok(ExitCode::SUCCESS)
    }

    fn interactive(&mut self) -> anyhow::Result<ExitCode> {
        let titles: Vec<String> = self
            .engine
            .articles()
            .into_iter()
            .map(|a| a.title)
            .collect();
        let mut out = std::io::stdout();
        let banner = format!(
            "factdesk: ask about \"{}\". Type help for help; exit or Ctrl-D to leave.",
            titles.join("\", \"")
        );
        if self.json {
            eprintln!("{banner}");
        } else {
            writeln!(out, "{banner}")?;
        }
        let config = rustyline::Config::builder()
            .auto_add_history(true)
            .history_ignore_dups(true)?
            .history_ignore_space(true)
            .max_history_size(1000)?
            .build();
        let mut editor = rustyline::DefaultEditor::with_config(config)
            .context("cannot open the terminal for line editing")?;
        editor.bind_sequence(
            KeyEvent::ctrl('C'),
            EventHandler::Conditional(Box::new(ClearOrLeave)),
        );
        let history = history_file();
        if let Some(path) = &history {
            // No history yet is the usual first run.
            let _ = editor.load_history(path);
        }
        let result = loop {
            match editor.readline("> ") {
                Ok(line) => match self.line(&mut out, &line) {
                    Ok(true) => {}
                    Ok(false) => break Ok(()),
                    Err(e) => break Err(e),
                },
                // Ctrl-D, or Ctrl-C on an empty line: leave on a fresh line.
                Err(ReadlineError::Eof | ReadlineError::Interrupted) => {
                    break writeln!(out).map_err(Into::into);
                }
                Err(e) => break Err(anyhow::Error::new(e).context("reading from the terminal")),
            }
        };
        if let Some(path) = &history {
            if let Some(dir) = path.parent() {
                let _ = std::fs::create_dir_all(dir);
            }
            // History is a convenience: a read-only home must not fail the chat.
            let _ = editor.save_history(path);
        }
        result.map(|()| ExitCode::SUCCESS)
    }
}

/// Ctrl-C clears a line with text in it, and on an empty line interrupts (leaves).
struct ClearOrLeave;

impl ConditionalEventHandler for ClearOrLeave {
    fn handle(&self, _: &Event, _: RepeatCount, _: bool, ctx: &EventContext) -> Option<Cmd> {
        if ctx.line().is_empty() {
            Some(Cmd::Interrupt)
        } else {
            Some(Cmd::Kill(Movement::WholeLine))
        }
    }
}

/// `FACTDESK_HISTORY` (empty: none), else `$XDG_STATE_HOME/factdesk/history`,
/// else `~/.local/state/factdesk/history`.
fn history_file() -> Option<PathBuf> {
    if let Some(path) = std::env::var_os("FACTDESK_HISTORY") {
        return (!path.is_empty()).then(|| PathBuf::from(path));
    }
    let state = std::env::var_os("XDG_STATE_HOME")
        .filter(|s| !s.is_empty())
        .map(PathBuf::from)
        .or_else(|| {
            std::env::var_os("HOME")
                .filter(|h| !h.is_empty())
                .map(|h| PathBuf::from(h).join(".local/state"))
        })?;
    Some(state.join("factdesk/history"))
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn commands_are_whole_words_only() {
        assert_eq!(read("  "), Line::Blank);
        assert_eq!(read("help"), Line::Help);
        assert_eq!(read("/HELP"), Line::Help);
        assert_eq!(read("exit"), Line::Quit);
        assert_eq!(read("Quit."), Line::Quit);
        assert_eq!(
            read("help me: who fired?"),
            Line::Question("help me: who fired?")
        );
        assert_eq!(read("exit polls?"), Line::Question("exit polls?"));
        assert_eq!(read("New"), Line::New);
        assert_eq!(read("new rules?"), Line::Question("new rules?"));
    }
}
