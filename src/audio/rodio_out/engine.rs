//! kap's own output stream: what the sound thread runs each time the
//! device wants a buffer. rodio's device sink pulls its mixer one sample at
//! a time through a chain (pending sources checked each frame, every
//! source's format converter, a sum, a conversion), and that chain cost
//! more than decoding the MP3 itself (docs/performance.md). Here a buffer
//! is filled in three tight passes: the track's samples, then a preview
//! or chime added only while one sounds, then the conversion to the
//! device's sample type. Nothing is converted when the track's format is
//! the device's (a CD-rate stereo file on the 44.1 kHz stream kap asks
//! for); anything else goes through rodio's converter.

use rodio::cpal::traits::{DeviceTrait, StreamTrait};
use rodio::cpal::{self, FromSample, SizedSample};
use rodio::source::UniformSourceIterator;
use rodio::{ChannelCount, SampleRate, Source};
use std::sync::Arc;
use std::sync::mpsc::{Receiver, Sender, channel};

use super::music::{Controls, Fill, Music};

pub type Boxed = Box<dyn Source<Item = f32> + Send>;

/// What the app sends the sound thread.
pub enum Cmd {
    /// Play this instead of the track playing (in the device's format:
    /// `fitted`).
    Music(Box<dyn Fill>),
    /// Sound this beside the music (a preview's or chime's queue).
    Side(Boxed),
    /// The side sound is over: stop pulling it.
    SideOff,
}

/// The sound thread's side: the sources it pulls and the buffer it mixes
/// in. Pure: `fill` is driven by the device, or by a test.
pub struct Engine {
    channels: ChannelCount,
    rate: SampleRate,
    music: Option<Box<dyn Fill>>,
    side: Option<Boxed>,
    rx: Receiver<Cmd>,
}

/// `s` as a track for a stream of `channels` at `rate`: as it is when it
/// already is in that format (a CD-rate stereo file on the 44.1 kHz
/// stream kap asks for), else through rodio's converter. The converter is
/// built here, on the app's thread, not in the sound thread.
pub fn fitted<S>(
    s: S,
    channels: ChannelCount,
    rate: SampleRate,
    controls: Arc<Controls>,
) -> Box<dyn Fill>
where
    S: Source<Item = f32> + Send + 'static,
{
    if s.channels() == channels && s.sample_rate() == rate {
        Box::new(Music::new(s, controls))
    } else {
        Box::new(Music::new(
            UniformSourceIterator::new(s, channels, rate),
            controls,
        ))
    }
}

impl Engine {
    pub fn new(channels: ChannelCount, rate: SampleRate) -> (Engine, Sender<Cmd>) {
        let (tx, rx) = channel();
        let e = Engine {
            channels,
            rate,
            music: None,
            side: None,
            rx,
        };
        (e, tx)
    }

    /// Fill `out` (interleaved samples in the device's format) with the
    /// music and any side sound; silence where there is neither.
    pub fn fill(&mut self, out: &mut [f32]) {
        while let Ok(cmd) = self.rx.try_recv() {
            match cmd {
                Cmd::Music(s) => self.music = Some(s),
                // A queue: what it will hold is not known yet, so always
                // through the converter (it follows each sound's format).
                Cmd::Side(s) => {
                    self.side = Some(Box::new(UniformSourceIterator::new(
                        s,
                        self.channels,
                        self.rate,
                    )))
                }
                Cmd::SideOff => self.side = None,
            }
        }
        let filled = self.music.as_mut().map_or(0, |m| m.fill(out));
        if filled < out.len() {
            // Ended (or stopped): out of the stream.
            self.music = None;
        }
        out[filled..].fill(0.0);
        if let Some(s) = self.side.as_mut() {
            for o in out.iter_mut() {
                match s.next() {
                    Some(v) => *o += v,
                    None => {
                        self.side = None;
                        break;
                    }
                }
            }
        }
    }
}

