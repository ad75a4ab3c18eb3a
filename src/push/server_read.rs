//! What kap reads from the clinic's server, never writes into a journal:
//! the clinic's Patient for a number (before a push), and a patient's
//! course as the server holds it (the start form, `kap course`), so that
//! sessions held on another laptop count. Each read waits a bounded time
//! and reads a bounded answer ([`super::client::get`]); what an answer
//! means is pure ([`patients_in`], [`encounters_in`], [`next_path`]). A
//! course longer than one page is read page by page (the Bundle's `next`
//! link), every page within the same deadline, up to [`MAX_ENCOUNTERS`];
//! then the patient's Goals the same way (up to [`MAX_GOALS`]), each set
//! joined to the session that set it ([`Held::goals`]).

use super::client::{self, query_value};
use super::config::{Config, Secret};
use crate::record::fhir::course::{DOSE_STARTED_URL, PROTOCOL_SYSTEM, SESSION_URL};
use crate::record::fhir_tx::RESOURCE_SYSTEM;
use crate::session::course::Encounter;
use serde_json::Value;
use std::time::{Duration, Instant};

/// Encounters asked for in one page.
pub const PAGE: usize = 500;
/// Most Encounters of one patient read back, over every page: a course
/// with more is refused as a whole (counting part of it would propose the
/// wrong number), and the start form says so as it says it is offline.
pub const MAX_ENCOUNTERS: usize = 5000;
/// Most Goals of one patient read back, over every page: more is refused
/// as a whole, as too many Encounters are.
pub const MAX_GOALS: usize = 5000;

/// The Patients (`Patient/ID`) a search's Bundle matched.
pub fn patients_in(bundle: &Value) -> Vec<String> {
    entries(bundle)
        .filter(|e| e["resource"]["resourceType"] == "Patient")
        .filter_map(|e| e["resource"]["id"].as_str())
        .map(|id| format!("Patient/{id}"))
        .collect()
}

/// The matches of a search's Bundle (not the resources it includes).
fn entries(bundle: &Value) -> impl Iterator<Item = &Value> {
    bundle["entry"]
        .as_array()
        .into_iter()
        .flatten()
        .filter(|e| e["search"]["mode"].as_str().is_none_or(|m| m == "match"))
}

/// One session as the server holds it: the course's type, which counts
/// it.
pub use crate::record::course::Held;

/// The Encounters kap pushed, of a search's Bundle, as the course rules
/// see them. An Encounter with no protocol, number or start kap can read
/// (another system's) is not one of a course's.
pub fn encounters_in(bundle: &Value) -> Vec<Held> {
    entries(bundle)
        .map(|e| &e["resource"])
        .filter(|r| r["resourceType"] == "Encounter" && r["status"] != "entered-in-error")
        .filter_map(encounter_of)
        .collect()
}

/// The path and query (after the server's base) of a search Bundle's
/// `next` page, when it has one. Only a link on the configured server is
/// followed: its path must begin with the base's, and only the path and
/// query are kept, so a page is always asked of the configured server
/// (with its token), never of a host a link names.
pub fn next_path(bundle: &Value, base_url: &str) -> Next {
    let Some(url) = bundle["link"]
        .as_array()
        .into_iter()
        .flatten()
        .find(|l| l["relation"] == "next")
        .and_then(|l| l["url"].as_str())
    else {
        return Next::Last;
    };
    let path_of = |u: &str| -> String {
        match u.split_once("://") {
            Some((_, rest)) => rest
                .find('/')
                .map_or_else(String::new, |i| rest[i..].to_string()),
            None => u.to_string(),
        }
    };
    let base_path = path_of(base_url.trim_end_matches('/'));
    let path = path_of(url);
    match path.strip_prefix(&base_path) {
        Some(rest) if rest.starts_with(['/', '?']) => Next::Page(rest.to_string()),
        _ => Next::Elsewhere,
    }
}

