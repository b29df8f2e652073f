//! Everything the views derive from a corpus, computed once when it loads.
//!
//! The viewer must not re-extract or re-sort anything per frame: this index holds the
//! items in time order, the events grouped by place and item, the days with events and
//! the timeline's bounds. [`CorpusIndex::markers`] then aggregates a time window from
//! each place's events sorted by first day (binary searches, and running totals for
//! "everything up to a day"), and the views cache its result per (cursor, window,
//! filter).

use crate::corpus::Corpus;
use crate::extract::Event;
use crate::gazetteer::{Gazetteer, Place, PlaceId, PlaceKind};
use crate::selection::ItemRef;
use crate::temporal::Granularity;
use chrono::{Datelike as _, Days, NaiveDate};
use rustc_hash::FxHashMap;
use std::ops::Range;

/// Days before the earliest publication that the timeline still shows: the week before
/// the news is the news ("on Tuesday"); "on 3 May" a month back or "in 2008" is
/// background, seen in the cumulative window but not stretching the timeline.
const LEAD_DAYS: u64 = 7;
/// Days after the latest publication that the timeline still shows (announced events).
const TRAIL_DAYS: u64 = 14;

/// One place that has events, with the range of its events in [`CorpusIndex::by_place`].
#[derive(Clone, Debug)]
pub struct PlaceEntry {
    /// The place.
    pub place: Place,
    /// Its events, as a range of `by_place`.
    pub events: Range<usize>,
    /// Its label on the map (see [`place_label`]).
    pub label: std::sync::Arc<str>,
}

/// A place's label on the map: its name, with "region" after a region's bare name so it
/// reads apart from its capital ("Belgorod" and "Belgorod region").
pub fn place_label(place: &Place) -> String {
    let generic = [
        "region",
        "oblast",
        "province",
        "republic",
        "district",
        "krai",
        "governorate",
    ];
    let lower = place.name.to_lowercase();
    if place.kind == PlaceKind::Region && !generic.iter().any(|g| lower.contains(g)) {
        format!("{} region", place.name)
    } else {
        place.name.to_owned()
    }
}

/// A place on the map for a time window: how much happened there and how recently.
#[derive(Clone, Copy, Debug, PartialEq)]
pub struct Marker {
    /// Index into [`CorpusIndex::places`].
    pub place: usize,
    /// Distinct items (articles, entries) with events there in the window.
    pub items: u32,
    /// Events there in the window.
    pub events: u32,
    /// The latest day of those events (the period's last day, capped at the window's end).
    pub latest: NaiveDate,
    /// True when at least one of them is dated to the day (not only a month or year).
    pub precise: bool,
    /// The most recent event there, for the hover text.
    pub latest_event: usize,
}

/// An event's days and item, packed for the per-window pass.
#[derive(Clone, Copy, Debug, Default)]
struct EventSpan {
    /// First day, as days since the common era.
    first: i32,
    /// Last day (the same for a day; the period's end for a month or year).
    last: i32,
    /// Global item number.
    item: u32,
    /// Index of the event in the corpus.
    event: u32,
    /// Dated to the day.
    precise: bool,
}

impl EventSpan {
    fn new(event: &Event, index: usize, item: usize) -> Self {
        Self {
            first: event.date.first_day.num_days_from_ce(),
            last: event.date.last_day().num_days_from_ce(),
            item: u32::try_from(item).unwrap_or(u32::MAX),
            event: u32::try_from(index).unwrap_or(u32::MAX),
            precise: event.date.granularity == Granularity::Day,
        }
    }
}

/// One event of a place in a place's run sorted by first day (the first days are kept
/// apart, in `CorpusIndex::firsts`), with what the run holds up to and including it: a
/// cumulative window ("everything up to D") is then one binary search per place
/// instead of a pass over all its events.
#[derive(Clone, Copy, Debug, Default)]
struct Running {
    /// This event's last day.
    last: i32,
    /// This event.
    event: u32,
    /// This event's item (global number).
    item: u32,
    /// This event is dated to the day.
    day: bool,
    /// Distinct items so far.
    items: u32,
    /// The latest last day so far, and the event that has it (the later one on ties).
    max_last: i32,
    max_event: u32,
    /// Any event so far dated to the day.
    precise: bool,
}

