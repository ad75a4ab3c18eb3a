//! `kap resume` and the journal test aid.

use crate::clocks::SystemClock;
use crate::record::Store;
use crate::session::Clock;
use std::io::Write;
use std::path::Path;
use std::process::ExitCode;

/// How `kap resume` opens the session it continues: the screen, the
/// alarm device, who writes now, and the monitor's address.
pub struct ResumeOpen {
    pub theme: Option<crate::tui::theme::ThemeName>,
    pub screen_reader: bool,
    pub alarm_device: Option<String>,
    pub clinician: Option<String>,
    /// `--monitor ADDR`: listened on as `kap run --monitor` does (the
    /// same check of the address against the site's settings).
    pub monitor: Option<String>,
}

pub fn resume(
    id: Option<&str>,
    rehearsal: bool,
    status: bool,
    open: ResumeOpen,
    lang: crate::i18n::Lang,
    flag: Option<crate::i18n::Lang>,
) -> ExitCode {
    let ResumeOpen {
        theme,
        screen_reader,
        alarm_device,
        clinician,
        monitor,
    } = open;
    let store = match Store::from_env() {
        Ok(s) => s,
        Err(e) => {
            crate::errln!("{}", e.say(lang));
            return ExitCode::FAILURE;
        }
    };
    let Some(id) = id else {
        return list_resumable(&store, rehearsal, lang);
    };
    let dir = match store.find(id, rehearsal) {
        Ok(Some(dir)) => dir,
        Ok(None) => {
            crate::errln!("{}", not_found(&store, id, rehearsal, lang));
            return ExitCode::FAILURE;
        }
        Err(e) => {
            crate::errln!("{}", e.say(lang));
            return ExitCode::FAILURE;
        }
    };
    let verdict = crate::record::verdict::of_folder(&dir).map(|(v, _)| v);
    if !status {
        // A damaged record is never continued (OpenSession refuses it too).
        if let Some(v) = verdict.as_ref().ok().filter(|v| v.is_damaged()) {
            crate::errln!(
                "{}",
                crate::record::RecordError::Damaged {
                    dir: dir.clone(),
                    verdict: v.clone()
                }
                .say(lang)
            );
            return ExitCode::FAILURE;
        }
        return crate::tui::run(
            crate::tui::RunOptions {
                lang: flag,
                protocol: None,
                patient: None,
                session: None,
                weight: None,
                mg_per_kg: None,
                clinician,
                rehearsal,
                speed: 30.0,
                theme,
                playlists: "playlists".into(),
                resume: Some(dir),
                scenario: None,
                seed: None,
                screen_reader,
                alarm_device,
                visit: None,
                monitor,
            },
            lang,
        );
    }
    print_status(id, &dir, verdict.as_ref().ok(), lang, flag)
}

/// Why no record `id` was found, and whether it is in the other tree.
fn not_found(store: &Store, id: &str, rehearsal: bool, lang: crate::i18n::Lang) -> String {
    let other = store.find(id, !rehearsal).ok().flatten().is_some();
    let (id, folder) = (
        crate::text::clean_line(id),
        store.tree(rehearsal).display().to_string(),
    );
    let missing = if rehearsal {
        crate::say!(lang, "cli-no-rehearsal-id", id = id, folder = folder)
    } else {
        crate::say!(lang, "cli-no-session-id", id = id, folder = folder)
    };
    let hint = match (other, rehearsal) {
        (true, false) => format!(" ({})", crate::say!(lang, "cli-it-is-a-rehearsal")),
        (true, true) => format!(" ({})", crate::say!(lang, "cli-it-is-a-session")),
        _ => String::new(),
    };
    format!("{missing}{hint}")
}

