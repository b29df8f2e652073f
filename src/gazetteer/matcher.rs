//! Finding candidate place names in a sentence: a longest-match walk of the name `fst`
//! from each capitalised word, plus the cues around each match that the resolver needs.

use super::lexicon::{self, Class};
use super::normalize::{fold_word_into, is_apostrophe, name_key};
use super::{Gazetteer, PlaceId};
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
    /// A personal name that is also a place, next to another name ("Sydney Kelly").
    pub const PERSON_NAME: u32 = 1 << 12;
    /// A one-word match shaped like an adjective ("Transnistrian").
    pub const ADJECTIVE_SHAPE: u32 = 1 << 13;
    /// The match sits inside a publication's name ("The Moscow Times").
    pub const IN_PUBLICATION: u32 = 1 << 14;
    /// A lower-case "the" comes right before ("crossed the Dnipro"): towns take no
    /// article, rivers do.
    pub const AFTER_THE: u32 = 1 << 15;
    /// A capitalised street word comes right after ("Salah al-Din Road"): the street is
    /// meant.
    pub const STREET: u32 = 1 << 16;
    /// A kind of ship comes right before ("the cruiser Moskva"): the ship is meant.
    pub const VESSEL: u32 = 1 << 17;
    /// "County" comes right after ("Fulton County"): a county is meant, and the
    /// gazetteer's regions are first-level ones, so only a region in the story's country
    /// may be it.
    pub const COUNTY: u32 = 1 << 18;
    /// A name of several words that are all common English words ("Big Bend", "Mount
    /// Pleasant"): a phrase that may be no name at all, so no evidence by itself.
    pub const COMMON_PHRASE: u32 = 1 << 19;
    /// The match is written with letters outside ASCII ("Los Ángeles"): a place whose
    /// own name has them is meant rather than a namesake spelt without (Los Angeles).
    pub const DIACRITICS: u32 = 1 << 20;
    /// "River", "Lake" or "Reservoir" comes right after, or "river" right before ("the
    /// St Lawrence River", "the Barrington Lake fire"): inland water is meant, and no
    /// town of its name stands for it.
    pub const RIVER: u32 = 1 << 21;
    /// A one-word match that is a common given name, right before another capitalised
    /// word ("Donald Trump", "Amanda Cardinal", "Oliver Slow"): a person, even where
    /// that word is also a common one, unless the place is one a reader knows.
    pub const GIVEN_NAME: u32 = 1 << 22;
    /// A storm's name ("Hurricane Otis", "Storm Daniel"): never a place, and the same
    /// name alone elsewhere in the story is the storm too ("Otis made landfall").
    pub const STORM: u32 = 1 << 23;
    /// After "the", the name ends its phrase, not joined by a conjunction to a noun
    /// further on: it is a noun phrase of its own ("where the Montone burst its banks",
    /// "along the Mura in Međimurje county"), which a town, taking no article, cannot be.
    pub const OWN_PHRASE: u32 = 1 << 24;
    /// A land feature's noun comes right after, capitalised or after "the" ("Eaton
    /// Canyon", "the Jacuí delta", "the Tempe valley"), or "Mount" right before ("Mount
    /// Pelion"): the feature is meant, which no town of its name stands for.
    pub const FEATURE: u32 = 1 << 25;
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
    let first_in_sentence = out.len();
    // The end of the last name of a kind list ("states such as …") and its kind.
    let mut list_kind: Option<(u32, u32)> = None;
    // Whether a word of six or eight letters, maybe "rivers" or "counties", follows a
    // capitalised one.
    let mut plural_follows = false;
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
        // "NATO", "IAEA": short capitals are acronyms, except a wire dateline's place
        // opening the sentence before a comma ("KYIV, June 5 (Reuters) -"; two places
        // share one: "WARSAW/KYIV, Aug 2").
        // An acronym may open a longer name, though ("JFK Airport").
        let found = walk(gazetteer, text, tokens, i, scratch);
        let short_acronym = token.all_caps
            && token.stem_end - token.start <= 4
            && !in_dateline(text, tokens, i)
            && found.is_none_or(|(last, _, _)| last == i);
        if short_acronym || compound_tail(text, tokens, i) {
            i += 1;
            continue;
        }
        // "Lagoa dos Patos", "Lula da Silva": neither word of a name joined by a particle
        // that the data lacks as a whole is a place of its own.
        let last = found.map_or(i, |(last, _, _)| last);
        plural_follows |= tokens
            .get(last + 1)
            .is_some_and(|n| matches!(n.end - n.start, 6 | 8) && !n.all_caps);
        if in_particle_compound(text, tokens, i, last) {
            i = last + 1;
            continue;
        }
        if let Some((last, value, end)) = found {
            let mut cues = surrounding_cues(gazetteer, text, tokens, i, last, scratch);
            cues |= if last == i {
                single_word_cues(gazetteer, text, tokens, i, scratch)
            } else {
                phrase_cues(gazetteer, text, tokens, i, last, scratch)
            };
            if !text
                .get(token.start as usize..end as usize)
                .is_none_or(str::is_ascii)
            {
                cues |= cue::DIACRITICS;
            }
            // "states such as Sokoto and Katsina": a plural kind noun before a list gives
            // its kind to every name of the list.
            let listed = listed_kind(text, tokens, i, list_kind);
            list_kind = listed.map(|kind| (end, kind));
            if let Some(kind) = listed
                && cues & (cue::REGION | cue::SETTLEMENT | cue::WATER) == 0
            {
                cues |= kind;
            }
            if cues & cue::REGION != 0
                && plural_region_follows(gazetteer, text, tokens, last, scratch)
            {
                share_cue(text, out, first_in_sentence, token.start, cue::REGION);
            }
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
                // Only the kind word after it matters for a typo ("the Transnistrian region").
                let cues = if tokens.get(i + 1).is_some_and(|n| {
                    info(gazetteer, text, n, scratch)
                        .classes
                        .has(Class::REGION_AFTER)
                }) {
                    cue::REGION
                } else {
                    0
                };
                out.push(Candidate {
                    start: token.start,
                    end: token.stem_end,
                    sentence,
                    target: Target::Unknown,
                    cues,
                    words: 1,
                });
            }
            i += 1;
        }
    }
    if plural_follows {
        share_plural_kinds(gazetteer, text, tokens, out, first_in_sentence, scratch);
    }
}

