//! The time panel: transport buttons, the date slider and field, speed, loop, window
//! mode, and a histogram of events per day with the cursor on it.

use super::command::{Command, Origin};
use super::{ViewCtx, theme};
use crate::selection::SelectionCommand;
use crate::time_control::{SPEEDS_DAYS_PER_SEC, TimeCommand, WindowMode};
use chrono::{Days, NaiveDate};
use egui::{Role, Ui, WidgetInfo};
use egui_plot::{
    GridMark, Plot, PlotBounds, PlotGeometry, PlotItem, PlotItemBase, PlotPoint, PlotTransform,
    Span, VLine,
};

/// Widget state of the time panel that is not time itself.
#[derive(Default)]
pub struct TimePanelState {
    /// Text in the date field while it is being edited.
    date_text: Option<String>,
    /// The last text that did not read as a date.
    bad_date: Option<String>,
}

fn time(command: TimeCommand) -> Command {
    Command::Time(command, Origin::Other)
}

/// A button with a symbol face and a spoken name (the symbol alone is no name).
fn symbol_button(ui: &mut Ui, symbol: &str, name: &str, hint: &str) -> bool {
    let response = ui
        .add(
            egui::Button::new(egui::RichText::new(symbol).size(16.0))
                .min_size(egui::vec2(30.0, 26.0)),
        )
        .accessible_name(name);
    response.on_hover_text(format!("{name} ({hint})")).clicked()
}

/// Draws the time panel.
pub fn time_panel_ui(
    view: &ViewCtx<'_>,
    state: &mut TimePanelState,
    ui: &mut Ui,
    out: &mut Vec<Command>,
) {
    ui.add_space(4.0);
    ui.horizontal(|ui| transport_ui(view, ui, out));
    ui.horizontal(|ui| settings_ui(view, state, ui, out));
    histogram_ui(view, ui, out);
}

fn transport_ui(view: &ViewCtx<'_>, ui: &mut Ui, out: &mut Vec<Command>) {
    let tc = view.time;
    if symbol_button(ui, "⏮", "Previous day with events", "Shift+←") {
        out.push(time(TimeCommand::PreviousEventDay));
    }
    if symbol_button(ui, "◀", "Previous day", "←") {
        out.push(time(TimeCommand::Step(-1)));
    }
    let (face, name) = if tc.playing() {
        ("⏸", "Pause")
    } else {
        ("▶", "Play")
    };
    if symbol_button(ui, face, name, "Space") {
        out.push(time(TimeCommand::TogglePlay));
    }
    if symbol_button(ui, "▶", "Next day", "→") {
        out.push(time(TimeCommand::Step(1)));
    }
    if symbol_button(ui, "⏭", "Next day with events", "Shift+→") {
        out.push(time(TimeCommand::NextEventDay));
    }
    ui.add_space(8.0);
    ui.label(
        egui::RichText::new(tc.cursor().format("%a %-d %b %Y").to_string())
            .strong()
            .size(16.0),
    );
    ui.add_space(8.0);

    // The slider works on a local copy; if it moved, the panel asks for the new day.
    let (first, last) = tc.bounds();
    let span = (last - first).num_days().max(0);
    let mut offset = (tc.cursor() - first).num_days();
    let slider = egui::Slider::new(&mut offset, 0..=span)
        .show_value(false)
        .text("Date")
        .custom_formatter(move |v, _| day_at(first, v as i64).format("%-d %b %Y").to_string());
    let width = ui.available_width().max(120.0);
    ui.spacing_mut().slider_width = (width - 60.0).max(80.0);
    if ui.add(slider).changed() {
        out.push(time(TimeCommand::Pause));
        out.push(time(TimeCommand::SetCursor(day_at(first, offset))));
    }
}

