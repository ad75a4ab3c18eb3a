//! kap's one network path: one HTTPS POST of a transaction Bundle to the
//! clinic's FHIR server, through ureq and rustls. Every wait is bounded
//! (`timeout_seconds` for the whole exchange) and so is the answer read
//! ([`MAX_ANSWER`]). Redirects are not followed: a record goes only to
//! the address configured.

use super::config::{Config, Secret};
use std::time::{Duration, Instant};
use ureq::tls::{PemItem, RootCerts, TlsConfig, TlsProvider};

/// The largest answer read from the server. A transaction-response for a
/// session is a few KiB; anything near this is not one.
pub const MAX_ANSWER: u64 = 8 * 1024 * 1024;
/// The largest `ca_file` read.
const MAX_CA_FILE: u64 = 1024 * 1024;

/// The server's answer, unjudged.
#[derive(Debug)]
pub struct Reply {
    pub status: u16,
    pub body: Vec<u8>,
    /// `Location` of a redirect.
    pub redirect: Option<String>,
    pub elapsed: Duration,
}

/// The roots to trust: the config's `ca_file`, else Mozilla's list built
/// into kap (the system's store is not consulted).
fn roots(c: &Config, lang: crate::i18n::Lang) -> Result<RootCerts, String> {
    let Some(p) = &c.ca_file else {
        return Ok(RootCerts::WebPki);
    };
    let pem = crate::input::read_limited(p, MAX_CA_FILE).map_err(|e| {
        format!(
            "{}: ca_file: {}",
            p.display(),
            crate::i18n::say_io(&e, lang)
        )
    })?;
    let mut certs = Vec::new();
    for item in ureq::tls::parse_pem(&pem) {
        match item {
            Ok(PemItem::Certificate(cert)) => certs.push(cert),
            Ok(_) => {}
            Err(e) => {
                return Err(crate::say!(
                    lang,
                    "push-ca-file-error",
                    file = p.display().to_string(),
                    error = e.to_string()
                ));
            }
        }
    }
    if certs.is_empty() {
        return Err(crate::say!(
            lang,
            "push-ca-file-empty",
            file = p.display().to_string()
        ));
    }
    Ok(RootCerts::new_with_certs(&certs))
}

fn agent(c: &Config, lang: crate::i18n::Lang) -> Result<ureq::Agent, String> {
    let tls = TlsConfig::builder()
        .provider(TlsProvider::Rustls)
        .root_certs(roots(c, lang)?)
        .build();
    // HTTPS_PROXY and NO_PROXY are honoured (a clinic's network may need
    // them), except for a server on this computer.
    let proxy = if super::config::is_loopback_url(&c.base_url) {
        None
    } else {
        ureq::Proxy::try_from_env()
    };
    Ok(ureq::Agent::config_builder()
        .timeout_global(Some(c.timeout))
        .http_status_as_error(false)
        .max_redirects(0)
        .max_redirects_will_error(false)
        .user_agent(concat!("kap/", env!("CARGO_PKG_VERSION")))
        .accept("application/fhir+json")
        .tls_config(tls)
        .proxy(proxy)
        .build()
        .into())
}

/// POST `body` (a transaction Bundle) to the server's base URL.
pub fn post(
    c: &Config,
    token: Option<&Secret>,
    body: &[u8],
    lang: crate::i18n::Lang,
) -> Result<Reply, String> {
    let agent = agent(c, lang)?;
    let mut req = agent
        .post(&c.base_url)
        .header("Content-Type", "application/fhir+json; charset=utf-8");
    if let Some(t) = token {
        req = req.header("Authorization", t.header());
    }
    let started = Instant::now();
    let mut resp = req.send(body).map_err(|e| explain(&e, c, lang))?;
    let status = resp.status().as_u16();
    let redirect = resp
        .headers()
        .get("location")
        .and_then(|v| v.to_str().ok())
        .map(str::to_string);
    let body = resp
        .body_mut()
        .with_config()
        .limit(MAX_ANSWER)
        .read_to_vec()
        .map_err(|e| explain(&e, c, lang))?;
    Ok(Reply {
        status,
        body,
        redirect,
        elapsed: started.elapsed(),
    })
}

