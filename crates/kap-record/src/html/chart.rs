//! What the chart shows, read from the session: every time in minutes on
//! one axis (from the start of dosing, or of the session when dosing never
//! started). Pure data, so what is drawn can be tested apart from how.

use crate::protocol::{Metric, Priority};
use crate::session::timeline::{self, Kind};
use crate::session::vitals::Reading;
use crate::session::{MINUTE, Moment, Session};

/// A protocol alert limit: a line on its metric's panel.
#[derive(Debug, Clone, PartialEq)]
pub struct Limit {
    pub metric: Metric,
    pub value: f64,
    pub above: bool,
    pub rule: String,
    pub priority: Priority,
}

/// An alarm from raised to its first acknowledgement (or to the end of the
/// record when nobody acknowledged it).
#[derive(Debug, Clone, PartialEq)]
pub struct AlarmSpan {
    pub metric: Metric,
    pub from: f64,
    pub to: f64,
    pub acknowledged: bool,
    pub priority: Priority,
    pub title: String,
}

#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum Run {
    Running,
    Paused,
}

/// A stretch of the infusion (or observation) lane.
#[derive(Debug, Clone, PartialEq)]
pub struct Stretch {
    pub from: f64,
    pub to: f64,
    pub run: Run,
    pub title: String,
}

/// Something recorded, as a mark on the actions lane.
#[derive(Debug, Clone, PartialEq)]
pub struct Mark {
    pub minute: f64,
    pub kind: Kind,
    /// Raised by the session (an alarm), not entered by anyone.
    pub system: bool,
    /// Marked entered in error or replaced.
    pub struck: bool,
    pub title: String,
}

#[derive(Debug, Clone, PartialEq)]
pub struct Chart {
    /// `infusion` or `bolus` (the catalogues' selector): an IM, SL or IN
    /// dose's lane is its observation, not an infusion.
    pub what: &'static str,
    /// Whether minutes count from the start of dosing.
    pub from_dosing: bool,
    /// The clock time minute 0 stands for.
    pub origin_clock: String,
    pub start: f64,
    pub end: f64,
    pub readings: Vec<(f64, Reading)>,
    pub limits: Vec<Limit>,
    pub alarms: Vec<AlarmSpan>,
    pub infusion: Vec<Stretch>,
    /// Stopped early: when, and why.
    pub stopped: Option<(f64, String)>,
    /// A stepped dose: where each step begins, and its name.
    pub steps: Vec<(f64, String)>,
    pub music: Vec<Stretch>,
    /// Scenario events (a rehearsal with its scenario): minute and text.
    pub events: Vec<(f64, String)>,
    pub marks: Vec<Mark>,
    /// A rehearsal's simulated patient: the true values beside the
    /// readings (empty for a real session).
    pub truth: Vec<TrueSeries>,
}

/// The true values at one moment, in simulated minutes from the start of
/// dosing, in `Metric::ALL` order (a rehearsal's, `rehearsal::report`).
#[derive(Debug, Clone, PartialEq)]
pub struct TruePoint {
    pub at: f64,
    pub values: [f64; 4],
}

impl TruePoint {
    pub fn get(&self, m: Metric) -> f64 {
        let i = Metric::ALL.iter().position(|x| *x == m).unwrap_or(0);
        self.values[i]
    }
}

/// The simulated patient's true values of one metric: minute and value.
#[derive(Debug, Clone, PartialEq)]
pub struct TrueSeries {
    pub metric: Metric,
    pub points: Vec<(f64, f64)>,
}

impl Chart {
    /// Add a rehearsal's true values, inside the chart's time span.
    pub fn with_truth(mut self, truth: &[TruePoint]) -> Chart {
        let (start, end) = (self.start, self.end);
        self.truth = Metric::ALL
            .into_iter()
            .map(|metric| TrueSeries {
                metric,
                points: truth
                    .iter()
                    .filter(|p| p.at >= start && p.at <= end)
                    .map(|p| (p.at, p.get(metric)))
                    .collect(),
            })
            .filter(|t| !t.points.is_empty())
            .collect();
        self
    }
}

fn minutes(at: &Moment, origin: &Moment) -> f64 {
    at.since(origin) as f64 / MINUTE as f64
}

fn round1(x: f64) -> f64 {
    (x * 10.0).round() / 10.0
}

