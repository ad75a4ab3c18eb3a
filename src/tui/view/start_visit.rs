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
    let lang = ui.lang;
    let t = &ui.theme;
    let p = &ui.protocol;
    let (kind, protocol) = (v.kind.label().say(lang), p.protocol.short().to_string());
    let title = if ui.rehearsal {
        crate::say!(
            lang,
            "start-title-visit-rehearsal",
            kind = kind,
            protocol = protocol
        )
    } else {
        crate::say!(lang, "start-title-visit", kind = kind, protocol = protocol)
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
                .title(format!(" {} ", crate::i18n::text(lang, label, None)))
                .border_style(if focused { t.accent } else { t.border }),
        );
        ta.set_style(t.text);
        ta.set_cursor_line_style(Style::default());
        if !focused {
            ta.set_cursor_style(t.text);
        }
        f.render_widget(&ta, *area);
    }
    // What the visit is, what stops it starting, how to start it, then
    // the checklist it carries (which may run past the pane's foot).
    let mut lines = about(ui, v);
    if let Some(err) = &form.error {
        lines.push(Line::from(""));
        lines.push(Line::from(Span::styled(format!(" {err}"), t.warn)));
    }
    lines.push(Line::from(""));
    lines.push(Line::from(Span::styled(
        format!(" {}", crate::say!(lang, "start-enter-starts-visit")),
        t.ok,
    )));
    lines.extend(checklist(ui, v));
    f.render_widget(Paragraph::new(super::hang::hang(lines, info.width)), info);
}

/// What the visit is, as the protocol names it.
fn about(ui: &Ui<'_>, v: VisitStart) -> Vec<Line<'static>> {
    let lang = ui.lang;
    let t = &ui.theme;
    let mut lines = Vec::new();
    let Some(def) = ui.protocol.visit(v.kind) else {
        return lines;
    };
    lines.push(Line::from(Span::styled(
        format!(" {} · {}", def.title, v.contact.label().say(lang)),
        t.accent,
    )));
    let mut about = def.source.clone();
    if let Some(m) = def.minutes {
        about = format!(
            "{about} · {}",
            crate::say!(lang, "visit-minutes", min = m.min, max = m.max)
        );
    }
    lines.push(Line::from(Span::styled(format!(" {about}"), t.dim)));
    lines
}

/// What the start form says of the visit beside its fields, as sentences
/// (for the screen-reader mode).
pub fn said(ui: &Ui<'_>, v: VisitStart) -> Vec<String> {
    about(ui, v)
        .into_iter()
        .chain(checklist(ui, v))
        .map(|l| l.to_string().trim().to_string())
        .filter(|l| !l.is_empty())
        .collect()
}

/// The preparation checklist as the earlier visits left it, in one line
/// (the visit's screen lists each item, in order, with the visit that did
/// it).
fn checklist(ui: &Ui<'_>, v: VisitStart) -> Vec<Line<'static>> {
    let lang = ui.lang;
    if v.kind != VisitKind::Preparation {
        return Vec::new();
    }
    let earlier: Vec<_> = ui.course.visits.iter().collect();
    let list = crate::session::visits::checklist(ui.protocol, TopicList::Preparation, &earlier);
    let done = list.iter().filter(|i| i.done.is_some()).count();
    let visits = earlier
        .iter()
        .filter(|s| s.start.visit_kind() == Some(VisitKind::Preparation))
        .count();
    vec![
        Line::from(""),
        Line::from(Span::styled(
            format!(
                " {}",
                crate::say!(
                    lang,
                    "visit-checklist-count",
                    visits = visits,
                    done = done,
                    total = list.len()
                )
            ),
            if done == list.len() {
                ui.theme.ok
            } else {
                ui.theme.text
            },
        )),
    ]
}
