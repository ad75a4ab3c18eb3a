//! Playback through cpal (re-exported by rodio), rodio's decoders and
//! converters. Tracks are given to the sound thread one at a time so a
//! file that fails to decode is skipped with a message, and a device error
//! becomes an event, never a panic or a line on the terminal. The stream
//! is kap's own (`engine.rs`: a buffer filled in a few tight passes, not
//! rodio's sample-at-a-time mixer); the track playing is there only while
//! it plays (`music.rs`); previews and chimes join through a rodio player
//! of their own only while one sounds; and the stream itself is closed
//! while nothing sounds when the alarm tone goes elsewhere (`super::hold`).

mod device;
mod engine;
mod music;
mod sources;

use super::ambient::{Ambient, RATE};
use super::hold::{Stream, StreamHold, Want};
use super::playlist::{Playlist, Track, TrackSource};
use super::{Audio, AudioEvent};
use device::connect;
use engine::{Cmd, Output};
use music::Controls;
use rodio::{Player, Source};
use sources::{AmbientSource, Excerpt};
use std::num::NonZero;
use std::path::Path;
use std::sync::{Arc, Mutex};
use std::time::{Duration, Instant};

/// Decoder-measured length of a file, when the format says.
pub fn measure(p: &Path) -> Option<f64> {
    // Only a regular file is probed (a link to a device or fifo is not);
    // the decoder reads the headers it needs, not the whole file.
    let f = crate::input::open_regular(p).ok()?;
    let d = rodio::Decoder::try_from(f).ok()?;
    d.total_duration().map(|d| d.as_secs_f64())
}

/// The track in the stream: its controls, and where in the track it began.
struct Current {
    controls: Arc<Controls>,
    from: Duration,
    rate: u32,
    channels: u16,
}

impl Current {
    fn position(&self) -> Duration {
        music::position(
            self.from,
            self.controls.played_samples(),
            self.rate,
            self.channels,
        )
    }
}

pub struct RodioAudio {
    /// The language its messages are worded in (the app's, given at open).
    lang: crate::i18n::Lang,
    /// The open stream; `None` while closed (idle, not the alarm path).
    sink: Option<Output>,
    /// The track in the stream, if one is.
    current: Option<Current>,
    /// Where the music was when its track left the stream without ending
    /// (the stream was closed while paused): resumed from there.
    held_at: Duration,
    /// Previews and chimes, beside the playlist: given to the sound thread
    /// only while one sounds, so music alone is mixed from one source.
    side: Option<Player>,
    hold: StreamHold,
    /// The device asked for by name (`None`: the system's default).
    device: Option<String>,
    tracks: Vec<Track>,
    index: usize,
    playing: bool,
    paused: bool,
    volume: f32,
    fading: Option<(Instant, Duration)>,
    errors: Arc<Mutex<Vec<String>>>,
    events: Vec<AudioEvent>,
    failed: bool,
    /// When the device was reopened after an error.
    reopens: Vec<Instant>,
}

/// A device that reports an error is reopened, unless it already was this
/// many times within `REOPEN_WINDOW`: then kap gives up on sound.
const REOPENS: usize = 3;
const REOPEN_WINDOW: Duration = Duration::from_secs(60);

impl RodioAudio {
    /// Open the default device, or the one named.
    pub fn open(name: Option<&str>, lang: crate::i18n::Lang) -> Result<RodioAudio, String> {
        let errors = Arc::new(Mutex::new(Vec::new()));
        let sink = connect(&errors, name, lang)?;
        Ok(RodioAudio {
            lang,
            device: name.map(str::to_string),
            sink: Some(sink),
            current: None,
            held_at: Duration::ZERO,
            side: None,
            hold: StreamHold::default(),
            tracks: Vec::new(),
            index: 0,
            playing: false,
            paused: false,
            volume: 1.0,
            fading: None,
            errors,
            events: Vec::new(),
            failed: false,
            reopens: Vec::new(),
        })
    }

    /// Stop the stream after `linger` with nothing sounding.
    pub fn set_linger(&mut self, linger: Duration) {
        self.hold.set_linger(linger);
    }

