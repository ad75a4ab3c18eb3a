//! The summary's account of what the session holds beyond its numbers:
//! the music (or the support chosen instead) and the goals, then each
//! phase with its answers and when integration is due.

use super::doc::Doc;
use super::summary::time;
use crate::protocol::PromptKind;
use crate::session::Session;

/// The music, or the support chosen instead, and the goals.
pub(super) fn music_section(d: &mut Doc, s: &Session, lang: crate::i18n::Lang) {
    let p = s.protocol();
    d.heading(2, crate::say!(lang, "sum-h-music"));
    match (&s.music.playlist, &s.music.support) {
        (Some(pl), _) => {
            d.item(crate::say!(lang, "sum-playlist", playlist = pl.to_string()));
        }
        (None, Some(sup)) => {
            let label = p
                .music
                .as_ref()
                .and_then(|m| m.supports.iter().find(|x| &x.id == sup))
                .map_or(sup.clone(), |x| x.label.clone());
            d.item(crate::say!(lang, "sum-no-music", support = label));
        }
        (None, None) => {
            d.item(crate::say!(lang, "sum-music-not-chosen"));
        }
    }
    for (from, to) in &s.music.played {
        d.item(crate::say!(
            lang,
            "sum-played",
            from = time(from),
            to = to.as_ref().map_or("…".to_string(), time)
        ));
    }
    for (at, t) in &s.music.tracks {
        d.item(crate::say!(
            lang,
            "sum-track",
            at = time(at),
            track = t.to_string()
        ));
    }
    for (at, t) in &s.music.problems {
        d.item(crate::say!(
            lang,
            "sum-music-problem",
            at = time(at),
            problem = t.to_string()
        ));
    }
    for (at, r) in &s.music.stop_reasons {
        let line = match r {
            Some(r) => crate::say!(
                lang,
                "sum-music-stopped",
                at = time(at),
                reason = r.to_string()
            ),
            None => crate::say!(lang, "sum-music-stopped-by-clinician", at = time(at)),
        };
        d.item(line);
    }
    if !s.checkins.is_empty() {
        let times: Vec<String> = s.checkins.iter().map(time).collect();
        d.item(crate::say!(lang, "sum-checkins", times = times.join(", ")));
    }

    if let Some(goals) = &s.goals {
        d.heading(
            2,
            crate::say!(
                lang,
                "sum-h-goals",
                kind = p.course.goals.kind.label().say(lang)
            ),
        );
        for g in goals {
            d.item(g.to_string());
        }
    }
}

/// Each phase with its answers, and when integration is due.
pub(super) fn phases_section(d: &mut Doc, s: &Session, lang: crate::i18n::Lang) {
    let p = s.protocol();
    d.heading(2, crate::say!(lang, "sum-h-phases"));
    for (i, ph) in p.phases.iter().enumerate() {
        d.heading(3, ph.title.clone());
        if i > s.phase && s.closed.is_none() {
            d.para(crate::say!(lang, "sum-not-reached"));
            continue;
        }
        for pr in s.prompts(ph) {
            prompt_line(d, s, pr, lang);
        }
        for sk in s.skips.iter().filter(|k| k.phase == ph.id) {
            d.item(crate::say!(
                lang,
                "sum-moved-on-without",
                at = time(&sk.at),
                items = sk
                    .prompts
                    .iter()
                    .map(|id| p.prompt(id).map_or(id.as_str(), |(_, pr)| pr.text.as_str()))
                    .collect::<Vec<_>>()
                    .join("; "),
                reason = sk.reason.clone()
            ));
        }
    }
    if let Some(h) = p.course.integration.as_ref().and_then(|i| i.within_hours) {
        let from = s.started_at.wall + chrono::Duration::hours(i64::from(h.min));
        let to = s.started_at.wall + chrono::Duration::hours(i64::from(h.max));
        d.para(crate::say!(
            lang,
            "sum-integration-due",
            from = format!(
                "{} {}",
                crate::i18n::date_short_in(lang, from.date_naive()),
                from.format("%H:%M")
            ),
            to = format!(
                "{} {}",
                crate::i18n::date_short_in(lang, to.date_naive()),
                to.format("%H:%M")
            ),
            min = h.min,
            max = h.max
        ));
    }
}

/// A prompt of a reached phase: a check ticked or not, a text answer, or
/// each value typed with its time.
fn prompt_line(d: &mut Doc, s: &Session, pr: &crate::protocol::Prompt, lang: crate::i18n::Lang) {
    match pr.kind {
        PromptKind::Check => {
            let tick = s.ticks.get(&pr.id).filter(|t| t.checked);
            d.check(tick.is_some(), pr.text.clone());
            // What the tick rests on, as it recorded it.
            if let Some(e) = tick.and_then(|t| t.evidence.as_ref()) {
                d.sub(crate::session::evidence::record_words(e).say(lang));
            }
        }
        PromptKind::Text => {
            let a = s
                .answers
                .get(&pr.id)
                .map_or("—".to_string(), |a| a.text.clone());
            d.item(crate::i18n::labelled_in(lang, &pr.text, &a));
        }
        _ => {
            let entries = s.values.get(&pr.id).map(Vec::as_slice).unwrap_or(&[]);
            match entries {
                [] => {
                    d.item(crate::i18n::labelled_in(lang, &pr.text, "—"));
                }
                [one] => {
                    d.item(crate::i18n::labelled_in(
                        lang,
                        &pr.text,
                        &format!(
                            "{} ({})",
                            crate::protocol::values::show_dated(
                                pr,
                                &one.value,
                                &one.at,
                                &s.started_at
                            )
                            .say(lang),
                            time(&one.at)
                        ),
                    ));
                }
                many => {
                    let parts: Vec<String> = many
                        .iter()
                        .map(|e| {
                            format!(
                                "{} {}",
                                time(&e.at),
                                crate::protocol::values::show_dated(
                                    pr,
                                    &e.value,
                                    &e.at,
                                    &s.started_at
                                )
                                .say(lang)
                            )
                        })
                        .collect();
                    d.item(crate::i18n::labelled_in(lang, &pr.text, &parts.join("; ")));
                }
            }
        }
    }
}
