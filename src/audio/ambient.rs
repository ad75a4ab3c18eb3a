//! Ambient pieces kap synthesises itself: slow, soft drones that are ours
//! to ship, used for the demo playlist and as the fallback when a chosen
//! playlist cannot play. Pure sample arithmetic — no files, no device.

use std::f32::consts::TAU;

/// Sample rate of generated audio.
pub const RATE: u32 = 22_050;

/// A stereo-free (mono) generated piece, as an iterator of samples in
/// [-1, 1]. The name picks the harmony, so each piece sounds its own.
#[derive(Debug, Clone)]
pub struct Ambient {
    partials: Vec<(f32, f32, f32)>, // frequency, level, tremolo rate
    total: u64,
    n: u64,
}

impl Ambient {
    pub fn new(name: &str, seconds: u32) -> Ambient {
        // A root between 98 and 147 Hz from the name, with a fifth, an
        // octave and a soft ninth above it.
        let h = name.bytes().fold(2166136261u32, |h, b| {
            (h ^ u32::from(b)).wrapping_mul(16777619)
        });
        let root = 98.0 + (h % 50) as f32;
        let partials = vec![
            (root, 0.30, 0.05),
            (root * 1.5, 0.18, 0.07),
            (root * 2.0, 0.12, 0.031),
            (root * 2.25, 0.06, 0.043),
        ];
        Ambient {
            partials,
            total: u64::from(seconds) * u64::from(RATE),
            n: 0,
        }
    }

    pub fn seconds(&self) -> f64 {
        self.total as f64 / f64::from(RATE)
    }

    /// Go to `at` from the start (the end, if past it): the samples there
    /// are computed from their time, so nothing before is synthesised.
    pub fn seek(&mut self, at: std::time::Duration) {
        let n = (at.as_secs_f64() * f64::from(RATE)) as u64;
        self.n = n.min(self.total);
    }
}

impl Iterator for Ambient {
    type Item = f32;

    fn next(&mut self) -> Option<f32> {
        if self.n >= self.total {
            return None;
        }
        let t = self.n as f32 / RATE as f32;
        let mut v = 0.0;
        for (f, level, trem) in &self.partials {
            let swell = 0.6 + 0.4 * (TAU * trem * t).sin();
            v += level * swell * (TAU * f * t).sin();
        }
        // Five-second fades in and out: nothing starts or stops abruptly.
        let fade = RATE as u64 * 5;
        let edge = self.n.min(self.total - self.n).min(fade) as f32 / fade as f32;
        self.n += 1;
        Some(v * edge * 0.5)
    }

    fn size_hint(&self) -> (usize, Option<usize>) {
        let left = (self.total - self.n) as usize;
        (left, Some(left))
    }
}

/// A soft, short chime: two bell-like partials with a quick attack and a
/// slow decay, about 1.5 s, peak well below full scale.
pub fn chime() -> Vec<f32> {
    let n = (RATE as f32 * 1.5) as usize;
    (0..n)
        .map(|i| {
            let t = i as f32 / RATE as f32;
            let attack = (t / 0.01).min(1.0);
            let decay = (-3.0 * t).exp();
            0.25 * attack * decay * ((TAU * 660.0 * t).sin() + 0.4 * (TAU * 1320.0 * t).sin())
        })
        .collect()
}

/// Write a mono 16-bit WAV of `samples` (for `kap music render` and tests).
pub fn wav_bytes(samples: impl Iterator<Item = f32>, rate: u32) -> Vec<u8> {
    let data: Vec<u8> = samples
        .flat_map(|s| ((s.clamp(-1.0, 1.0) * 32767.0) as i16).to_le_bytes())
        .collect();
    let mut out = Vec::with_capacity(44 + data.len());
    out.extend_from_slice(b"RIFF");
    out.extend_from_slice(&(36 + data.len() as u32).to_le_bytes());
    out.extend_from_slice(b"WAVEfmt ");
    out.extend_from_slice(&16u32.to_le_bytes());
    out.extend_from_slice(&1u16.to_le_bytes()); // PCM
    out.extend_from_slice(&1u16.to_le_bytes()); // mono
    out.extend_from_slice(&rate.to_le_bytes());
    out.extend_from_slice(&(rate * 2).to_le_bytes());
    out.extend_from_slice(&2u16.to_le_bytes());
    out.extend_from_slice(&16u16.to_le_bytes());
    out.extend_from_slice(b"data");
    out.extend_from_slice(&(data.len() as u32).to_le_bytes());
    out.extend_from_slice(&data);
    out
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn the_chime_is_short_soft_and_fades() {
        let c = chime();
        assert!(c.len() < RATE as usize * 2);
        let peak = c.iter().fold(0.0f32, |m, s| m.max(s.abs()));
        assert!(peak > 0.05 && peak < 0.5, "peak {peak}");
        let tail = c[c.len() - 100..]
            .iter()
            .fold(0.0f32, |m, s| m.max(s.abs()));
        assert!(tail < peak / 10.0);
    }

    #[test]
    fn pieces_have_their_length_fade_in_and_are_not_silent() {
        let a = Ambient::new("dawn", 12);
        let samples: Vec<f32> = a.collect();
        assert_eq!(samples.len(), 12 * RATE as usize);
        assert_eq!(samples[0], 0.0, "starts from silence");
        let rms = (samples.iter().map(|s| s * s).sum::<f32>() / samples.len() as f32).sqrt();
        assert!(rms > 0.05, "rms {rms}");
        assert!(samples.iter().all(|s| s.abs() <= 1.0));
        let other: Vec<f32> = Ambient::new("dusk", 1).collect();
        assert_ne!(&samples[1000..1100], &other[1000..1100]);
    }

    #[test]
    fn seeking_lands_on_the_same_samples_as_playing_up_to_there() {
        let whole: Vec<f32> = Ambient::new("dawn", 12).collect();
        let mut a = Ambient::new("dawn", 12);
        a.seek(std::time::Duration::from_secs(7));
        let rest: Vec<f32> = a.collect();
        assert_eq!(rest.len(), 5 * RATE as usize);
        assert_eq!(&rest[..], &whole[7 * RATE as usize..]);
        let mut past = Ambient::new("dawn", 1);
        past.seek(std::time::Duration::from_secs(5));
        assert_eq!(past.next(), None, "past the end: nothing left");
    }
}
