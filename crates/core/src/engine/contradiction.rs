//! Near misses a sentence contradicts: the question names a month, a weekday,
//! a year, a day of a month or a count where the sentence holds another one
//! ("in January" against "in March 2015", "in 2005" against "in 2015", "five
//! minutes" against "three minutes"), or a superlative
//! whose opposite the sentence says ("smallest" against "largest"), or a
//! word whose WordNet antonym the sentence writes in its place ("a brother
//! company" against "sister company"), or the
//! question ends on a choice the sentence holds neither side of ("were they
//! men or women?"). Such a sentence does not answer what was asked, however
//! much else it shares with the question. Nor does a sentence that gives
//! two things the question names each other's names ("North Korean guards
//! fire at South Korean troops" against "South Korean guards fired ... at
//! North Korean troops"). (A name alone is left alone: "South Korean
//! guards" may well be answered by a sentence about "North Korean
//! soldiers".)

use super::cues::{MONTHS, WEEKDAYS, YES_NO_OPENERS};

/// The numbers news copy spells out, one to twenty in order, then larger
/// ones.
const SPELLED: [&str; 27] = [
    "one",
    "two",
    "three",
    "four",
    "five",
    "six",
    "seven",
    "eight",
    "nine",
    "ten",
    "eleven",
    "twelve",
    "thirteen",
    "fourteen",
    "fifteen",
    "sixteen",
    "seventeen",
    "eighteen",
    "nineteen",
    "twenty",
    "thirty",
    "forty",
    "fifty",
    "hundred",
    "thousand",
    "million",
    "billion",
];

/// Whether `w` can be a spelled number: three to nine lowercase letters.
fn may_be_spelled(w: &str) -> bool {
    (3..=9).contains(&w.len()) && w.as_bytes()[0].is_ascii_lowercase()
}

/// The value of a spelled number from one to twenty.
pub(super) fn spelled_value(w: &str) -> Option<usize> {
    if !may_be_spelled(w) {
        return None;
    }
    SPELLED[..20].iter().position(|&n| n == w).map(|i| i + 1)
}

/// The spelled form of a number from one to twenty.
pub(super) fn spelled(n: usize) -> &'static str {
    SPELLED[n - 1]
}

/// A token of text: its word as written, and folded (borrowed when the
/// word is already lower case, as most are).
struct Token<'t> {
    written: &'t str,
    folded: std::borrow::Cow<'t, str>,
}

impl Token<'_> {
    /// A lower-case word of three letters or more that is no stopword
    /// (names are left alone).
    fn is_content(&self) -> bool {
        // The byte length first: a word of three letters has three bytes or more.
        self.folded.len() >= 3
            && !capitalised(self.written)
            && self.folded.chars().all(char::is_alphabetic)
            && self.folded.chars().count() >= 3
            && !crate::text::is_stopword(&self.folded)
    }
}

fn tokens(text: &str) -> Vec<Token<'_>> {
    if text.is_ascii() {
        ascii_tokens(text)
    } else {
        any_tokens(text)
    }
}

/// [`tokens`] of any text.
fn any_tokens(text: &str) -> Vec<Token<'_>> {
    text.split(|c: char| !(c.is_alphanumeric() || c == '.' || c == ','))
        .map(|w| w.trim_matches(|c| c == '.' || c == ','))
        .filter(|w| !w.is_empty())
        .map(|w| Token {
            written: w,
            folded: if w.chars().any(char::is_uppercase) {
                w.to_lowercase().into()
            } else {
                w.into()
            },
        })
        .collect()
}

/// [`tokens`] of an ASCII text, read byte by byte (the same tokens: in
/// ASCII a letter or digit is alphanumeric, and only A-Z are upper case).
fn ascii_tokens(text: &str) -> Vec<Token<'_>> {
    let bytes = text.as_bytes();
    let mut out = Vec::with_capacity(text.len() / 6 + 1);
    let mut i = 0;
    while i < bytes.len() {
        let keeps = |b: u8| b.is_ascii_alphanumeric() || b == b'.' || b == b',';
        if !keeps(bytes[i]) {
            i += 1;
            continue;
        }
        let start = i;
        while i < bytes.len() && keeps(bytes[i]) {
            i += 1;
        }
        let w = text[start..i].trim_matches(|c| c == '.' || c == ',');
        if w.is_empty() {
            continue;
        }
        out.push(Token {
            written: w,
            folded: if w.bytes().any(|b| b.is_ascii_uppercase()) {
                w.to_ascii_lowercase().into()
            } else {
                w.into()
            },
        });
    }
    out
}

fn is_number(w: &str) -> bool {
    (may_be_spelled(w) && SPELLED.contains(&w)) || super::extract::is_figure(w)
}

fn is_month(w: &str) -> bool {
    MONTHS[..12].contains(&w)
}

