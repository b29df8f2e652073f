//! Words and numbers of a sentence, with their byte spans and shape.
//!
//! One tokenizer serves both the place matcher and the date recogniser, so the two agree
//! on what a word is. A *word* is a run of letters and digits that starts with a letter
//! and may hold inner apostrophes ("d'Ivoire", "Kyiv's"); a trailing possessive `'s` is
//! kept in the token but excluded from its [`Token::stem_end`]. A *number* starts with a
//! digit and may hold inner `.,:/-` between digits ("2.6", "16:14", "2023-06-01",
//! "24/7") and a letter suffix ("3rd", "122mm"). Everything else (spaces, punctuation,
//! symbols) separates tokens.

/// The shape of a token.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub enum Shape {
    /// A word that starts with a letter.
    Word,
    /// Digits only ("2023", "3").
    Digits,
    /// Digits with inner separators or a letter suffix ("2.6", "16:14", "3rd").
    Numeric,
}

/// A token: a byte span of the text plus what it looks like.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub struct Token {
    /// Byte offset of the first character.
    pub start: u32,
    /// Byte offset one past the last character (possessive included).
    pub end: u32,
    /// End of the token without a trailing possessive `'s` (equals `end` otherwise).
    pub stem_end: u32,
    /// The token's shape.
    pub shape: Shape,
    /// The first character is an upper-case letter.
    pub capitalized: bool,
    /// Every letter is upper case and there are at least two of them ("NATO", "UK").
    pub all_caps: bool,
    /// The token is pure ASCII.
    pub ascii: bool,
}

impl Token {
    /// The token's text, possessive included.
    pub fn text<'t>(&self, text: &'t str) -> &'t str {
        text.get(self.start as usize..self.end as usize)
            .unwrap_or("")
    }

    /// The token's text without a trailing possessive.
    pub fn stem<'t>(&self, text: &'t str) -> &'t str {
        text.get(self.start as usize..self.stem_end as usize)
            .unwrap_or("")
    }

    /// True when the token carries a possessive `'s`.
    pub fn possessive(&self) -> bool {
        self.stem_end != self.end
    }

    /// The stem lower-cased and packed into an integer (its bytes little-endian,
    /// zero-padded), for an ASCII word of at most [`KEY_BYTES`] bytes: a key to look words
    /// up by without a string compare. Built in a register from one 16-byte load where
    /// the text allows: an ASCII word holds only letters, digits and apostrophes, which
    /// setting bit 5 lower-cases (digits and the apostrophe have it set already).
    ///
    /// # Examples
    /// ```
    /// use dateline::text::token::{key_of, tokenize_into};
    /// let text = "On SUNDAY";
    /// let mut tokens = Vec::new();
    /// tokenize_into(text, 0..text.len(), &mut tokens);
    /// assert_eq!(tokens[1].lower_key(text), key_of(b"sunday"));
    /// ```
    pub fn lower_key(&self, text: &str) -> Option<u128> {
        let len = (self.stem_end - self.start) as usize;
        if self.shape != Shape::Word || !self.ascii || len > KEY_BYTES {
            return None;
        }
        let start = self.start as usize;
        let bytes = text.as_bytes();
        let raw = match bytes.get(start..start + KEY_BYTES) {
            Some(window) => u128::from_le_bytes(window.try_into().ok()?),
            None => key_of(bytes.get(start..start + len)?)?,
        };
        let mask = u128::MAX.checked_shr(8 * (KEY_BYTES - len) as u32)?;
        Some((raw & mask) | (0x2020_2020_2020_2020_2020_2020_2020_2020 & mask))
    }
}

/// The longest word [`Token::lower_key`] gives a key.
pub const KEY_BYTES: usize = 16;

/// The key of a lower-case word of at most [`KEY_BYTES`] bytes (see [`Token::lower_key`]).
pub fn key_of(lower: &[u8]) -> Option<u128> {
    let mut buf = [0u8; KEY_BYTES];
    buf.get_mut(..lower.len())?.copy_from_slice(lower);
    Some(u128::from_le_bytes(buf))
}

