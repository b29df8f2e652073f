//! A realistic synthetic corpus for benchmarks and scale tests (`dateline dev corpus`).
//!
//! [`generate`] writes `N` articles (default 10,000, about 50 MB) spread over a year, in
//! the four formats dateline reads: date-header text with newsletter boilerplate,
//! live-blog pages with timestamped entries, JSON Lines files of many articles, and HTML
//! pages. Sentences mention places drawn from the gazetteer (weighted towards Ukraine and
//! its neighbours, as a month of war coverage is, with the rest of the world mixed in) and
//! carry date phrases of every kind [`crate::temporal`] knows: weekdays, day + month,
//! "yesterday", "last night", "earlier this month", "in mid-July", "June of last year", "3 May last year",
//! "since 2008"… plus things that are not dates ("F-16", "24/7", "10 missiles").
//!
//! The output depends only on [`SynthOptions`]: the same seed gives the same bytes.

use crate::gazetteer::{Gazetteer, PlaceId, PlaceKind};
use chrono::{Datelike as _, Duration, NaiveDate, Weekday};
use std::fmt::Write as _;
use std::io;
use std::path::Path;

/// What to generate.
#[derive(Clone, Copy, Debug)]
pub struct SynthOptions {
    /// Number of articles (a live-blog page counts as one; a JSON Lines record as one).
    pub articles: usize,
    /// Random seed: the corpus is a pure function of the options.
    pub seed: u64,
    /// First publication day.
    pub start: NaiveDate,
    /// Number of days the publication dates span.
    pub days: u32,
}

impl Default for SynthOptions {
    fn default() -> Self {
        Self {
            articles: 10_000,
            seed: 2023,
            start: NaiveDate::from_ymd_opt(2023, 1, 1).unwrap_or_default(),
            days: 365,
        }
    }
}

/// One generated file.
#[derive(Clone, Debug)]
pub struct SynthFile {
    /// File name (unique within the corpus).
    pub name: String,
    /// Its contents.
    pub bytes: Vec<u8>,
}

/// Totals of a generated corpus.
#[derive(Clone, Copy, Debug, Default, PartialEq, Eq)]
pub struct SynthStats {
    /// Files written.
    pub files: usize,
    /// Articles in them.
    pub articles: usize,
    /// Bytes in all.
    pub bytes: usize,
}

/// Places sentences draw from, by weight.
struct PlacePool {
    /// Settlements and regions in and around Ukraine (most of the coverage).
    near: Vec<(PlaceId, [u8; 2])>,
    /// Capitals and large cities elsewhere.
    far: Vec<(PlaceId, [u8; 2])>,
}

const NEAR: &[&[u8; 2]] = &[b"UA", b"RU", b"BY", b"MD", b"PL", b"RO", b"GE"];

impl PlacePool {
    fn new(gazetteer: &Gazetteer) -> Self {
        let mut near = Vec::new();
        let mut far = Vec::new();
        for i in 0..gazetteer.len() {
            let Some(place) = gazetteer.place(PlaceId(i as u32)) else {
                continue;
            };
            let entry = (place.id, place.country_code);
            let is_near = NEAR.contains(&&place.country_code);
            match place.kind {
                PlaceKind::Settlement if is_near && place.population >= 20_000 => near.push(entry),
                PlaceKind::Region if is_near && place.feature_code == "ADM1" => near.push(entry),
                PlaceKind::Settlement if place.is_capital() || place.population >= 1_000_000 => {
                    far.push(entry);
                }
                _ => {}
            }
        }
        Self { near, far }
    }
}

/// A small deterministic random source (`fastrand`'s wyrand).
struct Dice(fastrand::Rng);

impl Dice {
    fn below(&mut self, n: usize) -> usize {
        if n == 0 { 0 } else { self.0.usize(..n) }
    }

    fn pick<'a, T>(&mut self, items: &'a [T]) -> Option<&'a T> {
        items.get(self.below(items.len()))
    }

    fn chance(&mut self, percent: u8) -> bool {
        self.0.u8(..100) < percent
    }
}

/// The generator's state: the gazetteer, the place pool and the dice.
struct Writer<'g> {
    gazetteer: &'g Gazetteer,
    pool: PlacePool,
    dice: Dice,
}

