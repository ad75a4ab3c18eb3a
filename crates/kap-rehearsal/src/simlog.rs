//! The simulation log: what happened to the simulation itself during a
//! rehearsal, beside the trainee's journal in the rehearsal folder. Speed
//! changes, simulated time paused and resumed, every cuff cycle and every
//! instructor injection, each with its simulated moment and the real time
//! it was made. The trainee's journal stays the trainee's record; this file
//! is what a replay, a branch and the report need to rebuild the patient.
//!
//! One JSON object per line, appended and fsynced like the journal. A torn
//! last line (a crash mid-write) is skipped on reading, and so is any line
//! this kap cannot read, with its line number reported.

use super::inject::Injection;
use crate::session::Moment;
use serde::{Deserialize, Serialize};
use std::fs::{File, OpenOptions};
use std::io::{self, Read, Seek, SeekFrom, Write};
use std::os::unix::fs::OpenOptionsExt;
use std::path::{Path, PathBuf};

/// The file's name in a rehearsal folder.
pub const FILE: &str = crate::record::names::SIMULATION_LOG;
/// The scenario the rehearsal runs, copied into its folder at the start.
pub const SCENARIO_COPY: &str = crate::record::names::SCENARIO_COPY;
/// Largest simulation log read. A two-hour rehearsal writes a few KiB,
/// but an instructor (or a script on the socket) can write far more: the
/// log is read a line at a time, so only its entries are held, and a log
/// this large is refused by name rather than read for minutes.
pub const MAX_BYTES: u64 = 256 * 1024 * 1024;
/// Longest line read: an entry is a few hundred bytes.
const MAX_LINE: u64 = 64 * 1024;

#[derive(Debug, Clone, PartialEq, Serialize, Deserialize)]
pub struct SimEntry {
    /// The simulated moment (the rehearsal's clock).
    pub at: Moment,
    /// The real time it was written (RFC 3339), for the instructor's log.
    pub real: String,
    #[serde(flatten)]
    pub what: SimEvent,
}

#[derive(Debug, Clone, PartialEq, Serialize, Deserialize)]
#[serde(tag = "kind", rename_all = "kebab-case")]
pub enum SimEvent {
    /// The seed the patient's noise uses (written once, at the start).
    Seed { seed: u64 },
    /// The rehearsal's simulated time runs at `speed` × real time from here.
    Speed { speed: f64, by: Who },
    /// Simulated time stopped.
    Paused { by: Who },
    /// Simulated time runs again.
    Resumed { by: Who },
    /// The monitor's cuff was cycled and read this.
    Cuff { systolic: u16, diastolic: u16 },
    /// The instructor changed the simulation.
    Inject {
        injection: Injection,
        /// The scenario's named injection this came from, if any.
        #[serde(default, skip_serializing_if = "Option::is_none")]
        named: Option<String>,
    },
}

#[derive(Debug, Clone, Copy, PartialEq, Eq, Serialize, Deserialize)]
#[serde(rename_all = "kebab-case")]
pub enum Who {
    Trainee,
    Instructor,
}

impl SimEvent {
    /// The speed this entry sets, if it sets one.
    pub fn speed(&self) -> Option<f64> {
        match self {
            SimEvent::Speed { speed, .. } => Some(*speed),
            _ => None,
        }
    }
}

/// What reading a simulation log found.
#[derive(Debug, Default, Clone, PartialEq)]
pub struct SimLog {
    pub entries: Vec<SimEntry>,
    /// Lines that could not be read: (line number, why).
    pub skipped: Vec<(usize, String)>,
}

impl SimLog {
    /// Every speed the run used, in the order first used; `initial` when
    /// the log recorded none.
    pub fn speeds(&self, initial: f64) -> Vec<f64> {
        let out = self.speeds_recorded();
        if out.is_empty() { vec![initial] } else { out }
    }

    /// Every speed the log records, in the order first used (none for a
    /// log from before speeds were kept).
    pub fn speeds_recorded(&self) -> Vec<f64> {
        let mut out: Vec<f64> = Vec::new();
        for s in self.entries.iter().filter_map(|e| e.what.speed()) {
            if !out.iter().any(|x| (x - s).abs() < 1e-9) {
                out.push(s);
            }
        }
        out
    }

