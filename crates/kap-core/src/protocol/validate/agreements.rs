//! Checks of the agreements a protocol keeps in view: each recorded by
//! one prompt, before the dose, and what each answer rules out named by
//! its choice and a note tag kap knows.

use super::*;

pub(super) fn check_agreements(c: &mut Checker, p: &Protocol) {
    let dosing = p.phases.iter().position(|ph| ph.role == PhaseRole::Dosing);
    let mut seen: HashMap<Agreement, &str> = HashMap::new();
    for (i, ph) in p.phases.iter().enumerate() {
        for (j, pr) in ph.prompts.iter().enumerate() {
            let prp = KeyPath::root().at("phase").at(i).at("prompt").at(j);
            if !pr.rules_out.is_empty() {
                check_rules_out(c, &prp, pr);
            }
            check_medication(c, &prp, pr, p);
            check_choice_codes(c, &prp, pr);
            let Some(a) = pr.agreement else { continue };
            if let Some(first) = seen.insert(a, pr.id.as_str()) {
                c.err(
                    prp.at("agreement"),
                    crate::phrase!(
                        "pv-agreement-twice",
                        agreement = a.as_str(),
                        first = first.to_string()
                    ),
                );
            }
            if dosing.is_some_and(|d| i >= d) {
                c.err(
                    prp.at("agreement"),
                    crate::phrase!("pv-agreement-after-dose", agreement = a.as_str()),
                );
            }
            if matches!(pr.kind, PromptKind::Check | PromptKind::Scale) {
                c.err(
                    prp.at("kind"),
                    crate::phrase!("pv-agreement-kind", kind = pr.kind.as_str()),
                );
            }
        }
    }
}

/// `rules_out`: only on an agreement's choice prompt; each entry one of
/// its choices (by number), each tag a note tag.
fn check_rules_out(c: &mut Checker, prp: &KeyPath, pr: &Prompt) {
    if pr.agreement.is_none() || pr.kind != PromptKind::Choice {
        c.err(prp.at("rules_out"), crate::phrase!("pv-rules-out-where"));
        return;
    }
    for (i, r) in pr.rules_out.iter().enumerate() {
        let at = prp.at("rules_out").at(i);
        if r.choice == 0 || r.choice > pr.choices.len() {
            c.err(
                at.at("choice"),
                crate::phrase!(
                    "pv-rules-out-choice",
                    choice = r.choice,
                    count = pr.choices.len()
                ),
            );
        }
        for (k, tag) in r.tags.iter().enumerate() {
            if !crate::session::event::NOTE_TAGS
                .iter()
                .any(|(t, _)| t == tag)
            {
                let known: Vec<&str> = crate::session::event::NOTE_TAGS
                    .iter()
                    .map(|(t, _)| *t)
                    .collect();
                c.err(
                    at.at("tags").at(k),
                    crate::phrase!(
                        "pv-rules-out-tag",
                        tag = tag.as_str(),
                        known = known.join(", ")
                    ),
                );
            }
        }
    }
}

/// The rescue medication agreed: a multi-choice whose choices each name a
/// formulary drug (`drugs`, by position), and the most doses a number.
fn check_medication(c: &mut Checker, prp: &KeyPath, pr: &Prompt, p: &Protocol) {
    let medication = pr.agreement == Some(Agreement::Medication);
    if !pr.drugs.is_empty() && !medication {
        c.err(prp.at("drugs"), crate::phrase!("pv-drugs-where"));
        return;
    }
    if pr.agreement == Some(Agreement::MedicationDoses) && pr.kind != PromptKind::Number {
        c.err(prp.at("kind"), crate::phrase!("pv-medication-doses-kind"));
    }
    if !medication {
        return;
    }
    if pr.kind != PromptKind::MultiChoice {
        c.err(prp.at("kind"), crate::phrase!("pv-medication-kind"));
    }
    if pr.drugs.len() != pr.choices.len() {
        c.err(
            prp.at("drugs"),
            crate::phrase!(
                "pv-drugs-count",
                drugs = pr.drugs.len(),
                choices = pr.choices.len()
            ),
        );
    }
    for (k, id) in pr.drugs.iter().enumerate() {
        if p.drug(id).is_none() {
            let known: Vec<&str> = p.formulary.iter().map(|d| d.id.as_str()).collect();
            c.err(
                prp.at("drugs").at(k),
                crate::phrase!(
                    "pv-drug-unknown",
                    id = id.as_str(),
                    known = known.join(", ")
                ),
            );
        }
    }
}

/// `choice_codes`: only on a choice or multi-choice prompt; each names one
/// of its choices (by number), once, with a system and a code.
fn check_choice_codes(c: &mut Checker, prp: &KeyPath, pr: &Prompt) {
    if pr.choice_codes.is_empty() {
        return;
    }
    if !matches!(pr.kind, PromptKind::Choice | PromptKind::MultiChoice) {
        c.err(
            prp.at("choice_codes"),
            crate::phrase!("pv-choice-codes-where"),
        );
        return;
    }
    let mut seen = std::collections::HashSet::new();
    for (i, cc) in pr.choice_codes.iter().enumerate() {
        let at = prp.at("choice_codes").at(i);
        if cc.choice == 0 || cc.choice > pr.choices.len() {
            c.err(
                at.at("choice"),
                crate::phrase!(
                    "pv-rules-out-choice",
                    choice = cc.choice,
                    count = pr.choices.len()
                ),
            );
        } else if !seen.insert(cc.choice) {
            c.err(
                at.at("choice"),
                crate::phrase!("pv-choice-code-twice", choice = cc.choice),
            );
        }
        for (key, v) in [("system", &cc.system), ("code", &cc.code)] {
            if v.trim().is_empty() {
                c.err(at.at(key), crate::phrase!("pv-empty", key = key));
            }
        }
    }
}
