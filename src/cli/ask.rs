//! `factdesk ask`: one question, or with `--json` every line of stdin.

use std::io::Write;
use std::process::ExitCode;

use anyhow::Context;
use factdesk_core::Engine;

use super::term::Look;

/// Answers `question` (or, with `json` and no question, every line of stdin).
/// With `explain`, the explanation follows the answer in text, or is the
/// `explain` object of the JSON line: stdout in JSON mode is JSON only.
pub fn run(engine: &Engine, question: &str, json: bool, explain: bool) -> anyhow::Result<ExitCode> {
    let stdout = std::io::stdout();
    let mut out = stdout.lock();
    if json && question.trim().is_empty() {
        let mut input = std::io::BufReader::with_capacity(1 << 16, std::io::stdin().lock());
        let mut output = std::io::BufWriter::with_capacity(1 << 16, out);
        factdesk_service::batch::answer_lines(engine, &mut input, &mut output)
            .context("answering the questions on stdin")?;
        output.flush()?;
        return Ok(ExitCode::SUCCESS);
    }
    if question.trim().is_empty() {
        anyhow::bail!(
            "no question given; try: factdesk ask \"How many warning shots were fired?\""
        );
    }
    let reply = if explain {
        engine.explain(question)
    } else {
        factdesk_core::engine::Reply {
            answer: engine.answer(question),
            explanation: None,
        }
    };
    if json {
        // The answer's own field order, then `explain` last.
        let mut line = reply.answer.to_json();
        if let Some(e) = &reply.explanation {
            line.pop();
            line.push_str(",\"explain\":");
            line.push_str(&serde_json::to_string(e)?);
            line.push('}');
        }
        writeln!(out, "{line}")?;
    } else {
        write!(out, "{}", Look::stdout().render(&reply.answer))?;
        if let Some(e) = &reply.explanation {
            writeln!(out, "\n{e}")?;
        }
    }
    out.flush()?;
    Ok(ExitCode::SUCCESS)
}
