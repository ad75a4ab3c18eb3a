//! The listing index (`crates/kap-record/src/index.rs`) is only a cache: deleted,
//! corrupt or cut short it gives the same answers as the journals; a
//! journal, seal or summary changed behind its back (even to the same
//! length with its modification time put back) is read again; a journal
//! written within the last two seconds is not cached at all.
//!
//! The measurement at 10,000 sessions (`ten_thousand_sessions_listed`) is
//! ignored by default; see docs/performance.md.

mod common;

use common::sealed::{closed_session, kap, said};
use kap::record::Store;
use kap::record::index::SESSIONS_INDEX;
use std::path::{Path, PathBuf};
use std::time::{Duration, SystemTime};

/// Put every file of a session folder an hour in the past, as a record
/// written earlier (the index never caches a file modified in the last
/// two seconds).
fn age(dir: &Path) {
    let then = SystemTime::now() - Duration::from_secs(3600);
    for e in std::fs::read_dir(dir).unwrap() {
        let p = e.unwrap().path();
        if p.is_file() {
            set_modified(&p, then);
        }
    }
}

fn set_modified(p: &Path, t: SystemTime) {
    std::fs::File::options()
        .write(true)
        .open(p)
        .unwrap()
        .set_modified(t)
        .unwrap();
}

fn modified(p: &Path) -> SystemTime {
    std::fs::metadata(p).unwrap().modified().unwrap()
}

/// Three patients' closed records, aged.
fn clinic(data: &Path) -> Vec<PathBuf> {
    let store = Store::at(data);
    let dirs: Vec<PathBuf> = ["P-A", "P-B", "P-C"]
        .iter()
        .enumerate()
        .map(|(i, p)| closed_session(&store, p, 60 * i as i64))
        .collect();
    dirs.iter().for_each(|d| age(d));
    dirs
}

/// What a listing says, in a form to compare.
fn answers(data: &Path) -> Vec<(String, String, String, usize)> {
    let scan = Store::at(data).scan(false);
    let mut v: Vec<_> = scan
        .sessions
        .iter()
        .map(|l| {
            (
                l.id.clone(),
                l.start.patient.clone(),
                l.verdict.sentence().say(kap::i18n::Lang::En),
                l.events,
            )
        })
        .collect();
    v.extend(scan.startless.iter().map(|s| {
        (
            s.id.clone(),
            String::new(),
            s.verdict.sentence().say(kap::i18n::Lang::En),
            s.events,
        )
    }));
    v
}

fn index_text(data: &Path) -> String {
    std::fs::read_to_string(data.join(SESSIONS_INDEX)).unwrap_or_default()
}

fn id(dir: &Path) -> String {
    dir.file_name().unwrap().to_string_lossy().into_owned()
}

#[test]
fn the_index_is_written_and_holds_every_aged_record() {
    let tmp = tempfile::tempdir().unwrap();
    let dirs = clinic(tmp.path());
    let first = answers(tmp.path());
    assert_eq!(first.len(), 3);
    let text = index_text(tmp.path());
    for d in &dirs {
        assert!(text.contains(&id(d)), "{} not in the index: {text}", id(d));
    }
}

#[test]
fn a_deleted_corrupt_or_cut_index_gives_the_same_answers() {
    let tmp = tempfile::tempdir().unwrap();
    let data = tmp.path();
    clinic(data);
    let truth = answers(data);
    assert_eq!(answers(data), truth, "from the index");
    let whole = index_text(data);
    std::fs::remove_file(data.join(SESSIONS_INDEX)).unwrap();
    assert_eq!(answers(data), truth, "deleted");
    std::fs::write(data.join(SESSIONS_INDEX), "not json {").unwrap();
    assert_eq!(answers(data), truth, "corrupt");
    std::fs::write(data.join(SESSIONS_INDEX), &whole[..whole.len() / 2]).unwrap();
    assert_eq!(answers(data), truth, "cut short");
    std::fs::write(
        data.join(SESSIONS_INDEX),
        whole.replace("\"version\":1", "\"version\":99"),
    )
    .unwrap();
    assert_eq!(answers(data), truth, "another version");
    // Rebuilt each time.
    assert_eq!(index_text(data), whole);
    // A `kap verify` of the folder does not take the index for a stranger.
    let o = kap(data, &["verify"]);
    assert!(o.status.success(), "{}", said(&o));
}

