//! A small SVG writer for the report's chart: escaped text and attributes,
//! linear scales and "nice" ticks. Styling is left to CSS classes (the page
//! carries its own style sheet), so colours and dash patterns live in one
//! place and print the same.

use std::fmt::Write as _;

/// Text for HTML or SVG: markup characters as entities and control
/// characters left out (a line break becomes a space), so typed text can
/// neither open an element nor end an attribute.
pub fn esc(s: &str) -> String {
    let mut o = String::with_capacity(s.len());
    for c in s.chars() {
        match c {
            '&' => o.push_str("&amp;"),
            '<' => o.push_str("&lt;"),
            '>' => o.push_str("&gt;"),
            '"' => o.push_str("&quot;"),
            '\'' => o.push_str("&#39;"),
            '\n' | '\r' | '\t' => o.push(' '),
            c if c.is_control() => {}
            c => o.push(c),
        }
    }
    o
}

/// A coordinate as SVG wants it: locale-free, one decimal.
pub fn n(x: f64) -> String {
    let x = if x.is_finite() { x } else { 0.0 };
    let r = (x * 10.0).round() / 10.0;
    if r == r.trunc() {
        format!("{}", r as i64)
    } else {
        format!("{r:.1}")
    }
}

/// A straight map from a domain (minutes, mmHg…) to a pixel range. The
/// range may run backwards (a y axis grows downwards).
#[derive(Debug, Clone, Copy, PartialEq)]
pub struct Linear {
    pub d0: f64,
    pub d1: f64,
    pub r0: f64,
    pub r1: f64,
}

impl Linear {
    pub fn new(domain: (f64, f64), range: (f64, f64)) -> Linear {
        Linear {
            d0: domain.0,
            d1: domain.1,
            r0: range.0,
            r1: range.1,
        }
    }

    pub fn map(&self, v: f64) -> f64 {
        let span = self.d1 - self.d0;
        if span.abs() < f64::EPSILON {
            return (self.r0 + self.r1) / 2.0;
        }
        self.r0 + (v - self.d0) / span * (self.r1 - self.r0)
    }

    /// `map`, held inside the range (for a value off the chart).
    pub fn map_clamped(&self, v: f64) -> f64 {
        let (lo, hi) = if self.r0 <= self.r1 {
            (self.r0, self.r1)
        } else {
            (self.r1, self.r0)
        };
        self.map(v).clamp(lo, hi)
    }
}

/// A tick step of 1, 2 or 5 times a power of ten giving at most
/// `max_ticks` intervals over `span`.
pub fn nice_step(span: f64, max_ticks: usize) -> f64 {
    let span = if span.is_finite() && span > 0.0 {
        span
    } else {
        1.0
    };
    let raw = span / max_ticks.max(1) as f64;
    let mag = 10f64.powf(raw.log10().floor());
    for m in [1.0, 2.0, 5.0, 10.0] {
        if m * mag >= raw {
            return m * mag;
        }
    }
    10.0 * mag
}

/// Multiples of `step` from `lo` to `hi`, both included when they fall on
/// one.
pub fn ticks(lo: f64, hi: f64, step: f64) -> Vec<f64> {
    if step <= 0.0 || !lo.is_finite() || !hi.is_finite() || hi < lo {
        return Vec::new();
    }
    let mut out = Vec::new();
    let mut i = (lo / step).ceil() as i64;
    loop {
        let v = i as f64 * step;
        if v > hi + step * 1e-9 || out.len() > 200 {
            break;
        }
        out.push(v);
        i += 1;
    }
    out
}

/// A domain widened outwards to whole steps.
pub fn widen(lo: f64, hi: f64, step: f64) -> (f64, f64) {
    ((lo / step).floor() * step, (hi / step).ceil() * step)
}

/// About how wide `text` is at `size` px in the page's sans-serif font:
/// enough to keep labels apart.
pub fn text_width(text: &str, size: f64) -> f64 {
    text.chars().count() as f64 * size * 0.56
}

#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum Anchor {
    Start,
    Middle,
    End,
}

