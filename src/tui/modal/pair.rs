//! Two lines asked together: a correction (the replacement, empty for
//! "entered in error", then the reason) and an addendum (the text, then
//! the reason). Enter on the first moves to the second; Enter on the
//! second submits; Tab moves between them.

use super::line::LineKey;
use super::{Body, Dialog, LineField, Outcome};
use crate::tui::app::Msg;
use crate::tui::theme::Theme;
use ratatui::crossterm::event::{KeyCode, KeyEvent};
use ratatui::text::{Line, Span};

#[derive(Debug, Clone, PartialEq, Eq)]
pub enum PairFor {
    /// Correct journal entry `entry`, shown as `original`, with how its
    /// replacement is typed when that is not a plain value (a rescue
    /// dose, ketamine).
    Correct {
        entry: u64,
        original: String,
        how: Option<String>,
    },
    Addendum,
}

pub struct Pair {
    pub purpose: PairFor,
    pub first: LineField,
    pub second: LineField,
    pub on_second: bool,
}

impl Pair {
    pub fn new(purpose: PairFor) -> Pair {
        Pair {
            purpose,
            first: LineField::default(),
            second: LineField::default(),
            on_second: false,
        }
    }

    fn msg(&self, first: String, second: String) -> Msg {
        match &self.purpose {
            PairFor::Correct { entry, .. } => Msg::Correct {
                entry: *entry,
                replacement: first,
                reason: second,
            },
            PairFor::Addendum => Msg::Addendum {
                text: first,
                reason: second,
            },
        }
    }

    fn labels(&self, lang: crate::i18n::Lang) -> (String, String) {
        match self.purpose {
            PairFor::Correct { .. } => (
                crate::say!(lang, "correct-value-label"),
                crate::say!(lang, "correct-reason-label"),
            ),
            PairFor::Addendum => (
                crate::say!(lang, "addendum-text-label"),
                crate::say!(lang, "addendum-reason-label"),
            ),
        }
    }
}

impl Dialog for Pair {
    fn on_key(&mut self, key: KeyEvent, _lang: crate::i18n::Lang) -> Outcome {
        if matches!(key.code, KeyCode::Tab | KeyCode::BackTab) {
            self.on_second = !self.on_second;
            return Outcome::Keep;
        }
        let field = if self.on_second {
            &mut self.second
        } else {
            &mut self.first
        };
        match field.on_key(key) {
            LineKey::Submit(_) if !self.on_second => {
                self.on_second = true;
                Outcome::Keep
            }
            LineKey::Submit(_) => Outcome::Submit(self.msg(self.first.text(), self.second.text())),
            LineKey::Close if self.first.text().is_empty() && self.second.text().is_empty() => {
                Outcome::Close
            }
            LineKey::Close => Outcome::Close,
            LineKey::Keep => Outcome::Keep,
        }
    }

    fn body(&self, t: &Theme, lang: crate::i18n::Lang) -> Body<'_> {
        let (a, b) = self.labels(lang);
        let (title, mut lines) = match &self.purpose {
            PairFor::Correct {
                entry,
                original,
                how,
            } => {
                let mut lines = vec![Line::from(Span::styled(original.clone(), t.text))];
                if let Some(how) = how {
                    lines.push(Line::from(Span::styled(how.clone(), t.dim)));
                }
                (crate::say!(lang, "correct-title", entry = *entry), lines)
            }
            PairFor::Addendum => (crate::say!(lang, "addendum-title"), vec![]),
        };
        let mark = |on: bool| if on { "› " } else { "  " };
        lines.push(Line::from(Span::styled(
            format!(
                "{}{}",
                mark(!self.on_second),
                crate::i18n::labelled_in(lang, &a, &self.first.text())
            ),
            if self.on_second { t.dim } else { t.accent },
        )));
        lines.push(Line::from(Span::styled(
            format!(
                "{}{}",
                mark(self.on_second),
                crate::i18n::labelled_in(lang, &b, &self.second.text())
            ),
            if self.on_second { t.accent } else { t.dim },
        )));
        let field = if self.on_second {
            &self.second
        } else {
            &self.first
        };
        lines.push(field.hint(
            t,
            &if self.on_second {
                crate::say!(lang, "hint-saves")
            } else {
                crate::say!(lang, "pair-enter-next-line")
            },
            lang,
        ));
        Body {
            title,
            input: Some(&field.input),
            lines,
        }
    }

    fn field(&mut self) -> Option<&mut LineField> {
        Some(if self.on_second {
            &mut self.second
        } else {
            &mut self.first
        })
    }

    fn spoken(&self, lang: crate::i18n::Lang) -> String {
        match &self.purpose {
            PairFor::Correct {
                entry,
                original,
                how,
            } => {
                let said = crate::say!(
                    lang,
                    "spoken-correct",
                    entry = *entry,
                    original = original.clone()
                );
                match how {
                    Some(how) => format!("{said} {how}"),
                    None => said,
                }
            }
            PairFor::Addendum => crate::say!(lang, "spoken-addendum"),
        }
    }

    fn answer(&mut self, line: &str, _lang: crate::i18n::Lang) -> Outcome {
        match split_because(line) {
            Some((first, reason)) => Outcome::Submit(self.msg(first, reason)),
            None => Outcome::Keep,
        }
    }
}

/// "VALUE because REASON" → (value, reason); the value may be empty.
pub fn split_because(line: &str) -> Option<(String, String)> {
    let l = line.trim();
    // ASCII lower-casing keeps every byte offset, and the words are ASCII.
    let lower = l.to_ascii_lowercase();
    // "because" in each of kap's languages; the earliest one splits.
    let (i, word) = crate::i18n::words::BECAUSE
        .iter()
        .filter_map(|w| {
            if lower.starts_with(&format!("{w} ")) {
                Some((0, *w))
            } else {
                lower.find(&format!(" {w} ")).map(|i| (i + 1, *w))
            }
        })
        .min_by_key(|(i, _)| *i)?;
    let first = l.get(..i)?.trim().to_string();
    let reason = l.get(i + word.len() + 1..)?.trim().to_string();
    Some((first, reason))
}

/// A reason typed after a void, without the "because" it may start with
/// (in any of kap's languages).
pub fn strip_because(tail: &str) -> &str {
    let t = tail.trim();
    let lower = t.to_ascii_lowercase();
    for w in crate::i18n::words::BECAUSE {
        if lower.starts_with(&format!("{w} ")) {
            return t.get(w.len()..).map_or(t, str::trim);
        }
    }
    t
}

#[cfg(test)]
mod tests {
    use super::{split_because, strip_because};

    #[test]
    fn a_void_s_reason_loses_its_leading_because_in_any_language() {
        assert_eq!(
            strip_because("parce que mauvais patient"),
            "mauvais patient"
        );
        assert_eq!(strip_because("Porque paciente errado"), "paciente errado");
        assert_eq!(strip_because("because typo"), "typo");
        assert_eq!(strip_because("typo because tired"), "typo because tired");
    }

    #[test]
    fn because_in_each_language() {
        let s = split_because;
        assert_eq!(
            s("120/80 because cuff too small"),
            Some(("120/80".into(), "cuff too small".into()))
        );
        assert_eq!(
            s("Because wrong patient"),
            Some((String::new(), "wrong patient".into()))
        );
        assert_eq!(
            s("Élevée parce que brassard trop petit"),
            Some(("Élevée".into(), "brassard trop petit".into()))
        );
        assert_eq!(
            s("porque paciente errado"),
            Some((String::new(), "paciente errado".into()))
        );
        assert_eq!(s("no reason given"), None);
    }
}
