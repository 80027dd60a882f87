//! Capitalised names (persons, organisations, places, named periods) and
//! lower-case places ("at a front-line guard post") in a sentence's tokens.

use super::lexicon::*;
use super::tokens::{Kind, Toks};
use super::{Cand, Wanted};

/// Whether token `i` begins a sentence or a quotation (its capital says nothing).
fn at_start(t: &Toks, i: usize) -> bool {
    let mut k = i;
    while k > 0 {
        k -= 1;
        if t.is_word(k) {
            return false;
        }
        if [':', '.', '?', '!', ';'].iter().any(|&c| t.is_punct(k, c)) {
            return true;
        }
    }
    true
}

/// Whether a folded word is an everyday word (its capital may only mark the
/// start of a sentence): a stopword, or a WordNet lemma that names no
/// person, place or organisation.
fn common(w: &str) -> bool {
    if is_stop(w) || DETERMINERS.contains(&w) || PREPOSITIONS.contains(&w) {
        return true;
    }
    if !is_known(w) {
        return false;
    }
    !matches!(
        class_of(w, false),
        Some(Class::Person | Class::Place | Class::Organisation)
    ) || is_adjective(w)
}

/// Where an organisation's name "X of Y and Z" ends, when token `j` is
/// the "and" of it: the run `i..j` names an organisation's kind before "of"
/// ("College of Science"), and "and" is followed by capitalised common words
/// that end the name ("Technology", "Human Services"), not by a place or
/// person ("the University of Oxford and France"), nor by another "of"
/// name ("the Bank of England and Bank of France"), nor by words a noun
/// follows ("the University of Oxford and Cambridge colleges").
fn and_the_rest_of_an_organisation(t: &Toks, used: &[bool], i: usize, j: usize) -> Option<usize> {
    let n = t.len();
    if t.norm(j) != "and" {
        return None;
    }
    let of_an_organisation =
        (i + 1..j).any(|k| t.norm(k) == "of" && ORG_WORDS.contains(&t.norm(k - 1)));
    if !of_an_organisation {
        return None;
    }
    let word = |k: usize| k < n && !used[k] && t.toks[k].kind == Kind::Word && t.toks[k].cap;
    let mut k = j + 1;
    while word(k) && common(t.norm(k)) {
        k += 1;
    }
    // A noun after the words makes them its modifiers: "the University of
    // Oxford and Cambridge colleges".
    let ends = k == n
        || !(word(k)
            || NAME_JOINERS.contains(&t.norm(k))
            || t.toks[k].kind == Kind::Word && !is_stop(t.norm(k)) && is_noun(t.norm(k)));
    (k > j + 1 && ends).then_some(k)
}

/// The lower-case form of tokens `a..b` joined by spaces, possessive dropped.
fn lemma_of(t: &Toks, a: usize, b: usize) -> String {
    let mut s = String::new();
    for k in a..b {
        if !t.is_word(k) {
            continue;
        }
        if !s.is_empty() {
            s.push(' ');
        }
        s.push_str(t.norm(k));
    }
    s
}

