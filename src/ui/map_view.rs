//! The interactive map: an egui_plot with the painted map as one custom item, markers
//! that can be hovered and clicked, "Fit to events" and the country toggle.

use super::command::Command;
use super::map_paint::{self, Legend, MapMarker, MapTransform};
use super::{ViewCtx, theme};
use crate::basemap::REGION_BBOX;
use crate::selection::SelectionCommand;
use egui::{Rect, Shape, Ui, vec2};
use egui_plot::{Plot, PlotBounds, PlotGeometry, PlotItem, PlotItemBase, PlotTransform};
use std::cell::RefCell;

/// Share of the markers' weight the first view must frame: the story's area, without
/// far-away one-off mentions (Washington, Paris) zooming it out to the world.
const FIT_WEIGHT_SHARE: f64 = 0.8;
/// Labels placed on the map at most.
pub(super) const MAX_LABELS: usize = 40;

/// The map's own state across frames.
#[derive(Default)]
pub struct MapState {
    fit: bool,
    labels: Vec<(String, Rect)>,
    highlighted: Vec<usize>,
    view_bounds: Option<([f64; 2], [f64; 2])>,
    basemap_cache: RefCell<map_paint::BasemapCache>,
    marker_cache: RefCell<map_paint::MarkerPaintCache>,
}

impl MapState {
    /// Draws the base map and the markers through the GPU pipelines
    /// (`gpu_mesh::install`).
    pub fn draw_on_gpu(&mut self) {
        self.basemap_cache.get_mut().gpu = true;
        self.marker_cache.get_mut().gpu = true;
    }

    /// Frames the events at the next frame.
    pub fn request_fit(&mut self) {
        self.fit = true;
    }

    /// Labels placed last frame: place name and screen rectangle.
    pub fn labels(&self) -> &[(String, Rect)] {
        &self.labels
    }

    /// The geographic area the map showed last frame (lon min, lat min, lon max, lat max).
    pub fn view_bbox(&self) -> Option<[f64; 4]> {
        self.view_bounds
            .map(|(min, max)| super::briefing::bbox_of_map_bounds(min, max))
    }

    /// Places of the selected item, ringed last frame (indices into the index's places).
    pub fn highlighted(&self) -> &[usize] {
        &self.highlighted
    }
}

/// The places the selected item mentions (rule 2: selecting an item shows its places).
fn item_places(view: &ViewCtx<'_>) -> Vec<usize> {
    let Some(item) = view.selection.item() else {
        return Vec::new();
    };
    let events = &view.corpus.events;
    let lo = events.partition_point(|e| e.article < item.article);
    let hi = events.partition_point(|e| e.article <= item.article);
    let mut places: Vec<usize> = events
        .get(lo..hi)
        .unwrap_or(&[])
        .iter()
        .filter(|e| e.item == item.item)
        .filter_map(|e| view.index.place_index(e.place))
        .collect();
    places.sort_unstable();
    places.dedup();
    places
}

/// What the map item painted, for hit-testing after the plot is shown.
#[derive(Default)]
struct Painted {
    labels: Vec<map_paint::PlacedLabel>,
}

/// The whole map as one plot item.
struct MapLayer<'a> {
    base: PlotItemBase,
    view: &'a ViewCtx<'a>,
    markers: &'a [MapMarker],
    selected: Option<usize>,
    highlighted: &'a [usize],
    legend: Legend,
    painted: &'a RefCell<Painted>,
    basemap_cache: &'a RefCell<map_paint::BasemapCache>,
    marker_cache: &'a RefCell<map_paint::MarkerPaintCache>,
}

impl PlotItem for MapLayer<'_> {
    fn shapes(&self, ui: &Ui, transform: &PlotTransform, shapes: &mut Vec<Shape>) {
        let xf = MapTransform::from_plot(transform);
        if let Some(basemap) = self.view.basemap {
            map_paint::paint_basemap_cached(
                ui.ctx(),
                basemap,
                &xf,
                &mut self.basemap_cache.borrow_mut(),
                shapes,
            );
        } else {
            shapes.push(Shape::rect_filled(xf.rect(), 0.0, theme::SEA));
        }
        let labels = map_paint::paint_overlay(
            ui.ctx(),
            self.view.basemap,
            self.markers,
            (self.selected, self.highlighted),
            &xf,
            (MAX_LABELS, &self.legend),
            &mut self.marker_cache.borrow_mut(),
            shapes,
        );
        self.painted.borrow_mut().labels = labels;
    }

    fn initialize(&mut self, _x_range: std::ops::RangeInclusive<f64>) {}

    fn color(&self) -> egui::Color32 {
        theme::LAND
    }

    fn geometry(&self) -> PlotGeometry<'_> {
        PlotGeometry::None
    }

    fn bounds(&self) -> PlotBounds {
        let [x0, y0, x1, y1] = REGION_BBOX;
        let min = crate::basemap::map_from_geo(y0, x0);
        let max = crate::basemap::map_from_geo(y1, x1);
        PlotBounds::from_min_max(min, max)
    }

    fn base(&self) -> &PlotItemBase {
        &self.base
    }

    fn base_mut(&mut self) -> &mut PlotItemBase {
        &mut self.base
    }

    fn allow_hover(&self) -> bool {
        false
    }
}

