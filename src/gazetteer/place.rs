//! A place as the rest of dateline sees it.

use super::layout::{self, PlaceRecord, StrRef};

/// Index of a place in the embedded gazetteer.
#[derive(Clone, Copy, Debug, PartialEq, Eq, PartialOrd, Ord, Hash)]
pub struct PlaceId(pub u32);

/// What kind of place it is (the INTERFACE.md `kind` field).
#[derive(Clone, Copy, Debug, PartialEq, Eq, PartialOrd, Ord, Hash)]
pub enum PlaceKind {
    /// A sovereign state or dependent territory.
    Country,
    /// A first-level region (oblast, province) or a named area (Donbas, Siberia).
    Region,
    /// A city, town or village.
    Settlement,
    /// A river, sea, lake, strait or other water body.
    Water,
    /// A site: castle, dam, airport, bridge, island, border crossing.
    Landmark,
}

impl PlaceKind {
    /// The INTERFACE.md spelling ("settlement", "region", …).
    pub fn as_str(self) -> &'static str {
        match self {
            Self::Country => "country",
            Self::Region => "region",
            Self::Settlement => "settlement",
            Self::Water => "water",
            Self::Landmark => "landmark",
        }
    }

    fn from_code(code: u8) -> Self {
        match code {
            layout::KIND_COUNTRY => Self::Country,
            layout::KIND_REGION => Self::Region,
            layout::KIND_WATER => Self::Water,
            layout::KIND_LANDMARK => Self::Landmark,
            _ => Self::Settlement,
        }
    }
}

/// A place of the gazetteer, borrowed from the embedded data.
#[derive(Clone, Copy, Debug, PartialEq)]
pub struct Place {
    /// Its id.
    pub id: PlaceId,
    /// Canonical name ("Kyiv", "Belgorod", "Dnieper").
    pub name: &'static str,
    /// Kind of place.
    pub kind: PlaceKind,
    /// Latitude, WGS84 degrees.
    pub lat: f64,
    /// Longitude, WGS84 degrees.
    pub lon: f64,
    /// Population, 0 when unknown.
    pub population: u32,
    /// `GeoNames` feature class (`b'A'`, `b'P'`, `b'H'`, `b'S'`, `b'L'`).
    pub feature_class: u8,
    /// `GeoNames` feature code ("PPLC", "ADM1", "STM"; "" when unknown).
    pub feature_code: &'static str,
    /// ISO 3166-1 alpha-2 code, `*b"\0\0"` for international waters.
    pub country_code: [u8; 2],
    /// Name of the first-level region the place lies in ("" when none).
    pub admin1: &'static str,
    /// True for rows of the hand-curated supplement.
    pub curated: bool,
    /// Static importance (feature rank and population), larger is more important.
    pub prior: u16,
}

impl Place {
    pub(crate) fn from_record(
        id: PlaceId,
        record: &PlaceRecord,
        strings: &'static str,
        record_bytes: &'static [u8],
    ) -> Self {
        let code_bytes = record_bytes.get(29..34).unwrap_or(&[]);
        let code_len = code_bytes
            .iter()
            .position(|&b| b == 0)
            .unwrap_or(code_bytes.len());
        Self {
            id,
            name: pool_str(strings, record.name),
            kind: PlaceKind::from_code(record.kind),
            lat: f64::from(record.lat),
            lon: f64::from(record.lon),
            population: record.population,
            feature_class: record.feature_class,
            feature_code: code_bytes
                .get(..code_len)
                .and_then(|b| std::str::from_utf8(b).ok())
                .unwrap_or(""),
            country_code: record.country,
            admin1: pool_str(strings, record.admin1),
            curated: record.flags & layout::FLAG_CURATED != 0,
            prior: record.prior,
        }
    }

    /// True for national capitals (`GeoNames` PPLC).
    pub fn is_capital(&self) -> bool {
        self.feature_code == "PPLC"
    }

    /// True for second-level regions (ADM2: the US counties).
    pub fn is_county(&self) -> bool {
        self.feature_code == "ADM2"
    }

    /// Latitude and longitude in radians.
    pub fn lat_lon_rad(&self) -> (f64, f64) {
        (self.lat.to_radians(), self.lon.to_radians())
    }

    /// The country code as text ("UA"), "" for none.
    pub fn country_str(&self) -> &str {
        std::str::from_utf8(&self.country_code)
            .unwrap_or("")
            .trim_end_matches('\0')
    }

    /// True for places a reader knows without context: countries, capitals, cities of
    /// 100,000 people, first-level regions and the curated water bodies and landmarks.
    pub fn is_important(&self) -> bool {
        match self.kind {
            PlaceKind::Country | PlaceKind::Water | PlaceKind::Landmark => true,
            PlaceKind::Region => self.feature_code == "ADM1" || self.curated,
            PlaceKind::Settlement => self.is_capital() || self.population >= 100_000,
        }
    }
}

fn pool_str(strings: &'static str, r: StrRef) -> &'static str {
    let start = r.offset as usize;
    strings.get(start..start + usize::from(r.len)).unwrap_or("")
}
