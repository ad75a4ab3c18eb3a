//! `kap replay --screen-reader`: a journal played back as a transcript.
//! The same replay app as the full screen (`tui::replay`), read-only, with
//! typed commands for its keys: play and pause, faster and slower, the
//! next and previous entry, an entry by number or a moment, the entries
//! listed a page at a time, where the replay is, and (a rehearsal) a
//! branch, opened in the same mode. While it plays, each entry folded in
//! is said once, then what the narrator says of the session's changes;
//! entries folded in the same tick are said as one list.

use super::input::{Input, Line};
use super::narrate::Narrator;
use super::said::{Said, in_session};
use crate::outln;
use crate::session::{MINUTE, Millis, Moment, SECOND};
use crate::tui::app::{App, FlashKind, Msg};
use crate::tui::keys::{self, Action};
use crate::tui::replay::{LOOK_ONLY, ReplayMsg, offset_text};
use std::path::PathBuf;
use std::sync::Arc;
use std::sync::atomic::{AtomicBool, Ordering};

/// Entries said one by one when several are folded in one tick; the rest
/// are counted.
const MAX_SAID: usize = 8;
/// Entries listed at a time by `entries`.
pub const PAGE: usize = 20;

/// What a line typed in a replay asks for.
#[derive(Debug, Clone, PartialEq)]
pub enum Asked {
    Play,
    Pause,
    /// Play if paused, pause if playing (the full screen's Space).
    Toggle,
    Faster,
    Slower,
    Next,
    Previous,
    /// An entry by number (from 1); `None`: no number given.
    Jump(Option<usize>),
    /// A moment after the first entry; `None`: none understood.
    At(Option<Millis>),
    /// The entries, listed from this number (from 1).
    Entries(usize),
    More,
    Where,
    Branch,
    Quit,
    Help,
    Time,
    Status,
    Monitor,
    /// A looking action the full screen lets through (looking back).
    Look(Action),
    /// Something that would make or change an entry.
    Refused,
    Nothing,
    Unknown,
}

/// A line typed in a replay. Pure: the replay's words first, then the
/// session's, where anything that would record is refused.
pub fn asked(line: &str, lang: crate::i18n::Lang) -> Asked {
    let line = line.trim();
    if line.is_empty() {
        return Asked::Nothing;
    }
    let (word, rest) = match line.split_once(char::is_whitespace) {
        Some((w, rest)) => (w, rest.trim()),
        None => (line, ""),
    };
    match keys::replay_word(word, lang).as_str() {
        "play" => Asked::Play,
        "pause" => Asked::Pause,
        "freeze" => Asked::Toggle,
        "faster" => Asked::Faster,
        "slower" => Asked::Slower,
        "next" => Asked::Next,
        "previous" => Asked::Previous,
        "jump" => Asked::Jump(rest.trim_start_matches('#').parse().ok()),
        "at" => Asked::At(offset_of(rest)),
        "entries" | "timeline" => Asked::Entries(rest.parse().unwrap_or(1)),
        "more" => Asked::More,
        "where" => Asked::Where,
        "branch" => Asked::Branch,
        "quit" | "leave" => Asked::Quit,
        _ => match in_session(line, lang) {
            Said::Nothing => Asked::Nothing,
            Said::Help => Asked::Help,
            Said::Time => Asked::Time,
            Said::Status => Asked::Status,
            Said::Monitor => Asked::Monitor,
            Said::Unknown(_) => Asked::Unknown,
            Said::Msg(Msg::Do(Action::Leave)) => Asked::Quit,
            Said::Msg(Msg::Do(a)) if LOOK_ONLY.contains(&a) => Asked::Look(a),
            Said::Msg(_) | Said::Prompt { .. } | Said::Field(..) => Asked::Refused,
        },
    }
}

/// A moment typed after `at`: minutes (`12`, `12.5`), minutes and seconds
/// (`12:30`) or hours, minutes and seconds (`1:02:30`).
pub fn offset_of(text: &str) -> Option<Millis> {
    let parts: Vec<&str> = text.trim().split(':').collect();
    let whole = |s: &str| s.trim().parse::<u32>().ok().map(Millis::from);
    match parts.as_slice() {
        [m] => {
            let m: f64 = m.trim().replace(',', ".").parse().ok()?;
            (m.is_finite() && (0.0..=100_000.0).contains(&m))
                .then(|| (m * MINUTE as f64).round() as Millis)
        }
        [m, s] => {
            let (m, s) = (whole(m)?, whole(s)?);
            (s < 60).then_some(m * MINUTE + s * SECOND)
        }
        [h, m, s] => {
            let (h, m, s) = (whole(h)?, whole(m)?, whole(s)?);
            (m < 60 && s < 60).then_some((h * 60 + m) * MINUTE + s * SECOND)
        }
        _ => None,
    }
}

