//! Sound in a rehearsal: at ×1 the music plays as in a real session; at
//! any other speed, or while simulated time is paused, it is silent (music
//! at ×30 is noise, and its timing would mean nothing). The session still
//! marks the music as playing either way; this only decides whether the
//! device hears it, following the speed as it changes.

use super::{Audio, AudioEvent, Playlist, Track};
use crate::clocks::ScaledClock;
use std::sync::Arc;
use std::time::Duration;

pub struct SpeedGate {
    inner: Box<dyn Audio>,
    clock: Arc<ScaledClock>,
    /// The playlist the session is playing (sounding or not).
    wanted: Option<Playlist>,
    /// Paused by the clinician, not by the gate.
    held: bool,
    /// The device has been given the playlist.
    given: bool,
}

impl SpeedGate {
    pub fn new(inner: Box<dyn Audio>, clock: Arc<ScaledClock>) -> SpeedGate {
        SpeedGate {
            inner,
            clock,
            wanted: None,
            held: false,
            given: false,
        }
    }

    /// Real time: the only speed at which the rehearsal makes sound.
    pub fn audible(&self) -> bool {
        (self.clock.speed() - 1.0).abs() < 1e-9 && !self.clock.is_paused()
    }

    /// Follow the speed: silence the device when time runs simulated,
    /// let it play again at ×1.
    fn follow(&mut self) {
        let sounding = self.inner.is_playing();
        match (self.audible(), &self.wanted) {
            (false, _) if sounding => self.inner.pause(),
            (true, Some(p)) if !self.held && !sounding => {
                if self.given {
                    self.inner.resume();
                } else {
                    let p = p.clone();
                    self.inner.play(&p);
                    self.given = true;
                }
            }
            _ => {}
        }
    }
}

impl Audio for SpeedGate {
    fn unavailable(&self) -> Option<String> {
        self.inner.unavailable()
    }

    fn carries_alarms(&mut self, yes: bool) {
        self.inner.carries_alarms(yes);
    }

    fn play(&mut self, playlist: &Playlist) {
        self.wanted = Some(playlist.clone());
        self.held = false;
        self.given = false;
        self.follow();
    }

    fn pause(&mut self) {
        self.held = true;
        self.inner.pause();
    }

    fn resume(&mut self) {
        self.held = false;
        self.follow();
    }

    fn is_playing(&self) -> bool {
        self.wanted.is_some() && !self.held
    }

    fn next(&mut self) {
        if self.audible() {
            self.inner.next();
        }
    }

    fn fade_out(&mut self, over: Duration) {
        self.wanted = None;
        self.given = false;
        self.inner.fade_out(over);
    }

    fn set_volume(&mut self, v: f32) {
        self.inner.set_volume(v);
    }

    fn now_playing(&self) -> Option<(String, Duration)> {
        self.inner.now_playing()
    }

    fn poll(&mut self) -> Vec<AudioEvent> {
        self.follow();
        self.inner.poll()
    }

    fn preview(&mut self, track: &Track, from: Duration, seconds: u32) {
        if self.audible() {
            self.inner.preview(track, from, seconds);
        }
    }

    fn chime(&mut self) {
        if self.audible() {
            self.inner.chime();
        }
    }

    fn volume(&self) -> f32 {
        self.inner.volume()
    }
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::session::Clock;
    use std::sync::Mutex;

    /// Records what reached the device.
    #[derive(Default)]
    struct Spy {
        calls: Arc<Mutex<Vec<&'static str>>>,
        playing: bool,
    }

    impl Audio for Spy {
        fn unavailable(&self) -> Option<String> {
            None
        }
        fn carries_alarms(&mut self, yes: bool) {
            let said = if yes { "alarms" } else { "music only" };
            self.calls.lock().unwrap().push(said);
        }
        fn play(&mut self, _: &Playlist) {
            self.playing = true;
            self.calls.lock().unwrap().push("play");
        }
        fn pause(&mut self) {
            self.playing = false;
            self.calls.lock().unwrap().push("pause");
        }
        fn resume(&mut self) {
            self.playing = true;
            self.calls.lock().unwrap().push("resume");
        }
        fn is_playing(&self) -> bool {
            self.playing
        }
        fn next(&mut self) {}
        fn fade_out(&mut self, _: Duration) {
            self.playing = false;
        }
        fn set_volume(&mut self, _: f32) {}
        fn now_playing(&self) -> Option<(String, Duration)> {
            None
        }
        fn poll(&mut self) -> Vec<AudioEvent> {
            Vec::new()
        }
        fn preview(&mut self, _: &Track, _: Duration, _: u32) {}
        fn chime(&mut self) {
            self.calls.lock().unwrap().push("chime");
        }
        fn volume(&self) -> f32 {
            1.0
        }
    }

    fn playlist() -> Playlist {
        Playlist {
            path: "calm.m3u".into(),
            name: "calm".into(),
            tracks: Vec::new(),
            problems: Vec::new(),
        }
    }

    #[test]
    fn music_sounds_only_at_real_time() {
        let calls = Arc::new(Mutex::new(Vec::new()));
        let spy = Spy {
            calls: Arc::clone(&calls),
            playing: false,
        };
        let from = crate::session::SimClock::fixed().now();
        let clock = Arc::new(ScaledClock::new(from, 30.0));
        let mut g = SpeedGate::new(Box::new(spy), Arc::clone(&clock));
        g.play(&playlist());
        g.chime();
        assert!(g.is_playing(), "the session's music is playing");
        assert!(calls.lock().unwrap().is_empty(), "silent at ×30");
        clock.set_speed(1.0);
        g.poll();
        assert_eq!(*calls.lock().unwrap(), vec!["play"]);
        g.chime();
        clock.set_speed(2.0);
        g.poll();
        clock.set_speed(1.0);
        g.poll();
        assert_eq!(
            *calls.lock().unwrap(),
            vec!["play", "chime", "pause", "resume"]
        );
        // Paused by the clinician: the gate does not start it again.
        g.pause();
        g.poll();
        assert_eq!(calls.lock().unwrap().last(), Some(&"pause"));
    }

    #[test]
    fn whether_the_device_carries_alarms_reaches_it_at_any_speed() {
        let calls = Arc::new(Mutex::new(Vec::new()));
        let spy = Spy {
            calls: Arc::clone(&calls),
            playing: false,
        };
        let from = crate::session::SimClock::fixed().now();
        let clock = Arc::new(ScaledClock::new(from, 30.0));
        let mut g = SpeedGate::new(Box::new(spy), clock);
        g.carries_alarms(false);
        g.carries_alarms(true);
        assert_eq!(*calls.lock().unwrap(), vec!["music only", "alarms"]);
    }
}