    /// The instructor's injections, in order.
    pub fn injections(&self) -> impl Iterator<Item = (&SimEntry, &Injection)> {
        self.entries.iter().filter_map(|e| match &e.what {
            SimEvent::Inject { injection, .. } => Some((e, injection)),
            _ => None,
        })
    }
}

/// Parse a simulation log's bytes. Never fails: unreadable lines are
/// skipped and named.
pub fn parse(bytes: &[u8]) -> SimLog {
    let mut log = SimLog::default();
    let lines: Vec<&[u8]> = bytes.split(|b| *b == b'\n').collect();
    let last = lines.len().saturating_sub(1);
    for (i, line) in lines.iter().enumerate() {
        take_line(&mut log, i + 1, line, i == last);
    }
    log
}

/// One line of a log, line number `n`; `last` when it had no newline.
fn take_line(log: &mut SimLog, n: usize, line: &[u8], last: bool) {
    if line.iter().all(u8::is_ascii_whitespace) {
        return;
    }
    match serde_json::from_slice::<SimEntry>(line) {
        Ok(e) => log.entries.push(e),
        // A last line without its newline was cut short by a crash.
        Err(_) if last => log.skipped.push((n, "cut short".into())),
        Err(e) => log.skipped.push((n, e.to_string())),
    }
}

/// Read the simulation log of a rehearsal folder (empty when it has none).
pub fn read(dir: &Path, lang: crate::i18n::Lang) -> io::Result<SimLog> {
    use std::io::BufRead;
    let path = dir.join(FILE);
    let file = match crate::input::open_regular(&path) {
        Err(e) if e.kind() == io::ErrorKind::NotFound => return Ok(SimLog::default()),
        f => f?,
    };
    if file.metadata()?.len() > MAX_BYTES {
        return Err(io::Error::new(
            io::ErrorKind::InvalidInput,
            crate::say!(lang, "input-too-big", kib = (MAX_BYTES / 1024).to_string()),
        ));
    }
    let mut reader = io::BufReader::new(file).take(MAX_BYTES);
    let mut log = SimLog::default();
    let mut line = Vec::new();
    for n in 1.. {
        line.clear();
        if (&mut reader).take(MAX_LINE).read_until(b'\n', &mut line)? == 0 {
            break;
        }
        if line.ends_with(b"\n") {
            take_line(&mut log, n, &line[..line.len() - 1], false);
        } else if line.len() as u64 >= MAX_LINE {
            // Longer than any entry: skip to the end of the line.
            log.skipped.push((n, "line too long".into()));
            loop {
                line.clear();
                let got = (&mut reader).take(MAX_LINE).read_until(b'\n', &mut line)?;
                if got == 0 || line.ends_with(b"\n") {
                    break;
                }
            }
        } else {
            take_line(&mut log, n, &line, true);
        }
    }
    Ok(log)
}

/// Appends entries to a rehearsal folder's simulation log, each fsynced.
#[derive(Debug)]
pub struct SimWriter {
    path: PathBuf,
    file: File,
}

impl SimWriter {
    /// Open for appending. A last line cut short by a crash is ended
    /// with a newline first, so the next entry starts a line of its own:
    /// the fragment stays (nothing is deleted) and reads as one skipped
    /// line, not as the start of the next entry.
    pub fn open(dir: &Path) -> io::Result<SimWriter> {
        let path = dir.join(FILE);
        let mut file = crate::input::open_checked(
            &path,
            OpenOptions::new()
                .create(true)
                .read(true)
                .append(true)
                .mode(0o600),
            crate::input::Links::Refuse,
        )?;
        if file.metadata()?.len() > 0 {
            let mut last = [0u8; 1];
            file.seek(SeekFrom::End(-1))?;
            file.read_exact(&mut last)?;
            if last[0] != b'\n' {
                file.write_all(b"\n")?;
                file.sync_data()?;
            }
        }
        Ok(SimWriter { path, file })
    }

    pub fn path(&self) -> &Path {
        &self.path
    }