fn settings_ui(
    view: &ViewCtx<'_>,
    state: &mut TimePanelState,
    ui: &mut Ui,
    out: &mut Vec<Command>,
) {
    let tc = view.time;
    for mode in WindowMode::ALL {
        if ui
            .selectable_label(tc.window() == mode, mode.label())
            .on_hover_text("Time window shown on the map")
            .clicked()
        {
            out.push(time(TimeCommand::SetWindow(mode)));
        }
    }
    ui.separator();
    let speed = tc.days_per_sec();
    let per_sec = |s: f64| {
        if (s - 1.0).abs() < 1e-9 {
            "1 day/s".to_owned()
        } else {
            format!("{s} days/s")
        }
    };
    egui::ComboBox::from_label("Speed")
        .selected_text(per_sec(speed))
        .show_ui(ui, |ui| {
            for s in SPEEDS_DAYS_PER_SEC {
                if ui
                    .selectable_label((s - speed).abs() < 1e-9, per_sec(s))
                    .clicked()
                {
                    out.push(time(TimeCommand::SetSpeed(s)));
                }
            }
        });
    let mut looping = tc.looping();
    if ui.checkbox(&mut looping, "Loop").changed() {
        out.push(time(TimeCommand::SetLoop(looping)));
    }
    ui.separator();
    let mut text = state
        .date_text
        .clone()
        .unwrap_or_else(|| tc.cursor().format("%Y-%m-%d").to_string());
    let response = ui
        .add(
            egui::TextEdit::singleline(&mut text)
                .desired_width(96.0)
                .hint_text("YYYY-MM-DD"),
        )
        .accessible_name("Go to date");
    if response.has_focus() {
        state.date_text = Some(text.clone());
    }
    let submitted = response.lost_focus() && ui.input(|i| i.key_pressed(egui::Key::Enter));
    if response.lost_focus() {
        state.date_text = None;
    }
    if submitted {
        match crate::article::timestamp::parse_timestamp(&text) {
            Some(t) => out.push(time(TimeCommand::SetCursor(t.date_naive()))),
            None => state.bad_date = Some(text.clone()),
        }
    } else if response.changed() {
        state.bad_date = None;
    }
    let hint = match &state.bad_date {
        Some(bad) => format!("Not a date: {bad:?}. Write 2023-06-01 or 1 June 2023"),
        None => "Type a date and press Enter".to_owned(),
    };
    response.on_hover_text(hint);
    if let Some(entry) = view.selection.place().and_then(|id| view.index.entry(id)) {
        ui.separator();
        ui.label(
            egui::RichText::new(format!("Days of {}", entry.place.name)).color(theme::BAR_SELECTED),
        );
        if ui
            .small_button("Clear")
            .on_hover_text("Clear the selected place (Esc)")
            .clicked()
        {
            out.push(Command::Select(SelectionCommand::ClearPlace));
        }
    }
}

/// A tick's day, "27 Feb", with its year when the timeline spans more than one year.
pub(super) fn tick_label(day: NaiveDate, (first, last): (NaiveDate, NaiveDate)) -> String {
    use chrono::Datelike as _;
    if first.year() == last.year() {
        day.format("%-d %b").to_string()
    } else {
        day.format("%-d %b %Y").to_string()
    }
}

fn day_at(first: NaiveDate, offset: i64) -> NaiveDate {
    first
        .checked_add_days(Days::new(offset.max(0).unsigned_abs()))
        .unwrap_or(first)
}

