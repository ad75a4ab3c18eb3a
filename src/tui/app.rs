//! The app's model and its update function. Key presses (through the key
//! table, a dialog, the editor or the vitals line) and typed lines (the
//! screen-reader mode) become a [`Msg`]; `App::update` does it, and is the
//! only way to the record: session events are written to the journal
//! before they show as saved. Renderers read the view model (`view::Ui`);
//! dialogs live in `tui::modal`. The behaviour is split by where it
//! happens: `update` (every message), `start` (the start screen),
//! `actions` (the key table's commands), `flow` (prompts, phases, closing,
//! the editor and vitals line) and `background` (between key presses:
//! sound, scenario, the journal's whereabouts). What a tick finds — a
//! player's event, a scenario's, a clock fault, a simulated device
//! failure — reaches the record through `update` too, as a [`Msg`].

use super::keys::{self, Action, Ctx};
use super::theme::Theme;
use crate::clocks::ScaledClock;
use crate::protocol::dose;
use crate::protocol::{Prompt, PromptKind, Protocol};
use crate::record::{Listing, OpenSession, RecordOrRefusal, Store};
use crate::session::{Clock, Event, Millis, Moment, SessionStart, vitals};
use ratatui::crossterm::event::{KeyCode, KeyEvent, KeyModifiers};
use ratatui_textarea::TextArea;
use std::path::PathBuf;
use std::sync::Arc;

mod actions;
mod background;
mod flow;
mod meds;
pub mod monitor;
mod outcomes;
mod records;
mod risk;
mod sim;
mod sim_feed;
pub use sim::SimRun;
mod site;
pub use site::SiteSetup;
mod start;
mod update;

pub use super::screens::{
    CLINICIANS, ClosedView, Editor, START_FIELDS, START_LABELS, Screen, SessionView, StartForm,
};

use super::modal::{Confirm, SignFor};
pub use super::modal::{Modal, Outcome};
pub use update::{Msg, Technical};

/// Quick tags for one-key notes: the stored (English) tag and its message.
pub use crate::session::event::NOTE_TAGS;

#[derive(Debug, Clone, PartialEq, Eq)]
pub enum FlashKind {
    Info,
    Saved,
    Refused,
}

#[derive(Debug, Clone)]
pub struct Flash {
    pub text: String,
    pub kind: FlashKind,
}

#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum ReasonFor {
    Pause,
    Stop,
    Skip,
    Abandon,
    Schedule,
    /// A session number off the course (`pending_course_note`).
    Course,
    Withdraw,
    AudioPause,
    /// A saved answer changed: the change is a correction (`pending_answer`).
    ChangeAnswer,
    /// A note beyond an agreement made before the dose (`pending_note`).
    OutsideAgreement,
    /// Discharge after a positive risk screen without a negative
    /// reassessment.
    RiskOverride,
    /// A monitor reading rejected as an artefact.
    MonitorReject,
}

impl ReasonFor {
    pub fn title(self, lang: crate::i18n::Lang) -> String {
        crate::i18n::text(
            lang,
            match self {
                ReasonFor::Pause => "reason-pause",
                ReasonFor::Stop => "reason-stop",
                ReasonFor::Skip => "reason-skip",
                ReasonFor::Abandon => "reason-abandon",
                ReasonFor::Schedule => "reason-schedule",
                ReasonFor::Course => "reason-course",
                ReasonFor::Withdraw => "reason-withdraw",
                ReasonFor::AudioPause => "reason-audio-pause",
                ReasonFor::ChangeAnswer => "reason-change-answer",
                ReasonFor::OutsideAgreement => "reason-outside-agreement",
                ReasonFor::RiskOverride => "reason-risk-override",
                ReasonFor::MonitorReject => "reason-monitor-reject",
            },
            None,
        )
    }
}

/// A music or support choice offered in the intentions phase.
#[derive(Debug, Clone)]
pub struct MusicOption {
    pub label: String,
    pub playlist: Option<String>,
    pub support: Option<String>,
}

