//! `kap push`: send closed sessions to the clinic's FHIR server, list
//! where each stands. Exit 0 when everything asked for was sent (or there
//! was nothing to send), 1 when a session was not, 2 when push is not
//! configured or its config or token is wrong.

use crate::push::{self, Closed, config, outbox};
use crate::record::Store;
use std::path::Path;
use std::process::ExitCode;

/// What `kap push` was asked to do.
pub struct Args<'a> {
    pub session: Option<&'a str>,
    pub status: bool,
    pub config: Option<&'a Path>,
    pub include_rehearsals: bool,
    pub now: bool,
}

fn now() -> chrono::DateTime<chrono::FixedOffset> {
    chrono::Local::now().fixed_offset()
}

pub fn run(a: &Args, lang: crate::i18n::Lang) -> ExitCode {
    let store = match Store::from_env() {
        Ok(s) => s,
        Err(e) => {
            crate::errln!("{}", e.say(lang));
            return ExitCode::from(2);
        }
    };
    let cfg = config::load(a.config, lang);
    if a.status {
        return status(&store, &cfg, a.include_rehearsals, lang);
    }
    let cfg = match cfg {
        Ok(Some(c)) => c,
        Ok(None) => {
            crate::errln!(
                "{}",
                crate::say!(
                    lang,
                    "push-not-configured",
                    file = config::locate(None).map_or_else(
                        || config::FILE_NAME.into(),
                        |(p, _)| p.display().to_string()
                    )
                )
            );
            return ExitCode::from(2);
        }
        Err(e) => {
            crate::errln!("{}", e.say(lang));
            return ExitCode::from(2);
        }
    };
    let token = match config::read_token(&cfg, lang) {
        Ok(t) => t,
        Err(e) => {
            crate::errln!("{e}");
            return ExitCode::from(2);
        }
    };
    if cfg.insecure {
        crate::errln!(
            "{}",
            crate::say!(lang, "push-insecure", url = cfg.base_url.clone())
        );
    }
    let _lock = match push::lock(&store, lang) {
        Ok(l) => l,
        Err(e) => {
            crate::errln!("{e}");
            return ExitCode::FAILURE;
        }
    };
    let chosen = match choose(&store, a, lang) {
        Ok(c) => c,
        Err(e) => {
            crate::errln!("{e}");
            return ExitCode::FAILURE;
        }
    };
    if chosen.is_empty() {
        crate::outln!("{}", crate::say!(lang, "push-nothing"));
        return ExitCode::SUCCESS;
    }
    let failed = chosen
        .iter()
        .filter(|c| !send_one(&cfg, token.as_ref(), c, lang))
        .count();
    if failed > 0 {
        crate::errln!(
            "{}",
            crate::say!(
                lang,
                "push-some-failed",
                failed = failed,
                total = chosen.len()
            )
        );
        ExitCode::FAILURE
    } else {
        ExitCode::SUCCESS
    }
}

/// Send one chosen session and say how it went; false when it was not
/// sent (a damaged record is skipped with its reason, nothing written).
fn send_one(
    cfg: &config::Config,
    token: Option<&config::Secret>,
    c: &Closed,
    lang: crate::i18n::Lang,
) -> bool {
    if let Err(e) = &c.status {
        crate::errln!(
            "{}",
            crate::say!(lang, "push-status-unreadable", error = e.to_string())
        );
    }
    let what = if c.rehearsal {
        crate::say!(lang, "push-word-rehearsal")
    } else {
        crate::say!(lang, "push-word-session")
    };
    let not_sent = |why: String| {
        crate::errln!(
            "{}",
            crate::say!(
                lang,
                "push-not-sent",
                what = what.as_str(),
                id = c.id.as_str(),
                why = why
            )
        );
        false
    };
    // Skipped with its reason; nothing is written to its folder.
    if let Some(why) = c.damaged(lang) {
        return not_sent(why);
    }
    // Sent, or why not (the outbox's account, or the error).
    let sent = push::send(cfg, token, c, now, lang)
        .map_err(|e| e.to_string())
        .and_then(|s| match &s.state {
            outbox::State::Sent(x) => Ok(x.clone()),
            _ => Err(outbox::describe(&s, lang)),
        });
    match sent {
        Ok(x) => {
            crate::outln!(
                "{}",
                crate::say!(
                    lang,
                    "push-sent",
                    what = what,
                    id = c.id.clone(),
                    server = x.server.clone(),
                    resources = x.locations.len(),
                    status = x.http_status.to_string(),
                    ms = x.elapsed_ms.to_string()
                )
            );
            if !x.updated.is_empty() {
                crate::outln!(
                    "  {}",
                    crate::say!(lang, "push-updated", count = x.updated.len())
                );
            }
            true
        }
        Err(why) => not_sent(why),
    }
}

