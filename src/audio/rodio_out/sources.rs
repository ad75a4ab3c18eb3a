//! The sources kap makes itself: its ambient pieces, and an excerpt of a
//! track with short fades (previews).

use super::super::ambient::{Ambient, RATE};
use rodio::{ChannelCount, SampleRate, Source};
use std::num::NonZero;
use std::time::Duration;

pub struct AmbientSource(pub Ambient);

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
pub struct Excerpt<S: Source> {
    inner: S,
    n: u64,
    total: u64,
    ramp: u64,
}

impl<S: Source> Excerpt<S> {
    pub fn new(inner: S, seconds: u32) -> Self {
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
