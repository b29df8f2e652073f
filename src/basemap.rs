//! The schematic base map: country fills and borders, regions, rivers and lakes from the
//! embedded Natural Earth extracts, projected and triangulated once.
//!
//! Two extracts are combined: a detailed one of Europe, western Russia and the Caucasus
//! (countries, first-level regions of UA/RU/MD/BY, rivers, lakes; clipped to its
//! bounding box) and a coarse one of the whole world. World geometry inside the detailed
//! box is dropped (triangles and border segments whose midpoint lies inside), and the
//! detailed box's artificial clip edges are not drawn as borders.
//!
//! Coordinates are *map* coordinates from [`map_from_geo`] (Web Mercator, in degrees of
//! longitude): conformal, so shapes keep their look at every latitude, and the plot can
//! lock its aspect ratio to 1.
//!
//! Country polygons are concave, so they are triangulated with `earcutr` (egui_plot's
//! own polygon fills only convex shapes).
//!
//! Fills ([`Fill`]) and lines ([`Polyline`]) come in levels of detail: the full outlines,
//! and outlines simplified with the Douglas–Peucker algorithm (the `simplify-polyline`
//! crate, a port of the simplify-js library Leaflet uses) at each of [`LEVEL_TOLERANCES`].
//! A view draws the coarsest level whose error is under half a pixel: a world view of the
//! detailed fills is ~90,000 triangles, most smaller than a pixel, and a software renderer
//! keeps every one of them in memory while it draws. Border lines hold each segment once:
//! the border between two countries (or regions) is in both their outlines, and a
//! region's border on its country's is left to the country's.

use flate2::read::GzDecoder;
use rayon::prelude::*;
use rustc_hash::FxHashSet;
use serde::Deserialize;
use simplify_polyline::Point;
use std::io::Read as _;

static REGION_GZ: &[u8] = include_bytes!("../assets/basemap_region.geojson.gz");
static WORLD_GZ: &[u8] = include_bytes!("../assets/basemap_world.geojson.gz");

/// The detailed extract's bounding box: lon min, lat min, lon max, lat max.
pub const REGION_BBOX: [f64; 4] = [-25.0, 33.0, 62.0, 72.0];

/// Latitudes beyond this are clamped (Web Mercator goes to infinity at the poles).
const MAX_LAT: f64 = 85.0;

/// Map coordinates of a geographic position: x = longitude, y = the Mercator ordinate
/// scaled to degrees. Latitude comes first, as in speech ("50.45° N, 30.52° E").
///
/// # Examples
/// ```
/// use dateline::basemap::{geo_from_map, map_from_geo};
/// let [x, y] = map_from_geo(50.45, 30.52);
/// assert_eq!(x, 30.52);
/// let (lat, lon) = geo_from_map([x, y]);
/// assert!((lat - 50.45).abs() < 1e-9 && (lon - 30.52).abs() < 1e-9);
/// ```
pub fn map_from_geo(lat: f64, lon: f64) -> [f64; 2] {
    let phi = lat.clamp(-MAX_LAT, MAX_LAT).to_radians();
    let y = (std::f64::consts::FRAC_PI_4 + phi / 2.0)
        .tan()
        .ln()
        .to_degrees();
    [lon, y]
}

/// The geographic position (latitude, longitude) of map coordinates.
pub fn geo_from_map(p: [f64; 2]) -> (f64, f64) {
    let lat = (2.0 * p[1].to_radians().exp().atan() - std::f64::consts::FRAC_PI_2).to_degrees();
    (lat, p[0])
}

/// Triangles in map coordinates.
#[derive(Clone, Debug, Default, PartialEq)]
pub struct TriangleMesh {
    /// Vertices.
    pub vertices: Vec<[f32; 2]>,
    /// Triangles as indices into `vertices`.
    pub triangles: Vec<[u32; 3]>,
}

impl TriangleMesh {
    /// Adds another mesh's triangles.
    fn append(&mut self, other: Self) {
        let base = self.vertices.len() as u32;
        self.vertices.extend(other.vertices);
        self.triangles
            .extend(other.triangles.into_iter().map(|t| t.map(|i| base + i)));
    }
}

