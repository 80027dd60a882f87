//! Typo tolerance: a symmetric-delete index over the vocabulary finds the
//! candidates in a few hash lookups, and `strsim`'s Damerau-Levenshtein
//! distance (a transposition counts as one edit) decides.

use std::hash::Hasher;

use rustc_hash::{FxHashMap, FxHasher};

/// The largest edit distance accepted for a word of `len` characters.
pub fn max_edits(len: usize) -> usize {
    match len {
        0..=3 => 0,
        4..=6 => 1,
        _ => 2,
    }
}

/// The shortest word a typo is corrected to.
const MIN_TARGET_CHARS: usize = 4;

/// How often the knowledge must write a word for a short capitalised word
/// one edit from it to be read as it ([`TypoIndex::name_slip`]).
const NAME_SLIP_COUNT: u32 = 3;

/// Longest word ever corrected, in characters. A word's delete variants grow
/// with the square of its length: a 2000-letter "word" would take seconds.
pub const MAX_CORRECTED_CHARS: usize = 40;

/// Vocabulary words reachable by deleting up to two characters.
#[derive(Debug, Default, Clone)]
pub struct TypoIndex {
    /// Hash of a delete-variant -> its run in `ids` (start, length): a hash collision
    /// only adds a candidate, which the edit distance then rejects.
    runs: FxHashMap<u64, (u32, u32)>,
    /// Word indices, grouped by delete-variant hash.
    ids: Vec<u32>,
    /// The vocabulary, sorted.
    words: Vec<String>,
    /// How often each word occurs in the knowledge (to break ties).
    counts: Vec<u32>,
    /// The longest word, in characters: a longer typed word is out of reach sooner.
    longest: usize,
    /// A word's consonant skeleton (its first letter, then its letters but
    /// the vowels) -> the most frequent word with it: chat writes "shts" for
    /// "shots", "dfctr" for "defector".
    skeletons: FxHashMap<String, u32>,
}

