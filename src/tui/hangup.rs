//! Noticing that the terminal has gone away. When the window is closed, an
//! ssh connection drops or tmux is killed, the terminal hangs up: reads
//! return end-of-input or an error at once, forever. A loop that waits for
//! keys would then spin at full speed with the record open, so the event
//! loop asks here before every wait and leaves when the terminal is gone.

use rustix::event::{PollFd, PollFlags, poll};
use rustix::time::Timespec;
use std::fs::File;
use std::os::fd::{AsFd, BorrowedFd, OwnedFd};

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
