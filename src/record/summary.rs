//! The Markdown summary written when a session closes: what happened, in
//! the order a chart note needs it.

use crate::i18n::num;
use crate::session::state::minutes_text;
use crate::session::{Moment, Session};
use crate::t;
use std::fmt::Write as _;

/// Typed text as Markdown shows it literally.
pub(super) fn esc(s: &str) -> String {
    super::timeline_md::md_escape(s)
}

pub(super) fn time(m: &Moment) -> String {
    m.wall.format("%H:%M").to_string()
}

/// A Markdown summary of a session as it stands at `now`.
pub fn markdown(s: &Session, now: &Moment) -> String {
    let mut o = String::new();
    head(&mut o, s);

    // A visit gives no dose: no infusion, ketamine or rescue sections.
    if s.start.visit.is_none() {
        infusion_section(&mut o, s, now);
        super::summary_meds::ketamine(&mut o, s, now);
        super::summary_meds::rescue(&mut o, s);
    }

    vitals_section(&mut o, s);
    alerts_section(&mut o, s, now);
    super::summary_device::section(&mut o, s);
    super::risk::summary(&mut o, s);

    if s.start.visit.is_none() {
        super::summary_phases::music_section(&mut o, s);
    }
    if !s.notes.is_empty() {
        let _ = writeln!(o, "\n## {}\n", t!("sum-h-notes"));
        for n in &s.notes {
            let tags = if n.tags.is_empty() {
                String::new()
            } else {
                format!("[{}] ", crate::session::event::tag_labels(&n.tags))
            };
            let _ = writeln!(o, "- {} {tags}{}", time(&n.at), esc(&n.text));
        }
    }

    super::summary_phases::phases_section(&mut o, s);
    o.push_str(&super::timeline_md::corrections(s));
    o.push_str(&super::timeline_md::addenda(s));
    o.push_str(&super::timeline_md::timeline(s, now));
    o
}

/// The title, the protocol, date, dose and who was present, and how it was signed.
fn head(o: &mut String, s: &Session) {
    let p = s.protocol();
    if s.start.rehearsal {
        let _ = writeln!(o, "> **{}**\n", t!("sum-rehearsal-banner"));
    }
    let title = match s.start.visit {
        Some(v) => t!(
            "sum-title-visit",
            kind = v.kind.label(),
            patient = esc(&s.start.patient)
        ),
        None => t!(
            "sum-title",
            session = p.session_title(s.start.session),
            patient = esc(&s.start.patient)
        ),
    };
    let _ = writeln!(o, "# {title}\n");
    let _ = writeln!(
        o,
        "- {}",
        t!(
            "sum-protocol",
            name = p.protocol.name.clone(),
            version = p.protocol.version.clone()
        )
    );
    let _ = writeln!(
        o,
        "- {}",
        t!(
            "sum-date",
            date = crate::i18n::date(s.started_at.wall.date_naive()),
            time = s.started_at.wall.format("%H:%M").to_string(),
            offset = s.started_at.wall.format("%:z").to_string()
        )
    );
    if let Some(words) = super::course::visit_words(&s.start) {
        let _ = writeln!(o, "- {}", t!("sum-visit", visit = esc(&words)));
    }
    if let Some(rule) = p
        .dose_rule(s.start.session)
        .filter(|_| s.start.visit.is_none())
    {
        let _ = writeln!(
            o,
            "- {}",
            t!(
                "sum-dose",
                mg = num(s.start.dose_mg),
                route = format!(
                    "{}{}",
                    rule.route.after_dose(),
                    rule.label
                        .as_ref()
                        .map(|l| format!(" ({l})"))
                        .unwrap_or_default()
                )
            )
        );
        let req = crate::protocol::dose::DoseRequest {
            session: s.start.session,
            weight_kg: s.start.weight_kg,
            mg_per_kg: rule.mg_per_kg.map(|_| s.start.mg_per_kg),
        };
        if let Ok(plan) = crate::protocol::dose::plan(p, req) {
            for line in plan.arithmetic() {
                let _ = writeln!(o, "  - {line}");
            }
        }
    }
    if !s.start.clinicians.is_empty() {
        let names: Vec<String> = s
            .start
            .clinicians
            .iter()
            .map(|c| super::timeline_md::md_escape(c))
            .collect();
        let _ = writeln!(o, "- {}", t!("sum-clinicians", names = names.join("; ")));
    }
    if let Some(note) = &s.start.schedule_note {
        let _ = writeln!(o, "- {}", t!("sum-outside-window", note = esc(note)));
    }
    signature_lines(o, s);
}

