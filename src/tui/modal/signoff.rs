//! Closing is a signature: what is still open, who signs, and a yes. Ending
//! early signs too, so it asks the same way before it asks the reason.

use super::{Body, Dialog, Outcome};
use crate::tui::app::Msg;
use crate::tui::theme::Theme;
use ratatui::crossterm::event::{KeyCode, KeyEvent};
use ratatui::text::{Line, Span};

/// What the signature ends the session with.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum SignFor {
    /// `C` in the last phase: the session is complete.
    Close,
    /// `E`: ended early; a yes goes on to ask the reason.
    EndEarly,
}

pub struct SignOff {
    pub purpose: SignFor,
    /// Who signs (the clinician making entries now).
    pub signer: Option<String>,
    /// What is still open: shown, never hidden.
    pub open: Vec<String>,
}

impl SignOff {
    fn yes(&self) -> Outcome {
        Outcome::Submit(match self.purpose {
            SignFor::Close => Msg::SignAndClose,
            SignFor::EndEarly => Msg::AskEndReason,
        })
    }

    /// The dialog's title and its keys.
    fn words(&self) -> (String, String) {
        match self.purpose {
            SignFor::Close => (crate::t!("signoff-title"), crate::t!("signoff-keys")),
            SignFor::EndEarly => (crate::t!("end-early-title"), crate::t!("end-early-keys")),
        }
    }
}

impl Dialog for SignOff {
    fn on_key(&mut self, key: KeyEvent) -> Outcome {
        match key.code {
            KeyCode::Esc => Outcome::Submit(Msg::NotSigned),
            KeyCode::Char(c) => match crate::i18n::words::yes_no(&c.to_string()) {
                Some(true) => self.yes(),
                Some(false) => Outcome::Submit(Msg::NotSigned),
                None => Outcome::Keep,
            },
            _ => Outcome::Keep,
        }
    }

    fn body(&self, t: &Theme) -> Body<'_> {
        let mut lines = vec![Line::from(Span::styled(
            crate::t!(
                "signoff-by",
                // The message ends its sentence itself: a name ending in
                // an abbreviation ("J. Gagnon, inf.") must not show "..".
                who = self.signer.as_deref().map_or_else(
                    || crate::t!("no-clinician-named"),
                    |w| w.trim_end_matches('.').to_string()
                )
            ),
            t.text,
        ))];
        if self.open.is_empty() {
            lines.push(Line::from(Span::styled(
                crate::t!("signoff-nothing-open"),
                t.ok,
            )));
        } else {
            lines.push(Line::from(Span::styled(
                crate::t!("signoff-still-open"),
                t.warn,
            )));
            for o in &self.open {
                lines.push(Line::from(Span::styled(format!("  • {o}"), t.warn)));
            }
        }
        let (title, keys) = self.words();
        lines.push(Line::from(Span::styled(keys, t.accent)));
        Body {
            title,
            input: None,
            lines,
        }
    }

    fn spoken(&self) -> String {
        let open = if self.open.is_empty() {
            crate::t!("signoff-nothing-open")
        } else {
            crate::t!("spoken-still-open", items = self.open.join("; "))
        };
        let who = self
            .signer
            .clone()
            .unwrap_or_else(|| crate::t!("no-clinician-named"));
        match self.purpose {
            SignFor::Close => crate::t!("spoken-signoff", who = who, open = open),
            SignFor::EndEarly => crate::t!("spoken-end-early", who = who, open = open),
        }
    }

    fn answer(&mut self, line: &str) -> Outcome {
        match crate::i18n::words::yes_no(line) {
            Some(true) => self.yes(),
            Some(false) => Outcome::Submit(Msg::NotSigned),
            None => Outcome::Keep,
        }
    }
}
