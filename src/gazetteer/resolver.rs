//! Deciding which place each candidate means, or that it is no place at all (rules in
//! the module docs of [`super`]).

use super::matcher::{Candidate, Target, cue};
use super::normalize::name_key;
use super::{Gazetteer, NameMatch, Place, PlaceId, PlaceKind};

/// A resolved place mention.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub struct PlaceMention {
    /// Byte offset of the mention.
    pub start: u32,
    /// Byte offset one past the mention.
    pub end: u32,
    /// The sentence index the candidate carried.
    pub sentence: u32,
    /// The place meant.
    pub place: PlaceId,
}

/// Context points kept per article: enough for any real article, bounded for huge ones.
const MAX_CONTEXT_POINTS: usize = 256;

/// Countries and places an article names, against which ambiguous names are read.
#[derive(Default)]
struct Context {
    countries: Vec<[u8; 2]>,
    points: Vec<(f64, f64)>,
}

impl Context {
    fn add_country(&mut self, code: [u8; 2]) {
        if code != *b"\0\0" && !self.countries.contains(&code) {
            self.countries.push(code);
        }
    }

    fn has_country(&self, code: [u8; 2]) -> bool {
        self.countries.contains(&code)
    }

    fn nearest_km(&self, place: &Place) -> f64 {
        self.points
            .iter()
            .map(|&(lat, lon)| haversine_km(lat, lon, place.lat, place.lon))
            .fold(f64::INFINITY, f64::min)
    }
}

/// Resolves the candidates of one context (an article, or one item of a collection) and
/// appends the accepted mentions to `out`, in candidate order.
///
/// # Examples
/// ```
/// use dateline::gazetteer::{find_candidates, find_places, Gazetteer};
/// use dateline::text::token::tokenize_into;
/// let g = Gazetteer::embedded();
/// let text = "Vladimir Putin spoke as shells hit Shebekino, near Belgorod, in Russia.";
/// let mut tokens = Vec::new();
/// tokenize_into(text, 0..text.len(), &mut tokens);
/// let mut candidates = Vec::new();
/// find_candidates(g, text, &tokens, 0, &mut String::new(), &mut candidates);
/// let mut mentions = Vec::new();
/// find_places(g, text, &candidates, &mut mentions);
/// let names: Vec<&str> = mentions.iter().map(|m| g.place(m.place).unwrap().name).collect();
/// assert_eq!(names, ["Shebekino", "Belgorod", "Russia"]); // no "Vladimir" the city
/// ```
pub fn find_places(
    gazetteer: &Gazetteer,
    text: &str,
    candidates: &[Candidate],
    out: &mut Vec<PlaceMention>,
) {
    let options: Vec<Vec<(Place, NameMatch)>> = candidates
        .iter()
        .map(|c| admissible_options(gazetteer, c))
        .collect();

    // Pass 1: the context, from countries and from important places that win on their own.
    let mut context = Context::default();
    for (candidate, opts) in candidates.iter().zip(&options) {
        let Some((best, _)) = best_option(candidate, opts, None) else {
            continue;
        };
        if best.kind == PlaceKind::Country {
            context.add_country(best.country_code);
        } else if best.is_important() && context.points.len() < MAX_CONTEXT_POINTS {
            context.add_country(best.country_code);
            context.points.push((best.lat, best.lon));
        }
    }

    // Pass 2: every candidate against the context.
    let first_new = out.len();
    for (candidate, opts) in candidates.iter().zip(&options) {
        let Some((best, _)) = best_option(candidate, opts, Some(&context)) else {
            continue;
        };
        let known = best.is_important()
            || context.has_country(best.country_code)
            || context.nearest_km(&best) <= 500.0;
        if known {
            out.push(PlaceMention {
                start: candidate.start,
                end: candidate.end,
                sentence: candidate.sentence,
                place: best.id,
            });
        }
    }

    // Pass 3: typos of places the article names elsewhere ("Vilinius").
    let named: Vec<(String, PlaceId)> = out
        .get(first_new..)
        .unwrap_or(&[])
        .iter()
        .filter_map(|m| gazetteer.place(m.place))
        .filter(|p| p.kind != PlaceKind::Country)
        .map(|p| (name_key(p.name), p.id))
        .collect();
    if named.is_empty() {
        return;
    }
    for candidate in candidates.iter().filter(|c| c.target == Target::Unknown) {
        let word = name_key(
            text.get(candidate.start as usize..candidate.end as usize)
                .unwrap_or(""),
        );
        let Some(place) = typo_of(gazetteer, &word, &named) else {
            continue;
        };
        out.push(PlaceMention {
            start: candidate.start,
            end: candidate.end,
            sentence: candidate.sentence,
            place,
        });
    }
    if let Some(slice) = out.get_mut(first_new..) {
        slice.sort_by_key(|m| m.start);
    }
}

/// The options of a candidate that pass the lexical rules.
fn admissible_options(gazetteer: &Gazetteer, candidate: &Candidate) -> Vec<(Place, NameMatch)> {
    match candidate.target {
        Target::Country(id) => gazetteer
            .place(id)
            .map(|p| vec![(p, NameMatch::Alias)])
            .unwrap_or_default(),
        Target::Unknown => Vec::new(),
        Target::Names(value) => Gazetteer::postings(value)
            .filter_map(|(id, how)| Some((gazetteer.place(id)?, how)))
            .filter(|(place, how)| admissible(candidate, place, *how))
            .collect(),
    }
}

/// A place a reader knows without any context.
fn strong(place: &Place, how: NameMatch) -> bool {
    how != NameMatch::Alternate
        && (place.kind == PlaceKind::Country || place.is_capital() || place.population >= 1_000_000)
}

