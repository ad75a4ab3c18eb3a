//! The session screens: a phase with its prompts, the infusion with its
//! timer, vitals and chart, and the closed session.

use super::clock_text;
use crate::protocol::dose::num;
use crate::protocol::{Measure, PhaseRole, PromptKind};
use crate::session::state::{DueState, minutes_text};
use crate::session::{DosingState, MINUTE, Moment, Session};
use crate::tui::app::{App, ClosedView, SessionView};
use crate::tui::bigclock::BigClock;
use crate::tui::theme::Theme;
use ratatui::Frame;
use ratatui::layout::{Constraint, Layout, Rect};
use ratatui::style::Style;
use ratatui::symbols::Marker;
use ratatui::text::{Line, Span};
use ratatui::widgets::{
    Axis, Block, Borders, Chart, Dataset, Gauge, GraphType, Paragraph, Row, Table, Wrap,
};

pub fn draw(f: &mut Frame<'_>, app: &App, v: &SessionView, now: &Moment, strip: Rect, body: Rect) {
    let t = &app.theme;
    let s = &v.open.session;
    phase_strip(f, t, s, v.view_phase, strip);

    let alerts = s.alerts.active();
    let mut banner_lines: Vec<Line<'_>> = Vec::new();
    if let (Some(e), true) = (&v.disk_error, v.vanished) {
        banner_lines.push(Line::from(Span::styled(
            " ✗ TECHNICAL ALERT — THE SESSION FOLDER IS GONE: NOT SAVED",
            t.alarm,
        )));
        banner_lines.push(Line::from(Span::styled(format!("   {e}"), t.alarm)));
        banner_lines.push(Line::from(vec![
            Span::styled("   [R] re-create it from the open journal", t.accent),
            Span::styled(
                " (every saved entry is kept); until then, write on paper.",
                t.warn,
            ),
        ]));
    } else if let Some(e) = &v.disk_error {
        banner_lines.push(Line::from(Span::styled(
            " ✗ THE LAST ENTRY WAS NOT SAVED — the disk refused it.",
            t.alarm,
        )));
        banner_lines.push(Line::from(Span::styled(format!("   {e}"), t.alarm)));
        banner_lines.push(Line::from(Span::styled(
            "   Write entries on paper until this is fixed; kap tries again with each entry.",
            t.warn,
        )));
    } else {
        for a in alerts.iter().take(2) {
            banner_lines.push(Line::from(vec![
                Span::styled(
                    format!(" ⚠ ALERT {} {} ", a.id, a.severity.as_str().to_uppercase()),
                    t.alarm,
                ),
                Span::styled(
                    format!(" {} at {}", a.headline(), a.raised_at.hhmm()),
                    t.warn,
                ),
            ]));
            banner_lines.push(Line::from(vec![
                Span::styled(format!("   → {}", a.action), t.text),
                Span::styled("  [a] acknowledge", t.accent),
            ]));
        }
        if alerts.len() > 2 {
            banner_lines.push(Line::from(Span::styled(
                format!("   … and {} more alert(s)", alerts.len() - 2),
                t.warn,
            )));
        }
    }
    // Wrapped height, so an action text is never cut off.
    let w = body.width.max(1) as usize;
    let banner_h: u16 = banner_lines
        .iter()
        .map(|l| l.width().div_ceil(w).max(1) as u16)
        .sum();
    let [banner, main] = Layout::vertical([
        Constraint::Length(banner_h.min(body.height / 2)),
        Constraint::Min(5),
    ])
    .areas(body);
    if !banner_lines.is_empty() {
        f.render_widget(
            Paragraph::new(banner_lines).wrap(Wrap { trim: false }),
            banner,
        );
    }

    // The simulated bedside monitor, in a rehearsal with a scenario.
    let main = match &app.sim {
        None => main,
        Some(sim) => {
            let [mon, rest] =
                Layout::vertical([Constraint::Length(2), Constraint::Min(4)]).areas(main);
            let view = sim.view(now, &s.started_at, s.dosing.started.as_ref());
            let bp = match &view.bp {
                Some((a, b, at)) => format!("NIBP {a}/{b} at {}", at.hhmm()),
                None => "NIBP --- (b cycles the cuff)".to_string(),
            };
            let spo2 = view.spo2.map_or("SpO₂ -- (no signal)".to_string(), |x| {
                format!("SpO₂ {x}%")
            });
            let mut lines = vec![Line::from(vec![
                Span::styled(" MONITOR ", t.watermark),
                Span::styled(format!("  HR {}  ·  {spo2}  ·  {bp}", view.hr), t.accent),
            ])];
            // The latest scenario moment (all events of that minute).
            if let Some(last) = view.happened.last() {
                let said: Vec<&str> = view
                    .happened
                    .iter()
                    .filter(|e| e.minute == last.minute)
                    .map(|e| e.text.as_str())
                    .collect();
                lines.push(Line::from(Span::styled(
                    format!(" Patient: {}", said.join(" ")),
                    t.warn,
                )));
            }
            f.render_widget(Paragraph::new(lines), mon);
            rest
        }
    };

    if let Some(ed) = &v.editor {
        let prompt = if ed.prompt == crate::tui::app::GOALS_EDITOR {
            format!(
                "Goals, one per line (at least {})",
                s.protocol().course.goals.min_count
            )
        } else {
            s.protocol()
                .prompt(&ed.prompt)
                .map_or(ed.prompt.clone(), |(_, p)| p.text.clone())
        };
        let mut area = ed.area.clone();
        area.set_block(
            Block::bordered()
                .title(format!(" {prompt} "))
                .title_bottom(" Ctrl-S save · Esc stop editing ")
                .border_style(t.accent),
        );
        area.set_style(t.text);
        f.render_widget(&area, main);
        return;
    }

    let phase = &s.protocol().phases[v.view_phase];
    let show_vitals = v.vitals_focus
        || matches!(
            phase.role,
            PhaseRole::Baseline | PhaseRole::Dosing | PhaseRole::Discharge
        );
    let [content, vitals_line] = Layout::vertical([
        Constraint::Min(4),
        Constraint::Length(if show_vitals { 1 } else { 0 }),
    ])
    .areas(main);
    if phase.role == PhaseRole::Dosing && v.view_phase == s.phase {
        infusion(f, app, v, now, content);
    } else {
        prompts(f, app, v, now, content);
    }
    if show_vitals {
        vitals_entry(f, t, v, vitals_line);
    }
}

