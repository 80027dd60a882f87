//! Word lists and WordNet look-ups the extractor reads words with.

pub(super) use super::words::*;
use factdesk_lexdb::{Lexdb, Pos, SynsetId};
use rustc_hash::FxHashMap;
use std::cell::RefCell;
use std::sync::OnceLock;

/// Whether a folded word is a stopword of the engine's list.
pub(super) fn is_stop(w: &str) -> bool {
    crate::text::is_stopword(w)
}

/// What WordNet says of a word form, as bits (see [`flags`]).
const NOUN: u8 = 1;
const VERB: u8 = 2;
const ADJ_BASE: u8 = 4;
const ADJ_LEMMA: u8 = 8;
const INFLECTED_NOUN: u8 = 16;
const INFLECTED_VERB: u8 = 32;
const LEMMA: u8 = 64;
const ANY_BASE: u8 = 128;

thread_local! {
    /// Per-thread memo of [`flags`], [`class_of`] and [`is_kind_of`]: words
    /// repeat across sentences and questions, and a WordNet look-up costs
    /// several binary searches. Cleared past `CACHE_LIMIT` entries.
    static FLAGS: RefCell<FxHashMap<Box<str>, u8>> = RefCell::new(FxHashMap::default());
    static CLASSES: RefCell<FxHashMap<Box<str>, u8>> = RefCell::new(FxHashMap::default());
    static CLASSES_INFLECTED: RefCell<FxHashMap<Box<str>, u8>> = RefCell::new(FxHashMap::default());
    static KINDS: RefCell<FxHashMap<Box<str>, u8>> = RefCell::new(FxHashMap::default());
}
const CACHE_LIMIT: usize = 100_000;

