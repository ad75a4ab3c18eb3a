//! The real output path: rodio and cpal open ALSA's default device, which
//! this test points at ALSA's `file` plugin so what plays lands in a WAV
//! file we can measure. ALSA reads its configuration once per process, so
//! each case runs in a child process of this test binary with its own
//! `ALSA_CONFIG_PATH`.
//!
//! On a laptop with speakers, `kap playlists` says whether a device is
//! available, and `kap run` with a playlist chosen plays through it.
#![cfg(feature = "audio")]

use kap::audio::ambient::{Ambient, RATE, wav_bytes};
use kap::audio::{AudioEvent, playlist};
use std::path::Path;
use std::process::Command;
use std::time::{Duration, Instant};

const CHILD: &str = "KAP_AUDIO_TEST_CHILD";

fn run_child(case: &str, alsa_conf: &Path, dir: &Path) -> std::process::Output {
    Command::new(std::env::current_exe().unwrap())
        .args(["--exact", "device_cases", "--nocapture", "--test-threads=1"])
        .env(CHILD, case)
        .env("ALSA_CONFIG_PATH", alsa_conf)
        .env("KAP_TEST_DIR", dir)
        .output()
        .unwrap()
}

/// Whether the WAV file at `path` holds more than `bytes` bytes of
/// samples, one of them loud (16-bit).
fn heard(path: &Path, bytes: usize) -> bool {
    std::fs::read(path).is_ok_and(|b| {
        b.len() > 44 + bytes
            && b[44..]
                .chunks_exact(2)
                .any(|c| i16::from_le_bytes([c[0], c[1]]).unsigned_abs() > 1000)
    })
}

/// Wait until ALSA's `file` plugin has written what `heard` asks for.
fn wait_heard(path: &Path, bytes: usize) {
    let deadline = Instant::now() + Duration::from_secs(20);
    while !heard(path, bytes) {
        assert!(
            Instant::now() < deadline,
            "{} heard nothing in 20 s",
            path.display()
        );
        std::thread::sleep(Duration::from_millis(20));
    }
}

#[test]
fn device_cases() {
    let Ok(case) = std::env::var(CHILD) else {
        return parent();
    };
    let dir = std::path::PathBuf::from(std::env::var("KAP_TEST_DIR").unwrap());
    match case.as_str() {
        "play" => {
            let mut audio = kap::audio::open(kap::i18n::Lang::En);
            assert_eq!(audio.unavailable(), None, "the file device should open");
            // A corrupt file first: skipped, then the real track plays.
            std::fs::write(dir.join("corrupt.mp3"), b"this is not audio at all").unwrap();
            std::fs::write(
                dir.join("tone.wav"),
                wav_bytes(Ambient::new("tone", 2), RATE),
            )
            .unwrap();
            let pl = playlist::parse(
                &dir.join("l.m3u"),
                b"corrupt.mp3\ntone.wav\n",
                kap::i18n::Lang::En,
            );
            audio.play(&pl);
            let mut events = Vec::new();
            let deadline = Instant::now() + Duration::from_secs(20);
            while Instant::now() < deadline {
                events.extend(audio.poll());
                if events.contains(&AudioEvent::Ended) {
                    break;
                }
                std::thread::sleep(Duration::from_millis(20));
            }
            assert!(
                matches!(&events[0], AudioEvent::TrackFailed(t, _) if t == "corrupt"),
                "{events:?}"
            );
            assert_eq!(events[1], AudioEvent::TrackStarted("tone".into()));
            assert!(events.contains(&AudioEvent::Ended), "{events:?}");
            drop(audio);
        }
        "side" => {
            let mut audio = kap::audio::open(kap::i18n::Lang::En);
            assert_eq!(audio.unavailable(), None);
            audio.chime();
            let pl = playlist::parse(
                &dir.join("a.m3u"),
                b"kap-ambient:preview?minutes=2\n",
                kap::i18n::Lang::En,
            );
            audio.preview(&pl.tracks[0], Duration::from_secs(30), 3);
            wait_heard(&dir.join("side.wav"), 16_000);
            drop(audio);
        }
        "alarm" => {
            use kap::session::Clock;
            use kap::tui::app::{App, CLINICIANS, Msg, Screen};
            let path = Path::new(env!("CARGO_MANIFEST_DIR")).join("protocols/montreal.toml");
            let text = std::fs::read_to_string(&path).unwrap();
            let p = std::sync::Arc::new(kap::protocol::load_str(&path, &text).unwrap().protocol);
            let clock = std::sync::Arc::new(kap::session::SimClock::fixed());
            let mut app = App::new(
                kap::i18n::Lang::En,
                kap::record::Store::at(dir.join("data")),
                path,
                text,
                p,
                clock.clone(),
                None,
                false,
                kap::tui::theme::Theme::new(kap::tui::theme::ThemeName::Plain),
            );
            app.audio = kap::audio::open(kap::i18n::Lang::En);
            assert_eq!(
                app.audio.unavailable(),
                None,
                "the music device should open"
            );
            let alarm = kap::audio::open_device("kapalarm", kap::i18n::Lang::En);
            assert_eq!(alarm.unavailable(), None, "the alarm device should open");
            app.alarm_audio = Some(alarm);
            app.chime_on = true;
            let form = app.new_start_form("P", Some(3), Some(70.0));
            app.screen = Screen::Start(Box::new(form));
            app.set_start_field(CLINICIANS, "A. Martin, RN");
            let now = clock.now();
            assert!(app.update(Msg::Begin, &now));
            app.on_tick(&now);
            // A reading past a high limit: its alarm sounds.
            assert!(app.update(Msg::Vitals("210/125 80 89".into()), &now));
            app.on_tick(&now);
            // Heard on the alarm's device; the parent then checks that the
            // music's device, open all along, heard nothing.
            wait_heard(&dir.join("alarm.wav"), 0);
            drop(app);
        }
        "none" => {
            let audio = kap::audio::open(kap::i18n::Lang::En);
            let why = audio.unavailable().expect("no device: silent backend");
            assert!(why.starts_with("no audio device"), "{why}");
        }
        other => panic!("unknown case {other}"),
    }
}

