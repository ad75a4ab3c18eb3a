//! The closed session: where the summary and the trainee report went.

use super::Ui;
use crate::tui::app::ClosedView;
use ratatui::Frame;
use ratatui::layout::Rect;
use ratatui::text::{Line, Span};
use ratatui::widgets::{Paragraph, Wrap};

pub fn draw_closed(f: &mut Frame<'_>, ui: &Ui<'_>, c: &ClosedView, body: Rect) {
    let t = &ui.theme;
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
        Line::from(Span::styled(signed_line(s), t.text)),
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
            " {} vitals sets · {} notes · {} alerts · given {}",
            s.vitals.len(),
            s.notes.len(),
            s.alerts.alerts.len(),
            s.delivered(&ui.now).text()
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

/// " Signed by A. Martin, RN at 10:32 · 1 addendum".
fn signed_line(s: &crate::session::Session) -> String {
    let closing = s.log().iter().rev().find(|e| {
        matches!(
            e.event,
            crate::session::Event::Closed | crate::session::Event::Abandoned { .. }
        )
    });
    let mut out = match closing {
        Some(e) => format!(
            " Signed by {} at {}",
            e.stamp.by.as_deref().unwrap_or("(no clinician named)"),
            e.at.hhmm()
        ),
        None => String::new(),
    };
    if !s.addenda.is_empty() {
        out.push_str(&format!(" · {} addendum(s)", s.addenda.len()));
    }
    out
}
