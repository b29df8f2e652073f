//! Publication times: parsing the forms feeds, pages and live blogs write them in.

use crate::temporal::{Expr, recognize};
use crate::text::token::tokenize_into;
use chrono::{DateTime, FixedOffset, NaiveDate, NaiveDateTime, Offset as _, TimeZone as _};

/// Publication years outside this range are treated as mistakes.
pub const PLAUSIBLE_YEARS: std::ops::RangeInclusive<i32> = 1900..=2100;

/// Midnight UTC of a civil date: the time of an article known only by its day.
pub fn midnight_utc(date: NaiveDate) -> DateTime<FixedOffset> {
    utc().from_utc_datetime(&date.and_time(chrono::NaiveTime::MIN))
}

fn utc() -> FixedOffset {
    chrono::Utc.fix()
}

/// True when the time's year is plausible for a news article.
pub fn plausible(t: &DateTime<FixedOffset>) -> bool {
    use chrono::Datelike as _;
    PLAUSIBLE_YEARS.contains(&t.year())
}

/// Parses a timestamp as feeds and pages write it: RFC 3339, RFC 2822, ISO date-times
/// with or without offset (UTC assumed), a bare ISO date, Unix seconds or milliseconds,
/// or an English date ("1 June 2023", "June 1, 2023").
///
/// # Examples
/// ```
/// use dateline::article::timestamp::parse_timestamp;
/// let t = |s| parse_timestamp(s).map(|t| t.to_rfc3339());
/// assert_eq!(t("2023-06-01T16:14:00+01:00").as_deref(), Some("2023-06-01T16:14:00+01:00"));
/// assert_eq!(t("Thu, 01 Jun 2023 15:14:00 GMT").as_deref(), Some("2023-06-01T15:14:00+00:00"));
/// assert_eq!(t("2023-06-01 15:14:00").as_deref(), Some("2023-06-01T15:14:00+00:00"));
/// assert_eq!(t("1685632440").as_deref(), Some("2023-06-01T15:14:00+00:00"));
/// assert_eq!(t("June 1, 2023").as_deref(), Some("2023-06-01T00:00:00+00:00"));
/// assert_eq!(t("2023-02-30"), None);
/// ```
pub fn parse_timestamp(s: &str) -> Option<DateTime<FixedOffset>> {
    let s = s.trim();
    if s.is_empty() {
        return None;
    }
    if let Ok(t) = DateTime::parse_from_rfc3339(s) {
        return Some(t);
    }
    if let Ok(t) = DateTime::parse_from_rfc2822(s) {
        return Some(t);
    }
    for format in [
        "%Y-%m-%dT%H:%M:%S%.f%z",
        "%Y-%m-%d %H:%M:%S%.f%z",
        "%Y-%m-%dT%H:%M%z",
    ] {
        if let Ok(t) = DateTime::parse_from_str(s, format) {
            return Some(t);
        }
    }
    for format in [
        "%Y-%m-%dT%H:%M:%S%.f",
        "%Y-%m-%d %H:%M:%S%.f",
        "%Y-%m-%dT%H:%M",
        "%Y-%m-%d %H:%M",
    ] {
        if let Ok(t) = NaiveDateTime::parse_from_str(s, format) {
            return Some(utc().from_utc_datetime(&t));
        }
    }
    if let Ok(d) = NaiveDate::parse_from_str(s, "%Y-%m-%d") {
        return Some(midnight_utc(d));
    }
    if s.bytes().all(|b| b.is_ascii_digit()) && (9..=13).contains(&s.len()) {
        return s.parse::<i64>().ok().and_then(from_unix);
    }
    first_full_date(s).map(midnight_utc)
}

/// A Unix time in seconds, or in milliseconds when it is too large to be seconds.
pub fn from_unix(n: i64) -> Option<DateTime<FixedOffset>> {
    let secs = if n.abs() >= 100_000_000_000 {
        n / 1000
    } else {
        n
    };
    DateTime::from_timestamp(secs, 0).map(|t| t.fixed_offset())
}

/// The first full calendar date ("1 June 2023", "2023-06-01") written in `text`.
pub fn first_full_date(text: &str) -> Option<NaiveDate> {
    let mut tokens = Vec::new();
    tokenize_into(text, 0..text.len(), &mut tokens);
    let mut found = Vec::new();
    recognize(text, &tokens, &mut found);
    found.iter().find_map(|m| match m.expr {
        Expr::Date { year, month, day } => NaiveDate::from_ymd_opt(year, month, day),
        _ => None,
    })
}

/// The UTC offset of a time-zone name as live blogs write it ("British Summer Time",
/// "CEST", "Moscow Time", "Eastern Time") at the given local time.
///
/// # Examples
/// ```
/// use chrono::NaiveDate;
/// use dateline::article::timestamp::zone_offset;
/// let june = NaiveDate::from_ymd_opt(2023, 6, 1).unwrap().and_hms_opt(12, 0, 0).unwrap();
/// assert_eq!(zone_offset("British Summer Time", june).unwrap().local_minus_utc(), 3600);
/// assert_eq!(zone_offset("Eastern Time", june).unwrap().local_minus_utc(), -4 * 3600);
/// assert_eq!(zone_offset("Kyiv time", june).unwrap().local_minus_utc(), 3 * 3600);
/// assert!(zone_offset("Atlantis Time", june).is_none());
/// ```
pub fn zone_offset(name: &str, local: NaiveDateTime) -> Option<FixedOffset> {
    let key = name
        .split_whitespace()
        .collect::<Vec<_>>()
        .join(" ")
        .to_ascii_lowercase();
    let hours = |h: i32| FixedOffset::east_opt(h * 3600);
    let named = |tz: chrono_tz::Tz| {
        tz.from_local_datetime(&local)
            .earliest()
            .map(|t| t.offset().fix())
    };
    match key.as_str() {
        "gmt" | "utc" | "greenwich mean time" | "coordinated universal time" | "z" => hours(0),
        "bst" | "british summer time" | "irish standard time" | "ist" => hours(1),
        "cet" | "central european time" => hours(1),
        "cest" | "central european summer time" => hours(2),
        "eet" | "eastern european time" => hours(2),
        "eest" | "eastern european summer time" => hours(3),
        "msk" | "moscow time" | "moscow standard time" => hours(3),
        "uk time" | "london time" => named(chrono_tz::Europe::London),
        "kyiv time" | "kiev time" | "ukraine time" => named(chrono_tz::Europe::Kyiv),
        "paris time" | "brussels time" | "berlin time" => named(chrono_tz::Europe::Paris),
        "et" | "eastern time" => named(chrono_tz::America::New_York),
        "edt" | "eastern daylight time" => hours(-4),
        "est" | "eastern standard time" => hours(-5),
        "ct" | "central time" => named(chrono_tz::America::Chicago),
        "cdt" | "central daylight time" => hours(-5),
        "cst" | "central standard time" => hours(-6),
        "mt" | "mountain time" => named(chrono_tz::America::Denver),
        "pt" | "pacific time" => named(chrono_tz::America::Los_Angeles),
        "pdt" | "pacific daylight time" => hours(-7),
        "pst" | "pacific standard time" => hours(-8),
        "israel time" | "idt" => named(chrono_tz::Asia::Jerusalem),
        _ => None,
    }
}
