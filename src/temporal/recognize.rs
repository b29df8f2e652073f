//! Recognition: tokens of one sentence → temporal expressions with their spans.

use crate::text::token::{Shape, Token};
use crate::text::words::WordMap;
use chrono::Weekday;

/// An unresolved temporal expression.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub enum Expr {
    /// A full calendar date ("1 June 2023", "2023-06-01").
    Date {
        /// Year.
        year: i32,
        /// Month 1-12.
        month: u32,
        /// Day of month.
        day: u32,
    },
    /// A day and month without a numeric year ("3 May", "Saturday, June 3",
    /// "27 February last year").
    DayMonth {
        /// Month 1-12.
        month: u32,
        /// Day of month.
        day: u32,
        /// Which year it belongs to.
        year: YearRef,
    },
    /// A month with an explicit year ("July 2024").
    MonthYear {
        /// Year.
        year: i32,
        /// Month 1-12.
        month: u32,
    },
    /// A month with a relative or missing year ("in May", "June of last year").
    Month {
        /// Month 1-12.
        month: u32,
        /// Which year it belongs to.
        year: YearRef,
    },
    /// A bare year ("in 2014").
    Year(i32),
    /// A weekday ("on Tuesday", "last Friday").
    Weekday {
        /// The day of the week.
        weekday: Weekday,
        /// Which occurrence relative to P.
        rel: WeekdayRel,
    },
    /// Days relative to P ("today" 0, "yesterday" -1, "3 days ago" -3).
    RelativeDays(i32),
    /// Weeks relative to P ("this week" 0, "last week" -1, "next week" 1).
    RelativeWeeks(i32),
    /// Months relative to P ("this month" 0, "last month" -1).
    RelativeMonths(i32),
    /// Years relative to P ("this year" 0, "last year" -1).
    RelativeYears(i32),
}

/// The year a month, or a day and month, belongs to.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub enum YearRef {
    /// No year given: decided by tense.
    Unspecified,
    /// P's year plus this offset ("last year" -1).
    Relative(i32),
    /// "that year": the year last named in the item.
    That,
}

/// The tense of a sentence, as far as its words tell.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub enum Tense {
    /// A past-tense verb ("was", "shelled", "struck") and no future cue.
    Past,
    /// Neither past nor future cues (present tense, or a headline without a verb).
    Present,
    /// A future cue ("will", "would", "next", "scheduled").
    Future,
}

/// Which occurrence of a weekday is meant.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub enum WeekdayRel {
    /// The latest one on or before P ("on Tuesday").
    Latest,
    /// The latest one strictly before P ("last Tuesday").
    Last,
    /// The first one strictly after P ("next Tuesday").
    Next,
    /// The first one on or after P ("will meet on Saturday").
    Upcoming,
    /// That day of the week before P's week, weeks starting on Monday ("Tuesday last week").
    LastWeek,
    /// That day of the week after P's week ("Friday next week").
    NextWeek,
}

/// A recognised expression and its byte span in the text.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub struct TemporalMention {
    /// Byte offset of the expression's first character.
    pub start: usize,
    /// Byte offset one past its last character.
    pub end: usize,
    /// The expression.
    pub expr: Expr,
    /// The tense of the verb the expression hangs on, where the words next to it tell
    /// ("was in Kyiv on 13 June", "said on 3 May that it would…"); else the sentence's
    /// tense applies.
    pub tense: Option<Tense>,
}

/// Word classes the patterns are written in.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
enum W {
    Month(u32),
    MonthAbbrev(u32),
    Weekday(Weekday),
    Today,
    Yesterday,
    Tomorrow,
    Overnight,
    Last,
    This,
    Next,
    EarlierLater,
    Modifier,
    PartOfDay,
    Night,
    Hours,
    Day,
    Week,
    MonthWord,
    Year,
    Ago,
    The,
    Of,
    That,
    Cue,
    Count(i32),
    Future,
    Would,
    Past,
    /// A reporting verb in the past ("said", "announced"): past for what it is dated by,
    /// silent on the tense of what it reports.
    Reporting,
    /// A present-tense auxiliary ("is", "are").
    Present,
    /// "weekend": its Saturday.
    Weekend,
    /// "should": future for a weekday it governs ("should clear on Friday"), and for
    /// nothing else (not the sentence: "should learn from the March offensive").
    Should,
    Other,
}

