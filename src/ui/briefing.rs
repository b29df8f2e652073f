//! Briefing images: the map in a given state, with a title, the date or window, a legend,
//! counts, sources and attribution, and optionally a timeline strip, as a slide-ready PNG.
//!
//! One painter, [`paint_briefing`], draws them for File → Export image… and for
//! `dateline render`; both render it through [`Offscreen`], so the same state gives the
//! same pixels from either. It reuses the map's own painting ([`map_paint`]), so a
//! briefing looks like the window's map without any of its chrome.

use super::map_paint::{self, Legend, MapMarker, MapTransform};
use super::render::{Offscreen, RenderError};
use super::{map_view, theme, time_panel};
use crate::basemap::{Basemap, geo_from_map, map_from_geo};
use crate::corpus::Corpus;
use crate::gazetteer::{Gazetteer, PlaceId};
use crate::index::{CorpusIndex, ItemFilter};
use crate::time_control::{TimeCommand, TimeControl, WindowMode};
use chrono::NaiveDate;
use egui::{Align2, Color32, Context, FontId, Rect, Shape, Stroke, pos2, vec2};
use image::RgbaImage;
use std::fmt::Write as _;
use std::path::Path;

/// Reference canvas in points: 1280×720 images are drawn at one pixel per point, and
/// larger ones at a higher density with the same layout.
const REFERENCE: [f32; 2] = [1280.0, 720.0];
const HEADER_H: f32 = 70.0;
const TIMELINE_H: f32 = 74.0;
const FOOTER_H: f32 = 28.0;
const PAD: f32 = 22.0;
/// The attribution the data licences ask for.
pub const ATTRIBUTION: &str = "Map: Natural Earth. Places: GeoNames, CC BY 4.0";

const PAPER: Color32 = Color32::from_rgb(0xfb, 0xfa, 0xf7);
const INK: Color32 = Color32::from_rgb(0x1f, 0x1f, 0x1f);
const MUTED: Color32 = Color32::from_rgb(0x5c, 0x5a, 0x55);
const RULE: Color32 = Color32::from_rgb(0xd9, 0xd5, 0xcc);

/// Preset image sizes offered in the app.
pub const SIZES: [[u32; 2]; 3] = [[1280, 720], [1920, 1080], [3840, 2160]];

/// How the image is made (what the user picks; the state comes from [`BriefingView`]).
#[derive(Clone, Debug, PartialEq)]
pub struct BriefingOptions {
    /// Title; empty = a default from the state ("Events in the news", "Kyiv").
    pub title: String,
    /// Size in pixels.
    pub size: [u32; 2],
    /// Area to show (lon min, lat min, lon max, lat max); `None` frames the events.
    pub bbox: Option<[f64; 4]>,
    /// Draw the timeline strip under the map.
    pub timeline: bool,
}

impl Default for BriefingOptions {
    fn default() -> Self {
        Self {
            title: String::new(),
            size: [1920, 1080],
            bbox: None,
            timeline: true,
        }
    }
}

/// The state a briefing shows: what the window shows.
#[derive(Clone, Copy)]
pub struct BriefingView<'a> {
    /// The articles and their events.
    pub corpus: &'a Corpus,
    /// Their index.
    pub index: &'a CorpusIndex,
    /// The base map (`None` draws sea only).
    pub basemap: Option<&'a Basemap>,
    /// Cursor and window.
    pub time: &'a TimeControl,
    /// The selected place, ringed on the map and marked on the timeline.
    pub place: Option<PlaceId>,
    /// The search filter and its text.
    pub filter: Option<(&'a ItemFilter, &'a str)>,
    /// Show countries as markers.
    pub show_countries: bool,
}

/// Everything a briefing is drawn from, owned: what `dateline render` loads.
pub struct Scene {
    /// The articles and their events.
    pub corpus: Corpus,
    /// Their index.
    pub index: CorpusIndex,
    /// The base map (`None` when it cannot be read; the map is then sea only).
    pub basemap: Option<Basemap>,
}

