//! A note at this minute: free text, quick tags, or both. Typed text is
//! always text — a note that begins with a digit is that note — and tags
//! are chosen in their own row (Tab), so no key typed into the note can
//! save a tag or reach the screen behind it.

use super::line::LineKey;
use super::{Body, Dialog, LineField, Outcome};
use crate::tui::app::{Msg, NOTE_TAGS};
use crate::tui::theme::Theme;
use ratatui::crossterm::event::{KeyCode, KeyEvent};
use ratatui::text::{Line, Span};

#[derive(Default)]
pub struct Note {
    pub field: LineField,
    /// The tag row has the keys (Tab), with this tag highlighted.
    pub in_tags: bool,
    pub cursor: usize,
    /// Tags ticked, by index into `NOTE_TAGS`.
    pub ticked: [bool; NOTE_TAGS.len()],
}

impl Note {
    fn submit(&self) -> Outcome {
        let text = self.field.text();
        let tags: Vec<String> = NOTE_TAGS
            .iter()
            .zip(self.ticked)
            .filter(|(_, on)| *on)
            .map(|((t, _), _)| t.to_string())
            .collect();
        if text.is_empty() && tags.is_empty() {
            Outcome::Close
        } else {
            Outcome::Submit(Msg::Note { text, tags })
        }
    }

    fn any_tag(&self) -> bool {
        self.ticked.iter().any(|t| *t)
    }
}

impl Dialog for Note {
    fn on_key(&mut self, key: KeyEvent, _lang: crate::i18n::Lang) -> Outcome {
        if key.code == KeyCode::Tab || key.code == KeyCode::BackTab {
            self.in_tags = !self.in_tags;
            return Outcome::Keep;
        }
        if !self.in_tags {
            return match self.field.on_key(key) {
                LineKey::Submit(_) => self.submit(),
                // Esc over ticked tags also asks first.
                LineKey::Close if self.any_tag() && !self.field.armed => {
                    self.field.armed = true;
                    Outcome::Keep
                }
                LineKey::Close => Outcome::Close,
                LineKey::Keep => Outcome::Keep,
            };
        }
        let n = NOTE_TAGS.len();
        match key.code {
            KeyCode::Left | KeyCode::Up => self.cursor = (self.cursor + n - 1) % n,
            KeyCode::Right | KeyCode::Down => self.cursor = (self.cursor + 1) % n,
            KeyCode::Char(' ') => self.ticked[self.cursor] = !self.ticked[self.cursor],
            KeyCode::Char(c @ '1'..='9') => {
                let i = (c as u8 - b'1') as usize;
                self.cursor = i;
                self.ticked[i] = !self.ticked[i];
            }
            KeyCode::Enter => return self.submit(),
            KeyCode::Esc => {
                if (self.any_tag() || !self.field.text().is_empty()) && !self.field.armed {
                    self.field.armed = true;
                } else {
                    return Outcome::Close;
                }
            }
            _ => {}
        }
        Outcome::Keep
    }

    fn body(&self, t: &Theme, lang: crate::i18n::Lang) -> Body<'_> {
        let mut tags = vec![Span::styled(
            format!("{} ", crate::say!(lang, "note-tags")),
            t.dim,
        )];
        for (i, (_, id)) in NOTE_TAGS.iter().enumerate() {
            let tag = crate::i18n::text(lang, id, None);
            let mark = if self.ticked[i] { "[x]" } else { "[ ]" };
            let style = if self.in_tags && i == self.cursor {
                t.selected
            } else {
                t.text
            };
            tags.push(Span::styled(format!("{mark} {tag}"), style));
            tags.push(Span::raw(" "));
        }
        let hint = if self.in_tags {
            Line::from(Span::styled(
                crate::say!(lang, "note-tags-hint"),
                if self.field.armed { t.warn } else { t.dim },
            ))
        } else if self.field.armed {
            self.field.hint(t, &crate::say!(lang, "hint-saves"), lang)
        } else {
            Line::from(Span::styled(crate::say!(lang, "note-hint"), t.dim))
        };
        Body {
            title: crate::say!(lang, "note-title"),
            input: Some(&self.field.input),
            lines: vec![Line::from(tags), hint],
        }
    }

    fn spoken(&self, lang: crate::i18n::Lang) -> String {
        crate::say!(lang, "spoken-note")
    }

    fn field(&mut self) -> Option<&mut LineField> {
        Some(&mut self.field)
    }

    /// A note keeps the line breaks pasted into it; the paste goes to the
    /// text even when the tag row had the keys.
    fn paste(&mut self, text: &str) -> bool {
        self.in_tags = false;
        self.field.paste(text, true);
        true
    }

    fn answer(&mut self, line: &str, _lang: crate::i18n::Lang) -> Outcome {
        match line.trim() {
            "" => Outcome::Close,
            text => Outcome::Submit(Msg::Note {
                text: text.to_string(),
                tags: vec![],
            }),
        }
    }
}
