//! The wire record of one event (INTERFACE.md): field names and order are fixed.

use crate::corpus::{Corpus, TextRef};
use crate::extract::Event;
use crate::gazetteer::Gazetteer;
use serde::Serialize;
use std::borrow::Cow;

/// One event as printed: exactly the INTERFACE.md fields, in order.
#[derive(Clone, Debug, PartialEq, Serialize)]
pub struct Record<'a> {
    /// Base name of the file.
    pub article: &'a str,
    /// Title of the article or live-blog entry.
    pub item: &'a str,
    /// RFC 3339 time of the article or entry, with its offset.
    pub published: String,
    /// Canonical name of the place.
    pub place: &'static str,
    /// "settlement", "region", "country", "water" or "landmark".
    pub kind: &'static str,
    /// Latitude, WGS84 degrees.
    pub lat: f64,
    /// Longitude, WGS84 degrees.
    pub lon: f64,
    /// The mention as written.
    pub mention: Cow<'a, str>,
    /// Byte offset of the mention in the article text.
    pub start: u32,
    /// Byte offset one past the mention.
    pub end: u32,
    /// ISO date; the first day for month and year granularity.
    pub date: String,
    /// "day", "month" or "year".
    pub granularity: &'static str,
    /// "text" or "published".
    pub date_source: &'static str,
    /// The sentence holding the mention, white space collapsed.
    pub sentence: Cow<'a, str>,
}

impl<'a> Record<'a> {
    /// The record of `event`; `None` if the event points outside the corpus. Text of a
    /// packed corpus is copied out (see [`Corpus::text`]).
    pub fn new(corpus: &'a Corpus, gazetteer: &Gazetteer, event: &Event) -> Option<Self> {
        let article = corpus.articles.get(event.article as usize)?;
        let item = article.items.get(event.item as usize)?;
        let place = gazetteer.place(event.place)?;
        let (mention, sentence) = match corpus.text(event.article as usize)? {
            TextRef::Borrowed(text) => quote(text, event)?,
            TextRef::Shared(text) => {
                let (mention, sentence) = quote(&text, event)?;
                (
                    Cow::Owned(mention.into_owned()),
                    Cow::Owned(sentence.into_owned()),
                )
            }
        };
        Some(Self {
            article: &article.name,
            item: &item.title,
            published: item.published.to_rfc3339(),
            place: place.name,
            kind: place.kind.as_str(),
            lat: round5(place.lat),
            lon: round5(place.lon),
            mention,
            start: event.start,
            end: event.end,
            date: event.date.first_day.format("%Y-%m-%d").to_string(),
            granularity: event.date.granularity.as_str(),
            date_source: event.date_source.as_str(),
            sentence,
        })
    }
}

/// The mention of `event` in `text` and its sentence, white space collapsed.
fn quote<'t>(text: &'t str, event: &Event) -> Option<(Cow<'t, str>, Cow<'t, str>)> {
    let mention = text.get(event.start as usize..event.end as usize)?;
    let sentence = text.get(event.sentence_start as usize..event.sentence_end as usize)?;
    Some((Cow::Borrowed(mention), collapse_whitespace(sentence)))
}

/// Five decimals (about a metre): the stored `f32` coordinates print cleanly.
fn round5(x: f64) -> f64 {
    (x * 100_000.0).round() / 100_000.0
}

/// `s` with every run of white space turned into one space (borrowed when already so).
pub fn collapse_whitespace(s: &str) -> Cow<'_, str> {
    let clean = !s.contains(['\n', '\r', '\t']) && !s.contains("  ");
    if clean {
        Cow::Borrowed(s)
    } else {
        Cow::Owned(s.split_whitespace().collect::<Vec<_>>().join(" "))
    }
}
