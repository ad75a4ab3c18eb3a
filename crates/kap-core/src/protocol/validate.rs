//! Semantic checks on a protocol that parsed. Every problem is collected (not
//! just the first), each with the key path it concerns, so a site lead sees
//! them all at once.

use super::locate::KeyPath;
use super::model::*;
use super::plausible;
use crate::i18n::Phrase;
use std::collections::{BTreeSet, HashMap};

mod agreements;
mod dose;
mod formulary;
pub mod outcomes;
mod phases;
mod ranges;
mod risk;
mod visits;
mod vitals;

#[derive(Debug, Clone, PartialEq)]
pub struct Problem {
    pub warning: bool,
    pub path: KeyPath,
    pub message: Phrase,
}

#[derive(Default)]
struct Checker {
    problems: Vec<Problem>,
}

impl Checker {
    fn err(&mut self, path: KeyPath, message: Phrase) {
        self.problems.push(Problem {
            warning: false,
            path,
            message,
        });
    }

    fn warn(&mut self, path: KeyPath, message: Phrase) {
        self.problems.push(Problem {
            warning: true,
            path,
            message,
        });
    }

    fn non_empty(&mut self, path: KeyPath, what: &str, s: &str) {
        if s.trim().is_empty() {
            self.err(path, crate::phrase!("pv-empty", key = what));
        }
    }

    fn positive(&mut self, path: KeyPath, what: &str, v: f64) -> bool {
        if !v.is_finite() || v <= 0.0 {
            self.err(
                path,
                crate::phrase!("pv-positive", key = what, value = plausible::show(v)),
            );
            false
        } else {
            true
        }
    }

    fn ordered<T: PartialOrd + std::fmt::Display + Copy>(&mut self, path: KeyPath, r: &Range<T>) {
        if r.min > r.max {
            self.err(
                path.at("min"),
                crate::phrase!(
                    "pv-min-above-max",
                    min = r.min.to_string(),
                    max = r.max.to_string()
                ),
            );
        }
    }

    /// Each of `numbers` must be within `lo..=hi`; returns the valid ones.
    fn session_numbers(&mut self, path: KeyPath, numbers: &[u32], lo: u32, hi: u32) -> Vec<u32> {
        let mut ok = Vec::new();
        if numbers.is_empty() {
            self.err(path.clone(), crate::phrase!("pv-no-sessions"));
        }
        let mut seen = BTreeSet::new();
        for (i, &n) in numbers.iter().enumerate() {
            if n < lo || n > hi {
                self.err(
                    path.at(i),
                    crate::phrase!("pv-session-outside", session = n, first = lo, last = hi),
                );
            } else if !seen.insert(n) {
                self.err(path.at(i), crate::phrase!("pv-session-twice", session = n));
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
            crate::phrase!(
                "pv-format",
                found = p.format.to_string(),
                reads = FORMAT_VERSION.to_string()
            ),
        );
    }
    check_meta(&mut c, p);
    if !p.site.is_reviewed() {
        c.warn(root.at("site"), crate::phrase!("pv-site-unreviewed"));
    }
    check_course(&mut c, p);
    vitals::check_vitals(&mut c, p);
    phases::check_phases(&mut c, p);
    agreements::check_agreements(&mut c, p);
    formulary::check_formulary(&mut c, p);
    risk::check_risk(&mut c, p);
    outcomes::check_outcomes(&mut c, p);
    visits::check_visits(&mut c, p);
    if let Some(m) = &p.music {
        phases::check_music(&mut c, m);
        if let Some(id) = &m.prompt
            && !p
                .prompt(id)
                .is_some_and(|(_, q)| q.kind == crate::protocol::PromptKind::Text)
        {
            c.err(
                KeyPath::root().at("music").at("prompt"),
                crate::phrase!("pv-music-prompt", id = id.as_str()),
            );
        }
    }
    ranges::check_ranges(&mut c, p);
    c.problems
}

/// The languages a protocol file may declare: those kap has words for.
pub const LANGUAGES: [&str; 3] = ["en", "fr-CA", "pt-BR"];

/// The header has room for this much of a protocol's short name at 80
/// columns, beside the patient, the session and the phase.
pub const SHORT_NAME_MAX: usize = 16;

fn check_meta(c: &mut Checker, p: &Protocol) {
    let m = KeyPath::root().at("protocol");
    if !is_slug(&p.protocol.id) {
        c.err(
            m.at("id"),
            crate::phrase!("pv-slug", kind = "protocol", id = p.protocol.id.as_str()),
        );
    }
    c.non_empty(m.at("name"), "name", &p.protocol.name);
    if let Some(short) = &p.protocol.short_name {
        c.non_empty(m.at("short_name"), "short_name", short);
        if short.chars().count() > SHORT_NAME_MAX {
            c.err(
                m.at("short_name"),
                crate::phrase!("pv-short-name-long", max = SHORT_NAME_MAX),
            );
        }
    }
    c.non_empty(m.at("version"), "version", &p.protocol.version);
    c.non_empty(m.at("population"), "population", &p.protocol.population);
    if let Some(lang) = &p.protocol.language
        && !LANGUAGES.contains(&lang.as_str())
    {
        c.err(
            m.at("language"),
            crate::phrase!(
                "pv-language",
                lang = lang.as_str(),
                known = LANGUAGES.join(", ")
            ),
        );
    }
    if p.protocol.sources.is_empty() {
        c.err(m.clone(), crate::phrase!("pv-no-source"));
    }
    let mut ids = HashMap::new();
    for (i, s) in p.protocol.sources.iter().enumerate() {
        let sp = m.at("source").at(i);
        if ids.insert(s.id.as_str(), i).is_some() {
            c.err(
                sp.at("id"),
                crate::phrase!("pv-id-twice", kind = "source", id = s.id.as_str()),
            );
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
            crate::phrase!(
                "pv-course-sessions",
                max = plausible::MAX_COURSE_SESSIONS,
                found = n
            ),
        );
        return;
    }

    check_dosing(c, p, &cp, n);
    check_maintenance(c, p, &cp, n);
    check_intervals(c, p, &cp, n);
    check_visits_and_goals(c, p, &cp);
}

/// `[course.dosing]` and the dose rules of a course of `n` sessions at
/// `cp`: every session covered exactly once.
fn check_dosing(c: &mut Checker, p: &Protocol, cp: &KeyPath, n: u32) {
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
                    crate::phrase!("pv-dose-rule-twice", session = s, rule = prev + 1),
                );
            }
        }
        dose::check_dose_rule(c, &rp, r);
    }
    let missing = uncovered(1..=n, &covered);
    if !missing.is_empty() {
        c.err(
            cp.clone(),
            crate::phrase!(
                "pv-no-dose-rule",
                count = missing.len(),
                sessions = missing.join(", "),
                of = n
            ),
        );
    }
}