thread_local! {
    static BASES: RefCell<FxHashMap<Box<str>, Box<[&'static str]>>> = RefCell::new(FxHashMap::default());
}

/// The noun and verb base forms of a folded word of three letters or more
/// ("fled" -> "flee"), memoised.
pub(super) fn bases(w: &str) -> Box<[&'static str]> {
    if w.len() < 3 || w.starts_with(|c: char| c.is_ascii_digit()) {
        return Box::new([]);
    }
    if let Some(v) = BASES.with(|c| c.borrow().get(w).cloned()) {
        return v;
    }
    let db: &'static Lexdb = Lexdb::get();
    let mut v: Vec<&'static str> = db
        .base_forms(w)
        .filter(|(p, b)| matches!(p, Pos::Noun | Pos::Verb) && b.len() >= 3)
        .map(|(_, b)| b)
        .collect();
    v.dedup();
    let v: Box<[&'static str]> = v.into();
    BASES.with(|c| {
        let mut c = c.borrow_mut();
        if c.len() >= CACHE_LIMIT {
            c.clear();
        }
        c.insert(w.into(), v.clone());
    });
    v
}

/// Looks `key` up in `cache`, computing and storing it when missing.
fn memo(
    cache: &'static std::thread::LocalKey<RefCell<FxHashMap<Box<str>, u8>>>,
    key: &str,
    compute: impl FnOnce() -> u8,
) -> u8 {
    if let Some(v) = cache.with(|c| c.borrow().get(key).copied()) {
        return v;
    }
    let v = compute();
    cache.with(|c| {
        let mut c = c.borrow_mut();
        if c.len() >= CACHE_LIMIT {
            c.clear();
        }
        c.insert(key.into(), v);
    });
    v
}

/// The WordNet bits of a folded word form.
fn flags(w: &str) -> u8 {
    memo(&FLAGS, w, || {
        let db = Lexdb::get();
        let mut f = 0;
        for (p, b) in db.base_forms(w) {
            f |= ANY_BASE;
            match p {
                Pos::Noun => f |= NOUN | if b != w { INFLECTED_NOUN } else { 0 },
                Pos::Verb => f |= VERB | if b != w { INFLECTED_VERB } else { 0 },
                Pos::Adj => f |= ADJ_BASE,
                Pos::Adv => {}
            }
        }
        if db.is_lemma(w, Pos::Adj) {
            f |= ADJ_LEMMA;
        }
        if db.lemma_id(w).is_some() {
            f |= LEMMA;
        }
        f
    })
}

/// Whether `w` is a plural or mass noun that a number can count
/// ("victims", "shots", "tons"): a noun whose WordNet base form differs from
/// it, or a unit.
pub(super) fn is_counted_noun(w: &str) -> bool {
    if UNITS.contains(&w) || TIME_UNITS.contains(&w) || CURRENCY_WORDS.contains(&w) || w == "people"
    {
        return true;
    }
    // "triple-doubles": by its last part.
    if let Some((_, last)) = w.rsplit_once('-') {
        return last.len() >= 3 && is_counted_noun(last);
    }
    if w.len() < 3 || !w.ends_with('s') && !w.ends_with("men") && !w.ends_with("ple") {
        return false;
    }
    flags(w) & INFLECTED_NOUN != 0
}

/// Whether `w` can be a noun (any WordNet noun sense of it or its base form).
pub(super) fn is_noun(w: &str) -> bool {
    flags(w) & NOUN != 0
}

/// Whether `w` is (an inflection of) a verb and has no noun or adjective
/// reading ("crashed", "fled"; not "fire", "warning").
pub(super) fn is_verb_only(w: &str) -> bool {
    flags(w) & (VERB | NOUN | ADJ_BASE) == VERB
}

/// Whether `w` can be a verb form.
pub(super) fn is_verb(w: &str) -> bool {
    flags(w) & VERB != 0
}

/// Whether `w` is an inflected verb form ("led", "shows", "used").
pub(super) fn is_inflected_verb(w: &str) -> bool {
    flags(w) & INFLECTED_VERB != 0
}

/// Whether `w` is only an adverb in WordNet ("specifically").
pub(super) fn is_adverb_only(w: &str) -> bool {
    flags(w) & (ANY_BASE | NOUN | VERB | ADJ_BASE) == ANY_BASE
}

/// Whether `w` is an adjective of WordNet ("korean", "heavy").
pub(super) fn is_adjective(w: &str) -> bool {
    flags(w) & ADJ_LEMMA != 0
}

/// Whether `w` is a noun more than an adjective: WordNet gives its noun
/// readings more senses ("iron", "model"; not "free", "independent").
pub(super) fn mostly_a_noun(w: &str) -> bool {
    if !is_noun(w) {
        return false;
    }
    if !is_adjective(w) {
        return true;
    }
    let db = Lexdb::get();
    let senses = |pos: Pos| -> usize {
        db.base_lemmas(w)
            .into_iter()
            .filter(|&(p, _)| p == pos)
            .map(|(p, id)| db.lemma_senses(id, p).len())
            .max()
            .unwrap_or(0)
    };
    senses(Pos::Noun) > senses(Pos::Adj)
}

/// Whether WordNet knows `w` or a base form of it.
pub(super) fn is_known(w: &str) -> bool {
    flags(w) & ANY_BASE != 0
}

/// The broad kind of thing a noun names, by WordNet's hypernyms.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub(super) enum Class {
    Person,
    Organisation,
    Place,
    Time,
    Amount,
}

struct Targets {
    sets: Vec<(Class, Vec<SynsetId>)>,
}

fn targets() -> &'static Targets {
    static T: OnceLock<Targets> = OnceLock::new();
    T.get_or_init(|| {
        let db = Lexdb::get();
        let first = |w: &str| db.senses(w, Pos::Noun).first().copied();
        let set = |ws: &[&str]| ws.iter().filter_map(|w| first(w)).collect::<Vec<_>>();
        Targets {
            sets: vec![
                (
                    Class::Time,
                    set(&[
                        "time period",
                        "year",
                        "day",
                        "month",
                        "season",
                        "date",
                        "time unit",
                        "clock time",
                        "geological time",
                    ]),
                ),
                (Class::Person, set(&["person"])),
                (
                    Class::Organisation,
                    set(&[
                        "organization",
                        "institution",
                        "company",
                        "agency",
                        "team",
                        "party",
                    ]),
                ),
                (
                    Class::Place,
                    set(&[
                        "location",
                        "region",
                        "country",
                        "city",
                        "building",
                        "geographical area",
                        "body of water",
                        "land",
                        "continent",
                        "landmass",
                    ]),
                ),
                (
                    Class::Amount,
                    set(&[
                        "number",
                        "amount",
                        "quantity",
                        "count",
                        "magnitude",
                        "regular payment",
                        "monetary value",
                    ]),
                ),
            ],
        }
    })
}

/// The class of a lemma's first noun sense (exact lemma, or its base form
/// when `inflected`): its hypernyms up to 12 levels, nearest class first.
pub(super) fn class_of(word: &str, inflected: bool) -> Option<Class> {
    let cache = if inflected {
        &CLASSES_INFLECTED
    } else {
        &CLASSES
    };
    let code = memo(cache, word, || match class_uncached(word, inflected) {
        None => 0,
        Some(c) => c as u8 + 1,
    });
    [
        None,
        Some(Class::Person),
        Some(Class::Organisation),
        Some(Class::Place),
        Some(Class::Time),
        Some(Class::Amount),
    ][code as usize]
}

fn class_uncached(word: &str, inflected: bool) -> Option<Class> {
    let db = Lexdb::get();
    let sense = if inflected {
        // A plural's singular before the plural as a lemma ("parks": "park", not Rosa Parks).
        let mut nouns: Vec<&str> = db
            .base_forms(word)
            .filter(|(p, _)| *p == Pos::Noun)
            .map(|(_, b)| b)
            .collect();
        nouns.sort_by_key(|b| *b == word);
        nouns
            .into_iter()
            .find_map(|b| db.senses(b, Pos::Noun).first().copied())
    } else {
        db.senses(word, Pos::Noun).first().copied()
    }?;
    let t = targets();
    let hit = |s: SynsetId| t.sets.iter().find(|(_, v)| v.contains(&s)).map(|(c, _)| *c);
    if let Some(c) = hit(sense) {
        return Some(c);
    }
    db.hypernym_closure(sense, 12)
        .into_iter()
        .find_map(|(s, _)| hit(s))
}

