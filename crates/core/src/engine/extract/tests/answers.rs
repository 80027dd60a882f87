//! Answers about the bundled defection story, and questions a sentence does not answer.

use super::*;

/// The defection story bundled with the bot: every kind of question.
#[test]
fn answers_about_the_defection_story() {
    check(&[
        (
            "How many warning shots were fired?",
            NK,
            Is("Up to 20 warning shots."),
        ),
        ("How old was the soldier?", NK_AGE, Is("Reportedly 19.")),
        (
            "When did the soldier arrive?",
            NK_AGE,
            Is("On Thursday morning."),
        ),
        (
            "What time did the soldier arrive?",
            NK_AGE,
            Is("Just after 8am."),
        ),
        (
            "Where did the soldier arrive?",
            NK_AGE,
            Is("At a front-line South Korean guard post."),
        ),
        (
            "Were shots fired when the soldier crossed?",
            NK_SHOTS,
            Is("No shots were fired."),
        ),
        (
            "What gun fired the rounds?",
            NK_ROUNDS,
            Is("A K-3 machine gun."),
        ),
        // A gun's model is no one: the sentence names no shooter.
        ("Who fired the shots?", NK_ROUNDS, Not("K-3.")),
        (
            "Why were the rounds fired?",
            NK_ROUNDS,
            Is("To warn off a patrol of North Korean soldiers."),
        ),
        (
            "How long after the crossing were rounds fired?",
            NK_ROUNDS,
            Is("Around 90 minutes later."),
        ),
        (
            "How many rounds were fired?",
            NK_ROUNDS,
            Is("About 20 rounds."),
        ),
        (
            "What was heard in the North?",
            NK_BURSTS,
            Is("Two bursts of gunfire."),
        ),
        (
            "Did bullets cross the border?",
            NK_BURSTS,
            Has("no indications of any bullets crossing the border"),
        ),
        (
            "What did the soldier crash his jeep into?",
            NK_JEEP,
            Has("a ditch"),
        ),
        (
            "How many victims did WannaCry have?",
            NK_HACK,
            Is("More than 200,000 victims."),
        ),
        (
            "How many countries did WannaCry hit?",
            NK_HACK,
            Is("Around 150 countries."),
        ),
        (
            "Who did the US blame for WannaCry?",
            NK_HACK,
            Is("North Korea."),
        ),
        (
            "When was the photo taken?",
            NK_PHOTO,
            Is("On November 27, 2017."),
        ),
        (
            "Where were the soldiers staring?",
            NK_PHOTO,
            Is("At the truce village of Panmunjom."),
        ),
        // The question's own number is not an answer.
        (
            "How many victims were in the 150 countries?",
            NK_HACK,
            Is("More than 200,000 victims."),
        ),
    ]);
}

/// Questions whose sentence holds no span of the kind asked for.
#[test]
fn no_answer_without_a_fitting_span() {
    check(&[
        (
            "How many soldiers defected?",
            "The soldier defected across the border in heavy fog.",
            Nothing,
        ),
        (
            "How much did the jets cost?",
            "Emirates finalized a deal to purchase Boeing jets.",
            Nothing,
        ),
        (
            "How old was the soldier?",
            "A low-ranking soldier arrived at a guard post.",
            Nothing,
        ),
        (
            "What percentage of voters agreed?",
            "Most voters agreed with the proposal.",
            Nothing,
        ),
        // A count is no share: "8,558 families" does not say what percentage.
        (
            "What percentage of the population was White?",
            "At the 2010 United States Census, there were 39,558 people, 15,504 households, and 8,558 families residing in the city.",
            Nothing,
        ),
        ("Is it raining?", "Yes.", Nothing),
        // The glue "In" is the sentence's own word: "In 2017." would be all of it.
        ("How long ?", "in , 2017.", Nothing),
    ]);
}

/// An ordinal counts for "how many" when the sentence holds no amount.
#[test]
fn an_ordinal_answers_how_many() {
    const FOURTH: &str = "The defection is the fourth time this year a North Korean soldier has fled across the world's most heavily armed border.";
    const SECOND: &str = "It is the second defection of a North Korean solider in just over a month and comes amid heightened tensions.";
    const LAUNCH: &str = "It was Russia's third botched launch in two years.";
    const FIRST: &str =
        "It was the North's first response since the United States publicly blamed it.";
    check(&[
        (
            "How many times this year has a North Korean soldier fled?",
            FOURTH,
            Is("The fourth time."),
        ),
        (
            "how many soldiers defected in a month",
            SECOND,
            Is("The second defection."),
        ),
        // A spelled amount near the question's words comes first.
        (
            "how many failed launches in two years",
            LAUNCH,
            Has("third"),
        ),
        // "yrs" is "years": "two years" is the question's own span.
        (
            "how many failed russian launches in the last 2 yrs?",
            LAUNCH,
            Has("third"),
        ),
        // "First" counts nothing.
        ("how many responses did the North make", FIRST, Nothing),
    ]);
}

