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
    /// A second series of bars beside the first (the monitor's device
    /// alarms beside the clinician's), hatched, with a legend naming both.
    pub beside: Option<Beside>,
}

/// A second series of bars, drawn hatched to the right of each bar of the
/// first, in the same order as [`SessionChart::columns`].
#[derive(Debug, Clone, PartialEq)]
pub struct Beside {
    /// The first series' name in the legend.
    pub first: String,
    /// This series' name in the legend and in each bar's tooltip.
    pub label: String,
    /// A value per session, or none (a dash).
    pub values: Vec<Option<f64>>,
}

const W: f64 = 720.0;
const LEFT: f64 = 48.0;
const RIGHT: f64 = 150.0;
const TOP: f64 = 26.0;
const PLOT_H: f64 = 150.0;
const BOTTOM: f64 = 34.0;

/// The chart as an `<svg>`.
pub fn svg(c: &SessionChart, lang: crate::i18n::Lang) -> String {
    let mut g = Svg::with_ids(W, TOP + PLOT_H + BOTTOM, &c.title, &c.desc, &c.id);
    let highest = c
        .columns
        .iter()
        .filter_map(|(_, v)| *v)
        .chain(c.references.iter().map(|r| r.value))
        .chain(
            c.beside
                .iter()
                .flat_map(|b| b.values.iter().flatten().copied()),
        )
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
            &crate::i18n::num_in(lang, t),
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
    match (c.kind, &c.beside) {
        (Kind::Bars, None) => bars(&mut g, c, &y, slot, &x, lang),
        (Kind::Bars, Some(b)) => {
            let w = (slot * 0.35).min(28.0);
            let left = |i: usize| x(i) - w / 2.0;
            let right = |i: usize| x(i) + w / 2.0;
            bar_series(&mut g, &c.columns, (&y, w, &left), None, None, lang);
            let fill = g.hatch();
            let values: Vec<(String, Option<f64>)> = c
                .columns
                .iter()
                .map(|(l, _)| l.clone())
                .zip(b.values.iter().copied())
                .collect();
            bar_series(
                &mut g,
                &values,
                (&y, w, &right),
                Some(&fill),
                Some(&b.label),
                lang,
            );
            legend(&mut g, b, &fill, LEFT + plot_w + 6.0);
        }
        (Kind::Line, _) => line(&mut g, c, &y, &x, lang),
    }
    g.finish()
}

fn bars(
    g: &mut Svg,
    c: &SessionChart,
    y: &Linear,
    slot: f64,
    x: &dyn Fn(usize) -> f64,
    lang: crate::i18n::Lang,
) {
    let w = (slot * 0.5).min(36.0);
    bar_series(g, &c.columns, (y, w, x), None, None, lang);
}

/// A bar per value, `w` wide, centred on `x(i)`; a dash for none. With
/// `fill`, painted with it (a hatch) and outlined in dashes; with `name`,
/// each tooltip says whose the value is.
fn bar_series(
    g: &mut Svg,
    values: &[(String, Option<f64>)],
    (y, w, x): (&Linear, f64, &dyn Fn(usize) -> f64),
    fill: Option<&str>,
    name: Option<&str>,
    lang: crate::i18n::Lang,
) {
    for (i, (label, v)) in values.iter().enumerate() {
        let Some(v) = v else {
            g.text(x(i), y.map(0.0) - 4.0, Anchor::Middle, "tiny", "—");
            continue;
        };
        let tip = match name {
            Some(name) => format!("{label}: {} ({name})", crate::i18n::num_in(lang, *v)),
            None => format!("{label}: {}", crate::i18n::num_in(lang, *v)),
        };
        let area = (x(i) - w / 2.0, y.map(*v), w, y.map(0.0) - y.map(*v));
        match fill {
            Some(fill) => g.rect_filled(area, "bar-device", fill, Some(&tip)),
            None => g.rect(area.0, area.1, area.2, area.3, "bar", Some(&tip)),
        }
        g.text(
            x(i),
            y.map(*v) - 4.0,
            Anchor::Middle,
            "tiny",
            &crate::i18n::num_in(lang, *v),
        );
    }
}

