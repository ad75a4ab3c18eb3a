//! The Markdown kap itself writes (the summary, its timeline and the
//! export's integrity section) turned into HTML, so `summary.html` says
//! exactly what `summary.md` says. Only the subset kap writes is read:
//! headings, `>` banners, `-` lists (nested by two spaces, `[x]` boxes),
//! `|` tables, `**bold**`, `` `code` ``, `~~struck~~` and backslash escapes
//! (which `md_escape` puts before every typed markup character). Every
//! piece of text is escaped on the way out.

use super::svg::esc;

/// Inline Markdown to HTML.
fn inline(s: &str) -> String {
    let mut o = String::new();
    let mut open: Vec<&str> = Vec::new();
    let mut chars = s.chars().peekable();
    let toggle = |o: &mut String, open: &mut Vec<&'static str>, tag: &'static str| {
        if open.last() == Some(&tag) {
            open.pop();
            o.push_str(&format!("</{tag}>"));
        } else {
            open.push(tag);
            o.push_str(&format!("<{tag}>"));
        }
    };
    while let Some(c) = chars.next() {
        match c {
            '\\' => {
                if let Some(n) = chars.next() {
                    o.push_str(&esc(&n.to_string()));
                }
            }
            '*' if chars.peek() == Some(&'*') => {
                chars.next();
                toggle(&mut o, &mut open, "strong");
            }
            '~' if chars.peek() == Some(&'~') => {
                chars.next();
                toggle(&mut o, &mut open, "s");
            }
            '`' => toggle(&mut o, &mut open, "code"),
            c => o.push_str(&esc(&c.to_string())),
        }
    }
    while let Some(tag) = open.pop() {
        o.push_str(&format!("</{tag}>"));
    }
    o
}

/// A table row's cells (`|` escaped with a backslash stays in its cell).
fn cells(line: &str) -> Vec<String> {
    let inner = line.trim().trim_start_matches('|');
    let mut out = Vec::new();
    let mut cur = String::new();
    let mut chars = inner.chars();
    while let Some(c) = chars.next() {
        match c {
            '\\' => {
                cur.push('\\');
                if let Some(n) = chars.next() {
                    cur.push(n);
                }
            }
            '|' => out.push(std::mem::take(&mut cur)),
            c => cur.push(c),
        }
    }
    if !cur.trim().is_empty() {
        out.push(cur);
    }
    out.into_iter().map(|c| c.trim().to_string()).collect()
}

fn is_separator(line: &str) -> bool {
    let t = line.trim();
    t.starts_with('|') && t.chars().all(|c| matches!(c, '|' | '-' | ':' | ' '))
}

#[derive(Default)]
struct Blocks {
    out: String,
    para: Vec<String>,
    /// Depths of the lists open, innermost last.
    lists: Vec<usize>,
    /// An item is open at each list depth.
    table: Option<bool>,
}

impl Blocks {
    fn flush_para(&mut self) {
        if !self.para.is_empty() {
            let text = self.para.join(" ");
            self.out.push_str(&format!("<p>{}</p>\n", inline(&text)));
            self.para.clear();
        }
    }

    fn close_lists(&mut self, to: Option<usize>) {
        while let Some(&d) = self.lists.last() {
            if to.is_some_and(|t| d <= t) {
                break;
            }
            self.out.push_str("</li></ul>\n");
            self.lists.pop();
        }
    }

    fn close_table(&mut self) {
        if self.table.take().is_some() {
            self.out.push_str("</tbody></table>\n");
        }
    }

    fn close_all(&mut self) {
        self.flush_para();
        self.close_lists(None);
        self.close_table();
    }

    fn item(&mut self, depth: usize, text: &str) {
        self.flush_para();
        self.close_table();
        self.close_lists(Some(depth));
        match self.lists.last() {
            Some(&d) if d == depth => self.out.push_str("</li>\n<li>"),
            _ => {
                self.out.push_str("<ul>\n<li>");
                self.lists.push(depth);
            }
        }
        let (mark, text) = if let Some(t) = text.strip_prefix("[x] ") {
            ("<span class=\"box\" aria-hidden=\"true\">☑</span> ", t)
        } else if let Some(t) = text.strip_prefix("[ ] ") {
            ("<span class=\"box\" aria-hidden=\"true\">☐</span> ", t)
        } else {
            ("", text)
        };
        self.out.push_str(mark);
        self.out.push_str(&inline(text));
    }