/// "Tama and Benton counties": a name marked a county is the county of that name where
/// the data has one ("Benton County"), read like the full name; the others stay marked
/// (see [`cue::COUNTY`]). ("Pasco County" itself is a name of the data.)
fn name_counties(
    gazetteer: &Gazetteer,
    text: &str,
    out: &mut [Candidate],
    first: usize,
    scratch: &mut String,
) {
    for candidate in out.get_mut(first..).unwrap_or(&mut []) {
        if candidate.cues & cue::COUNTY == 0 || matches!(candidate.target, Target::Country(_)) {
            continue;
        }
        let Some(name) = text.get(candidate.start as usize..candidate.end as usize) else {
            continue;
        };
        scratch.clear();
        scratch.push_str(&name_key(name));
        scratch.push_str(" county");
        if let Some(value) = gazetteer.names_fst().get(scratch.as_bytes()) {
            candidate.target = Target::Names(value.value());
            candidate.cues &= !cue::COUNTY;
            candidate.cues |= cue::REGION;
        }
    }
}

/// Cues of a name of several words, tokens `first..=last`: all common words ("Big
/// Bend"), or a climate pattern.
fn phrase_cues(
    gazetteer: &Gazetteer,
    text: &str,
    tokens: &[Token],
    first: usize,
    last: usize,
    scratch: &mut String,
) -> u32 {
    if tokens.get(first..=last).is_some_and(|words| {
        words
            .iter()
            .all(|t| info(gazetteer, text, t, scratch).common)
    }) {
        cue::COMMON_PHRASE
    } else if climate_pattern(text, tokens, first, last) {
        cue::NEVER_A_PLACE
    } else {
        0
    }
}

/// True for "El Niño" and "La Niña", the Pacific's warm and cold phases, which news
/// names beside the places they flood or dry (the data has a Mexican village El Niño).
fn climate_pattern(text: &str, tokens: &[Token], first: usize, last: usize) -> bool {
    let (Some(a), Some(b)) = (tokens.get(first), tokens.get(last)) else {
        return false;
    };
    last == first + 1
        && matches!(a.text(text), "El" | "La")
        && matches!(
            (a.text(text), name_key(b.text(text)).as_str()),
            ("El", "nino") | ("La", "nina")
        )
}

/// "down the Jacuí, Taquari, Caí and Sinos rivers": the plural makes every name of the
/// list a river, whether or not the data has its last name; "through Davidson and Sumner
/// counties" makes them counties (see [`cue::COUNTY`]).
fn share_plural_kinds(
    gazetteer: &Gazetteer,
    text: &str,
    tokens: &[Token],
    out: &mut [Candidate],
    first: usize,
    scratch: &mut String,
) {
    for pair in tokens.windows(2) {
        let [name, noun] = pair else { continue };
        let kind = match noun.text(text) {
            "rivers" | "Rivers" => cue::WATER | cue::RIVER,
            "counties" | "Counties" => cue::COUNTY,
            _ => continue,
        };
        if !name.capitalized || text.get(name.end as usize..noun.start as usize) != Some(" ") {
            continue;
        }
        let mut start = name.start;
        if let Some(last) = out
            .get_mut(first..)
            .and_then(|s| s.iter_mut().find(|c| c.end == name.stem_end))
        {
            last.cues |= kind;
            start = last.start;
        }
        share_cue(text, out, first, start, kind);
    }
    name_counties(gazetteer, text, out, first, scratch);
}

/// Plural kind nouns that, before "such as", "including", "like" or "of", give their kind
/// to the names listed after ("states such as Sokoto and Katsina", "cities including
/// Lviv", "the provinces of Ravenna and Bologna").
const KIND_LISTS: &[(&str, u32)] = &[
    ("capitals", cue::SETTLEMENT),
    ("cities", cue::SETTLEMENT),
    ("districts", cue::REGION),
    ("oblasts", cue::REGION),
    ("provinces", cue::REGION),
    ("regions", cue::REGION),
    ("states", cue::REGION),
    ("towns", cue::SETTLEMENT),
    ("villages", cue::SETTLEMENT),
];

/// The kind of the name at token `i` from a kind list it opens or continues: `previous`
/// is the end and kind of the list's last name so far.
fn listed_kind(
    text: &str,
    tokens: &[Token],
    i: usize,
    previous: Option<(u32, u32)>,
) -> Option<u32> {
    let start = tokens.get(i)?.start;
    kind_list_cue(text, tokens, i).or_else(|| {
        previous
            .filter(|&(after, _)| {
                matches!(
                    text.get(after as usize..start as usize),
                    Some(", " | " and " | ", and " | " or ")
                )
            })
            .map(|(_, kind)| kind)
    })
}

/// The kind a list opened by a plural kind noun gives the name at token `i`, if the name
/// opens such a list: "states such as Sokoto", "cities, including Lviv", "towns like Izium",
/// "the provinces of Ravenna", "two provinces, Hatay and Adana".
fn kind_list_cue(text: &str, tokens: &[Token], i: usize) -> Option<u32> {
    let word = |k: usize| tokens.get(k).map(|t| t.text(text));
    let link = i.checked_sub(1)?;
    // "the two worst-hit provinces, Kahramanmaraş and Hatay": a list in apposition.
    let (link_token, name) = (tokens.get(link)?, tokens.get(i)?);
    if text.get(link_token.end as usize..name.start as usize) == Some(", ")
        && text
            .get(name.end as usize..)
            .is_some_and(|rest| rest.starts_with(" and ") || rest.starts_with(", "))
        && let Some(&(_, cue)) = KIND_LISTS
            .iter()
            .find(|(kind, _)| link_token.text(text) == *kind)
    {
        return Some(cue);
    }
    let noun = match word(link)? {
        "as" if word(link.checked_sub(1)?)? == "such" => link.checked_sub(2)?,
        "including" | "like" | "of" => link.checked_sub(1)?,
        _ => return None,
    };
    let (noun_token, link_token) = (tokens.get(noun)?, tokens.get(noun + 1)?);
    let gap = text.get(noun_token.end as usize..link_token.start as usize)?;
    if !matches!(gap, " " | ", ") {
        return None;
    }
    KIND_LISTS
        .iter()
        .find(|(kind, _)| noun_token.text(text) == *kind)
        .map(|&(_, cue)| cue)
}

