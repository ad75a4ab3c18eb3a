//! The assessment visit as the evidence for Montreal's dose-1 tick
//! `assessment-done` (`evidence_visit`): shown beside the prompt, said in
//! the screen-reader mode, named by the tick's journal entry and by the
//! exports; when none is recorded the screen says so and so does the
//! tick. The phase screen fits 80×24 in each language. The field is
//! checked with the file, line and column.

mod common;

use kap::i18n::Lang;
use kap::protocol::{self, Contact, VisitKind};
use kap::session::evidence::Evidence;
use kap::session::{Clock, Event, MINUTE, SimClock, StartFields, VisitStart, plan_visit};
use kap::tui::app::{App, Screen};
use kap::tui::theme::ThemeName;
use std::path::Path;

const ASSESSMENT: VisitStart = VisitStart {
    kind: VisitKind::Assessment,
    contact: Contact::InPerson,
};

/// An assessment visit of P-017 held three days before the app's clock
/// by Dr Okafor, closed and signed; its folder name.
fn assessment(data: &Path, protocol: &str, rehearsal: bool) -> String {
    held_assessment(data, protocol, rehearsal, true)
}

/// The same, signed or left open.
fn held_assessment(data: &Path, protocol: &str, rehearsal: bool, signed: bool) -> String {
    let (p, text) = common::course::load(protocol);
    let fields = StartFields {
        patient: "P-017",
        session: "",
        weight_kg: "",
        mg_per_kg: "",
        clinicians: "Dr Okafor",
    };
    let start = plan_visit(&p, fields, ASSESSMENT, 1, rehearsal).unwrap();
    let clock = SimClock::at(SimClock::fixed().now().wall - chrono::TimeDelta::days(3));
    let mut open = kap::record::Store::at(data)
        .create_session(&text, start, &clock.now())
        .unwrap();
    clock.advance(MINUTE);
    open.record(
        Event::Answered {
            prompt: "diagnoses".into(),
            text: "major depressive disorder, recurrent".into(),
        },
        &clock.now(),
    )
    .unwrap();
    if signed {
        clock.advance(MINUTE);
        open.record(Event::Closed, &clock.now()).unwrap();
    }
    open.dir.file_name().unwrap().to_string_lossy().into_owned()
}

/// Montreal session 1 of P-017 started with keys and walked to the
/// baseline phase, where `assessment-done` is asked.
fn to_baseline(app: &mut App, clock: &SimClock) {
    let form = app.new_start_form("P-017", Some(1), Some(70.0));
    app.screen = Screen::Start(Box::new(form));
    app.set_start_field(kap::tui::app::CLINICIANS, "A. Martin, RN");
    common::key(app, ratatui::crossterm::event::KeyCode::Enter);
    assert!(matches!(app.screen, Screen::Session(_)), "not started");
    for _ in 0..3 {
        common::next_phase(app, clock, "evidence test");
    }
    assert!(
        app.visible_prompts()
            .iter()
            .any(|p| p.id == "assessment-done"),
        "not on the baseline phase"
    );
}

/// The `assessment-done` tick as the journal on disk has it.
fn tick_in_journal(app: &App) -> Option<Evidence> {
    let Screen::Session(v) = &app.screen else {
        panic!("not in a session");
    };
    let read = kap::record::store::read_session(&v.open.dir).unwrap();
    read.session
        .log()
        .iter()
        .find_map(|e| match &e.event {
            Event::Ticked {
                prompt,
                checked: true,
                evidence,
            } if prompt == "assessment-done" => Some(evidence.clone()),
            _ => None,
        })
        .expect("no tick of assessment-done in the journal")
}

/// What the screen-reader mode says of the phase on screen.
fn said(app: &App) -> String {
    let Screen::Session(v) = &app.screen else {
        panic!("not in a session");
    };
    let s = &v.open.session;
    kap::tui::reader::phase_text(s, s.phase, app.lang).join("\n")
}

#[test]
fn a_recorded_assessment_visit_is_shown_beside_the_prompt_and_named_by_the_tick() {
    let tmp = tempfile::tempdir().unwrap();
    let folder = assessment(tmp.path(), "montreal.toml", false);
    let (mut app, clock) =
        common::protocol_app_at("montreal.toml", tmp.path(), false, ThemeName::Plain);
    to_baseline(&mut app, &clock);

    let held = (SimClock::fixed().now().wall - chrono::TimeDelta::days(3)).date_naive();
    let line = format!(
        "Evidence in kap: assessment visit held {} by Dr Okafor",
        held.format("%Y-%m-%d")
    );
    let (screen, _) = common::render(&app, &clock, 80, 24);
    assert!(screen.contains(&line), "{line:?} in:\n{screen}");
    assert!(said(&app).contains(&line), "{}", said(&app));

    common::tick(&mut app, &clock, &["assessment-done"]);
    let e = tick_in_journal(&app).expect("the tick names its evidence");
    assert_eq!(e.visit, VisitKind::Assessment);
    assert_eq!(e.record.as_deref(), Some(folder.as_str()));
    assert_eq!(e.by.as_deref(), Some("Dr Okafor"));
    // Only this prompt names its evidence: the other ticks carry none.
    common::tick(&mut app, &clock, &["psychotherapy-started"]);

    // The exports say it: summary, HTML, CSV and FHIR.
    let Screen::Session(v) = &app.screen else {
        panic!("not in a session");
    };
    let s = &v.open.session;
    let now = clock.now();
    let integrity = Default::default();
    let md = kap::record::export::markdown(s, &now, &integrity, Lang::En);
    assert!(md.contains(&line) && md.contains(&folder), "{md}");
    let html = kap::record::export::html(s, &now, &integrity, Lang::En);
    assert!(html.contains(&folder), "the HTML page names the visit");
    let csv = kap::record::csv::long(s, "rec", &integrity);
    let row = format!(",check,assessment-done.evidence,assessment:{folder},");
    assert!(csv.contains(&row), "{row} in:\n{csv}");
    assert_eq!(csv.matches(".evidence,").count(), 1, "{csv}");
    let bundle = kap::record::export::fhir(s, "rec", &now, &integrity, Lang::En).to_string();
    assert!(bundle.contains("\"code\":\"evidence\""), "{bundle}");
    assert!(bundle.contains(&folder), "{bundle}");
}