/// The infusion (or the dose and the observation after it).
fn infusion_section(o: &mut String, s: &Session, now: &Moment) {
    let d = &s.dosing;
    let _ = writeln!(o, "\n## {}\n", t!("sum-h-infusion", what = d.what()));
    match &d.started {
        None => {
            let _ = writeln!(o, "{}", t!("sum-not-started"));
        }
        Some(st) => {
            let _ = writeln!(o, "- {}", t!("sum-started", at = time(st)));
            for pause in &d.pauses {
                let _ = writeln!(
                    o,
                    "- {}",
                    t!(
                        "sum-paused",
                        from = time(&pause.from),
                        to = pause.to.as_ref().map_or("…".into(), time),
                        reason = esc(&pause.reason)
                    )
                );
            }
            if let Some((at, r)) = &d.stopped {
                let _ = writeln!(
                    o,
                    "- {}",
                    t!("sum-stopped-early", at = time(at), reason = esc(r))
                );
            } else if let Some(end) = d.completed_at(now) {
                let _ = writeln!(o, "- {}", t!("sum-completed", at = time(&end)));
            }
            let _ = writeln!(
                o,
                "- {}",
                t!("sum-running-time", time = minutes_text(d.elapsed(now)))
            );
            if let Some((at, r)) = &s.consent_withdrawn {
                let _ = writeln!(
                    o,
                    "- {}",
                    t!("sum-consent-withdrawn", at = time(at), reason = esc(r))
                );
            }
        }
    }
    let given = s.delivered(now);
    let _ = writeln!(
        o,
        "- {}",
        if given.is_complete() || d.started.is_none() {
            t!("sum-given", given = given.text())
        } else {
            t!("sum-given-partial", given = given.text())
        }
    );
}

/// Every vitals set, in a table.
fn vitals_section(o: &mut String, s: &Session) {
    let _ = writeln!(o, "\n## {}\n", t!("sum-h-vitals"));
    if s.vitals.is_empty() {
        let _ = writeln!(o, "{}", t!("sum-none-recorded"));
    } else {
        let _ = writeln!(
            o,
            "| {} | {} | {} | SpO₂ |\n|---|---|---|---|",
            t!("table-time"),
            t!("table-bp"),
            t!("table-hr")
        );
        for v in &s.vitals {
            let r = &v.reading;
            let bp = match (r.systolic, r.diastolic) {
                (Some(a), Some(b)) => format!("{a}/{b}"),
                _ => String::new(),
            };
            let _ = writeln!(
                o,
                "| {} | {bp} | {} | {} |",
                time(&v.at),
                r.hr.map(|x| x.to_string()).unwrap_or_default(),
                r.spo2.map(|x| format!("{x}%")).unwrap_or_default()
            );
        }
    }
}

/// The alarms, each with its handling and its log.
fn alerts_section(o: &mut String, s: &Session, now: &Moment) {
    if !s.alerts.alerts.is_empty() {
        let _ = writeln!(o, "\n## {}\n", t!("sum-h-alerts"));
        let counts: Vec<String> = crate::protocol::Priority::ALL
            .iter()
            .map(|p| {
                (
                    p,
                    s.alerts.alerts.iter().filter(|a| a.priority == *p).count(),
                )
            })
            .filter(|(_, n)| *n > 0)
            .map(|(p, n)| format!("{n} {}", p.word()))
            .collect();
        let _ = writeln!(
            o,
            "{}\n",
            t!("sum-alarms-by-priority", counts = counts.join(", "))
        );
        for a in &s.alerts.alerts {
            let first = a.earlier_acks.first().or(a.acknowledged.as_ref());
            let ack = match &a.acknowledged {
                Some(k) => format!(
                    "{}{}",
                    t!(
                        "sum-acknowledged",
                        at = time(&k.at),
                        after = minutes_text(first.map_or(0, |f| f.at.since(&a.raised_at)))
                    ),
                    k.action
                        .as_ref()
                        .map(|x| format!(" — {}", esc(x)))
                        .unwrap_or_default()
                ),
                // One that stopped standing before anyone acknowledged it
                // never waited for anyone after that.
                None if a.is_void() => t!("sum-ack-not-needed"),
                None => t!("sum-not-acknowledged"),
            };
            let ack = match (&a.in_error, &a.withdrawn) {
                (Some(why), _) => format!(
                    "{ack}; {}",
                    t!(
                        "sum-alarm-in-error",
                        reason = super::timeline_md::md_escape(why)
                    )
                ),
                (None, Some(w)) => format!(
                    "{ack}; {}",
                    t!("sum-alarm-withdrawn", entry = w.entry, at = time(&w.at))
                ),
                (None, None) => ack,
            };
            let line = t!(
                "sum-alarm-line",
                at = time(&a.raised_at),
                headline = a.headline(),
                priority = a.priority.word(),
                action = a.action.trim_end().trim_end_matches('.').to_string(),
                ack = ack
            );
            let _ = writeln!(o, "- {line}");
            let _ = writeln!(o, "  - {}", esc(&a.limit_detail()));
            let log: Vec<String> = s
                .alarm_transitions(a, &s.as_of(now))
                .into_iter()
                .map(|(at, what)| format!("{} {}", time(&at), esc(&what.text())))
                .collect();
            let _ = writeln!(o, "  - {}", log.join("; "));
        }
    }
}

