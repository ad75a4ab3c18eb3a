//! A big journal for the export-scale tests, written directly: one session
//! started through the library (its folder, protocol copy and first
//! line), then `n` more entries appended as sealed, chained lines in a
//! buffered write — not tens of thousands of fsyncs through the app.

use kap::record::Store;
use kap::record::journal::{Record, SCHEMA};
use kap::record::verify::{seal, sha256_hex};
use kap::session::vitals::parse;
use kap::session::{Clock, Event, SECOND, SimClock};
use std::io::Write;
use std::path::{Path, PathBuf};

/// A real session of P-big whose journal holds `n` entries after its
/// start: vitals and notes in turn, three seconds apart. Returns its
/// folder.
pub fn session(data: &Path, n: usize) -> PathBuf {
    let store = Store::at(data);
    let (p, text) = super::course::load("palliative.toml");
    let clock = SimClock::fixed();
    let mut start = super::course::start(&p, 1, 0.4, 25.5);
    start.patient = "P-big".into();
    let open = store.create_session(&text, start, &clock.now()).unwrap();
    let dir = open.dir.clone();
    drop(open);
    let path = dir.join("journal.jsonl");
    let read = kap::record::journal::read(&path).unwrap();
    let (mut seq, mut prev) = (read.last_seq, read.last_hash);
    // Line by line through a buffer: the test process stays small, since
    // a child's peak memory is counted from its parent's at the spawn.
    let file = std::fs::OpenOptions::new()
        .append(true)
        .open(&path)
        .unwrap();
    let mut out = std::io::BufWriter::new(file);
    for i in 0..n {
        clock.advance(3 * SECOND);
        seq += 1;
        let event = if i % 2 == 0 {
            let reading = format!(
                "{}/{} {} {}",
                120 + (i * 7) % 30,
                75 + (i * 5) % 15,
                68 + (i * 3) % 20,
                96 + i % 4
            );
            Event::Vitals {
                reading: parse(&reading).unwrap(),
            }
        } else {
            Event::Note {
                text: format!("observation {i}: resting, eyes closed, breathing slow"),
                tags: vec!["calm".into()],
                outside: None,
            }
        };
        let rec = Record {
            v: SCHEMA,
            seq,
            rehearsal: false,
            at: clock.now(),
            event,
            by: Some("A. Martin, RN".into()),
            taken: None,
            prev: Some(prev),
            sum: None,
        };
        let line = seal(&serde_json::to_vec(&rec).unwrap());
        prev = sha256_hex(&line);
        out.write_all(&line).unwrap();
        out.write_all(b"\n").unwrap();
    }
    out.flush().unwrap();
    dir
}