    /// Write one entry and wait until it is on disk.
    pub fn append(&mut self, at: &Moment, what: SimEvent) -> io::Result<SimEntry> {
        let entry = SimEntry {
            at: at.clone(),
            real: chrono::Utc::now().to_rfc3339_opts(chrono::SecondsFormat::Millis, true),
            what,
        };
        let mut line = serde_json::to_vec(&entry).map_err(io::Error::other)?;
        line.push(b'\n');
        self.file.write_all(&line)?;
        self.file.sync_data()?;
        Ok(entry)
    }
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::protocol::model::Metric;

    fn at(min: i64) -> Moment {
        use crate::session::Clock;
        crate::session::SimClock::fixed()
            .now()
            .plus(min * crate::session::MINUTE)
    }

    #[test]
    fn entries_round_trip_and_a_torn_line_is_skipped() {
        let dir = tempfile::tempdir().unwrap();
        let mut w = SimWriter::open(dir.path()).unwrap();
        w.append(
            &at(1),
            SimEvent::Speed {
                speed: 1.0,
                by: Who::Instructor,
            },
        )
        .unwrap();
        w.append(
            &at(2),
            SimEvent::Inject {
                injection: Injection::Vitals {
                    metric: Metric::Systolic,
                    change: 40.0,
                    fade_minutes: 5.0,
                },
                named: None,
            },
        )
        .unwrap();
        drop(w);
        let mut bytes = std::fs::read(dir.path().join(FILE)).unwrap();
        bytes.extend_from_slice(b"{\"at\":");
        std::fs::write(dir.path().join(FILE), &bytes).unwrap();
        let log = read(dir.path(), crate::i18n::Lang::En).unwrap();
        assert_eq!(log.entries.len(), 2);
        assert_eq!(log.skipped.len(), 1);
        // Written on after the crash: the fragment stays a line of its
        // own, and the new entry is read.
        let mut w = SimWriter::open(dir.path()).unwrap();
        w.append(&at(3), SimEvent::Paused { by: Who::Trainee })
            .unwrap();
        let log = read(dir.path(), crate::i18n::Lang::En).unwrap();
        assert_eq!(log.entries.len(), 3, "{:?}", log.skipped);
        assert_eq!(log.skipped.len(), 1);
        assert!(
            std::fs::read_to_string(dir.path().join(FILE))
                .unwrap()
                .contains("{\"at\":\n")
        );
        assert_eq!(log.injections().count(), 1);
        assert_eq!(log.speeds(30.0), vec![1.0]);
        assert_eq!(SimLog::default().speeds(30.0), vec![30.0]);
    }

    /// A log far past the old 8 MiB bound still resumes the same patient:
    /// its injections, wherever they stand, are all read.
    #[test]
    fn a_20_mib_log_is_read_whole() {
        let dir = tempfile::tempdir().unwrap();
        let entry = |min: i64, what: SimEvent| {
            let e = SimEntry {
                at: at(min),
                real: "2026-01-01T00:00:00.000Z".into(),
                what,
            };
            let mut l = serde_json::to_vec(&e).unwrap();
            l.push(b'\n');
            l
        };
        let inject = || SimEvent::Inject {
            injection: Injection::Vitals {
                metric: Metric::Systolic,
                change: 40.0,
                fade_minutes: 5.0,
            },
            named: None,
        };
        let mut bytes = entry(1, inject());
        // A line longer than any entry is skipped, and only that line.
        bytes.extend_from_slice(&[b'x'; 100 * 1024]);
        bytes.push(b'\n');
        let filler = entry(2, SimEvent::Paused { by: Who::Trainee });
        let mut count = 1;
        while bytes.len() < 20 * 1024 * 1024 {
            bytes.extend_from_slice(&filler);
            count += 1;
        }
        bytes.extend_from_slice(&entry(3, inject()));
        count += 1;
        std::fs::write(dir.path().join(FILE), &bytes).unwrap();
        let log = read(dir.path(), crate::i18n::Lang::En).unwrap();
        assert_eq!(log.entries.len(), count);
        assert_eq!(log.skipped, vec![(2, "line too long".to_string())]);
        assert_eq!(log.injections().count(), 2, "the last injection too");
    }
}
