//! "Ready to leave" is a moment, not a bare time of day: a `time` answer
//! is written with its date and offset in the CSV and FHIR, and with its
//! date in the summary (#29 item 5, #31).

mod common;

use common::session::H;
use kap::protocol::values::Value;
use kap::session::{Event, MINUTE};

#[test]
fn ready_to_leave_carries_its_date_in_every_export() {
    let mut h = H::new("montreal.toml", 3);
    common::session::into_infusion(&mut h);
    h.ok(Event::DosingStopped {
        reason: "test".into(),
    });
    while h.s.phase + 1 < h.s.protocol().phases.len() {
        h.ok(Event::Advanced {
            reason: Some("test".into()),
        });
    }
    // The simulated clock starts at 09:00 on 2026-01-05, +01:00.
    h.clock.advance(30 * MINUTE);
    h.ok(Event::Recorded {
        prompt: "ready-at".into(),
        value: Value::Time("09:25".into()),
    });
    let now = h.now();
    let summary = kap::record::summary::markdown(&h.s, &now, kap::i18n::Lang::En);
    assert!(summary.contains("09:25 on "), "{summary}");
    assert!(summary.contains("2026"), "{summary}");
    let csv = kap::record::csv::long(&h.s, "t-s3", &Default::default());
    let row = csv
        .lines()
        .find(|l| l.contains(",measure,ready-at,"))
        .unwrap_or_else(|| panic!("no ready-at row:\n{csv}"));
    assert!(row.contains(",2026-01-05T09:25:00+01:00,"), "{row}");
    let fhir = serde_json::to_value(kap::record::fhir::bundle(
        &h.s,
        "t-s3",
        &now,
        &Default::default(),
        kap::i18n::Lang::En,
    ))
    .unwrap();
    let encounter = fhir["entry"]
        .as_array()
        .unwrap()
        .iter()
        .map(|e| &e["resource"])
        .find(|r| r["resourceType"] == "Encounter")
        .unwrap();
    assert_eq!(encounter["period"]["end"], "2026-01-05T09:25:00+01:00");
}
