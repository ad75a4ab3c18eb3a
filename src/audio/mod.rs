//! Music: playlists, playback behind a small trait, generated ambient
//! pieces, and failure that is a message, never a crash. With the `audio`
//! feature (default) playback goes through rodio; without it, or when no
//! device opens, a silent backend keeps the session going.

pub mod ambient;
pub mod gate;
pub mod hold;
pub mod playlist;
#[cfg(feature = "audio")]
mod rodio_out;

use playlist::{Playlist, Track, TrackSource};
use std::path::Path;
use std::time::Duration;

/// Length of one track: generated pieces know theirs; files are measured
/// (decoder when built with audio, WAV header otherwise), then `#EXTINF`.
pub fn track_seconds(t: &Track) -> Option<f64> {
    match &t.source {
        TrackSource::Ambient { seconds, .. } => Some(f64::from(*seconds)),
        TrackSource::File(p) => measure(p).or(t.extinf_seconds.map(f64::from)),
    }
}

fn measure(p: &Path) -> Option<f64> {
    #[cfg(feature = "audio")]
    {
        if let Some(d) = rodio_out::measure(p) {
            return Some(d);
        }
    }
    wav_seconds(p)
}

/// Duration from a PCM WAV header.
pub fn wav_seconds(p: &Path) -> Option<f64> {
    // The header is at the start; never read a whole (or endless) file.
    let (b, file_len) = crate::input::read_prefix(p, 64 * 1024).ok()?;
    let file_len = usize::try_from(file_len).ok()?;
    if b.len() < 44 || &b[0..4] != b"RIFF" || &b[8..12] != b"WAVE" {
        return None;
    }
    let mut pos = 12;
    let mut byte_rate = None;
    while pos + 8 <= b.len() {
        let id = &b[pos..pos + 4];
        let len = u32::from_le_bytes(b[pos + 4..pos + 8].try_into().ok()?) as usize;
        if id == b"fmt " && pos + 20 <= b.len() {
            byte_rate = Some(u32::from_le_bytes(b[pos + 16..pos + 20].try_into().ok()?));
        }
        if id == b"data" {
            // A data chunk says its length; a file cut short holds less.
            let len = len.min(file_len.saturating_sub(pos + 8));
            return byte_rate
                .filter(|r| *r > 0)
                .map(|r| len as f64 / f64::from(r));
        }
        pos += 8 + len + (len & 1);
    }
    None
}

/// A playlist with what a clinician needs before choosing it.
#[derive(Debug, Clone)]
pub struct PlaylistInfo {
    pub playlist: Playlist,
    pub total_seconds: f64,
    /// Tracks whose length could not be found.
    pub unknown: usize,
    /// Titles of tracks whose file is missing.
    pub missing: Vec<String>,
}

impl PlaylistInfo {
    pub fn of(playlist: Playlist) -> PlaylistInfo {
        let mut total = 0.0;
        let mut unknown = 0;
        let mut missing = Vec::new();
        for t in &playlist.tracks {
            if !t.exists() {
                missing.push(t.title.clone());
                continue;
            }
            match track_seconds(t) {
                Some(s) => total += s,
                None => unknown += 1,
            }
        }
        PlaylistInfo {
            playlist,
            total_seconds: total,
            unknown,
            missing,
        }
    }

    /// "demo-ambient — 5 tracks, 56 min".
    pub fn line(&self, lang: crate::i18n::Lang) -> String {
        let mut s = crate::say!(
            lang,
            "playlist-line",
            name = self.playlist.name.as_str(),
            tracks = self.playlist.tracks.len(),
            minutes = (self.total_seconds / 60.0).round().to_string()
        );
        if self.unknown > 0 {
            s.push_str(&crate::say!(
                lang,
                "playlist-unknown-length",
                count = self.unknown
            ));
        }
        if !self.missing.is_empty() {
            s.push_str(&crate::say!(
                lang,
                "playlist-missing",
                count = self.missing.len()
            ));
        }
        s
    }

    /// A warning when the playlist is shorter than the protocol expects.
    pub fn short_warning(
        &self,
        music: Option<&crate::protocol::Music>,
        lang: crate::i18n::Lang,
    ) -> Option<String> {
        let m = music?;
        let minutes = self.total_seconds / 60.0;
        if self.unknown == 0 && minutes < f64::from(m.expected_minutes.min) {
            Some(crate::say!(
                lang,
                "playlist-short",
                name = self.playlist.name.as_str(),
                minutes = format!("{minutes:.0}"),
                min = m.expected_minutes.min,
                max = m.expected_minutes.max
            ))
        } else {
            None
        }
    }
}

/// What the player reports, for the journal and the screen.
#[derive(Debug, Clone, PartialEq)]
pub enum AudioEvent {
    TrackStarted(String),
    /// A track could not be played and was skipped.
    TrackFailed(String, String),
    /// The playlist reached its end.
    Ended,
    /// The device reported an error and was reopened; playback goes on.
    DeviceRecovered(String),
    /// The device failed; playback stopped.
    DeviceFailed(String),
}

