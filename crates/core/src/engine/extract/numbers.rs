//! Amounts, dates, times and ages in a sentence's tokens.

use super::lexicon::*;
use super::tokens::{Kind, Toks};
use super::{Cand, Wanted};

/// Two-word phrases before an amount that belong to it ("up to 20").
const HEDGE_PAIRS: &[(&str, &str)] = &[
    ("up", "to"),
    ("more", "than"),
    ("less", "than"),
    ("fewer", "than"),
    ("at", "least"),
    ("at", "most"),
    ("close", "to"),
    ("upwards", "of"),
    ("as", "many"),
    ("as", "much"),
    ("an", "estimated"),
    ("just", "over"),
    ("just", "under"),
    ("well", "over"),
    ("nearly", "all"),
];
/// One word before an amount that belongs to it ("about 40").
#[rustfmt::skip]
const HEDGES: Words = Words::new(&[
    "about", "above", "additional", "almost", "another", "approximately", "around", "barely",
    "below", "circa", "estimated", "exactly", "just", "least", "nearly", "only", "over",
    "roughly", "some", "under",
]);
/// Words that place an amount of time before or after another time.
#[rustfmt::skip]
const DATE_PREPS: Words = Words::new(&[
    "ad", "after", "and", "around", "before", "between", "by", "c", "circa", "during", "early",
    "from", "in", "late", "mid", "of", "since", "through", "till", "to", "until",
]);
#[rustfmt::skip]
const ERA_AFTER: Words = Words::new(&[
    "a.d", "ad", "b.c", "b.c.e", "bc", "bce", "ce",
]);
#[rustfmt::skip]
const TIME_ZONES: Words = Words::new(&[
    "bst", "cest", "cet", "edt", "est", "et", "gmt", "jst", "kst", "local", "pdt", "pst", "pt",
    "utc",
]);

/// The scanner's view: tokens and which are already used by a span.
pub(super) struct Scan<'a, 's> {
    pub t: &'a Toks<'s>,
    pub used: Vec<bool>,
    pub out: Vec<Cand>,
}

impl Scan<'_, '_> {
    pub(super) fn n(&self, i: usize) -> &str {
        if i < self.t.len() {
            self.t.norm(i)
        } else {
            ""
        }
    }

    pub(super) fn num(&self, i: usize) -> bool {
        i < self.t.len() && self.t.toks[i].kind == Kind::Num
    }

    pub(super) fn cap(&self, i: usize) -> bool {
        i < self.t.len() && self.t.toks[i].cap
    }

    pub(super) fn push(&mut self, kind: Wanted, a: usize, b: usize, core: (usize, usize)) {
        if a >= b || (a..b).any(|i| self.used[i]) {
            return;
        }
        for u in &mut self.used[a..b] {
            *u = true;
        }
        self.out.push(Cand { kind, a, b, core });
    }

    pub(super) fn hedge_start(&self, i: usize) -> usize {
        let mut a = i;
        if a >= 2 && !self.used[a - 1] && !self.used[a - 2] {
            let pair = (self.n(a - 2), self.n(a - 1));
            if HEDGE_PAIRS.iter().any(|&(x, y)| (x, y) == pair) {
                a -= 2;
                if a >= 1 && matches!(self.n(a - 1), "just" | "well" | "some") {
                    a -= 1;
                }
                return a;
            }
        }
        if a >= 1
            && !self.used[a - 1]
            && HEDGES.contains(&self.n(a - 1))
            && !self.t.toks[a - 1].caps
        {
            a -= 1;
            if a >= 1 && matches!(self.n(a - 1), "just" | "well" | "an") && !self.used[a - 1] {
                a -= 1;
            }
        }
        a
    }

