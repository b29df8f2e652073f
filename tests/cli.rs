//! The real `dateline` binary, run the way users and scripts run it.
//!
//! Every JSON Lines record is parsed into a `deny_unknown_fields` copy of the
//! INTERFACE.md record, so a renamed, missing or extra field fails here.

#![expect(clippy::expect_used, reason = "test helpers outside #[test] fns")]

use serde::Deserialize;
use std::path::{Path, PathBuf};
use std::process::{Command, Output};

/// The INTERFACE.md record, field for field.
#[derive(Debug, Deserialize)]
#[serde(deny_unknown_fields)]
struct Record {
    article: String,
    item: String,
    published: String,
    place: String,
    kind: String,
    lat: f64,
    lon: f64,
    mention: String,
    start: usize,
    end: usize,
    date: String,
    granularity: String,
    date_source: String,
    sentence: String,
}

fn dateline(args: &[&str]) -> Output {
    Command::new(env!("CARGO_BIN_EXE_dateline"))
        .args(args)
        .output()
        .expect("the binary runs")
}

fn records(stdout: &[u8]) -> Vec<Record> {
    std::str::from_utf8(stdout)
        .expect("stdout is UTF-8")
        .lines()
        .map(|line| serde_json::from_str(line).unwrap_or_else(|e| panic!("bad record {line}: {e}")))
        .collect()
}

fn km(lat1: f64, lon1: f64, lat2: f64, lon2: f64) -> f64 {
    let (p1, p2) = (lat1.to_radians(), lat2.to_radians());
    let a = ((p2 - p1) / 2.0).sin().powi(2)
        + p1.cos() * p2.cos() * ((lon2 - lon1).to_radians() / 2.0).sin().powi(2);
    2.0 * 6371.0 * a.sqrt().asin()
}

fn seed_records() -> Vec<Record> {
    let out = dateline(&["events"]);
    assert!(
        out.status.success(),
        "seeds load cleanly: {}",
        String::from_utf8_lossy(&out.stderr)
    );
    assert!(
        out.stderr.is_empty(),
        "no problems with the seeds: {}",
        String::from_utf8_lossy(&out.stderr)
    );
    records(&out.stdout)
}

/// With no path, the embedded seeds are read, whatever the working directory.
#[test]
fn events_without_paths_reads_the_bundled_seeds_from_anywhere() {
    let dir = tempfile::tempdir().unwrap();
    let out = Command::new(env!("CARGO_BIN_EXE_dateline"))
        .arg("events")
        .current_dir(dir.path())
        .output()
        .unwrap();
    assert!(out.status.success());
    let recs = records(&out.stdout);
    let articles: std::collections::BTreeSet<&str> =
        recs.iter().map(|r| r.article.as_str()).collect();
    assert_eq!(articles.len(), 3, "three seed articles: {articles:?}");
}

/// The named places sit within 10 km of where they really are.
#[test]
fn key_places_are_within_ten_km() {
    let recs = seed_records();
    for (name, lat, lon) in [
        ("Kyiv", 50.4501, 30.5234),
        ("Shebekino", 50.41, 36.9),
        ("Chisinau", 47.0105, 28.8638),
    ] {
        let r = recs
            .iter()
            .find(|r| r.place == name && r.kind == "settlement")
            .unwrap_or_else(|| panic!("{name} found"));
        assert!(
            km(r.lat, r.lon, lat, lon) < 10.0,
            "{name} at {},{}",
            r.lat,
            r.lon
        );
    }
    let belgorod = recs
        .iter()
        .find(|r| r.mention == "Belgorod" && r.kind == "settlement")
        .expect("Belgorod city");
    assert!(
        km(belgorod.lat, belgorod.lon, 50.5954, 36.5873) < 10.0,
        "Belgorod at {},{}",
        belgorod.lat,
        belgorod.lon
    );
}

/// The dates the issue names resolve as a reader would resolve them.
#[test]
fn named_dates_resolve() {
    let recs = seed_records();
    let find = |mention: &str, sentence_part: &str| {
        recs.iter()
            .find(|r| r.mention == mention && r.sentence.contains(sentence_part))
            .unwrap_or_else(|| panic!("{mention} in a sentence with {sentence_part:?}"))
    };
    let dnieper_region = find("Dnieper region", "Saturday, June 3");
    assert_eq!(
        (
            dnieper_region.date.as_str(),
            dnieper_region.granularity.as_str()
        ),
        ("2023-06-03", "day")
    );
    let moscow = find("Moscow", "on Tuesday");
    assert_eq!(
        (moscow.date.as_str(), moscow.date_source.as_str()),
        ("2023-05-30", "text")
    );
    let kremlin = find("Kremlin", "on 3 May");
    assert_eq!(kremlin.date, "2023-05-03");
    let vilnius = find("Vilnius", "mid-July");
    assert_eq!(
        (vilnius.date.as_str(), vilnius.granularity.as_str()),
        ("2023-07-01", "month")
    );
    let ukraine = find("Ukraine", "June of last year");
    assert_eq!(
        (ukraine.date.as_str(), ukraine.granularity.as_str()),
        ("2022-06-01", "month")
    );
    let undated = find("Bakhmut", "In Bakhmut");
    assert_eq!(
        (undated.date.as_str(), undated.date_source.as_str()),
        ("2023-06-04", "published")
    );
}

