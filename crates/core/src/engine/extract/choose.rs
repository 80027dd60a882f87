//! Choosing the span: the sentence's tokens marked with the question words
//! they share, then a typed candidate, a cause, or the stretch beside them.

use super::lexicon::*;
use super::question::{Parsed, Question, Side};
use super::tokens::{Kind, Toks};
use super::{scan, Cand, Extracted, Request, Wanted};
use factdesk_lexdb::{Lexdb, Pos};

/// The sentence read against the question.
pub(super) struct Ctx<'a, 's> {
    pub t: &'a Toks<'s>,
    pub q: &'a Question<'a>,
    /// Per token: the side of the answer of the question word it matches.
    pub qm: Vec<Option<Side>>,
    /// Per token: it matches a word of the focus.
    pub fm: Vec<bool>,
    pub cands: Vec<Cand>,
    pub wanted: Wanted,
    /// Folded words of the question, stopwords included (to drop a
    /// preposition the question ends with).
    pub qall: Vec<String>,
}

/// A chosen answer: token ranges, glue, kind.
pub(super) struct Pick {
    pub ranges: Vec<(usize, usize)>,
    pub glue: Option<&'static str>,
    pub kind: Option<Wanted>,
}

impl Pick {
    pub fn one(a: usize, b: usize) -> Pick {
        Pick {
            ranges: vec![(a, b)],
            glue: None,
            kind: None,
        }
    }
}