/// The editor's target when it edits the course's goals rather than a
/// prompt (prompt ids are slugs, so this cannot collide).
pub const GOALS_EDITOR: &str = "@goals";

/// What the course brings into this session (see `record::course`).
pub type CourseContext = crate::record::course::SoFar;

pub struct App {
    /// The language the app speaks: its screens, screen-reader mode and
    /// messages are worded in it. Settled before the app is built
    /// (`prepare`, `replay::prepare`: the protocol's language unless the
    /// clinician chose one), given to `App::new`, and handed from here to
    /// what renders (`Ui::lang`).
    pub lang: crate::i18n::Lang,
    pub clock: Arc<dyn Clock>,
    /// Present in rehearsal: the accelerated clock, for speed keys.
    pub scaled: Option<Arc<ScaledClock>>,
    pub store: Store,
    pub rehearsal: bool,
    pub protocol_path: PathBuf,
    pub protocol_text: String,
    pub protocol: Arc<Protocol>,
    pub theme: Theme,
    pub screen: Screen,
    pub modal: Option<Modal>,
    pub help: bool,
    /// The help page shown.
    pub help_page: usize,
    /// The rows help has, as last drawn (its pages depend on them).
    pub help_rows: u16,
    /// The screen's width, which help wraps its lines to.
    pub help_cols: u16,
    pub quit: bool,
    pub flash: Option<Flash>,
    /// Every message set since the transcript last read them: two in one
    /// tick (the infusion paused, then a patient's line) are both said.
    /// The full screen shows only the last; the newest 32 are kept.
    pub flashes: Vec<Flash>,
    /// Playlist files offered in the intentions phase.
    pub playlists: Vec<crate::audio::PlaylistInfo>,
    /// Playback (silent when there is no device or in rehearsal).
    pub audio: Box<dyn crate::audio::Audio>,
    /// Where alarm sounds and chimes go when not the music's device
    /// (`--alarm-device`): the clinician's ears, not the patient's
    /// headphones.
    pub alarm_audio: Option<Box<dyn crate::audio::Audio>>,
    /// The alarm device's name, when one was given.
    pub alarm_device: Option<String>,
    /// Whether any track has started since the last `play` (for fallback).
    pub audio_started: bool,
    /// Chimes for due prompts and alerts (the protocol's default; `h`).
    pub chime_on: bool,
    /// What the last tick saw, to chime once on a change.
    last_vitals_due: Option<crate::session::DueState>,
    last_alerts: usize,
    /// When an escalated alarm last sounded.
    last_alarm_sound: Option<Moment>,
    /// The step of a stepped dose the last tick saw running.
    last_step: Option<usize>,
    /// The moment of the last tick (to notice suspends and clock jumps).
    last_tick: Option<Moment>,
    /// The clock is the system's, so a long gap between ticks is a real
    /// suspend or stall (set by the shell that made the clock).
    pub watch_clock: bool,
    /// Rehearsal with a scenario: the simulated patient.
    pub sim: Option<crate::rehearsal::Patient>,
    /// Scenario events already shown (by index).
    pub sim_seen: Vec<bool>,
    /// A rehearsal's simulation log and instructor socket.
    pub sim_run: Option<sim::SimRun>,
    /// The course around the session on screen.
    pub course: CourseContext,
    /// The patient id `course` (and the start form's resumable session)
    /// were looked up for: the store is read when the id is complete (the
    /// field left, Enter, Ctrl-R), not on every keystroke.
    course_patient: Option<String>,
    /// The reason given for starting outside the date window.
    pub pending_schedule_note: Option<String>,
    /// The reason given for a session number off the course, with the
    /// findings it answers.
    pub pending_course_note: Option<crate::session::CourseNote>,
    /// A changed answer waiting for its reason: (prompt, new text).
    pub pending_answer: Option<(String, String)>,
    /// A note beyond an agreement waiting for its reason: (text, tags,
    /// when taken).
    pub pending_note: Option<(String, Vec<String>, Option<Moment>)>,
    /// A rescue dose beyond the agreement or the formulary waiting for
    /// its reason: (the entry, when given).
    pub pending_medication: Option<(Event, Option<Moment>)>,
    /// Which of the clinicians present makes entries now (`w`).
    pub author: usize,
    /// Rendered as a screen-reader transcript (`tui::reader`), not a full
    /// screen: recorded in the session's start entry.
    pub screen_reader: bool,
    /// A replay (`kap replay`): read-only, its own keys (`tui::replay`).
    pub replay: Option<Box<super::replay::Replay>>,
    /// A rehearsal branched from another: where from, and when.
    pub branched: Option<crate::rehearsal::branch::BranchLink>,
    /// The patient's self-report screen, over the session (`Q`).
    pub self_report: Option<Box<super::screens::SelfReport>>,
    /// The site's server and directory of clinicians (`SiteSetup::load`).
    pub site: SiteSetup,
    /// Who writes now when it is not one of the clinicians present at the
    /// start (`kap resume --clinician`: an addendum days later).
    pub author_from_directory: Option<String>,
    /// The bedside monitor's feed (`--monitor`).
    pub monitor: Option<monitor::MonitorLink>,
    /// A rehearsal's simulated monitor sending to that feed.
    sim_feed: Option<sim_feed::SimFeed>,
}

