//! `cargo bench`: the costs behind the figures in docs/performance.md.
//!
//! - one frame of the infusion screen at 80×24 and 200×60 with a two-hour
//!   vitals history (target: under 1 ms at 200×60);
//! - appending and fsyncing one journal event;
//! - replaying a 2,000-event journal (what `kap resume` and the exports do);
//! - loading and validating each shipped protocol;
//! - parsing a quick vitals entry;
//! - `kap verify` on one sealed record (× 10,000 is the nightly check of a
//!   clinic's folder; the whole run is measured by
//!   `tests/verify.rs::ten_thousand_sessions_are_checked_and_timed`).

#[path = "../tests/common/mod.rs"]
mod common;

use divan::Bencher;
use kap::record::journal::Journal;
use kap::record::store::read_session;
use kap::session::vitals::parse;
use kap::session::{Clock, Event, MINUTE, SECOND, SimClock};
use kap::tui::app::Screen;
use kap::tui::theme::ThemeName;
use kap::tui::view;
use ratatui::Terminal;
use ratatui::backend::TestBackend;
use std::path::{Path, PathBuf};

fn main() {
    divan::main();
}

/// Readings a monitor might give over two hours, every three minutes.
fn reading(i: usize) -> String {
    let sys = 120 + (i * 7) % 30;
    let dia = 75 + (i * 5) % 15;
    let hr = 68 + (i * 3) % 20;
    let spo2 = 96 + i % 4;
    format!("{sys}/{dia} {hr} {spo2}")
}

#[divan::bench(args = [(80, 24), (200, 60)])]
fn render_infusion_screen_two_hour_history(bencher: Bencher, (w, h): (u16, u16)) {
    let (mut app, clock, _tmp) = common::montreal_app(false, ThemeName::Dim, "P-bench", 3);
    common::into_infusion(&mut app, &clock);
    for i in 0..40 {
        clock.advance(3 * MINUTE);
        let reading = parse(&reading(i)).expect("bench readings are plausible");
        common::record(&mut app, &clock, Event::Vitals { reading });
    }
    let mut term = Terminal::new(TestBackend::new(w, h)).expect("test backend");
    // Each iteration is the next second, as at the bedside: the timer and
    // the countdowns change, so the frame is built and diffed for real.
    bencher.bench_local(|| {
        clock.advance(SECOND);
        let now = clock.now();
        term.draw(|f| view::draw(f, &app, &now)).map(|_| ())
    });
}

#[divan::bench]
fn journal_append_and_fsync(bencher: Bencher) {
    let tmp = tempfile::tempdir().expect("temp dir");
    let mut journal = Journal::create(&tmp.path().join("journal.jsonl"), false).expect("journal");
    let clock = SimClock::fixed();
    let event = Event::Vitals {
        reading: parse("132/84 78 97").expect("plausible"),
    };
    bencher.bench_local(|| {
        clock.advance(SECOND);
        journal.append(&event, &clock.now()).expect("append")
    });
}

/// A session folder whose journal holds `n` events.
fn session_with_events(n: usize) -> (PathBuf, tempfile::TempDir) {
    let (mut app, clock, tmp) = common::montreal_app(false, ThemeName::Dim, "P-replay", 3);
    common::into_infusion(&mut app, &clock);
    let journal = match &app.screen {
        Screen::Session(v) => v.open.journal.path().to_path_buf(),
        _ => unreachable!("into_infusion leaves a session open"),
    };
    let mut count = kap::record::journal::read(&journal)
        .expect("journal")
        .records
        .len();
    let mut i = 0;
    while count < n {
        clock.advance(3 * SECOND);
        let ev = if i % 2 == 0 {
            Event::Vitals {
                reading: parse(&reading(i)).expect("plausible"),
            }
        } else {
            Event::Note {
                text: format!("observation {i}: resting, eyes closed"),
                tags: vec!["calm".into()],
                outside: None,
            }
        };
        common::record(&mut app, &clock, ev);
        count += 1;
        i += 1;
    }
    let dir = match &app.screen {
        Screen::Session(v) => v.open.dir.clone(),
        _ => unreachable!("still in the session"),
    };
    (dir, tmp)
}

#[divan::bench(sample_count = 30)]
fn replay_2000_event_journal(bencher: Bencher) {
    let (dir, _tmp) = session_with_events(2_000);
    bencher.bench_local(|| read_session(&dir).expect("replays"));
}

#[divan::bench(args = ["montreal", "palliative", "single-infusion-met", "im-single-session"])]
fn load_and_validate_protocol(bencher: Bencher, name: &str) {
    let path = Path::new(env!("CARGO_MANIFEST_DIR")).join(format!("protocols/{name}.toml"));
    let text = std::fs::read_to_string(&path).expect("shipped protocol");
    bencher.bench(|| kap::protocol::load_str(&path, &text).expect("valid"));
}

#[divan::bench(args = ["128/82 76 98", "bp 142/91 hr 88 sat 95%", "150/95"])]
fn parse_vitals_entry(bencher: Bencher, entry: &str) {
    bencher.bench(|| parse(divan::black_box(entry)));
}

/// What `kap verify` does for each record: list the folder, read and
/// check the journal, read the seal, load the protocol copy (cached by its
/// hash, as a run over a whole folder does), and judge.
#[divan::bench]
fn verify_one_sealed_record(bencher: Bencher) {
    let tmp = tempfile::tempdir().expect("temp dir");
    let (dir, _) = common::sealed::sealed_course(tmp.path());
    let mut cache = kap::record::audit::ProtocolCache::new();
    bencher.bench_local(|| {
        let facts = kap::record::audit::gather(&dir, &mut cache);
        kap::record::audit::judge_record(&facts)
    });
}