/// A small number the question writes in digits is the sentence's spelled
/// one: it says what the question does, not the answer.
#[test]
fn a_number_in_digits_is_the_same_number_spelled() {
    const LAUNCH: &str = "It was Russia's third botched launch in two years.";
    check(&[
        (
            "how many failed russian launches in the last 2 years?",
            LAUNCH,
            Has("third"),
        ),
        (
            "how many failed launches in the last two years",
            LAUNCH,
            Has("third"),
        ),
    ]);
}

/// "What kind of boat?" asks for what makes the boat a kind: the words the
/// sentence writes before it, commas between adjectives included.
#[test]
fn a_kind_is_the_focus_with_what_makes_it_one() {
    const BOAT: &str = "Two North Korean civilians also defected this week and were found drifting in an old, engineless boat off the South's eastern coast, Yonhap news agency said.";
    const ROAD: &str = "A dramatic video showed the soldier speeding down a tree-lined road, headlights on, past dun-coloured fields and shocked North Korean soldiers, who begin to run after him.";
    check(&[
        (
            "What kind of boat were the civilians found in?",
            BOAT,
            Is("An old, engineless boat."),
        ),
        (
            "What sort of road did he drive along?",
            ROAD,
            Is("A tree-lined road."),
        ),
        (
            "What kind of fields did the soldier speed past?",
            ROAD,
            Is("Dun-coloured fields."),
        ),
        (
            "What type of machine gun fired the rounds?",
            NK_ROUNDS,
            Is("A K-3 machine gun."),
        ),
        (
            "What kind of border did the soldier cross?",
            NK,
            Is("The heavily militarised border."),
        ),
    ]);
}

/// "How is the border described?" asks what "what kind of border?" asks,
/// passive or active, of the thing after "how is" or after the verb.
#[test]
fn how_a_thing_is_described_is_its_kind() {
    const KCNA: &str = "\"We have nothing to do with cyber attack and we do not feel a need to respond to such absurd allegations of the U.S.,\" the spokesman said.";
    check(&[
        (
            "How is the border the soldier crossed described?",
            NK,
            Is("The heavily militarised border."),
        ),
        (
            "How did North Korea describe the US allegations?",
            KCNA,
            Is("Absurd allegations."),
        ),
        (
            "What did North Korea call the US accusations?",
            KCNA,
            Is("Absurd allegations."),
        ),
        (
            "What does the article call the border?",
            NK,
            Is("The heavily militarised border."),
        ),
        (
            "How was the defection described?",
            "It was the rare and dramatic defection of a soldier.",
            Has("dramatic defection"),
        ),
    ]);
}

/// "Which penguin?": the focus written with the words that name the one
/// meant (a capital or a digit), not a mere description.
#[test]
fn which_thing_is_the_focus_as_its_name_marks_it() {
    const PENGUINS: &str = "The emperor penguin breeds in the winter, while the Adélie penguin is found farther south than any other penguin.";
    check(&[
        (
            "Which machine gun fired the rounds?",
            NK_ROUNDS,
            Is("A K-3 machine gun."),
        ),
        (
            "Which penguin is found farthest to the south?",
            PENGUINS,
            Is("The Adélie penguin."),
        ),
        (
            "Which console did the reviewers prefer?",
            "Most reviewers preferred the cheaper, faster PlayStation 4 Pro console to its rival.",
            Is("PlayStation 4 Pro console."),
        ),
        (
            // A name before the noun leaves the focus its head.
            "Which HTC Vive launch game might be the best of the VR ports?",
            "There are a number of good VR ports in the PSVR launch lineup, but the HTC Vive launch game “Job Simulator” might be the best.",
            Is("Job Simulator."),
        ),
    ]);
}

