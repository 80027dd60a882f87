//! The word lists the extractor reads sentences and questions with, each
//! a sorted [`Words`] checked when compiled.

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

#[rustfmt::skip]
pub(super) const MONTHS: Words = Words::new(&[
    "apr", "april", "aug", "august", "dec", "december", "feb", "february", "jan", "january",
    "jul", "july", "jun", "june", "mar", "march", "may", "nov", "november", "oct", "october",
    "sep", "sept", "september",
]);
#[rustfmt::skip]
pub(super) const WEEKDAYS: Words = Words::new(&[
    "friday", "monday", "saturday", "sunday", "thursday", "tuesday", "wednesday",
]);
/// Parts of a day that may follow a weekday or "this"/"last".
#[rustfmt::skip]
pub(super) const DAY_PARTS: Words = Words::new(&[
    "afternoon", "evening", "morning", "night", "overnight", "weekend",
]);
#[rustfmt::skip]
pub(super) const SEASONS: Words = Words::new(&[
    "autumn", "fall", "spring", "summer", "winter",
]);
/// Units of time: "90 minutes", "two decades".
#[rustfmt::skip]
pub(super) const TIME_UNITS: Words = Words::new(&[
    "centuries", "century", "day", "days", "decade", "decades", "fortnight", "fortnights", "hour",
    "hours", "hrs", "millennia", "millennium", "min", "mins", "minute", "minutes", "month",
    "months", "sec", "second", "seconds", "secs", "week", "weeks", "year", "years",
]);
/// Words after an amount of time that make it a point in time: "90 minutes later".
#[rustfmt::skip]
pub(super) const RELATIVE: Words =
    Words::new(&[
    "after", "afterwards", "ago", "before", "earlier", "later",
]);
#[rustfmt::skip]
pub(super) const MULTIPLIERS: Words = Words::new(&[
    "billion", "billions", "bn", "crore", "dozen", "hundred", "hundreds", "k", "lakh", "m",
    "million", "millions", "mn", "thousand", "thousands", "trillion", "trillions",
]);
#[rustfmt::skip]
pub(super) const CURRENCY_WORDS: Words = Words::new(&[
    "baht", "cent", "cents", "dinars", "dollar", "dollars", "eur", "euro", "euros", "franc",
    "francs", "gbp", "krona", "kronor", "lira", "pence", "peso", "pesos", "pound", "pounds",
    "rand", "renminbi", "ringgit", "rouble", "roubles", "ruble", "rubles", "rupee", "rupees",
    "shillings", "sterling", "usd", "won", "yen", "yuan",
]);
#[rustfmt::skip]
pub(super) const CURRENCY_SIGNS: Words = Words::new(&[
    "$", "£", "¥", "₩", "€", "₹", "₽",
]);
/// Spelled cardinal numbers (not "one": too often a pronoun).
#[rustfmt::skip]
pub(super) const SPELLED: Words = Words::new(&[
    "billions", "dozen", "dozens", "eight", "eighteen", "eighty", "eleven", "fifteen", "fifty",
    "five", "forty", "four", "fourteen", "half", "hundreds", "millions", "nine", "nineteen",
    "ninety", "seven", "seventeen", "seventy", "six", "sixteen", "sixty", "ten", "thirteen",
    "thirty", "thousands", "three", "twelve", "twenty", "two", "zero",
]);
/// Ordinals in words, for centuries: "the nineteenth century".
#[rustfmt::skip]
pub(super) const ORDINALS: Words = Words::new(&[
    "eighteenth", "eighth", "eleventh", "fifteenth", "fifth", "first", "fourteenth", "fourth",
    "nineteenth", "ninth", "second", "seventeenth", "seventh", "sixteenth", "sixth", "tenth",
    "third", "thirteenth", "twelfth", "twentieth", "twenty-first",
]);
/// Units a number may measure: "2,300 tons", "1,900 miles".
#[rustfmt::skip]
pub(super) const UNITS: Words = Words::new(&[
    "acre", "acres", "bar", "barrels", "bytes", "calories", "cm", "cubic", "degrees", "feet",
    "fold", "foot", "ft", "gallons", "gb", "gbit", "gbps", "ghz", "grams", "ha", "hectares", "hz",
    "inch", "inches", "kb", "kbit", "kbps", "kg", "kilograms", "kilometers", "kilometres", "km",
    "kph", "kw", "kwh", "lb", "lbs", "liters", "litres", "m", "mb", "mbit", "mbps", "megawatts",
    "meters", "metres", "mg", "mi", "miles", "ml", "mm", "mph", "mw", "nm", "ounces", "percent",
    "points", "sq", "square", "tb", "times", "tonnes", "tons", "volts", "watts", "yards",
]);
/// Titles before a person's name, kept with it: "Governor Maria Delgado".
#[rustfmt::skip]
pub(super) const TITLES: Words = Words::new(&[
    "admiral", "ambassador", "archbishop", "bishop", "capt", "captain", "cardinal", "ceo",
    "chairman", "chairwoman", "chancellor", "chief", "coach", "col", "colonel", "commissioner",
    "congressman", "congresswoman", "czar", "dame", "detective", "director", "dr", "emperor",
    "gen", "general", "gov", "governor", "inspector", "judge", "justice", "king", "lady",
    "lieutenant", "lord", "lt", "madam", "manager", "marshal", "mayor", "minister", "mr", "mrs",
    "ms", "officer", "pharaoh", "pope", "premier", "president", "prince", "princess", "prof",
    "professor", "prophet", "queen", "rabbi", "rep", "representative", "rev", "reverend", "saint",
    "secretary", "sen", "senator", "sergeant", "sgt", "shah", "sheriff", "sir", "st", "sultan",
    "superintendent", "tsar",
]);
/// Words that make a capitalised name an organisation.
#[rustfmt::skip]
pub(super) const ORG_WORDS: Words = Words::new(&[
    "academy", "administration", "agency", "airlines", "airways", "alliance", "army",
    "assemblies", "assembly", "association", "authority", "bank", "board", "brigade", "brothers",
    "bureau", "cabinet", "church", "club", "co", "college", "commission", "committee",
    "commonwealth", "company", "conference", "congress", "corp", "corporation", "council",
    "court", "department", "directorate", "entertainment", "fc", "federation", "force", "forces",
    "foundation", "fund", "government", "group", "guard", "guardian", "herald", "holdings",
    "hospital", "inc", "institute", "institution", "journal", "laboratories", "laboratory",
    "labs", "league", "llc", "ltd", "media", "ministry", "motors", "museum", "navy", "network",
    "news", "observatory", "office", "organisation", "organization", "parliament", "party",
    "pictures", "plc", "police", "post", "press", "railway", "railways", "records", "regiment",
    "school", "senate", "service", "services", "society", "studios", "synod", "systems", "team",
    "technologies", "telegraph", "times", "tribunal", "trust", "union", "united", "university",
]);
/// Words that make a capitalised name a place when they end it: "Indus Valley".
#[rustfmt::skip]
pub(super) const PLACE_HEADS: Words = Words::new(&[
    "airport", "arena", "avenue", "basin", "bay", "beach", "borough", "bridge", "canal", "canyon",
    "cape", "castle", "cathedral", "channel", "city", "coast", "county", "creek", "delta",
    "desert", "district", "empire", "forest", "gulf", "hall", "harbor", "harbour", "heights",
    "highlands", "hill", "hills", "house", "island", "islands", "isles", "kingdom", "lake",
    "lane", "mountain", "mountains", "oblast", "ocean", "palace", "parish", "park", "peninsula",
    "plain", "plains", "plateau", "port", "prefecture", "province", "region", "republic", "river",
    "road", "sea", "shire", "square", "stadium", "state", "states", "station", "strait", "street",
    "temple", "territory", "tower", "town", "valley", "village", "volcano", "zone",
]);
/// Words that make a capitalised name a place when they begin it: "Mount Everest".
#[rustfmt::skip]
pub(super) const PLACE_FIRSTS: Words = Words::new(&[
    "bay", "cape", "city", "county", "district", "fort", "greater", "gulf", "isle", "kingdom",
    "lake", "lower", "mount", "mt", "port", "province", "republic", "state", "upper",
]);
/// Last words of named periods and events, which answer "when".
#[rustfmt::skip]
pub(super) const EVENT_HEADS: Words = Words::new(&[
    "age", "ages", "boom", "conquest", "crisis", "depression", "dynasty", "enlightenment", "eon",
    "epoch", "era", "explosion", "famine", "invasion", "olympics", "period", "rebellion",
    "reformation", "reign", "renaissance", "restoration", "revolution", "uprising", "war",
]);
/// Prepositions after which a name is read as a place.
#[rustfmt::skip]
pub(super) const PLACE_PREPS: Words = Words::new(&[
    "across", "at", "central", "eastern", "from", "in", "inside", "into", "near", "northern",
    "off", "outside", "southern", "throughout", "toward", "towards", "western", "within",
]);
/// Acronyms of places.
#[rustfmt::skip]
pub(super) const PLACE_ACRONYMS: Words = Words::new(&[
    "dmz", "dprk", "drc", "prc", "rok", "u.k", "u.s", "u.s.a", "uae", "uk", "us", "usa", "ussr",
]);
/// Verbs of saying: a name before or after one is a person.
#[rustfmt::skip]
pub(super) const SAY_VERBS: Words = Words::new(&[
    "acknowledged", "added", "admitted", "announced", "argued", "asked", "believed", "believes",
    "claimed", "commented", "confirmed", "declared", "denied", "explained", "insisted", "noted",
    "recalled", "replied", "reported", "said", "says", "stated", "suggested", "thinks", "thought",
    "told", "tweeted", "warned", "writes", "wrote",
]);
/// Words inside a name that do not end it: "University of Oxford", "Ludwig van Beethoven".
#[rustfmt::skip]
pub(super) const NAME_JOINERS: Words = Words::new(&[
    "&", "al", "and", "bin", "da", "das", "de", "del", "der", "des", "di", "dos", "du", "for",
    "la", "le", "of", "van", "von", "y", "zu",
]);

