//! Live-blog pages: a summary block, then entries whose heading ends in
//! `published at HH:MM <zone> D Month YYYY` (as a page copied from a browser glues
//! them), or whose stamp has a line of its own under a numbered heading.
//!
//! An entry may start with a numbered line ("3. BBC Verify") holding a label; labels
//! ("BBC Verify", "Analysis", "Media caption,", "Image caption,") and image credits
//! ("…Image source, Reuters") are neither titles nor text to read. An entry whose stamp
//! cannot be read takes the time of the entry after it (the one before it on the page's
//! timeline), with a warning. The summary block is dated like the page: the latest entry
//! of the last day it was updated from 06:00 on (entries in the small hours belong to
//! the night before).

use super::timestamp::{plausible, zone_offset};
use super::{ArticleFormat, Body, Item};
use crate::problem::ProblemKind;
use chrono::{DateTime, FixedOffset, NaiveDate, NaiveTime, TimeZone as _, Timelike as _};
use regex::Regex;
use std::ops::Range;
use std::sync::OnceLock;

struct Patterns {
    detector: Regex,
    stamp: Regex,
    numbering: Regex,
}

fn patterns() -> Option<&'static Patterns> {
    static PATTERNS: OnceLock<Option<Patterns>> = OnceLock::new();
    PATTERNS
        .get_or_init(|| {
            Some(Patterns {
                detector: Regex::new(r"(?i)published\s+at\s+\d").ok()?,
                stamp: Regex::new(
                    r"(?i)^published\s+at\s+(\d{1,2})[:.](\d{2})\s*([ap]\.?m\.?)?\s*(?:([a-z][a-z .]*?)\s*,?\s+)?(\d{1,2})\s+([a-z]+),?\s+(\d{4})\s*$",
                )
                .ok()?,
                numbering: Regex::new(r"^\s*\d{1,4}\.\s+").ok()?,
            })
        })
        .as_ref()
}

/// Lines that are page furniture, compared lower-case without a trailing comma or colon.
const LABELS: &[&str] = &[
    "analysis",
    "audio",
    "bbc verify",
    "breaking",
    "breaking news",
    "copy link",
    "correction",
    "explainer",
    "image caption",
    "key event",
    "key events",
    "live",
    "media caption",
    "more on this story",
    "pinned",
    "pinned post",
    "post",
    "related topics",
    "share",
    "update",
    "updated",
    "video",
    "video caption",
    "watch",
];

fn is_label(line: &str) -> bool {
    let key = line
        .trim()
        .trim_end_matches([',', ':'])
        .to_ascii_lowercase();
    LABELS.contains(&key.as_str())
        || key.starts_with("image source,")
        || key.starts_with("media caption,")
}

/// Where an image credit glued to a caption starts ("…Kyiv, Ukraine.Image source, Reuters").
fn credit_start(line: &str) -> Option<usize> {
    line.find("Image source,")
        .or_else(|| line.find("Image source:"))
}

struct Entry {
    /// Start of the entry's first line (its numbering or heading).
    start: usize,
    heading: Range<usize>,
    /// End of the stamp line.
    stamp_line_end: usize,
    published: Option<DateTime<FixedOffset>>,
}

