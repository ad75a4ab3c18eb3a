//! The bedside monitor's feed in words, for the infusion screen and the
//! screen-reader mode alike: what waits for a confirmation (the oldest,
//! which `o` confirms and `X` rejects, with its device time, its monitor
//! and that monitor's clock offset) and the device alarms standing.

use crate::session::monitor::{MonitorEntry, values_text};
use crate::session::{Moment, Session};

/// A clock offset in words: `+3 s`, `−2 min`.
pub fn offset_text(ms: i64) -> String {
    let sign = if ms < 0 { "−" } else { "+" };
    let secs = (ms / 1000).abs();
    if secs < 120 {
        format!("{sign}{secs} s")
    } else {
        format!("{sign}{} min", secs / 60)
    }
}

/// The oldest waiting reading in words: `10:42:05 BP 120/80  HR 72`.
pub fn reading_line(r: &MonitorEntry) -> String {
    let time = r.reading.device_time.map_or_else(
        || r.at.wall.format("%H:%M:%S").to_string(),
        |t| t.format("%H:%M:%S").to_string(),
    );
    format!("{time} {}", values_text(&r.reading))
}

/// Where it came from: `from MON-1, clock +3 s`.
pub fn source_line(r: &MonitorEntry) -> String {
    let device: String = r.reading.device.chars().take(16).collect();
    match r.reading.clock_offset(&r.at) {
        Some(ms) => crate::t!(
            "feed-source-offset",
            device = device,
            offset = offset_text(ms)
        ),
        None => crate::t!("feed-source", device = device),
    }
}

/// The feed's lines at `now`: empty when nothing waits and no device
/// alarm stands.
pub fn lines(s: &Session, now: &Moment) -> Vec<String> {
    let mut out = Vec::new();
    let pending: Vec<&MonitorEntry> = s.monitor.pending().collect();
    if let Some(first) = pending.first() {
        out.push(crate::t!("feed-pending", count = pending.len()));
        out.push(reading_line(first));
        out.push(source_line(first));
    }
    for a in crate::tui::app::monitor::device_alarms(s, now) {
        out.push(crate::tui::app::monitor::device_alarm_text(&a));
    }
    out
}
