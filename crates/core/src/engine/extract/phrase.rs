//! Phrases of a sentence: where they end, what they may open and close
//! with, noun phrases around a word, groups of question words.

use super::choose::Ctx;
use super::lexicon::*;
use super::tokens::Kind;
use super::Wanted;

/// Longest stretch answer, in words.
pub(super) const MAX_WORDS: usize = 12;

/// Abbreviations that carry nothing of an answer ("e.g.", "ca.").
#[rustfmt::skip]
pub(super) const ABBREV_JUNK: Words = Words::new(&[
    "al", "c", "ca", "cf", "e.g", "eg", "etc", "i.e", "ie", "viz",
]);

/// Question words asking for a name: "what is it *called*", "the *name*
/// of", "what *term*", "*known* as what".
#[rustfmt::skip]
pub(super) const NAME_ASKS: Words = Words::new(&[
    "call", "called", "dubbed", "known", "name", "named", "nickname", "nicknamed", "referred",
    "term", "termed",
]);

/// Subordinators that open a clause after a phrase ("when", "after"...).
#[rustfmt::skip]
pub(super) const SUBORDINATORS: Words = Words::new(&[
    "after", "although", "because", "before", "if", "once", "since", "though", "unless", "until",
    "when", "where", "whereas", "whether", "while",
]);

impl Ctx<'_, '_> {
    pub(super) fn punct_boundary(&self, i: usize) -> bool {
        let t = self.t;
        t.toks[i].kind == Kind::Punct && {
            let r = t.raw(i);
            !matches!(
                r,
                "$" | "£"
                    | "€"
                    | "%"
                    | "&"
                    | "'"
                    | "\u{2019}"
                    | "\u{2018}"
                    | "/"
                    | "\""
                    | "\u{201C}"
                    | "\u{201D}"
                    | "°"
            )
        }
    }

    /// Whether token `i` ends a phrase read forward from `s`.
    pub(super) fn boundary(&self, s: usize, i: usize) -> bool {
        if self.punct_boundary(i) {
            return true;
        }
        let w = self.n(i);
        if i == s {
            return false;
        }
        if CLAUSE_OPENERS.contains(&w) || SUBORDINATORS.contains(&w) && i > s + 1 {
            return true;
        }
        if w == "that" && i > s && !DETERMINERS.contains(&self.n(i + 1)) {
            return true;
        }
        if matches!(w, "and" | "or") {
            let next = self.n(i + 1);
            return AUX.contains(&next)
                || PRONOUNS.contains(&next) && !matches!(next, "his" | "her" | "its" | "their")
                || is_verb_only(next);
        }
        false
    }

    /// A word that carries something: not punctuation, stopword or pronoun.
    pub(super) fn content(&self, i: usize) -> bool {
        let w = self.n(i);
        self.t.is_word(i)
            && (!is_stop(w) || w.starts_with(|c: char| c.is_ascii_digit()))
            && !PRONOUNS.contains(&w)
            && !AUX.contains(&w)
            && !ABBREV_JUNK.contains(&w)
            && (!is_adverb_only(w) || self.t.toks[i].cap)
    }

    /// Whether the question ends with the preposition `w` ("crash into?").
    pub(super) fn question_ends_with(&self, w: &str) -> bool {
        self.qall.last().is_some_and(|x| x == w)
    }

    /// A leading token an answer does without.
    pub(super) fn junk_lead(&self, i: usize) -> bool {
        let w = self.n(i);
        if self.t.toks[i].kind == Kind::Punct {
            return !matches!(self.t.raw(i), "$" | "£" | "€");
        }
        AUX.contains(&w)
            || ABBREV_JUNK.contains(&w)
            || matches!(
                w,
                "that"
                    | "which"
                    | "who"
                    | "whom"
                    | "and"
                    | "or"
                    | "but"
                    | "so"
                    | "then"
                    | "also"
                    | "thus"
                    | "still"
                    | "both"
                    | "being"
                    | "it"
                    | "there"
                    | "they"
                    | "he"
                    | "she"
                    | "we"
                    | "i"
                    | "whose"
                    | "where"
                    | "when"
                    | "how"
                    | "what"
            )
            || PREPOSITIONS.contains(&w) && self.question_ends_with(w)
    }