/// An open stream and the way to talk to its sound thread.
pub struct Output {
    pub tx: Sender<Cmd>,
    pub channels: ChannelCount,
    pub rate: SampleRate,
    stream: cpal::Stream,
    paused: bool,
    /// The device refused to pause once: it runs on, and is not asked
    /// again.
    cannot_pause: bool,
}

impl Output {
    /// Pause the device, keeping it open: the sound thread sleeps until
    /// it runs again. A device that cannot pause runs on.
    pub fn pause(&mut self) {
        if !self.paused && !self.cannot_pause {
            self.paused = self.stream.pause().is_ok();
            self.cannot_pause = !self.paused;
        }
    }

    /// Let a paused device run again. The device's error when it will
    /// not.
    pub fn resume(&mut self) -> Result<(), String> {
        if self.paused {
            self.stream.play().map_err(|e| e.to_string())?;
            self.paused = false;
        }
        Ok(())
    }

    pub fn is_paused(&self) -> bool {
        self.paused
    }
}

/// Open `device` and start its stream, the preferred format first (the
/// device's channels at `rate`, 16-bit, `frames` a buffer), else the
/// device's own default. Errors after opening go to `on_error`.
pub fn open<E>(
    device: &cpal::Device,
    rate: u32,
    frames: u32,
    on_error: impl Fn() -> E,
) -> Result<Output, String>
where
    E: FnMut(cpal::Error) + Send + 'static,
{
    let default = device.default_output_config().map_err(|e| e.to_string())?;
    let preferred = cpal::StreamConfig {
        channels: default.channels(),
        sample_rate: rate,
        buffer_size: cpal::BufferSize::Fixed(frames),
    };
    match start(device, preferred, cpal::SampleFormat::I16, on_error()) {
        Ok(out) => Ok(out),
        Err(_) => start(
            device,
            default.config(),
            default.sample_format(),
            on_error(),
        ),
    }
}

fn start<E>(
    device: &cpal::Device,
    config: cpal::StreamConfig,
    format: cpal::SampleFormat,
    on_error: E,
) -> Result<Output, String>
where
    E: FnMut(cpal::Error) + Send + 'static,
{
    let channels = ChannelCount::new(config.channels).ok_or("no channels")?;
    let rate = SampleRate::new(config.sample_rate).ok_or("no sample rate")?;
    let (engine, tx) = Engine::new(channels, rate);
    use cpal::SampleFormat as F;
    let stream = match format {
        F::I16 => build::<i16, E>(device, config, engine, on_error),
        F::F32 => build::<f32, E>(device, config, engine, on_error),
        F::I32 => build::<i32, E>(device, config, engine, on_error),
        F::U16 => build::<u16, E>(device, config, engine, on_error),
        F::U8 => build::<u8, E>(device, config, engine, on_error),
        F::I8 => build::<i8, E>(device, config, engine, on_error),
        F::F64 => build::<f64, E>(device, config, engine, on_error),
        F::I24 => build::<cpal::I24, E>(device, config, engine, on_error),
        F::U32 => build::<u32, E>(device, config, engine, on_error),
        other => return Err(format!("unsupported sample format {other}")),
    }?;
    stream.play().map_err(|e| e.to_string())?;
    Ok(Output {
        tx,
        channels,
        rate,
        stream,
        paused: false,
        cannot_pause: false,
    })
}

fn build<T, E>(
    device: &cpal::Device,
    config: cpal::StreamConfig,
    mut engine: Engine,
    on_error: E,
) -> Result<cpal::Stream, String>
where
    T: SizedSample + FromSample<f32>,
    E: FnMut(cpal::Error) + Send + 'static,
{
    // Grown to the device's buffer on the first call, then reused.
    let mut mix: Vec<f32> = Vec::new();
    device
        .build_output_stream::<T, _, _>(
            config,
            move |data: &mut [T], _| {
                mix.resize(data.len(), 0.0);
                engine.fill(&mut mix);
                for (o, s) in data.iter_mut().zip(&mix) {
                    *o = T::from_sample(s.clamp(-1.0, 1.0));
                }
            },
            on_error,
            None,
        )
        .map_err(|e| e.to_string())
}

