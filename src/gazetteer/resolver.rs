//! Deciding which place each candidate means, or that it is no place at all (rules in
//! the module docs of [`super`]).

use super::matcher::{Candidate, Target, cue};
use super::normalize::name_key;
use super::{Gazetteer, NameMatch, Place, PlaceId, PlaceKind};
use rustc_hash::FxHashMap as HashMap;
use rustc_hash::FxHashSet as HashSet;

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
    /// Anchor places: latitude and longitude in radians, and how often they are named.
    points: Vec<(f64, f64, f64)>,
    /// The places of `points`, in the same order.
    ids: Vec<PlaceId>,
    /// Sum of the points' weights.
    weight: f64,
    /// First-level regions the story names.
    regions: NamedRegions,
}

/// First-level regions a story names: their country and name without kind words
/// ([`region_key`]), and which first-level names of towns were found to lie in them.
#[derive(Default)]
struct NamedRegions {
    keys: Vec<([u8; 2], String)>,
    memo: std::cell::RefCell<HashMap<(&'static str, [u8; 2]), bool>>,
}

impl NamedRegions {
    fn of<'p>(regions: impl IntoIterator<Item = &'p Place>) -> Self {
        Self {
            keys: regions
                .into_iter()
                .map(|r| (r.country_code, region_key(r.name)))
                .collect(),
            memo: std::cell::RefCell::default(),
        }
    }

    fn is_empty(&self) -> bool {
        self.keys.is_empty()
    }

    /// True when `place` lies in one of the regions.
    fn contain(&self, place: &Place) -> bool {
        if !self
            .keys
            .iter()
            .any(|(code, _)| *code == place.country_code)
        {
            return false;
        }
        *self
            .memo
            .borrow_mut()
            .entry((place.admin1, place.country_code))
            .or_insert_with(|| {
                let key = region_key(place.admin1);
                self.keys
                    .iter()
                    .any(|(code, region)| *code == place.country_code && *region == key)
            })
    }
}

/// How near one of the story's places a lesser place must lie to be read without its
/// country being named, or by an alternate name.
const NEAR_KM: f64 = 500.0;

/// Distance scale of the proximity kernel: a place 150 km from an anchor gets half its
/// weight, one 450 km away a tenth.
const KERNEL_KM: f64 = 150.0;

impl Context {
    fn add_country(&mut self, code: [u8; 2]) {
        if code != *b"\0\0" && !self.countries.contains(&code) {
            self.countries.push(code);
        }
    }

    fn has_country(&self, code: [u8; 2]) -> bool {
        self.countries.contains(&code)
    }

    /// Adds `weight` mentions of `place`; one point per place, however often named.
    fn add_point(&mut self, place: &Place, weight: f64) {
        if let Some(point) = self
            .ids
            .iter()
            .position(|id| *id == place.id)
            .and_then(|i| self.points.get_mut(i))
        {
            point.2 += weight;
            self.weight += weight;
        } else if self.points.len() < MAX_CONTEXT_POINTS {
            let (lat, lon) = place.lat_lon_rad();
            self.points.push((lat, lon, weight));
            self.ids.push(place.id);
            self.weight += weight;
        }
    }
    /// Squared distances (in radians²) from `place` to each anchor, by the
    /// equirectangular approximation: within a few per cent of the great circle below
    /// 1000 km, which is all the rules need, and no trigonometry per pair.
    fn squared_distances<'c>(&'c self, place: &Place) -> impl Iterator<Item = (f64, f64)> + 'c {
        let (lat, lon) = place.lat_lon_rad();
        let cos_lat = lat.cos();
        self.points.iter().map(move |&(plat, plon, weight)| {
            // Both longitudes lie in [-π, π], so one turn at most brings the difference
            // into [-π, π] (no `rem_euclid`, whose `fmod` showed in profiles).
            let mut dlon = plon - lon;
            if dlon > std::f64::consts::PI {
                dlon -= std::f64::consts::TAU;
            } else if dlon < -std::f64::consts::PI {
                dlon += std::f64::consts::TAU;
            }
            let (dx, dy) = (dlon * cos_lat, plat - lat);
            (dx * dx + dy * dy, weight)
        })
    }

    /// Distance to the nearest anchor, in kilometres.
    fn nearest_km(&self, place: &Place) -> f64 {
        self.squared_distances(place)
            .map(|(d2, _)| d2)
            .fold(f64::INFINITY, f64::min)
            .sqrt()
            * EARTH_RADIUS_KM
    }

    /// Share (0..1) of the article's anchor mentions that lie near `place`, each
    /// weighted by a kernel falling with distance: where the article's story is.
    fn density(&self, place: &Place) -> f64 {
        if self.weight <= 0.0 {
            return 0.0;
        }
        let scale = KERNEL_KM / EARTH_RADIUS_KM;
        let near: f64 = self
            .squared_distances(place)
            .map(|(d2, w)| w / (1.0 + d2 / (scale * scale)))
            .sum();
        near / self.weight
    }

    /// [`Context::density`] of the other anchors: what the story says about `place`
    /// beyond its own mentions.
    fn density_around(&self, place: &Place) -> f64 {
        let own = self
            .ids
            .iter()
            .position(|id| *id == place.id)
            .and_then(|i| self.points.get(i))
            .map_or(0.0, |p| p.2);
        let others = self.weight - own;
        if others <= 0.0 {
            return 0.0;
        }
        (self.density(place) * self.weight - own) / others
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
    // The same name with the same cues resolves the same way within one context, and
    // news repeats names ("Ukraine" dozens of times): decide once per distinct key.
    let mut groups: HashMap<Key, Group> = HashMap::default();
    for candidate in candidates {
        let group = groups.entry(Key::of(candidate)).or_insert_with(|| Group {
            count: 0,
            options: with_river(
                gazetteer,
                text,
                candidate,
                of_the_kind_said(
                    candidate,
                    spelt_as_written(text, candidate, admissible_options(gazetteer, candidate)),
                ),
            ),
            place: None,
            sentences: Vec::new(),
        });
        group.count += 1;
        if group.sentences.last() != Some(&candidate.sentence) {
            group.sentences.push(candidate.sentence);
        }
    }
    let mut keys: Vec<Key> = groups.keys().copied().collect();
    keys.sort_unstable();
    drop_named_again(text, candidates, &mut groups, &keys);

    // Pass 1: the context (see [`first_context`]).
    let (context, named_in) = first_context(&groups, &keys);

    // Pass 2: which candidates are places at all, against that context. The accepted
    // lesser places then join the context (a story about Kursk names Sudzha and
    // Korenevo) ...
    let mut story = Context {
        countries: context.countries.clone(),
        points: context.points.clone(),
        ids: context.ids.clone(),
        weight: context.weight,
        regions: NamedRegions::default(),
    };
    let mut accepted = Vec::new();
    for key in &keys {
        let Some(group) = groups.get(key) else {
            continue;
        };
        if let Some(place) = accept(*key, group, &context, &named_in) {
            accepted.push(*key);
            if place.kind != PlaceKind::Country && !place.is_important() && !place.is_county() {
                story.add_point(&place, group.count as f64);
            }
        }
    }
    // ... and each accepted name takes its best reading in that story.
    choose_readings(gazetteer, &mut groups, &accepted, &story);
    prefer_named_regions(&mut groups, &keys);
    prefer_towns_in_named_regions(gazetteer, &mut groups, &accepted, &mut story);
    drop_remote_towns(gazetteer, &mut groups, &accepted, &story.regions);
    common_word_towns(gazetteer, text, candidates, &mut groups, &story.regions);
    let first_new = out.len();
    for candidate in candidates {
        if let Some(place) = groups.get(&Key::of(candidate)).and_then(|g| g.place) {
            out.push(PlaceMention {
                start: candidate.start,
                end: candidate.end,
                sentence: candidate.sentence,
                place,
            });
        }
    }

    settle_appositions(
        text,
        candidates,
        &groups,
        out.get_mut(first_new..).unwrap_or(&mut []),
    );
    settle_lists(
        text,
        candidates,
        &groups,
        out.get_mut(first_new..).unwrap_or(&mut []),
    );

    // Pass 3: typos of places the article names elsewhere ("Vilinius").
    if candidates.iter().any(|c| c.target == Target::Unknown) {
        find_typos(gazetteer, text, candidates, first_new, out);
    }
    if let Some(slice) = out.get_mut(first_new..) {
        slice.sort_by_key(|m| m.start);
    }
}

