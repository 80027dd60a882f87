//! `factdesk eval`: scores the engine on a question file; with
//! `--min-answerable` / `--min-declines` it exits 1 below either floor, for CI.

use std::io::Write;
use std::path::Path;
use std::process::ExitCode;

use anyhow::Context;
use factdesk_core::eval::{Miss, Report};
use factdesk_core::{Engine, Status};
use serde_json::json;

/// What `eval` prints and checks.
#[derive(Debug, Default)]
pub struct Options {
    /// List every miss (text mode).
    pub misses: bool,
    /// One JSON object instead of text.
    pub json: bool,
    /// Print nothing: the exit code says it.
    pub quiet: bool,
    /// The lowest answerable accuracy that passes, in percent.
    pub min_answerable: Option<f64>,
    /// The lowest decline accuracy that passes, in percent.
    pub min_declines: Option<f64>,
}

/// Scores `engine` on the questions of `file`.
pub fn run(engine: &Engine, file: &Path, options: &Options) -> anyhow::Result<ExitCode> {
    let text = std::fs::read_to_string(file)
        .with_context(|| format!("{}: cannot read the question file", file.display()))?;
    let cases = factdesk_core::eval::parse_cases(&text, &file.display().to_string())?;
    let report = factdesk_core::eval::run(engine, &cases);
    let failures = floors(&report, options);
    let mut out = std::io::stdout().lock();
    if options.json {
        writeln!(out, "{}", to_json(&report, &failures))?;
    } else if !options.quiet {
        write!(out, "{}", to_text(&report, options.misses))?;
    }
    out.flush()?;
    if failures.is_empty() {
        Ok(ExitCode::SUCCESS)
    } else {
        if !options.quiet {
            for f in &failures {
                eprintln!("factdesk: eval: {f}");
            }
        }
        Ok(ExitCode::from(1))
    }
}

/// A share in percent, or `None` when there is nothing to share.
fn percent((right, total): (usize, usize)) -> Option<f64> {
    (total > 0).then(|| 100.0 * right as f64 / total as f64)
}

/// The floors `report` falls below, each as a sentence.
fn floors(report: &Report, options: &Options) -> Vec<String> {
    let mut failures = Vec::new();
    for (name, flag, floor, share) in [
        (
            "answerable",
            "--min-answerable",
            options.min_answerable,
            report.answerable,
        ),
        (
            "declines",
            "--min-declines",
            options.min_declines,
            report.declines,
        ),
    ] {
        let Some(floor) = floor else { continue };
        match percent(share) {
            Some(p) if p + 1e-9 < floor => failures.push(format!(
                "{name} {p:.1}% ({}/{}) is below {flag} {floor}",
                share.0, share.1
            )),
            Some(_) => {}
            None => failures.push(format!(
                "{flag} {floor} was asked, but the file has no {name} questions"
            )),
        }
    }
    failures
}

fn row(name: &str, share: (usize, usize)) -> String {
    let p = percent(share).map_or_else(|| "-".to_string(), |p| format!("{p:.1}%"));
    format!("{name:<14} {:>4}/{:<4} {p:>6}\n", share.0, share.1)
}

/// What a case expects, as words: `"20" and ("shots" or "rounds")`.
fn expected(miss: &Miss) -> String {
    match &miss.case.expect {
        None => "a decline (the articles do not say)".to_string(),
        Some(groups) => groups
            .iter()
            .map(|alts| {
                let quoted: Vec<String> = alts.iter().map(|a| format!("\"{a}\"")).collect();
                if quoted.len() > 1 {
                    format!("({})", quoted.join(" or "))
                } else {
                    quoted.join("")
                }
            })
            .collect::<Vec<_>>()
            .join(" and "),
    }
}

fn status(s: Status) -> &'static str {
    match s {
        Status::Answered => "answered",
        Status::Unknown => "declined",
    }
}

fn to_text(report: &Report, misses: bool) -> String {
    let mut s = String::new();
    for (kind, share) in &report.by_kind {
        let name = if kind.is_empty() { "(no kind)" } else { kind };
        s.push_str(&row(name, *share));
    }
    s.push_str(&row("answerable", report.answerable));
    s.push_str(&row("declines", report.declines));
    // Of the right answers, those whose short answer holds the expected words itself.
    s.push_str(&row("short answers", report.short_answers));
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
    s.push_str(&format!(
        "calibration    (answered, by confidence) {}\n",
        if bins.is_empty() {
            "-".to_string()
        } else {
            bins.join("  ")
        }
    ));
    if misses {
        for m in &report.misses {
            let quote = m.reply.sources.first().map_or("", |s| s.quote.as_str());
            s.push_str(&format!(
                "MISS [{}] \"{}\"\n     expected {}\n     got ({}, confidence {:.2}): {}\n",
                m.case.kind,
                m.case.q,
                expected(m),
                status(m.reply.status),
                m.reply.confidence,
                m.reply.answer,
            ));
            if !quote.is_empty() {
                s.push_str(&format!("     quoting: {quote}\n"));
            }
        }
    }
    s
}

fn share_json(share: (usize, usize)) -> serde_json::Value {
    json!({"right": share.0, "total": share.1, "percent": percent(share)})
}

fn to_json(report: &Report, failures: &[String]) -> serde_json::Value {
    let kinds: serde_json::Map<String, serde_json::Value> = report
        .by_kind
        .iter()
        .map(|(k, share)| (k.clone(), share_json(*share)))
        .collect();
    let misses: Vec<serde_json::Value> = report
        .misses
        .iter()
        .map(|m| {
            json!({
                "question": m.case.q,
                "kind": m.case.kind,
                "expect": m.case.expect,
                "status": status(m.reply.status),
                "answer": m.reply.answer,
                "confidence": m.reply.confidence,
                "quote": m.reply.sources.first().map(|s| s.quote.as_str()),
            })
        })
        .collect();
    json!({
        "kinds": kinds,
        "answerable": share_json(report.answerable),
        "declines": share_json(report.declines),
        "short_answers": share_json(report.short_answers),
        "calibration": report
            .calibration
            .iter()
            .enumerate()
            .map(|(i, share)| json!({
                "from": i as f64 / 10.0,
                "to": (i + 1) as f64 / 10.0,
                "right": share.0,
                "total": share.1,
            }))
            .collect::<Vec<_>>(),
        "misses": misses,
        "passed": failures.is_empty(),
        "failures": failures,
    })
}
