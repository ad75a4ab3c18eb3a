//! The rehearsal's end of the instructor socket: a listening thread that
//! answers status requests from the published snapshot and hands every
//! other request to the app's loop, waiting for its answer.

use super::{MAX_LINE, Reply, Request, SOCKET, Status};
use std::io::{self, BufRead, BufReader, Read, Write};
use std::os::unix::fs::PermissionsExt;
use std::os::unix::net::{UnixListener, UnixStream};
use std::path::{Path, PathBuf};
use std::sync::atomic::{AtomicBool, Ordering};
use std::sync::mpsc::{self, Receiver, Sender, SyncSender};
use std::sync::{Arc, Mutex};
use std::time::{Duration, Instant};

/// How long a connection waits for the app to carry out a request (the
/// app's loop turns at least once a second).
const ANSWER_WITHIN: Duration = Duration::from_secs(5);
/// A request the app reaches later than this is dropped, not carried out:
/// well inside [`ANSWER_WITHIN`], so an instructor told "no answer" can
/// retry without the change being made twice.
const CARRY_OUT_WITHIN: Duration = Duration::from_secs(3);
/// The longest socket path Linux binds (`sun_path`, less its NUL).
const MAX_SOCKET_PATH: usize = 107;
/// The most connections served at once: an instructor's console holds
/// one; more are turned away with a refusal, so a flood of connections
/// cannot take the process's file descriptors or threads.
pub const MAX_CONNECTIONS: usize = 8;
/// A connection that sends nothing for this long is closed, so idle ones
/// cannot hold every place (a console asks twice a second).
const IDLE: Duration = Duration::from_secs(30);
/// How often the instructor's end looks whether it was told to stop
/// while waiting for an answer.
const CLIENT_TICK: Duration = Duration::from_millis(250);

/// A request waiting for the app, with the way back to its sender.
pub struct Pending {
    pub request: Request,
    reply: SyncSender<Reply>,
    made: Instant,
}

impl Pending {
    pub fn answer(self, r: Reply) {
        // The instructor may have gone: nothing to tell then.
        let _ = self.reply.send(r);
    }

    /// Waited too long: the instructor has been told nothing was changed.
    pub fn is_stale(&self) -> bool {
        self.made.elapsed() > CARRY_OUT_WITHIN
    }
}

pub struct Server {
    path: PathBuf,
    requests: Receiver<Pending>,
    snapshot: Arc<Mutex<Option<Status>>>,
    stop: Arc<AtomicBool>,
}

impl Server {
    /// Listen in `dir`. A socket file left by a kap that crashed answers
    /// nobody and is replaced; one that answers belongs to a running
    /// rehearsal, and this one does not take it over.
    pub fn start(dir: &Path, lang: crate::i18n::Lang) -> io::Result<Server> {
        let path = dir.join(SOCKET);
        if path.as_os_str().len() > MAX_SOCKET_PATH {
            return Err(io::Error::new(
                io::ErrorKind::InvalidInput,
                crate::say!(
                    lang,
                    "instruct-path-too-long",
                    path = path.display().to_string(),
                    max = MAX_SOCKET_PATH
                ),
            ));
        }
        if std::fs::symlink_metadata(&path).is_ok() {
            if UnixStream::connect(&path).is_ok() {
                return Err(io::Error::new(
                    io::ErrorKind::AddrInUse,
                    crate::say!(lang, "instruct-socket-taken"),
                ));
            }
            std::fs::remove_file(&path)?;
        }
        let listener = UnixListener::bind(&path)?;
        std::fs::set_permissions(&path, std::fs::Permissions::from_mode(0o600))?;
        let (tx, rx) = mpsc::channel();
        let snapshot = Arc::new(Mutex::new(None));
        let stop = Arc::new(AtomicBool::new(false));
        {
            let snapshot = Arc::clone(&snapshot);
            let stop = Arc::clone(&stop);
            std::thread::Builder::new()
                .name("instructor-socket".into())
                .spawn(move || accept(listener, tx, snapshot, stop, lang))?;
        }
        Ok(Server {
            path,
            requests: rx,
            snapshot,
            stop,
        })
    }

    pub fn path(&self) -> &Path {
        &self.path
    }

