//! Every key kap answers to, in one table. The same table dispatches the
//! session's command keys (`action_for`), feeds the footer with the keys
//! that matter now, and is what `?` shows, so the three cannot drift.
//! Keys typed into a text field (the start screen, an editor, a dialog) are
//! handled by that field; their entries here document them (`action` is
//! `None`).

use ratatui::crossterm::event::{KeyCode, KeyEvent, KeyModifiers};

/// Where a key applies.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum Ctx {
    /// Anywhere in a session.
    Session,
    /// A phase with prompts.
    Prompts,
    /// The dosing phase.
    Dosing,
    /// The intentions phase.
    Intentions,
    /// The last phase.
    Last,
    /// An alert is waiting.
    Alert,
    /// A real session (sound plays).
    Real,
    /// Rehearsal only.
    Rehearsal,
    /// A rehearsal with a simulated patient and monitor.
    Simulator,
    /// The session folder vanished.
    Vanished,
    /// While editing text.
    Editing,
    /// The note dialog.
    Note,
    /// The start screen.
    Start,
    /// The closed screen.
    Closed,
}

/// Everything a key can ask of a session.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum Action {
    Leave,
    Help,
    NextTheme,
    EnterVitals,
    Note,
    Acknowledge,
    EndEarly,
    RecordMeasure,
    EditGoals,
    LookBack,
    Next,
    Close,
    Up,
    Down,
    Activate,
    Tick,
    ToggleChimes,
    VolumeUp,
    VolumeDown,
    NextTrack,
    Faster,
    Slower,
    PauseSimulation,
    CycleCuff,
    StartInfusion,
    PauseInfusion,
    StopInfusion,
    Music,
    CheckIn,
    StartDebrief,
    ChooseMusic,
    RecreateFolder,
    WithdrawConsent,
    NextAuthor,
    Timeline,
    Addendum,
    PauseAlarmSound,
}

impl Action {
    /// Every action, for the test that each has a key.
    pub const ALL: &'static [Action] = &[
        Action::Leave,
        Action::Help,
        Action::NextTheme,
        Action::EnterVitals,
        Action::Note,
        Action::Acknowledge,
        Action::EndEarly,
        Action::RecordMeasure,
        Action::EditGoals,
        Action::LookBack,
        Action::Next,
        Action::Close,
        Action::Up,
        Action::Down,
        Action::Activate,
        Action::Tick,
        Action::ToggleChimes,
        Action::VolumeUp,
        Action::VolumeDown,
        Action::NextTrack,
        Action::Faster,
        Action::Slower,
        Action::PauseSimulation,
        Action::CycleCuff,
        Action::StartInfusion,
        Action::PauseInfusion,
        Action::StopInfusion,
        Action::Music,
        Action::CheckIn,
        Action::StartDebrief,
        Action::ChooseMusic,
        Action::RecreateFolder,
        Action::WithdrawConsent,
        Action::NextAuthor,
        Action::Timeline,
        Action::Addendum,
        Action::PauseAlarmSound,
    ];
}

/// A key as the table matches it: its code, and whether Ctrl is held.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub struct Key(pub KeyCode, pub bool);

const fn ch(c: char) -> Key {
    Key(KeyCode::Char(c), false)
}

const fn ctrl(c: char) -> Key {
    Key(KeyCode::Char(c), true)
}

pub struct Binding {
    /// The keys, as matched.
    pub keys: &'static [Key],
    /// The keys, as shown.
    pub shown: &'static str,
    pub label: &'static str,
    pub ctx: Ctx,
    /// Shown in the footer (the rest only in help).
    pub footer: bool,
    /// What the key does in a session; `None` where a text field or dialog
    /// handles it.
    pub action: Option<Action>,
}

const fn b(
    keys: &'static [Key],
    shown: &'static str,
    label: &'static str,
    ctx: Ctx,
    footer: bool,
    action: Option<Action>,
) -> Binding {
    Binding {
        keys,
        shown,
        label,
        ctx,
        footer,
        action,
    }
}

use Action as A;
use Ctx as C;

