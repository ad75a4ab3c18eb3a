//! Visits (issue #30): assessment, preparation, integration, follow-up and
//! maintenance review, each a session record of its own kind with a short
//! flow from the protocol file; the preparation checklist carried across
//! visits; the course's due rules counting the visits recorded.

mod common;

use chrono::{NaiveDate, NaiveDateTime};
use kap::protocol::{self, Contact, PromptKind, TopicList, VisitKind};
use kap::session::course::Encounter;
use kap::session::course::due::{Owed, Standing, due};
use kap::session::visits::{carried_into, checklist};
use kap::session::{
    Clock, Event, MINUTE, Session, SessionStart, SimClock, StartFields, VisitStart, plan_visit,
};
use std::sync::Arc;

fn visit_start(p: &protocol::Protocol, kind: VisitKind, who: &str) -> SessionStart {
    plan_visit(
        p,
        StartFields {
            patient: "P-017",
            session: "",
            weight_kg: "",
            mg_per_kg: "",
            clinicians: who,
        },
        VisitStart {
            kind,
            contact: Contact::InPerson,
        },
        1,
        false,
    )
    .expect("a visit the protocol names")
}

fn tick(s: &mut Session, clock: &SimClock, id: &str) {
    clock.advance(MINUTE);
    s.apply(
        &Event::Ticked {
            prompt: id.into(),
            checked: true,
            evidence: None,
        },
        &clock.now(),
    )
    .unwrap_or_else(|r| panic!("tick {id} refused: {}", r.say(kap::i18n::Lang::En)));
}

#[test]
fn a_visit_runs_the_flow_its_protocol_file_names_and_gives_no_dose() {
    let p = common::session::load("montreal.toml");
    let clock = SimClock::fixed();
    let start = visit_start(&p, VisitKind::Preparation, "Dr Okafor; A. Martin, RN");
    assert_eq!(start.clinicians[0], "Dr Okafor", "who holds it comes first");
    assert_eq!((start.weight_kg, start.dose_mg), (0.0, 0.0));
    let mut s = Session::start(Arc::clone(&p), start, clock.now()).unwrap();

    // One phase: the nine goals of Montreal Table 4 in the file's order,
    // as checklist items, then the visit's own notes.
    let phases = &s.protocol().phases;
    assert_eq!(phases.len(), 1);
    let prompts = &phases[0].prompts;
    let topics = &p.course.preparation.as_ref().unwrap().topics;
    assert_eq!(topics.len(), 9);
    for (i, t) in topics.iter().enumerate() {
        assert_eq!(prompts[i].id, format!("preparation-topic-{}", i + 1));
        assert_eq!(&prompts[i].text, t);
        assert_eq!(prompts[i].kind, PromptKind::Check);
        assert_eq!(prompts[i].source.as_deref(), Some("Montreal §3.2, Table 4"));
    }
    assert_eq!(prompts[9].id, "preparation-notes");
    assert!(
        s.protocol()
            .phases
            .iter()
            .all(|ph| ph.role != protocol::PhaseRole::Dosing)
    );

    // No dose in a visit.
    assert!(s.apply(&Event::DosingStarted, &clock.now()).is_err());
    tick(&mut s, &clock, "preparation-topic-1");
    clock.advance(MINUTE);
    s.apply(&Event::Closed, &clock.now())
        .unwrap_or_else(|r| panic!("a finished visit closes: {}", r.say(kap::i18n::Lang::En)));
    assert!(s.is_closed());

    // A kind the protocol does not name is refused, by its kind.
    let mut other = visit_start(&p, VisitKind::Preparation, "Dr Okafor");
    other.visit = Some(VisitStart {
        kind: VisitKind::Integration,
        contact: Contact::InPerson,
    });
    assert!(Session::start(Arc::clone(&p), other, clock.now()).is_err());
    // A way of holding it the protocol does not allow is refused at the start.
    let err = plan_visit(
        &p,
        StartFields {
            patient: "P-017",
            session: "",
            weight_kg: "",
            mg_per_kg: "",
            clinicians: "Dr Okafor",
        },
        VisitStart {
            kind: VisitKind::Assessment,
            contact: Contact::Phone,
        },
        1,
        false,
    );
    assert!(err.is_err());
    // No clinician, no visit.
    let err = plan_visit(
        &p,
        StartFields {
            patient: "P-017",
            session: "",
            weight_kg: "",
            mg_per_kg: "",
            clinicians: " ",
        },
        VisitStart {
            kind: VisitKind::FollowUp,
            contact: Contact::Phone,
        },
        1,
        false,
    );
    assert!(err.is_err());
}

