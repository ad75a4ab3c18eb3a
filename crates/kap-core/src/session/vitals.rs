//! Vital-sign quick entry: `128/82 76 97` (BP, HR, SpO₂ in that order) or
//! labelled parts in any order (`hr 80`, `spo2 95`, `bp 130/85`, `sat 97%`).
//!
//! Plausibility is checked here, against what a human body can show
//! ([`crate::protocol::plausible`]); an implausible entry is refused with the
//! reason and never stored. Whether a plausible value is *alarming* is the
//! protocol's business, judged later by the alert rules.

use crate::i18n::Phrase;
use crate::protocol::Metric;
use crate::protocol::plausible::vital_range;
use serde::{Deserialize, Serialize};

/// One set of readings taken together. Blood pressure is both or neither.
#[derive(Debug, Clone, Copy, Default, PartialEq, Eq, Serialize, Deserialize)]
pub struct Reading {
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub systolic: Option<u16>,
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub diastolic: Option<u16>,
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub hr: Option<u16>,
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub spo2: Option<u16>,
}

impl Reading {
    pub fn get(&self, m: Metric) -> Option<u16> {
        match m {
            Metric::Systolic => self.systolic,
            Metric::Diastolic => self.diastolic,
            Metric::Hr => self.hr,
            Metric::Spo2 => self.spo2,
        }
    }

    pub fn has_bp(&self) -> bool {
        self.systolic.is_some() && self.diastolic.is_some()
    }

    pub fn is_empty(&self) -> bool {
        self.systolic.is_none()
            && self.diastolic.is_none()
            && self.hr.is_none()
            && self.spo2.is_none()
    }

    /// Values present, in metric order.
    pub fn values(&self) -> impl Iterator<Item = (Metric, u16)> + '_ {
        Metric::ALL
            .into_iter()
            .filter_map(|m| self.get(m).map(|v| (m, v)))
    }

    /// Check a reading built by hand (or read from a journal) the same way
    /// the parser checks typed ones.
    pub fn check(&self) -> Result<(), VitalsError> {
        if self.is_empty() {
            return Err(VitalsError::Empty);
        }
        if self.systolic.is_some() != self.diastolic.is_some() {
            return Err(VitalsError::HalfBp);
        }
        for (m, v) in self.values() {
            let (lo, hi) = vital_range(m);
            if f64::from(v) < lo || f64::from(v) > hi {
                return Err(VitalsError::Implausible {
                    metric: m,
                    value: v,
                    lo: lo as u16,
                    hi: hi as u16,
                });
            }
        }
        if let (Some(s), Some(d)) = (self.systolic, self.diastolic)
            && d >= s
        {
            return Err(VitalsError::DiastolicNotBelow {
                systolic: s,
                diastolic: d,
            });
        }
        Ok(())
    }
}

impl Reading {
    /// "BP 120/80  HR 70  SpO₂ 98%", the labels in the language it is said
    /// in.
    pub fn words(&self) -> Phrase {
        let mut parts = Vec::new();
        if let (Some(s), Some(d)) = (self.systolic, self.diastolic) {
            parts.push(Phrase::Seq(vec![
                crate::phrase!("table-bp"),
                format!(" {s}/{d}").into(),
            ]));
        }
        if let Some(h) = self.hr {
            parts.push(Phrase::Seq(vec![
                crate::phrase!("table-hr"),
                format!(" {h}").into(),
            ]));
        }
        if let Some(o) = self.spo2 {
            parts.push(format!("SpO₂ {o}%").into());
        }
        Phrase::join(parts, "  ")
    }
}

