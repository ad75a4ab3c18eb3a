//! Exports of one session record: Markdown (the clinical summary), CSV
//! (one row per vitals reading, RFC 4180) and a FHIR R4 `Bundle` of type
//! `collection` (vital-sign Observations and a MedicationAdministration).
//! All read-only over the journal; an interrupted session exports too.

use crate::protocol::{Metric, Route};
use crate::session::{Moment, Session};
use serde_json::{Value, json};

use super::verify::Problem;

/// What verifying and replaying the journal found, for an export to state
/// in its own output: which entries were skipped and which were used but
/// failed verification.
#[derive(Debug, Clone, Default)]
pub struct Integrity {
    pub problems: Vec<Problem>,
}

impl Integrity {
    pub fn of(problems: &[Problem]) -> Integrity {
        Integrity {
            problems: problems.to_vec(),
        }
    }

    /// Whether the entry of `kind` at `at` was used although it failed a
    /// check.
    pub fn flags(&self, kind: &str, at: &Moment) -> bool {
        self.problems.iter().any(|p| {
            !p.finding.skips() && p.entry.as_ref().is_some_and(|(k, m)| *k == kind && m == at)
        })
    }

    /// Whether journal entry `seq` failed verification (and was used).
    pub fn flags_entry(&self, seq: u64) -> bool {
        self.problems
            .iter()
            .any(|p| !p.finding.skips() && p.seq == Some(seq))
    }

    /// Markdown section listing every problem, or nothing when none.
    fn markdown(&self) -> String {
        if self.problems.is_empty() {
            return String::new();
        }
        let mut o = String::from(
            "\n## Record integrity\n\nThe journal did not verify cleanly. Skipped entries are not in this summary; \
             entries that failed verification are included but may have been changed after they were written.\n\n",
        );
        for p in &self.problems {
            o.push_str(&format!("- journal line {}: {}\n", p.line, p.what()));
        }
        o
    }
}

/// The Markdown summary, with a section on the record's integrity when the
/// journal did not verify cleanly.
pub fn markdown(s: &Session, now: &Moment, integrity: &Integrity) -> String {
    super::summary::markdown(s, &read_at(s, now)) + &integrity.markdown()
}

/// The moment a record is read at: its closing when closed; for an open
/// rehearsal, its last entry (its time is simulated, the reader's is not);
/// otherwise now.
pub fn read_at(s: &Session, now: &Moment) -> Moment {
    match (&s.closed, s.start.rehearsal) {
        (Some(c), _) => c.at.clone(),
        (None, true) => s.log().last().map_or_else(|| now.clone(), |e| e.at.clone()),
        (None, false) => now.clone(),
    }
}

fn iso(m: &Moment) -> String {
    m.wall.to_rfc3339_opts(chrono::SecondsFormat::Secs, false)
}

fn csv_field(s: &str) -> String {
    if s.contains([',', '"', '\n', '\r']) {
        format!("\"{}\"", s.replace('"', "\"\""))
    } else {
        s.to_string()
    }
}

/// One row per vitals reading ever entered; CRLF line ends as RFC 4180
/// asks. The last column, `verified`, is `no` for a reading whose journal
/// line failed verification; `status` is `current`, `entered-in-error` or `replaced`
/// (corrected readings stay, marked); `recorded` is when the entry was
/// made (later than `timestamp` for a late entry); `entry` is its number
/// in the journal.
pub fn csv(s: &Session, integrity: &Integrity) -> String {
    let mut out = String::from(
        "timestamp,patient,session,systolic_mmhg,diastolic_mmhg,heart_rate_per_min,spo2_percent,alerts_raised,rehearsal,status,recorded,entry,verified\r\n",
    );
    let opt = |v: Option<u16>| v.map(|x| x.to_string()).unwrap_or_default();
    for e in &crate::session::timeline::vitals_rows(s) {
        let r = &e.reading;
        let alerts: Vec<String> = e
            .raised
            .iter()
            .filter_map(|id| s.alerts.get(*id).map(|a| a.rule.clone()))
            .collect();
        let row = [
            iso(&e.at),
            csv_field(&s.start.patient),
            s.start.session.to_string(),
            opt(r.systolic),
            opt(r.diastolic),
            opt(r.hr),
            opt(r.spo2),
            csv_field(&alerts.join(";")),
            s.start.rehearsal.to_string(),
            status_word(&e.status).to_string(),
            iso(&e.recorded),
            e.seq.to_string(),
            if integrity.flags("vitals", &e.recorded) {
                "no"
            } else {
                "yes"
            }
            .to_string(),
        ];
        out.push_str(&row.join(","));
        out.push_str("\r\n");
    }
    out
}

