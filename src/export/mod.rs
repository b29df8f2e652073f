//! Printing events in the formats `../shared/INTERFACE.md` fixes, to any `io::Write`.
//!
//! One producer ([`records`]) and one printer per format, as in ripgrep's printers:
//! JSON Lines ([`jsonl`]), CSV ([`csv`]), `GeoJSON` ([`geojson`]) and KML ([`kml`]).

pub mod csv;
pub mod geojson;
pub mod jsonl;
pub mod kml;
mod record;

pub use record::{Record, collapse_whitespace};

use crate::corpus::Corpus;
use crate::extract::Event;
use crate::gazetteer::Gazetteer;
use std::io;

/// An output format of `dateline events`.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub enum Format {
    /// One JSON object per line.
    Jsonl,
    /// RFC 4180 CSV with a header.
    Csv,
    /// An RFC 7946 `FeatureCollection` of points.
    Geojson,
    /// A KML document, one `Placemark` per event with its time.
    Kml,
}

impl Format {
    /// The format a file name asks for by its extension (`.csv`, `.geojson`/`.json`,
    /// `.kml`; anything else is JSON Lines).
    ///
    /// # Examples
    /// ```
    /// use dateline::export::Format;
    /// assert_eq!(Format::from_path("out/events.KML".as_ref()), Format::Kml);
    /// assert_eq!(Format::from_path("events".as_ref()), Format::Jsonl);
    /// ```
    pub fn from_path(path: &std::path::Path) -> Self {
        let ext = path
            .extension()
            .and_then(|e| e.to_str())
            .unwrap_or("")
            .to_ascii_lowercase();
        match ext.as_str() {
            "csv" => Self::Csv,
            "geojson" | "json" => Self::Geojson,
            "kml" => Self::Kml,
            _ => Self::Jsonl,
        }
    }
}

/// The INTERFACE.md records of `events`, in the given order.
pub fn records<'c>(
    corpus: &'c Corpus,
    events: &'c [Event],
) -> impl Iterator<Item = Record<'c>> + 'c {
    let gazetteer = Gazetteer::embedded();
    events
        .iter()
        .filter_map(move |event| Record::new(corpus, gazetteer, event))
}

/// Writes `events` of `corpus` to `out` in `format`.
pub fn write(
    format: Format,
    corpus: &Corpus,
    events: &[Event],
    out: impl io::Write,
) -> io::Result<()> {
    let records = records(corpus, events);
    match format {
        Format::Jsonl => jsonl::write(records, out),
        Format::Csv => csv::write(records, out),
        Format::Geojson => geojson::write(records, out),
        Format::Kml => kml::write(records, out),
    }
}
