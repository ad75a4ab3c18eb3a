//! Fault tests on the real binary: SIGKILL at random points of a scripted
//! rehearsal, a resize storm, no audio device, a data directory that cannot
//! be used, and a disk that refuses writes in the middle of a session.
//!
//! A full disk is made with `RLIMIT_FSIZE` (`prlimit --fsize`) and SIGXFSZ
//! ignored, so a write past the limit fails with an error as on a full
//! disk; no privileges or mounts are needed.

mod common;

use common::pty::{ENTER, Launch, Pty, RIGHT, only_session, to_infusion};
use kap::record::journal::{self, Record};
use kap::session::Event;
use std::path::Path;
use std::process::Command;
use std::time::{Duration, SystemTime, UNIX_EPOCH};

/// splitmix64: a small seeded generator, so a failing run can be repeated
/// with `KAP_FAULT_SEED`.
struct Rng(u64);

impl Rng {
    fn next(&mut self) -> u64 {
        self.0 = self.0.wrapping_add(0x9E37_79B9_7F4A_7C15);
        let mut z = self.0;
        z = (z ^ (z >> 30)).wrapping_mul(0xBF58_476D_1CE4_E5B9);
        z = (z ^ (z >> 27)).wrapping_mul(0x94D0_49BB_1331_11EB);
        z ^ (z >> 31)
    }

    fn below(&mut self, n: u64) -> u64 {
        self.next() % n
    }
}

fn seed() -> u64 {
    std::env::var("KAP_FAULT_SEED")
        .ok()
        .and_then(|s| s.parse().ok())
        .unwrap_or_else(|| {
            SystemTime::now()
                .duration_since(UNIX_EPOCH)
                .map_or(1, |d| d.as_nanos() as u64)
        })
}

fn records(dir: &Path) -> journal::ReadOutcome {
    journal::read(&dir.join("journal.jsonl")).unwrap()
}

fn count(rs: &[Record], f: impl Fn(&Event) -> bool) -> usize {
    rs.iter().filter(|r| f(&r.event)).count()
}

fn has_note(rs: &[Record], text: &str) -> bool {
    rs.iter()
        .any(|r| matches!(&r.event, Event::Note { text: t, .. } if t == text))
}

/// What the journal must hold once a step was shown as saved.
type Holds = Box<dyn Fn(&[Record]) -> bool>;

/// One scripted step: keys, the text that shows it was saved, and what
/// the journal must then hold.
struct Step {
    keys: Vec<String>,
    shown: &'static str,
    holds: Holds,
}

fn step(keys: &[&str], shown: &'static str, holds: impl Fn(&[Record]) -> bool + 'static) -> Step {
    Step {
        keys: keys.iter().map(|k| k.to_string()).collect(),
        shown,
        holds: Box::new(holds),
    }
}

fn script() -> Vec<Step> {
    let advanced =
        |n: usize| move |rs: &[Record]| count(rs, |e| matches!(e, Event::Advanced { .. })) >= n;
    let mut steps = vec![
        step(&[ENTER], "Life events", |rs| {
            matches!(rs.first().map(|r| &r.event), Some(Event::Started(_)))
        }),
        step(
            &[RIGHT, "late arrival", ENTER],
            "Rolling integration",
            advanced(1),
        ),
        step(&[RIGHT], "Intention for today", advanced(2)),
        step(
            &[RIGHT, "skipped in a fault test", ENTER],
            "Patient is psychologically ready",
            advanced(3),
        ),
        step(&["v", "120/80 70 98", ENTER], "Saved", |rs| {
            count(rs, |e| matches!(e, Event::Vitals { .. })) >= 1
        }),
    ];
    for i in 0..6 {
        let text: &'static str = Box::leak(format!("fault note {i}").into_boxed_str());
        steps.push(step(&["n", text, ENTER], "Note saved", move |rs| {
            has_note(rs, text)
        }));
    }
    steps
}

