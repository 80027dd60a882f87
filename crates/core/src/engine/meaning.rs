//! Word meaning for matching, from the embedded WordNet ([`factdesk_lexdb`]):
//! a question word matches an article word that is the same word, another
//! form of it (fled / flee, defector / defection), a synonym, or a kind of
//! it (a jeep is a vehicle).
//!
//! An article's words are indexed with extra terms for their derivational
//! family (`~f…`), their first senses (`^s…`), those senses' hypernyms
//! (`^h…`) and what they cause (`^c…`: "killed" causes "die"); a question
//! word looks for its own family and senses among them, each kind of match
//! counting for less than the same word.

use factdesk_lexdb::{Lexdb, Pos, SynsetId};

/// A thread's memo of a word's look-up (a fast hash: the keys are words).
pub(super) type Memo<T> = rustc_hash::FxHashMap<String, T>;

/// How much a match through the derivational family counts ("defection" for "defector").
pub const FAMILY: f32 = 0.85;
/// How much a synonym counts (a shared first sense: "rounds" for "shots").
pub const SYNONYM: f32 = 0.7;
/// How much a kind of the question's word counts ("jeep" for "vehicle").
pub const HYPONYM: f32 = 0.55;
/// How much a verb's cause or effect counts ("killed" for "died", "died"
/// for "killed", "raised" for "rose").
pub const CAUSE: f32 = 0.55;

/// Hypernym levels an article word is indexed with.
const HYPERNYM_DEPTH: u8 = 5;
/// Senses of a word that count for synonyms and kinds.
const SENSES: usize = 2;

/// Verbs and nouns so common or so light that their senses match everything.
const LIGHT: &[&str] = &[
    "be", "have", "do", "say", "make", "get", "go", "take", "give", "come", "see", "know", "use",
    "find", "put", "set", "become", "seem", "keep", "let", "begin", "show", "hold", "bring",
    "turn", "call", "thing", "way", "time", "year", "people", "part", "one", "also", "new",
    "first", "last", "many", "much", "more", "most", "other", "such", "well", "even",
];

/// The family term of a word (`~f<id>`), when WordNet knows the word.
fn family_terms(db: &Lexdb, word: &str, out: &mut Vec<String>) {
    for f in db.word_families(word) {
        let t = format!("~f{}", f.0);
        if !out.contains(&t) {
            out.push(t);
        }
    }
}

/// Whether a word is worth expanding: a content word WordNet may know (or
/// a phrasal verb, "lay off", as [`phrasal_verb`] reads it).
fn expandable(word: &str) -> bool {
    word.len() >= 3
        && word
            .bytes()
            .all(|b| b.is_ascii_lowercase() || b == b'-' || b == b' ')
        && !crate::text::is_stopword(word)
        && !LIGHT.contains(&word)
}

/// Particles that make a phrasal verb of the verb before them.
const PARTICLES: &[&str] = &[
    "up", "down", "out", "off", "over", "back", "away", "through", "on", "in", "around", "about",
    "along", "aside",
];

/// The phrasal verb a folded word and the next make, when WordNet lists it
/// ("laid off" -> "lay off", "stepped down" -> "step down", "came back" ->
/// "come back"): its meaning is the phrase's ("layoffs", "resign",
/// "return"), not the verb's alone.
pub fn phrasal_verb(word: &str, next: &str) -> Option<String> {
    phrasal(
        word,
        next,
        |base, particle| format!("{base} {particle}"),
        Pos::Verb,
    )
}

/// The phrasal verbs of folded words, in order ([`phrasal_verb`] of each
/// word and the next).
pub fn phrasal_verbs(words: &[String]) -> Vec<String> {
    words
        .windows(2)
        .filter_map(|pair| phrasal_verb(&pair[0], &pair[1]))
        .collect()
}

/// The families of the words of what a verb sense causes ("die", "death",
/// "dead" for "kill").
fn caused_families(db: &Lexdb, s: SynsetId) -> impl Iterator<Item = factdesk_lexdb::FamilyId> + '_ {
    db.causes(s)
        .flat_map(move |c| db.synset_lemmas(c).map(move |l| db.family_of(l)))
}

/// The noun a phrasal verb is written as in one word, when WordNet lists
/// it: "laid off" -> "layoff", "voters turned out" -> "turnout", "shut
/// down" -> "shutdown", "walk out" -> "walkout". The same word as the
/// question's or the sentence's noun, written apart.
pub fn particle_compound(word: &str, next: &str) -> Option<String> {
    phrasal(
        word,
        next,
        |base, particle| format!("{base}{particle}"),
        Pos::Noun,
    )
}

