//! Shipped files (protocols, scenarios, playlists) wherever kap was
//! installed: a relative path from the command line is taken from the
//! working directory when it is there, else from the site folder
//! (`/etc/kap`), else from `$KAP_SHARE_DIR`, else from `/usr/share/kap`
//! (where the Debian package puts them): `site_paths` says the order.

use std::path::{Path, PathBuf};

/// Where the Debian package installs the shipped files.
pub use crate::site_paths::SYSTEM_SHARE;

/// The folders searched after the working directory, in order (the
/// site's first: see `site_paths`).
pub fn share_dirs() -> Vec<PathBuf> {
    crate::site_paths::search_dirs()
}

/// `path` itself when it exists or is absolute; else the first share folder
/// that has it; else `path` unchanged, so the error names what was asked.
pub fn resolve(path: &Path) -> PathBuf {
    resolve_in(path, &share_dirs())
}

/// [`resolve`] against the given share folders (pure but for `exists`).
pub fn resolve_in(path: &Path, dirs: &[PathBuf]) -> PathBuf {
    if path.is_absolute() || path.exists() {
        return path.to_path_buf();
    }
    dirs.iter()
        .map(|d| d.join(path))
        .find(|p| p.exists())
        .unwrap_or_else(|| path.to_path_buf())
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn falls_back_to_the_share_dir_only_when_missing_here() {
        let tmp = tempfile::tempdir().unwrap();
        let share = tmp.path().join("share");
        std::fs::create_dir_all(share.join("protocols")).unwrap();
        std::fs::write(share.join("protocols/x.toml"), "").unwrap();
        let dirs = vec![tmp.path().join("nowhere"), share.clone()];
        assert_eq!(
            resolve_in(Path::new("protocols/x.toml"), &dirs),
            share.join("protocols/x.toml")
        );
        // Not anywhere: unchanged, so the error names it as given.
        assert_eq!(
            resolve_in(Path::new("protocols/y.toml"), &dirs),
            PathBuf::from("protocols/y.toml")
        );
        // Present in the working directory (the repository): kept.
        assert_eq!(
            resolve_in(Path::new("Cargo.toml"), &dirs),
            PathBuf::from("Cargo.toml")
        );
    }
}
