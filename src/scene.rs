//! The map scene without pixels: marker sizes and colours, and where labels go.
//!
//! The viewer and the briefing renderer both draw from this, so a label that fits on
//! screen fits in the exported image too, and the rules are testable without a GPU.
//!
//! - Marker *area* is proportional to the number of distinct items that mention the place
//!   in the window (radius ∝ √items), so one article repeating "Kyiv" ten times does not
//!   outweigh ten articles. A time window whose busiest place would outgrow the largest
//!   marker is drawn at a smaller scale ([`SizeScale`]), and the legend's key says so.
//! - *Recency* is 0 for the window's first day and 1 for its last; the colour ramp maps it.
//! - Places known only to the month or year, and regions, are drawn hollow.
//! - Labels are placed greedily, busiest place first, trying right, left, above and below
//!   its marker; a label never overlaps another label or another marker, and is dropped
//!   when no position fits.

use chrono::NaiveDate;

/// How marker radius follows the number of items: radius = 4 + k·√items, so area beyond
/// the base grows with the count. The standard k (3.2) holds while the busiest place of
/// the time window (on screen or not) stays under [`SizeScale::MAX_RADIUS`]; past that (a year of coverage, thousands of reports
/// a place) k shrinks so the busiest place gets exactly that radius. Otherwise every
/// marker would be at least as big as a small country and the map one blob, and the
/// size would no longer tell places apart.
///
/// # Examples
/// ```
/// use dateline::scene::SizeScale;
/// // A few articles: the standard scale, and its usual key.
/// let small = SizeScale::for_busiest(12);
/// assert_eq!(small, SizeScale::STANDARD);
/// assert_eq!(small.key(12), [1, 5, 20]);
/// // A year of coverage: the busiest place is as big as a marker gets, no bigger.
/// let big = SizeScale::for_busiest(2400);
/// assert!((big.radius(2400) - SizeScale::MAX_RADIUS).abs() < 1e-3);
/// assert!(big.radius(100) < big.radius(2400) && big.radius(1) < big.radius(100));
/// assert_eq!(big.key(2400), [1, 200, 2000]);
/// ```
#[derive(Clone, Copy, Debug, PartialEq)]
pub struct SizeScale {
    per_sqrt_item: f32,
}

impl SizeScale {
    /// Radius of a marker for one item, at any scale.
    pub const MIN_RADIUS: f32 = 4.0;
    /// The largest radius a marker gets.
    pub const MAX_RADIUS: f32 = 26.0;
    /// The scale of a view whose busiest place is small enough (up to 47 items).
    pub const STANDARD: Self = Self { per_sqrt_item: 3.2 };

    /// The scale of a view whose busiest place has `items` items.
    pub fn for_busiest(items: u32) -> Self {
        let fit = (Self::MAX_RADIUS - Self::MIN_RADIUS) / (items.max(1) as f32).sqrt();
        Self {
            per_sqrt_item: Self::STANDARD.per_sqrt_item.min(fit),
        }
    }

    /// Radius in points of a marker for `items` distinct items.
    pub fn radius(self, items: u32) -> f32 {
        Self::MIN_RADIUS + self.per_sqrt_item * (items.max(1) as f32).sqrt()
    }

    /// The counts the legend's size key shows for a view whose busiest place has
    /// `busiest` items: 1, 5 and 20 at the standard scale; otherwise 1, a round count
    /// (1, 2 or 5 × 10ⁿ) of at most an eighth of the top count, and the busiest rounded
    /// down to one significant digit.
    pub fn key(self, busiest: u32) -> Vec<u32> {
        if self == Self::STANDARD {
            return vec![1, 5, 20];
        }
        let top = round_down(busiest);
        let mut key = vec![1, round_down_125(top / 8), top];
        key.dedup();
        key.retain(|&n| n > 0);
        key
    }
}

/// `n` rounded down to one significant digit (437 → 400, 2400 → 2000).
fn round_down(n: u32) -> u32 {
    let unit = power_of_ten_under(n);
    n / unit * unit
}

