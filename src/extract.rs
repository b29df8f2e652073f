//! Extraction: an [`Article`] → dated, geolocated [`Event`]s.
//!
//! For each item, its readable segments are split into sentences; boilerplate sentences
//! are skipped. Each sentence is tokenized once; the tokens feed both the date
//! recogniser and the place matcher. Place candidates are resolved against the
//! article's context (or the item's, for collections of unrelated articles). Each place
//! mention then takes the date of the temporal expression nearest to it in its sentence
//! (`date_source: text`), or the item's publication date (`published`). The places of
//! a wire dateline ("MANILA, Philippines (AP) —") take the publication date: they say
//! where the story was filed, not where the sentence after them happened.
//!
//! Everything is kept as byte spans into [`Article::text`]; strings are only made when
//! events are printed.

use crate::article::{Article, boilerplate};
use crate::gazetteer::{Candidate, Gazetteer, PlaceId, PlaceMention, find_candidates, find_places};
use crate::temporal::{
    DateSource, EventDate, Expr, TemporalMention, Tense, recognize, resolve, tense_for,
};
use crate::text::scan::{SentenceSpan, scan_into};
use crate::text::token::Token;
use std::ops::Range;

/// A place mention with the date of what happened there.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub struct Event {
    /// Index of the article in its corpus (0 for a lone extraction).
    pub article: u32,
    /// Index of the item in the article.
    pub item: u32,
    /// The place.
    pub place: PlaceId,
    /// Byte offset of the mention in the article text.
    pub start: u32,
    /// Byte offset one past the mention.
    pub end: u32,
    /// Byte offset of the sentence holding the mention.
    pub sentence_start: u32,
    /// Byte offset one past that sentence.
    pub sentence_end: u32,
    /// When it happened.
    pub date: EventDate,
    /// Where the date came from.
    pub date_source: DateSource,
}

/// A resolved temporal expression, for highlighting in the viewer.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub struct DateMention {
    /// Index of the article in its corpus.
    pub article: u32,
    /// Index of the item in the article.
    pub item: u32,
    /// Byte offset of the expression.
    pub start: u32,
    /// Byte offset one past it.
    pub end: u32,
    /// What it resolves to.
    pub date: EventDate,
}

/// The events and date expressions of one article.
#[derive(Clone, Debug, Default, PartialEq, Eq)]
pub struct Extraction {
    /// Events, in text order.
    pub events: Vec<Event>,
    /// Resolved date expressions, in text order.
    pub dates: Vec<DateMention>,
}

/// Reusable buffers, so extracting many articles allocates little.
#[derive(Default)]
pub struct Scratch {
    tokens: Vec<Token>,
    sentence_spans: Vec<SentenceSpan>,
    sentences: Vec<SentenceInfo>,
    temporals: Vec<TemporalMention>,
    candidates: Vec<Candidate>,
    mentions: Vec<PlaceMention>,
    fold: String,
}

struct SentenceInfo {
    item: u32,
    range: Range<usize>,
    temporals: Range<usize>,
    tense: Tense,
    /// The year last named in the item before this sentence ends ("that year").
    that_year: Option<i32>,
}

/// Extracts the events of `article` (see the module docs).
///
/// # Examples
/// ```
/// use dateline::article::parse;
/// use dateline::extract::extract;
/// use dateline::gazetteer::Gazetteer;
/// let g = Gazetteer::embedded();
/// let text = b" date 2023-06-04 Blasts near Kiev in the early hours of Sunday.\n\nThe Belgorod region was shelled on Saturday, June 3.";
/// let article = parse("a.txt".as_ref(), text.to_vec(), None).unwrap().article;
/// let events = extract(&article, g).events;
/// let found: Vec<(&str, String)> = events
///     .iter()
///     .map(|e| (g.place(e.place).unwrap().name, e.date.to_string()))
///     .collect();
/// assert_eq!(found, [("Kyiv", "2023-06-04".to_string()), ("Belgorod", "2023-06-03".to_string())]);
/// ```
pub fn extract(article: &Article, gazetteer: &Gazetteer) -> Extraction {
    extract_with(article, gazetteer, 0, &mut Scratch::default())
}

