//! The patient's self-report screen: opened from the session with `Q`
//! (the key table's), one item at a time with numbered choices and
//! nothing else of the record in view, at 80×24 in each language
//! (snapshots); answered by key presses, it reaches the journal as one
//! `outcome-completed` entry by the clinician making entries, and hands
//! back with one key; Esc asks before answers are lost.

mod common;

use kap::i18n::Lang;
use kap::session::Clock;
use kap::tui::app::{App, Screen};
use kap::tui::keys::Action;
use kap::tui::theme::ThemeName;
use ratatui::crossterm::event::KeyCode;

fn journal(app: &App) -> String {
    match &app.screen {
        Screen::Session(v) => std::fs::read_to_string(v.open.dir.join("journal.jsonl")).unwrap(),
        _ => panic!("not in a session"),
    }
}

fn digits(app: &mut App, numbers: &str) {
    for c in numbers.chars().filter(char::is_ascii_digit) {
        common::key(app, KeyCode::Char(c));
    }
}

#[test]
fn the_self_report_screen_fits_80_by_24_in_each_language_and_shows_nothing_else() {
    for (lang, protocol) in [
        (Lang::En, "montreal.toml"),
        (Lang::FrCa, "montreal.fr-CA.toml"),
        (Lang::PtBr, "palliative.pt-BR.toml"),
    ] {
        let tag = lang.tag();
        let (mut app, clock) =
            common::translated_start(lang, protocol, 1, &format!("self-report-{tag}"));
        common::key(&mut app, KeyCode::Enter);
        assert!(matches!(app.screen, Screen::Session(_)));
        common::press(&mut app, Action::SelfReport);
        assert!(app.self_report.is_some(), "{tag}: Q did not open it");
        let (first, _) = common::render(&app, &clock, 80, 24);
        insta::assert_snapshot!(format!("self-report-first-{tag}"), first);
        // Nothing of the record: no patient, no protocol, no clock.
        for hidden in ["P-017", "A. Martin", "1/6", "1/2", ":00"] {
            assert!(!first.contains(hidden), "{tag}: {hidden} shows\n{first}");
        }
        let ins = kap::outcome::shipped("phq9").unwrap();
        let words = |w: &kap::protocol::Words| kap::protocol::words_in(w, tag).to_string();
        assert!(first.contains(&words(&ins.choices[3].text)), "{first}");
        // The longest item (8) with every choice still on screen.
        digits(&mut app, "1111111");
        let (long, _) = common::render(&app, &clock, 80, 24);
        insta::assert_snapshot!(format!("self-report-longest-{tag}"), long);
        for c in &ins.choices {
            assert!(long.contains(&words(&c.text)), "{tag}: {long}");
        }
        let last_word = words(&ins.items[7].text)
            .split_whitespace()
            .last()
            .unwrap()
            .to_string();
        assert!(long.contains(&last_word), "{tag}: item 8 cut\n{long}");
        // Esc asks before the answers are lost.
        common::key(&mut app, KeyCode::Esc);
        let (asking, _) = common::render(&app, &clock, 80, 24);
        insta::assert_snapshot!(format!("self-report-leaving-{tag}"), asking);
        common::key(&mut app, KeyCode::Char('n'));
        assert!(app.self_report.is_some());
        digits(&mut app, "11");
        let (thanks, _) = common::render(&app, &clock, 80, 24);
        assert!(
            thanks.contains(&kap::i18n::text(lang, "self-report-thanks", None)),
            "{thanks}"
        );
        assert!(
            !thanks.contains("18"),
            "no score shown to the patient:\n{thanks}"
        );
        common::key(&mut app, KeyCode::Enter);
        assert!(app.self_report.is_none());
        // The phase says the PHQ-9 is given, the GAD-7 still to give.
        let (back, _) = common::render(&app, &clock, 80, 24);
        let given = kap::say!(lang, "outcome-given", name = "PHQ-9");
        assert!(back.contains(&format!("{given}, GAD-7")), "{tag}: {back}");
    }
}

