//! The pieces a session's state is made of: what was answered, measured
//! and noted, the dosing and music timelines, what is due, and refusals.

use super::*;
use crate::i18n::{Lang, Phrase};

/// Why an event was not accepted. Nothing changes when one is refused.
///
/// It speaks no language: whoever shows it says it ([`Refusal::say`]); a
/// test asks what was meant ([`Refusal::id`]) without matching words.
#[derive(Debug, Clone, PartialEq)]
pub struct Refusal {
    pub message: Phrase,
    /// The individual conditions still missing, when there are several.
    pub holds: Vec<Phrase>,
}

impl Refusal {
    pub fn new(message: impl Into<Phrase>) -> Self {
        Refusal {
            message: message.into(),
            holds: Vec::new(),
        }
    }

    pub(super) fn with_holds(message: impl Into<Phrase>, holds: Vec<Phrase>) -> Self {
        Refusal {
            message: message.into(),
            holds,
        }
    }

    /// The message's catalogue id (a test's way to ask which refusal).
    pub fn id(&self) -> Option<&'static str> {
        self.message.id()
    }

    /// The message and what still holds it as one phrase: "message: hold;
    /// hold".
    pub fn message_and_holds(&self) -> Phrase {
        if self.holds.is_empty() {
            return self.message.clone();
        }
        Phrase::Seq(vec![
            self.message.clone(),
            ": ".into(),
            Phrase::join(self.holds.clone(), "; "),
        ])
    }

    /// Said in `lang`: the message, then what still holds it, if anything.
    pub fn say(&self, lang: Lang) -> String {
        self.message_and_holds().say(lang)
    }
}

#[derive(Debug, Clone, PartialEq, Serialize)]
pub struct Answer {
    pub text: String,
    pub at: Moment,
    /// The journal entry it came from.
    pub seq: u64,
    /// When it was recorded, for a late entry (`at` is when it was taken).
    pub entered: Option<Moment>,
}

#[derive(Debug, Clone, PartialEq, Serialize)]
pub struct ValueEntry {
    pub at: Moment,
    pub value: Value,
    /// The journal entry it came from.
    pub seq: u64,
    /// When it was recorded, for a late entry (`at` is when it was taken).
    pub entered: Option<Moment>,
}

#[derive(Debug, Clone, PartialEq, Serialize)]
pub struct Tick {
    pub checked: bool,
    pub at: Moment,
    /// What the tick rests on (`session::evidence`), when its prompt
    /// names a visit as its evidence.
    #[serde(skip_serializing_if = "Option::is_none")]
    pub evidence: Option<crate::session::evidence::Evidence>,
}

#[derive(Debug, Clone, PartialEq, Serialize)]
pub struct VitalsEntry {
    pub at: Moment,
    pub reading: Reading,
    /// Alerts this reading raised.
    pub raised: Vec<u32>,
    /// The journal entry it came from.
    pub seq: u64,
    /// When it was recorded, for a late entry (`at` is when it was taken).
    pub entered: Option<Moment>,
    /// The monitor reading (by its journal entry) it confirms, when it
    /// came from the monitor.
    #[serde(skip_serializing_if = "Option::is_none")]
    pub source: Option<u64>,
}

