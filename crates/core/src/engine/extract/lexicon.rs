//! Word lists and WordNet look-ups the extractor reads words with.

use factdesk_lexdb::{Lexdb, Pos, SynsetId};
use std::sync::OnceLock;

pub(super) const MONTHS: &[&str] = &[
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
];
pub(super) const WEEKDAYS: &[&str] = &[
    "friday",
    "monday",
    "saturday",
    "sunday",
    "thursday",
    "tuesday",
    "wednesday",
];
/// Parts of a day that may follow a weekday or "this"/"last".
pub(super) const DAY_PARTS: &[&str] = &[
    "afternoon",
    "evening",
    "morning",
    "night",
    "overnight",
    "weekend",
];
pub(super) const SEASONS: &[&str] = &["autumn", "fall", "spring", "summer", "winter"];
/// Units of time: "90 minutes", "two decades".
pub(super) const TIME_UNITS: &[&str] = &[
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
];
/// Words after an amount of time that make it a point in time: "90 minutes later".
pub(super) const RELATIVE: &[&str] = &["ago", "earlier", "later", "afterwards", "after", "before"];
pub(super) const MULTIPLIERS: &[&str] = &[
    "bn",
    "billion",
    "billions",
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
];
pub(super) const CURRENCY_WORDS: &[&str] = &[
    "cent",
    "cents",
    "dollar",
    "dollars",
    "euro",
    "euros",
    "franc",
    "francs",
    "pence",
    "peso",
    "pesos",
    "pound",
    "pounds",
    "rouble",
    "roubles",
    "ruble",
    "rubles",
    "rupee",
    "rupees",
    "sterling",
    "usd",
    "eur",
    "gbp",
    "won",
    "yen",
    "yuan",
    "renminbi",
    "shillings",
    "dinars",
    "rand",
    "lira",
    "krona",
    "kronor",
    "baht",
    "ringgit",
];
pub(super) const CURRENCY_SIGNS: &[&str] = &["$", "£", "€", "¥", "₹", "₩", "₽"];
/// Spelled cardinal numbers (not "one": too often a pronoun).
pub(super) const SPELLED: &[&str] = &[
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
    "three",
    "twelve",
    "twenty",
    "two",
    "dozens",
    "hundreds",
    "thousands",
    "millions",
    "billions",
    "half",
    "dozen",
    "zero",
];
/// Ordinals in words, for centuries: "the nineteenth century".
pub(super) const ORDINALS: &[&str] = &[
    "eighteenth",
    "eighth",
    "eleventh",
    "fifteenth",
    "fifth",
    "first",
    "fourteenth",
    "fourth",
    "ninth",
    "nineteenth",
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
];
/// Units a number may measure: "2,300 tons", "1,900 miles".
pub(super) const UNITS: &[&str] = &[
    "acre",
    "acres",
    "bar",
    "barrels",
    "bytes",
    "calories",
    "cm",
    "degrees",
    "feet",
    "foot",
    "ft",
    "gallons",
    "gb",
    "ghz",
    "grams",
    "ha",
    "hectares",
    "hz",
    "inch",
    "inches",
    "kb",
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
    "litres",
    "liters",
    "m",
    "mb",
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
    "points",
    "sq",
    "square",
    "tb",
    "tonnes",
    "tons",
    "volts",
    "watts",
    "yards",
    "percent",
    "cubic",
    "times",
    "fold",
];
/// Titles before a person's name, kept with it: "Governor Maria Delgado".
pub(super) const TITLES: &[&str] = &[
    "archbishop",
    "bishop",
    "capt",
    "captain",
    "cardinal",
    "chancellor",
    "chief",
    "col",
    "colonel",
    "commissioner",
    "congressman",
    "congresswoman",
    "coach",
    "dame",
    "detective",
    "dr",
    "emperor",
    "gen",
    "general",
    "gov",
    "governor",
    "judge",
    "justice",
    "king",
    "lady",
    "lieutenant",
    "lord",
    "lt",
    "madam",
    "manager",
    "mayor",
    "minister",
    "mr",
    "mrs",
    "ms",
    "pope",
    "premier",
    "president",
    "prince",
    "princess",
    "prof",
    "professor",
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
    "sheriff",
    "sir",
    "sultan",
    "ambassador",
    "officer",
    "chairman",
    "chairwoman",
    "ceo",
    "director",
    "inspector",
    "superintendent",
    "admiral",
    "marshal",
    "tsar",
    "czar",
    "shah",
    "pharaoh",
    "prophet",
    "st",
];
/// Words that make a capitalised name an organisation.
pub(super) const ORG_WORDS: &[&str] = &[
    "academy",
    "administration",
    "agency",
    "airlines",
    "airways",
    "alliance",
    "army",
    "assembly",
    "association",
    "authority",
    "bank",
    "board",
    "brigade",
    "bureau",
    "cabinet",
    "church",
    "club",
    "co",
    "college",
    "commission",
    "committee",
    "company",
    "conference",
    "congress",
    "corp",
    "corporation",
    "council",
    "court",
    "department",
    "directorate",
    "fc",
    "federation",
    "force",
    "forces",
    "foundation",
    "fund",
    "government",
    "group",
    "guard",
    "holdings",
    "hospital",
    "inc",
    "institute",
    "institution",
    "journal",
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
    "office",
    "organisation",
    "organization",
    "parliament",
    "party",
    "plc",
    "police",
    "post",
    "press",
    "records",
    "regiment",
    "school",
    "senate",
    "service",
    "services",
    "society",
    "studios",
    "systems",
    "team",
    "technologies",
    "times",
    "tribunal",
    "trust",
    "union",
    "united",
    "university",
    "labs",
    "laboratory",
    "laboratories",
    "brothers",
    "entertainment",
    "pictures",
    "railway",
    "railways",
    "synod",
    "assemblies",
    "commonwealth",
    "guardian",
    "herald",
    "telegraph",
];
/// Words that make a capitalised name a place when they end it: "Indus Valley".
pub(super) const PLACE_HEADS: &[&str] = &[
    "airport",
    "avenue",
    "bay",
    "basin",
    "beach",
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
    "harbour",
    "harbor",
    "heights",
    "highlands",
    "hill",
    "hills",
    "island",
    "islands",
    "isles",
    "kingdom",
    "lake",
    "lane",
    "mountain",
    "mountains",
    "ocean",
    "palace",
    "park",
    "peninsula",
    "plain",
    "plains",
    "plateau",
    "port",
    "province",
    "region",
    "republic",
    "river",
    "road",
    "sea",
    "square",
    "stadium",
    "station",
    "strait",
    "street",
    "territory",
    "town",
    "valley",
    "village",
    "volcano",
    "zone",
    "prefecture",
    "borough",
    "parish",
    "state",
    "states",
    "oblast",
    "shire",
    "arena",
    "tower",
    "hall",
    "house",
    "temple",
];
/// Words that make a capitalised name a place when they begin it: "Mount Everest".
pub(super) const PLACE_FIRSTS: &[&str] = &[
    "cape", "fort", "gulf", "isle", "lake", "mount", "mt", "port", "republic", "kingdom", "bay",
    "state", "province", "city", "county", "district", "upper", "lower", "greater",
];
/// Last words of named periods and events, which answer "when".
pub(super) const EVENT_HEADS: &[&str] = &[
    "age",
    "ages",
    "era",
    "period",
    "epoch",
    "eon",
    "dynasty",
    "revolution",
    "war",
    "reformation",
    "renaissance",
    "enlightenment",
    "explosion",
    "depression",
    "crisis",
    "reign",
    "olympics",
    "restoration",
    "conquest",
    "invasion",
    "rebellion",
    "uprising",
    "boom",
    "famine",
];
/// Prepositions after which a name is read as a place.
pub(super) const PLACE_PREPS: &[&str] = &[
    "across",
    "at",
    "from",
    "in",
    "inside",
    "near",
    "off",
    "outside",
    "throughout",
    "into",
    "within",
    "towards",
    "toward",
    "northern",
    "southern",
    "eastern",
    "western",
    "central",
];
/// Acronyms of places.
pub(super) const PLACE_ACRONYMS: &[&str] = &[
    "dmz", "dprk", "drc", "prc", "rok", "u.k", "u.s", "u.s.a", "uae", "uk", "us", "usa", "ussr",
];
/// Verbs of saying: a name before or after one is a person.
pub(super) const SAY_VERBS: &[&str] = &[
    "added",
    "admitted",
    "announced",
    "argued",
    "asked",
    "believes",
    "claimed",
    "commented",
    "confirmed",
    "declared",
    "denied",
    "explained",
    "insisted",
    "noted",
    "replied",
    "reported",
    "said",
    "says",
    "stated",
    "told",
    "tweeted",
    "warned",
    "wrote",
    "writes",
    "thinks",
    "thought",
    "believed",
    "recalled",
    "acknowledged",
    "suggested",
];
/// Words inside a name that do not end it: "University of Oxford", "Ludwig van Beethoven".
pub(super) const NAME_JOINERS: &[&str] = &[
    "&", "al", "bin", "da", "de", "del", "der", "di", "du", "for", "la", "le", "of", "van", "von",
    "y", "and",
];
/// Verbs that read as auxiliaries in questions and clauses.
pub(super) const AUX: &[&str] = &[
    "am", "are", "be", "been", "being", "can", "could", "did", "do", "does", "had", "has", "have",
    "is", "may", "might", "must", "shall", "should", "was", "were", "will", "would", "cant",
    "couldnt", "didnt", "doesnt", "dont", "hadnt", "hasnt", "havent", "isnt", "shouldnt", "wasnt",
    "werent", "wont", "wouldnt", "arent",
];
/// Words that negate a clause.
pub(super) const NEGATIONS: &[&str] = &[
    "no", "not", "never", "none", "neither", "nor", "nothing", "nobody", "cannot", "without",
    "cant", "couldnt", "didnt", "doesnt", "dont", "hadnt", "hasnt", "havent", "isnt", "shouldnt",
    "wasnt", "werent", "wont", "wouldnt", "arent", "nowhere", "refused", "denied", "failed",
];
/// Words that open a clause inside a sentence (a phrase boundary).
pub(super) const CLAUSE_OPENERS: &[&str] = &[
    "although", "because", "but", "though", "whereas", "which", "while", "who", "whom", "whose",
    "however", "yet", "unless", "whilst",
];
/// Prepositions (phrase openers inside a stretch).
pub(super) const PREPOSITIONS: &[&str] = &[
    "about",
    "above",
    "across",
    "after",
    "against",
    "along",
    "amid",
    "among",
    "around",
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
    "until",
    "up",
    "upon",
    "via",
    "with",
    "within",
    "without",
    "like",
    "unlike",
    "as",
];
/// Determiners and possessives that may open a noun phrase.
pub(super) const DETERMINERS: &[&str] = &[
    "a", "an", "the", "his", "her", "its", "their", "our", "my", "your", "this", "that", "these",
    "those", "some", "any", "each", "every", "both", "all", "many", "several", "most", "no",
];
/// Pronouns (never an answer on their own).
pub(super) const PRONOUNS: &[&str] = &[
    "he",
    "her",
    "him",
    "his",
    "i",
    "it",
    "its",
    "me",
    "she",
    "them",
    "they",
    "this",
    "that",
    "we",
    "us",
    "you",
    "these",
    "those",
    "there",
    "which",
    "who",
    "what",
    "itself",
    "himself",
    "herself",
    "themselves",
    "one",
    "ones",
    "such",
];

