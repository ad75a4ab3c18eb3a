//! The chart drawn as inline SVG: three vitals panels (blood pressure,
//! heart rate, SpO₂) with the protocol's alarm limits and the alarms
//! raised, then lanes for the infusion, music, scenario events and every
//! recorded action, all over one time axis. Each series has its own dash
//! pattern and marker shape as well as its colour, so the chart reads in
//! greyscale print.

use super::chart::{Chart, Limit, Run};
use super::svg::{Anchor, Linear, Shape, Svg, nice_step, text_width, ticks, widen};
use crate::protocol::Metric;
use crate::session::timeline::Kind;
use lanes::{action_lanes, infusion_lane, music_lane, scenario_lane};

mod lanes;

pub const WIDTH: f64 = 1100.0;
const LEFT: f64 = 140.0;
const RIGHT: f64 = 160.0;
const SMALL: f64 = 11.0;

/// One vitals panel: which metrics, how tall, and its y domain's defaults.
struct Panel {
    title: String,
    metrics: &'static [Metric],
    height: f64,
    /// Shown at least, whatever the readings.
    default: (f64, f64),
    /// Never beyond (SpO₂ stops at 100 %).
    cap: Option<f64>,
}

fn panels(lang: crate::i18n::Lang) -> [Panel; 3] {
    [
        Panel {
            title: crate::say!(lang, "html-panel-bp"),
            metrics: &[Metric::Systolic, Metric::Diastolic],
            height: 190.0,
            default: (60.0, 160.0),
            cap: None,
        },
        Panel {
            title: crate::say!(lang, "html-panel-hr"),
            metrics: &[Metric::Hr],
            height: 130.0,
            default: (50.0, 110.0),
            cap: None,
        },
        Panel {
            title: crate::say!(lang, "html-panel-spo2"),
            metrics: &[Metric::Spo2],
            height: 110.0,
            default: (90.0, 100.0),
            cap: Some(100.0),
        },
    ]
}

/// The class, marker and label of a metric's series.
pub fn series(m: Metric) -> (&'static str, Shape) {
    match m {
        Metric::Systolic => ("s-sys", Shape::Circle),
        Metric::Diastolic => ("s-dia", Shape::Square),
        Metric::Hr => ("s-hr", Shape::Triangle),
        Metric::Spo2 => ("s-spo2", Shape::Diamond),
    }
}

fn kind_shape(k: Kind) -> Shape {
    match k {
        Kind::Vitals => Shape::Circle,
        Kind::Note => Shape::Square,
        Kind::Alert => Shape::Triangle,
        Kind::Infusion => Shape::Diamond,
        Kind::Answer => Shape::Circle,
        Kind::Phase => Shape::Square,
        Kind::Music => Shape::Diamond,
        Kind::Correction => Shape::TriangleDown,
    }
}

fn capitalised(s: &str) -> String {
    let mut c = s.chars();
    match c.next() {
        Some(f) => f.to_uppercase().chain(c).collect(),
        None => String::new(),
    }
}

/// A y domain holding the defaults, every value and every limit, widened
/// to whole ticks.
fn y_domain(p: &Panel, values: &[f64]) -> ((f64, f64), f64) {
    let mut lo = p.default.0;
    let mut hi = p.default.1;
    for v in values {
        lo = lo.min(v - 5.0);
        hi = hi.max(v + 5.0);
    }
    if let Some(c) = p.cap {
        hi = hi.min(c);
    }
    let step = nice_step(hi - lo, 7);
    let (lo, hi) = widen(lo, hi, step);
    ((lo, hi), step)
}

/// Minutes between time ticks: a round number giving at most 12.
fn time_step(span: f64) -> f64 {
    [1.0, 2.0, 5.0, 10.0, 15.0, 30.0, 60.0, 120.0, 240.0]
        .into_iter()
        .find(|s| span / s <= 12.0)
        .unwrap_or(480.0)
}

