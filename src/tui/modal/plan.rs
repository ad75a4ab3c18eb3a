//! The safety plan as a dialog: the plan as it stands (the six elements
//! of a Stanley–Brown plan, numbered), and each element written one at a
//! time, in the plan's order. A changed element is saved as a new version
//! (the app records `SafetyPlanned` and opens the next element); an
//! unchanged one moves on without a record. Opened by `P` (reader: `plan`)
//! and after a positive risk screen's alarm is acknowledged.

use super::line::LineKey;
use super::{Body, Dialog, LineField, Outcome};
use crate::session::risk::{CarriedPlan, PlanElement, RiskRecord};
use crate::tui::app::Msg;
use crate::tui::theme::Theme;
use ratatui::crossterm::event::{KeyCode, KeyEvent};
use ratatui::text::{Line, Span};

/// Which page the dialog shows.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum PlanPage {
    /// Every element as it stands; a number opens one.
    Review,
    /// One element (its index in [`PlanElement::ALL`]) being written.
    Element(usize),
}

pub struct SafetyPlan {
    /// Each element's text as it stands, in the plan's order: this
    /// session's, else the course's.
    texts: Vec<Option<String>>,
    /// The session an element's text was carried from, when it is the
    /// course's (not yet written again in this session).
    carried: Vec<Option<u32>>,
    /// How many earlier versions each element has.
    earlier: Vec<usize>,
    /// The protocol's crisis lines, shown with the professionals.
    crisis: Vec<String>,
    pub page: PlanPage,
    field: LineField,
}

impl SafetyPlan {
    /// The plan of this session (`risk`), over the course's latest
    /// (`course`) for elements not written again here.
    pub fn new(
        risk: &RiskRecord,
        course: Option<&CarriedPlan>,
        crisis: &[String],
        page: PlanPage,
    ) -> SafetyPlan {
        let here: Vec<Option<String>> = PlanElement::ALL
            .iter()
            .map(|e| {
                risk.plan_now()
                    .into_iter()
                    .find(|p| p.element == *e)
                    .map(|p| p.text.clone())
            })
            .collect();
        let before = |e: PlanElement| {
            course.and_then(|c| {
                c.elements
                    .iter()
                    .find(|(x, _)| *x == e)
                    .map(|(_, t)| (c.session, t.clone()))
            })
        };
        let carried = PlanElement::ALL
            .iter()
            .zip(&here)
            .map(|(e, h)| h.is_none().then(|| before(*e).map(|(n, _)| n)).flatten())
            .collect();
        let texts = PlanElement::ALL
            .iter()
            .zip(here)
            .map(|(e, h)| h.or_else(|| before(*e).map(|(_, t)| t)))
            .collect();
        let earlier = PlanElement::ALL
            .iter()
            .map(|e| risk.plan_history(*e).len())
            .collect();
        let mut d = SafetyPlan {
            texts,
            carried,
            earlier,
            crisis: crisis.to_vec(),
            page: PlanPage::Review,
            field: LineField::default(),
        };
        d.go(page);
        d
    }

    /// The page after element `i` has been written or kept.
    pub fn after(i: usize) -> PlanPage {
        if i + 1 < PlanElement::ALL.len() {
            PlanPage::Element(i + 1)
        } else {
            PlanPage::Review
        }
    }

    fn go(&mut self, page: PlanPage) {
        self.page = page;
        let text = match page {
            PlanPage::Element(i) => self.now(i).unwrap_or_default(),
            PlanPage::Review => String::new(),
        };
        self.field = LineField {
            input: crate::tui::app::line_input(&text),
            armed: false,
        };
    }

    fn now(&self, i: usize) -> Option<String> {
        self.texts.get(i).cloned().flatten()
    }

    fn written(&self) -> usize {
        self.texts.iter().filter(|t| t.is_some()).count()
    }

    /// The first element not written yet, else the first.
    fn first_open(&self) -> usize {
        self.texts.iter().position(Option::is_none).unwrap_or(0)
    }

    /// Element `i` given `text`: saved when changed, kept when not. An
    /// element carried from an earlier session and kept as it is was
    /// reviewed here: it is saved, so this session's record holds the
    /// plan the patient left with.
    fn write(&mut self, i: usize, text: String) -> Outcome {
        let unchanged = self.now(i).unwrap_or_default() == text;
        let reviewed = self.carried.get(i).copied().flatten().is_some() && !text.trim().is_empty();
        if unchanged && !reviewed {
            self.go(SafetyPlan::after(i));
            return Outcome::Keep;
        }
        Outcome::Submit(Msg::SafetyPlan {
            element: PlanElement::ALL[i],
            text,
        })
    }

    fn open_number(&mut self, line: &str) -> bool {
        match line.trim().parse::<usize>() {
            Ok(n) if (1..=PlanElement::ALL.len()).contains(&n) => {
                self.go(PlanPage::Element(n - 1));
                true
            }
            _ => false,
        }
    }

    fn text_or_none(&self, i: usize, lang: crate::i18n::Lang) -> String {
        match (self.now(i), self.carried.get(i).copied().flatten()) {
            (Some(t), Some(n)) if !t.is_empty() => {
                crate::say!(lang, "plan-from-session", text = t, session = n)
            }
            (Some(t), None) if !t.is_empty() => t,
            _ => crate::say!(lang, "plan-not-written"),
        }
    }

