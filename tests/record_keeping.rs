//! A record a clinic can sign: corrections that keep the original, late
//! entries filed where they belong, who made each entry, sign-off and
//! addenda — through the real journal, replayed, and into every export.

use kap::protocol;
use kap::record::{OpenSession, Store, export, store::read_session};
use kap::session::timeline::{self, Status};
use kap::session::vitals::parse;
use kap::session::{Clock, Event, MINUTE, SessionStart, SimClock, Stamp, StartFields, plan_start};
use std::path::PathBuf;

struct W {
    open: OpenSession,
    clock: SimClock,
    _tmp: tempfile::TempDir,
}

const NURSE: &str = "A. Martin, RN";
const DOCTOR: &str = "Dr B. Silva, psychiatrist";

impl W {
    /// A Montreal session 3 with two clinicians, walked to a running
    /// infusion.
    fn infusing() -> W {
        let tmp = tempfile::tempdir().unwrap();
        let path = PathBuf::from(env!("CARGO_MANIFEST_DIR")).join("protocols/montreal.toml");
        let text = std::fs::read_to_string(&path).unwrap();
        let p = protocol::load_str(&path, &text).unwrap().protocol;
        let fields = StartFields {
            patient: "P-017",
            session: "3",
            weight_kg: "70",
            mg_per_kg: "",
            clinicians: "A. Martin, RN; Dr B. Silva, psychiatrist",
        };
        let (start, _): (SessionStart, _) = plan_start(&p, fields, false).unwrap();
        let clock = SimClock::fixed();
        let store = Store::at(tmp.path());
        let open = store.create_session(&text, start, &clock.now()).unwrap();
        let mut w = W {
            open,
            clock,
            _tmp: tmp,
        };
        for _ in 0..3 {
            w.ok(Event::Advanced {
                reason: Some("test".into()),
            });
        }
        for id in ["readiness", "consent", "iv-line"] {
            w.ok(Event::Ticked {
                prompt: id.into(),
                checked: true,
                evidence: None,
            });
        }
        w.vitals("128/82 76 98");
        w.ok(Event::Advanced {
            reason: Some("test".into()),
        });
        w.ok(Event::DosingStarted);
        w
    }

    fn stamped(&mut self, ev: Event, stamp: Stamp) -> Result<u64, String> {
        self.clock.advance(MINUTE);
        self.open
            .record_stamped(ev, &self.clock.now(), &stamp)
            .map_err(|e| e.say(kap::i18n::Lang::En))
    }

    fn ok(&mut self, ev: Event) -> u64 {
        let by = Stamp {
            by: Some(NURSE.into()),
            taken: None,
        };
        self.stamped(ev, by).unwrap()
    }

    fn vitals(&mut self, v: &str) -> u64 {
        self.ok(Event::Vitals {
            reading: parse(v).unwrap(),
        })
    }

    fn replayed(&self) -> kap::session::Session {
        read_session(&self.open.dir).unwrap().session
    }
}