/// Navies' ship prefixes: a name right after one is the ship's ("the BRP Sierra Madre",
/// "USS Ohio", "HMS Belfast").
const SHIP_PREFIXES: &[&str] = &[
    "ARA", "BNS", "BRP", "FS", "HMAS", "HMCS", "HMNZS", "HMS", "INS", "ITS", "JS", "KRI", "PNS",
    "RFS", "ROKS", "TCG", "USNS", "USS",
];

/// The particles that join hyphenated place names ("-sur-", "-on-"); not "to" or "and"
/// ("a Warsaw-to-Kyiv train").
const NAME_PARTICLES: &[&str] = &[
    "am", "an", "au", "aux", "da", "de", "del", "der", "des", "di", "du", "en", "im", "la", "le",
    "les", "lès", "on", "sous", "sur", "upon",
];

/// True when token `i` ends a hyphenated name joined by a lower-case word ("Lebel-sur-
/// Quévillon"): a name the data lacks, whose tail is no place of its own (the names the
/// data has, "Rostov-on-Don", match whole before this is asked).
fn compound_tail(text: &str, tokens: &[Token], i: usize) -> bool {
    let (Some(head), Some(link), Some(tail)) = (
        i.checked_sub(2).and_then(|k| tokens.get(k)),
        i.checked_sub(1).and_then(|k| tokens.get(k)),
        tokens.get(i),
    ) else {
        return false;
    };
    head.capitalized
        && NAME_PARTICLES.contains(&link.text(text))
        && text.get(head.end as usize..link.start as usize) == Some("-")
        && text.get(link.end as usize..tail.start as usize) == Some("-")
}

/// True for a particle that joins the words of a name with spaces ("Lagoa dos Patos",
/// "Lula da Silva", "Ursula von der Leyen"): not "on", "am" or "la", which English text
/// puts before capitals too ("Kyiv on Tuesday").
fn spaced_particle(word: &str) -> bool {
    matches!(
        word,
        "da" | "das"
            | "de"
            | "del"
            | "della"
            | "der"
            | "des"
            | "di"
            | "do"
            | "dos"
            | "du"
            | "van"
            | "von"
    )
}

/// True when the name of tokens `first..=last` is the head or the tail of a name joined
/// by a particle (see [`spaced_compound_link`]).
fn in_particle_compound(text: &str, tokens: &[Token], first: usize, last: usize) -> bool {
    (first > 0 && spaced_compound_link(text, tokens, first - 1))
        || spaced_compound_link(text, tokens, last + 1)
}

/// True when token `k` joins two capitalised words into one name: a particle between
/// single spaces ("Lagoa dos Patos"), or an Arabic article hyphened to the second word
/// ("Abdel Fattah al-Sisi"). Names the data has whole ("Rio de Janeiro", "Deir
/// al-Balah") match before this is asked.
fn spaced_compound_link(text: &str, tokens: &[Token], k: usize) -> bool {
    let (Some(head), Some(link), Some(tail)) = (
        k.checked_sub(1).and_then(|h| tokens.get(h)),
        tokens.get(k),
        tokens.get(k + 1),
    ) else {
        return false;
    };
    // Asked around every capitalised word: the cheap tests first.
    if link.capitalized
        || link.end - link.start > 5
        || !tail.capitalized
        || !head.capitalized
        || head.end + 1 != link.start
    {
        return false;
    }
    let word = link.text(text);
    let gap = text.get(link.end as usize..tail.start as usize);
    head.shape == Shape::Word
        && tail.shape == Shape::Word
        && text.get(head.end as usize..link.start as usize) == Some(" ")
        && ((gap == Some(" ") && spaced_particle(word))
            || (gap == Some("-") && matches!(word, "al" | "el")))
}

/// True when a plural region word follows token `last` ("… Kherson regions").
fn plural_region_follows(
    gazetteer: &Gazetteer,
    text: &str,
    tokens: &[Token],
    last: usize,
    buf: &mut String,
) -> bool {
    tokens.get(last + 1).is_some_and(|n| {
        let stem = n.stem(text);
        stem.ends_with(['s', 'S'])
            && info(gazetteer, text, n, buf)
                .classes
                .has(Class::REGION_AFTER)
    })
}

