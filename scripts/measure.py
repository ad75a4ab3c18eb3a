#!/usr/bin/env python3
"""Measure kap as a clinician would run it: the release binary in a
pseudo-terminal, read back through a terminal emulator (pyte). Prints each
figure as the median over --runs runs:

  - time from launch to the first full frame, in a real session (`kap run`)
    and in a rehearsal (`kap rehearse` with the shipped scenario);
  - CPU use of the process (from /proc/PID/stat) while it idles on the
    infusion screen for --idle seconds: without music, with the demo
    playlist playing, and in a rehearsal at x60;
  - peak resident memory (VmHWM from /proc/PID/status);
  - the infusion timer's drift against the wall clock over --drift seconds
    (default 600: ten real minutes): the moments the timer on screen turns
    over are compared with the wall clock's. The drift runs go side by side
    (they only wait), after the CPU runs;
  - side by side with the programs a user could use instead, in the same
    pseudo-terminal size and alternating run by run: the idle infusion
    screen against a C seconds-clock (`tty-clock -s`), CPU and wake-ups a
    second; and music against `mpg123` playing the same MP3 playlist (a
    few minutes synthesised with sox and lame into a temporary folder)
    into the same null sink; peak RSS (VmHWM) of each in those runs; and
    the size of the binary measured. Prints a Markdown table, one row a
    figure (kap, peer, ratio), then each run's values and kap's threads.

Usage: scripts/measure.py [--runs 5] [--idle 60] [--drift 600] [--binary PATH]
       scripts/measure.py --drift 0       # skip the ten-minute part
       scripts/measure.py --peers --quick # only the comparison, 3 runs of 20 s

Needs pyte (pip install pyte; or Debian's python3-pyte, run with
/usr/bin/python3). Music is played into a
PulseAudio null sink when `pulseaudio` and the ALSA pulse plugin are
installed (apt-get install pulseaudio libasound2-plugins), so the sound
path runs in real time as on a laptop; without them the music figure is
skipped. The comparison needs apt-get install tty-clock mpg123 sox lame
(what is missing is skipped, with a message). Builds the release binary
first unless --binary is given. Records go to a temporary KAP_DATA_DIR;
nothing is sent anywhere.
"""
import argparse
import fcntl
import os
import pty
import re
import select
import shutil
import signal
import statistics
import struct
import subprocess
import sys
import tempfile
import termios
import time

try:
    import pyte
except ImportError:
    sys.exit("measure.py needs pyte: pip install pyte (or apt-get install python3-pyte "
             "and run it with /usr/bin/python3)")

ROOT = os.path.dirname(os.path.dirname(os.path.abspath(__file__)))
TICKS = os.sysconf("SC_CLK_TCK")
ROWS, COLS = 30, 100
RIGHT = "\x1b[C"
DOWN = "\x1b[B"


