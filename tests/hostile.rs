//! Hostile input: every bad file gets a message naming it and the reason, nothing
//! panics, and every good file still loads (issue 5's list, case by case).
//!
//! Most cases share one folder read by the real binary, the way a user would point
//! dateline at a messy download folder; the heavy ones (200 MB, a 50 MB line, 100,000
//! files) and the races have their own tests.

#![expect(clippy::expect_used, reason = "test helpers outside #[test] fns")]

use dateline::corpus::{self, Corpus};
use dateline::problem::Severity;
use std::path::{Path, PathBuf};
use std::process::{Command, Output};

const GOOD: &str = " date 2023-06-01\nShelling hit Kharkiv on Monday, officials said.\n";

fn write(dir: &Path, name: &str, bytes: &[u8]) -> PathBuf {
    let path = dir.join(name);
    if let Some(parent) = path.parent() {
        std::fs::create_dir_all(parent).expect("create folder");
    }
    std::fs::write(&path, bytes).expect("write file");
    path
}

fn dateline(args: &[&str]) -> Output {
    Command::new(env!("CARGO_BIN_EXE_dateline"))
        .args(args)
        .output()
        .expect("the binary runs")
}

/// The message lines about `file` on stderr.
fn messages_about<'a>(stderr: &'a str, file: &str) -> Vec<&'a str> {
    stderr
        .lines()
        .filter(|l| l.starts_with("dateline: ") && l.contains(file))
        .collect()
}

/// Articles (file names) that produced events, from JSON Lines.
fn articles_with_events(stdout: &[u8]) -> Vec<String> {
    let mut names: Vec<String> = std::str::from_utf8(stdout)
        .expect("UTF-8 output")
        .lines()
        .map(|l| {
            let v: serde_json::Value = serde_json::from_str(l).expect("JSON line");
            v["article"].as_str().expect("article").to_owned()
        })
        .collect();
    names.sort();
    names.dedup();
    names
}

/// Writes every troublesome file of the messy-folder test, and good files, into `d`.
fn messy_folder(d: &Path) {
    write(d, "good.txt", GOOD.as_bytes());
    write(d, "empty.txt", b"");
    let mut png = b"\x89PNG\r\n\x1a\n".to_vec();
    png.extend_from_slice(&[0u8; 64]);
    write(d, "photo.txt", &png);
    let mut elf = b"\x7fELF\x02\x01\x01".to_vec();
    elf.extend_from_slice(&[0u8; 64]);
    write(d, "program", &elf);
    // A few NUL bytes inside text: removed, the text read.
    write(
        d,
        "nul.txt",
        b" date 2023-06-01\nShelling hit Odesa\0 on Monday, officials said.\n",
    );
    // Windows-1251: "Shelling in Kyiv" in Russian, then English.
    let (cp1251, _, _) = encoding_rs::WINDOWS_1251
        .encode(" date 2023-06-01\nОбстрел в Киеве. Shelling hit Dnipro on Monday.\n");
    write(d, "cp1251.txt", &cp1251);
    write(
        d,
        "latin1.txt",
        b" date 2023-06-01\nThe caf\xe9 in Lviv was hit on Monday.\n",
    );
    let mut utf16 = vec![0xff, 0xfe];
    for unit in " date 2023-06-01\nShelling hit Sumy on Monday.\n".encode_utf16() {
        utf16.extend_from_slice(&unit.to_le_bytes());
    }
    write(d, "utf16.txt", &utf16);
    write(
        d,
        "impossible.txt",
        b" date 2023-02-30\nShelling hit Kherson in southern Ukraine on Monday.\n",
    );
    write(
        d,
        "centuries.txt",
        b" date 2023-06-01\nPoltava was founded in 899; Mariupol will be rebuilt by 2523.\n",
    );
    write(d, "twice-a.txt", GOOD.replace("Kharkiv", "Lviv").as_bytes());
    write(d, "twice-b.txt", GOOD.replace("Kharkiv", "Lviv").as_bytes());
    write(
        d,
        "types.json",
        br#"{"text": 5, "date": ["x"], "title": {"a": 1}}"#,
    );
    write(
        d,
        "nobody.html",
        b"<html><head><title>Nothing</title></head><body><script>x()</script></body></html>",
    );
    write(
        d,
        "broken-live.txt",
        b"Live updates\n\nSummary\n\n1\nStrike reported published at 25:61 British Summer Time 1 June 2023\nShelling hit Kramatorsk today.\n",
    );
    // 50 folders deep, with a good file at the bottom.
    let deep: PathBuf = (1..=50).map(|i| format!("d{i}")).collect();
    write(
        d,
        &deep.join("deep.txt").to_string_lossy(),
        GOOD.replace("Kharkiv", "Zaporizhzhia").as_bytes(),
    );
    #[cfg(unix)]
    std::os::unix::fs::symlink(d, d.join("loop")).expect("symlink");
}

