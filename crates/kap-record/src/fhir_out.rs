//! The FHIR export written as it is made. Turning the whole Bundle into
//! one `serde_json::Value` tree, a transaction into a second and the text
//! into two more strings took 1.2 GB for a 50,000-entry record (3 GB as a
//! transaction). Here each entry is made when it is written
//! (`fhir::stream`), becomes a tree of its own, is written and dropped:
//! memory holds the session and one entry. The
//! bytes are those the whole tree gave: keys in sorted order, the same
//! layout, and the characters serde_json leaves raw escaped as
//! `text::json_safe` escapes them.

use super::fhir::Lazy;
use super::fhir::resources::Entry;
use serde::ser::{Error as _, Serialize, SerializeMap, SerializeSeq, Serializer};
use serde_json::ser::{CompactFormatter, Formatter, PrettyFormatter};
use serde_json::{Map, Value};
use std::cell::{Cell, RefCell};
use std::io::{self, Write};

/// What was written.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub struct Written {
    /// Entries in the Bundle written.
    pub entries: usize,
    /// An entry a transaction does not carry (the OperationOutcome on a
    /// record that did not verify) was left out.
    pub left_out: bool,
}

/// The Bundle as indented JSON, safe for a terminal (what `kap export
/// --format fhir` writes), made a transaction when asked.
pub fn write_pretty(bundle: Lazy<'_>, transaction: bool, w: impl Write) -> io::Result<Written> {
    let f = Safe(PrettyFormatter::new());
    write_with(
        bundle,
        transaction,
        None,
        &mut serde_json::Serializer::with_formatter(w, f),
    )
}

/// The Bundle as compact JSON, made a transaction when asked.
pub fn write_compact(bundle: Lazy<'_>, transaction: bool, w: impl Write) -> io::Result<Written> {
    let f = CompactFormatter;
    write_with(
        bundle,
        transaction,
        None,
        &mut serde_json::Serializer::with_formatter(w, f),
    )
}

/// A push's choices, entry by entry: what the server holds going in, and
/// coming out each resource's content hash and which entries went as
/// updates.
#[derive(Debug)]
pub struct Plan {
    pub held: super::fhir_tx::Held,
    /// Each resource sent, by kap's id: its content hash.
    pub hashes: std::collections::BTreeMap<String, String>,
    /// The entries (numbered from 0) sent as conditional updates.
    pub updated: Vec<usize>,
}

impl Plan {
    pub fn new(held: super::fhir_tx::Held) -> Plan {
        Plan {
            held,
            hashes: Default::default(),
            updated: Vec::new(),
        }
    }
}

/// The transaction `kap push` sends, as compact JSON: each resource the
/// server holds another version of goes as an update (`plan`).
pub fn write_push(bundle: Lazy<'_>, plan: &RefCell<Plan>, w: impl Write) -> io::Result<Written> {
    let f = CompactFormatter;
    write_with(
        bundle,
        true,
        Some(plan),
        &mut serde_json::Serializer::with_formatter(w, f),
    )
}

fn write_with<'a, W: Write, F: Formatter>(
    bundle: Lazy<'a>,
    transaction: bool,
    plan: Option<&'a RefCell<Plan>>,
    ser: &mut serde_json::Serializer<W, F>,
) -> io::Result<Written> {
    let entries = bundle.entries;
    let mut head = serde_json::to_value(&bundle.head).map_err(io::Error::other)?;
    if transaction {
        head["type"] = Value::from("transaction");
    }
    let Value::Object(head) = head else {
        return Err(io::Error::other("a Bundle is a JSON object"));
    };
    let streamed = Streamed {
        head,
        entries: RefCell::new(Some(entries)),
        transaction,
        plan,
        count: Cell::new(0),
        left_out: Cell::new(false),
    };
    streamed.serialize(ser).map_err(io::Error::from)?;
    Ok(Written {
        entries: streamed.count.get(),
        left_out: streamed.left_out.get(),
    })
}

/// The Bundle's own members, and its entries to be made and written one
/// by one.
struct Streamed<'a> {
    /// Every member but the entries (`entry` is there, empty, in its
    /// sorted place).
    head: Map<String, Value>,
    entries: RefCell<Option<Box<dyn Iterator<Item = Entry> + 'a>>>,
    transaction: bool,
    /// A push's choices (see [`Plan`]); none for an export.
    plan: Option<&'a RefCell<Plan>>,
    count: Cell<usize>,
    left_out: Cell<bool>,
}

impl Serialize for Streamed<'_> {
    fn serialize<S: Serializer>(&self, s: S) -> Result<S::Ok, S::Error> {
        let mut map = s.serialize_map(Some(self.head.len()))?;
        for (k, v) in &self.head {
            if k == "entry" {
                map.serialize_entry(k, &Entries(self))?;
            } else {
                map.serialize_entry(k, v)?;
            }
        }
        map.end()
    }
}

