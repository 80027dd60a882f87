//! Reading a question: what it asks for, about what, and where the answer
//! stands relative to the words it shares with a sentence.

use std::cell::RefCell;
use std::rc::Rc;

use super::lexicon::*;
use super::tokens::{KeptToks, Kind, Toks};
use super::Wanted;

/// Where the asked-for thing stands in the question's statement form.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub(super) enum Form {
    /// "What lowered the cost?": the answer comes before the question's words.
    Subject,
    /// "What did the soldier crash his jeep into?": the answer comes after them.
    Object,
    /// "What is the capital of France?": either side.
    Copular,
    /// "The Vedic Period extended until when?": words before the question
    /// word come before the answer, words after it come after.
    Middle,
}

/// Which side of the answer a question word stands on, in statement order.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub(super) enum Side {
    /// The answer follows the word.
    Before,
    /// The answer precedes the word.
    After,
    Either,
}

#[rustfmt::skip]
const WH: Words = Words::new(&[
    "how", "what", "when", "where", "which", "who", "whom", "whose", "why",
]);
#[rustfmt::skip]
const FILLERS: Words = Words::new(&[
    "also", "and", "anyone", "bruh", "but", "can", "could", "do", "hey", "hmm", "i", "just",
    "know", "like", "lol", "me", "ok", "okay", "please", "pls", "q", "question", "quick", "so",
    "tell", "then", "uh", "um", "wait", "well", "wonder", "yo", "you",
]);
#[rustfmt::skip]
const MONEY_WORDS: Words = Words::new(&[
    "bought", "budget", "buy", "buying", "buys", "charge", "charged", "charges", "charging",
    "compensation", "cost", "costing", "costs", "damages", "debt", "dollars", "donate", "donated",
    "donation", "donations", "earn", "earned", "earning", "earns", "euros", "fee", "fees", "fined",
    "fund", "funding", "funds", "gross", "grossed", "grossing", "income", "invest", "invested",
    "investing", "investment", "invests", "loan", "money", "paid", "pay", "paying", "pays",
    "pounds", "price", "priced", "profit", "profits", "raise", "raised", "raises", "raising",
    "ransom", "revenue", "salary", "sales", "sell", "selling", "sells", "sold", "spend",
    "spending", "spends", "spent", "tax", "taxes", "value", "valued", "wage", "wages", "worth",
]);
/// Nouns after "what"/"which" that name a kind of answer directly.
const TYPE_NOUNS: &[(&str, Wanted)] = &[
    ("age", Wanted::Age),
    ("ages", Wanted::Age),
    ("amount", Wanted::Number),
    ("cause", Wanted::Reason),
    ("century", Wanted::Date),
    ("cost", Wanted::Money),
    ("date", Wanted::Date),
    ("day", Wanted::Date),
    ("decade", Wanted::Date),
    ("era", Wanted::Date),
    ("hour", Wanted::Time),
    ("manner", Wanted::Manner),
    ("method", Wanted::Manner),
    ("month", Wanted::Date),
    ("motive", Wanted::Reason),
    ("number", Wanted::Number),
    ("percent", Wanted::Percent),
    ("percentage", Wanted::Percent),
    ("period", Wanted::Date),
    ("place", Wanted::Place),
    ("price", Wanted::Money),
    ("proportion", Wanted::Percent),
    ("purpose", Wanted::Purpose),
    ("quantity", Wanted::Number),
    ("reason", Wanted::Reason),
    ("season", Wanted::Date),
    ("share", Wanted::Percent),
    ("sum", Wanted::Money),
    ("time", Wanted::Time),
    ("way", Wanted::Manner),
    ("week", Wanted::Date),
    ("year", Wanted::Date),
    ("years", Wanted::Date),
];

/// Nouns that ask for an organisation whatever WordNet files them under
/// first ("body" is first the human body, "group" any number of things),
/// unless "of" follows them ("which body of water", "what group of animals").
const ORGANISATION_NOUNS: &[&str] = &[
    "agency",
    "body",
    "department",
    "group",
    "ministry",
    "outlet",
];

