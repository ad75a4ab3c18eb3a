//! The families of commands `App::command` hands to a handler each.
//! `command` matches every `Action` and turns each of a family into that
//! family's own value; each handler matches its family whole. A command
//! added to a family without its arm in the handler does not compile
//! (where a handler taking any `Action` would end in `_ => {}` and do
//! nothing).

use crate::tui::keys::Action;

/// Moving through the session.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub(super) enum Move {
    Up,
    Down,
    Activate,
    Tick,
    LookBack,
    Next,
    Close,
}

/// The alarm sound, consent, the risk screen.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub(super) enum Safety {
    PauseAlarmSound,
    WithdrawConsent,
    RiskScreen,
}

/// The chimes and the music's sound.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub(super) enum Sound {
    ToggleChimes,
    VolumeUp,
    VolumeDown,
    NextTrack,
}

/// The dosing phase's commands.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub(super) enum Dosing {
    Start,
    PauseOrResume,
    Stop,
    Music,
    CheckIn,
    Debrief,
}

/// What may follow closing, on the closed screen.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub(super) enum AfterClosing {
    Addendum,
    CoSign,
    Timeline,
    Leave,
}

impl AfterClosing {
    /// The closed screen's commands. Its key table binds only these (and
    /// `q`, Enter, Esc to leave); any other, typed in the screen-reader
    /// mode, asks nothing of a signed record.
    pub(super) fn of(action: Action) -> Option<AfterClosing> {
        match action {
            Action::Addendum => Some(AfterClosing::Addendum),
            Action::CoSign => Some(AfterClosing::CoSign),
            Action::Timeline => Some(AfterClosing::Timeline),
            Action::Leave => Some(AfterClosing::Leave),
            _ => None,
        }
    }
}
