//! A patient's course: every session recorded under one protocol, in
//! order, with the goals carried from session to session.

use super::store::{self, Store};
use super::verdict::Verdict;
use crate::i18n::Phrase;
use crate::session::Session;
use crate::session::course::Encounter;
use std::path::PathBuf;

/// One session of a course, replayed from its record.
#[derive(Debug, Clone)]
pub struct CourseEntry {
    pub id: String,
    pub dir: PathBuf,
    pub session: Session,
    /// The record's verdict (`verdict`).
    pub verdict: Verdict,
    /// What reading it found (`ReadSession::warnings`), to be said.
    pub warnings: Vec<crate::i18n::Phrase>,
}

impl CourseEntry {
    /// The session as the course rules see it (`session::course`).
    pub fn encounter(&self) -> Encounter {
        let s = &self.session;
        Encounter {
            protocol_id: s.start.protocol_id.clone(),
            session: s.start.session,
            started: s.started_at.wall.naive_local(),
            dose_at: s.dosing.started.as_ref().map(|m| m.wall.naive_local()),
            held: self.held(),
            visit: s.start.visit_kind(),
        }
    }

    /// Whether the session counts as held for the course's numbering: its
    /// infusion started, or the record is damaged and its start (with the
    /// dose) is readable — the lost or damaged part may hold the
    /// infusion, and a number given twice is worse than one skipped. A
    /// visit is never held: it gives no dose.
    pub fn held(&self) -> bool {
        self.session.start.visit.is_none()
            && (self.session.dosing.started.is_some() || self.verdict.is_damaged())
    }
}

/// A patient's sessions under a protocol, oldest first, each with its
/// verdict. Records that do not replay at all (no readable start) are
/// left out (`kap verify` and `kap resume` report them; [`so_far`] says
/// which).
pub fn load(store: &Store, patient: &str, protocol_id: &str, rehearsal: bool) -> Vec<CourseEntry> {
    let mine = store.scan_patient(rehearsal, patient).sessions;
    load_listed(mine, patient, protocol_id, &mut Vec::new())
}

/// The same from a tree's listing already made (`Store::scan`), so the
/// tree is not listed twice.
pub fn load_from(list: &[super::Listing], patient: &str, protocol_id: &str) -> Vec<CourseEntry> {
    let mine = list
        .iter()
        .filter(|l| l.start.patient == patient)
        .cloned()
        .collect();
    load_listed(mine, patient, protocol_id, &mut Vec::new())
}

/// The same from a tree's listing; each of the patient's sessions that
/// does not replay is added to `left_out` as a sentence naming its folder.
fn load_listed(
    list: Vec<super::Listing>,
    patient: &str,
    protocol_id: &str,
    left_out: &mut Vec<Phrase>,
) -> Vec<CourseEntry> {
    read_listed(list, patient, |p| p == protocol_id, left_out)
}

/// The patient's sessions under the protocols `keep` accepts, oldest first.
fn read_listed(
    list: Vec<super::Listing>,
    patient: &str,
    keep: impl Fn(&str) -> bool,
    left_out: &mut Vec<Phrase>,
) -> Vec<CourseEntry> {
    let mut v: Vec<CourseEntry> = list
        .into_iter()
        .filter(|l| l.start.patient == patient && keep(&l.start.protocol_id))
        .filter_map(|l| match store::read_session(&l.dir) {
            Ok(read) => Some(CourseEntry {
                id: l.id,
                dir: l.dir,
                session: read.session,
                verdict: l.verdict,
                warnings: read.warnings,
            }),
            Err(e) => {
                left_out.push(left_out_sentence(&l.id, e.words()));
                None
            }
        })
        .collect();
    v.sort_by_key(|e| e.session.started_at.wall);
    v
}

/// "FOLDER could not be read and is left out: WHY".
fn left_out_sentence(folder: &str, why: Phrase) -> Phrase {
    crate::phrase!(
        "course-left-out",
        folder = crate::text::clean_line(folder),
        why = why.one_line()
    )
}

