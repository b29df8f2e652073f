//! One pass over a segment of text: its tokens and its sentences together.
//!
//! The sentence rules are those of [`super::sentence`]; deciding them from the gaps
//! between tokens (rather than in a second pass over every byte) is what keeps the
//! extractor fast: the bytes inside words are looked at once, through a class table.

use super::token::{Shape, Token, possessive_stem_len};
use crate::gazetteer::normalize::is_apostrophe;
use std::ops::Range;

/// A sentence: its byte span and the span of its tokens in the token list.
#[derive(Clone, Debug, PartialEq, Eq)]
pub struct SentenceSpan {
    /// Byte span in the text, trimmed of white space and bullets.
    pub bytes: Range<usize>,
    /// Indices of its tokens in the token list the scan filled.
    pub tokens: Range<usize>,
}

const SPACE: u8 = 0;
const NEWLINE: u8 = 1;
const LOWER: u8 = 2;
const UPPER: u8 = 3;
const DIGIT: u8 = 4;
const TERMINAL: u8 = 5;
const HIGH: u8 = 6;
const PUNCT: u8 = 7;

/// The class of each byte value.
static CLASS: [u8; 256] = {
    let mut table = [PUNCT; 256];
    let mut b = 0;
    while b < 256 {
        let c = b as u8;
        table[b] = if c.is_ascii_lowercase() {
            LOWER
        } else if c.is_ascii_uppercase() {
            UPPER
        } else if c.is_ascii_digit() {
            DIGIT
        } else if c == b'\n' {
            NEWLINE
        } else if c == b' ' || c == b'\t' || c == b'\r' || c == 0x0c {
            SPACE
        } else if c == b'.' || c == b'!' || c == b'?' {
            TERMINAL
        } else if c >= 0x80 {
            HIGH
        } else {
            PUNCT
        };
        b += 1;
    }
    table
};

fn class(bytes: &[u8], i: usize) -> u8 {
    bytes.get(i).map_or(SPACE, |&b| CLASS[usize::from(b)])
}

/// A possible sentence end seen between two tokens.
#[derive(Clone, Copy)]
enum Break {
    /// A line break at this byte: ends the sentence unless the next word is lower case.
    Line(usize),
    /// Terminal punctuation ending at this byte (quotes swallowed): ends the sentence if
    /// the next token can start one.
    Stop(usize),
}

/// Scans `text[range]`, appending tokens to `tokens` and sentences to `sentences`.
///
/// # Examples
/// ```
/// use dateline::text::scan::scan_into;
/// let text = "Mr. Smith met Gen. Hodges in the U.S. capital. It cost $2.6bn!\n• Kyiv's mayor";
/// let (mut tokens, mut sentences) = (Vec::new(), Vec::new());
/// scan_into(text, 0..text.len(), &mut tokens, &mut sentences);
/// let s: Vec<&str> = sentences.iter().map(|s| &text[s.bytes.clone()]).collect();
/// assert_eq!(s, ["Mr. Smith met Gen. Hodges in the U.S. capital.", "It cost $2.6bn!", "Kyiv's mayor"]);
/// assert_eq!(tokens[sentences[2].tokens.start].stem(text), "Kyiv");
/// ```
pub fn scan_into(
    text: &str,
    range: Range<usize>,
    tokens: &mut Vec<Token>,
    sentences: &mut Vec<SentenceSpan>,
) {
    if text.get(range.clone()).is_none() {
        return;
    }
    let mut scanner = Scanner {
        text,
        end: range.end,
        sentence_start: range.start,
        first_token: tokens.len(),
        pending: None,
        tokens,
        sentences,
    };
    let bytes = text.as_bytes();
    let mut i = range.start;
    while i < scanner.end {
        i = match class(bytes, i) {
            SPACE | PUNCT => i + 1,
            NEWLINE => {
                if !matches!(scanner.pending, Some(Break::Stop(_))) {
                    scanner.pending = Some(Break::Line(i));
                }
                i + 1
            }
            TERMINAL => scanner.terminal(i),
            LOWER => {
                scanner.resolve_pending(false, i);
                word(text, i, scanner.end, scanner.tokens)
            }
            UPPER => {
                scanner.resolve_pending(true, i);
                word(text, i, scanner.end, scanner.tokens)
            }
            DIGIT => {
                scanner.resolve_pending(true, i);
                number(bytes, i, scanner.end, scanner.tokens)
            }
            _ => scanner.non_ascii(i),
        };
    }
    let (start, end, first) = (scanner.sentence_start, scanner.end, scanner.first_token);
    push_sentence(
        text,
        start..end,
        first..scanner.tokens.len(),
        scanner.sentences,
    );
}

