//! A replay's timeline: every entry of the journal with its time from the
//! first, the one on screen marked; Enter jumps to the highlighted one.

use crate::tui::replay::{Replay, offset_text};
use crate::tui::theme::Theme;
use ratatui::Frame;
use ratatui::layout::Rect;
use ratatui::style::Modifier;
use ratatui::text::{Line, Span};
use ratatui::widgets::{Block, Clear, Paragraph};

/// Rows the timeline shows at once (fits 80×24 with its frame and hint).
pub const REPLAY_TIMELINE_ROWS: usize = 12;

pub fn timeline(
    f: &mut Frame<'_>,
    t: &Theme,
    r: &Replay,
    cursor: usize,
    area: Rect,
    lang: crate::i18n::Lang,
) {
    let rows = REPLAY_TIMELINE_ROWS;
    let first = cursor
        .saturating_sub(rows / 2)
        .min(r.rows.len().saturating_sub(rows));
    let w = area.width.min(100);
    // Inside the border: an entry uses the whole width, the highlighted
    // one wraps (under its text, up to three rows) so it can be read in
    // full, and any other too long ends in "…".
    let inner = w.saturating_sub(2).max(20);
    let mut lines: Vec<Line<'_>> = Vec::new();
    for (i, row) in r.rows.iter().enumerate().skip(first).take(rows) {
        let mark = if i + 1 == r.shown { "▶" } else { " " };
        let text = format!(
            "{mark} {:>8}  #{:<3} {}",
            offset_text(row.at_ms),
            row.seq,
            crate::text::clean_line(&row.text)
        );
        let style = if i == cursor {
            t.accent.add_modifier(Modifier::REVERSED)
        } else if i < r.shown {
            t.text
        } else {
            t.dim
        };
        let mut wrapped = super::hang::hang_line(Line::from(Span::styled(text, style)), inner);
        let keep = if i == cursor { 3 } else { 1 };
        if wrapped.len() > keep {
            wrapped.truncate(keep);
            if let Some(last) = wrapped.last_mut() {
                let used: usize = last.spans.iter().map(Span::width).sum();
                if used < usize::from(inner) {
                    last.spans.push(Span::styled("…", style));
                } else {
                    super::ellipsize_last(&mut last.spans, usize::from(inner) - 1);
                }
            }
        }
        lines.extend(wrapped);
    }
    lines.push(Line::raw(""));
    lines.push(Line::from(Span::styled(
        crate::say!(lang, "replay-timeline-hint"),
        t.dim,
    )));
    let h = (lines.len() as u16 + 2).min(area.height);
    let rect = Rect {
        x: area.x + (area.width - w) / 2,
        y: area.y,
        width: w,
        height: h,
    };
    f.render_widget(Clear, rect);
    f.render_widget(
        Paragraph::new(lines).block(
            Block::bordered()
                .title(format!(" {} ", crate::say!(lang, "replay-timeline-title")))
                .border_style(t.accent),
        ),
        rect,
    );
}
