//! Technical alarms: what the laptop, not the patient, went through — a
//! suspend or stall, a clock changed under a session, no sound for alarms
//! at the start. Each stays until a clinician acknowledges it (a technical
//! alarm that vanished at the next key press would be one nobody saw), and
//! both the alarm and its acknowledgement are journal entries.

use super::*;
use crate::protocol::Priority;

/// What a technical alarm is about. The text of a journalled
/// `technical-alarm` is kept as the shell wrote it.
#[derive(Debug, Clone, PartialEq, Serialize)]
pub enum TechnicalKind {
    /// A suspend, a stall or a clock change, in the words recorded.
    Noted(String),
    /// The start's self-test could not play the alarm tone: why.
    NoAlarmSound(String),
}

#[derive(Debug, Clone, PartialEq, Serialize)]
pub struct TechnicalAlarm {
    /// Numbered from 1 in the order raised.
    pub id: u32,
    pub at: Moment,
    pub kind: TechnicalKind,
    pub priority: Priority,
    pub acknowledged: Option<Moment>,
}

impl Session {
    pub(super) fn raise_technical(&mut self, kind: TechnicalKind, priority: Priority, at: &Moment) {
        let id = self.technical_alarms.len() as u32 + 1;
        self.technical_alarms.push(TechnicalAlarm {
            id,
            at: at.clone(),
            kind,
            priority,
            acknowledged: None,
        });
    }

    pub(super) fn acknowledge_technical(&mut self, id: u32, at: &Moment) -> Result<(), Refusal> {
        match self.technical_alarms.iter_mut().find(|a| a.id == id) {
            None => Err(Refusal::new(crate::phrase!(
                "ref-no-technical-alarm",
                alarm = id
            ))),
            Some(a) if a.acknowledged.is_some() => Err(Refusal::new(crate::phrase!(
                "ref-technical-already-acknowledged",
                alarm = id
            ))),
            Some(a) => {
                a.acknowledged = Some(at.clone());
                Ok(())
            }
        }
    }

    /// Technical alarms waiting for an acknowledgement, most severe first,
    /// then oldest.
    pub fn technical_waiting(&self) -> Vec<&TechnicalAlarm> {
        let mut v: Vec<_> = self
            .technical_alarms
            .iter()
            .filter(|a| a.acknowledged.is_none())
            .collect();
        v.sort_by(|a, b| b.priority.cmp(&a.priority).then(a.id.cmp(&b.id)));
        v
    }
}
