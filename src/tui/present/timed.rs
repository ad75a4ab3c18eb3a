//! What the clock makes of the session on screen at one moment — the
//! infusion's timer and state, the vitals due or overdue, the other
//! measures due, the alarms waiting, the alarm sound's pause, the rescue
//! re-checks due — worked out once a frame (`App::ui`) into the view
//! model. The full screen and the screen-reader mode read this value; a
//! renderer does not ask the session again with its own `now`, so two
//! parts of one frame cannot disagree on what is due.

use super::Infusion;
use crate::protocol::Prompt;
use crate::session::alarms::{AlarmState, AudioPause, Escalation};
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
    /// The alarms waiting for an acknowledgement, highest priority first,
    /// each with its state at this moment ([`Timed::waiting`] gives them
    /// back with the session's alarms).
    pub alarms_waiting: Vec<AlarmNow>,
    /// The alarms acknowledged whose condition persists, by id
    /// ([`Timed::standing`]).
    pub alarms_standing: Vec<u32>,
    /// The alarm sound's pause, while it runs.
    pub audio_pause: Option<AudioPause>,
    /// Each rescue dose whose effect is due to be checked now, in words.
    pub rechecks: Vec<(u64, String)>,
}

impl Timed {
    /// The session `s` at `now`.
    pub fn at(s: &Session, now: &Moment, lang: crate::i18n::Lang) -> Timed {
        Timed {
            at: now.clone(),
            infusion: Infusion::at(&s.dosing, now, lang),
            vitals_due: s.vitals_due(now),
            vitals_overdue: s.vitals_overdue(now),
            measures_due: s.measures_due(now),
            checkin_due: s.checkin_due(now),
            alarms_waiting: s
                .alarms_waiting(now)
                .iter()
                .map(|a| AlarmNow::at(s, a, now))
                .collect(),
            alarms_standing: s.alarms_standing(now).iter().map(|a| a.id).collect(),
            audio_pause: s.audio_pause(now).cloned(),
            rechecks: super::meds::rechecks_now(s, now, lang),
        }
    }

    /// The alarms waiting at this moment, in their order, from `s`, each
    /// with its state then.
    pub fn waiting<'a>(&'a self, s: &'a Session) -> Vec<(&'a Alert, &'a AlarmNow)> {
        self.alarms_waiting
            .iter()
            .filter_map(|n| Some((alert(s, n.id)?, n)))
            .collect()
    }

    /// The alarms standing at this moment (acknowledged, the condition
    /// still there), from `s`.
    pub fn standing<'a>(&self, s: &'a Session) -> Vec<&'a Alert> {
        self.alarms_standing
            .iter()
            .filter_map(|id| alert(s, *id))
            .collect()
    }
}

fn alert(s: &Session, id: u32) -> Option<&Alert> {
    s.alerts.alerts.iter().find(|a| a.id == id)
}

/// An alarm waiting, at the moment the view was worked out for.
#[derive(Debug, Clone, PartialEq)]
pub struct AlarmNow {
    pub id: u32,
    /// Active or latched (a waiting alarm is not yet acknowledged).
    pub state: AlarmState,
    /// How far it has escalated for want of an acknowledgement.
    pub escalation: Escalation,
    /// How long it has waited since it was announced (or since its
    /// reminder came due).
    pub waited: Millis,
}

impl AlarmNow {
    fn at(s: &Session, a: &Alert, now: &Moment) -> AlarmNow {
        AlarmNow {
            id: a.id,
            state: s.alarm_state(a, now),
            escalation: s.alarm_escalation(a, now),
            waited: now.since(&a.waiting_since(s.protocol().vitals.alarms.as_ref())),
        }
    }
}
