//! `kap push`: a closed session's record sent to the clinic's FHIR server
//! as the same transaction Bundle `kap export --format fhir --transaction`
//! writes. kap's only network path, and off until a site config file
//! names a server. The parts: [`config`] (the site's `push.toml`),
//! [`outbox`] (each session's push state), [`response`] (what an answer
//! means), [`client`] (the HTTPS request). This module ties them
//! together for one session.

pub mod client;
pub mod config;
pub mod directory;
pub mod outbox;
pub mod response;
pub mod server_read;

use crate::record::fhir_out::Plan;
use crate::record::{Store, fhir_tx};
use chrono::{DateTime, FixedOffset};
use std::path::{Path, PathBuf};

/// A closed session the push can send.
#[derive(Debug)]
pub struct Closed {
    pub id: String,
    pub dir: PathBuf,
    pub rehearsal: bool,
    /// Its journal's entries now.
    pub entries: usize,
    /// Its push state, or why the status file could not be read.
    pub status: Result<outbox::Status, String>,
    /// The record's verdict: a damaged one is never sent as if whole.
    pub verdict: crate::record::verdict::Verdict,
}

impl Closed {
    /// Why it is not sent, when its record is damaged.
    pub fn damaged(&self, lang: crate::i18n::Lang) -> Option<String> {
        self.verdict.is_damaged().then(|| {
            crate::say!(
                lang,
                "push-damaged",
                id = self.id.clone(),
                verdict = crate::i18n::Phrase::say(&self.verdict.sentence(), lang)
            )
        })
    }
}

/// Every closed (or ended early) session, oldest first, damaged ones
/// included (each with its verdict); rehearsals only when asked for.
pub fn closed_sessions(
    store: &Store,
    include_rehearsals: bool,
    lang: crate::i18n::Lang,
) -> Vec<Closed> {
    closed_and_unreadable(store, include_rehearsals, lang).0
}

/// The same, and the session folders whose journal could not be read
/// (which may hold a closed session not sent).
pub fn closed_and_unreadable(
    store: &Store,
    include_rehearsals: bool,
    lang: crate::i18n::Lang,
) -> (Vec<Closed>, Vec<crate::record::store::Unreadable>) {
    let mut trees = vec![false];
    if include_rehearsals {
        trees.push(true);
    }
    let mut out = Vec::new();
    let mut unreadable = Vec::new();
    for rehearsal in trees {
        let scan = store.scan(rehearsal);
        unreadable.extend(scan.unreadable);
        let mut list = scan.sessions;
        list.reverse();
        // A record whose start is lost but whose entries or seal say it
        // was closed: listed, with its verdict, and never sent.
        let startless = scan
            .startless
            .into_iter()
            .filter(|s| s.verdict.is_finished());
        let startless = startless.map(|s| (s.id, s.dir, s.events, s.verdict));
        let listed = list.into_iter().filter(|l| l.finished);
        let listed = listed.map(|l| (l.id, l.dir, l.events, l.verdict));
        for (id, dir, entries, verdict) in startless.chain(listed) {
            let status = outbox::read(&dir, &id, lang);
            out.push(Closed {
                id,
                dir,
                rehearsal,
                entries,
                status,
                verdict,
            });
        }
    }
    (out, unreadable)
}

/// A session's transaction Bundle, as bytes, and its SHA-256. Refused for
/// a damaged record, for a session still open, and for a journal that did not verify: the
/// transaction cannot carry the OperationOutcome saying so, and a server
/// would take the record as sound.
pub fn bundle(dir: &Path, id: &str, lang: crate::i18n::Lang) -> Result<(Vec<u8>, String), String> {
    let plan = std::cell::RefCell::new(Plan::new(fhir_tx::Held::Known(Default::default())));
    bundle_planned(dir, id, &plan, |_| Ok(Default::default()), lang)
        .map(|(body, sha, _)| (body, sha))
}

/// Each clinician the record names (at the start, or as an entry's
/// author) whom the site's directory knows, with their identifier: one
/// Practitioner in every session, in a push and in `kap export` alike. A
/// rehearsal's clinicians stay its own: a Practitioner it made first would
/// carry the test-data label into every real session.
pub fn directory_site(
    d: Option<&directory::Directory>,
    s: &crate::session::Session,
) -> crate::record::fhir::Site {
    use crate::record::fhir::types::Identifier;
    let mut site = crate::record::fhir::Site::default();
    let Some(d) = d.filter(|_| !s.start.rehearsal) else {
        return site;
    };
    let named = s.start.clinicians.iter().map(String::as_str);
    let authors = s.log().iter().filter_map(|e| e.stamp.by.as_deref());
    for name in named.chain(authors) {
        if let Some(c) = d.by_label(name) {
            site.clinicians.insert(
                name.to_string(),
                Identifier {
                    system: c.system.clone(),
                    value: c.id.clone(),
                },
            );
        }
    }
    site
}