/// Nouns that stand for the real noun after "of": "what kind of gun".
#[rustfmt::skip]
const KIND_NOUNS: Words = Words::new(&[
    "brand", "breed", "category", "class", "form", "forms", "genre", "group", "kind", "kinds",
    "make", "model", "name", "part", "piece", "pieces", "series", "sort", "sorts", "species",
    "style", "type", "types", "variety",
]);

/// Nouns after which "of" names the thing whose kind is asked: "what
/// kind of boat" asks for the words that make the boat a kind.
#[rustfmt::skip]
const KINDS: Words = Words::new(&[
    "brand", "breed", "category", "genre", "kind", "kinds", "sort", "sorts", "style", "type",
    "types", "variety",
]);

/// Verbs of describing: "how is the border described?" asks, as "what kind
/// of border?" does, for the words the sentence gives the thing.
#[rustfmt::skip]
const DESCRIBING: Words = Words::new(&[
    "characterise", "characterised", "characterize", "characterized", "describe", "described",
    "describes",
]);

/// A question as the extractor reads it.
pub(super) struct Question<'q> {
    pub t: Toks<'q>,
    /// Token index of the question word ("what", "how"...).
    pub wh: Option<usize>,
    pub wanted: Option<Wanted>,
    /// Token range of the thing asked about ("shots" in "how many shots").
    pub focus: Option<(usize, usize)>,
    pub form: Form,
    /// The question is negative ("Why didn't ...?").
    pub negative: bool,
    /// The question asks how its focus is described: "how is the border
    /// described?", "what did the North call the allegations?".
    pub describes: bool,
}

/// A question split and read once ([`Parsed::of`]). The engine asks what a
/// question wants, then the extractor reads the same question again for
/// each sentence it is asked of: the last question read is kept per thread,
/// so that it is split and read once.
pub(super) struct Parsed {
    text: Box<str>,
    toks: KeptToks,
    read: Read,
}

thread_local! {
    static LAST: RefCell<Option<Rc<Parsed>>> = const { RefCell::new(None) };
}

impl Parsed {
    /// `question` split and read: the last question's reading when it is
    /// the same text.
    pub fn of(question: &str) -> Rc<Parsed> {
        if let Some(last) = LAST.with(|l| l.borrow().clone()) {
            if *last.text == *question {
                return last;
            }
        }
        let t = Toks::new(question);
        let parsed = Rc::new(Parsed {
            text: question.into(),
            read: read(&t),
            toks: t.keep(),
        });
        LAST.with(|l| *l.borrow_mut() = Some(Rc::clone(&parsed)));
        parsed
    }

    /// The question it holds, over its kept tokens.
    pub fn question(&self) -> Question<'_> {
        let (wh, wanted, focus, form, negative, describes) = self.read;
        Question {
            t: Toks::kept(&self.text, &self.toks),
            wh,
            wanted,
            focus,
            form,
            negative,
            describes,
        }
    }
}

impl<'q> Question<'q> {
    /// The side of the answer the question's token `i` stands on.
    pub fn side(&self, i: usize) -> Side {
        let Some(wh) = self.wh else {
            return Side::Either;
        };
        let end = self.focus.map_or(wh + 1, |(_, b)| b);
        match self.form {
            Form::Subject => Side::After,
            Form::Object => Side::Before,
            Form::Copular => Side::Either,
            Form::Middle => {
                if i < wh {
                    Side::Before
                } else if i >= end {
                    Side::After
                } else {
                    Side::Either
                }
            }
        }
    }

    /// The preposition just before a question word inside the question
    /// ("blended *with* what?"), folded.
    pub fn wh_preposition(&self) -> Option<&str> {
        let wh = self.wh?;
        if self.form != Form::Middle {
            return None;
        }
        let p = (0..wh).rev().find(|&i| self.t.is_word(i))?;
        let w = self.t.norm(p);
        (PREPOSITIONS.contains(&w) && w != "of").then_some(w)
    }

