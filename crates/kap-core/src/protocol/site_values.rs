//! Values a site sets, marked in the data: `[site] values` lists the key
//! paths (as diagnostics print them, `course.interval[1].min_days`) of every
//! value the source papers do not give. `protocol show` marks them and
//! lists them with their values, and `--json` carries the list, so a
//! site-set figure is never read as a cited one.

use super::locate::KeyPath;
use super::model::Protocol;

/// A listed path that does not name a value in the file.
#[derive(Debug, Clone, PartialEq)]
pub struct Unknown {
    /// Where the entry is in the list.
    pub at: KeyPath,
    pub message: crate::i18n::Phrase,
}

/// Split `a.b[2].c` into keys and (1-based) indexes.
fn parts(path: &str) -> Option<Vec<Part<'_>>> {
    let mut out = Vec::new();
    for seg in path.split('.') {
        let (key, mut rest) = match seg.find('[') {
            Some(i) => (&seg[..i], &seg[i..]),
            None => (seg, ""),
        };
        if key.is_empty() || !key.chars().all(|c| c.is_ascii_alphanumeric() || c == '_') {
            return None;
        }
        out.push(Part::Key(key));
        while let Some(r) = rest.strip_prefix('[') {
            let close = r.find(']')?;
            let n: usize = r[..close].parse().ok()?;
            if n == 0 {
                return None;
            }
            out.push(Part::Index(n - 1));
            rest = &r[close + 1..];
        }
        if !rest.is_empty() {
            return None;
        }
    }
    Some(out)
}

/// The key path a listed entry names, for locating it in the text.
pub fn key_path(path: &str) -> Option<KeyPath> {
    let mut kp = KeyPath::root();
    for p in parts(path)? {
        kp = match p {
            Part::Key(k) => kp.at(k),
            Part::Index(i) => kp.at(i),
        };
    }
    Some(kp)
}

enum Part<'a> {
    Key(&'a str),
    Index(usize),
}

/// The value at `path` in the parsed file, if there is one.
pub fn lookup<'a>(root: &'a toml::Table, path: &str) -> Option<&'a toml::Value> {
    let parts = parts(path)?;
    let mut it = parts.iter();
    let mut cur = match it.next()? {
        Part::Key(k) => root.get(*k)?,
        Part::Index(_) => return None,
    };
    for p in it {
        cur = match p {
            Part::Key(k) => cur.as_table()?.get(*k)?,
            Part::Index(i) => cur.as_array()?.get(*i)?,
        };
    }
    Some(cur)
}

/// Entries of `[site] values` that name nothing in the file, or name a
/// table or list rather than one value.
pub fn check(protocol: &Protocol, text: &str) -> Vec<Unknown> {
    // The file is parsed a second time, as a plain table, only when there
    // are paths to look up.
    if protocol.site.values.is_empty() {
        return Vec::new();
    }
    let Ok(root) = toml::from_str::<toml::Table>(text) else {
        return Vec::new();
    };
    let mut out = Vec::new();
    for (i, path) in protocol.site.values.iter().enumerate() {
        let at = KeyPath::root().at("site").at("values").at(i);
        let message = match lookup(&root, path) {
            None => crate::phrase!("pv-site-value-unknown", path = path.as_str()),
            Some(toml::Value::Table(_)) => {
                crate::phrase!("pv-site-value-table", path = path.as_str())
            }
            Some(_) => continue,
        };
        out.push(Unknown { at, message });
    }
    out
}

/// The listed fields directly under `prefix` (`course.interval[1]` gives
/// `min_days`, `max_days`), for marking a line of `protocol show`.
pub fn fields_under<'a>(protocol: &'a Protocol, prefix: &str) -> Vec<&'a str> {
    protocol
        .site
        .values
        .iter()
        .filter_map(|p| p.strip_prefix(prefix)?.strip_prefix('.'))
        .collect()
}

/// Each listed path with its value as written in the file.
pub fn listed(protocol: &Protocol, text: &str) -> Vec<(String, String)> {
    let root = toml::from_str::<toml::Table>(text).unwrap_or_default();
    protocol
        .site
        .values
        .iter()
        .map(|p| {
            let v = lookup(&root, p).map_or_else(|| "?".to_string(), value_text);
            (p.clone(), v)
        })
        .collect()
}

fn value_text(v: &toml::Value) -> String {
    match v {
        toml::Value::String(s) => format!("\"{s}\""),
        toml::Value::Integer(i) => i.to_string(),
        toml::Value::Float(f) => super::dose::num(*f),
        toml::Value::Boolean(b) => b.to_string(),
        toml::Value::Array(a) => {
            let items: Vec<String> = a.iter().map(value_text).collect();
            format!("[{}]", items.join(", "))
        }
        toml::Value::Table(t) => {
            let items: Vec<String> = t
                .iter()
                .map(|(k, v)| format!("{k} = {}", value_text(v)))
                .collect();
            format!("{{ {} }}", items.join(", "))
        }
        toml::Value::Datetime(d) => d.to_string(),
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn paths_read_as_diagnostics_print_them() {
        let t: toml::Table =
            toml::from_str("[a]\nx = 1\n[[b]]\ny = { min = 2 }\n[[b]]\ny = { min = 3 }\n").unwrap();
        assert_eq!(lookup(&t, "a.x").and_then(|v| v.as_integer()), Some(1));
        assert_eq!(
            lookup(&t, "b[2].y.min").and_then(|v| v.as_integer()),
            Some(3)
        );
        assert!(lookup(&t, "b[3].y").is_none());
        assert!(lookup(&t, "b[0].y").is_none());
        assert!(lookup(&t, "a..x").is_none());
        assert!(lookup(&t, "a.x]").is_none());
    }
}