#[test]
fn a_journal_changed_behind_the_index_is_read_again() {
    let tmp = tempfile::tempdir().unwrap();
    let data = tmp.path();
    let dirs = clinic(data);
    let before = answers(data);
    assert!(index_text(data).contains(&id(&dirs[1])));
    // One character of the last line changed: same length, and the
    // modification time put back as it was. The record is now damaged.
    let journal = dirs[1].join("journal.jsonl");
    let was = modified(&journal);
    let text = std::fs::read_to_string(&journal).unwrap();
    let at = text.trim_end().rfind("test: ended").unwrap();
    let changed = format!("{}T{}", &text[..at], &text[at + 1..]);
    assert_eq!(changed.len(), text.len());
    std::fs::write(&journal, changed).unwrap();
    set_modified(&journal, was);
    let after = answers(data);
    let row = |v: &[(String, String, String, usize)]| {
        v.iter().find(|r| r.0 == id(&dirs[1])).unwrap().2.clone()
    };
    assert!(!row(&before).contains("DAMAGED"), "{before:?}");
    assert!(row(&after).contains("DAMAGED"), "{after:?}");
    // Cut short by its last line: the seal says entries are missing.
    let journal = dirs[2].join("journal.jsonl");
    let was = modified(&journal);
    let text = std::fs::read_to_string(&journal).unwrap();
    let cut = text.trim_end().rfind('\n').unwrap() + 1;
    std::fs::write(&journal, &text[..cut]).unwrap();
    set_modified(&journal, was);
    let after = answers(data);
    let it = after.iter().find(|r| r.0 == id(&dirs[2])).unwrap();
    assert!(it.2.contains("DAMAGED"), "{after:?}");
    // A seal that is no longer a seal, at the same length and time.
    let seal = dirs[0].join("seal.json");
    let was = modified(&seal);
    let len = std::fs::metadata(&seal).unwrap().len() as usize;
    std::fs::write(&seal, " ".repeat(len)).unwrap();
    set_modified(&seal, was);
    let sealed = answers(data);
    let it = sealed.iter().find(|r| r.0 == id(&dirs[0])).unwrap();
    assert!(it.2.contains("DAMAGED"), "{sealed:?}");
    std::fs::remove_file(&seal).unwrap();
    // And the other is as it was.
    let first =
        |v: &[(String, String, String, usize)]| v.iter().find(|r| r.0 == id(&dirs[0])).cloned();
    assert_eq!(first(&after), first(&before));
}

#[test]
fn new_and_removed_folders_are_seen() {
    let tmp = tempfile::tempdir().unwrap();
    let data = tmp.path();
    let dirs = clinic(data);
    answers(data);
    std::fs::remove_dir_all(&dirs[0]).unwrap();
    let store = Store::at(data);
    let new = closed_session(&store, "P-D", 500);
    age(&new);
    let now = answers(data);
    let ids: Vec<&str> = now.iter().map(|r| r.0.as_str()).collect();
    assert!(!ids.contains(&id(&dirs[0]).as_str()), "{ids:?}");
    assert!(ids.contains(&id(&new).as_str()), "{ids:?}");
    assert!(!index_text(data).contains(&id(&dirs[0])));
    assert!(index_text(data).contains(&id(&new)));
}

