//! Checks of the phases, their prompts and gates, and the music section.

use super::*;

pub(super) fn check_phases(c: &mut Checker, p: &Protocol) {
    let root = KeyPath::root();
    if p.phases.is_empty() {
        c.err(root.clone(), crate::phrase!("pv-no-phase"));
        return;
    }
    let n = p.course.sessions.clamp(1, plausible::MAX_COURSE_SESSIONS);
    let mut phase_ids: HashMap<&str, usize> = HashMap::new();
    let mut prompt_ids: HashMap<&str, usize> = HashMap::new(); // prompt id -> phase index
    let mut roles: HashMap<PhaseRole, usize> = HashMap::new();
    for (i, ph) in p.phases.iter().enumerate() {
        let pp = root.at("phase").at(i);
        check_phase_head(c, p, i, &pp, &mut phase_ids, &mut roles);
        for (j, pr) in ph.prompts.iter().enumerate() {
            let prp = pp.at("prompt").at(j);
            check_prompt(c, p, i, n, &prp, pr, &mut prompt_ids);
            check_prompt_def(c, &prp, pr);
        }
    }
    if !roles.contains_key(&PhaseRole::Dosing) {
        c.err(root.at("phase"), crate::phrase!("pv-no-dosing-phase"));
    }

    // Gates, once every prompt id is known.
    for (i, ph) in p.phases.iter().enumerate() {
        for (g, gate) in ph.gates.iter().enumerate() {
            let gp = root.at("phase").at(i).at("gate").at(g);
            check_gate(c, p, i, &gp, gate, &prompt_ids);
        }
    }
}

/// Phase `i`'s id, title, role (one phase per role but the general one)
/// and target minutes, at `pp`.
fn check_phase_head<'a>(
    c: &mut Checker,
    p: &'a Protocol,
    i: usize,
    pp: &KeyPath,
    phase_ids: &mut HashMap<&'a str, usize>,
    roles: &mut HashMap<PhaseRole, usize>,
) {
    let ph = &p.phases[i];
    if !is_slug(&ph.id) {
        c.err(
            pp.at("id"),
            crate::phrase!("pv-slug", kind = "phase", id = ph.id.as_str()),
        );
    }
    if phase_ids.insert(&ph.id, i).is_some() {
        c.err(
            pp.at("id"),
            crate::phrase!("pv-id-twice", kind = "phase", id = ph.id.as_str()),
        );
    }
    c.non_empty(pp.at("title"), "title", &ph.title);
    if ph.role != PhaseRole::General
        && let Some(prev) = roles.insert(ph.role, i)
    {
        c.err(
            pp.at("role"),
            crate::phrase!(
                "pv-role-taken",
                role = ph.role.as_str(),
                phase = p.phases[prev].id.as_str()
            ),
        );
    }
    if let Some(t) = &ph.target_minutes {
        c.ordered(pp.at("target_minutes"), t);
        if t.max == 0 {
            c.err(
                pp.at("target_minutes").at("max"),
                crate::phrase!("pv-at-least-one", key = "target_minutes.max"),
            );
        }
    }
}

/// A prompt of phase `i` (of a course of `n` sessions), at `prp`: its id
/// unique across phases, its text, the sessions it is asked in.
fn check_prompt<'a>(
    c: &mut Checker,
    p: &Protocol,
    i: usize,
    n: u32,
    prp: &KeyPath,
    pr: &'a Prompt,
    prompt_ids: &mut HashMap<&'a str, usize>,
) {
    if !is_slug(&pr.id) {
        c.err(
            prp.at("id"),
            crate::phrase!("pv-slug", kind = "prompt", id = pr.id.as_str()),
        );
    }
    if let Some(prev) = prompt_ids.insert(&pr.id, i) {
        c.err(
            prp.at("id"),
            crate::phrase!(
                "pv-prompt-id-taken",
                id = pr.id.as_str(),
                phase = p.phases[prev].id.as_str()
            ),
        );
    }
    c.non_empty(prp.at("text"), "text", &pr.text);
    if let Some(s) = &pr.sessions {
        c.session_numbers(prp.at("sessions"), s, 1, n);
        if pr.maintenance {
            c.err(
                prp.at("maintenance"),
                crate::phrase!("pv-either", a = "sessions", b = "maintenance = true"),
            );
        }
    }
    if pr.maintenance && p.course.maintenance.is_none() {
        c.err(prp.at("maintenance"), crate::phrase!("pv-no-maintenance"));
    }
}

