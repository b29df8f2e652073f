//! Finding candidate place names in a sentence: a longest-match walk of the name `fst`
//! from each capitalised word, plus the cues around each match that the resolver needs.

use super::normalize::fold_word_into;
use super::{Gazetteer, PlaceId, lexicon};
use crate::text::token::{Shape, Token};

/// Longest name, in words, the walk tries ("Bosnia and Herzegovina" is 3).
const MAX_WORDS: usize = 6;

/// Bit flags describing a candidate's surroundings.
pub mod cue {
    /// The match is the sentence's first word.
    pub const SENTENCE_START: u32 = 1;
    /// A locative preposition comes right before ("in Nice").
    pub const AFTER_LOCATIVE: u32 = 1 << 1;
    /// A person's title comes right before ("President Maia").
    pub const AFTER_TITLE: u32 = 1 << 2;
    /// A capitalised name-like word comes right before ("Frank Gardner").
    pub const AFTER_NAME: u32 = 1 << 3;
    /// A capitalised name-like word comes right after ("Vladimir Putin").
    pub const BEFORE_NAME: u32 = 1 << 4;
    /// The match sits inside an organisation's name ("Kyiv Post").
    pub const IN_ORGANISATION: u32 = 1 << 5;
    /// The words around mark a region ("Belgorod region", "governor of Belgorod").
    pub const REGION: u32 = 1 << 6;
    /// The words around mark a water body ("Dnieper River").
    pub const WATER: u32 = 1 << 7;
    /// The words around mark a settlement ("city of Belgorod").
    pub const SETTLEMENT: u32 = 1 << 8;
    /// A one-word match that is a common English word ("Summit").
    pub const COMMON_WORD: u32 = 1 << 9;
    /// A one-word match that is never a place (demonym, month, title, organisation noun).
    pub const NEVER_A_PLACE: u32 = 1 << 10;
    /// The match is written in capitals.
    pub const ALL_CAPS: u32 = 1 << 11;
}

/// What a candidate may refer to.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub enum Target {
    /// The places under this `fst` value (see [`Gazetteer::postings`]).
    Names(u64),
    /// A country named by a case-sensitive abbreviation ("UK").
    Country(PlaceId),
    /// No name matched; a capitalised word kept to test for a typo of a known place.
    Unknown,
}

/// A possible place mention, before resolution.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub struct Candidate {
    /// Byte offset of the mention.
    pub start: u32,
    /// Byte offset one past the mention (possessive excluded).
    pub end: u32,
    /// Index of the sentence the caller was working on.
    pub sentence: u32,
    /// What the mention may refer to.
    pub target: Target,
    /// `cue::*` flags.
    pub cues: u32,
    /// Number of words matched.
    pub words: u8,
}

/// Appends the place candidates among a sentence's `tokens` to `out`.
///
/// `scratch` is a reusable buffer for folding non-ASCII words.
pub fn find_candidates(
    gazetteer: &Gazetteer,
    text: &str,
    tokens: &[Token],
    sentence: u32,
    scratch: &mut String,
    out: &mut Vec<Candidate>,
) {
    let mut i = 0;
    while let Some(token) = tokens.get(i) {
        if token.shape != Shape::Word || !token.capitalized {
            i += 1;
            continue;
        }
        if let Some((country, end, last)) = abbreviation_at(gazetteer, text, tokens, i) {
            let cues = surrounding_cues(gazetteer, text, tokens, i, last, scratch);
            out.push(Candidate {
                start: token.start,
                end,
                sentence,
                target: Target::Country(country),
                cues,
                words: 1,
            });
            i = last + 1;
            continue;
        }
        let short_acronym = token.all_caps && token.stem_end - token.start <= 4;
        if short_acronym {
            i += 1;
            continue;
        }
        if let Some((last, value)) = walk(gazetteer, text, tokens, i, scratch) {
            let mut cues = surrounding_cues(gazetteer, text, tokens, i, last, scratch);
            if last == i {
                cues |= single_word_cues(gazetteer, token.stem(text), scratch);
            }
            let end = tokens.get(last).map_or(token.stem_end, |t| t.stem_end);
            out.push(Candidate {
                start: token.start,
                end,
                sentence,
                target: Target::Names(value),
                cues,
                words: (last - i + 1) as u8,
            });
            i = last + 1;
        } else {
            if i > 0 && token.stem_end - token.start >= 6 && !token.all_caps {
                out.push(Candidate {
                    start: token.start,
                    end: token.stem_end,
                    sentence,
                    target: Target::Unknown,
                    cues: 0,
                    words: 1,
                });
            }
            i += 1;
        }
    }
}

