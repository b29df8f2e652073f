//! Reading articles: one file → one [`Article`] with one or more dated [`Item`]s.
//!
//! The format is detected from the content, the extension only breaking ties:
//! 1. JSON (an object, an array, or an object holding an `articles`/`items` array) and
//!    JSON Lines: each record is an item with `text`/`body`/`content`,
//!    `date`/`published`/`publishedAt`, and optional `title`, `source`, `url`.
//! 2. HTML saved from a browser: title from `og:title`, `<h1>` or `<title>`; time from
//!    `article:published_time`, `<time datetime>` or JSON-LD `datePublished`; text from
//!    the paragraphs, headings and list items of `<article>` (else `<body>`).
//! 3. Text whose first line is ` date YYYY-MM-DD`: one item dated that day.
//! 4. Live-blog pages: entries whose heading ends in `published at HH:MM <zone> D Month
//!    YYYY`; each entry is an item with its own time, and the block before the first
//!    entry is a summary item dated like the latest entry.
//! 5. Any other text: dated by the first full date in its first lines, else by the
//!    file's modification time (with a warning).
//!
//! Byte offsets everywhere refer to [`Article::text`]: the decoded file for text
//! formats, the extracted text for JSON and HTML (title, blank line, body).
//! Size limit: [`MAX_FILE_BYTES`].

pub mod boilerplate;
pub mod decode;
mod html;
mod json;
mod live_blog;
mod plain;
mod stored;
pub mod timestamp;

pub use stored::Text;

use crate::problem::ProblemKind;
use chrono::{DateTime, FixedOffset};
use std::ops::Range;
use std::path::{Path, PathBuf};

/// Files larger than this are refused (a year of a live blog is a few MB).
pub const MAX_FILE_BYTES: u64 = 64 * 1024 * 1024;

/// How an article file was read.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub enum ArticleFormat {
    /// Text with a ` date YYYY-MM-DD` first line.
    DatedText,
    /// A live-blog page with timestamped entries.
    LiveBlog,
    /// JSON or JSON Lines records.
    Json,
    /// An HTML page.
    Html,
    /// Other text.
    PlainText,
}

impl ArticleFormat {
    /// A short name for messages and the UI.
    pub fn as_str(self) -> &'static str {
        match self {
            Self::DatedText => "dated text",
            Self::LiveBlog => "live blog",
            Self::Json => "JSON",
            Self::Html => "HTML",
            Self::PlainText => "text",
        }
    }
}

/// One dated unit of news: an article, or one entry of a live blog.
#[derive(Clone, Debug, PartialEq)]
pub struct Item {
    /// Headline of the article or entry.
    pub title: String,
    /// Where the headline sits in the text, when it does.
    pub heading: Option<Range<usize>>,
    /// When the item was published, with its own UTC offset.
    pub published: DateTime<FixedOffset>,
    /// The spans of text to read (headline, paragraphs, captions), in order; labels
    /// and time stamps are left out.
    pub segments: Vec<Range<usize>>,
    /// The whole item, for display.
    pub span: Range<usize>,
    /// The outlet, when known.
    pub source: Option<String>,
    /// The web address, when known.
    pub url: Option<String>,
}

/// A file read as news.
#[derive(Clone, Debug, PartialEq)]
pub struct Article {
    /// The path it was read from.
    pub path: PathBuf,
    /// The file's base name (the INTERFACE.md `article` field).
    pub name: String,
    /// How it was read.
    pub format: ArticleFormat,
    /// The readable text; all offsets point into it. Kept as read, or packed once
    /// the events are extracted ([`Text::pack`]).
    pub text: Text,
    /// Its items, in file order.
    pub items: Vec<Item>,
    /// True when the items are parts of one story (a live blog) that share one reading
    /// context for place names; false for collections of unrelated articles.
    pub shared_context: bool,
}

/// What parsing a file gives: the article and the caveats met on the way.
#[derive(Debug)]
pub struct Parsed {
    /// The article.
    pub article: Article,
    /// Warnings and partial failures (the article is still usable).
    pub problems: Vec<ProblemKind>,
}

/// Parses a file's bytes; `modified` is the file's time, used when the text has no date.
///
/// # Examples
/// ```
/// use dateline::article::{parse, ArticleFormat};
/// let parsed = parse("a.txt".as_ref(), b" date 2023-06-04 Explosions near Kiev.".to_vec(), None).unwrap();
/// assert_eq!(parsed.article.format, ArticleFormat::DatedText);
/// assert_eq!(parsed.article.items[0].published.to_rfc3339(), "2023-06-04T00:00:00+00:00");
/// assert!(parse("b.png".as_ref(), b"\x89PNG\r\n\x1a\nxxxx".to_vec(), None).is_err());
/// ```
pub fn parse(
    path: &Path,
    bytes: Vec<u8>,
    modified: Option<DateTime<FixedOffset>>,
) -> Result<Parsed, ProblemKind> {
    let decoded = decode::decode(bytes)?;
    let mut problems = decoded.warnings;
    let name = path.file_name().map_or_else(
        || path.display().to_string(),
        |n| n.to_string_lossy().into_owned(),
    );
    let ext = path
        .extension()
        .and_then(|e| e.to_str())
        .unwrap_or("")
        .to_ascii_lowercase();
    let text = decoded.text;
    let head = text.trim_start();
    let looks_json = head.starts_with('{') || head.starts_with('[');
    let body = if looks_json || matches!(ext.as_str(), "json" | "jsonl" | "ndjson") {
        json::parse(&text, modified, &mut problems)?
    } else if html::looks_like_html(head, &ext) {
        html::parse(&text, modified, &mut problems)?
    } else if let Some(parsed) = plain::parse_dated(&text, &mut problems) {
        parsed
    } else if let Some(parsed) = live_blog::parse(&text, &mut problems) {
        parsed
    } else {
        plain::parse_undated(text, modified, &mut problems)?
    };
    let (format, mut text, mut items, shared_context) = body;
    // The parsers grow these as they read; an article keeps them for the whole session.
    text.shrink_to_fit();
    items.shrink_to_fit();
    if items.is_empty() {
        return Err(ProblemKind::NoText {
            what: format!("{} without items", format.as_str()),
        });
    }
    Ok(Parsed {
        article: Article {
            path: path.to_owned(),
            name,
            format,
            text: Text::from(text),
            items,
            shared_context,
        },
        problems,
    })
}

/// What each format parser returns: format, text, items, shared context.
type Body = (ArticleFormat, String, Vec<Item>, bool);

/// A title from the first sentence of `text[range]` that is not boilerplate, shortened
/// to about 120 characters at a word boundary.
pub(crate) fn title_from(text: &str, range: Range<usize>) -> Option<(String, Range<usize>)> {
    let mut sentences = Vec::new();
    crate::text::sentence::split_into(text, range, &mut sentences);
    let span = sentences.into_iter().find(|s| {
        text.get(s.clone())
            .is_some_and(|t| !boilerplate::is_boilerplate(t))
    })?;
    let sentence = text.get(span.clone())?;
    Some((shorten(sentence, 120), span))
}

/// `s` cut at a word boundary near `max` characters, with "…" when cut.
pub(crate) fn shorten(s: &str, max: usize) -> String {
    let s = s.split_whitespace().collect::<Vec<_>>().join(" ");
    if s.chars().count() <= max {
        return s;
    }
    let cut: String = s.chars().take(max).collect();
    let cut = cut.rfind(' ').and_then(|i| cut.get(..i)).unwrap_or(&cut);
    format!("{}…", cut.trim_end_matches([',', ';', ':', '-', '–']))
}
