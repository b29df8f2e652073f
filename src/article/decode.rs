//! Bytes → text: refusing binary and empty files, decoding what is not UTF-8.
//!
//! Order of checks: empty → known binary signatures (PNG, ELF, PDF, ZIP, …) → byte-order
//! marks (UTF-8, UTF-16 LE/BE) → NUL bytes (a few inside text are removed with a
//! warning; more than 8 that are over 1% of the bytes mean binary) → control characters → UTF-8 → a guessed legacy encoding
//! (`chardetng`, e.g. Windows-1251 or Latin-1) with a warning.

use crate::problem::ProblemKind;

/// A decoded text and the caveats of decoding it.
#[derive(Debug)]
pub struct Decoded {
    /// The text.
    pub text: String,
    /// Warnings (encoding guessed, NUL bytes removed).
    pub warnings: Vec<ProblemKind>,
}

const SIGNATURES: &[(&[u8], &str)] = &[
    (b"\x89PNG\r\n\x1a\n", "PNG image"),
    (b"\x7fELF", "ELF executable"),
    (b"%PDF-", "PDF document"),
    (b"PK\x03\x04", "ZIP archive"),
    (b"\x1f\x8b", "gzip archive"),
    (b"GIF87a", "GIF image"),
    (b"GIF89a", "GIF image"),
    (b"\xff\xd8\xff", "JPEG image"),
    (b"MZ\x90\x00", "Windows executable"),
    (b"\x28\xb5\x2f\xfd", "zstd archive"),
    (b"BZh91AY&SY", "bzip2 archive"),
    (b"\xfd7zXZ\x00", "xz archive"),
    (b"7z\xbc\xaf\x27\x1c", "7z archive"),
    (b"SQLite format 3\x00", "SQLite database"),
    (b"RIFF", "RIFF media file"),
    (b"OggS", "Ogg media file"),
    (b"\x00\x00\x00\x18ftyp", "MP4 video"),
    (b"\x00\x00\x00\x20ftyp", "MP4 video"),
];

/// Decodes a file's bytes into text, or says why it is not text.
///
/// # Examples
/// ```
/// use dateline::article::decode::decode;
/// assert_eq!(decode(b"Kyiv".to_vec()).unwrap().text, "Kyiv");
/// assert!(decode(b"\x89PNG\r\n\x1a\n....".to_vec()).is_err());
/// let cp1251 = b"\xca\xe8\xe5\xe2 \xe8 \xd5\xe0\xf0\xfc\xea\xee\xe2 \xe1\xfb\xeb\xe8 \xe0\xf2\xe0\xea\xee\xe2\xe0\xed\xfb".to_vec();
/// assert_eq!(decode(cp1251).unwrap().text, "Киев и Харьков были атакованы");
/// ```
pub fn decode(bytes: Vec<u8>) -> Result<Decoded, ProblemKind> {
    if bytes.iter().all(u8::is_ascii_whitespace) {
        return Err(ProblemKind::Empty);
    }
    if let Some((_, what)) = SIGNATURES
        .iter()
        .find(|(magic, _)| bytes.starts_with(magic))
    {
        return Err(ProblemKind::Binary {
            what: (*what).to_owned(),
        });
    }
    if let Some((encoding, bom_len)) = encoding_rs::Encoding::for_bom(&bytes) {
        let (text, had_errors) =
            encoding.decode_without_bom_handling(bytes.get(bom_len..).unwrap_or(&[]));
        let mut warnings = Vec::new();
        if encoding != encoding_rs::UTF_8 {
            warnings.push(ProblemKind::Decoded {
                encoding: encoding.name().to_owned(),
            });
        }
        return finish(text.into_owned(), had_errors, warnings);
    }
    let mut warnings = Vec::new();
    let nul_count = memchr::memchr_iter(0, &bytes).count();
    let bytes = if nul_count == 0 {
        bytes
    } else if nul_count > 8 && nul_count * 100 > bytes.len() {
        return Err(ProblemKind::Binary {
            what: format!("{nul_count} NUL bytes"),
        });
    } else {
        warnings.push(ProblemKind::NulBytes { count: nul_count });
        bytes.into_iter().filter(|&b| b != 0).collect()
    };
    if control_share(&bytes) > 0.05 {
        return Err(ProblemKind::Binary {
            what: "control characters".to_owned(),
        });
    }
    match String::from_utf8(bytes) {
        Ok(text) => finish(text, false, warnings),
        Err(err) => {
            let bytes = err.into_bytes();
            let mut detector =
                chardetng::EncodingDetector::new(chardetng::Iso2022JpDetection::Deny);
            detector.feed(&bytes, true);
            let encoding = detector.guess(None, chardetng::Utf8Detection::Deny);
            let (text, _, had_errors) = encoding.decode(&bytes);
            warnings.push(ProblemKind::Decoded {
                encoding: encoding.name().to_owned(),
            });
            finish(text.into_owned(), had_errors, warnings)
        }
    }
}

