//! What a typed line asks for in the screen-reader mode. Pure: a line in,
//! a [`Said`] out; the words for the session's commands are the key
//! table's (`keys::WORDS`), so the two interfaces offer the same actions.

use crate::tui::app::{Msg, NOTE_TAGS};
use crate::tui::keys::{self, Action};

#[derive(Debug, Clone)]
pub enum Said {
    /// Straight to `App::update`.
    Msg(Msg),
    /// The prompt with this number (from 1) in the phase read out, with
    /// an answer typed on the same line.
    Prompt {
        number: usize,
        text: Option<String>,
    },
    /// A start-form field (0 patient, 1 session, 2 weight, 3 mg/kg).
    Field(usize, String),
    Help,
    /// The clock and the infusion timer, now.
    Time,
    /// Where the session is: the phase again, what is due, alerts open.
    Status,
    /// The simulated monitor (a rehearsal with a scenario).
    Monitor,
    Nothing,
    /// Not understood, and why.
    Unknown(String),
}

/// A line typed on the start screen.
pub fn on_start(line: &str, lang: crate::i18n::Lang) -> Said {
    let line = line.trim();
    let (word, rest) = split(line);
    match keys::command_word(word, lang).as_str() {
        "" => Said::Nothing,
        "help" | "?" => Said::Help,
        "patient" => Said::Field(0, rest.into()),
        "session" => Said::Field(1, rest.into()),
        "weight" => Said::Field(2, rest.trim_end_matches("kg").trim().into()),
        "mgkg" | "mg/kg" => Said::Field(3, rest.into()),
        "clinician" | "clinicians" => Said::Field(4, rest.into()),
        "start" | "begin" => Said::Msg(Msg::Begin),
        "resume" => Said::Msg(Msg::ResumeFound),
        "visit" => Said::Msg(Msg::NextVisitKind),
        "quit" | "leave" => Said::Msg(Msg::Quit),
        _ => Said::Unknown(crate::say!(
            lang,
            "reader-not-start-command",
            line = line.to_string(),
            words = keys::START_WORDS
                .iter()
                .map(|w| keys::shown_word(w, lang))
                .collect::<Vec<_>>()
                .join(", ")
        )),
    }
}

/// A line typed in a session (no dialog open).
pub fn in_session(line: &str, lang: crate::i18n::Lang) -> Said {
    let line = line.trim();
    let (word, rest) = split(line);
    let lower = keys::command_word(word, lang);
    if line.is_empty() {
        return Said::Nothing;
    }
    // A vitals set: "128/82 76 97", or any reading after "vitals".
    if word.starts_with(|c: char| c.is_ascii_digit()) && word.contains('/') {
        return Said::Msg(Msg::Vitals(line.into()));
    }
    // The labelled form the screen's hint teaches: `ta 150/95 fc 80 spo2 97`.
    if crate::session::vitals::is_labelled_reading(line) {
        return Said::Msg(Msg::Vitals(line.into()));
    }
    if let Ok(n) = word.parse::<usize>() {
        return prompt(n, rest, lang);
    }
    match lower.as_str() {
        "vitals" if !rest.is_empty() => Said::Msg(Msg::Vitals(rest.into())),
        "answer" => {
            let (n, text) = split(rest);
            match n.parse::<usize>() {
                Ok(n) => prompt(n, text, lang),
                Err(_) => Said::Unknown(crate::say!(
                    lang,
                    "reader-answer-takes",
                    word = keys::shown_word("answer", lang)
                )),
            }
        }
        "note" if !rest.is_empty() => Said::Msg(Msg::Note {
            text: rest.into(),
            tags: vec![],
        }),
        "tag" => tag(rest, lang),
        // A medication line on the same line: `meds 1 4 iv nausea`.
        "meds" if !rest.is_empty() => Said::Msg(Msg::Medication(rest.into())),
        "goals" if !rest.is_empty() => Said::Msg(Msg::Goals(
            rest.split(';').map(|g| g.trim().to_string()).collect(),
        )),
        "goals" => Said::Unknown(crate::say!(
            lang,
            "reader-goals-how",
            word = keys::shown_word("goals", lang)
        )),
        "help" | "?" => Said::Help,
        "time" => Said::Time,
        "status" | "where" | "prompts" => Said::Status,
        "void" | "correct" => correction(lower.as_str(), rest, lang),
        "addendum" if !rest.is_empty() => match crate::tui::modal::split_because(rest) {
            Some((text, reason)) => Said::Msg(Msg::Addendum { text, reason }),
            None => Said::Unknown(crate::say!(
                lang,
                "reader-addendum-how",
                word = keys::shown_word("addendum", lang)
            )),
        },
        "monitor" => Said::Monitor,
        // The infusion's pause key resumes it too.
        "resume" => Said::Msg(Msg::Do(Action::PauseInfusion)),
        _ => match keys::action_for_word(&lower, lang) {
            Some(Action::Help) => Said::Help,
            Some(a) if rest.is_empty() => Said::Msg(Msg::Do(a)),
            Some(_) => Said::Unknown(crate::say!(
                lang,
                "reader-takes-nothing",
                word = word.to_string()
            )),
            None => Said::Unknown(crate::say!(
                lang,
                "reader-not-a-command",
                line = line.to_string(),
                help = keys::shown_word("help", lang)
            )),
        },
    }
}

