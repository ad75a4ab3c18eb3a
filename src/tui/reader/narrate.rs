//! The screen-reader transcript: from the view model to sentences, each
//! said once. The narrator remembers what it has said (the phase, each
//! alert, what is due, the question open) and returns only what is new, so
//! nothing is repeated and nothing is redrawn. Pure: no I/O, no clock.

use crate::protocol::dose::num;
use crate::protocol::{PhaseRole, Priority, PromptKind};
use crate::session::state::minutes_text;
use crate::session::{DosingState, DueState, Session};
use crate::tui::app::{ClosedView, FlashKind, Screen, SessionView, StartForm};
use crate::tui::view::Ui;
use std::collections::BTreeSet;

#[derive(Default)]
pub struct Narrator {
    start: Option<String>,
    phase: Option<(usize, usize)>,
    /// Alarms said, by id and how many times acknowledged (a reminder is
    /// said again).
    alerts: BTreeSet<(u32, usize)>,
    vitals: Option<DueState>,
    measures: BTreeSet<String>,
    dosing: Option<DosingState>,
    question: Option<String>,
    disk: Option<String>,
    closed: bool,
}

/// An alert's priority, first in its sentence.
fn priority(s: Priority) -> &'static str {
    match s {
        Priority::High => "HIGH PRIORITY ALARM",
        Priority::Medium => "MEDIUM PRIORITY ALARM",
        Priority::Low => "LOW PRIORITY ALARM",
    }
}

impl Narrator {
    /// What has changed since the last call, as sentences in the order a
    /// listener needs them: what was just done, then alarms, then the
    /// question open, then where the session is.
    pub fn news(&mut self, ui: &Ui<'_>) -> Vec<String> {
        let mut out = Vec::new();
        if let Some(f) = ui.flash {
            out.push(match f.kind {
                FlashKind::Refused => format!("Attention: {}", f.text),
                _ => f.text.clone(),
            });
        }
        if let Screen::Session(v) = ui.screen {
            self.alerts(ui, v, &mut out);
            self.disk(v, &mut out);
        }
        let question = ui.modal.map(|m| m.spoken());
        if question != self.question {
            if let Some(q) = &question {
                out.push(q.clone());
            }
            self.question = question;
        }
        match ui.screen {
            Screen::Start(form) => self.start(ui, form, &mut out),
            Screen::Session(v) => self.session(ui, v, &mut out),
            Screen::Closed(c) => self.closed(c, &mut out),
        }
        out
    }

    fn alerts(&mut self, ui: &Ui<'_>, v: &SessionView, out: &mut Vec<String>) {
        let s = &v.open.session;
        // Waiting alarms come highest priority first.
        for a in s.alarms_waiting(&ui.now) {
            let acks = a.earlier_acks.len() + usize::from(a.acknowledged.is_some());
            if !self.alerts.insert((a.id, acks)) {
                continue;
            }
            let again = if acks > 0 { "REMINDER: " } else { "" };
            out.push(format!(
                "{again}{} {}: {}. Advice: {}. Type ack to acknowledge.",
                priority(a.priority),
                a.id,
                a.headline(),
                a.action.trim_end_matches('.')
            ));
        }
    }

    fn disk(&mut self, v: &SessionView, out: &mut Vec<String>) {
        if v.disk_error != self.disk {
            if let Some(e) = &v.disk_error {
                let fix = if v.vanished {
                    " Type recreate to re-create the folder."
                } else {
                    ""
                };
                out.push(format!("TECHNICAL ALERT: NOT SAVED — {e}.{fix}"));
            }
            self.disk = v.disk_error.clone();
        }
    }

    fn start(&mut self, ui: &Ui<'_>, form: &StartForm, out: &mut Vec<String>) {
        let field = |i: usize| form.fields[i].lines().join("").trim().to_string();
        let or = |t: String, none: &str| if t.is_empty() { none.to_string() } else { t };
        let mut s = format!(
            "New {} under {} ({} sessions). Patient {}; session {}; weight {}; mg/kg {}; clinicians present {}.",
            if ui.rehearsal { "rehearsal" } else { "session" },
            ui.protocol.protocol.name,
            ui.protocol.course.sessions,
            or(field(0), "not given"),
            or(field(1), "not given"),
            if field(2).is_empty() {
                "not given".to_string()
            } else {
                format!("{} kg", field(2))
            },
            or(field(3), "the protocol's default"),
            or(field(4), "not named"),
        );
        match ui.start.as_ref().map(|p| &p.dose) {
            Some(Ok((start, plan))) => {
                s.push_str(&format!(
                    " Dose for session {}: {} mg {} ({}). Type start to begin.",
                    start.session,
                    num(plan.dose_mg),
                    plan.route.label(),
                    plan.arithmetic().join("; ")
                ));
            }
            Some(Err(e)) => s.push_str(&format!(" Not ready: {e}.")),
            None => {}
        }
        if let Some((w, fit)) = ui.start.as_ref().and_then(|p| p.window.as_ref())
            && fit.is_outside()
        {
            s.push_str(&format!(
                " Today is outside the protocol's dates ({}): a reason will be asked.",
                w.describe()
            ));
        }
        if let Some(e) = &form.error {
            s.push_str(&format!(" Refused: {e}."));
        }
        if form.resumable.is_some() {
            s.push_str(" An unfinished session of this patient is waiting: type resume.");
        }
        if self.start.as_ref() != Some(&s) {
            out.push(s.clone());
            self.start = Some(s);
        }
    }

