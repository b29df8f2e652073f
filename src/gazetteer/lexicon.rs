//! Small word lists the place rules need, as folded (lower-case) keys.
//!
//! They describe English news prose, not any particular article: titles that precede a
//! person's name, nouns that end an organisation's name, demonyms, the words that mark a
//! region or a river, and the case-sensitive country abbreviations. The large list of
//! common English words lives in `assets/lexicon/common_words.txt` (SCOWL) and is
//! queried through [`super::Gazetteer::is_common_word`].

/// Country abbreviations, matched case-sensitively: `(text, ISO 3166-1 alpha-2)`.
/// Longer forms first so "U.S.A." wins over "U.S.".
pub const COUNTRY_ABBREVIATIONS: &[(&str, [u8; 2])] = &[
    ("U.S.A.", *b"US"),
    ("U.S.", *b"US"),
    ("U.K.", *b"GB"),
    ("USA", *b"US"),
    ("US", *b"US"),
    ("UK", *b"GB"),
    ("UAE", *b"AE"),
    ("DRC", *b"CD"),
    ("PRC", *b"CN"),
    ("DPRK", *b"KP"),
];

/// Titles and roles written before a person's name ("President Putin", "Mr Zelensky").
const PERSON_TITLES: &[&str] = &[
    "adm",
    "admiral",
    "ambassador",
    "archbishop",
    "ayatollah",
    "bishop",
    "brig",
    "capt",
    "captain",
    "cardinal",
    "ceo",
    "chairman",
    "chairwoman",
    "chancellor",
    "chief",
    "col",
    "colonel",
    "commander",
    "commissioner",
    "congressman",
    "congresswoman",
    "correspondent",
    "cpl",
    "dame",
    "deputy",
    "dr",
    "emir",
    "envoy",
    "father",
    "gen",
    "general",
    "gov",
    "governor",
    "judge",
    "justice",
    "king",
    "lady",
    "lieutenant",
    "lord",
    "lt",
    "maj",
    "major",
    "marshal",
    "mayor",
    "metropolitan",
    "minister",
    "miss",
    "mr",
    "mrs",
    "ms",
    "patriarch",
    "pope",
    "premier",
    "pres",
    "president",
    "prime",
    "prince",
    "princess",
    "prof",
    "professor",
    "queen",
    "rabbi",
    "rep",
    "reporter",
    "rev",
    "saint",
    "secretary",
    "sen",
    "senator",
    "sergeant",
    "sgt",
    "sheikh",
    "sir",
    "speaker",
    "spokesman",
    "spokesperson",
    "spokeswoman",
    "sultan",
];

/// Nouns that end an organisation's name ("Freedom of Russia Legion", "Kyiv Post").
const ORGANISATION_HEADS: &[&str] = &[
    "academy",
    "agency",
    "airlines",
    "airways",
    "alliance",
    "arena",
    "army",
    "assembly",
    "association",
    "bank",
    "battalion",
    "brigade",
    "bureau",
    "center",
    "centre",
    "chronicle",
    "church",
    "club",
    "college",
    "command",
    "commission",
    "committee",
    "company",
    "conference",
    "congress",
    "corp",
    "corporation",
    "corps",
    "council",
    "courier",
    "court",
    "dam",
    "department",
    "division",
    "embassy",
    "endowment",
    "fc",
    "federation",
    "fleet",
    "force",
    "forces",
    "forum",
    "foundation",
    "front",
    "fund",
    "gazette",
    "group",
    "guard",
    "guardian",
    "herald",
    "hospital",
    "hotel",
    "house",
    "independent",
    "initiative",
    "inquirer",
    "institute",
    "institution",
    "journal",
    "league",
    "legion",
    "mall",
    "mine",
    "ministry",
    "movement",
    "navy",
    "network",
    "news",
    "observer",
    "office",
    "parliament",
    "party",
    "police",
    "post",
    "press",
    "prison",
    "regiment",
    "school",
    "service",
    "services",
    "society",
    "stadium",
    "telegraph",
    "terminal",
    "times",
    "tribune",
    "union",
    "united",
    "university",
];

