//! Fuzzing the monitor feed (#32), bounded in time like
//! tests/fuzz_inputs.rs (`KAP_FUZZ_SECONDS` seconds a target, default 2):
//! the HL7 reader on random bytes, text and damaged PCD-01 messages; the
//! MLLP deframer on random streams cut anywhere (it never holds more than
//! one message's limit); and the listener itself over TCP: random bytes,
//! a frame far past the limit, broken framing, each followed by a good
//! message that must still be answered. No panic, no unbounded memory.

mod common;

use common::fuzz::{budget, fuzz_for};

use common::damage::{apply, damage};
use kap::monitor::hl7::{self, MAX_KEPT, MAX_MESSAGE};
use kap::monitor::listen::Listener;
use kap::monitor::mllp::{self, Deframer};
use proptest::prelude::*;
use proptest::test_runner::{Config, TestRunner};
use std::io::{Read, Write};
use std::net::TcpStream;
use std::time::{Duration, Instant};

fn fixtures() -> Vec<String> {
    let dir = std::path::Path::new(env!("CARGO_MANIFEST_DIR")).join("tests/fixtures/hl7");
    let mut v: Vec<String> = std::fs::read_dir(dir)
        .unwrap()
        .map(|e| std::fs::read_to_string(e.unwrap().path()).unwrap())
        .collect();
    v.sort();
    v
}

/// Random bytes, random text, or a PCD-01 example damaged line by line.
fn messages() -> impl Strategy<Value = Vec<u8>> {
    let files: Vec<String> = fixtures().iter().map(|f| f.replace('\r', "\n")).collect();
    let n = files.len();
    prop_oneof![
        proptest::collection::vec(any::<u8>(), 0..2048),
        "\\PC{0,400}".prop_map(String::into_bytes),
        (0..n, proptest::collection::vec(damage(), 1..6)).prop_map(move |(i, d)| apply(
            &files[i], &d
        )
        .replace('\n', "\r")
        .into_bytes()),
    ]
}

#[test]
fn the_hl7_reader_survives_any_bytes_and_keeps_only_bounded_fields() {
    fuzz_for("hl7::parse", messages(), |bytes| {
        let short = |s: &str| s.chars().count() <= MAX_KEPT;
        match hl7::parse(&bytes) {
            Ok(m) => {
                prop_assert!(short(&m.control_id) && !m.control_id.is_empty());
                prop_assert!(m.patient.as_deref().is_none_or(short));
                prop_assert!(m.bed.as_deref().is_none_or(short));
                prop_assert!(m.observations.len() <= hl7::MAX_OBSERVATIONS);
                for o in &m.observations {
                    prop_assert!(o.value.is_finite());
                    prop_assert!(o.device.as_deref().is_none_or(short));
                }
            }
            Err(p) => {
                prop_assert!(matches!(p.ack_code(), "AE" | "AR"));
            }
        }
        let _ = hl7::control_id_of(&bytes);
        Ok(())
    });
}

#[test]
fn the_deframer_never_holds_more_than_one_message() {
    let stream = proptest::collection::vec(
        prop_oneof![
            proptest::collection::vec(any::<u8>(), 0..512),
            Just(vec![mllp::START]),
            Just(vec![mllp::END, mllp::CR]),
            Just(vec![b'x'; 20_000]),
        ],
        0..12,
    );
    fuzz_for("mllp::Deframer", stream, |chunks| {
        let mut d = Deframer::default();
        for c in chunks {
            for f in d.push(&c) {
                if let mllp::Frame::Message(m) = f {
                    prop_assert!(m.len() <= MAX_MESSAGE + 1);
                }
            }
            prop_assert!(d.held() <= MAX_MESSAGE + 1);
        }
        Ok(())
    });
}

/// Read one framed answer, or fail after 10 s.
fn answer(s: &mut TcpStream) -> String {
    s.set_read_timeout(Some(Duration::from_secs(10))).unwrap();
    let mut got = Vec::new();
    let mut buf = [0u8; 1024];
    while !got.ends_with(&[mllp::END, mllp::CR]) {
        let n = s.read(&mut buf).expect("an answer within 10 s");
        assert!(n > 0, "closed before an answer");
        got.extend_from_slice(&buf[..n]);
    }
    String::from_utf8_lossy(&got).into_owned()
}

#[test]
fn the_listener_answers_a_good_message_after_any_garbage() {
    let l = Listener::start("127.0.0.1:0".parse().unwrap()).unwrap();
    let addr = l.addr();
    // The app's side: answer everything it is handed.
    let stop = std::sync::Arc::new(std::sync::atomic::AtomicBool::new(false));
    let flag = std::sync::Arc::clone(&stop);
    let app = std::thread::spawn(move || {
        while !flag.load(std::sync::atomic::Ordering::Relaxed) {
            for m in l.take() {
                m.answer("AA", "ok");
            }
            std::thread::sleep(Duration::from_millis(5));
        }
    });
    let good = mllp::frame(fixtures()[0].as_bytes());
    let garbage = prop_oneof![
        proptest::collection::vec(any::<u8>(), 0..4096),
        // Broken framing: starts without ends, ends without starts.
        proptest::collection::vec(
            prop_oneof![
                Just(mllp::START),
                Just(mllp::END),
                Just(mllp::CR),
                any::<u8>()
            ],
            0..256
        ),
    ];
    let deadline = Instant::now() + budget();
    let mut runner = TestRunner::new(Config {
        cases: 16,
        failure_persistence: None,
        ..Config::default()
    });
    while Instant::now() < deadline {
        runner
            .run(&garbage, |junk| {
                let mut s = TcpStream::connect(addr).unwrap();
                s.write_all(&junk).unwrap();
                // Whatever came before, a fresh start and a whole message
                // are read and answered (answers to junk frames first).
                s.write_all(&good).unwrap();
                let mut seen = String::new();
                while !seen.contains("MSA|AA|BP-0001|") {
                    seen.push_str(&answer(&mut s));
                    prop_assert!(seen.len() < 1 << 20);
                }
                Ok(())
            })
            .unwrap();
    }
    // A frame far past the limit is dropped as it comes and answered AR.
    let mut s = TcpStream::connect(addr).unwrap();
    s.write_all(&[mllp::START]).unwrap();
    let chunk = vec![b'A'; 64 * 1024];
    for _ in 0..64 {
        s.write_all(&chunk).unwrap();
    }
    s.write_all(&[mllp::END, mllp::CR]).unwrap();
    let a = answer(&mut s);
    assert!(a.contains("MSA|AR||message too large"), "{a:?}");
    s.write_all(&good).unwrap();
    assert!(answer(&mut s).contains("MSA|AA|BP-0001|"));
    stop.store(true, std::sync::atomic::Ordering::Relaxed);
    app.join().unwrap();
}