    /// Whether an instructor is connected: each connection's thread holds
    /// the snapshot, beside this server and the accepting thread.
    pub fn attached(&self) -> bool {
        connections(&self.snapshot) > 0
    }

    /// Replace what a status request answers.
    pub fn publish(&self, s: Status) {
        if let Ok(mut g) = self.snapshot.lock() {
            *g = Some(s);
        }
    }

    /// Requests waiting for the app (never blocks).
    pub fn waiting(&self) -> Vec<Pending> {
        self.requests.try_iter().take(64).collect()
    }
}

impl Drop for Server {
    fn drop(&mut self) {
        self.stop.store(true, Ordering::SeqCst);
        // Wakes the accepting thread, which then sees the stop and ends.
        let _ = UnixStream::connect(&self.path);
        let _ = std::fs::remove_file(&self.path);
    }
}

/// Connections being served: each one's thread holds the snapshot,
/// beside the server and the accepting thread.
fn connections(snapshot: &Arc<Mutex<Option<Status>>>) -> usize {
    Arc::strong_count(snapshot).saturating_sub(2)
}

fn accept(
    listener: UnixListener,
    tx: Sender<Pending>,
    snapshot: Arc<Mutex<Option<Status>>>,
    stop: Arc<AtomicBool>,
    lang: crate::i18n::Lang,
) {
    for stream in listener.incoming() {
        if stop.load(Ordering::SeqCst) {
            return;
        }
        let mut stream = match stream {
            Ok(s) => s,
            Err(_) => {
                // Out of descriptors, most likely: accepting again at
                // once would fail again at once, turning a core for
                // nothing. The waiting connections stay queued.
                std::thread::sleep(Duration::from_millis(100));
                continue;
            }
        };
        // The folder is the user's alone (0700) and the socket 0600; a
        // peer that is somehow another user is still turned away.
        if !same_user(&stream) {
            continue;
        }
        if connections(&snapshot) >= MAX_CONNECTIONS {
            let _ = stream.set_write_timeout(Some(Duration::from_millis(100)));
            let r = Reply::Refused {
                message: crate::say!(lang, "instruct-too-many", max = MAX_CONNECTIONS),
            };
            let _ = send(&mut stream, &r);
            continue;
        }
        if stream.set_read_timeout(Some(IDLE)).is_err() {
            continue;
        }
        let tx = tx.clone();
        let snapshot = Arc::clone(&snapshot);
        let stop = Arc::clone(&stop);
        let _ = std::thread::Builder::new()
            .name("instructor-conn".into())
            .spawn(move || serve(stream, tx, snapshot, stop, lang));
    }
}

/// One instructor connection: a request per line, an answer per line,
/// until the instructor leaves or the rehearsal ends.
fn serve(
    stream: UnixStream,
    tx: Sender<Pending>,
    snapshot: Arc<Mutex<Option<Status>>>,
    stop: Arc<AtomicBool>,
    lang: crate::i18n::Lang,
) {
    let Ok(mut out) = stream.try_clone() else {
        return;
    };
    let mut reader = BufReader::new(stream);
    loop {
        let mut line = String::new();
        let n = match reader.by_ref().take(MAX_LINE).read_line(&mut line) {
            Ok(0) | Err(_) => return,
            Ok(n) => n,
        };
        if stop.load(Ordering::SeqCst) {
            return;
        }
        // A last request without its newline is still a request; a line
        // as long as the limit is not.
        let reply = if !line.ends_with('\n') && n as u64 >= MAX_LINE {
            // Longer than any request: the rest cannot be trusted.
            let r = Reply::Refused {
                message: crate::say!(lang, "instruct-too-long"),
            };
            let _ = send(&mut out, &r);
            return;
        } else {
            answer(&line, &tx, &snapshot, lang)
        };
        if send(&mut out, &reply).is_err() {
            return;
        }
    }
}

