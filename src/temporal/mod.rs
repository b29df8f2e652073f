//! Temporal expressions: recognising them in a sentence and resolving them to dates.
//!
//! Recognition ([`recognize`]) and resolution ([`resolve`]) are separate, as in jiff's
//! `fmt` modules: the recogniser turns tokens into an unresolved [`Expr`] with its span,
//! and the resolver turns an `Expr` into an [`EventDate`] against the item's own
//! publication date P (the rules of `../shared/eval/GUIDELINES.md`):
//!
//! | expression | resolves to |
//! |---|---|
//! | "1 June 2023", "June 1, 2023", "2023-06-01", "26.04.2022" | that day |
//! | "3 May", "June 3", "Saturday, June 3" | that day in the latest year that keeps it ≤ P in a past-tense sentence, the next one ≥ P in a future-tense one, else the nearer ("the summit is on 11 July"); with no verb of its own in a past sentence, the coming one if that is within three months and the past one over half a year back ([`tense_for`]) |
//! | "the night of 4-5 June", "4–5 June", "May 30-31" | the range's first day, read as above |
//! | "on Tuesday", "late Wednesday", "Friday night", "early hours of Sunday" | the latest such weekday ≤ P ("last Tuesday": < P; "next Tuesday": > P; after "will", "scheduled", "set to" …, or its own "would" ("would cross on Wednesday"), or as the subject of "will" or "would" ("said Monday would be a holiday"), or after "could" or "might" earlier in the sentence ("could bring more rain to the hills of Vermont on Thursday"; not "could not", "could have", "could see"), or after "until" ("closed until at least Saturday"; not after a negation: "had not been reached until Sunday"): the coming one ≥ P; "Tuesday last week": the Tuesday of the week before P's, weeks starting on Monday) |
//! | "over the weekend", "this weekend" / "last weekend" / "next weekend" | its Saturday, as for "on Saturday" / "last Saturday" / "next Saturday" |
//! | "today", "this morning", "tonight", "overnight", "in the early hours" | P |
//! | "overnight on Thursday", "overnight into Friday" | that weekday, as for "on Thursday" |
//! | "yesterday", "last night", "the previous night" / "tomorrow" / "3 days ago" | P-1 / P+1 / P-3 |
//! | "this week", "last week", "next week" | P (no day is named; "Friday next week" names one) |
//! | "in May", "mid-July", "late May", "throughout May" | that month (month granularity): the latest ≤ P in a past-tense sentence, the next one ≥ P in a future-tense one, else the nearer; the same three-month rule as a day and month |
//! | "this month", "earlier this month" / "last month" / "next month" | P's month / the one before / after |
//! | "June of last year", "May last year", "last June" | that month of P's year - 1 |
//! | "27 February last year", "March 3 of next year" | that day of P's year - 1 / + 1 |
//! | "in May of that year", "on 18 March that year" | that month / day of the year last named in the item |
//! | "July 2024" | that month |
//! | "in 2014", "since 2008", "the 2022 invasion", "a 1999 quake" | that year (year granularity) |
//! | "this year" / "last year" / "next year" | P's year / -1 / +1 |
//!
//! A sentence is future tense when it holds "will", "would", "shall", "'ll", "going to",
//! "plans to", "hopes/hoped to", "aims to", "intends to", "scheduled", "expected to",
//! "due to", "set to", "forecast to", "likely to", "poised to", "promised/pledged/vowed
//! to", "upcoming", "coming" or
//! "next" ("would" counts here, but not for weekdays: "said on Tuesday it would" is
//! reported speech about the past; as a weekday's own verb it does, and so does
//! "should": "should begin to clear on Friday" is the coming Friday; a future word or
//! "should" still governs a weekday up to twelve words on where no other verb comes
//! between: "should rise above freezing across most of Texas by Saturday"); past tense
//! when it holds a past-tense verb ("was", "struck", "shelled"; not a bare verb after a
//! modal or "to": "could hit", "to hit", nor a passive one after a modal: "would not be
//! allowed", "will be suspended"; the reporting verbs "said", "told", "added" …
//! do not count, since they say nothing of what is reported); present otherwise.
//!
//! A month or a day and month takes the tense of its own verb where the words next to
//! it tell, before the sentence's: the nearest tense word before it in its clause ("who
//! was in Kyiv on 13 June, will travel…": past; "said on 3 May that it would…": past,
//! since a reporting verb is past for what it is dated by; "the summit is on 11 July":
//! present), for an expression that opens the sentence before a comma the first tense
//! word after it ("On 12 June, officials said they will…": past), and "since" always
//! looks back.
//!
//! Not dates: "F-16", "Su-34", "10 missiles", "24/7", "463rd day", "2.6 million", clock
//! times alone, "earlier", "recently", "in recent weeks", "the first month of the war".
//! Bare years need a preposition or article before them ("in 2014"; after "a", a
//! lower-case word after a space: "a 2000-strong force" is no date), and "May",
//! "March" and "August" need a cue ("in May", "3 May", "May 2023") since they are also
//! ordinary words and names.
//!
//! Known limits: seasons ("last summer"), quarters, decades ("the 1990s"), ranges across
//! months ("30 May-2 June" gives 2 June), ambiguous slash dates ("03/04/2023") and time
//! zones inside the text are not resolved; a range of days within a month is dated by
//! its first day only.