/// A marker shape; each series and lane has its own, so they are told
/// apart without colour.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum Shape {
    Circle,
    Square,
    Triangle,
    TriangleDown,
    Diamond,
}

/// An SVG document being written.
pub struct Svg {
    width: f64,
    height: f64,
    head: String,
    buf: String,
    /// The prefix of its title's and description's ids: unique in a page
    /// that holds several charts.
    id: String,
}

impl Svg {
    /// An `<svg>` of `width`×`height` user units that scales to its
    /// container, titled for screen readers.
    pub fn new(width: f64, height: f64, title: &str, desc: &str) -> Svg {
        Svg::with_ids(width, height, title, desc, "chart")
    }

    /// As [`Svg::new`], its title and description ids made from `id`
    /// (`{id}-title`, `{id}-desc`).
    pub fn with_ids(width: f64, height: f64, title: &str, desc: &str, id: &str) -> Svg {
        let id = esc(id);
        Svg {
            width,
            height,
            head: format!(
                "<title id=\"{id}-title\">{}</title><desc id=\"{id}-desc\">{}</desc>",
                esc(title),
                esc(desc)
            ),
            buf: String::new(),
            id,
        }
    }

    /// Change the size once the content is known.
    pub fn resize(&mut self, width: f64, height: f64) {
        self.width = width;
        self.height = height;
    }

    /// Markup written by this module's callers from constants only (the
    /// chart's `<defs>`): never user text.
    pub fn raw(&mut self, markup: &'static str) {
        self.buf.push_str(markup);
    }

    fn title(&mut self, title: Option<&str>) {
        if let Some(t) = title {
            let _ = write!(self.buf, "<title>{}</title>", esc(t));
        }
    }

    /// An element with a tooltip inside, or self-closed without one.
    fn close(&mut self, name: &str, title: Option<&str>) {
        match title {
            Some(_) => {
                self.buf.push('>');
                self.title(title);
                let _ = write!(self.buf, "</{name}>");
            }
            None => self.buf.push_str("/>"),
        }
    }

    pub fn open_group(&mut self, class: &str, title: Option<&str>) {
        let _ = write!(self.buf, "<g class=\"{}\">", esc(class));
        self.title(title);
    }

    pub fn close_group(&mut self) {
        self.buf.push_str("</g>");
    }

    pub fn line(&mut self, x1: f64, y1: f64, x2: f64, y2: f64, class: &str) {
        let _ = write!(
            self.buf,
            "<line x1=\"{}\" y1=\"{}\" x2=\"{}\" y2=\"{}\" class=\"{}\"/>",
            n(x1),
            n(y1),
            n(x2),
            n(y2),
            esc(class)
        );
    }

    pub fn rect(&mut self, x: f64, y: f64, w: f64, h: f64, class: &str, title: Option<&str>) {
        let _ = write!(
            self.buf,
            "<rect x=\"{}\" y=\"{}\" width=\"{}\" height=\"{}\" class=\"{}\"",
            n(x),
            n(y),
            n(w.max(0.0)),
            n(h.max(0.0)),
            esc(class)
        );
        self.close("rect", title);
    }

    /// A hatch pattern of this chart's own (its id made from the chart's,
    /// so several charts in one page never share one), for a series told
    /// apart by its pattern in greyscale; returns the `fill` that paints
    /// with it.
    pub fn hatch(&mut self) -> String {
        let _ = write!(
            self.buf,
            "<defs><pattern id=\"{id}-hatch\" width=\"5\" height=\"5\" \
             patternUnits=\"userSpaceOnUse\" patternTransform=\"rotate(45)\">\
             <rect width=\"5\" height=\"5\" class=\"hatch-ground\"/>\
             <line x1=\"0\" y1=\"0\" x2=\"0\" y2=\"5\" class=\"hatch-line\"/>\
             </pattern></defs>",
            id = self.id
        );
        format!("url(#{}-hatch)", self.id)
    }

