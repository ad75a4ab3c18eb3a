//! Semantic checks on a protocol that parsed. Every problem is collected (not
//! just the first), each with the key path it concerns, so a site lead sees
//! them all at once.

use super::locate::KeyPath;
use super::model::*;
use super::plausible;
use std::collections::{BTreeSet, HashMap};

#[derive(Debug, Clone, PartialEq)]
pub struct Problem {
    pub warning: bool,
    pub path: KeyPath,
    pub message: String,
}

#[derive(Default)]
struct Checker {
    problems: Vec<Problem>,
}

impl Checker {
    fn err(&mut self, path: KeyPath, message: impl Into<String>) {
        self.problems.push(Problem {
            warning: false,
            path,
            message: message.into(),
        });
    }

    fn warn(&mut self, path: KeyPath, message: impl Into<String>) {
        self.problems.push(Problem {
            warning: true,
            path,
            message: message.into(),
        });
    }

    fn non_empty(&mut self, path: KeyPath, what: &str, s: &str) {
        if s.trim().is_empty() {
            self.err(path, format!("{what} must not be empty"));
        }
    }

    fn positive(&mut self, path: KeyPath, what: &str, v: f64) -> bool {
        if !v.is_finite() || v <= 0.0 {
            self.err(path, format!("{what} must be a positive number, found {v}"));
            false
        } else {
            true
        }
    }

    fn ordered<T: PartialOrd + std::fmt::Display + Copy>(&mut self, path: KeyPath, r: &Range<T>) {
        if r.min > r.max {
            self.err(
                path.at("min"),
                format!("min ({}) must not be greater than max ({})", r.min, r.max),
            );
        }
    }

    /// Each of `numbers` must be within `lo..=hi`; returns the valid ones.
    fn session_numbers(&mut self, path: KeyPath, numbers: &[u32], lo: u32, hi: u32) -> Vec<u32> {
        let mut ok = Vec::new();
        if numbers.is_empty() {
            self.err(path.clone(), "the list of sessions must not be empty");
        }
        let mut seen = BTreeSet::new();
        for (i, &n) in numbers.iter().enumerate() {
            if n < lo || n > hi {
                self.err(
                    path.at(i),
                    format!("session {n} is outside the course (sessions {lo} to {hi})"),
                );
            } else if !seen.insert(n) {
                self.err(path.at(i), format!("session {n} is listed twice"));
            } else {
                ok.push(n);
            }
        }
        ok
    }
}

fn is_slug(s: &str) -> bool {
    !s.is_empty()
        && s.chars()
            .all(|c| c.is_ascii_lowercase() || c.is_ascii_digit() || c == '-' || c == '_')
}

/// All problems in `p`, errors and warnings, in file order as far as possible.
pub fn check(p: &Protocol) -> Vec<Problem> {
    let mut c = Checker::default();
    let root = KeyPath::root();

    if p.format != FORMAT_VERSION {
        c.err(
            root.at("format"),
            format!(
                "unsupported format version {}; this kap reads version {FORMAT_VERSION}",
                p.format
            ),
        );
    }
    check_meta(&mut c, p);
    if !p.site.is_reviewed() {
        c.warn(
            root.at("site"),
            "the site has not signed off this file's site-set values (alarm limits, \
             concentration, discharge criteria): set site.reviewed_by and site.reviewed_on",
        );
    }
    check_course(&mut c, p);
    check_vitals(&mut c, p);
    check_phases(&mut c, p);
    if let Some(m) = &p.music {
        check_music(&mut c, m);
    }
    c.problems
}

fn check_meta(c: &mut Checker, p: &Protocol) {
    let m = KeyPath::root().at("protocol");
    if !is_slug(&p.protocol.id) {
        c.err(
            m.at("id"),
            format!(
                "id \"{}\" must use only lowercase letters, digits, '-' and '_'",
                p.protocol.id
            ),
        );
    }
    c.non_empty(m.at("name"), "name", &p.protocol.name);
    c.non_empty(m.at("version"), "version", &p.protocol.version);
    c.non_empty(m.at("population"), "population", &p.protocol.population);
    if p.protocol.sources.is_empty() {
        c.err(m.clone(), "at least one [[protocol.source]] is required");
    }
    let mut ids = HashMap::new();
    for (i, s) in p.protocol.sources.iter().enumerate() {
        let sp = m.at("source").at(i);
        if ids.insert(s.id.as_str(), i).is_some() {
            c.err(sp.at("id"), format!("source id \"{}\" is used twice", s.id));
        }
        c.non_empty(sp.at("citation"), "citation", &s.citation);
    }
}