mod recognize;
mod resolve;

pub use recognize::{Expr, TemporalMention, Tense, WeekdayRel, YearRef, recognize};
pub use resolve::{resolve, tense_for};

use chrono::{Datelike as _, NaiveDate};
use std::fmt;

/// How precisely an event date is known.
#[derive(
    Clone, Copy, Debug, PartialEq, Eq, PartialOrd, Ord, Hash, serde::Serialize, serde::Deserialize,
)]
#[serde(rename_all = "lowercase")]
pub enum Granularity {
    /// A calendar year.
    Year,
    /// A calendar month.
    Month,
    /// A single day.
    Day,
}

impl Granularity {
    /// The INTERFACE.md spelling: "day", "month" or "year".
    pub fn as_str(self) -> &'static str {
        match self {
            Self::Year => "year",
            Self::Month => "month",
            Self::Day => "day",
        }
    }
}

/// Where an event's date came from.
#[derive(Clone, Copy, Debug, PartialEq, Eq, Hash, serde::Serialize, serde::Deserialize)]
#[serde(rename_all = "lowercase")]
pub enum DateSource {
    /// A temporal expression in the mention's sentence.
    Text,
    /// The publication date of the item (no expression governs the mention).
    Published,
}

impl DateSource {
    /// The INTERFACE.md spelling: "text" or "published".
    pub fn as_str(self) -> &'static str {
        match self {
            Self::Text => "text",
            Self::Published => "published",
        }
    }
}

/// A civil date with a granularity; `first_day` is the first day of the period.
#[derive(Clone, Copy, Debug, PartialEq, Eq, PartialOrd, Ord, Hash)]
pub struct EventDate {
    /// First day of the day, month or year.
    pub first_day: NaiveDate,
    /// Whether this is a day, a month or a year.
    pub granularity: Granularity,
}

impl EventDate {
    /// A single day.
    pub fn day(date: NaiveDate) -> Self {
        Self {
            first_day: date,
            granularity: Granularity::Day,
        }
    }

    /// A whole month; `None` for an invalid year or month.
    pub fn month(year: i32, month: u32) -> Option<Self> {
        Some(Self {
            first_day: NaiveDate::from_ymd_opt(year, month, 1)?,
            granularity: Granularity::Month,
        })
    }

    /// A whole year; `None` for a year chrono cannot represent.
    pub fn year(year: i32) -> Option<Self> {
        Some(Self {
            first_day: NaiveDate::from_ymd_opt(year, 1, 1)?,
            granularity: Granularity::Year,
        })
    }

    /// The last day of the period.
    pub fn last_day(&self) -> NaiveDate {
        let d = self.first_day;
        let next = match self.granularity {
            Granularity::Day => return d,
            Granularity::Month => {
                if d.month() == 12 {
                    NaiveDate::from_ymd_opt(d.year() + 1, 1, 1)
                } else {
                    NaiveDate::from_ymd_opt(d.year(), d.month() + 1, 1)
                }
            }
            Granularity::Year => NaiveDate::from_ymd_opt(d.year() + 1, 1, 1),
        };
        next.and_then(|n| n.pred_opt()).unwrap_or(d)
    }
}

impl fmt::Display for EventDate {
    /// The period in its own precision: "2023-06-01", "2023-07" or "2014".
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        let d = self.first_day;
        match self.granularity {
            Granularity::Day => write!(f, "{}", d.format("%Y-%m-%d")),
            Granularity::Month => write!(f, "{}", d.format("%Y-%m")),
            Granularity::Year => write!(f, "{}", d.format("%Y")),
        }
    }
}
