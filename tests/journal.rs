//! The journal: replay rebuilds the state exactly, a crash loses nothing
//! that was shown as saved, a torn last line never blocks a resume, and
//! records are private.

use kap::protocol::{self, PromptKind, Protocol};
use kap::record::journal;
use kap::record::{OpenSession, RecordOrRefusal, Store};
use kap::session::vitals::Reading;
use kap::session::{Clock, Event, MINUTE, SessionStart, SimClock};
use proptest::prelude::*;
use std::io::{BufRead, BufReader, Write};
use std::os::unix::fs::PermissionsExt;
use std::path::{Path, PathBuf};
use std::process::{Command, Stdio};

fn root() -> PathBuf {
    PathBuf::from(env!("CARGO_MANIFEST_DIR"))
}

fn protocol_text(name: &str) -> String {
    std::fs::read_to_string(root().join("protocols").join(name)).unwrap()
}

fn parsed(name: &str) -> Protocol {
    protocol::load_str(Path::new(name), &protocol_text(name))
        .unwrap()
        .protocol
}

fn start(p: &Protocol, session: u32, rehearsal: bool) -> SessionStart {
    SessionStart {
        patient: "P 017/ü".into(),
        session,
        protocol_id: p.protocol.id.clone(),
        protocol_version: p.protocol.version.clone(),
        weight_kg: 70.0,
        mg_per_kg: 0.5,
        dose_mg: 35.0,
        rehearsal,
        schedule_note: None,
        course_note: None,
        ui: None,
        lang: None,
        visit: None,
        identity: None,
        clinicians: vec![],
    }
}

fn new_session(store: &Store, clock: &SimClock, rehearsal: bool) -> OpenSession {
    let p = parsed("montreal.toml");
    store
        .create_session(
            &protocol_text("montreal.toml"),
            start(&p, 5, rehearsal),
            &clock.now(),
        )
        .unwrap()
}

/// One step of a random session: a wait or an event attempt.
#[derive(Debug, Clone)]
enum Op {
    Wait(i64),
    Answer(usize, String),
    Tick(usize, bool),
    Vitals(u16, u16, Option<u16>, Option<u16>),
    Note(String),
    Advance(bool),
    Start,
    Pause,
    Resume,
    Stop,
    Ack(u32),
    MusicStart,
    MusicEnd,
    CheckIn,
    Debrief,
    Close,
}

fn op() -> impl Strategy<Value = Op> {
    prop_oneof![
        4 => (0i64..16).prop_map(Op::Wait),
        3 => (any::<usize>(), "[a-z ]{0,12}").prop_map(|(i, s)| Op::Answer(i, s)),
        3 => (any::<usize>(), any::<bool>()).prop_map(|(i, b)| Op::Tick(i, b)),
        4 => (90u16..230, 50u16..89, proptest::option::of(40u16..160), proptest::option::of(80u16..101))
            .prop_map(|(s, d, h, o)| Op::Vitals(s, d, h, o)),
        1 => "\\PC{0,20}".prop_map(Op::Note),
        4 => any::<bool>().prop_map(Op::Advance),
        2 => Just(Op::Start),
        1 => Just(Op::Pause),
        1 => Just(Op::Resume),
        1 => Just(Op::Stop),
        1 => (1u32..5).prop_map(Op::Ack),
        1 => Just(Op::MusicStart),
        1 => Just(Op::MusicEnd),
        1 => Just(Op::CheckIn),
        1 => Just(Op::Debrief),
        1 => Just(Op::Close),
    ]
}