/// Legend entries: a sample drawn by `draw` and its words.
fn legend(svg: &mut Svg, y: f64, chart: &Chart, lang: crate::i18n::Lang) -> f64 {
    #[derive(Clone, Copy)]
    enum Sample {
        Series(Metric),
        Limit,
        Alarm,
        Open,
        Running,
        Paused,
        Music,
        Event,
        Truth,
    }
    let mut items = vec![
        (
            Sample::Series(Metric::Systolic),
            Metric::Systolic.label().say(lang),
        ),
        (
            Sample::Series(Metric::Diastolic),
            Metric::Diastolic.label().say(lang),
        ),
        (Sample::Series(Metric::Hr), Metric::Hr.label().say(lang)),
        (Sample::Series(Metric::Spo2), Metric::Spo2.label().say(lang)),
    ];
    if !chart.truth.is_empty() {
        items.push((Sample::Truth, crate::say!(lang, "html-legend-truth")));
    }
    items.extend([
        (Sample::Limit, crate::say!(lang, "html-legend-limit")),
        (Sample::Alarm, crate::say!(lang, "html-legend-alarm")),
    ]);
    if chart.alarms.iter().any(|a| !a.acknowledged) {
        items.push((Sample::Open, crate::say!(lang, "html-legend-open")));
    }
    items.push((
        Sample::Running,
        crate::say!(lang, "html-legend-running", what = chart.what),
    ));
    if chart.infusion.iter().any(|s| s.run == Run::Paused) {
        items.push((Sample::Paused, crate::say!(lang, "html-legend-paused")));
    }
    if !chart.music.is_empty() {
        items.push((Sample::Music, crate::say!(lang, "html-legend-music")));
    }
    if !chart.events.is_empty() {
        items.push((Sample::Event, crate::say!(lang, "html-legend-event")));
    }
    let mut x = LEFT;
    let mut y = y;
    svg.open_group("legend", None);
    for (sample, words) in items {
        let w = 34.0 + text_width(&words, SMALL) + 18.0;
        if x + w > WIDTH - 10.0 {
            x = LEFT;
            y += 20.0;
        }
        match sample {
            Sample::Series(m) => {
                let (class, shape) = series(m);
                svg.line(x, y, x + 26.0, y, &format!("line {class}"));
                svg.marker(shape, x + 13.0, y, 3.5, &format!("pt {class}"), None);
            }
            Sample::Limit => svg.line(x, y, x + 26.0, y, "limit prio-high"),
            Sample::Alarm => svg.rect(x, y - 6.0, 26.0, 12.0, "alarm", None),
            Sample::Open => svg.rect(x, y - 6.0, 26.0, 12.0, "alarm open", None),
            Sample::Running => svg.rect(x, y - 5.0, 26.0, 10.0, "run", None),
            Sample::Paused => svg.rect(x, y - 5.0, 26.0, 10.0, "pause", None),
            Sample::Music => svg.rect(x, y - 5.0, 26.0, 10.0, "music", None),
            Sample::Event => svg.marker(Shape::Diamond, x + 13.0, y, 5.0, "event", None),
            Sample::Truth => svg.line(x, y, x + 26.0, y, "truth"),
        }
        svg.text(x + 32.0, y + 4.0, Anchor::Start, "small", &words);
        x += w;
    }
    svg.close_group();
    y + 18.0
}

const DEFS: &str = "<defs>\
<pattern id=\"hatch\" width=\"6\" height=\"6\" patternUnits=\"userSpaceOnUse\" patternTransform=\"rotate(45)\">\
<line x1=\"0\" y1=\"0\" x2=\"0\" y2=\"6\" class=\"hatch-line\"/></pattern>\
<pattern id=\"hatch-red\" width=\"5\" height=\"5\" patternUnits=\"userSpaceOnUse\" patternTransform=\"rotate(-45)\">\
<line x1=\"0\" y1=\"0\" x2=\"0\" y2=\"5\" class=\"hatch-red-line\"/></pattern>\
</defs>";

/// The whole chart as an `<svg>` element.
pub fn svg(chart: &Chart, lang: crate::i18n::Lang) -> String {
    let panels = panels(lang);
    let kinds: Vec<Kind> = Kind::ALL
        .into_iter()
        .filter(|k| chart.marks.iter().any(|m| m.kind == *k))
        .collect();
    let lanes = 2 + usize::from(!chart.events.is_empty());
    // A first estimate of the height; the legend may take a second row.
    let panel_h: f64 = panels.iter().map(|p| p.height + 34.0).sum();
    let height = 60.0 + panel_h + lanes as f64 * 26.0 + kinds.len() as f64 * 20.0 + 30.0 + 60.0;
    let title = crate::say!(lang, "html-chart-title", what = chart.what);
    let desc = if chart.from_dosing {
        crate::say!(lang, "html-axis-dosing", clock = chart.origin_clock.clone())
    } else {
        crate::say!(
            lang,
            "html-axis-session",
            clock = chart.origin_clock.clone()
        )
    };
    let mut svg = Svg::new(WIDTH, height, &title, &desc);
    svg.raw(DEFS);

    let x = Linear::new((chart.start, chart.end), (LEFT, WIDTH - RIGHT));
    let step = time_step(chart.end - chart.start);
    let xticks = ticks(chart.start, chart.end, step);

    let mut y = legend(&mut svg, 16.0, chart, lang) + 6.0;

    for p in &panels {
        y = panel(&mut svg, chart, p, &x, &xticks, y, lang);
    }
    y += 4.0;
    let lanes_top = y;
    y = infusion_lane(&mut svg, chart, &x, y, lang);
    y = music_lane(&mut svg, chart, &x, y, lang);
    y = scenario_lane(&mut svg, chart, &x, y, lang);
    let bottom = action_lanes(&mut svg, chart, &kinds, &x, y, lang);
    x_axis(&mut svg, &x, &xticks, (lanes_top, bottom), &desc, lang);
    svg.resize(WIDTH, bottom + 48.0);
    svg.finish()
}

