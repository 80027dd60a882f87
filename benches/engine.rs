//! Engine speed on the bundled knowledge: `cargo bench --bench engine`.

use std::hint::black_box;
use std::path::PathBuf;

use criterion::{criterion_group, criterion_main, Criterion};
use factdesk::Engine;

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
    let engine = Engine::load(&knowledge()).unwrap();
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
    c.bench_function("load/load and index the knowledge", |b| {
        b.iter(|| black_box(Engine::load(&knowledge()).unwrap()))
    });
}

criterion_group!(benches, bench);
criterion_main!(benches);