class Term:
    """A program in a pseudo-terminal of ROWS x COLS, with a pyte screen
    kept up to date (kap, or a peer it is compared with)."""

    def __init__(self, argv, env, cwd=ROOT):
        self.t0 = time.monotonic()
        pid, fd = pty.fork()
        if pid == 0:
            try:
                os.chdir(cwd)
                os.execvpe(argv[0], argv, env)
            finally:
                os._exit(127)
        fcntl.ioctl(fd, termios.TIOCSWINSZ, struct.pack("HHHH", ROWS, COLS, 0, 0))
        self.pid, self.fd = pid, fd
        self.screen = pyte.Screen(COLS, ROWS)
        self.stream = pyte.ByteStream(self.screen)
        self.raw = b""

    def pump(self, timeout):
        """Read what kap wrote within `timeout` s. True if anything came."""
        r, _, _ = select.select([self.fd], [], [], max(timeout, 0))
        if not r:
            return False
        try:
            data = os.read(self.fd, 65536)
        except OSError:
            return False
        self.raw += data
        self.stream.feed(data)
        return True

    def text(self):
        return "\n".join(self.screen.display)

    def wait_for(self, needle, timeout=10):
        end = time.monotonic() + timeout
        while needle not in self.text():
            if time.monotonic() > end:
                raise TimeoutError(f"no {needle!r} on screen:\n{self.text()}")
            self.pump(end - time.monotonic())

    def send(self, keys, settle=0.15):
        os.write(self.fd, keys.encode())
        end = time.monotonic() + settle
        while time.monotonic() < end:
            self.pump(end - time.monotonic())

    def idle(self, seconds):
        """Keep reading (so output never blocks) for `seconds`."""
        end = time.monotonic() + seconds
        while time.monotonic() < end:
            self.pump(min(0.5, end - time.monotonic()))

    def cpu_seconds(self):
        with open(f"/proc/{self.pid}/stat") as f:
            parts = f.read().rsplit(")", 1)[1].split()
        return (int(parts[11]) + int(parts[12])) / TICKS

    def peak_rss_mb(self):
        with open(f"/proc/{self.pid}/status") as f:
            for line in f:
                if line.startswith("VmHWM:"):
                    return int(line.split()[1]) / 1024
        return float("nan")

    def cpu_percent_over(self, seconds):
        c0, w0 = self.cpu_seconds(), time.monotonic()
        self.idle(seconds)
        return (self.cpu_seconds() - c0) / (time.monotonic() - w0) * 100

    def tasks(self):
        base = f"/proc/{self.pid}/task"
        try:
            return [os.path.join(base, t) for t in os.listdir(base)]
        except FileNotFoundError:
            return []

    def wakeups(self):
        """Context switches of every thread so far, as (voluntary,
        nonvoluntary): a thread went to sleep and later ran again, or was
        preempted (which a busy machine adds to)."""
        n = [0, 0]
        for t in self.tasks():
            try:
                with open(os.path.join(t, "status")) as f:
                    for line in f:
                        if line.startswith("voluntary_ctxt_switches:"):
                            n[0] += int(line.split()[1])
                        elif line.startswith("nonvoluntary_ctxt_switches:"):
                            n[1] += int(line.split()[1])
            except FileNotFoundError:  # a thread that ended meanwhile
                pass
        return n

    def run_ns(self):
        """CPU time of every live thread so far, in ns (schedstat: finer
        than the 10 ms ticks of /proc/PID/stat, which matters for a
        program that runs a few ms a minute)."""
        ns = 0
        for t in self.tasks():
            try:
                with open(os.path.join(t, "schedstat")) as f:
                    ns += int(f.read().split()[0])
            except FileNotFoundError:
                pass
        return ns

    def threads(self):
        """{thread name: [cpu ns, voluntary, nonvoluntary]} summed over the
        threads of that name, so far."""
        out = {}
        for t in self.tasks():
            try:
                with open(os.path.join(t, "comm")) as f:
                    name = f.read().strip()
                with open(os.path.join(t, "schedstat")) as f:
                    ns = int(f.read().split()[0])
                with open(os.path.join(t, "status")) as f:
                    sw = [int(l.split()[1]) for l in f if "ctxt_switches:" in l]
            except FileNotFoundError:
                continue
            acc = out.setdefault(name, [0, 0, 0])
            for i, v in enumerate([ns] + sw):
                acc[i] += v
        return out

    def sample(self, seconds):
        """CPU % of a core, wake-ups a second (both kinds of context
        switch) and voluntary ones alone, over the next `seconds`, reading
        the terminal all along."""
        t0 = self.threads()
        c0, z0, w0 = self.run_ns(), self.wakeups(), time.monotonic()
        self.idle(seconds)
        c1, z1, w1 = self.run_ns(), self.wakeups(), time.monotonic()
        t1 = self.threads()
        span = w1 - w0
        # Per thread, for the report: CPU % and voluntary wake-ups a second.
        self.by_thread = {
            name: ((v[0] - t0.get(name, [0, 0, 0])[0]) / 1e9 / span * 100,
                   (v[1] - t0.get(name, [0, 0, 0])[1]) / span)
            for name, v in t1.items()}
        self.rss = self.peak_rss_mb()
        return ((c1 - c0) / 1e9 / span * 100,
                (sum(z1) - sum(z0)) / span, (z1[0] - z0[0]) / span)

    def quit(self):
        try:
            os.kill(self.pid, signal.SIGTERM)
        except ProcessLookupError:
            pass
        os.waitpid(self.pid, 0)
        os.close(self.fd)