/// What follows a page of a search.
#[derive(Debug, Clone, PartialEq, Eq)]
pub enum Next {
    /// It was the last page.
    Last,
    /// The next page's path and query after the server's base.
    Page(String),
    /// A next page outside the server's base: not followed.
    Elsewhere,
}

fn encounter_of(r: &Value) -> Option<Held> {
    let protocol_id = r["type"]
        .as_array()?
        .iter()
        .flat_map(|t| t["coding"].as_array().into_iter().flatten())
        .find(|c| c["system"] == PROTOCOL_SYSTEM)?["code"]
        .as_str()?
        .to_string();
    let ext = |url: &str| {
        r["extension"]
            .as_array()
            .into_iter()
            .flatten()
            .find(|x| x["url"] == url)
            .cloned()
    };
    let session = u32::try_from(ext(SESSION_URL)?["valuePositiveInt"].as_u64()?).ok()?;
    let wall = |v: &Value| {
        chrono::DateTime::parse_from_rfc3339(v.as_str()?)
            .ok()
            .map(|d| d.naive_local())
    };
    let started = wall(&r["period"]["start"])?;
    let dose_at = ext(DOSE_STARTED_URL).and_then(|x| wall(&x["valueDateTime"]));
    let resource = r["identifier"]
        .as_array()
        .into_iter()
        .flatten()
        .find(|i| i["system"] == RESOURCE_SYSTEM)
        .and_then(|i| i["value"].as_str())
        .map(str::to_string);
    Some(Held {
        encounter: Encounter {
            protocol_id,
            session,
            started,
            dose_at,
            held: dose_at.is_some(),
            visit: visit_kind(r),
        },
        resource,
        goals: None,
        signed: r["status"] == "finished",
    })
}

/// The goals kap pushed, of a search's Bundle: by the kap identifier of
/// the Encounter of the session that set them, each with its place in
/// that session's list, its words, or `None` when the session withdrew
/// it (`cancelled`: its list was set again without it). A Goal entered in
/// error, or not kap's (no session named), is left out.
pub fn goals_in(bundle: &Value) -> Vec<(String, u32, Option<String>)> {
    use crate::record::fhir::goals::{ENCOUNTER_URL, ITEM_URL};
    entries(bundle)
        .map(|e| &e["resource"])
        .filter(|r| r["resourceType"] == "Goal" && r["lifecycleStatus"] != "entered-in-error")
        .filter_map(|r| {
            let ext = |url: &str| {
                r["extension"]
                    .as_array()
                    .into_iter()
                    .flatten()
                    .find(|x| x["url"] == url)
            };
            let id = &ext(ENCOUNTER_URL)?["valueReference"]["identifier"];
            if id["system"] != RESOURCE_SYSTEM {
                return None;
            }
            let item = ext(ITEM_URL)
                .and_then(|x| x["valuePositiveInt"].as_u64())
                .and_then(|n| u32::try_from(n).ok())
                .unwrap_or(u32::MAX);
            let text = r["description"]["text"].as_str()?.to_string();
            let text = (r["lifecycleStatus"] != "cancelled").then_some(text);
            Some((id["value"].as_str()?.to_string(), item, text))
        })
        .collect()
}

/// Each session's goals (`goals_in`) put on its Encounter, withdrawn ones
/// left out: a session whose every Goal was withdrawn cleared the goals
/// (an empty list), as its journal reads.
pub fn join_goals(held: &mut [Held], mut goals: Vec<(String, u32, Option<String>)>) {
    goals.sort_by(|a, b| (&a.0, a.1).cmp(&(&b.0, b.1)));
    for h in held.iter_mut() {
        let Some(r) = &h.resource else { continue };
        let mine: Vec<&Option<String>> = goals.iter().filter(|g| &g.0 == r).map(|g| &g.2).collect();
        if !mine.is_empty() {
            h.goals = Some(mine.into_iter().flatten().cloned().collect());
        }
    }
}