    /// The focus as written in the question.
    pub fn focus_text(&self) -> Option<&'q str> {
        self.focus
            .map(|(a, b)| &self.t.text[self.t.start(a)..self.t.end(b - 1)])
    }

    /// Whether the question asks for a kind of its focus: "what kind of
    /// boat", "which type of machine gun", or how it is described.
    pub(crate) fn kind_of(&self) -> bool {
        let Some((a, _)) = self.focus else {
            return false;
        };
        let mut before = (0..a).rev().filter(|&i| self.t.is_word(i));
        let of_a_kind = match (before.next(), before.next()) {
            (Some(of), Some(kind)) => self.t.norm(of) == "of" && KINDS.contains(&self.t.norm(kind)),
            _ => false,
        };
        of_a_kind || self.describes
    }

    /// The head noun of the focus (its last word), folded.
    pub fn focus_head(&self) -> Option<&str> {
        self.focus.map(|(_, b)| self.t.norm(b - 1))
    }

    /// Whether the question asks for several things: its focus is a plural
    /// noun ("what countries", "which cities") or counted ("the two
    /// promenades", "both parties").
    pub fn asks_several(&self) -> bool {
        let Some((a, b)) = self.focus else {
            return false;
        };
        let head = self.t.norm(b - 1);
        let plural = head.len() > 3
            && head.ends_with('s')
            && !head.ends_with("ss")
            && super::lexicon::bases(head).iter().any(|base| *base != head);
        let wh = self.wh.unwrap_or(a);
        plural || (wh..b).any(|i| matches!(self.t.norm(i), "two" | "three" | "four" | "both"))
    }
}

struct Parts<'a, 'q> {
    t: &'a Toks<'q>,
    wh: Option<usize>,
    wanted: Option<Wanted>,
    focus: Option<(usize, usize)>,
    form: Form,
}

type Read = (
    Option<usize>,
    Option<Wanted>,
    Option<(usize, usize)>,
    Form,
    bool,
    bool,
);

/// The question word of the main clause when the first one, `words[k]`,
/// opens a clause of time or place before it: "When Namibia was under
/// South African administration, *what* was it called?" asks for a name,
/// not a time. Such a clause has no auxiliary after its "when" ("When did
/// ...?" is the question itself) and ends on a comma that the main
/// clause's question word follows.
fn main_question_word(t: &Toks, words: &[usize], k: usize) -> Option<usize> {
    let norm = |k: usize| words.get(k).map_or("", |&i| t.norm(i));
    if k != 0 || !matches!(norm(0), "when" | "where") || AUX.contains(&norm(1)) {
        return None;
    }
    let comma = (words[0]..t.len()).find(|&i| t.norm(i) == ",")?;
    let next = words.iter().position(|&i| i > comma)?;
    WH.contains(&alias(norm(next))).then_some(next)
}

/// Whether the words "how long `be` `rest`" ask the length of a thing, not
/// how long something lasts: `be` is the main verb ("is", "was"), `rest` a
/// short noun phrase with no verb, whose head is a lifeless physical thing
/// ("How long is the DMZ?", "How long was his lattice theory paper?"; not
/// "How long was the truce intended to last?", "How long is the trial
/// period?", "How long was the soldier held in hospital?", "How long was
/// Assange in the Ecuadorean embassy?").
pub(crate) fn asks_a_length(words: &[String]) -> bool {
    let Some(at) = words
        .windows(2)
        .position(|p| p[0] == "how" && p[1] == "long")
    else {
        return false;
    };
    let (Some(be), Some(rest)) = (words.get(at + 2), words.get(at + 3..)) else {
        return false;
    };
    let verb = |w: &str| {
        is_verb_only(w)
            || is_inflected_verb(w)
            || is_verb(w) && (w.ends_with("ing") || w.ends_with("ed"))
    };
    // One noun phrase, with its prepositional phrases: "spanish the
    // official language of galicia" is a subject and its complement, asked
    // how long it was so.
    let determiner = |w: &str| {
        matches!(
            w,
            "the"
                | "a"
                | "an"
                | "this"
                | "that"
                | "these"
                | "those"
                | "his"
                | "her"
                | "its"
                | "their"
        )
    };
    let preposition = |w: &str| {
        matches!(
            w,
            "of" | "in"
                | "on"
                | "at"
                | "between"
                | "from"
                | "to"
                | "across"
                | "along"
                | "through"
                | "under"
                | "over"
                | "near"
                | "by"
                | "with"
                | "into"
        )
    };
    let one_phrase = (1..rest.len()).all(|i| !determiner(&rest[i]) || preposition(&rest[i - 1]));
    // The phrase's head: its last word before a preposition ("the border"
    // of "the border between the two koreas"; "assange" of "assange in the
    // ecuadorean embassy", asked how long he stayed).
    let Some(head) = rest.iter().take_while(|w| !preposition(w)).last() else {
        return false;
    };
    // "For how long was it...?" asks how long it lasted.
    let for_how_long = at > 0 && words[at - 1] == "for";
    matches!(be.as_str(), "is" | "was" | "are" | "were")
        && !for_how_long
        && rest.len() <= 6
        && one_phrase
        && !rest.iter().any(|w| verb(w))
        && names_a_physical_thing(head)
}