/// Pass 1: the context. Countries named count; so do places that need no context to be
/// read (important ones, and phrases only one place bears), weighted by how often the
/// article names them. Also returns which sentences name which country: a country named
/// beside a name vouches for it.
fn first_context(groups: &HashMap<Key, Group>, keys: &[Key]) -> (Context, HashSet<([u8; 2], u32)>) {
    let mut context = Context::default();
    let mut named_in: HashSet<([u8; 2], u32)> = HashSet::default();
    // Towns known in their own country but bearing a name that towns elsewhere bear too
    // ("Newport": Wales, and a county seat in Tennessee) wait for the rest of the context.
    let mut ambiguous: Vec<(&Group, Place, NameMatch)> = Vec::new();
    // Places inside an organisation's name ("the Kalinga Institute … in Bhubaneswar")
    // vouch only for a country the rest of the story names, or where it names none.
    let mut in_organisations: Vec<(&Group, Place, NameMatch, bool)> = Vec::new();
    let mut regions: Vec<Place> = Vec::new();
    for key in keys {
        // A county vouches for nothing: "Pasco County" must not bring Peru in for itself.
        let Some(group) = groups.get(key).filter(|_| key.cues & cue::COUNTY == 0) else {
            continue;
        };
        let Some((best, how, _)) = best_option(key.cues, &group.options, None) else {
            continue;
        };
        // The first-level regions the name may mean, unless a country or a town known by
        // the name is the plain reading ("Georgia", "Washington"): "Florida" is the
        // state, though towns abroad bear the name (or, as Floridablanca, an alternate).
        if best.kind == PlaceKind::Region && best.feature_code == "ADM1" {
            regions.push(best);
        } else if best.kind != PlaceKind::Country && !known_town(&best, how) {
            regions.extend(
                group
                    .options
                    .iter()
                    .filter(|(p, how)| {
                        p.kind == PlaceKind::Region
                            && p.feature_code == "ADM1"
                            && *how != NameMatch::Alternate
                    })
                    .map(|(p, _)| *p),
            );
        }
        if best.kind == PlaceKind::Country {
            context.add_country(best.country_code);
            named_in.extend(group.sentences.iter().map(|&s| (best.country_code, s)));
        } else if key.cues & cue::IN_ORGANISATION != 0 {
            let unique = unique_phrase(*key, &group.options);
            if best.is_important() || unique {
                in_organisations.push((group, best, how, unique));
            }
        } else if unique_phrase(*key, &group.options) {
            context.add_country(best.country_code);
            context.add_point(&best, group.count as f64);
        } else if known_by_fame(key.cues, &best)
            && (how != NameMatch::Alternate
                || (strong(&best, NameMatch::Name) && !named_by_its_own(&group.options)))
        {
            if has_namesakes_abroad(&best, how, &group.options) {
                ambiguous.push((group, best, how));
            } else {
                add_known_town(&mut context, group, &best, how);
            }
        } else if names_its_region(&best, &group.options) {
            // "Orhei": the town a first-level unit is vouches for its country, as the
            // unit would.
            context.add_country(best.country_code);
            context.add_point(&best, group.count as f64);
        }
    }
    // Such a town vouches for its country unless the story is in another country and
    // names the region a namesake lies in: "Newport" beside Tennessee is not the Welsh
    // city, while "Donetsk" beside Belgorod is still Ukraine's, not a town of Rostov.
    let settled = context.countries.clone();
    let regions = if ambiguous.is_empty() {
        NamedRegions::default()
    } else {
        NamedRegions::of(&regions)
    };
    for (group, best, how) in ambiguous {
        let elsewhere = !settled.contains(&best.country_code)
            && group.options.iter().any(|(p, how)| {
                p.kind == PlaceKind::Settlement
                    && *how != NameMatch::Alternate
                    && p.country_code != best.country_code
                    && regions.contain(p)
            });
        if !elsewhere {
            add_known_town(&mut context, group, &best, how);
        }
    }
    let settled = context.countries.clone();
    for (group, best, how, unique) in in_organisations {
        if settled.is_empty() || settled.contains(&best.country_code) {
            if unique {
                context.add_country(best.country_code);
                context.add_point(&best, group.count as f64);
            } else {
                add_known_town(&mut context, group, &best, how);
            }
        }
    }

    (context, named_in)
}

/// True when a known town bears the name as its own: then a city that bears it only as
/// a translation or an old spelling does not vouch for its country ("Cancun" is what
/// GeoNames also calls Changchun; the story decides, and a story in Mexico means Cancún).
fn named_by_its_own(options: &[(Place, NameMatch)]) -> bool {
    options.iter().any(|(p, how)| known_town(p, *how))
}

/// Adds an important place read without context to `context`. "Valencia" is a city of
/// Spain and one of Venezuela: the name alone does not say which country the story is
/// in, so each reading counts, for a share.
fn add_known_town(context: &mut Context, group: &Group, best: &Place, how: NameMatch) {
    let readings: Vec<&Place> = std::iter::once(best)
        .chain(rivals(best, how, &group.options))
        .collect();
    let share = group.count as f64 / readings.len() as f64;
    for reading in readings {
        context.add_country(reading.country_code);
        context.add_point(reading, share);
    }
}

/// True for a town a reader knows, but not without context (no capital, no city of
/// millions), whose name towns in other countries bear too.
fn has_namesakes_abroad(best: &Place, how: NameMatch, options: &[(Place, NameMatch)]) -> bool {
    best.kind == PlaceKind::Settlement
        && !strong(best, how)
        && options
            .iter()
            .any(|(p, _)| p.kind == PlaceKind::Settlement && p.country_code != best.country_code)
}

/// Names the story gives something else than a place, that stay so when named again,
/// unless a kind word or a locative says a place is meant:
/// - a ship (after "ship", "tanker", "cruiser" …) or a storm: "the container ship Dali …
///   The Dali had left Baltimore", "Hurricane Otis … Otis made landfall" ("the Dali
///   region", "protests in Dali", "roads in Florence" are places);
/// - a person's surname after a common given name: "Defense Secretary Lloyd Austin …
///   Austin said", "Lina Hidalgo … Hidalgo said" ("spoke in Austin" is the city).
///
/// A country's name is never dropped so.
fn drop_named_again(
    text: &str,
    candidates: &[Candidate],
    groups: &mut HashMap<Key, Group>,
    keys: &[Key],
) {
    let mut named: Vec<TargetKey> = keys
        .iter()
        .filter(|k| k.cues & (cue::VESSEL | cue::STORM) != 0)
        .map(|k| k.target)
        .collect();
    for pair in candidates.windows(2) {
        let &[given, surname] = pair else { continue };
        if given.cues & cue::GIVEN_NAME != 0
            && surname.cues & cue::AFTER_NAME != 0
            && given.sentence == surname.sentence
            && text.get(given.end as usize..surname.start as usize) == Some(" ")
        {
            named.push(Key::of(&surname).target);
        }
    }
    if named.is_empty() {
        return;
    }
    let place_cues = cue::REGION
        | cue::SETTLEMENT
        | cue::WATER
        | cue::COUNTY
        | cue::RIVER
        | cue::FEATURE
        | cue::AFTER_LOCATIVE;
    for key in keys {
        if named.contains(&key.target)
            && key.cues & place_cues == 0
            && let Some(group) = groups.get_mut(key)
            && !group
                .options
                .iter()
                .any(|(p, _)| p.kind == PlaceKind::Country)
        {
            group.options.clear();
        }
    }
}

/// Gives each accepted key its best reading in the story (a country's name may mean a
/// region of the same name elsewhere: see [`namesake_region`]).
fn choose_readings(
    gazetteer: &Gazetteer,
    groups: &mut HashMap<Key, Group>,
    accepted: &[Key],
    story: &Context,
) {
    let mut story_places: Option<Vec<Place>> = None;
    for key in accepted {
        if let Some(group) = groups.get_mut(key) {
            group.place = choose_reading(gazetteer, *key, group, story, &mut story_places);
        }
    }
}

/// "Augusta" in a story about Georgia and Tennessee: a town in a first-level region the
/// story names is preferred to its namesakes, so the towns with a reading in such a
/// region are read again once the regions are known.
fn prefer_towns_in_named_regions(
    gazetteer: &Gazetteer,
    groups: &mut HashMap<Key, Group>,
    accepted: &[Key],
    story: &mut Context,
) {
    let chosen = |g: &Group| g.place.and_then(|id| reading(&g.options, id));
    let named: Vec<Place> = accepted
        .iter()
        .filter_map(|key| chosen(groups.get(key)?))
        .filter(|p| p.kind == PlaceKind::Region && p.feature_code == "ADM1")
        .collect();
    story.regions = NamedRegions::of(&named);
    if story.regions.is_empty() {
        return;
    }
    let mut story_places: Option<Vec<Place>> = None;
    for key in accepted {
        if let Some(group) = groups.get_mut(key)
            && chosen(group).is_some_and(|p| p.kind == PlaceKind::Settlement)
            && group
                .options
                .iter()
                .any(|(p, _)| p.kind == PlaceKind::Settlement && story.regions.contain(p))
        {
            group.place = choose_reading(gazetteer, *key, group, story, &mut story_places);
        }
    }
}

