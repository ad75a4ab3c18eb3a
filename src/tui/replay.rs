//! `kap replay`: a journal played back on the session's own screens,
//! read-only, at any speed, with a timeline to jump to any entry. The
//! screen at moment T shows the journal's entries with `at <= T` folded
//! into a session (`record::replay::replay_prefix`), with the clock at T.
//! Nothing is written: the journal is open without write access, no lock
//! is taken, and every key that would change the record is refused. From
//! a rehearsal's replay, `B` branches a new rehearsal at T
//! (`rehearsal::branch`), which the app then opens.
//!
//! The replay screen is a component (`screens::replay`): its keys become
//! a [`ReplayMsg`], which `App::update` does here (`App::replay_do`), as
//! the screen-reader mode's typed words do.

use super::app::{App, FlashKind, Screen, StartForm};
use super::keys::{self, Action};
use crate::clocks::ScaledClock;
use crate::protocol::Protocol;
use crate::record::{OpenSession, ReadOutcome};
use crate::session::{Millis, Moment, Session};
use std::path::PathBuf;
use std::sync::Arc;

/// Replay speeds: real time up to eight hours a minute.
pub const MIN_SPEED: f64 = 1.0;
pub const MAX_SPEED: f64 = 480.0;

/// One line of the replay's timeline.
#[derive(Debug, Clone)]
pub struct Row {
    /// Milliseconds after the first entry.
    pub at_ms: Millis,
    /// The entry's number in the journal.
    pub seq: u64,
    /// What it records, in a line.
    pub text: String,
}

/// What the replay screen asks of the shell: what moves its clock or
/// folds its entries.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum ReplayMsg {
    /// Play, or pause; at the end, play again from the start.
    PlayPause,
    Faster,
    Slower,
    /// The next entry, or say that the replay has ended.
    NextEntry,
    /// The entry before the one on screen (or back to that one when the
    /// clock has moved past it).
    PreviousEntry,
    /// The entry at this index (0-based), from the timeline list.
    JumpTo(usize),
    /// A new rehearsal from this moment.
    Branch,
    /// A command that would change the record: refused, saying how to go
    /// on (a branch) where there is one.
    Refuse,
}

/// A replay in progress: the replay screen's state (its component is in
/// `screens::replay`).
pub struct Replay {
    /// The folder replayed, and its id (folder name).
    pub source: PathBuf,
    pub source_id: String,
    /// A rehearsal (which can be branched) or a real session.
    pub rehearsal: bool,
    pub clock: Arc<ScaledClock>,
    protocol: Arc<Protocol>,
    outcome: ReadOutcome,
    jpath: PathBuf,
    /// Every readable entry, in journal order.
    pub rows: Vec<Row>,
    /// How many entries are folded into the session on screen.
    pub shown: usize,
    /// The timeline list, when open: its highlighted row.
    pub timeline: Option<usize>,
    /// Set by a branch: the new rehearsal's folder, which the shell opens.
    pub branch_to: Option<PathBuf>,
    /// A rehearsal's simulation log may run on past the last entry (cuff
    /// cycles, injections): its last moment's offset.
    pub sim_end: Option<Millis>,
}

impl Replay {
    fn first_at(&self) -> Option<&Moment> {
        self.outcome.records.first().map(|r| &r.at)
    }

    /// Milliseconds from the first entry to `now`.
    pub fn position(&self, now: &Moment) -> Millis {
        self.first_at().map_or(0, |f| now.since(f))
    }

    /// The last entry's offset (or the simulation log's last, if later):
    /// the replay's length.
    pub fn length(&self) -> Millis {
        let last = self.rows.last().map_or(0, |r| r.at_ms);
        self.sim_end.map_or(last, |s| s.max(last))
    }

    /// The session as it stood with the first `count` entries folded.
    fn fold(&self, count: usize) -> Option<Session> {
        crate::record::replay::replay_prefix(
            Arc::clone(&self.protocol),
            &self.outcome,
            &self.jpath,
            count.max(1),
        )
        .ok()
        .map(|(s, _)| s)
    }
}

