//! The real `kap` binary in a pseudo-terminal, driven by key presses and
//! read back through a terminal emulator (vt100), for the end-to-end and
//! fault tests.

use portable_pty::{Child, CommandBuilder, MasterPty, PtySize, native_pty_system};
use std::io::{Read, Write};
use std::num::NonZero;
use std::os::fd::{BorrowedFd, OwnedFd};
use std::path::{Path, PathBuf};
use std::sync::atomic::{AtomicBool, Ordering};
use std::sync::{Arc, Mutex};
use std::time::{Duration, Instant};

pub const RIGHT: &str = "\x1b[C";
pub const DOWN: &str = "\x1b[B";
pub const ENTER: &str = "\r";
pub const CTRL_S: &str = "\x13";
pub const CTRL_Q: &str = "\x11";

pub struct Pty {
    parser: Arc<Mutex<vt100::Parser>>,
    /// Every byte the program wrote, as written.
    raw: Arc<Mutex<Vec<u8>>>,
    writer: Option<Box<dyn Write + Send>>,
    pub child: Box<dyn Child + Send + Sync>,
    master: Option<Box<dyn MasterPty + Send>>,
    /// Tells the reader thread to close its copy of the master and end.
    stop: Arc<AtomicBool>,
    reader: Option<std::thread::JoinHandle<()>>,
}

/// How to start kap: its arguments, and optionally a wrapper (`sh -c …`)
/// and extra environment.
pub struct Launch<'a> {
    pub args: &'a [&'a str],
    pub data: &'a Path,
    pub env: &'a [(&'a str, &'a str)],
    /// A shell snippet run before kap: `"$@"` is kap and its arguments.
    pub wrapper: Option<&'a str>,
    pub rows: u16,
    pub cols: u16,
}

impl<'a> Launch<'a> {
    pub fn new(args: &'a [&'a str], data: &'a Path) -> Self {
        Launch {
            args,
            data,
            env: &[],
            wrapper: None,
            rows: 30,
            cols: 100,
        }
    }
}

fn size(rows: u16, cols: u16) -> PtySize {
    PtySize {
        rows,
        cols,
        pixel_width: 0,
        pixel_height: 0,
    }
}

impl Pty {
    pub fn spawn(args: &[&str], data: &Path) -> Pty {
        Pty::launch(Launch::new(args, data))
    }

    pub fn launch(l: Launch<'_>) -> Pty {
        let pair = native_pty_system().openpty(size(l.rows, l.cols)).unwrap();
        let kap = env!("CARGO_BIN_EXE_kap");
        let mut cmd = match l.wrapper {
            None => CommandBuilder::new(kap),
            Some(snippet) => {
                let mut c = CommandBuilder::new("sh");
                c.args(["-c", snippet, "sh", kap]);
                c
            }
        };
        cmd.args(l.args);
        cmd.cwd(env!("CARGO_MANIFEST_DIR"));
        cmd.env("KAP_DATA_DIR", l.data);
        cmd.env("TERM", "xterm-256color");
        cmd.env("RUST_BACKTRACE", "0");
        cmd.env_remove("NO_COLOR");
        for (k, v) in l.env {
            cmd.env(k, v);
        }
        let child = pair.slave.spawn_command(cmd).unwrap();
        drop(pair.slave);
        let parser = Arc::new(Mutex::new(vt100::Parser::new(
            NonZero::new(l.rows).unwrap(),
            NonZero::new(l.cols).unwrap(),
            0,
        )));
        // The reader waits with a timeout, so it can let go of its copy
        // of the master when told: closing every copy is what hangs the
        // terminal up (`hang_up`).
        let raw = pair.master.as_raw_fd().unwrap();
        // SAFETY: `raw` is the master's open descriptor; it is only
        // borrowed here to duplicate it.
        let fd: OwnedFd =
            rustix::io::fcntl_dupfd_cloexec(unsafe { BorrowedFd::borrow_raw(raw) }, 0).unwrap();
        let mut reader = std::fs::File::from(fd);
        let p = Arc::clone(&parser);
        let raw_out = Arc::new(Mutex::new(Vec::new()));
        let r = Arc::clone(&raw_out);
        let stop = Arc::new(AtomicBool::new(false));
        let stop_r = Arc::clone(&stop);
        let handle = std::thread::spawn(move || {
            use std::os::fd::AsFd;
            let mut buf = [0u8; 8192];
            // The screen as a terminal shows it: each frame whole.
            let mut frames = super::frames::Frames::default();
            while !stop_r.load(Ordering::SeqCst) {
                let fd = reader.as_fd();
                let mut fds = [rustix::event::PollFd::new(
                    &fd,
                    rustix::event::PollFlags::IN,
                )];
                let wait = rustix::time::Timespec {
                    tv_sec: 0,
                    tv_nsec: 50_000_000,
                };
                match rustix::event::poll(&mut fds, Some(&wait)) {
                    Ok(0) => {
                        p.lock().unwrap().process(&frames.overdue());
                        continue;
                    }
                    Ok(_) => {}
                    Err(_) => break,
                }
                match reader.read(&mut buf) {
                    Ok(0) | Err(_) => break,
                    Ok(n) => {
                        r.lock().unwrap().extend_from_slice(&buf[..n]);
                        p.lock().unwrap().process(&frames.take(&buf[..n]));
                    }
                }
            }
            p.lock().unwrap().process(&frames.rest());
        });
        let writer = pair.master.take_writer().unwrap();
        Pty {
            parser,
            raw: raw_out,
            writer: Some(writer),
            child,
            master: Some(pair.master),
            stop,
            reader: Some(handle),
        }
    }

