//! Dose arithmetic: weight × mg/kg → mg (with the protocol's rounding), then
//! volume at the protocol's concentration, pump rate over the infusion time,
//! and mg/min — every step spelled out so the clinician can check it.

use super::model::{DoseRule, Protocol, Route};
use super::plausible;
use crate::i18n::Phrase;
use serde::Serialize;

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
    /// Rounding to the nearest multiple would have passed the range's
    /// maximum, so the dose was rounded down instead.
    #[serde(skip_serializing_if = "std::ops::Not::not")]
    pub rounded_down: bool,
    /// The protocol's absolute cap (`max_mg`), when it lowered the dose.
    #[serde(skip_serializing_if = "Option::is_none")]
    pub capped_at_mg: Option<f64>,
    /// The dose to give, in mg (for a stepped dose, all steps together).
    pub dose_mg: f64,
    pub concentration_mg_per_ml: Option<f64>,
    pub volume_ml: Option<f64>,
    pub infusion_minutes: Option<f64>,
    pub rate_ml_per_h: Option<f64>,
    pub mg_per_min: Option<f64>,
    /// A stepped dose's steps, in order (empty for a one-step dose, which
    /// the fields above describe whole). For a stepped dose the totals
    /// above are the sum of the steps and the rate is each step's own.
    #[serde(skip_serializing_if = "Vec::is_empty")]
    pub steps: Vec<StepPlan>,
}

/// One worked step of a stepped dose.
#[derive(Debug, Clone, PartialEq, Serialize)]
pub struct StepPlan {
    pub label: String,
    pub mg_per_kg: f64,
    pub fixed: bool,
    pub exact_mg: f64,
    pub dose_mg: f64,
    pub minutes: f64,
    pub volume_ml: Option<f64>,
    pub rate_ml_per_h: Option<f64>,
    pub mg_per_min: f64,
    pub source: String,
}

/// A part of the dose given at one constant rate: what the running timer
/// and the delivered-dose arithmetic work with.
#[derive(Debug, Clone, PartialEq, Serialize)]
pub struct Segment {
    /// The step's name, for a stepped dose.
    pub label: Option<String>,
    pub mg: f64,
    /// Absent when given at once (a bolus or an injection).
    pub minutes: Option<f64>,
    /// The pump rate for this part, when the protocol gives a concentration.
    pub rate_ml_per_h: Option<f64>,
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
    Stepped {
        total_mg_per_kg: f64,
    },
}

impl DoseError {
    /// Why the dose cannot be worked out, to be said in a language.
    pub fn phrase(&self) -> Phrase {
        let n = Phrase::Num;
        match self {
            DoseError::SessionNotInCourse { session, sessions } => crate::phrase!(
                "dose-error-not-in-course",
                session = *session,
                sessions = *sessions
            ),
            DoseError::WeightNotPlausible { weight_kg } => crate::phrase!(
                "dose-error-weight",
                weight = n(*weight_kg),
                low = plausible::WEIGHT_KG.0,
                high = plausible::WEIGHT_KG.1
            ),
            DoseError::OutOfRange {
                mg_per_kg,
                min,
                max,
                session,
            } => crate::phrase!(
                "dose-error-out-of-range",
                dose = n(*mg_per_kg),
                min = n(*min),
                max = n(*max),
                session = *session
            ),
            DoseError::NeedsChoice { min, max, session } => crate::phrase!(
                "dose-error-needs-choice",
                min = n(*min),
                max = n(*max),
                session = *session
            ),
            DoseError::FixedDose { fixed_mg } => {
                crate::phrase!("dose-error-fixed", mg = n(*fixed_mg))
            }
            DoseError::Stepped { total_mg_per_kg } => {
                crate::phrase!("dose-error-stepped", total = n(*total_mg_per_kg))
            }
        }
    }
}

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
    if !rule.steps.is_empty() {
        return plan_steps(protocol, rule, req);
    }
    let rounding = protocol.course.dosing.rounding_mg;
    let mut rounded_down = false;
    let (mg_per_kg, range, exact_mg, mut dose_mg, fixed) = match (&rule.mg_per_kg, rule.fixed_mg) {
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
            let mut dose = round_to(exact, rounding);
            // Rounding must not carry the dose past the range's maximum
            // (63.75 kg × 1.0 mg/kg is 63.5 mg at 0.5 mg steps, not 64).
            let ceiling = clean(req.weight_kg * r.max);
            if dose > ceiling + 1e-9 {
                dose = round_down_to(exact.min(ceiling), rounding);
                rounded_down = true;
            }
            (chosen, Some((r.min, r.max)), exact, dose, false)
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
    let mut capped_at_mg = None;
    if let Some(cap) = rule.max_mg.filter(|c| !fixed && dose_mg > *c) {
        dose_mg = cap;
        capped_at_mg = Some(cap);
    }
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
        rounded_down,
        capped_at_mg,
        dose_mg,
        concentration_mg_per_ml: conc,
        volume_ml,
        infusion_minutes: minutes,
        rate_ml_per_h,
        mg_per_min,
        steps: Vec::new(),
    })
}