/// One folder of everything that goes wrong in real downloads, next to good files.
#[test]
fn a_messy_folder_loads_every_good_file_and_names_every_bad_one() {
    let dir = tempfile::tempdir().expect("temp dir");
    let d = dir.path();
    messy_folder(d);
    let out = dateline(&["events", d.to_str().expect("utf-8 path")]);
    let stderr = String::from_utf8_lossy(&out.stderr);
    assert_eq!(out.status.code(), Some(2), "files failed: exit 2\n{stderr}");
    let expect = |file: &str, reason: &str| {
        let lines = messages_about(&stderr, file);
        assert!(
            lines.iter().any(|l| l.contains(reason)),
            "{file}: expected “{reason}” in {lines:?}\n{stderr}"
        );
    };
    expect("empty.txt", "empty file");
    expect("photo.txt", "binary file (PNG image)");
    expect("program", "binary file (ELF");
    expect("nul.txt", "NUL");
    expect("cp1251.txt", "decoded as windows-1251");
    expect("latin1.txt", "decoded as windows-1252");
    expect("utf16.txt", "decoded as UTF-16LE");
    expect("impossible.txt", "impossible date 2023-02-30");
    expect("twice-b.txt", "same text as");
    expect("types.json", "no article text found");
    expect("nobody.html", "no article text found");
    expect("broken-live.txt", "impossible time 25:61");
    expect("loop", "already read");

    let read = articles_with_events(&out.stdout);
    for good in [
        "good.txt",
        "nul.txt",
        "cp1251.txt",
        "latin1.txt",
        "utf16.txt",
        "impossible.txt",
        "centuries.txt",
        "twice-a.txt",
        "broken-live.txt",
        "deep.txt",
    ] {
        assert!(
            read.iter().any(|r| r == good),
            "{good} missing from {read:?}"
        );
    }
    assert!(
        !read.iter().any(|r| r == "twice-b.txt"),
        "the same article twice is one item"
    );
}

/// Dates centuries away are read as written and do not stretch the timeline.
#[test]
fn dates_centuries_away_stay_put() {
    let dir = tempfile::tempdir().expect("temp dir");
    write(dir.path(), "good.txt", GOOD.as_bytes());
    write(
        dir.path(),
        "centuries.txt",
        b" date 2023-06-01\nPoltava was founded in 899. Mariupol will be rebuilt by 2523.\n",
    );
    let corpus = Corpus::load(&[dir.path().to_path_buf()]);
    let years: Vec<i32> = corpus
        .events
        .iter()
        .map(|e| chrono::Datelike::year(&e.date.first_day))
        .collect();
    assert!(years.contains(&2023), "{years:?}");
    #[cfg(feature = "gui")]
    {
        let index =
            dateline::index::CorpusIndex::new(&corpus, dateline::gazetteer::Gazetteer::embedded());
        let (first, last) = index.bounds;
        assert!((last - first).num_days() < 60, "timeline {first}..{last}");
    }
}

/// A 200 MB file is refused by its size before being read; the next file loads.
#[test]
fn a_huge_file_is_refused_by_size() {
    let dir = tempfile::tempdir().expect("temp dir");
    let huge = dir.path().join("huge.txt");
    let file = std::fs::File::create(&huge).expect("create");
    file.set_len(200 * 1024 * 1024).expect("sparse 200 MB");
    write(dir.path(), "good.txt", GOOD.as_bytes());
    let corpus = Corpus::load(&[dir.path().to_path_buf()]);
    let problem = corpus
        .problems
        .iter()
        .find(|p| p.path == huge)
        .expect("huge.txt reported");
    assert_eq!(problem.severity(), Severity::Error);
    assert!(problem.to_string().contains("too large"), "{problem}");
    assert_eq!(corpus.articles.len(), 1);
}

