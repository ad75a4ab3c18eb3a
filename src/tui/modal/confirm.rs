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
    fn on_key(&mut self, key: KeyEvent, _lang: crate::i18n::Lang) -> Outcome {
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

    fn answer(&mut self, line: &str, _lang: crate::i18n::Lang) -> Outcome {
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

    fn body(&self, t: &Theme, lang: crate::i18n::Lang) -> Body<'_> {
        let (title, text, keys) = match self {
            Confirm::Quit => (
                crate::say!(lang, "confirm-quit-title"),
                crate::say!(lang, "confirm-quit-text"),
                crate::say!(lang, "confirm-quit-keys"),
            ),
            Confirm::Discard => (
                crate::say!(lang, "confirm-discard-title"),
                crate::say!(lang, "confirm-discard-text"),
                crate::say!(lang, "confirm-discard-keys"),
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

    fn spoken(&self, lang: crate::i18n::Lang) -> String {
        match self {
            Confirm::Quit => crate::say!(lang, "spoken-quit"),
            Confirm::Discard => crate::say!(lang, "spoken-discard"),
        }
    }
}

#[cfg(test)]
mod tests {
    use super::*;
    use ratatui::crossterm::event::KeyModifiers;

    fn press(mut c: Confirm, ch: char) -> Outcome {
        c.on_key(
            KeyEvent::new(KeyCode::Char(ch), KeyModifiers::NONE),
            crate::i18n::Lang::En,
        )
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
