//! A fixed palliative course for the export tests: session 1 closed,
//! session 2 interrupted, both recorded through the library.
#![allow(dead_code)]

use kap::protocol::{self, Protocol};
use kap::record::Store;
use kap::session::vitals::parse;
use kap::session::{Clock, Event, MINUTE, SessionStart, SimClock};
use std::path::PathBuf;

pub fn root() -> PathBuf {
    PathBuf::from(env!("CARGO_MANIFEST_DIR"))
}

pub fn load(name: &str) -> (Protocol, String) {
    let path = root().join("protocols").join(name);
    let text = std::fs::read_to_string(&path).unwrap();
    (protocol::load_str(&path, &text).unwrap().protocol, text)
}

pub fn start(p: &Protocol, session: u32, mg_per_kg: f64, dose: f64) -> SessionStart {
    SessionStart {
        patient: "P-017".into(),
        session,
        protocol_id: p.protocol.id.clone(),
        protocol_version: p.protocol.version.clone(),
        weight_kg: 64.0,
        mg_per_kg,
        dose_mg: dose,
        rehearsal: false,
        schedule_note: None,
        course_note: None,
        ui: None,
        lang: None,
        visit: None,
        identity: None,
        clinicians: vec!["A. Martin, RN".into()],
    }
}

/// A fixed palliative course: session 1 closed, session 2 interrupted.
pub fn fixed_course(store: &Store) -> (PathBuf, PathBuf, SimClock) {
    fixed_course_in(store, None)
}

/// The same course, session 1 recorded in language `lang` (a tag).
pub fn fixed_course_in(store: &Store, lang: Option<&str>) -> (PathBuf, PathBuf, SimClock) {
    let (p, text) = load("palliative.toml");
    let clock = SimClock::fixed();
    let first = SessionStart {
        lang: lang.map(str::to_string),
        ..start(&p, 1, 0.4, 25.5)
    };
    let mut s1 = store.create_session(&text, first, &clock.now()).unwrap();
    let rec = |open: &mut kap::record::OpenSession, ev: Event, mins: i64| {
        clock.advance(mins * MINUTE);
        open.record(ev, &clock.now()).unwrap();
    };
    let answer = |id: &str, t: &str| Event::Answered {
        prompt: id.into(),
        text: t.into(),
    };
    let tick = |id: &str| Event::Ticked {
        prompt: id.into(),
        checked: true,
        evidence: None,
    };
    let vit = |v: &str| Event::Vitals {
        reading: parse(v).unwrap(),
    };
    rec(
        &mut s1,
        answer("wellbeing", "tired, some pain, mood low"),
        2,
    );
    rec(&mut s1, answer("medical-changes", "none"), 1);
    rec(&mut s1, Event::Advanced { reason: None }, 1);
    rec(&mut s1, answer("goals-status", "first session"), 1);
    rec(
        &mut s1,
        Event::GoalsSet {
            goals: vec![
                "Call my sister each Sunday".into(),
                "Sort the photo albums with my son".into(),
                "Ten minutes in the garden when I can".into(),
            ],
        },
        1,
    );
    rec(&mut s1, Event::Advanced { reason: None }, 1);
    rec(
        &mut s1,
        answer("intention", "to feel less alone, with a comma"),
        2,
    );
    rec(&mut s1, answer("music-choice", "none: silence"), 1);
    rec(
        &mut s1,
        Event::MusicChosen {
            playlist: None,
            support: Some("silence".into()),
        },
        1,
    );
    rec(&mut s1, Event::Advanced { reason: None }, 1);
    rec(&mut s1, vit("122/78 86 95"), 2);
    rec(&mut s1, tick("readiness"), 1);
    rec(&mut s1, tick("psychotherapy-started"), 0);
    rec(&mut s1, tick("capacity"), 0);
    rec(&mut s1, tick("consent"), 1);
    rec(&mut s1, tick("iv-line"), 1);
    rec(&mut s1, Event::Advanced { reason: None }, 1);
    rec(&mut s1, Event::DosingStarted, 1);
    rec(&mut s1, vit("130/82 90 95"), 10);
    rec(
        &mut s1,
        Event::Note {
            text: "\"sick\", offered bowl".into(),
            tags: vec!["nausea".into()],
            outside: None,
        },
        3,
    );
    rec(&mut s1, Event::CheckedIn { note: None }, 1);
    rec(
        &mut s1,
        Event::DosingPaused {
            reason: "nausea".into(),
        },
        1,
    );
    rec(&mut s1, Event::DosingResumed, 4);
    rec(&mut s1, vit("186/96 104 94"), 5);
    rec(&mut s1, vit("bp 190/98"), 5);
    rec(
        &mut s1,
        Event::AlertAcknowledged {
            alert: 1,
            action: Some("rechecked; physician aware".into()),
        },
        1,
    );
    rec(&mut s1, vit("138/84 92 95"), 8);
    rec(&mut s1, Event::Advanced { reason: None }, 12);
    rec(
        &mut s1,
        answer("experience", "Saw my mother's kitchen.\nFelt held."),
        5,
    );
    rec(&mut s1, Event::Advanced { reason: None }, 10);
    rec(&mut s1, tick("integration-booked"), 1);
    rec(&mut s1, answer("goals-review", "keep all three"), 1);
    rec(&mut s1, Event::Advanced { reason: None }, 1);
    rec(&mut s1, tick("settled"), 1);
    rec(&mut s1, tick("ward-handover"), 1);
    rec(&mut s1, tick("contact-team"), 1);
    rec(&mut s1, vit("126/80 84 96"), 1);
    rec(&mut s1, Event::Closed, 1);
    let dir1 = s1.dir.clone();

    // A week later, session 2: started, then interrupted mid-infusion.
    clock.advance(7 * 24 * 60 * MINUTE);
    let mut s2 = store
        .create_session(&text, start(&p, 2, 0.8, 51.0), &clock.now())
        .unwrap();
    for _ in 0..3 {
        rec(
            &mut s2,
            Event::Advanced {
                reason: Some("test".into()),
            },
            1,
        );
    }
    rec(&mut s2, vit("124/80 88 95"), 1);
    rec(&mut s2, tick("readiness"), 1);
    rec(&mut s2, tick("capacity"), 0);
    rec(&mut s2, tick("consent"), 1);
    rec(
        &mut s2,
        Event::Advanced {
            reason: Some("line in, box missed".into()),
        },
        1,
    );
    rec(&mut s2, Event::DosingStarted, 1);
    rec(&mut s2, vit("134/86 96 94"), 11);
    let dir2 = s2.dir.clone();
    (dir1, dir2, clock)
}