fn check_course(c: &mut Checker, p: &Protocol) {
    let cp = KeyPath::root().at("course");
    let n = p.course.sessions;
    if n == 0 || n > plausible::MAX_COURSE_SESSIONS {
        c.err(
            cp.at("sessions"),
            format!(
                "sessions must be between 1 and {}, found {n}",
                plausible::MAX_COURSE_SESSIONS
            ),
        );
        return;
    }

    let d = &p.course.dosing;
    let dp = cp.at("dosing");
    c.positive(dp.at("rounding_mg"), "rounding_mg", d.rounding_mg);
    if let Some(conc) = d.concentration_mg_per_ml {
        c.positive(
            dp.at("concentration_mg_per_ml"),
            "concentration_mg_per_ml",
            conc,
        );
    }

    // Dose rules: every session covered exactly once.
    let mut covered: HashMap<u32, usize> = HashMap::new();
    for (i, r) in p.course.dose_rules.iter().enumerate() {
        let rp = cp.at("dose_rule").at(i);
        for s in c.session_numbers(rp.at("sessions"), &r.sessions, 1, n) {
            if let Some(prev) = covered.insert(s, i) {
                c.err(
                    rp.at("sessions"),
                    format!(
                        "session {s} already has a dose rule (dose_rule {})",
                        prev + 1
                    ),
                );
            }
        }
        check_dose_rule(c, &rp, r);
    }
    let missing: Vec<String> = (1..=n)
        .filter(|s| !covered.contains_key(s))
        .map(|s| s.to_string())
        .collect();
    if !missing.is_empty() {
        c.err(
            cp.clone(),
            format!(
                "no dose rule for session(s) {} of {n}: add a [[course.dose_rule]] for them",
                missing.join(", ")
            ),
        );
    }

    // Intervals: every session after the first covered exactly once.
    let mut covered: HashMap<u32, usize> = HashMap::new();
    for (i, iv) in p.course.intervals.iter().enumerate() {
        let ip = cp.at("interval").at(i);
        if n >= 2 {
            for s in c.session_numbers(ip.at("before_sessions"), &iv.before_sessions, 2, n) {
                if let Some(prev) = covered.insert(s, i) {
                    c.err(
                        ip.at("before_sessions"),
                        format!(
                            "the gap before session {s} is already set (interval {})",
                            prev + 1
                        ),
                    );
                }
            }
        } else {
            c.err(ip.clone(), "a course of one session has no intervals");
        }
        if let Some(t) = &iv.target_days {
            c.ordered(ip.at("target_days"), t);
            if t.min < iv.min_days {
                c.err(
                    ip.at("target_days").at("min"),
                    format!(
                        "target_days.min ({}) is below min_days ({})",
                        t.min, iv.min_days
                    ),
                );
            }
            if let Some(max) = iv.max_days
                && t.max > max
            {
                c.err(
                    ip.at("target_days").at("max"),
                    format!("target_days.max ({}) is above max_days ({max})", t.max),
                );
            }
        }
        if let Some(max) = iv.max_days
            && max < iv.min_days
        {
            c.err(
                ip.at("max_days"),
                format!("max_days ({max}) is below min_days ({})", iv.min_days),
            );
        }
        c.non_empty(ip.at("label"), "label", &iv.label);
        c.non_empty(ip.at("source"), "source", &iv.source);
    }
    let missing: Vec<String> = (2..=n)
        .filter(|s| !covered.contains_key(s))
        .map(|s| s.to_string())
        .collect();
    if !missing.is_empty() {
        c.err(
            cp.clone(),
            format!(
                "no [[course.interval]] gives the gap before session(s) {}",
                missing.join(", ")
            ),
        );
    }

    if let Some(prep) = &p.course.preparation {
        let pp = cp.at("preparation");
        c.ordered(pp.at("sessions"), &prep.sessions);
        if let Some(m) = &prep.session_minutes {
            c.ordered(pp.at("session_minutes"), m);
        }
    }
    if let Some(int) = &p.course.integration {
        let ip = cp.at("integration");
        if let Some(s) = &int.sessions {
            c.ordered(ip.at("sessions"), s);
        }
        if let Some(h) = &int.within_hours {
            c.ordered(ip.at("within_hours"), h);
        }
        if !int.rolling && int.within_hours.is_none() && int.sessions.is_none() {
            c.err(
                ip.clone(),
                "integration needs rolling = true, within_hours or sessions",
            );
        }
    }
    if p.course.goals.min_count == 0 {
        c.err(
            cp.at("goals").at("min_count"),
            "min_count must be at least 1",
        );
    }
}

