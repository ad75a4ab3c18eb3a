//! The course report's charts, as inline SVG that prints in greyscale:
//! one value per session along the course (a line of marked points, or
//! bars), with reference lines (a measure's baseline, response and
//! remission thresholds) drawn as dashes and dots of their own, never told
//! apart by colour alone.

use super::svg::{Anchor, Linear, Shape, Svg, nice_step, ticks, widen};

/// How the values are drawn.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum Kind {
    /// Points joined by a line (a score across the course).
    Line,
    /// A bar per session (a dose, a count).
    Bars,
}

/// A horizontal reference line and what it means.
#[derive(Debug, Clone, PartialEq)]
pub struct Reference {
    pub value: f64,
    pub label: String,
    /// `dash` (response), `dot` (remission) or `base` (baseline).
    pub style: &'static str,
}

/// One chart: a value (or none) per session, in course order.
#[derive(Debug, Clone, PartialEq)]
pub struct SessionChart {
    /// Unique in the page: the chart's title and description ids.
    pub id: String,
    pub title: String,
    pub desc: String,
    pub kind: Kind,
    /// The session's label under its column, and its value.
    pub columns: Vec<(String, Option<f64>)>,
    /// The axis runs from 0 to at least this.
    pub max: f64,
    /// The values are counts: the axis is marked in whole numbers.
    pub whole: bool,
    pub references: Vec<Reference>,
}

const W: f64 = 720.0;
const LEFT: f64 = 48.0;
const RIGHT: f64 = 150.0;
const TOP: f64 = 26.0;
const PLOT_H: f64 = 150.0;
const BOTTOM: f64 = 34.0;

/// The chart as an `<svg>`.
pub fn svg(c: &SessionChart) -> String {
    let mut g = Svg::with_ids(W, TOP + PLOT_H + BOTTOM, &c.title, &c.desc, &c.id);
    let highest = c
        .columns
        .iter()
        .filter_map(|(_, v)| *v)
        .chain(c.references.iter().map(|r| r.value))
        .fold(c.max, f64::max)
        .max(1.0);
    let step = if c.whole {
        nice_step(highest, 5).max(1.0)
    } else {
        nice_step(highest, 5)
    };
    let (_, top) = widen(0.0, highest, step);
    let y = Linear::new((0.0, top), (TOP + PLOT_H, TOP));
    let plot_w = W - LEFT - RIGHT;
    g.rect(LEFT, TOP, plot_w, PLOT_H, "plot", None);
    for t in ticks(0.0, top, step) {
        g.line(LEFT, y.map(t), LEFT + plot_w, y.map(t), "hgrid");
        g.text(
            LEFT - 6.0,
            y.map(t) + 4.0,
            Anchor::End,
            "small",
            &crate::i18n::num(t),
        );
    }
    g.text(LEFT, TOP - 10.0, Anchor::Start, "panel-title", &c.title);
    let n = c.columns.len().max(1) as f64;
    let slot = plot_w / n;
    let x = |i: usize| LEFT + slot * (i as f64 + 0.5);
    for (i, (label, _)) in c.columns.iter().enumerate() {
        g.text(x(i), TOP + PLOT_H + 16.0, Anchor::Middle, "small", label);
    }
    for r in &c.references {
        let at = y.map_clamped(r.value);
        g.line(LEFT, at, LEFT + plot_w, at, &format!("ref ref-{}", r.style));
        g.text_fit(
            (LEFT + plot_w + 6.0, at + 4.0),
            Anchor::Start,
            "tiny",
            &r.label,
            10.0,
            RIGHT - 10.0,
        );
    }
    match c.kind {
        Kind::Bars => bars(&mut g, c, &y, slot, &x),
        Kind::Line => line(&mut g, c, &y, &x),
    }
    g.finish()
}

fn bars(g: &mut Svg, c: &SessionChart, y: &Linear, slot: f64, x: &dyn Fn(usize) -> f64) {
    let w = (slot * 0.5).min(36.0);
    for (i, (label, v)) in c.columns.iter().enumerate() {
        let Some(v) = v else {
            g.text(x(i), y.map(0.0) - 4.0, Anchor::Middle, "tiny", "—");
            continue;
        };
        let tip = format!("{label}: {}", crate::i18n::num(*v));
        g.rect(
            x(i) - w / 2.0,
            y.map(*v),
            w,
            y.map(0.0) - y.map(*v),
            "bar",
            Some(&tip),
        );
        g.text(
            x(i),
            y.map(*v) - 4.0,
            Anchor::Middle,
            "tiny",
            &crate::i18n::num(*v),
        );
    }
}

fn line(g: &mut Svg, c: &SessionChart, y: &Linear, x: &dyn Fn(usize) -> f64) {
    let points: Vec<(usize, f64)> = c
        .columns
        .iter()
        .enumerate()
        .filter_map(|(i, (_, v))| v.map(|v| (i, v)))
        .collect();
    let joined: Vec<(f64, f64)> = points.iter().map(|(i, v)| (x(*i), y.map(*v))).collect();
    g.polyline(&joined, "line score");
    for (i, v) in points {
        let tip = format!("{}: {}", c.columns[i].0, crate::i18n::num(v));
        g.marker(Shape::Circle, x(i), y.map(v), 4.5, "pt score", Some(&tip));
        g.text(
            x(i),
            y.map(v) - 9.0,
            Anchor::Middle,
            "tiny",
            &crate::i18n::num(v),
        );
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    fn chart(kind: Kind) -> SessionChart {
        SessionChart {
            id: "c1".into(),
            title: "PHQ-9 <total>".into(),
            desc: "by session".into(),
            kind,
            columns: vec![
                ("1".into(), Some(20.0)),
                ("2".into(), None),
                ("3".into(), Some(8.0)),
            ],
            max: 27.0,
            whole: false,
            references: vec![Reference {
                value: 10.0,
                label: "response".into(),
                style: "dash",
            }],
        }
    }

    #[test]
    fn a_line_marks_each_value_and_skips_a_session_without_one() {
        let s = svg(&chart(Kind::Line));
        assert_eq!(s.matches("<circle").count(), 2, "{s}");
        assert!(s.contains("class=\"ref ref-dash\""), "{s}");
        assert!(s.contains("PHQ-9 &lt;total&gt;"), "escaped: {s}");
        assert!(s.contains("aria-labelledby=\"c1-title c1-desc\""), "{s}");
    }

    #[test]
    fn bars_stand_for_values_and_a_dash_for_none() {
        let s = svg(&chart(Kind::Bars));
        assert_eq!(s.matches("class=\"bar\"").count(), 2, "{s}");
        assert!(s.contains(">—<"), "{s}");
    }

    #[test]
    fn counts_are_marked_in_whole_numbers() {
        let mut c = chart(Kind::Bars);
        c.columns = vec![("1".into(), Some(0.0)), ("2".into(), Some(1.0))];
        c.max = 1.0;
        c.references.clear();
        c.whole = true;
        let s = svg(&c);
        assert!(!s.contains(">0.2<") && !s.contains(">0.5<"), "{s}");
        c.whole = false;
        assert!(svg(&c).contains(">0.2<"), "{}", svg(&c));
    }
}
