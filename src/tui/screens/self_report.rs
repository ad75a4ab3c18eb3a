//! The patient's self-report screen: an outcome measure answered on the
//! laptop handed to them. Calm and plain: one item at a time in large
//! spacing, its choices numbered, nothing else of the record in view (no
//! header, no patient id, no timer, no score). `←` goes back an item; Esc
//! hands back to the clinician, asking first when answers would be lost.
//! When the last item is answered the answers are saved (`Msg::Outcome`)
//! and the screen thanks the patient until the clinician takes it back.
//!
//! The session goes on behind it: alarms still sound, and every answer
//! reaches the journal only through `App::update`.

use super::{Component, Shell};
use crate::protocol::{Instrument, words_in};
use crate::tui::app::Msg;
use crate::tui::keys::Ctx;
use crate::tui::view::Ui;
use ratatui::Frame;
use ratatui::crossterm::event::{KeyCode, KeyEvent};
use ratatui::layout::{Alignment, Constraint, Layout, Rect};
use ratatui::text::{Line, Span};
use ratatui::widgets::{Paragraph, Wrap};

/// Where the screen stands.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum Stage {
    /// Answering item `answers.len()`.
    Asking,
    /// Esc pressed with answers given: leave (and lose them) or stay.
    Leaving,
    /// Every item answered and saved: thanks, until handed back.
    Done,
}

pub struct SelfReport {
    pub instrument: Instrument,
    /// The phase (by id) it is given in.
    pub phase: String,
    /// The language its words are shown in (recorded with the answers).
    pub lang: String,
    /// The choice values given so far, one per item, in order.
    pub answers: Vec<u32>,
    pub stage: Stage,
    /// What the clinician is told when the screen is handed back (set
    /// when the answers are saved).
    pub summary: Option<(String, bool)>,
}

impl SelfReport {
    /// The patient holds the laptop (a self-report scale); `false` for a
    /// clinician-rated scale, which the clinician answers on this screen.
    pub fn patient_holds(&self) -> bool {
        self.instrument.self_report
    }

    /// The closing line: thanks to the patient, or the rating done.
    fn done_words(&self, lang: crate::i18n::Lang) -> String {
        if self.patient_holds() {
            crate::say!(lang, "self-report-thanks")
        } else {
            crate::say!(lang, "rating-done")
        }
    }

    /// The question before answers would be lost.
    fn leave_words(&self, lang: crate::i18n::Lang) -> String {
        let (yes, no) = (
            crate::i18n::text(lang, "key-name-yes", None),
            crate::i18n::text(lang, "key-name-no", None),
        );
        if self.patient_holds() {
            crate::say!(lang, "self-report-leave-question", yes = yes, no = no)
        } else {
            crate::say!(lang, "rating-leave-question", yes = yes, no = no)
        }
    }

    pub fn new(instrument: Instrument, phase: String, lang: String) -> SelfReport {
        SelfReport {
            instrument,
            phase,
            lang,
            answers: Vec::new(),
            stage: Stage::Asking,
            summary: None,
        }
    }

    fn w<'a>(&self, words: &'a crate::protocol::Words) -> &'a str {
        words_in(words, &self.lang)
    }

    /// The item being asked (none once all are answered).
    pub fn item(&self) -> Option<usize> {
        (self.answers.len() < self.instrument.items.len()).then_some(self.answers.len())
    }

    /// Choice number `n` (from 1) for the item asked: the answer, and the
    /// message to save when it was the last.
    pub fn choose(&mut self, n: usize) -> Option<Msg> {
        if self.stage != Stage::Asking {
            return None;
        }
        self.item()?;
        let value = self.instrument.choices.get(n.checked_sub(1)?)?.value;
        self.answers.push(value);
        (self.item().is_none()).then(|| Msg::Outcome {
            instrument: self.instrument.id.clone(),
            phase: self.phase.clone(),
            answers: self.answers.clone(),
            lang: self.lang.clone(),
        })
    }

    /// Back one item, its answer taken off to be given again.
    pub fn back(&mut self) {
        if self.stage == Stage::Asking {
            self.answers.pop();
        }
    }

    /// Esc: hand back at once when nothing would be lost, else ask.
    pub fn escape(&mut self) -> Option<Msg> {
        match self.stage {
            Stage::Asking if !self.answers.is_empty() => {
                self.stage = Stage::Leaving;
                None
            }
            Stage::Leaving => {
                self.stage = Stage::Asking;
                None
            }
            _ => Some(Msg::CloseSelfReport),
        }
    }

    /// The screen as sentences, for the screen-reader mode.
    pub fn spoken(&self, lang: crate::i18n::Lang) -> Vec<String> {
        let ins = &self.instrument;
        match (self.stage, self.item()) {
            (Stage::Done, _) | (_, None) => vec![self.done_words(lang)],
            (Stage::Leaving, _) => vec![self.leave_words(lang)],
            (Stage::Asking, Some(i)) => {
                let mut v = vec![crate::say!(
                    lang,
                    "self-report-progress",
                    name = ins.name.clone(),
                    item = i + 1,
                    items = ins.items.len()
                )];
                if i == 0 {
                    v.push(self.w(&ins.stem).to_string());
                }
                v.push(self.w(&ins.items[i].text).to_string());
                for (n, c) in ins.choices.iter().enumerate() {
                    v.push(format!("{}. {}", n + 1, self.w(&c.text)));
                }
                v
            }
        }
    }

    /// A line typed in the screen-reader mode: a choice's number, `back`,
    /// `cancel` (asks first), and yes or no when asked.
    pub fn answer_line(&mut self, line: &str, lang: crate::i18n::Lang) -> Option<Msg> {
        let word = line.trim();
        match self.stage {
            Stage::Done => Some(Msg::CloseSelfReport),
            Stage::Leaving => match crate::i18n::words::yes_no(word) {
                Some(true) => Some(Msg::CloseSelfReport),
                _ => {
                    self.stage = Stage::Asking;
                    None
                }
            },
            Stage::Asking => {
                if let Ok(n) = word.parse::<usize>() {
                    return self.choose(n);
                }
                match crate::tui::keys::command_word(word, lang).as_str() {
                    "back" => self.back(),
                    "cancel" => return self.escape(),
                    _ => {}
                }
                None
            }
        }
    }
}

