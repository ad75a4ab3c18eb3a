//! The simulated patient and the bedside monitor a trainee reads. Values
//! are a pure function of the scenario, the seed and the simulated time, so
//! a rehearsal is reproducible.

use super::inject::{Device, Injected, Injection};
use super::scenario::{EventKind, Scenario, ScenarioEvent};
use super::simlog::{SimEvent, SimLog};
use super::states::{self, Observed, Visit};
use crate::protocol::model::Metric;
use crate::protocol::plausible::vital_range;
use crate::session::{MINUTE, Moment, Session};

/// splitmix64: a tiny, well-known mixing function; enough for reproducible
/// noise without a random-number crate.
fn mix(mut z: u64) -> u64 {
    z = z.wrapping_add(0x9E37_79B9_7F4A_7C15);
    z = (z ^ (z >> 30)).wrapping_mul(0xBF58_476D_1CE4_E5B9);
    z = (z ^ (z >> 27)).wrapping_mul(0x94D0_49BB_1331_11EB);
    z ^ (z >> 31)
}

/// Uniform in [-1, 1], fixed for (seed, metric, slot).
fn unit(seed: u64, metric: Metric, slot: i64) -> f64 {
    let m = metric as u64 + 1;
    let h = mix(seed ^ mix(m.wrapping_mul(0x1000_0000_01B3) ^ (slot as u64)));
    (h >> 11) as f64 / (1u64 << 53) as f64 * 2.0 - 1.0
}

/// What the monitor shows at one moment.
#[derive(Debug, Clone, PartialEq)]
pub struct MonitorView {
    pub hr: u16,
    /// `None` while the probe is off.
    pub spo2: Option<u16>,
    /// The last cycled blood pressure and when it was taken.
    pub bp: Option<(u16, u16, Moment)>,
    /// Scenario events that have happened, newest last.
    pub happened: Vec<ScenarioEvent>,
    /// What the patient is saying now: the scenario's latest moment, or
    /// the instructor's latest line if that came later.
    pub said: Vec<String>,
}

#[derive(Debug, Clone)]
pub struct Patient {
    pub scenario: Scenario,
    pub seed: u64,
    /// Every cuff cycle: when, and what it read.
    pub cuff: Vec<(Moment, u16, u16)>,
    /// The instructor's injections, by minute since the session started.
    pub injected: Injected,
    /// What the trainee did, as far as the scenario's states care
    /// (see [`Patient::observe`]).
    pub observed: Observed,
    /// How many states entered have been announced on screen.
    announced: usize,
}

impl Patient {
    pub fn new(scenario: Scenario, seed: Option<u64>) -> Patient {
        let seed = seed.unwrap_or(scenario.scenario.seed);
        Patient {
            scenario,
            seed,
            cuff: Vec::new(),
            injected: Injected::default(),
            observed: Observed::default(),
            announced: 0,
        }
    }

    /// Take back what a simulation log holds (cuff cycles, injections):
    /// a resumed, replayed or branched rehearsal sees the same patient.
    /// `origin` is the session start.
    pub fn restore(&mut self, log: &SimLog, origin: &Moment) {
        for e in &log.entries {
            match &e.what {
                SimEvent::Cuff {
                    systolic,
                    diastolic,
                } => self.cuff.push((e.at.clone(), *systolic, *diastolic)),
                SimEvent::Inject { injection, .. } => self.inject(&e.at, origin, injection.clone()),
                SimEvent::Seed { seed } => self.seed = *seed,
                _ => {}
            }
        }
    }

    /// Apply an injection made at `now`.
    pub fn inject(&mut self, now: &Moment, origin: &Moment, i: Injection) {
        let minute = now.since(origin) as f64 / MINUTE as f64;
        self.injected.push(minute, i);
    }

    /// Whether `device` is failed at `now`.
    pub fn failed(&self, device: Device, now: &Moment, origin: &Moment) -> bool {
        self.injected
            .failed(device, now.since(origin) as f64 / MINUTE as f64)
    }

    /// Take in what the trainee has done so far (from the session's
    /// entries, so a replay gives the same path); returns what the patient
    /// says on entering states not yet announced.
    pub fn observe(&mut self, s: &Session, now: &Moment) -> Vec<String> {
        self.observed = Observed::from_session(s);
        let Some(start) = &s.dosing.started else {
            return Vec::new();
        };
        let path = self.path(now.since(start) as f64 / MINUTE as f64);
        let new = path.get(self.announced..).unwrap_or_default();
        self.announced = self.announced.max(path.len());
        new.iter()
            .filter_map(|v| self.scenario.states.get(v.state)?.text.clone())
            .collect()
    }

