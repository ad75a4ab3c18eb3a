//! The site's config as the start form uses it: the patient id's
//! identifier system recorded at the start, the clinicians picked from the
//! site's directory, and the course the clinic's server holds from other
//! laptops, read with a short timeout (offline says so and goes on with
//! this laptop's sessions).
//!
//! The server is read in the background: the form shows this laptop's
//! course at once, says the server is being read, and takes keys while it
//! is; the answer joins the course at the next tick. Only starting a
//! session waits for it, since the answer can change the session's number
//! and the checks the start makes.

use super::*;
use crate::push::config::{Config, Secret};
use crate::push::directory::Directory;
use crate::push::server_read::Held;
use std::sync::mpsc::{Receiver, RecvTimeoutError, TryRecvError};

/// What was read from the server, or why not.
type Answer = Result<Vec<Held>, String>;

/// A read of the clinic's server under way for the start form's patient.
#[derive(Debug)]
pub struct Reading {
    patient: String,
    /// The course from this laptop's records, which the answer completes.
    local: CourseContext,
    answer: Receiver<Answer>,
}

/// What the site's config files say, read before the screen is taken
/// over (`tui::prepare`).
#[derive(Debug, Default)]
pub struct SiteSetup {
    /// The clinic's server (`push.toml`), and its token or why it could
    /// not be read.
    pub server: Option<(Config, Result<Option<Secret>, String>)>,
    /// The site's directory of clinicians (`clinicians.toml`).
    pub directory: Option<Directory>,
    /// The last course read from the server: the patient id, and what was
    /// read or why not (the session started from the form keeps it).
    pub last_read: Option<(String, Answer)>,
    /// The read under way, if any.
    pub reading: Option<Reading>,
}

impl SiteSetup {
    /// Read `push.toml` and `clinicians.toml` where they apply; each
    /// problem as a sentence (a session can start without either).
    pub fn load(lang: crate::i18n::Lang) -> (SiteSetup, Vec<String>) {
        let mut problems = Vec::new();
        let server = match crate::push::config::load_alone(None, lang) {
            Ok(Some(c)) => {
                let token = crate::push::config::read_token(&c, lang);
                Some((c, token))
            }
            Ok(None) => None,
            Err(e) => {
                problems.push(e.say(lang));
                None
            }
        };
        let directory = crate::push::directory::load(None, lang).unwrap_or_else(|e| {
            problems.push(e);
            None
        });
        let site = SiteSetup {
            server,
            directory,
            last_read: None,
            reading: None,
        };
        (site, problems)
    }

    /// What a real session's patient id is at this site.
    pub fn identity(&self) -> Option<crate::session::PatientIdentity> {
        self.server.as_ref().and_then(|(c, _)| c.identity())
    }

    /// Whether the start form takes the clinic's number for the patient.
    pub fn clinic_number(&self) -> bool {
        self.identity().is_some_and(|i| i.clinic_number)
    }
}

impl App {
    /// The clinicians field as the record names them: through the site's
    /// directory when there is one (an id or a name from it, nothing
    /// else).
    pub fn clinicians_named(&self, typed: &str) -> Result<String, String> {
        let lang = self.lang;
        match &self.site.directory {
            Some(d) => d.resolve(typed, lang),
            None => Ok(typed.to_string()),
        }
    }

    /// The course so far, to show while the clinic's server is read in
    /// the background for a real session (when a server is configured):
    /// this laptop's, saying the server is being read. The answer joins
    /// it at a tick (`on_server_read`) or when a start waits for it.
    pub(super) fn with_server(&mut self, patient: &str, so: CourseContext) -> CourseContext {
        let lang = self.lang;
        self.site.reading = None;
        let Some((cfg, token)) = self.site.server.as_ref().filter(|_| !self.rehearsal) else {
            return so;
        };
        if patient.is_empty() {
            return so;
        }
        let token = match token {
            Ok(t) => t.clone(),
            Err(e) => {
                let e = e.clone();
                return self.answered_now(patient, so, Err(e));
            }
        };
        let system = self.site.identity().map_or_else(
            || crate::record::fhir::PSEUDONYM_SYSTEM.to_string(),
            |i| i.system,
        );
        let (tx, rx) = std::sync::mpsc::channel();
        let job = {
            let (cfg, patient) = (cfg.clone(), patient.to_string());
            move || {
                let read = crate::push::server_read::course(
                    &cfg,
                    token.as_ref(),
                    &system,
                    &patient,
                    cfg.read_timeout,
                    lang,
                );
                // The form may have moved on to another patient.
                let _ = tx.send(read);
            }
        };
        if let Err(e) = std::thread::Builder::new()
            .name("kap-server-read".into())
            .spawn(job)
        {
            return self.answered_now(patient, so, Err(crate::i18n::say_io(&e, lang)));
        }
        self.site.reading = Some(Reading {
            patient: patient.to_string(),
            local: so.clone(),
            answer: rx,
        });
        let mut shown = so;
        shown.server = Some(crate::phrase!("course-server-reading"));
        shown
    }

    /// The course with an answer had without reading (no token, no
    /// thread), kept as the last read.
    fn answered_now(&mut self, patient: &str, so: CourseContext, read: Answer) -> CourseContext {
        self.site.last_read = Some((patient.to_string(), read.clone()));
        crate::record::course::with_server(so, &self.protocol.protocol.id, read)
    }

    /// Take the server's answer into the start form's course if it came
    /// (at each tick; never waits).
    pub(super) fn on_server_read(&mut self) {
        let Some(r) = &self.site.reading else {
            return;
        };
        match r.answer.try_recv() {
            Ok(read) => self.take_server_answer(read),
            Err(TryRecvError::Empty) => {}
            Err(TryRecvError::Disconnected) => {
                self.take_server_answer(Err(crate::say!(self.lang, "course-server-read-failed")))
            }
        }
    }

    /// Wait for the read under way, if any, and take its answer: before a
    /// session starts, whose number and checks it can change. No longer
    /// than the read's own time limit.
    pub fn wait_for_server(&mut self) {
        let Some(r) = &self.site.reading else {
            return;
        };
        // The read's own time limit, and a margin.
        let limit = self.site.server.as_ref().map(|(c, _)| c.read_timeout);
        let wait = limit.unwrap_or_default() + std::time::Duration::from_secs(1);
        let read = match r.answer.recv_timeout(wait) {
            Ok(read) => read,
            Err(RecvTimeoutError::Timeout | RecvTimeoutError::Disconnected) => {
                Err(crate::say!(self.lang, "course-server-read-failed"))
            }
        };
        self.take_server_answer(read);
    }

    /// The answer joins the course it was asked for, while the form still
    /// shows that patient; otherwise it is dropped.
    fn take_server_answer(&mut self, read: Answer) {
        let Some(r) = self.site.reading.take() else {
            return;
        };
        let current = matches!(self.screen, Screen::Start(_))
            && self.course_patient.as_deref() == Some(r.patient.as_str());
        if !current {
            return;
        }
        self.site.last_read = Some((r.patient, read.clone()));
        self.course = crate::record::course::with_server(r.local, &self.protocol.protocol.id, read);
        self.suggest_next_number();
    }

    /// The course with what the server said when the start form read it
    /// for this patient, without asking again (a session just started).
    pub(super) fn with_last_read(&self, patient: &str, so: CourseContext) -> CourseContext {
        match &self.site.last_read {
            Some((p, read)) if p == patient && !self.rehearsal => {
                crate::record::course::with_server(so, &self.protocol.protocol.id, read.clone())
            }
            _ => so,
        }
    }
}
