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
    let mut o = format!(
        "\n## {}\n\n{}\n\n",
        crate::t!("md-h-corrections"),
        crate::t!("md-corrections-intro")
    );
    for (entry, c) in &s.corrections {
        let original = s
            .entry(*entry)
            .map(|e| {
                let (_, text) = timeline::describe(s, &e.event, None);
                format!("{} {}", e.when().hhmm(), md_escape(&text))
            })
            .unwrap_or_else(|| crate::t!("md-entry", entry = *entry));
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
            crate::t!("md-replaced-by", entry = c.seq, now = now)
        } else {
            crate::t!("md-entered-in-error")
        };
        let _ = writeln!(
            o,
            "- ~~{original}~~ — {}",
            crate::t!(
                "md-correction",
                what = what,
                reason = md_escape(&c.reason),
                at = c.at.hhmm(),
                by = who(&c.by)
            )
        );
    }
    o
}

/// `## Addenda`: additions made after closing, each dated and authored.
pub fn addenda(s: &Session) -> String {
    if s.addenda.is_empty() {
        return String::new();
    }
    let mut o = format!(
        "\n## {}\n\n{}\n\n",
        crate::t!("md-h-addenda"),
        crate::t!("md-addenda-intro")
    );
    for a in &s.addenda {
        let _ = writeln!(
            o,
            "- {}",
            crate::t!(
                "md-addendum",
                at = format!(
                    "{} {}",
                    crate::i18n::date(a.at.wall.date_naive()),
                    a.at.wall.format("%H:%M")
                ),
                by = who(&a.by),
                entry = a.seq,
                text = md_escape(&a.text),
                reason = md_escape(&a.reason)
            )
        );
    }
    o
}

/// `## Timeline`: every entry and alert in the order it happened.
pub fn timeline(s: &Session, now: &crate::session::Moment) -> String {
    let mut o = format!(
        "\n## {}\n\n| {} | {} | {} | {} | |\n|---|---|---|---|---|\n",
        crate::t!("md-h-timeline"),
        crate::t!("md-col-happened"),
        crate::t!("md-col-recorded"),
        crate::t!("md-col-by"),
        crate::t!("md-col-entry")
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
            r.taken_text(),
            r.recorded_text(),
            who(&r.by),
            md_escape(&r.marks().join("; "))
        );
    }
    o
}
