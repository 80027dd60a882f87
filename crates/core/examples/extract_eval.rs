//! Measures the short-answer extractor (`factdesk_core::engine::extract`)
//! on question kits with gold answers.
//!
//! For every answerable question of a kit (`questions.jsonl`: `q`, `expect`
//! = groups of gold alternatives, `article`, optional `para`), it takes the
//! first sentence of the question's paragraph (else of the whole article)
//! that contains a gold alternative of every group, asks
//! [`short_answer`] with the question's [`wanted_of`], [`focus_of`] and
//! [`question_words_of`], and reports the share of answers holding a gold
//! alternative (word-bounded, case-insensitive, as `eval` judges), the share
//! of `None`, and the mean length of answers and sentences in words.
//!
//! A kit is a folder holding `questions.jsonl` and `knowledge/articles/`;
//! `DIR:FILE` names another question file of the folder (the news kit's
//! `questions-tune.jsonl`). Run it from the workspace root (an optimised
//! build times the calls fairly):
//!
//! ```text
//! cargo run --release -p factdesk-core --example extract_eval -- \
//!     /work/tuning/squad2/kit-a /work/tuning/squad2/kit-b
//! ```
//!
//! `--rounds N` sets how many warm timing rounds follow (default 5).
//! `--hits N` prints N right answers per kit the same way.
//! `--misses N` also prints N wrong answers per kit (question, wanted type,
//! gold, answer, sentence); `--type T` keeps only questions whose wanted
//! type's name is T (`Number`, `Thing`...).

use factdesk_core::engine::extract::{
    candidates, focus_of, question_words_of, short_answer, wanted_of, Request, Wanted,
};
use factdesk_core::eval::contains_words;
use std::collections::BTreeMap;
use std::time::{Duration, Instant};

/// Splits a paragraph into sentences at . ? ! followed by a space and a
/// capital, digit or quote, not after a title, an initial or "No.".
fn sentences(paragraph: &str) -> Vec<&str> {
    const ABBREV: &[&str] = &[
        "Mr", "Mrs", "Ms", "Dr", "St", "Jr", "Sr", "Prof", "Gen", "Gov", "Sen", "Rep", "Lt", "Col",
        "Capt", "Sgt", "No", "vs", "etc", "Inc", "Ltd", "Co", "Corp", "Jan", "Feb", "Mar", "Apr",
        "Jun", "Jul", "Aug", "Sep", "Sept", "Oct", "Nov", "Dec", "c", "ca", "e.g", "i.e", "U.S",
        "approx", "Mt", "Ft", "op", "cf", "al",
    ];
    let b = paragraph.as_bytes();
    let mut out = Vec::new();
    let mut start = 0;
    for (i, &c) in b.iter().enumerate() {
        if !matches!(c, b'.' | b'?' | b'!') || i + 2 >= b.len() || b[i + 1] != b' ' {
            continue;
        }
        let next = paragraph[i + 2..].chars().next().unwrap_or(' ');
        if !(next.is_uppercase() || next.is_ascii_digit() || next == '"' || next == '\u{201C}') {
            continue;
        }
        let word = paragraph[start..i].rsplit(' ').next().unwrap_or("");
        let single_initial = word.len() == 1 && word.chars().all(|c| c.is_uppercase());
        if c == b'.' && (ABBREV.contains(&word) || single_initial) {
            continue;
        }
        out.push(paragraph[start..=i].trim());
        start = i + 2;
    }
    if start < paragraph.len() {
        out.push(paragraph[start..].trim());
    }
    out.retain(|s| !s.is_empty());
    out
}

#[derive(Default)]
struct Tally {
    asked: usize,
    hits: usize,
    nones: usize,
    answer_words: usize,
    answered: usize,
    sentence_words: usize,
}

fn words(s: &str) -> usize {
    s.split_whitespace().count()
}

