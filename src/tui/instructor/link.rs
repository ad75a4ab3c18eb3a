//! `kap instruct`'s connection to the rehearsal, and its terminal: the
//! loop that asks for the status twice a second and carries the
//! instructor's keys over. A rehearsal that stops answering for a while
//! (stopped, swapped out, its loop stuck) is said on the console and the
//! connection made again, never a reason to quit; SIGTERM, SIGHUP and
//! SIGINT end the console with the terminal restored.

use super::{Console, draw};
use crate::instruct::server::Client;
use crate::instruct::{Request, SOCKET};
use ratatui::crossterm::event::{self, Event as TermEvent, KeyEventKind};
use std::io;
use std::path::{Path, PathBuf};
use std::process::ExitCode;
use std::sync::Arc;
use std::sync::atomic::{AtomicBool, Ordering};
use std::time::{Duration, Instant};

/// How often the console asks for the rehearsal's status.
const REFRESH: Duration = Duration::from_millis(500);

/// `kap instruct [SESSION]`, attached to the rehearsal in `dir` (the
/// command line finds it).
pub fn run(dir: PathBuf, lang: crate::i18n::Lang) -> ExitCode {
    let client = match Client::connect(&dir) {
        Ok(c) => c,
        Err(e) => {
            crate::errln!(
                "kap: {}",
                crate::say!(
                    lang,
                    "instruct-cannot-attach",
                    folder = dir.display().to_string(),
                    error = e.to_string()
                )
            );
            return ExitCode::FAILURE;
        }
    };
    // Before the terminal changes: a signal from now on ends the loop,
    // which then restores the terminal.
    let stop = Arc::new(AtomicBool::new(false));
    for sig in [
        signal_hook::consts::SIGTERM,
        signal_hook::consts::SIGHUP,
        signal_hook::consts::SIGINT,
    ] {
        let _ = signal_hook::flag::register(sig, Arc::clone(&stop));
    }
    let mut terminal = match crate::tui::frame::FullScreen::open() {
        Ok(t) => t,
        Err(e) => {
            crate::errln!(
                "kap: {}",
                crate::say!(lang, "cli-terminal-unusable", error = e.to_string())
            );
            return ExitCode::FAILURE;
        }
    };
    let mut link = Link {
        dir,
        client: Some(client),
        stop,
    };
    let ended = console_loop(&mut terminal, &mut link, lang);
    terminal.close();
    match ended {
        Ok(()) => ExitCode::SUCCESS,
        Err(e) if e.kind() == io::ErrorKind::Interrupted => ExitCode::from(143),
        Err(e) => {
            crate::errln!("kap: {e}");
            ExitCode::FAILURE
        }
    }
}

/// The connection, made again after the rehearsal failed to answer (an
/// answer that comes late must not be read as the next one's).
struct Link {
    dir: PathBuf,
    client: Option<Client>,
    stop: Arc<AtomicBool>,
}

impl Link {
    /// Ask, and say what happened on the console. `Err` only for what
    /// ends the console: a signal, or the rehearsal gone.
    fn ask(&mut self, c: &mut Console, r: &Request, lang: crate::i18n::Lang) -> io::Result<()> {
        let status = *r == Request::Status;
        if self.client.is_none() {
            match Client::connect(&self.dir) {
                Ok(cl) => self.client = Some(cl),
                Err(e) if gone(&self.dir, &e) => return Err(ended(lang)),
                Err(_) => {
                    c.trouble = Some(crate::say!(lang, "instruct-not-answering"));
                    return Ok(());
                }
            }
        }
        let Some(client) = self.client.as_mut() else {
            return Ok(());
        };
        match client.ask_until(r, &self.stop, lang) {
            Ok(reply) if status => c.status_answered(reply),
            Ok(reply) => c.answered(reply),
            Err(e) if e.kind() == io::ErrorKind::TimedOut => {
                self.client = None;
                c.trouble = Some(crate::say!(lang, "instruct-not-answering"));
                if !status {
                    c.message = Some((crate::say!(lang, "instruct-no-answer"), true));
                }
            }
            Err(e) => return Err(e),
        }
        Ok(())
    }
}

/// Whether a failed connection means the rehearsal has ended (its socket
/// removed, or left by a process that is gone).
fn gone(dir: &Path, e: &io::Error) -> bool {
    matches!(
        e.kind(),
        io::ErrorKind::NotFound | io::ErrorKind::ConnectionRefused
    ) || !dir.join(SOCKET).exists()
}

fn ended(lang: crate::i18n::Lang) -> io::Error {
    io::Error::new(
        io::ErrorKind::UnexpectedEof,
        crate::say!(lang, "instruct-rehearsal-ended"),
    )
}

fn interrupted() -> io::Error {
    io::Error::new(io::ErrorKind::Interrupted, "stopped by a signal")
}

fn console_loop(
    terminal: &mut crate::tui::frame::FullScreen,
    link: &mut Link,
    lang: crate::i18n::Lang,
) -> io::Result<()> {
    let mut c = Console::new();
    let mut last = Instant::now() - REFRESH;
    loop {
        if link.stop.load(Ordering::SeqCst) {
            return Err(interrupted());
        }
        if last.elapsed() >= REFRESH {
            link.ask(&mut c, &Request::Status, lang)?;
            last = Instant::now();
        }
        terminal.draw(|f| draw(f, &c, lang))?;
        if c.quit {
            return Ok(());
        }
        let wait = REFRESH.saturating_sub(last.elapsed());
        if event::poll(wait)?
            && let TermEvent::Key(k) = event::read()?
            && k.kind != KeyEventKind::Release
            && let Some(r) = c.on_key(k, lang)
        {
            link.ask(&mut c, &r, lang)?;
            // Show the change at once.
            last = Instant::now() - REFRESH;
        }
    }
}
