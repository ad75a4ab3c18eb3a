//! What the server's answer means, from its status and body: the
//! locations of what it created, or its OperationOutcome in words. Pure.

use serde_json::Value;

/// The answer to a transaction, judged.
#[derive(Debug, Clone, PartialEq)]
pub enum Judged {
    /// 2xx with a `transaction-response` whose every entry succeeded.
    Accepted { locations: Vec<String> },
    /// Anything else, in words fit for a person and the status file.
    Refused(String),
}

/// Judge a transaction's answer: `status` and the body as received.
/// `redirect` is the `Location` header of a 3xx.
pub fn judge(status: u16, body: &[u8], redirect: Option<&str>, lang: crate::i18n::Lang) -> Judged {
    judge_sent(status, body, redirect, None, lang)
}

/// The same, for a transaction of `sent` entries: a transaction-response
/// answers each entry in order, so one that answers for fewer (or more)
/// did not take the record as sent, whatever its status.
pub fn judge_sent(
    status: u16,
    body: &[u8],
    redirect: Option<&str>,
    sent: Option<usize>,
    lang: crate::i18n::Lang,
) -> Judged {
    let json: Option<Value> = serde_json::from_slice(body).ok();
    if (300..400).contains(&status) {
        return Judged::Refused(crate::say!(
            lang,
            "push-redirect",
            status = status.to_string(),
            to = redirect
                .map(|l| format!(" ({})", crate::text::clean_line(l)))
                .unwrap_or_default()
        ));
    }
    if !(200..300).contains(&status) {
        let why = json
            .as_ref()
            .and_then(outcome_text)
            .unwrap_or_else(|| body_excerpt(body, lang));
        return Judged::Refused(format!("HTTP {status} {}: {why}", reason(status)));
    }
    let Some(json) = json else {
        return Judged::Refused(crate::say!(
            lang,
            "push-not-json",
            status = status.to_string(),
            body = body_excerpt(body, lang)
        ));
    };
    if json["resourceType"] != "Bundle" || json["type"] != "transaction-response" {
        return Judged::Refused(crate::say!(
            lang,
            "push-not-transaction-response",
            status = status.to_string(),
            resource = json["resourceType"].to_string(),
            kind = json["type"].to_string()
        ));
    }
    let answered = json["entry"].as_array().map_or(0, Vec::len);
    if let Some(sent) = sent
        && answered != sent
    {
        return Judged::Refused(crate::say!(
            lang,
            "push-entries-unanswered",
            status = status.to_string(),
            answered = answered,
            sent = sent
        ));
    }
    let mut locations = Vec::new();
    for (i, e) in json["entry"].as_array().into_iter().flatten().enumerate() {
        let r = &e["response"];
        let st = r["status"].as_str().unwrap_or("");
        if !st.starts_with('2') {
            let why = outcome_text(&r["outcome"]).unwrap_or_default();
            return Judged::Refused(crate::say!(
                lang,
                "push-entry-refused",
                status = status.to_string(),
                entry = (i + 1).to_string(),
                answer = crate::text::clean_line(st),
                why = why
            ));
        }
        locations.push(crate::text::clean_line(
            r["location"].as_str().unwrap_or(""),
        ));
    }
    Judged::Accepted { locations }
}

/// An OperationOutcome's issues, one per line: `severity code: diagnostics`.
/// `None` when the value is not an OperationOutcome with issues.
pub fn outcome_text(v: &Value) -> Option<String> {
    if v["resourceType"] != "OperationOutcome" {
        return None;
    }
    let issues: Vec<String> = v["issue"]
        .as_array()?
        .iter()
        .take(20)
        .map(|i| {
            let s = |k: &str| i[k].as_str().map(crate::text::clean_line);
            let text = s("diagnostics")
                .or_else(|| i["details"]["text"].as_str().map(crate::text::clean_line))
                .unwrap_or_else(|| "(no diagnostics)".into());
            let place = i["expression"][0]
                .as_str()
                .or(i["location"][0].as_str())
                .map(|p| format!(" at {}", crate::text::clean_line(p)))
                .unwrap_or_default();
            format!(
                "{} {}: {text}{place}",
                s("severity").unwrap_or_else(|| "?".into()),
                s("code").unwrap_or_else(|| "?".into())
            )
        })
        .collect();
    (!issues.is_empty()).then(|| issues.join("; "))
}

/// The start of a body that is not an OperationOutcome, cleaned.
fn body_excerpt(body: &[u8], lang: crate::i18n::Lang) -> String {
    let text = String::from_utf8_lossy(body);
    let t = text.trim();
    if t.is_empty() {
        return crate::say!(lang, "push-empty-answer");
    }
    let cut: String = t.chars().take(300).collect();
    let more = if cut.len() < t.len() { "…" } else { "" };
    crate::text::clean_line(&cut) + more
}

