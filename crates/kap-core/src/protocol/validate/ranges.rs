//! Plausible ranges of every number in a protocol file (`plausible.rs`):
//! a value no protocol could mean — a concentration of 1e-9 mg/mL, a
//! 1e300-minute alarm reminder — is refused at its own line and column.
//! Checks made elsewhere are not repeated: a non-positive dose or minute
//! is refused as such by `dose.rs`, a zero interval by `vitals.rs`, and
//! the ceilings of doses and session length stay where they were; this
//! module adds the missing side of each range.

use super::*;
use plausible::{MAX_ALARM_MINUTES, MAX_MINUTES};

impl Checker {
    /// `v` below `lo` (a positive, finite value: other values are refused
    /// as not positive elsewhere).
    fn not_below(&mut self, path: KeyPath, key: &str, v: f64, lo: f64, unit: &str) {
        if v.is_finite() && v > 0.0 && v < lo {
            self.out_of_range(
                path,
                key,
                &plausible::show(v),
                &plausible::show(lo),
                "",
                unit,
            );
        }
    }

    /// `v` outside `lo..=hi` (positive and finite, as above).
    pub(super) fn within(
        &mut self,
        path: KeyPath,
        key: &str,
        v: f64,
        (lo, hi): (f64, f64),
        unit: &str,
    ) {
        if v.is_finite() && v > 0.0 && !(lo..=hi).contains(&v) {
            let (lo, hi) = (plausible::show(lo), plausible::show(hi));
            self.out_of_range(path, key, &plausible::show(v), &lo, &hi, unit);
        }
    }

    /// A whole number outside `lo..=hi`.
    pub(super) fn within_u32(
        &mut self,
        path: KeyPath,
        key: &str,
        v: u32,
        lo: u32,
        hi: u32,
        unit: &str,
    ) {
        if !(lo..=hi).contains(&v) {
            let (lo, hi) = (lo.to_string(), hi.to_string());
            self.out_of_range(path, key, &v.to_string(), &lo, &hi, unit);
        }
    }

    /// Both ends of a whole-number range within `lo..=hi`; its top is at
    /// least 1 (a range up to nothing is no range).
    pub(super) fn range_within(
        &mut self,
        path: KeyPath,
        key: &str,
        r: &Range<u32>,
        lo: u32,
        hi: u32,
    ) {
        self.within_u32(path.at("min"), &format!("{key}.min"), r.min, lo, hi, "");
        let top = lo.max(1);
        self.within_u32(path.at("max"), &format!("{key}.max"), r.max, top, hi, "");
    }

    fn out_of_range(&mut self, path: KeyPath, key: &str, v: &str, lo: &str, hi: &str, unit: &str) {
        let unit = if unit.is_empty() {
            String::new()
        } else {
            format!(" {unit}")
        };
        let message = if hi.is_empty() {
            crate::phrase!(
                "pv-below-plausible",
                key = key,
                value = v,
                min = lo,
                unit = unit
            )
        } else {
            crate::phrase!(
                "pv-out-of-range",
                key = key,
                value = v,
                min = lo,
                max = hi,
                unit = unit
            )
        };
        self.err(path, message);
    }
}

pub(super) fn check_ranges(c: &mut Checker, p: &Protocol) {
    check_dosing(c, p);
    check_course_timing(c, p);
    check_phase_timing(c, p);
    check_vitals_timing(c, p);
}