#[test]
fn sigkill_at_random_points_of_a_scripted_rehearsal_loses_nothing_shown_as_saved() {
    let seed = seed();
    eprintln!("KAP_FAULT_SEED={seed}");
    let mut rng = Rng(seed);
    let runs = std::env::var("KAP_FAULT_RUNS")
        .ok()
        .and_then(|s| s.parse().ok())
        .unwrap_or(4);
    for run in 0..runs {
        let tmp = tempfile::tempdir().unwrap();
        let mut k = Pty::spawn(
            &[
                "rehearse",
                "--protocol",
                "protocols/montreal.toml",
                "--patient",
                "fault",
                "--session",
                "2",
                "--weight",
                "70",
                "--speed",
                "30",
            ],
            tmp.path(),
        );
        k.wait_for("Enter starts the session", 10);
        let steps = script();
        let kill_at = rng.below(steps.len() as u64) as usize;
        let mut confirmed = Vec::new();
        for (i, s) in steps.iter().enumerate() {
            if i == kill_at {
                // Kill while this step's keys are still being handled.
                for key in &s.keys {
                    k.send_now(key);
                    // Random pacing, so the kill lands anywhere in the step.
                    std::thread::sleep(Duration::from_millis(rng.below(25)));
                }
                break;
            }
            for key in &s.keys {
                k.send(key);
            }
            k.wait_for(s.shown, 10);
            confirmed.push(i);
        }
        k.kill9();
        drop(k);

        let tree = tmp.path().join("rehearsal");
        let sessions = common::pty::sessions(&tree);
        if kill_at == 0 && sessions.is_empty() {
            // Killed while the session was being created: nothing was
            // shown as saved, and no half-made session is left in view.
            continue;
        }
        let dir = only_session(&tree);
        let out = records(&dir);
        assert!(
            out.problems.is_empty(),
            "run {run} (seed {seed}): damaged lines {:?}",
            out.problems
        );
        for &i in &confirmed {
            assert!(
                (steps[i].holds)(&out.records),
                "run {run} (seed {seed}, killed at step {kill_at}): step {i} was shown as saved but is not in the journal"
            );
        }
        // And the session can be taken up again.
        let id = dir.file_name().unwrap().to_string_lossy().into_owned();
        let status = Command::new(env!("CARGO_BIN_EXE_kap"))
            .args(["resume", "--rehearsal", "--status", &id])
            .env("KAP_DATA_DIR", tmp.path())
            .output()
            .unwrap();
        assert!(
            status.status.success(),
            "run {run} (seed {seed}): {}",
            String::from_utf8_lossy(&status.stderr)
        );
    }
}

const RUN: [&str; 11] = [
    "run",
    "--protocol",
    "protocols/montreal.toml",
    "--patient",
    "fault",
    "--session",
    "2",
    "--weight",
    "70",
    "--clinician",
    "A. Martin, RN",
];

#[test]
fn with_no_audio_device_the_session_goes_on_and_says_why_there_is_no_sound() {
    let tmp = tempfile::tempdir().unwrap();
    // ALSA's default device is a sound card that does not exist.
    let conf = tmp.path().join("asound.conf");
    std::fs::write(
        &conf,
        "pcm.!default { type hw card 42 }\nctl.!default { type hw card 42 }\n",
    )
    .unwrap();
    let data = tmp.path().join("data");
    let conf_s = conf.display().to_string();
    let env = [("ALSA_CONFIG_PATH", conf_s.as_str())];
    let mut k = Pty::launch(Launch {
        env: &env,
        ..Launch::new(&RUN, &data)
    });
    to_infusion(&mut k);
    k.send("m");
    let s = k.wait_for(
        "Music marked as playing — no sound here (no audio device",
        5,
    );
    assert!(
        !s.contains("ALSA lib"),
        "the sound library printed on the screen:\n{s}"
    );
    k.vitals("126/82 74 98");
    let out = records(&only_session(&data.join("sessions")));
    assert!(
        out.records
            .iter()
            .any(|r| matches!(r.event, Event::MusicStarted { .. }))
    );
    assert_eq!(
        count(&out.records, |e| matches!(e, Event::Vitals { .. })),
        2
    );
}

