//! Painting the map: base map, markers, labels and legend, into any screen rectangle.
//!
//! The interactive map (an egui_plot item) and the briefing renderer both paint through
//! these functions, so the window and the exported image cannot drift apart.

use super::marker_atlas::{self, MarkerAtlas};
use super::theme;
use crate::basemap::{Basemap, Polyline, TriangleMesh};
use crate::gazetteer::PlaceKind;
use crate::scene::{self, ScreenMarker};
use egui::epaint::{Mesh, PathStroke};
use egui::{Align2, Color32, Context, Pos2, Rect, Shape, Stroke, pos2, vec2};

/// Screen position from map coordinates for one view: the map rectangle `min..max`
/// shown in the screen rectangle `rect` (y grows upwards on the map, downwards on screen).
#[derive(Clone, Copy, Debug, PartialEq)]
pub struct MapTransform {
    min: [f64; 2],
    max: [f64; 2],
    rect: Rect,
}

impl MapTransform {
    /// A transform showing map bounds `min..max` in `rect`.
    pub fn new(min: [f64; 2], max: [f64; 2], rect: Rect) -> Self {
        Self { min, max, rect }
    }

    /// The transform of an egui_plot frame.
    pub fn from_plot(transform: &egui_plot::PlotTransform) -> Self {
        let b = transform.bounds();
        Self::new(b.min(), b.max(), *transform.frame())
    }

    /// The screen rectangle.
    pub fn rect(&self) -> Rect {
        self.rect
    }

    /// Screen position of map coordinates.
    pub fn screen_from_map(&self, p: [f64; 2]) -> Pos2 {
        let fx = (p[0] - self.min[0]) / (self.max[0] - self.min[0]).max(f64::EPSILON);
        let fy = (p[1] - self.min[1]) / (self.max[1] - self.min[1]).max(f64::EPSILON);
        pos2(
            self.rect.left() + (fx as f32) * self.rect.width(),
            self.rect.bottom() - (fy as f32) * self.rect.height(),
        )
    }

    fn screen_from_map32(&self, p: [f32; 2]) -> Pos2 {
        self.screen_from_map([f64::from(p[0]), f64::from(p[1])])
    }

    /// Map units per screen point (along the axis that shows more detail, should the two
    /// differ).
    pub fn map_per_point(&self) -> f64 {
        let x = (self.max[0] - self.min[0]) / f64::from(self.rect.width()).max(1.0);
        let y = (self.max[1] - self.min[1]) / f64::from(self.rect.height()).max(1.0);
        x.min(y)
    }

    /// True when a map bounding box (min x, min y, max x, max y) touches the view.
    pub fn sees(&self, b: [f32; 4]) -> bool {
        f64::from(b[2]) >= self.min[0]
            && f64::from(b[0]) <= self.max[0]
            && f64::from(b[3]) >= self.min[1]
            && f64::from(b[1]) <= self.max[1]
    }
}

/// Paints sea, land, lakes, region and country borders and rivers, at the level of detail
/// the view's pixels can show.
pub fn paint_basemap(
    basemap: &Basemap,
    xf: &MapTransform,
    pixels_per_point: f32,
    shapes: &mut Vec<Shape>,
) {
    shapes.push(Shape::rect_filled(xf.rect(), 0.0, theme::SEA));
    // Outlines as detailed as the view can show: half a pixel of error is invisible.
    let max_error = (0.5 * xf.map_per_point()) as f32 / pixels_per_point.max(0.1);
    let mut land = Mesh::default();
    for country in basemap.countries.iter().filter(|c| xf.sees(c.bounds)) {
        add_mesh(
            &mut land,
            country.fill.for_error(max_error),
            xf,
            theme::LAND,
        );
    }
    shapes.push(Shape::mesh(land));
    let mut lakes = Mesh::default();
    add_mesh(
        &mut lakes,
        basemap.lakes.for_error(max_error),
        xf,
        theme::LAKE,
    );
    shapes.push(Shape::mesh(lakes));
    // Level of detail: first-level regions and rivers are clutter on a view of a
    // continent or more (and most of the vertices).
    let span = xf.max[0] - xf.min[0];
    if span <= REGIONS_UP_TO_DEGREES {
        add_lines(
            &basemap.region_borders,
            xf,
            max_error,
            // One stroke per border (see `basemap`), as dark as the two overlapping
            // 0.7-point strokes each one used to get.
            Stroke::new(0.9, theme::REGION_BORDER),
            shapes,
        );
    }
    if span <= RIVERS_UP_TO_DEGREES {
        add_lines(
            &basemap.rivers,
            xf,
            max_error,
            Stroke::new(1.0, theme::RIVER),
            shapes,
        );
    }
    add_lines(
        &basemap.borders,
        xf,
        max_error,
        Stroke::new(0.9, theme::BORDER),
        shapes,
    );
}