/// Nouns that end a newspaper's or news site's name ("The Moscow Times", "Kyiv Post"):
/// the place in such a name is the masthead's, never where the news happened.
const PUBLICATION_HEADS: &[&str] = &[
    "chronicle",
    "courier",
    "gazette",
    "herald",
    "independent",
    "inquirer",
    "journal",
    "observer",
    "post",
    "telegraph",
    "times",
    "tribune",
];

/// Demonyms and other proper adjectives that are never places by themselves.
const DEMONYMS: &[&str] = &[
    "afghan",
    "african",
    "albanian",
    "algerian",
    "american",
    "arab",
    "arabian",
    "argentine",
    "armenian",
    "asian",
    "australian",
    "austrian",
    "azerbaijani",
    "balkan",
    "baltic",
    "belarusian",
    "belgian",
    "bosnian",
    "brazilian",
    "british",
    "bulgarian",
    "canadian",
    "caucasian",
    "chechen",
    "chinese",
    "crimean",
    "croatian",
    "cuban",
    "czech",
    "danish",
    "dutch",
    "egyptian",
    "emirati",
    "english",
    "estonian",
    "ethiopian",
    "european",
    "finnish",
    "french",
    "georgian",
    "german",
    "greek",
    "hungarian",
    "indian",
    "indonesian",
    "iranian",
    "iraqi",
    "irish",
    "israeli",
    "italian",
    "japanese",
    "jordanian",
    "kazakh",
    "kenyan",
    "korean",
    "kurdish",
    "kuwaiti",
    "kyrgyz",
    "latvian",
    "lebanese",
    "libyan",
    "lithuanian",
    "macedonian",
    "malaysian",
    "mexican",
    "moldovan",
    "mongolian",
    "montenegrin",
    "moroccan",
    "nigerian",
    "nordic",
    "norwegian",
    "ottoman",
    "pakistani",
    "palestinian",
    "persian",
    "polish",
    "portuguese",
    "qatari",
    "romanian",
    "russian",
    "saudi",
    "scottish",
    "serbian",
    "slavic",
    "slovak",
    "slovenian",
    "somali",
    "soviet",
    "spanish",
    "sudanese",
    "swedish",
    "swiss",
    "syrian",
    "taiwanese",
    "tajik",
    "tatar",
    "thai",
    "tunisian",
    "turkish",
    "turkmen",
    "ukrainian",
    "uzbek",
    "venezuelan",
    "vietnamese",
    "welsh",
    "yemeni",
];

/// Words that start a sentence without being part of a name ("The", "In", "Meanwhile").
const FUNCTION_WORDS: &[&str] = &[
    "a",
    "about",
    "across",
    "after",
    "against",
    "all",
    "also",
    "although",
    "among",
    "an",
    "and",
    "another",
    "around",
    "as",
    "at",
    "before",
    "behind",
    "between",
    "both",
    "but",
    "by",
    "despite",
    "during",
    "each",
    "earlier",
    "either",
    "elsewhere",
    "even",
    "every",
    "following",
    "for",
    "from",
    "having",
    "he",
    "her",
    "here",
    "his",
    "how",
    "if",
    "in",
    "inside",
    "into",
    "it",
    "its",
    "just",
    "last",
    "later",
    "like",
    "many",
    "meanwhile",
    "more",
    "most",
    "near",
    "neither",
    "next",
    "no",
    "nor",
    "not",
    "now",
    "of",
    "on",
    "once",
    "only",
    "or",
    "our",
    "outside",
    "over",
    "she",
    "since",
    "so",
    "some",
    "still",
    "such",
    "than",
    "that",
    "the",
    "their",
    "then",
    "there",
    "these",
    "they",
    "this",
    "those",
    "though",
    "through",
    "throughout",
    "to",
    "today",
    "tonight",
    "towards",
    "under",
    "unlike",
    "until",
    "up",
    "upon",
    "we",
    "what",
    "when",
    "where",
    "whether",
    "which",
    "while",
    "who",
    "why",
    "with",
    "within",
    "without",
    "yesterday",
    "yet",
];