/// In "the Donetsk, Luhansk and Kherson regions", the plural makes every name of the
/// list a region (`kind`): walks back over the candidates joined by ", " or " and ".
fn share_cue(
    text: &str,
    out: &mut [Candidate],
    first_in_sentence: usize,
    mut start: u32,
    kind: u32,
) {
    let Some(sentence) = out.get_mut(first_in_sentence..) else {
        return;
    };
    let from = start;
    for candidate in sentence.iter_mut().rev().skip_while(|c| c.start >= from) {
        let gap = text
            .get(candidate.end as usize..start as usize)
            .unwrap_or("");
        if !matches!(gap, ", " | " and " | ", and ") {
            break;
        }
        candidate.cues |= kind;
        start = candidate.start;
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

/// The longest name starting at token `i`: (last token, `fst` value, byte offset one past
/// the name). A possessive ends a name, unless the data spells the name with its "s"
/// ("St George's", "King's Lynn", "St. John's").
fn walk(
    gazetteer: &Gazetteer,
    text: &str,
    tokens: &[Token],
    i: usize,
    scratch: &mut String,
) -> Option<(usize, u64, u32)> {
    let first_token = tokens.get(i)?;
    let first = info(gazetteer, text, first_token, scratch);
    let mut best = first.value.map(|v| (i, v, first_token.stem_end));
    let Some((addr, out)) = first.state else {
        return best;
    };
    let fst = gazetteer.names_fst();
    let mut node = fst.node(addr);
    let mut output = fst::raw::Output::new(out);
    // Only names that go on past their first word ("Sea …", "Novaya …") walk further.
    if first_token.possessive() {
        if !step(fst, &mut node, &mut output, b's') {
            return best;
        }
    } else if !first.continues {
        return best;
    }
    // A name in "The" goes on with a capital ("The Hague"); "The city of Kherson…" and
    // "The valley…" open a sentence with an article, not "The City" or "The Valley".
    let article = first_token.stem(text).eq_ignore_ascii_case("the");
    for k in i + 1..(i + MAX_WORDS).min(tokens.len()) {
        let token = tokens.get(k)?;
        let previous = tokens.get(k - 1)?;
        if (article && k == i + 1 && !token.capitalized)
            || token.shape != Shape::Word
            || !joinable(text, previous, token)
            || !step(fst, &mut node, &mut output, b' ')
        {
            break;
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
        // A name ends on no lower-case function word: "California by" is no alternate
        // name of California City, though the data has it ("Rostov-on-Don" ends on "Don",
        // "Belgorod region" on a kind word).
        let ends = || token.capitalized || !FUNCTION_WORDS.contains(&stem);
        if node.is_final() && ends() {
            best = Some((k, output.cat(node.final_output()).value(), token.stem_end));
        }
        if token.possessive() {
            if !step(fst, &mut node, &mut output, b's') {
                break;
            }
            if node.is_final() && ends() {
                best = Some((k, output.cat(node.final_output()).value(), token.end));
            }
        }
    }
    best
}

/// Lower-case words no name ends on.
const FUNCTION_WORDS: &[&str] = &[
    "a", "an", "and", "as", "at", "by", "for", "from", "in", "is", "of", "on", "or", "the", "to",
    "was", "with",
];

/// What the matcher knows about one written word, cached per thread: news repeats its
/// words, and an `fst` walk or a dictionary lookup costs far more than a hash probe.
#[derive(Clone, Copy)]
struct WordInfo {
    /// The `fst` state after the folded word (node address, output), if some key starts so.
    state: Option<(usize, u64)>,
    /// The value when the word alone is a key.
    value: Option<u64>,
    /// True when some key goes on after the word with a space.
    continues: bool,
    /// A common English word.
    common: bool,
    /// Lexicon classes.
    classes: Class,
}

/// Words cached per thread before the cache is emptied (a few MB).
const WORD_CACHE_LIMIT: usize = 100_000;

/// What is known of words already met, per thread: ASCII words of up to
/// [`KEY_BYTES`](crate::text::token::KEY_BYTES) bytes (nearly all) by their lower-case key,
/// which needs neither a string compare nor an allocation; other words as written.
#[derive(Default)]
struct WordCache {
    by_key: rustc_hash::FxHashMap<u128, WordInfo>,
    by_word: rustc_hash::FxHashMap<Box<str>, WordInfo>,
}

thread_local! {
    static WORD_INFO: std::cell::RefCell<WordCache> = std::cell::RefCell::new(WordCache::default());
}

/// What is known of `token`'s stem (see [`WordInfo`]).
fn info(gazetteer: &Gazetteer, text: &str, token: &Token, scratch: &mut String) -> WordInfo {
    let key = token.lower_key(text);
    let stem = token.stem(text);
    WORD_INFO.with_borrow_mut(|cache| {
        let known = match key {
            Some(key) => cache.by_key.get(&key),
            None => cache.by_word.get(stem),
        };
        if let Some(info) = known {
            return *info;
        }
        if cache.by_key.len() + cache.by_word.len() >= WORD_CACHE_LIMIT {
            cache.by_key.clear();
            cache.by_word.clear();
        }
        let info = word_info(gazetteer, stem, scratch);
        match key {
            Some(key) => cache.by_key.insert(key, info),
            None => cache.by_word.insert(stem.into(), info),
        };
        info
    })
}

/// Looks `stem` up: its place in the names' index, and its lexicon classes.
fn word_info(gazetteer: &Gazetteer, stem: &str, scratch: &mut String) -> WordInfo {
    scratch.clear();
    fold_word_into(stem, scratch);
    let fst = gazetteer.names_fst();
    let mut node = fst.root();
    let mut output = fst::raw::Output::zero();
    let alive = !scratch.is_empty()
        && scratch
            .bytes()
            .all(|b| step(fst, &mut node, &mut output, b));
    WordInfo {
        state: alive.then(|| (node.addr(), output.value())),
        value: (alive && node.is_final()).then(|| output.cat(node.final_output()).value()),
        continues: alive && node.find_input(b' ').is_some(),
        common: gazetteer.is_common_word(scratch),
        classes: lexicon::classes(scratch),
    }
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

/// Two words may belong to one name when only spaces, a hyphen or ". " separate them,
/// after an apostrophe that ends the first word: a soft sign transliterated
/// ("Ust’-Kut", "Sol’-Iletsk"), which names are looked up without.
fn joinable(text: &str, a: &Token, b: &Token) -> bool {
    let gap = text.get(a.end as usize..b.start as usize).unwrap_or("\n");
    let gap = gap.strip_prefix(is_apostrophe).unwrap_or(gap);
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

/// True when token `i` is in the upper-case run that opens a sentence and ends in a
/// comma, a wire dateline ("KYIV,", "WARSAW/KYIV,", "NEW YORK/KYIV,").
fn in_dateline(text: &str, tokens: &[Token], i: usize) -> bool {
    for (k, t) in tokens.iter().enumerate() {
        if !t.all_caps {
            return false;
        }
        let gap = tokens
            .get(k + 1)
            .and_then(|n| text.get(t.end as usize..n.start as usize));
        if text.as_bytes().get(t.end as usize) == Some(&b',') {
            return k >= i;
        }
        if !matches!(gap, Some(" " | "/")) {
            return false;
        }
    }
    false
}

/// What the matcher needs to know of a neighbouring word.
struct Word {
    classes: Class,
    common: bool,
}

fn word_at(gazetteer: &Gazetteer, text: &str, token: &Token, buf: &mut String) -> Word {
    let info = info(gazetteer, text, token, buf);
    Word {
        classes: info.classes,
        common: info.common && token.capitalized,
    }
}

/// Cues that only make sense for a one-word match at token `i`.
fn single_word_cues(
    gazetteer: &Gazetteer,
    text: &str,
    tokens: &[Token],
    i: usize,
    buf: &mut String,
) -> u32 {
    let Some(token) = tokens.get(i) else { return 0 };
    let word = word_at(gazetteer, text, token, buf);
    let mut cues = 0;
    // "Réunion" written with its accent is the island, not a reunion.
    if word.common && token.stem(text).is_ascii() {
        cues |= cue::COMMON_WORD;
    }
    if word
        .classes
        .has(Class::DEMONYM | Class::CALENDAR | Class::PERSON_TITLE | Class::ORGANISATION_HEAD)
    {
        cues |= cue::NEVER_A_PLACE;
    }
    // The word itself, not `buf`: the word-info cache leaves that holding whatever word
    // was last folded.
    let stem = token.stem(text);
    if ["ian", "ean", "ese", "ish"].iter().any(|suffix| {
        stem.len() > suffix.len()
            && stem
                .get(stem.len() - suffix.len()..)
                .is_some_and(|end| end.eq_ignore_ascii_case(suffix))
    }) {
        cues |= cue::ADJECTIVE_SHAPE;
    }
    if word.classes.has(Class::PERSONAL_NAME) && beside_a_name(gazetteer, text, tokens, i, buf) {
        cues |= cue::PERSON_NAME;
    }
    // "Donald Trump", "Amanda Cardinal": a common given name before a surname.
    if word.classes.has(Class::GIVEN_NAME)
        && !token.possessive()
        && let Some(n) = tokens.get(i + 1)
        && adjacent(text, token, n)
        && n.shape == Shape::Word
        && surname_like(text, n, info(gazetteer, text, n, buf).classes)
    {
        cues |= cue::GIVEN_NAME;
    }
    // "François-Xavier Bieuville": a name hyphened to a given name before a surname.
    if let (Some(n), Some(s)) = (tokens.get(i + 1), tokens.get(i + 2))
        && text.get(token.end as usize..n.start as usize) == Some("-")
        && n.capitalized
        && info(gazetteer, text, n, buf).classes.has(Class::GIVEN_NAME)
        && adjacent(text, n, s)
        && s.shape == Shape::Word
        && surname_like(text, s, info(gazetteer, text, s, buf).classes)
    {
        cues |= cue::PERSON_NAME;
    }
    cues
}

/// True when a capitalised name-like word stands right before or after token `i`
/// (common words included: "George Wright", "Florence Freeman").
fn beside_a_name(
    gazetteer: &Gazetteer,
    text: &str,
    tokens: &[Token],
    i: usize,
    buf: &mut String,
) -> bool {
    let Some(token) = tokens.get(i) else {
        return false;
    };
    let next = tokens
        .get(i + 1)
        .filter(|n| !token.possessive() && adjacent(text, token, n));
    let previous = i
        .checked_sub(1)
        .and_then(|p| tokens.get(p))
        .filter(|p| !p.possessive() && adjacent(text, p, token));
    [next, previous].into_iter().flatten().any(|n| {
        let word = word_at(gazetteer, text, n, buf);
        n.shape == Shape::Word
            && name_like(n, word.classes)
            && !lexicon::classes(buf).has(Class::REGION_AFTER)
    })
}

/// Looks at the words around a match spanning tokens `first..=last`.
fn surrounding_cues(
    gazetteer: &Gazetteer,
    text: &str,
    tokens: &[Token],
    first: usize,
    last: usize,
    buf: &mut String,
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
    if last > first {
        // A name that ends in a kind word says its kind itself ("Red Sea", "Kyiv Oblast").
        let tail = info(gazetteer, text, end, buf).classes;
        if tail.has(Class::WATER_AFTER) {
            cues |= cue::WATER;
        } else if tail.has(Class::REGION_AFTER) {
            cues |= cue::REGION;
        }
    }
    let mut after_demonym = false;
    if let Some(p) = first.checked_sub(1).and_then(|i| tokens.get(i)) {
        let (before, classes) = previous_word_cues(gazetteer, text, tokens, first, p, start, buf);
        cues |= before;
        after_demonym = p.capitalized
            && text.get(p.end as usize..start.start as usize) == Some(" ")
            && classes.has(Class::DEMONYM);
    }
    // "the Dnipro" is the river only where the name ends its phrase ("crossed the Dnipro
    // near Kherson"), not before a noun ("the Dnipro mayor", "the Dnipro strike").
    let after_the = cues & cue::AFTER_THE != 0;
    if after_the && !ends_phrase(gazetteer, text, end, tokens.get(last + 1), buf) {
        cues &= !cue::AFTER_THE;
    }
    // "the Black River spilled": a name ending in "River", "Lake" or "Creek" after "the"
    // is the water, never a town that bears the name ("Black River", New York).
    if after_the && last > first && matches!(end.stem(text), "River" | "Lake" | "Creek") {
        cues |= cue::RIVER;
    }
    // "Reynolds, who toured Cedar Rapids": a sentence that opens with a name and ", who"
    // speaks of a person ("… of Baltimore, who was" may be of the person before).
    if first == 0
        && tokens.get(last + 1).is_some_and(|n| {
            n.stem(text) == "who" && text.get(end.end as usize..n.start as usize) == Some(", ")
        })
    {
        cues |= cue::PERSON_NAME;
    }
    // "where the Montone burst its banks", "along the Mura in Međimurje county": a name
    // that ends its phrase after "the" is a noun phrase of its own, unless a conjunction
    // joins it to a noun further on ("the Toretsk and Siversk directions").
    if cues & cue::AFTER_THE != 0
        && tokens.get(last + 1).is_none_or(|n| {
            text.get(end.end as usize..n.start as usize) != Some(" ")
                || !matches!(n.stem(text), "and" | "or" | "but")
        })
    {
        cues |= cue::OWN_PHRASE;
    }
    if let Some(n) = tokens.get(last + 1)
        && !end.possessive()
        && text
            .get(end.end as usize..n.start as usize)
            .is_some_and(|g| g.chars().all(char::is_whitespace))
    {
        cues |= next_word_cues(gazetteer, text, tokens, last, n, after_the, buf);
    }
    if cues & (cue::REGION | cue::SETTLEMENT | cue::WATER) == 0 && !end.possessive() {
        cues |= apposition_cues(gazetteer, text, tokens, last, buf);
    }
    // "American Bradley fighting vehicles", "German Leopard tanks": a name between a
    // demonym and a common noun names a product, as a person's name would.
    if after_demonym
        && cues & (cue::REGION | cue::SETTLEMENT | cue::WATER) == 0
        && tokens
            .get(last + 1)
            .is_some_and(|n| !n.capitalized && n.shape == Shape::Word && adjacent(text, end, n))
    {
        cues |= cue::AFTER_NAME;
    }
    cues
}

/// Cues from the word `n` right after a match ending at token `last`: a kind word
/// ("County", "River", "region", "Canyon"), a stream's ("Creek", "Branch"), an oil grade's
/// "crude", an Arabic surname's article, or a capitalised word.
fn next_word_cues(
    gazetteer: &Gazetteer,
    text: &str,
    tokens: &[Token],
    last: usize,
    n: &Token,
    after_the: bool,
    buf: &mut String,
) -> u32 {
    let mut cues = 0;
    let Some(end) = tokens.get(last) else {
        return cues;
    };
    let word = word_at(gazetteer, text, n, buf);
    let next = n.stem(text);
    if next == "County" {
        cues |= cue::COUNTY;
    } else if matches!(next, "Creek" | "Brook" | "Branch" | "Fork" | "Bayou") {
        // A stream's name ("Troublesome Creek", "the Stevens Branch"), where the data
        // lacks it whole: no town of its name stands for it.
        cues |= cue::WATER | cue::RIVER;
    } else if next == "crude" {
        // An oil grade named after a field or a port ("Brent crude", "Urals crude").
        cues |= cue::NEVER_A_PLACE;
    }
    if word.classes.has(Class::REGION_AFTER) {
        cues |= cue::REGION;
    } else if word.classes.has(Class::WATER_AFTER) {
        cues |= cue::WATER;
        // Capitalised, or a lower-case "river" that ends its phrase ("the Savio river
        // overflowed"): before a noun, it may name something else ("the Izmail river
        // port").
        if matches!(next, "River" | "Lake" | "Reservoir")
            || (next == "river"
                && (ends_phrase(gazetteer, text, n, tokens.get(last + 2), buf)
                    || tokens
                        .get(last + 2)
                        .is_some_and(|v| v.text(text).ends_with("ed"))))
        {
            cues |= cue::RIVER;
        }
    } else if word.classes.has(Class::FEATURE_AFTER) && (n.capitalized || after_the) {
        cues |= cue::FEATURE;
    } else if word.classes.has(Class::SETTLEMENT_AFTER) {
        cues |= cue::SETTLEMENT;
    } else if word.classes.has(Class::STREET_AFTER) && n.capitalized {
        // "Salah al-Din Road" is a street's name; "the Chonhar road" leads there.
        cues |= cue::STREET;
    }
    // "Salem al-Faitouri", "Ahmed el-Sayed": an Arabic surname's article follows a
    // given name, however big a place the given name also names.
    if adjacent(text, end, n)
        && matches!(n.text(text), "al" | "el")
        && tokens.get(last + 2).is_some_and(|surname| {
            surname.capitalized && text.get(n.end as usize..surname.start as usize) == Some("-")
        })
    {
        cues |= cue::PERSON_NAME;
    }
    if adjacent(text, end, n) && n.capitalized && n.shape == Shape::Word && !n.all_caps {
        cues |= capital_after_cues(gazetteer, text, tokens, last, &word, buf);
    }
    cues
}

/// Words an apposition may pass before its head noun ("the regional capital", "a
/// small frontline town").
const APPOSITION_REACH: usize = 4;

/// The kind an apposition after the match ending at token `last` gives it: "Zaporizhzhia,
/// the regional capital" and "Paradise, a town in Butte County" are settlements, "Kherson,
/// the southern region" a region. The head is the first kind noun among the next few
/// lower-case words; possessives are passed ("Kharkiv, the region's capital").
fn apposition_cues(
    gazetteer: &Gazetteer,
    text: &str,
    tokens: &[Token],
    last: usize,
    buf: &mut String,
) -> u32 {
    let (Some(end), Some(det)) = (tokens.get(last), tokens.get(last + 1)) else {
        return 0;
    };
    if text.get(end.end as usize..det.start as usize) != Some(", ")
        || !matches!(det.text(text), "the" | "a" | "an")
    {
        return 0;
    }
    // "In Kharkiv, a district heating plant was hit", "In Abilene, in West Texas, the
    // city shut down": an opening phrase, not an apposition.
    if opening_locative_phrase(gazetteer, text, tokens, last, buf) {
        return 0;
    }
    let mut previous = det;
    for t in tokens.iter().skip(last + 2).take(APPOSITION_REACH) {
        if t.capitalized || t.shape != Shape::Word || !adjacent(text, previous, t) {
            return 0;
        }
        previous = t;
        if t.possessive() {
            continue;
        }
        let classes = word_at(gazetteer, text, t, buf).classes;
        if t.stem(text) == "capital" || classes.has(Class::SETTLEMENT_AFTER) {
            return cue::SETTLEMENT;
        }
        // Kind nouns only: not "regional" ("the regional capital"), "governor", or
        // "district" and "republic", which qualify other nouns ("a district heating
        // plant", "a former Soviet republic" of a country).
        if matches!(
            t.stem(text),
            "region" | "province" | "oblast" | "governorate" | "krai"
        ) {
            return cue::REGION;
        }
        if classes.has(Class::WATER_AFTER) {
            return cue::WATER;
        }
    }
    0
}

/// True when the capitalised words ending at token `last` close a locative phrase that
/// opens the sentence ("In Kharkiv,"), or one that follows such a phrase and a comma
/// ("In Abilene, in West Texas,"): what follows its comma is the clause, not an
/// apposition.
fn opening_locative_phrase(
    gazetteer: &Gazetteer,
    text: &str,
    tokens: &[Token],
    last: usize,
    buf: &mut String,
) -> bool {
    let locative =
        |t: &Token, buf: &mut String| info(gazetteer, text, t, buf).classes.has(Class::LOCATIVE);
    let mut last = last;
    loop {
        let mut first = last;
        while let Some(k) = first.checked_sub(1)
            && let (Some(a), Some(b)) = (tokens.get(k), tokens.get(first))
            && a.capitalized
            && adjacent(text, a, b)
        {
            first = k;
        }
        // The run's first word is the locative itself where it opens the sentence.
        let Some(k) = first.checked_sub(1) else {
            return last > 0
                && tokens
                    .first()
                    .is_some_and(|t| t.capitalized && locative(t, buf));
        };
        let (Some(p), Some(f)) = (tokens.get(k), tokens.get(first)) else {
            return false;
        };
        if !adjacent(text, p, f) || p.capitalized || !locative(p, buf) {
            return false;
        }
        let Some(before) = k.checked_sub(1).and_then(|b| tokens.get(b)) else {
            return false;
        };
        if text.get(before.end as usize..p.start as usize) != Some(", ") || !before.capitalized {
            return false;
        }
        last = k - 1;
    }
}

/// Cues from the word before a match (`p`, at index `first - 1`), and that word's classes.
fn previous_word_cues(
    gazetteer: &Gazetteer,
    text: &str,
    tokens: &[Token],
    first: usize,
    p: &Token,
    start: &Token,
    buf: &mut String,
) -> (u32, Class) {
    let mut cues = 0;
    let word = word_at(gazetteer, text, p, buf);
    let is_of = p.stem(text).eq_ignore_ascii_case("of");
    let gap = text.get(p.end as usize..start.start as usize).unwrap_or("");
    let same_clause = gap.chars().all(char::is_whitespace);
    if same_clause && word.classes.has(Class::LOCATIVE) {
        cues |= cue::AFTER_LOCATIVE;
    }
    // "the Dnipro", and "the eastern Mediterranean".
    let the_before = |k: usize| {
        tokens.get(k).is_some_and(|t| {
            t.stem(text) == "the" && text.get(t.end as usize..p.start as usize) == Some(" ")
        })
    };
    // A sentence's opening "The" is an article too ("The Tana rises in the Aberdare
    // range"), where the name after it is not part of a longer one ("The Hague").
    if gap == " "
        && (p.stem(text) == "the"
            || (first == 1 && p.stem(text) == "The")
            || (!p.capitalized
                && word.classes.has(Class::COMPASS)
                && first.checked_sub(2).is_some_and(the_before)))
    {
        cues |= cue::AFTER_THE;
    }
    // "the river Dnipro", "the River Thames".
    if gap == " " && p.stem(text).eq_ignore_ascii_case("river") {
        cues |= cue::WATER | cue::RIVER;
    }
    // "Lake Champlain", where the data lacks the lake: no town of its name.
    if gap == " " && p.stem(text) == "Lake" {
        cues |= cue::WATER | cue::RIVER;
    }
    // "Mount Pelion", where the data lacks the mountain: no town of its name.
    if (gap == " " && p.stem(text) == "Mount")
        || (matches!(gap, " " | ". ") && p.stem(text) == "Mt")
    {
        cues |= cue::FEATURE;
    }
    // "upstate New York" is the state.
    if gap == " " && matches!(p.stem(text), "upstate" | "downstate") {
        cues |= cue::REGION;
    }
    // "Hurricane Otis", "Typhoon Haiyan", "Tropical Storm Alberto", "Storm Daniel": a
    // storm's name (not "to storm Rafah", nor "Rebels Storm Goma" in a headline).
    if gap == " " && p.capitalized && storm_word(text, tokens, first.saturating_sub(1)) {
        cues |= cue::NEVER_A_PLACE | cue::STORM;
    }
    if gap == " "
        && ((!p.capitalized && word.classes.has(Class::VESSEL_BEFORE))
            || (p.all_caps && SHIP_PREFIXES.contains(&p.text(text))))
    {
        cues |= cue::VESSEL;
    }
    let title_gap = matches!(gap, " " | ". " | "\u{a0}");
    if title_gap && p.capitalized && word.classes.has(Class::PERSON_TITLE) {
        cues |= cue::AFTER_TITLE;
    } else if adjacent(text, p, start) && p.shape == Shape::Word && name_like(p, word.classes) {
        cues |= cue::AFTER_NAME;
        // "said Juan Pablo Lagos": after a lower-case word and two names, a surname,
        // however big a city it is (not "Explosions Rock Kyiv" opening a headline, nor
        // "the New York Times Beijing bureau", where more capitals come before).
        if let Some(b) = first.checked_sub(2).and_then(|k| tokens.get(k))
            && let Some(before) = first.checked_sub(3).and_then(|k| tokens.get(k))
            && adjacent(text, b, p)
            && adjacent(text, before, b)
            && !before.capitalized
            && before.shape == Shape::Word
            && b.shape == Shape::Word
            && name_like(b, info(gazetteer, text, b, buf).classes)
        {
            cues |= cue::PERSON_NAME;
        }
    }
    if is_of
        && same_clause
        && let Some(b) = first.checked_sub(2).and_then(|i| tokens.get(i))
    {
        let before = info(gazetteer, text, b, buf).classes;
        if before.has(Class::REGION_BEFORE_OF) {
            cues |= cue::REGION;
        } else if before.has(Class::SETTLEMENT_BEFORE_OF) {
            cues |= cue::SETTLEMENT;
        } else if b.capitalized && before.has(Class::ORGANISATION_HEAD | Class::FEATURE_BEFORE_OF) {
            // "Church of Moscow", "Cape of Good Hope": the name is part of a longer one.
            cues |= cue::IN_ORGANISATION;
        }
    }
    (cues, word.classes)
}

/// True when token `k` is a capitalised "Hurricane", "Typhoon" or "Cyclone", or a
/// "Storm" that opens its sentence or follows "Tropical", "Winter" or "the".
fn storm_word(text: &str, tokens: &[Token], k: usize) -> bool {
    let Some(t) = tokens.get(k) else {
        return false;
    };
    match t.stem(text) {
        "Hurricane" | "Typhoon" | "Cyclone" => true,
        "Storm" => k
            .checked_sub(1)
            .and_then(|j| tokens.get(j))
            .is_none_or(|b| {
                matches!(b.stem(text), "Tropical" | "Winter" | "the" | "The")
                    && text.get(b.end as usize..t.start as usize) == Some(" ")
            }),
        _ => false,
    }
}

/// Lower-case words that may follow a name ending its noun phrase, besides locative
/// prepositions.
const PHRASE_FOLLOWERS: &[&str] = &[
    "and", "or", "but", "on", "with", "by", "over", "under", "between", "which", "that", "as",
    "where", "when", "while", "for", "after", "before", "since", "until", "again",
];

/// Lower-case verbs that may follow a name as its subject: auxiliaries ("the Dnipro is
/// rising", "banks of the Dnipro are under water") and pasts that rivers do ("the
/// Santerno broke its banks", "the Montone burst"), besides any past in "-ed".
const VERBS_AFTER: &[&str] = &[
    "is",
    "are",
    "was",
    "were",
    "has",
    "have",
    "had",
    "will",
    "would",
    "could",
    "can",
    "may",
    "might",
    "must",
    "should",
    "broke",
    "burst",
    "rose",
    "ran",
    "swelled",
    "froze",
    "rises",
    "flows",
    "runs",
    "swells",
    "crests",
    "overflows",
    "drains",
    "empties",
    "meanders",
];

/// True when the match ending at token `end` ends its noun phrase: the sentence ends, or
/// punctuation, a preposition or a conjunction follows.
fn ends_phrase(
    gazetteer: &Gazetteer,
    text: &str,
    end: &Token,
    next: Option<&Token>,
    buf: &mut String,
) -> bool {
    let Some(n) = next else {
        return true;
    };
    if end.possessive() {
        return false;
    }
    if !text
        .get(end.end as usize..n.start as usize)
        .is_some_and(|g| g.chars().all(char::is_whitespace))
    {
        return true;
    }
    if n.capitalized || n.shape != Shape::Word {
        return false;
    }
    let stem = n.stem(text);
    verb_after(text, n)
        || word_at(gazetteer, text, n, buf)
            .classes
            .has(Class::LOCATIVE)
        || PHRASE_FOLLOWERS
            .iter()
            .any(|w| stem.eq_ignore_ascii_case(w))
}

/// True when `n`, a lower-case word, is a verb whose subject may be the name before it
/// (see [`VERBS_AFTER`]; "the Savio flooded", "the Lamone overflowed"; not "speed" or
/// "hundred").
fn verb_after(text: &str, n: &Token) -> bool {
    let stem = n.stem(text);
    VERBS_AFTER.contains(&stem)
        || (stem.len() > 4
            && stem.ends_with("ed")
            && !stem.ends_with("eed")
            && stem != "hundred"
            && stem.bytes().all(|b| b.is_ascii_lowercase()))
}

/// True when a capitalised word reads as part of a person's or organisation's name rather
/// than a sentence opener, a title, an adjective or a geographic word. A sentence's first
/// word counts too unless it is a function word: "Frank Gardner" on a byline line is a name.
fn name_like(token: &Token, classes: Class) -> bool {
    name_like_word(token, classes) && !token.possessive()
}

/// The cues of a capitalised word right after a match ending at token `last` (`next` is
/// what is known of it): a person's surname, or an organisation's name.
fn capital_after_cues(
    gazetteer: &Gazetteer,
    text: &str,
    tokens: &[Token],
    last: usize,
    next: &Word,
    buf: &mut String,
) -> u32 {
    let mut cues = 0;
    let Some(n) = tokens.get(last + 1) else {
        return cues;
    };
    if name_like_word(n, next.classes) && !next.common {
        cues |= cue::BEFORE_NAME;
        // "said Shiraz Mallah, 38, a farmer": a name and a surname before an age.
        if age_follows(text, tokens, last + 1) {
            cues |= cue::PERSON_NAME;
        }
    }
    if let Some(head) = organisation_follows(gazetteer, text, tokens, last + 1, buf) {
        cues |= cue::IN_ORGANISATION;
        if head.has(Class::PUBLICATION_HEAD) {
            cues |= cue::IN_PUBLICATION;
        }
    }
    cues
}

/// True when token `k` is followed by an age between commas (", 38,"), as a person's
/// name is in news ("Shiraz Mallah, 38, a farmer").
fn age_follows(text: &str, tokens: &[Token], k: usize) -> bool {
    let (Some(name), Some(age)) = (tokens.get(k), tokens.get(k + 1)) else {
        return false;
    };
    age.shape == Shape::Digits
        && (1..=3).contains(&(age.end - age.start))
        && text.get(name.end as usize..age.start as usize) == Some(", ")
        && text
            .get(age.end as usize..)
            .is_some_and(|rest| rest.starts_with(','))
}

/// True for a capitalised word that may be a surname after a given name: a title that is
/// also a surname too ("Amanda Cardinal"), but not another title ("Erwin Mayor Glenn
/// White") nor a word that says what the name is ("Donald River", "Oliver Street").
fn surname_like(text: &str, token: &Token, classes: Class) -> bool {
    let not_surname = Class::ORGANISATION_HEAD
        | Class::SETTLEMENT_AFTER
        | Class::STREET_AFTER
        | Class::FEATURE_BEFORE_OF;
    // Titles that are surnames too; not "Mayor", "Sheriff" ("Erwin Mayor Glenn White").
    let title_surname = matches!(
        token.stem(text),
        "Bishop" | "Cardinal" | "Judge" | "King" | "Major" | "Prince"
    );
    let classes = if title_surname {
        classes & !Class::PERSON_TITLE
    } else {
        classes
    };
    name_like_word(token, classes) && !classes.has(not_surname)
}

/// [`name_like`] for a word after a match, where a possessive is fine ("Vladimir Putin's").
fn name_like_word(token: &Token, classes: Class) -> bool {
    let not_name = Class::FUNCTION_WORD
        | Class::DEMONYM
        | Class::PERSON_TITLE
        | Class::CALENDAR
        | Class::REGION_AFTER
        | Class::WATER_AFTER
        | Class::COMPASS;
    token.capitalized && !token.all_caps && !classes.has(not_name)
}

/// The classes of the organisation noun that ends the run of capitalised words from token
/// `from` ("Post" in "Kyiv Post", "Journal" in "Wall Street Journal"), if one does.
fn organisation_follows(
    gazetteer: &Gazetteer,
    text: &str,
    tokens: &[Token],
    from: usize,
    buf: &mut String,
) -> Option<Class> {
    for k in from..(from + 4).min(tokens.len()) {
        let t = tokens.get(k)?;
        let classes = info(gazetteer, text, t, buf).classes;
        if t.capitalized && classes.has(Class::ORGANISATION_HEAD) {
            return Some(classes);
        }
        if !(t.capitalized || classes.has(Class::CONNECTOR)) || t.possessive() {
            return None;
        }
        if let Some(n) = tokens.get(k + 1)
            && !adjacent(text, t, n)
        {
            return None;
        }
    }
    None
}