#[test]
fn a_measure_answered_by_key_presses_is_in_the_journal_by_the_clinician_giving_it() {
    let (mut app, _clock, _tmp) = common::montreal_app(false, ThemeName::Plain, "P-SR", 1);
    common::key(&mut app, KeyCode::Enter);
    common::press(&mut app, Action::SelfReport);
    // Choice numbers count from 1: values 0 1 2 3 0 1 2 3 1, total 13.
    digits(&mut app, "1 2 3 4 1 2 3 4");
    assert!(!journal(&app).contains("outcome-completed"), "saved early");
    common::key(&mut app, KeyCode::Left);
    digits(&mut app, "4 2");
    let j = journal(&app);
    let line = j
        .lines()
        .find(|l| l.contains("\"outcome-completed\""))
        .unwrap_or_else(|| panic!("not in the journal:\n{j}"));
    let v: serde_json::Value = serde_json::from_str(line).unwrap();
    assert_eq!(v["event"]["instrument"], "phq9");
    assert_eq!(
        v["event"]["answers"],
        serde_json::json!([0, 1, 2, 3, 0, 1, 2, 3, 1])
    );
    assert_eq!(v["event"]["phase"], "check-in");
    assert_eq!(v["event"]["self_report"], true);
    assert_eq!(v["by"], "A. Martin, RN");
    assert!(v["event"].get("total").is_none(), "the total is not stored");
    // Handed back with one key; the clinician is told the total.
    common::key(&mut app, KeyCode::Esc);
    assert!(app.self_report.is_none());
    let flash = app
        .flash
        .as_ref()
        .map(|f| f.text.clone())
        .unwrap_or_default();
    assert!(flash.contains("PHQ-9") && flash.contains("13"), "{flash}");
    // Q again offers the measure not yet given here: the GAD-7.
    common::press(&mut app, Action::SelfReport);
    assert_eq!(
        app.self_report.as_ref().map(|s| s.instrument.id.as_str()),
        Some("gad7")
    );
    // Esc with answers given asks; y leaves and nothing is saved.
    digits(&mut app, "2 2");
    common::key(&mut app, KeyCode::Esc);
    common::key(&mut app, KeyCode::Char('y'));
    assert!(app.self_report.is_none());
    assert!(!journal(&app).contains("\"gad7\""));
}

#[test]
fn a_flagged_answer_is_named_to_the_clinician_and_a_phase_without_a_measure_says_so() {
    let (mut app, clock, _tmp) = common::montreal_app(false, ThemeName::Plain, "P-SR9", 1);
    common::key(&mut app, KeyCode::Enter);
    common::press(&mut app, Action::SelfReport);
    digits(&mut app, "1 1 1 1 1 1 1 1 3");
    common::key(&mut app, KeyCode::Enter);
    let flash = app.flash.clone().expect("told");
    assert_eq!(
        flash.kind,
        kap::tui::app::FlashKind::Refused,
        "{}",
        flash.text
    );
    assert!(flash.text.contains('9'), "{}", flash.text);
    // The integration phase gives no measure in Montreal.
    common::next_phase(&mut app, &clock, "test");
    common::press(&mut app, Action::SelfReport);
    assert!(app.self_report.is_none());
    assert!(app.flash.is_some());
}

/// A technical alarm while the patient answers: the patient is asked to
/// hand the laptop back, told nothing of what it is; the clinician's
/// screen shows it once handed back.
#[test]
fn an_alarm_behind_the_patients_screen_asks_for_the_clinician_and_says_no_more() {
    let (mut app, clock, _tmp) = common::montreal_app(true, ThemeName::Plain, "P-SRA", 1);
    common::key(&mut app, KeyCode::Enter);
    common::press(&mut app, Action::SelfReport);
    let (calm, _) = common::render(&app, &clock, 80, 24);
    let call = kap::i18n::text(kap::i18n::Lang::En, "self-report-call-clinician", None);
    assert!(!calm.contains(&call), "{calm}");
    common::update(
        &mut app,
        &clock,
        kap::tui::app::Msg::Technical(kap::tui::app::Technical::ClockJumped { by: 600_000 }),
    );
    let (asked, _) = common::render(&app, &clock, 80, 24);
    assert!(asked.contains(&call), "{asked}");
    assert!(!asked.contains("P-SRA"), "{asked}");
    assert!(app.self_report.is_some(), "the answers so far are kept");
    common::key(&mut app, KeyCode::Esc);
    common::key(&mut app, KeyCode::Esc);
    assert!(app.self_report.is_none());
}

/// The same in the screen-reader mode: while the patient holds the
/// laptop, an alarm is only a request to hand it back, said once; its
/// words are said to the clinician once the screen is handed back.
#[test]
fn the_reader_asks_for_the_laptop_back_and_keeps_the_alarm_for_the_clinician() {
    use kap::tui::reader::{Narrator, session_news};
    let (mut app, clock, _tmp) = common::montreal_app(true, ThemeName::Plain, "P-SRR", 1);
    common::key(&mut app, KeyCode::Enter);
    let (mut narrator, mut called) = (Narrator::default(), false);
    let now = clock.now();
    session_news(&app, &now, &mut narrator, &mut called);
    common::press(&mut app, Action::SelfReport);
    common::update(
        &mut app,
        &clock,
        kap::tui::app::Msg::Technical(kap::tui::app::Technical::ClockJumped { by: 600_000 }),
    );
    let now = clock.now();
    let call = kap::i18n::text(kap::i18n::Lang::En, "self-report-call-clinician", None);
    let first = session_news(&app, &now, &mut narrator, &mut called);
    assert_eq!(first, std::slice::from_ref(&call));
    assert!(session_news(&app, &now, &mut narrator, &mut called).is_empty());
    common::key(&mut app, KeyCode::Esc);
    common::key(&mut app, KeyCode::Esc);
    assert!(app.self_report.is_none());
    let after = session_news(&app, &now, &mut narrator, &mut called).join("\n");
    assert!(!after.is_empty() && !after.contains(&call), "{after}");
    assert!(
        after.to_lowercase().contains("clock"),
        "the alarm is said now: {after}"
    );
}