#[test]
fn the_preparation_checklist_is_carried_across_visits_in_the_papers_order() {
    let p = common::session::load("montreal.toml");
    let clock = SimClock::fixed();
    let start = |who: &str| visit_start(&p, VisitKind::Preparation, who);
    let mut first = Session::start(Arc::clone(&p), start("Dr Okafor"), clock.now()).unwrap();
    for n in 1..=4 {
        tick(&mut first, &clock, &format!("preparation-topic-{n}"));
    }
    clock.advance(3 * 24 * 60 * MINUTE);
    let mut second = Session::start(Arc::clone(&p), start("Dr Silva"), clock.now()).unwrap();

    // The second visit carries in what the first did.
    let carried = carried_into(&p, VisitKind::Preparation, &[&first]);
    assert_eq!(
        carried.keys().cloned().collect::<Vec<_>>(),
        (1..=4)
            .map(|n| format!("preparation-topic-{n}"))
            .collect::<Vec<_>>()
    );
    assert!(carried.values().all(|c| c.number == 1));

    // Ticking again in a later visit keeps the first visit's credit.
    tick(&mut second, &clock, "preparation-topic-2");
    for n in 5..=9 {
        tick(&mut second, &clock, &format!("preparation-topic-{n}"));
    }
    // Any order of the records given: numbered by when they began.
    let list = checklist(&p, TopicList::Preparation, &[&second, &first]);
    let done: Vec<(usize, Option<u32>)> = list
        .iter()
        .enumerate()
        .map(|(i, item)| (i + 1, item.done.as_ref().map(|d| d.number)))
        .collect();
    assert_eq!(
        done,
        vec![
            (1, Some(1)),
            (2, Some(1)),
            (3, Some(1)),
            (4, Some(1)),
            (5, Some(2)),
            (6, Some(2)),
            (7, Some(2)),
            (8, Some(2)),
            (9, Some(2)),
        ]
    );
    assert_eq!(list[0].text, "The treatment frame");

    // An item unticked in its visit is not done.
    clock.advance(MINUTE);
    first
        .apply(
            &Event::Ticked {
                prompt: "preparation-topic-3".into(),
                checked: false,
                evidence: None,
            },
            &clock.now(),
        )
        .unwrap();
    let carried = carried_into(&p, VisitKind::Preparation, &[&first]);
    assert!(!carried.contains_key("preparation-topic-3"));

    // Only preparation visits count, and integration topics are asked afresh.
    assert!(carried_into(&p, VisitKind::FollowUp, &[&first, &second]).is_empty());
}

fn at(y: i32, m: u32, d: u32, h: u32) -> NaiveDateTime {
    NaiveDate::from_ymd_opt(y, m, d)
        .unwrap()
        .and_hms_opt(h, 0, 0)
        .unwrap()
}

fn dose(session: u32, when: NaiveDateTime) -> Encounter {
    Encounter {
        protocol_id: "palliative".into(),
        session,
        started: when - chrono::TimeDelta::minutes(50),
        dose_at: Some(when),
        held: true,
        visit: None,
    }
}

fn visit(kind: VisitKind, session: u32, when: NaiveDateTime) -> Encounter {
    Encounter {
        protocol_id: "palliative".into(),
        session,
        started: when,
        dose_at: None,
        held: false,
        visit: Some(kind),
    }
}