    /// As [`Svg::rect`], painted with `fill` (from [`Svg::hatch`]).
    pub fn rect_filled(
        &mut self,
        (x, y, w, h): (f64, f64, f64, f64),
        class: &str,
        fill: &str,
        title: Option<&str>,
    ) {
        let _ = write!(
            self.buf,
            "<rect x=\"{}\" y=\"{}\" width=\"{}\" height=\"{}\" class=\"{}\" fill=\"{}\"",
            n(x),
            n(y),
            n(w.max(0.0)),
            n(h.max(0.0)),
            esc(class),
            esc(fill)
        );
        self.close("rect", title);
    }

    pub fn polyline(&mut self, points: &[(f64, f64)], class: &str) {
        if points.is_empty() {
            return;
        }
        let pts: Vec<String> = points
            .iter()
            .map(|(x, y)| format!("{},{}", n(*x), n(*y)))
            .collect();
        let _ = write!(
            self.buf,
            "<polyline points=\"{}\" class=\"{}\"/>",
            pts.join(" "),
            esc(class)
        );
    }

    /// A marker of `shape` centred on (x, y), `r` its half-size.
    pub fn marker(
        &mut self,
        shape: Shape,
        x: f64,
        y: f64,
        r: f64,
        class: &str,
        title: Option<&str>,
    ) {
        let class = esc(class);
        match shape {
            Shape::Circle => {
                let _ = write!(
                    self.buf,
                    "<circle cx=\"{}\" cy=\"{}\" r=\"{}\" class=\"{class}\"",
                    n(x),
                    n(y),
                    n(r)
                );
                self.close("circle", title);
            }
            Shape::Square => {
                let _ = write!(
                    self.buf,
                    "<rect x=\"{}\" y=\"{}\" width=\"{}\" height=\"{}\" class=\"{class}\"",
                    n(x - r),
                    n(y - r),
                    n(2.0 * r),
                    n(2.0 * r)
                );
                self.close("rect", title);
            }
            Shape::Triangle | Shape::TriangleDown | Shape::Diamond => {
                let pts = match shape {
                    Shape::Triangle => vec![(x, y - r * 1.2), (x + r, y + r), (x - r, y + r)],
                    Shape::TriangleDown => vec![(x, y + r * 1.2), (x + r, y - r), (x - r, y - r)],
                    _ => vec![(x, y - r * 1.3), (x + r, y), (x, y + r * 1.3), (x - r, y)],
                };
                let pts: Vec<String> = pts
                    .iter()
                    .map(|(a, b)| format!("{},{}", n(*a), n(*b)))
                    .collect();
                let _ = write!(
                    self.buf,
                    "<polygon points=\"{}\" class=\"{class}\"",
                    pts.join(" ")
                );
                self.close("polygon", title);
            }
        }
    }

    pub fn text(&mut self, x: f64, y: f64, anchor: Anchor, class: &str, text: &str) {
        let a = match anchor {
            Anchor::Start => "start",
            Anchor::Middle => "middle",
            Anchor::End => "end",
        };
        let _ = write!(
            self.buf,
            "<text x=\"{}\" y=\"{}\" text-anchor=\"{a}\" class=\"{}\">{}</text>",
            n(x),
            n(y),
            esc(class),
            esc(text)
        );
    }

    /// Text at `size` px that never runs past `max` px: when its estimated
    /// width would, it is drawn squeezed to `max` (a lane label in a long
    /// language is narrowed, not cut off at the page's edge).
    pub fn text_fit(
        &mut self,
        (x, y): (f64, f64),
        anchor: Anchor,
        class: &str,
        text: &str,
        size: f64,
        max: f64,
    ) {
        if text_width(text, size) <= max {
            return self.text(x, y, anchor, class, text);
        }
        let a = match anchor {
            Anchor::Start => "start",
            Anchor::Middle => "middle",
            Anchor::End => "end",
        };
        let _ = write!(
            self.buf,
            "<text x=\"{}\" y=\"{}\" text-anchor=\"{a}\" class=\"{}\" \
             textLength=\"{}\" lengthAdjust=\"spacingAndGlyphs\">{}</text>",
            n(x),
            n(y),
            esc(class),
            n(max),
            esc(text)
        );
    }

