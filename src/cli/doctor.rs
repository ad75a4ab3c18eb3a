//! `kap doctor`: gathers the facts (data folder, audio device, terminal,
//! clock, protocols, unfinished sessions), has `crate::doctor` judge them,
//! prints the checklist and exits 1 on any FAIL.

use crate::doctor::{self, Check, ProtocolFacts, Terminal, probe};
use std::io::{IsTerminal, Write};
use std::path::Path;
use std::process::ExitCode;
use std::time::Duration;

pub fn run(protocols: &Path, json: bool, lang: crate::i18n::Lang) -> ExitCode {
    let checks = gather(protocols, lang);
    let text = if json {
        doctor::render_json(&checks)
    } else {
        doctor::render_text(&checks, lang)
    };
    if let Err(code) = print(&text, lang) {
        return code;
    }
    if doctor::summary(&checks).fail > 0 {
        ExitCode::FAILURE
    } else {
        ExitCode::SUCCESS
    }
}

/// Write to standard output; a closed pipe (`kap doctor | head`) is a
/// quiet exit, not a panic.
fn print(s: &str, lang: crate::i18n::Lang) -> Result<(), ExitCode> {
    let mut out = std::io::stdout().lock();
    match out.write_all(s.as_bytes()).and_then(|()| out.flush()) {
        Ok(()) => Ok(()),
        Err(e) if e.kind() == std::io::ErrorKind::BrokenPipe => Err(ExitCode::SUCCESS),
        Err(e) => {
            eprintln!(
                "{}",
                crate::say!(lang, "doctor-cannot-print", error = e.to_string())
            );
            Err(ExitCode::FAILURE)
        }
    }
}

fn gather(protocols: &Path, lang: crate::i18n::Lang) -> Vec<Check> {
    let mut checks = Vec::new();
    let store = crate::record::Store::from_env();
    match &store {
        Ok(s) => checks.extend(probe::data_folder(s.root(), lang)),
        Err(e) => checks.push(Check::fail(
            "data-folder",
            crate::say!(lang, "doctor-no-data-folder", error = e.say(lang)),
        )),
    }
    checks.push(audio(lang));
    checks.push(doctor::judge_terminal(
        &Terminal {
            is_tty: std::io::stdout().is_terminal(),
            size: ratatui::crossterm::terminal::size().ok(),
        },
        lang,
    ));
    checks.push(doctor::judge_colours(
        std::env::var_os("NO_COLOR").is_some_and(|v| !v.is_empty()),
        std::env::var("COLORTERM").ok().as_deref(),
        std::env::var("TERM").ok().as_deref(),
        lang,
    ));
    checks.push(match probe::boottime() {
        Ok(s) => Check::ok(
            "clock-boottime",
            crate::say!(
                lang,
                "doctor-boottime",
                since = format!("{}h{:02}m", s / 3600, (s / 60) % 60)
            ),
        ),
        Err(e) => Check::fail(
            "clock-boottime",
            crate::say!(lang, "doctor-no-boottime", error = e),
        ),
    });
    let offset = chrono::Local::now().format("%:z");
    checks.push(match probe::time_zone() {
        Some((tz, from)) => Check::ok(
            "time-zone",
            crate::say!(
                lang,
                "doctor-time-zone",
                zone = tz,
                from = from,
                offset = offset.to_string()
            ),
        ),
        None => Check::warn(
            "time-zone",
            crate::say!(lang, "doctor-no-time-zone", offset = offset.to_string()),
        ),
    });
    let (synced, source) = probe::clock_synced(lang);
    checks.push(doctor::judge_sync(synced, &source, lang));
    checks.extend(protocol_checks(protocols, lang));
    if let Ok(s) = &store {
        let scan = s.scan(false);
        if !scan.unreadable.is_empty() {
            let said: Vec<String> = scan.unreadable.iter().map(|u| u.say(lang)).collect();
            checks.push(Check::fail(
                "records",
                crate::say!(lang, "doctor-unreadable-records", list = said.join("; ")),
            ));
        }
        let open: Vec<(String, String)> = scan
            .sessions
            .iter()
            .filter(|l| !l.finished)
            .map(|l| {
                let at = l.started.wall.format("%Y-%m-%d %H:%M").to_string();
                (l.id.clone(), at)
            })
            .collect();
        checks.push(doctor::judge_unfinished(&open, lang));
        checks.push(doctor::judge_damaged(&scan.damaged(lang), lang));
    }
    checks.push(super::push_cmd::doctor_check(lang));
    checks.extend(super::push_cmd::site_checks(lang));
    checks
}

fn audio(lang: crate::i18n::Lang) -> Check {
    if std::env::var_os("KAP_AUDIO").is_some_and(|v| v == "off") {
        return Check::warn("audio", crate::say!(lang, "doctor-audio-off"));
    }
    if !cfg!(feature = "audio") {
        return Check::warn("audio", crate::say!(lang, "doctor-audio-not-built"));
    }
    // libasound explains a missing device on stderr, a dozen lines around
    // the checklist; the verdict line already says why.
    let unavailable = crate::audio::without_stderr(|| crate::audio::open(lang).unavailable());
    if let Some(why) = unavailable {
        return Check::fail(
            "audio",
            crate::say!(lang, "doctor-audio-unavailable", why = why.to_string()),
        );
    }
    match crate::audio::without_stderr(|| crate::audio::probe_silence(Duration::from_secs(5), lang))
    {
        Ok(()) => Check::ok("audio", crate::say!(lang, "doctor-audio-ok")),
        Err(e) => Check::fail(
            "audio",
            crate::say!(lang, "doctor-audio-cannot-play", error = e.to_string()),
        ),
    }
}

fn protocol_checks(dir: &Path, lang: crate::i18n::Lang) -> Vec<Check> {
    let entries = match std::fs::read_dir(dir) {
        Ok(e) => e,
        Err(e) => {
            return vec![Check::fail(
                "protocol",
                crate::say!(
                    lang,
                    "doctor-protocols-unreadable",
                    folder = dir.display().to_string(),
                    error = e.to_string()
                ),
            )];
        }
    };
    let mut files: Vec<_> = entries
        .filter_map(Result::ok)
        .map(|e| e.path())
        .filter(|p| p.extension().is_some_and(|x| x == "toml"))
        .collect();
    files.sort();
    if files.is_empty() {
        return vec![Check::fail(
            "protocol",
            crate::say!(
                lang,
                "doctor-no-protocols",
                folder = dir.display().to_string()
            ),
        )];
    }
    // The sign-off warning is counted apart.
    files
        .iter()
        .map(|f| {
            let facts = match crate::protocol::load_file(f) {
                Ok(l) => ProtocolFacts::Valid {
                    reviewed_by: l.protocol.site.reviewed_by.clone(),
                    reviewed_on: l.protocol.site.reviewed_on.clone(),
                    other_warnings: l
                        .warnings
                        .iter()
                        .filter(|w| !w.message.ids().contains(&"pv-site-unreviewed"))
                        .count(),
                },
                Err(d) => ProtocolFacts::Invalid {
                    errors: d.iter().filter(|d| d.is_error()).count(),
                },
            };
            let mut check = doctor::judge_protocol(&f.display().to_string(), &facts, lang);
            // One id per file, so a script can tell them apart.
            let name = f.file_name().map(|n| n.to_string_lossy().into_owned());
            check.id = format!("protocol:{}", name.unwrap_or_default()).into();
            check
        })
        .collect()
}