/// Why an entry was refused. The text is shown to the clinician as is.
#[derive(Debug, Clone, PartialEq, Eq)]
pub enum VitalsError {
    Empty,
    NotUnderstood(String),
    Unlabelled(String),
    /// Which measure: `bp`, `hr` or `spo2`.
    Twice(&'static str),
    HalfBp,
    Implausible {
        metric: Metric,
        value: u16,
        lo: u16,
        hi: u16,
    },
    DiastolicNotBelow {
        systolic: u16,
        diastolic: u16,
    },
}

impl VitalsError {
    /// What it says, for whoever shows it.
    pub fn phrase(&self) -> Phrase {
        match self {
            VitalsError::Empty => crate::phrase!("vitals-empty"),
            VitalsError::NotUnderstood(t) => {
                crate::phrase!("vitals-not-understood", typed = t.as_str())
            }
            VitalsError::Unlabelled(t) => crate::phrase!("vitals-unlabelled", typed = t.as_str()),
            VitalsError::Twice(what) => crate::phrase!("vitals-twice", what = *what),
            VitalsError::HalfBp => crate::phrase!("vitals-half-bp"),
            VitalsError::Implausible {
                metric,
                value,
                lo,
                hi,
            } => crate::phrase!(
                "vitals-implausible",
                measure = metric.label(),
                value = value.to_string(),
                unit = metric.unit(),
                min = lo.to_string(),
                max = hi.to_string()
            ),
            VitalsError::DiastolicNotBelow {
                systolic,
                diastolic,
            } => crate::phrase!("vitals-diastolic", bp = format!("{systolic}/{diastolic}")),
        }
    }
}

#[derive(Clone, Copy, PartialEq)]
enum Label {
    Bp,
    Hr,
    Spo2,
}

/// Every label word, longest first so `spo2` is tried before `p`. The
/// French and Portuguese abbreviations (TA, PA; FC) are read as well.
const LABELS: [&str; 15] = [
    "pulse", "nibp", "spo2", "sao2", "spo₂", "sats", "sat", "hr", "pr", "bp", "ta", "pa", "fc",
    "o2", "p",
];

fn label_of(word: &str) -> Option<Label> {
    match word {
        "bp" | "nibp" | "ta" | "pa" => Some(Label::Bp),
        "hr" | "p" | "pulse" | "pr" | "fc" => Some(Label::Hr),
        "spo2" | "sao2" | "sat" | "sats" | "o2" | "spo₂" => Some(Label::Spo2),
        _ => None,
    }
}

/// Whether a line reads as a labelled reading (`ta 150/95 fc 80 spo2 97`,
/// `hr 80`, `spo2=95`): its first word is a vitals label, in any of the
/// languages' forms, and the whole line parses.
pub fn is_labelled_reading(line: &str) -> bool {
    let lower = line.trim().to_lowercase();
    let first = lower
        .split(|c: char| c.is_whitespace() || c == '=' || c == ':' || c.is_ascii_digit())
        .next()
        .unwrap_or("");
    label_of(first).is_some() && parse(line).is_ok()
}

/// Parse a quick-entry line into a checked reading.
pub fn parse(input: &str) -> Result<Reading, VitalsError> {
    let lower = input.trim().to_lowercase();
    // `hr=80`, `spo2:95`, `hr80` → separate label and value.
    let mut tokens: Vec<String> = Vec::new();
    for raw in lower.split(|c: char| c.is_whitespace() || c == ',' || c == ';') {
        let raw = raw.trim_matches(|c| c == '=' || c == ':');
        if raw.is_empty() {
            continue;
        }
        if let Some((a, b)) = raw.split_once(['=', ':']) {
            tokens.push(a.to_string());
            tokens.push(b.to_string());
            continue;
        }
        // A label glued to its number: `hr80`, `spo297`, `bp128/82`.
        let glued = LABELS.iter().find(|l| {
            raw.strip_prefix(**l)
                .is_some_and(|rest| rest.starts_with(|c: char| c.is_ascii_digit()))
        });
        match glued {
            Some(l) => {
                tokens.push(l.to_string());
                tokens.push(raw[l.len()..].to_string());
            }
            None => tokens.push(raw.to_string()),
        }
    }
    if tokens.is_empty() {
        return Err(VitalsError::Empty);
    }

    let mut r = Reading::default();
    let mut positional = 0usize; // after a leading BP: next is HR, then SpO₂
    let mut saw_bp_first = false;
    let mut i = 0;
    while i < tokens.len() {
        let tok = tokens[i].as_str();
        let (label, value) = if let Some(l) = label_of(tok) {
            let Some(v) = tokens.get(i + 1) else {
                return Err(VitalsError::NotUnderstood(tok.to_string()));
            };
            i += 2;
            (Some(l), v.as_str())
        } else {
            i += 1;
            (None, tok)
        };
        let label = match label {
            Some(l) => l,
            None if value.contains('/') => {
                if i == 1 {
                    saw_bp_first = true;
                }
                Label::Bp
            }
            None if saw_bp_first => {
                positional += 1;
                match positional {
                    1 => Label::Hr,
                    2 => Label::Spo2,
                    _ => return Err(VitalsError::NotUnderstood(value.to_string())),
                }
            }
            None => return Err(VitalsError::Unlabelled(value.to_string())),
        };
        match label {
            Label::Bp => {
                if r.systolic.is_some() {
                    return Err(VitalsError::Twice("bp"));
                }
                let (s, d) = value
                    .split_once('/')
                    .ok_or_else(|| VitalsError::NotUnderstood(value.to_string()))?;
                r.systolic = Some(number(s, value)?);
                r.diastolic = Some(number(d, value)?);
            }
            Label::Hr => {
                if r.hr.is_some() {
                    return Err(VitalsError::Twice("hr"));
                }
                r.hr = Some(number(value, value)?);
            }
            Label::Spo2 => {
                if r.spo2.is_some() {
                    return Err(VitalsError::Twice("spo2"));
                }
                r.spo2 = Some(number(value.trim_end_matches('%'), value)?);
            }
        }
    }
    r.check()?;
    Ok(r)
}

/// A whole non-negative number; anything else is not understood. Values too
/// large for u16 are still numbers, reported as implausible by `check`.
fn number(s: &str, whole: &str) -> Result<u16, VitalsError> {
    if s.is_empty() || !s.chars().all(|c| c.is_ascii_digit()) {
        return Err(VitalsError::NotUnderstood(whole.to_string()));
    }
    Ok(s.parse::<u16>().unwrap_or(u16::MAX))
}

#[cfg(test)]
mod tests {
    use super::*;

