//! The FHIR export as a `transaction` Bundle a server imports as it is:
//! each resource created only if none with its identifier exists yet
//! (`ifNoneExist`), so importing the same record twice adds nothing, and
//! references between them given as the `urn:uuid` fullUrls the server
//! rewrites to the ids it assigns.
//!
//! `kap push` sends a record again once it has changed since it was sent:
//! then a resource whose content differs from what the server was given
//! goes as a conditional update on its identifier (`PUT
//! Observation?identifier=urn:kap:resource|…`), which makes a new version
//! of the same resource (the server keeps the old one in its history),
//! and everything else as before. [`Held`] is what kap knows the server
//! holds, [`method`] the choice for one resource.

use serde_json::{Value, json};
use std::collections::BTreeMap;

/// kap's identifier system for the resources it exports: the value is the
/// resource's name-based UUID, the same on every export of a record.
pub const RESOURCE_SYSTEM: &str = "urn:kap:resource";

/// A `collection` Bundle from `export::fhir`, made a transaction. What a
/// server does not store (the OperationOutcome on a damaged record) is
/// left out; the caller says so. Returns the Bundle and whether anything
/// was left out.
pub fn transaction(mut bundle: Value) -> (Value, bool) {
    bundle["type"] = json!("transaction");
    let mut left_out = false;
    let entries: Vec<Value> = match bundle["entry"].take() {
        Value::Array(a) => a,
        _ => Vec::new(),
    }
    .into_iter()
    .filter_map(|e| entry(e, &mut left_out))
    .collect();
    bundle["entry"] = Value::Array(entries);
    (bundle, left_out)
}

/// How one resource goes in a transaction.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum Method {
    /// `POST` with `ifNoneExist`: created if the server has none with its
    /// identifier, left as it is otherwise.
    Create,
    /// `PUT Type?identifier=…`: the server's resource with this identifier
    /// made this content, as a new version (created if there is none).
    Update,
}

/// The content hash a push keeps for a resource marking an earlier send
/// whose outcome is not known: the server may hold either version.
pub const UNSURE: &str = "?";

/// What kap knows the server holds of one record's resources.
#[derive(Debug, Clone, PartialEq)]
pub enum Held {
    /// By kap's resource id, the [`content_hash`] of what the server was
    /// last given ([`UNSURE`] when a send's outcome is not known); a
    /// resource not listed was never sent.
    Known(BTreeMap<String, String>),
    /// Not known (the record was sent by a kap that kept no hashes):
    /// every resource kap alone writes is updated.
    Unknown,
}

impl Held {
    /// After a send whose outcome is not known (no answer, or one that
    /// cannot be read), of the resources `attempted` (id to hash): each
    /// whose hash differs from what was held may now be either version.
    pub fn after_unsure(&self, attempted: &BTreeMap<String, String>) -> Held {
        match self {
            Held::Unknown => Held::Unknown,
            Held::Known(held) => {
                let mut next = held.clone();
                for (id, hash) in attempted {
                    if held.get(id) != Some(hash) {
                        next.insert(id.clone(), UNSURE.to_string());
                    }
                }
                Held::Known(next)
            }
        }
    }
}

/// Whether a resource of this kind is kap's alone to update: not the
/// Patient and the Practitioners (persons a clinic's other systems may
/// also write), not a Provenance (a signature never changes).
pub fn updatable(kind: &str) -> bool {
    !matches!(
        kind,
        "Patient" | "Practitioner" | "Provenance" | "EpisodeOfCare"
    )
}

/// How a resource goes, given what the server holds: updated when it is
/// kap's to update and the server holds another version of it (or may,
/// or kap cannot know); otherwise created if absent.
pub fn method(kind: &str, id: &str, hash: &str, held: &Held) -> Method {
    if !updatable(kind) {
        return Method::Create;
    }
    match held {
        Held::Unknown => Method::Update,
        Held::Known(h) => match h.get(id) {
            Some(was) if was != hash => Method::Update,
            _ => Method::Create,
        },
    }
}

/// A resource's content hash: the first 16 hex digits of the SHA-256 of
/// its compact JSON as exported (before the transaction's identifier).
pub fn content_hash(resource: &Value) -> String {
    let bytes = serde_json::to_vec(resource).unwrap_or_default();
    let mut h = super::verify::sha256_hex(&bytes);
    h.truncate(16);
    h
}

/// One entry of a `collection` Bundle as a transaction entry: created
/// only if none with its identifier exists. `None` for what a server does
/// not store (the OperationOutcome, which sets `left_out`) and for an
/// entry with no resource type or id.
pub fn entry(e: Value, left_out: &mut bool) -> Option<Value> {
    entry_as(e, left_out, Method::Create)
}