fn parent() {
    let tmp = tempfile::tempdir().unwrap();
    let out_wav = tmp.path().join("captured.wav");
    let conf = tmp.path().join("asound.conf");
    std::fs::write(
        &conf,
        format!(
            "pcm.!default {{\n  type file\n  slave.pcm \"null\"\n  file \"{}\"\n  format \"wav\"\n}}\npcm.null {{ type null }}\n",
            out_wav.display()
        ),
    )
    .unwrap();
    let out = run_child("play", &conf, tmp.path());
    assert!(
        String::from_utf8_lossy(&out.stdout).contains("1 passed"),
        "the child ran no test: {}",
        String::from_utf8_lossy(&out.stdout)
    );
    assert!(
        out.status.success(),
        "{}\n{}",
        String::from_utf8_lossy(&out.stdout),
        String::from_utf8_lossy(&out.stderr)
    );
    // What played is in the capture: not silent, and about as long as the
    // track (the file device runs as fast as it can, so only the data is
    // measured, never the wall time).
    let bytes = std::fs::read(&out_wav).unwrap();
    assert!(bytes.len() > 44, "captured {} bytes", bytes.len());
    let channels = u16::from_le_bytes([bytes[22], bytes[23]]) as usize;
    let rate = u32::from_le_bytes([bytes[24], bytes[25], bytes[26], bytes[27]]) as f64;
    let bits = u16::from_le_bytes([bytes[34], bytes[35]]) as usize;
    let data = &bytes[44..];
    let frames = data.len() / (channels * bits / 8);
    let seconds = frames as f64 / rate;
    assert!(seconds >= 1.9, "captured {seconds:.2} s");
    let loud = if bits == 16 {
        data.chunks_exact(2)
            .map(|c| i16::from_le_bytes([c[0], c[1]]).unsigned_abs() as u64)
            .max()
            .unwrap_or(0)
            > 1000
    } else {
        data.iter().any(|b| *b != 0)
    };
    assert!(loud, "the capture is silent");

    // A chime and a 3-second preview, beside no playlist: both are heard.
    let side_wav = tmp.path().join("side.wav");
    let side_conf = tmp.path().join("side.conf");
    std::fs::write(
        &side_conf,
        std::fs::read_to_string(&conf).unwrap().replace(
            &out_wav.display().to_string(),
            &side_wav.display().to_string(),
        ),
    )
    .unwrap();
    let out = run_child("side", &side_conf, tmp.path());
    assert!(
        String::from_utf8_lossy(&out.stdout).contains("1 passed"),
        "{}",
        String::from_utf8_lossy(&out.stderr)
    );
    assert!(
        heard(&side_wav, 16_000),
        "chime and preview are silent, or short"
    );

    // Alarms to their own device: the music's device stays silent.
    let music_wav = tmp.path().join("music.wav");
    let alarm_wav = tmp.path().join("alarm.wav");
    let two = tmp.path().join("two.conf");
    std::fs::write(
        &two,
        format!(
            "pcm.!default {{\n  type file\n  slave.pcm \"null\"\n  file \"{}\"\n  format \"wav\"\n}}\n\
             pcm.kapalarm {{\n  type file\n  slave.pcm \"null\"\n  file \"{}\"\n  format \"wav\"\n  hint {{ show on description \"kap alarm test\" }}\n}}\n\
             pcm.null {{ type null }}\n",
            music_wav.display(),
            alarm_wav.display()
        ),
    )
    .unwrap();
    let out = run_child("alarm", &two, tmp.path());
    assert!(
        String::from_utf8_lossy(&out.stdout).contains("1 passed") && out.status.success(),
        "{}\n{}",
        String::from_utf8_lossy(&out.stdout),
        String::from_utf8_lossy(&out.stderr)
    );
    assert!(heard(&alarm_wav, 0), "the alarm device heard nothing");
    assert!(
        !heard(&music_wav, 0),
        "the alarm reached the music's device"
    );

    // An empty configuration: no default device at all.
    let empty = tmp.path().join("empty.conf");
    std::fs::write(&empty, "").unwrap();
    let out = run_child("none", &empty, tmp.path());
    assert!(String::from_utf8_lossy(&out.stdout).contains("1 passed"));
    assert!(
        out.status.success(),
        "{}\n{}",
        String::from_utf8_lossy(&out.stdout),
        String::from_utf8_lossy(&out.stderr)
    );
}