class Kap(Term):
    """kap in a pseudo-terminal, with its records in a temporary folder."""

    def __init__(self, binary, args, env_extra=None):
        self.data = tempfile.mkdtemp(prefix="kap-measure-")
        env = dict(os.environ, KAP_DATA_DIR=self.data, TERM="xterm-256color")
        env.pop("NO_COLOR", None)
        env.update(env_extra or {})
        super().__init__([binary] + args, env)

    def quit(self):
        try:
            os.write(self.fd, b"\x11")
            self.idle(0.3)
            os.write(self.fd, b"y")
            self.idle(0.3)
        except OSError:
            pass
        super().quit()
        shutil.rmtree(self.data, ignore_errors=True)


def run_args(patient):
    return ["run", "--protocol", "protocols/montreal.toml", "--patient", patient,
            "--session", "2", "--weight", "70", "--clinician", "A. Martin, RN"]


def walk_to_infusion(k, music=False):
    """Start the session and reach a running infusion, skipping the talking
    phases with a reason; optionally choose the demo playlist first."""
    k.wait_for("Enter starts the session")
    k.send("\r")
    k.wait_for("Life events")
    k.send(RIGHT); k.send("measurement\r")          # check-in (skip)
    k.wait_for("Rolling integration")
    k.send(RIGHT)
    k.wait_for("Intention for today")
    if music:
        k.send("m")
        k.wait_for("Music or support")
        k.send("\r")
        k.wait_for("Chosen: Playlist")
    k.send(RIGHT); k.send("measurement\r")          # intentions (skip)
    k.wait_for("psychologically ready")
    # Tick each required checkbox the cursor meets (readiness, consent, IV
    # line; a first session also asks for the assessment and the
    # concomitant therapy), leaving ticked ones as they are.
    for _ in range(8):
        if "› [ ]" in k.text():
            k.send("\r")
        k.send(DOWN)
    k.send("v"); k.send("120/80 70 98\r")
    k.send(RIGHT)
    k.wait_for("infusion not started")
    k.send("s")
    k.wait_for("running since")


def first_frame(binary, args):
    k = Kap(binary, args, {"KAP_AUDIO": "off"})
    k.wait_for("Enter starts the session")
    ms = (time.monotonic() - k.t0) * 1000
    k.quit()
    return ms


DEVICE_FAILURES = []


def idle_cpu(binary, seconds, music_env=None):
    env = dict(music_env or {"KAP_AUDIO": "off"})
    k = Kap(binary, run_args("measure"), env)
    walk_to_infusion(k, music=music_env is not None)
    if music_env is not None:
        k.send("m", settle=1)
        if "Playing demo-ambient" not in k.text():
            # The device reported an error before the music started (seen
            # with PulseAudio's ALSA plugin): counted, and the run redone.
            DEVICE_FAILURES.append(k.text().splitlines()[-2].strip())
            k.quit()
            return idle_cpu(binary, seconds, music_env)
        k.idle(2)  # the fade-in and the first buffers
    cpu = k.cpu_percent_over(seconds)
    rss = k.peak_rss_mb()
    k.quit()
    return cpu, rss


# How long nothing sounds before kap pauses (or closes) its sound stream
# (LINGER in src/audio/hold.rs), and a margin.
LINGER_S = 30 + 4


def idle_device_cpu(binary, seconds, env):
    """The infusion screen as at a bedside: the sound device open (it
    carries the alarm tone), nothing playing, measured once the stream
    has been idle past its linger."""
    k = Kap(binary, run_args("measure"), env)
    walk_to_infusion(k)
    k.idle(LINGER_S)
    cpu, wakes, _ = k.sample(seconds)
    rss = k.peak_rss_mb()
    k.quit()
    return cpu, wakes, rss


def rehearsal_cpu(binary, seconds):
    k = Kap(binary, ["rehearse", "--protocol", "protocols/montreal.toml",
                     "--scenario", "scenarios/montreal-uneventful.toml", "--speed", "60"])
    walk_to_infusion(k)
    cpu = k.cpu_percent_over(seconds)
    rss = k.peak_rss_mb()
    k.quit()
    return cpu, rss


