//! Branching a rehearsal: a new rehearsal whose journal holds the
//! original's entries up to a moment T, written afresh through the journal
//! writer (so its numbers, checksums and chain are its own and verify),
//! linked to the original by `branch.json`. The original is only read.
//! A real session is never branched: a branch is a rehearsal, and a
//! patient's record is not training material.

use crate::record::journal::{self, Journal};
use crate::record::store::{
    JOURNAL, RecordError, Store, build_session_folder, io_err, make_private_dirs,
    remove_abandoned_creations,
};
use crate::session::{Event, MINUTE, Millis, Moment, Stamp};
use serde::{Deserialize, Serialize};
use std::path::{Path, PathBuf};

/// The link from a branch to the rehearsal it came from.
pub const BRANCH_FILE: &str = crate::record::names::BRANCH_FILE;
use super::simlog::{FILE as SIMULATION_LOG, SCENARIO_COPY};

/// What `branch.json` holds.
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize)]
pub struct BranchLink {
    /// The original's id (its folder name).
    pub source_id: String,
    /// The original's folder, as it was found.
    pub source_dir: PathBuf,
    /// T, as milliseconds after the original's first entry.
    pub at_ms: Millis,
    /// T, as a moment on the original's clock: the branch's simulated
    /// clock starts here.
    pub at: Moment,
    /// How many of the original's entries the branch holds.
    pub entries: usize,
    /// When the original's dosing started, as milliseconds after its first
    /// entry (`None`: it never started, or a branch made before kap kept
    /// this).
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub dosing_ms: Option<Millis>,
}

impl BranchLink {
    /// T in whole minutes from the start of the original's dosing (from its
    /// first entry when it never dosed), as the header says it: the origin
    /// of `--branch-at`, the scenario's minutes and the trainee report.
    pub fn minute(&self) -> Millis {
        (self.at_ms - self.dosing_ms.unwrap_or(0)).div_euclid(MINUTE)
    }
}

/// Where `--branch-at MINUTES` points in the rehearsal in `source`: the
/// minutes count from the start of its dosing, as the trainee report and
/// the scenario's events count them (from its first entry when it never
/// started dosing). Returns T as milliseconds after the first entry.
pub fn at_dosing_minute(source: &Path, minutes: f64) -> Result<Millis, BranchError> {
    let jpath = source.join(JOURNAL);
    let outcome = journal::read(&jpath).map_err(io_err(&jpath))?;
    let (protocol, _) = crate::record::store::protocol_copy(source)?;
    let dosing = dosing_offset(protocol, &outcome, &jpath)?;
    let ms = dosing.unwrap_or(0) + (minutes * MINUTE as f64).round() as Millis;
    if !minutes.is_finite() || ms < 0 {
        return Err(BranchError::Negative);
    }
    Ok(ms)
}

/// When dosing started in the whole record, after its first entry.
fn dosing_offset(
    protocol: std::sync::Arc<crate::protocol::Protocol>,
    outcome: &journal::ReadOutcome,
    jpath: &Path,
) -> Result<Option<Millis>, RecordError> {
    let (whole, _) = crate::record::replay::replay_prefix(protocol, outcome, jpath, usize::MAX)?;
    Ok(whole.dosing.started.map(|d| d.since(&whole.started_at)))
}

/// Read a session folder's link to the rehearsal it branched from, if any.
pub fn link_of(dir: &Path) -> Option<BranchLink> {
    let bytes = crate::input::read_limited(&dir.join(BRANCH_FILE), 64 * 1024).ok()?;
    serde_json::from_slice(&bytes).ok()
}

/// Why a branch was not made.
#[derive(Debug)]
pub enum BranchError {
    /// The source is a real session.
    Real,
    /// T is before the rehearsal's first entry.
    Negative,
    /// The rehearsal was closed (or abandoned) by T: when, from the start
    /// of dosing (as [`BranchLink::minute`]).
    Closed(Millis),
    /// T is after the rehearsal's last moment: that moment, from the start
    /// of dosing.
    AfterEnd(Millis),
    Record(RecordError),
}

impl BranchError {
    /// Why the branch was refused, in `lang`.
    pub fn say(&self, lang: crate::i18n::Lang) -> String {
        match self {
            BranchError::Real => crate::say!(lang, "branch-refused-real"),
            BranchError::Negative => crate::say!(lang, "branch-refused-negative"),
            BranchError::Closed(ms) => crate::say!(
                lang,
                "branch-refused-closed",
                minute = (ms / MINUTE).to_string()
            ),
            BranchError::AfterEnd(ms) => crate::say!(
                lang,
                "branch-refused-after-end",
                minute = (ms / MINUTE).to_string()
            ),
            BranchError::Record(e) => e.say(lang),
        }
    }
}

impl From<RecordError> for BranchError {
    fn from(e: RecordError) -> Self {
        BranchError::Record(e)
    }
}

