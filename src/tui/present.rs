//! What the infusion is doing at a moment, worked out once and worded
//! once. The full screen's timer panel, the screen-reader mode's `time`
//! and `status`, and the instructor's console all say the infusion in
//! these words, from this value, so none can say it differently (and none
//! can carry another's hint, such as the trainee's "press s", to the
//! instructor).

pub mod course;
pub mod meds;
pub mod monitor;
pub mod risk;
pub mod timed;

pub use timed::Timed;

use crate::session::state::{Dosing, minutes_text};
use crate::session::{DosingState, Millis, Moment};

/// The infusion (or, for a bolus, the observation) at one moment.
#[derive(Debug, Clone, PartialEq)]
pub struct Infusion {
    pub state: DosingState,
    /// Time run so far (pauses excluded).
    pub elapsed: Millis,
    /// The planned duration, when the dose has one.
    pub planned: Option<Millis>,
    /// Time left to run, when there is a plan.
    pub remaining: Option<Millis>,
    /// The state in words ("infusion running since 09:00").
    pub status: String,
    /// A stepped dose: the step that runs and what comes next, or before
    /// the start how many steps there are and the first; one line each.
    pub steps: Vec<String>,
}

impl Infusion {
    /// The infusion of `d` at `now`.
    pub fn at(d: &Dosing, now: &Moment, lang: crate::i18n::Lang) -> Infusion {
        let state = d.state(now);
        Infusion {
            state,
            elapsed: d.elapsed(now),
            planned: d.planned,
            remaining: d.remaining(now),
            status: status(d, state, now, lang),
            steps: steps(d, state, now, lang),
        }
    }

    /// One spoken sentence (the screen-reader mode): the state, the time
    /// run and left, and the step.
    pub fn sentence(&self, lang: crate::i18n::Lang) -> String {
        let mut out = capitalised(&self.status);
        out.push('.');
        if matches!(
            self.state,
            DosingState::Running | DosingState::Paused | DosingState::Stopped
        ) {
            out.push(' ');
            out.push_str(&match self.remaining {
                Some(left) if self.state != DosingState::Stopped => crate::say!(
                    lang,
                    "infusion-ran-left",
                    ran = minutes_text(self.elapsed).say(lang),
                    left = minutes_text(left).say(lang)
                ),
                _ => crate::say!(
                    lang,
                    "infusion-ran",
                    ran = minutes_text(self.elapsed).say(lang)
                ),
            });
        }
        for step in &self.steps {
            out.push(' ');
            out.push_str(&capitalised(step));
            out.push('.');
        }
        out
    }
}

fn capitalised(text: &str) -> String {
    let mut chars = text.chars();
    match chars.next() {
        Some(first) => first.to_uppercase().chain(chars).collect(),
        None => String::new(),
    }
}

/// The state in one line, as the timer panel and the instructor's console
/// show it.
fn status(d: &Dosing, state: DosingState, now: &Moment, lang: crate::i18n::Lang) -> String {
    let what = if d.infusion {
        "infusion"
    } else {
        "observation"
    };
    match state {
        DosingState::NotStarted => crate::say!(lang, "dosing-not-started", what = what),
        DosingState::Running => crate::say!(
            lang,
            "dosing-running",
            what = what,
            since = d.started.as_ref().map_or(String::new(), |m| m.hhmm())
        ),
        DosingState::Paused => crate::say!(
            lang,
            "dosing-paused",
            what = what,
            reason = d.pauses.last().map_or("", |p| p.reason.as_str())
        ),
        DosingState::Completed => crate::say!(
            lang,
            "dosing-complete",
            what = what,
            at = d.completed_at(now).map_or(String::new(), |m| m.hhmm())
        ),
        DosingState::Stopped => crate::say!(
            lang,
            "dosing-stopped",
            what = what,
            reason = d.stopped.as_ref().map_or("", |(_, r)| r.as_str())
        ),
    }
}

/// A stepped dose's lines: which step runs and when the pump changes; or,
/// before the start, the steps and the first.
fn steps(d: &Dosing, state: DosingState, now: &Moment, lang: crate::i18n::Lang) -> Vec<String> {
    match state {
        DosingState::Running | DosingState::Paused => d
            .step_at(now)
            .map(|st| {
                let then = match &st.next {
                    Some(n) => {
                        crate::say!(
                            lang,
                            "step-then",
                            next = n.describe().say(lang),
                            left = clock_text(st.left)
                        )
                    }
                    None => crate::say!(lang, "step-last"),
                };
                vec![st.describe().say(lang), then]
            })
            .unwrap_or_default(),
        DosingState::NotStarted => d
            .steps
            .first()
            .map(|first| {
                vec![crate::say!(
                    lang,
                    "steps-first",
                    steps = d.steps.len(),
                    first = format!(
                        "{}{}",
                        first.label.as_deref().unwrap_or_default(),
                        first
                            .rate_ml_per_h
                            .map(|r| format!(" ({} mL/h)", crate::i18n::num_in(lang, r)))
                            .unwrap_or_default()
                    )
                )]
            })
            .unwrap_or_default(),
        _ => Vec::new(),
    }
}

/// The agreements made before the dose, in one line ("Agreed: touch: no
/// touch · guiding: little"), or nothing when none was recorded. The
/// infusion screen, the reader's `status` and the instructor's console
/// say it in these words.
pub fn agreements_line(s: &crate::session::Session, lang: crate::i18n::Lang) -> Option<String> {
    let agreed = s.agreements();
    if agreed.is_empty() {
        return None;
    }
    let list: Vec<String> = agreed
        .iter()
        .map(|a| {
            crate::i18n::labelled_in(
                lang,
                &crate::i18n::text(
                    lang,
                    crate::session::agreements::agreement_word(a.agreement),
                    None,
                ),
                &crate::text::clean_line(&a.answer.say(lang)),
            )
        })
        .collect();
    Some(crate::say!(
        lang,
        "agreements-line",
        list = list.join(" · ")
    ))
}

/// `mm:ss`, or `h:mm:ss` from an hour on.
pub fn clock_text(ms: i64) -> String {
    let s = ms.max(0) / 1000;
    if s >= 3600 {
        format!("{}:{:02}:{:02}", s / 3600, (s / 60) % 60, s % 60)
    } else {
        format!("{:02}:{:02}", s / 60, s % 60)
    }
}
