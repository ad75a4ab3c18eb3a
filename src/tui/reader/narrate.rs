//! The screen-reader transcript: from the view model to sentences, each
//! said once. The narrator remembers what it has said (the phase, each
//! alert, what is due, the question open) and returns only what is new, so
//! nothing is repeated and nothing is redrawn. Pure: no I/O, no clock.

use crate::protocol::Priority;
use crate::protocol::dose::num;
use crate::session::state::minutes_text;
use crate::session::{DosingState, DueState};
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
    /// Repeats asked for, by rule and the first reading's entry.
    repeats: BTreeSet<(String, u64)>,
    /// Positive risk screens whose alarm was said, by entry.
    risks: BTreeSet<u64>,
    vitals: Option<DueState>,
    measures: BTreeSet<String>,
    /// Rescue doses whose re-check was said due, by entry.
    rechecks: BTreeSet<u64>,
    dosing: Option<DosingState>,
    question: Option<String>,
    disk: Option<String>,
    closed: bool,
    /// A replay: the closed screen is said without what it offers to
    /// write (a summary, an addendum).
    read_only: bool,
}

/// An alert's priority, first in its sentence.
fn priority(s: Priority, lang: crate::i18n::Lang) -> String {
    crate::i18n::text(
        lang,
        match s {
            Priority::High => "reader-alarm-high",
            Priority::Medium => "reader-alarm-medium",
            Priority::Low => "reader-alarm-low",
        },
        None,
    )
}

/// The word to type for a command, in the language given.
pub(super) fn w(english: &str, lang: crate::i18n::Lang) -> String {
    crate::tui::keys::shown_word(english, lang)
}

impl Narrator {
    /// The narrator of a replay, which writes nothing.
    pub fn read_only() -> Narrator {
        Narrator {
            read_only: true,
            ..Narrator::default()
        }
    }

    /// What has changed since the last call, as sentences in the order a
    /// listener needs them: what was just done, then alarms, then the
    /// question open, then where the session is.
    pub fn news(&mut self, ui: &Ui<'_>) -> Vec<String> {
        let lang = ui.lang;
        let mut out = Vec::new();
        for f in ui.flashes {
            out.push(match f.kind {
                FlashKind::Refused => crate::say!(lang, "reader-attention", text = f.text.clone()),
                _ => f.text.clone(),
            });
        }
        if let Screen::Session(v) = ui.screen {
            self.alerts(ui, v, &mut out);
            self.disk(v, &mut out, lang);
        }
        let question = ui.modal.map(|m| m.spoken(lang));
        if question != self.question {
            if let Some(q) = &question {
                out.push(q.clone());
            }
            self.question = question;
        }
        match ui.screen {
            Screen::Start(form) => self.start(ui, form, &mut out),
            Screen::Session(v) => self.session(ui, v, &mut out),
            Screen::Closed(c) => self.closed(c, &mut out, lang),
        }
        out
    }

