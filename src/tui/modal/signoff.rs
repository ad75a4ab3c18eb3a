//! Closing is a signature: what is still open, who signs, and a yes.

use super::{Body, Dialog, Outcome};
use crate::tui::app::Msg;
use crate::tui::theme::Theme;
use ratatui::crossterm::event::{KeyCode, KeyEvent};
use ratatui::text::{Line, Span};

pub struct SignOff {
    /// Who signs (the clinician making entries now).
    pub signer: Option<String>,
    /// What is still open: shown, never hidden.
    pub open: Vec<String>,
}

impl Dialog for SignOff {
    fn on_key(&mut self, key: KeyEvent) -> Outcome {
        match key.code {
            KeyCode::Char('y' | 'Y') => Outcome::Submit(Msg::SignAndClose),
            KeyCode::Char('n') | KeyCode::Esc => Outcome::Close,
            _ => Outcome::Keep,
        }
    }

    fn body(&self, t: &Theme) -> Body<'_> {
        let mut lines = vec![Line::from(Span::styled(
            crate::t!(
                "signoff-by",
                who = self
                    .signer
                    .clone()
                    .unwrap_or_else(|| crate::t!("no-clinician-named"))
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
        lines.push(Line::from(Span::styled(
            crate::t!("signoff-keys"),
            t.accent,
        )));
        Body {
            title: crate::t!("signoff-title"),
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
        crate::t!(
            "spoken-signoff",
            who = self
                .signer
                .clone()
                .unwrap_or_else(|| crate::t!("no-clinician-named")),
            open = open
        )
    }

    fn answer(&mut self, line: &str) -> Outcome {
        match crate::i18n::words::yes_no(line) {
            Some(true) => Outcome::Submit(Msg::SignAndClose),
            Some(false) => Outcome::Close,
            None => Outcome::Keep,
        }
    }
}
