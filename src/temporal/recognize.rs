//! Recognition: tokens of one sentence → temporal expressions with their spans.

use crate::text::token::{Shape, Token};
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

/// The class of a lower-case word. Dispatching on the length first turns each arm into
/// a fixed-size comparison: this runs for every word of every article.
#[expect(clippy::too_many_lines, reason = "a word table, one arm per word")]
fn classify(lower: &[u8]) -> W {
    let listed = match lower.len() {
        1 => match lower {
            b"a" => W::Count(1),
            _ => W::Other,
        },
        2 => match lower {
            b"of" => W::Of,
            b"in" | b"by" | b"on" => W::Cue,
            b"an" => W::Count(1),
            b"is" => W::Present,
            _ => W::Other,
        },
        3 => match lower {
            b"may" => W::Month(5),
            b"jan" => W::MonthAbbrev(1),
            b"feb" => W::MonthAbbrev(2),
            b"mar" => W::MonthAbbrev(3),
            b"apr" => W::MonthAbbrev(4),
            b"jun" => W::MonthAbbrev(6),
            b"jul" => W::MonthAbbrev(7),
            b"aug" => W::MonthAbbrev(8),
            b"sep" => W::MonthAbbrev(9),
            b"oct" => W::MonthAbbrev(10),
            b"nov" => W::MonthAbbrev(11),
            b"dec" => W::MonthAbbrev(12),
            b"mid" | b"end" => W::Modifier,
            b"day" => W::Day,
            b"ago" => W::Ago,
            b"the" => W::The,
            b"one" => W::Count(1),
            b"two" => W::Count(2),
            b"six" => W::Count(6),
            b"ten" => W::Count(10),
            b"due" => W::Future,
            b"are" => W::Present,
            b"was" | b"had" | b"did" | b"met" | b"saw" | b"won" | b"led" | b"ran" | b"hit" => {
                W::Past
            }
            _ => W::Other,
        },
        4 => match lower {
            b"june" => W::Month(6),
            b"july" => W::Month(7),
            b"sept" => W::MonthAbbrev(9),
            b"last" | b"past" => W::Last,
            b"this" => W::This,
            b"next" => W::Next,
            b"late" => W::Modifier,
            b"days" => W::Day,
            b"week" => W::Week,
            b"year" => W::Year,
            b"that" => W::That,
            b"from" | b"till" | b"fall" => W::Cue,
            b"four" => W::Count(4),
            b"five" => W::Count(5),
            b"nine" => W::Count(9),
            b"will" => W::Future,
            b"said" | b"told" => W::Reporting,
            b"says" | b"does" => W::Present,
            b"were" | b"went" | b"came" | b"took" | b"gave" | b"fell" | b"left" | b"held"
            | b"sent" | b"lost" | b"rose" | b"shot" | b"flew" | b"knew" => W::Past,
            _ => W::Other,
        },
        5 => match lower {
            b"march" => W::Month(3),
            b"april" => W::Month(4),
            b"today" => W::Today,
            b"later" => W::EarlierLater,
            b"early" | b"start" => W::Modifier,
            b"night" => W::Night,
            b"hours" => W::Hours,
            b"weeks" => W::Week,
            b"month" => W::MonthWord,
            b"years" => W::Year,
            b"since" | b"until" | b"after" => W::Cue,
            b"three" => W::Count(3),
            b"seven" => W::Count(7),
            b"eight" => W::Count(8),
            b"would" => W::Would,
            b"shall" | b"going" | b"plans" | b"ahead" => W::Future,
            b"began" | b"spent" | b"found" | b"broke" | b"drove" | b"stood" | b"threw" => W::Past,
            _ => W::Other,
        },
        6 => match lower {
            b"august" => W::Month(8),
            b"monday" => W::Weekday(Weekday::Mon),
            b"friday" => W::Weekday(Weekday::Fri),
            b"sunday" => W::Weekday(Weekday::Sun),
            b"coming" => W::Next,
            b"should" => W::Should,
            b"middle" => W::Modifier,
            b"months" => W::MonthWord,
            b"during" | b"before" | b"spring" | b"summer" | b"autumn" | b"winter" => W::Cue,
            b"struck" | b"fought" | b"caught" | b"became" => W::Past,
            _ => W::Other,
        },
        7 => match lower {
            b"january" => W::Month(1),
            b"october" => W::Month(10),
            b"tuesday" => W::Weekday(Weekday::Tue),
            b"tonight" => W::Today,
            b"weekend" => W::Weekend,
            b"earlier" => W::EarlierLater,
            b"morning" | b"evening" => W::PartOfDay,
            b"through" => W::Cue,
            b"planned" => W::Future,
            b"brought" => W::Past,
            _ => W::Other,
        },
        8 => match lower {
            b"february" => W::Month(2),
            b"november" => W::Month(11),
            b"december" => W::Month(12),
            b"thursday" => W::Weekday(Weekday::Thu),
            b"saturday" => W::Weekday(Weekday::Sat),
            b"tomorrow" => W::Tomorrow,
            b"planning" | b"expected" | b"upcoming" => W::Future,
            _ => W::Other,
        },
        9 => match lower {
            b"september" => W::Month(9),
            b"wednesday" => W::Weekday(Weekday::Wed),
            b"yesterday" => W::Yesterday,
            b"overnight" => W::Overnight,
            b"beginning" => W::Modifier,
            b"afternoon" => W::PartOfDay,
            b"scheduled" => W::Future,
            _ => W::Other,
        },
        10 => match lower {
            b"throughout" => W::Cue,
            _ => W::Other,
        },
        _ => W::Other,
    };
    if listed != W::Other || !lower.ends_with(b"ed") {
        // Every reporting verb and regular past below ends in "-ed": most words stop here.
        listed
    } else if REPORTING_VERBS.contains(&lower) {
        W::Reporting
    } else if is_regular_past(lower) {
        W::Past
    } else {
        listed
    }
}