#[test]
fn a_journal_written_just_now_is_not_cached() {
    let tmp = tempfile::tempdir().unwrap();
    let data = tmp.path();
    let dirs = clinic(data);
    let fresh = closed_session(&Store::at(data), "P-E", 900);
    let listed = answers(data);
    assert_eq!(listed.len(), 4);
    let text = index_text(data);
    assert!(text.contains(&id(&dirs[0])), "{text}");
    assert!(!text.contains(&id(&fresh)), "{text}");
}

#[test]
fn history_of_one_patient_reads_from_the_index_and_the_patients_journals() {
    let tmp = tempfile::tempdir().unwrap();
    let data = tmp.path();
    clinic(data);
    let first = kap(data, &["history", "P-B"]);
    assert!(first.status.success(), "{}", said(&first));
    std::fs::remove_file(data.join(SESSIONS_INDEX)).unwrap();
    let rebuilt = kap(data, &["history", "P-B"]);
    assert_eq!(first.stdout, rebuilt.stdout);
    let again = kap(data, &["history", "P-B"]);
    assert_eq!(first.stdout, again.stdout);
    assert!(
        String::from_utf8_lossy(&again.stdout).contains("P-B"),
        "{}",
        said(&again)
    );
}

/// Put the tree folder's own times an hour in the past, as a tree last
/// changed earlier (the index does not vouch for a tree changed in the
/// last two seconds).
fn age_tree(data: &Path) {
    let then = SystemTime::now() - Duration::from_secs(3600);
    let tree = std::fs::File::open(data.join("sessions")).unwrap();
    tree.set_modified(then).unwrap();
}

/// A copy of a session folder's files at `to`, as copied in by hand.
fn copy_folder(from: &Path, to: &Path) {
    std::fs::create_dir(to).unwrap();
    for e in std::fs::read_dir(from).unwrap() {
        let p = e.unwrap().path();
        if p.is_file() {
            std::fs::copy(&p, to.join(p.file_name().unwrap())).unwrap();
        }
    }
    age(to);
}

/// One patient's lookup, in a form to compare, and how many folders it
/// looked into.
fn lookup(data: &Path, patient: &str) -> (Vec<(String, String, String, usize)>, usize) {
    let scan = Store::at(data).scan_patient(false, patient);
    let mut v: Vec<_> = scan
        .sessions
        .iter()
        .map(|l| {
            (
                l.id.clone(),
                l.start.patient.clone(),
                l.verdict.sentence().say(kap::i18n::Lang::En),
                l.events,
            )
        })
        .collect();
    v.extend(scan.startless.iter().map(|s| {
        (
            s.id.clone(),
            String::new(),
            s.verdict.sentence().say(kap::i18n::Lang::En),
            s.events,
        )
    }));
    v.extend(scan.unreadable.iter().map(|u| {
        let folder = u.path.parent().unwrap();
        (id(folder), String::new(), u.error.to_string(), 0)
    }));
    (v, scan.looked_into)
}

/// What the journals say of one patient, without any index: the whole
/// listing, read into a folder of its own.
fn truth(data: &Path, patient: &str) -> Vec<(String, String, String, usize)> {
    let bare = tempfile::tempdir().unwrap();
    let bare_tree = bare.path().join("sessions");
    std::fs::create_dir(&bare_tree).unwrap();
    for e in std::fs::read_dir(data.join("sessions")).unwrap() {
        let p = e.unwrap().path();
        copy_folder(&p, &bare_tree.join(p.file_name().unwrap()));
    }
    answers(bare.path())
        .into_iter()
        .filter(|r| r.1 == patient || r.1.is_empty())
        .collect()
}

/// P-A once, P-B twice, P-C once, aged, the tree too, and the index built
/// by a whole-clinic list (which looks into every folder).
fn indexed_clinic(data: &Path) -> Vec<PathBuf> {
    let mut dirs = clinic(data);
    let store = Store::at(data);
    let again = closed_session(&store, "P-B", 300);
    age(&again);
    dirs.push(again);
    age_tree(data);
    assert_eq!(Store::at(data).scan(false).looked_into, 4);
    dirs
}