/// Widest view (degrees of longitude) that shows first-level region borders.
const REGIONS_UP_TO_DEGREES: f64 = 60.0;
/// Widest view (degrees of longitude) that shows rivers.
const RIVERS_UP_TO_DEGREES: f64 = 120.0;
/// Border and river points closer than this to the last one kept (in points) are left
/// out: finer than the eye can follow on a map line, and each costs vertices.
const LINE_STEP: f32 = 1.5;

/// The base map tessellated once for a view, reused while the view does not move: the
/// borders and rivers are thousands of strokes, and re-tessellating them every frame was
/// most of a frame's CPU time.
#[derive(Default)]
pub struct BasemapCache {
    key: Option<[u64; 9]>,
    mesh: Option<std::sync::Arc<Mesh>>,
    /// Draw the mesh from GPU buffers (`ui::gpu_mesh`) rather than hand it to egui.
    pub gpu: bool,
}

/// Tessellates shapes (no text) into one mesh, as egui would, to be reused across frames.
fn tessellate_once(ctx: &Context, clip: Rect, shapes: Vec<Shape>) -> std::sync::Arc<Mesh> {
    let options = ctx.tessellation_options(|o| *o);
    #[expect(
        clippy::redundant_closure_for_method_calls,
        reason = "the method path does not satisfy the higher-ranked bound"
    )]
    let font_size = ctx.fonts(|f| f.font_image_size());
    let mut tessellator =
        egui::epaint::Tessellator::new(ctx.pixels_per_point(), options, font_size, Vec::new());
    tessellator.set_clip_rect(clip);
    let mut mesh = Mesh::default();
    for shape in shapes {
        tessellator.tessellate_shape(shape, &mut mesh);
    }
    std::sync::Arc::new(mesh)
}

/// What a cached drawing of the map depends on: the screen rectangle, the map bounds shown
/// in it and the pixel density.
fn view_key(ctx: &Context, xf: &MapTransform) -> [u64; 9] {
    let r = xf.rect();
    [
        u64::from(r.min.x.to_bits()),
        u64::from(r.min.y.to_bits()),
        u64::from(r.max.x.to_bits()),
        u64::from(r.max.y.to_bits()),
        xf.min[0].to_bits(),
        xf.min[1].to_bits(),
        xf.max[0].to_bits(),
        xf.max[1].to_bits(),
        u64::from(ctx.pixels_per_point().to_bits()),
    ]
}

/// [`paint_basemap`] through a [`BasemapCache`]: one ready mesh per view.
pub fn paint_basemap_cached(
    ctx: &Context,
    basemap: &Basemap,
    xf: &MapTransform,
    cache: &mut BasemapCache,
    shapes: &mut Vec<Shape>,
) {
    let key = view_key(ctx, xf);
    if cache.key != Some(key) || cache.mesh.is_none() {
        let mut raw = Vec::new();
        paint_basemap(basemap, xf, ctx.pixels_per_point(), &mut raw);
        cache.mesh = Some(tessellate_once(ctx, xf.rect(), raw));
        cache.key = Some(key);
    }
    if let Some(mesh) = &cache.mesh {
        shapes.push(if cache.gpu {
            super::gpu_mesh::shape(xf.rect(), mesh.clone())
        } else {
            Shape::Mesh(mesh.clone())
        });
    }
}

fn add_mesh(mesh: &mut Mesh, fill: &TriangleMesh, xf: &MapTransform, color: Color32) {
    let base = mesh.vertices.len() as u32;
    mesh.reserve_vertices(fill.vertices.len());
    for v in &fill.vertices {
        mesh.colored_vertex(xf.screen_from_map32(*v), color);
    }
    mesh.reserve_triangles(fill.triangles.len());
    for t in &fill.triangles {
        mesh.add_triangle(base + t[0], base + t[1], base + t[2]);
    }
}