/// Verbs that report speech: "said" in "X said the summit is in July" says nothing
/// about the tense of what is reported.
const REPORTING_VERBS: &[&[u8]] = &[
    b"acknowledged",
    b"added",
    b"announced",
    b"argued",
    b"asked",
    b"claimed",
    b"commented",
    b"confirmed",
    b"declared",
    b"denied",
    b"emphasised",
    b"emphasized",
    b"explained",
    b"indicated",
    b"insisted",
    b"noted",
    b"posted",
    b"replied",
    b"reported",
    b"responded",
    b"revealed",
    b"stated",
    b"stressed",
    b"suggested",
    b"tweeted",
    b"urged",
    b"warned",
];

/// Words in "-ed" that are not past-tense verbs.
const NOT_PAST: &[&[u8]] = &[
    b"exceed", b"hundred", b"indeed", b"kindred", b"naked", b"proceed", b"sacred", b"speed",
    b"succeed", b"wicked",
];

/// A regular past-tense verb ("shelled", "killed"); reporting verbs are checked first.
fn is_regular_past(lower: &[u8]) -> bool {
    lower.len() >= 5 && lower.ends_with(b"ed") && !NOT_PAST.contains(&lower)
}

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
        words.extend(tokens.iter().map(|t| word_class(text, t)));
        scan(text, tokens, words, out)
    })
}

thread_local! {
    /// The word classes of the sentence being scanned, reused between sentences.
    static WORDS: std::cell::RefCell<Vec<W>> = const { std::cell::RefCell::new(Vec::new()) };
}

/// The class of one token (`W::Other` for most).
fn word_class(text: &str, t: &Token) -> W {
    let len = (t.stem_end - t.start) as usize;
    if t.shape != Shape::Word || len > 10 {
        return W::Other;
    }
    let stem = text
        .as_bytes()
        .get(t.start as usize..t.stem_end as usize)
        .unwrap_or(&[]);
    if !t.ascii {
        return if stem.ends_with("\u{2019}ll".as_bytes()) {
            W::Future
        } else {
            W::Other
        };
    }
    let mut buf = [0u8; 10];
    let Some(lower) = buf.get_mut(..len) else {
        return W::Other;
    };
    lower.copy_from_slice(stem);
    lower.make_ascii_lowercase();
    if lower.ends_with(b"'ll") {
        return W::Future;
    }
    classify(lower)
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
        if matches!(word, W::Future)
            || (matches!(word, W::Other | W::Past) && is_future_phrase(&s, i))
        {
            strong_future = true;
        }
        if matches!(word, W::Future | W::Would | W::Next) || strong_future {
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
    // "said Monday would be a non-working day": a weekday that is the subject of a
    // future verb.
    if matches!(s.word(first), W::Weekday(_))
        && s.joined(last, false)
        && matches!(s.word(last + 1), W::Future | W::Would)
    {
        return Some(Tense::Future);
    }
    let mut k = first;
    for _ in 0..LOCAL_REACH {
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
        if let Some(tense) = tense_word(s, k) {
            return Some(tense);
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
        W::Past | W::Reporting if !s.capitalized(i) => Some(Tense::Past),
        W::Future | W::Would => Some(Tense::Future),
        W::Present => Some(Tense::Present),
        _ => None,
    }
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

/// "set to", "plan to", "hoped to", "forecast to", "likely to" are future ("due", "expected" and the
/// other single-word cues are in `classify`).
fn is_future_phrase(s: &Sentence<'_>, i: usize) -> bool {
    let Some(t) = s.token(i) else { return false };
    let word = t.text(s.text);
    matches!(
        word,
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
    ) && s.token(i + 1).is_some_and(|n| n.text(s.text) == "to")
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

    /// `classify` only looks up reporting verbs in "-ed"; a verb added without that
    /// ending would silently never be found.
    #[test]
    fn reporting_verbs_end_in_ed() {
        for verb in REPORTING_VERBS {
            assert!(verb.ends_with(b"ed"), "{}", String::from_utf8_lossy(verb));
            assert_eq!(classify(verb), W::Reporting);
        }
        assert_eq!(classify(b"shelled"), W::Past);
        assert_eq!(classify(b"hundred"), W::Other);
        assert_eq!(classify(b"said"), W::Reporting);
    }
}
