//! Exports of a big record stay within a small multiple of its journal's
//! size: the real binary exports a journal written by `common::big` (not
//! through the app), and its peak memory is read from the kernel
//! (`wait4`'s `ru_maxrss`). The 50,000-entry figures in
//! docs/performance.md come from the ignored measurement here.

mod common;

use std::path::Path;
use std::process::{Command, Stdio};
use std::time::{Duration, Instant};

/// What one export run took.
struct Run {
    /// Peak resident memory, in bytes.
    peak: u64,
    took: Duration,
    /// Size of what it wrote.
    written: u64,
}

/// `kap export ID ARGS -o FILE` on `data`: its peak memory, time and
/// output size. Fails the test when the export fails.
fn export(data: &Path, id: &str, args: &[&str]) -> Run {
    let out = data.join("export.out");
    let t = Instant::now();
    // Reaped by wait4 below, which reads its peak memory as it does.
    #[allow(clippy::zombie_processes)]
    let child = Command::new(binary())
        .args(["export", id])
        .args(args)
        .arg("-o")
        .arg(&out)
        .env("KAP_DATA_DIR", data)
        .env("KAP_AUDIO", "off")
        .env("KAP_LANG", "en")
        .stdout(Stdio::null())
        .stderr(Stdio::null())
        .spawn()
        .unwrap();
    let pid = i32::try_from(child.id()).unwrap();
    let mut status = 0;
    // SAFETY: rusage is plain data the kernel fills; pid is our child,
    // reaped here (the Child handle is not waited on again).
    let mut usage: libc::rusage = unsafe { std::mem::zeroed() };
    let got = unsafe { libc::wait4(pid, &mut status, 0, &mut usage) };
    let took = t.elapsed();
    assert_eq!(got, pid, "wait4");
    assert!(
        libc::WIFEXITED(status) && libc::WEXITSTATUS(status) == 0,
        "kap export {args:?} failed: {status}"
    );
    let written = std::fs::metadata(&out).unwrap().len();
    std::fs::remove_file(&out).unwrap();
    Run {
        // ru_maxrss is in KiB on Linux.
        peak: u64::try_from(usage.ru_maxrss).unwrap() * 1024,
        took,
        written,
    }
}

/// The kap measured: this build's, or the one `KAP_MEASURE_BINARY` names
/// (a release build, for the figures in docs/performance.md).
fn binary() -> std::path::PathBuf {
    std::env::var_os("KAP_MEASURE_BINARY")
        .map_or_else(|| env!("CARGO_BIN_EXE_kap").into(), Into::into)
}

const FORMATS: [(&str, &[&str]); 3] = [
    ("csv", &["--format", "csv"]),
    ("fhir", &["--format", "fhir"]),
    ("fhir --transaction", &["--format", "fhir", "--transaction"]),
];

/// Each format of a record of `n` entries: its figures, printed, and the
/// journal's size.
fn measure(n: usize) -> (u64, Vec<(&'static str, Run)>) {
    let tmp = tempfile::tempdir().unwrap();
    let dir = common::big::session(tmp.path(), n);
    let id = dir.file_name().unwrap().to_string_lossy().into_owned();
    let journal = std::fs::metadata(dir.join("journal.jsonl")).unwrap().len();
    let mib = |b: u64| b as f64 / (1024.0 * 1024.0);
    eprintln!("{n} entries, journal {:.1} MiB", mib(journal));
    let runs = FORMATS
        .iter()
        .map(|(name, args)| {
            let r = export(tmp.path(), &id, args);
            eprintln!(
                "  {name}: {:.2?}, peak {:.1} MiB ({:.1}× the journal), wrote {:.1} MiB",
                r.took,
                mib(r.peak),
                r.peak as f64 / journal as f64,
                mib(r.written)
            );
            (*name, r)
        })
        .collect();
    (journal, runs)
}

/// Peak memory at most this many times the journal's size, on top of
/// what exporting a one-line record costs (the program, its catalogues
/// and protocol): docs/performance.md, "Exports of a big record".
const TIMES_THE_JOURNAL: u64 = 10;

fn within_budget(n: usize) {
    let (_, small) = measure(1);
    let (journal, runs) = measure(n);
    for ((name, r), (_, base)) in runs.iter().zip(&small) {
        let budget = base.peak + TIMES_THE_JOURNAL * journal;
        assert!(
            r.peak <= budget,
            "{name}: peak {} bytes over the budget of {budget} ({TIMES_THE_JOURNAL}× the {journal}-byte journal + {})",
            r.peak,
            base.peak
        );
    }
}

/// A 5,000-entry record (about 1.7 MiB of journal) in every export
/// format, within the budget: quick enough for every test run.
#[test]
fn a_big_record_exports_within_a_small_multiple_of_its_journal() {
    within_budget(5_000);
}

/// The measure behind docs/performance.md: 50,000 entries. Run with
/// `cargo build --release --bin kap` and
/// `KAP_MEASURE_BINARY=target/release/kap cargo test --test export_scale
/// fifty -- --ignored --nocapture`.
#[test]
#[ignore = "a measurement: a 50,000-entry journal; see docs/performance.md"]
fn fifty_thousand_entries_are_exported_and_measured() {
    within_budget(50_000);
}
