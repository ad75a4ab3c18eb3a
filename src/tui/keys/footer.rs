//! The footer's keys: those that matter now, most needed first, and the
//! names of named keys in the language given.

use super::{Action, Binding, Ctx, shown};

/// Footer entries for the given contexts, in table order.
pub fn footer(ctxs: &[Ctx], lang: crate::i18n::Lang) -> Vec<(String, String)> {
    let mut keys: Vec<&Binding> = shown()
        .filter(|b| b.footer && ctxs.contains(&b.ctx))
        .filter(|b| b.only.is_none_or(|s| ctxs.contains(&s)))
        .collect();
    // What a narrow footer must keep: alarms' keys, then entering vitals
    // and a note (the keys of every minute at the bedside), then the rest
    // in table order. `?` is kept by the footer's drawing.
    let rank = |b: &Binding| match (b.ctx, b.action) {
        (Ctx::Alert | Ctx::Monitor, _) => 0,
        (_, Some(Action::EnterVitals | Action::Note)) => 1,
        _ => 2,
    };
    keys.sort_by_key(|b| rank(b));
    keys.into_iter()
        .map(|b| (b.shown_text(lang), b.text(lang)))
        .collect()
}

/// A key table's `shown` with each named key (`Enter`, `Space`, `Esc`,
/// `Tab`) given its name in the language given (`key-name-*`).
pub fn key_names(shown: &str, lang: crate::i18n::Lang) -> String {
    shown
        .split(' ')
        .map(|word| match word {
            "Enter" => crate::i18n::text(lang, "key-name-enter", None),
            "Space" => crate::i18n::text(lang, "key-name-space", None),
            "Esc" => crate::i18n::text(lang, "key-name-esc", None),
            "Tab" => crate::i18n::text(lang, "key-name-tab", None),
            // A one-letter answer: y in English, o in French, s in
            // Portuguese (each accepts all three).
            "Yes" => crate::i18n::text(lang, "key-name-yes", None),
            "No" => crate::i18n::text(lang, "key-name-no", None),
            other => other.to_string(),
        })
        .collect::<Vec<_>>()
        .join(" ")
}
