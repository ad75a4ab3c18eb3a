//! `kap doctor`: a checklist for a laptop before the first patient. This
//! module is the model — each check is a [`Verdict`] and one line of text,
//! judged from plain facts by pure functions — and its two renderings (text
//! and JSON). Gathering the facts (files, devices, clocks) is in [`probe`]
//! and `cli/doctor.rs`.

pub mod probe;
pub mod push;
pub mod site;

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
    /// A stable name for scripts, one per check: `data-folder`, `audio`,
    /// `protocol:montreal.toml` (one per protocol file), …
    pub id: std::borrow::Cow<'static, str>,
    pub verdict: Verdict,
    pub text: String,
}

impl Check {
    pub fn new(
        id: impl Into<std::borrow::Cow<'static, str>>,
        verdict: Verdict,
        text: impl Into<String>,
    ) -> Check {
        Check {
            id: id.into(),
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
pub fn render_text(checks: &[Check], lang: crate::i18n::Lang) -> String {
    let mut out = String::new();
    for c in checks {
        out.push_str(&format!("{:<4}  {}\n", c.verdict.tag(), c.text));
    }
    let s = summary(checks);
    out.push_str(&format!(
        "\n{}\n",
        crate::say!(
            lang,
            "doctor-summary",
            checks = checks.len(),
            ok = s.ok,
            warn = s.warn,
            fail = s.fail,
            verdict = if s.fail > 0 {
                crate::say!(lang, "doctor-not-ready")
            } else if s.warn > 0 {
                crate::say!(lang, "doctor-ready-warn")
            } else {
                crate::say!(lang, "doctor-ready")
            }
        )
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
pub fn judge_mode(dir: &str, mode: u32, lang: crate::i18n::Lang) -> Check {
    let m = mode & 0o777;
    if m & 0o077 == 0 {
        Check::ok(
            "data-mode",
            crate::say!(lang, "doctor-data-private", mode = format!("{m:04o}")),
        )
    } else {
        Check::warn(
            "data-mode",
            crate::say!(
                lang,
                "doctor-data-open",
                mode = format!("{m:04o}"),
                dir = dir.to_string()
            ),
        )
    }
}

const MIB: u64 = 1024 * 1024;
/// Below this kap cannot be trusted to finish a session's records.
pub const FAIL_BELOW: u64 = 50 * MIB;
/// Below this the disk may fill during a session with music files and exports.
pub const WARN_BELOW: u64 = 1024 * MIB;

pub fn judge_space(available: u64, total: u64, lang: crate::i18n::Lang) -> Check {
    let text = crate::say!(
        lang,
        "doctor-space",
        free = bytes(available, lang),
        total = bytes(total, lang)
    );
    if available < FAIL_BELOW {
        Check::fail(
            "data-space",
            crate::say!(lang, "doctor-space-too-little", space = text),
        )
    } else if available < WARN_BELOW {
        Check::warn(
            "data-space",
            crate::say!(lang, "doctor-space-low", space = text),
        )
    } else {
        Check::ok("data-space", text)
    }
}

fn bytes(n: u64, lang: crate::i18n::Lang) -> String {
    let g = n as f64 / (1024.0 * MIB as f64);
    if g >= 1.0 {
        // One decimal always (17.0 GiB), with the language's decimal mark.
        let shown = format!("{g:.1}");
        if lang.decimal_comma() {
            format!("{} GiB", shown.replace('.', ","))
        } else {
            format!("{shown} GiB")
        }
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

pub fn judge_encryption(e: &Encryption, lang: crate::i18n::Lang) -> Check {
    match e {
        Encryption::Yes(how) => Check::ok(
            "data-encryption",
            crate::say!(lang, "doctor-encrypted", how = how.to_string()),
        ),
        Encryption::No(what) => Check::warn(
            "data-encryption",
            crate::say!(lang, "doctor-not-encrypted", what = what.to_string()),
        ),
        Encryption::Unknown(why) => Check::warn(
            "data-encryption",
            crate::say!(lang, "doctor-encryption-unknown", why = why.to_string()),
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

pub fn judge_terminal(t: &Terminal, lang: crate::i18n::Lang) -> Check {
    if !t.is_tty {
        return Check::warn("terminal", crate::say!(lang, "doctor-not-a-terminal"));
    }
    match t.size {
        Some((w, h)) if w >= 80 && h >= 24 => Check::ok(
            "terminal",
            crate::say!(lang, "doctor-terminal-ok", size = format!("{w}×{h}")),
        ),
        Some((w, h)) => Check::warn(
            "terminal",
            crate::say!(lang, "doctor-terminal-small", size = format!("{w}×{h}")),
        ),
        None => Check::warn("terminal", crate::say!(lang, "doctor-terminal-unknown")),
    }
}

/// Colours from `NO_COLOR`, `COLORTERM` and `TERM`.
pub fn judge_colours(
    no_color: bool,
    colorterm: Option<&str>,
    term: Option<&str>,
    lang: crate::i18n::Lang,
) -> Check {
    if no_color {
        return Check::ok("colours", crate::say!(lang, "doctor-no-color"));
    }
    let term = term.unwrap_or("");
    if term.is_empty() || term == "dumb" {
        return Check::warn(
            "colours",
            if term.is_empty() {
                crate::say!(lang, "doctor-term-unset")
            } else {
                crate::say!(lang, "doctor-term-dumb")
            },
        );
    }
    let depth = match colorterm {
        Some("truecolor" | "24bit") => crate::say!(lang, "doctor-colour-24bit"),
        _ if term.contains("256color") => crate::say!(lang, "doctor-colour-256"),
        _ => crate::say!(lang, "doctor-colour-basic"),
    };
    Check::ok("colours", format!("{depth} (TERM={term})"))
}

/// Whether the clock is NTP-synchronised: `Some(true/false)` when known.
pub fn judge_sync(synced: Option<bool>, source: &str, lang: crate::i18n::Lang) -> Check {
    match synced {
        Some(true) => Check::ok(
            "clock-sync",
            crate::say!(lang, "doctor-clock-synced", source = source.to_string()),
        ),
        Some(false) => Check::warn(
            "clock-sync",
            crate::say!(lang, "doctor-clock-not-synced", source = source.to_string()),
        ),
        None => Check::warn(
            "clock-sync",
            crate::say!(lang, "doctor-clock-unknown", source = source.to_string()),
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

pub fn judge_protocol(file: &str, f: &ProtocolFacts, lang: crate::i18n::Lang) -> Check {
    let (by, on, other) = match f {
        ProtocolFacts::Invalid { errors } => {
            return Check::fail(
                "protocol",
                crate::say!(
                    lang,
                    "doctor-protocol-invalid",
                    file = file.to_string(),
                    errors = *errors
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
            "; {}",
            crate::say!(
                lang,
                "doctor-protocol-other-warnings",
                count = other,
                file = file.to_string()
            )
        )
    } else {
        String::new()
    };
    match (by, on) {
        (Some(by), Some(on)) if other == 0 => Check::ok(
            "protocol",
            crate::say!(
                lang,
                "doctor-protocol-signed",
                file = file.to_string(),
                by = by.to_string(),
                on = on.to_string()
            ),
        ),
        (Some(by), Some(on)) => Check::warn(
            "protocol",
            format!(
                "{}{more}",
                crate::say!(
                    lang,
                    "doctor-protocol-signed",
                    file = file.to_string(),
                    by = by.to_string(),
                    on = on.to_string()
                )
            ),
        ),
        (Some(by), None) => Check::warn(
            "protocol",
            format!(
                "{}{more}",
                crate::say!(
                    lang,
                    "doctor-protocol-undated",
                    file = file.to_string(),
                    by = by.to_string()
                )
            ),
        ),
        _ => Check::warn(
            "protocol",
            format!(
                "{}{more}",
                crate::say!(lang, "doctor-protocol-unsigned", file = file.to_string())
            ),
        ),
    }
}

/// Sessions neither closed nor abandoned: `(id, started)` pairs.
pub fn judge_unfinished(sessions: &[(String, String)], lang: crate::i18n::Lang) -> Check {
    if sessions.is_empty() {
        return Check::ok("unfinished", crate::say!(lang, "doctor-no-unfinished"));
    }
    let list: Vec<String> = sessions
        .iter()
        .take(3)
        .map(|(id, at)| {
            crate::say!(
                lang,
                "doctor-unfinished-item",
                id = id.clone(),
                at = at.clone()
            )
        })
        .collect();
    let more = sessions.len().saturating_sub(3);
    Check::warn(
        "unfinished",
        crate::say!(
            lang,
            "doctor-unfinished",
            count = sessions.len(),
            list = format!(
                "{}{}",
                list.join(", "),
                if more > 0 {
                    format!(" {}", crate::say!(lang, "doctor-and-more", more = more))
                } else {
                    String::new()
                }
            )
        ),
    )
}

/// Damaged records (`record::verdict`): `(id, verdict)` pairs. A warning:
/// the laptop can still run a session, but a record needs restoring.
pub fn judge_damaged(records: &[(String, String)], lang: crate::i18n::Lang) -> Check {
    if records.is_empty() {
        return Check::ok("damaged", crate::say!(lang, "doctor-no-damaged"));
    }
    let list: Vec<String> = records
        .iter()
        .take(3)
        .map(|(id, verdict)| format!("{id} ({verdict})"))
        .collect();
    let more = records.len().saturating_sub(3);
    let more = if more > 0 {
        format!(" {}", crate::say!(lang, "doctor-and-more", more = more))
    } else {
        String::new()
    };
    Check::warn(
        "damaged",
        crate::say!(
            lang,
            "doctor-damaged",
            count = records.len(),
            list = format!("{}{more}", list.join(", "))
        ),
    )
}

#[cfg(test)]
mod tests;
