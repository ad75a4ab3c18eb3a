//! `kap resume` and the journal test aid.

use crate::clocks::SystemClock;
use crate::record::Store;
use crate::session::state::minutes_text;
use crate::session::{Clock, DosingState, Event, Session, SessionStart};
use std::io::Write;
use std::path::Path;
use std::process::ExitCode;

pub fn resume(
    id: Option<&str>,
    rehearsal: bool,
    status: bool,
    theme: Option<crate::tui::theme::ThemeName>,
    screen_reader: bool,
    alarm_device: Option<String>,
) -> ExitCode {
    let store = match Store::from_env() {
        Ok(s) => s,
        Err(e) => {
            crate::errln!("{e}");
            return ExitCode::FAILURE;
        }
    };
    let Some(id) = id else {
        if let Err(e) = store.check_readable(rehearsal) {
            crate::errln!("{e}");
            return ExitCode::FAILURE;
        }
        let scan = store.scan(rehearsal);
        let code = say_unreadable(&scan.unreadable);
        let list: Vec<_> = scan.sessions.into_iter().filter(|l| !l.finished).collect();
        if list.is_empty() {
            let folder = store.tree(rehearsal).display().to_string();
            crate::outln!(
                "{}",
                if rehearsal {
                    crate::t!("cli-no-unfinished-rehearsals", folder = folder)
                } else {
                    crate::t!("cli-no-unfinished-sessions", folder = folder)
                }
            );
            return code;
        }
        crate::outln!(
            "{}",
            if rehearsal {
                crate::t!("cli-unfinished-rehearsals")
            } else {
                crate::t!("cli-unfinished-sessions")
            }
        );
        for l in list {
            crate::outln!(
                "  {}",
                crate::t!(
                    "cli-unfinished-line",
                    id = l.id.clone(),
                    patient = l.start.patient.clone(),
                    session = l.start.session,
                    protocol = l.start.protocol_id.clone(),
                    started = format!(
                        "{} {}",
                        crate::i18n::date(l.started.wall.date_naive()),
                        l.started.wall.format("%H:%M")
                    ),
                    last = l.last.wall.format("%H:%M").to_string(),
                    entries = l.events
                )
            );
        }
        crate::outln!("\n{}", crate::t!("cli-continue-with"));
        return code;
    };
    let dir = match store.find(id, rehearsal) {
        Ok(Some(dir)) => dir,
        Ok(None) => {
            let other = store.find(id, !rehearsal).ok().flatten().is_some();
            let (id, folder) = (
                crate::text::clean_line(id),
                store.tree(rehearsal).display().to_string(),
            );
            let missing = if rehearsal {
                crate::t!("cli-no-rehearsal-id", id = id, folder = folder)
            } else {
                crate::t!("cli-no-session-id", id = id, folder = folder)
            };
            let hint = match (other, rehearsal) {
                (true, false) => format!(" ({})", crate::t!("cli-it-is-a-rehearsal")),
                (true, true) => format!(" ({})", crate::t!("cli-it-is-a-session")),
                _ => String::new(),
            };
            crate::errln!("{missing}{hint}");
            return ExitCode::FAILURE;
        }
        Err(e) => {
            crate::errln!("{e}");
            return ExitCode::FAILURE;
        }
    };
    if !status {
        return crate::tui::run(crate::tui::RunOptions {
            protocol: None,
            patient: None,
            session: None,
            weight: None,
            mg_per_kg: None,
            clinician: None,
            rehearsal,
            speed: 30.0,
            theme,
            playlists: "playlists".into(),
            resume: Some(dir),
            scenario: None,
            seed: None,
            screen_reader,
            alarm_device,
        });
    }
    // Read-only: no lock, nothing cut off, nothing written.
    match crate::record::store::read_session(&dir) {
        Ok(read) => {
            for w in &read.warnings {
                crate::errln!("{}", crate::t!("cli-warning", warning = w.as_str()));
            }
            let now = SystemClock::new().now();
            crate::outp!("{}", status_text(&read.session, &now));
            ExitCode::SUCCESS
        }
        Err(e) => {
            crate::errln!("{e}");
            ExitCode::FAILURE
        }
    }
}

