//! The start form: patient, session, weight, mg/kg, clinicians present.

use super::{Component, Shell};
use crate::record::Listing;
use crate::tui::app::{Msg, feed_line, line_input, text_of};
use crate::tui::keys::Ctx;
use crate::tui::view::Ui;
use ratatui::Frame;
use ratatui::crossterm::event::{KeyCode, KeyEvent, KeyModifiers};
use ratatui::layout::Rect;
use ratatui_textarea::TextArea;

pub struct StartForm {
    /// patient, session, weight, mg/kg, clinicians present
    pub fields: [TextArea<'static>; START_FIELDS],
    pub focus: usize,
    pub error: Option<String>,
    pub resumable: Option<Listing>,
    /// A visit rather than a dosing session: only the patient and the
    /// clinician holding it are asked.
    pub visit: Option<crate::session::VisitStart>,
}

impl StartForm {
    pub fn empty() -> StartForm {
        StartForm {
            fields: std::array::from_fn(|_| line_input("")),
            focus: 0,
            error: None,
            resumable: None,
            visit: None,
        }
    }

    /// Whether anything has been typed (leaving then asks first).
    pub fn typed(&self) -> bool {
        self.fields.iter().any(|f| !text_of(f).trim().is_empty())
    }
}

/// The start form's fields.
pub const START_FIELDS: usize = 5;
/// The field naming the clinicians present.
pub const CLINICIANS: usize = 4;

/// The start form's field titles: message ids.
pub const START_LABELS: [&str; START_FIELDS] = [
    "start-field-patient",
    "start-field-session",
    "start-field-weight",
    "start-field-mg-per-kg",
    "start-field-clinicians",
];

impl Component for StartForm {
    fn contexts(&self, _: &Shell<'_>) -> Vec<Ctx> {
        vec![Ctx::Start]
    }

    /// The form's keys are its own (the table documents them): moving
    /// between fields looks the patient up; a change to the patient id
    /// forgets what was looked up for the old one.
    fn on_key(&mut self, key: KeyEvent, _: &[Ctx]) -> Option<Msg> {
        let ctrl = key.modifiers.contains(KeyModifiers::CONTROL);
        match key.code {
            // A visit asks only the patient and the clinician.
            KeyCode::Tab | KeyCode::Down | KeyCode::BackTab | KeyCode::Up
                if self.visit.is_some() =>
            {
                self.focus = if self.focus == 0 { CLINICIANS } else { 0 };
                Some(Msg::LookUpPatient)
            }
            KeyCode::Tab | KeyCode::Down => {
                self.focus = (self.focus + 1) % START_FIELDS;
                Some(Msg::LookUpPatient)
            }
            KeyCode::BackTab | KeyCode::Up => {
                self.focus = (self.focus + START_FIELDS - 1) % START_FIELDS;
                Some(Msg::LookUpPatient)
            }
            KeyCode::Esc if self.typed() => Some(Msg::AskQuit),
            KeyCode::Esc => Some(Msg::Quit),
            KeyCode::Char('r') if ctrl => Some(Msg::ResumeFound),
            KeyCode::Char('v') if ctrl => Some(Msg::NextVisitKind),
            KeyCode::Char('q') if ctrl => Some(Msg::AskQuit),
            KeyCode::Enter => Some(Msg::Begin),
            _ => {
                feed_line(&mut self.fields[self.focus], key);
                (self.focus == 0).then(|| {
                    self.resumable = None;
                    Msg::PatientEdited
                })
            }
        }
    }

    fn on_paste(&mut self, text: &str) -> bool {
        self.fields[self.focus].insert_str(crate::text::pasted(text, false));
        true
    }

    fn render(&self, f: &mut Frame<'_>, ui: &Ui<'_>, strip: Rect, body: Rect) {
        crate::tui::view::start::draw(f, ui, self, strip, body);
    }
}