/// "What is it called?" is answered with the name a naming verb gives.
#[test]
fn a_name_asked_for_is_the_one_the_sentence_gives() {
    const FEUDS: &str = "Outside of performance, these are referred to as feuds.";
    const CASTROS: &str = "The Gallaeci lived in fortified hill settlements known as castros.";
    const KINGDOM: &str =
        "Along the coast a state called the Kingdom of Mrauk U became dominant in 1430.";
    const TERM: &str =
        "An alloy whose small atoms fit into the gaps of another is called an interstitial alloy.";
    const SONG: &str =
        "His first single after winning was named \"Do I Make You Proud\" and topped the chart.";
    check(&[
        ("What are rivalries often called?", FEUDS, Is("Feuds.")),
        (
            "What were the forts that the Gallaeci lived in called?",
            CASTROS,
            Is("Castros."),
        ),
        (
            "What is the name of the kingdom that became dominant along the coast?",
            KINGDOM,
            Is("The Kingdom of Mrauk U."),
        ),
        (
            "What is the term for an alloy whose atoms fit into gaps?",
            TERM,
            Is("An interstitial alloy."),
        ),
        (
            "What was the name of his first single?",
            SONG,
            Is("Do I Make You Proud."),
        ),
    ]);
}

/// "What did he say?" is answered with what he said: the sentence's
/// quotation, not its reporting frame ("said in a news release").
#[test]
fn what_someone_said_is_the_quotation() {
    const RELEASE: &str = "“As alleged, the defendants had a duty to ensure the safety of federal inmates,” Geoffrey Berman, the U.S. attorney, said in a news release.";
    const KCNA: &str = "\"As we have clearly stated on several occasions, we have nothing to do with cyber attack,\" the spokesman said, according to the North's official KCNA news agency.";
    check(&[
        (
            "What did the U.S. attorney say in a news release?",
            RELEASE,
            Is("As alleged, the defendants had a duty to ensure the safety of federal inmates."),
        ),
        (
            "what did the spokesman tell KCNA",
            KCNA,
            Is("As we have clearly stated on several occasions, we have nothing to do with cyber attack."),
        ),
        // Who said it is not what was said.
        ("Who said it in a news release?", RELEASE, Has("Geoffrey Berman")),
    ]);
}

/// A degree after a name is one word ("Ph.D.", as "U.S."), not a name listed
/// beside it and cut at its first dot ("Michael Shadlen, Ph.").
#[test]
fn a_degree_after_a_name_is_one_word() {
    const LED: &str = "The scientists were led by Michael Shadlen, Ph.D., of Columbia University's Mortimer B. Zuckerman Mind Brain Behavior Institute, and the findings were published in the journal Current Biology.";
    check(&[("Who led the scientists?", LED, Is("Michael Shadlen, Ph.D."))]);
}

/// A British spelling is read as WordNet's American one ("colour" as
/// "color"): the colour of the huts is "the blue", not a stretch beside them.
#[test]
fn a_british_spelling_asks_what_the_american_one_asks() {
    check(&[(
        "What colour are the huts near the dividing line?",
        NK_JEEP,
        Is("The blue."),
    )]);
}

/// "Which military body" asks for an organisation, though WordNet's first
/// "body" is the human body; "which body of water" does not.
#[test]
fn an_organisation_noun_asks_for_an_organisation() {
    const TALLY: &str = "The developments bring this year's total for the number of people defecting directly to the South to 15, a Joint Chiefs of Staff tally showed - three times as many as in 2016.";
    check(&[
        (
            "Which military body counted the defectors?",
            TALLY,
            Is("Joint Chiefs of Staff."),
        ),
        (
            "Which organisation counted the defectors?",
            TALLY,
            Is("Joint Chiefs of Staff."),
        ),
    ]);
    let body_of = question::Parsed::of("Which body of water lies east of the city?");
    assert_ne!(body_of.question().wanted, Some(Wanted::Organisation));
}

/// A question asking for several things gets the names listed together,
/// not the first alone; one asking for one thing gets one.
#[test]
fn several_things_asked_are_the_names_listed() {
    const PROMENADES: &str =
        "New Delhi is structured around two central promenades called the Rajpath and the Janpath.";
    const INTEREST: &str = "The ministry announced that there was interest from various countries (including Norway and the United States) in exploration.";
    check(&[
        (
            "What are the names of the two central promenades of New Delhi?",
            PROMENADES,
            Is("The Rajpath and the Janpath."),
        ),
        (
            "What countries have expressed interest in exploration?",
            INTEREST,
            Is("Norway and the United States."),
        ),
        (
            "What country has expressed interest in exploration?",
            INTEREST,
            Not("Norway and the United States."),
        ),
    ]);
}

