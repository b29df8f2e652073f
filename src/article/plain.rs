//! Plain text: with a ` date YYYY-MM-DD` header line, or without any header.

use super::timestamp::{first_full_date, midnight_utc, plausible};
use super::{ArticleFormat, Body, Item, shorten, title_from};
use crate::problem::ProblemKind;
use chrono::{DateTime, FixedOffset, NaiveDate};

/// How many leading lines are searched for a publication date in undated text.
const DATE_LINES: usize = 5;

/// Text whose first line starts with `date YYYY-MM-DD`; `None` when it does not (an
/// impossible header date adds a warning and lets the other readers try).
pub(super) fn parse_dated(text: &str, problems: &mut Vec<ProblemKind>) -> Option<Body> {
    let head = text.trim_start_matches([' ', '\t', '\u{feff}']);
    let offset = text.len() - head.len();
    let rest = head
        .strip_prefix("date")
        .or_else(|| head.strip_prefix("Date"))?;
    let rest_trimmed = rest.trim_start_matches([':', ' ', '\t']);
    if rest_trimmed.len() == rest.len() {
        return None;
    }
    let date_text = rest_trimmed.get(..10)?;
    let looks_like_date = date_text.bytes().enumerate().all(|(i, b)| {
        if i == 4 || i == 7 {
            b == b'-'
        } else {
            b.is_ascii_digit()
        }
    });
    if !looks_like_date {
        return None;
    }
    let Some(date) = NaiveDate::parse_from_str(date_text, "%Y-%m-%d")
        .ok()
        .map(midnight_utc)
        .filter(plausible)
    else {
        problems.push(ProblemKind::BadDate {
            what: format!("impossible date {date_text} in the date line; looked for another date"),
        });
        return None;
    };
    let content_start = offset + (head.len() - rest_trimmed.len()) + 10;
    let segment = content_start..text.len();
    let title = title_from(text, segment.clone());
    let item = Item {
        title: title.as_ref().map_or_else(String::new, |(t, _)| t.clone()),
        heading: title.map(|(_, span)| span),
        published: date,
        segments: vec![segment],
        span: 0..text.len(),
        source: None,
        url: None,
    };
    Some((ArticleFormat::DatedText, text.to_owned(), vec![item], true))
}

/// Any other text: dated by a full date in its first lines, else by `modified`.
pub(super) fn parse_undated(
    text: String,
    modified: Option<DateTime<FixedOffset>>,
    problems: &mut Vec<ProblemKind>,
) -> Result<Body, ProblemKind> {
    let head_end = text
        .match_indices('\n')
        .nth(DATE_LINES - 1)
        .map_or(text.len(), |(i, _)| i);
    let head = text
        .get(..head_end.min(2000))
        .or_else(|| text.get(..head_end))
        .unwrap_or("");
    let published = if let Some(date) = first_full_date(head).map(midnight_utc).filter(plausible) {
        date
    } else {
        let modified = modified.ok_or(ProblemKind::Undated)?;
        problems.push(ProblemKind::NoDate {
            used: modified.to_rfc3339(),
        });
        modified
    };
    let first_line = text
        .lines()
        .map(str::trim)
        .find(|l| !l.is_empty())
        .unwrap_or("");
    let title =
        if first_line.chars().count() <= 150 && !super::boilerplate::is_boilerplate(first_line) {
            let start = text.find(first_line).unwrap_or(0);
            Some((shorten(first_line, 120), start..start + first_line.len()))
        } else {
            title_from(&text, 0..text.len())
        };
    let item = Item {
        title: title.as_ref().map_or_else(String::new, |(t, _)| t.clone()),
        heading: title.map(|(_, span)| span),
        published,
        segments: std::iter::once(0..text.len()).collect(),
        span: 0..text.len(),
        source: None,
        url: None,
    };
    Ok((ArticleFormat::PlainText, text, vec![item], true))
}
