//! Checks of the vital-sign limits and alert rules.

use super::*;

pub(super) fn check_vitals(c: &mut Checker, p: &Protocol) {
    let vp = KeyPath::root().at("vitals");
    let v = &p.vitals;
    c.ordered(vp.at("interval_minutes"), &v.interval_minutes);
    if v.interval_minutes.min == 0 {
        c.err(
            vp.at("interval_minutes").at("min"),
            "interval_minutes.min must be at least 1",
        );
    }
    if let Some(a) = &v.after_dosing_interval_minutes {
        c.ordered(vp.at("after_dosing_interval_minutes"), a);
        if a.min == 0 {
            c.err(
                vp.at("after_dosing_interval_minutes").at("min"),
                "after_dosing_interval_minutes.min must be at least 1",
            );
        }
    }
    if v.prompted.is_empty() && v.continuous.is_empty() {
        c.err(vp.at("prompted"), "name at least one measure to record");
    }
    let mut seen = BTreeSet::new();
    for (key, list) in [("prompted", &v.prompted), ("continuous", &v.continuous)] {
        for (i, m) in list.iter().enumerate() {
            if !seen.insert(*m) {
                c.err(
                    vp.at(key).at(i),
                    format!(
                        "measure \"{}\" is listed twice (prompted and continuous are exclusive)",
                        m.as_str()
                    ),
                );
            }
        }
    }
    c.non_empty(vp.at("source"), "source", &v.source);

    for (name, set) in &v.limits {
        let lp = vp.at("limits").at(name.clone());
        if !is_slug(name) {
            c.err(
                lp.clone(),
                format!(
                    "limit set name \"{name}\" must use lowercase letters, digits, '-' and '_'"
                ),
            );
        }
        for m in Metric::ALL {
            if let Some(b) = set.bound(m) {
                check_bound(c, lp.at(m.key()), m, b);
            }
        }
        c.non_empty(lp.at("source"), "source", &set.source);
    }

    let mut ids = HashMap::new();
    for (i, a) in v.alerts.iter().enumerate() {
        let ap = vp.at("alert").at(i);
        if !is_slug(&a.id) {
            c.err(
                ap.at("id"),
                format!(
                    "alert id \"{}\" must use lowercase letters, digits, '-' and '_'",
                    a.id
                ),
            );
        }
        if ids.insert(a.id.clone(), i).is_some() {
            c.err(ap.at("id"), format!("alert id \"{}\" is used twice", a.id));
        }
        let (lo, hi) = plausible::vital_range(a.metric);
        match (a.above, a.below) {
            (Some(_), Some(_)) => c.err(ap.at("below"), "set either above or below, not both"),
            (None, None) => c.err(ap.clone(), "an alert needs a threshold: above or below"),
            (Some(t), None) => plausible_threshold(c, ap.at("above"), a.metric, t, lo, hi),
            (None, Some(t)) => plausible_threshold(c, ap.at("below"), a.metric, t, lo, hi),
        }
        if a.confirm_after_minutes == Some(0) {
            c.err(
                ap.at("confirm_after_minutes"),
                "confirm_after_minutes must be at least 1 (leave it out to alert on the first reading)",
            );
        }
        c.non_empty(ap.at("action"), "action", &a.action);
        c.non_empty(ap.at("source"), "source", &a.source);
    }

    if let Some(al) = &v.alarms {
        let ap = vp.at("alarms");
        if al.reminder_minutes == 0 {
            c.err(
                ap.at("reminder_minutes"),
                "reminder_minutes must be at least 1",
            );
        }
        for (name, t) in [("high", al.high), ("medium", al.medium), ("low", al.low)] {
            let tp = ap.at(name);
            if t.escalate_after_minutes == 0 {
                c.err(
                    tp.at("escalate_after_minutes"),
                    "escalate_after_minutes must be at least 1",
                );
            }
            if !(1..=30).contains(&t.audio_pause_max_minutes) {
                c.err(
                    tp.at("audio_pause_max_minutes"),
                    "audio_pause_max_minutes must be 1 to 30: a paused alarm must come back",
                );
            }
        }
        if al.high.audio_pause_max_minutes > al.medium.audio_pause_max_minutes
            || al.high.escalate_after_minutes > al.medium.escalate_after_minutes
        {
            c.err(
                ap.at("high"),
                "a high-priority alarm cannot be paused longer, or escalate later, than a medium one",
            );
        }
        c.non_empty(ap.at("source"), "source", &al.source);
    }
}

fn plausible_threshold(c: &mut Checker, path: KeyPath, m: Metric, t: f64, lo: f64, hi: f64) {
    if !(lo..=hi).contains(&t) {
        c.err(
            path,
            format!(
                "{t} {} is not a plausible {} (kap accepts {lo}–{hi})",
                m.unit(),
                m.label()
            ),
        );
    }
}

fn check_bound(c: &mut Checker, path: KeyPath, m: Metric, b: &Bound) {
    let (lo, hi) = plausible::vital_range(m);
    if b.min.is_none() && b.max.is_none() {
        c.err(path.clone(), "a limit needs min, max or both");
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
            format!("min ({a}) must not be greater than max ({z})"),
        );
    }
}