/// Make a new rehearsal in `store` from the rehearsal in `source`, as it
/// stood `at_ms` after its first entry. Returns the new folder, closed
/// (no lock held): `kap resume` or the app opens it.
pub fn branch(
    store: &Store,
    source: &Path,
    at_ms: Millis,
    lang: crate::i18n::Lang,
) -> Result<PathBuf, BranchError> {
    if at_ms < 0 {
        return Err(BranchError::Negative);
    }
    let jpath = source.join(JOURNAL);
    let outcome = journal::read(&jpath).map_err(io_err(&jpath))?;
    let (protocol, protocol_text) = crate::record::store::protocol_copy(source)?;
    // The prefix must fold as a session does: the same checks as a replay.
    let count = crate::record::replay::count_at(&outcome, at_ms).max(1);
    crate::record::replay::replay_prefix(protocol.clone(), &outcome, &jpath, count)?;
    let dosing_ms = dosing_offset(protocol, &outcome, &jpath)?;
    let first = outcome
        .records
        .first()
        .ok_or_else(|| RecordError::Empty(jpath.clone()))?;
    if !first.rehearsal {
        return Err(BranchError::Real);
    }
    // Nothing happened after the last entry (or the simulation log's last
    // moment): a branch there would start in a future that never was.
    let length = outcome
        .records
        .last()
        .map(|r| r.at.since(&first.at))
        .into_iter()
        .chain(
            super::simlog::read(source, lang)
                .ok()
                .and_then(|l| l.entries.last().map(|e| e.at.since(&first.at))),
        )
        .max()
        .unwrap_or(0);
    if at_ms > length {
        return Err(BranchError::AfterEnd(length - dosing_ms.unwrap_or(0)));
    }
    let kept = &outcome.records[..count.min(outcome.records.len())];
    if let Some(end) = kept
        .iter()
        .find(|r| matches!(r.event, Event::Closed | Event::Abandoned { .. }))
    {
        return Err(BranchError::Closed(
            end.at.since(&first.at) - dosing_ms.unwrap_or(0),
        ));
    }
    let source_id = source
        .file_name()
        .map(|n| n.to_string_lossy().into_owned())
        .unwrap_or_else(|| "rehearsal".into());
    let link = BranchLink {
        source_id: source_id.clone(),
        source_dir: source.to_path_buf(),
        at_ms,
        at: first.at.plus(at_ms),
        entries: kept.len(),
        dosing_ms,
    };

    let tree = store.tree(true);
    make_private_dirs(store.root())?;
    make_private_dirs(&tree)?;
    remove_abandoned_creations(&tree);
    let base = format!(
        "{}-branch-m{}",
        crate::record::store::safe_name(&source_id),
        link.minute()
    );
    let mut dir = tree.join(&base);
    let mut n = 1;
    while std::fs::symlink_metadata(&dir).is_ok() {
        n += 1;
        dir = tree.join(format!("{base}-{n}"));
    }
    let building = tree.join(format!(".creating-{base}-{}", std::process::id()));
    let (journal, lock) =
        build_session_folder(&building, &protocol_text, true, |j| copy_entries(j, kept))?;
    let extras = write_extras(&building, source, &link, &first.at);
    if let Err(e) = extras {
        drop((journal, lock));
        let _ = std::fs::remove_dir_all(&building);
        return Err(e.into());
    }
    std::fs::rename(&building, &dir).map_err(io_err(&dir))?;
    journal::sync_dir(&tree).map_err(io_err(&tree))?;
    drop((journal, lock));
    Ok(dir)
}

/// Each kept entry, appended through the writer with its own moment,
/// author and time taken: new numbers and a new chain, the same record.
fn copy_entries(j: &mut Journal, kept: &[journal::Record]) -> std::io::Result<()> {
    for r in kept {
        let stamp = Stamp {
            by: r.by.clone(),
            taken: r.taken.clone(),
        };
        j.append_stamped(&r.event, &r.at, &stamp)?;
    }
    Ok(())
}

/// `branch.json`, and the scenario and the simulation's log up to T when
/// the original has them.
fn write_extras(
    building: &Path,
    source: &Path,
    link: &BranchLink,
    start: &Moment,
) -> Result<(), RecordError> {
    let path = building.join(BRANCH_FILE);
    let json = serde_json::to_vec_pretty(link)
        .map_err(|e| RecordError::Io(path.clone(), std::io::Error::other(e)))?;
    journal::write_atomic(&path, &json).map_err(io_err(&path))?;
    let scenario = source.join(SCENARIO_COPY);
    if scenario.is_file() {
        let text = crate::input::read_limited(&scenario, 1024 * 1024).map_err(io_err(&scenario))?;
        let to = building.join(SCENARIO_COPY);
        journal::write_atomic(&to, &text).map_err(io_err(&to))?;
    }
    let sim = source.join(SIMULATION_LOG);
    if sim.is_file() {
        let text =
            crate::input::read_limited(&sim, journal::MAX_JOURNAL_BYTES).map_err(io_err(&sim))?;
        let kept = simulation_until(&String::from_utf8_lossy(&text), start, link.at_ms);
        let to = building.join(SIMULATION_LOG);
        journal::write_atomic(&to, kept.as_bytes()).map_err(io_err(&to))?;
    }
    Ok(())
}

/// The simulation log's lines whose `at` is at or before T (`at_ms` after
/// `start`), as they were. A line without a readable `at` is left out: it
/// cannot be placed before or after T.
pub fn simulation_until(text: &str, start: &Moment, at_ms: Millis) -> String {
    #[derive(Deserialize)]
    struct At {
        at: Moment,
    }
    let mut out = String::new();
    for line in text.lines() {
        let Ok(a) = serde_json::from_str::<At>(line) else {
            continue;
        };
        if a.at.since(start) <= at_ms {
            out.push_str(line);
            out.push('\n');
        }
    }
    out
}