/// The time grid over every panel and lane, then the axis under them.
fn x_axis(
    svg: &mut Svg,
    x: &Linear,
    xticks: &[f64],
    (top, bottom): (f64, f64),
    desc: &str,
    lang: crate::i18n::Lang,
) {
    svg.open_group("x-axis", None);
    for t in xticks {
        let px = x.map(*t);
        let class = if *t == 0.0 { "zero" } else { "vgrid" };
        svg.line(px, top, px, bottom, class);
        svg.text(
            px,
            bottom + 16.0,
            Anchor::Middle,
            "small",
            &crate::i18n::num_in(lang, *t),
        );
    }
    svg.line(LEFT, bottom, WIDTH - RIGHT, bottom, "axis");
    svg.line(LEFT, top, LEFT, bottom, "axis");
    svg.text(
        (LEFT + WIDTH - RIGHT) / 2.0,
        bottom + 36.0,
        Anchor::Middle,
        "axis-title",
        desc,
    );
    svg.close_group();
}

/// Each limit: a line with a shaded band on its alarming side, labelled
/// on the right without two labels on top of each other.
fn limit_lines(
    svg: &mut Svg,
    limits: &[&Limit],
    ys: &Linear,
    (top, bottom): (f64, f64),
    lang: crate::i18n::Lang,
) {
    let (x0, x1) = (LEFT, WIDTH - RIGHT);
    let mut used: Vec<f64> = Vec::new();
    for l in limits {
        let py = ys.map_clamped(l.value);
        let class = format!("prio-{}", l.priority.as_str());
        let (a, b) = if l.above {
            ((py - 8.0).max(top), py)
        } else {
            (py, (py + 8.0).min(bottom))
        };
        svg.rect(x0, a, x1 - x0, b - a, &format!("limit-band {class}"), None);
        let words = if l.above {
            crate::say!(
                lang,
                "html-limit-above",
                metric = l.metric.label().say(lang),
                limit = crate::i18n::num_in(lang, l.value)
            )
        } else {
            crate::say!(
                lang,
                "html-limit-below",
                metric = l.metric.label().say(lang),
                limit = crate::i18n::num_in(lang, l.value)
            )
        };
        svg.open_group(&format!("limit-group {class}"), Some(&words));
        svg.line(x0, py, x1, py, &format!("limit {class}"));
        let mut ly = py + 4.0;
        while used.iter().any(|u| (u - ly).abs() < 12.0) {
            ly += 12.0;
        }
        used.push(ly);
        svg.text(x1 + 6.0, ly, Anchor::Start, "tiny", &words);
        svg.close_group();
    }
}

/// What was recorded: a line and a titled marker per reading, per metric.
fn reading_series(
    svg: &mut Svg,
    chart: &Chart,
    p: &Panel,
    x: &Linear,
    ys: &Linear,
    lang: crate::i18n::Lang,
) {
    for m in p.metrics {
        let (class, shape) = series(*m);
        let pts: Vec<(f64, f64, u16)> = chart
            .readings
            .iter()
            .filter_map(|(t, r)| {
                r.get(*m)
                    .map(|v| (x.map(*t), ys.map_clamped(f64::from(v)), v))
            })
            .collect();
        svg.open_group(&format!("series {class}"), Some(&m.label().say(lang)));
        let line: Vec<(f64, f64)> = pts.iter().map(|(a, b, _)| (*a, *b)).collect();
        svg.polyline(&line, &format!("line {class}"));
        for ((px, py, v), (t, _)) in pts
            .iter()
            .zip(chart.readings.iter().filter(|(_, r)| r.get(*m).is_some()))
        {
            let title = crate::say!(
                lang,
                "html-reading",
                at = crate::i18n::num_in(lang, (t * 10.0).round() / 10.0),
                what = m.label().say(lang),
                value = format!("{v} {}", m.unit())
            );
            svg.marker(shape, *px, *py, 3.5, &format!("pt {class}"), Some(&title));
        }
        svg.close_group();
    }
}

