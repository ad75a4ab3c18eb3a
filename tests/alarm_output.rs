//! Which output carries the alarm tone (issue #33): the music's output
//! does, and keeps its stream open for it, unless the site's alarm device
//! (`--alarm-device`) opened. Then the music's output is told it no longer
//! carries alarms (so its stream may close while nothing plays,
//! `audio::hold`) and alarm sounds go to the alarm device; if that device
//! fails during the session, the music's output is told at once that it
//! carries them again, and the next alarm sounds there.
//!
//! Through the app with two recording outputs: what each was asked to do
//! is what is checked. `audio::hold`'s own tests cover what an output does
//! when told; `tests/audio_device.rs` that the tone reaches a real device.

mod common;

use common::player::Recorder as Output;
use kap::audio::AudioEvent;
use kap::session::{Clock, MINUTE};
use kap::tui::app::{App, Msg, Screen};
use kap::tui::theme::ThemeName;
use ratatui::crossterm::event::{KeyCode, KeyEvent, KeyModifiers};
use std::sync::Arc;

/// A real session's start form, with `music` as the music's output.
fn start_with(music: &Output) -> (App, Arc<kap::session::SimClock>, tempfile::TempDir) {
    let (mut app, clock, tmp) = common::montreal_app(false, ThemeName::Plain, "M-1", 1);
    app.audio = Box::new(music.clone());
    // Chimes on (the protocol's `music.chime`): a new alarm sounds at
    // once, not only when it escalates.
    app.chime_on = true;
    (app, clock, tmp)
}

/// Begin the session: its alarm self-test sounds the tone once.
fn begin(app: &mut App) {
    app.on_key(KeyEvent::new(KeyCode::Enter, KeyModifiers::NONE));
    assert!(
        matches!(app.screen, Screen::Session(_)),
        "the session began"
    );
}

/// A reading past a high limit, and the tick that sounds its alarm.
fn alarm(app: &mut App, clock: &kap::session::SimClock) {
    let now = clock.now();
    assert!(app.update(Msg::Vitals("210/125 80 89".into()), &now));
    app.on_tick(&now);
}

#[test]
fn an_alarm_device_that_opens_takes_the_tone_and_frees_the_music_output() {
    let music = Output::default();
    let (mut app, clock, _tmp) = start_with(&music);
    let device = Output::default();
    assert_eq!(
        app.use_alarm_device("kapalarm", Box::new(device.clone())),
        None
    );
    assert_eq!(
        music.asked().carries.clone(),
        vec![false],
        "the music's output was freed"
    );
    assert_eq!(app.alarm_device.as_deref(), Some("kapalarm"));

    begin(&mut app);
    assert_eq!(
        device.asked().chimes,
        1,
        "the self-test sounded on the alarm device"
    );
    alarm(&mut app, &clock);
    assert_eq!(device.asked().chimes, 2, "so did the alarm");
    assert_eq!(music.asked().chimes, 0, "and neither on the music's output");
}

#[test]
fn an_alarm_device_that_does_not_open_leaves_the_tone_on_the_music_output() {
    let music = Output::default();
    let (mut app, clock, _tmp) = start_with(&music);
    let device = Output {
        broken: Some("no such card".into()),
        ..Output::default()
    };
    let why = app
        .use_alarm_device("kapalarm", Box::new(device.clone()))
        .expect("the reason is given");
    assert!(why.contains("no such card"), "{why}");
    assert!(
        music.asked().carries.clone().is_empty(),
        "the music's output still carries alarms: {:?}",
        music.asked().carries.clone()
    );
    assert!(app.alarm_audio.is_none() && app.alarm_device.is_none());

    begin(&mut app);
    alarm(&mut app, &clock);
    assert_eq!(
        music.asked().chimes,
        2,
        "self-test and alarm on the music's output"
    );
    assert_eq!(device.asked().chimes, 0);
}

#[test]
fn an_alarm_device_that_fails_hands_the_tone_back_at_once() {
    let music = Output::default();
    let (mut app, clock, _tmp) = start_with(&music);
    let device = Output::default();
    assert_eq!(
        app.use_alarm_device("kapalarm", Box::new(device.clone())),
        None
    );
    begin(&mut app);
    alarm(&mut app, &clock);
    assert_eq!((device.asked().chimes, music.asked().chimes), (2, 0));

    device
        .asked()
        .pending
        .push(AudioEvent::DeviceFailed("unplugged".into()));
    app.on_tick(&clock.now());
    assert_eq!(
        music.asked().carries.clone(),
        vec![false, true],
        "the music's output was told at once that it carries alarms again"
    );
    assert!(app.alarm_audio.is_none(), "the failed device is dropped");
    let flash = app
        .flash
        .as_ref()
        .expect("the failure is said")
        .text
        .clone();
    assert!(
        flash.starts_with("!!!") && flash.contains("unplugged"),
        "{flash}"
    );

    // The alarm, still active, sounds again once its repeat is due: on the
    // music's output now.
    clock.advance(10 * MINUTE);
    app.on_tick(&clock.now());
    assert_eq!(
        device.asked().chimes,
        2,
        "nothing more reached the failed device"
    );
    assert!(
        music.asked().chimes >= 1,
        "the repeat sounded on the music's output"
    );
}
