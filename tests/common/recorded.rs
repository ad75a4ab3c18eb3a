//! A recorded Montreal session for the replay tests: a minute an entry.

use kap::protocol;
use kap::record::{OpenSession, Store};
use kap::session::vitals::parse;
use kap::session::{Clock, Event, MINUTE, Session, SimClock, plan_start};
use std::collections::BTreeMap;
use std::path::{Path, PathBuf};

/// A Montreal session in `data` made a minute an entry: phases, vitals,
/// the infusion from minute 10 to 22, more vitals, abandoned at the end.
/// Returns its folder and the session as it stood after each minute.
pub fn recorded(data: &Path, rehearsal: bool) -> (PathBuf, BTreeMap<i64, Session>) {
    let path = PathBuf::from(env!("CARGO_MANIFEST_DIR")).join("protocols/montreal.toml");
    let text = std::fs::read_to_string(&path).unwrap();
    let p = protocol::load_str(&path, &text).unwrap().protocol;
    let fields = kap::session::StartFields {
        clinicians: "A. Martin, RN",
        ..super::start_fields("2")
    };
    let (start, _) = plan_start(&p, fields, rehearsal).unwrap();
    let clock = SimClock::fixed();
    let mut open = Store::at(data)
        .create_session(&text, start, &clock.now())
        .unwrap();
    let mut states = BTreeMap::new();
    states.insert(0, open.session.clone());
    let mut minute = 0;
    let mut rec = |ev: Event, open: &mut OpenSession| {
        clock.advance(MINUTE);
        minute += 1;
        open.record(ev, &clock.now()).unwrap();
        states.insert(minute, open.session.clone());
    };
    for _ in 0..3 {
        rec(
            Event::Advanced {
                reason: Some("test".into()),
            },
            &mut open,
        );
    }
    for id in ["readiness", "consent", "iv-line"] {
        rec(
            Event::Ticked {
                prompt: id.into(),
                checked: true,
                evidence: None,
            },
            &mut open,
        );
    }
    rec(
        Event::Vitals {
            reading: parse("128/82 76 98").unwrap(),
        },
        &mut open,
    );
    rec(
        Event::Answered {
            prompt: "lot-number".into(),
            text: "KX-2291".into(),
        },
        &mut open,
    );
    rec(Event::Advanced { reason: None }, &mut open);
    rec(Event::DosingStarted, &mut open); // minute 10
    for _ in 0..11 {
        rec(
            Event::Vitals {
                reading: parse("130/84 80 97").unwrap(),
            },
            &mut open,
        );
    }
    rec(
        Event::DosingStopped {
            reason: "test: stopped at minute 22".into(),
        },
        &mut open,
    );
    for _ in 0..5 {
        rec(
            Event::Vitals {
                reading: parse("126/80 74 98").unwrap(),
            },
            &mut open,
        );
    }
    rec(
        Event::Abandoned {
            reason: "end of the exercise".into(),
        },
        &mut open,
    );
    let dir = open.dir.clone();
    drop(open);
    (dir, states)
}

pub fn bytes_of(dir: &Path) -> BTreeMap<String, Vec<u8>> {
    std::fs::read_dir(dir)
        .unwrap()
        .map(|e| e.unwrap().path())
        .filter(|p| p.is_file())
        .map(|p| {
            (
                p.file_name().unwrap().to_string_lossy().into_owned(),
                std::fs::read(&p).unwrap(),
            )
        })
        .collect()
}