fn check_dose_rule(c: &mut Checker, rp: &KeyPath, r: &DoseRule) {
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
        (None, Some(mg)) => {
            if c.positive(rp.at("fixed_mg"), "fixed_mg", mg) && mg > plausible::MAX_FIXED_MG {
                c.err(
                    rp.at("fixed_mg"),
                    format!(
                        "{mg} mg is above kap's ceiling of {} mg for a fixed dose",
                        plausible::MAX_FIXED_MG
                    ),
                );
            }
        }
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
        (true, Some(m)) => {
            if c.positive(rp.at("infusion_minutes"), "infusion_minutes", m)
                && m > plausible::MAX_SESSION_MINUTES
            {
                c.err(
                    rp.at("infusion_minutes"),
                    format!(
                        "infusion_minutes {m} is longer than a session kap can run ({} min)",
                        plausible::MAX_SESSION_MINUTES
                    ),
                );
            }
        }
        (false, None) => {}
    }
    if let Some(o) = r.observation_minutes
        && c.positive(rp.at("observation_minutes"), "observation_minutes", o)
        && o > plausible::MAX_SESSION_MINUTES
    {
        c.err(
            rp.at("observation_minutes"),
            format!(
                "observation_minutes {o} is longer than a session kap can run ({} min)",
                plausible::MAX_SESSION_MINUTES
            ),
        );
    }
    c.non_empty(rp.at("source"), "source", &r.source);
}

fn check_vitals(c: &mut Checker, p: &Protocol) {
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
                check_bound(c, lp.at(metric_key(m)), m, b);
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
}

