//! Name normalisation shared by the index builder (`build.rs`) and the matcher.
//!
//! A name and a piece of article text meet as *keys*: lower case, diacritics folded,
//! apostrophes dropped, and every run of separators (space, hyphen, dot) turned into one
//! space. "Chișinău", "Chisinau" and "CHISINAU" give `chisinau`; "Rostov-on-Don" gives
//! `rostov on don`; "Maslova Pristan’" gives `maslova pristan`. Scripts are not
//! transliterated: "Київ" stays Cyrillic (`киів` after folding), and the gazetteer
//! carries Cyrillic alternates for that.
//!
//! This file is compiled twice, as `dateline::gazetteer::normalize` and inside the build
//! script through `#[path]`, so both sides of the index fold text the same way. It may
//! only use `std` and `unicode-normalization`.

use unicode_normalization::UnicodeNormalization as _;
use unicode_normalization::char::is_combining_mark;

/// Returns true for the characters that count as an apostrophe inside a word.
pub fn is_apostrophe(c: char) -> bool {
    matches!(
        c,
        '\'' | '\u{2019}' | '\u{2018}' | '\u{02BC}' | '\u{02B9}' | '`' | '\u{2032}'
    )
}

/// Returns true for the characters that separate the words of a multi-word name.
pub fn is_name_separator(c: char) -> bool {
    matches!(
        c,
        ' ' | '\t'
            | '-'
            | '\u{2010}'
            | '\u{2011}'
            | '.'
            | '_'
            | '/'
            | '('
            | ')'
            | ','
            | '"'
            | '\u{a0}'
    )
}

/// Appends the folded form of one word (no separators inside) to `out`.
///
/// ASCII takes a fast path that never allocates; other text is decomposed (NFD), its
/// combining marks dropped and a few letters without a decomposition spelled out
/// ("ß" → "ss", "ł" → "l", "ø" → "o").
pub fn fold_word_into(word: &str, out: &mut String) {
    if word.is_ascii() {
        out.extend(
            word.bytes()
                .filter(|b| !matches!(b, b'\'' | b'`'))
                .map(|b| char::from(b.to_ascii_lowercase())),
        );
        return;
    }
    for c in word.nfd() {
        if is_combining_mark(c) || is_apostrophe(c) {
            continue;
        }
        match c {
            'ß' => out.push_str("ss"),
            'ø' | 'Ø' => out.push('o'),
            'đ' | 'Đ' | 'ð' | 'Ð' => out.push('d'),
            'ł' | 'Ł' => out.push('l'),
            'æ' | 'Æ' => out.push_str("ae"),
            'œ' | 'Œ' => out.push_str("oe"),
            'ı' => out.push('i'),
            'þ' | 'Þ' => out.push_str("th"),
            'ħ' | 'Ħ' => out.push('h'),
            _ => out.extend(c.to_lowercase()),
        }
    }
}

/// Returns the key of a whole name: its words folded and joined by single spaces.
///
/// # Examples
/// ```
/// use dateline::gazetteer::normalize::name_key;
/// assert_eq!(name_key("Chișinău"), "chisinau");
/// assert_eq!(name_key("Rostov-on-Don"), "rostov on don");
/// assert_eq!(name_key("St. Petersburg"), "st petersburg");
/// assert_eq!(name_key("Maslova Pristan’"), "maslova pristan");
/// assert_eq!(name_key(" -- "), "");
/// ```
pub fn name_key(name: &str) -> String {
    let mut out = String::with_capacity(name.len());
    for word in name.split(is_name_separator).filter(|w| !w.is_empty()) {
        let before = out.len();
        if before > 0 {
            out.push(' ');
        }
        fold_word_into(word, &mut out);
        if out.len() == before + usize::from(before > 0) {
            // The word folded to nothing (e.g. a lone apostrophe): drop its separator too.
            out.truncate(before);
        }
    }
    out
}

#[cfg(test)]
mod tests {
    use super::*;

    /// Diacritics, case and apostrophes must not decide whether a name is found.
    #[test]
    fn folding_removes_case_diacritics_and_apostrophes() {
        assert_eq!(name_key("Kyiv"), "kyiv");
        assert_eq!(name_key("KYIV"), "kyiv");
        assert_eq!(name_key("Chișinău"), "chisinau");
        assert_eq!(name_key("Kijów"), "kijow");
        assert_eq!(name_key("Côte d'Ivoire"), "cote divoire");
        assert_eq!(name_key("Straße"), "strasse");
        assert_eq!(name_key("Łódź"), "lodz");
    }

    /// Hyphens and dots separate words exactly like spaces do.
    #[test]
    fn separators_collapse_to_one_space() {
        assert_eq!(name_key("Rostov-on-Don"), "rostov on don");
        assert_eq!(name_key("  Sea   of Azov "), "sea of azov");
        assert_eq!(name_key("St. Petersburg"), "st petersburg");
    }

    /// Cyrillic is folded but not transliterated.
    #[test]
    fn cyrillic_is_lowercased_not_transliterated() {
        assert_eq!(name_key("Шебекино"), "шебекино");
        assert_eq!(name_key("Кишинёв"), "кишинев");
    }
}
