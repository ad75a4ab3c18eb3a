//! Where a session stands, in plain words: `kap resume --status`.

use crate::session::state::minutes_text;
use crate::session::{DosingState, Session};

/// Where a session stands, as plain text.
pub(super) fn status_text(
    s: &Session,
    now: &crate::session::Moment,
    lang: crate::i18n::Lang,
) -> String {
    use std::fmt::Write as _;
    let mut o = String::new();
    let _ = writeln!(o, "{}", status_head(s, now, lang));
    let _ = writeln!(
        o,
        "{}",
        crate::say!(
            lang,
            "cli-status-started",
            at = format!(
                "{} {}",
                crate::i18n::date_in(lang, s.started_at.wall.date_naive()),
                s.started_at.wall.format("%H:%M %:z")
            )
        )
    );
    where_it_stands(&mut o, s, lang);
    infusion_line(&mut o, s, now, lang);
    let _ = writeln!(
        o,
        "{}",
        crate::say!(
            lang,
            "cli-status-counts",
            vitals = s.vitals.len(),
            notes = s.notes.len()
        )
    );
    for a in s.alarms_waiting(now) {
        let _ = writeln!(
            o,
            "{}",
            crate::say!(
                lang,
                "cli-status-alert",
                what = crate::i18n::Phrase::say(&a.headline(), lang),
                action = a.action.clone()
            )
        );
    }
    o
}

/// The status's first line: a rehearsal or not, the patient, the
/// protocol, and the session with the dose given or the visit.
fn status_head(s: &Session, now: &crate::session::Moment, lang: crate::i18n::Lang) -> String {
    let p = s.protocol();
    format!(
        "{}{}",
        if s.start.rehearsal {
            format!("{} — ", crate::say!(lang, "cli-rehearsal-word"))
        } else {
            String::new()
        },
        // A visit by its kind and who holds it, and no dose.
        match crate::record::course::visit_words(&s.start) {
            Some(visit) => crate::say!(
                lang,
                "cli-status-head-visit",
                patient = s.start.patient.clone(),
                protocol = p.protocol.name.clone(),
                visit = crate::i18n::Phrase::say(&visit, lang)
            ),
            None => crate::say!(
                lang,
                "cli-status-head",
                patient = s.start.patient.clone(),
                protocol = p.protocol.name.clone(),
                session = crate::i18n::Phrase::say(&p.session_label(s.start.session), lang),
                given = crate::i18n::Phrase::say(&s.delivered(&s.as_of(now)).text(), lang)
            ),
        }
    )
}

/// Closed (or ended early) and signed, or the phase under way.
fn where_it_stands(o: &mut String, s: &Session, lang: crate::i18n::Lang) {
    use std::fmt::Write as _;
    let p = s.protocol();
    match &s.closed {
        Some(c) => {
            let _ = writeln!(
                o,
                "{}",
                if c.abandoned.is_some() {
                    crate::say!(lang, "cli-status-ended-early", at = c.at.hhmm())
                } else {
                    crate::say!(lang, "cli-status-closed", at = c.at.hhmm())
                }
            );
            if let Some(line) = super::history_cmd::signatures_line(s, lang) {
                let _ = writeln!(o, "{line}");
            }
        }
        None => {
            let _ = writeln!(
                o,
                "{}",
                crate::say!(
                    lang,
                    "cli-status-phase",
                    phase = s.phase + 1,
                    phases = p.phases.len(),
                    title = s.current_phase().title.clone()
                )
            );
        }
    }
}

/// The infusion's state, time and what is left, once it has started.
fn infusion_line(
    o: &mut String,
    s: &Session,
    now: &crate::session::Moment,
    lang: crate::i18n::Lang,
) {
    use std::fmt::Write as _;
    let d = &s.dosing;
    let state = d.state(now);
    if state != DosingState::NotStarted {
        let _ = writeln!(
            o,
            "{}{}",
            crate::say!(
                lang,
                "cli-status-infusion",
                what = d.what(),
                state = match state {
                    DosingState::Running => "running",
                    DosingState::Paused => "paused",
                    DosingState::Completed => "completed",
                    DosingState::Stopped | DosingState::NotStarted => "stopped",
                },
                elapsed = crate::i18n::Phrase::say(&minutes_text(d.elapsed(now)), lang)
            ),
            d.remaining(now)
                .map(|r| format!(
                    ", {}",
                    crate::say!(
                        lang,
                        "cli-status-remaining",
                        left = crate::i18n::Phrase::say(&minutes_text(r), lang)
                    )
                ))
                .unwrap_or_default()
        );
    }
}