    fn alerts(&mut self, ui: &Ui<'_>, v: &SessionView, out: &mut Vec<String>) {
        let lang = ui.lang;
        let s = &v.open.session;
        // A first reading past a limit that needs a repeat: said once, as
        // the screen shows "repeat … at … to confirm".
        for p in &s.alerts.pending {
            if self.repeats.insert((p.rule.clone(), p.entry)) {
                out.push(crate::say!(
                    lang,
                    "reader-repeat-pending",
                    measure = p.metric.label().say(lang),
                    value = p.value,
                    at = p.repeat_at.hhmm()
                ));
            }
        }
        // A positive risk screen's alarm: said once, with its action.
        let risk = s.protocol().risk.as_ref();
        for r in s.risk.alarms_waiting() {
            if self.read_only || !self.risks.insert(r.seq) {
                continue;
            }
            out.push(crate::say!(
                lang,
                "reader-risk-alarm",
                priority = priority(risk.map_or(Priority::High, |d| d.priority), lang),
                score = r.result.score,
                advice = risk.map_or(String::new(), |d| {
                    d.action.trim_end_matches('.').to_string()
                }),
                ack = w("ack", lang)
            ));
        }
        // Waiting alarms come highest priority first, as the frame's
        // view worked them out.
        let waiting = ui.timed.as_ref().map_or_else(Vec::new, |tm| tm.waiting(s));
        for (a, _) in waiting {
            let acks = a.earlier_acks.len() + usize::from(a.acknowledged.is_some());
            if !self.alerts.insert((a.id, acks)) {
                continue;
            }
            let again = if acks > 0 {
                crate::i18n::labelled_in(lang, &crate::say!(lang, "alarm-state-reminder"), "")
            } else {
                String::new()
            };
            // A replay records nothing: it says the alarm, not how to
            // acknowledge it.
            let said = if self.read_only {
                crate::say!(
                    lang,
                    "reader-alarm-replay",
                    priority = priority(a.priority, lang),
                    id = a.id,
                    what = a.headline().say(lang),
                    advice = a.action.trim_end_matches('.').to_string()
                )
            } else {
                crate::say!(
                    lang,
                    "reader-alarm",
                    priority = priority(a.priority, lang),
                    id = a.id,
                    what = a.headline().say(lang),
                    advice = a.action.trim_end_matches('.').to_string(),
                    ack = w("ack", lang)
                )
            };
            out.push(format!("{again}{said}"));
        }
    }

    fn disk(&mut self, v: &SessionView, out: &mut Vec<String>, lang: crate::i18n::Lang) {
        if v.disk_error != self.disk {
            if let Some(e) = &v.disk_error {
                let fix = if v.vanished {
                    format!(
                        " {}",
                        crate::say!(lang, "reader-recreate", word = w("recreate", lang))
                    )
                } else {
                    String::new()
                };
                out.push(crate::say!(
                    lang,
                    "reader-not-saved",
                    error = e.clone(),
                    fix = fix
                ));
            }
            self.disk = v.disk_error.clone();
        }
    }

    fn start(&mut self, ui: &Ui<'_>, form: &StartForm, out: &mut Vec<String>) {
        let lang = ui.lang;
        let field = |i: usize| form.fields[i].lines().join("").trim().to_string();
        let or = |t: String, none: &str| if t.is_empty() { none.to_string() } else { t };
        let not_given = crate::say!(lang, "reader-not-given");
        if let Some(v) = form.visit {
            return self.start_visit(ui, form, v, out);
        }
        let id = if ui.rehearsal {
            "reader-new-rehearsal"
        } else {
            "reader-new-session"
        };
        let mut args = crate::i18n::FluentArgs::new();
        args.set("protocol", ui.protocol.protocol.name.clone());
        args.set("sessions", ui.protocol.course.sessions);
        args.set("patient", or(field(0), &not_given));
        args.set("session", or(field(1), &not_given));
        args.set(
            "weight",
            if field(2).is_empty() {
                not_given.clone()
            } else {
                format!("{} kg", field(2))
            },
        );
        args.set(
            "mgkg",
            or(field(3), &crate::say!(lang, "reader-protocol-default")),
        );
        args.set(
            "clinicians",
            or(field(4), &crate::say!(lang, "reader-not-named")),
        );
        let mut s = crate::i18n::text(lang, id, Some(&args));
        start_checks(ui, form, &mut s);
        if let Some(said) = &ui.course.server {
            s.push_str(&format!(" {}", said.say(lang)));
        }
        if let Some(p) = ui.start.as_ref() {
            if p.clinic_number {
                let label = crate::say!(lang, "start-field-clinic-number");
                s.push_str(&format!(" {label}: {}.", or(field(0), &not_given)));
            }
            if let Some(ids) = &p.directory {
                let hint = crate::say!(lang, "start-directory-hint", ids = ids.as_str());
                s.push_str(&format!(" {hint}."));
            }
        }
        for left_out in &ui.course.left_out {
            s.push_str(&format!(" {}.", left_out.say(lang)));
        }
        course_said(ui, &mut s);
        if form.resumable.is_some() {
            s.push_str(&format!(
                " {}",
                crate::say!(
                    lang,
                    "reader-unfinished-waiting",
                    word = self::w("resume", lang)
                )
            ));
        }
        if self.start.as_ref() != Some(&s) {
            out.push(s.clone());
            self.start = Some(s);
        }
    }

