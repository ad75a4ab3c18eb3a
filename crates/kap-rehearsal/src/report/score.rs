//! What the protocol and the scenario expected of the trainee, and how it
//! went: each expectation is done (inside its window), late (done after
//! its window closed but before the run ended, by so many simulated
//! minutes), not done (the window closed and the run went on without it)
//! or not reached (the run ended while it was still open). Also the early
//! end, the trainee's notes and the scenario states taken.

use super::{EventRow, PromptRow};

mod events;
use crate::patient::Patient;
use crate::protocol::{Measure, Priority};
use crate::session::alerts::{Occasion, Taken, judge};
use crate::session::{DosingState, Moment, Session};
use events::{agreement_kept, music_seen_to, note_tagged, rescue_given, risk_pathway};

/// How an expected action went. Minutes are simulated, from the start of
/// dosing.
#[derive(Debug, Clone, Copy, PartialEq)]
pub enum Status {
    Done {
        at: f64,
    },
    Late {
        at: f64,
        by: f64,
    },
    NotDone,
    /// The run ended while its window was still open.
    NotReached,
    /// Not asked of this session (a gate on a prompt for other sessions).
    NotApplicable,
}

impl Status {
    /// Judge the first of `times` at or after `from` against the window
    /// `[from, until]`, the run having ended at `end`.
    pub fn judge(times: impl IntoIterator<Item = f64>, from: f64, until: f64, end: f64) -> Status {
        let first = times
            .into_iter()
            .filter(|&x| x >= from && x <= end)
            .reduce(f64::min);
        match first {
            Some(at) if at <= until => Status::Done { at },
            Some(at) => Status::Late {
                at,
                by: round1(at - until),
            },
            None if end > until => Status::NotDone,
            None => Status::NotReached,
        }
    }

    pub fn is_done(self) -> bool {
        matches!(self, Status::Done { .. })
    }
}

fn round1(x: f64) -> f64 {
    (x * 10.0).round() / 10.0
}

#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum ExpectKind {
    /// A protocol gate, met when its phase was entered (or left).
    Gate,
    /// A vitals reading in the protocol's interval.
    Vitals,
    /// Acknowledging an alarm before its sound repeats.
    Acknowledge,
    /// Pausing or stopping the infusion (a high-priority alarm's action, or
    /// a scenario event's).
    PauseOrStop,
    /// The repeat reading a confirm-on-repeat alarm rule asks for.
    Repeat,
    /// A note a scenario event expects.
    Note,
    /// Attending to the music after a scenario event (restarted, another
    /// choice, or a no-music check-in).
    Music,
    /// Emergent risk: screened, and a safety plan made after a positive
    /// screen, before discharge.
    RiskPathway,
    /// A rescue drug within the agreement, its effect re-checked.
    Rescue,
    /// Nothing recorded beyond an agreement made before the dose.
    AgreementKept,
}

/// One thing the protocol or the scenario expected.
#[derive(Debug, Clone, PartialEq)]
pub struct Expected {
    pub kind: ExpectKind,
    pub what: String,
    /// The window, in simulated minutes from the start of dosing (`None`
    /// for a gate, met whenever its phase is reached).
    pub window: Option<(f64, f64)>,
    pub status: Status,
    /// The alert it belongs to.
    pub alert: Option<u32>,
}

#[derive(Debug, Clone, PartialEq)]
pub struct NoteRow {
    pub at: f64,
    pub tags: Vec<String>,
    pub text: String,
}

/// The run ended before the session was complete.
#[derive(Debug, Clone, PartialEq)]
pub struct EarlyEnd {
    pub at: f64,
    /// Ended with `E` (abandoned): the reason given.
    pub abandoned: Option<String>,
    /// Dosing had not finished (not started, running or paused).
    pub dosing_unfinished: bool,
    /// Phase titles never reached.
    pub phases: Vec<String>,
    /// Prompts of those phases this session asks, as the protocol words
    /// them.
    pub prompts: Vec<String>,
    /// Scenario events that never happened ("minute: text").
    pub events: Vec<String>,
}

#[derive(Debug, Clone, PartialEq)]
pub struct StateRow {
    pub id: String,
    pub at: f64,
}

/// The window an alarm is to be answered in: until its sound repeats (twice
/// the protocol's escalation time for its priority), or the longest vitals
/// interval when the protocol sets no alarm timings.
fn response_window(s: &Session, p: Priority) -> f64 {
    match &s.protocol().vitals.alarms {
        Some(a) => f64::from(2 * a.timing(p).escalate_after_minutes.max(1)),
        None => f64::from(s.protocol().vitals.interval_minutes.max),
    }
}

