//! Alarm states on the simulated clock, as IEC 60601-1-8 names them:
//! active, escalating, acknowledged, re-announced as a reminder, latched,
//! resolved; audio paused within the protocol's cap, coming back when it
//! runs out, and broken through by a higher priority.

use kap::protocol::{self, Priority};
use kap::session::alarms::{AlarmState, Escalation, Transition};
use kap::session::vitals::parse;
use kap::session::{Clock, Event, MINUTE, SECOND, Session, SimClock, StartFields, plan_start};
use std::path::Path;
use std::sync::Arc;

struct H {
    s: Session,
    clock: SimClock,
}

impl H {
    /// A Montreal session with its infusion running.
    fn new() -> H {
        let path = Path::new(env!("CARGO_MANIFEST_DIR")).join("protocols/montreal.toml");
        let p = Arc::new(protocol::load_file(&path).unwrap().protocol);
        let fields = StartFields {
            patient: "P",
            session: "3",
            weight_kg: "70",
            mg_per_kg: "",
            clinicians: "A. Martin, RN",
        };
        let (start, _) = plan_start(&p, fields, false).unwrap();
        let clock = SimClock::fixed();
        let mut h = H {
            s: Session::start(p, start, clock.now()).unwrap(),
            clock,
        };
        for _ in 0..3 {
            h.ok(Event::Advanced {
                reason: Some("t".into()),
            });
        }
        for id in ["readiness", "consent", "iv-line"] {
            h.ok(Event::Ticked {
                prompt: id.into(),
                checked: true,
                evidence: None,
            });
        }
        h.vitals("128/82 76 98");
        h.ok(Event::Advanced {
            reason: Some("t".into()),
        });
        h.ok(Event::DosingStarted);
        h
    }

    fn ok(&mut self, ev: Event) {
        let now = self.clock.now();
        if let Err(r) = self.s.apply(&ev, &now) {
            panic!("{ev:?}: {}", r.say(kap::i18n::Lang::En));
        }
    }

    fn vitals(&mut self, v: &str) {
        self.ok(Event::Vitals {
            reading: parse(v).unwrap(),
        });
    }

    fn wait(&self, ms: i64) {
        self.clock.advance(ms);
    }

    fn state(&self, id: u32) -> AlarmState {
        let a = self.s.alerts.get(id).unwrap();
        self.s.alarm_state(a, &self.clock.now())
    }

    fn escalation(&self, id: u32) -> Escalation {
        let a = self.s.alerts.get(id).unwrap();
        self.s.alarm_escalation(a, &self.clock.now())
    }

    fn ack(&mut self, id: u32) {
        self.ok(Event::AlertAcknowledged {
            alert: id,
            action: Some("done".into()),
        });
    }
}