/// "In Hazard, the water rose" in a story about Kentucky, and "Hazard, Kentucky,": a
/// town named like a common word is no place by itself unless it is big (see
/// [`admissible`]), but after a locative, or before its region's name, it is the town
/// where it lies in a first-level region the story names, however few people it has.
fn common_word_towns(
    gazetteer: &Gazetteer,
    text: &str,
    candidates: &[Candidate],
    groups: &mut HashMap<Key, Group>,
    regions: &NamedRegions,
) {
    if regions.is_empty() {
        return;
    }
    let unread = |c: &Candidate| {
        c.cues & cue::COMMON_WORD != 0 && groups.get(&Key::of(c)).is_some_and(|g| g.place.is_none())
    };
    let mut keys: Vec<Key> = Vec::new();
    for (i, candidate) in candidates.iter().enumerate() {
        if !unread(candidate) {
            continue;
        }
        let before_region = candidates.get(i + 1).is_some_and(|next| {
            next.sentence == candidate.sentence
                && text.get(candidate.end as usize..next.start as usize) == Some(", ")
                && groups
                    .get(&Key::of(next))
                    .and_then(|g| reading(&g.options, g.place?))
                    .is_some_and(|p| p.kind == PlaceKind::Region && p.feature_code == "ADM1")
        });
        if before_region || candidate.cues & cue::AFTER_LOCATIVE != 0 {
            keys.push(Key::of(candidate));
        }
    }
    keys.sort_unstable();
    keys.dedup();
    for key in keys {
        let TargetKey::Names(value) = key.target else {
            continue;
        };
        let probe = Candidate {
            start: 0,
            end: u32::MAX,
            sentence: 0,
            target: Target::Names(value),
            cues: key.cues & !cue::COMMON_WORD,
            words: key.words,
        };
        let town = Gazetteer::postings(value)
            .filter(|(_, how)| *how == NameMatch::Name)
            .filter_map(|(id, how)| Some((gazetteer.place(id)?, how)))
            .filter(|(p, how)| {
                p.kind == PlaceKind::Settlement && regions.contain(p) && admissible(&probe, p, *how)
            })
            .max_by_key(|(p, _)| p.prior);
        if let (Some(group), Some((town, how))) = (groups.get_mut(&key), town) {
            group.options.push((town, how));
            group.place = Some(town.id);
        }
    }
}

/// A village, for [`drop_remote_towns`]: a town of fewer people.
const VILLAGE_POPULATION: u32 = 5_000;

/// A lesser town far from all the story's other places (500 km; 250 for a phrase of
/// common words) is kept only where the story names the first-level region it lies in,
/// or a mention says it is a place: for a village a kind word ("the town of Wagner"),
/// for a town that other towns are named like a locative too ("in Erwin"); a town no
/// other town is named like stays. Where the story names no other place, it is dropped
/// if the story names a country other than its own. "Wagner fighters" in a story about
/// Russia that names the US is not Wagner, South Dakota; "the Eaton fire" in Los Angeles
/// is not Eaton, Ohio; in "Florida's Big Bend" a village in Wisconsin, 900 km from
/// anything else the story names, is no evidence of itself.
fn drop_remote_towns(
    gazetteer: &Gazetteer,
    groups: &mut HashMap<Key, Group>,
    accepted: &[Key],
    regions: &NamedRegions,
) {
    // Each accepted name's reading, decoded once.
    let readings: Vec<(Key, Place)> = accepted
        .iter()
        .filter_map(|k| Some((*k, gazetteer.place(groups.get(k)?.place?)?)))
        .collect();
    let lesser = |p: &Place| p.kind == PlaceKind::Settlement && !p.is_important();
    if !readings.iter().any(|(_, p)| lesser(p)) {
        return;
    }
    // The places some mention calls a town ("the town of X"), or places somewhere ("in X").
    let called = |cues: u32| -> Vec<PlaceId> {
        readings
            .iter()
            .filter(|(k, _)| k.cues & cues != 0 && k.cues & cue::COMMON_PHRASE == 0)
            .map(|(_, p)| p.id)
            .collect()
    };
    let (towns, placed) = (
        called(cue::SETTLEMENT),
        called(cue::SETTLEMENT | cue::AFTER_LOCATIVE),
    );
    // The story's places as read, not its context's points: those hold, for a share, the
    // namesakes of a known town ("Athens", Georgia), near which any village lies; and the
    // countries it names.
    let (countries, read): (Vec<&Place>, Vec<&Place>) = readings
        .iter()
        .map(|(_, p)| p)
        .partition(|p| p.kind == PlaceKind::Country);
    // Far from every other place the story names; where it names no other, in a country
    // other than one the story names ("Wagner fighters have left Belarus, US officials
    // said": Belarus).
    let remote = |place: &Place, km: f64| {
        let mut others = read.iter().filter(|p| p.id != place.id).peekable();
        if others.peek().is_none() {
            return countries
                .iter()
                .any(|c| c.country_code != place.country_code);
        }
        others.all(|p| haversine_km(p.lat, p.lon, place.lat, place.lon) > km)
    };
    let mut drop: Vec<Key> = Vec::new();
    for (key, place) in readings.iter().filter(|(_, p)| lesser(p)) {
        let phrase = key.cues & cue::COMMON_PHRASE != 0;
        let said = if phrase {
            false
        } else if place.population < VILLAGE_POPULATION {
            towns.contains(&place.id)
        } else {
            placed.contains(&place.id)
                || !groups.get(key).is_some_and(|g| {
                    g.options
                        .iter()
                        .any(|(p, _)| p.kind == PlaceKind::Settlement && p.id != place.id)
                })
        };
        if !said
            && !regions.contain(place)
            && remote(place, if phrase { NEAR_KM / 2.0 } else { NEAR_KM })
        {
            drop.push(*key);
        }
    }
    for key in drop {
        if let Some(group) = groups.get_mut(&key) {
            group.place = None;
        }
    }
}

/// The best reading of one accepted key in the story; `story_places` is decoded once per
/// story, and only where a country is named.
fn choose_reading(
    gazetteer: &Gazetteer,
    key: Key,
    group: &Group,
    story: &Context,
    story_places: &mut Option<Vec<Place>>,
) -> Option<PlaceId> {
    best_option(key.cues, &group.options, Some(story)).map(|(p, _, _)| {
        if p.kind == PlaceKind::Settlement {
            return province_over_city(gazetteer, key.cues, &group.options, &p, story)
                .unwrap_or(p.id);
        }
        if p.kind != PlaceKind::Country {
            return p.id;
        }
        let places = story_places.get_or_insert_with(|| {
            story
                .ids
                .iter()
                .filter_map(|&id| gazetteer.place(id))
                .collect()
        });
        namesake_region(&p, &group.options, places).unwrap_or(p.id)
    })
}

/// The share of a story's places near a city that makes the story one about its
/// surroundings.
const CITY_STORY_DENSITY: f64 = 0.1;

/// A bare name read as a city where a reader means the first-level region of that name:
/// - the city lies abroad and the region in a country of the story ("southern Ontario"
///   in a story about Canada is not Ontario, California), unless the story's places lie
///   around the city ([`CITY_STORY_DENSITY`]);
/// - the city is known as "X City" and lies in the region X ("Quebec" is the province,
///   "Quebec City" the city).
///
/// A capital or a city of millions keeps its name ("New York", "Mexico").
fn province_over_city(
    gazetteer: &Gazetteer,
    cues: u32,
    options: &[(Place, NameMatch)],
    city: &Place,
    story: &Context,
) -> Option<PlaceId> {
    if cues & cue::SETTLEMENT != 0 || strong(city, NameMatch::Name) {
        return None;
    }
    let (region, _) = options.iter().find(|(p, how)| {
        p.kind == PlaceKind::Region && p.feature_code == "ADM1" && *how == NameMatch::Name
    })?;
    // The story's places lie around the city: it is meant.
    let near_story = |p: &Place| {
        let d = story.density_around(p);
        d >= CITY_STORY_DENSITY && d > story.density_around(region)
    };
    let abroad = region.country_code != city.country_code
        && story.has_country(region.country_code)
        && !near_story(city);
    let known_as_city = || {
        region.country_code == city.country_code
            && city.admin1 == region.name
            && gazetteer
                .lookup(&format!("{} City", region.name))
                .iter()
                .any(|&(id, _)| id == city.id)
    };
    (abroad || known_as_city()).then_some(region.id)
}

/// "Hatay province … visited Kahramanmaras and Hatay": a region's bare name means the
/// region, not a city that bears that name only as an alternate (Antakya, also called
/// Hatay; Bihar Sharif, also called Bihar), where the story names the region with its
/// kind word or the city lies in it. A city known by the name itself keeps it:
/// "Belgorod region … shells hit Belgorod" is still the city; so does a capital or a
/// city of millions ("upstate New York … smoke over New York").
fn prefer_named_regions(groups: &mut HashMap<Key, Group>, keys: &[Key]) {
    let named: Vec<PlaceId> = keys
        .iter()
        .filter(|key| key.cues & cue::REGION != 0)
        .filter_map(|key| groups.get(key)?.place)
        .collect();
    for key in keys {
        if key.cues & (cue::REGION | cue::SETTLEMENT) != 0 {
            continue;
        }
        let Some(group) = groups.get_mut(key) else {
            continue;
        };
        // The city read, where it bears the name only as an alternate; a capital or a
        // city of millions is known by any of its names ("New York").
        let Some((city, _)) = group.options.iter().find(|(p, how)| {
            Some(p.id) == group.place
                && p.kind == PlaceKind::Settlement
                && *how == NameMatch::Alternate
                && !strong(p, NameMatch::Name)
        }) else {
            continue;
        };
        // A city whose own name is a spelling of the region's ("Zaporizhzhya",
        // "Mykolayiv") is the same word: it keeps it.
        let city_key = name_key(city.name);
        if let Some((region, _)) = group.options.iter().find(|(p, how)| {
            p.kind == PlaceKind::Region
                && *how == NameMatch::Name
                && (named.contains(&p.id)
                    || (p.country_code == city.country_code && city.admin1 == p.name))
                && !spelling_variant(&city_key, &region_key(p.name))
        }) {
            group.place = Some(region.id);
        }
    }
}

