//! The Markdown summary written when a session closes: what happened, in
//! the order a chart note needs it.

use super::doc::{Doc, Inline, Span};
use crate::session::state::minutes_text;
use crate::session::{Moment, Session};

pub(super) fn time(m: &Moment) -> String {
    m.wall.format("%H:%M").to_string()
}

/// The Markdown summary of a session as it stands at `now`.
pub fn markdown(s: &Session, now: &Moment, lang: crate::i18n::Lang) -> String {
    document(s, now, lang).markdown()
}

/// The summary of a session as it stands at `now`, as a document.
pub fn document(s: &Session, now: &Moment, lang: crate::i18n::Lang) -> Doc {
    let mut d = Doc::default();
    head(&mut d, s, lang);

    // A visit gives no dose: no infusion, ketamine or rescue sections.
    if s.start.visit.is_none() {
        infusion_section(&mut d, s, now, lang);
        super::summary_meds::ketamine(&mut d, s, now, lang);
        super::summary_meds::rescue(&mut d, s, lang);
    }

    vitals_section(&mut d, s, lang);
    alerts_section(&mut d, s, now, lang);
    super::summary_device::section(&mut d, s, lang);
    super::risk::summary(&mut d, s, lang);

    if s.start.visit.is_none() {
        super::summary_phases::music_section(&mut d, s, lang);
    }
    if !s.notes.is_empty() {
        d.heading(2, crate::say!(lang, "sum-h-notes"));
        for n in &s.notes {
            let tags = if n.tags.is_empty() {
                String::new()
            } else {
                format!(
                    "[{}] ",
                    crate::session::event::tag_labels(&n.tags).say(lang)
                )
            };
            d.item(format!("{} {tags}{}", time(&n.at), n.text));
        }
    }

    super::summary_phases::phases_section(&mut d, s, lang);
    super::timeline_md::corrections(&mut d, s, lang);
    super::timeline_md::addenda(&mut d, s, lang);
    super::timeline_md::timeline(&mut d, s, now, lang);
    d
}

/// The title, the protocol, date, dose and who was present, and how it was signed.
fn head(d: &mut Doc, s: &Session, lang: crate::i18n::Lang) {
    let p = s.protocol();
    if s.start.rehearsal {
        d.banner(Inline::strong(crate::say!(lang, "sum-rehearsal-banner")));
    }
    let title = match s.start.visit {
        Some(v) => crate::say!(
            lang,
            "sum-title-visit",
            kind = v.kind.label().say(lang),
            patient = s.start.patient.clone()
        ),
        None => crate::say!(
            lang,
            "sum-title",
            session = p.session_title(s.start.session).say(lang),
            patient = s.start.patient.clone()
        ),
    };
    d.heading(1, title);
    d.item(crate::say!(
        lang,
        "sum-protocol",
        name = p.protocol.name.clone(),
        version = p.protocol.version.clone()
    ));
    d.item(crate::say!(
        lang,
        "sum-date",
        date = crate::i18n::date_in(lang, s.started_at.wall.date_naive()),
        time = s.started_at.wall.format("%H:%M").to_string(),
        offset = s.started_at.wall.format("%:z").to_string()
    ));
    if let Some(words) = super::course::visit_words(&s.start) {
        d.item(crate::say!(lang, "sum-visit", visit = words.clone()));
    }
    if let Some(rule) = p
        .dose_rule(s.start.session)
        .filter(|_| s.start.visit.is_none())
    {
        d.item(crate::say!(
            lang,
            "sum-dose",
            mg = crate::i18n::num_in(lang, s.start.dose_mg),
            route = format!(
                "{}{}",
                rule.route.after_dose().say(lang),
                rule.label
                    .as_ref()
                    .map(|l| format!(" ({l})"))
                    .unwrap_or_default()
            )
        ));
        let req = crate::protocol::dose::DoseRequest {
            session: s.start.session,
            weight_kg: s.start.weight_kg,
            mg_per_kg: rule.mg_per_kg.map(|_| s.start.mg_per_kg),
        };
        if let Ok(plan) = crate::protocol::dose::plan(p, req) {
            for line in plan.arithmetic() {
                d.sub(line.say(lang));
            }
        }
    }
    if !s.start.clinicians.is_empty() {
        let names: Vec<String> = s.start.clinicians.iter().map(|c| c.to_string()).collect();
        d.item(crate::say!(
            lang,
            "sum-clinicians",
            names = names.join("; ")
        ));
    }
    if let Some(note) = &s.start.schedule_note {
        d.item(crate::say!(
            lang,
            "sum-outside-window",
            note = note.to_string()
        ));
    }
    signature_lines(d, s, lang);
}

