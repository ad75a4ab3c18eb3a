//! A record is sent to the clinic's server in its own language, whoever
//! sends it: the same record gives the same bundle under every language
//! of the sender (a clinician's, a timer's locale), so a resource the
//! server holds is never updated for its wording.

#[path = "common/fhir.rs"]
mod fhir;

use kap::i18n::Lang;

#[test]
fn the_same_record_gives_the_same_bundle_whatever_the_senders_language() {
    let data = tempfile::tempdir().unwrap();
    // A record with corrections, alerts voided by them and late entries:
    // the marks are worded too.
    fhir::session_in(data.path(), false);
    let dir = std::fs::read_dir(data.path().join("sessions"))
        .unwrap()
        .map(|e| e.unwrap().path())
        .find(|p| p.is_dir() && !p.file_name().unwrap().to_string_lossy().starts_with('.'))
        .unwrap();
    let id = dir.file_name().unwrap().to_string_lossy().into_owned();
    let mut bundles = Vec::new();
    for sender in [Lang::En, Lang::FrCa, Lang::PtBr] {
        let (body, sha) = kap::push::bundle(&dir, &id, sender).unwrap();
        bundles.push((sender, sha, body));
    }
    let (_, first, body) = &bundles[0];
    let body = String::from_utf8_lossy(body);
    assert!(body.contains("\"language\":\"en\""), "{body}");
    for (sender, sha, _) in &bundles[1..] {
        assert_eq!(sha, first, "sent by a {sender:?} speaker");
    }
}
