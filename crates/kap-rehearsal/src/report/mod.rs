//! The trainee report: what the protocol and the scenario expected of the
//! trainee (gates, vitals windows, each alarm's acknowledgement, pause and
//! confirming repeat, each scenario event's note or pause), each done, late
//! by how much or not done; whether the run ended early and what it never
//! reached; the trainee's notes; entries that disagreed with the monitor,
//! steps skipped, pauses, and the scenario's branches. Times are simulated
//! minutes from the start of dosing, so runs of the same scenario compare
//! directly; the clock speed(s) the run used are stated beside them.
//!
//! `build` works the rows out (`score.rs` for what was expected);
//! `document.rs` words them as one document: `trainee-report.md` and the
//! HTML page's analysis are its two renderings.

mod document;
pub mod html;
pub mod phases;
mod schedule;
mod score;
pub mod truth;
pub mod visit;

use super::patient::Patient;
use super::simlog::{SimEvent, SimLog};
use crate::session::{MINUTE, Moment, Session};

pub use score::{EarlyEnd, ExpectKind, Expected, NoteRow, StateRow, Status};
pub use truth::{Excursion, TruePoint};

/// Tolerances for "the entry disagrees with the monitor".
const BP_TOLERANCE: i32 = 5;
const HR_TOLERANCE: i32 = 5;
const SPO2_TOLERANCE: i32 = 2;

#[derive(Debug, Clone, PartialEq)]
pub struct PromptRow {
    pub due_from: f64,
    pub due_until: f64,
    /// Done (inside the window, or before it opened), late by how much,
    /// or not done (missed).
    pub status: Status,
}

#[derive(Debug, Clone, PartialEq)]
pub struct AlertRow {
    pub id: u32,
    pub headline: String,
    pub priority: crate::protocol::Priority,
    pub raised: f64,
    /// The first acknowledgement (a reminder asks again).
    pub acknowledged: Option<f64>,
    pub action: Option<String>,
    /// The window the response is judged in: the protocol's longest vitals
    /// interval, in minutes.
    pub window: f64,
    /// A later reading of the same measure inside the window (minute).
    pub repeat: Option<f64>,
    /// For a high-priority alarm: the infusion paused or stopped inside the
    /// window (minute), and whether it was running to be paused.
    pub paused: Option<f64>,
    pub infusion_running: bool,
}

#[derive(Debug, Clone, PartialEq)]
pub struct EventRow {
    pub minute: f64,
    pub text: String,
    pub expected: Option<String>,
    /// Done inside its window (a late response is `Some(false)`: see
    /// `status`).
    pub met: Option<bool>,
    /// Done, late by how much, or not done.
    pub status: Option<Status>,
    /// The window the response was expected in (minutes).
    pub window: Option<(f64, f64)>,
    /// A note or a pause/stop.
    pub kind: Option<ExpectKind>,
}

#[derive(Debug, Clone, PartialEq)]
pub struct Report {
    pub scenario: String,
    pub seed: u64,
    pub protocol: String,
    pub session: u32,
    pub prompts: Vec<PromptRow>,
    pub alerts: Vec<AlertRow>,
    pub disagreements: Vec<String>,
    pub skips: Vec<String>,
    pub pauses: Vec<String>,
    pub events: Vec<EventRow>,
    pub closed: bool,
    /// Everything the protocol and the scenario expected, in time order.
    pub expected: Vec<Expected>,
    /// The trainee's notes, oldest first.
    pub notes: Vec<NoteRow>,
    /// Set when the run ended before the session was complete.
    pub early_end: Option<EarlyEnd>,
    /// The simulated clock speed(s) the run used (×1 = real time).
    pub speeds: Vec<f64>,
    /// The scenario states entered (named for the instructor; never shown
    /// to the trainee during the run).
    pub states: Vec<StateRow>,
    /// When the run ended (closed, or the moment the report was built).
    pub ended: f64,
    /// What the instructor changed during the run (`kap instruct`).
    pub injections: Vec<InjectionRow>,
    /// Branched from another rehearsal: its id, and the minute the branch
    /// began at (from the start of dosing, as every time here).
    pub branched: Option<(String, f64)>,
    /// The simulated patient's true values through the run, every half
    /// minute: the chart draws them beside what was recorded.
    pub truth: Vec<TruePoint>,
    /// Each stretch the true values spent past an alert limit, with what
    /// was recorded meanwhile.
    pub excursions: Vec<Excursion>,
    /// Time in each phase with a target length.
    pub phase_times: Vec<phases::PhaseTime>,
    /// A visit (no dose): what its phases asked and how it went. The
    /// dosing session's expectations (vitals, infusion, alarms, scenario
    /// events) are then left empty: a visit never has them.
    pub visit: Option<visit::VisitPart>,
}