/// `mm:ss` (or `h:mm:ss`) from the first entry.
pub fn offset_text(ms: Millis) -> String {
    super::view::clock_text(ms)
}

/// Build the replay app for a session folder, on its first entry. A
/// branch goes into `store`. `flag` is the language asked for on the
/// command line (`--lang`), if any.
pub fn prepare(
    store: crate::record::Store,
    dir: &std::path::Path,
    speed: f64,
    theme: super::theme::Theme,
    flag: Option<crate::i18n::Lang>,
) -> Result<App, String> {
    // In the command line's language until the record is read, then in
    // the record's protocol's unless one was asked for.
    let lang = crate::i18n::settle(flag, None).lang;
    let (open, outcome) = OpenSession::read_only(dir).map_err(|e| e.say(lang))?;
    let protocol = open.session.protocol_arc();
    let lang = crate::i18n::settle(flag, protocol.protocol.language.as_deref()).lang;
    let first = outcome
        .records
        .first()
        .map(|r| r.at.clone())
        .ok_or_else(|| crate::say!(lang, "replay-empty", folder = dir.display().to_string()))?;
    let rehearsal = outcome.records.first().is_some_and(|r| r.rehearsal);
    let full = open.session.clone();
    let rows = outcome
        .records
        .iter()
        .map(|r| Row {
            at_ms: r.at.since(&first),
            seq: r.seq,
            text: format!(
                "{}  {}",
                r.event.kind_name().say(lang),
                crate::session::timeline::describe(&full, &r.event, None)
                    .1
                    .say(lang)
            ),
        })
        .collect();
    let clock = Arc::new(ScaledClock::new(
        first.clone(),
        speed.clamp(MIN_SPEED, MAX_SPEED),
    ));
    let mut app = App::new(
        lang,
        store,
        dir.join(crate::record::store::PROTOCOL_COPY),
        open.protocol_text.clone(),
        Arc::clone(&protocol),
        clock.clone(),
        Some(clock.clone()),
        rehearsal,
        theme,
    );
    app.audio = Box::new(crate::audio::Silent::new(crate::say!(
        lang,
        "audio-silent-replay"
    )));
    app.watch_clock = false;
    let warnings = crate::i18n::Phrase::join(open.warnings.clone(), "; ").say(lang);
    let source_id = dir
        .file_name()
        .map(|n| n.to_string_lossy().into_owned())
        .unwrap_or_default();
    let jpath = open.journal.path().to_path_buf();
    let sim_end = crate::rehearsal::simlog::read(dir, lang)
        .ok()
        .and_then(|l| l.entries.last().map(|e| e.at.since(&first)));
    app.enter_session(open, None);
    app.replay = Some(Box::new(Replay {
        source: dir.to_path_buf(),
        source_id: source_id.clone(),
        rehearsal,
        clock,
        protocol,
        outcome,
        jpath,
        rows,
        shown: usize::MAX,
        timeline: None,
        branch_to: None,
        sim_end,
    }));
    app.show_entries(1);
    let opened = crate::say!(lang, "replay-opened", id = source_id);
    if warnings.is_empty() {
        app.set_flash(opened, FlashKind::Info);
    } else {
        app.set_flash(format!("{opened} — {warnings}"), FlashKind::Refused);
    }
    Ok(app)
}

/// The actions a replay lets through to the session's screens: they
/// move what is looked at, never the record.
pub(crate) const LOOK_ONLY: &[Action] = &[
    Action::Help,
    Action::NextTheme,
    Action::LookBack,
    Action::Up,
    Action::Down,
];

