//! The trainee report as a page laid out for a PEARLS debrief: Reactions
//! (prompts and room for the debriefer), Description (the chart and the
//! timeline), Analysis (the report's scoring tables) and Summary (prompts
//! and room again). Read-only over the report's public rows.

use super::{document, esc, figure};
use crate::protocol::Priority;
use crate::rehearsal::Report;
use crate::session::timeline;
use crate::session::{MINUTE, Moment, Session};
use std::fmt::Write as _;

fn num(x: f64) -> String {
    crate::i18n::num((x * 10.0).round() / 10.0)
}

fn h2(o: &mut String, n: u8, text: &str) {
    let _ = writeln!(o, "<h2 id=\"pearls-{n}\">{n}. {}</h2>", esc(text));
}

fn h3(o: &mut String, text: &str) {
    let _ = writeln!(o, "<h3>{}</h3>", esc(text));
}

fn p(o: &mut String, class: &str, text: &str) {
    let _ = writeln!(o, "<p class=\"{class}\">{}</p>", esc(text));
}

/// Numbered prompts and a ruled space to write in.
fn prompts(o: &mut String, items: &[String]) {
    o.push_str("<ol class=\"prompts\">\n");
    for i in items {
        let _ = writeln!(o, "<li>{}</li>", esc(i));
    }
    o.push_str("</ol>\n");
    let _ = writeln!(
        o,
        "<div class=\"space\">{}</div>",
        esc(&crate::t!("html-debrief-notes"))
    );
}

fn table(o: &mut String, head: &[String], rows: &[Vec<(String, &str)>]) {
    o.push_str("<table>\n<thead><tr>");
    for h in head {
        let _ = write!(o, "<th scope=\"col\">{}</th>", esc(h));
    }
    o.push_str("</tr></thead>\n<tbody>\n");
    for r in rows {
        o.push_str("<tr>");
        for (cell, class) in r {
            if class.is_empty() {
                let _ = write!(o, "<td>{}</td>", esc(cell));
            } else {
                let _ = write!(o, "<td class=\"{class}\">{}</td>", esc(cell));
            }
        }
        o.push_str("</tr>\n");
    }
    o.push_str("</tbody>\n</table>\n");
}

fn list(o: &mut String, items: &[String]) {
    if items.is_empty() {
        p(o, "none", &crate::t!("rep-none"));
        return;
    }
    o.push_str("<ul>\n");
    for i in items {
        let _ = writeln!(o, "<li>{}</li>", esc(i));
    }
    o.push_str("</ul>\n");
}

/// The trainee report for `r` (built from `s` at `now`) as a page.
pub fn trainee(s: &Session, r: &Report, now: &Moment) -> String {
    let end = s
        .closed
        .as_ref()
        .map_or_else(|| now.clone(), |c| c.at.clone());
    let title = crate::t!(
        "rep-title",
        scenario = r.scenario.clone(),
        seed = r.seed.to_string()
    );
    let mut o = String::new();
    p(&mut o, "banner", &crate::t!("rep-banner"));
    let _ = writeln!(o, "<h1>{}</h1>", esc(&title));
    let intro = if r.closed {
        crate::t!(
            "rep-intro",
            protocol = r.protocol.clone(),
            session = r.session
        )
    } else {
        crate::t!(
            "rep-intro-not-closed",
            protocol = r.protocol.clone(),
            session = r.session
        )
    };
    p(&mut o, "lead", &intro);
    let _ = writeln!(
        o,
        "<p><strong>{}</strong> {}</p>",
        esc(&crate::t!("rep-summary-label")),
        esc(&r.summary())
    );
    p(&mut o, "pearls", &crate::t!("html-pearls"));

    // Reactions.
    h2(&mut o, 1, &crate::t!("html-h-reactions"));
    p(&mut o, "lead", &crate::t!("html-reactions-intro"));
    prompts(
        &mut o,
        &[
            crate::t!("html-reactions-1"),
            crate::t!("html-reactions-2"),
            crate::t!("html-reactions-3"),
        ],
    );

    // Description.
    h2(&mut o, 2, &crate::t!("html-h-description"));
    p(&mut o, "lead", &crate::t!("html-description-intro"));
    let events: Vec<(f64, String)> = r
        .events
        .iter()
        .map(|e| (e.minute, e.text.clone()))
        .collect();
    o.push_str(&figure(s, &end, &events));
    h3(&mut o, &crate::t!("html-h-timeline"));
    let origin = s
        .dosing
        .started
        .clone()
        .unwrap_or_else(|| s.started_at.clone());
    let rows: Vec<Vec<(String, &str)>> = timeline::rows(s, &end)
        .into_iter()
        .map(|row| {
            let minute = row.taken.since(&origin) as f64 / MINUTE as f64;
            let mut text = row.text.clone();
            for m in row.marks() {
                text = format!("{text} — {m}");
            }
            vec![
                (num(minute), "num"),
                (row.kind.label(), ""),
                (text, ""),
                (row.by.clone().unwrap_or_else(|| "—".into()), ""),
            ]
        })
        .collect();
    table(
        &mut o,
        &[
            crate::t!("html-col-minute"),
            crate::t!("html-col-kind"),
            crate::t!("html-col-entry"),
            crate::t!("html-col-by"),
        ],
        &rows,
    );

    // Analysis.
    h2(&mut o, 3, &crate::t!("html-h-analysis"));
    p(&mut o, "lead", &crate::t!("html-analysis-intro"));
    analysis(&mut o, r);

    // Summary.
    h2(&mut o, 4, &crate::t!("html-h-summary"));
    p(&mut o, "lead", &crate::t!("html-summary-intro"));
    prompts(
        &mut o,
        &[
            crate::t!("html-summary-1"),
            crate::t!("html-summary-2"),
            crate::t!("html-summary-3"),
        ],
    );
    document(&title, &o)
}