#[test]
fn one_patients_lookup_looks_only_into_their_folders() {
    let tmp = tempfile::tempdir().unwrap();
    let data = tmp.path();
    let dirs = indexed_clinic(data);
    let (b, looked) = lookup(data, "P-B");
    assert_eq!(b, truth(data, "P-B"));
    assert_eq!(b.len(), 2, "{b:?}");
    assert_eq!(looked, 2, "P-B's two folders, not the clinic's four");
    assert_eq!(lookup(data, "P-A").1, 1);
    // An unknown patient: no folder of theirs to look into.
    assert_eq!(lookup(data, "P-NOBODY"), (vec![], 0));
    // Someone else's journal that can no longer be read (a folder where
    // the file was): a whole-clinic list says so; P-A's lookup never
    // looks, so never reports it.
    let c = dirs[2].join("journal.jsonl");
    std::fs::remove_file(&c).unwrap();
    std::fs::create_dir(&c).unwrap();
    let (a, looked) = lookup(data, "P-A");
    assert_eq!(looked, 1);
    assert_eq!(a.len(), 1, "{a:?}");
    assert_eq!(a[0].1, "P-A");
    let whole = Store::at(data).scan(false);
    assert_eq!(whole.unreadable.len(), 1, "{:?}", whole.unreadable);
    // Never cached, so said by every lookup from then on: it may be
    // anyone's now.
    assert_eq!(lookup(data, "P-A").0.len(), 2);
}

#[test]
fn one_patients_lookup_gives_the_same_answers_with_the_index_deleted_corrupt_or_stale() {
    let tmp = tempfile::tempdir().unwrap();
    let data = tmp.path();
    let dirs = indexed_clinic(data);
    let want = truth(data, "P-B");
    assert_eq!(lookup(data, "P-B").0, want, "from the index");
    let stale = index_text(data);
    std::fs::remove_file(data.join(SESSIONS_INDEX)).unwrap();
    assert_eq!(lookup(data, "P-B").0, want, "deleted");
    std::fs::write(data.join(SESSIONS_INDEX), "{\"version\":2,\"tree\":[").unwrap();
    assert_eq!(lookup(data, "P-B").0, want, "corrupt");
    // Stale: written before P-B's first folder was removed and another
    // record of P-B's was made.
    std::fs::remove_dir_all(&dirs[1]).unwrap();
    let new = closed_session(&Store::at(data), "P-B", 700);
    age(&new);
    age_tree(data);
    std::fs::write(data.join(SESSIONS_INDEX), &stale).unwrap();
    let want = truth(data, "P-B");
    assert!(want.iter().any(|r| r.0 == id(&new)), "{want:?}");
    assert!(!want.iter().any(|r| r.0 == id(&dirs[1])), "{want:?}");
    assert_eq!(lookup(data, "P-B").0, want, "stale");
    // A journal of P-B's changed in place behind a trusted index (same
    // length, modification time put back): read again.
    age_tree(data);
    Store::at(data).scan(false);
    let journal = new.join("journal.jsonl");
    let was = modified(&journal);
    let text = std::fs::read_to_string(&journal).unwrap();
    let at = text.trim_end().rfind("test: ended").unwrap();
    std::fs::write(&journal, format!("{}T{}", &text[..at], &text[at + 1..])).unwrap();
    set_modified(&journal, was);
    let (b, looked) = lookup(data, "P-B");
    assert_eq!(looked, 2);
    assert_eq!(b, truth(data, "P-B"));
    assert!(
        b.iter().any(|r| r.0 == id(&new) && r.2.contains("DAMAGED")),
        "{b:?}"
    );
}

