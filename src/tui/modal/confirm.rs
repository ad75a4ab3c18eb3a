//! Yes-or-no questions: leaving kap, and leaving an editor with changes.

use super::{Body, Dialog, Outcome};
use crate::tui::app::Msg;
use crate::tui::theme::Theme;
use ratatui::crossterm::event::{KeyCode, KeyEvent};
use ratatui::text::{Line, Span};

#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum Confirm {
    /// Leave kap (the session stays open and can be resumed).
    Quit,
    /// The text editor was left with unsaved changes.
    Discard,
}

impl Dialog for Confirm {
    fn on_key(&mut self, key: KeyEvent) -> Outcome {
        match (self, key.code) {
            (Confirm::Quit, KeyCode::Char('y' | 'Y')) => Outcome::Submit(Msg::Quit),
            (Confirm::Quit, KeyCode::Char('n') | KeyCode::Esc) => Outcome::Close,
            (Confirm::Discard, KeyCode::Char('y' | 's')) => Outcome::Submit(Msg::SaveEditor),
            (Confirm::Discard, KeyCode::Char('n' | 'd')) => Outcome::Submit(Msg::DiscardEditor),
            (Confirm::Discard, KeyCode::Esc) => Outcome::Close,
            _ => Outcome::Keep,
        }
    }

    fn answer(&mut self, line: &str) -> Outcome {
        let answer = crate::i18n::words::yes_no(line);
        let (yes, no) = (answer == Some(true), answer == Some(false));
        match self {
            Confirm::Quit if yes => Outcome::Submit(Msg::Quit),
            Confirm::Quit if no => Outcome::Close,
            Confirm::Discard if yes || line.trim() == "save" => Outcome::Submit(Msg::SaveEditor),
            Confirm::Discard if no || line.trim() == "discard" => {
                Outcome::Submit(Msg::DiscardEditor)
            }
            _ => Outcome::Keep,
        }
    }

    fn body(&self, t: &Theme) -> Body<'_> {
        let (title, text, keys) = match self {
            Confirm::Quit => (
                crate::t!("confirm-quit-title"),
                crate::t!("confirm-quit-text"),
                crate::t!("confirm-quit-keys"),
            ),
            Confirm::Discard => (
                crate::t!("confirm-discard-title"),
                crate::t!("confirm-discard-text"),
                crate::t!("confirm-discard-keys"),
            ),
        };
        Body {
            title,
            input: None,
            lines: vec![
                Line::from(Span::styled(text, t.text)),
                Line::from(Span::styled(keys, t.accent)),
            ],
        }
    }

    fn spoken(&self) -> String {
        match self {
            Confirm::Quit => crate::t!("spoken-quit"),
            Confirm::Discard => crate::t!("spoken-discard"),
        }
    }
}
