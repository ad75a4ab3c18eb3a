//! Noticing that the terminal has gone away. When the window is closed, an
//! ssh connection drops or tmux is killed, the terminal hangs up: reads
//! return end-of-input at once, forever. The terminal library then spins
//! inside its own wait for a key, so the event loop's checks alone cannot
//! be relied on: a watchdog thread waits for the hang-up (or SIGTERM and
//! SIGHUP, through the stop flag), gives the loop a moment to leave
//! cleanly, and otherwise ends the process. Every entry shown as saved is
//! already fsynced, and the kernel releases the session's lock and closes
//! its journal at exit, so ending here loses nothing.

use rustix::event::{PollFd, PollFlags, poll};
use rustix::time::Timespec;
use std::fs::File;
use std::os::fd::{AsFd, BorrowedFd, OwnedFd};
use std::sync::Arc;
use std::sync::atomic::{AtomicBool, Ordering};
use std::time::{Duration, Instant};

/// Watches the descriptor the keys come from: standard input when it is a
/// terminal, else the process's controlling terminal (as crossterm does).
pub struct Watch {
    tty: Option<OwnedFd>,
}

impl Watch {
    pub fn new() -> Watch {
        let stdin = std::io::stdin();
        let tty = if rustix::termios::isatty(stdin.as_fd()) {
            stdin.as_fd().try_clone_to_owned().ok()
        } else {
            File::open("/dev/tty").ok().map(OwnedFd::from)
        };
        Watch { tty }
    }

    /// Whether the terminal has hung up (or its descriptor is unusable).
    pub fn hung_up(&self) -> bool {
        match &self.tty {
            Some(fd) => hung_up(fd.as_fd()),
            None => false,
        }
    }
}

/// How long the event loop has to leave by itself once the terminal is
/// gone or a signal asked it to stop.
const GRACE: Duration = Duration::from_millis(700);

/// Start the watchdog. It sets `stop` on a hang-up, and ends the process
/// if the event loop has not ended it `GRACE` after a hang-up or a stop.
pub fn start_watchdog(stop: Arc<AtomicBool>) {
    let watch = Watch::new();
    let spawned = std::thread::Builder::new()
        .name("kap-hangup-watchdog".into())
        .spawn(move || {
            let mut since: Option<Instant> = None;
            loop {
                let hung = watch.wait_hang_up(Duration::from_millis(200));
                if hung {
                    stop.store(true, Ordering::SeqCst);
                }
                if since.is_none() && stop.load(Ordering::SeqCst) {
                    since = Some(Instant::now());
                }
                if since.is_some_and(|t| t.elapsed() >= GRACE) {
                    let hung = watch.hung_up();
                    if hung {
                        detach_stdio();
                    }
                    std::process::exit(if hung { 129 } else { 143 });
                }
            }
        });
    // Without the thread the loop's own checks still end most hang-ups.
    drop(spawned);
}

/// What waiting for the terminal found.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum Wait {
    /// Keys are waiting, or a signal (a resize) woke the wait.
    Ready,
    /// Nothing happened before the timeout.
    Quiet,
    /// The terminal is gone.
    HungUp,
}

impl Watch {
    /// Wait up to `timeout` for input, without the terminal library: on a
    /// hung-up terminal it would spin rather than return.
    pub fn wait_input(&self, timeout: Duration) -> Wait {
        let Some(fd) = &self.tty else {
            return Wait::Ready;
        };
        let mut fds = [PollFd::new(fd, PollFlags::IN)];
        let t = Timespec {
            tv_sec: i64::try_from(timeout.as_secs()).unwrap_or(1),
            tv_nsec: i64::from(timeout.subsec_nanos()),
        };
        match poll(&mut fds, Some(&t)) {
            Ok(0) => Wait::Quiet,
            Ok(_) => {
                let r = fds[0].revents();
                if r.intersects(PollFlags::HUP | PollFlags::ERR | PollFlags::NVAL) {
                    Wait::HungUp
                } else {
                    Wait::Ready
                }
            }
            // Interrupted by a signal: a resize, or SIGTERM/SIGHUP.
            Err(_) => Wait::Ready,
        }
    }

    /// Wait up to `timeout` for the terminal to hang up; true if it has.
    fn wait_hang_up(&self, timeout: Duration) -> bool {
        let Some(fd) = &self.tty else {
            std::thread::sleep(timeout);
            return false;
        };
        // Asking for no events still reports a hang-up or an error.
        let mut fds = [PollFd::new(fd, PollFlags::empty())];
        let t = Timespec {
            tv_sec: 0,
            tv_nsec: i64::from(timeout.subsec_nanos()),
        };
        match poll(&mut fds, Some(&t)) {
            Ok(_) => fds[0]
                .revents()
                .intersects(PollFlags::HUP | PollFlags::ERR | PollFlags::NVAL),
            Err(_) => {
                std::thread::sleep(timeout);
                false
            }
        }
    }
}

fn hung_up(fd: BorrowedFd<'_>) -> bool {
    let mut fds = [PollFd::new(&fd, PollFlags::IN)];
    let zero = Timespec {
        tv_sec: 0,
        tv_nsec: 0,
    };
    match poll(&mut fds, Some(&zero)) {
        Ok(_) => fds[0]
            .revents()
            .intersects(PollFlags::HUP | PollFlags::ERR | PollFlags::NVAL),
        Err(_) => true,
    }
}

/// Point standard input, output and error at `/dev/null`, so that nothing
/// written on the way out (by kap or a library) meets the dead terminal.
pub fn detach_stdio() {
    let Ok(null) = std::fs::OpenOptions::new()
        .read(true)
        .write(true)
        .open("/dev/null")
    else {
        return;
    };
    let _ = rustix::stdio::dup2_stdin(&null);
    let _ = rustix::stdio::dup2_stdout(&null);
    let _ = rustix::stdio::dup2_stderr(&null);
}
