//! The chart's data and the pages, on a Montreal session built in memory.

use super::chart::{self, Run};
use super::*;
use crate::protocol::Metric;
use crate::session::vitals::parse;
use crate::session::{Clock, Event, MINUTE, SimClock, StartFields, plan_start};

const HOSTILE: &str = "<script>alert(1)</script>";

/// A rehearsal on the Montreal protocol: baseline vitals, the infusion
/// started, a systolic reading past the limit (an alarm, acknowledged two
/// minutes later), a pause, a hostile note, and closed by ending early.
fn session() -> (Session, Moment) {
    let path =
        std::path::Path::new(env!("CARGO_MANIFEST_DIR")).join("../../protocols/montreal.toml");
    let text = std::fs::read_to_string(&path).expect("shipped protocol");
    let p = crate::protocol::load_str(&path, &text)
        .expect("shipped protocol loads")
        .protocol;
    let fields = StartFields {
        patient: "P<img src=x onerror=alert(2)>",
        session: "3",
        weight_kg: "70",
        mg_per_kg: "",
        clinicians: "Dr \"Quote\" & <b>Bold</b>",
    };
    let (start, _) = plan_start(&p, fields, true).expect("start");
    let clock = SimClock::fixed();
    let mut s = Session::start(std::sync::Arc::new(p), start, clock.now()).expect("session");
    let mut rec = |ev: Event, minutes: i64| {
        clock.advance(minutes * MINUTE);
        s.apply(&ev, &clock.now()).expect("accepted");
    };
    for _ in 0..3 {
        rec(
            Event::Advanced {
                reason: Some("test".into()),
            },
            1,
        );
    }
    for id in ["readiness", "consent", "iv-line"] {
        rec(
            Event::Ticked {
                prompt: id.into(),
                checked: true,
                evidence: None,
            },
            1,
        );
    }
    let vit = |v: &str| Event::Vitals {
        reading: parse(v).expect("reading"),
    };
    rec(vit("128/82 76 98"), 1);
    rec(
        Event::Answered {
            prompt: "lot-number".into(),
            text: "KX-2291".into(),
        },
        1,
    );
    rec(Event::Advanced { reason: None }, 1);
    rec(Event::DosingStarted, 1);
    rec(vit("130/84 80 97"), 10);
    rec(vit("210/104 92 97"), 10);
    rec(
        Event::AlertAcknowledged {
            alert: 1,
            action: Some(HOSTILE.into()),
        },
        2,
    );
    rec(
        Event::DosingPaused {
            reason: "BP high".into(),
        },
        1,
    );
    rec(Event::DosingResumed, 5);
    rec(
        Event::Note {
            text: format!("note {HOSTILE}"),
            tags: vec!["<i>tag</i>".into()],
            outside: None,
        },
        3,
    );
    rec(vit("150/90 84 96"), 2);
    rec(
        Event::Abandoned {
            reason: "end of the exercise".into(),
        },
        5,
    );
    let now = clock.now();
    (s, now)
}

#[test]
fn the_chart_holds_limits_alarms_and_the_infusion() {
    let lang = crate::i18n::Lang::En;
    let (s, now) = session();
    let c = chart::build(&s, &now, &[(20.0, "spike".into())], lang);
    assert!(c.from_dosing);
    assert_eq!(c.readings.len(), 4);
    // Baseline before dosing sits left of zero.
    assert!(c.readings[0].0 < 0.0 && c.start < 0.0);
    assert!(
        c.limits
            .iter()
            .any(|l| l.metric == Metric::Systolic && l.above),
        "{:?}",
        c.limits
    );
    let a = &c.alarms[0];
    assert_eq!(a.metric, Metric::Systolic);
    assert_eq!((a.from, a.to), (20.0, 22.0));
    assert!(a.acknowledged);
    let runs: Vec<Run> = c.infusion.iter().map(|s| s.run).collect();
    assert_eq!(runs[..3], [Run::Running, Run::Paused, Run::Running]);
    assert_eq!((c.infusion[1].from, c.infusion[1].to), (23.0, 28.0));
    assert!(c.marks.iter().any(|m| m.system), "the alarm's own mark");
    assert!(c.marks.iter().any(|m| m.title.contains(HOSTILE)));
}

#[test]
fn the_svg_draws_every_series_a_limit_band_and_the_alarm() {
    let lang = crate::i18n::Lang::En;
    let (s, now) = session();
    let c = chart::build(&s, &now, &[], lang);
    let svg = draw::svg(&c, lang);
    assert!(svg.starts_with("<svg"), "{svg}");
    for class in [
        "line s-sys",
        "line s-dia",
        "line s-hr",
        "line s-spo2",
        "limit-band prio-",
        "class=\"alarm\"",
        "class=\"run\"",
        "class=\"pause\"",
        "act raised",
    ] {
        assert!(svg.contains(class), "{class} missing");
    }
    // Every tooltip is text: the hostile note is there, escaped.
    assert!(!svg.contains(HOSTILE));
    assert!(svg.contains("&lt;script&gt;alert(1)&lt;/script&gt;"));
}

#[test]
fn a_reading_is_drawn_at_its_value() {
    let lang = crate::i18n::Lang::En;
    let (s, now) = session();
    let c = chart::build(&s, &now, &[], lang);
    let svg = draw::svg(&c, lang);
    // The BP panel's y ticks are labelled; 210 lies between two of them,
    // and its marker's tooltip names it.
    assert!(svg.contains("systolic BP 210 mmHg"), "{svg}");
    // The time axis starts at a whole tick and shows minute 0.
    assert!(svg.contains("class=\"zero\""));
}

#[test]
fn user_text_never_becomes_markup_on_either_page() {
    let lang = crate::i18n::Lang::En;
    let (s, now) = session();
    let page = summary(&s, &now, crate::doc::Doc::default(), Some(HOSTILE), lang);
    assert!(page.starts_with("<!DOCTYPE html>"));
    assert!(page.contains("<html lang=\"en\">"));
    for bad in ["<script", "<img", "<b>Bold", "<i>tag"] {
        assert!(!page.contains(bad), "{bad} got through:\n{page}");
    }
    assert!(page.contains("P&lt;img src=x onerror=alert(2)&gt;"));
    assert!(page.contains("&lt;script&gt;alert(1)&lt;/script&gt;"));
    // Self-contained: nothing fetched, no script.
    for outside in ["http://", "https://", "<link", "<script", " src=\""] {
        let without_ns = page.replace("http://www.w3.org/2000/svg", "");
        assert!(!without_ns.contains(outside), "{outside}");
    }
    assert!(page.contains("<svg"));
}