/// `n` rounded down to 1, 2 or 5 times a power of ten (54 → 50, 250 → 200, 7 → 5).
fn round_down_125(n: u32) -> u32 {
    let unit = power_of_ten_under(n);
    let lead = match n / unit {
        0 => 0,
        1 => 1,
        2..=4 => 2,
        _ => 5,
    };
    lead * unit
}

/// The largest power of ten not above `n` (1 for 0).
fn power_of_ten_under(n: u32) -> u32 {
    let mut unit = 1;
    while n / unit >= 10 {
        unit *= 10;
    }
    unit
}

/// Radius in points of a marker for `items` distinct items at the standard scale
/// ([`SizeScale::STANDARD`]).
///
/// # Examples
/// ```
/// use dateline::scene::marker_radius;
/// // Area grows with the count: four items cover about four times one item's area.
/// let (one, four) = (marker_radius(1), marker_radius(4));
/// assert!(four > one && four < 2.5 * one);
/// ```
pub fn marker_radius(items: u32) -> f32 {
    SizeScale::STANDARD.radius(items)
}

/// Where `latest` falls in the window `first..=last`: 0 at the start, 1 at the end.
pub fn recency(latest: NaiveDate, first: NaiveDate, last: NaiveDate) -> f32 {
    let span = (last - first).num_days();
    if span <= 0 {
        return 1.0;
    }
    ((latest - first).num_days() as f32 / span as f32).clamp(0.0, 1.0)
}

/// A rectangle in screen points.
#[derive(Clone, Copy, Debug, Default, PartialEq)]
pub struct Rect {
    /// Left.
    pub min_x: f32,
    /// Top.
    pub min_y: f32,
    /// Right.
    pub max_x: f32,
    /// Bottom.
    pub max_y: f32,
}

impl Rect {
    fn intersects(&self, other: &Rect) -> bool {
        self.min_x < other.max_x
            && other.min_x < self.max_x
            && self.min_y < other.max_y
            && other.min_y < self.max_y
    }

    fn inside(&self, bounds: &Rect) -> bool {
        self.min_x >= bounds.min_x
            && self.max_x <= bounds.max_x
            && self.min_y >= bounds.min_y
            && self.max_y <= bounds.max_y
    }
}

/// A marker as the label placer sees it, in screen points.
#[derive(Clone, Copy, Debug, PartialEq)]
pub struct ScreenMarker {
    /// Centre x.
    pub x: f32,
    /// Centre y.
    pub y: f32,
    /// Radius.
    pub radius: f32,
    /// Label size (width, height), or `None` for a marker that gets no label.
    pub label: Option<(f32, f32)>,
}

/// Which side of its marker a label sits on.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub enum Side {
    /// To the right, vertically centred.
    Right,
    /// To the left, vertically centred.
    Left,
    /// Above, horizontally centred.
    Above,
    /// Below, horizontally centred.
    Below,
}

/// Gap between a marker and its label, in points.
const LABEL_GAP: f32 = 3.0;

fn label_rect(m: &ScreenMarker, (w, h): (f32, f32), side: Side) -> Rect {
    let gap = m.radius + LABEL_GAP;
    let (min_x, min_y) = match side {
        Side::Right => (m.x + gap, m.y - h / 2.0),
        Side::Left => (m.x - gap - w, m.y - h / 2.0),
        Side::Above => (m.x - w / 2.0, m.y - gap - h),
        Side::Below => (m.x - w / 2.0, m.y + gap),
    };
    Rect {
        min_x,
        min_y,
        max_x: min_x + w,
        max_y: min_y + h,
    }
}