    fn row(&self, i: usize, e: PlanElement, lang: crate::i18n::Lang) -> String {
        crate::say!(
            lang,
            "plan-row",
            n = i + 1,
            element = e.label().say(lang),
            text = self.text_or_none(i, lang)
        )
    }

    fn review_lines(&self, t: &Theme, lang: crate::i18n::Lang) -> Vec<Line<'static>> {
        let mut lines = vec![Line::from(Span::styled(
            crate::say!(
                lang,
                "plan-written-count",
                n = self.written(),
                count = PlanElement::ALL.len()
            ),
            t.accent,
        ))];
        for (i, e) in PlanElement::ALL.iter().enumerate() {
            let row = self.row(i, *e, lang);
            lines.push(Line::from(Span::styled(short(&row, 68), t.text)));
        }
        lines.push(Line::from(Span::styled(
            crate::say!(lang, "plan-review-hint"),
            t.dim,
        )));
        lines
    }

    fn element_lines(&self, i: usize, t: &Theme, lang: crate::i18n::Lang) -> Vec<Line<'static>> {
        let e = PlanElement::ALL[i];
        let mut lines = Vec::new();
        if e == PlanElement::Professionals {
            for c in &self.crisis {
                lines.push(Line::from(Span::styled(
                    crate::say!(lang, "plan-crisis-line", line = c.clone()),
                    t.text,
                )));
            }
        }
        if self.earlier[i] > 0 {
            lines.push(Line::from(Span::styled(
                crate::say!(lang, "plan-earlier-versions", n = self.earlier[i]),
                t.dim,
            )));
        }
        lines.push(self.field.hint(t, &crate::say!(lang, "plan-enter"), lang));
        lines
    }
}

impl Dialog for SafetyPlan {
    fn on_key(&mut self, key: KeyEvent, _lang: crate::i18n::Lang) -> Outcome {
        match self.page {
            PlanPage::Review => match key.code {
                KeyCode::Esc => Outcome::Close,
                KeyCode::Enter => {
                    self.go(PlanPage::Element(self.first_open()));
                    Outcome::Keep
                }
                KeyCode::Char(c) => {
                    self.open_number(&c.to_string());
                    Outcome::Keep
                }
                _ => Outcome::Keep,
            },
            PlanPage::Element(i) => {
                let unchanged = self.now(i).unwrap_or_default() == self.field.text();
                if key.code == KeyCode::Esc && unchanged {
                    self.go(PlanPage::Review);
                    return Outcome::Keep;
                }
                match self.field.on_key(key) {
                    LineKey::Submit(text) => self.write(i, text),
                    LineKey::Close => {
                        self.go(PlanPage::Review);
                        Outcome::Keep
                    }
                    LineKey::Keep => Outcome::Keep,
                }
            }
        }
    }

    fn answer(&mut self, line: &str, _lang: crate::i18n::Lang) -> Outcome {
        match self.page {
            PlanPage::Review => {
                if line.trim().is_empty() {
                    self.go(PlanPage::Element(self.first_open()));
                    return Outcome::Turned;
                }
                if self.open_number(line) {
                    Outcome::Turned
                } else {
                    Outcome::Keep
                }
            }
            PlanPage::Element(i) => {
                let text = line.trim();
                if text.is_empty() {
                    self.go(SafetyPlan::after(i));
                    return Outcome::Turned;
                }
                self.write(i, text.to_string())
            }
        }
    }

    fn body(&self, t: &Theme, lang: crate::i18n::Lang) -> Body<'_> {
        let (input, lines) = match self.page {
            PlanPage::Review => (None, self.review_lines(t, lang)),
            PlanPage::Element(i) => (Some(&self.field.input), self.element_lines(i, t, lang)),
        };
        let title = match self.page {
            PlanPage::Review => crate::say!(lang, "plan-title"),
            PlanPage::Element(i) => crate::say!(
                lang,
                "plan-title-element",
                n = i + 1,
                count = PlanElement::ALL.len(),
                element = PlanElement::ALL[i].label().say(lang)
            ),
        };
        Body {
            title,
            input,
            lines,
        }
    }

    fn field(&mut self) -> Option<&mut LineField> {
        match self.page {
            PlanPage::Element(_) => Some(&mut self.field),
            PlanPage::Review => None,
        }
    }

    fn spoken(&self, lang: crate::i18n::Lang) -> String {
        match self.page {
            PlanPage::Review => {
                let elements: Vec<String> = PlanElement::ALL
                    .iter()
                    .enumerate()
                    .map(|(i, e)| self.row(i, *e, lang))
                    .collect();
                crate::say!(
                    lang,
                    "spoken-plan-review",
                    n = self.written(),
                    count = PlanElement::ALL.len(),
                    elements = elements.join(". ")
                )
            }
            PlanPage::Element(i) => {
                let crisis = if PlanElement::ALL[i] == PlanElement::Professionals
                    && !self.crisis.is_empty()
                {
                    crate::say!(lang, "plan-crisis-line", line = self.crisis.join("; ")) + ". "
                } else {
                    String::new()
                };
                crate::say!(
                    lang,
                    "spoken-plan-element",
                    n = i + 1,
                    count = PlanElement::ALL.len(),
                    element = PlanElement::ALL[i].label().say(lang),
                    now = self.text_or_none(i, lang),
                    crisis = crisis
                )
            }
        }
    }
}

/// A line cut to `room` characters.
fn short(text: &str, room: usize) -> String {
    if text.chars().count() <= room {
        text.to_string()
    } else {
        format!("{}…", text.chars().take(room - 1).collect::<String>())
    }
}