/// The kind of visit an Encounter records (its `type` coded in
/// `urn:kap:visit-kind`), when it is one rather than a dose.
fn visit_kind(r: &Value) -> Option<crate::protocol::VisitKind> {
    r["type"]
        .as_array()?
        .iter()
        .flat_map(|t| t["coding"].as_array().into_iter().flatten())
        .find(|c| c["system"] == crate::record::fhir::VISIT_KIND)
        .and_then(|c| serde_json::from_value(c["code"].clone()).ok())
}

/// A search, read as a Bundle: an answer other than 200 with one is an
/// error naming the status.
fn search(
    cfg: &Config,
    token: Option<&Secret>,
    path: &str,
    wait: Duration,
    lang: crate::i18n::Lang,
) -> Result<Value, String> {
    let reply = client::get(cfg, token, path, wait, lang)?;
    if reply.status != 200 {
        return Err(crate::say!(
            lang,
            "push-read-status",
            url = cfg.base_url.as_str(),
            status = reply.status.to_string()
        ));
    }
    let v: Value = serde_json::from_slice(&reply.body)
        .map_err(|_| crate::say!(lang, "push-read-not-fhir", url = cfg.base_url.as_str()))?;
    if v["resourceType"] != "Bundle" {
        return Err(crate::say!(
            lang,
            "push-read-not-fhir",
            url = cfg.base_url.as_str()
        ));
    }
    Ok(v)
}

/// The Patients on the server with the identifier `system|value`.
pub fn find_patients(
    cfg: &Config,
    token: Option<&Secret>,
    system: &str,
    value: &str,
    wait: Duration,
    lang: crate::i18n::Lang,
) -> Result<Vec<String>, String> {
    let q = query_value(&format!("{system}|{value}"));
    let found = search(
        cfg,
        token,
        &format!("/Patient?identifier={q}&_count=10"),
        wait,
        lang,
    )?;
    Ok(patients_in(&found))
}

/// Every session of the patient `system|value` the server holds, every
/// protocol's, in at most about `wait` in all (every page).
pub fn course(
    cfg: &Config,
    token: Option<&Secret>,
    system: &str,
    value: &str,
    wait: Duration,
    lang: crate::i18n::Lang,
) -> Result<Vec<Held>, String> {
    course_paged(cfg, token, (system, value), wait, PAGE, lang)
}

/// [`course`], asking for `page` Encounters a page.
pub fn course_paged(
    cfg: &Config,
    token: Option<&Secret>,
    (system, value): (&str, &str),
    wait: Duration,
    page: usize,
    lang: crate::i18n::Lang,
) -> Result<Vec<Held>, String> {
    let deadline = Instant::now() + wait;
    let left = || {
        let l = deadline.saturating_duration_since(Instant::now());
        (!l.is_zero()).then_some(l.max(Duration::from_millis(200)))
    };
    let too_slow = || {
        crate::say!(
            lang,
            "push-read-too-slow",
            url = cfg.base_url.as_str(),
            seconds = wait.as_secs()
        )
    };
    let left = || left().ok_or_else(too_slow);
    let mut out = Vec::new();
    for p in find_patients(cfg, token, system, value, wait, lang)? {
        let subject = query_value(&p);
        let mut held = Vec::new();
        let first = format!("/Encounter?subject={subject}&_count={page}");
        pages(
            cfg,
            token,
            first,
            MAX_ENCOUNTERS,
            &left,
            |found| {
                held.extend(encounters_in(found));
            },
            lang,
        )?;
        let mut goals = Vec::new();
        let first = format!("/Goal?subject={subject}&_count={page}");
        pages(
            cfg,
            token,
            first,
            MAX_GOALS,
            &left,
            |found| {
                goals.extend(goals_in(found));
            },
            lang,
        )?;
        join_goals(&mut held, goals);
        out.extend(held);
    }
    Ok(out)
}