#[test]
fn a_resize_storm_leaves_a_whole_screen_and_a_running_session() {
    let seed = seed();
    eprintln!("KAP_FAULT_SEED={seed}");
    let mut rng = Rng(seed);
    let tmp = tempfile::tempdir().unwrap();
    let mut k = Pty::spawn(&RUN, tmp.path());
    to_infusion(&mut k);
    for _ in 0..300 {
        let rows = 3 + rng.below(70) as u16;
        let cols = 8 + rng.below(220) as u16;
        k.resize(rows, cols);
        if rng.below(4) == 0 {
            // A random gap between resizes: some land mid-redraw, some not.
            std::thread::sleep(Duration::from_millis(rng.below(5)));
        }
    }
    // Too small: a polite message, and the session carries on.
    k.resize(10, 40);
    k.wait_for("Please enlarge the window", 5);
    assert!(k.alive(), "kap died in the resize storm");
    k.resize(30, 100);
    let s = k.wait_for("elapsed of 40:00", 5);
    assert_eq!(s.matches("elapsed of 40:00").count(), 1, "{s}");
    assert!(!s.contains("Please enlarge"), "{s}");
    // Input still works after the storm.
    k.vitals("124/80 72 97");
    k.resize(60, 200);
    let s = k.wait_for("124/80", 5);
    assert!(s.contains("elapsed of 40:00"), "{s}");
    assert!(k.alive());
}

fn kap_output(args: &[&str], data: &Path, wrapper: Option<&str>) -> std::process::Output {
    // The journal writer is a test aid in `kap-dev`, not in kap.
    let kap = if args.first() == Some(&"journal-writer") {
        env!("CARGO_BIN_EXE_kap-dev")
    } else {
        env!("CARGO_BIN_EXE_kap")
    };
    let mut cmd = match wrapper {
        None => Command::new(kap),
        Some(w) => {
            let mut c = Command::new("sh");
            c.args(["-c", w, "sh", kap]);
            c
        }
    };
    cmd.args(args)
        .current_dir(env!("CARGO_MANIFEST_DIR"))
        .env("KAP_DATA_DIR", data)
        .output()
        .unwrap()
}

/// A file-size limit the session's protocol copy fits under, with room
/// for a few kB of journal after it.
fn room_after_protocol() -> u64 {
    std::fs::metadata(concat!(
        env!("CARGO_MANIFEST_DIR"),
        "/protocols/montreal.toml"
    ))
    .map_or(30_000, |m| m.len() + 6_000)
}

/// Ignore SIGXFSZ and limit every file kap writes to `bytes`.
fn full_disk(bytes: u64) -> String {
    format!("trap '' XFSZ; exec prlimit --fsize={bytes} -- \"$@\"")
}

#[test]
fn an_unusable_data_directory_is_refused_before_the_session_starts() {
    let tmp = tempfile::tempdir().unwrap();
    // A folder that cannot be made: its parent is a file.
    let file = tmp.path().join("a-file");
    std::fs::write(&file, "x").unwrap();
    let out = kap_output(&RUN, &file.join("data"), None);
    let err = String::from_utf8_lossy(&out.stderr);
    assert!(!out.status.success());
    assert!(err.contains("the data directory cannot be used"), "{err}");
    assert!(err.contains("KAP_DATA_DIR"), "says what to do: {err}");
    assert!(out.stdout.is_empty(), "the screen was not taken over");

    // A disk with no room: not one byte can be written.
    let data = tmp.path().join("full");
    let out = kap_output(&RUN, &data, Some(&full_disk(0)));
    let err = String::from_utf8_lossy(&out.stderr);
    assert!(!out.status.success());
    assert!(err.contains("is not writable"), "{err}");
    assert!(out.stdout.is_empty(), "the screen was not taken over");
    // The write test leaves nothing behind, even when its write failed.
    let left: Vec<_> = std::fs::read_dir(data.join("sessions"))
        .unwrap()
        .map(|e| e.unwrap().file_name())
        .collect();
    assert!(left.is_empty(), "left behind: {left:?}");
}

