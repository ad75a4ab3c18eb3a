//! The dosing phase: the big timer, the gauge, what is due, the vitals
//! table and the trend chart.

use super::Ui;
use super::clock_text;
use crate::protocol::Measure;
use crate::session::state::{DueState, minutes_text};
use crate::session::{DosingState, MINUTE, Millis, Moment, Session};
use crate::tui::app::SessionView;
use crate::tui::bigclock::BigClock;
use crate::tui::present::Timed;
use crate::tui::theme::Theme;
use ratatui::Frame;
use ratatui::layout::{Constraint, Layout, Rect};
use ratatui::style::Style;
use ratatui::symbols::Marker;
use ratatui::text::{Line, Span};
use ratatui::widgets::{
    Axis, Block, Borders, Chart, Dataset, Gauge, GraphType, Paragraph, Row, Table,
};

pub(super) fn target_style(t: &Theme, ms: i64, target: Option<(u32, u32)>) -> Style {
    match target {
        Some((_, max)) if ms > i64::from(max) * MINUTE => t.warn,
        Some((min, _)) if ms >= i64::from(min) * MINUTE => t.ok,
        _ => t.dim,
    }
}

/// The dosing screen: the timer, gauge and what is due on the left, the
/// vitals table and trend chart on the right.
pub(super) fn infusion(f: &mut Frame<'_>, ui: &Ui<'_>, v: &SessionView, now: &Moment, area: Rect) {
    let lang = ui.lang;
    let t = &ui.theme;
    let s = &v.open.session;
    let [left, right] =
        // A column between the two, so the left's text never runs into
        // the table's times or the chart's axis labels.
        Layout::horizontal([Constraint::Length(40), Constraint::Min(30)])
            .spacing(1)
            .areas(area);

    // ---- left: timer, gauge, what is due (as worked out for the frame)
    let Some(tm) = &ui.timed else { return };
    let inf = &tm.infusion;
    let extra = inf.steps.len() as u16;
    let [timer_area, gauge_area, rest] = Layout::vertical([
        Constraint::Length(5 + extra),
        Constraint::Length(1),
        Constraint::Min(3),
    ])
    .areas(left);
    timer(f, t, inf, timer_area, lang);
    gauge(f, t, inf.elapsed, s.dosing.planned, gauge_area);
    let lines = status_lines(ui, v, tm);
    f.render_widget(Paragraph::new(super::hang::hang(lines, rest.width)), rest);

    // ---- right: vitals table and trend chart
    let rows_available = right.height.saturating_sub(2);
    let table_h = (s.vitals.len() as u16 + 2).min(rows_available / 2).max(3);
    let [table_area, chart_area] =
        Layout::vertical([Constraint::Length(table_h), Constraint::Min(4)]).areas(right);
    let shown = table_h.saturating_sub(2) as usize;
    vitals_table(f, t, s, shown, table_area, lang);
    trend(f, t, s, now, chart_area, lang);
}

/// The big clock, and under it the time planned and left, the state in
/// words and a stepped dose's steps.
fn timer(
    f: &mut Frame<'_>,
    t: &Theme,
    inf: &crate::tui::present::Infusion,
    area: Rect,
    lang: crate::i18n::Lang,
) {
    let state = inf.state;
    let status = format!(" {}", inf.status);
    let status_style = match state {
        DosingState::Paused | DosingState::Stopped => t.warn,
        DosingState::Completed => t.ok,
        _ => t.text,
    };
    let clock = clock_text(inf.elapsed);
    let step_lines: Vec<String> = inf.steps.iter().map(|l| format!(" {l}")).collect();
    let extra = step_lines.len() as u16;
    let [big, small] =
        Layout::vertical([Constraint::Length(3), Constraint::Length(2 + extra)]).areas(area);
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
    let of = match (inf.planned, inf.remaining) {
        // Stopped early: nothing is left to run, whatever the plan said.
        (Some(p), Some(_)) if state == DosingState::Stopped => format!(
            " {}",
            crate::say!(lang, "timer-elapsed-of-stopped", planned = clock_text(p))
        ),
        (Some(p), Some(r)) => format!(
            " {}",
            crate::say!(
                lang,
                "timer-elapsed-of",
                planned = clock_text(p),
                left = clock_text(r)
            )
        ),
        _ => format!(" {}", crate::say!(lang, "timer-elapsed")),
    };
    let mut timer_lines = vec![
        Line::from(Span::styled(of, t.text)),
        Line::from(Span::styled(status, status_style)),
    ];
    for l in step_lines {
        timer_lines.push(Line::from(Span::styled(l, t.accent)));
    }
    f.render_widget(Paragraph::new(timer_lines), small);
}

