//! A simulation log far past the old 8 MiB bound (20 MiB, as a long
//! rehearsal at ×1 with a busy instructor could write) resumes the same
//! patient: the instructor's injections at its start and at its end are
//! both applied, as from the same log without the bulk.

use kap::protocol::Metric;
use kap::rehearsal::inject::Injection;
use kap::rehearsal::simlog::{FILE, SCENARIO_COPY, SimEvent, SimWriter, Who};
use kap::session::{Clock, MINUTE, Moment, SimClock};
use std::io::Write;
use std::path::Path;

/// A rehearsal folder with the scenario copy and a simulation log: the
/// seed, a BP rise at minute 1, `filler` bytes of pauses and resumes
/// written directly, then an SpO2 fall at minute 3.
fn rehearsal_folder(dir: &Path, clock: &SimClock, filler: usize) {
    let scenario = Path::new(env!("CARGO_MANIFEST_DIR")).join("scenarios/montreal-uneventful.toml");
    std::fs::copy(scenario, dir.join(SCENARIO_COPY)).unwrap();
    let mut w = SimWriter::open(dir).unwrap();
    w.append(&clock.now(), SimEvent::Seed { seed: 7 }).unwrap();
    clock.advance(MINUTE);
    let inject = |metric, change| SimEvent::Inject {
        injection: Injection::Vitals {
            metric,
            change,
            fade_minutes: 0.0,
        },
        named: None,
    };
    w.append(&clock.now(), inject(Metric::Systolic, 40.0))
        .unwrap();
    drop(w);
    // The bulk, straight into the file: a pause and a resume, again and
    // again, as the log's own lines.
    let pause = SimEvent::Paused { by: Who::Trainee };
    let sample = {
        let other = tempfile::tempdir().unwrap();
        let mut w = SimWriter::open(other.path()).unwrap();
        w.append(&clock.now(), pause).unwrap();
        drop(w);
        std::fs::read(other.path().join(FILE)).unwrap()
    };
    let mut f = std::io::BufWriter::new(
        std::fs::OpenOptions::new()
            .append(true)
            .open(dir.join(FILE))
            .unwrap(),
    );
    let mut written = 0;
    while written < filler {
        f.write_all(&sample).unwrap();
        written += sample.len();
    }
    f.flush().unwrap();
    drop(f);
    clock.advance(2 * MINUTE);
    let mut w = SimWriter::open(dir).unwrap();
    w.append(&clock.now(), inject(Metric::Spo2, -10.0)).unwrap();
}

fn values_at(dir: &Path, origin: &Moment, minute: i64) -> [f64; 4] {
    let p = kap::rehearsal::restore_patient(dir, origin, kap::i18n::Lang::En)
        .expect("the scenario copy loads");
    let clock = SimClock::at(origin.wall);
    clock.advance(minute * MINUTE);
    p.true_values(&clock.now(), origin, None)
}

#[test]
fn a_20_mib_simulation_log_resumes_the_same_patient() {
    let (big, small) = (tempfile::tempdir().unwrap(), tempfile::tempdir().unwrap());
    let (c1, c2) = (SimClock::fixed(), SimClock::fixed());
    let origin = c1.now();
    rehearsal_folder(big.path(), &c1, 20 * 1024 * 1024);
    rehearsal_folder(small.path(), &c2, 0);
    let size = std::fs::metadata(big.path().join(FILE)).unwrap().len();
    assert!(size >= 20 * 1024 * 1024, "{size}");
    let resumed = values_at(big.path(), &origin, 10);
    assert_eq!(resumed, values_at(small.path(), &origin, 10));
    // And the injections are in it, not the scenario's patient alone
    // (+40 and −10, give or take the seeded variation).
    let untouched = tempfile::tempdir().unwrap();
    std::fs::copy(
        big.path().join(SCENARIO_COPY),
        untouched.path().join(SCENARIO_COPY),
    )
    .unwrap();
    let plain = values_at(untouched.path(), &origin, 10);
    assert!(resumed[0] >= plain[0] + 30.0, "{resumed:?} vs {plain:?}");
    assert!(resumed[3] <= plain[3] - 7.0, "{resumed:?} vs {plain:?}");
}
