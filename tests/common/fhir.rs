//! Shared by the tests that talk to a real FHIR R4 server
//! (`fhir_server.rs`, `push.rs`, `site_identity.rs`): starting the server from
//! `../shared/tools/fhir-server/start` (or `KAP_FHIR_SERVER_START`), a
//! plain HTTP/1.1 request to it, and a closed Montreal session to send.
//! Without the server a test skips with a notice, except under `CI=true`
//! (CI has `../shared` beside its clone), where it fails.
//! Included with `#[path]`, so the other test crates do not build it.
#![allow(dead_code)] // each test crate uses part of it

#[path = "absent.rs"]
pub mod absent;

use kap::protocol;
use kap::record::Store;
use kap::session::vitals::parse;
use kap::session::{Clock, Event, MINUTE, SimClock, StartFields, plan_start};
use std::io::{Read, Write};
use std::net::TcpStream;
use std::path::{Path, PathBuf};
use std::process::Command;

pub struct Server {
    pub base: String,
    pid: String,
    _dir: tempfile::TempDir,
}

impl Drop for Server {
    fn drop(&mut self) {
        let _ = Command::new("kill").arg(&self.pid).status();
    }
}

pub fn start_server() -> Option<Server> {
    start_server_checking_profiles(false)
}

/// A server that also validates each resource against the profiles in its
/// `meta.profile` (Helios' default).
pub fn start_server_checking_profiles(profiles: bool) -> Option<Server> {
    // KAP_FHIR_SERVER_START names another start script (same contract:
    // RUN_DIR and PORT in, the base URL on the last line out).
    let script = std::env::var_os("KAP_FHIR_SERVER_START").map_or_else(
        || Path::new(env!("CARGO_MANIFEST_DIR")).join("../shared/tools/fhir-server/start"),
        PathBuf::from,
    );
    if !script.exists() {
        absent::cannot_run(&format!(
            "no FHIR server at {} (set KAP_FHIR_SERVER_START, or `cargo install helios-hfs --version 0.2.7` builds one)",
            script.display()
        ));
        return None;
    }
    let dir = tempfile::tempdir().unwrap();
    let port = std::net::TcpListener::bind("127.0.0.1:0")
        .unwrap()
        .local_addr()
        .unwrap()
        .port();
    // Helios 0.2.7 refuses HL7's own R4 vital-signs examples when they
    // declare the profile (its match of the `VSCat` category slice finds
    // none); `helios_refuses_hl7s_vital_signs_example` in fhir_server.rs
    // shows it. Its check of declared profiles is turned off; the base R4
    // validation stays enforced.
    // The start script unpacks the server into a shared cache on first
    // use, through one fixed temporary name: two tests starting servers at
    // once on a cold cache race on it (one `mv` finds the file gone).
    // Starts in this process go one at a time.
    static STARTING: std::sync::Mutex<()> = std::sync::Mutex::new(());
    let starting = STARTING.lock().unwrap_or_else(|e| e.into_inner());
    let out = Command::new(&script)
        .env("HFS_VALIDATION_META_PROFILES", profiles.to_string())
        .env("RUN_DIR", dir.path())
        .env("PORT", port.to_string())
        .env("DB", ":memory:")
        .output()
        .unwrap();
    drop(starting);
    assert!(
        out.status.success(),
        "{}",
        String::from_utf8_lossy(&out.stderr)
    );
    let base = String::from_utf8_lossy(&out.stdout)
        .lines()
        .last()
        .unwrap()
        .trim()
        .to_string();
    let pid = std::fs::read_to_string(dir.path().join("hfs.pid"))
        .unwrap()
        .trim()
        .to_string();
    Some(Server {
        base,
        pid,
        _dir: dir,
    })
}

/// One HTTP/1.1 request over a plain socket (the server is on 127.0.0.1):
/// the status and the body.
pub fn http(base: &str, method: &str, path: &str, body: &str) -> (u16, String) {
    let host = base.trim_start_matches("http://");
    let mut s = TcpStream::connect(host).unwrap();
    write!(
        s,
        "{method} {path} HTTP/1.1\r\nHost: {host}\r\nAccept: application/fhir+json\r\nContent-Type: application/fhir+json\r\nContent-Length: {}\r\nConnection: close\r\n\r\n{body}",
        body.len()
    )
    .unwrap();
    let mut raw = Vec::new();
    s.read_to_end(&mut raw).unwrap();
    let text = String::from_utf8_lossy(&raw).into_owned();
    let (head, rest) = text.split_once("\r\n\r\n").unwrap();
    let status: u16 = head.split_whitespace().nth(1).unwrap().parse().unwrap();
    let body = if head
        .to_ascii_lowercase()
        .contains("transfer-encoding: chunked")
    {
        let mut out = String::new();
        let mut rest = rest;
        while let Some((size, tail)) = rest.split_once("\r\n") {
            let n = usize::from_str_radix(size.trim(), 16).unwrap_or(0);
            if n == 0 {
                break;
            }
            out.push_str(&tail[..n]);
            rest = &tail[n + 2..];
        }
        out
    } else {
        rest.to_string()
    };
    (status, body)
}

