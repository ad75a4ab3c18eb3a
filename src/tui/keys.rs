//! Every key kap answers to, in one table (`keys/table.rs`). The same table dispatches the
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
    /// A reading from the bedside monitor waits for a confirmation.
    Monitor,
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
    /// The patient's self-report screen, an item asked.
    SelfReport,
    /// The self-report screen asking before answers are lost.
    SelfReportLeaving,
    /// The self-report screen, every item answered and saved.
    SelfReportDone,
}

/// A key as the table matches it: its code, and whether Ctrl is held.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub struct Key(pub KeyCode, pub bool);

const fn ch(c: char) -> Key {
    Key(KeyCode::Char(c), false)
}

/// The digits 1 to 9: a numbered choice.
const DIGITS: &[Key] = &[
    ch('1'),
    ch('2'),
    ch('3'),
    ch('4'),
    ch('5'),
    ch('6'),
    ch('7'),
    ch('8'),
    ch('9'),
];

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
    /// the language given; letters and arrows stay as they are.
    pub fn shown_text(&self, lang: crate::i18n::Lang) -> String {
        key_names(self.shown, lang)
    }

    /// What the key does, in the language given.
    pub fn text(&self, lang: crate::i18n::Lang) -> String {
        if self.label.is_empty() {
            String::new()
        } else {
            crate::i18n::text(lang, self.label, None)
        }
    }
}

mod action;
mod footer;
mod table;
pub use table::BINDINGS;
mod help;
mod words;

pub use action::Action;
pub use footer::{footer, key_names};

pub use help::{
    HELP_ORDER, HELP_WIDTH, help_entries, help_inner_width, help_line, help_page_starts,
    help_pages, title,
};
pub use words::{
    MODE_WORDS, REPLAY_WORDS, SCREEN_ONLY, START_WORDS, WORDS, action_for_word, command_word,
    label_of, replay_word, shown_word,
};
