//! The Debian package, built by `scripts/package-deb` from this test's
//! binary, unpacked into a scratch root with `dpkg -x`: the installed kap
//! says its version and commit, checks the installed protocols (found
//! through KAP_SHARE_DIR and through its relative-path fallback), and its
//! man page renders with `man -l`. CI installs dpkg, man-db and groff; a
//! missing tool fails this test rather than skipping it.

use std::path::Path;
use std::process::{Command, Output};

const KAP: &str = env!("CARGO_BIN_EXE_kap");

fn run(c: &mut Command) -> Output {
    let o = c
        .output()
        .unwrap_or_else(|e| panic!("cannot run {:?}: {e}", c.get_program()));
    assert!(
        o.status.success(),
        "{:?} failed: {}\n{}",
        c,
        String::from_utf8_lossy(&o.stdout),
        String::from_utf8_lossy(&o.stderr)
    );
    o
}

fn text(o: &Output) -> String {
    String::from_utf8_lossy(&o.stdout).into_owned()
}

#[test]
fn the_package_installs_a_working_kap_with_its_files_and_man_page() {
    let tmp = tempfile::tempdir().unwrap();
    let out = tmp.path().join("out");
    let built = run(Command::new("scripts/package-deb")
        .args(["--binary", KAP, "--out"])
        .arg(&out));
    let deb = text(&built).trim().to_string();
    assert!(deb.ends_with(".deb"), "{deb}");
    assert!(Path::new(&deb).is_file());

    let info = text(&run(Command::new("dpkg-deb").args(["-f", &deb])));
    assert!(info.contains("Package: kap\n"), "{info}");
    assert!(
        info.contains(&format!("Version: {}\n", env!("CARGO_PKG_VERSION"))),
        "{info}"
    );
    assert!(
        info.contains("libasound2 (>= 1.0.16) | libasound2t64"),
        "{info}"
    );

    let root = tmp.path().join("root");
    run(Command::new("dpkg").arg("-x").arg(&deb).arg(&root));
    let kap = root.join("usr/bin/kap");
    for f in [
        "usr/share/man/man1/kap.1.gz",
        "usr/share/man/man1/kap-doctor.1.gz",
        "usr/share/bash-completion/completions/kap",
        "usr/share/zsh/vendor-completions/_kap",
        "usr/share/fish/vendor_completions.d/kap.fish",
        "usr/share/doc/kap/README.md",
        "usr/share/doc/kap/copyright",
        "usr/share/doc/kap/protocol-format.md",
        "usr/share/kap/scenarios/montreal-uneventful.toml",
        "usr/share/kap/playlists/demo-ambient.m3u8",
    ] {
        assert!(root.join(f).is_file(), "the package lacks /{f}");
    }

    let version = text(&run(Command::new(&kap).arg("--version")));
    assert!(
        version.starts_with(&format!("kap {} (commit ", env!("CARGO_PKG_VERSION"))),
        "{version}"
    );
    assert!(!version.contains("commit )"), "{version}");

    // The installed protocols, by the relative name a user types, from a
    // folder that has no protocols/ of its own.
    let share = root.join("usr/share/kap");
    let elsewhere = tmp.path().join("elsewhere");
    std::fs::create_dir(&elsewhere).unwrap();
    let names = [
        "protocols/montreal.toml",
        "protocols/palliative.toml",
        "protocols/single-infusion-met.toml",
        "protocols/cannabis-met-mbrp.toml",
        "protocols/im-single-session.toml",
        "protocols/montreal.fr-CA.toml",
        "protocols/palliative.pt-BR.toml",
    ];
    let checked = text(&run(Command::new(&kap)
        .args(["protocol", "check"])
        .args(names)
        .current_dir(&elsewhere)
        .env("KAP_SHARE_DIR", &share)));
    for n in names {
        assert!(
            checked.contains(&format!("ok  {}", share.join(n).display())),
            "{n} not checked from the share dir:\n{checked}"
        );
    }
    // Without KAP_SHARE_DIR the relative name is not found here: an error,
    // not a silent success.
    let missing = Command::new(&kap)
        .args(["protocol", "check", "protocols/montreal.toml"])
        .current_dir(&elsewhere)
        .env_remove("KAP_SHARE_DIR")
        .output()
        .unwrap();
    if !Path::new("/usr/share/kap/protocols/montreal.toml").exists() {
        assert_eq!(missing.status.code(), Some(1));
    }

    // The man page renders: man -l reads the installed, compressed page.
    let page = root.join("usr/share/man/man1/kap.1.gz");
    let man = run(Command::new("man")
        .arg("-l")
        .arg(&page)
        .env("MANWIDTH", "80")
        .env("MANPAGER", "cat")
        .env("PAGER", "cat"));
    // Justified text: compare with runs of blanks as one space.
    let man = text(&man).split_whitespace().collect::<Vec<_>>().join(" ");
    assert!(man.contains("NAME"), "{man}");
    assert!(man.contains("kap - A terminal companion"), "{man}");
    assert!(man.contains("kap-doctor(1)"), "{man}");
    assert!(man.contains("KAP_SHARE_DIR"), "{man}");
}