/// Where the thing described begins in "how is the border described?",
/// "how did the North describe the US allegations?" or "what did the North
/// call the US allegations?" (the question word at word `k`): the first
/// word past stopwords after "how is" or after the verb; `None` when no
/// such verb follows.
fn described<'w>(words: &[usize], norm: &impl Fn(usize) -> &'w str, k: usize) -> Option<usize> {
    let from = match norm(k) {
        "how" => {
            let verb = (k + 1..words.len()).find(|&d| DESCRIBING.contains(&norm(d)))?;
            if matches!(norm(k + 1), "is" | "was" | "are" | "were") {
                k + 2
            } else {
                verb + 1
            }
        }
        "what" if matches!(norm(k + 1), "did" | "does" | "do") => {
            (k + 2..words.len()).find(|&d| matches!(norm(d), "call" | "calls"))? + 1
        }
        _ => return None,
    };
    (from..words.len()).find(|&f| !is_stop(norm(f)))
}

/// Reads the question word, the wanted type, the focus and the form.
fn read(t: &Toks) -> Read {
    let words: Vec<usize> = (0..t.len()).filter(|&i| t.is_word(i)).collect();
    let norm = |k: usize| alias(words.get(k).map_or("", |&i| t.norm(i)));
    let negative = words
        .iter()
        .any(|&i| NEGATIONS.contains(&t.norm(i)) && t.norm(i) != "without");
    // The question word: the first one, not inside a relative clause
    // when it opens the question ("Who was the man who...").
    let wpos = (0..words.len()).find(|&k| WH.contains(&norm(k)));
    let wpos = wpos.map(|k| main_question_word(t, &words, k).unwrap_or(k));
    // The first word past chat fillers; an auxiliary there opens a yes/no
    // question, whatever question word comes later ("Were shots fired when...?").
    let first = (0..words.len()).find(|&k| {
        !FILLERS.contains(&norm(k))
            || AUX.contains(&norm(k)) && k + 1 < words.len() && !FILLERS.contains(&norm(k + 1))
    });
    let yes_no = first.is_some_and(|f| AUX.contains(&norm(f)) && wpos.is_none_or(|w| w > f));
    let wpos = if yes_no { None } else { wpos };
    let mut q = Parts {
        t,
        wh: None,
        wanted: None,
        focus: None,
        form: Form::Copular,
    };
    let Some(k) = wpos else {
        if yes_no {
            q.wanted = Some(Wanted::YesNo);
        } else {
            // No question word: a type noun may still say what is wanted
            // ("galileo flyby year?").
            q.wanted = (0..words.len()).find_map(|k| {
                TYPE_NOUNS
                    .iter()
                    .find(|(n, _)| *n == norm(k))
                    .map(|&(_, w)| w)
                    .filter(|w| {
                        matches!(
                            w,
                            Wanted::Date
                                | Wanted::Time
                                | Wanted::Age
                                | Wanted::Percent
                                | Wanted::Money
                                | Wanted::Reason
                        )
                    })
            });
        }
        return (q.wh, q.wanted, q.focus, q.form, negative, false);
    };
    q.wh = Some(words[k]);
    let described_at = described(&words, &norm, k);
    let w = norm(k);
    let n1 = norm(k + 1);
    let n2 = norm(k + 2);
    let has_money = words.iter().any(|&i| MONEY_WORDS.contains(&q.t.norm(i)))
        || q.t.text.contains(['$', '£', '€']);
    // Where the focus noun phrase begins (after "how many", "what", "what kind of").
    let mut focus_from = None;
    let mut focus_wanted = None;
    q.wanted = Some(match w {
        "how" => match n1 {
            "many" => {
                focus_from = Some(k + 2);
                if CURRENCY_WORDS.contains(&n2) || n2 == "money" {
                    Wanted::Money
                } else if TIME_UNITS.contains(&n2) {
                    Wanted::Duration
                } else {
                    Wanted::Number
                }
            }
            "much" => {
                focus_from = Some(k + 2);
                if n2 == "time" || n2 == "longer" {
                    Wanted::Duration
                } else if has_money {
                    Wanted::Money
                } else {
                    Wanted::Number
                }
            }
            "old" | "young" => Wanted::Age,
            // "How late did she stay up?": until a time.
            "late" | "early" => Wanted::Time,
            "long" => {
                if words.iter().any(|&i| q.t.norm(i) == "ago") {
                    Wanted::Date
                } else {
                    Wanted::Duration
                }
            }
            w if HOW_PRICED.contains(&w) => Wanted::Money,
            w if HOW_MEASURED.contains(&w) => Wanted::Number,
            "come" => Wanted::Reason,
            _ => match described_at {
                Some(f) => {
                    focus_from = Some(f);
                    Wanted::Thing
                }
                None => Wanted::Manner,
            },
        },
        "when" => Wanted::Date,
        "where" => Wanted::Place,
        "who" | "whom" => Wanted::Person,
        "whose" => {
            focus_from = Some(k + 1);
            Wanted::Person
        }
        "why" => Wanted::Reason,
        _ => {
            // what / which
            let before = if k > 0 { norm(k - 1) } else { "" };
            let last = words.last().map_or("", |&i| q.t.norm(i));
            let mut f = k + 1;
            // "What is the name of the soldier?": the name of a soldier is a person's.
            let name_of = AUX.contains(&norm(f))
                && norm(f + 1) == "the"
                && matches!(norm(f + 2), "name" | "names")
                && norm(f + 3) == "of";
            if name_of {
                f += 4;
                while DETERMINERS.contains(&norm(f)) {
                    f += 1;
                }
            }
            while matches!(
                norm(f),
                "two"
                    | "three"
                    | "four"
                    | "five"
                    | "other"
                    | "main"
                    | "specific"
                    | "particular"
                    | "exact"
                    | "new"
                    | "different"
                    | "major"
                    | "single"
                    | "primary"
                    | "last"
                    | "most"
                    | "largest"
                    | "biggest"
                    | "only"
            ) || ORDINALS.contains(&norm(f))
                || norm(f).starts_with(|c: char| c.is_ascii_digit())
            {
                f += 1;
            }
            // "what kind of gun": a kind of the noun, not its type.
            let kind_of = KIND_NOUNS.contains(&norm(f)) && norm(f + 1) == "of";
            if kind_of {
                f += 2;
            }
            let noun = norm(f);
            let next = norm(f + 1);
            // "What plays a role", "what ceases to exist": a verb, not a noun.
            // "What influences richness of biodiversity?": no other verb
            // follows, so the word after "what" is the verb.
            let no_later_verb = words[(f + 1).min(words.len())..].iter().all(|&i| {
                let x = q.t.norm(i);
                !AUX.contains(&x)
                    && (!is_inflected_verb(x) || is_counted_noun(x))
                    && !is_verb_only(x)
            });
            let verb_here = (noun.ends_with('s') || noun.ends_with("ed"))
                && is_verb(noun)
                && (DETERMINERS.contains(&next)
                    || matches!(
                        next,
                        "to" | "in" | "on" | "at" | "from" | "with" | "by" | "into" | "as" | "the"
                    )
                    || noun.ends_with('s') && no_later_verb)
                && !kind_of;
            let adverb_only = is_adverb_only(noun);
            let is_focus = !noun.is_empty()
                && !adverb_only
                && !is_stop(noun)
                && !AUX.contains(&noun)
                && !is_verb_only(noun)
                && !verb_here
                && words
                    .get(f)
                    .is_some_and(|&i| q.t.toks[i].kind != Kind::Punct);
            // "What did the North call the allegations?": how it described
            // them, whatever they are.
            let described_from = described_at.filter(|_| !is_focus);
            let kind_of = kind_of || described_from.is_some();
            if is_focus {
                focus_from = Some(f);
                focus_wanted = Some(noun);
            } else if described_from.is_some() {
                focus_from = described_from;
            }
            let focus_end = focus_from.and_then(|f| focus_phrase(q.t, &words, f));
            // The whole focus when WordNet knows it ("mountain range"), else its head.
            let whole = focus_end
                .filter(|(a, e)| e - a >= 2 && !kind_of)
                .map(|(a, e)| {
                    (a..e)
                        .filter(|&i| q.t.is_word(i))
                        .map(|i| q.t.norm(i))
                        .collect::<Vec<_>>()
                        .join(" ")
                });
            let head = focus_end.map(|(_, e)| q.t.norm(e - 1));
            let focus_wanted = if kind_of { None } else { head.or(focus_wanted) };
            // "What was the name of the winning unit?": a name, whatever
            // WordNet files the noun under, is no amount.
            let wanted_of_noun = |noun: &str| match noun_wanted(noun, has_money) {
                Wanted::Number
                | Wanted::Money
                | Wanted::Percent
                | Wanted::Duration
                | Wanted::Age
                    if name_of =>
                {
                    Wanted::Thing
                }
                w => w,
            };
            let whole_wanted = whole.filter(|w| is_lemma(w)).map(|w| wanted_of_noun(&w));
            if before == "for" && matches!(noun, "purpose" | "reason")
                || last == "for"
                    && k == 0
                    && !is_focus
                    && !words
                        .iter()
                        .any(|&i| matches!(q.t.norm(i), "stand" | "stands" | "stood"))
            {
                Wanted::Purpose
            } else if matches!(
                n1,
                "caused" | "causes" | "cause" | "led" | "prompted" | "motivated" | "triggered"
            ) {
                Wanted::Reason
            } else if asks_a_price(q.t, &words) {
                Wanted::Money
            } else if let Some(w) = whole_wanted {
                w
            } else if let Some(noun) = focus_wanted {
                // "which military body", not "which body of water".
                let of_follows = focus_end
                    .and_then(|(_, e)| words.iter().position(|&i| i >= e))
                    .is_some_and(|k| norm(k) == "of");
                if ORGANISATION_NOUNS.contains(&noun) && !of_follows {
                    Wanted::Organisation
                } else {
                    wanted_of_noun(noun)
                }
            } else if matches!(n1, "is" | "was" | "are" | "were")
                && matches!(n2, "the" | "a" | "an")
            {
                // "What is the diameter of Europa?": the attribute's type,
                // when it is a measure, a time or a cause.
                let head = focus_phrase(q.t, &words, k + 3)
                    .map(|(_, e)| q.t.norm(e - 1))
                    .filter(|h| {
                        !matches!(
                            *h,
                            "majority"
                                | "minority"
                                | "part"
                                | "portion"
                                | "bulk"
                                | "rest"
                                | "half"
                                | "most"
                                | "share"
                                | "role"
                        )
                    });
                head.map(wanted_of_noun)
                    .filter(|w| {
                        matches!(
                            w,
                            Wanted::Number
                                | Wanted::Money
                                | Wanted::Percent
                                | Wanted::Date
                                | Wanted::Time
                                | Wanted::Age
                                | Wanted::Duration
                                | Wanted::Reason
                                | Wanted::Purpose
                                | Wanted::Manner
                        )
                    })
                    .unwrap_or(Wanted::Thing)
            } else {
                Wanted::Thing
            }
        }
    });
    if let Some(f) = focus_from {
        q.focus = focus_phrase(q.t, &words, f);
    }
    // The question's statement form.
    let after = q.focus.map_or(k + 1, |(_, b)| {
        words.iter().position(|&i| i >= b).unwrap_or(words.len())
    });
    let after = if matches!(w, "how")
        && (matches!(n1, "many" | "much" | "old" | "young" | "long" | "come")
            || measured_after_how(n1))
        && q.focus.is_none()
    {
        k + 2
    } else {
        after
    };
    let opening = (0..k).all(|j| {
        FILLERS.contains(&norm(j))
            || PREPOSITIONS.contains(&norm(j))
            || matches!(
                norm(j),
                "in" | "at" | "on" | "to" | "for" | "of" | "by" | "from"
            )
    });
    q.form = if !opening {
        Form::Middle
    } else {
        let v = norm(after);
        if AUX.contains(&v) {
            let s = norm(after + 1);
            let subject = !s.is_empty()
                && (DETERMINERS.contains(&s)
                    || PRONOUNS.contains(&s)
                    || words.get(after + 1).is_some_and(|&i| q.t.toks[i].cap)
                    || (!is_verb_only(s) && !s.ends_with("ed") && !s.ends_with("en")));
            let copula = matches!(
                v,
                "is" | "was" | "are" | "were" | "be" | "been" | "isnt" | "wasnt"
            );
            let rest_has_verb = words[(after + 2).min(words.len())..].iter().any(|&i| {
                let x = q.t.norm(i);
                (x.ends_with("ed") || is_verb_only(x)) && !is_stop(x)
            });
            if !subject {
                Form::Subject
            } else if copula && !rest_has_verb {
                Form::Copular
            } else {
                Form::Object
            }
        } else if v.is_empty() {
            Form::Copular
        } else {
            Form::Subject
        }
    };
    (
        q.wh,
        q.wanted,
        q.focus,
        q.form,
        negative,
        described_at.is_some(),
    )
}

