//! The instructor's socket under a flood: thousands of connections at
//! once (a runaway script, a hostile local process) leave the rehearsal
//! answering keys at once, and once they close the instructor's console
//! connects as usual. The socket serves at most 8 connections and turns
//! the rest away (`instruct::server`), so the flood costs neither threads
//! nor descriptors in the rehearsal.

mod common;

use common::pty::{ENTER, Pty, only_session};
use std::os::unix::net::UnixStream;
use std::time::{Duration, Instant};

const TRAINEE: &[&str] = &[
    "rehearse",
    "--protocol",
    "protocols/montreal.toml",
    "--scenario",
    "scenarios/montreal-uneventful.toml",
    "--speed",
    "1",
];

/// As many connections as asked, or as this process may open: its soft
/// descriptor limit raised to the hard one, less a margin for the test's
/// own files.
fn connections_allowed(wanted: usize) -> usize {
    // SAFETY: rlimit is plain data; get and set act on this process only.
    let mut lim: libc::rlimit = unsafe { std::mem::zeroed() };
    assert_eq!(unsafe { libc::getrlimit(libc::RLIMIT_NOFILE, &mut lim) }, 0);
    lim.rlim_cur = lim.rlim_max;
    let _ = unsafe { libc::setrlimit(libc::RLIMIT_NOFILE, &lim) };
    assert_eq!(unsafe { libc::getrlimit(libc::RLIMIT_NOFILE, &mut lim) }, 0);
    let room = usize::try_from(lim.rlim_cur)
        .unwrap_or(usize::MAX)
        .saturating_sub(200);
    wanted.min(room)
}

#[test]
fn ten_thousand_connections_leave_the_rehearsal_responsive() {
    let tmp = tempfile::tempdir().unwrap();
    let mut trainee = Pty::spawn(TRAINEE, tmp.path());
    trainee.wait_for("REHEARSAL", 20);
    trainee.send(ENTER);
    trainee.wait_for("MONITOR", 20);
    let socket = only_session(&tmp.path().join("rehearsal")).join(kap::instruct::SOCKET);
    let deadline = Instant::now() + Duration::from_secs(10);
    while !socket.exists() {
        assert!(
            Instant::now() < deadline,
            "no socket at {}",
            socket.display()
        );
        std::thread::sleep(Duration::from_millis(20));
    }

    let n = connections_allowed(10_000);
    assert!(n >= 1_000, "only {n} descriptors: raise the hard limit");
    let started = Instant::now();
    let mut held = Vec::with_capacity(n);
    for _ in 0..n {
        held.push(UnixStream::connect(&socket).unwrap());
    }
    eprintln!("{n} connections open in {:.2?}", started.elapsed());
    // With every one of them open, the rehearsal holds a handful of
    // descriptors and threads, not one of each per connection…
    let pid = trainee.child.process_id().unwrap();
    let count = |what: &str| {
        std::fs::read_dir(format!("/proc/{pid}/{what}"))
            .unwrap()
            .count()
    };
    let deadline = Instant::now() + Duration::from_secs(10);
    while count("fd") > 64 {
        assert!(
            Instant::now() < deadline,
            "the rehearsal holds {} descriptors for {n} connections",
            count("fd")
        );
        std::thread::sleep(Duration::from_millis(50));
    }
    assert!(count("task") < 64, "{} threads", count("task"));
    // …and the trainee's key is answered: the cuff cycles and a reading
    // shows.
    assert!(!trainee.screen().contains("NIBP 1"));
    trainee.send("b");
    trainee.wait_for("NIBP 1", 10);
    drop(held);

    // The console connects once they are gone (the served ones end when
    // they see their connection closed).
    let instructor = Pty::spawn(&["instruct"], tmp.path());
    instructor.wait_for("Named injections", 20);
}