/// What the site says of a session's people: each clinician's directory
/// identifier, and the clinic's own Patient when the record's patient id
/// is the clinic's number (looked up on the server: a number it does not
/// hold, or holds twice, is refused, and nothing is sent).
pub fn site_for(
    cfg: &config::Config,
    token: Option<&config::Secret>,
    s: &crate::session::Session,
    id: &str,
    lang: crate::i18n::Lang,
) -> Result<crate::record::fhir::Site, String> {
    let mut site = directory_site(cfg.directory.as_ref(), s);
    let Some(identity) = s
        .start
        .identity
        .as_ref()
        .filter(|i| i.clinic_number && !s.start.rehearsal)
    else {
        return Ok(site);
    };
    let number = s.start.patient.as_str();
    let found = server_read::find_patients(cfg, token, &identity.system, number, cfg.timeout, lang)
        .map_err(|e| crate::say!(lang, "push-mrn-lookup-failed", id = id, error = e))?;
    let (system, url, count) = (identity.system.as_str(), cfg.base_url.as_str(), found.len());
    match found.as_slice() {
        [one] => site.patient = Some(one.clone()),
        [] => {
            return Err(crate::say!(
                lang,
                "push-mrn-unknown",
                id = id,
                number = number,
                system = system,
                url = url
            ));
        }
        _ => {
            return Err(crate::say!(
                lang,
                "push-mrn-ambiguous",
                id = id,
                number = number,
                system = system,
                url = url,
                count = count
            ));
        }
    }
    Ok(site)
}

/// The same as `kap push` sends it, given what the server holds
/// (`plan`): a resource it holds another version of goes as an update.
/// With the number of entries the transaction holds.
fn bundle_planned(
    dir: &Path,
    id: &str,
    plan: &std::cell::RefCell<Plan>,
    site: impl FnOnce(&crate::session::Session) -> Result<crate::record::fhir::Site, String>,
    lang: crate::i18n::Lang,
) -> Result<(Vec<u8>, String, usize), String> {
    use crate::record::{export, fhir_out};
    use crate::session::Clock;
    let (verdict, _) = crate::record::verdict::of_folder(dir).map_err(|e| e.to_string())?;
    if verdict.is_damaged() {
        return Err(crate::say!(
            lang,
            "push-damaged",
            id = id,
            verdict = crate::i18n::Phrase::say(&verdict.sentence(), lang)
        ));
    }
    let read = crate::record::store::read_session_mending(dir).map_err(|e| e.say(lang))?;
    let s = &read.session;
    if s.closed.is_none() {
        return Err(crate::say!(lang, "push-still-open", id = id));
    }
    // The seal goes too: the server can tell which sealed record it holds.
    let integrity =
        export::Integrity::of(&read.problems).with_seal(&crate::record::seal::read(dir));
    let now = crate::clocks::SystemClock::new().now();
    // The record's words in its own language, whoever runs the push (a
    // timer's locale, a clinician's): the same record sends the same
    // resources, and one unchanged is never updated for its wording.
    let site = site(s)?;
    let lang = language_of(s);
    let bundle = crate::record::fhir::stream_for(s, id, &now, &integrity, site, lang);
    let mut body = Vec::new();
    let written = fhir_out::write_push(bundle, plan, &mut body);
    let written = written.map_err(|e| {
        crate::say!(
            lang,
            "push-cannot-write-json",
            id = id,
            error = e.to_string()
        )
    })?;
    if written.left_out {
        return Err(crate::say!(lang, "push-unverified", id = id));
    }
    let entries = written.entries;
    let sha = crate::record::verify::sha256_hex(&body);
    Ok((body, sha, entries))
}

/// The language a record is sent in: the one the session began in (or its
/// protocol's); English, the shipped protocols' own, for a record that
/// names none, so that it too is sent the same whoever sends it.
fn language_of(s: &crate::session::Session) -> crate::i18n::Lang {
    s.recorded_language()
        .and_then(crate::i18n::Lang::from_tag)
        .unwrap_or(crate::i18n::Lang::En)
}