fn answer(
    line: &str,
    tx: &Sender<Pending>,
    snapshot: &Mutex<Option<Status>>,
    lang: crate::i18n::Lang,
) -> Reply {
    let request: Request = match serde_json::from_str(line.trim()) {
        Ok(r) => r,
        Err(e) => {
            return Reply::Refused {
                message: crate::say!(lang, "instruct-bad-request", error = e.to_string()),
            };
        }
    };
    if request == Request::Status {
        return match snapshot.lock().ok().and_then(|g| g.clone()) {
            Some(s) => Reply::Status {
                status: Box::new(s),
            },
            None => Reply::Refused {
                message: crate::say!(lang, "instruct-not-ready"),
            },
        };
    }
    let (reply_tx, reply_rx) = mpsc::sync_channel(1);
    if tx
        .send(Pending {
            request,
            reply: reply_tx,
            made: Instant::now(),
        })
        .is_err()
    {
        return Reply::Refused {
            message: crate::say!(lang, "instruct-rehearsal-ended"),
        };
    }
    reply_rx
        .recv_timeout(ANSWER_WITHIN)
        .unwrap_or(Reply::Refused {
            message: crate::say!(lang, "instruct-no-answer"),
        })
}

fn same_user(s: &UnixStream) -> bool {
    rustix::net::sockopt::socket_peercred(s).is_ok_and(|c| c.uid == rustix::process::getuid())
}

fn send(out: &mut UnixStream, r: &Reply) -> io::Result<()> {
    let mut line = serde_json::to_vec(r).map_err(io::Error::other)?;
    line.push(b'\n');
    out.write_all(&line)?;
    out.flush()
}

/// The instructor's end: one connection, a request and its answer at a
/// time.
pub struct Client {
    reader: BufReader<UnixStream>,
    out: UnixStream,
}

impl Client {
    pub fn connect(dir: &Path) -> io::Result<Client> {
        let stream = UnixStream::connect(dir.join(SOCKET))?;
        stream.set_read_timeout(Some(CLIENT_TICK))?;
        let out = stream.try_clone()?;
        Ok(Client {
            reader: BufReader::new(stream),
            out,
        })
    }

    pub fn ask(&mut self, r: &Request, lang: crate::i18n::Lang) -> io::Result<Reply> {
        self.ask_until(r, &AtomicBool::new(false), lang)
    }