/// Minutes on the chart's axis from its origin, and a minute as words.
struct Axis {
    origin: Moment,
}

impl Axis {
    fn m(&self, a: &Moment) -> f64 {
        minutes(a, &self.origin)
    }

    fn num(x: f64, lang: crate::i18n::Lang) -> String {
        crate::i18n::num_in(lang, round1(x))
    }
}

/// The chart of `s` as it stands at `end` (its closing, or the moment the
/// record is read at), with a rehearsal's scenario events when known.
pub fn build(
    s: &Session,
    end: &Moment,
    events: &[(f64, String)],
    lang: crate::i18n::Lang,
) -> Chart {
    let ax = Axis {
        origin: s
            .dosing
            .started
            .clone()
            .unwrap_or_else(|| s.started_at.clone()),
    };
    let readings: Vec<(f64, Reading)> = s.vitals.iter().map(|v| (ax.m(&v.at), v.reading)).collect();
    let (infusion, steps) = infusion(s, end, &ax, lang);
    let marks = marks(s, end, &ax, lang);
    let mut lo: f64 = 0.0;
    let mut hi = ax.m(end);
    for x in marks
        .iter()
        .map(|k| k.minute)
        .chain(readings.iter().map(|r| r.0))
        .chain(events.iter().map(|e| e.0))
    {
        lo = lo.min(x);
        hi = hi.max(x);
    }
    let d = &s.dosing;
    Chart {
        what: d.what(),
        from_dosing: d.started.is_some(),
        origin_clock: ax.origin.hhmm(),
        start: lo,
        end: hi.max(lo + 1.0),
        readings,
        limits: limits(s),
        alarms: alarms(s, end, &ax, lang)
            .into_iter()
            .chain(device_alarms(s, end, &ax, lang))
            .collect(),
        infusion,
        stopped: d.stopped.as_ref().map(|(at, why)| (ax.m(at), why.clone())),
        steps,
        music: music(s, end, &ax, lang),
        events: events.to_vec(),
        marks,
        truth: Vec::new(),
    }
}

/// The protocol's alert limits, one line each.
fn limits(s: &Session) -> Vec<Limit> {
    s.protocol()
        .vitals
        .alerts
        .iter()
        .flat_map(|r| {
            let mk = |value: f64, above: bool| Limit {
                metric: r.metric,
                value,
                above,
                rule: r.id.clone(),
                priority: r.priority,
            };
            r.above
                .map(|v| mk(v, true))
                .into_iter()
                .chain(r.below.map(|v| mk(v, false)))
        })
        .collect()
}

/// Each alarm standing in the record, from raised to first acknowledged
/// (or to `end`).
fn alarms(s: &Session, end: &Moment, ax: &Axis, lang: crate::i18n::Lang) -> Vec<AlarmSpan> {
    let num = Axis::num;
    s.alerts
        .alerts
        .iter()
        .filter(|a| !a.is_void())
        .map(|a| {
            let first = a.earlier_acks.first().or(a.acknowledged.as_ref());
            let from = ax.m(&a.raised_at);
            let to = first.map_or_else(|| ax.m(end), |k| ax.m(&k.at)).max(from);
            let title = match first {
                Some(_) => crate::say!(
                    lang,
                    "html-alarm-span",
                    id = a.id,
                    priority = a.priority.word().say(lang),
                    what = a.headline().say(lang),
                    from = num(from, lang),
                    to = num(to, lang)
                ),
                None => crate::say!(
                    lang,
                    "html-alarm-span-open",
                    id = a.id,
                    priority = a.priority.word().say(lang),
                    what = a.headline().say(lang),
                    from = num(from, lang)
                ),
            };
            AlarmSpan {
                metric: a.metric,
                from,
                to,
                acknowledged: first.is_some(),
                priority: a.priority,
                title,
            }
        })
        .collect()
}

