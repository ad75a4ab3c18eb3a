//! `kap doctor`, the real binary: a healthy setup (audio through ALSA's
//! `file` plugin), a data folder that cannot be created, a read-only one,
//! no audio device, an unsigned protocol, `--json`, and the site's
//! directory of clinicians and patient identifier system.
#![cfg(feature = "audio")]

use std::os::unix::fs::{MetadataExt, PermissionsExt};
use std::path::{Path, PathBuf};
use std::process::{Command, Output};

const KAP: &str = env!("CARGO_BIN_EXE_kap");

struct Setup {
    tmp: tempfile::TempDir,
    data: PathBuf,
    protocols: PathBuf,
    alsa: PathBuf,
}

/// A private data folder, a playing (file) audio device and one protocol,
/// signed off or not.
fn setup(signed: bool) -> Setup {
    let tmp = tempfile::tempdir().unwrap();
    let data = tmp.path().join("data");
    std::fs::create_dir(&data).unwrap();
    std::fs::set_permissions(&data, std::fs::Permissions::from_mode(0o700)).unwrap();
    let protocols = tmp.path().join("protocols");
    std::fs::create_dir(&protocols).unwrap();
    let mut text = std::fs::read_to_string("protocols/montreal.toml").unwrap();
    if signed {
        let site = "[site]\n";
        assert!(text.contains(site));
        text = text.replacen(
            site,
            "[site]\nreviewed_by = \"Dr Test\"\nreviewed_on = \"2026-01-02\"\n",
            1,
        );
    }
    std::fs::write(protocols.join("montreal.toml"), text).unwrap();
    let alsa = tmp.path().join("asound.conf");
    std::fs::write(
        &alsa,
        format!(
            "pcm.!default {{\n  type file\n  slave.pcm \"null\"\n  file \"{}\"\n  format \"wav\"\n}}\npcm.null {{ type null }}\n",
            tmp.path().join("played.wav").display()
        ),
    )
    .unwrap();
    Setup {
        tmp,
        data,
        protocols,
        alsa,
    }
}

fn doctor(s: &Setup, data: &Path, extra: &[&str]) -> Output {
    command(s, data, extra).output().unwrap()
}

fn command(s: &Setup, data: &Path, extra: &[&str]) -> Command {
    let mut c = Command::new(KAP);
    c.arg("doctor")
        .arg("--protocols")
        .arg(&s.protocols)
        .args(extra)
        .env("KAP_DATA_DIR", data)
        .env("ALSA_CONFIG_PATH", &s.alsa)
        .env("TERM", "xterm-256color")
        .env("TZ", "UTC")
        .env_remove("NO_COLOR")
        .env_remove("COLORTERM")
        .env_remove("KAP_AUDIO")
        .env_remove("KAP_SHARE_DIR");
    c
}

fn lines(o: &Output) -> Vec<String> {
    String::from_utf8_lossy(&o.stdout)
        .lines()
        .map(str::to_string)
        .collect()
}

fn has(o: &Output, line: &str) {
    assert!(
        lines(o).iter().any(|l| l == line),
        "no line {line:?} in\n{}\nstderr: {}",
        String::from_utf8_lossy(&o.stdout),
        String::from_utf8_lossy(&o.stderr)
    );
}

#[test]
fn a_healthy_setup_passes_and_leaves_nothing_behind() {
    let s = setup(true);
    let o = doctor(&s, &s.data, &[]);
    let d = s.data.display();
    has(&o, &format!("ok    data folder {d} exists"));
    has(&o, "ok    data folder is writable");
    has(&o, "ok    data folder is private (mode 0700)");
    has(&o, "ok    audio device opens and played 0.2 s of silence");
    has(&o, "ok    time zone UTC (from TZ), now UTC+00:00");
    has(&o, "ok    256 colours (TERM=xterm-256color)");
    has(
        &o,
        &format!(
            "ok    {}/montreal.toml: valid, signed off by Dr Test on 2026-01-02",
            s.protocols.display()
        ),
    );
    has(&o, "ok    no unfinished sessions");
    let last = lines(&o).last().cloned().unwrap_or_default();
    assert!(last.contains(", 0 FAIL — ready"), "{last}");
    assert_eq!(
        o.status.code(),
        Some(0),
        "{}",
        String::from_utf8_lossy(&o.stdout)
    );
    // The write probe removed its file.
    assert_eq!(std::fs::read_dir(&s.data).unwrap().count(), 0);
    // The silent buffer went through the device.
    let wav = std::fs::metadata(s.tmp.path().join("played.wav")).unwrap();
    assert!(wav.len() > 44, "nothing played: {} bytes", wav.len());
}

#[test]
fn a_data_folder_that_cannot_be_created_fails() {
    let s = setup(true);
    let file = s.tmp.path().join("a-file");
    std::fs::write(&file, "not a folder").unwrap();
    let data = file.join("kap");
    let o = doctor(&s, &data, &[]);
    has(
        &o,
        &format!(
            "FAIL  data folder {} does not exist and cannot be created: {} is not a folder",
            data.display(),
            file.display()
        ),
    );
    assert_eq!(o.status.code(), Some(1));
}