/// Places labels for `markers`, given in priority order (busiest first): for each
/// marker, the rectangle its label takes, or `None` when it gets none. At most
/// `max_labels` are placed, all inside `bounds`, none over another; a label goes where
/// it covers no other marker, except for the busiest few where no such place is left.
///
/// # Examples
/// ```
/// use dateline::scene::{place_labels, Rect, ScreenMarker};
/// // Two markers 13 points apart (Belgorod and Shebekino at country scale).
/// let belgorod = ScreenMarker { x: 100.0, y: 100.0, radius: 8.0, label: Some((60.0, 14.0)) };
/// let shebekino = ScreenMarker { x: 109.0, y: 110.0, radius: 7.0, label: Some((64.0, 14.0)) };
/// let bounds = Rect { min_x: 0.0, min_y: 0.0, max_x: 400.0, max_y: 300.0 };
/// let placed = place_labels(&[belgorod, shebekino], bounds, 10);
/// let (a, b) = (placed[0].unwrap(), placed[1].unwrap());
/// assert!(a.max_x <= b.min_x || b.max_x <= a.min_x || a.max_y <= b.min_y || b.max_y <= a.min_y);
/// ```
pub fn place_labels(
    markers: &[ScreenMarker],
    bounds: Rect,
    max_labels: usize,
) -> Vec<Option<Rect>> {
    place_labels_with(markers, bounds, &[], max_labels, |i| {
        markers.get(i).and_then(|m| m.label)
    })
}

/// Rectangles bucketed by the grid cells they cover, for "does anything overlap this?"
/// over thousands of markers. The buckets are one array (counted, then filled): a
/// vector per cell would cost hundreds of allocations each time the markers change.
struct Grid {
    origin: (f32, f32),
    cols: usize,
    rows: usize,
    /// Where each cell's entries begin in `entries` (one more than there are cells).
    starts: Vec<usize>,
    entries: Vec<(usize, Rect)>,
}

impl Grid {
    /// Cell side in points: about a label's height, a few markers across.
    const CELL: f32 = 48.0;

    /// The grid over `bounds` holding `rects` (with their ids).
    fn new(bounds: Rect, rects: &[(usize, Rect)]) -> Self {
        #[expect(clippy::cast_sign_loss, reason = "clamped to 1 first")]
        let cells_across = |len: f32| ((len / Self::CELL).ceil().max(1.0) as usize).min(256);
        let cols = cells_across(bounds.max_x - bounds.min_x);
        let rows = cells_across(bounds.max_y - bounds.min_y);
        let mut grid = Self {
            origin: (bounds.min_x, bounds.min_y),
            cols,
            rows,
            starts: vec![0; cols * rows + 1],
            entries: Vec::new(),
        };
        // Count each cell's entries one cell on, sum the counts into starts, then fill
        // each cell from its start.
        for (_, r) in rects {
            for cell in grid.cells_of(r) {
                if let Some(n) = grid.starts.get_mut(cell + 1) {
                    *n += 1;
                }
            }
        }
        let mut total = 0;
        for n in &mut grid.starts {
            total += *n;
            *n = total;
        }
        grid.entries = vec![(usize::MAX, Rect::default()); total];
        let mut fill = grid.starts.clone();
        for &(id, r) in rects {
            for cell in grid.cells_of(&r) {
                if let Some(at) = fill.get_mut(cell)
                    && let Some(slot) = grid.entries.get_mut(*at)
                {
                    *slot = (id, r);
                    *at += 1;
                }
            }
        }
        grid
    }

    /// The cells `r` covers, by number.
    fn cells_of(&self, r: &Rect) -> impl Iterator<Item = usize> + use<> {
        let (xs, ys) = self.span(r);
        let cols = self.cols;
        ys.flat_map(move |y| xs.clone().map(move |x| y * cols + x))
    }

    /// The cells `r` covers, clamped to the grid.
    fn span(
        &self,
        r: &Rect,
    ) -> (
        std::ops::RangeInclusive<usize>,
        std::ops::RangeInclusive<usize>,
    ) {
        #[expect(clippy::cast_sign_loss, reason = "clamped to 0 first")]
        let cell = |v: f32, o: f32, n: usize| (((v - o) / Self::CELL).max(0.0) as usize).min(n - 1);
        (
            cell(r.min_x, self.origin.0, self.cols)..=cell(r.max_x, self.origin.0, self.cols),
            cell(r.min_y, self.origin.1, self.rows)..=cell(r.max_y, self.origin.1, self.rows),
        )
    }

    /// The entries of one cell.
    fn cell(&self, cell: usize) -> &[(usize, Rect)] {
        let start = self.starts.get(cell).copied().unwrap_or(0);
        let end = self.starts.get(cell + 1).copied().unwrap_or(start);
        self.entries.get(start..end).unwrap_or(&[])
    }