/// The scanner's state between two tokens.
struct Scanner<'t, 'o> {
    text: &'t str,
    end: usize,
    /// Where the current sentence started.
    sentence_start: usize,
    /// Its first token.
    first_token: usize,
    /// A sentence end seen but not yet confirmed by the next word.
    pending: Option<Break>,
    tokens: &'o mut Vec<Token>,
    sentences: &'o mut Vec<SentenceSpan>,
}

impl Scanner<'_, '_> {
    /// Terminal punctuation at `i`: a possible sentence end; returns where to go on.
    fn terminal(&mut self, i: usize) -> usize {
        let bytes = self.text.as_bytes();
        let stop = swallow_closers(bytes, i, self.end);
        let has_words = self.tokens.len() > self.first_token;
        if (has_words && bytes.get(stop).is_none_or(u8::is_ascii_whitespace)) || stop >= self.end {
            let abbreviation = bytes.get(i) == Some(&b'.')
                && stop == i + 1
                && ends_abbreviation(self.text, self.tokens, self.first_token, i);
            if !abbreviation {
                self.pending = Some(Break::Stop(stop));
            }
        }
        stop.max(i + 1)
    }

    /// A non-ASCII character at `i`: a letter starts a word; a bullet ends the sentence;
    /// an ellipsis may. Returns where to go on.
    fn non_ascii(&mut self, i: usize) -> usize {
        let c = self
            .text
            .get(i..)
            .and_then(|s| s.chars().next())
            .unwrap_or(' ');
        if c.is_alphabetic() {
            self.resolve_pending(!c.is_lowercase(), i);
            return word(self.text, i, self.end, self.tokens);
        }
        match c {
            '\u{2022}' => {
                self.pending = None;
                self.close_at(i, i + c.len_utf8());
            }
            '\u{2026}' => {
                let stop = swallow_closers(self.text.as_bytes(), i + c.len_utf8(), self.end);
                if self
                    .text
                    .as_bytes()
                    .get(stop)
                    .is_none_or(u8::is_ascii_whitespace)
                {
                    self.pending = Some(Break::Stop(stop));
                }
            }
            _ => {}
        }
        i + c.len_utf8()
    }

    /// A word starts at `next`: decides a pending sentence end. `can_start` says whether
    /// the word can begin a sentence (capital letter, digit).
    fn resolve_pending(&mut self, can_start: bool, next: usize) {
        let Some(pending) = self.pending.take() else {
            return;
        };
        let (cut, ends) = match pending {
            // A line break ends the sentence unless the next line goes on in lower case.
            Break::Line(at) => (at, can_start),
            Break::Stop(at) => (at, can_start || starts_with_opener(self.text, at, next)),
        };
        if ends {
            self.close_at(cut, cut);
        }
    }

    /// Ends the current sentence at `cut`; the next one starts at `resume`.
    fn close_at(&mut self, cut: usize, resume: usize) {
        let split = self
            .tokens
            .iter()
            .skip(self.first_token)
            .position(|t| t.start as usize >= cut)
            .map_or(self.tokens.len(), |p| self.first_token + p);
        push_sentence(
            self.text,
            self.sentence_start..cut,
            self.first_token..split,
            self.sentences,
        );
        self.sentence_start = resume.max(cut);
        self.first_token = split;
    }
}
/// Moves past closing quotes and brackets (and runs of "?!.") after terminal punctuation.
fn swallow_closers(bytes: &[u8], at: usize, end: usize) -> usize {
    let mut j = at + 1;
    while j < end {
        match bytes.get(j) {
            Some(b'.' | b'!' | b'?' | b'"' | b'\'' | b')' | b']') => j += 1,
            Some(0xE2)
                if bytes.get(j + 1) == Some(&0x80)
                    && matches!(bytes.get(j + 2), Some(0x99 | 0x9D)) =>
            {
                j += 3;
            }
            _ => break,
        }
    }
    j
}