/// The words with a class of their own; every other word is [`W::Other`], except the
/// [`REPORTING_VERBS`] and the regular past forms in "-ed" ([`class_of_key`]).
const WORD_CLASSES: &[(&str, W)] = &[
    ("a", W::Count(1)),
    ("of", W::Of),
    ("in", W::Cue),
    ("by", W::Cue),
    ("on", W::Cue),
    ("an", W::Count(1)),
    ("is", W::Present),
    ("may", W::Month(5)),
    ("jan", W::MonthAbbrev(1)),
    ("feb", W::MonthAbbrev(2)),
    ("mar", W::MonthAbbrev(3)),
    ("apr", W::MonthAbbrev(4)),
    ("jun", W::MonthAbbrev(6)),
    ("jul", W::MonthAbbrev(7)),
    ("aug", W::MonthAbbrev(8)),
    ("sep", W::MonthAbbrev(9)),
    ("oct", W::MonthAbbrev(10)),
    ("nov", W::MonthAbbrev(11)),
    ("dec", W::MonthAbbrev(12)),
    ("mid", W::Modifier),
    ("end", W::Modifier),
    ("day", W::Day),
    ("ago", W::Ago),
    ("the", W::The),
    ("one", W::Count(1)),
    ("two", W::Count(2)),
    ("six", W::Count(6)),
    ("ten", W::Count(10)),
    ("due", W::Future),
    ("are", W::Present),
    ("was", W::Past),
    ("had", W::Past),
    ("did", W::Past),
    ("met", W::Past),
    ("saw", W::Past),
    ("won", W::Past),
    ("led", W::Past),
    ("ran", W::Past),
    ("hit", W::Past),
    ("june", W::Month(6)),
    ("july", W::Month(7)),
    ("sept", W::MonthAbbrev(9)),
    ("last", W::Last),
    ("past", W::Last),
    ("this", W::This),
    ("next", W::Next),
    ("late", W::Modifier),
    ("days", W::Day),
    ("week", W::Week),
    ("year", W::Year),
    ("that", W::That),
    ("from", W::Cue),
    ("till", W::Cue),
    ("fall", W::Cue),
    ("four", W::Count(4)),
    ("five", W::Count(5)),
    ("nine", W::Count(9)),
    ("will", W::Future),
    ("said", W::Reporting),
    ("told", W::Reporting),
    ("says", W::Present),
    ("does", W::Present),
    ("were", W::Past),
    ("went", W::Past),
    ("came", W::Past),
    ("took", W::Past),
    ("gave", W::Past),
    ("fell", W::Past),
    ("left", W::Past),
    ("held", W::Past),
    ("sent", W::Past),
    ("lost", W::Past),
    ("rose", W::Past),
    ("shot", W::Past),
    ("flew", W::Past),
    ("knew", W::Past),
    ("march", W::Month(3)),
    ("april", W::Month(4)),
    ("today", W::Today),
    ("later", W::EarlierLater),
    ("early", W::Modifier),
    ("start", W::Modifier),
    ("night", W::Night),
    ("hours", W::Hours),
    ("weeks", W::Week),
    ("month", W::MonthWord),
    ("years", W::Year),
    ("since", W::Cue),
    ("until", W::Cue),
    ("after", W::Cue),
    ("three", W::Count(3)),
    ("seven", W::Count(7)),
    ("eight", W::Count(8)),
    ("would", W::Would),
    ("shall", W::Future),
    ("going", W::Future),
    ("plans", W::Future),
    ("ahead", W::Future),
    ("began", W::Past),
    ("spent", W::Past),
    ("found", W::Past),
    ("broke", W::Past),
    ("drove", W::Past),
    ("stood", W::Past),
    ("threw", W::Past),
    ("august", W::Month(8)),
    ("monday", W::Weekday(Weekday::Mon)),
    ("friday", W::Weekday(Weekday::Fri)),
    ("sunday", W::Weekday(Weekday::Sun)),
    ("coming", W::Next),
    ("should", W::Should),
    ("middle", W::Modifier),
    ("months", W::MonthWord),
    ("during", W::Cue),
    ("before", W::Cue),
    ("spring", W::Cue),
    ("summer", W::Cue),
    ("autumn", W::Cue),
    ("winter", W::Cue),
    ("struck", W::Past),
    ("fought", W::Past),
    ("caught", W::Past),
    ("became", W::Past),
    ("january", W::Month(1)),
    ("october", W::Month(10)),
    ("tuesday", W::Weekday(Weekday::Tue)),
    ("tonight", W::Today),
    ("weekend", W::Weekend),
    ("earlier", W::EarlierLater),
    ("morning", W::PartOfDay),
    ("evening", W::PartOfDay),
    ("through", W::Cue),
    ("planned", W::Future),
    ("brought", W::Past),
    ("february", W::Month(2)),
    ("november", W::Month(11)),
    ("december", W::Month(12)),
    ("thursday", W::Weekday(Weekday::Thu)),
    ("saturday", W::Weekday(Weekday::Sat)),
    ("tomorrow", W::Tomorrow),
    ("planning", W::Future),
    ("expected", W::Future),
    ("upcoming", W::Future),
    ("september", W::Month(9)),
    ("wednesday", W::Weekday(Weekday::Wed)),
    ("yesterday", W::Yesterday),
    ("overnight", W::Overnight),
    ("beginning", W::Modifier),
    ("afternoon", W::PartOfDay),
    ("scheduled", W::Future),
    ("throughout", W::Cue),
];

/// The word table, built on first use: it holds [`WORD_CLASSES`] and [`REPORTING_VERBS`], and [`NOT_PAST`] as [`W::Other`].
static WORD_TABLE: std::sync::LazyLock<WordMap<W>> = std::sync::LazyLock::new(|| {
    WordMap::new(
        WORD_CLASSES
            .iter()
            .copied()
            .chain(REPORTING_VERBS.iter().map(|w| (*w, W::Reporting)))
            .chain(NOT_PAST.iter().map(|w| (*w, W::Other))),
    )
});

/// The class of a lower-case word of `len` bytes, given its [`key_of`].
fn class_of_key(key: u128, len: usize, table: &WordMap<W>) -> W {
    let ends_with = |suffix: u128, n: usize| len >= n && key >> (8 * (len - n)) == suffix;
    if ends_with(u128::from(u32::from_le_bytes(*b"'ll\0")), 3) {
        return W::Future;
    }
    match table.get_key(key) {
        Some(class) => class,
        // A regular past ("shelled", "killed"): the reporting verbs and the words in
        // "-ed" that are no verbs ("hundred") are in the table.
        None if len >= 5 && ends_with(u128::from(u16::from_le_bytes(*b"ed")), 2) => W::Past,
        None => W::Other,
    }
}

/// The class of a lower-case word.
#[cfg(test)]
fn classify(lower: &[u8]) -> W {
    use crate::text::token::key_of;
    key_of(lower).map_or(W::Other, |key| class_of_key(key, lower.len(), &WORD_TABLE))
}