    /// A trailing token an answer does without.
    pub(super) fn junk_tail(&self, i: usize) -> bool {
        let w = self.n(i);
        if self.t.toks[i].kind == Kind::Punct {
            return !matches!(self.t.raw(i), "%" | ")" | "\"" | "”");
        }
        (is_stop(w) && !w.starts_with(|c: char| c.is_ascii_digit()))
            || AUX.contains(&w)
            || PREPOSITIONS.contains(&w)
            || DETERMINERS.contains(&w)
            || ABBREV_JUNK.contains(&w)
    }

    /// Whether the comma at `i` continues a list: the item after it is
    /// short (up to three words before the next comma, "and" or "or") and
    /// holds no verb.
    pub(super) fn list_comma(&self, i: usize) -> bool {
        for (words, k) in (i + 1..self.t.len()).enumerate() {
            if self.t.is_punct(k, ',') || matches!(self.n(k), "and" | "or") {
                return words > 0;
            }
            if !self.t.is_word(k)
                || words >= 3
                || AUX.contains(&self.n(k))
                || is_verb_only(self.n(k))
            {
                return false;
            }
        }
        false
    }

    /// The phrase read forward from `a` inside `a..b`, trimmed; question
    /// words may stand inside it, not at its ends.
    pub(super) fn forward(&self, a: usize, b: usize, max: usize) -> Option<(usize, usize)> {
        let mut s = a;
        let mut bracket = false;
        while s < b && (self.junk_lead(s) || self.is_q(s) && !bracket) {
            bracket |= self.t.is_punct(s, '(');
            s += 1;
        }
        let mut e = s;
        let mut words = 0;
        let mut listing = false;
        while e < b {
            if e > s && self.t.is_punct(e, ',') && (listing || self.list_comma(e)) {
                listing = true;
                e += 1;
                continue;
            }
            if e > s && self.boundary(s, e) && !(listing && matches!(self.n(e), "and" | "or"))
                || self.punct_boundary(e) && e == s
            {
                break;
            }
            if self.t.is_word(e) {
                words += 1;
                if words > max {
                    // Cut at the last preposition past the third word, if any.
                    if let Some(p) = (s + 3..e)
                        .rev()
                        .find(|&k| PREPOSITIONS.contains(&self.n(k)) && !matches!(self.n(k), "of"))
                    {
                        e = p;
                    }
                    break;
                }
            }
            e += 1;
        }
        while e > s && (self.junk_tail(e - 1) || self.is_q(e - 1)) {
            e -= 1;
        }
        ((s..e).any(|i| self.content(i))).then_some((s, e))
    }

    /// The end of an answer's phrase `a..b` with the head noun it was cut
    /// from: the question's words trimmed off a phrase's end may be the noun
    /// its last words qualify ("the parton [model]", "than wrought [iron]",
    /// "the Anchorage Symphony [Orchestra]"), and the phrase without them
    /// says half a name. Up to two such words, closing the phrase (a
    /// stopword, a punctuation mark or the sentence's end next), after a
    /// word of the answer's own that can qualify a noun (no stopword, verb
    /// or adverb).
    pub(super) fn head_end(&self, a: usize, b: usize) -> usize {
        let n = self.t.len();
        if b <= a || b >= n || !self.t.is_word(b - 1) {
            return b;
        }
        let mut most = b;
        // Nouns and their qualifiers, no verb ("[raised rates]", "[became dominant]").
        while most < n
            && most < b + 2
            && self.is_q(most)
            && self.t.is_word(most)
            && !is_verb_only(self.n(most))
            && !is_inflected_verb(self.n(most))
        {
            most += 1;
        }
        let before = self.n(b - 1);
        let qualifies = self.content(b - 1)
            && !self.is_q(b - 1)
            && !is_verb_only(before)
            && !is_adverb_only(before)
            && !PREPOSITIONS.contains(&before);
        if !qualifies {
            return b;
        }
        // A noun ends the phrase (not "arm or leg [free]"), or a name goes on
        // ("the Anchorage Symphony [Orchestra]").
        let head = |end: usize| {
            let w = self.n(end - 1);
            let name = self.t.toks[b - 1].cap && self.t.toks[end - 1].cap;
            name || mostly_a_noun(w)
        };
        let closes = |end: usize| end == n || self.junk_tail(end);
        (b + 1..=most)
            .rev()
            .find(|&end| head(end) && closes(end))
            .unwrap_or(b)
    }