fn phase_strip(f: &mut Frame<'_>, t: &Theme, s: &Session, viewing: usize, area: Rect) {
    let phases = &s.protocol().phases;
    let mut spans = vec![Span::raw(" ")];
    for (i, p) in phases.iter().enumerate() {
        let label = if i == s.phase || i == viewing {
            format!("{} {}", i + 1, p.title)
        } else {
            format!("{}", i + 1)
        };
        let style = if i == s.phase {
            t.accent
        } else if i < s.phase {
            t.text
        } else {
            t.dim
        };
        let style = if i == viewing && i != s.phase {
            t.selected
        } else {
            style
        };
        spans.push(Span::styled(label, style));
        if i + 1 < phases.len() {
            spans.push(Span::styled(" › ", t.border));
        }
    }
    if viewing != s.phase {
        spans.push(Span::styled("   (looking back — → to return)", t.warn));
    }
    f.render_widget(Paragraph::new(Line::from(spans)), area);
}

fn vitals_entry(f: &mut Frame<'_>, t: &Theme, v: &SessionView, area: Rect) {
    let [label, input] =
        Layout::horizontal([Constraint::Length(10), Constraint::Min(10)]).areas(area);
    f.render_widget(
        Paragraph::new(Span::styled(
            " Vitals › ",
            if v.vitals_focus { t.accent } else { t.dim },
        )),
        label,
    );
    if v.vitals_focus {
        let mut ta = v.vitals.clone();
        ta.set_style(t.text);
        ta.set_cursor_line_style(Style::default());
        f.render_widget(&ta, input);
    } else {
        f.render_widget(
            Paragraph::new(Span::styled(
                "press v, then e.g. 128/82 76 97  ·  bp 130/85  ·  hr 80  ·  spo2 95",
                t.dim,
            )),
            input,
        );
    }
}