    /// Make the stream run: resume it if paused, open it if closed;
    /// `false` (and the device failed) when it cannot be. Called before
    /// anything is given to it to sound, an alarm's tone included.
    fn ensure_open(&mut self, lang: crate::i18n::Lang) -> bool {
        if let Some(out) = &mut self.sink {
            if out.resume().is_ok() {
                return true;
            }
            // A paused device that will not run again is opened anew.
            return match self.reopen(lang) {
                Ok(()) => true,
                Err(e) => {
                    self.give_up(e);
                    false
                }
            };
        }
        if self.failed {
            return false;
        }
        let errors = Arc::new(Mutex::new(Vec::new()));
        match connect(&errors, self.device.as_deref(), lang) {
            Ok(sink) => {
                self.errors = errors;
                self.sink = Some(sink);
                true
            }
            Err(e) => {
                self.give_up(e);
                false
            }
        }
    }

    fn give_up(&mut self, e: String) {
        self.failed = true;
        self.playing = false;
        self.stop_current();
        self.side = None;
        self.sink = None;
        self.events.push(AudioEvent::DeviceFailed(e));
    }

    /// Close the stream while nothing sounds, keeping where paused music
    /// was, to go on from there.
    fn close(&mut self) {
        if let Some(c) = self.current.take() {
            self.held_at = c.position();
            c.controls.stop();
        }
        self.side = None;
        self.sink = None;
    }

    /// Take the track out of the stream (at its next check, ~12 ms).
    fn stop_current(&mut self) {
        if let Some(c) = self.current.take() {
            c.controls.stop();
        }
    }

    fn position(&self) -> Duration {
        self.current
            .as_ref()
            .map_or(self.held_at, Current::position)
    }

    /// The device reported an error: open it again and carry on where the
    /// music was (the same track, from the same point where the format
    /// allows seeking). `Err` when it cannot be reopened.
    fn reopen(&mut self, lang: crate::i18n::Lang) -> Result<(), String> {
        let pos = self.position();
        // Errors from the old stream no longer matter.
        let errors = Arc::new(Mutex::new(Vec::new()));
        let sink = connect(&errors, self.device.as_deref(), lang)?;
        self.errors = errors;
        self.stop_current();
        self.side = None;
        self.sink = Some(sink);
        if self.playing {
            self.restart_at(pos, lang);
        }
        Ok(())
    }

    /// The same track again from `pos`, on a stream opened again: not news
    /// for the journal.
    fn restart_at(&mut self, pos: Duration, lang: crate::i18n::Lang) {
        let before = self.events.len();
        self.start_at(self.index, pos, lang);
        if matches!(self.events.get(before), Some(AudioEvent::TrackStarted(_))) {
            self.events.remove(before);
        }
    }

    /// Give the stream the track at `index`, `from` in, skipping ones that
    /// cannot play (the next one starts from its beginning).
    fn start_at(&mut self, mut index: usize, mut from: Duration, lang: crate::i18n::Lang) {
        self.stop_current();
        if !self.ensure_open(lang) {
            return;
        }
        let Some((tx, channels, rate)) = self
            .sink
            .as_ref()
            .map(|s| (s.tx.clone(), s.channels, s.rate))
        else {
            return;
        };
        while let Some(t) = self.tracks.get(index) {
            let controls = Controls::new(self.volume);
            controls.set_paused(self.paused);
            let give = |track: Box<dyn music::Fill>| {
                let _ = tx.send(Cmd::Music(track));
            };
            let queued = match &t.source {
                TrackSource::Ambient { name, seconds } => {
                    let mut piece = Ambient::new(name, *seconds);
                    piece.seek(from);
                    let src = AmbientSource(piece);
                    give(engine::fitted(src, channels, rate, Arc::clone(&controls)));
                    Ok(())
                }
                TrackSource::File(p) => crate::input::open_regular(p)
                    .map_err(|e| e.to_string())
                    .and_then(|f| rodio::Decoder::try_from(f).map_err(|e| e.to_string()))
                    .map(|mut d| {
                        // Seeking reads the file here, not in the sound
                        // thread; a format that cannot seek starts over.
                        if !from.is_zero() && d.try_seek(from).is_err() {
                            from = Duration::ZERO;
                        }
                        give(engine::fitted(d, channels, rate, Arc::clone(&controls)));
                    }),
            };
            match queued {
                Ok(()) => {
                    // Counted in the stream's format, which the track was
                    // fitted to.
                    self.current = Some(Current {
                        controls,
                        from,
                        rate: rate.get(),
                        channels: channels.get(),
                    });
                    self.index = index;
                    self.playing = true;
                    self.events.push(AudioEvent::TrackStarted(t.title.clone()));
                    return;
                }
                Err(e) => {
                    self.events
                        .push(AudioEvent::TrackFailed(t.title.clone(), e));
                    index += 1;
                    from = Duration::ZERO;
                }
            }
        }
        self.playing = false;
        self.events.push(AudioEvent::Ended);
    }