/// Prepositions after which a capitalised common word is read as a place ("in Nice").
const LOCATIVE_PREPOSITIONS: &[&str] = &[
    "across",
    "around",
    "at",
    "from",
    "in",
    "inside",
    "into",
    "near",
    "outside",
    "through",
    "throughout",
    "to",
    "toward",
    "towards",
    "via",
];

/// Words after a name that make it a region ("Belgorod region", "Kharkiv governor").
const REGION_AFTER: &[&str] = &[
    "district",
    "districts",
    "enclave",
    "exclave",
    "governor",
    "governorate",
    "krai",
    "oblast",
    "oblasts",
    "province",
    "provinces",
    "region",
    "regional",
    "regions",
    "republic",
    "territory",
];

/// Words that, capitalised after a name, make it a street's ("Salah al-Din Road").
const STREET_AFTER: &[&str] = &["avenue", "boulevard", "lane", "road", "street", "streets"];

/// Kinds of ship: a name right after one is the ship's ("the cruiser Moskva", "the
/// submarine Kursk"), not the place it was named after.
const VESSEL_BEFORE: &[&str] = &[
    "carrier",
    "corvette",
    "cruiser",
    "destroyer",
    "flagship",
    "freighter",
    "frigate",
    "icebreaker",
    "ship",
    "submarine",
    "tanker",
    "trawler",
    "vessel",
    "warship",
];

/// Words before "of" that make the next name a region ("region of Belgorod").
const REGION_BEFORE_OF: &[&str] = &[
    "canton",
    "department",
    "district",
    "governor",
    "governorate",
    "oblast",
    "prefecture",
    "province",
    "region",
    "state",
];

/// Words before "of" that make the next name a settlement ("city of Belgorod").
const SETTLEMENT_BEFORE_OF: &[&str] = &[
    "center",
    "centre",
    "city",
    "mayor",
    "outskirts",
    "town",
    "village",
];

/// Words after a name that make it a land feature, no town ("Eaton Canyon", "the Jacuí
/// delta", "Miyako Island").
const FEATURE_AFTER: &[&str] = &[
    "canyon",
    "cliffs",
    "delta",
    "desert",
    "glacier",
    "gorge",
    "hills",
    "island",
    "lagoon",
    "mountains",
    "peninsula",
    "plateau",
    "range",
    "valley",
];

/// Words after a name that make it a water body ("Dnieper River").
const WATER_AFTER: &[&str] = &[
    "bay",
    "estuary",
    "gulf",
    "lake",
    "reservoir",
    "river",
    "sea",
    "strait",
];

/// Word classes, as bit flags: one lookup tells everything the matcher asks of a word.
#[derive(Clone, Copy, Debug, Default, PartialEq, Eq)]
pub struct Class(u32);

impl Class {
    /// A title before a person's name.
    pub const PERSON_TITLE: Self = Self(1);
    /// A noun that ends an organisation's name.
    pub const ORGANISATION_HEAD: Self = Self(1 << 1);
    /// A demonym or similar proper adjective.
    pub const DEMONYM: Self = Self(1 << 2);
    /// A function word that may start a sentence.
    pub const FUNCTION_WORD: Self = Self(1 << 3);
    /// A preposition that introduces a location.
    pub const LOCATIVE: Self = Self(1 << 4);
    /// After a name, marks it as a region.
    pub const REGION_AFTER: Self = Self(1 << 5);
    /// Before "of", marks the next name as a region.
    pub const REGION_BEFORE_OF: Self = Self(1 << 6);
    /// Before "of", marks the next name as a settlement.
    pub const SETTLEMENT_BEFORE_OF: Self = Self(1 << 7);
    /// After a name, marks it as a water body.
    pub const WATER_AFTER: Self = Self(1 << 8);
    /// A month or weekday name.
    pub const CALENDAR: Self = Self(1 << 9);
    /// A compass or qualifying word before a name ("northern", "occupied").
    pub const COMPASS: Self = Self(1 << 10);
    /// After a name, marks it as a settlement ("city", "town", "village").
    pub const SETTLEMENT_AFTER: Self = Self(1 << 11);
    /// A lower-case word allowed inside an organisation's name ("of", "the").
    pub const CONNECTOR: Self = Self(1 << 12);
    /// A feature noun before "of" ("Cape of", "Gulf of").
    pub const FEATURE_BEFORE_OF: Self = Self(1 << 13);
    /// A personal name that is also a well-known place ("Sydney", "Austin").
    pub const PERSONAL_NAME: Self = Self(1 << 14);
    /// A noun that ends a publication's name ("Times", "Post").
    pub const PUBLICATION_HEAD: Self = Self(1 << 15);
    /// Capitalised after a name, makes it a street's ("Salah al-Din Road").
    pub const STREET_AFTER: Self = Self(1 << 16);
    /// A kind of ship, before the ship's name ("cruiser").
    pub const VESSEL_BEFORE: Self = Self(1 << 17);
    /// A common given name ("Donald", "Amanda"; `assets/lexicon/given_names.txt`).
    pub const GIVEN_NAME: Self = Self(1 << 18);
    /// After a name, marks it as a land feature ("Eaton Canyon", "the Tempe valley").
    pub const FEATURE_AFTER: Self = Self(1 << 19);