/// Whether the infusion was running at `at`: started, not yet ended (run
/// out or stopped) and not paused then, whatever happened after.
fn running_at(s: &Session, at: &Moment) -> bool {
    let d = &s.dosing;
    d.started.as_ref().is_some_and(|st| at.since(st) >= 0)
        && d.ended_at(at).is_none_or(|end| end.since(at) > 0)
        && !d
            .pauses
            .iter()
            .any(|p| at.since(&p.from) >= 0 && p.to.as_ref().is_none_or(|to| to.since(at) > 0))
}

/// When the infusion was paused or stopped (minutes).
fn pauses(s: &Session, m: &dyn Fn(&Moment) -> f64) -> Vec<f64> {
    s.dosing
        .pauses
        .iter()
        .map(|p| m(&p.from))
        .chain(s.dosing.stopped.as_ref().map(|(at, _)| m(at)))
        .collect()
}

/// Everything expected, in time order (gates first).
pub(super) fn expected(
    s: &Session,
    patient: &Patient,
    end: &Moment,
    m: &dyn Fn(&Moment) -> f64,
    prompts: &[PromptRow],
    lang: crate::i18n::Lang,
) -> Vec<Expected> {
    let t_end = m(end);
    let mut out = gates(s, m, lang);
    // The measures in the report's words (TA, FC, SpO₂), not their ids.
    let measures: Vec<String> = s
        .protocol()
        .vitals
        .prompted
        .iter()
        .map(|x| match x {
            Measure::Bp => crate::say!(lang, "table-bp"),
            Measure::Hr => crate::say!(lang, "table-hr"),
            Measure::Spo2 => crate::protocol::Metric::Spo2.label().say(lang),
        })
        .collect();
    for p in prompts {
        let status = p.status;
        out.push(Expected {
            kind: ExpectKind::Vitals,
            what: crate::say!(lang, "rep-exp-vitals", measures = measures.join(", ")),
            window: Some((p.due_from, p.due_until)),
            status,
            alert: None,
        });
    }
    let paused = pauses(s, m);
    for a in s.alerts.alerts.iter().filter(|a| !a.is_void()) {
        let raised = m(&a.raised_at);
        let w = response_window(s, a.priority);
        let acks = a
            .earlier_acks
            .iter()
            .chain(a.acknowledged.as_ref())
            .map(|k| m(&k.at));
        out.push(Expected {
            kind: ExpectKind::Acknowledge,
            what: crate::say!(
                lang,
                "rep-exp-ack",
                id = a.id,
                priority = a.priority.word().say(lang)
            ),
            window: Some((raised, raised + w)),
            status: Status::judge(acks, raised, raised + w, t_end),
            alert: Some(a.id),
        });
        let running = running_at(s, &a.raised_at);
        if a.priority == Priority::High && running {
            out.push(Expected {
                kind: ExpectKind::PauseOrStop,
                what: crate::say!(lang, "rep-exp-pause", id = a.id),
                window: Some((raised, raised + w)),
                status: Status::judge(paused.iter().copied(), raised, raised + w, t_end),
                alert: Some(a.id),
            });
        }
    }
    out.extend(repeats(s, m, t_end, lang));
    for e in events(s, patient, end, m, lang) {
        if let (Some(what), Some(status), Some(x), Some(kind)) =
            (&e.expected, e.status, e.window, e.kind)
        {
            out.push(Expected {
                kind,
                what: crate::say!(
                    lang,
                    "rep-exp-event",
                    what = what.clone(),
                    at = super::t(e.minute, lang)
                ),
                window: Some(x),
                status,
                alert: None,
            });
        }
    }
    out.sort_by(|a, b| {
        let k = |e: &Expected| e.window.map_or(f64::NEG_INFINITY, |w| w.0);
        k(a).total_cmp(&k(b))
    });
    out
}

