//! What the clock makes of the session on screen at one moment — the
//! infusion's timer and state, the vitals due or overdue, the other
//! measures due, the alarms waiting, the alarm sound's pause, the rescue
//! re-checks due — worked out once a frame (`App::ui`) into the view
//! model. The full screen and the screen-reader mode read this value; a
//! renderer does not ask the session again with its own `now`, so two
//! parts of one frame cannot disagree on what is due.

use super::Infusion;
use crate::protocol::Prompt;
use crate::session::alarms::{AudioPause, Escalation};
use crate::session::alerts::Alert;
use crate::session::{Due, Millis, Moment, Session};

/// The session at one moment.
#[derive(Debug, Clone)]
pub struct Timed {
    /// The moment it was worked out for.
    pub at: Moment,
    /// The infusion (or observation) and its words.
    pub infusion: Infusion,
    /// The next vitals: when due, and whether now.
    pub vitals_due: Option<Due>,
    /// Vitals overdue: how long, and how far the alarm has escalated.
    pub vitals_overdue: Option<(Millis, Escalation)>,
    /// The protocol's other timed measures and when each is due.
    pub measures_due: Vec<(Prompt, Due)>,
    /// Without music, the next check-in with the patient.
    pub checkin_due: Option<Due>,
    /// The alarms waiting for an acknowledgement, by id, highest priority
    /// first ([`Timed::waiting`] gives them back).
    pub alarms_waiting: Vec<u32>,
    /// The alarm sound's pause, while it runs.
    pub audio_pause: Option<AudioPause>,
    /// Each rescue dose whose effect is due to be checked now, in words.
    pub rechecks: Vec<(u64, String)>,
}

impl Timed {
    /// The session `s` at `now`.
    pub fn at(s: &Session, now: &Moment) -> Timed {
        Timed {
            at: now.clone(),
            infusion: Infusion::at(&s.dosing, now),
            vitals_due: s.vitals_due(now),
            vitals_overdue: s.vitals_overdue(now),
            measures_due: s.measures_due(now),
            checkin_due: s.checkin_due(now),
            alarms_waiting: s.alarms_waiting(now).iter().map(|a| a.id).collect(),
            audio_pause: s.audio_pause(now).cloned(),
            rechecks: super::meds::rechecks_now(s, now),
        }
    }

    /// The alarms waiting at this moment, in their order, from `s`.
    pub fn waiting<'a>(&self, s: &'a Session) -> Vec<&'a Alert> {
        self.alarms_waiting
            .iter()
            .filter_map(|id| s.alerts.alerts.iter().find(|a| a.id == *id))
            .collect()
    }
}