fn main() {
    let mut args: Vec<String> = std::env::args().skip(1).collect();
    let mut misses = 0usize;
    let mut rounds = 5usize;
    let mut hits = 0usize;
    let mut only: Option<String> = None;
    let mut i = 0;
    while i < args.len() {
        match args[i].as_str() {
            "--misses" => {
                misses = args.get(i + 1).and_then(|n| n.parse().ok()).unwrap_or(20);
                args.drain(i..i + 2);
            }
            "--rounds" => {
                rounds = args.get(i + 1).and_then(|n| n.parse().ok()).unwrap_or(5);
                args.drain(i..i + 2);
            }
            "--hits" => {
                hits = args.get(i + 1).and_then(|n| n.parse().ok()).unwrap_or(20);
                args.drain(i..i + 2);
            }
            "--type" => {
                only = args.get(i + 1).cloned();
                args.drain(i..i + 2);
            }
            _ => i += 1,
        }
    }
    if args.is_empty() {
        args = vec![
            "/work/tuning/squad2/kit-a".into(),
            "/work/tuning/squad2/kit-b".into(),
        ];
    }
    let mut pairs: Vec<(String, String)> = Vec::new();
    let mut time = Duration::ZERO;
    let mut span_time = Duration::ZERO;
    let mut calls = 0u32;
    for kit in &args {
        let (time_before, span_before, calls_before) = (time, span_time, calls);
        // "DIR" reads DIR/questions.jsonl; "DIR:FILE" reads DIR/FILE.
        let (dir, file) = kit
            .split_once(':')
            .unwrap_or((kit.as_str(), "questions.jsonl"));
        let text = std::fs::read_to_string(format!("{dir}/{file}"))
            .unwrap_or_else(|e| panic!("{dir}/{file}: {e}"));
        let mut total = Tally::default();
        let mut by_type: BTreeMap<String, Tally> = BTreeMap::new();
        let mut no_sentence = 0;
        let mut shown = 0;
        let mut shown_hits = 0;
        let mut articles: BTreeMap<String, String> = BTreeMap::new();
        for line in text.lines().filter(|l| !l.trim().is_empty()) {
            let case: serde_json::Value = serde_json::from_str(line).expect("a JSON line");
            let Some(groups) = case["expect"].as_array() else {
                continue;
            };
            let groups: Vec<Vec<String>> = groups
                .iter()
                .map(|g| {
                    g.as_array()
                        .into_iter()
                        .flatten()
                        .filter_map(|a| a.as_str().map(String::from))
                        .collect()
                })
                .collect();
            let question = case["q"].as_str().unwrap_or("");
            let article = case["article"].as_str().unwrap_or("");
            let body = articles.entry(article.to_string()).or_insert_with(|| {
                std::fs::read_to_string(format!("{dir}/knowledge/articles/{article}/article.txt"))
                    .unwrap_or_default()
            });
            let paragraphs: Vec<&str> = body
                .lines()
                .skip(1)
                .filter(|l| !l.trim().is_empty())
                .collect();
            let holds = |s: &str| {
                groups
                    .iter()
                    .all(|g| g.iter().any(|a| contains_words(s, a)))
            };
            let para = case["para"]
                .as_u64()
                .and_then(|p| paragraphs.get(p as usize).copied());
            let sentence = para
                .into_iter()
                .chain(paragraphs.iter().copied())
                .flat_map(sentences)
                .find(|s| holds(s));
            let Some(sentence) = sentence else {
                no_sentence += 1;
                continue;
            };
            let wanted = wanted_of(question);
            let type_name = format!("{:?}", wanted.unwrap_or(Wanted::Thing));
            if only.as_ref().is_some_and(|t| *t != type_name) {
                continue;
            }
            pairs.push((sentence.to_string(), question.to_string()));
            let focus = focus_of(question);
            let qwords = question_words_of(question);
            let request = Request {
                question,
                wanted,
                focus: focus.as_deref(),
                question_words: &qwords,
            };
            let started = Instant::now();
            let answer = short_answer(sentence, &request);
            time += started.elapsed();
            calls += 1;
            let started = Instant::now();
            let spans = candidates(sentence);
            span_time += started.elapsed();
            std::hint::black_box(spans);
            for tally in [&mut total, by_type.entry(type_name.clone()).or_default()] {
                tally.asked += 1;
                tally.sentence_words += words(sentence);
                match &answer {
                    None => tally.nones += 1,
                    Some(a) => {
                        tally.answered += 1;
                        tally.answer_words += words(a);
                        if holds(a) {
                            tally.hits += 1;
                        }
                    }
                }
            }
            if shown_hits < hits && answer.as_deref().is_some_and(holds) {
                shown_hits += 1;
                println!("+ Q: {question}  [{type_name}]\n  got:  {answer:?}\n  in:   {sentence}");
            }
            if shown < misses && !answer.as_deref().is_some_and(holds) {
                shown += 1;
                println!("- Q: {question}  [{type_name}, focus {focus:?}]\n  gold: {groups:?}\n  got:  {answer:?}\n  in:   {sentence}");
            }
        }
        let pct = |a: usize, b: usize| {
            if b == 0 {
                0.0
            } else {
                100.0 * a as f64 / b as f64
            }
        };
        let mean = |a: usize, b: usize| if b == 0 { 0.0 } else { a as f64 / b as f64 };
        println!(
            "{kit}: {} questions with a gold sentence ({no_sentence} without): hit {:.1}%, None {:.1}%, answer {:.1} words on average (sentence {:.1})",
            total.asked,
            pct(total.hits, total.asked),
            pct(total.nones, total.asked),
            mean(total.answer_words, total.answered),
            mean(total.sentence_words, total.asked),
        );
        let kit_calls = f64::from(calls - calls_before).max(1.0);
        println!(
            "  time: short_answer {:.1} µs per call, candidates {:.1} µs per call",
            (time - time_before).as_secs_f64() * 1e6 / kit_calls,
            (span_time - span_before).as_secs_f64() * 1e6 / kit_calls
        );
        for (name, t) in &by_type {
            println!(
                "  {name:<12} {:>4}  hit {:>5.1}%  None {:>5.1}%  answer {:>4.1} words",
                t.asked,
                pct(t.hits, t.asked),
                pct(t.nones, t.asked),
                mean(t.answer_words, t.answered)
            );
        }
    }
    // Warm timing: every pair again, `--rounds` times (default 5; WordNet
    // pages and the extractor's word memo loaded, as in a running bot). On a
    // busy machine, compare CPU time (`perf stat`) of `--rounds 0` and
    // `--rounds N` rather than these wall-clock figures.
    if !pairs.is_empty() && rounds > 0 {
        let started = Instant::now();
        for _ in 0..rounds {
            for (sentence, question) in &pairs {
                let words = question_words_of(question);
                let focus = focus_of(question);
                let request = Request {
                    question,
                    wanted: wanted_of(question),
                    focus: focus.as_deref(),
                    question_words: &words,
                };
                std::hint::black_box(short_answer(sentence, &request));
            }
        }
        let full = started.elapsed().as_secs_f64() * 1e6 / (rounds * pairs.len()) as f64;
        let started = Instant::now();
        for _ in 0..rounds {
            for (sentence, _) in &pairs {
                std::hint::black_box(candidates(sentence));
            }
        }
        let spans = started.elapsed().as_secs_f64() * 1e6 / (rounds * pairs.len()) as f64;
        println!("warm: question reading + short_answer {full:.1} µs per call, candidates {spans:.1} µs per call");
    }
    if calls > 0 {
        println!(
            "{calls} sentences: short_answer {:.1} µs per call, candidates {:.1} µs per call",
            time.as_secs_f64() * 1e6 / f64::from(calls),
            span_time.as_secs_f64() * 1e6 / f64::from(calls)
        );
    }
}