pub const BINDINGS: &[Binding] = &[
    b(
        &[ch('a')],
        "a",
        "acknowledge alert",
        C::Alert,
        true,
        Some(A::Acknowledge),
    ),
    b(
        &[ch('z')],
        "z",
        "alarm sound: pause (capped, asks why) or resume",
        C::Alert,
        true,
        Some(A::PauseAlarmSound),
    ),
    b(
        &[ch('R')],
        "R",
        "re-create the vanished session folder",
        C::Vanished,
        true,
        Some(A::RecreateFolder),
    ),
    b(
        &[ch('s')],
        "s",
        "start",
        C::Dosing,
        true,
        Some(A::StartInfusion),
    ),
    b(
        &[ch('p')],
        "p",
        "pause/resume",
        C::Dosing,
        true,
        Some(A::PauseInfusion),
    ),
    b(
        &[ch('x')],
        "x",
        "stop early",
        C::Dosing,
        true,
        Some(A::StopInfusion),
    ),
    b(
        &[ch('m')],
        "m",
        "music on/off",
        C::Dosing,
        true,
        Some(A::Music),
    ),
    b(
        &[ch('c')],
        "c",
        "check-in done",
        C::Dosing,
        false,
        Some(A::CheckIn),
    ),
    b(
        &[ch('d')],
        "d",
        "start debrief now",
        C::Dosing,
        false,
        Some(A::StartDebrief),
    ),
    b(
        &[ch('m')],
        "m",
        "music or support",
        C::Intentions,
        true,
        Some(A::ChooseMusic),
    ),
    b(
        &[ch('C')],
        "C",
        "close session",
        C::Last,
        true,
        Some(A::Close),
    ),
    b(
        &[Key(KeyCode::Enter, false)],
        "Enter",
        "answer/tick",
        C::Prompts,
        true,
        Some(A::Activate),
    ),
    b(
        &[Key(KeyCode::Up, false), ch('k')],
        "↑ ↓",
        "choose a prompt",
        C::Prompts,
        false,
        Some(A::Up),
    ),
    b(
        &[Key(KeyCode::Down, false), ch('j')],
        "",
        "",
        C::Prompts,
        false,
        Some(A::Down),
    ),
    b(
        &[ch(' ')],
        "Space",
        "tick or untick",
        C::Prompts,
        false,
        Some(A::Tick),
    ),
    b(
        &[Key(KeyCode::Right, false), ch(']')],
        "→",
        "next phase",
        C::Session,
        true,
        Some(A::Next),
    ),
    b(
        &[ch('v')],
        "v",
        "vitals",
        C::Session,
        true,
        Some(A::EnterVitals),
    ),
    b(&[ch('n')], "n", "note", C::Session, true, Some(A::Note)),
    b(&[ch('?')], "?", "help", C::Session, true, Some(A::Help)),
    b(
        &[Key(KeyCode::Left, false), ch('[')],
        "←",
        "look back at earlier phases",
        C::Session,
        false,
        Some(A::LookBack),
    ),
    b(
        &[ch('r')],
        "r",
        "record a timed measure that is due",
        C::Session,
        false,
        Some(A::RecordMeasure),
    ),
    b(
        &[ch('E')],
        "E",
        "end session early (asks a reason)",
        C::Session,
        false,
        Some(A::EndEarly),
    ),
    b(
        &[ch('L')],
        "L",
        "timeline: everything in order; correct an entry",
        C::Session,
        false,
        Some(A::Timeline),
    ),
    b(
        &[ch('w')],
        "w",
        "who is entering: the next clinician present",
        C::Session,
        false,
        Some(A::NextAuthor),
    ),
    b(
        &[ch('W')],
        "W",
        "consent withdrawn (stops the infusion; asks a reason)",
        C::Session,
        false,
        Some(A::WithdrawConsent),
    ),
    b(
        &[ch('g')],
        "g",
        "edit the course's goals",
        C::Session,
        false,
        Some(A::EditGoals),
    ),
    b(
        &[ch('t')],
        "t",
        "next theme",
        C::Session,
        false,
        Some(A::NextTheme),
    ),
    b(
        &[ch('h')],
        "h",
        "chimes on / off (due vitals, alerts)",
        C::Session,
        false,
        Some(A::ToggleChimes),
    ),
    b(
        &[ch('>')],
        ">",
        "next track",
        C::Session,
        false,
        Some(A::NextTrack),
    ),
    b(
        &[ctrl('q')],
        "Ctrl-Q",
        "leave kap (session stays open)",
        C::Session,
        false,
        Some(A::Leave),
    ),
    b(
        &[ch('+'), ch('=')],
        "+ −",
        "music volume",
        C::Real,
        false,
        Some(A::VolumeUp),
    ),
    b(&[ch('-')], "", "", C::Real, false, Some(A::VolumeDown)),
    b(
        &[ch('+'), ch('=')],
        "+ −",
        "simulated time faster / slower",
        C::Rehearsal,
        false,
        Some(A::Faster),
    ),
    b(&[ch('-')], "", "", C::Rehearsal, false, Some(A::Slower)),
    b(
        &[ctrl('p')],
        "Ctrl-P",
        "pause / resume simulated time",
        C::Rehearsal,
        false,
        Some(A::PauseSimulation),
    ),
    b(
        &[ch('b')],
        "b",
        "cycle the monitor's BP cuff",
        C::Simulator,
        false,
        Some(A::CycleCuff),
    ),
    b(&[ctrl('s')], "Ctrl-S", "save text", C::Editing, true, None),
    b(
        &[Key(KeyCode::Esc, false)],
        "Esc",
        "stop editing (asks before discarding)",
        C::Editing,
        true,
        None,
    ),
    b(
        &[Key(KeyCode::Enter, false)],
        "Enter",
        "new line",
        C::Editing,
        false,
        None,
    ),
    b(
        &[Key(KeyCode::Enter, false)],
        "Enter",
        "save the note",
        C::Note,
        false,
        None,
    ),
    b(
        &[],
        "Tab",
        "to the quick tags and back; Space ticks one",
        C::Note,
        false,
        None,
    ),
    b(
        &[],
        "1–8",
        "in the tag row: tick that tag (typed text is always text)",
        C::Note,
        false,
        None,
    ),
    b(
        &[Key(KeyCode::Tab, false)],
        "Tab ↑ ↓",
        "next / previous field",
        C::Start,
        true,
        None,
    ),
    b(
        &[Key(KeyCode::Enter, false)],
        "Enter",
        "start",
        C::Start,
        true,
        None,
    ),
    b(
        &[ch('A')],
        "A",
        "addendum to the signed record (asks the text and why)",
        C::Closed,
        true,
        Some(A::Addendum),
    ),
    b(
        &[ch('L')],
        "L",
        "timeline",
        C::Closed,
        true,
        Some(A::Timeline),
    ),
    b(
        &[ctrl('r')],
        "Ctrl-R",
        "resume the unfinished session shown",
        C::Start,
        true,
        None,
    ),
    b(
        &[Key(KeyCode::Esc, false)],
        "Esc",
        "leave kap",
        C::Start,
        true,
        None,
    ),
];

