//! The course's goals in the FHIR export and across laptops: a session
//! that sets goals exports one R4 `Goal` each (active, its words as
//! recorded, the patient, the clinician who recorded them, the session by
//! its Encounter's kap identifier); against a real FHIR R4 server (Helios;
//! skipped with a notice when `../shared/tools/fhir-server/start` is
//! missing, a failure under `CI=true`) laptop B's start form carries in
//! the goals laptop A set when A's session is the latest, `kap course` and
//! `kap history` say they are from the server, a later session of B's own
//! wins, and pushing again adds no Goal; a Goal the clinic cancelled on the
//! server is not read back as standing.

#[path = "common/fhir.rs"]
mod fhir;
#[path = "common/push_site.rs"]
mod push_site;

use kap::record::{Store, export};
use kap::session::{Clock, Event, MINUTE, SimClock, StartFields, plan_start};
use push_site::*;
use serde_json::Value;
use std::path::{Path, PathBuf};

const DAY: i64 = 24 * 60;

/// A Montreal session `number` of `patient` held `days` days after 5
/// January 2026 in `data`, setting `goals` (none when empty), then ended.
fn held(data: &Path, patient: &str, number: u32, days: i64, goals: &[&str]) {
    held_to(data, patient, number, days, goals, true)
}

/// As `held`, left open after the dose began unless `end`.
fn held_to(data: &Path, patient: &str, number: u32, days: i64, goals: &[&str], end: bool) {
    let (path, text) = montreal();
    let p = kap::protocol::load_str(&path, &text).unwrap().protocol;
    let fields = StartFields {
        patient,
        session: &number.to_string(),
        weight_kg: "70",
        mg_per_kg: "",
        clinicians: "A. Martin, RN",
    };
    let (start, _) = plan_start(&p, fields, false).unwrap();
    let clock = SimClock::fixed();
    clock.advance(MINUTE * DAY * days);
    let mut open = Store::at(data)
        .create_session(&text, start, &clock.now())
        .unwrap();
    let by = kap::session::Stamp {
        by: Some("A. Martin, RN".into()),
        taken: None,
    };
    let mut rec = |ev: Event| {
        clock.advance(MINUTE);
        open.record_stamped(ev, &clock.now(), &by)
    };
    for _ in 0..3 {
        rec(Event::Advanced {
            reason: Some("test".into()),
        })
        .unwrap();
    }
    if !goals.is_empty() {
        rec(Event::GoalsSet {
            goals: goals.iter().map(|g| g.to_string()).collect(),
        })
        .unwrap();
    }
    for id in [
        "readiness",
        "assessment-done",
        "psychotherapy-started",
        "capacity",
        "consent",
        "iv-line",
    ] {
        let _ = rec(Event::Ticked {
            prompt: id.into(),
            checked: true,
            evidence: None,
        });
    }
    rec(Event::Vitals {
        reading: kap::session::vitals::parse("128/82 76 98").unwrap(),
    })
    .unwrap();
    rec(Event::Advanced { reason: None }).unwrap();
    rec(Event::DosingStarted).unwrap();
    if !end {
        return;
    }
    rec(Event::Abandoned {
        reason: "went home early".into(),
    })
    .unwrap();
}

fn sessions(data: &Path) -> Vec<PathBuf> {
    let mut v: Vec<PathBuf> = std::fs::read_dir(data.join("sessions"))
        .unwrap()
        .map(|e| e.unwrap().path())
        .filter(|p| p.is_dir() && !p.file_name().unwrap().to_string_lossy().starts_with('.'))
        .collect();
    v.sort();
    v
}

fn goals_of(bundle: &Value) -> Vec<&Value> {
    bundle["entry"]
        .as_array()
        .unwrap()
        .iter()
        .map(|e| &e["resource"])
        .filter(|r| r["resourceType"] == "Goal")
        .collect()
}

