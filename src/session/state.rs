//! The session as a pure state machine: events in, state and "what is due"
//! out. No terminal, disk, audio or clock inside: every event comes with the
//! moment it happened, and every question about time takes `now`.

use super::alerts::AlertBook;
use super::clock::{MINUTE, Millis, Moment};
use super::event::{Event, SessionStart};
use super::vitals::Reading;
use crate::protocol::values::{self, Value};
use crate::protocol::{
    Gate, GateWhen, Measure, Metric, Phase, PhaseRole, Prompt, PromptKind, Protocol,
};
use serde::Serialize;
use std::collections::BTreeMap;
use std::fmt;
use std::sync::Arc;

/// Why an event was not accepted. Nothing changes when one is refused.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Refusal {
    pub message: String,
    /// The individual conditions still missing, when there are several.
    pub holds: Vec<String>,
}

impl Refusal {
    pub fn new(message: impl Into<String>) -> Self {
        Refusal {
            message: message.into(),
            holds: Vec::new(),
        }
    }

    fn with_holds(message: impl Into<String>, holds: Vec<String>) -> Self {
        Refusal {
            message: message.into(),
            holds,
        }
    }
}

impl fmt::Display for Refusal {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        f.write_str(&self.message)?;
        if !self.holds.is_empty() {
            write!(f, ": {}", self.holds.join("; "))?;
        }
        Ok(())
    }
}

impl std::error::Error for Refusal {}

#[derive(Debug, Clone, PartialEq, Serialize)]
pub struct Answer {
    pub text: String,
    pub at: Moment,
}

#[derive(Debug, Clone, PartialEq, Serialize)]
pub struct ValueEntry {
    pub at: Moment,
    pub value: Value,
}

#[derive(Debug, Clone, PartialEq, Serialize)]
pub struct Tick {
    pub checked: bool,
    pub at: Moment,
}

#[derive(Debug, Clone, PartialEq, Serialize)]
pub struct VitalsEntry {
    pub at: Moment,
    pub reading: Reading,
    /// Alerts this reading raised.
    pub raised: Vec<u32>,
}

#[derive(Debug, Clone, PartialEq, Serialize)]
pub struct NoteEntry {
    pub at: Moment,
    pub text: String,
    pub tags: Vec<String>,
}

#[derive(Debug, Clone, PartialEq, Serialize)]
pub struct Pause {
    pub from: Moment,
    pub to: Option<Moment>,
    pub reason: String,
}

#[derive(Debug, Clone, PartialEq, Serialize)]
pub struct Skip {
    pub phase: String,
    pub prompts: Vec<String>,
    pub reason: String,
    pub at: Moment,
}

/// The infusion (or, for a bolus, the observation after the dose).
#[derive(Debug, Clone, PartialEq, Serialize)]
pub struct Dosing {
    pub infusion: bool,
    /// Planned running time: the infusion duration or the observation time.
    pub planned: Option<Millis>,
    pub started: Option<Moment>,
    pub pauses: Vec<Pause>,
    pub stopped: Option<(Moment, String)>,
}

#[derive(Debug, Clone, Copy, PartialEq, Eq, Serialize)]
#[serde(rename_all = "kebab-case")]
pub enum DosingState {
    NotStarted,
    Running,
    Paused,
    /// Ran its planned time.
    Completed,
    /// Stopped early by the clinician.
    Stopped,
}

impl Dosing {
    fn paused_total(&self, until: &Moment) -> Millis {
        self.pauses
            .iter()
            .map(|p| p.to.as_ref().unwrap_or(until).since(&p.from).max(0))
            .sum()
    }

    fn is_paused(&self) -> bool {
        self.pauses.last().is_some_and(|p| p.to.is_none())
    }

    /// Running time so far, capped at the planned time. Computed from the
    /// start and the pauses — never a counter — so it is true after a crash.
    pub fn elapsed(&self, now: &Moment) -> Millis {
        let Some(start) = &self.started else {
            return 0;
        };
        let end = self.stopped.as_ref().map_or(now, |(at, _)| at);
        let run = (end.since(start) - self.paused_total(end)).max(0);
        match self.planned {
            Some(p) => run.min(p),
            None => run,
        }
    }