/// Verbs that report speech: "said" in "X said the summit is in July" says nothing
/// about the tense of what is reported.
const REPORTING_VERBS: &[&str] = &[
    "acknowledged",
    "added",
    "announced",
    "argued",
    "asked",
    "claimed",
    "commented",
    "confirmed",
    "declared",
    "denied",
    "emphasised",
    "emphasized",
    "explained",
    "indicated",
    "insisted",
    "noted",
    "posted",
    "replied",
    "reported",
    "responded",
    "revealed",
    "stated",
    "stressed",
    "suggested",
    "tweeted",
    "urged",
    "warned",
];

/// Words in "-ed" that are not past-tense verbs.
const NOT_PAST: &[&str] = &[
    "exceed", "hundred", "indeed", "kindred", "naked", "proceed", "sacred", "speed", "succeed",
    "wicked",
];

/// "3", "3rd", "21st": a day of the month.
fn day_of_month(s: &str) -> Option<u32> {
    let digits = s.trim_end_matches(|c: char| c.is_ascii_alphabetic());
    let suffix = s.get(digits.len()..)?;
    if !(suffix.is_empty()
        || matches!(
            suffix.to_ascii_lowercase().as_str(),
            "st" | "nd" | "rd" | "th"
        ))
    {
        return None;
    }
    if digits.is_empty() || digits.len() > 2 || !digits.bytes().all(|b| b.is_ascii_digit()) {
        return None;
    }
    let day: u32 = digits.parse().ok()?;
    (1..=31).contains(&day).then_some(day)
}

/// One sentence's tokens with their word classes.
struct Sentence<'a> {
    text: &'a str,
    tokens: &'a [Token],
    words: &'a [W],
}

impl Sentence<'_> {
    fn word(&self, i: usize) -> W {
        self.words.get(i).copied().unwrap_or(W::Other)
    }

    fn token(&self, i: usize) -> Option<&Token> {
        self.tokens.get(i)
    }

    /// True when tokens `a` and `a + 1` are separated only by spaces (and, if allowed,
    /// one comma) or a hyphen, all on one line.
    fn joined(&self, a: usize, allow_comma: bool) -> bool {
        let (Some(x), Some(y)) = (self.token(a), self.token(a + 1)) else {
            return false;
        };
        let gap = self
            .text
            .get(x.end as usize..y.start as usize)
            .unwrap_or("\n");
        let mut commas = 0;
        for c in gap.chars() {
            match c {
                ' ' | '\u{a0}' | '-' | '.' => {}
                ',' => commas += 1,
                _ => return false,
            }
        }
        commas == 0 || (allow_comma && commas == 1)
    }

    /// The day of month a token stands for ("3", "3rd"), if any.
    fn day_number(&self, i: usize) -> Option<u32> {
        let s = self.token(i)?.text(self.text);
        // A range of days ("the night of 4-5 June", "May 30-31") stands for its first.
        if let Some((first, last)) = s.split_once('-') {
            let (first, last) = (day_of_month(first)?, day_of_month(last)?);
            return (first < last).then_some(first);
        }
        day_of_month(s)
    }

    /// The year a four-digit token stands for, within `range`.
    fn year_number(&self, i: usize, range: std::ops::RangeInclusive<i32>) -> Option<i32> {
        let t = self.token(i)?;
        if t.shape != Shape::Digits || t.end - t.start != 4 {
            return None;
        }
        let year: i32 = t.text(self.text).parse().ok()?;
        range.contains(&year).then_some(year)
    }

    fn span(&self, first: usize, last: usize) -> (usize, usize) {
        let start = self.token(first).map_or(0, |t| t.start as usize);
        let end = self.token(last).map_or(start, |t| t.stem_end as usize);
        (start, end)
    }

    fn capitalized(&self, i: usize) -> bool {
        self.token(i).is_some_and(|t| t.capitalized)
    }
}

/// Finds the temporal expressions among a sentence's tokens and returns the sentence's
/// tense (see the module docs).
///
/// # Examples
/// ```
/// use dateline::temporal::{recognize, Expr, YearRef};
/// use dateline::text::token::tokenize_into;
/// let text = "Fighting on Saturday, June 3, near Kiev; F-16 jets in mid-July.";
/// let mut tokens = Vec::new();
/// tokenize_into(text, 0..text.len(), &mut tokens);
/// let mut found = Vec::new();
/// recognize(text, &tokens, &mut found);
/// let spans: Vec<&str> = found.iter().map(|m| &text[m.start..m.end]).collect();
/// assert_eq!(spans, ["Saturday, June 3", "mid-July"]);
/// assert_eq!(found[0].expr, Expr::DayMonth { month: 6, day: 3, year: YearRef::Unspecified });
/// ```
pub fn recognize(text: &str, tokens: &[Token], out: &mut Vec<TemporalMention>) -> Tense {
    WORDS.with_borrow_mut(|words| {
        words.clear();
        let table = &*WORD_TABLE;
        words.extend(tokens.iter().map(|t| word_class(text, t, table)));
        scan(text, tokens, words, out)
    })
}

thread_local! {
    /// The word classes of the sentence being scanned, reused between sentences.
    static WORDS: std::cell::RefCell<Vec<W>> = const { std::cell::RefCell::new(Vec::new()) };
}

/// The class of one token (`W::Other` for most).
fn word_class(text: &str, t: &Token, table: &WordMap<W>) -> W {
    let len = (t.stem_end - t.start) as usize;
    if t.shape != Shape::Word {
        return W::Other;
    }
    if !t.ascii {
        let stem = text
            .as_bytes()
            .get(t.start as usize..t.stem_end as usize)
            .unwrap_or(&[]);
        return if stem.ends_with("\u{2019}ll".as_bytes()) {
            W::Future
        } else {
            W::Other
        };
    }
    // Words longer than a key (`KEY_BYTES`) have none: `W::Other`.
    t.lower_key(text)
        .map_or(W::Other, |key| class_of_key(key, len, table))
}

