//! WordNet's morphy: exception lists, then suffix detachment rules, keeping
//! only candidates that are lemmas of the part of speech being tried.

use crate::{LemmaId, Lexdb, Pos};

const NOUN_RULES: &[(&str, &str)] = &[
    ("s", ""),
    ("ses", "s"),
    ("xes", "x"),
    ("zes", "z"),
    ("ches", "ch"),
    ("shes", "sh"),
    ("men", "man"),
    ("ies", "y"),
];

const VERB_RULES: &[(&str, &str)] = &[
    ("s", ""),
    ("ies", "y"),
    ("es", "e"),
    ("es", ""),
    ("ed", "e"),
    ("ed", ""),
    ("ing", "e"),
    ("ing", ""),
];

const ADJ_RULES: &[(&str, &str)] = &[("er", ""), ("est", ""), ("er", "e"), ("est", "e")];

fn rules(pos: Pos) -> &'static [(&'static str, &'static str)] {
    match pos {
        Pos::Noun => NOUN_RULES,
        Pos::Verb => VERB_RULES,
        Pos::Adj => ADJ_RULES,
        Pos::Adv => &[],
    }
}

/// Candidate base strings for `form` by the detachment rules (unchecked).
fn detach(form: &str, pos: Pos, mut each: impl FnMut(&str)) {
    let mut buf = String::new();
    for (suffix, replacement) in rules(pos) {
        if form.len() > suffix.len() && form.ends_with(suffix) {
            buf.clear();
            buf.push_str(&form[..form.len() - suffix.len()]);
            buf.push_str(replacement);
            each(&buf);
        }
    }
}

fn push_unique(out: &mut Vec<(Pos, LemmaId)>, item: (Pos, LemmaId)) {
    if !out.contains(&item) {
        out.push(item);
    }
}

/// Appends to `out` the lemmas of part of speech `pos` that `form` (already
/// normalised) is an inflection of, or is itself.
pub(crate) fn morphy(db: &Lexdb, form: &str, pos: Pos, out: &mut Vec<(Pos, LemmaId)>) {
    let start = out.len();
    // 1. Exception lists (irregular forms): when the form is listed for this
    //    part of speech, the rules are not tried (as in WordNet and NLTK).
    let mut listed = false;
    for (p, base) in db.exceptions(form) {
        if p == pos {
            if !listed {
                listed = true;
                if let Some(id) = db.lemma_id_in(form, pos) {
                    push_unique(out, (pos, id));
                }
            }
            push_unique(out, (pos, base));
        }
    }
    if listed {
        return;
    }
    // 2. The form itself, then the detachment rules.
    if let Some(id) = db.lemma_id_in(form, pos) {
        push_unique(out, (pos, id));
    }
    detach(form, pos, |candidate| {
        if let Some(id) = db.lemma_id_in(candidate, pos) {
            push_unique(out, (pos, id));
        }
    });
    if out.len() > start {
        return;
    }
    // 3. Collocations ("machine guns", "gave up"): inflect the head word,
    //    the last one for nouns and the first one for verbs.
    match pos {
        Pos::Noun => collocation_noun(db, form, pos, out),
        Pos::Verb => collocation_verb(db, form, pos, out),
        Pos::Adj | Pos::Adv => {}
    }
}

fn collocation_noun(db: &Lexdb, form: &str, pos: Pos, out: &mut Vec<(Pos, LemmaId)>) {
    let Some((init, last)) = form.rsplit_once(' ') else {
        return;
    };
    let mut try_base = |base: &str| {
        let candidate = format!("{init} {base}");
        if let Some(id) = db.lemma_id_in(&candidate, pos) {
            push_unique(out, (pos, id));
        }
    };
    for (p, base) in db.exceptions(last) {
        if p == pos {
            try_base(db.lemma(base));
        }
    }
    detach(last, pos, &mut try_base);
}

fn collocation_verb(db: &Lexdb, form: &str, pos: Pos, out: &mut Vec<(Pos, LemmaId)>) {
    let Some((first, rest)) = form.split_once(' ') else {
        return;
    };
    let mut try_base = |base: &str| {
        let candidate = format!("{base} {rest}");
        if let Some(id) = db.lemma_id_in(&candidate, pos) {
            push_unique(out, (pos, id));
        }
    };
    for (p, base) in db.exceptions(first) {
        if p == pos {
            try_base(db.lemma(base));
        }
    }
    detach(first, pos, &mut try_base);
}
