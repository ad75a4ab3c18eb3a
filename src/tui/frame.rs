//! One frame, drawn whole.
//!
//! Standard output is line-buffered, so a frame of several kilobytes
//! leaves kap in many writes, and a terminal (or a test's pseudo-terminal)
//! can show the top of a new frame over the bottom of the old one. Each
//! frame is wrapped in the synchronized-update mode (DEC private mode
//! 2026): terminals that know it show the frame only once it is complete;
//! others ignore the two sequences and draw as before.

use std::io;

use ratatui::crossterm::{
    execute, queue,
    terminal::{BeginSynchronizedUpdate, EndSynchronizedUpdate},
};
use ratatui::{DefaultTerminal, Frame};

/// Draw one frame with `render`, shown by the terminal all at once.
pub fn draw_whole(
    terminal: &mut DefaultTerminal,
    render: impl FnOnce(&mut Frame),
) -> io::Result<()> {
    queue!(terminal.backend_mut(), BeginSynchronizedUpdate)?;
    let drawn = terminal.draw(render).map(|_| ());
    // Ended even when drawing failed, so the terminal never waits on a
    // frame that will not come.
    let ended = execute!(terminal.backend_mut(), EndSynchronizedUpdate);
    drawn.and(ended)
}
