//! `kap course` on a generated palliative course (session 1 closed with
//! its goals, session 2 a week later with changed goals, interrupted): every
//! session in order, the integration windows and the course's end with
//! their year, every version of the goals; and the same as JSON.

mod common;

use common::cli_words::kap;
use kap::record::Store;
use kap::session::{Clock, Event};

fn course_folder() -> tempfile::TempDir {
    let data = tempfile::tempdir().unwrap();
    let store = Store::at(data.path());
    let (_, s2, clock) = common::course::fixed_course(&store);
    let mut open = common::reopen::reopen(&s2);
    open.record(
        Event::GoalsSet {
            goals: vec![
                "Call my sister each Sunday".into(),
                "Finish the letters".into(),
            ],
        },
        &clock.now(),
    )
    .unwrap();
    data
}

#[test]
fn kap_course_lists_sessions_due_dates_with_their_year_and_every_goal_version() {
    let data = course_folder();
    let text = kap(data.path(), &["course", "P-017"]);
    let s1 = text.find("2026-01-05").expect(&text);
    let s2 = text.find("2026-01-12").expect(&text);
    assert!(s1 < s2, "{text}");
    assert!(text.contains("session 1 of 2  held"), "{text}");
    assert!(text.contains("session 2 of 2  held"), "{text}");
    // Integration 24–72 h after each dose, with the year; the windows
    // have closed (this runs after January 2026).
    assert!(
        text.contains("integration after session 1: 2026-01-06"),
        "{text}"
    );
    assert!(
        text.contains("integration after session 2: 2026-01-13"),
        "{text}"
    );
    assert!(text.contains("course ended 2026-01-15"), "{text}");
    // The goals as first set, then as changed.
    let first = text.find("set in session 1 on 2026-01-05").expect(&text);
    let second = text.find("set in session 2 on 2026-01-12").expect(&text);
    assert!(first < second, "{text}");
    assert!(text.contains("Sort the photo albums with my son"), "{text}");
    assert!(text.contains("Finish the letters"), "{text}");
}

#[test]
fn kap_course_json_carries_encounters_due_items_and_goal_versions() {
    let data = course_folder();
    let out = kap(data.path(), &["course", "P-017", "--json"]);
    let v: serde_json::Value = serde_json::from_str(&out).expect(&out);
    let c = &v[0];
    assert_eq!(c["protocol"], "palliative");
    let enc = c["encounters"].as_array().unwrap();
    assert_eq!(enc.len(), 2);
    assert_eq!(enc[0]["session"], 1);
    assert_eq!(enc[1]["held"], true);
    let due = c["due"].as_array().unwrap();
    let kinds: Vec<&str> = due.iter().map(|d| d["kind"].as_str().unwrap()).collect();
    assert_eq!(kinds, ["integration", "integration", "course-end"]);
    assert_eq!(due[0]["standing"]["state"], "closed");
    assert_eq!(due[2]["ended"], "2026-01-15");
    assert_eq!(due[2]["standing"]["state"], "done");
    assert_eq!(c["goals"].as_array().unwrap().len(), 2);
}

/// `kap protocol show` lists Montreal Table 4's nine preparation goals in
/// the paper's order, numbered, as the file holds them.
#[test]
fn protocol_show_lists_the_nine_montreal_preparation_goals_in_order() {
    let tmp = tempfile::tempdir().unwrap();
    let text = kap(tmp.path(), &["protocol", "show", "protocols/montreal.toml"]);
    let (p, _) = common::course::load("montreal.toml");
    let topics = &p.course.preparation.as_ref().unwrap().topics;
    assert_eq!(topics.len(), 9);
    let mut at = text
        .find("Preparation (Montreal §3.2, Table 4):")
        .expect(&text);
    for (i, t) in topics.iter().enumerate() {
        let line = format!("    {}. {t}\n", i + 1);
        let found = text[at..]
            .find(&line)
            .unwrap_or_else(|| panic!("{line} in order:\n{text}"));
        at += found + line.len();
    }
    assert!(
        text.contains("Concomitant psychotherapy: At least 1 h a week"),
        "{text}"
    );
    assert!(
        text.contains("1. Experience of the last treatment"),
        "{text}"
    );
}
