//! Problems with input files, collected while everything else goes on.
//!
//! The loader pushes one [`Problem`] per bad file (or per caveat about a file it did
//! read) and carries on: ripgrep's and Rerun's reporter pattern. The CLI prints each as
//! `dateline: FILE: reason` on stderr; the viewer lists them. An [`Severity::Error`]
//! means the file (or part of it) could not be read; a [`Severity::Warning`] means it was
//! read with a caveat (a guessed encoding, a file date used as publication date).

use std::fmt;
use std::path::PathBuf;

/// How bad a problem is.
#[derive(Clone, Copy, Debug, PartialEq, Eq, PartialOrd, Ord, Hash)]
pub enum Severity {
    /// Read, with a caveat.
    Warning,
    /// Not read (or partly not read).
    Error,
}

/// What went wrong.
#[derive(Clone, Debug, PartialEq, Eq, thiserror::Error)]
pub enum ProblemKind {
    /// The file could not be opened or read.
    #[error("cannot read: {message}")]
    Io {
        /// The OS error, as text.
        message: String,
    },
    /// The file has no bytes, or only white space.
    #[error("empty file")]
    Empty,
    /// The file is binary (an image, an executable, …), not text.
    #[error("binary file ({what}), not text")]
    Binary {
        /// What it looks like ("PNG image", "NUL bytes").
        what: String,
    },
    /// The file is larger than dateline reads.
    #[error("too large: {bytes} bytes (limit {limit} bytes)")]
    TooLarge {
        /// Its size.
        bytes: u64,
        /// The limit.
        limit: u64,
    },
    /// The text was not UTF-8 and was decoded with a guessed encoding.
    #[error("not UTF-8; decoded as {encoding}")]
    Decoded {
        /// The encoding used.
        encoding: String,
    },
    /// NUL bytes inside otherwise readable text were removed.
    #[error("{count} NUL bytes removed from the text")]
    NulBytes {
        /// How many.
        count: usize,
    },
    /// No publication date was found; the file's modification time was used.
    #[error("no publication date; used the file's time ({used})")]
    NoDate {
        /// The date used, RFC 3339.
        used: String,
    },
    /// The text has no publication date and there is no file time to fall back on.
    #[error("no publication date found")]
    Undated,
    /// A date in the file could not be used.
    #[error("{what}")]
    BadDate {
        /// What was wrong and what was done instead.
        what: String,
    },
    /// JSON that does not parse.
    #[error("malformed JSON: {message}")]
    MalformedJson {
        /// The parser's message.
        message: String,
    },
    /// An item of a JSON collection was skipped.
    #[error("{what}")]
    SkippedItem {
        /// Which item and why.
        what: String,
    },
    /// The file was read but holds no article text.
    #[error("no article text found ({what})")]
    NoText {
        /// Where it looked.
        what: String,
    },
    /// The same article was already loaded from another file.
    #[error("same text as {other}; loaded once")]
    Duplicate {
        /// The file loaded first.
        other: String,
    },
    /// A folder reached again through a symbolic link (a loop, or two links to it).
    #[error("folder already read as {folder} (through a symbolic link); skipped")]
    FolderSeen {
        /// The folder's real path.
        folder: String,
    },
}

impl ProblemKind {
    /// Whether the file is still (at least partly) used.
    pub fn severity(&self) -> Severity {
        match self {
            Self::Decoded { .. }
            | Self::NulBytes { .. }
            | Self::NoDate { .. }
            | Self::BadDate { .. }
            | Self::Duplicate { .. }
            | Self::FolderSeen { .. } => Severity::Warning,
            Self::Io { .. }
            | Self::Empty
            | Self::Binary { .. }
            | Self::TooLarge { .. }
            | Self::MalformedJson { .. }
            | Self::SkippedItem { .. }
            | Self::NoText { .. }
            | Self::Undated => Severity::Error,
        }
    }
}

/// A problem with one file.
#[derive(Clone, Debug, PartialEq, Eq)]
pub struct Problem {
    /// The file, as given or found.
    pub path: PathBuf,
    /// What went wrong.
    pub kind: ProblemKind,
}

impl Problem {
    /// A problem with `path`.
    pub fn new(path: impl Into<PathBuf>, kind: ProblemKind) -> Self {
        Self {
            path: path.into(),
            kind,
        }
    }

    /// Whether the file is still (at least partly) used.
    pub fn severity(&self) -> Severity {
        self.kind.severity()
    }
}

impl fmt::Display for Problem {
    /// `FILE: reason`, the form the CLI prints after `dateline: `.
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        write!(f, "{}: {}", self.path.display(), self.kind)
    }
}
