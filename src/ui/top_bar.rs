//! The top bar: File menu, corpus summary, search, load progress, problems badge.

use super::command::Command;
use super::{ViewCtx, theme};
use egui::{RichText, Ui};
use std::path::PathBuf;

/// Widget state of the top bar.
#[derive(Default)]
pub struct TopBarState {
    /// Put the focus in the search box next frame (Ctrl+F).
    pub focus_search: bool,
}

/// Draws the top bar. `loading` is ((done, total), paths) while a load runs.
pub fn top_bar_ui(
    view: &ViewCtx<'_>,
    state: &mut TopBarState,
    query: &str,
    loading: Option<&((usize, usize), Vec<PathBuf>)>,
    status: Option<&str>,
    ui: &mut Ui,
    out: &mut Vec<Command>,
) {
    egui::MenuBar::new().ui(ui, |ui| {
        ui.menu_button("File", |ui| file_menu_ui(view, ui, out));
        ui.menu_button("Help", |ui| {
            if ui.button("About dateline…").clicked() {
                out.push(Command::ShowAbout(true));
                ui.close();
            }
        });
        ui.separator();
        ui.label(view.index.summary(view.corpus));
        ui.separator();
        let mut text = query.to_owned();
        let search = ui
            .add(
                egui::TextEdit::singleline(&mut text)
                    .hint_text("Search articles, sources, places  (Ctrl+F)")
                    .desired_width(260.0),
            )
            .accessible_name("Search");
        if std::mem::take(&mut state.focus_search) {
            search.request_focus();
        }
        if search.changed() {
            out.push(Command::SetQuery(text));
        }
        if !query.is_empty()
            && ui
                .small_button("✖")
                .on_hover_text("Clear the search")
                .clicked()
        {
            out.push(Command::SetQuery(String::new()));
        }
        if let Some(filter) = view.filter {
            ui.label(RichText::new(format!("{} matching items", filter.count())).weak());
        }
        if let Some(((done, total), paths)) = loading {
            ui.separator();
            let fraction = if *total == 0 {
                0.0
            } else {
                *done as f32 / *total as f32
            };
            let what = paths
                .first()
                .map(|p| p.display().to_string())
                .unwrap_or_default();
            ui.add(
                egui::ProgressBar::new(fraction)
                    .desired_width(160.0)
                    .text(format!("{done} / {total} files")),
            )
            .on_hover_text(format!("Loading {what}"));
            if ui.button("Cancel").clicked() {
                out.push(Command::CancelLoad);
            }
        }
        let problems = view.corpus.problems.len();
        if problems > 0 {
            ui.separator();
            let badge = RichText::new(format!(
                "⚠ {problems} problem{}",
                if problems == 1 { "" } else { "s" }
            ))
            .color(theme::WARNING);
            if ui
                .button(badge)
                .on_hover_text("Files that could not be read, and why")
                .clicked()
            {
                out.push(Command::ShowProblems(true));
            }
        }
        if let Some(status) = status {
            ui.separator();
            ui.label(RichText::new(status).weak());
        }
    });
}

fn file_menu_ui(view: &ViewCtx<'_>, ui: &mut Ui, out: &mut Vec<Command>) {
    let shortcut = |s: &str| egui::Button::new(s.to_owned());
    if ui
        .add(shortcut("Open folder…").shortcut_text("Ctrl+O"))
        .clicked()
    {
        out.push(Command::OpenFolderDialog);
        ui.close();
    }
    if ui.button("Open files…").clicked() {
        out.push(Command::OpenFilesDialog);
        ui.close();
    }
    if !view.prefs.recent.is_empty() {
        ui.menu_button("Open recent", |ui| {
            for paths in &view.prefs.recent {
                let label = paths
                    .iter()
                    .map(|p| p.display().to_string())
                    .collect::<Vec<_>>()
                    .join(", ");
                if ui.button(crate::article::shorten(&label, 70)).clicked() {
                    out.push(Command::Open(paths.clone()));
                    ui.close();
                }
            }
        });
    }
    if ui.button("Open the sample articles").clicked() {
        out.push(Command::Open(Vec::new()));
        ui.close();
    }
    let mut watch = view.prefs.watch;
    if ui
        .checkbox(&mut watch, "Watch for changes")
        .on_hover_text(
            "Files added to or changed in the opened folders appear within a second; \
             deleted ones disappear (not for the sample articles)",
        )
        .changed()
    {
        out.push(Command::SetWatch(watch));
    }
    ui.separator();
    if ui
        .button("Export events…")
        .on_hover_text("Save the events on the map (time window and search applied) as CSV, GeoJSON, JSON Lines or KML")
        .clicked()
    {
        out.push(Command::ExportEventsDialog);
        ui.close();
    }
    if ui
        .add(shortcut("Export image…").shortcut_text("Ctrl+E"))
        .on_hover_text("Save a slide-ready PNG of the map: title, dates, legend, sources")
        .clicked()
    {
        out.push(Command::ExportImageDialog);
        ui.close();
    }
    ui.separator();
    if ui.button("Quit").clicked() {
        out.push(Command::Quit);
    }
}
