//! `factdesk check`: validates the knowledge folder and prints its coverage.
//!
//! Every file is checked, retired articles included; an invalid one is an
//! error naming the file and the line. How much of each article the curated
//! layer covers is information, not an error: an article just added, with no
//! `facts.toml`, answers with its own sentences.

use std::path::Path;
use std::process::ExitCode;

use factdesk_core::knowledge::coverage;
use factdesk_core::Engine;
use factdesk_store::Retention;

/// Checks the knowledge folder `dir`; `retention` only says how many articles it retires.
pub fn run(dir: &Path, retention: Retention) -> anyhow::Result<ExitCode> {
    let kb = factdesk_store::load(dir)?;
    let coverage = coverage::coverage(&kb);
    let (mut curated, mut uncovered) = (0, 0);
    for c in &coverage {
        if c.facts == 0 {
            println!(
                "{}: uncurated; its {} sentences answer on their own",
                c.article, c.sentences
            );
            continue;
        }
        curated += 1;
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
            println!(
                "note: {}: uncovered sentence ({place:?}): {text:?}; a fact that quotes it would cover it",
                facts.display()
            );
        }
    }
    let articles = kb.articles.len();
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
    println!(
        "{articles} articles: {curated} curated, {} uncurated; {uncovered} sentence(s) of curated articles not covered by a curated fact",
        articles - curated
    );
    if let Some(days) = retention.keep_days {
        match factdesk_store::load_with(dir, retention) {
            Ok(kept) => println!(
                "keep_days = {days}: {} of {articles} articles answer, {} retired",
                kept.articles.len(),
                articles - kept.articles.len()
            ),
            Err(e) => println!("note: {e}"),
        }
    }
    println!("ok");
    Ok(ExitCode::SUCCESS)
}
