//! Checks of the vital-sign limits and alert rules.

use super::*;

pub(super) fn check_vitals(c: &mut Checker, p: &Protocol) {
    let vp = KeyPath::root().at("vitals");
    let v = &p.vitals;
    check_measuring(c, &vp, v);
    check_limit_sets(c, &vp, v);
    check_alerts(c, &vp, v);
    check_alarms(c, &vp, v);
}

/// How often vitals are taken, which measures, each once, and the source.
fn check_measuring(c: &mut Checker, vp: &KeyPath, v: &Vitals) {
    c.ordered(vp.at("interval_minutes"), &v.interval_minutes);
    if v.interval_minutes.min == 0 {
        c.err(
            vp.at("interval_minutes").at("min"),
            crate::phrase!("pv-at-least-one", key = "interval_minutes.min"),
        );
    }
    if let Some(a) = &v.after_dosing_interval_minutes {
        c.ordered(vp.at("after_dosing_interval_minutes"), a);
        if a.min == 0 {
            c.err(
                vp.at("after_dosing_interval_minutes").at("min"),
                crate::phrase!("pv-at-least-one", key = "after_dosing_interval_minutes.min"),
            );
        }
    }
    if v.prompted.is_empty() && v.continuous.is_empty() {
        c.err(vp.at("prompted"), crate::phrase!("pv-no-measure"));
    }
    let mut seen = BTreeSet::new();
    for (key, list) in [("prompted", &v.prompted), ("continuous", &v.continuous)] {
        for (i, m) in list.iter().enumerate() {
            if !seen.insert(*m) {
                c.err(
                    vp.at(key).at(i),
                    crate::phrase!("pv-measure-twice", measure = m.as_str()),
                );
            }
        }
    }
    c.non_empty(vp.at("source"), "source", &v.source);
}

/// Each `[vitals.limits.NAME]` set: a slug, plausible bounds, a source.
fn check_limit_sets(c: &mut Checker, vp: &KeyPath, v: &Vitals) {
    for (name, set) in &v.limits {
        let lp = vp.at("limits").at(name.clone());
        if !is_slug(name) {
            c.err(
                lp.clone(),
                crate::phrase!("pv-slug", kind = "limit-set", id = name.as_str()),
            );
        }
        for m in Metric::ALL {
            if let Some(b) = set.bound(m) {
                check_bound(c, lp.at(m.key()), m, b);
            }
        }
        c.non_empty(lp.at("source"), "source", &set.source);
    }
}

/// Each `[[vitals.alert]]`: a unique id, one plausible threshold, its
/// confirmation time, action and source.
fn check_alerts(c: &mut Checker, vp: &KeyPath, v: &Vitals) {
    let mut ids = HashMap::new();
    for (i, a) in v.alerts.iter().enumerate() {
        let ap = vp.at("alert").at(i);
        if !is_slug(&a.id) {
            c.err(
                ap.at("id"),
                crate::phrase!("pv-slug", kind = "alert", id = a.id.as_str()),
            );
        }
        if ids.insert(a.id.clone(), i).is_some() {
            c.err(
                ap.at("id"),
                crate::phrase!("pv-id-twice", kind = "alert", id = a.id.as_str()),
            );
        }
        let (lo, hi) = plausible::vital_range(a.metric);
        match (a.above, a.below) {
            (Some(_), Some(_)) => c.err(
                ap.at("below"),
                crate::phrase!("pv-either", a = "above", b = "below"),
            ),
            (None, None) => c.err(ap.clone(), crate::phrase!("pv-alert-threshold")),
            (Some(t), None) => plausible_threshold(c, ap.at("above"), a.metric, t, lo, hi),
            (None, Some(t)) => plausible_threshold(c, ap.at("below"), a.metric, t, lo, hi),
        }
        if a.confirm_after_minutes == Some(0) {
            c.err(
                ap.at("confirm_after_minutes"),
                crate::phrase!("pv-confirm-after"),
            );
        }
        c.non_empty(ap.at("action"), "action", &a.action);
        c.non_empty(ap.at("source"), "source", &a.source);
    }
}

/// `[vitals.alarms]`: reminders, escalation and audio pauses per tier, a
/// high tier no slower than the medium one.
fn check_alarms(c: &mut Checker, vp: &KeyPath, v: &Vitals) {
    if let Some(al) = &v.alarms {
        let ap = vp.at("alarms");
        if al.reminder_minutes == 0 {
            c.err(
                ap.at("reminder_minutes"),
                crate::phrase!("pv-at-least-one", key = "reminder_minutes"),
            );
        }
        for (name, t) in [("high", al.high), ("medium", al.medium), ("low", al.low)] {
            let tp = ap.at(name);
            if t.escalate_after_minutes == 0 {
                c.err(
                    tp.at("escalate_after_minutes"),
                    crate::phrase!("pv-at-least-one", key = "escalate_after_minutes"),
                );
            }
            if !(1..=30).contains(&t.audio_pause_max_minutes) {
                c.err(
                    tp.at("audio_pause_max_minutes"),
                    crate::phrase!("pv-audio-pause"),
                );
            }
        }
        if al.high.audio_pause_max_minutes > al.medium.audio_pause_max_minutes
            || al.high.escalate_after_minutes > al.medium.escalate_after_minutes
        {
            c.err(ap.at("high"), crate::phrase!("pv-high-vs-medium"));
        }
        c.non_empty(ap.at("source"), "source", &al.source);
    }
}

fn plausible_threshold(c: &mut Checker, path: KeyPath, m: Metric, t: f64, lo: f64, hi: f64) {
    if !(lo..=hi).contains(&t) {
        c.err(
            path,
            crate::phrase!(
                "pv-implausible",
                value = t.to_string(),
                unit = m.unit(),
                measure = m.label(),
                min = lo.to_string(),
                max = hi.to_string()
            ),
        );
    }
}

fn check_bound(c: &mut Checker, path: KeyPath, m: Metric, b: &Bound) {
    let (lo, hi) = plausible::vital_range(m);
    if b.min.is_none() && b.max.is_none() {
        c.err(path.clone(), crate::phrase!("pv-limit-bound"));
    }
    if let Some(v) = b.min {
        plausible_threshold(c, path.at("min"), m, v, lo, hi);
    }
    if let Some(v) = b.max {
        plausible_threshold(c, path.at("max"), m, v, lo, hi);
    }
    if let (Some(a), Some(z)) = (b.min, b.max)
        && a > z
    {
        c.err(
            path.at("min"),
            crate::phrase!("pv-min-above-max", min = a.to_string(), max = z.to_string()),
        );
    }
}