/// Draws the map panel.
pub fn map_ui(
    view: &ViewCtx<'_>,
    markers: &[MapMarker],
    state: &mut MapState,
    ui: &mut Ui,
    out: &mut Vec<Command>,
) {
    ui.horizontal(|ui| {
        ui.add_space(6.0);
        if ui
            .button("Fit to events")
            .on_hover_text("Frame the places of the current time window")
            .clicked()
        {
            out.push(Command::FitMap);
        }
        let mut countries = view.prefs.show_countries;
        if ui
            .checkbox(&mut countries, "Countries")
            .on_hover_text("Show mentions of whole countries")
            .changed()
        {
            out.push(Command::ShowCountries(countries));
        }
        ui.label(egui::RichText::new(format!("{} places", markers.len())).weak());
    });
    let fit = std::mem::take(&mut state.fit).then(|| fit_bounds(markers));
    let selected = view
        .selection
        .place()
        .and_then(|id| view.index.place_index(id));
    state.highlighted = item_places(view);
    let painted = RefCell::new(Painted::default());
    let (first, last) = view.time.window_range();
    let first = first.unwrap_or(view.time.bounds().0).min(last);
    let legend = Legend::for_window(first, last, markers);
    let layer = MapLayer {
        base: PlotItemBase::new("map".to_owned()),
        view,
        markers,
        selected,
        highlighted: &state.highlighted,
        legend,
        painted: &painted,
        basemap_cache: &state.basemap_cache,
        marker_cache: &state.marker_cache,
    };
    let response = Plot::new("map")
        .data_aspect(1.0)
        .show_axes(false)
        .show_grid(false)
        .show_background(false)
        .show_crosshair(false)
        .allow_boxed_zoom(false)
        .allow_double_click_reset(false)
        .set_margin_fraction(vec2(0.0, 0.0))
        .show(ui, |plot_ui| {
            if let Some([x0, y0, x1, y1]) = fit {
                plot_ui.set_plot_bounds(PlotBounds::from_min_max([x0, y0], [x1, y1]));
            }
            plot_ui.add(layer);
        });
    let xf = MapTransform::from_plot(&response.transform);
    let bounds = response.transform.bounds();
    state.view_bounds = Some((bounds.min(), bounds.max()));
    let labels = painted.into_inner().labels;

    // Accessible, clickable labelled markers (screen readers and UI tests find them).
    for label in &labels {
        let Some(m) = markers.get(label.marker) else {
            continue;
        };
        // The label alone: labels never overlap, markers may (the plot hit-tests those).
        let id = ui.scope_id().with(("marker", m.place));
        let marker_response = ui.interact(label.rect, id, egui::Sense::click());
        let name = format!("{} (map)", m.label);
        marker_response.widget_info(|| egui::WidgetInfo::labeled(egui::Role::Button, true, &name));
        if marker_response.clicked() {
            select_place(view, m.place, out);
        }
        hover_tooltip(view, m, &marker_response);
    }
    state.labels = labels
        .iter()
        .filter_map(|l| Some((markers.get(l.marker)?.label.to_string(), l.rect)))
        .collect();

    // Any marker, labelled or not: hover and click on the plot.
    let under = |pos: egui::Pos2| {
        markers
            .iter()
            .filter(|m| xf.screen_from_map(m.at).distance(pos) <= m.radius + 2.0)
            .min_by(|a, b| a.radius.total_cmp(&b.radius))
    };
    if let Some(m) = response.response.hover_pos().and_then(under) {
        hover_tooltip(view, m, &response.response);
    }
    if response.response.clicked()
        && let Some(m) = response.response.interact_pointer_pos().and_then(under)
    {
        select_place(view, m.place, out);
    }
}

fn select_place(view: &ViewCtx<'_>, place: usize, out: &mut Vec<Command>) {
    if let Some(entry) = view.index.places.get(place) {
        out.push(Command::Select(SelectionCommand::SelectPlace(
            entry.place.id,
        )));
    }
}