/// True when the word right before the period at `dot` is a title, an abbreviation or
/// an initial ("Mr.", "Gen.", "J.", "U.S.").
fn ends_abbreviation(text: &str, tokens: &[Token], first_token: usize, dot: usize) -> bool {
    let Some(last) = tokens
        .last()
        .filter(|t| t.end as usize == dot && tokens.len() > first_token)
    else {
        return false;
    };
    let word = last.text(text);
    let single_letter = word.len() == 1;
    // An initial ("J."), or the last letter of a dotted abbreviation ("U.S.", "e.g.").
    if single_letter
        && (word.bytes().all(|b| b.is_ascii_uppercase())
            || dotted_before(text, last.start as usize))
    {
        return true;
    }
    super::sentence::is_abbreviation_word(word)
}

/// True when a period and a single letter come right before `at` ("e.g" in "e.g.").
fn dotted_before(text: &str, at: usize) -> bool {
    let bytes = text.as_bytes();
    at >= 2
        && bytes.get(at - 1) == Some(&b'.')
        && bytes.get(at - 2).is_some_and(u8::is_ascii_alphabetic)
}

/// True when a quote, bracket or other opener stands between the break and the next word.
fn starts_with_opener(text: &str, cut: usize, next: usize) -> bool {
    text.get(cut..next).is_some_and(|gap| {
        gap.chars()
            .any(|c| matches!(c, '"' | '\'' | '(' | '[' | '\u{201C}' | '\u{2018}'))
    })
}

fn push_sentence(
    text: &str,
    bytes: Range<usize>,
    tokens: Range<usize>,
    sentences: &mut Vec<SentenceSpan>,
) {
    let Some(s) = text.get(bytes.clone()) else {
        return;
    };
    let is_pad = |c: char| c.is_whitespace() || c == '\u{2022}';
    let trimmed = s.trim_matches(is_pad);
    if trimmed.is_empty() {
        return;
    }
    let start = bytes.start + (s.len() - s.trim_start_matches(is_pad).len());
    sentences.push(SentenceSpan {
        bytes: start..start + trimmed.len(),
        tokens,
    });
}

/// Scans a word from `start` (a letter) and pushes its token; returns the end.
pub(super) fn word(text: &str, start: usize, end: usize, out: &mut Vec<Token>) -> usize {
    let bytes = text.as_bytes();
    let window = bytes.get(start..end).unwrap_or(&[]);
    // ASCII fast path: most words of English news never leave it. Letters, digits and an
    // apostrophe between letters continue the word. Eight bytes are tested at a time.
    let mut len = 0;
    while let Some(chunk) = window.get(len..len + 8) {
        let run = alnum_run(u64::from_le_bytes(chunk.try_into().unwrap_or_default()));
        len += run;
        if run < 8 {
            break;
        }
    }
    while let Some(&b) = window.get(len) {
        let c = CLASS[usize::from(b)];
        if c == LOWER || c == UPPER || c == DIGIT {
            len += 1;
        } else if b == b'\'' && window.get(len + 1).is_some_and(u8::is_ascii_alphabetic) && len > 0
        {
            len += 2;
        } else {
            break;
        }
    }
    let mut at = start + len;
    let mut ascii = true;
    if window.get(len).is_some_and(|&b| b >= 0x80) {
        (at, ascii) = word_tail(text, at, end);
    }
    let token = text.get(start..at).unwrap_or("");
    let stem_len = possessive_stem_len(token);
    let first = window.first().copied().unwrap_or(b'a');
    let (capitalized, all_caps) = if first.is_ascii_lowercase() {
        (false, false)
    } else {
        case_of(text.get(start..start + stem_len).unwrap_or(""), ascii)
    };
    out.push(Token {
        start: start as u32,
        end: at as u32,
        stem_end: (start + stem_len) as u32,
        shape: Shape::Word,
        capitalized,
        all_caps,
        ascii,
    });
    at.max(start + 1)
}