fn prompts(f: &mut Frame<'_>, app: &App, v: &SessionView, now: &Moment, area: Rect) {
    let t = &app.theme;
    let s = &v.open.session;
    let phase = &s.protocol().phases[v.view_phase];
    let current = v.view_phase == s.phase;
    let mut lines: Vec<Line<'_>> = Vec::new();

    // Title and clocks.
    let mut title = vec![Span::styled(format!(" {}", phase.title), t.accent)];
    if current {
        if phase.role == PhaseRole::Debrief {
            match s.debrief_elapsed(now) {
                Some(ms) => title.push(Span::styled(
                    format!(
                        "   debrief clock {}{}",
                        clock_text(ms),
                        phase
                            .target_minutes
                            .map(|r| format!(" — aim {}–{} min", r.min, r.max))
                            .unwrap_or_default()
                    ),
                    target_style(t, ms, phase.target_minutes.map(|r| (r.min, r.max))),
                )),
                None => title.push(Span::styled("   debrief clock not started", t.dim)),
            }
        } else {
            let ms = s.phase_elapsed(now);
            title.push(Span::styled(
                format!(
                    "   in this phase {}{}",
                    clock_text(ms),
                    phase
                        .target_minutes
                        .map(|r| format!(" — aim {}–{} min", r.min, r.max))
                        .unwrap_or_default()
                ),
                target_style(t, ms, phase.target_minutes.map(|r| (r.min, r.max))),
            ));
        }
    }
    lines.push(Line::from(title));
    if let Some(g) = &phase.guidance {
        lines.push(Line::from(Span::styled(format!(" {g}"), t.dim)));
    }
    lines.push(Line::from(""));

    let visible: Vec<_> = s.prompts(phase).collect();
    let mut selected_line = 0;
    if visible.is_empty() {
        lines.push(Line::from(Span::styled(
            " Nothing to record in this phase.",
            t.dim,
        )));
    }
    for (i, p) in visible.iter().enumerate() {
        let sel = i == v.selected;
        if sel {
            selected_line = lines.len();
        }
        let marker = if sel { "›" } else { " " };
        let req = if p.required { " *" } else { "" };
        let style = if sel { t.selected } else { t.text };
        match p.kind {
            PromptKind::Check => {
                let done = s.ticks.get(&p.id).is_some_and(|x| x.checked);
                lines.push(Line::from(vec![
                    Span::styled(format!(" {marker} "), t.accent),
                    Span::styled(
                        format!("[{}] {}{req}", if done { "x" } else { " " }, p.text),
                        style,
                    ),
                ]));
            }
            PromptKind::Text => {
                lines.push(Line::from(vec![
                    Span::styled(format!(" {marker} "), t.accent),
                    Span::styled(format!("{}{req}", p.text), style),
                ]));
                match s.answers.get(&p.id) {
                    Some(a) => {
                        for l in a.text.lines().take(3) {
                            lines.push(Line::from(Span::styled(format!("     {l}"), t.text)));
                        }
                    }
                    None => lines.push(Line::from(Span::styled("     —", t.dim))),
                }
            }
            _ => {
                let value = s.latest_value(&p.id).map(|e| {
                    format!(
                        "{}  ({})",
                        crate::protocol::values::show(p, &e.value),
                        e.at.hhmm()
                    )
                });
                let when = p
                    .due
                    .as_ref()
                    .map(|d| match (d.at_minute, d.with_vitals, d.before_close) {
                        (Some(m), _, _) => format!(" — at {m} min"),
                        (_, true, _) => " — with each vitals prompt".to_string(),
                        _ => " — before closing".to_string(),
                    })
                    .unwrap_or_default();
                lines.push(Line::from(vec![
                    Span::styled(format!(" {marker} "), t.accent),
                    Span::styled(format!("{}{req}", p.text), style),
                    Span::styled(when, t.dim),
                ]));
                lines.push(match value {
                    Some(v) => Line::from(Span::styled(format!("     {v}"), t.text)),
                    None => Line::from(Span::styled(
                        format!("     — ({})", crate::protocol::values::hint(p)),
                        t.dim,
                    )),
                });
            }
        }
    }

    // Rolling integration: the previous session, shown back.
    if phase.role == PhaseRole::Integration {
        lines.push(Line::from(""));
        match &app.course.previous {
            None => lines.push(Line::from(Span::styled(
                " No earlier session in this course.",
                t.dim,
            ))),
            Some(prev) => {
                let ps = &prev.session;
                lines.push(Line::from(Span::styled(
                    format!(
                        " Last time: session {} on {}",
                        ps.start.session,
                        ps.started_at.wall.format("%a %d %b")
                    ),
                    t.accent,
                )));
                for ph in ps
                    .protocol()
                    .phases
                    .iter()
                    .filter(|ph| matches!(ph.role, PhaseRole::Intentions | PhaseRole::Debrief))
                {
                    for pr in ps.prompts(ph) {
                        if let Some(a) = ps.answers.get(&pr.id) {
                            let first = a.text.lines().next().unwrap_or("");
                            lines.push(Line::from(Span::styled(
                                format!("   {}: {first}", pr.text),
                                t.text,
                            )));
                        }
                    }
                }
                for n in ps.notes.iter().take(5) {
                    let tags = if n.tags.is_empty() {
                        String::new()
                    } else {
                        format!("[{}] ", n.tags.join(", "))
                    };
                    lines.push(Line::from(Span::styled(
                        format!("   note {} {tags}{}", n.at.hhmm(), n.text),
                        t.dim,
                    )));
                }
            }
        }
    }

    // Goals, carried from session to session.
    if matches!(phase.role, PhaseRole::Integration | PhaseRole::Preparation) {
        let goals = app.goals();
        let g = &s.protocol().course.goals;
        lines.push(Line::from(""));
        lines.push(Line::from(Span::styled(
            format!(
                " Goals ({}): {} of at least {} — g edits",
                g.kind.label(),
                goals.len(),
                g.min_count
            ),
            if goals.len() as u32 >= g.min_count {
                t.accent
            } else {
                t.warn
            },
        )));
        for goal in &goals {
            lines.push(Line::from(Span::styled(format!("   • {goal}"), t.text)));
        }
    }

    // Preparation: when the next session may be.
    if phase.role == PhaseRole::Preparation {
        let next = s.start.session + 1;
        if next <= s.protocol().course.sessions
            && let Some(w) =
                crate::session::course::window(s.protocol(), next, s.started_at.wall.date_naive())
        {
            lines.push(Line::from(Span::styled(
                format!(" Next: {}", w.describe()),
                t.text,
            )));
        } else if next > s.protocol().course.sessions {
            lines.push(Line::from(Span::styled(
                " This is the last session of the course.",
                t.warn,
            )));
        }
        if let Some(h) = s
            .protocol()
            .course
            .integration
            .as_ref()
            .and_then(|i| i.within_hours)
        {
            lines.push(Line::from(Span::styled(
                format!(
                    " Integration due within {}–{} h of today's dose.",
                    h.min, h.max
                ),
                t.text,
            )));
        }
    }

    // Intentions: the music choice.
    if phase.role == PhaseRole::Intentions {
        lines.push(Line::from(""));
        let choice = match (&s.music.playlist, &s.music.support) {
            (Some(p), _) => format!(" Music: playlist {p}"),
            (None, Some(sup)) => {
                let label = s
                    .protocol()
                    .music
                    .as_ref()
                    .and_then(|m| m.supports.iter().find(|x| &x.id == sup))
                    .map_or(sup.clone(), |x| x.label.clone());
                format!(" No music — {label}")
            }
            (None, None) => " Music not chosen yet (press m)".into(),
        };
        lines.push(Line::from(Span::styled(choice, t.text)));
    }

    // Last vitals where they matter.
    if matches!(phase.role, PhaseRole::Baseline | PhaseRole::Discharge)
        && let Some(e) = s.last_reading()
    {
        lines.push(Line::from(""));
        lines.push(Line::from(Span::styled(
            format!(" Last vitals {}: {}", e.at.hhmm(), e.reading),
            t.text,
        )));
    }

    // What holds the next step.
    if current {
        let holds = s.holds(now);
        let missing = s.missing_required(phase);
        if !holds.is_empty() || !missing.is_empty() {
            lines.push(Line::from(""));
            let last = s.phase + 1 == s.protocol().phases.len();
            lines.push(Line::from(Span::styled(
                if last {
                    " Before closing:"
                } else {
                    " Before moving on:"
                },
                t.warn,
            )));
            for h in &holds {
                lines.push(Line::from(Span::styled(format!("   • {h}"), t.warn)));
            }
            if !missing.is_empty() {
                lines.push(Line::from(Span::styled(
                    format!(
                        "   • {} required item(s) open (* above){}",
                        missing.len(),
                        if holds.is_empty() {
                            " — → asks for a reason to skip"
                        } else {
                            ""
                        }
                    ),
                    t.dim,
                )));
            }
        }
    }

    let height = area.height as usize;
    let scroll = selected_line.saturating_sub(height.saturating_sub(4)) as u16;
    f.render_widget(
        Paragraph::new(lines)
            .wrap(Wrap { trim: false })
            .scroll((scroll, 0)),
        area,
    );
}

