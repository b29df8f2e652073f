//! Dictionary-level tests of the embedded index (text matching is tested in
//! `tests/extraction.rs` from `tests/data/places.toml`).

use super::*;

/// `Gazetteer::embedded` expects the embedded blobs to parse; this proves they do.
#[test]
fn embedded_index_opens() {
    let g = Gazetteer::open().expect("index opens");
    assert!(g.len() > 157_000, "all rows are there: {}", g.len());
    assert!(
        g.countries.len() > 200,
        "country table built: {}",
        g.countries.len()
    );
}

/// Every record decodes and carries a name; coordinates are on the globe.
#[test]
fn every_record_decodes_with_sane_coordinates() {
    let g = Gazetteer::embedded();
    for i in 0..g.len() {
        let p = g.place(PlaceId(i as u32)).expect("record decodes");
        assert!(!p.name.is_empty(), "place {i} has a name");
        assert!(
            (-90.0..=90.0).contains(&p.lat) && (-180.0..=180.0).contains(&p.lon),
            "{} at {},{}",
            p.name,
            p.lat,
            p.lon
        );
    }
}

/// Aliases from the data and from `assets/aliases.tsv` reach the right place.
#[test]
fn aliases_and_transliterations_resolve() {
    let g = Gazetteer::embedded();
    let first = |name: &str| {
        g.lookup(name)
            .first()
            .and_then(|(id, _)| g.place(*id))
            .map(|p| p.name)
    };
    assert_eq!(first("Kiev"), Some("Kyiv"));
    assert_eq!(first("Київ"), Some("Kyiv"));
    assert_eq!(
        first("Kishinev").map(|n| n.starts_with("Chi")),
        Some(true),
        "Chisinau by its old name"
    );
    assert_eq!(first("Britain"), Some("United Kingdom"));
    // A village in Krasnoyarsk Krai bears the old name as its own, so it comes first;
    // the story decides (the place table has "Artemovsk in eastern Ukraine").
    assert!(
        g.lookup("Artemovsk")
            .iter()
            .filter_map(|(id, _)| g.place(*id))
            .any(|p| p.name == "Bakhmut"),
        "Bakhmut by its old name"
    );
}

/// Countries are found by ISO code.
#[test]
fn countries_by_code() {
    let g = Gazetteer::embedded();
    let ua = g
        .country(*b"UA")
        .and_then(|id| g.place(id))
        .expect("Ukraine");
    assert_eq!((ua.name, ua.kind), ("Ukraine", PlaceKind::Country));
    assert_eq!(g.country(*b"ZZ"), None);
}