    /// The start of a visit: its kind, how it is held, the patient, the
    /// clinician who holds it and the preparation checklist's progress.
    fn start_visit(
        &mut self,
        ui: &Ui<'_>,
        form: &StartForm,
        v: crate::session::VisitStart,
        out: &mut Vec<String>,
    ) {
        let lang = ui.lang;
        let field = |i: usize| form.fields[i].lines().join("").trim().to_string();
        let or = |t: String, none: String| if t.is_empty() { none } else { t };
        let mut s = crate::say!(
            lang,
            "reader-new-visit",
            kind = v.kind.label().say(lang),
            contact = v.contact.label().say(lang),
            protocol = ui.protocol.protocol.name.clone(),
            patient = or(field(0), crate::say!(lang, "reader-not-given")),
            clinician = or(field(4), crate::say!(lang, "reader-not-named")),
            start = w("start", lang)
        );
        for line in crate::tui::view::start_visit_said(ui, v) {
            s.push_str(&format!(" {line}"));
        }
        if let Some(e) = &form.error {
            s.push_str(&format!(
                " {}",
                crate::say!(lang, "reader-refused", reason = e.clone())
            ));
        }
        if self.start.as_ref() != Some(&s) {
            out.push(s.clone());
            self.start = Some(s);
        }
    }

    fn session(&mut self, ui: &Ui<'_>, v: &SessionView, out: &mut Vec<String>) {
        let lang = ui.lang;
        let s = &v.open.session;
        let here = (s.phase, v.view_phase);
        if self.phase != Some(here) {
            self.phase = Some(here);
            out.extend(super::phase::phase_lines(
                s,
                v.view_phase,
                self.read_only,
                lang,
            ));
            out.extend(crate::tui::present::course::course_lines(
                s,
                v.view_phase,
                ui.course,
                lang,
            ));
        }
        // What the clock makes of the session, as worked out for the frame.
        let Some(tm) = &ui.timed else { return };
        let state = tm.infusion.state;
        if self.dosing != Some(state) {
            match state {
                DosingState::Running => out.push(crate::say!(
                    lang,
                    "reader-running",
                    what = s.dosing.what(),
                    left = minutes_text(tm.infusion.remaining.unwrap_or(0)).say(lang)
                )),
                DosingState::Completed => out.push(crate::say!(
                    lang,
                    "reader-completed",
                    what = s.dosing.what()
                )),
                // Nothing said on the change itself: a pause or a stop
                // is said as the message that recorded it, and any state
                // on asking (`time`, `status`).
                DosingState::NotStarted | DosingState::Paused | DosingState::Stopped => {}
            }
            self.dosing = Some(state);
        }
        let due = tm.vitals_due.as_ref().map(|d| d.state);
        if due != self.vitals {
            match due {
                Some(DueState::Due) => out.push(crate::say!(lang, "reader-vitals-due")),
                Some(DueState::Overdue) => out.push(crate::say!(lang, "reader-vitals-overdue")),
                Some(DueState::Upcoming) | None => {}
            }
            self.vitals = due;
        }
        for (seq, _) in &tm.rechecks {
            if self.rechecks.insert(*seq) {
                out.push(crate::say!(
                    lang,
                    "reader-recheck-due",
                    word = w("meds", lang)
                ));
            }
        }
        for (p, d) in &tm.measures_due {
            if d.state == DueState::Upcoming {
                self.measures.remove(&p.id);
            } else if self.measures.insert(p.id.clone()) {
                out.push(if self.read_only {
                    crate::say!(lang, "reader-measure-due-replay", measure = p.text.clone())
                } else {
                    crate::say!(
                        lang,
                        "reader-measure-due",
                        measure = p.text.clone(),
                        word = w("measure", lang)
                    )
                });
            }
        }
    }

