//! Fuzzing, bounded in time: every reader of outside input is fed random
//! and damaged input for `KAP_FUZZ_SECONDS` seconds each (default 2; CI
//! sets more), and none may panic.
//!
//! - the protocol loader: arbitrary bytes, arbitrary text, damaged copies
//!   of the shipped protocols (and every error it gives has a position);
//! - the scenario loader: the same, and a scenario that loads is simulated
//!   for two hours;
//! - the vitals quick-entry parser;
//! - playlist parsing;
//! - journal replay of damaged files: a real session's journal with bytes
//!   flipped, cut, deleted or repeated, read and reopened as `kap resume`
//!   and the exports do. A journal cut anywhere keeps every whole line
//!   before the cut.
//!
//! Property-based rather than `cargo fuzz`: that needs a nightly compiler
//! and a second, instrumented build of every dependency; this runs inside
//! `cargo test` with the build it already has. A failure prints the
//! smallest input proptest could shrink it to.

mod common;

use common::fuzz::fuzz_for;

use common::damage::{apply, damage};
use kap::protocol;
use kap::protocol::Metric;
use kap::record::store::{OpenSession, read_session};
use kap::rehearsal::{Patient, scenario};
use kap::session::{Moment, SimClock};
use kap::tui::app::Screen;
use kap::tui::theme::ThemeName;
use proptest::prelude::*;
use proptest::test_runner::TestCaseError;
use std::path::{Path, PathBuf};
use std::sync::OnceLock;

fn root() -> PathBuf {
    PathBuf::from(env!("CARGO_MANIFEST_DIR"))
}

fn shipped(folder: &str, ext: &str) -> Vec<String> {
    let mut v: Vec<String> = std::fs::read_dir(root().join(folder))
        .unwrap()
        .map(|e| e.unwrap().path())
        .filter(|p| p.extension().is_some_and(|e| e == ext))
        .map(|p| std::fs::read_to_string(p).unwrap())
        .collect();
    v.sort();
    assert!(!v.is_empty(), "no shipped {folder}");
    v
}

/// Raw bytes, text, or a shipped file with damage: the three kinds of
/// input every text loader gets.
fn text_inputs(files: Vec<String>) -> impl Strategy<Value = Vec<u8>> {
    let n = files.len();
    prop_oneof![
        proptest::collection::vec(any::<u8>(), 0..2048),
        "\\PC{0,400}".prop_map(String::into_bytes),
        (0..n, proptest::collection::vec(damage(), 1..6))
            .prop_map(move |(i, d)| apply(&files[i], &d).into_bytes()),
    ]
}

fn positions_are_inside(text: &[u8], diags: &[protocol::Diagnostic]) -> Result<(), TestCaseError> {
    prop_assert!(!diags.is_empty());
    let lines = String::from_utf8_lossy(text).lines().count().max(1);
    for d in diags {
        prop_assert!(
            d.line >= 1 && d.line <= lines + 1,
            "{}",
            d.say(kap::i18n::Lang::En)
        );
        prop_assert!(d.column >= 1, "{}", d.say(kap::i18n::Lang::En));
    }
    Ok(())
}

#[test]
fn protocol_loader_never_panics_and_errors_have_positions() {
    fuzz_for(
        "protocol loader",
        text_inputs(shipped("protocols", "toml")),
        |bytes| match protocol::load_bytes(Path::new("fuzz.toml"), &bytes) {
            Ok(_) => Ok(()),
            Err(diags) => positions_are_inside(&bytes, &diags),
        },
    );
}

#[test]
fn scenario_loader_never_panics_and_a_loaded_scenario_simulates() {
    fuzz_for(
        "scenario loader",
        text_inputs(shipped("scenarios", "toml")),
        |bytes| {
            let Ok(text) = std::str::from_utf8(&bytes) else {
                return Ok(());
            };
            match scenario::load_str(Path::new("fuzz.toml"), text, kap::i18n::Lang::En) {
                Ok(sc) => {
                    // Two hours of monitor, every simulated minute.
                    let mut patient = Patient::new(sc, None);
                    let clock = SimClock::fixed();
                    let origin: Moment = kap::session::Clock::now(&clock);
                    for _ in 0..120 {
                        clock.advance(kap::session::MINUTE);
                        let now = kap::session::Clock::now(&clock);
                        let _ = patient.view(&now, &origin, Some(&origin));
                        let Some((sys, dia)) = patient.cycle_cuff(&now, &origin, Some(&origin))
                        else {
                            continue;
                        };
                        prop_assert!(dia < sys, "cuff read {sys}/{dia}");
                        for m in Metric::ALL {
                            prop_assert!(patient.value(m, Some(1.0), 1.0).is_finite());
                        }
                    }
                    Ok(())
                }
                Err(diags) => positions_are_inside(&bytes, &diags),
            }
        },
    );
}