struct Entries<'a, 'b>(&'a Streamed<'b>);

impl Serialize for Entries<'_, '_> {
    fn serialize<S: Serializer>(&self, s: S) -> Result<S::Ok, S::Error> {
        let all = self.0.entries.borrow_mut().take().into_iter().flatten();
        let mut seq = s.serialize_seq(None)?;
        let mut left_out = false;
        for e in all {
            let v = serde_json::to_value(&e).map_err(S::Error::custom)?;
            drop(e);
            let v = if self.0.transaction {
                let method = self.0.plan.map_or(super::fhir_tx::Method::Create, |p| {
                    choose(&mut p.borrow_mut(), &v, self.0.count.get())
                });
                match super::fhir_tx::entry_as(v, &mut left_out, method) {
                    Some(v) => v,
                    None => continue,
                }
            } else {
                v
            };
            seq.serialize_element(&v)?;
            self.0.count.set(self.0.count.get() + 1);
        }
        self.0.left_out.set(left_out);
        seq.end()
    }
}

/// How entry number `n` (from 0), `e`, goes in a push: its content hash
/// kept, and an update noted.
fn choose(plan: &mut Plan, e: &Value, n: usize) -> super::fhir_tx::Method {
    use super::fhir_tx::{Method, content_hash, method};
    let r = &e["resource"];
    let (Some(kind), Some(id)) = (r["resourceType"].as_str(), r["id"].as_str()) else {
        return Method::Create;
    };
    if kind == "OperationOutcome" {
        return Method::Create;
    }
    let hash = content_hash(r);
    let m = method(kind, id, &hash, &plan.held);
    if m == Method::Update {
        plan.updated.push(n);
    }
    plan.hashes.insert(id.to_string(), hash);
    m
}

/// Pretty JSON whose strings have the characters serde_json leaves raw
/// (DEL, C1 controls, bidirectional overrides) as `\uXXXX` escapes.
struct Safe(PrettyFormatter<'static>);

impl Formatter for Safe {
    fn begin_array<W: ?Sized + Write>(&mut self, w: &mut W) -> io::Result<()> {
        self.0.begin_array(w)
    }
    fn end_array<W: ?Sized + Write>(&mut self, w: &mut W) -> io::Result<()> {
        self.0.end_array(w)
    }
    fn begin_array_value<W: ?Sized + Write>(&mut self, w: &mut W, first: bool) -> io::Result<()> {
        self.0.begin_array_value(w, first)
    }
    fn end_array_value<W: ?Sized + Write>(&mut self, w: &mut W) -> io::Result<()> {
        self.0.end_array_value(w)
    }
    fn begin_object<W: ?Sized + Write>(&mut self, w: &mut W) -> io::Result<()> {
        self.0.begin_object(w)
    }
    fn end_object<W: ?Sized + Write>(&mut self, w: &mut W) -> io::Result<()> {
        self.0.end_object(w)
    }
    fn begin_object_key<W: ?Sized + Write>(&mut self, w: &mut W, first: bool) -> io::Result<()> {
        self.0.begin_object_key(w, first)
    }
    fn begin_object_value<W: ?Sized + Write>(&mut self, w: &mut W) -> io::Result<()> {
        self.0.begin_object_value(w)
    }
    fn end_object_value<W: ?Sized + Write>(&mut self, w: &mut W) -> io::Result<()> {
        self.0.end_object_value(w)
    }
    fn write_string_fragment<W: ?Sized + Write>(&mut self, w: &mut W, s: &str) -> io::Result<()> {
        let mut rest = s;
        while let Some((i, c)) = rest
            .char_indices()
            .find(|&(_, c)| crate::text::json_unsafe(c))
        {
            w.write_all(&rest.as_bytes()[..i])?;
            write!(w, "\\u{:04x}", u32::from(c))?;
            rest = &rest[i + c.len_utf8()..];
        }
        w.write_all(rest.as_bytes())
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn strings_are_escaped_as_json_safe_escapes_them() {
        let v = serde_json::json!({ "b": ["x\u{7f}y\u{202e}z", 1], "a": {} });
        let mut out = Vec::new();
        let mut ser =
            serde_json::Serializer::with_formatter(&mut out, Safe(PrettyFormatter::new()));
        v.serialize(&mut ser).unwrap();
        let whole = crate::text::json_safe(serde_json::to_string_pretty(&v).unwrap());
        assert_eq!(String::from_utf8(out).unwrap(), whole);
        assert!(whole.contains("x\\u007fy\\u202ez"));
    }
}