/// "Atlanta, Georgia", "Paris, Texas", "Jackson, in Breathitt County", "Perry, a small
/// town in Taylor County": a town, a comma (and "in", or a description ending in "in";
/// see [`apposition_gap`]), then its region or country name one place, so the pair is
/// read with the second containing the first, even where the
/// story's context pulls either name elsewhere (a story about Tbilisi; Paris, France).
/// Only a town before the comma counts: a list of regions ("Belgorod, Kursk and Bryansk
/// regions") is left alone. `mentions` are those made from `candidates`, in order.
fn settle_appositions(
    text: &str,
    candidates: &[Candidate],
    groups: &HashMap<Key, Group>,
    mentions: &mut [PlaceMention],
) {
    let options = |c: &Candidate| groups.get(&Key::of(c)).map_or(&[][..], |g| &g.options[..]);
    // The mentions were made in candidate order, one per candidate with a reading.
    let resolved: Vec<(&Candidate, usize)> = candidates
        .iter()
        .filter(|c| groups.get(&Key::of(c)).is_some_and(|g| g.place.is_some()))
        .zip(0..mentions.len())
        .collect();
    let mut moved: Vec<(PlaceId, PlaceId, &Candidate)> = Vec::new();
    // Right to left, so that an area is settled before the town it holds: "Perry, a
    // small town in Taylor County, Florida" reads the county in Florida, then Perry in it.
    for pair in resolved.windows(2).rev() {
        let &[(a, ma), (b, mb)] = pair else {
            continue;
        };
        if a.sentence != b.sentence
            || !text
                .get(a.end as usize..b.start as usize)
                .is_some_and(apposition_gap)
        {
            continue;
        }
        // The area must close the phrase: "Paris, Texas," / "Poti, Georgia." but not
        // "In Paris, Russia's envoy" or "In Moscow, US officials".
        let after = text
            .get(b.end as usize..)
            .unwrap_or("")
            .trim_start_matches([' ', '\u{a0}']);
        let closes = after.chars().next().is_none_or(|c| {
            matches!(
                c,
                ',' | '.' | ';' | ':' | ')' | '!' | '?' | '"' | '\u{201d}' | '\n'
            )
        });
        if !closes {
            continue;
        }
        let find = |m: usize| reading(options(if m == ma { a } else { b }), mentions.get(m)?.place);
        let (Some(town), Some(area)) = (find(ma), find(mb)) else {
            continue;
        };
        // "Granada, Spain": a country read by another language's name for it (Grenada)
        // before a country is a town of that country.
        if town.kind == PlaceKind::Country
            && area.kind == PlaceKind::Country
            && options(a)
                .iter()
                .any(|(p, how)| p.id == town.id && *how == NameMatch::Alternate)
        {
            // Not a list of countries ("India, China, Mexico."), and only a town a reader
            // knows (China, Nuevo León is no such town).
            let listed = text
                .get(..a.start as usize)
                .is_some_and(|before| before.trim_end().ends_with(','));
            if !listed
                && let Some(other) = town_within(options(a), &area).filter(|t| t.is_important())
                && let Some(m) = mentions.get_mut(ma)
            {
                m.place = other.id;
            }
            continue;
        }
        if !is_local(&town)
            || !matches!(area.kind, PlaceKind::Region | PlaceKind::Country)
            || contains(&area, &town)
        {
            continue;
        }
        // The area read so that it holds the town, else the town so that the area holds it.
        if let Some((other, _)) = options(b).iter().find(|(p, _)| {
            matches!(p.kind, PlaceKind::Region | PlaceKind::Country) && contains(p, &town)
        }) && let Some(m) = mentions.get_mut(mb)
        {
            m.place = other.id;
        } else if let Some(other) = town_within(options(a), &area)
            && let Some(m) = mentions.get_mut(ma)
        {
            m.place = other.id;
            if !strong(&town, NameMatch::Name) {
                moved.push((town.id, other.id, a));
            }
        }
    }
    // The story's other mentions of the town by the same name are that town too
    // ("Jackson, in Breathitt County, …. In Jackson, the water plant was damaged"), unless
    // the name alone is a capital or a city of millions ("Paris, Texas, while Paris
    // itself stayed dry").
    for (from, to, a) in moved {
        let name = text.get(a.start as usize..a.end as usize);
        for m in mentions.iter_mut() {
            if m.place == from && text.get(m.start as usize..m.end as usize) == name {
                m.place = to;
            }
        }
    }
}

/// What may stand between a town and the area holding it: a comma (", "), with "in"
/// (", in "), or with a description ending in "in" (", a small town in ", ", the seat
/// of government in "): a few lower-case words after "a", "an" or "the".
fn apposition_gap(gap: &str) -> bool {
    let Some(rest) = gap.strip_prefix(", ") else {
        return false;
    };
    if rest.is_empty() || rest == "in " {
        return true;
    }
    let Some(description) = rest.strip_suffix(" in ") else {
        return false;
    };
    let mut words = description.split(' ');
    matches!(words.next(), Some("a" | "an" | "the"))
        && words.clone().count() <= 4
        && words.all(|w| !w.is_empty() && w.bytes().all(|b| b.is_ascii_lowercase() || b == b'-'))
}

/// A town, or a county ("Taylor County, Florida" is read like "Perry, Florida").
fn is_local(place: &Place) -> bool {
    place.kind == PlaceKind::Settlement || place.is_county()
}

/// The most prominent town (or county) among `options`, named by its own name, that
/// `area` holds.
fn town_within<'o>(options: &'o [(Place, NameMatch)], area: &Place) -> Option<&'o Place> {
    options
        .iter()
        .filter(|(p, how)| is_local(p) && *how == NameMatch::Name && contains(area, p))
        .max_by_key(|(p, _)| p.prior)
        .map(|(p, _)| p)
}

/// The option a mention was resolved to.
fn reading(options: &[(Place, NameMatch)], id: PlaceId) -> Option<Place> {
    options.iter().find(|(p, _)| p.id == id).map(|(p, _)| *p)
}

/// How far a list's member may lie from the others and still belong with them.
const LIST_KM: f64 = 300.0;

