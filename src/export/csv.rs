//! CSV (RFC 4180): a header, then one row per record, in the JSONL field order.

use super::Record;
use std::io;

/// Writes the header and one row per record.
pub fn write<'a>(records: impl Iterator<Item = Record<'a>>, out: impl io::Write) -> io::Result<()> {
    let mut writer = csv::WriterBuilder::new().has_headers(true).from_writer(out);
    let mut wrote = false;
    for record in records {
        writer.serialize(&record).map_err(into_io)?;
        wrote = true;
    }
    if !wrote {
        writer.write_record(HEADER).map_err(into_io)?;
    }
    writer.flush()
}

/// The header, written by hand when there are no rows to derive it from.
const HEADER: [&str; 14] = [
    "article",
    "item",
    "published",
    "place",
    "kind",
    "lat",
    "lon",
    "mention",
    "start",
    "end",
    "date",
    "granularity",
    "date_source",
    "sentence",
];

fn into_io(e: csv::Error) -> io::Error {
    match e.into_kind() {
        csv::ErrorKind::Io(e) => e,
        other => io::Error::other(format!("{other:?}")),
    }
}
