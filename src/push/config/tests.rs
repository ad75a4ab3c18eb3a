//! The site config file read and checked.

use super::*;

fn p(text: &str) -> Result<Config, Vec<String>> {
    let lang = crate::i18n::Lang::En;
    parse(Path::new("/etc/kap/push.toml"), text, crate::i18n::Lang::En).map_err(|d| {
        d.iter()
            .map(|d| crate::i18n::Phrase::say(&d.short(), lang))
            .collect()
    })
}

#[test]
fn a_full_config_parses() {
    let c = p("base_url = \"https://fhir.clinic.example/r4/\"\ntoken_file = \"token\"\ntimeout_seconds = 10\nca_file = \"/etc/kap/ca.pem\"\n")
        .unwrap();
    assert_eq!(c.base_url, "https://fhir.clinic.example/r4");
    assert_eq!(c.token, TokenSource::File("/etc/kap/token".into()));
    assert_eq!(c.timeout, Duration::from_secs(10));
    assert_eq!(c.ca_file, Some("/etc/kap/ca.pem".into()));
    assert!(!c.insecure);
    let c = p("base_url = \"https://h\"\ntoken_env = \"KAP_TOKEN\"\n").unwrap();
    assert_eq!(c.token, TokenSource::Env("KAP_TOKEN".into()));
    assert_eq!(c.timeout, Duration::from_secs(DEFAULT_TIMEOUT));
}

#[test]
fn an_unknown_key_names_its_line_and_column() {
    let e = p("base_url = \"https://h\"\n  token = \"abc\"\n").unwrap_err();
    assert_eq!(e.len(), 1);
    assert!(e[0].starts_with("2:3: unknown field `token`"), "{e:?}");
    let d = parse(
        Path::new("/etc/kap/push.toml"),
        "tokn_file = 1\n",
        crate::i18n::Lang::En,
    )
    .unwrap_err();
    assert!(
        d[0].say(crate::i18n::Lang::En)
            .starts_with("/etc/kap/push.toml:1:1: error:"),
        "{}",
        d[0].say(crate::i18n::Lang::En)
    );
}

#[test]
fn plain_http_is_refused_except_to_loopback_or_when_allowed() {
    let e = p("token_env = \"T\"\nbase_url = \"http://fhir.clinic.example\"\n").unwrap_err();
    assert!(e[0].starts_with("2:12: base_url: plain http://"), "{e:?}");
    for ok in [
        "http://127.0.0.1:8080",
        "http://127.3.2.1",
        "http://localhost:9/fhir",
        "http://[::1]:8080/",
    ] {
        let c = p(&format!("base_url = \"{ok}\"\n")).unwrap();
        assert!(!c.insecure, "{ok}");
    }
    let c = p("base_url = \"http://10.0.0.5\"\nallow_insecure_http = true\n").unwrap();
    assert!(c.insecure);
    // Not loopback, whatever it starts with.
    assert!(p("base_url = \"http://127.0.0.1.evil.example\"\n").is_err());
    assert!(p("base_url = \"http://localhost.evil.example\"\n").is_err());
}

#[test]
fn bad_urls_and_values_are_all_named() {
    for (url, why) in [
        ("ftp://h", "scheme"),
        ("https://user:pw@h/", "no user name"),
        ("https://h/?a=1", "no query"),
        ("https:///x", "no host"),
        ("fhir.example", "not a URL"),
    ] {
        let e = p(&format!("base_url = \"{url}\"\n")).unwrap_err();
        assert!(e[0].contains(why), "{url}: {e:?}");
    }
    let e =
        p("base_url = \"https://h\"\ntoken_file = \"a\"\ntoken_env = \"B\"\ntimeout_seconds = 0\n")
            .unwrap_err();
    assert_eq!(e.len(), 2, "{e:?}");
    assert!(e[0].starts_with("3:13: token_env: give token_file or token_env"));
    assert!(e[1].starts_with("4:19: timeout_seconds: 0 is outside"));
    assert!(p("base_url = \"https://h\"\ntoken_env = \"1-A\"\n").is_err());
    assert!(p("token_file = \"t\"\n").unwrap_err()[0].contains("missing field `base_url`"));
}

