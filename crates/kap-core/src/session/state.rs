//! The session as a pure state machine: events in, state and "what is due"
//! out. No terminal, disk, audio or clock inside: every event comes with the
//! moment it happened, and every question about time takes `now`.

use super::alerts::AlertBook;
use super::clock::{MINUTE, Millis, Moment};
use super::event::{Event, SessionStart};
use super::vitals::Reading;
use crate::i18n::Phrase;
use crate::protocol::values::{self, Value};
use crate::protocol::{GateWhen, Measure, Phase, PhaseRole, Prompt, PromptKind, Protocol};
use serde::Serialize;
use std::collections::BTreeMap;
use std::sync::Arc;

mod apply;
mod entries;
mod gates;
mod meds;
mod monitor;
mod outcomes;
mod parts;
mod risk;
mod signing;
mod technical;
mod timing;

use entries::Cx;
pub use entries::{Addendum, Correction};
pub use meds::{Accounting, Beyond, Ketamine, KetamineAmount, MedEffect, MedEntry};
pub use outcomes::OutcomeEntry;
pub use signing::CoSignature;

use parts::due;
pub use parts::*;
pub use technical::{TechnicalAlarm, TechnicalKind};

/// The whole state of one session.
#[derive(Debug, Clone, PartialEq, Serialize)]
pub struct Session {
    #[serde(skip)]
    protocol: Arc<Protocol>,
    pub start: SessionStart,
    pub started_at: Moment,
    /// Index of the current phase in the protocol.
    pub phase: usize,
    /// When each phase was entered (index → moment).
    pub entered: Vec<Option<Moment>>,
    pub answers: BTreeMap<String, Answer>,
    pub ticks: BTreeMap<String, Tick>,
    /// Typed values, every entry kept (timed measures repeat).
    pub values: BTreeMap<String, Vec<ValueEntry>>,
    pub vitals: Vec<VitalsEntry>,
    pub notes: Vec<NoteEntry>,
    pub skips: Vec<Skip>,
    pub dosing: Dosing,
    pub alerts: AlertBook,
    pub music: Music,
    pub checkins: Vec<Moment>,
    pub debrief_called: Option<Moment>,
    /// Goals set in this session (the course's goals carried in are not
    /// part of the session; see `record::course`).
    pub goals: Option<Vec<String>>,
    /// Outcome measures answered in this session, in the order recorded.
    pub outcomes: Vec<OutcomeEntry>,
    pub closed: Option<Closing>,
    /// Consent withdrawn after the infusion started: when, and why.
    pub consent_withdrawn: Option<(Moment, String)>,
    /// Every accepted entry, in the order recorded.
    log: Vec<crate::session::entry::Entry>,
    /// Entries marked entered in error or replaced, by their number.
    pub corrections: BTreeMap<u64, Correction>,
    /// Additions made after closing.
    pub addenda: Vec<Addendum>,
    /// Co-signatures after closing, in the order made.
    pub co_signatures: Vec<CoSignature>,
    /// The last pause of alarm audio.
    pub audio_paused: Option<crate::session::alarms::AudioPause>,
    /// The alarm self-test at the start: when, and the problem if the tone
    /// could not play.
    pub alarm_self_test: Option<(Moment, Option<String>)>,
    /// Technical alarms (clock jumps, suspends, no alarm sound), each
    /// waiting for an acknowledgement.
    pub technical_alarms: Vec<TechnicalAlarm>,
    /// Rescue medication given, each with its effect once re-checked.
    pub meds: Vec<MedEntry>,
    /// Ketamine drawn up and wasted.
    pub ketamine: Ketamine,
    /// Risk screens, their alarms, the safety plan and any override of
    /// the discharge hold.
    pub risk: crate::session::risk::RiskRecord,
    /// In a visit: the checklist items done in earlier visits of its kind
    /// (`session::visits::carried_into`), by prompt id. Not from this
    /// record's journal: the shell hands it in from the course.
    pub carried: BTreeMap<String, crate::session::visits::Carried>,
    /// In a dosing session: for each prompt naming its evidence
    /// (`evidence_visit`), the visit of the course found for it
    /// (`session::evidence::find`), by prompt id. Not from this record's
    /// journal: the shell hands it in from the course, and a tick records
    /// it.
    pub evidence: BTreeMap<String, crate::session::evidence::Evidence>,
    /// Readings from the bedside monitor, unconfirmed, confirmed or
    /// rejected.
    #[serde(skip_serializing_if = "crate::session::monitor::MonitorRecord::is_empty")]
    pub monitor: crate::session::monitor::MonitorRecord,
}