#[test]
fn vitals_parser_always_answers() {
    fuzz_for(
        "vitals parser",
        prop_oneof![
            "\\PC{0,60}",
            "[0-9 /%a-z=,.:-]{0,40}",
            proptest::collection::vec(
                prop_oneof![
                    Just("bp".to_string()),
                    Just("hr".to_string()),
                    Just("spo2".to_string()),
                    Just("/".to_string()),
                    (0u64..u64::MAX).prop_map(|n| n.to_string()),
                ],
                0..8
            )
            .prop_map(|v| v.join(" ")),
        ],
        |s| {
            match kap::session::vitals::parse(&s) {
                Ok(r) => prop_assert!(r.check().is_ok(), "{s:?} accepted as {r:?}"),
                Err(e) => prop_assert!(!e.phrase().say(kap::i18n::Lang::En).is_empty()),
            }
            Ok(())
        },
    );
}

#[test]
fn playlist_parser_never_panics() {
    let lists = shipped("playlists", "m3u8");
    let n = lists.len();
    fuzz_for(
        "playlist parser",
        prop_oneof![
            proptest::collection::vec(any::<u8>(), 0..2048),
            proptest::collection::vec(
                prop_oneof![
                    Just("#EXTM3U".to_string()),
                    "#EXTINF:-?[0-9]{0,12},\\PC{0,20}",
                    "kap-ambient:[a-z-]{0,12}(\\?minutes=-?[0-9]{0,12})?",
                    "\\PC{0,40}",
                    Just("https://example.invalid/a.mp3".to_string()),
                    Just("/".to_string()),
                    Just("\r".to_string()),
                ],
                0..20
            )
            .prop_map(|v| v.join("\n").into_bytes()),
            (0..n, proptest::collection::vec(damage(), 1..6))
                .prop_map(move |(i, d)| apply(&lists[i], &d).into_bytes()),
        ],
        |bytes| {
            let list = kap::audio::playlist::parse(
                Path::new("/tmp/fuzz/list.m3u8"),
                &bytes,
                kap::i18n::Lang::En,
            );
            for t in &list.tracks {
                prop_assert!(!t.title.is_empty());
            }
            let _ = kap::audio::PlaylistInfo::of(list);
            Ok(())
        },
    );
}

/// A real session folder (protocol copy and journal) with a few hundred
/// events, made once: its journal bytes and protocol copy.
fn real_session() -> &'static (Vec<u8>, Vec<u8>) {
    static SESSION: OnceLock<(Vec<u8>, Vec<u8>)> = OnceLock::new();
    SESSION.get_or_init(|| {
        let (mut app, clock, _tmp) = common::montreal_app(false, ThemeName::Dim, "P-fuzz", 3);
        common::into_infusion(&mut app, &clock);
        for i in 0..200u16 {
            clock.advance(20 * kap::session::SECOND);
            let ev = if i % 3 == 0 {
                kap::session::Event::Vitals {
                    reading: kap::session::vitals::parse(&format!(
                        "{}/80 {} 97",
                        120 + i % 20,
                        70 + i % 9
                    ))
                    .unwrap(),
                }
            } else {
                kap::session::Event::Note {
                    text: format!("note {i} — ünïcode ✓"),
                    tags: vec!["calm".into()],
                    outside: None,
                }
            };
            common::record(&mut app, &clock, ev);
        }
        let Screen::Session(v) = &app.screen else {
            panic!("not in a session")
        };
        (
            std::fs::read(v.open.journal.path()).unwrap(),
            std::fs::read(v.open.dir.join(kap::record::store::PROTOCOL_COPY)).unwrap(),
        )
    })
}

#[derive(Debug, Clone)]
enum Harm {
    Cut(usize),
    Flip(usize, u8),
    Delete(usize, usize),
    Repeat(usize, usize),
    Insert(usize, Vec<u8>),
}

fn harm() -> impl Strategy<Value = Harm> {
    prop_oneof![
        any::<usize>().prop_map(Harm::Cut),
        (any::<usize>(), 1u8..=255).prop_map(|(i, x)| Harm::Flip(i, x)),
        (any::<usize>(), 1usize..400).prop_map(|(i, n)| Harm::Delete(i, n)),
        (any::<usize>(), 1usize..400).prop_map(|(i, n)| Harm::Repeat(i, n)),
        (
            any::<usize>(),
            prop_oneof![
                proptest::collection::vec(any::<u8>(), 1..40),
                Just(b"\n".to_vec()),
                Just(b"{}\n".to_vec()),
                Just(b"{\"v\":1,\"seq\":1}\n".to_vec()),
            ]
        )
            .prop_map(|(i, b)| Harm::Insert(i, b)),
    ]
}

