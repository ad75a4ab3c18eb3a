//! `kap course`: a patient's whole course under each protocol — every
//! session in order (with the reason given when its number was off the
//! course), what is due or overdue today with its year, and the goals as
//! they changed. A command of its own beside `kap history` (which stays a
//! list of sessions with their verdicts and debriefs): the course is read
//! by the course's rules, not session by session.

use crate::clocks::SystemClock;
use crate::push::server_read::Held;
use crate::record::Store;
use crate::record::course::{self, CourseEntry};
use crate::record::course_words;
use crate::record::outcome_words;
use crate::session::Clock;
use crate::session::course::Encounter;
use crate::session::course::due::{self, Item};
use serde::Serialize;
use std::process::ExitCode;

/// One course, as `--json` prints it.
#[derive(Serialize)]
struct CourseJson {
    patient: String,
    protocol: String,
    today: chrono::NaiveDate,
    encounters: Vec<EncounterJson>,
    due: Vec<Item>,
    goals: Vec<GoalsJson>,
    /// Each outcome measure of the course: its administrations, the
    /// baseline, change, and the sessions of response and remission.
    outcomes: Vec<outcome_words::MeasureCourse>,
}

#[derive(Serialize)]
struct EncounterJson {
    id: String,
    #[serde(flatten)]
    encounter: crate::session::course::Encounter,
    #[serde(skip_serializing_if = "Option::is_none")]
    course_note: Option<crate::session::CourseNote>,
    #[serde(skip_serializing_if = "Option::is_none")]
    schedule_note: Option<String>,
    /// A visit's clinician: who held it.
    #[serde(skip_serializing_if = "Option::is_none")]
    held_by: Option<String>,
    #[serde(skip_serializing_if = "Option::is_none")]
    contact: Option<crate::protocol::Contact>,
    /// Held on another laptop: read from the clinic's server.
    #[serde(skip_serializing_if = "std::ops::Not::not")]
    elsewhere: bool,
}

#[derive(Serialize)]
struct GoalsJson {
    session: u32,
    date: chrono::NaiveDate,
    goals: Vec<String>,
    /// Set on another laptop: read from the clinic's server.
    #[serde(skip_serializing_if = "std::ops::Not::not")]
    elsewhere: bool,
}

pub fn course(
    patient: &str,
    protocol: Option<&str>,
    rehearsal: bool,
    json: bool,
    chart: bool,
    lang: crate::i18n::Lang,
    flag: Option<crate::i18n::Lang>,
) -> ExitCode {
    let store = match Store::from_env() {
        Ok(s) => s,
        Err(e) => {
            crate::errln!("{}", e.say(lang));
            return ExitCode::FAILURE;
        }
    };
    let scan = store.scan_patient(rehearsal, patient);
    let code = super::record_cmd::say_unreadable(&scan.unreadable, lang);
    let mine: std::collections::BTreeSet<String> = scan
        .sessions
        .iter()
        .filter(|l| l.start.patient == patient)
        .map(|l| {
            let key = crate::record::fhir::record_key(&l.start, &l.id);
            crate::record::fhir::resource_id(&key, "encounter")
        })
        .collect();
    let server = (!rehearsal)
        .then(|| from_server(patient, &mine, lang))
        .flatten();
    if let Some(Err(e)) = &server {
        crate::outln!("{}", crate::say!(lang, "course-offline", error = e.clone()));
    }
    let elsewhere: Vec<Held> = match server {
        Some(Ok(v)) => v,
        _ => Vec::new(),
    };
    let mut ids: Vec<String> = scan
        .sessions
        .iter()
        .filter(|l| l.start.patient == patient)
        .map(|l| l.start.protocol_id.clone())
        .filter(|p| protocol.is_none_or(|want| want == p))
        .collect();
    ids.sort();
    ids.dedup();
    if ids.is_empty() {
        let who = patient.to_string();
        let said = if rehearsal {
            crate::say!(lang, "cli-no-rehearsals-for", patient = who)
        } else {
            crate::say!(lang, "cli-no-sessions-for", patient = who)
        };
        crate::outln!("{said}");
        only_elsewhere(patient, &elsewhere, json, lang);
        return code;
    }
    let now = SystemClock::new().now().wall.naive_local();
    let mut all = Vec::new();
    for pid in ids {
        let entries = course::load_from(&scan.sessions, patient, &pid);
        let Some(last) = entries.last() else {
            continue;
        };
        // The course in the language of its latest record, unless --lang
        // or KAP_LANG say otherwise.
        let lang = crate::i18n::settle(flag, last.session.recorded_language()).lang;
        let theirs: Vec<Held> = elsewhere
            .iter()
            .filter(|e| e.encounter.protocol_id == pid)
            .cloned()
            .collect();
        let c = build(patient, &pid, &entries, &theirs, now);
        if !json {
            say(&c, &entries, lang);
            if chart {
                draw_charts(&c.outcomes, lang);
            }
        }
        all.push(c);
    }
    if json {
        match serde_json::to_string_pretty(&all) {
            Ok(s) => crate::outln!("{s}"),
            Err(e) => {
                crate::errln!("{e}");
                return ExitCode::FAILURE;
            }
        }
    }
    code
}