/// A question word as chat writes it, in full: "wat" -> "what", "hw" -> "how".
pub(super) fn alias(w: &str) -> &str {
    match w {
        "wat" | "wut" | "wot" | "whut" | "wht" | "whatd" => "what",
        "hw" | "hwo" => "how",
        "mny" | "mani" | "meny" => "many",
        "wen" | "whn" => "when",
        "wher" | "whr" => "where",
        "hoo" | "whoms" => "who",
        "wich" | "whcih" | "wihch" => "which",
        "yrs" => "years",
        "yr" => "year",
        _ => w,
    }
}

/// Whether a "what" question ends on what a thing costs or is worth: "what
/// is the pearl dress valued at?", "what is the house worth?", "what did
/// it cost?".
fn asks_a_price(t: &Toks, words: &[usize]) -> bool {
    let mut last = words
        .iter()
        .rev()
        .filter(|&&i| t.is_word(i))
        .map(|&i| t.norm(i));
    let mut end = last.next();
    if end == Some("at") {
        end = last.next();
    }
    matches!(end, Some("worth" | "valued" | "priced" | "cost" | "costs"))
}

/// Verbs of a change in amount: "how much did profit *fall*?" asks for the
/// change, not the level reached ("fell 30% to $2.1 billion").
#[rustfmt::skip]
const CHANGES: &[&str] = &[
    "rise", "fall", "drop", "increase", "decrease", "grow", "climb", "decline", "jump", "gain",
    "lose", "slide", "slump", "surge", "shrink", "plunge", "soar", "tumble", "sink", "dip", "cut",
    "raise", "lower", "boost", "reduce", "slash", "shed", "add",
];