#[test]
fn a_read_only_data_folder_fails() {
    let s = setup(true);
    std::fs::set_permissions(&s.data, std::fs::Permissions::from_mode(0o555)).unwrap();
    // Root writes through any mode: as root, run kap as `nobody`, for whom
    // the root-owned 0555 folder is read-only (setpriv is in util-linux).
    let root = std::fs::metadata("/proc/self").unwrap().uid() == 0;
    let o = if root {
        for p in [s.tmp.path(), &s.protocols] {
            std::fs::set_permissions(p, std::fs::Permissions::from_mode(0o755)).unwrap();
        }
        std::fs::set_permissions(&s.alsa, std::fs::Permissions::from_mode(0o644)).unwrap();
        let mut c = command(&s, &s.data, &[]);
        let args: Vec<_> = std::iter::once(c.get_program().to_owned())
            .chain(c.get_args().map(|a| a.to_owned()))
            .collect();
        let mut sp = Command::new("setpriv");
        sp.args(["--reuid=65534", "--regid=65534", "--clear-groups", "--"])
            .args(args);
        for (k, v) in c.get_envs() {
            match v {
                Some(v) => sp.env(k, v),
                None => sp.env_remove(k),
            };
        }
        c = sp;
        c.output()
            .expect("setpriv (util-linux) is needed to test this as root")
    } else {
        doctor(&s, &s.data, &[])
    };
    has(
        &o,
        &format!(
            "FAIL  cannot write in {}: Permission denied (os error 13)",
            s.data.display()
        ),
    );
    assert_eq!(o.status.code(), Some(1));
}

#[test]
fn no_audio_device_fails() {
    let s = setup(true);
    std::fs::write(&s.alsa, "").unwrap();
    let o = doctor(&s, &s.data, &[]);
    let audio: Vec<String> = lines(&o)
        .into_iter()
        .filter(|l| l.starts_with("FAIL  no audio device ("))
        .collect();
    assert_eq!(audio.len(), 1, "{}", String::from_utf8_lossy(&o.stdout));
    assert!(audio[0].ends_with("): music cannot play"), "{}", audio[0]);
    assert_eq!(o.status.code(), Some(1));
    // libasound's own explanation does not spill around the checklist.
    assert!(
        !String::from_utf8_lossy(&o.stderr).contains("ALSA lib"),
        "{}",
        String::from_utf8_lossy(&o.stderr)
    );
}

#[test]
fn an_unsigned_protocol_is_a_warning() {
    let s = setup(false);
    let o = doctor(&s, &s.data, &[]);
    has(
        &o,
        &format!(
            "warn  {}/montreal.toml: valid, NOT signed off by the site: set [site] reviewed_by and reviewed_on",
            s.protocols.display()
        ),
    );
    // A warning is not a failure.
    assert_eq!(
        o.status.code(),
        Some(0),
        "{}",
        String::from_utf8_lossy(&o.stdout)
    );
}

#[test]
fn json_for_scripts() {
    let s = setup(false);
    std::fs::write(&s.alsa, "").unwrap();
    // Two protocol files: a check each, told apart by their ids.
    std::fs::copy(
        "protocols/palliative.toml",
        s.protocols.join("palliative.toml"),
    )
    .unwrap();
    let o = doctor(&s, &s.data, &["--json"]);
    let v: serde_json::Value = serde_json::from_slice(&o.stdout).unwrap();
    let checks = v["checks"].as_array().unwrap();
    let verdict = |id: &str| {
        checks
            .iter()
            .find(|c| c["id"] == id)
            .map(|c| c["verdict"].as_str().unwrap_or("").to_string())
    };
    assert_eq!(verdict("data-writable").as_deref(), Some("ok"));
    assert_eq!(verdict("audio").as_deref(), Some("fail"));
    assert_eq!(verdict("protocol:montreal.toml").as_deref(), Some("warn"));
    // Every check has its own id.
    let mut ids: Vec<&str> = checks.iter().filter_map(|c| c["id"].as_str()).collect();
    let all = ids.len();
    ids.sort_unstable();
    ids.dedup();
    assert_eq!(ids.len(), all, "{ids:?}");
    assert!(ids.contains(&"protocol:palliative.toml"), "{ids:?}");
    assert_eq!(v["ready"], false);
    assert_eq!(v["summary"]["fail"], 1);
    assert_eq!(o.status.code(), Some(1));
}

