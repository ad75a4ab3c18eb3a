//! Large digits for the infusion timer, readable from a metre away. Each
//! glyph is 3 columns by 3 rows of half and full blocks.

use ratatui::buffer::Buffer;
use ratatui::layout::Rect;
use ratatui::style::Style;
use ratatui::widgets::Widget;

const GLYPHS: [[&str; 3]; 11] = [
    ["█▀█", "█ █", "▀▀▀"], // 0
    [" ▀█", "  █", "  ▀"], // 1
    ["▀▀█", "█▀▀", "▀▀▀"], // 2
    ["▀▀█", " ▀█", "▀▀▀"], // 3
    ["█ █", "▀▀█", "  ▀"], // 4
    ["█▀▀", "▀▀█", "▀▀▀"], // 5
    ["█▀▀", "█▀█", "▀▀▀"], // 6
    ["▀▀█", "  █", "  ▀"], // 7
    ["█▀█", "█▀█", "▀▀▀"], // 8
    ["█▀█", "▀▀█", "▀▀▀"], // 9
    [" ", "▀", "▀"],       // :
];

/// `mm:ss` (or `h:mm:ss`) drawn large.
pub struct BigClock<'a> {
    pub text: &'a str,
    pub style: Style,
}

impl BigClock<'_> {
    /// Columns needed for `text`.
    pub fn width(text: &str) -> u16 {
        text.chars()
            .map(|c| if c == ':' { 2 } else { 4 })
            .sum::<u16>()
            .saturating_sub(1)
    }
}

impl Widget for BigClock<'_> {
    fn render(self, area: Rect, buf: &mut Buffer) {
        let mut x = area.x;
        for c in self.text.chars() {
            let glyph = match c {
                '0'..='9' => GLYPHS[(c as u8 - b'0') as usize],
                ':' => GLYPHS[10],
                _ => continue,
            };
            let w = glyph[0].chars().count() as u16;
            if x + w > area.right() {
                break;
            }
            for (row, line) in glyph.iter().enumerate() {
                let y = area.y + row as u16;
                if y < area.bottom() {
                    buf.set_string(x, y, line, self.style);
                }
            }
            x += w + 1;
        }
    }
}
