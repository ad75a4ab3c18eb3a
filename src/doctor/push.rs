//! The `push` line of `kap doctor`: whether kap may connect anywhere, and
//! to where, with what token. Judged from facts gathered without touching
//! the network (`cli/push_cmd.rs`).

use super::Check;

/// Where the token comes from, as found.
#[derive(Debug, Clone, PartialEq, Eq)]
pub enum TokenFacts {
    /// A token file: its mode, or why it could not be read.
    File {
        path: String,
        mode: Result<u32, String>,
    },
    /// An environment variable, and whether this shell has it set.
    Env {
        name: String,
        set: bool,
    },
    None,
}

/// What `kap doctor` knows of push.
#[derive(Debug, Clone, PartialEq, Eq)]
pub enum PushFacts {
    NotConfigured,
    /// The config file is wrong: the first problem.
    Broken(String),
    Configured {
        base_url: String,
        token: TokenFacts,
        insecure: bool,
        /// Closed real sessions not sent yet, and those whose last try failed.
        waiting: usize,
        failed: usize,
    },
}

pub fn judge_push(f: &PushFacts) -> Check {
    let (base_url, token, insecure, waiting, failed) = match f {
        PushFacts::NotConfigured => {
            return Check::ok(
                "push",
                "push: not configured (kap makes no network connections)",
            );
        }
        PushFacts::Broken(why) => {
            return Check::warn(
                "push",
                format!("push: the config is wrong, nothing can be sent: {why}"),
            );
        }
        PushFacts::Configured {
            base_url,
            token,
            insecure,
            waiting,
            failed,
        } => (base_url, token, *insecure, *waiting, *failed),
    };
    let mut problems = Vec::new();
    let token_text = match token {
        TokenFacts::File { path, mode: Ok(m) } if m & 0o077 == 0 => {
            format!("token from file {path}, readable only by you")
        }
        TokenFacts::File { path, mode: Ok(m) } => {
            problems.push(format!(
                "the token file can be read by others (mode {:04o}): chmod 600 {path} — kap push refuses it until then",
                m & 0o777
            ));
            format!("token from file {path}")
        }
        TokenFacts::File { path, mode: Err(e) } => {
            problems.push(format!("the token file cannot be read: {e}"));
            format!("token from file {path}")
        }
        TokenFacts::Env { name, set: true } => format!("token from ${name}"),
        TokenFacts::Env { name, set: false } => {
            problems.push(format!(
                "${name} is not set here (a cron job or timer must set it too)"
            ));
            format!("token from ${name}")
        }
        TokenFacts::None => "no token: requests carry no Authorization header".into(),
    };
    if insecure {
        problems.push("allow_insecure_http: records go unencrypted (for testing only)".into());
    }
    if failed > 0 {
        problems.push(format!(
            "{failed} session{} failed to send (kap push --status)",
            if failed == 1 { "" } else { "s" }
        ));
    }
    let queue = match waiting {
        0 => String::new(),
        1 => "; 1 closed session waiting to be sent".into(),
        n => format!("; {n} closed sessions waiting to be sent"),
    };
    let text = format!("push: configured to {base_url} ({token_text}){queue}");
    if problems.is_empty() {
        Check::ok("push", text)
    } else {
        Check::warn("push", format!("{text}: {}", problems.join("; ")))
    }
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::doctor::Verdict;

    fn configured(token: TokenFacts) -> PushFacts {
        PushFacts::Configured {
            base_url: "https://fhir.clinic.example".into(),
            token,
            insecure: false,
            waiting: 0,
            failed: 0,
        }
    }

    #[test]
    fn each_push_state_reads_as_one_line() {
        let c = judge_push(&PushFacts::NotConfigured);
        assert_eq!(
            (c.verdict, c.text.as_str()),
            (
                Verdict::Ok,
                "push: not configured (kap makes no network connections)"
            )
        );
        let c = judge_push(&configured(TokenFacts::File {
            path: "/etc/kap/token".into(),
            mode: Ok(0o100600),
        }));
        assert_eq!(
            (c.verdict, c.text.as_str()),
            (
                Verdict::Ok,
                "push: configured to https://fhir.clinic.example (token from file /etc/kap/token, readable only by you)"
            )
        );
        let c = judge_push(&configured(TokenFacts::File {
            path: "/etc/kap/token".into(),
            mode: Ok(0o100644),
        }));
        assert_eq!(c.verdict, Verdict::Warn);
        assert!(
            c.text.contains("mode 0644): chmod 600 /etc/kap/token"),
            "{}",
            c.text
        );
        let c = judge_push(&configured(TokenFacts::Env {
            name: "KAP_TOKEN".into(),
            set: false,
        }));
        assert_eq!(c.verdict, Verdict::Warn);
        assert!(c.text.contains("$KAP_TOKEN is not set"), "{}", c.text);
        let c = judge_push(&PushFacts::Configured {
            base_url: "http://10.1.1.1".into(),
            token: TokenFacts::None,
            insecure: true,
            waiting: 2,
            failed: 1,
        });
        assert_eq!(c.verdict, Verdict::Warn);
        assert!(c.text.contains("2 closed sessions waiting"), "{}", c.text);
        assert!(
            c.text.contains("unencrypted") && c.text.contains("1 session failed"),
            "{}",
            c.text
        );
        let c = judge_push(&PushFacts::Broken("push.toml:2:1: unknown field".into()));
        assert_eq!(c.verdict, Verdict::Warn);
    }
}