/// `kap resume --status`: the record's verdict, then where it stands.
fn print_status(
    id: &str,
    dir: &Path,
    verdict: Option<&crate::record::verdict::Verdict>,
    lang: crate::i18n::Lang,
    flag: Option<crate::i18n::Lang>,
) -> ExitCode {
    // Read-only: no lock, nothing cut off, nothing written. The verdict
    // is said first: a record whose start is lost has nothing more.
    if let Some(v) = verdict {
        crate::outln!("{}", verdict_line(id, v, lang));
    }
    match crate::record::store::read_session(dir) {
        Ok(read) => {
            // In the record's language unless --lang or KAP_LANG say
            // otherwise, as the exports and `kap history` speak.
            let lang = crate::i18n::settle(flag, read.session.recorded_language()).lang;
            for w in &read.warnings {
                crate::errln!(
                    "{}",
                    crate::say!(lang, "cli-warning", warning = w.say(lang))
                );
            }
            // A rehearsal is measured on its own simulated time, a closed
            // record at its close: `read_at`, as the exports do.
            let now = crate::record::export::read_at(&read.session, &SystemClock::new().now());
            crate::outp!(
                "{}",
                super::status_words::status_text(&read.session, &now, lang)
            );
            ExitCode::SUCCESS
        }
        Err(e) => {
            crate::errln!("{}", e.say(lang));
            ExitCode::FAILURE
        }
    }
}

/// `kap resume` without an id: the records a clinician can continue, and
/// the damaged ones, shown but never offered.
fn list_resumable(store: &Store, rehearsal: bool, lang: crate::i18n::Lang) -> ExitCode {
    if let Err(e) = store.check_readable(rehearsal) {
        crate::errln!("{}", e.say(lang));
        return ExitCode::FAILURE;
    }
    let scan = store.scan(rehearsal);
    let code = say_unreadable(&scan.unreadable, lang);
    print_damaged(&scan, lang);
    let list: Vec<_> = scan
        .sessions
        .into_iter()
        .filter(|l| l.verdict.is_resumable())
        .collect();
    if list.is_empty() {
        let folder = store.tree(rehearsal).display().to_string();
        crate::outln!(
            "{}",
            if rehearsal {
                crate::say!(lang, "cli-no-unfinished-rehearsals", folder = folder)
            } else {
                crate::say!(lang, "cli-no-unfinished-sessions", folder = folder)
            }
        );
        return code;
    }
    crate::outln!(
        "{}",
        if rehearsal {
            crate::say!(lang, "cli-unfinished-rehearsals")
        } else {
            crate::say!(lang, "cli-unfinished-sessions")
        }
    );
    for l in list {
        crate::outln!(
            "  {}",
            crate::say!(
                lang,
                "cli-unfinished-line",
                id = l.id.clone(),
                patient = l.start.patient.clone(),
                session = l.start.session,
                protocol = l.start.protocol_id.clone(),
                started = format!(
                    "{} {}",
                    crate::i18n::date_in(lang, l.started.wall.date_naive()),
                    l.started.wall.format("%H:%M")
                ),
                last = l.last.wall.format("%H:%M").to_string(),
                entries = l.events
            )
        );
    }
    crate::outln!("\n{}", crate::say!(lang, "cli-continue-with"));
    code
}

/// What reading found and the record's verdict, said on standard error,
/// and kept for the export to state in its own output.
fn integrity_said(
    dir: &Path,
    read: &crate::record::store::ReadSession,
    lang: crate::i18n::Lang,
) -> crate::record::export::Integrity {
    for w in &read.warnings {
        crate::errln!(
            "{}",
            crate::say!(lang, "cli-warning", warning = w.say(lang))
        );
    }
    let integrity = crate::record::export::Integrity::of(&read.problems)
        .with_seal(&crate::record::seal::read(dir));
    let Ok((v, _)) = crate::record::verdict::of_folder(dir) else {
        return integrity;
    };
    if v.is_damaged() {
        let id = dir.file_name().map(|n| n.to_string_lossy().into_owned());
        let line = verdict_line(&id.unwrap_or_default(), &v, lang);
        crate::errln!("{}", crate::say!(lang, "cli-warning", warning = line));
    }
    integrity.with_verdict(&v)
}

/// "record ID: closed", "record ID: DAMAGED — entries missing after …".
pub(crate) fn verdict_line(
    id: &str,
    v: &crate::record::verdict::Verdict,
    lang: crate::i18n::Lang,
) -> String {
    crate::say!(
        lang,
        "verdict-record",
        id = crate::text::clean_line(id),
        verdict = crate::i18n::Phrase::say(&v.sentence(), lang)
    )
}

