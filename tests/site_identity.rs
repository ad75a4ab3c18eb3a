//! Who a pushed session is about and by, and one course across laptops,
//! against a real FHIR R4 server (Helios; skipped with a notice when
//! `../shared/tools/fhir-server/start` is missing, a failure under
//! `CI=true`). Two laptops (two data folders) with the same pseudonym and
//! their own `patient_system` stay two patients; with `mrn_system` both
//! reach the clinic's own Patient, found by its number, and an unknown
//! number is refused and kept to send; a clinician from `clinicians.toml`
//! is one Practitioner across sessions (an addendum's later author too);
//! laptop B sees laptop A's sessions on its start form and proposes the
//! next number, asks why for a number held elsewhere, and `kap course`
//! lists them. A server that accepts and never answers leaves the start
//! form offline within its read timeout (said at 80×24 and to a screen
//! reader in each language). The start form and `kap resume --clinician`
//! take clinicians from the directory; an addendum days later is by the
//! one who resumed.

#[path = "common/fhir.rs"]
mod fhir;
#[path = "common/push_site.rs"]
mod push_site;
#[path = "common/reopen.rs"]
mod reopen;

use kap::record::Store;
use kap::session::{Clock, Event, MINUTE, PatientIdentity, SimClock, StartFields, plan_start};
use kap::tui::app::{App, Screen};
use push_site::*;
use serde_json::Value;
use std::path::{Path, PathBuf};
use std::time::{Duration, Instant};

const DAY: i64 = 24 * 60;
const MRN: &str = "https://clinic.example/mrn";
const STAFF: &str = "https://clinic.example/staff";
const DIRECTORY: &str = "system = \"https://clinic.example/staff\"\n\n[[clinician]]\nid = \"RN-4471\"\nname = \"A. Martin\"\nrole = \"RN\"\n\n[[clinician]]\nid = \"MD-0099\"\nname = \"Dr B. Silva\"\nrole = \"psychiatrist\"\n";

/// A Montreal session `number` of `patient` held (its infusion started)
/// `days` days after 5 January 2026, then ended, in `data`.
fn held(data: &Path, patient: &str, number: u32, days: i64, identity: Option<PatientIdentity>) {
    let (path, text) = montreal();
    let p = kap::protocol::load_str(&path, &text).unwrap().protocol;
    let fields = StartFields {
        patient,
        session: &number.to_string(),
        weight_kg: "70",
        mg_per_kg: "",
        clinicians: "A. Martin, RN",
    };
    let (mut start, _) = plan_start(&p, fields, false).unwrap();
    start.identity = identity;
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
    // A first session's gates too; a prompt this session lacks is refused.
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
    rec(Event::Abandoned {
        reason: "went home early".into(),
    })
    .unwrap();
}

/// A laptop: a data folder and a config for `base` with `extra` keys.
fn laptop(base: &str, extra: &str) -> Site {
    let site = Site::with(base, |_| {});
    std::fs::write(
        site.conf.path().join("push.toml"),
        format!("base_url = \"{base}\"\ntimeout_seconds = 20\n{extra}"),
    )
    .unwrap();
    site
}

fn clinic_number() -> Option<PatientIdentity> {
    Some(PatientIdentity {
        system: MRN.into(),
        clinic_number: true,
    })
}

/// How many resources a search finds.
fn total(base: &str, query: &str) -> u64 {
    search(base, &format!("{query}&_total=accurate"))["total"]
        .as_u64()
        .unwrap()
}

/// The references of every session's Encounter subject pushed from `site`.
fn subjects(site: &Site, base: &str) -> Vec<String> {
    let mut out = Vec::new();
    for dir in sessions(site) {
        let status: Value =
            serde_json::from_str(&std::fs::read_to_string(dir.join("push.json")).unwrap()).unwrap();
        let enc = read(base, &located(&status["locations"], "Encounter"));
        out.push(enc["subject"]["reference"].as_str().unwrap().to_string());
    }
    out
}

fn sessions(site: &Site) -> Vec<PathBuf> {
    let mut v: Vec<PathBuf> = std::fs::read_dir(site.data.path().join("sessions"))
        .unwrap()
        .map(|e| e.unwrap().path())
        .filter(|p| p.is_dir() && !p.file_name().unwrap().to_string_lossy().starts_with('.'))
        .collect();
    v.sort();
    v
}

