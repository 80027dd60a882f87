//! Word meaning for factdesk's lexical matcher, from an embedded copy of
//! WordNet 3.1 (Princeton University, WordNet licence; see `data/README.md`).
//!
//! The database is a compact binary file (`data/lexdb.bin`, built by
//! `tools/build_lexdb.py`) embedded with `include_bytes!` and read in place:
//! loading it ([`Lexdb::get`]) only checks its header and slices its sections,
//! so nothing is parsed, copied or allocated up front.
//!
//! What it answers:
//! - irregular and regular inflections, by WordNet's morphy ([`Lexdb::base_forms`]):
//!   `fled` → `flee`, `mice` → `mouse`, `better` → `good`;
//! - derivational families ([`Lexdb::family`], [`Lexdb::word_families`]):
//!   `defector`, `defect`, `defection` share one [`FamilyId`];
//! - senses in frequency order ([`Lexdb::senses`]), synonyms, hypernyms and
//!   [`Lexdb::is_a`] (`jeep` is a `vehicle`, 5 levels up).
//!
//! All ids are dense `u32`s, meant as keys in a search index: at index time
//! a sentence word is expanded to [`Lexdb::word_families`] and
//! [`Lexdb::concepts`] (its first senses and their hypernyms); at question
//! time the question word is looked up the same way. The three id spaces
//! ([`LemmaId`], [`SynsetId`], [`FamilyId`]) overlap numerically: keep them
//! in separate keys. Ids are stable only for one build of the data file.
//!
//! Words are normalised before lookup: trimmed, lowercased, `_` and runs of
//! whitespace become one space, `’` becomes `'`. Multi-word lemmas use spaces
//! (`machine gun`); a hyphenated word that is not found is retried with
//! spaces (`machine-gun`).
//!
//! # Example
//!
//! ```
//! use factdesk_lexdb::{Lexdb, Pos};
//!
//! let db = Lexdb::get();
//! let shot: Vec<(Pos, &str)> = db.base_forms("shot").collect();
//! assert_eq!(shot, [(Pos::Noun, "shot"), (Pos::Verb, "shoot"), (Pos::Adj, "shot")]);
//! assert_eq!(db.family("defector"), db.family("defection"));
//! assert_eq!(db.is_a("jeep", "vehicle"), Some(5));
//! assert_eq!(db.is_a("dog", "vehicle"), None);
//! let jeep = db.senses("jeep", Pos::Noun)[0];
//! assert_eq!(db.lemma_names(jeep).collect::<Vec<_>>(), ["jeep", "landrover"]);
//! assert_eq!(&db.synonyms("car", Pos::Noun)[..3], ["auto", "automobile", "machine"]);
//! let paris = db.senses("paris", Pos::Noun)[0];
//! let capital = db.hypernyms(paris)[0];
//! assert!(db.lemma_names(capital).any(|n| n == "national capital"));
//! ```

#![warn(missing_docs)]
#![deny(unsafe_code)]

mod format;
mod morphy;
mod resident;

use std::borrow::Cow;
use std::cell::RefCell;
use std::collections::HashMap;
use std::sync::OnceLock;

/// How many words' base lemmas each thread keeps ([`Lexdb::base_lemmas`]);
/// past it, the memo starts again empty.
const BASES_KEPT: usize = 1 << 16;

/// Words and their base lemmas, as [`Lexdb::base_lemmas`] found them.
type BaseMemo = HashMap<Box<str>, Box<[(Pos, LemmaId)]>>;

thread_local! {
    /// Per thread: the base lemmas of the words looked up lately. Morphy
    /// costs about 5 000 instructions a word (up to a dozen lemma searches),
    /// and the same words come back question after question.
    static BASES: RefCell<BaseMemo> = RefCell::new(HashMap::new());
}

/// How many senses of a lemma count as "its first senses" in
/// [`Lexdb::senses`], [`Lexdb::synonyms`], [`Lexdb::concepts`] and
/// [`Lexdb::is_a`]. Later senses are mostly rare and add noise.
pub const SENSE_LIMIT: usize = 3;