/// "flooding was reported in Shahat, Susa and Al Marj": the members of a list of places
/// lie near each other, so a member read far from all the others (Tunisia's Sousse
/// among Libyan towns) takes the reading of its name that lies near them, if one does.
/// Members are settlements joined by ", " or " and "/" or " in one sentence; the others
/// must lie within [`LIST_KM`] of each other, and a capital or a city of millions is
/// never moved. In a list of names that may all be countries, and some are, a capital
/// that bears its country's name is the country ("Kenya, South Sudan and Djibouti").
fn settle_lists(
    text: &str,
    candidates: &[Candidate],
    groups: &HashMap<Key, Group>,
    mentions: &mut [PlaceMention],
) {
    let resolved: Vec<(&Candidate, &Group)> = candidates
        .iter()
        .filter_map(|c| {
            groups
                .get(&Key::of(c))
                .filter(|g| g.place.is_some())
                .map(|g| (c, g))
        })
        .collect();
    if resolved.len() != mentions.len() || resolved.len() < 2 {
        return;
    }
    let readings: Vec<Option<Place>> = resolved
        .iter()
        .zip(mentions.iter())
        .map(|((_, group), mention)| reading(&group.options, mention.place))
        .collect();
    let place_of = |m: usize| readings.get(m).copied().flatten();
    let joined = |a: &Candidate, b: &Candidate| {
        a.sentence == b.sentence
            && matches!(
                text.get(a.end as usize..b.start as usize),
                Some(", " | " and " | " or " | ", and ")
            )
    };
    let mut start = 0;
    while start < resolved.len() {
        let mut end = start;
        while end + 1 < resolved.len()
            && resolved
                .get(end)
                .zip(resolved.get(end + 1))
                .is_some_and(|((a, _), (b, _))| joined(a, b))
        {
            end += 1;
        }
        let members: Vec<Place> = (start..=end).filter_map(place_of).collect();
        // "the presidents of Kenya, South Sudan and Djibouti": a capital named as its
        // country is the country where every other member is one, or may be. Only a
        // sovereign state: Gibraltar, a territory, stays the town.
        let country_of = |m: usize| {
            let current = place_of(m)?;
            if current.kind == PlaceKind::Country {
                return Some(current.id);
            }
            resolved.get(m).and_then(|(_, group)| {
                group
                    .options
                    .iter()
                    .find(|(p, how)| {
                        p.kind == PlaceKind::Country
                            && p.feature_code == "PCLI"
                            && *how != NameMatch::Alternate
                    })
                    .map(|(p, _)| p.id)
            })
        };
        // Only lists, and only those naming a country, are asked for their readings.
        if end > start
            && members.len() == end - start + 1
            && members.iter().any(|p| p.kind == PlaceKind::Country)
            && let Some(countries) = (start..=end).map(country_of).collect::<Option<Vec<_>>>()
        {
            for (m, country) in (start..=end).zip(countries) {
                if let Some(mention) = mentions.get_mut(m) {
                    mention.place = country;
                }
            }
        }
        // A list of three or more settlements.
        if end - start >= 2
            && members.len() == end - start + 1
            && members.iter().all(|p| p.kind == PlaceKind::Settlement)
        {
            for m in start..=end {
                // A capital or a city of millions stays ("London, Paris and Washington").
                let Some(current) = place_of(m).filter(|p| !strong(p, NameMatch::Name)) else {
                    continue;
                };
                let others: Vec<&Place> = members.iter().filter(|p| p.id != current.id).collect();
                let close =
                    |a: &Place, b: &Place| haversine_km(a.lat, a.lon, b.lat, b.lon) <= LIST_KM;
                let near = |p: &Place| others.iter().any(|o| close(p, o));
                // Only a list whose other members lie together says where it is.
                let together = others.iter().all(|a| others.iter().all(|b| close(a, b)));
                if !together || near(&current) {
                    continue;
                }
                let better = resolved.get(m).and_then(|(_, group)| {
                    group
                        .options
                        .iter()
                        .filter(|(p, _)| p.kind == PlaceKind::Settlement && near(p))
                        .max_by_key(|(p, _)| p.prior)
                });
                if let (Some((p, _)), Some(mention)) = (better, mentions.get_mut(m)) {
                    mention.place = p.id;
                }
            }
        }
        start = end + 1;
    }
}

/// "Georgia" in a story about Atlanta or Savannah is the US state: a country's name that
/// also names a region of another country means that region where the story names a
/// place inside the region, or another first-level region of its country ("from Florida
/// into Georgia"), and nothing inside the country.
fn namesake_region(
    chosen: &Place,
    options: &[(Place, NameMatch)],
    story: &[Place],
) -> Option<PlaceId> {
    if chosen.kind != PlaceKind::Country
        || story.iter().any(|p| p.country_code == chosen.country_code)
    {
        return None;
    }
    options
        .iter()
        .find(|(p, how)| {
            p.kind == PlaceKind::Region
                && *how == NameMatch::Name
                && p.country_code != chosen.country_code
                && story.iter().any(|s| {
                    contains(p, s) || (s.country_code == p.country_code && s.feature_code == "ADM1")
                })
        })
        .map(|(p, _)| p.id)
}

/// True when the region or country `area` holds `place`. Region rows are named as in
/// Natural Earth ("Belgorod"), settlements' first-level regions as in `GeoNames`
/// ("Belgorod Oblast"): the names are compared without their kind words.
fn contains(area: &Place, place: &Place) -> bool {
    area.country_code == place.country_code
        && match area.kind {
            PlaceKind::Country => true,
            // A county: the data gives towns no county, so near its centre is in it.
            PlaceKind::Region if area.is_county() => {
                haversine_km(area.lat, area.lon, place.lat, place.lon) <= COUNTY_KM
            }
            PlaceKind::Region => region_key(area.name) == region_key(place.admin1),
            _ => false,
        }
}

/// How far from a county's centre a town may lie and be taken to be in it (most US
/// counties are 30-60 km across).
const COUNTY_KM: f64 = 40.0;

/// A region's name folded, without kind words ("Belgorod Oblast" → "belgorod").
fn region_key(name: &str) -> String {
    const KIND_WORDS: &[&str] = &[
        "oblast",
        "oblast'",
        "krai",
        "kray",
        "region",
        "province",
        "state",
        "county",
        "city",
        "governorate",
        "republic",
        "raion",
        "district",
        "prefecture",
        "department",
        "of",
        "the",
        "autonomous",
        "okrug",
    ];
    super::normalize::name_key(name)
        .split(' ')
        .filter(|w| !KIND_WORDS.contains(w))
        .collect::<Vec<_>>()
        .join(" ")
}

/// The candidates of one key: how many, their admissible readings, the decision.
struct Group {
    count: usize,
    options: Vec<(Place, NameMatch)>,
    place: Option<PlaceId>,
    /// The sentences it is named in, in order.
    sentences: Vec<u32>,
}

/// What decides a candidate's reading within one context.
#[derive(Clone, Copy, Debug, PartialEq, Eq, Hash, PartialOrd, Ord)]
struct Key {
    target: TargetKey,
    cues: u32,
    words: u8,
}

#[derive(Clone, Copy, Debug, PartialEq, Eq, Hash, PartialOrd, Ord)]
enum TargetKey {
    Names(u64),
    Country(u32),
    Unknown,
}

impl Key {
    fn of(candidate: &Candidate) -> Self {
        let target = match candidate.target {
            Target::Names(value) => TargetKey::Names(value),
            Target::Country(id) => TargetKey::Country(id.0),
            Target::Unknown => TargetKey::Unknown,
        };
        Self {
            target,
            cues: candidate.cues,
            words: candidate.words,
        }
    }
}

/// "Los Ángeles" written so is the Chilean city, not California's: where a name is
/// written with letters outside ASCII and some towns' own names are spelt exactly so,
/// the towns spelt otherwise are dropped (other kinds stay: "Mahilioŭ" may still be the
/// city of Mahilyow rather than the region of that spelling).
fn spelt_as_written(
    text: &str,
    candidate: &Candidate,
    mut options: Vec<(Place, NameMatch)>,
) -> Vec<(Place, NameMatch)> {
    if candidate.cues & cue::DIACRITICS == 0 {
        return options;
    }
    let written = spelling(
        text.get(candidate.start as usize..candidate.end as usize)
            .unwrap_or(""),
    );
    let town = |p: &Place| p.kind == PlaceKind::Settlement;
    if options
        .iter()
        .any(|(p, _)| town(p) && spelling(p.name) == written)
    {
        options.retain(|(p, _)| !town(p) || spelling(p.name) == written);
    }
    options
}

/// The options a kind word leaves: "Eaton Canyon", "the Jacuí delta" and "Mount Pelion"
/// are no lesser town (the Kathmandu Valley keeps the capital, "on Phuket Island" the
/// province), "the Evros region" is no river (the Maritsa, also called Evros), and "the
/// Atlantic" no town in Iowa.
fn of_the_kind_said(
    candidate: &Candidate,
    mut options: Vec<(Place, NameMatch)>,
) -> Vec<(Place, NameMatch)> {
    if candidate.cues & cue::FEATURE != 0 {
        options.retain(|(p, _)| p.kind != PlaceKind::Settlement || p.is_important());
    }
    if candidate.cues & cue::REGION != 0 {
        options.retain(|(p, _)| p.kind != PlaceKind::Water);
    }
    // "over the Atlantic", "an unusually warm Atlantic": the short name of an ocean or a
    // sea is the sea (or an adjective), not a small town named after it (Atlantic,
    // Iowa), unless a kind word says so.
    if candidate.cues & cue::SETTLEMENT == 0
        && options
            .iter()
            .any(|(p, _)| p.kind == PlaceKind::Water && matches!(p.feature_code, "OCN" | "SEA"))
    {
        options.retain(|(p, _)| p.kind != PlaceKind::Settlement || p.is_important());
    }
    options
}

/// "east of the Mississippi": a name after "the" that ends its phrase may be a river the
/// data knows only as "X River" (the Mississippi, Ohio and Missouri rivers); that river
/// joins the options, and [`best_option`] prefers it to a town or a region.
fn with_river(
    gazetteer: &Gazetteer,
    text: &str,
    candidate: &Candidate,
    mut options: Vec<(Place, NameMatch)>,
) -> Vec<(Place, NameMatch)> {
    let cues = candidate.cues;
    if cues & cue::AFTER_THE == 0
        || cues & (cue::REGION | cue::SETTLEMENT | cue::NEVER_A_PLACE) != 0
        || options.iter().any(|(p, _)| p.kind == PlaceKind::Water)
    {
        return options;
    }
    let Some(name) = text.get(candidate.start as usize..candidate.end as usize) else {
        return options;
    };
    options.extend(
        gazetteer
            .lookup(&format!("{name} River"))
            .into_iter()
            .filter_map(|(id, how)| gazetteer.place(id).map(|p| (p, how)))
            .filter(|(p, how)| p.kind == PlaceKind::Water && *how == NameMatch::Name),
    );
    options
}