/// An answer of the question's own words says nothing: none is given (the
/// reply shows the sentence), unless the phrase beside them says more.
#[test]
fn an_answer_of_the_questions_own_words_is_none() {
    const RECORD: &str = "The single, \"A Moment Like This\", went on to break a 38-year-old record held by the Beatles for the biggest leap to number one on the Billboard Hot 100.";
    const SAFEHOUSE: &str = "An MI6 safehouse is called \"Hildebrand Rarities and Antiques\", a reference to the short story \"The Hildebrand Rarity\" from the For Your Eyes Only short story collection.";
    check(&[
        (
            "Which record did the song break, which was the biggest leap to the top of the Billboard Hot 100?",
            RECORD,
            Nothing,
        ),
        (
            "What short story inspired the name Hildebrand Rarities and Antiques?",
            SAFEHOUSE,
            Has("The Hildebrand Rarity"),
        ),
    ]);
}

/// A yes/no answer is cut to fifteen words only when no word the question
/// asks about lies past the cut, and never ends on a word leading on.
#[test]
fn a_long_clause_keeps_what_is_asked_and_ends_whole() {
    check(&[
        (
            "Does North Korea feel a need to respond to each allegation?",
            "\"As we have clearly stated on several occasions, we have nothing to do with cyber attack and we do not feel a need to respond, on a case-by-case basis, to such absurd allegations of the U.S.,\" the spokesman said.",
            Has("a need to respond"),
        ),
        (
            "did they fire any rounds later",
            NK_ROUNDS,
            Is("Yes: around 90 minutes later about 20 rounds from a K-3 machine gun were fired."),
        ),
    ]);
}

/// A place named with a possessive is the part of it the sentence names.
#[test]
fn a_place_is_the_part_of_it_named() {
    check(&[
        (
            "Where was the boat found?",
            "Two North Korean civilians also defected this week and were found drifting in an old, engineless boat off the South's eastern coast, Yonhap news agency said.",
            Is("Off the South's eastern coast."),
        ),
        (
            "Where did the ship crash?",
            "The ship crashed near France's northern coast after a storm.",
            Is("Near France's northern coast."),
        ),
    ]);
}

/// Who did a thing the sentence writes in the passive is its agent.
#[test]
fn who_did_it_is_the_agent_of_the_passive() {
    check(&[
        (
            "Who was holding the baby wrapped in the flag in the photo?",
            "The photo, from a military family’s newborn photo shoot, showed a newborn infant wrapped in an American flag held by his father, who was in his military uniform.",
            Is("His father."),
        ),
        (
            "Who fired the shots?",
            "The shots were fired by guards at the post.",
            Has("guards"),
        ),
    ]);
}

/// A year before a noun is the noun's, and so is the article before it.
#[test]
fn a_year_before_a_noun_leaves_it_the_article() {
    check(&[
        (
            "When was the book published?",
            "In the 2012 book L'être et le Néon, which has been newly translated into English by Michael Wells, the philosopher Luis de Miranda weaves a history of neon lighting.",
            Is("In 2012."),
        ),
        (
            "When did the war end?",
            "The war ended in the 1950s after years of fighting.",
            Is("In the 1950s."),
        ),
        (
            "When did the shop open?",
            "The shop opened in 1998 in a former bank.",
            Is("In 1998."),
        ),
    ]);
}

/// A span that stops on a word asking for more ("... known statewide as.",
/// "... the production of a.") is no short answer: the reply shows the
/// sentence. A phrase ending on a month stays one.
#[test]
fn a_span_stopping_short_is_no_answer() {
    const RAILBELT: &str = "The cities, towns, villages, and region served by ARR tracks are known statewide as \"The Railbelt\".";
    const EDITION: &str =
        "The textual critic's ultimate objective is the production of a \"critical edition\".";
    check(&[
        ("To what does \"The Railbelt\" refer?", RAILBELT, Nothing),
        (
            "What is included in or accompanies in \"critical edition\"?",
            EDITION,
            Nothing,
        ),
        (
            "When did WannaCry spread?",
            "Businesses, schools and hospitals including the NHS were brought to their knees by the malicious software after it spread in May.",
            Is("In May."),
        ),
    ]);
}

#[test]
fn us_in_capitals_is_a_place_named() {
    check(&[(
        "Which nation pointed the finger at the North over the hack?",
        NK_HACK,
        Is("The US."),
    )]);
    // Not the pronoun: the focus goes on past it.
    assert_eq!(
        wanted_of("Which US official blamed North Korea?"),
        Some(Wanted::Person)
    );
}
