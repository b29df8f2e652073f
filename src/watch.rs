//! Watch mode: the files under the opened folders are watched (`notify`), and what
//! changed is reported in batches for [`Corpus::apply_changes`](crate::corpus::Corpus::apply_changes),
//! which re-reads only those files.
//!
//! - A path is reported once it has been quiet for [`QUIET`] (editors and downloads
//!   write in bursts), together with the paths that changed with it, up to [`QUIET`]
//!   later (a folder's files, deleted a few milliseconds apart, make one batch).
//! - A file that cannot be read yet (empty, JSON cut short, no text) while it was
//!   modified in the last [`SETTLE`] is taken for half-written and retried, not reported
//!   as a problem; after that, whatever it holds is read (and reported if bad).
//!   (Time is counted from the first change seen, so a writer that stalls for longer
//!   than that gets its file read, and reported, as it stands.)
//! - Whatever exists is "changed" (a new folder: every file in it), whatever does not
//!   is "removed" (a folder: every article under it).

use crate::article;
use crate::corpus;
use crate::problem::Severity;
use notify::{RecursiveMode, Watcher as _};
use std::collections::HashMap;
use std::path::{Path, PathBuf};
use std::sync::mpsc::{self, Receiver, RecvTimeoutError};
use std::time::{Duration, Instant};

/// How long a path must be quiet before it is read.
pub const QUIET: Duration = Duration::from_millis(250);
/// How long after it started changing a file that cannot be read yet is retried.
pub const SETTLE: Duration = Duration::from_secs(3);
/// Wait between retries of a half-written file.
const RETRY: Duration = Duration::from_millis(300);

/// Files that changed on disk since the last batch.
#[derive(Clone, Debug, Default, PartialEq, Eq)]
pub struct Changes {
    /// Files added or modified (to read again).
    pub changed: Vec<PathBuf>,
    /// Files or folders that are gone.
    pub removed: Vec<PathBuf>,
}

impl Changes {
    /// True when nothing changed.
    pub fn is_empty(&self) -> bool {
        self.changed.is_empty() && self.removed.is_empty()
    }

    /// Adds later changes: a path's latest fate wins.
    pub fn merge(&mut self, other: Self) {
        for path in other.changed {
            self.removed.retain(|r| *r != path);
            if !self.changed.contains(&path) {
                self.changed.push(path);
            }
        }
        for path in other.removed {
            self.changed.retain(|c| !c.starts_with(&path));
            if !self.removed.contains(&path) {
                self.removed.push(path);
            }
        }
    }
}

/// Watches paths until dropped.
pub struct Watcher {
    rx: Receiver<Changes>,
    // Dropping the notify watcher stops the events, which ends the batching thread.
    _watcher: notify::RecommendedWatcher,
}

impl Watcher {
    /// Starts watching `paths` (folders recursively, files themselves); `wake` is called
    /// from the watching thread when a batch is ready (e.g. to repaint the window).
    ///
    /// # Errors
    /// The system refused to watch a path (it does not exist, or too many watches).
    pub fn start(
        paths: &[PathBuf],
        wake: impl Fn() + Send + 'static,
    ) -> Result<Self, notify::Error> {
        let (event_tx, event_rx) = mpsc::channel::<notify::Result<notify::Event>>();
        let mut watcher = notify::recommended_watcher(event_tx)?;
        for path in paths {
            watcher.watch(path, RecursiveMode::Recursive)?;
        }
        let (tx, rx) = mpsc::channel();
        std::thread::Builder::new()
            .name("watch".into())
            .spawn(move || {
                batch_events(&event_rx, |changes| {
                    let sent = tx.send(changes).is_ok();
                    wake();
                    sent
                });
            })
            .map_err(|e| notify::Error::generic(&e.to_string()))?;
        Ok(Self {
            rx,
            _watcher: watcher,
        })
    }

    /// The changes reported since the last call, merged; `None` when there are none.
    pub fn poll(&self) -> Option<Changes> {
        let mut all = Changes::default();
        while let Ok(changes) = self.rx.try_recv() {
            all.merge(changes);
        }
        (!all.is_empty()).then_some(all)
    }