/// Whether a noun's first sense (of it or its singular) is a lifeless
/// physical thing, an object, a substance or a place ("border", "paper",
/// "river", "embassy"), and neither a time, a living thing ("soldier") nor
/// an event ("film", a show as much as a reel): its length is a measure.
pub(super) fn names_a_physical_thing(word: &str) -> bool {
    static ROOTS: OnceLock<Option<[SynsetId; 4]>> = OnceLock::new();
    let Some([physical, living, event, feature]) = *ROOTS.get_or_init(|| {
        let db = Lexdb::get();
        let first = |w: &str| db.senses(w, Pos::Noun).first().copied();
        Some([
            first("physical entity")?,
            first("living thing")?,
            first("event")?,
            first("psychological feature")?,
        ])
    }) else {
        return false;
    };
    let db = Lexdb::get();
    let Some(sense) = db
        .base_forms(word)
        .filter(|(p, _)| *p == Pos::Noun)
        .find_map(|(_, b)| db.senses(b, Pos::Noun).first().copied())
    else {
        return false;
    };
    let kinds = db.hypernym_closure(sense, 16);
    let is = |root: SynsetId| kinds.iter().any(|&(s, _)| s == root);
    class_of(word, true) != Some(Class::Time)
        && is(physical)
        && !is(living)
        && !is(event)
        && !is(feature)
}

/// Whether the lemma `word` (exact form) is in WordNet at all.
pub(super) fn is_lemma(word: &str) -> bool {
    flags(word) & LEMMA != 0
}

/// Whether `specific` is a kind of `general` (any sense, base forms).
pub(super) fn is_kind_of(specific: &str, general: &str) -> bool {
    if specific == general || !is_known(specific) {
        return false;
    }
    // The memo's key, "specific\u{2}general", on the stack when it fits.
    let mut buf = [0u8; 64];
    let len = specific.len() + 1 + general.len();
    let owned;
    let key = if len <= buf.len() {
        buf[..specific.len()].copy_from_slice(specific.as_bytes());
        buf[specific.len()] = 2;
        buf[specific.len() + 1..len].copy_from_slice(general.as_bytes());
        std::str::from_utf8(&buf[..len]).unwrap_or_default()
    } else {
        owned = format!("{specific}\u{2}{general}");
        &owned
    };
    memo(&KINDS, key, || {
        u8::from(Lexdb::get().is_a(specific, general).is_some_and(|d| d >= 1))
    }) == 1
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn word_lists_are_sorted_and_lowercase() {
        for list in [
            MONTHS,
            WEEKDAYS,
            DAY_PARTS,
            SEASONS,
            TIME_UNITS,
            RELATIVE,
            MULTIPLIERS,
            CURRENCY_WORDS,
            CURRENCY_SIGNS,
            SPELLED,
            ORDINALS,
            UNITS,
            TITLES,
            ORG_WORDS,
            PLACE_HEADS,
            PLACE_FIRSTS,
            EVENT_HEADS,
            PLACE_PREPS,
            PLACE_ACRONYMS,
            SAY_VERBS,
            NAME_JOINERS,
            AUX,
            NEGATIONS,
            CLAUSE_OPENERS,
            PREPOSITIONS,
            DETERMINERS,
            PRONOUNS,
        ] {
            assert!(list.0.windows(2).all(|w| w[0] < w[1]), "{:?}", list.0);
            assert!(list.0.iter().all(|w| w.to_lowercase() == *w));
        }
    }

    #[test]
    fn classes_come_from_hypernyms() {
        assert_eq!(class_of("north korea", false), Some(Class::Place));
        assert_eq!(class_of("paris", false), Some(Class::Place));
        assert_eq!(class_of("nasa", false), Some(Class::Organisation));
        assert_eq!(class_of("iron age", false), Some(Class::Time));
        assert_eq!(class_of("clark", false), Some(Class::Person));
        assert_eq!(class_of("soldiers", true), Some(Class::Person));
        assert_eq!(class_of("year", false), Some(Class::Time));
        assert_eq!(class_of("doctrine", false), None);
        // Pay and prices are amounts: "what is the average salary?".
        assert_eq!(class_of("salary", false), Some(Class::Amount));
        assert_eq!(class_of("wages", true), Some(Class::Amount));
        assert_eq!(class_of("price", false), Some(Class::Amount));
        assert!(is_counted_noun("victims"));
        assert!(is_counted_noun("tons"));
        assert!(!is_counted_noun("warning"));
        assert!(is_verb_only("crashed"));
        assert!(!is_verb_only("fire"));
    }
}
