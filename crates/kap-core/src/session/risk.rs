//! The risk pathway as pure code: a risk screen scored by the protocol's
//! rules, the alarm a positive screen raises, the safety plan written
//! after it, and the hold on discharge until a reassessment is recorded
//! (or a reason overrides it). The reducer (`state/risk.rs`) keeps the
//! entries; everything here is worked out from them and `now`.

use super::alerts::Acknowledgement;
use super::clock::{MINUTE, Moment};
use crate::i18n::Phrase;
use crate::protocol::{AlarmSettings, Priority, RiskScreen};
use serde::Serialize;

/// What a screen's answers come to under the protocol's rules.
#[derive(Debug, Clone, PartialEq, Eq, Serialize)]
pub struct RiskResult {
    /// The points of every answer added up.
    pub score: u32,
    /// At or above the protocol's `positive_at`, or an item that alone
    /// makes it positive.
    pub positive: bool,
    /// The items (by id) whose answer alone made the screen positive.
    pub alone: Vec<String>,
}

/// Why a set of answers is not a screen.
#[derive(Debug, Clone, PartialEq, Eq)]
pub enum ScoreError {
    /// Not one answer per item.
    Count { given: usize, items: usize },
    /// Item `item` (its id) has no answer `answer`; it has `answers`.
    Answer {
        item: String,
        answer: u32,
        answers: usize,
    },
}

impl ScoreError {
    pub fn text(&self) -> Phrase {
        match self {
            ScoreError::Count { given, items } => {
                crate::phrase!("ref-risk-count", given = *given, items = *items)
            }
            ScoreError::Answer {
                item,
                answer,
                answers,
            } => crate::phrase!(
                "ref-risk-answer",
                item = item.clone(),
                answer = *answer,
                answers = *answers
            ),
        }
    }
}

/// Score `answers` (one per item, in order, each numbered from 1; yes/no
/// is 1 = no, 2 = yes) by `screen`'s rules.
pub fn score(screen: &RiskScreen, answers: &[u32]) -> Result<RiskResult, ScoreError> {
    if answers.len() != screen.items.len() {
        return Err(ScoreError::Count {
            given: answers.len(),
            items: screen.items.len(),
        });
    }
    let mut total = 0u32;
    let mut alone = Vec::new();
    for (item, &a) in screen.items.iter().zip(answers) {
        let n = item.answer_count();
        if a == 0 || a as usize > n {
            return Err(ScoreError::Answer {
                item: item.id.clone(),
                answer: a,
                answers: n,
            });
        }
        total = total.saturating_add(item.points_for(a));
        if item.positive_from.is_some_and(|f| a >= f) {
            alone.push(item.id.clone());
        }
    }
    Ok(RiskResult {
        score: total,
        positive: total >= screen.positive_at || !alone.is_empty(),
        alone,
    })
}

/// The elements of a Stanley–Brown safety plan, in the plan's order.
#[derive(Debug, Clone, Copy, PartialEq, Eq, PartialOrd, Ord, Hash, Serialize)]
pub enum PlanElement {
    WarningSigns,
    Coping,
    Distraction,
    Help,
    Professionals,
    Environment,
}

impl PlanElement {
    pub const ALL: [PlanElement; 6] = [
        PlanElement::WarningSigns,
        PlanElement::Coping,
        PlanElement::Distraction,
        PlanElement::Help,
        PlanElement::Professionals,
        PlanElement::Environment,
    ];

    /// As journals store it.
    pub fn as_str(self) -> &'static str {
        match self {
            PlanElement::WarningSigns => "warning-signs",
            PlanElement::Coping => "coping",
            PlanElement::Distraction => "distraction",
            PlanElement::Help => "help",
            PlanElement::Professionals => "professionals",
            PlanElement::Environment => "environment",
        }
    }

    pub fn parse(s: &str) -> Option<PlanElement> {
        PlanElement::ALL.into_iter().find(|e| e.as_str() == s)
    }

    /// The element's name.
    pub fn label(self) -> Phrase {
        Phrase::msg(match self {
            PlanElement::WarningSigns => "plan-warning-signs",
            PlanElement::Coping => "plan-coping",
            PlanElement::Distraction => "plan-distraction",
            PlanElement::Help => "plan-help",
            PlanElement::Professionals => "plan-professionals",
            PlanElement::Environment => "plan-environment",
        })
    }
}

/// A recorded screen.
#[derive(Debug, Clone, PartialEq, Serialize)]
pub struct ScreenEntry {
    pub at: Moment,
    pub seq: u64,
    pub entered: Option<Moment>,
    /// The phase (id) it was recorded in.
    pub phase: String,
    pub answers: Vec<u32>,
    pub result: RiskResult,
    /// The acknowledgement of the alarm a positive screen raised.
    pub acknowledged: Option<Acknowledgement>,
}

impl ScreenEntry {
    /// When the record first held it (the alarm's response time counts
    /// from here).
    pub fn announced(&self) -> &Moment {
        self.entered.as_ref().unwrap_or(&self.at)
    }

    /// A positive screen whose alarm nobody has acknowledged yet.
    pub fn alarm_waits(&self) -> bool {
        self.result.positive && self.acknowledged.is_none()
    }

