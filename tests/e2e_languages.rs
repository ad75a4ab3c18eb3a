//! A French Montreal rehearsal and a Portuguese palliative rehearsal run
//! in a real terminal to the trainee report: the screens speak the chosen
//! language, the summary is written in it, and the journal records it.
//! The French run takes its language from the protocol file; the
//! Portuguese one from `--lang`.

mod common;

use common::pty::{ENTER, Pty, only_session};
use kap::i18n::{Lang, text};

fn run(lang: Lang, args: &[&str]) {
    let tmp = tempfile::tempdir().unwrap();
    let words = |id: &str| text(lang, id, None);
    let mut k = Pty::launch(common::pty::Launch {
        // A system locale kap does not speak must not win over the
        // protocol's or the flag's language.
        env: &[("LANG", "de_DE.UTF-8"), ("LC_ALL", "")],
        ..common::pty::Launch::new(args, tmp.path())
    });
    k.wait_for(&words("start-enter-starts"), 15);
    k.send(ENTER);
    std::thread::sleep(std::time::Duration::from_millis(500));
    let s = k.screen();
    assert!(!s.contains("in this phase"), "{s}");
    k.send("E");
    std::thread::sleep(std::time::Duration::from_millis(400));
    k.send("fin de l'exercice");
    k.send(ENTER);
    k.wait_for(&words("closed-trainee-report"), 10);
    k.send("q");

    let dir = only_session(&tmp.path().join("rehearsal"));
    let summary = std::fs::read_to_string(dir.join("summary.md")).unwrap();
    for id in [
        "sum-h-infusion",
        "sum-h-vitals",
        "sum-h-phases",
        "sum-h-record",
    ] {
        let heading = format!("## {}", words(id));
        assert!(summary.contains(&heading), "{heading} missing:\n{summary}");
    }
    assert!(!summary.contains("## Vital signs"), "{summary}");
    let journal = std::fs::read_to_string(dir.join("journal.jsonl")).unwrap();
    let first = journal.lines().next().unwrap();
    assert!(
        first.contains(&format!("\"lang\":\"{}\"", lang.tag())),
        "{first}"
    );
}

#[test]
fn a_french_montreal_rehearsal_reaches_its_report_in_french() {
    run(
        Lang::FrCa,
        &[
            "rehearse",
            "--protocol",
            "protocols/montreal.fr-CA.toml",
            "--scenario",
            "scenarios/montreal-uneventful.fr-CA.toml",
            "--clinician",
            "A. Martin, inf.",
            "--speed",
            "120",
        ],
    );
}

#[test]
fn a_portuguese_palliative_rehearsal_reaches_its_report_in_portuguese() {
    run(
        Lang::PtBr,
        &[
            "--lang",
            "pt-BR",
            "rehearse",
            "--protocol",
            "protocols/palliative.pt-BR.toml",
            "--scenario",
            "scenarios/palliative-s1-uneventful.pt-BR.toml",
            "--mg-per-kg",
            "0.4",
            "--clinician",
            "A. Martin, enf.",
            "--speed",
            "120",
        ],
    );
}
