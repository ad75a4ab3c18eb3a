//! The screen-reader mode (`--screen-reader`, or `ACCESSIBLE` set): the
//! same app, actions and journal as the full screen, rendered as a linear
//! transcript. No alternate screen, no cursor addressing, no box drawing,
//! nothing redrawn: each new prompt, alert, confirmation and refusal is
//! printed once as a sentence, and input is read a line at a time, with the
//! terminal's own line editing.

mod input;
mod narrate;
mod phase;
pub mod replay;
mod said;

use super::app::{App, Msg, Screen};
use super::keys::Action;
use crate::outln;
use crate::protocol::PromptKind;
use crate::session::Moment;
use input::{Input, Line};
pub use narrate::Narrator;
pub use phase::phase_text;
pub use said::{Said, in_session, on_start};
use std::process::ExitCode;
use std::sync::Arc;
use std::sync::atomic::{AtomicBool, Ordering};
use std::time::Duration;

/// Whether the environment asks for the screen-reader mode: `ACCESSIBLE`
/// set to anything but empty or `0`.
pub fn asked_by_env() -> bool {
    std::env::var_os("ACCESSIBLE").is_some_and(|v| !v.is_empty() && v != "0")
}

/// Run the app as a transcript until the session closes, the clinician
/// leaves, input ends or a signal stops it.
pub fn run(mut app: App, stop: Arc<AtomicBool>) -> ExitCode {
    let lang = app.lang;
    app.screen_reader = true;
    let mut input = Input::stdin();
    // A paste is one line, never several commands (see `input`).
    let _paste = input::PasteGuard::on();
    let mut narrator = Narrator::default();
    // A text answer being typed: the prompt's id and text.
    let mut pending: Option<(String, String)> = None;
    // Where the self-report screen stood when last read out.
    let mut patient_said: Option<(usize, crate::tui::screens::Stage)> = None;
    // The patient was asked to hand the laptop back for an alarm.
    let mut called = false;
    outln!(
        "{}",
        crate::say!(
            lang,
            "reader-hello",
            version = env!("CARGO_PKG_VERSION"),
            help = crate::tui::keys::shown_word("help", lang)
        )
    );
    let ended_by_input = loop {
        let now = app.clock.now();
        app.on_tick(&now);
        read_out(
            &mut app,
            &now,
            &mut narrator,
            &mut called,
            &mut patient_said,
        );
        if app.quit || stop.load(Ordering::SeqCst) {
            break false;
        }
        let wait = tick(&app, &now);
        let line = match input.next_said(wait, lang) {
            Line::Text(t) => t,
            Line::End => break true,
            _ => continue,
        };
        let now = app.clock.now();
        take_line(&mut app, line, &now, &mut pending);
    };
    farewell(app, ended_by_input)
}

/// Read out what is new: what the session says (an alarm above all);
/// while the patient answers, only a request to hand the laptop back (then
/// the patient's screen, each item once).
fn read_out(
    app: &mut App,
    now: &Moment,
    narrator: &mut Narrator,
    called: &mut bool,
    patient_said: &mut Option<(usize, crate::tui::screens::Stage)>,
) {
    let lang = app.lang;
    for s in session_news(app, now, narrator, called) {
        outln!("{s}");
    }
    match &app.self_report {
        Some(sr) => {
            let at = Some((sr.answers.len(), sr.stage));
            if *patient_said != at {
                for s in sr.spoken(lang) {
                    outln!("{s}");
                }
                *patient_said = at;
            }
        }
        None => *patient_said = None,
    }
    if app.self_report.is_none() {
        app.flash = None;
        app.flashes.clear();
    }
}

