//! `kap replay`: a journal's prefix folds into the session as it stood,
//! a replay of a finished rehearsal ends where the record does, a branch
//! from minute 20 starts with that state and leaves the original as it
//! was, and the replay app writes nothing and refuses what would.

mod common;

use common::recorded::{bytes_of, recorded};

use kap::protocol;
use kap::record::{OpenSession, Store, journal, replay};
use kap::rehearsal::branch::{self, BranchError};
use kap::session::vitals::parse;
use kap::session::{DosingState, Event, MINUTE};
use kap::tui::app::{FlashKind, Msg, Screen};
use kap::tui::keys::Action;
use kap::tui::theme::{Theme, ThemeName};
use ratatui::crossterm::event::{KeyCode, KeyEvent, KeyModifiers};
use std::path::{Path, PathBuf};

fn read(
    dir: &Path,
) -> (
    std::sync::Arc<protocol::Protocol>,
    journal::ReadOutcome,
    PathBuf,
) {
    let jpath = dir.join("journal.jsonl");
    let text = std::fs::read_to_string(dir.join("protocol.toml")).unwrap();
    let p = protocol::load_str(Path::new("protocol.toml"), &text)
        .unwrap()
        .protocol;
    (
        std::sync::Arc::new(p),
        journal::read(&jpath).unwrap(),
        jpath,
    )
}

#[test]
fn a_prefix_folds_into_the_session_as_it_stood() {
    let tmp = tempfile::tempdir().unwrap();
    let (dir, states) = recorded(tmp.path(), true);
    let (p, outcome, jpath) = read(&dir);
    for minute in [0, 5, 9, 10, 15, 20, 22, 25] {
        let s = replay::session_at(p.clone(), &outcome, &jpath, minute * MINUTE).unwrap();
        assert_eq!(s, states[&minute], "minute {minute}");
    }
    // Between two entries, the earlier stands.
    let half = replay::session_at(p.clone(), &outcome, &jpath, 20 * MINUTE + 30_000).unwrap();
    assert_eq!(half, states[&20]);
    // What stood at minute 20: the infusion running, eleven readings.
    let s = &states[&20];
    let at = outcome.records[0].at.plus(20 * MINUTE);
    assert_eq!(s.dosing.state(&at), DosingState::Running);
    assert_eq!(s.vitals.len(), 1 + 10);
    assert_eq!(s.phase, states[&10].phase);
    assert!(!s.is_closed());
    let s5 = &states[&5];
    assert_eq!(s5.vitals.len(), 0);
    assert_eq!(s5.dosing.state(&at), DosingState::NotStarted);
}

#[test]
fn replaying_a_finished_rehearsal_reaches_the_recorded_final_state() {
    let tmp = tempfile::tempdir().unwrap();
    let (dir, _) = recorded(tmp.path(), true);
    let (p, outcome, jpath) = read(&dir);
    let end = replay::offsets(&outcome).last().copied().unwrap();
    let folded = replay::session_at(p, &outcome, &jpath, end).unwrap();
    let recorded = kap::record::store::read_session(&dir).unwrap().session;
    assert!(recorded.is_closed());
    assert_eq!(folded, recorded);

    // The app, jumped to the last entry, shows that same session (on the
    // closed screen, as a signed record opens).
    let mut app = replay_app(tmp.path(), &dir);
    let last = outcome.records.len() - 1;
    app.jump_to_entry(last);
    match &app.screen {
        Screen::Closed(c) => assert_eq!(c.open.session, recorded),
        _ => panic!("a finished record replays to its closed screen"),
    }
    // And back to an earlier entry: the session as it stood then.
    app.jump_to_entry(10);
    match &app.screen {
        Screen::Session(v) => assert!(v.open.session.dosing.started.is_some()),
        _ => panic!("minute 10 is mid-session"),
    }
}

fn replay_app(data: &Path, dir: &Path) -> kap::tui::app::App {
    kap::tui::replay::prepare(
        Store::at(data),
        dir,
        8.0,
        Theme::new(ThemeName::Plain),
        Some(kap::i18n::Lang::En),
    )
    .unwrap()
}