fn histogram_ui(view: &ViewCtx<'_>, ui: &mut Ui, out: &mut Vec<Command>) {
    let tc = view.time;
    let (first, last) = tc.bounds();
    let x_of = |d: NaiveDate| (d - first).num_days() as f64;
    // While searching, the matching events stand out against all of them.
    let all = DayBars::new("events per day", first, last, &view.index.day_counts)
        .width(0.8)
        .fill(if view.filter.is_some() {
            theme::BAR.gamma_multiply(0.3)
        } else {
            theme::BAR
        });
    let matching = view.filter.map(|f| {
        DayBars::new("matching events per day", first, last, f.day_counts())
            .width(0.8)
            .fill(theme::BAR)
    });
    let selected_days = selected_place_days(view);
    let selected_bars = DayBars::new("selected place", first, last, &selected_days)
        .width(0.5)
        .fill(theme::BAR_SELECTED);
    let (from, to) = tc.window_range();
    let window = (x_of(from.unwrap_or(first).max(first)) - 0.5)..=(x_of(to) + 0.5);
    let max_count = view
        .index
        .day_counts
        .iter()
        .map(|(_, n)| *n)
        .max()
        .unwrap_or(1);
    let span_days = x_of(last);
    // No background fill: the panel's colour shows through (a fill the size of the plot
    // cost a software renderer 3 ms a frame).
    let response = Plot::new("histogram")
        .show_background(false)
        .height(ui.available_height().max(60.0))
        .allow_drag(false)
        .allow_zoom(false)
        .allow_scroll(false)
        .allow_boxed_zoom(false)
        .allow_double_click_reset(false)
        .show_crosshair(false)
        .show_grid([false, true])
        .include_x(-0.6)
        .include_x(span_days + 0.6)
        .include_y(0.0)
        .include_y(f64::from(max_count) * 1.1)
        .y_axis_min_width(28.0)
        .x_grid_spacer(move |input| day_marks(input.bounds, span_days))
        .x_axis_formatter(move |mark: GridMark, _| {
            tick_label(day_at(first, mark.value.round() as i64), (first, last))
        })
        .y_grid_spacer(move |input| count_marks(input.bounds.1, max_count))
        .y_axis_formatter(|mark: GridMark, _| format!("{}", mark.value.round() as i64))
        .show(ui, |plot_ui| {
            plot_ui.span(Span::new("", window).fill(theme::CURSOR.gamma_multiply(0.08)));
            plot_ui.add(all);
            if let Some(matching) = matching {
                plot_ui.add(matching);
            }
            if !selected_days.is_empty() {
                plot_ui.add(selected_bars);
            }
            plot_ui.vline(
                VLine::new("cursor", x_of(tc.cursor()))
                    .color(theme::CURSOR)
                    .width(2.0),
            );
        });
    // Clicking or dragging on the histogram moves the cursor (and stops playback).
    let r = &response.response;
    if (r.clicked() || r.dragged())
        && let Some(pos) = r.interact_pointer_pos()
    {
        let day = response.transform.value_from_position(pos).x.round() as i64;
        let day = day_at(first, day.clamp(0, span_days as i64));
        if day != tc.cursor() {
            out.push(time(TimeCommand::Pause));
            out.push(time(TimeCommand::SetCursor(day)));
        }
    }
    r.widget_info(|| WidgetInfo::labeled(Role::Image, true, "Events per day"));
}

/// Day ticks that stay readable: every day on a short timeline, then weekly, monthly.
pub(super) fn day_marks(bounds: (f64, f64), span_days: f64) -> Vec<GridMark> {
    let visible = (bounds.1 - bounds.0).max(1.0).min(span_days + 2.0);
    let step = [1.0, 2.0, 7.0, 14.0, 30.0, 61.0, 91.0, 182.0, 365.0]
        .into_iter()
        .find(|s| visible / s <= 12.0)
        .unwrap_or(365.0);
    let start = (bounds.0 / step).ceil() * step;
    let mut marks = Vec::new();
    let mut v = start.max(0.0);
    while v <= bounds.1 && marks.len() < 40 {
        marks.push(GridMark {
            value: v,
            step_size: step,
        });
        v += step;
    }
    marks
}

/// Event-count ticks for the histogram's short y axis: zero and a few round numbers up to
/// the tallest bar (egui_plot's default spacing gave only "0" at this height).
pub(super) fn count_marks(top: f64, max_count: u32) -> Vec<GridMark> {
    let max = f64::from(max_count.max(1));
    // The largest 1-2-5 step that still gives two steps up to the tallest bar.
    let magnitude = 10f64.powf((max / 2.0).log10().floor().max(0.0));
    let step = [5.0, 2.0, 1.0]
        .into_iter()
        .map(|m| m * magnitude)
        .find(|s| max / s >= 2.0)
        .unwrap_or(magnitude);
    (0..=4)
        .map(|k| f64::from(k) * step)
        .take_while(|v| *v <= top.max(max))
        .map(|value| GridMark {
            value,
            step_size: step,
        })
        .collect()
}

/// A count per day as bars, drawn as one mesh: a year of days is hundreds of bars, and
/// egui_plot's bar chart makes (and the tessellator outlines) a shape for each, every
/// frame.
struct DayBars<'a> {
    base: PlotItemBase,
    first: NaiveDate,
    days: &'a [(NaiveDate, u32)],
    width: f64,
    fill: egui::Color32,
}

