//! Reading a journal and checking it: every line's own checksum, the hash
//! chain that links it to the line before, the entry numbers, and the
//! schema version. What cannot be read is quarantined and named by line
//! number; nothing is silently dropped. The format is documented for
//! auditors in `docs/journal-format.md`.

use super::journal::{Record, SCHEMA};
use crate::i18n::Phrase;
use crate::session::Moment;
use serde::Deserialize;
use sha2::{Digest, Sha256};
use std::path::Path;

/// The `prev` of a journal's first line.
pub const GENESIS: &str = "0000000000000000000000000000000000000000000000000000000000000000";

/// Length of the `,"sum":"<64 hex>"}` ending of a chained line.
const SUM_SUFFIX_LEN: usize = 8 + 64 + 2;

/// Lower-case hex SHA-256 of some bytes.
pub fn sha256_hex(bytes: &[u8]) -> String {
    let digest = Sha256::digest(bytes);
    let mut s = String::with_capacity(64);
    for b in digest {
        s.push(char::from_digit(u32::from(b >> 4), 16).unwrap_or('0'));
        s.push(char::from_digit(u32::from(b & 0xf), 16).unwrap_or('0'));
    }
    s
}

/// Seal a serialised line (a JSON object without `sum`) by appending its
/// checksum as the last member: `{…}` becomes `{…,"sum":"<hex>"}`.
pub fn seal(body: &[u8]) -> Vec<u8> {
    let sum = sha256_hex(body);
    let mut line = body.to_vec();
    if line.last() == Some(&b'}') {
        line.pop();
    }
    line.extend_from_slice(b",\"sum\":\"");
    line.extend_from_slice(sum.as_bytes());
    line.extend_from_slice(b"\"}");
    line
}

/// The line as it was before sealing, and the checksum it claims; `None`
/// when the line does not end in a well-formed `sum` member.
fn unseal(line: &[u8]) -> Option<(Vec<u8>, &str)> {
    if line.len() < SUM_SUFFIX_LEN + 2 {
        return None;
    }
    let cut = line.len() - SUM_SUFFIX_LEN;
    let (body, tail) = line.split_at(cut);
    let hex = tail.strip_prefix(b",\"sum\":\"")?.strip_suffix(b"\"}")?;
    let hex = std::str::from_utf8(hex).ok()?;
    if !hex.bytes().all(|b| b.is_ascii_hexdigit()) {
        return None;
    }
    let mut restored = body.to_vec();
    restored.push(b'}');
    Some((restored, hex))
}

/// One thing found wrong with one line of a journal.
#[derive(Debug, Clone, PartialEq)]
pub enum Finding {
    /// The line is not a readable entry (bad JSON, an unknown event type,
    /// a bad timestamp): quarantined, not used.
    Unreadable(String),
    /// The line reads, but its checksum does not match its content: it was
    /// changed after it was written. Used, and flagged.
    Altered,
    /// The line's link to the line before does not match: a line before it
    /// is missing, was moved, or was changed.
    ChainBroken,
    /// The entry number is not the one after the previous entry's.
    Sequence { expected: u64, found: u64 },
    /// The session refused the entry on replay (it does not fit what came
    /// before, often because an earlier line was skipped): quarantined.
    Refused(Phrase),
    /// The entry reads and verifies, but a value in it does not agree with
    /// the rest of the record (for example a dose that is not weight ×
    /// mg/kg). Used, and flagged.
    Implausible(Phrase),
}

impl Finding {
    /// Whether the line's entry is left out of the session.
    pub fn skips(&self) -> bool {
        matches!(self, Finding::Unreadable(_) | Finding::Refused(_))
    }
}

impl Finding {
    /// What was found, for whoever words it.
    pub fn phrase(&self) -> Phrase {
        match self {
            Finding::Unreadable(e) => crate::phrase!("verify-unreadable", error = e.as_str()),
            Finding::Altered => crate::phrase!("verify-altered"),
            Finding::ChainBroken => crate::phrase!("verify-chain-broken"),
            Finding::Sequence { expected, found } => crate::phrase!(
                "verify-sequence",
                found = found.to_string(),
                expected = expected.to_string(),
                order = if found < expected { "repeated" } else { "gap" }
            ),
            Finding::Refused(r) => crate::phrase!("verify-refused", refusal = r),
            Finding::Implausible(why) => crate::phrase!("verify-implausible", why = why),
        }
    }
}

