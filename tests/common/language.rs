//! kap's language is one for the whole test process. A test binary whose
//! tests speak other languages holds it in every test: English unless the
//! test sets another, and English again when the guard goes, so a test
//! speaking French never runs beside one that reads English.

use std::sync::{Mutex, MutexGuard};

static LANG: Mutex<()> = Mutex::new(());

/// The language held, English, until dropped.
pub struct Language(#[allow(dead_code)] MutexGuard<'static, ()>);

pub fn english() -> Language {
    let held = LANG.lock().unwrap_or_else(|e| e.into_inner());
    kap::i18n::set(kap::i18n::Lang::En);
    Language(held)
}

impl Drop for Language {
    fn drop(&mut self) {
        kap::i18n::set(kap::i18n::Lang::En);
    }
}