    /// The end of an answer's phrase `a..b` that does not cut a name in
    /// two: the capitalised words that follow a capitalised last word
    /// (past the sentence's first) are the name's ("Hurricane [Sandy]", "an
    /// original Xbox [One]"); a weekday or a month is no part of it ("The
    /// London", not "The London Thursday"; "on Monday", not "on Monday
    /// Trump").
    pub(super) fn whole_name_end(&self, a: usize, b: usize) -> usize {
        let t = self.t;
        let dated = |i: usize| {
            self.cands
                .iter()
                .any(|c| matches!(c.kind, Wanted::Date | Wanted::Time) && c.a <= i && i < c.b)
        };
        let mut b = b.min(t.len());
        while b > a.max(1)
            && b < t.len()
            && t.is_word(b)
            && t.toks[b].cap
            && t.toks[b - 1].cap
            && !dated(b - 1)
            && !dated(b)
        {
            b += 1;
        }
        b
    }

    /// The end of a one-word answer `a..b` with the "of" phrase that says
    /// what it is of: "a hail [of bullets]", "the build-up [of nuclear
    /// weapons]". Up to three words after "of", no stopword, ending on a
    /// noun where the phrase closes (as in [`Ctx::head_end`]).
    pub(super) fn of_phrase_end(&self, a: usize, b: usize) -> usize {
        let t = self.t;
        let n = t.len();
        let one_noun = (a..b).filter(|&i| self.content(i)).count() == 1
            && b > a
            && t.is_word(b - 1)
            && !t.toks[b - 1].cap
            && mostly_a_noun(self.n(b - 1));
        if !one_noun || b + 1 >= n || self.n(b) != "of" {
            return b;
        }
        let mut e = b + 1;
        if DETERMINERS.contains(&self.n(e)) {
            e += 1;
        }
        let from = e;
        while e < n
            && e - from < 3
            && t.is_word(e)
            && !is_stop(self.n(e))
            && !is_inflected_verb(self.n(e))
        {
            e += 1;
        }
        let closes = e == n || self.junk_tail(e);
        if e > from && closes && mostly_a_noun(self.n(e - 1)) {
            e
        } else {
            b
        }
    }

    /// The phrase read backward from `b` inside `a..b`, trimmed.
    pub(super) fn backward(&self, a: usize, b: usize, max: usize) -> Option<(usize, usize)> {
        let mut e = b;
        while e > a && (self.junk_tail(e - 1) || matches!(self.n(e - 1), "that" | "which" | "who"))
        {
            e -= 1;
        }
        let mut s = e;
        let mut words = 0;
        while s > a {
            let k = s - 1;
            if self.punct_boundary(k)
                || (k + 1 < e && self.boundary(k, k) && !matches!(self.n(k), "and" | "or"))
                || matches!(self.n(k), "that" | "said" | "says")
            {
                break;
            }
            if self.t.is_word(k) {
                words += 1;
                if words > max {
                    break;
                }
            }
            s -= 1;
        }
        while s < e
            && (self.junk_lead(s) || self.is_q(s) || is_verb_only(self.n(s)) && !self.t.toks[s].cap)
        {
            s += 1;
        }
        ((s..e).any(|i| self.content(i))).then_some((s, e))
    }

