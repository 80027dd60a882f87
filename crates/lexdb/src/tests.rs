use super::*;

fn db() -> &'static Lexdb {
    Lexdb::get()
}

fn bases(word: &str) -> Vec<(Pos, String)> {
    db().base_forms(word)
        .map(|(p, s)| (p, s.to_string()))
        .collect()
}

fn has_base(word: &str, pos: Pos, base: &str) -> bool {
    bases(word).iter().any(|(p, b)| *p == pos && b == base)
}

fn same_family(a: &str, b: &str) -> bool {
    let fa = db().word_families(a);
    db().word_families(b).iter().any(|f| fa.contains(f))
}

// ---- the data file ----

#[test]
fn embedded_file_is_consistent() {
    let s = format::parse(format::embedded()).expect("header");
    format::validate(&s).expect("contents");
    let lemmas: Vec<&[u8]> = (0..db().lemma_count())
        .map(|i| db().lemma_bytes(i))
        .collect();
    assert!(
        lemmas.windows(2).all(|w| w[0] < w[1]),
        "lemmas sorted and unique"
    );
    // The exception lists are searched the same way.
    let forms: Vec<&str> = (0..db().exception_count())
        .map(|i| db().exception_form(i))
        .collect();
    assert!(
        forms.windows(2).all(|w| w[0].as_bytes() < w[1].as_bytes()),
        "exception forms sorted and unique"
    );
    assert!(db().lemma_count() > 140_000, "{}", db().lemma_count());
    assert!(db().synset_count() > 117_000, "{}", db().synset_count());
    let max_family = db().s.lemma_family.iter().max().copied().unwrap();
    assert_eq!(max_family as usize + 1, db().family_count());
    assert!(db().metadata().contains("source=WordNet 3.1"));
    assert!(WORDNET_LICENSE.contains("WordNet 3.1 Copyright 2011 by Princeton University"));
}

#[test]
fn normalisation() {
    assert_eq!(normalize("flee"), "flee");
    assert!(matches!(normalize("flee"), Cow::Borrowed(_)));
    assert_eq!(normalize("  Machine_Gun "), "machine gun");
    assert_eq!(normalize("machine \t gun"), "machine gun");
    assert_eq!(normalize("O’Brien"), "o'brien");
    assert_eq!(normalize(""), "");
    assert_eq!(db().lemma_id("Machine Gun"), db().lemma_id("machine_gun"));
    assert!(db().lemma_id("machine gun").is_some());
    assert!(db().lemma_id("no such lemma xyzzy").is_none());
    assert_eq!(db().base_forms("").count(), 0);
}

// ---- morphy ----

#[test]
fn irregular_verbs() {
    assert!(has_base("began", Pos::Verb, "begin"));
    assert!(has_base("fled", Pos::Verb, "flee"));
    assert!(has_base("shot", Pos::Verb, "shoot"));
    assert!(has_base("died", Pos::Verb, "die"));
    assert!(has_base("dying", Pos::Verb, "die"));
    assert!(has_base("went", Pos::Verb, "go"));
    assert!(has_base("was", Pos::Verb, "be"));
    assert!(has_base("seized", Pos::Verb, "seize"));
    assert!(has_base("elected", Pos::Verb, "elect"));
    assert!(has_base("investigated", Pos::Verb, "investigate"));
    assert!(has_base("investigating", Pos::Verb, "investigate"));
}

#[test]
fn a_phrase_says_whether_longer_lemmas_open_with_it() {
    let (id, longer) = db().phrase_lemma("department of");
    assert!(
        id.is_none() && longer,
        "\"department of justice\" opens with it"
    );
    let (id, longer) = db().phrase_lemma("intensive care unit");
    assert_eq!(id.map(|id| db().lemma(id)), Some("intensive care unit"));
    assert!(!longer);
    let (id, longer) = db().phrase_lemma("machine");
    assert!(id.is_some() && longer, "\"machine gun\" opens with it");
    assert_eq!(db().phrase_lemma("zzzz qqqq"), (None, false));
}

