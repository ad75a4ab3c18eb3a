//! Choosing the session's music, or a support without music.

use super::{Body, Dialog, Outcome};
use crate::tui::app::{Msg, MusicOption};
use crate::tui::theme::Theme;
use ratatui::crossterm::event::{KeyCode, KeyEvent};
use ratatui::text::{Line, Span};

pub struct Music {
    pub options: Vec<MusicOption>,
    pub selected: usize,
}

impl Dialog for Music {
    fn on_key(&mut self, key: KeyEvent, _lang: crate::i18n::Lang) -> Outcome {
        let chosen = self.options.get(self.selected).cloned();
        match key.code {
            KeyCode::Up | KeyCode::Char('k') => {
                self.selected = self.selected.saturating_sub(1);
                Outcome::Keep
            }
            KeyCode::Down | KeyCode::Char('j') => {
                if self.selected + 1 < self.options.len() {
                    self.selected += 1;
                }
                Outcome::Keep
            }
            KeyCode::Char('p') => chosen.map_or(Outcome::Keep, |o| Outcome::Do(Msg::Preview(o))),
            KeyCode::Enter => {
                chosen.map_or(Outcome::Close, |o| Outcome::Submit(Msg::ChooseMusic(o)))
            }
            KeyCode::Esc => Outcome::Close,
            _ => Outcome::Keep,
        }
    }

    fn answer(&mut self, line: &str, _lang: crate::i18n::Lang) -> Outcome {
        let words: Vec<&str> = line.split_whitespace().collect();
        let pick = |w: &str| {
            w.parse::<usize>()
                .ok()
                .and_then(|n| n.checked_sub(1))
                .and_then(|i| self.options.get(i).cloned())
        };
        match words.as_slice() {
            [n] => pick(n).map_or(Outcome::Keep, |o| Outcome::Submit(Msg::ChooseMusic(o))),
            ["preview" | "p", n] => pick(n).map_or(Outcome::Keep, |o| Outcome::Do(Msg::Preview(o))),
            _ => Outcome::Keep,
        }
    }

    fn body(&self, t: &Theme, lang: crate::i18n::Lang) -> Body<'_> {
        let lines = self
            .options
            .iter()
            .enumerate()
            .map(|(i, o)| {
                let on = i == self.selected;
                Line::from(Span::styled(
                    format!("{} {}", if on { "›" } else { " " }, o.label),
                    if on { t.selected } else { t.text },
                ))
            })
            .collect();
        Body {
            title: crate::say!(lang, "music-dialog-title"),
            input: None,
            lines,
        }
    }

    fn spoken(&self, lang: crate::i18n::Lang) -> String {
        let mut s = crate::say!(lang, "spoken-music");
        for (i, o) in self.options.iter().enumerate() {
            s.push_str(&format!("\n  {}. {}", i + 1, o.label));
        }
        s
    }
}
