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
    // The session screen's phase clock, in the language chosen; once it
    // is drawn, the English words cannot be waiting to appear.
    let phase_clock = words("phase-clock");
    let phase_clock = phase_clock.split('{').next().unwrap_or_default().trim();
    assert!(!phase_clock.is_empty());
    let s = k.wait_for(phase_clock, 5);
    assert!(!s.contains("in this phase"), "{s}");
    k.send("E");
    k.wait_for(&words("end-early-title"), 5);
    k.send("o"); // oui
    k.wait_for(&words("reason-abandon"), 5);
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

/// The message `id` in `lang` with its variables.
fn said(lang: Lang, id: &str, vars: &[(&str, String)]) -> String {
    let mut args = kap::i18n::FluentArgs::new();
    for (k, v) in vars {
        args.set(*k, v.clone());
    }
    text(lang, id, Some(&args))
}

#[test]
fn the_screen_reader_mode_speaks_and_listens_in_french() {
    let lang = Lang::FrCa;
    let w = kap::tui::keys::shown_word;
    let tmp = tempfile::tempdir().unwrap();
    let mut k = Pty::spawn(
        &[
            "--lang",
            "fr-CA",
            "rehearse",
            "--protocol",
            "protocols/montreal.fr-CA.toml",
            "--patient",
            "lecteur",
            "--session",
            "6",
            "--weight",
            "80",
            "--clinician",
            "A. Martin, inf.",
            "--screen-reader",
        ],
        tmp.path(),
    );
    k.wait_said(
        &said(
            lang,
            "reader-hello",
            &[
                ("version", env!("CARGO_PKG_VERSION").into()),
                ("help", w("help", lang)),
            ],
        ),
        1,
        15,
    );
    // The French word for start begins the session.
    assert_ne!(
        w("start", lang),
        "start",
        "the catalogue gives French words"
    );
    k.line(&w("start", lang));
    k.wait_said(
        &said(lang, "reader-answer-or-next", &[("next", w("next", lang))]),
        1,
        5,
    );
    // Help, asked in French, answers in French.
    k.line(&w("help", lang));
    k.wait_said(&text(lang, "reader-help-answer", None), 1, 5);
    // Leaving asks a yes-or-no question, answered with oui.
    k.line(&w("quit", lang));
    k.wait_said(&text(lang, "spoken-quit", None), 1, 5);
    k.line("oui");
    let out = k.wait_said(&text(lang, "reader-left", None), 1, 5);
    assert!(!out.contains("Not understood"), "{out}");
}
