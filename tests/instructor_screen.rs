//! The instructor's console at 80×24, in English, Québec French and Brazilian Portuguese, as
//! `insta` snapshots: the trainee's side, the patient's true values, the
//! named injections, what was injected and the keys all fit. One test
//! walks both languages, because the language is the process's setting.

use kap::i18n::Lang;
use kap::instruct::Status;
use kap::rehearsal::inject::Device;
use kap::tui::instructor::{Console, draw};
use ratatui::Terminal;
use ratatui::backend::TestBackend;

fn status() -> Status {
    Status {
        session: "Montreal model · session 2 of 6 · P-017".into(),
        scenario: Some("Montreal session 2, hypertensive spike at 20 min".into()),
        phase: "Dosing".into(),
        clock: "10:21:30".into(),
        dosing: "infusion running since 10:02".into(),
        elapsed: Some("19 min".into()),
        speed: 30.0,
        paused: true,
        hr: Some(96),
        spo2: None,
        bp: Some("204/118 (10:20)".into()),
        said: vec!["The patient looks flushed.".into()],
        true_bp: Some("206/117".into()),
        entered: Some("10:20  204/118 96 97".into()),
        alarms: vec!["Systolic BP 204 mmHg above 200 (active)".into()],
        agreed: Some("Agreed: touch: No touch · guiding: little".into()),
        risk: Some("Risk screen POSITIVE (2) at 10:05 · plan 2 of 6".into()),
        meds: vec!["Rescue given: 10:19 Midazolam 1 mg".into()],
        named: vec![
            ("bp-climbs".into(), "BP climbs 50/25 over 4 min".into()),
            ("nausea".into(), "Nausea".into()),
        ],
        failed: vec![Device::Spo2Probe],
        log: vec!["10:20  systolic BP +60 at once".into()],
        closed: false,
    }
}

fn screen(c: &Console, lang: Lang) -> String {
    let mut t = Terminal::new(TestBackend::new(80, 24)).unwrap();
    t.draw(|f| draw(f, c, lang)).unwrap();
    let buf = t.backend().buffer().clone();
    let mut out = String::new();
    for y in 0..buf.area.height {
        let line: String = (0..buf.area.width)
            .map(|x| buf[(x, y)].symbol().to_string())
            .collect();
        out.push_str(line.trim_end());
        out.push('\n');
    }
    out
}

#[test]
fn the_console_fits_80_by_24_in_every_language() {
    for lang in [Lang::En, Lang::FrCa, Lang::PtBr] {
        let mut c = Console::new();
        c.status = Some(status());
        c.message = Some((kap::say!(lang, "flash-sim-paused-by-instructor"), false));
        let s = screen(&c, lang);
        insta::assert_snapshot!(format!("instructor-{}", lang.tag()), s);
        // The trainee's agreements, risk pathway and rescue doses are all
        // in view, not cut off below the panel.
        for whole in ["guiding: little", "plan 2", "Midazolam 1 mg"] {
            assert!(s.contains(whole), "{whole}: {s}");
        }
        // The keys' last words are on screen, not cut off.
        let keys = kap::say!(lang, "instruct-keys");
        let last = keys.split_whitespace().last().unwrap();
        assert!(s.contains(last), "{s}");
        assert!(s.contains(&kap::say!(
            lang,
            "instruct-failed",
            devices = Device::Spo2Probe.name(lang)
        )));
    }
}
