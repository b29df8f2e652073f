//! An article's text as kept in memory: as read, or packed with LZ4 once its events
//! are extracted.
//!
//! A corpus is read once and then mostly shown a few articles at a time, so the viewer
//! keeps texts packed: news text packs to about half or less, and unpacking an article
//! of a few kilobytes takes microseconds. The CLI keeps them as read.

use std::borrow::Cow;
use std::fmt;

/// Texts shorter than this stay as read: packing would save next to nothing.
const MIN_PACKED: usize = 256;

/// An article's text (see the module docs). Equal texts kept alike compare and hash
/// equal (packing is deterministic); a packed text never equals a plain one.
///
/// # Examples
/// ```
/// use dateline::article::Text;
/// let mut text = Text::from("Explosions were heard in Kyiv. ".repeat(40));
/// text.pack();
/// assert!(text.is_packed());
/// assert!(text.stored_bytes() < text.len() / 4);
/// assert!(text.to_str().starts_with("Explosions were heard in Kyiv."));
/// ```
#[derive(Clone, PartialEq, Eq, Hash)]
pub struct Text(Repr);

#[derive(Clone, PartialEq, Eq, Hash)]
enum Repr {
    Plain(String),
    /// An LZ4 block of `len` bytes of UTF-8.
    Packed {
        len: usize,
        block: Box<[u8]>,
    },
}

impl Text {
    /// The text: borrowed when kept as read, else unpacked.
    ///
    /// A packed text was packed from a `String` here, so unpacking cannot fail short
    /// of memory corruption; were it to, the text reads as empty rather than wrong.
    pub fn to_str(&self) -> Cow<'_, str> {
        match &self.0 {
            Repr::Plain(text) => Cow::Borrowed(text),
            Repr::Packed { len, block } => Cow::Owned(
                lz4_flex::block::decompress(block, *len)
                    .ok()
                    .and_then(|bytes| String::from_utf8(bytes).ok())
                    .unwrap_or_default(),
            ),
        }
    }

    /// The text when kept as read; `None` when packed.
    pub fn plain(&self) -> Option<&str> {
        match &self.0 {
            Repr::Plain(text) => Some(text),
            Repr::Packed { .. } => None,
        }
    }

    /// Packs the text, unless it is short or packing would not make it smaller.
    pub fn pack(&mut self) {
        let Repr::Plain(text) = &self.0 else {
            return;
        };
        if text.len() < MIN_PACKED {
            return;
        }
        let block = lz4_flex::block::compress(text.as_bytes());
        if block.len() < text.len() {
            self.0 = Repr::Packed {
                len: text.len(),
                block: block.into_boxed_slice(),
            };
        }
    }

    /// True when packed.
    pub fn is_packed(&self) -> bool {
        matches!(self.0, Repr::Packed { .. })
    }

    /// The text's length in bytes.
    pub fn len(&self) -> usize {
        match &self.0 {
            Repr::Plain(text) => text.len(),
            Repr::Packed { len, .. } => *len,
        }
    }

    /// True for an empty text.
    pub fn is_empty(&self) -> bool {
        self.len() == 0
    }

    /// The bytes it takes in memory.
    pub fn stored_bytes(&self) -> usize {
        match &self.0 {
            Repr::Plain(text) => text.capacity(),
            Repr::Packed { block, .. } => block.len(),
        }
    }
}

impl From<String> for Text {
    fn from(text: String) -> Self {
        Self(Repr::Plain(text))
    }
}

impl fmt::Debug for Text {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        match &self.0 {
            Repr::Plain(text) => fmt::Debug::fmt(text, f),
            Repr::Packed { len, block } => {
                write!(f, "<{len} bytes packed in {}>", block.len())
            }
        }
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn packing_keeps_the_text() {
        let samples = [
            String::new(),
            "Kyiv".to_owned(),
            "Шебекино обстреляли в субботу, 3 июня. ".repeat(30),
            "Explosions near Kiev on Saturday.\n\nChișinău hosted the summit. ".repeat(20),
        ];
        for sample in samples {
            let mut text = Text::from(sample.clone());
            text.pack();
            assert_eq!(text.to_str(), sample, "unpacked as read");
            assert_eq!(text.len(), sample.len(), "length of {text:?}");
            assert_eq!(
                text.is_packed(),
                sample.len() >= MIN_PACKED,
                "long texts pack, short ones stay: {text:?}"
            );
            assert_eq!(
                text.plain().is_some(),
                !text.is_packed(),
                "plain iff unpacked"
            );
            let again = text.clone();
            text.pack();
            assert_eq!(text, again, "packing twice changes nothing");
        }
    }

    #[test]
    fn text_that_does_not_shrink_stays_as_read() {
        // Bytes with no repeats: LZ4 cannot make them smaller.
        let mut rng = fastrand::Rng::with_seed(7);
        let sample: String = (0..4000)
            .map(|_| rng.char('\u{4e00}'..'\u{9fff}'))
            .collect();
        let mut text = Text::from(sample.clone());
        text.pack();
        assert!(!text.is_packed(), "{} bytes did not shrink", sample.len());
        assert_eq!(text.plain(), Some(sample.as_str()), "kept as read");
    }
}