#[test]
fn a_folder_copied_in_or_replaced_by_another_patients_record_is_seen() {
    let tmp = tempfile::tempdir().unwrap();
    let data = tmp.path();
    let dirs = indexed_clinic(data);
    // P-C's record copied in by hand under a new name.
    let tree = data.join("sessions");
    let copied = tree.join("P-C-s1-20250101T090000");
    copy_folder(&dirs[2], &copied);
    let (c, _) = lookup(data, "P-C");
    assert!(c.iter().any(|r| r.0 == id(&copied)), "{c:?}");
    assert_eq!(c, truth(data, "P-C"));
    // P-A's folder replaced by a copy of P-C's record under P-A's
    // folder's name: made beside it, then moved in its place, so it is
    // another folder (another inode).
    age_tree(data);
    Store::at(data).scan(false);
    let beside = tree.join(".replacing");
    copy_folder(&dirs[2], &beside);
    std::fs::remove_dir_all(&dirs[0]).unwrap();
    std::fs::rename(&beside, &dirs[0]).unwrap();
    // Even were the new folder given the old one's inode (as a file
    // system may, once the old one is removed), the tree has changed.
    use std::os::unix::fs::MetadataExt;
    let ino = std::fs::metadata(&dirs[0]).unwrap().ino();
    let mut index: serde_json::Value = serde_json::from_str(&index_text(data)).unwrap();
    index["sessions"][id(&dirs[0])]["ino"] = ino.into();
    std::fs::write(data.join(SESSIONS_INDEX), index.to_string()).unwrap();
    let (c, _) = lookup(data, "P-C");
    assert!(c.iter().any(|r| r.0 == id(&dirs[0])), "{c:?}");
    assert_eq!(c, truth(data, "P-C"));
    assert_eq!(lookup(data, "P-A").0, vec![]);
}

#[test]
fn a_replaced_folder_is_seen_by_its_inode_when_the_tree_stamp_is_not_moved() {
    let tmp = tempfile::tempdir().unwrap();
    let data = tmp.path();
    let dirs = indexed_clinic(data);
    let tree = data.join("sessions");
    let beside = tree.join(".replacing");
    copy_folder(&dirs[2], &beside);
    std::fs::remove_dir_all(&dirs[0]).unwrap();
    std::fs::rename(&beside, &dirs[0]).unwrap();
    // A file system whose folder times do not move: the index is told
    // the tree is as it was when it was last looked at whole.
    age_tree(data);
    use std::os::unix::fs::MetadataExt;
    let m = std::fs::symlink_metadata(&tree).unwrap();
    let stamp = serde_json::json!([
        m.len(),
        m.mtime(),
        m.mtime_nsec(),
        m.ctime(),
        m.ctime_nsec(),
        m.ino()
    ]);
    let mut index: serde_json::Value = serde_json::from_str(&index_text(data)).unwrap();
    index["tree"] = stamp;
    std::fs::write(data.join(SESSIONS_INDEX), index.to_string()).unwrap();
    let (c, looked) = lookup(data, "P-C");
    assert!(c.iter().any(|r| r.0 == id(&dirs[0])), "{c:?}");
    assert_eq!(c, truth(data, "P-C"));
    assert_eq!(looked, 2, "P-C's folder and the replaced one");
}

/// The kap measured: this build's, or the one `KAP_MEASURE_BINARY` names
/// (a release build, for the figures in docs/performance.md).
fn binary() -> PathBuf {
    std::env::var_os("KAP_MEASURE_BINARY")
        .map_or_else(|| env!("CARGO_BIN_EXE_kap").into(), Into::into)
}

/// One command over the data folder, timed.
fn timed(data: &Path, args: &[&str]) -> (std::process::Output, Duration) {
    let t = std::time::Instant::now();
    let o = std::process::Command::new(binary())
        .args(args)
        .env("KAP_DATA_DIR", data)
        .env("XDG_CONFIG_HOME", data.join("no-config"))
        .env("KAP_AUDIO", "off")
        .env("KAP_LANG", "en")
        .output()
        .unwrap();
    (o, t.elapsed())
}

