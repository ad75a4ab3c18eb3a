//! The monitor feed's row on the infusion screen (#32) in each language:
//! a reading waiting and a device alarm fit 80×24 in English, French and
//! Portuguese, and the screen-reader mode's words for the new keys are
//! understood in each; what the monitor could not measure is said in
//! words, not MDC codes. Its own test binary: it switches the language,
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
        app.lang = lang;
        let (screen, _) = common::render(&app, &clock, 80, 24);
        insta::assert_snapshot!(format!("monitor-waiting-{}", lang.tag()), screen);
        let Screen::Session(v) = &app.screen else {
            panic!("not in a session")
        };
        let lines =
            kap::tui::present::monitor::lines(&v.open.session, &v.device_alarms.standing, lang);
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
            match in_session(word, lang) {
                Said::Msg(kap::tui::app::Msg::Do(a)) => assert_eq!(a, action, "{lang:?} {word}"),
                _ => panic!("{lang:?}: {word} is not understood"),
            }
        }
    }
}

/// Send `message` to the app's listener framed and read the answer,
/// ticking the app (which answers on its tick) while the sender waits.
fn send_to(app: &mut kap::tui::app::App, clock: &kap::session::SimClock, message: &str) -> String {
    use kap::monitor::mllp;
    use kap::session::Clock;
    use std::io::{Read, Write};
    use std::time::{Duration, Instant};
    let addr = app.monitor.as_ref().unwrap().addr();
    let framed = mllp::frame(message.as_bytes());
    let sender = std::thread::spawn(move || {
        let mut s = std::net::TcpStream::connect(addr).unwrap();
        s.set_read_timeout(Some(Duration::from_secs(20))).unwrap();
        s.write_all(&framed).unwrap();
        let mut got = Vec::new();
        let mut buf = [0u8; 1024];
        while !got.ends_with(&[mllp::END, mllp::CR]) {
            let n = s.read(&mut buf).unwrap();
            assert!(n > 0, "closed before an answer");
            got.extend_from_slice(&buf[..n]);
        }
        String::from_utf8(got).unwrap()
    });
    let deadline = Instant::now() + Duration::from_secs(20);
    while !sender.is_finished() {
        assert!(Instant::now() < deadline, "no answer in 20 s");
        app.on_tick(&clock.now());
        std::thread::sleep(Duration::from_millis(20));
    }
    sender.join().unwrap()
}