    /// Extends a counted amount to its noun: "20 warning shots", "thousands of people".
    pub(super) fn counted_end(&self, j: usize) -> (usize, Option<&'static str>) {
        let t = self.t;
        let mut k = j;
        let mut found = None;
        let mut first_noun = None;
        // Capitalised modifiers count only when a counted noun follows them,
        // first in the phrase ("20 Patriot missiles") or after other
        // modifiers ("6,000 white Akoya pearls").
        let word = |k: usize| k < t.len() && t.toks[k].kind == Kind::Word;
        let caps_then_noun = (j..(j + 4).min(t.len()))
            .take_while(|&k| word(k))
            .find(|&k| t.toks[k].cap)
            .and_then(|c| {
                (c..(c + 4).min(t.len()))
                    .take_while(|&k| word(k))
                    .find(|&k| !t.toks[k].cap)
            })
            .is_some_and(|k| {
                is_counted_noun(t.norm(k))
                    || word(k + 1) && !t.toks[k + 1].cap && is_counted_noun(t.norm(k + 1))
            });
        while k < t.len()
            && k < j + 5
            && t.toks[k].kind == Kind::Word
            && (!t.toks[k].cap || caps_then_noun)
        {
            let w = t.norm(k);
            if !t.toks[k].caps && (is_stop(w) || PREPOSITIONS.contains(&w) || AUX.contains(&w)) {
                break;
            }
            if let Some(u) = TIME_UNITS.0.iter().find(|u| **u == w) {
                return (k + 1, Some(u));
            }
            if is_counted_noun(w) {
                found = Some(k + 1);
                break;
            }
            if is_verb_only(w) {
                break;
            }
            if first_noun.is_none() && is_noun(w) {
                first_noun = Some(k + 1);
            }
            k += 1;
        }
        if let Some(e) = found {
            return (e, None);
        }
        if self.n(j) == "of" && j + 1 < t.len() {
            let k = j + 1 + usize::from(DETERMINERS.contains(&self.n(j + 1)));
            if k < t.len()
                && t.toks[k].kind == Kind::Word
                && (is_counted_noun(self.n(k)) || is_noun(self.n(k)))
            {
                return (k + 1, None);
            }
        }
        (first_noun.map_or(j, |_| j + 1), None)
    }

    pub(super) fn scan(&mut self) {
        let mut i = 0;
        while i < self.t.len() {
            let next = if self.used[i] { i + 1 } else { self.at(i) };
            i = next.max(i + 1);
        }
    }