/// The folders of a tree a course cannot be read from and that may be
/// anyone's: a journal that cannot be read at all, and a damaged record
/// whose start is lost (with its verdict).
fn unattributed(scan: &super::store::Scan) -> Vec<Phrase> {
    let unreadable = scan.unreadable.iter().map(|u| {
        let folder = u
            .path
            .parent()
            .and_then(|d| d.file_name())
            .unwrap_or_default();
        left_out_sentence(&folder.to_string_lossy(), crate::i18n::io_words(&u.error))
    });
    let startless = scan
        .startless
        .iter()
        .map(|s| left_out_sentence(&s.id, s.verdict.sentence()));
    unreadable.chain(startless).collect()
}

/// The protocol a course reads its rules and phases from: a dosing
/// session's copy (a visit's runs under its own flow), else the first.
pub fn course_protocol(entries: &[CourseEntry]) -> Option<&crate::protocol::Protocol> {
    entries
        .iter()
        .find(|e| e.session.start.visit.is_none())
        .or(entries.first())
        .map(|e| e.session.protocol())
}

/// A visit in words: its kind, how it was held when not in person, and
/// the clinician who held it ("follow-up by phone, held by Dr Silva").
pub fn visit_words(start: &crate::session::SessionStart) -> Option<crate::i18n::Phrase> {
    use crate::i18n::Phrase;
    let v = start.visit?;
    let mut kind = v.kind.label();
    if v.contact.is_remote() {
        kind = Phrase::Seq(vec![kind, " ".into(), v.contact.label()]);
    }
    Some(match start.clinicians.first() {
        Some(by) => crate::phrase!(
            "visit-held-by",
            kind = kind,
            by = crate::text::clean_line(by)
        ),
        None => kind,
    })
}

/// The goals as last set anywhere in the course (empty when never set).
pub fn current_goals(entries: &[CourseEntry]) -> Vec<String> {
    entries
        .iter()
        .rev()
        .find_map(|e| e.session.goals.clone())
        .unwrap_or_default()
}

/// Every version of the goals, oldest first, with the session that set it.
pub fn goal_history(entries: &[CourseEntry]) -> Vec<(u32, Vec<String>)> {
    entries
        .iter()
        .filter_map(|e| {
            e.session
                .goals
                .clone()
                .map(|g| (e.session.start.session, g))
        })
        .collect()
}

/// The most recent session held (not abandoned before dosing) before this
/// one: the one rolling integration looks back on.
pub fn previous(entries: &[CourseEntry], exclude: Option<&PathBuf>) -> Option<CourseEntry> {
    entries
        .iter()
        .rev()
        .filter(|e| Some(&e.dir) != exclude)
        .find(|e| e.session.dosing.started.is_some())
        .cloned()
}

/// The next session number: one after the highest session held.
pub fn next_number(entries: &[CourseEntry]) -> u32 {
    entries
        .iter()
        .filter(|e| e.held())
        .map(|e| e.session.start.session)
        .max()
        .map_or(1, |n| n + 1)
}

/// What a course brings into a session: the previous session held, the
/// goals carried forward, the session numbers already held and the next.
#[derive(Debug, Clone, Default)]
pub struct SoFar {
    pub previous: Option<CourseEntry>,
    /// Goals as carried in from earlier sessions.
    pub goals: Vec<String>,
    /// When the session that set `goals` began (this laptop's), for
    /// weighing them against the server's.
    pub goals_at: Option<chrono::NaiveDateTime>,
    /// The goals were set on another laptop (read from the clinic's
    /// server): in which session, and when it began.
    pub goals_elsewhere: Option<(u32, chrono::NaiveDateTime)>,
    /// Sessions of this course already held (not counting `exclude`).
    pub held: Vec<u32>,
    /// The number the next session would have.
    pub next: u32,
    /// Sessions of this course whose record is damaged: the number and
    /// the verdict's sentence, for the course view.
    pub damaged: Vec<(u32, Phrase)>,
    /// Folders the course could not be read from (which may hold one of
    /// its sessions), each as a sentence naming the folder and why: a
    /// journal that cannot be read, a record whose start is lost, one of
    /// the patient's sessions that does not replay.
    pub left_out: Vec<Phrase>,
    /// This course's sessions, for the course rules.
    pub encounters: Vec<Encounter>,
    /// The patient's sessions under other protocols, for the check of a
    /// recent dose under another protocol.
    pub others: Vec<Encounter>,
    /// The latest safety plan and risk screen of the course.
    pub risk: crate::session::risk::Carried,
    /// The outcome measures answered in this course so far: the
    /// instrument, and the session, moment and total.
    pub outcomes: Vec<(String, crate::outcome::course::Taken)>,
    /// The course's visits (not its doses), oldest first: the preparation
    /// checklist is carried from them.
    pub visits: Vec<Session>,
    /// The record keys (`fhir::record_key`) of every session of the
    /// patient on this laptop (each protocol's): their Encounters on the
    /// server are these.
    pub local_ids: Vec<String>,
    /// Sessions of this course held on another laptop, as the clinic's
    /// server holds them.
    pub elsewhere: Vec<u32>,
    /// The date of the latest of them.
    pub elsewhere_last: Option<chrono::NaiveDate>,
    /// What the clinic's server said of the course, as a sentence: read
    /// (and what it adds), or offline.
    pub server: Option<Phrase>,
    /// The server was configured and could not be read.
    pub offline: bool,
    /// The course's visits as evidence may rest on them
    /// (`session::evidence`): this laptop's and the server's.
    pub held_visits: Vec<crate::session::evidence::HeldVisit>,
}

