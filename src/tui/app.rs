//! The app's model and its update function: key presses become session
//! events (written to the journal before they show as saved) or changes to
//! what is on screen. Rendering lives in `view`; the terminal in `mod.rs`.

use super::keys::{self, Action, Ctx};
use super::theme::Theme;
use crate::clocks::ScaledClock;
use crate::protocol::dose::{self, DoseRequest};
use crate::protocol::{PhaseRole, Prompt, PromptKind, Protocol};
use crate::record::{Listing, OpenSession, RecordOrRefusal, Store};
use crate::session::{Clock, Event, Millis, Moment, SessionStart, vitals};
use ratatui::crossterm::event::{KeyCode, KeyEvent, KeyModifiers};
use ratatui_textarea::TextArea;
use std::path::PathBuf;
use std::sync::Arc;

/// Quick tags for one-key notes.
pub const NOTE_TAGS: [&str; 8] = [
    "nausea",
    "vomiting",
    "distress",
    "tearful",
    "BP intervention",
    "dizziness",
    "anxiety",
    "asked to stop",
];

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
}

impl ReasonFor {
    pub fn title(self) -> &'static str {
        match self {
            ReasonFor::Pause => "Pause the infusion — reason",
            ReasonFor::Stop => "Stop the infusion early — reason",
            ReasonFor::Skip => "Move on without the required items — reason",
            ReasonFor::Abandon => "End the session early — reason",
            ReasonFor::Schedule => "Outside the protocol's date window — reason",
        }
    }
}

/// A music or support choice offered in the intentions phase.
#[derive(Debug, Clone)]
pub struct MusicOption {
    pub label: String,
    pub playlist: Option<String>,
    pub support: Option<String>,
}

pub enum Modal {
    Reason {
        purpose: ReasonFor,
        input: TextArea<'static>,
        armed: bool,
    },
    Note {
        input: TextArea<'static>,
        typing: bool,
        armed: bool,
    },
    Ack {
        alert: u32,
        input: TextArea<'static>,
        armed: bool,
    },
    Music {
        options: Vec<MusicOption>,
        selected: usize,
    },
    /// Entering a typed value (yes/no, choice, number, time, scale).
    Value {
        prompt: Box<Prompt>,
        input: TextArea<'static>,
        armed: bool,
    },
    ConfirmQuit,
    /// The text editor was left with unsaved changes.
    ConfirmDiscard,
}

/// The editor's target when it edits the course's goals rather than a
/// prompt (prompt ids are slugs, so this cannot collide).
pub const GOALS_EDITOR: &str = "@goals";

/// What the course brings into this session: the previous session and the
/// goals carried forward.
#[derive(Debug, Clone, Default)]
pub struct CourseContext {
    pub previous: Option<crate::record::course::CourseEntry>,
    /// Goals as carried in from earlier sessions.
    pub goals: Vec<String>,
    /// Sessions of this course already recorded (not counting this one).
    pub held: Vec<u32>,
}

/// Editing a free-text answer (or the goals, one per line).
pub struct Editor {
    pub prompt: String,
    pub original: String,
    pub area: TextArea<'static>,
}

pub struct StartForm {
    /// patient, session, weight, mg/kg
    pub fields: [TextArea<'static>; 4],
    pub focus: usize,
    pub error: Option<String>,
    pub resumable: Option<Listing>,
}

impl StartForm {
    pub fn empty() -> StartForm {
        StartForm {
            fields: [
                line_input(""),
                line_input(""),
                line_input(""),
                line_input(""),
            ],
            focus: 0,
            error: None,
            resumable: None,
        }
    }
}

pub const START_LABELS: [&str; 4] = [
    "Patient (pseudonymous id)",
    "Course session number",
    "Weight (kg)",
    "mg/kg (inside the session's range)",
];

pub struct SessionView {
    pub open: OpenSession,
    /// Which phase is on screen (may be an earlier one, to look back).
    pub view_phase: usize,
    pub selected: usize,
    pub editor: Option<Editor>,
    pub vitals: TextArea<'static>,
    pub vitals_focus: bool,
    pub last_saved: Option<(u64, Moment)>,
    pub disk_error: Option<String>,
    /// The session folder is no longer where the journal was opened:
    /// nothing can be saved until it is re-created (`R`).
    pub vanished: bool,
}

pub struct ClosedView {
    pub open: OpenSession,
    pub summary: Result<PathBuf, String>,
    /// In a scenario rehearsal: the report's summary and where it was written.
    pub report: Option<(String, Result<PathBuf, String>)>,
}

pub enum Screen {
    Start(Box<StartForm>),
    Session(Box<SessionView>),
    Closed(Box<ClosedView>),
}

pub struct App {
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
    pub quit: bool,
    pub flash: Option<Flash>,
    /// Playlist files offered in the intentions phase.
    pub playlists: Vec<crate::audio::PlaylistInfo>,
    /// Playback (silent when there is no device or in rehearsal).
    pub audio: Box<dyn crate::audio::Audio>,
    /// Whether any track has started since the last `play` (for fallback).
    pub audio_started: bool,
    /// Chimes for due prompts and alerts (the protocol's default; `h`).
    pub chime_on: bool,
    /// What the last tick saw, to chime once on a change.
    last_vitals_due: Option<crate::session::DueState>,
    last_alerts: usize,
    /// Rehearsal with a scenario: the simulated patient.
    pub sim: Option<crate::rehearsal::Patient>,
    /// Scenario events already shown (by index).
    pub sim_seen: Vec<bool>,
    /// The course around the session on screen.
    pub course: CourseContext,
    /// The patient id `course` (and the start form's resumable session)
    /// were looked up for: the store is read when the id is complete (the
    /// field left, Enter, Ctrl-R), not on every keystroke.
    course_patient: Option<String>,
    /// The reason given for starting outside the date window.
    pub pending_schedule_note: Option<String>,
}

pub fn line_input(initial: &str) -> TextArea<'static> {
    let mut t = TextArea::new(vec![initial.to_string()]);
    t.move_cursor(ratatui_textarea::CursorMove::End);
    t
}

/// What a key does to a one-line dialog.
enum LineKey {
    /// Enter: the trimmed text.
    Submit(String),
    /// Esc on an empty line, or a second Esc: close, discarding.
    Close,
    /// Keep the dialog open (edited, or armed to discard on the next Esc).
    Keep,
}