/// Finds names in `t`, skipping tokens already `used`.
pub(super) fn scan(t: &Toks, used: &mut [bool], out: &mut Vec<Cand>) {
    let n = t.len();
    let mut i = 0;
    while i < n {
        if used[i] || t.toks[i].kind != Kind::Word || !t.toks[i].cap {
            i += 1;
            continue;
        }
        // The capitalised run, with joiners ("of", "de") between capitals.
        let mut j = i + 1;
        if !t.is_possessive(i) {
            while j < n && !used[j] {
                let tok = t.toks[j];
                if tok.kind == Kind::Word && tok.cap {
                    j += 1;
                    // "King's Scholars" goes on; "Pyongyang's build-up" stops.
                    if t.is_possessive(j - 1)
                        && !(j < n && t.toks[j].cap && t.toks[j].kind == Kind::Word && !used[j])
                    {
                        break;
                    }
                } else if j == i + 1
                    && t.norm(j) == "the"
                    && j + 1 < n
                    && t.toks[j + 1].cap
                    && t.toks[j + 1].kind == Kind::Word
                    && !used[j + 1]
                    && is_adjective(t.norm(j + 1))
                {
                    // An epithet: "Llywelyn the Great", "William the Silent".
                    j += 2;
                } else if let Some(end) = and_the_rest_of_an_organisation(t, used, i, j) {
                    // "the Imperial College of Science and Technology".
                    j = end;
                    break;
                } else if NAME_JOINERS.contains(&t.norm(j))
                    && t.norm(j) != "and"
                    && j + 1 < n
                    && t.toks[j + 1].cap
                    && t.toks[j + 1].kind == Kind::Word
                    && !used[j + 1]
                    && !(t.norm(j) == "of" && PLACE_PREPS.contains(&t.norm(j + 1)))
                {
                    j += 1;
                } else {
                    break;
                }
            }
        }
        // A lower-case place word after a name: "the Zarafshan valley", "Fujian province".
        if j < n
            && !used[j]
            && !t.toks[j].cap
            && PLACE_HEADS.contains(&t.norm(j))
            && !t.is_possessive(j - 1)
        {
            j += 1;
        }
        let (mut a, b) = (i, j);
        // A capital at the start of a sentence says nothing of a stopword.
        if at_start(t, a) {
            while a < b
                && !t.toks[a].caps
                && (is_stop(t.norm(a))
                    || DETERMINERS.contains(&t.norm(a))
                    || PREPOSITIONS.contains(&t.norm(a))
                    || CLAUSE_OPENERS.contains(&t.norm(a)))
            {
                a += 1;
            }
            if b - a == 1 && common(t.norm(a)) && !t.toks[a].caps {
                i = j;
                continue;
            }
        }
        while a < b && NAME_JOINERS.contains(&t.norm(a)) {
            a += 1;
        }
        if a >= b {
            i = j;
            continue;
        }
        let Some(kind) = classify(t, a, b) else {
            i = j;
            continue;
        };
        if let Some(kind) = kind {
            let mut s = a;
            // A title written in lower case before the name: "president Maria Delgado".
            if kind == Wanted::Person
                && s > 0
                && !t.toks[s - 1].cap
                && TITLES.contains(&t.norm(s - 1))
                && !used[s - 1]
            {
                s -= 1;
            }
            for u in &mut used[s..b] {
                *u = true;
            }
            let core = (a, b);
            out.push(Cand {
                kind,
                a: s,
                b,
                core,
            });
        } else {
            for u in &mut used[a..b] {
                *u = true;
            }
            out.push(Cand {
                kind: Wanted::Thing,
                a,
                b,
                core: (a, b),
            });
        }
        i = j;
    }
    places(t, used, out);
}

/// The kind of the capitalised name `a..b`: `None` when it is no name
/// (an adjective before a noun), `Some(None)` for a name of no known kind.
fn classify(t: &Toks, a: usize, b: usize) -> Option<Option<Wanted>> {
    if modifier(t, a, b) {
        return None;
    }
    Some(kind_of(t, a, b))
}

/// The words of `text`'s capitalised runs that only qualify the noun after
/// them, folded: "south" and "korean" in "a South Korean guard post".
pub(super) fn modifying_capitals(text: &str) -> Vec<String> {
    let t = Toks::new(text);
    let mut out = Vec::new();
    let mut i = 0;
    while i < t.len() {
        if !(t.is_word(i) && t.toks[i].cap) {
            i += 1;
            continue;
        }
        let a = i;
        while i < t.len() && t.is_word(i) && t.toks[i].cap {
            i += 1;
        }
        if modifier(&t, a, i) {
            out.extend((a..i).map(|k| t.norm(k).to_string()));
        }
    }
    out
}

/// A nationality or other adjective before a noun: "South Korean guards".
fn modifier(t: &Toks, a: usize, b: usize) -> bool {
    let _ = a;
    let n = t.len();
    let last = t.norm(b - 1);
    let next = if b < n { t.norm(b) } else { "" };
    let next_lower_noun = b < n
        && t.toks[b].kind == Kind::Word
        && !t.toks[b].cap
        && !is_stop(next)
        && !AUX.contains(&next)
        && !PREPOSITIONS.contains(&next)
        && !is_verb_only(next)
        && is_noun(next);
    next_lower_noun
        && !t.toks[b - 1].caps
        && (is_adjective(last) || last.ends_with("ese") || last.ends_with("ian"))
        && !t.is_possessive(b - 1)
}

