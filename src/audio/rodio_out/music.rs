//! The track that plays, as one lean source. rodio's `Player` wraps every
//! sample in eight adapters (speed, position, pause, volume, skip, stop, a
//! 5 ms check of its controls behind four mutexes, an end signal) and a
//! queue that, once empty, keeps feeding silence for as long as the player
//! lives. A `Music` reads its controls (volume, pause, stop: atomics) once
//! every `CHECK_FRAMES` frames, multiplies each sample by the volume,
//! counts what it played, and leaves the stream when its track ends or it
//! is stopped: with nothing playing, the sound thread has nothing to pull.

use rodio::{ChannelCount, SampleRate, Source};
use std::sync::Arc;
use std::sync::atomic::{AtomicBool, AtomicU32, AtomicU64, Ordering};
use std::time::Duration;

/// How often (in frames) the controls are read: about 12 ms at 44.1 kHz,
/// finer than a listener hears a pause or a volume step land.
pub const CHECK_FRAMES: u32 = 512;

/// Shared between the app (which sets) and the sound thread (which reads).
#[derive(Debug)]
pub struct Controls {
    volume: AtomicU32,
    paused: AtomicBool,
    stopped: AtomicBool,
    /// Samples (all channels) handed to the stream so far.
    played: AtomicU64,
    /// The track ended, or was stopped, and left the stream.
    done: AtomicBool,
}

impl Controls {
    pub fn new(volume: f32) -> Arc<Controls> {
        Arc::new(Controls {
            volume: AtomicU32::new(volume.to_bits()),
            paused: AtomicBool::new(false),
            stopped: AtomicBool::new(false),
            played: AtomicU64::new(0),
            done: AtomicBool::new(false),
        })
    }
    pub fn set_volume(&self, v: f32) {
        self.volume.store(v.to_bits(), Ordering::Relaxed);
    }
    pub fn set_paused(&self, p: bool) {
        self.paused.store(p, Ordering::Relaxed);
    }
    /// Leave the stream at the next check.
    pub fn stop(&self) {
        self.stopped.store(true, Ordering::Relaxed);
    }
    pub fn is_done(&self) -> bool {
        self.done.load(Ordering::Acquire)
    }
    pub fn played_samples(&self) -> u64 {
        self.played.load(Ordering::Relaxed)
    }
}

/// A source played at the volume its controls say, paused as they say.
pub struct Music<S: Source> {
    inner: S,
    controls: Arc<Controls>,
    volume: f32,
    paused: bool,
    /// Samples left before the controls are read again.
    until_check: u32,
    check_every: u32,
    played: u64,
}

impl<S: Source> Music<S> {
    pub fn new(inner: S, controls: Arc<Controls>) -> Music<S> {
        let check_every = CHECK_FRAMES * u32::from(inner.channels().get());
        Music {
            inner,
            controls,
            volume: 1.0,
            paused: false,
            until_check: 0,
            check_every,
            played: 0,
        }
    }

    fn finish(&mut self) {
        self.controls.played.store(self.played, Ordering::Relaxed);
        self.controls.done.store(true, Ordering::Release);
    }
}

impl<S: Source> Drop for Music<S> {
    // Dropped by the sound thread (the stream closed, or the track ended): the
    // app sees the track as gone either way.
    fn drop(&mut self) {
        self.finish();
    }
}

impl<S: Source> Music<S> {
    /// Read the controls: a whole number of frames since the last check,
    /// so a pause or a stop never splits a frame across channels. `false`
    /// when stopped.
    fn check(&mut self) -> bool {
        let c = &self.controls;
        c.played.store(self.played, Ordering::Relaxed);
        if c.stopped.load(Ordering::Relaxed) {
            self.finish();
            return false;
        }
        self.volume = f32::from_bits(c.volume.load(Ordering::Relaxed));
        self.paused = c.paused.load(Ordering::Relaxed);
        self.until_check = self.check_every;
        true
    }
}

/// A track the sound thread fills its buffers from: one call a buffer,
/// the samples pulled from the decoder in a loop the compiler sees whole.
pub trait Fill: Send {
    /// Write up to `out.len()` samples; fewer means the track is over
    /// (ended, or stopped).
    fn fill(&mut self, out: &mut [f32]) -> usize;
}

impl<S: Source + Send> Fill for Music<S> {
    fn fill(&mut self, out: &mut [f32]) -> usize {
        let mut n = 0;
        while n < out.len() {
            if self.until_check == 0 && !self.check() {
                return n;
            }
            let take = (self.until_check as usize).min(out.len() - n);
            let chunk = &mut out[n..n + take];
            if self.paused {
                chunk.fill(0.0);
            } else {
                let volume = self.volume;
                for (i, o) in chunk.iter_mut().enumerate() {
                    match self.inner.next() {
                        Some(s) => *o = s * volume,
                        None => {
                            self.played += i as u64;
                            self.finish();
                            return n + i;
                        }
                    }
                }
                self.played += take as u64;
            }
            self.until_check -= take as u32;
            n += take;
        }
        n
    }
}

impl<S: Source> Iterator for Music<S> {
    type Item = rodio::Sample;

    #[inline]
    fn next(&mut self) -> Option<rodio::Sample> {
        if self.until_check == 0 && !self.check() {
            return None;
        }
        self.until_check -= 1;
        if self.paused {
            return Some(0.0);
        }
        match self.inner.next() {
            Some(s) => {
                self.played += 1;
                Some(s * self.volume)
            }
            None => {
                self.finish();
                None
            }
        }
    }
}

impl<S: Source> Source for Music<S> {
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
        self.inner.total_duration()
    }
}

