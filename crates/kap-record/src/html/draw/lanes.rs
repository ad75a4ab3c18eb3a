//! The chart's lanes under the vitals panels: the infusion, the music,
//! the scenario's events and every recorded action, each a row over the
//! same time axis.

use super::*;

/// The dose running and paused, its steps and an early stop; returns the
/// row below it.
pub(super) fn infusion_lane(
    svg: &mut Svg,
    chart: &Chart,
    x: &Linear,
    y: f64,
    lang: crate::i18n::Lang,
) -> f64 {
    lane_label(
        svg,
        y,
        22.0,
        &crate::say!(lang, "html-lane-infusion", what = chart.what),
    );
    svg.open_group("lane-infusion", None);
    for s in &chart.infusion {
        let class = match s.run {
            Run::Running => "run",
            Run::Paused => "pause",
        };
        let (a, b) = (x.map(s.from), x.map(s.to));
        svg.rect(a, y + 4.0, (b - a).max(1.5), 14.0, class, Some(&s.title));
    }
    for (i, (at, label)) in chart.steps.iter().enumerate() {
        let px = x.map(*at);
        svg.line(px, y + 1.0, px, y + 21.0, "step");
        svg.open_group("step-label", Some(label));
        svg.text(
            px + 3.0,
            y + 15.0,
            Anchor::Start,
            "tiny",
            &(i + 1).to_string(),
        );
        svg.close_group();
    }
    if let Some((at, why)) = &chart.stopped {
        let title = crate::say!(
            lang,
            "html-stopped",
            what = chart.what,
            at = crate::i18n::num_in(lang, (at * 10.0).round() / 10.0),
            reason = why.clone()
        );
        svg.marker(
            Shape::Square,
            x.map(*at),
            y + 11.0,
            6.0,
            "stop",
            Some(&title),
        );
    }
    svg.close_group();
    y + 26.0
}

/// The music playing; returns the row below it.
pub(super) fn music_lane(
    svg: &mut Svg,
    chart: &Chart,
    x: &Linear,
    y: f64,
    lang: crate::i18n::Lang,
) -> f64 {
    lane_label(svg, y, 22.0, &crate::say!(lang, "html-lane-music"));
    svg.open_group("lane-music", None);
    for s in &chart.music {
        let (a, b) = (x.map(s.from), x.map(s.to));
        svg.rect(a, y + 4.0, (b - a).max(1.5), 14.0, "music", Some(&s.title));
    }
    svg.close_group();
    y + 26.0
}

/// A rehearsal's scenario events, when there are any; returns the row
/// below it.
pub(super) fn scenario_lane(
    svg: &mut Svg,
    chart: &Chart,
    x: &Linear,
    y: f64,
    lang: crate::i18n::Lang,
) -> f64 {
    if chart.events.is_empty() {
        return y;
    }
    lane_label(svg, y, 22.0, &crate::say!(lang, "html-lane-scenario"));
    svg.open_group("lane-scenario", None);
    for (at, text) in &chart.events {
        let title = crate::say!(
            lang,
            "html-scenario-event",
            at = crate::i18n::num_in(lang, *at),
            text = text.clone()
        );
        svg.marker(
            Shape::Diamond,
            x.map(*at),
            y + 11.0,
            5.0,
            "event",
            Some(&title),
        );
    }
    svg.close_group();
    y + 26.0
}

/// A lane per kind of entry made, each entry a mark; returns the bottom.
pub(super) fn action_lanes(
    svg: &mut Svg,
    chart: &Chart,
    kinds: &[Kind],
    x: &Linear,
    mut y: f64,
    lang: crate::i18n::Lang,
) -> f64 {
    if !kinds.is_empty() {
        svg.text(
            LEFT - 8.0,
            y + 12.0,
            Anchor::End,
            "lane-head",
            &crate::say!(lang, "html-lane-actions"),
        );
        y += 16.0;
    }
    for k in kinds {
        lane_label(svg, y, 18.0, &capitalised(&k.label().say(lang)));
        svg.open_group("lane-actions", None);
        for m in chart.marks.iter().filter(|m| m.kind == *k) {
            let mut class = String::from("act");
            if m.system {
                class.push_str(" raised");
            }
            if m.struck {
                class.push_str(" struck");
            }
            svg.marker(
                kind_shape(*k),
                x.map(m.minute),
                y + 9.0,
                4.5,
                &class,
                Some(&m.title),
            );
        }
        svg.close_group();
        y += 20.0;
    }
    y
}

pub(super) fn lane_label(svg: &mut Svg, y: f64, h: f64, text: &str) {
    svg.rect(LEFT, y, WIDTH - RIGHT - LEFT, h, "lane", None);
    // 12 px (`text.label`), inside the left margin.
    svg.text_fit(
        (LEFT - 8.0, y + h / 2.0 + 4.0),
        Anchor::End,
        "label",
        text,
        12.0,
        LEFT - 14.0,
    );
}
