//! The simulated patient's true values beside what the trainee recorded:
//! sampled every half minute (the noise's own step) for the report's
//! chart, and each stretch they spent past one of the protocol's alert
//! limits with the readings recorded meanwhile ("SpO₂ truly below 90 from
//! 12 to 42 min, down to 88 %; recorded 98 % at 20 min"). Pure: the
//! scenario, its seed, the instructor's changes and the record.

use super::mins;
use crate::patient::Patient;
use crate::protocol::Metric;
use crate::session::{MINUTE, Moment, Session};

/// How often the true values are sampled, in simulated minutes.
pub const STEP: f64 = 0.5;
/// Excursions closer than this (minutes) are one: noise flickering about
/// a limit is not two events.
const JOIN: f64 = 1.0;
/// Shorter excursions are left out, as noise.
const SHORTEST: f64 = 1.0;

/// The true values at one moment: the chart's type, which draws them.
pub use crate::record::html::chart::TruePoint;

/// A stretch the true value spent past an alert limit.
#[derive(Debug, Clone, PartialEq)]
pub struct Excursion {
    pub metric: Metric,
    pub above: bool,
    pub limit: f64,
    pub from: f64,
    pub to: f64,
    /// The furthest past the limit it went, rounded as a monitor shows it.
    pub extreme: i64,
    /// The readings of that measure taken meanwhile: minute and value.
    pub recorded: Vec<(f64, u16)>,
}

/// The true values from the start of the session to `end`, every
/// [`STEP`] minutes (on the report's axis, from the start of dosing).
pub fn sample(s: &Session, patient: &Patient, origin: &Moment, end: &Moment) -> Vec<TruePoint> {
    let from = mins(&s.started_at, origin).min(0.0);
    let to = mins(end, origin);
    let steps = ((to - from) / STEP).floor().max(0.0) as i64;
    (0..=steps.min(2 * 24 * 60))
        .map(|i| {
            let at = from + i as f64 * STEP;
            let now = origin.plus((at * MINUTE as f64).round() as i64);
            let values = patient.true_values(&now, &s.started_at, s.dosing.started.as_ref());
            TruePoint {
                at: (at * 10.0).round() / 10.0,
                values: values.map(|v| (v * 10.0).round() / 10.0),
            }
        })
        .collect()
}

/// Each stretch past each of the protocol's alert limits, in time order,
/// with what was recorded meanwhile (readings entered in error left out).
pub fn excursions(s: &Session, truth: &[TruePoint], m: &dyn Fn(&Moment) -> f64) -> Vec<Excursion> {
    let mut out = Vec::new();
    let mut seen: Vec<(Metric, bool, f64)> = Vec::new();
    for rule in &s.protocol().vitals.alerts {
        let limits = rule
            .above
            .map(|v| (true, v))
            .into_iter()
            .chain(rule.below.map(|v| (false, v)));
        for (above, limit) in limits {
            // Two rules on the same limit (a confirm rule and its alarm)
            // are one line.
            if seen.contains(&(rule.metric, above, limit)) {
                continue;
            }
            seen.push((rule.metric, above, limit));
            for (from, to) in stretches(truth, rule.metric, above, limit) {
                let inside = truth
                    .iter()
                    .filter(|p| p.at >= from && p.at <= to)
                    .map(|p| p.get(rule.metric).round() as i64);
                let extreme = if above { inside.max() } else { inside.min() };
                let recorded = s
                    .vitals
                    .iter()
                    .filter(|v| !s.corrections.contains_key(&v.seq))
                    .filter_map(|v| Some((m(&v.at), v.reading.get(rule.metric)?)))
                    .filter(|(at, _)| *at >= from && *at <= to)
                    .collect();
                out.push(Excursion {
                    metric: rule.metric,
                    above,
                    limit,
                    from,
                    to,
                    extreme: extreme.unwrap_or(limit as i64),
                    recorded,
                });
            }
        }
    }
    out.sort_by(|a, b| a.from.total_cmp(&b.from));
    out
}

/// The stretches (first and last sample) a metric spent strictly past a
/// limit, joined across short gaps, short ones left out.
fn stretches(truth: &[TruePoint], metric: Metric, above: bool, limit: f64) -> Vec<(f64, f64)> {
    let past = |p: &TruePoint| {
        let v = p.get(metric).round();
        if above { v > limit } else { v < limit }
    };
    let mut runs: Vec<(f64, f64)> = Vec::new();
    for p in truth.iter().filter(|p| past(p)) {
        match runs.last_mut() {
            Some(last) if p.at - last.1 <= JOIN + 1e-9 => last.1 = p.at,
            _ => runs.push((p.at, p.at)),
        }
    }
    runs.retain(|(a, b)| b - a >= SHORTEST - 1e-9);
    runs
}

#[cfg(test)]
mod tests {
    use super::*;

    fn spo2(values: &[(f64, f64)]) -> Vec<TruePoint> {
        values
            .iter()
            .map(|(at, v)| TruePoint {
                at: *at,
                values: [120.0, 80.0, 70.0, *v],
            })
            .collect()
    }

    #[test]
    fn a_flicker_is_joined_and_a_blip_left_out() {
        let t = spo2(&[
            (0.0, 97.0),
            (0.5, 89.0), // a blip of one sample
            (1.0, 97.0),
            (5.0, 88.0),
            (5.5, 88.0),
            (6.0, 91.0), // back above for half a minute: joined
            (6.5, 88.0),
            (7.0, 97.0),
        ]);
        assert_eq!(stretches(&t, Metric::Spo2, false, 90.0), [(5.0, 6.5)]);
    }
}
