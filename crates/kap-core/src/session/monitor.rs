//! Readings from the bedside monitor, as the session core keeps them. A
//! monitor reading is *unconfirmed* when it arrives: it is journalled with
//! its source (the monitor, its message control id, its device time) and
//! shown, but it is not the clinician's entry. Only a confirmation makes
//! it one of the session's vitals (the schedule, the alarm rules, the
//! exports); a rejection keeps it, with the reason, as an artefact.
//!
//! The rules on the feed are pure here: which readings wait, whether a
//! control id was already recorded, whether the feed has gone silent, and
//! whether continuous HR or SpO₂ has stayed past a protocol limit long
//! enough to be a device alarm.

use super::clock::{Millis, Moment};
use super::vitals::Reading;
use crate::i18n::Phrase;
use crate::protocol::{Metric, Protocol};
use chrono::{DateTime, FixedOffset};
use serde::{Deserialize, Serialize};

/// One message's readings, as journalled when it arrives.
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize)]
pub struct MonitorReading {
    /// The message's control id (MSH-10): a message sent twice is kept once.
    pub control: String,
    /// The monitor's identity: the equipment (OBX-18) or the sending
    /// application and facility.
    pub device: String,
    /// When the monitor says it measured (OBX-14, else MSH-7), on its
    /// own clock.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub device_time: Option<DateTime<FixedOffset>>,
    pub reading: Reading,
    /// Mean arterial pressure, mmHg (shown, not judged).
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub mean: Option<u16>,
    /// Respiratory rate, per minute (shown, not judged).
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub rr: Option<u16>,
}

impl MonitorReading {
    /// Milliseconds the monitor's clock is ahead of kap's (negative:
    /// behind), judged from a reading received at `received`.
    pub fn clock_offset(&self, received: &Moment) -> Option<Millis> {
        self.device_time
            .map(|d| d.signed_duration_since(received.wall).num_milliseconds())
    }
}

/// Where a monitor reading stands.
#[derive(Debug, Clone, PartialEq, Serialize)]
pub enum MonitorState {
    Pending,
    /// Confirmed by journal entry `seq`.
    Confirmed {
        seq: u64,
        at: Moment,
    },
    /// Rejected as an artefact by journal entry `seq`, with the reason.
    Rejected {
        seq: u64,
        at: Moment,
        reason: String,
    },
}

/// A monitor reading the session holds.
#[derive(Debug, Clone, PartialEq, Serialize)]
pub struct MonitorEntry {
    /// The journal entry that received it.
    pub seq: u64,
    /// When kap received it.
    pub at: Moment,
    pub reading: MonitorReading,
    pub state: MonitorState,
}

impl MonitorEntry {
    pub fn is_pending(&self) -> bool {
        self.state == MonitorState::Pending
    }
}

/// A continuous measure from the monitor past a protocol limit for the
/// protocol's delay: an alarm from the device, not from an entry.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct DeviceAlarm {
    /// The protocol's `[[vitals.alert]]` rule.
    pub rule: String,
    pub metric: Metric,
    /// The latest value from the monitor.
    pub value: u16,
    pub priority: crate::protocol::Priority,
    /// Since when the monitor's values have been past the limit (taken).
    pub since: Moment,
    /// The monitor reading that raised it.
    pub raised_by: u64,
    /// The clinician acknowledged it.
    pub acknowledged: bool,
}

/// The monitor readings of a session, in the order received.
#[derive(Debug, Clone, Default, PartialEq, Serialize)]
pub struct MonitorRecord {
    pub readings: Vec<MonitorEntry>,
    /// Device alarms the clinician acknowledged.
    pub acks: Vec<super::monitor_alarms::DeviceAlarmAck>,
}

impl MonitorRecord {
    pub fn is_empty(&self) -> bool {
        self.readings.is_empty()
    }

    /// Readings still waiting for a confirmation or a rejection, oldest
    /// first.
    pub fn pending(&self) -> impl Iterator<Item = &MonitorEntry> {
        self.readings.iter().filter(|r| r.is_pending())
    }

    /// The reading received as journal entry `seq`.
    pub fn get(&self, seq: u64) -> Option<&MonitorEntry> {
        self.readings.iter().find(|r| r.seq == seq)
    }

