//! The gazetteer: 222k places with their names, and finding them in text.
//!
//! # Data
//! Countries and first-level regions (Natural Earth), populated places (`GeoNames`
//! `cities500`, alternate names and transliterations included), a hand-curated
//! supplement of water bodies, landmarks and villages, and US counties (Census) and
//! airports (`airportsdata`), each under its full name only ("Buncombe County",
//! "Hatay Airport"; see `assets/README.md`). The
//! build script folds every name with [`normalize::name_key`] and writes an `fst` map
//! from key to candidate places plus fixed-size records ([`layout`]); both are embedded
//! in the binary, so [`Gazetteer::embedded`] is ready in microseconds and nothing is
//! read from disk.
//!
//! Why `fst` and not aho-corasick: an automaton over ~470k keys takes seconds to build
//! and cannot be serialised, while an `fst` map is built once at compile time and
//! walked in place. The matcher walks it word by word from each capitalised token, so
//! multi-word names ("Novaya Tavolzhanka", "Sea of Azov", "Belgorod region") are found
//! by longest match.
//!
//! # Resolving mentions ([`find_places`])
//! A reader decides which place a name means, and whether it is a place at all. The
//! rules, in the order they apply:
//! 1. *Shape.* A mention starts with a capital letter. Country abbreviations (UK, US,
//!    UAE) come from a case-sensitive table. Other words of up to four capitals are
//!    acronyms ("NATO", "IAEA"), except a wire dateline's places opening their sentence
//!    before a comma ("KYIV, June 5 (Reuters) -", "WARSAW/KYIV, Aug 2") and the first word
//!    of a longer name ("JFK Airport", "NEW YORK"); longer all-caps words are places
//!    only when important ("MOSCOW"). Possessives are dropped ("Kyiv's" → Kyiv), unless
//!    the data spells a name of several words with its "s" ("St George's", "King's
//!    Lynn", "St. John's"); an
//!    apostrophe for a soft sign before a hyphen stays in the name ("Ust’-Kut"). The
//!    tail of a hyphenated name the data lacks, joined by a particle ("-sur-", "-on-"),
//!    is no place ("Lebel-sur-Quévillon" is not Quevillon in Normandy; "Warsaw-to-Kyiv"
//!    is two places); nor is either word of a name joined by a spaced particle or an
//!    Arabic article ("Lagoa dos Patos", "Lula da Silva", "Abdel Fattah al-Sisi") where
//!    the data lacks the whole ("Rio de Janeiro" is found whole). A name of several
//!    words ends on no lower-case function word ("lent to California by the province"
//!    is not "California by", an alternate name of California City).
//! 2. *False friends.* A single-word name that is a common English word ("Summit",
//!    "Union", "Over") is a place only when important (a country, a capital, a city of
//!    a million) or right after a locative preposition, for a town of 50,000 ("in
//!    Nice"); a town of any size is one there, after a locative or before the region's
//!    name, where the story names the first-level region it lies in ("In Hazard, the
//!    river rose" in a story on Kentucky; "Hazard, Kentucky"). One written with
//!    accents is no English word ("Réunion", "Ełk"). Demonyms
//!    ("Ukrainian"), month and weekday names, and organisation words are never places;
//!    nor are "El Niño" and "La Niña".
//!    A name inside a person's name is dropped: after a lower-case word and two names
//!    ("said Juan Pablo Lagos", however big a city Lagos is), after a title
//!    ("President", "Mr") or
//!    glued to another capitalised non-place word ("Vladimir Putin", "Maia Sandu"), or
//!    opening a sentence before ", who" ("Reynolds, who toured Cedar Rapids").
//!    A name inside an organisation's title ("Freedom of Russia Legion", "Wall Street
//!    Journal"), of a facility or an institution ("Walters Dam", "Stanton Territorial
//!    Hospital", "Chatham House") or of a feature ("Cape of Good Hope", "Vale of
//!    Tempe") is dropped too, unless the place is important (a
//!    capital or large city: "Kyiv City Military Administration" speaks of Kyiv) and
//!    lies in the story's part of the world (the Kalinga Institute in Bhubaneswar is
//!    not the Philippine province); it vouches for its country only where the rest of
//!    the story names that country, or none ("The Texas Department of Public Safety …
//!    near Uvalde"); inside a publication's title
//!    ("The Moscow Times", "the Kyiv Independent") it is dropped even then. A name
//!    right after a kind of ship ("the cruiser Moskva", "the submarine Kursk") or a
//!    navy's ship prefix ("the BRP Sierra Madre", "USS Ohio") is the ship's, and so is
//!    the name again elsewhere in the story unless a kind word or a locative says a
//!    place is meant ("The Dali had left Baltimore"; "protests in Dali" is the town);
//!    one before "crude" is an oil grade's ("Brent crude", "Urals crude"). A name after a
//!    capitalised "Hurricane", "Typhoon" or "Cyclone", or "Storm" opening the sentence or
//!    after "Tropical", "Winter" or "the", is the storm's, and so is the name alone
//!    elsewhere in the story ("Hurricane Otis … Otis made landfall") unless a locative or
//!    a kind word says a place is meant ("roads in Florence"). A
//!    sentence's opening "The" before a lower-case word is an article, not the start of
//!    a name ("The city of Kherson" is not "The City", London; "The Hague" is a name).
//!    A given name before an Arabic surname's article is a person's ("said Salem
//!    al-Faitouri", however big Salem, Oregon is); so is a lesser town (not a capital, under
//!    100,000 people), or a region reached by an alternate name, named like a common
//!    given name (of the US census list) before another capitalised word that may be a
//!    surname, a common word or a surname-like title too ("Donald Trump", "Amanda
//!    Cardinal"; "Karen Bass" is no Kayin State, while "Georgia Power" is never the
//!    country; not "Erwin Mayor Glenn White", "Donald River", nor after "in"). A name and
//!    a surname before an age are a person ("said Shiraz Mallah, 38,"), and so is a name
//!    hyphened to a given name before a surname ("François-Xavier Bieuville"). A surname
//!    after a given name stays the person's in the rest of the story ("Lloyd Austin …
//!    Austin said"), unless a kind word or a locative says a place is meant ("spoke in
//!    Austin"); a country's name is never dropped so. A lesser place between a demonym and
//!    a common noun names a product ("American Bradley fighting vehicles").
//!    A kind word vouches for a common word: "the town of Paradise", "the mayor of Nice".
//! 3. *Alternate names* (translations, transliterations and old spellings such as Kiev,
//!    Kishinev, Artemovsk, Avdiivka) count only with at least four letters, so `GeoNames`'
//!    noisy variants ("Ben" for Bern) cannot fire, and rank below a place's own name.
//!    In Arabic-speaking countries a name without its article is an alternate too
//!    ("Qamishli" for Al Qamishli, "Arish" for El Arish), as news writes them, and the
//!    article is indexed as both "al" and "el" ("Deir al-Balah" for Deir el-Balah).
//!    A phrase of common words that a place bears as another name needs that place's
//!    country in the story ("the East Coast" of a US story is not Gisborne, New Zealand).
//!    Fame goes with a place's own name: a capital reached by an old name (Hong Kong's
//!    "Victoria"), or a city of millions by a translation (Casablanca's "White House"),
//!    does not outrank the places that bear it; a curated landmark by its own name
//!    beats such a city outright. Fame is no tie-breaker between towns of one name
//!    that a reader knows in two countries (important, by that very name: "Valencia"
//!    in Spain and Venezuela, "Birmingham" in England and Alabama): each counts as
//!    famous, each country and point enters the story's context for a share, and the
//!    story decides ("south of Valencia … Paiporta" is Spain's). A lesser place (not a
//!    capital or regional capital, under a million people) named by a single-word
//!    alternate needs its country in the story *and* either a story place within 500 km
//!    or its country named in the same sentence ("near Kobani and Qamishli in northern
//!    Syria"): "Wagner", an old name of Talent, Oregon, stays the mercenary group however
//!    often "US" comes up.
//! 4. *Kind.* "X region/oblast/province/territory", "region/state/district/prefecture of
//!    X", "governor of X" and "X
//!    governor" and "upstate X" mean the region; "X River" the river, and where the data
//!    has no river (or capitalised "X Lake", "X Reservoir": no lake; or a lower-case
//!    "river" that ends its phrase, "the Savio river overflowed") of that name no town
//!    stands for it ("the St Lawrence River" is no parish of Jersey, "the Barrington Lake fire" no
//!    town in Rhode Island); nor for a capitalised "Lake" before the name ("Lake
//!    Champlain" is no village of Champlain), a stream's "Creek", "Brook", "Branch",
//!    "Fork" or "Bayou" after it ("the Stevens Branch"), or a name in "River", "Lake" or
//!    "Creek" after "the", which the data has only as a town ("the Black River swept
//!    through Ludlow" is no town in New York). A land feature's noun after the name, capitalised or after
//!    "the" ("Eaton Canyon", "the Jacuí delta", "the Aberdare range", "Miyako Island"),
//!    or "Mount" before it, makes it a feature no lesser town stands for (a capital or a
//!    city of 100,000 may: "the Kathmandu Valley", "the Las Vegas Valley", though such a
//!    city, not a capital, needs the story's context: "the San Fernando Valley" in a
//!    story about Los Angeles is no city in the Philippines); a region
//!    word makes it no river ("the Evros region" is not the Maritsa, also called Evros);
//!    "canton of" and "department of" are region words. Otherwise a
//!    settlement is
//!    preferred over a region of the same name ("Dnipro" the city, "Belgorod" the city).
//!    A lower-case "the" (or a sentence's opening "The") with no kind word, where the name ends its phrase, makes a
//!    river of the name win over a town ("crossed the Dnipro near Kherson"), since
//!    towns take no article; not before a noun ("the Dnipro mayor"), and it never turns
//!    a city into a region ("the Kyiv authorities"). Where the name ends its phrase so (a verb,
//!    a preposition or a stop follows, not a conjunction), no river of the name is in the
//!    data and the name has only lesser towns, it is no place at all ("where the Montone burst its banks", "along the
//!    Drava and the Mura in Međimurje county"; "the Toretsk and Siversk directions" are
//!    towns), nor is a city named so by another of its names ("The Tana rises in the
//!    Aberdare range" is not Antananarivo). A verb's auxiliary ends the phrase
//!    ("banks of the Dnipro are under water"), and so does a verb in the past ("the
//!    Santerno broke its banks", "the Lamone flooded"); "river" before the name marks the
//!    river too ("the river Dnipro"); so does a river the data knows only as "X River"
//!    ("east of the Mississippi" is the river, not the state). English names a river
//!    with "the": a river's bare name without it (or "river") is a town of that name where
//!    there is one ("Residents of Severn, Maryland", "Maumee and Toledo"). After "the" (or "the eastern"), a name shaped
//!    like an adjective is a noun: "into the Mediterranean" is the sea, while "the
//!    Mediterranean coast" needs the context. "X exclave/enclave" is a region. Names
//!    listed before "rivers" are rivers ("the Jacuí, Taquari and Sinos rivers"). Where a
//!    city is a region of its own and the region around it has the same name (Moscow),
//!    "the Moscow region" is the one around it. An apposition names the kind too:
//!    "Zaporizhzhia, the regional capital" and "Paradise, a town in …" are settlements,
//!    "Kherson, the southern region" a region (the first kind noun among the next four
//!    lower-case words; not after an opening "In X," nor a phrase that follows one, as in
//!    "In Abilene, in West Texas, the city shut down"). Where the story names a region with its kind word ("Hatay
//!    province"), its bare name means the region, not a city that bears it only as an
//!    alternate name (Antakya, also "Hatay"); a city known by that very name keeps it
//!    ("Belgorod region … shells hit Belgorod"); so does it where the city lies in the
//!    region ("Bihar" is the state, not Bihar Sharif). A region by its own name beats
//!    regions of its country that carry the name as an alternate (Natural Earth's
//!    provinces carry their region's: "Emilia-Romagna" is not the province of Ravenna).
//!    A region named after its seat, a town of 50,000 people or more within 100 km,
//!    leaves its bare name to the town ("Authorities in Ravenna"; "Chikwawa", a seat of
//!    7,000, stays the district). A first-level unit whose label point lies within 5 km
//!    of a town of its name of 2,000 people or more is that town, however few people the
//!    data gives it (Natural Earth's city units and municipalities: "Orhei",
//!    "Stepanakert", filed as Khankendi with 2,100), and the town needs no context; a
//!    department whose label falls in a village of its name (Corrèze) stays the region.
//!    A plural kind noun before "such as", "including",
//!    "like" or "of", or a comma before a list ("the two provinces, Hatay and Adana,"),
//!    gives its kind to every name of the list after it ("states such as
//!    Sokoto and Katsina" and "the provinces of Ravenna and Bologna" are regions,
//!    "cities like Lviv and Dnipro" cities).
//!    A bare name is a first-level region rather than a city of that name (not a
//!    capital or a city of millions) that lies abroad while the region lies in a country
//!    of the story, unless the story's other places lie around the city ("southern
//!    Ontario" in a story about Canada; Ontario among Pomona and Fontana is the
//!    Californian city), or that is known as "X City" and lies in the region X ("Quebec"
//!    is the province). A name before "Road", "Street",
//!    "Avenue", "Boulevard" or "Lane" is a street's, not the place's ("along Salah
//!    al-Din Road"), unless the whole phrase is a landmark of the data; a lower-case
//!    "road" leads to the place ("queues on the Chonhar road").
//! 5. *Context.* Countries named in the article, and the unambiguous important places
//!    it names, form its context. Among candidates the one in a context country, or
//!    nearest to a context place, wins ("Maslovo" near Belgorod rather than in Crimea;
//!    "Washington" the US capital). A minor place (not a capital, under 100k people)
//!    whose country is not in the context and which lies over 500 km from every context
//!    place is rejected as a probable false friend, unless it is named by a phrase of
//!    several words that no other place bears ("Novaya Tavolzhanka") and that are not
//!    all common English words ("Big Bend" needs context like any single word).
//!    Once the story's places are read, a lesser town over 500 km from all the others
//!    (250 km for a phrase of common words) is dropped unless the story names the
//!    first-level region it lies in, or a mention says it is a place: for a village
//!    (under 5,000 people) a kind word ("the town of X"), for a town that shares its name
//!    with other towns a locative too ("in X"; a town no other town is named like
//!    stays). Where the story names no other place, a village or shared name is dropped
//!    when the story names a country other than its own ("Wagner fighters have left
//!    Belarus, US officials said"). "Wagner
//!    fighters" in a story about Russia that names the US is not Wagner, South Dakota;
//!    "the Eaton fire" in Los Angeles is not Eaton, Ohio; "Florida's Big Bend" is not a
//!    village in Wisconsin.
//!    "X County" is a county. The data has the US counties under their full names
//!    ("Pasco County", "Acadia Parish"), and a name of a list before "counties" is the
//!    county of that name where there is one ("through Davidson and Sumner counties");
//!    among namesakes the one in a state the story names wins, and a county joins the
//!    story's context for its country but not as a point (its centroid says less of
//!    where the story is than a town's position). Elsewhere the data has only
//!    first-level regions: "X County" is read only as a region of a country the story
//!    is in by other evidence ("Nakuru County" is no town), and never as a town.
//!    A city that bears a name only as an alternate (GeoNames also calls Changchun
//!    "Cancun") does not vouch for its country where a known town bears the name as its
//!    own: the story decides, and "Cancun" in a story about Mexico is Cancún. The short
//!    name of an ocean or a sea ("over the Atlantic", "a warm Atlantic") is never a
//!    lesser town (Atlantic, Iowa) unless a kind word says so.
//!    Natural Earth's all but uninhabited territories (1,000 people or fewer: Scarborough
//!    Shoal, and the "Spratly Islands" it files under Wake Island) are not countries a
//!    reader knows: the curated reef or islands of that name are meant.
//!    A country's name that is also a region of another country ("Georgia") means the
//!    region where the story names a place inside that region, or another first-level
//!    region of its country, and nothing inside the country (a story about Atlanta;
//!    "from Florida into Georgia"). A town in a first-level region the story names
//!    is preferred to its namesakes elsewhere ("Augusta" beside Georgia the state is not
//!    Maine's capital), and an important town whose name towns abroad also bear (not a
//!    capital or a city of millions) adds nothing to the context where the story is in
//!    another country and names the region one of those towns lies in ("downtown
//!    Newport" in a story naming Tennessee is not the Welsh city; "St Petersburg" beside
//!    Florida is not Russia's): it would otherwise vouch for its own reading.
//!    A town, a comma and its region or country closing the phrase ("Atlanta,
//!    Georgia,", "Paris, Texas.", "Poti, Georgia,") name one place: the pair is read
//!    with the second holding the first, whatever the context says of either name
//!    alone; the town may only be re-read by its own name, not an alternate one. So do
//!    a town and its county ("Jackson, in Breathitt County,"; a county holds the towns
//!    within 40 km of its centre), a county and its state ("Taylor County, Florida,"),
//!    and a town described ("Perry, a small town in Taylor County,"); pairs are read
//!    right to left, the outer area first, and the story's other mentions of the town
//!    by that name follow it, unless the name alone is a capital or a city of millions
//!    ("Paris, Texas, while Paris itself stayed dry"). Not
//!    "In Moscow, US officials …" or "In Paris, Russia's envoy …". A country read by
//!    another language's name for it before a country is a town of the second ("Granada,
//!    Spain" is not Grenada), if a reader knows the town and the first name opens no
//!    list ("India, China, Mexico").
//!    A name written with letters outside ASCII is read among the towns spelt exactly so,
//!    where there are any ("Los Ángeles" is the Chilean city, not California's; Romanian
//!    comma-below and cedilla letters count as one).
//!    The towns of a list ("Shahat, Susa and Al Marj") lie together: a member read over
//!    300 km from all the others, which lie within 300 km of each other, takes a
//!    reading of its name near them (Libya's Susa, not Tunisia's Sousse, though the story
//!    names Tunis); a capital or a city of millions is never moved ("London, Paris and
//!    Washington").
//! 6. *Typos.* A capitalised word one edit away from a place the article names
//!    elsewhere is that place ("Vilinius" → Vilnius), unless it ends like an adjective
//!    and the place does not ("Chilean" is no misspelt Chillán).
//!
//! # Limits
//! No coreference ("the capital", "the city"), no demonym-to-country mapping, no
//! detection of metonymy ("Moscow said" is Moscow), no dependency parsing: a name in a
//! person's or organisation's title is found by capitalisation patterns only. Villages
//! missing from `GeoNames` `cities500` (under 500 people) are not found unless the
//! supplement has them, nor are second-level regions (counties, districts) outside the
//! US, nor airports without scheduled flights.