const MONTHS: [&str; 12] = [
    "January",
    "February",
    "March",
    "April",
    "May",
    "June",
    "July",
    "August",
    "September",
    "October",
    "November",
    "December",
];

const OUTLETS: &[&str] = &[
    "Reuters",
    "Associated Press",
    "BBC News",
    "The Guardian",
    "Kyiv Independent",
    "Al Jazeera",
    "Agence France-Presse",
    "Deutsche Welle",
];

/// Sentences with a place (`{P}`), its country (`{C}`), a date phrase (`{D}`) and a count
/// (`{N}`).
const PLACE_SENTENCES: &[&str] = &[
    "Officials in {P} said {D} that air defences had shot down {N} drones.",
    "Explosions were heard in {P}, {C}, {D}, according to local media.",
    "Residents of {P} described a night of sirens and blasts {D}.",
    "The regional governor said {N} people were injured in {P} {D}.",
    "Fighting continued near {P} {D}, the military said in its daily update.",
    "A convoy carrying aid reached {P} {D} after days of delays.",
    "Power was cut to parts of {P} {D} after a strike on an energy facility.",
    "Talks between delegations were held in {P} {D}, the foreign ministry said.",
    "Protesters gathered in central {P} {D} to demand the release of prisoners.",
    "Emergency services in {P} said {D} that {N} buildings had been damaged.",
    "The mayor of {P} said schools would stay closed until further notice.",
    "{N} people were evacuated from villages around {P} {D}.",
];

/// Sentences with two places.
const PAIR_SENTENCES: &[&str] = &[
    "Trains between {P} and {Q} were suspended {D}.",
    "The minister travelled from {P} to {Q} {D} for a summit of regional leaders.",
    "Refugees from {P} have been arriving in {Q} since the start of the month.",
];

/// Sentences with no place and no date: the text between the news.
const FILLER: &[&str] = &[
    "The claims could not be independently verified.",
    "Analysts say the situation on the ground remains fluid.",
    "The statement did not give further details.",
    "A spokesman declined to comment when contacted by phone.",
    "Officials have repeatedly called for more air defence systems, including F-16 jets.",
    "The hotline for residents is staffed 24/7, volunteers said.",
    "It was the 463rd day of the war, according to the general staff.",
    "Prices of grain and fuel have risen sharply, traders said.",
    "Mr. Petrenko, a local official, said the U.S. had pledged 1.5 billion dollars.",
    "Witnesses said at least 10 missiles were launched from the south at 04:30.",
];

const SUBJECTS: &[&str] = &[
    "the defence ministry",
    "a senior official",
    "the prime minister's office",
    "aid agencies",
    "military analysts",
    "the central bank",
    "opposition politicians",
    "local volunteers",
    "the energy company",
    "a UN spokeswoman",
    "railway officials",
    "the presidential adviser",
];

const VERBS: &[&str] = &[
    "said it was too early to assess",
    "warned about",
    "published new figures on",
    "called for an investigation into",
    "played down reports of",
    "is expected to announce measures on",
    "has repeatedly raised concerns about",
    "declined to give details of",
    "welcomed the progress on",
    "criticised the handling of",
];

const OBJECTS: &[&str] = &[
    "the damage to the power grid",
    "the supply of ammunition",
    "the exchange of prisoners",
    "grain exports through the ports",
    "the evacuation of civilians",
    "shortages of medicine in hospitals",
    "the repair of the bridges",
    "the new sanctions package",
    "the treatment of detainees",
    "the cost of rebuilding schools",
    "the mobilisation of reservists",
];