/// A line typed: the answer to the text prompt asked for, the patient's
/// answer on the self-report screen, the answer to a dialog, else a
/// command.
fn take_line(app: &mut App, line: String, now: &Moment, pending: &mut Option<(String, String)>) {
    let lang = app.lang;
    if let Some((id, title)) = pending.take() {
        if crate::tui::modal::is_cancel(&line, lang) {
            outln!(
                "{}",
                crate::say!(lang, "reader-not-answered", title = title)
            );
        } else {
            app.update(
                Msg::Answer {
                    prompt: id,
                    text: line,
                },
                now,
            );
        }
        return;
    }
    if let Some(sr) = app.self_report.as_mut() {
        if let Some(m) = sr.answer_line(&line, lang) {
            app.update(m, now);
        }
        return;
    }
    if app.modal.is_some() {
        if !app.answer_dialog(&line, now) {
            outln!(
                "{} {}",
                crate::say!(lang, "reader-not-understood"),
                app.modal
                    .as_ref()
                    .map(|m| m.spoken(lang))
                    .unwrap_or_default()
            );
        }
        return;
    }
    let said = match app.screen {
        Screen::Start(_) => on_start(&line, lang),
        _ => in_session(&line, lang),
    };
    match said {
        Said::Nothing => {}
        Said::Msg(m) => {
            app.update(m, now);
        }
        Said::Field(i, text) => app.set_start_field(i, &text),
        Said::Prompt { number, text } => {
            *pending = pick(app, number, text, now);
        }
        Said::Help => {
            for l in said::help(matches!(app.screen, Screen::Start(_)), lang) {
                outln!("{l}");
            }
        }
        Said::Time => outln!("{}", time_text(app, now)),
        Said::Status => status(app, now),
        Said::Monitor => outln!("{}", monitor_text(app, now)),
        Said::Unknown(why) => outln!(
            "{}",
            crate::say!(lang, "reader-not-understood-why", why = why)
        ),
    }
}

/// Say where an open session's record stays, and that kap has left.
fn farewell(app: App, ended_by_input: bool) -> ExitCode {
    let lang = app.lang;
    let open_dir = match &app.screen {
        Screen::Session(v) => Some(v.open.dir.clone()),
        _ => None,
    };
    drop(app);
    if let Some(dir) = open_dir {
        outln!(
            "{}",
            crate::say!(lang, "reader-stays-open", path = dir.display().to_string())
        );
    }
    outln!(
        "{}",
        if ended_by_input {
            crate::say!(lang, "reader-input-ended-left")
        } else {
            crate::say!(lang, "reader-left")
        }
    );
    ExitCode::SUCCESS
}

/// What the session says now. While the patient holds the laptop (the
/// self-report screen), the session's words wait for the clinician, as on
/// the full screen: an alarm that waits is only a request to hand the
/// laptop back, said once (its sound is not the transcript's, and goes
/// on); what happened meanwhile is said once the screen is handed back.
/// While the clinician rates a clinician-rated scale on the same screen,
/// an alarm that waits is said to be waiting, once.
pub fn session_news(
    app: &App,
    now: &Moment,
    narrator: &mut Narrator,
    called: &mut bool,
) -> Vec<String> {
    let lang = app.lang;
    let ui = app.ui(now);
    let Some(sr) = app.self_report.as_ref() else {
        *called = false;
        return narrator.news(&ui);
    };
    let needed = crate::tui::screens::clinician_needed(&ui);
    let say = needed && !*called;
    *called = needed;
    match (say, sr.patient_holds()) {
        (true, true) => vec![crate::say!(lang, "self-report-call-clinician")],
        (true, false) => vec![crate::say!(lang, "rating-alarm-waiting")],
        (false, _) => Vec::new(),
    }
}

/// How long to wait for a line: to the next second, sooner when simulated
/// time runs fast (what is due is checked on every wake).
fn tick(app: &App, now: &Moment) -> Duration {
    let speed = app.scaled.as_ref().map_or(1.0, |c| c.speed());
    if speed > 1.0 {
        Duration::from_millis((1000.0 / speed).clamp(100.0, 1000.0) as u64)
    } else {
        Duration::from_millis(app.ms_to_next_second(now).clamp(1, 1000) as u64 + 2)
    }
}

/// Answer the prompt numbered `number` in the phase read out: a check is
/// ticked (or unticked), a typed value is saved or asked for, a free-text
/// answer is saved or asked for on the next line (returned as pending).
fn pick(
    app: &mut App,
    number: usize,
    text: Option<String>,
    now: &Moment,
) -> Option<(String, String)> {
    let lang = app.lang;
    let prompts = app.visible_prompts();
    let Some(p) = prompts.get(number - 1).cloned() else {
        outln!(
            "{}",
            crate::say!(
                lang,
                "reader-no-prompt",
                number = number,
                count = prompts.len()
            )
        );
        return None;
    };
    app.select(number - 1);
    match (p.kind, text) {
        (PromptKind::Check, _) => {
            app.update(Action::Tick, now);
            None
        }
        (PromptKind::Text, Some(t)) => {
            app.update(
                Msg::Answer {
                    prompt: p.id,
                    text: t,
                },
                now,
            );
            None
        }
        (PromptKind::Text, None) => {
            outln!(
                "{}",
                crate::say!(
                    lang,
                    "reader-type-answer",
                    prompt = p.text.clone(),
                    cancel = crate::tui::keys::shown_word("cancel", lang)
                )
            );
            Some((p.id, p.text))
        }
        (_, Some(t)) => {
            app.update(
                Msg::Value {
                    prompt: Box::new(p),
                    text: t,
                },
                now,
            );
            None
        }
        (_, None) => {
            app.update(Action::Activate, now);
            None
        }
    }
}