    /// True when `test` holds for a rectangle in a cell that `r` covers.
    fn any_near(&self, r: &Rect, mut test: impl FnMut(usize, &Rect) -> bool) -> bool {
        self.cells_of(r)
            .any(|cell| self.cell(cell).iter().any(|(id, c)| test(*id, c)))
    }
}

/// The busiest places that get a label even where markers crowd too much for a label
/// to stay clear of them all: over other markers then, never over another label. In a
/// dense view (a year of news over a continent) the busiest places sit under a blob of
/// circles, and a map whose labels all went to outlying places would hide them.
const ALWAYS_LABELLED: usize = 5;

/// How many candidates, per label wanted, the placer tries before it gives up: in a
/// crowded view the few hundred busiest places are the ones worth a label, and trying
/// every one of thousands of markers would cost more than the frame.
const CANDIDATES_PER_LABEL: usize = 6;

/// [`place_labels`] with each label's size asked for only when the placer reaches its
/// marker (laying text out costs more than placing it; the `label` of `markers` is
/// ignored), and none over a rectangle of `avoid` (a legend drawn over the map). Markers
/// outside `bounds` are not candidates.
pub fn place_labels_with(
    markers: &[ScreenMarker],
    bounds: Rect,
    avoid: &[Rect],
    max_labels: usize,
    mut label_size: impl FnMut(usize) -> Option<(f32, f32)>,
) -> Vec<Option<Rect>> {
    let circle = |m: &ScreenMarker| Rect {
        min_x: m.x - m.radius,
        min_y: m.y - m.radius,
        max_x: m.x + m.radius,
        max_y: m.y + m.radius,
    };
    // Only circles that reach into the bounds can collide with a label; a grid finds
    // the few near a label among thousands.
    let near: Vec<(usize, Rect)> = markers
        .iter()
        .enumerate()
        .map(|(i, m)| (i, circle(m)))
        .filter(|(_, c)| c.intersects(&bounds))
        .collect();
    let circles = Grid::new(bounds, &near);
    let mut placed: Vec<Rect> = Vec::new();
    let mut tried = 0;
    let budget = max_labels.saturating_mul(CANDIDATES_PER_LABEL);
    let mut out = vec![None; markers.len()];
    for (i, m) in markers.iter().enumerate() {
        if placed.len() >= max_labels || tried >= budget {
            break;
        }
        let inside = m.x >= bounds.min_x
            && m.x <= bounds.max_x
            && m.y >= bounds.min_y
            && m.y <= bounds.max_y;
        if !inside {
            continue;
        }
        let Some(size) = label_size(i) else {
            continue;
        };
        tried += 1;
        let clear = |r: &Rect| {
            r.inside(&bounds)
                && !avoid.iter().any(|a| a.intersects(r))
                && !placed.iter().any(|p| p.intersects(r))
        };
        let fits = |r: &Rect| clear(r) && !circles.any_near(r, |j, c| j != i && c.intersects(r));
        let sides = [Side::Right, Side::Left, Side::Above, Side::Below]
            .map(|side| label_rect(m, size, side));
        // The busiest few settle for a side clear of labels only.
        let rect = sides.into_iter().find(fits).or_else(|| {
            (tried <= ALWAYS_LABELLED)
                .then(|| sides.into_iter().find(clear))
                .flatten()
        });
        if let (Some(rect), Some(slot)) = (rect, out.get_mut(i)) {
            placed.push(rect);
            *slot = Some(rect);
        }
    }
    out
}

#[cfg(test)]
mod tests {
    use super::*;