#[test]
fn the_same_pseudonym_on_two_sites_stays_two_patients() {
    let Some(server) = fhir::start_server() else {
        return;
    };
    let base = &server.base;
    let north = laptop(
        base,
        "patient_system = \"https://north.example/pseudonym\"\n",
    );
    let south = laptop(
        base,
        "patient_system = \"https://south.example/pseudonym\"\n",
    );
    for (site, system) in [
        (&north, "https://north.example/pseudonym"),
        (&south, "https://south.example/pseudonym"),
    ] {
        let identity = Some(PatientIdentity {
            system: system.into(),
            clinic_number: false,
        });
        held(site.data.path(), "REAL-01", 1, 0, identity);
        site.push_all();
    }
    let a = subjects(&north, base);
    let b = subjects(&south, base);
    assert_ne!(a, b, "two people with one pseudonym are two patients");
    assert_eq!(
        total(
            base,
            "/Patient?identifier=https://north.example/pseudonym|REAL-01"
        ),
        1
    );
    // Each Encounter says its protocol, number and course.
    let status = serde_json::from_str::<Value>(
        &std::fs::read_to_string(sessions(&north)[0].join("push.json")).unwrap(),
    )
    .unwrap();
    let enc = read(base, &located(&status["locations"], "Encounter"));
    assert_eq!(enc["type"][0]["coding"][0]["code"], "montreal", "{enc}");
    assert!(
        enc["extension"]
            .to_string()
            .contains("urn:kap:course-session")
    );
    assert!(enc["episodeOfCare"][0]["reference"].is_string(), "{enc}");
}

#[test]
fn the_clinics_number_finds_its_patient_and_an_unknown_one_is_refused_and_kept() {
    let Some(server) = fhir::start_server() else {
        return;
    };
    let base = &server.base;
    let patient = format!(
        "{{\"resourceType\":\"Patient\",\"identifier\":[{{\"system\":\"{MRN}\",\"value\":\"MRN-1001\"}}]}}"
    );
    let (status, body) = fhir::http(base, "POST", "/Patient", &patient);
    assert_eq!(status, 201, "{body}");
    let clinic: Value = serde_json::from_str(&body).unwrap();
    let clinic = format!("Patient/{}", clinic["id"].as_str().unwrap());
    let mrn = format!("mrn_system = \"{MRN}\"\n");
    let (a, b) = (laptop(base, &mrn), laptop(base, &mrn));
    held(a.data.path(), "MRN-1001", 1, 0, clinic_number());
    held(b.data.path(), "MRN-1001", 2, 7, clinic_number());
    a.push_all();
    b.push_all();
    assert_eq!(subjects(&a, base), vec![clinic.clone()]);
    assert_eq!(subjects(&b, base), vec![clinic.clone()]);
    assert_eq!(
        total(base, &format!("/Patient?identifier={MRN}|MRN-1001")),
        1
    );
    // One course for both laptops' sessions.
    assert_eq!(total(base, "/EpisodeOfCare?_count=10"), 1);

    // A number the clinic's record does not hold: refused, never made.
    let c = laptop(base, &mrn);
    held(c.data.path(), "MRN-9999", 1, 0, clinic_number());
    let out = c.kap(&["push", "--all"]);
    assert!(!out.status.success(), "{}", text(&out));
    let said = text(&out);
    assert!(
        said.contains("MRN-9999") && said.contains("kap makes no patient"),
        "{said}"
    );
    let status: Value =
        serde_json::from_str(&std::fs::read_to_string(sessions(&c)[0].join("push.json")).unwrap())
            .unwrap();
    assert_eq!(status["state"], "failed", "kept to send again: {status}");
    assert_eq!(
        total(base, &format!("/Patient?identifier={MRN}|MRN-9999")),
        0
    );
    assert_eq!(
        total(base, &format!("/Patient?identifier={MRN}|MRN-1001")),
        1
    );
    // A number the clinic's record holds twice: refused as well.
    let twice = patient.replace("MRN-1001", "MRN-2002");
    for _ in 0..2 {
        assert_eq!(fhir::http(base, "POST", "/Patient", &twice).0, 201);
    }
    let d = laptop(base, &mrn);
    held(d.data.path(), "MRN-2002", 1, 0, clinic_number());
    let out = d.kap(&["push", "--all"]);
    assert!(!out.status.success(), "{}", text(&out));
    assert!(text(&out).contains("2 patients"), "{}", text(&out));
    assert_eq!(
        total(base, "/Encounter?_count=10"),
        2,
        "nothing more was sent"
    );
}

