//! Binary layout of the embedded gazetteer index, shared by `build.rs` and the reader.
//!
//! The index is four blobs made at build time from `assets/` and embedded with
//! `include_bytes!`, so nothing is parsed at start-up:
//! - `places.bin`: one fixed-size [`PlaceRecord`] per place ([`RECORD_LEN`] bytes,
//!   little endian), in the order of the TSV files (countries, regions, settlements by
//!   population, then the curated supplement);
//! - `strings.bin`: the UTF-8 string pool the records point into;
//! - `postings.bin`: `u32` entries `place_id << 2 | how` ([`HOW_NAME`] …), grouped per key;
//! - `names.fst`: an `fst::Map` from each folded name key to `start << 12 | count` in
//!   `postings.bin`.
//!
//! This file is compiled twice (library and build script) and may only use `std`.

/// Size in bytes of one encoded [`PlaceRecord`].
pub const RECORD_LEN: usize = 40;

/// Posting tag: the key is the place's own name.
pub const HOW_NAME: u32 = 0;
/// Posting tag: the key is the place's ASCII name.
pub const HOW_ASCII: u32 = 1;
/// Posting tag: the key is one of the place's alternate names.
pub const HOW_ALTERNATE: u32 = 2;
/// Posting tag: the key is a project-curated alias (`assets/aliases.tsv`).
pub const HOW_ALIAS: u32 = 3;

/// Bits of the FST value that hold the posting count.
pub const COUNT_BITS: u32 = 12;

/// Record flag: the row comes from the hand-curated supplement.
pub const FLAG_CURATED: u8 = 1;

/// Kind code of a country.
pub const KIND_COUNTRY: u8 = 0;
/// Kind code of a first-level region (oblast, province) or a named area.
pub const KIND_REGION: u8 = 1;
/// Kind code of a populated place.
pub const KIND_SETTLEMENT: u8 = 2;
/// Kind code of a river, sea, lake or other water body.
pub const KIND_WATER: u8 = 3;
/// Kind code of a landmark, installation, island or other site.
pub const KIND_LANDMARK: u8 = 4;

/// A string in the pool: byte offset and length.
#[derive(Clone, Copy, Debug, Default, PartialEq, Eq)]
pub struct StrRef {
    /// Byte offset into `strings.bin`.
    pub offset: u32,
    /// Length in bytes.
    pub len: u16,
}

/// One place as stored in `places.bin`.
#[derive(Clone, Copy, Debug, Default, PartialEq)]
pub struct PlaceRecord {
    /// Latitude, WGS84 degrees.
    pub lat: f32,
    /// Longitude, WGS84 degrees.
    pub lon: f32,
    /// Population (0 when unknown).
    pub population: u32,
    /// Canonical name.
    pub name: StrRef,
    /// Name of the first-level region the place lies in ("" when none).
    pub admin1: StrRef,
    /// `GeoNames` id (0 when none).
    pub geonameid: u32,
    /// `GeoNames` feature class (`b'A'`, `b'P'`, `b'H'`, `b'S'`, `b'L'`).
    pub feature_class: u8,
    /// `GeoNames` feature code, ASCII, NUL-padded ("PPLC", "ADM1", …; empty when unknown).
    pub feature_code: [u8; 5],
    /// ISO 3166-1 alpha-2 country code, or two NUL bytes.
    pub country: [u8; 2],
    /// One of the `KIND_*` codes.
    pub kind: u8,
    /// `FLAG_*` bits.
    pub flags: u8,
    /// Static importance used to order candidates (larger is more important).
    pub prior: u16,
}

impl PlaceRecord {
    /// Appends the record's [`RECORD_LEN`] bytes to `out`.
    pub fn encode(&self, out: &mut Vec<u8>) {
        let start = out.len();
        out.extend_from_slice(&self.lat.to_le_bytes());
        out.extend_from_slice(&self.lon.to_le_bytes());
        out.extend_from_slice(&self.population.to_le_bytes());
        out.extend_from_slice(&self.name.offset.to_le_bytes());
        out.extend_from_slice(&self.name.len.to_le_bytes());
        out.extend_from_slice(&self.admin1.offset.to_le_bytes());
        out.extend_from_slice(&self.admin1.len.to_le_bytes());
        out.extend_from_slice(&self.geonameid.to_le_bytes());
        out.push(self.feature_class);
        out.extend_from_slice(&self.feature_code);
        out.extend_from_slice(&self.country);
        out.push(self.kind);
        out.push(self.flags);
        out.extend_from_slice(&self.prior.to_le_bytes());
        debug_assert_eq!(out.len() - start, RECORD_LEN, "record layout drifted");
    }

    /// Reads a record from exactly [`RECORD_LEN`] bytes; `None` for any other length.
    pub fn decode(bytes: &[u8]) -> Option<Self> {
        let b: &[u8; RECORD_LEN] = bytes.try_into().ok()?;
        let u32_at = |i: usize| u32::from_le_bytes([b[i], b[i + 1], b[i + 2], b[i + 3]]);
        let u16_at = |i: usize| u16::from_le_bytes([b[i], b[i + 1]]);
        Some(Self {
            lat: f32::from_bits(u32_at(0)),
            lon: f32::from_bits(u32_at(4)),
            population: u32_at(8),
            name: StrRef {
                offset: u32_at(12),
                len: u16_at(16),
            },
            admin1: StrRef {
                offset: u32_at(18),
                len: u16_at(22),
            },
            geonameid: u32_at(24),
            feature_class: b[28],
            feature_code: [b[29], b[30], b[31], b[32], b[33]],
            country: [b[34], b[35]],
            kind: b[36],
            flags: b[37],
            prior: u16_at(38),
        })
    }
}