    /// True when any flag of `other` is set.
    pub fn has(self, other: Self) -> bool {
        self.0 & other.0 != 0
    }
}

impl std::ops::Not for Class {
    type Output = Self;

    fn not(self) -> Self {
        Self(!self.0)
    }
}

impl std::ops::BitAnd for Class {
    type Output = Self;

    fn bitand(self, other: Self) -> Self {
        Self(self.0 & other.0)
    }
}

impl std::ops::BitOr for Class {
    type Output = Self;

    fn bitor(self, other: Self) -> Self {
        Self(self.0 | other.0)
    }
}

const CALENDAR_WORDS: &[&str] = &[
    "april",
    "august",
    "december",
    "february",
    "friday",
    "january",
    "july",
    "june",
    "march",
    "may",
    "monday",
    "november",
    "october",
    "saturday",
    "september",
    "sunday",
    "thursday",
    "tuesday",
    "wednesday",
];
const COMPASS_WORDS: &[&str] = &[
    "central",
    "east",
    "eastern",
    "greater",
    "liberated",
    "lower",
    "new",
    "north",
    "northern",
    "occupied",
    "old",
    "south",
    "southern",
    "upper",
    "west",
    "western",
];
const SETTLEMENT_AFTER: &[&str] = &["city", "town", "village"];

/// Geographic feature nouns that, capitalised before "of", make the following name part
/// of another feature's name ("Cape of Good Hope", "Gulf of Aden").
const FEATURE_BEFORE_OF: &[&str] = &[
    "bay", "cape", "gulf", "island", "islands", "isle", "isles", "lake", "mount", "mouth", "port",
    "sea", "strait", "straits", "vale", "valley",
];

/// Personal names that are also well-known places: next to another capitalised name
/// ("Sydney Kelly", "Lloyd Austin", "Vladimir Putin") they are people, however big the
/// city. Lesser places are already kept out of names by the context rules.
const PERSONAL_NAMES: &[&str] = &[
    "adelaide",
    "alexandria",
    "america",
    "augusta",
    "aurora",
    "austin",
    "berlin",
    "beverly",
    "brittany",
    "brooklyn",
    "camden",
    "carolina",
    "chad",
    "charlotte",
    "chelsea",
    "chester",
    "cheyenne",
    "cleveland",
    "columbus",
    "cuba",
    "dakota",
    "dallas",
    "darwin",
    "dayton",
    "denver",
    "devon",
    "elizabeth",
    "eugene",
    "florence",
    "geneva",
    "george",
    "georgia",
    "hamilton",
    "houston",
    "hudson",
    "india",
    "indiana",
    "israel",
    "jackson",
    "jordan",
    "kenya",
    "kingston",
    "lafayette",
    "lancaster",
    "lincoln",
    "london",
    "lourdes",
    "madison",
    "marion",
    "mercedes",
    "milan",
    "montana",
    "nancy",
    "nelson",
    "odessa",
    "olympia",
    "orlando",
    "paris",
    "phoenix",
    "regina",
    "roman",
    "salem",
    "santiago",
    "savannah",
    "shannon",
    "sofia",
    "sydney",
    "tennessee",
    "troy",
    "tyler",
    "valencia",
    "victoria",
    "vienna",
    "virginia",
    "vladimir",
    "warren",
    "washington",
    "wellington",
    "york",
];
const CONNECTORS: &[&str] = &["and", "for", "of", "the"];

