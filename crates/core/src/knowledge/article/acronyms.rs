//! Acronyms an article defines: "the International Space Station (ISS)",
//! "virtual reality (VR)". A question may say either form whichever the
//! sentence writes, so each sentence is indexed with the other form too
//! (see `engine::index`).

/// An acronym and the words it stands for, as the article writes them.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Acronym {
    /// "ISS".
    pub short: String,
    /// "International Space Station".
    pub long: String,
}

/// Small words a long form may hold without a letter in its acronym:
/// "Food and Drug Administration (FDA)".
const UNLETTERED: &[&str] = &["and", "of", "for", "the", "on", "in", "to", "&"];

/// The longest acronym read: longer runs of capitals are not acronyms of
/// the words before them.
const LONGEST: usize = 8;

/// The acronyms `sentences` define, each once, in order of first definition:
/// a run of two to eight capital letters in brackets right after words
/// whose initials spell it ("Food and Drug Administration (FDA)",
/// "non-governmental organisations (NGOs)").
pub fn defined<'a>(sentences: impl IntoIterator<Item = &'a str>) -> Vec<Acronym> {
    let mut out: Vec<Acronym> = Vec::new();
    for sentence in sentences {
        for (open, inside) in brackets(sentence) {
            if let Some((a, _)) = read(&sentence[..open], inside) {
                if !out.iter().any(|o| o.short == a.short) {
                    out.push(a);
                }
            }
        }
    }
    out
}

/// Where `sentence` defines the acronym `short` in brackets: the byte
/// range of its long form as written, up to the bracket ("Joint Task Force
/// (North)" in "... Joint Task Force (North) (JTFN) ...").
pub fn long_form_in(sentence: &str, short: &str) -> Option<std::ops::Range<usize>> {
    brackets(sentence).find_map(|(open, inside)| {
        let before = &sentence[..open];
        let (a, start) = read(before, inside)?;
        (a.short == short).then(|| start..before.trim_end().len())
    })
}

/// Each bracket of `sentence`: where it opens, and what it holds. The
/// words before a bracket are all those before it, brackets of their own
/// included: "Joint Task Force (North) (JTFN)".
fn brackets(sentence: &str) -> impl Iterator<Item = (usize, &str)> {
    let mut from = 0;
    std::iter::from_fn(move || {
        let open = from + sentence[from..].find('(')?;
        let after = &sentence[open + 1..];
        let close = after.find(')')?;
        from = open + 1 + close;
        Some((open, &after[..close]))
    })
}

impl Acronym {
    /// The other form, for a text that writes one of them and not the
    /// other: the long form for "ISS" (written in capitals, as a word), the
    /// acronym for "international space station" (in any case); `lower` is
    /// the text in lower case.
    fn other_form(&self, text: &str, lower: &str) -> Option<&str> {
        let has_short = words_at(text, &self.short);
        let has_long = words_at(lower, &self.long.to_lowercase());
        match (has_short, has_long) {
            (true, false) => Some(&self.long),
            (false, true) => Some(&self.short),
            _ => None,
        }
    }
}

/// The other forms of `acronyms` that `text` calls for ([`Acronym::other_form`]),
/// the text lowered once for all of them.
pub fn other_forms<'a>(acronyms: &'a [Acronym], text: &str) -> Vec<&'a str> {
    if acronyms.is_empty() {
        return Vec::new();
    }
    let lower = text.to_lowercase();
    acronyms
        .iter()
        .filter_map(|a| a.other_form(text, &lower))
        .collect()
}

/// Small words inside a name that give no initial: "Bank of England".
const INSIDE_A_NAME: &[&str] = &["and", "of", "for", "the", "&"];

/// The fewest initials an undefined acronym is read with: two-letter ones
/// ("US", "IT", "NO") are too often words.
const FEWEST_IMPLIED: usize = 3;

