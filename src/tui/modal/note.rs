//! A note at this minute: a quick tag with one digit, or free text.

use super::line::LineKey;
use super::{Body, Dialog, LineField, Outcome};
use crate::tui::app::{Msg, NOTE_TAGS};
use crate::tui::theme::Theme;
use ratatui::crossterm::event::{KeyCode, KeyEvent};
use ratatui::text::{Line, Span};

#[derive(Default)]
pub struct Note {
    pub field: LineField,
    /// Free text is being typed (digits are then text, not tags).
    pub typing: bool,
}

impl Dialog for Note {
    fn on_key(&mut self, key: KeyEvent) -> Outcome {
        match key.code {
            KeyCode::Char(c @ '1'..='8') if !self.typing => {
                let tag = NOTE_TAGS[(c as u8 - b'1') as usize];
                Outcome::Submit(Msg::Note {
                    text: String::new(),
                    tags: vec![tag.to_string()],
                })
            }
            KeyCode::Enter if !self.typing => {
                self.typing = true;
                self.field.armed = false;
                Outcome::Keep
            }
            _ => match self.field.on_key(key) {
                LineKey::Submit(text) if text.is_empty() => Outcome::Close,
                LineKey::Submit(text) => Outcome::Submit(Msg::Note { text, tags: vec![] }),
                LineKey::Close => Outcome::Close,
                LineKey::Keep => {
                    self.typing = self.typing || !self.field.armed;
                    Outcome::Keep
                }
            },
        }
    }

    fn answer(&mut self, line: &str) -> Outcome {
        // A typed line is always text: a digit begins a note, it is not a
        // tag (tags have their own command).
        match line.trim() {
            "" => Outcome::Close,
            text => Outcome::Submit(Msg::Note {
                text: text.to_string(),
                tags: vec![],
            }),
        }
    }

    fn body(&self, t: &Theme) -> Body<'_> {
        let lines = if self.typing {
            vec![self.field.hint(t, "saves")]
        } else {
            let tags: Vec<String> = NOTE_TAGS
                .iter()
                .enumerate()
                .map(|(i, t)| format!("{} {t}", i + 1))
                .collect();
            vec![
                Line::from(Span::styled(tags.join(" · "), t.text)),
                Line::from(Span::styled(
                    "a number saves that tag now · type for a free note",
                    t.dim,
                )),
            ]
        };
        Body {
            title: "Note at this minute".into(),
            input: Some(&self.field.input),
            lines,
        }
    }

    fn spoken(&self) -> String {
        "Type the note.".into()
    }
}