    /// The states entered up to `t` minutes after dosing started.
    pub fn path(&self, t: f64) -> Vec<Visit> {
        states::path(&self.scenario, &self.observed, t)
    }

    /// The scenario events due by `now` that are not yet in `seen` (by
    /// index): minutes count from the start of dosing, so nothing is due
    /// before it.
    pub fn events_due(&self, now: &Moment, dosing: Option<&Moment>, seen: &[bool]) -> Vec<usize> {
        let Some(start) = dosing else {
            return Vec::new();
        };
        let t = now.since(start) as f64 / MINUTE as f64;
        self.scenario
            .events
            .iter()
            .enumerate()
            .filter(|(i, e)| e.minute <= t && !seen.get(*i).copied().unwrap_or(true))
            .map(|(i, _)| i)
            .collect()
    }

    /// The modelled value at `t` minutes after dosing started (negative or
    /// `None`: before dosing), with noise by 30-second slot of `clock_min`
    /// (minutes since the session started).
    pub fn value(&self, m: Metric, t: Option<f64>, clock_min: f64) -> f64 {
        let s = &self.scenario;
        let mut v = s.baseline.get(m);
        if let Some(t) = t {
            for d in s.drifts.iter().filter(|d| d.metric == m) {
                v += d.change * ramp(t, d.from_minute, d.peak_minute, d.end_minute);
            }
            for e in &s.events {
                if e.kind == EventKind::Spike
                    && e.metric == Some(m)
                    && t >= e.minute
                    && t < e.minute + e.duration_minutes.unwrap_or(0.0)
                {
                    v += e.change.unwrap_or(0.0);
                }
            }
            if !s.states.is_empty() {
                v += states::offset(s, &self.path(t), m, t);
            }
        }
        v += self.injected.offset(m, clock_min);
        let slot = (clock_min * 2.0).floor() as i64;
        v += s.noise.get(m) * unit(self.seed, m, slot);
        let (lo, hi) = vital_range(m);
        v.clamp(lo, hi)
    }

    fn minutes(
        &self,
        now: &Moment,
        origin: &Moment,
        dosing: Option<&Moment>,
    ) -> (Option<f64>, f64) {
        let t = dosing.map(|d| now.since(d) as f64 / MINUTE as f64);
        let clock = now.since(origin) as f64 / MINUTE as f64;
        (t, clock)
    }

    fn round(&self, m: Metric, t: Option<f64>, clock: f64) -> u16 {
        self.value(m, t, clock).round() as u16
    }

    /// The blood pressure as it truly is at `now` (what a cuff cycled now
    /// would read, before rounding): for the instructor, never the trainee.
    pub fn true_bp(&self, now: &Moment, origin: &Moment, dosing: Option<&Moment>) -> (f64, f64) {
        let (t, c) = self.minutes(now, origin, dosing);
        (
            self.value(Metric::Systolic, t, c),
            self.value(Metric::Diastolic, t, c),
        )
    }

    /// Every modelled value as it truly is at `now`, in `Metric::ALL`
    /// order (systolic, diastolic, heart rate, SpO₂): for the instructor
    /// and the trainee report, never the trainee during the run.
    pub fn true_values(&self, now: &Moment, origin: &Moment, dosing: Option<&Moment>) -> [f64; 4] {
        let (t, c) = self.minutes(now, origin, dosing);
        Metric::ALL.map(|m| self.value(m, t, c))
    }

    /// Take a blood pressure now, as pressing the monitor's cuff button
    /// does: nothing when the instructor has failed the cuff.
    pub fn cycle_cuff(
        &mut self,
        now: &Moment,
        origin: &Moment,
        dosing: Option<&Moment>,
    ) -> Option<(u16, u16)> {
        let (t, c) = self.minutes(now, origin, dosing);
        if self.injected.failed(Device::Cuff, c) {
            return None;
        }
        let mut sys = self.round(Metric::Systolic, t, c);
        let mut dia = self.round(Metric::Diastolic, t, c);
        if dia >= sys {
            dia = sys.saturating_sub(10);
            sys = sys.max(dia + 10);
        }
        self.cuff.push((now.clone(), sys, dia));
        Some((sys, dia))
    }