/// The initials of the names `text` writes in full, of three capitalised
/// words or more ("International Space Station" -> "ISS", "Food and Drug
/// Administration" -> "FDA"), each once, in capitals; those `text` already
/// writes are left out. Readers shorten such names whether or not the
/// article defines the acronym; a sentence writing the name is indexed
/// with its initials too.
pub fn implied(text: &str) -> Vec<String> {
    let mut out: Vec<String> = Vec::new();
    let mut run: Vec<u8> = Vec::new();
    // Unlettered small words since the last capitalised one.
    let mut pending = 0;
    let emit = |run: &mut Vec<u8>, out: &mut Vec<String>| {
        if run.len() >= FEWEST_IMPLIED && run.len() <= LONGEST {
            let short = String::from_utf8_lossy(run).into_owned();
            if !out.contains(&short) && !words_at(text, &short) {
                out.push(short);
            }
        }
        run.clear();
    };
    for raw in text.split_whitespace() {
        let word = raw.trim_matches(|c: char| !c.is_alphanumeric());
        // "The" opening a sentence is no part of the name after it.
        let article = run.is_empty() && matches!(word, "The" | "A" | "An");
        let capitalised = !article
            && word.chars().next().is_some_and(char::is_uppercase)
            && word.chars().all(char::is_alphabetic)
            && word.chars().any(char::is_lowercase);
        if capitalised {
            run.push(word.as_bytes()[0].to_ascii_uppercase());
            pending = 0;
        } else if !run.is_empty() && pending == 0 && INSIDE_A_NAME.contains(&word) {
            pending = 1;
        } else {
            emit(&mut run, &mut out);
            pending = 0;
        }
        // A name ends at a comma, a stop or a bracket after its word.
        if raw.ends_with(|c: char| !c.is_alphanumeric()) {
            emit(&mut run, &mut out);
            pending = 0;
        }
    }
    emit(&mut run, &mut out);
    out
}

/// Whether `text` holds `phrase` as whole words.
fn words_at(text: &str, phrase: &str) -> bool {
    let edge = |c: Option<char>| c.is_none_or(|c| !c.is_alphanumeric());
    text.match_indices(phrase).any(|(at, _)| {
        edge(text[..at].chars().next_back()) && edge(text[at + phrase.len()..].chars().next())
    })
}

/// The acronym `inside` a bracket, when the words `before` it spell it,
/// and the byte offset in `before` where its long form starts.
fn read(before: &str, inside: &str) -> Option<(Acronym, usize)> {
    let short = inside.trim();
    let letters = short.strip_suffix('s').unwrap_or(short);
    if !(2..=LONGEST).contains(&letters.len()) || !letters.bytes().all(|b| b.is_ascii_uppercase()) {
        return None;
    }
    // The words before the bracket, last first; a hyphenated word gives one
    // initial a part ("non-governmental": N, G).
    let words: Vec<&str> = before.split_whitespace().collect();
    let mut wanted: Vec<u8> = letters.bytes().map(|b| b.to_ascii_lowercase()).collect();
    let mut start = words.len();
    for (i, word) in words.iter().enumerate().rev() {
        let clean = word.trim_matches(|c: char| !c.is_alphanumeric() && c != '&');
        if clean.is_empty() {
            return None;
        }
        let lower = clean.to_lowercase();
        let initials: Vec<u8> = lower.split('-').filter_map(|p| p.bytes().next()).collect();
        if wanted.ends_with(&initials) {
            wanted.truncate(wanted.len() - initials.len());
        } else if UNLETTERED.contains(&lower.as_str()) && start < words.len() {
            // A small word inside the long form, no letter of its own.
        } else if wanted.ends_with(&initials[..1]) {
            wanted.pop();
        } else {
            return None;
        }
        start = i;
        if wanted.is_empty() {
            break;
        }
    }
    if !wanted.is_empty() || start == words.len() {
        return None;
    }
    let long: Vec<&str> = words[start..]
        .iter()
        .map(|w| w.trim_matches(|c: char| !c.is_alphanumeric() && c != '&'))
        .collect();
    // The first word is a slice of `before`: its offset, past any opening mark.
    let first = words[start];
    let marks = first.len()
        - first
            .trim_start_matches(|c: char| !c.is_alphanumeric() && c != '&')
            .len();
    let at = first.as_ptr() as usize - before.as_ptr() as usize + marks;
    let acronym = Acronym {
        short: letters.to_string(),
        long: long.join(" "),
    };
    Some((acronym, at))
}

