//! One verdict per record, the same in every command: a closed, sealed
//! session cut short at every line, and damaged at every line, is
//! DAMAGED in `resume` (list and status), `history`, `doctor`,
//! `push --status`, `push --all` and the exports, in the same words; none
//! offers it for resume, push skips it with its reason, and it still
//! counts as held for the course's numbering.

mod common;

use common::sealed::{kap, kap_with, push_config, said, sealed_course};
use kap::record::Store;
use std::path::Path;

fn out(o: &std::process::Output) -> String {
    String::from_utf8_lossy(&o.stdout).into_owned()
}

fn err(o: &std::process::Output) -> String {
    String::from_utf8_lossy(&o.stderr).into_owned()
}

/// The verdict `kap resume ID --status` gives, as its sentence.
fn status_verdict(data: &Path, id: &str) -> String {
    let o = kap(data, &["resume", id, "--status"]);
    assert!(o.status.success(), "{}", said(&o));
    verdict_said(&o, id)
}

/// The verdict line of `kap resume ID --status`, whatever its exit: a
/// record whose start is lost has no status beyond its verdict.
fn verdict_said(o: &std::process::Output, id: &str) -> String {
    let text = out(o);
    let head = format!("record {id}: ");
    text.lines()
        .find_map(|l| l.strip_prefix(&head))
        .unwrap_or_else(|| panic!("no verdict line: {}", said(o)))
        .to_string()
}

/// Every command says `verdict` of the record `id` (in session folder
/// `dir`), none offers it for resume, and push skips it with its reason.
/// A record whose start is lost (`startless`: its first line damaged, or
/// every line cut off) cannot be counted in its course: the start screen
/// names its folder instead.
fn every_command_says(data: &Path, conf: &Path, dir: &Path, id: &str, verdict: &str, ctx: &str) {
    let startless = kap::record::journal::read(&dir.join("journal.jsonl"))
        .map(|r| {
            !matches!(
                r.records.first().map(|r| &r.event),
                Some(kap::session::Event::Started(_))
            )
        })
        .unwrap_or(true);
    assert!(verdict.starts_with("DAMAGED — "), "{ctx}: {verdict}");
    // resume's list: shown as damaged, not among the unfinished.
    let o = kap(data, &["resume"]);
    let listed = out(&o);
    let (damaged, unfinished) = listed
        .split_once("Unfinished sessions:")
        .unwrap_or((listed.as_str(), ""));
    assert!(
        damaged
            .lines()
            .any(|l| l.contains(id) && l.ends_with(verdict)),
        "{ctx}: {listed}"
    );
    assert!(
        !unfinished.contains(id),
        "{ctx}: offered for resume: {listed}"
    );
    // resume ID: refused, nothing opened.
    let o = kap(data, &["resume", id]);
    assert!(!o.status.success(), "{ctx}: {}", said(&o));
    assert!(
        err(&o).contains(&format!(
            "{id} is damaged, so it is not continued: {verdict}."
        )),
        "{ctx}: {}",
        said(&o)
    );
    // history.
    let o = kap(data, &["history", "P-017"]);
    assert!(
        out(&o)
            .lines()
            .any(|l| l.contains(&format!("{verdict}  {id}"))),
        "{ctx}: {}",
        said(&o)
    );
    // doctor.
    let o = kap(data, &["doctor", "--json"]);
    let checks: serde_json::Value = serde_json::from_slice(&o.stdout).unwrap();
    let check = checks["checks"]
        .as_array()
        .and_then(|a| a.iter().find(|c| c["id"] == "damaged"))
        .unwrap_or_else(|| panic!("{ctx}: no damaged check: {}", said(&o)));
    let text = check["text"].as_str().unwrap_or_default();
    assert!(
        text.contains(&format!("{id} ({verdict})")),
        "{ctx}: {check}"
    );
    // push --status: the word scripts read, and the verdict.
    let o = kap(data, &["push", "--status"]);
    assert!(
        out(&o)
            .lines()
            .any(|l| l.trim_start().starts_with("damaged")
                && l.contains(id)
                && l.contains(verdict)),
        "{ctx}: {}",
        said(&o)
    );
    // push --all: skipped with its reason, nothing written in its folder.
    let o = kap_with(data, Some(conf), &["push", "--all"]);
    assert_eq!(o.status.code(), Some(1), "{ctx}: {}", said(&o));
    assert!(
        err(&o).contains(&format!(
            "{id} is damaged and is not sent as if whole: {verdict}"
        )),
        "{ctx}: {}",
        said(&o)
    );
    assert!(!dir.join("push.json").exists(), "{ctx}");
    // The exports say it on standard error, and in the Markdown.
    let o = kap(data, &["export", id, "--format", "md"]);
    assert!(
        err(&o).contains(&format!("record {id}: {verdict}")),
        "{ctx}: {}",
        said(&o)
    );
    // The course still counts it as held.
    let store = Store::at(data);
    let so_far = kap::record::course::so_far(&store, "P-017", "palliative", false, None);
    assert_eq!(
        so_far.held.contains(&1),
        !startless,
        "{ctx}: {:?}",
        so_far.held
    );
    assert_eq!(so_far.next, 3, "{ctx}");
    // The course view on the start screen says it, in the same words.
    let (mut app, clock) = common::protocol_app_at(
        "palliative.toml",
        data,
        false,
        kap::tui::theme::ThemeName::Plain,
    );
    let form = app.new_start_form("P-017", Some(3), Some(64.0));
    app.screen = kap::tui::app::Screen::Start(Box::new(form));
    app.on_key(ratatui::crossterm::event::KeyEvent::new(
        ratatui::crossterm::event::KeyCode::Tab,
        ratatui::crossterm::event::KeyModifiers::NONE,
    ));
    let (screen, _) = common::render(&app, &clock, 200, 50);
    let said = if startless {
        format!("{id} could not be read and is left out: {verdict}")
    } else {
        format!("Session 1: {verdict} — kap verify names what is wrong.")
    };
    assert!(screen.contains(&said), "{ctx}: {screen}");
}