/// What a place's marker counts in a window.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
struct Tally {
    items: u32,
    events: u32,
    /// The latest day (days since the common era) an event covers in the window.
    latest: i32,
    precise: bool,
    /// The event that reaches `latest`; on ties the one that begins last, then the one
    /// last in the place's order.
    latest_event: u32,
}

/// A place's tally over its `spans` (grouped by item) in the window `(from, to)` of
/// days since the common era, counting only items the filter allows: the plain pass
/// that the index's searches must agree with.
#[cfg(test)]
fn within(
    spans: &[EventSpan],
    (from, to): (i32, i32),
    filter: Option<&ItemFilter>,
) -> Option<Tally> {
    let mut tally: Option<Tally> = None;
    let mut best_first = i32::MIN;
    let mut last_item = u32::MAX;
    for span in spans {
        if span.first > to || span.last < from {
            continue;
        }
        if filter.is_some_and(|f| !f.allows(span.item as usize)) {
            continue;
        }
        let latest = span.last.min(to);
        let t = tally.get_or_insert(Tally {
            items: 0,
            events: 0,
            latest,
            precise: span.precise,
            latest_event: span.event,
        });
        t.events += 1;
        if span.item != last_item {
            t.items += 1;
            last_item = span.item;
        }
        t.precise |= span.precise;
        if (latest, span.first) >= (t.latest, best_first) {
            t.latest = latest;
            best_first = span.first;
            t.latest_event = span.event;
        }
    }
    tally
}

/// A place's tally in the window `(from, to)` from its events sorted by first day
/// (`running`; `long` holds the indices, offset by `base`, of its events longer than a
/// day), counting only items the filter allows: the same as `within` (the tests' plain
/// pass). The events that begin in the window are one run found by binary search; of
/// those that begin before it only the long ones can reach into it. `items` is scratch
/// space.
fn tally_window(
    firsts: &[i32],
    running: &[Running],
    long: &[u32],
    base: usize,
    (from, to): (i32, i32),
    filter: Option<&ItemFilter>,
    items: &mut Vec<u32>,
) -> Option<Tally> {
    let hi = firsts.partition_point(|&f| f <= to);
    let lo = firsts.get(..hi)?.partition_point(|&f| f < from);
    let before = long
        .iter()
        .map(|&i| (i as usize).wrapping_sub(base))
        .take_while(|&i| i < lo)
        .filter(|&i| running.get(i).is_some_and(|r| r.last >= from));
    let allowed = |i: &usize| {
        running
            .get(*i)
            .is_some_and(|r| filter.is_none_or(|f| f.allows(r.item as usize)))
    };
    items.clear();
    let mut tally: Option<Tally> = None;
    let mut best = (i32::MIN, i32::MIN);
    for i in before.chain(lo..hi).filter(allowed) {
        let Some(r) = running.get(i) else { continue };
        let latest = r.last.min(to);
        let t = tally.get_or_insert(Tally {
            items: 0,
            events: 0,
            latest,
            precise: false,
            latest_event: r.event,
        });
        t.events += 1;
        items.push(r.item);
        t.precise |= r.day;
        // Indices rise in `running` order, so the later event wins a tie.
        let first = firsts.get(i).copied().unwrap_or(i32::MIN);
        if (latest, first) >= best {
            best = (latest, first);
            t.latest = latest;
            t.latest_event = r.event;
        }
    }
    let t = tally.as_mut()?;
    items.sort_unstable();
    items.dedup();
    t.items = u32::try_from(items.len()).unwrap_or(u32::MAX);
    tally
}