fn add_lines(
    lines: &[Polyline],
    xf: &MapTransform,
    max_error: f32,
    stroke: Stroke,
    shapes: &mut Vec<Shape>,
) {
    // A line within a pixel (the outline of an islet on a view of the world) would be a
    // dot of a dozen triangles: left out.
    let dot = 2.0 * max_error;
    let visible = |l: &&Polyline| {
        xf.sees(l.bounds) && (l.bounds[2] - l.bounds[0] >= dot || l.bounds[3] - l.bounds[1] >= dot)
    };
    for line in lines.iter().filter(visible) {
        // Points closer than LINE_STEP to the last one kept add nothing visible but cost
        // tessellation and memory (Natural Earth's detail is finer than a pixel at most
        // zooms): drop them, keeping the ends.
        let line = line.points_for_error(max_error);
        let mut points: Vec<Pos2> = Vec::with_capacity(line.len());
        for (i, p) in line.iter().enumerate() {
            let q = xf.screen_from_map32(*p);
            let last = i + 1 == line.len();
            if last
                || points
                    .last()
                    .is_none_or(|k| k.distance_sq(q) >= LINE_STEP * LINE_STEP)
            {
                points.push(q);
            }
        }
        shapes.push(Shape::line(
            points,
            PathStroke::new(stroke.width, stroke.color),
        ));
    }
}

/// A marker ready to paint.
#[derive(Clone, Debug, PartialEq)]
pub struct MapMarker {
    /// Index into the corpus index's places.
    pub place: usize,
    /// Position in map coordinates.
    pub at: [f64; 2],
    /// Radius in points.
    pub radius: f32,
    /// Distinct items that mention the place in the window (what the radius shows).
    pub items: u32,
    /// Recency colour.
    pub color: Color32,
    /// Drawn hollow: the place is a region or its dates are months or years.
    pub hollow: bool,
    /// Its label text.
    pub label: std::sync::Arc<str>,
}

/// Paint-ready markers from the index's markers for a window `first..=last` (the
/// window's ends set the recency colours), sized at the scale of their busiest
/// ([`scene::SizeScale`]).
pub fn map_markers(
    index: &crate::index::CorpusIndex,
    markers: &[crate::index::Marker],
    (first, last): (chrono::NaiveDate, chrono::NaiveDate),
) -> Vec<MapMarker> {
    let mut painted: Vec<MapMarker> = markers
        .iter()
        .filter_map(|m| {
            let entry = index.places.get(m.place)?;
            let place = entry.place;
            Some(MapMarker {
                place: m.place,
                at: crate::basemap::map_from_geo(place.lat, place.lon),
                radius: 0.0,
                items: m.items,
                color: theme::recency_color(scene::recency(m.latest, first, last)),
                hollow: !m.precise || matches!(place.kind, PlaceKind::Region | PlaceKind::Country),
                label: entry.label.clone(),
            })
        })
        .collect();
    // The same busiest count as the legend's (`Legend::for_window`).
    let scale = scene::SizeScale::for_busiest(busiest(&painted));
    for m in &mut painted {
        m.radius = scale.radius(m.items);
    }
    painted
}

/// The largest item count among `markers` (0 for none).
fn busiest(markers: &[MapMarker]) -> u32 {
    markers.iter().map(|m| m.items).max().unwrap_or(0)
}

/// A marker's label as placed on screen.
#[derive(Clone, Debug, PartialEq)]
pub struct PlacedLabel {
    /// Index into the painted markers.
    pub marker: usize,
    /// Where the text goes.
    pub rect: Rect,
}

/// Markers and labels painted for one view, reused while nothing they depend on changes
/// (in a year of news thousands of markers show at once, and tessellating their circles
/// every frame was most of a frame's time).
#[derive(Default)]
pub struct MarkerPaintCache {
    key: Option<u64>,
    /// Draws markers with the GPU's marker shader (`gpu_mesh::install`).
    pub gpu: bool,
    /// The markers' shapes, ready to draw: their discs, then the selection rings.
    shapes: Vec<Shape>,
    /// Placed labels and their text.
    labels: Vec<(PlacedLabel, std::sync::Arc<str>)>,
    /// Label sizes measured in earlier frames.
    sizes: LabelSizes,
}

/// Marker label sizes by text, for one pixel density. Sizes, not galleys, are kept
/// across frames: a galley points into egui's font atlas, which egui may rebuild, while
/// the placed labels' galleys are asked of egui every frame (its cache keeps them
/// cheap and valid). Measuring the thousands of labels the placer may try is what must
/// not happen every frame.
#[derive(Default)]
struct LabelSizes {
    by_text: rustc_hash::FxHashMap<std::sync::Arc<str>, (f32, f32)>,
    pixels_per_point: f32,
    /// The context the text is measured with (set by `validate`).
    ctx: Option<Context>,
}

impl LabelSizes {
    /// Sizes kept before the cache starts afresh.
    const LIMIT: usize = 4096;

    /// Forgets every size when the pixel density changed.
    fn validate(&mut self, ctx: &Context) {
        let ppp = ctx.pixels_per_point();
        if ppp.to_bits() != self.pixels_per_point.to_bits() || self.by_text.len() > Self::LIMIT {
            self.by_text.clear();
        }
        self.pixels_per_point = ppp;
        self.ctx = Some(ctx.clone());
    }

