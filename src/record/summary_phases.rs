//! The summary's account of what the session holds beyond its numbers:
//! the music (or the support chosen instead) and the goals, then each
//! phase with its answers and when integration is due.

use super::summary::{esc, time};
use crate::protocol::PromptKind;
use crate::session::Session;
use crate::t;
use std::fmt::Write as _;

/// The music, or the support chosen instead, and the goals.
pub(super) fn music_section(o: &mut String, s: &Session) {
    let p = s.protocol();
    let _ = writeln!(o, "\n## {}\n", t!("sum-h-music"));
    match (&s.music.playlist, &s.music.support) {
        (Some(pl), _) => {
            let _ = writeln!(o, "- {}", t!("sum-playlist", playlist = esc(pl)));
        }
        (None, Some(sup)) => {
            let label = p
                .music
                .as_ref()
                .and_then(|m| m.supports.iter().find(|x| &x.id == sup))
                .map_or(sup.clone(), |x| x.label.clone());
            let _ = writeln!(o, "- {}", t!("sum-no-music", support = label));
        }
        (None, None) => {
            let _ = writeln!(o, "- {}", t!("sum-music-not-chosen"));
        }
    }
    for (from, to) in &s.music.played {
        let _ = writeln!(
            o,
            "- {}",
            t!(
                "sum-played",
                from = time(from),
                to = to.as_ref().map_or("…".to_string(), time)
            )
        );
    }
    for (at, t) in &s.music.tracks {
        let _ = writeln!(o, "- {}", t!("sum-track", at = time(at), track = esc(t)));
    }
    for (at, t) in &s.music.problems {
        let _ = writeln!(
            o,
            "- {}",
            t!("sum-music-problem", at = time(at), problem = esc(t))
        );
    }
    for (at, r) in &s.music.stop_reasons {
        let line = match r {
            Some(r) => t!("sum-music-stopped", at = time(at), reason = esc(r)),
            None => t!("sum-music-stopped-by-clinician", at = time(at)),
        };
        let _ = writeln!(o, "- {line}");
    }
    if !s.checkins.is_empty() {
        let times: Vec<String> = s.checkins.iter().map(time).collect();
        let _ = writeln!(o, "- {}", t!("sum-checkins", times = times.join(", ")));
    }

    if let Some(goals) = &s.goals {
        let _ = writeln!(
            o,
            "\n## {}\n",
            t!("sum-h-goals", kind = p.course.goals.kind.label())
        );
        for g in goals {
            let _ = writeln!(o, "- {}", esc(g));
        }
    }
}

/// Each phase with its answers, and when integration is due.
pub(super) fn phases_section(o: &mut String, s: &Session) {
    let p = s.protocol();
    let _ = writeln!(o, "\n## {}\n", t!("sum-h-phases"));
    for (i, ph) in p.phases.iter().enumerate() {
        let _ = writeln!(o, "### {}\n", ph.title);
        if i > s.phase && s.closed.is_none() {
            let _ = writeln!(o, "{}\n", t!("sum-not-reached"));
            continue;
        }
        for pr in s.prompts(ph) {
            prompt_line(o, s, pr);
        }
        for sk in s.skips.iter().filter(|k| k.phase == ph.id) {
            let _ = writeln!(
                o,
                "- {}",
                t!(
                    "sum-moved-on-without",
                    at = time(&sk.at),
                    items = sk
                        .prompts
                        .iter()
                        .map(|id| p.prompt(id).map_or(id.as_str(), |(_, pr)| pr.text.as_str()))
                        .collect::<Vec<_>>()
                        .join("; "),
                    reason = esc(&sk.reason)
                )
            );
        }
        let _ = writeln!(o);
    }
    if let Some(h) = p.course.integration.as_ref().and_then(|i| i.within_hours) {
        let from = s.started_at.wall + chrono::Duration::hours(i64::from(h.min));
        let to = s.started_at.wall + chrono::Duration::hours(i64::from(h.max));
        let _ = writeln!(
            o,
            "{}",
            t!(
                "sum-integration-due",
                from = format!(
                    "{} {}",
                    crate::i18n::date_short(from.date_naive()),
                    from.format("%H:%M")
                ),
                to = format!(
                    "{} {}",
                    crate::i18n::date_short(to.date_naive()),
                    to.format("%H:%M")
                ),
                min = h.min,
                max = h.max
            )
        );
    }
}

/// A prompt of a reached phase: a check ticked or not, a text answer, or
/// each value typed with its time.
fn prompt_line(o: &mut String, s: &Session, pr: &crate::protocol::Prompt) {
    match pr.kind {
        PromptKind::Check => {
            let tick = s.ticks.get(&pr.id).filter(|t| t.checked);
            let _ = writeln!(
                o,
                "- [{}] {}",
                if tick.is_some() { "x" } else { " " },
                pr.text
            );
            // What the tick rests on, as it recorded it.
            if let Some(e) = tick.and_then(|t| t.evidence.as_ref()) {
                let _ = writeln!(o, "  - {}", esc(&crate::session::evidence::record_words(e)));
            }
        }
        PromptKind::Text => {
            let a = s
                .answers
                .get(&pr.id)
                .map_or("—".to_string(), |a| esc(&a.text));
            let _ = writeln!(o, "- {}", crate::i18n::labelled(&pr.text, &a));
        }
        _ => {
            let entries = s.values.get(&pr.id).map(Vec::as_slice).unwrap_or(&[]);
            match entries {
                [] => {
                    let _ = writeln!(o, "- {}", crate::i18n::labelled(&pr.text, "—"));
                }
                [one] => {
                    let _ = writeln!(
                        o,
                        "- {}",
                        crate::i18n::labelled(
                            &pr.text,
                            &format!(
                                "{} ({})",
                                crate::protocol::values::show_dated(
                                    pr,
                                    &one.value,
                                    &one.at,
                                    &s.started_at
                                ),
                                time(&one.at)
                            )
                        )
                    );
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
                            )
                        })
                        .collect();
                    let _ = writeln!(
                        o,
                        "- {}",
                        crate::i18n::labelled(&pr.text, &parts.join("; "))
                    );
                }
            }
        }
    }
}
