//! The Debian package, built by `scripts/package-deb` from this test's
//! binary, unpacked into a scratch root with `dpkg -x`: the installed kap
//! says its version and commit, checks the installed protocols (found
//! through KAP_SHARE_DIR and through its relative-path fallback), and its
//! man page renders with `man -l`. CI installs dpkg, man-db and groff; a
//! missing tool fails this test rather than skipping it.

use std::path::Path;
use std::process::{Command, Output};

const KAP: &str = env!("CARGO_BIN_EXE_kap");
/// The build aid that writes the man pages and completions.
const KAP_DEV: &str = env!("CARGO_BIN_EXE_kap-dev");

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
        .args(["--binary", KAP, "--dev-binary", KAP_DEV, "--out"])
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
        "usr/share/doc/kap/docs/protocol-format.md",
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

/// The package built and unpacked into `tmp/root`.
fn unpacked(tmp: &Path) -> (String, std::path::PathBuf) {
    let out = tmp.join("out");
    let built = run(Command::new("scripts/package-deb")
        .args(["--binary", KAP, "--dev-binary", KAP_DEV, "--out"])
        .arg(&out));
    let deb = text(&built).trim().to_string();
    let root = tmp.join("root");
    run(Command::new("dpkg").arg("-x").arg(&deb).arg(&root));
    (deb, root)
}

#[test]
fn the_package_ships_every_document_the_notices_and_the_sites_own_folder() {
    let tmp = tempfile::tempdir().unwrap();
    let (deb, root) = unpacked(tmp.path());
    let doc = root.join("usr/share/doc/kap");
    // Every document the README sends the reader to, where its links
    // lead (docs/ beside it).
    let readme = std::fs::read_to_string("README.md").unwrap();
    let linked: Vec<&str> = readme
        .split("](")
        .skip(1)
        .filter_map(|r| r.split(')').next())
        .filter(|l| l.starts_with("docs/") && l.ends_with(".md"))
        .collect();
    assert!(linked.len() >= 9, "{linked:?}");
    for l in linked {
        assert!(doc.join(l).is_file(), "the package lacks {l}");
    }

    // The third-party notices: generated from the dependency tree, with
    // the licences that need their text shipped.
    let notices = text(&run(Command::new("gzip")
        .arg("-dc")
        .arg(doc.join("third-party-notices.txt.gz"))));
    for (krate, licence) in [
        ("symphonia ", "MPL-2.0"),
        ("ring ", "ISC"),
        ("rustls-webpki ", "ISC"),
        ("webpki-roots ", "CDLA-Permissive-2.0"),
        ("ratatui ", "MIT"),
    ] {
        let at = notices
            .find(&format!("\n{krate}"))
            .unwrap_or_else(|| panic!("{krate} not in the notices"));
        let entry = &notices[at..at + 400.min(notices.len() - at)];
        assert!(entry.contains(licence), "{entry}");
    }
    assert!(notices.contains("Mozilla Public License Version 2.0"));
    assert!(notices.contains("Community Data License Agreement"));
    let copyright = std::fs::read_to_string(doc.join("copyright")).unwrap();
    assert!(
        copyright.contains("third-party-notices.txt.gz"),
        "{copyright}"
    );

    // /etc/kap: conffiles, and the push config off until filled in.
    let conffiles = text(&run(Command::new("dpkg-deb").args([
        "-I",
        &deb,
        "conffiles",
    ])));
    assert_eq!(
        conffiles,
        "/etc/kap/README\n/etc/kap/push.toml\n/etc/kap/monitor.toml\n"
    );
    for d in ["protocols", "scenarios", "playlists"] {
        assert!(root.join("etc/kap").join(d).is_dir(), "no /etc/kap/{d}");
    }
    let kap = root.join("usr/bin/kap");
    let site = root.join("etc/kap");
    let none = tmp.path().join("no-home-config");
    let push_status = || {
        text(&run(Command::new(&kap)
            .args(["push", "--status"])
            .env("KAP_SITE_DIR", &site)
            .env("XDG_CONFIG_HOME", &none)
            .env_remove("KAP_PUSH_CONFIG")
            .env("KAP_DATA_DIR", tmp.path().join("data"))
            .env("KAP_LANG", "en")))
    };
    let status = push_status();
    assert!(status.contains("push: not configured"), "{status}");
    // Filled in, the site's file is the one kap reads.
    let conf = site.join("push.toml");
    std::fs::write(&conf, "base_url = \"https://fhir.clinic.example/r4\"\n").unwrap();
    let status = push_status();
    assert!(
        status.contains(&format!("({})", conf.display())),
        "{status}"
    );

    // The monitor's settings: shipped all comments, so no listener and the
    // patient checked by PID-3 until the site fills them in.
    let monitor = site.join("monitor.toml");
    let shipped = std::fs::read_to_string(&monitor).unwrap();
    assert_eq!(
        kap::monitor::site::parse(&monitor, &shipped).unwrap(),
        kap::monitor::site::Site::default()
    );
    let (chosen, _) =
        kap::monitor::site::choose(None, Some(none.join("monitor.toml")), &site).unwrap();
    assert_eq!(chosen, monitor);

    // A site protocol is found before the shipped one of the same name.
    let mine = std::fs::read_to_string(root.join("usr/share/kap/protocols/montreal.toml"))
        .unwrap()
        .replacen("name = \"", "name = \"Site copy of ", 1);
    std::fs::write(site.join("protocols/montreal.toml"), mine).unwrap();
    let elsewhere = tmp.path().join("elsewhere");
    std::fs::create_dir(&elsewhere).unwrap();
    let shown = text(&run(Command::new(&kap)
        .args(["protocol", "check", "protocols/montreal.toml"])
        .current_dir(&elsewhere)
        .env("KAP_SITE_DIR", &site)
        .env("KAP_SHARE_DIR", root.join("usr/share/kap"))));
    assert!(
        shown.contains(&site.join("protocols/montreal.toml").display().to_string()),
        "{shown}"
    );

    // The test aids are not in the shipped binary or its completions.
    let bash =
        std::fs::read_to_string(root.join("usr/share/bash-completion/completions/kap")).unwrap();
    for aid in ["journal-writer", "generate-assets"] {
        assert!(!bash.contains(aid), "bash completion offers {aid}");
        let o = Command::new(&kap).arg(aid).output().unwrap();
        assert!(!o.status.success(), "the shipped kap runs {aid}");
    }
    assert!(!root.join("usr/bin/kap-dev").exists());
}

