//! The session's written record as a typed document: headings, banners,
//! paragraphs, lists (nested, with tick boxes) and tables, whose text is
//! typed spans — plain text, strong, code, struck through — never markup.
//!
//! The summary is built once as a [`Doc`] and rendered twice: as Markdown
//! (`summary.md`, `kap export --format md`) by [`Doc::markdown`] and as
//! HTML (`--format html`, the FHIR DocumentReference) by [`Doc::html`], so
//! the two say the same thing by construction and nothing is parsed back.
//! Text is escaped by the renderer that writes it: typed words, protocol
//! titles and translations are plain text in both, whatever they hold.

mod html;
mod markdown;

pub use markdown::md_escape;

/// Text on one line, as both renderers write it: a line break typed into
/// an answer reads " / " (a table cell or a list item holds one line).
pub(crate) fn one_line(s: &str) -> std::borrow::Cow<'_, str> {
    if s.contains(['\n', '\r']) {
        std::borrow::Cow::Owned(s.replace(['\n', '\r'], " / "))
    } else {
        std::borrow::Cow::Borrowed(s)
    }
}

/// A piece of inline text.
#[derive(Debug, Clone, PartialEq, Eq)]
pub enum Span {
    Text(String),
    Strong(Vec<Span>),
    Code(String),
    Struck(Vec<Span>),
}

/// A line of inline text: spans one after another.
#[derive(Debug, Clone, Default, PartialEq, Eq)]
pub struct Inline(pub Vec<Span>);

/// Marks where a span goes in a translated message (private-use
/// characters no catalogue or typed text is expected to hold; one that
/// does only loses the character).
const MARK: char = '\u{E000}';

impl Inline {
    pub fn text(s: impl Into<String>) -> Inline {
        Inline(vec![Span::Text(s.into())])
    }

    pub fn strong(s: impl Into<Inline>) -> Inline {
        Inline(vec![Span::Strong(s.into().0)])
    }

    pub fn struck(s: impl Into<Inline>) -> Inline {
        Inline(vec![Span::Struck(s.into().0)])
    }

    /// This line, then `more`.
    pub fn then(mut self, more: impl Into<Inline>) -> Inline {
        self.0.extend(more.into().0);
        self
    }

    /// A mark to pass as a message's argument where `span` is to go;
    /// [`Inline::fill`] puts it there.
    pub fn slot(n: usize) -> String {
        std::iter::repeat_n(MARK, n + 1).collect()
    }

    /// A translated message written with [`Inline::slot`] marks, with the
    /// spans put where their marks are.
    pub fn fill(message: &str, spans: Vec<Span>) -> Inline {
        let mut out = Vec::new();
        let mut text = String::new();
        let mut chars = message.chars().peekable();
        while let Some(c) = chars.next() {
            if c != MARK {
                text.push(c);
                continue;
            }
            let mut n = 0;
            while chars.peek() == Some(&MARK) {
                chars.next();
                n += 1;
            }
            if !text.is_empty() {
                out.push(Span::Text(std::mem::take(&mut text)));
            }
            if let Some(s) = spans.get(n) {
                out.push(s.clone());
            }
        }
        if !text.is_empty() {
            out.push(Span::Text(text));
        }
        Inline(out)
    }

    /// The words alone, without their marks (for a title).
    pub fn plain(&self) -> String {
        fn walk(spans: &[Span], o: &mut String) {
            for s in spans {
                match s {
                    Span::Text(t) | Span::Code(t) => o.push_str(t),
                    Span::Strong(i) | Span::Struck(i) => walk(i, o),
                }
            }
        }
        let mut o = String::new();
        walk(&self.0, &mut o);
        o
    }
}

impl From<String> for Inline {
    fn from(s: String) -> Inline {
        Inline::text(s)
    }
}

impl From<&str> for Inline {
    fn from(s: &str) -> Inline {
        Inline::text(s)
    }
}

impl From<Span> for Inline {
    fn from(s: Span) -> Inline {
        Inline(vec![s])
    }
}

/// A list item: its line, a tick box when it is a check, and the items
/// under it.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Item {
    pub line: Inline,
    pub check: Option<bool>,
    pub under: Vec<Item>,
}

/// A block of the document.
#[derive(Debug, Clone, PartialEq, Eq)]
pub enum Block {
    /// A notice before everything else (a rehearsal's).
    Banner(Inline),
    /// A heading, level 1 to 6.
    Heading(u8, Inline),
    Para(Inline),
    List(Vec<Item>),
    /// A table: its head and its rows.
    Table(Vec<Inline>, Vec<Vec<Inline>>),
}

/// A document: blocks in order.
#[derive(Debug, Clone, Default, PartialEq, Eq)]
pub struct Doc {
    pub blocks: Vec<Block>,
}

impl Doc {
    pub fn banner(&mut self, line: impl Into<Inline>) {
        self.blocks.push(Block::Banner(line.into()));
    }

    pub fn heading(&mut self, level: u8, line: impl Into<Inline>) {
        self.blocks.push(Block::Heading(level, line.into()));
    }

    pub fn para(&mut self, line: impl Into<Inline>) {
        self.blocks.push(Block::Para(line.into()));
    }

    /// An item at the end of the list the document ends with (a new list
    /// when it ends with something else).
    pub fn item(&mut self, line: impl Into<Inline>) {
        self.push_item(Item {
            line: line.into(),
            check: None,
            under: Vec::new(),
        });
    }

    /// An item with a tick box.
    pub fn check(&mut self, checked: bool, line: impl Into<Inline>) {
        self.push_item(Item {
            line: line.into(),
            check: Some(checked),
            under: Vec::new(),
        });
    }

    /// An item under the last item (an item of its own when there is
    /// none).
    pub fn sub(&mut self, line: impl Into<Inline>) {
        let item = Item {
            line: line.into(),
            check: None,
            under: Vec::new(),
        };
        match self.blocks.last_mut() {
            Some(Block::List(items)) if !items.is_empty() => {
                if let Some(last) = items.last_mut() {
                    last.under.push(item);
                }
            }
            _ => self.push_item(item),
        }
    }

    fn push_item(&mut self, item: Item) {
        match self.blocks.last_mut() {
            Some(Block::List(items)) => items.push(item),
            _ => self.blocks.push(Block::List(vec![item])),
        }
    }

    pub fn table(&mut self, head: Vec<Inline>, rows: Vec<Vec<Inline>>) {
        self.blocks.push(Block::Table(head, rows));
    }

    /// This document, then `more`.
    pub fn append(&mut self, more: Doc) {
        self.blocks.extend(more.blocks);
    }

    /// The document as Markdown: blocks one blank line apart.
    pub fn markdown(&self) -> String {
        markdown::render(self)
    }

    /// The document as HTML blocks, headings moved down `shift` levels
    /// (under a page's own heading).
    pub fn html(&self, shift: u8) -> String {
        html::render(&self.blocks, shift)
    }

    /// Some of a document's blocks as HTML, likewise.
    pub fn html_of(blocks: &[Block], shift: u8) -> String {
        html::render(blocks, shift)
    }
}

#[cfg(test)]
mod tests;
