//! What the command line prints about a recorded session, as a clinician
//! gets it on a machine whose locale says nothing (`LANG=C.UTF-8`, no
//! `KAP_LANG`): every export format, `kap history` and `kap resume
//! --status`. For the FHIR bundle only the words a person reads: the
//! narratives, `display`, `text`, `title` and string values kap writes.

use std::path::Path;
use std::process::Command;

/// `kap ARGS` over the data folder `data`: its standard output (a failing
/// command fails the test, with its standard error).
pub fn kap(data: &Path, args: &[&str]) -> String {
    let root = Path::new(env!("CARGO_MANIFEST_DIR"));
    let out = Command::new(env!("CARGO_BIN_EXE_kap"))
        .args(args)
        .current_dir(root)
        .env("KAP_DATA_DIR", root.join(data))
        .env_remove("KAP_LANG")
        .env("LC_ALL", "")
        .env("LC_MESSAGES", "")
        .env("LANG", "C.UTF-8")
        .env("KAP_AUDIO", "off")
        .output()
        .unwrap();
    assert!(
        out.status.success(),
        "kap {args:?}: {}",
        String::from_utf8_lossy(&out.stderr)
    );
    String::from_utf8_lossy(&out.stdout).into_owned()
}

/// Every output of the command line about the closed rehearsal in
/// `closed` (a session folder) and the open one in the data folder
/// `open_data`, labelled `TAG kap …`.
pub fn outputs(closed: &Path, open_data: &Path, tag: &str) -> Vec<(String, String)> {
    let id = closed
        .file_name()
        .expect("a session folder")
        .to_string_lossy()
        .into_owned();
    let data = closed
        .parent()
        .and_then(Path::parent)
        .expect("a data folder");
    let mut seen = Vec::new();
    for format in ["md", "html", "csv", "vitals-csv"] {
        seen.push((
            format!("{tag} kap export --format {format}"),
            kap(data, &["export", &id, "--format", format]),
        ));
    }
    let fhir = kap(data, &["export", &id, "--format", "fhir"]);
    let bundle: serde_json::Value = serde_json::from_str(&fhir).expect("FHIR is JSON");
    let mut words = Vec::new();
    readable(&bundle, None, &mut words);
    assert!(words.len() > 10, "{} readable strings in FHIR", words.len());
    seen.push((format!("{tag} kap export --format fhir"), words.join("\n")));
    seen.push((
        format!("{tag} kap history"),
        kap(data, &["history", "P-017", "--rehearsal"]),
    ));
    seen.push((
        format!("{tag} kap resume --status (closed)"),
        kap(data, &["resume", &id, "--rehearsal", "--status"]),
    ));
    seen.push((
        format!("{tag} kap resume --status (open)"),
        kap(open_data, &["resume", &id, "--rehearsal", "--status"]),
    ));
    seen
}

/// The strings of a FHIR resource a person reads (not codes, systems,
/// ids or references).
fn readable(v: &serde_json::Value, key: Option<&str>, out: &mut Vec<String>) {
    use serde_json::Value;
    match v {
        Value::String(s)
            if matches!(
                key,
                Some("div" | "display" | "text" | "title" | "valueString" | "description")
            ) =>
        {
            out.push(s.clone());
        }
        Value::Array(a) => a.iter().for_each(|x| readable(x, key, out)),
        Value::Object(m) => m.iter().for_each(|(k, x)| readable(x, Some(k), out)),
        _ => {}
    }
}