impl Writer<'_> {
    fn place(&mut self) -> (&'static str, &'static str) {
        let pool = if self.dice.chance(75) || self.pool.far.is_empty() {
            &self.pool.near
        } else {
            &self.pool.far
        };
        let Some(&(id, code)) = self.dice.pick(pool) else {
            return ("Kyiv", "Ukraine");
        };
        let name = self.gazetteer.place(id).map_or("Kyiv", |p| p.name);
        let country = self
            .gazetteer
            .country(code)
            .and_then(|c| self.gazetteer.place(c))
            .map_or("Ukraine", |p| p.name);
        (name, country)
    }

    /// A date phrase, relative to the publication day `p` when it is relative.
    fn date_phrase(&mut self, p: NaiveDate) -> String {
        let back = |days: usize| p - Duration::days(i64::try_from(days).unwrap_or(0));
        let month = |d: NaiveDate| MONTHS[d.month0() as usize];
        match self.dice.below(21) {
            0 => "today".into(),
            1 => "yesterday".into(),
            2 => "overnight".into(),
            3 => "last night".into(),
            4 => {
                let d = back(1 + self.dice.below(6));
                format!("on {}", weekday_name(d.weekday()))
            }
            5 => {
                let d = back(self.dice.below(10));
                format!("on {} {}", d.day(), month(d))
            }
            6 => {
                let d = back(self.dice.below(10));
                format!("on {} {}", month(d), d.day())
            }
            7 => {
                let d = back(self.dice.below(6));
                format!("on {}, {} {}", weekday_name(d.weekday()), month(d), d.day())
            }
            8 => {
                let d = back(1 + self.dice.below(6));
                format!("in the early hours of {}", weekday_name(d.weekday()))
            }
            9 => "last week".into(),
            10 => "earlier this month".into(),
            11 => "last month".into(),
            12 => {
                let d = back(30 + self.dice.below(150));
                let part = ["early", "mid-", "late"][self.dice.below(3)];
                let sep = if part.ends_with('-') { "" } else { " " };
                format!("in {part}{sep}{}", month(d))
            }
            13 => format!("in {} of last year", MONTHS[self.dice.below(12)]),
            14 => format!("in {} last year", MONTHS[self.dice.below(12)]),
            15 => format!("in {}", 2000 + self.dice.below(22)),
            16 => format!("since {}", 1995 + self.dice.below(25)),
            17 => "last year".into(),
            18 => "this week".into(),
            19 => {
                // Day 28 at most: 29 February of a leap year has none the year before.
                let d = back(self.dice.below(300));
                format!("on {} {} last year", d.day().min(28), month(d))
            }
            _ => {
                let d = back(self.dice.below(20));
                format!("on {} {} {}", d.day(), month(d), d.year())
            }
        }
    }

    /// A sentence with no place: a fixed one, or subject + verb + object.
    fn filler(&mut self) -> String {
        if self.dice.chance(30) {
            return self
                .dice
                .pick(FILLER)
                .copied()
                .unwrap_or_default()
                .to_owned();
        }
        let subject = self.dice.pick(SUBJECTS).copied().unwrap_or_default();
        let verb = self.dice.pick(VERBS).copied().unwrap_or_default();
        let object = self.dice.pick(OBJECTS).copied().unwrap_or_default();
        capitalise(&format!("{subject} {verb} {object}."))
    }

    fn sentence(&mut self, p: NaiveDate) -> String {
        // About one place mention in five sentences, as in long-form coverage.
        let roll = self.dice.below(100);
        let template = if roll < 12 {
            self.dice.pick(PLACE_SENTENCES)
        } else if roll < 14 {
            self.dice.pick(PAIR_SENTENCES)
        } else {
            return self.filler();
        };
        let Some(template) = template.copied() else {
            return String::new();
        };
        let mut out = template.to_owned();
        if out.contains("{P}") {
            let (name, country) = self.place();
            out = out.replace("{P}", name).replace("{C}", country);
        }
        if out.contains("{Q}") {
            let (name, _) = self.place();
            out = out.replace("{Q}", name);
        }
        if out.contains("{D}") {
            let phrase = self.date_phrase(p);
            out = out.replace("{D}", &phrase);
        }
        if out.contains("{N}") {
            out = out.replace("{N}", &(2 + self.dice.below(40)).to_string());
        }
        capitalise(&out)
    }

    fn paragraphs(&mut self, p: NaiveDate, count: usize) -> Vec<String> {
        (0..count)
            .map(|_| {
                let n = 2 + self.dice.below(4);
                (0..n)
                    .map(|_| self.sentence(p))
                    .collect::<Vec<_>>()
                    .join(" ")
            })
            .collect()
    }

    fn title(&mut self) -> String {
        let (name, _) = self.place();
        let verbs = [
            "Drone attack reported in",
            "Officials count the damage in",
            "Evacuations continue around",
            "Leaders meet in",
            "Overnight strikes hit",
        ];
        let verb = self.dice.pick(&verbs).copied().unwrap_or("News from");
        format!("{verb} {name}")
    }

    fn text_article(&mut self, p: NaiveDate) -> Vec<u8> {
        let mut out = format!(" date {p}");
        if self.dice.chance(50) {
            out.push_str(
                " Sign up to our free breaking news emails Please enter a valid email address",
            );
        }
        out.push_str("\n\n");
        out.push_str(&self.title());
        out.push_str(".\n\n");
        let count = 12 + self.dice.below(10);
        out.push_str(&self.paragraphs(p, count).join("\n\n"));
        out.push('\n');
        out.into_bytes()
    }

    fn live_blog(&mut self, p: NaiveDate) -> Vec<u8> {
        let mut out = String::from("Summary\n\n");
        for _ in 0..3 {
            let _ = write!(out, "  • {}\n\n", self.sentence(p));
        }
        let entries = 10 + self.dice.below(10);
        let mut minutes = 18 * 60 + self.dice.below(120);
        for n in 1..=entries {
            minutes = minutes.saturating_sub(10 + self.dice.below(40));
            let title = self.title();
            let zone = ["British Summer Time", "GMT", "Moscow Time"][self.dice.below(3)];
            let _ = write!(
                out,
                "  {n}. {title}published at {:02}:{:02} {zone} {} {} {}\n\n",
                minutes / 60,
                minutes % 60,
                p.day(),
                MONTHS[p.month0() as usize],
                p.year()
            );
            let count = 1 + self.dice.below(3);
            for paragraph in self.paragraphs(p, count) {
                let _ = write!(out, "    {paragraph}\n\n");
            }
        }
        out.into_bytes()
    }

    fn json_record(&mut self, p: NaiveDate) -> String {
        let title = self.title();
        let count = 12 + self.dice.below(10);
        let text = self.paragraphs(p, count).join("\n\n");
        let hour = 6 + self.dice.below(14);
        let record = serde_json::json!({
            "title": title,
            "text": text,
            "publishedAt": format!("{p}T{hour:02}:{:02}:00Z", self.dice.below(60)),
            "source": self.dice.pick(OUTLETS).copied().unwrap_or("Reuters"),
            "url": format!("https://news.example/{p}/{}", self.dice.0.u32(..)),
        });
        record.to_string()
    }

    fn html_article(&mut self, p: NaiveDate) -> Vec<u8> {
        let title = self.title();
        let hour = 6 + self.dice.below(14);
        let mut out = format!(
            "<!DOCTYPE html>\n<html lang=\"en\"><head><meta charset=\"utf-8\">\
             <title>{title}</title>\
             <meta property=\"article:published_time\" content=\"{p}T{hour:02}:00:00+00:00\">\
             </head><body><header><nav><a href=\"/\">Home</a> <a href=\"/world\">World</a></nav></header>\
             <article><h1>{title}</h1>\n"
        );
        let count = 12 + self.dice.below(10);
        for paragraph in self.paragraphs(p, count) {
            let _ = writeln!(out, "<p>{paragraph}</p>");
        }
        out.push_str("</article><footer><p>Sign up to our newsletter</p></footer></body></html>\n");
        out.into_bytes()
    }
}