    fn r(s: Option<u16>, d: Option<u16>, hr: Option<u16>, o: Option<u16>) -> Reading {
        Reading {
            systolic: s,
            diastolic: d,
            hr,
            spo2: o,
        }
    }

    #[test]
    fn accepted_forms() {
        let full = r(Some(128), Some(82), Some(76), Some(97));
        for s in [
            "128/82 76 97",
            "  128/82   76  97 ",
            "bp 128/82 hr 76 spo2 97",
            "hr 76 bp 128/82 sat 97%",
            "128/82, 76, 97%",
            "BP=128/82 HR=76 SpO2=97",
            "hr76 spo297 bp128/82",
            "128/82 pulse 76 sats 97",
        ] {
            assert_eq!(parse(s), Ok(full), "{s}");
        }
        assert_eq!(parse("128/82"), Ok(r(Some(128), Some(82), None, None)));
        assert_eq!(parse("bp 130/85"), Ok(r(Some(130), Some(85), None, None)));
        assert_eq!(
            parse("128/82 76"),
            Ok(r(Some(128), Some(82), Some(76), None))
        );
        assert_eq!(parse("hr 80"), Ok(r(None, None, Some(80), None)));
        assert_eq!(parse("spo2 95"), Ok(r(None, None, None, Some(95))));
        assert_eq!(
            parse("hr 80 spo2 95"),
            Ok(r(None, None, Some(80), Some(95)))
        );
        // Plausible but alarming values are accepted: the protocol judges them.
        assert_eq!(
            parse("210/125 130 88"),
            Ok(r(Some(210), Some(125), Some(130), Some(88)))
        );
    }

    #[test]
    fn refused_forms_say_why() {
        let cases = [
            ("", "nothing entered — e.g. 128/82 76 97 or hr 80"),
            (
                "1200/80",
                "systolic BP 1200 mmHg is not plausible (expected 50–300) — check the entry",
            ),
            (
                "120/180",
                "blood pressure 120/180: the diastolic must be below the systolic — check the order",
            ),
            (
                "250/210",
                "diastolic BP 210 mmHg is not plausible (expected 20–200) — check the entry",
            ),
            (
                "120/130",
                "blood pressure 120/130: the diastolic must be below the systolic — check the order",
            ),
            (
                "hr 400",
                "heart rate 400 /min is not plausible (expected 20–250) — check the entry",
            ),
            (
                "spo2 101",
                "SpO₂ 101 % is not plausible (expected 50–100) — check the entry",
            ),
            (
                "spo2 12",
                "SpO₂ 12 % is not plausible (expected 50–100) — check the entry",
            ),
            (
                "abc",
                "\"abc\": numbers without a label must follow a blood pressure (128/82 76 97); otherwise write hr 76 or spo2 97",
            ),
            (
                "120 80",
                "\"120\": numbers without a label must follow a blood pressure (128/82 76 97); otherwise write hr 76 or spo2 97",
            ),
            (
                "hr",
                "\"hr\" is not understood — e.g. 128/82 76 97, bp 130/85, hr 80, spo2 95",
            ),
            (
                "hr 7.5",
                "\"7.5\" is not understood — e.g. 128/82 76 97, bp 130/85, hr 80, spo2 95",
            ),
            (
                "bp 120",
                "\"120\" is not understood — e.g. 128/82 76 97, bp 130/85, hr 80, spo2 95",
            ),
            (
                "128/82 76 97 12",
                "\"12\" is not understood — e.g. 128/82 76 97, bp 130/85, hr 80, spo2 95",
            ),
            ("hr 80 hr 81", "heart rate is entered twice"),
            ("120/80 bp 121/80", "blood pressure is entered twice"),
            (
                "120/",
                "\"120/\" is not understood — e.g. 128/82 76 97, bp 130/85, hr 80, spo2 95",
            ),
            (
                "-120/80",
                "\"-120/80\" is not understood — e.g. 128/82 76 97, bp 130/85, hr 80, spo2 95",
            ),
            (
                "99999999999/80",
                "systolic BP 65535 mmHg is not plausible (expected 50–300) — check the entry",
            ),
        ];
        for (input, msg) in cases {
            match parse(input) {
                Ok(r) => panic!("{input:?} was accepted as {r:?}"),
                Err(e) => assert_eq!(e.phrase().say(crate::i18n::Lang::En), msg, "for {input:?}"),
            }
        }
    }
}
