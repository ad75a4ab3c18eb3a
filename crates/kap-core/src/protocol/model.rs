//! The protocol file model.
//!
//! These types are both the TOML file format (read with `deny_unknown_fields`
//! so a misspelt key is an error, not a silent default) and the normalised JSON
//! that `kap protocol show --json` prints. Key names are therefore part of the
//! public format: `docs/protocol-format.md` documents every one of them, and a
//! rename is a format change.
//!
//! Nothing here holds a clinical value of its own: every dose, interval and
//! limit comes from the file being read.

use serde::{Deserialize, Serialize};
use std::collections::BTreeMap;

mod formulary;
mod instrument;
mod numbering;
mod prompt;
mod risk;
mod visit;
mod vitals;

pub use formulary::*;
pub use instrument::*;
pub use numbering::*;
pub use prompt::*;
pub use risk::*;
pub use visit::*;
pub use vitals::*;

/// The format version this build reads and writes.
pub const FORMAT_VERSION: u32 = 1;

/// A whole protocol file.
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize)]
#[serde(deny_unknown_fields)]
pub struct Protocol {
    /// Format version of the file (currently 1).
    pub format: u32,
    pub protocol: Meta,
    #[serde(default)]
    pub site: Site,
    pub course: Course,
    #[serde(rename = "phase")]
    pub phases: Vec<Phase>,
    pub vitals: Vitals,
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub music: Option<Music>,
    /// The site's rescue and as-needed medication (`[[formulary]]`).
    #[serde(default, skip_serializing_if = "Vec::is_empty")]
    pub formulary: Vec<Drug>,
    /// The risk screen, and the crisis lines of the safety plan.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub risk: Option<RiskScreen>,
    /// Rating scales the site writes in the file (one it is licensed
    /// for); the measures may also name those kap ships.
    #[serde(rename = "instrument", default, skip_serializing_if = "Vec::is_empty")]
    pub instruments: Vec<Instrument>,
    /// The visits of the course that are not a dose (`[[visit]]`).
    #[serde(rename = "visit", default, skip_serializing_if = "Vec::is_empty")]
    pub visits: Vec<Visit>,
}

/// Who the protocol is for and where its figures come from.
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize)]
#[serde(deny_unknown_fields)]
pub struct Meta {
    /// Short machine id: lowercase letters, digits and `-`.
    pub id: String,
    pub name: String,
    /// A few words for the header ("Montréal"); the id when absent.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub short_name: Option<String>,
    pub version: String,
    pub population: String,
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub summary: Option<String>,
    /// The language of the file's words (`en`, `fr-CA`, `pt-BR`); English
    /// when absent. Keys, ids and figures are the same in every language.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub language: Option<String>,
    #[serde(rename = "source")]
    pub sources: Vec<SourceRef>,
}

impl Meta {
    /// What the header calls the protocol: its short name, else its id.
    pub fn short(&self) -> &str {
        self.short_name
            .as_deref()
            .filter(|s| !s.trim().is_empty())
            .unwrap_or(&self.id)
    }
}

/// A publication the protocol's figures are taken from.
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize)]
#[serde(deny_unknown_fields)]
pub struct SourceRef {
    pub id: String,
    pub citation: String,
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub doi: Option<String>,
}

/// The site's sign-off of the values the papers leave to the site
/// (alarm limits, concentration, rounding, discharge criteria).
#[derive(Debug, Clone, Default, PartialEq, Serialize, Deserialize)]
#[serde(deny_unknown_fields)]
pub struct Site {
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub name: Option<String>,
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub reviewed_by: Option<String>,
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub reviewed_on: Option<String>,
    /// The key paths of the values in this file that the site sets (the
    /// source papers do not give them), as diagnostics print paths:
    /// `course.interval[1].min_days`.
    #[serde(default, skip_serializing_if = "Vec::is_empty")]
    pub values: Vec<String>,
}

impl Site {
    /// True once someone has signed off the site-set values.
    pub fn is_reviewed(&self) -> bool {
        self.reviewed_by
            .as_deref()
            .is_some_and(|s| !s.trim().is_empty())
    }
}

/// An inclusive range `{ min, max }`.
#[derive(Debug, Clone, Copy, PartialEq, Serialize, Deserialize)]
#[serde(deny_unknown_fields)]
pub struct Range<T> {
    pub min: T,
    pub max: T,
}

impl<T: PartialOrd + Copy> Range<T> {
    pub fn contains(&self, v: T) -> bool {
        self.min <= v && v <= self.max
    }
}