/// The journal writer's notes under a file-size limit of `limit` bytes:
/// each run must keep the journal exactly as reported saved; returns
/// whether a note was saved after the first one that failed.
fn writer_run(limit: u64) -> bool {
    let tmp = tempfile::tempdir().unwrap();
    let out = kap_output(
        &[
            "journal-writer",
            "--protocol",
            "protocols/montreal.toml",
            "--count",
            "200",
            "--keep-going",
        ],
        tmp.path(),
        Some(&full_disk(limit)),
    );
    let stdout = String::from_utf8_lossy(&out.stdout);
    assert!(
        out.status.success(),
        "{}",
        String::from_utf8_lossy(&out.stderr)
    );
    let saved: Vec<u64> = stdout
        .lines()
        .filter_map(|l| l.strip_prefix("saved "))
        .map(|n| n.parse().unwrap())
        .collect();
    let failed = stdout.lines().filter(|l| l.starts_with("failed:")).count();
    assert!(failed > 0, "the limit was never reached:\n{stdout}");
    assert!(stdout.contains("NOT SAVED"), "{stdout}");
    let dir = only_session(&tmp.path().join("rehearsal"));
    let out = records(&dir);
    assert!(out.problems.is_empty(), "problems: {:?}", out.problems);
    assert!(out.torn.is_none());
    let seqs: Vec<u64> = out.records.iter().map(|r| r.seq).collect();
    assert_eq!(
        seqs, saved,
        "the journal holds exactly what was reported saved"
    );
    let lines: Vec<&str> = stdout.lines().collect();
    let first_failure = lines.iter().position(|l| l.starts_with("failed:")).unwrap();
    lines[first_failure..]
        .iter()
        .any(|l| l.starts_with("saved "))
}

#[test]
fn a_disk_that_refuses_writes_never_damages_what_was_saved() {
    // Every file kap writes is limited, the protocol's copy too, and the
    // journal's first entry carries the protocol: the limits tried start a
    // little above the protocol's size. The writer's notes cycle in length
    // (0–240 characters), so past the limit long ones fail; at some of
    // these limits a short one still fits after a failure, which shows a
    // failed write left nothing behind. Each run must keep the journal
    // exactly as reported saved.
    let base = room_after_protocol() - 6_000;
    let after_a_failure = (0..16).any(|i| writer_run(base + 2_000 + i * 60));
    assert!(
        after_a_failure,
        "no limit tried saved a note after one failed"
    );
}

#[test]
fn a_disk_that_fills_mid_session_gets_a_loud_banner_and_the_typed_note_is_kept() {
    let tmp = tempfile::tempdir().unwrap();
    // The protocol copy fits; the journal fills after a few notes.
    let wrapper = full_disk(room_after_protocol());
    let mut k = Pty::launch(Launch {
        wrapper: Some(&wrapper),
        ..Launch::new(&RUN, tmp.path())
    });
    k.wait_for("Enter starts the session", 10);
    k.send(ENTER);
    k.wait_for("Life events", 5);
    let journal = only_session(&tmp.path().join("sessions")).join("journal.jsonl");
    let notes_on_disk = || {
        let out = journal::read(&journal).unwrap();
        count(&out.records, |e| matches!(e, Event::Note { .. }))
    };
    let mut shown_saved = Vec::new();
    let mut banner = None;
    'notes: for i in 0..40 {
        let text = format!("long note {i:02} {}", "words ".repeat(150));
        k.send("n");
        k.send_now(&text);
        k.send(ENTER);
        // A deadline, not a wait: a loaded machine takes seconds to echo
        // a 900-character note and save it.
        let deadline = std::time::Instant::now() + Duration::from_secs(30);
        loop {
            let s = k.screen();
            if s.contains("NOT SAVED") {
                banner = Some(s);
                break 'notes;
            }
            if s.contains("Note saved") && notes_on_disk() == i + 1 {
                shown_saved.push(text.trim_end().to_string());
                break;
            }
            assert!(
                std::time::Instant::now() < deadline,
                "note {i} neither saved nor refused:\n{s}"
            );
            std::thread::sleep(Duration::from_millis(30));
        }
    }
    let s = banner.expect("the disk never filled");
    assert!(s.contains("THE LAST ENTRY WAS NOT SAVED"), "{s}");
    assert!(
        s.contains("words words"),
        "the note being typed is kept:\n{s}"
    );
    assert!(k.alive());
    k.kill9();
    drop(k);
    let dir = only_session(&tmp.path().join("sessions"));
    let out = records(&dir);
    assert!(out.problems.is_empty() && out.torn.is_none());
    for text in &shown_saved {
        assert!(has_note(&out.records, text), "lost: {}", &text[..14]);
    }
    assert_eq!(
        count(&out.records, |e| matches!(e, Event::Note { .. })),
        shown_saved.len()
    );
}

