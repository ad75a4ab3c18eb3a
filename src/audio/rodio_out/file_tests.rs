use super::*;
use rodio::Decoder;

/// Two tones made for these tests (tests/fixtures/audio/README.md).
fn fixture(name: &str) -> std::path::PathBuf {
    std::path::Path::new(env!("CARGO_MANIFEST_DIR"))
        .join("tests/fixtures/audio")
        .join(name)
}

const CD: &str = "tone-44k1-stereo.mp3";
const LOW: &str = "tone-22k05-mono.mp3";

fn open(name: &str) -> FileTrack {
    FileTrack::open(File::open(fixture(name)).unwrap(), Some("mp3")).unwrap()
}

fn rodio_samples(name: &str) -> Vec<f32> {
    Decoder::try_from(File::open(fixture(name)).unwrap())
        .unwrap()
        .collect()
}

#[test]
fn decodes_each_sample_as_rodio_does() {
    for name in [CD, LOW] {
        let ours: Vec<f32> = open(name).collect();
        let theirs = rodio_samples(name);
        assert!(ours.len() > 20_000, "{name}: {}", ours.len());
        assert_eq!(ours.len(), theirs.len(), "{name}");
        assert!(ours == theirs, "{name}: the samples differ");
    }
}

#[test]
fn gives_the_files_format_and_length() {
    let cd = open(CD);
    assert_eq!((cd.channels().get(), cd.sample_rate().get()), (2, 44_100));
    let low = open(LOW);
    assert_eq!((low.channels().get(), low.sample_rate().get()), (1, 22_050));
    let total = cd.total_duration().unwrap().as_secs_f64();
    assert!((total - 1.5).abs() < 0.01, "{total}");
}

#[test]
fn buffers_of_any_size_give_what_samples_one_by_one_give() {
    let one_by_one: Vec<f32> = open(CD).collect();
    // Sizes that split packets (1,152 frames) anywhere.
    for size in [1, 7, 1000, 2304, 8192 * 2] {
        let mut t = open(CD);
        let mut got = Vec::new();
        let mut buf = vec![9.0; size];
        loop {
            let n = t.pull(&mut buf);
            got.extend_from_slice(&buf[..n]);
            if n < buf.len() {
                break;
            }
        }
        assert!(got == one_by_one, "buffers of {size}");
        assert_eq!(t.pull(&mut buf), 0, "ended stays ended");
    }
}

#[test]
fn seeks_to_the_frame() {
    let whole: Vec<f32> = open(CD).collect();
    for at in [0.0, 0.3, 0.7, 1.2] {
        let mut t = open(CD);
        t.seek(Duration::from_secs_f64(at)).unwrap();
        let rest: Vec<f32> = t.collect();
        let skipped = (whole.len() - rest.len()) / 2;
        let expected = (at * 44_100.0).round() as usize;
        assert!(
            skipped.abs_diff(expected) <= 1,
            "seek to {at} s: {skipped} frames skipped, {expected} asked"
        );
        // Past the packets the decoder needed to settle, the samples are
        // the ones a whole decode gives at that point.
        let settled = 4 * 1152 * 2;
        let offset = whole.len() - rest.len();
        assert!(
            rest[settled..] == whole[offset + settled..],
            "seek to {at} s: other samples"
        );
    }
}

#[test]
fn a_seek_past_the_end_ends_the_track() {
    let mut t = open(CD);
    t.seek(Duration::from_secs(60)).unwrap();
    assert!(t.count() < 2 * 1152, "at most the last packet's rest");
}

#[test]
fn a_file_that_is_not_sound_is_refused_with_a_reason() {
    let dir = tempfile::tempdir().unwrap();
    let p = dir.path().join("notes.mp3");
    std::fs::write(&p, "not a sound file at all\n".repeat(100)).unwrap();
    let e = FileTrack::open(File::open(&p).unwrap(), Some("mp3"))
        .err()
        .expect("refused");
    assert!(!e.is_empty());
    let empty = dir.path().join("empty.mp3");
    std::fs::write(&empty, "").unwrap();
    assert!(FileTrack::open(File::open(&empty).unwrap(), Some("mp3")).is_err());
}

#[test]
fn a_file_in_another_format_is_converted_to_the_streams() {
    use super::super::music::Controls;
    let two = ChannelCount::new(2).unwrap();
    let cd = SampleRate::new(44_100).unwrap();
    let mono = open(LOW).count();
    let mut track = super::super::engine::fitted(open(LOW), two, cd, Controls::new(1.0));
    let mut out = vec![0.0; 44_100 * 2 * 2];
    let n = track.fill(&mut out);
    // Each mono sample at 22.05 kHz is two frames of stereo at 44.1 kHz.
    assert!(n.abs_diff(mono * 4) <= 4, "{n} for {mono}");
    assert!(out[..n].iter().any(|s| s.abs() > 0.1), "sound, not silence");
}
