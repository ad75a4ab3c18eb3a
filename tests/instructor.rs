//! The instructor's console against a real rehearsal: two kap processes in
//! two pseudo-terminals, as an instructor and a trainee would run them on
//! one machine. An injected change reaches the trainee's monitor (and only
//! what a monitor would show), is written to the simulation log, and
//! survives a resume.

mod common;

use common::pty::{CTRL_Q, ENTER, Pty, only_session};

const TRAINEE: &[&str] = &[
    "rehearse",
    "--protocol",
    "protocols/montreal.toml",
    "--scenario",
    "scenarios/montreal-uneventful.toml",
    "--speed",
    "1",
];

/// The systolic value on the trainee's monitor line ("NIBP 192/80 at …").
fn monitor_systolic(screen: &str) -> Option<u32> {
    let after = screen.split("NIBP ").nth(1)?;
    after.split('/').next()?.trim().parse().ok()
}

#[test]
fn an_injected_bp_rise_reaches_the_trainees_monitor_and_the_simulation_log() {
    let tmp = tempfile::tempdir().unwrap();
    let mut trainee = Pty::spawn(TRAINEE, tmp.path());
    trainee.wait_for("REHEARSAL", 20);
    trainee.send(ENTER);
    trainee.wait_for("MONITOR", 20);
    trainee.send("b");
    let before = monitor_systolic(&trainee.wait_for("NIBP 1", 10)).expect("a first BP");
    assert!(before < 150, "the uneventful baseline: {before}");

    let mut instructor = Pty::spawn(&["instruct"], tmp.path());
    instructor.wait_for("Named injections", 20);
    instructor.wait_for("BP climbs 50/25", 5);
    // The trainee's side, as the instructor sees it.
    instructor.wait_for("Check-in", 5);
    // A positive risk screen at check-in reaches the instructor's side
    // (the line the trainee's screen shows).
    trainee.send("!");
    for k in ["1", "2", "1", "1", "2"] {
        trainee.send(k);
    }
    trainee.send(ENTER);
    trainee.wait_for("RISK SCREEN POSITIVE", 10);
    instructor.wait_for("RISK SCREEN POSITIVE", 10);
    trainee.send("a");
    trainee.send("paged the psychiatrist");
    trainee.send(ENTER);
    // The safety plan opens once the alarm is acknowledged; not now.
    trainee.wait_for("Safety plan 1/6", 10);
    trainee.send("\x1b");
    trainee.wait_for("0 of 6 elements written", 10);
    trainee.send("\x1b");
    trainee.wait_until("the plan closed", 10, |s| !s.contains("elements written"));

    instructor.send("s");
    instructor.wait_for("systolic BP change", 5);
    instructor.send("+70");
    instructor.send(ENTER);
    instructor.wait_for("systolic BP +70 at once", 10);

    // The trainee sees it only by cycling the cuff, as on a real monitor.
    trainee.send("b");
    let s = trainee.wait_until("the monitor shows the rise", 10, |s| {
        monitor_systolic(s).is_some_and(|x| x >= before + 50)
    });
    assert!(
        !s.contains("+70"),
        "the trainee sees the monitor, not the injection"
    );

    // A line the patient says reaches the trainee's monitor panel.
    instructor.send("t");
    instructor.send("I feel very hot");
    instructor.send(ENTER);
    trainee.wait_for("Patient: I feel very hot", 10);

    // A named injection from the scenario, on its key.
    instructor.send("3");
    trainee.wait_for("asks for a basin", 10);

    // What the console would never send is refused at the socket too: a
    // speed out of range, an injection the scenario does not name, a line
    // that would write escape sequences on the trainee's screen.
    let dir = only_session(&tmp.path().join("rehearsal"));
    let mut raw = kap::instruct::server::Client::connect(&dir).unwrap();
    use kap::instruct::{Reply, Request};
    for bad in [
        Request::Speed { speed: 500.0 },
        Request::Fire { id: "nope".into() },
        Request::Inject {
            injection: kap::rehearsal::inject::Injection::Patient {
                text: "calm\x1b[2Jnow".into(),
            },
        },
    ] {
        let r = raw.ask(&bad, kap::i18n::Lang::En).unwrap();
        assert!(matches!(r, Reply::Refused { .. }), "{bad:?} → {r:?}");
    }

    // A failed cuff gives no reading.
    instructor.send("c");
    instructor.wait_for("Failed: BP cuff", 10);
    trainee.send("b");
    // Shown after the refused requests were answered: had one of them
    // reached the trainee, it would be on screen by now.
    let s = trainee.wait_for("cuff error", 10);
    assert!(
        !s.contains("now"),
        "nothing refused reached the trainee: {s}"
    );

    // Pausing simulated time is announced to the trainee.
    instructor.send(" ");
    instructor.wait_for("SIMULATED TIME PAUSED", 10);
    trainee.wait_for("paused by the instructor", 10);

    let log = std::fs::read_to_string(dir.join("simulation.jsonl")).unwrap();
    assert!(log.contains(r#""change":70.0"#), "{log}");
    assert!(log.contains("I feel very hot"), "{log}");
    assert!(log.contains(r#""device-fails","device":"cuff""#), "{log}");
    assert!(
        log.contains(r#""kind":"paused","by":"instructor""#),
        "{log}"
    );
    assert!(dir.join("scenario.toml").is_file());
    let mode = std::os::unix::fs::PermissionsExt::mode(
        &std::fs::metadata(dir.join("instructor.sock"))
            .unwrap()
            .permissions(),
    );
    assert_eq!(mode & 0o777, 0o600);

    // The trainee leaves; the console says the rehearsal has gone and the
    // socket is removed.
    instructor.send("q");
    instructor.wait_exit(10.0).expect("the console quits");
    trainee.send(CTRL_Q);
    trainee.wait_for("Leave kap?", 5);
    trainee.send("y");
    trainee.wait_exit(10.0).expect("the rehearsal quits");
    assert!(!dir.join("instructor.sock").exists());

    // Replayed, the monitor shows what it showed: at the end, the injected
    // rise the cuff read, and the patient's last words.
    let id = dir.file_name().unwrap().to_string_lossy().to_string();
    let log_before = std::fs::read(dir.join("simulation.jsonl")).unwrap();
    let mut replay = Pty::spawn(&["replay", &id, "--speed", "60"], tmp.path());
    replay.wait_for("REPLAY", 10);
    let end = replay.wait_for("asks for a basin", 20);
    assert!(
        monitor_systolic(&end).is_some_and(|x| x >= before + 50),
        "{end}"
    );
    replay.send("q");
    replay.wait_exit(10.0).expect("the replay quits");
    assert_eq!(
        std::fs::read(dir.join("simulation.jsonl")).unwrap(),
        log_before,
        "a replay writes nothing"
    );
    assert!(
        !dir.join("instructor.sock").exists(),
        "a replay serves nothing"
    );

    // Resumed, the rehearsal has the same patient: the injected rise and
    // the failed cuff are still there.
    let mut again = Pty::spawn(&["resume", "--rehearsal", &id], tmp.path());
    again.wait_for("MONITOR", 20);
    again.send("b");
    again.wait_for("cuff error", 10);

    // Ended, the trainee report lists what the instructor changed, in both
    // its Markdown and its HTML page, and states the speeds used.
    again.send("E");
    again.wait_for("End the session early", 5);
    again.send("y");
    again.wait_for("End the session early — reason", 5);
    again.send("end of drill");
    again.send(ENTER);
    again.wait_for("Trainee report", 10);
    let md = std::fs::read_to_string(dir.join("trainee-report.md")).unwrap();
    assert!(md.contains("What the instructor changed"), "{md}");
    assert!(md.contains("systolic BP +70 at once"), "{md}");
    assert!(md.contains("I feel very hot"), "{md}");
    assert!(md.contains("BP cuff fails"), "{md}");
    // The resumed run went on at the speed the first one ran at.
    assert!(md.contains("speed: ×1."), "{md}");
    assert!(!md.contains("×30"), "{md}");
    let html = std::fs::read_to_string(dir.join("trainee-report.html")).unwrap();
    assert!(
        html.contains("Instructor: systolic BP +70 at once"),
        "{html}"
    );
    again.send("q");
    again.wait_exit(10.0).expect("the rehearsal quits");

    // Exported later, the page is rebuilt from the folder: the same
    // analysis, the instructor's changes included.
    let out = std::process::Command::new(env!("CARGO_BIN_EXE_kap"))
        .args(["export", &id, "--format", "html"])
        .env("KAP_DATA_DIR", tmp.path())
        .env("LANG", "C")
        .env_remove("KAP_LANG")
        .output()
        .unwrap();
    assert!(out.status.success());
    let page = String::from_utf8_lossy(&out.stdout);
    assert!(page.contains("What the instructor changed"), "{page}");
    assert!(
        page.contains("Instructor: systolic BP +70 at once"),
        "{page}"
    );
}

#[test]
fn instruct_says_when_no_rehearsal_is_running() {
    let tmp = tempfile::tempdir().unwrap();
    let out = std::process::Command::new(env!("CARGO_BIN_EXE_kap"))
        .arg("instruct")
        .env("KAP_DATA_DIR", tmp.path())
        .env("LANG", "C")
        .env_remove("KAP_LANG")
        .output()
        .unwrap();
    assert!(!out.status.success());
    let err = String::from_utf8_lossy(&out.stderr);
    assert!(err.contains("no rehearsal is running"), "{err}");
}