/// Every live-blog entry is its own item with its own timestamp.
#[test]
fn live_blog_entries_carry_their_own_time() {
    let recs = seed_records();
    let blog: Vec<&Record> = recs
        .iter()
        .filter(|r| r.article.starts_with("001"))
        .collect();
    let stamps: std::collections::BTreeSet<&str> =
        blog.iter().map(|r| r.published.as_str()).collect();
    assert!(
        stamps.len() >= 15,
        "entries keep their own times: {stamps:?}"
    );
    let oslo = blog
        .iter()
        .find(|r| r.sentence.contains("Colonna in Oslo today"))
        .expect("caption event");
    assert_eq!(oslo.published, "2023-06-01T15:19:00+01:00");
    assert_eq!(
        oslo.item,
        "Nato should consider what security guarantees it can give Ukraine - French FM"
    );
    assert!(
        blog.iter().all(|r| !r.item.contains("published at")),
        "titles lose the stamp"
    );
}

/// Offsets point at the mention in the file, so the text can be highlighted.
#[test]
fn offsets_point_at_the_mention_in_the_file() {
    let recs = seed_records();
    for r in &recs {
        let text = std::fs::read_to_string(Path::new("seeds").join(&r.article)).unwrap();
        assert_eq!(text.get(r.start..r.end), Some(r.mention.as_str()), "{r:?}");
    }
}

/// Scores `events` against `gold` with `score.py` in `eval`: the report, and the metrics
/// of its last line (`place_f1=… event_f1=…`).
fn score(eval: &Path, gold: &Path, events: &Path) -> (String, Vec<(String, f64)>) {
    let out = Command::new("python3")
        .arg(eval.join("score.py"))
        .arg(gold)
        .arg(events)
        .output()
        .expect("python3 runs the scorer");
    assert!(
        out.status.success(),
        "score.py failed: {}",
        String::from_utf8_lossy(&out.stderr)
    );
    let report = String::from_utf8_lossy(&out.stdout).into_owned();
    let metrics = report
        .lines()
        .last()
        .unwrap_or_default()
        .split_whitespace()
        .filter_map(|kv| {
            let (k, v) = kv.split_once('=')?;
            Some((k.to_string(), v.parse().ok()?))
        })
        .collect();
    (report, metrics)
}

fn metric(metrics: &[(String, f64)], name: &str, report: &str) -> f64 {
    metrics
        .iter()
        .find(|(k, _)| k == name)
        .map_or_else(|| panic!("{name} in {report}"), |(_, v)| *v)
}

/// The seeds score above the bar against the hand-made gold.
#[test]
fn seeds_score_above_the_bar() {
    let dir = tempfile::tempdir().unwrap();
    let events = dir.path().join("events.jsonl");
    std::fs::write(&events, dateline(&["events", "--format", "jsonl"]).stdout).unwrap();
    // Prefer the shared, vetted copy when it is there; the repository carries one too.
    let eval = ["../shared/eval", "tests/eval"]
        .iter()
        .map(PathBuf::from)
        .find(|d| d.join("score.py").exists())
        .unwrap();
    let (report, metrics) = score(&eval, &eval.join("gold_seeds.json"), &events);
    assert!(metric(&metrics, "place_f1", &report) >= 0.90, "{report}");
    assert!(metric(&metrics, "event_f1", &report) >= 0.85, "{report}");
}

