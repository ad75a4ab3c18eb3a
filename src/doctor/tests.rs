use super::probe::{Mount, encryption_of_mount, mount_of};
use super::*;
use std::path::{Path, PathBuf};

#[test]
fn tags_and_summary() {
    let checks = vec![
        Check::ok("a", "fine"),
        Check::warn("b", "hmm"),
        Check::fail("c", "broken"),
    ];
    let text = render_text(&checks, crate::i18n::Lang::En);
    assert!(
        text.starts_with("ok    fine\nwarn  hmm\nFAIL  broken\n"),
        "{text}"
    );
    assert!(text.ends_with("3 checks: 1 ok, 1 warn, 1 FAIL — not ready: fix the FAIL lines\n"));
    let v: serde_json::Value = serde_json::from_str(&render_json(&checks)).unwrap();
    assert_eq!(v["checks"][2]["verdict"], "fail");
    assert_eq!(v["summary"]["warn"], 1);
    assert_eq!(v["ready"], false);
}

#[test]
fn control_characters_from_files_are_not_printed() {
    let c = Check::ok("protocol", "evil\x1b[2Jname\r\n");
    assert_eq!(c.text, "evil\\x1b[2Jname\\x0d\\x0a");
}

#[test]
fn mode_space_and_encryption_judgments() {
    assert_eq!(
        judge_mode("/d", 0o40700, crate::i18n::Lang::En).verdict,
        Verdict::Ok
    );
    let w = judge_mode("/d", 0o755, crate::i18n::Lang::En);
    assert_eq!(w.verdict, Verdict::Warn);
    assert!(w.text.contains("chmod 700 /d"), "{}", w.text);
    assert_eq!(
        judge_space(10 * MIB, 100 * WARN_BELOW, crate::i18n::Lang::En).verdict,
        Verdict::Fail
    );
    assert_eq!(
        judge_space(500 * MIB, 100 * WARN_BELOW, crate::i18n::Lang::En).verdict,
        Verdict::Warn
    );
    assert_eq!(
        judge_space(WARN_BELOW, 100 * WARN_BELOW, crate::i18n::Lang::En).verdict,
        Verdict::Ok
    );
    assert_eq!(
        judge_encryption(&Encryption::Yes("x".into()), crate::i18n::Lang::En).verdict,
        Verdict::Ok
    );
    assert_eq!(
        judge_encryption(
            &Encryption::Unknown("overlay".into()),
            crate::i18n::Lang::En
        )
        .text,
        "cannot tell whether the data folder is encrypted (overlay): check by hand"
    );
}

#[test]
fn protocol_sign_off() {
    let valid = |by: Option<&str>, on: Option<&str>| ProtocolFacts::Valid {
        reviewed_by: by.map(str::to_string),
        reviewed_on: on.map(str::to_string),
        other_warnings: 0,
    };
    let c = judge_protocol(
        "p.toml",
        &valid(Some("Dr A"), Some("2026-01-02")),
        crate::i18n::Lang::En,
    );
    assert_eq!(c.verdict, Verdict::Ok);
    assert_eq!(c.text, "p.toml: valid, signed off by Dr A on 2026-01-02");
    assert_eq!(
        judge_protocol("p.toml", &valid(None, None), crate::i18n::Lang::En).verdict,
        Verdict::Warn
    );
    assert_eq!(
        judge_protocol(
            "p.toml",
            &valid(Some(" "), Some("2026")),
            crate::i18n::Lang::En
        )
        .verdict,
        Verdict::Warn
    );
    assert_eq!(
        judge_protocol(
            "p.toml",
            &ProtocolFacts::Invalid { errors: 2 },
            crate::i18n::Lang::En
        )
        .verdict,
        Verdict::Fail
    );
}