/// [`extract`] with the article's corpus index and reusable buffers.
pub fn extract_with(
    article: &Article,
    gazetteer: &Gazetteer,
    index: u32,
    scratch: &mut Scratch,
) -> Extraction {
    let Scratch {
        tokens,
        sentence_spans,
        sentences,
        temporals,
        candidates,
        mentions,
        fold,
    } = scratch;
    sentences.clear();
    temporals.clear();
    candidates.clear();
    mentions.clear();
    // Borrowed as read; a packed text is unpacked once.
    let text = article.text.to_str();
    let text: &str = &text;
    let mut context_start = 0;
    for (item_index, item) in article.items.iter().enumerate() {
        let mut that_year = None;
        for segment in &item.segments {
            tokens.clear();
            sentence_spans.clear();
            scan_into(text, segment.clone(), tokens, sentence_spans);
            for span in sentence_spans.iter() {
                let sentence_tokens = tokens.get(span.tokens.clone()).unwrap_or(&[]);
                let first_temporal = temporals.len();
                let first_candidate = candidates.len();
                let tense = recognize(text, sentence_tokens, temporals);
                let sentence_index = sentences.len() as u32;
                find_candidates(
                    gazetteer,
                    text,
                    sentence_tokens,
                    sentence_index,
                    fold,
                    candidates,
                );
                // Boilerplate only matters where it would yield something: check those.
                let yields = candidates.len() > first_candidate || temporals.len() > first_temporal;
                if yields
                    && boilerplate::may_hold_boilerplate(text, sentence_tokens)
                    && text
                        .get(span.bytes.clone())
                        .is_some_and(boilerplate::is_boilerplate)
                {
                    candidates.truncate(first_candidate);
                    temporals.truncate(first_temporal);
                    continue;
                }
                if let Some(year) = temporals
                    .get(first_temporal..)
                    .unwrap_or(&[])
                    .iter()
                    .rev()
                    .find_map(|t| explicit_year(t.expr))
                {
                    that_year = Some(year);
                }
                sentences.push(SentenceInfo {
                    item: item_index as u32,
                    range: span.bytes.clone(),
                    temporals: first_temporal..temporals.len(),
                    tense,
                    that_year,
                });
            }
        }
        if !article.shared_context {
            find_places(
                gazetteer,
                text,
                candidates.get(context_start..).unwrap_or(&[]),
                mentions,
            );
            context_start = candidates.len();
        }
    }
    if article.shared_context {
        find_places(gazetteer, text, candidates, mentions);
    }
    assemble(article, text, index, sentences, temporals, mentions)
}

fn explicit_year(expr: Expr) -> Option<i32> {
    match expr {
        Expr::Date { year, .. } | Expr::MonthYear { year, .. } | Expr::Year(year) => Some(year),
        _ => None,
    }
}

