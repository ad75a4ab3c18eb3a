//! A course's outcome measures drawn with ratatui's Chart (`kap course
//! --chart`): one chart a measure, the totals across the administrations
//! (numbered by session on the x axis), the response threshold (the
//! baseline less the protocol's percentage) and the remission threshold
//! as lines, each with its own marker so the chart reads without colour.
//! Pure: measures and an area in, a buffer out.

use crate::record::outcome_words::{MeasureCourse, verdict};
use ratatui::buffer::Buffer;
use ratatui::layout::{Constraint, Layout, Rect};
use ratatui::symbols::Marker;
use ratatui::widgets::{Axis, Block, Borders, Chart, Dataset, GraphType, LegendPosition, Widget};

/// The measures with answers, one chart each, stacked in `area`.
pub fn draw(buf: &mut Buffer, area: Rect, measures: &[MeasureCourse], lang: crate::i18n::Lang) {
    let shown: Vec<&MeasureCourse> = measures.iter().filter(|m| !m.given.is_empty()).collect();
    if shown.is_empty() {
        return;
    }
    let rows = Layout::vertical(vec![Constraint::Fill(1); shown.len()]).split(area);
    for (m, row) in shown.into_iter().zip(rows.iter()) {
        chart(buf, *row, m, lang);
    }
}

/// The points' x (administration number, from 0) and total.
fn totals(m: &MeasureCourse) -> Vec<(f64, f64)> {
    m.trend
        .points
        .iter()
        .enumerate()
        .map(|(i, p)| (i as f64, f64::from(p.total)))
        .collect()
}

/// A horizontal line at `y` across the chart.
fn level(last: f64, y: f64) -> Vec<(f64, f64)> {
    vec![(0.0, y), (last.max(1.0), y)]
}

fn chart(buf: &mut Buffer, area: Rect, m: &MeasureCourse, lang: crate::i18n::Lang) {
    let points = totals(m);
    let last = points.len().saturating_sub(1) as f64;
    let max = f64::from(m.max_total.max(1));
    let base = m.trend.baseline().map(|b| f64::from(b.total));
    let response = m.response.as_ref().zip(base).map(|(r, b)| {
        level(
            last,
            b * f64::from(100 - r.reduction_over_percent.min(100)) / 100.0,
        )
    });
    let remission = m
        .remission
        .as_ref()
        .map(|r| level(last, f64::from(r.below) - 0.5));
    let mut datasets = Vec::new();
    if let Some(r) = &response {
        datasets.push(
            Dataset::default()
                .name(format!("• {}", crate::say!(lang, "outcome-chart-response")))
                .marker(Marker::Dot)
                .graph_type(GraphType::Line)
                .data(r),
        );
    }
    if let Some(r) = &remission {
        datasets.push(
            Dataset::default()
                .name(format!(
                    "▄ {}",
                    crate::say!(lang, "outcome-chart-remission")
                ))
                .marker(Marker::Bar)
                .graph_type(GraphType::Line)
                .data(r),
        );
    }
    datasets.push(
        Dataset::default()
            .name(format!("⠤ {}", crate::say!(lang, "outcome-chart-total")))
            .marker(Marker::Braille)
            .graph_type(GraphType::Line)
            .data(&points),
    );
    let labels: Vec<String> = match m.trend.points.as_slice() {
        [] => Vec::new(),
        [only] => vec![only.session.to_string()],
        [first, .., end] => vec![first.session.to_string(), end.session.to_string()],
    };
    let title = format!(" {} · {} ", m.name, verdict(m, lang));
    Chart::new(datasets)
        .block(Block::default().borders(Borders::TOP).title(title))
        .legend_position(Some(LegendPosition::TopRight))
        .hidden_legend_constraints((Constraint::Ratio(1, 2), Constraint::Ratio(1, 2)))
        .x_axis(
            Axis::default()
                .title(crate::say!(lang, "outcome-chart-sessions"))
                .bounds([0.0, last.max(1.0)])
                .labels(labels),
        )
        .y_axis(
            Axis::default()
                .bounds([0.0, max])
                .labels(["0".to_string(), m.max_total.to_string()]),
        )
        .render(area, buf);
}

/// The charts at `width`×`height` as text lines, for `kap course --chart`.
pub fn text(
    measures: &[MeasureCourse],
    width: u16,
    height: u16,
    lang: crate::i18n::Lang,
) -> Vec<String> {
    let area = Rect::new(0, 0, width, height);
    let mut buf = Buffer::empty(area);
    draw(&mut buf, area, measures, lang);
    (0..height)
        .map(|y| {
            (0..width)
                .map(|x| buf[(x, y)].symbol().to_string())
                .collect::<String>()
                .trim_end()
                .to_string()
        })
        .collect()
}
