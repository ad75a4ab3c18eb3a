//! Monitor readings applied to a session: received (unconfirmed),
//! confirmed as the clinician's vitals, or rejected as an artefact. See
//! `session::monitor` for what each means.

use super::apply::need_reason;
use super::*;
use crate::session::monitor::{MonitorEntry, MonitorReading, MonitorState};
use crate::session::monitor_alarms::DeviceAlarmAck;

impl Session {
    pub(super) fn receive_monitor(
        &mut self,
        r: &MonitorReading,
        at: &Moment,
        cx: &Cx,
    ) -> Result<(), Refusal> {
        if r.control.trim().is_empty() {
            return Err(Refusal::new(crate::phrase!("ref-monitor-no-control")));
        }
        if self.monitor.has(&r.device, &r.control) {
            return Err(Refusal::new(crate::phrase!(
                "ref-monitor-duplicate",
                control = r.control.clone()
            )));
        }
        if !r.reading.is_empty() {
            r.reading.check().map_err(|e| Refusal::new(e.phrase()))?;
        } else if r.mean.is_none() && r.rr.is_none() {
            return Err(Refusal::new(crate::phrase!("vitals-empty")));
        }
        self.monitor.readings.push(MonitorEntry {
            seq: cx.seq,
            at: at.clone(),
            reading: r.clone(),
            state: MonitorState::Pending,
        });
        Ok(())
    }

    fn pending_monitor(&self, entry: u64) -> Result<&MonitorEntry, Refusal> {
        let r = self
            .monitor
            .get(entry)
            .ok_or_else(|| Refusal::new(crate::phrase!("ref-monitor-no-reading", entry = entry)))?;
        match &r.state {
            MonitorState::Pending => Ok(r),
            MonitorState::Confirmed { seq, .. } | MonitorState::Rejected { seq, .. } => {
                Err(Refusal::new(crate::phrase!(
                    "ref-monitor-settled",
                    entry = entry,
                    by = *seq
                )))
            }
        }
    }

    /// Monitor reading `entry` becomes the clinician's vitals entry, taken
    /// when it was received.
    pub(super) fn confirm_monitor(
        &mut self,
        entry: u64,
        at: &Moment,
        cx: &Cx,
    ) -> Result<(), Refusal> {
        let r = self.pending_monitor(entry)?.clone();
        let taken = Cx {
            seq: cx.seq,
            entered: Some(at.clone()),
            by: cx.by.clone(),
        };
        // Only a mean pressure or a respiratory rate: confirmed, with no
        // vitals set to enter (the table holds BP, HR and SpO₂).
        if !r.reading.reading.is_empty() {
            self.add_vitals(&r.reading.reading, &r.at, &taken, Some(entry))?;
        }
        self.set_monitor_state(
            entry,
            MonitorState::Confirmed {
                seq: cx.seq,
                at: at.clone(),
            },
        );
        Ok(())
    }

    pub(super) fn reject_monitor(
        &mut self,
        entry: u64,
        reason: &str,
        at: &Moment,
        cx: &Cx,
    ) -> Result<(), Refusal> {
        need_reason(reason, "reason-for-monitor-reject")?;
        self.pending_monitor(entry)?;
        self.set_monitor_state(
            entry,
            MonitorState::Rejected {
                seq: cx.seq,
                at: at.clone(),
                reason: reason.to_string(),
            },
        );
        Ok(())
    }

    /// The device alarm of `rule` raised by monitor reading `entry`
    /// acknowledged: it must be in the record and not acknowledged yet.
    pub(super) fn acknowledge_device_alarm(
        &mut self,
        rule: &str,
        entry: u64,
        at: &Moment,
        cx: &Cx,
    ) -> Result<(), Refusal> {
        let history = self.monitor.device_alarm_history(self.protocol());
        let Some(a) = history
            .iter()
            .find(|a| a.rule == rule && a.raised_by == entry)
        else {
            return Err(Refusal::new(crate::phrase!(
                "ref-device-alarm-none",
                rule = rule.to_string(),
                entry = entry
            )));
        };
        if let Some((by, _)) = &a.acknowledged {
            return Err(Refusal::new(crate::phrase!(
                "ref-device-alarm-acknowledged",
                rule = rule.to_string(),
                by = *by
            )));
        }
        self.monitor.acks.push(DeviceAlarmAck {
            rule: rule.to_string(),
            entry,
            seq: cx.seq,
            at: at.clone(),
        });
        Ok(())
    }

    fn set_monitor_state(&mut self, entry: u64, state: MonitorState) {
        if let Some(r) = self.monitor.readings.iter_mut().find(|r| r.seq == entry) {
            r.state = state;
        }
    }

    /// A confirmation marked entered in error: its vitals go, and the
    /// monitor reading waits again.
    pub(super) fn unconfirm_monitor(&mut self, confirmation: u64, reading: u64) {
        self.vitals.retain(|v| v.seq != confirmation);
        self.set_monitor_state(reading, MonitorState::Pending);
    }

    /// One vitals set into the table, in the order taken, and the alarm
    /// rules judged again (typed by the clinician, or a monitor reading
    /// `source` confirmed).
    pub(super) fn add_vitals(
        &mut self,
        reading: &Reading,
        at: &Moment,
        cx: &Cx,
        source: Option<u64>,
    ) -> Result<(), Refusal> {
        reading.check().map_err(|e| Refusal::new(e.phrase()))?;
        // Kept in the order taken: a late entry goes where it belongs, so
        // the schedule counts from the latest reading, and every alarm
        // rule is judged in that order.
        let i = self.vitals.partition_point(|v| v.at.since(at) <= 0);
        self.vitals.insert(
            i,
            VitalsEntry {
                at: at.clone(),
                reading: *reading,
                raised: Vec::new(),
                seq: cx.seq,
                entered: cx.entered.clone(),
                source,
            },
        );
        let now = cx.entered.clone().unwrap_or_else(|| at.clone());
        if i + 1 == self.vitals.len() {
            // Taken after every other reading: one more step.
            self.extend_alerts(i, cx.seq, &now);
        } else {
            self.rejudge_alerts(cx.seq, &now);
        }
        Ok(())
    }
}
