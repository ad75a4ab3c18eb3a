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
use std::io::Read;
use std::os::fd::{AsFd, BorrowedFd, OwnedFd};
use std::os::unix::net::UnixStream;
use std::sync::Arc;
use std::sync::atomic::{AtomicBool, Ordering};
use std::time::Duration;

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

/// The signals that ask kap to stop: SIGTERM, SIGHUP (a closed terminal)
/// and a SIGINT sent by `kill` (Ctrl-C itself is a key in raw mode).
const STOP_SIGNALS: [i32; 3] = [
    signal_hook::consts::SIGTERM,
    signal_hook::consts::SIGHUP,
    signal_hook::consts::SIGINT,
];

/// Make the stop signals set `stop`, and start the watchdog. The watchdog
/// sleeps until the terminal hangs up or a stop signal arrives (the signal
/// handler writes to a pipe it waits on: no timer, no wake-ups while all is
/// well), sets `stop`, and ends the process if the event loop has not ended
/// it `GRACE` later.
pub fn start_watchdog(stop: Arc<AtomicBool>) {
    for sig in STOP_SIGNALS {
        let _ = signal_hook::flag::register(sig, Arc::clone(&stop));
    }
    let watch = Watch::new();
    let Ok((wake, signalled)) = UnixStream::pair() else {
        return; // the loop's own checks still end most hang-ups
    };
    if signalled.set_nonblocking(true).is_err() {
        return;
    }
    for sig in STOP_SIGNALS {
        if let Ok(w) = signalled.try_clone() {
            let _ = signal_hook::low_level::pipe::register(sig, w);
        }
    }
    let spawned = std::thread::Builder::new()
        .name("kap-hangup-watchdog".into())
        .spawn(move || {
            while !watch.wait_hang_up_or(&wake) && !stop.load(Ordering::SeqCst) {}
            stop.store(true, Ordering::SeqCst);
            std::thread::sleep(GRACE);
            let hung = watch.hung_up();
            if hung {
                detach_stdio();
            }
            std::process::exit(if hung { 129 } else { 143 });
        });
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
        match poll_in(fd.as_fd(), timeout) {
            Ok(None) => Wait::Quiet,
            Ok(Some(r)) if r.intersects(PollFlags::HUP | PollFlags::ERR | PollFlags::NVAL) => {
                Wait::HungUp
            }
            Ok(Some(_)) => Wait::Ready,
            // Interrupted by a signal: a resize, or SIGTERM/SIGHUP.
            Err(_) => Wait::Ready,
        }
    }

    /// Sleep until the terminal hangs up (true) or something arrives on
    /// `wake` (false; it is drained). No timeout.
    fn wait_hang_up_or(&self, wake: &UnixStream) -> bool {
        let mut fds = vec![PollFd::new(wake, PollFlags::IN)];
        if let Some(fd) = &self.tty {
            // Asking for no events still reports a hang-up or an error.
            fds.push(PollFd::new(fd, PollFlags::empty()));
        }
        if poll(&mut fds, None).is_err() {
            return false; // interrupted: look again
        }
        let hung = fds.get(1).is_some_and(|f| {
            f.revents()
                .intersects(PollFlags::HUP | PollFlags::ERR | PollFlags::NVAL)
        });
        if fds[0].revents().contains(PollFlags::IN) {
            let mut buf = [0u8; 64];
            let _ = (&*wake).read(&mut buf);
        }
        hung
    }
}

fn hung_up(fd: BorrowedFd<'_>) -> bool {
    let mut fds = [PollFd::new(&fd, PollFlags::IN)];
    let zero = Timespec {
        tv_sec: 0,
        tv_nsec: 0,
    };
    loop {
        match poll(&mut fds, Some(&zero)) {
            Ok(_) => {
                return fds[0]
                    .revents()
                    .intersects(PollFlags::HUP | PollFlags::ERR | PollFlags::NVAL);
            }
            // A signal (a resize sends one) is not a hang-up: ask again.
            Err(rustix::io::Errno::INTR) => continue,
            Err(_) => return true,
        }
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

/// Wait up to `timeout` for input on one descriptor: `None` when nothing
/// came, the events that woke it otherwise.
pub(crate) fn poll_in(
    fd: BorrowedFd<'_>,
    timeout: Duration,
) -> rustix::io::Result<Option<PollFlags>> {
    let mut fds = [PollFd::new(&fd, PollFlags::IN)];
    let t = Timespec {
        tv_sec: i64::try_from(timeout.as_secs()).unwrap_or(1),
        tv_nsec: i64::from(timeout.subsec_nanos()),
    };
    Ok(match poll(&mut fds, Some(&t))? {
        0 => None,
        _ => Some(fds[0].revents()),
    })
}
