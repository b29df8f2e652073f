//! Property-based fuzzing (proptest) of the article readers and the temporal resolver:
//! whatever the bytes or the numbers, nothing panics and what comes out is consistent.
//!
//! `cargo test` runs a few hundred cases per property. Long runs, as done before each
//! release (see the README):
//!
//! ```sh
//! PROPTEST_CASES=2000000 cargo test --release --test fuzz -- --nocapture
//! ```
//!
//! Inputs that once failed are kept as regression cases below (`regressions`).

use chrono::{Datelike as _, NaiveDate, Weekday};
use dateline::article;
use dateline::gazetteer::Gazetteer;
use dateline::temporal::{Expr, Tense, WeekdayRel, YearRef, resolve};
use proptest::prelude::*;
use std::path::Path;

/// Bytes that look like the formats dateline reads, then damaged: a format's opening,
/// random text, and random bytes spliced in.
fn article_bytes() -> impl Strategy<Value = Vec<u8>> {
    let opening = prop_oneof![
        Just(" date 2023-06-01\n".to_owned()),
        Just(" date 2023-02-30\n".to_owned()),
        Just("{\"text\": \"".to_owned()),
        Just("[{\"body\": \"".to_owned()),
        Just("<html><head><title>T</title><meta property=\"article:published_time\" content=\"2023-06-01T10:00:00Z\"></head><body><p>".to_owned()),
        Just("Live\n\nSummary\n\n1\nHeading published at 16:14 British Summer Time 1 June 2023\n".to_owned()),
        Just("June 1, 2023\n".to_owned()),
        Just(String::new()),
    ];
    let words = prop::collection::vec(
        prop_oneof![
            Just("Kyiv".to_owned()),
            Just("Kiev's".to_owned()),
            Just("Belgorod region".to_owned()),
            Just("on Saturday".to_owned()),
            Just("3 May".to_owned()),
            Just("in mid-July".to_owned()),
            Just("last year".to_owned()),
            Just("published at 25:99 Moscow Time 31 February 2023".to_owned()),
            Just("\"}, {\"date\": 5, \"text\": [".to_owned()),
            Just("</p><p>".to_owned()),
            Just(". ".to_owned()),
            Just("\n\n".to_owned()),
            "\\PC{0,12}",
        ],
        0..40,
    );
    let noise = prop::collection::vec((any::<usize>(), any::<u8>()), 0..6);
    (opening, words, noise).prop_map(|(open, words, noise)| {
        let mut bytes = (open + &words.join(" ")).into_bytes();
        for (at, byte) in noise {
            if !bytes.is_empty() {
                let at = at % bytes.len();
                bytes.insert(at, byte);
            }
        }
        bytes
    })
}

/// Reads the bytes as a file of each extension, extracts events, and checks that every
/// offset points into the text at character boundaries.
fn read_and_extract(bytes: &[u8]) {
    for name in ["a.txt", "a.json", "a.jsonl", "a.html", "a"] {
        let Ok(parsed) = article::parse(Path::new(name), bytes.to_vec(), None) else {
            continue;
        };
        let a = &parsed.article;
        let text = a.text.to_str();
        for item in &a.items {
            assert!(text.get(item.span.clone()).is_some(), "item span {name}");
            for seg in &item.segments {
                assert!(text.get(seg.clone()).is_some(), "segment {name}");
            }
        }
        let extraction = dateline::extract::extract(a, Gazetteer::embedded());
        for event in &extraction.events {
            let (s, e) = (event.start as usize, event.end as usize);
            assert!(
                s < e && text.get(s..e).is_some(),
                "mention {s}..{e} in {name}"
            );
            let (s, e) = (event.sentence_start as usize, event.sentence_end as usize);
            assert!(text.get(s..e).is_some(), "sentence {s}..{e} in {name}");
        }
    }
}