    /// Groups of question words close together ("[LEDs] are [used]"): token
    /// ranges from the first to the last question word of each.
    pub(super) fn clusters(&self) -> Vec<(usize, usize)> {
        let n = self.t.len();
        let mut out: Vec<(usize, usize)> = Vec::new();
        let mut i = 0;
        while i < n {
            if !self.is_q(i) {
                i += 1;
                continue;
            }
            let a = i;
            let mut b = i + 1;
            let mut k = b;
            while k < n && k <= b + 3 {
                if self.is_q(k) {
                    b = k + 1;
                    k = b;
                    continue;
                }
                let w = self.n(k);
                let glue = self.t.is_word(k)
                    && (is_stop(w) || AUX.contains(&w) || DETERMINERS.contains(&w));
                if !glue {
                    break;
                }
                k += 1;
            }
            out.push((a, b));
            i = b;
        }
        out
    }

    /// Whether token `i` reads as a verb rather than a noun ("graduate",
    /// "classified", "exhibit"): a verb form and, when also a noun, inflected.
    pub(super) fn verbish(&self, i: usize) -> bool {
        let w = self.n(i);
        if !self.t.is_word(i) || self.t.toks[i].cap || is_stop(w) {
            return false;
        }
        is_verb_only(w)
            || is_verb(w)
                && (w.ends_with("ed") || w.ends_with("es") && !is_counted_noun(w))
                && !DETERMINERS.contains(&self.n(i.wrapping_sub(1)))
    }

    /// The noun phrase ending with the focus word at `k`, its modifiers and
    /// determiner before it: "a K-3 machine [gun]".
    pub(super) fn focus_phrase_at(&self, k: usize) -> (usize, usize) {
        let mut s = k;
        while s > 0 && k - s < 4 && self.nounish(s - 1) && !self.fm[s - 1] {
            s -= 1;
        }
        while s > 0 && self.fm[s - 1] {
            s -= 1;
        }
        if s > 0 && DETERMINERS.contains(&self.n(s - 1)) {
            s -= 1;
        }
        (s, k + 1)
    }

    /// "What did the spokesman say?": the longest quotation of the sentence
    /// (four words or more), for a question asking what someone said.
    pub(super) fn quoted(&self) -> Option<(usize, usize)> {
        let q = self.q;
        let wh = q.wh?;
        let asks_what = q.t.norm(wh) == "what";
        let says = (wh + 1..q.t.len()).any(|i| {
            matches!(q.t.norm(i), "say" | "tell" | "write") || SAY_VERBS.contains(&q.t.norm(i))
        });
        if !asks_what || !says {
            return None;
        }
        let marks: Vec<usize> = (0..self.t.len())
            .filter(|&i| self.t.is_quote_mark(i))
            .collect();
        marks
            .chunks_exact(2)
            .map(|p| (p[0] + 1, p[1]))
            .filter(|&(a, b)| self.t.words_in(a, b) >= 4)
            .max_by_key(|&(a, b)| self.t.words_in(a, b))
    }

    /// "What were the forts called?": the name a naming verb of the
    /// sentence gives ("fortified hill settlements known as *castros*",
    /// "these are referred to as *feuds*", "the river *called* the
    /// Shannon"), for a question asking what something is called, named or
    /// known as, or for its name or term. The name runs to the end of its
    /// noun phrase (a capitalised name through its small words: "the Cross
    /// of Lothair"), or is the quotation that opens right after the verb;
    /// it is never made of the question's own words.
    pub(super) fn named_as(&self) -> Option<(usize, usize)> {
        let q = self.q;
        let asks = (0..q.t.len()).any(|i| NAME_ASKS.contains(&q.t.norm(i)));
        if !asks {
            return None;
        }
        let n = self.t.len();
        (0..n).find_map(|c| {
            let from = self.after_naming_verb(c)?;
            let end = if from < n && self.t.is_quote_mark(from) {
                (from + 1..n).find(|&i| self.t.is_quote_mark(i))? + 1
            } else {
                self.name_end(from)
            };
            let named = self.says_own(from, end);
            (end > from && named && self.t.words_in(from, end) <= MAX_WORDS).then_some((from, end))
        })
    }