fn finish(
    text: String,
    had_errors: bool,
    warnings: Vec<ProblemKind>,
) -> Result<Decoded, ProblemKind> {
    if had_errors && replacement_share(&text) > 0.05 {
        return Err(ProblemKind::Binary {
            what: "undecodable bytes".to_owned(),
        });
    }
    if text.trim().is_empty() {
        return Err(ProblemKind::Empty);
    }
    Ok(Decoded { text, warnings })
}

/// Share of C0 control bytes other than tab, line feed, carriage return and form feed.
fn control_share(bytes: &[u8]) -> f64 {
    let sample = bytes.get(..bytes.len().min(64 * 1024)).unwrap_or(bytes);
    if sample.is_empty() {
        return 0.0;
    }
    let controls = sample
        .iter()
        .filter(|&&b| b < 0x20 && !matches!(b, b'\t' | b'\n' | b'\r' | 0x0c))
        .count();
    controls as f64 / sample.len() as f64
}

fn replacement_share(text: &str) -> f64 {
    let total = text.chars().take(64 * 1024).count().max(1);
    let bad = text
        .chars()
        .take(64 * 1024)
        .filter(|&c| c == '\u{FFFD}')
        .count();
    bad as f64 / total as f64
}

#[cfg(test)]
mod tests {
    use super::*;

    /// UTF-16 with a byte-order mark is text, decoded with a note.
    #[test]
    fn utf16_with_bom_is_decoded() {
        let mut bytes = vec![0xFF, 0xFE];
        for unit in "Kyiv, 1 June 2023".encode_utf16() {
            bytes.extend_from_slice(&unit.to_le_bytes());
        }
        let decoded = decode(bytes).expect("UTF-16 decodes");
        assert_eq!(decoded.text, "Kyiv, 1 June 2023");
        assert_eq!(
            decoded.warnings,
            [ProblemKind::Decoded {
                encoding: "UTF-16LE".into()
            }]
        );
    }

    /// A few NUL bytes in a long text are removed; the rest of the text survives.
    #[test]
    fn stray_nul_bytes_are_removed() {
        let mut bytes = "Shelling hit Shebekino on Thursday. "
            .repeat(10)
            .into_bytes();
        bytes.insert(20, 0);
        let decoded = decode(bytes).expect("still text");
        assert!(!decoded.text.contains('\0'), "NUL removed");
        assert_eq!(decoded.warnings, [ProblemKind::NulBytes { count: 1 }]);
    }

    /// Latin-1 text is decoded, not refused.
    #[test]
    fn latin1_is_decoded() {
        let decoded =
            decode(b"Le pr\xe9sident est arriv\xe9 \xe0 Chi\xfein\xe3u hier soir.".to_vec())
                .expect("decodes");
        assert!(decoded.text.starts_with("Le président"), "{}", decoded.text);
        assert!(
            matches!(decoded.warnings[..], [ProblemKind::Decoded { .. }]),
            "warned"
        );
    }

    /// White space alone is an empty file.
    #[test]
    fn whitespace_only_is_empty() {
        assert_eq!(decode(b" \n\t\n".to_vec()).unwrap_err(), ProblemKind::Empty);
    }
}
