//! Who signs, and a co-signature: the sign-off names the signer among the
//! clinicians present (Tab on screen, a number in the screen-reader
//! mode), and a second clinician present co-signs afterwards with `kap
//! cosign`, an entry of its own. The journal, the summary, the FHIR
//! bundle and `kap history` carry both names; a co-signature by someone
//! not present, by the signer, or twice, is refused and nothing is added.

mod common;

use kap::session::Clock;
use kap::tui::app::{Msg, Screen};
use kap::tui::keys::Action;
use ratatui::crossterm::event::{KeyCode, KeyEvent, KeyModifiers};
use std::path::{Path, PathBuf};
use std::process::Command;

const MARTIN: &str = "A. Martin, RN";
const GAGNON: &str = "J. Gagnon, MD";

/// A rehearsal with two clinicians present, ended early and signed by
/// Gagnon (chosen in the sign-off, `choose` picks how): its folder.
fn signed_by_gagnon(
    data: &Path,
    choose: impl Fn(&mut kap::tui::app::App, &kap::session::Moment),
) -> PathBuf {
    let (app, _clock) = closed_by_gagnon(data, choose);
    let Screen::Closed(c) = &app.screen else {
        panic!("not closed")
    };
    c.open.dir.clone()
}

/// The same, the app left on its closed screen.
fn closed_by_gagnon(
    data: &Path,
    choose: impl Fn(&mut kap::tui::app::App, &kap::session::Moment),
) -> (kap::tui::app::App, std::sync::Arc<kap::session::SimClock>) {
    let (mut app, clock) = started(data);
    assert!(common::update(&mut app, &clock, Action::EndEarly));
    choose(&mut app, &clock.now());
    assert!(app.answer_dialog("yes", &clock.now()));
    common::type_line(&mut app, "patient asked to stop");
    assert!(matches!(app.screen, Screen::Closed(_)), "not closed");
    (app, clock)
}

/// A rehearsal started with Martin and Gagnon present; Martin makes the
/// entries.
fn started(data: &Path) -> (kap::tui::app::App, std::sync::Arc<kap::session::SimClock>) {
    let (mut app, clock) = common::montreal_app_at(data, true, kap::tui::theme::ThemeName::Plain);
    let form = app.new_start_form("P-200", Some(3), Some(70.0));
    app.screen = Screen::Start(Box::new(form));
    app.set_start_field(kap::tui::app::CLINICIANS, &format!("{MARTIN}; {GAGNON}"));
    assert!(common::update(&mut app, &clock, Msg::Begin));
    assert_eq!(app.author().as_deref(), Some(MARTIN));
    (app, clock)
}

/// Choosing another signer and then declining leaves the entries in the
/// name they were in: the choice takes effect with the signature only.
#[test]
fn a_declined_sign_off_leaves_the_author_as_it_was() {
    let tmp = tempfile::tempdir().unwrap();
    let (mut app, clock) = started(tmp.path());
    assert!(common::update(&mut app, &clock, Action::EndEarly));
    app.on_key(KeyEvent::new(KeyCode::Tab, KeyModifiers::NONE));
    let (screen, _) = common::render(&app, &clock, 80, 24);
    assert!(screen.contains(GAGNON), "{screen}");
    app.on_key(KeyEvent::new(KeyCode::Char('n'), KeyModifiers::NONE));
    assert!(app.modal.is_none());
    assert_eq!(app.author().as_deref(), Some(MARTIN));
}

