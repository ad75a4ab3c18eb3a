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

/// Test aid for crash tests: start a rehearsal session and write `count`
/// notes, printing `saved SEQ` only after each is durable.
pub fn journal_writer(protocol: &Path, count: u64) -> ExitCode {
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
            let seq = open.record(ev, &clock.now()).map_err(|e| e.to_string())?;
            writeln!(out, "saved {seq}").map_err(|e| e.to_string())?;
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
