//! The command line in each language: protocol diagnostics keep their
//! `file:line:col` and speak the language chosen, `--help` is translated,
//! and English counts read as English ("1 entry", "2 entries").

use std::path::PathBuf;
use std::process::Command;

fn root() -> PathBuf {
    PathBuf::from(env!("CARGO_MANIFEST_DIR"))
}

fn kap(args: &[&str]) -> (String, String) {
    let out = Command::new(env!("CARGO_BIN_EXE_kap"))
        .args(args)
        .current_dir(root())
        .env_remove("KAP_LANG")
        .env("LC_ALL", "")
        .env("LC_MESSAGES", "")
        .env("LANG", "C")
        .env("RUST_BACKTRACE", "0")
        .output()
        .unwrap();
    (
        String::from_utf8_lossy(&out.stdout).into_owned(),
        String::from_utf8_lossy(&out.stderr).into_owned(),
    )
}

const NEGATIVE: &str = "tests/fixtures/protocols/broken/negative-dose.toml";

#[test]
fn a_protocol_error_is_reported_in_the_language_chosen_with_its_position() {
    let (_, en) = kap(&["protocol", "check", NEGATIVE]);
    assert!(
        en.contains(&format!(
            "{NEGATIVE}:24:12: error: course.dose_rule[1].fixed_mg: \
             fixed_mg must be a positive number, found -25"
        )),
        "{en}"
    );
    let (_, fr) = kap(&["--lang", "fr-CA", "protocol", "check", NEGATIVE]);
    assert!(
        fr.contains(&format!(
            "{NEGATIVE}:24:12: erreur : course.dose_rule[1].fixed_mg : \
             fixed_mg doit être un nombre positif; valeur trouvée : -25"
        )),
        "{fr}"
    );
    let (_, pt) = kap(&["--lang", "pt-BR", "protocol", "check", NEGATIVE]);
    assert!(
        pt.contains(&format!(
            "{NEGATIVE}:24:12: erro: course.dose_rule[1].fixed_mg: \
             fixed_mg deve ser um número positivo; valor encontrado: -25"
        )),
        "{pt}"
    );
}

#[test]
fn english_counts_are_singular_for_one_and_plural_otherwise() {
    use kap::i18n::{FluentArgs, Lang, text};
    let say = |id: &str, vars: &[(&str, i64)]| {
        let mut a = FluentArgs::new();
        for (k, v) in vars {
            a.set(*k, *v);
        }
        a.set("given", "10 mg");
        text(Lang::En, id, Some(&a))
    };
    let one = say(
        "closed-counts",
        &[("vitals", 1), ("notes", 1), ("alerts", 1)],
    );
    assert!(
        one.starts_with("1 vitals set · 1 note · 1 alert ·"),
        "{one}"
    );
    let two = say(
        "closed-counts",
        &[("vitals", 2), ("notes", 0), ("alerts", 2)],
    );
    assert!(
        two.starts_with("2 vitals sets · 0 notes · 2 alerts ·"),
        "{two}"
    );
    assert!(say("cli-status-counts", &[("vitals", 1), ("notes", 2)]) == "1 vitals set, 2 notes");
    let s = say("start-unfinished", &[("session", 2), ("entries", 1)]);
    assert!(s.contains("(1 entry)"), "{s}");
    let s = say("start-unfinished", &[("session", 2), ("entries", 2)]);
    assert!(s.contains("(2 entries)"), "{s}");
    let s = say("proto-course", &[("sessions", 1)]);
    assert_eq!(s, "Course: 1 dosing session");
    // Not a plural, but cut off in the 40-column timer panel before: every
    // language's "not started" line fits in it.
    for lang in Lang::ALL {
        for what in ["infusion", "observation"] {
            let mut a = FluentArgs::new();
            a.set("what", what);
            let line = text(lang, "dosing-not-started", Some(&a));
            assert!(line.chars().count() <= 38, "{}: {line}", lang.tag());
        }
    }
}

