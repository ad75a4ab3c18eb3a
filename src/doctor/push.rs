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

pub fn judge_push(f: &PushFacts, lang: crate::i18n::Lang) -> Check {
    let (base_url, token, insecure, waiting, failed) = match f {
        PushFacts::NotConfigured => {
            return Check::ok("push", crate::say!(lang, "push-off"));
        }
        PushFacts::Broken(why) => {
            return Check::warn(
                "push",
                crate::say!(lang, "doctor-push-broken", why = why.as_str()),
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
            crate::say!(lang, "doctor-token-file-private", file = path.as_str())
        }
        TokenFacts::File { path, mode: Ok(m) } => {
            problems.push(crate::say!(
                lang,
                "doctor-token-file-open",
                file = path.as_str(),
                mode = format!("{:04o}", m & 0o777)
            ));
            crate::say!(lang, "doctor-token-file", file = path.as_str())
        }
        TokenFacts::File { path, mode: Err(e) } => {
            problems.push(crate::say!(
                lang,
                "doctor-token-unreadable",
                error = e.as_str()
            ));
            crate::say!(lang, "doctor-token-file", file = path.as_str())
        }
        TokenFacts::Env { name, set: true } => {
            crate::say!(lang, "doctor-token-env", name = name.as_str())
        }
        TokenFacts::Env { name, set: false } => {
            problems.push(crate::say!(
                lang,
                "doctor-token-env-unset",
                name = name.as_str()
            ));
            crate::say!(lang, "doctor-token-env", name = name.as_str())
        }
        TokenFacts::None => crate::say!(lang, "doctor-no-token"),
    };
    if insecure {
        problems.push(crate::say!(lang, "doctor-push-insecure"));
    }
    if failed > 0 {
        problems.push(crate::say!(lang, "doctor-push-failed", failed = failed));
    }
    let text = crate::say!(
        lang,
        "doctor-push-configured",
        url = base_url.as_str(),
        token = token_text,
        waiting = waiting
    );
    if problems.is_empty() {
        Check::ok("push", text)
    } else {
        Check::warn(
            "push",
            crate::i18n::labelled_in(lang, &text, &problems.join("; ")),
        )
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
        let c = judge_push(&PushFacts::NotConfigured, crate::i18n::Lang::En);
        assert_eq!(
            (c.verdict, c.text.as_str()),
            (
                Verdict::Ok,
                "push: not configured (kap makes no network connections)"
            )
        );
        let c = judge_push(
            &configured(TokenFacts::File {
                path: "/etc/kap/token".into(),
                mode: Ok(0o100600),
            }),
            crate::i18n::Lang::En,
        );
        assert_eq!(
            (c.verdict, c.text.as_str()),
            (
                Verdict::Ok,
                "push: configured to https://fhir.clinic.example (token from file /etc/kap/token, readable only by you)"
            )
        );
        let c = judge_push(
            &configured(TokenFacts::File {
                path: "/etc/kap/token".into(),
                mode: Ok(0o100644),
            }),
            crate::i18n::Lang::En,
        );
        assert_eq!(c.verdict, Verdict::Warn);
        assert!(
            c.text.contains("mode 0644): chmod 600 /etc/kap/token"),
            "{}",
            c.text
        );
        let c = judge_push(
            &configured(TokenFacts::Env {
                name: "KAP_TOKEN".into(),
                set: false,
            }),
            crate::i18n::Lang::En,
        );
        assert_eq!(c.verdict, Verdict::Warn);
        assert!(c.text.contains("$KAP_TOKEN is not set"), "{}", c.text);
        let c = judge_push(
            &PushFacts::Configured {
                base_url: "http://10.1.1.1".into(),
                token: TokenFacts::None,
                insecure: true,
                waiting: 2,
                failed: 1,
            },
            crate::i18n::Lang::En,
        );
        assert_eq!(c.verdict, Verdict::Warn);
        assert!(c.text.contains("2 closed sessions waiting"), "{}", c.text);
        assert!(
            c.text.contains("unencrypted") && c.text.contains("1 session failed"),
            "{}",
            c.text
        );
        let c = judge_push(
            &PushFacts::Broken("push.toml:2:1: unknown field".into()),
            crate::i18n::Lang::En,
        );
        assert_eq!(c.verdict, Verdict::Warn);
    }
}