/// A place's tally of everything up to day `to`, from its running totals (`long` and
/// `base` as for [`tally_window`]): the same as `within` over an unbounded start and no
/// filter.
fn up_to(firsts: &[i32], running: &[Running], long: &[u32], base: usize, to: i32) -> Option<Tally> {
    let k = firsts.partition_point(|&f| f <= to);
    let last = running.get(k.checked_sub(1)?)?;
    let (latest, latest_event) = if last.max_last <= to {
        (last.max_last, last.max_event)
    } else if last.last >= to {
        // The last event to begin reaches `to` itself.
        (to, last.event)
    } else {
        // Something runs past `to`: the latest-beginning month or year that does.
        let through = long
            .iter()
            .rev()
            .map(|&i| (i as usize).wrapping_sub(base))
            .filter(|&i| i < k)
            .find_map(|i| running.get(i).filter(|r| r.last >= to))?;
        (to, through.event)
    };
    Some(Tally {
        items: last.items,
        events: u32::try_from(k).unwrap_or(u32::MAX),
        latest,
        precise: last.precise,
        latest_event,
    })
}

/// Events per day for the histogram, of the events `keep` keeps: (day, count), sorted;
/// only day-dated events, and no countries (a country's every mention would drown the
/// places).
fn day_counts(
    corpus: &Corpus,
    gazetteer: &Gazetteer,
    keep: impl Fn(&Event) -> bool,
) -> Vec<(NaiveDate, u32)> {
    let mut counts: FxHashMap<NaiveDate, u32> = FxHashMap::default();
    for event in &corpus.events {
        let is_country = gazetteer
            .place(event.place)
            .is_some_and(|p| p.kind == PlaceKind::Country);
        if event.date.granularity == Granularity::Day && !is_country && keep(event) {
            *counts.entry(event.date.first_day).or_default() += 1;
        }
    }
    let mut day_counts: Vec<(NaiveDate, u32)> = counts.into_iter().collect();
    day_counts.sort_unstable();
    day_counts
}

/// Events allowed by a search: one flag per item (by global item number).
#[derive(Clone, Debug, Default, PartialEq, Eq)]
pub struct ItemFilter {
    allowed: Vec<bool>,
    /// The allowed items' events per day, as [`CorpusIndex::day_counts`] counts them.
    day_counts: Vec<(NaiveDate, u32)>,
}

impl ItemFilter {
    /// Events per day of the items that pass (day-dated, countries excluded), sorted:
    /// the histogram's bars while searching.
    pub fn day_counts(&self) -> &[(NaiveDate, u32)] {
        &self.day_counts
    }

    /// True when the item passes.
    pub fn allows(&self, global_item: usize) -> bool {
        self.allowed.get(global_item).copied().unwrap_or(false)
    }

    /// Number of items that pass.
    pub fn count(&self) -> usize {
        self.allowed.iter().filter(|a| **a).count()
    }
}

/// The derived index of a corpus.
#[derive(Clone, Debug, Default)]
pub struct CorpusIndex {
    /// Global number of each article's first item.
    item_base: Vec<usize>,
    /// All items by global number.
    items: Vec<ItemRef>,
    /// Global item numbers in publication order.
    pub items_by_time: Vec<usize>,
    /// Each item's day of publication (in its own time zone), by global number: the
    /// article pane finds the current day's rows among thousands without touching them.
    item_days: Vec<NaiveDate>,
    /// Places with events, most mentioned first.
    pub places: Vec<PlaceEntry>,
    place_of: FxHashMap<PlaceId, usize>,
    /// Event indices grouped by place (in `places` order), then by item, then by date.
    pub by_place: Vec<usize>,
    /// What [`CorpusIndex::markers`] needs of each event of `by_place`, packed, place
    /// by place (the same ranges) but sorted by first day, with running totals: a
    /// window finds its events by binary search without touching the events.
    running: Vec<Running>,
    /// The first days of `running` (its sort key), apart: the binary searches read only
    /// these.
    firsts: Vec<i32>,
    /// Indices into `running` of the events that last more than a day (a month, a
    /// year), place by place (`long_of`): the only ones that can reach into a window
    /// from before its start.
    long: Vec<u32>,
    long_of: Vec<Range<usize>>,
    /// Days that have day-dated events (countries excluded), sorted.
    pub event_days: Vec<NaiveDate>,
    /// Events per day for the histogram: (day, count), sorted, countries excluded.
    pub day_counts: Vec<(NaiveDate, u32)>,
    /// First and last day of the timeline.
    pub bounds: (NaiveDate, NaiveDate),
}

