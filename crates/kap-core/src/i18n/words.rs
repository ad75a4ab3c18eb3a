//! Words a clinician types back, read in every language kap speaks at
//! once, so an answer never depends on the language given: none of them
//! means another language's opposite.

/// The word for "because" before a reason.
pub const BECAUSE: [&str; 3] = ["because", "parce que", "porque"];

/// `Some(true)` for a yes (`y`, `yes`, `o`, `oui`, `s`, `sim`),
/// `Some(false)` for a no (`n`, `no`, `non`, `não`, `nao`), in any case.
pub fn yes_no(word: &str) -> Option<bool> {
    match word.trim().to_lowercase().as_str() {
        "y" | "yes" | "o" | "oui" | "s" | "sim" => Some(true),
        "n" | "no" | "non" | "não" | "nao" => Some(false),
        _ => None,
    }
}

/// "None" for a multiple choice: `none`, `aucun(e)`, `nenhum(a)`.
pub fn is_none(word: &str) -> bool {
    ["none", "aucun", "aucune", "nenhum", "nenhuma"]
        .iter()
        .any(|w| word.trim().eq_ignore_ascii_case(w))
}

/// "Now" for a time: `now`, `maintenant`, `agora`.
pub fn is_now(word: &str) -> bool {
    ["now", "maintenant", "agora"]
        .iter()
        .any(|w| word.trim().eq_ignore_ascii_case(w))
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn each_language_s_words() {
        assert_eq!(yes_no("Oui"), Some(true));
        assert_eq!(yes_no("sim"), Some(true));
        assert_eq!(yes_no("NÃO"), Some(false));
        assert_eq!(yes_no("peut-être"), None);
        assert!(is_none("Nenhum") && is_now("agora") && !is_now("later"));
    }
}