/// The first lemma of part of speech `pos` that `join` makes of a base
/// form of the verb `word` and the particle `next`.
fn phrasal(
    word: &str,
    next: &str,
    join: impl Fn(&str, &str) -> String,
    pos: Pos,
) -> Option<String> {
    if !PARTICLES.contains(&next) || word.len() < 2 || !word.bytes().all(|b| b.is_ascii_lowercase())
    {
        return None;
    }
    let db = Lexdb::get();
    db.base_forms(word)
        .filter(|&(p, _)| p == Pos::Verb)
        .map(|(_, base)| join(base, next))
        .find(|phrase| db.is_lemma(phrase, pos))
}

/// The first senses of a word over its base forms (nouns and verbs first).
fn first_senses(db: &Lexdb, word: &str) -> Vec<factdesk_lexdb::SynsetId> {
    let mut out = Vec::new();
    for (pos, id) in db.base_lemmas(word) {
        if LIGHT.contains(&db.lemma(id)) {
            continue;
        }
        let senses = db.lemma_senses(id, pos);
        let take = if pos == Pos::Adv { 1 } else { SENSES };
        for &s in &senses[..senses.len().min(take)] {
            if !out.contains(&s) {
                out.push(s);
            }
        }
    }
    out
}

/// How many words' index terms each thread remembers while indexing.
const MEMO_WORDS: usize = 50_000;

thread_local! {
    /// Index terms already computed for a word: articles repeat their words.
    static MEMO: std::cell::RefCell<Memo<std::rc::Rc<[String]>>> =
        std::cell::RefCell::new(Memo::default());
}

/// [`article_terms`] of `word`, remembered for the next time this thread
/// meets the word.
pub fn article_terms_of(word: &str) -> std::rc::Rc<[String]> {
    remembered(&MEMO, word, |w| {
        let mut terms = Vec::new();
        article_terms(w, &mut terms);
        terms.into()
    })
}

thread_local! {
    /// Dictionary forms already looked up for a word.
    static FORMS: std::cell::RefCell<Memo<std::rc::Rc<[String]>>> =
        std::cell::RefCell::new(Memo::default());
}

/// A folded word and its WordNet dictionary forms ("fled": "fled", "flee"),
/// remembered for the next time this thread meets the word.
pub fn forms_of(word: &str) -> std::rc::Rc<[String]> {
    remembered(&FORMS, word, |w| {
        let mut forms = vec![w.to_string()];
        for (_, base) in Lexdb::get().base_forms(w) {
            if !forms.iter().any(|f| f == base) {
                forms.push(base.to_string());
            }
        }
        forms.into()
    })
}

thread_local! {
    /// Derivational families already looked up for a stem.
    static FAMILIES: std::cell::RefCell<Memo<std::rc::Rc<[String]>>> =
        std::cell::RefCell::new(Memo::default());
}

/// A word's stem and the stems of its one-word derivational family members
/// ("alaska": "alaskan"), remembered for the next time this thread meets it.
pub fn family_stems(stem: &str) -> std::rc::Rc<[String]> {
    remembered(&FAMILIES, stem, |stem| {
        let lexdb = Lexdb::get();
        let mut out = vec![stem.to_string()];
        for family in lexdb.word_families(stem) {
            for member in lexdb.family_members(family) {
                let s = crate::text::stem(member);
                if !member.contains(' ') && !out.contains(&s) {
                    out.push(s);
                }
            }
        }
        out.into()
    })
}

