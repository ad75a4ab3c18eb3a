//! Alerts acknowledged, technical alarms, the alarm self-test and the
//! alarm sound resumed.

use super::*;

impl Session {
    pub(super) fn acknowledge_alert(
        &mut self,
        alert: &u32,
        action: &Option<String>,
        at: &Moment,
    ) -> Result<(), Refusal> {
        let action = action.as_ref().filter(|a| !a.trim().is_empty()).cloned();
        let reminder = self.alerts.get(*alert).is_some_and(|a| {
            self.alarm_state(a, at) == crate::session::alarms::AlarmState::Reminder
        });
        if reminder {
            // A re-announced alarm is acknowledged again; the
            // earlier acknowledgement stays in its history.
            if let Some(a) = self.alerts.alerts.iter_mut().find(|a| a.id == *alert)
                && let Some(prev) = a.acknowledged.take()
            {
                a.earlier_acks.push(prev);
            }
        }
        if self.alerts.acknowledge(*alert, at, action) {
            Ok(())
        } else if self.alerts.get(*alert).is_some() {
            Err(Refusal::new(crate::phrase!(
                "ref-already-acknowledged",
                alert = *alert
            )))
        } else {
            Err(Refusal::new(crate::phrase!("ref-no-alert", alert = *alert)))
        }
    }

    pub(super) fn note_technical_alarm(&mut self, text: &str, at: &Moment) -> Result<(), Refusal> {
        let kind = TechnicalKind::Noted(text.to_string());
        self.raise_technical(kind, crate::protocol::Priority::Medium, at);
        Ok(())
    }

    pub(super) fn self_test_alarms(
        &mut self,
        problem: &Option<String>,
        at: &Moment,
    ) -> Result<(), Refusal> {
        self.alarm_self_test = Some((at.clone(), problem.clone()));
        if let Some(why) = problem {
            let kind = TechnicalKind::NoAlarmSound(why.clone());
            self.raise_technical(kind, crate::protocol::Priority::High, at);
        }
        Ok(())
    }

    pub(super) fn resume_alarm_audio(&mut self, at: &Moment) -> Result<(), Refusal> {
        match self.audio_pause(at) {
            Some(_) => {
                if let Some(p) = self.audio_paused.as_mut() {
                    p.until = at.clone();
                }
                Ok(())
            }
            None => Err(Refusal::new(crate::phrase!(
                "ref-alarm-sound-is-not-paused"
            ))),
        }
    }
}