impl App {
    /// Fold the first `count` entries into the session on screen (the
    /// closed screen once the record is signed).
    pub fn show_entries(&mut self, count: usize) {
        let Some(r) = &self.replay else { return };
        let count = count.clamp(1, r.rows.len().max(1));
        if count == r.shown {
            return;
        }
        let Some(session) = r.fold(count) else { return };
        if let Some(r) = &mut self.replay {
            r.shown = count;
        }
        let placeholder = Screen::Start(Box::new(StartForm::empty()));
        let mut open = match std::mem::replace(&mut self.screen, placeholder) {
            Screen::Session(v) if !session.is_closed() => {
                let mut v = v;
                let phase = session.phase;
                v.open.session = session;
                v.refresh_derived();
                v.view_phase = phase;
                let prompts = self.visible_prompts_of(&v.open.session, phase);
                v.selected = v.selected.min(prompts.saturating_sub(1));
                self.screen = Screen::Session(v);
                return;
            }
            Screen::Session(v) => v.open,
            Screen::Closed(c) => c.open,
            other => {
                self.screen = other;
                return;
            }
        };
        open.session = session;
        self.enter_session(open, None);
    }

    fn visible_prompts_of(&self, s: &Session, phase: usize) -> usize {
        s.protocol()
            .phases
            .get(phase)
            .map_or(0, |p| s.prompts(p).count())
    }

    /// Every tick of a replay: fold what stood at `now`; at the last
    /// entry, stop there.
    pub fn on_replay_tick(&mut self, now: &Moment) {
        let Some(r) = &self.replay else { return };
        let pos = r.position(now);
        let (len, clock) = (r.length(), Arc::clone(&r.clock));
        let last = r.first_at().map(|f| f.plus(len));
        let count = crate::record::replay::count_at(&r.outcome, pos.min(len));
        if pos > len
            && !clock.is_paused()
            && let Some(last) = last
        {
            clock.jump_to(last);
            clock.set_paused(true);
            let text = self.replay_ended_text();
            self.set_flash(text, FlashKind::Info);
        }
        self.show_entries(count);
    }

    /// Jump to entry `index` (0-based): the clock at its moment, the
    /// session as it stood once it was made.
    pub fn jump_to_entry(&mut self, index: usize) {
        let lang = self.lang;
        let Some(r) = &self.replay else { return };
        let Some(rec) = r.outcome.records.get(index) else {
            return;
        };
        r.clock.jump_to(rec.at.clone());
        let (n, total, ms) = (index + 1, r.rows.len(), r.rows[index].at_ms);
        // Entries made in the same moment stand together.
        let count = crate::record::replay::count_at(&r.outcome, ms);
        self.show_entries(count);
        self.set_flash(
            crate::say!(
                lang,
                "replay-jumped",
                n = n,
                total = total,
                at = offset_text(ms)
            ),
            FlashKind::Info,
        );
    }

    /// Say that a replay changes nothing (and, in a rehearsal, how to go on
    /// from here).
    pub fn refuse_in_replay(&mut self) {
        let lang = self.lang;
        let rehearsal = self.replay.as_ref().is_some_and(|r| r.rehearsal);
        self.set_flash(
            if rehearsal {
                crate::say!(
                    lang,
                    "replay-refused-rehearsal",
                    branch = self.replay_key("B", "branch")
                )
            } else {
                crate::say!(lang, "replay-refused")
            },
            FlashKind::Refused,
        );
    }

    /// How to ask for something in a replay: the key on the full screen,
    /// the word to type in the screen-reader mode.
    pub fn replay_key(&self, key: &str, word: &str) -> String {
        let lang = self.lang;
        if self.screen_reader {
            keys::shown_word(word, lang)
        } else {
            key.to_string()
        }
    }

    pub(crate) fn replay_ended_text(&self) -> String {
        let lang = self.lang;
        crate::say!(
            lang,
            "replay-ended",
            play = self.replay_key("Space", "play"),
            list = self.replay_key("L", "entries")
        )
    }