/// What the loop remembers between lines.
struct Heard {
    /// How many entries have been said (or stood when a command moved).
    entries: usize,
    /// Where `more` goes on listing from (from 1).
    list_next: Option<usize>,
}

fn w(english: &str, lang: crate::i18n::Lang) -> String {
    keys::shown_word(english, lang)
}

fn shown(app: &App) -> usize {
    app.replay.as_ref().map_or(0, |r| r.shown)
}

/// Run a replay as a transcript until the clinician leaves, input ends, a
/// signal stops it, or a branch is made: then its folder and the speed to
/// open it at are returned, and nothing is said of leaving.
pub fn run(mut app: App, stop: Arc<AtomicBool>) -> Option<(PathBuf, f64)> {
    let lang = app.lang;
    app.screen_reader = true;
    let mut input = Input::stdin();
    let mut narrator = Narrator::read_only();
    hello(&mut app);
    let mut heard = Heard {
        entries: shown(&app),
        list_next: None,
    };
    let ended_by_input = loop {
        let now = app.clock.now();
        app.on_tick(&now);
        let count = shown(&app);
        if count > heard.entries {
            for l in played(&app, heard.entries, count) {
                outln!("{l}");
            }
        }
        heard.entries = count;
        for s in narrator.news(&app.ui(&now)) {
            outln!("{s}");
        }
        app.flash = None;
        app.flashes.clear();
        if app.quit || stop.load(Ordering::SeqCst) {
            break false;
        }
        let line = match input.next_said(super::tick(&app, &now), lang) {
            Line::Text(t) => t,
            Line::End => break true,
            _ => continue,
        };
        let now = app.clock.now();
        command(&mut app, &mut heard, asked(&line, lang), &line, &now);
        heard.entries = shown(&app);
    };
    let branch = app.replay.as_mut().and_then(|r| r.branch_to.take());
    let speed = app.scaled.as_ref().map_or(30.0, |c| c.speed());
    drop(app);
    if let Some(dir) = branch
        && !stop.load(Ordering::SeqCst)
    {
        return Some((dir, speed));
    }
    outln!(
        "{}",
        if ended_by_input {
            crate::say!(lang, "reader-input-ended-left")
        } else {
            crate::say!(lang, "reader-left")
        }
    );
    None
}

/// What is replayed, how long it is, that it is read-only and how to drive
/// it; paused on the first entry, which is said.
fn hello(app: &mut App) {
    let lang = app.lang;
    let Some(r) = &app.replay else { return };
    r.clock.set_paused(true);
    let kind = if r.rehearsal {
        crate::say!(lang, "replay-kind-rehearsal")
    } else {
        crate::say!(lang, "replay-kind-session")
    };
    outln!(
        "{}",
        crate::say!(
            lang,
            "reader-replay-hello",
            version = env!("CARGO_PKG_VERSION"),
            kind = kind,
            id = crate::text::clean_line(&r.source_id),
            count = r.rows.len(),
            length = offset_text(r.length()),
            play = w("play", lang),
            next = w("next", lang),
            previous = w("previous", lang),
            entries = w("entries", lang),
            help = w("help", lang)
        )
    );
    // The opening line names the full screen's keys: only its warnings
    // (a torn line skipped) are said.
    if let Some(f) = app.flash.take()
        && matches!(f.kind, FlashKind::Refused)
    {
        outln!("{}", f.text);
    }
    if let Some(l) = entry_line(app, 0) {
        outln!("{l}");
    }
}

/// Entry `index` (from 0) as said: its number, offset and timeline text.
fn entry_line(app: &App, index: usize) -> Option<String> {
    let lang = app.lang;
    let r = app.replay.as_ref()?;
    let row = r.rows.get(index)?;
    Some(crate::say!(
        lang,
        "reader-replay-entry",
        n = index + 1,
        total = r.rows.len(),
        at = offset_text(row.at_ms),
        text = row.text.clone()
    ))
}