#[test]
fn the_verb_exception_list_is_listed_whole() {
    let forms: Vec<(&str, &str)> = db().irregular_verbs().collect();
    assert!(forms.len() > 1_000, "{}", forms.len());
    for pair in [
        ("began", "begin"),
        ("fled", "flee"),
        ("shot", "shoot"),
        ("went", "go"),
    ] {
        assert!(forms.contains(&pair), "{pair:?}");
    }
    assert!(forms.iter().all(|(form, base)| form != base));
}

#[test]
fn shot_is_a_noun_and_the_past_of_shoot() {
    let b = bases("shot");
    assert!(b.contains(&(Pos::Noun, "shot".into())), "{b:?}");
    assert!(b.contains(&(Pos::Verb, "shoot".into())), "{b:?}");
    // The exception list wins over the rules for verbs: no verb "shot".
    assert!(!b.contains(&(Pos::Verb, "shot".into())), "{b:?}");
}

#[test]
fn irregular_nouns_and_adjectives() {
    assert!(has_base("mice", Pos::Noun, "mouse"));
    assert!(has_base("children", Pos::Noun, "child"));
    assert!(has_base("better", Pos::Adj, "good"));
    assert!(has_base("best", Pos::Adj, "good"));
    assert!(has_base("worse", Pos::Adj, "bad"));
    assert!(has_base("better", Pos::Adv, "well"));
}

#[test]
fn regular_rules() {
    assert!(has_base("vehicles", Pos::Noun, "vehicle"));
    assert!(has_base("boxes", Pos::Noun, "box"));
    assert!(has_base("countries", Pos::Noun, "country"));
    assert!(has_base("policemen", Pos::Noun, "policeman"));
    assert!(has_base("defectors", Pos::Noun, "defector"));
    assert!(has_base("larger", Pos::Adj, "large"));
    assert!(has_base("tallest", Pos::Adj, "tall"));
    // Only lemmas come back: no noun "new" from "news".
    assert!(!has_base("news", Pos::Noun, "new"));
    assert!(has_base("news", Pos::Noun, "news"));
    assert!(bases("xyzzyed").is_empty());
}

#[test]
fn collocations_and_hyphens() {
    assert!(has_base("machine guns", Pos::Noun, "machine gun"));
    assert!(has_base("machine-gun", Pos::Noun, "machine gun"));
    assert!(has_base("gave up", Pos::Verb, "give up"));
    assert!(has_base("Machine_Guns", Pos::Noun, "machine gun"));
}

// ---- families ----

#[test]
fn defector_family() {
    let f = db().family("defector").unwrap();
    assert_eq!(db().family("defect"), Some(f));
    assert_eq!(db().family("defection"), Some(f));
    assert!(db().word_families("defected").contains(&f));
    assert!(db().word_families("defectors").contains(&f));
    let members: Vec<&str> = db().family_members(f).collect();
    assert!(members.contains(&"defection"), "{members:?}");
}

#[test]
fn family_members_are_the_lemmas_of_the_family_each_once() {
    let total: usize = (0..db().family_count())
        .map(|f| db().family_members(FamilyId(f as u32)).count())
        .sum();
    assert_eq!(total, db().lemma_count());
    // Against a scan of every lemma, for a spread of families.
    for f in (0..db().family_count() as u32).step_by(997) {
        let scanned: Vec<&str> = db()
            .s
            .lemma_family
            .iter()
            .enumerate()
            .filter(|&(_, &g)| g == f)
            .map(|(i, _)| db().lemma(LemmaId(i as u32)))
            .collect();
        let listed: Vec<&str> = db().family_members(FamilyId(f)).collect();
        assert_eq!(listed, scanned, "family {f}");
    }
    // Past the last family: none.
    let past = FamilyId(db().family_count() as u32 + 5);
    assert_eq!(db().family_members(past).count(), 0);
}

