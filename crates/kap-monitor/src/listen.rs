//! The MLLP listener: a thread accepting monitor gateways on one address,
//! one thread per connection (at most [`MAX_CONNECTIONS`]). Each whole
//! message is read ([`super::hl7::parse`]); one that cannot be read is
//! answered at once (`AE`/`AR`); one that can is handed to the app, which
//! decides and records it on its own tick and gives the answer back
//! ([`Incoming::answer`]). A connection idle for [`IDLE`] is closed; reads
//! are bounded by the deframer; nothing here panics on what a peer sends.

use super::hl7::{self, Message};
use super::mllp::{self, Deframer, Frame};
use std::io::{self, Read, Write};
use std::net::{SocketAddr, TcpListener, TcpStream};
use std::sync::Arc;
use std::sync::atomic::{AtomicBool, AtomicU64, AtomicUsize, Ordering};
use std::sync::mpsc::{self, Receiver, RecvTimeoutError, SyncSender, TrySendError};
use std::time::{Duration, Instant};

/// Connections served at once; more are closed when they come.
pub const MAX_CONNECTIONS: usize = 8;
/// A connection with nothing sent for this long is closed.
pub const IDLE: Duration = Duration::from_secs(600);
/// How long a message waits for the app's answer before it is answered
/// `AE` (the sender may send it again: a duplicate is recorded once).
pub const ANSWER_WAIT: Duration = Duration::from_secs(10);
/// Messages waiting for the app at once; more are answered `AE` (busy).
const QUEUE: usize = 64;
/// How often blocked reads and accepts look at the stop flag.
const POLL: Duration = Duration::from_millis(100);

/// The app's answer to one message.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Answer {
    /// `AA`, `AE` or `AR`.
    pub code: &'static str,
    pub text: String,
}

/// One message read, waiting for the app.
pub struct Incoming {
    pub message: Message,
    reply: SyncSender<Answer>,
}

impl Incoming {
    /// Answer the sender (if it is still waiting).
    pub fn answer(self, code: &'static str, text: impl Into<String>) {
        let _ = self.reply.try_send(Answer {
            code,
            text: text.into(),
        });
    }

    /// A stand-in for tests of the app's side: the message and where its
    /// answer goes.
    pub fn new(message: Message) -> (Incoming, Receiver<Answer>) {
        let (tx, rx) = mpsc::sync_channel(1);
        (Incoming { message, reply: tx }, rx)
    }
}

/// A listener running; it stops when dropped.
pub struct Listener {
    rx: Receiver<Incoming>,
    addr: SocketAddr,
    stop: Arc<AtomicBool>,
}

impl Drop for Listener {
    fn drop(&mut self) {
        self.stop.store(true, Ordering::Relaxed);
    }
}

impl Listener {
    pub fn start(addr: SocketAddr) -> io::Result<Listener> {
        let socket = TcpListener::bind(addr)?;
        socket.set_nonblocking(true)?;
        let addr = socket.local_addr()?;
        let (tx, rx) = mpsc::sync_channel(QUEUE);
        let stop = Arc::new(AtomicBool::new(false));
        let flag = Arc::clone(&stop);
        std::thread::Builder::new()
            .name("kap-monitor".into())
            .spawn(move || accept_loop(socket, tx, flag))?;
        Ok(Listener { rx, addr, stop })
    }

    /// The address listened on (the port chosen, when 0 was asked).
    pub fn addr(&self) -> SocketAddr {
        self.addr
    }

    /// Messages waiting for the app, oldest first.
    pub fn take(&self) -> Vec<Incoming> {
        self.rx.try_iter().take(QUEUE).collect()
    }
}

fn accept_loop(socket: TcpListener, tx: SyncSender<Incoming>, stop: Arc<AtomicBool>) {
    let open = Arc::new(AtomicUsize::new(0));
    while !stop.load(Ordering::Relaxed) {
        match socket.accept() {
            Ok((stream, _)) => {
                if open.load(Ordering::Relaxed) >= MAX_CONNECTIONS {
                    continue; // dropped: closed
                }
                open.fetch_add(1, Ordering::Relaxed);
                let (tx, stop, count) = (tx.clone(), Arc::clone(&stop), Arc::clone(&open));
                let spawned = std::thread::Builder::new()
                    .name("kap-monitor-conn".into())
                    .spawn(move || {
                        let _ = serve(stream, &tx, &stop);
                        count.fetch_sub(1, Ordering::Relaxed);
                    });
                if spawned.is_err() {
                    open.fetch_sub(1, Ordering::Relaxed);
                }
            }
            Err(e) if e.kind() == io::ErrorKind::WouldBlock => std::thread::sleep(POLL),
            Err(_) => std::thread::sleep(POLL),
        }
    }
}

/// Serve one connection until it closes, idles or kap stops.
fn serve(mut stream: TcpStream, tx: &SyncSender<Incoming>, stop: &AtomicBool) -> io::Result<()> {
    stream.set_nonblocking(false)?;
    stream.set_read_timeout(Some(POLL))?;
    stream.set_write_timeout(Some(Duration::from_secs(5)))?;
    let mut deframer = Deframer::default();
    let mut buf = [0u8; 4096];
    let mut heard = Instant::now();
    while !stop.load(Ordering::Relaxed) && heard.elapsed() < IDLE {
        let n = match stream.read(&mut buf) {
            Ok(0) => return Ok(()),
            Ok(n) => n,
            Err(e)
                if matches!(
                    e.kind(),
                    io::ErrorKind::WouldBlock | io::ErrorKind::TimedOut
                ) =>
            {
                continue;
            }
            Err(e) if e.kind() == io::ErrorKind::Interrupted => continue,
            Err(e) => return Err(e),
        };
        heard = Instant::now();
        for frame in deframer.push(&buf[..n]) {
            let reply = answer(frame, tx);
            stream.write_all(&mllp::frame(reply.as_bytes()))?;
        }
    }
    Ok(())
}

static ACKS: AtomicU64 = AtomicU64::new(1);

/// The ACK for one frame.
fn answer(frame: Frame, tx: &SyncSender<Incoming>) -> String {
    let now = chrono::Local::now().fixed_offset();
    let id = ACKS.fetch_add(1, Ordering::Relaxed);
    let bytes = match frame {
        Frame::TooLarge => {
            let p = hl7::Problem::TooLarge;
            return hl7::ack("", "", p.ack_code(), &p.text(), &now, id);
        }
        Frame::Message(b) => b,
    };
    let message = match hl7::parse(&bytes) {
        Ok(m) => m,
        Err(p) => {
            let control = hl7::control_id_of(&bytes);
            return hl7::ack(&control, "", p.ack_code(), &p.text(), &now, id);
        }
    };
    let (control, version) = (message.control_id.clone(), message.version.clone());
    let (reply_tx, reply_rx) = mpsc::sync_channel(1);
    let a = match tx.try_send(Incoming {
        message,
        reply: reply_tx,
    }) {
        Err(TrySendError::Full(_)) => Answer {
            code: "AE",
            text: "kap is busy; send the message again".into(),
        },
        Err(TrySendError::Disconnected(_)) => Answer {
            code: "AE",
            text: "kap is closing; nothing was recorded".into(),
        },
        Ok(()) => match reply_rx.recv_timeout(ANSWER_WAIT) {
            Ok(a) => a,
            Err(RecvTimeoutError::Timeout | RecvTimeoutError::Disconnected) => Answer {
                code: "AE",
                text: "kap did not answer in time; send the message again".into(),
            },
        },
    };
    hl7::ack(&control, &version, a.code, &a.text, &now, id)
}
