//! Map a key path such as `phase[3].prompt[1].id` back to its place in the
//! TOML text, so semantic errors name a line and column like syntax errors do.

use std::fmt;
use toml::de::{DeTable, DeValue};

/// One step of a key path.
#[derive(Debug, Clone, PartialEq, Eq)]
pub enum Seg {
    Key(String),
    Index(usize),
}

impl From<&str> for Seg {
    fn from(s: &str) -> Self {
        Seg::Key(s.to_string())
    }
}

impl From<String> for Seg {
    fn from(s: String) -> Self {
        Seg::Key(s)
    }
}

impl From<usize> for Seg {
    fn from(i: usize) -> Self {
        Seg::Index(i)
    }
}

/// A key path into a TOML document.
#[derive(Debug, Clone, Default, PartialEq, Eq)]
pub struct KeyPath(pub Vec<Seg>);

impl KeyPath {
    pub fn root() -> Self {
        KeyPath(Vec::new())
    }

    /// This path extended by one step.
    pub fn at(&self, seg: impl Into<Seg>) -> Self {
        let mut v = self.0.clone();
        v.push(seg.into());
        KeyPath(v)
    }
}

impl fmt::Display for KeyPath {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        let mut first = true;
        for s in &self.0 {
            match s {
                Seg::Key(k) => {
                    if !first {
                        f.write_str(".")?;
                    }
                    f.write_str(k)?;
                }
                Seg::Index(i) => write!(f, "[{}]", i + 1)?,
            }
            first = false;
        }
        Ok(())
    }
}

/// Byte offset of the value at `path`, or of its deepest ancestor that exists
/// (a missing key is reported at the table that should hold it). `None` only
/// when the text does not parse, which callers have already ruled out.
pub fn locate(text: &str, path: &KeyPath) -> Option<usize> {
    let doc = DeTable::parse(text).ok()?;
    let mut best = doc.span().start;
    let mut current: &DeValue<'_>;
    let mut table: &DeTable<'_> = doc.get_ref();
    let mut segs = path.0.iter().peekable();
    // Walk from the root table.
    let Some(first) = segs.next() else {
        return Some(best);
    };
    let Seg::Key(k) = first else {
        return Some(best);
    };
    match find_key(table, k) {
        Some((kspan, v)) => {
            best = value_start(v.span(), kspan);
            current = v.get_ref();
        }
        None => return Some(best),
    }
    for seg in segs {
        match (seg, current) {
            (Seg::Key(k), DeValue::Table(t)) => {
                table = t;
                match find_key(table, k) {
                    Some((kspan, v)) => {
                        best = value_start(v.span(), kspan);
                        current = v.get_ref();
                    }
                    None => break,
                }
            }
            (Seg::Index(i), DeValue::Array(a)) => match a.get(*i) {
                Some(v) => {
                    best = v.span().start;
                    current = v.get_ref();
                }
                None => break,
            },
            _ => break,
        }
    }
    Some(best)
}

fn find_key<'a, 'i>(
    table: &'a DeTable<'i>,
    key: &str,
) -> Option<(std::ops::Range<usize>, &'a toml::Spanned<DeValue<'i>>)> {
    table
        .iter()
        .find(|(k, _)| k.get_ref().as_ref() == key)
        .map(|(k, v)| (k.span(), v))
}

/// Prefer the value's own position; fall back to the key's when the value's
/// span is empty (implicit tables have no text of their own).
fn value_start(v: std::ops::Range<usize>, k: std::ops::Range<usize>) -> usize {
    if v.is_empty() { k.start } else { v.start }
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::protocol::diagnostic::line_col;

    fn pos(text: &str, path: KeyPath) -> (usize, usize) {
        let off = locate(text, &path).unwrap();
        let (l, c, _) = line_col(text, off);
        (l, c)
    }

    #[test]
    fn finds_values_in_arrays_of_tables() {
        let text =
            "a = 1\n[[phase]]\nid = \"x\"\n[[phase]]\nid = \"y\"\n[[phase.prompt]]\nid = \"p\"\n";
        let p = KeyPath::root()
            .at("phase")
            .at(1usize)
            .at("prompt")
            .at(0usize)
            .at("id");
        assert_eq!(pos(text, p), (7, 6));
        let p = KeyPath::root().at("phase").at(0usize).at("id");
        assert_eq!(pos(text, p), (3, 6));
    }

    #[test]
    fn missing_key_points_at_parent() {
        let text = "[course]\nsessions = 2\n";
        let p = KeyPath::root().at("course").at("goals");
        let (l, _) = pos(text, p);
        assert!(l <= 2, "line {l}");
    }

    #[test]
    fn display_is_readable() {
        let p = KeyPath::root()
            .at("phase")
            .at(2usize)
            .at("prompt")
            .at(0usize)
            .at("id");
        assert_eq!(p.to_string(), "phase[3].prompt[1].id");
    }
}