impl Scene {
    /// Indexes a corpus and loads the base map.
    pub fn new(corpus: Corpus) -> Self {
        let index = CorpusIndex::new(&corpus, Gazetteer::embedded());
        Self {
            corpus,
            index,
            basemap: Basemap::load().ok(),
        }
    }

    /// The place called `name` (any of its names, as the articles are read) among the
    /// places with events.
    ///
    /// # Errors
    /// A message naming the most mentioned places when none matches.
    pub fn find_place(&self, name: &str) -> Result<PlaceId, String> {
        let by_gazetteer = Gazetteer::embedded()
            .lookup(name)
            .into_iter()
            .filter_map(|(id, _)| self.index.place_index(id).map(|i| (i, id)))
            .min_by_key(|(i, _)| *i)
            .map(|(_, id)| id);
        let by_name = || {
            self.index
                .places
                .iter()
                .find(|p| p.place.name.eq_ignore_ascii_case(name.trim()))
                .map(|p| p.place.id)
        };
        by_gazetteer.or_else(by_name).ok_or_else(|| {
            let known: Vec<&str> = self
                .index
                .places
                .iter()
                .take(8)
                .map(|p| p.place.name)
                .collect();
            format!(
                "no place called “{name}” in these articles (most mentioned: {})",
                known.join(", ")
            )
        })
    }

    /// The search filter for `query`, as the viewer's search box makes it.
    pub fn filter(&self, query: &str) -> ItemFilter {
        self.index
            .filter(&self.corpus, Gazetteer::embedded(), query)
    }

    /// The last day with events (or of the timeline).
    pub fn last_event_day(&self) -> NaiveDate {
        self.index
            .event_days
            .last()
            .copied()
            .unwrap_or(self.index.bounds.1)
    }

    /// A time control on `day` with `window`, as the viewer's would be; the timeline is
    /// widened to reach `day` if needed.
    pub fn time_at(&self, day: NaiveDate, window: WindowMode) -> TimeControl {
        let (first, last) = self.index.bounds;
        let mut time = TimeControl::new(first.min(day), last.max(day));
        for command in [TimeCommand::SetWindow(window), TimeCommand::SetCursor(day)] {
            let _ = time.apply(command, &self.index.event_days);
        }
        time
    }
}

/// Writes an image as PNG (RGB: briefing images are opaque).
///
/// # Errors
/// The file cannot be written; the message names it.
pub fn save_png(image: &RgbaImage, path: &Path) -> Result<(), std::io::Error> {
    let rgb = image::DynamicImage::ImageRgba8(image.clone()).to_rgb8();
    rgb.save_with_format(path, image::ImageFormat::Png)
        .map_err(|e| std::io::Error::other(format!("{}: {e}", path.display())))
}

/// Writes frames as an animated GIF that loops, each shown `seconds`.
///
/// # Errors
/// The file cannot be written; the message names it.
pub fn save_gif(frames: &[RgbaImage], seconds: f64, path: &Path) -> Result<(), std::io::Error> {
    use image::codecs::gif::{GifEncoder, Repeat};
    let named =
        |e: &dyn std::fmt::Display| std::io::Error::other(format!("{}: {e}", path.display()));
    let file = std::fs::File::create(path).map_err(|e| named(&e))?;
    let mut encoder = GifEncoder::new_with_speed(std::io::BufWriter::new(file), 10);
    encoder
        .set_repeat(Repeat::Infinite)
        .map_err(|e| named(&e))?;
    #[expect(
        clippy::cast_sign_loss,
        clippy::cast_possible_truncation,
        reason = "clamped to 20..=60000 first"
    )]
    let ms = (seconds * 1000.0).round().clamp(20.0, 60_000.0) as u32;
    let delay = image::Delay::from_numer_denom_ms(ms, 1);
    encoder
        .encode_frames(
            frames
                .iter()
                .map(|f| image::Frame::from_parts(f.clone(), 0, 0, delay)),
        )
        .map_err(|e| named(&e))
}

