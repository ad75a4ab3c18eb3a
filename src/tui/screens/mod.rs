//! The screens kap draws — start, session, closed, and a replay over
//! them — as components. Each
//! owns its state, turns a key (or pasted text) into a change of that
//! state or a [`Msg`] for the shell, says which keys apply now, and
//! renders from the view model. None of them reaches the clock, the
//! store, the player or the journal: what has an effect is a `Msg`, done
//! by `App::update`, the only way to the record.
//!
//! A new screen (or a screen's new panel with keys of its own) is a type
//! that implements [`Component`] and a variant of [`Screen`].

mod closed;
mod replay;
mod self_report;
mod session;
mod start;

pub use closed::ClosedView;
pub use self_report::{SelfReport, Stage, clinician_needed, draw as draw_self_report};
pub use session::{Editor, SessionView};
pub use start::{CLINICIANS, START_FIELDS, START_LABELS, StartForm};

use super::app::Msg;
use super::keys::Ctx;
use super::view::Ui;
use crate::session::Moment;
use ratatui::Frame;
use ratatui::crossterm::event::KeyEvent;
use ratatui::layout::Rect;

/// What the shell knows that a screen's keys depend on, read once per key
/// or frame.
pub struct Shell<'a> {
    pub now: &'a Moment,
    /// A rehearsal (no sound, speed keys).
    pub rehearsal: bool,
    /// A rehearsal with a simulated patient and monitor.
    pub simulator: bool,
}

/// One screen: its keys, its state, its drawing.
pub trait Component {
    /// The key contexts that apply now: they choose what a key does, and
    /// what the footer and help offer.
    fn contexts(&self, shell: &Shell<'_>) -> Vec<Ctx>;
    /// A key press: the screen changes its own state (a field's text, the
    /// focus) and returns what it asks of the shell, if anything.
    fn on_key(&mut self, key: KeyEvent, ctxs: &[Ctx]) -> Option<Msg>;
    /// Pasted text, for the field that has focus: whether one took it.
    fn on_paste(&mut self, text: &str) -> bool;
    /// Draw the screen's strip (one line under the header) and body.
    fn render(&self, f: &mut Frame<'_>, ui: &Ui<'_>, strip: Rect, body: Rect);
}

/// The screen on show.
pub enum Screen {
    Start(Box<StartForm>),
    Session(Box<SessionView>),
    Closed(Box<ClosedView>),
}

impl Screen {
    /// The screen as its component.
    pub fn component(&self) -> &dyn Component {
        match self {
            Screen::Start(c) => c.as_ref(),
            Screen::Session(c) => c.as_ref(),
            Screen::Closed(c) => c.as_ref(),
        }
    }

    /// The screen as its component, to change.
    pub fn component_mut(&mut self) -> &mut dyn Component {
        match self {
            Screen::Start(c) => c.as_mut(),
            Screen::Session(c) => c.as_mut(),
            Screen::Closed(c) => c.as_mut(),
        }
    }
}