    fn session(&mut self, ui: &Ui<'_>, v: &SessionView, out: &mut Vec<String>) {
        let s = &v.open.session;
        let now = &ui.now;
        let here = (s.phase, v.view_phase);
        if self.phase != Some(here) {
            self.phase = Some(here);
            out.extend(phase_text(s, v.view_phase));
        }
        let state = s.dosing.state(now);
        if self.dosing != Some(state) {
            match state {
                DosingState::Running => out.push(format!(
                    "The infusion is running: {} left.",
                    minutes_text(s.dosing.remaining(now).unwrap_or(0))
                )),
                DosingState::Completed => {
                    out.push("The infusion has run its planned time and is complete.".to_string())
                }
                _ => {}
            }
            self.dosing = Some(state);
        }
        let due = s.vitals_due(now).map(|d| d.state);
        if due != self.vitals {
            match due {
                Some(DueState::Due) => {
                    out.push("Vitals are due now: type them like 128/82 76 97.".into())
                }
                Some(DueState::Overdue) => out.push("Vitals are overdue.".into()),
                _ => {}
            }
            self.vitals = due;
        }
        for (p, d) in s.measures_due(now) {
            if d.state == DueState::Upcoming {
                self.measures.remove(&p.id);
            } else if self.measures.insert(p.id.clone()) {
                out.push(format!("Due now: {} — type measure.", p.text));
            }
        }
    }

    fn closed(&mut self, c: &ClosedView, out: &mut Vec<String>) {
        if self.closed {
            return;
        }
        self.closed = true;
        let s = &c.open.session;
        let abandoned = s.closed.as_ref().is_some_and(|c| c.abandoned.is_some());
        out.push(if abandoned {
            "The session has ended early.".to_string()
        } else {
            "Session closed.".to_string()
        });
        match &c.summary {
            Ok(p) => out.push(format!("Summary written to {}.", p.display())),
            Err(e) => out.push(format!("Attention: the summary could not be written: {e}.")),
        }
        out.push(
            "The record is signed. Type addendum to add to it, timeline to hear it in order, or quit."
                .into(),
        );
        if let Some((text, written)) = &c.report {
            out.push(text.clone());
            match written {
                Ok(p) => out.push(format!("Trainee report written to {}.", p.display())),
                Err(e) => out.push(format!(
                    "Attention: the trainee report could not be written: {e}."
                )),
            }
        }
    }
}

/// A phase as read out: its title, then each prompt numbered with its
/// state, then how to move on.
pub fn phase_text(s: &Session, index: usize) -> Vec<String> {
    let p = s.protocol();
    let Some(phase) = p.phases.get(index) else {
        return Vec::new();
    };
    let mut out = vec![format!(
        "{}Phase {} of {}: {}.",
        if index < s.phase {
            "Looking back. "
        } else {
            ""
        },
        index + 1,
        p.phases.len(),
        phase.title
    )];
    for (i, pr) in s.prompts(phase).enumerate() {
        let state = if s.is_done(pr) {
            match pr.kind {
                PromptKind::Check => "ticked".to_string(),
                PromptKind::Text => s
                    .answers
                    .get(&pr.id)
                    .map_or("answered".into(), |a| format!("answered: {}", a.text)),
                _ => s.latest_value(&pr.id).map_or("answered".into(), |e| {
                    format!("answered: {}", crate::protocol::values::show(pr, &e.value))
                }),
            }
        } else if pr.required {
            "required, open".to_string()
        } else {
            "open".to_string()
        };
        out.push(format!("  {}. {} — {state}.", i + 1, pr.text));
    }
    if phase.role == PhaseRole::Dosing && s.dosing.started.is_none() {
        out.push(format!(
            "Dose {} mg. Type start to start the infusion.",
            num(s.start.dose_mg)
        ));
    }
    let last = index + 1 == p.phases.len();
    out.push(if index < s.phase {
        "Type next to go forward again.".into()
    } else if last {
        "Type a number to answer, close to close the session.".into()
    } else {
        "Type a number to answer, next to move on.".into()
    });
    out
}