/// The action a key asks for in the given contexts: the first binding, in
/// table order, of an active context that holds the key.
pub fn action_for(ctxs: &[Ctx], key: &KeyEvent) -> Option<Action> {
    let ctrl = key.modifiers.contains(KeyModifiers::CONTROL);
    BINDINGS
        .iter()
        .filter(|b| ctxs.contains(&b.ctx))
        .find(|b| b.keys.contains(&Key(key.code, ctrl)))
        .and_then(|b| b.action)
}

/// Bindings as shown: the second half of a pair ("↑ ↓", "+ −") folds into
/// the first.
pub fn shown() -> impl Iterator<Item = &'static Binding> {
    BINDINGS.iter().filter(|b| !b.shown.is_empty())
}

/// Footer entries for the given contexts, in table order.
pub fn footer(ctxs: &[Ctx]) -> Vec<(&'static str, &'static str)> {
    shown()
        .filter(|b| b.footer && ctxs.contains(&b.ctx))
        .map(|b| (b.shown, b.label))
        .collect()
}

pub fn title(ctx: Ctx) -> &'static str {
    match ctx {
        Ctx::Session => "Anywhere in a session",
        Ctx::Prompts => "Prompts",
        Ctx::Dosing => "Infusion",
        Ctx::Intentions => "Intentions",
        Ctx::Last => "Discharge",
        Ctx::Alert => "Alerts",
        Ctx::Real => "Real sessions",
        Ctx::Rehearsal => "Rehearsal",
        Ctx::Simulator => "Rehearsal with a scenario",
        Ctx::Vanished => "Session folder gone",
        Ctx::Editing => "Editing text",
        Ctx::Note => "Note",
        Ctx::Start => "Start screen",
        Ctx::Closed => "Closed session",
    }
}

/// Help's pages for a screen `rows` high: lines a page, and pages. Help
/// lists a title for each context with keys, then a line for each key.
pub fn help_pages(rows: u16) -> (usize, usize) {
    let lines = HELP_ORDER
        .iter()
        .map(|&c| match shown().filter(|b| b.ctx == c).count() {
            0 => 0,
            n => n + 1,
        })
        .sum::<usize>();
    // Border above and below, and the page line.
    let per_page = usize::from(rows.saturating_sub(3)).max(1);
    (per_page, lines.div_ceil(per_page).max(1))
}

/// The order help lists the contexts in.
pub const HELP_ORDER: &[Ctx] = &[
    Ctx::Alert,
    Ctx::Session,
    Ctx::Prompts,
    Ctx::Dosing,
    Ctx::Intentions,
    Ctx::Last,
    Ctx::Editing,
    Ctx::Note,
    Ctx::Real,
    Ctx::Rehearsal,
    Ctx::Simulator,
    Ctx::Vanished,
    Ctx::Start,
    Ctx::Closed,
];

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
    ("note", A::Note),
    ("measure", A::RecordMeasure),
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
];

/// The action a screen-reader word asks for.
pub fn action_for_word(word: &str) -> Option<Action> {
    let w = word.to_lowercase();
    WORDS.iter().find(|(k, _)| *k == w).map(|&(_, a)| a)
}

/// What an action does, as the key table says it (the second half of a
/// folded pair, "+ −", has its first half's label).
pub fn label_of(action: Action) -> Option<&'static str> {
    let i = BINDINGS.iter().position(|b| b.action == Some(action))?;
    BINDINGS[..=i]
        .iter()
        .rev()
        .find(|b| !b.label.is_empty())
        .map(|b| b.label)
}
