//! `GeoJSON` (RFC 7946): a `FeatureCollection` with one Point per event, the other fields
//! as properties. Written as a stream, so a large corpus never sits in memory twice.

use super::Record;
use serde::Serialize;
use std::borrow::Cow;
use std::io::{self, Write as _};

#[derive(Serialize)]
struct Feature<'r, 'a> {
    r#type: &'static str,
    geometry: Geometry,
    properties: Properties<'r, 'a>,
}

#[derive(Serialize)]
struct Geometry {
    r#type: &'static str,
    /// Longitude first, as RFC 7946 says.
    coordinates: [f64; 2],
}

#[derive(Serialize)]
struct Properties<'r, 'a> {
    article: &'a str,
    item: &'a str,
    published: &'r str,
    place: &'static str,
    kind: &'static str,
    mention: &'a str,
    start: u32,
    end: u32,
    date: &'r str,
    granularity: &'static str,
    date_source: &'static str,
    sentence: &'r Cow<'a, str>,
}

/// Writes the `FeatureCollection`.
pub fn write<'a>(records: impl Iterator<Item = Record<'a>>, out: impl io::Write) -> io::Result<()> {
    let mut out = io::BufWriter::with_capacity(1 << 16, out);
    out.write_all(b"{\"type\":\"FeatureCollection\",\"features\":[")?;
    for (i, r) in records.enumerate() {
        if i > 0 {
            out.write_all(b",")?;
        }
        out.write_all(b"\n")?;
        let feature = Feature {
            r#type: "Feature",
            geometry: Geometry {
                r#type: "Point",
                coordinates: [r.lon, r.lat],
            },
            properties: Properties {
                article: r.article,
                item: r.item,
                published: &r.published,
                place: r.place,
                kind: r.kind,
                mention: &r.mention,
                start: r.start,
                end: r.end,
                date: &r.date,
                granularity: r.granularity,
                date_source: r.date_source,
                sentence: &r.sentence,
            },
        };
        serde_json::to_writer(&mut out, &feature)?;
    }
    out.write_all(b"\n]}\n")?;
    out.flush()
}
