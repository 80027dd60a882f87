//! `factdesk draft ARTICLE_DIR`: writes a starting curated layer for a curator to review.

use std::io::Write;
use std::path::Path;
use std::process::ExitCode;

use anyhow::Context;

/// Drafts the curated layer of the article folder `dir`; with `stdout`, prints it instead.
pub fn run(dir: &Path, stdout: bool) -> anyhow::Result<ExitCode> {
    let mut out = std::io::stdout().lock();
    let draft = factdesk_store::draft(dir)?;
    if stdout {
        write!(out, "{}", draft.text)?;
        return Ok(ExitCode::SUCCESS);
    }
    // Written beside, then renamed: a reader never sees half a file.
    let partial = draft.path.with_extension("toml.partial");
    std::fs::write(&partial, &draft.text)
        .with_context(|| format!("cannot write {}", partial.display()))?;
    std::fs::rename(&partial, &draft.path)
        .with_context(|| format!("cannot write {}", draft.path.display()))?;
    writeln!(
        out,
        "wrote {}: {} facts, {} example questions, read from the text. Review it: shorten the \
         answers, rewrite the questions as readers ask them, then run `factdesk check`.",
        draft.path.display(),
        draft.facts,
        draft.questions
    )?;
    if draft.path.ends_with(factdesk_store::DRAFT_FILE) {
        writeln!(
            out,
            "The article already has a facts.toml: move the facts you keep into it."
        )?;
    }
    Ok(ExitCode::SUCCESS)
}
