//! Builds the embedded gazetteer index from `assets/` (see `src/gazetteer/layout.rs`).
//!
//! Doing this at build time is what lets the gazetteer be ready in microseconds: the
//! binary carries a finished `fst` map and fixed-size records instead of 212k TSV rows.

use std::collections::{BTreeMap, HashMap};
use std::env;
use std::error::Error;
use std::fs;
use std::io::Read as _;
use std::path::{Path, PathBuf};

#[path = "src/gazetteer/layout.rs"]
#[expect(
    dead_code,
    reason = "the decoding half of the layout is used by the library"
)]
mod layout;
#[path = "src/gazetteer/normalize.rs"]
mod normalize;

use layout::{PlaceRecord, StrRef};

type BoxResult<T> = Result<T, Box<dyn Error>>;

/// A place while the index is being built.
struct Row {
    record: PlaceRecord,
    /// (key, how) pairs naming this place.
    keys: Vec<(String, u32)>,
}

fn main() -> BoxResult<()> {
    let manifest = PathBuf::from(env::var("CARGO_MANIFEST_DIR")?);
    let out_dir = PathBuf::from(env::var("OUT_DIR")?);
    let assets = manifest.join("assets");
    for file in [
        "gazetteer.tsv.gz",
        "gazetteer_supplement.tsv",
        "gazetteer_extra.tsv.gz",
        "aliases.tsv",
        "lexicon/common_words.txt",
    ] {
        println!("cargo::rerun-if-changed=assets/{file}");
    }
    println!("cargo::rerun-if-changed=src/gazetteer/layout.rs");
    println!("cargo::rerun-if-changed=src/gazetteer/normalize.rs");

    let mut pool = Pool::default();
    let mut rows = Vec::new();
    let main_tsv = gunzip(&assets.join("gazetteer.tsv.gz"))?;
    read_tsv(&main_tsv, false, &mut pool, &mut rows)?;
    let supplement = fs::read_to_string(assets.join("gazetteer_supplement.tsv"))?;
    read_tsv(&supplement, true, &mut pool, &mut rows)?;
    let extra = gunzip(&assets.join("gazetteer_extra.tsv.gz"))?;
    read_tsv(&extra, false, &mut pool, &mut rows)?;
    let aliases = fs::read_to_string(assets.join("aliases.tsv"))?;
    apply_aliases(&aliases, &mut rows, &pool)?;
    rank_regions_by_country(&mut rows);

    write_index(&rows, &pool, &out_dir)?;
    let words = fs::read_to_string(assets.join("lexicon/common_words.txt"))?;
    write_word_set(&words, &out_dir.join("common_words.fst"))?;
    Ok(())
}

/// First-level regions of the same name rank as their countries' populations do, a
/// point per order of magnitude (too little to turn a region against a town): with
/// nothing else to tell them apart, "Maryland" is the US state, not Liberia's county.
#[expect(
    clippy::cast_possible_truncation,
    clippy::cast_sign_loss,
    reason = "log10 of a population is a small positive number"
)]
fn rank_regions_by_country(rows: &mut [Row]) {
    let mut population: HashMap<[u8; 2], u32> = HashMap::new();
    for row in rows.iter() {
        let r = &row.record;
        if r.feature_class == b'A' && r.feature_code.starts_with(b"PCL") {
            population.insert(r.country, r.population);
        }
    }
    for row in rows.iter_mut() {
        let r = &mut row.record;
        if r.feature_class == b'A' && r.feature_code.starts_with(b"ADM1") {
            let people = population.get(&r.country).copied().unwrap_or(0).max(1);
            r.prior = r.prior.saturating_add(f64::from(people).log10() as u16);
        }
    }
}

fn gunzip(path: &Path) -> BoxResult<String> {
    let mut text = String::new();
    flate2::read::GzDecoder::new(fs::File::open(path)?).read_to_string(&mut text)?;
    Ok(text)
}

/// Deduplicating string pool.
#[derive(Default)]
struct Pool {
    bytes: Vec<u8>,
    seen: HashMap<String, StrRef>,
}

impl Pool {
    fn add(&mut self, s: &str) -> BoxResult<StrRef> {
        if let Some(r) = self.seen.get(s) {
            return Ok(*r);
        }
        let r = StrRef {
            offset: u32::try_from(self.bytes.len())?,
            len: u16::try_from(s.len())?,
        };
        self.bytes.extend_from_slice(s.as_bytes());
        self.seen.insert(s.to_owned(), r);
        Ok(r)
    }

    fn get(&self, r: StrRef) -> &str {
        let start = r.offset as usize;
        std::str::from_utf8(&self.bytes[start..start + usize::from(r.len)]).unwrap_or("")
    }
}