/// Pixel density of an image of `size` pixels: the reference layout scaled to fit.
pub fn pixels_per_point(size: [u32; 2]) -> f32 {
    (size[0] as f32 / REFERENCE[0])
        .min(size[1] as f32 / REFERENCE[1])
        .max(0.25)
}

/// Renders a briefing image.
///
/// # Errors
/// See [`RenderError`].
pub fn render_briefing(
    renderer: &mut Offscreen,
    view: &BriefingView<'_>,
    options: &BriefingOptions,
) -> Result<RgbaImage, RenderError> {
    let ppp = pixels_per_point(options.size);
    renderer.render(options.size, ppp, |ctx, canvas| {
        paint_briefing(ctx, view, options, canvas)
    })
}

/// "1 June 2023", "26 May – 1 June 2023", "28 December 2022 – 3 January 2023".
pub fn long_range(first: NaiveDate, last: NaiveDate) -> String {
    use chrono::Datelike as _;
    if first >= last {
        return last.format("%-d %B %Y").to_string();
    }
    if first.year() != last.year() {
        format!(
            "{} – {}",
            first.format("%-d %B %Y"),
            last.format("%-d %B %Y")
        )
    } else if first.month() != last.month() {
        format!("{} – {}", first.format("%-d %B"), last.format("%-d %B %Y"))
    } else {
        format!("{}–{}", first.day(), last.format("%-d %B %Y"))
    }
}

/// What the image says about itself: window dates, counts and sources.
struct Facts {
    dates: String,
    counts: String,
    sources: Vec<String>,
}

fn facts(view: &BriefingView<'_>) -> Facts {
    let (from, to) = view.time.window_range();
    let dates = if let Some(from) = from {
        long_range(from, to)
    } else {
        // "All up to date" starts at the first day with events, not the timeline's lead-in.
        let first = view.index.event_days.first().copied().unwrap_or(to).min(to);
        format!("{} (all reports up to that day)", long_range(first, to))
    };
    let shown = view.index.events_shown(
        view.corpus,
        view.time.window_range(),
        view.filter.map(|(f, _)| f),
        view.show_countries,
    );
    let mut articles: Vec<u32> = shown
        .iter()
        .filter_map(|&e| view.corpus.events.get(e).map(|e| e.article))
        .collect();
    articles.sort_unstable();
    articles.dedup();
    let plural =
        |n: usize, one: &str, many: &str| format!("{n} {}", if n == 1 { one } else { many });
    let counts = format!(
        "{} from {}",
        plural(shown.len(), "event", "events"),
        plural(articles.len(), "article", "articles")
    );
    // Sources: the outlets named in the items, else the files' names; most used first.
    let mut tally: Vec<(String, usize)> = Vec::new();
    for &e in &shown {
        let Some(event) = view.corpus.events.get(e) else {
            continue;
        };
        let Some(article) = view.corpus.articles.get(event.article as usize) else {
            continue;
        };
        let source = article
            .items
            .get(event.item as usize)
            .and_then(|i| i.source.clone())
            .unwrap_or_else(|| article.name.clone());
        match tally.iter_mut().find(|(s, _)| *s == source) {
            Some((_, n)) => *n += 1,
            None => tally.push((source, 1)),
        }
    }
    tally.sort_by(|a, b| b.1.cmp(&a.1).then_with(|| a.0.cmp(&b.0)));
    Facts {
        dates,
        counts,
        sources: tally.into_iter().map(|(s, _)| s).collect(),
    }
}

/// The default title: the selected place's name, else a plain one.
pub fn default_title(view: &BriefingView<'_>) -> String {
    view.place.and_then(|id| view.index.entry(id)).map_or_else(
        || "Events in the news".to_owned(),
        |p| p.place.name.to_owned(),
    )
}