/// How far (in map units) each level of a [`Fill`] may move an outline: the first level is
/// the full detail.
pub const LEVEL_TOLERANCES: [f32; 5] = [0.0, 0.01, 0.03, 0.1, 0.3];

/// A fill at each level of detail of [`LEVEL_TOLERANCES`]; rings (islands, holes) smaller
/// than a level's tolerance are left out of it.
#[derive(Clone, Debug, Default, PartialEq)]
pub struct Fill {
    /// One mesh per tolerance, full detail first.
    pub levels: [TriangleMesh; LEVEL_TOLERANCES.len()],
}

impl Fill {
    /// The full-detail mesh.
    pub fn full(&self) -> &TriangleMesh {
        &self.levels[0]
    }

    /// The coarsest level that moves no outline by more than `max_error` map units.
    ///
    /// # Examples
    /// ```
    /// use dateline::basemap::{Fill, LEVEL_TOLERANCES};
    /// let fill = Fill::default();
    /// assert!(std::ptr::eq(fill.for_error(0.0), fill.full()));
    /// assert!(std::ptr::eq(fill.for_error(0.05), &fill.levels[2]));
    /// assert!(std::ptr::eq(fill.for_error(f32::MAX), &fill.levels[LEVEL_TOLERANCES.len() - 1]));
    /// ```
    pub fn for_error(&self, max_error: f32) -> &TriangleMesh {
        &self.levels[level_for_error(max_error)]
    }
}

/// A country: its name, code, label point and fill.
#[derive(Clone, Debug, PartialEq)]
pub struct Country {
    /// English name.
    pub name: String,
    /// ISO 3166-1 alpha-2 code ("" for some dependencies).
    pub iso_a2: String,
    /// Where its label goes, in map coordinates.
    pub label_at: [f64; 2],
    /// Its fill.
    pub fill: Fill,
    /// Bounding box of the fill in map coordinates: min x, min y, max x, max y.
    pub bounds: [f32; 4],
}

/// A line (a border, a river) in map coordinates.
#[derive(Clone, Debug, PartialEq)]
pub struct Polyline {
    /// Name ("" when unnamed).
    pub name: String,
    /// Its points at each level of detail of [`LEVEL_TOLERANCES`], full detail first; the
    /// ends are the same at every level.
    pub levels: [Vec<[f32; 2]>; LEVEL_TOLERANCES.len()],
    /// Bounding box: min x, min y, max x, max y.
    pub bounds: [f32; 4],
}

impl Polyline {
    fn new(name: String, points: Vec<[f32; 2]>) -> Self {
        let bounds = bounds_of(&points);
        let line: Vec<Point<2, f32>> = points.iter().map(|&vec| Point { vec }).collect();
        let mut levels = LEVEL_TOLERANCES.map(|tolerance| {
            if tolerance > 0.0 {
                simplify_polyline::simplify(&line, tolerance, false)
                    .into_iter()
                    .map(|p| p.vec)
                    .collect()
            } else {
                Vec::new()
            }
        });
        levels[0] = points;
        Self {
            name,
            levels,
            bounds,
        }
    }

    /// The full-detail points.
    pub fn points(&self) -> &[[f32; 2]] {
        &self.levels[0]
    }

    /// The points of the coarsest level that moves the line by no more than `max_error`
    /// map units.
    pub fn points_for_error(&self, max_error: f32) -> &[[f32; 2]] {
        &self.levels[level_for_error(max_error)]
    }
}

/// The coarsest level of [`LEVEL_TOLERANCES`] whose tolerance is at most `max_error`.
fn level_for_error(max_error: f32) -> usize {
    LEVEL_TOLERANCES
        .iter()
        .rposition(|&t| t <= max_error)
        .unwrap_or(0)
}

/// The whole base map.
#[derive(Clone, Debug, Default, PartialEq)]
pub struct Basemap {
    /// Countries, coarse world ones first, then the detailed ones.
    pub countries: Vec<Country>,
    /// Country borders.
    pub borders: Vec<Polyline>,
    /// First-level region borders.
    pub region_borders: Vec<Polyline>,
    /// Rivers.
    pub rivers: Vec<Polyline>,
    /// Lake fills.
    pub lakes: Fill,
}

