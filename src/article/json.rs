//! JSON and JSON Lines, as news APIs and scrapers write them.
//!
//! Accepted shapes: one object; an array of objects; an object with an `articles`,
//! `items`, `results`, `data` or `entries` array (`NewsAPI` and friends); one object per
//! line. Per record: text from `text`, `body`, `content`, `articleBody`, `full_text` or
//! `description`; time from `date`, `published`, `publishedAt`, `published_at`,
//! `datePublished`, `pubDate`, `time` or `timestamp` (strings in common formats or Unix
//! seconds/milliseconds); optional `title`/`headline`, `source` (a string or an object
//! with `name`) and `url`/`link`. A record without text, or with a field of the wrong
//! type, is skipped with a message naming it; the others are read.

use super::timestamp::{from_unix, parse_timestamp, plausible};
use super::{ArticleFormat, Body, Item, title_from};
use crate::problem::ProblemKind;
use chrono::{DateTime, FixedOffset};
use serde_json::Value;

const TEXT_FIELDS: &[&str] = &[
    "text",
    "body",
    "content",
    "articleBody",
    "full_text",
    "description",
];
const DATE_FIELDS: &[&str] = &[
    "date",
    "published",
    "publishedAt",
    "published_at",
    "datePublished",
    "pubDate",
    "time",
    "timestamp",
];
const TITLE_FIELDS: &[&str] = &["title", "headline"];
const URL_FIELDS: &[&str] = &["url", "link"];
const COLLECTION_FIELDS: &[&str] = &["articles", "items", "results", "data", "entries"];

/// Reads JSON or JSON Lines into an article whose text is the records' titles and
/// bodies, one after another.
pub(super) fn parse(
    raw: &str,
    modified: Option<DateTime<FixedOffset>>,
    problems: &mut Vec<ProblemKind>,
) -> Result<Body, ProblemKind> {
    let records = match serde_json::from_str::<Value>(raw) {
        Ok(value) => records_of(value),
        Err(whole_error) => json_lines(raw).map_err(|line_error| ProblemKind::MalformedJson {
            message: if raw.trim_start().starts_with('[') || raw.lines().nth(1).is_none() {
                whole_error.to_string()
            } else {
                line_error
            },
        })?,
    };
    let mut text = String::new();
    let mut items = Vec::new();
    let mut undated = 0;
    for (n, record) in records.iter().enumerate() {
        match read_record(record, &mut text) {
            Ok((mut item, dated)) => {
                if !dated {
                    if let Some(t) = modified {
                        item.published = t;
                        undated += 1;
                    } else {
                        problems.push(ProblemKind::SkippedItem {
                            what: format!("record {}: no date", n + 1),
                        });
                        continue;
                    }
                }
                items.push(item);
            }
            Err(why) => problems.push(ProblemKind::SkippedItem {
                what: format!("record {}: {why}", n + 1),
            }),
        }
    }
    if undated > 0
        && let Some(t) = modified
    {
        problems.push(ProblemKind::NoDate {
            used: t.to_rfc3339(),
        });
    }
    if items.is_empty() {
        return Err(ProblemKind::NoText {
            what: format!("{} JSON record(s) without readable text", records.len()),
        });
    }
    Ok((ArticleFormat::Json, text, items, false))
}

fn records_of(value: Value) -> Vec<Value> {
    match value {
        Value::Array(records) => records,
        Value::Object(mut object) => {
            let collection = COLLECTION_FIELDS.iter().find_map(|f| match object.get(*f) {
                Some(Value::Array(_)) => Some(*f),
                _ => None,
            });
            match collection.and_then(|f| object.remove(f)) {
                Some(Value::Array(records)) => records,
                _ => vec![Value::Object(object)],
            }
        }
        other => vec![other],
    }
}

fn json_lines(raw: &str) -> Result<Vec<Value>, String> {
    let mut records = Vec::new();
    for (n, line) in raw.lines().enumerate() {
        if line.trim().is_empty() {
            continue;
        }
        let value =
            serde_json::from_str::<Value>(line).map_err(|e| format!("line {}: {e}", n + 1))?;
        records.push(value);
    }
    Ok(records)
}

/// A string field among `names`: `Ok(None)` when absent or null, `Err` when not a string.
fn string_field<'v>(
    record: &'v serde_json::Map<String, Value>,
    names: &[&str],
) -> Result<Option<&'v str>, String> {
    for name in names {
        match record.get(*name) {
            None | Some(Value::Null) => {}
            Some(Value::String(s)) => return Ok(Some(s)),
            Some(other) => {
                return Err(format!(
                    "field `{name}` is {}, not a string",
                    kind_of(other)
                ));
            }
        }
    }
    Ok(None)
}

fn kind_of(value: &Value) -> &'static str {
    match value {
        Value::Null => "null",
        Value::Bool(_) => "a boolean",
        Value::Number(_) => "a number",
        Value::String(_) => "a string",
        Value::Array(_) => "an array",
        Value::Object(_) => "an object",
    }
}

