//! Untyped answers: the stretch beside the question's words ("a ditch"),
//! causes and purposes ("because of heavy fog"), manners, prepositional
//! phrases of time and place, and yes/no clauses.

use super::choose::{Ctx, Pick};
use super::lexicon::*;
use super::question::{Form, Side};
use super::tokens::Kind;
use super::Wanted;

/// Longest stretch answer, in words.
const MAX_WORDS: usize = 12;

/// Abbreviations that carry nothing of an answer ("e.g.", "ca.").
const ABBREV_JUNK: Words = Words::new(&[
    "al", "c", "ca", "cf", "e.g", "eg", "etc", "i.e", "ie", "viz",
]);

/// Subordinators that open a clause after a phrase ("when", "after"...).
const SUBORDINATORS: Words = Words::new(&[
    "after", "although", "because", "before", "if", "once", "since", "though", "unless", "until",
    "when", "where", "whereas", "whether", "while",
]);

/// Causes and purposes, longest first: words, and whether it gives a purpose.
const CAUSES: &[(&[&str], bool)] = &[
    (&["as", "a", "result", "of"], false),
    (&["in", "order", "to"], true),
    (&["so", "as", "to"], true),
    (&["in", "response", "to"], false),
    (&["for", "fear", "of"], false),
    (&["in", "an", "effort", "to"], true),
    (&["in", "an", "attempt", "to"], true),
    (&["because", "of"], false),
    (&["due", "to"], false),
    (&["owing", "to"], false),
    (&["thanks", "to"], false),
    (&["so", "that"], true),
    (&["in", "protest"], false),
    (&["because"], false),
    (&["since"], false),
    (&["to"], true),
    (&["for"], true),
];

