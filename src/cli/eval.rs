//! `factdesk eval`: scores the engine on a question file.

use std::path::Path;
use std::process::ExitCode;

use anyhow::Context;
use factdesk_core::Engine;

/// Scores `engine` on the questions of `file`.
pub fn run(engine: &Engine, file: &Path, show_misses: bool) -> anyhow::Result<ExitCode> {
    let text = std::fs::read_to_string(file)
        .with_context(|| format!("{}: cannot read the question file", file.display()))?;
    let cases = factdesk_core::eval::parse_cases(&text, &file.display().to_string())?;
    let report = factdesk_core::eval::run(engine, &cases);
    for (kind, (right, total)) in &report.by_kind {
        println!(
            "{kind:<14} {right:>4}/{total:<4} {:>6.1}%",
            100.0 * *right as f64 / (*total).max(1) as f64
        );
    }
    println!(
        "answerable     {:>4}/{:<4} {:>6.1}%\ndeclines       {:>4}/{:<4} {:>6.1}%",
        report.answerable.0,
        report.answerable.1,
        100.0 * report.answerable_accuracy(),
        report.declines.0,
        report.declines.1,
        100.0 * report.decline_accuracy()
    );
    let bins: Vec<String> = report
        .calibration
        .iter()
        .enumerate()
        .filter(|(_, (_, n))| *n > 0)
        .map(|(i, (right, n))| {
            format!(
                "{:.1}-{:.1}: {right}/{n} ({:.0}%)",
                i as f64 / 10.0,
                (i + 1) as f64 / 10.0,
                100.0 * *right as f64 / *n as f64
            )
        })
        .collect();
    println!(
        "calibration    (answered, by confidence) {}",
        bins.join("  ")
    );
    if show_misses {
        for m in &report.misses {
            let quote = m.reply.sources.first().map_or("", |s| s.quote.as_str());
            println!(
                "MISS [{}] {:?} expect {:?}\n     got {:?} ({:.2}): {} | {}",
                m.case.kind,
                m.case.q,
                m.case.expect,
                m.reply.status,
                m.reply.confidence,
                m.reply.answer,
                quote
            );
        }
    }
    Ok(ExitCode::SUCCESS)
}
