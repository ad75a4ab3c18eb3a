//! The closed screen: the signed record, its summary, addenda.

use super::{Component, Shell};
use crate::record::OpenSession;
use crate::tui::app::Msg;
use crate::tui::keys::{self, Ctx};
use crate::tui::view::Ui;
use ratatui::Frame;
use ratatui::crossterm::event::{KeyCode, KeyEvent};
use ratatui::layout::Rect;
use std::path::PathBuf;

pub struct ClosedView {
    pub open: OpenSession,
    pub summary: Result<PathBuf, String>,
    /// In a scenario rehearsal: the report's summary and where it was written.
    pub report: Option<(String, Result<PathBuf, String>)>,
}

impl Component for ClosedView {
    fn contexts(&self, _: &Shell<'_>) -> Vec<Ctx> {
        vec![Ctx::Closed]
    }

    fn on_key(&mut self, key: KeyEvent, ctxs: &[Ctx]) -> Option<Msg> {
        if let Some(action) = keys::action_for(ctxs, &key) {
            Some(Msg::Do(action))
        } else {
            matches!(key.code, KeyCode::Char('q') | KeyCode::Enter | KeyCode::Esc)
                .then_some(Msg::Quit)
        }
    }

    fn on_paste(&mut self, _: &str) -> bool {
        false
    }

    fn render(&self, f: &mut Frame<'_>, ui: &Ui<'_>, _strip: Rect, body: Rect) {
        crate::tui::view::closed::draw_closed(f, ui, self, body);
    }
}