/// Whether a folded word is a form of a verb of [`CHANGES`].
pub(super) fn a_change(word: &str) -> bool {
    factdesk_lexdb::Lexdb::get()
        .base_forms(word)
        .any(|(pos, base)| pos == factdesk_lexdb::Pos::Verb && CHANGES.contains(&base))
}

/// Adjectives after "how" that ask for an amount: "how far", "how warm".
#[rustfmt::skip]
pub(super) const HOW_MEASURED: &[&str] = &[
    "far", "big", "large", "tall", "high", "deep", "wide", "heavy", "fast", "often", "small",
    "hot", "cold", "frequently", "low", "close", "common", "rare", "prevalent", "widespread",
    "warm", "cool", "wet", "dry", "thick", "steep", "short", "narrow", "populous", "loud",
    "bright",
];

/// Adjectives after "how" that ask for a sum of money: "how expensive".
pub(super) const HOW_PRICED: &[&str] = &["expensive", "costly", "cheap"];

/// Whether `word` after "how" asks for an amount or a sum: one of
/// [`HOW_MEASURED`] or [`HOW_PRICED`].
pub(crate) fn measured_after_how(word: &str) -> bool {
    HOW_MEASURED.contains(&word) || HOW_PRICED.contains(&word)
}

/// Whether a noun after "what"/"which" asks for a figure: "what number",
/// "what percentage", "what share".
pub(crate) fn names_a_figure(noun: &str) -> bool {
    TYPE_NOUNS
        .iter()
        .any(|&(n, w)| n == noun && matches!(w, Wanted::Number | Wanted::Percent))
}