/// Whether the `i`-th token, "may", is the month: written "May" inside the
/// text, after a word that is not a name ("in late May"; not "Theresa May",
/// nor "May I ask").
fn the_month_may(tokens: &[Token<'_>], i: usize) -> bool {
    i > 0
        && tokens[i].written == "May"
        && tokens.get(i - 1).is_some_and(|p| {
            !capitalised(p.written)
                || matches!(
                    p.folded.as_ref(),
                    "in" | "by"
                        | "since"
                        | "until"
                        | "from"
                        | "early"
                        | "late"
                        | "mid"
                        | "last"
                        | "next"
                        | "this"
                        | "through"
                )
        })
}

/// Whether a word opens on a capital letter.
pub(super) fn capitalised(w: &str) -> bool {
    w.chars().next().is_some_and(char::is_uppercase)
}

/// Whether a question's tokens open on a yes/no opener ("is", "did"...).
fn asks_yes_or_no(q: &[Token]) -> bool {
    q.first()
        .is_some_and(|t| YES_NO_OPENERS.contains(&t.folded.as_ref()))
}

/// Where the sentence's numbers start: "hundred" in "fifteen hundred" is none.
fn number_starts<'a>(s: &'a [Token<'a>]) -> impl Iterator<Item = usize> + 'a {
    (0..s.len()).filter(|&j| j == 0 || !is_number(&s[j - 1].folded))
}

/// Whether `sentence` holds, where the question names something, another
/// thing of the same kind (see the module's documentation).
pub fn contradicts(question: &str, sentence: &str) -> bool {
    let q = tokens(question);
    let s = tokens(sentence);
    let has = |w: &str| s.iter().any(|t| t.folded == w);
    // A month, weekday or year of the question the sentence lacks, where it names another.
    for kind in [
        is_month as fn(&str) -> bool,
        |w: &str| WEEKDAYS.contains(&w),
        is_year,
    ] {
        let asked: Vec<&str> = q
            .iter()
            .enumerate()
            .filter(|&(i, t)| kind(&t.folded) && (t.folded != "may" || the_month_may(&q, i)))
            .map(|(_, t)| t.folded.as_ref())
            .collect();
        let said = s
            .iter()
            .enumerate()
            .any(|(i, t)| kind(&t.folded) && (t.folded != "may" || the_month_may(&s, i)));
        // "2012/13" holds 2013.
        let holds = |w: &str| has(w) || (is_year(w) && has(&w[2..]));
        if said && asked.iter().any(|w| !holds(w)) {
            return true;
        }
    }
    // A number before a word ("five minutes", "two hundred minutes") where
    // the sentence has another number before the same word ("three
    // minutes", "one hundred minutes"), or a day before a month ("15
    // September" against "25 September"). Years and names after a number
    // ("2011 World Health Report") are left alone.
    let mut i = 0;
    while i < q.len() {
        let run = number_run(&q[i..]);
        if run == 0 {
            i += 1;
            continue;
        }
        let asked = &q[i..i + run];
        i += run;
        let Some(unit) = q.get(i) else {
            // A number closing the question, where the sentence puts another
            // after the same word: "numbered over one thousand" for "the crew
            // numbered over three thousand?".
            if i > run && closing_number_differs(&q[i - run - 1], asked, &s) {
                return true;
            }
            break;
        };
        let name = capitalised(unit.written) && !is_month(&unit.folded);
        if asked.iter().any(|t| is_year(&t.folded)) || name {
            continue;
        }
        let starts = || number_starts(&s);
        if starts().any(|j| same_run(asked, &s[j..])) {
            continue;
        }
        let other = starts().any(|j| {
            let n = number_run(&s[j..]);
            n > 0
                && s.get(j + n).is_some_and(|u| {
                    same_word(&u.folded, &unit.folded) || same_word(&unit.folded, &u.folded)
                })
        });
        if other {
            return true;
        }
    }
    // A choice of two where the sentence holds neither.
    if let Some((a, b)) = choice(question) {
        let holds = |w: &str| s.iter().any(|t| same_word(&t.folded, w));
        if !holds(&a) && !holds(&b) {
            return true;
        }
    }
    if opposite_in_place(&q, &s)
        || opposite_direction(&q, &s)
        || names_swapped(&q, &s)
        || roles_swapped(&q, sentence)
        || name_in_anothers_place(&q, &s)
        || name_reversed(&q, &s)
        || another_ordinal(&q, &s)
        || another_rank(&q, &s)
    {
        return true;
    }
    // A superlative of the question whose opposite the sentence says
    // instead ("smallest" against "largest").
    for (a, b) in OPPOSITES {
        for (asked, other) in [(a, b), (b, a)] {
            if q.iter().any(|t| t.folded == *asked) && has(other) && !has(asked) {
                return true;
            }
        }
    }
    false
}

/// A word of the question and its dictionary forms ("fled": "flee").
struct Word {
    forms: std::rc::Rc<[String]>,
}

impl Word {
    fn of(folded: &str) -> Word {
        Word {
            forms: super::meaning::forms_of(folded),
        }
    }

    fn shares(&self, other: &Word) -> bool {
        self.forms.iter().any(|f| other.forms.contains(f))
    }
}

/// The content tokens ([`Token::is_content`]), in order, folded.
fn content_tokens<'a>(tokens: &'a [Token<'a>]) -> impl Iterator<Item = &'a str> {
    tokens
        .iter()
        .filter(|t| t.is_content())
        .map(|t| t.folded.as_ref())
}

/// Whether the sentence writes the opposite of a question's word (a WordNet
/// antonym) in its place, beside a word next to it in the question: "a
/// brother company" against "sister company", "an inexperienced actor"
/// against "a more experienced actor", "whose mother did he kill" against
/// "killed his father". A yes/no question is left alone: the opposite is
/// its answer ("is it easy to use?" against "difficult to use").
fn opposite_in_place(q: &[Token], s: &[Token]) -> bool {
    if asks_yes_or_no(q) {
        return false;
    }
    let qt: Vec<&str> = content_tokens(q).collect();
    // The question's words that have opposites, with them.
    let asked: Vec<(usize, std::rc::Rc<[&str]>)> = qt
        .iter()
        .enumerate()
        .map(|(i, t)| (i, opposites_of(t)))
        .filter(|(_, opposites)| !opposites.is_empty())
        .collect();
    if asked.is_empty() {
        return false;
    }
    let qw: Vec<Word> = qt.iter().map(|t| Word::of(t)).collect();
    // A sentence word is looked up only when it may be one of those words or
    // their opposites, or share a word with the question: when it opens on
    // the first three letters of one of theirs (an inflection keeps them).
    let prefix = |w: &str| w.char_indices().nth(3).map_or(w.len(), |(i, _)| i);
    let openings: Vec<&str> = qw
        .iter()
        .flat_map(|w| w.forms.iter().map(String::as_str))
        .chain(asked.iter().flat_map(|(_, o)| o.iter().copied()))
        .map(|w| &w[..prefix(w)])
        .collect();
    let sw: Vec<Option<Word>> = content_tokens(s)
        .map(|t| {
            openings
                .iter()
                .any(|o| t.starts_with(o))
                .then(|| Word::of(t))
        })
        .collect();
    let shares = |a: &Word, b: &Option<Word>| b.as_ref().is_some_and(|b| a.shares(b));
    let beside = |len: usize, i: usize| {
        [i.checked_sub(1), Some(i + 1)]
            .into_iter()
            .flatten()
            .filter(move |&j| j < len)
    };
    asked.iter().any(|(i, opposites)| {
        let word = &qw[*i];
        if sw.iter().any(|w| shares(word, w)) {
            return false;
        }
        sw.iter().enumerate().any(|(k, said)| {
            said.as_ref().is_some_and(|said| {
                said.forms.iter().any(|f| opposites.contains(&f.as_str()))
                    && !qw.iter().any(|w| w.shares(said))
            }) && beside(qw.len(), *i).any(|a| beside(sw.len(), k).any(|b| shares(&qw[a], &sw[b])))
        })
    })
}

/// Prepositions of direction: the way a thing goes.
const DIRECTIONS: [&str; 5] = ["to", "from", "into", "toward", "towards"];

/// The word each preposition of direction of `tokens` leads to, "the"
/// aside, folded: "to the North" gives ("to", "north").
fn directions<'a>(tokens: &'a [Token<'a>]) -> impl Iterator<Item = (&'a str, &'a str)> {
    tokens.iter().enumerate().filter_map(|(i, t)| {
        let by = DIRECTIONS.iter().find(|&&d| d == t.folded)?;
        let mut to = tokens.get(i + 1)?;
        if to.folded == "the" {
            to = tokens.get(i + 2)?;
        }
        Some((*by, to.folded.as_ref()))
    })
}

/// Whether the question goes one way where the sentence goes the other, and
/// never the question's: "defected from South Korea to the North" against
/// "defecting directly to the South", "moved to the east wing" against
/// "moved to the west wing". The question may name the other way elsewhere
/// ("South Korea"), which [`opposite_in_place`] takes for the sentence's. A
/// yes/no question is left alone: the opposite is its answer.
fn opposite_direction(q: &[Token], s: &[Token]) -> bool {
    if asks_yes_or_no(q) {
        return false;
    }
    directions(q).any(|(by, asked)| {
        let said = || directions(s).filter(|&(b, _)| b == by).map(|(_, w)| w);
        if said().any(|w| w == asked) {
            return false;
        }
        let opposites = opposites_of(asked);
        !opposites.is_empty() && said().any(|w| opposites.contains(&w))
    })
}

/// Opposites in time and stance that WordNet does not pair as antonyms.
const MORE_OPPOSITES: &[(&str, &str)] = &[
    ("current", "former"),
    ("present", "former"),
    ("previous", "next"),
    ("support", "opposition"),
    ("supported", "opposed"),
    ("supports", "opposes"),
];

/// A word's opposites: its WordNet antonyms ([`super::meaning::opposites_of`])
/// and [`MORE_OPPOSITES`].
fn opposites_of(word: &str) -> std::rc::Rc<[&'static str]> {
    let antonyms = super::meaning::opposites_of(word);
    let more = MORE_OPPOSITES.iter().filter_map(|&(a, b)| {
        if a == word {
            Some(b)
        } else if b == word {
            Some(a)
        } else {
            None
        }
    });
    if more.clone().next().is_none() {
        return antonyms;
    }
    antonyms.iter().copied().chain(more).collect()
}

/// The names before the nouns of a text: "North Korean guards" gives
/// ("north korean", "guard"). A name is one or two capitalised words (the
/// text's first only as the first of two); the noun is a lower-case content
/// word, stemmed.
fn named_nouns(tokens: &[Token]) -> Vec<(String, String)> {
    let mut out = Vec::new();
    for i in 2..tokens.len() {
        let noun = &tokens[i];
        if !capitalised(tokens[i - 1].written) || !noun.is_content() {
            continue;
        }
        let from = if capitalised(tokens[i - 2].written) {
            i - 2
        } else {
            i - 1
        };
        let name: Vec<&str> = tokens[from..i].iter().map(|t| t.folded.as_ref()).collect();
        out.push((name.join(" "), crate::text::stem(&noun.folded)));
    }
    out
}

/// Whether the sentence gives the question's two named things each other's
/// names: "North Korean guards fire at South Korean troops" against "South
/// Korean guards fired ... at North Korean troops".
fn names_swapped(q: &[Token], s: &[Token]) -> bool {
    let asked = named_nouns(q);
    if asked.len() < 2 {
        return false;
    }
    let said = named_nouns(s);
    let says = |name: &str, noun: &str| said.iter().any(|(m, n)| m == name && n == noun);
    asked.iter().enumerate().any(|(i, (m1, n1))| {
        asked[i + 1..].iter().any(|(m2, n2)| {
            m1 != m2 && n1 != n2 && says(m2, n1) && says(m1, n2) && !says(m1, n1) && !says(m2, n2)
        })
    })
}

/// Prepositions after which a name says who or what a deed touches.
const NAME_SLOTS: [&str; 6] = ["by", "to", "from", "with", "against", "for"];

/// The capitalised run of `tokens` from `at`, folded.
fn name_at<'a>(tokens: &'a [Token<'a>], at: usize) -> Vec<&'a str> {
    tokens[at.min(tokens.len())..]
        .iter()
        .take_while(|t| capitalised(t.written))
        .map(|t| t.folded.as_ref())
        .collect()
}

/// Whether the question puts a name of the sentence where the sentence
/// puts another, after the same word and preposition: "Who is pursued by
/// Mr. Oberhauser?" against "When Oberhauser addresses Bond by name, he
/// escapes and is pursued by Mr. Hinx". The question's name must be the
/// sentence's too, elsewhere: a name it does not write at all may be a
/// typo, or another way to write the same one.
fn name_in_anothers_place(q: &[Token], s: &[Token]) -> bool {
    let writes = |w: &str| s.iter().any(|t| t.folded == w);
    (2..q.len()).any(|i| {
        let (word, by) = (&q[i - 2], &q[i - 1]);
        if !NAME_SLOTS.contains(&by.folded.as_ref()) || !word.is_content() {
            return false;
        }
        let asked = name_at(q, i);
        if asked.is_empty() || !asked.iter().all(|w| writes(w)) {
            return false;
        }
        let placed: Vec<Vec<&str>> = (2..s.len())
            .filter(|&j| s[j - 1].folded == by.folded && s[j - 2].folded == word.folded)
            .map(|j| name_at(s, j))
            .filter(|name| !name.is_empty())
            .collect();
        // A name is told by its last word: "Mr. Hinx" is not "Mr. Oberhauser".
        let last = asked[asked.len() - 1];
        !placed.is_empty() && placed.iter().all(|name| !name.contains(&last))
    })
}

/// The names "as" pairs in a text ("Dave Bautista as Mr. Hinx"), each a
/// run of capitalised words within one item of a list, folded and joined.
fn roles(text: &str) -> Vec<(String, String)> {
    let mut out = Vec::new();
    for item in text.split([',', ';']).flat_map(|part| part.split(" and ")) {
        if item.contains(" as ") {
            roles_in(&tokens(item), &mut out);
        }
    }
    out
}

/// [`roles`] of one item's `tokens`, added to `out`.
fn roles_in(tokens: &[Token], out: &mut Vec<(String, String)>) {
    for (k, t) in tokens.iter().enumerate() {
        if t.written != "as" || k == 0 {
            continue;
        }
        let before = tokens[..k]
            .iter()
            .rev()
            .take_while(|t| capitalised(t.written))
            .count();
        let role = name_at(tokens, k + 1);
        if before > 0 && !role.is_empty() {
            out.push((name_at(tokens, k - before).join(" "), role.join(" ")));
        }
    }
}

/// Whether the sentence casts two names of the question each in another
/// role, and never the one in the other: "Dave Bautista as Mr. Hinx,
/// Andrew Scott as Max Denbigh" against "Dave Bautista portrays Max
/// Denbigh in which film?".
fn roles_swapped(q: &[Token], sentence: &str) -> bool {
    // Two names asked: two capitalised words past the first, at least.
    let capitals = q.iter().skip(1).filter(|t| capitalised(t.written)).count();
    if capitals < 2 || !sentence.contains(" as ") {
        return false;
    }
    let cast = roles(sentence);
    if cast.len() < 2 {
        return false;
    }
    let asked = |name: &str| {
        let words: Vec<&str> = name.split(' ').collect();
        q.windows(words.len()).any(|w| {
            w.iter()
                .zip(&words)
                .all(|(t, n)| capitalised(t.written) && t.folded == *n)
        })
    };
    cast.iter().any(|(actor, role)| {
        asked(actor)
            && !asked(role)
            && cast
                .iter()
                .any(|(other, part)| other != actor && asked(part) && !asked(other))
    })
}

/// Whether the sentence writes a two-word name of the question the other
/// way round, and never as asked: "Thomas Newman" for "Newman Thomas".
fn name_reversed(q: &[Token], s: &[Token]) -> bool {
    let name = |a: &Token, b: &Token| {
        [a, b].iter().all(|t| {
            capitalised(t.written)
                && t.folded.chars().count() > 1
                && t.folded.chars().all(char::is_alphabetic)
                && !crate::text::is_stopword(&t.folded)
        })
    };
    let says = |a: &str, b: &str| s.windows(2).any(|p| p[0].folded == a && p[1].folded == b);
    q.windows(2).any(|p| {
        let (a, b) = (&p[0], &p[1]);
        name(a, b)
            && a.folded != b.folded
            && says(&b.folded, &a.folded)
            && !says(&a.folded, &b.folded)
    })
}

/// Whether a token is a Roman numeral in capitals, one to thirty-nine
/// ("I", "IV", "VIII", "XII"), as after a monarch's or a war's name.
fn is_roman(w: &str) -> bool {
    !w.is_empty()
        && w.len() <= 6
        && w.bytes().all(|b| matches!(b, b'I' | b'V' | b'X'))
        && !w.contains("IIII")
        && !w.contains("VV")
}

/// Whether the sentence gives a name of the question another Roman
/// numeral, and never the question's: "Otto IV" for "Otto I", "World War
/// II" for "World War I".
fn another_ordinal(q: &[Token], s: &[Token]) -> bool {
    let numbered = |t: &[Token]| -> Vec<(String, String)> {
        t.windows(2)
            .filter(|p| {
                capitalised(p[0].written)
                    && p[0].folded.chars().count() > 1
                    && p[0].folded.chars().all(char::is_alphabetic)
                    && is_roman(p[1].written)
            })
            .map(|p| (p[0].folded.to_string(), p[1].written.to_string()))
            .collect()
    };
    let said = numbered(s);
    numbered(q).iter().any(|(name, n)| {
        !said.iter().any(|(m, k)| m == name && k == n)
            && said.iter().any(|(m, k)| m == name && k != n)
    })
}

/// Spelled ordinals, by value less one.
const ORDINALS: [&str; 20] = [
    "first",
    "second",
    "third",
    "fourth",
    "fifth",
    "sixth",
    "seventh",
    "eighth",
    "ninth",
    "tenth",
    "eleventh",
    "twelfth",
    "thirteenth",
    "fourteenth",
    "fifteenth",
    "sixteenth",
    "seventeenth",
    "eighteenth",
    "nineteenth",
    "twentieth",
];

/// The value of an ordinal, spelled or in figures: "fourth" and "4th" are 4.
fn ordinal_value(w: &str) -> Option<u32> {
    if let Some(i) = ORDINALS.iter().position(|o| *o == w) {
        return Some(i as u32 + 1);
    }
    let digits = w
        .strip_suffix("st")
        .or_else(|| w.strip_suffix("nd"))
        .or_else(|| w.strip_suffix("rd"))
        .or_else(|| w.strip_suffix("th"))?;
    (!digits.is_empty() && digits.bytes().all(|b| b.is_ascii_digit()))
        .then(|| digits.parse().ok())
        .flatten()
}

/// Whether the question puts an ordinal before a word ("his eighth
/// appearance") where the sentence puts another one ("his fourth
/// appearance") and never the question's.
fn another_rank(q: &[Token], s: &[Token]) -> bool {
    let ranked = |t: &[Token]| -> Vec<(u32, String)> {
        t.windows(2)
            .filter_map(|p| Some((ordinal_value(&p[0].folded)?, p[1].folded.to_string())))
            .collect()
    };
    let asked = ranked(q);
    if asked.is_empty() {
        return false;
    }
    let said = ranked(s);
    // "the tenth through twelfth seasons" holds the tenth season.
    let holds = |n: u32| s.iter().any(|t| ordinal_value(&t.folded) == Some(n));
    asked.iter().any(|(n, word)| {
        let same = |w: &str| same_word(w, word) || same_word(word, w);
        !holds(*n) && said.iter().any(|(m, w)| m != n && same(w))
    })
}

/// Words after "or" that end a question without offering a choice ("did
/// they shoot back or what", "is it good or nah").
const NO_CHOICE: &[&str] = &[
    "not",
    "no",
    "nah",
    "naw",
    "nope",
    "what",
    "wat",
    "wut",
    "something",
    "anything",
    "smth",
    "sth",
    "whatever",
    "so",
    "nothing",
    "else",
    "idk",
    "sumthin",
    "smthn",
];

/// The two words a question ends on as a choice: "..., private or
/// sergeant?" or a yes/no question's "... men or women?".
fn choice(question: &str) -> Option<(String, String)> {
    let raw: Vec<&str> = question
        .trim_end_matches(|c: char| c == '?' || c == '!' || c == '.' || c.is_whitespace())
        .split_whitespace()
        .collect();
    let [.., before, a, or, b] = raw.as_slice() else {
        return None;
    };
    let word = |w: &str| {
        (w.chars().all(char::is_alphabetic) && w.chars().count() >= 2).then(|| w.to_lowercase())
    };
    let (a, b) = (word(a)?, word(b)?);
    if !or.eq_ignore_ascii_case("or") || NO_CHOICE.contains(&b.as_str()) {
        return None;
    }
    let opener = raw[0].to_lowercase();
    // A yes/no question may end on a choice without a comma: "were the two
    // civilians men or women?".
    (before.ends_with(',') || YES_NO_OPENERS.contains(&opener.as_str())).then_some((a, b))
}

/// Whether a sentence's word is a question's word, or it with an ending
/// ("sergeants" for "sergeant").
fn same_word(said: &str, asked: &str) -> bool {
    said.strip_prefix(asked)
        .is_some_and(|rest| matches!(rest, "" | "s" | "es" | "ed" | "d" | "ing" | "'s"))
}

/// Superlatives and their opposites. Words with other senses are left out:
/// "last" ("when did it last rain?"), "most" and "least" ("at least").
const OPPOSITES: &[(&str, &str)] = &[
    ("largest", "smallest"),
    ("biggest", "smallest"),
    ("highest", "lowest"),
    ("best", "worst"),
    ("earliest", "latest"),
    ("oldest", "youngest"),
    ("oldest", "newest"),
    ("longest", "shortest"),
    ("maximum", "minimum"),
];

/// How many number tokens `tokens` opens with ("two hundred", "3,000").
fn number_run(tokens: &[Token]) -> usize {
    tokens.iter().take_while(|t| is_number(&t.folded)).count()
}

/// Whether the sentence writes another number than `asked` (not a year)
/// right after the word `before` it, and `asked` nowhere.
fn closing_number_differs(before: &Token, asked: &[Token], s: &[Token]) -> bool {
    if asked.iter().any(|t| is_year(&t.folded)) || is_number(&before.folded) {
        return false;
    }
    let starts = || number_starts(s);
    !starts().any(|j| same_run(asked, &s[j..]))
        && starts().any(|j| {
            j > 0
                && s[j - 1].folded == before.folded
                && !s[j..].first().is_some_and(|t| is_year(&t.folded))
                && number_run(&s[j..]) > 0
        })
}

/// Whether `tokens` opens with the number `run` says: "two hundred" is
/// "200", "3 million" is "three million".
fn same_run(run: &[Token], tokens: &[Token]) -> bool {
    let n = number_run(tokens);
    if n == 0 {
        return false;
    }
    match (run_value(run), run_value(&tokens[..n])) {
        (Some(a), Some(b)) => a == b,
        _ => {
            n >= run.len()
                && run
                    .iter()
                    .zip(tokens)
                    .all(|(a, b)| same_number(&a.folded, &b.folded))
        }
    }
}

/// The value of a run of number tokens ("two hundred", "3,000", "1.5
/// million"); `None` when they do not read as one number.
fn run_value(run: &[Token]) -> Option<f64> {
    let (mut total, mut current) = (0.0_f64, 0.0_f64);
    for t in run {
        let w: &str = &t.folded;
        match w {
            "hundred" => current = current.max(1.0) * 100.0,
            "thousand" | "million" | "billion" => {
                let scale = match w {
                    "thousand" => 1e3,
                    "million" => 1e6,
                    _ => 1e9,
                };
                total += current.max(1.0) * scale;
                current = 0.0;
            }
            _ => {
                // One to twenty, then thirty, forty and fifty, as SPELLED holds them.
                let tens = SPELLED[20..23]
                    .iter()
                    .position(|&x| x == w)
                    .map(|i| 30.0 + 10.0 * i as f64);
                current += match spelled_value(w).map(|v| v as f64).or(tens) {
                    Some(v) => v,
                    None => w.replace(',', "").parse::<f64>().ok()?,
                };
            }
        }
    }
    Some(total + current)
}

/// Whether two number tokens say the same number: "2" is "two", "3,000" is "3000".
fn same_number(a: &str, b: &str) -> bool {
    let value = |w: &str| -> String {
        spelled_value(w).map_or_else(|| w.replace(',', ""), |v| v.to_string())
    };
    value(a) == value(b)
}

/// A year: four digits from 1000 to 2999.
pub(super) fn is_year(w: &str) -> bool {
    w.len() == 4 && w.parse::<u32>().is_ok_and(|y| (1000..3000).contains(&y))
}

#[cfg(test)]
mod tests {
    use super::contradicts;
    use proptest::prelude::*;

    proptest! {
        /// The byte-by-byte reading of an ASCII text gives the tokens the
        /// general reading gives.
        #[test]
        fn ascii_texts_split_as_any_text(text in "[ -~]{0,80}") {
            let pairs = |tokens: Vec<super::Token>| -> Vec<(String, String)> {
                tokens.iter().map(|t| (t.written.to_string(), t.folded.to_string())).collect()
            };
            prop_assert_eq!(pairs(super::ascii_tokens(&text)), pairs(super::any_tokens(&text)));
        }
    }

    #[test]
    fn ascii_tokens_fold_and_trim() {
        let got: Vec<(&str, String)> = super::ascii_tokens("On Nov. 3, 2,000 U.S. troops... left")
            .into_iter()
            .map(|t| (t.written, t.folded.to_string()))
            .collect();
        let want = [
            ("On", "on"),
            ("Nov", "nov"),
            ("3", "3"),
            ("2,000", "2,000"),
            ("U.S", "u.s"),
            ("troops", "troops"),
            ("left", "left"),
        ];
        assert_eq!(got.len(), want.len(), "{got:?}");
        for ((w, f), (ww, wf)) in got.iter().zip(want) {
            assert_eq!((*w, f.as_str()), (ww, wf));
        }
    }

    /// Asserts that each pair of `contradicting` (question, sentence)
    /// contradicts and each of `not` does not.
    fn assert_contradictions(contradicting: &[(&str, &str)], not: &[(&str, &str)]) {
        for (q, s) in contradicting {
            assert!(contradicts(q, s), "{q} / {s}");
        }
        for (q, s) in not {
            assert!(!contradicts(q, s), "{q} / {s}");
        }
    }

    #[test]
    fn another_count_in_words_contradicts() {
        assert_contradictions(
            &[
            (
                "Who said that the song came together in two sessions?",
                "Smith said the song came together in one session.",
            ),
            (
                "Which film has more than two hundred minutes of music?",
                "Mendes revealed that the final film would have more than one hundred minutes of music.",
            ),
            (
                "Over one hundred extras were hired for what?",
                "In February 2015 over fifteen hundred extras were hired for the pre-title sequence.",
            ),
            ],
            &[
            (
                "Which film has two hundred minutes of music?",
                "The final film would have 200 minutes of music.",
            ),
            (
                "How many died in the 3 million person city?",
                "Eleven died in the city of three million people.",
            ),
            (
                "Who hired two hundred extras?",
                "The studio hired two hundred extras in Mexico.",
            ),
            ],
        );
    }

    #[test]
    fn a_name_written_the_other_way_round_contradicts() {
        const SENTENCE: &str = "Thomas Newman returned as Spectre's composer.";
        assert_contradictions(
            &[("Newman Thomas was Spectre's what?", SENTENCE)],
            &[
                ("Thomas Newman was Spectre's what?", SENTENCE),
                ("What did Newman compose?", SENTENCE),
                (
                    "What did Newman Thomas compose?",
                    "Newman Thomas and Thomas Newman are two people.",
                ),
            ],
        );
    }

    #[test]
    fn another_numeral_after_a_name_contradicts() {
        assert_contradictions(
            &[
                (
                    "In what year did Otto I become Holy Roman Emperor?",
                    "By 1212 John had concluded alliances with his nephew Otto IV, a contender for the crown.",
                ),
                (
                    "When did World War I end?",
                    "World War II ended in 1945.",
                ),
            ],
            &[
                (
                    "When was Otto I crowned?",
                    "Otto I was crowned in 962, as Otto IV was later.",
                ),
                ("What did I say about Otto?", "Otto IV said nothing."),
            ],
        );
    }

    #[test]
    fn another_month_or_count_contradicts() {
        for (q, s) in [
            (
                "IMAX announced that Spectre would be screened in January of what year?",
                "In March 2015 IMAX corporation announced that Spectre would be screened.",
            ),
            (
                "Spectre had its world premiere on 26 December of what year?",
                "Spectre had its world premiere in London on 26 October 2015.",
            ),
            (
                "In February 2005, how many extras were hired for the opening scene?",
                "In February 2015, over fifteen hundred extras were hired for the opening scene.",
            ),
            (
                "What was released as a download on 15 September 2015?",
                "The song was released as a download on 25 September 2015.",
            ),
            (
                "Who tells Bond he has five minutes to escape the building?",
                "Blofeld tells him that he has three minutes to escape the building.",
            ),
            (
                "Were the two civilians men or women?",
                "Two North Korean civilians were found drifting in a boat.",
            ),
            (
                "what exact rank did he hold, private or sergeant?",
                "A low-ranking soldier arrived at a front-line guard post.",
            ),
            (
                "An explosion filmed in what city holds the record for \"Smallest film stunt explosion\"?",
                "An explosion filmed in Morocco holds a record for the \"Largest film stunt explosion\".",
            ),
        ] {
            assert!(contradicts(q, s), "{q}");
        }
    }

    #[test]
    fn may_is_a_month_only_where_written_as_one() {
        const MARCH: &str = "With filming completed in Rome, production moved to Mexico City in late March to shoot the opening.";
        assert!(contradicts(
            "Filming moved to which city in late May?",
            MARCH
        ));
        assert!(contradicts(
            "Where did production move in May?",
            "Production moved to Mexico City in March."
        ));
        for (q, s) in [
            // The verb, not the month.
            ("Where may production move in March?", MARCH),
            // A name.
            (
                "What did Theresa May say in March?",
                "Theresa May said in March that talks would go on.",
            ),
            (
                "When did the talks start?",
                "Theresa May said in March that talks would go on.",
            ),
        ] {
            assert!(!contradicts(q, s), "{q}");
        }
    }

    #[test]
    fn opposites_in_time_and_stance_contradict_in_place() {
        assert_contradictions(
            &[
                (
                    "Who is a current member of Quantum?",
                    "The trail leads to Mr. White, a former member of Quantum.",
                ),
                (
                    "The production faced support from what groups?",
                    "The production faced opposition from special interest groups.",
                ),
            ],
            &[(
                "Who is a former member of Quantum?",
                "The trail leads to Mr. White, a former member of Quantum.",
            )],
        );
    }

    #[test]
    fn another_rank_before_the_same_word_contradicts() {
        const FOURTH: &str = "Daniel Craig returned for his fourth appearance as James Bond.";
        assert!(contradicts(
            "Who returned for his eighth appearance as James Bond?",
            FOURTH
        ));
        assert!(contradicts("Who made a 2nd appearance?", FOURTH));
        for q in [
            "Who returned for his fourth appearance as James Bond?",
            "Who returned for his 4th appearance as Bond?",
            // An ordinal before another word says nothing of this one.
            "Who returned as James Bond for the first time?",
        ] {
            assert!(!contradicts(q, FOURTH), "{q}");
        }
        const RANGE: &str =
            "Iovine was the mentor in the tenth through twelfth seasons, Jackson for the thirteenth season.";
        assert!(!contradicts(
            "Who was the mentor in the tenth season?",
            RANGE
        ));
    }

    #[test]
    fn two_named_things_given_each_others_names_contradict() {
        const SHOTS: &str = "South Korean guards fired up to 20 warning shots at North Korean troops as they searched for a comrade.";
        assert!(contradicts(
            "How many warning shots did North Korean guards fire at South Korean troops?",
            SHOTS
        ));
        for q in [
            // The names as the sentence gives them.
            "How many warning shots did South Korean guards fire at North Korean troops?",
            // One named thing alone says nothing of the other.
            "How many warning shots did North Korean guards fire?",
            // Another noun with each name.
            "Did North Korean soldiers fire at South Korean civilians?",
        ] {
            assert!(!contradicts(q, SHOTS), "{q}");
        }
    }

    #[test]
    fn the_opposite_in_place_of_a_question_word_contradicts() {
        assert_contradictions(
            &[
                (
                    "Who is a brother company to Eon Productions?",
                    "MGM settled the issue with Danjaq, LLC, sister company of Eon Productions.",
                ),
                (
                    "Who wanted an inexperienced actor for the role of Madeleine Swann?",
                    "Mendes sought out a more experienced actor for the role of Madeleine Swann.",
                ),
                (
                    "Oberhauser killed whose mother?",
                    "Oberhauser killed his father and staged his own death.",
                ),
            ],
            &[
                // A yes/no question's opposite is its answer.
                (
                    "Are appendices easy to use for the average reader?",
                    "Appendices are difficult to use for the average reader.",
                ),
                // The opposite elsewhere, beside no word of the question.
                (
                    "What did the public school teach?",
                    "The school taught Latin, while private tutors taught music.",
                ),
                // Names are left alone.
                (
                    "What did South Korean guards fire?",
                    "North Korean guards fired 20 rounds.",
                ),
            ],
        );
    }

    #[test]
    fn another_number_closing_the_question_contradicts() {
        const SENTENCE: &str =
            "In July 2015 Mendes noted that the combined crew of Spectre numbered over one thousand.";
        assert_contradictions(
            &[(
                "The combined crew of what movie numbered over three thousand?",
                SENTENCE,
            )],
            &[
                // The same number, written another way.
                (
                    "The combined crew of what movie numbered over 1,000?",
                    SENTENCE,
                ),
                // A year closes no count.
                ("What did Mendes note in 2015?", SENTENCE),
                // The sentence puts no number after the word.
                (
                    "Which crew numbered 500?",
                    "The crew of Spectre numbered several hundred.",
                ),
            ],
        );
    }

    #[test]
    fn two_names_cast_in_each_others_roles_contradict() {
        const CAST: &str = "The film adds Léa Seydoux as Dr. Madeleine Swann, Dave Bautista as Mr. Hinx, Andrew Scott as Max Denbigh and Monica Bellucci as Lucia Sciarra.";
        assert_contradictions(
            &[
                ("Dave Bautista portrays Max Denbigh in which film?", CAST),
                ("Andrew Scott plays Mr. Hinx in which film?", CAST),
            ],
            &[
                ("Andrew Scott portrays Max Denbigh in which film?", CAST),
                ("Which role does Dave Bautista play?", CAST),
                ("Who plays Mr. Hinx?", CAST),
            ],
        );
    }

    #[test]
    fn a_name_in_anothers_place_contradicts() {
        const CHASE: &str =
            "When Oberhauser addresses Bond by name, he escapes and is pursued by Mr. Hinx, a Spectre assassin.";
        assert_contradictions(
            &[(
                "Who is pursued by Mr. Oberhauser, a Spectre assassin?",
                CHASE,
            )],
            &[
                // The name in its place, or part of it.
                ("Who is pursued by Mr. Hinx?", CHASE),
                ("Who is pursued by Hinx?", CHASE),
                // A name the sentence does not write: maybe a typo.
                ("Who is pursued by Mr. Hinks?", CHASE),
                // Another word before the preposition.
                ("Who is addressed by Oberhauser?", CHASE),
            ],
        );
    }

    #[test]
    fn the_opposite_way_contradicts() {
        assert_contradictions(
            &[
                (
                    "How many people defected from South Korea to the North this year?",
                    "This year's total for the number of people defecting directly to the South is 15.",
                ),
                (
                    "When did the staff move to the east wing?",
                    "In May the staff moved to the west wing of the hospital.",
                ),
            ],
            &[
                // The same way.
                (
                    "How many people defected to the South this year?",
                    "This year's total for the number of people defecting directly to the South is 15.",
                ),
                // The sentence goes both ways, the question's among them.
                (
                    "Who flew to the north?",
                    "The pilot flew to the south, then to the north.",
                ),
                // A yes/no question's opposite is its answer.
                (
                    "Did the soldier defect to the North?",
                    "The soldier defected to the South.",
                ),
            ],
        );
    }

    #[test]
    fn the_same_or_an_unnamed_one_does_not() {
        for (q, s) in [
            (
                "When in March did IMAX announce it?",
                "In March 2015 IMAX corporation announced that Spectre would be screened.",
            ),
            (
                "What year was it released?",
                "It was released in March 2015.",
            ),
            (
                "What was the spending for the 2012/2013 financial year?",
                "During the 2012/13 financial year the spending was £124 million.",
            ),
            (
                "What was released on 25 September?",
                "The song was released as a download on 25 September 2015.",
            ),
            (
                "Who has three minutes to escape?",
                "Blofeld tells him that he has three minutes to escape the building.",
            ),
            (
                "How many stars did Kermode give?",
                "Mark Kermode gave the film four out of five stars.",
            ),
            (
                "Which Kermode gave the film four stars?",
                "Mark Kermode, writing in The Guardian, gave the film four stars.",
            ),
            (
                "Edgar Allen Poe added value to literature in what area?",
                "Edgar Allan Poe added value to American literature.",
            ),
            (
                "When was the first announcement of Stefan Grimm's death?",
                "Imperial announced that Professor Grimm had died.",
            ),
            (
                "Both Wutaishan Sports Center and Nanjing Olympic Sports Center have what?",
                "The Wutaishan Sports Center has a stadium and a natatorium.",
            ),
            (
                "What was the capital expenditure for the 2012 financial year?",
                "Capital expenditure was 100 million pounds in the 2012/13 financial year.",
            ),
            (
                "2 bursts of gunfir when",
                "About 40 minutes later, two bursts of gunfire were heard.",
            ),
            (
                "What gun did the South Korean guards use?",
                "About 20 rounds from a K-3 machine gun were fired at North Korean soldiers.",
            ),
            (
                "What did Mark Kermode write?",
                "Mark Kermode, writing in The Guardian, gave the film four stars.",
            ),
            (
                "How many shots were fired on Thursday?",
                "About 20 rounds were fired on Thursday morning.",
            ),
            (
                "Which film grossed more in its opening weekend, Skyfall or Spectre?",
                "Spectre earned $48.1 million in its opening weekend, behind Skyfall.",
            ),
            (
                "were the soldiers men or women",
                "The women soldiers crossed the border.",
            ),
            (
                "did the south shoot back or what",
                "South Korean guards fired warning shots.",
            ),
            (
                "Was Alaska's Constitution written to encourage or discourage state funds?",
                "The constitution discourages state funds being used.",
            ),
            (
                "When did the Xbox One X launch?",
                "The Xbox One X launched in November.",
            ),
        ] {
            assert!(!contradicts(q, s), "{q}");
        }
    }
}