/// The clock and the infusion timer, on demand.
fn time_text(app: &App, now: &Moment) -> String {
    let lang = app.lang;
    let clock = now.wall.format("%H:%M:%S");
    // The session's timer as the view model works it out (on the session
    // screen only).
    let Some(tm) = app.ui(now).timed else {
        return crate::say!(lang, "reader-it-is", clock = clock.to_string());
    };
    let infusion = tm.infusion.sentence(lang);
    format!(
        "{} {infusion}",
        crate::say!(lang, "reader-it-is", clock = clock.to_string())
    )
}

/// The phase read again, with what holds the next step and open alerts.
fn status(app: &App, now: &Moment) {
    let lang = app.lang;
    let Screen::Session(v) = &app.screen else {
        for l in said::help(true, lang) {
            outln!("{l}");
        }
        return;
    };
    let s = &v.open.session;
    // What the clock makes of the session now, worked out once, as a
    // frame does: the same alarms and re-checks the screen shows.
    let tm = crate::tui::present::Timed::at(s, now, lang);
    for l in phase_text(s, v.view_phase, lang) {
        outln!("{l}");
    }
    for l in crate::tui::present::course::course_lines(s, v.view_phase, &app.course, lang) {
        outln!("{l}");
    }
    if let Some(agreed) = crate::tui::present::agreements_line(s, lang) {
        outln!("{agreed}.");
    }
    for (_, r) in &tm.rechecks {
        outln!("{r}.");
    }
    for l in crate::tui::present::monitor::lines(s, &v.device_alarms.standing, lang) {
        outln!("{l}.");
    }
    if let Some(r) = crate::tui::present::risk::risk_line(s, lang) {
        outln!("{}.", r.text);
    }
    for h in s.holds(now) {
        outln!(
            "{}",
            crate::say!(lang, "reader-holding", hold = h.say(lang))
        );
    }
    for r in s.risk.alarms_waiting() {
        outln!(
            "{}",
            crate::say!(
                lang,
                "reader-risk-waiting",
                score = r.result.score,
                at = r.at.hhmm()
            )
        );
    }
    for (a, _) in tm.waiting(s) {
        outln!(
            "{}",
            crate::say!(
                lang,
                "reader-alert-waiting",
                alert = a.id,
                what = a.headline().say(lang)
            )
        );
    }
    for a in tm.standing(s) {
        outln!(
            "{}",
            crate::say!(
                lang,
                "reader-alert-standing",
                alert = a.id,
                what = a.headline().say(lang)
            )
        );
    }
    for p in &s.alerts.pending {
        outln!(
            "{}",
            crate::say!(
                lang,
                "reader-repeat-pending",
                measure = p.metric.label().say(lang),
                value = p.value,
                at = p.repeat_at.hhmm()
            )
        );
    }
    for a in s.technical_waiting() {
        let (title, what) = crate::tui::view::technical_words(a, lang);
        outln!("{title}: {what}");
    }
    outln!("{}", time_text(app, now));
}

fn monitor_text(app: &App, now: &Moment) -> String {
    let lang = app.lang;
    match app.ui(now).monitor {
        None => crate::say!(lang, "reader-no-monitor"),
        Some(m) => crate::say!(
            lang,
            "reader-monitor",
            hr = m.hr.to_string(),
            spo2 = m
                .spo2
                .map_or(crate::say!(lang, "reader-no-signal"), |x| format!("{x} %")),
            bp = m.bp.map_or(
                crate::say!(
                    lang,
                    "reader-bp-not-taken",
                    cuff = crate::tui::keys::shown_word("cuff", lang)
                ),
                |(a, b, at)| crate::say!(
                    lang,
                    "reader-bp-at",
                    bp = format!("{a}/{b}"),
                    at = at.hhmm()
                )
            )
        ),
    }
}
