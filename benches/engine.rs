//! Engine speed on the bundled knowledge and on sixteen articles at once:
//! `cargo bench --bench engine`.

use std::hint::black_box;
use std::path::PathBuf;

use criterion::{criterion_group, criterion_main, Criterion, Throughput};
use factdesk_core::Engine;

fn knowledge() -> PathBuf {
    PathBuf::from(env!("CARGO_MANIFEST_DIR")).join("knowledge")
}

/// A mix like real traffic: direct, casual, typos, declines, a summary.
const QUESTIONS: &[&str] = &[
    "How many warning shots were fired?",
    "how old is the defector",
    "wanacry victms",
    "What is the capital of Japan?",
    "panmunjum jeep crash",
    "Who reported the boat defection?",
    "tldr",
    "What was the soldier's name?",
];

fn bench(c: &mut Criterion) {
    let engine = Engine::new(factdesk_store::load(&knowledge()).unwrap());
    c.bench_function("answer/one question (mix of 8)", |b| {
        let mut i = 0;
        b.iter(|| {
            i = (i + 1) % QUESTIONS.len();
            black_box(engine.answer(black_box(QUESTIONS[i])))
        })
    });
    c.bench_function("complete/partial question", |b| {
        b.iter(|| black_box(engine.complete(black_box("how many warn"), 25)))
    });
    // The batch CLI's loop (`factdesk ask --json` < file): 20 000 questions from the
    // question files, answered as JSON lines on all cores.
    let lines: String = ["dev", "holdout", "fresh"]
        .iter()
        .flat_map(|f| {
            let path = knowledge().with_file_name(format!("tests/data/{f}-questions.jsonl"));
            std::fs::read_to_string(path)
                .unwrap()
                .lines()
                .map(str::to_string)
                .collect::<Vec<_>>()
        })
        .map(|l| {
            serde_json::from_str::<serde_json::Value>(&l).unwrap()["q"]
                .as_str()
                .unwrap()
                .to_string()
        })
        .cycle()
        .take(20_000)
        .map(|q| q + "\n")
        .collect();
    let mut group = c.benchmark_group("batch");
    group.throughput(Throughput::Elements(20_000));
    group.sample_size(20);
    group.bench_function("20000 questions as JSON lines", |b| {
        b.iter(|| {
            let mut input = std::io::BufReader::new(lines.as_bytes());
            factdesk_service::batch::answer_lines(&engine, &mut input, &mut std::io::sink())
                .unwrap()
        })
    });
    group.finish();
    c.bench_function("load/load and index the knowledge", |b| {
        b.iter(|| black_box(Engine::new(factdesk_store::load(&knowledge()).unwrap())))
    });
    many_articles(c);
}

/// Sixteen encyclopedia articles at once (SQuAD 2.0 train, `benches/data/squad-16/`),
/// none curated, and their own questions.
fn many_articles(c: &mut Criterion) {
    let dir = knowledge().with_file_name("benches/data/squad-16");
    let kb = factdesk_store::load(&dir.join("knowledge")).unwrap();
    let sentences: usize = kb.articles.iter().map(|a| a.sentences.len()).sum();
    println!(
        "squad-16: {} articles, {sentences} sentences",
        kb.articles.len()
    );
    let engine = Engine::new(kb);
    let questions: Vec<String> = std::fs::read_to_string(dir.join("questions.txt"))
        .unwrap()
        .lines()
        .map(str::to_string)
        .collect();
    let mut group = c.benchmark_group("squad-16");
    group.bench_function("answer/one question (its 480 cycled)", |b| {
        let mut i = 0;
        b.iter(|| {
            i = (i + 1) % questions.len();
            black_box(engine.answer(black_box(&questions[i])))
        })
    });
    group.sample_size(20);
    group.bench_function("load/load and index 16 articles", |b| {
        b.iter(|| {
            black_box(Engine::new(
                factdesk_store::load(&dir.join("knowledge")).unwrap(),
            ))
        })
    });
    group.finish();
}

criterion_group!(benches, bench);
criterion_main!(benches);