fn assemble(
    article: &Article,
    text: &str,
    index: u32,
    sentences: &[SentenceInfo],
    temporals: &[TemporalMention],
    mentions: &[PlaceMention],
) -> Extraction {
    let mut out = Extraction::default();
    let resolve_in = |sentence: &SentenceInfo, t: &TemporalMention| {
        let item = article.items.get(sentence.item as usize)?;
        let that_year = if matches!(
            t.expr,
            Expr::Month {
                year: crate::temporal::YearRef::That,
                ..
            } | Expr::DayMonth {
                year: crate::temporal::YearRef::That,
                ..
            }
        ) {
            // "that year" refers to a year named before this expression.
            sentence.that_year
        } else {
            None
        };
        resolve(
            t.expr,
            item.published.date_naive(),
            tense_for(t.expr, t.tense, sentence.tense, item.published.date_naive()),
            that_year,
        )
    };
    for sentence in sentences {
        for t in temporals.get(sentence.temporals.clone()).unwrap_or(&[]) {
            if let Some(date) = resolve_in(sentence, t) {
                out.dates.push(DateMention {
                    article: index,
                    item: sentence.item,
                    start: t.start as u32,
                    end: t.end as u32,
                    date,
                });
            }
        }
    }
    let (mut clauses, mut clauses_of) = (Vec::new(), None);
    for mention in mentions {
        let Some(sentence) = sentences.get(mention.sentence as usize) else {
            continue;
        };
        let Some(item) = article.items.get(sentence.item as usize) else {
            continue;
        };
        let sentence_temporals = temporals.get(sentence.temporals.clone()).unwrap_or(&[]);
        // A sentence's clauses are cut once, however many places it names.
        if !sentence_temporals.is_empty() && clauses_of != Some(mention.sentence) {
            let sentence_text = text.get(sentence.range.clone()).unwrap_or("");
            clauses.clear();
            cut_clauses(sentence_text, sentence.range.start, &mut clauses);
            clauses_of = Some(mention.sentence);
        }
        let governing = (!dateline_place(text, sentence.range.start, mention))
            .then(|| governing(text, &clauses, sentence_temporals, mention))
            .flatten()
            .and_then(|t| resolve_in(sentence, t));
        let (date, date_source) = match governing {
            Some(date) => (date, DateSource::Text),
            None => (
                EventDate::day(item.published.date_naive()),
                DateSource::Published,
            ),
        };
        out.events.push(Event {
            article: index,
            item: sentence.item,
            place: mention.place,
            start: mention.start,
            end: mention.end,
            sentence_start: sentence.range.start as u32,
            sentence_end: sentence.range.end as u32,
            date,
            date_source,
        });
    }
    out.events.sort_by_key(|e| (e.start, e.end));
    out.dates.sort_by_key(|d| d.start);
    out
}

/// True when the mention is a place of a wire dateline opening its sentence ("MANILA,
/// Philippines (AP) —", "MOSCOW/KYIV, May 23 (Reuters) -"): where the story was filed,
/// on its publication day, whatever the sentence after it dates ("… collided on
/// Sunday").
fn dateline_place(text: &str, sentence_start: usize, mention: &PlaceMention) -> bool {
    let (start, end) = (mention.start as usize, mention.end as usize);
    let capitals = |s: &str| {
        s.chars()
            .all(|c| c.is_uppercase() || matches!(c, ' ' | '/'))
    };
    let (Some(before), Some(name), Some(after)) = (
        text.get(sentence_start..start),
        text.get(start..end),
        text.get(end..),
    ) else {
        return false;
    };
    // "MANILA" or "KYIV" of "MOSCOW/KYIV", before a comma or a slash ...
    let city = capitals(before)
        && capitals(name)
        && name.chars().any(char::is_alphabetic)
        && (after.starts_with(',') || after.starts_with('/'));
    // ... and the country or region after the city's comma ("MANILA, Philippines (AP)").
    let area = before
        .strip_suffix(", ")
        .is_some_and(|city| !city.is_empty() && capitals(city))
        && (after.starts_with(" (") || after.starts_with(','));
    city || area
}

