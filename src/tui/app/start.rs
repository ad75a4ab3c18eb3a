//! The start screen: the form, the patient looked up, the dose worked out,
//! a session created or resumed.

use super::*;

impl App {
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
                // Remembered from the last session started here.
                line_input(&self.store.remembered_clinicians().unwrap_or_default()),
            ],
            focus: 0,
            error: None,
            resumable: None,
            visit: None,
        };
        f.resumable = self.find_resumable(patient);
        f
    }

    /// Refresh the course for the start form's patient (after building
    /// it), and suggest the next session number when none is given.
    /// Look up the patient id on the start form, once per id: the course
    /// so far and an unfinished session to resume.
    pub(super) fn look_up_patient(&mut self) {
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
        let local = self.load_course(&p, None);
        self.course = self.with_server(&p, local);
        self.course_patient = Some(p);
        self.suggest_next_number();
    }

    /// The next session number in the form's empty number field, when the
    /// course holds sessions. Not while the clinic's server is still to
    /// answer: the sessions held elsewhere come after this laptop's.
    pub(super) fn suggest_next_number(&mut self) {
        if self.site.reading.is_some() {
            return;
        }
        let next = self.course.next;
        if let Screen::Start(form) = &mut self.screen
            && text_of(&form.fields[1]).trim().is_empty()
            && !self.course.held.is_empty()
        {
            form.fields[1] = line_input(&next.to_string());
        }
    }

    /// Set one field of the start form (0 patient, 1 session, 2 weight,
    /// 3 mg/kg), as if typed; a new patient id is looked up at once.
    pub fn set_start_field(&mut self, field: usize, text: &str) {
        let Screen::Start(form) = &mut self.screen else {
            return;
        };
        let Some(f) = form.fields.get_mut(field) else {
            return;
        };
        *f = line_input(text.trim());
        form.error = None;
        if field == 0 {
            self.look_up_patient();
        }
    }

    pub(super) fn find_resumable(&self, patient: &str) -> Option<Listing> {
        let p = patient.trim();
        if p.is_empty() {
            return None;
        }
        self.store
            .unfinished(self.rehearsal)
            .into_iter()
            .find(|l| l.start.patient == p && l.start.protocol_id == self.protocol.protocol.id)
    }

    // ----- start screen ------------------------------------------------

    /// The dose the start form's fields give, or why not.
    pub fn start_dose(&self, form: &StartForm) -> Result<(SessionStart, dose::DosePlan), String> {
        let lang = self.lang;
        let f: Vec<String> = form.fields.iter().map(text_of).collect();
        let clinicians = self.clinicians_named(&f[CLINICIANS])?;
        let mut planned = crate::session::plan_start(
            &self.protocol,
            crate::session::StartFields {
                patient: &f[0],
                session: &f[1],
                weight_kg: &f[2],
                mg_per_kg: &f[3],
                clinicians: &clinicians,
            },
            self.rehearsal,
        )
        .map_err(|e| e.say(lang))?;
        if !self.rehearsal {
            planned.0.identity = self.site.identity();
        }
        Ok(planned)
    }

    pub(super) fn try_start(&mut self, now: &Moment) {
        // The server's answer can change the number and the checks.
        self.wait_for_server();
        let lang = self.lang;
        let Screen::Start(form) = &self.screen else {
            return;
        };
        if let Some(visit) = form.visit {
            return self.try_start_visit(visit, now);
        }
        match self.start_dose(form) {
            Err(e) => {
                if let Screen::Start(form) = &mut self.screen {
                    form.error = Some(e);
                }
            }
            Ok((mut start, _)) => {
                if !self.course_checked(&mut start) {
                    return;
                }
                if let Some((w, fit)) = self.start_window(start.session, now.wall.date_naive())
                    && fit.is_outside()
                {
                    match &self.pending_schedule_note {
                        Some(note) => start.schedule_note = Some(note.clone()),
                        None => {
                            self.set_flash(
                                crate::say!(
                                    lang,
                                    "flash-outside-window",
                                    window = w.describe().say(lang)
                                ),
                                FlashKind::Refused,
                            );
                            self.open_reason(ReasonFor::Schedule);
                            return;
                        }
                    }
                }
                self.pending_schedule_note = None;
                self.pending_course_note = None;
                if self.screen_reader {
                    start.ui = Some("screen-reader".into());
                }
                start.lang = Some(lang.tag().into());
                self.create(start, now)
            }
        }
    }

    /// The visit the start form describes, or what is missing: numbered
    /// by the course dose it leads to (assessment, preparation) or follows.
    pub fn start_visit(
        &self,
        form: &StartForm,
        visit: crate::session::VisitStart,
    ) -> Result<SessionStart, String> {
        let lang = self.lang;
        let f: Vec<String> = form.fields.iter().map(text_of).collect();
        let clinicians = self.clinicians_named(&f[CLINICIANS])?;
        let last = self.course.held.iter().copied().max();
        let session = match last {
            Some(n) if !visit.kind.before_dose() => n,
            _ => self.course.next.max(1),
        };
        let mut start = crate::session::plan_visit(
            &self.protocol,
            crate::session::StartFields {
                patient: &f[0],
                session: "",
                weight_kg: "",
                mg_per_kg: "",
                clinicians: &clinicians,
            },
            visit,
            session,
            self.rehearsal,
        )
        .map_err(|e| e.say(lang))?;
        if !self.rehearsal {
            start.identity = self.site.identity();
        }
        Ok(start)
    }

    /// Move the start form to its next kind of encounter: a dosing
    /// session, then each visit the protocol names with each way it may be
    /// held, in the file's order, and round again.
    pub fn next_visit_kind(&mut self) {
        let mut kinds: Vec<Option<crate::session::VisitStart>> = vec![None];
        for v in &self.protocol.visits {
            for &contact in &v.contact {
                kinds.push(Some(crate::session::VisitStart {
                    kind: v.kind,
                    contact,
                }));
            }
        }
        let Screen::Start(form) = &mut self.screen else {
            return;
        };
        let at = kinds.iter().position(|k| *k == form.visit).unwrap_or(0);
        form.visit = kinds[(at + 1) % kinds.len()];
        form.error = None;
        if form.visit.is_some() && form.focus != CLINICIANS {
            form.focus = 0;
        }
    }

    fn try_start_visit(&mut self, visit: crate::session::VisitStart, now: &Moment) {
        let lang = self.lang;
        let Screen::Start(form) = &self.screen else {
            return;
        };
        match self.start_visit(form, visit) {
            Err(e) => {
                if let Screen::Start(form) = &mut self.screen {
                    form.error = Some(e);
                }
            }
            Ok(mut start) => {
                if self.screen_reader {
                    start.ui = Some("screen-reader".into());
                }
                start.lang = Some(lang.tag().into());
                self.create(start, now)
            }
        }
    }

    /// The start form's session number checked against the course (see
    /// `session::course::numbering`) on today's date.
    pub fn course_findings(&self) -> Vec<crate::session::course::numbering::Finding> {
        let Screen::Start(form) = &self.screen else {
            return Vec::new();
        };
        let Ok(session) = text_of(&form.fields[1]).trim().parse::<u32>() else {
            return Vec::new();
        };
        crate::session::course::numbering::check(
            &self.protocol,
            &self.course.encounters,
            &self.course.others,
            session,
            self.clock.now().wall.date_naive(),
        )
    }

    /// Whether the session may start as far as its number goes: refused
    /// where the protocol says so; else, when a check found something, the
    /// reason given for it goes with the start, or is asked for.
    fn course_checked(&mut self, start: &mut SessionStart) -> bool {
        let lang = self.lang;
        use crate::session::course::numbering::refused;
        let findings = self.course_findings();
        if findings.is_empty() {
            self.pending_course_note = None;
            return true;
        }
        let said: Vec<String> = findings
            .iter()
            .map(|f| crate::record::course_words::check(&f.check, lang))
            .collect();
        if refused(&findings) {
            let source = self
                .protocol
                .course
                .numbering
                .as_ref()
                .map(|n| n.source.clone())
                .unwrap_or_default();
            let what = said.join(" ");
            if let Screen::Start(form) = &mut self.screen {
                form.error = Some(crate::say!(
                    lang,
                    "course-check-refused",
                    source = source,
                    what = what
                ));
            }
            return false;
        }
        let checks: Vec<_> = findings.into_iter().map(|f| f.check).collect();
        match &self.pending_course_note {
            Some(note) if note.checks == checks => {
                start.course_note = Some(note.clone());
                true
            }
            _ => {
                let what = said.join(" ");
                self.set_flash(
                    crate::say!(lang, "course-check-ask", what = what),
                    FlashKind::Refused,
                );
                self.open_reason(ReasonFor::Course);
                false
            }
        }
    }

    pub(super) fn create(&mut self, start: SessionStart, now: &Moment) {
        let lang = self.lang;
        let clinicians = start.clinicians.join("; ");
        match self.store.create_session(&self.protocol_text, start, now) {
            Ok(open) => {
                // The next session here starts with the same names.
                self.store.remember_clinicians(&clinicians);
                let visit = open.session.start.visit.is_some();
                self.enter_session(open, Some((1, now.clone())));
                // A visit gives no dose and watches no vitals on alarm.
                if !self.rehearsal && !visit {
                    self.alarm_self_test(now);
                }
            }
            Err(e) => {
                if let Screen::Start(form) = &mut self.screen {
                    form.error = Some(crate::say!(
                        lang,
                        "start-cannot-create",
                        error = e.say(lang)
                    ));
                }
            }
        }
    }

    pub fn resume(&mut self, dir: &std::path::Path) {
        let lang = self.lang;
        match OpenSession::open(dir) {
            Ok(open) => {
                let warn = crate::i18n::Phrase::join(open.warnings.clone(), "; ").say(lang);
                self.enter_session(open, None);
                if !warn.is_empty() {
                    self.set_flash(warn, FlashKind::Refused);
                } else {
                    self.set_flash(crate::say!(lang, "flash-resumed"), FlashKind::Info);
                }
            }
            Err(e) => self.set_flash(
                crate::say!(lang, "flash-cannot-resume", error = e.say(lang)),
                FlashKind::Refused,
            ),
        }
    }

    pub fn enter_session(&mut self, open: OpenSession, saved: Option<(u64, Moment)>) {
        let lang = self.lang;
        self.protocol = open.session.protocol_arc();
        if open.session.is_closed() {
            // A signed record opens on its closed screen: addenda only.
            let path = open.dir.join("summary.md");
            let summary = if path.is_file() {
                Ok(path)
            } else {
                Err(crate::say!(lang, "closed-no-summary"))
            };
            self.screen = Screen::Closed(Box::new(ClosedView {
                open,
                summary,
                report: None,
            }));
            return;
        }
        let local = self.load_course(&open.session.start.patient, Some(&open.dir));
        self.course = self.with_last_read(&open.session.start.patient, local);
        let mut open = open;
        open.session.evidence =
            crate::session::evidence::for_session(&open.session, &self.course.held_visits);
        if let Some(kind) = open.session.start.visit_kind() {
            open.session.carried = crate::session::visits::carried_into(
                &self.protocol,
                kind,
                &self.course.visits_before(&open.session.started_at),
            );
        }
        let phase = open.session.phase;
        let device_alarms = crate::tui::present::monitor::DeviceAlarms::of(&open.session);
        self.screen = Screen::Session(Box::new(SessionView {
            device_alarms,
            open,
            view_phase: phase,
            selected: 0,
            editor: None,
            vitals: line_input(""),
            vitals_focus: false,
            read_on: 0,
            room_below: std::cell::Cell::new(0),
            last_saved: saved,
            disk_error: None,
            vanished: false,
        }));
        self.sim_attach();
    }
}
