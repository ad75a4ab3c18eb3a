//! The bedside monitor's feed in words, for the infusion screen and the
//! screen-reader mode alike: what waits for a confirmation (the oldest,
//! which `o` confirms and `X` rejects, with its device time, its monitor
//! and that monitor's clock offset) and the device alarms standing.

use crate::session::Session;
use crate::session::monitor::{DeviceAlarm, MonitorEntry, standing_device_alarms, values_text};
use crate::session::monitor_alarms::RecordedDeviceAlarm;

/// The device alarms of the session on screen, worked out from all its
/// monitor readings (`session::monitor_alarms`) once each time the
/// session changes — an entry recorded, a replay's move — not on every
/// frame. The shell refreshes it ([`DeviceAlarms::refresh`]); the full
/// screen, the screen-reader mode and the tick's announcement only read
/// it.
#[derive(Debug, Clone, Default, PartialEq)]
pub struct DeviceAlarms {
    /// The session state it was worked out from: the number its next
    /// entry would have (`None`: never worked out).
    pub of: Option<u64>,
    /// Every device alarm of the session, in the order raised.
    pub history: Vec<RecordedDeviceAlarm>,
    /// Those standing, the highest priority first.
    pub standing: Vec<DeviceAlarm>,
}

impl DeviceAlarms {
    /// The device alarms of `s`.
    pub fn of(s: &Session) -> DeviceAlarms {
        let history = s.monitor.device_alarm_history(s.protocol());
        DeviceAlarms {
            of: Some(s.next_seq()),
            standing: standing_device_alarms(&history),
            history,
        }
    }

    /// Work them out again when `s` is not the session state they were
    /// worked out from; whether they were.
    pub fn refresh(&mut self, s: &Session) -> bool {
        if self.of == Some(s.next_seq()) {
            return false;
        }
        *self = DeviceAlarms::of(s);
        true
    }
}

/// A clock offset in words: `+3 s`, `−2 min`, `+5 h`, `+12 d`.
pub fn offset_text(ms: i64) -> String {
    let sign = if ms < 0 { "−" } else { "+" };
    let secs = (ms / 1000).unsigned_abs();
    match secs {
        s if s < 120 => format!("{sign}{s} s"),
        s if s < 120 * 60 => format!("{sign}{} min", s / 60),
        s if s < 48 * 3600 => format!("{sign}{} h", s / 3600),
        s => format!("{sign}{} d", s / 86_400),
    }
}

/// The oldest waiting reading in words: `10:42:05 BP 120/80  HR 72`.
pub fn reading_line(r: &MonitorEntry, lang: crate::i18n::Lang) -> String {
    let time = r.reading.device_time.map_or_else(
        || r.at.wall.format("%H:%M:%S").to_string(),
        |t| t.format("%H:%M:%S").to_string(),
    );
    format!("{time} {}", values_text(&r.reading).say(lang))
}

/// Where it came from: `from MON-1, clock +3 s`.
pub fn source_line(r: &MonitorEntry, lang: crate::i18n::Lang) -> String {
    let device: String = r.reading.device.chars().take(16).collect();
    match r.reading.clock_offset(&r.at) {
        Some(ms) => crate::say!(
            lang,
            "feed-source-offset",
            device = device,
            offset = offset_text(ms)
        ),
        None => crate::say!(lang, "feed-source", device = device),
    }
}

/// The feed's lines: empty when nothing waits and no device alarm
/// stands (`standing`: the session's, as [`DeviceAlarms`] keeps them).
pub fn lines(s: &Session, standing: &[DeviceAlarm], lang: crate::i18n::Lang) -> Vec<String> {
    let mut out = Vec::new();
    let pending: Vec<&MonitorEntry> = s.monitor.pending().collect();
    if let Some(first) = pending.first() {
        out.push(crate::say!(lang, "feed-pending", count = pending.len()));
        out.push(reading_line(first, lang));
        out.push(source_line(first, lang));
    }
    for a in standing {
        out.push(device_alarm_text(a, lang));
    }
    out
}

/// A device alarm in words.
pub fn device_alarm_text(a: &DeviceAlarm, lang: crate::i18n::Lang) -> String {
    crate::say!(
        lang,
        "feed-device-alarm",
        mark = a.priority.mark(),
        measure = a.metric.label().say(lang),
        value = a.value,
        rule = a.rule.clone()
    )
}

/// What the monitor could not measure, in words (`the blood pressure and
/// the SpO₂`): a failed cuff sends its systolic, diastolic and mean, said
/// once as the blood pressure. The MDC codes are the technician's: they go
/// in the answer to the monitor and in docs/monitor.md, not on screen.
pub fn not_measured_text(
    what: &[crate::monitor::codes::Quantity],
    lang: crate::i18n::Lang,
) -> String {
    use crate::monitor::codes::Quantity;
    let mut words: Vec<String> = Vec::new();
    for q in what {
        let word = match q {
            Quantity::Systolic | Quantity::Diastolic | Quantity::Mean => {
                crate::say!(lang, "feed-measure-bp")
            }
            Quantity::HrEcg => crate::say!(lang, "feed-measure-hr"),
            Quantity::HrPulseOx => crate::say!(lang, "feed-measure-pulse"),
            Quantity::Spo2 => crate::say!(lang, "feed-measure-spo2"),
            Quantity::Rr => crate::say!(lang, "feed-measure-rr"),
        };
        if !words.contains(&word) {
            words.push(word);
        }
    }
    let what = match words.split_last() {
        None => String::new(),
        Some((last, [])) => last.clone(),
        Some((last, rest)) => crate::say!(
            lang,
            "feed-measure-and",
            first = rest.join(", "),
            last = last.clone()
        ),
    };
    crate::say!(lang, "feed-could-not-measure", what = what)
}

#[cfg(test)]
mod tests {
    #[test]
    fn offsets_are_said_in_a_unit_that_fits() {
        use super::offset_text as o;
        assert_eq!(o(3_400), "+3 s");
        assert_eq!(o(-119_999), "−119 s");
        assert_eq!(o(-120_000), "−2 min");
        assert_eq!(o(7_199_000), "+119 min");
        assert_eq!(o(7_200_000), "+2 h");
        assert_eq!(o(48 * 3_600_000), "+2 d");
    }
}