impl Session {
    /// Begin a session. The start facts are checked against the protocol.
    pub fn start(
        protocol: Arc<Protocol>,
        start: SessionStart,
        at: Moment,
    ) -> Result<Session, Refusal> {
        if start.protocol_id != protocol.protocol.id {
            return Err(Refusal::new(crate::phrase!(
                "ref-other-protocol",
                recorded = start.protocol_id.clone(),
                given = protocol.protocol.id.clone()
            )));
        }
        if start.patient.trim().is_empty() {
            return Err(Refusal::new(crate::phrase!("ref-a-patient-id-is-needed")));
        }
        if crate::text::has_control(&start.patient) {
            return Err(Refusal::new(crate::phrase!(
                "ref-a-patient-id-cannot-contain-control"
            )));
        }
        let (protocol, dosing) = runs_under(protocol, &start)?;
        let mut entered = vec![None; protocol.phases.len()];
        if let Some(first) = entered.first_mut() {
            *first = Some(at.clone());
        }
        // The start is made by the first clinician named (as the journal's
        // first line says).
        let first = crate::session::entry::Entry {
            seq: 1,
            at: at.clone(),
            stamp: crate::session::Stamp {
                by: start.clinicians.first().cloned(),
                taken: None,
            },
            event: Event::Started(start.clone()),
        };
        Ok(Session {
            protocol,
            start,
            started_at: at,
            phase: 0,
            entered,
            answers: BTreeMap::new(),
            ticks: BTreeMap::new(),
            values: BTreeMap::new(),
            vitals: Vec::new(),
            notes: Vec::new(),
            skips: Vec::new(),
            dosing,
            alerts: AlertBook::default(),
            music: Music {
                playlist: None,
                support: None,
                played: Vec::new(),
                stop_reasons: Vec::new(),
                tracks: Vec::new(),
                problems: Vec::new(),
                chosen: Vec::new(),
            },
            checkins: Vec::new(),
            debrief_called: None,
            goals: None,
            outcomes: Vec::new(),
            closed: None,
            consent_withdrawn: None,
            log: vec![first],
            corrections: BTreeMap::new(),
            addenda: Vec::new(),
            co_signatures: Vec::new(),
            audio_paused: None,
            alarm_self_test: None,
            technical_alarms: Vec::new(),
            meds: Vec::new(),
            ketamine: Ketamine::default(),
            risk: Default::default(),
            carried: BTreeMap::new(),
            evidence: BTreeMap::new(),
            monitor: Default::default(),
        })
    }

    pub fn protocol(&self) -> &Protocol {
        &self.protocol
    }

    pub fn protocol_arc(&self) -> Arc<Protocol> {
        Arc::clone(&self.protocol)
    }

    pub fn current_phase(&self) -> &Phase {
        // `start` refuses protocols without phases only indirectly (the
        // validator requires one); index is kept in range by `advance`.
        &self.protocol.phases[self.phase.min(self.protocol.phases.len().saturating_sub(1))]
    }

    pub fn is_closed(&self) -> bool {
        self.closed.is_some()
    }

    /// Whether this session asks `p` (its course session, or maintenance).
    pub fn asks(&self, p: &Prompt) -> bool {
        p.applies_to(self.start.session, self.protocol.course.sessions)
    }

