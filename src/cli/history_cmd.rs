//! `kap history`: a patient's course, each session with its verdict.

use crate::clocks::SystemClock;
use crate::record::Store;
use crate::session::Clock;
use std::process::ExitCode;

pub fn history(
    patient: &str,
    protocol: Option<&str>,
    rehearsal: bool,
    lang: crate::i18n::Lang,
    flag: Option<crate::i18n::Lang>,
) -> ExitCode {
    use crate::record::course;
    let store = match Store::from_env() {
        Ok(s) => s,
        Err(e) => {
            crate::errln!("{}", e.say(lang));
            return ExitCode::FAILURE;
        }
    };
    let scan = store.scan_patient(rehearsal, patient);
    let code = super::record_cmd::say_unreadable(&scan.unreadable, lang);
    // Records whose start is lost may be this patient's: named, never
    // left out in silence.
    say_startless(&scan.startless, lang);
    let mut ids: Vec<String> = scan
        .sessions
        .iter()
        .filter(|l| l.start.patient == patient)
        .map(|l| l.start.protocol_id.clone())
        .filter(|p| protocol.is_none_or(|want| want == p))
        .collect();
    ids.sort();
    ids.dedup();
    if ids.is_empty() {
        crate::outln!(
            "{}",
            if rehearsal {
                crate::say!(lang, "cli-no-rehearsals-for", patient = patient.to_string())
            } else {
                crate::say!(lang, "cli-no-sessions-for", patient = patient.to_string())
            }
        );
        return code;
    }
    let server = (!rehearsal)
        .then(|| server_goals(&scan, patient, lang))
        .flatten();
    if let Some(Err(e)) = &server {
        crate::outln!("{}", crate::say!(lang, "course-offline", error = e.clone()));
    }
    let theirs = match server {
        Some(Ok(v)) => v,
        _ => Vec::new(),
    };
    let now = SystemClock::new().now();
    // Re-settled for each course below, as its latest record speaks.
    let mut lang = lang;
    for pid in ids {
        let entries = course::load_from(&scan.sessions, patient, &pid);
        let Some(p) = course::course_protocol(&entries) else {
            continue;
        };
        // The course in the language of its latest record, unless --lang
        // or KAP_LANG say otherwise.
        if let Some(last) = entries.last() {
            lang = crate::i18n::settle(flag, last.session.recorded_language()).lang;
        }
        crate::outln!(
            "{}",
            crate::say!(
                lang,
                "cli-history-head",
                protocol = p.protocol.name.clone(),
                patient = patient.to_string()
            )
        );
        for e in &entries {
            say_entry(e, p, &now, lang);
        }
        say_goals(p, &entries, &theirs, &pid, lang);
        let next = course::next_number(&entries);
        if next <= p.course.sessions
            && let Some(last) = course::previous(&entries, None)
            && let Some(w) =
                crate::session::course::window(p, next, last.session.started_at.wall.date_naive())
        {
            crate::outln!(
                "  {}",
                crate::say!(
                    lang,
                    "next-session",
                    window = crate::i18n::Phrase::say(&w.describe(), lang)
                )
            );
        }
        crate::outln!();
    }
    code
}

/// The goals standing in the course: another laptop's (read from the
/// clinic's server) when its session that set them is the latest that did,
/// else this laptop's.
fn say_goals(
    p: &crate::protocol::Protocol,
    entries: &[crate::record::course::CourseEntry],
    theirs: &[crate::push::server_read::Held],
    pid: &str,
    lang: crate::i18n::Lang,
) {
    use crate::record::course;
    let goals = course::current_goals(entries);
    let local_at = entries
        .iter()
        .rev()
        .find(|e| e.session.goals.is_some())
        .map(|e| e.session.started_at.wall.naive_local());
    let latest = theirs
        .iter()
        .filter(|h| h.encounter.protocol_id == pid)
        .filter_map(|h| h.goals.as_ref().map(|g| (&h.encounter, g)))
        .max_by_key(|(e, _)| e.started)
        .filter(|(e, _)| local_at.is_none_or(|at| e.started > at));
    if let Some((e, g)) = latest {
        crate::outln!(
            "  {}",
            crate::say!(
                lang,
                "cli-history-goals-elsewhere",
                kind = crate::i18n::Phrase::say(&p.course.goals.kind.label(), lang),
                session = e.session,
                date = crate::i18n::date_in(lang, e.started.date())
            )
        );
        for goal in g {
            crate::outln!("    - {}", crate::text::clean_line(goal));
        }
    } else if !goals.is_empty() {
        crate::outln!(
            "  {}",
            crate::say!(
                lang,
                "cli-history-goals",
                kind = crate::i18n::Phrase::say(&p.course.goals.kind.label(), lang)
            )
        );
        for g in goals {
            crate::outln!("    - {g}");
        }
    }
}

