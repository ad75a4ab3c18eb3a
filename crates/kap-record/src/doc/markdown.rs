//! A [`Doc`] as Markdown. Every piece of text is escaped, so typed words
//! read as written and never as markup.

use super::{Block, Doc, Item, Span};

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

fn spans(s: &[Span], o: &mut String) {
    for span in s {
        match span {
            Span::Text(t) => o.push_str(&md_escape(t)),
            Span::Strong(i) => {
                o.push_str("**");
                spans(i, o);
                o.push_str("**");
            }
            Span::Struck(i) => {
                o.push_str("~~");
                spans(i, o);
                o.push_str("~~");
            }
            // A code span holds what it holds (kap writes hashes there),
            // one line, no backtick.
            Span::Code(t) => {
                o.push('`');
                o.push_str(&t.replace(['`', '\n', '\r'], " "));
                o.push('`');
            }
        }
    }
}

fn line(i: &super::Inline) -> String {
    let mut o = String::new();
    spans(&i.0, &mut o);
    o
}

fn items(list: &[Item], depth: usize, o: &mut String) {
    for it in list {
        o.push_str(&"  ".repeat(depth));
        o.push_str("- ");
        match it.check {
            Some(true) => o.push_str("[x] "),
            Some(false) => o.push_str("[ ] "),
            None => {}
        }
        o.push_str(&line(&it.line));
        o.push('\n');
        items(&it.under, depth + 1, o);
    }
}

fn row(cells: &[super::Inline], o: &mut String) {
    o.push('|');
    for c in cells {
        o.push(' ');
        o.push_str(&line(c));
        o.push_str(" |");
    }
    o.push('\n');
}

pub(super) fn render(doc: &Doc) -> String {
    let mut o = String::new();
    for (i, b) in doc.blocks.iter().enumerate() {
        if i > 0 {
            o.push('\n');
        }
        match b {
            Block::Banner(l) => {
                o.push_str("> ");
                o.push_str(&line(l));
                o.push('\n');
            }
            Block::Heading(level, l) => {
                o.push_str(&"#".repeat(usize::from((*level).clamp(1, 6))));
                o.push(' ');
                o.push_str(&line(l));
                o.push('\n');
            }
            Block::Para(l) => {
                o.push_str(&line(l));
                o.push('\n');
            }
            Block::List(list) => items(list, 0, &mut o),
            Block::Table(head, rows) => {
                row(head, &mut o);
                o.push('|');
                o.push_str(&"---|".repeat(head.len()));
                o.push('\n');
                for r in rows {
                    row(r, &mut o);
                }
            }
        }
    }
    o
}
