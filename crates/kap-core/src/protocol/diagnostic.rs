//! Errors and warnings that point at a place in a file.
//!
//! Protocol files, scenario files and playlists all report problems the same
//! way: `file:line:column: error: message`, then the line with a caret, so a
//! site lead can jump straight to it in an editor.

use crate::i18n::{Lang, Phrase};
use std::path::{Path, PathBuf};

#[derive(Debug, Clone, Copy, PartialEq, Eq, PartialOrd, Ord)]
pub enum Level {
    Warning,
    Error,
}

/// One problem in a file, with its 1-based line and column (in characters).
#[derive(Debug, Clone, PartialEq)]
pub struct Diagnostic {
    pub level: Level,
    pub file: PathBuf,
    pub line: usize,
    pub column: usize,
    pub message: Phrase,
    /// The offending source line, for the caret display.
    pub source_line: Option<String>,
}

impl Diagnostic {
    /// A diagnostic at a byte offset of `text`.
    pub fn at(
        level: Level,
        file: &Path,
        text: &str,
        offset: usize,
        message: impl Into<Phrase>,
    ) -> Self {
        let (line, column, source_line) = line_col(text, offset);
        Diagnostic {
            level,
            file: file.to_path_buf(),
            line,
            column,
            message: message.into(),
            source_line: Some(source_line),
        }
    }

    /// TOML `text` read from `file` as a `T`, or the parser's complaint at
    /// its place in the file (protocols, scenarios, the site's files).
    pub fn from_toml<T: serde::de::DeserializeOwned>(file: &Path, text: &str) -> Result<T, Self> {
        toml::from_str(text).map_err(|e| {
            Diagnostic::at(
                Level::Error,
                file,
                text,
                e.span().map_or(0, |s| s.start),
                e.message().trim().replace('\n', " "),
            )
        })
    }

    /// A diagnostic about the file as a whole (it could not be read).
    pub fn whole_file(file: &Path, message: impl Into<Phrase>) -> Self {
        Diagnostic {
            level: Level::Error,
            file: file.to_path_buf(),
            line: 1,
            column: 1,
            message: message.into(),
            source_line: None,
        }
    }

    pub fn is_error(&self) -> bool {
        self.level == Level::Error
    }

    /// `file:line:column: error: message`, on one line (without the
    /// source line under it): for a checklist.
    pub fn head(&self) -> Phrase {
        let level = match self.level {
            Level::Warning => "warning",
            Level::Error => "error",
        };
        crate::phrase!(
            "diag-line",
            file = self.file.display().to_string(),
            line = self.line.to_string(),
            column = self.column.to_string(),
            level = level,
            message = &self.message
        )
    }

    /// `line:column: message`, the compact form tests compare against.
    pub fn short(&self) -> Phrase {
        Phrase::Seq(vec![
            format!("{}:{}: ", self.line, self.column).into(),
            self.message.clone(),
        ])
    }

    /// The whole diagnostic in `lang`: its [`head`](Self::head), then the
    /// offending line with a caret under the column.
    pub fn say(&self, lang: Lang) -> String {
        self.words().say(lang)
    }

    /// The whole diagnostic as a phrase: its [`head`](Self::head), then
    /// the offending line with a caret under the column.
    pub fn words(&self) -> Phrase {
        use std::fmt::Write;
        let Some(src) = &self.source_line else {
            return self.head();
        };
        let mut f = String::new();
        let gutter = self.line.to_string().len();
        let _ = writeln!(f);
        let _ = writeln!(f, "{:gutter$} |", "");
        let _ = writeln!(f, "{} | {}", self.line, src);
        let _ = write!(
            f,
            "{:gutter$} | {:>col$}",
            "",
            "^",
            col = self.column.max(1)
        );
        Phrase::Seq(vec![self.head(), Phrase::verbatim(f)])
    }
}

/// 1-based line and character column of a byte offset, and that line's text.
/// An offset past the end (or inside a multi-byte character) is clamped.
pub fn line_col(text: &str, offset: usize) -> (usize, usize, String) {
    let mut offset = offset.min(text.len());
    while offset > 0 && !text.is_char_boundary(offset) {
        offset -= 1;
    }
    let before = &text[..offset];
    let line = before.matches('\n').count() + 1;
    let line_start = before.rfind('\n').map_or(0, |i| i + 1);
    let column = text[line_start..offset].chars().count() + 1;
    let line_end = text[line_start..]
        .find('\n')
        .map_or(text.len(), |i| line_start + i);
    let source_line = text[line_start..line_end]
        .trim_end_matches('\r')
        .to_string();
    (line, column, source_line)
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn line_and_column_are_one_based_and_count_characters() {
        let text = "a = 1\nbé = 2\n";
        assert_eq!(line_col(text, 0), (1, 1, "a = 1".into()));
        // 'é' is two bytes: the '=' after "bé " is the 4th character.
        let eq = text.find("= 2").unwrap();
        assert_eq!(line_col(text, eq), (2, 4, "bé = 2".into()));
        // Past the end is clamped to the end.
        assert_eq!(line_col(text, 999).0, 3);
    }

    #[test]
    fn display_has_file_position_and_caret() {
        let d = Diagnostic::at(
            Level::Error,
            Path::new("p.toml"),
            "x = 1\ny = oops\n",
            10,
            "bad",
        );
        let shown = d.say(Lang::En);
        assert!(shown.starts_with("p.toml:2:5: error: bad"), "{shown}");
        assert!(shown.ends_with("  |     ^"), "{shown}");
    }
}