/// Errors reading the embedded base map (only possible if the assets are corrupt).
#[derive(Debug, thiserror::Error)]
pub enum BasemapError {
    /// The gzip stream is broken.
    #[error("cannot decompress the base map: {0}")]
    Decompress(#[from] std::io::Error),
    /// The GeoJSON does not parse.
    #[error("cannot parse the base map: {0}")]
    Parse(#[from] serde_json::Error),
}

impl Basemap {
    /// Loads, projects and triangulates the embedded base maps (tens of milliseconds).
    pub fn load() -> Result<Self, BasemapError> {
        let mut map = Self::default();
        let (mut borders, mut region_borders) = (Vec::new(), Vec::new());
        for (gz, layer) in [(WORLD_GZ, Layer::World), (REGION_GZ, Layer::Region)] {
            // Features are projected, simplified and triangulated in parallel, then
            // appended in their order.
            let parts: Vec<Part> = parse(gz)?
                .features
                .into_par_iter()
                .map(|feature| {
                    let mut part = Part::default();
                    part.add_feature(feature, layer);
                    part
                })
                .collect();
            for part in parts {
                map.append(part.map);
                borders.extend(part.borders);
                region_borders.extend(part.region_borders);
            }
        }
        // A border between two countries (or regions) is in both their outlines, and a
        // region's border on its country's is drawn as the country's: each segment once.
        let mut drawn = FxHashSet::default();
        let borders = without_drawn_segments(borders, &mut drawn);
        let region_borders = without_drawn_segments(region_borders, &mut drawn);
        let lines = |runs: Vec<Vec<[f32; 2]>>| -> Vec<Polyline> {
            runs.into_par_iter()
                .map(|points| Polyline::new(String::new(), points))
                .collect()
        };
        map.borders = lines(borders);
        map.region_borders = lines(region_borders);
        Ok(map)
    }

    /// Adds a feature's countries, rivers and lakes (its borders come as runs of points:
    /// see [`Part`]).
    fn append(&mut self, other: Self) {
        self.countries.extend(other.countries);
        self.rivers.extend(other.rivers);
        for (mesh, part) in self.lakes.levels.iter_mut().zip(other.lakes.levels) {
            mesh.append(part);
        }
    }

    /// The country under a map point (the detailed outline when there is one).
    pub fn country_at(&self, at: [f64; 2]) -> Option<&Country> {
        self.countries.iter().rfind(|c| contains(c.fill.full(), at))
    }
}

/// What one feature adds to the map: its fills and rivers, and its border lines as runs
/// of points (shared out among the features once all are read).
#[derive(Default)]
struct Part {
    map: Basemap,
    borders: Vec<Vec<[f32; 2]>>,
    region_borders: Vec<Vec<[f32; 2]>>,
}

impl Part {
    fn add_feature(&mut self, feature: Feature, layer: Layer) {
        let props = feature.properties.unwrap_or_default();
        let name = props.name.unwrap_or_default();
        let (polygons, lines) = feature.geometry.unwrap_or(Geometry::Other).split();
        match props.layer.as_str() {
            "country" => {
                let mut fill = Fill::default();
                for polygon in &polygons {
                    triangulate(polygon, layer, &mut fill);
                    for ring in polygon {
                        add_lines(ring, layer, &mut self.borders);
                    }
                }
                let label_at = match (props.label_lat, props.label_lon) {
                    (Some(lat), Some(lon)) => map_from_geo(lat, lon),
                    _ => centroid(fill.full()),
                };
                let iso_a2 = props.iso_a2.unwrap_or_default();
                // A world country wholly inside the detailed box has nothing left to draw.
                if !fill.full().triangles.is_empty() || layer == Layer::Region {
                    let bounds = bounds_of(&fill.full().vertices);
                    self.map.countries.push(Country {
                        name,
                        iso_a2,
                        label_at,
                        fill,
                        bounds,
                    });
                }
            }
            "admin1" => {
                for ring in polygons.iter().flatten() {
                    add_lines(ring, layer, &mut self.region_borders);
                }
            }
            "lake" => {
                for polygon in &polygons {
                    triangulate(polygon, layer, &mut self.map.lakes);
                }
            }
            "river" => {
                for line in lines {
                    let points = line.iter().map(|&[lon, lat]| project32(lat, lon)).collect();
                    self.map.rivers.push(Polyline::new(name.clone(), points));
                }
            }
            _ => {}
        }
    }
}

/// Whether a map point lies in a mesh.
fn contains(mesh: &TriangleMesh, at: [f64; 2]) -> bool {
    let point = [at[0] as f32, at[1] as f32];
    let side = |p1: [f32; 2], p2: [f32; 2], p3: [f32; 2]| {
        (p1[0] - p3[0]) * (p2[1] - p3[1]) - (p2[0] - p3[0]) * (p1[1] - p3[1])
    };
    mesh.triangles.iter().any(|t| {
        let vertex = |i: u32| mesh.vertices.get(i as usize).copied().unwrap_or_default();
        let (a, b, c) = (vertex(t[0]), vertex(t[1]), vertex(t[2]));
        let sides = [side(point, a, b), side(point, b, c), side(point, c, a)];
        let negative = sides.iter().any(|d| *d < 0.0);
        let positive = sides.iter().any(|d| *d > 0.0);
        !(negative && positive)
    })
}

#[derive(Clone, Copy, PartialEq, Eq)]
enum Layer {
    World,
    Region,
}

/// A GeoJSON feature collection, read into the few fields the map uses (typed, so the
/// coordinates go straight into arrays rather than a tree of JSON values).
#[derive(Deserialize)]
struct Collection {
    features: Vec<Feature>,
}

#[derive(Deserialize)]
struct Feature {
    #[serde(default)]
    properties: Option<Properties>,
    geometry: Option<Geometry>,
}

#[derive(Default, Deserialize)]
struct Properties {
    #[serde(default)]
    layer: String,
    name: Option<String>,
    iso_a2: Option<String>,
    label_lat: Option<f64>,
    label_lon: Option<f64>,
}

#[derive(Deserialize)]
#[serde(tag = "type", content = "coordinates")]
enum Geometry {
    Polygon(Vec<Ring>),
    MultiPolygon(Vec<Vec<Ring>>),
    LineString(Ring),
    MultiLineString(Vec<Ring>),
    /// Points the map does not draw (their coordinates are skipped unread).
    Point(serde::de::IgnoredAny),
    MultiPoint(serde::de::IgnoredAny),
    #[serde(other)]
    Other,
}

impl Geometry {
    /// Its polygons (outer ring first, then holes) and its lines, in lon/lat.
    fn split(self) -> (Vec<Vec<Ring>>, Vec<Ring>) {
        match self {
            Self::Polygon(p) => (vec![p], Vec::new()),
            Self::MultiPolygon(m) => (m, Vec::new()),
            Self::LineString(l) => (Vec::new(), vec![l]),
            Self::MultiLineString(m) => (Vec::new(), m),
            Self::Point(_) | Self::MultiPoint(_) | Self::Other => (Vec::new(), Vec::new()),
        }
    }
}

fn parse(gz: &[u8]) -> Result<Collection, BasemapError> {
    let mut bytes = Vec::new();
    GzDecoder::new(gz).read_to_end(&mut bytes)?;
    Ok(serde_json::from_slice(&bytes)?)
}

fn project32(lat: f64, lon: f64) -> [f32; 2] {
    let [x, y] = map_from_geo(lat, lon);
    [x as f32, y as f32]
}

type Ring = Vec<[f64; 2]>;

fn inside_region(lon: f64, lat: f64) -> bool {
    let [x0, y0, x1, y1] = REGION_BBOX;
    (x0..=x1).contains(&lon) && (y0..=y1).contains(&lat)
}

/// True for a segment lying on the detailed extract's clip box.
fn on_clip_edge(a: [f64; 2], b: [f64; 2]) -> bool {
    let [x0, y0, x1, y1] = REGION_BBOX;
    let near = |v: f64, edge: f64| (v - edge).abs() < 1e-6;
    (near(a[0], x0) && near(b[0], x0))
        || (near(a[0], x1) && near(b[0], x1))
        || (near(a[1], y0) && near(b[1], y0))
        || (near(a[1], y1) && near(b[1], y1))
}

/// Adds a ring's border lines, split where a segment must not be drawn (world segments
/// inside the detailed box, detailed segments on its clip edges).
fn add_lines(ring: &Ring, layer: Layer, out: &mut Vec<Vec<[f32; 2]>>) {
    let mut current: Vec<[f32; 2]> = Vec::new();
    let mut flush = |current: &mut Vec<[f32; 2]>| {
        if current.len() >= 2 {
            out.push(std::mem::take(current));
        }
        current.clear();
    };
    for pair in ring.windows(2) {
        let [a, b] = [pair[0], pair[1]];
        let keep = match layer {
            Layer::World => !inside_region(f64::midpoint(a[0], b[0]), f64::midpoint(a[1], b[1])),
            Layer::Region => !on_clip_edge(a, b),
        };
        if keep {
            if current.is_empty() {
                current.push(project32(a[1], a[0]));
            }
            current.push(project32(b[1], b[0]));
        } else {
            flush(&mut current);
        }
    }
    flush(&mut current);
}

/// `runs` of points split where a segment is in `drawn` (either way round), and their
/// segments added to it.
fn without_drawn_segments(
    runs: Vec<Vec<[f32; 2]>>,
    drawn: &mut FxHashSet<([u32; 2], [u32; 2])>,
) -> Vec<Vec<[f32; 2]>> {
    let mut out = Vec::with_capacity(runs.len());
    for run in runs {
        let mut current: Vec<[f32; 2]> = Vec::new();
        for pair in run.windows(2) {
            let (a, b) = (pair[0].map(f32::to_bits), pair[1].map(f32::to_bits));
            if drawn.insert(if a <= b { (a, b) } else { (b, a) }) {
                if current.is_empty() {
                    current.push(pair[0]);
                }
                current.push(pair[1]);
            } else if current.len() >= 2 {
                out.push(std::mem::take(&mut current));
            } else {
                current.clear();
            }
        }
        if current.len() >= 2 {
            out.push(current);
        }
    }
    out
}

/// Triangulates one polygon into each level of `fill`, in map coordinates.
fn triangulate(polygon: &[Ring], layer: Layer, fill: &mut Fill) {
    let rings: Vec<Vec<Point<2, f64>>> = polygon
        .iter()
        .map(|ring| {
            ring.iter()
                .map(|&[lon, lat]| Point {
                    vec: map_from_geo(lat, lon),
                })
                .collect()
        })
        .collect();
    for (mesh, &tolerance) in fill.levels.iter_mut().zip(&LEVEL_TOLERANCES) {
        let mut flat = Vec::new();
        let mut holes = Vec::new();
        for (i, ring) in rings.iter().enumerate() {
            let simplified;
            let ring = if tolerance > 0.0 {
                simplified = simplify_polyline::simplify(ring, f64::from(tolerance), false);
                &simplified
            } else {
                ring
            };
            // A ring simplified to a line or a point is smaller than the tolerance.
            if ring.len() < 4 {
                if i == 0 {
                    break;
                }
                continue;
            }
            if i > 0 {
                holes.push(flat.len() / 2);
            }
            flat.extend(ring.iter().flat_map(|p| p.vec));
        }
        add_triangles(&flat, &holes, layer, mesh);
    }
}

/// Triangulates a flat ring list (outer ring, then holes starting at `holes`) into `mesh`;
/// the coarse world layer's triangles inside the detailed box are left out.
fn add_triangles(flat: &[f64], holes: &[usize], layer: Layer, mesh: &mut TriangleMesh) {
    let Ok(indices) = earcutr::earcut(flat, holes, 2) else {
        return;
    };
    let base = mesh.vertices.len() as u32;
    mesh.vertices
        .extend(flat.chunks_exact(2).map(|c| [c[0] as f32, c[1] as f32]));
    for t in indices.chunks_exact(3) {
        let tri = [base + t[0] as u32, base + t[1] as u32, base + t[2] as u32];
        if layer == Layer::World {
            let v = |i: u32| mesh.vertices.get(i as usize).copied().unwrap_or_default();
            let (cx, cy) = tri
                .iter()
                .map(|&i| v(i))
                .fold((0.0, 0.0), |(x, y), p| (x + p[0] / 3.0, y + p[1] / 3.0));
            let (lat, lon) = geo_from_map([f64::from(cx), f64::from(cy)]);
            if inside_region(lon, lat) {
                continue;
            }
        }
        mesh.triangles.push(tri);
    }
}

/// Bounding box of points: min x, min y, max x, max y.
pub fn bounds_of(points: &[[f32; 2]]) -> [f32; 4] {
    points
        .iter()
        .fold([f32::MAX, f32::MAX, f32::MIN, f32::MIN], |b, p| {
            [
                b[0].min(p[0]),
                b[1].min(p[1]),
                b[2].max(p[0]),
                b[3].max(p[1]),
            ]
        })
}

fn centroid(mesh: &TriangleMesh) -> [f64; 2] {
    let n = mesh.vertices.len().max(1) as f64;
    let (x, y) = mesh.vertices.iter().fold((0.0, 0.0), |(x, y), v| {
        (x + f64::from(v[0]), y + f64::from(v[1]))
    });
    [x / n, y / n]
}

#[cfg(test)]
mod tests {
    use super::*;

    /// Features the map does not draw (points, collections, null properties or
    /// geometry) are skipped, not a reason to lose the whole map.
    #[test]
    fn geojson_it_does_not_draw_is_skipped() {
        let json = r#"{"type": "FeatureCollection", "features": [
            {"type": "Feature", "properties": null, "geometry": {"type": "Point", "coordinates": [30.5, 50.4]}},
            {"type": "Feature", "properties": {"layer": "city"}, "geometry": {"type": "MultiPoint", "coordinates": [[30.5, 50.4]]}},
            {"type": "Feature", "properties": {"layer": "river", "name": "Test"}, "geometry": null},
            {"type": "Feature", "properties": {"layer": "x"}, "geometry": {"type": "GeometryCollection", "geometries": []}},
            {"type": "Feature", "properties": {"layer": "river", "name": "Dnipro"},
             "geometry": {"type": "LineString", "coordinates": [[30.5, 50.4], [31.0, 49.9]]}}
        ]}"#;
        let collection: Collection = serde_json::from_str(json).expect("parses");
        let mut part = Part::default();
        for feature in collection.features {
            part.add_feature(feature, Layer::Region);
        }
        assert_eq!(part.map.rivers.len(), 1, "only the line is drawn");
    }