pub fn line_input(initial: &str) -> TextArea<'static> {
    let mut t = TextArea::new(vec![initial.to_string()]);
    t.move_cursor(ratatui_textarea::CursorMove::End);
    t
}

/// Feed a key to a one-line input: no key adds a line (the caller takes
/// Enter). Line breaks a note's paste put there stay.
pub fn feed_line(t: &mut TextArea<'static>, key: KeyEvent) {
    let lines = t.lines().len();
    if t.input(key) && t.lines().len() > lines {
        t.undo();
    }
}

pub fn text_of(t: &TextArea<'_>) -> String {
    t.lines().join("\n")
}

impl App {
    /// An app on the start screen, speaking `lang`. `protocol_text` must
    /// be a valid protocol (the caller has loaded it once to report errors).
    #[allow(clippy::too_many_arguments)]
    pub fn new(
        lang: crate::i18n::Lang,
        store: Store,
        protocol_path: PathBuf,
        protocol_text: String,
        protocol: Arc<Protocol>,
        clock: Arc<dyn Clock>,
        scaled: Option<Arc<ScaledClock>>,
        rehearsal: bool,
        theme: Theme,
    ) -> App {
        App {
            clock,
            scaled,
            store,
            rehearsal,
            protocol_path,
            protocol_text,
            protocol,
            theme,
            lang,
            screen: Screen::Start(Box::new(StartForm::empty())),
            modal: None,
            help: false,
            course_patient: None,
            help_page: 0,
            help_rows: 20,
            help_cols: 80,
            quit: false,
            flash: None,
            flashes: Vec::new(),
            playlists: Vec::new(),
            audio: Box::new(crate::audio::Silent::new("no audio opened")),
            audio_started: false,
            alarm_audio: None,
            alarm_device: None,
            chime_on: false,
            last_vitals_due: None,
            last_alerts: 0,
            last_alarm_sound: None,
            last_step: None,
            last_tick: None,
            watch_clock: false,
            sim: None,
            sim_seen: Vec::new(),
            sim_run: None,
            course: CourseContext::default(),
            pending_schedule_note: None,
            pending_course_note: None,
            pending_answer: None,
            pending_note: None,
            pending_medication: None,
            screen_reader: false,
            author: 0,
            replay: None,
            branched: None,
            self_report: None,
            site: SiteSetup::default(),
            author_from_directory: None,
            monitor: None,
            sim_feed: None,
        }
    }

    /// Load the course of `patient` under this protocol, leaving out the
    /// session in `exclude`.
    pub fn load_course(&self, patient: &str, exclude: Option<&PathBuf>) -> CourseContext {
        crate::record::course::so_far(
            &self.store,
            patient,
            &self.protocol.protocol.id,
            self.rehearsal,
            exclude,
        )
    }