/// The infusion (or the dose and the observation after it).
fn infusion_section(d: &mut Doc, s: &Session, now: &Moment, lang: crate::i18n::Lang) {
    let ds = &s.dosing;
    d.heading(2, crate::say!(lang, "sum-h-infusion", what = ds.what()));
    match &ds.started {
        None => {
            d.para(crate::say!(lang, "sum-not-started"));
        }
        Some(st) => {
            d.item(crate::say!(lang, "sum-started", at = time(st)));
            for pause in &ds.pauses {
                d.item(crate::say!(
                    lang,
                    "sum-paused",
                    from = time(&pause.from),
                    to = pause.to.as_ref().map_or("…".into(), time),
                    reason = pause.reason.clone()
                ));
            }
            if let Some((at, r)) = &ds.stopped {
                d.item(crate::say!(
                    lang,
                    "sum-stopped-early",
                    at = time(at),
                    reason = r.to_string()
                ));
            } else if let Some(end) = ds.completed_at(now) {
                d.item(crate::say!(lang, "sum-completed", at = time(&end)));
            }
            d.item(crate::say!(
                lang,
                "sum-running-time",
                time = minutes_text(ds.elapsed(now)).say(lang)
            ));
            if let Some((at, r)) = &s.consent_withdrawn {
                d.item(crate::say!(
                    lang,
                    "sum-consent-withdrawn",
                    at = time(at),
                    reason = r.to_string()
                ));
            }
        }
    }
    let given = s.delivered(now);
    d.item(if given.is_complete() || ds.started.is_none() {
        crate::say!(lang, "sum-given", given = given.text().say(lang))
    } else {
        crate::say!(lang, "sum-given-partial", given = given.text().say(lang))
    });
}

/// Every vitals set, in a table.
fn vitals_section(d: &mut Doc, s: &Session, lang: crate::i18n::Lang) {
    d.heading(2, crate::say!(lang, "sum-h-vitals"));
    if s.vitals.is_empty() {
        d.para(crate::say!(lang, "sum-none-recorded"));
    } else {
        let head = vec![
            Inline::text(crate::say!(lang, "table-time")),
            Inline::text(crate::say!(lang, "table-bp")),
            Inline::text(crate::say!(lang, "table-hr")),
            Inline::text("SpO₂"),
        ];
        let mut rows = Vec::new();
        for v in &s.vitals {
            let r = &v.reading;
            let bp = match (r.systolic, r.diastolic) {
                (Some(a), Some(b)) => format!("{a}/{b}"),
                _ => String::new(),
            };
            rows.push(vec![
                Inline::text(time(&v.at)),
                Inline::text(bp),
                Inline::text(r.hr.map(|x| x.to_string()).unwrap_or_default()),
                Inline::text(r.spo2.map(|x| format!("{x}%")).unwrap_or_default()),
            ]);
        }
        d.table(head, rows);
    }
}

/// The alarms, each with its handling and its log.
fn alerts_section(d: &mut Doc, s: &Session, now: &Moment, lang: crate::i18n::Lang) {
    if !s.alerts.alerts.is_empty() {
        d.heading(2, crate::say!(lang, "sum-h-alerts"));
        let counts: Vec<String> = crate::protocol::Priority::ALL
            .iter()
            .map(|p| {
                (
                    p,
                    s.alerts.alerts.iter().filter(|a| a.priority == *p).count(),
                )
            })
            .filter(|(_, n)| *n > 0)
            .map(|(p, n)| format!("{n} {}", p.word().say(lang)))
            .collect();
        d.para(crate::say!(
            lang,
            "sum-alarms-by-priority",
            counts = counts.join(", ")
        ));
        for a in &s.alerts.alerts {
            let first = a.earlier_acks.first().or(a.acknowledged.as_ref());
            let ack = match &a.acknowledged {
                Some(k) => format!(
                    "{}{}",
                    crate::say!(
                        lang,
                        "sum-acknowledged",
                        at = time(&k.at),
                        after =
                            minutes_text(first.map_or(0, |f| f.at.since(&a.raised_at))).say(lang)
                    ),
                    k.action
                        .as_ref()
                        .map(|x| format!(" — {x}"))
                        .unwrap_or_default()
                ),
                // One that stopped standing before anyone acknowledged it
                // never waited for anyone after that.
                None if a.is_void() => crate::say!(lang, "sum-ack-not-needed"),
                None => crate::say!(lang, "sum-not-acknowledged"),
            };
            let ack = match (&a.in_error, &a.withdrawn) {
                (Some(why), _) => format!(
                    "{ack}; {}",
                    crate::say!(lang, "sum-alarm-in-error", reason = why.to_string())
                ),
                (None, Some(w)) => format!(
                    "{ack}; {}",
                    crate::say!(
                        lang,
                        "sum-alarm-withdrawn",
                        entry = w.entry,
                        at = time(&w.at)
                    )
                ),
                (None, None) => ack,
            };
            let line = crate::say!(
                lang,
                "sum-alarm-line",
                at = time(&a.raised_at),
                headline = a.headline().say(lang),
                priority = a.priority.word().say(lang),
                action = a.action.trim_end().trim_end_matches('.').to_string(),
                ack = ack
            );
            d.item(line);
            d.sub(a.limit_detail().say(lang));
            let log: Vec<String> = s
                .alarm_transitions(a, &s.as_of(now))
                .into_iter()
                .map(|(at, what)| format!("{} {}", time(&at), what.text().say(lang)))
                .collect();
            d.sub(log.join("; "));
        }
    }
}

