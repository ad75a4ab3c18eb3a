//! The facts `kap doctor` judges, read from the system: the data folder and
//! its disk, the clock, the time zone. Parsing is kept in pure functions
//! (`mount_of`) so it can be tested on sample text.

use super::{Check, Encryption};
use std::fs::OpenOptions;
use std::io::Write;
use std::os::unix::fs::PermissionsExt;
use std::path::{Path, PathBuf};

/// Every check about the data folder: exists (or can be created), writable,
/// private, free space, encryption.
pub fn data_folder(dir: &Path, lang: crate::i18n::Lang) -> Vec<Check> {
    let shown = dir.display().to_string();
    let mut out = Vec::new();
    let meta = std::fs::metadata(dir);
    let probe_dir: PathBuf = match &meta {
        Ok(m) if m.is_dir() => {
            out.push(Check::ok(
                "data-folder",
                crate::say!(lang, "doctor-folder-exists", folder = shown.as_str()),
            ));
            dir.to_path_buf()
        }
        Ok(_) => {
            out.push(Check::fail(
                "data-folder",
                crate::say!(lang, "doctor-folder-not-folder", folder = shown.as_str()),
            ));
            return out;
        }
        Err(_) => {
            // kap creates it at the first session: can it?
            let Some(anc) = dir.ancestors().skip(1).find(|a| a.exists()) else {
                out.push(Check::fail(
                    "data-folder",
                    crate::say!(lang, "doctor-folder-no-parent", folder = shown.as_str()),
                ));
                return out;
            };
            if !anc.is_dir() {
                out.push(Check::fail(
                    "data-folder",
                    crate::say!(
                        lang,
                        "doctor-folder-cannot-create",
                        folder = shown.as_str(),
                        parent = anc.display().to_string()
                    ),
                ));
                return out;
            }
            out.push(Check::ok(
                "data-folder",
                crate::say!(lang, "doctor-folder-created-later", folder = shown.as_str()),
            ));
            anc.to_path_buf()
        }
    };
    out.push(match write_probe(&probe_dir, lang) {
        Ok(()) if probe_dir == dir => {
            Check::ok("data-writable", crate::say!(lang, "doctor-folder-writable"))
        }
        Ok(()) => Check::ok(
            "data-writable",
            crate::say!(
                lang,
                "doctor-parent-writable",
                parent = probe_dir.display().to_string()
            ),
        ),
        Err(e) => Check::fail(
            "data-writable",
            crate::say!(
                lang,
                "doctor-cannot-write",
                folder = probe_dir.display().to_string(),
                error = e
            ),
        ),
    });
    if let Ok(m) = &meta {
        out.push(super::judge_mode(&shown, m.permissions().mode(), lang));
    }
    out.push(match rustix::fs::statvfs(&probe_dir) {
        Ok(s) => super::judge_space(
            s.f_bavail.saturating_mul(s.f_frsize),
            s.f_blocks.saturating_mul(s.f_frsize),
            lang,
        ),
        Err(e) => Check::warn(
            "data-space",
            crate::say!(lang, "doctor-space-unreadable", error = e.to_string()),
        ),
    });
    out.push(super::judge_encryption(&encryption(&probe_dir, lang), lang));
    out
}

/// Create a uniquely named file with O_EXCL, write to it and remove it.
fn write_probe(dir: &Path, lang: crate::i18n::Lang) -> Result<(), String> {
    let nanos = std::time::SystemTime::now()
        .duration_since(std::time::UNIX_EPOCH)
        .map(|d| d.subsec_nanos())
        .unwrap_or(0);
    let p = dir.join(format!(".kap-doctor-{}-{nanos}", std::process::id()));
    let mut f = OpenOptions::new()
        .write(true)
        .create_new(true)
        .open(&p)
        .map_err(|e| e.to_string())?;
    let written = f.write_all(b"kap doctor\n").and_then(|()| f.sync_data());
    drop(f);
    let removed = std::fs::remove_file(&p);
    written.map_err(|e| e.to_string())?;
    removed.map_err(|e| {
        crate::say!(
            lang,
            "doctor-probe-left",
            file = p.display().to_string(),
            error = e.to_string()
        )
    })
}