#[test]
fn a_branch_from_minute_20_starts_with_that_state_and_leaves_the_original_alone() {
    let tmp = tempfile::tempdir().unwrap();
    let (dir, states) = recorded(tmp.path(), true);
    // What the lead's simulation adds beside a rehearsal, copied up to T.
    std::fs::write(dir.join("scenario.toml"), "[scenario]\nname = \"x\"\n").unwrap();
    let t0 = read(&dir).1.records[0].at.clone();
    let sim: String = [5, 19, 21, 30]
        .iter()
        .map(|m| {
            format!(
                "{{\"at\":{},\"what\":\"m{m}\"}}\n",
                serde_json::to_string(&t0.plus(m * MINUTE)).unwrap()
            )
        })
        .collect();
    std::fs::write(dir.join("simulation.jsonl"), &sim).unwrap();
    let before = bytes_of(&dir);

    let store = Store::at(tmp.path());
    let new = branch::branch(&store, &dir, 20 * MINUTE, kap::i18n::Lang::En).unwrap();
    assert_eq!(bytes_of(&dir), before, "the original is untouched");
    assert_ne!(new, dir);
    assert!(new.starts_with(store.tree(true)));

    // Entries up to minute 20 only, a journal that verifies on its own.
    let outcome = journal::read(&new.join("journal.jsonl")).unwrap();
    assert!(outcome.problems.is_empty(), "{:?}", outcome.problems);
    assert!(outcome.verified.iter().all(|v| *v));
    assert_eq!(outcome.records.len(), 21);
    assert!(outcome.records.iter().all(|r| r.rehearsal));
    let branched = kap::record::store::read_session(&new).unwrap();
    assert!(branched.warnings.is_empty(), "{:?}", branched.warnings);
    assert_eq!(branched.session, states[&20]);

    // Linked to the original.
    let link = branch::link_of(&new).unwrap();
    assert_eq!(link.source_dir, dir);
    assert_eq!(link.source_id, dir.file_name().unwrap().to_string_lossy());
    assert_eq!(link.at_ms, 20 * MINUTE);
    // The record's dosing started at its minute 10: T is minute 10 of
    // dosing, the origin of --branch-at, the header and the report.
    assert_eq!(link.dosing_ms, Some(10 * MINUTE));
    assert_eq!(link.minute(), 10);
    assert_eq!(
        branch::at_dosing_minute(&dir, 10.0).unwrap(),
        20 * MINUTE,
        "--branch-at 10 is this moment"
    );
    assert_eq!(branch::at_dosing_minute(&dir, -10.0).unwrap(), 0);
    assert!(matches!(
        branch::at_dosing_minute(&dir, -11.0),
        Err(BranchError::Negative)
    ));
    assert_eq!(link.entries, 21);
    // The scenario, and the simulation's lines up to T.
    assert_eq!(
        std::fs::read(new.join("scenario.toml")).unwrap(),
        std::fs::read(dir.join("scenario.toml")).unwrap()
    );
    let kept = std::fs::read_to_string(new.join("simulation.jsonl")).unwrap();
    assert_eq!(kept.lines().count(), 2, "{kept}");
    assert!(kept.contains("m19") && !kept.contains("m21"));

    // It opens as a rehearsal to continue: the lock is free, entries save.
    let mut open = OpenSession::open(&new).unwrap();
    let at = link.at.plus(MINUTE);
    open.record(
        Event::Vitals {
            reading: parse("120/80 70 99").unwrap(),
        },
        &at,
    )
    .unwrap();
    drop(open);
    assert_eq!(
        bytes_of(&dir),
        before,
        "continuing the branch leaves the original"
    );

    // A closed moment and a negative one are refused.
    let end = replay::offsets(&read(&dir).1).last().copied().unwrap();
    assert!(matches!(
        branch::branch(&store, &dir, end, kap::i18n::Lang::En),
        Err(BranchError::Closed(_))
    ));
    assert!(matches!(
        branch::branch(&store, &dir, -1, kap::i18n::Lang::En),
        Err(BranchError::Negative)
    ));
    // So is a moment after the rehearsal's last (even one too far off for
    // the clock to hold), which the refusal gives from the start of dosing
    // (10 min into the record).
    for later in [end + kap::session::MINUTE, i64::MAX] {
        assert!(matches!(
            branch::branch(&store, &dir, later, kap::i18n::Lang::En),
            Err(BranchError::AfterEnd(x)) if x == end - 10 * MINUTE
        ));
    }
}

#[test]
fn a_real_session_replays_but_never_branches() {
    let tmp = tempfile::tempdir().unwrap();
    let (dir, _) = recorded(tmp.path(), false);
    let store = Store::at(tmp.path());
    let err = branch::branch(&store, &dir, 5 * MINUTE, kap::i18n::Lang::En).unwrap_err();
    assert!(matches!(err, BranchError::Real));
    assert!(
        err.say(kap::i18n::Lang::En).contains("never branched"),
        "{err:?}"
    );
    assert!(common::pty::sessions(&store.tree(true)).is_empty());

    let mut app = replay_app(tmp.path(), &dir);
    app.on_key(KeyEvent::new(KeyCode::Char('B'), KeyModifiers::NONE));
    let flash = app.flash.clone().unwrap();
    assert_eq!(flash.kind, FlashKind::Refused);
    assert!(flash.text.contains("never branched"), "{}", flash.text);
    assert!(app.replay.as_ref().unwrap().branch_to.is_none());
    assert!(common::pty::sessions(&store.tree(true)).is_empty());
}

