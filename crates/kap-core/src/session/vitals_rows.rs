//! The vitals readings as the exports list them (CSV, FHIR, the HTML
//! chart): every reading ever entered, typed or confirmed from the
//! bedside monitor, current or corrected, in the order taken.

use super::event::Event;
use super::timeline::{Status, status_of};
use super::{Moment, Session};

/// A vitals reading as an export lists it: current, or corrected (kept,
/// with its status).
#[derive(Debug, Clone, PartialEq)]
pub struct VitalsRow {
    pub seq: u64,
    /// When it was taken.
    pub at: Moment,
    /// When it was recorded.
    pub recorded: Moment,
    pub reading: super::vitals::Reading,
    /// Alerts it raised (by id).
    pub raised: Vec<u32>,
    pub status: Status,
    /// The monitor reading it confirms, when it came from the monitor.
    pub source: Option<super::monitor::MonitorReading>,
}

/// Every vitals reading ever entered, in the order taken: the current
/// ones and those later marked entered in error or replaced.
pub fn vitals_rows(s: &Session) -> Vec<VitalsRow> {
    let recorded =
        |seq: u64, at: &Moment| s.entry(seq).map_or_else(|| at.clone(), |e| e.at.clone());
    let mut out: Vec<VitalsRow> = s
        .vitals
        .iter()
        .map(|v| VitalsRow {
            seq: v.seq,
            at: v.at.clone(),
            recorded: v.entered.clone().unwrap_or_else(|| recorded(v.seq, &v.at)),
            reading: v.reading,
            raised: v.raised.clone(),
            status: Status::Current,
            source: v
                .source
                .and_then(|m| s.monitor.get(m))
                .map(|m| m.reading.clone()),
        })
        .collect();
    for seq in s.corrections.keys() {
        let Some(e) = s.entry(*seq) else { continue };
        let from_monitor = |entry: &u64| s.monitor.get(*entry).map(|m| m.reading.clone());
        let source = match &e.event {
            Event::MonitorConfirmed { entry } => from_monitor(entry),
            _ => None,
        };
        let reading = match &e.event {
            Event::Vitals { reading } => *reading,
            Event::MonitorConfirmed { .. } => match &source {
                Some(m) => m.reading,
                None => continue,
            },
            Event::Corrected { with: Some(w), .. } => match w.as_ref() {
                Event::Vitals { reading } => *reading,
                _ => continue,
            },
            _ => continue,
        };
        let raised = s
            .alerts
            .alerts
            .iter()
            .filter(|a| a.entry == Some(*seq))
            .map(|a| a.id)
            .collect();
        let at = match &e.event {
            // A replacement stands for the moment of what it replaced.
            Event::Corrected { entry, .. } => s
                .entry(*entry)
                .map_or_else(|| e.when().clone(), |o| o.when().clone()),
            _ => e.when().clone(),
        };
        out.push(VitalsRow {
            seq: *seq,
            at,
            recorded: e.at.clone(),
            reading,
            raised,
            status: status_of(s, *seq),
            source,
        });
    }
    out.sort_by(|a, b| a.at.since(&b.at).cmp(&0).then(a.seq.cmp(&b.seq)));
    out
}
