//! A corpus: the articles read from some paths, their events, and the problems met.
//!
//! Loading walks the paths (folders recursively, in name order, hidden files and
//! symlink loops skipped), then reads, parses and extracts the files in parallel
//! (rayon), then assembles the results in path order so output is deterministic. Each
//! bad file becomes one [`Problem`]; every other file still loads. Texts read twice
//! (the same bytes under two names) are loaded once, with a note.
//!
//! Texts are kept as read, or packed as each file is done ([`Storage::Packed`], what the
//! viewer uses: it shows a few articles at a time, and packing halves what a large
//! corpus holds). [`Corpus::text`] gives either kind, keeping the last few unpacked.

use crate::article::{self, Article, MAX_FILE_BYTES};
use crate::extract::{DateMention, Event, Scratch, extract_with};
use crate::gazetteer::Gazetteer;
use crate::problem::{Problem, ProblemKind};
use chrono::{DateTime, FixedOffset, Utc};
use rayon::prelude::*;
use std::collections::HashMap;
use std::hash::{Hash as _, Hasher as _};
use std::io::Read as _;
use std::path::{Path, PathBuf};
use std::sync::atomic::{AtomicBool, AtomicUsize, Ordering};
use std::sync::{Arc, Mutex};

/// How deep folders are followed.
const MAX_DEPTH: usize = 64;

/// The three sample articles shipped in `seeds/`, embedded so they open anywhere.
pub const SEEDS: &[(&str, &[u8])] = &[
    (
        "000_d47b813700c023a0.txt",
        include_bytes!("../seeds/000_d47b813700c023a0.txt"),
    ),
    (
        "001_955dd32676896e1b.txt",
        include_bytes!("../seeds/001_955dd32676896e1b.txt"),
    ),
    (
        "002_05ed36e4cbe14d22.txt",
        include_bytes!("../seeds/002_05ed36e4cbe14d22.txt"),
    ),
];

/// Loaded articles with their events.
#[derive(Debug, Default)]
pub struct Corpus {
    /// The articles, in path order.
    pub articles: Vec<Article>,
    /// All events: by article, then by position in the text.
    pub events: Vec<Event>,
    /// All resolved date expressions, by article and position.
    pub dates: Vec<DateMention>,
    /// Problems, in path order.
    pub problems: Vec<Problem>,
    /// How the article texts are kept.
    storage: Storage,
    /// The texts last unpacked, newest last.
    unpacked: Mutex<Vec<(usize, Arc<str>)>>,
}

/// How a corpus keeps its article texts.
#[derive(Clone, Copy, Debug, Default, PartialEq, Eq)]
pub enum Storage {
    /// As read: borrowed as they are.
    #[default]
    AsRead,
    /// Packed as each file is done ([`Text::pack`](crate::article::Text::pack)).
    Packed,
}

/// How many unpacked texts [`Corpus::text`] keeps: the article shown, the one under
/// the pointer, and a few more.
const UNPACKED_KEPT: usize = 4;

/// An article's text from [`Corpus::text`]: borrowed, or unpacked and shared.
#[derive(Debug)]
pub enum TextRef<'a> {
    /// Kept as read.
    Borrowed(&'a str),
    /// Unpacked.
    Shared(Arc<str>),
}

impl std::ops::Deref for TextRef<'_> {
    type Target = str;

    fn deref(&self) -> &str {
        match self {
            Self::Borrowed(text) => text,
            Self::Shared(text) => text,
        }
    }
}

/// Progress of a load, shared with the thread that shows it: files found, files done,
/// and a cancel flag the loader checks between files.
#[derive(Debug, Default)]
pub struct Progress {
    /// Files to read.
    pub total: AtomicUsize,
    /// Files read so far.
    pub done: AtomicUsize,
    cancel: AtomicBool,
}

impl Progress {
    /// Asks the load to stop.
    pub fn cancel(&self) {
        self.cancel.store(true, Ordering::Relaxed);
    }

    /// True once cancelled.
    pub fn cancelled(&self) -> bool {
        self.cancel.load(Ordering::Relaxed)
    }

    /// (done, total).
    pub fn counts(&self) -> (usize, usize) {
        (
            self.done.load(Ordering::Relaxed),
            self.total.load(Ordering::Relaxed),
        )
    }
}

/// One input: a path and, for embedded seeds, its bytes.
#[derive(Clone, Debug)]
pub struct Input {
    /// Where it comes from (shown in messages).
    pub path: PathBuf,
    /// The bytes, when already in memory.
    pub bytes: Option<&'static [u8]>,
}