/// One question word, ready for matching.
struct QWord {
    word: String,
    stem: String,
    bases: Box<[&'static str]>,
}

fn qwords(words: &[String]) -> Vec<QWord> {
    words
        .iter()
        .filter(|w| !w.is_empty())
        // Written out as the question is read: "yrs" is "years".
        .map(|w| super::question::alias(w))
        .map(|w| QWord {
            word: w.to_string(),
            stem: crate::text::stem(w),
            bases: bases(w),
        })
        .collect()
}

/// The value of a small whole number, in digits or spelled: "2", "two", "twenty".
fn small_number(w: &str) -> Option<usize> {
    if w == "zero" {
        return Some(0);
    }
    super::super::contradiction::spelled_value(w)
        .or_else(|| w.parse::<usize>().ok().filter(|&n| n <= 20))
}

/// The index in `qs` of a question word the folded sentence word `w` matches.
fn match_word(qs: &[QWord], w: &str) -> Option<usize> {
    if w.is_empty() || qs.is_empty() {
        return None;
    }
    // "two" for "2" and "2" for "two".
    if let Some(n) = small_number(w) {
        return qs.iter().position(|q| small_number(&q.word) == Some(n));
    }
    let numeric = w.starts_with(|c: char| c.is_ascii_digit());
    if !numeric && (is_stop(w) || w.len() < 2) {
        return None;
    }
    // "U.S." against "u", "s" (the question's words split it) or "us".
    if w.contains('.') {
        let mut parts = w.split('.').filter(|p| !p.is_empty());
        if let Some(k) = parts
            .next()
            .and_then(|p| qs.iter().position(|q| q.word == p))
        {
            if parts.all(|p| qs.iter().any(|q| q.word == p)) {
                return Some(k);
            }
        }
    }
    let joined: String;
    let w = if w.contains('.') || w.contains('&') {
        joined = w.replace(['.', '&'], "");
        joined.as_str()
    } else {
        w
    };
    if let Some(k) = qs.iter().position(|q| q.word == w) {
        return Some(k);
    }
    // Inflections and derivations keep the first letter (but for a few
    // irregular forms: "went", "was"), so only question words sharing it are tried.
    let first = w.as_bytes()[0];
    if !w.contains('-') && !qs.iter().any(|q| q.word.as_bytes().first() == Some(&first)) {
        return None;
    }
    if w.contains('-') {
        let flat: String = w.chars().filter(|&c| c != '-').collect();
        if let Some(k) = qs.iter().position(|q| q.word == flat) {
            return Some(k);
        }
        return w.split('-').find_map(|p| match_word(qs, p));
    }
    if numeric {
        return None;
    }
    let stem = crate::text::stem(w);
    if stem.len() >= 3 {
        if let Some(k) = qs.iter().position(|q| q.stem == stem) {
            return Some(k);
        }
    }
    let b = bases(w);
    if b.is_empty() {
        return None;
    }
    qs.iter()
        .position(|q| q.bases.iter().any(|x| b.contains(x)) || b.contains(&q.word.as_str()))
}

impl<'a, 's> Ctx<'a, 's> {
    pub fn new(
        t: &'a Toks<'s>,
        q: &'a Question<'a>,
        req: &Request,
        wanted: Wanted,
        cands: Vec<Cand>,
    ) -> Ctx<'a, 's> {
        let mut qs = qwords(req.question_words);
        // A dotted initialism the question writes ("the U.S. Army") is one of
        // its words, though it folds to a stopword ("us").
        for i in 0..q.t.len() {
            let norm = q.t.norm(i);
            let initialism = norm.contains('.')
                && norm
                    .split('.')
                    .all(|p| p.chars().count() == 1 && p.chars().all(char::is_alphabetic));
            if !initialism {
                continue;
            }
            let joined = norm.replace('.', "");
            if !qs.iter().any(|w| w.word == joined) {
                qs.extend(qwords(&[joined]));
            }
        }
        // Each question word's side, from where it stands in the question
        // (the question's tokens stemmed once, not once per word).
        let stems: Vec<String> = (0..q.t.len())
            .map(|i| crate::text::stem(q.t.norm(i)))
            .collect();
        let sides: Vec<Side> = qs
            .iter()
            .map(|qw| {
                (0..q.t.len())
                    .find(|&i| q.t.norm(i) == qw.word || stems[i] == qw.stem)
                    .map_or(Side::Either, |i| q.side(i))
            })
            .collect();
        let focus_words: Vec<String> = match req.focus {
            Some(f) => crate::text::words(f),
            None => q.focus.map_or(Vec::new(), |(a, b)| {
                (a..b)
                    .filter(|&i| q.t.is_word(i))
                    .map(|i| q.t.norm(i).to_string())
                    .collect()
            }),
        };
        let fq = qwords(&focus_words);
        // The counted noun's synonyms ("countries" for "how many nations"),
        // single words of its first senses. Only for a count: in "which
        // movie", a synonym ("film") would stand for the thing asked, not
        // mark where the answer is.
        let counted = wanted == Wanted::Number;
        let synonyms: Vec<&'static str> = fq
            .iter()
            .filter(|_| counted)
            .flat_map(|f| f.bases.iter())
            .flat_map(|&b| Lexdb::get().synonyms(b, Pos::Noun))
            .filter(|s| !s.contains(' '))
            .collect();
        let mut qm = vec![None; t.len()];
        let mut fm = vec![false; t.len()];
        for i in 0..t.len() {
            if t.toks[i].kind == Kind::Punct {
                continue;
            }
            let w = t.norm(i);
            if let Some(k) = match_word(&qs, w) {
                qm[i] = Some(sides[k]);
                fm[i] = fq
                    .iter()
                    .any(|f| f.word == qs[k].word || f.stem == qs[k].stem);
            } else if !fq.is_empty()
                && (match_word(&fq, w).is_some()
                    || (!synonyms.is_empty() && bases(w).iter().any(|b| synonyms.contains(b))))
            {
                fm[i] = true;
                qm[i] = Some(Side::Either);
            }
        }
        let qall = (0..q.t.len())
            .filter(|&i| q.t.is_word(i))
            .map(|i| q.t.norm(i).to_string())
            .collect();
        Ctx {
            t,
            q,
            qm,
            fm,
            cands,
            wanted,
            qall,
        }
    }

