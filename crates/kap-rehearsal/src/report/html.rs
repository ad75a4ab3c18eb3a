//! The trainee report as a page laid out for a PEARLS debrief: Reactions
//! (prompts and room for the debriefer), Description (the chart and the
//! timeline), Analysis (the report's scoring tables) and Summary (prompts
//! and room again). Read-only over the report's public rows.

use crate::Report;
use crate::record::html::{document, esc, figure};
use crate::session::timeline;
use crate::session::{MINUTE, Moment, Session};
use std::fmt::Write as _;

fn num(x: f64, lang: crate::i18n::Lang) -> String {
    crate::i18n::num_in(lang, (x * 10.0).round() / 10.0)
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
fn prompts(o: &mut String, items: &[String], lang: crate::i18n::Lang) {
    o.push_str("<ol class=\"prompts\">\n");
    for i in items {
        let _ = writeln!(o, "<li>{}</li>", esc(i));
    }
    o.push_str("</ol>\n");
    let _ = writeln!(
        o,
        "<div class=\"space\">{}</div>",
        esc(&crate::say!(lang, "html-debrief-notes"))
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

/// The trainee report for `r` (built from `s` at `now`) as a page.
pub fn trainee(s: &Session, r: &Report, now: &Moment, lang: crate::i18n::Lang) -> String {
    let end = s
        .closed
        .as_ref()
        .map_or_else(|| now.clone(), |c| c.at.clone());
    let title = crate::say!(
        lang,
        "rep-title",
        scenario = r.scenario.clone(),
        seed = r.seed.to_string()
    );
    let mut o = String::new();
    p(&mut o, "banner", &crate::say!(lang, "rep-banner"));
    let _ = writeln!(o, "<h1>{}</h1>", esc(&title));
    let intro = r.intro(lang);
    p(&mut o, "lead", &intro);
    let _ = writeln!(
        o,
        "<p><strong>{}</strong> {}</p>",
        esc(&crate::say!(lang, "rep-summary-label")),
        esc(&r.summary(lang))
    );
    p(&mut o, "pearls", &crate::say!(lang, "html-pearls"));

    // Reactions.
    h2(&mut o, 1, &crate::say!(lang, "html-h-reactions"));
    p(&mut o, "lead", &crate::say!(lang, "html-reactions-intro"));
    prompts(
        &mut o,
        &[
            crate::say!(lang, "html-reactions-1"),
            crate::say!(lang, "html-reactions-2"),
            crate::say!(lang, "html-reactions-3"),
        ],
        lang,
    );

    // Description.
    description(&mut o, s, r, &end, lang);

    // Analysis.
    h2(&mut o, 3, &crate::say!(lang, "html-h-analysis"));
    p(&mut o, "lead", &crate::say!(lang, "html-analysis-intro"));
    analysis(&mut o, r, lang);

    // Summary.
    h2(&mut o, 4, &crate::say!(lang, "html-h-summary"));
    p(&mut o, "lead", &crate::say!(lang, "html-summary-intro"));
    prompts(
        &mut o,
        &[
            crate::say!(lang, "html-summary-1"),
            crate::say!(lang, "html-summary-2"),
            crate::say!(lang, "html-summary-3"),
        ],
        lang,
    );
    document(&title, &o, lang)
}

/// PEARLS part 2, Description: the chart (not for a visit) and the
/// timeline, from the start of the dosing (or of the session) to `end`.
fn description(o: &mut String, s: &Session, r: &Report, end: &Moment, lang: crate::i18n::Lang) {
    h2(o, 2, &crate::say!(lang, "html-h-description"));
    p(o, "lead", &crate::say!(lang, "html-description-intro"));
    // Scenario events and the instructor's changes share the lane.
    let events: Vec<(f64, String)> = r
        .events
        .iter()
        .map(|e| (e.minute, e.text.clone()))
        .chain(r.injections.iter().map(|i| {
            (
                i.minute,
                crate::say!(lang, "html-instructor-mark", what = i.text.clone()),
            )
        }))
        .collect();
    // A visit has no dose, vitals schedule or alarm limits to chart: its
    // timeline says what happened.
    if r.visit.is_none() {
        o.push_str(&figure(s, end, &events, &r.truth, lang));
    }
    h3(o, &crate::say!(lang, "html-h-timeline"));
    let origin = s
        .dosing
        .started
        .clone()
        .unwrap_or_else(|| s.started_at.clone());
    let rows: Vec<Vec<(String, &str)>> = timeline::rows(s, end)
        .into_iter()
        .map(|row| {
            let minute = row.taken.since(&origin) as f64 / MINUTE as f64;
            let mut text = row.text.say(lang);
            for m in row.marks() {
                text = format!("{text} — {}", m.say(lang));
            }
            vec![
                (num(minute, lang), "num"),
                (row.kind.label().say(lang), ""),
                (text, ""),
                (row.by.clone().unwrap_or_else(|| "—".into()), ""),
            ]
        })
        .collect();
    table(
        o,
        &[
            crate::say!(lang, "html-col-minute"),
            crate::say!(lang, "html-col-kind"),
            crate::say!(lang, "html-col-entry"),
            crate::say!(lang, "html-col-by"),
        ],
        &rows,
    );
}

/// The report's scoring: the same document as `trainee-report.md`'s
/// body, rendered as HTML, so the page and the Markdown cannot say
/// different things.
fn analysis(o: &mut String, r: &Report, lang: crate::i18n::Lang) {
    o.push_str(&r.analysis_doc(lang).html(1));
}