type FileResult = Result<(Article, crate::extract::Extraction, Vec<ProblemKind>), ProblemKind>;

impl Corpus {
    /// The bundled seed articles.
    ///
    /// # Examples
    /// ```
    /// let corpus = dateline::corpus::Corpus::from_seeds();
    /// assert_eq!(corpus.articles.len(), 3);
    /// assert!(corpus.problems.is_empty());
    /// ```
    pub fn from_seeds() -> Self {
        let inputs = SEEDS
            .iter()
            .map(|(name, bytes)| Input {
                path: Path::new("seeds").join(name),
                bytes: Some(bytes),
            })
            .collect();
        Self::from_inputs(inputs, Vec::new())
    }

    /// Reads files and folders (see the module docs).
    pub fn load(paths: &[PathBuf]) -> Self {
        Self::load_with(paths, &Progress::default(), Storage::AsRead).unwrap_or_default()
    }

    /// [`Self::load`], reporting progress and stopping early (`None`) when cancelled.
    /// Texts are kept as `storage` says.
    pub fn load_with(paths: &[PathBuf], progress: &Progress, storage: Storage) -> Option<Self> {
        let (files, problems) = discover(paths);
        let inputs = files
            .into_iter()
            .map(|path| Input { path, bytes: None })
            .collect();
        Self::from_inputs_with(inputs, problems, progress, storage)
    }

    /// Reads, parses and extracts `inputs` in parallel; `problems` come first.
    pub fn from_inputs(inputs: Vec<Input>, problems: Vec<Problem>) -> Self {
        Self::from_inputs_with(inputs, problems, &Progress::default(), Storage::AsRead)
            .unwrap_or_default()
    }

    /// [`Self::from_inputs`], reporting progress and stopping early (`None`) when
    /// cancelled, with texts kept as `storage` says.
    pub fn from_inputs_with(
        inputs: Vec<Input>,
        problems: Vec<Problem>,
        progress: &Progress,
        storage: Storage,
    ) -> Option<Self> {
        let gazetteer = Gazetteer::embedded();
        progress.total.store(inputs.len(), Ordering::Relaxed);
        let results: Vec<(PathBuf, FileResult)> = inputs
            .into_par_iter()
            .map_init(Scratch::default, |scratch, input| {
                if progress.cancelled() {
                    return (
                        input.path,
                        Err(ProblemKind::Io {
                            message: "cancelled".into(),
                        }),
                    );
                }
                let result = read_input(&input).and_then(|(bytes, modified)| {
                    let mut parsed = article::parse(&input.path, bytes, modified)?;
                    let extraction = extract_with(&parsed.article, gazetteer, 0, scratch);
                    if storage == Storage::Packed {
                        parsed.article.text.pack();
                    }
                    Ok((parsed.article, extraction, parsed.problems))
                });
                progress.done.fetch_add(1, Ordering::Relaxed);
                (input.path, result)
            })
            .collect();
        if progress.cancelled() {
            return None;
        }
        let mut corpus = Self::assemble(results, problems);
        corpus.storage = storage;
        Some(corpus)
    }

    /// Packs the texts not packed yet; texts of files read later are packed too. A
    /// corpus packed already is left alone (its plain texts are those that would not
    /// shrink, and trying them again would only cost time).
    pub fn pack(&mut self) {
        if self.storage == Storage::Packed {
            return;
        }
        self.storage = Storage::Packed;
        for article in &mut self.articles {
            article.text.pack();
        }
    }

    /// How the texts are kept.
    pub fn storage(&self) -> Storage {
        self.storage
    }