impl SoFar {
    /// The visits started before `before`, for `session::visits`.
    pub fn visits_before(&self, before: &crate::session::Moment) -> Vec<&Session> {
        self.visits
            .iter()
            .filter(|s| s.started_at.wall < before.wall)
            .collect()
    }
}

/// One session as the server holds it (read by `push::server_read`).
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Held {
    pub encounter: Encounter,
    /// kap's resource id of the Encounter (the same on every export of
    /// its record): this laptop knows its own.
    pub resource: Option<String>,
    /// The goals the session set, in their order, as its Goals on the
    /// server say (`None` when it set none).
    pub goals: Option<Vec<String>>,
    /// Its status is `finished`: the record was closed and signed.
    pub signed: bool,
}

/// The course so far with the sessions the clinic's server holds from
/// other laptops (`read`, every protocol's, or why it could not be read):
/// they count for the numbers held, the next number, the numbering checks
/// and the date window. Nothing read is written into a record.
pub fn with_server(mut so: SoFar, protocol_id: &str, read: Result<Vec<Held>, String>) -> SoFar {
    let held = match read {
        Err(e) => {
            so.server = Some(crate::phrase!("course-offline", error = e));
            so.offline = true;
            return so;
        }
        Ok(h) => h,
    };
    let mine: std::collections::BTreeSet<String> = so
        .local_ids
        .iter()
        .map(|id| super::fhir::resource_id(id, "encounter"))
        .collect();
    let theirs: Vec<_> = held
        .into_iter()
        .filter(|h| h.resource.as_ref().is_none_or(|r| !mine.contains(r)))
        .collect();
    carry_goals(&mut so, protocol_id, &theirs);
    so.held_visits
        .extend(theirs.iter().filter_map(|h| server_visit(h, protocol_id)));
    for e in theirs.into_iter().map(|h| h.encounter) {
        if e.protocol_id != protocol_id {
            so.others.push(e);
            continue;
        }
        if e.held {
            so.held.push(e.session);
            so.elsewhere.push(e.session);
            so.elsewhere_last = so.elsewhere_last.max(Some(e.started.date()));
        }
        so.encounters.push(e);
    }
    so.held.sort_unstable();
    so.held.dedup();
    so.elsewhere.sort_unstable();
    so.elsewhere.dedup();
    so.encounters.sort_by_key(Encounter::at);
    so.next = so.held.last().map_or(1, |n| n + 1);
    so.server = Some(if so.elsewhere.is_empty() {
        crate::phrase!("course-server-nothing")
    } else {
        let list: Vec<String> = so.elsewhere.iter().map(u32::to_string).collect();
        crate::phrase!(
            "course-from-server",
            count = so.elsewhere.len(),
            sessions = list.join(", ")
        )
    });
    so
}

/// The goals of the latest session of the course the server holds from
/// another laptop that set any, when it began after the one this laptop
/// carries them from: they are the course's goals as they stand.
fn carry_goals(so: &mut SoFar, protocol_id: &str, theirs: &[Held]) {
    let latest = theirs
        .iter()
        .filter(|h| h.encounter.protocol_id == protocol_id)
        .filter_map(|h| h.goals.as_ref().map(|g| (&h.encounter, g)))
        .max_by_key(|(e, _)| e.started);
    if let Some((e, g)) = latest
        && so.goals_at.is_none_or(|at| e.started > at)
    {
        so.goals = g.clone();
        so.goals_at = Some(e.started);
        so.goals_elsewhere = Some((e.session, e.started));
    }
}