/// The kind of the capitalised name `a..b`, if it is one of a kind.
fn kind_of(t: &Toks, a: usize, b: usize) -> Option<Wanted> {
    let n = t.len();
    let first = t.norm(a);
    // "World War I", "Henry VIII": the word before a Roman numeral heads the name.
    let roman =
        |w: &str| !w.is_empty() && w.len() <= 4 && w.chars().all(|c| matches!(c, 'i' | 'v' | 'x'));
    let last = if b - a >= 2 && roman(t.norm(b - 1)) && t.toks[b - 1].cap {
        t.norm(b - 2)
    } else {
        t.norm(b - 1)
    };
    let words = b - a;
    let next = if b < n { t.norm(b) } else { "" };
    if is_title(first) && words >= 2 && !ORG_WORDS.contains(&last) && !PLACE_HEADS.contains(&last) {
        return Some(Wanted::Person);
    }
    // "Foreign Secretary Dominic Raab", "Attorney General William Barr": a
    // title inside the name, a person's name after it.
    if let Some(k) = (a..b - 1).find(|&k| is_title(t.norm(k))) {
        if people_like(t, k + 1, b) {
            return Some(Wanted::Person);
        }
    }
    // "U.S. President", "Education Minister": an office held by a person.
    if TITLES.contains(&last) && words >= 2 && !t.toks[b - 1].caps {
        return Some(Wanted::Person);
    }
    // Named periods and events answer "when": "the Iron Age", "American Civil War".
    if EVENT_HEADS.contains(&last) && (words >= 2 || a > 0 && t.norm(a - 1) == "the") {
        return Some(Wanted::Date);
    }
    if ORG_WORDS.contains(&first) || ORG_WORDS.contains(&last) {
        return Some(Wanted::Organisation);
    }
    if words >= 2 && (PLACE_HEADS.contains(&last) || PLACE_FIRSTS.contains(&first)) {
        return Some(Wanted::Place);
    }
    if (a..b).any(|k| ORG_WORDS.contains(&t.norm(k))) {
        return Some(Wanted::Organisation);
    }
    if words == 1 && t.toks[a].caps {
        if PLACE_ACRONYMS.contains(&first) {
            return Some(Wanted::Place);
        }
        return match class_of(first, false) {
            Some(c) => from_class(c),
            None if is_lemma(first) => None,
            None => Some(Wanted::Organisation),
        };
    }
    let name = lemma_of(t, a, b);
    let class = class_of(&name, false);
    // A nationality alone is no person: "speak Russian".
    if class == Some(Class::Person) && words == 1 && is_adjective(first) {
        return None;
    }
    if let Some(c @ (Class::Person | Class::Place | Class::Organisation)) = class {
        // A place named after a preposition stays a place ("in Washington").
        let after_prep = a > 0 && PLACE_PREPS.contains(&t.norm(a - 1));
        if c == Class::Person && after_prep && words == 1 {
            return Some(Wanted::Place);
        }
        return from_class(c);
    }
    if class == Some(Class::Time) {
        return Some(Wanted::Date);
    }
    // A name WordNet lacks, by its last word: "Late Carboniferous".
    if class.is_none()
        && words >= 2
        && !is_lemma(&name)
        && class_of(last, false) == Some(Class::Time)
        && !TIME_UNITS.contains(&last)
    {
        return Some(Wanted::Date);
    }
    // Context: a speaker, a title before, an age after.
    let before = if a > 0 { t.norm(a - 1) } else { "" };
    let says =
        SAY_VERBS.contains(&next) || a > 0 && SAY_VERBS.contains(&before) && !t.toks[a - 1].cap;
    // An office in apposition: "Will Moy, chief executive of Full Fact".
    let office_after = b + 2 < n && t.is_punct(b, ',') && {
        let k = b + 1 + usize::from(DETERMINERS.contains(&t.norm(b + 1)));
        k < n
            && !t.toks[k].cap
            && (TITLES.contains(&t.norm(k))
                || matches!(
                    t.norm(k),
                    "head"
                        | "founder"
                        | "spokesman"
                        | "spokeswoman"
                        | "spokesperson"
                        | "leader"
                        | "member"
                        | "author"
                        | "editor"
                        | "analyst"
                        | "professor"
                        | "executive"
                        | "researcher"
                        | "scientist"
                        | "lawyer"
                        | "attorney"
                        | "owner"
                        | "deputy"
                        | "former"
                ))
    };
    if says
        || office_after
        || is_title(before)
        || before == "elect" && a > 1 && is_title(t.norm(a - 2))
        || b + 2 < n
            && t.is_punct(b, ',')
            && t.toks[b + 1].kind == Kind::Num
            && t.norm(b + 1).len() <= 3
    {
        return Some(Wanted::Person);
    }
    let after_prep = a > 0 && PLACE_PREPS.contains(&before)
        || a > 1 && before == "the" && PLACE_PREPS.contains(&t.norm(a - 2));
    let before_place = b + 1 < n
        && t.is_punct(b, ',')
        && t.toks[b + 1].cap
        && class_of(t.norm(b + 1), false) == Some(Class::Place);
    // (A word WordNet knows as no place is no place for standing there.)
    if (after_prep || before_place) && (words > 1 || !is_lemma(&name)) {
        return Some(Wanted::Place);
    }
    if (2..=3).contains(&words) && people_like(t, a, b) {
        return Some(Wanted::Person);
    }
    None
}