#[test]
fn each_kind_of_entry_can_be_corrected_and_the_original_is_kept_everywhere() {
    let mut w = W::infusing();
    let high = w.vitals("210/125 80 89");
    assert_eq!(w.open.session.alerts.active().len(), 3);
    let note = w.ok(Event::Note {
        text: "vomited".into(),
        tags: vec![],
        outside: None,
    });
    let conc = w.ok(Event::Recorded {
        prompt: "concentration-given".into(),
        value: kap::protocol::values::Value::Number(10.0),
    });
    let typo = w.vitals("118/79 72 97");
    let doctor = Stamp {
        by: Some(DOCTOR.into()),
        taken: None,
    };
    let fix = |entry, with: Option<Event>, reason: &str| Event::Corrected {
        entry,
        reason: reason.into(),
        with: with.map(Box::new),
    };
    // The high reading was another patient's: entered in error.
    w.stamped(fix(high, None, "another patient's monitor"), doctor.clone())
        .unwrap();
    // The note and the value are replaced.
    w.ok(fix(
        note,
        Some(Event::Note {
            text: "nauseated, did not vomit".into(),
            tags: vec![],
            outside: None,
        }),
        "misheard",
    ));
    w.ok(fix(
        conc,
        Some(Event::Recorded {
            prompt: "concentration-given".into(),
            value: kap::protocol::values::Value::Number(1.0),
        }),
        "read the wrong label",
    ));
    w.ok(fix(
        typo,
        Some(Event::Vitals {
            reading: parse("128/79 72 97").unwrap(),
        }),
        "typed 118 for 128",
    ));
    // A correction cannot be corrected twice, nor change the kind.
    assert!(
        w.stamped(fix(high, None, "again"), Stamp::default())
            .is_err()
    );
    let wrong_kind = fix(
        note,
        Some(Event::Vitals {
            reading: parse("120/80").unwrap(),
        }),
        "x",
    );
    assert!(w.stamped(wrong_kind, Stamp::default()).is_err());
    assert!(
        w.stamped(fix(note + 1000, None, "x"), Stamp::default())
            .is_err()
    );

    // The state honours the corrections, live and replayed alike.
    let s = w.replayed();
    assert_eq!(s, w.open.session);
    assert!(
        s.alerts.active().is_empty(),
        "alerts from the voided reading still wait"
    );
    assert!(s.alerts.alerts.iter().all(|a| a.in_error.is_some()));
    let readings: Vec<String> = s
        .vitals
        .iter()
        .map(|v| v.reading.words().say(kap::i18n::Lang::En))
        .collect();
    assert!(
        !readings
            .iter()
            .any(|r| r.contains("210/125") || r.contains("118/79")),
        "{readings:?}"
    );
    assert!(
        readings.iter().any(|r| r.contains("128/79")),
        "{readings:?}"
    );
    assert_eq!(s.notes.len(), 1);
    assert_eq!(s.notes[0].text, "nauseated, did not vomit");
    let conc_values: Vec<_> = s.values["concentration-given"]
        .iter()
        .map(|v| v.value.clone())
        .collect();
    assert_eq!(conc_values, vec![kap::protocol::values::Value::Number(1.0)]);
    // The replacement stands for the moment of the original.
    let orig_at = s.entry(typo).unwrap().at.clone();
    assert!(s.vitals.iter().any(|v| {
        v.at == orig_at
            && v.reading
                .words()
                .say(kap::i18n::Lang::En)
                .contains("128/79")
    }));
    assert_eq!(s.corrections[&high].by.as_deref(), Some(DOCTOR));

    // The timeline keeps the originals, marked.
    let rows = timeline::rows(&s, &w.clock.now());
    let struck: Vec<_> = rows
        .iter()
        .filter(|r| r.status != Status::Current)
        .collect();
    assert_eq!(
        struck.len(),
        4 + 3,
        "4 entries and the 3 alerts: {struck:#?}"
    );

    // The summary strikes them through beside the correction.
    let now = w.clock.now();
    let md = kap::record::summary::markdown(&s, &now, kap::i18n::Lang::En);
    for text in ["BP 210/125", "vomited", "BP 118/79"] {
        assert!(
            md.lines().any(|l| l.contains("~~") && l.contains(text)),
            "{text} not struck:\n{md}"
        );
    }
    assert!(md.contains("another patient's monitor"), "{md}");
    assert!(md.contains("raised by a reading entered in error"), "{md}");

    // CSV: every reading ever entered, with its status.
    let csv = export::csv(&s, &Default::default());
    assert!(
        csv.lines()
            .any(|l| l.contains(",210,125,") && l.contains(",entered-in-error,")),
        "{csv}"
    );
    assert!(
        csv.lines()
            .any(|l| l.contains(",118,79,") && l.contains(",replaced,")),
        "{csv}"
    );
    assert!(
        csv.lines()
            .any(|l| l.contains(",128,79,") && l.contains(",current,")),
        "{csv}"
    );

    // FHIR: the voided readings are Observations entered-in-error, under
    // the ids they always had.
    let bundle = export::fhir(&s, "rec", &now, &Default::default(), kap::i18n::Lang::En);
    let obs: Vec<&serde_json::Value> = bundle["entry"]
        .as_array()
        .unwrap()
        .iter()
        .map(|e| &e["resource"])
        .filter(|r| r["resourceType"] == "Observation")
        .collect();
    let voided: Vec<_> = obs
        .iter()
        .filter(|o| o["status"] == "entered-in-error")
        .filter(|o| o["category"][0]["coding"][0]["code"] == "vital-signs")
        .collect();
    assert_eq!(voided.len(), 6, "three readings of each voided set");
    // The note marked in error is kept too, marked, with why.
    assert!(obs.iter().any(|o| {
        o["valueString"]
            .as_str()
            .is_some_and(|t| t.contains("vomited"))
            && o["status"] == "entered-in-error"
            && o["note"][0]["text"].is_string()
    }));
    // The replacement reading stands, amended, saying what it replaced.
    assert!(obs.iter().any(|o| {
        o["status"] == "amended"
            && o["note"][0]["text"]
                .as_str()
                .is_some_and(|t| t.contains(&format!("replaces entry {typo}")))
    }));
    let id = |local: String| export::resource_id("rec", &local);
    assert!(voided.iter().any(|o| o["id"] == id(format!("bp-{high}"))));
    assert!(
        obs.iter()
            .any(|o| o["id"] == id(format!("bp-{typo}")) && o["status"] == "entered-in-error")
    );
}