    /// The size of a label with its padding.
    fn get(&mut self, text: &std::sync::Arc<str>) -> Option<(f32, f32)> {
        if let Some(size) = self.by_text.get(text) {
            return Some(*size);
        }
        let galley = label_galley(self.ctx.as_ref()?, text);
        let size = (galley.size().x + 4.0, galley.size().y);
        self.by_text.insert(text.clone(), size);
        Some(size)
    }
}

/// A marker label laid out (through egui's galley cache).
fn label_galley(ctx: &Context, text: &str) -> std::sync::Arc<egui::Galley> {
    ctx.fonts_mut(|f| f.layout_no_wrap(text.to_owned(), theme::place_font(), theme::PLACE_LABEL))
}

/// Paints markers (largest first, so small ones stay on top) and the labels that fit;
/// returns the labels placed, for hit-testing and accessibility. The selected place
/// gets a thick ring and the selected item's places a thin one (both are indices into
/// the corpus index's places). No label goes over `legend`.
fn paint_markers(
    ctx: &Context,
    markers: &[MapMarker],
    (selected, highlighted): (Option<usize>, &[usize]),
    xf: &MapTransform,
    (max_labels, legend): (usize, Rect),
    cache: &mut MarkerPaintCache,
    shapes: &mut Vec<Shape>,
) -> Vec<PlacedLabel> {
    let key = {
        use std::hash::{Hash as _, Hasher as _};
        let mut h = rustc_hash::FxHasher::default();
        view_key(ctx, xf).hash(&mut h);
        for m in markers {
            (m.place, m.radius.to_bits(), m.color, m.hollow, &m.label).hash(&mut h);
        }
        (selected, highlighted, max_labels).hash(&mut h);
        [legend.min.x, legend.min.y, legend.max.x, legend.max.y]
            .map(f32::to_bits)
            .hash(&mut h);
        h.finish()
    };
    if cache.key != Some(key) {
        cache.sizes.validate(ctx);
        let mut painted = PaintedMarkers {
            // The GPU's marker shader needs no atlas (nor its texture's memory).
            discs: if cache.gpu {
                Discs::Gpu(super::gpu_mesh::MarkerQuads::new(ctx.pixels_per_point()))
            } else {
                let atlas = MarkerAtlas::get(ctx);
                Discs::Egui {
                    circles: Vec::new(),
                    sprites: atlas.mesh(),
                    atlas,
                }
            },
            rings: Vec::new(),
        };
        cache.labels = paint_markers_uncached(
            markers,
            (selected, highlighted),
            xf,
            (max_labels, legend),
            &mut painted,
            &mut cache.sizes,
        );
        let clip = xf.rect().expand(20.0);
        cache.shapes.clear();
        match painted.discs {
            Discs::Gpu(quads) => {
                if !quads.is_empty() {
                    let quads = std::sync::Arc::new(quads);
                    cache
                        .shapes
                        .push(super::gpu_mesh::markers_shape(xf.rect(), quads));
                }
            }
            Discs::Egui {
                circles, sprites, ..
            } => {
                // Circles too big for the atlas first: markers go largest first.
                cache
                    .shapes
                    .push(Shape::Mesh(tessellate_once(ctx, clip, circles)));
                cache.shapes.push(Shape::Mesh(std::sync::Arc::new(sprites)));
            }
        }
        let rings = tessellate_once(ctx, clip, painted.rings);
        cache.shapes.push(Shape::Mesh(rings));
        cache.key = Some(key);
    }
    shapes.extend(cache.shapes.iter().cloned());
    for (label, text) in &cache.labels {
        shapes.push(Shape::rect_filled(label.rect, 3.0, theme::LABEL_HALO));
        shapes.push(Shape::galley(
            label.rect.min + vec2(2.0, 0.0),
            label_galley(ctx, text),
            theme::PLACE_LABEL,
        ));
    }
    cache.labels.iter().map(|(l, _)| l.clone()).collect()
}