impl CorpusIndex {
    /// Builds the index of `corpus`.
    pub fn new(corpus: &Corpus, gazetteer: &Gazetteer) -> Self {
        let mut item_base = Vec::with_capacity(corpus.articles.len());
        let mut items = Vec::new();
        for (a, article) in corpus.articles.iter().enumerate() {
            item_base.push(items.len());
            items.extend((0..article.items.len()).map(|i| ItemRef {
                article: a as u32,
                item: i as u32,
            }));
        }
        let published = |r: &ItemRef| {
            corpus
                .articles
                .get(r.article as usize)
                .and_then(|a| a.items.get(r.item as usize))
                .map(|i| i.published)
        };
        let mut items_by_time: Vec<usize> = (0..items.len()).collect();
        items_by_time.sort_by_key(|&g| (items.get(g).and_then(published), g));
        let item_days = items
            .iter()
            .map(|r| published(r).map_or(NaiveDate::MIN, |p| p.date_naive()))
            .collect();

        let mut index = Self {
            item_base,
            items,
            items_by_time,
            item_days,
            ..Self::default()
        };
        index.group_by_place(corpus, gazetteer);
        index.count_days(corpus, gazetteer);
        index.bounds = timeline_bounds(corpus, &index.event_days);
        index
    }

    fn group_by_place(&mut self, corpus: &Corpus, gazetteer: &Gazetteer) {
        let mut per_place: FxHashMap<PlaceId, Vec<usize>> = FxHashMap::default();
        for (i, event) in corpus.events.iter().enumerate() {
            per_place.entry(event.place).or_default().push(i);
        }
        let mut groups: Vec<(PlaceId, Vec<usize>)> = per_place.into_iter().collect();
        // Most mentioned first, then by id: deterministic, and the busiest labels first.
        groups.sort_by_key(|(id, events)| (std::cmp::Reverse(events.len()), *id));
        let mut spans = Vec::new();
        for (id, mut events) in groups {
            let Some(place) = gazetteer.place(id) else {
                continue;
            };
            events.sort_by_key(|&e| {
                corpus
                    .events
                    .get(e)
                    .map(|ev| (self.global_item_of(ev), ev.date, ev.start))
            });
            let start = self.by_place.len();
            // One span per entry of `by_place`, in the same order.
            spans.clear();
            for &e in &events {
                if let Some(ev) = corpus.events.get(e) {
                    spans.push(EventSpan::new(ev, e, self.global_item_of(ev)));
                    self.by_place.push(e);
                }
            }
            let long_start = self.long.len();
            self.push_running(&spans);
            self.long_of.push(long_start..self.long.len());
            self.place_of.insert(id, self.places.len());
            self.places.push(PlaceEntry {
                place,
                events: start..self.by_place.len(),
                label: place_label(&place).into(),
            });
        }
    }

    /// Appends the running totals of a place's `spans` (in `by_place` order).
    fn push_running(&mut self, spans: &[EventSpan]) {
        let mut order: Vec<&EventSpan> = spans.iter().collect();
        // Stable: events of one day keep their order in `spans`.
        order.sort_by_key(|s| s.first);
        let mut seen = rustc_hash::FxHashSet::default();
        let mut acc = Running {
            max_last: i32::MIN,
            ..Running::default()
        };
        for span in order {
            if seen.insert(span.item) {
                acc.items += 1;
            }
            if span.last >= acc.max_last {
                acc.max_last = span.last;
                acc.max_event = span.event;
            }
            acc.precise |= span.precise;
            acc.last = span.last;
            acc.event = span.event;
            acc.item = span.item;
            acc.day = span.precise;
            if span.last > span.first {
                self.long
                    .push(u32::try_from(self.running.len()).unwrap_or(u32::MAX));
            }
            self.running.push(acc);
            self.firsts.push(span.first);
        }
    }

