//! The problems list and the About window.

use crate::corpus::Corpus;
use crate::problem::Severity;
use egui::RichText;

/// Lists the files that failed or were read with a caveat, and why.
pub fn problems_window(ctx: &egui::Context, corpus: &Corpus, open: &mut bool) {
    egui::Window::new("Problems")
        .open(open)
        .default_size([560.0, 320.0])
        .vscroll(true)
        .show(ctx, |ui| {
            if corpus.problems.is_empty() {
                ui.label("Every file was read.");
            }
            for problem in &corpus.problems {
                let (mark, color) = match problem.severity() {
                    Severity::Error => ("✖", super::theme::CURSOR),
                    Severity::Warning => ("⚠", super::theme::WARNING),
                };
                ui.horizontal_wrapped(|ui| {
                    ui.label(RichText::new(mark).color(color));
                    ui.label(RichText::new(problem.path.display().to_string()).strong());
                    ui.label(problem.kind.to_string());
                });
            }
        });
}

/// What dateline is, and the data attribution its licences require.
pub fn about_window(ctx: &egui::Context, open: &mut bool) {
    egui::Window::new("About dateline")
        .open(open)
        .default_width(460.0)
        .show(ctx, |ui| {
            ui.label(format!(
                "dateline {}: places and dates read from news, on a map and a timeline.",
                env!("CARGO_PKG_VERSION")
            ));
            ui.add_space(6.0);
            ui.label(egui::RichText::new("Keys").strong());
            egui::Grid::new("keys").num_columns(2).show(ui, |ui| {
                for (keys, what) in KEYS {
                    ui.label(egui::RichText::new(*keys).monospace());
                    ui.label(*what);
                    ui.end_row();
                }
            });
            ui.add_space(6.0);
            ui.label(ATTRIBUTION);
        });
}

/// The keys the viewer answers to (`DatelineApp::global_keys`), for the About window.
const KEYS: &[(&str, &str)] = &[
    ("← / →", "a day back / on"),
    ("Shift+← / →", "the previous / next day with events"),
    ("Space", "play / pause"),
    ("Home / End", "the first / last day"),
    ("Esc", "clear the selection"),
    ("Ctrl+F", "search"),
    ("Ctrl+O", "open a folder"),
    ("Ctrl+E", "export an image"),
];

/// The attribution GeoNames' CC BY 4.0 licence requires, and Natural Earth's credit.
pub const ATTRIBUTION: &str = "Contains data from GeoNames (https://www.geonames.org/), licensed under CC BY 4.0 \
(https://creativecommons.org/licenses/by/4.0/). Modified: filtered by region and population, alternate names \
filtered and a few added, merged with Natural Earth regions and a hand-made supplement.\n\nMade with Natural \
Earth. Free vector and raster map data @ naturalearthdata.com.";