fn event_for(op: &Op, p: &Protocol) -> Option<Event> {
    let prompts: Vec<(&str, PromptKind)> = p
        .phases
        .iter()
        .flat_map(|ph| ph.prompts.iter().map(|x| (x.id.as_str(), x.kind)))
        .collect();
    let text_prompts: Vec<&str> = prompts
        .iter()
        .filter(|(_, k)| *k == PromptKind::Text)
        .map(|(i, _)| *i)
        .collect();
    let checks: Vec<&str> = prompts
        .iter()
        .filter(|(_, k)| *k == PromptKind::Check)
        .map(|(i, _)| *i)
        .collect();
    Some(match op {
        Op::Wait(_) => return None,
        Op::Answer(i, s) => Event::Answered {
            prompt: text_prompts[i % text_prompts.len()].into(),
            text: s.clone(),
        },
        Op::Tick(i, b) => Event::Ticked {
            prompt: checks[i % checks.len()].into(),
            checked: *b,
            evidence: None,
        },
        Op::Vitals(s, d, h, o) => Event::Vitals {
            reading: Reading {
                systolic: Some(*s),
                diastolic: Some(*d),
                hr: *h,
                spo2: *o,
            },
        },
        Op::Note(t) => Event::Note {
            text: t.clone(),
            tags: vec!["nausea".into()],
            outside: None,
        },
        Op::Advance(with_reason) => Event::Advanced {
            reason: with_reason.then(|| "time pressure".to_string()),
        },
        Op::Start => Event::DosingStarted,
        Op::Pause => Event::DosingPaused {
            reason: "nausea".into(),
        },
        Op::Resume => Event::DosingResumed,
        Op::Stop => Event::DosingStopped {
            reason: "asked to stop".into(),
        },
        Op::Ack(n) => Event::AlertAcknowledged {
            alert: *n,
            action: Some("rechecked".into()),
        },
        Op::MusicStart => Event::MusicStarted { track: None },
        Op::MusicEnd => Event::MusicEnded,
        Op::CheckIn => Event::CheckedIn { note: None },
        Op::Debrief => Event::DebriefStarted,
        Op::Close => Event::Closed,
    })
}

/// Open a session this test just let go of. Another test of this binary
/// may be starting a child process at that moment: between its fork and
/// its exec the child shares every open file description, the lock's
/// included, so for those microseconds the lock still looks held. Wait it
/// out briefly (kap itself starts no child while a session is open).
fn reopen(dir: &std::path::Path) -> OpenSession {
    let mut tries = 0;
    loop {
        match OpenSession::open(dir) {
            Err(kap::record::RecordError::Locked(_)) if tries < 50 => {
                tries += 1;
                std::thread::sleep(std::time::Duration::from_millis(20));
            }
            other => return other.unwrap(),
        }
    }
}

proptest! {
    #![proptest_config(ProptestConfig { cases: 40, ..ProptestConfig::default() })]

    /// Any sequence of events → journal on disk → replay gives the same state.
    #[test]
    fn journal_replay_rebuilds_identical_state(ops in proptest::collection::vec(op(), 1..80)) {
        let tmp = tempfile::tempdir().unwrap();
        let store = Store::at(tmp.path().join("data"));
        let clock = SimClock::fixed();
        let p = parsed("montreal.toml");
        let mut open = new_session(&store, &clock, false);
        let mut saved = 1;
        for op in &ops {
            if let Op::Wait(m) = op {
                clock.advance(m * MINUTE + 7);
                continue;
            }
            let Some(ev) = event_for(op, &p) else { continue };
            match open.record(ev, &clock.now()) {
                Ok(seq) => { saved += 1; prop_assert_eq!(seq, saved); }
                Err(RecordOrRefusal::Refused(_)) => {}
                Err(RecordOrRefusal::Disk(e)) => panic!("disk: {e:?}"),
            }
        }
        // One writer per session: the first must let go before a reopen.
        let (dir, jpath, live) = (open.dir.clone(), open.journal.path().to_path_buf(), open.session.clone());
        drop(open);
        let reopened = reopen(&dir);
        prop_assert!(reopened.warnings.is_empty());
        prop_assert!(reopened.problems.is_empty());
        prop_assert_eq!(&reopened.session, &live);
        // And the same through the pure replay of the parsed lines.
        let outcome = journal::read(&jpath).unwrap();
        prop_assert_eq!(outcome.records.len() as u64, saved);
    }

    /// Damaged journal bytes never panic the reader.
    #[test]
    fn damaged_journals_never_panic(bytes in proptest::collection::vec(any::<u8>(), 0..600)) {
        let _ = journal::parse(&bytes);
    }
}

