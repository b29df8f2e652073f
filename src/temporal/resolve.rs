//! Resolution: an [`Expr`] plus the item's publication date → an [`EventDate`].

use super::{EventDate, Expr, Tense, WeekdayRel, YearRef};
use chrono::{Datelike as _, Days, Months, NaiveDate};

/// Resolves `expr` against the publication date `published`.
///
/// `tense` is the sentence's tense. A month without a year is the latest one ≤ P in
/// the past tense, the next one ≥ P in the future tense, and the nearer of the two
/// otherwise (present tense, headlines); a day and month without a year is the next
/// occurrence only in the future tense. `that_year` is the year last named in the item,
/// for "that year". Returns `None` for impossible dates ("30 February") and years chrono
/// cannot represent.
///
/// # Examples
/// ```
/// use chrono::NaiveDate;
/// use dateline::temporal::{resolve, EventDate, Expr, Tense, WeekdayRel, YearRef};
/// let p = NaiveDate::from_ymd_opt(2023, 6, 1).unwrap(); // a Thursday
/// let tuesday = Expr::Weekday { weekday: chrono::Weekday::Tue, rel: WeekdayRel::Latest };
/// assert_eq!(resolve(tuesday, p, Tense::Past, None).unwrap().to_string(), "2023-05-30");
/// let mid_july = Expr::Month { month: 7, year: YearRef::Unspecified };
/// assert_eq!(resolve(mid_july, p, Tense::Future, None).unwrap().to_string(), "2023-07");
/// assert_eq!(resolve(mid_july, p, Tense::Past, None).unwrap().to_string(), "2022-07");
/// assert_eq!(resolve(mid_july, p, Tense::Present, None).unwrap().to_string(), "2023-07");
/// let feb_30 = Expr::DayMonth { month: 2, day: 30, year: YearRef::Unspecified };
/// assert_eq!(resolve(feb_30, p, Tense::Past, None), None);
/// let a_year_back = Expr::DayMonth { month: 2, day: 24, year: YearRef::Relative(-1) };
/// assert_eq!(resolve(a_year_back, p, Tense::Past, None).unwrap().to_string(), "2022-02-24");
/// ```
pub fn resolve(
    expr: Expr,
    published: NaiveDate,
    tense: Tense,
    that_year: Option<i32>,
) -> Option<EventDate> {
    let p = published;
    match expr {
        Expr::Date { year, month, day } => {
            NaiveDate::from_ymd_opt(year, month, day).map(EventDate::day)
        }
        Expr::DayMonth { month, day, year } => match year {
            YearRef::Unspecified => match tense {
                Tense::Future => day_month(p, month, day, true),
                Tense::Past => day_month(p, month, day, false),
                // The nearer occurrence, as for a month ("the summit is on 11 July"); a
                // tie goes back.
                Tense::Present => {
                    let behind = day_month(p, month, day, false);
                    let ahead = day_month(p, month, day, true);
                    match (behind, ahead) {
                        (Some(b), Some(a)) if (a - p) < (p - b) => Some(a),
                        (b, a) => b.or(a),
                    }
                }
            },
            YearRef::Relative(offset) => {
                NaiveDate::from_ymd_opt(p.year().checked_add(offset)?, month, day)
            }
            YearRef::That => NaiveDate::from_ymd_opt(that_year.unwrap_or(p.year()), month, day),
        }
        .map(EventDate::day),
        Expr::MonthYear { year, month } => EventDate::month(year, month),
        Expr::Month { month, year } => {
            let year = match year {
                YearRef::Relative(offset) => p.year().checked_add(offset)?,
                YearRef::That => that_year.unwrap_or(p.year()),
                YearRef::Unspecified => {
                    let next = if month >= p.month() {
                        p.year()
                    } else {
                        p.year() + 1
                    };
                    let latest = if month <= p.month() {
                        p.year()
                    } else {
                        p.year() - 1
                    };
                    match tense {
                        Tense::Future => next,
                        Tense::Past => latest,
                        Tense::Present => {
                            // The nearer occurrence; a tie (six months either way) goes back, as news
                            // more often looks back.
                            let (behind, ahead) = months_away(p, month);
                            if ahead < behind { next } else { latest }
                        }
                    }
                }
            };
            EventDate::month(year, month)
        }
        Expr::Year(year) => EventDate::year(year),
        Expr::Weekday { weekday, rel } => {
            let today = p.weekday().num_days_from_monday();
            let target = weekday.num_days_from_monday();
            let back = (today + 7 - target) % 7;
            let date = match rel {
                WeekdayRel::Latest => p.checked_sub_days(Days::new(u64::from(back))),
                WeekdayRel::Last => {
                    p.checked_sub_days(Days::new(u64::from(if back == 0 { 7 } else { back })))
                }
                WeekdayRel::Next => {
                    let ahead = (target + 7 - today) % 7;
                    p.checked_add_days(Days::new(u64::from(if ahead == 0 { 7 } else { ahead })))
                }
                WeekdayRel::Upcoming => {
                    p.checked_add_days(Days::new(u64::from((target + 7 - today) % 7)))
                }
                WeekdayRel::LastWeek => add_days(p, i64::from(target) - i64::from(today) - 7),
                WeekdayRel::NextWeek => add_days(p, i64::from(target) - i64::from(today) + 7),
            };
            date.map(EventDate::day)
        }
        Expr::RelativeDays(n) => add_days(p, i64::from(n)).map(EventDate::day),
        // GUIDELINES.md: "this week" and "last week" date to P itself; so does "next
        // week", which names no day either (a day of it is named: "Friday next week").
        Expr::RelativeWeeks(_) => Some(EventDate::day(p)),
        Expr::RelativeMonths(n) => {
            let first = p.with_day(1)?;
            let shifted = if n >= 0 {
                first.checked_add_months(Months::new(n.unsigned_abs()))
            } else {
                first.checked_sub_months(Months::new(n.unsigned_abs()))
            }?;
            EventDate::month(shifted.year(), shifted.month())
        }
        Expr::RelativeYears(n) => EventDate::year(p.year().checked_add(n)?),
    }
}

