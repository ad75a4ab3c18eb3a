//! The risk pathway in the summary and the CSV table: each screen with
//! its answers, score, result, the acknowledgement of its alarm and
//! whether it was a reassessment; the discharge hold's override and its
//! reason; the safety plan, every element with every version. Worded
//! here so `summary::markdown` and `csv::entry_rows` only call in.

use super::doc::Doc;
use crate::session::risk::{PlanElement, ScreenEntry, result_words};
use crate::session::{Event, Moment, Session};

fn time(m: &Moment) -> String {
    m.wall.format("%H:%M").to_string()
}

/// The summary's section for the risk pathway; nothing when no screen
/// was recorded and no plan written.
pub fn summary(d: &mut Doc, s: &Session, lang: crate::i18n::Lang) {
    let r = &s.risk;
    if r.screens.is_empty() && r.plan.is_empty() {
        return;
    }
    d.heading(2, crate::say!(lang, "sum-h-risk"));
    if let Some(def) = &s.protocol().risk {
        d.para(crate::say!(
            lang,
            "sum-risk-screen",
            name = def.name.clone(),
            id = def.id.clone()
        ));
    }
    let mut raised = false;
    for e in &r.screens {
        screen_lines(d, s, e, raised, lang);
        raised |= e.result.positive;
    }
    if let Some((at, reason)) = &r.overridden {
        d.item(crate::say!(
            lang,
            "sum-risk-overridden",
            at = time(at),
            reason = reason.to_string()
        ));
    }
    plan(d, s, lang);
}

fn screen_lines(
    d: &mut Doc,
    s: &Session,
    e: &ScreenEntry,
    after_positive: bool,
    lang: crate::i18n::Lang,
) {
    let phase = s
        .protocol()
        .phase(&e.phase)
        .map_or_else(|| e.phase.clone(), |p| p.title.clone());
    let mut head = format!(
        "{} ({}): {}",
        time(&e.at),
        phase,
        result_words(&e.result).say(lang)
    );
    if after_positive {
        head.push_str(&format!(
            " — {}",
            crate::say!(lang, "sum-risk-reassessment")
        ));
    }
    if e.result.positive {
        head.push_str("; ");
        head.push_str(&match &e.acknowledged {
            Some(k) => format!(
                "{}{}",
                crate::say!(lang, "sum-risk-acknowledged", at = time(&k.at)),
                k.action
                    .as_ref()
                    .map(|x| format!(" — {x}"))
                    .unwrap_or_default()
            ),
            None => crate::say!(lang, "sum-not-acknowledged"),
        });
    }
    d.item(head);
    if let Some(def) = &s.protocol().risk {
        for (item, &a) in def.items.iter().zip(&e.answers) {
            d.sub(format!("{} — {}", item.text, item.answer_text(a).say(lang)));
        }
    }
}

fn plan(d: &mut Doc, s: &Session, lang: crate::i18n::Lang) {
    let r = &s.risk;
    d.heading(3, crate::say!(lang, "plan-title"));
    if r.plan.is_empty() {
        d.para(crate::say!(lang, "sum-plan-none"));
        return;
    }
    for e in PlanElement::ALL {
        let Some(now) = r.plan_now().into_iter().find(|p| p.element == e) else {
            d.item(format!(
                "{}: {}",
                e.label().say(lang),
                crate::say!(lang, "plan-not-written")
            ));
            continue;
        };
        d.item(format!(
            "{}: {} ({})",
            e.label().say(lang),
            now.text.clone(),
            by_at(&now.at, now.by.as_deref(), lang)
        ));
        for old in r.plan_history(e) {
            d.sub(crate::say!(
                lang,
                "sum-plan-earlier",
                text = old.text.clone(),
                when = by_at(&old.at, old.by.as_deref(), lang)
            ));
        }
    }
}

fn by_at(at: &Moment, by: Option<&str>, lang: crate::i18n::Lang) -> String {
    match by {
        Some(b) => crate::say!(lang, "sum-plan-by", at = time(at), by = b.to_string()),
        None => time(at),
    }
}

/// A risk pathway entry as the CSV table's `kind`, `name`, `value` and
/// `unit`; nothing for any other entry.
pub fn csv_cells(s: &Session, ev: &Event) -> Option<(&'static str, String, String, String)> {
    Some(match ev {
        Event::RiskScreened { screen, answers } => {
            let def = s.protocol().risk.as_ref().filter(|d| &d.id == screen);
            let result = def.and_then(|d| crate::session::risk::score(d, answers).ok());
            let answers: Vec<String> = answers.iter().map(u32::to_string).collect();
            let value = match result {
                Some(r) => format!(
                    "{}; score {}; answers {}",
                    if r.positive { "positive" } else { "negative" },
                    r.score,
                    answers.join(" ")
                ),
                None => format!("answers {}", answers.join(" ")),
            };
            ("risk-screen", screen.clone(), value, String::new())
        }
        Event::RiskAcknowledged { screen, action } => (
            "risk-acknowledged",
            format!("entry {screen}"),
            action.clone().unwrap_or_default(),
            String::new(),
        ),
        Event::SafetyPlanned { element, text } => {
            ("safety-plan", element.clone(), text.clone(), String::new())
        }
        Event::RiskHoldOverridden { reason } => (
            "risk-override",
            "discharge without reassessment".into(),
            reason.clone(),
            String::new(),
        ),
        _ => return None,
    })
}