#[test]
fn a_licence_outside_the_allowed_list_fails_the_package_build() {
    let tmp = tempfile::tempdir().unwrap();
    let allowed = tmp.path().join("allowed");
    let all = std::fs::read_to_string("scripts/allowed-licences").unwrap();
    std::fs::write(&allowed, all.replace("\nMPL-2.0\n", "\n")).unwrap();
    let o = Command::new("scripts/third-party-notices")
        .arg("--allowed")
        .arg(&allowed)
        .output()
        .unwrap();
    let err = String::from_utf8_lossy(&o.stderr);
    assert_eq!(o.status.code(), Some(1), "{err}");
    assert!(err.contains("symphonia 0.5"), "{err}");
    assert!(err.contains("MPL-2.0"), "{err}");
}

/// The features a set of features turns on, following `[features]`.
fn enabled(features: &toml::Table, mut todo: Vec<String>) -> Vec<String> {
    let mut on = Vec::new();
    while let Some(f) = todo.pop() {
        if on.contains(&f) {
            continue;
        }
        if let Some(more) = features.get(&f).and_then(|v| v.as_array()) {
            todo.extend(more.iter().filter_map(|v| v.as_str()).map(String::from));
        }
        on.push(f);
    }
    on
}

/// A target's `required-features`.
fn required(target: &toml::Value) -> Vec<String> {
    let list = target.get("required-features").and_then(|r| r.as_array());
    list.into_iter()
        .flatten()
        .filter_map(|v| v.as_str())
        .map(String::from)
        .collect()
}

/// `cargo install --path .` installs the binaries whose required features
/// the default features give: kap alone, not the build and test aid
/// `kap-dev`. Checked in the manifest rather than by an install, which
/// would build kap once more. Every test that runs kap-dev asks for its
/// feature, so `cargo test` without it leaves them out rather than failing
/// to build, and `scripts/dev test` (with it) runs them all.
#[test]
fn cargo_install_installs_kap_alone_and_the_tests_that_run_kap_dev_ask_for_it() {
    let manifest: toml::Table = std::fs::read_to_string("Cargo.toml")
        .unwrap()
        .parse()
        .unwrap();
    let features = manifest["features"].as_table().unwrap();
    let default = enabled(features, vec!["default".into()]);
    let bins = manifest["bin"].as_array().unwrap();
    let installed: Vec<&str> = bins
        .iter()
        .filter(|b| required(b).iter().all(|f| default.contains(f)))
        .map(|b| b["name"].as_str().unwrap())
        .collect();
    assert_eq!(installed, ["kap"], "{default:?}");
    let dev = bins.iter().find(|b| b["name"].as_str() == Some("kap-dev"));
    assert_eq!(required(dev.unwrap()), ["dev-tools"]);
    let tests = manifest["test"].as_array().unwrap();
    let mut runs_kap_dev = Vec::new();
    for e in std::fs::read_dir("tests").unwrap() {
        let p = e.unwrap().path();
        let text = std::fs::read_to_string(&p).unwrap_or_default();
        if p.extension().is_some_and(|x| x == "rs") && text.contains("CARGO_BIN_EXE_kap-dev") {
            runs_kap_dev.push(p.file_stem().unwrap().to_string_lossy().into_owned());
        }
    }
    assert!(
        runs_kap_dev.contains(&"journal".to_string()),
        "{runs_kap_dev:?}"
    );
    for name in &runs_kap_dev {
        let t = tests.iter().find(|t| t["name"].as_str() == Some(name));
        let needs = t.map(required).unwrap_or_default();
        assert!(
            needs.contains(&"dev-tools".to_string()),
            "tests/{name}.rs runs kap-dev without required-features = [\"dev-tools\"]"
        );
    }
    let script = std::fs::read_to_string("scripts/dev").unwrap();
    assert!(script.contains("cargo test --locked --no-fail-fast --features dev-tools \"$@\""));
}