    /// The side player, given to the sound thread on first use.
    fn side_player(&mut self, lang: crate::i18n::Lang) -> Option<&Player> {
        if !self.ensure_open(lang) {
            return None;
        }
        if self.side.is_none() {
            let (player, queue) = Player::new();
            let _ = self.sink.as_ref()?.tx.send(Cmd::Side(Box::new(queue)));
            self.side = Some(player);
        }
        self.side.as_ref()
    }

    /// The side player's sound is over: the sound thread stops pulling it.
    fn side_off(&mut self) {
        if self.side.take().is_some()
            && let Some(out) = &self.sink
        {
            let _ = out.tx.send(Cmd::SideOff);
        }
    }

    /// Run, pause, close or keep the stream, as `StreamHold` says.
    fn hold_stream(&mut self, lang: crate::i18n::Lang) {
        let sounding = self.is_playing() || self.side.is_some();
        let stream = match &self.sink {
            None => Stream::Closed,
            Some(out) if out.is_paused() => Stream::Paused,
            Some(_) => Stream::Running,
        };
        match self.hold.step(sounding, stream, Instant::now()) {
            Want::Run => {
                self.ensure_open(lang);
            }
            Want::Pause => {
                if let Some(out) = &mut self.sink {
                    out.pause();
                }
            }
            Want::Close => self.close(),
            Want::Keep => {}
        }
    }
}

impl Audio for RodioAudio {
    fn unavailable(&self) -> Option<String> {
        self.failed
            .then(|| crate::say!(self.lang, "audio-device-failed"))
    }

    fn carries_alarms(&mut self, yes: bool) {
        self.hold.set_alarm_path(yes);
        if yes {
            self.ensure_open(self.lang);
        }
    }

    fn play(&mut self, playlist: &Playlist) {
        if self.failed {
            return;
        }
        self.paused = false;
        self.fading = None;
        self.tracks = playlist.tracks.clone();
        self.start_at(0, Duration::ZERO, self.lang);
    }

    fn pause(&mut self) {
        self.paused = true;
        if let Some(c) = &self.current {
            c.controls.set_paused(true);
        }
    }

    fn resume(&mut self) {
        self.paused = false;
        match &self.current {
            Some(c) => {
                c.controls.set_paused(false);
                // The device may have been paused while the music was.
                self.ensure_open(self.lang);
            }
            // The stream was closed while paused: open it and go on.
            None if self.playing => self.restart_at(self.held_at, self.lang),
            None => {}
        }
    }

    fn is_playing(&self) -> bool {
        self.playing && !self.paused
    }

    fn next(&mut self) {
        if self.playing {
            self.start_at(self.index + 1, Duration::ZERO, self.lang);
        }
    }

    fn fade_out(&mut self, over: Duration) {
        if self.playing {
            self.fading = Some((Instant::now(), over));
        }
    }

    fn set_volume(&mut self, v: f32) {
        self.volume = v.clamp(0.0, 1.0);
        if let Some(c) = &self.current {
            c.controls.set_volume(self.volume);
        }
    }

    fn now_playing(&self) -> Option<(String, Duration)> {
        if !self.playing {
            return None;
        }
        let t = self.tracks.get(self.index)?;
        Some((t.title.clone(), self.position()))
    }