/// Reads a live-blog page; `None` when the text has no entry stamps.
pub(super) fn parse(text: &str, problems: &mut Vec<ProblemKind>) -> Option<Body> {
    let patterns = patterns()?;
    let lines = line_spans(text);
    let mut entries: Vec<Entry> = Vec::new();
    for (index, line) in lines.iter().enumerate() {
        let line_text = text.get(line.clone()).unwrap_or("");
        let Some(found) = patterns.detector.find(line_text) else {
            continue;
        };
        let stamp_text = line_text.get(found.start()..).unwrap_or("").trim();
        let published = read_stamp(patterns, stamp_text, problems, entries.len() + 1);
        let numbering = patterns.numbering.find(line_text).map_or(0, |m| m.end());
        let heading_start =
            line.start + numbering + leading_space(line_text.get(numbering..).unwrap_or(""));
        let heading_end = (line.start + found.start()).max(heading_start);
        let heading_end = heading_start
            + text
                .get(heading_start..heading_end)
                .unwrap_or("")
                .trim_end()
                .len();
        let start = entry_start(text, &lines, index, patterns).unwrap_or(line.start);
        let heading = if heading_end > heading_start {
            heading_start..heading_end
        } else {
            // The stamp on a line of its own: the heading is the entry's line above it.
            heading_above(text, &lines, start, index, patterns)
                .unwrap_or(heading_start..heading_end)
        };
        entries.push(Entry {
            start,
            heading,
            stamp_line_end: line.end,
            published,
        });
    }
    if entries.is_empty() {
        return None;
    }
    fill_missing_times(&mut entries, problems)?;
    let mut items = Vec::with_capacity(entries.len() + 1);
    let first_start = entries.first().map_or(0, |e| e.start);
    let latest = entries.iter().filter_map(|e| e.published).max()?;
    if let Some(summary) = summary_item(
        text,
        &lines,
        first_start,
        page_time(&entries).unwrap_or(latest),
    ) {
        items.push(summary);
    }
    for (k, entry) in entries.iter().enumerate() {
        let end = entries.get(k + 1).map_or(text.len(), |next| next.start);
        let mut segments = Vec::new();
        if !entry.heading.is_empty() {
            segments.push(entry.heading.clone());
        }
        body_segments(text, &lines, entry.stamp_line_end..end, &mut segments);
        items.push(Item {
            title: text
                .get(entry.heading.clone())
                .unwrap_or("")
                .trim()
                .to_owned(),
            heading: (!entry.heading.is_empty()).then(|| entry.heading.clone()),
            published: entry.published.unwrap_or(latest),
            segments,
            span: entry.start..end,
            source: None,
            url: None,
        });
    }
    Some((ArticleFormat::LiveBlog, text.to_owned(), items, true))
}

fn leading_space(s: &str) -> usize {
    s.len() - s.trim_start().len()
}

/// Byte spans of the lines of `text`, without their line breaks.
fn line_spans(text: &str) -> Vec<Range<usize>> {
    let mut spans = Vec::new();
    let mut start = 0;
    for (i, b) in text.bytes().enumerate() {
        if b == b'\n' {
            let end = if i > start && text.as_bytes().get(i - 1) == Some(&b'\r') {
                i - 1
            } else {
                i
            };
            spans.push(start..end);
            start = i + 1;
        }
    }
    if start < text.len() {
        spans.push(start..text.len());
    }
    spans
}

/// The entry's first line: a numbered line up to three lines above the stamp line when
/// only blank and label lines lie between.
fn entry_start(
    text: &str,
    lines: &[Range<usize>],
    stamp_line: usize,
    patterns: &Patterns,
) -> Option<usize> {
    let line_text = |i: usize| lines.get(i).and_then(|l| text.get(l.clone())).unwrap_or("");
    if patterns.numbering.is_match(line_text(stamp_line)) {
        return lines.get(stamp_line).map(|l| l.start);
    }
    for back in 1..=4 {
        let i = stamp_line.checked_sub(back)?;
        let t = line_text(i);
        if patterns.numbering.is_match(t) {
            return lines.get(i).map(|l| l.start);
        }
        if !(t.trim().is_empty() || is_label(t)) {
            return None;
        }
    }
    None
}