    /// The embedded base maps load, and carry the countries and rivers the seeds need.
    #[test]
    fn embedded_basemap_loads() {
        let map = Basemap::load().expect("embedded base map parses");
        for name in ["Ukraine", "Moldova", "Russia", "United States"] {
            let country = map
                .countries
                .iter()
                .find(|c| c.name == name)
                .unwrap_or_else(|| panic!("{name}"));
            assert!(
                !country.fill.full().triangles.is_empty(),
                "{name} has a fill"
            );
        }
        assert!(
            map.rivers.iter().any(|r| r.name == "Dnieper"),
            "the Dnieper is drawn"
        );
        let points = |lines: &[Polyline]| lines.iter().map(|l| l.points().len()).sum::<usize>();
        assert!(
            points(&map.borders) > 10_000 && points(&map.region_borders) > 1_000,
            "borders"
        );
    }

    /// Twice the area of a mesh's triangles.
    fn area(mesh: &TriangleMesh) -> f64 {
        let v = |i: u32| mesh.vertices[i as usize].map(f64::from);
        mesh.triangles
            .iter()
            .map(|t| {
                let (a, b, c) = (v(t[0]), v(t[1]), v(t[2]));
                ((b[0] - a[0]) * (c[1] - a[1]) - (c[0] - a[0]) * (b[1] - a[1])).abs()
            })
            .sum()
    }