/// Each device alarm from the bedside monitor, from when it began to when
/// it ended (or to `end` while it stands); hatched when the clinician
/// never acknowledged it.
fn device_alarms(s: &Session, end: &Moment, ax: &Axis, lang: crate::i18n::Lang) -> Vec<AlarmSpan> {
    let num = Axis::num;
    s.monitor
        .device_alarm_history(s.protocol())
        .into_iter()
        .map(|a| {
            let from = ax.m(&a.raised);
            let to = a
                .ended
                .as_ref()
                .map_or_else(|| ax.m(end), |(e, _)| ax.m(e))
                .max(from);
            let title = crate::say!(
                lang,
                "html-device-alarm-span",
                priority = a.priority.word().say(lang),
                measure = a.metric.label().say(lang),
                rule = a.rule.clone(),
                from = num(from, lang),
                to = num(to, lang)
            );
            AlarmSpan {
                metric: a.metric,
                from,
                to,
                acknowledged: a.acknowledged.is_some(),
                priority: a.priority,
                title,
            }
        })
        .collect()
}

/// The dose running and paused, and where each step of a stepped dose
/// began.
fn infusion(
    s: &Session,
    end: &Moment,
    ax: &Axis,
    lang: crate::i18n::Lang,
) -> (Vec<Stretch>, Vec<(f64, String)>) {
    let num = Axis::num;
    let d = &s.dosing;
    let mut infusion = Vec::new();
    let mut steps = Vec::new();
    let Some(start) = &d.started else {
        return (infusion, steps);
    };
    let stop = d.ended_at(end).unwrap_or_else(|| end.clone());
    let mut from = start.clone();
    let running = |a: &Moment, b: &Moment| Stretch {
        from: ax.m(a),
        to: ax.m(b),
        run: Run::Running,
        title: crate::say!(
            lang,
            "html-running",
            what = d.what(),
            from = num(ax.m(a), lang),
            to = num(ax.m(b), lang)
        ),
    };
    for p in &d.pauses {
        if p.from.since(&stop) > 0 {
            break;
        }
        infusion.push(running(&from, &p.from));
        let to = p.to.clone().unwrap_or_else(|| stop.clone());
        infusion.push(Stretch {
            from: ax.m(&p.from),
            to: ax.m(&to),
            run: Run::Paused,
            title: crate::say!(
                lang,
                "html-paused",
                from = num(ax.m(&p.from), lang),
                to = num(ax.m(&to), lang),
                reason = p.reason.clone()
            ),
        });
        from = to;
    }
    if stop.since(&from) > 0 {
        infusion.push(running(&from, &stop));
    }
    // A stepped dose: each step starts when the running time (pauses
    // left out) reaches the steps before it.
    let mut ran = 0;
    for (i, seg) in d.steps.iter().enumerate() {
        if let Some(at) = d.moment_at_running(ran, end)
            && at.since(&stop) <= 0
        {
            let label = seg.label.clone().unwrap_or_default();
            steps.push((
                ax.m(&at),
                crate::say!(
                    lang,
                    "html-step",
                    n = i + 1,
                    label = label,
                    mg = num(seg.mg, lang)
                ),
            ));
        }
        ran += seg
            .minutes
            .map_or(0, |x| (x * MINUTE as f64).round() as i64);
    }
    (infusion, steps)
}

/// The music playing, track by track.
fn music(s: &Session, end: &Moment, ax: &Axis, lang: crate::i18n::Lang) -> Vec<Stretch> {
    let num = Axis::num;
    s.music
        .played
        .iter()
        .map(|(a, b)| {
            let to = b.clone().unwrap_or_else(|| end.clone());
            Stretch {
                from: ax.m(a),
                to: ax.m(&to),
                run: Run::Running,
                title: crate::say!(
                    lang,
                    "html-music",
                    from = num(ax.m(a), lang),
                    to = num(ax.m(&to), lang)
                ),
            }
        })
        .collect()
}

/// Every row of the timeline as a mark, worded as the timeline words it.
fn marks(s: &Session, end: &Moment, ax: &Axis, lang: crate::i18n::Lang) -> Vec<Mark> {
    timeline::rows(s, end)
        .into_iter()
        .map(|r| {
            let at = ax.m(&r.taken);
            let mut title = crate::say!(
                lang,
                "html-mark",
                at = Axis::num(at, lang),
                time = r.taken_text(),
                text = r.text.clone().say(lang)
            );
            if let Some(by) = &r.by {
                title = format!(
                    "{title} — {}",
                    crate::say!(lang, "html-mark-by", by = by.clone())
                );
            }
            for extra in r.marks() {
                title = format!("{title} — {}", extra.say(lang));
            }
            Mark {
                minute: at,
                kind: r.kind,
                system: r.seq.is_none(),
                struck: r.status.struck(),
                title,
            }
        })
        .collect()
}
