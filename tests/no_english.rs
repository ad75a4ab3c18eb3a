//! No English from kap's own words on a French or Portuguese screen, in a
//! summary or in an export: a session is walked in each language through
//! its screens (start, every phase, the infusion with an alarm, help, the
//! dialogs, the timeline, ending early, the closed screen) at 120×40, and
//! its summary and every export the command line writes (Markdown, HTML,
//! both CSVs, the FHIR bundle's human-readable text), `kap history` and
//! `kap resume --status` (open and closed) are read, as a clinician on a
//! `C.UTF-8` machine would get them; none may hold a phrase of the English
//! catalogue that the other language translated. One test walks every
//! language in turn (the language is the process's).

mod common;

use fluent_syntax::ast;
use kap::i18n::Lang;
use kap::session::{Clock, MINUTE};
use kap::tui::app::Screen;
use kap::tui::keys::Action;
use std::collections::BTreeSet;
use std::path::PathBuf;

/// Phrases that are the same in every language, by design (units, codes,
/// names): none so far.
const SAME_EVERYWHERE: &[&str] = &[];

/// The literal text of every message in a catalogue.
fn texts(src: &str) -> Vec<String> {
    let res = match fluent_syntax::parser::parse(src) {
        Ok(r) => r,
        Err((r, _)) => r,
    };
    let mut out = Vec::new();
    for entry in &res.body {
        if let ast::Entry::Message(m) = entry
            && let Some(p) = &m.value
        {
            pattern_texts(p, &mut out);
        }
    }
    out
}

fn pattern_texts(p: &ast::Pattern<&str>, out: &mut Vec<String>) {
    for el in &p.elements {
        match el {
            ast::PatternElement::TextElement { value } => out.push(value.to_string()),
            ast::PatternElement::Placeable {
                expression: ast::Expression::Select { variants, .. },
            } => {
                for v in variants {
                    pattern_texts(&v.value, out);
                }
            }
            _ => {}
        }
    }
}

/// English phrases of three words or more that the language does not
/// also use: what must not show through.
fn english_phrases(lang: Lang) -> BTreeSet<String> {
    let root = PathBuf::from(env!("CARGO_MANIFEST_DIR")).join("i18n");
    let en = std::fs::read_to_string(root.join("en.ftl")).unwrap();
    let other = std::fs::read_to_string(root.join(format!("{}.ftl", lang.tag()))).unwrap();
    let theirs = texts(&other).join("\n");
    let mut out = BTreeSet::new();
    for t in texts(&en) {
        for piece in t.split([
            '(', ')', ':', ';', '—', '·', '.', ',', '"', '?', '!', '[', ']',
        ]) {
            let words: Vec<&str> = piece.split_whitespace().collect();
            if words.len() < 3 || !words.iter().all(|w| w.chars().all(char::is_alphabetic)) {
                continue;
            }
            let phrase = words.join(" ");
            if !theirs.contains(&phrase) && !SAME_EVERYWHERE.contains(&phrase.as_str()) {
                out.insert(phrase);
            }
        }
    }
    out
}

/// Everything a session in `lang` puts in front of a reader.
fn walk(lang: Lang, protocol: &str, session: u32, ticks: &[&str]) -> Vec<(String, String)> {
    let tag = lang.tag();
    let (mut app, clock) =
        common::translated_start(lang, protocol, session, &format!("no-english-{tag}"));
    let mut seen = Vec::new();
    let mut look = |app: &kap::tui::app::App, what: &str| {
        let (s, _) = common::render(app, &clock, 120, 40);
        seen.push((format!("{tag} {what}"), s));
    };
    look(&app, "start");
    assert!(common::update(&mut app, &clock, kap::tui::app::Msg::Begin));
    for phase in 0..3 {
        look(&app, &format!("phase {phase}"));
        common::next_phase(&mut app, &clock, "test");
    }
    common::tick(&mut app, &clock, ticks);
    common::vitals(&mut app, &clock, "128/82 76 98");
    look(&app, "baseline");
    common::next_phase(&mut app, &clock, "test");
    assert!(common::update(&mut app, &clock, Action::StartInfusion));
    clock.advance(12 * MINUTE);
    common::vitals(&mut app, &clock, "210/112 104 93");
    app.on_tick(&clock.now());
    look(&app, "infusion alarm");
    let open_data = data_copy_of_open(&app, tag);
    assert!(common::update(&mut app, &clock, Action::Acknowledge));
    look(&app, "ack dialog");
    common::type_line(&mut app, "");
    assert!(common::update(&mut app, &clock, Action::Help));
    look(&app, "help");
    app.help = false;
    assert!(common::update(&mut app, &clock, Action::Timeline));
    look(&app, "timeline");
    app.modal = None;
    assert!(common::update(&mut app, &clock, Action::EndEarly));
    look(&app, "end early");
    app.on_key(ratatui::crossterm::event::KeyEvent::new(
        ratatui::crossterm::event::KeyCode::Char('o'),
        ratatui::crossterm::event::KeyModifiers::NONE,
    ));
    common::type_line(&mut app, "test");
    look(&app, "closed");
    let Screen::Closed(c) = &app.screen else {
        panic!("not closed")
    };
    let dir = c.open.dir.clone();
    for f in ["summary.md", "trainee-report.md"] {
        if let Ok(t) = std::fs::read_to_string(dir.join(f)) {
            seen.push((format!("{tag} {f}"), t));
        }
    }
    let read = kap::record::store::read_session(&dir).unwrap();
    let s = &read.session;
    let integrity = kap::record::export::Integrity::of(&read.problems);
    let now = clock.now();
    seen.push((
        format!("{tag} export md"),
        kap::record::export::markdown(s, &now, &integrity, lang),
    ));
    seen.extend(common::cli_words::outputs(&dir, &open_data, tag));
    seen
}