#[test]
fn a_session_that_sets_goals_exports_one_active_goal_each() {
    let tmp = tempfile::tempdir().unwrap();
    held(
        tmp.path(),
        "P-GOALS",
        1,
        0,
        &["Sleep through the night", "Dormir à nouveau"],
    );
    held(tmp.path(), "P-GOALS", 2, 7, &[]);
    let dirs = sessions(tmp.path());
    let read = kap::record::store::read_session(&dirs[0]).unwrap();
    let s = read.session;
    let id = dirs[0].file_name().unwrap().to_string_lossy().into_owned();
    let now = s.closed.as_ref().unwrap().at.clone();
    let b = export::fhir(&s, &id, &now, &Default::default(), kap::i18n::Lang::En);
    let goals = goals_of(&b);
    assert_eq!(goals.len(), 2, "{goals:#?}");
    let enc = b["entry"]
        .as_array()
        .unwrap()
        .iter()
        .find(|e| e["resource"]["resourceType"] == "Encounter")
        .unwrap();
    let key = kap::record::fhir::record_key(&s.start, &id);
    for (i, (g, text)) in goals
        .iter()
        .zip(["Sleep through the night", "Dormir à nouveau"])
        .enumerate()
    {
        assert_eq!(g["lifecycleStatus"], "active");
        assert_eq!(g["description"]["text"], text, "the words as recorded");
        assert_eq!(g["subject"], enc["resource"]["subject"]);
        assert_eq!(g["expressedBy"]["display"], "A. Martin, RN");
        assert_eq!(g["note"][0]["authorReference"]["display"], "A. Martin, RN");
        assert_eq!(g["startDate"], "2026-01-05");
        assert_eq!(g["statusDate"], "2026-01-05");
        assert_eq!(g["category"][0]["coding"][0]["code"], "montreal");
        assert_eq!(
            g["id"],
            export::resource_id(&key, &format!("goal-{}", i + 1)).as_str()
        );
        let link = &g["extension"][0];
        assert_eq!(link["url"], "urn:kap:encounter");
        assert_eq!(link["valueReference"]["reference"], enc["fullUrl"]);
        assert_eq!(
            link["valueReference"]["identifier"]["value"],
            export::resource_id(&key, "encounter").as_str()
        );
        assert_eq!(g["extension"][1]["valuePositiveInt"], i + 1);
    }
    // A session that set none exports none (its Goals are the earlier
    // session's, left as they were).
    let read = kap::record::store::read_session(&dirs[1]).unwrap();
    let id = dirs[1].file_name().unwrap().to_string_lossy().into_owned();
    let s = read.session;
    let now = s.closed.as_ref().unwrap().at.clone();
    assert!(
        goals_of(&export::fhir(
            &s,
            &id,
            &now,
            &Default::default(),
            kap::i18n::Lang::En
        ))
        .is_empty()
    );
}

/// A laptop: a data folder and a config for `base`.
fn laptop(base: &str) -> Site {
    let site = Site::with(base, |_| {});
    std::fs::write(
        site.conf.path().join("push.toml"),
        format!("base_url = \"{base}\"\ntimeout_seconds = 20\n"),
    )
    .unwrap();
    site
}

fn goal_count(base: &str) -> u64 {
    search(base, "/Goal?_total=accurate&_count=0")["total"]
        .as_u64()
        .unwrap()
}