/// A country abbreviation starting at token `i`: (country, end offset, last token).
fn abbreviation_at(
    gazetteer: &Gazetteer,
    text: &str,
    tokens: &[Token],
    i: usize,
) -> Option<(PlaceId, u32, usize)> {
    let token = tokens.get(i)?;
    if !(token.all_caps || token.stem_end - token.start == 1) {
        return None;
    }
    let rest = text.get(token.start as usize..)?;
    let (abbrev, code) = lexicon::COUNTRY_ABBREVIATIONS.iter().find(|(abbrev, _)| {
        rest.starts_with(abbrev)
            && !rest
                .get(abbrev.len()..)
                .and_then(|r| r.chars().next())
                .is_some_and(char::is_alphanumeric)
    })?;
    let end = token.start + abbrev.len() as u32;
    let mut last = i;
    while tokens.get(last + 1).is_some_and(|t| t.start < end) {
        last += 1;
    }
    Some((gazetteer.country(*code)?, end, last))
}

/// The longest name starting at token `i`: (last token, `fst` value).
fn walk(
    gazetteer: &Gazetteer,
    text: &str,
    tokens: &[Token],
    i: usize,
    scratch: &mut String,
) -> Option<(usize, u64)> {
    let fst = gazetteer.names_fst();
    let mut node = fst.root();
    let mut output = fst::raw::Output::zero();
    let mut best = None;
    for k in i..(i + MAX_WORDS).min(tokens.len()) {
        let token = tokens.get(k)?;
        if token.shape != Shape::Word {
            break;
        }
        if k > i {
            let previous = tokens.get(k - 1)?;
            if previous.possessive()
                || !joinable(text, previous, token)
                || !step(fst, &mut node, &mut output, b' ')
            {
                break;
            }
        }
        let stem = token.stem(text);
        let fed = if token.ascii {
            stem.bytes()
                .filter(|b| !matches!(b, b'\'' | b'`'))
                .all(|b| step(fst, &mut node, &mut output, b.to_ascii_lowercase()))
        } else {
            scratch.clear();
            fold_word_into(stem, scratch);
            scratch
                .bytes()
                .all(|b| step(fst, &mut node, &mut output, b))
        };
        if !fed {
            break;
        }
        if node.is_final() {
            best = Some((k, output.cat(node.final_output()).value()));
        }
    }
    best
}

/// Follows the transition for `byte`, if any, accumulating the output.
fn step<'f>(
    fst: &'f fst::raw::Fst<&'static [u8]>,
    node: &mut fst::raw::Node<'f>,
    output: &mut fst::raw::Output,
    byte: u8,
) -> bool {
    let Some(index) = node.find_input(byte) else {
        return false;
    };
    let transition = node.transition(index);
    *output = output.cat(transition.out);
    *node = fst.node(transition.addr);
    true
}

/// Two words may belong to one name when only spaces, a hyphen or ". " separate them.
fn joinable(text: &str, a: &Token, b: &Token) -> bool {
    let gap = text.get(a.end as usize..b.start as usize).unwrap_or("\n");
    let mut dots = 0;
    (1..=3).contains(&gap.len())
        && gap.chars().all(|c| match c {
            ' ' | '\u{a0}' | '-' | '\u{2010}' | '\u{2011}' => true,
            '.' => {
                dots += 1;
                dots == 1
            }
            _ => false,
        })
}

/// True when only one space separates the two tokens.
fn adjacent(text: &str, a: &Token, b: &Token) -> bool {
    matches!(
        text.get(a.end as usize..b.start as usize),
        Some(" " | "\u{a0}")
    )
}

fn folded<'s>(text: &str, token: &Token, scratch: &'s mut String) -> &'s str {
    scratch.clear();
    fold_word_into(token.stem(text), scratch);
    scratch.as_str()
}

/// Cues that only make sense for a one-word match.
fn single_word_cues(gazetteer: &Gazetteer, word: &str, scratch: &mut String) -> u32 {
    scratch.clear();
    fold_word_into(word, scratch);
    let key = scratch.as_str();
    let mut cues = 0;
    if gazetteer.is_common_word(key) {
        cues |= cue::COMMON_WORD;
    }
    if lexicon::is_demonym(key)
        || lexicon::is_calendar_word(key)
        || lexicon::is_person_title(key)
        || lexicon::is_organisation_head(key)
    {
        cues |= cue::NEVER_A_PLACE;
    }
    cues
}