    fn count_days(&mut self, corpus: &Corpus, gazetteer: &Gazetteer) {
        let day_counts = day_counts(corpus, gazetteer, |_| true);
        self.event_days = day_counts.iter().map(|(d, _)| *d).collect();
        self.day_counts = day_counts;
    }

    /// The global number of an item.
    pub fn global_item(&self, item: ItemRef) -> Option<usize> {
        let base = self.item_base.get(item.article as usize)?;
        let global = base + item.item as usize;
        (self.items.get(global) == Some(&item)).then_some(global)
    }

    fn global_item_of(&self, event: &Event) -> usize {
        self.item_base
            .get(event.article as usize)
            .map_or(usize::MAX, |b| b + event.item as usize)
    }

    /// The item with this global number.
    pub fn item(&self, global: usize) -> Option<ItemRef> {
        self.items.get(global).copied()
    }

    /// The day an item was published (in its own time zone).
    pub fn item_day(&self, global: usize) -> Option<NaiveDate> {
        self.item_days.get(global).copied()
    }

    /// Number of items.
    pub fn item_count(&self) -> usize {
        self.items.len()
    }

    /// The index in [`Self::places`] of a place, if it has events.
    pub fn place_index(&self, id: PlaceId) -> Option<usize> {
        self.place_of.get(&id).copied()
    }

    /// The entry of a place with events, by its gazetteer id.
    pub fn entry(&self, id: PlaceId) -> Option<&PlaceEntry> {
        self.places.get(self.place_index(id)?)
    }

    /// The events of a place, grouped by item then date.
    pub fn events_of_place(&self, place: usize) -> &[usize] {
        self.places
            .get(place)
            .and_then(|p| self.by_place.get(p.events.clone()))
            .unwrap_or(&[])
    }

    /// The map's markers for a window (inclusive; `None` = from the beginning) and an
    /// optional search filter, in `places` order; countries only when `countries`.
    pub fn markers(
        &self,
        window: (Option<NaiveDate>, NaiveDate),
        filter: Option<&ItemFilter>,
        countries: bool,
        out: &mut Vec<Marker>,
    ) {
        out.clear();
        let to = window.1.num_days_from_ce();
        let from = window.0.map_or(i32::MIN, |f| f.num_days_from_ce());
        let mut items: Vec<u32> = Vec::new();
        for (p, entry) in self.places.iter().enumerate() {
            if entry.place.kind == PlaceKind::Country && !countries {
                continue;
            }
            let (Some(running), Some(firsts)) = (
                self.running.get(entry.events.clone()),
                self.firsts.get(entry.events.clone()),
            ) else {
                continue;
            };
            let long = self
                .long_of
                .get(p)
                .and_then(|r| self.long.get(r.clone()))
                .unwrap_or(&[]);
            let base = entry.events.start;
            // Everything up to the day, unfiltered, is one lookup in the running totals.
            let tally = if from == i32::MIN && filter.is_none() {
                up_to(firsts, running, long, base, to)
            } else {
                tally_window(firsts, running, long, base, (from, to), filter, &mut items)
            };
            let marker = tally.and_then(|t| {
                Some(Marker {
                    place: p,
                    items: t.items,
                    events: t.events,
                    latest: NaiveDate::from_num_days_from_ce_opt(t.latest)?,
                    precise: t.precise,
                    latest_event: t.latest_event as usize,
                })
            });
            out.extend(marker);
        }
    }

    /// The events the map shows for a window and filter (what "Export events" and the
    /// briefing captions count), as indices into `corpus.events`, in corpus order.
    pub fn events_shown(
        &self,
        corpus: &Corpus,
        window: (Option<NaiveDate>, NaiveDate),
        filter: Option<&ItemFilter>,
        countries: bool,
    ) -> Vec<usize> {
        let mut shown: Vec<usize> = self
            .places
            .iter()
            .filter(|entry| countries || entry.place.kind != PlaceKind::Country)
            .flat_map(|entry| self.by_place.get(entry.events.clone()).unwrap_or(&[]))
            .copied()
            .filter(|&e| {
                corpus.events.get(e).is_some_and(|event| {
                    in_window(event, window)
                        && filter.is_none_or(|f| f.allows(self.global_item_of(event)))
                })
            })
            .collect();
        shown.sort_unstable();
        shown
    }