/// The temporal expression that governs a place mention in its sentence.
///
/// The sentence is cut into clauses at ", which", ", who", ", where", ", while", ", and",
/// ", but", ";" and dashes; the comma after a clause opened by ", which" or ", who" goes
/// back to the main clause. An expression in the mention's own clause governs it (the
/// nearest one, the one after it on a tie); otherwise the nearest expression of a main
/// clause does; otherwise one in the first stretch (up to a comma) of a ", which", ",
/// where" or ", who" clause right after the mention, or after a phrase locating it, does:
/// that clause says what happened there, or to the people there ("the assault on
/// Bakhmut, in eastern Ukraine, which Russia claimed to have captured in May"; "four
/// children in Knott County, who were swept away early on Thursday"). Expressions in another subordinate clause
/// (", which received candidate status in June of last year") never leak out of it, nor
/// do those of a participle's aside after its clause's verb ("crested on Thursday, above
/// the previous record, set in 1957, and at a record in Jackson").
/// After a sentence's opening place phrase ("In Moulay Brahim, a village …, which draws
/// pilgrims …, men dug graves on Saturday"), the relative clause ends at its first
/// comma: the main clause is still to come.
///
/// A possessive expression dates the noun it qualifies and what that noun governs
/// ("Monday's attack on the Crimean Bridge"), not a place before it with its own verb
/// between: in "which Moscow calls retaliation for Monday's attack", Moscow is not dated
/// Monday ("killed in Kharkiv in Monday's strike" still is). A date used as an adjective
/// after "the" is read so too: in "the evacuation of Yellowknife is the largest since the
/// 2016 wildfire", Yellowknife is not dated 2016.
fn governing<'t>(
    text: &str,
    clauses: &[Clause],
    temporals: &'t [TemporalMention],
    mention: &PlaceMention,
) -> Option<&'t TemporalMention> {
    let dates_a_noun_after = |t: &TemporalMention| {
        t.start >= mention.end as usize
            && text.get(t.end..).is_some_and(|rest| {
                rest.starts_with("'s ")
                    || rest.starts_with("\u{2019}s ")
                    || (text.get(..t.start).is_some_and(|b| b.ends_with("the "))
                        && rest
                            .strip_prefix(' ')
                            .and_then(|r| r.chars().next())
                            .is_some_and(char::is_lowercase))
            })
            && text
                .get(mention.end as usize..t.start)
                .is_some_and(|between| between.split(' ').any(verb_like))
    };
    let usable = || temporals.iter().filter(|t| !dates_a_noun_after(t));
    let clause_of = |at: usize| clauses.iter().rposition(|c| c.start <= at).unwrap_or(0);
    let own = clause_of(mention.start as usize);
    let in_own = |t: &&TemporalMention| clause_of(t.start) == own;
    let in_main = |t: &&TemporalMention| {
        !clauses
            .get(clause_of(t.start))
            .is_some_and(|c| c.subordinate)
    };
    if usable().any(|t| in_own(&t)) {
        return nearest(usable().filter(in_own), mention);
    }
    if usable().any(|t| in_main(&t)) {
        return nearest(usable().filter(in_main), mention);
    }
    // "the assault on Bakhmut, in eastern Ukraine, which Russia claimed to have captured
    // in May": a relative clause right after the place (or after a phrase locating it)
    // says what happened there, and when.
    let end = mention.end as usize;
    if let Some(relative) = clauses
        .iter()
        .position(|c| c.start >= end)
        .filter(|&k| clauses.get(k).is_some_and(|c| c.relative))
        && clauses.get(relative).is_some_and(|c| {
            text.get(end..c.start).is_some_and(|gap| {
                gap.is_empty()
                    || (gap.starts_with(", ")
                        && ["in", "near", "on", "a", "an", "the"]
                            .contains(&gap[2..].split(' ').next().unwrap_or(""))
                        && !gap[2..].contains(','))
            })
        })
        && let Some(t) = nearest(
            usable().filter(|t| {
                clause_of(t.start) == relative
                    && !text
                        .get(clauses.get(relative).map_or(0, |c| c.start + 1)..t.start)
                        .is_some_and(|before| before.contains(','))
            }),
            mention,
        )
    {
        return Some(t);
    }
    None
}

/// A clause of a sentence: where it starts and whether it is subordinate.
struct Clause {
    start: usize,
    subordinate: bool,
    /// Opened by ", which", ", where" or ", who": it may describe the place right before
    /// it, or the people there ("four children in Knott County, who were swept away
    /// early on Thursday").
    relative: bool,
}

const SUBORDINATORS: &[&str] = &[
    "although", "though", "whereas", "which", "while", "who", "whom", "whose", "where",
];
const COORDINATORS: &[&str] = &["and", "but", "yet"];