#[test]
fn the_course_counts_the_preparation_and_integration_visits_recorded() {
    let p = common::session::load("palliative.toml");
    let prep = |items: &[kap::session::course::due::Item]| {
        items.iter().find_map(|i| match &i.owed {
            Owed::Preparation { held, min, max, .. } => Some((*held, *min, *max, i.standing)),
            _ => None,
        })
    };
    // Palliative §3.2.1: 2–3 preparation visits before the first dose.
    let none: [Encounter; 0] = [];
    assert_eq!(
        prep(&due(&p, &none, at(2026, 3, 1, 9))),
        Some((0, 2, 3, Standing::Open))
    );
    let one = [visit(VisitKind::Preparation, 1, at(2026, 2, 20, 10))];
    assert_eq!(
        prep(&due(&p, &one, at(2026, 3, 1, 9))),
        Some((1, 2, 3, Standing::Open))
    );
    let two = [
        visit(VisitKind::Preparation, 1, at(2026, 2, 20, 10)),
        visit(VisitKind::Preparation, 1, at(2026, 2, 25, 10)),
        visit(VisitKind::Integration, 1, at(2026, 2, 26, 10)),
    ];
    assert_eq!(
        prep(&due(&p, &two, at(2026, 3, 1, 9))),
        Some((2, 2, 3, Standing::Done))
    );
    // A visit is never a dose: the first dose is still owed.
    assert!(
        due(&p, &two, at(2026, 3, 1, 9))
            .iter()
            .any(|i| i.owed == Owed::FirstDose)
    );

    // Palliative §3.2.3: integration within 24–72 h of each dose. A visit
    // recorded in the window does it; one before the window does not.
    let integration = |enc: &[Encounter], now| {
        due(&p, enc, now)
            .into_iter()
            .filter_map(|i| match i.owed {
                Owed::Integration { after, visit, .. } => Some((after, visit, i.standing)),
                _ => None,
            })
            .collect::<Vec<_>>()
    };
    let course = [
        dose(1, at(2026, 3, 2, 10)),
        visit(VisitKind::Integration, 1, at(2026, 3, 4, 15)),
        dose(2, at(2026, 3, 9, 10)),
        visit(VisitKind::Integration, 2, at(2026, 3, 10, 9)),
    ];
    assert_eq!(
        integration(&course, at(2026, 3, 14, 9)),
        vec![
            (1, Some(at(2026, 3, 4, 15)), Standing::Done),
            (2, None, Standing::Closed),
        ]
    );
    // No preparation owed once a dose is given.
    assert_eq!(prep(&due(&p, &course, at(2026, 3, 14, 9))), None);
}

#[test]
fn a_visit_flow_is_checked_with_the_file_line_and_column() {
    let (_, text) = common::course::load("palliative.toml");
    let bad = text.replace(
        "  id = \"integration-topics\"\n  title = \"Integration\"\n  role = \"integration\"",
        "  id = \"integration-topics\"\n  title = \"Integration\"\n  role = \"dosing\"",
    );
    assert_ne!(bad, text);
    let errs = protocol::load_str(std::path::Path::new("p.toml"), &bad).unwrap_err();
    let said: Vec<String> = errs.iter().map(|d| d.say(kap::i18n::Lang::En)).collect();
    assert!(
        said.iter().any(|d| d.contains("visit[2].phase[1].role")),
        "{said:?}"
    );
    let topics_in_session = text.replacen(
        "[[phase]]\nid = \"integration\"",
        "[[phase]]\ntopics = \"integration\"\nid = \"integration\"",
        1,
    );
    assert_ne!(topics_in_session, text);
    let errs = protocol::load_str(std::path::Path::new("p.toml"), &topics_in_session).unwrap_err();
    assert!(
        errs.iter()
            .any(|d| d.say(kap::i18n::Lang::En).contains("topics")),
        "{errs:?}"
    );
}

