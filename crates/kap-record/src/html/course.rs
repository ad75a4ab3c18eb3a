//! A patient's course of care as one self-contained HTML page (`kap export
//! --course PATIENT --format html`): every session in order with its dose,
//! dissociation rating and alarms; each outcome measure drawn across the
//! course with its baseline, response and remission thresholds and said
//! in words; the same per-session facts drawn; what is due or overdue; the
//! goals as they changed. Inline CSS and SVG, no script, nothing fetched;
//! it prints in greyscale (lines told apart by dashes and marks).
//!
//! Pure: a function of the course's records and the day it is made.

use super::course_chart::{self, Beside, Kind, Reference, SessionChart};
use super::{document, esc};
use crate::course::CourseEntry;
use crate::course_facts::DISSOCIATION;
use crate::course_words;
use crate::outcome_words::{self, MeasureCourse};
use crate::protocol::Protocol;
use crate::session::course::due;
use chrono::NaiveDateTime;

/// The page for `patient`: one section per course (a protocol's sessions,
/// oldest first), as of `now`.
pub fn page(
    patient: &str,
    courses: &[Vec<CourseEntry>],
    now: NaiveDateTime,
    lang: crate::i18n::Lang,
) -> String {
    let title = crate::say!(lang, "html-course-title", patient = patient.to_string());
    let records: usize = courses.iter().map(Vec::len).sum();
    let mut body = format!("<h1>{}</h1>\n", esc(&title));
    body.push_str(&format!(
        "<p class=\"lead\">{}</p>\n",
        esc(&crate::say!(
            lang,
            "html-course-made",
            date = crate::i18n::date_in(lang, now.date()),
            version = env!("CARGO_PKG_VERSION"),
            n = records
        ))
    ));
    for (i, entries) in courses.iter().enumerate() {
        if let Some(first) = entries.first() {
            body.push_str(&section(i, first.session.protocol(), entries, now, lang));
        }
    }
    document(&title, &body, lang)
}

fn section(
    n: usize,
    p: &Protocol,
    entries: &[CourseEntry],
    now: NaiveDateTime,
    lang: crate::i18n::Lang,
) -> String {
    let mut out = format!(
        "<section>\n<h2>{}</h2>\n",
        esc(&crate::say!(
            lang,
            "html-course-protocol",
            protocol = p.protocol.name.clone(),
            held = entries.iter().filter(|e| e.held()).count(),
            sessions = p.course.sessions
        ))
    );
    out.push_str(&encounters(p, entries, lang));
    let measures = outcome_words::measures(p, entries);
    if measures.iter().any(|m| !m.given.is_empty()) {
        out.push_str(&format!(
            "<h3>{}</h3>\n",
            esc(&crate::say!(lang, "html-course-h-measures"))
        ));
        for (i, m) in measures.iter().enumerate() {
            out.push_str(&measure(p, m, &format!("c{n}-m{i}"), lang));
        }
    }
    out.push_str(&format!(
        "<h3>{}</h3>\n",
        esc(&crate::say!(lang, "html-course-h-sessions"))
    ));
    for c in session_charts(p, entries, n, lang) {
        out.push_str(&figure(&c, lang));
    }
    let encounters: Vec<_> = entries.iter().map(CourseEntry::encounter).collect();
    let items = due::due(p, &encounters, now);
    out.push_str(&format!(
        "<h3>{}</h3>\n<ul>\n",
        esc(&crate::say!(
            lang,
            "cli-course-due",
            today = crate::i18n::date_in(lang, now.date())
        ))
    ));
    for i in &items {
        out.push_str(&format!(
            "<li>{}</li>\n",
            esc(&course_words::item(i, false, lang))
        ));
    }
    out.push_str("</ul>\n");
    out.push_str(&goals(p, entries, lang));
    out.push_str("</section>\n");
    out
}

