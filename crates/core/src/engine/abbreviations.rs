//! Abbreviations WordNet lists: a sentence writing "ICU" is indexed with
//! "intensive care unit" too, one writing "an initial public offering" with
//! "IPO", so a question may use either form. (Acronyms an article defines
//! in brackets, and the initials of capitalised names, are read from the
//! text itself: `knowledge::article::acronyms`.)

use factdesk_lexdb::{LemmaId, Lexdb, Pos};

/// The fewest and most letters of an abbreviation read: two-letter words
/// written in capitals ("US", "IT", "AM") are too often something else.
const LETTERS: std::ops::RangeInclusive<usize> = 3..=5;

/// The most words of a phrase looked up for its abbreviation.
const PHRASE_WORDS: usize = 4;

/// Small words a phrase may spell without an initial ("food and drug administration").
const UNLETTERED: &[&str] = &["and", "of", "for", "the", "on", "in", "to"];

/// The other forms of the abbreviations in `text` that `text` does not
/// write, each once: the phrase for a word in capitals that WordNet lists
/// as an abbreviation of it ("GOP": "republican party"), the abbreviation
/// for a phrase of the text whose initials spell one WordNet lists for it
/// ("intensive care unit": "ICU").
pub fn other_forms(text: &str) -> Vec<String> {
    let db = Lexdb::get();
    // Folded in place (ASCII): the words of both stand at the same offsets.
    let folded = text.to_ascii_lowercase();
    let words: Vec<&str> = text.split_whitespace().map(trim).collect();
    let lower: Vec<&str> = folded.split_whitespace().map(trim).collect();
    let mut out: Vec<String> = Vec::new();
    let add = |form: String, out: &mut Vec<String>| {
        let form_words: Vec<String> = form.split(' ').map(str::to_lowercase).collect();
        let written = lower
            .windows(form_words.len())
            .any(|w| w == form_words.as_slice());
        if !written && !out.contains(&form) {
            out.push(form);
        }
    };
    let mut phrase = String::new();
    for (i, word) in words.iter().enumerate() {
        if is_capitals(word) {
            for long in expansions(db, lower[i]) {
                add(long.to_string(), &mut out);
            }
        }
        // A phrase opens and ends on a content word; inside it only the
        // small words of a name ("department of justice").
        if !is_phrase_word(lower[i]) || crate::text::is_stopword(lower[i]) {
            continue;
        }
        phrase.clear();
        phrase.push_str(lower[i]);
        for &last in lower.iter().skip(i + 1).take(PHRASE_WORDS - 1) {
            if !is_phrase_word(last)
                || (crate::text::is_stopword(last) && !UNLETTERED.contains(&last))
            {
                break;
            }
            phrase.push(' ');
            phrase.push_str(last);
            let (lemma, longer) = db.phrase_lemma(&phrase);
            if let Some(short) = lemma.and_then(|id| abbreviation(db, id, &phrase)) {
                add(short.to_uppercase(), &mut out);
            }
            if !longer {
                break;
            }
        }
    }
    out
}

/// A word without the punctuation around it.
fn trim(word: &str) -> &str {
    word.trim_matches(|c: char| !c.is_alphanumeric() && c != '-')
}

/// A word written in capitals, of [`LETTERS`] letters: "ICU", "GOP".
fn is_capitals(word: &str) -> bool {
    LETTERS.contains(&word.len()) && word.bytes().all(|b| b.is_ascii_uppercase())
}

/// A word a WordNet phrase may hold: letters and hyphens.
fn is_phrase_word(word: &str) -> bool {
    !word.is_empty() && word.bytes().all(|b| b.is_ascii_lowercase() || b == b'-')
}

/// The phrases WordNet lists beside `short` (folded) in its noun senses
/// whose initials `short` spells ("icu": "intensive care unit"), or, when
/// `short` has one noun sense, that sense's phrases ("gop": "republican party").
fn expansions<'a>(db: &'a Lexdb, short: &str) -> Vec<&'a str> {
    let Some(id) = db.lemma_id(short) else {
        return Vec::new();
    };
    let senses = db.lemma_senses(id, Pos::Noun);
    let phrases = |s| db.lemma_names(s).filter(|name: &&str| name.contains(' '));
    let spelled: Vec<&str> = senses
        .iter()
        .flat_map(|&s| phrases(s))
        .filter(|long| spells(short, long))
        .collect();
    match senses {
        [only] if spelled.is_empty() => phrases(*only).collect(),
        _ => spelled,
    }
}

/// The abbreviation WordNet lists beside `phrase` (folded words) in its
/// first noun sense, when the phrase's initials spell it ("icu" for
/// "intensive care unit") or it means nothing else ("gop" for "republican party").
fn abbreviation<'a>(db: &'a Lexdb, id: LemmaId, phrase: &str) -> Option<&'a str> {
    let first = *db.lemma_senses(id, Pos::Noun).first()?;
    db.synset_lemmas(first).map(|s| db.lemma(s)).find(|short| {
        LETTERS.contains(&short.len())
            && short.bytes().all(|b| b.is_ascii_lowercase())
            && (spells(short, phrase)
                || db
                    .lemma_id(short)
                    .is_some_and(|s| db.lemma_senses(s, Pos::Noun) == [first]))
    })
}

/// Whether `short` is the initials of `long`'s words (hyphenated parts
/// each give one), with or without its small words ("doj": "department of
/// justice"; "fda": "food and drug administration").
fn spells(short: &str, long: &str) -> bool {
    let parts = || long.split([' ', '-']).filter(|p| !p.is_empty());
    let all: String = parts().filter_map(|p| p.chars().next()).collect();
    let lettered: String = parts()
        .filter(|p| !UNLETTERED.contains(p))
        .filter_map(|p| p.chars().next())
        .collect();
    short == all || short == lettered
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn a_word_in_capitals_gets_the_phrase_it_abbreviates() {
        let forms = other_forms("The patient was moved to the ICU on Monday.");
        assert!(
            forms.contains(&"intensive care unit".to_string()),
            "{forms:?}"
        );
        // Its only noun sense, though its initials are another's.
        let forms = other_forms("The GOP won the vote.");
        assert!(forms.contains(&"republican party".to_string()), "{forms:?}");
        // Of a word with many senses, only the phrases it spells.
        let forms = other_forms("It has 12GB of RAM.");
        assert_eq!(forms, ["random-access memory", "random access memory"]);
    }

    #[test]
    fn a_phrase_gets_the_abbreviation_its_initials_spell() {
        let forms = other_forms("The company filed for an initial public offering.");
        assert_eq!(forms, ["IPO"]);
        let forms = other_forms("She works for the department of justice.");
        assert_eq!(forms, ["DOJ"]);
        // One the phrase's initials do not spell, that means nothing else.
        let forms = other_forms("The Republican Party won the vote.");
        assert_eq!(forms, ["GOP"]);
    }

    #[test]
    fn forms_the_text_writes_and_lower_case_words_are_left_alone() {
        // Both forms written: nothing to add.
        assert!(other_forms("The intensive care unit (ICU) was full.").is_empty());
        // A word in lower case is a word, not an abbreviation ("ram" the sheep).
        assert!(other_forms("The ram was moved to the barn.").is_empty());
        // Two capitals are too often something else ("US", "IT").
        assert!(other_forms("IT staff met at 8 AM.").is_empty());
        assert!(other_forms("").is_empty());
    }
}