/// The development sets (held-out sets once read, `tests/eval/dev/`) stay above a floor
/// 0.03 under their present scores: a rule that breaks other news fails here.
#[test]
fn development_sets_stay_above_their_floor() {
    for (set, place, event) in [
        ("set6", 0.86, 0.86),
        ("set7", 0.84, 0.85),
        ("set8", 0.86, 0.84),
        ("set9", 0.81, 0.80),
        ("set10", 0.87, 0.86),
        ("set11", 0.75, 0.74),
        ("set12", 0.80, 0.79),
        ("set13", 0.88, 0.87),
        ("set14", 0.89, 0.88),
        ("set15", 0.85, 0.83),
    ] {
        let dir = tempfile::tempdir().unwrap();
        let events = dir.path().join("events.jsonl");
        let root = PathBuf::from("tests/eval/dev").join(set);
        let articles = root.join("articles");
        let run = dateline(&["events", articles.to_str().unwrap(), "--format", "jsonl"]);
        assert!(run.status.success(), "{set}: {run:?}");
        std::fs::write(&events, run.stdout).unwrap();
        let eval = PathBuf::from("tests/eval");
        let (report, metrics) = score(&eval, &root.join("gold.json"), &events);
        assert!(
            metric(&metrics, "place_f1", &report) >= place,
            "{set}: {report}"
        );
        assert!(
            metric(&metrics, "event_f1", &report) >= event,
            "{set}: {report}"
        );
    }
}

/// GeoJSON output is a FeatureCollection a real parser accepts, one feature per event.
#[test]
fn geojson_parses_with_the_geojson_crate() {
    let jsonl = records(&dateline(&["events"]).stdout);
    let out = dateline(&["events", "--format", "geojson"]);
    assert!(out.status.success());
    let parsed: geojson::GeoJson = std::str::from_utf8(&out.stdout)
        .unwrap()
        .parse()
        .expect("valid GeoJSON");
    let geojson::GeoJson::FeatureCollection(fc) = parsed else {
        panic!("a FeatureCollection")
    };
    assert_eq!(fc.features.len(), jsonl.len());
    let first = &fc.features[0];
    let Some(geojson::Geometry {
        value: geojson::GeometryValue::Point { coordinates },
        ..
    }) = &first.geometry
    else {
        panic!("a point")
    };
    assert_eq!(
        (coordinates[0], coordinates[1]),
        (jsonl[0].lon, jsonl[0].lat),
        "lon first"
    );
    assert_eq!(
        first.property("place").and_then(|p| p.as_str()),
        Some(jsonl[0].place.as_str())
    );
}

/// KML output is well-formed XML with one Placemark per event; month- and year-dated
/// events get a `TimeSpan`, day-dated ones a `TimeStamp`.
#[test]
fn kml_has_a_placemark_per_event_with_its_time() {
    let jsonl = records(&dateline(&["events"]).stdout);
    let out = dateline(&["events", "--format", "kml"]);
    assert!(out.status.success());
    let text = std::str::from_utf8(&out.stdout).unwrap();
    let doc = roxmltree::Document::parse(text).expect("well-formed KML");
    let placemarks: Vec<_> = doc
        .descendants()
        .filter(|n| n.has_tag_name("Placemark"))
        .collect();
    assert_eq!(placemarks.len(), jsonl.len());
    for (p, r) in placemarks.iter().zip(&jsonl) {
        let child = |name: &str| p.descendants().find(|n| n.has_tag_name(name));
        assert_eq!(child("name").and_then(|n| n.text()), Some(r.place.as_str()));
        let coords = child("coordinates").and_then(|n| n.text()).unwrap();
        assert_eq!(coords, format!("{},{}", r.lon, r.lat));
        if r.granularity == "day" {
            let when = child("when").and_then(|n| n.text());
            assert_eq!(when, Some(r.date.as_str()));
        } else {
            let begin = child("begin").and_then(|n| n.text());
            assert_eq!(
                begin,
                Some(r.date.as_str()),
                "{} {}",
                r.place,
                r.granularity
            );
            assert!(child("end").is_some());
        }
    }
    assert!(
        jsonl.iter().any(|r| r.granularity != "day"),
        "the seeds have month- or year-dated events, so spans are exercised"
    );
}

/// CSV output has the INTERFACE.md header and one row per event.
#[test]
fn csv_has_the_interface_columns() {
    let jsonl = records(&dateline(&["events"]).stdout);
    let out = dateline(&["events", "--format", "csv"]);
    let mut reader = csv::Reader::from_reader(out.stdout.as_slice());
    let header: Vec<String> = reader
        .headers()
        .unwrap()
        .iter()
        .map(str::to_owned)
        .collect();
    assert_eq!(
        header,
        [
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
            "sentence"
        ]
    );
    assert_eq!(reader.records().count(), jsonl.len());
}

