//! `factdesk check`: validates the knowledge folder and reports, as
//! information, how much of each article a curated layer covers.

use std::io::Write;
use std::path::Path;
use std::process::ExitCode;

use factdesk_core::knowledge::coverage;
use factdesk_core::Engine;
use factdesk_store::Retention;

/// Checks the knowledge folder `dir`: any error in it fails the check (the
/// loader names the file, the line and the fix); coverage is information,
/// since a sentence no curated fact quotes still answers from the text.
/// Retired articles are checked too; `retention` only says how many it retires.
pub fn run(dir: &Path, list_uncovered: bool, retention: Retention) -> anyhow::Result<ExitCode> {
    let mut out = std::io::stdout().lock();
    let kb = factdesk_store::load(dir)?;
    let coverage = coverage::coverage(&kb);
    let curated = coverage.iter().filter(|c| c.facts > 0).count();
    for c in &coverage {
        if c.facts == 0 {
            writeln!(
        out,
                "{}: read from the text, {} sentences (no facts.toml; `factdesk draft {}` starts one)",
                c.article,
                c.sentences,
                dir.join("articles").join(&c.article).display()
            )?;
        } else {
            writeln!(
        out,
                "{}: {} curated facts quote {}/{} sentences ({:.0}%); the others answer from the text",
                c.article,
                c.facts,
                c.covered,
                c.sentences,
                100.0 * c.covered as f64 / c.sentences.max(1) as f64
            )?;
        }
        if list_uncovered && c.facts > 0 {
            for (place, text) in &c.uncovered {
                writeln!(out, "  not curated ({}): {text}", place_name(*place))?;
            }
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
                writeln!(
                    out,
                    "note: fact `{}`: its first question {q:?} is answered by `{}`",
                    fact.id,
                    got.unwrap_or_default()
                )?;
            }
        }
    }
    let kb = engine.knowledge();
    let own_groups: usize = kb
        .article_lexicons
        .iter()
        .map(|(_, l)| l.groups.len())
        .sum();
    writeln!(
        out,
        "{} facts, {} lexicon groups ({} of articles' own); {} first questions answered elsewhere",
        kb.facts.len(),
        kb.lexicon.groups.len() + own_groups,
        own_groups,
        astray
    )?;
    writeln!(
        out,
        "{articles} articles: {curated} curated, {} uncurated",
        articles - curated
    )?;
    if let Some(days) = retention.keep_days {
        match factdesk_store::load_with(dir, retention) {
            Ok(kept) => writeln!(
                out,
                "keep_days = {days}: {} of {articles} articles answer, {} retired",
                kept.articles.len(),
                articles - kept.articles.len()
            )?,
            Err(e) => writeln!(out, "note: {e}")?,
        }
    }
    writeln!(out, "ok")?;
    Ok(ExitCode::SUCCESS)
}

/// Where a sentence stands, as a reader says it.
fn place_name(place: factdesk_core::knowledge::article::Place) -> String {
    use factdesk_core::knowledge::article::Place;
    match place {
        Place::Headline => "headline".to_string(),
        Place::Caption => "caption".to_string(),
        Place::Body(n) => format!("paragraph {n}"),
    }
}