/// Send one closed session and record the outcome in its status file.
/// Returns the new status; `Err` only when the status could not be
/// written (the outcome is then in the message).
pub fn send(
    cfg: &config::Config,
    token: Option<&config::Secret>,
    c: &Closed,
    now: impl Fn() -> DateTime<FixedOffset>,
    lang: crate::i18n::Lang,
) -> Result<outbox::Status, String> {
    let prev = c
        .status
        .clone()
        .unwrap_or_else(|_| outbox::Status::pending(&c.id));
    let held = prev.held();
    let plan = std::cell::RefCell::new(Plan::new(held.clone()));
    // Nothing reached the server: it holds what it held.
    let refused = |error: String, http_status: Option<u16>| outbox::Attempt::Refused {
        error,
        http_status,
        held: held.clone(),
    };
    let attempt = match bundle_planned(
        &c.dir,
        &c.id,
        &plan,
        |s| site_for(cfg, token, s, &c.id, lang),
        lang,
    ) {
        Err(why) => refused(why, None),
        Ok((body, sha, entries)) => {
            let plan = plan.into_inner();
            // Sent, and no answer kap can read: the server may hold
            // either version of what this send changed.
            let unsure = |error: String, http_status: Option<u16>| outbox::Attempt::Refused {
                error,
                http_status,
                held: held.after_unsure(&plan.hashes),
            };
            match client::post(cfg, token, &body, lang) {
                Err(why) => unsure(why, None),
                Ok(reply) => {
                    let redirect = reply.redirect.as_deref();
                    match response::judge_sent(
                        reply.status,
                        &reply.body,
                        redirect,
                        Some(entries),
                        lang,
                    ) {
                        response::Judged::Accepted { locations } => outbox::Attempt::Accepted {
                            http_status: reply.status,
                            elapsed_ms: u64::try_from(reply.elapsed.as_millis())
                                .unwrap_or(u64::MAX),
                            updated: plan
                                .updated
                                .iter()
                                .filter_map(|i| locations.get(*i).cloned())
                                .collect(),
                            locations,
                            bundle_sha256: sha,
                            journal_entries: c.entries,
                            resources: plan.hashes,
                        },
                        // A transaction is all or nothing: an error answer
                        // wrote nothing.
                        response::Judged::Refused(why) if !(200..300).contains(&reply.status) => {
                            refused(why, Some(reply.status))
                        }
                        response::Judged::Refused(why) => unsure(why, Some(reply.status)),
                    }
                }
            }
        }
    };
    let next = outbox::after(&prev, attempt, &cfg.base_url, now());
    outbox::write(&c.dir, &next).map_err(|e| {
        crate::say!(
            lang,
            "push-status-not-saved",
            outcome = outbox::describe(&next, lang),
            error = e.to_string()
        )
    })?;
    Ok(next)
}

/// One `kap push` at a time per data folder: a cron run and a person at
/// the keyboard do not send the same session at once. Held until dropped.
#[derive(Debug)]
pub struct PushLock {
    _file: std::fs::File,
}

/// Take the data folder's push lock, or say that another push runs.
pub fn lock(store: &Store, lang: crate::i18n::Lang) -> Result<PushLock, String> {
    use std::os::unix::fs::OpenOptionsExt;
    let root = store.root();
    crate::record::store::make_private_dirs(root).map_err(|e| e.say(lang))?;
    let path = root.join(".push.lock");
    let file = crate::input::open_checked(
        &path,
        std::fs::OpenOptions::new()
            .read(true)
            .write(true)
            .create(true)
            .truncate(false)
            .mode(0o600),
        crate::input::Links::Refuse,
    )
    .map_err(|e| format!("{}: {}", path.display(), crate::i18n::say_io(&e, lang)))?;
    match rustix::fs::flock(&file, rustix::fs::FlockOperation::NonBlockingLockExclusive) {
        Ok(()) => Ok(PushLock { _file: file }),
        Err(e) if e == rustix::io::Errno::WOULDBLOCK => Err(crate::say!(
            lang,
            "push-locked",
            folder = root.display().to_string(),
            lock = path.display().to_string()
        )),
        Err(e) => Err(crate::say!(
            lang,
            "push-cannot-lock",
            lock = path.display().to_string(),
            error = e.to_string()
        )),
    }
}
