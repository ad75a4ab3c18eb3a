//! `kap doctor`: a checklist for a laptop before the first patient. This
//! module is the model — each check is a [`Verdict`] and one line of text,
//! judged from plain facts by pure functions — and its two renderings (text
//! and JSON). Gathering the facts (files, devices, clocks) is in [`probe`]
//! and `cli/doctor.rs`.

pub mod probe;
pub mod push;

use serde::Serialize;

/// How a check came out. Any `Fail` makes `kap doctor` exit 1.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Serialize)]
#[serde(rename_all = "lowercase")]
pub enum Verdict {
    Ok,
    Warn,
    Fail,
}

impl Verdict {
    /// The tag at the start of a line: `ok`, `warn`, `FAIL`.
    pub fn tag(self) -> &'static str {
        match self {
            Verdict::Ok => "ok",
            Verdict::Warn => "warn",
            Verdict::Fail => "FAIL",
        }
    }
}

/// One line of the checklist.
#[derive(Debug, Clone, PartialEq, Serialize)]
pub struct Check {
    /// A stable name for scripts: `data-folder`, `audio`, `protocol`, …
    pub id: &'static str,
    pub verdict: Verdict,
    pub text: String,
}

impl Check {
    pub fn new(id: &'static str, verdict: Verdict, text: impl Into<String>) -> Check {
        Check {
            id,
            verdict,
            // File names and protocol text reach here: escaped, as in
            // everything else kap prints.
            text: crate::text::clean_line(&text.into()),
        }
    }
    pub fn ok(id: &'static str, text: impl Into<String>) -> Check {
        Check::new(id, Verdict::Ok, text)
    }
    pub fn warn(id: &'static str, text: impl Into<String>) -> Check {
        Check::new(id, Verdict::Warn, text)
    }
    pub fn fail(id: &'static str, text: impl Into<String>) -> Check {
        Check::new(id, Verdict::Fail, text)
    }
}

/// Counts of each verdict.
#[derive(Debug, Clone, Copy, Default, PartialEq, Eq, Serialize)]
pub struct Summary {
    pub ok: usize,
    pub warn: usize,
    pub fail: usize,
}

pub fn summary(checks: &[Check]) -> Summary {
    let mut s = Summary::default();
    for c in checks {
        match c.verdict {
            Verdict::Ok => s.ok += 1,
            Verdict::Warn => s.warn += 1,
            Verdict::Fail => s.fail += 1,
        }
    }
    s
}

/// The checklist as text: one line per check, then the summary.
pub fn render_text(checks: &[Check]) -> String {
    let mut out = String::new();
    for c in checks {
        out.push_str(&format!("{:<4}  {}\n", c.verdict.tag(), c.text));
    }
    let s = summary(checks);
    out.push_str(&format!(
        "\n{} checks: {} ok, {} warn, {} FAIL — {}\n",
        checks.len(),
        s.ok,
        s.warn,
        s.fail,
        if s.fail > 0 {
            "not ready: fix the FAIL lines"
        } else if s.warn > 0 {
            "ready, read the warn lines"
        } else {
            "ready"
        }
    ));
    out
}

/// The checklist as JSON: `{"checks": [{id, verdict, text}], "summary":
/// {ok, warn, fail}, "ready": bool}`.
pub fn render_json(checks: &[Check]) -> String {
    let s = summary(checks);
    let v = serde_json::json!({
        "checks": checks,
        "summary": s,
        "ready": s.fail == 0,
    });
    serde_json::to_string_pretty(&v).unwrap_or_else(|_| "{}".into()) + "\n"
}

// ---- judgments: plain facts in, one check out ----

/// The data folder's permission bits.
pub fn judge_mode(dir: &str, mode: u32) -> Check {
    let m = mode & 0o777;
    if m & 0o077 == 0 {
        Check::ok(
            "data-mode",
            format!("data folder is private (mode {m:04o})"),
        )
    } else {
        Check::warn(
            "data-mode",
            format!("data folder mode {m:04o} lets group or others read it: chmod 700 {dir}"),
        )
    }
}

const MIB: u64 = 1024 * 1024;
/// Below this kap cannot be trusted to finish a session's records.
pub const FAIL_BELOW: u64 = 50 * MIB;
/// Below this the disk may fill during a session with music files and exports.
pub const WARN_BELOW: u64 = 1024 * MIB;

pub fn judge_space(available: u64, total: u64) -> Check {
    let text = format!(
        "{} free of {} on the data folder's disk",
        bytes(available),
        bytes(total)
    );
    if available < FAIL_BELOW {
        Check::fail(
            "data-space",
            format!("{text}: too little to keep a session's record"),
        )
    } else if available < WARN_BELOW {
        Check::warn("data-space", format!("{text}: less than 1 GiB"))
    } else {
        Check::ok("data-space", text)
    }
}

fn bytes(n: u64) -> String {
    let g = n as f64 / (1024.0 * MIB as f64);
    if g >= 1.0 {
        format!("{g:.1} GiB")
    } else {
        format!("{} MiB", n / MIB)
    }
}

/// What is known about encryption at rest under the data folder.
#[derive(Debug, Clone, PartialEq, Eq)]
pub enum Encryption {
    /// Encrypted, and how (`dm-crypt/LUKS on /dev/dm-0`, `fscrypt`, …).
    Yes(String),
    /// Not encrypted: the device and file system.
    No(String),
    /// Cannot tell, and why.
    Unknown(String),
}