/// A single 50 MB line (a minified dump, a text without line breaks) is read whole.
#[test]
fn a_fifty_megabyte_line_is_read() {
    let dir = tempfile::tempdir().expect("temp dir");
    let filler = "the council met and talked about the weather for a long while, ";
    let mut text = String::from(" date 2023-06-01\nShelling hit Kharkiv on Monday. ");
    while text.len() < 50_000_000 {
        text.push_str(filler);
    }
    text.push_str("Then Odesa was hit on Tuesday.");
    write(dir.path(), "line.txt", text.as_bytes());
    let corpus = Corpus::load(&[dir.path().to_path_buf()]);
    assert!(corpus.problems.is_empty(), "{:?}", corpus.problems);
    let places: Vec<&str> = corpus
        .events
        .iter()
        .filter_map(|e| dateline::gazetteer::Gazetteer::embedded().place(e.place))
        .map(|p| p.name)
        .collect();
    assert!(
        places.contains(&"Kharkiv") && places.contains(&"Odesa"),
        "{places:?}"
    );
}

/// 100,000 tiny files: all read, none lost.
#[test]
fn a_hundred_thousand_tiny_files() {
    let dir = tempfile::tempdir().expect("temp dir");
    let n = 100_000;
    for i in 0..n {
        let sub = dir.path().join(format!("{:03}", i % 200));
        if i < 200 {
            std::fs::create_dir_all(&sub).expect("folder");
        }
        let text = format!(" date 2023-06-01\nReport {i}: shelling hit Kharkiv on Monday.\n");
        std::fs::write(sub.join(format!("{i}.txt")), text).expect("write");
    }
    let corpus = Corpus::load(&[dir.path().to_path_buf()]);
    assert!(corpus.problems.is_empty(), "{:?}", corpus.problems.first());
    assert_eq!(corpus.articles.len(), n);
    assert!(corpus.events.len() >= n);
}

/// A file that disappears between listing and reading is reported; the rest loads.
#[test]
fn a_file_deleted_while_loading_is_reported() {
    let dir = tempfile::tempdir().expect("temp dir");
    let good = write(dir.path(), "good.txt", GOOD.as_bytes());
    let gone = write(
        dir.path(),
        "gone.txt",
        GOOD.replace("Kharkiv", "Sumy").as_bytes(),
    );
    let (files, problems) = corpus::discover(&[dir.path().to_path_buf()]);
    assert_eq!(files, vec![gone.clone(), good]);
    std::fs::remove_file(&gone).expect("delete");
    let inputs = files
        .into_iter()
        .map(|path| corpus::Input { path, bytes: None })
        .collect();
    let corpus = Corpus::from_inputs(inputs, problems);
    assert_eq!(corpus.articles.len(), 1);
    let problem = corpus
        .problems
        .iter()
        .find(|p| p.path == gone)
        .expect("gone.txt reported");
    assert!(problem.to_string().contains("No such file"), "{problem}");
}

/// A file the user may not read is named with the reason (skipped when running as
/// root, who may read anything).
#[cfg(unix)]
#[test]
fn an_unreadable_file_is_reported() {
    use std::os::unix::fs::PermissionsExt as _;
    let dir = tempfile::tempdir().expect("temp dir");
    write(dir.path(), "good.txt", GOOD.as_bytes());
    let locked = write(dir.path(), "locked.txt", GOOD.as_bytes());
    std::fs::set_permissions(&locked, std::fs::Permissions::from_mode(0o000)).expect("chmod");
    if std::fs::read(&locked).is_ok() {
        // Running as root: permissions do not apply, so there is no such file to test.
        return;
    }
    let corpus = Corpus::load(&[dir.path().to_path_buf()]);
    let problem = corpus
        .problems
        .iter()
        .find(|p| p.path == locked)
        .expect("locked.txt reported");
    assert!(
        problem.to_string().contains("ermission denied"),
        "{problem}"
    );
    assert_eq!(corpus.articles.len(), 1);
}
