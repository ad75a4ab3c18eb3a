//! The record as documents: the signed note, the HTML summary as it
//! stood at the sign-off (addenda and co-signatures left out, so what was
//! signed never changes), as a DocumentReference with the page attached;
//! and each addendum as a DocumentReference of its own that `appends` it,
//! its text attached, by whom and when it was written.

use super::Cx;
use super::LOINC;
use super::resources::*;
use super::types::*;
use crate::export::iso;
use base64::Engine as _;

/// LOINC's progress note: what a KAP session's note is.
fn note_type() -> CodeableConcept {
    CodeableConcept::coded(vec![Coding::new(LOINC, "11506-3", "Progress note")], None)
}

fn base64(bytes: &[u8]) -> String {
    base64::engine::general_purpose::STANDARD.encode(bytes)
}

/// The signed note and each addendum, once the record is closed.
pub fn documents(cx: &Cx) -> Vec<Resource> {
    let lang = cx.lang;
    let s = cx.s;
    let Some(closed) = &s.closed else {
        return Vec::new();
    };
    let signed = s.as_signed();
    // Without the page's `generator` line (kap's version): the note the
    // server holds changes when the record does, not when kap is updated.
    let page: String =
        crate::html::summary(&signed, &closed.at, crate::doc::Doc::default(), None, lang)
            .split_inclusive('\n')
            .filter(|l| !l.starts_with("<meta name=\"generator\""))
            .collect();
    let tag = lang.tag().to_string();
    let note_urn = cx.urn("signed-note");
    let signer = s.signer().map(|by| cx.practitioner(by));
    let title = crate::say!(
        lang,
        "sum-title",
        session = s.protocol().session_title(s.start.session).say(lang),
        patient = s.start.patient.clone()
    );
    let mut out = vec![document(
        cx,
        "signed-note",
        &closed.at,
        signer.clone().into_iter().collect(),
        signer,
        None,
        Attachment {
            content_type: "text/html; charset=utf-8",
            language: Some(tag.clone()),
            data: base64(page.as_bytes()),
            title,
            creation: iso(&closed.at),
        },
    )];
    for a in &s.addenda {
        let text = format!(
            "{}\n\n{}\n",
            a.text,
            crate::say!(lang, "fhir-why", reason = a.reason.clone())
        );
        let by: Vec<Reference> =
            a.by.as_deref()
                .map(|b| cx.practitioner(b))
                .into_iter()
                .collect();
        out.push(document(
            cx,
            &format!("addendum-document-{}", a.seq),
            &a.at,
            by.clone(),
            by.into_iter().next(),
            Some(&note_urn),
            Attachment {
                content_type: "text/plain; charset=utf-8",
                language: Some(tag.clone()),
                data: base64(text.as_bytes()),
                title: crate::say!(lang, "fhir-addendum-title"),
                creation: iso(&a.at),
            },
        ));
    }
    out
}

fn document(
    cx: &Cx,
    local: &str,
    at: &crate::session::Moment,
    author: Vec<Reference>,
    authenticator: Option<Reference>,
    appends: Option<&str>,
    attachment: Attachment,
) -> Resource {
    Resource::DocumentReference(Box::new(DocumentReference {
        id: cx.rid(local),
        meta: None,
        status: "current",
        doc_status: "final",
        kind: note_type(),
        subject: cx.subject.clone(),
        date: iso(at),
        author,
        authenticator,
        relates_to: appends
            .map(|urn| RelatesTo {
                code: "appends",
                target: Reference::to(urn, None),
            })
            .into_iter()
            .collect(),
        description: Some(attachment.title.clone()),
        content: vec![DocumentContent { attachment }],
        context: DocumentContext {
            encounter: vec![cx.encounter()],
        },
    }))
}