#[test]
fn a_kill_while_a_session_is_being_created_leaves_nothing_half_made_for_long() {
    let seed = seed();
    eprintln!("KAP_FAULT_SEED={seed}");
    let mut rng = Rng(seed);
    let tmp = tempfile::tempdir().unwrap();
    let writer = |count: &str| {
        let mut c = Command::new(env!("CARGO_BIN_EXE_kap-dev"));
        c.args([
            "journal-writer",
            "--protocol",
            "protocols/montreal.toml",
            "--count",
            count,
        ])
        .current_dir(env!("CARGO_MANIFEST_DIR"))
        .env("KAP_DATA_DIR", tmp.path())
        .stdout(std::process::Stdio::null())
        .stderr(std::process::Stdio::null());
        c
    };
    let tree = tmp.path().join("rehearsal");
    std::fs::create_dir_all(&tree).unwrap();
    // What a kill in the middle of creating leaves: a hidden folder named
    // after a process that is gone.
    let dead = tree.join(".creating-crash-test-s1-20260101T000000-4194300");
    std::fs::create_dir(&dead).unwrap();
    std::fs::write(dead.join("journal.jsonl"), b"{\"v\":2,\"seq\":1,").unwrap();
    let runs = std::env::var("KAP_FAULT_RUNS")
        .ok()
        .and_then(|s| s.parse().ok())
        .unwrap_or(4u64);
    for _ in 0..runs * 2 {
        let mut child = writer("0").spawn().unwrap();
        // A random moment in the writes to kill at.
        std::thread::sleep(Duration::from_micros(rng.below(20_000)));
        let _ = child.kill(); // SIGKILL
        let _ = child.wait();
    }
    assert!(writer("1").status().unwrap().success());
    let hidden: Vec<_> = std::fs::read_dir(&tree)
        .unwrap()
        .map(|e| e.unwrap().file_name().to_string_lossy().into_owned())
        .filter(|n| n.starts_with('.'))
        .collect();
    assert!(hidden.is_empty(), "left behind: {hidden:?}");
    // Every session that did appear is whole: it begins with its start.
    for dir in common::pty::sessions(&tree) {
        let out = records(&dir);
        assert!(
            matches!(
                out.records.first().map(|r| &r.event),
                Some(Event::Started(_))
            ),
            "{}: {:?}",
            dir.display(),
            out.problems
        );
    }
}

/// A rehearsal stopped (SIGSTOP) for longer than a stall and continued
/// does not come back with simulated time run on by the stop times the
/// speed: it held simulated time and says so, in the record.
#[test]
fn a_stopped_rehearsal_holds_simulated_time_and_says_so() {
    let tmp = tempfile::tempdir().unwrap();
    let mut k = Pty::spawn(
        &[
            "rehearse",
            "--protocol",
            "protocols/montreal.toml",
            "--patient",
            "stopped",
            "--session",
            "2",
            "--weight",
            "80",
            "--speed",
            "30",
        ],
        tmp.path(),
    );
    k.wait_for("Enter starts the session", 10);
    k.send(ENTER);
    k.wait_for("Life events", 5);
    let pid = k.child.process_id().unwrap().to_string();
    let signal = |s: &str| {
        assert!(
            std::process::Command::new("kill")
                .args([s, &pid])
                .status()
                .unwrap()
                .success()
        );
    };
    signal("-STOP");
    // The scenario: 11 s of real time with kap stopped.
    std::thread::sleep(std::time::Duration::from_secs(11));
    signal("-CONT");
    k.wait_for("stood still", 10);
    let dir = only_session(&tmp.path().join("rehearsal"));
    let out = kap::record::journal::read(&dir.join("journal.jsonl")).unwrap();
    let first = &out.records[0].at;
    let alarm = out
        .records
        .iter()
        .find(|r| matches!(&r.event, kap::session::Event::TechnicalAlarm { text } if text.contains("stood still")))
        .expect("a technical alarm in the record");
    // 11 s stopped at ×30 would have been 5.5 simulated minutes.
    assert!(
        alarm.at.since(first) < 2 * kap::session::MINUTE,
        "simulated time ran on: {} ms",
        alarm.at.since(first)
    );
}