/// A gate of phase `i`, at `gp`: it names a score, a prompt or a vitals
/// limit set, exactly one of them.
fn check_gate(
    c: &mut Checker,
    p: &Protocol,
    i: usize,
    gp: &KeyPath,
    gate: &Gate,
    prompt_ids: &HashMap<&str, usize>,
) {
    c.non_empty(gp.at("reason"), "reason", &gate.reason);
    if let Some(id) = &gate.score {
        if gate.prompt.is_some() || gate.vitals.is_some() {
            c.err(gp.at("score"), crate::phrase!("pv-gate-both"));
        } else {
            check_score_gate(c, p, gp, gate, id, prompt_ids, i);
        }
        return;
    }
    if gate.min_score.is_some() {
        c.err(
            gp.at("min_score"),
            crate::phrase!("pv-min-score-without-score"),
        );
    }
    match (&gate.prompt, &gate.vitals) {
        (Some(_), Some(_)) => c.err(gp.at("vitals"), crate::phrase!("pv-gate-both")),
        (None, None) => c.err(gp.clone(), crate::phrase!("pv-gate-neither")),
        (Some(id), None) => match prompt_ids.get(id.as_str()) {
            None => c.err(
                gp.at("prompt"),
                crate::phrase!("pv-no-such-prompt", id = id.as_str()),
            ),
            Some(&at) => check_prompt_gate(c, p, i, gp, gate, id, at),
        },
        (None, Some(set)) => check_vitals_gate(c, p, gp, gate, set),
    }
}

/// A gate of phase `i` on prompt `id`, asked in phase `at`: a prompt of an
/// earlier phase (or of this one when the gate is on leaving it).
fn check_prompt_gate(
    c: &mut Checker,
    p: &Protocol,
    i: usize,
    gp: &KeyPath,
    gate: &Gate,
    id: &str,
    at: usize,
) {
    let problem = match gate.when {
        GateWhen::Enter if at == i => Some(crate::phrase!("pv-gate-own-phase", id = id)),
        _ if at > i => Some(crate::phrase!(
            "pv-gate-later-phase",
            id = id,
            phase = p.phases[at].id.as_str()
        )),
        _ => None,
    };
    if let Some(msg) = problem {
        c.err(gp.at("prompt"), msg);
    }
    if gate.within_minutes.is_some() {
        c.err(
            gp.at("within_minutes"),
            crate::phrase!("pv-within-minutes-vitals"),
        );
    }
}

/// A gate on the vitals limit set `set`: a set the protocol has, and a
/// window of at least a minute.
fn check_vitals_gate(c: &mut Checker, p: &Protocol, gp: &KeyPath, gate: &Gate, set: &str) {
    if !p.vitals.limits.contains_key(set) {
        let known: Vec<&str> = p.vitals.limits.keys().map(String::as_str).collect();
        c.err(
            gp.at("vitals"),
            if known.is_empty() {
                crate::phrase!("pv-no-limit-set-none", set = set)
            } else {
                crate::phrase!("pv-no-limit-set", set = set, known = known.join(", "))
            },
        );
    }
    if gate.within_minutes == Some(0) {
        c.err(
            gp.at("within_minutes"),
            crate::phrase!("pv-at-least-one", key = "within_minutes"),
        );
    }
}