/// `word`'s first letter, then its other letters but the vowels.
pub fn skeleton(word: &str) -> String {
    let mut chars = word.chars();
    let mut out: String = chars.next().into_iter().collect();
    out.extend(chars.filter(|c| !matches!(c, 'a' | 'e' | 'i' | 'o' | 'u')));
    out
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
    /// Indexes `words` (sorted) with their occurrence counts.
    pub fn new(words: impl IntoIterator<Item = (String, u32)>) -> TypoIndex {
        let mut index = TypoIndex::default();
        let mut deletes: Vec<(u64, u32)> = Vec::new();
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
            deletes.extend(buf.drain(..).map(|d| (d, id)));
            index.longest = index.longest.max(n);
            let skeleton = skeleton(&word);
            index.words.push(word);
            index.counts.push(count);
            if skeleton.len() >= 2 && skeleton.len() < n {
                let best = index.skeletons.entry(skeleton).or_insert(id);
                if count > index.counts[*best as usize] {
                    *best = id;
                }
            }
        }
        deletes.sort_unstable();
        index.ids = deletes.iter().map(|&(_, id)| id).collect();
        index.runs.reserve(deletes.len());
        let mut start = 0;
        for run in deletes.chunk_by(|a, b| a.0 == b.0) {
            index.runs.insert(run[0].0, (start, run.len() as u32));
            start += run.len() as u32;
        }
        index
    }

    /// The vocabulary word a vowel-less chat spelling stands for ("shts" ->
    /// "shots"): the most frequent word with that consonant skeleton.
    pub fn expand_skeleton(&self, word: &str) -> Option<&str> {
        if word.chars().count() < 2
            || word
                .chars()
                .any(|c| matches!(c, 'a' | 'e' | 'i' | 'o' | 'u') || !c.is_ascii_lowercase())
        {
            return None;
        }
        self.skeletons
            .get(word)
            .map(|&id| self.words[id as usize].as_str())
    }

    /// The most frequent vocabulary word starting with `prefix` (and longer than it).
    pub fn complete(&self, prefix: &str) -> Option<&str> {
        let from = self.words.partition_point(|w| w.as_str() < prefix);
        self.words[from..]
            .iter()
            .zip(&self.counts[from..])
            .take_while(|(w, _)| w.starts_with(prefix))
            .filter(|(w, _)| w.len() > prefix.len())
            .take(500)
            .max_by_key(|(_, &c)| c)
            .map(|(w, _)| w.as_str())
    }

    /// How often the knowledge writes `word`: 0 for a word it does not
    /// write, or one too short or not alphabetic to be indexed.
    pub fn count(&self, word: &str) -> u32 {
        self.words
            .binary_search_by(|x| x.as_str().cmp(word))
            .map_or(0, |id| self.counts[id])
    }

    /// The vocabulary word a chat respelling stands for: "lite" for "light",
    /// "headlites" for "headlights", "foto" for "photo". Each respelling is
    /// undone alone; `None` when none gives a word the knowledge writes.
    pub fn respelled(&self, word: &str) -> Option<&str> {
        let known = |w: &str| {
            self.words
                .binary_search_by(|x| x.as_str().cmp(w))
                .ok()
                .map(|id| self.words[id].as_str())
        };
        let sounds = word
            .match_indices("ite")
            .map(|(at, _)| format!("{}ight{}", &word[..at], &word[at + 3..]))
            .chain(word.strip_prefix('f').map(|rest| format!("ph{rest}")));
        for candidate in sounds {
            if let Some(w) = known(&candidate) {
                return Some(w);
            }
        }
        None
    }

    /// The vocabulary word that `word`, a real English word the vocabulary
    /// lacks, is most likely a slip for: one letter added or dropped
    /// ("boarder" for "border"), the same first letter, a word of six letters
    /// or more, and one the knowledge writes at least twice. A replaced or
    /// swapped letter is left alone: "treated" is no slip for "created", nor
    /// "scared" for "sacred".
    pub fn real_word_slip(&self, word: &str) -> Option<&str> {
        let n = word.chars().count();
        if n < 6 {
            return None;
        }
        let id = self.nearest(word, false)?;
        let fix = self.words[id].as_str();
        let m = fix.chars().count();
        let one_edit = strsim::damerau_levenshtein(word, fix) == 1;
        // Nor is a form of the word itself ("injure" for "injured").
        (one_edit
            && n.abs_diff(m) == 1
            && fix.chars().next() == word.chars().next()
            && self.counts[id] >= 2
            && crate::text::stem(word) != crate::text::stem(fix))
        .then_some(fix)
    }

    /// The name that `word`, a short capitalised word no vocabulary knows,
    /// is most likely a slip for: the nearest vocabulary word, one edit away
    /// ("Norh", "Nerth" for "North", "Seoal" for "Seoul"), with the same
    /// first letter, one that `is_name` and that the knowledge writes at
    /// least [`NAME_SLIP_COUNT`] times (a name written that often is rarely
    /// one that another name the question means is a letter from).
    pub fn name_slip(&self, word: &str, is_name: impl Fn(&str) -> bool) -> Option<&str> {
        let id = self.nearest(word, false)?;
        let fix = self.words[id].as_str();
        (strsim::damerau_levenshtein(word, fix) == 1
            && fix.chars().next() == word.chars().next()
            && self.counts[id] >= NAME_SLIP_COUNT
            && is_name(fix))
        .then_some(fix)
    }

    /// The nearest vocabulary word to `word` within its edit bound: fewest edits,
    /// then same first letter, then one holding every typed letter in order
    /// (a letter left out), then most frequent. `None` when nothing is near enough.
    pub fn correct(&self, word: &str) -> Option<&str> {
        self.nearest(word, false).map(|id| self.words[id].as_str())
    }

    /// [`TypoIndex::correct`], and for a word of five or six letters also a
    /// word two edits away that keeps its first and last letters ("warang"
    /// for "warning", "bolets" for "bullets"). For words typed in lower
    /// case: a name two edits from a word of the knowledge is another name.
    pub fn correct_framed(&self, word: &str) -> Option<&str> {
        self.nearest(word, true).map(|id| self.words[id].as_str())
    }

    /// [`TypoIndex::correct`]'s word, as its index in `words`.
    fn nearest(&self, word: &str, framed: bool) -> Option<usize> {
        let n = word.chars().count();
        let framed = framed && (5..=6).contains(&n);
        let bound = if framed { 2 } else { max_edits(n) };
        let last = word.chars().last();
        if bound == 0
            || n > MAX_CORRECTED_CHARS
            || n > self.longest + bound
            || !word.chars().all(char::is_alphabetic)
        {
            return None;
        }
        let mut variants = Vec::with_capacity(64);
        // Repeated variants (from doubled letters) are cheap lookups; `seen` skips their words.
        deletes_of(word, bound, &mut variants);
        let first = word.chars().next();
        let mut best: Option<(usize, bool, bool, u32, u32)> = None;
        let mut seen: Vec<u32> = Vec::new();
        for &v in &variants {
            let Some(&(start, len)) = self.runs.get(&v) else {
                continue;
            };
            for &id in &self.ids[start as usize..(start + len) as usize] {
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
                // Short words must keep their first letter: "rice" is not a typo of "dice";
                // and a word of three letters or fewer ("res", "ran") is too
                // easily reached to be what a longer word meant.
                if d > bound || (n <= 5 && !same_first) || cand.chars().count() < MIN_TARGET_CHARS {
                    continue;
                }
                if d > max_edits(n) && !(same_first && cand.chars().last() == last) {
                    continue;
                }
                // A letter left out is the likeliest slip: "reviewr" is
                // "reviewer" before the more frequent "review".
                let left_out = !is_subsequence(word, cand);
                let key = (
                    d,
                    !same_first,
                    left_out,
                    u32::MAX - self.counts[id as usize],
                    id,
                );
                if best.is_none_or(|b| (key.0, key.1, key.2, key.3) < (b.0, b.1, b.2, b.3)) {
                    best = Some(key);
                }
            }
        }
        best.map(|(_, _, _, _, id)| id as usize)
    }
}