/// Playback, as the app uses it.
pub trait Audio {
    /// Why there is no sound, when there is none (no device, silent build).
    fn unavailable(&self) -> Option<String>;
    /// Whether the alarm tone goes through this output (it does unless a
    /// separate alarm device is open). An output that carries it keeps its
    /// stream open for the whole session; one that does not closes it
    /// while nothing sounds (`hold`).
    fn carries_alarms(&mut self, _yes: bool) {}
    /// Start a playlist from its first playable track.
    fn play(&mut self, playlist: &Playlist);
    fn pause(&mut self);
    fn resume(&mut self);
    fn is_playing(&self) -> bool;
    fn next(&mut self);
    /// Fade out over `over`, then stop.
    fn fade_out(&mut self, over: Duration);
    fn set_volume(&mut self, v: f32);
    /// The track playing and how far into it.
    fn now_playing(&self) -> Option<(String, Duration)>;
    /// Events since the last call. Called on every tick.
    fn poll(&mut self) -> Vec<AudioEvent>;
    /// Play `seconds` of a track from `from` in, faded in and out, beside
    /// (not instead of) the playlist.
    fn preview(&mut self, track: &Track, from: Duration, seconds: u32);
    /// A soft chime, never louder than the music.
    fn chime(&mut self);
    fn volume(&self) -> f32;
}

/// No sound at all: a build without audio, or no device. Music can still be
/// marked as played on another device.
#[derive(Debug, Default)]
pub struct Silent {
    reason: String,
}

impl Silent {
    pub fn new(reason: impl Into<String>) -> Silent {
        Silent {
            reason: reason.into(),
        }
    }
}

impl Audio for Silent {
    fn unavailable(&self) -> Option<String> {
        Some(self.reason.clone())
    }
    fn play(&mut self, _: &Playlist) {}
    fn pause(&mut self) {}
    fn resume(&mut self) {}
    fn is_playing(&self) -> bool {
        false
    }
    fn next(&mut self) {}
    fn fade_out(&mut self, _: Duration) {}
    fn set_volume(&mut self, _: f32) {}
    fn now_playing(&self) -> Option<(String, Duration)> {
        None
    }
    fn poll(&mut self) -> Vec<AudioEvent> {
        Vec::new()
    }
    fn preview(&mut self, _: &Track, _: Duration, _: u32) {}
    fn chime(&mut self) {}
    fn volume(&self) -> f32 {
        0.0
    }
}

/// Open the default device and play a short silent buffer through it, on a
/// thread with a time limit (a stalled device must not hang `kap doctor`).
/// `Err` says why there is no sound.
pub fn probe_silence(limit: Duration, lang: crate::i18n::Lang) -> Result<(), String> {
    #[cfg(feature = "audio")]
    {
        let (tx, rx) = std::sync::mpsc::channel();
        std::thread::spawn(move || {
            let _ = tx.send(rodio_out::play_silence(0.2, lang));
        });
        return match rx.recv_timeout(limit) {
            Ok(r) => r,
            Err(_) => Err(crate::say!(
                lang,
                "audio-did-not-play",
                secs = limit.as_secs().to_string()
            )),
        };
    }
    #[allow(unreachable_code)]
    {
        let _ = limit;
        Err(crate::say!(lang, "audio-built-without"))
    }
}

/// Run `f` with standard error pointed at /dev/null, then restore it.
/// libasound explains a missing or busy device on stderr, a dozen lines
/// written straight onto the terminal kap draws on; every device open
/// goes through here, and the reason reaches the screen as kap's own
/// words (a technical alarm, `kap doctor`'s verdict).
pub fn without_stderr<T>(f: impl FnOnce() -> T) -> T {
    let saved = rustix::io::dup(std::io::stderr()).ok();
    let null = std::fs::OpenOptions::new()
        .write(true)
        .open("/dev/null")
        .ok();
    let hidden = match (&saved, &null) {
        (Some(_), Some(n)) => rustix::stdio::dup2_stderr(n).is_ok(),
        _ => false,
    };
    let r = f();
    if let (true, Some(s)) = (hidden, &saved) {
        let _ = rustix::stdio::dup2_stderr(s);
    }
    r
}

/// Open the best audio output there is: rodio when built with it and a
/// device opens, else the silent backend with the reason.
pub fn open(lang: crate::i18n::Lang) -> Box<dyn Audio> {
    #[cfg(feature = "audio")]
    {
        match rodio_out::RodioAudio::open(None, lang) {
            Ok(a) => return Box::new(a),
            Err(e) => {
                return Box::new(Silent::new(crate::say!(
                    lang,
                    "audio-no-device",
                    error = e.to_string()
                )));
            }
        }
    }
    #[allow(unreachable_code)]
    Box::new(Silent::new(crate::say!(lang, "audio-built-without")))
}

/// As [`open`], the stream stopped (paused, or closed when it carries no
/// alarm) after `linger` with nothing sounding instead of after
/// `hold::LINGER`: for the tests that watch it stop and sound again.
pub fn open_lingering(linger: std::time::Duration, lang: crate::i18n::Lang) -> Box<dyn Audio> {
    #[cfg(feature = "audio")]
    {
        if let Ok(mut a) = rodio_out::RodioAudio::open(None, lang) {
            a.set_linger(linger);
            return Box::new(a);
        }
    }
    let _ = linger;
    open(lang)
}

/// Open the output device named `name` (for alarm sounds, apart from the
/// music): the silent backend with the reason when it cannot be opened.
pub fn open_device(name: &str, lang: crate::i18n::Lang) -> Box<dyn Audio> {
    #[cfg(feature = "audio")]
    {
        match rodio_out::RodioAudio::open(Some(name), lang) {
            Ok(a) => return Box::new(a),
            Err(e) => {
                return Box::new(Silent::new(crate::say!(
                    lang,
                    "audio-alarm-device",
                    error = e.to_string()
                )));
            }
        }
    }
    #[allow(unreachable_code)]
    {
        let _ = name;
        Box::new(Silent::new(crate::say!(lang, "audio-built-without")))
    }
}
