#!/usr/bin/env python3
"""Measure kap as a clinician would run it: the release binary in a
pseudo-terminal. Prints, as medians over --runs runs:

  - time from launch to the first full frame (the start screen is drawn);
  - CPU use of the process while it idles on the infusion screen
    (from /proc/PID/stat), over --idle seconds;
  - peak resident memory (VmHWM from /proc/PID/status).

Usage: scripts/measure.py [--runs 5] [--idle 60] [--binary target/release/kap]
Builds the release binary first unless --binary is given. Nothing is sent
anywhere; records go to a temporary KAP_DATA_DIR.
"""
import argparse, os, pty, select, statistics, subprocess, sys, tempfile, time

ROOT = os.path.dirname(os.path.dirname(os.path.abspath(__file__)))
TICKS = os.sysconf("SC_CLK_TCK")


def spawn(binary, args, data):
    pid, fd = pty.fork()
    if pid == 0:
        os.chdir(ROOT)
        env = dict(os.environ, KAP_DATA_DIR=data, TERM="xterm-256color", KAP_AUDIO="off")
        env.pop("NO_COLOR", None)
        os.execve(binary, [binary] + args, env)
    # 100x30 like a laptop terminal.
    import fcntl, struct, termios
    fcntl.ioctl(fd, termios.TIOCSWINSZ, struct.pack("HHHH", 30, 100, 0, 0))
    return pid, fd


def read_until(fd, needle, timeout, buf=b""):
    end = time.monotonic() + timeout
    while needle.encode() not in buf:
        left = end - time.monotonic()
        if left <= 0:
            raise TimeoutError(f"no {needle!r} on screen")
        r, _, _ = select.select([fd], [], [], left)
        if r:
            try:
                buf += os.read(fd, 65536)
            except OSError:
                break
    return buf


def drain(fd):
    while select.select([fd], [], [], 0)[0]:
        try:
            os.read(fd, 65536)
        except OSError:
            return


def cpu_seconds(pid):
    with open(f"/proc/{pid}/stat") as f:
        parts = f.read().rsplit(")", 1)[1].split()
    return (int(parts[11]) + int(parts[12])) / TICKS


def peak_rss_mb(pid):
    with open(f"/proc/{pid}/status") as f:
        for line in f:
            if line.startswith("VmHWM:"):
                return int(line.split()[1]) / 1024
    return float("nan")


def one_run(binary, idle):
    data = tempfile.mkdtemp(prefix="kap-measure-")
    t0 = time.monotonic()
    pid, fd = spawn(binary, ["run", "--protocol", "protocols/montreal.toml", "--patient",
                             "measure", "--session", "1", "--weight", "70"], data)
    buf = read_until(fd, "Enter starts the session", 10)
    first_frame = time.monotonic() - t0
    # Walk to the infusion: skip the talking phases with a reason.
    def send(s, wait=0.15):
        os.write(fd, s.encode())
        time.sleep(wait)
        drain(fd)
    send("\r")
    send("\x1b[C"); send("measurement\r")        # check-in (skip)
    send("\x1b[C")                                # integration
    send("\x1b[C"); send("measurement\r")        # intentions (skip)
    send("\r"); send("\r"); send("\r")            # readiness, consent, IV line
    send("v"); send("120/80 70 98\r")
    send("\x1b[C")
    os.write(fd, b"s")                            # infusion starts
    read_until(fd, "running since", 5)            # really on the infusion screen
    drain(fd)
    c0, w0 = cpu_seconds(pid), time.monotonic()
    end = w0 + idle
    while time.monotonic() < end:                 # keep reading so output never blocks
        select.select([fd], [], [], 0.5)
        drain(fd)
    cpu = (cpu_seconds(pid) - c0) / (time.monotonic() - w0) * 100
    rss = peak_rss_mb(pid)
    os.write(fd, b"\x11"); time.sleep(0.2); os.write(fd, b"y")
    os.waitpid(pid, 0)
    return first_frame, cpu, rss


def main():
    ap = argparse.ArgumentParser()
    ap.add_argument("--runs", type=int, default=5)
    ap.add_argument("--idle", type=float, default=60)
    ap.add_argument("--binary")
    a = ap.parse_args()
    binary = a.binary
    if not binary:
        subprocess.run(["cargo", "build", "--release", "--quiet"], cwd=ROOT, check=True)
        binary = os.path.join(ROOT, "target", "release", "kap")
    results = [one_run(binary, a.idle) for _ in range(a.runs)]
    ff = statistics.median(r[0] for r in results) * 1000
    cpu = statistics.median(r[1] for r in results)
    rss = statistics.median(r[2] for r in results)
    print(f"machine: {os.cpu_count()} cores, {os.uname().release}")
    print(f"runs: {a.runs}, idle window {a.idle:.0f} s, infusion screen, no music")
    print(f"first full frame:     {ff:8.1f} ms   (target < 100 ms)")
    print(f"idle CPU:             {cpu:8.2f} %    of one core (target < 0.5 %)")
    print(f"peak RSS:             {rss:8.1f} MB   (target < 40 MB)")


if __name__ == "__main__":
    sys.exit(main())