/// Whether a folded word is a title before a person's name, alone or
/// joined by a hyphen ("vice-president", "president-elect", "ex-governor").
fn is_title(w: &str) -> bool {
    TITLES.contains(&w) || w.contains('-') && w.split('-').any(|p| TITLES.contains(&p))
}

/// Whether the words of `a..b` look like a person's name: none a common
/// word (given names and most surnames are not WordNet lemmas), or the
/// surname a person of WordNet.
fn people_like(t: &Toks, a: usize, b: usize) -> bool {
    (a..b).all(|k| {
        let w = t.norm(k);
        // An initial: "Edward S. Harkness".
        if k > a && k + 1 < b && w.len() == 1 && t.raw(k).ends_with('.') {
            return true;
        }
        t.toks[k].kind == Kind::Word
            && !t.toks[k].caps
            && !is_stop(w)
            && !NAME_JOINERS.contains(&w)
            && (!is_lemma(w) || !is_noun(w) || class_of(w, false) == Some(Class::Person))
    })
}

fn from_class(c: Class) -> Option<Wanted> {
    match c {
        Class::Person => Some(Wanted::Person),
        Class::Organisation => Some(Wanted::Organisation),
        Class::Place => Some(Wanted::Place),
        Class::Time => Some(Wanted::Date),
        Class::Amount => None,
    }
}

/// Lower-case places after a preposition: "at a front-line guard post",
/// "in the Demilitarized zone", "at the site of Mehrgarh".
fn places(t: &Toks, used: &mut [bool], out: &mut Vec<Cand>) {
    let n = t.len();
    for p in 0..n {
        if !matches!(
            t.norm(p),
            "in" | "at" | "near" | "inside" | "outside" | "across" | "off" | "into" | "throughout"
        ) || p + 1 >= n
        {
            continue;
        }
        let mut k = p + 1;
        if DETERMINERS.contains(&t.norm(k)) {
            k += 1;
        }
        let start = k;
        let mut head = None;
        while k < n && k < start + 5 && !used[k] && t.toks[k].kind == Kind::Word {
            let w = t.norm(k);
            if is_stop(w) || AUX.contains(&w) || PREPOSITIONS.contains(&w) || is_verb_only(w) {
                break;
            }
            if !t.toks[k].cap {
                head = Some(k);
            }
            k += 1;
        }
        let Some(h) = head else { continue };
        if h + 1 != k {
            continue;
        }
        // "in front of", "in place of", "at the end of": phrases, not places.
        let idiom = matches!(
            t.norm(h),
            "front"
                | "place"
                | "case"
                | "charge"
                | "terms"
                | "spite"
                | "favour"
                | "favor"
                | "light"
                | "view"
                | "line"
                | "lieu"
                | "behalf"
                | "part"
                | "end"
                | "top"
                | "bottom"
                | "middle"
                | "midst"
                | "face"
                | "wake"
                | "hands"
                | "side"
                | "back"
                | "centre"
                | "center"
                | "heart"
        ) && h + 1 < n
            && t.norm(h + 1) == "of"
            && h == start;
        if idiom
            || !PLACE_HEADS.contains(&t.norm(h)) && class_of(t.norm(h), true) != Some(Class::Place)
        {
            continue;
        }
        let mut end = h + 1;
        // "the site of Mehrgarh": a name after "of" belongs to the place.
        if end + 1 < n && t.norm(end) == "of" {
            let name_at = end + 1 + usize::from(t.norm(end + 1) == "the");
            if let Some(c) = out
                .iter()
                .position(|c| c.a == name_at && c.kind != Wanted::Date)
            {
                end = out[c].b;
                out.remove(c);
            }
        }
        let a = p + 1;
        if (a..=h).any(|x| used[x]) {
            continue;
        }
        for u in &mut used[a..end] {
            *u = true;
        }
        out.push(Cand {
            kind: Wanted::Place,
            a,
            b: end,
            core: (start, end),
        });
    }
}
