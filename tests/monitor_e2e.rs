//! End to end with an independent HL7 sender (#32): the Python `hl7`
//! package's `mllp_send` (installed by `.ci/run`; under `CI=true` a
//! missing package fails this test) sends two PCD-01 messages to a real
//! `kap run --monitor` in a pseudo-terminal. Each gets an `AA`; the
//! readings appear as unconfirmed; `O` confirms them; the journal and the
//! FHIR export hold them with their source. `kap resume --monitor`
//! listens as `kap run --monitor` does, with the same check of the
//! address.

mod common;

use common::absent::cannot_run;
use common::pty::{CTRL_Q, Pty, only_session, to_infusion};
use kap::record::journal;
use kap::session::Event;
use std::process::Command;

/// The sender: `mllp_send` from the `hl7` package, run as its module.
fn mllp_send_available() -> bool {
    Command::new("python3")
        .args(["-c", "import hl7.client"])
        .output()
        .is_ok_and(|o| o.status.success())
}

fn fixture(name: &str) -> String {
    std::fs::read_to_string(
        std::path::Path::new(env!("CARGO_MANIFEST_DIR"))
            .join("tests/fixtures/hl7")
            .join(name),
    )
    .unwrap()
}

#[test]
fn python_hl7_mllp_send_reaches_a_real_kap_and_o_confirms_what_it_sent() {
    if !mllp_send_available() {
        cannot_run("the Python hl7 package (python3 -m pip install 'hl7==0.4.5')");
        return;
    }
    // A free loopback port (the listener binds it a moment later).
    let port = std::net::TcpListener::bind("127.0.0.1:0")
        .unwrap()
        .local_addr()
        .unwrap()
        .port();
    let addr = format!("127.0.0.1:{port}");
    let tmp = tempfile::tempdir().unwrap();
    let mut k = Pty::spawn(
        &[
            "run",
            "--protocol",
            "protocols/montreal.toml",
            "--patient",
            "P-017",
            "--session",
            "2",
            "--weight",
            "70",
            "--clinician",
            "A. Martin, RN",
            "--monitor",
            &addr,
        ],
        tmp.path(),
    );
    to_infusion(&mut k);
    let file = tmp.path().join("messages.hl7");
    std::fs::write(&file, fixture("bp-panel.hl7") + &fixture("hr-spo2-rr.hl7")).unwrap();
    let out = Command::new("timeout")
        .args(["30", "python3", "-m", "hl7.client", "--loose", "-f"])
        .arg(&file)
        .args(["-p", &port.to_string(), "127.0.0.1"])
        .output()
        .unwrap();
    let said = String::from_utf8_lossy(&out.stdout).replace('\r', "\n");
    assert!(
        out.status.success(),
        "{said}\n{}",
        String::from_utf8_lossy(&out.stderr)
    );
    assert!(
        said.contains("MSA|AA|BP-0001|recorded, unconfirmed"),
        "{said}"
    );
    assert!(
        said.contains("MSA|AA|VS-0002|recorded, unconfirmed"),
        "{said}"
    );
    k.wait_for("Monitor: 2 unconfirmed", 10);
    k.send("O");
    k.wait_for("Monitor readings confirmed: 2", 10);
    k.send(CTRL_Q);
    k.wait_for("Leave kap?", 5);
    k.send("y");
    assert!(k.wait_exit(10.0).is_some(), "kap did not leave");

    let dir = only_session(&tmp.path().join("sessions"));
    let events: Vec<Event> = journal::read(&dir.join("journal.jsonl"))
        .unwrap()
        .records
        .into_iter()
        .map(|r| r.event)
        .collect();
    let received: Vec<_> = events
        .iter()
        .filter_map(|e| match e {
            Event::MonitorReading(r) => Some((r.control.clone(), r.device.clone())),
            _ => None,
        })
        .collect();
    assert_eq!(
        received,
        vec![
            ("BP-0001".to_string(), "MON-1".to_string()),
            ("VS-0002".to_string(), "MON-1".to_string())
        ]
    );
    let confirmed = events
        .iter()
        .filter(|e| matches!(e, Event::MonitorConfirmed { .. }))
        .count();
    assert_eq!(confirmed, 2);
    let s = kap::record::store::read_session(&dir).unwrap().session;
    let now = s.started_at.plus(60_000);
    let fhir = kap::record::export::fhir(&s, "e2e", &now, &Default::default(), kap::i18n::Lang::En)
        .to_string();
    assert!(
        fhir.contains("monitor MON-1, device time 2026-12-06T10:42:00+00:00, message BP-0001"),
        "{fhir}"
    );
    assert!(fhir.contains("message VS-0002"), "{fhir}");
}

