//! The full-screen app: terminal set-up and tear-down, the event loop, and
//! signals. Everything else is in `app` (state and update), `modal`
//! (dialogs), `view` (the view model and rendering) and `reader` (the
//! screen-reader mode, a second renderer over the same app).

pub mod app;
pub mod bigclock;
pub mod frame;
mod hangup;
pub mod instructor;
pub mod keys;
pub mod modal;
mod prepare;
pub mod present;
pub mod reader;
pub mod replay;
pub mod screens;
pub mod theme;
pub mod view;

use crate::record::Store;
use app::{App, Screen};
use ratatui::crossterm::event::{self, Event as TermEvent, KeyEventKind};
use std::path::{Path, PathBuf};
use std::process::ExitCode;
use std::sync::Arc;
use std::sync::atomic::{AtomicBool, Ordering};
use std::time::Duration;
use theme::{Theme, ThemeName};

/// What `kap run`, `kap rehearse` and `kap resume` ask for.
#[derive(Debug, Clone)]
pub struct RunOptions {
    /// The language asked for on the command line (`--lang`): it decides
    /// over the protocol's (`i18n::settle`).
    pub lang: Option<crate::i18n::Lang>,
    pub protocol: Option<PathBuf>,
    pub patient: Option<String>,
    pub session: Option<u32>,
    pub weight: Option<f64>,
    pub mg_per_kg: Option<f64>,
    /// The clinicians present, `;` between them.
    pub clinician: Option<String>,
    pub rehearsal: bool,
    /// Simulated-time speed (rehearsal only).
    pub speed: f64,
    pub theme: Option<ThemeName>,
    pub playlists: PathBuf,
    /// Continue this session folder instead of starting a new one.
    pub resume: Option<PathBuf>,
    /// Rehearsal scenario file, and a seed overriding its own.
    pub scenario: Option<PathBuf>,
    pub seed: Option<u64>,
    /// The screen-reader transcript instead of the full screen.
    pub screen_reader: bool,
    /// Output device for alarm sounds and chimes.
    pub alarm_device: Option<String>,
    /// A visit of this kind instead of a dosing session.
    pub visit: Option<crate::session::VisitStart>,
    /// `--monitor`: the address to listen on for the bedside monitor.
    pub monitor: Option<String>,
}

/// Why the event loop ended.
enum Exit {
    /// The clinician left (or a signal asked kap to stop).
    Left,
    /// The terminal is gone: closed window, ssh drop, killed tmux.
    HungUp,
}

/// Run the app until the clinician leaves, a signal stops it or the
/// terminal goes away. Returns the process exit code.
/// `lang` is the command line's language (the app then settles on the
/// protocol's unless one was chosen).
pub fn run(opts: RunOptions, lang: crate::i18n::Lang) -> ExitCode {
    match prepare::prepare(&opts, lang) {
        Ok(app) => run_app(app, opts.screen_reader),
        Err(e) => {
            crate::errln!("kap: {e}");
            ExitCode::FAILURE
        }
    }
}

/// `kap replay`: play a session folder back, read-only (see `replay`), on
/// the full screen or as a transcript.
pub fn run_replay(
    store: Store,
    dir: &Path,
    speed: f64,
    theme: Option<ThemeName>,
    screen_reader: bool,
    flag: Option<crate::i18n::Lang>,
) -> ExitCode {
    match replay::prepare(
        store,
        dir,
        speed,
        Theme::new(ThemeName::initial(theme)),
        flag,
    ) {
        Ok(app) => run_app(app, screen_reader),
        Err(e) => {
            crate::errln!("kap: {e}");
            ExitCode::FAILURE
        }
    }
}

/// What opening a branch asks of `prepare`: the rehearsal, resumed.
pub fn branch_options(
    dir: PathBuf,
    speed: f64,
    theme: Option<ThemeName>,
    lang: Option<crate::i18n::Lang>,
) -> RunOptions {
    RunOptions {
        lang,
        protocol: None,
        patient: None,
        session: None,
        weight: None,
        mg_per_kg: None,
        clinician: None,
        rehearsal: true,
        speed,
        theme,
        playlists: "playlists".into(),
        resume: Some(dir),
        scenario: None,
        seed: None,
        screen_reader: false,
        alarm_device: None,
        visit: None,
        monitor: None,
    }
}

