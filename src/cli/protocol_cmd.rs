//! `kap protocol check | show | dose`.

use super::ProtocolCmd;
use crate::i18n::num_in;
use crate::protocol::dose::{self, DoseRequest};
use crate::protocol::{self, Loaded};
use crate::share;
use std::io::Write;
use std::path::Path;
use std::process::ExitCode;

pub use super::protocol_describe::describe;

pub fn run(cmd: ProtocolCmd, lang: crate::i18n::Lang) -> ExitCode {
    match cmd {
        ProtocolCmd::Check { files } => check(&files, lang),
        ProtocolCmd::Show { file, json } => show(&file, json, lang),
        ProtocolCmd::Dose {
            file,
            session,
            weight,
            mg_per_kg,
            json,
        } => dose_cmd(&file, session, weight, mg_per_kg, json, lang),
    }
}

fn load_or_report(file: &Path, lang: crate::i18n::Lang) -> Option<Loaded> {
    match protocol::load_file(file) {
        Ok(l) => Some(l),
        Err(diags) => {
            let errors = diags.iter().filter(|d| d.is_error()).count();
            for d in &diags {
                crate::errln!("{}\n", d.say(lang));
            }
            crate::errln!(
                "{}",
                crate::say!(
                    lang,
                    "proto-not-usable",
                    file = file.display().to_string(),
                    errors = errors
                )
            );
            None
        }
    }
}

fn check(files: &[std::path::PathBuf], lang: crate::i18n::Lang) -> ExitCode {
    let mut all_ok = true;
    for file in files {
        match load_or_report(file, lang) {
            Some(l) => {
                for w in &l.warnings {
                    crate::errln!("{}\n", w.say(lang));
                }
                let p = &l.protocol;
                crate::outln!(
                    "ok  {}",
                    crate::say!(
                        lang,
                        "proto-ok",
                        file = file.display().to_string(),
                        name = p.protocol.name.clone(),
                        version = p.protocol.version.clone(),
                        sessions = p.course.sessions,
                        phases = p.phases.len(),
                        warnings = l.warnings.len()
                    )
                );
            }
            None => all_ok = false,
        }
    }
    if all_ok {
        ExitCode::SUCCESS
    } else {
        ExitCode::FAILURE
    }
}

fn show(file: &Path, json: bool, lang: crate::i18n::Lang) -> ExitCode {
    let Some(l) = load_or_report(file, lang) else {
        return ExitCode::FAILURE;
    };
    let out = if json {
        match serde_json::to_string_pretty(&l.protocol) {
            Ok(s) => crate::text::json_safe(s) + "\n",
            Err(e) => {
                crate::errln!(
                    "{}",
                    crate::say!(lang, "cli-cannot-write-json", error = e.to_string())
                );
                return ExitCode::FAILURE;
            }
        }
    } else {
        let text = crate::input::read_text_file(file)
            .map(|b| String::from_utf8_lossy(&b).into_owned())
            .unwrap_or_default();
        describe(&l.protocol, &text, lang)
    };
    print_all(&out, lang)
}

fn dose_cmd(
    file: &Path,
    session: u32,
    weight: f64,
    mg_per_kg: Option<f64>,
    json: bool,
    lang: crate::i18n::Lang,
) -> ExitCode {
    let Some(l) = load_or_report(file, lang) else {
        return ExitCode::FAILURE;
    };
    let req = DoseRequest {
        session,
        weight_kg: weight,
        mg_per_kg,
    };
    match dose::plan(&l.protocol, req) {
        Ok(plan) => {
            let out = if json {
                match serde_json::to_string_pretty(&plan) {
                    Ok(s) => crate::text::json_safe(s) + "\n",
                    Err(e) => {
                        crate::errln!(
                            "{}",
                            crate::say!(lang, "cli-cannot-write-json", error = e.to_string())
                        );
                        return ExitCode::FAILURE;
                    }
                }
            } else {
                let mut s = format!(
                    "{} — {} — {} mg\n",
                    crate::i18n::Phrase::say(&l.protocol.session_title(session), lang),
                    crate::i18n::Phrase::say(&plan.route.label(), lang),
                    num_in(lang, plan.dose_mg)
                );
                for line in plan.arithmetic() {
                    s.push_str("  ");
                    s.push_str(&crate::i18n::Phrase::say(&line, lang));
                    s.push('\n');
                }
                s
            };
            print_all(&out, lang)
        }
        Err(e) => {
            crate::errln!(
                "{}",
                crate::say!(
                    lang,
                    "proto-refused",
                    reason = crate::i18n::Phrase::say(&e.phrase(), lang)
                )
            );
            ExitCode::FAILURE
        }
    }
}

/// Print without panicking when stdout is closed (e.g. piped into `head`).
fn print_all(s: &str, lang: crate::i18n::Lang) -> ExitCode {
    let mut out = std::io::stdout().lock();
    match out.write_all(s.as_bytes()).and_then(|_| out.flush()) {
        Ok(()) => ExitCode::SUCCESS,
        Err(e) if e.kind() == std::io::ErrorKind::BrokenPipe => ExitCode::SUCCESS,
        Err(e) => {
            crate::errln!(
                "{}",
                crate::say!(lang, "cli-cannot-write-output", error = e.to_string())
            );
            ExitCode::FAILURE
        }
    }
}

impl ProtocolCmd {
    /// Relative paths not found here are looked up in the shipped files.
    pub(super) fn resolved(self) -> ProtocolCmd {
        match self {
            ProtocolCmd::Check { files } => ProtocolCmd::Check {
                files: files.iter().map(|f| share::resolve(f)).collect(),
            },
            ProtocolCmd::Show { file, json } => ProtocolCmd::Show {
                file: share::resolve(&file),
                json,
            },
            ProtocolCmd::Dose {
                file,
                session,
                weight,
                mg_per_kg,
                json,
            } => ProtocolCmd::Dose {
                file: share::resolve(&file),
                session,
                weight,
                mg_per_kg,
                json,
            },
        }
    }
}