#[test]
fn investigate_elect_die_families() {
    assert!(same_family("investigate", "investigation"));
    assert!(same_family("investigator", "investigation"));
    assert!(same_family("investigated", "investigations"));
    assert!(same_family("elect", "election"));
    assert!(same_family("elected", "elections"));
    assert!(same_family("die", "death"));
    assert!(same_family("dead", "death")); // curated link (tools/family_links.tsv)
    assert!(same_family("dying", "death")); // through morphy: dying -> die
    assert!(same_family("died", "deaths"));
    assert!(same_family("kill", "killer"));
    assert!(same_family("govern", "government"));
}

#[test]
fn families_stay_apart() {
    assert!(!same_family("die", "defect"));
    assert!(!same_family("investigate", "elect"));
    assert!(!same_family("kill", "murder"));
    assert!(!same_family("government", "president"));
    assert!(!same_family("dog", "cat"));
    // Common words keep small families.
    for w in [
        "be", "have", "do", "make", "take", "go", "run", "set", "get", "give", "say", "time",
        "people", "state", "work", "world", "play", "point", "line", "hand", "good", "new",
    ] {
        let f = db().family(w).unwrap();
        let n = db().family_members(f).count();
        assert!(n <= 24, "{w}: family of {n}");
    }
}

#[test]
fn largest_families_are_bounded() {
    let mut sizes = vec![0u32; db().family_count()];
    for &f in db().s.lemma_family {
        sizes[f as usize] += 1;
    }
    sizes.sort_unstable_by(|a, b| b.cmp(a));
    // The generator's caps: 24 for look-alike links, 12 for others.
    assert!(sizes[0] <= 24, "largest family: {}", sizes[0]);
    assert!(sizes[0] >= 8, "families are built at all: {}", sizes[0]);
    let singletons = sizes.iter().filter(|&&n| n == 1).count();
    assert!(singletons * 10 > sizes.len() * 8, "most lemmas are alone");
}

// ---- senses, synonyms, hypernyms ----

#[test]
fn senses_in_frequency_order() {
    let car = db().senses("car", Pos::Noun);
    assert_eq!(car.len(), SENSE_LIMIT);
    assert!(db().all_senses("car", Pos::Noun).len() >= 5);
    let first: Vec<&str> = db().lemma_names(car[0]).collect();
    assert_eq!(first[0], "car");
    assert!(first.contains(&"automobile"), "{first:?}");
    assert_eq!(db().synset_pos(car[0]), Pos::Noun);
    assert_eq!(db().synset_offset(car[0]), Some(2_961_779)); // 02961779 in WordNet 3.1
    assert!(db().senses("car", Pos::Verb).is_empty());
    assert!(db().senses("xyzzy", Pos::Noun).is_empty());
    let flee = db().senses("flee", Pos::Verb);
    assert_eq!(flee.len(), 1);
    assert!(db().lemma_names(flee[0]).any(|n| n == "take flight"));
}

/// A British spelling takes the American spelling's sense order: WordNet
/// lists "organisation" first as "administration" and "colour" first as
/// "coloring material", having no sense counts for them.
#[test]
fn british_spellings_take_the_american_sense_order() {
    for (gb, us) in [
        ("organisation", "organization"),
        ("colour", "color"),
        ("licence", "license"),
    ] {
        let (a, b) = (db().senses(gb, Pos::Noun), db().senses(us, Pos::Noun));
        assert_eq!(a.first(), b.first(), "{gb} / {us}");
    }
    // Where the British word has a sense of its own first, its order stays.
    let centre = db().senses("centre", Pos::Noun)[0];
    assert_eq!(db().lemma_names(centre).collect::<Vec<_>>(), ["centre"]);
    assert_eq!(
        american_spelling("organisations").as_deref(),
        Some("organizations")
    );
    assert_eq!(american_spelling("theatre").as_deref(), Some("theater"));
    assert_eq!(american_spelling("programme").as_deref(), Some("program"));
    assert_eq!(american_spelling("soldier"), None);
    // Too short a stem to be a spelling variant.
    assert_eq!(american_spelling("our"), None);
}

