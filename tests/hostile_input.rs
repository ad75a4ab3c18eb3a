//! Input as an attacker, or an unlucky user, would give it: folders kap did
//! not create, ids that are paths, symlinks, escape sequences, devices,
//! fifos and huge files, bad numbers, a reader that goes away. Each gets a
//! clear refusal or a safe result, and never a hang or a panic.

use std::os::unix::fs::{PermissionsExt, symlink};
use std::path::Path;
use std::process::{Command, Output, Stdio};
use std::time::{Duration, Instant};

fn kap(args: &[&str], data: &Path) -> Output {
    // The journal writer is a test aid in `kap-dev`, not in kap.
    let bin = if args.first() == Some(&"journal-writer") {
        env!("CARGO_BIN_EXE_kap-dev")
    } else {
        env!("CARGO_BIN_EXE_kap")
    };
    Command::new(bin)
        .args(args)
        .current_dir(env!("CARGO_MANIFEST_DIR"))
        .env("KAP_DATA_DIR", data)
        .env("RUST_BACKTRACE", "0")
        .stdin(Stdio::null())
        .output()
        .unwrap()
}

/// Run with a time limit: a hang is a failure, not a stuck test.
fn kap_within(args: &[&str], data: &Path, secs: u64) -> Output {
    let mut child = Command::new(env!("CARGO_BIN_EXE_kap"))
        .args(args)
        .current_dir(env!("CARGO_MANIFEST_DIR"))
        .env("KAP_DATA_DIR", data)
        .stdin(Stdio::null())
        .stdout(Stdio::piped())
        .stderr(Stdio::piped())
        .spawn()
        .unwrap();
    let deadline = Instant::now() + Duration::from_secs(secs);
    while child.try_wait().unwrap().is_none() {
        if Instant::now() > deadline {
            let _ = child.kill();
            panic!("kap {args:?} still running after {secs} s");
        }
        std::thread::sleep(Duration::from_millis(20));
    }
    child.wait_with_output().unwrap()
}

fn text(b: &[u8]) -> String {
    String::from_utf8_lossy(b).into_owned()
}

/// A rehearsal session made by the journal test aid; returns its id.
fn make_session(data: &Path) -> String {
    let o = kap(
        &[
            "journal-writer",
            "--protocol",
            "protocols/montreal.toml",
            "--count",
            "2",
        ],
        data,
    );
    assert!(o.status.success(), "{}", text(&o.stderr));
    let dir = text(&o.stdout)
        .lines()
        .find_map(|l| l.strip_prefix("dir ").map(str::to_string))
        .unwrap();
    Path::new(&dir)
        .file_name()
        .unwrap()
        .to_string_lossy()
        .into_owned()
}

fn mode(p: &Path) -> u32 {
    std::fs::metadata(p).unwrap().permissions().mode() & 0o777
}

#[test]
fn folders_kap_did_not_create_keep_their_mode() {
    let tmp = tempfile::tempdir().unwrap();
    let data = tmp.path().join("shared");
    std::fs::create_dir(&data).unwrap();
    std::fs::set_permissions(&data, std::fs::Permissions::from_mode(0o1777)).unwrap();
    // `rehearsal/` is a symlink to a folder elsewhere.
    let elsewhere = tmp.path().join("elsewhere");
    std::fs::create_dir(&elsewhere).unwrap();
    std::fs::set_permissions(&elsewhere, std::fs::Permissions::from_mode(0o755)).unwrap();
    symlink(&elsewhere, data.join("rehearsal")).unwrap();
    make_session(&data);
    assert_eq!(mode(&data), 0o777, "the data folder's mode was changed");
    assert_eq!(
        mode(&elsewhere),
        0o755,
        "a linked folder's mode was changed"
    );
    // What kap creates itself is private.
    let fresh = tmp.path().join("fresh");
    let id = make_session(&fresh);
    assert_eq!(mode(&fresh), 0o700);
    assert_eq!(mode(&fresh.join("rehearsal")), 0o700);
    assert_eq!(mode(&fresh.join("rehearsal").join(&id)), 0o700);
}

#[test]
fn ids_are_names_not_paths_and_resume_stays_in_its_tree() {
    let tmp = tempfile::tempdir().unwrap();
    let id = make_session(tmp.path());
    let outside = tempfile::tempdir().unwrap();
    for bad in [
        "../..",
        "..",
        ".",
        "/etc",
        &format!("../rehearsal/{id}"),
        &outside.path().display().to_string(),
        "a\u{1b}[2Jb",
        "",
    ] {
        let o = kap(&["resume", "--status", bad], tmp.path());
        let err = text(&o.stderr);
        assert!(!o.status.success(), "{bad:?} accepted");
        assert!(err.contains("is not a session id"), "{bad:?}: {err}");
        assert!(!err.contains('\u{1b}'), "escape printed raw: {err:?}");
    }
    // A rehearsal is never resumed as a real session, and says how.
    let o = kap(&["resume", "--status", &id], tmp.path());
    assert!(!o.status.success());
    assert!(
        text(&o.stderr).contains("it is a rehearsal: `kap resume --rehearsal ID`"),
        "{}",
        text(&o.stderr)
    );
    let o = kap(&["resume", "--rehearsal", "--status", &id], tmp.path());
    assert!(o.status.success(), "{}", text(&o.stderr));
}