    /// Prompts of a phase that apply to this course session.
    pub fn prompts<'p>(&self, phase: &'p Phase) -> impl Iterator<Item = &'p Prompt> + use<'p, '_> {
        let n = self.start.session;
        let course = self.protocol.course.sessions;
        phase
            .prompts
            .iter()
            .filter(move |p| p.applies_to(n, course))
    }

    pub fn is_done(&self, prompt: &Prompt) -> bool {
        match prompt.kind {
            PromptKind::Text => self
                .answers
                .get(&prompt.id)
                .is_some_and(|a| !a.text.trim().is_empty()),
            PromptKind::Check => self.ticks.get(&prompt.id).is_some_and(|t| t.checked),
            _ => self.values.get(&prompt.id).is_some_and(|v| !v.is_empty()),
        }
    }

    /// The latest typed value of a prompt.
    pub fn latest_value(&self, id: &str) -> Option<&ValueEntry> {
        self.values.get(id).and_then(|v| v.last())
    }

    /// When the prompt was last answered or ticked, any kind.
    fn entries_at(&self, p: &Prompt) -> Vec<&Moment> {
        match p.kind {
            PromptKind::Text => self.answers.get(&p.id).map(|a| &a.at).into_iter().collect(),
            PromptKind::Check => self
                .ticks
                .get(&p.id)
                .filter(|t| t.checked)
                .map(|t| &t.at)
                .into_iter()
                .collect(),
            _ => self
                .values
                .get(&p.id)
                .map(|v| v.iter().map(|e| &e.at).collect())
                .unwrap_or_default(),
        }
    }

    /// Timed measures not yet answered for their current time, with when
    /// they are due. A measure at a minute counts as answered by any entry
    /// from one window before its time; a measure with every vitals prompt
    /// needs one entry per vitals cycle; a measure before closing is due in
    /// the last phase.
    pub fn measures_due(&self, now: &Moment) -> Vec<(Prompt, Due)> {
        let mut out = Vec::new();
        if self.closed.is_some() {
            return out;
        }
        let last_phase = self.phase + 1 == self.protocol.phases.len();
        for ph in &self.protocol.phases {
            for p in self.prompts(ph) {
                let Some(rule) = &p.due else { continue };
                let entries = self.entries_at(p);
                if let (Some(at), Some(w), Some(start)) =
                    (rule.at_minute, rule.window_minutes, &self.dosing.started)
                {
                    // Minutes of running time: pauses do not count, and a
                    // measure at (or past) the planned end follows the
                    // actual end, early or late.
                    let at_ms = i64::from(at) * MINUTE;
                    let at_end = self.dosing.planned.is_some_and(|p| at_ms >= p);
                    let from = match (at_end, self.dosing.ended_at(now)) {
                        (true, Some(end)) => end.plus(at_ms - self.dosing.planned.unwrap_or(at_ms)),
                        _ => match self.dosing.moment_at_running(at_ms, now) {
                            Some(m) => m,
                            None if self.dosing.stopped.is_some() => continue,
                            None => start.plus(at_ms + self.dosing.paused_total(now)),
                        },
                    };
                    let _ = start;
                    let until = from.plus(i64::from(w) * MINUTE);
                    let earliest = from.plus(-i64::from(w) * MINUTE);
                    if !entries.iter().any(|e| e.since(&earliest) >= 0) {
                        out.push((p.clone(), due(from, until, now)));
                    }
                } else if rule.with_vitals {
                    if let Some(d) = self.vitals_due(now) {
                        let interval = if self.dosing.ended_at(now).is_some() {
                            self.protocol.vitals.after_dosing_interval_minutes
                        } else {
                            Some(self.protocol.vitals.interval_minutes)
                        };
                        if let Some(iv) = interval {
                            let anchor = d.from.plus(-i64::from(iv.min) * MINUTE);
                            if !entries.iter().any(|e| e.since(&anchor) > 0) {
                                out.push((p.clone(), d));
                            }
                        }
                    }
                } else if rule.before_close && last_phase && entries.is_empty() {
                    out.push((
                        p.clone(),
                        Due {
                            from: now.clone(),
                            until: now.clone(),
                            state: DueState::Due,
                        },
                    ));
                }
            }
        }
        out
    }

    /// Required prompts of a phase not yet answered or ticked.
    pub fn missing_required<'p>(&self, phase: &'p Phase) -> Vec<&'p Prompt> {
        self.prompts(phase)
            .filter(|p| p.required && !self.is_done(p))
            .collect()
    }

    fn failing_gates(&self, phase: &Phase, when: GateWhen, now: &Moment) -> Vec<Phrase> {
        phase
            .gates
            .iter()
            .filter(|g| g.when == when)
            .filter_map(|g| self.gate_status(g, now).err())
            .collect()
    }

    /// What holds the move to the next phase (or the close, in the last
    /// phase). Empty when nothing does. Required prompts are not listed:
    /// they can be skipped with a reason; these cannot.
    pub fn holds(&self, now: &Moment) -> Vec<Phrase> {
        let phase = self.current_phase();
        let mut holds = Vec::new();
        if phase.role == PhaseRole::Dosing && self.dosing.is_under_way(now) {
            holds.push(match self.dosing.remaining(now) {
                Some(r) if self.dosing.state(now) == DosingState::Running => {
                    crate::phrase!(
                        "hold-infusion-running",
                        what = self.dosing.what(),
                        left = minutes_text(r)
                    )
                }
                _ => crate::phrase!("hold-infusion-paused"),
            });
        }
        holds.extend(self.failing_gates(phase, GateWhen::Exit, now));
        holds.extend(self.risk_hold());
        if let Some(next) = self.protocol.phases.get(self.phase + 1) {
            holds.extend(self.failing_gates(next, GateWhen::Enter, now));
        }
        holds
    }

    /// The moment a closed record is read at (its closing), or `now` for
    /// one still open: what a closed record says does not change with the
    /// time it is read.
    pub fn as_of(&self, now: &Moment) -> Moment {
        self.closed
            .as_ref()
            .map_or_else(|| now.clone(), |c| c.at.clone())
    }

    /// The dose given by `now`.
    pub fn delivered(&self, now: &Moment) -> Delivered {
        let d = &self.dosing;
        let planned_mg = self.start.dose_mg;
        let ran = d.elapsed(now);
        let fraction = match (d.started.is_some(), d.infusion, d.planned) {
            (false, _, _) => 0.0,
            (true, true, Some(p)) if p > 0 => (ran as f64 / p as f64).clamp(0.0, 1.0),
            (true, _, _) => 1.0,
        };
        let mg = if fraction >= 1.0 {
            planned_mg
        } else if let Some(mg) = d.stepped_mg(ran).filter(|_| d.started.is_some()) {
            mg
        } else {
            planned_mg * fraction
        };
        let conc = self
            .protocol
            .course
            .dosing
            .concentration_mg_per_ml
            .filter(|c| *c > 0.0);
        Delivered {
            mg,
            planned_mg,
            ml: conc.map(|c| mg / c),
            planned_ml: conc.map(|c| planned_mg / c),
            ran,
            planned: d.planned.filter(|_| d.infusion),
        }
    }

    /// Whether a check prompt is one a gate requires (consent, readiness):
    /// such a tick is locked once the infusion has started.
    pub fn is_gate_prompt(&self, id: &str) -> bool {
        self.protocol
            .phases
            .iter()
            .flat_map(|ph| &ph.gates)
            .any(|g| g.prompt.as_deref() == Some(id))
    }

    /// Whether the current phase can be left now, and on what terms.
    pub fn advance_check(&self, now: &Moment) -> Advance {
        let holds = self.holds(now);
        if !holds.is_empty() {
            return Advance::Held(holds);
        }
        let phase = self.current_phase();
        let missing = !self.missing_required(phase).is_empty();
        let never_dosed = phase.role == PhaseRole::Dosing && self.dosing.started.is_none();
        if missing || never_dosed {
            Advance::NeedsReason
        } else {
            Advance::Free
        }
    }
}