#[derive(Debug, Clone, PartialEq, Serialize)]
pub struct NoteEntry {
    pub at: Moment,
    pub text: String,
    pub tags: Vec<String>,
    /// The journal entry it came from.
    pub seq: u64,
    /// When it was recorded, for a late entry (`at` is when it was taken).
    pub entered: Option<Moment>,
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
    /// A stepped dose's steps in order (empty for a one-step dose).
    pub steps: Vec<crate::protocol::dose::Segment>,
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
    /// Which kind of dosing this is, as the catalogues' selector value:
    /// `infusion`, or `bolus` (an IM, SL or IN dose and the observation
    /// after it). The words are the shell's.
    pub fn what(&self) -> &'static str {
        if self.infusion { "infusion" } else { "bolus" }
    }

    pub(super) fn paused_total(&self, until: &Moment) -> Millis {
        self.pauses
            .iter()
            .map(|p| p.to.as_ref().unwrap_or(until).since(&p.from).max(0))
            .sum()
    }

    pub(super) fn is_paused(&self) -> bool {
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

    /// The step of a stepped dose that is running (or next to run, while
    /// paused) at `now`, with the running time left in it. `None` for a
    /// one-step dose or before the start.
    pub fn step_at(&self, now: &Moment) -> Option<StepNow> {
        self.started.as_ref()?;
        let ran = self.elapsed(now);
        let count = self.steps.len();
        let mut from = 0;
        for (i, s) in self.steps.iter().enumerate() {
            let to = from + step_millis(s);
            if ran < to || i + 1 == count {
                return Some(StepNow {
                    index: i,
                    count,
                    label: s.label.clone().unwrap_or_default(),
                    rate_ml_per_h: s.rate_ml_per_h,
                    left: (to - ran).max(0),
                    next: self.steps.get(i + 1).map(|n| NextStep {
                        label: n.label.clone().unwrap_or_default(),
                        rate_ml_per_h: n.rate_ml_per_h,
                    }),
                });
            }
            from = to;
        }
        None
    }

    /// The mg a stepped dose has given after `ran` of running time, each
    /// step at its own constant rate; `None` for a one-step dose.
    pub fn stepped_mg(&self, ran: Millis) -> Option<f64> {
        if self.steps.is_empty() {
            return None;
        }
        let mut from = 0;
        let mut mg = 0.0;
        for s in &self.steps {
            let len = step_millis(s);
            let part = if len <= 0 {
                if ran >= from { 1.0 } else { 0.0 }
            } else {
                ((ran - from) as f64 / len as f64).clamp(0.0, 1.0)
            };
            mg += s.mg * part;
            from += len;
        }
        Some(mg)
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

    /// The moment the infusion's running time (pauses left out) reached
    /// `ms`, or will reach it if it runs on from `now` unpaused. `None`
    /// before the start, while paused short of it, or when the infusion was
    /// stopped first.
    pub fn moment_at_running(&self, ms: Millis, now: &Moment) -> Option<Moment> {
        let start = self.started.as_ref()?;
        let mut from = start.clone();
        let mut left = ms.max(0);
        for p in &self.pauses {
            let run = p.from.since(&from).max(0);
            if run >= left {
                return Some(from.plus(left));
            }
            left -= run;
            from = p.to.clone()?;
        }
        let at = from.plus(left);
        match &self.stopped {
            Some((stop, _)) if at.since(stop) > 0 => None,
            _ => {
                let _ = now;
                Some(at)
            }
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
    /// Each stop by hand: when, and the reason given (none: the clinician
    /// stopped it without one).
    pub stop_reasons: Vec<(Moment, Option<String>)>,
    /// Each track as it began.
    pub tracks: Vec<(Moment, String)>,
    /// Tracks skipped and other music problems.
    pub problems: Vec<(Moment, String)>,
    /// When a playlist or a no-music support was chosen, each time.
    pub chosen: Vec<Moment>,
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

pub(super) fn due(from: Moment, until: Moment, now: &Moment) -> Due {
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

/// Where a stepped dose stands: step `index` (0-based) of `count`, with
/// `left` of its running time to go and the next step's name.
#[derive(Debug, Clone, PartialEq)]
pub struct StepNow {
    pub index: usize,
    pub count: usize,
    pub label: String,
    pub rate_ml_per_h: Option<f64>,
    pub left: Millis,
    pub next: Option<NextStep>,
}

/// The step after the running one: the pump is set for it at the change.
#[derive(Debug, Clone, PartialEq)]
pub struct NextStep {
    pub label: String,
    pub rate_ml_per_h: Option<f64>,
}

impl StepNow {
    /// "step 1 of 2, bolus (225 mL/h)".
    pub fn describe(&self) -> Phrase {
        crate::phrase!(
            "step-describe",
            step = self.index + 1,
            steps = self.count,
            label = Phrase::Seq(vec![
                Phrase::verbatim(&self.label),
                rate_text(self.rate_ml_per_h)
            ])
        )
    }
}

impl NextStep {
    /// "infusion (50.4 mL/h)".
    pub fn describe(&self) -> Phrase {
        Phrase::Seq(vec![
            Phrase::verbatim(&self.label),
            rate_text(self.rate_ml_per_h),
        ])
    }
}

fn rate_text(rate: Option<f64>) -> Phrase {
    rate.map_or_else(Phrase::empty, |r| {
        Phrase::Seq(vec![" (".into(), Phrase::Num(r), " mL/h)".into()])
    })
}

fn step_millis(s: &crate::protocol::dose::Segment) -> Millis {
    s.minutes
        .map_or(0, |m| (m * MINUTE as f64).round() as Millis)
}