    /// No label goes over a rectangle to avoid (the legend): the label that would go
    /// right of its marker goes left, and one boxed in on every side gets none.
    #[test]
    fn labels_keep_off_the_rectangles_to_avoid() {
        let bounds = Rect {
            min_x: 0.0,
            min_y: 0.0,
            max_x: 400.0,
            max_y: 300.0,
        };
        let marker = |x, y| ScreenMarker {
            x,
            y,
            radius: 5.0,
            label: Some((60.0, 12.0)),
        };
        let legend = Rect {
            min_x: 110.0,
            min_y: 80.0,
            max_x: 300.0,
            max_y: 120.0,
        };
        let free = place_labels(&[marker(100.0, 100.0)], bounds, 10);
        let right = free[0].expect("a label when nothing is in the way");
        assert!(right.intersects(&legend), "the test's legend is in the way");
        let placed = place_labels_with(&[marker(100.0, 100.0)], bounds, &[legend], 10, |_| {
            Some((60.0, 12.0))
        });
        let left = placed[0].expect("a label on another side");
        assert!(!left.intersects(&legend));
        assert!(left.max_x <= 100.0, "left of the marker: {left:?}");
        let everywhere = Rect {
            min_x: 0.0,
            min_y: 0.0,
            max_x: 400.0,
            max_y: 300.0,
        };
        let none = place_labels_with(&[marker(100.0, 100.0)], bounds, &[everywhere], 10, |_| {
            Some((60.0, 12.0))
        });
        assert_eq!(none, [None]);
    }

    /// `count` markers in rows of `per_row` from `origin`, `step` apart, each with a
    /// label `label_w` × 12 points.
    fn lattice(
        count: usize,
        per_row: usize,
        origin: (f32, f32),
        step: (f32, f32),
        radius: f32,
        label_w: f32,
    ) -> Vec<ScreenMarker> {
        (0..count)
            .map(|i| ScreenMarker {
                x: origin.0 + (i % per_row) as f32 * step.0,
                y: origin.1 + (i / per_row) as f32 * step.1,
                radius,
                label: Some((label_w, 12.0)),
            })
            .collect()
    }

    /// The rectangle from the origin to (`w`, `h`).
    fn area(w: f32, h: f32) -> Rect {
        Rect {
            min_x: 0.0,
            min_y: 0.0,
            max_x: w,
            max_y: h,
        }
    }

    fn day(d: u32) -> NaiveDate {
        NaiveDate::from_ymd_opt(2023, 6, d).expect("date")
    }

    /// Recency runs from 0 at the window's start to 1 at its end, and a one-day window
    /// is all "now".
    #[test]
    fn recency_spans_the_window() {
        assert!(
            (recency(day(1), day(1), day(5)) - 0.0).abs() < f32::EPSILON,
            "start"
        );
        assert!(
            (recency(day(5), day(1), day(5)) - 1.0).abs() < f32::EPSILON,
            "end"
        );
        assert!(
            (recency(day(3), day(1), day(5)) - 0.5).abs() < f32::EPSILON,
            "middle"
        );
        assert!(
            (recency(day(3), day(3), day(3)) - 1.0).abs() < f32::EPSILON,
            "one day"
        );
    }

    /// Area is proportional to the count: radius minus the base grows as √count.
    #[test]
    fn marker_area_grows_linearly_with_items() {
        let base = marker_radius(0) - 3.2;
        let r = |n| marker_radius(n) - base;
        assert!((r(4) / r(1) - 2.0).abs() < 0.01, "√4 = 2");
        assert!((r(9) / r(1) - 3.0).abs() < 0.01, "√9 = 3");
    }

    /// A busy view is scaled down so its busiest place is the largest marker, areas stay
    /// proportional, and the key's counts are round and drawn at the same scale.
    #[test]
    fn a_busy_view_is_scaled_to_its_busiest_place() {
        for busiest in [47, 48, 100, 999, 1000, 117_159] {
            let scale = SizeScale::for_busiest(busiest);
            assert!(
                scale.radius(busiest) <= SizeScale::MAX_RADIUS + 1e-3,
                "{busiest} fits"
            );
            let r = |n| scale.radius(n) - SizeScale::MIN_RADIUS;
            assert!(
                (r(16) / r(4) - 2.0).abs() < 0.01,
                "area ∝ count at {busiest}"
            );
            let key = scale.key(busiest);
            assert!(key.windows(2).all(|w| w[0] < w[1]), "{key:?} rises");
            assert!(key.iter().all(|&n| n <= busiest), "{key:?} ≤ {busiest}");
        }
        assert_eq!(
            SizeScale::for_busiest(47),
            SizeScale::STANDARD,
            "47 fits as is"
        );
        assert_ne!(
            SizeScale::for_busiest(48),
            SizeScale::STANDARD,
            "48 would not"
        );
        assert_eq!(SizeScale::for_busiest(1000).key(1000), [1, 100, 1000]);
        assert_eq!(SizeScale::for_busiest(437).key(437), [1, 50, 400]);
        assert_eq!(SizeScale::for_busiest(60).key(60), [1, 5, 60]);
    }