    /// The monitor at `now`. `origin` is the session start; `dosing` when
    /// dosing started.
    pub fn view(&self, now: &Moment, origin: &Moment, dosing: Option<&Moment>) -> MonitorView {
        let (t, c) = self.minutes(now, origin, dosing);
        let probe_off = self.injected.failed(Device::Spo2Probe, c)
            || t.is_some_and(|t| {
                self.scenario.events.iter().any(|e| {
                    e.kind == EventKind::Spo2ProbeOff
                        && t >= e.minute
                        && t < e.minute + e.duration_minutes.unwrap_or(0.0)
                })
            });
        let happened: Vec<ScenarioEvent> = match t {
            Some(t) => self.happened(t),
            None => Vec::new(),
        };
        // The scenario's latest moment, in session minutes, against the
        // instructor's latest line.
        let scenario_said = happened.last().map(|last| {
            let at = c - t.unwrap_or(0.0) + last.minute;
            let lines: Vec<String> = happened
                .iter()
                .filter(|e| e.minute == last.minute)
                .map(|e| e.text.clone())
                .collect();
            (at, lines)
        });
        let said = match (scenario_said, self.injected.said(c)) {
            (Some((a, _)), Some((b, line))) if b >= a => vec![line.to_string()],
            (None, Some((_, line))) => vec![line.to_string()],
            (Some((_, lines)), _) => lines,
            (None, None) => Vec::new(),
        };
        MonitorView {
            hr: self.round(Metric::Hr, t, c),
            spo2: (!probe_off).then(|| self.round(Metric::Spo2, t, c)),
            bp: self
                .cuff
                .iter()
                .rev()
                .find(|(at, _, _)| now.since(at) >= 0)
                .map(|(at, s, d)| (*s, *d, at.clone())),
            happened,
            said,
        }
    }
}

impl Patient {
    /// Scenario events up to `t`, with what the patient said on entering
    /// each state (as a sign; the state's name stays hidden), oldest first.
    fn happened(&self, t: f64) -> Vec<ScenarioEvent> {
        let mut v: Vec<ScenarioEvent> = self
            .scenario
            .events
            .iter()
            .filter(|e| e.minute <= t)
            .cloned()
            .collect();
        for visit in self.path(t) {
            if let Some(text) = self
                .scenario
                .states
                .get(visit.state)
                .and_then(|s| s.text.clone())
            {
                v.push(ScenarioEvent {
                    id: None,
                    minute: visit.at,
                    kind: EventKind::Sign,
                    text,
                    metric: None,
                    change: None,
                    duration_minutes: None,
                    request_stop: false,
                    expect_note_tag: None,
                    expect_music: false,
                    expect_risk: false,
                    expect_rescue: false,
                    expect_agreement_kept: false,
                    expect_within_minutes: 0.0,
                });
            }
        }
        v.sort_by(|a, b| a.minute.total_cmp(&b.minute));
        v
    }
}

/// 0 before `from`, rising to 1 at `peak`, back to 0 at `end`.
fn ramp(t: f64, from: f64, peak: f64, end: f64) -> f64 {
    if t <= from || t >= end {
        0.0
    } else if t <= peak {
        if peak > from {
            (t - from) / (peak - from)
        } else {
            1.0
        }
    } else if end > peak {
        (end - t) / (end - peak)
    } else {
        0.0
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn ramp_rises_and_falls() {
        assert_eq!(ramp(0.0, 5.0, 30.0, 70.0), 0.0);
        assert_eq!(ramp(17.5, 5.0, 30.0, 70.0), 0.5);
        assert_eq!(ramp(30.0, 5.0, 30.0, 70.0), 1.0);
        assert_eq!(ramp(50.0, 5.0, 30.0, 70.0), 0.5);
        assert_eq!(ramp(80.0, 5.0, 30.0, 70.0), 0.0);
    }

    #[test]
    fn noise_is_bounded_and_repeatable() {
        for slot in 0..200 {
            let a = unit(7, Metric::Hr, slot);
            assert!((-1.0..=1.0).contains(&a));
            assert_eq!(a, unit(7, Metric::Hr, slot));
        }
        assert_ne!(unit(7, Metric::Hr, 3), unit(8, Metric::Hr, 3));
    }
}