/// On the closed screen, `S` lets the other clinician present co-sign:
/// the entry is theirs, the closed screen names them, and when no one
/// is left to co-sign, `S` says so and records nothing.
#[test]
fn the_closed_screen_co_signs_with_s_and_names_the_co_signer() {
    let tmp = tempfile::tempdir().unwrap();
    let (mut app, clock) = closed_by_gagnon(tmp.path(), |app, _| {
        app.on_key(KeyEvent::new(KeyCode::Tab, KeyModifiers::NONE));
    });
    let dir = match &app.screen {
        Screen::Closed(c) => c.open.dir.clone(),
        _ => panic!("not closed"),
    };
    let before = journal(&dir).len();
    app.on_key(KeyEvent::new(KeyCode::Char('S'), KeyModifiers::NONE));
    let (screen, _) = common::render(&app, &clock, 80, 24);
    assert!(screen.contains("Co-sign the record"), "{screen}");
    assert!(
        screen.contains(&format!("Co-signed by {MARTIN}")),
        "{screen}"
    );
    app.on_key(KeyEvent::new(KeyCode::Char('y'), KeyModifiers::NONE));
    assert!(app.modal.is_none());
    let lines = journal(&dir);
    assert_eq!(lines.len(), before + 1);
    let last = lines.last().unwrap();
    assert_eq!(last["event"]["type"], "co-signed", "{last}");
    assert_eq!(last["event"]["clinician"], MARTIN, "{last}");
    assert_eq!(last["by"], MARTIN, "{last}");
    let (screen, _) = common::render(&app, &clock, 80, 24);
    assert!(
        screen.contains(&format!("co-signed by {MARTIN} at")),
        "{screen}"
    );
    let summary = std::fs::read_to_string(dir.join("summary.md")).unwrap();
    assert!(
        summary.contains(&format!("Co-signed by {MARTIN} at")),
        "{summary}"
    );
    // No one is left: said, nothing recorded.
    app.on_key(KeyEvent::new(KeyCode::Char('S'), KeyModifiers::NONE));
    assert!(app.modal.is_none());
    assert_eq!(journal(&dir).len(), before + 1);
    let (screen, _) = common::render(&app, &clock, 80, 24);
    assert!(
        screen.contains("No one else present can co-sign"),
        "{screen}"
    );
}

fn kap(data: &Path, args: &[&str]) -> (bool, String, String) {
    let out = Command::new(env!("CARGO_BIN_EXE_kap"))
        .args(args)
        .env("KAP_DATA_DIR", data)
        .env("KAP_LANG", "en")
        .env("KAP_AUDIO", "off")
        .output()
        .unwrap();
    (
        out.status.success(),
        String::from_utf8_lossy(&out.stdout).into_owned(),
        String::from_utf8_lossy(&out.stderr).into_owned(),
    )
}

fn journal(dir: &Path) -> Vec<serde_json::Value> {
    std::fs::read_to_string(dir.join("journal.jsonl"))
        .unwrap()
        .lines()
        .map(|l| serde_json::from_str(l).unwrap())
        .collect()
}

#[test]
fn the_signer_is_chosen_and_a_second_clinician_present_co_signs() {
    let tmp = tempfile::tempdir().unwrap();
    let data = tmp.path();
    let dir = signed_by_gagnon(data, |app, _| {
        app.on_key(KeyEvent::new(KeyCode::Tab, KeyModifiers::NONE));
    });
    let id = dir.file_name().unwrap().to_str().unwrap().to_string();
    // The closing entry is Gagnon's, though Martin made the entries.
    let lines = journal(&dir);
    let closing = lines.last().unwrap();
    assert_eq!(closing["event"]["type"], "abandoned", "{closing}");
    assert_eq!(closing["by"], GAGNON, "{closing}");

    let (ok, out, err) = kap(data, &["cosign", &id, "--by", MARTIN]);
    assert!(ok, "{out}{err}");
    assert!(out.contains(&format!("Co-signed by {MARTIN}")), "{out}");
    let lines = journal(&dir);
    let last = lines.last().unwrap();
    assert_eq!(last["event"]["type"], "co-signed", "{last}");
    assert_eq!(last["event"]["clinician"], MARTIN, "{last}");
    assert_eq!(last["by"], MARTIN, "{last}");
    // The signature is not rewritten: the closing entry is as it was.
    assert_eq!(&lines[lines.len() - 2], closing);

    // Sealed again, as after an addendum: the record verifies whole.
    let (ok, out, err) = kap(data, &["verify", dir.to_str().unwrap()]);
    assert!(ok, "{out}{err}");

    let summary = std::fs::read_to_string(dir.join("summary.md")).unwrap();
    assert!(
        summary.contains(&format!("Signed by {GAGNON}")),
        "{summary}"
    );
    assert!(
        summary.contains(&format!("Co-signed by {MARTIN} at")),
        "{summary}"
    );

    let (ok, html, err) = kap(data, &["export", &id, "--format", "html"]);
    assert!(ok, "{err}");
    assert!(
        html.contains(&format!("Signed by {GAGNON}"))
            && html.contains(&format!("Co-signed by {MARTIN} at")),
        "{html}"
    );

    let (ok, fhir, err) = kap(data, &["export", &id, "--format", "fhir"]);
    assert!(ok, "{err}");
    let bundle: serde_json::Value = serde_json::from_str(&fhir).unwrap();
    let attesters: Vec<String> = bundle["entry"]
        .as_array()
        .unwrap()
        .iter()
        .map(|e| &e["resource"])
        // Those attesting (the record's seal is a Provenance too, by kap).
        .filter(|r| {
            r["resourceType"] == "Provenance"
                && r["agent"][0]["type"]["coding"][0]["code"] == "attester"
        })
        .map(|r| {
            r["agent"][0]["who"]["display"]
                .as_str()
                .unwrap()
                .to_string()
        })
        .collect();
    assert_eq!(attesters, [GAGNON, MARTIN]);

    let (ok, status, err) = kap(data, &["resume", &id, "--rehearsal", "--status"]);
    assert!(ok, "{err}");
    assert!(
        status.contains(&format!("signed by {GAGNON}; co-signed by {MARTIN}")),
        "{status}"
    );

    let (ok, status, err) = kap(
        data,
        &["--lang", "pt-BR", "resume", &id, "--rehearsal", "--status"],
    );
    assert!(ok, "{err}");
    assert!(
        status.contains(&format!("assinada por {GAGNON}; coassinada por {MARTIN}")),
        "{status}"
    );

    let (ok, history, err) = kap(data, &["history", "P-200", "--rehearsal"]);
    assert!(ok, "{err}");
    assert!(
        history.contains(&format!("signed by {GAGNON}; co-signed by {MARTIN}")),
        "{history}"
    );
}

