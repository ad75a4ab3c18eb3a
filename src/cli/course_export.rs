//! `kap export --course PATIENT --format html|csv`: the patient's course
//! of care under each protocol as one self-contained page
//! (`record::html::course`), in the language of the latest record unless
//! --lang or KAP_LANG say otherwise, or as a table of its sessions
//! (`record::course_table`).

use crate::clocks::SystemClock;
use crate::record::Store;
use crate::record::course;
use crate::session::Clock;
use std::path::Path;
use std::process::ExitCode;

pub fn export(
    patient: &str,
    rehearsal: bool,
    format: super::ExportFormat,
    output: Option<&Path>,
    lang: crate::i18n::Lang,
    flag: Option<crate::i18n::Lang>,
) -> ExitCode {
    if !matches!(format, super::ExportFormat::Html | super::ExportFormat::Csv) {
        crate::errln!("{}", crate::say!(lang, "cli-export-course-format"));
        return ExitCode::FAILURE;
    }
    let store = match Store::from_env() {
        Ok(s) => s,
        Err(e) => {
            crate::errln!("{}", e.say(lang));
            return ExitCode::FAILURE;
        }
    };
    let scan = store.scan_patient(rehearsal, patient);
    let code = super::record_cmd::say_unreadable(&scan.unreadable, lang);
    let mut ids: Vec<String> = scan
        .sessions
        .iter()
        .map(|l| l.start.protocol_id.clone())
        .collect();
    ids.sort();
    ids.dedup();
    let courses: Vec<Vec<course::CourseEntry>> = ids
        .iter()
        .map(|pid| course::load_from(&scan.sessions, patient, pid))
        .filter(|c| !c.is_empty())
        .collect();
    let latest = courses
        .iter()
        .filter_map(|c| c.last())
        .max_by_key(|e| e.session.started_at.wall);
    let Some(latest) = latest else {
        let who = patient.to_string();
        crate::errln!(
            "{}",
            if rehearsal {
                crate::say!(lang, "cli-no-rehearsals-for", patient = who)
            } else {
                crate::say!(lang, "cli-no-sessions-for", patient = who)
            }
        );
        return ExitCode::FAILURE;
    };
    let lang = crate::i18n::settle(flag, latest.session.recorded_language()).lang;
    let now = SystemClock::new().now().wall.naive_local();
    let page = match format {
        super::ExportFormat::Csv => crate::record::course_table::csv(&courses),
        _ => crate::record::html::course::page(patient, &courses, now, lang),
    };
    let written = super::record_cmd::emit(
        output,
        |w| w.write_all(crate::text::clean(&page).as_bytes()),
        lang,
    );
    if written == ExitCode::SUCCESS {
        code
    } else {
        written
    }
}
