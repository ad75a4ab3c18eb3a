//! Numbers, dates and times for people, as each language writes them:
//! a decimal comma in French and Portuguese (52,5 mL/h), 24-hour times,
//! dates in the order each place uses.

use super::{Lang, text};
use chrono::{Datelike, NaiveDate, NaiveTime, Timelike};

/// A number for people: up to three decimals, no trailing zeros, with the
/// language's decimal mark.
pub fn num_in(lang: Lang, x: f64) -> String {
    let s = crate::protocol::dose::num(x);
    if lang.decimal_comma() {
        s.replace('.', ",")
    } else {
        s
    }
}

/// 24-hour time, "14:05".
pub fn time(t: NaiveTime) -> String {
    format!("{:02}:{:02}", t.hour(), t.minute())
}

/// A full date: 2026-01-12 (English and Québec French, as ISO 8601), or
/// 12/01/2026 (Brazilian Portuguese).
pub fn date_in(lang: Lang, d: NaiveDate) -> String {
    match lang {
        Lang::PtBr => format!("{:02}/{:02}/{}", d.day(), d.month(), d.year()),
        Lang::En | Lang::FrCa => format!("{}-{:02}-{:02}", d.year(), d.month(), d.day()),
    }
}

/// A short date with the weekday, for schedules: "Mon 12 Jan",
/// "lun. 12 janv.", "seg. 12 jan.".
pub fn date_short_in(lang: Lang, d: NaiveDate) -> String {
    let wd = d.weekday().number_from_monday();
    let weekday = text(lang, &format!("weekday-{wd}"), None);
    let month = text(lang, &format!("month-{}", d.month()), None);
    let mut args = super::FluentArgs::new();
    args.set("weekday", weekday);
    args.set("day", d.day().to_string());
    args.set("month", month);
    text(lang, "date-short", Some(&args))
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn numbers_and_dates_as_each_language_writes_them() {
        assert_eq!(num_in(Lang::En, 52.5), "52.5");
        assert_eq!(num_in(Lang::FrCa, 52.5), "52,5");
        assert_eq!(num_in(Lang::PtBr, 0.875), "0,875");
        assert_eq!(num_in(Lang::PtBr, 35.0), "35");
        let d = NaiveDate::from_ymd_opt(2026, 1, 12).unwrap();
        assert_eq!(date_in(Lang::En, d), "2026-01-12");
        assert_eq!(date_in(Lang::FrCa, d), "2026-01-12");
        assert_eq!(date_in(Lang::PtBr, d), "12/01/2026");
        assert_eq!(date_short_in(Lang::En, d), "Mon 12 Jan");
        assert_eq!(date_short_in(Lang::FrCa, d), "lun. 12 janv.");
        assert_eq!(date_short_in(Lang::PtBr, d), "seg. 12 jan.");
        let t = NaiveTime::from_hms_opt(9, 5, 59).unwrap();
        assert_eq!(time(t), "09:05");
    }
}
