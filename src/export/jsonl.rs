//! JSON Lines: one INTERFACE.md record per line.

use super::Record;
use std::io::{self, Write as _};

/// Writes one JSON object per record, each followed by a line feed.
pub fn write<'a>(records: impl Iterator<Item = Record<'a>>, out: impl io::Write) -> io::Result<()> {
    let mut out = io::BufWriter::with_capacity(1 << 16, out);
    for record in records {
        serde_json::to_writer(&mut out, &record)?;
        out.write_all(b"\n")?;
    }
    out.flush()
}