/// Map bounds (map coordinates) that show `want` in `rect` without stretching: the
/// shorter side is widened around the centre.
fn fit_aspect(want: [f64; 4], rect: Rect) -> ([f64; 2], [f64; 2]) {
    let (cx, cy) = (
        f64::midpoint(want[0], want[2]),
        f64::midpoint(want[1], want[3]),
    );
    let (mut w, mut h) = ((want[2] - want[0]).abs(), (want[3] - want[1]).abs());
    let aspect = f64::from(rect.width()) / f64::from(rect.height().max(1.0));
    if w / h.max(f64::EPSILON) < aspect {
        w = h * aspect;
    } else {
        h = w / aspect;
    }
    ([cx - w / 2.0, cy - h / 2.0], [cx + w / 2.0, cy + h / 2.0])
}

/// Map bounds (map coordinates) for a geographic bbox (lon min, lat min, lon max, lat max).
pub fn map_bounds_of_bbox(bbox: [f64; 4]) -> [f64; 4] {
    let a = map_from_geo(bbox[1], bbox[0]);
    let b = map_from_geo(bbox[3], bbox[2]);
    [
        a[0].min(b[0]),
        a[1].min(b[1]),
        a[0].max(b[0]),
        a[1].max(b[1]),
    ]
}

/// The geographic bbox (lon min, lat min, lon max, lat max) of map bounds.
pub fn bbox_of_map_bounds(min: [f64; 2], max: [f64; 2]) -> [f64; 4] {
    let (lat0, lon0) = geo_from_map(min);
    let (lat1, lon1) = geo_from_map(max);
    [lon0, lat0, lon1, lat1]
}

/// Paints a briefing into `canvas` (points). The canvas is 1280×720 points or close to it:
/// [`pixels_per_point`] scales the pixels, not the layout.
pub fn paint_briefing(
    ctx: &Context,
    view: &BriefingView<'_>,
    options: &BriefingOptions,
    canvas: Rect,
) -> Vec<(Rect, Shape)> {
    let mut shapes = vec![Shape::rect_filled(canvas, 0.0, PAPER)];
    let facts = facts(view);
    let header = Rect::from_min_size(canvas.min, vec2(canvas.width(), HEADER_H));
    let footer = Rect::from_min_max(pos2(canvas.left(), canvas.bottom() - FOOTER_H), canvas.max);
    let timeline = options.timeline.then(|| {
        Rect::from_min_max(
            pos2(canvas.left(), footer.top() - TIMELINE_H),
            pos2(canvas.right(), footer.top()),
        )
    });
    let map_rect = Rect::from_min_max(
        pos2(canvas.left(), header.bottom()),
        pos2(canvas.right(), timeline.map_or(footer.top(), |t| t.top())),
    );

    paint_header(ctx, view, options, &facts, header, &mut shapes);
    if let Some(rect) = timeline {
        paint_timeline(ctx, view, rect, &mut shapes);
    }
    paint_footer(ctx, &facts, footer, &mut shapes);
    let mut map = Vec::new();
    paint_map(ctx, view, options, map_rect, &mut map);
    let clipped = |clip: Rect| move |shape| (clip, shape);
    shapes
        .into_iter()
        .map(clipped(canvas))
        .chain(map.into_iter().map(clipped(map_rect)))
        .collect()
}

fn text(ctx: &Context, s: &str, size: f32, color: Color32) -> std::sync::Arc<egui::Galley> {
    ctx.fonts_mut(|f| f.layout_no_wrap(s.to_owned(), FontId::proportional(size), color))
}