/// The WordNet licence, which must accompany every copy of the data (for
/// example in the bot's "about" text or its distribution's notices).
pub const WORDNET_LICENSE: &str = include_str!("../data/LICENSE-WordNet");

/// The deepest hypernym level [`Lexdb::is_a`] looks at.
pub const MAX_IS_A_DEPTH: u8 = 6;

/// A part of speech. WordNet's adjective satellites are [`Pos::Adj`].
#[derive(Clone, Copy, Debug, PartialEq, Eq, Hash, PartialOrd, Ord)]
pub enum Pos {
    /// Noun.
    Noun,
    /// Verb.
    Verb,
    /// Adjective (head or satellite).
    Adj,
    /// Adverb.
    Adv,
}

impl Pos {
    /// All parts of speech, in the order results are returned.
    pub const ALL: [Pos; 4] = [Pos::Noun, Pos::Verb, Pos::Adj, Pos::Adv];

    fn from_code(code: u32) -> Pos {
        match code & 3 {
            0 => Pos::Noun,
            1 => Pos::Verb,
            2 => Pos::Adj,
            _ => Pos::Adv,
        }
    }

    fn code(self) -> u8 {
        self as u8
    }

    /// WordNet's one-letter code: `n`, `v`, `a` or `r`.
    pub fn letter(self) -> char {
        ['n', 'v', 'a', 'r'][self as usize]
    }
}

/// A synset (one meaning shared by synonymous lemmas), a dense index into
/// the database's synsets.
#[repr(transparent)]
#[derive(Clone, Copy, Debug, PartialEq, Eq, Hash, PartialOrd, Ord)]
pub struct SynsetId(pub u32);

/// A lemma (a dictionary form such as `flee` or `machine gun`), a dense
/// index into the database's sorted lemma table. One id covers all parts of
/// speech of the string.
#[derive(Clone, Copy, Debug, PartialEq, Eq, Hash, PartialOrd, Ord)]
pub struct LemmaId(pub u32);

/// A derivational family (`defect`, `defector`, `defection`), a dense index.
/// Every lemma has exactly one family; most families have one member.
#[derive(Clone, Copy, Debug, PartialEq, Eq, Hash, PartialOrd, Ord)]
pub struct FamilyId(pub u32);

/// The embedded lexical database. Get it with [`Lexdb::get`].
#[derive(Debug)]
pub struct Lexdb {
    s: format::Sections,
    families: u32,
    /// The lemmas of each family, built on first use ([`Lexdb::family_members`]).
    members: OnceLock<FamilyMembers>,
}

/// The first of `n` byte strings, sorted bytewise and read by `at`, that is
/// not below `key` (`n` if none): the binary search of the lemma table and
/// of the exception lists.
fn lower_bound<'a>(n: usize, key: &[u8], at: impl Fn(usize) -> &'a [u8]) -> usize {
    let (mut lo, mut hi) = (0usize, n);
    while lo < hi {
        let mid = lo + (hi - lo) / 2;
        if at(mid) < key {
            lo = mid + 1;
        } else {
            hi = mid;
        }
    }
    lo
}

/// Lemma ids grouped by family: family `f`'s are
/// `lemmas[starts[f]..starts[f + 1]]`, in lemma order.
#[derive(Debug)]
struct FamilyMembers {
    starts: Vec<u32>,
    lemmas: Vec<u32>,
}

impl FamilyMembers {
    /// Groups the lemmas by family (a counting sort: one pass to count,
    /// one to place).
    fn build(lemma_family: &[u32], families: usize) -> FamilyMembers {
        let mut starts = vec![0u32; families + 1];
        for &f in lemma_family {
            starts[f as usize + 1] += 1;
        }
        for f in 0..families {
            starts[f + 1] += starts[f];
        }
        let mut next = starts.clone();
        let mut lemmas = vec![0u32; lemma_family.len()];
        for (id, &f) in lemma_family.iter().enumerate() {
            lemmas[next[f as usize] as usize] = id as u32;
            next[f as usize] += 1;
        }
        FamilyMembers { starts, lemmas }
    }
}