#[test]
fn terminal_and_colours() {
    let t = |tty, size| judge_terminal(&Terminal { is_tty: tty, size }, crate::i18n::Lang::En);
    assert_eq!(t(true, Some((80, 24))).verdict, Verdict::Ok);
    assert_eq!(t(true, Some((79, 24))).verdict, Verdict::Warn);
    assert_eq!(t(false, None).verdict, Verdict::Warn);
    assert!(
        judge_colours(true, None, Some("xterm"), crate::i18n::Lang::En)
            .text
            .contains("plain")
    );
    assert_eq!(
        judge_colours(false, None, Some("dumb"), crate::i18n::Lang::En).verdict,
        Verdict::Warn
    );
    assert_eq!(
        judge_colours(
            false,
            Some("truecolor"),
            Some("xterm"),
            crate::i18n::Lang::En
        )
        .text,
        "24-bit colour (TERM=xterm)"
    );
}

const MOUNTINFO: &str = "\
a damaged line without the separator
22 27 0:21 / /proc rw,relatime - proc proc rw
27 1 253:1 / / rw,relatime - ext4 /dev/mapper/vg-root rw
40 27 8:1 / /boot rw,relatime - ext4 /dev/sda1 rw
41 27 8:2 / /home/a\\040b rw,relatime - ext4 /dev/sda2 rw
";

#[test]
fn the_longest_mount_point_holds_the_path() {
    let m = mount_of(MOUNTINFO, Path::new("/home/a b/.local/share/kap")).unwrap();
    assert_eq!(m.mount_point, PathBuf::from("/home/a b"));
    assert_eq!(m.dev, "8:2");
    let m = mount_of(MOUNTINFO, Path::new("/home/ab")).unwrap();
    assert_eq!(m.source, "/dev/mapper/vg-root");
    assert_eq!(m.fstype, "ext4");
}

#[test]
fn dm_crypt_is_found_below_lvm() {
    let sys = tempfile::tempdir().unwrap();
    let root = sys.path().join("dev/block/253:1");
    let crypt = sys.path().join("devices/dm-0");
    std::fs::create_dir_all(root.join("dm")).unwrap();
    std::fs::create_dir_all(root.join("slaves")).unwrap();
    std::fs::create_dir_all(crypt.join("dm")).unwrap();
    std::fs::write(root.join("dm/uuid"), "LVM-abc\n").unwrap();
    std::fs::write(crypt.join("dm/uuid"), "CRYPT-LUKS2-abc-luks\n").unwrap();
    std::fs::write(crypt.join("dm/name"), "luks-abc\n").unwrap();
    std::os::unix::fs::symlink(&crypt, root.join("slaves/dm-0")).unwrap();
    let m = mount_of(MOUNTINFO, Path::new("/var")).unwrap();
    assert_eq!(
        encryption_of_mount(&m, sys.path(), crate::i18n::Lang::En),
        Encryption::Yes("dm-crypt/LUKS luks-abc under /dev/mapper/vg-root".into())
    );
    // A plain partition: not encrypted.
    std::fs::create_dir_all(sys.path().join("dev/block/8:1")).unwrap();
    let m = mount_of(MOUNTINFO, Path::new("/boot")).unwrap();
    assert!(matches!(
        encryption_of_mount(&m, sys.path(), crate::i18n::Lang::En),
        Encryption::No(_)
    ));
    // An overlay has no disk of its own: cannot tell.
    let m = Mount {
        mount_point: "/".into(),
        dev: "0:99".into(),
        fstype: "overlay".into(),
        source: "overlay".into(),
    };
    assert!(matches!(
        encryption_of_mount(&m, sys.path(), crate::i18n::Lang::En),
        Encryption::Unknown(_)
    ));
}

#[test]
fn damaged_records_are_a_warning_naming_each_with_its_verdict() {
    let none = judge_damaged(&[], crate::i18n::Lang::En);
    assert_eq!(none.verdict, Verdict::Ok);
    let four: Vec<(String, String)> = (1..=4)
        .map(|i| {
            (
                format!("P-{i}"),
                "DAMAGED — entries missing after entry 3".into(),
            )
        })
        .collect();
    let c = judge_damaged(&four, crate::i18n::Lang::En);
    assert_eq!(c.verdict, Verdict::Warn);
    assert!(
        c.text
            .starts_with("4 damaged records: P-1 (DAMAGED — entries missing after entry 3), P-2"),
        "{}",
        c.text
    );
    assert!(c.text.contains("and 1 more"), "{}", c.text);
}
