//! The monitor feed's reader (#32): PCD-01 `ORU^R01` messages as
//! monitors and gateways send them (tests/fixtures/hl7/), the answers kap
//! gives, and the judgment of a message against the session (its patient,
//! a control id already recorded). Pure: no socket, no clock.

use chrono::FixedOffset;
use kap::monitor::codes::Quantity;
use kap::monitor::hl7::{self, Problem};
use kap::monitor::{PatientCheck, Verdict, judge};
use kap::session::monitor::MonitorRecord;
use kap::session::vitals::Reading;

fn fixture(name: &str) -> Vec<u8> {
    std::fs::read(
        std::path::Path::new(env!("CARGO_MANIFEST_DIR"))
            .join("tests/fixtures/hl7")
            .join(name),
    )
    .unwrap()
}

fn utc() -> FixedOffset {
    FixedOffset::east_opt(0).unwrap()
}

fn values(m: &hl7::Message) -> Vec<(Quantity, f64)> {
    m.observations
        .iter()
        .map(|o| (o.quantity, o.value))
        .collect()
}

#[test]
fn a_bp_panel_is_read_by_its_mdc_codes_and_the_device_row_is_named_not_read() {
    let m = hl7::parse(&fixture("bp-panel.hl7")).unwrap();
    assert_eq!(m.control_id, "BP-0001");
    assert_eq!(m.sender, "AcmeMon 0123456789ABCDEF/ICU");
    assert_eq!(m.patient.as_deref(), Some("P-017"));
    assert_eq!(m.bed.as_deref(), Some("KAP^3^1"));
    assert_eq!(
        values(&m),
        vec![
            (Quantity::Systolic, 128.0),
            (Quantity::Diastolic, 82.0),
            (Quantity::Mean, 97.0)
        ]
    );
    assert_eq!(m.observations[0].device.as_deref(), Some("MON-1"));
    assert_eq!(m.observations[0].at.as_deref(), Some("20261206104200+0000"));
    assert_eq!(m.ignored, vec!["69965 MDC_DEV_MON_PHYSIO_MULTI_PARAM_MDS"]);
}

#[test]
fn hr_spo2_and_rr_are_read_and_an_unknown_code_is_ignored_and_named() {
    let m = hl7::parse(&fixture("hr-spo2-rr.hl7")).unwrap();
    assert_eq!(
        values(&m),
        vec![
            (Quantity::HrEcg, 76.0),
            (Quantity::HrPulseOx, 78.0),
            (Quantity::Spo2, 97.0),
            (Quantity::Rr, 14.0)
        ]
    );
    assert_eq!(m.ignored, vec!["150344 MDC_TEMP"]);
    let Verdict::Record(r) = judge(
        &m,
        "P-017",
        &MonitorRecord::default(),
        &PatientCheck::Pid,
        utc(),
    ) else {
        panic!("not recorded")
    };
    // The ECG's heart rate is the one kept when both are sent.
    assert_eq!(
        r.reading,
        Reading {
            hr: Some(76),
            spo2: Some(97),
            ..Reading::default()
        }
    );
    assert_eq!(r.rr, Some(14));
    assert_eq!(r.device, "MON-1");
    assert_eq!(
        r.device_time.map(|t| t.to_rfc3339()),
        Some("2026-12-06T10:43:00+00:00".into())
    );
}

#[test]
fn kpa_is_converted_and_loinc_codes_are_read() {
    let m = hl7::parse(&fixture("kpa-loinc.hl7")).unwrap();
    let v = values(&m);
    // 16.0 kPa = 120.0 mmHg and 10.5 kPa = 78.8 mmHg (760 mmHg = 101.325 kPa).
    assert!((v[0].1 - 120.0).abs() < 0.05, "{v:?}");
    assert!((v[1].1 - 78.75).abs() < 0.05, "{v:?}");
    assert_eq!(v[2], (Quantity::HrEcg, 70.0));
    let Verdict::Record(r) = judge(
        &m,
        "P-017",
        &MonitorRecord::default(),
        &PatientCheck::Pid,
        utc(),
    ) else {
        panic!("not recorded")
    };
    assert_eq!(r.reading.systolic, Some(120));
    assert_eq!(r.reading.diastolic, Some(79));
    // No OBX-18: the sending application and facility name the monitor.
    assert_eq!(r.device, "Gateway/Ward 3");
}

fn msg(obx: &[&str]) -> Vec<u8> {
    let mut s = String::from("MSH|^~\\&|Mon||||20261206104205||ORU^R01|C-1|P|2.6\rPID|||P-017\r");
    for o in obx {
        s.push_str(o);
        s.push('\r');
    }
    s.into_bytes()
}