#[test]
fn synonyms() {
    let s = db().synonyms("car", Pos::Noun);
    assert!(s.contains(&"automobile") && s.contains(&"auto"), "{s:?}");
    assert!(!s.contains(&"car"));
    let s = db().synonyms("die", Pos::Verb);
    assert!(s.contains(&"decease") && s.contains(&"perish"), "{s:?}");
}

#[test]
fn hypernyms_and_closure() {
    let jeep = db().senses("jeep", Pos::Noun)[0];
    let up: Vec<&str> = db()
        .hypernyms(jeep)
        .iter()
        .flat_map(|&h| db().lemma_names(h))
        .collect();
    assert!(up.contains(&"car"), "{up:?}");
    let closure = db().hypernym_closure(jeep, 6);
    assert!(
        closure.windows(2).all(|w| w[0].1 <= w[1].1),
        "nearest first"
    );
    assert!(closure.iter().all(|&(s, _)| s != jeep));
    let vehicle = db().senses("vehicle", Pos::Noun)[0];
    assert_eq!(
        closure
            .iter()
            .find(|&&(s, _)| s == vehicle)
            .map(|&(_, d)| d),
        Some(5)
    );
    assert!(db().hypernym_closure(jeep, 0).is_empty());
    // Instances: a city is an instance of a capital.
    let paris = db().senses("paris", Pos::Noun)[0];
    assert!(!db().hypernyms(paris).is_empty());
    // Adjectives have no hypernyms.
    assert!(db().hypernyms(db().senses("red", Pos::Adj)[0]).is_empty());
}

#[test]
fn is_a() {
    assert_eq!(db().is_a("jeep", "vehicle"), Some(5));
    assert_eq!(db().is_a("jeeps", "vehicles"), Some(5));
    // machine gun -> automatic firearm -> autoloader -> firearm -> gun -> weapon
    assert_eq!(db().is_a("machine gun", "weapon"), Some(5));
    assert_eq!(db().is_a("machine guns", "weapons"), Some(5));
    // Every part of speech counts: the verb "machine-gun" is a way to "gun".
    assert_eq!(db().is_a("machine-gun", "gun"), Some(1));
    assert_eq!(db().is_a("malware", "software"), Some(1));
    assert_eq!(db().is_a("car", "automobile"), Some(0));
    assert_eq!(db().is_a("dog", "animal"), Some(2));
    assert!(db().is_a("president", "person").is_some());
    assert!(db().is_a("murder", "kill").is_some());
    // negative cases
    assert_eq!(db().is_a("dog", "vehicle"), None);
    assert_eq!(db().is_a("vehicle", "jeep"), None);
    assert_eq!(db().is_a("weapon", "machine gun"), None);
    assert_eq!(db().is_a("jeep", "weapon"), None);
    assert_eq!(db().is_a("xyzzy", "vehicle"), None);
    assert_eq!(db().is_a("jeep", "xyzzy"), None);
}

#[test]
fn leading_senses_are_a() {
    // "tool" is a person only in its third sense ("a person used by another").
    assert!(db().is_a("tool", "person").is_some());
    assert_eq!(
        db().leading_senses_are_a("tool", Pos::Noun, 2, "person"),
        None
    );
    assert!(db()
        .leading_senses_are_a("soldier", Pos::Noun, 2, "person")
        .is_some());
    assert!(db()
        .leading_senses_are_a("soldiers", Pos::Noun, 1, "person")
        .is_some());
    assert_eq!(
        db().leading_senses_are_a("xyzzy", Pos::Noun, 2, "person"),
        None
    );
}