#[test]
fn a_reading_taken_earlier_fills_the_window_it_belongs_to_and_is_marked_late() {
    let mut w = W::infusing();
    // 14 minutes into the infusion the BP (due 10–15 min) is due.
    w.clock.advance(12 * MINUTE);
    let now = w.clock.now();
    let due = w.open.session.vitals_due(&now).unwrap();
    assert_eq!(due.state, kap::session::DueState::Due);
    // It was taken 5 minutes ago and is typed now.
    let taken = now.plus(-5 * MINUTE);
    let seq = w
        .stamped(
            Event::Vitals {
                reading: parse("130/84 78 97").unwrap(),
            },
            Stamp {
                by: Some(NURSE.into()),
                taken: Some(taken.clone()),
            },
        )
        .unwrap();
    let s = w.replayed();
    let v = s.vitals.iter().find(|v| v.seq == seq).unwrap();
    assert_eq!(v.at, taken, "filed at the time taken");
    assert!(v.entered.is_some(), "marked as a late entry");
    // The schedule counts from when it was taken: next due 10 minutes
    // after that, not after the typing.
    let next = s.vitals_due(&w.clock.now()).unwrap();
    assert_eq!(next.from, taken.plus(10 * MINUTE));
    let row = timeline::rows(&s, &w.clock.now())
        .into_iter()
        .find(|r| r.seq == Some(seq))
        .unwrap();
    assert!(
        row.late && row.marks()[0].id() == Some("tl-late-recorded"),
        "{row:?}"
    );
    let md = kap::record::summary::markdown(&s, &w.clock.now(), kap::i18n::Lang::En);
    assert!(md.contains("late entry, recorded"), "{md}");
    // A time taken cannot be in the future, nor before the session.
    let future = Stamp {
        by: None,
        taken: Some(w.clock.now().plus(5 * MINUTE)),
    };
    assert!(
        w.stamped(
            Event::Note {
                text: "x".into(),
                tags: vec![],
                outside: None,
            },
            future
        )
        .is_err()
    );
    let before = Stamp {
        by: None,
        taken: Some(s.started_at.plus(-MINUTE)),
    };
    assert!(
        w.stamped(
            Event::Note {
                text: "x".into(),
                tags: vec![],
                outside: None,
            },
            before
        )
        .is_err()
    );
    // Only what can have happened earlier carries a time taken.
    let taken_start = Stamp {
        by: None,
        taken: Some(taken),
    };
    assert!(w.stamped(Event::DebriefStarted, taken_start).is_err());
}

