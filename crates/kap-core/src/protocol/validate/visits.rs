//! Checks of the visits (`[[visit]]`): one of each kind, each with a flow
//! of phases that holds no dose, and topic lists only where the course
//! has them.

use super::*;

pub(super) fn check_visits(c: &mut Checker, p: &Protocol) {
    let root = KeyPath::root();
    for (i, ph) in p.phases.iter().enumerate() {
        if ph.topics.is_some() {
            c.err(
                root.at("phase").at(i).at("topics"),
                crate::phrase!("pv-topics-outside-visit"),
            );
        }
    }
    let mut kinds = HashMap::new();
    for (i, v) in p.visits.iter().enumerate() {
        let vp = root.at("visit").at(i);
        if kinds.insert(v.kind, i).is_some() {
            c.err(
                vp.at("kind"),
                crate::phrase!("pv-visit-twice", kind = v.kind.as_str()),
            );
        }
        c.non_empty(vp.at("title"), "title", &v.title);
        c.non_empty(vp.at("source"), "source", &v.source);
        if let Some(m) = &v.minutes {
            c.ordered(vp.at("minutes"), m);
            c.range_within(
                vp.at("minutes"),
                "minutes",
                m,
                1,
                super::plausible::MAX_MINUTES,
            );
        }
        if v.contact.is_empty() {
            c.err(
                vp.at("contact"),
                crate::phrase!("pv-empty", key = "contact"),
            );
        }
        check_visit_phases(c, p, v, &vp);
    }
    check_evidence(c, p);
}

/// A dosing prompt's `evidence_visit`: a check, naming a kind of visit
/// this file has.
fn check_evidence(c: &mut Checker, p: &Protocol) {
    for (i, ph) in p.phases.iter().enumerate() {
        for (k, pr) in ph.prompts.iter().enumerate() {
            let Some(kind) = &pr.evidence_visit else {
                continue;
            };
            let at = KeyPath::root()
                .at("phase")
                .at(i)
                .at("prompt")
                .at(k)
                .at("evidence_visit");
            if pr.kind != PromptKind::Check {
                c.err(
                    at.clone(),
                    crate::phrase!("pv-evidence-not-check", kind = pr.kind.as_str()),
                );
            }
            if VisitKind::parse(kind).and_then(|k| p.visit(k)).is_none() {
                let known: Vec<&str> = p.visits.iter().map(|v| v.kind.as_str()).collect();
                c.err(
                    at,
                    crate::phrase!(
                        "pv-evidence-unknown-visit",
                        kind = kind.as_str(),
                        known = if known.is_empty() {
                            "—".to_string()
                        } else {
                            known.join(", ")
                        }
                    ),
                );
            }
        }
    }
}

fn check_visit_phases(c: &mut Checker, p: &Protocol, v: &Visit, vp: &KeyPath) {
    if v.phases.is_empty() {
        c.err(vp.clone(), crate::phrase!("pv-visit-no-phase"));
    }
    let mut phase_ids = BTreeSet::new();
    let mut prompt_ids = BTreeSet::new();
    for (j, ph) in v.phases.iter().enumerate() {
        let pp = vp.at("phase").at(j);
        if !is_slug(&ph.id) {
            c.err(
                pp.at("id"),
                crate::phrase!("pv-slug", kind = "phase", id = ph.id.as_str()),
            );
        }
        if !phase_ids.insert(ph.id.as_str()) {
            c.err(
                pp.at("id"),
                crate::phrase!("pv-id-twice", kind = "phase", id = ph.id.as_str()),
            );
        }
        c.non_empty(pp.at("title"), "title", &ph.title);
        if ph.role == PhaseRole::Dosing {
            c.err(pp.at("role"), crate::phrase!("pv-visit-dosing"));
        }
        if !ph.gates.is_empty() {
            c.err(pp.at("gate"), crate::phrase!("pv-visit-gate"));
        }
        if let Some(list) = ph.topics
            && p.topic_prompts(list).is_empty()
        {
            c.err(pp.at("topics"), crate::phrase!("pv-visit-no-topics"));
        }
        let listed = ph.topics.map(|l| p.topic_prompts(l)).unwrap_or_default();
        for (k, pr) in ph.prompts.iter().enumerate() {
            let prp = pp.at("prompt").at(k);
            if !is_slug(&pr.id) {
                c.err(
                    prp.at("id"),
                    crate::phrase!("pv-slug", kind = "prompt", id = pr.id.as_str()),
                );
            }
            if !prompt_ids.insert(pr.id.clone()) {
                c.err(
                    prp.at("id"),
                    crate::phrase!("pv-visit-prompt-twice", id = pr.id.as_str()),
                );
            }
            c.non_empty(prp.at("text"), "text", &pr.text);
            if pr.evidence_visit.is_some() {
                c.err(
                    prp.at("evidence_visit"),
                    crate::phrase!("pv-evidence-in-visit"),
                );
            }
            if pr.sessions.is_some() || pr.maintenance {
                c.err(prp.at("sessions"), crate::phrase!("pv-visit-sessions"));
            }
            super::phases::check_prompt_def(c, &prp, pr);
        }
        for pr in listed {
            if !prompt_ids.insert(pr.id.clone()) {
                c.err(
                    pp.at("topics"),
                    crate::phrase!("pv-visit-prompt-twice", id = pr.id.as_str()),
                );
            }
        }
    }
}