/// The last line with text, labels skipped ("Analysis", "Image caption,"), between the
/// entry's numbered first line (at `start`) and its stamp line, less its numbering;
/// `None` if there is none.
fn heading_above(
    text: &str,
    lines: &[Range<usize>],
    start: usize,
    stamp_line: usize,
    patterns: &Patterns,
) -> Option<Range<usize>> {
    lines
        .get(..stamp_line)?
        .iter()
        .rev()
        .take_while(|l| l.start >= start)
        .find_map(|line| {
            let line_text = text.get(line.clone())?;
            let numbering = patterns.numbering.find(line_text).map_or(0, |m| m.end());
            let rest = line_text.get(numbering..)?;
            if rest.trim().is_empty() || is_label(rest) {
                return None;
            }
            let from = line.start + numbering + leading_space(rest);
            Some(from..from + rest.trim().len())
        })
}

fn read_stamp(
    patterns: &Patterns,
    stamp: &str,
    problems: &mut Vec<ProblemKind>,
    entry_number: usize,
) -> Option<DateTime<FixedOffset>> {
    let parsed = parse_stamp(patterns, stamp);
    match parsed {
        Ok(t) => Some(t),
        Err(why) => {
            problems.push(ProblemKind::BadDate {
                what: format!("entry {entry_number}: {why} in {stamp:?}"),
            });
            None
        }
    }
}

fn parse_stamp(patterns: &Patterns, stamp: &str) -> Result<DateTime<FixedOffset>, String> {
    let caps = patterns
        .stamp
        .captures(stamp)
        .ok_or("unreadable time stamp")?;
    let num = |i: usize| caps.get(i).and_then(|m| m.as_str().parse::<u32>().ok());
    let (Some(mut hour), Some(minute), Some(day), Some(year)) = (num(1), num(2), num(5), num(7))
    else {
        return Err("unreadable time stamp".into());
    };
    let month_name = caps.get(6).map_or("", |m| m.as_str());
    let month = month_number(month_name).ok_or_else(|| format!("unknown month {month_name:?}"))?;
    if let Some(ampm) = caps.get(3) {
        let pm = ampm.as_str().to_ascii_lowercase().starts_with('p');
        hour = match (hour, pm) {
            (12, false) => 0,
            (h, true) if h < 12 => h + 12,
            (h, _) => h,
        };
    }
    let year = i32::try_from(year).map_err(|_| "impossible year")?;
    let date = NaiveDate::from_ymd_opt(year, month, day)
        .ok_or_else(|| format!("impossible date {day} {month_name} {year}"))?;
    let time = NaiveTime::from_hms_opt(hour, minute, 0)
        .ok_or_else(|| format!("impossible time {hour}:{minute:02}"))?;
    let local = date.and_time(time);
    let zone = caps.get(4).map_or("", |m| m.as_str().trim());
    let offset = if zone.is_empty() {
        FixedOffset::east_opt(0)
    } else {
        zone_offset(zone, local)
    }
    .ok_or_else(|| format!("unknown time zone {zone:?}"))?;
    let t = offset
        .from_local_datetime(&local)
        .single()
        .ok_or("impossible local time")?;
    if plausible(&t) {
        Ok(t)
    } else {
        Err(format!("implausible year {year}"))
    }
}

fn month_number(name: &str) -> Option<u32> {
    let key = name.to_ascii_lowercase();
    let months = [
        "january",
        "february",
        "march",
        "april",
        "may",
        "june",
        "july",
        "august",
        "september",
        "october",
        "november",
        "december",
    ];
    months
        .iter()
        .position(|m| *m == key || (key.len() >= 3 && m.starts_with(&key)))
        .and_then(|i| u32::try_from(i + 1).ok())
}

/// Entries with an unreadable stamp take the time of the next readable entry below them
/// (the page is newest first), else of the one above.
fn fill_missing_times(entries: &mut [Entry], problems: &mut Vec<ProblemKind>) -> Option<()> {
    if entries.iter().all(|e| e.published.is_none()) {
        problems.push(ProblemKind::BadDate {
            what: "no readable entry time stamp; read as plain text".into(),
        });
        return None;
    }
    let times: Vec<Option<DateTime<FixedOffset>>> = entries.iter().map(|e| e.published).collect();
    for (i, entry) in entries.iter_mut().enumerate() {
        if entry.published.is_none() {
            let below = times.iter().skip(i + 1).flatten().next();
            let above = times.iter().take(i).rev().flatten().next();
            entry.published = below.or(above).copied();
        }
    }
    Some(())
}