    /// Each coarser level has fewer triangles and points, and stays faithful: a country's
    /// extent moves by no more than the level's tolerance and its area by under 2%, and a
    /// line keeps its ends.
    #[test]
    fn levels_of_detail_are_coarser_and_faithful() {
        let map = Basemap::load().expect("loads");
        let triangles = |l: usize| {
            map.countries
                .iter()
                .map(|c| c.fill.levels[l].triangles.len())
                .sum::<usize>()
        };
        let points = |l: usize| map.borders.iter().map(|b| b.levels[l].len()).sum::<usize>();
        for l in 1..LEVEL_TOLERANCES.len() {
            assert!(triangles(l) < triangles(l - 1), "fill, level {l}");
            assert!(points(l) < points(l - 1), "borders, level {l}");
        }
        assert!(
            triangles(3) * 3 < triangles(0),
            "a world view's level is a fraction of the detail: {} of {}",
            triangles(3),
            triangles(0)
        );
        // Compact countries keep their extent and area; a coast of fjords and islets such
        // as Norway's loses area as its levels coarsen (islets smaller than a level's
        // tolerance are left out of it): 9% at the coarsest, a view of 0.6 units a pixel.
        for (name, max_change) in [("Ukraine", 0.01), ("Moldova", 0.02), ("Norway", 0.1)] {
            let country = map
                .countries
                .iter()
                .rfind(|c| c.name == name)
                .unwrap_or_else(|| panic!("{name}"));
            let full = area(country.fill.full());
            for (level, &tolerance) in country.fill.levels.iter().zip(&LEVEL_TOLERANCES) {
                let ratio = area(level) / full;
                assert!(
                    (ratio - 1.0).abs() < max_change,
                    "{name} at {tolerance}: {ratio}"
                );
                if name == "Norway" {
                    continue;
                }
                let bounds = bounds_of(&level.vertices);
                for (b, full_b) in bounds.iter().zip(country.bounds) {
                    assert!(
                        (b - full_b).abs() <= tolerance + 1e-4,
                        "{name} at {tolerance}"
                    );
                }
            }
        }
        for line in map.borders.iter().chain(&map.rivers) {
            for level in &line.levels {
                assert_eq!(level.first(), line.points().first(), "{}", line.name);
                assert_eq!(level.last(), line.points().last(), "{}", line.name);
            }
        }
    }