/// How the record was closed, who signed it, and each co-signature.
fn signature_lines(d: &mut Doc, s: &Session, lang: crate::i18n::Lang) {
    match &s.closed {
        Some(c) => match &c.abandoned {
            Some(r) => {
                d.item(crate::say!(
                    lang,
                    "sum-ended-early",
                    at = time(&c.at),
                    reason = r.to_string()
                ));
                if let Some(by) = s.signer() {
                    d.item(crate::say!(lang, "sum-signed-by", by = by.to_string()));
                }
            }
            None => match s.signer() {
                Some(by) => {
                    d.item(crate::say!(
                        lang,
                        "sum-closed-signed",
                        at = time(&c.at),
                        by = by.to_string()
                    ));
                }
                None => {
                    d.item(crate::say!(lang, "sum-closed-at", at = time(&c.at)));
                }
            },
        },
        None => {
            d.item(crate::say!(lang, "sum-not-closed"));
        }
    }
    for c in &s.co_signatures {
        d.item(crate::say!(
            lang,
            "sum-co-signed",
            by = c.clinician.clone(),
            at = time(&c.at)
        ));
    }
}

/// The closing section of a summary: how many entries the journal held
/// when it was written and the hash of the last one, so this copy shows
/// whether the journal was later cut short (see `docs/journal-format.md`).
pub fn seal_doc(last_seq: u64, last_hash: &str, lang: crate::i18n::Lang) -> Doc {
    let mut d = Doc::default();
    d.heading(2, crate::say!(lang, "sum-h-record"));
    d.para(Inline::fill(
        &crate::say!(lang, "sum-seal", last = last_seq, hash = Inline::slot(0)),
        vec![Span::Code(last_hash.to_string())],
    ));
    d
}

/// The summary at `now`, sealed with the journal's last entry, as
/// `summary.md` holds it.
fn sealed_markdown(
    s: &Session,
    now: &Moment,
    last_seq: u64,
    last_hash: &str,
    lang: crate::i18n::Lang,
) -> String {
    let mut d = document(s, now, lang);
    d.append(seal_doc(last_seq, last_hash, lang));
    d.markdown()
}

/// Write `summary.md` for a session that has just closed (or ended early):
/// the summary as it stands at `now`, sealed with the journal's last entry.
/// Returns where it was written, or why it was not.
pub fn write_closing(
    open: &super::OpenSession,
    now: &Moment,
    lang: crate::i18n::Lang,
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
    let text = sealed_markdown(&open.session, now, last_seq, last_hash, lang);
    let path = open.dir.join(record_seal::SUMMARY_FILE);
    keep_earlier(&open.dir, &path, text.as_bytes()).map_err(|e| e.to_string())?;
    super::journal::write_atomic(&path, text.as_bytes()).map_err(|e| e.to_string())?;
    sealed.map_err(|e| crate::say!(lang, "verdict-seal-not-saved", error = e.to_string()))?;
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
    lang: crate::i18n::Lang,
) {
    let Some(closed) = &session.closed else {
        return;
    };
    let path = dir.join("summary.md");
    if !clean || std::fs::symlink_metadata(&path).is_ok() {
        return;
    }
    let text = sealed_markdown(
        session,
        &closed.at,
        outcome.last_seq,
        &outcome.last_hash,
        lang,
    );
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
