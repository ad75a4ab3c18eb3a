//! The sound device: found by name or the system's default, and opened
//! in the format kap asks for first.

use super::engine::{self, Output};
use std::sync::{Arc, Mutex};

/// The output format kap asks for first: the CD rate most music files are
/// at, in 16-bit samples, so the device and the sound server need neither
/// resample nor convert (the shipped ambient piece, at half that rate,
/// doubles cheaply). Buffers of 8,192 frames (186 ms; PulseAudio then
/// holds about 250 ms, mpg123 about 190): a pause, a volume step or a
/// chime lands that much later, which background music and a tone beside
/// an alarm on screen can take, and the sound thread and the sound
/// server wake half as often as with 4,096 frames (music CPU against
/// mpg123: 1.31× with 4,096, 1.04× with 8,192, 0.87× with 16,384, whose
/// 372 ms buffers were thought too slow for a chime; docs/performance.md).
const MUSIC_RATE: u32 = 44_100;
const MUSIC_BUFFER_FRAMES: u32 = 8192;

/// The output device named `name`: its ALSA PCM id (`hw:1,0`,
/// `plughw:CARD=PCH,DEV=0`, a name from `~/.asoundrc`) or the start of its
/// description, as the system lists them.
fn device_named(name: &str, lang: crate::i18n::Lang) -> Result<rodio::cpal::Device, String> {
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
    Err(crate::say!(
        lang,
        "audio-no-such-device",
        name = name.to_string(),
        devices = if listed.is_empty() {
            crate::say!(lang, "value-none")
        } else {
            listed.join(", ")
        }
    ))
}

/// Open the default device, or the one named; its errors are collected in
/// `errors`. The music format above first; if the device refuses it, its
/// own default.
pub(super) fn connect(
    errors: &Arc<Mutex<Vec<String>>>,
    name: Option<&str>,
    lang: crate::i18n::Lang,
) -> Result<Output, String> {
    // Opened while the full screen is up (a stream reopened, a branch's
    // rehearsal): libasound's own lines must not land on it.
    super::super::without_stderr(|| connect_now(errors, name, lang))
}

fn connect_now(
    errors: &Arc<Mutex<Vec<String>>>,
    name: Option<&str>,
    lang: crate::i18n::Lang,
) -> Result<Output, String> {
    use rodio::cpal::traits::HostTrait;
    let device = match name {
        None => rodio::cpal::default_host()
            .default_output_device()
            .ok_or_else(|| "Could not find any output device".to_string())?,
        Some(n) => device_named(n, lang)?,
    };
    let callback = || {
        let sink_errors = Arc::clone(errors);
        move |e: rodio::cpal::Error| {
            if let Ok(mut v) = sink_errors.lock() {
                v.push(e.to_string());
            }
        }
    };
    engine::open(&device, MUSIC_RATE, MUSIC_BUFFER_FRAMES, callback)
}
