//! `kap instruct`: the instructor's full-screen console. What the trainee
//! is doing on one side, the simulated patient's true values on the
//! other, the scenario's named injections on keys 1–9, and keys to change
//! a vital sign, make the patient speak, fail a device, pause simulated
//! time or change its speed. Keys become requests (pure, tested); the
//! loop (`link.rs`) asks the rehearsal for its status twice a second over
//! the instructor's link (`crate::instruct`).

mod link;

pub use link::run;

use crate::instruct::{Reply, Request, Status};
use crate::protocol::model::Metric;
use crate::rehearsal::inject::{Device, Injection};
use crate::tui::app::{feed_line, line_input, text_of};
use ratatui::Frame;
use ratatui::crossterm::event::{KeyCode, KeyEvent};
use ratatui::layout::{Constraint, Layout, Rect};
use ratatui::style::{Modifier, Style};
use ratatui::text::Line;
use ratatui::widgets::{Block, Paragraph, Wrap};
use ratatui_textarea::TextArea;

/// What the instructor is typing.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum Asking {
    Change(Metric),
    Says,
}

pub struct Console {
    pub status: Option<Status>,
    /// The last answer, and whether it was a refusal.
    pub message: Option<(String, bool)>,
    pub asking: Option<(Asking, TextArea<'static>)>,
    pub quit: bool,
    /// Why the status is not current (the rehearsal is starting, or not
    /// answering): said until the next status arrives, then gone.
    pub trouble: Option<String>,
}

impl Default for Console {
    fn default() -> Self {
        Self::new()
    }
}

impl Console {
    pub fn new() -> Console {
        Console {
            status: None,
            message: None,
            asking: None,
            quit: false,
            trouble: None,
        }
    }

    /// A key, and the request it makes, if any.
    pub fn on_key(&mut self, key: KeyEvent, lang: crate::i18n::Lang) -> Option<Request> {
        if let Some((what, input)) = &mut self.asking {
            let what = *what;
            match key.code {
                KeyCode::Esc => self.asking = None,
                KeyCode::Enter => {
                    let text = text_of(input);
                    match request_for(what, &text, lang) {
                        Ok(r) => {
                            self.asking = None;
                            return Some(r);
                        }
                        Err(why) => self.message = Some((why, true)),
                    }
                }
                _ => feed_line(input, key),
            }
            return None;
        }
        let failed = |d: Device| self.status.as_ref().is_some_and(|s| s.failed.contains(&d));
        let toggle = |d: Device| {
            Some(Request::Inject {
                injection: if failed(d) {
                    Injection::DeviceRestored { device: d }
                } else {
                    Injection::DeviceFails { device: d }
                },
            })
        };
        let ask = |this: &mut Console, a: Asking| {
            this.asking = Some((a, line_input("")));
            None
        };
        match key.code {
            KeyCode::Char('q') | KeyCode::Esc => {
                self.quit = true;
                None
            }
            KeyCode::Char(c @ '1'..='9') => {
                let n = c as usize - '1' as usize;
                self.status
                    .as_ref()
                    .and_then(|s| s.named.get(n))
                    .map(|(id, _)| Request::Fire { id: id.clone() })
            }
            KeyCode::Char('s') => ask(self, Asking::Change(Metric::Systolic)),
            KeyCode::Char('d') => ask(self, Asking::Change(Metric::Diastolic)),
            KeyCode::Char('h') => ask(self, Asking::Change(Metric::Hr)),
            KeyCode::Char('o') => ask(self, Asking::Change(Metric::Spo2)),
            KeyCode::Char('t') => ask(self, Asking::Says),
            KeyCode::Char('c') => toggle(Device::Cuff),
            KeyCode::Char('p') => toggle(Device::Spo2Probe),
            KeyCode::Char('m') => toggle(Device::Sound),
            KeyCode::Char(' ') => Some(if self.status.as_ref().is_some_and(|s| s.paused) {
                Request::Resume
            } else {
                Request::Pause
            }),
            KeyCode::Char('+') | KeyCode::Char('=') => self.speed_times(2.0),
            KeyCode::Char('-') => self.speed_times(0.5),
            _ => None,
        }
    }

    fn speed_times(&self, k: f64) -> Option<Request> {
        let s = self.status.as_ref()?.speed;
        Some(Request::Speed {
            speed: (s * k).clamp(1.0, 120.0),
        })
    }