/// Entries `from..to` (from 0) folded in one go: one said whole, several
/// as one list, at most [`MAX_SAID`] of them named.
pub fn played(app: &App, from: usize, to: usize) -> Vec<String> {
    let lang = app.lang;
    let Some(r) = &app.replay else {
        return Vec::new();
    };
    let to = to.min(r.rows.len());
    if to <= from {
        return Vec::new();
    }
    if to - from == 1 {
        return entry_line(app, from).into_iter().collect();
    }
    let mut items: Vec<String> = r.rows[from..to]
        .iter()
        .take(MAX_SAID)
        .map(|row| format!("{} {}", offset_text(row.at_ms), row.text))
        .collect();
    if to - from > MAX_SAID {
        items.push(crate::say!(
            lang,
            "reader-replay-and-more",
            count = to - from - MAX_SAID,
            entries = w("entries", lang)
        ));
    }
    vec![crate::say!(
        lang,
        "reader-replay-entries-played",
        from = from + 1,
        to = to,
        total = r.rows.len(),
        list = items.join("; ")
    )]
}

/// Go to entry `index` (from 0) and say it, with any made in the same
/// moment (which stand together).
fn go(app: &mut App, index: usize) {
    app.jump_to_entry(index);
    app.flash = None;
    app.flashes.clear();
    for l in played(app, index, shown(app).max(index + 1)) {
        outln!("{l}");
    }
}

fn command(app: &mut App, heard: &mut Heard, asked: Asked, line: &str, now: &Moment) {
    let lang = app.lang;
    let Some(r) = &app.replay else { return };
    let (paused, count, total) = (r.clock.is_paused(), r.shown, r.rows.len());
    let (pos, length) = (r.position(now), r.length());
    let at_current = r.rows.get(count.saturating_sub(1)).map(|x| x.at_ms) == Some(pos);
    match asked {
        Asked::Play if !paused => {
            app.set_flash(crate::say!(lang, "replay-playing"), FlashKind::Info)
        }
        Asked::Pause if paused => app.set_flash(
            crate::say!(lang, "replay-paused", play = w("play", lang)),
            FlashKind::Info,
        ),
        Asked::Play | Asked::Pause | Asked::Toggle => {
            app.update(Msg::Replay(ReplayMsg::PlayPause), now);
        }
        Asked::Faster => {
            app.update(Msg::Replay(ReplayMsg::Faster), now);
        }
        Asked::Slower => {
            app.update(Msg::Replay(ReplayMsg::Slower), now);
        }
        Asked::Next if count < total => go(app, count),
        Asked::Next => {
            let text = app.replay_ended_text();
            app.set_flash(text, FlashKind::Info);
        }
        Asked::Previous => go(app, count.saturating_sub(if at_current { 2 } else { 1 })),
        Asked::Jump(Some(n)) if (1..=total).contains(&n) => go(app, n - 1),
        Asked::Jump(_) => outln!(
            "{}",
            crate::say!(
                lang,
                "reader-replay-jump-takes",
                jump = w("jump", lang),
                total = total
            )
        ),
        Asked::At(Some(ms)) if ms <= length => {
            let count = app.jump_to_offset(ms);
            let entry = entry_line(app, count.saturating_sub(1)).unwrap_or_default();
            outln!(
                "{}",
                crate::say!(
                    lang,
                    "reader-replay-moved",
                    at = offset_text(ms),
                    entry = entry
                )
            );
        }
        Asked::At(_) => outln!(
            "{}",
            crate::say!(
                lang,
                "reader-replay-at-takes",
                at = w("at", lang),
                length = offset_text(length)
            )
        ),
        Asked::Entries(from) => list(app, heard, from),
        Asked::More => {
            let from = heard.list_next.unwrap_or(1);
            list(app, heard, from);
        }
        Asked::Where => outln!("{}", where_text(app, now)),
        Asked::Branch => {
            app.update(Msg::Replay(ReplayMsg::Branch), now);
        }
        Asked::Quit => app.quit = true,
        Asked::Help => {
            for l in help(r.rehearsal, lang) {
                outln!("{l}");
            }
        }
        Asked::Time => outln!("{}", super::time_text(app, now)),
        Asked::Status => super::status(app, now),
        Asked::Monitor => outln!("{}", super::monitor_text(app, now)),
        Asked::Look(a) => {
            app.update(a, now);
        }
        Asked::Refused => {
            app.update(Msg::Replay(ReplayMsg::Refuse), now);
        }
        Asked::Nothing => {}
        Asked::Unknown => outln!(
            "{}",
            crate::say!(
                lang,
                "reader-replay-not-a-command",
                line = crate::text::clean_line(line),
                help = w("help", lang)
            )
        ),
    }
}