    /// No two placed labels overlap, none but the busiest few's overlaps another marker,
    /// and all stay in bounds, even in a crowded cluster.
    #[test]
    fn labels_never_overlap() {
        let bounds = area(300.0, 200.0);
        let markers = lattice(30, 6, (100.0, 80.0), (11.0, 9.0), 5.0, 50.0);
        let placed = place_labels(&markers, bounds, 100);
        for (i, rect) in placed.iter().enumerate() {
            let Some(rect) = rect else { continue };
            for (j, m) in markers.iter().enumerate().filter(|&(j, _)| j != i) {
                let circle = Rect {
                    min_x: m.x - m.radius,
                    min_y: m.y - m.radius,
                    max_x: m.x + m.radius,
                    max_y: m.y + m.radius,
                };
                assert!(
                    i < ALWAYS_LABELLED || !rect.intersects(&circle),
                    "label {i} covers marker {j}"
                );
            }
        }
        let rects: Vec<Rect> = placed.iter().flatten().copied().collect();
        assert!(!rects.is_empty(), "some labels fit");
        for (a, ra) in rects.iter().enumerate() {
            assert!(ra.inside(&bounds), "in bounds");
            for rb in rects.iter().skip(a + 1) {
                assert!(!ra.intersects(rb), "{ra:?} overlaps {rb:?}");
            }
        }
        assert!(
            place_labels(&markers, bounds, 3).iter().flatten().count() <= 3,
            "the cap holds"
        );
    }

    /// Under a blob of circles where no label can stay clear of them, the busiest few
    /// places still get theirs (over other markers, not over one another), and the rest
    /// get none.
    #[test]
    fn the_busiest_are_labelled_in_a_crowd() {
        let bounds = area(400.0, 300.0);
        // A 20 × 15 lattice of circles 20 points apart, radius 14: they cover the map.
        let markers = lattice(300, 20, (10.0, 10.0), (20.0, 20.0), 14.0, 40.0);
        let placed = place_labels(&markers, bounds, 40);
        let labelled: Vec<usize> = (0..markers.len())
            .filter(|&i| placed.get(i).is_some_and(Option::is_some))
            .collect();
        assert!(!labelled.is_empty(), "the busiest get labels");
        assert_eq!(labelled, (0..ALWAYS_LABELLED).collect::<Vec<_>>());
        let rects: Vec<Rect> = placed.iter().flatten().copied().collect();
        for (a, ra) in rects.iter().enumerate() {
            assert!(ra.inside(&bounds), "in bounds");
            for rb in rects.iter().skip(a + 1) {
                assert!(!ra.intersects(rb), "{ra:?} overlaps {rb:?}");
            }
        }
    }

    /// Label text is laid out only for the markers the placer reaches: none outside the
    /// bounds, and no more than its budget in a crowd where nothing fits.
    #[test]
    fn label_sizes_are_asked_for_lazily() {
        let bounds = area(100.0, 100.0);
        // 2,000 markers piled on one spot (no label fits) and one outside the bounds.
        let mut markers = vec![
            ScreenMarker {
                x: 50.0,
                y: 50.0,
                radius: 60.0,
                label: None,
            };
            2000
        ];
        markers.push(ScreenMarker {
            x: 500.0,
            y: 50.0,
            radius: 5.0,
            label: None,
        });
        let mut asked = Vec::new();
        let placed = place_labels_with(&markers, bounds, &[], 10, |i| {
            asked.push(i);
            Some((20.0, 10.0))
        });
        assert!(placed.iter().all(Option::is_none), "nothing fits");
        assert_eq!(asked.len(), 10 * CANDIDATES_PER_LABEL, "the budget holds");
        assert!(
            !asked.contains(&2000),
            "the marker outside is never laid out"
        );
    }
}