/// How the record was closed, who signed it, and each co-signature.
fn signature_lines(o: &mut String, s: &Session) {
    match &s.closed {
        Some(c) => match &c.abandoned {
            Some(r) => {
                let _ = writeln!(
                    o,
                    "- {}",
                    t!("sum-ended-early", at = time(&c.at), reason = esc(r))
                );
                if let Some(by) = s.signer() {
                    let _ = writeln!(
                        o,
                        "- {}",
                        t!("sum-signed-by", by = super::timeline_md::md_escape(by))
                    );
                }
            }
            None => match s.signer() {
                Some(by) => {
                    let _ = writeln!(
                        o,
                        "- {}",
                        t!(
                            "sum-closed-signed",
                            at = time(&c.at),
                            by = super::timeline_md::md_escape(by)
                        )
                    );
                }
                None => {
                    let _ = writeln!(o, "- {}", t!("sum-closed-at", at = time(&c.at)));
                }
            },
        },
        None => {
            let _ = writeln!(o, "- {}", t!("sum-not-closed"));
        }
    }
    for c in &s.co_signatures {
        let _ = writeln!(
            o,
            "- {}",
            t!(
                "sum-co-signed",
                by = super::timeline_md::md_escape(&c.clinician),
                at = time(&c.at)
            )
        );
    }
}

/// The closing lines of a summary: how many entries the journal held when
/// it was written and the hash of the last one, so this copy shows whether
/// the journal was later cut short (see `docs/journal-format.md`).
pub fn seal(last_seq: u64, last_hash: &str) -> String {
    format!(
        "\n## {}\n\n{}\n",
        t!("sum-h-record"),
        t!("sum-seal", last = last_seq, hash = format!("`{last_hash}`"))
    )
}

/// Write `summary.md` for a session that has just closed (or ended early):
/// the summary as it stands at `now`, sealed with the journal's last entry.
/// Returns where it was written, or why it was not.
pub fn write_closing(
    open: &super::OpenSession,
    now: &Moment,
) -> Result<std::path::PathBuf, String> {
    use super::seal::{self as record_seal, SealedAs};
    let sealed_as = match &open.session.closed {
        Some(c) if c.abandoned.is_some() => SealedAs::EndedEarly,
        _ => SealedAs::Closed,
    };
    // The seal first: it is what every reader compares the journal with.
    let sealed = record_seal::write(
        &open.dir,
        &record_seal::of_journal(&open.journal, sealed_as, now),
    );
    let (last_seq, last_hash) = open.journal.seal();
    let text = markdown(&open.session, now) + &seal(last_seq, last_hash);
    let path = open.dir.join(record_seal::SUMMARY_FILE);
    keep_earlier(&open.dir, &path, text.as_bytes()).map_err(|e| e.to_string())?;
    super::journal::write_atomic(&path, text.as_bytes()).map_err(|e| e.to_string())?;
    sealed.map_err(|e| t!("verdict-seal-not-saved", error = e.to_string()))?;
    Ok(path)
}

/// Write `summary.md` for a closed session that has none: kap was
/// killed between saving the closing entry and writing its summary.
/// Written as of the close, sealed with the journal's last entry, as the
/// close would have written it; nothing is done for an open session, one
/// whose journal did not verify, or a folder that already has a summary.
/// A failure (a read-only copy of the records) is left for the next read.
pub fn write_if_missing(
    dir: &std::path::Path,
    session: &crate::session::Session,
    outcome: &super::ReadOutcome,
    clean: bool,
) {
    let Some(closed) = &session.closed else {
        return;
    };
    let path = dir.join("summary.md");
    if !clean || std::fs::symlink_metadata(&path).is_ok() {
        return;
    }
    let text = markdown(session, &closed.at) + &seal(outcome.last_seq, &outcome.last_hash);
    let _ = super::journal::write_atomic(&path, text.as_bytes());
}

/// A summary once written is a document someone may have read, printed or
/// signed: before a new one (after an addendum) takes its name, the one
/// there is kept as `summary.N.md` — 1 for the summary written at the
/// close, then 2, 3 … — never overwritten.
fn keep_earlier(dir: &std::path::Path, path: &std::path::Path, text: &[u8]) -> std::io::Result<()> {
    let Ok(old) = crate::input::read_limited(path, 16 * 1024 * 1024) else {
        return Ok(()); // none yet (or not a file kap wrote)
    };
    if old == text {
        return Ok(());
    }
    let n = (1..)
        .find(|n| !dir.join(format!("summary.{n}.md")).exists())
        .unwrap_or(1);
    std::fs::rename(path, dir.join(format!("summary.{n}.md")))?;
    super::journal::sync_dir(dir)
}