impl Lexdb {
    /// The database, loaded on first use (a header check and slicing of the
    /// embedded bytes: microseconds) and shared for the program's lifetime.
    pub fn get() -> &'static Lexdb {
        static DB: OnceLock<Lexdb> = OnceLock::new();
        DB.get_or_init(|| match Lexdb::load() {
            Ok(db) => db,
            // Only a broken build of data/lexdb.bin can get here; the tests
            // validate the embedded file in full.
            Err(e) => panic!(
                "factdesk-lexdb: embedded data/lexdb.bin is unusable: {}",
                e.0
            ),
        })
    }

    fn load() -> Result<Lexdb, format::FormatError> {
        let s = format::parse(format::embedded())?;
        let families = s
            .meta
            .lines()
            .find_map(|l| l.strip_prefix("families="))
            .and_then(|n| n.parse().ok())
            .ok_or(format::FormatError("META lacks the family count"))?;
        Ok(Lexdb {
            s,
            families,
            members: OnceLock::new(),
        })
    }

    /// Lets the system drop the database's pages from this process's
    /// resident memory (Linux; see the `resident` module): call it once an
    /// index has been built from it. Lookups keep working and read back only
    /// the pages they touch. Whether any pages were released.
    pub fn release_resident(&self) -> bool {
        resident::release(format::embedded())
    }

    /// The build's metadata: `key=value` lines naming the source and giving
    /// counts and the family-building parameters.
    pub fn metadata(&self) -> &str {
        self.s.meta
    }

    /// Number of lemmas (valid [`LemmaId`]s are `0..lemma_count()`).
    pub fn lemma_count(&self) -> usize {
        self.s.lemma_family.len()
    }

    /// Number of synsets (valid [`SynsetId`]s are `0..synset_count()`).
    pub fn synset_count(&self) -> usize {
        self.s.syn_pos.len()
    }

    /// Number of families (valid [`FamilyId`]s are `0..family_count()`).
    pub fn family_count(&self) -> usize {
        self.families as usize
    }

    // ---- lemmas ----

    fn lemma_bytes(&self, i: usize) -> &[u8] {
        let (a, b) = (
            self.s.lemma_off[i] as usize,
            self.s.lemma_off[i + 1] as usize,
        );
        &self.s.strings.as_bytes()[a..b]
    }

    /// Where `key` stands among the lemmas, sorted bytewise: the first
    /// lemma not below it (`lemma_count()` if none).
    fn lemma_lower_bound(&self, key: &[u8]) -> usize {
        lower_bound(self.lemma_count(), key, |i| self.lemma_bytes(i))
    }

    /// Binary search of an already-normalised lemma.
    fn find_lemma(&self, lemma: &str) -> Option<LemmaId> {
        let key = lemma.as_bytes();
        let i = self.lemma_lower_bound(key);
        (i < self.lemma_count() && self.lemma_bytes(i) == key).then_some(LemmaId(i as u32))
    }

    /// For a phrase of folded words (lower case, one space between words):
    /// its id if it is a lemma, and whether longer lemmas open with it and a
    /// space ("intensive care" is none, but "intensive care unit" opens with
    /// it), in one search: a reader looking up ever longer phrases of a text
    /// stops as soon as none can follow.
    pub fn phrase_lemma(&self, phrase: &str) -> (Option<LemmaId>, bool) {
        let key = phrase.as_bytes();
        let n = self.lemma_count();
        let lo = self.lemma_lower_bound(key);
        let exact = lo < n && self.lemma_bytes(lo) == key;
        let next = if exact { lo + 1 } else { lo };
        let longer = next < n && {
            let l = self.lemma_bytes(next);
            l.len() > key.len() && l.starts_with(key) && l[key.len()] == b' '
        };
        (exact.then_some(LemmaId(lo as u32)), longer)
    }

    /// The id of a lemma (exact dictionary form, after normalisation; no
    /// inflection handling: see [`Lexdb::base_forms`]).
    pub fn lemma_id(&self, lemma: &str) -> Option<LemmaId> {
        self.find_lemma(&normalize(lemma))
    }

    /// The lemma's string (lowercase, words separated by spaces).
    ///
    /// # Panics
    /// If `id` is not from this database.
    pub fn lemma(&self, id: LemmaId) -> &str {
        let i = id.0 as usize;
        let (a, b) = (
            self.s.lemma_off[i] as usize,
            self.s.lemma_off[i + 1] as usize,
        );
        &self.s.strings[a..b]
    }

    /// The id of a normalised form if it is a lemma with senses in `pos`.
    pub(crate) fn lemma_id_in(&self, form: &str, pos: Pos) -> Option<LemmaId> {
        let id = self.find_lemma(form)?;
        (!self.lemma_senses(id, pos).is_empty()).then_some(id)
    }

    /// What a verb sense causes, by WordNet's cause pointers: "die" for
    /// "kill", "rise" for "raise", "remember" for "remind". Empty for most
    /// synsets (221 pairs in all).
    pub fn causes(&self, synset: SynsetId) -> impl Iterator<Item = SynsetId> + '_ {
        let pairs = self.s.causes;
        pairs_of(pairs, synset.0).map(move |i| SynsetId(pairs[2 * i + 1]))
    }

    /// The antonyms of a lemma (exact form, after normalisation): the words
    /// WordNet marks as its opposites in some sense ("inexperienced" for
    /// "experienced", "sister" for "brother", "lose" for "win").
    pub fn antonyms(&self, lemma: &str) -> impl Iterator<Item = &str> + '_ {
        let pairs = self.s.antonyms;
        let found = match self.find_lemma(&normalize(lemma)) {
            Some(LemmaId(id)) => pairs_of(pairs, id),
            None => 0..0,
        };
        found.map(move |i| self.lemma(LemmaId(pairs[2 * i + 1])))
    }

    /// Whether `lemma` (exact form) is a lemma with at least one sense in `pos`.
    pub fn is_lemma(&self, lemma: &str, pos: Pos) -> bool {
        self.lemma_id_in(&normalize(lemma), pos).is_some()
    }

    // ---- morphology ----

    /// The number of forms in the exception lists.
    fn exception_count(&self) -> usize {
        self.s.exc_form_off.len() - 1
    }

    /// The `i`-th form of the exception lists (sorted bytewise).
    fn exception_form(&self, i: usize) -> &str {
        let forms = &self.s.exc_form_off;
        &self.s.strings[forms[i] as usize..forms[i + 1] as usize]
    }

    /// The entries of the `i`-th form of the exception lists: (part of speech, base).
    fn exception_entries(&self, i: usize) -> impl Iterator<Item = (Pos, LemmaId)> + '_ {
        self.s.exc_entries[self.s.exc_entry_off[i] as usize..self.s.exc_entry_off[i + 1] as usize]
            .iter()
            .map(|&e| (Pos::from_code(e >> 30), LemmaId(e & 0x3fff_ffff)))
    }

    /// Exception-list entries for a normalised form: (part of speech, base).
    pub(crate) fn exceptions(&self, form: &str) -> impl Iterator<Item = (Pos, LemmaId)> + '_ {
        let n = self.exception_count();
        let i = lower_bound(n, form.as_bytes(), |i| self.exception_form(i).as_bytes());
        (i < n && self.exception_form(i) == form)
            .then_some(i)
            .into_iter()
            .flat_map(move |i| self.exception_entries(i))
    }

    /// Every form WordNet's verb exception list holds, with the base it
    /// lists first (`began` → `begin`, `fled` → `flee`, `shot` → `shoot`),
    /// in the list's order; forms that are their own base are left out.
    pub fn irregular_verbs(&self) -> impl Iterator<Item = (&str, &str)> + '_ {
        (0..self.exception_count()).filter_map(move |i| {
            let form = self.exception_form(i);
            self.exception_entries(i)
                .find(|&(pos, _)| pos == Pos::Verb)
                .map(|(_, base)| (form, self.lemma(base)))
                .filter(|&(form, base)| form != base)
        })
    }

    /// The lemmas a word form can be an inflection of (or is), by WordNet's
    /// morphy: for each part of speech in [`Pos::ALL`] order, the exception
    /// lists (`began` → `begin`, `mice` → `mouse`, `better` → `good`) or else
    /// the word itself and the suffix rules (`investigated` → `investigate`),
    /// keeping only forms that are lemmas of that part of speech. Multi-word
    /// forms inflect their head (`machine guns` → `machine gun`).
    ///
    /// `shot` gives `(Noun, "shot")`, `(Verb, "shoot")`, `(Adj, "shot")`.
    pub fn base_forms(&self, word: &str) -> impl Iterator<Item = (Pos, &str)> + '_ {
        self.base_lemmas(word)
            .into_iter()
            .map(move |(pos, id)| (pos, self.lemma(id)))
    }

    /// Like [`Lexdb::base_forms`], as lemma ids.
    pub fn base_lemmas(&self, word: &str) -> Vec<(Pos, LemmaId)> {
        BASES.with(|memo| {
            if let Some(found) = memo.borrow().get(word) {
                return found.to_vec();
            }
            let found = self.look_up_base_lemmas(word);
            let mut memo = memo.borrow_mut();
            if memo.len() >= BASES_KEPT {
                memo.clear();
            }
            memo.insert(word.into(), found.as_slice().into());
            found
        })
    }

    /// Whether `word` is a lemma or a form of one (as [`Lexdb::base_forms`]
    /// finds), read without the per-thread memo: for words tried once, such
    /// as a typo's possible corrections.
    pub fn knows_form(&self, word: &str) -> bool {
        !self.look_up_base_lemmas(word).is_empty()
    }

    /// Whether `word` is itself a lemma, of any part of speech.
    pub fn is_any_lemma(&self, word: &str) -> bool {
        Pos::ALL.iter().any(|&pos| self.is_lemma(word, pos))
    }

    /// [`Lexdb::base_lemmas`], without the memo: morphy for every part of speech.
    fn look_up_base_lemmas(&self, word: &str) -> Vec<(Pos, LemmaId)> {
        let form = normalize(word);
        let mut out = Vec::new();
        if form.is_empty() {
            return out;
        }
        for pos in Pos::ALL {
            morphy::morphy(self, &form, pos, &mut out);
        }
        if out.is_empty() && form.contains('-') {
            let spaced = form.replace('-', " ");
            for pos in Pos::ALL {
                morphy::morphy(self, &spaced, pos, &mut out);
            }
        }
        out
    }

    // ---- families ----

    /// The derivational family of a lemma (exact form, after normalisation),
    /// or `None` if it is not a lemma. For running text use
    /// [`Lexdb::word_families`], which also handles inflections.
    pub fn family(&self, lemma: &str) -> Option<FamilyId> {
        self.lemma_id(lemma).map(|id| self.family_of(id))
    }

    /// The derivational family of a lemma id.
    pub fn family_of(&self, id: LemmaId) -> FamilyId {
        FamilyId(self.s.lemma_family[id.0 as usize])
    }

    /// The families of a word form: those of the word itself if it is a
    /// lemma, and of each of its [`Lexdb::base_forms`], without duplicates.
    /// `defected` and `defectors` give the family of `defect`; `dying` gives
    /// those of `dying` and `die`.
    pub fn word_families(&self, word: &str) -> Vec<FamilyId> {
        let mut out = Vec::new();
        if let Some(f) = self.family(word) {
            out.push(f);
        }
        for (_, id) in self.base_lemmas(word) {
            let f = self.family_of(id);
            if !out.contains(&f) {
                out.push(f);
            }
        }
        out
    }

    /// The lemmas of a family, in lemma order. The first call groups every
    /// lemma by family (a few milliseconds, about 1 MB); each call after it
    /// reads only the family's own lemmas.
    pub fn family_members(&self, family: FamilyId) -> impl Iterator<Item = &str> + '_ {
        let m = self
            .members
            .get_or_init(|| FamilyMembers::build(self.s.lemma_family, self.families as usize));
        let f = family.0 as usize;
        let range = match (m.starts.get(f), m.starts.get(f + 1)) {
            (Some(&a), Some(&b)) => a as usize..b as usize,
            _ => 0..0,
        };
        m.lemmas[range]
            .iter()
            .map(move |&id| self.lemma(LemmaId(id)))
    }

    // ---- senses ----

    /// All senses of a lemma id in one part of speech, most frequent first.
    ///
    /// A British spelling WordNet lists as a variant ("organisation",
    /// "colour") has no sense counts of its own, so its senses come in no
    /// useful order ("organisation" first meant "administration"): when the
    /// American spelling holds all of its senses and its first, the American
    /// spelling's order is used.
    pub fn lemma_senses(&self, id: LemmaId, pos: Pos) -> &[SynsetId] {
        let own = self.own_senses(id, pos);
        if own.len() > 1 {
            if let Some(us) = american_spelling(self.lemma(id)).and_then(|w| self.lemma_id(&w)) {
                let theirs = self.own_senses(us, pos);
                if theirs.first().is_some_and(|first| own.contains(first))
                    && own.iter().all(|s| theirs.contains(s))
                {
                    return theirs;
                }
            }
        }
        own
    }

    /// [`Lexdb::lemma_senses`] in the order the data file lists them.
    fn own_senses(&self, id: LemmaId, pos: Pos) -> &[SynsetId] {
        let i = id.0 as usize;
        let all = &self.s.lemma_senses
            [self.s.lemma_sense_off[i] as usize..self.s.lemma_sense_off[i + 1] as usize];
        // Senses are grouped by part of speech in Pos::ALL order; lists are short.
        let code = pos.code();
        let start = all
            .iter()
            .position(|s| self.s.syn_pos[s.0 as usize] == code)
            .unwrap_or(all.len());
        let len = all[start..]
            .iter()
            .take_while(|s| self.s.syn_pos[s.0 as usize] == code)
            .count();
        &all[start..start + len]
    }

    /// All senses of a lemma (exact form) in one part of speech, most
    /// frequent first (WordNet's sense order).
    pub fn all_senses(&self, lemma: &str, pos: Pos) -> &[SynsetId] {
        match self.lemma_id(lemma) {
            Some(id) => self.lemma_senses(id, pos),
            None => &[],
        }
    }

    /// The first [`SENSE_LIMIT`] senses of a lemma (exact form) in one part
    /// of speech, most frequent first.
    pub fn senses(&self, lemma: &str, pos: Pos) -> &[SynsetId] {
        let all = self.all_senses(lemma, pos);
        &all[..all.len().min(SENSE_LIMIT)]
    }

    /// The other lemmas of the lemma's first [`SENSE_LIMIT`] senses in
    /// `pos`, in sense then synset order, without duplicates.
    /// `synonyms("car", Noun)` starts with `auto`, `automobile`, `machine`.
    pub fn synonyms(&self, lemma: &str, pos: Pos) -> Vec<&str> {
        let Some(me) = self.lemma_id(lemma) else {
            return Vec::new();
        };
        let senses = self.lemma_senses(me, pos);
        let mut out: Vec<&str> = Vec::new();
        for &s in &senses[..senses.len().min(SENSE_LIMIT)] {
            for id in self.synset_lemmas(s) {
                let name = self.lemma(id);
                if id != me && !out.contains(&name) {
                    out.push(name);
                }
            }
        }
        out
    }

    // ---- synsets ----

    /// The synset's part of speech.
    pub fn synset_pos(&self, synset: SynsetId) -> Pos {
        Pos::from_code(u32::from(self.s.syn_pos[synset.0 as usize]))
    }

    /// The synset's lemmas, in WordNet's order (the first names it best).
    pub fn synset_lemmas(&self, synset: SynsetId) -> impl Iterator<Item = LemmaId> + '_ {
        let i = synset.0 as usize;
        self.s.syn_members[self.s.syn_member_off[i] as usize..self.s.syn_member_off[i + 1] as usize]
            .iter()
            .map(|&l| LemmaId(l))
    }

    /// The synset's lemmas as strings: `lemma_names(jeep's synset)` gives
    /// `jeep`, `landrover`.
    pub fn lemma_names(&self, synset: SynsetId) -> impl Iterator<Item = &str> + '_ {
        self.synset_lemmas(synset).map(move |id| self.lemma(id))
    }

    /// The synset's direct hypernyms (WordNet `@`, and `@i` for instances:
    /// `paris` is an instance of `national capital`). Adjectives and
    /// adverbs have none.
    pub fn hypernyms(&self, synset: SynsetId) -> &[SynsetId] {
        let i = synset.0 as usize;
        &self.s.syn_hypers[self.s.syn_hyper_off[i] as usize..self.s.syn_hyper_off[i + 1] as usize]
    }

    /// The synset's position in the source's `data.*` file (its WordNet 3.1
    /// offset, with [`Lexdb::synset_pos`] naming the file), or `None` for a
    /// synset added by the crate's supplement (`tools/supplement.tsv`).
    pub fn synset_offset(&self, synset: SynsetId) -> Option<u32> {
        Some(self.s.syn_offset[synset.0 as usize]).filter(|&o| o != 0)
    }

    /// The hypernyms of a synset up to `max_depth` levels, each with its
    /// smallest distance (1 = direct hypernym), nearest first. The synset
    /// itself is not included.
    pub fn hypernym_closure(&self, synset: SynsetId, max_depth: u8) -> Vec<(SynsetId, u8)> {
        let mut out = vec![(synset, 0)];
        self.expand_hypernyms(&mut out, max_depth);
        out.remove(0);
        out
    }

    /// Breadth-first: appends the hypernyms of the depth-0 entries of `out`.
    fn expand_hypernyms(&self, out: &mut Vec<(SynsetId, u8)>, max_depth: u8) {
        let mut i = 0;
        while i < out.len() {
            let (s, d) = out[i];
            i += 1;
            if d >= max_depth {
                continue;
            }
            for &h in self.hypernyms(s) {
                if !out.iter().any(|&(x, _)| x == h) {
                    out.push((h, d + 1));
                }
            }
        }
    }

    /// The concepts of a word form for indexing: the first [`SENSE_LIMIT`]
    /// senses of each of its [`Lexdb::base_forms`] (distance 0) and their
    /// hypernyms up to `max_depth` levels (distance 1..), each synset once
    /// with its smallest distance, in breadth-first order.
    pub fn concepts(&self, word: &str, max_depth: u8) -> Vec<(SynsetId, u8)> {
        let mut out: Vec<(SynsetId, u8)> = Vec::new();
        for (pos, id) in self.base_lemmas(word) {
            let senses = self.lemma_senses(id, pos);
            for &s in &senses[..senses.len().min(SENSE_LIMIT)] {
                if !out.iter().any(|&(x, _)| x == s) {
                    out.push((s, 0));
                }
            }
        }
        self.expand_hypernyms(&mut out, max_depth);
        out
    }

    /// The first [`SENSE_LIMIT`] senses of each base lemma of `word`, of
    /// every part of speech: what [`Lexdb::is_a`] looks for.
    fn leading_senses_of(&self, word: &str) -> Vec<SynsetId> {
        let mut out: Vec<SynsetId> = Vec::new();
        for (pos, id) in self.base_lemmas(word) {
            let senses = self.lemma_senses(id, pos);
            out.extend_from_slice(&senses[..senses.len().min(SENSE_LIMIT)]);
        }
        out
    }

    /// [`Lexdb::is_a`] through the first `senses` senses of `specific` as
    /// a `pos` only: "soldier" and "enemy" are persons in their first two,
    /// "tool" is not (its third sense, "a person used by another", is).
    pub fn leading_senses_are_a(
        &self,
        specific: &str,
        pos: Pos,
        senses: usize,
        general: &str,
    ) -> Option<u8> {
        let targets = self.leading_senses_of(general);
        let (p, id) = self
            .base_lemmas(specific)
            .into_iter()
            .find(|&(p, _)| p == pos)?;
        let own = self.lemma_senses(id, p);
        let mut out: Vec<(SynsetId, u8)> = own[..own.len().min(senses)]
            .iter()
            .map(|&s| (s, 0))
            .collect();
        self.expand_hypernyms(&mut out, MAX_IS_A_DEPTH);
        out.into_iter()
            .filter(|(s, _)| targets.contains(s))
            .map(|(_, d)| d)
            .min()
    }

    /// Whether `specific` is a kind of `general`: the smallest number of
    /// hypernym steps (up to [`MAX_IS_A_DEPTH`]) from one of the first
    /// [`SENSE_LIMIT`] senses of `specific` to one of the first senses of
    /// `general`, both taken through [`Lexdb::base_forms`]. `Some(0)` means
    /// they share a sense (synonyms). `is_a("jeep", "vehicle") == Some(5)`,
    /// `is_a("dog", "vehicle") == None`.
    pub fn is_a(&self, specific: &str, general: &str) -> Option<u8> {
        let targets = self.leading_senses_of(general);
        if targets.is_empty() {
            return None;
        }
        self.concepts(specific, MAX_IS_A_DEPTH)
            .into_iter()
            .filter(|(s, _)| targets.contains(s))
            .map(|(_, d)| d)
            .min()
    }
}

