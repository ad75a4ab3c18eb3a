//! Wrapping that keeps a line's indent. ratatui's `Wrap` starts every
//! wrapped row at column 0, so a prompt's second row ran in under its
//! marker (`la vie quotidienne.` at column 0 under ` › [ ] …`). Here a
//! line is broken at spaces into rows no wider than the area, and each row
//! after the first starts under the text, past the leading spaces and any
//! marker (`›`, `•`, `!!!`, `[x]`, `1.`). A no-break space (U+00A0, put
//! between a number and its unit) never breaks.

use ratatui::style::Style;
use ratatui::text::{Line, Span};

/// Each line of `lines` broken into rows at most `width` columns wide,
/// the rows after the first indented as the line's text begins.
pub fn hang<'a>(lines: Vec<Line<'a>>, width: u16) -> Vec<Line<'static>> {
    lines
        .into_iter()
        .flat_map(|l| hang_line(l, width))
        .collect()
}

/// The rows one line becomes (see [`hang`]).
pub fn hang_line(line: Line<'_>, width: u16) -> Vec<Line<'static>> {
    let width = usize::from(width.max(1));
    let line_style = line.style;
    let cells: Vec<(char, Style)> = line
        .spans
        .iter()
        .flat_map(|s| {
            let style = line_style.patch(s.style);
            s.content.chars().map(move |c| (c, style))
        })
        .collect();
    let text: String = cells.iter().map(|(c, _)| *c).collect();
    if cols(&text) <= width {
        return vec![rebuild(&cells, 0, line_style)];
    }
    let indent = indent_of(&text).min(width / 2);
    let mut rows = Vec::new();
    let mut start = 0;
    let mut first = true;
    while start < cells.len() {
        let room = if first { width } else { width - indent };
        let end = break_at(&cells[start..], room) + start;
        let pad = if first { 0 } else { indent };
        rows.push(rebuild(&cells[start..end], pad, line_style));
        start = end;
        // The space a row broke at is not carried to the next row.
        while start < cells.len() && cells[start].0 == ' ' {
            start += 1;
        }
        first = false;
    }
    rows
}

/// Columns a character takes (ratatui's own measure).
fn char_cols(c: char) -> usize {
    let mut buf = [0u8; 4];
    Span::raw(&*c.encode_utf8(&mut buf)).width()
}

fn cols(s: &str) -> usize {
    s.chars().map(char_cols).sum()
}

/// Where the text of a line begins: past its leading spaces and markers.
fn indent_of(text: &str) -> usize {
    let chars: Vec<char> = text.chars().collect();
    let mut i = chars.iter().take_while(|c| **c == ' ').count();
    loop {
        let rest: String = chars[i..].iter().collect();
        let box_mark = ["[x] ", "[X] ", "[ ] "]
            .iter()
            .find(|m| rest.starts_with(**m));
        if let Some(m) = box_mark {
            i += m.chars().count();
            continue;
        }
        let word: Vec<char> = chars[i..]
            .iter()
            .take_while(|c| **c != ' ')
            .copied()
            .collect();
        let is_mark = !word.is_empty()
            && word.len() <= 3
            && chars.get(i + word.len()) == Some(&' ')
            && (word.iter().all(|c| !c.is_alphanumeric())
                || (word.len() <= 3
                    && word.last() == Some(&'.')
                    && word[..word.len() - 1].iter().all(char::is_ascii_digit)));
        if !is_mark {
            break;
        }
        i += word.len() + 1;
        i += chars[i..].iter().take_while(|c| **c == ' ').count();
    }
    cols(&chars[..i].iter().collect::<String>())
}

/// How many cells of `cells` go on a row `room` columns wide: up to the
/// last space that fits, else (one word longer than the row) as many as
/// fit.
fn break_at(cells: &[(char, Style)], room: usize) -> usize {
    let mut used = 0;
    let mut last_space = None;
    for (i, (c, _)) in cells.iter().enumerate() {
        let w = char_cols(*c);
        if used + w > room {
            if *c == ' ' && may_break(cells, i) {
                // The row is full right at a word's end.
                return i;
            }
            return match last_space {
                Some(s) if s > 0 => s,
                _ => i.max(1),
            };
        }
        if *c == ' ' && may_break(cells, i) {
            last_space = Some(i);
        }
        used += w;
    }
    cells.len()
}

/// Units a number is never parted from, though the message that wrote them
/// put a plain space between (`{ $mg } mg`).
const UNITS: &[&str] = &[
    "mg", "mL", "kg", "min", "h", "s", "mmHg", "%", "/min", "µg", "ml",
];

/// Whether a row may break at the space `cells[i]`: not between a number
/// and its unit.
fn may_break(cells: &[(char, Style)], i: usize) -> bool {
    let after_digit = i > 0 && cells[i - 1].0.is_ascii_digit();
    if !after_digit {
        return true;
    }
    let word: String = cells[i + 1..]
        .iter()
        .map(|(c, _)| *c)
        .take_while(|c| !c.is_whitespace())
        .collect();
    let unit = word
        .split(['/', ',', '.', ';', ')', ':'])
        .next()
        .unwrap_or("");
    !(UNITS.contains(&unit) || UNITS.contains(&word.as_str()))
}

/// A row from cells, after `pad` spaces, with the spans' styles kept.
fn rebuild(cells: &[(char, Style)], pad: usize, line_style: Style) -> Line<'static> {
    let mut spans: Vec<Span<'static>> = Vec::new();
    if pad > 0 {
        spans.push(Span::raw(" ".repeat(pad)));
    }
    let mut run = String::new();
    let mut style = None;
    for (c, s) in cells {
        if style != Some(*s) {
            if let Some(st) = style {
                spans.push(Span::styled(std::mem::take(&mut run), st));
            }
            style = Some(*s);
        }
        run.push(*c);
    }
    if let Some(st) = style {
        spans.push(Span::styled(run, st));
    }
    Line::from(spans).style(line_style)
}

#[cfg(test)]
mod tests {
    use super::*;

    fn rows(text: &str, width: u16) -> Vec<String> {
        hang_line(Line::raw(text.to_string()), width)
            .iter()
            .map(|l| l.spans.iter().map(|s| s.content.as_ref()).collect())
            .collect()
    }

    #[test]
    fn a_wrapped_row_starts_under_the_text_not_at_column_0() {
        assert_eq!(
            rows(" › [ ] Objectif pour la vie quotidienne.", 24),
            [" › [ ] Objectif pour la", "       vie quotidienne."]
        );
        assert_eq!(
            rows(" !!! ALARME 2 ACTIVE — TA diastolique", 20),
            [" !!! ALARME 2 ACTIVE", "     — TA", "     diastolique"]
        );
    }

    #[test]
    fn a_number_stays_with_its_unit() {
        let r = rows("Dose totale 25,5\u{a0}mL sur 40 min", 17);
        assert_eq!(r, ["Dose totale", "25,5\u{a0}mL sur", "40 min"]);
        // A plain space from a message does not part them either.
        assert_eq!(
            rows("0,5 est 0,5 mg/kg ici", 12),
            ["0,5 est", "0,5 mg/kg", "ici"]
        );
    }

    #[test]
    fn a_line_that_fits_is_left_alone_and_a_long_word_is_cut() {
        assert_eq!(rows("  court", 20), ["  court"]);
        assert_eq!(rows("abcdefghij", 4), ["abcd", "efgh", "ij"]);
    }
}