/// Each phase's gates: met when the phase was entered (enter gates) or
/// left (exit gates); not reached when that never happened; not
/// applicable when its prompt is not one this session asks (the session
/// lets such a gate pass without anyone doing anything).
pub(super) fn gates(
    s: &Session,
    m: &dyn Fn(&Moment) -> f64,
    lang: crate::i18n::Lang,
) -> Vec<Expected> {
    let phases = &s.protocol().phases;
    let mut out = Vec::new();
    for (i, ph) in phases.iter().enumerate() {
        let entered = s.entered.get(i).cloned().flatten();
        let left = s.entered.get(i + 1).cloned().flatten().or_else(|| {
            s.closed
                .as_ref()
                .filter(|c| c.abandoned.is_none() && s.phase == i)
                .map(|c| c.at.clone())
        });
        for g in &ph.gates {
            let at = match g.when {
                crate::protocol::GateWhen::Enter => &entered,
                crate::protocol::GateWhen::Exit => &left,
            };
            let applies = g
                .prompt
                .as_deref()
                .and_then(|id| s.protocol().prompt(id))
                .is_none_or(|(_, p)| s.asks(p));
            out.push(Expected {
                kind: ExpectKind::Gate,
                what: crate::say!(
                    lang,
                    "rep-exp-gate",
                    phase = ph.title.clone(),
                    reason = g.reason.clone()
                ),
                window: None,
                status: match at {
                    _ if !applies => Status::NotApplicable,
                    Some(at) => Status::Done { at: m(at) },
                    None => Status::NotReached,
                },
                alert: None,
            });
        }
    }
    out
}

/// The repeat readings confirm-on-repeat rules asked for: the readings
/// replayed through the protocol's rules, each first reading past such a
/// limit expects a reading of the same measure from the rule's wait on,
/// by the time the next scheduled reading is due at the latest.
fn repeats(
    s: &Session,
    m: &dyn Fn(&Moment) -> f64,
    t_end: f64,
    lang: crate::i18n::Lang,
) -> Vec<Expected> {
    let rules = &s.protocol().vitals.alerts;
    let longest = f64::from(s.protocol().vitals.interval_minutes.max);
    let readings: Vec<_> = s
        .vitals
        .iter()
        .filter(|v| !s.corrections.contains_key(&v.seq))
        .collect();
    let taken: Vec<_> = readings
        .iter()
        .map(|v| Taken {
            at: &v.at,
            reading: &v.reading,
            entry: v.seq,
        })
        .collect();
    let Some(end) = readings.last() else {
        return Vec::new();
    };
    let why = Occasion {
        entry: end.seq,
        now: &end.at,
    };
    let mut out = Vec::new();
    for p in judge(rules, &taken, &[], &why).firsts {
        let first = m(&p.first_at);
        let from = m(&p.repeat_at);
        let until = (first + longest).max(from);
        let times = readings
            .iter()
            .filter(|x| x.reading.get(p.metric).is_some())
            .map(|x| m(&x.at));
        // The limit in words ("above 180 mmHg"), not the rule's id.
        let limit = rules.iter().find(|r| r.id == p.rule).map_or_else(
            || p.rule.clone(),
            |r| {
                let unit = |v: f64| format!("{} {}", super::t(v, lang), p.metric.unit());
                match (r.above, r.below) {
                    (Some(v), _) => crate::say!(lang, "rep-limit-above", value = unit(v)),
                    (None, Some(v)) => crate::say!(lang, "rep-limit-below", value = unit(v)),
                    (None, None) => p.rule.clone(),
                }
            },
        );
        out.push(Expected {
            kind: ExpectKind::Repeat,
            what: crate::say!(
                lang,
                "rep-exp-repeat",
                measure = p.metric.label().say(lang),
                limit = limit,
                at = super::t(first, lang)
            ),
            window: Some((from, until)),
            status: Status::judge(times, from, until, t_end),
            alert: None,
        });
    }
    out
}