    /// The text of article `i`. A packed text is unpacked, and the last few unpacked
    /// are kept, so that asking for the same article again (every frame, say) is free.
    pub fn text(&self, i: usize) -> Option<TextRef<'_>> {
        let text = &self.articles.get(i)?.text;
        if let Some(plain) = text.plain() {
            return Some(TextRef::Borrowed(plain));
        }
        let Ok(mut kept) = self.unpacked.lock() else {
            return Some(TextRef::Shared(text.to_str().into()));
        };
        if let Some(at) = kept.iter().position(|(k, _)| *k == i) {
            let entry = kept.remove(at);
            let shared = entry.1.clone();
            kept.push(entry);
            return Some(TextRef::Shared(shared));
        }
        let shared: Arc<str> = text.to_str().into();
        if kept.len() >= UNPACKED_KEPT {
            kept.remove(0);
        }
        kept.push((i, shared.clone()));
        Some(TextRef::Shared(shared))
    }

    /// The corpus after files changed on disk: articles and problems of `removed` paths
    /// (files, or folders and everything under them) and of `changed` files are dropped,
    /// the `changed` files are read again, and nothing else is re-read (the other
    /// articles keep their parsed text and events). Articles stay in path order.
    #[must_use]
    pub fn apply_changes(&self, changed: &[PathBuf], removed: &[PathBuf]) -> Self {
        let gone = |path: &Path| {
            changed.iter().any(|c| c == path) || removed.iter().any(|r| path.starts_with(r))
        };
        // What is kept, as (path, article, its events, its dates), then the re-read files.
        let mut entries = self.entries(|path| !gone(path));
        let mut problems: Vec<Problem> = self
            .problems
            .iter()
            .filter(|p| !gone(&p.path))
            .cloned()
            .collect();
        let inputs = changed
            .iter()
            .map(|path| Input {
                path: path.clone(),
                bytes: None,
            })
            .collect();
        let fresh = Self::from_inputs_with(inputs, Vec::new(), &Progress::default(), self.storage)
            .unwrap_or_default();
        problems.extend(fresh.problems.iter().cloned());
        entries.extend(fresh.entries(|_| true));
        entries.sort_by(|a, b| a.0.cmp(&b.0));
        problems.sort_by(|a, b| a.path.cmp(&b.path));
        let mut corpus = Self::assemble(entries, problems);
        corpus.storage = self.storage;
        corpus
    }

    /// Assembles read files, in the given order, into a corpus: warnings become problems,
    /// a text read twice is kept once, events are numbered by their article.
    fn assemble(results: Vec<(PathBuf, FileResult)>, mut problems: Vec<Problem>) -> Self {
        let mut corpus = Self::default();
        corpus.problems.append(&mut problems);
        // Reserved once, exactly: growing by doubling would leave up to half unused.
        let (articles, events, dates) =
            results.iter().fold((0, 0, 0), |(a, e, d), (_, r)| match r {
                Ok((_, x, _)) => (a + 1, e + x.events.len(), d + x.dates.len()),
                Err(_) => (a, e, d),
            });
        corpus.articles.reserve_exact(articles);
        corpus.events.reserve_exact(events);
        corpus.dates.reserve_exact(dates);
        let mut seen: HashMap<u64, usize> = HashMap::new();
        for (path, result) in results {
            match result {
                Ok((article, extraction, warnings)) => {
                    corpus
                        .problems
                        .extend(warnings.into_iter().map(|kind| Problem::new(&path, kind)));
                    // Texts packed alike are equal: packing is deterministic.
                    let digest = digest(&article.text);
                    if let Some(&first) = seen.get(&digest)
                        && corpus
                            .articles
                            .get(first)
                            .is_some_and(|a| a.text == article.text)
                    {
                        let other = corpus
                            .articles
                            .get(first)
                            .map_or_else(String::new, |a| a.path.display().to_string());
                        corpus
                            .problems
                            .push(Problem::new(&path, ProblemKind::Duplicate { other }));
                        continue;
                    }
                    let index = corpus.articles.len();
                    seen.insert(digest, index);
                    corpus.push(article, extraction, index as u32);
                }
                Err(kind) => corpus.problems.push(Problem::new(&path, kind)),
            }
        }
        corpus
    }

    /// Each kept article with its own events and dates, as if just read.
    fn entries(&self, keep: impl Fn(&Path) -> bool) -> Vec<(PathBuf, FileResult)> {
        self.articles
            .iter()
            .enumerate()
            .filter(|(_, article)| keep(&article.path))
            .map(|(i, article)| {
                let extraction = crate::extract::Extraction {
                    events: slice_of(&self.events, |e| e.article, i).to_vec(),
                    dates: slice_of(&self.dates, |d| d.article, i).to_vec(),
                };
                (
                    article.path.clone(),
                    Ok((article.clone(), extraction, Vec::new())),
                )
            })
            .collect()
    }

    fn push(&mut self, article: Article, extraction: crate::extract::Extraction, index: u32) {
        self.articles.push(article);
        self.events.extend(
            extraction
                .events
                .into_iter()
                .map(|e| crate::extract::Event {
                    article: index,
                    ..e
                }),
        );
        self.dates
            .extend(extraction.dates.into_iter().map(|d| DateMention {
                article: index,
                ..d
            }));
    }

    /// Number of items (articles and live-blog entries).
    pub fn item_count(&self) -> usize {
        self.articles.iter().map(|a| a.items.len()).sum()
    }
}