fn scan(text: &str, tokens: &[Token], words: &[W], out: &mut Vec<TemporalMention>) -> Tense {
    let mut future = false;
    // "will", "scheduled", "set to" … before a weekday make it the coming one; "would"
    // does not, since reported speech uses it of the past ("said on Tuesday it would").
    let mut strong_future = false;
    let mut past = false;
    let s = Sentence {
        text,
        tokens,
        words,
    };
    let mut i = 0;
    while i < tokens.len() {
        let word = s.word(i);
        let planned_before = word == W::Future && after_was(&s, i);
        if (word == W::Future && !planned_before)
            || (matches!(word, W::Other | W::Past)
                && (is_future_phrase(&s, i) || is_conditional(&s, i)))
        {
            strong_future = true;
        }
        if (matches!(word, W::Future | W::Would | W::Next) && !planned_before) || strong_future {
            future = true;
        }
        if word == W::Past && !s.capitalized(i) && !after_modal(&s, i) {
            past = true;
        }
        if let Some((mut expr, first, last)) = match_at(&s, i) {
            let tense = local_tense(&s, first, last);
            // A weekday after its own future verb is the coming one ("would cross at
            // Rafah on Wednesday"); after its own past one, never ("said on Tuesday").
            let upcoming = match tense {
                Some(Tense::Future) => true,
                Some(Tense::Past) => false,
                _ => strong_future,
            };
            if upcoming
                && let Expr::Weekday {
                    rel: rel @ WeekdayRel::Latest,
                    ..
                } = &mut expr
            {
                *rel = WeekdayRel::Upcoming;
            }
            let (start, end) = s.span(first, last);
            out.push(TemporalMention {
                start,
                end,
                expr,
                tense,
            });
            i = last + 1;
        } else {
            i += 1;
        }
    }
    if future {
        Tense::Future
    } else if past {
        Tense::Past
    } else {
        Tense::Present
    }
}

/// Words the local tense looks through before giving up.
const LOCAL_REACH: usize = 6;

/// The tense of the verb an expression at tokens `first..=last` hangs on, if the words
/// next to it tell: the nearest tense word before it in its clause ("was in Kyiv on 13
/// June", "said on 3 May that it would…", "will travel to Vilnius on 11 July"), or, for
/// an expression that opens the sentence before a comma ("On 12 June, officials said
/// they will…"), the first one after the comma.
fn local_tense(s: &Sentence<'_>, first: usize, last: usize) -> Option<Tense> {
    // "since September" looks back, whatever the verb ("has been shut since September").
    if first > 0
        && s.joined(first - 1, false)
        && s.token(first - 1)
            .is_some_and(|t| t.stem(s.text).eq_ignore_ascii_case("since"))
    {
        return Some(Tense::Past);
    }
    // "closed until Saturday", "until at least Sunday": what lasts until a weekday lasts
    // until the coming one; but "not … until" dates when something happened ("had not
    // been reached until Sunday").
    if matches!(s.word(first), W::Weekday(_)) && until_before(s, first) && !negated_before(s, first)
    {
        return Some(Tense::Future);
    }
    // "said Monday would be a non-working day": a weekday that is the subject of a
    // future verb.
    if matches!(s.word(first), W::Weekday(_))
        && s.joined(last, false)
        && matches!(s.word(last + 1), W::Future | W::Would)
    {
        return Some(Tense::Future);
    }
    let mut k = first;
    for step in 0..2 * LOCAL_REACH {
        // Punctuation other than a hyphen or a period ends the clause.
        if k == 0 || !s.joined(k - 1, false) {
            break;
        }
        k -= 1;
        // "should clear on Friday" (not "should have been ready on Friday").
        if s.word(k) == W::Should
            && matches!(s.word(first), W::Weekday(_))
            && s.token(k + 1).is_none_or(|t| t.text(s.text) != "have")
        {
            return Some(Tense::Future);
        }
        match tense_word(s, k) {
            // Beyond the near words only a modal of the future still governs, when no
            // other verb came between ("temperatures should rise above freezing across
            // most of Texas by Saturday").
            Some(tense) if step < LOCAL_REACH || tense == Tense::Future => return Some(tense),
            Some(_) => break,
            None => {}
        }
    }
    let opens = (0..first).all(|j| matches!(s.word(j), W::Cue | W::Modifier | W::The | W::Of));
    let comma_after = s.joined(last, true) && !s.joined(last, false);
    if opens && comma_after {
        return (last + 1..last + 1 + 2 * LOCAL_REACH).find_map(|j| tense_word(s, j));
    }
    None
}

/// The tense a word marks: a past form or a past reporting verb ("said"), a future cue,
/// or a present auxiliary ("is", "are"; not "has", which mostly opens a present perfect:
/// "has been shelled").
fn tense_word(s: &Sentence<'_>, i: usize) -> Option<Tense> {
    match s.word(i) {
        // "could hit", "will not hit", "to hit": a bare verb, not a past one.
        W::Past if after_modal(s, i) => None,
        // "pledged to reopen the road on Friday", "hoped to reach the summit on Sunday".
        W::Past | W::Other if is_future_phrase(s, i) => Some(Tense::Future),
        W::Past | W::Reporting if !s.capitalized(i) => Some(Tense::Past),
        // "the band was due on stage on Friday": what was planned, told afterwards.
        W::Future if after_was(s, i) => Some(Tense::Past),
        W::Future | W::Would => Some(Tense::Future),
        W::Present => Some(Tense::Present),
        _ => None,
    }
}

/// True when token `i` follows "was" or "were" ("was due", "were expected"): a plan
/// told in the past tense, not a future.
fn after_was(s: &Sentence<'_>, i: usize) -> bool {
    i.checked_sub(1)
        .and_then(|k| s.token(k))
        .is_some_and(|t| matches!(t.text(s.text), "was" | "were"))
}