#[test]
fn a_wrong_unit_or_value_is_answered_ae_with_the_reason() {
    let e = hl7::parse(&msg(&[
        "OBX|1|NM|150456^MDC_PULS_OXIM_SAT_O2^MDC||97|266016^MDC_DIM_MMHG^MDC",
    ]))
    .unwrap_err();
    assert!(matches!(e, Problem::BadUnit { .. }), "{e:?}");
    assert_eq!(e.ack_code(), "AE");
    assert!(e.text().contains("MDC_PULS_OXIM_SAT_O2"), "{}", e.text());
    let e = hl7::parse(&msg(&["OBX|1|NM|147842^MDC_ECG_HEART_RATE^MDC||7x|bpm"])).unwrap_err();
    assert!(matches!(e, Problem::BadValue { .. }), "{e:?}");
    let e = hl7::parse(&msg(&["OBX|1|NM|147842^MDC_ECG_HEART_RATE^MDC||72|"])).unwrap_err();
    assert!(matches!(e, Problem::BadUnit { .. }), "{e:?}");
    let e = hl7::parse(&msg(&["OBX|1|NM|147842^MDC_ECG_HEART_RATE^MDC||NaN|bpm"])).unwrap_err();
    assert!(matches!(e, Problem::BadValue { .. }), "{e:?}");
}

#[test]
fn other_messages_are_answered_ar() {
    let adt = b"MSH|^~\\&|ADT||||20261206||ADT^A01|X1|P|2.6\rPID|||P-017\r";
    let e = hl7::parse(adt).unwrap_err();
    assert_eq!(e, Problem::Unsupported("ADT^A01".into()));
    assert_eq!(e.ack_code(), "AR");
    assert_eq!(hl7::parse(b"hello"), Err(Problem::NotHl7));
    assert_eq!(hl7::parse(b"MSHabc"), Err(Problem::NotHl7));
    assert_eq!(
        hl7::parse(b"MSH|^~\\&|M||||1||ORU^R01||P|2.6\r"),
        Err(Problem::NoControlId)
    );
    let big = vec![b'A'; hl7::MAX_MESSAGE + 1];
    assert_eq!(hl7::parse(&big), Err(Problem::TooLarge));
    let many = format!(
        "MSH|^~\\&|M||||1||ORU^R01|C|P|2.6\r{}",
        "NTE|1\r".repeat(hl7::MAX_SEGMENTS + 1)
    );
    assert_eq!(hl7::parse(many.as_bytes()), Err(Problem::TooLarge));
}

#[test]
fn a_cuff_that_could_not_measure_says_so_and_records_nothing() {
    let m = hl7::parse(&msg(&[
        "OBX|1|NM|150021^MDC_PRESS_BLD_NONINV_SYS^MDC|||266016^MDC_DIM_MMHG^MDC|||||X",
        "OBX|2|NM|150022^MDC_PRESS_BLD_NONINV_DIA^MDC|||266016^MDC_DIM_MMHG^MDC|||||X",
    ]))
    .unwrap();
    let v = judge(
        &m,
        "P-017",
        &MonitorRecord::default(),
        &PatientCheck::Pid,
        utc(),
    );
    assert_eq!(
        v,
        Verdict::Nothing {
            not_obtained: vec![Quantity::Systolic, Quantity::Diastolic],
            ignored: vec![]
        }
    );
}

#[test]
fn the_patient_is_checked_by_pid_or_by_the_bed_label_the_site_sets() {
    let m = hl7::parse(&fixture("bp-panel.hl7")).unwrap();
    let none = MonitorRecord::default();
    assert_eq!(
        judge(&m, "P-099", &none, &PatientCheck::Pid, utc()),
        Verdict::WrongPatient {
            sent: Some("P-017".into())
        }
    );
    let bed = |b: &str| PatientCheck::Bed(b.into());
    assert!(matches!(
        judge(&m, "P-099", &none, &bed("1"), utc()),
        Verdict::Record(_)
    ));
    assert!(matches!(
        judge(&m, "P-099", &none, &bed("KAP^3^1"), utc()),
        Verdict::Record(_)
    ));
    assert_eq!(
        judge(&m, "P-017", &none, &bed("2"), utc()),
        Verdict::WrongPatient {
            sent: Some("KAP^3^1".into())
        }
    );
    // No PID at all is not this patient either.
    let anon = hl7::parse(
        b"MSH|^~\\&|M||||1||ORU^R01|C|P|2.6\rOBX|1|NM|147842^MDC_ECG_HEART_RATE^MDC||72|bpm\r",
    )
    .unwrap();
    assert_eq!(
        judge(&anon, "P-017", &none, &PatientCheck::Pid, utc()),
        Verdict::WrongPatient { sent: None }
    );
}