fn kind_of(class: &str, code: &str) -> u8 {
    match (class, code) {
        ("A", "ADM1" | "ADM2" | "ADMD") => layout::KIND_REGION,
        ("A", _) => layout::KIND_COUNTRY,
        ("P", _) => layout::KIND_SETTLEMENT,
        ("H", _) => layout::KIND_WATER,
        ("L", "RGN" | "RGNH" | "AREA") => layout::KIND_REGION,
        _ => layout::KIND_LANDMARK,
    }
}

/// Static importance: feature rank plus a population term.
#[expect(
    clippy::cast_sign_loss,
    reason = "log10 of a population of at least 1 is not negative"
)]
fn prior(class: &str, code: &str, population: u32, curated: bool) -> u16 {
    let rank: u32 = match (class, code) {
        ("A", "ADM1") => 700,
        ("A", "ADM2") => 400,
        ("A", _) => 1000,
        ("P", "PPLC") => 900,
        ("P", "PPLA" | "PPLG") => 600,
        ("P", "PPLA2") => 400,
        ("P", "PPLA3" | "PPLA4") => 300,
        ("P", _) if curated => 300,
        ("P", _) => 200,
        _ if curated => 650,
        _ => 100,
    };
    let pop_term = if population > 0 {
        (f64::from(population).log10() * 60.0) as u32
    } else {
        0
    };
    u16::try_from((rank + pop_term).min(u32::from(u16::MAX))).unwrap_or(u16::MAX)
}

/// Countries whose place names GeoNames writes with the Arabic article.
const ARABIC_COUNTRIES: &[&str] = &[
    "AE", "BH", "DZ", "EG", "IQ", "JO", "KW", "LB", "LY", "MA", "MR", "OM", "PS", "QA", "SA", "SD",
    "SY", "TN", "YE",
];

/// The article's transliterations ("al", and "ar", "ash", … before sun letters).
const ARABIC_ARTICLES: &[&str] = &[
    "al", "el", "ad", "an", "ar", "as", "ash", "at", "az", "ed", "en", "er", "es", "et", "ez",
];

/// `key` with its article word "al" spelled "el" or the other way round, when it has one
/// inside a name of two words or more ("deir el balah" → "deir al balah").
fn swap_article(key: &str) -> Option<String> {
    let swapped: Vec<&str> = key
        .split(' ')
        .map(|w| match w {
            "al" => "el",
            "el" => "al",
            other => other,
        })
        .collect();
    let joined = swapped.join(" ");
    (swapped.len() >= 2 && joined != key).then_some(joined)
}

fn read_tsv(text: &str, curated: bool, pool: &mut Pool, rows: &mut Vec<Row>) -> BoxResult<()> {
    for (lineno, line) in text.lines().enumerate().skip(1) {
        let f: Vec<&str> = line.split('\t').collect();
        if f.len() < 13 {
            return Err(format!("gazetteer line {}: {} columns", lineno + 1, f.len()).into());
        }
        let (name, ascii, alternates) = (f[0], f[1], f[2]);
        if name.trim().is_empty() {
            // A few Natural Earth admin-1 units have no name: nothing could mention them.
            continue;
        }
        let lat: f32 = f[3].parse()?;
        let lon: f32 = f[4].parse()?;
        let (class, code, country, admin1) = (f[5], f[6], f[7], f[8]);
        let population: u32 = if f[9].is_empty() { 0 } else { f[9].parse()? };
        let geonameid: u32 = if f[10].is_empty() { 0 } else { f[10].parse()? };
        let mut feature_code = [0u8; 5];
        for (dst, src) in feature_code.iter_mut().zip(code.bytes()) {
            *dst = src;
        }
        let mut country_code = [0u8; 2];
        for (dst, src) in country_code.iter_mut().zip(country.bytes()) {
            *dst = src;
        }
        let record = PlaceRecord {
            lat,
            lon,
            population,
            name: pool.add(name)?,
            admin1: pool.add(admin1)?,
            geonameid,
            feature_class: class.bytes().next().unwrap_or(b'?'),
            feature_code,
            country: country_code,
            kind: kind_of(class, code),
            flags: if curated { layout::FLAG_CURATED } else { 0 },
            prior: prior(class, code, population, curated),
        };
        let mut keys = vec![(normalize::name_key(name), layout::HOW_NAME)];
        keys.push((normalize::name_key(ascii), layout::HOW_ASCII));
        for alt in alternates.split(',') {
            keys.push((normalize::name_key(alt), layout::HOW_ALTERNATE));
        }
        if ARABIC_COUNTRIES.contains(&country) {
            // News drops the Arabic article: "Al Qamishli" is "Qamishli", "Ar Raqqah"
            // "Raqqah", "El Arish" "Arish".
            let bare: Vec<String> = keys
                .iter()
                .take(2) // the name and its ASCII form, pushed first above
                .filter_map(|(key, _)| {
                    let (article, rest) = key.split_once(' ')?;
                    ARABIC_ARTICLES.contains(&article).then(|| rest.to_string())
                })
                .collect();
            keys.extend(bare.into_iter().map(|k| (k, layout::HOW_ALTERNATE)));
            // ... and spells the article "al" or "el" as it likes: GeoNames has "Deir
            // el-Balah", the wires write "Deir al-Balah".
            let swapped: Vec<String> = keys
                .iter()
                .filter_map(|(key, _)| swap_article(key))
                .collect();
            keys.extend(swapped.into_iter().map(|k| (k, layout::HOW_ALTERNATE)));
        }
        rows.push(Row { record, keys });
    }
    Ok(())
}