/// Words after which a verb is in its bare form ("could hit", "to hit").
const BARE_VERB_BEFORE: &[&str] = &[
    "can", "could", "did", "do", "does", "may", "might", "must", "shall", "should", "to", "will",
    "would",
];

/// True when token `i` follows a modal or "to", maybe with a "not" between; or a modal
/// and a passive "be" ("would not be allowed"; not "due to be held", whose participle
/// keeps its past reading for "…, due to be held on Sunday, was called off").
fn after_modal(s: &Sentence<'_>, i: usize) -> bool {
    let text_at = |k: usize| s.token(k).map_or("", |t| t.text(s.text));
    let mut k = i.wrapping_sub(1);
    let passive = text_at(k) == "be";
    if passive {
        k = k.wrapping_sub(1);
    }
    if text_at(k) == "not" {
        k = k.wrapping_sub(1);
    }
    let modal = text_at(k);
    BARE_VERB_BEFORE.contains(&modal) && !(passive && modal == "to")
}

/// "until Saturday", "until at least Saturday", "till Monday": the words before the
/// weekday at token `first`.
fn until_before(s: &Sentence<'_>, first: usize) -> bool {
    let text_at = |k: usize| {
        s.token(k)
            .filter(|_| s.joined(k, false))
            .map_or("", |t| t.text(s.text))
    };
    let mut k = first.wrapping_sub(1);
    if text_at(k) == "least" && text_at(k.wrapping_sub(1)) == "at" {
        k = k.wrapping_sub(2);
    }
    matches!(text_at(k), "until" | "till" | "Until")
}

/// True when a negation comes before token `first` in its clause ("had not been reached
/// until", "didn't arrive until").
fn negated_before(s: &Sentence<'_>, first: usize) -> bool {
    let mut k = first;
    while k > 0 && s.joined(k - 1, false) {
        k -= 1;
        let word = s.token(k).map_or("", |t| t.text(s.text));
        if matches!(word, "not" | "never") || word.ends_with("n't") || word.ends_with("n\u{2019}t")
        {
            return true;
        }
    }
    false
}

/// "could bring more rain to Vermont on Thursday", "might make landfall on Sunday": a
/// conditional looks ahead. Not "could not", "could have", nor a past ability to
/// perceive ("could see the smoke on Tuesday").
fn is_conditional(s: &Sentence<'_>, i: usize) -> bool {
    let Some(t) = s.token(i) else { return false };
    matches!(t.text(s.text), "could" | "might")
        && s.token(i + 1).is_some_and(|n| {
            n.shape == Shape::Word
                && !matches!(
                    n.text(s.text),
                    "not"
                        | "never"
                        | "have"
                        | "see"
                        | "hear"
                        | "feel"
                        | "smell"
                        | "only"
                        | "barely"
                        | "hardly"
                        | "still"
                )
        })
}

/// "set to", "plan to", "hoped to", "forecast to", "likely to", "promised to" are future ("due", "expected" and the
/// other single-word cues are in `WORD_CLASSES`).
fn is_future_phrase(s: &Sentence<'_>, i: usize) -> bool {
    let Some(t) = s.token(i) else { return false };
    // The cheap test first: most words are not followed by "to".
    s.token(i + 1).is_some_and(|n| n.text(s.text) == "to")
        && matches!(
            t.text(s.text),
            "set"
                | "plan"
                | "plans"
                | "aim"
                | "aims"
                | "aimed"
                | "hope"
                | "hopes"
                | "hoped"
                | "intend"
                | "intends"
                | "intended"
                | "forecast"
                | "likely"
                | "poised"
                | "promise"
                | "promises"
                | "promised"
                | "pledge"
                | "pledges"
                | "pledged"
                | "vow"
                | "vows"
                | "vowed"
        )
}

/// Tries every pattern at token `i`; returns the expression and its first/last tokens.
fn match_at(s: &Sentence<'_>, i: usize) -> Option<(Expr, usize, usize)> {
    let t = s.token(i)?;
    if t.shape == Shape::Numeric {
        return numeric_date(t.text(s.text))
            .map(|e| (e, i, i))
            .or_else(|| day_led(s, i));
    }
    match s.word(i) {
        W::Weekday(wd) if s.capitalized(i) => Some(weekday_led(s, i, wd)),
        W::Month(m) | W::MonthAbbrev(m) if s.capitalized(i) => month_led(s, i, m),
        W::Overnight => Some(overnight_led(s, i)),
        W::Today => Some((Expr::RelativeDays(0), i, i)),
        W::Yesterday => Some((Expr::RelativeDays(-1), i, extend_part_of_day(s, i))),
        W::Tomorrow => Some((Expr::RelativeDays(1), i, extend_part_of_day(s, i))),
        W::Last | W::This | W::Next => relative_led(s, i),
        W::EarlierLater => {
            // "earlier this month", "later this year"; a bare "earlier" is no date.
            let (expr, _, last) = relative_led(s, i + 1).filter(|_| s.word(i + 1) == W::This)?;
            s.joined(i, false).then_some((expr, i, last))
        }
        W::The => the_led(s, i),
        W::Count(n) => ago(s, i, n).or_else(|| {
            t.text(s.text)
                .eq_ignore_ascii_case("a")
                .then(|| a_year(s, i))
                .flatten()
        }),
        W::Cue | W::Modifier | W::Of => {
            // "in 2014", "since 2008", "in the early hours".
            if let Some(year) = s.year_number(i + 1, 1900..=2100)
                && s.joined(i, false)
            {
                return Some((Expr::Year(year), i + 1, i + 1));
            }
            early_hours(s, i)
        }
        _ if t.shape == Shape::Digits => {
            day_led(s, i).or_else(|| ago(s, i, t.text(s.text).parse().ok()?))
        }
        _ => None,
    }
}