    /// Items whose title, text, source or places contain `query` (case-insensitive).
    pub fn filter(&self, corpus: &Corpus, gazetteer: &Gazetteer, query: &str) -> ItemFilter {
        let query = query.trim();
        let all = || ItemFilter {
            allowed: vec![true; self.items.len()],
            day_counts: self.day_counts.clone(),
        };
        if query.is_empty() {
            return all();
        }
        let Ok(matcher) = aho_corasick::AhoCorasick::builder()
            .ascii_case_insensitive(true)
            .build([query])
        else {
            return all();
        };
        let mut allowed = vec![false; self.items.len()];
        // Items come by article: each text is unpacked once (a packed corpus's ~40 MB
        // in some 15 ms), bypassing the corpus's few kept texts.
        let mut current: Option<(u32, std::borrow::Cow<'_, str>)> = None;
        for (g, item_ref) in self.items.iter().enumerate() {
            let Some(article) = corpus.articles.get(item_ref.article as usize) else {
                continue;
            };
            let Some(item) = article.items.get(item_ref.item as usize) else {
                continue;
            };
            if current.as_ref().is_none_or(|(a, _)| *a != item_ref.article) {
                current = Some((item_ref.article, article.text.to_str()));
            }
            let text = current
                .as_ref()
                .and_then(|(_, text)| text.get(item.span.clone()))
                .unwrap_or("");
            let hit = matcher.is_match(text)
                || matcher.is_match(&item.title)
                || item.source.as_deref().is_some_and(|s| matcher.is_match(s))
                || matcher.is_match(&article.name);
            if let Some(flag) = allowed.get_mut(g) {
                *flag = hit;
            }
        }
        // Items that mention a place whose canonical name matches ("Kiev" finds Kyiv).
        for entry in &self.places {
            if matcher.is_match(entry.place.name) {
                for &e in self.by_place.get(entry.events.clone()).unwrap_or(&[]) {
                    if let Some(flag) = corpus
                        .events
                        .get(e)
                        .and_then(|ev| allowed.get_mut(self.global_item_of(ev)))
                    {
                        *flag = true;
                    }
                }
            }
        }
        let day_counts = day_counts(corpus, gazetteer, |event| {
            allowed
                .get(self.global_item_of(event))
                .copied()
                .unwrap_or(false)
        });
        ItemFilter {
            allowed,
            day_counts,
        }
    }

    /// A one-line summary: "3 articles · 22 entries · 140 events · 30 May – 4 Jun 2023".
    pub fn summary(&self, corpus: &Corpus) -> String {
        let articles = corpus.articles.len();
        let entries = self.items.len();
        let plural =
            |n: usize, one: &str, many: &str| format!("{n} {}", if n == 1 { one } else { many });
        let (first, last) = self.bounds;
        let range = if corpus.events.is_empty() {
            String::new()
        } else {
            format!(" · {}", date_range(first, last))
        };
        format!(
            "{} · {} · {}{range}",
            plural(articles, "article", "articles"),
            plural(entries, "entry", "entries"),
            plural(corpus.events.len(), "event", "events"),
        )
    }
}

/// "30 May – 4 Jun 2023", "1 Jun 2023", "28 Dec 2022 – 3 Jan 2023".
pub fn date_range(first: NaiveDate, last: NaiveDate) -> String {
    if first == last {
        return first.format("%-d %b %Y").to_string();
    }
    let head = if first.year() == last.year() {
        first.format("%-d %b")
    } else {
        first.format("%-d %b %Y")
    };
    format!("{head} – {}", last.format("%-d %b %Y"))
}

/// True when the event's period (a day, month or year) overlaps the window (inclusive;
/// `None` = from the beginning): what the map shows for a window.
fn in_window(event: &Event, (from, to): (Option<NaiveDate>, NaiveDate)) -> bool {
    event.date.first_day <= to && from.is_none_or(|f| event.date.last_day() >= f)
}

/// The timeline: the publication dates, widened to the day-dated events just before and
/// after them.
fn timeline_bounds(corpus: &Corpus, event_days: &[NaiveDate]) -> (NaiveDate, NaiveDate) {
    let published: Vec<NaiveDate> = corpus
        .articles
        .iter()
        .flat_map(|a| a.items.iter().map(|i| i.published.date_naive()))
        .collect();
    let (Some(&p_min), Some(&p_max)) = (published.iter().min(), published.iter().max()) else {
        let day = event_days.first().copied().unwrap_or_default();
        return (day, event_days.last().copied().unwrap_or(day));
    };
    let lo = p_min
        .checked_sub_days(Days::new(LEAD_DAYS))
        .unwrap_or(p_min);
    let hi = p_max
        .checked_add_days(Days::new(TRAIL_DAYS))
        .unwrap_or(p_max);
    let near = event_days.iter().filter(|d| (lo..=hi).contains(*d));
    let first = near.clone().min().copied().unwrap_or(p_min).min(p_min);
    let last = near.max().copied().unwrap_or(p_max).max(p_max);
    (first, last)
}

#[cfg(test)]
mod tests {
    use super::*;

