//! `factdesk check`: validates the knowledge folder and prints its coverage.

use std::path::Path;
use std::process::ExitCode;

use factdesk_core::knowledge::coverage;
use factdesk_core::Engine;

/// Checks the knowledge folder `dir`.
pub fn run(dir: &Path) -> anyhow::Result<ExitCode> {
    let kb = factdesk_store::load(dir)?;
    let coverage = coverage::coverage(&kb);
    let mut uncovered = 0;
    for c in &coverage {
        println!(
            "{}: {} curated facts; {}/{} sentences covered ({:.0}%)",
            c.article,
            c.facts,
            c.covered,
            c.sentences,
            100.0 * c.covered as f64 / c.sentences.max(1) as f64
        );
        for (place, text) in &c.uncovered {
            uncovered += 1;
            let facts = dir.join("articles").join(&c.article).join("facts.toml");
            eprintln!(
                "{}: uncovered sentence ({place:?}): {text:?}; add a fact that quotes it",
                facts.display()
            );
        }
    }
    let engine = Engine::new(kb);
    let mut astray = 0;
    for fact in engine.knowledge().facts.iter().filter(|f| f.curated) {
        if let Some(q) = fact.questions.first() {
            let got = engine.rank(q, 1).first().map(|(f, _)| f.id.clone());
            if got.as_deref() != Some(fact.id.as_str()) {
                astray += 1;
                println!(
                    "note: fact `{}`: its first question {q:?} is answered by `{}`",
                    fact.id,
                    got.unwrap_or_default()
                );
            }
        }
    }
    println!(
        "{} facts, {} lexicon groups; {} first questions answered elsewhere",
        engine.knowledge().facts.len(),
        engine.knowledge().lexicon.groups.len(),
        astray
    );
    if uncovered > 0 {
        eprintln!("factdesk: {uncovered} sentence(s) not covered by a curated fact");
        return Ok(ExitCode::from(2));
    }
    println!("ok");
    Ok(ExitCode::SUCCESS)
}
