//! Asking why: a pause, an early stop, a skipped step, an early end, a
//! session outside the protocol's dates. The record keeps the reason.

use super::line::LineKey;
use super::{Body, Dialog, LineField, Outcome};
use crate::tui::app::{Msg, ReasonFor};
use crate::tui::theme::Theme;
use ratatui::crossterm::event::KeyEvent;

pub struct Reason {
    pub purpose: ReasonFor,
    pub field: LineField,
}

impl Reason {
    pub fn new(purpose: ReasonFor) -> Reason {
        Reason {
            purpose,
            field: LineField::default(),
        }
    }
}

impl Dialog for Reason {
    fn on_key(&mut self, key: KeyEvent, _lang: crate::i18n::Lang) -> Outcome {
        match self.field.on_key(key) {
            // An empty reason is refused by the app, which says why.
            LineKey::Submit(text) => Outcome::Submit(Msg::Reason {
                purpose: self.purpose,
                text,
            }),
            LineKey::Close => Outcome::Close,
            LineKey::Keep => Outcome::Keep,
        }
    }

    fn answer(&mut self, line: &str, _lang: crate::i18n::Lang) -> Outcome {
        Outcome::Submit(Msg::Reason {
            purpose: self.purpose,
            text: line.trim().to_string(),
        })
    }

    fn body(&self, t: &Theme, lang: crate::i18n::Lang) -> Body<'_> {
        Body {
            title: self.purpose.title(lang),
            input: Some(&self.field.input),
            lines: vec![self.field.hint(t, &crate::say!(lang, "hint-saves"), lang)],
        }
    }

    fn field(&mut self) -> Option<&mut LineField> {
        Some(&mut self.field)
    }

    fn spoken(&self, lang: crate::i18n::Lang) -> String {
        crate::say!(lang, "spoken-reason", title = self.purpose.title(lang))
    }
}
