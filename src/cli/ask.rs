//! `factdesk ask`: one question, or with `--json` every line of stdin.

use std::io::Write;
use std::process::ExitCode;

use anyhow::Context;
use factdesk_core::{Answer, Engine, Status};

/// Answers `question` (or, with `json` and no question, every line of stdin).
pub fn run(engine: &Engine, question: &str, json: bool, explain: bool) -> anyhow::Result<ExitCode> {
    if explain {
        if let Some(explanation) = engine.explain(question).explanation {
            println!("{explanation}");
        }
    }
    ask(engine, question, json)
}

fn ask(engine: &Engine, question: &str, json: bool) -> anyhow::Result<ExitCode> {
    let stdout = std::io::stdout();
    let mut out = stdout.lock();
    if json && question.trim().is_empty() {
        let mut input = std::io::BufReader::with_capacity(1 << 16, std::io::stdin().lock());
        let mut output = std::io::BufWriter::with_capacity(1 << 16, out);
        factdesk_service::batch::answer_lines(engine, &mut input, &mut output)
            .context("answering the questions on stdin")?;
        return Ok(ExitCode::SUCCESS);
    }
    if question.trim().is_empty() {
        anyhow::bail!(
            "no question given; try: factdesk ask \"How many warning shots were fired?\""
        );
    }
    let answer = engine.answer(question);
    if json {
        writeln!(out, "{}", answer.to_json())?;
    } else {
        write!(out, "{}", render(&answer))?;
    }
    Ok(ExitCode::SUCCESS)
}

/// A reply as readable terminal text.
pub fn render(a: &Answer) -> String {
    let mut s = String::new();
    match a.status {
        Status::Answered => {
            s.push_str(&format!("{}\n", a.answer));
            for (i, src) in a.sources.iter().enumerate() {
                let label = if i == 0 { "Source" } else { "Also" };
                s.push_str(&format!("\n  > {}\n", src.quote));
                let who = src.attribution.as_deref().unwrap_or("the article");
                let place = src.paragraph.map_or_else(
                    || "caption/headline".to_string(),
                    |p| format!("paragraph {p}"),
                );
                s.push_str(&format!("  {label}: {who}. \"{}\", {place}.\n", src.title));
            }
            s.push_str(&format!("  (confidence {:.2})\n", a.confidence));
        }
        Status::Unknown => {
            s.push_str(&format!("{}\n", a.answer));
            if !a.suggestions.is_empty() {
                s.push_str("You could ask:\n");
                for q in &a.suggestions {
                    s.push_str(&format!("  - {q}\n"));
                }
            }
        }
    }
    s
}
