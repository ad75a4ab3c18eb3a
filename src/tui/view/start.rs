//! The start screen: patient, course session and weight → the dose, with
//! its arithmetic, checked against the session's range.

use super::Ui;
use crate::protocol::dose::num;
use crate::tui::app::{START_LABELS, StartForm};
use ratatui::Frame;
use ratatui::layout::{Constraint, Layout, Rect};
use ratatui::style::Style;
use ratatui::text::{Line, Span};
use ratatui::widgets::{Block, Paragraph, Wrap};

pub fn draw(f: &mut Frame<'_>, ui: &Ui<'_>, form: &StartForm, strip: Rect, body: Rect) {
    let t = &ui.theme;
    let p = &ui.protocol;
    f.render_widget(
        Paragraph::new(Span::styled(
            format!(
                " New {} — {} ({} session{})",
                if ui.rehearsal { "rehearsal" } else { "session" },
                p.protocol.name,
                p.course.sessions,
                if p.course.sessions == 1 { "" } else { "s" }
            ),
            t.accent,
        )),
        strip,
    );
    let [fields, info] =
        Layout::horizontal([Constraint::Length(46), Constraint::Min(30)]).areas(body);
    let rows =
        Layout::vertical([Constraint::Length(3); crate::tui::app::START_FIELDS]).split(fields);
    for (i, area) in rows.iter().enumerate() {
        let mut ta = form.fields[i].clone();
        let focused = i == form.focus;
        ta.set_block(
            Block::bordered()
                .title(format!(" {} ", START_LABELS[i]))
                .border_style(if focused { t.accent } else { t.border }),
        );
        ta.set_style(t.text);
        ta.set_cursor_line_style(Style::default());
        if !focused {
            ta.set_cursor_style(t.text);
        }
        f.render_widget(&ta, *area);
    }

    let mut lines: Vec<Line<'_>> = Vec::new();
    let preview = ui.start.as_ref();
    match preview.map(|p| &p.dose).unwrap_or(&Err(String::new())) {
        Ok((start, plan)) => {
            let rule = p.dose_rule(start.session);
            lines.push(Line::from(Span::styled(
                format!(
                    " {}: {} mg {}",
                    p.session_title(start.session),
                    num(plan.dose_mg),
                    plan.route.label()
                ),
                t.accent,
            )));
            if let Some(l) = rule.and_then(|r| r.label.as_ref()) {
                lines.push(Line::from(Span::styled(format!(" {l}"), t.dim)));
            }
            for a in plan.arithmetic() {
                lines.push(Line::from(Span::styled(format!("   {a}"), t.text)));
            }
            lines.push(Line::from(""));
            lines.push(Line::from(Span::styled(" Enter starts the session.", t.ok)));
        }
        Err(e) => {
            lines.push(Line::from(Span::styled(format!(" {e}"), t.dim)));
            if let Some(n) = text_session(form)
                && let Some(r) = p.dose_rule(n)
                && let Some(d) = &r.mg_per_kg
            {
                let range = if d.min == d.max {
                    format!("{} mg/kg", num(d.min))
                } else {
                    format!(
                        "{}–{} mg/kg{}",
                        num(d.min),
                        num(d.max),
                        d.default
                            .map(|x| format!(", default {}", num(x)))
                            .unwrap_or_default()
                    )
                };
                lines.push(Line::from(Span::styled(
                    format!(" Session {n}: {range}"),
                    t.text,
                )));
            }
        }
    }
    // The course so far and the date window for this session.
    if !ui.course.held.is_empty() {
        let held: Vec<String> = ui.course.held.iter().map(u32::to_string).collect();
        lines.push(Line::from(""));
        lines.push(Line::from(Span::styled(
            format!(" Course so far: session {} held", held.join(", ")),
            t.text,
        )));
        if let Some(n) = text_session(form)
            && ui.course.held.contains(&n)
        {
            lines.push(Line::from(Span::styled(
                format!(" Session {n} has already been held."),
                t.warn,
            )));
        }
        if let Some((w, fit)) = preview.and_then(|p| p.window.as_ref()) {
            use crate::session::course::Fit;
            let (text, style) = match fit {
                Fit::OnTarget => (format!(" Today is on target: {}", w.describe()), t.ok),
                Fit::InWindow => (
                    format!(" Today is allowed but off target: {}", w.describe()),
                    t.text,
                ),
                Fit::TooEarly(d) => (
                    format!(
                        " Today is {d} day(s) too early — {} — a reason will be asked",
                        w.describe()
                    ),
                    t.warn,
                ),
                Fit::TooLate(d) => (
                    format!(
                        " Today is {d} day(s) late — {} — a reason will be asked",
                        w.describe()
                    ),
                    t.warn,
                ),
            };
            lines.push(Line::from(Span::styled(text, style)));
        }
    }
    if let Some(err) = &form.error {
        lines.push(Line::from(""));
        lines.push(Line::from(Span::styled(format!(" {err}"), t.warn)));
    }
    if !p.site.is_reviewed() {
        lines.push(Line::from(""));
        lines.push(Line::from(Span::styled(
            " The site has not signed off this protocol's alarm limits and other site-set values.",
            t.warn,
        )));
    }
    if let Some(l) = &form.resumable {
        lines.push(Line::from(""));
        lines.push(Line::from(Span::styled(
            format!(
                " Unfinished: session {} started {} ({} entries). Ctrl-R resumes it.",
                l.start.session,
                l.started.wall.format("%d %b %H:%M"),
                l.events
            ),
            t.warn,
        )));
    }
    f.render_widget(Paragraph::new(lines).wrap(Wrap { trim: false }), info);
}

fn text_session(form: &StartForm) -> Option<u32> {
    form.fields[1].lines().join("").trim().parse().ok()
}