/// One change the instructor made, in simulated minutes from the start of
/// dosing (negative: before it).
#[derive(Debug, Clone, PartialEq)]
pub struct InjectionRow {
    pub minute: f64,
    pub text: String,
    /// The scenario's named injection it came from.
    pub named: Option<String>,
}

fn mins(a: &Moment, origin: &Moment) -> f64 {
    (a.since(origin) as f64 / MINUTE as f64 * 10.0).round() / 10.0
}

/// Build the report for a rehearsal as it stands at `now` (its closing,
/// once closed). `speeds` are the simulated clock speeds the run used.
pub fn build(
    s: &Session,
    patient: &Patient,
    now: &Moment,
    speeds: &[f64],
    lang: crate::i18n::Lang,
) -> Report {
    // The patient's states follow the record: take it all in first.
    let mut patient = patient.clone();
    patient.observe(s, now);
    let patient = &patient;
    let origin = s
        .dosing
        .started
        .clone()
        .unwrap_or_else(|| s.started_at.clone());
    let end = s.closed.as_ref().map_or(now.clone(), |c| c.at.clone());
    let m = |a: &Moment| mins(a, &origin);

    let prompts = schedule::prompts(s, &end, &m);
    let alerts = alert_rows(s, &m, lang);
    let disagreements = disagreements(s, patient, &m, lang);

    let skips = s
        .skips
        .iter()
        .map(|k| {
            crate::say!(
                lang,
                "rep-skip",
                phase = phase_title(s, &k.phase),
                items = k
                    .prompts
                    .iter()
                    .map(|id| prompt_text(s, id))
                    .collect::<Vec<_>>()
                    .join("; "),
                reason = k.reason.clone()
            )
        })
        .collect();
    let pauses = pause_lines(s, &m, lang);

    let t_end = m(&end);
    let visit = visit::part(s, &origin);
    let (alerts, disagreements, truth, expected, events) = if visit.is_some() {
        // A visit is judged on what it asks alone: its gates here, its
        // prompts in `visit`.
        (
            Vec::new(),
            Vec::new(),
            Vec::new(),
            score::gates(s, &m, lang),
            Vec::new(),
        )
    } else {
        let truth = truth::sample(s, patient, &origin, &end);
        let expected = score::expected(s, patient, &end, &m, &prompts, lang);
        let events = score::events(s, patient, &end, &m, lang);
        (alerts, disagreements, truth, expected, events)
    };
    let excursions = truth::excursions(s, &truth, &m);
    Report {
        scenario: patient.scenario.scenario.id.clone(),
        seed: patient.seed,
        protocol: s.protocol().protocol.id.clone(),
        session: s.start.session,
        prompts,
        alerts,
        disagreements,
        skips,
        pauses,
        events,
        closed: s.closed.is_some(),
        expected,
        notes: score::notes(s, &m),
        early_end: score::early_end(s, patient, &end, &m, lang),
        speeds: speeds.to_vec(),
        injections: Vec::new(),
        branched: None,
        states: score::states(patient, t_end),
        ended: t_end,
        truth,
        excursions,
        phase_times: phases::times(s, &end),
        visit,
    }
}