fn check_dosing(c: &mut Checker, p: &Protocol) {
    let dp = KeyPath::root().at("course").at("dosing");
    let d = &p.course.dosing;
    c.within(
        dp.at("rounding_mg"),
        "rounding_mg",
        d.rounding_mg,
        plausible::ROUNDING_MG,
        "mg",
    );
    if let Some(conc) = d.concentration_mg_per_ml {
        let key = "concentration_mg_per_ml";
        c.within(
            dp.at(key),
            key,
            conc,
            plausible::CONCENTRATION_MG_PER_ML,
            "mg/mL",
        );
    }
    for (i, r) in p.course.dose_rules.iter().enumerate() {
        let rp = KeyPath::root().at("course").at("dose_rule").at(i);
        if let Some(k) = &r.mg_per_kg {
            let kp = rp.at("mg_per_kg");
            let min = plausible::MIN_MG_PER_KG;
            c.not_below(kp.at("min"), "mg_per_kg.min", k.min, min, "mg/kg");
            c.not_below(kp.at("max"), "mg_per_kg.max", k.max, min, "mg/kg");
            if let Some(def) = k.default {
                c.not_below(kp.at("default"), "mg_per_kg.default", def, min, "mg/kg");
            }
        }
        for (key, v) in [("fixed_mg", r.fixed_mg), ("max_mg", r.max_mg)] {
            if let Some(v) = v {
                c.not_below(rp.at(key), key, v, plausible::MIN_FIXED_MG, "mg");
            }
        }
        for (key, v) in [
            ("infusion_minutes", r.infusion_minutes),
            ("observation_minutes", r.observation_minutes),
        ] {
            if let Some(v) = v {
                c.not_below(rp.at(key), key, v, plausible::MIN_MINUTES, "min");
            }
        }
        for (j, st) in r.steps.iter().enumerate() {
            let sp = rp.at("step").at(j);
            if let Some(k) = st.mg_per_kg {
                let range = (plausible::MIN_MG_PER_KG, plausible::MAX_MG_PER_KG);
                c.within(sp.at("mg_per_kg"), "mg_per_kg", k, range, "mg/kg");
            }
            if let Some(mg) = st.fixed_mg {
                c.not_below(
                    sp.at("fixed_mg"),
                    "fixed_mg",
                    mg,
                    plausible::MIN_FIXED_MG,
                    "mg",
                );
            }
            let range = (plausible::MIN_MINUTES, plausible::MAX_SESSION_MINUTES);
            c.within(sp.at("minutes"), "minutes", st.minutes, range, "min");
        }
    }
}

fn check_course_timing(c: &mut Checker, p: &Protocol) {
    let cp = KeyPath::root().at("course");
    let sessions = plausible::MAX_COURSE_SESSIONS;
    for (i, iv) in p.course.intervals.iter().enumerate() {
        let ip = cp.at("interval").at(i);
        let days = plausible::MAX_DAYS;
        c.within_u32(ip.at("min_days"), "min_days", iv.min_days, 0, days, "d");
        if let Some(max) = iv.max_days {
            c.within_u32(ip.at("max_days"), "max_days", max, 1, days, "d");
        }
        if let Some(t) = &iv.target_days {
            c.range_within(ip.at("target_days"), "target_days", t, 0, days);
        }
    }
    if let Some(n) = p.course.numbering.as_ref() {
        let np = cp.at("numbering");
        if let Some(d) = n.other_protocol_days {
            let days = plausible::MAX_DAYS;
            let key = "other_protocol_days";
            c.within_u32(np.at(key), key, d, 1, days, "d");
        }
        c.non_empty(np.at("source"), "source", &n.source);
    }
    if let Some(m) = &p.course.maintenance {
        let mp = cp.at("maintenance").at("every_months");
        let (most, r) = (plausible::MAX_MONTHS, &m.every_months);
        // A zero minimum is refused as "at least 1" in validate.rs.
        if r.min > 0 {
            c.within_u32(mp.at("min"), "every_months.min", r.min, 1, most, "");
        }
        c.within_u32(mp.at("max"), "every_months.max", r.max, 1, most, "");
    }
    if let Some(prep) = &p.course.preparation {
        let pp = cp.at("preparation");
        c.range_within(pp.at("sessions"), "sessions", &prep.sessions, 0, sessions);
        if let Some(m) = &prep.session_minutes {
            c.range_within(
                pp.at("session_minutes"),
                "session_minutes",
                m,
                1,
                MAX_MINUTES,
            );
        }
    }
    if let Some(int) = &p.course.integration {
        let ip = cp.at("integration");
        if let Some(s) = &int.sessions {
            c.range_within(ip.at("sessions"), "sessions", s, 0, sessions);
        }
        if let Some(h) = &int.within_hours {
            let hp = ip.at("within_hours");
            c.within_u32(
                hp.at("min"),
                "within_hours.min",
                h.min,
                0,
                plausible::MAX_HOURS,
                "h",
            );
            c.within_u32(
                hp.at("max"),
                "within_hours.max",
                h.max,
                1,
                plausible::MAX_HOURS,
                "h",
            );
        }
    }
    let g = p.course.goals.min_count;
    if g > 0 {
        let gp = cp.at("goals").at("min_count");
        c.within_u32(gp, "min_count", g, 1, plausible::MAX_GOALS, "");
    }
}