#[test]
fn help_is_in_the_language_asked_for() {
    let (pt, _) = kap(&["--lang", "pt-BR", "--help"]);
    assert!(pt.contains("Uso: kap"), "{pt}");
    assert!(
        pt.contains("Verificar, mostrar e usar arquivos de protocolo"),
        "{pt}"
    );
    assert!(pt.contains("Variáveis de ambiente:"), "{pt}");
    assert!(!pt.contains("Check, show and use protocol files"), "{pt}");
    let (fr, _) = kap(&["protocol", "check", "--lang=fr-CA", "-h"]);
    assert!(fr.contains("Utilisation : kap protocol check"), "{fr}");
    assert!(fr.contains("Fichiers de protocole (TOML)"), "{fr}");
    // Without --lang, the locale chooses; the C locale is English, as it was.
    let (en, _) = kap(&["--help"]);
    assert!(en.contains("Usage: kap"), "{en}");
    assert!(en.contains("Check, show and use protocol files"), "{en}");
    assert!(
        en.contains("Before the first patient on a new laptop"),
        "{en}"
    );
}

#[test]
fn weights_and_mg_per_kg_take_a_decimal_comma_on_the_command_line() {
    // A clinician in Québec or Brazil writes 64,5 kg and 0,4 mg/kg.
    let (comma, _) = kap(&[
        "--lang",
        "pt-BR",
        "protocol",
        "dose",
        "protocols/palliative.pt-BR.toml",
        "--session",
        "1",
        "--weight",
        "64,5",
        "--mg-per-kg",
        "0,4",
    ]);
    assert!(comma.contains("64,5 kg × 0,4 mg/kg = 25,8 mg"), "{comma}");
    let (point, _) = kap(&[
        "protocol",
        "dose",
        "protocols/palliative.toml",
        "--session",
        "1",
        "--weight",
        "64.5",
        "--mg-per-kg",
        "0.4",
    ]);
    assert!(point.contains("64.5 kg × 0.4 mg/kg = 25.8 mg"), "{point}");
    let (_, err) = kap(&[
        "protocol",
        "dose",
        "protocols/palliative.toml",
        "--session",
        "1",
        "--weight",
        "sixty",
    ]);
    assert!(err.contains("\"sixty\" is not a number"), "{err}");
}

/// A French session recorded in `data` (its journal says `fr-CA`), with a
/// reading; its folder name.
fn french_session(data: &std::path::Path) -> String {
    use kap::session::{Clock, Event, SimClock, StartFields, plan_start};
    let path = root().join("protocols/montreal.fr-CA.toml");
    let text = std::fs::read_to_string(&path).unwrap();
    let p = kap::protocol::load_str(&path, &text).unwrap().protocol;
    let fields = StartFields {
        patient: "P-fr",
        session: "2",
        weight_kg: "70",
        mg_per_kg: "",
        clinicians: "A. Martin, inf.",
    };
    let (mut start, _) = plan_start(&p, fields, false).unwrap();
    start.lang = Some("fr-CA".into());
    let clock = SimClock::fixed();
    let mut open = kap::record::Store::at(data)
        .create_session(&text, start, &clock.now())
        .unwrap();
    open.record(
        Event::Vitals {
            reading: kap::session::vitals::parse("128/82 76 97").unwrap(),
        },
        &clock.now(),
    )
    .unwrap();
    open.dir.file_name().unwrap().to_string_lossy().into_owned()
}

fn kap_in(data: &std::path::Path, args: &[&str]) -> String {
    let out = Command::new(env!("CARGO_BIN_EXE_kap"))
        .args(args)
        .current_dir(root())
        .env_remove("KAP_LANG")
        .env("KAP_DATA_DIR", data)
        .env("LC_ALL", "")
        .env("LC_MESSAGES", "")
        .env("LANG", "C.UTF-8")
        .output()
        .unwrap();
    String::from_utf8_lossy(&out.stdout).into_owned()
}

#[test]
fn export_and_history_speak_the_language_a_session_was_recorded_in() {
    let tmp = tempfile::tempdir().unwrap();
    let id = french_session(tmp.path());
    let md = kap_in(tmp.path(), &["export", &id, "--format", "md"]);
    assert!(md.contains("Signes vitaux"), "{md}");
    assert!(!md.contains("Vital signs"), "{md}");
    let history = kap_in(tmp.path(), &["history", "P-fr"]);
    assert!(history.contains("OUVERTE"), "{history}");
    // --lang still wins.
    let en = kap_in(
        tmp.path(),
        &["--lang", "en", "export", &id, "--format", "md"],
    );
    assert!(en.contains("Vital signs"), "{en}");
}
