//! The trainee report: how each vitals prompt was answered, how alerts were
//! handled, entries that disagreed with the monitor, steps skipped, pauses,
//! and whether scenario events were noticed. Times are simulated minutes
//! from the start of dosing, so runs of the same scenario compare directly.

use super::patient::Patient;
use crate::protocol::Measure;
use crate::session::{MINUTE, Moment, Session};
use std::fmt::Write as _;

/// Tolerances for "the entry disagrees with the monitor".
const BP_TOLERANCE: i32 = 5;
const HR_TOLERANCE: i32 = 5;
const SPO2_TOLERANCE: i32 = 2;

#[derive(Debug, Clone, PartialEq)]
pub struct PromptRow {
    pub due_from: f64,
    pub due_until: f64,
    pub answered: Option<f64>,
    pub late: f64,
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
    pub met: Option<bool>,
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
}

fn mins(a: &Moment, origin: &Moment) -> f64 {
    (a.since(origin) as f64 / MINUTE as f64 * 10.0).round() / 10.0
}

/// Build the report for a rehearsal as it stands at `now`.
pub fn build(s: &Session, patient: &Patient, now: &Moment) -> Report {
    let origin = s
        .dosing
        .started
        .clone()
        .unwrap_or_else(|| s.started_at.clone());
    let end = s.closed.as_ref().map_or(now.clone(), |c| c.at.clone());
    let m = |a: &Moment| mins(a, &origin);

    // Vitals prompts, following the session's own schedule.
    let mut prompts = Vec::new();
    if let Some(start) = &s.dosing.started {
        let v = &s.protocol().vitals;
        let complete = |e: &&crate::session::state::VitalsEntry| {
            e.at.since(start) >= 0
                && v.prompted.iter().all(|x| match x {
                    Measure::Bp => e.reading.has_bp(),
                    Measure::Hr => e.reading.hr.is_some(),
                    Measure::Spo2 => e.reading.spo2.is_some(),
                })
        };
        let readings: Vec<_> = s.vitals.iter().filter(complete).collect();
        let mut anchor = start.clone();
        let mut i = 0;
        loop {
            let ended = s
                .dosing
                .ended_at(&end)
                .is_some_and(|e| anchor.since(&e) >= 0);
            let window = if ended {
                match v.after_dosing_interval_minutes {
                    Some(w) => w,
                    None => break,
                }
            } else {
                v.interval_minutes
            };
            let from = anchor.plus(i64::from(window.min) * MINUTE);
            let until = anchor.plus(i64::from(window.max) * MINUTE);
            match readings.get(i) {
                Some(r) => {
                    prompts.push(PromptRow {
                        due_from: m(&from),
                        due_until: m(&until),
                        answered: Some(m(&r.at)),
                        late: (mins(&r.at, &until)).max(0.0),
                    });
                    anchor = r.at.clone();
                    i += 1;
                }
                None => {
                    if end.since(&until) > 0 {
                        prompts.push(PromptRow {
                            due_from: m(&from),
                            due_until: m(&until),
                            answered: None,
                            late: mins(&end, &until),
                        });
                    }
                    break;
                }
            }
        }
    }

    let alerts = s
        .alerts
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
                headline: a.headline(),
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
        .collect();

    // Entries against the monitor.
    let mut disagreements = Vec::new();
    for e in &s.vitals {
        let view = patient.view(&e.at, &s.started_at, s.dosing.started.as_ref());
        let at = m(&e.at);
        if let (Some(sys), Some(dia)) = (e.reading.systolic, e.reading.diastolic) {
            match &view.bp {
                None => disagreements.push(crate::t!(
                    "rep-bp-no-cuff",
                    at = t(at),
                    bp = format!("{sys}/{dia}")
                )),
                Some((ms, md, _))
                    if (i32::from(sys) - i32::from(*ms)).abs() > BP_TOLERANCE
                        || (i32::from(dia) - i32::from(*md)).abs() > BP_TOLERANCE =>
                {
                    disagreements.push(crate::t!(
                        "rep-bp-differs",
                        at = t(at),
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
            disagreements.push(crate::t!(
                "rep-hr-differs",
                at = t(at),
                hr = hr.to_string(),
                monitor = view.hr.to_string()
            ));
        }
        if let Some(o) = e.reading.spo2 {
            match view.spo2 {
                None => disagreements.push(crate::t!(
                    "rep-spo2-probe-off",
                    at = t(at),
                    spo2 = o.to_string()
                )),
                Some(mo) if (i32::from(o) - i32::from(mo)).abs() > SPO2_TOLERANCE => disagreements
                    .push(crate::t!(
                        "rep-spo2-differs",
                        at = t(at),
                        spo2 = o.to_string(),
                        monitor = mo.to_string()
                    )),
                _ => {}
            }
        }
    }

    let skips = s
        .skips
        .iter()
        .map(|k| {
            crate::t!(
                "rep-skip",
                phase = k.phase.clone(),
                items = k.prompts.join(", "),
                reason = k.reason.clone()
            )
        })
        .collect();
    let mut pauses: Vec<String> = s
        .dosing
        .pauses
        .iter()
        .map(|p| {
            crate::t!(
                "rep-paused",
                at = t(m(&p.from)),
                minutes =
                    p.to.as_ref()
                        .map_or("…".to_string(), |to| t((mins(to, &p.from) * 10.0)
                            .round()
                            / 10.0)),
                reason = p.reason.clone()
            )
        })
        .collect();
    if let Some((at, r)) = &s.dosing.stopped {
        pauses.push(crate::t!("rep-stopped", at = t(m(at)), reason = r.clone()));
    }

    // Scenario events and what was expected of the trainee.
    let mut events = Vec::new();
    let t_end = m(&end);
    for e in &patient.scenario.events {
        if s.dosing.started.is_none() || e.minute > t_end {
            continue;
        }
        let window = (e.minute, e.minute + e.expect_within_minutes);
        let (expected, met) = if e.request_stop {
            let acted = s
                .dosing
                .pauses
                .iter()
                .map(|p| m(&p.from))
                .chain(s.dosing.stopped.as_ref().map(|(at, _)| m(at)))
                .any(|t| t >= window.0 && t <= window.1);
            (Some(crate::t!("rep-expect-pause")), Some(acted))
        } else if let Some(tag) = &e.expect_note_tag {
            // Scenarios name the tag as journals store it (English); the
            // report, and a note's free text, may use its translated name.
            let shown = crate::session::event::tag_label(tag);
            let noted = s.notes.iter().any(|n| {
                let t = m(&n.at);
                t >= window.0
                    && t <= window.1
                    && (n.tags.iter().any(|x| x.eq_ignore_ascii_case(tag))
                        || n.text.to_lowercase().contains(&tag.to_lowercase())
                        || n.text.to_lowercase().contains(&shown.to_lowercase()))
            });
            (Some(crate::t!("rep-expect-note", tag = shown)), Some(noted))
        } else {
            (None, None)
        };
        events.push(EventRow {
            minute: e.minute,
            text: e.text.clone(),
            expected,
            met,
        });
    }

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
    }
}

fn t(x: f64) -> String {
    crate::i18n::num(x)
}

impl Report {
    /// One-paragraph summary.
    pub fn summary(&self) -> String {
        let on_time = self
            .prompts
            .iter()
            .filter(|p| p.answered.is_some() && p.late == 0.0)
            .count();
        let worst = self.prompts.iter().map(|p| p.late).fold(0.0, f64::max);
        let acked = self
            .alerts
            .iter()
            .filter(|a| a.acknowledged.is_some())
            .count();
        let missed_events = self.events.iter().filter(|e| e.met == Some(false)).count();
        crate::t!(
            "rep-summary",
            on_time = on_time,
            prompts = self.prompts.len(),
            worst = t(worst),
            acked = acked,
            alerts = self.alerts.len(),
            disagreements = self.disagreements.len(),
            skips = self.skips.len(),
            missed = missed_events
        )
    }

    pub fn markdown(&self) -> String {
        let mut o = String::new();
        let _ = writeln!(o, "> **{}**\n", crate::t!("rep-banner"));
        let _ = writeln!(
            o,
            "# {}\n\n{}\n",
            crate::t!(
                "rep-title",
                scenario = self.scenario.clone(),
                seed = self.seed.to_string()
            ),
            if self.closed {
                crate::t!(
                    "rep-intro",
                    protocol = self.protocol.clone(),
                    session = self.session
                )
            } else {
                crate::t!(
                    "rep-intro-not-closed",
                    protocol = self.protocol.clone(),
                    session = self.session
                )
            }
        );
        let _ = writeln!(
            o,
            "**{}** {}\n",
            crate::t!("rep-summary-label"),
            self.summary()
        );
        let _ = writeln!(o, "## {}\n", crate::t!("rep-h-prompts"));
        if self.prompts.is_empty() {
            let _ = writeln!(o, "{}", crate::t!("rep-no-prompts"));
        } else {
            let _ = writeln!(
                o,
                "| {} | {} | {} |\n|---|---|---|",
                crate::t!("rep-col-due"),
                crate::t!("rep-col-answered"),
                crate::t!("rep-col-late")
            );
            for p in &self.prompts {
                let _ = writeln!(
                    o,
                    "| {}–{} | {} | {} |",
                    t(p.due_from),
                    t(p.due_until),
                    p.answered.map_or(crate::t!("rep-not-answered"), t),
                    if p.late > 0.0 {
                        format!("{} min", t(p.late))
                    } else {
                        crate::t!("rep-on-time")
                    }
                );
            }
        }
        let _ = writeln!(o, "\n## {}\n", crate::t!("sum-h-alerts"));
        if self.alerts.is_empty() {
            let _ = writeln!(o, "{}", crate::t!("rep-none-raised"));
        }
        for a in &self.alerts {
            let _ = writeln!(
                o,
                "- {} — {}{}",
                crate::t!(
                    "rep-alert",
                    id = a.id,
                    at = t(a.raised),
                    what = a.headline.clone()
                ),
                match a.acknowledged {
                    Some(k) => crate::t!(
                        "rep-acknowledged-after",
                        minutes = t(((k - a.raised) * 10.0).round() / 10.0)
                    ),
                    None => crate::t!("sum-not-acknowledged"),
                },
                match &a.action {
                    Some(x) => format!("; {}", crate::t!("rep-action", action = x.clone())),
                    None if a.acknowledged.is_some() => format!("; {}", crate::t!("rep-no-action")),
                    None => String::new(),
                }
            );
            let w = t(a.window);
            let repeat = match a.repeat {
                Some(r) => crate::t!("rep-repeat-at", at = t(r)),
                None => crate::t!("rep-no-repeat", within = w.clone()),
            };
            let pause = match (a.priority, a.infusion_running, a.paused) {
                (crate::protocol::Priority::High, true, Some(p)) => {
                    format!("; {}", crate::t!("rep-paused-at", at = t(p)))
                }
                (crate::protocol::Priority::High, true, None) => {
                    format!("; {}", crate::t!("rep-not-paused", within = w.clone()))
                }
                _ => String::new(),
            };
            let _ = writeln!(
                o,
                "  - {}",
                crate::i18n::labelled(
                    &crate::t!("rep-priority", priority = a.priority.word()),
                    &format!("{repeat}{pause}")
                )
            );
        }
        let _ = writeln!(o, "\n## {}\n", crate::t!("rep-h-disagreements"));
        if self.disagreements.is_empty() {
            let _ = writeln!(o, "{}", crate::t!("rep-none"));
        }
        for d in &self.disagreements {
            let _ = writeln!(o, "- {d}");
        }
        let _ = writeln!(o, "\n## {}\n", crate::t!("rep-h-events"));
        if self.events.is_empty() {
            let _ = writeln!(o, "{}", crate::t!("rep-none-reached"));
        }
        for e in &self.events {
            let _ = writeln!(
                o,
                "- {} min: {}{}",
                t(e.minute),
                e.text,
                match (&e.expected, e.met) {
                    (Some(x), Some(true)) => {
                        format!(" — {}", crate::t!("rep-expected-done", what = x.clone()))
                    }
                    (Some(x), Some(false)) => {
                        format!(" — {}", crate::t!("rep-expected-missed", what = x.clone()))
                    }
                    _ => String::new(),
                }
            );
        }
        let _ = writeln!(o, "\n## {}\n", crate::t!("rep-h-skips"));
        if self.skips.is_empty() {
            let _ = writeln!(o, "{}", crate::t!("rep-none"));
        }
        for k in &self.skips {
            let _ = writeln!(o, "- {k}");
        }
        let _ = writeln!(o, "\n## {}\n", crate::t!("rep-h-pauses"));
        if self.pauses.is_empty() {
            let _ = writeln!(o, "{}", crate::t!("rep-none"));
        }
        for p in &self.pauses {
            let _ = writeln!(o, "- {p}");
        }
        o
    }
}

/// Build the trainee report for a closed rehearsal and write it as
/// `trainee-report.md` in `dir`: its short summary, and where it was
/// written or why it was not.
pub fn write(
    dir: &std::path::Path,
    s: &Session,
    patient: &Patient,
    now: &Moment,
) -> (String, Result<std::path::PathBuf, String>) {
    let r = build(s, patient, now);
    let path = dir.join("trainee-report.md");
    let written = crate::record::journal::write_atomic(&path, r.markdown().as_bytes())
        .map(|_| path)
        .map_err(|e| e.to_string());
    (r.summary(), written)
}