/// "a 1999 quake", "a 2015 law": a year before a singular noun dates it, as after "the"
/// (an article before a count would need a plural: "2,000 troops").
fn a_year(s: &Sentence<'_>, i: usize) -> Option<(Expr, usize, usize)> {
    let year = s.year_number(i + 1, 1900..=2100)?;
    let (number, noun) = (s.token(i + 1)?, s.token(i + 2)?);
    let word = noun.text(s.text);
    // A space, not a hyphen ("a 2000-strong force").
    let spaced = s.text.get(number.end as usize..noun.start as usize) == Some(" ");
    let plain_word = noun.shape == Shape::Word
        && word.len() >= 3
        && word.bytes().all(|b| b.is_ascii_lowercase());
    (spaced && plain_word && s.joined(i, false)).then_some((Expr::Year(year), i + 1, i + 1))
}

/// "2023-06-01", "2023/06/01", "26.04.2022", "26/04/2022" (day first unless impossible).
fn numeric_date(s: &str) -> Option<Expr> {
    let sep = s.chars().find(|c| matches!(c, '-' | '.' | '/'))?;
    let parts: Vec<&str> = s.split(sep).collect();
    let [first, second, third] = parts[..] else {
        return None;
    };
    if !parts
        .iter()
        .all(|p| !p.is_empty() && p.bytes().all(|x| x.is_ascii_digit()))
    {
        return None;
    }
    let (year, month, day) = if first.len() == 4 {
        (
            first.parse().ok()?,
            second.parse().ok()?,
            third.parse().ok()?,
        )
    } else if third.len() == 4 && sep != '-' {
        let (n1, n2): (u32, u32) = (first.parse().ok()?, second.parse().ok()?);
        let (day, month) = match sep {
            '/' if n1 <= 12 && n2 > 12 => (n2, n1),
            '/' if n1 <= 12 && n2 <= 12 && n1 != n2 => return None,
            _ => (n1, n2),
        };
        (third.parse().ok()?, month, day)
    } else {
        return None;
    };
    chrono::NaiveDate::from_ymd_opt(year, month, day)?;
    Some(Expr::Date { year, month, day })
}

/// "overnight" is P, unless a weekday follows ("overnight on Thursday", "overnight
/// into Friday"): then it is that night's day.
fn overnight_led(s: &Sentence<'_>, i: usize) -> (Expr, usize, usize) {
    let mut k = i + 1;
    if s.token(k)
        .is_some_and(|t| matches!(t.text(s.text), "on" | "into" | "to"))
        && s.joined(i, false)
    {
        k += 1;
    }
    if let W::Weekday(weekday) = s.word(k)
        && s.capitalized(k)
        && s.joined(k - 1, false)
    {
        let (expr, _, last) = weekday_led(s, k, weekday);
        return (expr, i, last);
    }
    (Expr::RelativeDays(0), i, i)
}

fn weekday_led(s: &Sentence<'_>, i: usize, weekday: Weekday) -> (Expr, usize, usize) {
    // "Saturday, June 3" / "Saturday 3 June 2023": the date wins, the weekday joins the span.
    if s.joined(i, true)
        && let Some((expr, _, last)) = match s.word(i + 1) {
            W::Month(m) | W::MonthAbbrev(m) if s.capitalized(i + 1) => month_led(s, i + 1, m),
            _ => day_led(s, i + 1),
        }
        && matches!(expr, Expr::Date { .. } | Expr::DayMonth { .. })
    {
        return (expr, i, last);
    }
    let (rel, first) = match s.word(i.wrapping_sub(1)) {
        W::Last if s.joined(i - 1, false) => (WeekdayRel::Last, i - 1),
        W::Next if s.joined(i - 1, false) => (WeekdayRel::Next, i - 1),
        _ => (WeekdayRel::Latest, i),
    };
    let last = extend_part_of_day(s, i);
    // "Tuesday last week", "Friday next week": that day of the week before or after P's.
    if rel == WeekdayRel::Latest
        && s.joined(last, false)
        && s.joined(last + 1, false)
        && s.word(last + 2) == W::Week
        && s.token(last + 2).is_some_and(|t| t.stem(s.text).len() == 4)
    {
        let rel = match s.word(last + 1) {
            W::Last => Some(WeekdayRel::LastWeek),
            W::Next => Some(WeekdayRel::NextWeek),
            _ => None,
        };
        if let Some(rel) = rel {
            return (Expr::Weekday { weekday, rel }, first, last + 2);
        }
    }
    (Expr::Weekday { weekday, rel }, first, last)
}

/// Extends a day word over a following "morning", "night", … ("Friday night").
fn extend_part_of_day(s: &Sentence<'_>, i: usize) -> usize {
    if matches!(s.word(i + 1), W::PartOfDay | W::Night) && s.joined(i, false) {
        i + 1
    } else {
        i
    }
}

fn month_led(s: &Sentence<'_>, i: usize, month: u32) -> Option<(Expr, usize, usize)> {
    let abbrev = matches!(s.word(i), W::MonthAbbrev(_));
    // "June 3", "June 3rd, 2023".
    if s.joined(i, false)
        && let Some(day) = s.day_number(i + 1)
    {
        let last = range_end(s, i + 1, day);
        if !counts_something(s, last) {
            if s.joined(last, true)
                && let Some(year) = s.year_number(last + 1, 1000..=2999)
            {
                return Some((Expr::Date { year, month, day }, i, last + 1));
            }
            return Some(day_month_year(s, month, day, i, last));
        }
    }
    // "July 2024", "June, 2023".
    if s.joined(i, true)
        && let Some(year) = s.year_number(i + 1, 1000..=2999)
    {
        return Some((Expr::MonthYear { year, month }, i, i + 1));
    }
    if abbrev {
        return None;
    }
    let first = month_span_start(s, i);
    // "June of last year", "May last year", "June of that year", "June this year".
    if let Some((year, last)) = year_ref_after(s, i) {
        return Some((Expr::Month { month, year }, first, last));
    }
    let year = match s.word(first) {
        W::Last if first < i => YearRef::Relative(-1),
        W::This if first < i => YearRef::Relative(0),
        W::Next if first < i => YearRef::Relative(1),
        _ => YearRef::Unspecified,
    };
    // "May", "March" and "August" are also words and names: they need a cue.
    let cued =
        first < i || matches!(s.word(i.wrapping_sub(1)), W::Cue | W::Of) && s.joined(i - 1, false);
    if matches!(month, 3 | 5 | 8) && !cued {
        return None;
    }
    Some((Expr::Month { month, year }, first, i))
}