fn check_phase_timing(c: &mut Checker, p: &Protocol) {
    for (i, ph) in p.phases.iter().enumerate() {
        let pp = KeyPath::root().at("phase").at(i);
        if let Some(t) = &ph.target_minutes {
            let tp = pp.at("target_minutes");
            c.within_u32(
                tp.at("min"),
                "target_minutes.min",
                t.min,
                0,
                MAX_MINUTES,
                "min",
            );
            if t.max > 0 {
                c.within_u32(
                    tp.at("max"),
                    "target_minutes.max",
                    t.max,
                    1,
                    MAX_MINUTES,
                    "min",
                );
            }
        }
        for (j, pr) in ph.prompts.iter().enumerate() {
            if let Some(w) = pr.due.as_ref().and_then(|d| d.window_minutes)
                && w > 0
            {
                let wp = pp.at("prompt").at(j).at("due").at("window_minutes");
                c.within_u32(wp, "window_minutes", w, 1, MAX_MINUTES, "min");
            }
        }
        for (g, gate) in ph.gates.iter().enumerate() {
            if let Some(w) = gate.within_minutes
                && w > 0
            {
                let gp = pp.at("gate").at(g).at("within_minutes");
                c.within_u32(gp, "within_minutes", w, 1, MAX_MINUTES, "min");
            }
        }
    }
    if let Some(m) = &p.music {
        let mp = KeyPath::root().at("music");
        let e = &m.expected_minutes;
        c.range_within(
            mp.at("expected_minutes"),
            "expected_minutes",
            e,
            1,
            MAX_MINUTES,
        );
        let n = m.no_music_checkin_minutes;
        if n > 0 {
            let np = mp.at("no_music_checkin_minutes");
            c.within_u32(
                np,
                "no_music_checkin_minutes",
                n,
                1,
                MAX_ALARM_MINUTES,
                "min",
            );
        }
    }
}

fn check_vitals_timing(c: &mut Checker, p: &Protocol) {
    let vp = KeyPath::root().at("vitals");
    let v = &p.vitals;
    let most = plausible::MAX_VITALS_INTERVAL_MINUTES;
    for (key, r) in [
        ("interval_minutes", Some(&v.interval_minutes)),
        (
            "after_dosing_interval_minutes",
            v.after_dosing_interval_minutes.as_ref(),
        ),
    ] {
        if let Some(r) = r {
            // A zero minimum is refused as "at least 1" in vitals.rs.
            for (end, x) in [("min", r.min), ("max", r.max)] {
                if x > 0 || end == "max" {
                    let shown = format!("{key}.{end}");
                    c.within_u32(vp.at(key).at(end), &shown, x, 1, most, "min");
                }
            }
        }
    }
    if let Some(al) = &v.alarms {
        let ap = vp.at("alarms");
        if al.reminder_minutes > 0 {
            let key = "reminder_minutes";
            c.within_u32(
                ap.at(key),
                key,
                al.reminder_minutes,
                1,
                MAX_ALARM_MINUTES,
                "min",
            );
        }
        for (name, t) in [("high", al.high), ("medium", al.medium), ("low", al.low)] {
            let e = t.escalate_after_minutes;
            if e > 0 {
                let key = "escalate_after_minutes";
                c.within_u32(ap.at(name).at(key), key, e, 1, MAX_ALARM_MINUTES, "min");
            }
        }
    }
    for (i, a) in v.alerts.iter().enumerate() {
        if let Some(m) = a.confirm_after_minutes
            && m > 0
        {
            let key = "confirm_after_minutes";
            c.within_u32(
                vp.at("alert").at(i).at(key),
                key,
                m,
                1,
                MAX_ALARM_MINUTES,
                "min",
            );
        }
    }
}