#[test]
fn the_ack_names_the_message_and_escapes_the_text() {
    let now = chrono::DateTime::parse_from_rfc3339("2026-12-06T10:42:05+00:00").unwrap();
    let a = hl7::ack("BP-0001", "2.6", "AE", "unit \"x|y\" ^ bad\r", &now, 7);
    assert_eq!(
        a,
        "MSH|^~\\&|KAP|KAP|||20261206104205+0000||ACK^R01^ACK|KAP7|P|2.6\r\
         MSA|AE|BP-0001|unit \"x\\F\\y\" \\S\\ bad\r"
    );
}

#[test]
fn device_times_are_read_with_or_without_an_offset() {
    let local = FixedOffset::east_opt(-5 * 3600).unwrap();
    let t = |s| hl7::parse_time(s, local).map(|t| t.to_rfc3339());
    assert_eq!(
        t("20261206104200+0100"),
        Some("2026-12-06T10:42:00+01:00".into())
    );
    assert_eq!(
        t("20261206104200"),
        Some("2026-12-06T10:42:00-05:00".into())
    );
    assert_eq!(t("202612061042"), Some("2026-12-06T10:42:00-05:00".into()));
    assert_eq!(
        t("20261206104200.1234-0300"),
        Some("2026-12-06T10:42:00-03:00".into())
    );
    assert_eq!(t("2026120610"), None);
    assert_eq!(t("20261306104200"), None);
    assert_eq!(t("20261206104200+01"), None);
}

#[test]
fn kap_listens_on_loopback_unless_the_site_names_a_lan_address() {
    use kap::monitor::address;
    assert_eq!(address("2575", None).unwrap().to_string(), "127.0.0.1:2575");
    assert_eq!(
        address("localhost", None).unwrap().to_string(),
        "127.0.0.1:2575"
    );
    assert_eq!(
        address("[::1]:6661", None).unwrap().to_string(),
        "[::1]:6661"
    );
    assert!(address("10.1.4.20:2575", None).is_err());
    assert!(address("10.1.4.20:2575", Some("10.1.4.21:2575")).is_err());
    assert_eq!(
        address("10.1.4.20:2575", Some("10.1.4.20:2575"))
            .unwrap()
            .to_string(),
        "10.1.4.20:2575"
    );
    assert_eq!(
        address("10.1.4.20", Some("10.1.4.20")).unwrap().to_string(),
        "10.1.4.20:2575"
    );
    assert!(address("monitor.example", None).is_err());
}

#[test]
fn the_sites_monitor_settings_are_checked() {
    use kap::monitor::site::{Site, parse};
    let f = std::path::Path::new("monitor.toml");
    assert_eq!(parse(f, "").unwrap(), Site::default());
    assert_eq!(
        parse(f, "listen = \"10.1.4.20:2575\"\nbed = \"KAP^3^1\"\n").unwrap(),
        Site {
            listen: Some("10.1.4.20:2575".into()),
            check: PatientCheck::Bed("KAP^3^1".into())
        }
    );
    for bad in [
        "listen = \"not an address\"",
        "bed = \"\"",
        "bed = \"a\\u0007b\"",
        "port = 2575",
        "listen = 2575",
    ] {
        let e = parse(f, bad).unwrap_err();
        assert_eq!(e.id(), Some("feed-site-invalid"), "{bad}: {e:?}");
        assert_eq!(e.arg("file"), Some(&"monitor.toml".into()));
    }
}

#[test]
fn a_session_full_of_monitor_readings_takes_no_more() {
    use kap::session::Clock;
    use kap::session::monitor::{MonitorEntry, MonitorReading, MonitorState};
    let m = hl7::parse(&fixture("bp-panel.hl7")).unwrap();
    let one = MonitorEntry {
        seq: 2,
        at: kap::session::SimClock::fixed().now(),
        reading: MonitorReading {
            control: "other".into(),
            device: "MON-1".into(),
            device_time: None,
            reading: Reading::default(),
            mean: None,
            rr: Some(12),
        },
        state: MonitorState::Pending,
    };
    let mut record = MonitorRecord {
        readings: vec![one; kap::monitor::MAX_READINGS - 1],
        ..MonitorRecord::default()
    };
    assert!(matches!(
        judge(&m, "P-017", &record, &PatientCheck::Pid, utc()),
        Verdict::Record(_)
    ));
    record.readings.push(record.readings[0].clone());
    assert_eq!(
        judge(&m, "P-017", &record, &PatientCheck::Pid, utc()),
        Verdict::Full
    );
}
