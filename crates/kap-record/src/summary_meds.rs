//! The summary's account of ketamine drawn up, given and wasted (drawn =
//! given + wasted to the 0.1 mg, or the difference, flagged) and of each
//! rescue dose with its effect.

use super::doc::{Doc, Inline};
use crate::session::{Moment, Session};

fn time(m: &Moment) -> String {
    m.wall.format("%H:%M").to_string()
}

/// " (late entry, recorded 10:47)" for an entry made late, or
/// " — corrected …" for an entry that replaced another.
fn marks(s: &Session, seq: u64, entered: Option<&Moment>, lang: crate::i18n::Lang) -> String {
    let mut out = String::new();
    let replaced = s
        .corrections
        .iter()
        .find(|(_, c)| c.replaced && c.seq == seq);
    // A replacement is recorded when corrected: its correction says so.
    if let (Some(e), None) = (entered, replaced) {
        out.push_str(&format!(
            " ({})",
            crate::say!(lang, "tl-late-recorded", at = time(e))
        ));
    }
    if let Some((orig, c)) = replaced {
        out.push_str(" — ");
        out.push_str(&crate::say!(
            lang,
            "sum-rescue-corrected",
            at = time(&c.at),
            by =
                c.by.as_deref()
                    .map_or_else(|| "—".to_string(), str::to_string),
            entry = *orig,
            reason = c.reason.clone()
        ));
    }
    out
}

/// The ketamine accounting, under the infusion's lines.
pub fn ketamine(d: &mut Doc, s: &Session, now: &Moment, lang: crate::i18n::Lang) {
    let k = &s.ketamine;
    if k.drawn.is_empty() && k.wasted.is_empty() {
        return;
    }
    for dr in &k.drawn {
        d.item(format!(
            "{}{}",
            crate::say!(
                lang,
                "sum-ketamine-drawn",
                at = time(&dr.at),
                mg = crate::i18n::num_in(lang, dr.mg)
            ),
            marks(s, dr.seq, dr.entered.as_ref(), lang)
        ));
    }
    for w in &k.wasted {
        d.item(format!(
            "{}{}",
            crate::say!(
                lang,
                "sum-ketamine-wasted",
                at = time(&w.at),
                mg = crate::i18n::num_in(lang, w.mg),
                witness = w.witness.clone().unwrap_or_default()
            ),
            marks(s, w.seq, w.entered.as_ref(), lang)
        ));
    }
    let a = s.accounting(now);
    let given = crate::i18n::num_in(lang, (a.given * 10.0).round() / 10.0);
    let line = if a.balances() {
        Inline::text(crate::say!(
            lang,
            "sum-ketamine-balanced",
            drawn = crate::i18n::num_in(lang, a.drawn),
            given = given,
            wasted = crate::i18n::num_in(lang, a.wasted)
        ))
    } else {
        Inline::strong(crate::say!(
            lang,
            "sum-ketamine-mismatch",
            drawn = crate::i18n::num_in(lang, a.drawn),
            given = given,
            wasted = crate::i18n::num_in(lang, a.wasted),
            difference = crate::i18n::num_in(lang, a.difference())
        ))
    };
    d.item(line);
}

/// Each rescue dose: when, what, how much, by which route, what for, who
/// gave it, why beyond the agreement, and its effect.
pub fn rescue(d: &mut Doc, s: &Session, lang: crate::i18n::Lang) {
    if s.meds.is_empty() {
        return;
    }
    d.heading(2, crate::say!(lang, "sum-h-rescue"));
    for m in &s.meds {
        let name = s.protocol().drug_name(&m.drug);
        let mut line = crate::say!(
            lang,
            "sum-rescue",
            at = time(&m.at),
            drug = name,
            dose = format!("{} {}", crate::i18n::num_in(lang, m.dose), m.unit),
            route = m.route.label().say(lang),
            indication = m.indication.clone(),
            by = m.given_by.clone()
        );
        line.push_str(&marks(s, m.seq, m.entered.as_ref(), lang));
        if let Some(why) = &m.outside {
            line.push_str(&format!(
                " — {}",
                crate::say!(lang, "tl-outside-agreement", why = why.to_string())
            ));
        }
        line.push_str(" — ");
        d.item(match &m.effect {
            Some(e) => Inline::text(line).then(crate::say!(
                lang,
                "sum-rescue-effect",
                at = time(&e.at),
                effect = e.text.clone()
            )),
            None => {
                Inline::text(line).then(Inline::strong(crate::say!(lang, "sum-rescue-no-effect")))
            }
        });
    }
}