    /// Ask, and wait for the answer until it comes, `stop` is set
    /// (`Interrupted`), or the rehearsal has been silent longer than it
    /// takes to answer (`TimedOut`: the connection is then out of step,
    /// since a late answer would be read as the next one's; make a new
    /// one).
    pub fn ask_until(
        &mut self,
        r: &Request,
        stop: &AtomicBool,
        lang: crate::i18n::Lang,
    ) -> io::Result<Reply> {
        let mut line = serde_json::to_vec(r).map_err(io::Error::other)?;
        line.push(b'\n');
        // A rehearsal that turned the connection away (too many) may have
        // closed it before the request went: its refusal is still there
        // to read, and says more than "broken pipe".
        if let Err(e) = self.out.write_all(&line)
            && e.kind() != io::ErrorKind::BrokenPipe
        {
            return Err(e);
        }
        let deadline = Instant::now() + ANSWER_WITHIN + Duration::from_secs(1);
        let mut back = Vec::new();
        loop {
            let room = MAX_LINE.saturating_sub(back.len() as u64);
            match self.reader.by_ref().take(room).read_until(b'\n', &mut back) {
                Ok(0) => {
                    return Err(io::Error::new(
                        io::ErrorKind::UnexpectedEof,
                        crate::say!(lang, "instruct-rehearsal-ended"),
                    ));
                }
                Ok(_) if back.ends_with(b"\n") || back.len() as u64 >= MAX_LINE => break,
                Ok(_) => {}
                Err(e)
                    if matches!(
                        e.kind(),
                        io::ErrorKind::WouldBlock
                            | io::ErrorKind::TimedOut
                            | io::ErrorKind::Interrupted
                    ) =>
                {
                    if stop.load(Ordering::SeqCst) {
                        return Err(io::Error::new(io::ErrorKind::Interrupted, e));
                    }
                    if Instant::now() > deadline {
                        return Err(io::Error::new(
                            io::ErrorKind::TimedOut,
                            crate::say!(lang, "instruct-not-answering"),
                        ));
                    }
                }
                Err(e) => return Err(e),
            }
        }
        serde_json::from_slice(back.trim_ascii()).map_err(io::Error::other)
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn status_is_answered_and_requests_reach_the_app() {
        let dir = tempfile::tempdir().unwrap();
        let server = Server::start(dir.path(), crate::i18n::Lang::En).unwrap();
        let mode = std::fs::metadata(dir.path().join(SOCKET))
            .unwrap()
            .permissions()
            .mode();
        assert_eq!(mode & 0o777, 0o600);
        assert!(!server.attached());
        server.publish(Status {
            phase: "Dosing".into(),
            ..Status::default()
        });
        let mut c = Client::connect(dir.path()).unwrap();
        match c.ask(&Request::Status, crate::i18n::Lang::En).unwrap() {
            Reply::Status { status } => assert_eq!(status.phase, "Dosing"),
            other => panic!("{other:?}"),
        }
        assert!(server.attached(), "a connection is counted");
        let t = std::thread::spawn(move || c.ask(&Request::Pause, crate::i18n::Lang::En).unwrap());
        let mut got = Vec::new();
        for _ in 0..100 {
            got = server.waiting();
            if !got.is_empty() {
                break;
            }
            std::thread::sleep(Duration::from_millis(20));
        }
        let p = got.pop().expect("the request reached the app");
        assert_eq!(p.request, Request::Pause);
        p.answer(Reply::Done {
            message: "paused".into(),
        });
        assert_eq!(
            t.join().unwrap(),
            Reply::Done {
                message: "paused".into()
            }
        );
        // A second kap cannot take over a live socket.
        assert!(Server::start(dir.path(), crate::i18n::Lang::En).is_err());
        drop(server);
        assert!(!dir.path().join(SOCKET).exists());
    }

    #[test]
    fn garbage_and_overlong_lines_are_refused() {
        let dir = tempfile::tempdir().unwrap();
        let _server = Server::start(dir.path(), crate::i18n::Lang::En).unwrap();
        let mut s = UnixStream::connect(dir.path().join(SOCKET)).unwrap();
        s.write_all(b"not json\n").unwrap();
        let mut r = BufReader::new(s.try_clone().unwrap());
        let mut line = String::new();
        r.read_line(&mut line).unwrap();
        assert!(line.contains("refused"), "{line}");
        let big = vec![b'x'; (MAX_LINE + 10) as usize];
        let _ = s.write_all(&big);
        line.clear();
        r.read_line(&mut line).unwrap();
        assert!(line.contains("refused") && line.len() < 200, "{line}");
    }

    #[test]
    fn connections_beyond_the_cap_are_turned_away_and_a_place_freed_is_served() {
        let dir = tempfile::tempdir().unwrap();
        let server = Server::start(dir.path(), crate::i18n::Lang::En).unwrap();
        server.publish(Status::default());
        let mut held = Vec::new();
        for _ in 0..MAX_CONNECTIONS {
            let mut c = Client::connect(dir.path()).unwrap();
            assert!(matches!(
                c.ask(&Request::Status, crate::i18n::Lang::En).unwrap(),
                Reply::Status { .. }
            ));
            held.push(c);
        }
        let mut extra = Client::connect(dir.path()).unwrap();
        match extra.ask(&Request::Status, crate::i18n::Lang::En) {
            Ok(Reply::Refused { message }) => assert!(message.contains("8"), "{message}"),
            other => panic!("{other:?}"),
        }
        drop(held.pop());
        // The freed thread ends once it sees the connection closed.
        let served = (0..200).any(|_| {
            std::thread::sleep(Duration::from_millis(20));
            Client::connect(dir.path())
                .and_then(|mut c| c.ask(&Request::Status, crate::i18n::Lang::En))
                .is_ok_and(|r| matches!(r, Reply::Status { .. }))
        });
        assert!(served, "a place freed is served again");
    }

    #[test]
    fn a_stop_interrupts_a_wait_for_a_silent_rehearsal() {
        let dir = tempfile::tempdir().unwrap();
        let listener = UnixListener::bind(dir.path().join(SOCKET)).unwrap();
        let mut c = Client::connect(dir.path()).unwrap();
        let (_peer, _) = listener.accept().unwrap();
        let stop = AtomicBool::new(true);
        let e = c
            .ask_until(&Request::Status, &stop, crate::i18n::Lang::En)
            .unwrap_err();
        assert_eq!(e.kind(), io::ErrorKind::Interrupted);
    }
}