    /// The answer to a status request: a status clears any trouble said
    /// before; a refusal (the rehearsal is starting) is the trouble.
    pub fn status_answered(&mut self, r: Reply) {
        match r {
            Reply::Status { status } => {
                self.status = Some(*status);
                self.trouble = None;
            }
            Reply::Refused { message } | Reply::Done { message } => self.trouble = Some(message),
        }
    }

    pub fn answered(&mut self, r: Reply) {
        match r {
            Reply::Status { status } => self.status = Some(*status),
            Reply::Done { message } => self.message = Some((message, false)),
            Reply::Refused { message } => self.message = Some((message, true)),
        }
    }
}

/// "+40 5" (change, then minutes to reach it; decimal comma too) for a
/// vital sign; any text for what the patient says.
pub fn request_for(what: Asking, text: &str, lang: crate::i18n::Lang) -> Result<Request, String> {
    let injection = match what {
        Asking::Says => Injection::Patient {
            text: text.trim().to_string(),
        },
        Asking::Change(metric) => {
            let mut parts = text.split_whitespace();
            let num = |s: Option<&str>| -> Result<Option<f64>, String> {
                s.map(|s| {
                    s.replace(',', ".")
                        .parse::<f64>()
                        .map_err(|_| crate::say!(lang, "instruct-bad-change", text = s.to_string()))
                })
                .transpose()
            };
            let change = num(parts.next())?
                .ok_or_else(|| crate::say!(lang, "instruct-bad-change", text = text.to_string()))?;
            let fade_minutes = num(parts.next())?.unwrap_or(0.0);
            Injection::Vitals {
                metric,
                change,
                fade_minutes,
            }
        }
    };
    match injection.problem(lang) {
        Some(why) => Err(why),
        None => Ok(Request::Inject { injection }),
    }
}

pub fn draw(f: &mut Frame, c: &Console, lang: crate::i18n::Lang) {
    let area = f.area();
    let warn = warn();
    // The injection lists take the rows they need (every named one, the
    // latest three injected), so the trainee's side keeps the rest for
    // alarms, agreements, risk and rescue medication.
    let listed = c
        .status
        .as_ref()
        .map_or(1, |s| s.named.len().max(s.log.len().min(3)).clamp(1, 9));
    let [head, body, lists, msg, foot] = Layout::vertical([
        Constraint::Length(3),
        Constraint::Min(7),
        Constraint::Length(listed as u16 + 2),
        Constraint::Length(1),
        Constraint::Length(3),
    ])
    .areas(area);
    let Some(s) = &c.status else {
        f.render_widget(Paragraph::new(crate::say!(lang, "instruct-waiting")), head);
        if let Some(t) = &c.trouble {
            f.render_widget(Paragraph::new(t.as_str()).style(warn), msg);
        }
        return;
    };
    draw_head(f, s, head, lang);
    let [left, right] =
        Layout::horizontal([Constraint::Percentage(58), Constraint::Percentage(42)]).areas(body);
    draw_trainee(f, s, left, lang);
    draw_patient(f, s, right, lang);
    let [named, log] =
        Layout::horizontal([Constraint::Percentage(58), Constraint::Percentage(42)]).areas(lists);
    draw_named(f, s, named, lang);
    draw_log(f, s, log, lang);
    draw_message(f, c, msg, lang);
    f.render_widget(
        Paragraph::new(crate::say!(lang, "instruct-keys")).wrap(Wrap { trim: true }),
        foot,
    );
}

fn bold() -> Style {
    Style::default().add_modifier(Modifier::BOLD)
}

fn warn() -> Style {
    Style::default().add_modifier(Modifier::REVERSED)
}

/// The title, clock, speed and state; the session; the scenario.
fn draw_head(f: &mut Frame, s: &Status, head: Rect, lang: crate::i18n::Lang) {
    let bold = bold();
    let mut top = format!(
        "{}  ·  {}  ·  ×{}",
        crate::say!(lang, "instruct-title"),
        s.clock,
        crate::i18n::num_in(lang, s.speed)
    );
    if s.paused {
        top.push_str(&format!("  ·  {}", crate::say!(lang, "instruct-paused")));
    }
    if s.closed {
        top.push_str(&format!("  ·  {}", crate::say!(lang, "instruct-closed")));
    }
    let scenario = s
        .scenario
        .as_ref()
        .map_or(crate::say!(lang, "instruct-no-scenario"), |n| {
            crate::say!(lang, "instruct-scenario", name = n.clone())
        });
    f.render_widget(
        Paragraph::new(vec![
            Line::styled(top, bold),
            Line::from(s.session.clone()),
            Line::from(scenario),
        ]),
        head,
    );
}

/// What the trainee sees and has done: phase, dose, entries, alarms,
/// agreements, risk and rescue medication.
fn draw_trainee(f: &mut Frame, s: &Status, left: Rect, lang: crate::i18n::Lang) {
    let warn = warn();
    let mut trainee = vec![
        Line::from(crate::say!(lang, "instruct-phase", phase = s.phase.clone())),
        Line::from(s.dosing.clone()),
    ];
    if let Some(e) = &s.elapsed {
        trainee.push(Line::from(crate::say!(
            lang,
            "instruct-elapsed",
            elapsed = e.clone()
        )));
    }
    trainee.push(Line::from(crate::say!(
        lang,
        "instruct-entered",
        entry = s.entered.clone().unwrap_or_else(|| "—".into())
    )));
    if s.alarms.is_empty() {
        trainee.push(Line::from(crate::say!(lang, "instruct-no-alarms")));
    }
    for a in &s.alarms {
        trainee.push(Line::styled(format!("! {a}"), warn));
    }
    if let Some(agreed) = &s.agreed {
        trainee.push(Line::from(agreed.clone()));
    }
    if let Some(risk) = &s.risk {
        trainee.push(Line::styled(risk.clone(), warn));
    }
    trainee.extend(s.meds.iter().map(|m| Line::from(m.clone())));
    f.render_widget(
        Paragraph::new(trainee)
            .wrap(Wrap { trim: true })
            .block(Block::bordered().title(format!(" {} ", crate::say!(lang, "instruct-trainee")))),
        left,
    );
}

/// The simulated patient: true and monitored values, what they said, the
/// devices failed.
fn draw_patient(f: &mut Frame, s: &Status, right: Rect, lang: crate::i18n::Lang) {
    let warn = warn();
    let dash = || "—".to_string();
    let mut patient = vec![
        Line::from(format!(
            "{} {}  ·  SpO₂ {}  ·  {} {}",
            crate::say!(lang, "table-hr"),
            s.hr.map_or_else(dash, |x| x.to_string()),
            s.spo2.map_or_else(dash, |x| format!("{x}%")),
            crate::say!(lang, "instruct-true-bp"),
            s.true_bp.clone().unwrap_or_else(dash)
        )),
        Line::from(crate::say!(
            lang,
            "instruct-monitor-bp",
            bp = s.bp.clone().unwrap_or_else(dash)
        )),
    ];
    if !s.said.is_empty() {
        patient.push(Line::from(crate::say!(
            lang,
            "monitor-patient",
            said = s.said.join(" ")
        )));
    }
    if !s.failed.is_empty() {
        let names: Vec<String> = s.failed.iter().map(|d| d.name(lang)).collect();
        patient.push(Line::styled(
            crate::say!(lang, "instruct-failed", devices = names.join(", ")),
            warn,
        ));
    }
    f.render_widget(
        Paragraph::new(patient)
            .wrap(Wrap { trim: true })
            .block(Block::bordered().title(format!(" {} ", crate::say!(lang, "instruct-patient")))),
        right,
    );
}

/// The scenario's named injections, numbered for their keys.
fn draw_named(f: &mut Frame, s: &Status, named: Rect, lang: crate::i18n::Lang) {
    let named_lines: Vec<Line> = if s.named.is_empty() {
        vec![Line::from(crate::say!(lang, "instruct-no-named"))]
    } else {
        s.named
            .iter()
            .enumerate()
            .map(|(i, (_, name))| Line::from(format!("{}  {name}", i + 1)))
            .collect()
    };
    f.render_widget(
        Paragraph::new(named_lines)
            .block(Block::bordered().title(format!(" {} ", crate::say!(lang, "instruct-named")))),
        named,
    );
}

/// The latest injections that fit, newest last.
fn draw_log(f: &mut Frame, s: &Status, log: Rect, lang: crate::i18n::Lang) {
    let rows = usize::from(log.height.saturating_sub(2));
    let log_lines: Vec<Line> = s.log[s.log.len().saturating_sub(rows)..]
        .iter()
        .map(|l| Line::from(l.as_str()))
        .collect();
    f.render_widget(
        Paragraph::new(log_lines)
            .block(Block::bordered().title(format!(" {} ", crate::say!(lang, "instruct-log")))),
        log,
    );
}

/// The message row: the question being asked, else the trouble, else the
/// last message.
fn draw_message(f: &mut Frame, c: &Console, msg: Rect, lang: crate::i18n::Lang) {
    let bold = bold();
    let warn = warn();
    match &c.asking {
        Some((what, input)) => {
            let q = match what {
                Asking::Change(m) => {
                    crate::say!(lang, "instruct-ask-change", metric = m.label().say(lang))
                }
                Asking::Says => crate::say!(lang, "instruct-ask-says"),
            };
            f.render_widget(
                Paragraph::new(format!("{q} {}▏", text_of(input))).style(bold),
                msg,
            );
        }
        None if c.trouble.is_some() => {
            let m = c.trouble.as_deref().unwrap_or_default();
            f.render_widget(Paragraph::new(m).style(warn), msg);
        }
        None => {
            if let Some((m, refused)) = &c.message {
                let style = if *refused { warn } else { bold };
                f.render_widget(Paragraph::new(m.as_str()).style(style), msg);
            }
        }
    }
}

#[cfg(test)]
mod tests {
    use super::*;
    use ratatui::crossterm::event::KeyModifiers;