/// The type a noun after "what"/"which" asks for.
fn noun_wanted(noun: &str, has_money: bool) -> Wanted {
    if EVENT_HEADS.contains(&noun) && !matches!(noun, "age" | "ages") {
        return Wanted::Date;
    }
    if let Some(&(_, w)) = TYPE_NOUNS.iter().find(|(n, _)| *n == noun) {
        return if w == Wanted::Number && has_money {
            Wanted::Money
        } else {
            w
        };
    }
    if matches!(
        noun,
        "people" | "person" | "man" | "woman" | "men" | "women"
    ) {
        return Wanted::Person;
    }
    // "What species do humans hunt with?": a kind of thing, whatever
    // WordNet files "species" under.
    if matches!(
        noun,
        "species"
            | "kind"
            | "kinds"
            | "type"
            | "types"
            | "sort"
            | "sorts"
            | "breed"
            | "variety"
            | "genre"
            | "category"
            | "style"
    ) {
        return Wanted::Thing;
    }
    match class_of(noun, true) {
        Some(Class::Person) => Wanted::Person,
        Some(Class::Organisation) => Wanted::Organisation,
        Some(Class::Place) => Wanted::Place,
        Some(Class::Time) => Wanted::Date,
        Some(Class::Amount) if has_money => Wanted::Money,
        Some(Class::Amount) => Wanted::Number,
        None => Wanted::Thing,
    }
}

