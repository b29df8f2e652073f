//! Loading off the UI thread: files are read, parsed and indexed on a named thread
//! (rayon inside) at background priority ([`super::background`]), with progress the UI
//! shows and a cancel flag it can set. The window keeps drawing meanwhile.

use crate::basemap::Basemap;
use crate::corpus::{Corpus, Progress, Storage};
use crate::gazetteer::Gazetteer;
use crate::index::CorpusIndex;
use std::path::PathBuf;
use std::sync::Arc;
use std::sync::mpsc::{self, Receiver, TryRecvError};

/// A corpus with its index, swapped into the app whole.
#[derive(Debug, Default)]
pub struct Loaded {
    /// The corpus.
    pub corpus: Corpus,
    /// Its index.
    pub index: CorpusIndex,
}

impl Loaded {
    /// Indexes a corpus, its texts packed (the viewer shows a few at a time).
    pub fn new(mut corpus: Corpus) -> Self {
        corpus.pack();
        let index = CorpusIndex::new(&corpus, Gazetteer::embedded());
        Self { corpus, index }
    }
}

/// A load in progress.
pub struct Loader {
    /// Progress counters and the cancel flag.
    pub progress: Arc<Progress>,
    /// What is being loaded.
    pub paths: Vec<PathBuf>,
    rx: Receiver<Option<Loaded>>,
}

/// What polling a loader gives.
pub enum Poll {
    /// Still working.
    Pending,
    /// Done.
    Done(Box<Loaded>),
    /// Cancelled, or the thread died.
    Stopped,
}

impl Loader {
    /// Starts loading `paths`; `repaint` is called when the result is ready.
    pub fn start(
        paths: Vec<PathBuf>,
        repaint: impl Fn() + Send + 'static,
    ) -> std::io::Result<Self> {
        let progress = Arc::new(Progress::default());
        let (tx, rx) = mpsc::channel();
        let (thread_progress, thread_paths) = (progress.clone(), paths.clone());
        super::background::spawn("loader", move || {
            // Each text is packed as its file is done, so the whole corpus is never held
            // unpacked.
            let loaded = Corpus::load_with(&thread_paths, &thread_progress, Storage::Packed)
                .map(Loaded::new);
            tx.send(loaded).ok();
            repaint();
        })?;
        Ok(Self {
            progress,
            paths,
            rx,
        })
    }

    /// Checks for the result without blocking.
    pub fn poll(&self) -> Poll {
        match self.rx.try_recv() {
            Ok(Some(loaded)) => Poll::Done(Box::new(loaded)),
            Ok(None) | Err(TryRecvError::Disconnected) => Poll::Stopped,
            Err(TryRecvError::Empty) => Poll::Pending,
        }
    }
}

/// Loads the base map on a named background thread; the receiver yields it once.
pub fn load_basemap(repaint: impl Fn() + Send + 'static) -> std::io::Result<Receiver<Basemap>> {
    let (tx, rx) = mpsc::channel();
    super::background::spawn("basemap", move || {
        match Basemap::load() {
            Ok(map) => {
                tx.send(map).ok();
            }
            Err(e) => log::error!("base map: {e:#}"),
        }
        repaint();
    })?;
    Ok(rx)
}
