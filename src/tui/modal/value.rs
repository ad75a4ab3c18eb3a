//! Entering a typed value: yes/no, a choice, a number, a time, a scale.

use super::line::LineKey;
use super::{Body, Dialog, LineField, Outcome};
use crate::protocol::Prompt;
use crate::tui::app::Msg;
use crate::tui::theme::Theme;
use ratatui::crossterm::event::KeyEvent;
use ratatui::text::{Line, Span};

pub struct Value {
    pub prompt: Box<Prompt>,
    pub field: LineField,
}

impl Value {
    pub fn new(prompt: Prompt) -> Value {
        Value {
            prompt: Box::new(prompt),
            field: LineField::default(),
        }
    }
}

impl Dialog for Value {
    fn on_key(&mut self, key: KeyEvent, _lang: crate::i18n::Lang) -> Outcome {
        match self.field.on_key(key) {
            // The app parses the text against the prompt and refuses
            // what does not fit, keeping the dialog and its text.
            LineKey::Submit(text) => Outcome::Submit(Msg::Value {
                prompt: self.prompt.clone(),
                text,
            }),
            LineKey::Close => Outcome::Close,
            LineKey::Keep => Outcome::Keep,
        }
    }

    fn answer(&mut self, line: &str, _lang: crate::i18n::Lang) -> Outcome {
        Outcome::Submit(Msg::Value {
            prompt: self.prompt.clone(),
            text: line.trim().to_string(),
        })
    }

    fn body(&self, t: &Theme, lang: crate::i18n::Lang) -> Body<'_> {
        Body {
            title: self.prompt.text.clone(),
            input: Some(&self.field.input),
            lines: vec![
                Line::from(Span::styled(
                    crate::protocol::values::hint(&self.prompt).say(lang),
                    t.text,
                )),
                self.field.hint(t, &crate::say!(lang, "hint-saves"), lang),
            ],
        }
    }

    fn field(&mut self) -> Option<&mut LineField> {
        Some(&mut self.field)
    }

    fn spoken(&self, lang: crate::i18n::Lang) -> String {
        format!(
            "{} ({})",
            self.prompt.text,
            crate::protocol::values::hint(&self.prompt).say(lang)
        )
    }
}