/// The run of `items` (sorted by article) that belongs to article `i`.
fn slice_of<T>(items: &[T], article: impl Fn(&T) -> u32, i: usize) -> &[T] {
    let lo = items.partition_point(|x| (article(x) as usize) < i);
    let hi = items.partition_point(|x| (article(x) as usize) <= i);
    items.get(lo..hi).unwrap_or(&[])
}

fn digest(text: &article::Text) -> u64 {
    let mut hasher = std::collections::hash_map::DefaultHasher::new();
    text.hash(&mut hasher);
    hasher.finish()
}

/// Reads a file's bytes (at most [`MAX_FILE_BYTES`]) and its modification time.
fn read_input(input: &Input) -> Result<(Vec<u8>, Option<DateTime<FixedOffset>>), ProblemKind> {
    if let Some(bytes) = input.bytes {
        return Ok((bytes.to_vec(), None));
    }
    let io = |e: std::io::Error| ProblemKind::Io {
        message: e.to_string(),
    };
    let file = std::fs::File::open(&input.path).map_err(io)?;
    let meta = file.metadata().map_err(io)?;
    if meta.is_dir() {
        return Err(ProblemKind::Io {
            message: "is a folder".into(),
        });
    }
    if meta.len() > MAX_FILE_BYTES {
        return Err(ProblemKind::TooLarge {
            bytes: meta.len(),
            limit: MAX_FILE_BYTES,
        });
    }
    let modified = meta
        .modified()
        .ok()
        .map(|t| DateTime::<Utc>::from(t).fixed_offset());
    let mut bytes = Vec::with_capacity(usize::try_from(meta.len()).unwrap_or(0));
    file.take(MAX_FILE_BYTES + 1)
        .read_to_end(&mut bytes)
        .map_err(io)?;
    if bytes.len() as u64 > MAX_FILE_BYTES {
        return Err(ProblemKind::TooLarge {
            bytes: bytes.len() as u64,
            limit: MAX_FILE_BYTES,
        });
    }
    Ok((bytes, modified))
}

/// The files under `paths`, in order: each path as given, folders expanded in name
/// order. Problems with paths that cannot be listed are returned alongside.
pub fn discover(paths: &[PathBuf]) -> (Vec<PathBuf>, Vec<Problem>) {
    let mut files = Vec::new();
    let mut problems = Vec::new();
    let mut visited = rustc_hash::FxHashSet::default();
    for path in paths {
        match std::fs::metadata(path) {
            Ok(meta) if meta.is_dir() => walk(path, 0, &mut visited, &mut files, &mut problems),
            Ok(_) => files.push(path.clone()),
            Err(e) => problems.push(Problem::new(
                path,
                ProblemKind::Io {
                    message: e.to_string(),
                },
            )),
        }
    }
    (files, problems)
}