fn status_word(s: &crate::session::timeline::Status) -> &'static str {
    use crate::session::timeline::Status;
    match s {
        Status::Current => "current",
        Status::InError(_) => "entered-in-error",
        Status::Replaced(..) => "replaced",
    }
}

/// The identifier system of kap's pseudonymous patient ids. A site that
/// keeps its own namespace maps it on import (see docs/exports.md).
const PSEUDONYM_SYSTEM: &str = "urn:kap:pseudonym";
/// The same for rehearsals: a simulated patient never merges with a real
/// one on import.
const REHEARSAL_PSEUDONYM_SYSTEM: &str = "urn:kap:rehearsal-pseudonym";

const LOINC: &str = "http://loinc.org";
const UCUM: &str = "http://unitsofmeasure.org";
const SNOMED: &str = "http://snomed.info/sct";
const RXNORM: &str = "http://www.nlm.nih.gov/research/umls/rxnorm";

fn coding(system: &str, code: &str, display: &str) -> Value {
    json!({ "system": system, "code": code, "display": display })
}

fn quantity(value: u16, unit: &str, code: &str) -> Value {
    json!({ "value": value, "unit": unit, "system": UCUM, "code": code })
}

fn vital_sign(id: String, subject: &Value, at: &Moment, code: Value, rest: Value) -> Value {
    let mut obs = json!({
        "resourceType": "Observation",
        "id": id,
        "status": "final",
        "category": [{
            "coding": [coding(
                "http://terminology.hl7.org/CodeSystem/observation-category",
                "vital-signs",
                "Vital Signs"
            )]
        }],
        "code": code,
        "subject": subject,
        "effectiveDateTime": iso(at),
    });
    if let (Some(o), Some(r)) = (obs.as_object_mut(), rest.as_object()) {
        for (k, v) in r {
            o.insert(k.clone(), v.clone());
        }
    }
    obs
}

fn route_coding(r: Route) -> Value {
    match r {
        Route::IvInfusion => coding(SNOMED, "47625008", "Intravenous route"),
        Route::ImBolus => coding(SNOMED, "78421000", "Intramuscular route"),
        Route::SlBolus => coding(SNOMED, "37839007", "Sublingual route"),
        Route::InBolus => coding(SNOMED, "46713006", "Nasal route"),
    }
}

/// The `value[x]` (and components) of a typed prompt value.
fn typed_value(p: &crate::protocol::Prompt, v: &crate::protocol::values::Value) -> Value {
    use crate::protocol::values::{Value as V, score};
    match v {
        V::YesNo(b) => json!({ "valueBoolean": b }),
        V::Choice(c) => json!({ "valueCodeableConcept": { "text": c } }),
        V::MultiChoice(cs) if cs.is_empty() => json!({ "valueString": "none" }),
        V::MultiChoice(cs) => json!({ "valueString": cs.join("; ") }),
        V::Number(x) => match &p.unit {
            Some(u) => json!({ "valueQuantity": { "value": x, "unit": u } }),
            None => json!({ "valueQuantity": { "value": x } }),
        },
        V::Time(t) => json!({ "valueTime": format!("{t}:00") }),
        V::Scale(n) => json!({ "valueInteger": n }),
        V::Items(map) => {
            let texts = p.scale.as_ref().map(|s| &s.items);
            let components: Vec<Value> = map
                .iter()
                .map(|(id, n)| {
                    let text = texts
                        .and_then(|items| items.iter().find(|i| &i.id == id))
                        .map_or(id.clone(), |i| i.text.clone());
                    json!({ "code": { "text": text }, "valueInteger": n })
                })
                .collect();
            let mut out = json!({ "component": components });
            if let Some(sc) = score(p, v) {
                out["valueQuantity"] = json!({ "value": sc, "unit": "score" });
            }
            out
        }
    }
}