/// The page's own time, for its summary: the latest entry of the last day the page was
/// updated in daytime. A page that ran past midnight still sums up the day before
/// (entries at 00:20 are the night's); one that went on the next morning sums up that
/// morning, however many entries the day before has.
fn page_time(entries: &[Entry]) -> Option<DateTime<FixedOffset>> {
    let times = || entries.iter().filter_map(|e| e.published);
    let main_day = times()
        .filter(|t| t.hour() >= MORNING_HOUR)
        .map(|t| t.date_naive())
        .max()
        .or_else(|| times().map(|t| t.date_naive()).max())?;
    times().filter(|t| t.date_naive() == main_day).max()
}

/// The local hour from which an entry belongs to its own day, not the night before.
const MORNING_HOUR: u32 = 6;

/// The block before the first entry ("Summary" and its bullets), dated like the page.
fn summary_item(
    text: &str,
    lines: &[Range<usize>],
    end: usize,
    latest: DateTime<FixedOffset>,
) -> Option<Item> {
    let block: Vec<&Range<usize>> = lines
        .iter()
        .filter(|l| l.end <= end && text.get((*l).clone()).is_some_and(|t| !t.trim().is_empty()))
        .collect();
    let first = *block.first()?;
    let first_text = text.get(first.clone())?.trim();
    let short_title = first_text.chars().count() <= 80 && !first_text.ends_with('.');
    let heading = short_title.then(|| {
        let start = first.start + leading_space(text.get(first.clone()).unwrap_or(""));
        start..start + first_text.len()
    });
    let mut segments = Vec::new();
    if let Some(h) = &heading {
        segments.push(h.clone());
    }
    let body_start = if short_title { first.end } else { first.start };
    body_segments(text, lines, body_start..end, &mut segments);
    let title = if short_title {
        first_text.to_owned()
    } else {
        super::shorten(first_text, 120)
    };
    Some(Item {
        title,
        heading,
        published: latest,
        segments,
        span: 0..end,
        source: None,
        url: None,
    })
}

