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
            c.err(rp.at("max_mg"), crate::phrase!("pv-max-mg-fixed"));
        } else if c.positive(rp.at("max_mg"), "max_mg", cap) && cap > plausible::MAX_FIXED_MG {
            c.err(
                rp.at("max_mg"),
                crate::phrase!(
                    "pv-max-mg-ceiling",
                    value = plausible::show(cap),
                    ceiling = plausible::MAX_FIXED_MG.to_string()
                ),
            );
        }
    }
    match (&r.mg_per_kg, r.fixed_mg) {
        (Some(_), Some(_)) => c.err(
            rp.at("fixed_mg"),
            crate::phrase!("pv-either", a = "mg_per_kg", b = "fixed_mg"),
        ),
        (None, None) => c.err(rp.clone(), crate::phrase!("pv-dose-rule-amount")),
        (Some(d), None) => {
            let dp = rp.at("mg_per_kg");
            let ok_min = c.positive(dp.at("min"), "mg_per_kg.min", d.min);
            let ok_max = c.positive(dp.at("max"), "mg_per_kg.max", d.max);
            if ok_min && ok_max && d.min > d.max {
                c.err(
                    dp.at("min"),
                    crate::phrase!(
                        "pv-min-above-max",
                        min = plausible::show(d.min),
                        max = plausible::show(d.max)
                    ),
                );
            }
            if ok_max && d.max > plausible::MAX_MG_PER_KG {
                c.err(
                    dp.at("max"),
                    crate::phrase!(
                        "pv-mg-per-kg-ceiling",
                        value = plausible::show(d.max),
                        ceiling = plausible::MAX_MG_PER_KG.to_string()
                    ),
                );
            }
            if let Some(def) = d.default
                && (!def.is_finite() || def < d.min || def > d.max)
            {
                c.err(
                    dp.at("default"),
                    crate::phrase!(
                        "pv-default-outside",
                        value = plausible::show(def),
                        min = plausible::show(d.min),
                        max = plausible::show(d.max)
                    ),
                );
            }
        }
        (None, Some(mg)) => check_fixed_mg(c, rp.at("fixed_mg"), mg),
    }
    match (r.route.is_infusion(), r.infusion_minutes) {
        (true, None) => c.err(rp.clone(), crate::phrase!("pv-infusion-needs-minutes")),
        (false, Some(_)) => c.err(
            rp.at("infusion_minutes"),
            crate::phrase!(
                "pv-infusion-minutes-route",
                key = "infusion_minutes",
                route = r.route.label()
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
            c.err(rp.at(key), crate::phrase!("pv-beside-steps", key = key));
        }
    }
    if !r.route.is_infusion() {
        c.err(
            rp.at("route"),
            crate::phrase!(
                "pv-infusion-minutes-route",
                key = "steps",
                route = r.route.label()
            ),
        );
    }
    if r.steps.len() < 2 {
        c.err(rp.at("step"), crate::phrase!("pv-two-steps"));
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
                crate::phrase!("pv-either", a = "mg_per_kg", b = "fixed_mg"),
            ),
            (None, None) => c.err(sp.clone(), crate::phrase!("pv-step-amount")),
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
            crate::phrase!(
                "pv-steps-ceiling",
                value = plausible::show(total_per_kg),
                ceiling = plausible::MAX_MG_PER_KG.to_string()
            ),
        );
    }
    if total_minutes > plausible::MAX_SESSION_MINUTES {
        c.err(
            rp.at("step"),
            crate::phrase!(
                "pv-steps-too-long",
                value = plausible::show(total_minutes),
                max = plausible::MAX_SESSION_MINUTES.to_string()
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
            crate::phrase!(
                "pv-fixed-ceiling",
                value = plausible::show(mg),
                ceiling = plausible::MAX_FIXED_MG.to_string()
            ),
        );
    }
}

/// A duration under `key`: positive, and within a session kap can run.
fn check_minutes(c: &mut Checker, rp: &KeyPath, key: &str, m: f64) {
    if c.positive(rp.at(key), key, m) && m > plausible::MAX_SESSION_MINUTES {
        c.err(
            rp.at(key),
            crate::phrase!(
                "pv-minutes-too-long",
                key = key,
                value = plausible::show(m),
                max = plausible::MAX_SESSION_MINUTES.to_string()
            ),
        );
    }
}