fn admissible(candidate: &Candidate, place: &Place, how: NameMatch) -> bool {
    let cues = candidate.cues;
    let has = |flag: u32| cues & flag != 0;
    let single_word = candidate.words == 1;
    if has(cue::NEVER_A_PLACE) {
        return false;
    }
    if how == NameMatch::Alternate && !alternate_worthy(candidate) {
        return false;
    }
    if has(cue::COMMON_WORD) {
        let ok = match place.kind {
            PlaceKind::Country => true,
            PlaceKind::Region => has(cue::REGION) && place.feature_code == "ADM1",
            _ if place.is_capital() || place.population >= 1_000_000 => true,
            PlaceKind::Settlement => has(cue::AFTER_LOCATIVE) && place.population >= 50_000,
            PlaceKind::Water | PlaceKind::Landmark => has(cue::AFTER_LOCATIVE) || has(cue::WATER),
        };
        if !ok {
            return false;
        }
    }
    if has(cue::ALL_CAPS) && !place.is_important() {
        return false;
    }
    if single_word
        && (has(cue::AFTER_TITLE) || has(cue::AFTER_NAME) || has(cue::BEFORE_NAME))
        && !strong(place, how)
    {
        return false;
    }
    if has(cue::IN_ORGANISATION) && !place.is_important() {
        return false;
    }
    true
}

/// Alternate names are noisy (translations, historic names, `GeoNames` oddities such as
/// "Ben" for Bern): they count only when four letters or longer, and score below names.
fn alternate_worthy(candidate: &Candidate) -> bool {
    candidate.end - candidate.start >= 4
}

/// The best option for a candidate, with or without context.
fn best_option(
    candidate: &Candidate,
    options: &[(Place, NameMatch)],
    context: Option<&Context>,
) -> Option<(Place, i64)> {
    options
        .iter()
        .map(|(place, how)| (*place, score(candidate, place, *how, context)))
        .max_by_key(|&(place, score)| (score, std::cmp::Reverse(place.id)))
}

fn score(candidate: &Candidate, place: &Place, how: NameMatch, context: Option<&Context>) -> i64 {
    let has = |flag: u32| candidate.cues & flag != 0;
    let mut score = i64::from(place.prior);
    score += match place.kind {
        PlaceKind::Region if has(cue::REGION) => 3000,
        PlaceKind::Water if has(cue::WATER) => 3000,
        PlaceKind::Settlement if has(cue::SETTLEMENT) => 1000,
        PlaceKind::Settlement if !has(cue::REGION) => 150,
        _ => 0,
    };
    if how != NameMatch::Alternate {
        score += 100;
    }
    if let Some(context) = context {
        if context.has_country(place.country_code) {
            score += 400;
        }
        let km = context.nearest_km(place);
        score += if km <= 50.0 {
            400
        } else if km <= 200.0 {
            250
        } else if km <= 800.0 {
            100
        } else {
            0
        };
    }
    score
}

fn typo_of(gazetteer: &Gazetteer, word: &str, named: &[(String, PlaceId)]) -> Option<PlaceId> {
    if word.chars().count() < 6 || gazetteer.is_common_word(word) {
        return None;
    }
    named
        .iter()
        .find(|(key, _)| within_one_edit(word, key))
        .map(|(_, id)| *id)
}

/// True when `a` and `b` differ by at most one insertion, deletion, substitution or
/// transposition of adjacent characters.
fn within_one_edit(a: &str, b: &str) -> bool {
    let a: Vec<char> = a.chars().collect();
    let b: Vec<char> = b.chars().collect();
    if a == b {
        return true;
    }
    let (short, long) = if a.len() <= b.len() {
        (&a, &b)
    } else {
        (&b, &a)
    };
    match long.len() - short.len() {
        0 => {
            let diffs: Vec<usize> = (0..a.len()).filter(|&i| a.get(i) != b.get(i)).collect();
            match diffs[..] {
                [_] => true,
                [i, j] => j == i + 1 && a.get(i) == b.get(j) && a.get(j) == b.get(i),
                _ => false,
            }
        }
        1 => {
            let skip = (0..short.len())
                .find(|&i| short.get(i) != long.get(i))
                .unwrap_or(short.len());
            short.get(skip..) == long.get(skip + 1..)
        }
        _ => false,
    }
}

/// Great-circle distance in kilometres.
pub(crate) fn haversine_km(lat1: f64, lon1: f64, lat2: f64, lon2: f64) -> f64 {
    let (p1, p2) = (lat1.to_radians(), lat2.to_radians());
    let dp = p2 - p1;
    let dl = (lon2 - lon1).to_radians();
    let a = (dp / 2.0).sin().powi(2) + p1.cos() * p2.cos() * (dl / 2.0).sin().powi(2);
    2.0 * 6371.0088 * a.sqrt().min(1.0).asin()
}

#[cfg(test)]
mod tests {
    use super::*;

    /// One edit covers the typical typo kinds; two edits do not.
    #[test]
    fn one_edit_covers_insertion_deletion_substitution_transposition() {
        assert!(within_one_edit("vilinius", "vilnius"), "insertion");
        assert!(within_one_edit("vilnus", "vilnius"), "deletion");
        assert!(within_one_edit("vilnaus", "vilnius"), "substitution");
        assert!(within_one_edit("vlinius", "vilnius"), "transposition");
        assert!(!within_one_edit("vilnaaus", "vilnius"), "two edits");
    }

    /// Kyiv to Kharkiv is about 410 km (the scorer's own check).
    #[test]
    fn haversine_matches_a_known_distance() {
        assert!(
            (haversine_km(50.45, 30.52, 49.99, 36.23) - 410.0).abs() < 15.0,
            "Kyiv-Kharkiv"
        );
    }
}