    /// A picked name with the names coordinated after it, for a question
    /// asking for several things: "Norway and the United States", "the
    /// Rajpath and the Janpath" rather than the first alone.
    pub fn with_coordinates(&self, pick: Pick) -> Pick {
        let [(a, mut b)] = pick.ranges[..] else {
            return pick;
        };
        // The pick is a name, "the" before it or not.
        let Some(first) = self
            .cands
            .iter()
            .find(|c| c.b == b && (c.a == a || c.a == a + 1))
        else {
            return pick;
        };
        if !first.kind.is_a_name() {
            return pick;
        }
        for _ in 0..4 {
            // ", Y", " and Y", ", and Y", "or Y", with "the" before Y.
            let mut k = b;
            let comma = k < self.t.len() && self.t.is_punct(k, ',');
            if comma {
                k += 1;
            }
            let joined = matches!(self.n(k), "and" | "or");
            if joined {
                k += 1;
            }
            if !comma && !joined {
                break;
            }
            if matches!(self.n(k), "the" | "a" | "an") {
                k += 1;
            }
            let Some(next) = self
                .cands
                .iter()
                .find(|c| (c.a == k || c.a + 1 == k) && c.b > k && c.kind.is_a_name())
            else {
                break;
            };
            if self.says_own(next.a, next.b) {
                b = next.b;
            } else {
                break;
            }
            if joined {
                break;
            }
        }
        Pick {
            ranges: vec![(a, b)],
            ..pick
        }
    }

    pub fn n(&self, i: usize) -> &str {
        if i < self.t.len() {
            self.t.norm(i)
        } else {
            ""
        }
    }

    pub fn is_q(&self, i: usize) -> bool {
        i < self.qm.len() && self.qm[i].is_some()
    }

    /// Whether tokens `a..b` hold a word the question does not say.
    pub fn says_own(&self, a: usize, b: usize) -> bool {
        (a..b).any(|i| self.t.is_word(i) && !self.is_q(i))
    }