/// Whether a folded word is a stopword of the engine's list.
pub(super) fn is_stop(w: &str) -> bool {
    crate::text::is_stopword(w)
}

/// Whether `w` is a plural or mass noun that a number can count
/// ("victims", "shots", "tons"): a noun whose WordNet base form differs from
/// it, or a unit.
pub(super) fn is_counted_noun(w: &str) -> bool {
    if UNITS.contains(&w) || TIME_UNITS.contains(&w) || CURRENCY_WORDS.contains(&w) {
        return true;
    }
    if w.len() < 3 || !w.ends_with('s') && !w.ends_with("men") && !w.ends_with("ple") {
        return false;
    }
    let db = Lexdb::get();
    db.base_forms(w).any(|(p, b)| p == Pos::Noun && b != w) || (w == "people")
}

/// Whether `w` can be a noun (any WordNet noun sense of it or its base form).
pub(super) fn is_noun(w: &str) -> bool {
    Lexdb::get().base_forms(w).any(|(p, _)| p == Pos::Noun)
}

/// Whether `w` is (an inflection of) a verb and has no noun or adjective
/// reading ("crashed", "fled"; not "fire", "warning").
pub(super) fn is_verb_only(w: &str) -> bool {
    let mut verb = false;
    for (p, _) in Lexdb::get().base_forms(w) {
        match p {
            Pos::Verb => verb = true,
            Pos::Noun | Pos::Adj => return false,
            Pos::Adv => {}
        }
    }
    verb
}

/// Whether `w` can be a verb form.
pub(super) fn is_verb(w: &str) -> bool {
    Lexdb::get().base_forms(w).any(|(p, _)| p == Pos::Verb)
}

/// Whether `w` is an adjective of WordNet ("korean", "heavy").
pub(super) fn is_adjective(w: &str) -> bool {
    Lexdb::get().is_lemma(w, Pos::Adj)
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
    Lexdb::get().lemma_id(word).is_some()
}

/// Whether `specific` is a kind of `general` (any sense, base forms).
pub(super) fn is_kind_of(specific: &str, general: &str) -> bool {
    specific != general && Lexdb::get().is_a(specific, general).is_some_and(|d| d >= 1)
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn lists_are_lowercase() {
        for list in [
            MONTHS,
            WEEKDAYS,
            TIME_UNITS,
            ORG_WORDS,
            PLACE_HEADS,
            TITLES,
            UNITS,
        ] {
            assert!(list.iter().all(|w| w.to_lowercase() == *w));
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