/// How much of the planned dose was given, from the recorded start,
/// pauses and stop at the constant rate the plan sets (a bolus is given
/// whole once started).
#[derive(Debug, Clone, PartialEq)]
pub struct Delivered {
    pub mg: f64,
    pub planned_mg: f64,
    /// Volumes at the protocol's concentration, when it has one.
    pub ml: Option<f64>,
    pub planned_ml: Option<f64>,
    /// Running time so far and planned (infusions).
    pub ran: Millis,
    pub planned: Option<Millis>,
}

impl Delivered {
    /// The whole planned dose was given.
    pub fn is_complete(&self) -> bool {
        (self.mg - self.planned_mg).abs() < 1e-9
    }

    /// "3.5 of 35 mg (3.5 of 35 mL)", or "35 mg" when all was given.
    pub fn text(&self) -> Phrase {
        let r = |x: f64| (x * 10.0).round() / 10.0;
        let unit = |x: f64, u: &str| Phrase::Seq(vec![Phrase::Num(x), Phrase::verbatim(u)]);
        let ml = match (self.ml, self.planned_ml) {
            (Some(a), Some(b)) if !self.is_complete() => Phrase::Seq(vec![
                " (".into(),
                crate::phrase!(
                    "part-of",
                    part = Phrase::Num(r(a)),
                    whole = unit(r(b), " mL")
                ),
                ")".into(),
            ]),
            (Some(a), _) => Phrase::Seq(vec![" (".into(), unit(r(a), " mL"), ")".into()]),
            _ => Phrase::empty(),
        };
        let dose = if self.is_complete() {
            unit(self.planned_mg, " mg")
        } else {
            crate::phrase!(
                "part-of",
                part = Phrase::Num(r(self.mg)),
                whole = unit(self.planned_mg, " mg")
            )
        };
        Phrase::Seq(vec![dose, ml])
    }
}

