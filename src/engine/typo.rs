//! Typo tolerance: a symmetric-delete index over the vocabulary finds the
//! candidates in a few hash lookups, and `strsim`'s Damerau-Levenshtein
//! distance (a transposition counts as one edit) decides.

use std::collections::HashMap;

/// The largest edit distance accepted for a word of `len` characters.
pub fn max_edits(len: usize) -> usize {
    match len {
        0..=3 => 0,
        4..=6 => 1,
        _ => 2,
    }
}

/// Vocabulary words reachable by deleting up to two characters.
#[derive(Debug, Default, Clone)]
pub struct TypoIndex {
    /// Delete-variant -> indices into `words`.
    deletes: HashMap<String, Vec<u32>>,
    /// The vocabulary.
    words: Vec<String>,
    /// How often each word occurs in the knowledge (to break ties).
    counts: Vec<u32>,
}

fn deletes_of(word: &str, depth: usize, out: &mut Vec<String>) {
    let chars: Vec<char> = word.chars().collect();
    let mut frontier = vec![chars];
    for _ in 0..depth {
        let mut next = Vec::new();
        for w in &frontier {
            if w.len() <= 2 {
                continue;
            }
            for i in 0..w.len() {
                let mut v = w.clone();
                v.remove(i);
                next.push(v);
            }
        }
        next.sort();
        next.dedup();
        out.extend(next.iter().map(|v| v.iter().collect::<String>()));
        frontier = next;
    }
}

impl TypoIndex {
    /// Indexes `words` with their occurrence counts.
    pub fn new(words: impl IntoIterator<Item = (String, u32)>) -> TypoIndex {
        let mut index = TypoIndex::default();
        let mut buf = Vec::new();
        for (word, count) in words {
            let n = word.chars().count();
            if n < 3 || !word.chars().all(char::is_alphabetic) {
                continue;
            }
            let id = index.words.len() as u32;
            buf.clear();
            buf.push(word.clone());
            deletes_of(&word, max_edits(n + 2).min(2), &mut buf);
            for d in buf.drain(..) {
                let list = index.deletes.entry(d).or_default();
                if list.last() != Some(&id) {
                    list.push(id);
                }
            }
            index.words.push(word);
            index.counts.push(count);
        }
        index
    }

    /// The nearest vocabulary word to `word` within its edit bound: fewest edits,
    /// then same first letter, then most frequent. `None` when nothing is near enough.
    pub fn correct(&self, word: &str) -> Option<&str> {
        let n = word.chars().count();
        let bound = max_edits(n);
        if bound == 0 || !word.chars().all(char::is_alphabetic) {
            return None;
        }
        let mut variants = vec![word.to_string()];
        deletes_of(word, bound, &mut variants);
        let first = word.chars().next();
        let mut best: Option<(usize, bool, u32, u32)> = None;
        for v in &variants {
            let Some(ids) = self.deletes.get(v) else { continue };
            for &id in ids {
                let cand = &self.words[id as usize];
                let d = strsim::damerau_levenshtein(word, cand);
                if d == 0 {
                    return None;
                }
                let same_first = cand.chars().next() == first;
                // Short words must keep their first letter: "rice" is not a typo of "dice".
                if d > bound || (n <= 5 && !same_first) {
                    continue;
                }
                let key = (d, !same_first, u32::MAX - self.counts[id as usize], id);
                if best.is_none_or(|b| (key.0, key.1, key.2) < (b.0, b.1, b.2)) {
                    best = Some(key);
                }
            }
        }
        best.map(|(_, _, _, id)| self.words[id as usize].as_str())
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    fn index() -> TypoIndex {
        let words = ["fired", "many", "wannacry", "panmunjom", "nuclear", "soldier", "victims", "civilians", "defected", "fire"];
        TypoIndex::new(words.iter().map(|w| (w.to_string(), 1)))
    }

    #[test]
    fn corrects_common_typos() {
        let ix = index();
        for (typo, want) in [
            ("fierd", "fired"),
            ("mnay", "many"),
            ("wannacrye", "wannacry"),
            ("wanacry", "wannacry"),
            ("panmunjon", "panmunjom"),
            ("panmunjum", "panmunjom"),
            ("nucelar", "nuclear"),
            ("nucular", "nuclear"),
            ("soldeir", "soldier"),
            ("soilder", "soldier"),
            ("victms", "victims"),
            ("civillians", "civilians"),
            ("deffected", "defected"),
        ] {
            assert_eq!(ix.correct(typo), Some(want), "{typo}");
        }
    }

    #[test]
    fn leaves_far_and_short_words_alone() {
        let ix = index();
        assert_eq!(ix.correct("rice"), None);
        assert_eq!(ix.correct("capital"), None);
        assert_eq!(ix.correct("fir"), None);
        assert_eq!(ix.correct("fired"), None, "a known word needs no correction");
    }
}