    /// Close the terminal as a closed window or a dropped ssh connection
    /// does: every copy of the pty's master is closed.
    pub fn hang_up(&mut self) {
        self.stop.store(true, Ordering::SeqCst);
        if let Some(h) = self.reader.take() {
            let _ = h.join();
        }
        self.writer = None;
        self.master = None;
    }

    /// Wait for the process to end; its exit status, or `None` if it is
    /// still running after `secs`.
    pub fn wait_exit(&mut self, secs: f64) -> Option<portable_pty::ExitStatus> {
        let deadline = Instant::now() + Duration::from_secs_f64(secs);
        while Instant::now() < deadline {
            if let Ok(Some(st)) = self.child.try_wait() {
                return Some(st);
            }
            std::thread::sleep(Duration::from_millis(20));
        }
        None
    }

    /// Everything the program has written so far, as text.
    pub fn output(&self) -> String {
        String::from_utf8_lossy(&self.raw.lock().unwrap()).into_owned()
    }

    /// Wait until `text` has been written `times` times in all; panic
    /// with the output if it never is.
    pub fn wait_said(&self, text: &str, times: usize, secs: u64) -> String {
        let deadline = Instant::now() + Duration::from_secs(secs);
        loop {
            let out = self.output();
            if out.matches(text).count() >= times {
                return out;
            }
            if Instant::now() > deadline {
                panic!("timed out waiting for {text:?} ×{times}; output:\n{out}");
            }
            std::thread::sleep(Duration::from_millis(30));
        }
    }

    /// Type a line (the screen-reader mode reads lines).
    pub fn line(&mut self, s: &str) {
        self.send_now(s);
        self.send_now("\r");
        // Paces the lines as a person types them (see `send`).
        std::thread::sleep(Duration::from_millis(60));
    }

    pub fn screen(&self) -> String {
        self.parser.lock().unwrap().screen().contents()
    }

    /// Wait until `text` is on screen; panic with the screen if it never is.
    pub fn wait_for(&self, text: &str, secs: u64) -> String {
        self.try_wait_for(text, secs)
            .unwrap_or_else(|s| panic!("timed out waiting for {text:?}; screen:\n{s}"))
    }

    /// Wait until `text` is on screen: `Ok(screen)`, or `Err(screen)` at
    /// the deadline.
    pub fn try_wait_for(&self, text: &str, secs: u64) -> Result<String, String> {
        self.try_wait_until(secs, |s| s.contains(text))
    }

    /// Wait until the screen satisfies `done` (`what` names the condition
    /// in the panic, with the screen, if it never does): the tests' one
    /// way to wait for something, instead of a fixed sleep.
    pub fn wait_until(&self, what: &str, secs: u64, done: impl Fn(&str) -> bool) -> String {
        self.try_wait_until(secs, done)
            .unwrap_or_else(|s| panic!("timed out waiting until {what}; screen:\n{s}"))
    }

    /// Wait until the screen satisfies `done`: `Ok(screen)`, or
    /// `Err(screen)` at the deadline.
    pub fn try_wait_until(&self, secs: u64, done: impl Fn(&str) -> bool) -> Result<String, String> {
        let deadline = Instant::now() + Duration::from_secs(secs);
        loop {
            let s = self.screen();
            if done(&s) {
                return Ok(s);
            }
            if Instant::now() > deadline {
                return Err(s);
            }
            std::thread::sleep(Duration::from_millis(30));
        }
    }

    /// Type `s` and give the app a moment to draw. The pause only paces
    /// the keys as a person types them; a test waits for what a key does
    /// with `wait_for` or `wait_until`, never with this pause.
    pub fn send(&mut self, s: &str) {
        self.send_now(s);
        std::thread::sleep(Duration::from_millis(120));
    }

