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
}

/// Who the protocol is for and where its figures come from.
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize)]
#[serde(deny_unknown_fields)]
pub struct Meta {
    /// Short machine id: lowercase letters, digits and `-`.
    pub id: String,
    pub name: String,
    pub version: String,
    pub population: String,
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub summary: Option<String>,
    #[serde(rename = "source")]
    pub sources: Vec<SourceRef>,
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
    pub fn label(self) -> &'static str {
        match self {
            Route::IvInfusion => "IV infusion",
            Route::ImBolus => "IM bolus",
            Route::SlBolus => "sublingual",
            Route::InBolus => "intranasal",
        }
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
    pub fn label(self) -> &'static str {
        match self {
            GoalKind::SmartBehavioural => "SMART behavioural goals",
            GoalKind::GoalsOfCare => "goals of care",
            GoalKind::Other => "goals",
        }
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
}

#[derive(Debug, Clone, Copy, PartialEq, Eq, Serialize, Deserialize)]
#[serde(rename_all = "kebab-case")]
pub enum PromptKind {
    /// A free-text answer.
    Text,
    /// A checklist item to tick.
    Check,
    /// Yes or no.
    YesNo,
    /// One of `choices`.
    Choice,
    /// Any number of `choices` (none is an answer too).
    MultiChoice,
    /// A number, with `unit` and an allowed `min`–`max`.
    Number,
    /// A time of day, `HH:MM`.
    Time,
    /// A rating: one slider, or several items with a score (`scale`).
    Scale,
}

impl PromptKind {
    pub fn as_str(self) -> &'static str {
        match self {
            PromptKind::Text => "text",
            PromptKind::Check => "check",
            PromptKind::YesNo => "yes-no",
            PromptKind::Choice => "choice",
            PromptKind::MultiChoice => "multi-choice",
            PromptKind::Number => "number",
            PromptKind::Time => "time",
            PromptKind::Scale => "scale",
        }
    }

    /// Text and checklist items keep their own events; the rest are typed
    /// values.
    pub fn is_typed(self) -> bool {
        !matches!(self, PromptKind::Text | PromptKind::Check)
    }
}

/// A rating scale: `min`–`max` with labelled anchors; with `items`, each
/// item is rated on the scale and `scoring` combines them.
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize)]
#[serde(deny_unknown_fields)]
pub struct ScaleDef {
    #[serde(default)]
    pub min: i64,
    #[serde(default = "ten")]
    pub max: i64,
    #[serde(default)]
    pub anchors: Vec<Anchor>,
    #[serde(default)]
    pub items: Vec<ScaleItem>,
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub scoring: Option<Scoring>,
}

fn ten() -> i64 {
    10
}

#[derive(Debug, Clone, PartialEq, Serialize, Deserialize)]
#[serde(deny_unknown_fields)]
pub struct Anchor {
    pub value: i64,
    pub label: String,
}

#[derive(Debug, Clone, PartialEq, Serialize, Deserialize)]
#[serde(deny_unknown_fields)]
pub struct ScaleItem {
    pub id: String,
    pub text: String,
}

#[derive(Debug, Clone, Copy, PartialEq, Eq, Serialize, Deserialize)]
#[serde(rename_all = "kebab-case")]
pub enum ScoreMethod {
    Sum,
    Mean,
    Max,
}

#[derive(Debug, Clone, PartialEq, Serialize, Deserialize)]
#[serde(deny_unknown_fields)]
pub struct Scoring {
    pub method: ScoreMethod,
    /// The items that count (all items when empty).
    #[serde(default)]
    pub items: Vec<String>,
}

/// When a prompt is due during the session. Exactly one of the three.
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize)]
#[serde(deny_unknown_fields)]
pub struct DueRule {
    /// Due this many minutes after dosing starts…
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub at_minute: Option<u32>,
    /// …and overdue this many minutes later.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub window_minutes: Option<u32>,
    /// Due with every vitals prompt.
    #[serde(default, skip_serializing_if = "std::ops::Not::not")]
    pub with_vitals: bool,
    /// Due before the session closes.
    #[serde(default, skip_serializing_if = "std::ops::Not::not")]
    pub before_close: bool,
}

/// A standard code for exports (e.g. LOINC).
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize)]
#[serde(deny_unknown_fields)]
pub struct CodeRef {
    pub system: String,
    pub code: String,
    pub display: String,
}

/// A question or checklist item within a phase.
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize)]
#[serde(deny_unknown_fields)]
pub struct Prompt {
    /// Unique across the whole file.
    pub id: String,
    pub kind: PromptKind,
    pub text: String,
    #[serde(default)]
    pub required: bool,
    /// Only asked in these course sessions; every session when absent.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub sessions: Option<Vec<u32>>,
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub help: Option<String>,
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub source: Option<String>,
    /// For `choice` and `multi-choice`.
    #[serde(default, skip_serializing_if = "Vec::is_empty")]
    pub choices: Vec<String>,
    /// For `number`: the unit shown and exported.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub unit: Option<String>,
    /// For `number`: the allowed range (inclusive).
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub min: Option<f64>,
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub max: Option<f64>,
    /// For `scale`.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub scale: Option<ScaleDef>,
    /// When the prompt falls due (timed measures).
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub due: Option<DueRule>,
    /// A standard code for exports; free text otherwise.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub code: Option<CodeRef>,
}

impl Prompt {
    pub fn applies_to(&self, session: u32) -> bool {
        self.sessions.as_ref().is_none_or(|s| s.contains(&session))
    }
}

#[derive(Debug, Clone, Copy, PartialEq, Eq, Serialize, Deserialize, Default)]
#[serde(rename_all = "kebab-case")]
pub enum GateWhen {
    /// Must hold before the phase may begin.
    #[default]
    Enter,
    /// Must hold before the phase may be left (or the session closed).
    Exit,
}