/// Common given names, one per line after a comment header (see the file).
const GIVEN_NAMES: &str = include_str!("../../assets/lexicon/given_names.txt");

fn table() -> &'static rustc_hash::FxHashMap<&'static str, u32> {
    static TABLE: std::sync::OnceLock<rustc_hash::FxHashMap<&'static str, u32>> =
        std::sync::OnceLock::new();
    TABLE.get_or_init(|| {
        let lists: [(&[&str], Class); 19] = [
            (PUBLICATION_HEADS, Class::PUBLICATION_HEAD),
            (FEATURE_BEFORE_OF, Class::FEATURE_BEFORE_OF),
            (PERSONAL_NAMES, Class::PERSONAL_NAME),
            (PERSON_TITLES, Class::PERSON_TITLE),
            (ORGANISATION_HEADS, Class::ORGANISATION_HEAD),
            (DEMONYMS, Class::DEMONYM),
            (FUNCTION_WORDS, Class::FUNCTION_WORD),
            (LOCATIVE_PREPOSITIONS, Class::LOCATIVE),
            (REGION_AFTER, Class::REGION_AFTER),
            (REGION_BEFORE_OF, Class::REGION_BEFORE_OF),
            (SETTLEMENT_BEFORE_OF, Class::SETTLEMENT_BEFORE_OF),
            (WATER_AFTER, Class::WATER_AFTER),
            (FEATURE_AFTER, Class::FEATURE_AFTER),
            (CALENDAR_WORDS, Class::CALENDAR),
            (COMPASS_WORDS, Class::COMPASS),
            (SETTLEMENT_AFTER, Class::SETTLEMENT_AFTER),
            (CONNECTORS, Class::CONNECTOR),
            (STREET_AFTER, Class::STREET_AFTER),
            (VESSEL_BEFORE, Class::VESSEL_BEFORE),
        ];
        let mut table = rustc_hash::FxHashMap::default();
        for (list, class) in lists {
            for word in list {
                *table.entry(*word).or_insert(0) |= class.0;
            }
        }
        for name in GIVEN_NAMES
            .lines()
            .filter(|l| !l.is_empty() && !l.starts_with('#'))
        {
            *table.entry(name).or_insert(0) |= Class::GIVEN_NAME.0;
        }
        table
    })
}

/// The classes of a folded word (empty for most words).
///
/// # Examples
/// ```
/// use dateline::gazetteer::lexicon::{classes, Class};
/// assert!(classes("president").has(Class::PERSON_TITLE));
/// assert!(classes("of").has(Class::CONNECTOR));
/// assert_eq!(classes("kyiv"), Class::default());
/// ```
pub fn classes(key: &str) -> Class {
    table().get(key).map_or(Class::default(), |c| Class(*c))
}

#[cfg(test)]
mod tests {
    use super::*;

    /// The lists are searched with `binary_search`, so they must stay sorted and folded.
    #[test]
    fn word_lists_are_sorted_and_lower_case() {
        for list in [
            FEATURE_BEFORE_OF,
            PERSONAL_NAMES,
            CALENDAR_WORDS,
            COMPASS_WORDS,
            CONNECTORS,
            SETTLEMENT_AFTER,
            PERSON_TITLES,
            ORGANISATION_HEADS,
            DEMONYMS,
            FUNCTION_WORDS,
            LOCATIVE_PREPOSITIONS,
            REGION_AFTER,
            REGION_BEFORE_OF,
            SETTLEMENT_BEFORE_OF,
            WATER_AFTER,
            FEATURE_AFTER,
        ] {
            assert!(
                list.windows(2).all(|w| w[0] < w[1]),
                "unsorted or duplicated near {list:?}"
            );
            assert!(
                list.iter().all(|w| *w == w.to_lowercase()),
                "not folded: {list:?}"
            );
        }
    }
}