/// Cuts `sentence` (starting at byte `offset` of the text) into `out` (see [`governing`]).
fn cut_clauses(sentence: &str, offset: usize, out: &mut Vec<Clause>) {
    out.push(Clause {
        start: offset,
        subordinate: false,
        relative: false,
    });
    let bytes = sentence.as_bytes();
    // The sentence opens with a place phrase and no verb before its first relative
    // clause ("In the Sagaing region, where …, fighting continued").
    let opening_phrase = sentence
        .split(' ')
        .next()
        .is_some_and(|w| matches!(w, "In" | "At" | "Near" | "Outside" | "Across" | "Around"))
        && sentence
            .find([',', ';'])
            .and_then(|k| sentence.get(..k))
            .is_some_and(|head| !head.split(' ').any(verb_like))
        && [", which ", ", where "]
            .iter()
            .filter_map(|w| sentence.find(w))
            .min()
            .and_then(|k| sentence.get(..k))
            .is_some_and(|head| !head.split(' ').any(verb_like));
    for (i, _) in sentence.match_indices([',', ';', '\u{2013}', '\u{2014}', '-']) {
        let Some(&b) = bytes.get(i) else { continue };
        let rest = sentence.get(i..).unwrap_or("");
        let after = rest.char_indices().nth(1).map_or(rest.len(), |(k, _)| k);
        let tail = rest.get(after..).unwrap_or("");
        let (boundary, subordinate, relative) = match b {
            b';' => (true, false, false),
            b',' => {
                let raw = tail
                    .trim_start()
                    .split(|c: char| !c.is_alphabetic())
                    .next()
                    .unwrap_or("");
                let is = |w: &&str| w.eq_ignore_ascii_case(raw);
                if SUBORDINATORS.iter().any(is) {
                    (true, true, matches!(raw, "which" | "where" | "who"))
                } else if participial_aside(raw, tail)
                    && out.last().is_some_and(|c| {
                        !c.subordinate
                            && sentence
                                .get(c.start.saturating_sub(offset)..i)
                                .is_some_and(|head| head.split(' ').any(finite_verb))
                    })
                {
                    // "crested at 20.9ft on Thursday, above the previous record, set in
                    // 1957, and at a record 43.5ft in Jackson": after its clause's verb, a
                    // participle's aside dates only what is in it ("streets in Manama,
                    // the capital, flooded on Tuesday" is the verb itself).
                    (true, true, false)
                } else {
                    // A comma and a verb close a relative clause: "Zelensky, who was in
                    // Kyiv on Tuesday, will travel to Vilnius in July" goes on in the main
                    // one ("…, which reopened its airspace, two years after …" does not).
                    // So does a comma after a relative clause that follows a sentence's
                    // opening place ("In Moulay Brahim, a village known for its shrine,
                    // which draws pilgrims, men dug graves on Saturday"): the main clause
                    // is still to come.
                    let closes = out.last().is_some_and(|c| c.subordinate)
                        && (verb_like(raw) || (opening_phrase && out.len() == 2));
                    (closes || COORDINATORS.iter().any(is), false, false)
                }
            }
            // A dash between spaces (" - ", " – ") separates clauses; a hyphen in a word does not.
            _ => (
                tail.starts_with(' ') && i > 0 && bytes.get(i - 1) == Some(&b' '),
                false,
                false,
            ),
        };
        if boundary {
            out.push(Clause {
                start: offset + i,
                subordinate,
                relative,
            });
        }
    }
}

/// True when the words after a comma (`raw` the first, `tail` from it on) open an aside
/// built on a past participle and a preposition (", set in 1957,", ", built on …").
fn participial_aside(raw: &str, tail: &str) -> bool {
    let participle = matches!(
        raw,
        "set" | "built" | "held" | "made" | "won" | "begun" | "hit" | "struck" | "shot" | "taken"
    ) || ed_form(raw);
    participle
        && tail
            .trim_start()
            .get(raw.len()..)
            .and_then(|rest| rest.strip_prefix(' '))
            .is_some_and(|rest| {
                matches!(
                    rest.split(' ').next(),
                    Some("in" | "on" | "at" | "during" | "since")
                )
            })
}