#[test]
fn closing_is_signed_and_then_only_addenda_are_taken() {
    let mut w = W::infusing();
    w.ok(Event::Abandoned {
        reason: "patient asked to stop".into(),
    });
    let s = w.replayed();
    assert!(s.is_closed());
    let closing = s.log().last().unwrap();
    assert_eq!(closing.stamp.by.as_deref(), Some(NURSE));
    // Anything but an addendum is refused.
    let refused = w
        .stamped(
            Event::Note {
                text: "forgot to say".into(),
                tags: vec![],
                outside: None,
            },
            Stamp::default(),
        )
        .unwrap_err();
    assert!(refused.contains("the session is closed"), "{refused}");
    assert!(refused.contains("addendum"), "{refused}");
    // An addendum needs text and a reason, and says who and when.
    let no_reason = Event::Addendum {
        text: "x".into(),
        reason: " ".into(),
    };
    assert!(w.stamped(no_reason, Stamp::default()).is_err());
    let seq = w
        .stamped(
            Event::Addendum {
                text: "Pharmacy confirmed the batch: 1 mg/mL.".into(),
                reason: "information received after closing".into(),
            },
            Stamp {
                by: Some(DOCTOR.into()),
                taken: None,
            },
        )
        .unwrap();
    let s = w.replayed();
    assert_eq!(s.addenda.len(), 1);
    assert_eq!(s.addenda[0].seq, seq);
    assert_eq!(s.addenda[0].by.as_deref(), Some(DOCTOR));
    let md = kap::record::summary::markdown(&s, &w.clock.now(), kap::i18n::Lang::En);
    assert!(md.contains("## Addenda"), "{md}");
    assert!(md.contains("Pharmacy confirmed the batch"), "{md}");
    assert!(md.contains(DOCTOR), "{md}");
    // An addendum before closing is refused: entries are made as usual.
    let mut open = W::infusing();
    let early = Event::Addendum {
        text: "x".into(),
        reason: "y".into(),
    };
    assert!(open.stamped(early, Stamp::default()).is_err());
}

mod common;

use kap::tui::app::Screen;
use kap::tui::keys::Action;
use kap::tui::theme::ThemeName;
use ratatui::crossterm::event::{KeyCode, KeyEvent, KeyModifiers};

fn press(app: &mut kap::tui::app::App, code: KeyCode) {
    app.on_key(KeyEvent::new(code, KeyModifiers::NONE));
}