#[test]
fn resume_status_changes_nothing() {
    let tmp = tempfile::tempdir().unwrap();
    let id = make_session(tmp.path());
    let dir = tmp.path().join("rehearsal").join(&id);
    let journal = dir.join("journal.jsonl");
    let mut bytes = std::fs::read(&journal).unwrap();
    bytes.extend_from_slice(b"{\"v\":2,\"seq\":4,\"reh");
    std::fs::write(&journal, &bytes).unwrap();
    // A planted `.torn` link must not be followed.
    let victim = tmp.path().join("victim");
    std::fs::write(&victim, b"untouched").unwrap();
    symlink(&victim, dir.join("journal.torn")).unwrap();
    let o = kap(&["resume", "--rehearsal", "--status", &id], tmp.path());
    assert!(o.status.success(), "{}", text(&o.stderr));
    assert!(text(&o.stderr).contains("was cut short by a crash"));
    assert_eq!(
        std::fs::read(&journal).unwrap(),
        bytes,
        "status changed the journal"
    );
    assert_eq!(std::fs::read(&victim).unwrap(), b"untouched");
}

#[test]
fn export_to_a_file_is_private_atomic_and_replaces_a_planted_link() {
    let tmp = tempfile::tempdir().unwrap();
    let id = make_session(tmp.path());
    let out_dir = tempfile::tempdir().unwrap();
    let victim = out_dir.path().join("victim");
    std::fs::write(&victim, b"untouched").unwrap();
    let target = out_dir.path().join("export.md");
    symlink(&victim, &target).unwrap();
    let o = kap(
        &[
            "export",
            &id,
            "--format",
            "md",
            "-o",
            &target.display().to_string(),
        ],
        tmp.path(),
    );
    assert!(o.status.success(), "{}", text(&o.stderr));
    assert_eq!(std::fs::read(&victim).unwrap(), b"untouched");
    let meta = std::fs::symlink_metadata(&target).unwrap();
    assert!(meta.is_file(), "the link was followed, not replaced");
    assert_eq!(meta.permissions().mode() & 0o777, 0o600);
    let names: Vec<String> = std::fs::read_dir(out_dir.path())
        .unwrap()
        .map(|e| e.unwrap().file_name().to_string_lossy().into_owned())
        .collect();
    assert_eq!(names.len(), 2, "a temporary file was left: {names:?}");
}

#[test]
fn escape_sequences_from_files_are_never_printed_raw() {
    let tmp = tempfile::tempdir().unwrap();
    let id = make_session(tmp.path());
    // A note with an OSC title sequence and a screen clear, as if typed in
    // by a hostile hand (journal lines are JSON, so this is an edit).
    let journal = tmp.path().join("rehearsal").join(&id).join("journal.jsonl");
    let t = std::fs::read_to_string(&journal)
        .unwrap()
        .replace("note 0", "note \\u001b]0;owned\\u0007\\u001b[2J\\u009b");
    std::fs::write(&journal, t).unwrap();
    for format in ["md", "csv", "vitals-csv"] {
        let o = kap(&["export", &id, "--format", format], tmp.path());
        assert!(!o.stdout.contains(&0x1b), "{format}: raw ESC on stdout");
        assert!(!o.stderr.contains(&0x1b), "{format}: raw ESC on stderr");
    }
    // Shown, not run (and, in Markdown, with its bracket escaped too).
    let o = kap(&["export", &id, "--format", "md"], tmp.path());
    assert!(
        text(&o.stdout).contains("\\x1b\\]0;owned\\x07"),
        "{}",
        text(&o.stdout)
    );
    // JSON stays valid JSON with the same text, escaped the JSON way.
    let o = kap(&["export", &id, "--format", "fhir"], tmp.path());
    let s = text(&o.stdout);
    assert!(!s.contains('\u{1b}') && !s.contains('\u{9b}'), "{s}");
    assert!(serde_json::from_str::<serde_json::Value>(&s).is_ok());
    // A protocol whose name and a diagnostic carry escapes.
    let p = tmp.path().join("evil.toml");
    let proto = std::fs::read_to_string(
        Path::new(env!("CARGO_MANIFEST_DIR")).join("protocols/montreal.toml"),
    )
    .unwrap();
    let evil =
        proto.replacen("name = \"", "name = \"\u{1b}]0;x\u{7}", 1) + "\nbogus\u{1b}[31m = 1\n";
    std::fs::write(&p, evil).unwrap();
    let o = kap(&["protocol", "check", &p.display().to_string()], tmp.path());
    assert!(!o.stdout.contains(&0x1b) && !o.stderr.contains(&0x1b));
    // A playlist entry named with escapes.
    let lists = tmp.path().join("lists");
    std::fs::create_dir(&lists).unwrap();
    std::fs::write(
        lists.join("a.m3u"),
        "#EXTINF:10,\u{1b}[2Jtitle\nmissing.wav\n",
    )
    .unwrap();
    let o = kap(&["playlists", &lists.display().to_string()], tmp.path());
    assert!(!o.stdout.contains(&0x1b), "{}", text(&o.stdout));
    // History of a patient id with escapes (refused at start now, but an
    // old journal may hold one).
    let o = kap(&["history", "--rehearsal", "crash\u{1b}[2J"], tmp.path());
    assert!(!o.stdout.contains(&0x1b));
}