/// The first token of a month expression: a joined "early"/"mid"/"late"/"last"/"this"/"next".
fn month_span_start(s: &Sentence<'_>, i: usize) -> usize {
    match s.word(i.wrapping_sub(1)) {
        W::Modifier | W::Last | W::This | W::Next if s.joined(i - 1, false) => i - 1,
        _ => i,
    }
}

fn day_led(s: &Sentence<'_>, i: usize) -> Option<(Expr, usize, usize)> {
    let day = s.day_number(i)?;
    // "4–5 June", "4th - 5th June": the range's first day.
    let last_day = range_end(s, i, day);
    // "3 May", "3rd of May".
    let month_at = if s.word(last_day + 1) == W::Of && s.joined(last_day, false) {
        last_day + 2
    } else {
        last_day + 1
    };
    if !s.joined(month_at - 1, false) || !s.capitalized(month_at) {
        return None;
    }
    let (W::Month(month) | W::MonthAbbrev(month)) = s.word(month_at) else {
        return None;
    };
    if s.joined(month_at, true)
        && let Some(year) = s.year_number(month_at + 1, 1000..=2999)
    {
        return Some((Expr::Date { year, month, day }, i, month_at + 1));
    }
    Some(day_month_year(s, month, day, i, month_at))
}

/// The last token of day `first_day` at token `i`: `i`, or the second day of a range
/// written with a dash between two tokens ("4–5", "4 - 5", "4th-5th"), when it is later.
fn range_end(s: &Sentence<'_>, i: usize, first_day: u32) -> usize {
    let (Some(a), Some(b)) = (s.token(i), s.token(i + 1)) else {
        return i;
    };
    let gap = s.text.get(a.end as usize..b.start as usize).unwrap_or("");
    let dash = matches!(
        gap.trim_matches([' ', '\u{a0}']),
        "-" | "\u{2013}" | "\u{2014}"
    );
    let later = s.day_number(i + 1).is_some_and(|second| second > first_day);
    if dash && later { i + 1 } else { i }
}

/// True when the token after `i` makes the number at `i` a count ("June 3 million",
/// "May 10-15%"), not a day.
fn counts_something(s: &Sentence<'_>, i: usize) -> bool {
    let Some(t) = s.token(i) else {
        return false;
    };
    let rest = s.text.get(t.end as usize..).unwrap_or("");
    if rest.starts_with(['%', ':']) {
        return true;
    }
    s.joined(i, false)
        && s.token(i + 1).is_some_and(|n| {
            let word = n.stem(s.text);
            ["million", "billion", "thousand", "percent", "per"]
                .iter()
                .any(|w| word.eq_ignore_ascii_case(w))
        })
}

/// A day and month spanning tokens `first..=last`, with a relative year after it if one
/// follows ("27 February last year", "June 3 of that year").
fn day_month_year(
    s: &Sentence<'_>,
    month: u32,
    day: u32,
    first: usize,
    last: usize,
) -> (Expr, usize, usize) {
    let (year, last) = year_ref_after(s, last).unwrap_or((YearRef::Unspecified, last));
    (Expr::DayMonth { month, day, year }, first, last)
}

/// "[of] last year", "[of] this year", "[of] next year", "[of] that year" right after
/// token `i`: the year it names and its last token. Only the lower-case, singular,
/// plain word counts: "said on 3 May that years of war …", "that year-on-year rise",
/// "last year's budget" and a new sentence's "Last year" after "6 Jun." name no year.
fn year_ref_after(s: &Sentence<'_>, i: usize) -> Option<(YearRef, usize)> {
    if !s.joined(i, false) {
        return None;
    }
    let rel_at = if s.word(i + 1) == W::Of { i + 2 } else { i + 1 };
    if rel_at > i + 1 && !s.joined(i + 1, false) {
        return None;
    }
    let year = s.token(rel_at + 1)?;
    let plain_year = s.word(rel_at + 1) == W::Year
        && year.stem(s.text).eq_ignore_ascii_case("year")
        && !year.possessive()
        && !s
            .text
            .get(year.end as usize..)
            .is_some_and(|rest| rest.starts_with('-'));
    if !plain_year || !s.joined(rel_at, false) || s.capitalized(rel_at) {
        return None;
    }
    let year = match s.word(rel_at) {
        W::Last => YearRef::Relative(-1),
        W::This => YearRef::Relative(0),
        W::Next => YearRef::Relative(1),
        W::That => YearRef::That,
        _ => return None,
    };
    Some((year, rel_at + 1))
}