/// Paints what goes over the base map: the markers and their labels, the names of
/// countries (under the markers, where no label or the legend is) and the legend on top;
/// returns the labels placed, for hit-testing and accessibility. Markers go largest first
/// (small ones stay on top); the selected place gets a thick ring and the selected item's
/// places a thin one (`selection`: indices into the corpus index's places).
#[expect(
    clippy::too_many_arguments,
    reason = "one view's parts, passed as they are"
)]
pub fn paint_overlay(
    ctx: &Context,
    basemap: Option<&Basemap>,
    markers: &[MapMarker],
    selection: (Option<usize>, &[usize]),
    xf: &MapTransform,
    (max_labels, legend): (usize, &Legend),
    cache: &mut MarkerPaintCache,
    shapes: &mut Vec<Shape>,
) -> Vec<PlacedLabel> {
    let layout = LegendLayout::new(ctx, legend);
    let legend_rect = layout.rect(xf);
    let under_markers = shapes.len();
    let labels = paint_markers(
        ctx,
        markers,
        selection,
        xf,
        (max_labels, legend_rect),
        cache,
        shapes,
    );
    if let Some(basemap) = basemap {
        let mut taken: Vec<Rect> = labels.iter().map(|l| l.rect).collect();
        taken.push(legend_rect);
        let mut names = Vec::new();
        paint_country_labels(ctx, basemap, xf, &taken, &mut names);
        shapes.splice(under_markers..under_markers, names);
    }
    paint_legend(ctx, legend, (&layout, legend_rect), shapes);
    labels
}

/// Markers drawn for one view, in paint order.
struct PaintedMarkers {
    /// The markers' discs and outlines.
    discs: Discs,
    /// Selection rings.
    rings: Vec<Shape>,
}

/// How the markers' discs and outlines are drawn.
enum Discs {
    /// Every marker as one quad for the GPU's marker shader.
    Gpu(super::gpu_mesh::MarkerQuads),
    /// As egui meshes: atlas quads, and circles too big for the atlas.
    Egui {
        atlas: std::sync::Arc<MarkerAtlas>,
        circles: Vec<Shape>,
        sprites: Mesh,
    },
}

/// Paints the markers' circles and returns the labels that fit, with their text laid
/// out.
fn paint_markers_uncached(
    markers: &[MapMarker],
    (selected, highlighted): (Option<usize>, &[usize]),
    xf: &MapTransform,
    (max_labels, legend): (usize, Rect),
    painted: &mut PaintedMarkers,
    sizes: &mut LabelSizes,
) -> Vec<(PlacedLabel, std::sync::Arc<str>)> {
    let screen: Vec<ScreenMarker> = markers
        .iter()
        .map(|m| {
            let p = xf.screen_from_map(m.at);
            ScreenMarker {
                x: p.x,
                y: p.y,
                radius: m.radius,
                label: None,
            }
        })
        .collect();
    let mut order: Vec<usize> = (0..markers.len()).collect();
    order.sort_by(|&a, &b| markers[b].radius.total_cmp(&markers[a].radius));
    for &i in &order {
        let (m, s) = (&markers[i], &screen[i]);
        let center = pos2(s.x, s.y);
        if !xf.rect().expand(m.radius).contains(center) {
            continue;
        }
        let (fill, stroke) = if m.hollow {
            (theme::imprecise_fill(m.color), Stroke::new(2.0, m.color))
        } else {
            (m.color, Stroke::new(1.0, theme::MARKER_OUTLINE))
        };
        match &mut painted.discs {
            Discs::Gpu(quads) => quads.add(center, m.radius, fill, (stroke.width, stroke.color)),
            Discs::Egui { atlas, sprites, .. } if atlas.holds(m.radius + stroke.width / 2.0) => {
                let ring = if m.hollow {
                    marker_atlas::Kind::ThickRing
                } else {
                    marker_atlas::Kind::ThinRing
                };
                atlas.add(sprites, marker_atlas::Kind::Disc, center, m.radius, fill);
                atlas.add(sprites, ring, center, m.radius, stroke.color);
            }
            Discs::Egui { circles, .. } => {
                circles.push(Shape::circle_filled(center, m.radius, fill));
                circles.push(Shape::circle_stroke(center, m.radius, stroke));
            }
        }
        let shapes = &mut painted.rings;
        if Some(m.place) == selected {
            shapes.push(Shape::circle_stroke(
                center,
                m.radius + 3.0,
                Stroke::new(2.5, theme::SELECTED),
            ));
        } else if highlighted.contains(&m.place) {
            shapes.push(Shape::circle_stroke(
                center,
                m.radius + 2.5,
                Stroke::new(1.5, theme::SELECTED),
            ));
        }
    }
    let bounds = to_scene_rect(xf.rect().shrink(2.0));
    // Text is measured only for the markers the placer tries.
    let avoid = [to_scene_rect(legend)];
    let placed = scene::place_labels_with(&screen, bounds, &avoid, max_labels, |i| {
        sizes.get(&markers.get(i)?.label)
    });
    let mut labels = Vec::new();
    for (i, rect) in placed.iter().enumerate() {
        let (Some(rect), Some(marker)) = (rect, markers.get(i)) else {
            continue;
        };
        let rect = Rect::from_min_max(pos2(rect.min_x, rect.min_y), pos2(rect.max_x, rect.max_y));
        labels.push((PlacedLabel { marker: i, rect }, marker.label.clone()));
    }
    labels
}