/// `void N because REASON`, `correct N VALUE because REASON`.
fn correction(word: &str, rest: &str, lang: crate::i18n::Lang) -> Said {
    let (n, tail) = split(rest);
    let Ok(entry) = n.trim_start_matches('#').parse::<u64>() else {
        return Said::Unknown(crate::say!(
            lang,
            "reader-correction-takes",
            word = keys::shown_word(word, lang)
        ));
    };
    let tail = if word == "void" {
        format!("because {}", crate::tui::modal::strip_because(tail))
    } else {
        tail.to_string()
    };
    match crate::tui::modal::split_because(&tail) {
        Some((replacement, reason)) => Said::Msg(Msg::Correct {
            entry,
            replacement: if word == "void" {
                String::new()
            } else {
                replacement
            },
            reason,
        }),
        None => Said::Unknown(crate::say!(
            lang,
            "reader-correction-needs",
            word = keys::shown_word(word, lang),
            entry = entry
        )),
    }
}

fn prompt(n: usize, text: &str, lang: crate::i18n::Lang) -> Said {
    if n == 0 {
        return Said::Unknown(crate::say!(lang, "reader-numbered-from-1"));
    }
    Said::Prompt {
        number: n,
        text: (!text.is_empty()).then(|| text.to_string()),
    }
}

fn tag(rest: &str, lang: crate::i18n::Lang) -> Said {
    let found = match rest.parse::<usize>() {
        Ok(n) => n.checked_sub(1).and_then(|i| NOTE_TAGS.get(i)),
        // The stored English word, or the tag's name in the language given.
        Err(_) => NOTE_TAGS.iter().find(|(t, id)| {
            t.eq_ignore_ascii_case(rest)
                || crate::i18n::text(lang, id, None).eq_ignore_ascii_case(rest)
        }),
    };
    match found {
        Some((t, _)) => Said::Msg(Msg::Note {
            text: String::new(),
            tags: vec![t.to_string()],
        }),
        None => {
            let list: Vec<String> = NOTE_TAGS
                .iter()
                .enumerate()
                .map(|(i, (_, id))| format!("{} {}", i + 1, crate::i18n::text(lang, id, None)))
                .collect();
            Said::Unknown(crate::say!(
                lang,
                "reader-tag-takes",
                tags = list.join(", ")
            ))
        }
    }
}

/// The first word and the rest, trimmed.
fn split(line: &str) -> (&str, &str) {
    match line.split_once(char::is_whitespace) {
        Some((w, rest)) => (w, rest.trim()),
        None => (line, ""),
    }
}

/// The command list, from the same words and labels as the key table.
pub fn help(on_start: bool, lang: crate::i18n::Lang) -> Vec<String> {
    if on_start {
        let w = keys::shown_word;
        return vec![
            crate::say!(
                lang,
                "reader-help-start",
                patient = w("patient", lang),
                session = w("session", lang),
                weight = w("weight", lang),
                mgkg = w("mgkg", lang),
                clinician = w("clinician", lang),
                start = w("start", lang),
                resume = w("resume", lang),
                quit = w("quit", lang)
            ),
            crate::say!(lang, "reader-help-start-visit", visit = w("visit", lang)),
        ];
    }
    let w = keys::shown_word;
    let mut out = vec![
        crate::say!(lang, "reader-help-answer"),
        crate::say!(lang, "reader-help-vitals", vitals = w("vitals", lang)),
        crate::say!(
            lang,
            "reader-help-note",
            note = w("note", lang),
            tag = w("tag", lang),
            goals = w("goals", lang)
        ),
        crate::say!(lang, "reader-help-late"),
        crate::say!(
            lang,
            "reader-help-timeline",
            timeline = w("timeline", lang),
            void = w("void", lang),
            correct = w("correct", lang),
            who = w("who", lang)
        ),
        crate::say!(
            lang,
            "reader-help-time",
            time = w("time", lang),
            status = w("status", lang),
            monitor = w("monitor", lang)
        ),
    ];
    for (word, action) in keys::WORDS {
        if let Some(label) = keys::label_of(*action, lang) {
            out.push(format!("  {} — {label}", w(word, lang)));
        }
    }
    out.push(crate::say!(
        lang,
        "reader-help-cancel",
        cancel = w("cancel", lang)
    ));
    out
}
