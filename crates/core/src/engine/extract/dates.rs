//! Dates and times in a sentence's tokens: "Nov. 27, 2017", "Thursday
//! morning", "last year", "the 19th century", "in the spring", "noon"; and
//! spelled amounts, which start like words.

use super::lexicon::*;
use super::numbers::Scan;
use super::tokens::Kind;
use super::Wanted;

#[rustfmt::skip]
const RELATIVE_OPENERS: Words = Words::new(&[
    "coming", "following", "last", "next", "past", "previous", "same", "this",
]);
#[rustfmt::skip]
const DAY_WORDS: Words = Words::new(&[
    "today", "tomorrow", "tonight", "yesterday",
]);

impl Scan<'_, '_> {
    /// A month name at `i` (capitalised, or any case when a number touches it).
    pub(super) fn month(&self, i: usize) -> bool {
        if i >= self.t.len() || !MONTHS.contains(&self.n(i)) {
            return false;
        }
        let w = self.n(i);
        let near_num = self.num(i + 1) || (i > 0 && self.num(i - 1));
        if w == "may" || w == "march" || w.len() == 3 {
            self.cap(i)
                && (near_num
                    || w.len() > 3 && w != "may"
                    || i > 0
                        && self.t.is(
                            i - 1,
                            &["in", "of", "early", "late", "mid", "since", "until", "by"],
                        ))
        } else {
            self.cap(i) || near_num
        }
    }

    /// A day of the month at `i` ("27", "27th").
    pub(super) fn day_of_month(&self, i: usize) -> bool {
        if !self.num(i) {
            return false;
        }
        let w = self.n(i);
        let digits = w.trim_end_matches(|c: char| c.is_ascii_alphabetic());
        let suffix = &w[digits.len()..];
        digits.len() <= 2
            && matches!(suffix, "" | "st" | "nd" | "rd" | "th")
            && digits.parse::<u32>().is_ok_and(|d| (1..=31).contains(&d))
    }

    pub(super) fn year(&self, i: usize) -> bool {
        self.num(i)
            && self.n(i).len() == 4
            && !self.t.raw(i).contains(',')
            && self
                .n(i)
                .parse::<u32>()
                .is_ok_and(|y| (1000..=2100).contains(&y))
    }

    /// End of a date starting with a month at `i`: "Nov. 27, 2017", "November 2017".
    pub(super) fn month_date_end(&self, i: usize) -> usize {
        let mut j = i + 1;
        if self.day_of_month(j) {
            j += 1;
            if self.t.is_punct(j.min(self.t.len().saturating_sub(1)), ',') && self.year(j + 1) {
                j += 2;
            } else if self.year(j) {
                j += 1;
            }
        } else if self.year(j) {
            j += 1;
        } else if self.n(j) == "of" && self.year(j + 1) {
            j += 2;
        }
        j
    }

    /// Tries a span starting at token `i`; returns where to continue.
    pub(super) fn at(&mut self, i: usize) -> usize {
        let t = self.t;
        let w = t.norm(i).to_string();
        let w = w.as_str();
        let kind = t.toks[i].kind;
        // Weekdays: "Thursday", "Thursday morning", "Thursday, Nov. 27".
        if kind == Kind::Word && WEEKDAYS.contains(&w) && t.toks[i].cap {
            let mut j = i + 1;
            if DAY_PARTS.contains(&self.n(j)) {
                j += 1;
            }
            if t.is_punct(j.min(t.len() - 1), ',') && self.month(j + 1) {
                j = self.month_date_end(j + 1);
            } else if self.month(j) {
                j = self.month_date_end(j);
            }
            let a = if i > 0
                && matches!(self.n(i - 1), "last" | "next" | "this" | "on")
                && self.n(i - 1) != "on"
            {
                i - 1
            } else {
                i
            };
            self.push(Wanted::Date, a, j, (i, j));
            return j;
        }
        // Months: "Nov. 27, 2017", "November", "early March".
        if kind == Kind::Word && self.month(i) {
            let j = self.month_date_end(i);
            let mut a = i;
            if i >= 2 && self.n(i - 1) == "of" && self.day_of_month(i - 2) {
                a = i - 2;
                if a >= 1 && self.n(a - 1) == "the" {
                    a -= 1;
                }
            } else if i >= 1
                && (self.day_of_month(i - 1)
                    || matches!(
                        self.n(i - 1),
                        "early" | "late" | "mid" | "last" | "next" | "this"
                    ))
            {
                a = i - 1;
            }
            self.push(Wanted::Date, a, j, (i, j));
            return j;
        }
        if kind == Kind::Word {
            return self.word_at(i, w);
        }
        if kind != Kind::Num {
            return i + 1;
        }
        self.number_at(i, w)
    }