/// Whether the session can move on from its current phase now.
#[derive(Debug, Clone, PartialEq)]
pub enum Advance {
    /// Nothing stands in the way.
    Free,
    /// Required items are open, or the infusion never started: the move
    /// needs a reason, which the record keeps.
    NeedsReason,
    /// Something that no reason overrides (a running infusion, a gate).
    Held(Vec<Phrase>),
}

/// "12 min" / "1 min 30 s" for messages.
pub fn minutes_text(ms: Millis) -> Phrase {
    let s = ms.max(0) / 1000;
    match (s / 60, s % 60) {
        (m, 0) => crate::phrase!("duration-min", min = m),
        (0, sec) => crate::phrase!("duration-s", sec = sec),
        (m, sec) => crate::phrase!("duration-min-s", min = m, sec = sec),
    }
}

/// The protocol a session runs under and its dosing plan: the file's own
/// phases and the dose rule of its number for a dosing session; the
/// visit's phases and no dose for a visit.
fn runs_under(
    protocol: Arc<Protocol>,
    start: &SessionStart,
) -> Result<(Arc<Protocol>, Dosing), Refusal> {
    if let Some(kind) = start.visit_kind() {
        let visit = protocol.for_visit(kind).ok_or_else(|| {
            Refusal::new(crate::phrase!(
                "ref-no-such-visit",
                kind = kind.label(),
                protocol = protocol.protocol.id.clone()
            ))
        })?;
        let none = Dosing {
            infusion: false,
            steps: Vec::new(),
            planned: None,
            started: None,
            pauses: Vec::new(),
            stopped: None,
        };
        return Ok((Arc::new(visit), none));
    }
    let rule = protocol.dose_rule(start.session).ok_or_else(|| {
        Refusal::new(crate::phrase!(
            "dose-error-not-in-course",
            session = start.session,
            sessions = protocol.course.sessions
        ))
    })?;
    let minutes = rule.running_minutes();
    // A stepped dose keeps its worked steps: the timer shows which one
    // runs, and the delivered dose counts each at its own rate.
    let steps = if rule.steps.is_empty() {
        Vec::new()
    } else {
        crate::protocol::dose::plan(
            &protocol,
            crate::protocol::dose::DoseRequest {
                session: start.session,
                weight_kg: start.weight_kg,
                mg_per_kg: None,
            },
        )
        .map(|p| p.segments())
        .unwrap_or_default()
    };
    let dosing = Dosing {
        infusion: rule.route.is_infusion(),
        steps,
        planned: minutes.map(|m| (m * MINUTE as f64).round() as Millis),
        started: None,
        pauses: Vec::new(),
        stopped: None,
    };
    Ok((protocol, dosing))
}