fn walk(
    dir: &Path,
    depth: usize,
    visited: &mut rustc_hash::FxHashSet<PathBuf>,
    files: &mut Vec<PathBuf>,
    problems: &mut Vec<Problem>,
) {
    if depth > MAX_DEPTH {
        problems.push(Problem::new(
            dir,
            ProblemKind::Io {
                message: format!("nested deeper than {MAX_DEPTH} folders; skipped"),
            },
        ));
        return;
    }
    // Canonical paths catch symlink loops.
    if let Ok(canonical) = std::fs::canonicalize(dir) {
        if visited.contains(&canonical) {
            problems.push(Problem::new(
                dir,
                ProblemKind::FolderSeen {
                    folder: canonical.display().to_string(),
                },
            ));
            return;
        }
        visited.insert(canonical);
    }
    let entries = match std::fs::read_dir(dir) {
        Ok(entries) => entries,
        Err(e) => {
            problems.push(Problem::new(
                dir,
                ProblemKind::Io {
                    message: e.to_string(),
                },
            ));
            return;
        }
    };
    let mut paths: Vec<PathBuf> = entries
        .filter_map(Result::ok)
        .filter(|e| !e.file_name().to_string_lossy().starts_with('.'))
        .map(|e| e.path())
        .collect();
    paths.sort();
    for path in paths {
        match std::fs::metadata(&path) {
            Ok(meta) if meta.is_dir() => walk(&path, depth + 1, visited, files, problems),
            Ok(_) => files.push(path),
            Err(e) => problems.push(Problem::new(
                &path,
                ProblemKind::Io {
                    message: e.to_string(),
                },
            )),
        }
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    /// The seeds and a second story, as files in a temporary folder.
    fn folder() -> tempfile::TempDir {
        let dir = tempfile::tempdir().expect("temporary folder");
        for (name, bytes) in SEEDS {
            std::fs::write(dir.path().join(name), bytes).expect("write a seed");
        }
        dir
    }

    fn load(dir: &Path, storage: Storage) -> Corpus {
        Corpus::load_with(&[dir.to_path_buf()], &Progress::default(), storage)
            .expect("not cancelled")
    }

    fn jsonl(corpus: &Corpus) -> Vec<u8> {
        let mut out = Vec::new();
        crate::export::write(
            crate::export::Format::Jsonl,
            corpus,
            &corpus.events,
            &mut out,
        )
        .expect("written to memory");
        out
    }

    #[test]
    fn a_packed_corpus_reads_like_one_kept_as_read() {
        let dir = folder();
        let (plain, packed) = (
            load(dir.path(), Storage::AsRead),
            load(dir.path(), Storage::Packed),
        );
        assert_eq!(packed.storage(), Storage::Packed, "storage kept");
        assert_eq!(plain.events, packed.events, "same events");
        assert_eq!(plain.dates, packed.dates, "same dates");
        assert_eq!(plain.problems, packed.problems, "same problems");
        assert!(
            plain.articles.iter().all(|a| !a.text.is_packed()),
            "as read"
        );
        assert!(packed.articles.iter().all(|a| a.text.is_packed()), "packed");
        let (held, stored): (usize, usize) = packed.articles.iter().fold((0, 0), |(h, s), a| {
            (h + a.text.len(), s + a.text.stored_bytes())
        });
        assert!(stored * 3 < held * 2, "packed to {stored} of {held} bytes");
        for i in 0..plain.articles.len() {
            assert_eq!(
                plain.text(i).as_deref(),
                packed.text(i).as_deref(),
                "text of article {i}"
            );
        }
        assert!(
            packed.text(plain.articles.len()).is_none(),
            "no such article"
        );
        assert_eq!(jsonl(&plain), jsonl(&packed), "exported alike");
    }

    #[test]
    fn the_last_few_unpacked_texts_are_kept() {
        let dir = folder();
        // The seeds again, changed so as not to be duplicates: six articles.
        for (name, bytes) in SEEDS {
            let copy = bytes
                .iter()
                .map(|&b| if b == b'.' { b'!' } else { b })
                .collect::<Vec<_>>();
            std::fs::write(dir.path().join(format!("x{name}")), copy).expect("write a copy");
        }
        let corpus = load(dir.path(), Storage::Packed);
        assert_eq!(corpus.articles.len(), 6, "{:?}", corpus.problems);
        let shared = |i: usize| match corpus.text(i) {
            Some(TextRef::Shared(text)) => text,
            other => panic!("article {i} is packed, got {other:?}"),
        };
        let first = shared(0);
        assert!(
            Arc::ptr_eq(&first, &shared(0)),
            "asked again: the kept text"
        );
        for i in 1..UNPACKED_KEPT {
            shared(i);
        }
        assert!(Arc::ptr_eq(&first, &shared(0)), "still among the last few");
        for i in 1..=UNPACKED_KEPT {
            shared(i);
        }
        let again = shared(0);
        assert!(
            !Arc::ptr_eq(&first, &again),
            "dropped after {UNPACKED_KEPT} others"
        );
        assert_eq!(first, again, "unpacked alike");
    }

    #[test]
    fn files_read_again_into_a_packed_corpus_are_packed() {
        let dir = folder();
        let corpus = load(dir.path(), Storage::Packed);
        let (name, bytes) = SEEDS[0];
        let path = dir.path().join(name);
        let mut changed = bytes.to_vec();
        changed.extend_from_slice(b"\n\nLater, Kharkiv was shelled again, officials said.\n");
        std::fs::write(&path, &changed).expect("rewrite");
        let updated = corpus.apply_changes(std::slice::from_ref(&path), &[]);
        assert_eq!(updated.storage(), Storage::Packed, "storage kept");
        assert!(
            updated.articles.iter().all(|a| a.text.is_packed()),
            "all packed"
        );
        let text = updated.text(0).expect("the changed article");
        assert!(
            text.ends_with("officials said.\n"),
            "read again: {:?}",
            &text[text.len() - 40..]
        );
    }
}