/// The indices of the pairs of `pairs` (flattened `(key, value)` pairs,
/// sorted) whose key is `key`.
fn pairs_of(pairs: &[u32], key: u32) -> std::ops::Range<usize> {
    // The first pair whose key is not below `k`.
    let first = |k: u32| {
        let (mut lo, mut hi) = (0usize, pairs.len() / 2);
        while lo < hi {
            let mid = lo + (hi - lo) / 2;
            if pairs[2 * mid] < k {
                lo = mid + 1;
            } else {
                hi = mid;
            }
        }
        lo
    };
    first(key)..key.checked_add(1).map_or(pairs.len() / 2, first)
}

/// The American spelling of a British one, by its ending: "organisation"
/// -> "organization", "colour" -> "color", "centre" -> "center", "defence"
/// -> "defense", "programme" -> "program", "catalogue" -> "catalog",
/// "analyse" -> "analyze". `None` for any other word.
pub fn american_spelling(word: &str) -> Option<String> {
    const ENDINGS: [(&str, &str); 10] = [
        ("isation", "ization"),
        ("isations", "izations"),
        ("our", "or"),
        ("ours", "ors"),
        ("tre", "ter"),
        ("tres", "ters"),
        ("ence", "ense"),
        ("ogue", "og"),
        ("mme", "m"),
        ("yse", "yze"),
    ];
    ENDINGS.iter().find_map(|(gb, us)| {
        let stem = word.strip_suffix(gb)?;
        (stem.chars().count() >= 2).then(|| format!("{stem}{us}"))
    })
}

/// Normalises a word for lookup: trims, lowercases, turns `_` and runs of
/// whitespace into one space and `’` into `'`. Borrows when nothing changes.
pub fn normalize(word: &str) -> Cow<'_, str> {
    let bytes = word.as_bytes();
    let clean = !bytes.is_empty()
        && bytes[0] != b' '
        && bytes[bytes.len() - 1] != b' '
        && bytes.windows(2).all(|w| w != b"  ")
        && bytes
            .iter()
            .all(|&b| b.is_ascii_lowercase() || b.is_ascii_digit() || b" -'./".contains(&b));
    if clean {
        return Cow::Borrowed(word);
    }
    let mut out = String::with_capacity(word.len());
    for part in word
        .split(|c: char| c.is_whitespace() || c == '_')
        .filter(|p| !p.is_empty())
    {
        if !out.is_empty() {
            out.push(' ');
        }
        for c in part.chars() {
            if c == '\u{2019}' {
                out.push('\'');
            } else {
                out.extend(c.to_lowercase());
            }
        }
    }
    Cow::Owned(out)
}

#[cfg(test)]
mod tests;
