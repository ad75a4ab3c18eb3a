//! The FHIR R4 datatypes kap's export uses, as typed structs. Empty and
//! absent fields are left out of the JSON, as FHIR asks (no empty arrays,
//! no nulls).

use serde::Serialize;
use serde_json::Number;

pub const UCUM: &str = "http://unitsofmeasure.org";

#[derive(Debug, Clone, PartialEq, Serialize)]
pub struct Coding {
    pub system: String,
    pub code: String,
    #[serde(skip_serializing_if = "Option::is_none")]
    pub display: Option<String>,
}

impl Coding {
    pub fn new(system: &str, code: &str, display: &str) -> Coding {
        Coding {
            system: system.into(),
            code: code.into(),
            display: Some(display.into()),
        }
    }
}

#[derive(Debug, Clone, Default, PartialEq, Serialize)]
pub struct CodeableConcept {
    #[serde(skip_serializing_if = "Vec::is_empty")]
    pub coding: Vec<Coding>,
    #[serde(skip_serializing_if = "Option::is_none")]
    pub text: Option<String>,
}

impl CodeableConcept {
    pub fn text(text: &str) -> CodeableConcept {
        CodeableConcept {
            coding: Vec::new(),
            text: Some(text.into()),
        }
    }

    pub fn coded(coding: Vec<Coding>, text: Option<&str>) -> CodeableConcept {
        CodeableConcept {
            coding,
            text: text.map(Into::into),
        }
    }
}

/// An extension and its value.
#[derive(Debug, Clone, PartialEq, Serialize)]
pub struct Extension {
    pub url: String,
    #[serde(flatten)]
    pub value: ExtensionValue,
}

/// An extension's `value[x]`.
#[derive(Debug, Clone, PartialEq, Serialize)]
pub enum ExtensionValue {
    #[serde(rename = "valueCodeableConcept")]
    CodeableConcept(CodeableConcept),
    #[serde(rename = "valuePositiveInt")]
    PositiveInt(u32),
    #[serde(rename = "valueDateTime")]
    DateTime(String),
    #[serde(rename = "valueReference")]
    Reference(Reference),
}

/// A FHIR decimal kept as JSON writes it: a whole reading stays `122`,
/// a computed dose stays `25.5`.
pub fn decimal(x: f64) -> Number {
    Number::from_f64(x).unwrap_or_else(|| Number::from(0))
}

#[derive(Debug, Clone, Default, PartialEq, Serialize)]
pub struct Quantity {
    #[serde(skip_serializing_if = "Option::is_none")]
    pub value: Option<Number>,
    #[serde(skip_serializing_if = "Option::is_none")]
    pub unit: Option<String>,
    #[serde(skip_serializing_if = "Option::is_none")]
    pub system: Option<String>,
    #[serde(skip_serializing_if = "Option::is_none")]
    pub code: Option<String>,
}

impl Quantity {
    /// A quantity in UCUM: `unit` as people read it, `code` as UCUM
    /// writes it.
    pub fn ucum(value: Number, unit: &str, code: &str) -> Quantity {
        Quantity {
            value: Some(value),
            unit: Some(unit.into()),
            system: Some(UCUM.into()),
            code: Some(code.into()),
        }
    }

    /// A quantity with a unit as the protocol writes it; in UCUM too when
    /// the unit is one kap knows is valid UCUM as written.
    pub fn with_unit(value: Number, unit: Option<&str>) -> Quantity {
        const UCUM_AS_WRITTEN: [&str; 8] = ["mg", "mL", "mg/mL", "mg/kg", "kg", "min", "h", "%"];
        match unit {
            Some(u) if UCUM_AS_WRITTEN.contains(&u) => Quantity::ucum(value, u, u),
            Some(u) => Quantity {
                value: Some(value),
                unit: Some(u.into()),
                ..Quantity::default()
            },
            None => Quantity {
                value: Some(value),
                ..Quantity::default()
            },
        }
    }
}

#[derive(Debug, Clone, PartialEq, Serialize)]
pub struct Ratio {
    pub numerator: Quantity,
    pub denominator: Quantity,
}

#[derive(Debug, Clone, Default, PartialEq, Serialize)]
pub struct Reference {
    /// Empty for a logical reference (by identifier) or one by name only.
    #[serde(skip_serializing_if = "String::is_empty")]
    pub reference: String,
    #[serde(skip_serializing_if = "Option::is_none")]
    pub identifier: Option<Identifier>,
    #[serde(skip_serializing_if = "Option::is_none")]
    pub display: Option<String>,
}

impl Reference {
    pub fn to(reference: &str, display: Option<&str>) -> Reference {
        Reference {
            reference: reference.into(),
            identifier: None,
            display: display.map(Into::into),
        }
    }

    /// A reference to something that is not a resource in the Bundle,
    /// named by its identifier (a logical reference) and in words.
    pub fn logical(identifier: Option<Identifier>, display: &str) -> Reference {
        Reference {
            reference: String::new(),
            identifier,
            display: Some(display.into()),
        }
    }
}

#[derive(Debug, Clone, PartialEq, Serialize)]
pub struct Identifier {
    pub system: String,
    pub value: String,
}

#[derive(Debug, Clone, Default, PartialEq, Serialize)]
pub struct Meta {
    #[serde(skip_serializing_if = "Vec::is_empty")]
    pub profile: Vec<String>,
    #[serde(skip_serializing_if = "Vec::is_empty")]
    pub security: Vec<Coding>,
    #[serde(skip_serializing_if = "Vec::is_empty")]
    pub tag: Vec<Coding>,
}

/// A note: its text, and when it was made and by whom when that is known.
#[derive(Debug, Clone, PartialEq, Serialize)]
#[serde(rename_all = "camelCase")]
pub struct Annotation {
    #[serde(skip_serializing_if = "Option::is_none")]
    pub author_reference: Option<Reference>,
    #[serde(skip_serializing_if = "Option::is_none")]
    pub time: Option<String>,
    pub text: String,
}

impl Annotation {
    pub fn text(text: String) -> Annotation {
        Annotation {
            author_reference: None,
            time: None,
            text,
        }
    }

    pub fn at(time: String, text: String) -> Annotation {
        Annotation {
            author_reference: None,
            time: Some(time),
            text,
        }
    }
}

#[derive(Debug, Clone, Default, PartialEq, Serialize)]
pub struct Period {
    #[serde(skip_serializing_if = "Option::is_none")]
    pub start: Option<String>,
    #[serde(skip_serializing_if = "Option::is_none")]
    pub end: Option<String>,
}

#[derive(Debug, Clone, PartialEq, Serialize)]
pub struct HumanName {
    pub text: String,
}