/// Looks at the words around a match spanning tokens `first..=last`.
fn surrounding_cues(
    gazetteer: &Gazetteer,
    text: &str,
    tokens: &[Token],
    first: usize,
    last: usize,
    scratch: &mut String,
) -> u32 {
    let mut cues = 0;
    let (Some(start), Some(end)) = (tokens.get(first), tokens.get(last)) else {
        return cues;
    };
    if first == 0 {
        cues |= cue::SENTENCE_START;
    }
    if tokens
        .get(first..=last)
        .is_some_and(|ts| ts.iter().all(|t| t.all_caps))
    {
        cues |= cue::ALL_CAPS;
    }
    let previous = first.checked_sub(1).and_then(|p| tokens.get(p));
    let before_previous = first.checked_sub(2).and_then(|p| tokens.get(p));
    if let Some(p) = previous {
        let key = folded(text, p, scratch).to_owned();
        let gap = text.get(p.end as usize..start.start as usize).unwrap_or("");
        let same_clause = gap.chars().all(char::is_whitespace);
        if same_clause && lexicon::is_locative_preposition(&key) {
            cues |= cue::AFTER_LOCATIVE;
        }
        let title_gap = matches!(gap, " " | ". " | "\u{a0}");
        if title_gap && p.capitalized && lexicon::is_person_title(&key) {
            cues |= cue::AFTER_TITLE;
        } else if adjacent(text, p, start) && p.shape == Shape::Word && name_like(p, &key) {
            cues |= cue::AFTER_NAME;
        }
        if key == "of"
            && same_clause
            && let Some(b) = before_previous
        {
            let before = folded(text, b, scratch);
            if lexicon::is_region_before_of(before) {
                cues |= cue::REGION;
            } else if lexicon::is_settlement_before_of(before) {
                cues |= cue::SETTLEMENT;
            } else if b.capitalized && lexicon::is_organisation_head(before) {
                cues |= cue::IN_ORGANISATION;
            }
        }
    }
    if let Some(n) = tokens.get(last + 1)
        && !end.possessive()
        && text
            .get(end.end as usize..n.start as usize)
            .is_some_and(|g| g.chars().all(char::is_whitespace))
    {
        let key = folded(text, n, scratch).to_owned();
        if lexicon::is_region_after(&key) {
            cues |= cue::REGION;
        } else if lexicon::is_water_after(&key) {
            cues |= cue::WATER;
        } else if matches!(key.as_str(), "city" | "town" | "village") {
            cues |= cue::SETTLEMENT;
        }
        if adjacent(text, end, n) && n.capitalized && n.shape == Shape::Word && !n.all_caps {
            if name_like(n, &key) && !gazetteer.is_common_word(&key) {
                cues |= cue::BEFORE_NAME;
            }
            if organisation_follows(text, tokens, last + 1, scratch) {
                cues |= cue::IN_ORGANISATION;
            }
        }
    }
    cues
}

/// True when a capitalised word reads as part of a person's or organisation's name rather
/// than a sentence opener, a title, an adjective or a geographic word. A sentence's first
/// word counts too unless it is a function word: "Frank Gardner" on a byline line is a name.
fn name_like(token: &Token, key: &str) -> bool {
    token.capitalized
        && !token.all_caps
        && !token.possessive()
        && !lexicon::is_function_word(key)
        && !lexicon::is_demonym(key)
        && !lexicon::is_person_title(key)
        && !lexicon::is_calendar_word(key)
        && !lexicon::is_region_after(key)
        && !lexicon::is_water_after(key)
        && !is_compass_word(key)
}

fn is_compass_word(key: &str) -> bool {
    matches!(
        key,
        "north"
            | "south"
            | "east"
            | "west"
            | "northern"
            | "southern"
            | "eastern"
            | "western"
            | "central"
            | "greater"
            | "upper"
            | "lower"
            | "new"
            | "old"
            | "occupied"
            | "liberated"
    )
}

/// True when an organisation noun ends the run of capitalised words from token `from`
/// ("Post" in "Kyiv Post", "Journal" in "Wall Street Journal").
fn organisation_follows(text: &str, tokens: &[Token], from: usize, scratch: &mut String) -> bool {
    for k in from..(from + 4).min(tokens.len()) {
        let Some(t) = tokens.get(k) else { return false };
        let key = folded(text, t, scratch);
        if t.capitalized && lexicon::is_organisation_head(key) {
            return true;
        }
        let connector = matches!(key, "of" | "for" | "the" | "and");
        if !(t.capitalized || connector) || t.possessive() {
            return false;
        }
        if let Some(n) = tokens.get(k + 1)
            && !adjacent(text, t, n)
        {
            return false;
        }
    }
    false
}