LEFT = re.compile(r"(\d+):(\d\d) left")


def timer_left(k):
    for line in k.screen.display:
        if "elapsed of" in line:
            m = LEFT.search(line)
            if m:
                return int(m.group(1)) * 60 + int(m.group(2))
    return None


def drift_runs(binary, seconds, runs):
    """Drift of the timer on screen against the wall clock, in ms, for each
    of `runs` sessions run side by side."""
    ks = []
    for i in range(runs):
        k = Kap(binary, run_args(f"drift{i}"), {"KAP_AUDIO": "off"})
        walk_to_infusion(k)
        k.flips = []  # (wall time the screen changed, seconds left shown)
        k.last = timer_left(k)
        ks.append(k)
    # Output held back while the other sessions were walked through comes
    # in a burst: read it all before timing anything.
    start = time.monotonic() + 3
    end = start + seconds
    while time.monotonic() < end:
        r, _, _ = select.select([k.fd for k in ks], [], [], 0.5)
        for k in ks:
            if k.fd in r and k.pump(0):
                now = time.time()
                left = timer_left(k)
                if left is not None and left != k.last:
                    if time.monotonic() >= start:
                        k.flips.append((now, left))
                    k.last = left
    drifts = []
    for k in ks:
        (t1, l1), (t2, l2) = k.flips[0], k.flips[-1]
        shown = l1 - l2          # seconds the timer advanced on screen
        real = t2 - t1           # seconds the wall clock advanced
        drifts.append(abs(real - shown) * 1000)
        k.quit()
    return drifts


# --- Against the programs a user could use instead -------------------------
#
# Each comparison alternates kap and the peer run by run, in the same
# pseudo-terminal size, and measures both the same way over the same length
# of window: CPU time of every thread (schedstat) and wake-ups (context
# switches of every thread), both from /proc.

PEER_TRACKS, PEER_TRACK_SECONDS = 3, 120
PEER_PLAYLIST = "peer-mp3"


def make_mp3_playlist(folder):
    """Synthesise a few minutes of MP3 (tones over pink noise: sox, then
    lame at 192 kb/s, 44.1 kHz stereo, what a ripped CD gives) and an M3U
    naming them. Returns the M3U's path, or None without sox and lame."""
    if not (shutil.which("sox") and shutil.which("lame")):
        return None
    m3u = os.path.join(folder, PEER_PLAYLIST + ".m3u")
    lines = ["#EXTM3U"]
    for i, (f1, f2) in enumerate([(196, 294), (220, 330), (174.6, 261.6)][:PEER_TRACKS]):
        wav = os.path.join(folder, f"t{i}.wav")
        mp3 = f"track{i + 1}.mp3"
        subprocess.run(["sox", "-n", "-r", "44100", "-c", "2", "-b", "16", wav,
                        "synth", str(PEER_TRACK_SECONDS), "pinknoise", "sine", str(f1),
                        "synth", str(PEER_TRACK_SECONDS), "sine", "mix", str(f2),
                        "tremolo", "0.1", "40", "vol", "0.3"], check=True)
        subprocess.run(["lame", "--quiet", "-b", "192", wav,
                        os.path.join(folder, mp3)], check=True)
        os.remove(wav)
        lines += [f"#EXTINF:{PEER_TRACK_SECONDS},Tone {i + 1}", mp3]
    with open(m3u, "w") as f:
        f.write("\n".join(lines) + "\n")
    return m3u


THREADS = {}  # kap's last run of each kind: {thread: (CPU %, wake-ups/s)}
STREAMS = {}  # the stream each player opened in PulseAudio


def sink_inputs(env):
    """The sample format of the streams PulseAudio is being sent (who
    resamples matters: PulseAudio's work is not counted for either)."""
    try:
        out = subprocess.run(["pactl", "list", "sink-inputs"], env=dict(os.environ, **env),
                             capture_output=True, text=True, timeout=5).stdout
    except (OSError, subprocess.TimeoutExpired):
        return "?"
    specs = re.findall(r"Sample Specification: (.*)", out)
    # How much sound is queued ahead of the speaker: what a pause, a volume
    # change or a chime waits behind.
    latency = re.findall(r"Buffer Latency: (\d+) usec", out)
    return "; ".join(f"{s} ({int(l) / 1000:.0f} ms buffered)" if l else s
                     for s, l in zip(specs, latency + [""] * len(specs))) or "?"


