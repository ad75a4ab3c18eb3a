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
pub fn on_start(line: &str) -> Said {
    let line = line.trim();
    let (word, rest) = split(line);
    match word.to_lowercase().as_str() {
        "" => Said::Nothing,
        "help" | "?" => Said::Help,
        "patient" => Said::Field(0, rest.into()),
        "session" => Said::Field(1, rest.into()),
        "weight" => Said::Field(2, rest.trim_end_matches("kg").trim().into()),
        "mgkg" | "mg/kg" => Said::Field(3, rest.into()),
        "clinician" | "clinicians" => Said::Field(4, rest.into()),
        "start" | "begin" => Said::Msg(Msg::Begin),
        "resume" => Said::Msg(Msg::ResumeFound),
        "quit" | "leave" => Said::Msg(Msg::Quit),
        _ => Said::Unknown(format!(
            "\"{line}\" is not a start-screen command: patient, session, weight, mgkg, clinician, start, resume, quit, help"
        )),
    }
}

/// A line typed in a session (no dialog open).
pub fn in_session(line: &str) -> Said {
    let line = line.trim();
    let (word, rest) = split(line);
    let lower = word.to_lowercase();
    if line.is_empty() {
        return Said::Nothing;
    }
    // A vitals set: "128/82 76 97", or any reading after "vitals".
    if word.starts_with(|c: char| c.is_ascii_digit()) && word.contains('/') {
        return Said::Msg(Msg::Vitals(line.into()));
    }
    if let Ok(n) = word.parse::<usize>() {
        return prompt(n, rest);
    }
    match lower.as_str() {
        "vitals" if !rest.is_empty() => Said::Msg(Msg::Vitals(rest.into())),
        "answer" => {
            let (n, text) = split(rest);
            match n.parse::<usize>() {
                Ok(n) => prompt(n, text),
                Err(_) => Said::Unknown("answer takes a prompt's number, then the answer".into()),
            }
        }
        "note" if !rest.is_empty() => Said::Msg(Msg::Note {
            text: rest.into(),
            tags: vec![],
        }),
        "tag" => tag(rest),
        "goals" if !rest.is_empty() => Said::Msg(Msg::Goals(
            rest.split(';').map(|g| g.trim().to_string()).collect(),
        )),
        "goals" => Said::Unknown(
            "type the goals on one line, separated by semicolons: goals first; second".into(),
        ),
        "help" | "?" => Said::Help,
        "time" => Said::Time,
        "status" | "where" | "prompts" => Said::Status,
        "void" | "correct" => correction(lower.as_str(), rest),
        "addendum" if !rest.is_empty() => match crate::tui::modal::split_because(rest) {
            Some((text, reason)) => Said::Msg(Msg::Addendum { text, reason }),
            None => Said::Unknown("an addendum is typed as: addendum TEXT because REASON".into()),
        },
        "monitor" => Said::Monitor,
        // The infusion's pause key resumes it too.
        "resume" => Said::Msg(Msg::Do(Action::PauseInfusion)),
        _ => match keys::action_for_word(&lower) {
            Some(Action::Help) => Said::Help,
            Some(a) if rest.is_empty() => Said::Msg(Msg::Do(a)),
            Some(_) => Said::Unknown(format!("\"{word}\" takes nothing after it")),
            None => Said::Unknown(format!(
                "\"{line}\" is not a command here; type help for the list"
            )),
        },
    }
}

/// `void N because REASON`, `correct N VALUE because REASON`.
fn correction(word: &str, rest: &str) -> Said {
    let (n, tail) = split(rest);
    let Ok(entry) = n.trim_start_matches('#').parse::<u64>() else {
        return Said::Unknown(format!(
            "{word} takes an entry number (timeline lists them), then: because REASON"
        ));
    };
    let tail = if word == "void" && !tail.to_lowercase().starts_with("because") {
        format!("because {tail}")
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
        None => Said::Unknown(format!("{word} {entry} … needs: because REASON")),
    }
}

fn prompt(n: usize, text: &str) -> Said {
    if n == 0 {
        return Said::Unknown("prompts are numbered from 1".into());
    }
    Said::Prompt {
        number: n,
        text: (!text.is_empty()).then(|| text.to_string()),
    }
}

fn tag(rest: &str) -> Said {
    let found = match rest.parse::<usize>() {
        Ok(n) => n.checked_sub(1).and_then(|i| NOTE_TAGS.get(i)),
        Err(_) => NOTE_TAGS.iter().find(|t| t.eq_ignore_ascii_case(rest)),
    };
    match found {
        Some(t) => Said::Msg(Msg::Note {
            text: String::new(),
            tags: vec![t.to_string()],
        }),
        None => {
            let list: Vec<String> = NOTE_TAGS
                .iter()
                .enumerate()
                .map(|(i, t)| format!("{} {t}", i + 1))
                .collect();
            Said::Unknown(format!("tag takes one of: {}", list.join(", ")))
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
pub fn help(on_start: bool) -> Vec<String> {
    if on_start {
        return vec![
            "Start screen commands: patient ID; session N; weight KG; mgkg X (empty for the protocol's default); clinician NAME, ROLE (several separated by semicolons); start; resume (an unfinished session of this patient); quit.".into(),
        ];
    }
    let mut out = vec![
        "Answer a prompt by its number: 3 alone ticks a check or asks for the answer; 3 followed by text answers it at once.".to_string(),
        "A vitals set is typed as it is read: 128/82 76 97 (or vitals followed by a reading).".to_string(),
        "note TEXT saves a note; tag N saves a quick tag; goals A; B; C sets the goals.".to_string(),
        "An entry made late says when it was taken at its end: 128/82 76 97 at 10:42, or -5m; a note or answer takes @10:42 or @-5m.".to_string(),
        "timeline reads every entry in order with its number; void N because REASON marks one entered in error; correct N VALUE because REASON replaces it; who passes the entries to the next clinician present.".to_string(),
        "time says the clock and the infusion timer; status reads the phase again; monitor reads the simulated monitor.".to_string(),
    ];
    for (word, action) in keys::WORDS {
        if let Some(label) = keys::label_of(*action) {
            out.push(format!("  {word} — {label}"));
        }
    }
    out.push("In a question, cancel closes it without saving.".into());
    out
}
