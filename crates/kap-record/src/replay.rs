//! Rebuilding a session from its journal: the verified read, then a replay
//! that recovers every entry that fits and names what it had to skip.

use super::journal::{self, ReadOutcome};
use super::store::{JOURNAL, RecordError, io_err, protocol_copy};
use super::verify::{Finding, Problem};
use crate::protocol;
use crate::session::{Event, Session};
use std::path::Path;
use std::sync::Arc;

/// A session read without changing anything (exports, history, status).
#[derive(Debug)]
pub struct ReadSession {
    pub session: Session,
    /// What verifying and replaying the journal found, by line.
    pub problems: Vec<Problem>,
    /// Everything unusual (a torn last line, problems, …), for whoever
    /// shows them to say in their language.
    pub warnings: Vec<crate::i18n::Phrase>,
}

/// Read a session folder without changing anything (exports, history):
/// no lock is taken, a torn last line is skipped and reported, not cut off.
pub fn read_session(dir: &Path) -> Result<ReadSession, RecordError> {
    read_with_outcome(dir).map(|(read, _)| read)
}

/// The same, and a closed session's missing `summary.md` (kap killed
/// while closing) written on the way (exports, history, status; never a
/// replay, which writes nothing).
pub fn read_session_mending(dir: &Path) -> Result<ReadSession, RecordError> {
    let (read, outcome) = read_with_outcome(dir)?;
    let clean = read.warnings.is_empty();
    let lang = recorded_lang(&read.session);
    super::summary::write_if_missing(dir, &read.session, &outcome, clean, lang);
    Ok(read)
}

/// The language `session` was recorded in (English for a journal from
/// before kap recorded it): a summary mended on reading is written in it,
/// as it would have been at the session's close, whoever reads it now.
pub(super) fn recorded_lang(session: &Session) -> crate::i18n::Lang {
    session
        .recorded_language()
        .and_then(crate::i18n::Lang::from_tag)
        .unwrap_or(crate::i18n::Lang::En)
}

fn read_with_outcome(dir: &Path) -> Result<(ReadSession, ReadOutcome), RecordError> {
    let (protocol, _) = protocol_copy(dir)?;
    let jpath = dir.join(JOURNAL);
    let outcome = journal::read(&jpath).map_err(io_err(&jpath))?;
    let (session, problems) = replay(protocol, &outcome, &jpath)?;
    let warnings = super::verify::read_notes(&outcome, &problems, &jpath);
    let read = ReadSession {
        session,
        problems,
        warnings,
    };
    Ok((read, outcome))
}

/// Rebuild the session from a verified read, recovering every entry that
/// fits: an entry the session refuses (often because an earlier line was
/// unreadable) is quarantined and reported, and replay goes on with the
/// next. Only a journal from a newer kap, or one with no start entry, is
/// refused whole.
pub fn replay(
    protocol: Arc<protocol::Protocol>,
    outcome: &ReadOutcome,
    path: &Path,
) -> Result<(Session, Vec<Problem>), RecordError> {
    replay_prefix(protocol, outcome, path, usize::MAX)
}

/// Milliseconds from the journal's first entry to each readable entry, in
/// file order: where each entry falls on a replay's timeline.
pub fn offsets(outcome: &ReadOutcome) -> Vec<crate::session::Millis> {
    let Some(first) = outcome.records.first() else {
        return Vec::new();
    };
    outcome
        .records
        .iter()
        .map(|r| r.at.since(&first.at))
        .collect()
}

/// How many readable entries stood in the journal `ms` after its first:
/// the leading entries whose moment is at or before it (a prefix, so an
/// entry whose clock stepped back never pulls a later one in early).
pub fn count_at(outcome: &ReadOutcome, ms: crate::session::Millis) -> usize {
    offsets(outcome).iter().take_while(|&&o| o <= ms).count()
}

/// The session as it stood `ms` after the journal's first entry: the
/// entries with `at <= T` folded, as [`replay`] folds them all. The start
/// entry is always folded (a session exists from its start).
pub fn session_at(
    protocol: Arc<protocol::Protocol>,
    outcome: &ReadOutcome,
    path: &Path,
    ms: crate::session::Millis,
) -> Result<Session, RecordError> {
    let n = count_at(outcome, ms).max(1);
    replay_prefix(protocol, outcome, path, n).map(|(s, _)| s)
}

/// Fold the journal's first `count` readable entries (all of them with
/// `usize::MAX`), as [`replay`] describes. Problems are those of the
/// entries folded, and the read's own.
pub fn replay_prefix(
    protocol: Arc<protocol::Protocol>,
    outcome: &ReadOutcome,
    path: &Path,
    count: usize,
) -> Result<(Session, Vec<Problem>), RecordError> {
    if let Some(n) = &outcome.newer {
        return Err(RecordError::Newer(path.to_path_buf(), n.clone()));
    }
    let mut problems = outcome.problems.clone();
    let mut entries = outcome.entries();
    let Some(first) = entries.next() else {
        return Err(RecordError::Empty(path.to_path_buf()));
    };
    let Event::Started(start) = &first.record.event else {
        return Err(RecordError::NoStart {
            path: path.to_path_buf(),
            line: first.line,
        });
    };
    let mut session = Session::start(
        Arc::clone(&protocol),
        start.clone(),
        first.record.at.clone(),
    )
    .map_err(|refusal| RecordError::Replay {
        path: path.to_path_buf(),
        seq: first.record.seq,
        refusal,
    })?;
    if let Some(why) = crate::session::dose_disagreement(&protocol, start) {
        problems.push(Problem {
            line: first.line,
            seq: Some(first.record.seq),
            entry: Some((first.record.event.kind(), first.record.at.clone())),
            finding: Finding::Implausible(why),
        });
    }
    for e in entries.take(count.saturating_sub(1)) {
        let stamp = crate::session::Stamp {
            by: e.record.by.clone(),
            taken: e.record.taken.clone(),
        };
        if let Err(r) = session.apply_entry(e.record.seq, &e.record.event, &e.record.at, &stamp) {
            problems.push(Problem {
                line: e.line,
                seq: Some(e.record.seq),
                entry: Some((e.record.event.kind(), e.record.at.clone())),
                finding: Finding::Refused(r.message_and_holds()),
            });
        }
    }
    problems.sort_by_key(|p| p.line);
    Ok((session, problems))
}
