//! Batch answering (`factdesk ask --json` with questions on stdin): one JSON
//! object per input line, in input order.
//!
//! Lines already waiting in the input are answered together, split across the
//! cores; the output is flushed whenever no more input is waiting, so a program
//! that writes one question and waits for its answer gets it at once, while a
//! file of a million questions streams through at full speed.

use std::io::{self, BufRead, BufReader, Read, Write};

use factdesk_core::Engine;

/// Most lines answered together.
const BATCH: usize = 8192;
/// Below this many waiting lines, one core answers them (threads cost more than they save).
const PARALLEL_FROM: usize = 256;

/// Answers every line of `input`, writing one JSON answer per line to `output`.
/// Invalid UTF-8 is replaced, not fatal. Returns how many questions were answered.
pub fn answer_lines<R: Read>(
    engine: &Engine,
    input: &mut BufReader<R>,
    output: &mut impl Write,
) -> io::Result<usize> {
    let workers = std::thread::available_parallelism().map_or(1, |n| n.get());
    let mut lines: Vec<String> = Vec::with_capacity(BATCH);
    let mut raw = Vec::new();
    let mut answered = 0;
    loop {
        lines.clear();
        // One line, waiting for it if need be; then every complete line already buffered.
        loop {
            raw.clear();
            if input.read_until(b'\n', &mut raw)? == 0 {
                break;
            }
            lines.push(question_of(&raw));
            if lines.len() == BATCH || input.buffer().is_empty() {
                break;
            }
        }
        if lines.is_empty() {
            break;
        }
        for json in answer_all(engine, &lines, workers) {
            output.write_all(json.as_bytes())?;
            output.write_all(b"\n")?;
        }
        answered += lines.len();
        if input.buffer().is_empty() {
            output.flush()?;
        }
    }
    output.flush()?;
    Ok(answered)
}

/// A line without its line ending, invalid UTF-8 replaced.
fn question_of(raw: &[u8]) -> String {
    let line = raw.strip_suffix(b"\n").unwrap_or(raw);
    let line = line.strip_suffix(b"\r").unwrap_or(line);
    String::from_utf8_lossy(line).into_owned()
}

/// The JSON answers of `questions`, in order, computed on up to `workers` threads.
fn answer_all(engine: &Engine, questions: &[String], workers: usize) -> Vec<String> {
    let one = |q: &String| engine.answer(q).to_json();
    if workers < 2 || questions.len() < PARALLEL_FROM {
        return questions.iter().map(one).collect();
    }
    let chunk = questions.len().div_ceil(workers);
    std::thread::scope(|scope| {
        let mut parts = questions.chunks(chunk);
        let first = parts.next().unwrap_or_default();
        let others: Vec<_> = parts
            .map(|part| scope.spawn(move || part.iter().map(one).collect::<Vec<_>>()))
            .collect();
        let mut out: Vec<String> = first.iter().map(one).collect();
        for handle in others {
            out.extend(
                handle
                    .join()
                    .unwrap_or_else(|e| std::panic::resume_unwind(e)),
            );
        }
        out
    })
}

#[cfg(test)]
mod tests {
    use super::*;

    fn engine() -> Engine {
        factdesk_testkit::sample::engine()
    }

    fn run(engine: &Engine, input: &[u8]) -> Vec<serde_json::Value> {
        let mut out = Vec::new();
        let n = answer_lines(engine, &mut BufReader::new(input), &mut out).unwrap();
        let lines: Vec<serde_json::Value> = String::from_utf8(out)
            .unwrap()
            .lines()
            .map(|l| serde_json::from_str(l).unwrap())
            .collect();
        assert_eq!(n, lines.len());
        lines
    }

    #[test]
    fn answers_every_line_in_order_across_batches() {
        let e = engine();
        let questions = [
            "How many people were injured?",
            "Who fined Oxley Ltd?",
            "tldr",
        ];
        // More lines than one batch, so several batches and several threads answer.
        let n = BATCH + 700;
        let input: String = (0..n)
            .map(|i| format!("{}\r\n", questions[i % 3]))
            .collect();
        let got = run(&e, input.as_bytes());
        assert_eq!(got.len(), n);
        for (i, a) in got.iter().enumerate() {
            let q = questions[i % 3];
            assert_eq!(a["question"], q, "line {i}");
            assert_eq!(a["answer"], serde_json::Value::from(e.answer(q).answer));
        }
    }

    #[test]
    fn survives_invalid_utf8_blank_lines_and_a_missing_final_newline() {
        let e = engine();
        let got = run(&e, b"\xff\xfe storm winds\n\nwho was fined");
        assert_eq!(got.len(), 3);
        assert_eq!(got[0]["question"], "\u{fffd}\u{fffd} storm winds");
        assert_eq!(got[1]["question"], "");
        assert_eq!(got[2]["question"], "who was fined");
    }
}