pub mod layout;
pub mod lexicon;
mod matcher;
pub mod normalize;
mod place;
mod resolver;

pub use matcher::{Candidate, find_candidates};
pub use place::{Place, PlaceId, PlaceKind};
pub use resolver::{PlaceMention, find_places};

use layout::{COUNT_BITS, PlaceRecord, RECORD_LEN};
use std::sync::OnceLock;

static NAMES_FST: &[u8] = include_bytes!(concat!(env!("OUT_DIR"), "/names.fst"));
static PLACES: &[u8] = include_bytes!(concat!(env!("OUT_DIR"), "/places.bin"));
/// The names, concatenated: text, so that a name is a slice, checked once at compile time.
static STRINGS: &str = include_str!(concat!(env!("OUT_DIR"), "/strings.bin"));
static POSTINGS: &[u8] = include_bytes!(concat!(env!("OUT_DIR"), "/postings.bin"));
static COMMON_WORDS: &[u8] = include_bytes!(concat!(env!("OUT_DIR"), "/common_words.fst"));

/// How a key names a place (see [`layout::HOW_NAME`] and friends).
#[derive(Clone, Copy, Debug, PartialEq, Eq, PartialOrd, Ord)]
pub enum NameMatch {
    /// The place's own name or its ASCII form.
    Name,
    /// A `GeoNames` or Natural Earth alternate name.
    Alternate,
    /// A curated alias of this project.
    Alias,
}