/// A Montreal session `session` for `patient`, held in `data` on the
/// simulated clock's day: a two-line intention, a note, a HIGH blood
/// pressure alarm, ended early, then an addendum — what rolling
/// integration shows back before the next dose — with `more_notes` more
/// notes ("note N of M") after the first.
pub fn held_montreal_session(
    data: &std::path::Path,
    patient: &str,
    session: u32,
    more_notes: usize,
) {
    use kap::session::vitals::parse;
    use kap::session::{Clock, Event, MINUTE};
    let (mut open, clock) = montreal_rehearsal(data, patient, session);
    let mut rec = |ev: Event| {
        clock.advance(MINUTE);
        open.record(ev, &clock.now()).unwrap();
    };
    for _ in 0..2 {
        rec(Event::Advanced {
            reason: Some("test".into()),
        });
    }
    rec(Event::Answered {
        prompt: "intention".into(),
        text: "to stay with what comes\nand to breathe".into(),
    });
    rec(Event::Advanced {
        reason: Some("test".into()),
    });
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
    rec(Event::Note {
        text: "asked for a blanket".into(),
        tags: vec![],
        outside: None,
    });
    for n in 1..=more_notes {
        rec(Event::Note {
            text: format!("note {n} of {more_notes}"),
            tags: vec![],
            outside: None,
        });
    }
    rec(Event::Vitals {
        reading: parse("210/125 80 97").unwrap(),
    });
    rec(Event::Abandoned {
        reason: "test".into(),
    });
    rec(Event::Addendum {
        text: "physician called back at 14:10".into(),
        reason: "late information".into(),
    });
    drop(open);
}

/// A Montreal rehearsal session `session` for `patient`, 80 kg, with
/// A. Martin present, started in `data` on a fixed simulated clock: the
/// open record and its clock, for a test to record into.
pub fn montreal_rehearsal(
    data: &std::path::Path,
    patient: &str,
    session: u32,
) -> (kap::record::OpenSession, SimClock) {
    use kap::session::{StartFields, plan_start};
    let (p, text) = load("montreal.toml");
    let fields = StartFields {
        patient,
        session: &session.to_string(),
        weight_kg: "80",
        mg_per_kg: "",
        clinicians: "A. Martin, RN",
    };
    let (start, _) = plan_start(&p, fields, true).unwrap();
    let clock = SimClock::fixed();
    let open = kap::record::Store::at(data)
        .create_session(&text, start, &clock.now())
        .unwrap();
    (open, clock)
}

/// Answers to the PHQ-9's nine items adding up to `total`.
pub fn totalling(total: u32) -> Vec<u32> {
    let mut left = total;
    (0..9)
        .map(|_| {
            let v = left.min(3);
            left -= v;
            v
        })
        .collect()
}

pub fn outcome(instrument: &str, answers: Vec<u32>) -> Event {
    Event::OutcomeCompleted {
        instrument: instrument.into(),
        version: "2026-12".into(),
        answers,
        phase: "check-in".into(),
        self_report: true,
        lang: "en".into(),
    }
}

/// Sessions 1 to 5 of a Montreal course, four days apart, the PHQ-9 at
/// each check-in totalling 20, 14, 10, 9, 4; session 2 also has a PHQ-9
/// of 0 entered in error and corrected.
pub fn phq9_course() -> tempfile::TempDir {
    let data = tempfile::tempdir().unwrap();
    let store = Store::at(data.path());
    let (p, text) = load("montreal.toml");
    let clock = SimClock::fixed();
    for (i, total) in [20, 14, 10, 9, 4].into_iter().enumerate() {
        let session = u32::try_from(i).unwrap() + 1;
        let mut open = store
            .create_session(&text, start(&p, session, 0.5, 32.0), &clock.now())
            .unwrap();
        clock.advance(5 * MINUTE);
        let mut given = outcome("phq9", totalling(total));
        if session == 5
            && let Event::OutcomeCompleted { version, .. } = &mut given
        {
            *version = "2025-01".into();
        }
        open.record(given, &clock.now()).unwrap();
        if session == 2 {
            let wrong = open
                .record(outcome("phq9", vec![0; 9]), &clock.now())
                .unwrap();
            open.record(
                Event::Corrected {
                    entry: wrong,
                    reason: "given twice by mistake".into(),
                    with: None,
                },
                &clock.now(),
            )
            .unwrap();
        }
        clock.advance(4 * 24 * 60 * MINUTE);
    }
    data
}