/// The share of the planned dose run so far; nothing without a plan.
fn gauge(f: &mut Frame<'_>, t: &Theme, elapsed: Millis, planned: Option<Millis>, area: Rect) {
    if let Some(p) = planned {
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
                x: area.x + 1,
                width: area.width.saturating_sub(2),
                ..area
            },
        );
    }
}

/// Under the timer, in order: what is due, the monitor, what was agreed,
/// the risk lines and this phase's own prompts.
fn status_lines<'a>(ui: &Ui<'a>, v: &SessionView, tm: &Timed) -> Vec<Line<'a>> {
    let lang = ui.lang;
    let t = &ui.theme;
    let s = &v.open.session;
    let now = &tm.at;
    let mut lines: Vec<Line<'a>> = Vec::new();
    lines.extend(vitals_due_line(t, s, tm, lang));
    // The monitor's readings waiting for a confirmation, and its alarms.
    for (i, l) in crate::tui::present::monitor::lines(s, &v.device_alarms.standing, lang)
        .into_iter()
        .enumerate()
    {
        let style = match i {
            _ if l.starts_with('!') => t.alarm,
            0 => t.warn,
            _ => t.text,
        };
        lines.push(Line::from(Span::styled(format!(" {l}"), style)));
    }
    lines.extend(measure_lines(t, tm, lang));
    for (_, r) in &tm.rechecks {
        lines.push(Line::from(Span::styled(format!(" {r}"), t.warn)));
    }
    for p in &s.alerts.pending {
        lines.push(Line::from(Span::styled(
            format!(
                " {}",
                crate::say!(
                    lang,
                    "repeat-to-confirm",
                    metric = p.metric.label().say(lang),
                    at = p.repeat_at.hhmm(),
                    value = p.value.to_string()
                )
            ),
            t.warn,
        )));
    }
    lines.extend(music_or_checkin_line(ui, s, now));
    if let Some(ms) = s.debrief_elapsed(now) {
        lines.push(Line::from(Span::styled(
            format!(
                " {}",
                crate::say!(lang, "debrief-clock", clock = clock_text(ms))
            ),
            t.ok,
        )));
    }
    // What was agreed before the dose, in view while it runs.
    if let Some(agreed) = crate::tui::present::agreements_line(s, lang) {
        lines.push(Line::from(Span::styled(format!(" {agreed}"), t.accent)));
    }
    lines.extend(super::phase::risk_lines(ui, s));
    lines.extend(phase_prompt_lines(t, s, v.selected, lang));
    lines
}

