//! Aids for building and testing kap, run through the `kap-dev` binary
//! (src/bin/kap-dev.rs), which the package does not install: the man
//! pages and completions, and the crash tests' journal writer. Neither is
//! a `kap` subcommand, so neither is in the shipped binary, its help or
//! its completions.

use crate::clocks::SystemClock;
use crate::record::Store;
use crate::session::{Clock, Event, SessionStart};
use std::io::Write;
use std::path::Path;
use std::process::ExitCode;

/// `kap-dev generate-assets DIR`: the man pages and shell completions.
pub fn generate_assets(dir: &Path) -> ExitCode {
    super::assets::run(dir)
}

/// Test aid for crash and disk-failure tests: start a rehearsal session and
/// write `count` notes of varying length, printing `saved SEQ` only after
/// each is durable (and `failed: …` for each refused by the disk, if
/// `keep_going`).
pub fn journal_writer(protocol: &Path, count: u64, keep_going: bool) -> ExitCode {
    // A test aid: its errors in the language KAP_LANG or the locale
    // choose.
    let lang = crate::i18n::settle(None, None).lang;
    let run = || -> Result<(), String> {
        let store = Store::from_env().map_err(|e| e.say(lang))?;
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
            course_note: None,
            ui: None,
            lang: None,
            visit: None,
            identity: None,
            clinicians: vec![],
        };
        let mut open = store
            .create_session(&text, start, &clock.now())
            .map_err(|e| e.say(lang))?;
        let mut out = std::io::stdout().lock();
        writeln!(out, "dir {}", open.dir.display()).map_err(|e| e.to_string())?;
        writeln!(out, "saved 1").map_err(|e| e.to_string())?;
        for i in 0..count {
            let ev = Event::Note {
                text: format!("note {i} {}", "x".repeat((i % 7) as usize * 40)),
                tags: vec![],
                outside: None,
            };
            match open.record(ev, &clock.now()) {
                Ok(seq) => writeln!(out, "saved {seq}").map_err(|e| e.to_string())?,
                Err(e) if keep_going => {
                    writeln!(out, "failed: {}", e.say(lang)).map_err(|e| e.to_string())?
                }
                Err(e) => return Err(e.say(lang)),
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