    /// Where the name a naming verb at `c` gives begins: after "called",
    /// "named", "dubbed", "termed", "nicknamed", "known as", "referred to
    /// as"; `None` when `c` opens no name.
    fn after_naming_verb(&self, c: usize) -> Option<usize> {
        let next = |k: usize| (k < self.t.len()).then(|| self.n(k));
        let from = match self.n(c) {
            "called" | "named" | "dubbed" | "termed" | "nicknamed" | "renamed" => c + 1,
            "known" if next(c + 1) == Some("as") => c + 2,
            "referred" if next(c + 1) == Some("to") && next(c + 2) == Some("as") => c + 3,
            _ => return None,
        };
        // "named after", "called for", "called on": no name follows.
        let opens = next(from)?;
        let name = self.t.is_quote_mark(from)
            || DETERMINERS.contains(&opens)
            || self.t.is_word(from) && !PREPOSITIONS.contains(&opens) && !is_stop(opens);
        name.then_some(from)
    }

    /// The end of the name that opens at `from`: a noun phrase, or a
    /// capitalised name with its small words ("Kingdom of Mrauk U").
    fn name_end(&self, from: usize) -> usize {
        let n = self.t.len();
        let mut e = from;
        if e < n && DETERMINERS.contains(&self.n(e)) {
            e += 1;
        }
        let capitalised = e < n && self.t.toks[e].cap;
        while e < n && self.t.is_word(e) && self.t.words_in(from, e) < MAX_WORDS {
            let small = matches!(self.n(e), "of" | "de" | "the" | "and" | "da" | "del" | "la");
            let inside = capitalised && small && e + 1 < n && self.t.toks[e + 1].cap;
            if !(self.nounish(e) && (!capitalised || self.t.toks[e].cap)) && !inside {
                break;
            }
            e += 1;
        }
        e
    }

    /// "What kind of boat?": the focus as the sentence writes it, with the
    /// words before it that make it a kind ("an old, engineless boat", "a
    /// K-3 machine gun"), or `None` when the sentence writes it bare.
    pub(super) fn kind(&self) -> Option<(usize, usize)> {
        if !self.q.kind_of() {
            return None;
        }
        self.focus_with_modifiers(|_, _| true)
    }

    /// "Which machine gun?": the focus as the sentence writes it, when the
    /// words before it name the one meant, with a capital or a code ("a
    /// K-3 machine gun", "the PlayStation 4 Pro console"); `None` when they
    /// only describe it ("an old boat", "a 38-year-old record").
    pub(super) fn marked_focus(&self) -> Option<(usize, usize)> {
        // A capital, or a code of a letter and digits ("K-3"); a bare
        // number or a measure ("2001", "38-year-old") describes.
        let marked = |i: usize| {
            let w = self.n(i);
            (i > 0 && self.t.toks[i].cap)
                || (w.starts_with(|c: char| c.is_alphabetic())
                    && w.chars().any(|c| c.is_ascii_digit()))
        };
        // Its own words only: those after the last comma of a list before it.
        let own = |s: usize, e: usize| {
            (s..e)
                .rev()
                .find(|&i| self.t.is_punct(i, ','))
                .map_or(s, |c| c + 1)
        };
        self.focus_with_modifiers(|s, f| (own(s, f)..f).any(|i| !self.is_q(i) && marked(i)))
            .map(|(s, e)| (own(s, e), e))
    }

