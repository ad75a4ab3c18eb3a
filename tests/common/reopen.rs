//! Reopening a session in a test binary whose other tests spawn `kap`.

/// Open a session folder again right after a writer closed it. Another
/// test of this binary spawning `kap` at that moment holds a copy of the
/// closed lock's file until its child execs (the kernel's, not kap's), so a
/// lock held by this very process is waited out, for 10 s at most.
pub fn reopen(dir: &std::path::Path) -> kap::record::OpenSession {
    let deadline = std::time::Instant::now() + std::time::Duration::from_secs(10);
    loop {
        match kap::record::OpenSession::open(dir) {
            Ok(open) => return open,
            Err(e)
                if std::time::Instant::now() < deadline
                    && e.say(kap::i18n::Lang::En)
                        .contains(&format!("process {}", std::process::id())) =>
            {
                // Waiting for a condition: the child's exec.
                std::thread::sleep(std::time::Duration::from_millis(20));
            }
            Err(e) => panic!("{}: {e:?}", dir.display()),
        }
    }
}
