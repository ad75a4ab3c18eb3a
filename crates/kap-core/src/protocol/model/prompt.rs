//! Prompts: their kinds, rating scales, timed measures, codes and gates.

use super::*;

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
    /// Only asked in maintenance sessions (those after the course, when the
    /// protocol has `[course.maintenance]`).
    #[serde(default, skip_serializing_if = "std::ops::Not::not")]
    pub maintenance: bool,
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
    /// The agreement this prompt's answer records (touch, what to do if
    /// distressed, guiding, eyeshades): kept in view during the dose.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub agreement: Option<Agreement>,
    /// For an agreement's choice: the note tags an answer rules out
    /// (`[{ choice = 1, tags = ["touch"] }]`: the first choice, "no
    /// touch", rules out a supportive-touch note, which then asks for a
    /// reason). By position, so a translation keeps the same rules.
    #[serde(default, skip_serializing_if = "Vec::is_empty")]
    pub rules_out: Vec<RuleOut>,
    /// For the `medication` agreement's multi-choice: the formulary drug
    /// each choice names, by position (`["ondansetron", "midazolam"]`).
    #[serde(default, skip_serializing_if = "Vec::is_empty")]
    pub drugs: Vec<String>,
    /// For a choice or multi-choice: a standard code for a choice, by its
    /// position (`[{ choice = 1, system = "http://snomed.info/sct", code =
    /// "422587007", display = "Nausea" }]`), so exports carry it beside
    /// the words and a translation keeps the same codes.
    #[serde(default, skip_serializing_if = "Vec::is_empty")]
    pub choice_codes: Vec<ChoiceCode>,
    /// For a `check` of a dosing phase: the kind of visit (`[[visit]]`)
    /// whose record is the evidence for it (`"assessment"`). The visit
    /// found in the course is shown beside the prompt and recorded with
    /// the tick; the tick still satisfies any gate.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub evidence_visit: Option<String>,
}

/// The standard code of one choice.
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize)]
#[serde(deny_unknown_fields)]
pub struct ChoiceCode {
    /// The choice, counted from 1.
    pub choice: usize,
    pub system: String,
    pub code: String,
    pub display: String,
}

/// What one choice of an agreement rules out.
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize)]
pub struct RuleOut {
    /// The choice, counted from 1.
    pub choice: usize,
    /// Note tags (`NOTE_TAGS`) recorded only with a reason after it.
    pub tags: Vec<String>,
}

/// What an agreement made before the dose is about. The words (and the
/// choices) are the protocol's; kap only knows which is which, to keep
/// them in view and to notice an entry that goes beyond them.
#[derive(Debug, Clone, Copy, PartialEq, Eq, PartialOrd, Ord, Hash, Serialize, Deserialize)]
#[serde(rename_all = "kebab-case")]
pub enum Agreement {
    /// Supportive touch: none, which, or only when asked.
    Touch,
    /// What to do if the patient is distressed: words, touch, medication.
    Distress,
    /// How much guiding the patient wants.
    Guiding,
    /// Eyeshades wanted or not.
    Eyeshades,
    /// Which rescue drugs of the formulary the patient agreed to
    /// (a multi-choice whose choices name drugs, `drugs`).
    Medication,
    /// At most how many doses of each agreed rescue drug (a number).
    MedicationDoses,
}

impl Agreement {
    pub const ALL: [Agreement; 6] = [
        Agreement::Touch,
        Agreement::Distress,
        Agreement::Guiding,
        Agreement::Eyeshades,
        Agreement::Medication,
        Agreement::MedicationDoses,
    ];

    pub fn as_str(self) -> &'static str {
        match self {
            Agreement::Touch => "touch",
            Agreement::Distress => "distress",
            Agreement::Guiding => "guiding",
            Agreement::Eyeshades => "eyeshades",
            Agreement::Medication => "medication",
            Agreement::MedicationDoses => "medication-doses",
        }
    }
}

impl Prompt {
    /// The standard code of the choice worded `text`, if the protocol
    /// gives one.
    pub fn choice_code(&self, text: &str) -> Option<&ChoiceCode> {
        let n = self.choices.iter().position(|c| c == text)? + 1;
        self.choice_codes.iter().find(|c| c.choice == n)
    }

    /// Whether session `session` of a course of `course_sessions` asks it.
    pub fn applies_to(&self, session: u32, course_sessions: u32) -> bool {
        if self.maintenance {
            return session > course_sessions;
        }
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

/// A condition that holds a phase. Exactly one of `prompt`, `vitals` or
/// `score`.
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
    /// A scored rating scale (`kind = "scale"` with `scoring`) whose latest
    /// score must reach `min_score`: a recovery score at discharge, say.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub score: Option<String>,
    /// For `score`: the lowest score that lets the phase go on.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub min_score: Option<f64>,
    /// For `vitals` or `score`: the reading or rating must be no older
    /// than this.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub within_minutes: Option<u32>,
    /// Shown when the gate holds the phase.
    pub reason: String,
}
