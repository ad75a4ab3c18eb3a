//! The facts of one session that a course shows beside its neighbours:
//! the ketamine given, the dissociation rating, the alarms that stand
//! (the clinician's, from entered vitals, and the monitor's own, apart).
//! Worked out from the record, in numbers; the course page and the course
//! table word and lay them out.

use super::course::CourseEntry;
use crate::protocol::values::Value;

/// The prompt whose rating is the session's dissociation, when the
/// protocol has one (both shipped models do).
pub const DISSOCIATION: &str = "dissociation";

impl CourseEntry {
    /// The ketamine given, in mg to the 0.1, once dosing started (as of
    /// the close, or of the last entry of a session never closed).
    pub fn dose_given(&self) -> Option<f64> {
        let s = &self.session;
        s.dosing.started.as_ref()?;
        let last = s
            .log()
            .last()
            .map_or_else(|| s.started_at.clone(), |l| l.at.clone());
        Some((s.delivered(&s.as_of(&last)).mg * 10.0).round() / 10.0)
    }

    /// The session's dissociation rating, as it stands.
    pub fn dissociation(&self) -> Option<f64> {
        match &self.session.latest_value(DISSOCIATION)?.value {
            Value::Scale(v) => Some(*v as f64),
            Value::Number(v) => Some(*v),
            _ => None,
        }
    }

    /// The alarms raised in the session that stand in its record (one from
    /// a reading entered in error is not counted).
    pub fn alarms(&self) -> usize {
        self.session
            .alerts
            .alerts
            .iter()
            .filter(|a| !a.is_void())
            .count()
    }

    /// The device alarms the monitor's readings raised in the session
    /// (`session::monitor_alarms`), counted apart from [`Self::alarms`]:
    /// they come from the monitor, not from a clinician's entry. One
    /// raised from readings later rejected as artefacts stays in the
    /// record but is not counted, as an alarm from a reading entered in
    /// error is not. `None` when no monitor reading is in the session (no
    /// monitor was listened to: nothing to count).
    pub fn device_alarms(&self) -> Option<usize> {
        let s = &self.session;
        if s.monitor.is_empty() {
            return None;
        }
        let history = s.monitor.device_alarm_history(s.protocol());
        Some(history.iter().filter(|a| a.rejected.is_empty()).count())
    }
}
