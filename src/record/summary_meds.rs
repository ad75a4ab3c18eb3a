//! The summary's account of ketamine drawn up, given and wasted (drawn =
//! given + wasted to the 0.1 mg, or the difference, flagged) and of each
//! rescue dose with its effect.

use super::doc::{Doc, Inline};
use crate::i18n::num;
use crate::session::{Moment, Session};
use crate::t;

fn time(m: &Moment) -> String {
    m.wall.format("%H:%M").to_string()
}

/// " (late entry, recorded 10:47)" for an entry made late, or
/// " — corrected …" for an entry that replaced another.
fn marks(s: &Session, seq: u64, entered: Option<&Moment>) -> String {
    let mut out = String::new();
    let replaced = s
        .corrections
        .iter()
        .find(|(_, c)| c.replaced && c.seq == seq);
    // A replacement is recorded when corrected: its correction says so.
    if let (Some(e), None) = (entered, replaced) {
        out.push_str(&format!(" ({})", t!("tl-late-recorded", at = time(e))));
    }
    if let Some((orig, c)) = replaced {
        out.push_str(" — ");
        out.push_str(&t!(
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
pub fn ketamine(d: &mut Doc, s: &Session, now: &Moment) {
    let k = &s.ketamine;
    if k.drawn.is_empty() && k.wasted.is_empty() {
        return;
    }
    for dr in &k.drawn {
        d.item(format!(
            "{}{}",
            t!("sum-ketamine-drawn", at = time(&dr.at), mg = num(dr.mg)),
            marks(s, dr.seq, dr.entered.as_ref())
        ));
    }
    for w in &k.wasted {
        d.item(format!(
            "{}{}",
            t!(
                "sum-ketamine-wasted",
                at = time(&w.at),
                mg = num(w.mg),
                witness = w.witness.clone().unwrap_or_default()
            ),
            marks(s, w.seq, w.entered.as_ref())
        ));
    }
    let a = s.accounting(now);
    let given = num((a.given * 10.0).round() / 10.0);
    let line = if a.balances() {
        Inline::text(t!(
            "sum-ketamine-balanced",
            drawn = num(a.drawn),
            given = given,
            wasted = num(a.wasted)
        ))
    } else {
        Inline::strong(t!(
            "sum-ketamine-mismatch",
            drawn = num(a.drawn),
            given = given,
            wasted = num(a.wasted),
            difference = num(a.difference())
        ))
    };
    d.item(line);
}

/// Each rescue dose: when, what, how much, by which route, what for, who
/// gave it, why beyond the agreement, and its effect.
pub fn rescue(d: &mut Doc, s: &Session) {
    if s.meds.is_empty() {
        return;
    }
    d.heading(2, t!("sum-h-rescue"));
    for m in &s.meds {
        let name = s.protocol().drug_name(&m.drug);
        let mut line = t!(
            "sum-rescue",
            at = time(&m.at),
            drug = name,
            dose = format!("{} {}", num(m.dose), m.unit),
            route = crate::i18n::say(&m.route.label()),
            indication = m.indication.clone(),
            by = m.given_by.clone()
        );
        line.push_str(&marks(s, m.seq, m.entered.as_ref()));
        if let Some(why) = &m.outside {
            line.push_str(&format!(
                " — {}",
                t!("tl-outside-agreement", why = why.to_string())
            ));
        }
        line.push_str(" — ");
        d.item(match &m.effect {
            Some(e) => Inline::text(line).then(t!(
                "sum-rescue-effect",
                at = time(&e.at),
                effect = e.text.clone()
            )),
            None => Inline::text(line).then(Inline::strong(t!("sum-rescue-no-effect"))),
        });
    }
}