/// Where a session stands, as plain text.
pub fn status_text(s: &Session, now: &crate::session::Moment) -> String {
    use std::fmt::Write as _;
    let mut o = String::new();
    let p = s.protocol();
    let _ = writeln!(
        o,
        "{}{}",
        if s.start.rehearsal {
            format!("{} — ", crate::t!("cli-rehearsal-word"))
        } else {
            String::new()
        },
        crate::t!(
            "cli-status-head",
            patient = s.start.patient.clone(),
            protocol = p.protocol.name.clone(),
            session = p.session_label(s.start.session),
            given = s.delivered(&s.as_of(now)).text()
        )
    );
    let _ = writeln!(
        o,
        "{}",
        crate::t!(
            "cli-status-started",
            at = format!(
                "{} {}",
                crate::i18n::date(s.started_at.wall.date_naive()),
                s.started_at.wall.format("%H:%M %:z")
            )
        )
    );
    match &s.closed {
        Some(c) => {
            let _ = writeln!(
                o,
                "{}",
                if c.abandoned.is_some() {
                    crate::t!("cli-status-ended-early", at = c.at.hhmm())
                } else {
                    crate::t!("cli-status-closed", at = c.at.hhmm())
                }
            );
        }
        None => {
            let _ = writeln!(
                o,
                "{}",
                crate::t!(
                    "cli-status-phase",
                    phase = s.phase + 1,
                    phases = p.phases.len(),
                    title = s.current_phase().title.clone()
                )
            );
        }
    }
    let d = &s.dosing;
    let state = d.state(now);
    if state != DosingState::NotStarted {
        let _ = writeln!(
            o,
            "{}{}",
            crate::t!(
                "cli-status-infusion",
                state = match state {
                    DosingState::Running => "running",
                    DosingState::Paused => "paused",
                    DosingState::Completed => "completed",
                    DosingState::Stopped | DosingState::NotStarted => "stopped",
                },
                elapsed = minutes_text(d.elapsed(now))
            ),
            d.remaining(now)
                .map(|r| format!(
                    ", {}",
                    crate::t!("cli-status-remaining", left = minutes_text(r))
                ))
                .unwrap_or_default()
        );
    }
    let _ = writeln!(
        o,
        "{}",
        crate::t!(
            "cli-status-counts",
            vitals = s.vitals.len(),
            notes = s.notes.len()
        )
    );
    for a in s.alarms_waiting(now) {
        let _ = writeln!(
            o,
            "{}",
            crate::t!(
                "cli-status-alert",
                what = a.headline(),
                action = a.action.clone()
            )
        );
    }
    o
}

/// Test aid for crash and disk-failure tests: start a rehearsal session and
/// write `count` notes of varying length, printing `saved SEQ` only after
/// each is durable (and `failed: …` for each refused by the disk, if
/// `keep_going`).
pub fn journal_writer(protocol: &Path, count: u64, keep_going: bool) -> ExitCode {
    let run = || -> Result<(), String> {
        let store = Store::from_env().map_err(|e| e.to_string())?;
        let text = crate::input::read_text_string(protocol).map_err(|e| e.to_string())?;
        let clock = SystemClock::new();
        let start = SessionStart {
            patient: "crash-test".into(),
            session: 1,
            protocol_id: crate::protocol::load_str(protocol, &text)
                .map_err(|_| "protocol does not load".to_string())?
                .protocol
                .protocol
                .id,
            protocol_version: String::new(),
            weight_kg: 70.0,
            mg_per_kg: 0.5,
            dose_mg: 35.0,
            rehearsal: true,
            schedule_note: None,
            ui: None,
            lang: None,
            clinicians: vec![],
        };
        let mut open = store
            .create_session(&text, start, &clock.now())
            .map_err(|e| e.to_string())?;
        let mut out = std::io::stdout().lock();
        writeln!(out, "dir {}", open.dir.display()).map_err(|e| e.to_string())?;
        writeln!(out, "saved 1").map_err(|e| e.to_string())?;
        for i in 0..count {
            let ev = Event::Note {
                text: format!("note {i} {}", "x".repeat((i % 7) as usize * 40)),
                tags: vec![],
            };
            match open.record(ev, &clock.now()) {
                Ok(seq) => writeln!(out, "saved {seq}").map_err(|e| e.to_string())?,
                Err(e) if keep_going => writeln!(out, "failed: {e}").map_err(|e| e.to_string())?,
                Err(e) => return Err(e.to_string()),
            }
            out.flush().map_err(|e| e.to_string())?;
        }
        Ok(())
    };
    match run() {
        Ok(()) => ExitCode::SUCCESS,
        Err(e) => {
            crate::errln!("{e}");
            ExitCode::FAILURE
        }
    }
}