    fn preview(&mut self, track: &Track, from: Duration, seconds: u32) {
        if self.failed {
            return;
        }
        let volume = self.volume;
        let opened = match &track.source {
            TrackSource::Ambient { name, seconds: len } => {
                let mut piece = Ambient::new(name, *len);
                piece.seek(from);
                Ok(Box::new(Excerpt::new(AmbientSource(piece), seconds)) as Box<dyn Source + Send>)
            }
            TrackSource::File(p) => crate::input::open_regular(p)
                .map_err(|e| e.to_string())
                .and_then(|f| rodio::Decoder::try_from(f).map_err(|e| e.to_string()))
                .map(|mut d| {
                    if d.try_seek(from).is_err() {
                        // Cannot seek: skip to the point by decoding.
                        return Box::new(Excerpt::new(d.skip_duration(from), seconds))
                            as Box<dyn Source + Send>;
                    }
                    Box::new(Excerpt::new(d, seconds))
                }),
        };
        match opened {
            Ok(src) => {
                if let Some(side) = self.side_player(self.lang) {
                    side.clear();
                    side.play();
                    side.set_volume(volume);
                    side.append(src);
                }
            }
            Err(e) => self
                .events
                .push(AudioEvent::TrackFailed(track.title.clone(), e)),
        }
    }

    fn chime(&mut self) {
        if self.failed {
            return;
        }
        // Never louder than the music: at most the music's volume, and
        // softer still when nothing plays.
        let level = if self.is_playing() {
            self.volume * 0.6
        } else {
            0.35
        };
        let Some(side) = self.side_player(self.lang) else {
            return;
        };
        side.set_volume(level);
        side.play();
        let rate = NonZero::new(RATE).unwrap_or(NonZero::<u32>::MIN);
        side.append(rodio::buffer::SamplesBuffer::new(
            NonZero::<u16>::MIN,
            rate,
            super::ambient::chime(),
        ));
    }

    fn volume(&self) -> f32 {
        self.volume
    }

    fn poll(&mut self) -> Vec<AudioEvent> {
        // A finished preview or chime lets go of the sound thread.
        if self.side.as_ref().is_some_and(Player::empty) {
            self.side_off();
        }
        let errs: Vec<String> = self
            .errors
            .lock()
            .map(|mut v| std::mem::take(&mut *v))
            .unwrap_or_default();
        if let Some(e) = errs.into_iter().next() {
            self.reopens.retain(|t| t.elapsed() < REOPEN_WINDOW);
            let reopened = self.reopens.len() < REOPENS && {
                self.reopens.push(Instant::now());
                self.reopen(self.lang).is_ok()
            };
            if reopened {
                self.events.push(AudioEvent::DeviceRecovered(e));
            } else {
                self.give_up(e);
            }
        }
        if let Some((from, over)) = self.fading {
            let done = from.elapsed().as_secs_f32() / over.as_secs_f32().max(0.001);
            if done >= 1.0 {
                self.stop_current();
                self.playing = false;
                self.fading = None;
            } else if let Some(c) = &self.current {
                c.controls.set_volume(self.volume * (1.0 - done));
            }
        } else if self.is_playing() && self.current.as_ref().is_some_and(|c| c.controls.is_done()) {
            self.start_at(self.index + 1, Duration::ZERO, self.lang);
        }
        self.hold_stream(self.lang);
        std::mem::take(&mut self.events)
    }
}

/// Open the default device and play `seconds` of silence through it, for
/// `kap doctor`. `Err` with the reason when the device does not open or
/// reports an error while playing.
pub fn play_silence(seconds: f32, lang: crate::i18n::Lang) -> Result<(), String> {
    let errors = Arc::new(Mutex::new(Vec::new()));
    let out = connect(&errors, None, lang)?;
    let controls = Controls::new(1.0);
    let silence = rodio::source::Zero::new(
        NonZero::<u16>::MIN,
        NonZero::new(RATE).unwrap_or(NonZero::<u32>::MIN),
    )
    .take_duration(Duration::from_secs_f32(seconds));
    let track = engine::fitted(silence, out.channels, out.rate, Arc::clone(&controls));
    let _ = out.tx.send(Cmd::Music(track));
    // The caller gives up after its own time limit.
    while !controls.is_done() {
        std::thread::sleep(Duration::from_millis(20));
    }
    let errs = errors.lock().map(|v| v.clone()).unwrap_or_default();
    match errs.first() {
        Some(e) => Err(e.clone()),
        None => Ok(()),
    }
}
