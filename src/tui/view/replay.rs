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

pub fn timeline(f: &mut Frame<'_>, t: &Theme, r: &Replay, cursor: usize, area: Rect) {
    let rows = REPLAY_TIMELINE_ROWS;
    let first = cursor
        .saturating_sub(rows / 2)
        .min(r.rows.len().saturating_sub(rows));
    let width = usize::from(area.width.saturating_sub(14)).max(20);
    let mut lines: Vec<Line<'_>> = r
        .rows
        .iter()
        .enumerate()
        .skip(first)
        .take(rows)
        .map(|(i, row)| {
            let mark = if i + 1 == r.shown { "▶" } else { " " };
            let text: String = format!(
                "{mark} {:>8}  #{:<3} {}",
                offset_text(row.at_ms),
                row.seq,
                crate::text::clean_line(&row.text)
            )
            .chars()
            .take(width)
            .collect();
            let style = if i == cursor {
                t.accent.add_modifier(Modifier::REVERSED)
            } else if i < r.shown {
                t.text
            } else {
                t.dim
            };
            Line::from(Span::styled(text, style))
        })
        .collect();
    lines.push(Line::raw(""));
    lines.push(Line::from(Span::styled(
        crate::t!("replay-timeline-hint"),
        t.dim,
    )));
    let h = (lines.len() as u16 + 2).min(area.height);
    let w = area.width.min(100);
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
                .title(format!(" {} ", crate::t!("replay-timeline-title")))
                .border_style(t.accent),
        ),
        rect,
    );
}