/// The infusion's pauses and its stop, in words.
fn pause_lines(s: &Session, m: &dyn Fn(&Moment) -> f64, lang: crate::i18n::Lang) -> Vec<String> {
    let mut pauses: Vec<String> = s
        .dosing
        .pauses
        .iter()
        .map(|p| {
            crate::say!(
                lang,
                "rep-paused",
                at = t(m(&p.from), lang),
                minutes = p.to.as_ref().map_or("…".to_string(), |to| t(
                    (mins(to, &p.from) * 10.0).round() / 10.0,
                    lang
                )),
                reason = p.reason.clone()
            )
        })
        .collect();
    if let Some((at, r)) = &s.dosing.stopped {
        pauses.push(crate::say!(
            lang,
            "rep-stopped",
            at = t(m(at), lang),
            reason = r.clone()
        ));
    }
    pauses
}

fn alert_rows(s: &Session, m: &dyn Fn(&Moment) -> f64, lang: crate::i18n::Lang) -> Vec<AlertRow> {
    s.alerts
        .alerts
        .iter()
        .map(|a| {
            let window = f64::from(s.protocol().vitals.interval_minutes.max);
            let raised = m(&a.raised_at);
            let within = |at: &Moment| {
                let x = m(at);
                x > raised && x <= raised + window
            };
            let first = a.earlier_acks.first().or(a.acknowledged.as_ref());
            let repeat = s
                .vitals
                .iter()
                .filter(|v| within(&v.at) && v.reading.get(a.metric).is_some())
                .map(|v| m(&v.at))
                .next();
            let paused = s
                .dosing
                .pauses
                .iter()
                .map(|p| &p.from)
                .chain(s.dosing.stopped.as_ref().map(|(at, _)| at))
                .filter(|at| within(at))
                .map(m)
                .reduce(f64::min);
            AlertRow {
                id: a.id,
                headline: a.headline().say(lang),
                priority: a.priority,
                raised,
                acknowledged: first.map(|k| m(&k.at)),
                action: first.and_then(|k| k.action.clone()),
                window,
                repeat,
                paused,
                // Running when the alarm was raised: started before it, not
                // yet ended then (whatever happened after).
                infusion_running: s
                    .dosing
                    .started
                    .as_ref()
                    .is_some_and(|st| a.raised_at.since(st) >= 0)
                    && s.dosing
                        .ended_at(&a.raised_at)
                        .is_none_or(|end| end.since(&a.raised_at) > 0),
            }
        })
        .collect()
}

/// Entries against what the monitor showed when they were taken.
fn disagreements(
    s: &Session,
    patient: &Patient,
    m: &dyn Fn(&Moment) -> f64,
    lang: crate::i18n::Lang,
) -> Vec<String> {
    let mut disagreements = Vec::new();
    for e in &s.vitals {
        let view = patient.view(&e.at, &s.started_at, s.dosing.started.as_ref());
        let at = m(&e.at);
        if let (Some(sys), Some(dia)) = (e.reading.systolic, e.reading.diastolic) {
            match &view.bp {
                None => disagreements.push(crate::say!(
                    lang,
                    "rep-bp-no-cuff",
                    at = t(at, lang),
                    bp = format!("{sys}/{dia}")
                )),
                Some((ms, md, _))
                    if (i32::from(sys) - i32::from(*ms)).abs() > BP_TOLERANCE
                        || (i32::from(dia) - i32::from(*md)).abs() > BP_TOLERANCE =>
                {
                    disagreements.push(crate::say!(
                        lang,
                        "rep-bp-differs",
                        at = t(at, lang),
                        bp = format!("{sys}/{dia}"),
                        monitor = format!("{ms}/{md}")
                    ))
                }
                _ => {}
            }
        }
        if let Some(hr) = e.reading.hr
            && (i32::from(hr) - i32::from(view.hr)).abs() > HR_TOLERANCE
        {
            disagreements.push(crate::say!(
                lang,
                "rep-hr-differs",
                at = t(at, lang),
                hr = hr.to_string(),
                monitor = view.hr.to_string()
            ));
        }
        if let Some(o) = e.reading.spo2 {
            match view.spo2 {
                None => disagreements.push(crate::say!(
                    lang,
                    "rep-spo2-probe-off",
                    at = t(at, lang),
                    spo2 = o.to_string()
                )),
                Some(mo) if (i32::from(o) - i32::from(mo)).abs() > SPO2_TOLERANCE => disagreements
                    .push(crate::say!(
                        lang,
                        "rep-spo2-differs",
                        at = t(at, lang),
                        spo2 = o.to_string(),
                        monitor = mo.to_string()
                    )),
                _ => {}
            }
        }
    }
    disagreements
}