/// The shared behaviour of one-line dialogs: Enter submits; Esc closes an
/// empty line at once but a typed one only when pressed again (it never
/// throws typed text away without asking); anything else edits.
fn line_key(input: &mut TextArea<'static>, armed: &mut bool, key: KeyEvent) -> LineKey {
    let text = text_of(input).trim().to_string();
    match key.code {
        KeyCode::Enter => LineKey::Submit(text),
        KeyCode::Esc if text.is_empty() || *armed => LineKey::Close,
        KeyCode::Esc => {
            *armed = true;
            LineKey::Keep
        }
        _ => {
            feed_line(input, key);
            *armed = false;
            LineKey::Keep
        }
    }
}

/// Feed a key to a one-line input, keeping it to one line.
pub fn feed_line(t: &mut TextArea<'static>, key: KeyEvent) {
    t.input(key);
    if t.lines().len() > 1 {
        *t = line_input(&t.lines().join(""));
    }
}

fn text_of(t: &TextArea<'_>) -> String {
    t.lines().join("\n")
}

impl App {
    /// An app on the start screen. `protocol_text` must be a valid protocol
    /// (the caller has loaded it once to report errors).
    #[allow(clippy::too_many_arguments)]
    pub fn new(
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
            screen: Screen::Start(Box::new(StartForm::empty())),
            modal: None,
            help: false,
            course_patient: None,
            help_page: 0,
            help_rows: 20,
            quit: false,
            flash: None,
            playlists: Vec::new(),
            audio: Box::new(crate::audio::Silent::new("no audio opened")),
            audio_started: false,
            chime_on: false,
            last_vitals_due: None,
            last_alerts: 0,
            sim: None,
            sim_seen: Vec::new(),
            course: CourseContext::default(),
            pending_schedule_note: None,
        }
    }

    /// Load the course of `patient` under this protocol, leaving out the
    /// session in `exclude`.
    pub fn load_course(&self, patient: &str, exclude: Option<&PathBuf>) -> CourseContext {
        let entries: Vec<_> = crate::record::course::load(
            &self.store,
            patient,
            &self.protocol.protocol.id,
            self.rehearsal,
        )
        .into_iter()
        .filter(|e| Some(&e.dir) != exclude)
        .collect();
        CourseContext {
            previous: crate::record::course::previous(&entries, None),
            goals: crate::record::course::current_goals(&entries),
            held: entries
                .iter()
                .filter(|e| e.session.dosing.started.is_some())
                .map(|e| e.session.start.session)
                .collect(),
        }
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
        let prev = self.course.previous.as_ref()?;
        let w = crate::session::course::window(
            &self.protocol,
            session,
            prev.session.started_at.wall.date_naive(),
        )?;
        let fit = w.fit(today);
        Some((w, fit))
    }

    /// Give the rehearsal a simulated patient.
    pub fn set_patient(&mut self, p: crate::rehearsal::Patient) {
        self.sim_seen = vec![false; p.scenario.events.len()];
        self.sim = Some(p);
    }

    /// Called on every tick: scenario events reach the screen (and a
    /// failing music device stops the music, as a real failure would).
    pub fn on_tick(&mut self, now: &Moment) {
        self.on_journal_check();
        self.on_audio(now);
        self.on_scenario(now);
        self.on_chime(now);
    }

    /// A session folder deleted, moved or replaced under a running session
    /// is a technical alert: entries written now would be lost at exit, so
    /// none is written, and the banner offers to re-create the folder.
    fn on_journal_check(&mut self) {
        let Some(v) = self.view_mut() else { return };
        let gone = !v.open.is_at_path();
        if gone && !v.vanished {
            v.vanished = true;
            v.disk_error = Some(format!(
                "the session folder {} was removed, moved or replaced; nothing is being saved",
                v.open.dir.display()
            ));
            if self.chime_on {
                self.audio.chime();
            }
        }
    }

    /// Re-create a vanished session folder from the journal still open.
    fn recreate_folder(&mut self) {
        let Some(v) = self.view_mut() else { return };
        match v.open.recreate() {
            Ok(dir) => {
                v.vanished = false;
                v.disk_error = None;
                self.set_flash(
                    format!(
                        "Session folder re-created at {}: every saved entry is in it; entries save again",
                        dir.display()
                    ),
                    FlashKind::Saved,
                );
            }
            Err(e) => {
                v.disk_error = Some(format!("the session folder could not be re-created: {e}"));
            }
        }
    }

    /// One soft chime when a vitals prompt falls due or an alert is raised,
    /// if chimes are on.
    fn on_chime(&mut self, now: &Moment) {
        let Screen::Session(v) = &self.screen else {
            return;
        };
        let due = v.open.session.vitals_due(now).map(|d| d.state);
        let alerts = v.open.session.alerts.alerts.len();
        let newly_due = due == Some(crate::session::DueState::Due)
            && self.last_vitals_due != Some(crate::session::DueState::Due);
        let new_alert = alerts > self.last_alerts;
        self.last_vitals_due = due;
        self.last_alerts = alerts;
        if self.chime_on && (newly_due || new_alert) {
            self.audio.chime();
        }
    }

    /// Player events become journal entries; failures are messages.
    fn on_audio(&mut self, now: &Moment) {
        use crate::audio::AudioEvent as A;
        for ev in self.audio.poll() {
            if !matches!(self.screen, Screen::Session(_)) {
                continue;
            }
            match ev {
                A::TrackStarted(t) => {
                    self.audio_started = true;
                    self.record(Event::TrackChanged { track: t }, now);
                }
                A::TrackFailed(t, e) => {
                    self.record(
                        Event::MusicProblem {
                            text: format!("skipped \"{t}\": {e}"),
                        },
                        now,
                    );
                    self.set_flash(format!("Music: skipped \"{t}\" ({e})"), FlashKind::Refused);
                }
                A::Ended if !self.audio_started => {
                    // Nothing in the chosen playlist could play: fall back
                    // to kap's own ambient piece.
                    self.audio_started = true;
                    self.record(
                        Event::MusicProblem {
                            text: "no track of the playlist could play; ambient fallback".into(),
                        },
                        now,
                    );
                    let fallback = crate::audio::playlist::parse(
                        std::path::Path::new("fallback.m3u"),
                        b"kap-ambient:fallback?minutes=60\n",
                    );
                    self.audio.play(&fallback);
                    self.set_flash(
                        "Music: the playlist could not play; ambient fallback",
                        FlashKind::Refused,
                    );
                }
                A::Ended => {
                    let playing = matches!(&self.screen, Screen::Session(v) if v.open.session.music.is_playing());
                    if playing {
                        self.record(Event::MusicEnded, now);
                        self.set_flash("The playlist has ended", FlashKind::Info);
                    }
                }
                A::DeviceRecovered(e) => {
                    self.record(
                        Event::MusicProblem {
                            text: format!(
                                "the audio device reported an error and was reopened: {e}"
                            ),
                        },
                        now,
                    );
                    self.set_flash(
                        format!("Audio device hiccup ({e}): reopened"),
                        FlashKind::Info,
                    );
                }
                A::DeviceFailed(e) => {
                    let playing = matches!(&self.screen, Screen::Session(v) if v.open.session.music.is_playing());
                    if playing {
                        self.record(
                            Event::MusicStopped {
                                reason: Some(format!("audio device failed: {e}")),
                            },
                            now,
                        );
                    }
                    self.set_flash(
                        format!("Audio device failed ({e}): the session and its timers go on"),
                        FlashKind::Refused,
                    );
                }
            }
        }
    }

    fn on_scenario(&mut self, now: &Moment) {
        let Some(sim) = &self.sim else { return };
        let Screen::Session(v) = &self.screen else {
            return;
        };
        let s = &v.open.session;
        let Some(start) = s.dosing.started.clone() else {
            return;
        };
        let t = now.since(&start) as f64 / crate::session::MINUTE as f64;
        let mut newly = Vec::new();
        for (i, e) in sim.scenario.events.iter().enumerate() {
            if e.minute <= t && !self.sim_seen.get(i).copied().unwrap_or(true) {
                newly.push((i, e.clone()));
            }
        }
        let playing = s.music.is_playing();
        if newly.is_empty() {
            return;
        }
        let said: Vec<String> = newly.iter().map(|(_, e)| e.text.clone()).collect();
        for (i, e) in newly {
            if let Some(x) = self.sim_seen.get_mut(i) {
                *x = true;
            }
            if e.kind == crate::rehearsal::scenario::EventKind::AudioFailure && playing {
                self.record(
                    Event::MusicStopped {
                        reason: Some("music device failed (simulated)".into()),
                    },
                    now,
                );
            }
        }
        self.set_flash(format!("Patient: {}", said.join(" ")), FlashKind::Refused);
    }

    pub fn new_start_form(
        &self,
        patient: &str,
        session: Option<u32>,
        weight: Option<f64>,
    ) -> StartForm {
        let mut f = StartForm {
            fields: [
                line_input(patient),
                line_input(&session.map(|s| s.to_string()).unwrap_or_default()),
                line_input(&weight.map(dose::num).unwrap_or_default()),
                line_input(""),
            ],
            focus: 0,
            error: None,
            resumable: None,
        };
        f.resumable = self.find_resumable(patient);
        f
    }

    /// Refresh the course for the start form's patient (after building
    /// it), and suggest the next session number when none is given.
    /// Look up the patient id on the start form, once per id: the course
    /// so far and an unfinished session to resume.
    fn look_up_patient(&mut self) {
        let Screen::Start(form) = &self.screen else {
            return;
        };
        let p = text_of(&form.fields[0]).trim().to_string();
        if self.course_patient.as_deref() == Some(p.as_str()) {
            return;
        }
        let found = self.find_resumable(&p);
        self.refresh_course();
        if let Screen::Start(form) = &mut self.screen {
            form.resumable = found;
        }
    }

    pub fn refresh_course(&mut self) {
        let Screen::Start(form) = &self.screen else {
            return;
        };
        let p = text_of(&form.fields[0]).trim().to_string();
        self.course = self.load_course(&p, None);
        self.course_patient = Some(p);
        let next = self.course.held.iter().max().map_or(1, |n| n + 1);
        if let Screen::Start(form) = &mut self.screen
            && text_of(&form.fields[1]).trim().is_empty()
            && !self.course.held.is_empty()
        {
            form.fields[1] = line_input(&next.to_string());
        }
    }

    fn find_resumable(&self, patient: &str) -> Option<Listing> {
        let p = patient.trim();
        if p.is_empty() {
            return None;
        }
        self.store
            .unfinished(self.rehearsal)
            .into_iter()
            .find(|l| l.start.patient == p && l.start.protocol_id == self.protocol.protocol.id)
    }

    pub fn set_flash(&mut self, text: impl Into<String>, kind: FlashKind) {
        self.flash = Some(Flash {
            text: text.into(),
            kind,
        });
    }

    /// The key contexts that apply now (for the footer).
    pub fn contexts(&self) -> Vec<Ctx> {
        match &self.screen {
            Screen::Start(_) => vec![Ctx::Start],
            Screen::Closed(_) => vec![],
            Screen::Session(v) => {
                if v.editor.is_some() {
                    return vec![Ctx::Editing];
                }
                let s = &v.open.session;
                let mut c = vec![];
                if !s.alerts.active().is_empty() {
                    c.push(Ctx::Alert);
                }
                let phase = &s.protocol().phases[v.view_phase];
                if !phase.prompts.is_empty() {
                    c.push(Ctx::Prompts);
                }
                if v.view_phase == s.phase {
                    match phase.role {
                        PhaseRole::Dosing => c.push(Ctx::Dosing),
                        PhaseRole::Intentions => c.push(Ctx::Intentions),
                        _ => {}
                    }
                    if s.phase + 1 == s.protocol().phases.len() {
                        c.push(Ctx::Last);
                    }
                }
                c.push(Ctx::Session);
                if self.rehearsal {
                    c.push(Ctx::Rehearsal);
                } else {
                    c.push(Ctx::Real);
                }
                if self.sim.is_some() {
                    c.push(Ctx::Simulator);
                }
                if v.vanished {
                    c.insert(0, Ctx::Vanished);
                }
                c
            }
        }
    }

    /// Handle one key press.
    pub fn on_key(&mut self, key: KeyEvent) {
        let now = self.clock.now();
        if key.modifiers.contains(KeyModifiers::CONTROL) && key.code == KeyCode::Char('c') {
            // Ctrl-C is not an accident-proof way out: ask.
            self.modal = Some(Modal::ConfirmQuit);
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
                    let (_, pages) = keys::help_pages(self.help_rows);
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
        match &mut self.screen {
            Screen::Start(_) => self.on_start_key(key, &now),
            Screen::Session(_) => self.on_session_key(key, &now),
            Screen::Closed(_) => {
                if matches!(key.code, KeyCode::Char('q') | KeyCode::Enter | KeyCode::Esc) {
                    self.quit = true;
                }
            }
        }
    }

    // ----- start screen ------------------------------------------------

    fn on_start_key(&mut self, key: KeyEvent, now: &Moment) {
        let Screen::Start(form) = &mut self.screen else {
            return;
        };
        let ctrl = key.modifiers.contains(KeyModifiers::CONTROL);
        match key.code {
            KeyCode::Tab | KeyCode::Down => {
                form.focus = (form.focus + 1) % 4;
                self.look_up_patient();
            }
            KeyCode::BackTab | KeyCode::Up => {
                form.focus = (form.focus + 3) % 4;
                self.look_up_patient();
            }
            KeyCode::Esc => {
                let typed = form.fields.iter().any(|f| !text_of(f).trim().is_empty());
                if typed {
                    self.modal = Some(Modal::ConfirmQuit);
                } else {
                    self.quit = true;
                }
            }
            KeyCode::Char('r') if ctrl => {
                self.look_up_patient();
                if let Screen::Start(form) = &self.screen
                    && let Some(l) = form.resumable.clone()
                {
                    self.resume(&l.dir);
                }
            }
            KeyCode::Char('q') if ctrl => self.modal = Some(Modal::ConfirmQuit),
            KeyCode::Enter => {
                self.look_up_patient();
                self.try_start(now);
            }
            _ => {
                let i = form.focus;
                feed_line(&mut form.fields[i], key);
                if i == 0 {
                    // What was shown belongs to the id as it was.
                    form.resumable = None;
                    self.course = CourseContext::default();
                    self.course_patient = None;
                }
            }
        }
    }

    /// The dose the start form's fields give, or why not.
    pub fn start_dose(&self, form: &StartForm) -> Result<(SessionStart, dose::DosePlan), String> {
        let patient = text_of(&form.fields[0]).trim().to_string();
        if patient.is_empty() {
            return Err("enter the patient's pseudonymous id".into());
        }
        let n = self.protocol.course.sessions;
        let session: u32 = text_of(&form.fields[1])
            .trim()
            .parse()
            .map_err(|_| format!("enter the course session number (1 to {n})"))?;
        let weight: f64 = text_of(&form.fields[2])
            .trim()
            .replace(',', ".")
            .parse()
            .map_err(|_| "enter the weight in kg".to_string())?;
        let mgkg_text = text_of(&form.fields[3]).trim().replace(',', ".");
        let mg_per_kg = if mgkg_text.is_empty() {
            None
        } else {
            Some(
                mgkg_text
                    .parse::<f64>()
                    .map_err(|_| format!("\"{mgkg_text}\" is not a number of mg/kg"))?,
            )
        };
        let plan = dose::plan(
            &self.protocol,
            DoseRequest {
                session,
                weight_kg: weight,
                mg_per_kg,
            },
        )
        .map_err(|e| e.to_string())?;
        let start = SessionStart {
            patient,
            session,
            protocol_id: self.protocol.protocol.id.clone(),
            protocol_version: self.protocol.protocol.version.clone(),
            weight_kg: weight,
            mg_per_kg: plan.mg_per_kg,
            dose_mg: plan.dose_mg,
            rehearsal: self.rehearsal,
            schedule_note: None,
        };
        Ok((start, plan))
    }

    fn try_start(&mut self, now: &Moment) {
        let Screen::Start(form) = &self.screen else {
            return;
        };
        match self.start_dose(form) {
            Err(e) => {
                if let Screen::Start(form) = &mut self.screen {
                    form.error = Some(e);
                }
            }
            Ok((mut start, _)) => {
                if let Some((w, fit)) = self.start_window(start.session, now.wall.date_naive())
                    && fit.is_outside()
                {
                    match &self.pending_schedule_note {
                        Some(note) => start.schedule_note = Some(note.clone()),
                        None => {
                            self.set_flash(
                                format!("Outside the protocol's window — {}", w.describe()),
                                FlashKind::Refused,
                            );
                            self.open_reason(ReasonFor::Schedule);
                            return;
                        }
                    }
                }
                self.pending_schedule_note = None;
                self.create(start, now)
            }
        }
    }

    fn create(&mut self, start: SessionStart, now: &Moment) {
        match self.store.create_session(&self.protocol_text, start, now) {
            Ok(open) => self.enter_session(open, Some((1, now.clone()))),
            Err(e) => {
                if let Screen::Start(form) = &mut self.screen {
                    form.error = Some(format!("could not create the record: {e}"));
                }
            }
        }
    }

    pub fn resume(&mut self, dir: &std::path::Path) {
        match OpenSession::open(dir) {
            Ok(open) => {
                let warn = open.warnings.join("; ");
                self.enter_session(open, None);
                if !warn.is_empty() {
                    self.set_flash(warn, FlashKind::Refused);
                } else {
                    self.set_flash("Resumed: every saved entry is back", FlashKind::Info);
                }
            }
            Err(e) => self.set_flash(format!("cannot resume: {e}"), FlashKind::Refused),
        }
    }

    pub fn enter_session(&mut self, open: OpenSession, saved: Option<(u64, Moment)>) {
        self.protocol = open.session.protocol_arc();
        self.course = self.load_course(&open.session.start.patient, Some(&open.dir));
        let phase = open.session.phase;
        self.screen = Screen::Session(Box::new(SessionView {
            open,
            view_phase: phase,
            selected: 0,
            editor: None,
            vitals: line_input(""),
            vitals_focus: false,
            last_saved: saved,
            disk_error: None,
            vanished: false,
        }));
    }

    // ----- session -----------------------------------------------------

    /// Record an event and flash `done` when it is saved.
    fn record_flash(&mut self, ev: Event, done: &str, now: &Moment) -> bool {
        let ok = self.record(ev, now);
        if ok {
            self.set_flash(done, FlashKind::Saved);
        }
        ok
    }

    /// Record an event; flash the refusal or a loud disk error.
    fn record(&mut self, ev: Event, now: &Moment) -> bool {
        let Screen::Session(v) = &mut self.screen else {
            return false;
        };
        match v.open.record(ev, now) {
            Ok(seq) => {
                v.last_saved = Some((seq, now.clone()));
                v.disk_error = None;
                true
            }
            Err(RecordOrRefusal::Refused(r)) => {
                self.set_flash(r.to_string(), FlashKind::Refused);
                false
            }
            Err(RecordOrRefusal::Disk(e)) => {
                v.disk_error = Some(e.to_string());
                false
            }
        }
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

    fn on_session_key(&mut self, key: KeyEvent, now: &Moment) {
        let Some(v) = self.view_mut() else { return };
        if v.editor.is_some() {
            self.on_editor_key(key, now);
            return;
        }
        if v.vitals_focus {
            self.on_vitals_key(key, now);
            return;
        }
        if let Some(action) = keys::action_for(&self.contexts(), &key) {
            self.update(action, now);
        }
    }

    /// Do what a session's command key asks. Every such key reaches here
    /// through the key table (`keys.rs`), which also documents it.
    pub fn update(&mut self, action: Action, now: &Moment) {
        let Some(v) = self.view() else { return };
        let s = &v.open.session;
        let at_current = v.view_phase == s.phase;
        let last = s.phase + 1 == s.protocol().phases.len();
        let prompts = self.visible_prompts();
        match action {
            Action::RecreateFolder => self.recreate_folder(),
            Action::Leave => self.modal = Some(Modal::ConfirmQuit),
            Action::Help => self.help = true,
            Action::NextTheme => self.theme = Theme::new(self.theme.name.next()),
            Action::EnterVitals => {
                if let Some(v) = self.view_mut() {
                    v.vitals_focus = true;
                }
            }
            Action::Note => {
                self.modal = Some(Modal::Note {
                    input: line_input(""),
                    typing: false,
                    armed: false,
                })
            }
            Action::Acknowledge => {
                let top = self
                    .view()
                    .and_then(|v| v.open.session.alerts.active().first().map(|a| a.id));
                match top {
                    Some(alert) => {
                        self.modal = Some(Modal::Ack {
                            alert,
                            input: line_input(""),
                            armed: false,
                        })
                    }
                    None => self.set_flash("No alert is waiting", FlashKind::Info),
                }
            }
            Action::EndEarly => self.open_reason(ReasonFor::Abandon),
            Action::RecordMeasure => {
                let due = self.view().and_then(|v| {
                    v.open
                        .session
                        .measures_due(now)
                        .into_iter()
                        .find(|(_, d)| d.state != crate::session::DueState::Upcoming)
                        .map(|(p, _)| p)
                });
                match due {
                    Some(p) if p.kind.is_typed() => {
                        self.modal = Some(Modal::Value {
                            prompt: Box::new(p),
                            input: line_input(""),
                            armed: false,
                        })
                    }
                    Some(p) => self.activate(&p, false, now),
                    None => self.set_flash("No timed measure is due", FlashKind::Info),
                }
            }
            Action::EditGoals => {
                let goals = self.goals();
                if let Some(v) = self.view_mut() {
                    let original = goals.join("\n");
                    let mut area = TextArea::new(if goals.is_empty() {
                        vec![String::new()]
                    } else {
                        goals
                    });
                    area.move_cursor(ratatui_textarea::CursorMove::Bottom);
                    area.move_cursor(ratatui_textarea::CursorMove::End);
                    v.editor = Some(Editor {
                        prompt: GOALS_EDITOR.into(),
                        original,
                        area,
                    });
                }
            }
            Action::LookBack => {
                if let Some(v) = self.view_mut()
                    && v.view_phase > 0
                {
                    v.view_phase -= 1;
                    v.selected = 0;
                }
            }
            Action::Next => {
                if !at_current {
                    if let Some(v) = self.view_mut() {
                        v.view_phase += 1;
                        v.selected = 0;
                    }
                } else if last {
                    self.close(now);
                } else {
                    self.advance(None, now);
                }
            }
            Action::Close => self.close(now),
            Action::Up => {
                if let Some(v) = self.view_mut() {
                    v.selected = v.selected.saturating_sub(1);
                }
            }
            Action::Down => {
                if let Some(v) = self.view_mut()
                    && v.selected + 1 < prompts.len()
                {
                    v.selected += 1;
                }
            }
            Action::Activate | Action::Tick => {
                let sel = self.view().map_or(0, |v| v.selected);
                if let Some(p) = prompts.get(sel) {
                    self.activate(p, action == Action::Tick, now);
                }
            }
            Action::PauseSimulation => {
                if let Some(c) = &self.scaled {
                    let paused = !c.is_paused();
                    c.set_paused(paused);
                    self.set_flash(
                        if paused {
                            "Simulated time paused (Ctrl-P resumes)"
                        } else {
                            "Simulated time running"
                        },
                        FlashKind::Info,
                    );
                }
            }
            Action::CycleCuff => self.cycle_cuff(now),
            Action::ToggleChimes => {
                self.chime_on = !self.chime_on;
                self.set_flash(
                    if self.chime_on {
                        "Chimes on"
                    } else {
                        "Chimes off"
                    },
                    FlashKind::Info,
                );
            }
            Action::VolumeUp | Action::VolumeDown => {
                let step = if action == Action::VolumeUp {
                    0.1
                } else {
                    -0.1
                };
                let v = (self.audio.volume() + step).clamp(0.0, 1.0);
                self.audio.set_volume(v);
                self.set_flash(format!("Volume {:.0}%", v * 100.0), FlashKind::Info);
            }
            Action::NextTrack => self.audio.next(),
            Action::Faster => self.change_speed(2.0),
            Action::Slower => self.change_speed(0.5),
            Action::StartInfusion => self.on_dosing_key('s', now),
            Action::PauseInfusion => self.on_dosing_key('p', now),
            Action::StopInfusion => self.on_dosing_key('x', now),
            Action::Music => self.on_dosing_key('m', now),
            Action::CheckIn => self.on_dosing_key('c', now),
            Action::StartDebrief => self.on_dosing_key('d', now),
            Action::ChooseMusic => self.open_music_choice(),
        }
    }

    fn cycle_cuff(&mut self, now: &Moment) {
        let Screen::Session(v) = &self.screen else {
            return;
        };
        let origin = v.open.session.started_at.clone();
        let dosing = v.open.session.dosing.started.clone();
        if let Some(sim) = &mut self.sim {
            let (s, d) = sim.cycle_cuff(now, &origin, dosing.as_ref());
            self.set_flash(format!("Monitor: NIBP {s}/{d}"), FlashKind::Info);
        }
    }

    fn change_speed(&mut self, factor: f64) {
        if let Some(c) = &self.scaled {
            let s = (c.speed() * factor).clamp(1.0, 120.0);
            c.set_speed(s);
            self.set_flash(format!("Simulated time ×{}", dose::num(s)), FlashKind::Info);
        }
    }

    fn on_dosing_key(&mut self, c: char, now: &Moment) {
        let Some(v) = self.view() else { return };
        let s = &v.open.session;
        let state = s.dosing.state(now);
        use crate::session::DosingState as D;
        match c {
            's' => {
                self.record_flash(Event::DosingStarted, "Infusion started", now);
            }
            'p' => match state {
                D::Running => self.open_reason(ReasonFor::Pause),
                D::Paused => {
                    self.record_flash(Event::DosingResumed, "Infusion resumed", now);
                }
                _ => self.set_flash("The infusion is not running", FlashKind::Refused),
            },
            'x' => self.open_reason(ReasonFor::Stop),
            'm' => {
                if s.music.is_playing() {
                    self.audio.fade_out(std::time::Duration::from_secs(4));
                    self.record_flash(
                        Event::MusicStopped {
                            reason: Some("stopped by the clinician".into()),
                        },
                        "Music fading out",
                        now,
                    );
                } else {
                    let chosen = s.music.playlist.clone();
                    let info = chosen.as_ref().and_then(|name| {
                        self.playlists.iter().find(|p| {
                            p.playlist
                                .path
                                .file_name()
                                .is_some_and(|f| f.to_string_lossy() == *name)
                        })
                    });
                    let play = match (info, self.audio.unavailable()) {
                        (Some(info), None) => {
                            let pl = info.playlist.clone();
                            Some(pl)
                        }
                        _ => None,
                    };
                    let why = self.audio.unavailable();
                    if self.record(Event::MusicStarted { track: None }, now) {
                        match play {
                            Some(pl) => {
                                self.audio_started = false;
                                self.audio.play(&pl);
                                self.set_flash(format!("Playing {}", pl.name), FlashKind::Saved);
                            }
                            None => self.set_flash(
                                match (chosen, why) {
                                    // The action first: a narrow status line
                                    // cuts the reason, not what happened.
                                    (Some(_), Some(why)) => format!(
                                        "Music marked as playing — no sound here ({why}): use another player"
                                    ),
                                    _ => "Music marked as playing".to_string(),
                                },
                                FlashKind::Saved,
                            ),
                        }
                    }
                }
            }
            'c' => {
                self.record_flash(Event::CheckedIn { note: None }, "Check-in recorded", now);
            }
            'd' => {
                self.record_flash(Event::DebriefStarted, "Debrief clock started", now);
            }
            _ => {}
        }
    }

    fn open_music_choice(&mut self) {
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
                let mut label = format!("Playlist: {}", p.line());
                if let Some(w) = p.short_warning(music.as_ref()) {
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
                    label: format!("No music — {}", s.label),
                    playlist: None,
                    support: Some(s.id.clone()),
                });
            }
        }
        if options.is_empty() {
            self.set_flash(
                "No playlists in playlists/ and no supports in the protocol",
                FlashKind::Info,
            );
            return;
        }
        self.modal = Some(Modal::Music {
            options,
            selected: 0,
        });
    }

    fn open_reason(&mut self, purpose: ReasonFor) {
        self.modal = Some(Modal::Reason {
            purpose,
            input: line_input(""),
            armed: false,
        });
    }

    fn activate(&mut self, p: &Prompt, space: bool, now: &Moment) {
        match p.kind {
            PromptKind::Check => {
                let checked = self
                    .view()
                    .and_then(|v| v.open.session.ticks.get(&p.id))
                    .is_some_and(|t| t.checked);
                let ok = self.record(
                    Event::Ticked {
                        prompt: p.id.clone(),
                        checked: !checked,
                    },
                    now,
                );
                // Ticking moves on to the next item, as on a paper list.
                let count = self.visible_prompts().len();
                if ok
                    && !checked
                    && let Some(v) = self.view_mut()
                    && v.selected + 1 < count
                {
                    v.selected += 1;
                }
            }
            PromptKind::Text if !space => {
                let Some(v) = self.view_mut() else { return };
                let original = v
                    .open
                    .session
                    .answers
                    .get(&p.id)
                    .map(|a| a.text.clone())
                    .unwrap_or_default();
                let mut area = TextArea::new(original.lines().map(str::to_string).collect());
                area.set_wrap_mode(ratatui_textarea::WrapMode::Word);
                area.move_cursor(ratatui_textarea::CursorMove::Bottom);
                area.move_cursor(ratatui_textarea::CursorMove::End);
                v.editor = Some(Editor {
                    prompt: p.id.clone(),
                    original,
                    area,
                });
            }
            PromptKind::Text => {}
            _ => {
                self.modal = Some(Modal::Value {
                    prompt: Box::new(p.clone()),
                    input: line_input(""),
                    armed: false,
                })
            }
        }
    }

    fn advance(&mut self, reason: Option<String>, now: &Moment) {
        let Some(v) = self.view() else { return };
        let s = &v.open.session;
        let missing = !s.missing_required(s.current_phase()).is_empty();
        let holds = s.holds(now);
        if !holds.is_empty() {
            self.set_flash(
                format!("Cannot move on: {}", holds.join("; ")),
                FlashKind::Refused,
            );
            return;
        }
        let dosing_not_started =
            s.current_phase().role == PhaseRole::Dosing && s.dosing.started.is_none();
        if reason.is_none() && (missing || dosing_not_started) {
            self.open_reason(ReasonFor::Skip);
            return;
        }
        if self.record(Event::Advanced { reason }, now)
            && let Some(v) = self.view_mut()
        {
            v.view_phase = v.open.session.phase;
            v.selected = 0;
        }
    }

    fn close(&mut self, now: &Moment) {
        if !self.record(Event::Closed, now) {
            return;
        }
        self.finish(now);
    }

    /// After Closed or Abandoned: write the summary and show it.
    fn finish(&mut self, now: &Moment) {
        self.audio.fade_out(std::time::Duration::from_secs(4));
        let screen = std::mem::replace(
            &mut self.screen,
            Screen::Start(Box::new(StartForm::empty())),
        );
        let Screen::Session(v) = screen else {
            self.screen = screen;
            return;
        };
        let (last_seq, last_hash) = v.open.journal.seal();
        let text = crate::record::summary::markdown(&v.open.session, now)
            + &crate::record::summary::seal(last_seq, last_hash);
        let path = v.open.dir.join("summary.md");
        let summary = crate::record::journal::write_atomic(&path, text.as_bytes())
            .map(|_| path)
            .map_err(|e| e.to_string());
        let report = self.sim.as_ref().map(|sim| {
            let r = crate::rehearsal::report::build(&v.open.session, sim, now);
            let path = v.open.dir.join("trainee-report.md");
            let written = crate::record::journal::write_atomic(&path, r.markdown().as_bytes())
                .map(|_| path)
                .map_err(|e| e.to_string());
            (r.summary(), written)
        });
        self.screen = Screen::Closed(Box::new(ClosedView {
            open: v.open,
            summary,
            report,
        }));
    }

    fn on_vitals_key(&mut self, key: KeyEvent, now: &Moment) {
        let Some(v) = self.view_mut() else { return };
        match key.code {
            KeyCode::Esc => v.vitals_focus = false,
            KeyCode::Enter => {
                let text = text_of(&v.vitals);
                match vitals::parse(&text) {
                    Err(e) => self.set_flash(e.to_string(), FlashKind::Refused),
                    Ok(reading) => {
                        if self.record(Event::Vitals { reading }, now) {
                            let raised = self
                                .view()
                                .and_then(|v| v.open.session.vitals.last())
                                .map_or(0, |e| e.raised.len());
                            if let Some(v) = self.view_mut() {
                                v.vitals = line_input("");
                                v.vitals_focus = false;
                            }
                            let mut msg = format!("Saved {}  {reading}", now.hhmm());
                            if raised > 0 {
                                msg.push_str("  — ALERT raised");
                            }
                            self.set_flash(msg, FlashKind::Saved);
                        }
                    }
                }
            }
            _ => feed_line(&mut v.vitals, key),
        }
    }

    fn on_editor_key(&mut self, key: KeyEvent, now: &Moment) {
        let ctrl = key.modifiers.contains(KeyModifiers::CONTROL);
        let Some(v) = self.view_mut() else { return };
        let Some(ed) = &mut v.editor else { return };
        match key.code {
            KeyCode::Char('s') if ctrl => self.save_editor(now),
            KeyCode::Esc => {
                if text_of(&ed.area) == ed.original {
                    v.editor = None;
                } else {
                    self.modal = Some(Modal::ConfirmDiscard);
                }
            }
            _ => {
                ed.area.input(key);
            }
        }
    }

    fn save_editor(&mut self, now: &Moment) {
        let Some(v) = self.view_mut() else { return };
        let Some(ed) = &v.editor else { return };
        if ed.prompt == GOALS_EDITOR {
            let goals: Vec<String> = ed
                .area
                .lines()
                .iter()
                .map(|l| l.trim().to_string())
                .filter(|l| !l.is_empty())
                .collect();
            let n = goals.len();
            if self.record(Event::GoalsSet { goals }, now) {
                if let Some(v) = self.view_mut() {
                    v.editor = None;
                }
                self.set_flash(format!("Goals saved ({n})"), FlashKind::Saved);
            }
            return;
        }
        let ev = Event::Answered {
            prompt: ed.prompt.clone(),
            text: text_of(&ed.area).trim_end().to_string(),
        };
        if self.record(ev, now) {
            let count = self.visible_prompts().len();
            if let Some(v) = self.view_mut() {
                v.editor = None;
                if v.selected + 1 < count {
                    v.selected += 1;
                }
            }
            self.set_flash("Answer saved", FlashKind::Saved);
        }
    }

    // ----- modals ------------------------------------------------------

    fn on_modal_key(&mut self, key: KeyEvent, now: &Moment) {
        let Some(modal) = self.modal.take() else {
            return;
        };
        match modal {
            Modal::ConfirmQuit => match key.code {
                KeyCode::Char('y') | KeyCode::Char('Y') => self.quit = true,
                KeyCode::Char('n') | KeyCode::Esc => {}
                _ => self.modal = Some(Modal::ConfirmQuit),
            },
            Modal::ConfirmDiscard => match key.code {
                KeyCode::Char('y') | KeyCode::Char('s') => self.save_editor(now),
                KeyCode::Char('n') | KeyCode::Char('d') => {
                    if let Some(v) = self.view_mut() {
                        v.editor = None;
                    }
                }
                KeyCode::Esc => {}
                _ => self.modal = Some(Modal::ConfirmDiscard),
            },
            Modal::Music {
                options,
                mut selected,
            } => match key.code {
                KeyCode::Up | KeyCode::Char('k') => {
                    selected = selected.saturating_sub(1);
                    self.modal = Some(Modal::Music { options, selected });
                }
                KeyCode::Down | KeyCode::Char('j') => {
                    if selected + 1 < options.len() {
                        selected += 1;
                    }
                    self.modal = Some(Modal::Music { options, selected });
                }
                KeyCode::Char('p') => {
                    let track = options
                        .get(selected)
                        .and_then(|o| o.playlist.as_ref())
                        .and_then(|name| {
                            self.playlists.iter().find(|p| {
                                p.playlist
                                    .path
                                    .file_name()
                                    .is_some_and(|f| f.to_string_lossy() == *name)
                            })
                        })
                        .and_then(|p| p.playlist.tracks.iter().find(|t| t.exists()).cloned());
                    match (track, self.audio.unavailable()) {
                        (Some(t), None) => {
                            let from = if crate::audio::track_seconds(&t).unwrap_or(0.0) > 90.0 {
                                30
                            } else {
                                0
                            };
                            self.audio
                                .preview(&t, std::time::Duration::from_secs(from), 25);
                            self.set_flash(
                                format!("Previewing \"{}\" (25 s)", t.title),
                                FlashKind::Info,
                            );
                        }
                        (Some(_), Some(why)) => {
                            self.set_flash(format!("No preview: {why}"), FlashKind::Refused)
                        }
                        (None, _) => {
                            self.set_flash("Nothing to preview for this choice", FlashKind::Info)
                        }
                    }
                    self.modal = Some(Modal::Music { options, selected });
                }
                KeyCode::Enter => {
                    if let Some(o) = options.get(selected) {
                        let ev = Event::MusicChosen {
                            playlist: o.playlist.clone(),
                            support: o.support.clone(),
                        };
                        let label = o.label.clone();
                        if self.record(ev, now) {
                            self.set_flash(format!("Chosen: {label}"), FlashKind::Saved);
                        }
                    }
                }
                KeyCode::Esc => {}
                _ => self.modal = Some(Modal::Music { options, selected }),
            },
            Modal::Reason {
                purpose,
                mut input,
                mut armed,
            } => match line_key(&mut input, &mut armed, key) {
                LineKey::Submit(text) if text.is_empty() => {
                    self.set_flash("A reason is needed", FlashKind::Refused);
                    self.modal = Some(Modal::Reason {
                        purpose,
                        input,
                        armed,
                    });
                }
                LineKey::Submit(text) => self.submit_reason(purpose, text, now),
                LineKey::Close => {}
                LineKey::Keep => {
                    self.modal = Some(Modal::Reason {
                        purpose,
                        input,
                        armed,
                    })
                }
            },
            Modal::Note {
                mut input,
                typing,
                mut armed,
            } => match key.code {
                KeyCode::Char(c @ '1'..='8') if !typing => {
                    let tag = NOTE_TAGS[(c as u8 - b'1') as usize];
                    let ev = Event::Note {
                        text: String::new(),
                        tags: vec![tag.to_string()],
                    };
                    self.record_flash(ev, &format!("Noted {}: {tag}", now.hhmm()), now);
                }
                KeyCode::Enter if !typing => {
                    self.modal = Some(Modal::Note {
                        input,
                        typing: true,
                        armed: false,
                    })
                }
                _ => match line_key(&mut input, &mut armed, key) {
                    LineKey::Submit(text) if text.is_empty() => {}
                    LineKey::Submit(text) => {
                        let ev = Event::Note { text, tags: vec![] };
                        if !self.record_flash(ev, &format!("Note saved {}", now.hhmm()), now) {
                            // Not saved (the disk refused it): keep the text.
                            self.modal = Some(Modal::Note {
                                input,
                                typing: true,
                                armed: false,
                            });
                        }
                    }
                    LineKey::Close => {}
                    LineKey::Keep => {
                        self.modal = Some(Modal::Note {
                            input,
                            typing: typing || !armed,
                            armed,
                        })
                    }
                },
            },
            Modal::Value {
                prompt,
                mut input,
                mut armed,
            } => match line_key(&mut input, &mut armed, key) {
                LineKey::Submit(text) => {
                    match crate::protocol::values::parse(&prompt, &text, &now.hhmm()) {
                        Err(e) => {
                            self.set_flash(e, FlashKind::Refused);
                            self.modal = Some(Modal::Value {
                                prompt,
                                input,
                                armed,
                            });
                        }
                        Ok(value) => {
                            let shown = crate::protocol::values::show(&prompt, &value);
                            let ev = Event::Recorded {
                                prompt: prompt.id.clone(),
                                value,
                            };
                            if self.record_flash(ev, &format!("Saved: {shown}"), now) {
                                let visible = self.visible_prompts();
                                if let Some(v) = self.view_mut()
                                    && v.selected + 1 < visible.len()
                                    && visible.get(v.selected).is_some_and(|p| p.id == prompt.id)
                                {
                                    v.selected += 1;
                                }
                            } else {
                                // Refused or not saved: keep what was typed.
                                self.modal = Some(Modal::Value {
                                    prompt,
                                    input,
                                    armed: false,
                                });
                            }
                        }
                    }
                }
                LineKey::Close => {}
                LineKey::Keep => {
                    self.modal = Some(Modal::Value {
                        prompt,
                        input,
                        armed,
                    })
                }
            },
            Modal::Ack {
                alert,
                mut input,
                mut armed,
            } => match line_key(&mut input, &mut armed, key) {
                LineKey::Submit(text) => {
                    let action = (!text.is_empty()).then_some(text);
                    let ev = Event::AlertAcknowledged { alert, action };
                    if !self.record_flash(ev, &format!("Alert {alert} acknowledged"), now) {
                        self.modal = Some(Modal::Ack {
                            alert,
                            input,
                            armed: false,
                        });
                    }
                }
                LineKey::Close => {}
                LineKey::Keep => {
                    self.modal = Some(Modal::Ack {
                        alert,
                        input,
                        armed,
                    })
                }
            },
        }
    }

    fn submit_reason(&mut self, purpose: ReasonFor, reason: String, now: &Moment) {
        match purpose {
            ReasonFor::Pause => {
                if self.record(Event::DosingPaused { reason }, now) {
                    self.set_flash("Infusion paused", FlashKind::Saved);
                }
            }
            ReasonFor::Stop => {
                if self.record(Event::DosingStopped { reason }, now) {
                    self.set_flash("Infusion stopped", FlashKind::Saved);
                }
            }
            ReasonFor::Skip => self.advance(Some(reason), now),
            ReasonFor::Abandon => {
                if self.record(Event::Abandoned { reason }, now) {
                    self.finish(now);
                }
            }
            ReasonFor::Schedule => {
                self.pending_schedule_note = Some(reason);
                self.try_start(now);
            }
        }
    }
}
