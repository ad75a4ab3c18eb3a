//! Checks of the phases, their prompts and gates, and the music section.

use super::*;

pub(super) fn check_phases(c: &mut Checker, p: &Protocol) {
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
                if pr.maintenance {
                    c.err(
                        prp.at("maintenance"),
                        "set either sessions or maintenance = true, not both",
                    );
                }
            }
            if pr.maintenance && p.course.maintenance.is_none() {
                c.err(
                    prp.at("maintenance"),
                    "maintenance = true needs [course.maintenance]: this course has no maintenance sessions",
                );
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

pub(super) fn check_music(c: &mut Checker, m: &Music) {
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