#[test]
fn sigkill_while_writing_loses_nothing_shown_as_saved() {
    for kill_after in [5usize, 60, 300] {
        let tmp = tempfile::tempdir().unwrap();
        let mut child = Command::new(env!("CARGO_BIN_EXE_kap-dev"))
            .args([
                "journal-writer",
                "--protocol",
                "protocols/montreal.toml",
                "--count",
                "1000000",
            ])
            .current_dir(root())
            .env("KAP_DATA_DIR", tmp.path())
            .env("RUST_BACKTRACE", "0")
            .stdout(Stdio::piped())
            .stderr(Stdio::piped())
            .spawn()
            .unwrap();
        let mut lines = BufReader::new(child.stdout.take().unwrap()).lines();
        let dir = lines
            .next()
            .unwrap()
            .unwrap()
            .strip_prefix("dir ")
            .unwrap()
            .to_string();
        let mut saved = Vec::new();
        for line in lines.by_ref() {
            let line = line.unwrap();
            saved.push(line.strip_prefix("saved ").unwrap().parse::<u64>().unwrap());
            if saved.len() >= kill_after {
                break;
            }
        }
        child.kill().unwrap(); // SIGKILL
        // Anything it managed to print before dying was also saved.
        for line in lines {
            match line {
                Ok(l) => saved.push(l.strip_prefix("saved ").unwrap().parse().unwrap()),
                Err(_) => break,
            }
        }
        let _ = child.wait();
        let outcome = journal::read(&Path::new(&dir).join("journal.jsonl")).unwrap();
        let on_disk: Vec<u64> = outcome.records.iter().map(|r| r.seq).collect();
        for s in &saved {
            assert!(
                on_disk.contains(s),
                "entry {s} was shown as saved but is missing"
            );
        }
        assert!(outcome.problems.is_empty());
        // The record still opens and replays.
        let open = OpenSession::open(Path::new(&dir)).unwrap();
        assert!(open.session.notes.len() as u64 >= saved.len() as u64 - 1);
    }
}