    /// The goals as they stand in the session on screen.
    pub fn goals(&self) -> Vec<String> {
        match &self.screen {
            Screen::Session(v) => v
                .open
                .session
                .goals
                .clone()
                .unwrap_or_else(|| self.course.goals.clone()),
            _ => self.course.goals.clone(),
        }
    }

    /// The date window for the session the start form describes, and
    /// where today falls in it.
    pub fn start_window(
        &self,
        session: u32,
        today: chrono::NaiveDate,
    ) -> Option<(crate::session::course::Window, crate::session::course::Fit)> {
        let here = self
            .course
            .previous
            .as_ref()
            .map(|p| p.session.started_at.wall.date_naive());
        // A session held on another laptop since counts as the previous.
        let prev = here.max(self.course.elsewhere_last)?;
        let w = crate::session::course::window(&self.protocol, session, prev)?;
        let fit = w.fit(today);
        Some((w, fit))
    }

    /// Give the rehearsal a simulated patient.
    pub fn set_patient(&mut self, p: crate::rehearsal::Patient) {
        self.sim_seen = vec![false; p.scenario.events.len()];
        self.sim = Some(p);
    }

    pub fn set_flash(&mut self, text: impl Into<String>, kind: FlashKind) {
        let flash = Flash {
            text: text.into(),
            kind,
        };
        if self.flashes.len() >= 32 {
            self.flashes.remove(0);
        }
        self.flashes.push(flash.clone());
        self.flash = Some(flash);
    }

    /// The key contexts that apply now: help's or an open dialog's, else
    /// the screen's own (for the keys, the footer and help).
    pub fn contexts(&self) -> Vec<Ctx> {
        if self.help {
            return vec![Ctx::Help];
        }
        let now = self.clock.now();
        let shell = super::screens::Shell {
            now: &now,
            rehearsal: self.rehearsal,
            simulator: self.sim.is_some(),
        };
        if let Some(sr) = &self.self_report {
            use super::screens::Component;
            return sr.contexts(&shell);
        }
        if let Some(m) = &self.modal {
            return vec![m.ctx()];
        }
        self.screen.component().contexts(&shell)
    }

    /// Handle one key press.
    pub fn on_key(&mut self, key: KeyEvent) {
        let lang = self.lang;
        let now = self.clock.now();
        // The patient's screen takes every key (Ctrl-C too) until it is
        // handed back.
        if self.self_report.is_some() {
            use super::screens::Component;
            let ctxs = self.contexts();
            let msg = self
                .self_report
                .as_mut()
                .and_then(|sr| sr.on_key(key, &ctxs));
            if let Some(msg) = msg {
                self.update(msg, &now);
            }
            return;
        }
        if key.modifiers.contains(KeyModifiers::CONTROL) && key.code == KeyCode::Char('c') {
            // Ctrl-C is not an accident-proof way out: ask.
            self.modal = Some(Modal::Confirm(Confirm::Quit));
            return;
        }
        if self.modal.is_some() {
            self.on_modal_key(key, &now);
            return;
        }
        if self.help {
            // Help pages forward and back; any other key closes it.
            match key.code {
                KeyCode::PageDown | KeyCode::Char(' ') | KeyCode::Down => {
                    let (_, pages) = keys::help_pages(self.help_rows, self.help_cols, lang);
                    self.help_page = (self.help_page + 1).min(pages - 1);
                }
                KeyCode::PageUp | KeyCode::Up => {
                    self.help_page = self.help_page.saturating_sub(1);
                }
                _ => {
                    self.help = false;
                    self.help_page = 0;
                }
            }
            return;
        }
        self.flash = None;
        if self.replay.is_some() {
            // The replay over the screen as it stood: it lets that
            // screen's looking keys through.
            use super::screens::Component;
            let beneath = self.contexts();
            let msg = self.replay.as_mut().and_then(|r| r.on_key(key, &beneath));
            if let Some(msg) = msg {
                self.update(msg, &now);
            }
            return;
        }
        // The screen turns the key into a change of its own state or a
        // message; the message is done here, through `update`.
        let ctxs = self.contexts();
        if let Some(msg) = self.screen.component_mut().on_key(key, &ctxs) {
            self.update(msg, &now);
        }
    }

