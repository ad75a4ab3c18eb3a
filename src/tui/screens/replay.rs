//! The replay screen (`kap replay`) as a component. It stands over the
//! session's own screens as they stood at the replay's moment (the shell
//! folds the entries into them): its keys play and pause, change the
//! speed, step an entry on or back, open the timeline of entries and
//! branch a rehearsal; the screens' looking keys (help, theme, ↑ ↓, back
//! a phase) pass through to them; every other command is refused, since
//! a replay writes nothing. It owns the timeline list's state; what moves
//! the clock or folds entries is a [`Msg::Replay`] for the shell.

use super::{Component, Shell};
use crate::tui::app::Msg;
use crate::tui::keys::{self, Action, Ctx};
use crate::tui::replay::{LOOK_ONLY, Replay, ReplayMsg};
use crate::tui::view::Ui;
use ratatui::Frame;
use ratatui::crossterm::event::{KeyCode, KeyEvent};
use ratatui::layout::Rect;

impl Replay {
    /// A replay's own command, from its key table row: what it asks of
    /// the shell, if anything.
    fn own(&mut self, action: Action) -> Option<Msg> {
        let m = match action {
            Action::PauseSimulation => ReplayMsg::PlayPause,
            Action::Faster => ReplayMsg::Faster,
            Action::Slower => ReplayMsg::Slower,
            Action::NextEvent => ReplayMsg::NextEntry,
            Action::PreviousEvent => ReplayMsg::PreviousEntry,
            Action::Branch => ReplayMsg::Branch,
            Action::Leave => return Some(Msg::Quit),
            Action::Timeline => {
                self.timeline = Some(self.shown.saturating_sub(1));
                return None;
            }
            // Bound to the replay but with no meaning in one: refused,
            // as a command that would change the record is.
            _ => ReplayMsg::Refuse,
        };
        Some(Msg::Replay(m))
    }

    /// The timeline list's keys: move, jump to the entry highlighted,
    /// close.
    fn on_timeline_key(&mut self, key: KeyEvent, cursor: usize) -> Option<Msg> {
        let last = self.rows.len().saturating_sub(1);
        let page = crate::tui::view::REPLAY_TIMELINE_ROWS;
        let moved = match key.code {
            KeyCode::Up => cursor.saturating_sub(1),
            KeyCode::Down => (cursor + 1).min(last),
            KeyCode::PageUp => cursor.saturating_sub(page),
            KeyCode::PageDown => (cursor + page).min(last),
            KeyCode::Home => 0,
            KeyCode::End => last,
            KeyCode::Enter => {
                self.timeline = None;
                return Some(Msg::Replay(ReplayMsg::JumpTo(cursor)));
            }
            KeyCode::Esc | KeyCode::Char('L') | KeyCode::Char('q') => {
                self.timeline = None;
                return None;
            }
            // Any other key leaves the list where it is.
            _ => cursor,
        };
        self.timeline = Some(moved);
        None
    }
}

impl Component for Replay {
    /// The replay's own keys, for the footer and help.
    fn contexts(&self, _: &Shell<'_>) -> Vec<Ctx> {
        vec![Ctx::Replay]
    }

    /// A key: the timeline list's while it is open, else the replay's
    /// own; else, looked up in `ctxs` — the contexts of the screen
    /// beneath — a looking key passes to that screen, leaving leaves, and
    /// any other command is refused.
    fn on_key(&mut self, key: KeyEvent, ctxs: &[Ctx]) -> Option<Msg> {
        if let Some(cursor) = self.timeline {
            return self.on_timeline_key(key, cursor);
        }
        if let Some(a) = keys::action_for(&[Ctx::Replay], &key) {
            return self.own(a);
        }
        match keys::action_for(ctxs, &key) {
            Some(Action::Leave) => Some(Msg::Quit),
            Some(a) if LOOK_ONLY.contains(&a) => Some(Msg::Do(a)),
            Some(_) => Some(Msg::Replay(ReplayMsg::Refuse)),
            None => None,
        }
    }

    /// Nothing in a replay takes text.
    fn on_paste(&mut self, _: &str) -> bool {
        false
    }

    /// Over the screen beneath: the timeline list, when open.
    fn render(&self, f: &mut Frame<'_>, ui: &Ui<'_>, _strip: Rect, body: Rect) {
        let lang = ui.lang;
        if let Some(cursor) = self.timeline {
            crate::tui::view::replay_timeline(f, ui.theme, self, cursor, body, lang);
        }
    }
}
