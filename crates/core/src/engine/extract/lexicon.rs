//! Word lists and WordNet look-ups the extractor reads words with.

use factdesk_lexdb::{Lexdb, Pos, SynsetId};
use rustc_hash::FxHashMap;
use std::cell::RefCell;
use std::sync::OnceLock;

/// A sorted list of folded words with an index by first byte, built and
/// checked (order, no duplicates) when the constant is compiled: a look-up
/// compares lengths, then bytes, of the few words sharing the first byte.
#[derive(Clone, Copy, Debug)]
pub(super) struct Words(pub &'static [&'static str], [u16; 257]);

/// Whether `a` sorts strictly before `b`, bytewise (as `str`'s `Ord`).
const fn before(a: &[u8], b: &[u8]) -> bool {
    let mut k = 0;
    while k < a.len() && k < b.len() {
        if a[k] != b[k] {
            return a[k] < b[k];
        }
        k += 1;
    }
    a.len() < b.len()
}

impl Words {
    /// The list, which must be sorted and without duplicates (or empty
    /// words: the index is by first byte).
    pub const fn new(list: &'static [&'static str]) -> Words {
        let mut i = 1;
        while i < list.len() {
            assert!(
                before(list[i - 1].as_bytes(), list[i].as_bytes()),
                "word list out of order"
            );
            i += 1;
        }
        // index[b]..index[b + 1]: the words whose first byte is b.
        let mut index = [0u16; 257];
        let mut b = 0;
        let mut k = 0;
        while b < 256 {
            index[b] = k as u16;
            while k < list.len() && list[k].as_bytes()[0] as usize == b {
                k += 1;
            }
            b += 1;
        }
        index[256] = k as u16;
        Words(list, index)
    }

    /// Whether `w` is in the list.
    pub fn contains(&self, w: &&str) -> bool {
        let bytes = w.as_bytes();
        let Some(&first) = bytes.first() else {
            return false;
        };
        let (a, b) = (
            self.1[first as usize] as usize,
            self.1[first as usize + 1] as usize,
        );
        self.0[a..b]
            .iter()
            .any(|x| x.len() == bytes.len() && x.as_bytes() == bytes)
    }
}

pub(super) const MONTHS: Words = Words::new(&[
    "apr",
    "april",
    "aug",
    "august",
    "dec",
    "december",
    "feb",
    "february",
    "jan",
    "january",
    "jul",
    "july",
    "jun",
    "june",
    "mar",
    "march",
    "may",
    "nov",
    "november",
    "oct",
    "october",
    "sep",
    "sept",
    "september",
]);
pub(super) const WEEKDAYS: Words = Words::new(&[
    "friday",
    "monday",
    "saturday",
    "sunday",
    "thursday",
    "tuesday",
    "wednesday",
]);
/// Parts of a day that may follow a weekday or "this"/"last".
pub(super) const DAY_PARTS: Words = Words::new(&[
    "afternoon",
    "evening",
    "morning",
    "night",
    "overnight",
    "weekend",
]);
pub(super) const SEASONS: Words = Words::new(&["autumn", "fall", "spring", "summer", "winter"]);
/// Units of time: "90 minutes", "two decades".
pub(super) const TIME_UNITS: Words = Words::new(&[
    "centuries",
    "century",
    "day",
    "days",
    "decade",
    "decades",
    "fortnight",
    "fortnights",
    "hour",
    "hours",
    "hrs",
    "millennia",
    "millennium",
    "min",
    "mins",
    "minute",
    "minutes",
    "month",
    "months",
    "sec",
    "second",
    "seconds",
    "secs",
    "week",
    "weeks",
    "year",
    "years",
]);
/// Words after an amount of time that make it a point in time: "90 minutes later".
pub(super) const RELATIVE: Words =
    Words::new(&["after", "afterwards", "ago", "before", "earlier", "later"]);