/// The Montreal protocol with its check-in's first measure a
/// clinician-rated scale written in the file (the PHQ-9's items, rated by
/// the clinician: `self_report = false`), and an app on it.
fn clinician_rated_app(data: &std::path::Path) -> (App, std::sync::Arc<kap::session::SimClock>) {
    let root = std::path::Path::new(env!("CARGO_MANIFEST_DIR"));
    let base = std::fs::read_to_string(root.join("protocols/montreal.toml")).unwrap();
    let phq = std::fs::read_to_string(root.join("instruments/phq9.toml")).unwrap();
    let mut scale = String::from("\n[[instrument]]\n");
    let mut named = false;
    for line in phq.lines() {
        let line = match line.trim() {
            "[translations]" => "[instrument.translations]".to_string(),
            "[stem]" => "[instrument.stem]".to_string(),
            "[scoring]" => "[instrument.scoring]".to_string(),
            t if t.starts_with("[[") => t.replacen("[[", "[[instrument.", 1),
            _ if line.starts_with("id = ") && !named => {
                named = true;
                "id = \"crs\"".to_string()
            }
            _ if line.starts_with("name = ") => "name = \"Clinician rating\"".to_string(),
            _ if line.starts_with("self_report = ") => "self_report = false".to_string(),
            _ => line.to_string(),
        };
        scale.push_str(&line);
        scale.push('\n');
    }
    let text = base.replacen("instrument = \"phq9\"", "instrument = \"crs\"", 1) + &scale;
    let path = root.join("protocols/montreal.toml");
    let p = match kap::protocol::load_str(&path, &text) {
        Ok(l) => std::sync::Arc::new(l.protocol),
        Err(e) => panic!(
            "{}",
            e.iter()
                .map(|d| d.say(kap::i18n::Lang::En))
                .collect::<Vec<_>>()
                .join("\n")
        ),
    };
    let clock = std::sync::Arc::new(kap::session::SimClock::fixed());
    let mut app = App::new(
        kap::i18n::Lang::En,
        kap::record::Store::at(data),
        path,
        text,
        p,
        clock.clone(),
        None,
        false,
        kap::tui::theme::Theme::new(ThemeName::Plain),
    );
    let form = app.new_start_form("P-CR", Some(1), Some(70.0));
    app.screen = Screen::Start(Box::new(form));
    app.set_start_field(kap::tui::app::CLINICIANS, "A. Martin, RN");
    common::key(&mut app, KeyCode::Enter);
    if !matches!(app.screen, Screen::Session(_)) {
        common::type_line(&mut app, "test");
    }
    (app, clock)
}

/// A clinician-rated scale is answered by the clinician on the same
/// screen: it says so at the end (not "hand the laptop back"), and the
/// record says the clinician rated it, not the patient.
#[test]
fn a_clinician_rated_scale_is_recorded_as_the_clinicians_rating() {
    let tmp = tempfile::tempdir().unwrap();
    let (mut app, clock) = clinician_rated_app(tmp.path());
    assert!(matches!(app.screen, Screen::Session(_)));
    common::press(&mut app, Action::SelfReport);
    let (first, _) = common::render(&app, &clock, 80, 24);
    assert!(
        first.contains("Clinician rating · question 1 of 9"),
        "{first}"
    );
    digits(&mut app, "111111111");
    let (done, _) = common::render(&app, &clock, 80, 24);
    assert!(
        done.contains(&kap::i18n::text(kap::i18n::Lang::En, "rating-done", None)),
        "{done}"
    );
    assert!(
        !done.contains(&kap::i18n::text(
            kap::i18n::Lang::En,
            "self-report-thanks",
            None
        )),
        "{done}"
    );
    common::key(&mut app, KeyCode::Enter);
    let j = journal(&app);
    let line = j
        .lines()
        .find(|l| l.contains("\"outcome-completed\""))
        .expect("saved");
    assert!(line.contains("\"instrument\":\"crs\""), "{line}");
    assert!(line.contains("\"self_report\":false"), "{line}");
}