/// A prompt as the protocol words it (its language is the record's), by
/// its id; an id the protocol no longer has is shown as stored.
pub(super) fn prompt_text(s: &Session, id: &str) -> String {
    s.protocol()
        .prompt(id)
        .map_or_else(|| id.to_string(), |(_, p)| p.text.clone())
}

/// A phase's title, by its id.
fn phase_title(s: &Session, id: &str) -> String {
    s.protocol()
        .phases
        .iter()
        .find(|p| p.id == id)
        .map_or_else(|| id.to_string(), |p| p.title.clone())
}

fn t(x: f64, lang: crate::i18n::Lang) -> String {
    crate::i18n::num_in(lang, x)
}

/// Build the trainee report for a closed rehearsal and write it as
/// `trainee-report.md` in `dir`: its short summary, and where it was
/// written or why it was not.
pub fn write(
    dir: &std::path::Path,
    s: &Session,
    patient: &Patient,
    now: &Moment,
    log: &SimLog,
    initial_speed: f64,
    lang: crate::i18n::Lang,
) -> (String, Result<std::path::PathBuf, String>) {
    let r = for_folder(dir, s, patient, now, log, Some(initial_speed), lang);
    let path = dir.join("trainee-report.md");
    let html = dir.join("trainee-report.html");
    let written = crate::record::journal::write_atomic(&path, r.markdown(lang).as_bytes())
        .and_then(|_| {
            let page = html::trainee(s, &r, now, lang);
            crate::record::journal::write_atomic(&html, page.as_bytes())
        })
        .map(|_| path)
        .map_err(|e| e.to_string());
    (r.summary(lang), written)
}

/// The report of the rehearsal in `dir`, with all its folder holds: the
/// simulation log's speeds and injections, and the branch it came from.
/// `fallback` is the speed to state when the log recorded none.
pub fn for_folder(
    dir: &std::path::Path,
    s: &Session,
    patient: &Patient,
    now: &Moment,
    log: &SimLog,
    fallback: Option<f64>,
    lang: crate::i18n::Lang,
) -> Report {
    let speeds = match fallback {
        Some(x) => log.speeds(x),
        None => log.speeds_recorded(),
    };
    let with_carried;
    let s = match visit::carried_from_folder(dir, s) {
        Some(carried) => {
            let mut c = s.clone();
            c.carried = carried;
            with_carried = c;
            &with_carried
        }
        None => s,
    };
    let mut r = build(s, patient, now, &speeds, lang).with_simulation(s, log, lang);
    // The branch's moment on the report's own axis: from the start of
    // dosing, as `--branch-at` and the header count it.
    let origin = s.dosing.started.as_ref().unwrap_or(&s.started_at);
    r.branched = crate::branch::link_of(dir).map(|l| {
        let min = mins(&l.at, origin);
        (l.source_id, min)
    });
    r
}

impl Report {
    /// Add the instructor's changes the simulation log holds.
    pub fn with_simulation(mut self, s: &Session, log: &SimLog, lang: crate::i18n::Lang) -> Report {
        let origin = s.dosing.started.as_ref().unwrap_or(&s.started_at);
        self.injections = log
            .entries
            .iter()
            .filter_map(|e| match &e.what {
                SimEvent::Inject { injection, named } => Some(InjectionRow {
                    minute: mins(&e.at, origin),
                    text: injection.describe(lang),
                    named: named.clone(),
                }),
                _ => None,
            })
            .collect();
        self
    }
}
