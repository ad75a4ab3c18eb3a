//! The site's settings for the monitor feed (the file `KAP_MONITOR_CONFIG`
//! names, else `monitor.toml` in the user's kap config folder, else in the
//! site folder, `/etc/kap`: [`choose`]):
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
use kap_core::i18n::Phrase;
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
pub fn parse(file: &Path, text: &str) -> Result<Site, Phrase> {
    let bad = |error: Phrase| {
        kap_core::phrase!(
            "feed-site-invalid",
            file = file.display().to_string(),
            error = error
        )
    };
    let raw: Raw = toml::from_str(text).map_err(|e| bad(e.to_string().into()))?;
    if let Some(l) = &raw.listen {
        super::parse_address(l).map_err(bad)?;
    }
    let check = match raw.bed.map(|b| b.trim().to_string()) {
        None => PatientCheck::Pid,
        Some(b) if b.is_empty() || b.chars().count() > 64 || kap_core::text::has_control(&b) => {
            return Err(bad(kap_core::phrase!("feed-site-bad-bed")));
        }
        Some(b) => PatientCheck::Bed(b),
    };
    Ok(Site {
        listen: raw.listen.map(|l| l.trim().to_string()),
        check,
    })
}

/// Which settings file applies: the one `named` (by `KAP_MONITOR_CONFIG`;
/// it must then be there: `true`), else the user's (`user`, in kap's
/// config folder) when it is there, else the site's (`site_dir`'s
/// `monitor.toml`) when that is there, else the user's place (absent: no
/// settings). The same order as the push configuration's.
pub fn choose(
    named: Option<PathBuf>,
    user: Option<PathBuf>,
    site_dir: &Path,
) -> Option<(PathBuf, bool)> {
    if let Some(p) = named {
        return Some((p, true));
    }
    let there = |p: &Path| std::fs::symlink_metadata(p).is_ok();
    let site = site_dir.join(FILE_NAME);
    match user {
        Some(u) if there(&u) || !there(&site) => Some((u, false)),
        _ if there(&site) => Some((site, false)),
        other => other.map(|u| (u, false)),
    }
}

/// Read the settings that apply ([`choose`]; `site_dir` is the site
/// folder, `/etc/kap` unless `KAP_SITE_DIR` names another).
pub fn load(site_dir: &Path) -> Result<Site, Phrase> {
    let named = std::env::var_os(ENV_VAR)
        .filter(|p| !p.is_empty())
        .map(PathBuf::from);
    let user =
        directories::ProjectDirs::from("", "", "kap").map(|d| d.config_dir().join(FILE_NAME));
    let Some((path, named)) = choose(named, user, site_dir) else {
        return Ok(Site::default());
    };
    let unreadable = |e: std::io::Error| {
        kap_core::phrase!(
            "feed-site-unreadable",
            file = path.display().to_string(),
            error = kap_core::i18n::io_words(&e)
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
        unreadable(kap_core::i18n::io_error(
            std::io::ErrorKind::InvalidData,
            kap_core::phrase!("diag-not-utf8"),
        ))
    })?;
    parse(&path, &text)
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn the_named_file_then_the_users_then_the_sites() {
        let tmp = tempfile::tempdir().unwrap();
        let site_dir = tmp.path().join("etc-kap");
        std::fs::create_dir(&site_dir).unwrap();
        let site = site_dir.join(FILE_NAME);
        let user = tmp.path().join("user-monitor.toml");
        let named = tmp.path().join("named.toml");
        // Nothing anywhere: the user's place, which is absent (no settings).
        assert_eq!(
            choose(None, Some(user.clone()), &site_dir),
            Some((user.clone(), false))
        );
        // The site's file alone: the site's (an /etc/kap/monitor.toml is
        // read, not passed over for a user's file that is not there).
        std::fs::write(&site, "listen = \"10.1.4.20:2575\"\n").unwrap();
        assert_eq!(
            choose(None, Some(user.clone()), &site_dir),
            Some((site.clone(), false))
        );
        assert_eq!(choose(None, None, &site_dir), Some((site.clone(), false)));
        // The user's own file comes before the site's.
        std::fs::write(&user, "").unwrap();
        assert_eq!(
            choose(None, Some(user.clone()), &site_dir),
            Some((user.clone(), false))
        );
        // A named file comes first and must then exist.
        assert_eq!(
            choose(Some(named.clone()), Some(user), &site_dir),
            Some((named, true))
        );
        // And load() reads the site's file when it is the one that applies.
        let only_site = tmp.path().join("only");
        std::fs::create_dir(&only_site).unwrap();
        std::fs::write(only_site.join(FILE_NAME), "bed = \"KAP^3^1\"\n").unwrap();
        let (path, named) = choose(None, None, &only_site).unwrap();
        assert!(!named);
        let text = std::fs::read_to_string(&path).unwrap();
        assert_eq!(
            parse(&path, &text).unwrap().check,
            PatientCheck::Bed("KAP^3^1".into())
        );
    }
}
