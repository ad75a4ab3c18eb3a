//! Rescue medication and the ketamine waste at the bedside, key by key:
//! `M` records a drug within the agreement, one outside it (the reason
//! dialog asks why), the effect at its re-check (shown due on the
//! infusion screen), ketamine drawn up and, after the close is held for
//! the ketamine not accounted for, the waste with its witness; the
//! session closes and the CSV, the summary and the FHIR Bundle (one
//! MedicationAdministration per drug given, plus ketamine) hold them.

mod common;

use kap::record::export;
use kap::session::{Clock, MINUTE};
use kap::tui::app::{Msg, Screen};
use kap::tui::keys::Action;
use kap::tui::theme::ThemeName;
use ratatui::crossterm::event::KeyCode;

fn value(app: &mut kap::tui::app::App, clock: &kap::session::SimClock, id: &str, text: &str) {
    let p = app
        .visible_prompts()
        .into_iter()
        .find(|p| p.id == id)
        .unwrap_or_else(|| panic!("no prompt {id} here"));
    assert!(common::update(
        app,
        clock,
        Msg::Value {
            prompt: Box::new(p),
            text: text.into(),
        }
    ));
}

fn meds(app: &mut kap::tui::app::App, line: &str) {
    common::press(app, Action::Medication);
    assert!(app.modal.is_some(), "M opened no dialog");
    common::type_line(app, line);
}

fn flash(app: &kap::tui::app::App) -> String {
    app.flash
        .as_ref()
        .map(|f| f.text.clone())
        .unwrap_or_default()
}

