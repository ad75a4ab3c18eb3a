//! Pure rendering: the app's state and the moment → a frame. Nothing here
//! changes state or touches the disk.

mod closed;
mod infusion;
mod overlay;
mod phase;
mod session;
mod start;

use super::app::{App, FlashKind, Screen};
use super::keys;
use crate::protocol::dose::num;
use crate::session::Moment;
use ratatui::Frame;
use ratatui::layout::{Alignment, Constraint, Layout, Rect};
use ratatui::text::{Line, Span};
use ratatui::widgets::{Paragraph, Wrap};

/// The smallest terminal kap lays out for.
pub const MIN_WIDTH: u16 = 80;
pub const MIN_HEIGHT: u16 = 24;

/// `mm:ss`, or `h:mm:ss` from an hour on.
pub fn clock_text(ms: i64) -> String {
    let s = ms.max(0) / 1000;
    if s >= 3600 {
        format!("{}:{:02}:{:02}", s / 3600, (s / 60) % 60, s % 60)
    } else {
        format!("{:02}:{:02}", s / 60, s % 60)
    }
}

pub fn draw(f: &mut Frame<'_>, app: &App, now: &Moment) {
    let area = f.area();
    if area.width < MIN_WIDTH || area.height < MIN_HEIGHT {
        too_small(f, app, area);
        return;
    }
    let [header, strip, body, flash, footer] = Layout::vertical([
        Constraint::Length(1),
        Constraint::Length(1),
        Constraint::Min(10),
        Constraint::Length(1),
        Constraint::Length(1),
    ])
    .areas(area);
    draw_header(f, app, now, header);
    match &app.screen {
        Screen::Start(form) => start::draw(f, app, form, strip, body),
        Screen::Session(v) => session::draw(f, app, v, now, strip, body),
        Screen::Closed(c) => closed::draw_closed(f, app, c, body),
    }
    draw_flash(f, app, flash);
    draw_footer(f, app, footer);
    if app.help {
        overlay::help(f, app, body);
    }
    if let Some(m) = &app.modal {
        crate::tui::modal::draw(f, &app.theme, m, body);
    }
}

fn too_small(f: &mut Frame<'_>, app: &App, area: Rect) {
    let msg = format!(
        "Please enlarge the window to at least {MIN_WIDTH}×{MIN_HEIGHT} (it is {}×{}). Your session is saved and carries on.",
        area.width, area.height
    );
    f.render_widget(
        Paragraph::new(msg)
            .style(app.theme.text)
            .wrap(Wrap { trim: true })
            .alignment(Alignment::Center),
        area,
    );
}

fn draw_header(f: &mut Frame<'_>, app: &App, now: &Moment, area: Rect) {
    let t = &app.theme;
    let mut left = vec![Span::raw(" ")];
    let sep = || Span::styled(" │ ", t.border);
    let mut right: Vec<Span<'_>> = Vec::new();
    let open = match &app.screen {
        Screen::Start(_) => None,
        Screen::Session(v) => Some((&v.open, v.open.session.current_phase().title.clone())),
        Screen::Closed(c) => Some((&c.open, "Closed".to_string())),
    };
    match open {
        None => {
            left.push(Span::styled("kap", t.accent));
            left.push(sep());
            left.push(Span::styled(app.protocol.protocol.name.clone(), t.text));
        }
        Some((open, phase_title)) => {
            let s = &open.session;
            left.push(Span::styled(s.start.patient.clone(), t.text));
            left.push(sep());
            left.push(Span::styled(
                format!(
                    "{} {}/{}",
                    s.protocol().protocol.id,
                    s.start.session,
                    s.protocol().course.sessions
                ),
                t.text,
            ));
            left.push(sep());
            left.push(Span::styled(phase_title, t.accent));
        }
    }
    if let Screen::Session(v) = &app.screen {
        match (&v.disk_error, &v.last_saved) {
            (Some(_), _) => right.push(Span::styled(" ✗ NOT SAVED ", t.alarm)),
            (None, Some((_, at))) => right.push(Span::styled(
                format!(" ✓ saved {} ", at.wall.format("%H:%M:%S")),
                t.ok,
            )),
            (None, None) => right.push(Span::styled(" ✓ saved ", t.ok)),
        }
    }
    right.push(Span::styled(
        format!(" {} ", now.wall.format("%H:%M:%S")),
        t.text,
    ));
    if app.rehearsal {
        let speed = app.scaled.as_ref().map_or(1.0, |c| c.speed());
        right.push(Span::styled(
            format!(" REHEARSAL ×{} ", num(speed)),
            t.watermark,
        ));
    }
    let right_w: u16 = right.iter().map(|s| s.width() as u16).sum();
    let [l, r] = Layout::horizontal([Constraint::Min(10), Constraint::Length(right_w)]).areas(area);
    f.render_widget(Paragraph::new(Line::from(left)), l);
    f.render_widget(Paragraph::new(Line::from(right)), r);
}

fn draw_flash(f: &mut Frame<'_>, app: &App, area: Rect) {
    let t = &app.theme;
    let Some(flash) = &app.flash else { return };
    let style = match flash.kind {
        FlashKind::Info => t.text,
        FlashKind::Saved => t.ok,
        FlashKind::Refused => t.warn,
    };
    f.render_widget(
        Paragraph::new(Line::from(Span::styled(format!(" {}", flash.text), style))),
        area,
    );
}

fn draw_footer(f: &mut Frame<'_>, app: &App, area: Rect) {
    let t = &app.theme;
    let mut spans = Vec::new();
    let mut width = 0usize;
    let entries = keys::footer(&app.contexts());
    for (k, label) in entries {
        let piece = format!(" {k} {label} ");
        if width + piece.chars().count() + 1 > area.width as usize {
            break;
        }
        width += piece.chars().count() + 1;
        spans.push(Span::styled(format!(" {k}"), t.accent));
        spans.push(Span::styled(format!(" {label} "), t.dim));
        spans.push(Span::raw(" "));
    }
    f.render_widget(Paragraph::new(Line::from(spans)), area);
}