/// The patient's sessions the clinic's server holds from other laptops
/// (not `mine`), every protocol's, with the goals each set; `None` when
/// no server is configured.
pub(super) fn from_server(
    patient: &str,
    mine: &std::collections::BTreeSet<String>,
    lang: crate::i18n::Lang,
) -> Option<Result<Vec<Held>, String>> {
    let cfg = match crate::push::config::load_alone(None, lang) {
        Ok(Some(c)) => c,
        Ok(None) => return None,
        Err(e) => return Some(Err(e.say(lang))),
    };
    let system = cfg.identity().map_or_else(
        || crate::record::fhir::PSEUDONYM_SYSTEM.to_string(),
        |i| i.system,
    );
    let read = crate::push::config::read_token(&cfg, lang).and_then(|t| {
        crate::push::server_read::course(&cfg, t.as_ref(), &system, patient, cfg.read_timeout, lang)
    });
    Some(read.map(|held| {
        held.into_iter()
            .filter(|h| h.resource.as_ref().is_none_or(|r| !mine.contains(r)))
            .collect()
    }))
}

/// A patient this laptop has no session of: what other laptops pushed,
/// each protocol's sessions held (no protocol file to say more with).
fn only_elsewhere(patient: &str, elsewhere: &[Held], json: bool, lang: crate::i18n::Lang) {
    let mut by: std::collections::BTreeMap<&str, Vec<&Held>> = Default::default();
    for e in elsewhere {
        by.entry(e.encounter.protocol_id.as_str())
            .or_default()
            .push(e);
    }
    let now = SystemClock::new().now().wall.naive_local();
    let mut all = Vec::new();
    for (pid, list) in by {
        let mut held: Vec<u32> = list
            .iter()
            .filter(|e| e.encounter.held)
            .map(|e| e.encounter.session)
            .collect();
        held.sort_unstable();
        held.dedup();
        if json {
            let theirs: Vec<Held> = list.into_iter().cloned().collect();
            all.push(build(patient, pid, &[], &theirs, now));
            continue;
        }
        let sessions: Vec<String> = held.iter().map(u32::to_string).collect();
        let said = crate::say!(
            lang,
            "course-from-server",
            count = held.len(),
            sessions = sessions.join(", ")
        );
        crate::outln!("  {}: {said}", crate::text::clean_line(pid));
        let theirs: Vec<Held> = list.into_iter().cloned().collect();
        for g in goals(&[], &theirs) {
            let day = crate::i18n::date_in(lang, g.date);
            crate::outln!(
                "    {}",
                crate::say!(
                    lang,
                    "cli-course-goals-set-elsewhere",
                    session = g.session,
                    date = day
                )
            );
            for goal in &g.goals {
                crate::outln!("      - {}", crate::text::clean_line(goal));
            }
        }
    }
    if json && let Ok(s) = serde_json::to_string_pretty(&all) {
        crate::outln!("{s}");
    }
}