def sink_format(env):
    try:
        out = subprocess.run(["pactl", "list", "sinks", "short"], env=dict(os.environ, **env),
                             capture_output=True, text=True, timeout=5).stdout
    except (OSError, subprocess.TimeoutExpired):
        return "?"
    return " ".join(out.split()[3:6]) or "?"


def kap_idle_sample(binary, seconds):
    k = Kap(binary, run_args("peers"), {"KAP_AUDIO": "off"})
    walk_to_infusion(k)
    k.idle(2)  # the output of the walk, read before timing anything
    out = k.sample(seconds) + (k.rss,)
    THREADS["idle"] = k.by_thread
    k.quit()
    return out


def clock_sample(seconds):
    t = Term(["tty-clock", "-s"], dict(os.environ, TERM="xterm-256color"))
    t.idle(2)
    if os.waitpid(t.pid, os.WNOHANG)[0]:
        raise RuntimeError(f"tty-clock ended: {t.raw[-300:]!r}")
    out = t.sample(seconds) + (t.rss,)
    t.quit()
    return out


def kap_music_sample(binary, seconds, env, folder, tries=5):
    k = Kap(binary, run_args("peers") + ["--playlists", folder], env)
    walk_to_infusion(k, music=True)
    k.send("m", settle=1)
    if f"Playing {PEER_PLAYLIST}" not in k.text():
        DEVICE_FAILURES.append(k.text().splitlines()[-2].strip())
        k.quit()
        if tries <= 1:
            raise RuntimeError(f"kap did not play the MP3 playlist:\n{k.text()}")
        return kap_music_sample(binary, seconds, env, folder, tries - 1)
    k.idle(2)  # the fade-in and the first buffers
    STREAMS["kap"] = sink_inputs(env)
    out = k.sample(seconds) + (k.rss,)
    THREADS["music"] = k.by_thread
    k.quit()
    return out


def mpg123_sample(seconds, env, m3u):
    # The same sound path as kap's: ALSA's default device, which env sends
    # through the pulse plugin into the null sink.
    t = Term(["mpg123", "-o", "alsa", "-@", os.path.basename(m3u)],
             dict(os.environ, TERM="xterm-256color", **env), cwd=os.path.dirname(m3u))
    t.idle(3)
    if os.waitpid(t.pid, os.WNOHANG)[0] or b"Playing MPEG stream" not in t.raw:
        raise RuntimeError(f"mpg123 is not playing: {t.raw[-500:]!r}")
    STREAMS["mpg123"] = sink_inputs(env)
    out = t.sample(seconds) + (t.rss,)
    t.quit()
    return out


