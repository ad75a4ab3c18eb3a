//! The start screen for a visit: the patient and the clinician who holds
//! it, and beside them what the visit is (its kind, how it is held, its
//! length and source) and, for a preparation visit, the checklist as the
//! earlier visits left it.

use super::Ui;
use crate::protocol::{TopicList, VisitKind};
use crate::session::VisitStart;
use crate::tui::app::{CLINICIANS, START_LABELS, StartForm};
use ratatui::Frame;
use ratatui::layout::{Constraint, Layout, Rect};
use ratatui::style::Style;
use ratatui::text::{Line, Span};
use ratatui::widgets::{Block, Paragraph};

pub fn draw(
    f: &mut Frame<'_>,
    ui: &Ui<'_>,
    form: &StartForm,
    v: VisitStart,
    strip: Rect,
    body: Rect,
) {
    let t = &ui.theme;
    let p = &ui.protocol;
    let (kind, protocol) = (v.kind.label(), p.protocol.short().to_string());
    let title = if ui.rehearsal {
        crate::t!(
            "start-title-visit-rehearsal",
            kind = kind,
            protocol = protocol
        )
    } else {
        crate::t!("start-title-visit", kind = kind, protocol = protocol)
    };
    f.render_widget(
        Paragraph::new(Span::styled(format!(" {title}"), t.accent)),
        strip,
    );
    let [fields, info] =
        Layout::horizontal([Constraint::Length(46), Constraint::Min(30)]).areas(body);
    let rows = Layout::vertical([Constraint::Length(3); 2]).split(fields);
    for (area, (i, label)) in rows.iter().zip([
        (0, START_LABELS[0]),
        (CLINICIANS, "start-field-visit-clinician"),
    ]) {
        let mut ta = form.fields[i].clone();
        let focused = i == form.focus;
        ta.set_block(
            Block::bordered()
                .title(format!(" {} ", crate::i18n::tr(label, None)))
                .border_style(if focused { t.accent } else { t.border }),
        );
        ta.set_style(t.text);
        ta.set_cursor_line_style(Style::default());
        if !focused {
            ta.set_cursor_style(t.text);
        }
        f.render_widget(&ta, *area);
    }
    let mut lines = about(ui, v);
    if let Some(err) = &form.error {
        lines.push(Line::from(""));
        lines.push(Line::from(Span::styled(format!(" {err}"), t.warn)));
    }
    lines.push(Line::from(""));
    lines.push(Line::from(Span::styled(
        format!(" {}", crate::t!("start-enter-starts-visit")),
        t.ok,
    )));
    f.render_widget(Paragraph::new(super::hang::hang(lines, info.width)), info);
}

/// What the visit is, as the protocol names it, and the checklist it
/// carries.
fn about(ui: &Ui<'_>, v: VisitStart) -> Vec<Line<'static>> {
    let t = &ui.theme;
    let mut lines = Vec::new();
    let Some(def) = ui.protocol.visit(v.kind) else {
        return lines;
    };
    lines.push(Line::from(Span::styled(
        format!(" {} · {}", def.title, v.contact.label()),
        t.accent,
    )));
    let mut about = def.source.clone();
    if let Some(m) = def.minutes {
        about = format!(
            "{about} · {}",
            crate::t!("visit-minutes", min = m.min, max = m.max)
        );
    }
    lines.push(Line::from(Span::styled(format!(" {about}"), t.dim)));
    if v.kind == VisitKind::Preparation {
        let earlier: Vec<_> = ui.course.visits.iter().collect();
        lines.push(Line::from(""));
        for item in crate::session::visits::checklist(ui.protocol, TopicList::Preparation, &earlier)
        {
            lines.push(Line::from(match item.done {
                Some(d) => Span::styled(
                    format!(
                        " [x] {} — {}",
                        item.text,
                        crate::t!("visit-done-in", number = d.number)
                    ),
                    t.dim,
                ),
                None => Span::styled(format!(" [ ] {}", item.text), t.text),
            }));
        }
    }
    lines
}
