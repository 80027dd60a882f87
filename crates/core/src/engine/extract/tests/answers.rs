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
        ("Is it raining?", "Yes.", Nothing),
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