/// The sessions of `all` that no rule or interval covers, as numbers.
fn uncovered(all: std::ops::RangeInclusive<u32>, covered: &HashMap<u32, usize>) -> Vec<String> {
    all.filter(|s| !covered.contains_key(s))
        .map(|s| s.to_string())
        .collect()
}

/// `[course.maintenance]`, when there is one.
fn check_maintenance(c: &mut Checker, p: &Protocol, cp: &KeyPath, n: u32) {
    if let Some(m) = &p.course.maintenance {
        let mp = cp.at("maintenance");
        c.ordered(mp.at("every_months"), &m.every_months);
        if m.every_months.min == 0 {
            c.err(
                mp.at("every_months").at("min"),
                crate::phrase!("pv-at-least-one", key = "every_months.min"),
            );
        }
        if m.dose_as_session == 0 || m.dose_as_session > n {
            c.err(
                mp.at("dose_as_session"),
                crate::phrase!("pv-dose-as-session", last = n, found = m.dose_as_session),
            );
        }
        c.non_empty(mp.at("label"), "label", &m.label);
        c.non_empty(mp.at("source"), "source", &m.source);
    }
}

/// `[[course.interval]]`: every session after the first covered exactly
/// once, and each interval's days in order.
fn check_intervals(c: &mut Checker, p: &Protocol, cp: &KeyPath, n: u32) {
    // Intervals: every session after the first covered exactly once.
    let mut covered: HashMap<u32, usize> = HashMap::new();
    for (i, iv) in p.course.intervals.iter().enumerate() {
        let ip = cp.at("interval").at(i);
        if n >= 2 {
            for s in c.session_numbers(ip.at("before_sessions"), &iv.before_sessions, 2, n) {
                if let Some(prev) = covered.insert(s, i) {
                    c.err(
                        ip.at("before_sessions"),
                        crate::phrase!("pv-interval-twice", session = s, interval = prev + 1),
                    );
                }
            }
        } else {
            c.err(ip.clone(), crate::phrase!("pv-interval-one-session"));
        }
        check_interval_days(c, &ip, iv);
        c.non_empty(ip.at("label"), "label", &iv.label);
        c.non_empty(ip.at("source"), "source", &iv.source);
    }
    let missing = uncovered(2..=n, &covered);
    if !missing.is_empty() {
        c.err(
            cp.clone(),
            crate::phrase!(
                "pv-no-interval",
                count = missing.len(),
                sessions = missing.join(", ")
            ),
        );
    }
}

/// One interval's `target_days` inside its `min_days` and `max_days`, at `ip`.
fn check_interval_days(c: &mut Checker, ip: &KeyPath, iv: &Interval) {
    if let Some(t) = &iv.target_days {
        c.ordered(ip.at("target_days"), t);
        if t.min < iv.min_days {
            c.err(
                ip.at("target_days").at("min"),
                crate::phrase!(
                    "pv-below",
                    key = "target_days.min",
                    value = t.min,
                    other = "min_days",
                    limit = iv.min_days
                ),
            );
        }
        if let Some(max) = iv.max_days
            && t.max > max
        {
            c.err(
                ip.at("target_days").at("max"),
                crate::phrase!(
                    "pv-above",
                    key = "target_days.max",
                    value = t.max,
                    other = "max_days",
                    limit = max
                ),
            );
        }
    }
    if let Some(max) = iv.max_days
        && max < iv.min_days
    {
        c.err(
            ip.at("max_days"),
            crate::phrase!(
                "pv-below",
                key = "max_days",
                value = max,
                other = "min_days",
                limit = iv.min_days
            ),
        );
    }
}

/// `[course.preparation]`, `[course.integration]` and `[course.goals]`.
fn check_visits_and_goals(c: &mut Checker, p: &Protocol, cp: &KeyPath) {
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
            c.err(ip.clone(), crate::phrase!("pv-integration"));
        }
    }
    if p.course.goals.min_count == 0 {
        c.err(
            cp.at("goals").at("min_count"),
            crate::phrase!("pv-at-least-one", key = "min_count"),
        );
    }
}