#[test]
fn a_rescue_drug_and_a_witnessed_waste_reach_every_export() {
    let tmp = tempfile::tempdir().unwrap();
    let (mut app, clock) = common::protocol_app_at(
        "../tests/fixtures/protocols/formulary.toml",
        tmp.path(),
        true,
        ThemeName::Plain,
    );
    let form = app.new_start_form("P-meds", Some(1), Some(70.0));
    app.screen = Screen::Start(Box::new(form));
    app.set_start_field(kap::tui::app::CLINICIANS, "A. Martin, RN");
    common::key(&mut app, KeyCode::Enter);
    // Baseline: consent, the antiemetic agreed (one dose), vitals.
    common::tick(&mut app, &clock, &["consent"]);
    value(&mut app, &clock, "rescue", "1");
    value(&mut app, &clock, "rescue-doses", "1");
    common::vitals(&mut app, &clock, "120/80 70 98");
    common::next_phase(&mut app, &clock, "test");
    common::press(&mut app, Action::StartInfusion);
    // 35 mg planned (70 kg × 0.5 mg/kg); 40 mg drawn up.
    meds(&mut app, "0 40");
    assert!(app.modal.is_none(), "{}", flash(&app));
    // Within the agreement: saved at once.
    meds(&mut app, "1 4mg iv 1");
    assert!(app.modal.is_none(), "{}", flash(&app));
    // Outside it: the reason is asked, and kept.
    meds(&mut app, "2 1 iv agitation");
    assert!(
        flash(&app).contains("not the medication agreed"),
        "{}",
        flash(&app)
    );
    let (screen, _) = common::render(&app, &clock, 80, 24);
    assert!(screen.contains("Beyond the agreement"), "{screen}");
    common::type_line(&mut app, "sudden agitation, asked for it");
    assert!(app.modal.is_none(), "{}", flash(&app));
    // The antiemetic's re-check falls due at 15 min.
    clock.advance(14 * MINUTE);
    let (screen, _) = common::render(&app, &clock, 80, 24);
    assert!(
        !screen.contains("Re-check the effect of Antiemetic"),
        "{screen}"
    );
    clock.advance(MINUTE);
    let (screen, _) = common::render(&app, &clock, 80, 24);
    assert!(
        screen.contains("Re-check the effect of Antiemetic"),
        "{screen}"
    );
    meds(&mut app, "effect 1 nausea settled");
    assert!(app.modal.is_none(), "{}", flash(&app));
    let (screen, _) = common::render(&app, &clock, 80, 24);
    assert!(
        !screen.contains("Re-check the effect of Antiemetic"),
        "{screen}"
    );
    // The infusion runs out; on to discharge, where the close is held.
    clock.advance(30 * MINUTE);
    common::next_phase(&mut app, &clock, "test");
    common::press(&mut app, Action::Close);
    common::key(&mut app, KeyCode::Char('y'));
    assert!(
        matches!(app.screen, Screen::Session(_)),
        "closed unaccounted"
    );
    assert!(
        flash(&app).contains("5 mg to account for"),
        "{}",
        flash(&app)
    );
    // The waste needs a second person: the recorder is refused.
    meds(&mut app, "0 -5 A. Martin, RN");
    assert!(
        app.modal.is_some(),
        "a waste witnessed by its recorder saved"
    );
    common::key(&mut app, KeyCode::Esc);
    common::key(&mut app, KeyCode::Esc);
    meds(&mut app, "0 -5 J. Gagnon, MD");
    assert!(app.modal.is_none(), "{}", flash(&app));
    common::press(&mut app, Action::Close);
    common::key(&mut app, KeyCode::Char('y'));
    let Screen::Closed(c) = &app.screen else {
        panic!("not closed: {}", flash(&app));
    };
    let s = &c.open.session;
    let now = clock.now();
    let integrity = Default::default();

    let csv = kap::record::csv::long(s, "rec", &integrity);
    for row in [
        ",medication,antiemetic,4,mg,",
        ",medication,antiemetic.route,iv,",
        ",medication,antiemetic.indication,Nausea,",
        ",medication,sedative.outside,\"sudden agitation, asked for it\",",
        ",medication-effect,antiemetic,nausea settled,",
        ",ketamine,drawn,40,mg,",
        ",ketamine,wasted,5,mg,",
        ",ketamine,wasted.witness,\"J. Gagnon, MD\",",
        ",ketamine,unaccounted,0,mg,,",
    ] {
        assert!(csv.contains(row), "no {row} in\n{csv}");
    }

    let summary = export::markdown(s, &now, &integrity, kap::i18n::Lang::En);
    for line in [
        "Ketamine accounted for: 40 mg drawn up = 35 mg given + 5 mg wasted",
        "ketamine wasted: 5 mg, witnessed by J. Gagnon, MD",
        "## Rescue medication",
        "Antiemetic 4 mg IV for Nausea, given by A. Martin, RN — effect at",
        "Sedative 1 mg IV for agitation, given by A. Martin, RN — beyond the agreement: sudden agitation, asked for it — **effect not recorded**",
    ] {
        assert!(summary.contains(line), "no {line} in\n{summary}");
    }

    let html = export::html(s, &now, &integrity, kap::i18n::Lang::En);
    assert!(html.contains("Rescue medication"), "{html}");
    assert!(html.contains("Ketamine accounted for"), "{html}");

    let bundle = export::fhir(s, "rec", &now, &integrity, kap::i18n::Lang::En);
    let admin: Vec<&serde_json::Value> = bundle["entry"]
        .as_array()
        .unwrap()
        .iter()
        .map(|e| &e["resource"])
        .filter(|r| r["resourceType"] == "MedicationAdministration")
        .collect();
    assert_eq!(admin.len(), 3, "ketamine and two rescue doses");
    let antiemetic = admin
        .iter()
        .find(|r| r["medicationCodeableConcept"]["text"] == "Antiemetic")
        .unwrap();
    assert_eq!(
        antiemetic["medicationCodeableConcept"]["coding"][0]["code"],
        "A04AA01"
    );
    assert_eq!(antiemetic["dosage"]["dose"]["value"], 4.0);
    assert_eq!(
        antiemetic["dosage"]["route"]["coding"][0]["code"],
        "47625008"
    );
    assert_eq!(
        antiemetic["performer"][0]["actor"]["display"],
        "A. Martin, RN"
    );
    assert!(antiemetic["effectiveDateTime"].is_string());
    let ketamine = admin
        .iter()
        .find(|r| r["medicationReference"]["reference"] == "#ketamine")
        .unwrap();
    assert_eq!(ketamine["dosage"]["dose"]["value"], 35.0);
    let notes = ketamine["note"].to_string();
    assert!(
        notes.contains("Ketamine wasted: 5 mg, witnessed by J. Gagnon, MD"),
        "{notes}"
    );
}