#[test]
fn an_unacknowledged_high_alarm_escalates_then_is_acknowledged_and_reminded() {
    let mut h = H::new();
    h.vitals("205/100 80 97"); // bp-severe: high priority, once is enough
    let id = h.s.alarms_waiting(&h.clock.now())[0].id;
    assert_eq!(h.s.alerts.get(id).unwrap().priority, Priority::High);
    assert_eq!(h.state(id), AlarmState::Active);
    assert_eq!(h.escalation(id), Escalation::None);
    // Montreal: high escalates after 1 min, its sound repeats from 2 min.
    h.wait(MINUTE);
    assert_eq!(h.escalation(id), Escalation::Emphasis);
    assert_eq!(h.s.alarm_sound(&h.clock.now()), None);
    h.wait(MINUTE);
    assert_eq!(h.escalation(id), Escalation::Sound);
    assert_eq!(h.s.alarm_sound(&h.clock.now()), Some(Priority::High));
    h.ack(id);
    assert_eq!(h.state(id), AlarmState::Acknowledged);
    assert_eq!(h.s.alarm_sound(&h.clock.now()), None);
    // A second reading still beyond the limit, 2 minutes on: acknowledged
    // (one episode), not a new alarm.
    h.wait(2 * MINUTE);
    h.vitals("206/101 80 97");
    assert_eq!(h.s.alerts.alerts.len(), 1, "the same episode: no new alarm");
    assert_eq!(h.state(id), AlarmState::Acknowledged);
    // At 3 minutes after the acknowledgement the persisting condition is
    // announced again and waits for a new acknowledgement.
    h.wait(MINUTE);
    assert_eq!(h.state(id), AlarmState::Reminder);
    assert!(
        h.s.alarms_waiting(&h.clock.now())
            .iter()
            .any(|a| a.id == id)
    );
    h.ack(id);
    assert_eq!(h.state(id), AlarmState::Acknowledged);
    assert_eq!(h.s.alerts.get(id).unwrap().earlier_acks.len(), 1);
    // An acknowledgement when nothing waits is refused.
    let now = h.clock.now();
    assert!(
        h.s.apply(
            &Event::AlertAcknowledged {
                alert: id,
                action: None
            },
            &now
        )
        .is_err()
    );
    // Back in range: resolved.
    h.vitals("150/90 80 97");
    assert_eq!(h.state(id), AlarmState::Resolved);
    assert!(h.s.alarms_waiting(&h.clock.now()).is_empty());
    // The alarm's log, worked out from the record: every transition, in
    // order.
    let a = h.s.alerts.get(id).unwrap();
    let log: Vec<Transition> =
        h.s.alarm_transitions(a, &h.clock.now())
            .into_iter()
            .map(|(_, what)| what)
            .collect();
    let done = || Transition::Acknowledged(Some("done".into()));
    assert_eq!(
        log,
        [
            Transition::Raised,
            Transition::Emphasis,
            Transition::SoundRepeats,
            done(),
            Transition::Reminder,
            done(),
            Transition::Resolved
        ],
    );
}

#[test]
fn an_alarm_back_in_range_but_never_acknowledged_stays_latched() {
    let mut h = H::new();
    h.vitals("128/82 76 89"); // spo2-low: high
    let id = h.s.alarms_waiting(&h.clock.now())[0].id;
    h.wait(30 * SECOND);
    h.vitals("128/82 76 97");
    assert_eq!(h.state(id), AlarmState::Latched);
    assert_eq!(h.s.alarms_waiting(&h.clock.now()).len(), 1);
    h.ack(id);
    assert_eq!(h.state(id), AlarmState::Resolved);
}

#[test]
fn alarms_wait_highest_priority_first() {
    let mut h = H::new();
    h.vitals("190/105 80 97"); // bp-high (medium), needs a repeat 5 min later
    h.wait(5 * MINUTE);
    h.vitals("190/105 80 97"); // confirmed: medium
    h.wait(MINUTE);
    h.vitals("150/90 80 89"); // spo2-low: high, raised later
    let waiting: Vec<Priority> =
        h.s.alarms_waiting(&h.clock.now())
            .iter()
            .map(|a| a.priority)
            .collect();
    assert_eq!(waiting.first(), Some(&Priority::High), "{waiting:?}");
    assert!(waiting.contains(&Priority::Medium));
}