/// The course of dosing sessions.
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize)]
#[serde(deny_unknown_fields)]
pub struct Course {
    /// Number of dosing sessions in the course.
    pub sessions: u32,
    #[serde(default)]
    pub dosing: Dosing,
    #[serde(rename = "dose_rule")]
    pub dose_rules: Vec<DoseRule>,
    #[serde(rename = "interval", default)]
    pub intervals: Vec<Interval>,
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub preparation: Option<Preparation>,
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub integration: Option<Integration>,
    pub goals: Goals,
    /// Whether a clinician must be named as present for the whole session.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub clinician_present: Option<ClinicianPresent>,
    /// Sessions after the course, for those who responded (numbered on from
    /// `sessions`: 7, 8, … after a six-session course).
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub maintenance: Option<Maintenance>,
    /// What a session number that does not follow the course does.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub numbering: Option<Numbering>,
    /// The outcome measures of the course, and when each is given.
    #[serde(rename = "measure", default, skip_serializing_if = "Vec::is_empty")]
    pub measures: Vec<CourseMeasure>,
}

/// Maintenance sessions after the course: each a session like the course's,
/// months apart.
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize)]
#[serde(deny_unknown_fields)]
pub struct Maintenance {
    /// Calendar months since the previous session.
    pub every_months: Range<u32>,
    /// The course session whose dose rule a maintenance session uses.
    pub dose_as_session: u32,
    pub label: String,
    pub source: String,
}

/// The protocol's rule on who must be present during a session.
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize)]
#[serde(deny_unknown_fields)]
pub struct ClinicianPresent {
    /// At least one clinician is named at the start, or the session does
    /// not begin.
    pub required: bool,
    pub source: String,
}

/// Site-set pharmacy values shared by every session's dose.
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize)]
#[serde(deny_unknown_fields)]
pub struct Dosing {
    /// The dose in mg is rounded to the nearest multiple of this.
    #[serde(default = "default_rounding")]
    pub rounding_mg: f64,
    /// Concentration of the prepared solution; gives volume and pump rate.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub concentration_mg_per_ml: Option<f64>,
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub source: Option<String>,
}

fn default_rounding() -> f64 {
    0.1
}

impl Default for Dosing {
    fn default() -> Self {
        Dosing {
            rounding_mg: default_rounding(),
            concentration_mg_per_ml: None,
            source: None,
        }
    }
}

/// How ketamine is given.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Serialize, Deserialize)]
#[serde(rename_all = "kebab-case")]
pub enum Route {
    IvInfusion,
    ImBolus,
    SlBolus,
    InBolus,
}

impl Route {
    /// The route in words, in the language given.
    pub fn label(self) -> crate::i18n::Phrase {
        crate::i18n::Phrase::msg(match self {
            Route::IvInfusion => "route-iv-infusion",
            Route::ImBolus => "route-im-bolus",
            Route::SlBolus => "route-sublingual",
            Route::InBolus => "route-intranasal",
        })
    }

    /// The route as it follows a dose ("36 mg en perfusion IV", "por via
    /// sublingual"): French and Portuguese need a preposition there.
    pub fn after_dose(self) -> crate::i18n::Phrase {
        crate::i18n::Phrase::msg(match self {
            Route::IvInfusion => "route-dose-iv-infusion",
            Route::ImBolus => "route-dose-im-bolus",
            Route::SlBolus => "route-dose-sublingual",
            Route::InBolus => "route-dose-intranasal",
        })
    }

    pub fn is_infusion(self) -> bool {
        matches!(self, Route::IvInfusion)
    }
}

/// The dose for one or more sessions of the course.
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize)]
#[serde(deny_unknown_fields)]
pub struct DoseRule {
    /// Which course sessions (1-based) this rule applies to.
    pub sessions: Vec<u32>,
    pub route: Route,
    /// Weight-based dose; exclusive with `fixed_mg`.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub mg_per_kg: Option<DoseRange>,
    /// Fixed dose in mg; exclusive with `mg_per_kg`.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub fixed_mg: Option<f64>,
    /// Infusion duration; required for `iv-infusion`, not allowed otherwise.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub infusion_minutes: Option<f64>,
    /// Observation after a bolus (or after the infusion ends).
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub observation_minutes: Option<f64>,
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub label: Option<String>,
    /// A dose given in steps, in order (a bolus, then an infusion); each
    /// step has its own amount and duration. Exclusive with `mg_per_kg`,
    /// `fixed_mg` and `infusion_minutes`; `iv-infusion` only.
    #[serde(default, rename = "step", skip_serializing_if = "Vec::is_empty")]
    pub steps: Vec<DoseStep>,
    /// The most this rule gives in mg whatever the weight: a weight-based
    /// dose above it is capped at it (a limit the site sets).
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub max_mg: Option<f64>,
    pub source: String,
}

