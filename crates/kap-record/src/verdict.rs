//! One verdict per record: open, closed, ended early, or damaged (with
//! what and where), decided by one pure function from what reading the
//! journal found and the record's seal. Every command that reads a record
//! — `resume` (list and status), `history`, `doctor`, `push`, the exports,
//! the course view and `verify` — asks this and says it in the same
//! words. A damaged record is never offered for resume and never sent as
//! if whole.

use super::journal::ReadOutcome;
use super::seal::{Found, SealedAs};
use crate::i18n::Phrase;
use crate::session::Event;
use serde::{Deserialize, Serialize};
use std::path::Path;

/// Where the record stands by its own entries (or, when its end is lost,
/// by its seal).
#[derive(Debug, Clone, Copy, PartialEq, Eq, Serialize, Deserialize)]
pub enum Standing {
    Open,
    Closed,
    EndedEarly,
}

/// One thing that makes a record damaged.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
pub enum Damage {
    /// The journal ends at entry `after` but was sealed with `sealed`
    /// entries: its tail was lost (a partial restore, `head -n -3`).
    Missing { after: u64, sealed: u64 },
    /// The line holding sealed entry `entry` is not the line that was
    /// sealed (changed, replaced or unreadable).
    SealMismatch { entry: u64 },
    /// Lines that failed their checks (unreadable, changed, out of
    /// chain, out of number), by line number.
    Lines(Vec<usize>),
    /// `seal.json` is there but is not a seal.
    SealUnreadable(super::seal::Fault),
}

impl Damage {
    /// A stable code for scripts (`kap verify --json`).
    pub fn code(&self) -> &'static str {
        match self {
            Damage::Missing { .. } => "entries-missing",
            Damage::SealMismatch { .. } => "seal-mismatch",
            Damage::Lines(_) => "lines-failed",
            Damage::SealUnreadable(_) => "seal-unreadable",
        }
    }

    /// The damage, for whoever words it.
    pub fn describe(&self) -> Phrase {
        match self {
            Damage::Missing { after, sealed } => crate::phrase!(
                "verdict-missing",
                after = after.to_string(),
                sealed = sealed.to_string()
            ),
            Damage::SealMismatch { entry } => {
                crate::phrase!("verdict-seal-mismatch", entry = entry.to_string())
            }
            Damage::Lines(lines) => crate::phrase!(
                "verdict-lines",
                count = lines.len(),
                line = lines.first().copied().unwrap_or(0).to_string()
            ),
            Damage::SealUnreadable(e) => {
                crate::phrase!("verdict-seal-unreadable", error = e.words())
            }
        }
    }
}

/// A record's verdict.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
pub struct Verdict {
    pub standing: Standing,
    /// Empty for a sound record.
    pub damage: Vec<Damage>,
}

impl Verdict {
    pub fn is_damaged(&self) -> bool {
        !self.damage.is_empty()
    }

    /// Closed or ended early (by its entries or its seal).
    pub fn is_finished(&self) -> bool {
        self.standing != Standing::Open
    }

    /// Offered for resume: open and not damaged.
    pub fn is_resumable(&self) -> bool {
        !self.is_finished() && !self.is_damaged()
    }

    /// Sent to the clinic's server: finished and not damaged.
    pub fn is_pushable(&self) -> bool {
        self.is_finished() && !self.is_damaged()
    }

    /// One word, in English, for scripts: `open`, `closed`,
    /// `ended-early`, `damaged`.
    pub fn code(&self) -> &'static str {
        match (self.is_damaged(), self.standing) {
            (true, _) => "damaged",
            (false, Standing::Open) => "open",
            (false, Standing::Closed) => "closed",
            (false, Standing::EndedEarly) => "ended-early",
        }
    }

    /// One word for lists.
    pub fn word(&self) -> Phrase {
        Phrase::msg(match (self.is_damaged(), self.standing) {
            (true, _) => "verdict-word-damaged",
            (false, Standing::Open) => "verdict-word-open",
            (false, Standing::Closed) => "verdict-word-closed",
            (false, Standing::EndedEarly) => "verdict-word-ended-early",
        })
    }

    /// The verdict as one sentence: the word, and for a damaged record
    /// what and where.
    pub fn sentence(&self) -> Phrase {
        if self.damage.is_empty() {
            return self.word();
        }
        let what: Vec<Phrase> = self.damage.iter().map(Damage::describe).collect();
        Phrase::Seq(vec![self.word(), " — ".into(), Phrase::join(what, "; ")])
    }
}