    pub fn finish(self) -> String {
        let id = &self.id;
        format!(
            "<svg xmlns=\"http://www.w3.org/2000/svg\" viewBox=\"0 0 {} {}\" \
             role=\"img\" aria-labelledby=\"{id}-title {id}-desc\" class=\"chart\">{}{}</svg>",
            n(self.width),
            n(self.height),
            self.head,
            self.buf
        )
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn a_value_maps_to_its_place_on_an_upside_down_axis() {
        // 40–200 mmHg drawn from y=300 (bottom) up to y=100 (top).
        let y = Linear::new((40.0, 200.0), (300.0, 100.0));
        assert_eq!(y.map(40.0), 300.0);
        assert_eq!(y.map(200.0), 100.0);
        assert_eq!(y.map(120.0), 200.0);
        assert_eq!(y.map(180.0), 125.0);
        // Off the chart: held at its edge.
        assert_eq!(y.map_clamped(260.0), 100.0);
        assert_eq!(y.map_clamped(0.0), 300.0);
        // An empty domain puts everything in the middle, not NaN.
        assert_eq!(Linear::new((5.0, 5.0), (0.0, 10.0)).map(5.0), 5.0);
    }

    #[test]
    fn ticks_are_round_numbers() {
        assert_eq!(nice_step(100.0, 10), 10.0);
        assert_eq!(nice_step(95.0, 10), 10.0);
        assert_eq!(nice_step(160.0, 6), 50.0);
        assert_eq!(nice_step(7.0, 10), 1.0);
        assert_eq!(nice_step(0.0, 10), 0.1);
        assert_eq!(ticks(-12.0, 35.0, 10.0), vec![-10.0, 0.0, 10.0, 20.0, 30.0]);
        assert_eq!(ticks(0.0, 20.0, 10.0), vec![0.0, 10.0, 20.0]);
        assert!(ticks(1.0, 0.0, 1.0).is_empty());
        assert!(ticks(0.0, 1.0, 0.0).is_empty());
        assert_eq!(widen(43.0, 187.0, 20.0), (40.0, 200.0));
    }

    #[test]
    fn numbers_are_locale_free() {
        assert_eq!(n(12.0), "12");
        assert_eq!(n(12.345), "12.3");
        assert_eq!(n(-0.05), "-0.1");
        assert_eq!(n(f64::NAN), "0");
    }

    #[test]
    fn text_and_tooltips_are_escaped() {
        let mut s = Svg::new(10.0, 10.0, "a<b", "\"quoted\" & 'single'");
        s.text(
            1.0,
            2.0,
            Anchor::End,
            "x\"><script>",
            "</text><script>alert(1)</script>",
        );
        s.marker(
            Shape::Circle,
            1.0,
            1.0,
            2.0,
            "m",
            Some("<img src=x onerror=alert(1)>"),
        );
        s.rect(0.0, 0.0, 1.0, 1.0, "r", Some("bell\u{7}\nline"));
        let out = s.finish();
        assert!(!out.contains("<script"), "{out}");
        assert!(!out.contains("<img"), "{out}");
        assert!(out.contains("a&lt;b"));
        assert!(out.contains("&quot;quoted&quot; &amp; &#39;single&#39;"));
        assert!(out.contains("&lt;/text&gt;&lt;script&gt;"));
        assert!(out.contains("<title>bell line</title>"), "{out}");
        assert!(out.contains("class=\"x&quot;&gt;&lt;script&gt;\""));
        assert!(out.starts_with("<svg") && out.ends_with("</svg>"));
    }

    #[test]
    fn markers_differ_by_shape_and_carry_their_tooltip() {
        let mut s = Svg::new(10.0, 10.0, "t", "d");
        s.marker(Shape::Square, 5.0, 5.0, 2.0, "m", None);
        s.marker(Shape::Triangle, 5.0, 5.0, 2.0, "m", Some("tip"));
        let out = s.finish();
        assert!(out.contains("<rect x=\"3\" y=\"3\" width=\"4\" height=\"4\" class=\"m\"/>"));
        assert!(
            out.contains(
                "<polygon points=\"5,2.6 7,7 3,7\" class=\"m\"><title>tip</title></polygon>"
            ),
            "{out}"
        );
    }
}