/// A Montreal session with readings (one beyond a high limit, one raising
/// an alarm that is acknowledged), a note, an infusion, a reading marked
/// entered in error and one replaced, consent withdrawn, closed, and an
/// addendum.
pub fn session(rehearsal: bool) -> (kap::session::Session, tempfile::TempDir) {
    let tmp = tempfile::tempdir().unwrap();
    let s = session_in(tmp.path(), rehearsal);
    (s, tmp)
}

/// The same session in the data folder `data`.
pub fn session_in(data: &Path, rehearsal: bool) -> kap::session::Session {
    let path = PathBuf::from(env!("CARGO_MANIFEST_DIR")).join("protocols/montreal.toml");
    let text = std::fs::read_to_string(&path).unwrap();
    let p = protocol::load_str(&path, &text).unwrap().protocol;
    let fields = StartFields {
        patient: "Zoë Ω/1 with a long pseudonym of many characters",
        session: "3",
        weight_kg: "70",
        mg_per_kg: "",
        clinicians: "A. Martin, RN; Dr B. Silva, psychiatrist",
    };
    let (start, _) = plan_start(&p, fields, rehearsal).unwrap();
    let clock = SimClock::fixed();
    let mut open = Store::at(data)
        .create_session(&text, start, &clock.now())
        .unwrap();
    // Every entry made by the nurse named first.
    let by = kap::session::Stamp {
        by: Some("A. Martin, RN".into()),
        taken: None,
    };
    let mut rec = |ev: Event| {
        clock.advance(MINUTE);
        open.record_stamped(ev, &clock.now(), &by).unwrap()
    };
    for _ in 0..3 {
        rec(Event::Advanced {
            reason: Some("test".into()),
        });
    }
    for id in ["readiness", "consent", "iv-line"] {
        rec(Event::Ticked {
            prompt: id.into(),
            checked: true,
            evidence: None,
        });
    }
    rec(Event::Vitals {
        reading: parse("128/82 76 98").unwrap(),
    });
    rec(Event::Answered {
        prompt: "lot-number".into(),
        text: "KX-2291".into(),
    });
    rec(Event::Advanced { reason: None });
    rec(Event::DosingStarted);
    let mut first = 0;
    for v in ["130/84 80 97"; 12] {
        let seq = rec(Event::Vitals {
            reading: parse(v).unwrap(),
        });
        if first == 0 {
            first = seq;
        }
    }
    // SpO2 below its limit raises a high-priority alarm (alarm 1); it is
    // acknowledged with what was done, and the next reading is back in range.
    rec(Event::Vitals {
        reading: parse("130/84 80 90").unwrap(),
    });
    rec(Event::AlertAcknowledged {
        alert: 1,
        action: Some("probe refitted, deep breaths".into()),
    });
    rec(Event::Vitals {
        reading: parse("130/84 80 96").unwrap(),
    });
    // A reading typed wrong, replaced.
    rec(Event::Corrected {
        entry: first,
        reason: "typo in the heart rate".into(),
        with: Some(Box::new(Event::Vitals {
            reading: parse("130/84 78 97").unwrap(),
        })),
    });
    let high = rec(Event::Vitals {
        reading: parse("210/125 80 89").unwrap(),
    });
    rec(Event::Note {
        text: "nausea, offered bowl".into(),
        tags: vec!["nausea".into()],
        outside: None,
    });
    rec(Event::Corrected {
        entry: high,
        reason: "another patient's monitor".into(),
        with: None,
    });
    rec(Event::ConsentWithdrawn {
        reason: "asked to stop".into(),
    });
    rec(Event::Abandoned {
        reason: "went home".into(),
    });
    rec(Event::Addendum {
        text: "phoned the next day: slept well".into(),
        reason: "follow-up call".into(),
    });
    open.session.clone()
}

/// The Patient reference (`Patient/ID`, without its version) among the
/// locations a transaction's answer gives.
pub fn patient_of(locations: &[String]) -> String {
    locations
        .iter()
        .find(|l| l.starts_with("Patient/"))
        .expect("the answer creates or finds the Patient")
        .split("/_history")
        .next()
        .unwrap_or_default()
        .to_string()
}
