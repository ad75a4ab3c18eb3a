//! The sign-off with two clinicians present, in French and Portuguese at
//! 80×24: who signs and how to choose another are on screen whole, Tab
//! changes the signer, and the screen-reader question lists them by
//! number. One test: the language is the process's.

mod common;

use kap::i18n::Lang;
use kap::session::Clock;
use kap::tui::app::{Msg, Screen};
use kap::tui::keys::Action;
use ratatui::crossterm::event::{KeyCode, KeyEvent, KeyModifiers};

#[test]
fn the_sign_off_names_the_signer_and_the_choice_in_each_language() {
    for (lang, protocol, signs, choose, number) in [
        (
            Lang::FrCa,
            "montreal.fr-CA.toml",
            "Signé par J. Gagnon, md",
            "Tab : changer de signataire (A. Martin, inf. · J. Gagnon, md)",
            "tapez son numéro : 1 A. Martin, inf.; 2 J. Gagnon, md.",
        ),
        (
            Lang::PtBr,
            "palliative.pt-BR.toml",
            "Assinado por J. Gagnon, md",
            "Tab: trocar quem assina (A. Martin, inf. · J. Gagnon, md)",
            "digite o número dele: 1 A. Martin, inf.; 2 J. Gagnon, md.",
        ),
    ] {
        let (mut app, clock) =
            common::translated_start(lang, protocol, 1, &format!("signoff-{}", lang.tag()));
        app.set_start_field(kap::tui::app::CLINICIANS, "A. Martin, inf.; J. Gagnon, md");
        assert!(common::update(&mut app, &clock, Msg::Begin));
        assert!(matches!(app.screen, Screen::Session(_)));
        assert!(common::update(&mut app, &clock, Action::EndEarly));
        app.on_key(KeyEvent::new(KeyCode::Tab, KeyModifiers::NONE));
        let (text, _) = common::render(&app, &clock, 80, 24);
        let flat = text.split_whitespace().collect::<Vec<_>>().join(" ");
        assert!(flat.contains(signs), "{text}");
        assert!(
            text.lines().any(|l| l.contains(choose)),
            "the choice on one line, whole:\n{text}"
        );
        let spoken = app
            .modal
            .as_ref()
            .map(|m| m.spoken(lang))
            .unwrap_or_default();
        assert!(spoken.contains(number), "{spoken}");
        // The reader's number goes back to the first clinician.
        assert!(app.answer_dialog("1", &clock.now()));
        assert_eq!(app.author().as_deref(), Some("A. Martin, inf."));
    }
}
