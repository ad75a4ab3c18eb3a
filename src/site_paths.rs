//! Where kap looks for a site's files: the one place that says it (the
//! README's "Installing" section and `kap --help` repeat it).
//!
//! The site's own files live in `/etc/kap` (`KAP_SITE_DIR` overrides it),
//! kept by the Debian package as configuration files, never replaced by
//! an upgrade:
//!
//! - `/etc/kap/protocols/…`, `/etc/kap/scenarios/…`,
//!   `/etc/kap/playlists/…`: a relative path given on the command line
//!   (`protocols/montreal.toml`) is taken from the working directory when
//!   it is there, else from the site folder, else from `KAP_SHARE_DIR`,
//!   else from the shipped files in `/usr/share/kap`. A site's protocol is
//!   found before the shipped one of the same name.
//! - `/etc/kap/push.toml`: the push configuration, after `--config`,
//!   `KAP_PUSH_CONFIG` and the user's own `~/.config/kap/push.toml`.
//! - `/etc/kap/clinicians.toml`: the clinician directory.
//! - `/etc/kap/monitor.toml`: the bedside monitor's settings, after
//!   `KAP_MONITOR_CONFIG` and the user's own `~/.config/kap/monitor.toml`
//!   (read by `kap_monitor::site::load`, given [`site_dir`]).

use std::path::{Path, PathBuf};

/// The site folder when `KAP_SITE_DIR` does not name another.
pub const SITE_DIR: &str = "/etc/kap";
/// The variable naming another site folder.
pub const SITE_DIR_VAR: &str = "KAP_SITE_DIR";
/// The clinician directory's name in the site folder.
pub const CLINICIANS: &str = "clinicians.toml";
/// The push configuration's name, in the site folder and the user's.
pub const PUSH_CONFIG: &str = "push.toml";
/// Where the Debian package installs the shipped files.
pub const SYSTEM_SHARE: &str = "/usr/share/kap";

/// The site folder: `KAP_SITE_DIR`, else `/etc/kap`.
pub fn site_dir() -> PathBuf {
    std::env::var_os(SITE_DIR_VAR)
        .filter(|d| !d.is_empty())
        .map_or_else(|| PathBuf::from(SITE_DIR), PathBuf::from)
}

/// The folders a relative protocol, scenario or playlist path is looked
/// for in after the working directory, in order: the site folder,
/// `KAP_SHARE_DIR`, `/usr/share/kap`.
pub fn search_dirs() -> Vec<PathBuf> {
    let mut v = vec![site_dir()];
    if let Some(d) = std::env::var_os("KAP_SHARE_DIR").filter(|d| !d.is_empty()) {
        v.push(PathBuf::from(d));
    }
    v.push(PathBuf::from(SYSTEM_SHARE));
    v
}

/// The push configuration that applies when none is named: the user's
/// (`user`, e.g. `~/.config/kap/push.toml`) when it is there, else the
/// site's when that is there, else the user's (absent: not configured).
pub fn push_config(user: Option<PathBuf>) -> Option<PathBuf> {
    let site = site_dir().join(PUSH_CONFIG);
    choose_push_config(user, &site)
}

fn choose_push_config(user: Option<PathBuf>, site: &Path) -> Option<PathBuf> {
    let there = |p: &Path| std::fs::symlink_metadata(p).is_ok();
    match user {
        Some(u) if there(&u) || !there(site) => Some(u),
        _ if there(site) => Some(site.to_path_buf()),
        other => other,
    }
}

/// The clinician directory: `clinicians.toml` in the site folder.
pub fn clinician_directory() -> PathBuf {
    site_dir().join(CLINICIANS)
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn the_users_push_config_comes_before_the_sites() {
        let tmp = tempfile::tempdir().unwrap();
        let user = tmp.path().join("user.toml");
        let site = tmp.path().join("site.toml");
        // Neither: the user's place (not configured).
        assert_eq!(
            choose_push_config(Some(user.clone()), &site),
            Some(user.clone())
        );
        std::fs::write(&site, "").unwrap();
        assert_eq!(
            choose_push_config(Some(user.clone()), &site),
            Some(site.clone())
        );
        assert_eq!(choose_push_config(None, &site), Some(site.clone()));
        std::fs::write(&user, "").unwrap();
        assert_eq!(choose_push_config(Some(user.clone()), &site), Some(user));
    }
}
