//! A phase as the screen-reader mode says it: its title, each prompt
//! numbered with how it stands, and what to type to move on.

use super::narrate::w;
use crate::protocol::dose::num;
use crate::protocol::{PhaseRole, PromptKind};
use crate::session::Session;

/// A phase as read out: its title, then each prompt numbered with its
/// state, then how to move on.
pub fn phase_text(s: &Session, index: usize, lang: crate::i18n::Lang) -> Vec<String> {
    phase_lines(s, index, false, lang)
}

/// A phase as it is said; `read_only` (a replay) leaves out what to type
/// to answer, start or move on, since nothing can be recorded there.
pub(super) fn phase_lines(
    s: &Session,
    index: usize,
    read_only: bool,
    lang: crate::i18n::Lang,
) -> Vec<String> {
    let p = s.protocol();
    let Some(phase) = p.phases.get(index) else {
        return Vec::new();
    };
    let mut out = vec![format!(
        "{}{}",
        if index < s.phase {
            format!("{} ", crate::say!(lang, "reader-looking-back"))
        } else {
            String::new()
        },
        crate::say!(
            lang,
            "reader-phase",
            phase = index + 1,
            phases = p.phases.len(),
            title = phase.title.clone()
        )
    )];
    if let Some(g) = &phase.guidance {
        out.push(g.clone());
    }
    if let Some(list) = s.outcomes_words(index).as_ref().map(|p| p.say(lang)) {
        out.push(if read_only {
            crate::say!(lang, "reader-phase-outcomes-replay", list = list)
        } else {
            crate::say!(
                lang,
                "reader-phase-outcomes",
                list = list,
                word = crate::tui::keys::shown_word("questionnaire", lang)
            )
        });
    }
    for (i, pr) in s.prompts(phase).enumerate() {
        let state = prompt_state(s, pr, lang);
        out.push(format!("  {}. {} — {state}.", i + 1, pr.text));
        if let Some(e) = crate::session::evidence::shown(s, &pr.id) {
            out.push(format!(
                "     {}.",
                crate::session::evidence::words(e).say(lang)
            ));
        }
    }
    if read_only {
        if phase.role == PhaseRole::Dosing && s.dosing.started.is_none() {
            out.push(crate::say!(
                lang,
                "reader-dose-replay",
                mg = num(s.start.dose_mg)
            ));
        }
        return out;
    }
    if phase.role == PhaseRole::Dosing && s.dosing.started.is_none() {
        out.push(crate::say!(
            lang,
            "reader-dose-start",
            what = s.dosing.what(),
            mg = num(s.start.dose_mg),
            start = w("start", lang)
        ));
    }
    if index == s.phase && s.risk_offered() {
        out.push(crate::say!(lang, "risk-offered", key = w("risk", lang)));
    }
    let last = index + 1 == p.phases.len();
    out.push(if index < s.phase {
        crate::say!(lang, "reader-forward-again", next = w("next", lang))
    } else if last {
        crate::say!(lang, "reader-answer-or-close", close = w("close", lang))
    } else {
        crate::say!(lang, "reader-answer-or-next", next = w("next", lang))
    });
    out
}

/// How a prompt stands: ticked, answered (with what), done in an earlier
/// visit, or open (required or not).
fn prompt_state(s: &Session, pr: &crate::protocol::Prompt, lang: crate::i18n::Lang) -> String {
    if s.is_done(pr) {
        match pr.kind {
            PromptKind::Check => crate::say!(lang, "reader-ticked"),
            PromptKind::Text => s
                .answers
                .get(&pr.id)
                .map_or(crate::say!(lang, "reader-answered"), |a| {
                    crate::say!(lang, "reader-answered-with", answer = a.text.clone())
                }),
            _ => s
                .latest_value(&pr.id)
                .map_or(crate::say!(lang, "reader-answered"), |e| {
                    crate::say!(
                        lang,
                        "reader-answered-with",
                        answer = crate::protocol::values::show(pr, &e.value).say(lang)
                    )
                }),
        }
    } else if let Some(c) = s.carried.get(&pr.id) {
        crate::say!(lang, "visit-done-in", number = c.number)
    } else if pr.required {
        crate::say!(lang, "reader-required-open")
    } else {
        crate::say!(lang, "reader-open")
    }
}
