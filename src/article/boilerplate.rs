//! Web-page boilerplate that is not the article: newsletter prompts, sign-up forms,
//! cookie and privacy notices, sharing buttons.
//!
//! A sentence holding one of these phrases (case-insensitive) yields no events and is
//! never a title. The phrases are the ones such blocks are made of on news sites, not
//! sentences of any particular page.

use aho_corasick::{AhoCorasick, AhoCorasickKind};
use std::sync::OnceLock;

const PHRASES: &[&str] = &[
    "sign up to our",
    "sign up for our",
    "signing up to",
    "signing up for",
    "sign up now",
    "breaking news emails",
    "breaking news alerts",
    "sent straight to your inbox",
    "please enter a valid email",
    "enter your email",
    "your email address",
    "would like to be emailed",
    "emailed about offers",
    "read our privacy notice",
    "privacy policy",
    "cookie policy",
    "we use cookies",
    "accept cookies",
    "manage cookies",
    "subscribe to our",
    "subscribe now",
    "newsletter",
    "already a subscriber",
    "already have an account",
    "log in to continue",
    "create a free account",
    "download our app",
    "download the app",
    "share this article",
    "share on facebook",
    "share on twitter",
    "click here to",
    "all rights reserved",
    "terms of service",
    "terms of use",
    "advertisement",
    "skip to content",
    "skip to main content",
    "you can read more about",
];

/// The phrase matcher; `None` only if the constant phrases could not be compiled, which
/// `phrases_compile` rules out.
fn matcher() -> Option<&'static AhoCorasick> {
    static MATCHER: OnceLock<Option<AhoCorasick>> = OnceLock::new();
    MATCHER
        .get_or_init(|| {
            // A DFA: case folding leaves the literal prefilter little to work with, and
            // this runs on every sentence that yields a place or a date.
            AhoCorasick::builder()
                .ascii_case_insensitive(true)
                .kind(Some(AhoCorasickKind::DFA))
                .build(PHRASES)
                .ok()
        })
        .as_ref()
}

/// True when `sentence` holds boilerplate.
///
/// # Examples
/// ```
/// use dateline::article::boilerplate::is_boilerplate;
/// assert!(is_boilerplate("Sign up to our free breaking news emails"));
/// assert!(!is_boilerplate("Shelling hit Shebekino on Thursday."));
/// ```
pub fn is_boilerplate(sentence: &str) -> bool {
    matcher().is_some_and(|m| m.is_match(sentence))
}

#[cfg(test)]
mod tests {
    use super::*;

    /// The matcher is built from constants; a failure would silently disable the filter.
    #[test]
    fn phrases_compile() {
        assert!(matcher().is_some(), "boilerplate phrases compile");
    }
}