#[test]
fn without_an_assessment_visit_the_screen_and_the_tick_say_none_is_recorded() {
    let tmp = tempfile::tempdir().unwrap();
    let (mut app, clock) =
        common::protocol_app_at("montreal.toml", tmp.path(), false, ThemeName::Plain);
    to_baseline(&mut app, &clock);
    let none = "No assessment visit is recorded in kap";
    let (screen, _) = common::render(&app, &clock, 80, 24);
    assert!(screen.contains(none), "{screen}");
    assert!(said(&app).contains(none), "{}", said(&app));

    // The tick still works: the assessment may predate kap.
    common::tick(&mut app, &clock, &["assessment-done"]);
    let e = tick_in_journal(&app).expect("the tick says it had no evidence");
    assert_eq!(e.visit, VisitKind::Assessment);
    assert_eq!(e.record, None);
    let Screen::Session(v) = &app.screen else {
        panic!("not in a session");
    };
    assert!(v.open.session.ticks["assessment-done"].checked);
    let csv = kap::record::csv::long(&v.open.session, "rec", &Default::default());
    assert!(
        csv.contains(",check,assessment-done.evidence,assessment:none,"),
        "{csv}"
    );
}

#[test]
fn an_assessment_visit_still_open_is_not_evidence_yet() {
    let tmp = tempfile::tempdir().unwrap();
    held_assessment(tmp.path(), "montreal.toml", false, false);
    let (mut app, clock) =
        common::protocol_app_at("montreal.toml", tmp.path(), false, ThemeName::Plain);
    to_baseline(&mut app, &clock);
    let (screen, _) = common::render(&app, &clock, 80, 24);
    assert!(
        screen.contains("No assessment visit is recorded in kap"),
        "{screen}"
    );
    common::tick(&mut app, &clock, &["assessment-done"]);
    assert_eq!(tick_in_journal(&app).and_then(|e| e.record), None);
}

#[test]
fn an_evidence_visit_the_file_does_not_have_is_refused_with_line_and_column() {
    let (_, text) = common::course::load("montreal.toml");
    let bad = text.replace(
        "evidence_visit = \"assessment\"",
        "evidence_visit = \"asessment\"",
    );
    assert_ne!(bad, text);
    let errs = protocol::load_str(Path::new("m.toml"), &bad).unwrap_err();
    let d = errs
        .iter()
        .find(|d| d.message.say(kap::i18n::Lang::En).contains("asessment"))
        .unwrap_or_else(|| panic!("{errs:?}"));
    let line = bad
        .lines()
        .position(|l| l.contains("evidence_visit = \"asessment\""))
        .unwrap()
        + 1;
    let said = d.say(kap::i18n::Lang::En);
    assert_eq!(d.line, line, "{said}");
    // The column of the value, as every other check points.
    let column = bad
        .lines()
        .nth(line - 1)
        .unwrap()
        .find("\"asessment")
        .unwrap()
        + 1;
    assert_eq!(d.column, column, "{said}");
    assert!(said.contains("evidence_visit"), "{said}");

    // A kind kap knows but the file names no visit of: palliative has no
    // assessment visit.
    let (_, text) = common::course::load("palliative.toml");
    let bad = text.replacen(
        "  id = \"capacity\"\n",
        "  id = \"capacity\"\n  evidence_visit = \"assessment\"\n",
        1,
    );
    assert_ne!(bad, text);
    let errs = protocol::load_str(Path::new("p.toml"), &bad).unwrap_err();
    assert!(
        errs.iter().any(|d| d
            .message
            .say(kap::i18n::Lang::En)
            .contains("names no visit of this file")
            && d.line > 0),
        "{errs:?}"
    );
}

fn snap_phase(lang: Lang, protocol: &str, with_visit: bool) {
    let tag = lang.tag();
    let folder = format!("evidence-{tag}-{with_visit}");
    let (mut app, clock) = common::translated_start(lang, protocol, 1, &folder);
    if with_visit {
        assessment(
            &std::path::PathBuf::from("target/snapshot-data").join(&folder),
            protocol,
            true,
        );
    }
    common::key(&mut app, ratatui::crossterm::event::KeyCode::Enter);
    assert!(matches!(app.screen, Screen::Session(_)), "not started");
    for _ in 0..3 {
        common::next_phase(&mut app, &clock, "snapshot");
    }
    let name = format!(
        "{tag}-evidence-{}",
        if with_visit { "held" } else { "none" }
    );
    let (s, _) = common::render(&app, &clock, 80, 24);
    insta::assert_snapshot!(name, s);
    let key = if with_visit {
        "evidence-held-by"
    } else {
        "evidence-none"
    };
    let words = kap::i18n::text(lang, key, None);
    let head = words.split('{').next().unwrap_or_default().trim();
    assert!(s.contains(head), "{head:?} in:\n{s}");
}

#[test]
fn the_phase_with_its_evidence_fits_80_by_24_in_every_language() {
    for with_visit in [true, false] {
        snap_phase(Lang::En, "montreal.toml", with_visit);
        snap_phase(Lang::FrCa, "montreal.fr-CA.toml", with_visit);
        snap_phase(Lang::PtBr, "montreal.toml", with_visit);
    }
}
