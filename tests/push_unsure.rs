//! A push whose answer cannot be read (a 200 that is not a
//! transaction-response) may or may not have reached the server: kap
//! marks what that push changed as unsure in `push.json`, and the next
//! push to the real FHIR R4 server (Helios; skipped with a notice when
//! `../shared/tools/fhir-server/start` is missing, a failure under
//! `CI=true`) updates exactly those resources, so the server ends up
//! holding the record whichever way the lost push went.

#[path = "common/fhir.rs"]
mod fhir;
#[path = "common/http.rs"]
mod http;
#[path = "common/push_site.rs"]
mod push_site;

use push_site::*;
use std::io::Write;
use std::net::TcpListener;

/// A server on 127.0.0.1 that reads one request whole and answers 200
/// with a Bundle that is not a transaction-response.
fn garbage_server() -> String {
    let listener = TcpListener::bind("127.0.0.1:0").unwrap();
    let base = format!("http://{}", listener.local_addr().unwrap());
    std::thread::spawn(move || {
        let Ok((mut s, _)) = listener.accept() else {
            return;
        };
        // The request is read whole before the answer.
        let _request = http::read_request(&mut s);
        let body = r#"{"resourceType":"Bundle","type":"searchset"}"#;
        let _ = write!(
            s,
            "HTTP/1.1 200 OK\r\nContent-Type: application/fhir+json\r\nContent-Length: {}\r\nConnection: close\r\n\r\n{body}",
            body.len()
        );
    });
    base
}

#[test]
fn what_a_push_without_a_readable_answer_changed_is_updated_by_the_next() {
    let Some(server) = fhir::start_server() else {
        return;
    };
    let site = Site::new(&server.base);
    let (dir, _) = site.session();
    site.push_all();
    let sent = site.status();
    let held = sent["resources"].as_object().unwrap().clone();

    // An addendum, sent to a server whose answer cannot be read.
    add_addendum(&dir, "called back: BP at home 118/76");
    site.configure(&garbage_server());
    let out = site.kap(&["push", "--all"]);
    assert_eq!(out.status.code(), Some(1), "{}", text(&out));
    let failed = site.status();
    assert_eq!(failed["state"], "failed", "{failed}");
    let unsure: Vec<&String> = failed["resources"]
        .as_object()
        .unwrap()
        .iter()
        .filter(|(_, h)| *h == "?")
        .map(|(id, _)| id)
        .collect();
    // The addendum's Observation and its DocumentReference, and the
    // record's new seal (a Provenance): new, and perhaps on the server now.
    assert_eq!(unsure.len(), 3, "{failed}");
    for (id, hash) in &held {
        assert_eq!(&failed["resources"][id], hash, "kept: {id}");
    }

    // The real server again: the two go as updates (created, as the lost
    // push never reached it), nothing else does; the seal, a Provenance,
    // is never updated: created if none with its tag exists.
    site.configure(&server.base);
    let out = site.kap(&["push", "--all", "--now"]);
    assert!(out.status.success(), "{}", text(&out));
    let st = site.status();
    assert_eq!(st["state"], "sent", "{st}");
    let updated: Vec<&str> = st["updated"]
        .as_array()
        .unwrap()
        .iter()
        .map(|u| u.as_str().unwrap())
        .collect();
    assert_eq!(updated.len(), 2, "{updated:?}");
    assert!(
        updated.iter().any(|u| u.starts_with("Observation/"))
            && updated.iter().any(|u| u.starts_with("DocumentReference/")),
        "{updated:?}"
    );
    assert!(
        st["resources"]
            .as_object()
            .unwrap()
            .values()
            .all(|h| h != "?"),
        "{st}"
    );
    let patient = fhir::patient_of(
        &st["locations"]
            .as_array()
            .unwrap()
            .iter()
            .map(|l| l.as_str().unwrap().to_string())
            .collect::<Vec<_>>(),
    );
    let found = search(
        &server.base,
        &format!("/Observation?subject={patient}&code=urn:kap:entry|addendum&_total=accurate"),
    );
    assert_eq!(found["total"], 2, "each addendum once: {found}");
}