/// The report's scoring, as tables and lists.
fn analysis(o: &mut String, r: &Report) {
    h3(o, &crate::t!("rep-h-prompts"));
    if r.prompts.is_empty() {
        p(o, "none", &crate::t!("rep-no-prompts"));
    } else {
        let rows: Vec<Vec<(String, &str)>> = r
            .prompts
            .iter()
            .map(|x| {
                let (late, class) = if x.late > 0.0 {
                    (format!("{} min", num(x.late)), "num missed")
                } else {
                    (crate::t!("rep-on-time"), "num ok")
                };
                vec![
                    (format!("{}–{}", num(x.due_from), num(x.due_until)), "num"),
                    (x.answered.map_or(crate::t!("rep-not-answered"), num), "num"),
                    (late, class),
                ]
            })
            .collect();
        table(
            o,
            &[
                crate::t!("rep-col-due"),
                crate::t!("rep-col-answered"),
                crate::t!("rep-col-late"),
            ],
            &rows,
        );
    }

    h3(o, &crate::t!("sum-h-alerts"));
    if r.alerts.is_empty() {
        p(o, "none", &crate::t!("rep-none-raised"));
    } else {
        let rows: Vec<Vec<(String, &str)>> = r
            .alerts
            .iter()
            .map(|a| {
                let (ack, ack_class) = match a.acknowledged {
                    Some(k) => (
                        crate::t!("rep-acknowledged-after", minutes = num(k - a.raised)),
                        "ok",
                    ),
                    None => (crate::t!("sum-not-acknowledged"), "missed"),
                };
                let action = match (&a.action, a.acknowledged) {
                    (Some(x), _) => x.clone(),
                    (None, Some(_)) => crate::t!("rep-no-action"),
                    (None, None) => "—".into(),
                };
                let w = num(a.window);
                let (repeat, rep_class) = match a.repeat {
                    Some(x) => (crate::t!("rep-repeat-at", at = num(x)), "ok"),
                    None => (crate::t!("rep-no-repeat", within = w.clone()), "missed"),
                };
                let (pause, pause_class) = match (a.priority, a.infusion_running, a.paused) {
                    (Priority::High, true, Some(x)) => {
                        (crate::t!("rep-paused-at", at = num(x)), "ok")
                    }
                    (Priority::High, true, None) => {
                        (crate::t!("rep-not-paused", within = w.clone()), "missed")
                    }
                    _ => ("—".into(), ""),
                };
                vec![
                    (a.id.to_string(), "num"),
                    (num(a.raised), "num"),
                    (a.priority.label(), ""),
                    (a.headline.clone(), ""),
                    (ack, ack_class),
                    (action, ""),
                    (repeat, rep_class),
                    (pause, pause_class),
                ]
            })
            .collect();
        table(
            o,
            &[
                crate::t!("html-col-alert"),
                crate::t!("html-col-raised"),
                crate::t!("html-col-priority"),
                crate::t!("html-col-what"),
                crate::t!("html-col-acknowledged"),
                crate::t!("html-col-action"),
                crate::t!("html-col-repeat"),
                crate::t!("html-col-infusion"),
            ],
            &rows,
        );
    }

    h3(o, &crate::t!("rep-h-disagreements"));
    list(o, &r.disagreements);

    h3(o, &crate::t!("rep-h-events"));
    if r.events.is_empty() {
        p(o, "none", &crate::t!("rep-none-reached"));
    } else {
        let rows: Vec<Vec<(String, &str)>> = r
            .events
            .iter()
            .map(|e| {
                let (outcome, class) = match (&e.expected, e.met) {
                    (Some(x), Some(true)) => {
                        (crate::t!("rep-expected-done", what = x.clone()), "ok")
                    }
                    (Some(x), Some(false)) => {
                        (crate::t!("rep-expected-missed", what = x.clone()), "missed")
                    }
                    _ => ("—".into(), ""),
                };
                vec![
                    (num(e.minute), "num"),
                    (e.text.clone(), ""),
                    (outcome, class),
                ]
            })
            .collect();
        table(
            o,
            &[
                crate::t!("html-col-minute"),
                crate::t!("html-col-event"),
                crate::t!("html-col-expected"),
            ],
            &rows,
        );
    }

    h3(o, &crate::t!("rep-h-skips"));
    list(o, &r.skips);
    h3(o, &crate::t!("rep-h-pauses"));
    list(o, &r.pauses);
}
