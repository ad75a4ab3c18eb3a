//! Dose arithmetic: weight × mg/kg → mg (with the protocol's rounding), then
//! volume at the protocol's concentration, pump rate over the infusion time,
//! and mg/min — every step spelled out so the clinician can check it.

use super::model::{DoseRule, Protocol, Route};
use super::plausible;
use serde::Serialize;
use std::fmt;

/// What the clinician chose: the weight, and for a mg/kg range without a
/// default (or to use another value inside the range) the mg/kg.
#[derive(Debug, Clone, Copy, PartialEq)]
pub struct DoseRequest {
    pub session: u32,
    pub weight_kg: f64,
    pub mg_per_kg: Option<f64>,
}

/// A worked dose for one session.
#[derive(Debug, Clone, PartialEq, Serialize)]
pub struct DosePlan {
    pub session: u32,
    pub route: Route,
    pub weight_kg: f64,
    /// The mg/kg used; for a fixed dose, the mg/kg it amounts to.
    pub mg_per_kg: f64,
    /// The protocol's mg/kg range for this session (absent for a fixed dose).
    pub range_mg_per_kg: Option<(f64, f64)>,
    pub fixed: bool,
    /// Weight × mg/kg before rounding (the fixed dose itself when fixed).
    pub exact_mg: f64,
    pub rounding_mg: f64,
    /// The dose to give, in mg.
    pub dose_mg: f64,
    pub concentration_mg_per_ml: Option<f64>,
    pub volume_ml: Option<f64>,
    pub infusion_minutes: Option<f64>,
    pub rate_ml_per_h: Option<f64>,
    pub mg_per_min: Option<f64>,
}

#[derive(Debug, Clone, PartialEq)]
pub enum DoseError {
    SessionNotInCourse {
        session: u32,
        sessions: u32,
    },
    WeightNotPlausible {
        weight_kg: f64,
    },
    OutOfRange {
        mg_per_kg: f64,
        min: f64,
        max: f64,
        session: u32,
    },
    NeedsChoice {
        min: f64,
        max: f64,
        session: u32,
    },
    FixedDose {
        fixed_mg: f64,
    },
}

impl fmt::Display for DoseError {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        match self {
            DoseError::SessionNotInCourse { session, sessions } => write!(
                f,
                "session {session} is not in this course (sessions 1 to {sessions})"
            ),
            DoseError::WeightNotPlausible { weight_kg } => write!(
                f,
                "a weight of {} kg is not a plausible adult weight ({}–{} kg); check the entry",
                num(*weight_kg),
                num(plausible::WEIGHT_KG.0),
                num(plausible::WEIGHT_KG.1)
            ),
            DoseError::OutOfRange {
                mg_per_kg,
                min,
                max,
                session,
            } => write!(
                f,
                "{} mg/kg is outside the protocol's range for session {session} ({}–{} mg/kg); refused",
                num(*mg_per_kg),
                num(*min),
                num(*max)
            ),
            DoseError::NeedsChoice { min, max, session } => write!(
                f,
                "the protocol gives a range of {}–{} mg/kg for session {session} and no default: choose the mg/kg",
                num(*min),
                num(*max)
            ),
            DoseError::FixedDose { fixed_mg } => write!(
                f,
                "this session has a fixed dose of {} mg; a mg/kg cannot be chosen",
                num(*fixed_mg)
            ),
        }
    }
}

impl std::error::Error for DoseError {}

/// Work out the dose for `req` under `protocol`.
pub fn plan(protocol: &Protocol, req: DoseRequest) -> Result<DosePlan, DoseError> {
    let rule = protocol
        .dose_rule(req.session)
        .ok_or(DoseError::SessionNotInCourse {
            session: req.session,
            sessions: protocol.course.sessions,
        })?;
    let (lo, hi) = plausible::WEIGHT_KG;
    if !req.weight_kg.is_finite() || req.weight_kg < lo || req.weight_kg > hi {
        return Err(DoseError::WeightNotPlausible {
            weight_kg: req.weight_kg,
        });
    }
    plan_with_rule(protocol, rule, req)
}