impl Ctx<'_, '_> {
    fn punct_boundary(&self, i: usize) -> bool {
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
    fn boundary(&self, s: usize, i: usize) -> bool {
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
    fn content(&self, i: usize) -> bool {
        let w = self.n(i);
        self.t.is_word(i)
            && (!is_stop(w) || w.starts_with(|c: char| c.is_ascii_digit()))
            && !PRONOUNS.contains(&w)
            && !AUX.contains(&w)
            && !ABBREV_JUNK.contains(&w)
            && (!is_adverb_only(w) || self.t.toks[i].cap)
    }

    /// Whether the question ends with the preposition `w` ("crash into?").
    fn question_ends_with(&self, w: &str) -> bool {
        self.qall.last().is_some_and(|x| x == w)
    }

    /// A leading token an answer does without.
    fn junk_lead(&self, i: usize) -> bool {
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
    fn junk_tail(&self, i: usize) -> bool {
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
    fn list_comma(&self, i: usize) -> bool {
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
    fn forward(&self, a: usize, b: usize, max: usize) -> Option<(usize, usize)> {
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

    /// The phrase read backward from `b` inside `a..b`, trimmed.
    fn backward(&self, a: usize, b: usize, max: usize) -> Option<(usize, usize)> {
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
    fn clusters(&self) -> Vec<(usize, usize)> {
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
    fn verbish(&self, i: usize) -> bool {
        let w = self.n(i);
        if !self.t.is_word(i) || self.t.toks[i].cap || is_stop(w) {
            return false;
        }
        is_verb_only(w)
            || is_verb(w)
                && (w.ends_with("ed") || w.ends_with("es") && !is_counted_noun(w))
                && !DETERMINERS.contains(&self.n(i.wrapping_sub(1)))
    }

    /// The phrase beside the question's words that the question does not
    /// say, on the side the question points to.
    pub fn stretch(&self) -> Option<Pick> {
        let n = self.t.len();
        let clusters = self.clusters();
        let focus_head = self.q.focus_head().map(str::to_string);
        let does = self.qall.iter().any(|w| {
            matches!(
                w.as_str(),
                "do" | "did" | "does" | "doing" | "happen" | "happened"
            )
        });
        let mut best: Option<(f32, (usize, usize))> = None;
        for &(ca, cb) in &clusters {
            let distinct = {
                let mut seen: Vec<&str> = Vec::new();
                for k in ca..cb {
                    if self.is_q(k) && !seen.contains(&self.n(k)) {
                        seen.push(self.n(k));
                    }
                }
                seen.len()
            };
            let before = (ca..cb)
                .filter(|&k| matches!(self.qm[k], Some(Side::Before)))
                .count();
            let after = (ca..cb)
                .filter(|&k| matches!(self.qm[k], Some(Side::After)))
                .count();
            let either = (ca..cb)
                .filter(|&k| matches!(self.qm[k], Some(Side::Either)))
                .count();
            for forward in [true, false] {
                let span = if forward {
                    (cb < n).then(|| self.forward(cb, n, MAX_WORDS)).flatten()
                } else {
                    (ca > 0).then(|| self.backward(0, ca, MAX_WORDS)).flatten()
                };
                let Some((s, e)) = span else { continue };
                let total = before + after + either;
                let side_ok = if forward {
                    before + either
                } else {
                    after + either
                } as f32
                    / total.max(1) as f32;
                let content = (s..e).filter(|&k| self.content(k) && !self.is_q(k)).count();
                if content == 0 {
                    continue;
                }
                let mut score =
                    side_ok + content.min(4) as f32 * 0.75 + distinct.min(5) as f32 * 0.8;
                // Pulled-in junk between the cluster and the phrase.
                let gap = if forward {
                    self.t.words_in(cb, s)
                } else {
                    self.t.words_in(e, ca)
                };
                score -= gap as f32 * 0.45;
                // "X is Y" when the question asks "what is X": the copula
                // links the question's words to the phrase.
                if self.q.form == Form::Copular {
                    let between = if forward { cb..s } else { e..ca };
                    if between
                        .clone()
                        .any(|k| matches!(self.n(k), "is" | "are" | "was" | "were"))
                        && between.clone().all(|k| !self.content(k))
                    {
                        score += 1.5;
                    }
                }
                // Question words on the wrong side of the phrase.
                let wrong = (e..n)
                    .filter(|&k| self.qm[k] == Some(Side::Before) && !(ca..cb).contains(&k))
                    .count()
                    + (0..s)
                        .filter(|&k| self.qm[k] == Some(Side::After) && !(ca..cb).contains(&k))
                        .count();
                score -= wrong.min(4) as f32 * 0.5;
                // "What" asks for a thing: a phrase opening with a verb rarely is one.
                if !does && self.wanted != Wanted::Manner && self.verbish(s) {
                    score -= 2.0;
                }
                // Beside the focus: "Red or yellow [LEDs]", "[mammal], the bumblebee bat".
                if (s > 0 && self.fm[s - 1]) || (e < n && self.fm[e]) || (s > 1 && self.fm[s - 2]) {
                    score += 6.0;
                }
                // Examples after the question's thing: "diseases such as cholera".
                if forward
                    && (matches!(self.n(s), "such") && self.n(s + 1) == "as"
                        || matches!(self.n(s), "including" | "namely"))
                {
                    score += 1.5;
                }
                // A passive agent answers a subject question: "invented by Whitney".
                if forward && self.n(s.saturating_sub(1)) == "by" && after > before {
                    score += 3.0;
                }
                if let Some(h) = &focus_head {
                    if (s..e).any(|k| {
                        self.t.toks[k].kind == Kind::Word
                            && !self.is_q(k)
                            && is_kind_of(self.n(k), h)
                    }) {
                        score += 1.5;
                    }
                }
                let soft = self.wanted;
                if soft != Wanted::Thing
                    && self.cands.iter().any(|c| {
                        c.a >= s
                            && c.b <= e
                            && (c.kind == soft
                                || c.kind == Wanted::Thing
                                    && matches!(
                                        soft,
                                        Wanted::Person | Wanted::Organisation | Wanted::Place
                                    ))
                    })
                {
                    score += 2.5;
                }
                if cfg!(test) && std::env::var("EXTRACT_DEBUG").is_ok() {
                    eprintln!(
                        "  stretch {forward} {:?} {score}",
                        &self.t.text[self.t.toks[s].start..self.t.toks[e - 1].end]
                    );
                }
                if best.is_none_or(|(sc, _)| score > sc) {
                    best = Some((score, (s, e)));
                }
            }
        }
        // Phrases whose head is a kind of the focus: "what birds" ->
        // "common blackbirds and crimson rosellas", wherever they stand.
        if let Some(h) = &focus_head {
            for k in 0..n {
                let w = self.n(k);
                if self.is_q(k)
                    || self.t.toks[k].kind != Kind::Word
                    || is_stop(w)
                    || !is_kind_of(w, h)
                {
                    continue;
                }
                let (s, e) = self.noun_phrase(k);
                let d = self.distance(s, e).unwrap_or(16).min(16);
                let wrong = (e..n).filter(|&j| self.qm[j] == Some(Side::Before)).count()
                    + (0..s).filter(|&j| self.qm[j] == Some(Side::After)).count();
                let mut score = 6.5 - d.min(12) as f32 * 0.15 - wrong.min(4) as f32 * 0.5;
                // Touching a question word: "[Union] blockade".
                if (s > 0 && self.is_q(s - 1)) || (e < n && self.is_q(e)) {
                    score += 1.5;
                }
                if (s > 0 && self.fm[s - 1]) || (e < n && self.fm[e]) {
                    score += 1.5;
                }
                if cfg!(test) && std::env::var("EXTRACT_DEBUG").is_ok() {
                    eprintln!(
                        "  kind {:?} {score}",
                        &self.t.text[self.t.toks[s].start..self.t.toks[e - 1].end]
                    );
                }
                if best.is_none_or(|(sc, _)| score > sc) {
                    best = Some((score, (s, e)));
                }
            }
        }
        // "blended with what?", "changing with advances in what?": the
        // phrase that preposition opens in the sentence.
        if let Some(p) = self.q.wh_preposition() {
            for k in 0..n {
                if self.n(k) != p || self.is_q(k + 1) {
                    continue;
                }
                let Some((s, e)) = self.forward(k + 1, n, 8) else {
                    continue;
                };
                // Question words may stand inside it, not open it.
                let q_in = (s..e).filter(|&j| self.is_q(j)).count();
                if s != k + 1 || self.is_q(s) || q_in * 2 > self.t.words_in(s, e) {
                    continue;
                }
                let d = self.distance(k, e).unwrap_or(10).min(10);
                let mut score = 7.5 - d as f32 * 0.4;
                // Right after a question word: "advances [in] technology".
                if k > 0 && self.is_q(k - 1) {
                    score += 2.0;
                }
                if best.is_none_or(|(sc, _)| score > sc) {
                    best = Some((score, (k, e)));
                }
            }
        }
        let (_, (s, e)) = best?;
        let (s, e) = self.with_focus(s, e);
        // A phrase holding a noun of the focus's kind narrows to that noun's
        // phrase: "left the court ... with an eye abrasion" -> "an eye abrasion".
        // So does a phrase holding the focus word itself with words of its
        // own: "about 20 rounds from a K-3 machine [gun]" -> "a K-3 machine gun".
        let headed = (s..e).rev().find(|&k| self.fm[k]).and_then(|k| {
            let (a, b) = self.focus_phrase_at(k);
            ((a..b).any(|j| !self.is_q(j) && self.content(j)) && self.t.words_in(s, e) > 7)
                .then_some((a.max(s), b.min(e)))
        });
        let (s, e) = match &focus_head {
            _ if headed.is_some() => headed.unwrap_or((s, e)),
            Some(h) if self.t.words_in(s, e) > 4 => (s..e)
                .find(|&k| {
                    self.t.toks[k].kind == Kind::Word
                        && !self.is_q(k)
                        && !is_stop(self.n(k))
                        && is_kind_of(self.n(k), h)
                })
                .map_or((s, e), |k| {
                    let (a, b) = self.noun_phrase(k);
                    let a = if a > s && DETERMINERS.contains(&self.n(a - 1)) {
                        a - 1
                    } else {
                        a
                    };
                    (a.max(s), b.min(e))
                }),
            _ => (s, e),
        };
        // A question word that begins the same noun phrase: "[cotton] wool".
        let mut s = s;
        let mut took = 0;
        let total = self.t.words_in(0, n);
        while took < 2
            && s > 0
            && self.is_q(s - 1)
            && self.t.toks[s - 1].kind == Kind::Word
            && !self.fm[s - 1]
            && self.nounish(s - 1)
            && self.nounish(s)
            && (self.t.toks[s].cap || !is_inflected_verb(self.n(s)) || is_counted_noun(self.n(s)))
            && self.t.words_in(s - 1, e) + 1 < total
        {
            s -= 1;
            took += 1;
        }
        Some(Pick::one(s, e))
    }

    /// The noun phrase ending with the focus word at `k`, its modifiers and
    /// determiner before it: "a K-3 machine [gun]".
    fn focus_phrase_at(&self, k: usize) -> (usize, usize) {
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

    /// Whether token `i` can stand in a noun phrase before its head: a
    /// noun, adjective, name or number, not a stopword or a bare verb.
    fn nounish(&self, i: usize) -> bool {
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
    fn noun_phrase(&self, k: usize) -> (usize, usize) {
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

    /// A phrase opened by one of `preps`, nearest to the question's words.
    fn prep_phrase(&self, preps: &[&str], kind: Option<Wanted>) -> Option<Pick> {
        let mut best: Option<(usize, (usize, usize))> = None;
        for p in 0..self.t.len() {
            if !preps.contains(&self.n(p)) || self.is_q(p) || self.is_q(p + 1) {
                continue;
            }
            let Some((s, e)) = self.forward(p + 1, self.t.len(), 8) else {
                continue;
            };
            if s != p + 1 || (s..e).any(|k| self.is_q(k)) {
                continue;
            }
            let Some(d) = self.distance(p, e) else {
                continue;
            };
            if best.is_none_or(|(bd, _)| d < bd) {
                best = Some((d, (p, e)));
            }
        }
        let (_, (s, e)) = best?;
        Some(Pick {
            ranges: vec![(s, e)],
            glue: None,
            kind,
        })
    }

    /// A time phrase: "during the Neolithic", "after the war".
    pub fn temporal(&self) -> Option<Pick> {
        self.prep_phrase(
            &[
                "during",
                "after",
                "before",
                "until",
                "since",
                "following",
                "throughout",
                "when",
                "while",
                "by",
            ],
            None,
        )
    }

    /// A place phrase: "in a ditch", "at the border".
    pub fn locative(&self) -> Option<Pick> {
        self.prep_phrase(
            &[
                "in",
                "at",
                "near",
                "inside",
                "outside",
                "across",
                "into",
                "from",
                "throughout",
                "within",
                "on",
            ],
            None,
        )
    }

    /// A manner: "by crossing the border", "using a K-3", "through ...".
    pub fn manner(&self) -> Option<Pick> {
        self.prep_phrase(&["by", "through", "via", "using", "with", "without"], None)
    }

    /// A cause or purpose after the question's words: "because of heavy
    /// fog", "to warn off a patrol". `purpose` prefers "to"/"so that".
    pub fn reason(&self, purpose: bool) -> Option<Pick> {
        let n = self.t.len();
        let mut best: Option<(f32, Pick)> = None;
        for i in 0..n {
            let Some(&(words, is_purpose)) = CAUSES
                .iter()
                .find(|(ws, _)| ws.iter().enumerate().all(|(k, w)| self.n(i + k) == *w))
            else {
                continue;
            };
            let after = i + words.len();
            if after >= n || self.is_q(i) {
                continue;
            }
            let first = self.n(after);
            // "to" and "for" give purposes only before a verb or gerund.
            let blocked = match words {
                ["to"] => {
                    !is_base_verb(first)
                        || i > 0
                            && matches!(
                                self.n(i - 1),
                                "up" | "according"
                                    | "due"
                                    | "owing"
                                    | "thanks"
                                    | "close"
                                    | "able"
                                    | "going"
                                    | "have"
                                    | "has"
                                    | "had"
                                    | "likely"
                            )
                }
                ["for"] => !(purpose && first.ends_with("ing") && is_verb(first)),
                ["since"] => {
                    let date = self.cands.iter().any(|c| {
                        c.a <= after + 1
                            && c.b > after
                            && matches!(c.kind, Wanted::Date | Wanted::Time)
                    });
                    date || !(PRONOUNS.contains(&first) || DETERMINERS.contains(&first))
                        || self.t.toks[after].kind == Kind::Num
                }
                _ => false,
            };
            if blocked {
                continue;
            }
            let Some((s, e)) = self.forward(after, n, 14) else {
                continue;
            };
            if s != after && !(s == after + 1 && self.t.toks[after].kind == Kind::Punct) {
                continue;
            }
            // Causes found after the question's words; nearer is better.
            let before_q = (0..i).filter(|&k| self.is_q(k)).count();
            let inside_q = (s..e).filter(|&k| self.is_q(k)).count();
            let Some(d) = self.distance(i, e) else {
                continue;
            };
            let mut score =
                10.0 - d.min(15) as f32 * 0.5 + before_q.min(4) as f32 - inside_q as f32 * 0.5;
            if is_purpose != purpose {
                score -= 2.0;
            }
            if words.len() == 1 && matches!(words[0], "to" | "for") {
                score -= 1.5;
            }
            let (start, glue) = if words == ["since"] {
                (after, Some("Because"))
            } else {
                (i, None)
            };
            if best.as_ref().is_none_or(|(sc, _)| score > *sc) {
                best = Some((
                    score,
                    Pick {
                        ranges: vec![(start, e)],
                        glue,
                        kind: Some(if is_purpose {
                            Wanted::Purpose
                        } else {
                            Wanted::Reason
                        }),
                    },
                ));
            }
        }
        // "X, so Y" / "X, which led to Y": the cause stands before.
        if best.is_none() {
            for i in 1..n {
                let consequence = self.n(i) == "so"
                    && self.t.is_punct(i - 1, ',')
                    && !matches!(self.n(i + 1), "that" | "as" | "far" | "much" | "many")
                    || matches!(
                        (self.n(i), self.n(i + 1)),
                        ("which", "led")
                            | ("leading", "to")
                            | ("resulting", "in")
                            | ("which", "caused")
                    );
                if consequence && (i..n).any(|k| self.is_q(k)) {
                    if let Some((s, e)) = self.backward(0, i, 14) {
                        return Some(Pick {
                            ranges: vec![(s, e)],
                            glue: Some("Because"),
                            kind: Some(Wanted::Reason),
                        });
                    }
                }
            }
        }
        best.map(|(_, p)| p)
    }

    /// The clause that answers a yes/no question, with "No:"/"Yes:" only
    /// when its polarity is certain.
    pub fn yes_no(&self) -> Option<Pick> {
        let n = self.t.len();
        // Clauses: split at ; : and clause openers.
        let mut clauses: Vec<(usize, usize)> = Vec::new();
        let mut a = 0;
        for i in 0..=n {
            let cut = i == n
                || [';', ':'].iter().any(|&c| self.t.is_punct(i, c))
                || i > a
                    && (self.n(i) == "but" || self.n(i) == "however" || self.n(i) == "although");
            if cut {
                if i > a {
                    clauses.push((a, i));
                }
                a = i + 1;
            }
        }
        let (ca, cb) = clauses.into_iter().max_by_key(|&(a, b)| {
            (
                (a..b).filter(|&k| self.is_q(k)).count(),
                std::cmp::Reverse(a),
            )
        })?;
        let q_in = (ca..cb).filter(|&k| self.is_q(k)).count();
        if q_in == 0 {
            return None;
        }
        // Drop a reporting frame: "officials said (that) ...".
        let mut s = ca;
        if let Some(v) = (ca..cb).find(|&k| SAY_VERBS.contains(&self.n(k))) {
            if (v + 1..cb).filter(|&k| self.is_q(k)).count() * 2 >= q_in
                && (v + 1..cb).any(|k| self.is_q(k))
            {
                s = v + 1;
                if self.n(s) == "that" {
                    s += 1;
                }
            }
        }
        while s < cb
            && (self.t.toks[s].kind == Kind::Punct
                || matches!(self.n(s), "and" | "but" | "so" | "yet"))
        {
            s += 1;
        }
        // End at the first boundary once the negation and question words are in.
        let first_q = (s..cb).find(|&k| self.is_q(k))?;
        let mut e = cb;
        let mut seen = 0;
        for k in s..cb {
            if self.is_q(k) {
                seen += 1;
            }
            if k > first_q
                && seen >= 2.min(q_in)
                && (self.punct_boundary(k)
                    || SUBORDINATORS.contains(&self.n(k))
                    || CLAUSE_OPENERS.contains(&self.n(k))
                    || self.boundary(s, k))
            {
                e = k;
                break;
            }
        }
        // Past the last question word, a modifier ends it: "pleaded not
        // guilty [in Manhattan federal court]".
        if let Some(last_q) = (s..e).rev().find(|&k| self.is_q(k)) {
            if self.t.words_in(s, last_q + 1) >= 4 {
                if let Some(p) = (last_q + 1..e).find(|&k| {
                    PREPOSITIONS.contains(&self.n(k)) && !matches!(self.n(k), "of" | "to")
                }) {
                    e = p;
                }
            }
        }
        if self.t.words_in(s, e) > 15 {
            e = (s..e).filter(|&k| self.t.is_word(k)).nth(15).unwrap_or(e);
        }
        while e > s && self.t.toks[e - 1].kind == Kind::Punct {
            e -= 1;
        }
        let negated = (s..e).any(|k| NEGATIONS.contains(&self.n(k)));
        let hedged = (s..e).any(|k| {
            matches!(
                self.n(k),
                "may"
                    | "might"
                    | "could"
                    | "reportedly"
                    | "allegedly"
                    | "if"
                    | "whether"
                    | "unclear"
                    | "possibly"
                    | "perhaps"
                    | "likely"
                    | "unlikely"
            )
        });
        let distinct = {
            let mut seen: Vec<&str> = Vec::new();
            for k in s..e {
                if self.is_q(k) && !seen.contains(&self.n(k)) {
                    seen.push(self.n(k));
                }
            }
            seen.len()
        };
        let wanted_words = self
            .qall
            .iter()
            .filter(|w| !is_stop(w) && !AUX.contains(&w.as_str()))
            .count()
            .max(1);
        let covered = distinct * 3 >= wanted_words * 2;
        let neg_near = (s..e).any(|k| {
            NEGATIONS.contains(&self.n(k)) && (k + 1..(k + 4).min(e)).any(|j| self.is_q(j))
        });
        let glue = if hedged || !covered {
            None
        } else if negated && neg_near && !self.q.negative {
            if NEGATIONS.contains(&self.n(s)) {
                None
            } else {
                Some("No:")
            }
        } else if !negated && !self.q.negative && distinct * 5 >= wanted_words * 4 {
            Some("Yes:")
        } else {
            None
        };
        Some(Pick {
            ranges: vec![(s, e)],
            glue,
            kind: Some(Wanted::YesNo),
        })
    }
}

/// Whether `w` is the base form of a verb ("warn", not "warned" or "gun").
fn is_base_verb(w: &str) -> bool {
    is_verb(w) && !is_inflected_verb(w) && !DETERMINERS.contains(&w) && !is_stop(w)
}