    fn seeds() -> (Corpus, CorpusIndex) {
        let corpus = Corpus::from_seeds();
        let index = CorpusIndex::new(&corpus, Gazetteer::embedded());
        (corpus, index)
    }

    fn day(m: u32, d: u32) -> NaiveDate {
        NaiveDate::from_ymd_opt(2023, m, d).expect("valid date")
    }

    /// The markers of a window, filter or not, are what a plain pass over each place's
    /// events gives: on every day and past the end (where month- and year-dated events
    /// run on), for a day, a week and everything up to the day, on the seeds and on a
    /// generated corpus with every kind of date.
    #[test]
    fn markers_match_a_pass_over_the_events() {
        let dir = tempfile::tempdir().expect("temp dir");
        let options = crate::synth::SynthOptions {
            articles: 300,
            days: 40,
            ..Default::default()
        };
        crate::synth::write_corpus(dir.path(), options).expect("corpus written");
        let synth = Corpus::load(&[dir.path().to_path_buf()]);
        for corpus in [Corpus::from_seeds(), synth] {
            let index = CorpusIndex::new(&corpus, Gazetteer::embedded());
            let filter = index.filter(&corpus, Gazetteer::embedded(), "Kyiv");
            assert!(
                (1..index.item_count()).contains(&filter.count()),
                "the filter keeps some items"
            );
            let spans: Vec<Vec<EventSpan>> = index
                .places
                .iter()
                .map(|entry| {
                    index.by_place[entry.events.clone()]
                        .iter()
                        .map(|&e| {
                            let ev = &corpus.events[e];
                            EventSpan::new(ev, e, index.global_item_of(ev))
                        })
                        .collect()
                })
                .collect();
            let (first, last) = index.bounds;
            let (mut shown, mut through, mut long) = (0, 0, 0);
            let mut got = Vec::new();
            for day in first.iter_days().take_while(|d| *d <= last + Days::new(60)) {
                for from in [Some(day), day.checked_sub_days(Days::new(6)), None] {
                    for f in [None, Some(&filter)] {
                        let (lo, to) = (
                            from.map_or(i32::MIN, |d| d.num_days_from_ce()),
                            day.num_days_from_ce(),
                        );
                        index.markers((from, day), f, true, &mut got);
                        let expected: Vec<(usize, Tally)> = spans
                            .iter()
                            .enumerate()
                            .filter_map(|(p, s)| Some((p, within(s, (lo, to), f)?)))
                            .collect();
                        let got: Vec<(usize, Tally)> = got
                            .iter()
                            .map(|m| {
                                let t = Tally {
                                    items: m.items,
                                    events: m.events,
                                    latest: m.latest.num_days_from_ce(),
                                    precise: m.precise,
                                    latest_event: m.latest_event as u32,
                                };
                                (m.place, t)
                            })
                            .collect();
                        assert_eq!(got, expected, "{from:?} to {day}, filter {}", f.is_some());
                        shown += got.len();
                        through += got.iter().filter(|(_, t)| t.latest == to).count();
                        long += got.iter().filter(|(_, t)| !t.precise).count();
                    }
                }
            }
            assert!(
                shown > 100 && through > 10 && long > 10,
                "{shown} markers, {through} through the day, {long} of long events only"
            );
        }
    }

