//! The full screen: the terminal taken over, each frame drawn whole, and
//! the terminal given back — one way for every full-screen loop (the app,
//! the instructor's console).
//!
//! Standard output is line-buffered, so a frame of several kilobytes
//! leaves kap in many writes, and a terminal (or a test's pseudo-terminal)
//! could show the top of a new frame over the bottom of the old one. Each
//! frame is wrapped in the synchronized-update mode (DEC private mode
//! 2026): terminals that know it show the frame only once it is complete;
//! others ignore the two sequences and draw as before.

use std::io;

use ratatui::crossterm::{
    event::{DisableBracketedPaste, EnableBracketedPaste},
    execute, queue,
    terminal::{BeginSynchronizedUpdate, EndSynchronizedUpdate},
};
use ratatui::{DefaultTerminal, Frame};

/// The terminal in full-screen mode, with bracketed paste on: pasted text
/// arrives as one paste, never as keys (a line break in it must not act as
/// Enter, nor what follows as commands). Given back when closed or
/// dropped.
pub struct FullScreen {
    terminal: DefaultTerminal,
    open: bool,
}

impl FullScreen {
    /// Take the terminal over; the terminal library's error when it
    /// cannot (not a terminal, no size).
    pub fn open() -> io::Result<FullScreen> {
        let terminal = ratatui::try_init()?;
        // A terminal without bracketed paste ignores the request; its
        // pastes then arrive as keys, handled in order.
        let _ = execute!(io::stdout(), EnableBracketedPaste);
        Ok(FullScreen {
            terminal,
            open: true,
        })
    }

    /// Draw one frame with `render`, shown by the terminal all at once.
    pub fn draw(&mut self, render: impl FnOnce(&mut Frame)) -> io::Result<()> {
        draw_whole(&mut self.terminal, render)
    }

    /// The frame's size as last drawn.
    pub fn area(&mut self) -> ratatui::layout::Rect {
        self.terminal.get_frame().area()
    }

    /// Give the terminal back: paste mode off, screen and modes restored.
    pub fn close(mut self) {
        self.restore();
    }

    fn restore(&mut self) {
        if std::mem::take(&mut self.open) {
            let _ = execute!(io::stdout(), DisableBracketedPaste);
            let _ = ratatui::try_restore();
        }
    }
}

impl Drop for FullScreen {
    fn drop(&mut self) {
        self.restore();
    }
}

/// Draw one frame with `render`, shown by the terminal all at once.
fn draw_whole(terminal: &mut DefaultTerminal, render: impl FnOnce(&mut Frame)) -> io::Result<()> {
    queue!(terminal.backend_mut(), BeginSynchronizedUpdate)?;
    let drawn = terminal.draw(render).map(|_| ());
    // Ended even when drawing failed, so the terminal never waits on a
    // frame that will not come.
    let ended = execute!(terminal.backend_mut(), EndSynchronizedUpdate);
    drawn.and(ended)
}