/// True for an auxiliary or a lower-case word in "-ed": a verb (not a plural noun, which
/// [`verb_like`] also takes for a verb in "-s").
fn finite_verb(word: &str) -> bool {
    MAIN_VERBS.contains(&word) || ed_form(word)
}

/// True for a lower-case word of five letters or more in "-ed" ("crested", "flooded").
fn ed_form(word: &str) -> bool {
    word.len() > 4 && word.ends_with("ed") && word.bytes().all(|b| b.is_ascii_lowercase())
}

/// Auxiliaries and reporting verbs that start a main clause's predicate.
const MAIN_VERBS: &[&str] = &[
    "are", "can", "cannot", "could", "did", "does", "had", "has", "have", "is", "may", "might",
    "must", "said", "says", "shall", "should", "told", "was", "were", "will", "would",
];

/// True for a lower-case word that reads as a verb: an auxiliary, or a form in "-ed" or
/// "-s" ("remains", "lies", "officials said" also qualifies: the main clause again).
fn verb_like(word: &str) -> bool {
    MAIN_VERBS.contains(&word)
        || (word.len() >= 4
            && word.bytes().all(|b| b.is_ascii_lowercase())
            && (word.ends_with("ed") || (word.ends_with('s') && !word.ends_with("ss"))))
}