/// A rehearsal's true values on a panel: a thin line per metric, under
/// the readings, titled with what it is.
fn truth_lines(
    svg: &mut Svg,
    chart: &Chart,
    p: &Panel,
    x: &Linear,
    ys: &Linear,
    lang: crate::i18n::Lang,
) {
    for t in chart.truth.iter().filter(|t| p.metrics.contains(&t.metric)) {
        let (class, _) = series(t.metric);
        let title = crate::say!(lang, "html-truth-series", what = t.metric.label().say(lang));
        svg.open_group(&format!("truth-series {class}"), Some(&title));
        let line: Vec<(f64, f64)> = t
            .points
            .iter()
            .map(|(a, v)| (x.map(*a), ys.map_clamped(*v)))
            .collect();
        svg.polyline(&line, &format!("truth {class}"));
        svg.close_group();
    }
}

/// One vitals panel starting at `y`; returns where the next begins.
fn panel(
    svg: &mut Svg,
    chart: &Chart,
    p: &Panel,
    x: &Linear,
    xticks: &[f64],
    y: f64,
    lang: crate::i18n::Lang,
) -> f64 {
    let (x0, x1) = (LEFT, WIDTH - RIGHT);
    svg.text(x0, y + 14.0, Anchor::Start, "panel-title", &p.title);
    let top = y + 22.0;
    let bottom = top + p.height;
    let limits: Vec<_> = chart
        .limits
        .iter()
        .filter(|l| p.metrics.contains(&l.metric))
        .collect();
    let values: Vec<f64> = chart
        .readings
        .iter()
        .flat_map(|(_, r)| p.metrics.iter().filter_map(|m| r.get(*m).map(f64::from)))
        .chain(limits.iter().map(|l| l.value))
        .chain(
            chart
                .truth
                .iter()
                .filter(|t| p.metrics.contains(&t.metric))
                .flat_map(|t| t.points.iter().map(|(_, v)| *v)),
        )
        .collect();
    let (domain, step) = y_domain(p, &values);
    let ys = Linear::new(domain, (bottom, top));

    svg.open_group("panel", None);
    svg.rect(x0, top, x1 - x0, p.height, "plot", None);
    for t in ticks(domain.0, domain.1, step) {
        let py = ys.map(t);
        svg.line(x0, py, x1, py, "hgrid");
        svg.text(
            x0 - 6.0,
            py + 4.0,
            Anchor::End,
            "small",
            &crate::i18n::num_in(lang, t),
        );
    }
    for t in xticks {
        let class = if *t == 0.0 { "zero" } else { "vgrid" };
        svg.line(x.map(*t), top, x.map(*t), bottom, class);
    }
    limit_lines(svg, &limits, &ys, (top, bottom), lang);
    for a in chart
        .alarms
        .iter()
        .filter(|a| p.metrics.contains(&a.metric))
    {
        let (l, r) = (x.map(a.from), x.map(a.to));
        let class = if a.acknowledged {
            "alarm"
        } else {
            "alarm open"
        };
        svg.rect(l, top, (r - l).max(3.0), p.height, class, Some(&a.title));
    }
    truth_lines(svg, chart, p, x, &ys, lang);
    reading_series(svg, chart, p, x, &ys, lang);
    svg.close_group();
    bottom + 12.0
}

#[cfg(test)]
mod tests {
    use super::lanes::lane_label;
    use super::*;

    #[test]
    fn a_panel_holds_its_defaults_values_and_limits() {
        let lang = crate::i18n::Lang::En;
        let [bp, _, spo2] = panels(lang);
        let ((lo, hi), step) = y_domain(&bp, &[186.0, 72.0, 180.0]);
        assert!(lo <= 60.0 && hi >= 191.0, "{lo}–{hi}");
        assert_eq!(lo % step, 0.0);
        // SpO₂ never runs past 100 %, and a low reading widens it downwards.
        let ((lo, hi), _) = y_domain(&spo2, &[99.0, 84.0]);
        assert_eq!(hi, 100.0);
        assert!(lo <= 79.0);
    }

    #[test]
    fn time_ticks_are_round_minutes() {
        assert_eq!(time_step(40.0), 5.0);
        assert_eq!(time_step(100.0), 10.0);
        assert_eq!(time_step(170.0), 15.0);
        assert_eq!(time_step(10.0), 1.0);
    }

    #[test]
    fn a_long_lane_label_is_narrowed_not_cut() {
        let mut svg = Svg::new(WIDTH, 100.0, "t", "d");
        lane_label(&mut svg, 0.0, 18.0, "Corrections et addenda");
        lane_label(&mut svg, 20.0, 18.0, "Notes");
        let out = svg.finish();
        assert!(
            out.contains(
                "textLength=\"126\" lengthAdjust=\"spacingAndGlyphs\">Corrections et addenda<"
            ),
            "{out}"
        );
        assert!(out.contains("class=\"label\">Notes<"), "{out}");
    }

    #[test]
    fn capitals() {
        assert_eq!(capitalised("vitals"), "Vitals");
        assert_eq!(capitalised("évènements"), "Évènements");
        assert_eq!(capitalised(""), "");
    }
}