fn hover_tooltip(view: &ViewCtx<'_>, m: &MapMarker, response: &egui::Response) {
    let Some(marker) = view.markers.iter().find(|x| x.place == m.place) else {
        return;
    };
    let Some(event) = view.corpus.events.get(marker.latest_event) else {
        return;
    };
    let text = view.corpus.text(event.article as usize);
    let sentence = text
        .as_deref()
        .and_then(|t| t.get(event.sentence_start as usize..event.sentence_end as usize))
        .unwrap_or("");
    let reports = if marker.items == 1 {
        "1 report".to_owned()
    } else {
        format!("{} reports", marker.items)
    };
    response.clone().on_hover_ui_at_pointer(|ui| {
        ui.set_max_width(360.0);
        ui.strong(&*m.label);
        ui.label(format!(
            "{reports}, {} mentions · latest {}",
            marker.events, event.date
        ));
        ui.label(egui::RichText::new(crate::article::shorten(sentence, 220)).italics());
    });
}

/// Map bounds framing the bulk of the markers: those nearest the weighted centre that
/// together carry [`FIT_WEIGHT_SHARE`] of the markers' area at the standard scale, plus
/// a margin.
pub(super) fn fit_bounds(markers: &[MapMarker]) -> [f64; 4] {
    if markers.is_empty() {
        let [x0, y0, x1, y1] = REGION_BBOX;
        let (a, b) = (
            crate::basemap::map_from_geo(y0, x0),
            crate::basemap::map_from_geo(y1, x1),
        );
        return [a[0], a[1], b[0], b[1]];
    }
    // The marker's area at the standard scale, whatever scale the view is drawn at: a
    // few reports still count for something next to many (the base radius), so a
    // story's second, smaller scene stays in the frame.
    let weight = |m: &MapMarker| f64::from(crate::scene::marker_radius(m.items).powi(2));
    let median = |axis: usize| {
        let mut values: Vec<(f64, f64)> = markers.iter().map(|m| (m.at[axis], weight(m))).collect();
        values.sort_by(|a, b| a.0.total_cmp(&b.0));
        let half = values.iter().map(|v| v.1).sum::<f64>() / 2.0;
        let mut acc = 0.0;
        values
            .iter()
            .find(|v| {
                acc += v.1;
                acc >= half
            })
            .map_or(0.0, |v| v.0)
    };
    let center = [median(0), median(1)];
    let mut by_distance: Vec<&MapMarker> = markers.iter().collect();
    let distance = |m: &MapMarker| (m.at[0] - center[0]).hypot(m.at[1] - center[1]);
    by_distance.sort_by(|a, b| distance(a).total_cmp(&distance(b)));
    let total: f64 = markers.iter().map(weight).sum();
    let mut acc = 0.0;
    let mut b = [f64::MAX, f64::MAX, f64::MIN, f64::MIN];
    for m in by_distance {
        b = [
            b[0].min(m.at[0]),
            b[1].min(m.at[1]),
            b[2].max(m.at[0]),
            b[3].max(m.at[1]),
        ];
        acc += weight(m);
        if acc >= FIT_WEIGHT_SHARE * total {
            break;
        }
    }
    // At least a few degrees across, and a margin so edge markers and labels show.
    let (w, h) = ((b[2] - b[0]).max(4.0), (b[3] - b[1]).max(3.0));
    let (cx, cy) = (f64::midpoint(b[0], b[2]), f64::midpoint(b[1], b[3]));
    let (w, h) = (w * 1.3, h * 1.3);
    [cx - w / 2.0, cy - h / 2.0, cx + w / 2.0, cy + h / 2.0]
}

#[cfg(test)]
mod tests {
    use super::*;

    fn marker(lat: f64, lon: f64, items: u32) -> MapMarker {
        MapMarker {
            place: 0,
            at: crate::basemap::map_from_geo(lat, lon),
            radius: crate::scene::marker_radius(items),
            items,
            color: theme::CURSOR,
            hollow: false,
            label: "".into(),
        }
    }

    /// One far-away mention does not zoom the first view out to the world.
    #[test]
    fn fit_frames_the_bulk_not_the_outliers() {
        let markers = [
            marker(50.45, 30.52, 12), // Kyiv
            marker(50.60, 36.59, 8),  // Belgorod
            marker(47.01, 28.86, 4),  // Chisinau
            marker(38.90, -77.04, 1), // Washington
        ];
        let [x0, _, x1, _] = fit_bounds(&markers);
        assert!(
            x0 > 0.0 && x0 < 28.86 && x1 > 36.59 && x1 < 60.0,
            "{x0}..{x1}"
        );
    }
}