/// Whether every letter of `typed` stands in `word`, in order.
fn is_subsequence(typed: &str, word: &str) -> bool {
    let mut letters = word.chars();
    typed.chars().all(|c| letters.any(|l| l == c))
}

/// Question words, which a typo near one most likely stands for.
const QUESTION_WORDS: [&str; 6] = ["which", "where", "what", "when", "whose", "whom"];

/// The question word `word` is one slip from ("wich" for "which", "whre"
/// for "where"), for a word of four letters or more that is no word itself:
/// in a question, a question word is likelier than any other word one edit
/// away ("with" for "wich"), however often the knowledge writes that one.
pub fn question_word_slip(word: &str) -> Option<&'static str> {
    if word.chars().count() < 4 {
        return None;
    }
    QUESTION_WORDS
        .iter()
        .find(|q| strsim::damerau_levenshtein(word, q) == 1)
        .copied()
}

/// The word `is_word` knows that `word` is one slip from: a letter dropped
/// ("happend" for "happened"), two letters swapped, a letter added or one
/// replaced, tried in that order (the first letter kept), the first found in
/// alphabetical order of the letter tried. For lower-case words of four to
/// [`MAX_CORRECTED_CHARS`] letters; no index is kept, so a long word list
/// (the common words) costs no memory: a few hundred look-ups, for a word no
/// vocabulary word is near.
pub fn one_slip_from(word: &str, is_word: impl Fn(&str) -> bool) -> Option<String> {
    let chars: Vec<char> = word.chars().collect();
    if chars.len() < 4
        || chars.len() > MAX_CORRECTED_CHARS
        || !chars.iter().all(char::is_ascii_lowercase)
    {
        return None;
    }
    let letters = 'a'..='z';
    let known = |c: Vec<char>| {
        let s: String = c.into_iter().collect();
        is_word(&s).then_some(s)
    };
    // A letter dropped: put one back.
    (1..=chars.len())
        .flat_map(|i| letters.clone().map(move |l| (i, l)))
        .find_map(|(i, l)| {
            let mut c = chars.clone();
            c.insert(i, l);
            known(c)
        })
        // Two letters swapped.
        .or_else(|| {
            (1..chars.len() - 1).find_map(|i| {
                let mut c = chars.clone();
                c.swap(i, i + 1);
                known(c)
            })
        })
        // A letter added: take one out.
        .or_else(|| {
            (1..chars.len()).find_map(|i| {
                let mut c = chars.clone();
                c.remove(i);
                known(c)
            })
        })
        // A letter replaced.
        .or_else(|| {
            (1..chars.len())
                .flat_map(|i| letters.clone().map(move |l| (i, l)))
                .filter(|&(i, l)| chars[i] != l)
                .find_map(|(i, l)| {
                    let mut c = chars.clone();
                    c[i] = l;
                    known(c)
                })
        })
}

