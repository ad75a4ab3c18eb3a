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
        let list = store.unfinished(rehearsal);
        if list.is_empty() {
            crate::outln!(
                "No unfinished {} in {}",
                if rehearsal { "rehearsals" } else { "sessions" },
                store.tree(rehearsal).display()
            );
            return ExitCode::SUCCESS;
        }
        crate::outln!(
            "Unfinished {}:",
            if rehearsal { "rehearsals" } else { "sessions" }
        );
        for l in list {
            crate::outln!(
                "  {}  patient {}  session {}  {}  started {}  last entry {}  ({} entries)",
                l.id,
                l.start.patient,
                l.start.session,
                l.start.protocol_id,
                l.started.wall.format("%Y-%m-%d %H:%M"),
                l.last.wall.format("%H:%M"),
                l.events
            );
        }
        crate::outln!("\nContinue one with: kap resume ID");
        return ExitCode::SUCCESS;
    };
    let dir = match store.find(id, rehearsal) {
        Ok(Some(dir)) => dir,
        Ok(None) => {
            let other = store.find(id, !rehearsal).ok().flatten().is_some();
            crate::errln!(
                "no {} \"{}\" in {}{}",
                if rehearsal { "rehearsal" } else { "session" },
                crate::text::clean_line(id),
                store.tree(rehearsal).display(),
                match (other, rehearsal) {
                    (true, false) => " (it is a rehearsal: `kap resume --rehearsal ID`)",
                    (true, true) => " (it is a real session: `kap resume ID`)",
                    _ => "",
                }
            );
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
                crate::errln!("warning: {w}");
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
        "{}patient {} — {} — {} — {} given",
        if s.start.rehearsal {
            "REHEARSAL — "
        } else {
            ""
        },
        s.start.patient,
        p.protocol.name,
        p.session_label(s.start.session),
        s.delivered(&s.as_of(now)).text()
    );
    let _ = writeln!(
        o,
        "started {}",
        s.started_at.wall.format("%Y-%m-%d %H:%M %:z")
    );
    match &s.closed {
        Some(c) => {
            let _ = writeln!(
                o,
                "{} at {}",
                if c.abandoned.is_some() {
                    "ended early"
                } else {
                    "closed"
                },
                c.at.hhmm()
            );
        }
        None => {
            let _ = writeln!(
                o,
                "phase {} of {}: {}",
                s.phase + 1,
                p.phases.len(),
                s.current_phase().title
            );
        }
    }
    let d = &s.dosing;
    let state = d.state(now);
    if state != DosingState::NotStarted {
        let _ = writeln!(
            o,
            "infusion {:?}: {} elapsed{}",
            state,
            minutes_text(d.elapsed(now)),
            d.remaining(now)
                .map(|r| format!(", {} remaining", minutes_text(r)))
                .unwrap_or_default()
        );
    }
    let _ = writeln!(o, "{} vitals sets, {} notes", s.vitals.len(), s.notes.len());
    for a in s.alarms_waiting(now) {
        let _ = writeln!(o, "ALERT {} — {}", a.headline(), a.action);
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

/// A session for export: a folder path (read-only, so it may be anywhere)
/// or an id looked up in either tree.
fn find_dir(
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
    let store = match Store::from_env() {
        Ok(s) => s,
        Err(e) => {
            crate::errln!("{e}");
            return ExitCode::FAILURE;
        }
    };
    let dir = match find_dir(&store, session) {
        Ok(Some(d)) => d,
        Ok(None) => {
            crate::errln!(
                "no session \"{}\" in {}",
                crate::text::clean_line(session),
                store.root().display()
            );
            return ExitCode::FAILURE;
        }
        Err(e) => {
            crate::errln!("{e}");
            return ExitCode::FAILURE;
        }
    };
    let read = match crate::record::store::read_session(&dir) {
        Ok(x) => x,
        Err(e) => {
            crate::errln!("{e}");
            return ExitCode::FAILURE;
        }
    };
    for w in &read.warnings {
        crate::errln!("warning: {w}");
    }
    let s = &read.session;
    let integrity = export::Integrity::of(&read.problems);
    let now = SystemClock::new().now();
    let id = dir
        .file_name()
        .map(|n| n.to_string_lossy().into_owned())
        .unwrap_or_default();
    if transaction && !matches!(format, super::ExportFormat::Fhir) {
        crate::errln!("--transaction applies to --format fhir only");
        return ExitCode::FAILURE;
    }
    let text = match format {
        super::ExportFormat::Md => export::markdown(s, &now, &integrity),
        super::ExportFormat::Csv => crate::record::csv::long(s, &id, &integrity),
        super::ExportFormat::VitalsCsv => export::csv(s, &integrity),
        super::ExportFormat::Fhir => {
            let mut bundle = export::fhir(s, &id, &now, &integrity);
            if transaction {
                let (tx, left_out) = crate::record::fhir_tx::transaction(bundle);
                if left_out {
                    crate::errln!(
                        "warning: the journal did not verify cleanly; a transaction cannot carry the OperationOutcome that says so (the collection and Markdown exports do)"
                    );
                }
                bundle = tx;
            }
            match serde_json::to_string_pretty(&bundle) {
                Ok(t) => crate::text::json_safe(t) + "\n",
                Err(e) => {
                    crate::errln!("cannot write JSON: {e}");
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
                    crate::errln!("wrote {}", path.display());
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

pub fn history(patient: &str, protocol: Option<&str>, rehearsal: bool) -> ExitCode {
    use crate::record::course;
    let store = match Store::from_env() {
        Ok(s) => s,
        Err(e) => {
            crate::errln!("{e}");
            return ExitCode::FAILURE;
        }
    };
    let mut ids: Vec<String> = store
        .list(rehearsal)
        .into_iter()
        .filter(|l| l.start.patient == patient)
        .map(|l| l.start.protocol_id)
        .filter(|p| protocol.is_none_or(|want| want == p))
        .collect();
    ids.sort();
    ids.dedup();
    if ids.is_empty() {
        crate::outln!(
            "No {} for patient {patient}.",
            if rehearsal { "rehearsals" } else { "sessions" }
        );
        return ExitCode::SUCCESS;
    }
    let now = SystemClock::new().now();
    for pid in ids {
        let entries = course::load(&store, patient, &pid, rehearsal);
        let Some(first) = entries.first() else {
            continue;
        };
        let p = first.session.protocol();
        crate::outln!("{} — patient {patient}", p.protocol.name);
        for e in &entries {
            let s = &e.session;
            let infusion = match (&s.dosing.started, s.dosing.ended_at(&now)) {
                (Some(a), Some(b)) => format!("{}–{}", a.hhmm(), b.hhmm()),
                (Some(a), None) => format!("{}–…", a.hhmm()),
                (None, _) => "no dosing".into(),
            };
            let status = match &s.closed {
                Some(c) if c.abandoned.is_some() => "ended early",
                Some(_) => "closed",
                None => "OPEN",
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
            crate::outln!(
                "  {}  session {}/{}  {} given  infusion {infusion}  {} alert(s)  {status}  {}\n      debrief: {debrief}",
                s.started_at.wall.format("%Y-%m-%d"),
                s.start.session,
                p.course.sessions,
                s.delivered(&s.as_of(&now)).text(),
                s.alerts.alerts.len(),
                e.id,
            );
        }
        let goals = course::current_goals(&entries);
        if !goals.is_empty() {
            crate::outln!("  goals ({}):", p.course.goals.kind.label());
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
            crate::outln!("  next: {}", w.describe());
        }
        crate::outln!();
    }
    ExitCode::SUCCESS
}
