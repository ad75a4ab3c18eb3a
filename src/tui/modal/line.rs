//! The one-line input every typing dialog shares.

use crate::tui::theme::Theme;
use ratatui::crossterm::event::{KeyCode, KeyEvent};
use ratatui::text::{Line, Span};
use ratatui_textarea::TextArea;

/// A one-line text field. Enter submits; Esc closes an empty line at once
/// but a typed one only when pressed again (typed text is never thrown
/// away without asking); anything else edits.
pub struct LineField {
    pub input: TextArea<'static>,
    /// Esc was pressed once over typed text.
    pub armed: bool,
}

/// What a key did to the field.
pub enum LineKey {
    /// Enter: the trimmed text.
    Submit(String),
    /// Esc on an empty line, or a second Esc: close, discarding.
    Close,
    /// Keep the dialog open (edited, or armed to discard on the next Esc).
    Keep,
}

impl Default for LineField {
    fn default() -> Self {
        LineField {
            input: crate::tui::app::line_input(""),
            armed: false,
        }
    }
}

impl LineField {
    pub fn text(&self) -> String {
        self.input.lines().join("\n").trim().to_string()
    }

    /// Pasted text goes in at the cursor, as text: nothing is submitted,
    /// and line breaks stay only in a field that keeps them (a note).
    pub fn paste(&mut self, text: &str, keep_breaks: bool) {
        self.input
            .insert_str(crate::text::pasted(text, keep_breaks));
        self.armed = false;
    }

    pub fn on_key(&mut self, key: KeyEvent) -> LineKey {
        let text = self.text();
        match key.code {
            KeyCode::Enter => LineKey::Submit(text),
            KeyCode::Esc if text.is_empty() || self.armed => LineKey::Close,
            KeyCode::Esc => {
                self.armed = true;
                LineKey::Keep
            }
            _ => {
                crate::tui::app::feed_line(&mut self.input, key);
                self.armed = false;
                LineKey::Keep
            }
        }
    }

    /// The hint under the field: what Enter does, and a warning once Esc
    /// has been pressed over typed text.
    pub fn hint(&self, t: &Theme, enter: &str, lang: crate::i18n::Lang) -> Line<'static> {
        if self.armed {
            Line::from(Span::styled(
                crate::say!(lang, "hint-esc-again", enter = enter.to_string()),
                t.warn,
            ))
        } else {
            Line::from(Span::styled(
                crate::say!(lang, "hint-enter-esc", enter = enter.to_string()),
                t.dim,
            ))
        }
    }
}