#[test]
fn a_replay_refuses_every_key_that_would_change_the_record_and_writes_nothing() {
    let tmp = tempfile::tempdir().unwrap();
    let (dir, _) = recorded(tmp.path(), true);
    // Even with the session open in another kap (its lock held). A pty
    // test running beside this one can fork while `recorded`'s lock is
    // being released, and the child holds it until it execs: wait that
    // moment out.
    let other = (0..100)
        .find_map(|_| {
            OpenSession::open(&dir).ok().or_else(|| {
                std::thread::sleep(std::time::Duration::from_millis(20));
                None
            })
        })
        .expect("the session opens");
    // Taken once the other kap has opened it: opening a closed session
    // writes its summary when a kill while closing left none.
    let before = bytes_of(&dir);
    let mut app = replay_app(tmp.path(), &dir);
    app.jump_to_entry(12);
    let key = |c: char| KeyEvent::new(KeyCode::Char(c), KeyModifiers::NONE);
    // Note, vitals, acknowledge, stop the infusion, next phase, withdraw.
    for c in ['n', 'v', 'a', 'x', 'N', 'W', 's', 'p'] {
        app.flash = None;
        app.on_key(key(c));
        let f = app.flash.clone();
        if let Some(f) = f {
            assert!(f.text.contains("read-only"), "{c}: {}", f.text);
        }
    }
    app.on_key(key('n'));
    let f = app.flash.clone().expect("a refusal is said");
    assert_eq!(f.kind, FlashKind::Refused);
    assert!(f.text.contains("read-only") && f.text.contains("B starts a new rehearsal"));
    assert!(app.modal.is_none(), "no dialog opens to write anything");
    // Whatever reaches the update function is refused too.
    let now = app.clock.now();
    assert!(!app.update(
        Msg::Note {
            text: "written in a replay".into(),
            tags: vec![],
        },
        &now
    ));
    app.update(Action::StartInfusion, &now);
    let sessions_before = match &app.screen {
        Screen::Session(v) => v.open.session.clone(),
        _ => panic!("mid-session"),
    };
    app.on_tick(&now);
    match &app.screen {
        Screen::Session(v) => assert_eq!(v.open.session, sessions_before),
        _ => panic!("mid-session"),
    }
    drop(app);
    drop(other);
    assert_eq!(
        bytes_of(&dir),
        before,
        "the journal is byte for byte as it was"
    );
}

#[test]
fn the_replay_header_says_what_is_replayed_and_how_fast() {
    let tmp = tempfile::tempdir().unwrap();
    let (dir, _) = recorded(tmp.path(), true);
    let mut app = replay_app(tmp.path(), &dir);
    app.jump_to_entry(20);
    let now = app.clock.now();
    let header =
        kap::tui::replay::header_text(app.replay.as_ref().unwrap(), &now, kap::i18n::Lang::En);
    assert!(
        header.starts_with("REPLAY rehearsal 20:00/28:00"),
        "{header}"
    );
    assert!(header.ends_with("×8"), "{header}");
}

#[test]
fn the_replay_timeline_shows_the_highlighted_entry_whole() {
    let tmp = tempfile::tempdir().unwrap();
    let (dir, _) = recorded(tmp.path(), true);
    let mut app = replay_app(tmp.path(), &dir);
    let r = app.replay.as_ref().unwrap();
    // The longest entry: 45 characters of it were all an 80-column screen
    // showed.
    let (longest, text) = r
        .rows
        .iter()
        .enumerate()
        .max_by_key(|(_, row)| row.text.chars().count())
        .map(|(i, row)| (i, row.text.clone()))
        .unwrap();
    assert!(text.chars().count() > 60, "{text}");
    app.on_key(ratatui::crossterm::event::KeyEvent::new(
        ratatui::crossterm::event::KeyCode::Char('L'),
        ratatui::crossterm::event::KeyModifiers::NONE,
    ));
    for _ in 0..200 {
        let at = app.replay.as_ref().unwrap().timeline.expect("L opens it");
        let code = match at.cmp(&longest) {
            std::cmp::Ordering::Equal => break,
            std::cmp::Ordering::Greater => ratatui::crossterm::event::KeyCode::Up,
            std::cmp::Ordering::Less => ratatui::crossterm::event::KeyCode::Down,
        };
        app.on_key(ratatui::crossterm::event::KeyEvent::new(
            code,
            ratatui::crossterm::event::KeyModifiers::NONE,
        ));
    }
    let mut term = ratatui::Terminal::new(ratatui::backend::TestBackend::new(80, 24)).unwrap();
    let now = app.clock.now();
    term.draw(|f| kap::tui::view::draw(f, &app, &now)).unwrap();
    let buf = term.backend().buffer().clone();
    let s: String = (0..24)
        .map(|y| (0..80).map(|x| buf[(x, y)].symbol()).collect::<String>())
        .collect::<Vec<_>>()
        .join("\n");
    let inside: String = s
        .lines()
        .map(|l| l.chars().skip(1).take(78).collect::<String>())
        .collect::<Vec<_>>()
        .join(" ");
    let inside = inside.split_whitespace().collect::<Vec<_>>().join(" ");
    let text = text.split_whitespace().collect::<Vec<_>>().join(" ");
    assert!(inside.contains(&text), "`{text}` cut:\n{s}");
}

