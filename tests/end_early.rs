//! Ending early signs the record, so `E` asks as `C` does: it shows what
//! is still open (an unacknowledged alarm, a running infusion) and waits
//! for a yes before it asks the reason; a no records nothing.

mod common;

use common::pty::{ENTER, Pty, only_session, to_infusion};
use kap::record::journal;
use kap::session::Event;
use std::path::Path;

fn events(tmp: &Path) -> Vec<Event> {
    let dir = only_session(&tmp.join("rehearsal"));
    journal::read(&dir.join("journal.jsonl"))
        .unwrap()
        .records
        .into_iter()
        .map(|r| r.event)
        .collect()
}

#[test]
fn e_with_an_open_alarm_and_a_running_infusion_shows_them_and_asks_before_it_signs() {
    let tmp = tempfile::tempdir().unwrap();
    let mut k = Pty::spawn(
        &[
            "rehearse",
            "--protocol",
            "protocols/montreal.toml",
            "--patient",
            "end",
            "--session",
            "2",
            "--weight",
            "80",
        ],
        tmp.path(),
    );
    to_infusion(&mut k);
    k.vitals("205/115 88 96"); // bp-severe: a HIGH alarm, at once
    let before = events(tmp.path()).len();

    k.send("E");
    let screen = k.wait_for("End the session early", 5);
    assert!(screen.contains("alert 1 not acknowledged"), "{screen}");
    assert!(screen.contains("the infusion is running"), "{screen}");
    // No: nothing recorded, the session goes on.
    k.send("n");
    k.wait_until("the dialog closes", 5, |s| {
        !s.contains("End the session early")
    });
    // The journal is written before the screen is drawn, so a closed
    // dialog means anything the no recorded would be on disk by now.
    assert_eq!(events(tmp.path()).len(), before, "a no records nothing");

    // Yes: the reason is asked, and only then is the record ended.
    k.send("E");
    k.wait_for("End the session early", 5);
    k.send("y");
    k.wait_for("End the session early — reason", 5);
    assert_eq!(events(tmp.path()).len(), before, "nothing yet");
    k.send("patient asked to stop");
    k.send(ENTER);
    k.wait_for("ended early", 10);
    let new = events(tmp.path()).split_off(before);
    assert!(
        new.iter()
            .any(|e| matches!(e, Event::Abandoned { reason } if reason == "patient asked to stop")),
        "{new:?}"
    );
}