/// The sessions to send: the one named, or every closed one due.
fn choose(store: &Store, a: &Args, lang: crate::i18n::Lang) -> Result<Vec<Closed>, String> {
    let Some(id) = a.session else {
        let t = now();
        let (all, unreadable) = push::closed_and_unreadable(store, a.include_rehearsals, lang);
        for u in &unreadable {
            crate::errln!("{}", u.say(lang));
        }
        let waiting = all
            .iter()
            .filter(|c| {
                c.status
                    .as_ref()
                    .is_ok_and(|s| !s.due(t, a.now, c.entries) && s.word() == "failed")
            })
            .count();
        if waiting > 0 {
            crate::errln!(
                "{waiting} failed session{} still waiting for the next try (kap push --status; --now sends them now)",
                if waiting == 1 { " is" } else { "s are" }
            );
        }
        // A damaged record not yet sent is chosen, to be skipped with its
        // reason rather than left out in silence.
        return Ok(all
            .into_iter()
            // Sent sessions given an entry since (an addendum, a
            // co-signature) are due again: the server lacks it.
            .filter(|c| {
                c.status
                    .as_ref()
                    .map_or(true, |s| s.due(t, a.now, c.entries))
            })
            .collect());
    };
    let real = store.find(id, false).map_err(|e| e.say(lang))?;
    let rehearsal = store.find(id, true).map_err(|e| e.say(lang))?;
    let (dir, is_rehearsal) = match (real, rehearsal) {
        (Some(d), _) => (d, false),
        (None, Some(_)) if !a.include_rehearsals => {
            return Err(format!(
                "{} is a rehearsal: rehearsals are sent only with --include-rehearsals \
                 (their resources carry the HTEST label and a pseudonym system of their own)",
                crate::text::clean_line(id)
            ));
        }
        (None, Some(d)) => (d, true),
        (None, None) => {
            return Err(format!(
                "no session \"{}\" in {}",
                crate::text::clean_line(id),
                store.root().display()
            ));
        }
    };
    // Only a closed session: an open one's record is not finished, and
    // nothing is written into its folder.
    push::closed_sessions(store, is_rehearsal, lang)
        .into_iter()
        .find(|c| c.dir == dir)
        .map(|c| vec![c])
        .ok_or_else(|| {
            format!(
                "{} is still open: only a closed session is sent (kap resume{} {} closes it)",
                crate::text::clean_line(id),
                if is_rehearsal { " --rehearsal" } else { "" },
                crate::text::clean_line(id)
            )
        })
}

fn status(
    store: &Store,
    cfg: &Result<Option<config::Config>, config::ConfigError>,
    include_rehearsals: bool,
    lang: crate::i18n::Lang,
) -> ExitCode {
    let mut code = ExitCode::SUCCESS;
    match cfg {
        Ok(Some(c)) => crate::outln!(
            "{}",
            crate::say!(
                lang,
                "push-configured",
                url = c.base_url.clone(),
                file = c.file.display().to_string()
            )
        ),
        Ok(None) => crate::outln!("{}", crate::say!(lang, "push-off")),
        Err(e) => {
            crate::errln!("{}", e.say(lang));
            crate::outln!("{}", crate::say!(lang, "push-config-wrong"));
            code = ExitCode::from(2);
        }
    }
    let (all, unreadable) = push::closed_and_unreadable(store, include_rehearsals, lang);
    for u in &unreadable {
        crate::errln!("{}", u.say(lang));
        if code == ExitCode::SUCCESS {
            code = ExitCode::FAILURE;
        }
    }
    if all.is_empty() {
        crate::outln!(
            "{}",
            crate::say!(
                lang,
                "push-no-closed",
                folder = store.root().display().to_string()
            )
        );
        return code;
    }
    let mut counts = std::collections::BTreeMap::<&str, usize>::new();
    for c in &all {
        let (word, text) = match &c.status {
            _ if c.verdict.is_damaged() => (
                "damaged",
                format!(
                    "{} ({})",
                    c.damaged(lang).unwrap_or_default(),
                    c.status
                        .as_ref()
                        .map_or_else(String::clone, |s| outbox::describe(s, lang))
                ),
            ),
            Ok(s) => (
                s.word(),
                match s.changed_since_sent(c.entries) {
                    // Not an error: the server has the record as it was
                    // sent; what came after needs telling the clinic.
                    Some(n) => format!(
                        "{} — {}",
                        outbox::describe(s, lang),
                        crate::say!(lang, "push-changed-since-sent", count = n)
                    ),
                    None => outbox::describe(s, lang),
                },
            ),
            Err(e) => (
                "unreadable",
                crate::say!(lang, "push-status-file-unreadable", error = e.to_string()),
            ),
        };
        *counts.entry(word).or_default() += 1;
        crate::outln!(
            "  {:<8} {}{}  {text}",
            word,
            if c.rehearsal { "(rehearsal) " } else { "" },
            c.id
        );
    }
    let summary: Vec<String> = counts.iter().map(|(w, n)| format!("{n} {w}")).collect();
    crate::outln!(
        "{}",
        crate::say!(
            lang,
            "push-closed-summary",
            count = all.len(),
            summary = summary.join(", ")
        )
    );
    code
}