/// The same, as a clinician does it on screen: a reading corrected from
/// the timeline, the session signed, an addendum after it.
#[test]
fn on_screen_a_reading_is_voided_from_the_timeline_and_an_addendum_follows_the_signature() {
    let (mut app, clock, _tmp) = common::montreal_app(false, ThemeName::Plain, "P-screen", 3);
    common::into_infusion(&mut app, &clock);
    clock.advance(3 * MINUTE);
    common::vitals(&mut app, &clock, "210/125 80 89");
    let active = |app: &kap::tui::app::App| match &app.screen {
        Screen::Session(v) => v.open.session.alerts.active().len(),
        _ => 0,
    };
    assert_eq!(active(&app), 3);
    // L, up from the alerts to the reading, e, no replacement, a reason.
    common::update(&mut app, &clock, Action::Timeline);
    for _ in 0..3 {
        press(&mut app, KeyCode::Up);
    }
    press(&mut app, KeyCode::Char('e'));
    let (text, _) = common::render(&app, &clock, 80, 24);
    assert!(text.contains("Correct entry"), "{text}");
    assert!(text.contains("210/125"), "{text}");
    press(&mut app, KeyCode::Enter);
    common::type_line(&mut app, "another patient's monitor");
    assert!(app.modal.is_none());
    assert_eq!(
        active(&app),
        0,
        "the alerts of a voided reading stop waiting"
    );
    let (text, _) = common::render(&app, &clock, 80, 24);
    assert!(text.contains("marked entered in error"), "{text}");

    // End early (a signed closing too), then an addendum.
    common::update(&mut app, &clock, Action::EndEarly);
    press(&mut app, KeyCode::Char('y'));
    common::type_line(&mut app, "patient asked to stop");
    let Screen::Closed(c) = &app.screen else {
        panic!("not closed")
    };
    let dir = c.open.dir.clone();
    press(&mut app, KeyCode::Char('n'));
    assert!(
        matches!(app.screen, Screen::Closed(_)),
        "only A, L and q act here"
    );
    press(&mut app, KeyCode::Char('A'));
    common::type_line(&mut app, "Pharmacy confirmed the batch");
    common::type_line(&mut app, "information received after closing");
    assert!(app.modal.is_none());
    let summary = std::fs::read_to_string(dir.join("summary.md")).unwrap();
    assert!(summary.contains("## Addenda"), "{summary}");
    // The summary written at the close is kept as it was, not overwritten.
    let signed = std::fs::read_to_string(dir.join("summary.1.md")).unwrap();
    assert!(!signed.contains("## Addenda"), "{signed}");
    assert!(signed.contains("patient asked to stop"), "{signed}");
    assert!(!dir.join("summary.2.md").exists());
    assert!(
        summary.contains("Pharmacy confirmed the batch"),
        "{summary}"
    );
    assert!(summary.contains("by A. Martin, RN"), "{summary}");
    assert!(
        summary.contains("~~"),
        "the voided reading is struck through"
    );
    // The summary's seal follows the journal's new last entry.
    let journal = std::fs::read_to_string(dir.join("journal.jsonl")).unwrap();
    let n = journal.lines().count();
    assert!(summary.contains(&format!("entries 1 to {n};")), "{summary}");
    // And seal.json, which every reader compares the journal with.
    let seal: serde_json::Value =
        serde_json::from_str(&std::fs::read_to_string(dir.join("seal.json")).unwrap()).unwrap();
    assert_eq!(seal["entries"], n as u64);
    assert_eq!(seal["sealed_as"], "ended-early");
    let last = journal.lines().last().unwrap();
    assert_eq!(
        seal["last_sha256"],
        kap::record::verify::sha256_hex(last.as_bytes())
    );
    let (verdict, _) = kap::record::verdict::of_folder(&dir).unwrap();
    assert_eq!(verdict.code(), "ended-early");
}

#[test]
fn a_first_high_reading_entered_in_error_no_longer_waits_for_its_repeat() {
    let mut w = W::infusing();
    // 185 systolic: over the confirm-on-repeat limit, under the severe one.
    let first = w.vitals("185/95 80 97");
    assert_eq!(w.open.session.alerts.pending.len(), 1);
    w.ok(Event::Corrected {
        entry: first,
        reason: "another patient's monitor".into(),
        with: None,
    });
    assert!(
        w.open.session.alerts.pending.is_empty(),
        "the voided first reading still waits for a repeat"
    );
    // Six minutes on, a real 185 is a first reading again, not the repeat
    // that confirms the voided one.
    w.clock.advance(5 * MINUTE);
    w.vitals("185/95 80 97");
    assert!(w.open.session.alerts.alerts.is_empty());
    assert_eq!(w.open.session.alerts.pending.len(), 1);
    assert!(w.replayed().alerts.alerts.is_empty());
}

/// A changed answer is a correction: kap asks why, the new text replaces
/// the old for the moment it was taken, and the old text stays in the
/// record (a second save of the same text asks nothing).
#[test]
fn changing_a_saved_answer_asks_a_reason_and_keeps_the_earlier_text() {
    use kap::tui::app::{Modal, Msg, Screen};
    let (mut app, clock, _tmp) =
        common::montreal_app(true, kap::tui::theme::ThemeName::Plain, "P-change", 3);
    assert!(common::update(&mut app, &clock, Msg::Begin));
    let answer = |app: &mut kap::tui::app::App, text: &str| {
        common::update(
            app,
            &clock,
            Msg::Answer {
                prompt: "life-events".into(),
                text: text.into(),
            },
        )
    };
    assert!(answer(&mut app, "moved house in May"));
    assert!(
        answer(&mut app, "moved house in May"),
        "the same text: no change"
    );
    assert!(app.modal.is_none());
    assert!(!answer(&mut app, "moved house in June"));
    assert!(
        matches!(app.modal, Some(Modal::Reason(_))),
        "a reason is asked"
    );
    common::type_line(&mut app, "the patient corrected the month");
    assert!(app.modal.is_none());
    let Screen::Session(v) = &app.screen else {
        panic!("not in a session")
    };
    let s = &v.open.session;
    assert_eq!(s.answers["life-events"].text, "moved house in June");
    let journal = kap::record::journal::read(&v.open.dir.join("journal.jsonl")).unwrap();
    let first = journal
        .records
        .iter()
        .find(|r| matches!(&r.event, Event::Answered { text, .. } if text == "moved house in May"))
        .expect("the earlier text stays in the journal");
    assert!(
        s.corrections.contains_key(&first.seq),
        "and is marked corrected"
    );
    let last = &journal.records.last().unwrap().event;
    assert!(
        matches!(last, Event::Corrected { reason, with: Some(_), .. } if reason == "the patient corrected the month"),
        "{last:?}"
    );
}