/// The data folder and the session named on the command line (an id in
/// either tree, or a folder path), or the sentence that says why not.
pub(crate) fn locate(session: &str) -> Result<(Store, std::path::PathBuf), String> {
    let store = Store::from_env().map_err(|e| e.to_string())?;
    match find_dir(&store, session) {
        Ok(Some(d)) => Ok((store, d)),
        Ok(None) => Err(crate::t!(
            "cli-no-session-id",
            id = crate::text::clean_line(session),
            folder = store.root().display().to_string()
        )),
        Err(e) => Err(e.to_string()),
    }
}

/// A session for export: a folder path (read-only, so it may be anywhere)
/// or an id looked up in either tree.
pub(super) fn find_dir(
    store: &Store,
    session: &str,
) -> Result<Option<std::path::PathBuf>, crate::record::RecordError> {
    let p = Path::new(session);
    if session.contains('/') {
        return Ok(p
            .join(crate::record::store::JOURNAL)
            .is_file()
            .then(|| p.to_path_buf()));
    }
    store.find_any(session)
}

pub fn export(
    session: &str,
    format: super::ExportFormat,
    output: Option<&Path>,
    transaction: bool,
) -> ExitCode {
    use crate::record::export;
    let dir = match locate(session) {
        Ok((_, d)) => d,
        Err(e) => {
            crate::errln!("{e}");
            return ExitCode::FAILURE;
        }
    };
    let read = match crate::record::store::read_session_mending(&dir) {
        Ok(x) => x,
        Err(e) => {
            crate::errln!("{e}");
            return ExitCode::FAILURE;
        }
    };
    for w in &read.warnings {
        crate::errln!("{}", crate::t!("cli-warning", warning = w.as_str()));
    }
    let s = &read.session;
    let integrity = export::Integrity::of(&read.problems);
    let now = SystemClock::new().now();
    let id = dir
        .file_name()
        .map(|n| n.to_string_lossy().into_owned())
        .unwrap_or_default();
    if transaction && !matches!(format, super::ExportFormat::Fhir) {
        crate::errln!("{}", crate::t!("cli-transaction-fhir-only"));
        return ExitCode::FAILURE;
    }
    let text = match format {
        super::ExportFormat::Md => export::markdown(s, &now, &integrity),
        super::ExportFormat::Html => match s
            .start
            .rehearsal
            .then(|| crate::rehearsal::restore_patient(&dir, &s.started_at))
            .flatten()
        {
            // A scenario rehearsal: the trainee page, rebuilt from the
            // scenario copy and the simulation log.
            Some(patient) => {
                let at = export::read_at(s, &now);
                let log = crate::rehearsal::simlog::read(&dir).unwrap_or_default();
                let r = crate::rehearsal::report::for_folder(&dir, s, &patient, &at, &log, None);
                crate::record::html::trainee(s, &r, &at)
            }
            None => export::html(s, &now, &integrity),
        },
        super::ExportFormat::Csv => crate::record::csv::long(s, &id, &integrity),
        super::ExportFormat::VitalsCsv => export::csv(s, &integrity),
        super::ExportFormat::Fhir => {
            let mut bundle = export::fhir(s, &id, &now, &integrity);
            if transaction {
                let (tx, left_out) = crate::record::fhir_tx::transaction(bundle);
                if left_out {
                    crate::errln!("{}", crate::t!("cli-transaction-unverified"));
                }
                bundle = tx;
            }
            match serde_json::to_string_pretty(&bundle) {
                Ok(t) => crate::text::json_safe(t) + "\n",
                Err(e) => {
                    crate::errln!(
                        "{}",
                        crate::t!("cli-cannot-write-json", error = e.to_string())
                    );
                    return ExitCode::FAILURE;
                }
            }
        }
    };
    match output {
        // A file gets what standard output would: escapes shown, not run.
        Some(path) => {
            match crate::record::journal::write_atomic(path, crate::text::clean(&text).as_bytes()) {
                Ok(()) => {
                    crate::errln!(
                        "{}",
                        crate::t!("cli-wrote", path = path.display().to_string())
                    );
                    ExitCode::SUCCESS
                }
                Err(e) => {
                    crate::errln!("{}: {e}", path.display());
                    ExitCode::FAILURE
                }
            }
        }
        None => {
            // JSON escapes control characters itself; Markdown and CSV
            // are cleaned on the way out like every other output.
            crate::text::out(&text);
            ExitCode::SUCCESS
        }
    }
}

