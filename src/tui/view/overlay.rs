//! Help and the small dialogs that float over the screen.

use crate::tui::app::{App, Modal, NOTE_TAGS};
use crate::tui::keys;
use ratatui::Frame;
use ratatui::layout::Rect;
use ratatui::style::Style;
use ratatui::text::{Line, Span};
use ratatui::widgets::{Block, Clear, Paragraph, Wrap};

fn centered(area: Rect, w: u16, h: u16) -> Rect {
    let w = w.min(area.width);
    let h = h.min(area.height);
    Rect {
        x: area.x + (area.width - w) / 2,
        y: area.y + (area.height - h) / 2,
        width: w,
        height: h,
    }
}

/// Every binding of the key table, grouped by where it applies, one line
/// each: the lines help pages through.
pub fn help_lines(t: &crate::tui::theme::Theme) -> Vec<Line<'static>> {
    let mut lines = Vec::new();
    for &ctx in keys::HELP_ORDER {
        let group: Vec<_> = keys::shown().filter(|b| b.ctx == ctx).collect();
        if group.is_empty() {
            continue;
        }
        lines.push(Line::from(Span::styled(keys::title(ctx), t.accent)));
        for b in group {
            lines.push(Line::from(vec![
                Span::styled(format!("  {:<9}", b.shown), t.text),
                Span::styled(b.label, t.dim),
            ]));
        }
    }
    lines
}

pub fn help(f: &mut Frame<'_>, app: &App, area: Rect) {
    let t = &app.theme;
    let all = help_lines(t);
    let (per_page, pages) = keys::help_pages(area.height);
    let page = app.help_page.min(pages - 1);
    let mut lines: Vec<Line<'_>> = all
        .into_iter()
        .skip(page * per_page)
        .take(per_page)
        .collect();
    while lines.len() < per_page {
        lines.push(Line::raw(""));
    }
    lines.push(Line::from(Span::styled(
        if pages > 1 {
            format!(
                "page {} of {} · PgDn/Space next · PgUp back · any other key closes",
                page + 1,
                pages
            )
        } else {
            "any key closes this help".to_string()
        },
        t.dim,
    )));
    let r = centered(area, 78, area.height);
    f.render_widget(Clear, r);
    f.render_widget(
        Paragraph::new(lines).block(Block::bordered().title(" Keys ").border_style(t.accent)),
        r,
    );
}

pub fn modal(f: &mut Frame<'_>, app: &App, m: &Modal, area: Rect) {
    let t = &app.theme;
    let (title, mut lines, input): (
        String,
        Vec<Line<'_>>,
        Option<&ratatui_textarea::TextArea<'static>>,
    ) = match m {
        Modal::ConfirmQuit => (
            " Leave kap? ".into(),
            vec![
                Line::from(Span::styled(
                    "Everything saved stays saved; an open session can be resumed.",
                    t.text,
                )),
                Line::from(Span::styled("y leave · n stay", t.accent)),
            ],
            None,
        ),
        Modal::ConfirmDiscard => (
            " Unsaved text ".into(),
            vec![
                Line::from(Span::styled(
                    "The answer has changes that are not saved.",
                    t.text,
                )),
                Line::from(Span::styled(
                    "y save · n discard · Esc keep editing",
                    t.accent,
                )),
            ],
            None,
        ),
        Modal::Reason {
            purpose,
            input,
            armed,
        } => (
            format!(" {} ", purpose.title()),
            vec![Line::from(Span::styled(
                if *armed {
                    "Esc again discards what you typed · Enter saves"
                } else {
                    "Enter saves · Esc cancels"
                },
                if *armed { t.warn } else { t.dim },
            ))],
            Some(input),
        ),
        Modal::Ack {
            alert,
            input,
            armed,
        } => {
            let mut l = Vec::new();
            if let Some(a) = app_alert(app, *alert) {
                l.push(Line::from(Span::styled(a.0, t.warn)));
                l.push(Line::from(Span::styled(format!("→ {}", a.1), t.text)));
            }
            l.push(Line::from(Span::styled(
                if *armed {
                    "Esc again discards what you typed · Enter acknowledges"
                } else {
                    "What was done (optional), then Enter"
                },
                if *armed { t.warn } else { t.dim },
            )));
            (format!(" Acknowledge alert {alert} "), l, Some(input))
        }
        Modal::Note {
            input,
            typing,
            armed,
        } => {
            let mut l = Vec::new();
            if !typing {
                let tags: Vec<String> = NOTE_TAGS
                    .iter()
                    .enumerate()
                    .map(|(i, t)| format!("{} {t}", i + 1))
                    .collect();
                l.push(Line::from(Span::styled(tags.join(" · "), t.text)));
                l.push(Line::from(Span::styled(
                    "a number saves that tag now · type for a free note",
                    t.dim,
                )));
            } else {
                l.push(Line::from(Span::styled(
                    if *armed {
                        "Esc again discards · Enter saves"
                    } else {
                        "Enter saves · Esc cancels"
                    },
                    if *armed { t.warn } else { t.dim },
                )));
            }
            (" Note at this minute ".into(), l, Some(input))
        }
        Modal::Value {
            prompt,
            input,
            armed,
        } => {
            let l = vec![
                Line::from(Span::styled(crate::protocol::values::hint(prompt), t.text)),
                Line::from(Span::styled(
                    if *armed {
                        "Esc again discards · Enter saves"
                    } else {
                        "Enter saves · Esc cancels"
                    },
                    if *armed { t.warn } else { t.dim },
                )),
            ];
            (format!(" {} ", prompt.text), l, Some(input))
        }
        Modal::Music { options, selected } => {
            let l = options
                .iter()
                .enumerate()
                .map(|(i, o)| {
                    Line::from(Span::styled(
                        format!("{} {}", if i == *selected { "›" } else { " " }, o.label),
                        if i == *selected { t.selected } else { t.text },
                    ))
                })
                .collect();
            (
                " Music or support (Enter chooses, p previews, Esc cancels) ".into(),
                l,
                None,
            )
        }
    };
    let h = lines.len() as u16 + if input.is_some() { 5 } else { 2 };
    let r = centered(area, 72, h);
    f.render_widget(Clear, r);
    let block = Block::bordered().title(title).border_style(t.accent);
    let inner = block.inner(r);
    f.render_widget(block, r);
    if let Some(input) = input {
        let mut ta = input.clone();
        ta.set_block(Block::bordered().border_style(t.border));
        ta.set_style(t.text);
        ta.set_cursor_line_style(Style::default());
        let ia = Rect { height: 3, ..inner };
        f.render_widget(&ta, ia);
        let rest = Rect {
            y: inner.y + 3,
            height: inner.height.saturating_sub(3),
            ..inner
        };
        lines.truncate(rest.height as usize);
        f.render_widget(Paragraph::new(lines).wrap(Wrap { trim: false }), rest);
    } else {
        f.render_widget(Paragraph::new(lines).wrap(Wrap { trim: false }), inner);
    }
}

fn app_alert(app: &App, id: u32) -> Option<(String, String)> {
    match &app.screen {
        crate::tui::app::Screen::Session(v) => v
            .open
            .session
            .alerts
            .get(id)
            .map(|a| (a.headline(), a.action.clone())),
        _ => None,
    }
}
