//! Typo tolerance: a symmetric-delete index over the vocabulary finds the
//! candidates in a few hash lookups, and `strsim`'s Damerau-Levenshtein
//! distance (a transposition counts as one edit) decides.

use std::hash::Hasher;

use rustc_hash::FxHasher;

/// The largest edit distance accepted for a word of `len` characters.
pub fn max_edits(len: usize) -> usize {
    match len {
        0..=3 => 0,
        4..=6 => 1,
        _ => 2,
    }
}

/// Longest word ever corrected, in characters. A word's delete variants grow
/// with the square of its length: a 2000-letter "word" would take seconds.
pub const MAX_CORRECTED_CHARS: usize = 40;

/// Vocabulary words reachable by deleting up to two characters.
#[derive(Debug, Default, Clone)]
pub struct TypoIndex {
    /// (hash of a delete-variant, index into `words`), sorted: a hash collision only
    /// adds a candidate, which the edit distance then rejects.
    deletes: Vec<(u64, u32)>,
    /// The vocabulary.
    words: Vec<String>,
    /// How often each word occurs in the knowledge (to break ties).
    counts: Vec<u32>,
}

/// Hash of `chars` without the characters at positions `a` and `b`.
fn hash_without(chars: &[char], a: usize, b: usize) -> u64 {
    let mut h = FxHasher::default();
    let mut len = 0usize;
    for (k, c) in chars.iter().enumerate() {
        if k != a && k != b {
            h.write_u32(*c as u32);
            len += 1;
        }
    }
    h.write_usize(len);
    h.finish()
}

/// Hashes of `word` and of every variant with up to `depth` (at most 2) characters deleted,
/// never shorter than two characters.
fn deletes_of(word: &str, depth: usize, out: &mut Vec<u64>) {
    let chars: Vec<char> = word.chars().collect();
    let n = chars.len();
    out.push(hash_without(&chars, usize::MAX, usize::MAX));
    if depth >= 1 && n > 2 {
        out.extend((0..n).map(|i| hash_without(&chars, i, usize::MAX)));
    }
    if depth >= 2 && n > 3 {
        for i in 0..n {
            out.extend((i + 1..n).map(|j| hash_without(&chars, i, j)));
        }
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
            // Deep enough for a typed word one letter longer than this one.
            deletes_of(&word, max_edits(n + 1).min(2), &mut buf);
            buf.sort_unstable();
            buf.dedup();
            index.deletes.extend(buf.drain(..).map(|d| (d, id)));
            index.words.push(word);
            index.counts.push(count);
        }
        index.deletes.sort_unstable();
        index
    }

    /// The nearest vocabulary word to `word` within its edit bound: fewest edits,
    /// then same first letter, then most frequent. `None` when nothing is near enough.
    pub fn correct(&self, word: &str) -> Option<&str> {
        let n = word.chars().count();
        let bound = max_edits(n);
        if bound == 0 || n > MAX_CORRECTED_CHARS || !word.chars().all(char::is_alphabetic) {
            return None;
        }
        let mut variants = Vec::with_capacity(64);
        deletes_of(word, bound, &mut variants);
        variants.sort_unstable();
        variants.dedup();
        let first = word.chars().next();
        let mut best: Option<(usize, bool, u32, u32)> = None;
        let mut seen: Vec<u32> = Vec::new();
        for &v in &variants {
            let from = self.deletes.partition_point(|&(h, _)| h < v);
            let ids = self.deletes[from..]
                .iter()
                .take_while(|&&(h, _)| h == v)
                .map(|&(_, id)| id);
            for id in ids {
                if seen.contains(&id) {
                    continue;
                }
                seen.push(id);
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
        let words = [
            "fired",
            "many",
            "wannacry",
            "panmunjom",
            "nuclear",
            "soldier",
            "victims",
            "civilians",
            "defected",
            "fire",
        ];
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
    fn leaves_overlong_words_alone() {
        let long = "warning".repeat(6);
        let ix = TypoIndex::new([(long.clone(), 1)]);
        let typo = format!("{long}x");
        assert!(typo.chars().count() > MAX_CORRECTED_CHARS);
        assert_eq!(ix.correct(&typo), None);
        let within = "warning".repeat(5);
        let ix = TypoIndex::new([(within.clone(), 1)]);
        assert_eq!(ix.correct(&format!("{within}x")), Some(within.as_str()));
    }

    #[test]
    fn leaves_far_and_short_words_alone() {
        let ix = index();
        assert_eq!(ix.correct("rice"), None);
        assert_eq!(ix.correct("capital"), None);
        assert_eq!(ix.correct("fir"), None);
        assert_eq!(
            ix.correct("fired"),
            None,
            "a known word needs no correction"
        );
    }
}
