//! Answer quality on the question files in `tests/data/`, as `factdesk eval` scores it.

mod common;

use factdesk::eval;

fn report(file: &str) -> eval::Report {
    let path = common::data(file);
    let text = std::fs::read_to_string(&path).unwrap();
    let cases = eval::parse_cases(&text, &path.display().to_string()).unwrap();
    eval::run(&common::engine(), &cases)
}

fn describe(r: &eval::Report) -> String {
    r.misses
        .iter()
        .map(|m| {
            format!(
                "\n  [{}] {:?} -> {:?}: {}",
                m.case.kind, m.case.q, m.reply.status, m.reply.answer
            )
        })
        .collect()
}

#[test]
fn sample_questions_reach_95_percent() {
    let r = report("dev-questions.jsonl");
    assert!(
        r.answerable.1 >= 30 && r.declines.1 >= 5,
        "the sample file is complete"
    );
    assert!(
        r.answerable_accuracy() >= 0.95,
        "answerable {:?}{}",
        r.answerable,
        describe(&r)
    );
    assert!(
        r.decline_accuracy() >= 0.95,
        "declines {:?}{}",
        r.declines,
        describe(&r)
    );
}

/// A larger set written independently of the curation; a floor against regressions.
#[test]
fn holdout_questions_stay_above_their_floor() {
    let r = report("holdout-questions.jsonl");
    assert!(
        r.answerable_accuracy() >= 0.75,
        "answerable {:?}{}",
        r.answerable,
        describe(&r)
    );
    assert!(
        r.decline_accuracy() >= 0.85,
        "declines {:?}{}",
        r.declines,
        describe(&r)
    );
}

/// A second independent set in the sample's style and mix of kinds; a floor against regressions.
#[test]
fn fresh_questions_stay_above_their_floor() {
    let r = report("fresh-questions.jsonl");
    assert!(
        r.answerable_accuracy() >= 0.88,
        "answerable {:?}{}",
        r.answerable,
        describe(&r)
    );
    assert!(
        r.decline_accuracy() >= 0.90,
        "declines {:?}{}",
        r.declines,
        describe(&r)
    );
}
