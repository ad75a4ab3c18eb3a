//! The help overlay (dialogs draw themselves: `tui::modal`).

use super::Ui;
use crate::tui::keys;
use ratatui::Frame;
use ratatui::layout::Rect;
use ratatui::text::{Line, Span};
use ratatui::widgets::{Block, Clear, Paragraph};

fn centered(area: Rect, w: u16, h: u16) -> Rect {
    let w = w.min(area.width);
    Rect {
        x: area.x + (area.width - w) / 2,
        y: area.y,
        width: w,
        height: h.min(area.height),
    }
}

/// Every binding of the key table, grouped by where it applies, one line
/// each: the lines help pages through.
pub fn help_lines(
    t: &crate::tui::theme::Theme,
    width: u16,
    lang: crate::i18n::Lang,
) -> Vec<Line<'static>> {
    let mut lines = Vec::new();
    for (k, text) in keys::help_entries(lang) {
        match k {
            None => lines.push(Line::from(Span::styled(text, t.accent))),
            Some(k) => {
                let head = keys::help_line(&k, "");
                let line = Line::from(vec![Span::styled(head, t.text), Span::styled(text, t.dim)]);
                lines.extend(super::hang::hang_line(line, width));
            }
        }
    }
    lines
}

pub fn help(f: &mut Frame<'_>, ui: &Ui<'_>, page: usize, area: Rect) {
    let lang = ui.lang;
    let t = &ui.theme;
    let width = keys::help_inner_width(area.width);
    let all = help_lines(t, width, lang);
    let (per_page, starts) = keys::help_page_starts(area.height, area.width, lang);
    let pages = starts.len();
    let page = page.min(pages - 1);
    let from = starts[page];
    let to = starts.get(page + 1).copied().unwrap_or(usize::MAX);
    let mut lines: Vec<Line<'_>> = all
        .into_iter()
        .skip(from)
        .take(to.saturating_sub(from).min(per_page))
        .collect();
    while lines.len() < per_page {
        lines.push(Line::raw(""));
    }
    let foot = Line::from(Span::styled(
        if pages > 1 {
            crate::say!(lang, "help-page", page = page + 1, pages = pages)
        } else {
            crate::say!(lang, "help-any-key-closes")
        },
        t.dim,
    ));
    // The page line wraps too (help_pages left it its rows).
    lines.extend(super::hang::hang_line(foot, width));
    let r = centered(area, keys::HELP_WIDTH, area.height);
    f.render_widget(Clear, r);
    f.render_widget(
        Paragraph::new(lines).block(
            Block::bordered()
                .title(format!(" {} ", crate::say!(lang, "help-title")))
                .border_style(t.accent),
        ),
        r,
    );
}
