//! Dialogs that float over the screen. Each kind lives in its own file and
//! owns its state, its keys and its look: a key press changes the dialog in
//! place and may ask the app for something ([`Outcome`]); the app does it
//! (through `App::update`, the only way to the record) and closes the
//! dialog when it was done, or leaves it open, text and all, when it was
//! refused or not saved.

mod ack;
mod confirm;
mod cosign;
mod line;
mod meds;
mod meds_line;
mod music;
mod note;
mod pair;
mod plan;
mod reason;
mod risk;
mod signoff;
mod timeline;
mod value;

pub use ack::Ack;
pub use confirm::Confirm;
pub use cosign::CoSign;
pub use line::LineField;
pub use meds::{Meds, meds_numbered};
pub use meds_line::parse as parse_medication;
pub use music::Music;
pub use note::Note;
pub use pair::{Pair, PairFor, split_because, strip_because};
pub use plan::{PlanPage, SafetyPlan};
pub use reason::Reason;
pub use risk::Risk;
pub use signoff::{SignFor, SignOff};
pub use timeline::Timeline;
pub use value::Value;

use crate::tui::app::Msg;
use crate::tui::theme::Theme;
use ratatui::Frame;
use ratatui::crossterm::event::KeyEvent;
use ratatui::layout::Rect;
use ratatui::style::Style;
use ratatui::text::{Line, Span};
use ratatui::widgets::{Block, Clear, Paragraph};
use ratatui_textarea::TextArea;

/// What a key press in a dialog asks for.
#[derive(Debug)]
pub enum Outcome {
    /// Nothing beyond the dialog's own change.
    Keep,
    /// Close the dialog; nothing is saved.
    Close,
    /// Do this; close the dialog if it was done, keep it if not.
    Submit(Msg),
    /// Do this and keep the dialog open either way (a preview).
    Do(Msg),
    /// The dialog changed in place as a typed line asked (the next
    /// question, another page): understood, nothing to record.
    Turned,
}

/// What a dialog shows: a title, an optional one-line input, and lines.
pub struct Body<'a> {
    pub title: String,
    pub input: Option<&'a TextArea<'static>>,
    pub lines: Vec<Line<'a>>,
}

/// The behaviour every dialog has. What it words (its body, its sentence,
/// its refusals) is in the language it is handed, the app's.
pub trait Dialog {
    fn on_key(&mut self, key: KeyEvent, lang: crate::i18n::Lang) -> Outcome;
    fn body(&self, t: &Theme, lang: crate::i18n::Lang) -> Body<'_>;
    /// The question as one sentence, for the screen-reader transcript.
    fn spoken(&self, lang: crate::i18n::Lang) -> String;
    /// A whole typed line as the answer (the screen-reader mode). `cancel`
    /// closes every dialog without saving.
    fn answer(&mut self, line: &str, lang: crate::i18n::Lang) -> Outcome;
    /// The text field that has focus, if any: where a paste goes.
    fn field(&mut self) -> Option<&mut LineField> {
        None
    }
    /// Pasted text: into the focused field as text, never as keys; whether
    /// it was taken (a dialog without a field refuses it).
    fn paste(&mut self, text: &str) -> bool {
        match self.field() {
            Some(f) => {
                f.paste(text, false);
                true
            }
            None => false,
        }
    }
}

/// Whether a typed line asks to close the dialog unsaved.
pub(crate) fn is_cancel(line: &str, lang: crate::i18n::Lang) -> bool {
    crate::tui::keys::command_word(line.trim(), lang) == "cancel"
}

pub enum Modal {
    Reason(Reason),
    Note(Note),
    Ack(Ack),
    Music(Music),
    Value(Value),
    Confirm(Confirm),
    Pair(Box<Pair>),
    SignOff(SignOff),
    CoSign(CoSign),
    Timeline(Timeline),
    Meds(Meds),
    Risk(Risk),
    Plan(SafetyPlan),
}

impl Modal {
    fn dialog(&self) -> &dyn Dialog {
        match self {
            Modal::Reason(d) => d,
            Modal::Note(d) => d,
            Modal::Ack(d) => d,
            Modal::Music(d) => d,
            Modal::Value(d) => d,
            Modal::Confirm(d) => d,
            Modal::Pair(d) => d.as_ref(),
            Modal::SignOff(d) => d,
            Modal::CoSign(d) => d,
            Modal::Timeline(d) => d,
            Modal::Meds(d) => d,
            Modal::Risk(d) => d,
            Modal::Plan(d) => d,
        }
    }

    fn dialog_mut(&mut self) -> &mut dyn Dialog {
        match self {
            Modal::Reason(d) => d,
            Modal::Note(d) => d,
            Modal::Ack(d) => d,
            Modal::Music(d) => d,
            Modal::Value(d) => d,
            Modal::Confirm(d) => d,
            Modal::Pair(d) => d.as_mut(),
            Modal::SignOff(d) => d,
            Modal::CoSign(d) => d,
            Modal::Timeline(d) => d,
            Modal::Meds(d) => d,
            Modal::Risk(d) => d,
            Modal::Plan(d) => d,
        }
    }

    pub fn on_key(&mut self, key: KeyEvent, lang: crate::i18n::Lang) -> Outcome {
        self.dialog_mut().on_key(key, lang)
    }

