//! A record's seal: how many entries its journal held, and the SHA-256 of
//! the last one's line, when it was closed (or ended early) and after each
//! addendum. The journal's hash chain shows a changed or moved line but
//! not lines cut off its end; the seal does, because it is kept beside the
//! journal in `seal.json` and every reader compares the two
//! (`verdict`). Written atomically (temporary file, fsync, rename); a new
//! seal only ever counts more entries than the one it replaces, and the
//! summary it goes with keeps every earlier one (`summary.N.md`).
//!
//! Records closed before seals existed have their seal in the last lines
//! of `summary.md` ("written from journal entries 1 to N; the SHA-256 of
//! entry N's line is `…`"): read from there when there is no `seal.json`.

use serde::{Deserialize, Serialize};
use std::path::Path;

/// The seal's file name in a session folder.
pub const SEAL_FILE: &str = "seal.json";
/// The summary, whose closing lines carry a seal too.
pub const SUMMARY_FILE: &str = "summary.md";
/// Largest seal file read.
const MAX_SEAL: u64 = 64 * 1024;
/// Largest summary read for its seal.
const MAX_SUMMARY: u64 = 16 * 1024 * 1024;

/// What the record was when sealed.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Serialize, Deserialize)]
#[serde(rename_all = "kebab-case")]
pub enum SealedAs {
    Closed,
    EndedEarly,
}

/// One seal: the journal held entries 1 to `entries`, and entry
/// `entries`'s line hashed to `last_sha256`.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
pub struct Seal {
    /// Format of this file: 1.
    pub version: u32,
    pub entries: u64,
    /// Lower-case hex SHA-256 of entry `entries`'s line, without its `\n`.
    pub last_sha256: String,
    /// Closed or ended early; absent in a seal read from a summary.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub sealed_as: Option<SealedAs>,
    /// When it was written (RFC 3339), for a person reading the file.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub at: Option<String>,
}

/// Where a seal was found, or what was wrong with the file.
#[derive(Debug, Clone, PartialEq, Eq)]
pub enum Found {
    /// No seal: the record was never closed (or predates seals and has no
    /// summary).
    None,
    /// `seal.json`.
    File(Seal),
    /// The closing lines of `summary.md` (a record sealed before
    /// `seal.json` existed).
    Summary(Seal),
    /// `seal.json` is there but cannot be read as a seal.
    Unreadable(Fault),
}

/// Why a `seal.json` is not a seal: kept typed (and in the record index)
/// so that it is worded in the reader's language when shown.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
#[serde(rename_all = "kebab-case")]
pub enum Fault {
    /// The file could not be read, or is not JSON of a seal's shape: the
    /// system's or the parser's own words.
    Unreadable(String),
    /// A seal format this kap does not read.
    Version(u32),
    /// `last_sha256` is not a SHA-256.
    Hash,
    /// It seals no entries.
    NoEntries,
}

impl Fault {
    /// The fault in words, for whoever shows it to say.
    pub fn words(&self) -> crate::i18n::Phrase {
        match self {
            Fault::Unreadable(e) => crate::text::clean_line(e).into(),
            Fault::Version(v) => crate::phrase!("seal-bad-version", found = v.to_string()),
            Fault::Hash => crate::phrase!("seal-bad-hash"),
            Fault::NoEntries => crate::phrase!("seal-no-entries"),
        }
    }
}

impl Found {
    pub fn seal(&self) -> Option<&Seal> {
        match self {
            Found::File(s) | Found::Summary(s) => Some(s),
            Found::None | Found::Unreadable(_) => None,
        }
    }
}

/// Whether a string is 64 lower-case hex digits.
fn is_sha256(s: &str) -> bool {
    s.len() == 64
        && s.bytes()
            .all(|b| b.is_ascii_digit() || (b'a'..=b'f').contains(&b))
}

/// Parse a seal file's bytes.
pub fn parse(bytes: &[u8]) -> Result<Seal, Fault> {
    let s: Seal = serde_json::from_slice(bytes).map_err(|e| Fault::Unreadable(e.to_string()))?;
    if s.version != 1 {
        return Err(Fault::Version(s.version));
    }
    if !is_sha256(&s.last_sha256) {
        return Err(Fault::Hash);
    }
    if s.entries == 0 {
        return Err(Fault::NoEntries);
    }
    Ok(s)
}

