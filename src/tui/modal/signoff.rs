//! Closing is a signature: what is still open, who signs, and a yes. Ending
//! early signs too, so it asks the same way before it asks the reason.
//! Who signs is chosen among the clinicians present (Tab, or their number
//! in the screen-reader mode); it starts as the current author.

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
    /// The clinicians named present at the start.
    pub clinicians: Vec<String>,
    /// Who signs, among them (the clinician making entries now, unless
    /// another is chosen).
    pub signer: usize,
    /// What is still open: shown, never hidden.
    pub open: Vec<String>,
}

impl SignOff {
    fn yes(&self) -> Outcome {
        Outcome::Submit(match self.purpose {
            SignFor::Close => Msg::SignAndClose(self.signer),
            SignFor::EndEarly => Msg::AskEndReason(self.signer),
        })
    }

    fn signer_name(&self) -> Option<&str> {
        self.clinicians
            .get(self.signer)
            .or(self.clinicians.first())
            .map(String::as_str)
    }

    /// Another clinician present signs: `i` among them.
    fn choose(&mut self, i: usize) -> Outcome {
        if i >= self.clinicians.len() {
            return Outcome::Keep;
        }
        self.signer = i;
        Outcome::Do(Msg::SignerChosen(i))
    }

    /// A typed choice of signer: their number in the list, or their name.
    fn typed_signer(&self, line: &str) -> Option<usize> {
        let line = line.trim();
        if let Ok(n) = line.parse::<usize>() {
            return n.checked_sub(1).filter(|i| *i < self.clinicians.len());
        }
        self.clinicians
            .iter()
            .position(|c| c.trim().eq_ignore_ascii_case(line))
    }

    /// "1 A. Martin, RN; 2 J. Gagnon, MD": the clinicians, numbered.
    fn numbered(&self) -> String {
        self.clinicians
            .iter()
            .enumerate()
            .map(|(i, c)| format!("{} {c}", i + 1))
            .collect::<Vec<_>>()
            .join("; ")
    }

    /// The dialog's title and its keys.
    fn words(&self, lang: crate::i18n::Lang) -> (String, String) {
        match self.purpose {
            SignFor::Close => (
                crate::say!(lang, "signoff-title"),
                crate::say!(lang, "signoff-keys"),
            ),
            SignFor::EndEarly => (
                crate::say!(lang, "end-early-title"),
                crate::say!(lang, "end-early-keys"),
            ),
        }
    }
}

impl Dialog for SignOff {
    fn on_key(&mut self, key: KeyEvent, _lang: crate::i18n::Lang) -> Outcome {
        match key.code {
            KeyCode::Esc => Outcome::Submit(Msg::NotSigned),
            KeyCode::Tab if self.clinicians.len() > 1 => {
                self.choose((self.signer + 1) % self.clinicians.len())
            }
            KeyCode::Char(c) => match crate::i18n::words::yes_no(&c.to_string()) {
                Some(true) => self.yes(),
                Some(false) => Outcome::Submit(Msg::NotSigned),
                None => Outcome::Keep,
            },
            _ => Outcome::Keep,
        }
    }

    fn body(&self, t: &Theme, lang: crate::i18n::Lang) -> Body<'_> {
        let mut lines = vec![Line::from(Span::styled(
            crate::say!(
                lang,
                "signoff-by",
                // The message ends its sentence itself: a name ending in
                // an abbreviation ("J. Gagnon, inf.") must not show "..".
                who = self.signer_name().map_or_else(
                    || crate::say!(lang, "no-clinician-named"),
                    |w| w.trim_end_matches('.').to_string()
                )
            ),
            t.text,
        ))];
        if self.clinicians.len() > 1 {
            lines.push(Line::from(Span::styled(
                crate::say!(lang, "signoff-choose", names = self.clinicians.join(" · ")),
                t.dim,
            )));
        }
        if self.open.is_empty() {
            lines.push(Line::from(Span::styled(
                crate::say!(lang, "signoff-nothing-open"),
                t.ok,
            )));
        } else {
            lines.push(Line::from(Span::styled(
                crate::say!(lang, "signoff-still-open"),
                t.warn,
            )));
            for o in &self.open {
                lines.push(Line::from(Span::styled(format!("  • {o}"), t.warn)));
            }
        }
        let (title, keys) = self.words(lang);
        lines.push(Line::from(Span::styled(keys, t.accent)));
        Body {
            title,
            input: None,
            lines,
        }
    }

    fn spoken(&self, lang: crate::i18n::Lang) -> String {
        let open = if self.open.is_empty() {
            crate::say!(lang, "signoff-nothing-open")
        } else {
            crate::say!(lang, "spoken-still-open", items = self.open.join("; "))
        };
        let who = self
            .signer_name()
            .map_or_else(|| crate::say!(lang, "no-clinician-named"), str::to_string);
        let question = match self.purpose {
            SignFor::Close => crate::say!(lang, "spoken-signoff", who = who, open = open),
            SignFor::EndEarly => crate::say!(lang, "spoken-end-early", who = who, open = open),
        };
        if self.clinicians.len() > 1 {
            format!(
                "{question} {}",
                crate::say!(lang, "spoken-signoff-choose", names = self.numbered())
            )
        } else {
            question
        }
    }

    fn answer(&mut self, line: &str, _lang: crate::i18n::Lang) -> Outcome {
        match crate::i18n::words::yes_no(line) {
            Some(true) => self.yes(),
            Some(false) => Outcome::Submit(Msg::NotSigned),
            None => match self.typed_signer(line) {
                Some(i) if self.clinicians.len() > 1 => self.choose(i),
                _ => Outcome::Keep,
            },
        }
    }
}