#[test]
fn audio_pause_is_capped_runs_out_and_a_higher_priority_breaks_through() {
    let mut h = H::new();
    h.vitals("190/105 80 97");
    h.wait(5 * MINUTE);
    h.vitals("190/105 80 97"); // medium alarms raised
    h.wait(6 * MINUTE); // escalated to sound (medium: 3 min, sound at 6)
    assert_eq!(h.s.alarm_sound(&h.clock.now()), Some(Priority::Medium));
    let pause = |minutes, reason: &str| Event::AlarmAudioPaused {
        minutes,
        reason: reason.into(),
    };
    let now = h.clock.now();
    // Medium's cap is 5 min; a reason is required.
    assert!(h.s.apply(&pause(6, "repositioning"), &now).is_err());
    assert!(h.s.apply(&pause(5, " "), &now).is_err());
    h.ok(pause(5, "patient being repositioned"));
    assert_eq!(h.s.alarm_sound(&h.clock.now()), None);
    assert_eq!(h.s.audio_pause_left(&h.clock.now()), Some(5 * MINUTE));
    // A high alarm raised during the pause sounds through it once it
    // escalates (high: 1 min emphasis, 2 min sound).
    h.wait(MINUTE);
    h.vitals("150/90 80 88");
    h.wait(2 * MINUTE);
    assert_eq!(h.s.alarm_sound(&h.clock.now()), Some(Priority::High));
    // Once the pause runs out, everything sounds again.
    let high = h.s.alarms_waiting(&h.clock.now())[0].id;
    h.ack(high);
    assert_eq!(
        h.s.alarm_sound(&h.clock.now()),
        None,
        "still paused for the medium"
    );
    h.wait(2 * MINUTE);
    assert_eq!(h.s.audio_pause_left(&h.clock.now()), None);
    assert_eq!(h.s.alarm_sound(&h.clock.now()), Some(Priority::Medium));
    // With nothing waiting there is nothing to pause.
    for a in
        h.s.alarms_waiting(&h.clock.now())
            .iter()
            .map(|a| a.id)
            .collect::<Vec<_>>()
    {
        h.ack(a);
    }
    let now = h.clock.now();
    assert!(h.s.apply(&pause(1, "x"), &now).is_err());
}

#[test]
fn overdue_vitals_are_a_medium_alarm_that_escalates() {
    let h = H::new();
    // Montreal: BP every 10–15 min; overdue from 15 min after the last.
    h.wait(15 * MINUTE + SECOND);
    let (late, esc) = h.s.vitals_overdue(&h.clock.now()).unwrap();
    assert!(late > 0 && late < MINUTE);
    assert_eq!(esc, Escalation::None);
    h.wait(3 * MINUTE);
    assert_eq!(
        h.s.vitals_overdue(&h.clock.now()).unwrap().1,
        Escalation::Emphasis
    );
    h.wait(3 * MINUTE);
    assert_eq!(
        h.s.vitals_overdue(&h.clock.now()).unwrap().1,
        Escalation::Sound
    );
    assert_eq!(h.s.alarm_sound(&h.clock.now()), Some(Priority::Medium));
}

mod common;

/// The real binary, a fast rehearsal: an unacknowledged high alarm
/// escalates on screen, its sound is paused with a reason, and the pause
/// runs out by itself; both are in the journal.
#[test]
fn on_screen_an_alarm_escalates_and_its_audio_pause_runs_out() {
    use common::pty::{ENTER, Pty, only_session, to_infusion};
    let tmp = tempfile::tempdir().unwrap();
    let mut k = Pty::spawn(
        &[
            "rehearse",
            "--protocol",
            "protocols/montreal.toml",
            "--patient",
            "alarm",
            "--session",
            "2",
            "--weight",
            "70",
            "--speed",
            "60",
        ],
        tmp.path(),
    );
    to_infusion(&mut k);
    k.vitals("128/82 76 88");
    k.wait_for("!!! HIGH ALARM 1", 5);
    // High: emphasis after 1 simulated minute (1 s at ×60).
    k.wait_for("UNACKNOWLEDGED", 10);
    k.send("z");
    k.wait_for("Pause alarm sound", 5);
    // More than the 2-minute cap for high is refused, with the reason.
    k.send("5 repositioning the patient");
    k.send(ENTER);
    k.wait_for("can be paused for 1 to 2 min", 5);
    for _ in 0.."5 repositioning the patient".len() {
        k.send_now("\x7f");
    }
    k.send("2 repositioning the patient");
    k.send(ENTER);
    let s = k.wait_for("Alarm sound paused 0", 5);
    assert!(s.contains("(z resumes)"), "the pause counts down: {s}");
    // Two simulated minutes later (2 s) the pause is over: its countdown
    // goes, and the alarm still waits, unacknowledged.
    let s = k.wait_until("the pause's countdown is gone", 10, |s| {
        !s.contains("(z resumes)")
    });
    assert!(
        s.contains("!!! HIGH ALARM 1") && s.contains("UNACKNOWLEDGED"),
        "{s}"
    );
    let dir = only_session(&tmp.path().join("rehearsal"));
    let journal = std::fs::read_to_string(dir.join("journal.jsonl")).unwrap();
    assert!(
        journal.contains(
            r#""type":"alarm-audio-paused","minutes":2,"reason":"repositioning the patient""#
        ),
        "{journal}"
    );
    assert_eq!(
        journal.matches("alarm-audio-paused").count(),
        1,
        "the refused pause is not saved"
    );
}

