//! Table-driven extraction tests: `tests/data/temporal.toml` and `tests/data/places.toml`.
//!
//! Each case runs the real pipeline (parse → extract) on a small article, so the tables
//! check what `dateline events` would print, not an internal helper. All failures of a
//! table are reported together.

#![expect(clippy::expect_used, reason = "test helpers outside #[test] fns")]

use dateline::article::parse;
use dateline::extract::{Extraction, extract};
use dateline::gazetteer::Gazetteer;
use serde::Deserialize;

#[derive(Deserialize)]
struct Table<C> {
    case: Vec<C>,
}

#[derive(Deserialize)]
#[serde(deny_unknown_fields)]
struct TemporalCase {
    name: String,
    published: String,
    text: String,
    expect: Vec<ExpectedDate>,
}

#[derive(Debug, Deserialize, PartialEq)]
#[serde(deny_unknown_fields)]
struct ExpectedDate {
    span: String,
    date: String,
    granularity: String,
}

#[derive(Deserialize)]
#[serde(deny_unknown_fields)]
struct PlaceCase {
    name: String,
    text: String,
    /// Mention, place name, kind and, where namesakes share name and kind, the place's
    /// country code, or country code and first-level region ("US/Georgia").
    expect: Vec<Vec<String>>,
}

fn run(published: &str, text: &str) -> (String, Extraction) {
    let bytes = format!(" date {published} {text}").into_bytes();
    let article = parse("case.txt".as_ref(), bytes, None)
        .expect("case parses")
        .article;
    let extraction = extract(&article, Gazetteer::embedded());
    (article.text.to_str().into_owned(), extraction)
}

fn load<C: for<'de> Deserialize<'de>>(path: &str) -> Vec<C> {
    let raw = std::fs::read_to_string(path).expect("table file reads");
    toml::from_str::<Table<C>>(&raw).expect("table parses").case
}

/// Runs every case of a table through `check` (which returns the wanted and the found
/// values as text when they differ) and reports all failures together.
fn check_table<C>(table: &str, cases: &[C], minimum: usize, check: impl Fn(&C) -> Option<String>) {
    assert!(
        cases.len() >= minimum,
        "the issue asks for at least {minimum} {table} cases, have {}",
        cases.len()
    );
    let failures: Vec<String> = cases.iter().filter_map(check).collect();
    assert!(
        failures.is_empty(),
        "{} of {} {table} cases failed:\n{}",
        failures.len(),
        cases.len(),
        failures.join("\n")
    );
}

fn differ<T: PartialEq + std::fmt::Debug>(
    name: &str,
    text: &str,
    want: &T,
    got: &T,
) -> Option<String> {
    (want != got).then(|| format!("{name}:\n  text: {text}\n  want: {want:?}\n  got:  {got:?}"))
}

/// Every temporal case resolves to exactly its expected spans, dates and granularities.
#[test]
fn temporal_table() {
    let cases: Vec<TemporalCase> = load("tests/data/temporal.toml");
    check_table("temporal", &cases, 40, |case| {
        let (text, extraction) = run(&case.published, &case.text);
        let got: Vec<ExpectedDate> = extraction
            .dates
            .iter()
            .map(|d| ExpectedDate {
                span: text[d.start as usize..d.end as usize].to_owned(),
                date: d.date.first_day.format("%Y-%m-%d").to_string(),
                granularity: d.date.granularity.as_str().to_owned(),
            })
            .collect();
        differ(&case.name, &case.text, &case.expect, &got)
    });
}

/// Every place case finds exactly its expected mentions, places and kinds, in order.
#[test]
fn places_table() {
    let cases: Vec<PlaceCase> = load("tests/data/places.toml");
    let gazetteer = Gazetteer::embedded();
    check_table("place", &cases, 30, |case| {
        let (text, extraction) = run("2023-06-01", &case.text);
        let got: Vec<Vec<String>> = extraction
            .events
            .iter()
            .enumerate()
            .map(|(i, e)| {
                let place = gazetteer.place(e.place).expect("event place exists");
                let expected = case.expect.get(i);
                let with_region = expected
                    .and_then(|row| row.get(3))
                    .is_some_and(|c| c.contains('/'));
                let country = if with_region {
                    format!("{}/{}", place.country_str(), place.admin1)
                } else {
                    place.country_str().to_owned()
                };
                let mut row = vec![
                    text[e.start as usize..e.end as usize].to_owned(),
                    place.name.to_owned(),
                    place.kind.as_str().to_owned(),
                    country,
                ];
                // The country is checked where the case gives it.
                row.truncate(expected.map_or(3, Vec::len));
                row
            })
            .collect();
        differ(&case.name, &case.text, &case.expect, &got)
    });
}