/// When the next vitals are due (or that they start with the infusion).
fn vitals_due_line(
    t: &Theme,
    s: &Session,
    tm: &Timed,
    lang: crate::i18n::Lang,
) -> Option<Line<'static>> {
    let (now, state) = (&tm.at, tm.infusion.state);
    let prompted: Vec<String> = s
        .protocol()
        .vitals
        .prompted
        .iter()
        .map(|m| match m {
            Measure::Bp => crate::say!(lang, "table-bp"),
            Measure::Hr => crate::say!(lang, "table-hr"),
            Measure::Spo2 => "SpO₂".to_string(),
        })
        .collect();
    let what = prompted.join("+");
    match &tm.vitals_due {
        Some(due) => {
            let (text, style) = match due.state {
                DueState::Upcoming => (
                    format!(
                        " {}",
                        crate::say!(
                            lang,
                            "vitals-next",
                            what = what.clone(),
                            wait = clock_text(due.from.since(now))
                        )
                    ),
                    t.text,
                ),
                DueState::Due => (
                    format!(
                        " {}",
                        crate::say!(
                            lang,
                            "vitals-due",
                            what = what.clone(),
                            left = clock_text(due.until.since(now))
                        )
                    ),
                    t.warn,
                ),
                DueState::Overdue => (
                    format!(
                        " {}",
                        crate::say!(
                            lang,
                            "vitals-overdue",
                            what = what.clone(),
                            late = clock_text(now.since(&due.until))
                        )
                    ),
                    t.alarm,
                ),
            };
            Some(Line::from(Span::styled(text, style)))
        }
        None if state == DosingState::NotStarted => Some(Line::from(Span::styled(
            format!(
                " {}",
                crate::say!(lang, "vitals-start-with-infusion", what = s.dosing.what())
            ),
            t.dim,
        ))),
        None => None,
    }
}

/// The protocol's other measures due now, or within five minutes.
fn measure_lines(t: &Theme, tm: &Timed, lang: crate::i18n::Lang) -> Vec<Line<'static>> {
    let now = &tm.at;
    let mut lines = Vec::new();
    for (p, due) in &tm.measures_due {
        let (text, style) = match due.state {
            DueState::Upcoming if due.from.since(now) <= 5 * MINUTE => (
                format!(
                    " {}",
                    crate::say!(
                        lang,
                        "measure-in",
                        measure = p.text.clone(),
                        wait = clock_text(due.from.since(now))
                    )
                ),
                t.dim,
            ),
            DueState::Upcoming => continue,
            DueState::Due => (
                format!(
                    " {}",
                    crate::say!(lang, "measure-due", measure = p.text.clone())
                ),
                t.warn,
            ),
            DueState::Overdue => (
                format!(
                    " {}",
                    crate::say!(lang, "measure-overdue", measure = p.text.clone())
                ),
                t.alarm,
            ),
        };
        lines.push(Line::from(Span::styled(text, style)));
    }
    lines
}

/// The music playing, else when the next check-in is due, else the
/// support chosen.
fn music_or_checkin_line(ui: &Ui<'_>, s: &Session, now: &Moment) -> Option<Line<'static>> {
    let lang = ui.lang;
    let t = &ui.theme;
    if s.music.is_playing() {
        let since = s
            .music
            .played
            .last()
            .map(|(st, _)| now.since(st))
            .unwrap_or(0);
        let name = match ui.now_playing.clone() {
            Some(track) => track,
            None => s
                .music
                .tracks
                .last()
                .map(|(_, t)| t.clone())
                .or_else(|| s.music.playlist.clone())
                .unwrap_or_else(|| crate::say!(lang, "music-word")),
        };
        Some(Line::from(Span::styled(
            format!(
                " ♪ {}",
                crate::say!(
                    lang,
                    "music-playing",
                    name = name,
                    since = minutes_text(since - since % MINUTE).say(lang)
                )
            ),
            t.text,
        )))
    } else if let Some(due) = ui.timed.as_ref().and_then(|tm| tm.checkin_due.as_ref()) {
        let (text, style) = match due.state {
            DueState::Upcoming => (
                format!(
                    " {}",
                    crate::say!(
                        lang,
                        "checkin-within",
                        wait = clock_text(due.from.since(now))
                    )
                ),
                t.dim,
            ),
            DueState::Due => (format!(" {}", crate::say!(lang, "checkin-due")), t.warn),
            DueState::Overdue => (format!(" {}", crate::say!(lang, "checkin-overdue")), t.warn),
        };
        Some(Line::from(Span::styled(text, style)))
    } else {
        s.music.support.as_ref().map(|sup| {
            Line::from(Span::styled(
                format!(
                    " {}",
                    crate::say!(lang, "support-chosen", support = sup.clone())
                ),
                t.dim,
            ))
        })
    }
}

/// This phase's own prompts, compact (↑ ↓ choose, Enter answers).
fn phase_prompt_lines(
    t: &Theme,
    s: &Session,
    selected: usize,
    lang: crate::i18n::Lang,
) -> Vec<Line<'static>> {
    let mut lines = Vec::new();
    let phase = s.current_phase();
    let visible: Vec<_> = s.prompts(phase).collect();
    if !visible.is_empty() {
        lines.push(Line::from(Span::styled(
            format!(" ─ {} ─", crate::say!(lang, "this-phase-keys")),
            t.border,
        )));
    }
    for (i, p) in visible.iter().enumerate() {
        let sel = i == selected;
        let style = if sel { t.selected } else { t.text };
        let marker = if sel { "›" } else { " " };
        let body = match p.kind {
            crate::protocol::PromptKind::Check => {
                format!("[{}] {}", if s.is_done(p) { "x" } else { " " }, p.text)
            }
            crate::protocol::PromptKind::Text => match s.answers.get(&p.id) {
                Some(a) => {
                    crate::i18n::labelled_in(lang, &p.text, a.text.lines().next().unwrap_or(""))
                }
                None => crate::i18n::labelled_in(lang, &p.text, "—"),
            },
            _ => match s.latest_value(&p.id) {
                Some(e) => crate::i18n::labelled_in(
                    lang,
                    &p.text,
                    &crate::protocol::values::show(p, &e.value).say(lang),
                ),
                None => crate::i18n::labelled_in(lang, &p.text, "—"),
            },
        };
        lines.push(Line::from(vec![
            Span::styled(format!(" {marker}"), t.accent),
            Span::styled(body, style),
        ]));
    }
    lines
}