/// Adds the curated aliases of `assets/aliases.tsv` (`alias<TAB>country<TAB>name or geonameid:N`).
fn apply_aliases(text: &str, rows: &mut [Row], pool: &Pool) -> BoxResult<()> {
    for line in text.lines() {
        if line.starts_with('#') || line.trim().is_empty() {
            continue;
        }
        let f: Vec<&str> = line.split('\t').collect();
        let [alias, country, target] = f[..] else {
            return Err(format!("aliases.tsv: bad line {line:?}").into());
        };
        let geonameid: Option<u32> = target
            .strip_prefix("geonameid:")
            .map(str::parse)
            .transpose()?;
        let row = rows
            .iter_mut()
            .filter(|r| r.record.country.as_slice() == country.as_bytes())
            .filter(|r| match geonameid {
                Some(id) => r.record.geonameid == id,
                None => pool.get(r.record.name) == target,
            })
            .max_by_key(|r| r.record.prior)
            .ok_or_else(|| format!("aliases.tsv: no place {target:?} in {country}"))?;
        row.keys
            .push((normalize::name_key(alias), layout::HOW_ALIAS));
    }
    Ok(())
}

fn write_index(rows: &[Row], pool: &Pool, out_dir: &Path) -> BoxResult<()> {
    let mut places = Vec::with_capacity(rows.len() * layout::RECORD_LEN);
    // key -> (place id, how), the best tag per place.
    let mut by_key: BTreeMap<&str, Vec<(u32, u32)>> = BTreeMap::new();
    for (id, row) in rows.iter().enumerate() {
        row.record.encode(&mut places);
        let id = u32::try_from(id)?;
        for (key, how) in &row.keys {
            if key.is_empty() {
                continue;
            }
            let list = by_key.entry(key.as_str()).or_default();
            // Keep the most trusted way the key names this place: its own name, then a
            // curated alias, then an alternate.
            let trust = |how: u32| match how {
                layout::HOW_NAME | layout::HOW_ASCII => 0,
                layout::HOW_ALIAS => 1,
                _ => 2,
            };
            match list.iter_mut().find(|(p, _)| *p == id) {
                Some(entry) if trust(*how) < trust(entry.1) => entry.1 = *how,
                Some(_) => {}
                None => list.push((id, *how)),
            }
        }
    }
    let mut postings: Vec<u8> = Vec::new();
    let mut builder = fst::MapBuilder::memory();
    let max_count = (1u32 << layout::COUNT_BITS) - 1;
    for (key, mut list) in by_key {
        list.sort_by_key(|&(id, how)| {
            let prior = rows.get(id as usize).map_or(0, |r| r.record.prior);
            (how == layout::HOW_ALTERNATE, std::cmp::Reverse(prior), id)
        });
        list.truncate(max_count as usize);
        let start = u64::try_from(postings.len() / 4)?;
        for (id, how) in &list {
            postings.extend_from_slice(&((id << 2) | how).to_le_bytes());
        }
        let count = u64::try_from(list.len())?;
        builder.insert(key, (start << layout::COUNT_BITS) | count)?;
    }
    fs::write(out_dir.join("names.fst"), builder.into_inner()?)?;
    fs::write(out_dir.join("places.bin"), places)?;
    fs::write(out_dir.join("strings.bin"), &pool.bytes)?;
    fs::write(out_dir.join("postings.bin"), postings)?;
    Ok(())
}

fn write_word_set(text: &str, path: &Path) -> BoxResult<()> {
    let mut words: Vec<String> = text
        .lines()
        .filter(|l| !l.starts_with('#'))
        .map(normalize::name_key)
        .filter(|w| !w.is_empty())
        .collect();
    words.sort();
    words.dedup();
    let mut builder = fst::SetBuilder::memory();
    builder.extend_iter(words)?;
    fs::write(path, builder.into_inner()?)?;
    Ok(())
}