/// A finding, with where it is.
#[derive(Debug, Clone, PartialEq)]
pub struct Problem {
    /// 1-based line number in the journal file.
    pub line: usize,
    /// The entry's number, when the line could be read that far.
    pub seq: Option<u64>,
    /// The entry's kind and time, when the line could be read.
    pub entry: Option<(&'static str, Moment)>,
    pub finding: Finding,
}

impl Problem {
    pub fn describe(&self, path: &Path) -> Phrase {
        Phrase::Seq(vec![
            format!("{}:{}: ", path.display(), self.line).into(),
            self.what(),
        ])
    }

    /// The problem without the file name: "entry 7 (vitals at 10:42): …".
    pub fn what(&self) -> Phrase {
        match (&self.seq, &self.entry) {
            (Some(seq), Some((kind, at))) => crate::phrase!(
                "verify-entry-at",
                entry = seq.to_string(),
                kind = *kind,
                at = at.wall.format("%H:%M:%S").to_string(),
                finding = self.finding.phrase()
            ),
            (Some(seq), None) => crate::phrase!(
                "verify-entry",
                entry = seq.to_string(),
                finding = self.finding.phrase()
            ),
            _ => self.finding.phrase(),
        }
    }
}

/// A journal written by a newer kap: refused whole, never guessed at.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct NewerSchema {
    pub line: usize,
    pub found: u32,
}

impl NewerSchema {
    /// The refusal in words, for whoever shows it to say.
    pub fn words(&self) -> Phrase {
        crate::phrase!(
            "verify-newer",
            line = self.line.to_string(),
            found = self.found.to_string(),
            reads = SCHEMA.to_string()
        )
    }
}

/// A record read from a line, with the line's number.
#[derive(Debug, Clone, Copy, PartialEq)]
pub struct Entry<'a> {
    pub line: usize,
    pub record: &'a Record,
    /// The line passed every check (checksum, chain, number).
    pub verified: bool,
}

/// What reading a journal found.
#[derive(Debug, Clone, Default)]
pub struct ReadOutcome {
    /// Every readable record, in file order (unreadable lines left out).
    pub records: Vec<Record>,
    /// The line number of each record.
    pub lines: Vec<usize>,
    /// Whether each record's line passed every check.
    pub verified: Vec<bool>,
    /// The SHA-256 of each record's line: what a seal names.
    pub hashes: Vec<String>,
    /// The last line was cut short by a crash: its number and bytes.
    pub torn: Option<(usize, Vec<u8>)>,
    /// Everything found wrong, in line order.
    pub problems: Vec<Problem>,
    /// A line from a newer schema: the journal must not be used.
    pub newer: Option<NewerSchema>,
    /// Lines written before journals were chained (schema 1): readable but
    /// not verifiable.
    pub unchained: usize,
    /// Byte length of the good part of the file (up to the last newline).
    pub good_len: u64,
    /// How many whole lines (ending in a newline) the file holds.
    pub whole_lines: usize,
    /// Hash of the last whole line: the `prev` of the next line written.
    pub last_hash: String,
    /// Entry number of the last readable entry.
    pub last_seq: u64,
}

impl ReadOutcome {
    /// The records with their line numbers and verification.
    pub fn entries(&self) -> impl Iterator<Item = Entry<'_>> {
        self.records
            .iter()
            .zip(&self.lines)
            .zip(&self.verified)
            .map(|((record, &line), &verified)| Entry {
                line,
                record,
                verified,
            })
    }

    /// The SHA-256 of the line holding entry `seq`, when one readable line
    /// does.
    pub fn hash_of(&self, seq: u64) -> Option<&str> {
        self.records
            .iter()
            .zip(&self.hashes)
            .rev()
            .find(|(r, _)| r.seq == seq)
            .map(|(_, h)| h.as_str())
    }

    /// Notes about anything unusual found, for whoever shows them to say.
    pub fn warnings(&self, path: &Path) -> Vec<crate::i18n::Phrase> {
        read_notes(self, &self.problems, path)
    }
}

