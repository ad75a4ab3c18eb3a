//! A session as one self-contained HTML file: inline CSS and an inline SVG
//! chart, no script and nothing fetched, so it opens offline at a clinic
//! and prints. Two pages share the chart: the session summary (what
//! `summary.md` says, `kap export --format html`) and, for a rehearsal,
//! the trainee report laid out for a PEARLS debrief (`trainee-report.html`,
//! laid out by `rehearsal::report`, above the record, on this module's
//! [`document`] and [`figure`]).
//!
//! Pure functions of the session at a moment; writing the file is the
//! caller's.

pub mod chart;
pub mod course;
mod course_chart;
mod draw;
pub mod svg;

pub use svg::esc;

use super::doc::{Block, Doc};
use crate::session::{Moment, Session};

const STYLE: &str = include_str!("style.css");

/// The document around `body`: language, title and style sheet.
pub fn document(title: &str, body: &str, lang: crate::i18n::Lang) -> String {
    format!(
        "<!DOCTYPE html>\n<html lang=\"{}\">\n<head>\n<meta charset=\"utf-8\">\n\
         <meta name=\"viewport\" content=\"width=device-width, initial-scale=1\">\n\
         <meta name=\"generator\" content=\"kap {}\">\n<title>{}</title>\n<style>\n{}</style>\n\
         </head>\n<body>\n<main>\n{}</main>\n</body>\n</html>\n",
        lang.tag(),
        env!("CARGO_PKG_VERSION"),
        esc(title),
        STYLE,
        body
    )
}

/// The chart of `s` as a figure, at `end`, with scenario events and the
/// simulated patient's true values if known.
pub fn figure(
    s: &Session,
    end: &Moment,
    events: &[(f64, String)],
    truth: &[chart::TruePoint],
    lang: crate::i18n::Lang,
) -> String {
    let c = chart::build(s, end, events, lang).with_truth(truth);
    let mut caption = crate::say!(lang, "html-chart-caption");
    if !c.truth.is_empty() {
        caption = format!(
            "{caption} {}",
            crate::say!(lang, "html-chart-caption-truth")
        );
    }
    format!(
        "<figure class=\"chart-box\">\n{}\n<figcaption>{}</figcaption>\n</figure>\n",
        draw::svg(&c, lang),
        esc(&caption)
    )
}

/// The session summary as a page: the summary's document (what
/// `summary.md` says) with the chart after its opening facts, then `tail`
/// (the seal, an export's integrity section) and `note` (a paragraph of
/// plain text).
pub fn summary(
    s: &Session,
    now: &Moment,
    tail: Doc,
    note: Option<&str>,
    lang: crate::i18n::Lang,
) -> String {
    let mut doc = super::summary::document(s, now, lang);
    doc.append(tail);
    // The opening facts: everything before the first section.
    let split = doc
        .blocks
        .iter()
        .position(|b| matches!(b, Block::Heading(2, _)))
        .unwrap_or(doc.blocks.len());
    // The page's title is the document's own (a visit's names the visit).
    let title = doc
        .blocks
        .iter()
        .find_map(|b| match b {
            Block::Heading(1, l) => Some(l.plain()),
            _ => None,
        })
        .unwrap_or_default();
    let mut body = Doc::html_of(&doc.blocks[..split], 0);
    if let Some(n) = note {
        body.push_str(&format!("<p class=\"note\">{}</p>\n", esc(n)));
    }
    body.push_str(&format!(
        "<h2>{}</h2>\n",
        esc(&crate::say!(lang, "html-h-chart"))
    ));
    body.push_str(&figure(s, now, &[], &[], lang));
    body.push_str(&Doc::html_of(&doc.blocks[split..], 0));
    document(&title, &body, lang)
}

#[cfg(test)]
mod tests;