/// The screen-reader mode: `meds …` on one line records a dose, and the
/// word alone opens the dialog, whose typed answer records the effect.
#[test]
fn the_screen_reader_records_a_dose_and_its_effect_in_words() {
    use kap::tui::reader::{Said, in_session};
    let tmp = tempfile::tempdir().unwrap();
    let (mut app, clock) = common::protocol_app_at(
        "../tests/fixtures/protocols/formulary.toml",
        tmp.path(),
        true,
        ThemeName::Plain,
    );
    let form = app.new_start_form("P-reader", Some(1), Some(70.0));
    app.screen = Screen::Start(Box::new(form));
    app.set_start_field(kap::tui::app::CLINICIANS, "A. Martin, RN");
    common::key(&mut app, KeyCode::Enter);
    value(&mut app, &clock, "rescue", "1");
    let Said::Msg(msg) = in_session("meds 1 4 iv nausea", kap::i18n::Lang::En) else {
        panic!("meds is not a command");
    };
    assert!(common::update(&mut app, &clock, msg), "{}", flash(&app));
    let Said::Msg(msg) = in_session("meds", kap::i18n::Lang::En) else {
        panic!("meds alone opens nothing");
    };
    common::update(&mut app, &clock, msg);
    assert!(app.modal.is_some());
    let spoken = app.modal.as_ref().unwrap().spoken(kap::i18n::Lang::En);
    assert!(
        spoken.contains("1 Antiemetic 4 mg, re-check at"),
        "{spoken}"
    );
    assert!(app.answer_dialog("effect 1 settled", &clock.now()));
    assert!(app.modal.is_none(), "{}", flash(&app));
    let Screen::Session(v) = &app.screen else {
        panic!()
    };
    let m = &v.open.session.meds[0];
    assert_eq!((m.drug.as_str(), m.dose), ("antiemetic", 4.0));
    assert_eq!(m.effect.as_ref().unwrap().text, "settled");
}

/// A dose's reason dialog closed unanswered leaves nothing waiting: the
/// reason a later touch note (after "no touch") is asked for saves that
/// note, not the dose.
#[test]
fn an_unanswered_dose_reason_does_not_take_a_later_note_s() {
    let (mut app, clock, _tmp) = common::montreal_app(true, ThemeName::Plain, "P-both", 3);
    common::key(&mut app, KeyCode::Enter);
    for _ in 0..2 {
        common::next_phase(&mut app, &clock, "test");
    }
    common::choose_first(&mut app, &clock, "touch");
    value(&mut app, &clock, "rescue-medication", "1");
    common::next_phase(&mut app, &clock, "test");
    common::tick(&mut app, &clock, &["readiness", "consent", "iv-line"]);
    common::vitals(&mut app, &clock, "128/82 76 98");
    common::next_phase(&mut app, &clock, "test");
    common::press(&mut app, Action::StartInfusion);
    let (screen, _) = common::render(&app, &clock, 80, 24);
    // The agreement in view (it wraps beside the chart at 80 columns).
    assert!(
        screen.contains("medication: Ondansetron, for nausea"),
        "{screen}"
    );
    // Midazolam was not agreed: its reason is asked, and not given.
    meds(&mut app, "2 1 iv agitation");
    assert!(
        flash(&app).contains("not the medication agreed"),
        "{}",
        flash(&app)
    );
    common::key(&mut app, KeyCode::Esc);
    assert!(app.modal.is_none());
    // A supportive-touch note after "no touch": its own reason.
    common::press(&mut app, Action::Note);
    common::key(&mut app, KeyCode::Tab);
    common::key(&mut app, KeyCode::Char('9'));
    common::key(&mut app, KeyCode::Enter);
    common::type_line(&mut app, "asked for a hand");
    assert!(app.modal.is_none(), "{}", flash(&app));
    let Screen::Session(v) = &app.screen else {
        panic!("not in a session")
    };
    assert!(v.open.session.meds.is_empty(), "the dose was saved");
    assert_eq!(v.open.session.notes.last().unwrap().tags, ["touch"]);
}

