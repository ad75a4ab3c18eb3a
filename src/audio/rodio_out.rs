//! Playback through rodio. Tracks are queued one at a time so a file that
//! fails to decode is skipped with a message, and a device error becomes an
//! event, never a panic or a line on the terminal.

use super::ambient::{Ambient, RATE};
use super::playlist::{Playlist, Track, TrackSource};
use super::{Audio, AudioEvent};
use rodio::{ChannelCount, DeviceSinkBuilder, MixerDeviceSink, Player, SampleRate, Source};
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

struct AmbientSource(Ambient);

impl Iterator for AmbientSource {
    type Item = f32;
    fn next(&mut self) -> Option<f32> {
        self.0.next()
    }
}

impl Source for AmbientSource {
    fn current_span_len(&self) -> Option<usize> {
        None
    }
    fn channels(&self) -> ChannelCount {
        NonZero::<u16>::MIN
    }
    fn sample_rate(&self) -> SampleRate {
        NonZero::new(RATE).unwrap_or(NonZero::<u32>::MIN)
    }
    fn total_duration(&self) -> Option<Duration> {
        Some(Duration::from_secs_f64(self.0.seconds()))
    }
}

/// An excerpt with short fades at both ends.
struct Excerpt<S: Source> {
    inner: S,
    n: u64,
    total: u64,
    ramp: u64,
}

impl<S: Source> Excerpt<S> {
    fn new(inner: S, seconds: u32) -> Self {
        let per_sec = u64::from(inner.sample_rate().get()) * u64::from(inner.channels().get());
        Excerpt {
            inner,
            n: 0,
            total: per_sec * u64::from(seconds),
            ramp: per_sec * 2,
        }
    }
}

impl<S: Source> Iterator for Excerpt<S> {
    type Item = rodio::Sample;
    fn next(&mut self) -> Option<rodio::Sample> {
        if self.n >= self.total {
            return None;
        }
        let s = self.inner.next()?;
        let edge = self.n.min(self.total - self.n).min(self.ramp) as rodio::Sample
            / self.ramp.max(1) as rodio::Sample;
        self.n += 1;
        Some(s * edge)
    }
}

impl<S: Source> Source for Excerpt<S> {
    fn current_span_len(&self) -> Option<usize> {
        self.inner.current_span_len()
    }
    fn channels(&self) -> ChannelCount {
        self.inner.channels()
    }
    fn sample_rate(&self) -> SampleRate {
        self.inner.sample_rate()
    }
    fn total_duration(&self) -> Option<Duration> {
        None
    }
}

