//! `scripts/dev deps`, the quick start's install step, on machines this
//! one is not: a Debian/Ubuntu without the ALSA headers (apt-get is faked
//! and must be called with the right packages), and Fedora, Arch, openSUSE
//! and an unknown system (it must say what to install and exit 1).

use std::os::unix::fs::PermissionsExt;
use std::path::Path;
use std::process::{Command, Output};

fn script(dir: &Path, name: &str, body: &str) {
    let p = dir.join(name);
    std::fs::write(&p, format!("#!/bin/sh\n{body}\n")).unwrap();
    std::fs::set_permissions(&p, std::fs::Permissions::from_mode(0o755)).unwrap();
}

/// `scripts/dev deps` with a pkg-config that finds alsa only once the fake
/// apt-get has "installed" it, and sudo that runs its command.
fn deps(os_release: &str) -> (Output, String) {
    let tmp = tempfile::tempdir().unwrap();
    let bin = tmp.path().join("bin");
    std::fs::create_dir(&bin).unwrap();
    let marker = tmp.path().join("installed");
    let log = tmp.path().join("apt.log");
    script(
        &bin,
        "pkg-config",
        &format!("[ -e '{}' ]", marker.display()),
    );
    script(
        &bin,
        "apt-get",
        &format!(
            "echo \"$DEBIAN_FRONTEND apt-get $*\" >> '{}'\n[ \"$1\" = install ] && touch '{}'\nexit 0",
            log.display(),
            marker.display()
        ),
    );
    script(&bin, "sudo", "exec \"$@\"");
    let rel = tmp.path().join("os-release");
    std::fs::write(&rel, os_release).unwrap();
    let path = format!(
        "{}:{}",
        bin.display(),
        std::env::var("PATH").unwrap_or_default()
    );
    let out = Command::new("scripts/dev")
        .arg("deps")
        .env("PATH", path)
        .env("KAP_OS_RELEASE", &rel)
        .output()
        .unwrap();
    let log = std::fs::read_to_string(&log).unwrap_or_default();
    (out, log)
}

#[test]
fn on_debian_and_its_derivatives_the_packages_are_installed_with_a_reason() {
    for rel in [
        "ID=debian\n",
        "ID=ubuntu\nID_LIKE=debian\n",
        "ID=linuxmint\nID_LIKE=\"ubuntu debian\"\n",
    ] {
        let (out, log) = deps(rel);
        let err = String::from_utf8_lossy(&out.stderr);
        assert!(out.status.success(), "{rel}: {err}");
        assert!(err.contains("links the ALSA library"), "{err}");
        assert!(err.contains("apt-get: pkg-config libasound2-dev"), "{err}");
        assert_eq!(
            log,
            "noninteractive apt-get update -qq\n\
             noninteractive apt-get install -y -qq --no-install-recommends pkg-config libasound2-dev\n",
            "{rel}"
        );
    }
}

#[test]
fn elsewhere_it_says_what_to_install_and_stops() {
    for (rel, says) in [
        (
            "ID=fedora\n",
            "dnf install pkgconf-pkg-config alsa-lib-devel",
        ),
        ("ID=rocky\nID_LIKE=\"rhel centos fedora\"\n", "dnf install"),
        ("ID=arch\n", "pacman -S --needed pkgconf alsa-lib"),
        (
            "ID=opensuse-tumbleweed\nID_LIKE=\"opensuse suse\"\n",
            "zypper install pkg-config alsa-devel",
        ),
        ("ID=plan9\n", "the ALSA development files (alsa.pc)"),
    ] {
        let (out, log) = deps(rel);
        let err = String::from_utf8_lossy(&out.stderr);
        assert_eq!(out.status.code(), Some(1), "{rel}: {err}");
        assert!(err.contains(says), "{rel}: {err}");
        assert!(log.is_empty(), "{rel}: apt-get was called: {log}");
    }
}