/// A score gate: it names a scored rating scale of this phase or an
/// earlier one, and a `min_score` the scale can reach.
fn check_score_gate(
    c: &mut Checker,
    p: &Protocol,
    gp: &KeyPath,
    gate: &crate::protocol::Gate,
    id: &str,
    prompt_ids: &std::collections::HashMap<&str, usize>,
    phase: usize,
) {
    let Some(&at) = prompt_ids.get(id) else {
        c.err(gp.at("score"), crate::phrase!("pv-no-such-prompt", id = id));
        return;
    };
    if at > phase || (at == phase && gate.when == GateWhen::Enter) {
        c.err(
            gp.at("score"),
            crate::phrase!(
                "pv-gate-later-phase",
                id = id,
                phase = p.phases[at].id.as_str()
            ),
        );
    }
    let Some((_, prompt)) = p.prompt(id) else {
        return;
    };
    let range = prompt
        .scale
        .as_ref()
        .filter(|s| s.scoring.is_some())
        .and_then(|s| crate::protocol::values::score_range(prompt, s));
    let Some((lo, hi)) = range else {
        c.err(
            gp.at("score"),
            crate::phrase!("pv-gate-score-not-scored", id = id),
        );
        return;
    };
    match gate.min_score {
        None => c.err(gp.clone(), crate::phrase!("pv-gate-min-score-needed")),
        Some(m) if !(lo..=hi).contains(&m) => c.err(
            gp.at("min_score"),
            crate::phrase!("pv-gate-min-score-range", min = lo, max = hi),
        ),
        Some(_) => {}
    }
    if gate.within_minutes == Some(0) {
        c.err(
            gp.at("within_minutes"),
            crate::phrase!("pv-at-least-one", key = "within_minutes"),
        );
    }
}

pub(super) fn check_music(c: &mut Checker, m: &Music) {
    let mp = KeyPath::root().at("music");
    c.ordered(mp.at("expected_minutes"), &m.expected_minutes);
    if m.no_music_checkin_minutes == 0 {
        c.err(
            mp.at("no_music_checkin_minutes"),
            crate::phrase!("pv-at-least-one", key = "no_music_checkin_minutes"),
        );
    }
    let mut ids = HashMap::new();
    for (i, s) in m.supports.iter().enumerate() {
        let sp = mp.at("support").at(i);
        if !is_slug(&s.id) {
            c.err(
                sp.at("id"),
                crate::phrase!("pv-slug", kind = "support", id = s.id.as_str()),
            );
        }
        if ids.insert(s.id.as_str(), i).is_some() {
            c.err(
                sp.at("id"),
                crate::phrase!("pv-id-twice", kind = "support", id = s.id.as_str()),
            );
        }
        c.non_empty(sp.at("label"), "label", &s.label);
    }
    c.non_empty(mp.at("source"), "source", &m.source);
}

/// The parts of a prompt that belong to its kind: choices, range, scale,
/// timing.
pub(super) fn check_prompt_def(c: &mut Checker, prp: &KeyPath, pr: &Prompt) {
    let k = pr.kind;
    let is_choice = matches!(k, PromptKind::Choice | PromptKind::MultiChoice);
    if is_choice {
        check_choices(c, prp, pr);
    } else if !pr.choices.is_empty() {
        only(c, prp, k, "choices", "choice");
    }
    if k == PromptKind::Number {
        check_number_range(c, prp, pr);
    } else {
        for (key, set) in [
            ("unit", pr.unit.is_some()),
            ("min", pr.min.is_some()),
            ("max", pr.max.is_some()),
        ] {
            if set {
                only(c, prp, k, key, "number");
            }
        }
    }
    match (&pr.scale, k) {
        (Some(s), PromptKind::Scale) => check_scale(c, &prp.at("scale"), s),
        (Some(_), _) => only(c, prp, k, "scale", "scale"),
        (None, _) => {}
    }
    if let Some(d) = &pr.due {
        check_due(c, &prp.at("due"), d);
    }
}

/// `key` is set on a prompt of kind `k` though it belongs to `kinds`.
fn only(c: &mut Checker, prp: &KeyPath, k: PromptKind, key: &str, kinds: &str) {
    c.err(
        prp.at(key),
        crate::phrase!("pv-only-for", key = key, kinds = kinds, kind = k.as_str()),
    );
}

