//! The output that carries the alarm tone, idle: paused past its linger
//! (the device kept open, the sound thread asleep), and running again the
//! moment a sound comes, before the sound is given to it. On a real sound
//! server: a private PulseAudio with a null sink, reached through ALSA's
//! pulse plugin, the path a laptop's default device takes. ALSA's own
//! null and file devices cannot pause, so `tests/audio_device.rs` cannot
//! show this. `.ci/run` installs PulseAudio; elsewhere the test skips, and
//! says so, without it.
#![cfg(feature = "audio")]

mod common;

use std::path::{Path, PathBuf};
use std::process::{Command, Stdio};
use std::time::{Duration, Instant};

const CHILD: &str = "KAP_AUDIO_PAUSE_CHILD";
const NAME: &str = "an_idle_alarm_path_pauses_and_a_chime_runs_it_again";

/// A private PulseAudio, killed when dropped.
struct Pulse {
    dir: tempfile::TempDir,
}

impl Pulse {
    fn start() -> Option<Pulse> {
        let plugin = [
            "/usr/lib/x86_64-linux-gnu/alsa-lib/libasound_module_pcm_pulse.so",
            "/usr/lib/aarch64-linux-gnu/alsa-lib/libasound_module_pcm_pulse.so",
        ]
        .iter()
        .any(|p| Path::new(p).exists());
        if !plugin {
            return None;
        }
        let dir = tempfile::tempdir().ok()?;
        std::fs::write(
            dir.path().join("asound.conf"),
            "pcm.!default { type pulse }\nctl.!default { type pulse }\n",
        )
        .ok()?;
        let p = Pulse { dir };
        let started = Command::new("pulseaudio")
            .args([
                "--daemonize=yes",
                "--exit-idle-time=-1",
                "-n",
                "--load=module-null-sink",
                "--load=module-native-protocol-unix",
                "--system=no",
                "--disallow-exit",
            ])
            .envs(p.env())
            .stderr(Stdio::null())
            .status()
            .ok()?;
        if !started.success() {
            return None;
        }
        let deadline = Instant::now() + Duration::from_secs(10);
        while Instant::now() < deadline {
            if pactl(&p.env(), &["info"]).is_some() {
                return Some(p);
            }
            std::thread::sleep(Duration::from_millis(100));
        }
        None
    }

    fn env(&self) -> Vec<(&'static str, PathBuf)> {
        let d = self.dir.path().to_path_buf();
        vec![
            ("XDG_RUNTIME_DIR", d.clone()),
            ("HOME", d.clone()),
            ("ALSA_CONFIG_PATH", d.join("asound.conf")),
        ]
    }
}

impl Drop for Pulse {
    fn drop(&mut self) {
        let _ = Command::new("pulseaudio")
            .arg("--kill")
            .envs(self.env())
            .status();
    }
}

fn pactl(env: &[(&str, PathBuf)], args: &[&str]) -> Option<String> {
    let out = Command::new("pactl")
        .args(args)
        .envs(env.iter().map(|(k, v)| (*k, v)))
        .output()
        .ok()?;
    out.status
        .success()
        .then(|| String::from_utf8_lossy(&out.stdout).into_owned())
}

#[test]
fn an_idle_alarm_path_pauses_and_a_chime_runs_it_again() {
    if std::env::var(CHILD).is_ok() {
        return child();
    }
    let Some(pulse) = Pulse::start() else {
        common::absent::cannot_run(
            "PulseAudio is not installed or did not start \
             (apt-get install pulseaudio pulseaudio-utils libasound2-plugins)",
        );
        return;
    };
    // ALSA reads its configuration once per process: the sound is opened
    // in a child process of this test binary, in the server's setting.
    let out = Command::new(std::env::current_exe().unwrap())
        .args(["--exact", NAME, "--nocapture", "--test-threads=1"])
        .env(CHILD, "1")
        .envs(pulse.env())
        .output()
        .unwrap();
    let said = format!(
        "{}\n{}",
        String::from_utf8_lossy(&out.stdout),
        String::from_utf8_lossy(&out.stderr)
    );
    assert!(out.status.success() && said.contains("1 passed"), "{said}");
}

/// Whether kap's stream on the server is corked (paused); `None` while it
/// has none. Asked from the child, whose environment points at the server.
fn corked() -> Option<bool> {
    let list = pactl(&[], &["list", "sink-inputs"])?;
    let line = list
        .lines()
        .find(|l| l.trim_start().starts_with("Corked:"))?;
    Some(line.trim_end().ends_with("yes"))
}

fn wait_for(what: &str, mut ok: impl FnMut() -> bool, poll: &mut dyn FnMut()) {
    let deadline = Instant::now() + Duration::from_secs(10);
    while !ok() {
        assert!(Instant::now() < deadline, "{what}: not within 10 s");
        poll();
        std::thread::sleep(Duration::from_millis(50));
    }
}

fn child() {
    let linger = Duration::from_millis(500);
    let mut audio = kap::audio::open_lingering(linger, kap::i18n::Lang::En);
    assert_eq!(audio.unavailable(), None, "the pulse device should open");
    // Open, as the self-test leaves it: running.
    wait_for("the stream runs", || corked() == Some(false), &mut || {
        audio.poll();
    });
    // Nothing sounds past the linger: paused, the device still open.
    let quiet = Instant::now();
    wait_for(
        "the idle stream pauses",
        || corked() == Some(true),
        &mut || {
            audio.poll();
        },
    );
    assert!(quiet.elapsed() >= linger, "paused before its linger");
    assert_eq!(audio.unavailable(), None);

    // What reaches the sink from here on.
    let dir = tempfile::tempdir().unwrap();
    let heard = dir.path().join("heard.raw");
    let _rec = Recording(
        Command::new("parec")
            .args([
                "--raw",
                "--format=s16le",
                "--channels=2",
                "--rate=44100",
                "-d",
                "null.monitor",
            ])
            .arg(&heard)
            .stdout(Stdio::null())
            .stderr(Stdio::null())
            .spawn()
            .expect("parec (pulseaudio-utils)"),
    );
    std::thread::sleep(Duration::from_millis(300));
    // A chime (the alarm tone's path): the stream runs before it is given
    // the sound, not at the next poll.
    audio.chime();
    assert_eq!(corked(), Some(false), "the chime did not wake the stream");
    let loud = || {
        std::fs::read(&heard).is_ok_and(|b| {
            b.chunks_exact(2)
                .any(|c| i16::from_le_bytes([c[0], c[1]]).unsigned_abs() > 1000)
        })
    };
    wait_for("the chime reaches the sink", loud, &mut || {
        audio.poll();
    });
    drop(audio);
}

/// `parec`, ended however the test ends: a recorder left running would
/// hold the test's output open, and the parent would wait for it.
struct Recording(std::process::Child);

impl Drop for Recording {
    fn drop(&mut self) {
        let _ = self.0.kill();
        let _ = self.0.wait();
    }
}