/// A search read page by page from `first` (the Bundle's `next` links on
/// the configured server), each page given to `each`, each waiting what
/// `left` says is left; more than `most` matches in all is an error.
fn pages(
    cfg: &Config,
    token: Option<&Secret>,
    first: String,
    most: usize,
    left: &dyn Fn() -> Result<Duration, String>,
    mut each: impl FnMut(&Value),
    lang: crate::i18n::Lang,
) -> Result<(), String> {
    let mut path = Some(first);
    let mut read = 0usize;
    let mut seen = std::collections::BTreeSet::new();
    while let Some(here) = path.take() {
        if !seen.insert(here.clone()) {
            break; // a server whose next page is one already read
        }
        let found = search(cfg, token, &here, left()?, lang)?;
        read += entries(&found).count();
        if read > most {
            return Err(crate::say!(
                lang,
                "push-read-too-many",
                url = cfg.base_url.as_str(),
                most = most
            ));
        }
        each(&found);
        path = match next_path(&found, &cfg.base_url) {
            Next::Last => None,
            Next::Page(p) => Some(p),
            Next::Elsewhere => {
                return Err(crate::say!(
                    lang,
                    "push-read-next-elsewhere",
                    url = cfg.base_url.as_str()
                ));
            }
        };
    }
    Ok(())
}

#[cfg(test)]
mod tests {
    use super::*;
    use serde_json::json;

    #[test]
    fn a_pushed_encounter_reads_back_and_anothers_is_left_alone() {
        let b = json!({ "resourceType": "Bundle", "entry": [
            { "search": { "mode": "match" }, "resource": {
                "resourceType": "Encounter", "status": "finished",
                "identifier": [{ "system": RESOURCE_SYSTEM, "value": "abc" }],
                "type": [{ "coding": [{ "system": PROTOCOL_SYSTEM, "code": "montreal" }] }],
                "extension": [
                    { "url": SESSION_URL, "valuePositiveInt": 2 },
                    { "url": DOSE_STARTED_URL, "valueDateTime": "2026-01-08T09:12:00-05:00" }
                ],
                "period": { "start": "2026-01-08T09:00:00-05:00" } } },
            { "resource": { "resourceType": "Encounter", "status": "finished",
                "period": { "start": "2026-01-08T09:00:00-05:00" } } },
            { "search": { "mode": "include" }, "resource": { "resourceType": "Patient", "id": "9" } }
        ]});
        let held = encounters_in(&b);
        assert_eq!(held.len(), 1);
        assert_eq!(held[0].encounter.session, 2);
        assert_eq!(held[0].encounter.protocol_id, "montreal");
        assert!(held[0].encounter.held);
        assert_eq!(held[0].encounter.started.to_string(), "2026-01-08 09:00:00");
        assert_eq!(held[0].resource.as_deref(), Some("abc"));
        assert!(
            patients_in(&b).is_empty(),
            "an included Patient is no match"
        );
        assert!(encounters_in(&json!({ "entry": "x" })).is_empty());
    }

    /// An assessment visit another laptop pushed counts as evidence once
    /// finished (closed and signed); one in progress does not; one entered
    /// in error is not read at all.
    #[test]
    fn a_visit_from_the_server_is_evidence_when_finished_and_never_in_error() {
        let visit = |status: &str, id: &str, day: u32| {
            json!({ "resource": {
                "resourceType": "Encounter", "status": status,
                "identifier": [{ "system": RESOURCE_SYSTEM, "value": id }],
                "type": [
                    { "coding": [{ "system": PROTOCOL_SYSTEM, "code": "montreal" }] },
                    { "coding": [{ "system": crate::record::fhir::VISIT_KIND, "code": "assessment" }] }
                ],
                "extension": [{ "url": SESSION_URL, "valuePositiveInt": 1 }],
                "period": { "start": format!("2026-01-{day:02}T09:00:00-05:00") } } })
        };
        let b = json!({ "entry": [
            visit("finished", "signed", 2),
            visit("in-progress", "open", 3),
            visit("entered-in-error", "wrong", 4)
        ]});
        let held = encounters_in(&b);
        assert_eq!(held.len(), 2, "{held:?}");
        let so = crate::record::course::with_server(Default::default(), "montreal", Ok(held));
        assert_eq!(so.held_visits.len(), 2, "{:?}", so.held_visits);
        let before = chrono::NaiveDate::from_ymd_opt(2026, 1, 9)
            .and_then(|d| d.and_hms_opt(9, 0, 0))
            .unwrap();
        let e = crate::session::evidence::find(
            crate::protocol::VisitKind::Assessment,
            false,
            before,
            &so.held_visits,
        );
        assert_eq!(e.record.as_deref(), Some("Encounter/signed"));
    }

