//! Extraction quality on the saved pages under `tests/pages/`: token F1 of
//! the body against the ground truth, exact titles and dates.
//!
//! `cargo run -p factdesk-ingest --example extraction --release [-- --verbose]`

use std::path::PathBuf;

fn main() -> std::io::Result<()> {
    let verbose = std::env::args().any(|a| a == "--verbose");
    let dir = PathBuf::from(env!("CARGO_MANIFEST_DIR")).join("tests/pages");
    let scores = factdesk_ingest::quality::score_pages(&dir)?;
    println!(
        "{:<28} {:<30} {:>6} {:>6} {:>6}",
        "page", "set", "F1", "title", "date"
    );
    let mark = |b: bool| if b { "yes" } else { "no" };
    for s in &scores {
        println!(
            "{:<28} {:<30} {:>6.3} {:>6} {:>6}",
            s.name,
            s.set,
            s.f1,
            mark(s.title_right),
            s.date_right.map_or("-", mark)
        );
        if verbose {
            let e = s.extracted.clone().unwrap_or_default();
            println!("    title: {:?}\n    want:  {:?}", e.title, s.truth.title);
            println!(
                "    published: {:?} (want {:?}); outlet {:?}; byline {:?}; url {:?}",
                e.published, s.truth.published, e.outlet, e.byline, e.url
            );
            for p in &e.paragraphs {
                let short: String = p.chars().take(110).collect();
                println!("    | {short}");
            }
        }
    }
    for set in ["article-extraction-benchmark", "readability"] {
        let of: Vec<_> = scores.iter().filter(|s| s.set == set).collect();
        if of.is_empty() {
            continue;
        }
        let mean = of.iter().map(|s| s.f1).sum::<f64>() / of.len() as f64;
        let titles = of.iter().filter(|s| s.title_right).count();
        let dated: Vec<_> = of.iter().filter_map(|s| s.date_right).collect();
        println!(
            "{set}: {} pages, mean body token F1 {mean:.3}, titles right {titles}/{}, dates right {}/{}",
            of.len(),
            of.len(),
            dated.iter().filter(|d| **d).count(),
            dated.len()
        );
    }
    Ok(())
}
