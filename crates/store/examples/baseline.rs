//! factdesk beside a BM25 sentence baseline, on the same questions, in the
//! same run (the figures in README: Answer quality).
//!
//! ```sh
//! cargo run --release -p factdesk-store --example baseline -- KNOWLEDGE_DIR QUESTIONS.jsonl...
//! ```
//!
//! The baseline: every sentence of every article is a document (folded,
//! stemmed words, stop words dropped; Lucene BM25, k1 = 1.2, b = 0.75); a
//! question gets its best sentence when the score reaches a threshold, else
//! a decline. The threshold is chosen on the very questions it is scored on
//! (the best of all observed top scores), so BM25's figure is its ceiling.

use std::collections::HashMap;
use std::path::Path;

use factdesk_core::answer::{Answer, Source, Status};
use factdesk_core::eval::{judge, parse_cases, run, Case};
use factdesk_core::text::{is_stopword, stem, words};
use factdesk_core::Engine;

const K1: f32 = 1.2;
const B: f32 = 0.75;

/// A BM25 index over sentences.
struct Bm25 {
    sentences: Vec<String>,
    postings: HashMap<String, Vec<(usize, f32)>>,
    lengths: Vec<f32>,
    average: f32,
}

fn terms(text: &str) -> Vec<String> {
    words(text)
        .into_iter()
        .filter(|w| !is_stopword(w))
        .map(|w| stem(&w))
        .collect()
}

impl Bm25 {
    fn new(sentences: Vec<String>) -> Bm25 {
        let mut postings: HashMap<String, Vec<(usize, f32)>> = HashMap::new();
        let mut lengths = Vec::new();
        for (i, s) in sentences.iter().enumerate() {
            let ts = terms(s);
            lengths.push(ts.len() as f32);
            let mut tf: HashMap<String, f32> = HashMap::new();
            for t in ts {
                *tf.entry(t).or_default() += 1.0;
            }
            for (t, n) in tf {
                postings.entry(t).or_default().push((i, n));
            }
        }
        let average = lengths.iter().sum::<f32>() / lengths.len().max(1) as f32;
        Bm25 {
            sentences,
            postings,
            lengths,
            average,
        }
    }

    /// The best sentence for `question` and its score.
    fn best(&self, question: &str) -> Option<(usize, f32)> {
        let n = self.sentences.len() as f32;
        let mut scores: HashMap<usize, f32> = HashMap::new();
        for t in terms(question) {
            let Some(list) = self.postings.get(&t) else {
                continue;
            };
            let df = list.len() as f32;
            let idf = ((n - df + 0.5) / (df + 0.5) + 1.0).ln();
            for &(d, tf) in list {
                let norm = K1 * (1.0 - B + B * self.lengths[d] / self.average);
                *scores.entry(d).or_default() += idf * tf * (K1 + 1.0) / (tf + norm);
            }
        }
        scores
            .into_iter()
            .max_by(|a, b| a.1.total_cmp(&b.1).then(b.0.cmp(&a.0)))
    }
}

fn reply(question: &str, sentence: Option<&str>) -> Answer {
    Answer {
        question: question.to_string(),
        status: if sentence.is_some() {
            Status::Answered
        } else {
            Status::Unknown
        },
        answer: sentence.unwrap_or_default().to_string(),
        confidence: 0.0,
        sources: sentence
            .map(|s| Source {
                quote: s.to_string(),
                attribution: None,
                article: String::new(),
                title: String::new(),
                paragraph: None,
                outlet: None,
                published: None,
                url: None,
            })
            .into_iter()
            .collect(),
        suggestions: Vec::new(),
        stories: Vec::new(),
    }
}

/// BM25 at its best threshold: (answerable right, declines right).
fn baseline(bm: &Bm25, cases: &[Case]) -> ((usize, usize), (usize, usize)) {
    let tops: Vec<Option<(usize, f32)>> = cases.iter().map(|c| bm.best(&c.q)).collect();
    let mut thresholds: Vec<f32> = tops.iter().flatten().map(|t| t.1).collect();
    thresholds.push(f32::INFINITY);
    let score = |at: f32| {
        let (mut a, mut d) = (0, 0);
        for (c, top) in cases.iter().zip(&tops) {
            let sentence = top
                .filter(|t| t.1 >= at)
                .map(|t| bm.sentences[t.0].as_str());
            if judge(c, &reply(&c.q, sentence)) {
                if c.expect.is_some() {
                    a += 1
                } else {
                    d += 1
                }
            }
        }
        (a, d)
    };
    let best = thresholds
        .iter()
        .map(|&t| score(t))
        .max_by_key(|(a, d)| a + d)
        .unwrap_or((0, 0));
    let answerable = cases.iter().filter(|c| c.expect.is_some()).count();
    ((best.0, answerable), (best.1, cases.len() - answerable))
}

fn pct((r, t): (usize, usize)) -> String {
    if t == 0 {
        "-".to_string()
    } else {
        format!("{r}/{t} ({:.1}%)", 100.0 * r as f64 / t as f64)
    }
}

fn main() {
    let args: Vec<String> = std::env::args().skip(1).collect();
    let [dir, files @ ..] = args.as_slice() else {
        eprintln!("usage: baseline KNOWLEDGE_DIR QUESTIONS.jsonl...");
        std::process::exit(2);
    };
    let kb = factdesk_store::load(Path::new(dir)).unwrap_or_else(|e| panic!("{e}"));
    let mut sentences: Vec<String> = Vec::new();
    for a in &kb.articles {
        for s in &a.sentences {
            if !sentences.contains(&s.text) {
                sentences.push(s.text.clone());
            }
        }
    }
    let bm = Bm25::new(sentences);
    let engine = Engine::new(kb);
    println!(
        "| questions | factdesk answerable | factdesk declines | BM25 answerable | BM25 declines |"
    );
    println!("| --- | --- | --- | --- | --- |");
    for file in files {
        let text = std::fs::read_to_string(file).unwrap_or_else(|e| panic!("{file}: {e}"));
        let cases = parse_cases(&text, file).unwrap_or_else(|e| panic!("{e}"));
        let ours = run(&engine, &cases);
        let (a, d) = baseline(&bm, &cases);
        println!(
            "| {file} | {} | {} | {} | {} |",
            pct(ours.answerable),
            pct(ours.declines),
            pct(a),
            pct(d)
        );
    }
}