/// The embedded gazetteer: place records and the name index.
pub struct Gazetteer {
    names: fst::Map<&'static [u8]>,
    common_words: fst::Set<&'static [u8]>,
    countries: Vec<([u8; 2], PlaceId)>,
}

impl Gazetteer {
    /// The gazetteer embedded in the binary, opened on first use.
    ///
    /// # Panics
    /// Never for a built binary: the index is made by `build.rs` and checked by the
    /// `embedded_index_opens` test.
    ///
    /// # Examples
    /// ```
    /// let gazetteer = dateline::gazetteer::Gazetteer::embedded();
    /// assert!(gazetteer.len() > 150_000);
    /// ```
    #[expect(
        clippy::expect_used,
        reason = "embedded assets; `embedded_index_opens` tests them"
    )]
    pub fn embedded() -> &'static Self {
        static GAZETTEER: OnceLock<Gazetteer> = OnceLock::new();
        GAZETTEER.get_or_init(|| Self::open().expect("the embedded gazetteer index is valid"))
    }

    /// Opens the embedded index afresh, without the process-wide cache of [`Self::embedded`]
    /// (what start-up costs; used by the benchmarks).
    pub fn open() -> Result<Self, fst::Error> {
        let names = fst::Map::new(NAMES_FST)?;
        let common_words = fst::Set::new(COMMON_WORDS)?;
        let mut gazetteer = Self {
            names,
            common_words,
            countries: Vec::new(),
        };
        // Countries come first in the data; stop at the first non-country row.
        let countries: Vec<([u8; 2], PlaceId)> = (0..gazetteer.len())
            .map_while(|i| {
                let id = PlaceId(i as u32);
                let place = gazetteer.place(id)?;
                (place.kind == PlaceKind::Country).then_some((place.country_code, id))
            })
            .filter(|(code, _)| code != b"\0\0")
            .collect();
        gazetteer.countries = countries;
        gazetteer.countries.sort_unstable();
        gazetteer.countries.dedup_by_key(|(code, _)| *code);
        Ok(gazetteer)
    }

    /// Number of places.
    pub fn len(&self) -> usize {
        PLACES.len() / RECORD_LEN
    }

    /// True when there are no places (never for the embedded data).
    pub fn is_empty(&self) -> bool {
        self.len() == 0
    }

    /// The place with this id.
    pub fn place(&self, id: PlaceId) -> Option<Place> {
        let start = id.0 as usize * RECORD_LEN;
        let bytes = PLACES.get(start..start + RECORD_LEN)?;
        let record = PlaceRecord::decode(bytes)?;
        Some(Place::from_record(id, &record, STRINGS, bytes))
    }

    /// The country place of an ISO 3166-1 alpha-2 code ("UA").
    pub fn country(&self, code: [u8; 2]) -> Option<PlaceId> {
        self.countries
            .binary_search_by_key(&code, |(c, _)| *c)
            .ok()
            .and_then(|i| self.countries.get(i))
            .map(|(_, id)| *id)
    }

    /// All places whose name, ASCII name, alternate or alias folds to the same key as
    /// `name`, most important first.
    ///
    /// This is a dictionary lookup, not text matching: no context, no false-friend rules.
    ///
    /// # Examples
    /// ```
    /// let g = dateline::gazetteer::Gazetteer::embedded();
    /// let kyiv = g.lookup("Kiev");
    /// assert_eq!(g.place(kyiv[0].0).unwrap().name, "Kyiv");
    /// assert!(g.lookup("Atlantis-upon-Thames").is_empty());
    /// ```
    pub fn lookup(&self, name: &str) -> Vec<(PlaceId, NameMatch)> {
        let key = normalize::name_key(name);
        self.names
            .get(key.as_bytes())
            .map(|v| Self::postings(v).collect())
            .unwrap_or_default()
    }

    /// The candidates stored under an `fst` value.
    pub(crate) fn postings(value: u64) -> impl Iterator<Item = (PlaceId, NameMatch)> {
        let start = (value >> COUNT_BITS) as usize;
        let count = (value & ((1 << COUNT_BITS) - 1)) as usize;
        let bytes = POSTINGS.get(start * 4..(start + count) * 4).unwrap_or(&[]);
        bytes.chunks_exact(4).map(|c| {
            let v = u32::from_le_bytes([c[0], c[1], c[2], c[3]]);
            let how = match v & 3 {
                layout::HOW_NAME | layout::HOW_ASCII => NameMatch::Name,
                layout::HOW_ALTERNATE => NameMatch::Alternate,
                _ => NameMatch::Alias,
            };
            (PlaceId(v >> 2), how)
        })
    }

    /// The raw name index, for the matcher's word-by-word walk.
    pub(crate) fn names_fst(&self) -> &fst::raw::Fst<&'static [u8]> {
        self.names.as_fst()
    }

    /// True when `key` (already folded) is a common English word.
    pub fn is_common_word(&self, key: &str) -> bool {
        self.common_words.contains(key)
    }
}

#[cfg(test)]
mod tests;
