//! A course of visits walked with real key presses (issue #30): an
//! assessment, two preparation visits that tick Montreal Table 4's goals
//! between them, a dose, and a follow-up by phone held by another
//! clinician; then `kap course` lists them in order, each visit with the
//! clinician who held it. All in rehearsal.

mod common;

use common::pty::{ENTER, Pty};
use std::path::Path;

const PATIENT: &str = "P-VISITS";

/// Start a rehearsal visit of `kind` held by `who`, on its start form.
fn visit(data: &Path, kind: &str, who: &str, extra: &[&str]) -> Pty {
    let mut args = vec![
        "rehearse",
        "--protocol",
        "protocols/montreal.toml",
        "--speed",
        "1",
        "--patient",
        PATIENT,
        "--clinician",
        who,
        "--visit",
        kind,
    ];
    args.extend_from_slice(extra);
    let k = Pty::spawn(&args, data);
    k.wait_for("Enter starts the visit", 10);
    k
}

/// Sign and close the visit on screen, and leave.
fn close(k: &mut Pty) {
    k.send("C");
    k.wait_for("Sign and close the session", 5);
    k.send("y");
    k.wait_for("Session closed.", 5);
    k.send("q");
    k.wait_exit(10.0);
}

/// A dose of session 1, held now, recorded through the library as the
/// rehearsal would record it.
fn dose_now(data: &Path) {
    use kap::session::vitals::parse;
    use kap::session::{Clock, Event, MINUTE, SimClock, StartFields, plan_start};
    let (p, text) = common::course::load("montreal.toml");
    let fields = StartFields {
        patient: PATIENT,
        session: "1",
        weight_kg: "80",
        mg_per_kg: "",
        clinicians: "A. Martin, RN",
    };
    let (start, _) = plan_start(&p, fields, true).unwrap();
    let clock = SimClock::at(chrono::Local::now().fixed_offset());
    let mut open = kap::record::Store::at(data)
        .create_session(&text, start, &clock.now())
        .unwrap();
    let mut rec = |ev: Event| {
        clock.advance(MINUTE);
        open.record(ev, &clock.now()).unwrap();
    };
    for _ in 0..2 {
        rec(Event::Advanced {
            reason: Some("test".into()),
        });
    }
    rec(Event::Answered {
        prompt: "intention".into(),
        text: "to stay with what comes".into(),
    });
    rec(Event::Advanced {
        reason: Some("test".into()),
    });
    for id in [
        "assessment-done",
        "psychotherapy-started",
        "readiness",
        "consent",
        "iv-line",
    ] {
        rec(Event::Ticked {
            prompt: id.into(),
            checked: true,
            evidence: None,
        });
    }
    rec(Event::Vitals {
        reading: parse("128/82 76 98").unwrap(),
    });
    rec(Event::Advanced { reason: None });
    rec(Event::DosingStarted);
    rec(Event::Abandoned {
        reason: "test: the dose is what counts here".into(),
    });
}