/// The facts for `kap doctor`'s push line: the config, the token's
/// source and mode, the outbox. Reads files only; never connects.
pub fn doctor_check(lang: crate::i18n::Lang) -> crate::doctor::Check {
    use crate::doctor::push::{PushFacts, TokenFacts, judge_push};
    use std::os::unix::fs::PermissionsExt;
    // The directory beside it has a line of its own (`site_checks`).
    let facts = match config::load_alone(None, lang) {
        Ok(None) => PushFacts::NotConfigured,
        // Each problem on one line, with its file, line and column.
        Err(config::ConfigError::Invalid(d)) => PushFacts::Broken(
            d.iter()
                .map(|d| d.head().say(lang))
                .collect::<Vec<_>>()
                .join("; "),
        ),
        Err(e) => PushFacts::Broken(e.say(lang).lines().next().unwrap_or("").to_string()),
        Ok(Some(c)) => {
            let token = match &c.token {
                config::TokenSource::None => TokenFacts::None,
                config::TokenSource::Env(name) => TokenFacts::Env {
                    name: name.clone(),
                    set: std::env::var_os(name).is_some_and(|v| !v.is_empty()),
                },
                config::TokenSource::File(p) => TokenFacts::File {
                    path: p.display().to_string(),
                    mode: std::fs::metadata(p)
                        .map(|m| m.permissions().mode())
                        .map_err(|e| e.to_string()),
                },
            };
            let (mut waiting, mut failed) = (0, 0);
            if let Ok(store) = Store::from_env() {
                for s in push::closed_sessions(&store, false, lang) {
                    match &s.status {
                        Ok(st) if st.word() == "failed" => failed += 1,
                        // Pending, or sent and given entries since.
                        Ok(st) if st.due(now(), false, s.entries) => waiting += 1,
                        Ok(_) => {}
                        Err(_) => failed += 1,
                    }
                }
            }
            PushFacts::Configured {
                base_url: c.base_url,
                token,
                insecure: c.insecure,
                waiting,
                failed,
            }
        }
    };
    judge_push(&facts, lang)
}

/// `kap doctor`'s lines on the site's identity: the directory of
/// clinicians and the patients' identifier system. Nothing is sent.
pub fn site_checks(lang: crate::i18n::Lang) -> Vec<crate::doctor::Check> {
    use crate::doctor::site::{DirectoryFacts, IdentityFacts, judge_directory, judge_identity};
    let mut checks = Vec::new();
    let config = config::load_alone(None, lang);
    let flag = config
        .as_ref()
        .ok()
        .and_then(Option::as_ref)
        .map(|c| c.file.clone());
    let (path, found) = push::directory::check(flag.as_deref(), lang);
    let file = path.map(|p| p.display().to_string());
    checks.push(judge_directory(
        &match found {
            Ok(None) => DirectoryFacts::Absent(file),
            Ok(Some(count)) => DirectoryFacts::Listed {
                file: file.unwrap_or_default(),
                count,
            },
            Err(problems) => DirectoryFacts::Broken {
                file: file.unwrap_or_default(),
                problems,
            },
        },
        lang,
    ));
    // A broken push config is the `push` line's to name.
    let identity = match config {
        Ok(None) => Some(IdentityFacts::PushOff),
        Ok(Some(c)) => Some(match (c.mrn_system, c.patient_system) {
            (Some(system), _) => IdentityFacts::ClinicNumbers { system },
            (None, Some(system)) => IdentityFacts::SitePseudonyms { system },
            (None, None) => IdentityFacts::KapOwn {
                file: c.file.display().to_string(),
            },
        }),
        Err(_) => None,
    };
    checks.extend(identity.as_ref().map(|f| judge_identity(f, lang)));
    checks
}