#[cfg(test)]
mod tests {
    use super::*;

    fn one(sentence: &str) -> Option<(String, String)> {
        defined([sentence]).pop().map(|a| (a.short, a.long))
    }

    #[test]
    fn an_acronym_in_brackets_after_its_words_is_read() {
        let pair = |s: &str, l: &str| Some((s.to_string(), l.to_string()));
        assert_eq!(
            one("It was carrying supplies to the International Space Station (ISS) when it burned up."),
            pair("ISS", "International Space Station")
        );
        assert_eq!(
            one("The Food and Drug Administration (FDA) approved it."),
            pair("FDA", "Food and Drug Administration")
        );
        assert_eq!(
            one("It lacks virtual reality (VR) support."),
            pair("VR", "virtual reality")
        );
        assert_eq!(
            one("Aid came from non-governmental organisations (NGOs)."),
            pair("NGO", "non-governmental organisations")
        );
        // Words in brackets of their own belong to the long form.
        assert_eq!(
            one("The RCAF and Joint Task Force (North) (JTFN) maintain facilities."),
            pair("JTFN", "Joint Task Force North")
        );
    }

    #[test]
    fn brackets_that_spell_no_acronym_of_their_words_are_left_alone() {
        assert_eq!(one("The Korean People's Army (KCNA) said so."), None);
        assert_eq!(one("He scored twice (2) on Sunday."), None);
        assert_eq!(one("The report (PDF) is online."), None);
        assert_eq!(one("(ISS)"), None);
        assert_eq!(one("Talks with Iran (and others) stalled."), None);
    }

    #[test]
    fn a_text_writing_one_form_is_given_the_other() {
        let iss = [Acronym {
            short: "ISS".into(),
            long: "International Space Station".into(),
        }];
        let other = |text: &str| other_forms(&iss, text).pop();
        assert_eq!(
            other("The six-member ISS crew is safe."),
            Some("International Space Station")
        );
        assert_eq!(
            other("It docked at the international space station."),
            Some("ISS")
        );
        assert_eq!(other("The International Space Station (ISS) orbits."), None);
        assert_eq!(
            other("Her mission was a success."),
            None,
            "not inside a word"
        );
        assert_eq!(
            other("The iss crew."),
            None,
            "an acronym is written in capitals"
        );
    }

    #[test]
    fn names_of_three_capitalised_words_imply_their_initials() {
        let implied = |s: &str| implied(s).join(" ");
        assert_eq!(
            implied("It was heading to the International Space Station on Thursday."),
            "ISS"
        );
        assert_eq!(
            implied(
                "The Food and Drug Administration approved it, said the Canadian Armed Forces."
            ),
            "FDA CAF"
        );
        // Two words, a name cut by a comma, lower-case words: no initials.
        assert_eq!(
            implied("North Korea said the Space Station, Russia agreed."),
            ""
        );
        assert_eq!(implied("the international space station"), "");
        // Written already, or spelt by words in capitals.
        assert_eq!(implied("The ISS (International Space Station) orbits."), "");
        assert_eq!(implied("NASA and ESA Mission Control agreed."), "");
    }

    #[test]
    fn each_acronym_is_kept_once() {
        let found = defined([
            "the Joint Chiefs of Staff (JCS) said.",
            "The JCS (JCS) repeated it; the Joint Chiefs of Staff (JCS) agreed.",
        ]);
        assert_eq!(found.len(), 1);
        assert_eq!(found[0].long, "Joint Chiefs of Staff");
    }
}
