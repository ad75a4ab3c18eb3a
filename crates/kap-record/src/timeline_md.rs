//! The summary's record-keeping sections: corrections (originals struck
//! through beside their correction), addenda, and the timeline of the
//! whole session.

use super::doc::{Doc, Inline};
use crate::session::Session;
use crate::session::timeline;

pub use super::doc::md_escape;

fn who(by: &Option<String>) -> String {
    by.clone().unwrap_or_else(|| "—".into())
}

/// `## Corrections`: each corrected entry, struck through, with what put
/// it right. Nothing when nothing was corrected.
pub fn corrections(d: &mut Doc, s: &Session, lang: crate::i18n::Lang) {
    if s.corrections.is_empty() {
        return;
    }
    d.heading(2, crate::say!(lang, "md-h-corrections"));
    d.para(crate::say!(lang, "md-corrections-intro"));
    for (entry, c) in &s.corrections {
        let original = s
            .entry(*entry)
            .map(|e| {
                let (_, text) = timeline::describe(s, &e.event, None);
                format!("{} {}", e.when().hhmm(), text.say(lang))
            })
            .unwrap_or_else(|| crate::say!(lang, "md-entry", entry = *entry));
        let what = if c.replaced {
            let now = s
                .entry(c.seq)
                .and_then(|e| match &e.event {
                    crate::session::Event::Corrected { with: Some(w), .. } => {
                        Some(timeline::describe(s, w, None).1.say(lang))
                    }
                    _ => None,
                })
                .unwrap_or_default();
            crate::say!(lang, "md-replaced-by", entry = c.seq, now = now)
        } else {
            crate::say!(lang, "md-entered-in-error")
        };
        d.item(Inline::struck(original).then(format!(
            " — {}",
            crate::say!(
                lang,
                "md-correction",
                what = what,
                reason = c.reason.clone(),
                at = c.at.hhmm(),
                by = who(&c.by)
            )
        )));
    }
}

/// `## Addenda`: additions made after closing, each dated and authored.
pub fn addenda(d: &mut Doc, s: &Session, lang: crate::i18n::Lang) {
    if s.addenda.is_empty() {
        return;
    }
    d.heading(2, crate::say!(lang, "md-h-addenda"));
    d.para(crate::say!(lang, "md-addenda-intro"));
    for a in &s.addenda {
        d.item(crate::say!(
            lang,
            "md-addendum",
            at = format!(
                "{} {}",
                crate::i18n::date_in(lang, a.at.wall.date_naive()),
                a.at.wall.format("%H:%M")
            ),
            by = who(&a.by),
            entry = a.seq,
            text = a.text.clone(),
            reason = a.reason.clone()
        ));
    }
}

/// `## Timeline`: every entry and alert in the order it happened.
pub fn timeline(d: &mut Doc, s: &Session, now: &crate::session::Moment, lang: crate::i18n::Lang) {
    d.heading(2, crate::say!(lang, "md-h-timeline"));
    let head = vec![
        Inline::text(crate::say!(lang, "md-col-happened")),
        Inline::text(crate::say!(lang, "md-col-recorded")),
        Inline::text(crate::say!(lang, "md-col-by")),
        Inline::text(crate::say!(lang, "md-col-entry")),
        Inline::default(),
    ];
    let rows = timeline::rows(s, &s.as_of(now))
        .into_iter()
        .map(|r| {
            let text = if r.status.struck() {
                Inline::struck(r.text.say(lang))
            } else {
                Inline::text(r.text.say(lang))
            };
            vec![
                Inline::text(r.taken_text()),
                Inline::text(r.recorded_text()),
                Inline::text(who(&r.by)),
                text,
                Inline::text(
                    r.marks()
                        .iter()
                        .map(|m| m.say(lang))
                        .collect::<Vec<_>>()
                        .join("; "),
                ),
            ]
        })
        .collect();
    d.table(head, rows);
}