/// A stepped dose: each step worked out on its own (weight × mg/kg,
/// rounded, volume, rate), then the totals.
fn plan_steps(
    protocol: &Protocol,
    rule: &DoseRule,
    req: DoseRequest,
) -> Result<DosePlan, DoseError> {
    let rounding = protocol.course.dosing.rounding_mg;
    let conc = protocol.course.dosing.concentration_mg_per_ml;
    let mut steps = Vec::new();
    for st in &rule.steps {
        let (mg_per_kg, exact, dose, fixed) = match (st.mg_per_kg, st.fixed_mg) {
            (Some(k), _) => {
                let exact = clean(req.weight_kg * k);
                (k, exact, round_to(exact, rounding), false)
            }
            (None, Some(mg)) => (clean(mg / req.weight_kg), mg, mg, true),
            (None, None) => {
                return Err(DoseError::SessionNotInCourse {
                    session: req.session,
                    sessions: protocol.course.sessions,
                });
            }
        };
        let volume_ml = conc.map(|c| clean(dose / c));
        steps.push(StepPlan {
            label: st.label.clone(),
            mg_per_kg,
            fixed,
            exact_mg: exact,
            dose_mg: dose,
            minutes: st.minutes,
            volume_ml,
            rate_ml_per_h: volume_ml.map(|v| clean(v / (st.minutes / 60.0))),
            mg_per_min: clean(dose / st.minutes),
            source: st.source.clone(),
        });
    }
    let dose_mg = clean(steps.iter().map(|s| s.dose_mg).sum());
    let mg_per_kg = clean(dose_mg / req.weight_kg);
    if let Some(v) = req.mg_per_kg
        && (v - mg_per_kg).abs() > 1e-3
    {
        return Err(DoseError::Stepped {
            total_mg_per_kg: mg_per_kg,
        });
    }
    Ok(DosePlan {
        session: req.session,
        route: rule.route,
        weight_kg: req.weight_kg,
        mg_per_kg,
        range_mg_per_kg: None,
        fixed: steps.iter().all(|s| s.fixed),
        exact_mg: clean(steps.iter().map(|s| s.exact_mg).sum()),
        rounding_mg: rounding,
        rounded_down: false,
        capped_at_mg: None,
        dose_mg,
        concentration_mg_per_ml: conc,
        volume_ml: conc.map(|c| clean(dose_mg / c)),
        infusion_minutes: Some(clean(steps.iter().map(|s| s.minutes).sum())),
        rate_ml_per_h: None,
        mg_per_min: None,
        steps,
    })
}

impl DosePlan {
    /// The dose as timed segments, in order: each step's label, mg and
    /// minutes, or the whole dose as one segment (minutes absent for a
    /// bolus or injection, which is given at once).
    pub fn segments(&self) -> Vec<Segment> {
        if self.steps.is_empty() {
            return vec![Segment {
                label: None,
                mg: self.dose_mg,
                minutes: self.infusion_minutes,
                rate_ml_per_h: self.rate_ml_per_h,
            }];
        }
        self.steps
            .iter()
            .map(|s| Segment {
                label: Some(s.label.clone()),
                mg: s.dose_mg,
                minutes: Some(s.minutes),
                rate_ml_per_h: s.rate_ml_per_h,
            })
            .collect()
    }

    /// The arithmetic, one step per line, in the language given.
    pub fn arithmetic(&self) -> Vec<Phrase> {
        let n = Phrase::Num;
        if !self.steps.is_empty() {
            return self.step_arithmetic();
        }
        let mut lines = Vec::new();
        if self.fixed {
            lines.push(crate::phrase!(
                "dose-line-fixed",
                mg = n(self.dose_mg),
                per_kg = n(self.mg_per_kg),
                weight = n(self.weight_kg)
            ));
        } else {
            lines.push(crate::phrase!(
                "dose-line-weight",
                weight = n(self.weight_kg),
                per_kg = n(self.mg_per_kg),
                mg = n(self.exact_mg)
            ));
            let rounded = self.capped_at_mg.is_none() && self.dose_mg != self.exact_mg;
            if rounded && self.rounded_down {
                lines.push(crate::phrase!(
                    "dose-line-rounded-down",
                    step = n(self.rounding_mg),
                    mg = n(self.dose_mg)
                ));
            } else if rounded {
                lines.push(crate::phrase!(
                    "dose-line-rounded",
                    step = n(self.rounding_mg),
                    mg = n(self.dose_mg)
                ));
            }
            if let Some(cap) = self.capped_at_mg {
                lines.push(crate::phrase!("dose-line-capped", mg = n(cap)));
            }
        }
        lines.extend(amount_lines(
            self.dose_mg,
            self.concentration_mg_per_ml,
            self.volume_ml,
            self.infusion_minutes,
            self.rate_ml_per_h,
            self.mg_per_min,
        ));
        if let Some((lo, hi)) = self.range_mg_per_kg {
            if lo == hi {
                lines.push(crate::phrase!(
                    "dose-line-protocol-dose",
                    per_kg = n(self.mg_per_kg)
                ));
                return lines;
            }
            lines.push(crate::phrase!(
                "dose-line-in-range",
                per_kg = n(self.mg_per_kg),
                min = n(lo),
                max = n(hi)
            ));
        }
        lines
    }