/// A follow-up by phone held by Dr Silva, recorded through the store and
/// closed, then a preparation visit by Dr Okafor.
fn recorded_visits(store: &kap::record::Store) -> (kap::record::OpenSession, SimClock) {
    let (p, text) = common::course::load("montreal.toml");
    let clock = SimClock::fixed();
    let mut start = visit_start(&p, VisitKind::FollowUp, "Dr Silva; A. Martin, RN");
    start.visit = Some(VisitStart {
        kind: VisitKind::FollowUp,
        contact: Contact::Phone,
    });
    let mut open = store.create_session(&text, start, &clock.now()).unwrap();
    clock.advance(5 * MINUTE);
    open.record(
        Event::Answered {
            prompt: "follow-up-notes".into(),
            text: "Sleeping better".into(),
        },
        &clock.now(),
    )
    .unwrap();
    clock.advance(MINUTE);
    open.record(Event::Closed, &clock.now()).unwrap();
    // The nurse on the call adds to the signed record in her own name.
    clock.advance(60 * MINUTE);
    open.record_stamped(
        Event::Addendum {
            text: "Patient called back: sleep still better".into(),
            reason: "late information".into(),
        },
        &clock.now(),
        &kap::session::Stamp {
            by: Some("A. Martin, RN".into()),
            taken: None,
        },
    )
    .unwrap();
    (open, clock)
}

#[test]
fn a_visits_summary_csv_and_fhir_name_its_kind_and_its_clinician() {
    let tmp = tempfile::tempdir().unwrap();
    let store = kap::record::Store::at(tmp.path());
    let (open, clock) = recorded_visits(&store);
    assert!(
        open.dir
            .file_name()
            .unwrap()
            .to_string_lossy()
            .starts_with("P-017-follow-up-"),
        "{}",
        open.dir.display()
    );
    let s = &open.session;
    let now = clock.now();
    let integrity = Default::default();

    let md = kap::record::export::markdown(s, &now, &integrity, kap::i18n::Lang::En);
    assert!(md.contains("# Visit: follow-up — patient P-017"), "{md}");
    // `kap resume --status` names it by its kind and holder, with no dose.
    let out = std::process::Command::new(env!("CARGO_BIN_EXE_kap"))
        .args([
            "resume",
            &open.dir.file_name().unwrap().to_string_lossy(),
            "--status",
        ])
        .env("KAP_DATA_DIR", tmp.path())
        .env("KAP_LANG", "en")
        .output()
        .unwrap();
    let said = String::from_utf8_lossy(&out.stdout);
    assert!(
        said.contains("follow-up by phone, held by Dr Silva"),
        "{said}{}",
        String::from_utf8_lossy(&out.stderr)
    );
    assert!(!said.contains("given"), "{said}");
    assert!(
        md.contains("- Visit: follow-up by phone, held by Dr Silva"),
        "{md}"
    );
    assert!(md.contains("Sleeping better"), "{md}");
    assert!(!md.contains("Infusion"), "a visit has no infusion:\n{md}");
    let addendum = md
        .lines()
        .find(|l| l.contains("Patient called back"))
        .unwrap_or_else(|| panic!("no addendum:\n{md}"));
    assert!(addendum.contains("A. Martin, RN"), "{addendum}");

    let html = kap::record::export::html(s, &now, &integrity, kap::i18n::Lang::En);
    assert!(html.contains("Visit: follow-up"), "the HTML page names it");
    // Its title too, as the document heads it (not a dose session's).
    assert!(
        html.contains("<title>Visit: follow-up — patient P-017</title>"),
        "{html}"
    );

    let csv = kap::record::csv::long(s, "rec", &integrity);
    let visit_row = csv
        .lines()
        .find(|l| l.contains(",visit,"))
        .unwrap_or_else(|| panic!("no visit row:\n{csv}"));
    assert!(visit_row.contains(",visit,follow-up,phone,"), "{visit_row}");
    assert!(visit_row.contains(",Dr Silva,"), "{visit_row}");
    assert!(!csv.contains(",dose,"), "a visit has no dose rows:\n{csv}");

    let bundle = kap::record::export::fhir(s, "rec", &now, &integrity, kap::i18n::Lang::En);
    let encounter = bundle["entry"]
        .as_array()
        .unwrap()
        .iter()
        .map(|e| &e["resource"])
        .find(|r| r["resourceType"] == "Encounter")
        .expect("an Encounter");
    assert_eq!(encounter["class"]["code"], "VR", "by phone: virtual");
    assert_eq!(
        encounter["type"][0]["coding"][0]["system"],
        "urn:kap:visit-kind"
    );
    assert_eq!(encounter["type"][0]["coding"][0]["code"], "follow-up");
    assert_eq!(
        encounter["participant"][0]["type"][0]["coding"][0]["code"],
        "PPRF"
    );
    let who = encounter["participant"][0]["individual"]["display"].clone();
    assert_eq!(who, "Dr Silva", "{encounter}");
    assert!(
        !bundle.to_string().contains("MedicationAdministration"),
        "a visit gives no ketamine"
    );
}