fn to_scene_rect(r: Rect) -> scene::Rect {
    scene::Rect {
        min_x: r.left(),
        min_y: r.top(),
        max_x: r.right(),
        max_y: r.bottom(),
    }
}

/// Paints country names where they fit between the place labels already placed.
fn paint_country_labels(
    ctx: &Context,
    basemap: &Basemap,
    xf: &MapTransform,
    taken: &[Rect],
    shapes: &mut Vec<Shape>,
) {
    let font = theme::country_font();
    let mut placed: Vec<Rect> = taken.to_vec();
    for country in basemap
        .countries
        .iter()
        .filter(|c| xf.sees(c.bounds) && !c.name.is_empty())
    {
        // Only countries large enough on screen to carry their name.
        let min = xf.screen_from_map32([country.bounds[0], country.bounds[1]]);
        let max = xf.screen_from_map32([country.bounds[2], country.bounds[3]]);
        let extent = (max.x - min.x).abs().min((max.y - min.y).abs());
        if extent < 60.0 {
            continue;
        }
        let galley = ctx.fonts_mut(|f| {
            f.layout_no_wrap(
                country.name.to_uppercase(),
                font.clone(),
                theme::COUNTRY_LABEL,
            )
        });
        let center = xf.screen_from_map(country.label_at);
        let rect = Align2::CENTER_CENTER.anchor_size(center, galley.size());
        if !xf.rect().contains_rect(rect) || placed.iter().any(|p| p.intersects(rect)) {
            continue;
        }
        placed.push(rect);
        shapes.push(Shape::galley(rect.min, galley, theme::COUNTRY_LABEL));
    }
}

/// What the legend explains.
#[derive(Clone, Debug, PartialEq)]
pub struct Legend {
    /// Label of the oldest end of the colour ramp ("30 May").
    pub oldest: String,
    /// Label of the newest end ("4 Jun").
    pub newest: String,
    /// Item counts for the size key, e.g. [1, 5, 20].
    pub sizes: Vec<u32>,
    /// The scale the markers (and so the key's circles) are drawn at.
    pub scale: scene::SizeScale,
}

impl Legend {
    /// The legend of a time window `first..=last` showing `markers`: its size key is at
    /// their scale.
    pub fn for_window(
        first: chrono::NaiveDate,
        last: chrono::NaiveDate,
        markers: &[MapMarker],
    ) -> Self {
        let busiest = busiest(markers);
        let scale = scene::SizeScale::for_busiest(busiest);
        Self {
            oldest: first.format("%-d %b %Y").to_string(),
            newest: last.format("%-d %b %Y").to_string(),
            sizes: scale.key(busiest),
            scale,
        }
    }
}

/// Sizes the legend needs.
struct LegendLayout {
    size: egui::Vec2,
    line: f32,
    max_r: f32,
    /// Both dates fit side by side under the ramp (else the newest goes a line lower).
    side_by_side: bool,
}

const LEGEND_PAD: f32 = 8.0;
/// The key of hollow markers, right of the colour ramp.
const HOLLOW_TEXT: &str = "month, year\nor region";
/// From the ramp's right end to the start of [`HOLLOW_TEXT`].
const HOLLOW_TEXT_OFFSET: f32 = 28.0;
const RAMP_WIDTH: f32 = 150.0;
const RAMP_HEIGHT: f32 = 10.0;
/// From the ramp's top to the top of [`HOLLOW_TEXT`] (above it: the text is centred on
/// the hollow marker, which is centred on the ramp).
const HOLLOW_TEXT_RISE: f32 = 2.0;
const SIZE_KEY_GAP: f32 = 14.0;

impl LegendLayout {
    /// Where the legend goes: the bottom-left corner of the view.
    fn rect(&self, xf: &MapTransform) -> Rect {
        Rect::from_min_size(
            xf.rect().left_bottom() + vec2(10.0, -10.0 - self.size.y),
            self.size,
        )
    }