/// The latest readings that fit, newest last; a reading beyond an alarm
/// limit stands out.
fn vitals_table(
    f: &mut Frame<'_>,
    t: &Theme,
    s: &Session,
    shown: usize,
    area: Rect,
    lang: crate::i18n::Lang,
) {
    let rows: Vec<Row<'_>> = s
        .vitals
        .iter()
        .rev()
        .take(shown)
        .rev()
        .map(|e| {
            let r = &e.reading;
            // Every reading beyond an alarm limit stands out, not only the
            // one that raised the alarm; "!" marks it without colour.
            let beyond = s.protocol().vitals.alerts.iter().any(|rule| {
                r.get(rule.metric)
                    .is_some_and(|v| rule.breached_by(f64::from(v)))
            });
            let style = if beyond { t.alarm } else { t.text };
            Row::new(vec![
                format!("{}{}", e.at.hhmm(), if beyond { "!" } else { " " }),
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
        .header(
            Row::new(vec![
                crate::say!(lang, "table-time"),
                crate::say!(lang, "table-bp"),
                crate::say!(lang, "table-hr"),
                "SpO₂".to_string(),
            ])
            .style(t.dim),
        )
        .block(
            Block::default()
                .borders(Borders::TOP)
                .border_style(t.border)
                .title(format!(" {} ", crate::say!(lang, "table-vitals-title"))),
        ),
        area,
    );
}

fn trend(
    f: &mut Frame<'_>,
    t: &Theme,
    s: &Session,
    now: &Moment,
    area: Rect,
    lang: crate::i18n::Lang,
) {
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
    let line = |name: String, style, data| {
        Dataset::default()
            .name(name)
            .marker(Marker::Braille)
            .graph_type(GraphType::Line)
            .style(style)
            .data(data)
    };
    let datasets = vec![
        line(crate::say!(lang, "chart-legend-sys"), t.accent, &sys),
        line(crate::say!(lang, "chart-legend-dia"), t.text, &dia),
        line(crate::say!(lang, "chart-legend-hr"), t.warn, &hr),
        line("SpO₂".to_string(), t.ok, &spo2),
    ];
    let chart = Chart::new(datasets)
        .block(
            Block::default()
                .borders(Borders::TOP)
                .border_style(t.border)
                .title(format!(" {} ", crate::say!(lang, "chart-trend-title"))),
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