/// `kap rehearse --speed 30 --monitor`: the simulated patient's monitor
/// sends to the listener, so the rehearsal's vitals during the infusion
/// come only that way (the trainee types the baseline set the gate asks
/// for, then only confirms). Real time: about 12 s at ×30.
#[test]
fn a_rehearsal_at_30x_fills_its_vitals_through_the_listener() {
    let port = std::net::TcpListener::bind("127.0.0.1:0")
        .unwrap()
        .local_addr()
        .unwrap()
        .port();
    let addr = format!("127.0.0.1:{port}");
    let tmp = tempfile::tempdir().unwrap();
    let mut k = Pty::spawn(
        &[
            "rehearse",
            "--protocol",
            "protocols/montreal.toml",
            "--scenario",
            "scenarios/montreal-uneventful.toml",
            "--patient",
            "sim",
            "--session",
            "2",
            "--weight",
            "70",
            "--clinician",
            "A. Martin, RN",
            "--speed",
            "30",
            "--monitor",
            &addr,
        ],
        tmp.path(),
    );
    to_infusion(&mut k);
    // The first cuff cycle was sent when the session opened, the
    // continuous measures every simulated minute (2 s): wait for three
    // more to wait than at the infusion's start.
    let waiting = |screen: &str| {
        screen
            .split("Monitor: ")
            .nth(1)
            .and_then(|r| r.split_whitespace().next())
            .and_then(|n| n.parse::<usize>().ok())
            .unwrap_or(0)
    };
    let at_start = waiting(&k.screen());
    k.wait_until("three more monitor readings", 30, |screen| {
        waiting(screen) >= at_start + 3
    });
    k.send("O");
    k.wait_for("Monitor readings confirmed:", 10);
    k.send(CTRL_Q);
    k.wait_for("Leave kap?", 5);
    k.send("y");
    assert!(k.wait_exit(10.0).is_some(), "kap did not leave");
    let dir = only_session(&tmp.path().join("rehearsal"));
    let s = kap::record::store::read_session(&dir).unwrap().session;
    let started = s.dosing.started.clone().expect("the infusion started");
    let during: Vec<_> = s
        .vitals
        .iter()
        .filter(|v| v.at.since(&started) >= 0)
        .collect();
    assert!(!during.is_empty(), "no vitals during the infusion");
    assert!(
        during.iter().all(|v| v.source.is_some()),
        "a vitals entry during the infusion did not come through the listener"
    );
    assert!(
        s.vitals
            .iter()
            .any(|v| v.source.is_some() && v.reading.has_bp())
    );
    assert!(
        s.monitor
            .readings
            .iter()
            .all(|r| r.reading.device == "KAP-SIM")
    );
}

/// A free loopback port (the listener binds it a moment later).
fn free_port() -> u16 {
    std::net::TcpListener::bind("127.0.0.1:0")
        .unwrap()
        .local_addr()
        .unwrap()
        .port()
}

/// `kap resume ID --monitor ADDR`: a session left during its infusion is
/// taken up again listening for the monitor; a LAN address the site did
/// not name is refused before the session opens, as `run` refuses it.
#[test]
fn resume_with_monitor_listens_with_the_same_check_as_run() {
    if !mllp_send_available() {
        cannot_run("the Python hl7 package (python3 -m pip install 'hl7==0.4.5')");
        return;
    }
    let tmp = tempfile::tempdir().unwrap();
    let no_site = tmp.path().join("no-monitor.toml");
    std::fs::write(&no_site, "").unwrap();
    let env = [("KAP_MONITOR_CONFIG", no_site.to_str().unwrap())];
    let args = [
        "run",
        "--protocol",
        "protocols/montreal.toml",
        "--patient",
        "P-017",
        "--session",
        "2",
        "--weight",
        "70",
        "--clinician",
        "A. Martin, RN",
    ];
    let mut launch = common::pty::Launch::new(&args, tmp.path());
    launch.env = &env;
    let mut k = Pty::launch(launch);
    to_infusion(&mut k);
    k.send(CTRL_Q);
    k.wait_for("Leave kap?", 5);
    k.send("y");
    assert!(k.wait_exit(10.0).is_some(), "kap did not leave");
    let dir = only_session(&tmp.path().join("sessions"));
    let id = dir.file_name().unwrap().to_string_lossy().into_owned();

    // A LAN address the site does not name: refused, nothing opened.
    let refused = Command::new(env!("CARGO_BIN_EXE_kap"))
        .args(["resume", &id, "--monitor", "10.1.4.20:2575"])
        .env("KAP_DATA_DIR", tmp.path())
        .env("KAP_MONITOR_CONFIG", &no_site)
        .output()
        .unwrap();
    let err = String::from_utf8_lossy(&refused.stderr);
    assert!(!refused.status.success(), "{err}");
    assert!(
        err.contains("--monitor 10.1.4.20:2575: kap listens on this computer only"),
        "{err}"
    );

    let port = free_port();
    let addr = format!("127.0.0.1:{port}");
    let args = ["resume", id.as_str(), "--monitor", addr.as_str()];
    let mut launch = common::pty::Launch::new(&args, tmp.path());
    launch.env = &env;
    let mut r = Pty::launch(launch);
    r.wait_for("Resumed", 10);
    let file = tmp.path().join("vs.hl7");
    std::fs::write(&file, fixture("hr-spo2-rr.hl7")).unwrap();
    let out = Command::new("timeout")
        .args(["30", "python3", "-m", "hl7.client", "--loose", "-f"])
        .arg(&file)
        .args(["-p", &port.to_string(), "127.0.0.1"])
        .output()
        .unwrap();
    let said = String::from_utf8_lossy(&out.stdout).replace('\r', "\n");
    assert!(
        said.contains("MSA|AA|VS-0002|recorded, unconfirmed"),
        "{said}\n{}",
        String::from_utf8_lossy(&out.stderr)
    );
    r.wait_for("Monitor: 1 unconfirmed", 10);
    r.send(CTRL_Q);
    r.wait_for("Leave kap?", 5);
    r.send("y");
    assert!(r.wait_exit(10.0).is_some(), "kap did not leave");
    let events = journal::read(&dir.join("journal.jsonl")).unwrap().records;
    assert!(
        events
            .iter()
            .any(|e| matches!(&e.event, Event::MonitorReading(m) if m.control == "VS-0002")),
        "the resumed session did not record the monitor's reading"
    );
}