/// A condition that holds a phase. Exactly one of `prompt` or `vitals`.
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize)]
#[serde(deny_unknown_fields)]
pub struct Gate {
    #[serde(default)]
    pub when: GateWhen,
    /// A prompt that must be answered (text) or ticked (check).
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub prompt: Option<String>,
    /// A named limit set in `[vitals.limits]` the latest vitals must be inside.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub vitals: Option<String>,
    /// For `vitals`: the reading must be no older than this.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub within_minutes: Option<u32>,
    /// Shown when the gate holds the phase.
    pub reason: String,
}

/// A measure the clinician records at a vitals prompt or watches throughout.
#[derive(Debug, Clone, Copy, PartialEq, Eq, PartialOrd, Ord, Serialize, Deserialize)]
#[serde(rename_all = "kebab-case")]
pub enum Measure {
    Bp,
    Hr,
    Spo2,
}

impl Measure {
    pub fn as_str(self) -> &'static str {
        match self {
            Measure::Bp => "bp",
            Measure::Hr => "hr",
            Measure::Spo2 => "spo2",
        }
    }
}

/// A single number a limit or an alert applies to.
#[derive(Debug, Clone, Copy, PartialEq, Eq, PartialOrd, Ord, Hash, Serialize, Deserialize)]
#[serde(rename_all = "kebab-case")]
pub enum Metric {
    Systolic,
    Diastolic,
    Hr,
    Spo2,
}

impl Metric {
    pub const ALL: [Metric; 4] = [
        Metric::Systolic,
        Metric::Diastolic,
        Metric::Hr,
        Metric::Spo2,
    ];

    pub fn label(self) -> &'static str {
        match self {
            Metric::Systolic => "systolic BP",
            Metric::Diastolic => "diastolic BP",
            Metric::Hr => "heart rate",
            Metric::Spo2 => "SpO₂",
        }
    }

    pub fn unit(self) -> &'static str {
        match self {
            Metric::Systolic | Metric::Diastolic => "mmHg",
            Metric::Hr => "/min",
            Metric::Spo2 => "%",
        }
    }
}

/// Vital-sign monitoring.
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize)]
#[serde(deny_unknown_fields)]
pub struct Vitals {
    /// Window for the next vitals prompt during dosing.
    pub interval_minutes: Range<u32>,
    /// Window for prompts after the infusion has ended, when different.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub after_dosing_interval_minutes: Option<Range<u32>>,
    /// Measures asked for at each prompt.
    pub prompted: Vec<Measure>,
    /// Measures watched throughout.
    #[serde(default)]
    pub continuous: Vec<Measure>,
    pub source: String,
    /// Named limit sets used by gates (e.g. `baseline`, `discharge`).
    #[serde(default)]
    pub limits: BTreeMap<String, LimitSet>,
    #[serde(rename = "alert", default)]
    pub alerts: Vec<AlertRule>,
}

/// Limits for each metric; a missing metric is not checked.
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize)]
#[serde(deny_unknown_fields)]
pub struct LimitSet {
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub systolic: Option<Bound>,
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub diastolic: Option<Bound>,
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub hr: Option<Bound>,
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub spo2: Option<Bound>,
    pub source: String,
}

impl LimitSet {
    pub fn bound(&self, m: Metric) -> Option<&Bound> {
        match m {
            Metric::Systolic => self.systolic.as_ref(),
            Metric::Diastolic => self.diastolic.as_ref(),
            Metric::Hr => self.hr.as_ref(),
            Metric::Spo2 => self.spo2.as_ref(),
        }
    }
}

/// `{ min, max }` with either side optional; both inclusive.
#[derive(Debug, Clone, Copy, PartialEq, Serialize, Deserialize)]
#[serde(deny_unknown_fields)]
pub struct Bound {
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub min: Option<f64>,
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub max: Option<f64>,
}

impl Bound {
    pub fn contains(&self, v: f64) -> bool {
        self.min.is_none_or(|m| v >= m) && self.max.is_none_or(|m| v <= m)
    }
}

#[derive(Debug, Clone, Copy, PartialEq, Eq, PartialOrd, Ord, Serialize, Deserialize)]
#[serde(rename_all = "kebab-case")]
pub enum Severity {
    Advisory,
    Warning,
    Critical,
}

impl Severity {
    pub fn as_str(self) -> &'static str {
        match self {
            Severity::Advisory => "advisory",
            Severity::Warning => "warning",
            Severity::Critical => "critical",
        }
    }
}

/// A clinical alert threshold. Exactly one of `above` or `below`.
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize)]
#[serde(deny_unknown_fields)]
pub struct AlertRule {
    pub id: String,
    pub metric: Metric,
    /// Fires when the value is strictly above this.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub above: Option<f64>,
    /// Fires when the value is strictly below this.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub below: Option<f64>,
    pub severity: Severity,
    /// When set, a first reading past the limit asks for a repeat reading
    /// this many minutes later; only a repeat still past it raises the alert.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub confirm_after_minutes: Option<u32>,
    /// What the clinician should consider; shown verbatim on the alert.
    pub action: String,
    pub source: String,
}

impl AlertRule {
    pub fn breached_by(&self, v: f64) -> bool {
        self.above.is_some_and(|a| v > a) || self.below.is_some_and(|b| v < b)
    }
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

impl Protocol {
    /// The dose rule for a course session, if the session is in the course.
    pub fn dose_rule(&self, session: u32) -> Option<&DoseRule> {
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

    pub fn dosing_phase(&self) -> Option<&Phase> {
        self.phases.iter().find(|p| p.role == PhaseRole::Dosing)
    }
}