fn id_of(dir: &Path) -> String {
    dir.file_name().unwrap().to_string_lossy().into_owned()
}

#[test]
fn a_sealed_record_is_closed_and_whole_everywhere() {
    let tmp = tempfile::tempdir().unwrap();
    let (dir1, _) = sealed_course(tmp.path());
    let id = id_of(&dir1);
    assert!(dir1.join("seal.json").is_file());
    assert_eq!(status_verdict(tmp.path(), &id), "closed");
    let o = kap(tmp.path(), &["verify"]);
    assert!(o.status.success(), "{}", said(&o));
}

#[test]
fn a_tail_cut_at_every_line_of_a_closed_session_is_damaged_in_every_command() {
    let tmp = tempfile::tempdir().unwrap();
    let data = tmp.path();
    let conf_dir = tempfile::tempdir().unwrap();
    let conf = push_config(conf_dir.path());
    let (dir1, _) = sealed_course(data);
    let id = id_of(&dir1);
    let journal = dir1.join("journal.jsonl");
    let whole = std::fs::read_to_string(&journal).unwrap();
    let lines: Vec<&str> = whole.lines().collect();
    let n = lines.len();
    // Every length, down to nothing at all (the start lost too).
    for keep in 0..n {
        let cut: String = lines[..keep].iter().map(|l| format!("{l}\n")).collect();
        std::fs::write(&journal, cut).unwrap();
        let verdict = verdict_said(&kap(data, &["resume", &id, "--status"]), &id);
        assert_eq!(
            verdict,
            format!(
                "DAMAGED — entries missing after entry {keep} (it was sealed with {n} entries)"
            )
        );
        every_command_says(
            data,
            &conf,
            &dir1,
            &id,
            &verdict,
            &format!("kept {keep} of {n}"),
        );
    }
    std::fs::write(&journal, &whole).unwrap();
    assert_eq!(status_verdict(data, &id), "closed");
}