/// A real session begins with the alarm self-test; with no sound device it
/// says so as a technical alarm, and the journal keeps the result.
#[test]
fn a_real_session_starts_with_an_alarm_self_test() {
    use kap::tui::app::{Msg, Screen};
    let (mut app, clock, _tmp) =
        common::montreal_app(false, kap::tui::theme::ThemeName::Plain, "P-self", 3);
    assert!(common::update(&mut app, &clock, Msg::Begin));
    let (text, _) = common::render(&app, &clock, 100, 30);
    assert!(text.contains("HIGH TECHNICAL ALARM 1"), "{text}");
    assert!(text.contains("no alarm sound ("), "{text}");
    let Screen::Session(v) = &app.screen else {
        panic!()
    };
    let (_, problem) = v.open.session.alarm_self_test.clone().unwrap();
    assert!(problem.is_some());
    let journal = std::fs::read_to_string(v.open.dir.join("journal.jsonl")).unwrap();
    assert!(journal.contains(r#""type":"alarm-self-test""#), "{journal}");
    // A rehearsal has none: its time is simulated and it plays no sound.
    let (mut app, clock, _tmp) =
        common::montreal_app(true, kap::tui::theme::ThemeName::Plain, "P-self", 3);
    assert!(common::update(&mut app, &clock, Msg::Begin));
    let Screen::Session(v) = &app.screen else {
        panic!()
    };
    assert!(v.open.session.alarm_self_test.is_none());
}

/// On the system's clock, a long gap between two ticks is a suspend or a
/// stall: a technical alarm, on screen and in the journal.
#[test]
fn a_suspend_is_a_technical_alarm() {
    use kap::tui::app::{Msg, Screen};
    let (mut app, clock, _tmp) =
        common::montreal_app(false, kap::tui::theme::ThemeName::Plain, "P-sleep", 3);
    app.watch_clock = true;
    assert!(common::update(&mut app, &clock, Msg::Begin));
    app.on_tick(&clock.now());
    clock.advance(SECOND);
    app.on_tick(&clock.now());
    // The self-test's missing sound (no device in a test) is one already.
    let quiet = |app: &kap::tui::app::App| match &app.screen {
        Screen::Session(v) => v
            .open
            .session
            .technical_alarms
            .iter()
            .filter(|a| matches!(a.kind, kap::session::state::TechnicalKind::Noted(_)))
            .count(),
        _ => usize::MAX,
    };
    assert_eq!(quiet(&app), 0, "a second between ticks is normal");
    clock.advance(5 * MINUTE);
    app.on_tick(&clock.now());
    assert_eq!(quiet(&app), 1);
    let (text, _) = common::render(&app, &clock, 100, 30);
    assert!(
        text.contains("MEDIUM TECHNICAL ALARM — kap was suspended or stalled for 5 min"),
        "{text}"
    );
}

/// After the infusion, in the debrief, vitals still fall due: the prompt
/// shows there too, and turns into a technical alarm when overdue.
#[test]
fn vitals_due_after_the_infusion_show_on_every_screen() {
    let (mut app, clock, _tmp) =
        common::montreal_app(false, kap::tui::theme::ThemeName::Plain, "P-due", 3);
    common::into_infusion(&mut app, &clock);
    clock.advance(41 * MINUTE);
    common::vitals(&mut app, &clock, "120/80 70 98");
    common::next_phase(&mut app, &clock, "test");
    let (text, _) = common::render(&app, &clock, 80, 24);
    assert!(text.contains("Debrief"), "{text}");
    assert!(!text.contains("Vitals due now"), "{text}");
    clock.advance(11 * MINUTE);
    let (text, _) = common::render(&app, &clock, 80, 24);
    assert!(text.contains("Vitals due now"), "{text}");
    clock.advance(5 * MINUTE);
    let (text, _) = common::render(&app, &clock, 80, 24);
    assert!(
        text.contains("MEDIUM TECHNICAL ALARM  VITALS OVERDUE"),
        "{text}"
    );
}

/// A frame shows what its view model worked out for the frame's moment
/// (`present::Timed`, once a frame in `App::ui`): the renderer does not
/// ask the session again with a clock of its own. A view model whose timed
/// facts are half an hour on shows the vitals overdue though the frame is
/// at the infusion's start; the app's own view model of that moment does
/// not.
#[test]
fn a_frame_shows_the_timed_facts_its_view_model_worked_out() {
    use kap::tui::app::Screen;
    let (mut app, clock, _tmp) =
        common::montreal_app(false, kap::tui::theme::ThemeName::Plain, "P-017", 3);
    common::into_infusion(&mut app, &clock);
    let now = clock.now();
    let text = |ui: &kap::tui::view::Ui<'_>| {
        let mut term = ratatui::Terminal::new(ratatui::backend::TestBackend::new(80, 24)).unwrap();
        term.draw(|f| kap::tui::view::render(f, ui)).unwrap();
        let buf = term.backend().buffer().clone();
        buf.content().iter().map(|c| c.symbol()).collect::<String>()
    };
    let own = text(&app.ui(&now));
    assert!(!own.contains("OVERDUE"), "{own}");
    let mut ui = app.ui(&now);
    let Screen::Session(v) = &app.screen else {
        unreachable!()
    };
    ui.timed = Some(kap::tui::present::Timed::at(
        &v.open.session,
        &now.plus(30 * MINUTE),
        kap::i18n::Lang::En,
    ));
    let later = text(&ui);
    assert!(later.contains("OVERDUE"), "{later}");
    assert!(later.contains("10:00 left"), "the timer too: {later}");
}

/// The alarms waiting are those the frame's view model worked out
/// (`Timed::alarms_waiting`), as the timer is: a view that keeps none
/// shows no alarm waiting though the session holds one, and the same
/// view with the alarm shows it.
#[test]
fn a_frame_shows_the_alarms_waiting_its_view_model_worked_out() {
    use kap::tui::app::Screen;
    let (mut app, clock, _tmp) =
        common::montreal_app(false, kap::tui::theme::ThemeName::Plain, "P-017", 3);
    common::into_infusion(&mut app, &clock);
    common::record(
        &mut app,
        &clock,
        Event::Vitals {
            reading: parse("230/120 80 97").unwrap(),
        },
    );
    let now = clock.now();
    let text = |ui: &kap::tui::view::Ui<'_>| {
        let mut term = ratatui::Terminal::new(ratatui::backend::TestBackend::new(80, 24)).unwrap();
        term.draw(|f| kap::tui::view::render(f, ui)).unwrap();
        let buf = term.backend().buffer().clone();
        buf.content().iter().map(|c| c.symbol()).collect::<String>()
    };
    let Screen::Session(v) = &app.screen else {
        unreachable!()
    };
    let id = v.open.session.alarms_waiting(&now)[0].id;
    let headline = format!("HIGH ALARM {id}  ACTIVE");
    let own = text(&app.ui(&now));
    assert!(own.contains(&headline), "{own}");
    // The state the banner shows is the view model's, not asked again.
    let mut ui = app.ui(&now);
    if let Some(tm) = ui.timed.as_mut() {
        tm.alarms_waiting[0].state = kap::session::alarms::AlarmState::Latched;
    }
    let latched = text(&ui);
    assert!(
        latched.contains(&format!("HIGH ALARM {id}  LATCHED")),
        "{latched}"
    );
    let mut ui = app.ui(&now);
    if let Some(tm) = ui.timed.as_mut() {
        tm.alarms_waiting.clear();
    }
    let none = text(&ui);
    assert!(!none.contains(&headline), "{none}");
}