    pub(super) fn number_at(&mut self, i: usize, w: &str) -> usize {
        let t = self.t;
        // "8 May 2015", "27th of November": the month reads the day.
        if self.day_of_month(i) && (self.month(i + 1) || self.n(i + 1) == "of" && self.month(i + 2))
        {
            return i + 1;
        }
        let digits: &str = w
            .split(|c: char| !c.is_ascii_digit() && c != '.')
            .next()
            .unwrap_or("");
        let rest = &w[digits.len()..];
        // Clock times: "8am", "8:30", "8 a.m.", "10 o'clock".
        let clock = w.contains(':') && !w.contains('/')
            || matches!(rest, "am" | "pm")
            || matches!(
                self.n(i + 1),
                "am" | "pm" | "a.m" | "p.m" | "oclock" | "hrs" | "gmt" | "utc"
            );
        if clock {
            let mut j = i + 1;
            if matches!(self.n(j), "am" | "pm" | "a.m" | "p.m" | "oclock") {
                j += 1;
            }
            if TIME_ZONES.contains(&self.n(j)) {
                j += 1;
                if self.n(j - 1) == "local" && self.n(j) == "time" {
                    j += 1;
                }
            }
            let a = self.hedge_start(i);
            self.push(Wanted::Time, a, j, (i, j));
            return j;
        }
        // Ordinals: "19th century", "27th November".
        if matches!(rest, "st" | "nd" | "rd" | "th") {
            if matches!(self.n(i + 1), "century" | "centuries" | "millennium") {
                return self.century(i);
            }
            if self.month(i + 1) || self.n(i + 1) == "of" && self.month(i + 2) {
                return i + 1; // the month reads the day before it
            }
            return i + 1;
        }
        // Decades: "1990s", "the '90s", "early 2020s".
        if rest == "s" && (digits.len() == 4 || digits.len() == 2) {
            let mut a = i;
            if a > 0 && (t.is_punct(a - 1, '\'') || t.is_punct(a - 1, '\u{2019}')) {
                a -= 1;
            }
            if a > 0 && matches!(self.n(a - 1), "early" | "late" | "mid" | "middle") {
                a -= 1;
            }
            if a > 0 && self.n(a - 1) == "the" {
                a -= 1;
            }
            self.push(Wanted::Date, a, i + 1, (i, i + 1));
            return i + 1;
        }
        // Hyphenated: "19-year-old", "10-year", "1939-45", "1,900-mile-wide".
        if rest.starts_with('-') {
            let parts: Vec<&str> = rest.trim_start_matches('-').split('-').collect();
            if parts.ends_with(&["old"]) && parts.len() >= 2 && matches!(parts[0], "year" | "years")
            {
                let a = self.hedge_start(i);
                self.push(Wanted::Age, a, i + 1, (i, i + 1));
                return i + 1;
            }
            if parts.len() == 1 && parts[0].chars().all(|c| c.is_ascii_digit()) {
                let kind = if digits.len() == 4
                    && digits
                        .parse::<u32>()
                        .is_ok_and(|y| (1000..=2100).contains(&y))
                {
                    Wanted::Date
                } else {
                    Wanted::Number
                };
                // "100–110 m": a range of amounts takes its unit.
                let e = if kind == Wanted::Number {
                    self.counted_end(i + 1).0
                } else {
                    i + 1
                };
                self.push(kind, i, e, (i, i + 1));
                return e;
            }
            let kind = if TIME_UNITS.contains(&parts[0]) {
                Wanted::Duration
            } else {
                Wanted::Number
            };
            let a = self.hedge_start(i);
            let j = if kind == Wanted::Duration {
                i + 1
            } else {
                self.counted_end(i + 1).0
            };
            self.push(kind, a, j, (i, i + 1));
            return j;
        }
        // Ages: "aged 19", "age of 19", "Tim Clark, 62,".
        let small = digits
            .parse::<f64>()
            .is_ok_and(|n| (1.0..=125.0).contains(&n))
            && !digits.contains('.');
        if small && rest.is_empty() {
            // "aged 25 to 54", "between the ages of 25 and 54": a range of ages.
            let e = if matches!(self.n(i + 1), "and" | "to") && self.num(i + 2) {
                i + 3
            } else {
                i + 1
            };
            if i >= 1 && matches!(self.n(i - 1), "aged" | "age" | "ages") {
                let a = self.hedge_start(i - 1);
                self.push(Wanted::Age, a, e, (i, e));
                return e;
            }
            if i >= 2 && self.n(i - 1) == "of" && matches!(self.n(i - 2), "age" | "ages") {
                self.push(Wanted::Age, i - 2, e, (i, e));
                return e;
            }
            if matches!(self.n(i + 1), "years" | "year") && self.n(i + 2) == "old" {
                let a = self.hedge_start(i);
                self.push(Wanted::Age, a, i + 3, (i, i + 1));
                return i + 3;
            }
            if i >= 2
                && t.is_punct(i - 1, ',')
                && t.toks[i - 2].cap
                && t.toks[i - 2].kind == Kind::Word
                && i + 1 < t.len()
                && (t.is_punct(i + 1, ',') || t.is_punct(i + 1, ')'))
            {
                self.push(Wanted::Age, i, i + 1, (i, i + 1));
                return i + 1;
            }
        }
        // Years: "1041", "in 711", "5000 BC", "between 6000 and 5000 BCE".
        let era = ERA_AFTER.contains(&self.n(i + 1));
        if era {
            let mut a = i;
            if i >= 2
                && matches!(self.n(i - 1), "and" | "to" | "or")
                && self.num(i - 2)
                && !self.used[i - 2]
            {
                a = i - 2;
            }
            self.push(Wanted::Date, a, i + 2, (a, i + 2));
            return i + 2;
        }
        if rest.is_empty() && !digits.contains('.') && !t.raw(i).contains(',') {
            let next = self.n(i + 1);
            let measured = MULTIPLIERS.contains(&next)
                || next == "%"
                || next == "percent"
                || (t
                    .toks
                    .get(i + 1)
                    .is_some_and(|x| x.kind == Kind::Word && !x.cap)
                    && is_counted_noun(next));
            let sign = i > 0 && CURRENCY_SIGNS.contains(&self.n(i - 1));
            let value = digits.parse::<u32>().unwrap_or(0);
            let yearish = (digits.len() == 4 && (1000..=2100).contains(&value))
                || (digits.len() == 3 || digits.len() == 4)
                    && i > 0
                    && DATE_PREPS.contains(&self.n(i - 1))
                    && !matches!(self.n(i - 1), "and" | "to" | "of");
            // "from 600 to 1,200 mm": the first end of a range of amounts.
            let range_of_amounts = matches!(next, "to" | "and" | "-" | "–")
                && self.num(i + 2)
                && (t.raw(i + 2).contains(',')
                    || self.n(i + 2).len() < 3
                    || self.n(i + 2).len() > 4);
            if yearish && !measured && !sign && !range_of_amounts {
                let j = if ERA_AFTER.contains(&next) {
                    i + 2
                } else {
                    i + 1
                };
                self.push(Wanted::Date, i, j, (i, j));
                return j;
            }
        }
        self.amount(i, true)
    }

