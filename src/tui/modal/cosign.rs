//! A second clinician present co-signs the closed record (`S` on the
//! closed screen; `kap cosign` does the same from the command line). Who
//! co-signs is chosen among those named at the start who have not signed
//! yet (Tab, or their number in the screen-reader mode); the entry is
//! theirs.

use super::{Body, Dialog, Outcome};
use crate::tui::app::Msg;
use crate::tui::theme::Theme;
use ratatui::crossterm::event::{KeyCode, KeyEvent};
use ratatui::text::{Line, Span};

pub struct CoSign {
    /// The clinicians present who may co-sign (not the signer, not one
    /// who co-signed already); never empty.
    pub candidates: Vec<String>,
    pub chosen: usize,
}

impl CoSign {
    fn who(&self) -> &str {
        self.candidates
            .get(self.chosen)
            .or(self.candidates.first())
            .map_or("", String::as_str)
    }

    fn sign(&self, i: usize) -> Outcome {
        match self.candidates.get(i) {
            Some(who) => Outcome::Submit(Msg::CoSign(who.clone())),
            None => Outcome::Keep,
        }
    }

    /// "1 J. Gagnon, MD; 2 L. Roy, RN".
    fn numbered(&self) -> String {
        self.candidates
            .iter()
            .enumerate()
            .map(|(i, c)| format!("{} {c}", i + 1))
            .collect::<Vec<_>>()
            .join("; ")
    }
}

impl Dialog for CoSign {
    fn on_key(&mut self, key: KeyEvent, _lang: crate::i18n::Lang) -> Outcome {
        match key.code {
            KeyCode::Esc => Outcome::Close,
            KeyCode::Tab if self.candidates.len() > 1 => {
                self.chosen = (self.chosen + 1) % self.candidates.len();
                Outcome::Keep
            }
            KeyCode::Char(c) => match crate::i18n::words::yes_no(&c.to_string()) {
                Some(true) => self.sign(self.chosen),
                Some(false) => Outcome::Close,
                None => Outcome::Keep,
            },
            _ => Outcome::Keep,
        }
    }

    fn body(&self, t: &Theme, lang: crate::i18n::Lang) -> Body<'_> {
        let mut lines = vec![Line::from(Span::styled(
            crate::say!(
                lang,
                "cosign-who",
                who = self.who().trim_end_matches('.').to_string()
            ),
            t.text,
        ))];
        if self.candidates.len() > 1 {
            lines.push(Line::from(Span::styled(
                crate::say!(lang, "cosign-choose", names = self.candidates.join(" · ")),
                t.dim,
            )));
        }
        lines.push(Line::from(Span::styled(
            crate::say!(lang, "cosign-keys"),
            t.accent,
        )));
        Body {
            title: crate::say!(lang, "cosign-title"),
            input: None,
            lines,
        }
    }

    fn spoken(&self, lang: crate::i18n::Lang) -> String {
        crate::say!(
            lang,
            "spoken-cosign",
            who = self.who().to_string(),
            names = self.numbered()
        )
    }

    fn answer(&mut self, line: &str, lang: crate::i18n::Lang) -> Outcome {
        if super::is_cancel(line, lang) {
            return Outcome::Close;
        }
        let line = line.trim();
        if let Ok(n) = line.parse::<usize>() {
            return n.checked_sub(1).map_or(Outcome::Keep, |i| self.sign(i));
        }
        if let Some(i) = self
            .candidates
            .iter()
            .position(|c| c.trim().eq_ignore_ascii_case(line))
        {
            return self.sign(i);
        }
        match crate::i18n::words::yes_no(line) {
            Some(true) => self.sign(self.chosen),
            Some(false) => Outcome::Close,
            None => Outcome::Keep,
        }
    }
}
