//! MLLP framing (HL7's Minimal Lower Layer Protocol): each message is sent
//! as `0x0B`, the message, `0x1C 0x0D`. The [`Deframer`] takes bytes as
//! they come and hands back whole frames; bytes outside a frame are
//! dropped, and a frame longer than [`MAX_MESSAGE`] is dropped as it
//! arrives (never held) and reported once it ends, so no input makes it
//! hold more than `MAX_MESSAGE` bytes.

use super::hl7::MAX_MESSAGE;

pub const START: u8 = 0x0b;
pub const END: u8 = 0x1c;
pub const CR: u8 = 0x0d;

/// What a frame held.
#[derive(Debug, Clone, PartialEq, Eq)]
pub enum Frame {
    Message(Vec<u8>),
    /// A frame longer than `MAX_MESSAGE` (its bytes were not kept).
    TooLarge,
}

#[derive(Debug, Default)]
pub struct Deframer {
    buf: Vec<u8>,
    in_frame: bool,
    overflow: bool,
    /// The byte before, for `0x1C 0x0D` split across reads.
    last: u8,
}

impl Deframer {
    /// Take the next bytes read; whole frames they end come back.
    pub fn push(&mut self, bytes: &[u8]) -> Vec<Frame> {
        let mut out = Vec::new();
        for &b in bytes {
            let last = std::mem::replace(&mut self.last, b);
            if b == START {
                // A start inside a frame: the frame before was broken off.
                self.in_frame = true;
                self.overflow = false;
                self.buf.clear();
                continue;
            }
            if !self.in_frame {
                continue;
            }
            if b == CR && last == END {
                self.buf.pop();
                out.push(if self.overflow {
                    Frame::TooLarge
                } else {
                    Frame::Message(std::mem::take(&mut self.buf))
                });
                self.in_frame = false;
                self.overflow = false;
                self.buf.clear();
                continue;
            }
            if self.overflow {
                continue;
            }
            self.buf.push(b);
            // One byte over the limit allowed for a trailing 0x1C.
            if self.buf.len() > MAX_MESSAGE + 1 {
                self.overflow = true;
                self.buf = Vec::new();
            }
        }
        out
    }

    /// Bytes held now (never more than `MAX_MESSAGE + 1`).
    pub fn held(&self) -> usize {
        self.buf.len()
    }
}

/// A message framed for sending.
pub fn frame(message: &[u8]) -> Vec<u8> {
    let mut v = Vec::with_capacity(message.len() + 3);
    v.push(START);
    v.extend_from_slice(message);
    v.extend_from_slice(&[END, CR]);
    v
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn frames_split_anywhere_come_back_whole() {
        let stream = [frame(b"MSH|one"), b"noise".to_vec(), frame(b"MSH|two")].concat();
        for cut in 0..stream.len() {
            let mut d = Deframer::default();
            let mut got = d.push(&stream[..cut]);
            got.extend(d.push(&stream[cut..]));
            assert_eq!(
                got,
                vec![
                    Frame::Message(b"MSH|one".to_vec()),
                    Frame::Message(b"MSH|two".to_vec())
                ],
                "cut at {cut}"
            );
        }
    }

    #[test]
    fn a_huge_frame_is_dropped_as_it_comes() {
        let mut d = Deframer::default();
        let chunk = vec![b'x'; 8192];
        d.push(&[START]);
        for _ in 0..(MAX_MESSAGE / 8192 + 4) {
            assert!(d.push(&chunk).is_empty());
            assert!(d.held() <= MAX_MESSAGE + 1);
        }
        assert_eq!(d.push(&[END, CR]), vec![Frame::TooLarge]);
        // The next frame is read as usual.
        assert_eq!(
            d.push(&frame(b"MSH|ok")),
            vec![Frame::Message(b"MSH|ok".to_vec())]
        );
    }

    #[test]
    fn a_broken_off_frame_gives_way_to_the_next_start() {
        let mut d = Deframer::default();
        let got = d.push(&[&[START][..], b"half", &frame(b"MSH|whole")].concat());
        assert_eq!(got, vec![Frame::Message(b"MSH|whole".to_vec())]);
    }
}