/// A name in lower case, with the letters written two ways made one: Romanian's comma
/// below and cedilla ("Ocnița", "Ocniţa"), and the typographic apostrophe.
fn spelling(name: &str) -> String {
    name.chars()
        .flat_map(char::to_lowercase)
        .map(|c| match c {
            'ș' => 'ş',
            'ț' => 'ţ',
            '\u{2019}' | '\u{2bc}' => '\'',
            c => c,
        })
        .collect()
}

/// True for a phrase of several words that only one place bears ("Novaya Tavolzhanka"):
/// it is itself the evidence, while single words need context (surnames are words too),
/// and so do phrases of common words ("Big Bend": a town in Eswatini, a stretch of Florida).
fn unique_phrase(key: Key, opts: &[(Place, NameMatch)]) -> bool {
    key.words >= 2
        && key.cues & cue::COMMON_PHRASE == 0
        && opts.len() == 1
        && opts.iter().all(|(_, how)| *how != NameMatch::Alternate)
}

/// The reading of a candidate if it is a place in this context at all (rules 3 and 5).
fn accept(
    key: Key,
    group: &Group,
    context: &Context,
    named_in: &HashSet<([u8; 2], u32)>,
) -> Option<Place> {
    let opts = &group.options[..];
    let (best, how, _) = best_option(key.cues, opts, Some(context))?;
    // "the St Lawrence River" is no parish of Jersey: a river the data lacks is no town.
    if key.cues & cue::RIVER != 0 && best.kind != PlaceKind::Water {
        return None;
    }
    // "Fulton County", "Pasco County": no town, and no region of a country the story is
    // not in (Peru's Pasco); the gazetteer has no second-level regions to offer.
    if key.cues & cue::COUNTY != 0
        && (best.kind != PlaceKind::Region || !context.has_country(best.country_code))
    {
        return None;
    }
    // Alternate names are translations and old spellings; GeoNames has odd ones ("Hamas"
    // for Hamm, "Wagner" for Talent, Oregon): for a lesser place they count only where
    // the story is in its country and, for a single word, near it or beside the country's
    // name ("near Kobani and Qamishli in northern Syria"). A surname shared with a town's
    // old name is no evidence, however often "US" comes up elsewhere.
    let names_region = names_its_region(&best, opts);
    let well_known = strong(&best, NameMatch::Name)
        || best.feature_code == "PPLA"
        || names_region
        || matches!(
            best.kind,
            PlaceKind::Region | PlaceKind::Water | PlaceKind::Landmark
        );
    if how == NameMatch::Alternate
        && !well_known
        && !(context.has_country(best.country_code)
            && (key.words >= 2
                || context.nearest_km(&best) <= NEAR_KM
                || group
                    .sentences
                    .iter()
                    .any(|s| named_in.contains(&(best.country_code, *s)))))
    {
        return None;
    }
    // "one of the busiest on the East Coast" of a US story is no region of New Zealand
    // (Gisborne, also "East Coast"): a phrase of common words that a place bears as
    // another name needs its country in the story.
    if how == NameMatch::Alternate
        && key.cues & cue::COMMON_PHRASE != 0
        && !context.has_country(best.country_code)
    {
        return None;
    }
    // Inside an organisation's name ("the Kalinga Institute of Medical Sciences in
    // Bhubaneswar") a known place is meant only in the story's part of the world.
    let in_organisation = key.cues & cue::IN_ORGANISATION != 0;
    let known = unique_phrase(key, opts)
        || (known_by_fame(key.cues, &best) && !in_organisation)
        || names_region
        || context.has_country(best.country_code)
        || context.nearest_km(&best) <= NEAR_KM;
    known.then_some(best)
}

/// True for an important place (see [`Place::is_important`]) that needs no context,
/// as named: a city standing for a land feature needs the story's, unless it is a
/// capital ("the Kathmandu Valley"; "the San Fernando Valley" of a story about Los
/// Angeles is no city in the Philippines).
fn known_by_fame(cues: u32, place: &Place) -> bool {
    place.is_important() && (cues & cue::FEATURE == 0 || place.is_capital())
}

/// True for a region's seat that bears the name of a region a reader knows ("Kherson",
/// "Zaporizhzhia"), or for the town a first-level unit is ("Orhei", "Stepanakert"): the
/// name alone would be the region, which needs no context, and the town is the better
/// reading of it (see [`best_option`]), so it needs none either.
fn names_its_region(town: &Place, options: &[(Place, NameMatch)]) -> bool {
    let seat = matches!(town.feature_code, "PPLA" | "PPLA2" | "PPLC")
        && town.population >= SEAT_POPULATION;
    let unit = town.population >= CITY_UNIT_POPULATION;
    town.kind == PlaceKind::Settlement
        && (seat || unit)
        && options.iter().any(|(region, how)| {
            region.kind == PlaceKind::Region
                && *how != NameMatch::Alternate
                && region.is_important()
                && region.country_code == town.country_code
                && {
                    let km = haversine_km(town.lat, town.lon, region.lat, region.lon);
                    (seat && km < SEAT_KM) || (unit && km < CITY_UNIT_KM)
                }
        })
}

fn find_typos(
    gazetteer: &Gazetteer,
    text: &str,
    candidates: &[Candidate],
    first_new: usize,
    out: &mut Vec<PlaceMention>,
) {
    let mut named: Vec<(String, PlaceId)> = Vec::new();
    for mention in out.get(first_new..).unwrap_or(&[]) {
        if named.iter().any(|(_, id)| *id == mention.place) {
            continue;
        }
        if let Some(p) = gazetteer
            .place(mention.place)
            .filter(|p| p.kind != PlaceKind::Country)
        {
            named.push((name_key(p.name), p.id));
        }
    }
    if named.is_empty() {
        return;
    }
    let mut word = String::new();
    for candidate in candidates.iter().filter(|c| c.target == Target::Unknown) {
        word.clear();
        super::normalize::fold_word_into(
            text.get(candidate.start as usize..candidate.end as usize)
                .unwrap_or(""),
            &mut word,
        );
        if let Some(place) = typo_of(gazetteer, &word, candidate.cues, &named) {
            out.push(PlaceMention {
                start: candidate.start,
                end: candidate.end,
                sentence: candidate.sentence,
                place,
            });
        }
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
            // By its own name only: "the White House" is not Casablanca.
            _ if strong(place, how) => true,
            // "the town of Paradise": a kind word vouches for a common word.
            PlaceKind::Settlement => {
                has(cue::SETTLEMENT) || (has(cue::AFTER_LOCATIVE) && place.population >= 50_000)
            }
            PlaceKind::Water | PlaceKind::Landmark => has(cue::AFTER_LOCATIVE) || has(cue::WATER),
        };
        if !ok {
            return false;
        }
    }
    if has(cue::ALL_CAPS) && !place.is_important() {
        return false;
    }
    // "The Tana rises in the Aberdare range": no one writes "the" before a city's other
    // name and a verb after it (Antananarivo, also "Tana").
    if has(cue::AFTER_THE)
        && has(cue::OWN_PHRASE)
        && how == NameMatch::Alternate
        && place.kind == PlaceKind::Settlement
    {
        return false;
    }
    if has(cue::PERSON_NAME)
        || (has(cue::GIVEN_NAME)
            && !has(cue::AFTER_LOCATIVE)
            && match place.kind {
                PlaceKind::Settlement => !place.is_important(),
                // "Karen Bass" is no Kayin State; "Georgia Power" is still the state.
                PlaceKind::Region => how == NameMatch::Alternate,
                _ => false,
            })
        || (has(cue::STREET) && place.kind != PlaceKind::Landmark)
        || (has(cue::VESSEL) && place.kind != PlaceKind::Country)
    {
        return false;
    }
    if (has(cue::AFTER_TITLE) || has(cue::AFTER_NAME) || has(cue::BEFORE_NAME))
        && !strong(place, how)
    {
        return false;
    }
    // "Transnistrian companies": an adjective, unless a kind word follows ("… region")
    // or it is a noun after "the" ("into the Mediterranean").
    if has(cue::ADJECTIVE_SHAPE)
        && how == NameMatch::Alternate
        && !has(cue::REGION | cue::WATER | cue::SETTLEMENT | cue::AFTER_THE)
    {
        return false;
    }
    // A capital may be meant inside an organisation's name ("Kyiv City Council"), never
    // inside a publication's ("The Kyiv Independent").
    if has(cue::IN_PUBLICATION) || (has(cue::IN_ORGANISATION) && !place.is_important()) {
        return false;
    }
    true
}

/// Alternate names are noisy (translations, historic names, `GeoNames` oddities such as
/// "Ben" for Bern): they count only when four letters or longer, and score below names.
fn alternate_worthy(candidate: &Candidate) -> bool {
    candidate.end - candidate.start >= 4
}

/// How near a region's point must be to a city of its name for the region to be the city
/// itself (Moscow's federal city has its point 11 km from the Kremlin; the oblast's lies
/// 80 km away).
const CITY_REGION_KM: f64 = 25.0;