/// One step of a stepped dose: an amount (per kg, or fixed) given at a
/// constant rate over its minutes.
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize)]
#[serde(deny_unknown_fields)]
pub struct DoseStep {
    /// What the step is called on the screen ("bolus", "infusion").
    pub label: String,
    /// Weight-based amount; exclusive with `fixed_mg`.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub mg_per_kg: Option<f64>,
    /// Fixed amount in mg; exclusive with `mg_per_kg`.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub fixed_mg: Option<f64>,
    /// How long the step runs.
    pub minutes: f64,
    pub source: String,
}

/// A mg/kg range with an optional default inside it.
#[derive(Debug, Clone, Copy, PartialEq, Serialize, Deserialize)]
#[serde(deny_unknown_fields)]
pub struct DoseRange {
    pub min: f64,
    pub max: f64,
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub default: Option<f64>,
}

/// The allowed gap before some sessions of the course.
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize)]
#[serde(deny_unknown_fields)]
pub struct Interval {
    /// The sessions whose gap from the previous session this describes.
    pub before_sessions: Vec<u32>,
    /// Fewest whole days since the previous session.
    pub min_days: u32,
    /// Most days since the previous session, when the protocol sets one.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub max_days: Option<u32>,
    /// The gap the protocol aims for.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub target_days: Option<Range<u32>>,
    pub label: String,
    pub source: String,
}

/// Preparation before the first dosing session.
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize)]
#[serde(deny_unknown_fields)]
pub struct Preparation {
    pub sessions: Range<u32>,
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub session_minutes: Option<Range<u32>>,
    #[serde(default)]
    pub topics: Vec<String>,
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub concomitant_psychotherapy: Option<String>,
    pub source: String,
}

/// Integration after dosing sessions.
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize)]
#[serde(deny_unknown_fields)]
pub struct Integration {
    /// Integration happens at the start of the next dosing session.
    #[serde(default)]
    pub rolling: bool,
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub sessions: Option<Range<u32>>,
    /// Window after each dose in which integration is due.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub within_hours: Option<Range<u32>>,
    #[serde(default)]
    pub topics: Vec<String>,
    pub source: String,
}

/// What kind of goals the course keeps.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Serialize, Deserialize)]
#[serde(rename_all = "kebab-case")]
pub enum GoalKind {
    SmartBehavioural,
    GoalsOfCare,
    Other,
}

impl GoalKind {
    /// The kind of goals in words, in the language given.
    pub fn label(self) -> crate::i18n::Phrase {
        crate::i18n::Phrase::msg(match self {
            GoalKind::SmartBehavioural => "goals-smart-behavioural",
            GoalKind::GoalsOfCare => "goals-of-care",
            GoalKind::Other => "goals-other",
        })
    }
}

#[derive(Debug, Clone, PartialEq, Serialize, Deserialize)]
#[serde(deny_unknown_fields)]
pub struct Goals {
    pub kind: GoalKind,
    pub min_count: u32,
    #[serde(default)]
    pub examples: Vec<String>,
    pub source: String,
}

/// What a phase is for; the session core gives some roles behaviour.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash, Serialize, Deserialize, Default)]
#[serde(rename_all = "kebab-case")]
pub enum PhaseRole {
    #[default]
    General,
    CheckIn,
    Integration,
    Intentions,
    Baseline,
    Dosing,
    Debrief,
    Preparation,
    Discharge,
}

impl PhaseRole {
    pub fn as_str(self) -> &'static str {
        match self {
            PhaseRole::General => "general",
            PhaseRole::CheckIn => "check-in",
            PhaseRole::Integration => "integration",
            PhaseRole::Intentions => "intentions",
            PhaseRole::Baseline => "baseline",
            PhaseRole::Dosing => "dosing",
            PhaseRole::Debrief => "debrief",
            PhaseRole::Preparation => "preparation",
            PhaseRole::Discharge => "discharge",
        }
    }
}

