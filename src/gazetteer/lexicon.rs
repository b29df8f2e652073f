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
    "army",
    "assembly",
    "association",
    "bank",
    "battalion",
    "brigade",
    "bureau",
    "chronicle",
    "church",
    "club",
    "college",
    "command",
    "commission",
    "committee",
    "company",
    "congress",
    "corp",
    "corporation",
    "corps",
    "council",
    "court",
    "department",
    "division",
    "embassy",
    "fc",
    "federation",
    "fleet",
    "force",
    "forces",
    "foundation",
    "front",
    "fund",
    "gazette",
    "group",
    "guard",
    "guardian",
    "herald",
    "independent",
    "institute",
    "journal",
    "league",
    "legion",
    "ministry",
    "movement",
    "navy",
    "network",
    "news",
    "office",
    "parliament",
    "party",
    "police",
    "post",
    "press",
    "regiment",
    "school",
    "service",
    "services",
    "society",
    "telegraph",
    "times",
    "tribune",
    "union",
    "united",
    "university",
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
    "governor",
    "governorate",
    "krai",
    "oblast",
    "province",
    "region",
    "regional",
    "regions",
    "republic",
];

/// Words before "of" that make the next name a region ("region of Belgorod").
const REGION_BEFORE_OF: &[&str] = &["governor", "governorate", "oblast", "province", "region"];

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

fn contains(list: &[&str], key: &str) -> bool {
    list.binary_search(&key).is_ok()
}

/// True for a title written before a person's name.
pub fn is_person_title(key: &str) -> bool {
    contains(PERSON_TITLES, key)
}

/// True for a noun that ends an organisation's name.
pub fn is_organisation_head(key: &str) -> bool {
    contains(ORGANISATION_HEADS, key)
}

/// True for a demonym or similar proper adjective.
pub fn is_demonym(key: &str) -> bool {
    contains(DEMONYMS, key)
}

/// True for a function word that may start a sentence.
pub fn is_function_word(key: &str) -> bool {
    contains(FUNCTION_WORDS, key)
}

/// True for a preposition that introduces a location.
pub fn is_locative_preposition(key: &str) -> bool {
    contains(LOCATIVE_PREPOSITIONS, key)
}

/// True for a word that, after a name, marks it as a region.
pub fn is_region_after(key: &str) -> bool {
    contains(REGION_AFTER, key)
}

/// True for a word that, before "of", marks the following name as a region.
pub fn is_region_before_of(key: &str) -> bool {
    contains(REGION_BEFORE_OF, key)
}

/// True for a word that, before "of", marks the following name as a settlement.
pub fn is_settlement_before_of(key: &str) -> bool {
    contains(SETTLEMENT_BEFORE_OF, key)
}

/// True for a word that, after a name, marks it as a water body.
pub fn is_water_after(key: &str) -> bool {
    contains(WATER_AFTER, key)
}

/// True for month and weekday names, which are never places by themselves.
pub fn is_calendar_word(key: &str) -> bool {
    matches!(
        key,
        "january"
            | "february"
            | "march"
            | "april"
            | "may"
            | "june"
            | "july"
            | "august"
            | "september"
            | "october"
            | "november"
            | "december"
            | "monday"
            | "tuesday"
            | "wednesday"
            | "thursday"
            | "friday"
            | "saturday"
            | "sunday"
    )
}

#[cfg(test)]
mod tests {
    use super::*;

    /// The lists are searched with `binary_search`, so they must stay sorted and folded.
    #[test]
    fn word_lists_are_sorted_and_lower_case() {
        for list in [
            PERSON_TITLES,
            ORGANISATION_HEADS,
            DEMONYMS,
            FUNCTION_WORDS,
            LOCATIVE_PREPOSITIONS,
            REGION_AFTER,
            REGION_BEFORE_OF,
            SETTLEMENT_BEFORE_OF,
            WATER_AFTER,
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
