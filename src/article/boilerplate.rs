//! Web-page boilerplate that is not the article: newsletter prompts, sign-up forms,
//! cookie and privacy notices, sharing buttons.
//!
//! A sentence holding one of these phrases (case-insensitive) yields no events and is
//! never a title. The phrases are the ones such blocks are made of on news sites, not
//! sentences of any particular page.

use crate::text::token::Token;
use crate::text::words::WordMap;
use aho_corasick::{AhoCorasick, AhoCorasickKind};
use std::sync::{LazyLock, OnceLock};

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

/// Words of which every phrase holds one (a test checks), with the plurals a phrase
/// may be part of ("newsletters"): a sentence with none of them holds no boilerplate.
const KEY_WORDS: &[&str] = &[
    "sign",
    "signing",
    "email",
    "emails",
    "emailed",
    "alerts",
    "inbox",
    "privacy",
    "cookie",
    "cookies",
    "subscribe",
    "subscriber",
    "newsletter",
    "newsletters",
    "account",
    "log",
    "download",
    "share",
    "click",
    "rights",
    "terms",
    "advertisement",
    "advertisements",
    "skip",
    "read",
];

/// True when one of the tokens is a key word of the phrases ("sign", "newsletter", …):
/// the sentence may hold boilerplate, which [`is_boilerplate`] then decides. Looking the
/// tokens up is much cheaper than running the phrase matcher over every sentence.
///
/// # Examples
/// ```
/// use dateline::article::boilerplate::may_hold_boilerplate;
/// use dateline::text::token::tokenize_into;
/// let tokens = |text: &str| {
///     let mut tokens = Vec::new();
///     tokenize_into(text, 0..text.len(), &mut tokens);
///     tokens
/// };
/// let s = "Sign up to our free breaking news emails";
/// assert!(may_hold_boilerplate(s, &tokens(s)));
/// let s = "Shelling hit Shebekino on Thursday.";
/// assert!(!may_hold_boilerplate(s, &tokens(s)));
/// ```
pub fn may_hold_boilerplate(text: &str, tokens: &[Token]) -> bool {
    static KEYS: LazyLock<WordMap<()>> =
        LazyLock::new(|| WordMap::new(KEY_WORDS.iter().map(|w| (*w, ()))));
    tokens.iter().any(|t| KEYS.get(text, t).is_some())
}

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

    /// The gate is only sound if every phrase holds a key word.
    #[test]
    fn every_phrase_holds_a_key_word() {
        for phrase in PHRASES {
            assert!(
                phrase.split(' ').any(|w| KEY_WORDS.contains(&w)),
                "{phrase:?} has no key word"
            );
            let mut tokens = Vec::new();
            crate::text::token::tokenize_into(phrase, 0..phrase.len(), &mut tokens);
            assert!(may_hold_boilerplate(phrase, &tokens), "{phrase:?}");
        }
    }
}