    /// Waits up to `timeout` for the next changes (tests and scripts).
    pub fn wait(&self, timeout: Duration) -> Option<Changes> {
        let first = self.rx.recv_timeout(timeout).ok()?;
        let mut all = first;
        if let Some(more) = self.poll() {
            all.merge(more);
        }
        Some(all)
    }
}

/// Turns raw events into quiet, settled batches until the event channel closes or
/// `send` returns false.
fn batch_events(
    events: &Receiver<notify::Result<notify::Event>>,
    mut send: impl FnMut(Changes) -> bool,
) {
    // Path → when it may be looked at next, and when it was first seen changing.
    let mut pending: HashMap<PathBuf, (Instant, Instant)> = HashMap::new();
    loop {
        let next_due = pending.values().map(|(due, _)| *due).min();
        let timeout = next_due.map_or(Duration::from_hours(1), |due| {
            due.saturating_duration_since(Instant::now())
        });
        match events.recv_timeout(timeout) {
            // Reads (ours included) are not changes.
            Ok(Ok(event)) if matches!(event.kind, notify::EventKind::Access(_)) => continue,
            Ok(Ok(event)) => {
                let now = Instant::now();
                for path in event.paths {
                    if !is_hidden(&path) {
                        let first_seen = pending.get(&path).map_or(now, |(_, first)| *first);
                        pending.insert(path, (now + QUIET, first_seen));
                    }
                }
                continue;
            }
            Ok(Err(_)) | Err(RecvTimeoutError::Timeout) => {}
            Err(RecvTimeoutError::Disconnected) => return,
        }
        let now = Instant::now();
        // One burst is one batch: once a path is due, the paths that changed with it
        // (a folder's files, deleted a few milliseconds apart) go along, rather than
        // trickling out in batches of their own.
        if !pending.values().any(|(at, _)| *at <= now) {
            continue;
        }
        let due: Vec<(PathBuf, Instant)> = pending
            .iter()
            .filter(|(_, (at, _))| *at <= now + QUIET)
            .map(|(p, (_, first))| (p.clone(), *first))
            .collect();
        let mut changes = Changes::default();
        for (path, first_seen) in due {
            pending.remove(&path);
            let settling = now.duration_since(first_seen) < SETTLE;
            match classify(&path, settling) {
                Class::Removed => changes.removed.push(path),
                Class::Folder(files) => changes.changed.extend(files),
                Class::File => changes.changed.push(path),
                Class::HalfWritten => {
                    pending.insert(path, (now + RETRY, first_seen));
                }
            }
        }
        changes.changed.sort();
        changes.changed.dedup();
        if !changes.is_empty() && !send(changes) {
            return;
        }
    }
}

enum Class {
    Removed,
    Folder(Vec<PathBuf>),
    File,
    HalfWritten,
}

/// What a changed path is now; `settling` when it started changing less than [`SETTLE`]
/// ago (then a file that cannot be read yet is taken for half-written).
fn classify(path: &Path, settling: bool) -> Class {
    let Ok(meta) = std::fs::metadata(path) else {
        return Class::Removed;
    };
    if meta.is_dir() {
        return Class::Folder(corpus::discover(&[path.to_path_buf()]).0);
    }
    if settling && !readable_now(path) {
        Class::HalfWritten
    } else {
        Class::File
    }
}

/// True when the file reads as an article without an error (a warning is fine).
fn readable_now(path: &Path) -> bool {
    let Ok(bytes) = std::fs::read(path) else {
        return false;
    };
    article::parse(path, bytes, None).is_ok_and(|parsed| {
        parsed
            .problems
            .iter()
            .all(|p| p.severity() != Severity::Error)
    })
}

fn is_hidden(path: &Path) -> bool {
    path.file_name()
        .is_some_and(|n| n.to_string_lossy().starts_with('.'))
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn later_changes_win_when_merged() {
        let mut a = Changes {
            changed: vec![PathBuf::from("d/a.txt")],
            removed: vec![PathBuf::from("d/b.txt")],
        };
        a.merge(Changes {
            changed: vec![PathBuf::from("d/b.txt")],
            removed: vec![PathBuf::from("d")],
        });
        assert_eq!(a.changed, Vec::<PathBuf>::new());
        assert_eq!(a.removed, vec![PathBuf::from("d")]);
    }
}