/// Appends the tokens of `text[range]` to `out` (offsets are into `text`).
///
/// # Examples
/// ```
/// use dateline::text::token::{tokenize_into, Shape};
/// let text = "Kyiv's 3rd F-16 on 2023-06-01";
/// let mut tokens = Vec::new();
/// tokenize_into(text, 0..text.len(), &mut tokens);
/// let words: Vec<&str> = tokens.iter().map(|t| t.text(text)).collect();
/// assert_eq!(words, ["Kyiv's", "3rd", "F", "16", "on", "2023-06-01"]);
/// assert_eq!(tokens[0].stem(text), "Kyiv");
/// assert_eq!(tokens[3].shape, Shape::Digits);
/// ```
pub fn tokenize_into(text: &str, range: std::ops::Range<usize>, out: &mut Vec<Token>) {
    use super::scan::{number, word};
    if text.get(range.clone()).is_none() {
        return;
    }
    let bytes = text.as_bytes();
    let mut i = range.start;
    while i < range.end {
        let Some(&b) = bytes.get(i) else { break };
        if b.is_ascii_alphabetic() {
            i = word(text, i, range.end, out);
        } else if b.is_ascii_digit() {
            i = number(bytes, i, range.end, out);
        } else if b < 0x80 {
            i += 1;
        } else {
            let c = text.get(i..).and_then(|s| s.chars().next()).unwrap_or(' ');
            if c.is_alphabetic() {
                i = word(text, i, range.end, out);
            } else {
                i += c.len_utf8();
            }
        }
    }
}

/// Length of `token` without a trailing "'s" / "’s" (the whole token otherwise).
pub(super) fn possessive_stem_len(token: &str) -> usize {
    let b = token.as_bytes();
    let n = b.len();
    if n < 3 || !matches!(b.get(n - 1), Some(b's' | b'S')) {
        return n;
    }
    if b.get(n - 2) == Some(&b'\'') {
        return n - 2;
    }
    // "’" is E2 80 99.
    if n >= 5 && b.get(n - 4..n - 1) == Some(&[0xE2, 0x80, 0x99][..]) {
        return n - 4;
    }
    n
}

#[cfg(test)]
mod tests {
    use super::*;

    fn texts(text: &str) -> Vec<&str> {
        let mut tokens = Vec::new();
        tokenize_into(text, 0..text.len(), &mut tokens);
        tokens.iter().map(|t| t.text(text)).collect()
    }

    /// Numbers with separators stay whole so "24/7" or "2.6" can never look like a date part.
    #[test]
    fn numbers_keep_their_inner_separators() {
        assert_eq!(
            texts("24/7, 2.6 million, 16:14 BST"),
            ["24/7", "2.6", "million", "16:14", "BST"]
        );
    }

    /// Curly apostrophes inside words and possessives are handled like straight ones.
    #[test]
    fn curly_possessive_is_excluded_from_the_stem() {
        let text = "Ukraine’s capital";
        let mut tokens = Vec::new();
        tokenize_into(text, 0..text.len(), &mut tokens);
        assert_eq!(tokens[0].stem(text), "Ukraine");
        assert!(tokens[0].possessive(), "’s is a possessive");
        assert!(tokens[0].capitalized, "starts with U");
    }

    /// Cyrillic and accented words are single tokens with their case known.
    #[test]
    fn non_ascii_words_are_tokens() {
        let text = "у Києві, Chișinău";
        let mut tokens = Vec::new();
        tokenize_into(text, 0..text.len(), &mut tokens);
        assert_eq!(tokens.len(), 3, "three words");
        assert!(
            tokens[1].capitalized && !tokens[1].ascii,
            "Києві is capitalised non-ASCII"
        );
        assert_eq!(tokens[2].text(text), "Chișinău");
    }

    /// All-caps needs two letters, so a lone initial is not an acronym.
    #[test]
    fn all_caps_needs_two_letters() {
        let text = "NATO A UK";
        let mut tokens = Vec::new();
        tokenize_into(text, 0..text.len(), &mut tokens);
        let caps: Vec<bool> = tokens.iter().map(|t| t.all_caps).collect();
        assert_eq!(caps, [true, false, true]);
    }
}