/// The focus noun phrase from word `from`: up to three words (and the
/// capitalised words of a name before them), ending at a plural noun or
/// before a stopword, auxiliary or verb.
fn focus_phrase(t: &Toks, words: &[usize], from: usize) -> Option<(usize, usize)> {
    let mut end = None;
    // Names before the noun ("the HTC Vive launch game") add to the three
    // words, two at most.
    let names = (from..words.len())
        .take_while(|&k| t.toks[words[k]].cap)
        .count()
        .min(2);
    for k in from..(from + 3 + names).min(words.len()) {
        let i = words[k];
        let w = t.norm(i);
        if t.toks[i].kind == Kind::Punct
            || is_stop(w)
            || AUX.contains(&w)
            || (k > from && is_verb_only(w))
        {
            break;
        }
        // An inflected verb ends the phrase: "what new influences *led* to".
        let inflected_verb = is_inflected_verb(w);
        let next = words.get(k + 1).map_or("", |&j| t.norm(j));
        let object_follows =
            DETERMINERS.contains(&next) || PRONOUNS.contains(&next) || PREPOSITIONS.contains(&next);
        let adverb = ORDINALS.contains(&w)
            || matches!(
                w,
                "currently"
                    | "now"
                    | "often"
                    | "usually"
                    | "specifically"
                    | "still"
                    | "today"
                    | "actually"
                    | "mostly"
                    | "mainly"
                    | "typically"
                    | "generally"
            );
        if k > from
            && (w.ends_with("ed") && !is_noun(w)
                || inflected_verb && (!is_counted_noun(w) || object_follows)
                || is_verb(w) && next == "to"
                || is_verb(w)
                    && !is_counted_noun(w)
                    && (DETERMINERS.contains(&next)
                        || PRONOUNS.contains(&next)
                        || is_counted_noun(t.norm(words[k - 1])))
                || adverb)
        {
            break;
        }
        end = Some(i + 1);
        if k > from && is_counted_noun(w)
            || is_counted_noun(w) && k + 1 < words.len() && !is_noun(t.norm(words[k + 1]))
        {
            break;
        }
    }
    end.map(|e| (words[from], e))
}

/// The question's content words, folded: its words without stopwords and
/// question words ("How many shots were fired?" -> "shots", "fired").
pub(super) fn content_words(question: &str) -> Vec<String> {
    crate::text::words(question)
        .into_iter()
        .filter(|w| {
            !is_stop(w)
                && !WH.contains(&w.as_str())
                && !matches!(w.as_str(), "old" | "young" | "long" | "did" | "does")
        })
        .collect()
}