#[test]
fn a_co_signature_by_someone_not_present_the_signer_or_twice_is_refused() {
    let tmp = tempfile::tempdir().unwrap();
    let data = tmp.path();
    // Screen-reader mode: the signer is chosen by number.
    let dir = signed_by_gagnon(data, |app, now| {
        assert!(app.answer_dialog("2", now));
    });
    let id = dir.file_name().unwrap().to_str().unwrap().to_string();
    assert_eq!(journal(&dir).last().unwrap()["by"], GAGNON);
    let before = journal(&dir).len();

    let (ok, _, err) = kap(data, &["cosign", &id, "--by", "Z. Nobody"]);
    assert!(!ok);
    assert!(
        err.contains("Z. Nobody was not named among the clinicians present")
            && err.contains(MARTIN)
            && err.contains(GAGNON),
        "{err}"
    );
    let (ok, _, err) = kap(data, &["cosign", &id, "--by", GAGNON]);
    assert!(!ok);
    assert!(
        err.contains(&format!("{GAGNON} signed this record")),
        "{err}"
    );
    assert_eq!(journal(&dir).len(), before, "a refusal adds nothing");

    let (ok, _, err) = kap(data, &["cosign", &id, "--by", MARTIN]);
    assert!(ok, "{err}");
    let (ok, _, err) = kap(data, &["cosign", &id, "--by", MARTIN]);
    assert!(!ok);
    assert!(err.contains("already co-signed"), "{err}");
    assert_eq!(journal(&dir).len(), before + 1);
}

#[test]
fn an_open_session_cannot_be_co_signed() {
    let tmp = tempfile::tempdir().unwrap();
    let (mut app, clock) =
        common::montreal_app_at(tmp.path(), true, kap::tui::theme::ThemeName::Plain);
    let form = app.new_start_form("P-201", Some(3), Some(70.0));
    app.screen = Screen::Start(Box::new(form));
    app.set_start_field(kap::tui::app::CLINICIANS, &format!("{MARTIN}; {GAGNON}"));
    assert!(common::update(&mut app, &clock, Msg::Begin));
    let Screen::Session(v) = &mut app.screen else {
        panic!("no session")
    };
    let stamp = kap::session::Stamp {
        by: Some(GAGNON.into()),
        taken: None,
    };
    let refused = v
        .open
        .session
        .check_entry(
            99,
            &kap::session::Event::CoSigned {
                clinician: GAGNON.into(),
            },
            &clock.now(),
            &stamp,
        )
        .unwrap_err();
    assert_eq!(refused.id(), Some("ref-co-sign-after-closing"));
}