pub(super) const MULTIPLIERS: Words = Words::new(&[
    "billion",
    "billions",
    "bn",
    "crore",
    "dozen",
    "hundred",
    "hundreds",
    "k",
    "lakh",
    "m",
    "million",
    "millions",
    "mn",
    "thousand",
    "thousands",
    "trillion",
    "trillions",
]);
pub(super) const CURRENCY_WORDS: Words = Words::new(&[
    "baht",
    "cent",
    "cents",
    "dinars",
    "dollar",
    "dollars",
    "eur",
    "euro",
    "euros",
    "franc",
    "francs",
    "gbp",
    "krona",
    "kronor",
    "lira",
    "pence",
    "peso",
    "pesos",
    "pound",
    "pounds",
    "rand",
    "renminbi",
    "ringgit",
    "rouble",
    "roubles",
    "ruble",
    "rubles",
    "rupee",
    "rupees",
    "shillings",
    "sterling",
    "usd",
    "won",
    "yen",
    "yuan",
]);
pub(super) const CURRENCY_SIGNS: Words = Words::new(&["$", "£", "¥", "₩", "€", "₹", "₽"]);
/// Spelled cardinal numbers (not "one": too often a pronoun).
pub(super) const SPELLED: Words = Words::new(&[
    "billions",
    "dozen",
    "dozens",
    "eight",
    "eighteen",
    "eighty",
    "eleven",
    "fifteen",
    "fifty",
    "five",
    "forty",
    "four",
    "fourteen",
    "half",
    "hundreds",
    "millions",
    "nine",
    "nineteen",
    "ninety",
    "seven",
    "seventeen",
    "seventy",
    "six",
    "sixteen",
    "sixty",
    "ten",
    "thirteen",
    "thirty",
    "thousands",
    "three",
    "twelve",
    "twenty",
    "two",
    "zero",
]);
/// Ordinals in words, for centuries: "the nineteenth century".
pub(super) const ORDINALS: Words = Words::new(&[
    "eighteenth",
    "eighth",
    "eleventh",
    "fifteenth",
    "fifth",
    "first",
    "fourteenth",
    "fourth",
    "nineteenth",
    "ninth",
    "second",
    "seventeenth",
    "seventh",
    "sixteenth",
    "sixth",
    "tenth",
    "third",
    "thirteenth",
    "twelfth",
    "twentieth",
    "twenty-first",
]);
/// Units a number may measure: "2,300 tons", "1,900 miles".
pub(super) const UNITS: Words = Words::new(&[
    "acre",
    "acres",
    "bar",
    "barrels",
    "bytes",
    "calories",
    "cm",
    "cubic",
    "degrees",
    "feet",
    "fold",
    "foot",
    "ft",
    "gallons",
    "gb",
    "gbit",
    "gbps",
    "ghz",
    "grams",
    "ha",
    "hectares",
    "hz",
    "inch",
    "inches",
    "kb",
    "kbit",
    "kbps",
    "kg",
    "kilograms",
    "kilometers",
    "kilometres",
    "km",
    "kph",
    "kw",
    "kwh",
    "lb",
    "lbs",
    "liters",
    "litres",
    "m",
    "mb",
    "mbit",
    "mbps",
    "megawatts",
    "meters",
    "metres",
    "mg",
    "mi",
    "miles",
    "ml",
    "mm",
    "mph",
    "mw",
    "nm",
    "ounces",
    "percent",
    "points",
    "sq",
    "square",
    "tb",
    "times",
    "tonnes",
    "tons",
    "volts",
    "watts",
    "yards",
]);
/// Titles before a person's name, kept with it: "Governor Maria Delgado".
pub(super) const TITLES: Words = Words::new(&[
    "admiral",
    "ambassador",
    "archbishop",
    "bishop",
    "capt",
    "captain",
    "cardinal",
    "ceo",
    "chairman",
    "chairwoman",
    "chancellor",
    "chief",
    "coach",
    "col",
    "colonel",
    "commissioner",
    "congressman",
    "congresswoman",
    "czar",
    "dame",
    "detective",
    "director",
    "dr",
    "emperor",
    "gen",
    "general",
    "gov",
    "governor",
    "inspector",
    "judge",
    "justice",
    "king",
    "lady",
    "lieutenant",
    "lord",
    "lt",
    "madam",
    "manager",
    "marshal",
    "mayor",
    "minister",
    "mr",
    "mrs",
    "ms",
    "officer",
    "pharaoh",
    "pope",
    "premier",
    "president",
    "prince",
    "princess",
    "prof",
    "professor",
    "prophet",
    "queen",
    "rabbi",
    "rep",
    "representative",
    "rev",
    "reverend",
    "saint",
    "secretary",
    "sen",
    "senator",
    "sergeant",
    "sgt",
    "shah",
    "sheriff",
    "sir",
    "st",
    "sultan",
    "superintendent",
    "tsar",
]);
/// Words that make a capitalised name an organisation.
pub(super) const ORG_WORDS: Words = Words::new(&[
    "academy",
    "administration",
    "agency",
    "airlines",
    "airways",
    "alliance",
    "army",
    "assemblies",
    "assembly",
    "association",
    "authority",
    "bank",
    "board",
    "brigade",
    "brothers",
    "bureau",
    "cabinet",
    "church",
    "club",
    "co",
    "college",
    "commission",
    "committee",
    "commonwealth",
    "company",
    "conference",
    "congress",
    "corp",
    "corporation",
    "council",
    "court",
    "department",
    "directorate",
    "entertainment",
    "fc",
    "federation",
    "force",
    "forces",
    "foundation",
    "fund",
    "government",
    "group",
    "guard",
    "guardian",
    "herald",
    "holdings",
    "hospital",
    "inc",
    "institute",
    "institution",
    "journal",
    "laboratories",
    "laboratory",
    "labs",
    "league",
    "llc",
    "ltd",
    "media",
    "ministry",
    "motors",
    "museum",
    "navy",
    "network",
    "news",
    "observatory",
    "office",
    "organisation",
    "organization",
    "parliament",
    "party",
    "pictures",
    "plc",
    "police",
    "post",
    "press",
    "railway",
    "railways",
    "records",
    "regiment",
    "school",
    "senate",
    "service",
    "services",
    "society",
    "studios",
    "synod",
    "systems",
    "team",
    "technologies",
    "telegraph",
    "times",
    "tribunal",
    "trust",
    "union",
    "united",
    "university",
]);
/// Words that make a capitalised name a place when they end it: "Indus Valley".
pub(super) const PLACE_HEADS: Words = Words::new(&[
    "airport",
    "arena",
    "avenue",
    "basin",
    "bay",
    "beach",
    "borough",
    "bridge",
    "canal",
    "canyon",
    "cape",
    "castle",
    "cathedral",
    "channel",
    "city",
    "coast",
    "county",
    "creek",
    "delta",
    "desert",
    "district",
    "empire",
    "forest",
    "gulf",
    "hall",
    "harbor",
    "harbour",
    "heights",
    "highlands",
    "hill",
    "hills",
    "house",
    "island",
    "islands",
    "isles",
    "kingdom",
    "lake",
    "lane",
    "mountain",
    "mountains",
    "oblast",
    "ocean",
    "palace",
    "parish",
    "park",
    "peninsula",
    "plain",
    "plains",
    "plateau",
    "port",
    "prefecture",
    "province",
    "region",
    "republic",
    "river",
    "road",
    "sea",
    "shire",
    "square",
    "stadium",
    "state",
    "states",
    "station",
    "strait",
    "street",
    "temple",
    "territory",
    "tower",
    "town",
    "valley",
    "village",
    "volcano",
    "zone",
]);
/// Words that make a capitalised name a place when they begin it: "Mount Everest".
pub(super) const PLACE_FIRSTS: Words = Words::new(&[
    "bay", "cape", "city", "county", "district", "fort", "greater", "gulf", "isle", "kingdom",
    "lake", "lower", "mount", "mt", "port", "province", "republic", "state", "upper",
]);
/// Last words of named periods and events, which answer "when".
pub(super) const EVENT_HEADS: Words = Words::new(&[
    "age",
    "ages",
    "boom",
    "conquest",
    "crisis",
    "depression",
    "dynasty",
    "enlightenment",
    "eon",
    "epoch",
    "era",
    "explosion",
    "famine",
    "invasion",
    "olympics",
    "period",
    "rebellion",
    "reformation",
    "reign",
    "renaissance",
    "restoration",
    "revolution",
    "uprising",
    "war",
]);
/// Prepositions after which a name is read as a place.
pub(super) const PLACE_PREPS: Words = Words::new(&[
    "across",
    "at",
    "central",
    "eastern",
    "from",
    "in",
    "inside",
    "into",
    "near",
    "northern",
    "off",
    "outside",
    "southern",
    "throughout",
    "toward",
    "towards",
    "western",
    "within",
]);
/// Acronyms of places.
pub(super) const PLACE_ACRONYMS: Words = Words::new(&[
    "dmz", "dprk", "drc", "prc", "rok", "u.k", "u.s", "u.s.a", "uae", "uk", "us", "usa", "ussr",
]);
/// Verbs of saying: a name before or after one is a person.
pub(super) const SAY_VERBS: Words = Words::new(&[
    "acknowledged",
    "added",
    "admitted",
    "announced",
    "argued",
    "asked",
    "believed",
    "believes",
    "claimed",
    "commented",
    "confirmed",
    "declared",
    "denied",
    "explained",
    "insisted",
    "noted",
    "recalled",
    "replied",
    "reported",
    "said",
    "says",
    "stated",
    "suggested",
    "thinks",
    "thought",
    "told",
    "tweeted",
    "warned",
    "writes",
    "wrote",
]);
/// Words inside a name that do not end it: "University of Oxford", "Ludwig van Beethoven".
pub(super) const NAME_JOINERS: Words = Words::new(&[
    "&", "al", "and", "bin", "da", "de", "del", "der", "di", "du", "for", "la", "le", "of", "van",
    "von", "y",
]);
/// Verbs that read as auxiliaries in questions and clauses.
pub(super) const AUX: Words = Words::new(&[
    "am", "are", "arent", "be", "been", "being", "can", "cant", "could", "couldnt", "did", "didnt",
    "do", "does", "doesnt", "dont", "had", "hadnt", "has", "hasnt", "have", "havent", "is", "isnt",
    "may", "might", "must", "shall", "should", "shouldnt", "was", "wasnt", "were", "werent",
    "will", "wont", "would", "wouldnt",
]);
/// Words that negate a clause.
pub(super) const NEGATIONS: Words = Words::new(&[
    "arent", "cannot", "cant", "couldnt", "denied", "didnt", "doesnt", "dont", "failed", "hadnt",
    "hasnt", "havent", "isnt", "neither", "never", "no", "nobody", "none", "nor", "not", "nothing",
    "nowhere", "refused", "shouldnt", "wasnt", "werent", "without", "wont", "wouldnt",
]);
/// Words that open a clause inside a sentence (a phrase boundary).
pub(super) const CLAUSE_OPENERS: Words = Words::new(&[
    "although", "because", "but", "however", "though", "unless", "whereas", "which", "while",
    "whilst", "who", "whom", "whose", "yet",
]);
/// Prepositions (phrase openers inside a stretch).
pub(super) const PREPOSITIONS: Words = Words::new(&[
    "about",
    "above",
    "across",
    "after",
    "against",
    "along",
    "amid",
    "among",
    "around",
    "as",
    "at",
    "before",
    "behind",
    "below",
    "beneath",
    "beside",
    "besides",
    "between",
    "beyond",
    "by",
    "despite",
    "down",
    "during",
    "except",
    "for",
    "from",
    "in",
    "inside",
    "into",
    "like",
    "near",
    "of",
    "off",
    "on",
    "onto",
    "out",
    "outside",
    "over",
    "past",
    "per",
    "since",
    "than",
    "through",
    "throughout",
    "to",
    "toward",
    "towards",
    "under",
    "unlike",
    "until",
    "up",
    "upon",
    "via",
    "with",
    "within",
    "without",
]);
/// Determiners and possessives that may open a noun phrase.
pub(super) const DETERMINERS: Words = Words::new(&[
    "a", "all", "an", "any", "both", "each", "every", "her", "his", "its", "many", "most", "my",
    "no", "our", "several", "some", "that", "the", "their", "these", "this", "those", "your",
]);
/// Pronouns (never an answer on their own).
pub(super) const PRONOUNS: Words = Words::new(&[
    "he",
    "her",
    "herself",
    "him",
    "himself",
    "his",
    "i",
    "it",
    "its",
    "itself",
    "me",
    "one",
    "ones",
    "she",
    "such",
    "that",
    "them",
    "themselves",
    "there",
    "these",
    "they",
    "this",
    "those",
    "us",
    "we",
    "what",
    "which",
    "who",
    "you",
]);

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
                    set(&["number", "amount", "quantity", "count", "magnitude"]),
                ),
            ],
        }
    })
}

/// The class of a lemma's first noun sense (exact lemma, or its base form
/// when `inflected`): its hypernyms up to 12 levels, nearest class first.
pub(super) fn class_of(word: &str, inflected: bool) -> Option<Class> {
    let key = if inflected {
        format!("{word}\u{1}")
    } else {
        word.to_string()
    };
    let code = memo(&CLASSES, &key, || match class_uncached(word, inflected) {
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

/// Whether the lemma `word` (exact form) is in WordNet at all.
pub(super) fn is_lemma(word: &str) -> bool {
    flags(word) & LEMMA != 0
}

/// Whether `specific` is a kind of `general` (any sense, base forms).
pub(super) fn is_kind_of(specific: &str, general: &str) -> bool {
    if specific == general || !is_known(specific) {
        return false;
    }
    let key = format!("{specific}\u{2}{general}");
    memo(&KINDS, &key, || {
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
        assert!(is_counted_noun("victims"));
        assert!(is_counted_noun("tons"));
        assert!(!is_counted_noun("warning"));
        assert!(is_verb_only("crashed"));
        assert!(!is_verb_only("fire"));
    }
}