fn metric_key(m: Metric) -> &'static str {
    match m {
        Metric::Systolic => "systolic",
        Metric::Diastolic => "diastolic",
        Metric::Hr => "hr",
        Metric::Spo2 => "spo2",
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

fn check_phases(c: &mut Checker, p: &Protocol) {
    let root = KeyPath::root();
    if p.phases.is_empty() {
        c.err(root.clone(), "a protocol needs at least one [[phase]]");
        return;
    }
    let n = p.course.sessions.clamp(1, plausible::MAX_COURSE_SESSIONS);
    let mut phase_ids: HashMap<&str, usize> = HashMap::new();
    let mut prompt_ids: HashMap<&str, usize> = HashMap::new(); // prompt id -> phase index
    let mut roles: HashMap<PhaseRole, usize> = HashMap::new();
    for (i, ph) in p.phases.iter().enumerate() {
        let pp = root.at("phase").at(i);
        if !is_slug(&ph.id) {
            c.err(
                pp.at("id"),
                format!(
                    "phase id \"{}\" must use lowercase letters, digits, '-' and '_'",
                    ph.id
                ),
            );
        }
        if phase_ids.insert(&ph.id, i).is_some() {
            c.err(pp.at("id"), format!("phase id \"{}\" is used twice", ph.id));
        }
        c.non_empty(pp.at("title"), "title", &ph.title);
        if ph.role != PhaseRole::General
            && let Some(prev) = roles.insert(ph.role, i)
        {
            c.err(
                pp.at("role"),
                format!(
                    "role \"{}\" is already taken by phase \"{}\"",
                    ph.role.as_str(),
                    p.phases[prev].id
                ),
            );
        }
        if let Some(t) = &ph.target_minutes {
            c.ordered(pp.at("target_minutes"), t);
            if t.max == 0 {
                c.err(
                    pp.at("target_minutes").at("max"),
                    "target_minutes.max must be at least 1",
                );
            }
        }
        for (j, pr) in ph.prompts.iter().enumerate() {
            let prp = pp.at("prompt").at(j);
            if !is_slug(&pr.id) {
                c.err(
                    prp.at("id"),
                    format!(
                        "prompt id \"{}\" must use lowercase letters, digits, '-' and '_'",
                        pr.id
                    ),
                );
            }
            if let Some(prev) = prompt_ids.insert(&pr.id, i) {
                c.err(
                    prp.at("id"),
                    format!(
                        "prompt id \"{}\" is already used in phase \"{}\"",
                        pr.id, p.phases[prev].id
                    ),
                );
            }
            c.non_empty(prp.at("text"), "text", &pr.text);
            if let Some(s) = &pr.sessions {
                c.session_numbers(prp.at("sessions"), s, 1, n);
            }
            check_prompt_def(c, &prp, pr);
        }
    }
    if !roles.contains_key(&PhaseRole::Dosing) {
        c.err(
            root.at("phase"),
            "no phase has role = \"dosing\": a protocol needs one infusion or dosing phase",
        );
    }

    // Gates, once every prompt id is known.
    for (i, ph) in p.phases.iter().enumerate() {
        for (g, gate) in ph.gates.iter().enumerate() {
            let gp = root.at("phase").at(i).at("gate").at(g);
            c.non_empty(gp.at("reason"), "reason", &gate.reason);
            match (&gate.prompt, &gate.vitals) {
                (Some(_), Some(_)) => c.err(
                    gp.at("vitals"),
                    "a gate names either a prompt or vitals, not both",
                ),
                (None, None) => c.err(gp.clone(), "a gate needs prompt or vitals"),
                (Some(id), None) => match prompt_ids.get(id.as_str()) {
                    None => c.err(gp.at("prompt"), format!("no prompt has id \"{id}\"")),
                    Some(&at) => {
                        let problem = match gate.when {
                            GateWhen::Enter if at == i => Some(format!(
                                "prompt \"{id}\" belongs to this phase, so it cannot be answered before the phase begins"
                            )),
                            _ if at > i => Some(format!(
                                "prompt \"{id}\" belongs to phase \"{}\", which comes after this one",
                                p.phases[at].id
                            )),
                            _ => None,
                        };
                        if let Some(msg) = problem {
                            c.err(gp.at("prompt"), msg);
                        }
                        if gate.within_minutes.is_some() {
                            c.err(
                                gp.at("within_minutes"),
                                "within_minutes only applies to vitals gates",
                            );
                        }
                    }
                },
                (None, Some(set)) => {
                    if !p.vitals.limits.contains_key(set) {
                        let known: Vec<&str> = p.vitals.limits.keys().map(String::as_str).collect();
                        c.err(
                            gp.at("vitals"),
                            format!(
                                "no limit set \"{set}\" in [vitals.limits] (known: {})",
                                if known.is_empty() {
                                    "none".to_string()
                                } else {
                                    known.join(", ")
                                }
                            ),
                        );
                    }
                    if gate.within_minutes == Some(0) {
                        c.err(gp.at("within_minutes"), "within_minutes must be at least 1");
                    }
                }
            }
        }
    }
}

fn check_music(c: &mut Checker, m: &Music) {
    let mp = KeyPath::root().at("music");
    c.ordered(mp.at("expected_minutes"), &m.expected_minutes);
    if m.no_music_checkin_minutes == 0 {
        c.err(
            mp.at("no_music_checkin_minutes"),
            "no_music_checkin_minutes must be at least 1",
        );
    }
    let mut ids = HashMap::new();
    for (i, s) in m.supports.iter().enumerate() {
        let sp = mp.at("support").at(i);
        if !is_slug(&s.id) {
            c.err(
                sp.at("id"),
                format!(
                    "support id \"{}\" must use lowercase letters, digits, '-' and '_'",
                    s.id
                ),
            );
        }
        if ids.insert(s.id.as_str(), i).is_some() {
            c.err(
                sp.at("id"),
                format!("support id \"{}\" is used twice", s.id),
            );
        }
        c.non_empty(sp.at("label"), "label", &s.label);
    }
    c.non_empty(mp.at("source"), "source", &m.source);
}

/// The parts of a prompt that belong to its kind: choices, range, scale,
/// timing.
fn check_prompt_def(c: &mut Checker, prp: &KeyPath, pr: &Prompt) {
    let k = pr.kind;
    let only = |c: &mut Checker, key: &str, kinds: &str| {
        c.err(
            prp.at(key),
            format!("{key} only applies to {kinds} prompts, not {}", k.as_str()),
        );
    };
    let is_choice = matches!(k, PromptKind::Choice | PromptKind::MultiChoice);
    if is_choice {
        if pr.choices.is_empty() {
            c.err(
                prp.at("choices"),
                format!("a {} prompt needs a list of choices", k.as_str()),
            );
        }
        let mut seen = BTreeSet::new();
        for (i, ch) in pr.choices.iter().enumerate() {
            if ch.trim().is_empty() {
                c.err(prp.at("choices").at(i), "a choice must not be empty");
            } else if !seen.insert(ch.to_lowercase()) {
                c.err(
                    prp.at("choices").at(i),
                    format!("choice \"{ch}\" is listed twice"),
                );
            }
        }
    } else if !pr.choices.is_empty() {
        only(c, "choices", "choice and multi-choice");
    }
    if k == PromptKind::Number {
        for (key, v) in [("min", pr.min), ("max", pr.max)] {
            if let Some(v) = v
                && !v.is_finite()
            {
                c.err(prp.at(key), format!("{key} must be a finite number"));
            }
        }
        if let (Some(a), Some(b)) = (pr.min, pr.max)
            && a > b
        {
            c.err(
                prp.at("min"),
                format!("min ({a}) must not be greater than max ({b})"),
            );
        }
    } else {
        for (key, set) in [
            ("unit", pr.unit.is_some()),
            ("min", pr.min.is_some()),
            ("max", pr.max.is_some()),
        ] {
            if set {
                only(c, key, "number");
            }
        }
    }
    match (&pr.scale, k) {
        (Some(s), PromptKind::Scale) => {
            let sp = prp.at("scale");
            if s.min >= s.max {
                c.err(
                    sp.at("min"),
                    format!("scale min ({}) must be below max ({})", s.min, s.max),
                );
            }
            for (i, a) in s.anchors.iter().enumerate() {
                if a.value < s.min || a.value > s.max {
                    c.err(
                        sp.at("anchors").at(i),
                        format!(
                            "anchor {} is outside the scale {}–{}",
                            a.value, s.min, s.max
                        ),
                    );
                }
            }
            let mut ids = BTreeSet::new();
            for (i, it) in s.items.iter().enumerate() {
                if !is_slug(&it.id) {
                    c.err(
                        sp.at("items").at(i).at("id"),
                        format!(
                            "item id \"{}\" must use lowercase letters, digits, '-' and '_'",
                            it.id
                        ),
                    );
                }
                if !ids.insert(it.id.as_str()) {
                    c.err(
                        sp.at("items").at(i).at("id"),
                        format!("item id \"{}\" is used twice", it.id),
                    );
                }
                c.non_empty(sp.at("items").at(i).at("text"), "text", &it.text);
            }
            if let Some(sc) = &s.scoring {
                if s.items.is_empty() {
                    c.err(sp.at("scoring"), "scoring needs items to combine");
                }
                for (i, id) in sc.items.iter().enumerate() {
                    if !ids.contains(id.as_str()) {
                        c.err(
                            sp.at("scoring").at("items").at(i),
                            format!(
                                "scoring refers to item \"{id}\", which the scale does not have"
                            ),
                        );
                    }
                }
            }
        }
        (Some(_), _) => only(c, "scale", "scale"),
        (None, _) => {}
    }
    if let Some(d) = &pr.due {
        let dp = prp.at("due");
        let set = usize::from(d.at_minute.is_some())
            + usize::from(d.with_vitals)
            + usize::from(d.before_close);
        if set != 1 {
            c.err(
                dp.clone(),
                "due needs exactly one of at_minute, with_vitals or before_close",
            );
        }
        match (d.at_minute, d.window_minutes) {
            (Some(_), None) => c.err(
                dp.clone(),
                "at_minute needs window_minutes (how long until it is overdue)",
            ),
            (Some(_), Some(0)) => {
                c.err(dp.at("window_minutes"), "window_minutes must be at least 1")
            }
            (None, Some(_)) => c.err(
                dp.at("window_minutes"),
                "window_minutes only applies with at_minute",
            ),
            _ => {}
        }
        if let Some(m) = d.at_minute
            && f64::from(m) > plausible::MAX_SESSION_MINUTES
        {
            c.err(
                dp.at("at_minute"),
                format!("at_minute {m} is longer than a session kap can run"),
            );
        }
    }
}