    #[test]
    fn goals_read_back_join_their_session_in_order() {
        use crate::record::fhir::goals::{ENCOUNTER_URL, ITEM_URL};
        let goal = |enc: &str, item: u32, text: &str, status: &str| {
            json!({ "resource": { "resourceType": "Goal", "lifecycleStatus": status,
                "description": { "text": text },
                "extension": [
                    { "url": ENCOUNTER_URL, "valueReference": { "reference": "Encounter/7",
                      "identifier": { "system": RESOURCE_SYSTEM, "value": enc } } },
                    { "url": ITEM_URL, "valuePositiveInt": item } ] } })
        };
        let b = json!({ "resourceType": "Bundle", "entry": [
            goal("abc", 2, "second", "active"),
            goal("abc", 1, "first", "active"),
            goal("abc", 3, "in error", "entered-in-error"),
            goal("abc", 4, "withdrawn", "cancelled"),
            goal("other", 1, "not this session's", "active"),
            goal("cleared", 1, "withdrawn too", "cancelled"),
            { "resource": { "resourceType": "Goal", "lifecycleStatus": "active",
                "description": { "text": "another system's" } } }
        ]});
        let found = goals_in(&b);
        assert_eq!(found.len(), 5);
        let enc = Encounter {
            protocol_id: "montreal".into(),
            session: 1,
            started: chrono::NaiveDateTime::default(),
            dose_at: None,
            held: false,
            visit: None,
        };
        let mut held = vec![
            Held {
                encounter: enc.clone(),
                resource: Some("abc".into()),
                goals: None,
                signed: false,
            },
            Held {
                encounter: enc.clone(),
                resource: Some("none-set".into()),
                goals: None,
                signed: false,
            },
            Held {
                encounter: enc,
                resource: Some("cleared".into()),
                goals: None,
                signed: false,
            },
        ];
        join_goals(&mut held, found);
        assert_eq!(held[0].goals, Some(vec!["first".into(), "second".into()]));
        assert_eq!(held[1].goals, None);
        assert_eq!(held[2].goals, Some(vec![]), "every goal withdrawn: cleared");
    }

    #[test]
    fn a_next_page_is_asked_of_the_configured_server_only() {
        let next = |url: &str| {
            json!({ "link": [
            { "relation": "self", "url": "https://h.example/r4/Encounter?x" },
            { "relation": "next", "url": url } ] })
        };
        let base = "https://h.example/r4";
        assert_eq!(
            next_path(&next("https://h.example/r4/Encounter?_cursor=a"), base),
            Next::Page("/Encounter?_cursor=a".into())
        );
        // Another host's link: its path only, on the configured server.
        assert_eq!(
            next_path(&next("https://other.example/r4?page=2"), base),
            Next::Page("?page=2".into())
        );
        assert_eq!(
            next_path(
                &next("http://127.0.0.1:9/Encounter?p=2"),
                "http://127.0.0.1:9"
            ),
            Next::Page("/Encounter?p=2".into())
        );
        // Outside the base's path: not followed.
        assert_eq!(
            next_path(&next("https://h.example/r5/Encounter"), base),
            Next::Elsewhere
        );
        assert_eq!(
            next_path(&next("https://h.example/r4x"), base),
            Next::Elsewhere
        );
        assert_eq!(next_path(&json!({ "link": [] }), base), Next::Last);
    }
}
