//! `M`: a rescue drug given, its effect re-checked, or ketamine drawn up
//! or wasted — one entry line (`meds_line`), under the formulary, the
//! agreement and the ketamine so far.

use super::line::LineKey;
use super::{Body, Dialog, LineField, Outcome};
use crate::tui::app::Msg;
use crate::tui::theme::Theme;
use ratatui::crossterm::event::KeyEvent;
use ratatui::text::{Line, Span};

pub use crate::tui::present::meds::numbered as meds_numbered;

pub struct Meds {
    /// What the dialog shows above the line (`present::meds`), as it
    /// stood when opened.
    pub lines: Vec<String>,
    pub field: LineField,
}

impl Meds {
    pub fn new(lines: Vec<String>) -> Meds {
        Meds {
            lines,
            field: LineField::default(),
        }
    }
}

impl Dialog for Meds {
    fn on_key(&mut self, key: KeyEvent, _lang: crate::i18n::Lang) -> Outcome {
        match self.field.on_key(key) {
            LineKey::Submit(text) => Outcome::Submit(Msg::Medication(text)),
            LineKey::Close => Outcome::Close,
            LineKey::Keep => Outcome::Keep,
        }
    }

    fn answer(&mut self, line: &str, _lang: crate::i18n::Lang) -> Outcome {
        Outcome::Submit(Msg::Medication(line.trim().to_string()))
    }

    fn body(&self, t: &Theme, lang: crate::i18n::Lang) -> Body<'_> {
        let mut lines: Vec<Line<'_>> = self
            .lines
            .iter()
            .map(|l| Line::from(Span::styled(l.clone(), t.text)))
            .collect();
        lines.push(Line::from(Span::styled(
            crate::say!(lang, "med-how"),
            t.dim,
        )));
        lines.push(self.field.hint(t, &crate::say!(lang, "hint-saves"), lang));
        Body {
            title: crate::say!(lang, "med-title"),
            input: Some(&self.field.input),
            lines,
        }
    }

    fn field(&mut self) -> Option<&mut LineField> {
        Some(&mut self.field)
    }

    fn spoken(&self, lang: crate::i18n::Lang) -> String {
        format!(
            "{} {} {}",
            crate::say!(lang, "med-title"),
            self.lines.join(". "),
            crate::say!(lang, "med-how")
        )
    }
}