    /// The focus as the sentence writes it with up to four words before it
    /// that modify it, when `keep(start, focus_start)` accepts them.
    fn focus_with_modifiers(&self, keep: impl Fn(usize, usize) -> bool) -> Option<(usize, usize)> {
        let n = self.t.len();
        let modifier = |i: usize| self.nounish(i) && !self.is_q(i);
        for k in 0..n {
            // The focus's last word as the sentence writes it.
            if !self.fm[k] || k + 1 < n && self.fm[k + 1] {
                continue;
            }
            let mut f = k;
            while f > 0 && self.fm[f - 1] {
                f -= 1;
            }
            let mut s = f;
            while f - s < 4 {
                if s > 0 && modifier(s - 1) {
                    s -= 1;
                } else if s > 1 && s < f && self.t.is_punct(s - 1, ',') && modifier(s - 2) {
                    s -= 2;
                } else if s > 0 && s < f && self.t.is_word(s - 1) && self.n(s - 1).ends_with("ly") {
                    // "the heavily militarised border"
                    s -= 1;
                } else {
                    break;
                }
            }
            if s == f || !keep(s, f) {
                continue;
            }
            if s > 0 && DETERMINERS.contains(&self.n(s - 1)) {
                s -= 1;
            }
            return Some((s, k + 1));
        }
        None
    }

    /// Whether token `i` can stand in a noun phrase before its head: a
    /// noun, adjective, name or number, not a stopword or a bare verb.
    pub(super) fn nounish(&self, i: usize) -> bool {
        let w = self.n(i);
        match self.t.toks[i].kind {
            Kind::Num => true,
            Kind::Punct => false,
            Kind::Word => {
                !is_stop(w)
                    && !AUX.contains(&w)
                    && !PREPOSITIONS.contains(&w)
                    && !DETERMINERS.contains(&w)
                    && !is_verb_only(w)
                    && (self.t.toks[i].cap || is_noun(w) || is_adjective(w) || !is_known(w))
            }
        }
    }

    /// The noun phrase around the noun at `k`: modifiers before it, nouns
    /// after it, and one listed phrase joined by "and"/"or".
    pub(super) fn noun_phrase(&self, k: usize) -> (usize, usize) {
        let n = self.t.len();
        let mut s = k;
        while s > 0 && k - s < 3 && !self.is_q(s - 1) && self.nounish(s - 1) {
            s -= 1;
        }
        let mut e = k + 1;
        while e < n && e - k <= 2 && !self.is_q(e) && self.nounish(e) && is_noun(self.n(e)) {
            e += 1;
        }
        // "blackbirds and crimson rosellas"
        if e + 1 < n
            && matches!(self.n(e), "and" | "or")
            && self.nounish(e + 1)
            && !self.is_q(e + 1)
        {
            let mut f = e + 1;
            while f < n && f - e <= 3 && !self.is_q(f) && self.nounish(f) {
                f += 1;
            }
            e = f;
        }
        // "and" before: "music and [dance]"
        if s >= 2
            && matches!(self.n(s - 1), "and" | "or")
            && self.nounish(s - 2)
            && !self.is_q(s - 2)
        {
            s -= 2;
            while s > 0
                && !self.is_q(s - 1)
                && self.nounish(s - 1)
                && self.t.words_in(s - 1, k) <= 4
            {
                s -= 1;
            }
        }
        (s, e)
    }

    /// A phrase with the focus word touching it: "the 1967 [Referendum]",
    /// "Red or yellow [LEDs]".
    pub fn with_focus(&self, s: usize, e: usize) -> (usize, usize) {
        let n = self.t.len();
        let mut e = e;
        while e < n && self.fm[e] && self.t.words_in(s, e + 1) <= MAX_WORDS + 2 {
            e += 1;
        }
        let mut s = s;
        while s > 0 && self.fm[s - 1] && self.t.words_in(s - 1, e) <= MAX_WORDS + 2 {
            s -= 1;
        }
        (s, e)
    }
}