#[test]
fn the_sites_identifier_systems_are_uris_and_the_clinics_number_wins() {
    let c = p("base_url = \"https://h\"\npatient_system = \"https://north.example/pseudonym\"\n")
        .unwrap();
    let i = c.identity().unwrap();
    assert_eq!(i.system, "https://north.example/pseudonym");
    assert!(!i.clinic_number);
    assert_eq!(c.read_timeout, Duration::from_secs(DEFAULT_READ_TIMEOUT));
    let c = p("base_url = \"https://h\"\npatient_system = \"urn:x\"\nmrn_system = \"urn:oid:1.2.3\"\nread_timeout_seconds = 2\n")
        .unwrap();
    let i = c.identity().unwrap();
    assert_eq!(
        (i.system.as_str(), i.clinic_number),
        ("urn:oid:1.2.3", true)
    );
    assert_eq!(c.read_timeout, Duration::from_secs(2));
    assert!(
        p("base_url = \"https://h\"\n")
            .unwrap()
            .identity()
            .is_none()
    );
    let e = p("base_url = \"https://h\"\nmrn_system = \"clinic mrn\"\nread_timeout_seconds = 0\n")
        .unwrap_err();
    assert_eq!(e.len(), 2, "{e:?}");
    assert!(e[0].starts_with("2:14: mrn_system:"), "{e:?}");
    assert!(p("base_url = \"https://h\"\npatient_system = \"urn:a|b\"\n").is_err());
}

#[test]
fn a_token_file_others_can_read_is_refused() {
    let f = Path::new("/etc/kap/token");
    assert!(check_token_mode(f, 0o100600, crate::i18n::Lang::En).is_ok());
    assert!(check_token_mode(f, 0o100400, crate::i18n::Lang::En).is_ok());
    let e = check_token_mode(f, 0o100644, crate::i18n::Lang::En).unwrap_err();
    assert!(e.contains("mode 0644") && e.contains("chmod 600"), "{e}");
    assert!(check_token_mode(f, 0o100620, crate::i18n::Lang::En).is_err());
    assert!(check_token_mode(f, 0o100601, crate::i18n::Lang::En).is_err());
}

#[test]
fn a_token_is_one_clean_line_and_never_shown() {
    let s = check_token("abc.DEF-123\n", "t", crate::i18n::Lang::En).unwrap();
    assert_eq!(s.header(), "Bearer abc.DEF-123");
    assert_eq!(format!("{s:?}"), "Secret(…)");
    assert!(check_token("\n", "t", crate::i18n::Lang::En).is_err());
    assert!(check_token("a b", "t", crate::i18n::Lang::En).is_err());
    assert!(check_token("a\r\nX-Evil: 1", "t", crate::i18n::Lang::En).is_err());
}

#[test]
fn a_token_file_is_read_only_when_private() {
    let dir = tempfile::tempdir().unwrap();
    let tok = dir.path().join("token");
    std::fs::write(&tok, "sekrit\n").unwrap();
    let cfg = dir.path().join("push.toml");
    let c = parse(
        &cfg,
        "base_url = \"https://h\"\ntoken_file = \"token\"\n",
        crate::i18n::Lang::En,
    )
    .unwrap();
    std::fs::set_permissions(&tok, std::fs::Permissions::from_mode(0o644)).unwrap();
    assert!(
        read_token(&c, crate::i18n::Lang::En)
            .unwrap_err()
            .contains("chmod 600")
    );
    std::fs::set_permissions(&tok, std::fs::Permissions::from_mode(0o600)).unwrap();
    assert_eq!(
        read_token(&c, crate::i18n::Lang::En)
            .unwrap()
            .unwrap()
            .header(),
        "Bearer sekrit"
    );
}