/// Shortens `s` with "…" until it fits `width` points at `size`.
fn fit_text(
    ctx: &Context,
    s: &str,
    size: f32,
    color: Color32,
    width: f32,
) -> std::sync::Arc<egui::Galley> {
    let galley = text(ctx, s, size, color);
    if galley.size().x <= width {
        return galley;
    }
    let chars: Vec<char> = s.chars().collect();
    let (mut lo, mut hi) = (0, chars.len());
    while lo < hi {
        let mid = (lo + hi).div_ceil(2);
        let candidate: String = chars.iter().take(mid).collect::<String>() + "…";
        if text(ctx, &candidate, size, color).size().x <= width {
            lo = mid;
        } else {
            hi = mid - 1;
        }
    }
    let shortened: String = chars.iter().take(lo).collect::<String>() + "…";
    text(ctx, &shortened, size, color)
}

fn paint_header(
    ctx: &Context,
    view: &BriefingView<'_>,
    options: &BriefingOptions,
    facts: &Facts,
    rect: Rect,
    shapes: &mut Vec<Shape>,
) {
    let title = if options.title.trim().is_empty() {
        default_title(view)
    } else {
        options.title.trim().to_owned()
    };
    let counts = text(ctx, &facts.counts, 16.0, INK);
    let counts_at = pos2(rect.right() - PAD - counts.size().x, rect.top() + 16.0);
    let title_w = counts_at.x - rect.left() - 2.0 * PAD;
    let title = fit_text(ctx, &title, 26.0, INK, title_w);
    shapes.push(Shape::galley(
        pos2(rect.left() + PAD, rect.top() + 10.0),
        title,
        INK,
    ));
    shapes.push(Shape::galley(counts_at, counts, INK));
    let mut subtitle = facts.dates.clone();
    if let Some(place) = view.place.and_then(|id| view.index.entry(id)) {
        let _ = write!(subtitle, " · {} highlighted", place.place.name);
    }
    if let Some((_, query)) = view.filter {
        let _ = write!(subtitle, " · search “{}”", query.trim());
    }
    let subtitle = fit_text(ctx, &subtitle, 16.0, MUTED, rect.width() - 2.0 * PAD);
    shapes.push(Shape::galley(
        pos2(rect.left() + PAD, rect.top() + 44.0),
        subtitle,
        MUTED,
    ));
    shapes.push(Shape::hline(
        rect.x_range(),
        rect.bottom() - 0.5,
        Stroke::new(1.0, RULE),
    ));
}

fn paint_map(
    ctx: &Context,
    view: &BriefingView<'_>,
    options: &BriefingOptions,
    rect: Rect,
    shapes: &mut Vec<Shape>,
) {
    let window = view.time.window_range();
    let mut index_markers = Vec::new();
    view.index.markers(
        window,
        view.filter.map(|(f, _)| f),
        view.show_countries,
        &mut index_markers,
    );
    let (first, last) = (
        window.0.unwrap_or(view.time.bounds().0).min(window.1),
        window.1,
    );
    let markers: Vec<MapMarker> = map_paint::map_markers(view.index, &index_markers, (first, last));
    let want = options
        .bbox
        .map_or_else(|| map_view::fit_bounds(&markers), map_bounds_of_bbox);
    let (min, max) = fit_aspect(want, rect);
    let xf = MapTransform::new(min, max, rect);
    if let Some(basemap) = view.basemap {
        map_paint::paint_basemap(basemap, &xf, ctx.pixels_per_point(), shapes);
    } else {
        shapes.push(Shape::rect_filled(rect, 0.0, theme::SEA));
    }
    let selected = view.place.and_then(|id| view.index.place_index(id));
    let legend = Legend::for_window(first, last, &markers);
    map_paint::paint_overlay(
        ctx,
        view.basemap,
        &markers,
        (selected, &[]),
        &xf,
        (map_view::MAX_LABELS, &legend),
        &mut map_paint::MarkerPaintCache::default(),
        shapes,
    );
}