/// "last week", "this month", "next year", "last night", "this morning", "last Tuesday".
fn relative_led(s: &Sentence<'_>, i: usize) -> Option<(Expr, usize, usize)> {
    let sign = match s.word(i) {
        W::Last => -1,
        W::This => 0,
        W::Next => 1,
        _ => return None,
    };
    if !s.joined(i, false) {
        return None;
    }
    let expr = match (s.word(i + 1), sign) {
        (W::Week, _) => Expr::RelativeWeeks(sign),
        (W::MonthWord, _) => Expr::RelativeMonths(sign),
        (W::Year, _) => Expr::RelativeYears(sign),
        (W::Night, -1) => Expr::RelativeDays(-1),
        (W::Night | W::PartOfDay, 0) => Expr::RelativeDays(0),
        (W::Weekend, -1) => weekend(WeekdayRel::Last),
        (W::Weekend, 0) => weekend(WeekdayRel::Latest),
        (W::Weekend, _) => weekend(WeekdayRel::Next),
        // "last Tuesday", "last June": handled where the weekday or month is.
        (W::Weekday(wd), _) if s.capitalized(i + 1) => return Some(weekday_led(s, i + 1, wd)),
        (W::Month(m), _) if s.capitalized(i + 1) => return month_led(s, i + 1, m),
        _ => return None,
    };
    // Plural units ("last weeks") are not relative expressions.
    let unit = s.token(i + 1)?.stem(s.text);
    if unit.ends_with('s') && !matches!(s.word(i + 1), W::Night | W::PartOfDay) {
        return None;
    }
    Some((expr, i, i + 1))
}

/// "the day before yesterday", "the day after tomorrow", "the 2022 invasion".
fn the_led(s: &Sentence<'_>, i: usize) -> Option<(Expr, usize, usize)> {
    if let Some(year) = s.year_number(i + 1, 1900..=2100)
        && s.joined(i, false)
    {
        return Some((Expr::Year(year), i + 1, i + 1));
    }
    // "over the weekend": its Saturday.
    if s.word(i + 1) == W::Weekend && s.joined(i, false) {
        return Some((weekend(WeekdayRel::Latest), i, i + 1));
    }
    // "the previous night", as "last night".
    if s.word(i + 2) == W::Night
        && s.joined(i, false)
        && s.joined(i + 1, false)
        && s.token(i + 1).is_some_and(|t| t.text(s.text) == "previous")
    {
        return Some((Expr::RelativeDays(-1), i, i + 2));
    }
    if s.word(i + 1) != W::Day
        || !s.joined(i, false)
        || !s.joined(i + 1, false)
        || !s.joined(i + 2, false)
    {
        return None;
    }
    let rel = s.token(i + 2)?.text(s.text);
    match (rel, s.word(i + 3)) {
        ("before", W::Yesterday) => Some((Expr::RelativeDays(-2), i, i + 3)),
        ("after", W::Tomorrow) => Some((Expr::RelativeDays(2), i, i + 3)),
        _ => None,
    }
}

/// A weekend, dated by its Saturday.
fn weekend(rel: WeekdayRel) -> Expr {
    Expr::Weekday {
        weekday: Weekday::Sat,
        rel,
    }
}

/// "3 days ago", "a week ago", "two years ago".
fn ago(s: &Sentence<'_>, i: usize, n: i32) -> Option<(Expr, usize, usize)> {
    if s.word(i + 2) != W::Ago
        || !s.joined(i, false)
        || !s.joined(i + 1, false)
        || !(1..=400).contains(&n)
    {
        return None;
    }
    let expr = match s.word(i + 1) {
        W::Day => Expr::RelativeDays(-n),
        W::Week => Expr::RelativeDays(-7 * n),
        W::MonthWord => Expr::RelativeMonths(-n),
        W::Year => Expr::RelativeYears(-n),
        _ => return None,
    };
    Some((expr, i, i + 2))
}

/// "in the early hours" (without a weekday after it) is P.
fn early_hours(s: &Sentence<'_>, i: usize) -> Option<(Expr, usize, usize)> {
    let at = if s.word(i) == W::Cue && s.word(i + 1) == W::The {
        i + 2
    } else {
        return None;
    };
    let is_early = s
        .token(at)
        .is_some_and(|t| t.text(s.text).eq_ignore_ascii_case("early"));
    if !is_early || s.word(at + 1) != W::Hours || !s.joined(at, false) {
        return None;
    }
    // "in the early hours of Sunday": the weekday carries the date.
    if s.word(at + 2) == W::Of && matches!(s.word(at + 3), W::Weekday(_)) {
        return None;
    }
    Some((Expr::RelativeDays(0), at, at + 1))
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn word_classes() {
        for verb in REPORTING_VERBS {
            assert_eq!(classify(verb.as_bytes()), W::Reporting, "{verb}");
        }
        assert_eq!(classify(b"shelled"), W::Past);
        assert_eq!(classify(b"hundred"), W::Other);
        assert_eq!(classify(b"said"), W::Reporting);
        assert_eq!(classify(b"they'll"), W::Future);
        assert_eq!(classify(b"red"), W::Other);
    }

    /// The key `word_class` builds in a register (one load, bit 5 for lower case) is the
    /// key of the lower-cased word, mid-text and at its very end, in any case.
    #[test]
    fn word_class_is_classify_of_the_lower_case_word() {
        use crate::text::token::tokenize_into;
        let words = WORD_CLASSES.iter().map(|(w, _)| *w).chain([
            "shelled",
            "hundred",
            "paris",
            "they'll",
            "2023",
            "acknowledged",
            "intercepted",
            "internationalised",
        ]);
        for word in words {
            for written in [word.to_string(), word.to_uppercase(), capitalize(word)] {
                for text in [
                    format!("{written} and more words after it"),
                    written.clone(),
                ] {
                    let mut tokens = Vec::new();
                    tokenize_into(&text, 0..text.len(), &mut tokens);
                    let expected = classify(word.as_bytes());
                    assert_eq!(
                        word_class(&text, &tokens[0], &WORD_TABLE),
                        expected,
                        "{text}"
                    );
                }
            }
        }
    }

    fn capitalize(word: &str) -> String {
        word.get(..1).unwrap_or("").to_uppercase() + word.get(1..).unwrap_or("")
    }
}