/// The sessions as a table: date, session, held or not (ended early and
/// why), dose given, dissociation, alarms, device alarms from the
/// monitor (— when none was listened to), clinicians.
fn encounters(p: &Protocol, entries: &[CourseEntry], lang: crate::i18n::Lang) -> String {
    let cols = [
        "html-course-col-date",
        "html-course-col-session",
        "html-course-col-state",
        "html-course-col-dose",
        "html-course-col-dissociation",
        "html-course-col-alarms",
        "html-course-col-device-alarms",
        "html-course-col-clinicians",
    ];
    let mut out = String::from("<table>\n<thead><tr>");
    for c in cols {
        out.push_str(&format!(
            "<th>{}</th>",
            esc(&crate::i18n::text(lang, c, None))
        ));
    }
    out.push_str("</tr></thead>\n<tbody>\n");
    for e in entries {
        let s = &e.session;
        let state = match s.closed.as_ref().and_then(|c| c.abandoned.as_deref()) {
            Some(why) => crate::say!(lang, "html-course-ended-early", reason = why.to_string()),
            None if e.held() => crate::say!(lang, "cli-course-held"),
            None => crate::say!(lang, "cli-course-not-held"),
        };
        let cell = |v: Option<f64>| v.map_or("—".to_string(), |x| crate::i18n::num_in(lang, x));
        out.push_str(&format!(
            "<tr><td>{}</td><td>{}</td><td>{}</td><td class=\"num\">{}</td>\
             <td class=\"num\">{}</td><td class=\"num\">{}</td><td class=\"num\">{}</td>\
             <td>{}</td></tr>\n",
            esc(&crate::i18n::date_in(lang, s.started_at.wall.date_naive())),
            esc(&p.session_label(s.start.session).say(lang)),
            esc(&state),
            esc(&cell(e.dose_given())),
            esc(&cell(e.dissociation())),
            e.alarms(),
            e.device_alarms().map_or("—".to_string(), |n| n.to_string()),
            esc(&s.start.clinicians.join(", "))
        ));
    }
    out.push_str("</tbody>\n</table>\n");
    out
}

/// A measure: its chart (totals by session, the baseline, response and
/// remission thresholds), then its administrations and verdict in words.
fn measure(p: &Protocol, m: &MeasureCourse, id: &str, lang: crate::i18n::Lang) -> String {
    if m.given.is_empty() {
        return String::new();
    }
    let mut refs = Vec::new();
    if let Some(b) = m.trend.baseline() {
        refs.push(Reference {
            value: f64::from(b.total),
            label: crate::say!(lang, "html-course-ref-baseline", total = b.total),
            style: "base",
        });
        if let Some(r) = &m.response {
            let pct = r.reduction_over_percent.min(100);
            refs.push(Reference {
                value: f64::from(b.total) * f64::from(100 - pct) / 100.0,
                label: crate::say!(lang, "html-course-ref-response", percent = pct),
                style: "dash",
            });
        }
    }
    if let Some(r) = &m.remission {
        refs.push(Reference {
            value: f64::from(r.below),
            label: crate::say!(lang, "html-course-ref-remission", below = r.below),
            style: "dot",
        });
    }
    let chart = SessionChart {
        id: id.to_string(),
        title: crate::say!(lang, "html-course-chart-measure", name = m.name.clone()),
        desc: crate::say!(lang, "html-course-chart-measure-desc", max = m.max_total),
        kind: Kind::Line,
        columns: m
            .given
            .iter()
            .map(|g| {
                (
                    p.session_label(g.session).say(lang),
                    Some(f64::from(g.total)),
                )
            })
            .collect(),
        max: f64::from(m.max_total),
        whole: true,
        references: refs,
        beside: None,
    };
    // The words of `kap course`, without its text chart (drawn above).
    let lines = outcome_words::lines(p, m, lang);
    let keep = lines
        .len()
        .saturating_sub(outcome_words::chart(m, lang).len());
    let mut out = figure(&chart, lang);
    out.push_str("<ul class=\"rows\">\n");
    for l in &lines[..keep] {
        out.push_str(&format!("<li>{}</li>\n", esc(l.trim())));
    }
    out.push_str("</ul>\n");
    out
}

