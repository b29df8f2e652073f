//! KML 2.2 (OGC 07-147r2): one `Placemark` per event, so Google Earth and QGIS can show
//! and animate them. Day-dated events carry a `TimeStamp`; events dated only to a month
//! or a year carry a `TimeSpan` over that month or year, so they are never shown as if
//! they happened on its first day. The INTERFACE.md fields go in `ExtendedData`.

use super::Record;
use chrono::{Datelike as _, NaiveDate};
use std::io::{self, Write as _};

/// Text with the five XML special characters escaped.
fn escape(s: &str) -> String {
    let mut out = String::with_capacity(s.len());
    for c in s.chars() {
        match c {
            '&' => out.push_str("&amp;"),
            '<' => out.push_str("&lt;"),
            '>' => out.push_str("&gt;"),
            '"' => out.push_str("&quot;"),
            '\'' => out.push_str("&apos;"),
            // Control characters other than tab and newlines are not allowed in XML 1.0.
            c if c.is_control() && !matches!(c, '\t' | '\n' | '\r') => {}
            c => out.push(c),
        }
    }
    out
}

/// The period of a record's date: (first day, last day).
fn period(date: &str, granularity: &str) -> Option<(NaiveDate, NaiveDate)> {
    let first = NaiveDate::parse_from_str(date, "%Y-%m-%d").ok()?;
    let last = match granularity {
        "month" => first
            .with_day(1)?
            .checked_add_months(chrono::Months::new(1))?
            .pred_opt()?,
        "year" => NaiveDate::from_ymd_opt(first.year(), 12, 31)?,
        _ => first,
    };
    Some((first, last))
}

/// Writes the KML document.
pub fn write<'a>(records: impl Iterator<Item = Record<'a>>, out: impl io::Write) -> io::Result<()> {
    let mut out = io::BufWriter::with_capacity(1 << 16, out);
    out.write_all(
        b"<?xml version=\"1.0\" encoding=\"UTF-8\"?>\n\
          <kml xmlns=\"http://www.opengis.net/kml/2.2\">\n<Document>\n<name>dateline events</name>\n",
    )?;
    for r in records {
        writeln!(out, "<Placemark>")?;
        writeln!(out, "  <name>{}</name>", escape(r.place))?;
        writeln!(out, "  <description>{}</description>", escape(&r.sentence))?;
        match period(&r.date, r.granularity) {
            Some((first, last)) if first != last => writeln!(
                out,
                "  <TimeSpan><begin>{first}</begin><end>{last}</end></TimeSpan>"
            )?,
            _ => writeln!(out, "  <TimeStamp><when>{}</when></TimeStamp>", r.date)?,
        }
        writeln!(out, "  <ExtendedData>")?;
        let start = r.start.to_string();
        let end = r.end.to_string();
        let fields: [(&str, &str); 11] = [
            ("article", r.article),
            ("item", r.item),
            ("published", &r.published),
            ("kind", r.kind),
            ("mention", &r.mention),
            ("start", &start),
            ("end", &end),
            ("date", &r.date),
            ("granularity", r.granularity),
            ("date_source", r.date_source),
            ("place", r.place),
        ];
        for (name, value) in fields {
            writeln!(
                out,
                "    <Data name=\"{name}\"><value>{}</value></Data>",
                escape(value)
            )?;
        }
        writeln!(out, "  </ExtendedData>")?;
        writeln!(
            out,
            "  <Point><coordinates>{},{}</coordinates></Point>",
            r.lon, r.lat
        )?;
        writeln!(out, "</Placemark>")?;
    }
    out.write_all(b"</Document>\n</kml>\n")?;
    out.flush()
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn escapes_markup_and_drops_control_characters() {
        assert_eq!(
            escape("A & B <c> \"d\" 'e'\u{1}"),
            "A &amp; B &lt;c&gt; &quot;d&quot; &apos;e&apos;"
        );
    }

    #[test]
    fn months_and_years_become_spans() {
        let d = |s| NaiveDate::parse_from_str(s, "%Y-%m-%d").unwrap();
        assert_eq!(
            period("2023-07-01", "month"),
            Some((d("2023-07-01"), d("2023-07-31")))
        );
        assert_eq!(
            period("2024-02-01", "month"),
            Some((d("2024-02-01"), d("2024-02-29")))
        );
        assert_eq!(
            period("2022-01-01", "year"),
            Some((d("2022-01-01"), d("2022-12-31")))
        );
        assert_eq!(
            period("2023-06-03", "day"),
            Some((d("2023-06-03"), d("2023-06-03")))
        );
    }
}