#[test]
fn devices_fifos_and_huge_files_are_refused_without_hanging() {
    let tmp = tempfile::tempdir().unwrap();
    let fifo = tmp.path().join("fifo.toml");
    assert!(
        Command::new("mkfifo")
            .arg(&fifo)
            .status()
            .unwrap()
            .success()
    );
    let huge = tmp.path().join("huge.toml");
    std::fs::write(&huge, vec![b'#'; 2 * 1024 * 1024]).unwrap();
    for (file, says) in [
        ("/dev/zero", "not a regular file"),
        (fifo.to_str().unwrap(), "not a regular file"),
        (huge.to_str().unwrap(), "larger than the 1024 KiB kap reads"),
    ] {
        let o = kap_within(&["protocol", "check", file], tmp.path(), 5);
        assert!(!o.status.success());
        assert!(
            text(&o.stderr).contains(says),
            "{file}: {}",
            text(&o.stderr)
        );
        let o = kap_within(
            &[
                "rehearse",
                "--protocol",
                "protocols/montreal.toml",
                "--scenario",
                file,
            ],
            tmp.path(),
            5,
        );
        assert!(!o.status.success());
        assert!(
            text(&o.stderr).contains(says),
            "scenario {file}: {}",
            text(&o.stderr)
        );
    }
    // A playlist that is a device, and a track linked to /dev/zero.
    let lists = tmp.path().join("lists");
    std::fs::create_dir(&lists).unwrap();
    symlink("/dev/zero", lists.join("zero.m3u")).unwrap();
    symlink("/dev/zero", lists.join("zero.wav")).unwrap();
    std::fs::write(lists.join("ok.m3u"), "zero.wav\n").unwrap();
    let o = kap_within(&["playlists", &lists.display().to_string()], tmp.path(), 10);
    assert!(o.status.success(), "{}", text(&o.stderr));
    assert!(text(&o.stdout).contains("zero.m3u: cannot read (not a regular file"));
}

#[test]
fn speed_must_be_a_finite_number_in_range() {
    let tmp = tempfile::tempdir().unwrap();
    for bad in ["NaN", "inf", "0", "121", "-3", "fast"] {
        let o = kap(
            &[
                "rehearse",
                "--protocol",
                "protocols/montreal.toml",
                &format!("--speed={bad}"),
            ],
            tmp.path(),
        );
        assert_eq!(o.status.code(), Some(2), "--speed {bad} accepted");
        assert!(text(&o.stderr).contains("--speed"), "{}", text(&o.stderr));
    }
}

#[test]
fn a_reader_that_goes_away_ends_a_command_quietly() {
    let tmp = tempfile::tempdir().unwrap();
    for _ in 0..3 {
        make_session(tmp.path());
    }
    let kap_bin = env!("CARGO_BIN_EXE_kap");
    for cmd in [
        "history --rehearsal crash-test",
        "resume --rehearsal",
        "protocol show protocols/montreal.toml",
    ] {
        let o = Command::new("sh")
            .arg("-c")
            .arg(format!(
                "'{kap_bin}' {cmd} | head -c 1 >/dev/null; sleep 0.2"
            ))
            .current_dir(env!("CARGO_MANIFEST_DIR"))
            .env("KAP_DATA_DIR", tmp.path())
            .output()
            .unwrap();
        let err = text(&o.stderr);
        assert!(!err.contains("panicked"), "{cmd}: {err}");
    }
}

#[test]
fn a_data_folder_that_is_a_file_is_an_error_not_an_empty_list() {
    let tmp = tempfile::tempdir().unwrap();
    let file = tmp.path().join("not-a-folder");
    std::fs::write(&file, "x").unwrap();
    let o = kap(&["resume"], &file);
    assert!(!o.status.success());
    assert!(
        text(&o.stderr).contains("not a folder"),
        "{}",
        text(&o.stderr)
    );
}
