//! Vital signs: what is measured, the limits and the alert rules.

use super::*;

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

    /// The measure in words, in the language given.
    pub fn label(self) -> crate::i18n::Phrase {
        crate::i18n::Phrase::msg(match self {
            Metric::Systolic => "metric-systolic",
            Metric::Diastolic => "metric-diastolic",
            Metric::Hr => "metric-hr",
            Metric::Spo2 => "metric-spo2",
        })
    }

    /// The key that names the metric in protocol and scenario files.
    pub fn key(self) -> &'static str {
        match self {
            Metric::Systolic => "systolic",
            Metric::Diastolic => "diastolic",
            Metric::Hr => "hr",
            Metric::Spo2 => "spo2",
        }
    }

    pub fn unit(self) -> &'static str {
        match self {
            Metric::Systolic | Metric::Diastolic => "mmHg",
            Metric::Hr => "/min",
            Metric::Spo2 => "%",
        }
    }

    /// A value with its unit, as the vitals table writes it: `89%`,
    /// `210 mmHg` (the screen's wrapping keeps a number with its unit).
    pub fn with_unit(self, value: impl std::fmt::Display) -> String {
        match self {
            Metric::Spo2 => format!("{value}%"),
            _ => format!("{value} {}", self.unit()),
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
    /// How alarms behave once raised: reminders, escalation, audio pause.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub alarms: Option<AlarmSettings>,
}

/// The site's alarm timings (IEC 60601-1-8 practice). Without them an
/// alarm is raised and waits for acknowledgement, nothing more.
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize)]
#[serde(deny_unknown_fields)]
pub struct AlarmSettings {
    /// An acknowledged alarm whose condition persists is announced again
    /// this long after its acknowledgement.
    pub reminder_minutes: u32,
    pub high: PriorityTiming,
    pub medium: PriorityTiming,
    pub low: PriorityTiming,
    pub source: String,
}

/// Timings for one priority.
#[derive(Debug, Clone, Copy, PartialEq, Serialize, Deserialize)]
#[serde(deny_unknown_fields)]
pub struct PriorityTiming {
    /// Not acknowledged this long after it was raised: the alarm escalates
    /// (emphasis, then its sound repeats, for high priority even with
    /// chimes off).
    pub escalate_after_minutes: u32,
    /// The longest the clinician may pause its sound.
    pub audio_pause_max_minutes: u32,
}

impl AlarmSettings {
    pub fn timing(&self, p: Priority) -> PriorityTiming {
        match p {
            Priority::High => self.high,
            Priority::Medium => self.medium,
            Priority::Low => self.low,
        }
    }
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

/// An alarm condition's priority, in the words of IEC 60601-1-8: how
/// urgently the clinician must respond. Ordered low < medium < high. The
/// words kap used before (`advisory`, `warning`, `critical`) are read as
/// low, medium and high.
#[derive(Debug, Clone, Copy, PartialEq, Eq, PartialOrd, Ord, Hash, Serialize, Deserialize)]
#[serde(rename_all = "kebab-case")]
pub enum Priority {
    #[serde(alias = "advisory")]
    Low,
    #[serde(alias = "warning")]
    Medium,
    #[serde(alias = "critical")]
    High,
}

impl Priority {
    pub const ALL: [Priority; 3] = [Priority::High, Priority::Medium, Priority::Low];

    pub fn as_str(self) -> &'static str {
        match self {
            Priority::Low => "low",
            Priority::Medium => "medium",
            Priority::High => "high",
        }
    }

    /// The mark shown beside the word, so a priority is never told by
    /// colour alone: `!!!`, `!!`, `!`.
    pub fn mark(self) -> &'static str {
        match self {
            Priority::Low => "!",
            Priority::Medium => "!!",
            Priority::High => "!!!",
        }
    }

    /// "high" and so on, in the language given (for prose).
    pub fn word(self) -> crate::i18n::Phrase {
        crate::i18n::Phrase::msg(match self {
            Priority::Low => "priority-word-low",
            Priority::Medium => "priority-word-medium",
            Priority::High => "priority-word-high",
        })
    }

    /// "!!! HIGH" and so on, in the language given.
    pub fn label(self) -> crate::i18n::Phrase {
        let word = crate::i18n::Phrase::msg(match self {
            Priority::Low => "priority-low",
            Priority::Medium => "priority-medium",
            Priority::High => "priority-high",
        });
        crate::i18n::Phrase::Seq(vec![format!("{} ", self.mark()).into(), word])
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
    #[serde(alias = "severity")]
    pub priority: Priority,
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