/// How many of the eight bytes of `chunk` (little-endian), from the first, are ASCII
/// letters or digits: each byte is range-tested in its own lane, with no carry between
/// lanes since the high bits are cleared first.
fn alnum_run(chunk: u64) -> usize {
    const LANES: u64 = 0x0101_0101_0101_0101;
    let high = LANES * 0x80;
    let low = chunk & !high;
    // Bit 5 set lower-cases a letter; a lane's high bit is then set when x >= lo.
    let at_least = |x: u64, lo: u8| x + LANES * u64::from(0x80 - lo);
    let folded = low | (LANES * 0x20);
    let letter = at_least(folded, b'a') & !at_least(folded, b'z' + 1);
    let digit = at_least(low, b'0') & !at_least(low, b'9' + 1);
    let alnum = (letter | digit) & !chunk & high;
    // The first lane without the bit ends the run.
    ((!alnum & high).trailing_zeros() / 8) as usize
}

/// Continues a word through non-ASCII letters; returns its end and whether it stayed
/// ASCII.
fn word_tail(text: &str, from: usize, end: usize) -> (usize, bool) {
    let mut at = from;
    let mut ascii = true;
    let mut chars = text.get(from..end).unwrap_or("").char_indices().peekable();
    while let Some((off, c)) = chars.next() {
        let continues = c.is_alphanumeric()
            || (is_apostrophe(c) && chars.peek().is_some_and(|&(_, n)| n.is_alphabetic()));
        if !continues {
            break;
        }
        ascii &= c.is_ascii();
        at = from + off + c.len_utf8();
    }
    (at, ascii)
}

/// Whether a word starts with a capital, and whether all its (two or more) letters are;
/// `ascii` says the word is ASCII (the tokenizer knows).
#[inline]
fn case_of(stem: &str, ascii: bool) -> (bool, bool) {
    if ascii {
        // Most words: their bytes tell, without Unicode's case tables.
        let bytes = stem.as_bytes();
        if !bytes.first().is_some_and(u8::is_ascii_uppercase) {
            return (false, false);
        }
        let all_caps = !bytes.iter().any(u8::is_ascii_lowercase)
            && bytes.iter().filter(|b| b.is_ascii_alphabetic()).count() >= 2;
        return (true, all_caps);
    }
    let capitalized = stem.chars().next().is_some_and(char::is_uppercase);
    if !capitalized {
        return (false, false);
    }
    let mut letters = 0;
    for c in stem.chars().filter(|c| c.is_alphabetic()) {
        if !c.is_uppercase() {
            return (true, false);
        }
        letters += 1;
    }
    (true, letters >= 2)
}

/// Scans a number from `start` (a digit) and pushes its token; returns the end.
pub(super) fn number(bytes: &[u8], start: usize, end: usize, out: &mut Vec<Token>) -> usize {
    let mut at = start;
    let mut shape = Shape::Digits;
    while at < end {
        match bytes.get(at) {
            Some(b) if b.is_ascii_digit() => at += 1,
            Some(b'.' | b',' | b':' | b'/' | b'-')
                if at + 1 < end && bytes.get(at + 1).is_some_and(u8::is_ascii_digit) =>
            {
                shape = Shape::Numeric;
                at += 1;
            }
            _ => break,
        }
    }
    // A letter suffix ("3rd", "122mm") stays with the number.
    while at < end && bytes.get(at).is_some_and(u8::is_ascii_alphabetic) {
        shape = Shape::Numeric;
        at += 1;
    }
    out.push(Token {
        start: start as u32,
        end: at as u32,
        stem_end: at as u32,
        shape,
        capitalized: false,
        all_caps: false,
        ascii: true,
    });
    at
}

#[cfg(test)]
mod tests {
    use super::*;

    /// The eight-lane test agrees with the byte-wise one on every byte in every lane.
    #[test]
    fn alnum_run_is_the_bytewise_run() {
        for b in 0..=255u8 {
            for lane in 0..8 {
                let mut chunk = *b"abcdefgh";
                chunk[lane] = b;
                let expected = if b.is_ascii_alphanumeric() { 8 } else { lane };
                assert_eq!(
                    alnum_run(u64::from_le_bytes(chunk)),
                    expected,
                    "{b:#x} at {lane}"
                );
            }
        }
        assert_eq!(alnum_run(u64::from_le_bytes(*b"Kyiv's m")), 4);
        assert_eq!(alnum_run(u64::from_le_bytes(*b"F-16 jet")), 1);
    }
}
