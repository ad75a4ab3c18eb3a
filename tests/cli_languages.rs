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