// ----- the real binary ---------------------------------------------------

use common::pty::{DOWN, ENTER, Pty};

fn id_of(dir: &Path) -> String {
    dir.file_name().unwrap().to_string_lossy().into_owned()
}

#[test]
fn pty_a_replay_jumps_through_its_timeline_and_writes_nothing() {
    let tmp = tempfile::tempdir().unwrap();
    let (dir, _) = recorded(tmp.path(), true);
    let before = bytes_of(&dir);
    let id = id_of(&dir);
    let mut k = Pty::spawn(&["replay", &id, "--speed", "1"], tmp.path());
    let first = k.wait_for("REPLAY rehearsal 00:0", 10);
    assert!(first.contains("/28:00"), "{first}");
    assert!(first.contains("read-only"), "{first}");
    // The timeline lists the entries; Enter jumps to the one chosen.
    k.send("L");
    k.wait_for("Entries", 5);
    // Keys are read in order: the Enter lands on the twentieth row down.
    for _ in 0..20 {
        k.send_now(DOWN);
    }
    k.send(ENTER);
    let there = k.wait_for("Entry 21 of 29", 5);
    assert!(there.contains("REPLAY rehearsal 20:0"), "{there}");
    assert_ne!(first, there, "the screen shows the session at minute 20");
    // The next entry, then a key that would write: refused.
    k.send("]");
    k.wait_for("Entry 22 of 29", 5);
    k.send("n");
    k.wait_for("read-only", 5);
    k.send("q");
    assert!(k.wait_exit(5.0).is_some(), "q leaves the replay");
    assert_eq!(bytes_of(&dir), before, "the journal is untouched");
}

#[test]
fn pty_b_branches_a_rehearsal_and_opens_it_at_that_moment() {
    let tmp = tempfile::tempdir().unwrap();
    let (dir, _) = recorded(tmp.path(), true);
    let before = bytes_of(&dir);
    let id = id_of(&dir);
    let tree = Store::at(tmp.path()).tree(true);
    let mut k = Pty::spawn(&["replay", &id, "--speed", "1"], tmp.path());
    k.wait_for("REPLAY rehearsal", 10);
    k.send("L");
    k.wait_for("Entries", 5);
    // Keys are read in order: the Enter lands on the twentieth row down.
    for _ in 0..20 {
        k.send_now(DOWN);
    }
    k.send(ENTER);
    k.wait_for("Entry 21 of 29", 5);
    k.send("B");
    // The rehearsal app, on the branch: no longer a replay. Entry 21 is
    // 20 min into the record and 10 into dosing (it started at minute
    // 10): the header counts from the dose, as the trainee report does.
    let screen = k.wait_for("branch at min 10", 10);
    assert!(screen.contains("REHEARSAL"), "{screen}");
    assert!(!screen.contains("REPLAY"), "{screen}");
    assert!(screen.contains(&format!("Branched from {id}")), "{screen}");
    let dirs = common::pty::sessions(&tree);
    assert_eq!(dirs.len(), 2, "{dirs:?}");
    let new = dirs.iter().find(|d| **d != dir).unwrap();
    assert_eq!(branch::link_of(new).unwrap().minute(), 10);
    drop(k);
    assert_eq!(bytes_of(&dir), before);

    // For scripts: --branch-at, without opening it. Minute 2 of dosing is
    // minute 12 of the record: its first 13 entries.
    let out = std::process::Command::new(env!("CARGO_BIN_EXE_kap"))
        .args(["replay", &id, "--branch-at", "2", "--no-open"])
        .env("KAP_DATA_DIR", tmp.path())
        .env("KAP_LANG", "en")
        .output()
        .unwrap();
    let said = String::from_utf8_lossy(&out.stdout);
    assert!(
        out.status.success(),
        "{said}{}",
        String::from_utf8_lossy(&out.stderr)
    );
    assert!(said.contains("at min 2 "), "{said}");
    assert_eq!(common::pty::sessions(&tree).len(), 3);
    let read = journal::read(&tree.join(format!("{id}-branch-m2")).join("journal.jsonl")).unwrap();
    assert_eq!(read.records.len(), 13);
    assert!(read.problems.is_empty());
    assert_eq!(bytes_of(&dir), before);
}