/// The expression closest to the mention; on a tie, the one after it.
fn nearest<'t>(
    temporals: impl Iterator<Item = &'t TemporalMention>,
    mention: &PlaceMention,
) -> Option<&'t TemporalMention> {
    let (m_start, m_end) = (mention.start as usize, mention.end as usize);
    temporals.min_by_key(|t| {
        if t.start >= m_end {
            (t.start - m_end, 0)
        } else if t.end <= m_start {
            (m_start - t.end, 1)
        } else {
            (0, 0)
        }
    })
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::article::parse;

    /// (place name, date) of each event of a one-sentence article published on `p`.
    fn dated(p: &str, sentence: &str) -> Vec<(String, String)> {
        let g = Gazetteer::embedded();
        let bytes = format!(" date {p} {sentence}").into_bytes();
        let Ok(parsed) = parse("t.txt".as_ref(), bytes, None) else {
            return Vec::new();
        };
        extract(&parsed.article, g)
            .events
            .iter()
            .filter_map(|e| Some((g.place(e.place)?.name.to_string(), e.date.to_string())))
            .collect()
    }

    /// A relative clause right after a place says what happened there, and when; after a
    /// sentence's opening place phrase, the main clause follows it.
    #[test]
    fn a_relative_clause_after_a_place_dates_it() {
        let found = dated(
            "2023-06-25",
            "Wagner led the assault on Bakhmut, in eastern Ukraine, which Russia claimed to have captured in May.",
        );
        assert!(
            found.contains(&("Bakhmut".to_string(), "2023-05".to_string())),
            "{found:?}"
        );
        // So does one on the people there.
        let found = dated(
            "2022-07-31",
            "Among the dead were four children from one family in Knott County, who were torn from their parents' arms early on Thursday.",
        );
        assert!(
            found.contains(&("Knott County".to_string(), "2022-07-28".to_string())),
            "{found:?}"
        );
        // A date of the main clause comes first.
        let found = dated(
            "2023-06-20",
            "Bakhmut, which Russia captured in May, was shelled again on Tuesday, Ukraine said.",
        );
        assert!(
            found.contains(&("Bakhmut".to_string(), "2023-06-20".to_string())),
            "{found:?}"
        );
        let found = dated(
            "2023-09-11",
            "In Moulay Brahim, a village in Morocco, which draws pilgrims from across the country, men dug graves on Saturday.",
        );
        assert!(
            found.contains(&("Moulay Brahim".to_string(), "2023-09-09".to_string())),
            "{found:?}"
        );
    }

    /// A wire dateline's places are where the story was filed, on its publication day.
    #[test]
    fn a_dateline_place_takes_the_publication_day() {
        let found = dated(
            "2023-10-23",
            "MANILA, Philippines (AP) — Ships collided near Palawan on Sunday.",
        );
        assert_eq!(
            found,
            [
                ("Manila".to_string(), "2023-10-23".to_string()),
                ("Philippines".to_string(), "2023-10-23".to_string()),
                ("Palawan".to_string(), "2023-10-22".to_string())
            ]
        );
    }

    /// A relative clause's dates stay in it, and a comma and a verb end it.
    #[test]
    fn a_relative_clause_ends_at_a_comma_and_a_verb() {
        let found = dated(
            "2023-06-20",
            "Zelensky, who was in Kyiv on 13 June, will travel to Vilnius on 11 July.",
        );
        assert_eq!(
            found,
            [
                ("Kyiv".to_string(), "2023-06-13".to_string()),
                ("Vilnius".to_string(), "2023-07-11".to_string())
            ],
            "each place takes the date of its own clause"
        );
        // Without a verb after the comma, the relative clause goes on.
        let found = dated(
            "2023-09-10",
            "The quake was felt in Algeria, which reopened its airspace, two years after it closed it in 2021.",
        );
        assert_eq!(
            found,
            [("Algeria".to_string(), "2023-09-10".to_string())],
            "the clause's year does not date the place before it"
        );
    }

    /// A participle's aside after its clause's verb keeps its date; a verb after an
    /// apposition is no aside.
    #[test]
    fn a_participial_aside_dates_only_itself() {
        let found = dated(
            "2022-07-29",
            "The river crested in Kentucky on Thursday, above the previous record, set in 1957, and at a record 43.5ft in Jackson, the weather service said.",
        );
        assert_eq!(
            found,
            [
                ("Kentucky".to_string(), "2022-07-28".to_string()),
                ("Jackson".to_string(), "2022-07-28".to_string())
            ],
            "the aside's year dates neither place"
        );
        let found = dated(
            "2024-04-17",
            "In Bahrain, streets in Manama, the capital, flooded on Tuesday.",
        );
        assert!(
            found.contains(&("Manama".to_string(), "2024-04-16".to_string())),
            "{found:?}"
        );
    }

    /// A possessive expression dates what follows it, not a place before it.
    #[test]
    fn a_possessive_date_dates_the_noun_after_it() {
        let found = dated(
            "2023-07-18",
            "Missiles hit Odesa, which Moscow calls retaliation for Monday's attack on Kerch.",
        );
        assert_eq!(
            found,
            [
                ("Odesa".to_string(), "2023-07-18".to_string()),
                ("Moscow".to_string(), "2023-07-18".to_string()),
                ("Kerch".to_string(), "2023-07-17".to_string())
            ],
            "Monday's dates the attack on Kerch, not Moscow's calling it so"
        );
        let found = dated(
            "2023-07-18",
            "Five people were killed in Kharkiv in Monday's missile strike.",
        );
        assert_eq!(
            found,
            [("Kharkiv".to_string(), "2023-07-17".to_string())],
            "with no verb between, the place is where Monday's strike happened"
        );
    }

    /// A date used as an adjective after "the" dates its noun, like a possessive.
    #[test]
    fn an_attributive_date_dates_the_noun_after_it() {
        let found = dated(
            "2023-08-17",
            "The Yellowknife evacuation is the largest since the 2016 wildfire that forced \
             88,000 people out of Fort McMurray.",
        );
        assert_eq!(
            found,
            [
                ("Yellowknife".to_string(), "2023-08-17".to_string()),
                ("Fort McMurray".to_string(), "2016".to_string())
            ]
        );
        let found = dated("2023-08-17", "Shelling hit Kherson in the 2022 offensive.");
        assert_eq!(found, [("Kherson".to_string(), "2022".to_string())]);
    }
}