/// Bad files each get a message naming the file and the reason; the good ones still
/// print, and the exit status is 2.
#[test]
fn bad_files_are_reported_and_good_files_still_print() {
    let dir = tempfile::tempdir().unwrap();
    let root = dir.path();
    for entry in std::fs::read_dir("seeds").unwrap() {
        let path = entry.unwrap().path();
        std::fs::copy(&path, root.join(path.file_name().unwrap())).unwrap();
    }
    std::fs::write(
        root.join("image.txt"),
        b"\x89PNG\r\n\x1a\n\0\0\0\rIHDR\0\0\0\x10",
    )
    .unwrap();
    std::fs::write(root.join("empty.txt"), b"").unwrap();
    std::fs::write(
        root.join("broken.json"),
        b"{\"text\": \"Kyiv was hit\", \"date\": ",
    )
    .unwrap();
    let huge = std::fs::File::create(root.join("huge.txt")).unwrap();
    huge.set_len(dateline::article::MAX_FILE_BYTES + 1).unwrap();
    std::os::unix::fs::symlink(root.join("gone.txt"), root.join("dangling.txt")).unwrap();
    // Windows-1251 text is decoded, with a warning, and its places are found.
    let cp1251 = b" date 2023-06-02 \xc2\xe7\xf0\xfb\xe2\xfb \xe2 \xca\xe8\xe5\xe2\xe5. Explosions in Kharkiv on Friday.";
    std::fs::write(root.join("cyrillic.txt"), cp1251).unwrap();

    let out = dateline(&["events", root.to_str().unwrap()]);
    assert_eq!(out.status.code(), Some(2), "some files could not be read");
    let stderr = String::from_utf8_lossy(&out.stderr);
    for (file, reason) in [
        ("image.txt", "binary file (PNG image)"),
        ("empty.txt", "empty file"),
        ("broken.json", "malformed JSON"),
        ("huge.txt", "too large"),
        ("dangling.txt", "cannot read"),
        ("cyrillic.txt", "not UTF-8; decoded as windows-1251"),
    ] {
        assert!(
            stderr
                .lines()
                .any(|l| l.starts_with("dateline: ") && l.contains(file) && l.contains(reason)),
            "stderr names {file} with {reason:?}:\n{stderr}"
        );
    }
    let recs = records(&out.stdout);
    let articles: std::collections::BTreeSet<&str> =
        recs.iter().map(|r| r.article.as_str()).collect();
    assert_eq!(
        articles.len(),
        4,
        "the three seeds and the decoded file: {articles:?}"
    );
    assert!(
        recs.iter()
            .any(|r| r.article == "cyrillic.txt" && r.place == "Kharkiv" && r.date == "2023-06-02")
    );
}

/// A file without permission to read is reported (skipped when running as root, who
/// can read anything).
#[test]
fn unreadable_file_is_reported() {
    use std::os::unix::fs::PermissionsExt as _;
    let dir = tempfile::tempdir().unwrap();
    let path = dir.path().join("secret.txt");
    std::fs::write(&path, " date 2023-06-01 Kyiv.").unwrap();
    std::fs::set_permissions(&path, std::fs::Permissions::from_mode(0o000)).unwrap();
    if std::fs::read(&path).is_ok() {
        return; // Root: permissions do not apply; the dangling symlink case covers I/O errors.
    }
    let out = dateline(&["events", path.to_str().unwrap()]);
    assert_eq!(out.status.code(), Some(2));
    assert!(String::from_utf8_lossy(&out.stderr).contains("secret.txt: cannot read"));
}

/// Usage errors exit with status 1, as INTERFACE.md fixes; help exits 0 with examples.
#[test]
fn usage_errors_exit_1_and_help_shows_examples() {
    assert_eq!(
        dateline(&["events", "--format", "xml"]).status.code(),
        Some(1)
    );
    assert_eq!(dateline(&["frobnicate"]).status.code(), Some(1));
    let help = dateline(&["events", "--help"]);
    assert_eq!(help.status.code(), Some(0));
    assert!(String::from_utf8_lossy(&help.stdout).contains("dateline events news/ --format csv"));
}

/// A reader that stops early (`| head`) is not an error.
#[test]
fn closed_pipe_is_a_quiet_success() {
    use std::io::Read as _;
    let mut child = Command::new(env!("CARGO_BIN_EXE_dateline"))
        .arg("events")
        .stdout(std::process::Stdio::piped())
        .stderr(std::process::Stdio::piped())
        .spawn()
        .unwrap();
    let mut first = [0u8; 16];
    child
        .stdout
        .as_mut()
        .unwrap()
        .read_exact(&mut first)
        .unwrap();
    drop(child.stdout.take());
    let status = child.wait().unwrap();
    let mut stderr = String::new();
    child
        .stderr
        .take()
        .unwrap()
        .read_to_string(&mut stderr)
        .unwrap();
    assert!(
        status.success() || status.code() == Some(0),
        "status {status:?}"
    );
    assert!(!stderr.contains("Broken pipe"), "{stderr}");
}