/// A rescue dose corrected by keys: 80 mg typed for 8 mg, given 4 min
/// before it was recorded. L, up to the dose, e: the dialog says how the
/// replacement is typed; the replacement line (with its time given) and
/// the reason save a correction that keeps the original, with both times
/// in the journal; the re-check follows the corrected time; ketamine drawn
/// up is entered late from `M`, then its time corrected; corrected again in words beyond the
/// formulary, its reason is asked; the summary written at the close holds
/// the corrected dose, who corrected it, when and why.
#[test]
fn a_rescue_dose_is_corrected_by_keys_and_the_summary_holds_the_correction() {
    let tmp = tempfile::tempdir().unwrap();
    let (mut app, clock) = common::protocol_app_at(
        "../tests/fixtures/protocols/formulary.toml",
        tmp.path(),
        true,
        ThemeName::Plain,
    );
    let form = app.new_start_form("P-fix", Some(1), Some(70.0));
    app.screen = Screen::Start(Box::new(form));
    app.set_start_field(kap::tui::app::CLINICIANS, "A. Martin, RN; J. Gagnon, MD");
    common::key(&mut app, KeyCode::Enter);
    common::tick(&mut app, &clock, &["consent"]);
    value(&mut app, &clock, "rescue", "1");
    value(&mut app, &clock, "rescue-doses", "2");
    common::vitals(&mut app, &clock, "120/80 70 98");
    common::next_phase(&mut app, &clock, "test");
    clock.advance(10 * MINUTE);
    common::press(&mut app, Action::StartInfusion);
    // Ketamine drawn up 5 min ago, entered now.
    let drawn_at = clock.now().plus(-5 * MINUTE);
    meds(&mut app, "0 40 -5m");
    assert!(app.modal.is_none(), "{}", flash(&app));
    // 80 mg is beyond the formulary's 8: its reason is asked.
    meds(&mut app, "1 80mg iv 1");
    common::type_line(&mut app, "as typed");
    assert!(app.modal.is_none(), "{}", flash(&app));
    let session = |app: &kap::tui::app::App| match &app.screen {
        Screen::Session(v) => v.open.session.clone(),
        Screen::Closed(c) => c.open.session.clone(),
        _ => panic!("no session"),
    };
    let s = session(&app);
    assert_eq!(s.ketamine.drawn[0].at, drawn_at, "the time drawn up");
    let orig = s.meds[0].seq;
    clock.advance(3 * MINUTE);
    let given_at = clock.now().plus(-4 * MINUTE);
    common::press(&mut app, Action::Timeline);
    loop {
        let Some(kap::tui::modal::Modal::Timeline(t)) = &app.modal else {
            panic!("no timeline");
        };
        if t.shown()[t.cursor].seq == Some(orig) {
            break;
        }
        assert!(t.cursor > 0, "the dose is not in the timeline");
        common::key(&mut app, KeyCode::Up);
    }
    common::key(&mut app, KeyCode::Char('e'));
    let (screen, _) = common::render(&app, &clock, 80, 24);
    assert!(screen.contains("Type the dose as in M"), "{screen}");
    assert!(screen.contains("Antiemetic 80 mg"), "{screen}");
    common::type_line(&mut app, "1 8 iv 1 @-4m");
    common::type_line(&mut app, "typed 80 for 8");
    assert!(app.modal.is_none(), "{}", flash(&app));
    assert!(flash(&app).contains("replaced"), "{}", flash(&app));
    let s = session(&app);
    let m = &s.meds[0];
    assert_eq!((m.dose, m.outside.as_deref()), (8.0, None));
    assert_eq!(m.at, given_at, "the time given, as corrected");
    assert_eq!(m.given_by, "A. Martin, RN", "the original's giver");
    // The re-check is due 15 min after the corrected time.
    assert_eq!(
        s.rechecks_due(&clock.now())[0].1.from,
        given_at.plus(15 * MINUTE)
    );
    // The journal: the original, then the correction with both times.
    let Screen::Session(v) = &app.screen else {
        panic!()
    };
    let dir = v.open.dir.clone();
    let journal = std::fs::read_to_string(dir.join("journal.jsonl")).unwrap();
    let line = |kind: &str| -> serde_json::Value {
        journal
            .lines()
            .map(|l| serde_json::from_str::<serde_json::Value>(l).unwrap())
            .find(|l| l.to_string().contains(&format!("\"type\":\"{kind}\"")))
            .unwrap_or_else(|| panic!("no {kind} in {journal}"))
    };
    let fix = line("corrected").to_string();
    assert!(fix.contains(&format!("\"entry\":{orig}")), "{fix}");
    assert!(fix.contains("\"dose\":8.0"), "{fix}");
    assert!(fix.contains("typed 80 for 8"), "{fix}");
    assert!(fix.contains("\"taken\""), "{fix}");
    assert!(
        line("medication-given")
            .to_string()
            .contains("\"dose\":80.0")
    );
    assert!(line("ketamine-drawn").to_string().contains("\"taken\""));
    // In words (the screen-reader's way), corrected again beyond the
    // formulary's 8 mg: its reason is asked, as a dose's is, and kept.
    let fix_seq = s.meds[0].seq;
    common::press(&mut app, Action::Timeline);
    let line = format!("correct {fix_seq} 1 12 iv 1 because 12 mg was drawn up and given");
    assert!(app.answer_dialog(&line, &clock.now()), "{}", flash(&app));
    assert!(flash(&app).contains("above"), "{}", flash(&app));
    assert!(app.answer_dialog("the anaesthetist's order", &clock.now()));
    assert!(app.modal.is_none(), "{}", flash(&app));
    let m = session(&app).meds[0].clone();
    assert_eq!(m.dose, 12.0);
    assert_eq!(m.outside.as_deref(), Some("the anaesthetist's order"));
    assert_eq!(
        m.at, given_at,
        "a correction without a time keeps the one given"
    );
    // Ketamine drawn up corrected the same way: 40 mg, 7 min earlier.
    let drawn_seq = session(&app).ketamine.drawn[0].seq;
    let drawn_at = clock.now().plus(-7 * MINUTE);
    common::press(&mut app, Action::Timeline);
    let line = format!("correct {drawn_seq} 0 40 @-7m because drawn up before the line was in");
    assert!(app.answer_dialog(&line, &clock.now()), "{}", flash(&app));
    let k = session(&app).ketamine.drawn[0].clone();
    assert_eq!((k.mg, &k.at), (40.0, &drawn_at));
    // Through the infusion; 5 mg wasted; closed.
    clock.advance(40 * MINUTE);
    common::next_phase(&mut app, &clock, "test");
    meds(&mut app, "0 -5 2");
    assert!(app.modal.is_none(), "{}", flash(&app));
    common::press(&mut app, Action::Close);
    common::key(&mut app, KeyCode::Char('y'));
    assert!(
        matches!(app.screen, Screen::Closed(_)),
        "not closed: {}",
        flash(&app)
    );
    let summary = std::fs::read_to_string(dir.join("summary.md")).unwrap();
    let corrected = format!(
        "- {} Antiemetic 12 mg IV for Nausea, given by A. Martin, RN — corrected {} by A. Martin, RN, replaces entry {fix_seq}: 12 mg was drawn up and given — beyond the agreement: the anaesthetist's order",
        given_at.hhmm(),
        clock.now().plus(-40 * MINUTE).hhmm()
    );
    assert!(summary.contains(&corrected), "no {corrected} in\n{summary}");
    // The first correction, struck through with who made it, when and why.
    assert!(
        summary.contains(&format!("replaced by entry {fix_seq}: Antiemetic 8 mg IV")),
        "{summary}"
    );
    assert!(summary.contains("reason: typed 80 for 8"), "{summary}");
    let drawn = format!(
        "{} ketamine drawn up: 40 mg — corrected {} by A. Martin, RN, replaces entry {drawn_seq}",
        drawn_at.hhmm(),
        clock.now().plus(-40 * MINUTE).hhmm()
    );
    assert!(summary.contains(&drawn), "no {drawn} in\n{summary}");
}