fn target_style(t: &Theme, ms: i64, target: Option<(u32, u32)>) -> Style {
    match target {
        Some((_, max)) if ms > i64::from(max) * MINUTE => t.warn,
        Some((min, _)) if ms >= i64::from(min) * MINUTE => t.ok,
        _ => t.dim,
    }
}

fn infusion(f: &mut Frame<'_>, app: &App, v: &SessionView, now: &Moment, area: Rect) {
    let t = &app.theme;
    let s = &v.open.session;
    let d = &s.dosing;
    let [left, right] =
        Layout::horizontal([Constraint::Length(40), Constraint::Min(30)]).areas(area);

    // ---- left: timer, gauge, what is due
    let state = d.state(now);
    let elapsed = d.elapsed(now);
    let label = if d.infusion {
        "infusion"
    } else {
        "observation"
    };
    let mut lines: Vec<Line<'_>> = Vec::new();
    let status = match state {
        DosingState::NotStarted => format!(" {label} not started — press s when ready"),
        DosingState::Running => format!(
            " {label} running since {}",
            d.started.as_ref().map_or(String::new(), |m| m.hhmm())
        ),
        DosingState::Paused => format!(
            " {label} PAUSED: {}",
            d.pauses.last().map_or("", |p| p.reason.as_str())
        ),
        DosingState::Completed => format!(
            " {label} complete at {}",
            d.completed_at(now).map_or(String::new(), |m| m.hhmm())
        ),
        DosingState::Stopped => format!(
            " {label} STOPPED: {}",
            d.stopped.as_ref().map_or("", |(_, r)| r.as_str())
        ),
    };
    let status_style = match state {
        DosingState::Paused | DosingState::Stopped => t.warn,
        DosingState::Completed => t.ok,
        _ => t.text,
    };
    let clock = clock_text(elapsed);
    let [timer, gauge_area, rest] = Layout::vertical([
        Constraint::Length(5),
        Constraint::Length(1),
        Constraint::Min(3),
    ])
    .areas(left);
    let [big, small] =
        Layout::vertical([Constraint::Length(3), Constraint::Length(2)]).areas(timer);
    let bw = BigClock::width(&clock);
    let big = Rect {
        x: big.x + 1,
        width: bw.min(big.width.saturating_sub(1)),
        ..big
    };
    f.render_widget(
        BigClock {
            text: &clock,
            style: if state == DosingState::Paused {
                t.warn
            } else {
                t.accent
            },
        },
        big,
    );
    let of = match (d.planned, d.remaining(now)) {
        (Some(p), Some(r)) => format!(" elapsed of {}  ·  {} left", clock_text(p), clock_text(r)),
        _ => " elapsed".to_string(),
    };
    f.render_widget(
        Paragraph::new(vec![
            Line::from(Span::styled(of, t.text)),
            Line::from(Span::styled(status, status_style)),
        ]),
        small,
    );
    if let Some(p) = d.planned {
        let ratio = if p > 0 {
            (elapsed as f64 / p as f64).clamp(0.0, 1.0)
        } else {
            1.0
        };
        f.render_widget(
            Gauge::default()
                .ratio(ratio)
                .label(format!("{:.0}%", ratio * 100.0))
                .gauge_style(t.accent)
                .use_unicode(true),
            Rect {
                x: gauge_area.x + 1,
                width: gauge_area.width.saturating_sub(2),
                ..gauge_area
            },
        );
    }

    // What is due.
    let prompted: Vec<&str> = s
        .protocol()
        .vitals
        .prompted
        .iter()
        .map(|m| match m {
            Measure::Bp => "BP",
            Measure::Hr => "HR",
            Measure::Spo2 => "SpO₂",
        })
        .collect();
    let what = prompted.join("+");
    match s.vitals_due(now) {
        Some(due) => {
            let (text, style) = match due.state {
                DueState::Upcoming => (
                    format!(" Next {what} due in {}", clock_text(due.from.since(now))),
                    t.text,
                ),
                DueState::Due => (
                    format!(
                        " {what} DUE now — window closes in {}",
                        clock_text(due.until.since(now))
                    ),
                    t.warn,
                ),
                DueState::Overdue => (
                    format!(" {what} OVERDUE by {}", clock_text(now.since(&due.until))),
                    t.alarm,
                ),
            };
            lines.push(Line::from(Span::styled(text, style)));
        }
        None if state == DosingState::NotStarted => lines.push(Line::from(Span::styled(
            " Vitals prompts start with the infusion",
            t.dim,
        ))),
        None => {}
    }
    for (p, due) in s.measures_due(now) {
        let (text, style) = match due.state {
            DueState::Upcoming if due.from.since(now) <= 5 * MINUTE => (
                format!(" {} in {}", p.text, clock_text(due.from.since(now))),
                t.dim,
            ),
            DueState::Upcoming => continue,
            DueState::Due => (format!(" {} DUE (r)", p.text), t.warn),
            DueState::Overdue => (format!(" {} OVERDUE (r)", p.text), t.alarm),
        };
        lines.push(Line::from(Span::styled(text, style)));
    }
    for p in &s.alerts.pending {
        lines.push(Line::from(Span::styled(
            format!(
                " Repeat {} at {} to confirm ({} {})",
                p.metric.label(),
                p.repeat_at.hhmm(),
                p.metric.label(),
                p.value
            ),
            t.warn,
        )));
    }
    // Music or check-ins.
    if s.music.is_playing() {
        let since = s
            .music
            .played
            .last()
            .map(|(st, _)| now.since(st))
            .unwrap_or(0);
        let name = match app.audio.now_playing() {
            Some((track, _)) => track,
            None => s
                .music
                .tracks
                .last()
                .map(|(_, t)| t.clone())
                .or_else(|| s.music.playlist.clone())
                .unwrap_or_else(|| "music".into()),
        };
        lines.push(Line::from(Span::styled(
            format!(" ♪ {name} playing {}", minutes_text(since - since % MINUTE)),
            t.text,
        )));
    } else if let Some(due) = s.checkin_due(now) {
        let (text, style) = match due.state {
            DueState::Upcoming => (
                format!(
                    " No music: check in within {}",
                    clock_text(due.from.since(now))
                ),
                t.dim,
            ),
            DueState::Due => (" Gentle check-in due (c when done)".to_string(), t.warn),
            DueState::Overdue => (" Check-in overdue (c when done)".to_string(), t.warn),
        };
        lines.push(Line::from(Span::styled(text, style)));
    } else if let Some(sup) = &s.music.support {
        lines.push(Line::from(Span::styled(format!(" Support: {sup}"), t.dim)));
    }
    if let Some(ms) = s.debrief_elapsed(now) {
        lines.push(Line::from(Span::styled(
            format!(" Debrief clock {} — → to move on", clock_text(ms)),
            t.ok,
        )));
    }
    // This phase's own prompts, compact (↑ ↓ choose, Enter answers).
    let phase = s.current_phase();
    let visible: Vec<_> = s.prompts(phase).collect();
    if !visible.is_empty() {
        lines.push(Line::from(Span::styled(
            " ─ this phase (↑↓ Enter) ─",
            t.border,
        )));
    }
    for (i, p) in visible.iter().enumerate() {
        let sel = i == v.selected;
        let style = if sel { t.selected } else { t.text };
        let marker = if sel { "›" } else { " " };
        let body = match p.kind {
            crate::protocol::PromptKind::Check => {
                format!("[{}] {}", if s.is_done(p) { "x" } else { " " }, p.text)
            }
            crate::protocol::PromptKind::Text => match s.answers.get(&p.id) {
                Some(a) => format!("{}: {}", p.text, a.text.lines().next().unwrap_or("")),
                None => format!("{}: —", p.text),
            },
            _ => match s.latest_value(&p.id) {
                Some(e) => format!("{}: {}", p.text, crate::protocol::values::show(p, &e.value)),
                None => format!("{}: —", p.text),
            },
        };
        lines.push(Line::from(vec![
            Span::styled(format!(" {marker}"), t.accent),
            Span::styled(body, style),
        ]));
    }
    f.render_widget(Paragraph::new(lines).wrap(Wrap { trim: false }), rest);

    // ---- right: vitals table and trend chart
    let rows_available = right.height.saturating_sub(2);
    let table_h = (s.vitals.len() as u16 + 2).min(rows_available / 2).max(3);
    let [table_area, chart_area] =
        Layout::vertical([Constraint::Length(table_h), Constraint::Min(4)]).areas(right);
    let shown = table_h.saturating_sub(2) as usize;
    let rows: Vec<Row<'_>> = s
        .vitals
        .iter()
        .rev()
        .take(shown)
        .rev()
        .map(|e| {
            let r = &e.reading;
            let style = if e.raised.is_empty() { t.text } else { t.alarm };
            Row::new(vec![
                e.at.hhmm(),
                match (r.systolic, r.diastolic) {
                    (Some(a), Some(b)) => format!("{a}/{b}"),
                    _ => String::new(),
                },
                r.hr.map(|x| x.to_string()).unwrap_or_default(),
                r.spo2.map(|x| format!("{x}%")).unwrap_or_default(),
            ])
            .style(style)
        })
        .collect();
    f.render_widget(
        Table::new(
            rows,
            [
                Constraint::Length(6),
                Constraint::Length(8),
                Constraint::Length(5),
                Constraint::Length(6),
            ],
        )
        .header(Row::new(vec!["time", "BP", "HR", "SpO₂"]).style(t.dim))
        .block(
            Block::default()
                .borders(Borders::TOP)
                .border_style(t.border)
                .title(" vitals "),
        ),
        table_area,
    );
    trend(f, t, s, now, chart_area);
}

