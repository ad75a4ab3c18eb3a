//! The view model: what a screen shows, built from the app's state and
//! `now` in one place. Renderers (the full screen here, the screen-reader
//! transcript in `tui::reader`) read it and nothing else: no clock, store,
//! player or simulator is reachable from a renderer. What the clock makes
//! of the session (its timer, what is due: `present::Timed`) is worked
//! out here once a frame; what it derives from its whole record (its
//! device alarms) is kept with the session screen, worked out once for
//! each change. Renderers read both and ask the session neither again.

use crate::protocol::Protocol;
use crate::protocol::dose::DosePlan;
use crate::rehearsal::patient::MonitorView;
use crate::session::course::{Fit, Window};
use crate::session::{Moment, SessionStart};
use crate::tui::app::{App, CourseContext, Flash, Screen};
use crate::tui::modal::Modal;
use crate::tui::theme::Theme;

/// What the start form's fields give, worked out for the screen.
pub struct StartPreview {
    pub dose: Result<(SessionStart, DosePlan), String>,
    /// The date window for the session number typed, and where today is.
    pub window: Option<(Window, Fit)>,
    /// The patient field takes the clinic's number (`mrn_system`).
    pub clinic_number: bool,
    /// The site's directory of clinicians: the ids to type.
    pub directory: Option<String>,
}

pub struct Ui<'a> {
    /// The language the screen speaks: every renderer words what it shows
    /// in it (`say!(ui.lang, …)`), none reads the process's language.
    pub lang: crate::i18n::Lang,
    pub now: Moment,
    pub theme: &'a Theme,
    pub screen: &'a Screen,
    pub modal: Option<&'a Modal>,
    /// The help page, when help is open.
    pub help: Option<usize>,
    pub flash: Option<&'a Flash>,
    /// Every message since the transcript last spoke (see `App::flashes`).
    pub flashes: &'a [Flash],
    /// The keys that matter now, for the footer: (keys, label).
    pub footer: Vec<(String, String)>,
    pub protocol: &'a Protocol,
    pub rehearsal: bool,
    /// Simulated time's speed (1 outside a rehearsal).
    pub speed: f64,
    /// The track the player is on, if it knows.
    pub now_playing: Option<String>,
    /// The simulated bedside monitor, in a rehearsal with a scenario.
    pub monitor: Option<MonitorView>,
    pub course: &'a CourseContext,
    /// The goals as they stand in the session on screen.
    pub goals: Vec<String>,
    pub start: Option<StartPreview>,
    /// A replay: what the header says of it, and its timeline.
    pub replay: Option<&'a crate::tui::replay::Replay>,
    /// A rehearsal branched from another.
    pub branched: Option<&'a crate::rehearsal::branch::BranchLink>,
    /// Who the entries are by, when more than one clinician is present
    /// (`w` changes it; the last to enter signs).
    pub entering: Option<String>,
    /// The patient's self-report screen, drawn alone when open.
    pub self_report: Option<&'a crate::tui::screens::SelfReport>,
    /// The session on screen at `now` (its timer, what is due), worked
    /// out once for the frame; `None` off the session screen.
    pub timed: Option<crate::tui::present::Timed>,
}

impl App {
    /// The view model at `now`.
    pub fn ui(&self, now: &Moment) -> Ui<'_> {
        let lang = self.lang;
        let monitor = match (&self.sim, &self.screen) {
            (Some(sim), Screen::Session(v)) => {
                let s = &v.open.session;
                Some(sim.view(now, &s.started_at, s.dosing.started.as_ref()))
            }
            _ => None,
        };
        let timed = match &self.screen {
            Screen::Session(v) => Some(crate::tui::present::Timed::at(&v.open.session, now, lang)),
            _ => None,
        };
        let start = match &self.screen {
            Screen::Start(form) => Some(StartPreview {
                dose: self.start_dose(form),
                window: form.fields[1]
                    .lines()
                    .join("")
                    .trim()
                    .parse()
                    .ok()
                    .and_then(|n| self.start_window(n, now.wall.date_naive())),
                clinic_number: !self.rehearsal && self.site.clinic_number(),
                directory: self.site.directory.as_ref().map(|d| d.ids()),
            }),
            _ => None,
        };
        Ui {
            lang: self.lang,
            now: now.clone(),
            theme: &self.theme,
            screen: &self.screen,
            modal: self.modal.as_ref(),
            help: self.help.then_some(self.help_page),
            flash: self.flash.as_ref(),
            flashes: &self.flashes,
            footer: match &self.replay {
                Some(r) => {
                    use crate::tui::screens::Component;
                    let shell = crate::tui::screens::Shell {
                        now,
                        rehearsal: self.rehearsal,
                        simulator: self.sim.is_some(),
                    };
                    crate::tui::keys::footer(&r.contexts(&shell), lang)
                }
                None => crate::tui::keys::footer(&self.contexts(), lang),
            },
            protocol: &self.protocol,
            rehearsal: self.rehearsal,
            speed: self.scaled.as_ref().map_or(1.0, |c| c.speed()),
            now_playing: self.audio.now_playing().map(|(track, _)| track),
            monitor,
            course: &self.course,
            goals: self.goals(),
            start,
            replay: self.replay.as_deref(),
            branched: self.branched.as_ref(),
            entering: self
                .open_session()
                .filter(|o| o.session.start.clinicians.len() > 1)
                .and_then(|_| self.author()),
            self_report: self.self_report.as_deref(),
            timed,
        }
    }
}
