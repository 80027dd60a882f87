//! Load time, lookup costs and memory of the embedded database.
//!
//! Run with `cargo run --release --example lexdb_stats` (Linux: memory is
//! read from /proc/self/status).

use factdesk_lexdb::{Lexdb, Pos};
use std::hint::black_box;
use std::time::Instant;

fn status(key: &str) -> String {
    std::fs::read_to_string("/proc/self/status")
        .ok()
        .and_then(|s| {
            s.lines()
                .find(|l| l.starts_with(key))
                .map(|l| l[key.len()..].trim().to_string())
        })
        .unwrap_or_else(|| "n/a".into())
}

fn per_call(label: &str, words: &[String], mut f: impl FnMut(&str) -> usize) {
    let start = Instant::now();
    let mut total = 0usize;
    for w in words {
        total += f(w);
    }
    let elapsed = start.elapsed();
    println!(
        "{label:<34} {:>8.2} µs/word over {} words (checksum {total})",
        elapsed.as_secs_f64() * 1e6 / words.len() as f64,
        words.len()
    );
}

fn main() {
    println!("RSS before load:        {}", status("VmRSS:"));
    let start = Instant::now();
    let db = Lexdb::get();
    let load = start.elapsed();
    println!(
        "Lexdb::get() first call: {:.3} ms",
        load.as_secs_f64() * 1e3
    );
    let start = Instant::now();
    let _ = black_box(Lexdb::get());
    println!(
        "Lexdb::get() again:      {:.3} µs",
        start.elapsed().as_secs_f64() * 1e6
    );
    let start = Instant::now();
    let first: Vec<_> = db.base_forms("fled").collect();
    println!(
        "first lookup (cold pages): {:.3} ms -> {first:?}",
        start.elapsed().as_secs_f64() * 1e3
    );
    println!("RSS after load:         {}", status("VmRSS:"));
    println!(
        "{} lemmas, {} synsets, {} families",
        db.lemma_count(),
        db.synset_count(),
        db.family_count()
    );

    // A word list: every 7th lemma plus inflected forms made from them.
    let mut words: Vec<String> = Vec::new();
    for i in (0..db.lemma_count()).step_by(7) {
        let lemma = db.lemma(factdesk_lexdb::LemmaId(i as u32));
        words.push(lemma.to_string());
        words.push(format!("{lemma}s"));
        words.push(format!("{lemma}ed"));
    }
    per_call("base_forms", &words, |w| db.base_forms(w).count());
    per_call("word_families", &words, |w| db.word_families(w).len());
    per_call("senses (noun)", &words, |w| db.senses(w, Pos::Noun).len());
    per_call("concepts(word, 3)", &words, |w| db.concepts(w, 3).len());
    per_call("is_a(word, \"vehicle\")", &words, |w| {
        db.is_a(w, "vehicle").map_or(0, usize::from)
    });

    // Touch every section: the worst case for resident memory.
    let start = Instant::now();
    let mut n = 0usize;
    for i in 0..db.lemma_count() {
        let id = factdesk_lexdb::LemmaId(i as u32);
        n += db.lemma(id).len() + db.family_of(id).0 as usize;
        for pos in Pos::ALL {
            for &s in db.lemma_senses(id, pos) {
                n += db.hypernyms(s).len() + db.synset_lemmas(s).count();
                n += db.synset_offset(s).unwrap_or(0) as usize;
            }
        }
    }
    for w in ["went", "mice", "better", "children"] {
        n += db.base_forms(w).count();
    }
    println!(
        "touched everything in {:.1} ms (checksum {n})",
        start.elapsed().as_secs_f64() * 1e3
    );
    println!("RSS after touching all: {}", status("VmRSS:"));
    println!("peak RSS (VmHWM):       {}", status("VmHWM:"));
}
