//! The closed session: where the summary and the trainee report went.

use super::Ui;
use crate::tui::app::ClosedView;
use ratatui::Frame;
use ratatui::layout::Rect;
use ratatui::text::{Line, Span};
use ratatui::widgets::Paragraph;

pub fn draw_closed(f: &mut Frame<'_>, ui: &Ui<'_>, c: &ClosedView, body: Rect) {
    let lang = ui.lang;
    let t = &ui.theme;
    let s = &c.open.session;
    let mut lines = vec![
        Line::from(""),
        Line::from(Span::styled(
            match s.closed.as_ref().and_then(|x| x.abandoned.as_ref()) {
                Some(r) => format!(
                    " {}",
                    crate::say!(lang, "closed-ended-early", reason = r.clone())
                ),
                None => format!(" {}", crate::say!(lang, "closed-closed")),
            },
            t.accent,
        )),
        Line::from(Span::styled(signed_line(s, lang), t.text)),
        Line::from(Span::styled(
            format!(
                " {}",
                crate::say!(
                    lang,
                    "closed-record",
                    path = c.open.dir.display().to_string()
                )
            ),
            t.text,
        )),
    ];
    match &c.summary {
        Ok(p) => lines.push(Line::from(Span::styled(
            format!(
                " {}",
                crate::say!(lang, "closed-summary", path = p.display().to_string())
            ),
            t.text,
        ))),
        Err(e) => lines.push(Line::from(Span::styled(
            format!(
                " {}",
                crate::say!(lang, "closed-summary-failed", error = e.to_string())
            ),
            t.alarm,
        ))),
    }
    lines.push(Line::from(Span::styled(
        format!(
            " {}",
            crate::say!(
                lang,
                "closed-counts",
                vitals = s.vitals.len(),
                notes = s.notes.len(),
                alerts = s.alerts.alerts.len(),
                given = s.delivered(&ui.now).text().say(lang)
            )
        ),
        t.text,
    )));
    if let Some((summary, written)) = &c.report {
        lines.push(Line::from(""));
        lines.push(Line::from(Span::styled(
            format!(" {}", crate::say!(lang, "closed-trainee-report")),
            t.accent,
        )));
        lines.push(Line::from(Span::styled(format!(" {summary}"), t.text)));
        match written {
            Ok(p) => lines.push(Line::from(Span::styled(
                format!(
                    " {}",
                    crate::say!(lang, "closed-report", path = p.display().to_string())
                ),
                t.text,
            ))),
            Err(e) => lines.push(Line::from(Span::styled(
                format!(
                    " {}",
                    crate::say!(lang, "closed-report-failed", error = e.to_string())
                ),
                t.alarm,
            ))),
        }
    }
    lines.push(Line::from(""));
    lines.push(Line::from(Span::styled(
        format!(" {}", crate::say!(lang, "closed-press-q")),
        t.dim,
    )));
    f.render_widget(Paragraph::new(super::hang::hang(lines, body.width)), body);
}

/// " Signed by A. Martin, RN at 10:32 · 1 addendum".
fn signed_line(s: &crate::session::Session, lang: crate::i18n::Lang) -> String {
    let closing = s.log().iter().rev().find(|e| {
        matches!(
            e.event,
            crate::session::Event::Closed | crate::session::Event::Abandoned { .. }
        )
    });
    let mut out = match closing {
        Some(e) => format!(
            " {}",
            crate::say!(
                lang,
                "closed-signed-by",
                who = e
                    .stamp
                    .by
                    .clone()
                    .unwrap_or_else(|| crate::say!(lang, "no-clinician-named")),
                at = e.at.hhmm()
            )
        ),
        None => String::new(),
    };
    for c in &s.co_signatures {
        out.push_str(&format!(
            " · {}",
            crate::say!(
                lang,
                "closed-co-signed",
                who = c.clinician.clone(),
                at = c.at.hhmm()
            )
        ));
    }
    if !s.addenda.is_empty() {
        out.push_str(&format!(
            " · {}",
            crate::say!(lang, "closed-addenda", count = s.addenda.len())
        ));
    }
    out
}