/// A resource's id: a UUID (version 8, name-based) from the record's id and
/// what the resource is within it (`bp-14`: the BP of journal entry 14), so
/// every export of a record gives each resource the same id, ids never
/// collide between records, and none is ever cut short.
pub fn resource_id(record_id: &str, local: &str) -> String {
    let hash = super::verify::sha256_hex(format!("kap\u{0}{record_id}\u{0}{local}").as_bytes());
    let mut b: Vec<u8> = (0..16)
        .map(|i| u8::from_str_radix(&hash[2 * i..2 * i + 2], 16).unwrap_or(0))
        .collect();
    b[6] = (b[6] & 0x0f) | 0x80; // version 8
    b[8] = (b[8] & 0x3f) | 0x80; // RFC 9562 variant
    let h: String = b.iter().map(|x| format!("{x:02x}")).collect();
    format!(
        "{}-{}-{}-{}-{}",
        &h[..8],
        &h[8..12],
        &h[12..16],
        &h[16..20],
        &h[20..]
    )
}

/// A value with its interpretation when it is beyond an alarm limit
/// (`H`/`HH`/`L`/`LL` from HL7's ObservationInterpretation).
fn interpreted(s: &Session, m: Metric, v: u16, mut value: Value) -> Value {
    if let Some(code) = s.interpretation(m, v) {
        let display = match code {
            "HH" => "Critical high",
            "H" => "High",
            "LL" => "Critical low",
            _ => "Low",
        };
        value["interpretation"] = json!([{ "coding": [coding(
            "http://terminology.hl7.org/CodeSystem/v3-ObservationInterpretation",
            code,
            display
        )] }]);
    }
    value
}

/// The security label FHIR defines for test data: on every resource of a
/// rehearsal.
fn htest() -> Value {
    json!([{
        "system": "http://terminology.hl7.org/CodeSystem/v3-ActReason",
        "code": "HTEST",
        "display": "test health data"
    }])
}