    fn new(ctx: &Context, legend: &Legend) -> Self {
        let font = theme::legend_font();
        let line = ctx.fonts_mut(|f| f.row_height(&font));
        let width_of = |s: &str| {
            ctx.fonts_mut(|f| f.layout_no_wrap(s.to_owned(), font.clone(), theme::LEGEND_TEXT))
                .size()
                .x
        };
        let max_r = legend
            .sizes
            .iter()
            .map(|n| legend.scale.radius(*n))
            .fold(0.0, f32::max);
        let sizes_w = legend
            .sizes
            .iter()
            .map(|n| legend.scale.radius(*n) * 2.0 + SIZE_KEY_GAP)
            .sum::<f32>();
        // The ramp, then the hollow-marker key and its text, must fit inside.
        let width = (LEGEND_PAD * 2.0 + RAMP_WIDTH + HOLLOW_TEXT_OFFSET + width_of(HOLLOW_TEXT))
            .max(LEGEND_PAD * 2.0 + sizes_w)
            .max(210.0);
        let side_by_side = width_of(&legend.oldest) + width_of(&legend.newest) + 6.0 <= RAMP_WIDTH;
        // Under the ramp's top: its dates (one line or two), or the hollow key's two lines.
        let dates = RAMP_HEIGHT + 2.0 + line * if side_by_side { 1.0 } else { 2.0 };
        let below_ramp = dates.max(line * 2.0 - HOLLOW_TEXT_RISE);
        // Title and circles; title, ramp and what is under it.
        let height = LEGEND_PAD * 2.0 + line + 4.0 + max_r * 2.0 + 8.0 + line + 3.0 + below_ramp;
        Self {
            size: vec2(width, height),
            line,
            max_r,
            side_by_side,
        }
    }
}