fn run_app(mut app: App, screen_reader: bool) -> ExitCode {
    let lang = app.lang;
    // SIGTERM, SIGHUP and SIGINT set the stop flag; the watchdog makes
    // sure the app then stops, as it does when the terminal goes away. The
    // journal is already fsynced entry by entry, so closing is all there is.
    let stop = Arc::new(AtomicBool::new(false));
    hangup::start_watchdog(Arc::clone(&stop));
    if screen_reader || reader::asked_by_env() {
        if app.replay.is_some() {
            return replay_in_reader(app, stop);
        }
        return reader::run(app, stop);
    }
    let watch = hangup::Watch::new();
    let mut terminal = match frame::FullScreen::open() {
        Ok(t) => t,
        Err(e) => {
            crate::errln!(
                "kap: {}",
                crate::say!(lang, "cli-terminal-unusable", error = e.to_string())
            );
            return ExitCode::FAILURE;
        }
    };
    let mut result = event_loop(&mut terminal, &mut app, &stop, &watch);
    // A branch made in a replay: the rehearsal opens on it, on the same
    // terminal, its simulated clock at the branch's moment.
    while let (Ok(Exit::Left), Some(dir)) = (
        &result,
        app.replay.as_mut().and_then(|r| r.branch_to.take()),
    ) {
        if stop.load(Ordering::SeqCst) || watch.hung_up() {
            break;
        }
        let speed = app.scaled.as_ref().map_or(30.0, |c| c.speed());
        let theme = Some(app.theme.name);
        // A branch goes on in the language the replay was in.
        let opts = branch_options(dir.clone(), speed, theme, Some(app.lang));
        match prepare::prepare(&opts, app.lang) {
            Ok(next) => app = next,
            Err(e) => {
                terminal.close();
                crate::errln!(
                    "kap: {}",
                    crate::say!(
                        lang,
                        "branch-cannot-open",
                        folder = dir.display().to_string(),
                        error = e
                    )
                );
                return ExitCode::FAILURE;
            }
        }
        result = event_loop(&mut terminal, &mut app, &stop, &watch);
    }
    let hung_up = matches!(result, Ok(Exit::HungUp)) || watch.hung_up();
    if hung_up {
        // Nothing can be shown any more, and a write to the dead terminal
        // (by kap or by a library on its way out) must not panic.
        hangup::detach_stdio();
    }
    terminal.close();
    // Close the record before anything else can go wrong: the lock is
    // released and the journal closed, ready for `kap resume`.
    let open_dir = match &app.screen {
        Screen::Session(v) => Some(v.open.dir.clone()),
        _ => None,
    };
    drop(app);
    if hung_up {
        return ExitCode::from(129);
    }
    match result {
        Ok(_) => {
            if let Some(dir) = open_dir {
                crate::outln!(
                    "kap: the session stays open in {} — `kap resume` continues it.",
                    dir.display()
                );
            }
            ExitCode::SUCCESS
        }
        Err(e) => {
            crate::errln!(
                "kap: {}",
                crate::say!(lang, "cli-terminal-error", error = e.to_string())
            );
            ExitCode::FAILURE
        }
    }
}

/// A replay as a transcript; a branch made there opens in the same mode,
/// as the full screen opens it on the same terminal.
fn replay_in_reader(app: App, stop: Arc<AtomicBool>) -> ExitCode {
    let lang = app.lang;
    let theme = Some(app.theme.name);
    let Some((dir, speed)) = reader::replay::run(app, Arc::clone(&stop)) else {
        return ExitCode::SUCCESS;
    };
    let mut opts = branch_options(dir.clone(), speed, theme, Some(lang));
    opts.screen_reader = true;
    match prepare::prepare(&opts, lang) {
        Ok(next) => reader::run(next, stop),
        Err(e) => {
            crate::errln!(
                "kap: {}",
                crate::say!(
                    lang,
                    "branch-cannot-open",
                    folder = dir.display().to_string(),
                    error = e
                )
            );
            ExitCode::FAILURE
        }
    }
}

/// How long to look for input already there. Not zero: crossterm's
/// level-triggered source (the `use-dev-tty` feature, see Cargo.toml)
/// treats a zero timeout as already expired and never looks.
const PEEK: Duration = Duration::from_millis(1);

fn event_loop(
    terminal: &mut frame::FullScreen,
    app: &mut App,
    stop: &AtomicBool,
    watch: &hangup::Watch,
) -> std::io::Result<Exit> {
    // Events the terminal library has already read but the last batch did
    // not reach: handled after the next frame without waiting for the
    // terminal, which has nothing more to say about them.
    let mut queued = false;
    loop {
        if watch.hung_up() {
            return Ok(Exit::HungUp);
        }
        let now = app.clock.now();
        app.on_tick(&now);
        terminal.draw(|f| view::draw(f, app, &now))?;
        // Help draws in the body: the frame less header, phase strip,
        // message line and footer.
        let area = terminal.area();
        app.help_rows = area.height.saturating_sub(4);
        app.help_cols = area.width;
        if app.quit || stop.load(Ordering::SeqCst) {
            return Ok(Exit::Left);
        }
        // Wake for the next displayed second (sooner in fast rehearsal),
        // or at once on input. No busy loop.
        let speed = app.scaled.as_ref().map_or(1.0, |c| c.speed());
        let wait = if speed > 1.0 {
            let tick_ms = (1000.0 / speed).clamp(100.0, 1000.0) as u64;
            let into_tick = (now.wall.timestamp_subsec_millis() as u64) % tick_ms;
            Duration::from_millis((tick_ms - into_tick).max(20))
        } else {
            // Just past the moment the timer on screen turns over.
            Duration::from_millis(app.ms_to_next_second(&now).clamp(1, 1000) as u64 + 2)
        };
        if !queued {
            match watch.wait_input(wait) {
                hangup::Wait::HungUp => return Ok(Exit::HungUp),
                hangup::Wait::Quiet => continue,
                hangup::Wait::Ready => {}
            }
        }
        queued = false;
        if event::poll(PEEK)? {
            // Handle everything already waiting before drawing again: a
            // window being dragged sends resizes by the hundred, and a
            // frame for each would leave the screen lagging behind. The
            // batch is bounded, and a hang-up or a signal ends it.
            // A hung-up terminal also reads as "ready": ask before every
            // read, which would otherwise wait for a key that never comes.
            for n in 1..=1000 {
                if watch.hung_up() || stop.load(Ordering::SeqCst) {
                    break;
                }
                match event::read()? {
                    TermEvent::Key(k) if k.kind != KeyEventKind::Release => app.on_key(k),
                    TermEvent::Paste(text) => app.on_paste(&text),
                    _ => {} // resize and others: just redraw
                }
                if app.quit || !event::poll(PEEK)? {
                    break;
                }
                queued = n == 1000;
            }
        }
    }
}