/// One line of `/proc/self/mountinfo`, the fields kap needs.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Mount {
    pub mount_point: PathBuf,
    /// `major:minor` of the device.
    pub dev: String,
    pub fstype: String,
    pub source: String,
}

/// The mount holding `path` (already canonical): the longest mount point
/// that is a prefix of it; the later line wins a tie (it mounts over).
pub fn mount_of(mountinfo: &str, path: &Path) -> Option<Mount> {
    let mut best: Option<Mount> = None;
    for line in mountinfo.lines() {
        let Some((left, right)) = line.split_once(" - ") else {
            continue;
        };
        let f: Vec<&str> = left.split(' ').collect();
        let r: Vec<&str> = right.split(' ').collect();
        let (Some(dev), Some(mp), Some(fstype)) = (f.get(2), f.get(4), r.first()) else {
            continue;
        };
        let mp = PathBuf::from(unescape(mp));
        if !path.starts_with(&mp) {
            continue;
        }
        let longer = best
            .as_ref()
            .is_none_or(|b| mp.components().count() >= b.mount_point.components().count());
        if longer {
            best = Some(Mount {
                mount_point: mp,
                dev: (*dev).to_string(),
                fstype: (*fstype).to_string(),
                source: unescape(r.get(1).copied().unwrap_or("")),
            });
        }
    }
    best
}

/// mountinfo writes space, tab, newline and backslash as `\ooo`.
fn unescape(s: &str) -> String {
    let b = s.as_bytes();
    let mut out = Vec::with_capacity(b.len());
    let mut i = 0;
    while i < b.len() {
        if b[i] == b'\\'
            && i + 3 < b.len()
            && b[i + 1..i + 4].iter().all(|c| (b'0'..=b'7').contains(c))
        {
            out.push((b[i + 1] - b'0') * 64 + (b[i + 2] - b'0') * 8 + (b[i + 3] - b'0'));
            i += 4;
        } else {
            out.push(b[i]);
            i += 1;
        }
    }
    String::from_utf8_lossy(&out).into_owned()
}

/// File systems that encrypt by themselves.
const ENCRYPTING_FS: &[&str] = &[
    "ecryptfs",
    "gocryptfs",
    "fuse.gocryptfs",
    "fuse.encfs",
    "fuse.cryfs",
];
/// File systems with no block device of their own to look at.
const VIRTUAL_FS: &[&str] = &[
    "overlay", "tmpfs", "nfs", "nfs4", "cifs", "9p", "virtiofs", "fuse",
];

/// Encryption at rest under `dir`: fscrypt on the folder, an encrypting
/// file system, or dm-crypt below the block device (through LVM too).
pub fn encryption(dir: &Path, lang: crate::i18n::Lang) -> Encryption {
    if let Ok(sx) = rustix::fs::statx(
        rustix::fs::CWD,
        dir,
        rustix::fs::AtFlags::empty(),
        rustix::fs::StatxFlags::BASIC_STATS,
    ) && sx
        .stx_attributes
        .contains(rustix::fs::StatxAttributes::ENCRYPTED)
    {
        return Encryption::Yes("fscrypt".into());
    }
    let Ok(canon) = dir.canonicalize() else {
        return Encryption::Unknown(crate::say!(
            lang,
            "doctor-cannot-resolve",
            folder = dir.display().to_string()
        ));
    };
    let Ok(info) = crate::input::read_system_text("/proc/self/mountinfo") else {
        return Encryption::Unknown(crate::say!(lang, "doctor-no-mountinfo"));
    };
    let Some(m) = mount_of(&info, &canon) else {
        return Encryption::Unknown(crate::say!(lang, "doctor-mount-not-listed"));
    };
    encryption_of_mount(&m, Path::new("/sys"), lang)
}