/// Paints the legend, laid out as `layout`, into `rect` (see [`LegendLayout::rect`]).
fn paint_legend(
    ctx: &Context,
    legend: &Legend,
    (layout, rect): (&LegendLayout, Rect),
    shapes: &mut Vec<Shape>,
) {
    let font = theme::legend_font();
    let text = |s: &str| {
        ctx.fonts_mut(|f| f.layout_no_wrap(s.to_owned(), font.clone(), theme::LEGEND_TEXT))
    };
    shapes.push(Shape::rect_filled(rect, 5.0, theme::LEGEND_BG));
    shapes.push(Shape::rect_stroke(
        rect,
        5.0,
        Stroke::new(0.5, theme::BORDER),
        egui::StrokeKind::Inside,
    ));

    // Size key: circles for a few counts.
    let left = rect.left() + LEGEND_PAD;
    let mut y = rect.top() + LEGEND_PAD;
    shapes.push(Shape::galley(
        pos2(left, y),
        text("Size: number of reports"),
        theme::LEGEND_TEXT,
    ));
    y += layout.line + 4.0;
    let mut x = left;
    for n in &legend.sizes {
        let r = legend.scale.radius(*n);
        let center = pos2(x + r, y + layout.max_r);
        shapes.push(Shape::circle_filled(center, r, theme::recency_color(1.0)));
        shapes.push(Shape::circle_stroke(
            center,
            r,
            Stroke::new(1.0, theme::MARKER_OUTLINE),
        ));
        let label = text(&n.to_string());
        let at = pos2(center.x + r + 2.0, center.y - label.size().y / 2.0);
        shapes.push(Shape::galley(at, label, theme::LEGEND_TEXT));
        x += r * 2.0 + SIZE_KEY_GAP;
    }
    y += layout.max_r * 2.0 + 8.0;

    // Colour key: the recency ramp between the window's ends, and the hollow marker.
    shapes.push(Shape::galley(
        pos2(left, y),
        text("Colour: date in the time window"),
        theme::LEGEND_TEXT,
    ));
    y += layout.line + 3.0;
    let ramp = Rect::from_min_size(pos2(left, y), vec2(RAMP_WIDTH, RAMP_HEIGHT));
    let mut mesh = Mesh::default();
    let steps = 24;
    for s in 0..steps {
        let (t0, t1) = (s as f32 / steps as f32, (s + 1) as f32 / steps as f32);
        let r = Rect::from_x_y_ranges(
            ramp.left() + t0 * RAMP_WIDTH..=ramp.left() + t1 * RAMP_WIDTH,
            ramp.y_range(),
        );
        mesh.add_colored_rect(r, theme::recency_color(f32::midpoint(t0, t1)));
    }
    shapes.push(Shape::mesh(mesh));
    let (old, new) = (text(&legend.oldest), text(&legend.newest));
    let new_y = ramp.bottom()
        + 2.0
        + if layout.side_by_side {
            0.0
        } else {
            layout.line
        };
    shapes.push(Shape::galley(
        pos2(ramp.left(), ramp.bottom() + 2.0),
        old,
        theme::LEGEND_TEXT,
    ));
    shapes.push(Shape::galley(
        pos2(ramp.right() - new.size().x, new_y),
        new,
        theme::LEGEND_TEXT,
    ));
    let hollow_center = pos2(ramp.right() + 18.0, ramp.center().y);
    let color = theme::recency_color(1.0);
    shapes.push(Shape::circle_filled(
        hollow_center,
        6.0,
        theme::imprecise_fill(color),
    ));
    shapes.push(Shape::circle_stroke(
        hollow_center,
        6.0,
        Stroke::new(2.0, color),
    ));
    let hollow = text(HOLLOW_TEXT);
    shapes.push(Shape::galley(
        pos2(
            ramp.right() + HOLLOW_TEXT_OFFSET,
            ramp.top() - HOLLOW_TEXT_RISE,
        ),
        hollow,
        theme::LEGEND_TEXT,
    ));
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::corpus::Corpus;
    use crate::gazetteer::Gazetteer;
    use crate::index::CorpusIndex;
    use crate::scene::SizeScale;

    /// Fill triangles and line points of a base-map drawing.
    fn weight(shapes: &[Shape]) -> (usize, usize) {
        shapes.iter().fold((0, 0), |(t, p), shape| match shape {
            Shape::Mesh(m) => (t + m.indices.len() / 3, p),
            Shape::Path(path) => (t, p + path.points.len()),
            _ => (t, p),
        })
    }

    /// A view of the world draws its outlines coarser than their full detail (which is
    /// finer than its pixels; lines are thinned to a point and a half between points in
    /// any case), a view of Ukraine as detailed as its pixels need, and a
    /// denser screen (more pixels a point) gets more detail for the same view.
    #[test]
    fn the_base_map_is_as_detailed_as_the_view() {
        let map = Basemap::load().expect("loads");
        let rect = Rect::from_min_size(pos2(0.0, 0.0), vec2(1000.0, 600.0));
        let world = MapTransform::new([-180.0, -80.0], [180.0, 110.0], rect);
        let ukraine = MapTransform::new([22.0, 50.0], [42.0, 62.0], rect);
        let draw = |xf: &MapTransform, pixels_per_point: f32| {
            let mut shapes = Vec::new();
            paint_basemap(&map, xf, pixels_per_point, &mut shapes);
            weight(&shapes)
        };
        let (world_fill, world_lines) = draw(&world, 1.0);
        let (full_fill, full_lines) = draw(&world, 1000.0);
        assert!(
            world_fill * 3 < full_fill && world_lines * 3 < full_lines * 2,
            "world view: {world_fill} triangles, {world_lines} points; full detail: \
             {full_fill}, {full_lines}"
        );
        let (fill, _) = draw(&ukraine, 1.0);
        let (dense_fill, _) = draw(&ukraine, 2.0);
        let (ukraine_full, _) = draw(&ukraine, 1000.0);
        assert!(
            fill < dense_fill && dense_fill <= ukraine_full && fill * 2 > ukraine_full,
            "Ukraine: {fill}, at 2 pixels a point {dense_fill}, full {ukraine_full}"
        );
    }

    /// Markers are drawn at the legend's scale: the seeds at the standard one; a busy
    /// corpus's cumulative view at one where its busiest place gets the largest marker,
    /// and the key's circles match the markers of those counts.
    #[test]
    fn markers_and_legend_share_the_scale_of_the_busiest_place() {
        // Sixty reports from Kyiv: more than the standard scale can draw (47).
        let dir = tempfile::tempdir().expect("temp dir");
        for i in 0..60 {
            let text = format!(
                " date 2023-06-{:02}\nReport {i}\n\nDrones were shot down over Kyiv, and \
                 shelling hit Kharkiv {i} times overnight.\n",
                1 + i % 28
            );
            std::fs::write(dir.path().join(format!("{i}.txt")), text).expect("written");
        }
        let busy = Corpus::load(&[dir.path().to_path_buf()]);
        for (corpus, scaled) in [(Corpus::from_seeds(), false), (busy, true)] {
            let index = CorpusIndex::new(&corpus, Gazetteer::embedded());
            let (first, last) = index.bounds;
            let mut found = Vec::new();
            index.markers((None, last), None, false, &mut found);
            let markers = map_markers(&index, &found, (first, last));
            let legend = Legend::for_window(first, last, &markers);
            let busiest = markers.iter().max_by_key(|m| m.items).expect("markers");
            assert_eq!(
                legend.scale != SizeScale::STANDARD,
                scaled,
                "{}",
                busiest.items
            );
            if scaled {
                assert!((busiest.radius - SizeScale::MAX_RADIUS).abs() < 1e-3);
                assert_ne!(legend.sizes, [1, 5, 20], "the key follows the scale");
            }
            for m in &markers {
                assert!(m.radius <= SizeScale::MAX_RADIUS + 1e-3, "{}", m.items);
                assert!((m.radius - legend.scale.radius(m.items)).abs() < 1e-3);
            }
        }
    }
}