/// A copy of the open session's folder as it stands now, in a data folder
/// of its own, for `kap resume --status` on a session still running.
fn data_copy_of_open(app: &kap::tui::app::App, tag: &str) -> PathBuf {
    let Screen::Session(v) = &app.screen else {
        panic!("no session open")
    };
    let from = v.open.dir.clone();
    let data = PathBuf::from("target/snapshot-data").join(format!("no-english-{tag}-open"));
    let _ = std::fs::remove_dir_all(&data);
    let to = data
        .join("rehearsal")
        .join(from.file_name().expect("session folder"));
    std::fs::create_dir_all(&to).unwrap();
    for f in std::fs::read_dir(&from).unwrap() {
        let f = f.unwrap();
        if f.file_type().unwrap().is_file() {
            std::fs::copy(f.path(), to.join(f.file_name())).unwrap();
        }
    }
    data
}

#[test]
fn french_and_portuguese_sessions_show_no_english_of_kaps_own() {
    let mut leaks = Vec::new();
    for (lang, protocol, session, ticks) in [
        (
            Lang::FrCa,
            "montreal.fr-CA.toml",
            3,
            &["readiness", "consent", "iv-line"][..],
        ),
        (
            Lang::PtBr,
            "palliative.pt-BR.toml",
            1,
            &[
                "readiness",
                "psychotherapy-started",
                "capacity",
                "consent",
                "iv-line",
            ][..],
        ),
    ] {
        let phrases = english_phrases(lang);
        assert!(phrases.len() > 200, "{} phrases only", phrases.len());
        for (what, text) in walk(lang, protocol, session, ticks) {
            let flat = text.split_whitespace().collect::<Vec<_>>().join(" ");
            for p in &phrases {
                if flat.contains(p.as_str()) {
                    leaks.push(format!("{what}: \"{p}\""));
                }
            }
        }
    }
    assert!(leaks.is_empty(), "English left:\n{}", leaks.join("\n"));
    // The check can fail: the same walk in English is full of them.
    let phrases = english_phrases(Lang::FrCa);
    let english = walk(
        Lang::En,
        "montreal.toml",
        3,
        &["readiness", "consent", "iv-line"],
    );
    let found = phrases
        .iter()
        .filter(|p| {
            english.iter().any(|(_, t)| {
                t.split_whitespace()
                    .collect::<Vec<_>>()
                    .join(" ")
                    .contains(p.as_str())
            })
        })
        .count();
    assert!(found > 30, "only {found} English phrases seen in English");
    // And the command line's part of it can fail on its own.
    let cli = english
        .iter()
        .filter(|(what, _)| what.starts_with("en kap "))
        .collect::<Vec<_>>();
    assert!(cli.len() >= 8, "{} command-line outputs", cli.len());
    let found = phrases
        .iter()
        .filter(|p| {
            cli.iter().any(|(_, t)| {
                t.split_whitespace()
                    .collect::<Vec<_>>()
                    .join(" ")
                    .contains(p.as_str())
            })
        })
        .count();
    assert!(
        found > 15,
        "only {found} English phrases from the command line"
    );
}
