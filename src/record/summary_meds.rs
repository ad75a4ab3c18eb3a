//! The summary's account of ketamine drawn up, given and wasted (drawn =
//! given + wasted to the 0.1 mg, or the difference, flagged) and of each
//! rescue dose with its effect.

use crate::i18n::num;
use crate::session::{Moment, Session};
use crate::t;
use std::fmt::Write as _;

fn esc(s: &str) -> String {
    super::timeline_md::md_escape(s)
}

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
            by = c.by.as_deref().map_or_else(|| "—".to_string(), esc),
            entry = *orig,
            reason = esc(&c.reason)
        ));
    }
    out
}

/// The ketamine accounting, under the infusion's lines.
pub fn ketamine(o: &mut String, s: &Session, now: &Moment) {
    let k = &s.ketamine;
    if k.drawn.is_empty() && k.wasted.is_empty() {
        return;
    }
    for d in &k.drawn {
        let _ = writeln!(
            o,
            "- {}{}",
            t!("sum-ketamine-drawn", at = time(&d.at), mg = num(d.mg)),
            marks(s, d.seq, d.entered.as_ref())
        );
    }
    for w in &k.wasted {
        let _ = writeln!(
            o,
            "- {}{}",
            t!(
                "sum-ketamine-wasted",
                at = time(&w.at),
                mg = num(w.mg),
                witness = esc(w.witness.as_deref().unwrap_or(""))
            ),
            marks(s, w.seq, w.entered.as_ref())
        );
    }
    let a = s.accounting(now);
    let given = num((a.given * 10.0).round() / 10.0);
    let line = if a.balances() {
        t!(
            "sum-ketamine-balanced",
            drawn = num(a.drawn),
            given = given,
            wasted = num(a.wasted)
        )
    } else {
        format!(
            "**{}**",
            t!(
                "sum-ketamine-mismatch",
                drawn = num(a.drawn),
                given = given,
                wasted = num(a.wasted),
                difference = num(a.difference())
            )
        )
    };
    let _ = writeln!(o, "- {line}");
}

/// Each rescue dose: when, what, how much, by which route, what for, who
/// gave it, why beyond the agreement, and its effect.
pub fn rescue(o: &mut String, s: &Session) {
    if s.meds.is_empty() {
        return;
    }
    let _ = writeln!(o, "\n## {}\n", t!("sum-h-rescue"));
    for m in &s.meds {
        let name = s
            .protocol()
            .drug(&m.drug)
            .map_or(m.drug.clone(), |d| d.name.clone());
        let mut line = t!(
            "sum-rescue",
            at = time(&m.at),
            drug = esc(&name),
            dose = format!("{} {}", num(m.dose), esc(&m.unit)),
            route = m.route.label(),
            indication = esc(&m.indication),
            by = esc(&m.given_by)
        );
        line.push_str(&marks(s, m.seq, m.entered.as_ref()));
        if let Some(why) = &m.outside {
            line.push_str(&format!(
                " — {}",
                t!("tl-outside-agreement", why = esc(why))
            ));
        }
        line.push_str(" — ");
        line.push_str(&match &m.effect {
            Some(e) => t!("sum-rescue-effect", at = time(&e.at), effect = esc(&e.text)),
            None => format!("**{}**", t!("sum-rescue-no-effect")),
        });
        let _ = writeln!(o, "- {line}");
    }
}