#[test]
fn ransomware_comes_from_the_supplement() {
    // WordNet 3.1 (like 3.0) has "malware" but not "ransomware"; the crate's
    // supplement (tools/supplement.tsv) adds it under malware.
    let s = db().senses("ransomware", Pos::Noun);
    assert_eq!(s.len(), 1);
    assert_eq!(db().synset_offset(s[0]), None, "not a WordNet synset");
    assert!(db()
        .synset_offset(db().senses("malware", Pos::Noun)[0])
        .is_some());
    assert_eq!(db().is_a("ransomware", "malware"), Some(1));
    assert_eq!(db().is_a("ransomware", "software"), Some(2));
    assert_eq!(db().is_a("bitcoin", "money"), Some(2));
    assert!(db().is_a("smartphones", "telephone").is_some());
    assert!(db().metadata().contains("supplement_synsets=8"));
}

#[test]
fn concepts_for_indexing() {
    let c = db().concepts("fled", 2);
    let flee = db().senses("flee", Pos::Verb)[0];
    assert_eq!(c[0], (flee, 0));
    assert!(c.iter().any(|&(_, d)| d == 1));
    assert!(c.iter().all(|&(_, d)| d <= 2));
    let mut ids: Vec<SynsetId> = c.iter().map(|&(s, _)| s).collect();
    ids.sort_unstable();
    ids.dedup();
    assert_eq!(ids.len(), c.len(), "each synset once");
    assert!(db().concepts("xyzzy", 3).is_empty());
}

#[test]
fn antonyms_go_both_ways() {
    let ants = |w: &str| db().antonyms(w).map(str::to_string).collect::<Vec<_>>();
    assert!(ants("experienced").contains(&"inexperienced".to_string()));
    assert!(ants("inexperienced").contains(&"experienced".to_string()));
    assert!(ants("brother").contains(&"sister".to_string()));
    assert!(ants("win").contains(&"lose".to_string()));
    assert!(ants("Public").contains(&"private".to_string()));
    // A word with no opposite, and no word at all.
    assert!(ants("jeep").is_empty());
    assert!(ants("qzxv").is_empty());
    // Every pair is there both ways.
    for w in ["long", "major", "increase", "north", "male"] {
        for a in ants(w) {
            assert!(ants(&a).contains(&w.to_string()), "{w} / {a}");
        }
    }
}

// ---- the per-thread memo ----

#[test]
fn memoised_base_lemmas_are_those_looked_up_even_past_the_memos_size() {
    let words = [
        "fled",
        "mice",
        "Shot",
        "machine guns",
        "better",
        "qwzx",
        "well-known",
    ];
    for w in words {
        assert_eq!(db().base_lemmas(w), db().look_up_base_lemmas(w), "{w}");
        assert_eq!(
            db().base_lemmas(w),
            db().look_up_base_lemmas(w),
            "{w}, again"
        );
    }
    // Fill the memo past its size: it starts again, with the same answers.
    std::thread::spawn(|| {
        for i in 0..BASES_KEPT + 10 {
            db().base_lemmas(&format!("w{i}"));
        }
        let kept = BASES.with(|m| m.borrow().len());
        assert!(kept <= BASES_KEPT, "{kept}");
        assert!(has_base("fled", Pos::Verb, "flee"));
        assert_eq!(db().base_lemmas("mice"), db().look_up_base_lemmas("mice"));
    })
    .join()
    .unwrap();
}

#[test]
fn a_verb_causes_what_its_cause_pointers_name() {
    let db = db();
    let caused = |verb: &str| -> Vec<String> {
        db.senses(verb, Pos::Verb)
            .iter()
            .flat_map(|&s| db.causes(s))
            .flat_map(|c| db.lemma_names(c).map(str::to_string).collect::<Vec<_>>())
            .collect()
    };
    assert!(caused("kill").contains(&"die".to_string()));
    assert!(caused("raise").contains(&"rise".to_string()));
    assert!(caused("remind").contains(&"remember".to_string()));
    // Most verbs cause nothing by WordNet, and what is caused causes nothing back.
    assert!(caused("die").is_empty());
    assert!(caused("walk").is_empty());
}