fn add_days(p: NaiveDate, n: i64) -> Option<NaiveDate> {
    if n >= 0 {
        p.checked_add_days(Days::new(n.unsigned_abs()))
    } else {
        p.checked_sub_days(Days::new(n.unsigned_abs()))
    }
}

/// The tense `expr` is resolved in: that of its own verb where the words next to it tell
/// (`own`), else the sentence's. But a past sentence does not pull back a day or month
/// that has no year and no verb of its own when that reading lies over half a year back
/// and the coming one within three months ("…wrapped up talks in Oslo, preparing for the
/// summit in Vilnius on July 11-12", written on 2 June): news gives dates that old their
/// year ("last July", "July 11 last year").
///
/// # Examples
/// ```
/// use chrono::NaiveDate;
/// use dateline::temporal::{tense_for, Expr, Tense, YearRef};
/// let p = NaiveDate::from_ymd_opt(2023, 6, 2).unwrap();
/// let july_11 = Expr::DayMonth { month: 7, day: 11, year: YearRef::Unspecified };
/// assert_eq!(tense_for(july_11, None, Tense::Past, p), Tense::Future);
/// assert_eq!(tense_for(july_11, Some(Tense::Past), Tense::Past, p), Tense::Past); // "signed on July 11"
/// let may_3 = Expr::DayMonth { month: 5, day: 3, year: YearRef::Unspecified };
/// assert_eq!(tense_for(may_3, None, Tense::Past, p), Tense::Past);
/// ```
pub fn tense_for(expr: Expr, own: Option<Tense>, sentence: Tense, published: NaiveDate) -> Tense {
    if let Some(tense) = own {
        return tense;
    }
    if sentence != Tense::Past {
        return sentence;
    }
    let p = published;
    let (behind, ahead) = match expr {
        Expr::DayMonth {
            month,
            day,
            year: YearRef::Unspecified,
        } => {
            let (Some(b), Some(a)) = (
                day_month(p, month, day, false),
                day_month(p, month, day, true),
            ) else {
                return sentence;
            };
            ((p - b).num_days(), (a - p).num_days())
        }
        Expr::Month {
            month,
            year: YearRef::Unspecified,
        } => {
            let (behind, ahead) = months_away(p, month);
            (behind * 30, ahead * 30)
        }
        _ => return sentence,
    };
    if behind > 183 && ahead <= 92 {
        Tense::Future
    } else {
        sentence
    }
}

/// How many months back the latest `month` ≤ P's lies, and how many ahead the next one ≥
/// P's (both 0 in P's own month).
fn months_away(p: NaiveDate, month: u32) -> (i64, i64) {
    let (now, then) = (i64::from(p.month()), i64::from(month));
    ((now - then).rem_euclid(12), (then - now).rem_euclid(12))
}

/// The latest valid `month`/`day` on or before `p` (or the first on or after it when
/// `future`), looking up to eight years away so 29 February can be found.
fn day_month(p: NaiveDate, month: u32, day: u32, future: bool) -> Option<NaiveDate> {
    (0..8).find_map(|k| {
        let year = if future { p.year() + k } else { p.year() - k };
        NaiveDate::from_ymd_opt(year, month, day).filter(|d| if future { *d >= p } else { *d <= p })
    })
}