#[test]
fn a_torn_last_line_is_reported_skipped_and_cut_off() {
    let tmp = tempfile::tempdir().unwrap();
    let store = Store::at(tmp.path());
    let clock = SimClock::fixed();
    let mut open = new_session(&store, &clock, false);
    open.record(
        Event::Answered {
            prompt: "life-events".into(),
            text: "moved house".into(),
        },
        &clock.now(),
    )
    .unwrap();
    let before = open.session.clone();
    let jpath = open.journal.path().to_path_buf();
    drop(open);
    // A crash mid-write leaves half a line.
    let mut f = std::fs::OpenOptions::new()
        .append(true)
        .open(&jpath)
        .unwrap();
    f.write_all(br#"{"v":1,"seq":3,"rehearsal":false,"at":{"wa"#)
        .unwrap();
    drop(f);

    let outcome = journal::read(&jpath).unwrap();
    assert_eq!(outcome.records.len(), 2);
    assert_eq!(outcome.torn.as_ref().unwrap().0, 3);

    let dir = jpath.parent().unwrap();
    let mut reopened = OpenSession::open(dir).unwrap();
    assert_eq!(reopened.warnings.len(), 1);
    assert!(
        reopened.warnings[0]
            .say(kap::i18n::Lang::En)
            .contains(":3: the last entry was cut short")
    );
    assert_eq!(reopened.session, before);
    assert!(
        jpath.with_extension("torn").is_file(),
        "torn bytes kept aside"
    );
    // The next entry starts on a clean line and everything reads back.
    clock.advance(MINUTE);
    let seq = reopened
        .record(
            Event::Note {
                text: "after the crash".into(),
                tags: vec![],
                outside: None,
            },
            &clock.now(),
        )
        .unwrap();
    assert_eq!(seq, 3);
    let outcome = journal::read(&jpath).unwrap();
    assert!(outcome.torn.is_none());
    assert!(outcome.problems.is_empty());
    assert_eq!(outcome.records.len(), 3);
}

fn mode(p: &Path) -> u32 {
    std::fs::metadata(p).unwrap().permissions().mode() & 0o777
}

#[test]
fn folders_are_0700_and_files_0600() {
    let tmp = tempfile::tempdir().unwrap();
    let store = Store::at(tmp.path().join("kap-data"));
    let clock = SimClock::fixed();
    let open = new_session(&store, &clock, false);
    assert_eq!(mode(store.root()), 0o700);
    assert_eq!(mode(&store.tree(false)), 0o700);
    assert_eq!(mode(&open.dir), 0o700);
    assert_eq!(mode(&open.dir.join("journal.jsonl")), 0o600);
    assert_eq!(mode(&open.dir.join("protocol.toml")), 0o600);
    // The folder name carries a safe form of the patient id.
    let name = open.dir.file_name().unwrap().to_string_lossy().into_owned();
    assert!(name.starts_with("P_017__-s5-20260105T090000"), "{name}");
}

#[test]
fn rehearsals_live_apart_and_every_line_says_so() {
    let tmp = tempfile::tempdir().unwrap();
    let store = Store::at(tmp.path());
    let clock = SimClock::fixed();
    let mut r = new_session(&store, &clock, true);
    r.record(
        Event::Note {
            text: "practice".into(),
            tags: vec![],
            outside: None,
        },
        &clock.now(),
    )
    .unwrap();
    let real = new_session(&store, &clock, false);
    assert!(r.dir.starts_with(store.tree(true)));
    assert!(real.dir.starts_with(store.tree(false)));
    assert_ne!(store.tree(true), store.tree(false));
    let text = std::fs::read_to_string(r.journal.path()).unwrap();
    assert_eq!(text.lines().count(), 2);
    for line in text.lines() {
        assert!(line.contains("\"rehearsal\":true"), "{line}");
    }
    assert_eq!(store.unfinished(true).len(), 1);
    assert_eq!(store.unfinished(false).len(), 1);
}

#[test]
fn a_resumed_infusion_shows_the_true_elapsed_time() {
    let tmp = tempfile::tempdir().unwrap();
    let store = Store::at(tmp.path());
    let clock = SimClock::fixed();
    let mut open = new_session(&store, &clock, false);
    // Walk to the infusion, skipping prompts with a reason.
    while open.session.current_phase().id != "baseline" {
        open.record(
            Event::Advanced {
                reason: Some("test".into()),
            },
            &clock.now(),
        )
        .unwrap();
    }
    for id in ["readiness", "consent", "iv-line"] {
        open.record(
            Event::Ticked {
                prompt: id.into(),
                checked: true,
                evidence: None,
            },
            &clock.now(),
        )
        .unwrap();
    }
    let reading = kap::session::vitals::parse("120/80 70 98").unwrap();
    open.record(Event::Vitals { reading }, &clock.now())
        .unwrap();
    open.record(Event::Advanced { reason: None }, &clock.now())
        .unwrap();
    open.record(Event::DosingStarted, &clock.now()).unwrap();
    clock.advance(7 * MINUTE);
    let dir = open.dir.clone();
    drop(open); // the program dies here
    clock.advance(9 * MINUTE); // …and is not running for 9 minutes
    let back = OpenSession::open(&dir).unwrap();
    assert_eq!(back.session.dosing.elapsed(&clock.now()), 16 * MINUTE);
    let listed = store.unfinished(false);
    assert_eq!(listed.len(), 1);
    assert_eq!(listed[0].events, 10);
}

#[test]
fn resume_command_lists_and_shows_sessions() {
    let tmp = tempfile::tempdir().unwrap();
    let store = Store::at(tmp.path());
    let clock = SimClock::fixed();
    let open = new_session(&store, &clock, false);
    let id = open.dir.file_name().unwrap().to_string_lossy().into_owned();
    let out = Command::new(env!("CARGO_BIN_EXE_kap"))
        .arg("resume")
        .env("KAP_DATA_DIR", tmp.path())
        .output()
        .unwrap();
    let s = String::from_utf8_lossy(&out.stdout);
    assert!(s.contains(&id), "{s}");
    let out = Command::new(env!("CARGO_BIN_EXE_kap"))
        .args(["resume", &id, "--status"])
        .env("KAP_DATA_DIR", tmp.path())
        .output()
        .unwrap();
    let s = String::from_utf8_lossy(&out.stdout);
    assert!(s.contains("session 5 of 6"), "{s}");
    assert!(s.contains("phase 1 of 8: Check-in"), "{s}");
}

/// A kill between creating a temporary file and renaming it into place
/// (a summary, a report, the protocol copy) leaves `.NAME.<hex>.tmp`:
/// reopening the session removes those old enough to have no writer, and
/// nothing else.
#[test]
fn temporary_files_left_by_a_kill_are_removed_when_the_session_is_reopened() {
    let tmp = tempfile::tempdir().unwrap();
    let store = Store::at(tmp.path());
    let p = parsed("montreal.toml");
    let clock = SimClock::fixed();
    let open = store
        .create_session(
            &protocol_text("montreal.toml"),
            start(&p, 1, true),
            &clock.now(),
        )
        .unwrap();
    let dir = open.dir.clone();
    drop(open);
    let hex = "0123456789abcdef0123456789abcdef";
    let old = dir.join(format!(".summary.md.{hex}.tmp"));
    let fresh = dir.join(format!(".report.md.{hex}.tmp"));
    let other = dir.join("notes.tmp");
    for f in [&old, &fresh, &other] {
        std::fs::write(f, "half").unwrap();
    }
    let long_ago = std::time::SystemTime::now() - journal::STALE_TEMP * 2;
    for f in [&old, &other] {
        std::fs::File::options()
            .write(true)
            .open(f)
            .unwrap()
            .set_modified(long_ago)
            .unwrap();
    }
    drop(OpenSession::open(&dir).unwrap());
    assert!(!old.exists(), "an old temporary file is removed");
    assert!(fresh.exists(), "one a writer may still rename is kept");
    assert!(other.exists(), "a file kap did not name is kept");
}