    pub fn remaining(&self, now: &Moment) -> Option<Millis> {
        self.planned.map(|p| (p - self.elapsed(now)).max(0))
    }

    /// When the planned time ran out, if it has.
    pub fn completed_at(&self, now: &Moment) -> Option<Moment> {
        let start = self.started.as_ref()?;
        if self.stopped.is_some() || self.is_paused() {
            return None;
        }
        let planned = self.planned.unwrap_or(0);
        if self.elapsed(now) < planned {
            return None;
        }
        Some(start.plus(planned + self.paused_total(now)))
    }

    pub fn state(&self, now: &Moment) -> DosingState {
        if self.started.is_none() {
            DosingState::NotStarted
        } else if self.stopped.is_some() {
            DosingState::Stopped
        } else if self.is_paused() {
            DosingState::Paused
        } else if self.completed_at(now).is_some() {
            DosingState::Completed
        } else {
            DosingState::Running
        }
    }

    /// When dosing ended (completed or stopped), if it has.
    pub fn ended_at(&self, now: &Moment) -> Option<Moment> {
        match &self.stopped {
            Some((at, _)) => Some(at.clone()),
            None => self.completed_at(now),
        }
    }

    pub fn is_under_way(&self, now: &Moment) -> bool {
        matches!(self.state(now), DosingState::Running | DosingState::Paused)
    }
}

#[derive(Debug, Clone, PartialEq, Serialize)]
pub struct Music {
    pub playlist: Option<String>,
    pub support: Option<String>,
    /// Start and end of each stretch of playing.
    pub played: Vec<(Moment, Option<Moment>)>,
    pub stop_reasons: Vec<(Moment, String)>,
    /// Each track as it began.
    pub tracks: Vec<(Moment, String)>,
    /// Tracks skipped and other music problems.
    pub problems: Vec<(Moment, String)>,
}

impl Music {
    pub fn is_playing(&self) -> bool {
        self.played.last().is_some_and(|(_, end)| end.is_none())
    }

    /// When the music last stopped, if it ever played and is not playing.
    pub fn ended_at(&self) -> Option<&Moment> {
        match self.played.last() {
            Some((_, Some(end))) => Some(end),
            _ => None,
        }
    }
}

/// A prompt (vitals or check-in) and the window it is due in.
#[derive(Debug, Clone, PartialEq, Serialize)]
pub struct Due {
    /// Due from this moment.
    pub from: Moment,
    /// Overdue after this moment.
    pub until: Moment,
    pub state: DueState,
}

#[derive(Debug, Clone, Copy, PartialEq, Eq, Serialize)]
#[serde(rename_all = "kebab-case")]
pub enum DueState {
    Upcoming,
    Due,
    Overdue,
}

fn due(from: Moment, until: Moment, now: &Moment) -> Due {
    let state = if now.since(&until) > 0 {
        DueState::Overdue
    } else if now.since(&from) >= 0 {
        DueState::Due
    } else {
        DueState::Upcoming
    };
    Due { from, until, state }
}

#[derive(Debug, Clone, PartialEq, Serialize)]
pub struct Closing {
    pub at: Moment,
    /// Set when the session was abandoned before discharge.
    pub abandoned: Option<String>,
}

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
    pub closed: Option<Closing>,
}

