//! Outcome measures: the rating scales a course gives the patient
//! (`[[instrument]]`, shipped in `instruments/` or written in a protocol
//! file by a site licensed for one) and `[[course.measure]]`, which names
//! the course's measures, when each is given and what counts as response
//! and remission. kap holds no item, choice, band or criterion of its
//! own: every one comes from the file, with its source.

use super::PhaseRole;
use serde::{Deserialize, Serialize};
use std::collections::BTreeMap;

/// Text in each language kap speaks, by tag (`en`, `fr-CA`, `pt-BR`);
/// `en` is required, the others fall back to it.
pub type Words = BTreeMap<String, String>;

/// `words` in `lang`, else English, else any.
pub fn words_in<'a>(words: &'a Words, lang: &str) -> &'a str {
    words
        .get(lang)
        .or_else(|| words.get("en"))
        .or_else(|| words.values().next())
        .map_or("", String::as_str)
}

/// A rating scale: its items, the choices each is answered with, how it
/// is scored and its severity bands.
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize)]
#[serde(deny_unknown_fields)]
pub struct Instrument {
    /// Short machine id (`phq9`), as `[[course.measure]]` names it.
    pub id: String,
    /// Its name as a clinician knows it (`PHQ-9`).
    pub name: String,
    /// The version of this definition; journals record it.
    pub version: String,
    /// The terms under which the file may be shipped and used, quoted.
    pub licence: String,
    /// The publication its items, scoring and bands come from.
    pub source: String,
    /// Where each translation's wording comes from, and whether a site
    /// must review it.
    #[serde(default, skip_serializing_if = "Words::is_empty")]
    pub translations: Words,
    /// The patient answers it themselves (the self-report screen).
    #[serde(default = "yes")]
    pub self_report: bool,
    /// The question every item answers ("Over the last 2 weeks…").
    pub stem: Words,
    /// The answers every item offers, in order.
    #[serde(rename = "choice")]
    pub choices: Vec<Choice>,
    #[serde(rename = "item")]
    pub items: Vec<Item>,
    pub scoring: TotalScoring,
    /// Severity bands of the total, covering every total exactly once.
    #[serde(rename = "band", default)]
    pub bands: Vec<Band>,
    /// The LOINC code of the total, for the FHIR export.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub loinc_total: Option<String>,
    /// That code's LOINC display name.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub loinc_total_display: Option<String>,
}

fn yes() -> bool {
    true
}

/// One answer an item offers, and what it scores.
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize)]
#[serde(deny_unknown_fields)]
pub struct Choice {
    pub value: u32,
    pub text: Words,
}

#[derive(Debug, Clone, PartialEq, Serialize, Deserialize)]
#[serde(deny_unknown_fields)]
pub struct Item {
    pub id: String,
    pub text: Words,
    /// Any answer above the lowest is named to the clinician when the
    /// self-report screen hands back (a question of safety, such as
    /// thoughts of self-harm).
    #[serde(default, skip_serializing_if = "std::ops::Not::not")]
    pub flag: bool,
}

#[derive(Debug, Clone, Copy, PartialEq, Eq, Serialize, Deserialize)]
#[serde(rename_all = "kebab-case")]
pub enum TotalMethod {
    /// The item values added up.
    Sum,
}

#[derive(Debug, Clone, PartialEq, Serialize, Deserialize)]
#[serde(deny_unknown_fields)]
pub struct TotalScoring {
    pub method: TotalMethod,
    /// Items scored the other way round (lowest choice scores highest).
    #[serde(default, skip_serializing_if = "Vec::is_empty")]
    pub reversed: Vec<String>,
    pub source: String,
}

/// A severity band: totals `min` to `max`, inclusive.
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize)]
#[serde(deny_unknown_fields)]
pub struct Band {
    pub min: u32,
    pub max: u32,
    pub label: Words,
}

/// A measure of the course: which instrument, when it is given, and what
/// counts as response and remission.
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize)]
#[serde(deny_unknown_fields)]
pub struct CourseMeasure {
    /// An instrument's id: one of the protocol file's `[[instrument]]`,
    /// else one kap ships (`instruments/`).
    pub instrument: String,
    /// When it is given.
    pub when: Vec<GivenAt>,
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub response: Option<Response>,
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub remission: Option<Remission>,
    pub source: String,
}

/// A phase in which the measure is given, in every session or in some.
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize)]
#[serde(deny_unknown_fields)]
pub struct GivenAt {
    /// The role of the phase (`check-in`: before the dose; `discharge`:
    /// after it; `integration`).
    pub phase: PhaseRole,
    /// Only in these sessions (every session when absent).
    #[serde(default, skip_serializing_if = "Vec::is_empty")]
    pub sessions: Vec<u32>,
}

/// Response: the total fell by more than this percentage of the baseline.
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize)]
#[serde(deny_unknown_fields)]
pub struct Response {
    pub reduction_over_percent: u32,
    pub source: String,
}

/// Remission: the total is below this.
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize)]
#[serde(deny_unknown_fields)]
pub struct Remission {
    pub below: u32,
    pub source: String,
}

impl Instrument {
    /// The lowest and highest score an item can have.
    pub fn item_range(&self) -> (u32, u32) {
        let lo = self.choices.iter().map(|c| c.value).min().unwrap_or(0);
        let hi = self.choices.iter().map(|c| c.value).max().unwrap_or(0);
        (lo, hi)
    }

    /// The lowest and highest total.
    pub fn total_range(&self) -> (u32, u32) {
        let (lo, hi) = self.item_range();
        let n = u32::try_from(self.items.len()).unwrap_or(u32::MAX);
        (lo.saturating_mul(n), hi.saturating_mul(n))
    }
}

impl CourseMeasure {
    /// Whether it is given in a phase of this role in session `session`.
    pub fn given(&self, role: PhaseRole, session: u32) -> bool {
        self.when
            .iter()
            .any(|w| w.phase == role && (w.sessions.is_empty() || w.sessions.contains(&session)))
    }
}