/// The verdict on a record from what reading its journal found and its
/// seal. Pure.
pub fn judge(outcome: &ReadOutcome, seal: &Found) -> Verdict {
    let by_entries = outcome.records.iter().rev().find_map(|r| match r.event {
        Event::Closed => Some(Standing::Closed),
        Event::Abandoned { .. } => Some(Standing::EndedEarly),
        _ => None,
    });
    let by_seal = seal.seal().map(|s| match s.sealed_as {
        Some(SealedAs::EndedEarly) => Standing::EndedEarly,
        Some(SealedAs::Closed) | None => Standing::Closed,
    });
    let standing = by_entries.or(by_seal).unwrap_or(Standing::Open);
    let mut damage = Vec::new();
    if let Found::Unreadable(e) = seal {
        damage.push(Damage::SealUnreadable(e.clone()));
    }
    if let Some(s) = seal.seal() {
        match outcome.hash_of(s.entries) {
            Some(h) if h == s.last_sha256 => {}
            Some(_) => damage.push(Damage::SealMismatch { entry: s.entries }),
            None if outcome.last_seq < s.entries && outcome.whole_lines < line_count(s.entries) => {
                damage.push(Damage::Missing {
                    after: outcome.last_seq,
                    sealed: s.entries,
                });
            }
            None => damage.push(Damage::SealMismatch { entry: s.entries }),
        }
    }
    let mut lines: Vec<usize> = outcome.problems.iter().map(|p| p.line).collect();
    lines.dedup();
    if !lines.is_empty() {
        damage.push(Damage::Lines(lines));
    }
    Verdict { standing, damage }
}

/// Entries as a count of lines (one line per entry).
fn line_count(entries: u64) -> usize {
    usize::try_from(entries).unwrap_or(usize::MAX)
}

/// The verdict on a session folder, with what reading its journal found.
/// Reads only.
pub fn of_folder(dir: &Path) -> std::io::Result<(Verdict, ReadOutcome)> {
    let outcome = super::journal::read(&dir.join(super::store::JOURNAL))?;
    let seal = super::seal::read(dir);
    Ok((judge(&outcome, &seal), outcome))
}

#[cfg(test)]
mod tests {
    use super::super::journal;
    use super::super::seal::Seal;
    use super::*;

    fn seal_of(out: &ReadOutcome) -> Found {
        Found::File(Seal {
            version: 1,
            entries: out.last_seq,
            last_sha256: out.last_hash.clone(),
            sealed_as: Some(SealedAs::Closed),
            at: None,
        })
    }

    fn lines(n: u64) -> Vec<u8> {
        let mut j = Vec::new();
        let mut prev = super::super::verify::GENESIS.to_string();
        for seq in 1..=n {
            let body = format!(
                r#"{{"v":2,"seq":{seq},"rehearsal":true,"at":{{"wall":"2026-01-12T09:15:00+01:00","boot":"b","mono":{seq}}},"event":{{"type":"note","text":"n{seq}","tags":[]}},"prev":"{prev}"}}"#
            );
            let line = super::super::verify::seal(body.as_bytes());
            prev = super::super::verify::sha256_hex(&line);
            j.extend_from_slice(&line);
            j.push(b'\n');
        }
        j
    }

    #[test]
    fn a_journal_cut_short_of_its_seal_is_damaged_at_every_length() {
        let whole = lines(12);
        let full = journal::parse(&whole);
        let seal = seal_of(&full);
        assert!(!judge(&full, &seal).is_damaged());
        assert_eq!(judge(&full, &seal).standing, Standing::Closed);
        let text = String::from_utf8(whole).unwrap();
        let all: Vec<&str> = text.lines().collect();
        for keep in 0..all.len() {
            let cut = all[..keep]
                .iter()
                .map(|l| format!("{l}\n"))
                .collect::<String>();
            let v = judge(&journal::parse(cut.as_bytes()), &seal);
            assert_eq!(
                v.damage,
                vec![Damage::Missing {
                    after: keep as u64,
                    sealed: 12
                }],
                "kept {keep}"
            );
            assert!(!v.is_resumable() && !v.is_pushable(), "kept {keep}");
        }
    }

    #[test]
    fn an_open_journal_without_a_seal_is_open_and_sound() {
        let out = journal::parse(&lines(5));
        let v = judge(&out, &Found::None);
        assert_eq!(v.code(), "open");
        assert!(v.is_resumable());
    }

    #[test]
    fn a_changed_sealed_line_is_a_seal_mismatch() {
        let whole = String::from_utf8(lines(4)).unwrap();
        let seal = seal_of(&journal::parse(whole.as_bytes()));
        let edited = whole.replace("\"n4\"", "\"n5\"");
        let v = judge(&journal::parse(edited.as_bytes()), &seal);
        assert_eq!(v.damage[0], Damage::SealMismatch { entry: 4 });
        assert!(matches!(&v.damage[1], Damage::Lines(l) if l == &vec![4]));
    }
}
