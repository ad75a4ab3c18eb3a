//! The site's formulary of rescue and as-needed medication: what may be
//! given during a session besides ketamine, by which routes, the usual and
//! the most single dose, how many doses a session may take, and when the
//! effect is checked again. Every figure is the site's: the papers name
//! only the need (medication for nausea, calming medication agreed in
//! preparation), never a drug or a dose.

use super::CodeRef;
use serde::{Deserialize, Serialize};

/// One drug of the formulary (`[[formulary]]`).
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize)]
#[serde(deny_unknown_fields)]
pub struct Drug {
    /// Unique id (`ondansetron`): what the journal stores.
    pub id: String,
    /// The name shown and exported (`Ondansetron`).
    pub name: String,
    /// The unit a dose is given in (`mg`, `mcg`).
    pub unit: String,
    /// The routes it may be given by.
    pub routes: Vec<MedRoute>,
    /// The dose the dialog offers.
    pub usual_dose: f64,
    /// The most one dose may be without a recorded reason.
    pub max_dose: f64,
    /// The most doses in one session without a recorded reason.
    pub max_doses: u32,
    /// What it is given for, in the file's words (`Nausea`).
    pub indications: Vec<String>,
    /// Minutes after a dose when its effect is checked again.
    pub recheck_minutes: u32,
    /// A standard code (RxNorm, ATC) for the FHIR export.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub code: Option<CodeRef>,
    pub source: String,
}

/// How a rescue drug is given.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash, Serialize, Deserialize)]
#[serde(rename_all = "lowercase")]
pub enum MedRoute {
    Iv,
    Im,
    Sc,
    Po,
    Sl,
    In,
    Pr,
}

impl MedRoute {
    pub const ALL: [MedRoute; 7] = [
        MedRoute::Iv,
        MedRoute::Im,
        MedRoute::Sc,
        MedRoute::Po,
        MedRoute::Sl,
        MedRoute::In,
        MedRoute::Pr,
    ];

    /// The id as the file and the journal write it.
    pub fn as_str(self) -> &'static str {
        match self {
            MedRoute::Iv => "iv",
            MedRoute::Im => "im",
            MedRoute::Sc => "sc",
            MedRoute::Po => "po",
            MedRoute::Sl => "sl",
            MedRoute::In => "in",
            MedRoute::Pr => "pr",
        }
    }

    /// A typed route: its id, any case (`IV`, `po`).
    pub fn parse(s: &str) -> Option<MedRoute> {
        let s = s.trim().to_ascii_lowercase();
        MedRoute::ALL.into_iter().find(|r| r.as_str() == s)
    }

    /// The route in words, in the language given.
    pub fn label(self) -> crate::i18n::Phrase {
        crate::i18n::Phrase::msg(match self {
            MedRoute::Iv => "med-route-iv",
            MedRoute::Im => "med-route-im",
            MedRoute::Sc => "med-route-sc",
            MedRoute::Po => "med-route-po",
            MedRoute::Sl => "med-route-sl",
            MedRoute::In => "med-route-in",
            MedRoute::Pr => "med-route-pr",
        })
    }

    /// The SNOMED CT route code and its display, for FHIR.
    pub fn snomed(self) -> (&'static str, &'static str) {
        match self {
            MedRoute::Iv => ("47625008", "Intravenous route"),
            MedRoute::Im => ("78421000", "Intramuscular route"),
            MedRoute::Sc => ("34206005", "Subcutaneous route"),
            MedRoute::Po => ("26643006", "Oral route"),
            MedRoute::Sl => ("37839007", "Sublingual route"),
            MedRoute::In => ("46713006", "Nasal route"),
            MedRoute::Pr => ("37161004", "Rectal route"),
        }
    }
}

impl super::Protocol {
    /// The formulary's drug with this id.
    pub fn drug(&self, id: &str) -> Option<&Drug> {
        self.formulary.iter().find(|d| d.id == id)
    }

    /// A formulary drug's name as the protocol gives it, or its id when
    /// the protocol lists no such drug (a record read under another
    /// version).
    pub fn drug_name(&self, id: &str) -> String {
        self.drug(id)
            .map_or_else(|| id.to_string(), |d| d.name.clone())
    }
}