    /// An amount at `i` (digits, or spelled when `digits` is false), with its
    /// hedge, multiplier, currency or unit and counted noun.
    pub(super) fn amount(&mut self, i: usize, digits: bool) -> usize {
        let t = self.t;
        let mut a = self.hedge_start(i);
        let mut core_a = i;
        let mut money = false;
        // "$9", "US$9", "£20".
        if i > 0 && CURRENCY_SIGNS.contains(&self.n(i - 1)) && !self.used[i - 1] {
            money = true;
            core_a = i - 1;
            if i > 1 && t.toks[i - 2].caps && t.end(i - 2) == t.start(i - 1) && !self.used[i - 2] {
                core_a = i - 2;
            }
            a = self.hedge_start(core_a);
        }
        let mut j = i + 1;
        if matches!(self.n(i), "a" | "an") {
            j = i + 2;
        }
        // "two and a half", "3.5 million", "tens of thousands".
        while j < t.len() && MULTIPLIERS.contains(&self.n(j)) && (money || self.n(j) != "m") {
            j += 1;
        }
        if self.n(j) == "of" && MULTIPLIERS.contains(&self.n(j + 1)) {
            j += 2;
        }
        // "80 °C", "176 °F".
        if self.n(j) == "°" {
            let e = j + 1 + usize::from(matches!(self.n(j + 1), "c" | "f" | "k"));
            self.push(Wanted::Number, a, e, (i, e));
            return e;
        }
        let next = self.n(j);
        if next == "%" || next == "percent" || next == "pc" {
            let e = j + 1;
            let e = if self.n(e) == "points" { e + 1 } else { e };
            self.push(Wanted::Percent, a, e, (i, e));
            return e;
        }
        if next == "per" && self.n(j + 1) == "cent" {
            self.push(Wanted::Percent, a, j + 2, (i, j + 2));
            return j + 2;
        }
        if next == "percentage" && self.n(j + 1) == "points" {
            self.push(Wanted::Percent, a, j + 2, (i, j + 2));
            return j + 2;
        }
        if CURRENCY_WORDS.contains(&next)
            && (next != "won" || digits)
            && (next != "pound" && next != "pounds" || !self.n(j + 1).is_empty())
        {
            self.push(Wanted::Money, a, j + 1, (core_a, j + 1));
            return j + 1;
        }
        if money {
            let (e, _) = self.counted_end(j);
            self.push(Wanted::Money, a, e, (core_a, j));
            return e;
        }
        let (e, unit) = self.counted_end(j);
        if unit.is_some() {
            let rel = self.n(e);
            if matches!(rel, "ago" | "earlier" | "later" | "afterwards") {
                self.push(Wanted::Date, a, e + 1, (i, e + 1));
                return e + 1;
            }
            if rel == "old" && matches!(self.n(e - 1), "years" | "year") {
                self.push(Wanted::Age, a, e + 1, (i, e));
                return e + 1;
            }
            // "every 90 minutes": how often.
            let a = if a >= 1 && !self.used[a - 1] && matches!(self.n(a - 1), "every" | "each") {
                a - 1
            } else {
                a
            };
            self.push(Wanted::Duration, a, e, (i, e));
            return e;
        }
        if !digits && e == j {
            // A bare spelled number ("two") is too often not an amount.
            return i + 1;
        }
        self.push(Wanted::Number, a, e, (core_a, j));
        e
    }
}

/// Finds the amounts, dates, times and ages of `t`.
pub(super) fn scan(t: &Toks) -> (Vec<Cand>, Vec<bool>) {
    let mut s = Scan {
        t,
        used: vec![false; t.len()],
        out: Vec::new(),
    };
    s.scan();
    let mut out = s.out;
    merge_ranges(t, &mut out, &mut s.used);
    (out, s.used)
}

/// Joins "15 to 40 times", "from 1977 to 1983", "750,000 to 580,000" into one span.
fn merge_ranges(t: &Toks, out: &mut Vec<Cand>, used: &mut [bool]) {
    out.sort_by_key(|c| c.a);
    let mut k = 0;
    while k + 1 < out.len() {
        let (x, y) = (out[k], out[k + 1]);
        let joiner = matches!(
            t.norm(x.b),
            "to" | "-" | "–" | "and" | "or" | "through" | "until"
        );
        let numbers = x.b == x.core.1
            && (x.kind == y.kind || x.kind == Wanted::Number)
            && (t.toks[x.core.1 - 1].kind == Kind::Num
                || MULTIPLIERS.contains(&t.norm(x.core.1 - 1)));
        // "600 BC - 100 BC", "from 1977 to 1983".
        let dates =
            x.kind == Wanted::Date && y.kind == Wanted::Date && t.toks[y.core.0].kind == Kind::Num;
        let joined = y.a == x.b + 1 && joiner && (numbers || dates);
        if joined {
            used[x.b] = true;
            out[k] = Cand {
                kind: y.kind,
                a: x.a,
                b: y.b,
                core: (x.core.0, y.core.1),
            };
            out.remove(k + 1);
        } else {
            k += 1;
        }
    }
}