/// What reading `outcome` found, with `problems` (the read's own, or
/// those replay added): a torn last line, each problem, unchained entries.
pub(crate) fn read_notes(
    outcome: &ReadOutcome,
    problems: &[Problem],
    path: &Path,
) -> Vec<crate::i18n::Phrase> {
    let mut w = Vec::new();
    if let Some((line, bytes)) = &outcome.torn {
        w.push(crate::phrase!(
            "verify-torn",
            file = path.display().to_string(),
            line = line.to_string(),
            bytes = bytes.len()
        ));
    }
    w.extend(problems.iter().map(|p| p.describe(path)));
    if outcome.unchained > 0 {
        w.push(crate::phrase!(
            "verify-unchained",
            file = path.display().to_string(),
            count = outcome.unchained
        ));
    }
    w
}

#[derive(Deserialize)]
struct Version {
    v: u32,
}

#[derive(Deserialize)]
struct SeqOnly {
    seq: u64,
}

/// Parse and verify journal bytes.
pub fn parse(bytes: &[u8]) -> ReadOutcome {
    let mut out = ReadOutcome {
        last_hash: GENESIS.to_string(),
        ..ReadOutcome::default()
    };
    // Whether the previous whole line's own checksum held, so a broken link
    // after an altered line is not reported twice.
    let mut prev_ok = true;
    let mut expected_seq = 1u64;
    let mut pos = 0usize;
    let mut line_no = 0usize;
    while pos < bytes.len() {
        line_no += 1;
        let (line, complete, next) = match bytes[pos..].iter().position(|&b| b == b'\n') {
            Some(i) => (&bytes[pos..pos + i], true, pos + i + 1),
            None => (&bytes[pos..], false, bytes.len()),
        };
        if !complete {
            // No newline: the write was interrupted. Never a saved entry,
            // because "saved" is only shown after the newline is synced.
            out.torn = Some((line_no, line.to_vec()));
            break;
        }
        out.good_len = next as u64;
        out.whole_lines = line_no;
        pos = next;
        if line.iter().all(|b| b.is_ascii_whitespace()) {
            continue;
        }
        let hash = sha256_hex(line);
        let link_to = std::mem::replace(&mut out.last_hash, hash.clone());
        if let Ok(Version { v }) = serde_json::from_slice::<Version>(line)
            && v > SCHEMA
        {
            out.newer.get_or_insert(NewerSchema {
                line: line_no,
                found: v,
            });
        }
        let record = match serde_json::from_slice::<Record>(line) {
            Ok(r) => r,
            Err(e) => {
                // The line still held one entry: its number if it can be
                // read, else the next one.
                let seq = serde_json::from_slice::<SeqOnly>(line).ok().map(|s| s.seq);
                expected_seq = seq.unwrap_or(expected_seq).max(expected_seq) + 1;
                out.problems.push(Problem {
                    line: line_no,
                    seq,
                    entry: None,
                    finding: Finding::Unreadable(e.to_string()),
                });
                prev_ok = false;
                continue;
            }
        };
        let mut findings = Vec::new();
        if record.v >= 2 {
            let sealed_ok = unseal(line).is_some_and(|(body, sum)| sha256_hex(&body) == sum);
            if !sealed_ok {
                findings.push(Finding::Altered);
            }
            if record.prev.as_deref() != Some(link_to.as_str()) && prev_ok {
                findings.push(Finding::ChainBroken);
            }
            prev_ok = sealed_ok;
        } else {
            out.unchained += 1;
            prev_ok = true;
        }
        if record.seq != expected_seq {
            findings.push(Finding::Sequence {
                expected: expected_seq,
                found: record.seq,
            });
        }
        expected_seq = record.seq.max(expected_seq.saturating_sub(1)) + 1;
        out.last_seq = out.last_seq.max(record.seq);
        let verified = record.v >= 2 && findings.is_empty();
        out.problems
            .extend(findings.into_iter().map(|finding| Problem {
                line: line_no,
                seq: Some(record.seq),
                entry: Some((record.event.kind(), record.at.clone())),
                finding,
            }));
        out.records.push(record);
        out.lines.push(line_no);
        out.verified.push(verified);
        out.hashes.push(hash);
    }
    out
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn seal_then_unseal_round_trips() {
        let body = br#"{"v":2,"seq":1}"#;
        let line = seal(body);
        assert!(line.ends_with(b"\"}"));
        let (restored, sum) = unseal(&line).expect("sealed line");
        assert_eq!(restored, body);
        assert_eq!(sum, sha256_hex(body));
    }

    #[test]
    fn known_sha256() {
        assert_eq!(
            sha256_hex(b"abc"),
            "ba7816bf8f01cfea414140de5dae2223b00361a396177a9cb410ff61f20015ad"
        );
    }
}