/// What the clinic's server holds of the patient's sessions from other
/// laptops (with the goals each set); `None` when no server is set up.
fn server_goals(
    scan: &crate::record::store::Scan,
    patient: &str,
    lang: crate::i18n::Lang,
) -> Option<Result<Vec<crate::push::server_read::Held>, String>> {
    let mine = scan
        .sessions
        .iter()
        .filter(|l| l.start.patient == patient)
        .map(|l| {
            let key = crate::record::fhir::record_key(&l.start, &l.id);
            crate::record::fhir::resource_id(&key, "encounter")
        })
        .collect();
    super::course_cmd::from_server(patient, &mine, lang)
}

/// One session of the course: its line (with its verdict) and its
/// debrief; what reading it found on standard error.
fn say_entry(
    e: &crate::record::course::CourseEntry,
    p: &crate::protocol::Protocol,
    now: &crate::session::Moment,
    lang: crate::i18n::Lang,
) {
    let s = &e.session;
    for w in &e.warnings {
        crate::errln!(
            "{}",
            crate::say!(lang, "cli-warning", warning = w.say(lang))
        );
    }
    if let Some(words) = crate::record::course::visit_words(&s.start) {
        crate::outln!(
            "  {}",
            crate::say!(
                lang,
                "cli-history-visit",
                date = crate::i18n::date_in(lang, s.started_at.wall.date_naive()),
                visit = crate::i18n::Phrase::say(&words, lang),
                status = crate::i18n::Phrase::say(&e.verdict.sentence(), lang),
                id = e.id.clone()
            )
        );
        if let Some(line) = signatures_line(s, lang) {
            crate::outln!("      {line}");
        }
        return;
    }
    // A rehearsal on its simulated time, a closed record at its close.
    let now = crate::record::export::read_at(s, now);
    let infusion = match (&s.dosing.started, s.dosing.ended_at(&now)) {
        (Some(a), Some(b)) => format!("{}–{}", a.hhmm(), b.hhmm()),
        (Some(a), None) => format!("{}–…", a.hhmm()),
        (None, _) => crate::say!(lang, "cli-history-no-dosing"),
    };
    let status = crate::i18n::Phrase::say(&e.verdict.sentence(), lang);
    let debrief = p
        .phases
        .iter()
        .filter(|ph| ph.role == crate::protocol::PhaseRole::Debrief)
        .flat_map(|ph| ph.prompts.iter())
        .find_map(|pr| s.answers.get(&pr.id))
        .map(|a| {
            a.text
                .lines()
                .next()
                .unwrap_or("")
                .chars()
                .take(60)
                .collect::<String>()
        })
        .unwrap_or_else(|| "—".into());
    crate::outln!(
        "  {}\n      {}",
        crate::say!(
            lang,
            "cli-history-line",
            date = crate::i18n::date_in(lang, s.started_at.wall.date_naive()),
            session = crate::i18n::Phrase::say(&p.session_label(s.start.session), lang),
            given = crate::i18n::Phrase::say(&s.delivered(&s.as_of(&now)).text(), lang),
            what = s.dosing.what(),
            infusion = infusion,
            alerts = s.alerts.alerts.len(),
            status = status,
            id = e.id.clone()
        ),
        crate::say!(lang, "cli-history-debrief", debrief = debrief)
    );
    if let Some(line) = signatures_line(s, lang) {
        crate::outln!("      {line}");
    }
}

/// The damaged records of the tree whose start cannot be read, so whose
/// patient kap cannot tell: each with its verdict, as a course line ends.
fn say_startless(list: &[crate::record::Startless], lang: crate::i18n::Lang) {
    if list.is_empty() {
        return;
    }
    crate::outln!("{}", crate::say!(lang, "cli-history-no-start"));
    for s in list {
        crate::outln!(
            "  {}",
            crate::say!(
                lang,
                "cli-history-no-start-line",
                status = crate::i18n::Phrase::say(&s.verdict.sentence(), lang),
                id = s.id.clone()
            )
        );
    }
    crate::outln!();
}

/// Who signed a closed record and who co-signed it, in one line, as
/// `history` and `resume --status` say it.
pub(super) fn signatures_line(
    s: &crate::session::Session,
    lang: crate::i18n::Lang,
) -> Option<String> {
    let by = s.signer()?;
    let mut line = crate::say!(lang, "cli-history-signed", by = by.to_string());
    for c in &s.co_signatures {
        line.push_str("; ");
        line.push_str(&crate::say!(
            lang,
            "cli-history-co-signed",
            by = c.clinician.clone()
        ));
    }
    Some(line)
}