/// One step of the session, in file order.
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize)]
#[serde(deny_unknown_fields)]
pub struct Phase {
    pub id: String,
    pub title: String,
    #[serde(default)]
    pub role: PhaseRole,
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub guidance: Option<String>,
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub target_minutes: Option<Range<u32>>,
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub source: Option<String>,
    #[serde(rename = "prompt", default)]
    pub prompts: Vec<Prompt>,
    #[serde(rename = "gate", default)]
    pub gates: Vec<Gate>,
    /// In a visit's phase: the course's topics listed as checklist items
    /// ahead of the phase's own prompts.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub topics: Option<TopicList>,
}

/// Music and the support offered without it.
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize)]
#[serde(deny_unknown_fields)]
pub struct Music {
    /// Expected playlist length.
    pub expected_minutes: Range<u32>,
    /// Support alternatives when no music is used.
    #[serde(rename = "support", default)]
    pub supports: Vec<Support>,
    /// Gentle check-in interval during dosing without music.
    pub no_music_checkin_minutes: u32,
    /// A soft chime for due prompts and alerts (off unless set).
    #[serde(default)]
    pub chime: bool,
    /// The text prompt ("Music for today") that a choice made with `m`
    /// answers, when it has no answer yet: the choice is not typed twice.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub prompt: Option<String>,
    pub source: String,
}

#[derive(Debug, Clone, PartialEq, Serialize, Deserialize)]
#[serde(deny_unknown_fields)]
pub struct Support {
    pub id: String,
    pub label: String,
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub description: Option<String>,
}

impl DoseRule {
    /// How long the dose runs: the infusion's minutes (all steps together
    /// for a stepped dose), or the observation after a bolus or injection.
    pub fn running_minutes(&self) -> Option<f64> {
        if !self.route.is_infusion() {
            return self.observation_minutes;
        }
        if self.steps.is_empty() {
            self.infusion_minutes
        } else {
            Some(self.steps.iter().map(|s| s.minutes).sum())
        }
    }
}

impl Protocol {
    /// Whether `session` is a maintenance session (after the course, in a
    /// protocol that has them).
    pub fn is_maintenance(&self, session: u32) -> bool {
        session > self.course.sessions && self.course.maintenance.is_some()
    }

    /// Whether `session` can be held under this protocol at all.
    pub fn has_session(&self, session: u32) -> bool {
        session >= 1 && (session <= self.course.sessions || self.is_maintenance(session))
    }

    /// "session 3 of 6", or "maintenance session 7" after the course.
    pub fn session_label(&self, session: u32) -> crate::i18n::Phrase {
        if self.is_maintenance(session) {
            crate::phrase!("session-label-maintenance", session = session)
        } else {
            crate::phrase!(
                "session-label",
                session = session,
                sessions = self.course.sessions
            )
        }
    }

    /// "Session 3 of 6", or "Maintenance session 7": as a heading.
    pub fn session_title(&self, session: u32) -> crate::i18n::Phrase {
        if self.is_maintenance(session) {
            crate::phrase!("session-title-maintenance", session = session)
        } else {
            crate::phrase!(
                "session-title",
                session = session,
                sessions = self.course.sessions
            )
        }
    }

    /// The dose rule for a course session, if the session is in the course.
    pub fn dose_rule(&self, session: u32) -> Option<&DoseRule> {
        let session = match &self.course.maintenance {
            Some(m) if session > self.course.sessions => m.dose_as_session,
            _ => session,
        };
        self.course
            .dose_rules
            .iter()
            .find(|r| r.sessions.contains(&session))
    }

    /// The interval rule for the gap before a course session.
    pub fn interval_before(&self, session: u32) -> Option<&Interval> {
        self.course
            .intervals
            .iter()
            .find(|r| r.before_sessions.contains(&session))
    }

    pub fn phase(&self, id: &str) -> Option<&Phase> {
        self.phases.iter().find(|p| p.id == id)
    }

    pub fn prompt(&self, id: &str) -> Option<(&Phase, &Prompt)> {
        self.phases
            .iter()
            .flat_map(|ph| ph.prompts.iter().map(move |p| (ph, p)))
            .find(|(_, p)| p.id == id)
    }

    /// The instrument `id`: the file's own, else one kap ships.
    pub fn instrument(&self, id: &str) -> Option<std::borrow::Cow<'_, Instrument>> {
        self.instruments
            .iter()
            .find(|i| i.id == id)
            .map(std::borrow::Cow::Borrowed)
            .or_else(|| crate::outcome::shipped(id).map(std::borrow::Cow::Owned))
    }

    pub fn dosing_phase(&self) -> Option<&Phase> {
        self.phases.iter().find(|p| p.role == PhaseRole::Dosing)
    }
}
