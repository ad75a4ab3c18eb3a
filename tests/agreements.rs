//! The agreements made before the dose are kept in view and held against
//! what is recorded while the patient is under: after "no touch", a note
//! of supportive touch is saved only with its reason (clinic guide, seed
//! 003: the agreed parameters are not crossed).

mod common;

use common::session::H;
use kap::i18n::{Lang, Phrase};
use kap::protocol::values::Value;
use kap::session::Event;
use kap::tui::app::Screen;
use kap::tui::theme::ThemeName;
use ratatui::crossterm::event::KeyCode;

fn choose(h: &mut H, prompt: &str, choice: &str) {
    h.ok(Event::Recorded {
        prompt: prompt.into(),
        value: Value::Choice(choice.into()),
    });
}

fn note(tags: &[&str], outside: Option<&str>) -> Event {
    Event::Note {
        text: String::new(),
        tags: tags.iter().map(|t| t.to_string()).collect(),
        outside: outside.map(str::to_string),
    }
}

#[test]
fn a_touch_note_after_no_touch_needs_its_reason() {
    let mut h = H::new("montreal.toml", 3);
    // Nothing agreed yet: a touch note is a note.
    h.ok(note(&["touch"], None));
    choose(&mut h, "touch", "No touch");
    choose(&mut h, "if-distressed", "Words and presence");
    h.answer("guiding", "little, mostly silence");
    let agreed = h.s.agreements();
    let words: Vec<(&str, String)> = agreed
        .iter()
        .map(|a| (a.agreement.as_str(), a.answer.say(Lang::En)))
        .collect();
    assert_eq!(
        words,
        [
            ("guiding", "little, mostly silence".to_string()),
            ("touch", "No touch".to_string()),
            ("distress", "Words and presence".to_string()),
        ]
    );
    // Beyond the agreement: refused without a reason, saying which.
    let r = h.refused(note(&["touch", "distress"], None));
    assert_eq!(r.id(), Some("ref-beyond-agreement"));
    assert_eq!(r.message.arg("answer"), Some(&"No touch".into()));
    assert_eq!(
        r.message.arg("agreement").and_then(Phrase::id),
        Some("agreement-touch")
    );
    assert_eq!(
        h.refused(note(&["touch"], Some("  "))).id(),
        Some("ref-beyond-agreement-reason")
    );
    let before = h.s.notes.len();
    h.ok(note(
        &["touch"],
        Some("reached for a hand, held it briefly"),
    ));
    assert_eq!(h.s.notes.len(), before + 1);
    // A note within the agreements does not claim to be beyond them.
    h.refused(note(&["nausea"], Some("why not")));
    h.ok(note(&["nausea"], None));
    // The agreement changed (a correction of the answer): touch is fine.
    choose(&mut h, "touch", "A hand on the shoulder");
    h.ok(note(&["touch"], None));
}

#[test]
fn the_infusion_screen_keeps_the_agreements_and_a_touch_note_asks_why() {
    let (mut app, clock, _tmp) = common::montreal_app(true, ThemeName::Plain, "P-agree", 3);
    common::key(&mut app, KeyCode::Enter);
    for _ in 0..2 {
        common::next_phase(&mut app, &clock, "test");
    }
    common::choose_first(&mut app, &clock, "touch");
    common::next_phase(&mut app, &clock, "test");
    common::tick(&mut app, &clock, &["readiness", "consent", "iv-line"]);
    common::vitals(&mut app, &clock, "128/82 76 98");
    common::next_phase(&mut app, &clock, "test");
    common::press(&mut app, kap::tui::keys::Action::StartInfusion);
    let (screen, _) = common::render(&app, &clock, 80, 24);
    assert!(screen.contains("Agreed: touch: No touch"), "{screen}");
    // n, Tab to the tags, 9 ticks "supportive touch", Enter saves…
    common::press(&mut app, kap::tui::keys::Action::Note);
    common::key(&mut app, KeyCode::Tab);
    common::key(&mut app, KeyCode::Char('9'));
    common::key(&mut app, KeyCode::Enter);
    // …but first the reason is asked, and the flash says which agreement.
    let (screen, _) = common::render(&app, &clock, 80, 24);
    assert!(screen.contains("Beyond the agreement"), "{screen}");
    assert!(
        app.flash
            .as_ref()
            .is_some_and(|f| f.text.contains("touch: No touch")),
        "{:?}",
        app.flash
    );
    common::type_line(&mut app, "asked for a hand during a wave of fear");
    assert!(app.modal.is_none());
    let Screen::Session(v) = &app.screen else {
        panic!("not in a session")
    };
    let last = v.open.session.notes.last().unwrap();
    assert_eq!(last.tags, ["touch"]);
    let logged = &v.open.session.log().last().unwrap().event;
    assert_eq!(
        logged,
        &Event::Note {
            text: String::new(),
            tags: vec!["touch".into()],
            outside: Some("asked for a hand during a wave of fear".into()),
        }
    );
}
