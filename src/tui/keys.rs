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
    /// A replay (`kap replay`): read-only.
    Replay,
    /// The dosing phase, the infusion not yet started (a state, not a
    /// group of keys: see [`Binding::only`]).
    InfusionIdle,
    /// The dosing phase, the infusion running or paused.
    InfusionUnderWay,
    /// A dialog that asks for typed text (a reason, a value, what was
    /// done for an alarm, a correction or an addendum).
    Dialog,
    /// A yes-or-no question (leaving, signing, ending early).
    Confirm,
    /// Leaving the editor with unsaved changes.
    Discard,
    /// The timeline.
    Timeline,
    /// The music or support choice.
    Music,
    /// Help (`?`).
    Help,
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
    /// What the key does: a message id (`key-…`); see [`Binding::text`].
    pub label: &'static str,
    pub ctx: Ctx,
    /// Shown in the footer (the rest only in help).
    pub footer: bool,
    /// What the key does in a session; `None` where a text field or dialog
    /// handles it.
    pub action: Option<Action>,
    /// Offered in the footer only in this state as well (`s start` while
    /// the infusion has not started). The key still answers, with a
    /// refusal that says why, in any state of its context.
    pub only: Option<Ctx>,
}

impl Binding {
    const fn when(mut self, state: Ctx) -> Binding {
        self.only = Some(state);
        self
    }
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
        only: None,
    }
}

use Action as A;
use Ctx as C;