pub fn judge_encryption(e: &Encryption) -> Check {
    match e {
        Encryption::Yes(how) => Check::ok(
            "data-encryption",
            format!("data folder is on an encrypted volume ({how})"),
        ),
        Encryption::No(what) => Check::warn(
            "data-encryption",
            format!(
                "data folder is NOT on an encrypted volume ({what}): clinical records \
                 at rest should be — turn on full-disk encryption"
            ),
        ),
        Encryption::Unknown(why) => Check::warn(
            "data-encryption",
            format!("cannot tell whether the data folder is encrypted ({why}): check by hand"),
        ),
    }
}

/// The terminal kap will draw on.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Terminal {
    pub is_tty: bool,
    /// Columns × rows, when known.
    pub size: Option<(u16, u16)>,
}

pub fn judge_terminal(t: &Terminal) -> Check {
    if !t.is_tty {
        return Check::warn(
            "terminal",
            "standard output is not a terminal: run kap doctor in the terminal the sessions will use",
        );
    }
    match t.size {
        Some((w, h)) if w >= 80 && h >= 24 => {
            Check::ok("terminal", format!("terminal is {w}×{h} (kap needs 80×24)"))
        }
        Some((w, h)) => Check::warn(
            "terminal",
            format!("terminal is {w}×{h}, smaller than the 80×24 kap needs: enlarge the window"),
        ),
        None => Check::warn("terminal", "cannot read the terminal's size"),
    }
}

/// Colours from `NO_COLOR`, `COLORTERM` and `TERM`.
pub fn judge_colours(no_color: bool, colorterm: Option<&str>, term: Option<&str>) -> Check {
    if no_color {
        return Check::ok(
            "colours",
            "NO_COLOR is set: kap uses its plain theme (no colour)",
        );
    }
    let term = term.unwrap_or("");
    if term.is_empty() || term == "dumb" {
        return Check::warn(
            "colours",
            format!(
                "TERM is {}: kap's screens need a real terminal type (e.g. xterm-256color)",
                if term.is_empty() { "not set" } else { "dumb" }
            ),
        );
    }
    let depth = match colorterm {
        Some("truecolor" | "24bit") => "24-bit colour",
        _ if term.contains("256color") => "256 colours",
        _ => "basic colours",
    };
    Check::ok("colours", format!("{depth} (TERM={term})"))
}

/// Whether the clock is NTP-synchronised: `Some(true/false)` when known.
pub fn judge_sync(synced: Option<bool>, source: &str) -> Check {
    match synced {
        Some(true) => Check::ok(
            "clock-sync",
            format!("system clock is synchronised ({source})"),
        ),
        Some(false) => Check::warn(
            "clock-sync",
            format!("system clock is NOT synchronised ({source}): recorded times may drift"),
        ),
        None => Check::warn(
            "clock-sync",
            format!("cannot tell whether the system clock is synchronised ({source})"),
        ),
    }
}

/// One protocol file, as the loader saw it.
#[derive(Debug, Clone, PartialEq, Eq)]
pub enum ProtocolFacts {
    Invalid {
        errors: usize,
    },
    Valid {
        reviewed_by: Option<String>,
        reviewed_on: Option<String>,
        /// Loader warnings other than the missing sign-off.
        other_warnings: usize,
    },
}

pub fn judge_protocol(file: &str, f: &ProtocolFacts) -> Check {
    let (by, on, other) = match f {
        ProtocolFacts::Invalid { errors } => {
            return Check::fail(
                "protocol",
                format!(
                    "{file}: not a usable protocol ({errors} error{}; see kap protocol check {file})",
                    if *errors == 1 { "" } else { "s" }
                ),
            );
        }
        ProtocolFacts::Valid {
            reviewed_by,
            reviewed_on,
            other_warnings,
        } => (reviewed_by, reviewed_on, *other_warnings),
    };
    let by = by.as_deref().map(str::trim).filter(|s| !s.is_empty());
    let on = on.as_deref().map(str::trim).filter(|s| !s.is_empty());
    let more = if other > 0 {
        format!(
            "; {other} other warning{} (kap protocol check {file})",
            if other == 1 { "" } else { "s" }
        )
    } else {
        String::new()
    };
    match (by, on) {
        (Some(by), Some(on)) if other == 0 => Check::ok(
            "protocol",
            format!("{file}: valid, signed off by {by} on {on}"),
        ),
        (Some(by), Some(on)) => Check::warn(
            "protocol",
            format!("{file}: valid, signed off by {by} on {on}{more}"),
        ),
        (Some(by), None) => Check::warn(
            "protocol",
            format!("{file}: valid, signed by {by} but undated: set [site] reviewed_on{more}"),
        ),
        _ => Check::warn(
            "protocol",
            format!(
                "{file}: valid, NOT signed off by the site: set [site] reviewed_by and reviewed_on{more}"
            ),
        ),
    }
}

/// Sessions neither closed nor abandoned: `(id, started)` pairs.
pub fn judge_unfinished(sessions: &[(String, String)]) -> Check {
    if sessions.is_empty() {
        return Check::ok("unfinished", "no unfinished sessions");
    }
    let list: Vec<String> = sessions
        .iter()
        .take(3)
        .map(|(id, at)| format!("{id} (started {at})"))
        .collect();
    let more = sessions.len().saturating_sub(3);
    Check::warn(
        "unfinished",
        format!(
            "{} unfinished session{}: {}{} — kap resume continues or closes them",
            sessions.len(),
            if sessions.len() == 1 { "" } else { "s" },
            list.join(", "),
            if more > 0 {
                format!(" and {more} more")
            } else {
                String::new()
            }
        ),
    )
}

#[cfg(test)]
mod tests;
