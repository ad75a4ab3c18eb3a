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
        // A key is a one-letter answer, read as typed answers are: y, o
        // (oui) and s (sim) say yes, n says no, in every language.
        let said = match key.code {
            KeyCode::Char(c) => crate::i18n::words::yes_no(&c.to_string()),
            _ => None,
        };
        match (self, key.code, said) {
            (Confirm::Quit, _, Some(true)) => Outcome::Submit(Msg::Quit),
            (Confirm::Quit, KeyCode::Esc, _) | (Confirm::Quit, _, Some(false)) => Outcome::Close,
            (Confirm::Discard, _, Some(true)) => Outcome::Submit(Msg::SaveEditor),
            (Confirm::Discard, KeyCode::Char('d'), _) | (Confirm::Discard, _, Some(false)) => {
                Outcome::Submit(Msg::DiscardEditor)
            }
            (Confirm::Discard, KeyCode::Esc, _) => Outcome::Close,
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

#[cfg(test)]
mod tests {
    use super::*;
    use ratatui::crossterm::event::KeyModifiers;

    fn press(mut c: Confirm, ch: char) -> Outcome {
        c.on_key(KeyEvent::new(KeyCode::Char(ch), KeyModifiers::NONE))
    }

    #[test]
    fn oui_and_sim_answer_yes_as_y_does() {
        for ch in ['y', 'o', 's', 'Y', 'O', 'S'] {
            assert!(
                matches!(press(Confirm::Quit, ch), Outcome::Submit(Msg::Quit)),
                "{ch}"
            );
            assert!(
                matches!(
                    press(Confirm::Discard, ch),
                    Outcome::Submit(Msg::SaveEditor)
                ),
                "{ch}"
            );
        }
        for ch in ['n', 'N'] {
            assert!(matches!(press(Confirm::Quit, ch), Outcome::Close), "{ch}");
            assert!(
                matches!(
                    press(Confirm::Discard, ch),
                    Outcome::Submit(Msg::DiscardEditor)
                ),
                "{ch}"
            );
        }
        assert!(matches!(press(Confirm::Quit, 'x'), Outcome::Keep));
    }
}
