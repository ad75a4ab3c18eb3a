//! The site's settings for the monitor feed (`monitor.toml` in kap's
//! config folder, or the file `KAP_MONITOR_CONFIG` names):
//!
//! ```toml
//! listen = "10.1.4.20:2575"  # where kap listens without --monitor; a LAN address only here
//! bed = "KAP^3^1"            # check the bed label (PV1-3) instead of the patient id (PID-3)
//! ```
//!
//! Reading the file is at the edge ([`load`]); what it says is checked by
//! [`parse`], purely. No file: no listener unless `--monitor` asks, on a
//! loopback address, and the patient checked by PID-3.

use super::PatientCheck;
use serde::Deserialize;
use std::path::{Path, PathBuf};

pub const FILE_NAME: &str = "monitor.toml";
pub const ENV_VAR: &str = "KAP_MONITOR_CONFIG";
/// Largest settings file read.
const MAX_FILE: u64 = 16 * 1024;

#[derive(Debug, Deserialize)]
#[serde(deny_unknown_fields)]
struct Raw {
    listen: Option<String>,
    bed: Option<String>,
}

/// What the site set.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Site {
    /// The address to listen on without `--monitor`, and the one
    /// non-loopback address `--monitor` may name.
    pub listen: Option<String>,
    pub check: PatientCheck,
}

impl Default for Site {
    fn default() -> Site {
        Site {
            listen: None,
            check: PatientCheck::Pid,
        }
    }
}

/// Check a settings file's text (`file` names it in the errors).
pub fn parse(file: &Path, text: &str) -> Result<Site, String> {
    let bad = |error: String| {
        kap_core::t!(
            "feed-site-invalid",
            file = file.display().to_string(),
            error = error
        )
    };
    let raw: Raw = toml::from_str(text).map_err(|e| bad(e.to_string()))?;
    if let Some(l) = &raw.listen {
        super::parse_address(l).map_err(bad)?;
    }
    let check = match raw.bed.map(|b| b.trim().to_string()) {
        None => PatientCheck::Pid,
        Some(b) if b.is_empty() || b.chars().count() > 64 || kap_core::text::has_control(&b) => {
            return Err(bad(kap_core::t!("feed-site-bad-bed")));
        }
        Some(b) => PatientCheck::Bed(b),
    };
    Ok(Site {
        listen: raw.listen.map(|l| l.trim().to_string()),
        check,
    })
}

/// Read the settings that apply: the file `KAP_MONITOR_CONFIG` names
/// (which must then be there), else `monitor.toml` in kap's config folder
/// if there is one.
pub fn load() -> Result<Site, String> {
    let (path, named) = match std::env::var_os(ENV_VAR).filter(|p| !p.is_empty()) {
        Some(p) => (PathBuf::from(p), true),
        None => match directories::ProjectDirs::from("", "", "kap") {
            Some(d) => (d.config_dir().join(FILE_NAME), false),
            None => return Ok(Site::default()),
        },
    };
    let unreadable = |e: std::io::Error| {
        kap_core::t!(
            "feed-site-unreadable",
            file = path.display().to_string(),
            error = e.to_string()
        )
    };
    match std::fs::symlink_metadata(&path) {
        Err(e) if e.kind() == std::io::ErrorKind::NotFound && !named => {
            return Ok(Site::default());
        }
        Err(e) => return Err(unreadable(e)),
        Ok(_) => {}
    }
    let bytes = kap_core::input::read_limited(&path, MAX_FILE).map_err(unreadable)?;
    let text = String::from_utf8(bytes).map_err(|_| {
        unreadable(std::io::Error::new(
            std::io::ErrorKind::InvalidData,
            "not UTF-8 text",
        ))
    })?;
    parse(&path, &text)
}
