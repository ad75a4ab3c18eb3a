//! The session screen: the phase on show, its prompts, the editor, the
//! vitals line and the infusion.

use super::{Component, Shell};
use crate::protocol::PhaseRole;
use crate::record::OpenSession;
use crate::session::Moment;
use crate::tui::app::{Msg, feed_line, text_of};
use crate::tui::keys::{self, Action, Ctx};
use crate::tui::view::Ui;
use ratatui::Frame;
use ratatui::crossterm::event::{KeyCode, KeyEvent, KeyModifiers};
use ratatui::layout::Rect;
use ratatui_textarea::TextArea;

/// Editing a free-text answer (or the goals, one per line).
pub struct Editor {
    pub prompt: String,
    pub original: String,
    pub area: TextArea<'static>,
}

pub struct SessionView {
    pub open: OpenSession,
    /// Which phase is on screen (may be an earlier one, to look back).
    pub view_phase: usize,
    pub selected: usize,
    /// Rows read on past the selected prompt (↓ at the last prompt), so a
    /// long section below the prompts — the previous session in rolling
    /// integration — can be reached at any terminal size.
    pub read_on: usize,
    /// How many rows the last frame left hidden below; written by the
    /// renderer so ↓ stops where the text ends.
    pub room_below: std::cell::Cell<usize>,
    pub editor: Option<Editor>,
    pub vitals: TextArea<'static>,
    pub vitals_focus: bool,
    pub last_saved: Option<(u64, Moment)>,
    pub disk_error: Option<String>,
    /// The session folder is no longer where the journal was opened:
    /// nothing can be saved until it is re-created (`R`).
    pub vanished: bool,
    /// The session's device alarms, worked out once for each change of
    /// the session (`App::refresh_derived`); renderers only read them.
    pub device_alarms: crate::tui::present::monitor::DeviceAlarms,
}

impl SessionView {
    /// Work out again what the view derives from the session's whole
    /// record (its device alarms) when the session changed since: the
    /// shell calls it after each entry and at each tick; renderers never.
    pub fn refresh_derived(&mut self) {
        self.device_alarms.refresh(&self.open.session);
    }

    /// Select a prompt, back at its row.
    pub fn select(&mut self, index: usize) {
        self.selected = index;
        self.read_on = 0;
    }

    /// The editor's keys: Ctrl-S saves, Esc leaves (asking first when
    /// there are changes), the rest edit the text.
    fn on_editor_key(&mut self, key: KeyEvent) -> Option<Msg> {
        let ctrl = key.modifiers.contains(KeyModifiers::CONTROL);
        let ed = self.editor.as_mut()?;
        match key.code {
            KeyCode::Char('s') if ctrl => Some(Msg::SaveEditor),
            KeyCode::Esc if text_of(&ed.area) == ed.original => {
                self.editor = None;
                None
            }
            KeyCode::Esc => Some(Msg::AskDiscard),
            _ => {
                ed.area.input(key);
                None
            }
        }
    }

    /// The vitals line's keys: Enter saves, Esc leaves, the rest type.
    fn on_vitals_key(&mut self, key: KeyEvent) -> Option<Msg> {
        match key.code {
            KeyCode::Esc => {
                self.vitals_focus = false;
                None
            }
            KeyCode::Enter => Some(Msg::Vitals(text_of(&self.vitals))),
            _ => {
                feed_line(&mut self.vitals, key);
                None
            }
        }
    }
}

impl Component for SessionView {
    fn contexts(&self, shell: &Shell<'_>) -> Vec<Ctx> {
        if self.editor.is_some() {
            return vec![Ctx::Editing];
        }
        let s = &self.open.session;
        let now = shell.now;
        let mut c = vec![];
        if !s.alarms_waiting(now).is_empty()
            || !s.risk.alarms_waiting().is_empty()
            || !s.technical_waiting().is_empty()
            || s.audio_pause(now).is_some()
            || s.vitals_overdue(now).is_some()
        {
            c.push(Ctx::Alert);
        }
        if s.monitor.pending().next().is_some() {
            c.push(Ctx::Monitor);
        }
        let phase = &s.protocol().phases[self.view_phase];
        if !phase.prompts.is_empty() {
            c.push(Ctx::Prompts);
        }
        if self.view_phase == s.phase {
            match phase.role {
                PhaseRole::Dosing => {
                    c.push(Ctx::Dosing);
                    if s.dosing.started.is_none() {
                        c.push(Ctx::InfusionIdle);
                    } else if s.dosing.is_under_way(now) {
                        c.push(Ctx::InfusionUnderWay);
                    }
                }
                PhaseRole::Intentions => c.push(Ctx::Intentions),
                // No keys of their own.
                PhaseRole::General
                | PhaseRole::CheckIn
                | PhaseRole::Integration
                | PhaseRole::Baseline
                | PhaseRole::Debrief
                | PhaseRole::Preparation
                | PhaseRole::Discharge => {}
            }
            if s.phase + 1 == s.protocol().phases.len() {
                c.push(Ctx::Last);
            }
        }
        c.push(Ctx::Session);
        c.push(if shell.rehearsal {
            Ctx::Rehearsal
        } else {
            Ctx::Real
        });
        if shell.simulator {
            c.push(Ctx::Simulator);
        }
        if self.vanished {
            c.insert(0, Ctx::Vanished);
        }
        c
    }

    fn on_key(&mut self, key: KeyEvent, ctxs: &[Ctx]) -> Option<Msg> {
        if self.editor.is_some() {
            return self.on_editor_key(key);
        }
        if self.vitals_focus {
            return self.on_vitals_key(key);
        }
        if let Some(action) = keys::action_for(ctxs, &key) {
            return Some(Msg::Do(action));
        }
        // C does nothing before the last phase: say so, and where it
        // works, rather than nothing at all.
        (keys::action_for(&[Ctx::Last], &key) == Some(Action::Close))
            .then_some(Msg::CloseIsForTheLastPhase)
    }

    /// A paste goes into the editor (line breaks kept) or the vitals line
    /// (as spaces); with neither open it is not taken.
    fn on_paste(&mut self, text: &str) -> bool {
        match (&mut self.editor, self.vitals_focus) {
            (Some(e), _) => {
                e.area.insert_str(crate::text::pasted(text, true));
                true
            }
            (None, true) => {
                self.vitals.insert_str(crate::text::pasted(text, false));
                true
            }
            (None, false) => false,
        }
    }

    fn render(&self, f: &mut Frame<'_>, ui: &Ui<'_>, strip: Rect, body: Rect) {
        crate::tui::view::session::draw(f, ui, self, &ui.now, strip, body);
    }
}