    fn step_arithmetic(&self) -> Vec<Phrase> {
        let n = Phrase::Num;
        let mut lines = Vec::new();
        for (i, st) in self.steps.iter().enumerate() {
            let head = crate::phrase!(
                "dose-step-head",
                step = i + 1,
                steps = self.steps.len(),
                label = st.label.clone()
            );
            if st.fixed {
                lines.push(Phrase::Seq(vec![
                    head,
                    " ".into(),
                    crate::phrase!("dose-step-fixed", mg = n(st.dose_mg)),
                ]));
            } else {
                lines.push(Phrase::Seq(vec![
                    head,
                    " ".into(),
                    crate::phrase!(
                        "dose-line-weight",
                        weight = n(self.weight_kg),
                        per_kg = n(st.mg_per_kg),
                        mg = n(st.exact_mg)
                    ),
                ]));
                if st.dose_mg != st.exact_mg {
                    lines.push(Phrase::Seq(vec![
                        "  ".into(),
                        crate::phrase!(
                            "dose-line-rounded",
                            step = n(self.rounding_mg),
                            mg = n(st.dose_mg)
                        ),
                    ]));
                }
            }
            for l in amount_lines(
                st.dose_mg,
                self.concentration_mg_per_ml,
                st.volume_ml,
                Some(st.minutes),
                st.rate_ml_per_h,
                Some(st.mg_per_min),
            ) {
                lines.push(Phrase::Seq(vec!["  ".into(), l]));
            }
        }
        let parts: Vec<Phrase> = self.steps.iter().map(|s| n(s.dose_mg)).collect();
        lines.push(crate::phrase!(
            "dose-step-total",
            parts = Phrase::join(parts, " mg + "),
            mg = n(self.dose_mg),
            per_kg = n(self.mg_per_kg),
            minutes = n(self.infusion_minutes.unwrap_or(0.0))
        ));
        lines
    }
}

/// Volume, pump rate and mg/min for one amount, as far as the protocol
/// gives a concentration and a duration.
fn amount_lines(
    mg: f64,
    conc: Option<f64>,
    volume_ml: Option<f64>,
    minutes: Option<f64>,
    rate_ml_per_h: Option<f64>,
    mg_per_min: Option<f64>,
) -> Vec<Phrase> {
    let n = Phrase::Num;
    let mut lines = Vec::new();
    if let (Some(c), Some(v)) = (conc, volume_ml) {
        lines.push(Phrase::Seq(vec![
            n(mg),
            " mg ÷ ".into(),
            n(c),
            " mg/mL = ".into(),
            n(v),
            " mL".into(),
        ]));
    }
    if let (Some(v), Some(m), Some(r)) = (volume_ml, minutes, rate_ml_per_h) {
        lines.push(crate::phrase!(
            "dose-line-rate",
            ml = n(v),
            minutes = n(m),
            rate = n(r)
        ));
    }
    if let (Some(m), Some(r)) = (minutes, mg_per_min) {
        lines.push(Phrase::Seq(vec![
            n(mg),
            " mg ÷ ".into(),
            n(m),
            " min = ".into(),
            n(r),
            " mg/min".into(),
        ]));
    }
    lines
}

/// Round down to a multiple of `step`.
fn round_down_to(x: f64, step: f64) -> f64 {
    if step > 0.0 && step.is_finite() {
        clean(((x / step) + 1e-9).floor() * step)
    } else {
        clean(x)
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

    #[test]
    fn rounding_down_lands_on_a_multiple_despite_binary_noise() {
        // 0.3 / 0.1 is 2.9999999999999996 in binary: the guard against
        // that noise keeps 0.3 mg at 0.3, not 0.2.
        assert_eq!(round_down_to(0.3, 0.1), 0.3);
        assert_eq!(round_down_to(63.75, 0.5), 63.5);
    }

    #[test]
    fn a_step_that_is_no_step_leaves_the_dose_unrounded() {
        // The loader refuses such a step; a protocol built in code could
        // still carry one, and must not turn the dose into NaN.
        for step in [0.0, -0.5, f64::INFINITY, f64::NAN] {
            assert_eq!(round_to(35.25, step), 35.25, "{step}");
            assert_eq!(round_down_to(35.25, step), 35.25, "{step}");
        }
    }
}