#[test]
fn a_course_of_visits_walked_with_keys_shows_in_order_with_its_clinicians() {
    let tmp = tempfile::tempdir().unwrap();
    let data = tmp.path();

    // The assessment.
    let mut k = visit(data, "assessment", "Dr Okafor", &[]);
    k.send(ENTER);
    k.wait_for("Psychiatric diagnoses confirmed", 5);
    k.answer("major depressive disorder, recurrent");
    close(&mut k);

    // The first preparation visit: the goals in the paper's order, the
    // first four ticked.
    let mut k = visit(data, "preparation", "Dr Okafor", &[]);
    k.wait_for("No preparation visit yet: 9 topics to cover", 5);
    k.send(ENTER);
    k.wait_for("Goals of preparation", 5);
    for _ in 0..4 {
        k.tick_and_down();
    }
    k.wait_until("four goals ticked", 5, |s| s.matches("[x]").count() == 4);
    close(&mut k);

    // The second: the start form and the checklist show what the first
    // did, with the visit it was done at; the rest is ticked now.
    let mut k = visit(data, "preparation", "Dr Silva", &[]);
    k.wait_for("After 1 preparation visit: 4 of 9 topics done", 5);
    k.send(ENTER);
    let screen = k.wait_for("done at preparation visit 1", 5);
    for done in [
        "[x] The treatment frame",
        "[x] At least three SMART behavioural goals",
    ] {
        assert!(screen.contains(done), "{screen}");
    }
    assert!(
        screen.contains("[ ] A trial mindfulness exercise"),
        "{screen}"
    );
    for _ in 0..4 {
        k.send(common::pty::DOWN);
    }
    for _ in 0..5 {
        k.tick_and_down();
    }
    k.wait_until("every goal shown done", 5, |s| !s.contains("[ ]"));
    close(&mut k);

    dose_now(data);

    // A follow-up by phone, held by another clinician.
    let mut k = visit(data, "follow-up", "Dr Lima", &["--contact", "phone"]);
    k.send(ENTER);
    k.wait_for("Experience of the last treatment", 5);
    close(&mut k);

    let out = std::process::Command::new(env!("CARGO_BIN_EXE_kap"))
        .args(["course", PATIENT, "--rehearsal"])
        .env("KAP_DATA_DIR", data)
        .env("KAP_LANG", "en")
        .output()
        .unwrap();
    let text = String::from_utf8_lossy(&out.stdout);
    let lines: Vec<&str> = text
        .lines()
        .filter(|l| l.contains("visit:") || l.contains("session 1"))
        .collect();
    let expect = [
        "visit: assessment, held by Dr Okafor",
        "visit: preparation, held by Dr Okafor",
        "visit: preparation, held by Dr Silva",
        "session 1",
        "visit: follow-up by phone, held by Dr Lima",
    ];
    assert_eq!(lines.len(), expect.len(), "{text}");
    for (l, e) in lines.iter().zip(expect) {
        assert!(l.contains(e), "{l:?} should say {e:?}:\n{text}");
    }

    // `kap history` lists them the same way, each with its verdict.
    let out = std::process::Command::new(env!("CARGO_BIN_EXE_kap"))
        .args(["history", PATIENT, "--rehearsal"])
        .env("KAP_DATA_DIR", data)
        .env("KAP_LANG", "en")
        .output()
        .unwrap();
    let history = String::from_utf8_lossy(&out.stdout);
    assert_eq!(
        history.matches("visit: preparation").count(),
        2,
        "{history}"
    );
    assert!(
        history.contains("visit: follow-up by phone, held by Dr Lima"),
        "{history}"
    );
}

#[test]
fn a_phone_follow_up_works_in_screen_reader_mode() {
    let tmp = tempfile::tempdir().unwrap();
    let data = tmp.path();
    let mut k = Pty::spawn(
        &[
            "rehearse",
            "--protocol",
            "protocols/montreal.toml",
            "--speed",
            "1",
            "--patient",
            PATIENT,
            "--clinician",
            "Dr Lima",
            "--visit",
            "follow-up",
            "--contact",
            "phone",
            "--screen-reader",
        ],
        data,
    );
    k.wait_said("New visit: follow-up, by phone, under", 1, 10);
    k.wait_said(
        "clinician holding the visit Dr Lima. Type start to begin.",
        1,
        5,
    );
    k.line("start");
    k.wait_said("Phase 1 of 1", 1, 5);
    k.wait_said("Experience of the last treatment", 1, 5);
    k.line("close");
    k.wait_said("Sign and close the session, signed by Dr Lima", 1, 5);
    k.line("yes");
    k.wait_said("Session closed", 1, 5);
    k.line("quit");
    k.wait_exit(10.0);
}

/// A visit rehearsed with a simulated patient closes like any rehearsal,
/// its trainee report written (no dose to score).
#[test]
fn a_visit_rehearsed_with_a_scenario_closes_and_reports() {
    let tmp = tempfile::tempdir().unwrap();
    let mut k = visit(
        tmp.path(),
        "assessment",
        "Trainee",
        &["--scenario", "scenarios/montreal-uneventful.toml"],
    );
    k.send(ENTER);
    k.wait_for("Psychiatric diagnoses confirmed", 5);
    close(&mut k);
    let dir = common::pty::only_session(&tmp.path().join("rehearsal"));
    for f in ["summary.md", "trainee-report.md"] {
        assert!(dir.join(f).is_file(), "{f} in {}", dir.display());
    }
}