    /// Words between `a..b` and the nearest question word outside it, or
    /// `None` when the sentence shares no word with the question.
    pub fn distance(&self, a: usize, b: usize) -> Option<usize> {
        let mut best: Option<usize> = None;
        for i in (0..a).rev() {
            if self.is_q(i) {
                best = Some(self.t.words_in(i + 1, a));
                break;
            }
        }
        for i in b..self.t.len() {
            if self.is_q(i) {
                let d = self.t.words_in(b, i);
                best = Some(best.map_or(d, |x| x.min(d)));
                break;
            }
        }
        best
    }
}

/// The answer for `req` in `sentence` (see [`super::extract`]).
pub(super) fn extract(sentence: &str, req: &Request) -> Option<Extracted> {
    let t = Toks::new(sentence);
    let cands = scan(&t);
    extract_from(&t, cands, req)
}

/// [`extract`] from the sentence's tokens `t` and typed spans `cands`.
pub(super) fn extract_from(t: &Toks, cands: Vec<Cand>, req: &Request) -> Option<Extracted> {
    let total = (0..t.len()).filter(|&i| t.is_word(i)).count();
    if total < 2 {
        return None;
    }
    // "What does ISS stand for?": the long form the sentence defines.
    if let Some(spelled) = super::expansion::spelled_out(t.text, req.question) {
        return Some(spelled);
    }
    let parsed = Parsed::of(req.question);
    let q = parsed.question();
    let wanted = req.wanted.or(q.wanted).unwrap_or(Wanted::Thing);
    let ctx = Ctx::new(t, &q, req, wanted, cands);
    use Wanted::*;
    let pick = match wanted {
        Number => ctx.typed(wanted).or_else(|| ctx.bare_number()),
        Money | Percent | Duration | Age => ctx.typed(wanted),
        Date | Time => ctx
            .typed(wanted)
            .or_else(|| ctx.temporal())
            .or_else(|| ctx.stretch()),
        Person | Organisation => ctx
            .typed(wanted)
            .or_else(|| ctx.agent())
            .or_else(|| ctx.stretch()),
        Place => ctx
            .typed_among(wanted, false)
            .or_else(|| ctx.locative())
            .or_else(|| ctx.typed(wanted))
            .or_else(|| ctx.stretch()),
        Reason => ctx.reason(false).or_else(|| ctx.stretch()),
        Purpose => ctx.reason(true).or_else(|| ctx.stretch()),
        Manner => ctx.manner().or_else(|| ctx.stretch()),
        YesNo => ctx.yes_no(),
        // "What kind of boat?": what makes it a kind, when the sentence says it.
        Thing => ctx
            .quoted()
            .or_else(|| ctx.named_as())
            .map(|(a, b)| Pick::one(a, b))
            // (Of the type asked for: the thing with what makes it a kind.)
            .or_else(|| {
                ctx.kind().map(|(a, b)| Pick {
                    kind: Some(Thing),
                    ..Pick::one(a, b)
                })
            })
            .or_else(|| ctx.named_focus())
            .or_else(|| ctx.focus_apposition())
            .or_else(|| ctx.marked_focus().map(|(a, b)| Pick::one(a, b)))
            .or_else(|| ctx.stretch()),
    }?;
    let pick = if q.asks_several() {
        ctx.with_coordinates(pick)
    } else {
        pick
    };
    // An answer saying only what the question says ("Mainland." for "what
    // mainland?", "The.") answers nothing: the phrase beside the question's
    // words may, else the reply shows the sentence.
    // (Numbers and negations are no stopwords: they say something.)
    let says_more = |pick: &Pick| {
        pick.ranges.iter().any(|&(a, b)| {
            (a..b.min(t.len())).any(|i| {
                let said = t.toks[i].kind == Kind::Num
                    || t.is_word(i) && (!is_stop(t.norm(i)) || small_number(t.norm(i)).is_some());
                said && !ctx.is_q(i) && !ctx.fm[i]
            })
        })
    };
    // (A yes/no answer says what the question asks, or its negation.)
    let (pick, says_more) = if wanted == YesNo || says_more(&pick) {
        (pick, true)
    } else {
        match ctx.stretch().filter(|p| says_more(p)) {
            Some(beside) => (beside, true),
            None => (pick, false),
        }
    };
    // Where each range ends: "The parton model.", not "The parton." (a
    // phrase keeps the head noun its last words qualify, though the
    // question says it); "Hurricane Sandy.", not "Hurricane."; "A hail of
    // bullets.", not "Hail.". A time stays as it was read.
    let timed = matches!(pick.kind, Some(Date | Time | Duration | Age));
    let pick = Pick {
        ranges: pick
            .ranges
            .iter()
            .map(|&(a, b)| {
                let b = if wanted == YesNo || timed {
                    b
                } else {
                    ctx.head_end(a, b)
                };
                let b = ctx.whole_name_end(a, b);
                (a, if timed { b } else { ctx.of_phrase_end(a, b) })
            })
            .collect(),
        ..pick
    };
    render(t, pick, total).map(|e| Extracted {
        restates: !says_more,
        ..e
    })
}

/// The answer text of a pick: glue, spans, a capital and a full stop.
fn render(t: &Toks, pick: Pick, total: usize) -> Option<Extracted> {
    let mut ranges = Vec::new();
    let mut shown = 0;
    for &(a, b) in &pick.ranges {
        // Trim punctuation at the ends (keep a closing bracket or quote that
        // opens inside, and the marks of a list of quotations: "“frequency”
        // and “wavelength”").
        let (mut a, mut b) = (a, b.min(t.len()));
        let quotations = b > a + 1
            && t.is_quote_mark(a)
            && t.is_quote_mark(b - 1)
            && (a..b).filter(|&i| t.is_quote_mark(i)).count() >= 4;
        while !quotations
            && a < b
            && t.toks[a].kind == Kind::Punct
            && !t.is_punct(a, '$')
            && !t.is_punct(a, '£')
            && !t.is_punct(a, '€')
            && !t.is_punct(a, '\'')
            && !t.is_punct(a, '\u{2019}')
        {
            a += 1;
        }
        while !quotations
            && a < b
            && t.toks[b - 1].kind == Kind::Punct
            && !t.is_punct(b - 1, '%')
            && !(t.is_punct(b - 1, ')') && (a..b).any(|k| t.is_punct(k, '(')))
        {
            b -= 1;
        }
        // Drop a quote mark left without its pair at either end.
        let quote = |i: usize| t.is_quote_mark(i);
        let quotes = (a..b).filter(|&i| quote(i)).count();
        if quotes % 2 == 1 {
            if quote(a) {
                a += 1;
            } else if b > a && quote(b - 1) {
                b -= 1;
            } else if let Some(q) = (a..b).rev().find(|&i| quote(i)) {
                // Cut inside a quotation: end before it opens.
                b = q;
                while b > a && (t.toks[b - 1].kind == Kind::Punct || is_stop(t.norm(b - 1))) {
                    b -= 1;
                }
            }
        }
        if a >= b {
            continue;
        }
        // "was being investigated": the state is "being investigated".
        if ranges.is_empty()
            && pick.glue.is_none()
            && a > 0
            && t.is_word(a - 1)
            && t.norm(a - 1) == "being"
        {
            a -= 1;
        }
        shown += t.words_in(a, b);
        let start = t.start(a);
        let end = t.end_without_possessive(b - 1);
        ranges.push(start..end);
    }
    // A glue word the sentence writes is shown too ("In 2017." is all of "in, 2017.").
    let glue_written = pick.glue.is_some_and(|g| {
        let g = g.trim_end_matches(':');
        (0..t.len()).any(|i| t.is_word(i) && t.norm(i).eq_ignore_ascii_case(g))
    });
    if ranges.is_empty() || shown == 0 || shown + usize::from(glue_written) >= total {
        return None;
    }
    let mut text = String::new();
    if let Some(g) = pick.glue {
        text.push_str(g);
        text.push(' ');
    }
    for (k, r) in ranges.iter().enumerate() {
        if k > 0 {
            text.push(' ');
        }
        text.push_str(&t.text[r.clone()]);
    }
    // Capitalise a lower-case first word ("a ditch" -> "A ditch"; not "iPhone").
    let first_word: &str = text.split_whitespace().next().unwrap_or("");
    if first_word.chars().all(|c| !c.is_uppercase()) {
        if let Some(c) = text.chars().next().filter(|c| c.is_lowercase()) {
            let upper: String = c.to_uppercase().collect();
            // Only a letter with a one-letter capital that folds back to it:
            // the ligature "ﬓ" capitalises to two letters ("ՄՆ"), which
            // would no longer be the sentence's word.
            if upper.chars().count() == 1 && upper.to_lowercase() == c.to_string() {
                text.replace_range(..c.len_utf8(), &upper);
            }
        }
    }
    let unfinished = ranges
        .last()
        .and_then(|r| t.text[r.clone()].split_whitespace().last())
        .is_some_and(needs_more);
    if !text.ends_with(['.', '!', '?']) {
        text.push('.');
    }
    Some(Extracted {
        text,
        glue: pick.glue,
        ranges,
        kind: pick.kind,
        restates: false,
        unfinished,
    })
}

/// Whether a phrase ending on `last` (as written) stops short: see
/// [`super::words::NEEDS_MORE`].
fn needs_more(last: &str) -> bool {
    super::words::NEEDS_MORE.contains(&last.trim_end_matches(|c: char| !c.is_alphanumeric()))
}