/// kap killed between saving the closing entry and writing `summary.md`:
/// the next read of the record writes it, as the close would have,
/// sealed with the journal's last entry; a summary already there is left.
#[test]
fn a_closed_session_without_its_summary_gets_it_on_the_next_read() {
    let tmp = tempfile::tempdir().unwrap();
    let (dir, _) = common::recorded::recorded(tmp.path(), false);
    let summary = dir.join("summary.md");
    assert!(
        !summary.exists(),
        "the helper records without the app's close"
    );
    let read = read_session(&dir).unwrap();
    assert!(
        !summary.exists(),
        "a plain read (a replay's) writes nothing"
    );
    assert!(read.session.closed.is_some());
    kap::record::store::read_session_mending(&dir).unwrap();
    let text = std::fs::read_to_string(&summary).unwrap();
    let journal = kap::record::journal::read(&dir.join("journal.jsonl")).unwrap();
    assert!(
        text.contains(&format!("`{}`", journal.last_hash)),
        "sealed with the last entry:\n{text}"
    );
    std::fs::write(&summary, "kept").unwrap();
    kap::record::store::read_session_mending(&dir).unwrap();
    assert_eq!(std::fs::read_to_string(&summary).unwrap(), "kept");
}

/// The summary's heading names the patient as typed: an id holding
/// Markdown markup (an old journal's; the start screen refuses few
/// characters) does not turn the heading into a link or bold text.
#[test]
fn the_summary_heading_escapes_the_patient_id() {
    let mut h = common::session::H::new("montreal.toml", 1);
    h.s.start.patient = "*P* [x](y) <b>".into();
    let md = kap::record::summary::markdown(&h.s, &h.now(), kap::i18n::Lang::En);
    let heading = md.lines().find(|l| l.starts_with("# ")).unwrap();
    assert!(heading.contains("\\*P\\* \\[x\\](y) \\<b\\>"), "{heading}");
}

/// A summary mended on reading is in the language the session was
/// recorded in, as its close would have written it, not in the language
/// of whoever reads it (here English, for a Portuguese record).
#[test]
fn a_mended_summary_is_in_the_records_language() {
    let tmp = tempfile::tempdir().unwrap();
    let store = Store::at(tmp.path());
    let (dir, _, _) = common::course::fixed_course_in(&store, Some("pt-BR"));
    let summary = dir.join("summary.md");
    let _ = std::fs::remove_file(&summary);
    let read = kap::record::store::read_session_mending(&dir).unwrap();
    let written = std::fs::read_to_string(&summary).unwrap();
    let now = kap::record::export::read_at(&read.session, &read.session.started_at);
    let says = |lang| kap::record::summary::markdown(&read.session, &now, lang);
    let (pt, en) = (says(kap::i18n::Lang::PtBr), says(kap::i18n::Lang::En));
    let (pt_line, en_line) = pt
        .lines()
        .zip(en.lines())
        .find(|(a, b)| a != b)
        .expect("the two languages differ");
    assert!(written.contains(pt_line), "{pt_line:?} not in\n{written}");
    assert!(!written.contains(en_line), "{en_line:?} in\n{written}");
}
