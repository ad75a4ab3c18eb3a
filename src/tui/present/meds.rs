//! Rescue medication and ketamine in words, as the `M` dialog, the screen
//! reader and the infusion screen show them: the formulary numbered, what
//! was agreed, who may have given a dose, the effects waiting for their
//! re-check, and the ketamine drawn up, given and wasted.

use crate::i18n::num_in;
use crate::session::{DueState, Moment, Session};

/// "1 Nausea, 2 Vomiting".
pub fn numbered(items: &[String]) -> String {
    items
        .iter()
        .enumerate()
        .map(|(i, x)| format!("{} {x}", i + 1))
        .collect::<Vec<_>>()
        .join(", ")
}

/// The dialog's lines, before its entry field.
pub fn dialog_lines(s: &Session, now: &Moment, lang: crate::i18n::Lang) -> Vec<String> {
    let mut out: Vec<String> = s
        .protocol()
        .formulary
        .iter()
        .enumerate()
        .map(|(i, d)| {
            let routes: Vec<String> = d.routes.iter().map(|r| r.label().say(lang)).collect();
            crate::say!(
                lang,
                "med-formulary-item",
                n = i + 1,
                drug = d.name.clone(),
                dose = format!("{} {}", num_in(lang, d.usual_dose), d.unit),
                max = format!("{} {}", num_in(lang, d.max_dose), d.unit),
                routes = routes.join("/"),
                indications = d.indications.join(", "),
                minutes = d.recheck_minutes
            )
        })
        .collect();
    if out.is_empty() {
        out.push(crate::say!(lang, "med-no-formulary"));
    }
    if let Some(line) = agreed_line(s, lang) {
        out.push(line);
    }
    let a = s.accounting(now);
    out.push(crate::say!(
        lang,
        "med-ketamine-line",
        drawn = num_in(lang, a.drawn),
        given = num_in(lang, (a.given * 10.0).round() / 10.0),
        wasted = num_in(lang, a.wasted)
    ));
    let waiting = waiting(s, now, lang);
    if !waiting.is_empty() {
        out.push(crate::say!(lang, "med-waiting", list = waiting.join("; ")));
    }
    if s.start.clinicians.len() > 1 {
        out.push(crate::say!(
            lang,
            "med-given-by",
            names = numbered(&s.start.clinicians)
        ));
    }
    out
}

/// "Agreed rescue medication: Ondansetron, at most 1 dose each", when the
/// protocol asks for the agreement.
pub fn agreed_line(s: &Session, lang: crate::i18n::Lang) -> Option<String> {
    let (ids, most) = s.medication_agreed()?;
    let names: Vec<String> = ids.iter().map(|id| s.protocol().drug_name(id)).collect();
    Some(match (names.is_empty(), most) {
        (true, _) => crate::say!(lang, "med-agreed-none"),
        (false, Some(m)) => {
            crate::say!(lang, "med-agreed-most", drugs = names.join(", "), most = m)
        }
        (false, None) => crate::say!(lang, "med-agreed", drugs = names.join(", ")),
    })
}

/// Doses whose effect is not yet recorded, numbered as `effect N` takes
/// them: "1 Ondansetron 4 mg at 10:42, re-check due".
pub fn waiting(s: &Session, now: &Moment, lang: crate::i18n::Lang) -> Vec<String> {
    s.rechecks_due(now)
        .into_iter()
        .enumerate()
        .map(|(i, (m, due))| {
            let name = s.protocol().drug_name(&m.drug);
            let what = format!("{} {} {} {}", i + 1, name, num_in(lang, m.dose), m.unit);
            if due.state == DueState::Upcoming {
                crate::say!(lang, "med-recheck-at", what = what, at = due.from.hhmm())
            } else {
                crate::say!(lang, "med-recheck-due", what = what, at = m.at.hhmm())
            }
        })
        .collect()
}

/// The re-checks due now, one line each with its dose's entry, for the
/// infusion screen and the reader (through `Timed`) and the reader's
/// status.
pub fn rechecks_now(s: &Session, now: &Moment, lang: crate::i18n::Lang) -> Vec<(u64, String)> {
    s.rechecks_due(now)
        .into_iter()
        .filter(|(_, d)| d.state != DueState::Upcoming)
        .map(|(m, _)| {
            let name = s.protocol().drug_name(&m.drug);
            let words = crate::say!(
                lang,
                "med-recheck-now",
                drug = name,
                dose = format!("{} {}", num_in(lang, m.dose), m.unit),
                at = m.at.hhmm()
            );
            (m.seq, words)
        })
        .collect()
}

/// The instructor's console: the rescue doses given ("10:21 Midazolam
/// 1 mg"), then the effects waiting for their re-check.
pub fn instructor_lines(s: &Session, now: &Moment, lang: crate::i18n::Lang) -> Vec<String> {
    let given: Vec<String> = s
        .meds
        .iter()
        .map(|m| {
            let name = s.protocol().drug_name(&m.drug);
            format!(
                "{} {} {} {}",
                m.at.hhmm(),
                name,
                num_in(lang, m.dose),
                m.unit
            )
        })
        .collect();
    let mut out = Vec::new();
    if !given.is_empty() {
        out.push(crate::say!(lang, "instruct-meds", list = given.join("; ")));
    }
    let waiting = waiting(s, now, lang);
    if !waiting.is_empty() {
        out.push(crate::say!(lang, "med-waiting", list = waiting.join("; ")));
    }
    out
}
