//! `factdesk generate`: a synthetic knowledge base for benchmarks.

use std::io::Write;
use std::path::Path;
use std::process::ExitCode;

use anyhow::Context;

/// Writes `facts` facts (the bundled knowledge at `knowledge_dir` plus
/// synthetic articles) and `questions` questions under `out`.
pub fn run(
    knowledge_dir: &Path,
    out: &Path,
    facts: usize,
    questions: usize,
    seed: u64,
) -> anyhow::Result<ExitCode> {
    let mut stdout = std::io::stdout().lock();
    let g = factdesk_store::generate::generate(knowledge_dir, out, facts, questions, seed)
        .with_context(|| format!("writing a synthetic knowledge base to {}", out.display()))?;
    writeln!(
        stdout,
        "{} facts ({} synthetic articles) in {}; questions in {}",
        g.facts,
        g.articles,
        g.knowledge.display(),
        g.questions.display()
    )?;
    Ok(ExitCode::SUCCESS)
}