/// The two series named in the right margin, under the reference lines'
/// labels' place: a plain swatch and a hatched one.
fn legend(g: &mut Svg, b: &Beside, fill: &str, at: f64) {
    let size = 10.0;
    g.rect(at, TOP + 4.0, size, size, "bar", None);
    g.text_fit(
        (at + size + 4.0, TOP + 13.0),
        Anchor::Start,
        "tiny",
        &b.first,
        10.0,
        RIGHT - size - 14.0,
    );
    g.rect_filled((at, TOP + 22.0, size, size), "bar-device", fill, None);
    g.text_fit(
        (at + size + 4.0, TOP + 31.0),
        Anchor::Start,
        "tiny",
        &b.label,
        10.0,
        RIGHT - size - 14.0,
    );
}

fn line(
    g: &mut Svg,
    c: &SessionChart,
    y: &Linear,
    x: &dyn Fn(usize) -> f64,
    lang: crate::i18n::Lang,
) {
    let points: Vec<(usize, f64)> = c
        .columns
        .iter()
        .enumerate()
        .filter_map(|(i, (_, v))| v.map(|v| (i, v)))
        .collect();
    let joined: Vec<(f64, f64)> = points.iter().map(|(i, v)| (x(*i), y.map(*v))).collect();
    g.polyline(&joined, "line score");
    for (i, v) in points {
        let tip = format!("{}: {}", c.columns[i].0, crate::i18n::num_in(lang, v));
        g.marker(Shape::Circle, x(i), y.map(v), 4.5, "pt score", Some(&tip));
        g.text(
            x(i),
            y.map(v) - 9.0,
            Anchor::Middle,
            "tiny",
            &crate::i18n::num_in(lang, v),
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
            beside: None,
        }
    }

    #[test]
    fn a_line_marks_each_value_and_skips_a_session_without_one() {
        let lang = crate::i18n::Lang::En;
        let s = svg(&chart(Kind::Line), lang);
        assert_eq!(s.matches("<circle").count(), 2, "{s}");
        assert!(s.contains("class=\"ref ref-dash\""), "{s}");
        assert!(s.contains("PHQ-9 &lt;total&gt;"), "escaped: {s}");
        assert!(s.contains("aria-labelledby=\"c1-title c1-desc\""), "{s}");
    }

    #[test]
    fn bars_stand_for_values_and_a_dash_for_none() {
        let lang = crate::i18n::Lang::En;
        let s = svg(&chart(Kind::Bars), lang);
        assert_eq!(s.matches("class=\"bar\"").count(), 2, "{s}");
        assert!(s.contains(">—<"), "{s}");
    }

    #[test]
    fn counts_are_marked_in_whole_numbers() {
        let lang = crate::i18n::Lang::En;
        let mut c = chart(Kind::Bars);
        c.columns = vec![("1".into(), Some(0.0)), ("2".into(), Some(1.0))];
        c.max = 1.0;
        c.references.clear();
        c.whole = true;
        let s = svg(&c, lang);
        assert!(!s.contains(">0.2<") && !s.contains(">0.5<"), "{s}");
        c.whole = false;
        assert!(svg(&c, lang).contains(">0.2<"), "{}", svg(&c, lang));
    }

    #[test]
    fn a_second_series_is_hatched_beside_the_first_and_named_in_a_legend() {
        let lang = crate::i18n::Lang::En;
        let mut c = chart(Kind::Bars);
        c.references.clear();
        c.beside = Some(Beside {
            first: "entered".into(),
            label: "from the monitor".into(),
            values: vec![None, Some(2.0), Some(0.0)],
        });
        let s = svg(&c, lang);
        assert!(s.contains("<pattern id=\"c1-hatch\""), "{s}");
        assert_eq!(s.matches("fill=\"url(#c1-hatch)\"").count(), 3, "{s}");
        assert!(s.contains("<title>2: 2 (from the monitor)</title>"), "{s}");
        assert!(
            s.contains(">from the monitor<") && s.contains(">entered<"),
            "{s}"
        );
        // The first series' two values, plain; its legend swatch.
        assert_eq!(s.matches("class=\"bar\"").count(), 3, "{s}");
    }
}