    pub(super) fn word_at(&mut self, i: usize, w: &str) -> usize {
        let t = self.t;
        // "yesterday", "last year", "this morning", "the following day".
        if DAY_WORDS.contains(&w) {
            let j = i + 1 + usize::from(DAY_PARTS.contains(&self.n(i + 1)));
            self.push(Wanted::Date, i, j, (i, j));
            return j;
        }
        if RELATIVE_OPENERS.contains(&w) && i + 1 < t.len() {
            let u = self.n(i + 1);
            let unit = TIME_UNITS.contains(&u) && !u.ends_with('s')
                || DAY_PARTS.contains(&u)
                || SEASONS.contains(&u);
            let opener_ok =
                !matches!(w, "following" | "same" | "previous") || i > 0 && self.n(i - 1) == "the";
            if unit && opener_ok {
                let mut a = if matches!(w, "following" | "same" | "previous") {
                    i - 1
                } else {
                    i
                };
                if a > 0 && matches!(self.n(a - 1), "earlier" | "later" | "early" | "late") {
                    a -= 1;
                }
                let kind = if DAY_PARTS.contains(&u) && u != "weekend" {
                    Wanted::Time
                } else {
                    Wanted::Date
                };
                self.push(kind, a, i + 2, (i, i + 2));
                return i + 2;
            }
        }
        // Seasons: "in the spring", "summer 2019", "the summer of 2019".
        if SEASONS.contains(&w) {
            let j = if self.year(i + 1) {
                i + 2
            } else if self.n(i + 1) == "of" && self.year(i + 2) {
                i + 3
            } else {
                i + 1
            };
            let after_the = i >= 2
                && self.n(i - 1) == "the"
                && matches!(self.n(i - 2), "in" | "during" | "by" | "until" | "since");
            if j > i + 1 || after_the || i >= 1 && matches!(self.n(i - 1), "early" | "late" | "mid")
            {
                let a = if i >= 1 && matches!(self.n(i - 1), "the" | "early" | "late" | "mid") {
                    i - 1
                } else {
                    i
                };
                self.push(Wanted::Date, a, j, (i, j));
                return j;
            }
        }
        // "days later", "weeks earlier", "years ago".
        if TIME_UNITS.contains(&w)
            && w.ends_with('s')
            && matches!(self.n(i + 1), "later" | "earlier" | "ago" | "afterwards")
        {
            let a = if i > 0 && matches!(self.n(i - 1), "several" | "few" | "many" | "some") {
                i - 1
            } else {
                i
            };
            let a = if a > 0 && self.n(a - 1) == "a" && self.n(a) == "few" {
                a - 1
            } else {
                a
            };
            self.push(Wanted::Date, a, i + 2, (i, i + 2));
            return i + 2;
        }
        // "noon", "midnight", "dawn".
        if matches!(
            w,
            "noon" | "midnight" | "midday" | "dawn" | "dusk" | "daybreak"
        ) {
            self.push(Wanted::Time, i, i + 1, (i, i + 1));
            return i + 1;
        }
        // "mid-1990s", "early-2000s", "mid-2017".
        for p in ["mid-", "early-", "late-", "pre-", "post-"] {
            if let Some(rest) = w.strip_prefix(p) {
                if rest.starts_with(|c: char| c.is_ascii_digit()) {
                    let a = if i > 0 && self.n(i - 1) == "the" {
                        i - 1
                    } else {
                        i
                    };
                    self.push(Wanted::Date, a, i + 1, (i, i + 1));
                    return i + 1;
                }
            }
        }
        // "the nineteenth century".
        if ORDINALS.contains(&w) && matches!(self.n(i + 1), "century" | "centuries" | "millennium")
        {
            return self.century(i);
        }
        // "AD 711".
        if matches!(w, "ad" | "a.d") && self.num(i + 1) && t.toks[i].cap {
            self.push(Wanted::Date, i, i + 2, (i + 1, i + 2));
            return i + 2;
        }
        // Spelled amounts need a counted noun: "two bursts", "thousands of
        // people", "a dozen", "one thousand years" ("one" alone is too often
        // a pronoun).
        let spelled = SPELLED.contains(&w)
            || w.split('-').all(|p| SPELLED.contains(&p)) && w.contains('-')
            || (matches!(w, "a" | "an" | "one")
                && matches!(
                    self.n(i + 1),
                    "dozen" | "hundred" | "thousand" | "million" | "billion" | "half"
                ));
        // "one-third", "two-thirds": fractions are amounts on their own.
        let fraction = w.split_once('-').is_some_and(|(x, y)| {
            (SPELLED.contains(&x) || x == "one")
                && (ORDINALS.contains(&y)
                    || matches!(
                        y,
                        "half" | "quarter" | "quarters" | "thirds" | "fifths" | "tenths"
                    ))
        });
        if fraction {
            let a = self.hedge_start(i);
            let (e, _) = self.counted_end(i + 1);
            self.push(Wanted::Number, a, e, (i, i + 1));
            return e;
        }
        if spelled {
            return self.amount(i, false);
        }
        // "a month", "an hour later", "over a year".
        if matches!(w, "a" | "an") && TIME_UNITS.contains(&self.n(i + 1)) {
            let rel = RELATIVE.contains(&self.n(i + 2))
                && self.n(i + 2) != "before"
                && self.n(i + 2) != "after";
            let hedged = i > 0
                && matches!(
                    self.n(i - 1),
                    "over"
                        | "about"
                        | "nearly"
                        | "almost"
                        | "within"
                        | "for"
                        | "than"
                        | "under"
                        | "around"
                );
            if rel {
                let a = self.hedge_start(i);
                self.push(Wanted::Date, a, i + 3, (i, i + 2));
                return i + 3;
            }
            if hedged {
                let a = self.hedge_start(i);
                self.push(Wanted::Duration, a, i + 2, (i, i + 2));
                return i + 2;
            }
        }
        i + 1
    }

    pub(super) fn century(&mut self, i: usize) -> usize {
        let mut a = i;
        if a > 0 && matches!(self.n(a - 1), "early" | "late" | "mid" | "middle") {
            a -= 1;
        }
        if a > 0 && self.n(a - 1) == "the" {
            a -= 1;
        }
        let j = i + 2;
        let j = if matches!(self.n(j), "bc" | "bce" | "ad" | "ce") {
            j + 1
        } else {
            j
        };
        self.push(Wanted::Date, a, j, (i, j));
        j
    }
}
