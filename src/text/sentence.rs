//! Sentence boundaries, the way a reader of news sees them.
//!
//! A sentence ends at `.`, `!`, `?` or `…` followed by white space and something that can
//! start a sentence (an upper-case letter, a digit, a quote or a bullet), at a bullet
//! (`•`), and at a line break unless the next line continues in lower case (hard-wrapped
//! text). It does not end after titles and abbreviations ("Mr.", "Lt.", "Gen.", "U.S.",
//! "Jan."), after single initials ("J. K. Rowling"), or inside numbers ("2.6").
//! Headlines, captions and bullets without final punctuation are sentences of their own
//! because they sit on their own lines.
//!
//! Limits: a sentence that ends in an abbreviation followed by a new sentence ("… in the
//! U.S. The next day …") is not split.

use std::ops::Range;

/// Abbreviations after which a period does not end a sentence (compared case-sensitively
/// on the word before the period).
const ABBREVIATIONS: &[&str] = &[
    "Adm", "Apr", "Aug", "Brig", "Capt", "Cmdr", "Co", "Col", "Corp", "Cpl", "Dec", "Dr", "Feb",
    "Fr", "Gen", "Gov", "Hon", "Inc", "Jan", "Jr", "Jul", "Jun", "Lt", "Ltd", "Maj", "Mar",
    "Messrs", "Mr", "Mrs", "Ms", "Mt", "No", "Nov", "Oct", "Pres", "Prof", "Pte", "Rep", "Rev",
    "Sen", "Sep", "Sept", "Sgt", "Sr", "St", "Supt", "approx", "cf", "e.g", "eg", "etc", "i.e",
    "ie", "vs",
];

/// Appends the sentences of `text[range]` to `out`, trimmed of white space and bullets.
///
/// # Examples
/// ```
/// use dateline::text::sentence::split_into;
/// let text = "Mr. Smith met Lt. Gen. Hodges in the U.S. capital. It cost $2.6bn!\nA headline\nnext";
/// let mut out = Vec::new();
/// split_into(text, 0..text.len(), &mut out);
/// let s: Vec<&str> = out.iter().map(|r| &text[r.clone()]).collect();
/// assert_eq!(s, ["Mr. Smith met Lt. Gen. Hodges in the U.S. capital.", "It cost $2.6bn!", "A headline\nnext"]);
/// ```
pub fn split_into(text: &str, range: Range<usize>, out: &mut Vec<Range<usize>>) {
    let Some(slice) = text.get(range.clone()) else {
        return;
    };
    let base = range.start;
    let bytes = slice.as_bytes();
    let mut start = 0;
    let mut i = 0;
    while i < bytes.len() {
        let Some(&b) = bytes.get(i) else { break };
        let cut = match b {
            b'\n' => line_break_ends_sentence(bytes, i).then_some((i, i + 1)),
            b'.' | b'!' | b'?' => terminal_punctuation(slice, bytes, start, i),
            // "…" is E2 80 A6; "•" is E2 80 A2.
            0xE2 if bytes.get(i + 1) == Some(&0x80) => match bytes.get(i + 2) {
                Some(0xA6) => ellipsis_ends_sentence(bytes, i + 3).then_some((i + 3, i + 3)),
                Some(0xA2) => Some((i, i + 3)),
                _ => None,
            },
            _ => None,
        };
        match cut {
            Some((end, next)) => {
                push_trimmed(slice, base, start..end, out);
                start = next;
                i = next.max(i + 1);
            }
            None => i += 1,
        }
    }
    push_trimmed(slice, base, start..bytes.len(), out);
}

/// A line break ends a sentence unless the next line goes on in lower case.
fn line_break_ends_sentence(bytes: &[u8], at: usize) -> bool {
    let next = bytes
        .get(at + 1..)
        .unwrap_or(&[])
        .iter()
        .position(|b| !matches!(b, b' ' | b'\t' | b'\r'))
        .and_then(|p| bytes.get(at + 1 + p));
    !next.is_some_and(u8::is_ascii_lowercase)
}

fn ellipsis_ends_sentence(bytes: &[u8], after: usize) -> bool {
    bytes.get(after).is_some_and(u8::is_ascii_whitespace) && next_starts_sentence(bytes, after)
}