    // ----- session -----------------------------------------------------

    /// Record an event and flash `done` when it is saved. Only `update`
    /// and what it calls reach here.
    fn record_flash(&mut self, ev: Event, done: &str, now: &Moment) -> bool {
        let ok = self.record(ev, now);
        if ok {
            self.set_flash(done, FlashKind::Saved);
        }
        ok
    }

    /// Record an event; flash the refusal or a loud disk error.
    fn record(&mut self, ev: Event, now: &Moment) -> bool {
        self.record_taken(ev, now, None)
    }

    /// Milliseconds until the next frame: when the infusion timer runs, the
    /// moment it turns over (it counts from the infusion's start, and it is
    /// the figure that must never lag); otherwise the wall clock's next
    /// second. One wake-up a second, never two: the header clock and the
    /// other counters are then at most a second behind.
    pub fn ms_to_next_second(&self, now: &Moment) -> Millis {
        let wall = 1000 - Millis::from(now.wall.timestamp_subsec_millis() % 1000);
        let timer = self
            .view()
            .map(|v| &v.open.session.dosing)
            .filter(|d| d.state(now) == crate::session::DosingState::Running)
            .map(|d| 1000 - d.elapsed(now).rem_euclid(1000));
        timer.unwrap_or(wall)
    }

    /// `infusion` or `bolus`, for the words of the session on screen.
    fn dosing_what(&self) -> &'static str {
        self.view()
            .map_or("infusion", |v| v.open.session.dosing.what())
    }

    fn view(&self) -> Option<&SessionView> {
        match &self.screen {
            Screen::Session(v) => Some(v),
            _ => None,
        }
    }

    fn view_mut(&mut self) -> Option<&mut SessionView> {
        match &mut self.screen {
            Screen::Session(v) => Some(v),
            _ => None,
        }
    }

    /// Prompts shown for the phase on screen.
    pub fn visible_prompts(&self) -> Vec<Prompt> {
        let Some(v) = self.view() else { return vec![] };
        let s = &v.open.session;
        let phase = &s.protocol().phases[v.view_phase];
        s.prompts(phase).cloned().collect()
    }

    /// Highlight the prompt at `index` in the phase on screen.
    pub fn select(&mut self, index: usize) {
        let count = self.visible_prompts().len();
        if let Some(v) = self.view_mut()
            && index < count
        {
            v.selected = index;
        }
    }

    fn open_music_choice(&mut self) {
        let lang = self.lang;
        let music = self.protocol.music.clone();
        let mut options: Vec<MusicOption> = self
            .playlists
            .iter()
            .map(|p| {
                let file = p
                    .playlist
                    .path
                    .file_name()
                    .map(|n| n.to_string_lossy().into_owned())
                    .unwrap_or_default();
                let mut label = crate::say!(lang, "music-option-playlist", playlist = p.line(lang));
                if let Some(w) = p.short_warning(music.as_ref(), lang) {
                    label.push_str(&format!("  ⚠ {w}"));
                }
                MusicOption {
                    label,
                    playlist: Some(file),
                    support: None,
                }
            })
            .collect();
        if let Some(m) = &self.protocol.music {
            for s in &m.supports {
                options.push(MusicOption {
                    label: crate::say!(lang, "music-none-support", support = s.label.clone()),
                    playlist: None,
                    support: Some(s.id.clone()),
                });
            }
        }
        if options.is_empty() {
            self.set_flash(crate::say!(lang, "music-no-options"), FlashKind::Info);
            return;
        }
        self.modal = Some(Modal::Music(super::modal::Music {
            options,
            selected: 0,
        }));
    }

    fn open_reason(&mut self, purpose: ReasonFor) {
        self.modal = Some(Modal::Reason(super::modal::Reason::new(purpose)));
    }
}