/// GET `path` (a search, `/Patient?identifier=…`) from the server, waiting
/// no longer than `wait`; the answer read up to [`MAX_ANSWER`].
pub fn get(
    c: &Config,
    token: Option<&Secret>,
    path: &str,
    wait: Duration,
    lang: crate::i18n::Lang,
) -> Result<Reply, String> {
    let c = Config {
        timeout: wait,
        ..c.clone()
    };
    let agent = agent(&c, lang)?;
    let mut req = agent.get(format!("{}{path}", c.base_url));
    if let Some(t) = token {
        req = req.header("Authorization", t.header());
    }
    let started = Instant::now();
    let mut resp = req.call().map_err(|e| explain(&e, &c, lang))?;
    let status = resp.status().as_u16();
    let body = resp
        .body_mut()
        .with_config()
        .limit(MAX_ANSWER)
        .read_to_vec()
        .map_err(|e| explain(&e, &c, lang))?;
    Ok(Reply {
        status,
        body,
        redirect: None,
        elapsed: started.elapsed(),
    })
}

/// A search parameter's value, percent-encoded for a URL's query.
pub fn query_value(v: &str) -> String {
    let mut out = String::new();
    for b in v.bytes() {
        if b.is_ascii_alphanumeric() || b"-._~".contains(&b) {
            out.push(char::from(b));
        } else {
            out.push_str(&format!("%{b:02X}"));
        }
    }
    out
}

/// A transport error in plain words, naming the server.
fn explain(e: &ureq::Error, c: &Config, lang: crate::i18n::Lang) -> String {
    use std::io::ErrorKind;
    let url = &c.base_url;
    let secs = c.timeout.as_secs();
    match e {
        ureq::Error::Io(io) => match io.kind() {
            ErrorKind::ConnectionRefused => {
                crate::say!(lang, "push-net-refused", url = url.as_str())
            }
            ErrorKind::TimedOut => {
                crate::say!(
                    lang,
                    "push-net-timeout",
                    url = url.as_str(),
                    secs = secs.to_string()
                )
            }
            ErrorKind::ConnectionReset
            | ErrorKind::ConnectionAborted
            | ErrorKind::UnexpectedEof => crate::say!(
                lang,
                "push-net-closed",
                url = url.as_str(),
                error = io.to_string()
            ),
            // rustls's refusals reach here wrapped in an io::Error.
            _ if is_tls(&io.to_string()) => tls(url, &io.to_string(), lang),
            _ => crate::say!(
                lang,
                "push-net-error",
                url = url.as_str(),
                error = io.to_string()
            ),
        },
        ureq::Error::HostNotFound => crate::say!(lang, "push-net-no-host", url = url.as_str()),
        ureq::Error::Timeout(t) => crate::say!(
            lang,
            "push-net-timed-out-at",
            url = url.as_str(),
            secs = secs.to_string(),
            at = t.to_string()
        ),
        ureq::Error::Tls(m) => crate::say!(
            lang,
            "push-net-tls",
            url = url.as_str(),
            error = m.to_string()
        ),
        ureq::Error::Rustls(r) => tls(url, &r.to_string(), lang),
        ureq::Error::Pem(p) => crate::say!(lang, "push-net-pem", error = p.to_string()),
        ureq::Error::BodyExceedsLimit(n) => crate::say!(
            lang,
            "push-net-too-big",
            url = url.as_str(),
            mib = (n / (1024 * 1024)).to_string()
        ),
        ureq::Error::ConnectionFailed => {
            crate::say!(lang, "push-net-no-connect", url = url.as_str())
        }
        ureq::Error::Protocol(p) => crate::say!(
            lang,
            "push-net-not-http",
            url = url.as_str(),
            error = p.to_string()
        ),
        other => format!("{url}: {other}"),
    }
}

fn is_tls(msg: &str) -> bool {
    let m = msg.to_ascii_lowercase();
    ["certificate", "tls", "handshake", "alert"]
        .iter()
        .any(|w| m.contains(w))
}

/// A TLS failure, with the hint a person needs when the certificate is
/// the problem.
fn tls(url: &str, msg: &str, lang: crate::i18n::Lang) -> String {
    let hint = if msg.contains("certificate") || msg.contains("UnknownIssuer") {
        format!(" — {}", crate::say!(lang, "push-net-tls-hint"))
    } else {
        String::new()
    };
    crate::say!(
        lang,
        "push-net-tls",
        url = url,
        error = format!("{msg}{hint}")
    )
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn tls_failures_are_named_as_such() {
        let t = tls(
            "https://h",
            "invalid peer certificate: UnknownIssuer",
            crate::i18n::Lang::En,
        );
        assert!(
            t.starts_with("TLS error with https://h: invalid peer certificate"),
            "{t}"
        );
        assert!(t.contains("ca_file"));
        assert!(is_tls("received fatal alert: HandshakeFailure"));
        assert!(!is_tls("Connection reset by peer"));
    }
}
