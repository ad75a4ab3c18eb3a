//! `kap export --format fhir` names the clinicians as `kap push` does:
//! with the site's directory (`/etc/kap/clinicians.toml`, here through
//! `KAP_SITE_DIR`), a clinician of the record is a Practitioner carrying
//! the directory's identifier, so the export and the server agree.

mod common;

use kap::record::Store;
use std::process::Command;

#[test]
fn the_fhir_export_gives_a_directory_clinician_their_identifier() {
    let data = tempfile::tempdir().unwrap();
    let (closed, _, _) = common::course::fixed_course(&Store::at(data.path()));
    let site = tempfile::tempdir().unwrap();
    std::fs::write(
        site.path().join("clinicians.toml"),
        "system = \"https://clinic.example/staff\"\n\n[[clinician]]\nid = \"RN-4471\"\nname = \"A. Martin\"\nrole = \"RN\"\n",
    )
    .unwrap();
    let home = tempfile::tempdir().unwrap();
    let export = |with_site: bool| {
        let mut c = Command::new(env!("CARGO_BIN_EXE_kap"));
        c.args(["export", closed.to_str().unwrap(), "--format", "fhir"])
            .env("KAP_DATA_DIR", data.path())
            .env("HOME", home.path())
            .env("XDG_CONFIG_HOME", home.path())
            .env_remove("KAP_PUSH_CONFIG")
            .env("KAP_LANG", "en");
        let empty = tempfile::tempdir().unwrap();
        c.env(
            "KAP_SITE_DIR",
            if with_site { site.path() } else { empty.path() },
        );
        let out = c.output().unwrap();
        assert!(
            out.status.success(),
            "{}",
            String::from_utf8_lossy(&out.stderr)
        );
        let b: serde_json::Value = serde_json::from_slice(&out.stdout).unwrap();
        b["entry"]
            .as_array()
            .unwrap()
            .iter()
            .map(|e| e["resource"].clone())
            .find(|r| r["resourceType"] == "Practitioner")
            .expect("a Practitioner")
    };
    let with = export(true);
    assert_eq!(
        with["identifier"][0]["system"], "https://clinic.example/staff",
        "{with}"
    );
    assert_eq!(with["identifier"][0]["value"], "RN-4471", "{with}");
    // Without a directory: the name alone, as before.
    let without = export(false);
    assert!(without["identifier"][0]["value"] != "RN-4471", "{without}");
}
