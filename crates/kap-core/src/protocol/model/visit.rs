//! Visits: the encounters of a course that are not a dose — assessment,
//! preparation, integration, follow-up and maintenance review — each with
//! its own short flow of phases (`[[visit]]`, `[[visit.phase]]`).

use super::*;

/// What kind of encounter a visit is. A session record without one is a
/// dosing session.
#[derive(Debug, Clone, Copy, PartialEq, Eq, PartialOrd, Ord, Hash, Serialize, Deserialize)]
#[serde(rename_all = "kebab-case")]
pub enum VisitKind {
    Assessment,
    Preparation,
    Integration,
    FollowUp,
    MaintenanceReview,
}

impl VisitKind {
    pub const ALL: [VisitKind; 5] = [
        VisitKind::Assessment,
        VisitKind::Preparation,
        VisitKind::Integration,
        VisitKind::FollowUp,
        VisitKind::MaintenanceReview,
    ];

    /// The kind as the file and the command line write it.
    pub fn as_str(self) -> &'static str {
        match self {
            VisitKind::Assessment => "assessment",
            VisitKind::Preparation => "preparation",
            VisitKind::Integration => "integration",
            VisitKind::FollowUp => "follow-up",
            VisitKind::MaintenanceReview => "maintenance-review",
        }
    }

    pub fn parse(s: &str) -> Option<VisitKind> {
        VisitKind::ALL.into_iter().find(|k| k.as_str() == s)
    }

    /// The kind in words, in the language given.
    pub fn label(self) -> crate::i18n::Phrase {
        crate::i18n::Phrase::msg(match self {
            VisitKind::Assessment => "visit-kind-assessment",
            VisitKind::Preparation => "visit-kind-preparation",
            VisitKind::Integration => "visit-kind-integration",
            VisitKind::FollowUp => "visit-kind-follow-up",
            VisitKind::MaintenanceReview => "visit-kind-maintenance-review",
        })
    }

    /// Whether the visit looks ahead to a dose (its number is the next
    /// dose's) rather than back at one (the last dose's).
    pub fn before_dose(self) -> bool {
        matches!(self, VisitKind::Assessment | VisitKind::Preparation)
    }
}

/// How a visit is held.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Default, Serialize, Deserialize)]
#[serde(rename_all = "kebab-case")]
pub enum Contact {
    #[default]
    InPerson,
    Phone,
    Video,
}

impl Contact {
    pub fn as_str(self) -> &'static str {
        match self {
            Contact::InPerson => "in-person",
            Contact::Phone => "phone",
            Contact::Video => "video",
        }
    }

    pub fn parse(s: &str) -> Option<Contact> {
        [Contact::InPerson, Contact::Phone, Contact::Video]
            .into_iter()
            .find(|c| c.as_str() == s)
    }

    /// The way in words, in the language given.
    pub fn label(self) -> crate::i18n::Phrase {
        crate::i18n::Phrase::msg(match self {
            Contact::InPerson => "visit-contact-in-person",
            Contact::Phone => "visit-contact-phone",
            Contact::Video => "visit-contact-video",
        })
    }

    /// Held at a distance (a virtual encounter in FHIR terms).
    pub fn is_remote(self) -> bool {
        !matches!(self, Contact::InPerson)
    }
}

fn in_person_only() -> Vec<Contact> {
    vec![Contact::InPerson]
}

/// The topics of the course a visit's phase lists as a checklist.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Serialize, Deserialize)]
#[serde(rename_all = "kebab-case")]
pub enum TopicList {
    /// `[course.preparation] topics`, in the file's order, carried across
    /// the preparation visits until each is done.
    Preparation,
    /// `[course.integration] topics`, asked afresh at each visit.
    Integration,
}

impl TopicList {
    /// The id of the checklist prompt for the `n`th topic (1-based).
    pub fn prompt_id(self, n: usize) -> String {
        match self {
            TopicList::Preparation => format!("preparation-topic-{n}"),
            TopicList::Integration => format!("integration-topic-{n}"),
        }
    }

    /// Whether a topic ticked in one visit stays done in the next.
    pub fn carried(self) -> bool {
        matches!(self, TopicList::Preparation)
    }
}

/// A kind of visit the protocol names, and its flow.
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize)]
#[serde(deny_unknown_fields)]
pub struct Visit {
    pub kind: VisitKind,
    pub title: String,
    /// How long the visit takes, when the protocol says.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub minutes: Option<Range<u32>>,
    /// The ways it may be held (in person when absent).
    #[serde(default = "in_person_only")]
    pub contact: Vec<Contact>,
    pub source: String,
    #[serde(rename = "phase")]
    pub phases: Vec<Phase>,
}

impl Protocol {
    /// The visit of `kind` the protocol names.
    pub fn visit(&self, kind: VisitKind) -> Option<&Visit> {
        self.visits.iter().find(|v| v.kind == kind)
    }

    /// The protocol a visit of `kind` runs under: this one with the
    /// visit's phases in place of the dosing session's, each topic list
    /// written out as checklist items ahead of the phase's own prompts (`TopicList::prompt_id`).
    pub fn for_visit(&self, kind: VisitKind) -> Option<Protocol> {
        let visit = self.visit(kind)?;
        let mut p = self.clone();
        p.phases = visit
            .phases
            .iter()
            .map(|vp| {
                let mut ph = vp.clone();
                if let Some(list) = vp.topics {
                    let mut prompts = self.topic_prompts(list);
                    prompts.append(&mut ph.prompts);
                    ph.prompts = prompts;
                }
                ph
            })
            .collect();
        Some(p)
    }

    /// The course's topics of `list` as checklist prompts, in order.
    pub fn topic_prompts(&self, list: TopicList) -> Vec<Prompt> {
        let (topics, source) = match list {
            TopicList::Preparation => match &self.course.preparation {
                Some(p) => (&p.topics, &p.source),
                None => return Vec::new(),
            },
            TopicList::Integration => match &self.course.integration {
                Some(i) => (&i.topics, &i.source),
                None => return Vec::new(),
            },
        };
        topics
            .iter()
            .enumerate()
            .map(|(i, t)| Prompt {
                id: list.prompt_id(i + 1),
                kind: PromptKind::Check,
                text: t.clone(),
                required: false,
                sessions: None,
                maintenance: false,
                help: None,
                source: Some(source.clone()),
                choices: Vec::new(),
                unit: None,
                min: None,
                max: None,
                scale: None,
                due: None,
                code: None,
                agreement: None,
                rules_out: Vec::new(),
                drugs: Vec::new(),
                choice_codes: Vec::new(),
                evidence_visit: None,
            })
            .collect()
    }
}