def peers(binary, seconds, runs, env):
    """Rows of (figure, kap values, peer values, unit) for the comparison."""
    med = statistics.median
    rows = []
    if shutil.which("tty-clock"):
        kap, clock = [], []
        for _ in range(runs):
            kap.append(kap_idle_sample(binary, seconds))
            clock.append(clock_sample(seconds))
        rows.append(("CPU, idle infusion screen vs `tty-clock -s`", "%",
                     [c for c, *_ in kap], [c for c, *_ in clock]))
        rows.append(("wake-ups a second, same", "/s",
                     [w for _, w, *_ in kap], [w for _, w, *_ in clock]))
        rows.append(("of which voluntary (a sleep ended)", "/s",
                     [v for _, _, v, _ in kap], [v for _, _, v, _ in clock]))
        rows.append(("peak RSS, idle infusion screen vs `tty-clock -s`", "MB",
                     [r for *_, r in kap], [r for *_, r in clock]))
    else:
        print("tty-clock comparison skipped (apt-get install tty-clock)")
    folder = tempfile.mkdtemp(prefix="kap-peer-mp3-")
    try:
        m3u = make_mp3_playlist(folder) if env and shutil.which("mpg123") else None
        if m3u:
            kap, mpg = [], []
            for _ in range(runs):
                kap.append(kap_music_sample(binary, seconds, env, folder))
                mpg.append(mpg123_sample(seconds, env, m3u))
            rows.append(("CPU, music (same MP3s, same null sink) vs `mpg123`", "%",
                         [c for c, *_ in kap], [c for c, *_ in mpg]))
            rows.append(("wake-ups a second, same", "/s",
                         [w for _, w, *_ in kap], [w for _, w, *_ in mpg]))
            rows.append(("peak RSS, music vs `mpg123`", "MB",
                         [r for *_, r in kap], [r for *_, r in mpg]))
        else:
            print("mpg123 comparison skipped (apt-get install mpg123 sox lame "
                  "pulseaudio libasound2-plugins)")
    finally:
        shutil.rmtree(folder, ignore_errors=True)

    # The binary has no peer: a plain player or clock does a fraction of
    # what kap does; the figure is there to be watched from run to run.
    rows.append(("size of the binary measured (MB of 10^6 bytes)", "MB",
                 [os.path.getsize(binary) / 1e6], []))

    def fmt(v, unit):
        return f"{v:.3f} %" if unit == "%" else f"{v:.2f}"

    def median_or_dash(values, unit):
        return fmt(med(values), unit) if values else "—"

    print(f"\nAgainst the programs a user could use instead ({runs} runs each, "
          f"alternating, windows of {seconds:.0f} s, {COLS}x{ROWS} terminal; medians):\n")
    print("| figure | kap | peer | kap ÷ peer |")
    print("|---|---|---|---|")
    for name, unit, k, p in rows:
        ratio = f"{med(k) / med(p):.2f}×" if p and med(p) > 0 else "—"
        print(f"| {name} | {median_or_dash(k, unit)} | {median_or_dash(p, unit)} | {ratio} |")
    print()
    for name, unit, k, p in rows:
        print(f"  {name}: kap {', '.join(fmt(x, unit) for x in k)}; "
              f"peer {', '.join(fmt(x, unit) for x in p) or '—'}")
    for kind, threads in THREADS.items():
        print(f"  kap's threads, last {kind} run (CPU %, voluntary wake-ups/s): " + ", ".join(
            f"{n} {c:.3f} % {w:.1f}/s" for n, (c, w) in sorted(threads.items())))
    for who, spec in STREAMS.items():
        print(f"  stream {who} sent to PulseAudio: {spec}")
    if STREAMS:
        print(f"  the null sink's own format (PulseAudio converts to it): {sink_format(env)}")
    if DEVICE_FAILURES:
        print(f"  (kap runs redone after the sound device failed at start: "
              f"{len(DEVICE_FAILURES)}: {DEVICE_FAILURES[0]})")
    sys.stdout.flush()
    return rows


def pulse_env():
    """Start a private PulseAudio with a null sink; return the environment
    that sends ALSA's default device there, or None if not installed."""
    if not shutil.which("pulseaudio"):
        return None
    plugin = any(os.path.exists(p) for p in [
        "/usr/lib/x86_64-linux-gnu/alsa-lib/libasound_module_pcm_pulse.so",
        "/usr/lib/aarch64-linux-gnu/alsa-lib/libasound_module_pcm_pulse.so"])
    if not plugin:
        return None
    runtime = tempfile.mkdtemp(prefix="kap-pulse-")
    os.chmod(runtime, 0o700)
    conf = os.path.join(runtime, "asound.conf")
    with open(conf, "w") as f:
        f.write("pcm.!default { type pulse }\nctl.!default { type pulse }\n")
    env = dict(os.environ, XDG_RUNTIME_DIR=runtime, HOME=runtime)
    subprocess.run(["pulseaudio", "--daemonize=yes", "--exit-idle-time=-1", "-n",
                    "--load=module-null-sink", "--load=module-native-protocol-unix",
                    "--system=no", "--disallow-exit", "--log-target=stderr"],
                   env=env, check=True, stderr=subprocess.DEVNULL)
    time.sleep(1)
    return {"XDG_RUNTIME_DIR": runtime, "HOME": runtime, "ALSA_CONFIG_PATH": conf}