impl Component for SelfReport {
    fn contexts(&self, _shell: &Shell<'_>) -> Vec<Ctx> {
        vec![match self.stage {
            Stage::Asking => Ctx::SelfReport,
            Stage::Leaving => Ctx::SelfReportLeaving,
            Stage::Done => Ctx::SelfReportDone,
        }]
    }

    fn on_key(&mut self, key: KeyEvent, _ctxs: &[Ctx]) -> Option<Msg> {
        match (self.stage, key.code) {
            (Stage::Asking, KeyCode::Char(c)) => {
                let n = c.to_digit(10)?;
                self.choose(usize::try_from(n).ok()?)
            }
            (Stage::Asking, KeyCode::Left | KeyCode::Backspace) => {
                self.back();
                None
            }
            (Stage::Leaving, KeyCode::Char(c)) => {
                match crate::i18n::words::yes_no(&c.to_string()) {
                    Some(true) => Some(Msg::CloseSelfReport),
                    Some(false) => self.escape(),
                    None => None,
                }
            }
            (Stage::Done, KeyCode::Enter) | (_, KeyCode::Esc) => self.escape(),
            _ => None,
        }
    }

    fn on_paste(&mut self, _text: &str) -> bool {
        false
    }

    fn render(&self, f: &mut Frame<'_>, ui: &Ui<'_>, _strip: Rect, body: Rect) {
        draw(f, ui, self, body);
    }
}

/// Whether an alarm waits in the session behind the screen: the patient
/// is asked to hand the laptop back, and told nothing of what it is.
pub fn clinician_needed(ui: &Ui<'_>) -> bool {
    match ui.screen {
        super::Screen::Session(v) => {
            let s = &v.open.session;
            ui.timed
                .as_ref()
                .is_some_and(|tm| !tm.alarms_waiting.is_empty())
                || !s.technical_waiting().is_empty()
        }
        _ => false,
    }
}

/// The whole screen: `area` is the terminal, nothing else drawn.
pub fn draw(f: &mut Frame<'_>, ui: &Ui<'_>, sr: &SelfReport, area: Rect) {
    let lang = ui.lang;
    let t = ui.theme;
    if clinician_needed(ui) {
        let call = if sr.patient_holds() {
            crate::say!(lang, "self-report-call-clinician")
        } else {
            crate::say!(lang, "rating-alarm-waiting")
        };
        f.render_widget(
            Paragraph::new(Line::styled(format!(" {call}"), t.alarm)),
            Rect::new(area.x, area.y, area.width, 1),
        );
    }
    let width = area.width.min(72);
    let x = area.x + (area.width - width) / 2;
    let inner = Rect::new(x, area.y + 1, width, area.height.saturating_sub(2));
    let [body, hint] = Layout::vertical([Constraint::Min(1), Constraint::Length(3)]).areas(inner);
    let mut lines: Vec<Line<'static>> = Vec::new();
    let para = |lines: Vec<Line<'static>>| {
        Paragraph::new(lines)
            .wrap(Wrap { trim: true })
            .alignment(Alignment::Left)
    };
    match (sr.stage, sr.item()) {
        (Stage::Done, _) | (_, None) => {
            lines.push(Line::raw(""));
            lines.push(Line::raw(""));
            lines.push(Line::styled(sr.done_words(lang), t.accent));
        }
        (Stage::Leaving, _) => {
            lines.push(Line::raw(""));
            lines.push(Line::raw(""));
            lines.push(Line::styled(sr.leave_words(lang), t.warn));
        }
        (Stage::Asking, Some(i)) => {
            let ins = &sr.instrument;
            lines.push(Line::styled(
                crate::say!(
                    lang,
                    "self-report-progress",
                    name = ins.name.clone(),
                    item = i + 1,
                    items = ins.items.len()
                ),
                t.dim,
            ));
            lines.push(Line::raw(""));
            lines.push(Line::styled(sr.w(&ins.stem).to_string(), t.dim));
            lines.push(Line::raw(""));
            lines.push(Line::styled(sr.w(&ins.items[i].text).to_string(), t.accent));
            lines.push(Line::raw(""));
            for (n, c) in ins.choices.iter().enumerate() {
                lines.push(Line::from(vec![
                    Span::styled(format!("  {}   ", n + 1), t.accent),
                    Span::styled(sr.w(&c.text).to_string(), t.text),
                ]));
                lines.push(Line::raw(""));
            }
        }
    }
    f.render_widget(para(lines), body);
    // The keys, one a line: the patient reads each whole.
    let keys: Vec<Line<'_>> = ui
        .footer
        .iter()
        .map(|(k, l)| {
            Line::from(vec![
                Span::styled(format!("{k:<7}"), t.accent),
                Span::styled(l.clone(), t.dim),
            ])
        })
        .collect();
    f.render_widget(Paragraph::new(keys), hint);
}