    /// The seeds' timeline runs from the Tuesday drone attack to the last article, not
    /// back to "3 May" or "2008".
    #[test]
    fn seed_timeline_covers_the_news_week() {
        let (corpus, index) = seeds();
        assert_eq!(
            index.bounds,
            (day(5, 30), day(6, 4)),
            "3 May a month back is background"
        );
        let summary = index.summary(&corpus);
        assert!(
            summary.starts_with("3 articles · 23 entries · "),
            "{summary}"
        );
        assert!(summary.ends_with(" · 30 May – 4 Jun 2023"), "{summary}");
    }

    /// A day window shows only that day's places; the cumulative window all of them.
    #[test]
    fn markers_follow_the_window() {
        let (_, index) = seeds();
        let g = Gazetteer::embedded();
        let name = |m: &Marker| index.places[m.place].place.name;
        let mut markers = Vec::new();
        index.markers((Some(day(6, 4)), day(6, 4)), None, false, &mut markers);
        let names: Vec<&str> = markers.iter().map(name).collect();
        assert!(
            names.contains(&"Bakhmut") && !names.contains(&"Shebekino"),
            "{names:?}"
        );
        index.markers((None, day(6, 4)), None, false, &mut markers);
        let all: Vec<&str> = markers.iter().map(name).collect();
        assert!(
            all.contains(&"Shebekino") && all.contains(&"Bakhmut"),
            "{all:?}"
        );
        assert!(!all.contains(&"Ukraine"), "countries hidden by default");
        let kyiv = markers.iter().find(|m| name(m) == "Kyiv").expect("Kyiv");
        assert!(
            kyiv.items >= 5 && kyiv.events >= kyiv.items,
            "items counted once: {kyiv:?}"
        );
        let _ = g;
    }

    /// Searching narrows the items; a place's canonical name finds its mentions.
    #[test]
    fn search_filters_items() {
        let (corpus, index) = seeds();
        let g = Gazetteer::embedded();
        let all = index.filter(&corpus, g, "");
        assert_eq!(all.count(), index.item_count());
        let shebekino = index.filter(&corpus, g, "shebekino");
        assert!(
            shebekino.count() >= 5 && shebekino.count() < index.item_count(),
            "{}",
            shebekino.count()
        );
        let kyiv = index.filter(&corpus, g, "Kyiv");
        let kiev_article = index
            .global_item(ItemRef {
                article: 2,
                item: 0,
            })
            .expect("item");
        assert!(
            kyiv.allows(kiev_article),
            "the 'Kiev' article matches a search for Kyiv"
        );
        // The histogram's bars while searching: the matching items' events only.
        assert_eq!(all.day_counts(), index.day_counts);
        let total = |counts: &[(NaiveDate, u32)]| counts.iter().map(|(_, n)| n).sum::<u32>();
        let narrowed = total(shebekino.day_counts());
        assert!(
            narrowed > 0 && narrowed < total(&index.day_counts),
            "{narrowed}"
        );
        let none = index.filter(&corpus, g, "no such words anywhere");
        assert_eq!((none.count(), none.day_counts()), (0, &[][..]));
    }

    /// Date ranges read like a person would write them.
    #[test]
    fn date_ranges_are_compact() {
        assert_eq!(date_range(day(5, 30), day(6, 4)), "30 May – 4 Jun 2023");
        assert_eq!(date_range(day(6, 1), day(6, 1)), "1 Jun 2023");
        let dec = NaiveDate::from_ymd_opt(2022, 12, 28).expect("date");
        assert_eq!(date_range(dec, day(1, 3)), "28 Dec 2022 – 3 Jan 2023");
    }
}