#[test]
fn one_damaged_line_anywhere_gives_one_verdict_in_every_command() {
    let tmp = tempfile::tempdir().unwrap();
    let data = tmp.path();
    let conf_dir = tempfile::tempdir().unwrap();
    let conf = push_config(conf_dir.path());
    let (dir1, _) = sealed_course(data);
    let id = id_of(&dir1);
    let journal = dir1.join("journal.jsonl");
    let whole = std::fs::read_to_string(&journal).unwrap();
    let lines: Vec<&str> = whole.lines().collect();
    // Line 1 (the start) too: no command can then say whose record it
    // is, but each names it by its folder, with the same verdict.
    for i in 0..lines.len() {
        let mut damaged: Vec<String> = lines.iter().map(|l| l.to_string()).collect();
        damaged[i] = format!("{}#", &lines[i][..lines[i].len() / 2]);
        std::fs::write(&journal, damaged.join("\n") + "\n").unwrap();
        let verdict = verdict_said(&kap(data, &["resume", &id, "--status"]), &id);
        assert!(
            verdict.contains(&format!("verification, the first at line {}", i + 1)),
            "line {}: {verdict}",
            i + 1
        );
        every_command_says(
            data,
            &conf,
            &dir1,
            &id,
            &verdict,
            &format!("line {}", i + 1),
        );
    }
}

/// A rehearsal's simulated time runs ahead of the system clock (×120):
/// its status and its history are read at its own time, its last entry,
/// not at the system clock's (when the infusion had not even started).
#[test]
fn a_quit_rehearsal_is_measured_on_its_simulated_clock() {
    use kap::session::vitals::parse;
    use kap::session::{Clock, Event, MINUTE, SimClock, plan_start};
    let tmp = tempfile::tempdir().unwrap();
    let path = std::path::PathBuf::from(env!("CARGO_MANIFEST_DIR")).join("protocols/montreal.toml");
    let text = std::fs::read_to_string(&path).unwrap();
    let p = kap::protocol::load_str(&path, &text).unwrap().protocol;
    let fields = kap::session::StartFields {
        clinicians: "A. Martin, RN",
        ..common::start_fields("2")
    };
    let (mut start, _) = plan_start(&p, fields, true).unwrap();
    start.patient = "P-sim".into();
    // A year ahead of the system clock.
    let clock = SimClock::at(chrono::Local::now().fixed_offset() + chrono::Duration::days(365));
    let mut open = Store::at(tmp.path())
        .create_session(&text, start, &clock.now())
        .unwrap();
    let mut rec = |ev: Event| {
        clock.advance(MINUTE);
        open.record(ev, &clock.now()).unwrap();
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
    rec(Event::Advanced { reason: None });
    rec(Event::DosingStarted);
    let started = clock.now();
    // Running, 12 minutes in, then the trainee quits.
    clock.advance(11 * MINUTE);
    rec(Event::CheckedIn { note: None });
    let dir = open.dir.clone();
    let id = id_of(&dir);
    let o = kap(tmp.path(), &["resume", "--rehearsal", &id, "--status"]);
    assert!(
        out(&o).contains("infusion running: 12 min elapsed"),
        "{}",
        said(&o)
    );
    assert!(
        out(&o).contains(&format!("record {id}: OPEN")),
        "{}",
        said(&o)
    );
    // Its infusion over: its end is shown, not "…".
    clock.advance(120 * MINUTE);
    open.record(Event::CheckedIn { note: None }, &clock.now())
        .unwrap();
    drop(open);
    let o = kap(tmp.path(), &["resume", "--rehearsal", &id, "--status"]);
    assert!(out(&o).contains("infusion complete"), "{}", said(&o));
    let o = kap(tmp.path(), &["history", "P-sim", "--rehearsal"]);
    let line = out(&o);
    assert!(
        line.contains(&format!("infusion {}–", started.hhmm())) && !line.contains("–…"),
        "{}",
        said(&o)
    );
}