    /// A message with this control id from this device is already
    /// recorded.
    pub fn has(&self, device: &str, control: &str) -> bool {
        self.readings
            .iter()
            .any(|r| r.reading.control == control && r.reading.device == device)
    }

    /// The last reading received, if any.
    pub fn last(&self) -> Option<&MonitorEntry> {
        self.readings.last()
    }

    /// How long the feed has been silent at `now`, when it is longer than
    /// `limit` (counted from the last reading, or from `listening_since`
    /// when none came yet).
    pub fn silent(&self, listening_since: &Moment, now: &Moment, limit: Millis) -> Option<Millis> {
        let from = self.last().map_or(listening_since, |r| &r.at);
        let gap = now.since(from);
        (gap > limit).then_some(gap)
    }

    /// The device alarms standing: for each protocol alert rule on a
    /// continuous measure (HR, SpO₂), the monitor's values (confirmed or
    /// not, rejected ones aside) past its limit without a break for the
    /// rule's `confirm_after_minutes` (at once when it has none), the
    /// latest of them still past it. The standing ones of
    /// [`MonitorRecord::device_alarm_history`], so the screen and the
    /// record agree.
    pub fn device_alarms(&self, protocol: &Protocol) -> Vec<DeviceAlarm> {
        standing_device_alarms(&self.device_alarm_history(protocol))
    }
}

/// The device alarms standing in a history
/// ([`MonitorRecord::device_alarm_history`]): those not ended and not
/// raised from readings later rejected, the highest priority first. For
/// a shell that keeps the history it worked out once, rather than working
/// it out again from every reading.
pub fn standing_device_alarms(
    history: &[super::monitor_alarms::RecordedDeviceAlarm],
) -> Vec<DeviceAlarm> {
    let mut out: Vec<DeviceAlarm> = history
        .iter()
        .filter(|a| a.ended.is_none() && a.rejected.is_empty())
        .map(|a| DeviceAlarm {
            value: a.value(),
            rule: a.rule.clone(),
            metric: a.metric,
            priority: a.priority,
            since: a.since.clone(),
            raised_by: a.raised_by,
            acknowledged: a.acknowledged.is_some(),
        })
        .collect();
    out.sort_by_key(|a| std::cmp::Reverse(a.priority));
    out
}

/// The readings of a monitor message in words: `BP 120/80 (mean 93)  HR
/// 72  SpO₂ 97%  RR 14`.
pub fn values_text(r: &MonitorReading) -> Phrase {
    let mut parts = Vec::new();
    if !r.reading.is_empty() {
        parts.push(r.reading.words());
    }
    if let Some(m) = r.mean {
        parts.push(crate::phrase!("feed-mean", mean = m));
    }
    if let Some(rr) = r.rr {
        parts.push(crate::phrase!("feed-rr", rr = rr));
    }
    Phrase::join(parts, "  ")
}

/// A monitor entry in words, for the timeline.
pub fn describe(s: &super::Session, ev: &super::Event) -> Phrase {
    use super::Event;
    let reading_of = |entry: u64| {
        s.monitor
            .get(entry)
            .map_or_else(Phrase::empty, |r| values_text(&r.reading))
    };
    match ev {
        Event::MonitorReading(r) => crate::phrase!(
            "tl-monitor-reading",
            device = r.device.clone(),
            reading = values_text(r),
            time = r
                .device_time
                .map_or_else(|| "?".to_string(), |t| t.format("%H:%M:%S").to_string())
        ),
        Event::MonitorConfirmed { entry } => crate::phrase!(
            "tl-monitor-confirmed",
            entry = *entry,
            reading = reading_of(*entry)
        ),
        Event::MonitorRejected { entry, reason } => crate::phrase!(
            "tl-monitor-rejected",
            entry = *entry,
            reading = reading_of(*entry),
            reason = reason.clone()
        ),
        _ => Phrase::empty(),
    }
}

/// Where a confirmed reading came from, for the exports: `monitor MON-1,
/// device time 2026-12-06T10:42:00+00:00, message BP-1`.
pub fn source_text(r: &MonitorReading) -> String {
    let mut t = format!("monitor {}", r.device);
    if let Some(d) = r.device_time {
        t.push_str(&format!(", device time {}", d.to_rfc3339()));
    }
    t.push_str(&format!(", message {}", r.control));
    t
}