/// How far into a track `played` samples are, for a source of `channels`
/// at `rate`, that started `from` in.
pub fn position(from: Duration, played: u64, rate: u32, channels: u16) -> Duration {
    let per_sec = u64::from(rate) * u64::from(channels);
    if per_sec == 0 {
        return from;
    }
    from + Duration::from_secs_f64(played as f64 / per_sec as f64)
}

#[cfg(test)]
mod tests {
    use super::*;
    use rodio::buffer::SamplesBuffer;
    use std::num::NonZero;

    fn stereo(frames: usize) -> SamplesBuffer {
        let two = NonZero::new(2).unwrap();
        let rate = NonZero::new(44_100).unwrap();
        SamplesBuffer::new(two, rate, vec![0.5; frames * 2])
    }

    #[test]
    fn plays_at_the_volume_and_leaves_at_the_end() {
        let c = Controls::new(0.5);
        let mut m = Music::new(stereo(3), Arc::clone(&c));
        let got: Vec<f32> = m.by_ref().collect();
        assert_eq!(got, vec![0.25; 6]);
        assert!(c.is_done(), "the end of the track is seen by the app");
        assert_eq!(c.played_samples(), 6);
    }

    #[test]
    fn a_pause_gives_silence_without_using_the_track() {
        let c = Controls::new(1.0);
        let frames = CHECK_FRAMES as usize * 3;
        let mut m = Music::new(stereo(frames), Arc::clone(&c));
        let first: Vec<f32> = m.by_ref().take(CHECK_FRAMES as usize * 2).collect();
        assert!(first.iter().all(|s| *s == 0.5));
        c.set_paused(true);
        let quiet: Vec<f32> = m.by_ref().take(CHECK_FRAMES as usize * 4).collect();
        assert!(quiet.iter().all(|s| *s == 0.0), "silence while paused");
        c.set_paused(false);
        // Resumed where it was: the rest of the track, all of it.
        let rest: Vec<f32> = m.by_ref().collect();
        assert_eq!(rest.len(), frames * 2 - CHECK_FRAMES as usize * 2);
        assert!(rest.iter().all(|s| *s == 0.5));
        assert!(c.is_done());
    }

    #[test]
    fn a_volume_change_lands_within_one_check() {
        let c = Controls::new(1.0);
        let mut m = Music::new(stereo(CHECK_FRAMES as usize * 4), Arc::clone(&c));
        m.next();
        c.set_volume(0.25);
        let step = CHECK_FRAMES as usize * 2;
        let block: Vec<f32> = m.by_ref().take(step).collect();
        assert_eq!(block[step - 2], 1.0 * 0.5, "the old volume to the check");
        assert_eq!(block[step - 1], 0.25 * 0.5, "the new one from it");
    }

    #[test]
    fn stopping_takes_it_out_of_the_stream_on_a_frame_boundary() {
        let c = Controls::new(1.0);
        let mut m = Music::new(stereo(CHECK_FRAMES as usize * 4), Arc::clone(&c));
        m.next();
        c.stop();
        let n = m.by_ref().count();
        assert_eq!((n + 1) % 2, 0, "whole frames only");
        assert_eq!(n + 1, CHECK_FRAMES as usize * 2);
        assert!(c.is_done());
        assert_eq!(m.next(), None);
    }

    #[test]
    fn filling_buffers_gives_what_pulling_samples_gives() {
        let frames = CHECK_FRAMES as usize * 3 + 7;
        let ramp: Vec<f32> = (0..frames * 2).map(|i| i as f32 / 10_000.0).collect();
        let two = NonZero::new(2).unwrap();
        let rate = NonZero::new(44_100).unwrap();
        let pulled: Vec<f32> = Music::new(
            SamplesBuffer::new(two, rate, ramp.clone()),
            Controls::new(0.5),
        )
        .collect();
        let c = Controls::new(0.5);
        let mut m = Music::new(SamplesBuffer::new(two, rate, ramp), Arc::clone(&c));
        let mut filled = Vec::new();
        let mut buf = vec![9.0; 300];
        loop {
            let n = m.fill(&mut buf);
            filled.extend_from_slice(&buf[..n]);
            if n < buf.len() {
                break;
            }
        }
        assert_eq!(filled, pulled);
        assert!(c.is_done(), "a short fill is the end");
        assert_eq!(c.played_samples(), (frames * 2) as u64);
    }

    #[test]
    fn a_fill_pauses_and_stops_on_the_check_as_pulling_does() {
        let c = Controls::new(1.0);
        let mut m = Music::new(stereo(CHECK_FRAMES as usize * 8), Arc::clone(&c));
        let mut buf = vec![9.0; CHECK_FRAMES as usize * 2];
        assert_eq!(m.fill(&mut buf), buf.len());
        assert!(buf.iter().all(|s| *s == 0.5));
        c.set_paused(true);
        assert_eq!(m.fill(&mut buf), buf.len());
        assert!(buf.iter().all(|s| *s == 0.0), "silence while paused");
        c.stop();
        assert_eq!(m.fill(&mut buf), 0, "stopped: out at once");
        assert!(c.is_done());
    }

    #[test]
    fn dropped_by_the_sound_thread_counts_as_gone() {
        let c = Controls::new(1.0);
        drop(Music::new(stereo(10), Arc::clone(&c)));
        assert!(c.is_done());
    }

    #[test]
    fn position_counts_from_where_the_track_was_started() {
        let p = position(Duration::from_secs(10), 44_100 * 2 * 3, 44_100, 2);
        assert_eq!(p, Duration::from_secs(13));
        assert_eq!(
            position(Duration::from_secs(1), 5, 0, 2),
            Duration::from_secs(1)
        );
    }
}