impl Session {
    /// Begin a session. The start facts are checked against the protocol.
    pub fn start(
        protocol: Arc<Protocol>,
        start: SessionStart,
        at: Moment,
    ) -> Result<Session, Refusal> {
        if start.protocol_id != protocol.protocol.id {
            return Err(Refusal::new(format!(
                "this session was recorded under protocol \"{}\", not \"{}\"",
                start.protocol_id, protocol.protocol.id
            )));
        }
        let rule = protocol.dose_rule(start.session).ok_or_else(|| {
            Refusal::new(format!(
                "session {} is not in this course (sessions 1 to {})",
                start.session, protocol.course.sessions
            ))
        })?;
        if start.patient.trim().is_empty() {
            return Err(Refusal::new("a patient id is needed"));
        }
        if crate::text::has_control(&start.patient) {
            return Err(Refusal::new(
                "a patient id cannot contain control characters",
            ));
        }
        let minutes = if rule.route.is_infusion() {
            rule.infusion_minutes
        } else {
            rule.observation_minutes
        };
        let dosing = Dosing {
            infusion: rule.route.is_infusion(),
            planned: minutes.map(|m| (m * MINUTE as f64).round() as Millis),
            started: None,
            pauses: Vec::new(),
            stopped: None,
        };
        let mut entered = vec![None; protocol.phases.len()];
        if let Some(first) = entered.first_mut() {
            *first = Some(at.clone());
        }
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
            },
            checkins: Vec::new(),
            debrief_called: None,
            goals: None,
            closed: None,
        })
    }

    /// Rebuild a session from its events, as recorded. The first must be
    /// `Started`. A refused event means the record does not fit the protocol.
    pub fn replay<'a>(
        protocol: Arc<Protocol>,
        events: impl IntoIterator<Item = (&'a Event, &'a Moment)>,
    ) -> Result<Session, (usize, Refusal)> {
        let mut it = events.into_iter();
        let Some((Event::Started(start), at)) = it.next() else {
            return Err((
                0,
                Refusal::new("a session record must begin with its start"),
            ));
        };
        let mut s = Session::start(protocol, start.clone(), at.clone()).map_err(|r| (0, r))?;
        for (i, (ev, at)) in it.enumerate() {
            s.apply(ev, at).map_err(|r| (i + 1, r))?;
        }
        Ok(s)
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

    /// Prompts of a phase that apply to this course session.
    pub fn prompts<'p>(&self, phase: &'p Phase) -> impl Iterator<Item = &'p Prompt> + use<'p, '_> {
        let n = self.start.session;
        phase.prompts.iter().filter(move |p| p.applies_to(n))
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
                    let from = start.plus(i64::from(at) * MINUTE);
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

    /// Whether a gate is met now; `Err` says what is missing.
    pub fn gate_status(&self, gate: &Gate, now: &Moment) -> Result<(), String> {
        if let Some(id) = &gate.prompt {
            let done = self
                .protocol
                .prompt(id)
                .is_some_and(|(_, p)| self.is_done(p));
            return if done {
                Ok(())
            } else {
                Err(gate.reason.clone())
            };
        }
        let Some(set_name) = &gate.vitals else {
            return Ok(());
        };
        let Some(set) = self.protocol.vitals.limits.get(set_name) else {
            return Err(format!("{} (no limit set \"{set_name}\")", gate.reason));
        };
        let mut problems = Vec::new();
        for m in Metric::ALL {
            let Some(bound) = set.bound(m) else { continue };
            let latest = self
                .vitals
                .iter()
                .rev()
                .find_map(|v| v.reading.get(m).map(|x| (x, &v.at)));
            match latest {
                None => problems.push(format!("no {} recorded", m.label())),
                Some((v, at)) => {
                    if let Some(w) = gate.within_minutes
                        && now.since(at) > i64::from(w) * MINUTE
                    {
                        problems.push(format!(
                            "last {} ({v}) was at {}, more than {w} min ago",
                            m.label(),
                            at.hhmm()
                        ));
                    } else if !bound.contains(f64::from(v)) {
                        problems.push(match (bound.min, bound.max) {
                            (_, Some(max)) if f64::from(v) > max => format!(
                                "{} {v} is above {} ({set_name} limit)",
                                m.label(),
                                crate::protocol::dose::num(max)
                            ),
                            (Some(min), _) => format!(
                                "{} {v} is below {} ({set_name} limit)",
                                m.label(),
                                crate::protocol::dose::num(min)
                            ),
                            _ => format!("{} {v} is outside the {set_name} limits", m.label()),
                        });
                    }
                }
            }
        }
        if problems.is_empty() {
            Ok(())
        } else {
            Err(format!("{} — {}", gate.reason, problems.join(", ")))
        }
    }

    fn failing_gates(&self, phase: &Phase, when: GateWhen, now: &Moment) -> Vec<String> {
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
    pub fn holds(&self, now: &Moment) -> Vec<String> {
        let phase = self.current_phase();
        let mut holds = Vec::new();
        if phase.role == PhaseRole::Dosing && self.dosing.is_under_way(now) {
            holds.push(match self.dosing.remaining(now) {
                Some(r) if self.dosing.state(now) == DosingState::Running => format!(
                    "the infusion is running ({} left): let it finish or stop it with a reason",
                    minutes_text(r)
                ),
                _ => "the infusion is paused: resume it, or stop it with a reason".to_string(),
            });
        }
        holds.extend(self.failing_gates(phase, GateWhen::Exit, now));
        if let Some(next) = self.protocol.phases.get(self.phase + 1) {
            holds.extend(self.failing_gates(next, GateWhen::Enter, now));
        }
        holds
    }

    /// Check an event against the current state without applying it.
    pub fn check(&self, ev: &Event, now: &Moment) -> Result<(), Refusal> {
        let mut copy = self.clone();
        copy.apply(ev, now)
    }

    /// Apply an event that happened at `at`. On refusal nothing changes.
    pub fn apply(&mut self, ev: &Event, at: &Moment) -> Result<(), Refusal> {
        if self.closed.is_some() {
            return Err(Refusal::new("the session is closed"));
        }
        match ev {
            Event::Started(_) => Err(Refusal::new("the session has already started")),
            Event::Answered { prompt, text } => {
                let p = self.find_prompt(prompt, PromptKind::Text)?;
                let id = p.id.clone();
                if text.trim().is_empty() {
                    self.answers.remove(&id);
                } else {
                    self.answers.insert(
                        id,
                        Answer {
                            text: text.clone(),
                            at: at.clone(),
                        },
                    );
                }
                Ok(())
            }
            Event::Ticked { prompt, checked } => {
                let id = self.find_prompt(prompt, PromptKind::Check)?.id.clone();
                self.ticks.insert(
                    id,
                    Tick {
                        checked: *checked,
                        at: at.clone(),
                    },
                );
                Ok(())
            }
            Event::Recorded { prompt, value } => {
                let Some((_, p)) = self.protocol.prompt(prompt) else {
                    return Err(Refusal::new(format!("there is no prompt \"{prompt}\"")));
                };
                if !p.applies_to(self.start.session) {
                    return Err(Refusal::new(format!(
                        "prompt \"{prompt}\" is not asked in session {}",
                        self.start.session
                    )));
                }
                values::check(p, value).map_err(Refusal::new)?;
                self.values
                    .entry(p.id.clone())
                    .or_default()
                    .push(ValueEntry {
                        at: at.clone(),
                        value: value.clone(),
                    });
                Ok(())
            }
            Event::Vitals { reading } => {
                reading.check().map_err(|e| Refusal::new(e.to_string()))?;
                let raised = self
                    .alerts
                    .on_reading(&self.protocol.vitals.alerts, reading, at);
                self.vitals.push(VitalsEntry {
                    at: at.clone(),
                    reading: *reading,
                    raised,
                });
                Ok(())
            }
            Event::Note { text, tags } => {
                if text.trim().is_empty() && tags.is_empty() {
                    return Err(Refusal::new("an empty note is not saved"));
                }
                self.notes.push(NoteEntry {
                    at: at.clone(),
                    text: text.clone(),
                    tags: tags.clone(),
                });
                Ok(())
            }
            Event::Advanced { reason } => self.advance(reason.as_deref(), at),
            Event::DosingStarted => self.start_dosing(at),
            Event::DosingPaused { reason } => {
                need_reason(reason, "pausing the infusion")?;
                if !self.dosing.infusion {
                    return Err(Refusal::new("a bolus cannot be paused"));
                }
                if self.dosing.state(at) != DosingState::Running {
                    return Err(Refusal::new("the infusion is not running"));
                }
                self.dosing.pauses.push(Pause {
                    from: at.clone(),
                    to: None,
                    reason: reason.clone(),
                });
                Ok(())
            }
            Event::DosingResumed => {
                if self.dosing.state(at) != DosingState::Paused {
                    return Err(Refusal::new("the infusion is not paused"));
                }
                if let Some(p) = self.dosing.pauses.last_mut() {
                    p.to = Some(at.clone());
                }
                Ok(())
            }
            Event::DosingStopped { reason } => {
                need_reason(reason, "stopping the infusion early")?;
                if !self.dosing.is_under_way(at) {
                    return Err(Refusal::new("the infusion is not under way"));
                }
                if let Some(p) = self.dosing.pauses.last_mut()
                    && p.to.is_none()
                {
                    p.to = Some(at.clone());
                }
                self.dosing.stopped = Some((at.clone(), reason.clone()));
                Ok(())
            }
            Event::AlertAcknowledged { alert, action } => {
                let action = action.as_ref().filter(|a| !a.trim().is_empty()).cloned();
                if self.alerts.acknowledge(*alert, at, action) {
                    Ok(())
                } else if self.alerts.get(*alert).is_some() {
                    Err(Refusal::new(format!(
                        "alert {alert} is already acknowledged"
                    )))
                } else {
                    Err(Refusal::new(format!("there is no alert {alert}")))
                }
            }
            Event::MusicChosen { playlist, support } => {
                if let Some(s) = support {
                    let known = self
                        .protocol
                        .music
                        .as_ref()
                        .is_some_and(|m| m.supports.iter().any(|x| &x.id == s));
                    if !known {
                        return Err(Refusal::new(format!(
                            "\"{s}\" is not one of the protocol's supports"
                        )));
                    }
                }
                self.music.playlist = playlist.clone();
                self.music.support = support.clone();
                Ok(())
            }
            Event::MusicStarted { track } => {
                if self.music.is_playing() {
                    return Err(Refusal::new("music is already playing"));
                }
                self.music.played.push((at.clone(), None));
                if let Some(t) = track {
                    self.music.tracks.push((at.clone(), t.clone()));
                }
                Ok(())
            }
            Event::TrackChanged { track } => {
                self.music.tracks.push((at.clone(), track.clone()));
                Ok(())
            }
            Event::MusicProblem { text } => {
                self.music.problems.push((at.clone(), text.clone()));
                Ok(())
            }
            Event::MusicStopped { reason } => {
                self.stop_music(at)?;
                if let Some(r) = reason {
                    self.music.stop_reasons.push((at.clone(), r.clone()));
                }
                Ok(())
            }
            Event::MusicEnded => self.stop_music(at),
            Event::CheckedIn { note } => {
                if self.dosing.started.is_none() {
                    return Err(Refusal::new("check-ins belong to the dosing phase"));
                }
                self.checkins.push(at.clone());
                if let Some(n) = note.as_ref().filter(|n| !n.trim().is_empty()) {
                    self.notes.push(NoteEntry {
                        at: at.clone(),
                        text: n.clone(),
                        tags: vec!["check-in".into()],
                    });
                }
                Ok(())
            }
            Event::DebriefStarted => {
                if self.dosing.started.is_none() {
                    return Err(Refusal::new("the debrief follows the dosing"));
                }
                if let Some(t) = self.debrief_started(at) {
                    return Err(Refusal::new(format!(
                        "the debrief clock already started at {}",
                        t.hhmm()
                    )));
                }
                self.debrief_called = Some(at.clone());
                Ok(())
            }
            Event::GoalsSet { goals } => {
                let goals: Vec<String> = goals
                    .iter()
                    .map(|g| g.trim().to_string())
                    .filter(|g| !g.is_empty())
                    .collect();
                self.goals = Some(goals);
                Ok(())
            }
            Event::Closed => self.close(at),
            Event::Abandoned { reason } => {
                need_reason(reason, "ending the session early")?;
                if self.dosing.is_under_way(at) {
                    if let Some(p) = self.dosing.pauses.last_mut()
                        && p.to.is_none()
                    {
                        p.to = Some(at.clone());
                    }
                    self.dosing.stopped = Some((at.clone(), reason.clone()));
                }
                if self.music.is_playing() {
                    let _ = self.stop_music(at);
                }
                self.closed = Some(Closing {
                    at: at.clone(),
                    abandoned: Some(reason.clone()),
                });
                Ok(())
            }
        }
    }

    fn find_prompt(&self, id: &str, kind: PromptKind) -> Result<&Prompt, Refusal> {
        let Some((_, p)) = self.protocol.prompt(id) else {
            return Err(Refusal::new(format!("there is no prompt \"{id}\"")));
        };
        if !p.applies_to(self.start.session) {
            return Err(Refusal::new(format!(
                "prompt \"{id}\" is not asked in session {}",
                self.start.session
            )));
        }
        if p.kind != kind {
            return Err(Refusal::new(format!(
                "prompt \"{id}\" is {} item",
                match p.kind {
                    PromptKind::Text => "a text".to_string(),
                    PromptKind::Check => "a checklist".to_string(),
                    other => format!("a {}", other.as_str()),
                }
            )));
        }
        Ok(p)
    }

    fn stop_music(&mut self, at: &Moment) -> Result<(), Refusal> {
        match self.music.played.last_mut() {
            Some((_, end @ None)) => {
                *end = Some(at.clone());
                Ok(())
            }
            _ => Err(Refusal::new("no music is playing")),
        }
    }

    fn skip_reason<'r>(
        &self,
        phase: &Phase,
        reason: Option<&'r str>,
        verb: &str,
    ) -> Result<Option<(Vec<String>, &'r str)>, Refusal> {
        let missing: Vec<String> = self
            .missing_required(phase)
            .iter()
            .map(|p| p.id.clone())
            .collect();
        if missing.is_empty() {
            return Ok(None);
        }
        match reason.filter(|r| !r.trim().is_empty()) {
            Some(r) => Ok(Some((missing, r))),
            None => Err(Refusal::with_holds(
                format!("required items are not done; give a reason to {verb} without them"),
                self.missing_required(phase)
                    .iter()
                    .map(|p| p.text.clone())
                    .collect(),
            )),
        }
    }

    fn advance(&mut self, reason: Option<&str>, at: &Moment) -> Result<(), Refusal> {
        let phase = self.current_phase().clone();
        if self.phase + 1 >= self.protocol.phases.len() {
            return Err(Refusal::new(
                "this is the last phase: close the session instead",
            ));
        }
        let holds = self.holds(at);
        if !holds.is_empty() {
            return Err(Refusal::with_holds(
                format!("cannot leave {} yet", phase.title),
                holds,
            ));
        }
        let mut skipped = self.skip_reason(&phase, reason, "move on")?;
        if phase.role == PhaseRole::Dosing && self.dosing.started.is_none() {
            match reason.filter(|r| !r.trim().is_empty()) {
                Some(r) => {
                    let entry = skipped.get_or_insert_with(|| (Vec::new(), r));
                    entry.0.push("dosing".into());
                }
                None => {
                    return Err(Refusal::new(
                        "the infusion has not been started; give a reason to move on without it",
                    ));
                }
            }
        }
        if let Some((prompts, r)) = skipped {
            self.skips.push(Skip {
                phase: phase.id.clone(),
                prompts,
                reason: r.to_string(),
                at: at.clone(),
            });
        }
        self.phase += 1;
        if let Some(e) = self.entered.get_mut(self.phase) {
            *e = Some(at.clone());
        }
        Ok(())
    }

    fn start_dosing(&mut self, at: &Moment) -> Result<(), Refusal> {
        let phase = self.current_phase().clone();
        if phase.role != PhaseRole::Dosing {
            return Err(Refusal::new(format!(
                "the infusion starts in the {} phase",
                self.protocol
                    .dosing_phase()
                    .map_or("dosing", |p| p.title.as_str())
            )));
        }
        if self.dosing.started.is_some() {
            return Err(Refusal::new("the infusion has already been started"));
        }
        let failing = self.failing_gates(&phase, GateWhen::Enter, at);
        if !failing.is_empty() {
            return Err(Refusal::with_holds(
                "the infusion cannot start yet",
                failing,
            ));
        }
        self.dosing.started = Some(at.clone());
        Ok(())
    }

    fn close(&mut self, at: &Moment) -> Result<(), Refusal> {
        let phase = self.current_phase().clone();
        if self.phase + 1 < self.protocol.phases.len() {
            return Err(Refusal::new(format!(
                "the session closes from its last phase ({}); give a reason to end it early instead",
                self.protocol
                    .phases
                    .last()
                    .map_or("discharge", |p| p.title.as_str())
            )));
        }
        let holds = self.holds(at);
        if !holds.is_empty() {
            return Err(Refusal::with_holds("the session cannot close yet", holds));
        }
        if !self.missing_required(&phase).is_empty() {
            return Err(Refusal::with_holds(
                "the discharge items are not all done",
                self.missing_required(&phase)
                    .iter()
                    .map(|p| p.text.clone())
                    .collect(),
            ));
        }
        let open_measures: Vec<String> = self
            .measures_due(at)
            .into_iter()
            .filter(|(p, _)| p.required && p.due.as_ref().is_some_and(|d| d.before_close))
            .map(|(p, _)| p.text)
            .collect();
        if !open_measures.is_empty() {
            return Err(Refusal::with_holds(
                "required items before closing are not done",
                open_measures,
            ));
        }
        if self.music.is_playing() {
            let _ = self.stop_music(at);
        }
        self.closed = Some(Closing {
            at: at.clone(),
            abandoned: None,
        });
        Ok(())
    }

    // ----- what is due -------------------------------------------------

    /// The next vitals prompt, while the schedule runs: from the start of
    /// dosing, through its end, and after it when the protocol sets an
    /// after-dosing interval. The window counts from the last reading that
    /// had every prompted measure.
    pub fn vitals_due(&self, now: &Moment) -> Option<Due> {
        if self.closed.is_some() {
            return None;
        }
        let start = self.dosing.started.as_ref()?;
        let v = &self.protocol.vitals;
        let window = match self.dosing.ended_at(now) {
            Some(_) => v.after_dosing_interval_minutes?,
            None => v.interval_minutes,
        };
        let complete = |r: &Reading| {
            v.prompted.iter().all(|m| match m {
                Measure::Bp => r.has_bp(),
                Measure::Hr => r.hr.is_some(),
                Measure::Spo2 => r.spo2.is_some(),
            })
        };
        let anchor = self
            .vitals
            .iter()
            .rev()
            .find(|e| e.at.since(start) >= 0 && complete(&e.reading))
            .map_or(start, |e| &e.at);
        Some(due(
            anchor.plus(i64::from(window.min) * MINUTE),
            anchor.plus(i64::from(window.max) * MINUTE),
            now,
        ))
    }

    /// Without music playing during dosing, a gentle check-in at the
    /// protocol's interval.
    pub fn checkin_due(&self, now: &Moment) -> Option<Due> {
        let every = i64::from(self.protocol.music.as_ref()?.no_music_checkin_minutes) * MINUTE;
        if self.closed.is_some() || !self.dosing.is_under_way(now) || self.music.is_playing() {
            return None;
        }
        let mut anchor = self.dosing.started.as_ref()?;
        for m in self.checkins.iter().chain(self.music.ended_at()) {
            if m.since(anchor) > 0 {
                anchor = m;
            }
        }
        Some(due(anchor.plus(every), anchor.plus(2 * every), now))
    }

    /// When the debrief clock started: at the clinician's word, or once
    /// both the dosing and the music (if any played) have ended.
    pub fn debrief_started(&self, now: &Moment) -> Option<Moment> {
        if let Some(t) = &self.debrief_called {
            return Some(t.clone());
        }
        let dosing_end = self.dosing.ended_at(now)?;
        if self.music.is_playing() {
            return None;
        }
        match self.music.ended_at() {
            Some(m) if m.since(&dosing_end) > 0 => Some(m.clone()),
            _ => Some(dosing_end),
        }
    }

    /// Milliseconds since the debrief clock started.
    pub fn debrief_elapsed(&self, now: &Moment) -> Option<Millis> {
        self.debrief_started(now).map(|t| now.since(&t).max(0))
    }

    /// Time spent in the current phase.
    pub fn phase_elapsed(&self, now: &Moment) -> Millis {
        self.entered
            .get(self.phase)
            .and_then(|e| e.as_ref())
            .map_or(0, |t| now.since(t).max(0))
    }

    pub fn last_reading(&self) -> Option<&VitalsEntry> {
        self.vitals.last()
    }
}

fn need_reason(reason: &str, what: &str) -> Result<(), Refusal> {
    if reason.trim().is_empty() {
        Err(Refusal::new(format!("a reason is needed for {what}")))
    } else {
        Ok(())
    }
}

/// "12 min" / "1 min 30 s" for messages.
pub fn minutes_text(ms: Millis) -> String {
    let s = ms.max(0) / 1000;
    match (s / 60, s % 60) {
        (m, 0) => format!("{m} min"),
        (0, sec) => format!("{sec} s"),
        (m, sec) => format!("{m} min {sec} s"),
    }
}