/// A few reason phrases a person recognises.
fn reason(status: u16) -> &'static str {
    match status {
        400 => "Bad Request",
        401 => "Unauthorized (check the token)",
        403 => "Forbidden (the token may lack write access)",
        404 => "Not Found (check base_url)",
        405 => "Method Not Allowed (check base_url: a transaction is posted to the server's base)",
        409 => "Conflict",
        412 => "Precondition Failed",
        413 => "Payload Too Large",
        422 => "Unprocessable Entity (the server's validation refused the record)",
        429 => "Too Many Requests",
        500 => "Internal Server Error",
        502 => "Bad Gateway",
        503 => "Service Unavailable",
        504 => "Gateway Timeout",
        _ => "",
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn an_answer_for_fewer_entries_than_were_sent_is_not_a_send() {
        let body = br#"{"resourceType":"Bundle","type":"transaction-response","entry":[
            {"response":{"status":"201 Created","location":"Patient/1/_history/1"}}]}"#;
        let Judged::Refused(t) = judge_sent(200, body, None, Some(36), crate::i18n::Lang::En)
        else {
            panic!("accepted")
        };
        assert!(t.contains("1 of the 36"), "{t}");
        assert!(matches!(
            judge_sent(200, body, None, Some(1), crate::i18n::Lang::En),
            Judged::Accepted { .. }
        ));
    }

    #[test]
    fn an_accepted_transaction_gives_its_locations() {
        let body = br#"{"resourceType":"Bundle","type":"transaction-response","entry":[
            {"response":{"status":"201 Created","location":"Patient/1/_history/1"}},
            {"response":{"status":"200 OK","location":"Observation/2/_history/1"}}]}"#;
        assert_eq!(
            judge(200, body, None, crate::i18n::Lang::En),
            Judged::Accepted {
                locations: vec![
                    "Patient/1/_history/1".into(),
                    "Observation/2/_history/1".into()
                ]
            }
        );
    }

    #[test]
    fn an_operation_outcome_is_read_out() {
        let body = br#"{"resourceType":"OperationOutcome","issue":[
            {"severity":"error","code":"invalid","diagnostics":"Observation.status: unknown code","expression":["Bundle.entry[3].resource"]},
            {"severity":"warning","code":"processing","details":{"text":"slow"}}]}"#;
        let Judged::Refused(t) = judge(422, body, None, crate::i18n::Lang::En) else {
            panic!()
        };
        assert_eq!(
            t,
            "HTTP 422 Unprocessable Entity (the server's validation refused the record): \
             error invalid: Observation.status: unknown code at Bundle.entry[3].resource; warning processing: slow"
        );
    }

    #[test]
    fn other_answers_are_refusals_in_words() {
        let Judged::Refused(t) = judge(
            502,
            b"<html>\x1b[31mbad gateway</html>",
            None,
            crate::i18n::Lang::En,
        ) else {
            panic!()
        };
        assert!(t.starts_with("HTTP 502 Bad Gateway: <html>"), "{t}");
        assert!(!t.contains('\x1b'));
        let Judged::Refused(t) = judge(401, b"", None, crate::i18n::Lang::En) else {
            panic!()
        };
        assert_eq!(t, "HTTP 401 Unauthorized (check the token): (empty answer)");
        let Judged::Refused(t) = judge(301, b"", Some("https://other/"), crate::i18n::Lang::En)
        else {
            panic!()
        };
        assert!(
            t.contains("(https://other/)") && t.contains("base_url"),
            "{t}"
        );
        let Judged::Refused(t) = judge(
            200,
            b"{\"resourceType\":\"Patient\"}",
            None,
            crate::i18n::Lang::En,
        ) else {
            panic!()
        };
        assert!(t.contains("not a transaction-response"), "{t}");
        let Judged::Refused(t) = judge(200, b"ok", None, crate::i18n::Lang::En) else {
            panic!()
        };
        assert!(t.contains("not JSON"), "{t}");
        let body = br#"{"resourceType":"Bundle","type":"transaction-response","entry":[
            {"response":{"status":"400 Bad Request","outcome":{"resourceType":"OperationOutcome","issue":[{"severity":"error","code":"required","diagnostics":"no subject"}]}}}]}"#;
        let Judged::Refused(t) = judge(200, body, None, crate::i18n::Lang::En) else {
            panic!()
        };
        assert!(
            t.contains("entry 1") && t.contains("error required: no subject"),
            "{t}"
        );
    }
}