/// A FHIR R4 Bundle (type `collection`) for the session. `record_id` names
/// the session folder and makes resource ids stable.
pub fn fhir(s: &Session, record_id: &str, now: &Moment, integrity: &Integrity) -> Value {
    let now = &read_at(s, now);
    // The patient's id follows the pseudonym alone: every session of one
    // patient refers to the same Patient.
    // A rehearsal's pseudonym is never the same patient as a real one.
    let system = if s.start.rehearsal {
        REHEARSAL_PSEUDONYM_SYSTEM
    } else {
        PSEUDONYM_SYSTEM
    };
    let patient_id = resource_id("", &format!("patient\u{0}{system}\u{0}{}", s.start.patient));
    let subject = json!({
        "reference": format!("urn:uuid:{patient_id}"),
        "display": format!("pseudonymous id {}", s.start.patient),
    });
    let rid = |local: &str| resource_id(record_id, local);
    // The session is an Encounter; the clinicians named at its start are
    // Practitioners (a name and role as typed: kap knows no more of them).
    let encounter = format!("urn:uuid:{}", rid("encounter"));
    let practitioner =
        |name: &str| format!("urn:uuid:{}", rid(&format!("practitioner\u{0}{name}")));
    let performer = |seq: u64| {
        s.entry(seq)
            .and_then(|e| e.stamp.by.as_deref())
            .map(|by| json!([{ "reference": practitioner(by), "display": by }]))
    };
    let mut entries = Vec::new();
    for e in &crate::session::timeline::vitals_rows(s) {
        let r = &e.reading;
        let i = e.seq - 1;
        let mark = |mut obs: Value| {
            use crate::session::timeline::Status;
            obs["encounter"] = json!({ "reference": encounter });
            if let Some(p) = performer(e.seq) {
                obs["performer"] = p;
            }
            match &e.status {
                Status::Current => {}
                Status::InError(why) | Status::Replaced(why, _) => {
                    obs["status"] = json!("entered-in-error");
                    obs["note"] = json!([{ "text": format!(
                        "{} ({})",
                        why,
                        status_word(&e.status).replace('-', " ")
                    ) }]);
                }
            }
            obs
        };
        if let (Some(sys), Some(dia)) = (r.systolic, r.diastolic) {
            entries.push(mark(vital_sign(
                rid(&format!("bp-{}", i + 1)),
                &subject,
                &e.at,
                json!({ "coding": [coding(LOINC, "85354-9", "Blood pressure panel with all children optional")], "text": "Blood pressure" }),
                json!({ "component": [
                    interpreted(s, Metric::Systolic, sys, json!({ "code": { "coding": [coding(LOINC, "8480-6", "Systolic blood pressure")] },
                      "valueQuantity": quantity(sys, "mmHg", "mm[Hg]") })),
                    interpreted(s, Metric::Diastolic, dia, json!({ "code": { "coding": [coding(LOINC, "8462-4", "Diastolic blood pressure")] },
                      "valueQuantity": quantity(dia, "mmHg", "mm[Hg]") }))
                ]}),
            )));
        }
        if let Some(hr) = r.hr {
            entries.push(mark(vital_sign(
                rid(&format!("hr-{}", i + 1)),
                &subject,
                &e.at,
                json!({ "coding": [coding(LOINC, "8867-4", "Heart rate")], "text": "Heart rate" }),
                interpreted(
                    s,
                    Metric::Hr,
                    hr,
                    json!({ "valueQuantity": quantity(hr, "beats/minute", "/min") }),
                ),
            )));
        }
        if let Some(o) = r.spo2 {
            entries.push(mark(vital_sign(
                rid(&format!("spo2-{}", i + 1)),
                &subject,
                &e.at,
                json!({ "coding": [
                    coding(LOINC, "59408-5", "Oxygen saturation in Arterial blood by Pulse oximetry"),
                    coding(LOINC, "2708-6", "Oxygen saturation in Arterial blood")
                ], "text": "SpO2" }),
                interpreted(s, Metric::Spo2, o, json!({ "valueQuantity": quantity(o, "%", "%") })),
            )));
        }
    }

    // Typed prompt values: coded when the protocol gives a code, free text
    // otherwise.
    for ph in &s.protocol().phases {
        for pr in s.prompts(ph) {
            let Some(list) = s.values.get(&pr.id) else {
                continue;
            };
            for e in list {
                let code = match &pr.code {
                    Some(c) => {
                        json!({ "coding": [coding(&c.system, &c.code, &c.display)], "text": pr.text })
                    }
                    None => json!({ "text": pr.text }),
                };
                let value = typed_value(pr, &e.value);
                let mut obs = json!({
                    "resourceType": "Observation",
                    "id": rid(&format!("{}-{}", pr.id, e.seq)),
                    "status": "final",
                    "category": [{ "coding": [coding(
                        "http://terminology.hl7.org/CodeSystem/observation-category",
                        "survey",
                        "Survey"
                    )] }],
                    "code": code,
                    "subject": subject,
                    "encounter": { "reference": encounter },
                    "effectiveDateTime": iso(&e.at),
                });
                if let Some(p) = performer(e.seq) {
                    obs["performer"] = p;
                }
                if let (Some(o), Some(v)) = (obs.as_object_mut(), value.as_object()) {
                    for (k, x) in v {
                        o.insert(k.clone(), x.clone());
                    }
                }
                entries.push(obs);
            }
        }
    }

    // The dose, when dosing started.
    if let Some(start) = &s.dosing.started {
        let p = s.protocol();
        let route = p.dose_rule(s.start.session).map(|r| r.route);
        let end = s.dosing.ended_at(now);
        let status = match (&s.dosing.stopped, &end) {
            (Some(_), _) => "stopped",
            (None, Some(_)) => "completed",
            (None, None) => "in-progress",
        };
        let mut period = json!({ "start": iso(start) });
        if let Some(e) = &end {
            period["end"] = json!(iso(e));
        }
        let given = s.delivered(&s.as_of(now));
        let mut dosage = json!({
            "text": format!(
                "{} given; planned {} mg ({} kg × {} mg/kg), course session {} of {}",
                given.text(),
                crate::protocol::dose::num(s.start.dose_mg),
                crate::protocol::dose::num(s.start.weight_kg),
                crate::protocol::dose::num(s.start.mg_per_kg),
                s.start.session,
                p.course.sessions
            ),
            "dose": { "value": (given.mg * 1000.0).round() / 1000.0, "unit": "mg", "system": UCUM, "code": "mg" },
        });
        if let Some(r) = route {
            dosage["route"] = json!({ "coding": [route_coding(r)] });
        }
        let mut ma = json!({
            "resourceType": "MedicationAdministration",
            "id": rid("ketamine"),
            "status": status,
            "medicationCodeableConcept": {
                "coding": [coding(RXNORM, "6130", "ketamine")],
                "text": "ketamine"
            },
            "subject": subject,
            "context": { "reference": encounter },
            "effectivePeriod": period,
            "dosage": dosage,
        });
        let mut notes: Vec<Value> = s
            .dosing
            .pauses
            .iter()
            .map(|pz| json!({ "time": iso(&pz.from), "text": format!("paused: {}", pz.reason) }))
            .collect();
        if let Some((at, r)) = &s.dosing.stopped {
            ma["statusReason"] = json!([{ "text": r }]);
            notes.push(json!({ "time": iso(at), "text": format!("stopped early: {r}") }));
        }
        if !notes.is_empty() {
            ma["note"] = json!(notes);
        }
        entries.push(ma);
    }
    if !integrity.problems.is_empty() {
        entries.push(integrity_outcome(&rid("integrity"), integrity));
    }
    // Who gave the dose: whoever started the infusion.
    if let Some(by) = s
        .log()
        .iter()
        .find(|e| matches!(e.event, crate::session::Event::DosingStarted))
        .and_then(|e| e.stamp.by.as_deref())
        && let Some(ma) = entries
            .iter_mut()
            .find(|r| r["resourceType"] == "MedicationAdministration")
    {
        ma["performer"] = json!([{ "actor": { "reference": practitioner(by), "display": by } }]);
    }
    let mut period = json!({ "start": iso(&s.started_at) });
    if let Some(c) = &s.closed {
        period["end"] = json!(iso(&c.at));
    }
    let participants: Vec<Value> = s
        .start
        .clinicians
        .iter()
        .map(|c| json!({ "individual": { "reference": practitioner(c), "display": c } }))
        .collect();
    let mut enc = json!({
        "resourceType": "Encounter",
        "id": rid("encounter"),
        "status": if s.closed.is_some() { "finished" } else { "in-progress" },
        "class": coding("http://terminology.hl7.org/CodeSystem/v3-ActCode", "AMB", "ambulatory"),
        "subject": subject,
        "period": period,
    });
    if !participants.is_empty() {
        enc["participant"] = json!(participants);
    }
    entries.insert(0, enc);
    for c in &s.start.clinicians {
        entries.insert(
            0,
            json!({
                "resourceType": "Practitioner",
                "id": rid(&format!("practitioner\u{0}{c}")),
                "name": [{ "text": c }],
            }),
        );
    }
    // The Patient the resources refer to: the pseudonym as an identifier,
    // nothing else about the person.
    entries.insert(
        0,
        json!({
            "resourceType": "Patient",
            "id": patient_id,
            "identifier": [{
                "system": system,
                "value": s.start.patient,
            }],
        }),
    );
    if s.start.rehearsal {
        for r in &mut entries {
            r["meta"] = json!({ "security": htest() });
        }
    }

    let mut bundle = json!({
        "resourceType": "Bundle",
        "id": rid("bundle"),
        "type": "collection",
        "timestamp": iso(s.closed.as_ref().map_or(now, |c| &c.at)),
        "entry": entries
            .into_iter()
            .map(|r| json!({
                "fullUrl": format!("urn:uuid:{}", r["id"].as_str().unwrap_or_default()),
                "resource": r,
            }))
            .collect::<Vec<_>>(),
    });
    if s.start.rehearsal {
        bundle["meta"] = json!({
            "security": htest(),
            "tag": [{
                "system": "urn:kap:record-kind",
                "code": "rehearsal",
                "display": "REHEARSAL — simulated patient, not a clinical record"
            }]
        });
    }
    bundle
}

/// An OperationOutcome naming every journal line that was skipped
/// (`error`) or used although it failed verification (`warning`).
fn integrity_outcome(id: &str, integrity: &Integrity) -> Value {
    let issues: Vec<Value> = integrity
        .problems
        .iter()
        .map(|p| {
            let skipped = p.finding.skips();
            json!({
                "severity": if skipped { "error" } else { "warning" },
                "code": if skipped { "processing" } else { "invalid" },
                "diagnostics": format!("journal line {}: {}", p.line, p.what()),
            })
        })
        .collect();
    json!({
        "resourceType": "OperationOutcome",
        "id": id,
        "issue": issues,
    })
}