fn trend(f: &mut Frame<'_>, t: &Theme, s: &Session, now: &Moment, area: Rect) {
    let origin = s
        .dosing
        .started
        .clone()
        .unwrap_or_else(|| s.started_at.clone());
    let x = |m: &Moment| m.since(&origin) as f64 / MINUTE as f64;
    let series =
        |get: &dyn Fn(&crate::session::vitals::Reading) -> Option<u16>| -> Vec<(f64, f64)> {
            s.vitals
                .iter()
                .filter_map(|e| get(&e.reading).map(|v| (x(&e.at), f64::from(v))))
                .collect()
        };
    let sys = series(&|r| r.systolic);
    let dia = series(&|r| r.diastolic);
    let hr = series(&|r| r.hr);
    let spo2 = series(&|r| r.spo2);
    let x_min = s.vitals.first().map_or(0.0, |e| x(&e.at)).min(0.0);
    let x_max = x(now).max(x_min + 10.0);
    let line = |name: &'static str, style, data| {
        Dataset::default()
            .name(name)
            .marker(Marker::Braille)
            .graph_type(GraphType::Line)
            .style(style)
            .data(data)
    };
    let datasets = vec![
        line("sys", t.accent, &sys),
        line("dia", t.text, &dia),
        line("HR", t.warn, &hr),
        line("SpO₂", t.ok, &spo2),
    ];
    let chart = Chart::new(datasets)
        .block(
            Block::default()
                .borders(Borders::TOP)
                .border_style(t.border)
                .title(" trend (min since start) "),
        )
        .x_axis(
            Axis::default()
                .bounds([x_min, x_max])
                .labels([
                    format!("{:.0}", x_min.floor()),
                    format!("{:.0}", x_max.ceil()),
                ])
                .style(t.dim),
        )
        .y_axis(
            Axis::default()
                .bounds([40.0, 220.0])
                .labels(["40", "130", "220"])
                .style(t.dim),
        );
    f.render_widget(chart, area);
}