#[test]
fn kap_protocol_show_lists_each_visit_with_its_flow() {
    let out = std::process::Command::new(env!("CARGO_BIN_EXE_kap"))
        .args(["protocol", "show", "protocols/montreal.toml"])
        .current_dir(env!("CARGO_MANIFEST_DIR"))
        .env("KAP_LANG", "en")
        .output()
        .unwrap();
    let text = String::from_utf8_lossy(&out.stdout);
    let visits = text
        .split("Visits (no dose):")
        .nth(1)
        .unwrap_or_else(|| panic!("no visits:\n{text}"));
    for line in [
        "assessment — Psychiatric assessment and medical work-up (90 min), in person [Montreal §3.1, Table 3]",
        "preparation — Preparation (30–60 min), in person [Montreal §3.2, Table 4]",
        "      [ ] The treatment frame",
        "follow-up — Follow-up, in person, by phone, by video (site sets: contact) [Montreal §3.4]",
        "maintenance review — Maintenance review, in person [Montreal §3.4, Table 6]",
    ] {
        assert!(visits.contains(line), "{line:?} in:\n{visits}");
    }
}

/// R4's `cancelled` is "ended before it has begun": a visit ended early
/// after something about the patient was recorded took place, so it is
/// `finished` with why it ended in kap's extension; one ended before
/// anything was recorded is `cancelled` with HL7's reason.
#[test]
fn a_visit_ended_early_is_finished_once_anything_was_recorded_in_it() {
    let p = common::session::load("montreal.toml");
    let encounter = |answer: bool| {
        let clock = SimClock::fixed();
        let start = visit_start(&p, VisitKind::FollowUp, "Dr Silva");
        let mut s = Session::start(Arc::clone(&p), start, clock.now()).unwrap();
        if answer {
            clock.advance(MINUTE);
            s.apply(
                &Event::Answered {
                    prompt: "follow-up-notes".into(),
                    text: "Sleeping better".into(),
                },
                &clock.now(),
            )
            .unwrap();
        }
        clock.advance(MINUTE);
        s.apply(
            &Event::Abandoned {
                reason: "the call dropped".into(),
            },
            &clock.now(),
        )
        .unwrap();
        let b = kap::record::export::fhir(
            &s,
            "rec",
            &clock.now(),
            &Default::default(),
            kap::i18n::Lang::En,
        );
        b["entry"]
            .as_array()
            .unwrap()
            .iter()
            .map(|e| e["resource"].clone())
            .find(|r| r["resourceType"] == "Encounter")
            .unwrap()
    };
    let held = encounter(true);
    assert_eq!(held["status"], "finished", "{held}");
    assert_eq!(held["extension"][0]["url"], "urn:kap:ended-early", "{held}");
    assert_eq!(
        held["extension"][0]["valueCodeableConcept"]["text"],
        "the call dropped"
    );
    let not_held = encounter(false);
    assert_eq!(not_held["status"], "cancelled", "{not_held}");
    assert_eq!(
        not_held["extension"][0]["url"],
        "http://hl7.org/fhir/StructureDefinition/encounter-reasonCancelled"
    );
}
