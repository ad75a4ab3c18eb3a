//! The self-report screen end to end: the real binary in a terminal, a
//! Montreal rehearsal. By keys in the full screen (`Q`, the choices'
//! numbers, Enter to hand back) and by lines in the screen-reader mode
//! (`questionnaire`, the numbers, any line to hand back), the PHQ-9
//! reaches the journal as one `outcome-completed` entry; while the
//! patient answers, nothing of the record is on screen.

mod common;

use common::pty::{ENTER, Pty, only_session};
use std::path::Path;

fn args(extra: &'static str) -> Vec<&'static str> {
    let mut a = vec![
        "rehearse",
        "--protocol",
        "protocols/montreal.toml",
        "--patient",
        "P-SELF",
        "--session",
        "1",
        "--weight",
        "80",
    ];
    if !extra.is_empty() {
        a.push(extra);
    }
    a
}

/// The one outcome entry of the rehearsal under `data`.
fn outcome_line(data: &Path) -> serde_json::Value {
    let dir = only_session(&data.join("rehearsal"));
    let journal = std::fs::read_to_string(dir.join("journal.jsonl")).unwrap();
    let lines: Vec<&str> = journal
        .lines()
        .filter(|l| l.contains("\"outcome-completed\""))
        .collect();
    assert_eq!(lines.len(), 1, "{journal}");
    serde_json::from_str(lines[0]).unwrap()
}

#[test]
fn q_hands_the_phq9_to_the_patient_and_the_answers_reach_the_journal() {
    let tmp = tempfile::tempdir().unwrap();
    let mut k = Pty::spawn(&args(""), tmp.path());
    k.wait_for("Enter starts the session", 10);
    k.send(ENTER);
    k.wait_for("Life events since the last visit", 5);
    k.send("Q");
    let screen = k.wait_for("question 1 of 9", 5);
    assert!(!screen.contains("P-SELF"), "{screen}");
    assert!(!screen.contains("Check-in"), "{screen}");
    for (i, c) in "432143214".chars().enumerate() {
        k.send(&c.to_string());
        if i < 8 {
            k.wait_for(&format!("question {} of 9", i + 2), 5);
        }
    }
    let thanks = k.wait_for("Thank you", 5);
    assert!(!thanks.contains("total"), "{thanks}");
    k.send(ENTER);
    // 3+2+1+0+3+2+1+0+3 = 15; item 9 above "Not at all" is named.
    let back = k.wait_for("PHQ-9 saved: total 15", 5);
    assert!(back.contains("P-SELF"), "{back}");
    let v = outcome_line(tmp.path());
    assert_eq!(
        v["event"]["answers"],
        serde_json::json!([3, 2, 1, 0, 3, 2, 1, 0, 3])
    );
    assert_eq!(v["event"]["instrument"], "phq9");
}

#[test]
fn the_screen_reader_mode_reads_each_item_and_takes_the_numbers() {
    let tmp = tempfile::tempdir().unwrap();
    let mut k = Pty::spawn(&args("--screen-reader"), tmp.path());
    k.wait_said("Type start to begin", 1, 10);
    k.line("start");
    k.wait_said("Phase 1 of 8", 1, 5);
    k.line("questionnaire");
    k.wait_said("PHQ-9 · question 1 of 9", 1, 5);
    k.wait_said("4. Nearly every day", 1, 5);
    // Back one item, then on.
    k.line("2");
    k.wait_said("question 2 of 9", 1, 5);
    k.line("back");
    k.wait_said("question 1 of 9", 2, 5);
    for (i, n) in ["1", "1", "1", "1", "2", "1", "1", "1", "1"]
        .iter()
        .enumerate()
    {
        k.line(n);
        if i < 8 {
            k.wait_said(
                &format!("question {} of 9", i + 2),
                if i == 0 { 2 } else { 1 },
                5,
            );
        }
    }
    k.wait_said("Thank you", 1, 5);
    k.line("");
    k.wait_said("PHQ-9 saved: total 1", 1, 5);
    let v = outcome_line(tmp.path());
    assert_eq!(
        v["event"]["answers"],
        serde_json::json!([0, 0, 0, 0, 1, 0, 0, 0, 0])
    );
}