pub fn draw_closed(f: &mut Frame<'_>, app: &App, c: &ClosedView, body: Rect) {
    let t = &app.theme;
    let s = &c.open.session;
    let mut lines = vec![
        Line::from(""),
        Line::from(Span::styled(
            match s.closed.as_ref().and_then(|x| x.abandoned.as_ref()) {
                Some(r) => format!(" Session ended early: {r}"),
                None => " Session closed.".to_string(),
            },
            t.accent,
        )),
        Line::from(""),
        Line::from(Span::styled(
            format!(" Record:  {}", c.open.dir.display()),
            t.text,
        )),
    ];
    match &c.summary {
        Ok(p) => lines.push(Line::from(Span::styled(
            format!(" Summary: {}", p.display()),
            t.text,
        ))),
        Err(e) => lines.push(Line::from(Span::styled(
            format!(" The summary could not be written ({e}); the journal is complete."),
            t.alarm,
        ))),
    }
    lines.push(Line::from(Span::styled(
        format!(
            " {} vitals sets · {} notes · {} alerts · dose {} mg",
            s.vitals.len(),
            s.notes.len(),
            s.alerts.alerts.len(),
            num(s.start.dose_mg)
        ),
        t.text,
    )));
    if let Some((summary, written)) = &c.report {
        lines.push(Line::from(""));
        lines.push(Line::from(Span::styled(" Trainee report", t.accent)));
        lines.push(Line::from(Span::styled(format!(" {summary}"), t.text)));
        match written {
            Ok(p) => lines.push(Line::from(Span::styled(
                format!(" Report: {}", p.display()),
                t.text,
            ))),
            Err(e) => lines.push(Line::from(Span::styled(
                format!(" The report could not be written: {e}"),
                t.alarm,
            ))),
        }
    }
    lines.push(Line::from(""));
    lines.push(Line::from(Span::styled(" Press q to leave kap.", t.dim)));
    f.render_widget(Paragraph::new(lines).wrap(Wrap { trim: false }), body);
}