/// `kap doctor --json` with the site's `push.toml` and `clinicians.toml`
/// as given (`None`: no such file): each check's verdict and text by id.
fn site_doctor(
    push: &str,
    clinicians: Option<&str>,
) -> (
    Setup,
    PathBuf,
    std::collections::BTreeMap<String, (String, String)>,
) {
    let s = setup(true);
    let site = s.tmp.path().join("site");
    std::fs::create_dir(&site).unwrap();
    std::fs::write(site.join("push.toml"), push).unwrap();
    if let Some(c) = clinicians {
        std::fs::write(site.join("clinicians.toml"), c).unwrap();
    }
    let o = command(&s, &s.data, &["--json"])
        .env("KAP_PUSH_CONFIG", site.join("push.toml"))
        .env("KAP_SITE_DIR", s.tmp.path().join("no-site-folder"))
        .env("KAP_AUDIO", "off")
        .output()
        .unwrap();
    let v: serde_json::Value = serde_json::from_slice(&o.stdout).unwrap();
    let checks = v["checks"]
        .as_array()
        .unwrap()
        .iter()
        .map(|c| {
            let text = c["text"].as_str().unwrap().to_string();
            let verdict = c["verdict"].as_str().unwrap().to_string();
            (c["id"].as_str().unwrap().to_string(), (verdict, text))
        })
        .collect();
    (s, site, checks)
}

#[test]
fn the_directory_and_the_identifier_systems_are_checked_with_their_places() {
    // Two systems that are not absolute URIs, a clinician listed twice,
    // one with no system, one with no name.
    let push = "base_url = \"http://127.0.0.1:9\"\npatient_system = \"north pseudonyms\"\nmrn_system = \"clinic.example/mrn\"\n";
    let clinicians = "[[clinician]]\nid = \"RN-1\"\nname = \"A. Martin\"\nsystem = \"https://clinic.example/staff\"\n\n[[clinician]]\nid = \"rn-1\"\nname = \"B. Other\"\nsystem = \"https://clinic.example/staff\"\n\n[[clinician]]\nid = \"MD-2\"\nname = \"Dr C\"\n";
    let (_s, site, c) = site_doctor(push, Some(clinicians));
    let (push_file, dir_file) = (site.join("push.toml"), site.join("clinicians.toml"));
    let (verdict, text) = &c["push"];
    assert_eq!(verdict, "warn", "{text}");
    for place in ["2:18: error: patient_system", "3:14: error: mrn_system"] {
        let at = format!("{}:{place}", push_file.display());
        assert!(text.contains(&at), "no {at} in {text}");
    }
    // The push config being wrong, the patients' system is its to say.
    assert!(!c.contains_key("patients"), "{c:?}");
    let (verdict, text) = &c["clinicians"];
    assert_eq!(verdict, "warn", "{text}");
    assert!(text.contains("2 problems"), "{text}");
    for place in ["7:6: error: ", "12:6: error: "] {
        let at = format!("{}:{place}", dir_file.display());
        assert!(text.contains(&at), "no {at} in {text}");
    }
    assert!(
        text.contains("listed twice") || text.contains("twice"),
        "{text}"
    );
    // A clinician with no name: the file as a whole cannot be read, at
    // the clinician's place.
    let (_s, site, c) = site_doctor(
        "base_url = \"http://127.0.0.1:9\"\n",
        Some("system = \"urn:oid:1.2\"\n\n[[clinician]]\nid = \"RN-1\"\n"),
    );
    let (verdict, text) = &c["clinicians"];
    assert_eq!(verdict, "warn", "{text}");
    let at = format!(
        "{}:3:1: error: missing field `name`",
        site.join("clinicians.toml").display()
    );
    assert!(text.contains(&at), "no {at} in {text}");
    // kap's own pseudonyms on a server: two sites' patients would merge.
    let (verdict, text) = &c["patients"];
    assert_eq!(verdict, "warn", "{text}");
    assert!(text.contains("patient_system or mrn_system"), "{text}");
}

#[test]
fn a_sound_directory_and_the_clinics_numbers_pass() {
    let push = "base_url = \"http://127.0.0.1:9\"\nmrn_system = \"https://clinic.example/mrn\"\n";
    let clinicians = "system = \"https://clinic.example/staff\"\n\n[[clinician]]\nid = \"RN-1\"\nname = \"A. Martin\"\nrole = \"RN\"\n\n[[clinician]]\nid = \"MD-2\"\nname = \"Dr C\"\n";
    let (_s, site, c) = site_doctor(push, Some(clinicians));
    assert_eq!(
        c["clinicians"],
        (
            "ok".to_string(),
            format!(
                "clinicians: {} lists 2 clinicians, each with an id, a name and an identifier system, none twice",
                site.join("clinicians.toml").display()
            )
        )
    );
    assert_eq!(
        c["patients"],
        (
            "ok".to_string(),
            "patients: the clinic's numbers, in https://clinic.example/mrn (push finds the clinic's Patient by it)".to_string()
        )
    );
    // No directory: clinicians are typed by name, and that is fine.
    let (_s, _, c) = site_doctor(push, None);
    assert_eq!(c["clinicians"].0, "ok", "{:?}", c["clinicians"]);
}
