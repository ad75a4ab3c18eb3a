//! Acknowledging an alert, with what was done about it.

use super::line::LineKey;
use super::{Body, Dialog, LineField, Outcome};
use crate::tui::app::Msg;
use crate::tui::theme::Theme;
use ratatui::crossterm::event::KeyEvent;
use ratatui::text::{Line, Span};

pub struct Ack {
    pub alert: u32,
    /// The alert's headline and the protocol's advice, as raised.
    pub headline: String,
    pub advice: String,
    pub field: LineField,
    /// For a positive risk screen's alarm: the screen's journal entry.
    pub risk: Option<u64>,
}

impl Ack {
    pub fn new(alert: &crate::session::alerts::Alert, lang: crate::i18n::Lang) -> Ack {
        Ack {
            alert: alert.id,
            headline: alert.headline().say(lang),
            advice: alert.action.clone(),
            field: LineField::default(),
            risk: None,
        }
    }

    /// The alarm of the positive risk screen at journal entry `screen`.
    pub fn risk(screen: u64, headline: String, advice: String) -> Ack {
        Ack {
            alert: 0,
            headline,
            advice,
            field: LineField::default(),
            risk: Some(screen),
        }
    }

    fn msg(&self, text: String) -> Msg {
        let action = (!text.is_empty()).then_some(text);
        match self.risk {
            Some(screen) => Msg::AcknowledgeRisk { screen, action },
            None => Msg::Acknowledge {
                alert: self.alert,
                action,
            },
        }
    }
}

impl Dialog for Ack {
    fn on_key(&mut self, key: KeyEvent, _lang: crate::i18n::Lang) -> Outcome {
        match self.field.on_key(key) {
            LineKey::Submit(text) => Outcome::Submit(self.msg(text)),
            LineKey::Close => Outcome::Close,
            LineKey::Keep => Outcome::Keep,
        }
    }

    fn answer(&mut self, line: &str, _lang: crate::i18n::Lang) -> Outcome {
        Outcome::Submit(self.msg(line.trim().to_string()))
    }

    fn body(&self, t: &Theme, lang: crate::i18n::Lang) -> Body<'_> {
        let hint = if self.field.armed {
            self.field
                .hint(t, &crate::say!(lang, "hint-acknowledges"), lang)
        } else {
            Line::from(Span::styled(crate::say!(lang, "ack-hint"), t.dim))
        };
        Body {
            title: match self.risk {
                Some(_) => crate::say!(lang, "risk-ack-title"),
                None => crate::say!(lang, "ack-title", alert = self.alert),
            },
            input: Some(&self.field.input),
            lines: vec![
                Line::from(Span::styled(self.headline.clone(), t.warn)),
                Line::from(Span::styled(format!("→ {}", self.advice), t.text)),
                hint,
            ],
        }
    }

    fn field(&mut self) -> Option<&mut LineField> {
        Some(&mut self.field)
    }

    fn spoken(&self, lang: crate::i18n::Lang) -> String {
        if self.risk.is_some() {
            return crate::say!(
                lang,
                "spoken-risk-ack",
                what = self.headline.clone(),
                advice = self.advice.trim_end_matches('.').to_string()
            );
        }
        crate::say!(
            lang,
            "spoken-ack",
            alert = self.alert,
            what = self.headline.clone(),
            advice = self.advice.trim_end_matches('.').to_string()
        )
    }
}