/// The population of a country-level territory up to which it is no country a reader
/// knows (a reef, a shoal, an atoll's garrison).
const UNINHABITED: u32 = 1_000;

/// How far from a region's point its seat may lie and still be the town its name is
/// taken from.
const SEAT_KM: f64 = 100.0;

/// The population that makes a region's seat a town known in its own right.
const SEAT_POPULATION: u32 = 50_000;

/// How near a first-level unit's label point a town of its name must lie for the unit to
/// be the town itself.
const CITY_UNIT_KM: f64 = 5.0;

/// The fewest people a town may have to be the first-level unit around it.
const CITY_UNIT_POPULATION: u32 = 2_000;

/// A town a reader knows by this name: important, and named by its own name.
fn known_town(place: &Place, how: NameMatch) -> bool {
    place.kind == PlaceKind::Settlement && how != NameMatch::Alternate && place.is_important()
}

/// The known towns of `best`'s own name in other countries ("Valencia", Spain and
/// Venezuela; "Birmingham", England and Alabama): where there are any, the name alone
/// does not say where a story is ("Los Ángeles" in Chile is no peer of Los Angeles; nor
/// is a lesser town abroad of a capital: Athens, Georgia, of Athens).
fn rivals<'o>(
    best: &Place,
    how: NameMatch,
    options: &'o [(Place, NameMatch)],
) -> impl Iterator<Item = &'o Place> {
    let best_known = known_town(best, how);
    options
        .iter()
        .filter(move |(p, how)| {
            best_known
                && known_town(p, *how)
                && p.country_code != best.country_code
                && p.name == best.name
                // A capital has no rival in a lesser town abroad: "ATHENS (Reuters)" is
                // no story about Georgia, nor "London" one about Ontario.
                && !(best.is_capital() && !p.is_capital() && p.population < best.population)
        })
        .map(|(p, _)| p)
}

/// The options that have rivals (see [`rivals`]): towns a reader knows as well as a
/// namesake abroad. Empty, and no allocation, for the usual name with one known town.
fn peers(options: &[(Place, NameMatch)]) -> Vec<PlaceId> {
    if options
        .iter()
        .filter(|(p, how)| known_town(p, *how))
        .count()
        < 2
    {
        return Vec::new();
    }
    options
        .iter()
        .filter(|(p, how)| rivals(p, *how, options).next().is_some())
        .map(|(p, _)| p.id)
        .collect()
}

/// The best option for a candidate, with or without context: place, how it was named,
/// score.
fn best_option(
    cues: u32,
    options: &[(Place, NameMatch)],
    context: Option<&Context>,
) -> Option<(Place, NameMatch, i64)> {
    // Towns take no article: "where the Montone burst its banks" names a river the data
    // lacks, not the village of Montone ("the Hague", "the Bronx" are known cities; in
    // "the Toretsk and Siversk directions" the names are the towns).
    if cues & cue::OWN_PHRASE != 0
        && cues & (cue::REGION | cue::SETTLEMENT) == 0
        && options
            .iter()
            .all(|(p, _)| p.kind == PlaceKind::Settlement && !p.is_important())
    {
        return None;
    }
    if let [(place, how)] = options {
        // Nothing to choose between: no scoring (the context density is the costly part).
        return Some((*place, *how, 0));
    }
    let peers = peers(options);
    let scored = options.iter().map(|(place, how)| {
        let peer = peers.contains(&place.id);
        (*place, *how, score(cues, place, *how, context, peer))
    });
    let best = scored
        .clone()
        .max_by_key(|&(place, _, score)| (score, std::cmp::Reverse(place.id)))?;
    // "the Moscow region": where a city is a region of its own (Moscow, Sevastopol) and
    // the region around it bears the same name, a region word means the one around it.
    if cues & cue::REGION != 0 && best.0.kind == PlaceKind::Region {
        let city_itself = |region: &Place| {
            options.iter().any(|(p, _)| {
                p.kind == PlaceKind::Settlement
                    && p.is_important()
                    && haversine_km(p.lat, p.lon, region.lat, region.lon) < CITY_REGION_KM
            })
        };
        if city_itself(&best.0)
            && let Some(around) = scored
                .clone()
                .filter(|(p, _, _)| p.kind == PlaceKind::Region && !city_itself(p))
                .max_by_key(|&(place, _, score)| (score, std::cmp::Reverse(place.id)))
        {
            return Some(around);
        }
    }
    if cues & (cue::REGION | cue::COUNTY) == 0 && best.0.kind == PlaceKind::Region {
        // "Emilia-Romagna": where provinces carry their region's name as an alternate, the
        // region that bears it as its own is meant.
        if best.1 == NameMatch::Alternate
            && let Some(own) = scored
                .clone()
                .filter(|(p, how, _)| {
                    p.kind == PlaceKind::Region
                        && *how != NameMatch::Alternate
                        && p.country_code == best.0.country_code
                })
                .max_by_key(|&(place, _, score)| (score, std::cmp::Reverse(place.id)))
        {
            return Some(own);
        }
        // "Authorities in Ravenna": a region named after its seat, a town known in its
        // own right, leaves the bare name to the town ("the province of Ravenna" keeps
        // the region; "Chikwawa", a district seat of 7,000 people, is the district).
        let seat = |(p, how): &&(Place, NameMatch)| {
            p.kind == PlaceKind::Settlement
                && *how != NameMatch::Alternate
                && matches!(p.feature_code, "PPLA" | "PPLA2" | "PPLC")
                && p.population >= SEAT_POPULATION
                && p.country_code == best.0.country_code
                && haversine_km(p.lat, p.lon, best.0.lat, best.0.lon) < SEAT_KM
        };
        // "Stepanakert", "Orhei": a first-level unit that is a town (Natural Earth's city
        // units and municipalities, in Azerbaijan, Moldova, Slovenia …), its label point
        // within 5 km of a town of that name of 2,000 people or more (the nearest), is the
        // town, however few people the data gives it (Khankendi's 2,100); not a
        // department or county whose label falls in a village of its name (Corrèze, Louth).
        let km = |p: &Place| haversine_km(p.lat, p.lon, best.0.lat, best.0.lon);
        let nearest_city = || {
            options
                .iter()
                .filter(|(p, _)| {
                    p.kind == PlaceKind::Settlement
                        && p.population >= CITY_UNIT_POPULATION
                        && p.country_code == best.0.country_code
                        && km(p) < CITY_UNIT_KM
                })
                .min_by(|a, b| km(&a.0).total_cmp(&km(&b.0)))
        };
        if let Some((town, how)) = options.iter().find(seat).or_else(nearest_city) {
            return Some((
                *town,
                *how,
                score(cues, town, *how, context, peers.contains(&town.id)),
            ));
        }
    }
    // "crossed the Dnipro", "east of the Mississippi": with an article and no kind word,
    // a river of that name is meant rather than a town or a region ("the Dnipro city
    // council" keeps the city; "the Kyiv authorities", with no river of that name, are
    // untouched).
    let article_only = cues & cue::AFTER_THE != 0 && cues & (cue::REGION | cue::SETTLEMENT) == 0;
    if article_only && matches!(best.0.kind, PlaceKind::Settlement | PlaceKind::Region) {
        let river = scored
            .filter(|(place, _, _)| place.kind == PlaceKind::Water)
            .max_by_key(|&(place, _, score)| (score, std::cmp::Reverse(place.id)));
        return river.or(Some(best));
    }
    Some(best)
}

/// What a town gains from lying in a first-level region the story names: more than a
/// state capital's prior over a county seat's (Augusta, Maine and Augusta, Georgia).
const IN_NAMED_REGION: i64 = 300;

/// What a river's bare name loses without "the" or "river" (see [`score`]).
const BARE_RIVER: i64 = 500;