#[test]
fn laptop_b_carries_in_the_goals_laptop_a_set_and_a_repush_adds_none() {
    let Some(server) = fhir::start_server() else {
        return;
    };
    let base = &server.base;
    let (a, b) = (laptop(base), laptop(base));
    held(
        a.data.path(),
        "REAL-G1",
        1,
        0,
        &["Walk daily", "See friends"],
    );
    held(
        a.data.path(),
        "REAL-G1",
        2,
        7,
        &[
            "Sleep through the night",
            "Dormir à nouveau",
            "Call my sister",
        ],
    );
    a.push_all();
    assert_eq!(goal_count(base), 5);
    // Pushed again from scratch (as a laptop that kept no push status):
    // every Goal is found by its identifier, none is added.
    for d in sessions(a.data.path()) {
        std::fs::remove_file(d.join("push.json")).unwrap();
    }
    a.push_all();
    assert_eq!(goal_count(base), 5);

    // B, with no session of its own: A's latest goals, in their order.
    let app = start_screen(&b, "REAL-G1", 30).0;
    assert!(!app.course.offline, "{:?}", app.course.server);
    assert_eq!(
        app.course.goals,
        [
            "Sleep through the night",
            "Dormir à nouveau",
            "Call my sister"
        ]
    );
    assert_eq!(app.goals(), app.course.goals, "the form carries them in");
    assert_eq!(app.course.goals_elsewhere.map(|g| g.0), Some(2));
    let said = text(&b.kap_in("en", &["course", "REAL-G1"]));
    assert!(said.contains("Call my sister"), "{said}");
    assert!(said.contains("set in session 2 on"), "{said}");
    assert!(said.contains("on another laptop"), "{said}");
    assert!(said.contains("Walk daily"), "every version: {said}");

    // B holds session 3 setting none: A's goals still stand, and `kap
    // history` says where they come from.
    held(b.data.path(), "REAL-G1", 3, 14, &[]);
    let said = text(&b.kap_in("en", &["history", "REAL-G1"]));
    assert!(
        said.contains("set in session 2") && said.contains("Call my sister"),
        "{said}"
    );
    assert!(said.contains("from the clinic's server"), "{said}");

    // B's own later goals win over A's earlier ones.
    held(b.data.path(), "REAL-G1", 4, 21, &["Return to work"]);
    let app = start_screen(&b, "REAL-G1", 30).0;
    assert_eq!(app.course.goals, ["Return to work"]);
    assert_eq!(app.course.goals_elsewhere, None);
    // A sees B's once B pushes them.
    b.push_all();
    assert_eq!(goal_count(base), 6);
    let app = start_screen(&a, "REAL-G1", 30).0;
    assert_eq!(app.course.goals, ["Return to work"]);
    assert_eq!(app.course.goals_elsewhere.map(|g| g.0), Some(4));
}

/// The lifecycle status of the Goal on the server whose words are `text`
/// set to `status`, as the clinic's own system would (a goal abandoned).
fn set_status_on_server(base: &str, text: &str, status: &str) {
    let found = search(base, "/Goal?_count=100");
    let mut g = goals_of(&found)
        .into_iter()
        .find(|g| g["description"]["text"] == text)
        .unwrap()
        .clone();
    g["lifecycleStatus"] = status.into();
    let id = g["id"].as_str().unwrap().to_string();
    let (code, body) = fhir::http(base, "PUT", &format!("/Goal/{id}"), &g.to_string());
    assert!(code == 200 || code == 201, "{code}: {body}");
}

#[test]
fn a_goal_cancelled_on_the_server_is_not_read_back_as_current() {
    let Some(server) = fhir::start_server() else {
        return;
    };
    let base = &server.base;
    let (a, b) = (laptop(base), laptop(base));
    held(a.data.path(), "REAL-G2", 1, 0, &["Walk daily"]);
    held(
        a.data.path(),
        "REAL-G2",
        2,
        7,
        &["Sleep through the night", "Call my sister"],
    );
    a.push_all();
    let app = start_screen(&b, "REAL-G2", 30).0;
    assert!(!app.course.offline, "{:?}", app.course.server);
    assert_eq!(
        app.course.goals,
        ["Sleep through the night", "Call my sister"]
    );

    // One abandoned at the clinic: the rest of that session's stand.
    set_status_on_server(base, "Call my sister", "cancelled");
    let app = start_screen(&b, "REAL-G2", 30).0;
    assert_eq!(app.course.goals, ["Sleep through the night"]);
    assert_eq!(app.course.goals_elsewhere.map(|g| g.0), Some(2));

    // Every one of session 2's abandoned: the course has no goals standing
    // (session 1's, which session 2 replaced, are not brought back).
    set_status_on_server(base, "Sleep through the night", "cancelled");
    let app = start_screen(&b, "REAL-G2", 30).0;
    assert!(app.course.goals.is_empty(), "{:?}", app.course.goals);
    assert_eq!(app.course.goals_elsewhere.map(|g| g.0), Some(2));
}