impl<'a> DayBars<'a> {
    /// The days of `days` (sorted by day) from `first` to `last`.
    fn new(name: &str, first: NaiveDate, last: NaiveDate, days: &'a [(NaiveDate, u32)]) -> Self {
        let lo = days.partition_point(|(d, _)| *d < first);
        let hi = days.partition_point(|(d, _)| *d <= last);
        Self {
            base: PlotItemBase::new(name.to_owned()),
            first,
            days: days.get(lo..hi).unwrap_or(&[]),
            width: 0.8,
            fill: theme::BAR,
        }
    }

    /// Width of a bar, in days.
    fn width(mut self, width: f64) -> Self {
        self.width = width;
        self
    }

    fn fill(mut self, fill: egui::Color32) -> Self {
        self.fill = fill;
        self
    }

    fn x(&self, day: NaiveDate) -> f64 {
        (day - self.first).num_days() as f64
    }
}

impl PlotItem for DayBars<'_> {
    fn shapes(&self, _ui: &Ui, transform: &PlotTransform, shapes: &mut Vec<egui::Shape>) {
        let mut mesh = egui::Mesh::default();
        mesh.reserve_triangles(self.days.len() * 2);
        mesh.reserve_vertices(self.days.len() * 4);
        let half = self.width / 2.0;
        for &(day, n) in self.days {
            let x = self.x(day);
            let rect = transform.rect_from_values(
                &PlotPoint::new(x - half, 0.0),
                &PlotPoint::new(x + half, f64::from(n)),
            );
            mesh.add_colored_rect(rect, self.fill);
        }
        shapes.push(egui::Shape::mesh(mesh));
    }

    fn initialize(&mut self, _x_range: std::ops::RangeInclusive<f64>) {}

    fn color(&self) -> egui::Color32 {
        self.fill
    }

    fn geometry(&self) -> PlotGeometry<'_> {
        PlotGeometry::None
    }

    fn bounds(&self) -> PlotBounds {
        let mut bounds = PlotBounds::NOTHING;
        let top = self.days.iter().map(|(_, n)| *n).max().unwrap_or(0);
        if let (Some((a, _)), Some((b, _))) = (self.days.first(), self.days.last()) {
            bounds.extend_with(&PlotPoint::new(self.x(*a) - self.width / 2.0, 0.0));
            bounds.extend_with(&PlotPoint::new(
                self.x(*b) + self.width / 2.0,
                f64::from(top),
            ));
        }
        bounds
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

/// The selected place's events per day (day-dated only).
fn selected_place_days(view: &ViewCtx<'_>) -> Vec<(NaiveDate, u32)> {
    place_days(view.index, view.corpus, view.selection.place())
}

/// A place's events per day (day-dated only); none without a place.
pub(super) fn place_days(
    index: &crate::index::CorpusIndex,
    corpus: &crate::corpus::Corpus,
    place: Option<crate::gazetteer::PlaceId>,
) -> Vec<(NaiveDate, u32)> {
    let Some(place) = place.and_then(|id| index.place_index(id)) else {
        return Vec::new();
    };
    let mut days: Vec<NaiveDate> = index
        .events_of_place(place)
        .iter()
        .filter_map(|&e| corpus.events.get(e))
        .filter(|e| e.date.granularity == crate::temporal::Granularity::Day)
        .map(|e| e.date.first_day)
        .collect();
    days.sort_unstable();
    let mut counts: Vec<(NaiveDate, u32)> = Vec::new();
    for d in days {
        match counts.last_mut() {
            Some((last, n)) if *last == d => *n += 1,
            _ => counts.push((d, 1)),
        }
    }
    counts
}

#[cfg(test)]
mod tests {
    use super::count_marks;

    fn values(top: f64, max: u32) -> Vec<f64> {
        count_marks(top, max).iter().map(|m| m.value).collect()
    }

    /// Round counts, one to four above zero, never above the axis.
    #[test]
    fn count_ticks_are_round_and_few() {
        assert_eq!(values(220.0, 200), [0.0, 100.0, 200.0]);
        assert_eq!(values(7.7, 7), [0.0, 2.0, 4.0, 6.0]);
        assert_eq!(values(1.1, 1), [0.0, 1.0]);
        assert_eq!(values(1650.0, 1500), [0.0, 500.0, 1000.0, 1500.0]);
    }
}