fn paint_timeline(ctx: &Context, view: &BriefingView<'_>, rect: Rect, shapes: &mut Vec<Shape>) {
    shapes.push(Shape::rect_filled(rect, 0.0, PAPER));
    shapes.push(Shape::hline(
        rect.x_range(),
        rect.top() + 0.5,
        Stroke::new(1.0, RULE),
    ));
    let (first, last) = view.time.bounds();
    let days = (last - first).num_days().max(0) as f32 + 1.0;
    let plot = Rect::from_min_max(
        pos2(rect.left() + PAD, rect.top() + 24.0),
        pos2(rect.right() - PAD, rect.bottom() - 20.0),
    );
    let day_w = plot.width() / days;
    let x_of = |d: NaiveDate| plot.left() + ((d - first).num_days() as f32 + 0.5) * day_w;
    let max = view
        .index
        .day_counts
        .iter()
        .map(|(_, n)| *n)
        .max()
        .unwrap_or(1)
        .max(1) as f32;
    // The window, shaded.
    let (from, to) = view.time.window_range();
    let from = from.unwrap_or(first).max(first);
    shapes.push(Shape::rect_filled(
        Rect::from_x_y_ranges(
            x_of(from) - day_w / 2.0..=x_of(to) + day_w / 2.0,
            plot.y_range(),
        ),
        0.0,
        theme::CURSOR.gamma_multiply(0.08),
    ));
    let bar = |d: NaiveDate, n: u32, width: f32, color: Color32, shapes: &mut Vec<Shape>| {
        let h = (n as f32 / max) * plot.height();
        let x = x_of(d);
        shapes.push(Shape::rect_filled(
            Rect::from_x_y_ranges(
                x - width / 2.0..=x + width / 2.0,
                plot.bottom() - h..=plot.bottom(),
            ),
            0.0,
            color,
        ));
    };
    let bar_w = (day_w * 0.8).max(1.0);
    // A search's events stand out against all of them, as on the window's histogram.
    let all = if view.filter.is_some() {
        theme::BAR.gamma_multiply(0.3)
    } else {
        theme::BAR
    };
    let matching = view.filter.map_or(&[][..], |(f, _)| f.day_counts());
    for (counts, color) in [(&view.index.day_counts[..], all), (matching, theme::BAR)] {
        for &(d, n) in counts {
            if (first..=last).contains(&d) {
                bar(d, n, bar_w, color, shapes);
            }
        }
    }
    for (d, n) in time_panel::place_days(view.index, view.corpus, view.place) {
        if (first..=last).contains(&d) {
            bar(d, n, (day_w * 0.5).max(1.0), theme::BAR_SELECTED, shapes);
        }
    }
    shapes.push(Shape::hline(
        plot.x_range(),
        plot.bottom(),
        Stroke::new(1.0, MUTED),
    ));
    let cursor = x_of(view.time.cursor());
    shapes.push(Shape::vline(
        cursor,
        plot.top() - 4.0..=plot.bottom() + 2.0,
        Stroke::new(2.0, theme::CURSOR),
    ));
    paint_day_ticks(ctx, (first, last), plot, rect.right(), &x_of, shapes);
    let caption = text(ctx, "Events per day", 12.0, MUTED);
    shapes.push(Shape::galley(
        pos2(plot.left(), rect.top() + 5.0),
        caption,
        MUTED,
    ));
}

/// Day ticks under the timeline's `plot`, as on the window's histogram, none past `right`.
fn paint_day_ticks(
    ctx: &Context,
    (first, last): (NaiveDate, NaiveDate),
    plot: Rect,
    right: f32,
    x_of: &dyn Fn(NaiveDate) -> f32,
    shapes: &mut Vec<Shape>,
) {
    let span = (last - first).num_days().max(0) as f64;
    let mut last_right = f32::MIN;
    for mark in time_panel::day_marks((0.0, span), span) {
        let day = first
            .checked_add_days(chrono::Days::new(
                u64::try_from(mark.value.round() as i64).unwrap_or(0),
            ))
            .unwrap_or(first);
        let label = text(
            ctx,
            &time_panel::tick_label(day, (first, last)),
            12.0,
            MUTED,
        );
        let x = x_of(day);
        let at = Align2::CENTER_TOP.anchor_size(pos2(x, plot.bottom() + 3.0), label.size());
        if at.left() < last_right + 6.0 || at.right() > right {
            continue;
        }
        last_right = at.right();
        shapes.push(Shape::vline(
            x,
            plot.bottom()..=plot.bottom() + 3.0,
            Stroke::new(1.0, MUTED),
        ));
        shapes.push(Shape::galley(at.min, label, MUTED));
    }
}

