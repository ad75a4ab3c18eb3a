//! The data exports do not change with the language of whoever exports
//! them: the long CSV and the FHIR Bundle of one record are byte for byte
//! the same under KAP_LANG en, fr-CA and pt-BR (the record's own language
//! words its narrative; codes, numbers and booleans are the same in every
//! language), and the CSV also whatever `--lang` asks.

mod common;

use kap::record::Store;
use std::process::Command;

fn export(
    data: &std::path::Path,
    dir: &str,
    format: &str,
    env_lang: &str,
    flag: Option<&str>,
) -> String {
    let mut c = Command::new(env!("CARGO_BIN_EXE_kap"));
    c.args(["export", dir, "--format", format])
        .env("KAP_DATA_DIR", data)
        .env("KAP_LANG", env_lang)
        .env("KAP_AUDIO", "off");
    if let Some(l) = flag {
        c.args(["--lang", l]);
    }
    let out = c.output().unwrap();
    assert!(
        out.status.success(),
        "{}",
        String::from_utf8_lossy(&out.stderr)
    );
    String::from_utf8_lossy(&out.stdout).into_owned()
}

#[test]
fn csv_and_fhir_are_the_same_whatever_the_exporting_language() {
    let data = tempfile::tempdir().unwrap();
    let (closed, _, _) = common::course::fixed_course(&Store::at(data.path()));
    let dir = closed.to_str().unwrap();
    for format in ["csv", "fhir"] {
        let en = export(data.path(), dir, format, "en", None);
        for lang in ["fr-CA", "pt-BR"] {
            let other = export(data.path(), dir, format, lang, None);
            let first = en
                .lines()
                .zip(other.lines())
                .find(|(a, b)| a != b)
                .map(|(a, b)| format!("en:   {a}\n{lang}: {b}"));
            assert!(
                first.is_none(),
                "{format} under KAP_LANG={lang}:\n{}",
                first.unwrap_or_default()
            );
            assert_eq!(en, other, "{format} under KAP_LANG={lang}");
        }
    }
    let en = export(data.path(), dir, "csv", "en", Some("en"));
    for lang in ["fr-CA", "pt-BR"] {
        let other = export(data.path(), dir, "csv", "en", Some(lang));
        let first = en
            .lines()
            .zip(other.lines())
            .find(|(a, b)| a != b)
            .map(|(a, b)| format!("en:   {a}\n{lang}: {b}"));
        assert!(
            first.is_none(),
            "csv with --lang {lang}:\n{}",
            first.unwrap_or_default()
        );
    }
}
