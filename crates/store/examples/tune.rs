//! Tuning the engine without the rest of factdesk (it builds in a fraction
//! of the time): scoring a question file, and dumping the measures the
//! learned model is fitted on (`tools/train_model.py`).
//!
//! ```text
//! cargo run --release -p factdesk-store --example tune -- eval KNOWLEDGE_DIR QUESTIONS.jsonl
//! cargo run --release -p factdesk-store --example tune -- features KNOWLEDGE_DIR QUESTIONS.jsonl [CANDIDATES] > rows.jsonl
//! ```
//! `eval` prints what `factdesk eval` prints (accuracy by kind, then every
//! miss). `features` prints one JSON line per candidate fact: the question's
//! index and kind, whether it is answerable, the candidate's rank, its label
//! (1 when its text holds every expected group), its sentence and its measures in
//! `factdesk_core::engine::features::NAMES` order.

use std::path::Path;

use factdesk_core::eval::{self, matches, parse_cases};
use factdesk_core::Engine;

/// Loads a knowledge folder as factdesk does.
fn load(dir: &Path) -> factdesk_core::KnowledgeBase {
    factdesk_store::load(dir).unwrap_or_else(|e| panic!("{e}"))
}

fn main() {
    let args: Vec<String> = std::env::args().collect();
    let usage = "usage: tune (eval|features|checked) KNOWLEDGE_DIR QUESTIONS.jsonl [CANDIDATES]";
    if let [mode, dir, question] = &args[1..] {
        if mode == "explain" {
            let engine = Engine::new(load(Path::new(dir)));
            let reply = engine.explain(question);
            println!("{}", reply.answer.answer);
            if let Some(e) = reply.explanation {
                println!("{e}");
            }
            for c in engine.checked(question) {
                let fact = engine.knowledge().fact(c.scored.fact);
                println!(
                    "  chance {:.2} logit {:+.2} {}{} {:?}",
                    c.chance,
                    c.scored.logit,
                    fact.id,
                    if c.scored.stranger {
                        " (another story)"
                    } else {
                        ""
                    },
                    c.extracted.map(|e| e.text)
                );
            }
            return;
        }
    }
    let (mode, dir, file) = match &args[1..] {
        [mode, dir, file, ..] => (mode.as_str(), Path::new(dir), file),
        _ => panic!("{usage}"),
    };
    let engine = Engine::new(load(dir));
    let text = std::fs::read_to_string(file).expect("questions");
    let cases = parse_cases(&text, file).expect("a question file");
    match mode {
        "eval" => evaluate(&engine, &cases),
        "features" => features(
            &engine,
            &cases,
            args.get(4).map_or(30, |s| s.parse().expect("a count")),
        ),
        "checked" => checked(&engine, &cases),
        _ => panic!("{usage}"),
    }
}

fn evaluate(engine: &Engine, cases: &[eval::Case]) {
    let report = eval::run(engine, cases);
    for (kind, (right, total)) in &report.by_kind {
        println!(
            "{kind:<14} {right:>4}/{total:<4} {:>6.1}%",
            100.0 * *right as f64 / (*total).max(1) as f64
        );
    }
    println!(
        "answerable     {:>4}/{:<4}\ndeclines       {:>4}/{:<4}",
        report.answerable.0, report.answerable.1, report.declines.0, report.declines.1
    );
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

/// Whether a reply text holds every expected group.
fn right(case: &eval::Case, reply: &str) -> bool {
    case.expect.as_ref().is_some_and(|groups| {
        groups
            .iter()
            .all(|alts| alts.iter().any(|a| matches(reply, a)))
    })
}

/// The decision's measures of the best few facts, with their labels.
fn checked(engine: &Engine, cases: &[eval::Case]) {
    let kb = engine.knowledge();
    for (qi, case) in cases.iter().enumerate() {
        for (rank, c) in engine.checked(&case.q).into_iter().enumerate() {
            let fact = kb.fact(c.scored.fact);
            let quote = &kb.article(fact.article).sentences[fact.evidence[0]].text;
            let answer = c
                .extracted
                .as_ref()
                .map_or(fact.answer.as_str(), |e| e.text.as_str());
            let row = serde_json::json!({
                "q": qi,
                "kind": case.kind,
                "answerable": case.expect.is_some(),
                "rank": rank,
                "label": right(case, &format!("{answer} {quote}")),
                "chance": c.chance,
                "answer": answer,
                "stranger": c.scored.stranger,
                "logit": c.scored.logit,
                "f": c.measures.to_vec(),
            });
            println!("{row}");
        }
    }
}

fn features(engine: &Engine, cases: &[eval::Case], k: usize) {
    let kb = engine.knowledge();
    for (qi, case) in cases.iter().enumerate() {
        for (rank, (fact, scored)) in engine.rank(&case.q, k).into_iter().enumerate() {
            let article = kb.article(fact.article);
            let quote = &article.sentences[fact.evidence[0]].text;
            let label = right(case, &format!("{} {}", fact.answer, quote));
            let row = serde_json::json!({
                "q": qi,
                "kind": case.kind,
                "answerable": case.expect.is_some(),
                "rank": rank,
                "label": label,
                "article": article.id,
                "fact": fact.id,
                "quote": quote,
                "f": scored.features.0.to_vec(),
            });
            println!("{row}");
        }
        if engine.rank(&case.q, 1).is_empty() {
            let row = serde_json::json!({"q": qi, "kind": case.kind, "answerable": case.expect.is_some(), "rank": -1});
            println!("{row}");
        }
    }
}
