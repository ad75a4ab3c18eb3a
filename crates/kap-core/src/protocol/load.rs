//! Reading a protocol file: syntax and type errors from the TOML parser, then
//! the semantic checks, all reported as [`Diagnostic`]s with line and column.

use super::diagnostic::{Diagnostic, Level};
use super::locate::locate;
use super::model::Protocol;
use super::validate;
use std::path::Path;

/// A protocol that passed every check, with any warnings about it.
#[derive(Debug, Clone)]
pub struct Loaded {
    pub protocol: Protocol,
    pub warnings: Vec<Diagnostic>,
}

/// Read and check a protocol file. On failure every problem found is
/// returned (errors first in file order, then warnings).
pub fn load_file(path: &Path) -> Result<Loaded, Vec<Diagnostic>> {
    match crate::input::read_text_file(path) {
        Ok(bytes) => load_bytes(path, &bytes),
        Err(e) => Err(vec![Diagnostic::whole_file(
            path,
            crate::phrase!("diag-cannot-read", error = crate::i18n::io_words(&e)),
        )]),
    }
}

/// Check protocol bytes as if read from `path` (used for messages only).
pub fn load_bytes(path: &Path, bytes: &[u8]) -> Result<Loaded, Vec<Diagnostic>> {
    match std::str::from_utf8(bytes) {
        Ok(text) => load_str(path, text),
        Err(e) => {
            let good = String::from_utf8_lossy(&bytes[..e.valid_up_to()]).into_owned();
            Err(vec![Diagnostic::at(
                Level::Error,
                path,
                &good,
                good.len(),
                crate::phrase!("diag-not-utf8"),
            )])
        }
    }
}

/// Check protocol text as if read from `path`.
pub fn load_str(path: &Path, text: &str) -> Result<Loaded, Vec<Diagnostic>> {
    let protocol: Protocol = Diagnostic::from_toml(path, text).map_err(|d| vec![d])?;
    let unknown = super::site_values::check(&protocol, text)
        .into_iter()
        .map(|u| validate::Problem {
            warning: false,
            path: u.at,
            message: u.message,
        });
    let mut diags: Vec<Diagnostic> = validate::check(&protocol)
        .into_iter()
        .chain(unknown)
        .map(|p| {
            let offset = locate(text, &p.path).unwrap_or(0);
            let level = if p.warning {
                Level::Warning
            } else {
                Level::Error
            };
            Diagnostic::at(
                level,
                path,
                text,
                offset,
                crate::phrase!("diag-at", path = p.path.to_string(), message = p.message),
            )
        })
        .collect();
    // Errors before warnings; within each, file order.
    diags.sort_by(|a, b| {
        b.level
            .cmp(&a.level)
            .then(a.line.cmp(&b.line))
            .then(a.column.cmp(&b.column))
    });
    if diags.iter().any(Diagnostic::is_error) {
        Err(diags)
    } else {
        Ok(Loaded {
            protocol,
            warnings: diags,
        })
    }
}