    /// Whether its alarm's sound repeats at `now`: unacknowledged for
    /// twice the protocol's escalation time for its priority.
    pub fn alarm_sounds(
        &self,
        priority: Priority,
        now: &Moment,
        s: Option<&AlarmSettings>,
    ) -> bool {
        let Some(s) = s else { return false };
        let after = i64::from(s.timing(priority).escalate_after_minutes) * MINUTE;
        self.alarm_waits() && now.since(self.announced()) >= 2 * after
    }
}

/// One version of one element of the safety plan.
#[derive(Debug, Clone, PartialEq, Serialize)]
pub struct PlanEntry {
    pub at: Moment,
    pub seq: u64,
    pub by: Option<String>,
    pub element: PlanElement,
    pub text: String,
}

/// The risk pathway of one session.
#[derive(Debug, Clone, Default, PartialEq, Serialize)]
pub struct RiskRecord {
    /// Every screen, in the order recorded.
    pub screens: Vec<ScreenEntry>,
    /// Every version of every plan element, in the order written: a new
    /// version stands in for the one before, which stays.
    pub plan: Vec<PlanEntry>,
    /// Discharge without a negative reassessment: when, and why.
    pub overridden: Option<(Moment, String)>,
}

impl RiskRecord {
    /// Risk was raised in this session: a screen was positive.
    pub fn raised(&self) -> bool {
        self.screens.iter().any(|s| s.result.positive)
    }

    pub fn latest(&self) -> Option<&ScreenEntry> {
        self.screens.last()
    }

    /// Closing is held: the latest screen is positive and no reason given
    /// since overrides it.
    pub fn held(&self) -> bool {
        match self.latest() {
            Some(s) if s.result.positive => self
                .overridden
                .as_ref()
                .is_none_or(|(at, _)| at.since(s.announced()) < 0),
            _ => false,
        }
    }

    /// The plan as it stands: the latest version of each element written,
    /// in the plan's order.
    pub fn plan_now(&self) -> Vec<&PlanEntry> {
        PlanElement::ALL
            .iter()
            .filter_map(|e| self.plan.iter().rev().find(|p| p.element == *e))
            .collect()
    }

    /// Earlier versions of `element`, oldest first (the current one left out).
    pub fn plan_history(&self, element: PlanElement) -> Vec<&PlanEntry> {
        let mut v: Vec<&PlanEntry> = self.plan.iter().filter(|p| p.element == element).collect();
        v.pop();
        v
    }

    /// Screens whose alarm waits for an acknowledgement, oldest first.
    pub fn alarms_waiting(&self) -> Vec<&ScreenEntry> {
        self.screens.iter().filter(|s| s.alarm_waits()).collect()
    }
}

/// A screen in words: "Risk screen: 3 points, positive", or the answers
/// as given when the protocol has no screen to score them by.
pub fn screen_words(screen: Option<&RiskScreen>, answers: &[u32]) -> Phrase {
    match screen.map(|s| score(s, answers)) {
        Some(Ok(r)) => result_words(&r),
        _ => crate::phrase!(
            "risk-answers-only",
            answers = answers
                .iter()
                .map(u32::to_string)
                .collect::<Vec<_>>()
                .join(" ")
        ),
    }
}

/// A result in words: its points and whether it is positive.
pub fn result_words(r: &RiskResult) -> Phrase {
    if r.positive {
        crate::phrase!("risk-result-positive", score = r.score)
    } else {
        crate::phrase!("risk-result-negative", score = r.score)
    }
}

/// The risk pathway as a course carries it into the next session: the
/// latest safety plan written and the latest screen recorded, each with
/// the session it was in.
#[derive(Debug, Clone, Default, PartialEq)]
pub struct Carried {
    pub plan: Option<CarriedPlan>,
    pub screen: Option<CarriedScreen>,
}

#[derive(Debug, Clone, PartialEq)]
pub struct CarriedPlan {
    pub session: u32,
    /// When its last element was written.
    pub at: Moment,
    /// The plan as it stood at that session's end, in the plan's order.
    pub elements: Vec<(PlanElement, String)>,
}

#[derive(Debug, Clone, PartialEq)]
pub struct CarriedScreen {
    pub session: u32,
    pub at: Moment,
    pub result: RiskResult,
    /// Risk was raised in that session (a screen there was positive),
    /// whatever the last one said.
    pub raised: bool,
}

/// What `sessions` (oldest first) carry forward.
pub fn carried<'a>(sessions: impl IntoIterator<Item = &'a super::Session>) -> Carried {
    let mut out = Carried::default();
    for s in sessions {
        let n = s.start.session;
        if let Some(last) = s.risk.plan.last() {
            out.plan = Some(CarriedPlan {
                session: n,
                at: last.at.clone(),
                elements: s
                    .risk
                    .plan_now()
                    .into_iter()
                    .map(|p| (p.element, p.text.clone()))
                    .collect(),
            });
        }
        if let Some(l) = s.risk.latest() {
            out.screen = Some(CarriedScreen {
                session: n,
                at: l.at.clone(),
                result: l.result.clone(),
                raised: s.risk.raised(),
            });
        }
    }
    out
}