#[test]
fn a_clinician_from_the_directory_is_one_practitioner_across_sessions() {
    let Some(server) = fhir::start_server() else {
        return;
    };
    let base = &server.base;
    let a = laptop(base, "");
    std::fs::write(a.conf.path().join("clinicians.toml"), DIRECTORY).unwrap();
    held(a.data.path(), "REAL-03", 1, 0, None);
    held(a.data.path(), "REAL-03", 2, 7, None);
    // An addendum days later, by a clinician who was not at the session.
    add_addendum(&sessions(&a)[1], "phoned: sleeping well");
    a.push_all();
    assert_eq!(
        total(base, &format!("/Practitioner?identifier={STAFF}|RN-4471")),
        1
    );
    assert_eq!(
        total(base, &format!("/Practitioner?identifier={STAFF}|MD-0099")),
        1
    );
    assert_eq!(total(base, "/Practitioner?_count=50"), 2);
}

fn session_field(app: &App) -> String {
    match &app.screen {
        Screen::Start(f) => kap::tui::app::text_of(&f.fields[1]),
        _ => panic!("not on the start screen"),
    }
}

#[test]
fn laptop_b_sees_laptop_as_sessions_and_proposes_the_next_number() {
    let Some(server) = fhir::start_server() else {
        return;
    };
    let base = &server.base;
    let (a, b) = (laptop(base, ""), laptop(base, ""));
    held(a.data.path(), "REAL-02", 1, 0, None);
    held(a.data.path(), "REAL-02", 2, 7, None);
    a.push_all();

    let started = Instant::now();
    let (mut app, clock) = start_screen(&b, "REAL-02", 14);
    assert!(started.elapsed() < Duration::from_secs(5));
    assert_eq!(session_field(&app), "3");
    assert_eq!(app.course.elsewhere, [1, 2]);
    // Words in whichever language another test has set meanwhile.
    assert!(
        app.course
            .server
            .clone()
            .unwrap()
            .say(kap::i18n::Lang::En)
            .contains("1, 2")
    );
    assert!(!app.course.offline);
    // The date window counts from A's session 2 (12 January).
    let (window, _) = app.start_window(3, clock.now().wall.date_naive()).unwrap();
    assert_eq!(window.previous.to_string(), "2026-01-12");
    // Session 2 again: held elsewhere, so the start asks why.
    app.set_start_field(1, "2");
    let findings = app.course_findings();
    assert!(
        findings.iter().any(|f| matches!(
            f.check,
            kap::session::course::numbering::NumberCheck::Repeat { session: 2, .. }
        )),
        "{findings:?}"
    );

    // B's course view, with no session of its own: A's, from the server.
    let said = text(&b.kap(&["course", "REAL-02"]));
    assert!(
        said.contains("montreal: Held on other laptops") && said.contains("1, 2"),
        "{said}"
    );

    // B holds session 3 and pushes; back on A, `kap course` lists it and
    // the start form proposes 4.
    held(b.data.path(), "REAL-02", 3, 14, None);
    b.push_all();
    let out = a.kap(&["course", "REAL-02"]);
    let said = text(&out);
    assert!(said.contains("on another laptop"), "{said}");
    let (app, _) = start_screen(&a, "REAL-02", 14);
    assert_eq!(session_field(&app), "4");
    assert_eq!(app.course.elsewhere, [3]);
}