    /// Where the dialog's keys are in the key table (for the footer and
    /// help, which show a dialog's keys while it is open).
    pub fn ctx(&self) -> crate::tui::keys::Ctx {
        use crate::tui::keys::Ctx;
        match self {
            Modal::Reason(_)
            | Modal::Ack(_)
            | Modal::Value(_)
            | Modal::Pair(_)
            | Modal::Meds(_)
            | Modal::Risk(_)
            | Modal::Plan(_) => Ctx::Dialog,
            Modal::Note(_) => Ctx::Note,
            Modal::Music(_) => Ctx::Music,
            Modal::Confirm(Confirm::Quit) | Modal::SignOff(_) | Modal::CoSign(_) => Ctx::Confirm,
            Modal::Confirm(Confirm::Discard) => Ctx::Discard,
            Modal::Timeline(_) => Ctx::Timeline,
        }
    }

    pub fn spoken(&self, lang: crate::i18n::Lang) -> String {
        self.dialog().spoken(lang)
    }

    /// Pasted text for the dialog's focused field; false when it has none.
    pub fn paste(&mut self, text: &str) -> bool {
        self.dialog_mut().paste(text)
    }

    pub fn answer(&mut self, line: &str, lang: crate::i18n::Lang) -> Outcome {
        if is_cancel(line, lang) {
            return Outcome::Close;
        }
        self.dialog_mut().answer(line, lang)
    }

    pub fn is_quit(&self) -> bool {
        matches!(self, Modal::Confirm(Confirm::Quit))
    }
}

fn centered(area: Rect, w: u16, h: u16) -> Rect {
    let w = w.min(area.width);
    let h = h.min(area.height);
    Rect {
        x: area.x + (area.width - w) / 2,
        y: area.y + (area.height - h) / 2,
        width: w,
        height: h,
    }
}

/// A dialog's title as it fits on the border (`room` columns), and what
/// did not fit, to be shown as the dialog's first line: the part from a
/// parenthesis (`(p. ex. 2 repositionnement)`), else the whole title.
fn split_title(title: &str, room: usize) -> (String, Option<String>) {
    if title.chars().count() <= room {
        return (title.to_string(), None);
    }
    match title.find(" (") {
        Some(i) if title[..i].chars().count() <= room => {
            (title[..i].to_string(), Some(title[i + 1..].to_string()))
        }
        _ => (String::new(), Some(title.to_string())),
    }
}

/// Draw a dialog centred in `area`.
pub fn draw(f: &mut Frame<'_>, t: &Theme, m: &Modal, area: Rect, lang: crate::i18n::Lang) {
    let Body {
        title,
        input,
        lines,
    } = m.dialog().body(t, lang);
    let inner_w = 72u16.min(area.width).saturating_sub(2).max(1);
    let (title, title_rest) = split_title(&title, usize::from(inner_w.saturating_sub(2)));
    let lines: Vec<Line<'_>> = title_rest
        .map(|rest| Line::from(Span::styled(rest, t.accent)))
        .into_iter()
        .chain(lines)
        .collect();
    // Lines wrap inside the border, with their indent: the rows drawn.
    let lines = crate::tui::view::hang::hang(lines, inner_w);
    let rows = lines.len();
    // The input box grows with a pasted note's lines, up to five.
    let ih = input.map_or(0, |i| i.lines().len().clamp(1, 5) as u16 + 2);
    let h = rows as u16 + ih + 2;
    let r = centered(area, 72, h);
    f.render_widget(Clear, r);
    let block = Block::bordered()
        .title(if title.is_empty() {
            String::new()
        } else {
            format!(" {title} ")
        })
        .border_style(t.accent);
    let inner = block.inner(r);
    f.render_widget(block, r);
    if let Some(input) = input {
        let mut ta = input.clone();
        ta.set_block(Block::bordered().border_style(t.border));
        ta.set_style(t.text);
        ta.set_cursor_line_style(Style::default());
        let ia = Rect {
            height: ih.min(inner.height),
            ..inner
        };
        f.render_widget(&ta, ia);
        let rest = Rect {
            y: inner.y + ia.height,
            height: inner.height.saturating_sub(ia.height),
            ..inner
        };
        let mut lines = crate::tui::view::hang::hang(lines, rest.width);
        lines.truncate(rest.height as usize);
        f.render_widget(Paragraph::new(lines), rest);
    } else {
        let lines = crate::tui::view::hang::hang(lines, inner.width);
        f.render_widget(Paragraph::new(lines), inner);
    }
}

#[cfg(test)]
mod tests {
    use super::split_title;

    #[test]
    fn a_title_too_long_for_the_border_goes_into_the_dialog_whole() {
        let t = "Pause du son des alarmes : minutes, puis le motif (p. ex. 2 repositionnement)";
        let (border, body) = split_title(t, 68);
        assert_eq!(border, "Pause du son des alarmes : minutes, puis le motif");
        assert_eq!(body.as_deref(), Some("(p. ex. 2 repositionnement)"));
        assert_eq!(split_title("Note", 68), ("Note".to_string(), None));
        let long = "x".repeat(80);
        assert_eq!(split_title(&long, 68), (String::new(), Some(long.clone())));
    }
}