    fn closed(&mut self, c: &ClosedView, out: &mut Vec<String>, lang: crate::i18n::Lang) {
        if self.closed {
            return;
        }
        self.closed = true;
        let s = &c.open.session;
        let abandoned = s.closed.as_ref().is_some_and(|c| c.abandoned.is_some());
        out.push(if abandoned {
            crate::say!(lang, "reader-ended-early")
        } else {
            crate::say!(lang, "closed-closed")
        });
        if self.read_only {
            return;
        }
        match &c.summary {
            Ok(p) => out.push(crate::say!(
                lang,
                "reader-summary-written",
                path = p.display().to_string()
            )),
            Err(e) => out.push(crate::say!(
                lang,
                "reader-summary-failed",
                error = e.clone()
            )),
        }
        out.push(crate::say!(
            lang,
            "reader-signed",
            addendum = w("addendum", lang),
            timeline = w("timeline", lang),
            quit = w("quit", lang)
        ));
        if let Some((text, written)) = &c.report {
            out.push(text.clone());
            match written {
                Ok(p) => out.push(crate::say!(
                    lang,
                    "reader-report-written",
                    path = p.display().to_string()
                )),
                Err(e) => out.push(crate::say!(lang, "reader-report-failed", error = e.clone())),
            }
        }
    }
}

/// The course as the start screen shows it, said: where it stands and
/// what is due (the start screen's course line), the session held last,
/// the sessions held and the goals carried in.
fn course_said(ui: &Ui<'_>, s: &mut String) {
    let lang = ui.lang;
    let c = &ui.course;
    if let Some((line, _)) = crate::record::course_words::one_line(
        ui.protocol,
        &c.encounters,
        ui.now.wall.naive_local(),
        lang,
    ) {
        s.push_str(&format!(" {line}."));
    }
    if let Some(prev) = &c.previous {
        let ps = &prev.session;
        s.push_str(&format!(
            " {}.",
            crate::say!(
                lang,
                "last-time",
                session = ps.start.session,
                date = crate::i18n::date_short_in(lang, ps.started_at.wall.date_naive())
            )
        ));
    }
    if !c.held.is_empty() {
        let held: Vec<String> = c.held.iter().map(u32::to_string).collect();
        s.push_str(&format!(
            " {}",
            crate::say!(lang, "reader-course-held", sessions = held.join(", "))
        ));
    }
    if !c.goals.is_empty() {
        s.push_str(&format!(
            " {}",
            crate::say!(lang, "reader-course-goals", goals = c.goals.join("; "))
        ));
        if let Some(said) = crate::tui::present::course::goals_elsewhere(c, lang) {
            s.push_str(&format!(" {said}."));
        }
    }
}

/// What the start form's fields give, said after them: the dose worked
/// out (or why it cannot be yet), a session outside its dates, the last
/// refusal, and a site whose values are not reviewed.
fn start_checks(ui: &Ui<'_>, form: &StartForm, s: &mut String) {
    let lang = ui.lang;
    match ui.start.as_ref().map(|p| &p.dose) {
        Some(Ok((start, plan))) => {
            s.push_str(&format!(
                " {}",
                crate::say!(
                    lang,
                    "reader-dose",
                    session = start.session,
                    mg = num(plan.dose_mg),
                    route = plan.route.after_dose().say(lang),
                    arithmetic = crate::i18n::Phrase::join(plan.arithmetic(), "; ").say(lang),
                    start = w("start", lang)
                )
            ));
        }
        Some(Err(e)) => s.push_str(&format!(
            " {}",
            crate::say!(lang, "reader-not-ready", reason = e.clone())
        )),
        None => {}
    }
    if let Some((w, fit)) = ui.start.as_ref().and_then(|p| p.window.as_ref())
        && fit.is_outside()
    {
        s.push_str(&format!(
            " {}",
            crate::say!(
                lang,
                "reader-outside-dates",
                window = w.describe().say(lang)
            )
        ));
    }
    if let Some(e) = &form.error {
        s.push_str(&format!(
            " {}",
            crate::say!(lang, "reader-refused", reason = e.clone())
        ));
    }
    if !ui.protocol.site.is_reviewed() {
        s.push_str(&format!(
            " {}",
            crate::say!(lang, "start-site-not-reviewed")
        ));
    }
}