/// Verbs that read as auxiliaries in questions and clauses.
#[rustfmt::skip]
pub(super) const AUX: Words = Words::new(&[
    "am", "are", "arent", "be", "been", "being", "can", "cant", "could", "couldnt", "did",
    "didnt", "do", "does", "doesnt", "dont", "had", "hadnt", "has", "hasnt", "have", "havent",
    "is", "isnt", "may", "might", "must", "shall", "should", "shouldnt", "was", "wasnt", "were",
    "werent", "will", "wont", "would", "wouldnt",
]);
/// Words that negate a clause.
#[rustfmt::skip]
pub(super) const NEGATIONS: Words = Words::new(&[
    "arent", "cannot", "cant", "couldnt", "denied", "didnt", "doesnt", "dont", "failed", "hadnt",
    "hasnt", "havent", "isnt", "neither", "never", "no", "nobody", "none", "nor", "not",
    "nothing", "nowhere", "refused", "shouldnt", "wasnt", "werent", "without", "wont", "wouldnt",
]);
/// Words that open a clause inside a sentence (a phrase boundary).
#[rustfmt::skip]
pub(super) const CLAUSE_OPENERS: Words = Words::new(&[
    "although", "because", "but", "however", "though", "unless", "whereas", "which", "while",
    "whilst", "who", "whom", "whose", "yet",
]);
/// Prepositions (phrase openers inside a stretch).
#[rustfmt::skip]
pub(super) const PREPOSITIONS: Words = Words::new(&[
    "about", "above", "across", "after", "against", "along", "amid", "among", "around", "as",
    "at", "before", "behind", "below", "beneath", "beside", "besides", "between", "beyond", "by",
    "despite", "down", "during", "except", "for", "from", "in", "inside", "into", "like", "near",
    "of", "off", "on", "onto", "out", "outside", "over", "past", "per", "since", "than",
    "through", "throughout", "to", "toward", "towards", "under", "unlike", "until", "up", "upon",
    "via", "with", "within", "without",
]);
/// Determiners and possessives that may open a noun phrase.
#[rustfmt::skip]
pub(super) const DETERMINERS: Words = Words::new(&[
    "a", "all", "an", "any", "both", "each", "every", "her", "his", "its", "many", "most", "my",
    "no", "our", "several", "some", "that", "the", "their", "these", "this", "those", "your",
]);
/// Pronouns (never an answer on their own).
#[rustfmt::skip]
pub(super) const PRONOUNS: Words = Words::new(&[
    "he", "her", "herself", "him", "himself", "his", "i", "it", "its", "itself", "me", "one",
    "ones", "she", "such", "that", "them", "themselves", "there", "these", "they", "this",
    "those", "us", "we", "what", "which", "who", "you",
]);
/// Words a phrase cannot end on, as the sentence writes them: an article, a
/// preposition that takes no particle's place, a conjunction or a possessive
/// asks for the words after it ("known statewide as", "the production of
/// a"). Matched as written, in lower case: "In May." ends on a month. Not
/// "on" or "in" ("headlights on"), nor a verb ("it thinks it is").
#[rustfmt::skip]
pub(super) const NEEDS_MORE: Words = Words::new(&[
    "a", "an", "and", "as", "at", "but", "by", "for", "from", "his", "into", "its", "my", "of",
    "onto", "or", "our", "than", "the", "their", "to", "whose", "with", "your",
]);