/// Decides whether the `.`/`!`/`?` at `at` ends a sentence; returns (end, next start).
fn terminal_punctuation(
    slice: &str,
    bytes: &[u8],
    start: usize,
    at: usize,
) -> Option<(usize, usize)> {
    // Swallow runs ("?!", "...") and closing quotes/brackets that belong to the sentence.
    let mut end = at + 1;
    loop {
        match bytes.get(end) {
            Some(b'.' | b'!' | b'?' | b'"' | b'\'' | b')' | b']') => end += 1,
            // Closing curly quotes ’ ” (E2 80 99 / E2 80 9D).
            Some(0xE2)
                if bytes.get(end + 1) == Some(&0x80)
                    && matches!(bytes.get(end + 2), Some(0x99 | 0x9D)) =>
            {
                end += 3;
            }
            _ => break,
        }
    }
    let followed_by_space = bytes.get(end).is_none_or(u8::is_ascii_whitespace);
    if !followed_by_space || !next_starts_sentence(bytes, end) {
        return None;
    }
    if bytes.get(at) == Some(&b'.') && end == at + 1 && is_abbreviation(slice, start, at) {
        return None;
    }
    Some((end, end))
}

/// True when the first non-space character after `from` can start a sentence.
fn next_starts_sentence(bytes: &[u8], from: usize) -> bool {
    let rest = bytes.get(from..).unwrap_or(&[]);
    let Some(p) = rest.iter().position(|b| !b.is_ascii_whitespace()) else {
        return true;
    };
    match rest.get(p) {
        Some(b) if b.is_ascii_uppercase() || b.is_ascii_digit() => true,
        Some(b'"' | b'\'' | b'(' | b'[') => true,
        // Any non-ASCII start (curly quote, bullet, Cyrillic or accented capital).
        Some(b) if *b >= 0x80 => true,
        _ => false,
    }
}

/// True when the word before the period at `dot` is an abbreviation or an initial.
fn is_abbreviation(slice: &str, start: usize, dot: usize) -> bool {
    let before = slice.get(start..dot).unwrap_or("");
    let word = before
        .rsplit(|c: char| c.is_whitespace() || c == '(' || c == '"')
        .next()
        .unwrap_or("");
    if word.is_empty() {
        return false;
    }
    // Single initials ("J.") and dotted acronyms ("U.S", "U.K", "a.m").
    let letters: Vec<char> = word.chars().filter(|c| *c != '.').collect();
    if letters.len() == 1 && letters.iter().all(|c| c.is_uppercase()) {
        return true;
    }
    if word.contains('.') && word.split('.').all(|part| part.chars().count() == 1) {
        return true;
    }
    ABBREVIATIONS.contains(&word)
}

fn push_trimmed(slice: &str, base: usize, range: Range<usize>, out: &mut Vec<Range<usize>>) {
    let Some(s) = slice.get(range.clone()) else {
        return;
    };
    let trimmed_start = s.len()
        - s.trim_start_matches(|c: char| c.is_whitespace() || c == '•')
            .len();
    let trimmed = s.trim_matches(|c: char| c.is_whitespace() || c == '•');
    if trimmed.is_empty() {
        return;
    }
    let from = base + range.start + trimmed_start;
    out.push(from..from + trimmed.len());
}

#[cfg(test)]
mod tests {
    use super::*;

    fn split(text: &str) -> Vec<&str> {
        let mut out = Vec::new();
        split_into(text, 0..text.len(), &mut out);
        out.iter().map(|r| &text[r.clone()]).collect()
    }

    /// Bullets in live-blog summaries are sentences even without a final period.
    #[test]
    fn bullets_are_sentences() {
        assert_eq!(
            split("Summary\n\n  • Shelling on Belgorod\n  • Talks in Moldova"),
            ["Summary", "Shelling on Belgorod", "Talks in Moldova"]
        );
    }

    /// Quoted speech keeps its closing quote in the sentence.
    #[test]
    fn closing_quotes_stay_with_the_sentence() {
        assert_eq!(
            split("He said: \"We are moving.\" Allies agree."),
            ["He said: \"We are moving.\"", "Allies agree."]
        );
    }

    /// An ellipsis followed by a capital starts a new sentence.
    #[test]
    fn ellipsis_can_end_a_sentence() {
        assert_eq!(
            split("died near the clinic... A rocket fell"),
            ["died near the clinic...", "A rocket fell"]
        );
    }

    /// Initials and "Lt.Gen" glued forms do not split.
    #[test]
    fn initials_do_not_split() {
        assert_eq!(
            split("J. K. Rowling and Lt.Gen Ben Hodges spoke."),
            ["J. K. Rowling and Lt.Gen Ben Hodges spoke."]
        );
    }

    /// A lower-case word after a period is not a new sentence (e.g. "approx. five").
    #[test]
    fn lower_case_continuation_does_not_split() {
        assert_eq!(
            split("The 2.6 million people. and more"),
            ["The 2.6 million people. and more"]
        );
    }
}
