//! The timeline: every entry and alert in the order it happened, a page
//! at a time, filtered by kind; an entry chosen here can be corrected.

use super::{Body, Dialog, Outcome};
use crate::session::timeline::{Kind, Row};
use crate::tui::app::Msg;
use crate::tui::theme::Theme;
use ratatui::crossterm::event::{KeyCode, KeyEvent};
use ratatui::style::Modifier;
use ratatui::text::{Line, Span};

/// Rows a page shows (fits 80×24 with the dialog's frame and hints).
pub const PAGE: usize = 12;
/// Characters of a row shown on screen (the whole row is spoken, and is in
/// the summary's timeline).
const ROW_WIDTH: usize = 70;

pub struct Timeline {
    pub rows: Vec<Row>,
    /// Showing only this kind, or everything.
    pub filter: Option<Kind>,
    /// The highlighted row, among those shown.
    pub cursor: usize,
}

impl Timeline {
    pub fn new(rows: Vec<Row>) -> Timeline {
        let cursor = rows.len().saturating_sub(1);
        Timeline {
            rows,
            filter: None,
            cursor,
        }
    }

    pub fn shown(&self) -> Vec<&Row> {
        self.rows
            .iter()
            .filter(|r| self.filter.is_none_or(|k| r.kind == k))
            .collect()
    }

    fn next_filter(&mut self) {
        self.filter = match self.filter {
            None => Some(Kind::ALL[0]),
            Some(k) => Kind::ALL
                .iter()
                .position(|x| *x == k)
                .and_then(|i| Kind::ALL.get(i + 1))
                .copied(),
        };
        self.cursor = self.shown().len().saturating_sub(1);
    }

    /// One row as a line of text: time, marks, author, what.
    pub fn line_of(r: &Row, lang: crate::i18n::Lang) -> String {
        let mut s = format!(
            "{} {:>4} {}",
            r.taken_text(),
            r.seq.map(|n| format!("#{n}")).unwrap_or_default(),
            r.text.say(lang)
        );
        if let Some(by) = &r.by {
            s.push_str(&format!(" — {by}"));
        }
        for m in r.marks() {
            s.push_str(&format!(" [{}]", m.say(lang)));
        }
        s
    }
}

impl Dialog for Timeline {
    fn on_key(&mut self, key: KeyEvent, lang: crate::i18n::Lang) -> Outcome {
        let n = self.shown().len();
        match key.code {
            KeyCode::Up | KeyCode::Char('k') => self.cursor = self.cursor.saturating_sub(1),
            KeyCode::Down | KeyCode::Char('j') => {
                self.cursor = (self.cursor + 1).min(n.saturating_sub(1))
            }
            KeyCode::PageUp => self.cursor = self.cursor.saturating_sub(PAGE),
            KeyCode::PageDown => self.cursor = (self.cursor + PAGE).min(n.saturating_sub(1)),
            KeyCode::Home => self.cursor = 0,
            KeyCode::End => self.cursor = n.saturating_sub(1),
            KeyCode::Tab => self.next_filter(),
            KeyCode::Char('e') | KeyCode::Enter => {
                let row = self
                    .shown()
                    .get(self.cursor)
                    .map(|r| (r.seq, Self::line_of(r, lang)));
                if let Some((Some(entry), original)) = row {
                    return Outcome::Submit(Msg::OpenCorrection { entry, original });
                }
            }
            KeyCode::Esc | KeyCode::Char('q') | KeyCode::Char('L') => return Outcome::Close,
            _ => {}
        }
        Outcome::Keep
    }

    fn body(&self, t: &Theme, lang: crate::i18n::Lang) -> Body<'_> {
        let shown = self.shown();
        // A window around the highlighted row: the last page at the end.
        let top = self
            .cursor
            .saturating_sub(PAGE / 2)
            .min(shown.len().saturating_sub(PAGE));
        let mut lines: Vec<Line<'_>> = shown
            .iter()
            .enumerate()
            .skip(top)
            .take(PAGE)
            .map(|(i, r)| {
                let mut style = if i == self.cursor { t.selected } else { t.text };
                if r.status.struck() {
                    style = style.add_modifier(Modifier::CROSSED_OUT);
                }
                // One screen line per row: the dialog is 70 wide inside.
                let mut text = Self::line_of(r, lang);
                if text.chars().count() > ROW_WIDTH {
                    text = text.chars().take(ROW_WIDTH - 1).collect::<String>() + "…";
                }
                Line::from(Span::styled(text, style))
            })
            .collect();
        while lines.len() < PAGE {
            lines.push(Line::raw(""));
        }
        lines.push(Line::from(Span::styled(
            crate::say!(
                lang,
                "timeline-footer",
                position = format!("{}/{}", (self.cursor + 1).min(shown.len()), shown.len()),
                filter = self.filter.map_or_else(
                    || crate::say!(lang, "timeline-everything"),
                    |k| k.label().say(lang)
                )
            ),
            t.dim,
        )));
        Body {
            title: crate::say!(lang, "timeline-title"),
            input: None,
            lines,
        }
    }

    fn spoken(&self, lang: crate::i18n::Lang) -> String {
        let mut s = crate::say!(lang, "spoken-timeline");
        for r in self.shown() {
            s.push_str("\n  ");
            s.push_str(&Self::line_of(r, lang));
        }
        s.push('\n');
        s.push_str(&crate::say!(
            lang,
            "spoken-timeline-how",
            correct = crate::tui::keys::shown_word("correct", lang),
            void = crate::tui::keys::shown_word("void", lang),
            cancel = crate::tui::keys::shown_word("cancel", lang)
        ));
        s
    }

    fn answer(&mut self, line: &str, lang: crate::i18n::Lang) -> Outcome {
        // The command word in any of kap's languages, as its English form.
        let trimmed = line.trim();
        let (first, after) = trimmed
            .split_once(char::is_whitespace)
            .unwrap_or((trimmed, ""));
        let normalized = format!("{} {}", crate::tui::keys::command_word(first, lang), after);
        let l = normalized.trim();
        let lower = l.to_lowercase();
        for (word, void) in [("void ", true), ("correct ", false)] {
            if let Some(rest) = lower.strip_prefix(word) {
                let rest = &l[l.len() - rest.len()..];
                let (n, tail) = rest.split_once(char::is_whitespace).unwrap_or((rest, ""));
                let Ok(entry) = n.trim_start_matches('#').parse::<u64>() else {
                    return Outcome::Keep;
                };
                let tail = if void {
                    format!("because {}", super::pair::strip_because(tail))
                } else {
                    tail.to_string()
                };
                return match super::pair::split_because(&tail) {
                    Some((replacement, reason)) => Outcome::Submit(Msg::Correct {
                        entry,
                        replacement: if void { String::new() } else { replacement },
                        reason,
                    }),
                    None => Outcome::Keep,
                };
            }
        }
        Outcome::Keep
    }
}