/// A preparation visit rehearsed on the simulator, closed: the trainee
/// report judges what the visit asks (its checklist, its notes), never a
/// dose, a vitals schedule, an alarm window or a scenario event, and says
/// no dose was part of it — in the Markdown and the HTML page alike, and
/// in each language (the page rebuilt by `kap export`).
#[test]
fn a_rehearsed_preparation_visits_report_judges_only_the_visit() {
    let tmp = tempfile::tempdir().unwrap();
    let mut k = visit(
        tmp.path(),
        "preparation",
        "Trainee",
        &["--scenario", "scenarios/montreal-uneventful.toml"],
    );
    k.send(ENTER);
    k.wait_for("Goals of preparation", 5);
    for _ in 0..2 {
        k.tick_and_down();
    }
    k.wait_until("two goals ticked", 5, |s| s.matches("[x]").count() == 2);
    close(&mut k);
    let dir = common::pty::only_session(&tmp.path().join("rehearsal"));
    let md = std::fs::read_to_string(dir.join("trainee-report.md")).unwrap();
    let html = std::fs::read_to_string(dir.join("trainee-report.html")).unwrap();
    let no_dose = "No dose was part of this preparation visit: no vitals schedule, \
                   infusion, dose or alarm window is judged.";
    for (name, text) in [("md", &md), ("html", &html)] {
        assert!(text.contains(no_dose), "{name}: {text}");
        assert!(
            text.contains("2 of 10 items this preparation visit asks done in it"),
            "{name}: {text}"
        );
        assert!(
            text.contains("minutes from the start of the visit"),
            "{name}: {text}"
        );
        // Nothing of a dosing session is judged.
        for dosing in [
            "from the start of dosing",
            "Vitals prompts",
            "vitals prompts",
            "Alerts",
            "dosing had not finished",
            "Ended early",
            "ended early",
            "Scenario events",
            "Infusion pauses",
            "true values",
        ] {
            assert!(!text.contains(dosing), "{name}: {dosing:?} in {text}");
        }
    }
    // What the visit asked: each goal, ticked here or left for a later
    // visit (not a fault), and its notes.
    assert!(md.contains("## What the visit asked"), "{md}");
    assert!(
        md.contains("| Goals of preparation | The treatment frame | done at "),
        "{md}"
    );
    assert!(
        md.contains(
            "| Goals of preparation | Psychoeducation and expectations | \
             not done (not required in this visit) |"
        ),
        "{md}"
    );
    assert!(md.contains("| Notes from this visit |"), "{md}");
    // A second preparation visit: the goals the first ticked are carried
    // in, said as done at preparation visit 1, not as left to do — at its
    // close, and in the page `kap export` rebuilds from its folder, in
    // French and Portuguese too.
    let mut k = visit(
        tmp.path(),
        "preparation",
        "Trainee",
        &["--scenario", "scenarios/montreal-uneventful.toml"],
    );
    k.send(ENTER);
    k.wait_for("done at preparation visit 1", 5);
    close(&mut k);
    let second = common::pty::sessions(&tmp.path().join("rehearsal"))
        .into_iter()
        .find(|d| *d != dir)
        .unwrap();
    let md = std::fs::read_to_string(second.join("trainee-report.md")).unwrap();
    assert!(
        md.contains("| Goals of preparation | The treatment frame | done at preparation visit 1 |"),
        "{md}"
    );
    assert!(
        md.contains(
            "0 of 10 items this preparation visit asks done in it, 2 done at an earlier visit"
        ),
        "{md}"
    );
    let id = second.file_name().unwrap().to_str().unwrap();
    for (lang, words) in [
        (
            "en",
            [
                "No dose was part of this preparation visit",
                "done at preparation visit 1",
            ],
        ),
        (
            "fr-CA",
            [
                "Aucune dose ne faisait partie de cette visite (préparation)",
                "fait à la visite de préparation 1",
            ],
        ),
        (
            "pt-BR",
            [
                "Nenhuma dose fez parte desta visita (preparação)",
                "feito na consulta de preparação 1",
            ],
        ),
    ] {
        let out = std::process::Command::new(env!("CARGO_BIN_EXE_kap"))
            .args([
                "export",
                id,
                "--rehearsal",
                "--format",
                "html",
                "--lang",
                lang,
            ])
            .env("KAP_DATA_DIR", tmp.path())
            .output()
            .unwrap();
        let page = String::from_utf8_lossy(&out.stdout);
        for w in words {
            assert!(page.contains(w), "{lang}: {w:?} not in {page}");
        }
        assert!(
            !page.contains("rep-visit"),
            "{lang}: a key unworded: {page}"
        );
    }
}