/// Appends one record's title and body to `text`; returns its item and whether it had a
/// usable date (its `published` is a placeholder otherwise).
fn read_record(record: &Value, text: &mut String) -> Result<(Item, bool), String> {
    let Value::Object(record) = record else {
        return Err(format!("{}, not an object", kind_of(record)));
    };
    let body = string_field(record, TEXT_FIELDS)?
        .filter(|b| !b.trim().is_empty())
        .ok_or("no text")?;
    let title = string_field(record, TITLE_FIELDS)?
        .map(str::trim)
        .filter(|t| !t.is_empty());
    let url = string_field(record, URL_FIELDS)?.map(str::to_owned);
    let source = match record.get("source") {
        Some(Value::String(s)) => Some(s.clone()),
        Some(Value::Object(o)) => o.get("name").and_then(Value::as_str).map(str::to_owned),
        _ => None,
    };
    let published = date_field(record)?;
    if !text.is_empty() {
        text.push_str("\n\n\n");
    }
    let start = text.len();
    let mut segments = Vec::new();
    let heading = title.map(|t| {
        let h = text.len()..text.len() + t.len();
        text.push_str(t);
        text.push_str("\n\n");
        h
    });
    if let Some(h) = &heading {
        segments.push(h.clone());
    }
    let body_start = text.len();
    text.push_str(body.trim_end());
    let body_range = body_start..text.len();
    segments.push(body_range.clone());
    let (title, heading) = match (title, heading) {
        (Some(t), h) => (t.to_owned(), h),
        (None, _) => match title_from(text, body_range) {
            Some((t, span)) => (t, Some(span)),
            None => (String::new(), None),
        },
    };
    let dated = published.is_some();
    let item = Item {
        title,
        heading,
        published: published.unwrap_or_default(),
        segments,
        span: start..text.len(),
        source,
        url,
    };
    Ok((item, dated))
}

fn date_field(
    record: &serde_json::Map<String, Value>,
) -> Result<Option<DateTime<FixedOffset>>, String> {
    for name in DATE_FIELDS {
        let parsed = match record.get(*name) {
            None | Some(Value::Null) => continue,
            Some(Value::String(s)) => {
                parse_timestamp(s).ok_or_else(|| format!("unreadable date {s:?} in `{name}`"))?
            }
            Some(Value::Number(n)) => n
                .as_i64()
                .and_then(from_unix)
                .ok_or_else(|| format!("unreadable Unix time {n} in `{name}`"))?,
            Some(other) => return Err(format!("field `{name}` is {}, not a date", kind_of(other))),
        };
        return if plausible(&parsed) {
            Ok(Some(parsed))
        } else {
            Err(format!("implausible date in `{name}`"))
        };
    }
    Ok(None)
}

#[cfg(test)]
mod tests {
    use super::*;

    /// `NewsAPI`'s envelope, nested sources and Unix times all read.
    #[test]
    fn newsapi_envelope_reads() {
        let raw = r#"{"status":"ok","articles":[
            {"title":"Blasts in Kyiv","content":"Explosions were heard in Kyiv.","publishedAt":"2023-06-01T05:00:00Z","source":{"name":"Agency"}},
            {"headline":"Odesa","body":"Port hit.","timestamp":1685595600}]}"#;
        let mut problems = Vec::new();
        let (_, text, items, shared) = parse(raw, None, &mut problems).expect("reads");
        assert!(problems.is_empty(), "{problems:?}");
        assert!(!shared, "records are separate articles");
        assert_eq!(items.len(), 2);
        assert_eq!(items[0].source.as_deref(), Some("Agency"));
        assert_eq!(&text[items[0].heading.clone().unwrap()], "Blasts in Kyiv");
        assert_eq!(items[1].published.to_rfc3339(), "2023-06-01T05:00:00+00:00");
    }

    /// A record with a wrongly typed field is skipped and named; the rest are read.
    #[test]
    fn wrong_field_types_skip_one_record() {
        let raw = "{\"text\": 42, \"date\": \"2023-06-01\"}\n{\"text\": \"Shebekino shelled.\", \"date\": \"2023-06-01\"}\n";
        let mut problems = Vec::new();
        let (_, _, items, _) = parse(raw, None, &mut problems).expect("reads the good line");
        assert_eq!(items.len(), 1);
        assert_eq!(
            problems,
            [ProblemKind::SkippedItem {
                what: "record 1: field `text` is a number, not a string".into()
            }]
        );
    }

    /// Broken JSON is an error naming the parser's complaint.
    #[test]
    fn malformed_json_is_an_error() {
        let err = parse("{\"text\": \"unterminated", None, &mut Vec::new()).unwrap_err();
        assert!(matches!(err, ProblemKind::MalformedJson { .. }), "{err:?}");
    }
}