fn build(
    patient: &str,
    pid: &str,
    entries: &[CourseEntry],
    held_elsewhere: &[Held],
    now: chrono::NaiveDateTime,
) -> CourseJson {
    let elsewhere: Vec<Encounter> = held_elsewhere.iter().map(|h| h.encounter.clone()).collect();
    let protocol = course::course_protocol(entries);
    let mut all: Vec<Encounter> = entries.iter().map(CourseEntry::encounter).collect();
    all.extend(elsewhere.iter().cloned());
    all.sort_by_key(Encounter::at);
    let due = protocol.map(|p| due::due(p, &all, now)).unwrap_or_default();
    let encounters: Vec<_> = entries.iter().map(CourseEntry::encounter).collect();
    let outcomes = protocol
        .map(|p| outcome_words::measures(p, entries))
        .unwrap_or_default();
    let mut listed: Vec<EncounterJson> = entries
        .iter()
        .zip(encounters)
        .map(|(e, encounter)| EncounterJson {
            id: e.id.clone(),
            encounter,
            course_note: e.session.start.course_note.clone(),
            held_by: e
                .session
                .start
                .visit
                .and_then(|_| e.session.start.clinicians.first().cloned()),
            contact: e.session.start.visit.map(|v| v.contact),
            schedule_note: e.session.start.schedule_note.clone(),
            elsewhere: false,
        })
        .chain(elsewhere.iter().map(|e| EncounterJson {
            id: String::new(),
            encounter: e.clone(),
            course_note: None,
            held_by: None,
            contact: None,
            schedule_note: None,
            elsewhere: true,
        }))
        .collect();
    // Oldest first by when each began, as `kap history` lists them.
    listed.sort_by_key(|e| e.encounter.started);
    CourseJson {
        outcomes,
        patient: patient.to_string(),
        protocol: pid.to_string(),
        today: now.date(),
        encounters: listed,
        due,
        goals: goals(entries, held_elsewhere),
    }
}

/// Every version of the goals, oldest first: earlier ones too, and those
/// set on other laptops.
fn goals(entries: &[CourseEntry], elsewhere: &[Held]) -> Vec<GoalsJson> {
    let here = entries.iter().filter_map(|e| {
        let s = &e.session;
        s.goals.clone().map(|goals| {
            let at = s.started_at.wall.naive_local();
            let g = GoalsJson {
                session: s.start.session,
                date: at.date(),
                goals,
                elsewhere: false,
            };
            (at, g)
        })
    });
    let there = elsewhere.iter().filter_map(|h| {
        let e = &h.encounter;
        h.goals.clone().map(|goals| {
            let g = GoalsJson {
                session: e.session,
                date: e.started.date(),
                goals,
                elsewhere: true,
            };
            (e.started, g)
        })
    });
    let mut all: Vec<_> = here.chain(there).collect();
    all.sort_by_key(|(at, _)| *at);
    all.into_iter().map(|(_, g)| g).collect()
}