fn weekday_name(d: Weekday) -> &'static str {
    match d {
        Weekday::Mon => "Monday",
        Weekday::Tue => "Tuesday",
        Weekday::Wed => "Wednesday",
        Weekday::Thu => "Thursday",
        Weekday::Fri => "Friday",
        Weekday::Sat => "Saturday",
        Weekday::Sun => "Sunday",
    }
}

fn capitalise(s: &str) -> String {
    let mut chars = s.chars();
    chars.next().map_or_else(String::new, |first| {
        first.to_uppercase().chain(chars).collect()
    })
}

/// Records per JSON Lines file.
const JSONL_BATCH: usize = 25;

/// Generates the corpus and hands each file to `sink` (in a deterministic order).
///
/// # Errors
/// Whatever `sink` returns.
pub fn generate(
    options: SynthOptions,
    mut sink: impl FnMut(SynthFile) -> io::Result<()>,
) -> io::Result<SynthStats> {
    let gazetteer = Gazetteer::embedded();
    let mut writer = Writer {
        gazetteer,
        pool: PlacePool::new(gazetteer),
        dice: Dice(fastrand::Rng::with_seed(options.seed)),
    };
    let mut stats = SynthStats::default();
    let days = options.days.max(1) as usize;
    let day_of = |writer: &mut Writer<'_>| {
        // Busy weeks and quiet ones: two dice make the middle of the span busier.
        let d = usize::midpoint(writer.dice.below(days), writer.dice.below(days));
        options.start + Duration::days(i64::try_from(d).unwrap_or(0))
    };
    let mut emit = |stats: &mut SynthStats, name: String, bytes: Vec<u8>, articles: usize| {
        stats.files += 1;
        stats.articles += articles;
        stats.bytes += bytes.len();
        sink(SynthFile { name, bytes })
    };
    while stats.articles < options.articles {
        let n = stats.files;
        let left = options.articles - stats.articles;
        // The first files take each format in turn, so even a small corpus mixes them all.
        let kind = FIRST_KINDS
            .get(n)
            .copied()
            .unwrap_or_else(|| writer.dice.below(10));
        match kind {
            0..=3 => {
                let p = day_of(&mut writer);
                let bytes = writer.text_article(p);
                emit(&mut stats, format!("{n:06}_{p}.txt"), bytes, 1)?;
            }
            4 | 5 => {
                let p = day_of(&mut writer);
                let bytes = writer.live_blog(p);
                emit(&mut stats, format!("{n:06}_{p}_live.txt"), bytes, 1)?;
            }
            6 | 7 => {
                let count = JSONL_BATCH.min(left);
                let mut lines = String::new();
                for _ in 0..count {
                    let p = day_of(&mut writer);
                    lines.push_str(&writer.json_record(p));
                    lines.push('\n');
                }
                emit(
                    &mut stats,
                    format!("{n:06}.jsonl"),
                    lines.into_bytes(),
                    count,
                )?;
            }
            _ => {
                let p = day_of(&mut writer);
                let bytes = writer.html_article(p);
                emit(&mut stats, format!("{n:06}_{p}.html"), bytes, 1)?;
            }
        }
    }
    Ok(stats)
}