/// The readable lines inside `range`: labels dropped, image credits cut off.
fn body_segments(
    text: &str,
    lines: &[Range<usize>],
    range: Range<usize>,
    out: &mut Vec<Range<usize>>,
) {
    for line in lines
        .iter()
        .filter(|l| l.start >= range.start && l.end <= range.end)
    {
        let Some(t) = text.get(line.clone()) else {
            continue;
        };
        if t.trim().is_empty() || is_label(t) {
            continue;
        }
        let end = credit_start(t).map_or(line.end, |i| line.start + i);
        let start = line.start + leading_space(t);
        let trimmed_end = start + text.get(start..end).unwrap_or("").trim_end().len();
        if trimmed_end > start {
            out.push(start..trimmed_end);
        }
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    const PAGE: &str = "Summary\n\n  • Shelling in Belgorod\n\n  1. Latest newspublished at 16:14 British Summer Time 1 June 2023\n\n    Kyiv was hit.\n\n  2. BBC Verify\n\n    Fire in Shebekinopublished at 9:05 am Moscow Time 1 June 2023\n\n    Pictures from Shebekino.Image source, Reuters\n    Image caption,\n\n    A caption.\n";

    /// Each entry is an item with its own time and zone; labels and credits are dropped.
    #[test]
    fn entries_have_their_own_time_and_clean_text() {
        let mut problems = Vec::new();
        let (format, text, items, _) = parse(PAGE, &mut problems).expect("live blog");
        assert_eq!(format, ArticleFormat::LiveBlog);
        assert!(problems.is_empty(), "{problems:?}");
        let titles: Vec<&str> = items.iter().map(|i| i.title.as_str()).collect();
        assert_eq!(titles, ["Summary", "Latest news", "Fire in Shebekino"]);
        let times: Vec<String> = items.iter().map(|i| i.published.to_rfc3339()).collect();
        assert_eq!(
            times,
            [
                "2023-06-01T16:14:00+01:00",
                "2023-06-01T16:14:00+01:00",
                "2023-06-01T09:05:00+03:00"
            ]
        );
        let last: Vec<&str> = items[2].segments.iter().map(|s| &text[s.clone()]).collect();
        assert_eq!(
            last,
            [
                "Fire in Shebekino",
                "Pictures from Shebekino.",
                "A caption."
            ]
        );
    }

    /// Pages copied with each stamp on a line of its own still give each entry its
    /// heading, as a title and as text; a label above the stamp is no heading.
    #[test]
    fn a_stamp_on_its_own_line_takes_the_heading_above() {
        let page = "Summary\n\n  • Drones over Moscow\n\n1. Mayor says no one was hurt\nImage caption,\npublished at 10:42 Moscow Time 30 May 2023\n\nSobyanin spoke in Moscow.\n\n2. Analysis\npublished at 09:15 British Summer Time 30 May 2023\n\nKyiv was hit again.\n";
        let mut problems = Vec::new();
        let (_, text, items, _) = parse(page, &mut problems).expect("live blog");
        assert!(problems.is_empty(), "{problems:?}");
        let titles: Vec<&str> = items.iter().map(|i| i.title.as_str()).collect();
        assert_eq!(titles, ["Summary", "Mayor says no one was hurt", ""]);
        let first: Vec<&str> = items[1].segments.iter().map(|s| &text[s.clone()]).collect();
        assert_eq!(
            first,
            ["Mayor says no one was hurt", "Sobyanin spoke in Moscow."]
        );
        assert_eq!(items[1].published.to_rfc3339(), "2023-05-30T10:42:00+03:00");
    }

    /// The summary sums up the last day the page was updated in daytime: entries past
    /// midnight belong to the night before, a next morning's to that morning.
    #[test]
    fn the_summary_takes_the_last_daytime_day() {
        let summary_day = |stamps: &[&str]| {
            let entries: Vec<String> = stamps
                .iter()
                .enumerate()
                .map(|(n, stamp)| {
                    format!(
                        "  {}. Updatepublished at {stamp} 2023\n\n    Kerch was quiet.\n\n",
                        n + 1
                    )
                })
                .collect();
            let page = format!("Summary\n\n  • Bridge hit\n\n{}", entries.concat());
            let (_, _, items, _) = parse(&page, &mut Vec::new()).expect("live blog");
            items[0].published.date_naive().to_string()
        };
        let night = [
            "00:20 GMT 18 July",
            "23:40 GMT 17 July",
            "15:00 GMT 17 July",
        ];
        assert_eq!(summary_day(&night), "2023-07-17");
        let morning = [
            "09:45 GMT 18 July",
            "19:40 GMT 17 July",
            "16:15 GMT 17 July",
            "13:05 GMT 17 July",
        ];
        assert_eq!(summary_day(&morning), "2023-07-18");
    }

    /// A broken stamp gets a warning and the neighbouring entry's time.
    #[test]
    fn broken_stamp_borrows_a_neighbours_time() {
        let page = "1. Onepublished at 25:99 Mars Time 31 Smarch 2023\n\nText.\n\n2. Twopublished at 10:00 GMT 2 June 2023\n\nMore.\n";
        let mut problems = Vec::new();
        let (_, _, items, _) = parse(page, &mut problems).expect("still a live blog");
        assert_eq!(items[0].published, items[1].published, "borrowed the time");
        assert_eq!(problems.len(), 1, "{problems:?}");
        assert!(
            problems[0].to_string().contains("entry 1"),
            "names the entry: {}",
            problems[0]
        );
    }
}