/// How well `place` fits a candidate: its prior, the kind words and the context; `peer`
/// is true for a town known by the name as well as one abroad (see [`peers`]).
fn score(cues: u32, place: &Place, how: NameMatch, context: Option<&Context>, peer: bool) -> i64 {
    let has = |flag: u32| cues & flag != 0;
    let mut score = i64::from(place.prior);
    score += match place.kind {
        PlaceKind::Region if has(cue::REGION | cue::COUNTY) => 3000,
        PlaceKind::Water if has(cue::WATER) => 3000,
        PlaceKind::Settlement if has(cue::SETTLEMENT) => 1000,
        // A bare name is the city rather than the region named after it ("Kharkiv",
        // "New York"), and the country rather than its capital ("Luxembourg"); a small
        // town does not beat a famous region ("California", Maryland). Natural Earth's
        // all but uninhabited territories (Scarborough Shoal; its "Spratly Islands",
        // filed under Wake Island) are no such countries: the curated reef or islands are
        // meant.
        PlaceKind::Country if !has(cue::REGION) && place.population > UNINHABITED => 300,
        PlaceKind::Settlement if !has(cue::REGION) && place.is_important() => 300,
        _ => 0,
    };
    if how != NameMatch::Alternate {
        score += 100;
        // A hand-curated landmark by its own name beats a city that bears the name only
        // in translation ("White House", Casablanca's Spanish meaning). Not rivers: a
        // town named after its river is meant where no "river" follows ("Desna").
        if place.curated && place.kind == PlaceKind::Landmark {
            score += 600;
        }
    }
    // English names a river with "the" ("the Severn burst its banks"): a bare name
    // without it, and without "river", is a town of that name where there is one
    // ("Severn, Maryland", "Maumee and Toledo").
    if place.kind == PlaceKind::Water
        && place.feature_code == "STM"
        && !has(cue::WATER | cue::RIVER | cue::AFTER_THE)
    {
        score -= BARE_RIVER;
    }
    // Fame: a capital or a city of millions beats obscure namesakes unless the text or
    // the story says otherwise ("New York" is not the Donetsk village of that name).
    // Fame goes with the name a place is known by: Hong Kong's historic "Victoria" does
    // not make Hong Kong beat the capital of the Seychelles. A namesake that is known too
    // is as famous: Valencia's 1.6 million in Venezuela do not make the Spanish city, of
    // 800,000, obscure, and the story decides between them.
    if place.kind == PlaceKind::Settlement && (strong(place, how) || peer) {
        score += 600;
    }
    if let Some(context) = context {
        if context.has_country(place.country_code) {
            score += 400;
        }
        if is_local(place) && context.regions.contain(place) {
            score += IN_NAMED_REGION;
        }
        score += (800.0 * context.density(place)) as i64;
    }
    score
}

/// The named place `word` misspells, if any. A word that only adds a letter at the end
/// is a derived form ("Transnistrian", "Kyivan"), a place only before a region word; a
/// word in an adjective's ending ("Chilean") misspells no place that lacks it.
fn typo_of(
    gazetteer: &Gazetteer,
    word: &str,
    cues: u32,
    named: &[(String, PlaceId)],
) -> Option<PlaceId> {
    if word.len() < 6 {
        return None;
    }
    // "Chilean" is an adjective, not a misspelt "Chillán".
    let adjective = |w: &str| {
        ["ian", "ean", "ese", "ish"]
            .iter()
            .find(|s| w.ends_with(*s))
    };
    let (_, place) = named.iter().find(|(key, _)| {
        within_one_edit(word, key)
            && if word.starts_with(key.as_str()) {
                cues & cue::REGION != 0
            } else {
                adjective(word).is_none_or(|suffix| key.ends_with(suffix))
            }
    })?;
    // The dictionary check comes last: it is the costly one, and few words get this far.
    (!gazetteer.is_common_word(word)).then_some(*place)
}

/// True when two folded names are spellings of one word: within one edit, or sharing
/// their first five letters and about their length ("zaporizhzhya", "zaporizhzhia"; not
/// "bihar sharif", "bihar").
fn spelling_variant(a: &str, b: &str) -> bool {
    within_one_edit(a, b)
        || (a.len() >= 5
            && b.len() >= 5
            && a.len().abs_diff(b.len()) <= 2
            && a.get(..5) == b.get(..5))
}

/// True when `a` and `b` differ by at most one insertion, deletion, substitution or
/// transposition of adjacent characters.
fn within_one_edit(a: &str, b: &str) -> bool {
    if a.len().abs_diff(b.len()) > 4 {
        return false; // Cheap reject: one edit changes a UTF-8 length by at most 4 bytes.
    }
    if a.is_ascii() && b.is_ascii() {
        return one_edit(a.as_bytes(), b.as_bytes());
    }
    let a: Vec<char> = a.chars().collect();
    let b: Vec<char> = b.chars().collect();
    one_edit(&a, &b)
}

fn one_edit<T: PartialEq>(a: &[T], b: &[T]) -> bool {
    let (short, long) = if a.len() <= b.len() { (a, b) } else { (b, a) };
    let prefix = short.iter().zip(long).take_while(|(x, y)| x == y).count();
    match long.len() - short.len() {
        0 => {
            let rest_equal = |from: usize| short.get(from..) == long.get(from..);
            prefix == short.len()
                || rest_equal(prefix + 1)
                || (short.get(prefix) == long.get(prefix + 1)
                    && short.get(prefix + 1) == long.get(prefix)
                    && rest_equal(prefix + 2))
        }
        1 => short.get(prefix..) == long.get(prefix + 1..),
        _ => false,
    }
}

const EARTH_RADIUS_KM: f64 = 6371.0088;

/// Great-circle distance in kilometres.
fn haversine_km(lat1: f64, lon1: f64, lat2: f64, lon2: f64) -> f64 {
    let (p1, p2) = (lat1.to_radians(), lat2.to_radians());
    let dp = p2 - p1;
    let dl = (lon2 - lon1).to_radians();
    let a = (dp / 2.0).sin().powi(2) + p1.cos() * p2.cos() * (dl / 2.0).sin().powi(2);
    2.0 * EARTH_RADIUS_KM * a.sqrt().min(1.0).asin()
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

    /// The cheap context distance stays close to the great circle where it matters.
    #[test]
    fn context_distance_approximates_the_great_circle() {
        let g = Gazetteer::embedded();
        let place = |name: &str| g.place(g.lookup(name)[0].0).unwrap();
        let (kyiv, kharkiv, shebekino) = (place("Kyiv"), place("Kharkiv"), place("Shebekino"));
        let mut context = Context::default();
        context.add_point(&kyiv, 1.0);
        for p in [kharkiv, shebekino] {
            let exact = haversine_km(kyiv.lat, kyiv.lon, p.lat, p.lon);
            let approx = context.nearest_km(&p);
            assert!(
                (approx - exact).abs() / exact < 0.03,
                "{}: {approx} vs {exact}",
                p.name
            );
        }
    }

    /// "Paris, Texas" is the town in Texas; a bare "Paris" in the same text stays France.
    #[test]
    fn a_town_before_its_state_is_the_town_in_that_state() {
        let g = Gazetteer::embedded();
        let text = b" date 2023-06-01 Flooding hit Paris, Texas, while Paris itself stayed dry.";
        let article = crate::article::parse("t.txt".as_ref(), text.to_vec(), None)
            .unwrap()
            .article;
        let found: Vec<String> = crate::extract::extract(&article, g)
            .events
            .iter()
            .map(|e| {
                let p = g.place(e.place).unwrap();
                format!("{} {}", p.name, p.country_str())
            })
            .collect();
        assert_eq!(found, ["Paris US", "Texas US", "Paris FR"]);
    }

    /// A capital before a comma and a possessive or a phrase stays the capital: only an
    /// area that closes the phrase re-reads the town.
    #[test]
    fn a_capital_before_an_unrelated_country_stays_put() {
        let g = Gazetteer::embedded();
        for text in [
            " date 2023-06-01 In Paris, Russia's envoy was summoned.",
            " date 2023-06-01 In Moscow, US officials met on Friday.",
            " date 2023-06-01 In Berlin, Russia said nothing, and Paris, France agreed.",
        ] {
            let article = crate::article::parse("t.txt".as_ref(), text.as_bytes().to_vec(), None)
                .unwrap()
                .article;
            for e in crate::extract::extract(&article, g).events {
                let p = g.place(e.place).unwrap();
                assert!(
                    p.kind != PlaceKind::Settlement || p.is_capital(),
                    "{text}: {} {}",
                    p.name,
                    p.country_str()
                );
            }
        }
        let belgorod = g.place(g.lookup("Belgorod")[0].0).unwrap();
        let region = g
            .lookup("Belgorod")
            .iter()
            .filter_map(|(id, _)| g.place(*id))
            .find(|p| p.kind == PlaceKind::Region)
            .unwrap();
        assert!(
            contains(&region, &belgorod),
            "{} in {}",
            belgorod.admin1,
            region.name
        );
    }

    /// "the Moscow region" is the oblast around the city, not the federal city that is a
    /// region of its own; a bare "Moscow" stays the city.
    #[test]
    fn a_region_word_means_the_region_around_a_city_that_is_one() {
        let g = Gazetteer::embedded();
        let text = " date 2023-06-01 Drones were shot down over the Kaluga and Moscow regions, \
                    and near Moscow.";
        let article = crate::article::parse("t.txt".as_ref(), text.as_bytes().to_vec(), None)
            .unwrap()
            .article;
        let moscows: Vec<Place> = crate::extract::extract(&article, g)
            .events
            .iter()
            .filter_map(|e| g.place(e.place))
            .filter(|p| p.name == "Moscow")
            .collect();
        let kremlin = (55.752, 37.618);
        let far = |p: &Place| haversine_km(p.lat, p.lon, kremlin.0, kremlin.1);
        assert_eq!(moscows.len(), 2, "{moscows:?}");
        assert!(
            moscows
                .iter()
                .any(|p| p.kind == PlaceKind::Region && far(p) > 50.0)
        );
        assert!(
            moscows
                .iter()
                .any(|p| p.kind == PlaceKind::Settlement && p.is_capital())
        );
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