/// A failed cuff (its observations sent with result status X, no value):
/// the screen says in words what the monitor could not measure, in each
/// language, naming no MDC code; the codes go in the answer to the
/// monitor, for the technician. A reading recorded without its SpO₂ (the
/// probe off) says so once, and again only after SpO₂ came back.
#[test]
fn what_the_monitor_could_not_measure_is_said_in_words_in_each_language() {
    use kap::monitor::PatientCheck;
    use kap::monitor::listen::Listener;
    use kap::tui::app::monitor::MonitorLink;
    let failed = |id: &str, obx: &[&str]| {
        let mut m =
            format!("MSH|^~\\&|AcmeMon||||20261206104205+0000||ORU^R01|{id}|P|2.6\rPID|||P-017\r");
        for (i, code) in obx.iter().enumerate() {
            m.push_str(&format!(
                "OBX|{}|NM|{code}^MDC|1.0.1.{}|||||||X\r",
                i + 1,
                i + 1
            ));
        }
        m
    };
    let cuff = [
        "150021^MDC_PRESS_BLD_NONINV_SYS",
        "150022^MDC_PRESS_BLD_NONINV_DIA",
        "150023^MDC_PRESS_BLD_NONINV_MEAN",
    ];
    let cuff_and_probe = [cuff[0], cuff[1], "150456^MDC_PULS_OXIM_SAT_O2"];
    for (lang, bp, both, probe) in [
        (
            Lang::En,
            "The monitor could not measure the blood pressure",
            "The monitor could not measure the blood pressure and the oxygen saturation (SpO₂)",
            "The monitor could not measure the oxygen saturation (SpO₂)",
        ),
        (
            Lang::FrCa,
            "Le moniteur n’a pas pu mesurer la pression artérielle",
            "Le moniteur n’a pas pu mesurer la pression artérielle et la saturation en oxygène (SpO₂)",
            "Le moniteur n’a pas pu mesurer la saturation en oxygène (SpO₂)",
        ),
        (
            Lang::PtBr,
            "O monitor não conseguiu medir a pressão arterial",
            "O monitor não conseguiu medir a pressão arterial e a saturação de oxigênio (SpO₂)",
            "O monitor não conseguiu medir a saturação de oxigênio (SpO₂)",
        ),
    ] {
        let (mut app, clock, _tmp) = common::montreal_app(false, ThemeName::Plain, "P-017", 3);
        common::into_infusion(&mut app, &clock);
        let l = Listener::start("127.0.0.1:0".parse().unwrap()).unwrap();
        app.monitor = Some(MonitorLink::new(l, PatientCheck::Pid));
        app.lang = lang;
        let ack = send_to(&mut app, &clock, &failed("F-1", &cuff));
        assert!(
            ack.contains(
                "nothing kap reads; not measured: MDC_PRESS_BLD_NONINV_SYS, \
                 MDC_PRESS_BLD_NONINV_DIA, MDC_PRESS_BLD_NONINV_MEAN"
            ),
            "{ack:?}"
        );
        let said = app
            .flash
            .as_ref()
            .map(|f| f.text.clone())
            .unwrap_or_default();
        assert_eq!(said, bp, "{lang:?}");
        // Said once whole on the 80-column screen.
        let (screen, _) = common::render(&app, &clock, 80, 24);
        assert!(screen.contains(bp), "{lang:?}: {bp:?} not on\n{screen}");
        send_to(&mut app, &clock, &failed("F-2", &cuff_and_probe));
        let said = app
            .flash
            .as_ref()
            .map(|f| f.text.clone())
            .unwrap_or_default();
        assert_eq!(said, both, "{lang:?}");
        for f in &app.flashes {
            assert!(
                !f.text.contains("MDC") && !f.text.contains("1500"),
                "{lang:?}: {:?} names a code",
                f.text
            );
        }
        let Screen::Session(v) = &app.screen else {
            panic!("not in a session")
        };
        assert!(v.open.session.monitor.readings.is_empty());
        // The heart rate still comes with the probe off: recorded, and
        // the SpO₂ said once in words until a value of it comes back.
        let hr = |id: &str, spo2: Option<u16>| {
            let mut m = format!(
                "MSH|^~\\&|AcmeMon||||20261206104205+0000||ORU^R01|{id}|P|2.6\rPID|||P-017\r\
                 OBX|1|NM|147842^MDC_ECG_HEART_RATE^MDC|1.0.1.1|76|264864^MDC_DIM_BEAT_PER_MIN^MDC|||||R\r"
            );
            match spo2 {
                Some(v) => m.push_str(&format!(
                    "OBX|2|NM|150456^MDC_PULS_OXIM_SAT_O2^MDC|1.0.1.2|{v}|262688^MDC_DIM_PERCENT^MDC|||||R\r"
                )),
                None => m.push_str("OBX|2|NM|150456^MDC_PULS_OXIM_SAT_O2^MDC|1.0.1.2|||||||X\r"),
            }
            m
        };
        let said =
            |app: &kap::tui::app::App| app.flashes.iter().filter(|f| f.text == probe).count();
        let ack = send_to(&mut app, &clock, &hr("H-1", None));
        assert!(
            ack.contains("recorded, unconfirmed; not measured: MDC_PULS_OXIM_SAT_O2"),
            "{ack:?}"
        );
        assert_eq!(said(&app), 1, "{lang:?}: {:?}", app.flashes);
        send_to(&mut app, &clock, &hr("H-2", None));
        assert_eq!(said(&app), 1, "{lang:?}: said again: {:?}", app.flashes);
        send_to(&mut app, &clock, &hr("H-3", Some(97)));
        send_to(&mut app, &clock, &hr("H-4", None));
        assert_eq!(said(&app), 2, "{lang:?}: {:?}", app.flashes);
        let Screen::Session(v) = &app.screen else {
            panic!("not in a session")
        };
        assert_eq!(v.open.session.monitor.readings.len(), 4);
    }
}
