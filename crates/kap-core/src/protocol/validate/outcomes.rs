//! Checks of outcome measures: each instrument a file writes (and, through
//! [`check_instrument`], each kap ships), and each `[[course.measure]]` —
//! a known instrument, given in phases the protocol has (never during the
//! dose), in sessions of the course, with a response and a remission
//! criterion that can be met.

use super::*;

/// Every problem of the instrument at `ip`.
pub fn check_instrument(ip: &KeyPath, ins: &Instrument) -> Vec<Problem> {
    let mut c = Checker::default();
    instrument(&mut c, ip, ins);
    c.problems
}

fn english(c: &mut Checker, path: KeyPath, words: &Words) {
    if words.get("en").is_none_or(|w| w.trim().is_empty()) {
        c.err(path, crate::phrase!("pv-outcome-no-english"));
    }
}

fn instrument(c: &mut Checker, ip: &KeyPath, ins: &Instrument) {
    if !is_slug(&ins.id) {
        c.err(
            ip.at("id"),
            crate::phrase!("pv-slug", kind = "item", id = ins.id.as_str()),
        );
    }
    c.non_empty(ip.at("name"), "name", &ins.name);
    c.non_empty(ip.at("version"), "version", &ins.version);
    c.non_empty(ip.at("licence"), "licence", &ins.licence);
    c.non_empty(ip.at("source"), "source", &ins.source);
    c.non_empty(ip.at("scoring").at("source"), "source", &ins.scoring.source);
    english(c, ip.at("stem"), &ins.stem);
    if ins.choices.is_empty() {
        c.err(ip.clone(), crate::phrase!("pv-outcome-no-choices"));
    }
    let mut values = BTreeSet::new();
    for (i, ch) in ins.choices.iter().enumerate() {
        if !values.insert(ch.value) {
            c.err(
                ip.at("choice").at(i).at("value"),
                crate::phrase!("pv-outcome-value-twice", value = ch.value),
            );
        }
        english(c, ip.at("choice").at(i).at("text"), &ch.text);
    }
    if ins.items.is_empty() {
        c.err(ip.clone(), crate::phrase!("pv-outcome-no-items"));
    }
    let mut ids = BTreeSet::new();
    for (i, it) in ins.items.iter().enumerate() {
        let p = ip.at("item").at(i);
        if !is_slug(&it.id) {
            c.err(
                p.at("id"),
                crate::phrase!("pv-slug", kind = "item", id = it.id.as_str()),
            );
        } else if !ids.insert(it.id.as_str()) {
            c.err(
                p.at("id"),
                crate::phrase!("pv-id-twice", kind = "item", id = it.id.as_str()),
            );
        }
        english(c, p.at("text"), &it.text);
    }
    for (i, r) in ins.scoring.reversed.iter().enumerate() {
        if !ids.contains(r.as_str()) {
            c.err(
                ip.at("scoring").at("reversed").at(i),
                crate::phrase!("pv-scoring-unknown-item", id = r.as_str()),
            );
        }
    }
    bands(c, ip, ins);
}

/// Bands in order, each inside the totals, together covering every total
/// once.
fn bands(c: &mut Checker, ip: &KeyPath, ins: &Instrument) {
    if ins.bands.is_empty() || ins.choices.is_empty() {
        return;
    }
    let (lo, hi) = ins.total_range();
    let mut next = lo;
    for (i, b) in ins.bands.iter().enumerate() {
        let bp = ip.at("band").at(i);
        english(c, bp.at("label"), &b.label);
        if b.min != next || b.max < b.min || b.max > hi {
            c.err(
                bp.at("min"),
                crate::phrase!(
                    "pv-outcome-band",
                    min = b.min,
                    max = b.max,
                    from = next,
                    top = hi
                ),
            );
            return;
        }
        next = b.max.saturating_add(1);
    }
    if next <= hi && ins.bands.last().is_some_and(|b| b.max < hi) {
        c.err(
            ip.at("band").at(ins.bands.len() - 1).at("max"),
            crate::phrase!("pv-outcome-bands-short", from = next, top = hi),
        );
    }
}

pub(super) fn check_outcomes(c: &mut Checker, p: &Protocol) {
    let mut seen = HashMap::new();
    for (i, ins) in p.instruments.iter().enumerate() {
        let ip = KeyPath::root().at("instrument").at(i);
        if seen.insert(ins.id.as_str(), i).is_some() {
            c.err(
                ip.at("id"),
                crate::phrase!("pv-id-twice", kind = "item", id = ins.id.as_str()),
            );
        }
        instrument(c, &ip, ins);
    }
    let mut named = HashMap::new();
    for (i, m) in p.course.measures.iter().enumerate() {
        let mp = KeyPath::root().at("course").at("measure").at(i);
        measure(c, p, &mp, m);
        if named.insert(m.instrument.as_str(), i).is_some() {
            c.err(
                mp.at("instrument"),
                crate::phrase!("pv-outcome-measure-twice", id = m.instrument.as_str()),
            );
        }
    }
}

fn measure(c: &mut Checker, p: &Protocol, mp: &KeyPath, m: &CourseMeasure) {
    c.non_empty(mp.at("source"), "source", &m.source);
    let Some(ins) = p.instrument(&m.instrument) else {
        let known: Vec<&str> = p
            .instruments
            .iter()
            .map(|i| i.id.as_str())
            .chain(crate::outcome::SHIPPED.iter().map(|(id, _)| *id))
            .collect();
        c.err(
            mp.at("instrument"),
            crate::phrase!(
                "pv-outcome-unknown",
                id = m.instrument.as_str(),
                known = known.join(", ")
            ),
        );
        return;
    };
    if m.when.is_empty() {
        c.err(mp.clone(), crate::phrase!("pv-outcome-no-when"));
    }
    let last = p.course.sessions
        + p.course
            .maintenance
            .as_ref()
            .map_or(0, |_| plausible::MAX_COURSE_SESSIONS);
    for (j, w) in m.when.iter().enumerate() {
        let wp = mp.at("when").at(j);
        if w.phase == PhaseRole::Dosing {
            c.err(wp.at("phase"), crate::phrase!("pv-outcome-during-dose"));
        } else if !p.phases.iter().any(|ph| ph.role == w.phase) {
            c.err(
                wp.at("phase"),
                crate::phrase!("pv-outcome-no-phase", role = w.phase.as_str()),
            );
        }
        if !w.sessions.is_empty() {
            c.session_numbers(wp.at("sessions"), &w.sessions, 1, last);
        }
    }
    if let Some(r) = &m.response {
        c.non_empty(mp.at("response").at("source"), "source", &r.source);
        if !(1..=99).contains(&r.reduction_over_percent) {
            c.err(
                mp.at("response").at("reduction_over_percent"),
                crate::phrase!("pv-outcome-response", value = r.reduction_over_percent),
            );
        }
    }
    if let Some(r) = &m.remission {
        c.non_empty(mp.at("remission").at("source"), "source", &r.source);
        let (lo, hi) = ins.total_range();
        if r.below <= lo || r.below > hi {
            c.err(
                mp.at("remission").at("below"),
                crate::phrase!("pv-outcome-remission", value = r.below, lo = lo, hi = hi),
            );
        }
    }
}