/// Scenario events reached, and what each expected of the trainee.
pub(super) fn events(
    s: &Session,
    patient: &Patient,
    end: &Moment,
    m: &dyn Fn(&Moment) -> f64,
    lang: crate::i18n::Lang,
) -> Vec<EventRow> {
    let t_end = m(end);
    let paused = pauses(s, m);
    let mut rows = Vec::new();
    for e in &patient.scenario.events {
        if s.dosing.started.is_none() || e.minute > t_end {
            continue;
        }
        let (from, until) = (e.minute, e.minute + e.expect_within_minutes);
        let judged = if e.request_stop {
            Some((
                crate::say!(lang, "rep-expect-pause"),
                Status::judge(paused.iter().copied(), from, until, t_end),
                ExpectKind::PauseOrStop,
            ))
        } else if e.expect_music {
            Some((
                crate::say!(lang, "rep-expect-music"),
                Status::judge(music_seen_to(s, m), from, until, t_end),
                ExpectKind::Music,
            ))
        } else if e.expect_risk {
            Some((
                crate::say!(lang, "rep-expect-risk"),
                risk_pathway(s, from, m),
                ExpectKind::RiskPathway,
            ))
        } else if e.expect_rescue {
            Some((
                crate::say!(lang, "rep-expect-rescue"),
                Status::judge(rescue_given(s, m), from, until, t_end),
                ExpectKind::Rescue,
            ))
        } else if e.expect_agreement_kept {
            Some((
                crate::say!(lang, "rep-expect-agreement"),
                agreement_kept(s, (from, until), t_end, m),
                ExpectKind::AgreementKept,
            ))
        } else {
            e.expect_note_tag
                .as_deref()
                .map(|tag| note_tagged(s, tag, (from, until), t_end, m, lang))
        };
        rows.push(EventRow {
            minute: e.minute,
            text: e.text.clone(),
            expected: judged.as_ref().map(|j| j.0.clone()),
            met: judged.as_ref().map(|j| j.1.is_done()),
            status: judged.as_ref().map(|j| j.1),
            window: judged.as_ref().map(|_| (from, until)),
            kind: judged.map(|j| j.2),
        });
    }
    rows
}

pub(super) fn notes(s: &Session, m: &dyn Fn(&Moment) -> f64) -> Vec<NoteRow> {
    s.notes
        .iter()
        .filter(|n| !s.corrections.contains_key(&n.seq))
        .map(|n| NoteRow {
            at: m(&n.at),
            tags: n.tags.clone(),
            text: n.text.clone(),
        })
        .collect()
}

/// Whether the run ended before the session was complete, and what it
/// never reached. Complete: closed (not abandoned) with every phase
/// reached and dosing finished.
pub(super) fn early_end(
    s: &Session,
    patient: &Patient,
    end: &Moment,
    m: &dyn Fn(&Moment) -> f64,
    lang: crate::i18n::Lang,
) -> Option<EarlyEnd> {
    let abandoned = s.closed.as_ref().and_then(|c| c.abandoned.clone());
    // A visit gives no dose: none to finish, no scenario event to reach.
    let visit = s.start.visit.is_some();
    let dosing_unfinished = !visit
        && matches!(
            s.dosing.state(end),
            DosingState::NotStarted | DosingState::Running | DosingState::Paused
        );
    let unreached: Vec<_> = s
        .protocol()
        .phases
        .iter()
        .enumerate()
        .filter(|(i, _)| s.entered.get(*i).is_none_or(|e| e.is_none()))
        .map(|(_, p)| p)
        .collect();
    if abandoned.is_none() && !dosing_unfinished && unreached.is_empty() && s.closed.is_some() {
        return None;
    }
    let t_end = m(end);
    Some(EarlyEnd {
        at: t_end,
        abandoned,
        dosing_unfinished,
        phases: unreached.iter().map(|p| p.title.clone()).collect(),
        prompts: unreached
            .iter()
            .flat_map(|p| s.prompts(p).map(|q| q.text.clone()).collect::<Vec<_>>())
            .collect(),
        events: patient
            .scenario
            .events
            .iter()
            .filter(|_| !visit)
            .filter(|e| s.dosing.started.is_none() || e.minute > t_end)
            .map(|e| {
                crate::say!(
                    lang,
                    "rep-event-at",
                    at = super::t(e.minute, lang),
                    text = e.text.clone()
                )
            })
            .collect(),
    })
}

/// The scenario states entered by the end of the run.
pub(super) fn states(patient: &Patient, t_end: f64) -> Vec<StateRow> {
    patient
        .path(t_end)
        .iter()
        .filter_map(|v| {
            Some(StateRow {
                id: patient.scenario.states.get(v.state)?.id.clone(),
                at: round1(v.at),
            })
        })
        .collect()
}

#[cfg(test)]
mod tests {
    use super::Status;

    #[test]
    fn late_is_not_missed() {
        assert_eq!(
            Status::judge([3.0], 0.0, 5.0, 30.0),
            Status::Done { at: 3.0 }
        );
        assert_eq!(
            Status::judge([8.0], 0.0, 5.0, 30.0),
            Status::Late { at: 8.0, by: 3.0 }
        );
        assert_eq!(Status::judge([], 0.0, 5.0, 30.0), Status::NotDone);
        assert_eq!(Status::judge([], 0.0, 5.0, 4.0), Status::NotReached);
        // Before the window opens does not count.
        assert_eq!(Status::judge([-1.0], 0.0, 5.0, 30.0), Status::NotDone);
    }
}