    fn row(&mut self, line: &str) {
        self.flush_para();
        self.close_lists(None);
        if is_separator(line) {
            return;
        }
        let header = self.table.is_none();
        if header {
            self.out.push_str("<table>\n<thead>");
        }
        let tag = if header { "th" } else { "td" };
        self.out.push_str("<tr>");
        for c in cells(line) {
            self.out.push_str(&format!("<{tag}>{}</{tag}>", inline(&c)));
        }
        self.out.push_str("</tr>");
        if header {
            self.out.push_str("</thead>\n<tbody>\n");
            self.table = Some(true);
        } else {
            self.out.push('\n');
        }
    }
}

/// Kap's Markdown as HTML blocks. Headings are moved down `shift` levels
/// (a summary's `#` under a page's own `h1`).
pub fn to_html(md: &str, shift: usize) -> String {
    let mut b = Blocks::default();
    for line in md.lines() {
        let trimmed = line.trim_start();
        let indent = line.len() - trimmed.len();
        if trimmed.is_empty() {
            b.close_all();
        } else if let Some((level, text)) = heading(trimmed) {
            b.close_all();
            let h = (level + shift).min(6);
            b.out
                .push_str(&format!("<h{h}>{}</h{h}>\n", inline(text.trim())));
        } else if let Some(text) = trimmed.strip_prefix("> ") {
            b.close_all();
            b.out
                .push_str(&format!("<p class=\"banner\">{}</p>\n", inline(text)));
        } else if let Some(text) = trimmed.strip_prefix("- ") {
            b.item(indent / 2, text);
        } else if trimmed.starts_with('|') {
            b.row(trimmed);
        } else if !b.lists.is_empty() && indent > 0 {
            // A list item's continuation line.
            b.out.push(' ');
            b.out.push_str(&inline(trimmed));
        } else {
            b.close_lists(None);
            b.close_table();
            b.para.push(trimmed.to_string());
        }
    }
    b.close_all();
    b.out
}

fn heading(line: &str) -> Option<(usize, &str)> {
    let level = line.chars().take_while(|c| *c == '#').count();
    if (1..=6).contains(&level) {
        line[level..].strip_prefix(' ').map(|t| (level, t))
    } else {
        None
    }
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::record::timeline_md::md_escape;

    #[test]
    fn the_summary_subset_becomes_html() {
        let md = "> **REHEARSAL**\n\n# Title\n\n- one\n  - nested `code`\n- [x] done\n- [ ] not\n\n\
                  ## Vitals\n\n| a | b |\n|---|---|\n| 1 | 2 |\n\ntext ~~old~~ new\n";
        let h = to_html(md, 1);
        assert!(
            h.contains("<p class=\"banner\"><strong>REHEARSAL</strong></p>"),
            "{h}"
        );
        assert!(h.contains("<h2>Title</h2>"), "{h}");
        assert!(h.contains("<h3>Vitals</h3>"), "{h}");
        assert!(
            h.contains("<li>one<ul>") || h.contains("<li>one<ul>\n"),
            "{h}"
        );
        assert!(h.contains("nested <code>code</code>"), "{h}");
        assert!(h.contains("☑</span> done"), "{h}");
        assert!(
            h.contains("<thead><tr><th>a</th><th>b</th></tr></thead>"),
            "{h}"
        );
        assert!(h.contains("<tr><td>1</td><td>2</td></tr>"), "{h}");
        assert!(h.contains("<p>text <s>old</s> new</p>"), "{h}");
        assert_eq!(h.matches("<ul>").count(), h.matches("</ul>").count(), "{h}");
    }

    #[test]
    fn typed_text_reads_as_written_and_never_as_markup() {
        let typed = "<script>alert('x')</script> | **not bold** \\ `tick` #1";
        let md = format!(
            "- note: {}\n\n| {} | x |\n",
            md_escape(typed),
            md_escape(typed)
        );
        let h = to_html(&md, 0);
        assert!(!h.contains("<script"), "{h}");
        assert!(!h.contains("<strong>"), "{h}");
        assert!(!h.contains("<code>"), "{h}");
        assert!(
            h.contains(
                "&lt;script&gt;alert(&#39;x&#39;)&lt;/script&gt; | **not bold** \\ `tick` #1"
            ),
            "{h}"
        );
        // The escaped pipe stayed inside its cell.
        assert_eq!(h.matches("<th>").count(), 2, "{h}");
    }
}