    /// A border between two countries (or two regions) is drawn once, and a region's
    /// border on its country's only as the country's; coasts and borders stay whole.
    #[test]
    fn each_border_segment_is_drawn_once() {
        let map = Basemap::load().expect("loads");
        let mut drawn = std::collections::HashSet::new();
        for line in map.borders.iter().chain(&map.region_borders) {
            for pair in line.points().windows(2) {
                let (a, b) = (pair[0].map(f32::to_bits), pair[1].map(f32::to_bits));
                assert!(
                    drawn.insert(if a <= b { (a, b) } else { (b, a) }),
                    "drawn twice: {pair:?}"
                );
            }
        }
        let points = |lines: &[Polyline]| lines.iter().map(|l| l.points().len()).sum::<usize>();
        assert!(
            points(&map.borders) > 80_000 && points(&map.region_borders) > 10_000,
            "borders and region borders are still drawn"
        );
    }

    /// Hit-testing finds the country under a point (Kyiv is in Ukraine).
    #[test]
    fn country_under_a_point() {
        let map = Basemap::load().expect("loads");
        let kyiv = map_from_geo(50.45, 30.52);
        assert_eq!(
            map.country_at(kyiv).map(|c| c.name.as_str()),
            Some("Ukraine")
        );
    }

    /// The projection is conformal: a degree of latitude is longer than a degree of
    /// longitude in map units away from the equator, and it round-trips.
    #[test]
    fn projection_round_trips() {
        for (lat, lon) in [(0.0, 0.0), (47.0, 28.8), (-33.9, 151.2), (60.0, -150.0)] {
            let (back_lat, back_lon) = geo_from_map(map_from_geo(lat, lon));
            assert!(
                (back_lat - lat).abs() < 1e-9 && (back_lon - lon).abs() < 1e-9,
                "{lat},{lon}"
            );
        }
        let dy = map_from_geo(51.0, 30.0)[1] - map_from_geo(50.0, 30.0)[1];
        assert!(
            dy > 1.5,
            "a degree of latitude at 50° spans ~1.56 units: {dy}"
        );
    }
}