/// The per-session charts: dose given, dissociation (when the protocol
/// rates it), alarms.
fn session_charts(
    p: &Protocol,
    entries: &[CourseEntry],
    n: usize,
    lang: crate::i18n::Lang,
) -> Vec<SessionChart> {
    let label = |e: &CourseEntry| p.session_label(e.session.start.session).say(lang);
    let planned = entries
        .iter()
        .map(|e| e.session.start.dose_mg)
        .fold(0.0, f64::max);
    let mut out = vec![SessionChart {
        id: format!("c{n}-dose"),
        title: crate::say!(lang, "html-course-chart-dose"),
        desc: crate::say!(lang, "html-course-chart-dose-desc"),
        kind: Kind::Bars,
        columns: entries.iter().map(|e| (label(e), e.dose_given())).collect(),
        max: planned,
        whole: false,
        references: Vec::new(),
        beside: None,
    }];
    if let Some((_, prompt)) = p.prompt(DISSOCIATION) {
        let max = prompt.scale.as_ref().map_or(10, |s| s.max) as f64;
        out.push(SessionChart {
            id: format!("c{n}-dissociation"),
            title: crate::say!(
                lang,
                "html-course-chart-dissociation",
                max = crate::i18n::num_in(lang, max)
            ),
            desc: prompt.text.clone(),
            kind: Kind::Line,
            columns: entries
                .iter()
                .map(|e| (label(e), e.dissociation()))
                .collect(),
            max,
            whole: true,
            references: Vec::new(),
            beside: None,
        });
    }
    out.push(alarms_chart(entries, n, &label, lang));
    out
}

/// The alarms raised: the clinician's (from entered vitals) as plain bars
/// and, once any session listened to a bedside monitor, its device alarms
/// hatched beside them, counted apart (`CourseEntry::device_alarms`) and
/// said in the chart's words; a dash for a session without a monitor.
fn alarms_chart(
    entries: &[CourseEntry],
    n: usize,
    label: &dyn Fn(&CourseEntry) -> String,
    lang: crate::i18n::Lang,
) -> SessionChart {
    let device: Vec<Option<f64>> = entries
        .iter()
        .map(|e| e.device_alarms().map(|d| d as f64))
        .collect();
    let mut desc = crate::say!(lang, "html-course-chart-alarms-desc");
    let beside = device.iter().any(Option::is_some).then(|| {
        desc = format!(
            "{desc} {}",
            crate::say!(lang, "html-course-chart-alarms-device-desc")
        );
        Beside {
            first: crate::say!(lang, "html-course-chart-alarms-entered"),
            label: crate::say!(lang, "html-course-chart-alarms-device"),
            values: device,
        }
    });
    SessionChart {
        id: format!("c{n}-alarms"),
        title: crate::say!(lang, "html-course-chart-alarms"),
        desc,
        kind: Kind::Bars,
        columns: entries
            .iter()
            .map(|e| (label(e), Some(e.alarms() as f64)))
            .collect(),
        max: 1.0,
        whole: true,
        references: Vec::new(),
        beside,
    }
}

fn figure(c: &SessionChart, lang: crate::i18n::Lang) -> String {
    format!(
        "<figure class=\"chart-box\">\n{}\n<figcaption>{}</figcaption>\n</figure>\n",
        course_chart::svg(c, lang),
        esc(&c.desc)
    )
}

/// Every version of the goals, oldest first.
fn goals(p: &Protocol, entries: &[CourseEntry], lang: crate::i18n::Lang) -> String {
    let versions: Vec<_> = entries
        .iter()
        .filter_map(|e| e.session.goals.as_ref().map(|g| (&e.session, g)))
        .collect();
    if versions.is_empty() {
        return String::new();
    }
    let mut out = format!(
        "<h3>{}</h3>\n",
        esc(&crate::say!(
            lang,
            "cli-course-goals",
            kind = p.course.goals.kind.label().say(lang)
        ))
    );
    for (s, g) in versions {
        out.push_str(&format!(
            "<p>{}</p>\n<ul>\n",
            esc(&crate::say!(
                lang,
                "cli-course-goals-set",
                session = s.start.session,
                date = crate::i18n::date_in(lang, s.started_at.wall.date_naive())
            ))
        ));
        for goal in g {
            out.push_str(&format!(
                "<li>{}</li>\n",
                esc(&crate::text::clean_line(goal))
            ));
        }
        out.push_str("</ul>\n");
    }
    out
}