/// The same, sent by `method`: an update (for a kind [`updatable`]) is a
/// conditional update on the identifier, its body without kap's id (the
/// server's resource keeps its own; the `urn:uuid` fullUrl still names it
/// for the other entries' references).
pub fn entry_as(mut e: Value, left_out: &mut bool, method: Method) -> Option<Value> {
    let kind = e["resource"]["resourceType"].as_str()?.to_string();
    if kind == "OperationOutcome" {
        *left_out = true;
        return None;
    }
    let id = e["resource"]["id"].as_str()?.to_string();
    // A person or a course is found by its own identifier (the same from
    // every record and every laptop): the Patient, the course's
    // EpisodeOfCare, a Practitioner from the site's directory.
    let own = kind == "Patient"
        || (matches!(kind.as_str(), "Practitioner" | "EpisodeOfCare")
            && e["resource"]["identifier"][0]["system"].is_string());
    let condition = if own {
        let i = &e["resource"]["identifier"][0];
        format!(
            "identifier={}|{}",
            i["system"].as_str().unwrap_or_default(),
            i["value"].as_str().unwrap_or_default()
        )
    } else if kind == "Provenance" {
        // Provenance has no identifier in R4: the same value goes in a
        // tag, which a server can search just as well.
        let tag = json!({ "system": RESOURCE_SYSTEM, "code": id });
        match e["resource"]["meta"]["tag"].as_array_mut() {
            Some(tags) => tags.push(tag),
            None => e["resource"]["meta"]["tag"] = json!([tag]),
        }
        format!("_tag={RESOURCE_SYSTEM}|{id}")
    } else {
        let identifier = json!({ "system": RESOURCE_SYSTEM, "value": id });
        // A QuestionnaireResponse has one identifier in R4, not a list.
        e["resource"]["identifier"] = if kind == "QuestionnaireResponse" {
            identifier
        } else {
            json!([identifier])
        };
        format!("identifier={RESOURCE_SYSTEM}|{id}")
    };
    e["request"] = if method == Method::Update && updatable(&kind) {
        if let Some(r) = e["resource"].as_object_mut() {
            r.remove("id");
        }
        json!({ "method": "PUT", "url": format!("{kind}?{condition}") })
    } else {
        json!({ "method": "POST", "url": kind, "ifNoneExist": condition })
    };
    Some(e)
}

#[cfg(test)]
mod tests {
    use super::*;

    fn held(pairs: &[(&str, &str)]) -> Held {
        Held::Known(
            pairs
                .iter()
                .map(|(a, b)| (a.to_string(), b.to_string()))
                .collect(),
        )
    }

    #[test]
    fn only_a_changed_resource_of_kaps_own_is_updated() {
        let h = held(&[("a", "11"), ("p", "22"), ("u", UNSURE)]);
        assert_eq!(method("Observation", "a", "11", &h), Method::Create);
        assert_eq!(method("Observation", "a", "12", &h), Method::Update);
        assert_eq!(method("Observation", "new", "12", &h), Method::Create);
        assert_eq!(method("Encounter", "u", "33", &h), Method::Update);
        assert_eq!(method("Patient", "p", "99", &h), Method::Create);
        assert_eq!(method("Provenance", "a", "12", &h), Method::Create);
        assert_eq!(
            method("Observation", "a", "11", &Held::Unknown),
            Method::Update
        );
        assert_eq!(
            method("Practitioner", "a", "11", &Held::Unknown),
            Method::Create
        );
    }

    #[test]
    fn an_unsure_send_marks_what_it_changed() {
        let h = held(&[("a", "11"), ("b", "22")]);
        let tried: BTreeMap<String, String> = [("a", "11"), ("b", "23"), ("c", "30")]
            .iter()
            .map(|(a, b)| (a.to_string(), b.to_string()))
            .collect();
        assert_eq!(
            h.after_unsure(&tried),
            held(&[("a", "11"), ("b", UNSURE), ("c", UNSURE)])
        );
        assert_eq!(Held::Unknown.after_unsure(&tried), Held::Unknown);
    }

    #[test]
    fn an_update_is_a_conditional_put_without_kaps_id() {
        let e = json!({ "fullUrl": "urn:uuid:x", "resource": { "resourceType": "Observation", "id": "x", "status": "entered-in-error" } });
        let mut left_out = false;
        let put = entry_as(e.clone(), &mut left_out, Method::Update).unwrap();
        assert_eq!(put["request"]["method"], "PUT");
        assert_eq!(
            put["request"]["url"],
            "Observation?identifier=urn:kap:resource|x"
        );
        assert!(put["resource"].get("id").is_none());
        assert_eq!(put["fullUrl"], "urn:uuid:x");
        let post = entry_as(e, &mut left_out, Method::Create).unwrap();
        assert_eq!(post["request"]["method"], "POST");
        assert_eq!(post["resource"]["id"], "x");
        let p = json!({ "resource": { "resourceType": "Patient", "id": "p", "identifier": [{ "system": "s", "value": "v" }] } });
        let p = entry_as(p, &mut left_out, Method::Update).unwrap();
        assert_eq!(
            p["request"]["method"], "POST",
            "the Patient is never updated"
        );
        assert!(!left_out);
    }
}