thread_local! {
    /// WordNet opposites already looked up for a word.
    static OPPOSITES: std::cell::RefCell<Memo<std::rc::Rc<[&'static str]>>> =
        std::cell::RefCell::new(Memo::default());
}

/// The WordNet antonyms of a folded word's forms ([`forms_of`]): "inexperienced"
/// for "experienced", remembered for the next time this thread meets the word.
pub fn opposites_of(word: &str) -> std::rc::Rc<[&'static str]> {
    remembered(&OPPOSITES, word, |w| {
        let lexdb = Lexdb::get();
        let mut out: Vec<&'static str> = Vec::new();
        for form in forms_of(w).iter() {
            for a in lexdb.antonyms(form) {
                if !out.contains(&a) {
                    out.push(a);
                }
            }
        }
        out.into()
    })
}

/// The value of `compute` for `word`, from this thread's `memo` when it has
/// it (the memo is emptied when it reaches [`MEMO_WORDS`] words).
fn remembered<T: Clone>(
    memo: &'static std::thread::LocalKey<std::cell::RefCell<Memo<T>>>,
    word: &str,
    compute: impl FnOnce(&str) -> T,
) -> T {
    remembered_within(memo, word, MEMO_WORDS, compute)
}

/// [`remembered`], the memo emptied when it reaches `limit` words.
pub(super) fn remembered_within<T: Clone>(
    memo: &'static std::thread::LocalKey<std::cell::RefCell<Memo<T>>>,
    word: &str,
    limit: usize,
    compute: impl FnOnce(&str) -> T,
) -> T {
    memo.with(|memo| {
        if let Some(value) = memo.borrow().get(word) {
            return value.clone();
        }
        let value = compute(word);
        let mut memo = memo.borrow_mut();
        if memo.len() >= limit {
            memo.clear();
        }
        memo.insert(word.to_string(), value.clone());
        value
    })
}

/// The extra index terms of an article word: its family, its first senses
/// and their hypernyms. Empty for stopwords, light words and words WordNet
/// does not know.
pub fn article_terms(word: &str, out: &mut Vec<String>) {
    if !expandable(word) {
        return;
    }
    let db = Lexdb::get();
    family_terms(db, word, out);
    let senses = first_senses(db, word);
    let mut seen: Vec<(factdesk_lexdb::SynsetId, u8)> = Vec::new();
    for &s in &senses {
        out.push(format!("^s{}", s.0));
        for f in caused_families(db, s) {
            let t = format!("^c{}", f.0);
            if !out.contains(&t) {
                out.push(t);
            }
        }
        for (h, d) in db.hypernym_closure(s, HYPERNYM_DEPTH) {
            if d > 0 && !seen.iter().any(|&(x, _)| x == h) {
                seen.push((h, d));
            }
        }
    }
    for (h, _) in seen {
        let t = format!("^h{}", h.0);
        if !out.contains(&t) {
            out.push(t);
        }
    }
}

thread_local! {
    /// Question words' alternatives already computed: users ask about the same things.
    static QUESTION_MEMO: std::cell::RefCell<Memo<QuestionTerms>> =
        std::cell::RefCell::new(Memo::default());
}

/// The terms [`question_terms`] gives a word, as its per-thread memo shares them.
pub type QuestionTerms = std::rc::Rc<[(String, f32)]>;

/// [`question_terms`] of `word`, remembered for the next question this thread reads.
pub fn question_terms_of(word: &str) -> QuestionTerms {
    remembered(&QUESTION_MEMO, word, |w| question_terms(w).into())
}

/// The ways a question word may be matched besides itself, each with how
/// much such a match counts: its family, its synonyms, its kinds.
pub fn question_terms(word: &str) -> Vec<(String, f32)> {
    let mut out: Vec<(String, f32)> = Vec::new();
    // "People" are also a people, the population of a place.
    if word == "people" {
        let db = Lexdb::get();
        if let Some(&s) = db.senses("people", Pos::Noun).first() {
            out.push((format!("^h{}", s.0), HYPONYM));
        }
    }
    // "people" are persons: "victims", "passengers", "residents" (the word
    // itself is too light to expand by its own senses, groups of people).
    let word = person_for_people(word);
    // "11" matches "eleven", and "eleven" "11".
    if let Some(other) = super::numerals::other_form(word) {
        out.push((other, FAMILY));
        return out;
    }
    if !expandable(word) {
        return out;
    }
    let db = Lexdb::get();
    let mut families = Vec::new();
    family_terms(db, word, &mut families);
    // An article word that causes a word of its family ("killed" for "died",
    // "deaths" or "dead").
    let caused = families.iter().map(|t| (t.replacen("~f", "^c", 1), CAUSE));
    let caused: Vec<(String, f32)> = caused.collect();
    out.extend(families.into_iter().map(|t| (t, FAMILY)));
    out.extend(caused);
    for s in first_senses(db, word) {
        out.push((format!("^s{}", s.0), SYNONYM));
        out.push((format!("^h{}", s.0), HYPONYM));
        // What it causes, in any of its forms ("died" or "deaths" for "killed").
        for f in caused_families(db, s) {
            let t = format!("~f{}", f.0);
            if !out.iter().any(|(x, _)| *x == t) {
                out.push((t, CAUSE));
            }
        }
    }
    out
}

/// Whether two folded nouns name the same thing or one a kind of the
/// other, in any of their WordNet senses ("victims" and "people", "rounds"
/// and "shots", "countries" and "nations"), or are forms of one word.
pub fn nouns_related(a: &str, b: &str) -> bool {
    let (fa, fb) = (forms_of(a), forms_of(b));
    if fa.iter().any(|x| fb.contains(x)) || crate::text::stem(a) == crate::text::stem(b) {
        return true;
    }
    let db = Lexdb::get();
    // "people" is the plural of "person" as much as a word of its own.
    let senses = |w: &str| -> Vec<SynsetId> {
        std::iter::once(w)
            .chain(Some(person_for_people(w)).filter(|&p| p != w))
            .flat_map(|w| db.base_lemmas(w))
            .filter(|&(pos, _)| pos == Pos::Noun)
            .flat_map(|(pos, id)| db.lemma_senses(id, pos).iter().copied())
            .collect()
    };
    let (sa, sb) = (senses(a), senses(b));
    let kind_of = |x: &[SynsetId], y: &[SynsetId]| x.iter().any(|&s| is_or_kind_of(db, s, y));
    kind_of(&sa, &sb) || kind_of(&sb, &sa)
}

/// Whether synset `s` is one of `kinds` or, within [`KIND_DEPTH`] hypernym
/// levels, a kind of one.
fn is_or_kind_of(db: &Lexdb, s: SynsetId, kinds: &[SynsetId]) -> bool {
    kinds.contains(&s)
        || db
            .hypernym_closure(s, KIND_DEPTH)
            .iter()
            .any(|(h, _)| kinds.contains(h))
}

/// Whether a verb says something is said: one of its first two senses is a
/// kind of "communicate" or "express" in WordNet ("commented", "announced",
/// "said", "revealed"; not "designed", "stole").
pub fn is_saying(word: &str) -> bool {
    let db = Lexdb::get();
    ["communicate", "express"].iter().any(|general| {
        db.leading_senses_are_a(word, Pos::Verb, 2, general)
            .is_some()
    })
}

/// Whether a word is a noun of saying and no verb: its first sense is a kind
/// of "message" or "speech act" in WordNet ("statement", "announcement",
/// "denial"; not "blame", a verb too, nor "article").
pub fn names_a_saying(word: &str) -> bool {
    let db = Lexdb::get();
    let lemmas = db.base_lemmas(word);
    !lemmas.is_empty()
        && lemmas.iter().all(|&(pos, _)| pos == Pos::Noun)
        && ["message", "speech_act"].iter().any(|general| {
            db.leading_senses_are_a(word, Pos::Noun, 1, general)
                .is_some()
        })
}

/// Whether WordNet knows a word only as an adverb ("recently", "physically"):
/// a question word the knowledge lacks that says how, not what is asked.
pub fn only_an_adverb(word: &str) -> bool {
    let lemmas = Lexdb::get().base_lemmas(word);
    !lemmas.is_empty() && lemmas.iter().all(|&(pos, _)| pos == Pos::Adv)
}

/// Whether a folded noun's first sense is a kind of person ("soldiers",
/// "victims", "people"; not "plants", whose third sense is an actor planted
/// in the audience).
pub fn names_persons(w: &str) -> bool {
    first_sense_is_a(person_for_people(w), &["person"])
}

/// "person" for "people", a plural WordNet lists as a word of its own
/// (groups of people); any other word as it is.
fn person_for_people(w: &str) -> &str {
    if w == "people" {
        "person"
    } else {
        w
    }
}

/// Whether a folded noun's first sense is an event, an act or a state ("deaths",
/// "arrests", "shots", "injuries"): what happens to persons or what they do, which
/// counts them as well as they are counted.
pub fn names_events(w: &str) -> bool {
    first_sense_is_a(w, &["event", "act", "state"])
}

/// Whether a word of `sentence` tells that the event `noun` names happened:
/// a word of its family ("died" for "deaths") or one that causes a word of
/// it ("killed" for "deaths"), in their first senses.
pub fn tells_it_happened(sentence: &str, noun: &str) -> bool {
    let db = Lexdb::get();
    let families = db.word_families(noun);
    if families.is_empty() {
        return false;
    }
    let words = crate::text::words(sentence);
    // Its words, and its phrasal verbs ("laid off" for "layoffs").
    let phrasal = phrasal_verbs(&words);
    words.iter().chain(&phrasal).any(|w| {
        db.word_families(w).iter().any(|f| families.contains(f))
            || expandable(w)
                && first_senses(db, w)
                    .into_iter()
                    .any(|s| caused_families(db, s).any(|f| families.contains(&f)))
    })
}

/// Whether a folded noun's first sense is, or is a kind of, the first sense
/// of one of `kinds`.
fn first_sense_is_a(w: &str, kinds: &[&str]) -> bool {
    let db = Lexdb::get();
    let kinds: Vec<_> = kinds
        .iter()
        .filter_map(|k| db.senses(k, Pos::Noun).first().copied())
        .collect();
    db.base_lemmas(w)
        .into_iter()
        .filter(|&(pos, _)| pos == Pos::Noun)
        .filter_map(|(pos, id)| db.lemma_senses(id, pos).first().copied())
        .any(|s| is_or_kind_of(db, s, &kinds))
}

/// Hypernym levels [`nouns_related`] climbs.
const KIND_DEPTH: u8 = 8;

#[cfg(test)]
mod tests {
    use super::*;

    fn matches(question: &str, article: &str) -> Option<f32> {
        let mut indexed = Vec::new();
        article_terms(article, &mut indexed);
        question_terms(question)
            .into_iter()
            .filter(|(t, _)| indexed.contains(t))
            .map(|(_, f)| f)
            .reduce(f32::max)
    }

    #[test]
    fn forms_synonyms_and_kinds_match() {
        assert_eq!(matches("defector", "defection"), Some(FAMILY));
        assert_eq!(matches("fled", "flee"), Some(FAMILY));
        assert!(matches("vehicle", "jeep").is_some());
        assert!(matches("weapon", "gun").is_some());
        assert!(matches("car", "automobile").is_some());
        // "people" are persons, though the word is too light to expand by its own senses.
        assert!(matches("people", "victims").is_some());
        assert!(matches("people", "passengers").is_some());
        // And a people, a place's population.
        assert!(matches("people", "population").is_some());
    }

    #[test]
    fn persons_events_and_kinds_of_nouns() {
        for w in ["soldiers", "victims", "people", "viewers"] {
            assert!(names_persons(w), "{w}");
        }
        for w in ["rounds", "minutes", "plants", "copies"] {
            assert!(!names_persons(w), "{w}");
        }
        for w in ["deaths", "arrests", "shots", "jobs"] {
            assert!(names_events(w), "{w}");
        }
        assert!(!names_events("rounds"));
        assert!(nouns_related("victims", "people"));
        assert!(nouns_related("countries", "nations"));
        assert!(nouns_related("km", "kilometers"));
        assert!(!nouns_related("rounds", "soldiers"));
    }

    #[test]
    fn a_cause_and_its_effect_match_each_other() {
        for (question, article) in [
            ("died", "killed"),
            ("deaths", "killed"),
            ("killed", "died"),
            ("killed", "deaths"),
            ("rose", "raised"),
        ] {
            assert_eq!(
                matches(question, article),
                Some(CAUSE),
                "{question} / {article}"
            );
        }
        assert_eq!(matches("died", "walked"), None);
    }

    #[test]
    fn a_sentence_tells_an_event_happened_by_its_family_or_its_cause() {
        let happened = |s: &str| tells_it_happened(s, "deaths");
        assert!(happened("At least 12 people were killed in the storm."));
        assert!(happened("Seven people died in Mexico."));
        assert!(!happened("Seven people were evacuated from Mexico."));
    }

    #[test]
    fn a_verb_and_its_particle_are_read_as_one_word() {
        assert_eq!(phrasal_verb("laid", "off").as_deref(), Some("lay off"));
        assert_eq!(
            phrasal_verb("stepped", "down").as_deref(),
            Some("step down")
        );
        assert_eq!(phrasal_verb("came", "back").as_deref(), Some("come back"));
        assert_eq!(particle_compound("laid", "off").as_deref(), Some("layoff"));
        assert_eq!(
            particle_compound("turned", "out").as_deref(),
            Some("turnout")
        );
        assert_eq!(
            particle_compound("shut", "down").as_deref(),
            Some("shutdown")
        );
        // No particle, or no such phrase.
        assert_eq!(phrasal_verb("laid", "the"), None);
        assert_eq!(phrasal_verb("soldier", "out"), None);
        assert_eq!(particle_compound("jumped", "off"), None);
        // "stepped down" is "resigned" by meaning.
        let mut indexed = Vec::new();
        article_terms("step down", &mut indexed);
        assert!(question_terms("resign")
            .iter()
            .any(|(t, _)| indexed.contains(t)));
    }

    #[test]
    fn unrelated_and_light_words_do_not() {
        assert_eq!(matches("vehicle", "dog"), None);
        assert_eq!(
            matches("jeep", "vehicle"),
            None,
            "the article's word is less specific"
        );
        assert!(question_terms("have").is_empty());
        assert!(question_terms("the").is_empty());
    }
}
