//! The summary's record-keeping sections: corrections (originals struck
//! through beside their correction), addenda, and the timeline of the
//! whole session. Typed text is escaped so it reads as written.

use crate::session::Session;
use crate::session::timeline::{self, Status};
use std::fmt::Write as _;

/// Text as Markdown shows it literally, on one line (a table cell).
pub fn md_escape(s: &str) -> String {
    let mut o = String::with_capacity(s.len());
    for c in s.chars() {
        match c {
            '\\' | '`' | '*' | '_' | '[' | ']' | '<' | '>' | '|' | '~' | '#' => {
                o.push('\\');
                o.push(c);
            }
            '\n' | '\r' => o.push_str(" / "),
            c => o.push(c),
        }
    }
    o
}

fn who(by: &Option<String>) -> String {
    by.as_deref().map(md_escape).unwrap_or_else(|| "—".into())
}

/// `## Corrections`: each corrected entry, struck through, with what put
/// it right. Empty when nothing was corrected.
pub fn corrections(s: &Session) -> String {
    if s.corrections.is_empty() {
        return String::new();
    }
    let mut o = String::from("\n## Corrections\n\nThe original entries stay in the journal.\n\n");
    for (entry, c) in &s.corrections {
        let original = s
            .entry(*entry)
            .map(|e| {
                let (_, text) = timeline::describe(s, &e.event, None);
                format!("{} {}", e.when().hhmm(), md_escape(&text))
            })
            .unwrap_or_else(|| format!("entry {entry}"));
        let what = if c.replaced {
            let now = s
                .entry(c.seq)
                .and_then(|e| match &e.event {
                    crate::session::Event::Corrected { with: Some(w), .. } => {
                        Some(md_escape(&timeline::describe(s, w, None).1))
                    }
                    _ => None,
                })
                .unwrap_or_default();
            format!("replaced by entry {}: {now}", c.seq)
        } else {
            "entered in error".to_string()
        };
        let _ = writeln!(
            o,
            "- ~~{original}~~ — {what}; reason: {} ({}, {})",
            md_escape(&c.reason),
            c.at.hhmm(),
            who(&c.by)
        );
    }
    o
}

/// `## Addenda`: additions made after closing, each dated and authored.
pub fn addenda(s: &Session) -> String {
    if s.addenda.is_empty() {
        return String::new();
    }
    let mut o = String::from("\n## Addenda\n\nAdded after the session was closed and signed.\n\n");
    for a in &s.addenda {
        let _ = writeln!(
            o,
            "- {} by {} (entry {}): {} — reason: {}",
            a.at.wall.format("%Y-%m-%d %H:%M"),
            who(&a.by),
            a.seq,
            md_escape(&a.text),
            md_escape(&a.reason)
        );
    }
    o
}

/// `## Timeline`: every entry and alert in the order it happened.
pub fn timeline(s: &Session, now: &crate::session::Moment) -> String {
    let mut o = String::from(
        "\n## Timeline\n\n| happened | recorded | by | entry | |\n|---|---|---|---|---|\n",
    );
    for r in timeline::rows(s, &s.as_of(now)) {
        let text = md_escape(&r.text);
        let text = match r.status {
            Status::Current => text,
            _ => format!("~~{text}~~"),
        };
        let _ = writeln!(
            o,
            "| {} | {} | {} | {text} | {} |",
            r.taken.hhmm(),
            r.recorded.hhmm(),
            who(&r.by),
            md_escape(&r.marks().join("; "))
        );
    }
    o
}