/// The entries from number `from` (from 1), a page of them, with how to
/// hear the next page.
fn list(app: &App, heard: &mut Heard, from: usize) {
    let lang = app.lang;
    let Some(r) = &app.replay else { return };
    let total = r.rows.len();
    heard.list_next = None;
    if from == 0 || from > total {
        outln!(
            "{}",
            crate::say!(lang, "reader-replay-list-none", from = from, total = total)
        );
        return;
    }
    let to = (from - 1 + PAGE).min(total);
    outln!(
        "{}",
        crate::say!(
            lang,
            "reader-replay-list-head",
            from = from,
            to = to,
            total = total
        )
    );
    for (i, row) in r.rows[from - 1..to].iter().enumerate() {
        outln!("  {}. {}  {}", from + i, offset_text(row.at_ms), row.text);
    }
    if to < total {
        heard.list_next = Some(to + 1);
        outln!(
            "{}",
            crate::say!(lang, "reader-replay-list-more", more = w("more", lang))
        );
    }
}

/// Where the replay is: the entry, the moment, playing or paused.
fn where_text(app: &App, now: &Moment) -> String {
    let lang = app.lang;
    let Some(r) = &app.replay else {
        return String::new();
    };
    let state = if r.clock.is_paused() {
        crate::say!(lang, "reader-replay-state-paused")
    } else {
        crate::say!(
            lang,
            "reader-replay-state-playing",
            speed = crate::i18n::num_in(lang, r.clock.speed())
        )
    };
    crate::say!(
        lang,
        "reader-replay-where",
        n = r.shown.min(r.rows.len()),
        total = r.rows.len(),
        at = offset_text(r.position(now).clamp(0, r.length())),
        length = offset_text(r.length()),
        state = state
    )
}

/// The replay's commands, in the language given.
fn help(rehearsal: bool, lang: crate::i18n::Lang) -> Vec<String> {
    let mut out = vec![
        crate::say!(
            lang,
            "reader-replay-help-play",
            play = w("play", lang),
            pause = w("pause", lang),
            faster = w("faster", lang),
            slower = w("slower", lang)
        ),
        crate::say!(
            lang,
            "reader-replay-help-step",
            next = w("next", lang),
            previous = w("previous", lang),
            jump = w("jump", lang),
            at = w("at", lang)
        ),
        crate::say!(
            lang,
            "reader-replay-help-list",
            entries = w("entries", lang),
            more = w("more", lang),
            here = w("where", lang)
        ),
        crate::say!(
            lang,
            "reader-replay-help-look",
            status = w("status", lang),
            time = w("time", lang),
            monitor = w("monitor", lang)
        ),
    ];
    if rehearsal {
        out.push(crate::say!(
            lang,
            "reader-replay-help-branch",
            branch = w("branch", lang)
        ));
    }
    out.push(crate::say!(
        lang,
        "reader-replay-help-quit",
        quit = w("quit", lang)
    ));
    out
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn moments_are_minutes_or_minutes_and_seconds() {
        assert_eq!(offset_of("12"), Some(12 * MINUTE));
        assert_eq!(offset_of("12:30"), Some(12 * MINUTE + 30 * SECOND));
        assert_eq!(offset_of("1,5"), Some(90 * SECOND));
        assert_eq!(offset_of("1:02:03"), Some(62 * MINUTE + 3 * SECOND));
        assert_eq!(offset_of("12:75"), None);
        assert_eq!(offset_of("-3"), None);
        assert_eq!(offset_of(""), None);
    }

    #[test]
    fn record_changing_lines_are_refused_and_replay_words_win() {
        assert_eq!(asked("128/82 76 97", crate::i18n::Lang::En), Asked::Refused);
        assert_eq!(asked("note calm", crate::i18n::Lang::En), Asked::Refused);
        assert_eq!(asked("3", crate::i18n::Lang::En), Asked::Refused);
        assert_eq!(asked("start", crate::i18n::Lang::En), Asked::Refused);
        assert_eq!(asked("next", crate::i18n::Lang::En), Asked::Next);
        assert_eq!(asked("pause", crate::i18n::Lang::En), Asked::Pause);
        assert_eq!(asked("jump 5", crate::i18n::Lang::En), Asked::Jump(Some(5)));
        assert_eq!(asked("jump", crate::i18n::Lang::En), Asked::Jump(None));
        assert_eq!(asked("entries", crate::i18n::Lang::En), Asked::Entries(1));
        assert_eq!(
            asked("ENTRIES 21", crate::i18n::Lang::En),
            Asked::Entries(21)
        );
        assert_eq!(
            asked("back", crate::i18n::Lang::En),
            Asked::Look(Action::LookBack)
        );
        assert_eq!(asked("where", crate::i18n::Lang::En), Asked::Where);
        assert_eq!(asked("frobnicate", crate::i18n::Lang::En), Asked::Unknown);
    }
}
