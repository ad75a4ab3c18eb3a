//! Records the git commit kap is built from, for `kap --version`.
//! `KAP_COMMIT` overrides it (packagers building from a tarball); without
//! git or a repository it is "unknown". Reruns only when HEAD moves.

use std::path::Path;
use std::process::Command;

fn main() {
    println!("cargo:rerun-if-env-changed=KAP_COMMIT");
    let commit = std::env::var("KAP_COMMIT")
        .ok()
        .filter(|c| !c.trim().is_empty())
        .or_else(git_commit)
        .unwrap_or_else(|| "unknown".into());
    println!("cargo:rustc-env=KAP_COMMIT={}", commit.trim());
}

fn git_commit() -> Option<String> {
    let out = Command::new("git")
        .args(["rev-parse", "--short=12", "HEAD"])
        .output()
        .ok()?;
    if !out.status.success() {
        return None;
    }
    // Rebuild when HEAD moves: HEAD itself (a checkout) and the ref it
    // names (a commit on the branch). In a worktree `.git` is a file, so
    // ask git where these live.
    for name in ["HEAD", "packed-refs"] {
        watch(&git_path(name));
    }
    if let Ok(head) = std::fs::read_to_string(git_path("HEAD"))
        && let Some(r) = head.trim().strip_prefix("ref: ")
    {
        watch(&git_path(r));
    }
    let s = String::from_utf8(out.stdout).ok()?;
    let s = s.trim();
    (!s.is_empty()).then(|| s.to_string())
}

fn git_path(name: &str) -> String {
    Command::new("git")
        .args(["rev-parse", "--git-path", name])
        .output()
        .ok()
        .and_then(|o| String::from_utf8(o.stdout).ok())
        .map(|s| s.trim().to_string())
        .unwrap_or_default()
}

fn watch(p: &str) {
    if !p.is_empty() && Path::new(p).exists() {
        println!("cargo:rerun-if-changed={p}");
    }
}
