//! The screen-reader mode's words for the key table's actions.

use super::{Action, BINDINGS};
use Action as A;

/// The words the screen-reader mode reads for the same actions, in the
/// order its help lists them. Actions without a word are what a full
/// screen alone needs (moving a highlight, switching colours), or what the
/// mode asks for in its own form (`vitals …`, `goals …`, a prompt's
/// number): see [`SCREEN_ONLY`].
pub const WORDS: &[(&str, Action)] = &[
    ("ack", A::Acknowledge),
    ("next", A::Next),
    ("back", A::LookBack),
    ("close", A::Close),
    ("end", A::EndEarly),
    ("withdraw", A::WithdrawConsent),
    ("who", A::NextAuthor),
    ("audio", A::PauseAlarmSound),
    ("timeline", A::Timeline),
    ("addendum", A::Addendum),
    ("cosign", A::CoSign),
    ("note", A::Note),
    ("meds", A::Medication),
    ("risk", A::RiskScreen),
    ("plan", A::SafetyPlan),
    ("measure", A::RecordMeasure),
    ("questionnaire", A::SelfReport),
    ("start", A::StartInfusion),
    ("pause", A::PauseInfusion),
    ("stop", A::StopInfusion),
    ("music", A::Music),
    ("choose", A::ChooseMusic),
    ("checkin", A::CheckIn),
    ("debrief", A::StartDebrief),
    ("chimes", A::ToggleChimes),
    ("louder", A::VolumeUp),
    ("softer", A::VolumeDown),
    ("track", A::NextTrack),
    ("cuff", A::CycleCuff),
    ("faster", A::Faster),
    ("slower", A::Slower),
    ("freeze", A::PauseSimulation),
    ("recreate", A::RecreateFolder),
    ("confirm", A::ConfirmReading),
    ("confirmall", A::ConfirmAllReadings),
    ("reject", A::RejectReading),
    ("help", A::Help),
    ("quit", A::Leave),
];

/// Actions the screen-reader mode has no word for, and why.
pub const SCREEN_ONLY: &[(Action, &str)] = &[
    (A::Up, "prompts are chosen by number"),
    (A::Down, "prompts are chosen by number"),
    (A::Activate, "a prompt's number answers it"),
    (A::Tick, "a check prompt's number ticks it"),
    (A::EnterVitals, "a line like 128/82 76 97 is a vitals set"),
    (
        A::EditGoals,
        "goals are typed as: goals first; second; third",
    ),
    (A::NextTheme, "the transcript has no colours"),
    (
        A::PreviousEvent,
        "a replay's transcript has its own words (REPLAY_WORDS)",
    ),
    (
        A::NextEvent,
        "a replay's transcript has its own words (REPLAY_WORDS)",
    ),
    (
        A::Branch,
        "a replay's transcript has its own words (REPLAY_WORDS)",
    ),
];

/// The start screen's commands, in the order its help names them.
pub const START_WORDS: &[&str] = &[
    "patient",
    "session",
    "weight",
    "mgkg",
    "clinician",
    "start",
    "resume",
    "visit",
    "quit",
    "help",
];

/// The mode's own words in a session besides the key table's (answering,
/// reading back, correcting).
pub const MODE_WORDS: &[&str] = &[
    "vitals", "answer", "note", "tag", "goals", "time", "status", "void", "correct", "addendum",
    "monitor", "cancel",
];

/// A replay's own words in the screen-reader mode, besides the key
/// table's (`pause`, `next`, `faster`, `slower`, `quit`, `help`).
pub const REPLAY_WORDS: &[&str] = &[
    "play", "previous", "jump", "at", "entries", "more", "where", "branch",
];

/// A word typed in a replay's transcript as the English command it stands
/// for: the replay's own words first (so a word a language shares between
/// "previous entry" and "look back" means the entry there), then the
/// session's, as [`command_word`] finds them.
pub fn replay_word(typed: &str, lang: crate::i18n::Lang) -> String {
    let w = typed.to_lowercase();
    for english in REPLAY_WORDS {
        let local = crate::i18n::text(lang, &format!("reader-word-{english}"), None);
        if *english == w || local.split_whitespace().any(|l| l.to_lowercase() == w) {
            return english.to_string();
        }
    }
    command_word(typed, lang)
}

/// A typed word as the English command it stands for: the English word
/// itself, or the given language's word for it (`reader-word-…` in the
/// catalogue, alternatives separated by spaces). Anything else is
/// returned lower-cased, as typed.
pub fn command_word(typed: &str, lang: crate::i18n::Lang) -> String {
    let w = typed.to_lowercase();
    let known = WORDS
        .iter()
        .map(|(k, _)| *k)
        .chain(START_WORDS.iter().copied())
        .chain(MODE_WORDS.iter().copied());
    for english in known {
        if english == w {
            return w;
        }
        let local = crate::i18n::text(lang, &format!("reader-word-{english}"), None);
        if local.split_whitespace().any(|l| l.to_lowercase() == w) {
            return english.to_string();
        }
    }
    w
}

/// The word to type for an English command word, in the language given
/// (the first alternative).
pub fn shown_word(english: &str, lang: crate::i18n::Lang) -> String {
    let local = crate::i18n::text(lang, &format!("reader-word-{english}"), None);
    local
        .split_whitespace()
        .next()
        .map_or_else(|| english.to_string(), str::to_string)
}

/// The action a screen-reader word asks for.
pub fn action_for_word(word: &str, lang: crate::i18n::Lang) -> Option<Action> {
    let w = command_word(word, lang);
    WORDS.iter().find(|(k, _)| *k == w).map(|&(_, a)| a)
}

/// What an action does, as the key table says it (the second half of a
/// folded pair, "+ −", has its first half's label).
pub fn label_of(action: Action, lang: crate::i18n::Lang) -> Option<String> {
    let i = BINDINGS.iter().position(|b| b.action == Some(action))?;
    BINDINGS[..=i]
        .iter()
        .rev()
        .find(|b| !b.label.is_empty())
        .map(|b| b.text(lang))
}
