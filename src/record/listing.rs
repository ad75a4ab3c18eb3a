//! A line in a list of sessions: what a session folder's journal says of
//! it at a glance, and its verdict.

use super::verdict::Verdict;
use crate::session::{Event, Moment, SessionStart};
use std::path::{Path, PathBuf};

/// A line in a list of sessions.
#[derive(Debug, Clone)]
pub struct Listing {
    pub id: String,
    pub dir: PathBuf,
    pub start: SessionStart,
    pub started: Moment,
    pub last: Moment,
    pub events: usize,
    /// Closed or ended early, by its entries or its seal.
    pub finished: bool,
    /// The record's verdict (`verdict`): open, closed, ended early or
    /// damaged.
    pub verdict: Verdict,
}

impl Listing {
    pub(super) fn read(dir: &Path) -> Option<Listing> {
        let (verdict, out) = super::verdict::of_folder(dir).ok()?;
        let first = out.records.first()?;
        let Event::Started(start) = &first.event else {
            return None;
        };
        let last = out.records.last()?;
        Some(Listing {
            id: dir.file_name()?.to_string_lossy().into_owned(),
            dir: dir.to_path_buf(),
            start: start.clone(),
            started: first.at.clone(),
            last: last.at.clone(),
            events: out.records.len(),
            finished: verdict.is_finished(),
            verdict,
        })
    }
}
