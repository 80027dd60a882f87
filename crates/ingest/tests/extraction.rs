//! Extraction quality on real saved pages with hand-made ground truth (see
//! `pages/README.md`); the figures are in BENCHMARKS.md.

use std::path::PathBuf;

use factdesk_ingest::quality::{score_pages, PageScore};

fn pages() -> Vec<PageScore> {
    score_pages(&PathBuf::from(env!("CARGO_MANIFEST_DIR")).join("tests/pages")).unwrap()
}

#[test]
fn reader_view_extraction_meets_its_targets() {
    let scores = pages();
    let report: String = scores
        .iter()
        .map(|s| {
            format!(
                "{} F1 {:.3} title {} date {:?}\n",
                s.name, s.f1, s.title_right, s.date_right
            )
        })
        .collect();
    let bench: Vec<&PageScore> = scores
        .iter()
        .filter(|s| s.set == "article-extraction-benchmark")
        .collect();
    assert_eq!(bench.len(), 12, "{report}");
    let mean = bench.iter().map(|s| s.f1).sum::<f64>() / bench.len() as f64;
    assert!(mean >= 0.95, "mean body token F1 {mean:.3}\n{report}");
    assert!(bench.iter().all(|s| s.f1 >= 0.9), "{report}");
    let titles = bench.iter().filter(|s| s.title_right).count();
    assert!(titles >= 11, "titles right {titles}/12\n{report}");
    // Every page states its date: every date is found.
    assert!(
        scores.iter().all(|s| s.date_right != Some(false)),
        "{report}"
    );
    let readability: Vec<&PageScore> = scores.iter().filter(|s| s.set == "readability").collect();
    assert_eq!(readability.len(), 8, "{report}");
    let mean = readability.iter().map(|s| s.f1).sum::<f64>() / readability.len() as f64;
    assert!(
        mean >= 0.95,
        "Readability pages: mean F1 {mean:.3}\n{report}"
    );
}

#[test]
fn clutter_never_reaches_the_body() {
    for s in pages() {
        let e = s.extracted.expect("every saved page has an article");
        for p in &e.paragraphs {
            let lower = p.to_lowercase();
            for junk in [
                "continue reading",
                "share this",
                "image credit",
                "advertisement",
                "more from uk",
            ] {
                assert!(!lower.starts_with(junk), "{}: {p:?}", s.name);
            }
        }
        assert!(!e.title.is_empty(), "{}", s.name);
    }
}
