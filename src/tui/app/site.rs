//! The site's config as the start form uses it: the patient id's
//! identifier system recorded at the start, the clinicians picked from the
//! site's directory, and the course the clinic's server holds from other
//! laptops, read with a short timeout (offline says so and goes on with
//! this laptop's sessions).

use super::*;
use crate::push::config::{Config, Secret};
use crate::push::directory::Directory;
use crate::push::server_read::Held;

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
    pub last_read: Option<(String, Result<Vec<Held>, String>)>,
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

    /// The course so far with what the clinic's server holds of it, for
    /// a real session when a server is configured.
    pub(super) fn with_server(&mut self, patient: &str, so: CourseContext) -> CourseContext {
        let lang = self.lang;
        let Some((cfg, token)) = self.site.server.as_ref().filter(|_| !self.rehearsal) else {
            return so;
        };
        if patient.is_empty() {
            return so;
        }
        let system = self.site.identity().map_or_else(
            || crate::record::fhir::PSEUDONYM_SYSTEM.to_string(),
            |i| i.system,
        );
        let read = token.clone().and_then(|t| {
            crate::push::server_read::course(
                cfg,
                t.as_ref(),
                &system,
                patient,
                cfg.read_timeout,
                lang,
            )
        });
        self.site.last_read = Some((patient.to_string(), read.clone()));
        crate::record::course::with_server(so, &self.protocol.protocol.id, read)
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
