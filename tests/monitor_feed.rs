//! The monitor feed through the app (#32): a real MLLP listener on a
//! loopback port, an HL7 sender on a socket, the app's own tick answering
//! each message. A reading shows on the infusion screen (80×24) as
//! unconfirmed, `o` confirms it into the vitals table, the journal and the
//! exports; a wrong patient is refused (AR) and said; a duplicate is
//! answered but recorded once; a silent feed is a technical alarm.

mod common;

use kap::monitor::PatientCheck;
use kap::monitor::listen::Listener;
use kap::monitor::mllp;
use kap::record::journal;
use kap::session::{Clock, Event, MINUTE, SimClock};
use kap::tui::app::monitor::MonitorLink;
use kap::tui::app::{App, Screen};
use kap::tui::keys::Action;
use kap::tui::theme::ThemeName;
use std::io::{Read, Write};
use std::net::{SocketAddr, TcpStream};
use std::time::{Duration, Instant};

fn fixture(name: &str) -> Vec<u8> {
    std::fs::read(
        std::path::Path::new(env!("CARGO_MANIFEST_DIR"))
            .join("tests/fixtures/hl7")
            .join(name),
    )
    .unwrap()
}

/// Send `message` framed and read the framed answer, ticking the app
/// (which answers on its tick) while the sender waits.
fn send(app: &mut App, clock: &SimClock, addr: SocketAddr, message: &[u8]) -> String {
    let framed = mllp::frame(message);
    let sender = std::thread::spawn(move || {
        let mut s = TcpStream::connect(addr).unwrap();
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

fn listening(app: &mut App, check: PatientCheck) -> SocketAddr {
    let l = Listener::start("127.0.0.1:0".parse().unwrap()).unwrap();
    let link = MonitorLink::new(l, check);
    let addr = link.addr();
    app.monitor = Some(link);
    addr
}

fn events(app: &App) -> Vec<Event> {
    let Screen::Session(v) = &app.screen else {
        panic!("not in a session")
    };
    journal::read(&v.open.dir.join("journal.jsonl"))
        .unwrap()
        .records
        .into_iter()
        .map(|r| r.event)
        .collect()
}

fn msa(ack: &str) -> &str {
    let i = ack.find("MSA|").expect("an MSA segment");
    ack[i..].trim_end_matches(['\r', '\u{1c}'])
}

#[test]
fn a_reading_is_answered_shown_unconfirmed_and_confirmed_with_o() {
    let (mut app, clock, _tmp) = common::montreal_app(false, ThemeName::Plain, "P-017", 3);
    common::into_infusion(&mut app, &clock);
    let addr = listening(&mut app, PatientCheck::Pid);
    let ack = send(&mut app, &clock, addr, &fixture("bp-panel.hl7"));
    assert!(msa(&ack).starts_with("MSA|AA|BP-0001|"), "{ack:?}");
    assert!(msa(&ack).contains("ignored: 69965"), "{ack:?}");
    let (screen, _) = common::render(&app, &clock, 80, 24);
    assert!(screen.contains("Monitor: 1 unconfirmed"), "{screen}");
    assert!(screen.contains("10:42:00 BP 128/82"), "{screen}");
    assert!(screen.contains("from MON-1"), "{screen}");
    let typed = match &app.screen {
        Screen::Session(v) => v.open.session.vitals.len(),
        _ => unreachable!(),
    };
    // The message again: answered, recorded once.
    let again = send(&mut app, &clock, addr, &fixture("bp-panel.hl7"));
    assert!(
        msa(&again).starts_with("MSA|AA|BP-0001|already recorded"),
        "{again:?}"
    );
    let readings = events(&app)
        .iter()
        .filter(|e| matches!(e, Event::MonitorReading(_)))
        .count();
    assert_eq!(readings, 1);
    // `o` confirms it: a vitals entry, from the monitor.
    common::press(&mut app, Action::ConfirmReading);
    let Screen::Session(v) = &app.screen else {
        unreachable!()
    };
    let s = &v.open.session;
    assert_eq!(s.vitals.len(), typed + 1);
    assert!(s.vitals.iter().any(|v| v.source.is_some()));
    assert!(matches!(
        events(&app).last(),
        Some(Event::MonitorConfirmed { .. })
    ));
    let (screen, _) = common::render(&app, &clock, 80, 24);
    assert!(!screen.contains("unconfirmed"), "{screen}");
    assert!(screen.contains("128/82"), "{screen}");
    // The exports say where it came from.
    let integrity = Default::default();
    let csv = kap::record::export::csv(s, &integrity);
    assert!(
        csv.contains("monitor MON-1, device time 2026-12-06T10:42:00+00:00, message BP-0001"),
        "{csv}"
    );
    let now = clock.now();
    let fhir =
        kap::record::export::fhir(s, "rec", &now, &integrity, kap::i18n::Lang::En).to_string();
    assert!(
        fhir.contains("Acquired by the bedside monitor (monitor MON-1"),
        "{fhir}"
    );
    // The timeline shows the reading as received and as confirmed.
    let rows: Vec<String> = kap::session::timeline::rows(s, &now)
        .into_iter()
        .map(|r| r.text.say(kap::i18n::Lang::En))
        .collect();
    assert!(
        rows.iter()
            .any(|t| t.contains("Monitor MON-1 (unconfirmed, device time 10:42:00)")),
        "{rows:?}"
    );
    assert!(
        rows.iter().any(|t| t.contains("confirmed: BP 128/82")),
        "{rows:?}"
    );
    // No key confirms what is not there.
    assert!(!app.contexts().contains(&kap::tui::keys::Ctx::Monitor));
}

#[test]
fn another_patients_message_is_refused_and_said() {
    let (mut app, clock, _tmp) = common::montreal_app(false, ThemeName::Plain, "P-099", 3);
    common::into_infusion(&mut app, &clock);
    let addr = listening(&mut app, PatientCheck::Pid);
    let ack = send(&mut app, &clock, addr, &fixture("bp-panel.hl7"));
    assert!(
        msa(&ack).starts_with("MSA|AR|BP-0001|patient P-017"),
        "{ack:?}"
    );
    let (screen, _) = common::render(&app, &clock, 80, 24);
    assert!(
        screen.contains("patient P-017 is not this session"),
        "{screen}"
    );
    assert!(
        !events(&app)
            .iter()
            .any(|e| matches!(e, Event::MonitorReading(_)))
    );
}

#[test]
fn what_cannot_be_read_is_answered_at_once_with_the_reason() {
    let (mut app, clock, _tmp) = common::montreal_app(false, ThemeName::Plain, "P-017", 3);
    common::into_infusion(&mut app, &clock);
    let addr = listening(&mut app, PatientCheck::Pid);
    let ack = send(&mut app, &clock, addr, b"not hl7 at all");
    assert!(msa(&ack).starts_with("MSA|AR||not an HL7"), "{ack:?}");
    let adt = b"MSH|^~\\&|ADT||||20261206||ADT^A01|X1|P|2.6\rPID|||P-017\r";
    let ack = send(&mut app, &clock, addr, adt);
    assert!(
        msa(&ack).starts_with("MSA|AR|X1|message type ADT\\S\\A01 not accepted"),
        "{ack:?}"
    );
}

#[test]
fn a_feed_silent_past_the_vitals_interval_is_one_technical_alarm() {
    let (mut app, clock, _tmp) = common::montreal_app(false, ThemeName::Plain, "P-017", 3);
    common::into_infusion(&mut app, &clock);
    let addr = listening(&mut app, PatientCheck::Pid);
    send(&mut app, &clock, addr, &fixture("hr-spo2-rr.hl7"));
    let silent = |app: &App| {
        events(app)
            .iter()
            .filter(|e| matches!(e, Event::TechnicalAlarm { text } if text.contains("monitor has sent nothing")))
            .count()
    };
    // Montreal's interval is 10–15 min: 15 min of silence is not yet lost.
    clock.advance(15 * MINUTE);
    app.on_tick(&clock.now());
    assert_eq!(silent(&app), 0);
    clock.advance(MINUTE);
    app.on_tick(&clock.now());
    assert_eq!(silent(&app), 1);
    clock.advance(MINUTE);
    app.on_tick(&clock.now());
    assert_eq!(silent(&app), 1, "one alarm for one silence");
    let (screen, _) = common::render(&app, &clock, 80, 24);
    assert!(screen.contains("TECHNICAL ALARM"), "{screen}");
}

/// A rehearsal's simulated patient sends its monitor's readings as PCD-01
/// messages to the same listener: half an hour of simulated time fills
/// the vitals table, once confirmed, with readings that all came through
/// the listener (the trainee typed only the baseline set).
#[test]
fn a_rehearsal_fills_its_vitals_table_only_through_the_listener() {
    let (mut app, clock, _tmp) = common::montreal_app(true, ThemeName::Plain, "P-sim", 3);
    let sc = kap::rehearsal::scenario::load_file(
        &std::path::Path::new(env!("CARGO_MANIFEST_DIR"))
            .join("scenarios/montreal-uneventful.toml"),
        kap::i18n::Lang::En,
    )
    .unwrap();
    app.set_patient(kap::rehearsal::Patient::new(sc, Some(7)));
    common::into_infusion(&mut app, &clock);
    listening(&mut app, PatientCheck::Pid);
    let typed = match &app.screen {
        Screen::Session(v) => v.open.session.vitals.len(),
        _ => unreachable!(),
    };
    let pending = |app: &App| match &app.screen {
        Screen::Session(v) => v.open.session.monitor.readings.len(),
        _ => 0,
    };
    // 30 simulated minutes, a minute a step; each step waits (in real
    // time) until the sender's message has been answered.
    for minute in 1..=30 {
        clock.advance(MINUTE);
        let before = pending(&app);
        let deadline = Instant::now() + Duration::from_secs(20);
        while pending(&app) == before {
            assert!(
                Instant::now() < deadline,
                "nothing arrived at minute {minute}"
            );
            app.on_tick(&clock.now());
            std::thread::sleep(Duration::from_millis(10));
        }
    }
    // What is still on its way (a cuff cycle and a minute's measures can
    // fall on one step) arrives: ticks until nothing more comes for 0.3 s.
    let mut last = (pending(&app), Instant::now());
    while last.1.elapsed() < Duration::from_millis(300) {
        app.on_tick(&clock.now());
        if pending(&app) != last.0 {
            last = (pending(&app), Instant::now());
        }
        std::thread::sleep(Duration::from_millis(10));
    }
    common::press(&mut app, Action::ConfirmAllReadings);
    let Screen::Session(v) = &app.screen else {
        unreachable!()
    };
    let s = &v.open.session;
    assert_eq!(s.monitor.pending().count(), 0, "{:?}", app.flash);
    let from_monitor: Vec<_> = s.vitals.iter().filter(|v| v.source.is_some()).collect();
    assert_eq!(s.vitals.len(), typed + from_monitor.len());
    // Cuff cycles at Montreal's 10 minutes: at the start and every 10.
    let bp = from_monitor.iter().filter(|v| v.reading.has_bp()).count();
    assert!((3..=4).contains(&bp), "{bp} cuff cycles");
    let hr = from_monitor
        .iter()
        .filter(|v| v.reading.hr.is_some())
        .count();
    assert!(hr >= 30, "{hr} continuous readings");
    assert!(
        s.monitor
            .readings
            .iter()
            .all(|r| r.reading.device == "KAP-SIM")
    );
}

/// The instructor's failed cuff and probe reach kap as a failing device
/// sends them: the observations with no value (result status X), said on
/// screen, nothing recorded for them.
#[test]
fn the_instructors_failed_cuff_and_probe_arrive_as_a_failing_device_sends_them() {
    use kap::rehearsal::inject::{Device, Injection};
    let (mut app, clock, _tmp) = common::montreal_app(true, ThemeName::Plain, "P-sim", 3);
    let sc = kap::rehearsal::scenario::load_file(
        &std::path::Path::new(env!("CARGO_MANIFEST_DIR"))
            .join("scenarios/montreal-uneventful.toml"),
        kap::i18n::Lang::En,
    )
    .unwrap();
    app.set_patient(kap::rehearsal::Patient::new(sc, Some(7)));
    common::into_infusion(&mut app, &clock);
    let origin = match &app.screen {
        Screen::Session(v) => v.open.session.started_at.clone(),
        _ => unreachable!(),
    };
    let now = clock.now();
    let sim = app.sim.as_mut().unwrap();
    sim.inject(
        &now,
        &origin,
        Injection::DeviceFails {
            device: Device::Cuff,
        },
    );
    sim.inject(
        &now,
        &origin,
        Injection::DeviceFails {
            device: Device::Spo2Probe,
        },
    );
    listening(&mut app, PatientCheck::Pid);
    let deadline = Instant::now() + Duration::from_secs(20);
    let said = |app: &App, text: &str| app.flashes.iter().any(|f| f.text.contains(text));
    while !said(&app, "The monitor could not measure the blood pressure") {
        assert!(Instant::now() < deadline, "no failed cuff said");
        app.on_tick(&clock.now());
        std::thread::sleep(Duration::from_millis(10));
    }
    // The continuous message still carries the heart rate, not SpO₂.
    while !match &app.screen {
        Screen::Session(v) => v.open.session.monitor.readings.len() == 1,
        _ => false,
    } {
        assert!(Instant::now() < deadline, "no continuous reading");
        app.on_tick(&clock.now());
        std::thread::sleep(Duration::from_millis(10));
    }
    let Screen::Session(v) = &app.screen else {
        unreachable!()
    };
    let r = &v.open.session.monitor.readings[0].reading.reading;
    assert!(r.hr.is_some() && r.spo2.is_none() && !r.has_bp(), "{r:?}");
}

/// `X` asks why and rejects the oldest waiting reading as an artefact:
/// journalled with the reason, never in the vitals; `O` then confirms
/// what is left.
#[test]
fn x_rejects_with_a_reason_and_o_confirms_the_rest() {
    use kap::session::monitor::MonitorReading;
    use kap::session::vitals::Reading;
    let (mut app, clock, _tmp) = common::montreal_app(false, ThemeName::Plain, "P-017", 3);
    common::into_infusion(&mut app, &clock);
    for (control, spo2) in [("S-1", 79), ("S-2", 97), ("S-3", 96)] {
        common::record(
            &mut app,
            &clock,
            Event::MonitorReading(Box::new(MonitorReading {
                control: control.into(),
                device: "MON-1".into(),
                device_time: None,
                reading: Reading {
                    hr: Some(72),
                    spo2: Some(spo2),
                    ..Reading::default()
                },
                mean: None,
                rr: None,
            })),
        );
    }
    let typed = match &app.screen {
        Screen::Session(v) => v.open.session.vitals.len(),
        _ => unreachable!(),
    };
    common::press(&mut app, Action::RejectReading);
    let (screen, _) = common::render(&app, &clock, 80, 24);
    assert!(
        screen.contains("Why is this monitor reading an artefact?"),
        "{screen}"
    );
    common::type_line(&mut app, "probe slipped off");
    assert!(matches!(
        events(&app).last(),
        Some(Event::MonitorRejected { reason, .. }) if reason == "probe slipped off"
    ));
    common::press(&mut app, Action::ConfirmAllReadings);
    let Screen::Session(v) = &app.screen else {
        unreachable!()
    };
    let s = &v.open.session;
    assert_eq!(s.vitals.len(), typed + 2);
    assert!(s.vitals.iter().all(|v| v.reading.spo2 != Some(79)));
}

/// A device alarm (SpO₂ 85 from the monitor: `spo2-low` has no delay) is
/// acknowledged with `a`, as its own journal entry naming the rule and the
/// reading that raised it; once acknowledged, `a` passes it by.
#[test]
fn a_acknowledges_a_device_alarm_from_the_monitor_once() {
    use kap::session::monitor::MonitorReading;
    use kap::session::vitals::Reading;
    let (mut app, clock, _tmp) = common::montreal_app(false, ThemeName::Plain, "P-017", 3);
    common::into_infusion(&mut app, &clock);
    let seq = match &app.screen {
        Screen::Session(v) => v.open.session.next_seq(),
        _ => unreachable!(),
    };
    common::record(
        &mut app,
        &clock,
        Event::MonitorReading(Box::new(MonitorReading {
            control: "S-1".into(),
            device: "MON-1".into(),
            device_time: None,
            reading: Reading {
                hr: Some(72),
                spo2: Some(85),
                ..Reading::default()
            },
            mean: None,
            rr: None,
        })),
    );
    app.on_tick(&clock.now());
    let (screen, _) = common::render(&app, &clock, 80, 24);
    assert!(screen.contains("MONITOR SpO₂ 85 (spo2-low)"), "{screen}");
    common::press(&mut app, Action::Acknowledge);
    assert!(matches!(
        events(&app).last(),
        Some(Event::MonitorAlarmAcknowledged { rule, entry }) if rule == "spo2-low" && *entry == seq
    ));
    let acks = |app: &App| {
        events(app)
            .iter()
            .filter(|e| matches!(e, Event::MonitorAlarmAcknowledged { .. }))
            .count()
    };
    common::press(&mut app, Action::Acknowledge);
    assert_eq!(acks(&app), 1, "acknowledged once");
    // The journal read back gives the same alarm history, acknowledged.
    let Screen::Session(v) = &app.screen else {
        unreachable!()
    };
    let live = &v.open.session;
    let p = live.protocol_arc();
    let replayed = kap::record::store::read_session(&v.open.dir)
        .unwrap()
        .session;
    let history = replayed.monitor.device_alarm_history(&p);
    assert_eq!(history, live.monitor.device_alarm_history(&p));
    assert_eq!(history.len(), 1);
    assert!(history[0].acknowledged.is_some());
}

/// A monitor whose messages hold only codes kap does not read is alive
/// but gives nothing: the answer names the codes, and the screen says so
/// once (not at every message), and again only after a reading came.
#[test]
fn a_feed_of_codes_kap_does_not_read_is_said_once() {
    let (mut app, clock, _tmp) = common::montreal_app(false, ThemeName::Plain, "P-017", 3);
    common::into_infusion(&mut app, &clock);
    let addr = listening(&mut app, PatientCheck::Pid);
    let unread = |id: &str| {
        format!(
            "MSH|^~\\&|AcmeMon||||20261206104305+0000||ORU^R01|{id}|P|2.6\rPID|||P-017\r\
             OBX|1|NM|150344^MDC_TEMP^MDC|1.0.5.1|36.8|268192^MDC_DIM_DEGC^MDC|||||R\r"
        )
    };
    let said = |app: &App| {
        app.flashes
            .iter()
            .filter(|f| f.text.contains("no measure kap reads"))
            .count()
    };
    let ack = send(&mut app, &clock, addr, unread("U1").as_bytes());
    assert!(
        msa(&ack).starts_with("MSA|AA|U1|nothing kap reads"),
        "{ack:?}"
    );
    assert!(msa(&ack).contains("MDC_TEMP"), "{ack:?}");
    assert_eq!(said(&app), 1);
    send(&mut app, &clock, addr, unread("U2").as_bytes());
    assert_eq!(said(&app), 1, "said once, not at every message");
    assert!(
        events(&app)
            .iter()
            .all(|e| !matches!(e, Event::MonitorReading(_)))
    );
    // A reading resets it: the next unreadable message is said again.
    let ack = send(&mut app, &clock, addr, &fixture("hr-spo2-rr.hl7"));
    assert!(msa(&ack).starts_with("MSA|AA"), "{ack:?}");
    send(&mut app, &clock, addr, unread("U3").as_bytes());
    assert_eq!(said(&app), 2);
}

/// The device alarms on screen are those the session view keeps, worked
/// out from every monitor reading once for each change of the session
/// (`present::monitor::DeviceAlarms`): the renderer reads them and does
/// not work them out again each frame. A view that keeps none shows none
/// though the readings raise one, a view that keeps one the readings do
/// not raise shows it, and a change of the session works them out again.
#[test]
fn the_screen_shows_the_device_alarms_the_view_keeps() {
    use kap::protocol::{Metric, Priority};
    use kap::session::monitor::{DeviceAlarm, MonitorReading};
    use kap::session::vitals::Reading;
    let (mut app, clock, _tmp) = common::montreal_app(false, ThemeName::Plain, "P-017", 3);
    common::into_infusion(&mut app, &clock);
    let reading = |control: &str, spo2: u16| {
        Event::MonitorReading(Box::new(MonitorReading {
            control: control.into(),
            device: "MON-1".into(),
            device_time: None,
            reading: Reading {
                hr: Some(72),
                spo2: Some(spo2),
                ..Reading::default()
            },
            mean: None,
            rr: None,
        }))
    };
    common::record(&mut app, &clock, reading("S-1", 85));
    let (screen, _) = common::render(&app, &clock, 80, 24);
    assert!(screen.contains("(spo2-low)"), "{screen}");
    let Screen::Session(v) = &mut app.screen else {
        unreachable!()
    };
    let kept = v.device_alarms.clone();
    assert_eq!(kept.standing.len(), 1);
    v.device_alarms.history.clear();
    v.device_alarms.standing = vec![DeviceAlarm {
        rule: "made-up".into(),
        metric: Metric::Hr,
        value: 150,
        priority: Priority::High,
        since: clock.now(),
        raised_by: 1,
        acknowledged: false,
    }];
    let (screen, _) = common::render(&app, &clock, 80, 24);
    assert!(screen.contains("(made-up)"), "{screen}");
    assert!(!screen.contains("(spo2-low)"), "{screen}");
    // A frame, or a tick, with the session unchanged works nothing out
    // again: the view keeps what it was given.
    app.on_tick(&clock.now());
    let (screen, _) = common::render(&app, &clock, 80, 24);
    assert!(screen.contains("(made-up)"), "{screen}");
    // The next entry changes the session: they are worked out again from
    // the readings, the made-up one gone and the real one back.
    common::record(&mut app, &clock, reading("S-2", 84));
    let (screen, _) = common::render(&app, &clock, 80, 24);
    assert!(screen.contains("SpO₂ 84 (spo2-low)"), "{screen}");
    assert!(!screen.contains("(made-up)"), "{screen}");
    let Screen::Session(v) = &app.screen else {
        unreachable!()
    };
    assert_eq!(v.device_alarms.history.len(), 1);
    assert_ne!(v.device_alarms, kept, "the later reading is in it");
}
