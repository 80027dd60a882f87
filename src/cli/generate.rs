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
    force: bool,
) -> anyhow::Result<ExitCode> {
    let mut stdout = std::io::stdout().lock();
    let full = std::fs::read_dir(out).is_ok_and(|mut entries| entries.next().is_some());
    if full && !force {
        anyhow::bail!(
            "{} is not empty: name a new or empty folder with --out, or add --force to replace what generate writes there",
            out.display()
        );
    }
    let steps = super::progress::Steps::new("generating");
    steps.stage("synthetic articles");
    let g = factdesk_store::generate::generate(
        knowledge_dir,
        out,
        facts,
        questions,
        seed,
        &|done, total| steps.at(done, total),
    )
    .with_context(|| format!("writing a synthetic knowledge base to {}", out.display()))?;
    steps.finish();
    writeln!(
        stdout,
        "{} facts ({} synthetic articles) in {}; questions in {} (for eval: {})\nuse it with: factdesk --knowledge {} ask \"...\"",
        g.facts,
        g.articles,
        g.knowledge.display(),
        g.questions.display(),
        g.eval.display(),
        g.knowledge.display()
    )?;
    Ok(ExitCode::SUCCESS)
}