def stop_pulse(env):
    if env:
        subprocess.run(["pulseaudio", "--kill"], env=dict(os.environ, **env),
                       stderr=subprocess.DEVNULL)
        shutil.rmtree(env["XDG_RUNTIME_DIR"], ignore_errors=True)


def main():
    ap = argparse.ArgumentParser()
    ap.add_argument("--runs", type=int)
    ap.add_argument("--idle", type=float)
    ap.add_argument("--drift", type=float)
    ap.add_argument("--drift-runs", type=int, default=3)
    ap.add_argument("--binary")
    ap.add_argument("--quick", action="store_true",
                    help="3 runs, 20 s windows, no drift (unless given): a few minutes")
    ap.add_argument("--peers", action="store_true",
                    help="only the comparison with tty-clock and mpg123")
    a = ap.parse_args()
    quick = dict(runs=3, idle=20, drift=0) if a.quick else dict(runs=5, idle=60, drift=600)
    for key, value in quick.items():
        if getattr(a, key) is None:
            setattr(a, key, value)
    binary = a.binary
    if not binary:
        subprocess.run(["cargo", "build", "--release", "--quiet"], cwd=ROOT, check=True)
        binary = os.path.join(ROOT, "target", "release", "kap")

    med = statistics.median
    print(f"machine: {os.cpu_count()} cores, kernel {os.uname().release}; "
          f"{a.runs} runs each, idle windows of {a.idle:.0f} s", flush=True)
    env = pulse_env()
    try:
        if not a.peers:
            figures(binary, a, env)
        peers(binary, a.idle, a.runs, env)
    finally:
        stop_pulse(env)

    if a.drift > 0 and not a.peers:
        d = drift_runs(binary, a.drift, a.drift_runs)
        print(f"timer drift over {a.drift:.0f} s:           {med(d):8.1f} ms  "
              f"(target < 100 ms; runs: {', '.join(f'{x:.1f}' for x in d)})")


def figures(binary, a, env):
    med = statistics.median
    ff_run = [first_frame(binary, run_args("measure")) for _ in range(a.runs)]
    ff_reh = [first_frame(binary, ["rehearse", "--protocol", "protocols/montreal.toml",
                                   "--scenario", "scenarios/montreal-uneventful.toml"])
              for _ in range(a.runs)]
    print(f"first full frame, kap run:        {med(ff_run):8.1f} ms  (target < 100 ms)")
    print(f"first full frame, kap rehearse:   {med(ff_reh):8.1f} ms  (target < 100 ms)", flush=True)

    quiet = [idle_cpu(binary, a.idle) for _ in range(a.runs)]
    print(f"idle CPU, infusion, no music:     {med(c for c, _ in quiet):8.2f} %   of a core (target < 0.5 %)", flush=True)
    reh = [rehearsal_cpu(binary, a.idle) for _ in range(a.runs)]
    print(f"CPU, rehearsal at x60:            {med(c for c, _ in reh):8.2f} %   of a core", flush=True)

    rss = [r for _, r in quiet + reh]
    if env:
        loud = [idle_cpu(binary, a.idle, env) for _ in range(a.runs)]
        rss += [r for _, r in loud]
        print(f"idle CPU, infusion, music:        {med(c for c, _ in loud):8.2f} %   of a core (target < 3 %)", flush=True)
        dev = [idle_device_cpu(binary, a.idle, env) for _ in range(a.runs)]
        rss += [r for _, _, r in dev]
        print(f"idle CPU, infusion, device open:  {med(c for c, _, _ in dev):8.2f} %   of a core, "
              f"{med(w for _, w, _ in dev):.1f} wake-ups a second (nothing sounding for {LINGER_S} s)",
              flush=True)
        if DEVICE_FAILURES:
            print(f"  (runs redone after the sound device failed at start: {len(DEVICE_FAILURES)}: "
                  f"{DEVICE_FAILURES[0]})")
            DEVICE_FAILURES.clear()
    else:
        print("idle CPU, infusion, music:        skipped (apt-get install pulseaudio libasound2-plugins)")
    print(f"peak RSS (largest of all runs):   {max(rss):8.1f} MB  (target < 40 MB)", flush=True)


if __name__ == "__main__":
    sys.exit(main())
