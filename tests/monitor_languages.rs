//! The monitor feed's row on the infusion screen (#32) in each language:
//! a reading waiting and a device alarm fit 80×24 in English, French and
//! Portuguese, and the screen-reader mode's words for the new keys are
//! understood in each. Its own test binary: it switches the language,
//! which is the whole process's.

mod common;

use kap::i18n::Lang;
use kap::session::Event;
use kap::session::monitor::MonitorReading;
use kap::session::vitals::Reading;
use kap::tui::app::Screen;
use kap::tui::keys::Action;
use kap::tui::reader::{Said, in_session};
use kap::tui::theme::ThemeName;

#[test]
fn a_waiting_reading_and_a_device_alarm_fit_80_by_24_in_each_language() {
    for (lang, confirm, reject) in [
        (Lang::En, "confirm", "reject"),
        (Lang::FrCa, "confirmer", "rejeter"),
        (Lang::PtBr, "confirmar", "rejeitar"),
    ] {
        kap::i18n::set(Lang::En);
        let (mut app, clock, _tmp) = common::montreal_app(false, ThemeName::Plain, "P-017", 3);
        common::into_infusion(&mut app, &clock);
        let device_time = chrono::DateTime::parse_from_rfc3339("2026-12-06T10:42:00+00:00").ok();
        common::record(
            &mut app,
            &clock,
            Event::MonitorReading(Box::new(MonitorReading {
                control: "C-1".into(),
                device: "MON-1".into(),
                device_time,
                reading: Reading {
                    hr: Some(76),
                    spo2: Some(89),
                    ..Reading::default()
                },
                mean: None,
                rr: Some(14),
            })),
        );
        kap::i18n::set(lang);
        let (screen, _) = common::render(&app, &clock, 80, 24);
        insta::assert_snapshot!(format!("monitor-waiting-{}", lang.tag()), screen);
        let Screen::Session(v) = &app.screen else {
            panic!("not in a session")
        };
        let lines = kap::tui::present::monitor::lines(&v.open.session);
        assert_eq!(lines.len(), 4, "{lines:?}");
        for l in &lines {
            // Each line whole on the infusion screen's left column.
            assert!(l.chars().count() <= 39, "{lang:?}: {l:?} is too long");
            assert!(
                screen.contains(l.as_str()),
                "{lang:?}: {l:?} not on\n{screen}"
            );
        }
        assert!(lines[3].contains("SpO₂ 89 (spo2-low)"), "{lines:?}");
        // The screen-reader mode: the same lines in its status, and its
        // words for the keys.
        for (word, action) in [
            (confirm, Action::ConfirmReading),
            (reject, Action::RejectReading),
        ] {
            match in_session(word) {
                Said::Msg(kap::tui::app::Msg::Do(a)) => assert_eq!(a, action, "{lang:?} {word}"),
                _ => panic!("{lang:?}: {word} is not understood"),
            }
        }
    }
    kap::i18n::set(Lang::En);
}
