//! A music file, decoded a packet at a time straight into a buffer the
//! track keeps, and handed to the stream a buffer at a time. rodio's
//! `Decoder` gives one sample per call (through its format enum) and
//! allocates and zeroes a new buffer for every packet; at CD rate that
//! per-sample path cost about as much as a third of the decoding itself
//! (docs/performance.md). The format is read with symphonia (what rodio
//! decodes with), probed and set up as rodio does it: the first track
//! with a codec, gapless, seeks accurate to the frame.
//!
//! A track keeps the format of its first packet for its whole length: a
//! file whose rate or channels change part-way ends there (the playlist
//! goes on to the next track), so a buffer is never read in a format the
//! stream was not fitted to.

use super::music::Pull;
use rodio::{ChannelCount, SampleRate, Source};
use std::fs::File;
use std::time::Duration;
use symphonia::core::audio::{Channels, SampleBuffer, SignalSpec};
use symphonia::core::codecs::{CODEC_TYPE_NULL, Decoder, DecoderOptions};
use symphonia::core::errors::Error;
use symphonia::core::formats::{FormatOptions, FormatReader, SeekMode, SeekTo};
use symphonia::core::io::MediaSourceStream;
use symphonia::core::meta::MetadataOptions;
use symphonia::core::probe::Hint;

pub struct FileTrack {
    format: Box<dyn FormatReader>,
    decoder: Box<dyn Decoder>,
    track: u32,
    /// The format of the first packet, kept for the whole track (no
    /// channels until it is decoded).
    spec: SignalSpec,
    channels: ChannelCount,
    rate: SampleRate,
    /// The last packet decoded, interleaved; `at` is the next sample.
    buf: SampleBuffer<f32>,
    at: usize,
    total: Option<Duration>,
    ended: bool,
}

impl FileTrack {
    /// Open `file` (its name's extension, if any, as a hint) and decode its
    /// first packet. `Err` with the decoder's reason when it is not a
    /// format kap plays or holds no audio.
    pub fn open(file: File, extension: Option<&str>) -> Result<FileTrack, String> {
        let mut hint = Hint::new();
        if let Some(ext) = extension {
            hint.with_extension(ext);
        }
        let mss = MediaSourceStream::new(Box::new(file), Default::default());
        let options = FormatOptions {
            enable_gapless: true,
            ..Default::default()
        };
        let probed = symphonia::default::get_probe()
            .format(&hint, mss, &options, &MetadataOptions::default())
            .map_err(|e| e.to_string())?;
        let format = probed.format;
        let track = format
            .tracks()
            .iter()
            .find(|t| t.codec_params.codec != CODEC_TYPE_NULL)
            .ok_or("no audio track")?;
        let decoder = symphonia::default::get_codecs()
            .make(&track.codec_params, &DecoderOptions::default())
            .map_err(|e| e.to_string())?;
        let total = track
            .codec_params
            .time_base
            .zip(track.codec_params.n_frames)
            .map(|(base, frames)| Duration::from(base.calc_time(frames)))
            .filter(|d| !d.is_zero());
        let id = track.id;
        let mut t = FileTrack {
            format,
            decoder,
            track: id,
            spec: SignalSpec::new(0, Default::default()),
            channels: ChannelCount::MIN,
            rate: SampleRate::MIN,
            // Empty until the first packet: grown to the largest packet.
            buf: SampleBuffer::new(0, SignalSpec::new(1, Channels::FRONT_LEFT)),
            at: 0,
            total,
            ended: false,
        };
        if !t.decode_next() {
            return Err("no audio in the file".to_string());
        }
        let spec = t.spec;
        t.channels = u16::try_from(spec.channels.count())
            .ok()
            .and_then(ChannelCount::new)
            .ok_or("no channels")?;
        t.rate = SampleRate::new(spec.rate).ok_or("no sample rate")?;
        Ok(t)
    }

    /// Decode the next packet of the track that holds audio into `buf`.
    /// `false` at the end of the file, on an error that is not one bad
    /// packet, or when the packet's format is not the track's.
    fn decode_next(&mut self) -> bool {
        loop {
            let packet = match self.format.next_packet() {
                Ok(p) => p,
                Err(_) => return false,
            };
            if packet.track_id() != self.track {
                continue;
            }
            let decoded = match self.decoder.decode(&packet) {
                Ok(d) => d,
                // One damaged packet is skipped, as rodio does.
                Err(Error::DecodeError(_)) => continue,
                Err(_) => return false,
            };
            if decoded.frames() == 0 {
                continue;
            }
            let spec = *decoded.spec();
            if spec.channels.count() == 0 {
                return false;
            }
            if self.spec.channels.count() == 0 {
                self.spec = spec;
            } else if spec != self.spec {
                return false;
            }
            let needed = decoded.capacity() * spec.channels.count();
            if self.buf.capacity() < needed {
                self.buf = SampleBuffer::new(decoded.capacity() as u64, spec);
            }
            self.buf.copy_interleaved_ref(decoded);
            self.at = 0;
            return true;
        }
    }

    /// Samples left in the buffer, decoding the next packet when it is
    /// used up; empty once the track has ended.
    fn ready(&mut self) -> &[f32] {
        if self.at >= self.buf.len() && (self.ended || !self.decode_next()) {
            self.ended = true;
            return &[];
        }
        &self.buf.samples()[self.at..]
    }

    /// Go to `to` (to the end, if past it), to the frame. `Err` when the
    /// format cannot seek; the track is then where it was.
    pub fn seek(&mut self, to: Duration) -> Result<(), String> {
        let base = self
            .decoder
            .codec_params()
            .time_base
            .ok_or("the file has no time base to seek by")?;
        let to = self.total.map_or(to, |t| to.min(t));
        let got = self
            .format
            .seek(
                SeekMode::Accurate,
                SeekTo::Time {
                    time: to.into(),
                    track_id: Some(self.track),
                },
            )
            .map_err(|e| e.to_string())?;
        self.decoder.reset();
        self.at = self.buf.len();
        self.ended = false;
        // The demuxer lands at or before the point: decode up to it.
        let late = Duration::from(base.calc_time(got.required_ts.saturating_sub(got.actual_ts)));
        let frames = (late.as_secs_f64() * f64::from(self.rate.get())).ceil() as usize;
        let mut skip = frames * usize::from(self.channels.get());
        while skip > 0 {
            let n = self.ready().len().min(skip);
            if n == 0 {
                break;
            }
            self.at += n;
            skip -= n;
        }
        Ok(())
    }
}

impl Pull for FileTrack {
    fn pull(&mut self, out: &mut [f32]) -> usize {
        let mut n = 0;
        while n < out.len() {
            let ready = self.ready();
            let take = ready.len().min(out.len() - n);
            if take == 0 {
                break;
            }
            out[n..n + take].copy_from_slice(&ready[..take]);
            self.at += take;
            n += take;
        }
        n
    }
}

impl Iterator for FileTrack {
    type Item = f32;
    fn next(&mut self) -> Option<f32> {
        let s = *self.ready().first()?;
        self.at += 1;
        Some(s)
    }
}

impl Source for FileTrack {
    /// The format never changes within a track (see the module's note).
    fn current_span_len(&self) -> Option<usize> {
        None
    }
    fn channels(&self) -> ChannelCount {
        self.channels
    }
    fn sample_rate(&self) -> SampleRate {
        self.rate
    }
    fn total_duration(&self) -> Option<Duration> {
        self.total
    }
}

#[cfg(test)]
#[path = "file_tests.rs"]
mod tests;
