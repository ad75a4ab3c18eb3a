//! The FHIR export as a `transaction` Bundle a server imports as it is:
//! each resource created only if none with its identifier exists yet
//! (`ifNoneExist`), so importing the same record twice adds nothing, and
//! references between them given as the `urn:uuid` fullUrls the server
//! rewrites to the ids it assigns.

use serde_json::{Value, json};

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

/// One entry of a `collection` Bundle as a transaction entry: created
/// only if none with its identifier exists. `None` for what a server does
/// not store (the OperationOutcome, which sets `left_out`) and for an
/// entry with no resource type or id.
pub fn entry(mut e: Value, left_out: &mut bool) -> Option<Value> {
    let kind = e["resource"]["resourceType"].as_str()?.to_string();
    if kind == "OperationOutcome" {
        *left_out = true;
        return None;
    }
    let id = e["resource"]["id"].as_str()?.to_string();
    let condition = if kind == "Patient" {
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
    e["request"] = json!({ "method": "POST", "url": kind, "ifNoneExist": condition });
    Some(e)
}
