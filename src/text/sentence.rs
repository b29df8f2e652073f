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
    let mut tokens = Vec::new();
    let mut sentences = Vec::new();
    super::scan::scan_into(text, range, &mut tokens, &mut sentences);
    out.extend(sentences.into_iter().map(|s| s.bytes));
}

/// True when `word` (the word before a period) is a title or abbreviation after which
/// the period does not end a sentence.
pub(super) fn is_abbreviation_word(word: &str) -> bool {
    word.len() <= 6 && ABBREVIATIONS.binary_search(&word).is_ok()
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