fn harmed(bytes: &[u8], harms: &[Harm]) -> Vec<u8> {
    let mut b = bytes.to_vec();
    for h in harms {
        let n = b.len().max(1);
        match h {
            Harm::Cut(i) => b.truncate(i % n),
            Harm::Flip(i, x) => {
                if !b.is_empty() {
                    b[i % n] ^= x;
                }
            }
            Harm::Delete(i, len) => {
                let at = (i % n).min(b.len());
                let end = (at + len).min(b.len());
                b.drain(at..end);
            }
            Harm::Repeat(i, len) => {
                let at = (i % n).min(b.len());
                let end = (at + len).min(b.len());
                let piece = b[at..end].to_vec();
                b.splice(end..end, piece);
            }
            Harm::Insert(i, extra) => {
                let at = (i % n).min(b.len());
                b.splice(at..at, extra.iter().copied());
            }
        }
    }
    b
}

fn session_folder(journal: &[u8]) -> tempfile::TempDir {
    let (_, protocol_copy) = real_session();
    let tmp = tempfile::tempdir().unwrap();
    std::fs::write(
        tmp.path().join(kap::record::store::PROTOCOL_COPY),
        protocol_copy,
    )
    .unwrap();
    std::fs::write(tmp.path().join(kap::record::store::JOURNAL), journal).unwrap();
    tmp
}

#[test]
fn damaged_journals_replay_without_panic() {
    let (good, _) = real_session();
    fuzz_for(
        "journal replay",
        proptest::collection::vec(harm(), 1..5),
        |harms| {
            let bytes = harmed(good, &harms);
            let dir = session_folder(&bytes);
            // What the exports do (read only), then what resume does: a
            // record that reads is continued unless its verdict is
            // damaged, and a damaged one is left exactly as it was.
            let read = read_session(dir.path());
            let damaged =
                kap::record::verdict::of_folder(dir.path()).is_ok_and(|(v, _)| v.is_damaged());
            let reopened = OpenSession::open(dir.path());
            prop_assert_eq!(read.is_ok() && !damaged, reopened.is_ok());
            if damaged {
                let now = std::fs::read(dir.path().join(kap::record::store::JOURNAL)).unwrap();
                prop_assert_eq!(&now, &bytes);
            }
            if let Ok(open) = reopened {
                // Reopening leaves a journal that reads back cleanly.
                let again = kap::record::journal::read(open.journal.path()).unwrap();
                prop_assert!(again.torn.is_none());
            }
            Ok(())
        },
    );
}

#[test]
fn a_journal_cut_anywhere_keeps_every_whole_line_before_the_cut() {
    let (good, _) = real_session();
    fuzz_for("journal cut", 0..good.len(), |cut| {
        let bytes = &good[..cut];
        let whole_lines = bytes.iter().filter(|&&b| b == b'\n').count();
        let dir = session_folder(bytes);
        match read_session(dir.path()) {
            Ok(kap::record::store::ReadSession {
                session, warnings, ..
            }) => {
                let out = kap::record::journal::read(&dir.path().join("journal.jsonl")).unwrap();
                prop_assert_eq!(out.records.len(), whole_lines);
                prop_assert_eq!(warnings.is_empty(), bytes.ends_with(b"\n"));
                let vitals = out
                    .records
                    .iter()
                    .filter(|r| matches!(r.event, kap::session::Event::Vitals { .. }))
                    .count();
                prop_assert_eq!(session.vitals.len(), vitals);
            }
            Err(e) => prop_assert_eq!(whole_lines, 0, "{:?}", e),
        }
        Ok(())
    });
}

#[test]
fn any_change_to_a_saved_byte_is_detected() {
    let (good, _) = real_session();
    // Every byte but the line ends: a change to any of them is a finding.
    let positions: Vec<usize> = (0..good.len()).filter(|&i| good[i] != b'\n').collect();
    fuzz_for(
        "journal tamper",
        (0..positions.len(), 1u8..=255),
        |(i, x)| {
            let mut bytes = good.clone();
            let at = positions[i];
            bytes[at] ^= x;
            if bytes[at] == b'\n' {
                return Ok(()); // a split line is a different damage
            }
            let out = kap::record::journal::parse(&bytes);
            prop_assert!(
                !out.problems.is_empty() || out.newer.is_some(),
                "a change at byte {} went unnoticed",
                at
            );
            Ok(())
        },
    );
}