    /// Move to `ms` after the first entry (within the record): the clock
    /// there, the entries made by then folded. Returns how many are.
    pub fn jump_to_offset(&mut self, ms: Millis) -> usize {
        let Some(r) = &self.replay else { return 0 };
        let Some(first) = r.first_at().cloned() else {
            return 0;
        };
        let ms = ms.clamp(0, r.length());
        r.clock.jump_to(first.plus(ms));
        let count = crate::record::replay::count_at(&r.outcome, ms);
        self.show_entries(count);
        self.replay.as_ref().map_or(0, |r| r.shown)
    }

    /// Do what the replay screen asks.
    pub(crate) fn replay_do(&mut self, m: ReplayMsg, now: &Moment) {
        let lang = self.lang;
        let Some(r) = &self.replay else { return };
        let clock = Arc::clone(&r.clock);
        let (shown, pos, len) = (r.shown, r.position(now), r.length());
        let at_current = r.rows.get(shown.saturating_sub(1)).map(|x| x.at_ms) == Some(pos);
        match m {
            ReplayMsg::PlayPause => {
                if clock.is_paused() && pos >= len && shown >= r.rows.len() {
                    // At the end: play again from the start.
                    self.jump_to_entry(0);
                }
                let paused = !clock.is_paused();
                clock.set_paused(paused);
                self.set_flash(
                    if paused {
                        crate::say!(
                            lang,
                            "replay-paused",
                            play = self.replay_key("Space", "play")
                        )
                    } else {
                        crate::say!(lang, "replay-playing")
                    },
                    FlashKind::Info,
                );
            }
            ReplayMsg::Faster | ReplayMsg::Slower => {
                let f = if m == ReplayMsg::Faster { 2.0 } else { 0.5 };
                let s = (clock.speed() * f).clamp(MIN_SPEED, MAX_SPEED);
                clock.set_speed(s);
                self.set_flash(
                    crate::say!(lang, "replay-speed", speed = crate::i18n::num_in(lang, s)),
                    FlashKind::Info,
                );
            }
            ReplayMsg::NextEntry => {
                if shown < r.rows.len() {
                    self.jump_to_entry(shown);
                } else {
                    let text = self.replay_ended_text();
                    self.set_flash(text, FlashKind::Info);
                }
            }
            ReplayMsg::PreviousEntry => {
                let i = if at_current {
                    shown.saturating_sub(2)
                } else {
                    shown.saturating_sub(1)
                };
                self.jump_to_entry(i);
            }
            ReplayMsg::JumpTo(index) => self.jump_to_entry(index),
            ReplayMsg::Branch => self.branch_here(now),
            ReplayMsg::Refuse => self.refuse_in_replay(),
        }
    }

    /// `B`: a new rehearsal from this moment, opened once the replay ends.
    pub(crate) fn branch_here(&mut self, now: &Moment) {
        let lang = self.lang;
        let Some(r) = &self.replay else { return };
        if !r.rehearsal {
            self.set_flash(crate::say!(lang, "branch-refused-real"), FlashKind::Refused);
            return;
        }
        let ms = r.position(now).max(0);
        match crate::rehearsal::branch::branch(&self.store, &r.source, ms, lang) {
            Ok(dir) => {
                if let Some(r) = &mut self.replay {
                    r.branch_to = Some(dir);
                }
                self.quit = true;
            }
            Err(e) => self.set_flash(e.say(lang), FlashKind::Refused),
        }
    }
}

/// What the header says of a replay.
pub fn header_text(r: &Replay, now: &Moment, lang: crate::i18n::Lang) -> String {
    let kind = if r.rehearsal {
        crate::say!(lang, "replay-kind-rehearsal")
    } else {
        crate::say!(lang, "replay-kind-session")
    };
    let position = format!(
        "{}/{}",
        offset_text(r.position(now).clamp(0, r.length())),
        offset_text(r.length())
    );
    if r.clock.is_paused() {
        crate::say!(
            lang,
            "header-replay-paused",
            kind = kind,
            position = position
        )
    } else {
        crate::say!(
            lang,
            "header-replay",
            kind = kind,
            position = position,
            speed = crate::i18n::num_in(lang, r.clock.speed())
        )
    }
}