fn expr() -> impl Strategy<Value = Expr> {
    let weekday = (0u8..7).prop_map(|d| Weekday::try_from(d).unwrap_or(Weekday::Mon));
    let rel = prop_oneof![
        Just(WeekdayRel::Latest),
        Just(WeekdayRel::Last),
        Just(WeekdayRel::Next),
        Just(WeekdayRel::Upcoming),
    ];
    let year_ref = || {
        prop_oneof![
            Just(YearRef::Unspecified),
            Just(YearRef::That),
            any::<i32>().prop_map(YearRef::Relative),
        ]
    };
    prop_oneof![
        (any::<i32>(), any::<u32>(), any::<u32>()).prop_map(|(year, month, day)| Expr::Date {
            year,
            month,
            day
        }),
        (any::<u32>(), any::<u32>(), year_ref()).prop_map(|(month, day, year)| Expr::DayMonth {
            month,
            day,
            year
        }),
        (any::<i32>(), any::<u32>()).prop_map(|(year, month)| Expr::MonthYear { year, month }),
        (any::<u32>(), year_ref()).prop_map(|(month, year)| Expr::Month { month, year }),
        any::<i32>().prop_map(Expr::Year),
        (weekday, rel).prop_map(|(weekday, rel)| Expr::Weekday { weekday, rel }),
        any::<i32>().prop_map(Expr::RelativeDays),
        any::<i32>().prop_map(Expr::RelativeWeeks),
        any::<i32>().prop_map(Expr::RelativeMonths),
        any::<i32>().prop_map(Expr::RelativeYears),
    ]
}

fn published() -> impl Strategy<Value = NaiveDate> {
    prop_oneof![
        // Ordinary news dates, and the ends of what chrono can represent.
        (1900i32..2100, 1u32..=366)
            .prop_map(|(y, d)| { NaiveDate::from_yo_opt(y, d.min(365)).unwrap_or(NaiveDate::MIN) }),
        Just(NaiveDate::MIN),
        Just(NaiveDate::MAX),
    ]
}

fn tense() -> impl Strategy<Value = Tense> {
    prop_oneof![Just(Tense::Past), Just(Tense::Present), Just(Tense::Future)]
}

proptest! {
    #![proptest_config(ProptestConfig { cases: 256, ..ProptestConfig::default() })]

    /// Any bytes: parsing and extraction never panic, offsets stay in the text.
    #[test]
    fn readers_survive_any_bytes(bytes in prop::collection::vec(any::<u8>(), 0..600)) {
        read_and_extract(&bytes);
    }

    /// Damaged articles of every format: the same.
    #[test]
    fn readers_survive_damaged_articles(bytes in article_bytes()) {
        read_and_extract(&bytes);
    }

    /// Any expression against any publication date: no panic, and a resolved date is
    /// a real calendar period (its last day not before its first).
    #[test]
    fn resolver_survives_any_expression(
        e in expr(),
        p in published(),
        t in tense(),
        that_year in proptest::option::of(any::<i32>()),
    ) {
        if let Some(date) = resolve(e, p, t, that_year) {
            prop_assert!(date.last_day() >= date.first_day);
            if let Expr::Date { year, month, day } = e {
                prop_assert_eq!((date.first_day.year(), date.first_day.month(), date.first_day.day()), (year, month, day));
            }
        }
    }
}

/// What the long runs found, kept so it never comes back: years far enough from the
/// publication date overflowed `i32` ("2,147,221,506 years ago" against a date near
/// chrono's minimum) and panicked in debug builds.
#[test]
fn resolver_regressions() {
    let p = NaiveDate::MIN;
    assert_eq!(
        resolve(Expr::RelativeYears(-2_147_221_506), p, Tense::Past, None),
        None
    );
    let month = Expr::Month {
        month: 5,
        year: YearRef::Relative(i32::MIN),
    };
    assert_eq!(resolve(month, NaiveDate::MAX, Tense::Past, None), None);
}

/// Inputs that failed once, kept so they never come back.
#[test]
fn regressions() {
    let cases: &[&[u8]] = &[
        b" date 2023-06-01\n\xff\xfe",
        b"{\"text\": \"Kyiv on Saturday\", \"date\": \"2023-02-30\"}",
    ];
    for bytes in cases {
        read_and_extract(bytes);
    }
}
