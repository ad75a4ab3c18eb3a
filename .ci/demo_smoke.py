#!/usr/bin/env python3
"""The README's first quick-start command, `scripts/dev demo`, run in an
80x24 pseudo-terminal until the rehearsal's start screen appears; then
Ctrl-Q and y quit kap. Fails (exit 1) when the screen does not appear within the
time limit or kap does not exit. Records go to a throw-away KAP_DATA_DIR.

Usage: python3 .ci/demo_smoke.py [TIMEOUT_SECONDS]   (default 900: a cold
build on 2 cores takes about ten minutes; warm, it is seconds)
"""
import fcntl
import os
import pty
import re
import select
import signal
import struct
import sys
import tempfile
import termios
import time

EXPECT = b"Enter starts the session"
ANSI = re.compile(rb"\x1b(\[[0-?]*[ -/]*[@-~]|\][^\x07]*\x07|[@-Z\\-_])")


def wait_for(fd: int, text: bytes, secs: float) -> bool:
    seen = b""
    deadline = time.monotonic() + secs
    while time.monotonic() < deadline:
        if not select.select([fd], [], [], 0.5)[0]:
            continue
        try:
            chunk = os.read(fd, 65536)
        except OSError:
            return False
        if not chunk:
            return False
        seen += chunk
        if text in ANSI.sub(b"", seen):
            return True
    return False


def main() -> int:
    limit = float(sys.argv[1]) if len(sys.argv) > 1 else 900.0
    root = os.path.dirname(os.path.dirname(os.path.abspath(__file__)))
    data = tempfile.mkdtemp(prefix="kap-demo-")
    pid, fd = pty.fork()
    if pid == 0:
        os.chdir(root)
        os.environ.update(KAP_DATA_DIR=data, TERM="xterm-256color", RUST_BACKTRACE="0")
        os.execvp("scripts/dev", ["scripts/dev", "demo"])
    fcntl.ioctl(fd, termios.TIOCSWINSZ, struct.pack("HHHH", 24, 80, 0, 0))
    seen = b""
    deadline = time.monotonic() + limit
    found = False
    while time.monotonic() < deadline:
        r, _, _ = select.select([fd], [], [], 1.0)
        if not r:
            continue
        try:
            chunk = os.read(fd, 65536)
        except OSError:
            break  # the child closed the terminal
        if not chunk:
            break
        seen += chunk
        if EXPECT in ANSI.sub(b"", seen):
            found = True
            break
    if not found:
        os.kill(pid, signal.SIGKILL)
        os.waitpid(pid, 0)
        tail = ANSI.sub(b"", seen)[-2000:].decode("utf-8", "replace")
        print(f"demo_smoke: no start screen within {limit:.0f} s; last output:\n{tail}")
        return 1
    os.write(fd, b"\x11")  # Ctrl-Q asks "Leave kap?"
    if not wait_for(fd, b"Leave kap?", 10):
        os.kill(pid, signal.SIGKILL)
        os.waitpid(pid, 0)
        print("demo_smoke: Ctrl-Q did not ask to leave")
        return 1
    os.write(fd, b"y")
    end = time.monotonic() + 20
    while time.monotonic() < end:
        done, status = os.waitpid(pid, os.WNOHANG)
        if done:
            print(f"demo_smoke: start screen shown, kap quit (status {status})")
            return 0 if os.WIFEXITED(status) and os.WEXITSTATUS(status) == 0 else 1
        try:
            if select.select([fd], [], [], 0.2)[0]:
                os.read(fd, 65536)
        except OSError:
            pass
    os.kill(pid, signal.SIGKILL)
    os.waitpid(pid, 0)
    print("demo_smoke: kap did not quit on Ctrl-Q")
    return 1


if __name__ == "__main__":
    sys.exit(main())
