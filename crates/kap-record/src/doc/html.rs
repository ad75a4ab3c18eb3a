//! A [`Doc`]'s blocks as HTML. Every piece of text is escaped on the way
//! out; the only markup is the document's own structure.

use super::{Block, Inline, Item, Span};
use crate::html::esc;

fn spans(s: &[Span], o: &mut String) {
    for span in s {
        match span {
            Span::Text(t) => o.push_str(&esc(&super::one_line(t))),
            Span::Code(t) => {
                o.push_str("<code>");
                o.push_str(&esc(t));
                o.push_str("</code>");
            }
            Span::Strong(i) => {
                o.push_str("<strong>");
                spans(i, o);
                o.push_str("</strong>");
            }
            Span::Struck(i) => {
                o.push_str("<s>");
                spans(i, o);
                o.push_str("</s>");
            }
        }
    }
}

fn line(i: &Inline) -> String {
    let mut o = String::new();
    spans(&i.0, &mut o);
    o
}

fn items(list: &[Item], o: &mut String) {
    o.push_str("<ul>\n");
    for (n, it) in list.iter().enumerate() {
        if n > 0 {
            o.push('\n');
        }
        o.push_str("<li>");
        match it.check {
            Some(true) => o.push_str("<span class=\"box\" aria-hidden=\"true\">☑</span> "),
            Some(false) => o.push_str("<span class=\"box\" aria-hidden=\"true\">☐</span> "),
            None => {}
        }
        o.push_str(&line(&it.line));
        if !it.under.is_empty() {
            items(&it.under, o);
        }
        o.push_str("</li>");
    }
    o.push_str("</ul>\n");
}

fn row(cells: &[Inline], tag: &str, o: &mut String) {
    o.push_str("<tr>");
    for c in cells {
        o.push_str(&format!("<{tag}>{}</{tag}>", line(c)));
    }
    o.push_str("</tr>");
}

pub(super) fn render(blocks: &[Block], shift: u8) -> String {
    let mut o = String::new();
    for b in blocks {
        match b {
            Block::Banner(l) => o.push_str(&format!("<p class=\"banner\">{}</p>\n", line(l))),
            Block::Heading(level, l) => {
                let h = level.saturating_add(shift).clamp(1, 6);
                o.push_str(&format!("<h{h}>{}</h{h}>\n", line(l)));
            }
            Block::Para(l) => o.push_str(&format!("<p>{}</p>\n", line(l))),
            Block::List(list) => items(list, &mut o),
            Block::Table(head, rows) => {
                o.push_str("<table>\n<thead>");
                row(head, "th", &mut o);
                o.push_str("</thead>\n<tbody>\n");
                for r in rows {
                    row(r, "td", &mut o);
                    o.push('\n');
                }
                o.push_str("</tbody></table>\n");
            }
        }
    }
    o
}