/// The course's encounters, a line each: a visit by what it was, a
/// session by its number and whether it was held, here or elsewhere.
fn say_encounters(
    c: &CourseJson,
    entries: &[CourseEntry],
    p: &crate::protocol::Protocol,
    lang: crate::i18n::Lang,
) {
    let date = |d| crate::i18n::date_in(lang, d);
    for e in &c.encounters {
        // This laptop's record of it (none for one held elsewhere).
        let entry = entries.iter().find(|x| !e.elsewhere && x.id == e.id);
        if let Some(words) = entry.and_then(|x| course::visit_words(&x.session.start)) {
            crate::outln!(
                "    {}",
                crate::say!(
                    lang,
                    "cli-course-visit",
                    date = date(e.encounter.started.date()),
                    visit = crate::i18n::Phrase::say(&words, lang),
                    id = e.id.clone()
                )
            );
            continue;
        }
        let state = if e.encounter.held {
            crate::say!(lang, "cli-course-held")
        } else {
            crate::say!(lang, "cli-course-not-held")
        };
        if e.elsewhere {
            crate::outln!(
                "    {}",
                crate::say!(
                    lang,
                    "cli-course-elsewhere",
                    date = date(e.encounter.started.date()),
                    session = crate::i18n::Phrase::say(&p.session_label(e.encounter.session), lang),
                    state = state
                )
            );
            continue;
        }
        crate::outln!(
            "    {}",
            crate::say!(
                lang,
                "cli-course-encounter",
                date = date(e.encounter.started.date()),
                session = crate::i18n::Phrase::say(&p.session_label(e.encounter.session), lang),
                state = state,
                id = e.id.clone()
            )
        );
        if let Some(n) = &e.course_note {
            for check in &n.checks {
                crate::outln!("      {}", course_words::check(check, lang));
            }
            let reason = crate::text::clean_line(&n.reason);
            crate::outln!(
                "      {}",
                crate::say!(lang, "cli-course-note", reason = reason)
            );
        }
    }
}

fn say(c: &CourseJson, entries: &[CourseEntry], lang: crate::i18n::Lang) {
    let Some(p) = course::course_protocol(entries) else {
        return;
    };
    let date = |d| crate::i18n::date_in(lang, d);
    crate::outln!(
        "{}",
        crate::say!(
            lang,
            "cli-history-head",
            protocol = p.protocol.name.clone(),
            patient = c.patient.clone()
        )
    );
    crate::outln!("  {}", crate::say!(lang, "cli-course-encounters"));
    say_encounters(c, entries, p, lang);
    crate::outln!(
        "  {}",
        crate::say!(lang, "cli-course-due", today = date(c.today))
    );
    for i in &c.due {
        crate::outln!("    - {}", course_words::item(i, false, lang));
    }
    if !c.outcomes.is_empty() {
        crate::outln!("  {}", crate::say!(lang, "cli-course-outcomes"));
        for m in &c.outcomes {
            for l in outcome_words::lines(p, m, lang) {
                crate::outln!("    {l}");
            }
        }
    }
    if !c.goals.is_empty() {
        crate::outln!(
            "  {}",
            crate::say!(
                lang,
                "cli-course-goals",
                kind = crate::i18n::Phrase::say(&p.course.goals.kind.label(), lang)
            )
        );
        for g in &c.goals {
            let (session, day) = (g.session, date(g.date));
            let set = if g.elsewhere {
                crate::say!(
                    lang,
                    "cli-course-goals-set-elsewhere",
                    session = session,
                    date = day
                )
            } else {
                crate::say!(lang, "cli-course-goals-set", session = session, date = day)
            };
            crate::outln!("    {set}");
            for goal in &g.goals {
                crate::outln!("      - {}", crate::text::clean_line(goal));
            }
        }
    }
    crate::outln!();
}

/// Each measure's chart (ratatui's), the width of the terminal (80
/// columns when not one), 12 rows a measure.
fn draw_charts(outcomes: &[outcome_words::MeasureCourse], lang: crate::i18n::Lang) {
    let with_answers = outcomes.iter().filter(|m| !m.given.is_empty()).count();
    if with_answers == 0 {
        return;
    }
    // A chart of dots is noise to a screen reader: the list above says
    // every score, response and remission in words.
    if crate::tui::reader::asked_by_env() {
        crate::outln!("{}", crate::say!(lang, "cli-course-chart-reader"));
        return;
    }
    let width = ratatui::crossterm::terminal::size().map_or(80, |(w, _)| w.clamp(40, 160));
    let height = u16::try_from(with_answers * 12).unwrap_or(u16::MAX);
    for l in crate::tui::view::course_chart::text(outcomes, width, height, lang) {
        crate::outln!("{l}");
    }
}
