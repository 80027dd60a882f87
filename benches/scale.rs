//! The engine on synthetic knowledge bases of 1 000 to 1 000 000 facts, beside a
//! naive baseline that scores every sentence with a `strsim` similarity.
//!
//! `cargo bench --bench scale` (all sizes; the knowledge bases are generated once
//! under `target/synthetic/`). `FACTDESK_BENCH_SIZES=1000,10000 cargo bench --bench scale`
//! runs only some sizes.

use std::hint::black_box;
use std::path::PathBuf;
use std::time::Duration;

use criterion::{criterion_group, criterion_main, BenchmarkId, Criterion};
use factdesk_core::knowledge::KnowledgeBase;
use factdesk_core::Engine;

/// Bumped whenever the generator changes, so stale knowledge bases are rewritten.
const GENERATOR_VERSION: &str = "1";

fn sizes() -> Vec<usize> {
    std::env::var("FACTDESK_BENCH_SIZES")
        .unwrap_or_else(|_| "1000,10000,100000,1000000".into())
        .split(',')
        .filter_map(|s| s.trim().parse().ok())
        .collect()
}

fn manifest() -> PathBuf {
    PathBuf::from(env!("CARGO_MANIFEST_DIR"))
}

/// The synthetic knowledge base of `facts` facts, generated on first use.
fn synthetic(facts: usize) -> (PathBuf, Vec<String>) {
    let target = std::env::var_os("CARGO_TARGET_DIR")
        .map(PathBuf::from)
        .unwrap_or_else(|| manifest().join("target"));
    let out = target.join("synthetic").join(format!("facts-{facts}"));
    let stamp = out.join("generator-version");
    if std::fs::read_to_string(&stamp).ok().as_deref() != Some(GENERATOR_VERSION) {
        eprintln!(
            "writing a synthetic knowledge base of {facts} facts to {}",
            out.display()
        );
        let knowledge = manifest().join("knowledge");
        factdesk_store::generate::generate(&knowledge, &out, facts, 500, 1, &|_, _| {})
            .expect("generate the knowledge base");
        std::fs::write(&stamp, GENERATOR_VERSION).unwrap();
    }
    let questions = std::fs::read_to_string(out.join("questions.txt"))
        .unwrap()
        .lines()
        .map(str::to_string)
        .collect();
    (out.join("knowledge"), questions)
}

/// Questions about the bundled article, asked at every size.
const BUNDLED: &[&str] = &[
    "How many warning shots were fired?",
    "how old is the defector",
    "wanacry victms",
    "What is the capital of Japan?",
];

/// The naive way: every sentence scored against the question with Sørensen-Dice
/// bigram similarity (`strsim`), best one wins.
struct Naive {
    sentences: Vec<String>,
}

impl Naive {
    fn new(kb: &KnowledgeBase) -> Naive {
        let sentences = kb
            .articles
            .iter()
            .flat_map(|a| a.sentences.iter().map(|s| s.text.to_lowercase()))
            .collect();
        Naive { sentences }
    }

    fn answer(&self, question: &str) -> Option<&str> {
        let q = question.to_lowercase();
        self.sentences
            .iter()
            .map(|s| (strsim::sorensen_dice(&q, s), s))
            .max_by(|a, b| a.0.total_cmp(&b.0))
            .filter(|(score, _)| *score > 0.3)
            .map(|(_, s)| s.as_str())
    }
}

fn bench(c: &mut Criterion) {
    for facts in sizes() {
        let (dir, mut questions) = synthetic(facts);
        questions.truncate(200);
        questions.extend(BUNDLED.iter().map(|s| s.to_string()));
        let engine = Engine::new(factdesk_store::load(&dir).unwrap());
        let big = facts >= 100_000;

        let mut group = c.benchmark_group("scale");
        if big {
            group.sample_size(20);
        }
        group.bench_with_input(BenchmarkId::new("question", facts), &engine, |b, e| {
            let mut i = 0;
            b.iter(|| {
                i = (i + 1) % questions.len();
                black_box(e.answer(black_box(&questions[i])))
            })
        });
        group.bench_with_input(BenchmarkId::new("autocomplete", facts), &engine, |b, e| {
            let partials = ["how many warn", "who said", "tell me about the"];
            let mut i = 0;
            b.iter(|| {
                i = (i + 1) % partials.len();
                black_box(e.complete(black_box(partials[i]), 25))
            })
        });
        group.finish();

        let mut group = c.benchmark_group("scale");
        group.sample_size(10);
        if big {
            group.measurement_time(Duration::from_secs(30));
        }
        group.bench_with_input(BenchmarkId::new("load", facts), &dir, |b, d| {
            b.iter(|| black_box(Engine::new(factdesk_store::load(d).unwrap())))
        });
        let naive = Naive::new(engine.knowledge());
        drop(engine);
        group.bench_with_input(
            BenchmarkId::new("naive strsim question", facts),
            &naive,
            |b, n| {
                let mut i = 0;
                b.iter(|| {
                    i = (i + 1) % questions.len();
                    black_box(n.answer(black_box(&questions[i])))
                })
            },
        );
        group.finish();
    }
}

fn config() -> Criterion {
    Criterion::default().warm_up_time(Duration::from_secs(1))
}

criterion_group! {
    name = benches;
    config = config();
    targets = bench
}
criterion_main!(benches);