    /// Paste `text` as a terminal does: wrapped in the bracketed-paste
    /// markers only when the program has turned that mode on (a terminal
    /// without it sends the text as if typed).
    pub fn paste(&mut self, text: &str) {
        let bracketed = self.parser.lock().unwrap().screen().bracketed_paste();
        if bracketed {
            self.send(&format!("\x1b[200~{text}\x1b[201~"));
        } else {
            self.send(text);
        }
    }

    /// Type `s` without waiting.
    pub fn send_now(&mut self, s: &str) {
        let w = self.writer.as_mut().expect("the terminal was hung up");
        w.write_all(s.as_bytes()).unwrap();
        w.flush().unwrap();
    }

    /// Resize the emulator, then the terminal (the app gets SIGWINCH). In
    /// this order the app's redraw for the new size is always read at the
    /// new size; the other way round, a fast redraw could land in the old
    /// one and leave the emulator's screen scrambled.
    pub fn resize(&mut self, rows: u16, cols: u16) {
        self.parser
            .lock()
            .unwrap()
            .set_size(NonZero::new(rows).unwrap(), NonZero::new(cols).unwrap());
        self.master
            .as_ref()
            .expect("the terminal was hung up")
            .resize(size(rows, cols))
            .unwrap();
    }

    /// Answer the selected text prompt, then go down to the next (the
    /// cursor stays on an answered prompt).
    pub fn answer(&mut self, text: &str) {
        self.send(ENTER);
        self.wait_for("Ctrl-S save", 5);
        self.send(text);
        self.send(CTRL_S);
        self.wait_for("Answer saved", 5);
        self.send(DOWN);
    }

    /// Tick the selected check item, then go down to the next.
    pub fn tick_and_down(&mut self) {
        self.send(ENTER);
        self.send(DOWN);
    }

    /// Leave the phase on screen without its required items, giving
    /// `reason`, and wait for `next` (text of the next phase).
    pub fn skip_phase(&mut self, reason: &str, next: &str) {
        self.send(RIGHT);
        self.wait_for("Move on without the required items", 5);
        self.send(reason);
        self.send(ENTER);
        self.wait_for(next, 5);
    }

    pub fn vitals(&mut self, v: &str) {
        self.send("v");
        self.send(v);
        self.send(ENTER);
        self.wait_for("Saved", 5);
    }

    /// SIGKILL the process (no chance to clean up) and reap it.
    pub fn kill9(&mut self) {
        let pid = self.child.process_id().unwrap();
        let status = std::process::Command::new("kill")
            .args(["-9", &pid.to_string()])
            .status()
            .unwrap();
        assert!(status.success());
        let _ = self.child.wait();
    }

    /// Still running?
    pub fn alive(&mut self) -> bool {
        matches!(self.child.try_wait(), Ok(None))
    }
}

impl Drop for Pty {
    fn drop(&mut self) {
        let _ = self.child.kill();
        let _ = self.child.wait();
    }
}

/// Walk a real session to a running infusion with the demo playlist
/// chosen.
pub fn to_infusion(k: &mut Pty) {
    k.wait_for("Enter starts the session", 10);
    k.send(ENTER);
    k.wait_for("Life events", 5);
    k.skip_phase("fault test", "Rolling integration");
    k.send(RIGHT);
    k.wait_for("Intention for today", 5);
    k.send("m");
    k.wait_for("Music or support", 5);
    k.send(ENTER);
    k.wait_for("Chosen: Playlist: demo-ambient", 5);
    k.skip_phase("fault test", "Patient is psychologically ready");
    for _ in 0..3 {
        k.tick_and_down();
    }
    k.vitals("120/80 70 98");
    k.send(RIGHT);
    k.wait_for("infusion not started", 5);
    k.send("s");
    k.wait_for("Infusion started", 5);
}

/// The session folders in a tree (a hidden folder is one being created).
pub fn sessions(tree: &Path) -> Vec<PathBuf> {
    let Ok(entries) = std::fs::read_dir(tree) else {
        return Vec::new();
    };
    entries
        .map(|e| e.unwrap().path())
        .filter(|p| p.is_dir())
        .filter(|p| !p.file_name().unwrap().to_string_lossy().starts_with('.'))
        .collect()
}

/// The one session folder in a tree.
pub fn only_session(tree: &Path) -> PathBuf {
    let mut dirs = sessions(tree);
    assert_eq!(dirs.len(), 1, "{dirs:?}");
    dirs.remove(0)
}