/// The format draws (see `generate`) of the first files: text, live blog, HTML, JSON Lines.
const FIRST_KINDS: [usize; 4] = [0, 4, 9, 6];

/// Generates the corpus into the folder `dir` (created if missing).
///
/// # Errors
/// When the folder or a file cannot be written.
pub fn write_corpus(dir: &Path, options: SynthOptions) -> io::Result<SynthStats> {
    std::fs::create_dir_all(dir)?;
    generate(options, |file| {
        std::fs::write(dir.join(&file.name), &file.bytes)
    })
}

#[cfg(test)]
mod tests {
    use super::*;

    fn small() -> SynthOptions {
        SynthOptions {
            articles: 60,
            seed: 7,
            ..SynthOptions::default()
        }
    }

    fn files(options: SynthOptions) -> Vec<SynthFile> {
        let mut out = Vec::new();
        generate(options, |f| {
            out.push(f);
            Ok(())
        })
        .unwrap();
        out
    }

    #[test]
    fn same_seed_same_bytes_other_seed_other_bytes() {
        let a = files(small());
        let b = files(small());
        assert_eq!(a.len(), b.len());
        assert!(a.iter().zip(&b).all(|(x, y)| x.bytes == y.bytes));
        let c = files(SynthOptions { seed: 8, ..small() });
        assert!(a.iter().zip(&c).any(|(x, y)| x.bytes != y.bytes));
    }

    #[test]
    fn every_file_reads_with_events_and_mixed_formats() {
        use crate::article::{ArticleFormat, parse};
        let files = files(small());
        let mut formats = std::collections::BTreeSet::new();
        let mut articles = 0;
        for f in &files {
            let parsed = parse(Path::new(&f.name), f.bytes.clone(), None).unwrap();
            assert!(
                parsed.problems.is_empty(),
                "{}: {:?}",
                f.name,
                parsed.problems
            );
            formats.insert(format!("{:?}", parsed.article.format));
            let extraction = crate::extract::extract_with(
                &parsed.article,
                Gazetteer::embedded(),
                0,
                &mut crate::extract::Scratch::default(),
            );
            assert!(!extraction.events.is_empty(), "{} has events", f.name);
            articles += match parsed.article.format {
                ArticleFormat::Json => parsed.article.items.len(),
                _ => 1,
            };
        }
        assert_eq!(articles, 60);
        assert!(formats.len() >= 4, "{formats:?}");
    }
}