/// The seal in a summary's text: its last line naming a SHA-256 in
/// backquotes, and the last number before it (the entry count, in every
/// language kap writes).
pub fn from_summary(text: &str) -> Option<Seal> {
    text.lines().rev().find_map(|line| {
        let mut parts = line.rsplit('`');
        let _after = parts.next()?;
        let hash = parts.next()?;
        if !is_sha256(hash) {
            return None;
        }
        let before: String = parts.rev().collect::<Vec<_>>().join("`");
        let digits: String = before
            .rsplit(|c: char| !c.is_ascii_digit())
            .find(|d| !d.is_empty())?
            .to_string();
        let entries = digits.parse::<u64>().ok().filter(|n| *n > 0)?;
        Some(Seal {
            version: 1,
            entries,
            last_sha256: hash.to_string(),
            sealed_as: None,
            at: None,
        })
    })
}

/// Read a session folder's seal: `seal.json`, else the summary's.
pub fn read(dir: &Path) -> Found {
    let path = dir.join(SEAL_FILE);
    match std::fs::symlink_metadata(&path) {
        Err(e) if e.kind() == std::io::ErrorKind::NotFound => {}
        Err(e) => return Found::Unreadable(Fault::Unreadable(e.to_string())),
        Ok(_) => {
            return match crate::input::read_limited(&path, MAX_SEAL) {
                Ok(bytes) => parse(&bytes).map_or_else(Found::Unreadable, Found::File),
                Err(e) => Found::Unreadable(Fault::Unreadable(e.to_string())),
            };
        }
    }
    let summary = dir.join(SUMMARY_FILE);
    match crate::input::read_limited(&summary, MAX_SUMMARY) {
        Ok(bytes) => {
            from_summary(&String::from_utf8_lossy(&bytes)).map_or(Found::None, Found::Summary)
        }
        Err(_) => Found::None,
    }
}

/// Write a folder's seal, atomically and durably.
pub fn write(dir: &Path, seal: &Seal) -> std::io::Result<()> {
    let mut text = serde_json::to_string_pretty(seal).map_err(std::io::Error::other)?;
    text.push('\n');
    super::journal::write_atomic(&dir.join(SEAL_FILE), text.as_bytes())
}

/// The seal of an open journal as it stands.
pub fn of_journal(j: &super::Journal, sealed_as: SealedAs, at: &crate::session::Moment) -> Seal {
    let (entries, hash) = j.seal();
    Seal {
        version: 1,
        entries,
        last_sha256: hash.to_string(),
        sealed_as: Some(sealed_as),
        at: Some(at.wall.to_rfc3339_opts(chrono::SecondsFormat::Secs, false)),
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    const H: &str = "ab54a98ceb1f0ad2b6d2a1c2f5e0e9f7b0c7f2b1a3e4d5c6b7a8f9e0d1c2b3a4";

    #[test]
    fn a_summary_seal_is_read_in_every_language() {
        let en = format!(
            "# x\n\n## Record\n\nThis summary was written from journal entries 1 to 37; the SHA-256 of entry 37's line is `{H}`.\n"
        );
        let fr = format!(
            "Ce résumé a été rédigé à partir des entrées 1 à 37 du journal; le SHA-256 de la ligne de l'entrée 37 est `{H}`."
        );
        let pt = format!(
            "Este resumo foi gerado a partir dos registros 1 a 37 do diário; o SHA-256 da linha do registro 37 é `{H}`."
        );
        for text in [en, fr, pt] {
            let s = from_summary(&text).expect("a seal");
            assert_eq!((s.entries, s.last_sha256.as_str()), (37, H));
        }
        assert_eq!(from_summary("no seal here `abc`"), None);
    }

    #[test]
    fn a_seal_file_round_trips_and_a_bad_one_is_refused() {
        let s = Seal {
            version: 1,
            entries: 12,
            last_sha256: H.into(),
            sealed_as: Some(SealedAs::Closed),
            at: None,
        };
        let bytes = serde_json::to_vec(&s).unwrap();
        assert_eq!(parse(&bytes).unwrap(), s);
        assert!(parse(b"{").is_err());
        let bad = String::from_utf8(bytes).unwrap().replace(H, "zz");
        assert!(parse(bad.as_bytes()).is_err());
    }
}