fn plan_with_rule(
    protocol: &Protocol,
    rule: &DoseRule,
    req: DoseRequest,
) -> Result<DosePlan, DoseError> {
    let rounding = protocol.course.dosing.rounding_mg;
    let (mg_per_kg, range, exact_mg, dose_mg, fixed) = match (&rule.mg_per_kg, rule.fixed_mg) {
        (Some(r), _) => {
            let chosen = match (req.mg_per_kg, r.default) {
                (Some(v), _) => v,
                (None, Some(d)) => d,
                (None, None) => {
                    return Err(DoseError::NeedsChoice {
                        min: r.min,
                        max: r.max,
                        session: req.session,
                    });
                }
            };
            if !chosen.is_finite() || chosen < r.min || chosen > r.max {
                return Err(DoseError::OutOfRange {
                    mg_per_kg: chosen,
                    min: r.min,
                    max: r.max,
                    session: req.session,
                });
            }
            let exact = clean(req.weight_kg * chosen);
            (
                chosen,
                Some((r.min, r.max)),
                exact,
                round_to(exact, rounding),
                false,
            )
        }
        (None, Some(mg)) => {
            if req.mg_per_kg.is_some() {
                return Err(DoseError::FixedDose { fixed_mg: mg });
            }
            (clean(mg / req.weight_kg), None, mg, mg, true)
        }
        // The validator guarantees one of the two; treat a hand-built
        // protocol without either as having no dose for this session.
        (None, None) => {
            return Err(DoseError::SessionNotInCourse {
                session: req.session,
                sessions: protocol.course.sessions,
            });
        }
    };
    let conc = protocol.course.dosing.concentration_mg_per_ml;
    let volume_ml = conc.map(|c| clean(dose_mg / c));
    let minutes = rule.infusion_minutes;
    let rate_ml_per_h = match (volume_ml, minutes) {
        (Some(v), Some(m)) => Some(clean(v / (m / 60.0))),
        _ => None,
    };
    let mg_per_min = minutes.map(|m| clean(dose_mg / m));
    Ok(DosePlan {
        session: req.session,
        route: rule.route,
        weight_kg: req.weight_kg,
        mg_per_kg,
        range_mg_per_kg: range,
        fixed,
        exact_mg,
        rounding_mg: rounding,
        dose_mg,
        concentration_mg_per_ml: conc,
        volume_ml,
        infusion_minutes: minutes,
        rate_ml_per_h,
        mg_per_min,
    })
}

impl DosePlan {
    /// The arithmetic, one step per line.
    pub fn arithmetic(&self) -> Vec<String> {
        let mut lines = Vec::new();
        if self.fixed {
            lines.push(format!(
                "fixed dose {} mg ({} mg/kg at {} kg)",
                num(self.dose_mg),
                num(self.mg_per_kg),
                num(self.weight_kg)
            ));
        } else {
            lines.push(format!(
                "{} kg × {} mg/kg = {} mg",
                num(self.weight_kg),
                num(self.mg_per_kg),
                num(self.exact_mg)
            ));
            if self.dose_mg != self.exact_mg {
                lines.push(format!(
                    "rounded to the nearest {} mg = {} mg",
                    num(self.rounding_mg),
                    num(self.dose_mg)
                ));
            }
        }
        if let (Some(c), Some(v)) = (self.concentration_mg_per_ml, self.volume_ml) {
            lines.push(format!(
                "{} mg ÷ {} mg/mL = {} mL",
                num(self.dose_mg),
                num(c),
                num(v)
            ));
        }
        if let (Some(v), Some(m), Some(r)) =
            (self.volume_ml, self.infusion_minutes, self.rate_ml_per_h)
        {
            lines.push(format!(
                "{} mL over {} min = {} mL/h",
                num(v),
                num(m),
                num(r)
            ));
        }
        if let (Some(m), Some(r)) = (self.infusion_minutes, self.mg_per_min) {
            lines.push(format!(
                "{} mg ÷ {} min = {} mg/min",
                num(self.dose_mg),
                num(m),
                num(r)
            ));
        }
        if let Some((lo, hi)) = self.range_mg_per_kg {
            if lo == hi {
                lines.push(format!(
                    "{} mg/kg is this session's protocol dose",
                    num(self.mg_per_kg)
                ));
                return lines;
            }
            lines.push(format!(
                "{} mg/kg is inside this session's range {}–{} mg/kg",
                num(self.mg_per_kg),
                num(lo),
                num(hi)
            ));
        }
        lines
    }
}

/// Round to the nearest multiple of `step` (half away from zero).
fn round_to(x: f64, step: f64) -> f64 {
    if step > 0.0 && step.is_finite() {
        clean((x / step).round() * step)
    } else {
        clean(x)
    }
}

/// Drop binary floating-point noise below a microgram.
fn clean(x: f64) -> f64 {
    (x * 1e6).round() / 1e6
}

/// A number for people: up to three decimals, no trailing zeros.
pub fn num(x: f64) -> String {
    let s = format!("{:.3}", x);
    let s = s.trim_end_matches('0').trim_end_matches('.');
    if s == "-0" { "0".into() } else { s.into() }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn rounding_and_number_display() {
        assert_eq!(round_to(35.04, 0.5), 35.0);
        assert_eq!(round_to(35.25, 0.5), 35.5);
        assert_eq!(round_to(52.49, 1.0), 52.0);
        assert_eq!(num(52.5), "52.5");
        assert_eq!(num(35.0), "35");
        assert_eq!(num(0.875), "0.875");
        assert_eq!(num(0.1 + 0.2), "0.3");
    }
}