/// Say each session folder that could not be read, on stderr: exit 1
/// when there was one, since a session may be missing from the list.
fn say_unreadable(unreadable: &[crate::record::store::Unreadable]) -> ExitCode {
    for u in unreadable {
        crate::errln!("{u}");
    }
    if unreadable.is_empty() {
        ExitCode::SUCCESS
    } else {
        ExitCode::FAILURE
    }
}

pub fn history(patient: &str, protocol: Option<&str>, rehearsal: bool) -> ExitCode {
    use crate::record::course;
    let store = match Store::from_env() {
        Ok(s) => s,
        Err(e) => {
            crate::errln!("{e}");
            return ExitCode::FAILURE;
        }
    };
    let scan = store.scan(rehearsal);
    let code = say_unreadable(&scan.unreadable);
    let mut ids: Vec<String> = scan
        .sessions
        .into_iter()
        .filter(|l| l.start.patient == patient)
        .map(|l| l.start.protocol_id)
        .filter(|p| protocol.is_none_or(|want| want == p))
        .collect();
    ids.sort();
    ids.dedup();
    if ids.is_empty() {
        crate::outln!(
            "{}",
            if rehearsal {
                crate::t!("cli-no-rehearsals-for", patient = patient.to_string())
            } else {
                crate::t!("cli-no-sessions-for", patient = patient.to_string())
            }
        );
        return code;
    }
    let now = SystemClock::new().now();
    for pid in ids {
        let entries = course::load(&store, patient, &pid, rehearsal);
        let Some(first) = entries.first() else {
            continue;
        };
        let p = first.session.protocol();
        crate::outln!(
            "{}",
            crate::t!(
                "cli-history-head",
                protocol = p.protocol.name.clone(),
                patient = patient.to_string()
            )
        );
        for e in &entries {
            crate::outln!("  {}", history_line(p, e, &now));
        }
        let goals = course::current_goals(&entries);
        if !goals.is_empty() {
            crate::outln!(
                "  {}",
                crate::t!("cli-history-goals", kind = p.course.goals.kind.label())
            );
            for g in goals {
                crate::outln!("    - {g}");
            }
        }
        let next = course::next_number(&entries);
        if next <= p.course.sessions
            && let Some(last) = course::previous(&entries, None)
            && let Some(w) =
                crate::session::course::window(p, next, last.session.started_at.wall.date_naive())
        {
            crate::outln!("  {}", crate::t!("next-session", window = w.describe()));
        }
        crate::outln!();
    }
    code
}

/// One session of `kap history`: date, dose, infusion, alerts, status,
/// and the first line of the debrief.
fn history_line(
    p: &crate::protocol::Protocol,
    e: &crate::record::course::CourseEntry,
    now: &crate::session::Moment,
) -> String {
    let s = &e.session;
    let infusion = match (&s.dosing.started, s.dosing.ended_at(now)) {
        (Some(a), Some(b)) => format!("{}–{}", a.hhmm(), b.hhmm()),
        (Some(a), None) => format!("{}–…", a.hhmm()),
        (None, _) => crate::t!("cli-history-no-dosing"),
    };
    let status = match &s.closed {
        Some(c) if c.abandoned.is_some() => crate::t!("cli-history-ended-early"),
        Some(_) => crate::t!("cli-history-closed"),
        None => crate::t!("cli-history-open"),
    };
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
    format!(
        "{}\n      {}",
        crate::t!(
            "cli-history-line",
            date = crate::i18n::date(s.started_at.wall.date_naive()),
            session = p.session_label(s.start.session),
            given = s.delivered(&s.as_of(now)).text(),
            infusion = infusion,
            alerts = s.alerts.alerts.len(),
            status = status,
            id = e.id.clone()
        ),
        crate::t!("cli-history-debrief", debrief = debrief)
    )
}