/// Judge a mount from sysfs (rooted at `sys`, so tests can fake it).
pub fn encryption_of_mount(m: &Mount, sys: &Path, lang: crate::i18n::Lang) -> Encryption {
    let on = crate::say!(
        lang,
        "doctor-fs-on",
        fstype = m.fstype.as_str(),
        mount = m.mount_point.display().to_string()
    );
    if ENCRYPTING_FS.contains(&m.fstype.as_str()) {
        return Encryption::Yes(on);
    }
    let block = {
        let by_dev = sys.join("dev/block").join(&m.dev);
        if by_dev.exists() {
            Some(by_dev)
        } else {
            // btrfs and others show an anonymous device number: use the source.
            Path::new(&m.source)
                .canonicalize()
                .ok()
                .and_then(|p| p.file_name().map(|n| sys.join("class/block").join(n)))
                .filter(|p| p.exists())
        }
    };
    let Some(block) = block else {
        return Encryption::Unknown(if VIRTUAL_FS.contains(&m.fstype.as_str()) {
            crate::say!(lang, "doctor-no-disk", on = on.as_str())
        } else {
            crate::say!(
                lang,
                "doctor-no-block-device",
                on = on.as_str(),
                source = m.source.as_str()
            )
        });
    };
    match crypt_below(&block, 0) {
        Some(name) => Encryption::Yes(crate::say!(
            lang,
            "doctor-luks",
            name = name,
            source = m.source.as_str()
        )),
        None => Encryption::No(format!("{} {}", m.source, on)),
    }
}

/// A dm-crypt device at `block` or below it (LVM on LUKS), by name.
fn crypt_below(block: &Path, depth: u32) -> Option<String> {
    if depth > 8 {
        return None;
    }
    if let Ok(uuid) = crate::input::read_system_text(block.join("dm/uuid"))
        && uuid.starts_with("CRYPT-")
    {
        let name = crate::input::read_system_text(block.join("dm/name")).unwrap_or_default();
        return Some(name.trim().to_string());
    }
    let slaves = std::fs::read_dir(block.join("slaves")).ok()?;
    slaves
        .filter_map(Result::ok)
        .find_map(|s| crypt_below(&s.path(), depth + 1))
}

/// Seconds on CLOCK_BOOTTIME, the clock the infusion timer reads.
pub fn boottime() -> Result<i64, String> {
    rustix::time::clock_gettime_dynamic(rustix::time::DynamicClockId::Boottime)
        .map(|t| t.tv_sec)
        .map_err(|e| e.to_string())
}

/// The time zone and where it came from: `TZ`, else `/etc/localtime`.
pub fn time_zone() -> Option<(String, &'static str)> {
    if let Some(tz) = std::env::var("TZ").ok().filter(|t| !t.is_empty()) {
        return Some((tz.trim_start_matches(':').to_string(), "TZ"));
    }
    let link = std::fs::read_link("/etc/localtime").ok();
    if let Some(l) = link {
        let s = l.to_string_lossy().into_owned();
        let name = s
            .split_once("zoneinfo/")
            .map(|(_, z)| z.to_string())
            .unwrap_or(s);
        return Some((name, "/etc/localtime"));
    }
    if Path::new("/etc/localtime").exists() {
        let name = crate::input::read_system_text("/etc/timezone")
            .map(|s| s.trim().to_string())
            .unwrap_or_else(|_| "set".into());
        return Some((name, "/etc/localtime"));
    }
    None
}

/// NTP synchronisation: `timedatectl`, else systemd-timesyncd's flag file.
pub fn clock_synced(lang: crate::i18n::Lang) -> (Option<bool>, String) {
    if let Ok(out) = std::process::Command::new("timedatectl")
        .args(["show", "-p", "NTPSynchronized", "--value"])
        .stderr(std::process::Stdio::null())
        .output()
        && out.status.success()
    {
        match String::from_utf8_lossy(&out.stdout).trim() {
            "yes" => return (Some(true), "timedatectl".into()),
            "no" => return (Some(false), "timedatectl".into()),
            _ => {}
        }
    }
    if Path::new("/run/systemd/timesync/synchronized").exists() {
        return (Some(true), "systemd-timesyncd".into());
    }
    (None, crate::say!(lang, "doctor-no-sync-answer"))
}