fn paint_footer(ctx: &Context, facts: &Facts, rect: Rect, shapes: &mut Vec<Shape>) {
    shapes.push(Shape::hline(
        rect.x_range(),
        rect.top() + 0.5,
        Stroke::new(1.0, RULE),
    ));
    let attribution = text(ctx, ATTRIBUTION, 12.0, MUTED);
    let y = rect.center().y - attribution.size().y / 2.0;
    let attribution_x = rect.right() - PAD - attribution.size().x;
    let room = attribution_x - rect.left() - 2.0 * PAD;
    // As many sources as fit, then "and N more".
    let mut line = String::new();
    for (i, source) in facts.sources.iter().enumerate() {
        let candidate = if line.is_empty() {
            format!("Sources: {source}")
        } else {
            format!("{line}, {source}")
        };
        let rest = facts.sources.len() - i - 1;
        let tail = if rest > 0 {
            format!(" and {rest} more")
        } else {
            String::new()
        };
        if text(ctx, &(candidate.clone() + &tail), 12.0, MUTED)
            .size()
            .x
            > room
            && !line.is_empty()
        {
            let _ = write!(line, " and {} more", rest + 1);
            break;
        }
        line = candidate;
    }
    let sources = fit_text(ctx, &line, 12.0, MUTED, room);
    shapes.push(Shape::galley(pos2(rect.left() + PAD, y), sources, MUTED));
    shapes.push(Shape::galley(pos2(attribution_x, y), attribution, MUTED));
}

#[cfg(test)]
mod tests {
    use super::*;

    fn d(m: u32, day: u32) -> NaiveDate {
        NaiveDate::from_ymd_opt(2023, m, day).unwrap_or_default()
    }

    #[test]
    fn ranges_read_like_a_caption() {
        assert_eq!(long_range(d(6, 1), d(6, 1)), "1 June 2023");
        assert_eq!(long_range(d(5, 26), d(6, 1)), "26 May – 1 June 2023");
        assert_eq!(long_range(d(6, 1), d(6, 4)), "1–4 June 2023");
        let new_year = NaiveDate::from_ymd_opt(2024, 1, 3).unwrap_or_default();
        assert_eq!(
            long_range(d(12, 28), new_year),
            "28 December 2023 – 3 January 2024"
        );
    }

    #[test]
    fn density_scales_the_reference_layout() {
        assert!((pixels_per_point([1280, 720]) - 1.0).abs() < 1e-6);
        assert!((pixels_per_point([1920, 1080]) - 1.5).abs() < 1e-6);
        assert!((pixels_per_point([3840, 2160]) - 3.0).abs() < 1e-6);
        // A tall custom size keeps the layout's width readable.
        assert!((pixels_per_point([1080, 1920]) - 1080.0 / 1280.0).abs() < 1e-6);
    }

    #[test]
    fn the_map_keeps_its_aspect() {
        let rect = Rect::from_min_size(pos2(0.0, 0.0), vec2(1280.0, 600.0));
        let (min, max) = fit_aspect([20.0, 40.0, 30.0, 60.0], rect);
        let ratio = (max[0] - min[0]) / (max[1] - min[1]);
        assert!((ratio - 1280.0 / 600.0).abs() < 1e-9, "{ratio}");
        // The asked-for area stays inside, centred.
        assert!(min[0] <= 20.0 && max[0] >= 30.0 && min[1] <= 40.0 && max[1] >= 60.0);
        assert!((f64::midpoint(min[0], max[0]) - 25.0).abs() < 1e-9);
    }
}
