//! The risk screen as a dialog: the protocol's questions one at a time,
//! answered by number, then the result and Enter to save it. Opened by
//! `!` at any moment of a session (the screen-reader's `risk`).

use super::{Body, Dialog, Outcome};
use crate::protocol::RiskScreen;
use crate::session::risk::{result_words, score};
use crate::tui::app::Msg;
use crate::tui::theme::Theme;
use ratatui::crossterm::event::{KeyCode, KeyEvent};
use ratatui::text::{Line, Span};

pub struct Risk {
    screen: RiskScreen,
    pub answers: Vec<u32>,
}

impl Risk {
    pub fn new(screen: &RiskScreen) -> Risk {
        Risk {
            screen: screen.clone(),
            answers: Vec::new(),
        }
    }

    fn done(&self) -> bool {
        self.answers.len() >= self.screen.items.len()
    }

    /// Answer the current question with `n`, if it has that answer.
    /// Whether it had: an answer that does not exist is not taken.
    fn choose(&mut self, n: u32) -> bool {
        let ok = self
            .screen
            .items
            .get(self.answers.len())
            .is_some_and(|item| n >= 1 && n as usize <= item.answer_count());
        if ok {
            self.answers.push(n);
        }
        ok
    }

    fn submit(&self) -> Outcome {
        Outcome::Submit(Msg::Risk {
            screen: self.screen.id.clone(),
            answers: self.answers.clone(),
        })
    }

    fn result(&self, lang: crate::i18n::Lang) -> String {
        score(&self.screen, &self.answers)
            .map_or_else(|e| e.text(), |r| result_words(&r))
            .say(lang)
    }

    fn answers_of(&self, i: usize, lang: crate::i18n::Lang) -> Vec<String> {
        self.screen.items.get(i).map_or_else(Vec::new, |item| {
            (1..=item.answer_count() as u32)
                .map(|n| format!("{n} {}", item.answer_text(n).say(lang)))
                .collect()
        })
    }
}

impl Dialog for Risk {
    fn on_key(&mut self, key: KeyEvent, _lang: crate::i18n::Lang) -> Outcome {
        match key.code {
            KeyCode::Esc => Outcome::Close,
            KeyCode::Backspace => {
                self.answers.pop();
                Outcome::Keep
            }
            KeyCode::Enter if self.done() => self.submit(),
            KeyCode::Char(c) => {
                if let Some(d) = c.to_digit(10) {
                    self.choose(d);
                }
                Outcome::Keep
            }
            _ => Outcome::Keep,
        }
    }

    fn answer(&mut self, line: &str, lang: crate::i18n::Lang) -> Outcome {
        let w = line.trim().to_lowercase();
        let said = |english: &str| {
            w == english
                || crate::i18n::text(lang, &format!("reader-word-{english}"), None)
                    .split_whitespace()
                    .any(|x| x.to_lowercase() == w)
        };
        if said("back") {
            self.answers.pop();
            return Outcome::Turned;
        } else if self.done() && (w.is_empty() || said("save")) {
            return self.submit();
        } else if let Ok(n) = w.parse::<u32>() {
            return match self.choose(n) {
                true => Outcome::Turned,
                false => Outcome::Keep,
            };
        }
        Outcome::Keep
    }

    fn body(&self, t: &Theme, lang: crate::i18n::Lang) -> Body<'_> {
        let count = self.screen.items.len();
        let mut lines = Vec::new();
        for (i, (item, &a)) in self.screen.items.iter().zip(&self.answers).enumerate() {
            lines.push(Line::from(Span::styled(
                crate::say!(
                    lang,
                    "risk-answered",
                    n = i + 1,
                    text = short(&item.text),
                    answer = item.answer_text(a).say(lang)
                ),
                t.dim,
            )));
        }
        let hint;
        if let Some(item) = self.screen.items.get(self.answers.len()) {
            let n = self.answers.len() + 1;
            lines.push(Line::from(Span::styled(
                crate::say!(lang, "risk-question", n = n, count = count),
                t.accent,
            )));
            lines.push(Line::from(Span::styled(item.text.clone(), t.text)));
            lines.push(Line::from(Span::styled(
                format!(
                    "  {}",
                    self.answers_of(self.answers.len(), lang).join("   ")
                ),
                t.text,
            )));
            hint = crate::say!(lang, "risk-hint");
        } else {
            lines.push(Line::from(Span::styled(self.result(lang), t.warn)));
            hint = crate::say!(lang, "risk-done-hint");
        }
        lines.push(Line::from(Span::styled(hint, t.dim)));
        Body {
            title: self.screen.name.clone(),
            input: None,
            lines,
        }
    }

    fn spoken(&self, lang: crate::i18n::Lang) -> String {
        match self.screen.items.get(self.answers.len()) {
            Some(item) => crate::say!(
                lang,
                "spoken-risk-item",
                n = self.answers.len() + 1,
                count = self.screen.items.len(),
                text = item.text.clone(),
                answers = self.answers_of(self.answers.len(), lang).join(", ")
            ),
            None => crate::say!(lang, "spoken-risk-done", result = self.result(lang)),
        }
    }
}

/// A question cut to fit one line beside its answer.
fn short(text: &str) -> String {
    const ROOM: usize = 48;
    if text.chars().count() <= ROOM {
        text.to_string()
    } else {
        format!("{}…", text.chars().take(ROOM - 1).collect::<String>())
    }
}