/// The damaged records of a tree, for `kap resume`'s list: shown so they
/// are not lost from sight, never offered. Those whose start cannot be
/// read are named by their folder.
fn print_damaged(scan: &crate::record::store::Scan, lang: crate::i18n::Lang) {
    let list: Vec<_> = scan
        .sessions
        .iter()
        .filter(|l| l.verdict.is_damaged())
        .collect();
    if list.is_empty() && scan.startless.is_empty() {
        return;
    }
    crate::outln!("{}", crate::say!(lang, "cli-damaged-records"));
    for s in &scan.startless {
        crate::outln!(
            "  {}",
            crate::say!(
                lang,
                "cli-damaged-line-no-start",
                id = s.id.clone(),
                verdict = crate::i18n::Phrase::say(&s.verdict.sentence(), lang)
            )
        );
    }
    for l in list {
        crate::outln!(
            "  {}",
            crate::say!(
                lang,
                "cli-damaged-line",
                id = l.id.clone(),
                patient = l.start.patient.clone(),
                session = l.start.session,
                verdict = crate::i18n::Phrase::say(&l.verdict.sentence(), lang)
            )
        );
    }
    crate::outln!();
}

/// The data folder and the session named on the command line (an id in
/// either tree, or a folder path), or the sentence that says why not.
pub(crate) fn locate(
    session: &str,
    lang: crate::i18n::Lang,
) -> Result<(Store, std::path::PathBuf), String> {
    let store = Store::from_env().map_err(|e| e.say(lang))?;
    match find_dir(&store, session) {
        Ok(Some(d)) => Ok((store, d)),
        Ok(None) => Err(crate::say!(
            lang,
            "cli-no-session-id",
            id = crate::text::clean_line(session),
            folder = store.root().display().to_string()
        )),
        Err(e) => Err(e.say(lang)),
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
    lang: crate::i18n::Lang,
    flag: Option<crate::i18n::Lang>,
) -> ExitCode {
    use crate::record::export;
    let dir = match locate(session, lang) {
        Ok((_, d)) => d,
        Err(e) => {
            crate::errln!("{e}");
            return ExitCode::FAILURE;
        }
    };
    let Some(read) = read_for_export(&dir, lang) else {
        return ExitCode::FAILURE;
    };
    let s = &read.session;
    // An export speaks the record's language unless --lang or KAP_LANG
    // say otherwise, as the summary written at its close does; the data
    // exports (CSV, FHIR) heed only --lang, so the file is the same
    // whoever exports it.
    let lang = if matches!(
        format,
        super::ExportFormat::Csv | super::ExportFormat::Fhir | super::ExportFormat::VitalsCsv
    ) {
        crate::i18n::settle_record(flag, s.recorded_language())
    } else {
        crate::i18n::settle(flag, s.recorded_language())
    }
    .lang;
    let integrity = integrity_said(&dir, &read, lang);
    let now = SystemClock::new().now();
    let id = dir
        .file_name()
        .map(|n| n.to_string_lossy().into_owned())
        .unwrap_or_default();
    if transaction && !matches!(format, super::ExportFormat::Fhir) {
        crate::errln!("{}", crate::say!(lang, "cli-transaction-fhir-only"));
        return ExitCode::FAILURE;
    }
    let text = match format {
        super::ExportFormat::Md => export::markdown(s, &now, &integrity, lang),
        super::ExportFormat::Html => match s
            .start
            .rehearsal
            .then(|| crate::rehearsal::restore_patient(&dir, &s.started_at, lang))
            .flatten()
        {
            // A scenario rehearsal: the trainee page, rebuilt from the
            // scenario copy and the simulation log.
            Some(patient) => {
                let at = export::read_at(s, &now);
                let log = crate::rehearsal::simlog::read(&dir, lang).unwrap_or_default();
                let r =
                    crate::rehearsal::report::for_folder(&dir, s, &patient, &at, &log, None, lang);
                crate::rehearsal::report::html::trainee(s, &r, &at, lang)
            }
            None => export::html(s, &now, &integrity, lang),
        },
        super::ExportFormat::VitalsCsv => export::csv(s, &integrity),
        // The long table and FHIR are written as they are made: a big
        // record's export is never held whole (docs/performance.md).
        super::ExportFormat::Csv => {
            return emit(
                output,
                |w| {
                    crate::record::csv::write_long(s, &id, &integrity, |row| {
                        w.write_all(crate::text::clean(row).as_bytes())
                    })
                },
                lang,
            );
        }
        super::ExportFormat::Fhir => {
            return export_fhir(s, &id, &now, &integrity, output, transaction, lang);
        }
    };
    // A file gets what standard output would: escapes shown, not run.
    emit(
        output,
        |w| w.write_all(crate::text::clean(&text).as_bytes()),
        lang,
    )
}

/// The FHIR export, written as it is made, with the site's directory as
/// `kap push` uses it: one clinician is one Practitioner in the export
/// and on the server.
fn export_fhir(
    s: &crate::session::Session,
    id: &str,
    now: &crate::session::Moment,
    integrity: &crate::record::export::Integrity,
    output: Option<&Path>,
    transaction: bool,
    lang: crate::i18n::Lang,
) -> ExitCode {
    let directory = crate::push::directory::load(None, lang).unwrap_or_else(|e| {
        crate::errln!("{}", crate::say!(lang, "cli-warning", warning = e));
        None
    });
    let site = crate::push::directory_site(directory.as_ref(), s);
    let bundle = crate::record::fhir::stream_for(s, id, now, integrity, site, lang);
    let mut left_out = false;
    let code = emit(
        output,
        |w| {
            let written = crate::record::fhir_out::write_pretty(bundle, transaction, &mut *w)?;
            left_out = written.left_out;
            w.write_all(b"\n")
        },
        lang,
    );
    if left_out {
        crate::errln!("{}", crate::say!(lang, "cli-transaction-unverified"));
    }
    code
}

/// Write an export as it is made: to the file named (atomically: the
/// whole of it or nothing), or to standard output. A reader that goes
/// away (`| head`) ends the export quietly, as for every output.
pub(super) fn emit(
    output: Option<&Path>,
    fill: impl FnOnce(&mut dyn Write) -> std::io::Result<()>,
    lang: crate::i18n::Lang,
) -> ExitCode {
    match output {
        Some(path) => match crate::record::journal::write_atomic_with(path, fill) {
            Ok(()) => {
                crate::errln!(
                    "{}",
                    crate::say!(lang, "cli-wrote", path = path.display().to_string())
                );
                ExitCode::SUCCESS
            }
            Err(e) => {
                crate::errln!("{}: {e}", path.display());
                ExitCode::FAILURE
            }
        },
        None => {
            let mut w = std::io::BufWriter::new(std::io::stdout().lock());
            match fill(&mut w).and_then(|()| w.flush()) {
                Ok(()) => ExitCode::SUCCESS,
                Err(e) if e.kind() == std::io::ErrorKind::BrokenPipe => ExitCode::SUCCESS,
                Err(e) => {
                    // As `text::out` says it.
                    crate::errln!("kap: cannot write to standard output: {e}");
                    ExitCode::FAILURE
                }
            }
        }
    }
}

/// A session read for export, or `None` once why not is said. A damaged
/// record that does not replay (its start lost) is still named with its
/// verdict.
fn read_for_export(
    dir: &Path,
    lang: crate::i18n::Lang,
) -> Option<crate::record::store::ReadSession> {
    match crate::record::store::read_session_mending(dir) {
        Ok(x) => Some(x),
        Err(e) => {
            if let Ok((v, _)) = crate::record::verdict::of_folder(dir)
                && v.is_damaged()
            {
                let id = dir.file_name().map(|n| n.to_string_lossy().into_owned());
                let line = verdict_line(&id.unwrap_or_default(), &v, lang);
                crate::errln!("{}", crate::say!(lang, "cli-warning", warning = line));
            }
            crate::errln!("{}", e.say(lang));
            None
        }
    }
}

/// Say each session folder that could not be read, on stderr: exit 1
/// when there was one, since a session may be missing from the list.
pub(super) fn say_unreadable(
    unreadable: &[crate::record::store::Unreadable],
    lang: crate::i18n::Lang,
) -> ExitCode {
    for u in unreadable {
        crate::errln!("{}", u.say(lang));
    }
    if unreadable.is_empty() {
        ExitCode::SUCCESS
    } else {
        ExitCode::FAILURE
    }
}
