//! The session-core harness: a session on a simulated clock, driven by
//! events, with helpers to answer, tick, take vitals and move on.
#![allow(dead_code)]

use kap::protocol::{self, Protocol};
use kap::session::vitals::parse;
use kap::session::{Clock, Event, MINUTE, Moment, Refusal, Session, SessionStart, SimClock};
use std::path::Path;
use std::sync::Arc;

pub fn load(name: &str) -> Arc<Protocol> {
    let p = Path::new(env!("CARGO_MANIFEST_DIR"))
        .join("protocols")
        .join(name);
    Arc::new(protocol::load_file(&p).unwrap().protocol)
}

pub struct H {
    pub s: Session,
    pub clock: SimClock,
}

impl H {
    pub fn new(file: &str, session: u32) -> H {
        H::on(load(file), session)
    }

    /// A session of a protocol already loaded (a test fixture).
    pub fn on(p: Arc<Protocol>, session: u32) -> H {
        let clock = SimClock::fixed();
        let start = SessionStart {
            patient: "P-017".into(),
            session,
            protocol_id: p.protocol.id.clone(),
            protocol_version: p.protocol.version.clone(),
            weight_kg: 70.0,
            mg_per_kg: 0.5,
            dose_mg: 35.0,
            rehearsal: false,
            schedule_note: None,
            course_note: None,
            ui: None,
            lang: None,
            visit: None,
            identity: None,
            clinicians: vec![],
        };
        let s = Session::start(p, start, clock.now()).unwrap();
        H { s, clock }
    }

    pub fn now(&self) -> Moment {
        self.clock.now()
    }

    pub fn wait(&self, min: i64) {
        self.clock.advance(min * MINUTE);
    }

    pub fn ok(&mut self, ev: Event) {
        let now = self.now();
        if let Err(r) = self.s.apply(&ev, &now) {
            panic!("{ev:?} refused: {}", r.say(kap::i18n::Lang::En));
        }
    }

    /// The session's FHIR Bundle, in English, as read now, with nothing
    /// found wrong in its journal.
    pub fn fhir(&self) -> serde_json::Value {
        kap::record::export::fhir(
            &self.s,
            "rec",
            &self.now(),
            &Default::default(),
            kap::i18n::Lang::En,
        )
    }

    pub fn refused(&mut self, ev: Event) -> Refusal {
        let before = self.s.clone();
        let now = self.now();
        let r = self.s.apply(&ev, &now).expect_err("should be refused");
        assert_eq!(self.s, before, "a refused event changes nothing");
        r
    }

    pub fn answer(&mut self, id: &str, text: &str) {
        self.ok(Event::Answered {
            prompt: id.into(),
            text: text.into(),
        });
    }

    pub fn tick(&mut self, id: &str) {
        self.ok(Event::Ticked {
            prompt: id.into(),
            checked: true,
            evidence: None,
        });
    }

    pub fn vitals(&mut self, s: &str) {
        self.ok(Event::Vitals {
            reading: parse(s).unwrap(),
        });
    }

    pub fn advance(&mut self) {
        self.ok(Event::Advanced { reason: None });
    }

    pub fn phase(&self) -> &str {
        &self.s.current_phase().id
    }

    pub fn answer_required(&mut self) {
        let phase = self.s.current_phase().clone();
        for p in self.s.missing_required(&phase) {
            let ev = match p.kind {
                protocol::PromptKind::Text => Event::Answered {
                    prompt: p.id.clone(),
                    text: format!("answer to {}", p.id),
                },
                protocol::PromptKind::Check => Event::Ticked {
                    prompt: p.id.clone(),
                    checked: true,
                    evidence: None,
                },
                _ => Event::Recorded {
                    prompt: p.id.clone(),
                    value: sample_value(p),
                },
            };
            let now = self.now();
            self.s.apply(&ev, &now).unwrap();
        }
    }
}

/// A valid value for any typed prompt, as a clinician might type it.
pub fn sample_value(p: &protocol::Prompt) -> kap::protocol::values::Value {
    use protocol::PromptKind as K;
    let input = match p.kind {
        K::YesNo => "y".to_string(),
        K::Choice | K::MultiChoice => "1".to_string(),
        K::Number => kap::protocol::dose::num(p.min.unwrap_or(1.0)),
        K::Time => "now".to_string(),
        K::Scale => match &p.scale {
            Some(s) if !s.items.is_empty() => vec![s.min.to_string(); s.items.len()].join(" "),
            Some(s) => s.min.to_string(),
            None => "0".to_string(),
        },
        K::Text | K::Check => unreachable!("not typed"),
    };
    kap::protocol::values::parse(p, &input, "10:00").unwrap()
}

pub fn to_dosing_phase(h: &mut H) {
    while h.phase() != "baseline" {
        h.answer_required();
        h.advance();
    }
}

pub fn into_infusion(h: &mut H) -> Moment {
    to_dosing_phase(h);
    h.vitals("120/80 70 98");
    h.answer_required();
    h.advance();
    h.ok(Event::DosingStarted);
    h.now()
}
