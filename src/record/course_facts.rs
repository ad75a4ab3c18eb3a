//! The facts of one session that a course shows beside its neighbours:
//! the ketamine given, the dissociation rating, the alarms that stand.
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
}
