//! The screen-reader mode (`--screen-reader`, or `ACCESSIBLE` set): the
//! same app, actions and journal as the full screen, rendered as a linear
//! transcript. No alternate screen, no cursor addressing, no box drawing,
//! nothing redrawn: each new prompt, alert, confirmation and refusal is
//! printed once as a sentence, and input is read a line at a time, with the
//! terminal's own line editing.

mod input;
mod narrate;
mod said;

use super::app::{App, Msg, Screen};
use super::keys::Action;
use crate::outln;
use crate::protocol::PromptKind;
use crate::session::state::minutes_text;
use crate::session::{DosingState, Moment};
use input::{Input, Line};
pub use narrate::{Narrator, phase_text};
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
    app.screen_reader = true;
    let mut input = Input::stdin();
    let mut narrator = Narrator::default();
    // A text answer being typed: the prompt's id and text.
    let mut pending: Option<(String, String)> = None;
    outln!(
        "kap {}, screen-reader mode. Each line is one command; type help for the list.",
        env!("CARGO_PKG_VERSION")
    );
    let ended_by_input = loop {
        let now = app.clock.now();
        app.on_tick(&now);
        for s in narrator.news(&app.ui(&now)) {
            outln!("{s}");
        }
        app.flash = None;
        if app.quit || stop.load(Ordering::SeqCst) {
            break false;
        }
        let wait = tick(&app, &now);
        let line = match input.next_line(wait) {
            Line::Quiet => continue,
            Line::End => break true,
            Line::TooLong(max) => {
                outln!("That line is longer than {max} characters and was not read.");
                continue;
            }
            Line::Text(t) => t,
        };
        let now = app.clock.now();
        if let Some((id, title)) = pending.take() {
            if line.trim().eq_ignore_ascii_case("cancel") {
                outln!("Not answered: {title}.");
            } else {
                app.update(
                    Msg::Answer {
                        prompt: id,
                        text: line,
                    },
                    &now,
                );
            }
            continue;
        }
        if app.modal.is_some() {
            if !app.answer_dialog(&line, &now) {
                outln!(
                    "Not understood. {}",
                    app.modal.as_ref().map(|m| m.spoken()).unwrap_or_default()
                );
            }
            continue;
        }
        let said = match app.screen {
            Screen::Start(_) => on_start(&line),
            _ => in_session(&line),
        };
        match said {
            Said::Nothing => {}
            Said::Msg(m) => {
                app.update(m, &now);
            }
            Said::Field(i, text) => app.set_start_field(i, &text),
            Said::Prompt { number, text } => {
                pending = pick(&mut app, number, text, &now);
            }
            Said::Help => {
                for l in said::help(matches!(app.screen, Screen::Start(_))) {
                    outln!("{l}");
                }
            }
            Said::Time => outln!("{}", time_text(&app, &now)),
            Said::Status => status(&app, &now),
            Said::Monitor => outln!("{}", monitor_text(&app, &now)),
            Said::Unknown(why) => outln!("Not understood: {why}."),
        }
    };
    let open_dir = match &app.screen {
        Screen::Session(v) => Some(v.open.dir.clone()),
        _ => None,
    };
    drop(app);
    if let Some(dir) = open_dir {
        outln!(
            "The session stays open in {} — kap resume continues it.",
            dir.display()
        );
    }
    outln!(
        "{}kap has left.",
        if ended_by_input { "Input ended; " } else { "" }
    );
    ExitCode::SUCCESS
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
    let prompts = app.visible_prompts();
    let Some(p) = prompts.get(number - 1).cloned() else {
        outln!(
            "There is no prompt {number} here (this phase has {}).",
            prompts.len()
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
                "Type the answer to \"{}\" on one line (cancel leaves it).",
                p.text
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
    let clock = now.wall.format("%H:%M:%S");
    let Screen::Session(v) = &app.screen else {
        return format!("It is {clock}.");
    };
    let d = &v.open.session.dosing;
    let infusion = match d.state(now) {
        DosingState::NotStarted => "The infusion has not started.".to_string(),
        DosingState::Running => {
            let step = d
                .step_at(now)
                .map(|st| match &st.next {
                    Some(n) => format!(
                        " Now {}; {} in {}.",
                        st.describe(),
                        n.describe(),
                        minutes_text(st.left)
                    ),
                    None => format!(" Now {}, the last step.", st.describe()),
                })
                .unwrap_or_default();
            format!(
                "The infusion has run {}; {} left.{step}",
                minutes_text(d.elapsed(now)),
                minutes_text(d.remaining(now).unwrap_or(0))
            )
        }
        DosingState::Paused => format!(
            "The infusion is paused after {}.",
            minutes_text(d.elapsed(now))
        ),
        DosingState::Completed => "The infusion is complete.".to_string(),
        DosingState::Stopped => format!(
            "The infusion was stopped after {}.",
            minutes_text(d.elapsed(now))
        ),
    };
    format!("It is {clock}. {infusion}")
}

/// The phase read again, with what holds the next step and open alerts.
fn status(app: &App, now: &Moment) {
    let Screen::Session(v) = &app.screen else {
        for l in said::help(true) {
            outln!("{l}");
        }
        return;
    };
    let s = &v.open.session;
    for l in phase_text(s, v.view_phase) {
        outln!("{l}");
    }
    for h in s.holds(now) {
        outln!("Holding the next step: {h}.");
    }
    for a in s.alarms_waiting(now) {
        outln!("Alert {} waiting: {}.", a.id, a.headline());
    }
    outln!("{}", time_text(app, now));
}

fn monitor_text(app: &App, now: &Moment) -> String {
    match app.ui(now).monitor {
        None => "There is no simulated monitor in this session.".into(),
        Some(m) => format!(
            "Monitor: heart rate {}; SpO₂ {}; blood pressure {}.",
            m.hr,
            m.spo2.map_or("no signal".into(), |x| format!("{x} %")),
            m.bp.map_or("not taken (type cuff)".into(), |(a, b, at)| format!(
                "{a}/{b} at {}",
                at.hhmm()
            ))
        ),
    }
}