/// A visit of the course the server holds, as evidence may rest on it
/// (only one kap pushed: it has kap's resource id). The server's search
/// leaves out an Encounter entered in error.
fn server_visit(h: &Held, protocol_id: &str) -> Option<crate::session::evidence::HeldVisit> {
    let e = &h.encounter;
    (e.protocol_id == protocol_id).then_some(())?;
    Some(crate::session::evidence::HeldVisit {
        kind: e.visit?,
        record: format!("Encounter/{}", h.resource.as_ref()?),
        held: e.started,
        by: None,
        signed: h.signed,
        rehearsal: false,
        in_error: false,
    })
}

/// A local visit as evidence may rest on it: signed when closed, not
/// ended early.
fn local_visit(e: &CourseEntry) -> Option<crate::session::evidence::HeldVisit> {
    let s = &e.session;
    Some(crate::session::evidence::HeldVisit {
        kind: s.start.visit_kind()?,
        record: e.id.clone(),
        held: s.started_at.wall.naive_local(),
        by: s.start.clinicians.first().cloned(),
        signed: s.closed.as_ref().is_some_and(|c| c.abandoned.is_none()),
        rehearsal: s.start.rehearsal,
        in_error: false,
    })
}

/// The course of `patient` under `protocol_id`, leaving out the session
/// in `exclude` (the one on screen).
pub fn so_far(
    store: &Store,
    patient: &str,
    protocol_id: &str,
    rehearsal: bool,
    exclude: Option<&PathBuf>,
) -> SoFar {
    let scan = store.scan_patient(rehearsal, patient);
    let mut left_out = unattributed(&scan);
    let local_ids = scan
        .sessions
        .iter()
        .filter(|l| l.start.patient == patient)
        .map(|l| super::fhir::record_key(&l.start, &l.id))
        .collect();
    let others = read_listed(
        scan.sessions.clone(),
        patient,
        |p| p != protocol_id,
        &mut Vec::new(),
    )
    .iter()
    .map(CourseEntry::encounter)
    .collect();
    let entries: Vec<_> = load_listed(scan.sessions, patient, protocol_id, &mut left_out)
        .into_iter()
        .filter(|e| Some(&e.dir) != exclude)
        .collect();
    SoFar {
        previous: previous(&entries, None),
        goals: current_goals(&entries),
        goals_at: entries
            .iter()
            .rev()
            .find(|e| e.session.goals.is_some())
            .map(|e| e.session.started_at.wall.naive_local()),
        held: entries
            .iter()
            .filter(|e| e.held())
            .map(|e| e.session.start.session)
            .collect(),
        next: next_number(&entries),
        damaged: entries
            .iter()
            .filter(|e| e.verdict.is_damaged())
            .map(|e| (e.session.start.session, e.verdict.sentence()))
            .collect(),
        risk: crate::session::risk::carried(entries.iter().map(|e| &e.session)),
        left_out,
        encounters: entries.iter().map(CourseEntry::encounter).collect(),
        others,
        outcomes: entries.iter().flat_map(outcomes_of).collect(),
        visits: entries
            .iter()
            .filter(|e| e.session.start.visit.is_some())
            .map(|e| e.session.clone())
            .collect(),
        local_ids,
        held_visits: entries.iter().filter_map(local_visit).collect(),
        ..SoFar::default()
    }
}

/// A session's outcome measures as the course reads them.
fn outcomes_of(e: &CourseEntry) -> Vec<(String, crate::outcome::course::Taken)> {
    let s = &e.session;
    s.outcomes
        .iter()
        .filter_map(|o| {
            let ins = s.protocol().instrument(&o.instrument)?;
            let total = crate::outcome::score(&ins, &o.answers).ok()?.total;
            Some((
                o.instrument.clone(),
                crate::outcome::course::Taken {
                    session: s.start.session,
                    at: o.at.wall.naive_local(),
                    total,
                },
            ))
        })
        .collect()
}