    fn key(c: char) -> KeyEvent {
        KeyEvent::new(KeyCode::Char(c), KeyModifiers::NONE)
    }

    #[test]
    fn typed_changes_become_injections() {
        assert_eq!(
            request_for(
                Asking::Change(Metric::Systolic),
                "+40 5",
                crate::i18n::Lang::En
            ),
            Ok(Request::Inject {
                injection: Injection::Vitals {
                    metric: Metric::Systolic,
                    change: 40.0,
                    fade_minutes: 5.0
                }
            })
        );
        assert!(matches!(
            request_for(Asking::Change(Metric::Hr), "-12,5", crate::i18n::Lang::En),
            Ok(Request::Inject {
                injection: Injection::Vitals { change, fade_minutes, .. }
            }) if change == -12.5 && fade_minutes == 0.0
        ));
        assert!(request_for(Asking::Change(Metric::Hr), "lots", crate::i18n::Lang::En).is_err());
        assert!(request_for(Asking::Change(Metric::Hr), "999", crate::i18n::Lang::En).is_err());
        assert!(request_for(Asking::Says, "  ", crate::i18n::Lang::En).is_err());
    }

    #[test]
    fn keys_fire_named_injections_and_toggle_devices() {
        let mut c = Console::new();
        assert_eq!(
            c.on_key(key('1'), crate::i18n::Lang::En),
            None,
            "nothing named yet"
        );
        c.status = Some(Status {
            named: vec![("bp".into(), "BP climbs".into())],
            failed: vec![Device::Cuff],
            speed: 30.0,
            ..Status::default()
        });
        assert_eq!(
            c.on_key(key('1'), crate::i18n::Lang::En),
            Some(Request::Fire { id: "bp".into() })
        );
        assert_eq!(
            c.on_key(key('c'), crate::i18n::Lang::En),
            Some(Request::Inject {
                injection: Injection::DeviceRestored {
                    device: Device::Cuff
                }
            })
        );
        assert_eq!(
            c.on_key(key('p'), crate::i18n::Lang::En),
            Some(Request::Inject {
                injection: Injection::DeviceFails {
                    device: Device::Spo2Probe
                }
            })
        );
        assert_eq!(
            c.on_key(key('+'), crate::i18n::Lang::En),
            Some(Request::Speed { speed: 60.0 })
        );
        assert_eq!(
            c.on_key(key(' '), crate::i18n::Lang::En),
            Some(Request::Pause)
        );
        assert_eq!(c.on_key(key('t'), crate::i18n::Lang::En), None);
        for ch in "I feel sick".chars() {
            c.on_key(key(ch), crate::i18n::Lang::En);
        }
        assert_eq!(
            c.on_key(
                KeyEvent::new(KeyCode::Enter, KeyModifiers::NONE),
                crate::i18n::Lang::En
            ),
            Some(Request::Inject {
                injection: Injection::Patient {
                    text: "I feel sick".into()
                }
            })
        );
    }
}

#[cfg(test)]
mod status_tests {
    use super::*;

    #[test]
    fn a_status_clears_the_starting_message_but_not_an_answer() {
        let lang = crate::i18n::Lang::En;
        let mut c = Console::new();
        c.status_answered(Reply::Refused {
            message: crate::say!(lang, "instruct-not-ready"),
        });
        assert_eq!(c.trouble, Some(crate::say!(lang, "instruct-not-ready")));
        c.answered(Reply::Done {
            message: "paused".into(),
        });
        c.status_answered(Reply::Status {
            status: Box::new(Status::default()),
        });
        assert_eq!(
            c.trouble, None,
            "a stale 'rehearsal is starting' is dropped"
        );
        assert_eq!(c.message, Some(("paused".into(), false)));
    }
}
