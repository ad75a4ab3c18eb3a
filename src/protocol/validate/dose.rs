//! Checks on a dose rule: one amount (weight-based with a range, or fixed)
//! with its route's timing, or a sequence of steps.

use super::Checker;
use crate::protocol::locate::KeyPath;
use crate::protocol::model::DoseRule;
use crate::protocol::plausible;

pub(super) fn check_dose_rule(c: &mut Checker, rp: &KeyPath, r: &DoseRule) {
    if !r.steps.is_empty() {
        check_steps(c, rp, r);
        return;
    }
    if let Some(cap) = r.max_mg {
        if r.mg_per_kg.is_none() {
            c.err(
                rp.at("max_mg"),
                "max_mg caps a weight-based dose (mg_per_kg); a fixed dose has its own amount",
            );
        } else if c.positive(rp.at("max_mg"), "max_mg", cap) && cap > plausible::MAX_FIXED_MG {
            c.err(
                rp.at("max_mg"),
                format!(
                    "max_mg {cap} is above kap's ceiling of {} mg for any session",
                    plausible::MAX_FIXED_MG
                ),
            );
        }
    }
    match (&r.mg_per_kg, r.fixed_mg) {
        (Some(_), Some(_)) => c.err(
            rp.at("fixed_mg"),
            "set either mg_per_kg or fixed_mg, not both",
        ),
        (None, None) => c.err(rp.clone(), "a dose rule needs mg_per_kg or fixed_mg"),
        (Some(d), None) => {
            let dp = rp.at("mg_per_kg");
            let ok_min = c.positive(dp.at("min"), "mg_per_kg.min", d.min);
            let ok_max = c.positive(dp.at("max"), "mg_per_kg.max", d.max);
            if ok_min && ok_max && d.min > d.max {
                c.err(
                    dp.at("min"),
                    format!("min ({}) must not be greater than max ({})", d.min, d.max),
                );
            }
            if ok_max && d.max > plausible::MAX_MG_PER_KG {
                c.err(
                    dp.at("max"),
                    format!(
                        "{} mg/kg is above kap's ceiling of {} mg/kg for any session; \
                         the file is refused, not clamped",
                        d.max,
                        plausible::MAX_MG_PER_KG
                    ),
                );
            }
            if let Some(def) = d.default
                && (!def.is_finite() || def < d.min || def > d.max)
            {
                c.err(
                    dp.at("default"),
                    format!(
                        "default {def} mg/kg is outside this rule's range {}–{} mg/kg",
                        d.min, d.max
                    ),
                );
            }
        }
        (None, Some(mg)) => check_fixed_mg(c, rp.at("fixed_mg"), mg),
    }
    match (r.route.is_infusion(), r.infusion_minutes) {
        (true, None) => c.err(rp.clone(), "route \"iv-infusion\" needs infusion_minutes"),
        (false, Some(_)) => c.err(
            rp.at("infusion_minutes"),
            format!(
                "infusion_minutes only applies to route \"iv-infusion\", not {}",
                r.route.label()
            ),
        ),
        (true, Some(m)) => check_minutes(c, rp, "infusion_minutes", m),
        (false, None) => {}
    }
    if let Some(o) = r.observation_minutes {
        check_minutes(c, rp, "observation_minutes", o);
    }
    c.non_empty(rp.at("source"), "source", &r.source);
}

/// A stepped dose: an infusion of two or more steps, each with one amount
/// and a duration, and nothing set beside the steps that they replace.
fn check_steps(c: &mut Checker, rp: &KeyPath, r: &DoseRule) {
    for (key, set) in [
        ("mg_per_kg", r.mg_per_kg.is_some()),
        ("fixed_mg", r.fixed_mg.is_some()),
        ("infusion_minutes", r.infusion_minutes.is_some()),
        ("max_mg", r.max_mg.is_some()),
    ] {
        if set {
            c.err(
                rp.at(key),
                format!(
                    "{key} cannot be set beside steps: each step gives its own amount and minutes"
                ),
            );
        }
    }
    if !r.route.is_infusion() {
        c.err(
            rp.at("route"),
            format!(
                "steps are for route \"iv-infusion\", not {}",
                r.route.label()
            ),
        );
    }
    if r.steps.len() < 2 {
        c.err(
            rp.at("step"),
            "a stepped dose needs at least two steps; one step is written as mg_per_kg and infusion_minutes",
        );
    }
    let mut total_minutes = 0.0;
    let mut total_per_kg = 0.0;
    for (i, st) in r.steps.iter().enumerate() {
        let sp = rp.at("step").at(i);
        c.non_empty(sp.at("label"), "label", &st.label);
        c.non_empty(sp.at("source"), "source", &st.source);
        match (st.mg_per_kg, st.fixed_mg) {
            (Some(_), Some(_)) => c.err(
                sp.at("fixed_mg"),
                "set either mg_per_kg or fixed_mg, not both",
            ),
            (None, None) => c.err(sp.clone(), "a step needs mg_per_kg or fixed_mg"),
            (Some(k), None) => {
                if c.positive(sp.at("mg_per_kg"), "mg_per_kg", k) {
                    total_per_kg += k;
                }
            }
            (None, Some(mg)) => check_fixed_mg(c, sp.at("fixed_mg"), mg),
        }
        if c.positive(sp.at("minutes"), "minutes", st.minutes) {
            total_minutes += st.minutes;
        }
    }
    if total_per_kg > plausible::MAX_MG_PER_KG {
        c.err(
            rp.at("step"),
            format!(
                "the steps add up to {total_per_kg} mg/kg, above kap's ceiling of {} mg/kg for any session; \
                 the file is refused, not clamped",
                plausible::MAX_MG_PER_KG
            ),
        );
    }
    if total_minutes > plausible::MAX_SESSION_MINUTES {
        c.err(
            rp.at("step"),
            format!(
                "the steps run {total_minutes} min in all, longer than a session kap can run ({} min)",
                plausible::MAX_SESSION_MINUTES
            ),
        );
    }
    if let Some(o) = r.observation_minutes {
        check_minutes(c, rp, "observation_minutes", o);
    }
    c.non_empty(rp.at("source"), "source", &r.source);
}

/// A fixed amount: positive, and not above kap's ceiling.
fn check_fixed_mg(c: &mut Checker, path: KeyPath, mg: f64) {
    if c.positive(path.clone(), "fixed_mg", mg) && mg > plausible::MAX_FIXED_MG {
        c.err(
            path,
            format!(
                "{mg} mg is above kap's ceiling of {} mg for a fixed dose",
                plausible::MAX_FIXED_MG
            ),
        );
    }
}

/// A duration under `key`: positive, and within a session kap can run.
fn check_minutes(c: &mut Checker, rp: &KeyPath, key: &str, m: f64) {
    if c.positive(rp.at(key), key, m) && m > plausible::MAX_SESSION_MINUTES {
        c.err(
            rp.at(key),
            format!(
                "{key} {m} is longer than a session kap can run ({} min)",
                plausible::MAX_SESSION_MINUTES
            ),
        );
    }
}