pub struct RodioAudio {
    sink: MixerDeviceSink,
    player: Player,
    /// Previews and chimes, beside the playlist: connected to the mixer
    /// only while one sounds, so music alone is mixed from one source.
    side: Option<Player>,
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

/// The output format kap asks for first: the CD rate most music files are
/// at, in 16-bit samples, so the device and the sound server need neither
/// resample nor convert (the shipped ambient piece, at half that rate,
/// doubles cheaply). The buffer holds about 90 ms: background music needs
/// no lower latency, and a larger buffer wakes the audio thread less often.
const MUSIC_RATE: u32 = 44_100;
const MUSIC_BUFFER_FRAMES: u32 = 4096;

/// The output device named `name`: its ALSA PCM id (`hw:1,0`,
/// `plughw:CARD=PCH,DEV=0`, a name from `~/.asoundrc`) or the start of its
/// description, as the system lists them.
fn device_named(name: &str) -> Result<rodio::cpal::Device, String> {
    use rodio::cpal::traits::{DeviceTrait, HostTrait};
    let host = rodio::cpal::default_host();
    let devices: Vec<_> = host.output_devices().map_err(|e| e.to_string())?.collect();
    let matches = |d: &rodio::cpal::Device| {
        d.id().is_ok_and(|id| id.id() == name)
            || d.description()
                .is_ok_and(|desc| desc.to_string().starts_with(name))
    };
    let mut listed = Vec::new();
    for d in devices {
        if matches(&d) {
            return Ok(d);
        }
        if let Ok(id) = d.id() {
            listed.push(id.id().to_string());
        }
    }
    Err(crate::t!(
        "audio-no-such-device",
        name = name.to_string(),
        devices = if listed.is_empty() {
            crate::t!("value-none")
        } else {
            listed.join(", ")
        }
    ))
}

/// Open the default device, or the one named; its errors are collected in
/// `errors`. The music format above first; if the device refuses it, its
/// own default.
fn connect(
    errors: &Arc<Mutex<Vec<String>>>,
    name: Option<&str>,
) -> Result<(MixerDeviceSink, Player), String> {
    let builder = || match name {
        None => DeviceSinkBuilder::from_default_device().map_err(|e| e.to_string()),
        Some(n) => DeviceSinkBuilder::from_device(device_named(n)?).map_err(|e| e.to_string()),
    };
    let callback = || {
        let sink_errors = Arc::clone(errors);
        move |e: rodio::cpal::Error| {
            if let Ok(mut v) = sink_errors.lock() {
                v.push(e.to_string());
            }
        }
    };
    let preferred = SampleRate::new(MUSIC_RATE)
        .ok_or_else(|| "no sample rate".to_string())
        .and_then(|rate| {
            builder()?
                .with_sample_rate(rate)
                .with_sample_format(rodio::cpal::SampleFormat::I16)
                .with_buffer_size(rodio::cpal::BufferSize::Fixed(MUSIC_BUFFER_FRAMES))
                .with_error_callback(callback())
                .open_stream()
                .map_err(|e| e.to_string())
        });
    let mut sink = match preferred {
        Ok(sink) => sink,
        Err(_) => builder()?
            .with_error_callback(callback())
            .open_stream()
            .map_err(|e| e.to_string())?,
    };
    sink.log_on_drop(false);
    let player = Player::connect_new(sink.mixer());
    Ok((sink, player))
}

impl RodioAudio {
    /// Open the default device, or the one named.
    pub fn open(name: Option<&str>) -> Result<RodioAudio, String> {
        let errors = Arc::new(Mutex::new(Vec::new()));
        let (sink, player) = connect(&errors, name)?;
        Ok(RodioAudio {
            device: name.map(str::to_string),
            sink,
            player,
            side: None,
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

    /// The device reported an error: open it again and carry on where the
    /// music was (the same track, from the same point where the format
    /// allows seeking). `Err` when it cannot be reopened.
    fn reopen(&mut self) -> Result<(), String> {
        let pos = self.player.get_pos();
        // Errors from the old stream no longer matter.
        let errors = Arc::new(Mutex::new(Vec::new()));
        let (sink, player) = connect(&errors, self.device.as_deref())?;
        self.errors = errors;
        self.sink = sink;
        self.player = player;
        self.side = None;
        self.player.set_volume(self.volume);
        if self.playing {
            let before = self.events.len();
            self.start_at(self.index);
            // The same track again is not news for the journal.
            if matches!(self.events.get(before), Some(AudioEvent::TrackStarted(_))) {
                self.events.remove(before);
            }
            let _ = self.player.try_seek(pos);
            if self.paused {
                self.player.pause();
            }
        }
        Ok(())
    }

    /// Queue the track at `index`, skipping ones that cannot play.
    fn start_at(&mut self, mut index: usize) {
        while let Some(t) = self.tracks.get(index) {
            let queued = match &t.source {
                TrackSource::Ambient { name, seconds } => {
                    self.player
                        .append(AmbientSource(Ambient::new(name, *seconds)));
                    Ok(())
                }
                TrackSource::File(p) => crate::input::open_regular(p)
                    .map_err(|e| e.to_string())
                    .and_then(|f| rodio::Decoder::try_from(f).map_err(|e| e.to_string()))
                    .map(|d| self.player.append(d)),
            };
            match queued {
                Ok(()) => {
                    self.index = index;
                    self.playing = true;
                    self.events.push(AudioEvent::TrackStarted(t.title.clone()));
                    return;
                }
                Err(e) => {
                    self.events
                        .push(AudioEvent::TrackFailed(t.title.clone(), e));
                    index += 1;
                }
            }
        }
        self.playing = false;
        self.events.push(AudioEvent::Ended);
    }
}

impl RodioAudio {
    /// The side player, connected to the mixer on first use.
    fn side_player(&mut self) -> &Player {
        let mixer = self.sink.mixer();
        self.side.get_or_insert_with(|| Player::connect_new(mixer))
    }
}

impl Audio for RodioAudio {
    fn unavailable(&self) -> Option<String> {
        self.failed.then(|| crate::t!("audio-device-failed"))
    }

    fn play(&mut self, playlist: &Playlist) {
        if self.failed {
            return;
        }
        self.player.clear();
        self.player.play();
        self.paused = false;
        self.fading = None;
        self.player.set_volume(self.volume);
        self.tracks = playlist.tracks.clone();
        self.start_at(0);
    }

    fn pause(&mut self) {
        self.player.pause();
        self.paused = true;
    }

    fn resume(&mut self) {
        self.player.play();
        self.paused = false;
    }

    fn is_playing(&self) -> bool {
        self.playing && !self.paused
    }

    fn next(&mut self) {
        if self.playing {
            self.player.clear();
            self.player.play();
            self.start_at(self.index + 1);
        }
    }

    fn fade_out(&mut self, over: Duration) {
        if self.playing {
            self.fading = Some((Instant::now(), over));
        }
    }

    fn set_volume(&mut self, v: f32) {
        self.volume = v.clamp(0.0, 1.0);
        self.player.set_volume(self.volume);
    }

    fn now_playing(&self) -> Option<(String, Duration)> {
        if !self.playing {
            return None;
        }
        let t = self.tracks.get(self.index)?;
        Some((t.title.clone(), self.player.get_pos()))
    }

    fn preview(&mut self, track: &Track, from: Duration, seconds: u32) {
        if self.failed {
            return;
        }
        let volume = self.volume;
        let side = self.side_player();
        side.clear();
        side.play();
        side.set_volume(volume);
        match &track.source {
            TrackSource::Ambient { name, seconds: len } => {
                let src = AmbientSource(Ambient::new(name, *len)).skip_duration(from);
                side.append(Excerpt::new(src, seconds));
            }
            TrackSource::File(p) => {
                match crate::input::open_regular(p)
                    .map_err(|e| e.to_string())
                    .and_then(|f| rodio::Decoder::try_from(f).map_err(|e| e.to_string()))
                {
                    Ok(d) => side.append(Excerpt::new(d.skip_duration(from), seconds)),
                    Err(e) => self
                        .events
                        .push(AudioEvent::TrackFailed(track.title.clone(), e)),
                }
            }
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
        let side = self.side_player();
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
        // A finished preview or chime lets go of the mixer.
        if self.side.as_ref().is_some_and(Player::empty) {
            self.side = None;
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
                self.reopen().is_ok()
            };
            if reopened {
                self.events.push(AudioEvent::DeviceRecovered(e));
            } else {
                self.failed = true;
                self.playing = false;
                self.player.stop();
                self.events.push(AudioEvent::DeviceFailed(e));
            }
        }
        if let Some((from, over)) = self.fading {
            let done = from.elapsed().as_secs_f32() / over.as_secs_f32().max(0.001);
            if done >= 1.0 {
                self.player.stop();
                self.playing = false;
                self.fading = None;
                self.player.set_volume(self.volume);
            } else {
                self.player.set_volume(self.volume * (1.0 - done));
            }
        } else if self.playing && !self.paused && self.player.empty() {
            self.start_at(self.index + 1);
        }
        let _ = &self.sink;
        std::mem::take(&mut self.events)
    }
}

/// Open the default device and play `seconds` of silence through it, for
/// `kap doctor`. `Err` with the reason when the device does not open or
/// reports an error while playing.
pub fn play_silence(seconds: f32) -> Result<(), String> {
    let errors = Arc::new(Mutex::new(Vec::new()));
    let (_sink, player) = connect(&errors, None)?;
    let silence = rodio::source::Zero::new(
        NonZero::<u16>::MIN,
        NonZero::new(RATE).unwrap_or(NonZero::<u32>::MIN),
    )
    .take_duration(Duration::from_secs_f32(seconds));
    player.append(silence);
    player.sleep_until_end();
    let errs = errors.lock().map(|v| v.clone()).unwrap_or_default();
    match errs.first() {
        Some(e) => Err(e.clone()),
        None => Ok(()),
    }
}