/// A choice prompt's choices: at least one, none empty, none twice.
fn check_choices(c: &mut Checker, prp: &KeyPath, pr: &Prompt) {
    let k = pr.kind;
    if pr.choices.is_empty() {
        c.err(
            prp.at("choices"),
            crate::phrase!("pv-needs-choices", kind = k.as_str()),
        );
    }
    let mut seen = BTreeSet::new();
    for (i, ch) in pr.choices.iter().enumerate() {
        if ch.trim().is_empty() {
            c.err(prp.at("choices").at(i), crate::phrase!("pv-empty-choice"));
        } else if !seen.insert(ch.to_lowercase()) {
            c.err(
                prp.at("choices").at(i),
                crate::phrase!("pv-choice-twice", choice = ch.as_str()),
            );
        }
    }
}

/// A number prompt's `min` and `max`: finite, and in order.
fn check_number_range(c: &mut Checker, prp: &KeyPath, pr: &Prompt) {
    for (key, v) in [("min", pr.min), ("max", pr.max)] {
        if let Some(v) = v
            && !v.is_finite()
        {
            c.err(prp.at(key), crate::phrase!("pv-finite", key = key));
        }
    }
    if let (Some(a), Some(b)) = (pr.min, pr.max)
        && a > b
    {
        c.err(
            prp.at("min"),
            crate::phrase!("pv-min-above-max", min = a.to_string(), max = b.to_string()),
        );
    }
}

/// A rating scale at `sp`: its range, its anchors inside it, its items'
/// ids and texts, the items its scoring sums.
fn check_scale(c: &mut Checker, sp: &KeyPath, s: &ScaleDef) {
    if s.min >= s.max {
        c.err(
            sp.at("min"),
            crate::phrase!("pv-scale-min-max", min = s.min, max = s.max),
        );
    }
    for (i, a) in s.anchors.iter().enumerate() {
        if a.value < s.min || a.value > s.max {
            c.err(
                sp.at("anchors").at(i),
                crate::phrase!(
                    "pv-anchor-outside",
                    value = a.value,
                    min = s.min,
                    max = s.max
                ),
            );
        }
    }
    let mut ids = BTreeSet::new();
    for (i, it) in s.items.iter().enumerate() {
        if !is_slug(&it.id) {
            c.err(
                sp.at("items").at(i).at("id"),
                crate::phrase!("pv-slug", kind = "item", id = it.id.as_str()),
            );
        }
        if !ids.insert(it.id.as_str()) {
            c.err(
                sp.at("items").at(i).at("id"),
                crate::phrase!("pv-id-twice", kind = "item", id = it.id.as_str()),
            );
        }
        c.non_empty(sp.at("items").at(i).at("text"), "text", &it.text);
    }
    if let Some(sc) = &s.scoring {
        if s.items.is_empty() {
            c.err(sp.at("scoring"), crate::phrase!("pv-scoring-no-items"));
        }
        for (i, id) in sc.items.iter().enumerate() {
            if !ids.contains(id.as_str()) {
                c.err(
                    sp.at("scoring").at("items").at(i),
                    crate::phrase!("pv-scoring-unknown-item", id = id.as_str()),
                );
            }
        }
    }
}

/// A prompt's `[due]` at `dp`: exactly one rule, with a window when it is
/// at a minute, not too late in the session.
fn check_due(c: &mut Checker, dp: &KeyPath, d: &DueRule) {
    let set = usize::from(d.at_minute.is_some())
        + usize::from(d.with_vitals)
        + usize::from(d.before_close);
    if set != 1 {
        c.err(dp.clone(), crate::phrase!("pv-due-one"));
    }
    match (d.at_minute, d.window_minutes) {
        (Some(_), None) => c.err(dp.clone(), crate::phrase!("pv-due-window")),
        (Some(_), Some(0)) => c.err(
            dp.at("window_minutes"),
            crate::phrase!("pv-at-least-one", key = "window_minutes"),
        ),
        (None, Some(_)) => c.err(dp.at("window_minutes"), crate::phrase!("pv-window-only")),
        _ => {}
    }
    if let Some(m) = d.at_minute
        && f64::from(m) > plausible::MAX_SESSION_MINUTES
    {
        c.err(
            dp.at("at_minute"),
            crate::phrase!("pv-at-minute-too-late", value = m),
        );
    }
}