#[test]
fn a_server_that_never_answers_leaves_the_start_form_offline_in_time() {
    // A stand-in that accepts and never answers.
    let listener = std::net::TcpListener::bind("127.0.0.1:0").unwrap();
    let base = format!("http://{}", listener.local_addr().unwrap());
    std::thread::spawn(move || {
        let mut held = Vec::new();
        for s in listener.incoming() {
            held.push(s);
        }
    });
    let site = laptop(&base, "read_timeout_seconds = 1\n");
    held(site.data.path(), "REAL-04", 1, 0, None);
    std::fs::write(site.conf.path().join("clinicians.toml"), DIRECTORY).unwrap();
    let started = Instant::now();
    let (mut app, clock) = start_screen(&site, "REAL-04", 14);
    let took = started.elapsed();
    assert!(took < Duration::from_secs(3), "{took:?}");
    assert!(app.course.offline);
    assert_eq!(
        session_field(&app),
        "2",
        "this laptop's course still counts"
    );
    app.site.directory = kap::push::directory::load(
        Some(&site.conf.path().join("push.toml")),
        kap::i18n::Lang::En,
    )
    .unwrap();
    // Said on the start form at 80×24 and to a screen reader, in each
    // language: first that the server is being read (the form is not held
    // up while it is), then that it is offline.
    use kap::i18n::Lang;
    let shown = |app: &App| {
        let mut term = ratatui::Terminal::new(ratatui::backend::TestBackend::new(80, 24)).unwrap();
        let now = clock.now();
        term.draw(|f| kap::tui::view::draw(f, app, &now)).unwrap();
        let buffer = term.backend().buffer();
        let screen: Vec<String> = (0..24)
            .map(|y| (0..80).map(|x| buffer[(x, y)].symbol()).collect())
            .collect();
        let said = kap::tui::reader::Narrator::default()
            .news(&app.ui(&now))
            .join(" ");
        (screen.join("\n"), said)
    };
    for (lang, reading, reading_end, offline, directory) in [
        (
            Lang::En,
            "Reading the clinic's server",
            "other laptops…",
            "Offline:",
            "RN-4471, MD-0099",
        ),
        (
            Lang::FrCa,
            "Lecture du serveur de la clinique",
            "ordinateurs…",
            "Hors ligne :",
            "RN-4471, MD-0099",
        ),
        (
            Lang::PtBr,
            "Lendo o servidor da clínica",
            "computadores…",
            "Sem conexão:",
            "RN-4471, MD-0099",
        ),
    ] {
        app.lang = lang;
        let asked = Instant::now();
        app.refresh_course();
        let took = asked.elapsed();
        assert!(
            took < Duration::from_millis(500),
            "the form waited {took:?}"
        );
        let (screen, said) = shown(&app);
        // The whole sentence, not cut at the edge.
        assert!(
            screen.contains(reading) && screen.contains(reading_end),
            "{lang:?}:\n{screen}"
        );
        assert!(said.contains(reading), "{said}");
        app.wait_for_server();
        let (screen, said) = shown(&app);
        assert!(screen.contains(offline), "{lang:?}:\n{screen}");
        assert!(screen.contains(directory), "{lang:?}:\n{screen}");
        assert!(said.contains(offline) && said.contains(directory), "{said}");
    }
}

#[test]
fn the_start_form_takes_keys_while_the_server_is_read_and_the_answer_joins_at_a_tick() {
    // A server that answers after two seconds, when the read allows three.
    let listener = std::net::TcpListener::bind("127.0.0.1:0").unwrap();
    let base = format!("http://{}", listener.local_addr().unwrap());
    std::thread::spawn(move || {
        for s in listener.incoming() {
            let Ok(mut s) = s else { continue };
            std::thread::spawn(move || {
                use std::io::{Read, Write};
                let mut buf = [0u8; 4096];
                let _ = s.read(&mut buf);
                std::thread::sleep(Duration::from_secs(2));
                let body = r#"{"resourceType":"Bundle","type":"searchset","entry":[]}"#;
                let _ = write!(
                    s,
                    "HTTP/1.1 200 OK\r\nContent-Type: application/fhir+json\r\nContent-Length: {}\r\nConnection: close\r\n\r\n{body}",
                    body.len()
                );
            });
        }
    });
    let site = laptop(&base, "read_timeout_seconds = 3\n");
    held(site.data.path(), "REAL-06", 1, 0, None);
    let (mut app, clock) = start_screen(&site, "", 14);
    // The patient id typed: looked up at once, the server in the background.
    let asked = Instant::now();
    app.set_start_field(0, "REAL-06");
    assert!(asked.elapsed() < Duration::from_millis(500));
    let reading = app.course.server.clone().unwrap().say(kap::i18n::Lang::En);
    assert!(reading.contains("Reading the clinic's server"), "{reading}");
    assert_eq!(session_field(&app), "", "the number waits for the server");
    // A key on the form is taken at once.
    app.on_key(crossterm::event::KeyEvent::from(
        crossterm::event::KeyCode::Tab,
    ));
    assert!(asked.elapsed() < Duration::from_millis(800));
    // Ticks take the answer when it comes, without waiting for it.
    let mut ticks = 0;
    while app.site.reading.is_some() && asked.elapsed() < Duration::from_secs(6) {
        let tick = Instant::now();
        app.on_tick(&clock.now());
        assert!(tick.elapsed() < Duration::from_millis(100), "a tick waited");
        std::thread::sleep(Duration::from_millis(50));
        ticks += 1;
    }
    assert!(ticks > 10, "answered after {ticks} ticks");
    assert!(!app.course.offline, "{:?}", app.course.server);
    let said = app.course.server.clone().unwrap().say(kap::i18n::Lang::En);
    assert!(said.contains("no other session"), "{said}");
    assert_eq!(
        session_field(&app),
        "2",
        "numbered once the server answered"
    );
}

