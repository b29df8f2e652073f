//! Watch mode on a real folder: files added or changed appear within a second,
//! half-written files are retried, deleted files disappear, nothing else is re-read.

#![expect(clippy::expect_used, reason = "test helpers outside #[test] fns")]

use dateline::corpus::Corpus;
use dateline::watch::{Changes, Watcher};
use std::path::Path;
use std::time::{Duration, Instant};

const ONE_SECOND: Duration = Duration::from_secs(1);

fn article(place: &str) -> String {
    format!(" date 2023-06-01\nShelling hit {place} in Ukraine on Monday, officials said.\n")
}

fn names(corpus: &Corpus) -> Vec<String> {
    corpus.articles.iter().map(|a| a.name.clone()).collect()
}

/// The next batch, which must come within a second of the write.
fn next(watcher: &Watcher, since: Instant) -> Changes {
    let changes = watcher
        .wait(Duration::from_secs(5))
        .expect("a change reported");
    assert!(
        since.elapsed() < ONE_SECOND,
        "reported after {:?}",
        since.elapsed()
    );
    changes
}

#[test]
fn added_changed_and_deleted_files_follow_the_folder() {
    let dir = tempfile::tempdir().expect("temp dir");
    let d = dir.path();
    std::fs::write(d.join("a.txt"), article("Kharkiv")).expect("write");
    std::fs::write(d.join("b.txt"), article("Odesa")).expect("write");
    let mut corpus = Corpus::load(&[d.to_path_buf()]);
    assert_eq!(names(&corpus), ["a.txt", "b.txt"]);
    let watcher = Watcher::start(&[d.to_path_buf()], || {}).expect("watch");

    // Added: only the new file is reported (and so re-read).
    let t = Instant::now();
    std::fs::write(d.join("c.txt"), article("Lviv")).expect("write");
    let changes = next(&watcher, t);
    assert_eq!(changes.changed, [d.join("c.txt")]);
    assert!(changes.removed.is_empty());
    corpus = corpus.apply_changes(&changes.changed, &changes.removed);
    assert_eq!(names(&corpus), ["a.txt", "b.txt", "c.txt"]);

    // Changed: its events are replaced, the others kept.
    let t = Instant::now();
    std::fs::write(d.join("a.txt"), article("Dnipro")).expect("write");
    let changes = next(&watcher, t);
    assert_eq!(changes.changed, [d.join("a.txt")]);
    corpus = corpus.apply_changes(&changes.changed, &changes.removed);
    let first = corpus.articles.first().expect("a.txt");
    let text = first.text.to_str();
    assert!(text.contains("Dnipro"));
    let in_a: Vec<&str> = corpus
        .events
        .iter()
        .filter(|e| e.article == 0)
        .filter_map(|e| text.get(e.start as usize..e.end as usize))
        .collect();
    assert!(
        in_a.contains(&"Dnipro") && !in_a.contains(&"Kharkiv"),
        "{in_a:?}"
    );
    assert_eq!(corpus.articles.len(), 3);

    // Deleted: gone from the corpus.
    let t = Instant::now();
    std::fs::remove_file(d.join("b.txt")).expect("delete");
    let changes = next(&watcher, t);
    assert_eq!(changes.removed, [d.join("b.txt")]);
    corpus = corpus.apply_changes(&changes.changed, &changes.removed);
    assert_eq!(names(&corpus), ["a.txt", "c.txt"]);
    assert!(
        corpus
            .events
            .iter()
            .all(|e| (e.article as usize) < corpus.articles.len())
    );
    // The result equals a fresh load of the folder.
    let fresh = Corpus::load(&[d.to_path_buf()]);
    assert_eq!(corpus.articles, fresh.articles);
    assert_eq!(corpus.events, fresh.events);
}

/// A JSON file written in two parts with a pause is not reported while cut short; once
/// complete it is read, with no problem left behind.
#[test]
fn half_written_files_are_retried() {
    let dir = tempfile::tempdir().expect("temp dir");
    let d = dir.path();
    let watcher = Watcher::start(&[d.to_path_buf()], || {}).expect("watch");
    let path = d.join("wire.json");
    let whole = r#"{"date": "2023-06-01", "title": "Strikes", "text": "Shelling hit Kharkiv in Ukraine on Monday."}"#;
    std::fs::write(&path, &whole[..30]).expect("write half");
    std::thread::sleep(Duration::from_millis(700));
    assert!(watcher.poll().is_none(), "a half-written file was reported");
    let t = Instant::now();
    std::fs::write(&path, whole).expect("write whole");
    let changes = next(&watcher, t);
    assert_eq!(changes.changed, std::slice::from_ref(&path));
    let corpus = Corpus::default().apply_changes(&changes.changed, &changes.removed);
    assert!(corpus.problems.is_empty(), "{:?}", corpus.problems);
    assert_eq!(corpus.articles.len(), 1);
    assert!(!corpus.events.is_empty());
}

/// A folder moved in brings its files; removing it takes them away.
#[test]
fn folders_come_and_go_whole() {
    let dir = tempfile::tempdir().expect("temp dir");
    let outside = tempfile::tempdir().expect("temp dir");
    let staged = outside.path().join("batch");
    std::fs::create_dir(&staged).expect("mkdir");
    std::fs::write(staged.join("x.txt"), article("Sumy")).expect("write");
    std::fs::write(staged.join("y.txt"), article("Odesa")).expect("write");
    let d = dir.path();
    let watcher = Watcher::start(&[d.to_path_buf()], || {}).expect("watch");
    let t = Instant::now();
    std::fs::rename(&staged, d.join("batch")).expect("move in");
    let changes = next(&watcher, t);
    assert_eq!(
        changes.changed,
        [d.join("batch").join("x.txt"), d.join("batch").join("y.txt")]
    );
    let corpus = Corpus::default().apply_changes(&changes.changed, &changes.removed);
    assert_eq!(corpus.articles.len(), 2);
    let t = Instant::now();
    std::fs::remove_dir_all(d.join("batch")).expect("remove");
    let changes = next(&watcher, t);
    let corpus = corpus.apply_changes(&changes.changed, &changes.removed);
    assert!(corpus.articles.is_empty(), "{changes:?}");
    assert!(!Path::new(&d.join("batch")).exists());
}
