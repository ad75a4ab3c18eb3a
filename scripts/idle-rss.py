#!/usr/bin/env python3
"""Idle memory of a kap binary, for docs/performance.md ("Binary size and
memory"): runs `kap rehearse --protocol protocols/montreal.toml` in a
pseudo-terminal with a fresh data folder and no sound, drains its output
for SECONDS, then prints VmHWM, VmRSS, RssAnon and RssFile from
/proc/PID/status. Needs only python3 (scripts/measure.py's fuller figures
need pyte).

    python3 scripts/idle-rss.py target/dist/kap [SECONDS]
"""
import os
import pty
import select
import shutil
import signal
import sys
import tempfile
import time

ROOT = os.path.dirname(os.path.dirname(os.path.abspath(__file__)))


def main():
    binary = os.path.abspath(sys.argv[1])
    secs = float(sys.argv[2]) if len(sys.argv) > 2 else 4
    data = tempfile.mkdtemp()
    pid, fd = pty.fork()
    if pid == 0:
        os.chdir(ROOT)
        env = dict(os.environ, KAP_DATA_DIR=data, KAP_AUDIO="off",
                   TERM="xterm-256color", KAP_LANG="en", RUST_BACKTRACE="0")
        os.execve(binary, [binary, "rehearse", "--protocol", "protocols/montreal.toml"], env)
    end = time.time() + secs
    while time.time() < end:
        ready, _, _ = select.select([fd], [], [], 0.1)
        if ready:
            try:
                os.read(fd, 65536)
            except OSError:
                break
    with open(f"/proc/{pid}/status") as f:
        status = f.read()
    os.kill(pid, signal.SIGTERM)
    os.waitpid(pid, 0)
    shutil.rmtree(data, ignore_errors=True)
    keys = ("VmHWM", "VmRSS", "RssAnon", "RssFile")
    for line in status.splitlines():
        if line.startswith(keys):
            print(line)


if __name__ == "__main__":
    main()
