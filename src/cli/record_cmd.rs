//! `kap resume` and the journal test aid.

use crate::protocol::dose::num;
use crate::record::{OpenSession, Store};
use crate::session::state::minutes_text;
use crate::session::{Clock, DosingState, Event, Session, SessionStart, SystemClock};
use std::io::Write;
use std::path::Path;
use std::process::ExitCode;

pub fn resume(
    id: Option<&str>,
    rehearsal: bool,
    status: bool,
    theme: Option<crate::tui::theme::ThemeName>,
) -> ExitCode {
    let store = match Store::from_env() {
        Ok(s) => s,
        Err(e) => {
            eprintln!("{e}");
            return ExitCode::FAILURE;
        }
    };
    let Some(id) = id else {
        let list = store.unfinished(rehearsal);
        if list.is_empty() {
            println!(
                "No unfinished {} in {}",
                if rehearsal { "rehearsals" } else { "sessions" },
                store.tree(rehearsal).display()
            );
            return ExitCode::SUCCESS;
        }
        println!(
            "Unfinished {}:",
            if rehearsal { "rehearsals" } else { "sessions" }
        );
        for l in list {
            println!(
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
        println!("\nContinue one with: kap resume ID");
        return ExitCode::SUCCESS;
    };
    let Some(dir) = store.find(id) else {
        eprintln!("no session \"{id}\" in {}", store.root().display());
        return ExitCode::FAILURE;
    };
    if !status {
        let is_rehearsal = dir.starts_with(store.tree(true));
        return crate::tui::run(crate::tui::RunOptions {
            protocol: None,
            patient: None,
            session: None,
            weight: None,
            mg_per_kg: None,
            rehearsal: is_rehearsal,
            speed: 30.0,
            theme,
            playlists: "playlists".into(),
            resume: Some(dir),
            scenario: None,
            seed: None,
        });
    }
    match OpenSession::open(&dir) {
        Ok(open) => {
            for w in &open.warnings {
                eprintln!("warning: {w}");
            }
            let now = SystemClock::new().now();
            print!("{}", status_text(&open.session, &now));
            ExitCode::SUCCESS
        }
        Err(e) => {
            eprintln!("{e}");
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
        "{}patient {} — {} — session {} of {} — {} mg",
        if s.start.rehearsal {
            "REHEARSAL — "
        } else {
            ""
        },
        s.start.patient,
        p.protocol.name,
        s.start.session,
        p.course.sessions,
        num(s.start.dose_mg)
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
    for a in s.alerts.active() {
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
        let text = std::fs::read_to_string(protocol).map_err(|e| e.to_string())?;
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
            eprintln!("{e}");
            ExitCode::FAILURE
        }
    }
}

fn find_dir(store: &Store, session: &str) -> Option<std::path::PathBuf> {
    let p = Path::new(session);
    if p.join(crate::record::store::JOURNAL).is_file() {
        return Some(p.to_path_buf());
    }
    store.find(session)
}

pub fn export(session: &str, format: super::ExportFormat, output: Option<&Path>) -> ExitCode {
    use crate::record::export;
    let store = match Store::from_env() {
        Ok(s) => s,
        Err(e) => {
            eprintln!("{e}");
            return ExitCode::FAILURE;
        }
    };
    let Some(dir) = find_dir(&store, session) else {
        eprintln!("no session \"{session}\" in {}", store.root().display());
        return ExitCode::FAILURE;
    };
    let (s, warnings) = match crate::record::store::read_session(&dir) {
        Ok(x) => x,
        Err(e) => {
            eprintln!("{e}");
            return ExitCode::FAILURE;
        }
    };
    for w in warnings {
        eprintln!("warning: {w}");
    }
    let now = SystemClock::new().now();
    let id = dir
        .file_name()
        .map(|n| n.to_string_lossy().into_owned())
        .unwrap_or_default();
    let text = match format {
        super::ExportFormat::Md => export::markdown(&s, &now),
        super::ExportFormat::Csv => export::csv(&s),
        super::ExportFormat::Fhir => {
            match serde_json::to_string_pretty(&export::fhir(&s, &id, &now)) {
                Ok(t) => t + "\n",
                Err(e) => {
                    eprintln!("cannot write JSON: {e}");
                    return ExitCode::FAILURE;
                }
            }
        }
    };
    match output {
        Some(path) => match crate::record::journal::write_atomic(path, text.as_bytes()) {
            Ok(()) => {
                eprintln!("wrote {}", path.display());
                ExitCode::SUCCESS
            }
            Err(e) => {
                eprintln!("{}: {e}", path.display());
                ExitCode::FAILURE
            }
        },
        None => {
            let mut out = std::io::stdout().lock();
            match out.write_all(text.as_bytes()).and_then(|_| out.flush()) {
                Ok(()) => ExitCode::SUCCESS,
                Err(e) if e.kind() == std::io::ErrorKind::BrokenPipe => ExitCode::SUCCESS,
                Err(e) => {
                    eprintln!("{e}");
                    ExitCode::FAILURE
                }
            }
        }
    }
}

pub fn history(patient: &str, protocol: Option<&str>, rehearsal: bool) -> ExitCode {
    use crate::record::course;
    let store = match Store::from_env() {
        Ok(s) => s,
        Err(e) => {
            eprintln!("{e}");
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
        println!(
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
        println!("{} — patient {patient}", p.protocol.name);
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
            println!(
                "  {}  session {}/{}  {} mg  infusion {infusion}  {} alert(s)  {status}  {}\n      debrief: {debrief}",
                s.started_at.wall.format("%Y-%m-%d"),
                s.start.session,
                p.course.sessions,
                num(s.start.dose_mg),
                s.alerts.alerts.len(),
                e.id,
            );
        }
        let goals = course::current_goals(&entries);
        if !goals.is_empty() {
            println!("  goals ({}):", p.course.goals.kind.label());
            for g in goals {
                println!("    - {g}");
            }
        }
        let next = course::next_number(&entries);
        if next <= p.course.sessions
            && let Some(last) = course::previous(&entries, None)
            && let Some(w) =
                crate::session::course::window(p, next, last.session.started_at.wall.date_naive())
        {
            println!("  next: {}", w.describe());
        }
        println!();
    }
    ExitCode::SUCCESS
}