/// How many words' WordNet slips each thread remembers.
const SLIP_MEMO_WORDS: usize = 10_000;

thread_local! {
    /// [`one_slip_from_wordnet`]'s answers: a typo met once is met again.
    static SLIP_MEMO: std::cell::RefCell<super::meaning::Memo<Option<String>>> =
        std::cell::RefCell::new(FxHashMap::default());
}

/// The word `word` is one slip from ([`one_slip_from`]) that WordNet knows
/// in some form ("denyng" -> "denying"), remembered per thread.
pub fn one_slip_from_wordnet(word: &str) -> Option<String> {
    super::meaning::remembered_within(&SLIP_MEMO, word, SLIP_MEMO_WORDS, |word| {
        let db = factdesk_lexdb::Lexdb::get();
        // Morphy reads a form only by its ending (its few irregular forms aside).
        let inflected = |c: &str| {
            ["s", "ed", "ing", "er", "est", "men"]
                .iter()
                .any(|e| c.ends_with(e))
        };
        // A lemma first ("anaphylaxsis" is "anaphylaxis", not a plural of it).
        one_slip_from(word, |c| db.is_any_lemma(c))
            .or_else(|| one_slip_from(word, |c| inflected(c) && db.knows_form(c)))
    })
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn a_slip_of_a_question_word_is_that_word() {
        assert_eq!(question_word_slip("wich"), Some("which"));
        assert_eq!(question_word_slip("whre"), Some("where"));
        assert_eq!(question_word_slip("whta"), Some("what"));
        assert_eq!(question_word_slip("whos"), Some("whose"));
        // Too short to tell, or too far from any.
        assert_eq!(question_word_slip("wat"), None);
        assert_eq!(question_word_slip("whitch"), Some("which"));
        assert_eq!(question_word_slip("window"), None);
    }

    #[test]
    fn one_slip_from_a_listed_word() {
        let list = ["happened", "weather", "meant", "mean"];
        let known = |w: &str| list.contains(&w);
        assert_eq!(one_slip_from("happend", known).as_deref(), Some("happened"));
        assert_eq!(one_slip_from("wetaher", known).as_deref(), Some("weather"));
        assert_eq!(one_slip_from("weathr", known).as_deref(), Some("weather"));
        // A letter dropped is put back first.
        assert_eq!(one_slip_from("mant", known).as_deref(), Some("meant"));
        // Too short, capitalised, or nothing near.
        assert_eq!(one_slip_from("mea", known), None);
        assert_eq!(one_slip_from("Happend", known), None);
        assert_eq!(one_slip_from("zzzzzz", known), None);
    }

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
    fn chat_respellings_are_read_as_the_words_they_sound_like() {
        let words = ["headlights", "light", "night", "photo", "photos", "site"];
        let index = TypoIndex::new(words.iter().map(|w| (w.to_string(), 1)));
        assert_eq!(index.respelled("headlites"), Some("headlights"));
        assert_eq!(index.respelled("lite"), Some("light"));
        assert_eq!(index.respelled("nite"), Some("night"));
        assert_eq!(index.respelled("fotos"), Some("photos"));
        // Only to a word the knowledge writes.
        assert_eq!(index.respelled("brite"), None);
        assert_eq!(index.respelled("fone"), None);
    }

    #[test]
    fn a_real_word_is_a_slip_only_one_letter_from_a_frequent_word() {
        let words = [
            ("border", 5),
            ("created", 4),
            ("sacred", 2),
            ("price", 1),
            ("planes", 3),
        ];
        let ix = TypoIndex::new(words.iter().map(|&(w, n)| (w.to_string(), n)));
        // A letter added or dropped, with the same first letter.
        assert_eq!(ix.real_word_slip("boarder"), Some("border"));
        assert_eq!(ix.real_word_slip("bordr"), None);
        // A form of the word itself is typed on purpose.
        assert_eq!(ix.real_word_slip("borders"), None);
        // A letter replaced or two swapped is another word; a word written
        // once is no evidence; a short word is too easily one letter from
        // another.
        assert_eq!(ix.real_word_slip("treated"), None);
        assert_eq!(ix.real_word_slip("scared"), None);
        assert_eq!(ix.real_word_slip("pricey"), None);
        assert_eq!(ix.real_word_slip("plane"), None);
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
    fn never_corrects_to_a_word_of_three_letters() {
        let ix = TypoIndex::new(["res", "ran", "fired"].iter().map(|w| (w.to_string(), 5)));
        assert_eq!(ix.correct("recs"), None);
        assert_eq!(ix.correct("rans"), None);
        assert_eq!(ix.correct("fird"), Some("fired"));
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

    #[test]
    fn two_slips_in_a_short_word_that_keeps_its_ends() {
        let words = ["warning", "bullets", "hana", "border"];
        let ix = TypoIndex::new(words.iter().map(|w| (w.to_string(), 1)));
        assert_eq!(ix.correct_framed("warang"), Some("warning"));
        assert_eq!(ix.correct_framed("bolets"), Some("bullets"));
        // One slip is found either way; two only when framed.
        assert_eq!(ix.correct_framed("boder"), Some("border"));
        assert_eq!(ix.correct("warang"), None);
        // Other first or last letters, or a longer word, stay as typed.
        assert_eq!(ix.correct_framed("kulets"), None);
        assert_eq!(ix.correct_framed("bulent"), None);
        assert_eq!(ix.correct_framed("worning"), Some("warning"));
    }

    #[test]
    fn one_slip_from_a_word_wordnet_knows() {
        assert_eq!(one_slip_from_wordnet("denyng").as_deref(), Some("denying"));
        assert_eq!(
            one_slip_from_wordnet("oitbreak").as_deref(),
            Some("outbreak")
        );
        // Asked again, from the memo.
        assert_eq!(one_slip_from_wordnet("denyng").as_deref(), Some("denying"));
        assert_eq!(one_slip_from_wordnet("zxqwvy"), None);
        // A lemma before an inflection of one.
        assert_eq!(
            one_slip_from_wordnet("anaphylaxsis").as_deref(),
            Some("anaphylaxis")
        );
    }

    #[test]
    fn a_letter_left_out_comes_before_a_more_frequent_word() {
        let words = [("review", 9), ("reviewer", 2)];
        let ix = TypoIndex::new(words.iter().map(|&(w, n)| (w.to_string(), n)));
        assert_eq!(ix.correct("reviewr"), Some("reviewer"));
        assert_eq!(ix.correct("reviw"), Some("review"));
    }

    #[test]
    fn completes_a_prefix_with_the_most_frequent_word() {
        let ix = TypoIndex::new(
            [("defect", 2), ("defected", 5), ("defector", 3), ("warn", 1)]
                .map(|(w, c)| (w.to_string(), c)),
        );
        assert_eq!(ix.complete("defe"), Some("defected"));
        assert_eq!(ix.complete("warn"), None, "nothing longer starts with it");
        assert_eq!(ix.complete("zz"), None);
    }
}