pub const BINDINGS: &[Binding] = &[
    b(
        &[ch('a')],
        "a",
        "key-acknowledge-alert",
        C::Alert,
        true,
        Some(A::Acknowledge),
    ),
    b(
        &[ch('z')],
        "z",
        "key-alarm-sound-pause-capped-asks-why",
        C::Alert,
        true,
        Some(A::PauseAlarmSound),
    ),
    b(
        &[ch('R')],
        "R",
        "key-re-create-the-vanished-session-folder",
        C::Vanished,
        true,
        Some(A::RecreateFolder),
    ),
    b(
        &[ch('s')],
        "s",
        "key-start",
        C::Dosing,
        true,
        Some(A::StartInfusion),
    )
    .when(C::InfusionIdle),
    b(
        &[ch('p')],
        "p",
        "key-pause-resume",
        C::Dosing,
        true,
        Some(A::PauseInfusion),
    )
    .when(C::InfusionUnderWay),
    b(
        &[ch('x')],
        "x",
        "key-stop-early",
        C::Dosing,
        true,
        Some(A::StopInfusion),
    )
    .when(C::InfusionUnderWay),
    b(
        &[ch('m')],
        "m",
        "key-music-on-off",
        C::Dosing,
        true,
        Some(A::Music),
    ),
    b(
        &[ch('c')],
        "c",
        "key-check-in-done",
        C::Dosing,
        false,
        Some(A::CheckIn),
    ),
    b(
        &[ch('d')],
        "d",
        "key-start-debrief-now",
        C::Dosing,
        false,
        Some(A::StartDebrief),
    ),
    b(
        &[ch('m')],
        "m",
        "key-music-or-support",
        C::Intentions,
        true,
        Some(A::ChooseMusic),
    ),
    b(
        &[ch('C')],
        "C",
        "key-close-session",
        C::Last,
        true,
        Some(A::Close),
    ),
    b(
        &[Key(KeyCode::Enter, false)],
        "Enter",
        "key-answer-tick",
        C::Prompts,
        true,
        Some(A::Activate),
    ),
    b(
        &[Key(KeyCode::Up, false), ch('k')],
        "↑ ↓",
        "key-choose-a-prompt",
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
        "key-tick-or-untick",
        C::Prompts,
        false,
        Some(A::Tick),
    ),
    b(
        &[Key(KeyCode::Right, false), ch(']')],
        "→",
        "key-next-phase",
        C::Session,
        true,
        Some(A::Next),
    ),
    b(
        &[ch('v')],
        "v",
        "key-vitals",
        C::Session,
        true,
        Some(A::EnterVitals),
    ),
    b(&[ch('n')], "n", "key-note", C::Session, true, Some(A::Note)),
    b(&[ch('?')], "?", "key-help", C::Session, true, Some(A::Help)),
    b(
        &[Key(KeyCode::Left, false), ch('[')],
        "←",
        "key-look-back-at-earlier-phases",
        C::Session,
        false,
        Some(A::LookBack),
    ),
    b(
        &[ch('r')],
        "r",
        "key-record-a-timed-measure-that-is",
        C::Session,
        false,
        Some(A::RecordMeasure),
    ),
    b(
        &[ch('E')],
        "E",
        "key-end-session-early-asks-a-reason",
        C::Session,
        false,
        Some(A::EndEarly),
    ),
    b(
        &[ch('L')],
        "L",
        "key-timeline-everything-in-order-correct-an",
        C::Session,
        false,
        Some(A::Timeline),
    ),
    b(
        &[ch('w')],
        "w",
        "key-who-is-entering-the-next-clinician",
        C::Session,
        false,
        Some(A::NextAuthor),
    ),
    b(
        &[ch('W')],
        "W",
        "key-consent-withdrawn-stops-the-infusion-asks",
        C::Session,
        false,
        Some(A::WithdrawConsent),
    ),
    b(
        &[ch('g')],
        "g",
        "key-edit-the-course-s-goals",
        C::Session,
        false,
        Some(A::EditGoals),
    ),
    b(
        &[ch('t')],
        "t",
        "key-next-theme",
        C::Session,
        false,
        Some(A::NextTheme),
    ),
    b(
        &[ch('h')],
        "h",
        "key-chimes-on-off-due-vitals-alerts",
        C::Session,
        false,
        Some(A::ToggleChimes),
    ),
    b(
        &[ch('>')],
        ">",
        "key-next-track",
        C::Session,
        false,
        Some(A::NextTrack),
    ),
    b(
        &[ctrl('q')],
        "Ctrl-Q",
        "key-leave-kap-session-stays-open",
        C::Session,
        false,
        Some(A::Leave),
    ),
    b(
        &[ch('+'), ch('=')],
        "+ −",
        "key-music-volume",
        C::Real,
        false,
        Some(A::VolumeUp),
    ),
    b(&[ch('-')], "", "", C::Real, false, Some(A::VolumeDown)),
    b(
        &[ch('+'), ch('=')],
        "+ −",
        "key-simulated-time-faster-slower",
        C::Rehearsal,
        false,
        Some(A::Faster),
    ),
    b(&[ch('-')], "", "", C::Rehearsal, false, Some(A::Slower)),
    b(
        &[ctrl('p')],
        "Ctrl-P",
        "key-pause-resume-simulated-time",
        C::Rehearsal,
        false,
        Some(A::PauseSimulation),
    ),
    b(
        &[ch('b')],
        "b",
        "key-cycle-the-monitor-s-bp-cuff",
        C::Simulator,
        false,
        Some(A::CycleCuff),
    ),
    b(
        &[ctrl('s')],
        "Ctrl-S",
        "key-save-text",
        C::Editing,
        true,
        None,
    ),
    b(
        &[Key(KeyCode::Esc, false)],
        "Esc",
        "key-stop-editing-asks-before-discarding",
        C::Editing,
        true,
        None,
    ),
    b(
        &[Key(KeyCode::Enter, false)],
        "Enter",
        "key-new-line",
        C::Editing,
        false,
        None,
    ),
    b(
        &[Key(KeyCode::Enter, false)],
        "Enter",
        "key-save-the-note",
        C::Note,
        true,
        None,
    ),
    b(
        &[],
        "Tab",
        "key-to-the-quick-tags-and-back",
        C::Note,
        true,
        None,
    ),
    b(
        &[],
        "1–9",
        "key-in-the-tag-row-tick-that",
        C::Note,
        true,
        None,
    ),
    b(
        &[Key(KeyCode::Esc, false)],
        "Esc",
        "key-dialog-cancel",
        C::Note,
        true,
        None,
    ),
    b(
        &[Key(KeyCode::Enter, false)],
        "Enter",
        "key-dialog-save",
        C::Dialog,
        true,
        None,
    ),
    b(
        &[Key(KeyCode::Tab, false)],
        "Tab",
        "key-dialog-other-field",
        C::Dialog,
        false,
        None,
    ),
    b(
        &[Key(KeyCode::Esc, false)],
        "Esc",
        "key-dialog-cancel",
        C::Dialog,
        true,
        None,
    ),
    b(
        &[ch('y'), ch('n')],
        "Yes No",
        "key-confirm-yes-no",
        C::Confirm,
        true,
        None,
    ),
    b(
        &[Key(KeyCode::Esc, false)],
        "Esc",
        "key-confirm-cancel",
        C::Confirm,
        true,
        None,
    ),
    b(
        &[ch('y')],
        "Yes",
        "key-discard-save",
        C::Discard,
        true,
        None,
    ),
    b(
        &[ch('d'), ch('n')],
        "d No",
        "key-discard-discard",
        C::Discard,
        true,
        None,
    ),
    b(
        &[Key(KeyCode::Esc, false)],
        "Esc",
        "key-discard-back",
        C::Discard,
        true,
        None,
    ),
    b(
        &[ch('e'), Key(KeyCode::Enter, false)],
        "e Enter",
        "key-timeline-correct",
        C::Timeline,
        true,
        None,
    ),
    b(
        &[Key(KeyCode::Esc, false), ch('q'), ch('L')],
        "Esc q L",
        "key-timeline-close",
        C::Timeline,
        true,
        None,
    ),
    b(
        &[Key(KeyCode::Up, false), Key(KeyCode::Down, false)],
        "↑ ↓ PgUp PgDn",
        "key-timeline-move",
        C::Timeline,
        true,
        None,
    ),
    b(
        &[Key(KeyCode::Tab, false)],
        "Tab",
        "key-timeline-filter",
        C::Timeline,
        true,
        None,
    ),
    b(
        &[Key(KeyCode::Home, false), Key(KeyCode::End, false)],
        "Home End",
        "key-timeline-ends",
        C::Timeline,
        false,
        None,
    ),
    b(
        &[Key(KeyCode::Up, false), Key(KeyCode::Down, false)],
        "↑ ↓",
        "key-music-move",
        C::Music,
        true,
        None,
    ),
    b(
        &[Key(KeyCode::Enter, false)],
        "Enter",
        "key-music-choose",
        C::Music,
        true,
        None,
    ),
    b(&[ch('p')], "p", "key-music-preview", C::Music, true, None),
    b(
        &[Key(KeyCode::Esc, false)],
        "Esc",
        "key-music-close",
        C::Music,
        true,
        None,
    ),
    b(
        &[
            Key(KeyCode::PageDown, false),
            ch(' '),
            Key(KeyCode::Down, false),
        ],
        "PgDn Space ↓",
        "key-help-next-page",
        C::Help,
        true,
        None,
    ),
    b(
        &[Key(KeyCode::PageUp, false), Key(KeyCode::Up, false)],
        "PgUp ↑",
        "key-help-previous-page",
        C::Help,
        true,
        None,
    ),
    b(
        &[Key(KeyCode::Esc, false)],
        "Esc",
        "key-help-close",
        C::Help,
        true,
        None,
    ),
    b(
        &[Key(KeyCode::Tab, false)],
        "Tab ↑ ↓",
        "key-next-previous-field",
        C::Start,
        true,
        None,
    ),
    b(
        &[Key(KeyCode::Enter, false)],
        "Enter",
        "key-start",
        C::Start,
        true,
        None,
    ),
    b(
        &[ch('A')],
        "A",
        "key-addendum-to-the-signed-record-asks",
        C::Closed,
        true,
        Some(A::Addendum),
    ),
    b(
        &[ch('L')],
        "L",
        "key-timeline",
        C::Closed,
        true,
        Some(A::Timeline),
    ),
    b(
        &[ch(' '), ctrl('p')],
        "Space",
        "key-replay-play-pause",
        C::Replay,
        true,
        Some(A::PauseSimulation),
    ),
    b(
        &[ch('+'), ch('=')],
        "+ −",
        "key-replay-faster-slower",
        C::Replay,
        true,
        Some(A::Faster),
    ),
    b(&[ch('-')], "", "", C::Replay, false, Some(A::Slower)),
    b(
        &[ch('[')],
        "[ ]",
        "key-replay-previous-next-entry",
        C::Replay,
        true,
        Some(A::PreviousEvent),
    ),
    b(&[ch(']')], "", "", C::Replay, false, Some(A::NextEvent)),
    b(
        &[ch('L')],
        "L",
        "key-replay-timeline",
        C::Replay,
        true,
        Some(A::Timeline),
    ),
    b(
        &[ch('B')],
        "B",
        "key-replay-branch",
        C::Replay,
        true,
        Some(A::Branch),
    ),
    b(
        &[ch('q'), ctrl('q')],
        "q",
        "key-replay-leave",
        C::Replay,
        true,
        Some(A::Leave),
    ),
    b(
        &[ctrl('r')],
        "Ctrl-R",
        "key-resume-the-unfinished-session-shown",
        C::Start,
        true,
        None,
    ),
    b(
        &[Key(KeyCode::Esc, false)],
        "Esc",
        "key-leave-kap",
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

/// The first key that asks for `action` in the given contexts (what a
/// test presses to go through the real key path; what a hint names).
pub fn key_for(ctxs: &[Ctx], action: Action) -> Option<KeyEvent> {
    BINDINGS
        .iter()
        .filter(|b| ctxs.contains(&b.ctx) && b.action == Some(action))
        .find_map(|b| b.keys.first())
        .map(|k| {
            let mods = if k.1 {
                KeyModifiers::CONTROL
            } else {
                KeyModifiers::NONE
            };
            KeyEvent::new(k.0, mods)
        })
}

/// Bindings as shown: the second half of a pair ("↑ ↓", "+ −") folds into
/// the first.
pub fn shown() -> impl Iterator<Item = &'static Binding> {
    BINDINGS.iter().filter(|b| !b.shown.is_empty())
}

impl Binding {
    /// The keys as shown, with the names of named keys (Enter, Space) in
    /// the language in use; letters and arrows stay as they are.
    pub fn shown_text(&self) -> String {
        key_names(self.shown)
    }

    /// What the key does, in the language in use.
    pub fn text(&self) -> String {
        if self.label.is_empty() {
            String::new()
        } else {
            crate::i18n::tr(self.label, None)
        }
    }
}

mod action;
mod footer;
mod help;
mod words;

pub use action::Action;
pub use footer::{footer, key_names};

pub use help::{
    HELP_ORDER, HELP_WIDTH, help_entries, help_inner_width, help_line, help_pages, title,
};
pub use words::{
    MODE_WORDS, REPLAY_WORDS, SCREEN_ONLY, START_WORDS, WORDS, action_for_word, command_word,
    label_of, replay_word, shown_word,
};