/// The measure behind docs/performance.md ("Lists and lookups at 10,000
/// sessions"): one patient's three records among 10,000, the others
/// copies of one closed record under new names, written by this helper
/// (not the app). Each command is timed without the index (the first
/// run, which builds it) and with it; then `history` once more after a
/// folder was added to the tree (the first lookup after it looks into
/// every folder). Ignored by default: it writes
/// 40,000 files. Run with
/// `KAP_MEASURE_BINARY=target/release/kap cargo test --test record_index ten_thousand -- --ignored --nocapture`.
#[test]
#[ignore = "a measurement: 40,000 files; see docs/performance.md"]
fn ten_thousand_sessions_listed() {
    use std::os::unix::fs::PermissionsExt;
    let tmp = tempfile::tempdir().unwrap();
    let data = tmp.path();
    let store = Store::at(data);
    let mine: Vec<PathBuf> = (0..3)
        .map(|i| closed_session(&store, "P-MINE", 600 * i))
        .collect();
    let other = closed_session(&store, "P-OTHER", 5_000);
    let files: Vec<(String, Vec<u8>)> = std::fs::read_dir(&other)
        .unwrap()
        .map(|e| e.unwrap().path())
        .filter(|p| p.is_file())
        .map(|p| (id(&p), std::fs::read(&p).unwrap()))
        .collect();
    let tree = data.join("sessions");
    for i in 0..9_996 {
        let d = tree.join(format!("P-OTHER-{i:05}-s1-20260105T090000"));
        std::fs::create_dir(&d).unwrap();
        std::fs::set_permissions(&d, std::fs::Permissions::from_mode(0o700)).unwrap();
        for (name, bytes) in &files {
            let f = d.join(name);
            std::fs::write(&f, bytes).unwrap();
            std::fs::set_permissions(&f, std::fs::Permissions::from_mode(0o600)).unwrap();
        }
        age(&d);
    }
    mine.iter().chain([&other]).for_each(|d| age(d));
    age_tree(data);
    let commands: [&[&str]; 4] = [
        &["history", "P-MINE"],
        &["course", "P-MINE"],
        &["resume"],
        &["doctor"],
    ];
    for args in commands {
        std::fs::remove_file(data.join(SESSIONS_INDEX)).ok();
        let (cold, without) = timed(data, args);
        let (warm, with) = timed(data, args);
        // The same answer (but for the disk's free space, which moves).
        let said = |o: &std::process::Output| {
            String::from_utf8_lossy(&o.stdout)
                .lines()
                .filter(|l| !l.contains(" free of "))
                .collect::<Vec<_>>()
                .join("\n")
        };
        assert_eq!(said(&cold), said(&warm), "kap {args:?}");
        eprintln!(
            "kap {}: {without:.2?} without the index (building it), {with:.2?} with it",
            args.join(" ")
        );
    }
    // A folder added elsewhere (another patient's session): the first
    // lookup after it looks into every folder once, and keeps the tree's
    // new stamp; the next passes over the other patients' again.
    copy_folder(&other, &tree.join("P-NEW-s1-20260106T090000"));
    age_tree(data);
    let (_, first) = timed(data, &["history", "P-MINE"]);
    let (_, next) = timed(data, &["history", "P-MINE"]);
    eprintln!(
        "kap history P-MINE after a folder added: {first:.2?} the first time, {next:.2?} the next"
    );
    let size = std::fs::metadata(data.join(SESSIONS_INDEX)).unwrap().len();
    eprintln!("index: {size} bytes for 10,000 sessions");
    let (o, _) = timed(data, &["history", "P-MINE"]);
    let said = String::from_utf8_lossy(&o.stdout);
    assert_eq!(said.matches(&id(&mine[0])).count(), 1, "{said}");
    // KAP_MEASURE_KEEP=1 keeps the folder, to look into with other tools.
    if std::env::var_os("KAP_MEASURE_KEEP").is_some() {
        eprintln!("kept: {}", tmp.keep().display());
    }
}
