//! A recording player for tests that drive the app through the `Audio`
//! trait: what it was asked (playlists, whether it carries the alarm tone,
//! chimes) and the events its next `poll` reports.

use kap::audio::playlist::{Playlist, Track};
use kap::audio::{Audio, AudioEvent};
use std::sync::{Arc, Mutex};
use std::time::Duration;

/// What the player was asked, shared with the test.
#[derive(Default)]
pub struct Asked {
    /// Each playlist started, by name.
    pub played: Vec<String>,
    /// Each `carries_alarms` call, in order.
    pub carries: Vec<bool>,
    pub chimes: usize,
    /// Events its next `poll` reports.
    pub pending: Vec<AudioEvent>,
}

#[derive(Clone, Default)]
pub struct Recorder {
    pub asked: Arc<Mutex<Asked>>,
    /// Why it does not work, for a device that failed to open.
    pub broken: Option<String>,
    /// What `is_playing` answers.
    pub playing: bool,
}

impl Recorder {
    pub fn asked(&self) -> std::sync::MutexGuard<'_, Asked> {
        self.asked.lock().unwrap()
    }
}

impl Audio for Recorder {
    fn unavailable(&self) -> Option<String> {
        self.broken.clone()
    }
    fn carries_alarms(&mut self, yes: bool) {
        self.asked().carries.push(yes);
    }
    fn play(&mut self, p: &Playlist) {
        self.asked().played.push(p.name.clone());
    }
    fn pause(&mut self) {}
    fn resume(&mut self) {}
    fn is_playing(&self) -> bool {
        self.playing
    }
    fn next(&mut self) {}
    fn fade_out(&mut self, _: Duration) {}
    fn set_volume(&mut self, _: f32) {}
    fn now_playing(&self) -> Option<(String, Duration)> {
        None
    }
    fn poll(&mut self) -> Vec<AudioEvent> {
        std::mem::take(&mut self.asked().pending)
    }
    fn preview(&mut self, _: &Track, _: Duration, _: u32) {}
    fn chime(&mut self) {
        self.asked().chimes += 1;
    }
    fn volume(&self) -> f32 {
        1.0
    }
}