#[test]
fn the_start_form_takes_clinicians_from_the_directory_and_records_the_sites_system() {
    // Nothing listens: the course read is refused at once.
    let port = std::net::TcpListener::bind("127.0.0.1:0")
        .unwrap()
        .local_addr()
        .unwrap()
        .port();
    let site = laptop(
        &format!("http://127.0.0.1:{port}"),
        "mrn_system = \"https://clinic.example/mrn\"\n",
    );
    let (mut app, _) = start_screen(&site, "MRN-1001", 14);
    assert!(app.course.offline);
    std::fs::write(site.conf.path().join("clinicians.toml"), DIRECTORY).unwrap();
    app.site.directory = kap::push::directory::load(
        Some(&site.conf.path().join("push.toml")),
        kap::i18n::Lang::En,
    )
    .unwrap();
    app.set_start_field(1, "1");
    app.set_start_field(kap::tui::app::CLINICIANS, "RN-4471; dr b. silva");
    let form = match &app.screen {
        Screen::Start(f) => f,
        _ => panic!("not on the start screen"),
    };
    let (start, _) = app.start_dose(form).unwrap();
    assert_eq!(
        start.clinicians,
        ["A. Martin, RN", "Dr B. Silva, psychiatrist"]
    );
    let identity = start.identity.unwrap();
    assert_eq!(identity.system, MRN);
    assert!(identity.clinic_number);
    app.set_start_field(kap::tui::app::CLINICIANS, "RN-4471; Z. Nobody");
    let form = match &app.screen {
        Screen::Start(f) => f,
        _ => panic!("not on the start screen"),
    };
    let refused = app.start_dose(form).unwrap_err();
    assert!(refused.contains("Z. Nobody"), "{refused}");
}

#[test]
fn an_addendum_days_later_is_by_the_clinician_who_resumes_it() {
    let site = laptop("http://127.0.0.1:9", "");
    std::fs::write(site.conf.path().join("clinicians.toml"), DIRECTORY).unwrap();
    held(site.data.path(), "REAL-05", 1, 0, None);
    let dir = sessions(&site)[0].clone();
    // Anyone not in the directory is refused before the screen opens.
    let id = dir.file_name().unwrap().to_string_lossy().into_owned();
    let out = std::process::Command::new(env!("CARGO_BIN_EXE_kap"))
        .args(["resume", &id, "--clinician", "Z. Nobody"])
        .env("KAP_DATA_DIR", site.data.path())
        .env("KAP_PUSH_CONFIG", site.conf.path().join("push.toml"))
        .env("KAP_AUDIO", "off")
        .env("KAP_LANG", "en")
        .output()
        .unwrap();
    assert!(!out.status.success(), "{}", text(&out));
    assert!(
        text(&out).contains("\"Z. Nobody\" is not in the site's directory"),
        "{}",
        text(&out)
    );

    let (mut app, clock) = start_screen(&site, "", 14);
    app.site.directory = kap::push::directory::load(
        Some(&site.conf.path().join("push.toml")),
        kap::i18n::Lang::En,
    )
    .unwrap();
    app.author_from_directory = Some(app.clinicians_named("MD-0099").unwrap());
    app.resume(&dir);
    assert!(matches!(app.screen, Screen::Closed(_)));
    clock.advance(MINUTE * DAY * 3);
    let now = clock.now();
    app.update(
        kap::tui::app::Msg::Addendum {
            text: "phoned: slept well".into(),
            reason: "follow-up call".into(),
        },
        &now,
    );
    drop(app);
    let open = reopen::reopen(&dir);
    let last = open.session.log().last().unwrap();
    assert_eq!(last.stamp.by.as_deref(), Some("Dr B. Silva, psychiatrist"));
}
