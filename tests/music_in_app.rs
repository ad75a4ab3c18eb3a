//! Music inside the app, through the Audio trait with a scripted player:
//! no device is a message and the session goes on; a skipped track, a
//! device hiccup the player recovered from and a device failure land in
//! the journal; a playlist that cannot play at all
//! falls back to the ambient piece.

mod common;

use common::player::Recorder;
use kap::audio::{Audio, AudioEvent, PlaylistInfo, Silent};
use kap::session::vitals::parse;
use kap::session::{Clock, Event, SimClock};
use kap::tui::app::{App, Screen};
use kap::tui::theme::ThemeName;
use ratatui::crossterm::event::{KeyCode, KeyEvent, KeyModifiers};
use std::path::PathBuf;
use std::sync::Arc;

fn app_in_infusion(audio: Box<dyn Audio>) -> (App, Arc<SimClock>, tempfile::TempDir) {
    let root = PathBuf::from(env!("CARGO_MANIFEST_DIR"));
    let (mut app, clock, tmp) = common::montreal_app(false, ThemeName::Plain, "M-1", 1);
    app.audio = audio;
    app.playlists = vec![PlaylistInfo::of(
        kap::audio::playlist::load(
            &root.join("playlists/demo-ambient.m3u8"),
            kap::i18n::Lang::En,
        )
        .unwrap(),
    )];
    app.on_key(KeyEvent::new(KeyCode::Enter, KeyModifiers::NONE));
    let now = clock.now();
    let Screen::Session(v) = &mut app.screen else {
        panic!()
    };
    for _ in 0..2 {
        v.open
            .record(
                Event::Advanced {
                    reason: Some("test".into()),
                },
                &now,
            )
            .unwrap();
    }
    v.open
        .record(
            Event::MusicChosen {
                playlist: Some("demo-ambient.m3u8".into()),
                support: None,
            },
            &now,
        )
        .unwrap();
    v.open
        .record(
            Event::Advanced {
                reason: Some("test".into()),
            },
            &now,
        )
        .unwrap();
    for id in [
        "assessment-done",
        "psychotherapy-started",
        "readiness",
        "consent",
        "iv-line",
    ] {
        v.open
            .record(
                Event::Ticked {
                    prompt: id.into(),
                    checked: true,
                    evidence: None,
                },
                &now,
            )
            .unwrap();
    }
    v.open
        .record(
            Event::Vitals {
                reading: parse("120/80 70 98").unwrap(),
            },
            &now,
        )
        .unwrap();
    v.open
        .record(Event::Advanced { reason: None }, &now)
        .unwrap();
    v.view_phase = v.open.session.phase;
    v.open.record(Event::DosingStarted, &now).unwrap();
    (app, clock, tmp)
}

fn session(app: &App) -> &kap::session::Session {
    match &app.screen {
        Screen::Session(v) => &v.open.session,
        _ => panic!("not in a session"),
    }
}

#[test]
fn no_device_is_a_message_and_music_can_still_be_marked() {
    let (mut app, _clock, _tmp) = app_in_infusion(Box::new(Silent::new("no audio device (test)")));
    app.on_key(KeyEvent::new(KeyCode::Char('m'), KeyModifiers::NONE));
    let flash = app.flash.as_ref().unwrap().text.clone();
    assert!(
        flash.contains("Music marked as playing — no sound here (no audio device (test))"),
        "{flash}"
    );
    assert!(
        session(&app).music.is_playing(),
        "marked as playing on another device"
    );
    assert_eq!(
        session(&app).dosing.state(&_clock.now()),
        kap::session::DosingState::Running,
        "the timer goes on"
    );
}

#[test]
fn skipped_tracks_device_failure_and_fallback_are_journalled() {
    // A player that says it is playing, as one does once started.
    let player = Recorder {
        playing: true,
        ..Recorder::default()
    };
    let (mut app, clock, _tmp) = app_in_infusion(Box::new(player.clone()));
    app.on_key(KeyEvent::new(KeyCode::Char('m'), KeyModifiers::NONE));
    assert_eq!(player.asked().played, vec!["demo-ambient".to_string()]);
    // Every track fails: kap falls back to its own ambient piece.
    player.asked().pending.extend([
        AudioEvent::TrackFailed("Slow light".into(), "decoder error".into()),
        AudioEvent::Ended,
    ]);
    app.on_tick(&clock.now());
    assert_eq!(player.asked().played.last().unwrap(), "fallback");
    let problems: Vec<String> = session(&app)
        .music
        .problems
        .iter()
        .map(|(_, t)| t.clone())
        .collect();
    assert_eq!(problems[0], "skipped \"Slow light\": decoder error");
    assert!(problems[1].contains("ambient fallback"), "{problems:?}");
    // The fallback plays; its track is journalled; then the device dies.
    player
        .asked()
        .pending
        .push(AudioEvent::TrackStarted("ambient: fallback".into()));
    app.on_tick(&clock.now());
    assert_eq!(
        session(&app).music.tracks.last().unwrap().1,
        "ambient: fallback"
    );
    // A hiccup the player recovered from: noted, and the music goes on.
    player
        .asked()
        .pending
        .push(AudioEvent::DeviceRecovered("I/O error (5)".into()));
    app.on_tick(&clock.now());
    assert!(session(&app).music.is_playing());
    assert!(
        app.flash.as_ref().unwrap().text.contains("reopened"),
        "{:?}",
        app.flash
    );
    player
        .asked()
        .pending
        .push(AudioEvent::DeviceFailed("device unplugged".into()));
    app.on_tick(&clock.now());
    assert!(!session(&app).music.is_playing());
    assert_eq!(
        session(&app)
            .music
            .stop_reasons
            .last()
            .unwrap()
            .1
            .as_deref(),
        Some("audio device failed: device unplugged")
    );
    assert!(
        app.flash
            .as_ref()
            .unwrap()
            .text
            .contains("the session and its timers go on")
    );
    // All of it is on disk.
    let Screen::Session(v) = &app.screen else {
        panic!()
    };
    let raw = std::fs::read_to_string(v.open.journal.path()).unwrap();
    assert!(
        raw.contains("music-problem")
            && raw.contains("was reopened: I/O error (5)")
            && raw.contains("track-changed"),
        "{raw}"
    );
}