#[cfg(test)]
mod tests {
    use super::*;
    use rodio::buffer::SamplesBuffer;
    use std::num::NonZero;

    fn buf(channels: u16, rate: u32, v: Vec<f32>) -> Boxed {
        Box::new(SamplesBuffer::new(
            NonZero::new(channels).unwrap(),
            NonZero::new(rate).unwrap(),
            v,
        ))
    }

    fn engine() -> (Engine, Sender<Cmd>) {
        Engine::new(NonZero::new(2).unwrap(), NonZero::new(44_100).unwrap())
    }

    /// A track for the engine, fitted to its stereo 44.1 kHz.
    fn track(channels: u16, rate: u32, v: Vec<f32>) -> Cmd {
        let two = NonZero::new(2).unwrap();
        let cd = NonZero::new(44_100).unwrap();
        Cmd::Music(fitted(buf(channels, rate, v), two, cd, Controls::new(1.0)))
    }

    #[test]
    fn silence_with_nothing_to_play() {
        let (mut e, _tx) = engine();
        let mut out = vec![9.0; 8];
        e.fill(&mut out);
        assert_eq!(out, vec![0.0; 8]);
    }

    #[test]
    fn music_in_the_device_format_is_passed_as_it_is_then_leaves() {
        let (mut e, tx) = engine();
        tx.send(track(2, 44_100, vec![0.1, 0.2, 0.3, 0.4])).unwrap();
        let mut out = vec![9.0; 6];
        e.fill(&mut out);
        assert_eq!(out, vec![0.1, 0.2, 0.3, 0.4, 0.0, 0.0]);
        assert!(e.music.is_none(), "an ended track is dropped");
        e.fill(&mut out);
        assert_eq!(out, vec![0.0; 6]);
    }

    #[test]
    fn a_side_sound_is_added_to_the_music_and_converted_to_the_device_format() {
        let (mut e, tx) = engine();
        tx.send(track(2, 44_100, vec![0.25; 8])).unwrap();
        // A mono chime: each of its samples goes to both channels.
        tx.send(Cmd::Side(buf(1, 44_100, vec![0.5, -0.5]))).unwrap();
        let mut out = vec![0.0; 8];
        e.fill(&mut out);
        assert_eq!(out, vec![0.75, 0.75, -0.25, -0.25, 0.25, 0.25, 0.25, 0.25]);
        assert!(e.side.is_none(), "an ended side sound is dropped");
    }

    #[test]
    fn side_off_stops_pulling_a_side_sound_that_would_go_on() {
        let (mut e, tx) = engine();
        tx.send(Cmd::Side(buf(2, 44_100, vec![0.5; 64]))).unwrap();
        let mut out = vec![0.0; 4];
        e.fill(&mut out);
        assert_eq!(out, vec![0.5; 4]);
        tx.send(Cmd::SideOff).unwrap();
        e.fill(&mut out);
        assert_eq!(out, vec![0.0; 4]);
    }

    #[test]
    fn a_new_track_replaces_the_one_playing() {
        let (mut e, tx) = engine();
        tx.send(track(2, 44_100, vec![0.1; 64])).unwrap();
        let mut out = vec![0.0; 2];
        e.fill(&mut out);
        tx.send(track(2, 44_100, vec![0.7; 64])).unwrap();
        e.fill(&mut out);
        assert_eq!(out, vec![0.7; 2]);
    }

    #[test]
    fn a_track_at_another_rate_is_resampled_to_the_devices() {
        let (mut e, tx) = engine();
        // 22,050 Hz mono: twice as many frames out, on both channels.
        tx.send(track(1, 22_050, vec![0.5; 100])).unwrap();
        let mut out = vec![0.0; 400];
        e.fill(&mut out);
        let sounding = out.iter().filter(|s| **s != 0.0).count();
        assert!((390..=400).contains(&sounding), "{sounding}");
    }
}
