//! File → Export image… (Ctrl+E): the choices for a briefing image, and the command line
//! that makes the same image without the window.

use super::briefing::{BriefingOptions, SIZES};
use super::command::Command;
use crate::time_control::WindowMode;
use egui::{RichText, Ui};
use std::path::PathBuf;

/// What the user picked, kept while the app runs.
#[derive(Clone, Debug, PartialEq)]
pub struct ExportImageState {
    /// The window is open.
    pub open: bool,
    /// Title typed by the user; empty = the default title.
    pub title: String,
    /// Index into [`SIZES`], or `None` for the custom size.
    pub preset: Option<usize>,
    /// The custom size in pixels.
    pub custom: [u32; 2],
    /// Show the area of the window's map (else frame the events).
    pub as_on_screen: bool,
    /// Draw the timeline strip.
    pub timeline: bool,
}

impl Default for ExportImageState {
    fn default() -> Self {
        Self {
            open: false,
            title: String::new(),
            preset: Some(1),
            custom: [2400, 1350],
            as_on_screen: true,
            timeline: true,
        }
    }
}

impl ExportImageState {
    /// The size chosen, in pixels.
    pub fn size(&self) -> [u32; 2] {
        self.preset
            .and_then(|i| SIZES.get(i).copied())
            .unwrap_or(self.custom)
    }

    /// The options for the image, given the geographic area the map shows now. Its
    /// edges are rounded to 4 decimals (about 10 m): the command line that makes the
    /// same image stays short, and the image is the one the command line makes.
    pub fn options(&self, on_screen: Option<[f64; 4]>) -> BriefingOptions {
        let round = |x: f64| (x * 1e4).round() / 1e4;
        BriefingOptions {
            title: self.title.trim().to_owned(),
            size: self.size(),
            bbox: on_screen
                .filter(|_| self.as_on_screen)
                .map(|b| b.map(round)),
            timeline: self.timeline,
        }
    }
}

/// What the command line needs besides the options.
pub struct CliState<'a> {
    /// Files and folders loaded (none = the bundled seeds).
    pub paths: &'a [PathBuf],
    /// The cursor's day.
    pub date: chrono::NaiveDate,
    /// The window.
    pub window: WindowMode,
    /// The selected place's name.
    pub place: Option<&'a str>,
    /// The search text.
    pub query: &'a str,
    /// Countries shown as markers.
    pub countries: bool,
}

/// Quotes a shell word when it needs it.
fn shell_word(s: &str) -> String {
    let plain = !s.is_empty()
        && s.chars()
            .all(|c| c.is_ascii_alphanumeric() || "-_./,:=+@%".contains(c));
    if plain {
        s.to_owned()
    } else {
        format!("'{}'", s.replace('\'', r"'\''"))
    }
}

/// The `dateline render` command that makes the same image.
pub fn command_line(state: &CliState<'_>, options: &BriefingOptions, out: &str) -> String {
    let mut words = vec!["dateline".to_owned(), "render".to_owned()];
    words.extend(
        state
            .paths
            .iter()
            .map(|p| shell_word(&p.display().to_string())),
    );
    words.push(format!("--date {}", state.date));
    let window = match state.window {
        WindowMode::Day => "day",
        WindowMode::Week => "7d",
        WindowMode::Cumulative => "all",
    };
    words.push(format!("--window {window}"));
    if let Some(place) = state.place {
        words.push(format!("--place {}", shell_word(place)));
    }
    if !state.query.trim().is_empty() {
        words.push(format!("--query {}", shell_word(state.query)));
    }
    if !options.title.is_empty() {
        words.push(format!("--title {}", shell_word(&options.title)));
    }
    words.push(format!("--size {}x{}", options.size[0], options.size[1]));
    if let Some([a, b, c, d]) = options.bbox {
        // `{}` prints the shortest text that reads back as the same number.
        words.push(format!("--bbox {a},{b},{c},{d}"));
    }
    if !options.timeline {
        words.push("--no-timeline".to_owned());
    }
    if state.countries {
        words.push("--countries".to_owned());
    }
    words.push(format!("--out {}", shell_word(out)));
    words.join(" ")
}

/// Draws the Export image window when open.
pub fn export_image_window(
    ctx: &egui::Context,
    state: &mut ExportImageState,
    default_title: &str,
    cli: &CliState<'_>,
    on_screen: Option<[f64; 4]>,
    out: &mut Vec<Command>,
) {
    let mut open = state.open;
    egui::Window::new("Export image")
        .open(&mut open)
        .collapsible(false)
        .resizable(false)
        .default_width(460.0)
        .show(ctx, |ui| {
            window_ui(ui, state, default_title, cli, on_screen, out);
        });
    state.open = open && state.open;
}

fn window_ui(
    ui: &mut Ui,
    state: &mut ExportImageState,
    default_title: &str,
    cli: &CliState<'_>,
    on_screen: Option<[f64; 4]>,
    out: &mut Vec<Command>,
) {
    ui.label("A slide-ready PNG of the map as it is now, with a caption, legend and sources.");
    ui.add_space(6.0);
    egui::Grid::new("export_image")
        .num_columns(2)
        .spacing([12.0, 8.0])
        .show(ui, |ui| {
            ui.label("Title");
            ui.add(
                egui::TextEdit::singleline(&mut state.title)
                    .hint_text(default_title)
                    .desired_width(300.0),
            )
            .accessible_name("Title");
            ui.end_row();

            ui.label("Size");
            ui.horizontal_wrapped(|ui| {
                for (i, [w, h]) in SIZES.iter().enumerate() {
                    ui.radio_value(&mut state.preset, Some(i), format!("{w}×{h}"));
                }
                ui.radio_value(&mut state.preset, None, "Custom");
                if state.preset.is_none() {
                    ui.add(egui::DragValue::new(&mut state.custom[0]).range(16..=8192))
                        .accessible_name("Width");
                    ui.label("×");
                    ui.add(egui::DragValue::new(&mut state.custom[1]).range(16..=8192))
                        .accessible_name("Height");
                }
            });
            ui.end_row();

            ui.label("Map area");
            ui.horizontal(|ui| {
                ui.radio_value(&mut state.as_on_screen, true, "As on screen");
                ui.radio_value(&mut state.as_on_screen, false, "Frame the events");
            });
            ui.end_row();

            ui.label("");
            ui.checkbox(&mut state.timeline, "Timeline strip under the map");
            ui.end_row();
        });
    ui.add_space(6.0);
    let options = state.options(on_screen);
    ui.label(RichText::new("The same image from the command line:").weak());
    let mut line = command_line(cli, &options, "briefing.png");
    ui.add(
        egui::TextEdit::multiline(&mut line)
            .code_editor()
            .desired_rows(2)
            .desired_width(f32::INFINITY)
            .interactive(true),
    )
    .accessible_name("Command line");
    ui.add_space(6.0);
    ui.horizontal(|ui| {
        if ui.button("Save PNG…").clicked() {
            out.push(Command::ExportImageSaveDialog);
        }
        if ui.button("Cancel").clicked() {
            state.open = false;
        }
    });
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn the_command_line_quotes_what_the_shell_would_split() {
        let paths = [PathBuf::from("news/June 2023")];
        let state = CliState {
            paths: &paths,
            date: chrono::NaiveDate::from_ymd_opt(2023, 6, 4).unwrap_or_default(),
            window: WindowMode::Week,
            place: Some("Kyiv"),
            query: "drone's",
            countries: false,
        };
        let options = BriefingOptions {
            title: "Strikes".into(),
            size: [1280, 720],
            bbox: Some([22.5, 44.0, 41.125, 53.0]),
            timeline: false,
        };
        assert_eq!(
            command_line(&state, &options, "b.png"),
            "dateline render 'news/June 2023' --date 2023-06-04 --window 7d --place Kyiv \
             --query 'drone'\\''s' --title Strikes --size 1280x720 \
             --bbox 22.5,44,41.125,53 --no-timeline --out b.png"
        );
    }

    /// The area on screen goes to the image and its command line rounded to 4 decimals
    /// ("-161.2668", not "-161.26682739257814").
    #[test]
    fn the_area_on_screen_is_rounded() {
        let on_screen = [
            -161.266_827_392_578_14,
            -67.254_312_568_845_82,
            193.612_262,
            78.857,
        ];
        let options = ExportImageState::default().options(Some(on_screen));
        assert_eq!(options.bbox, Some([-161.2668, -67.2543, 193.6123, 78.857]));
        let line = command_line(
            &CliState {
                paths: &[],
                date: chrono::NaiveDate::from_ymd_opt(2023, 6, 4).unwrap_or_default(),
                window: WindowMode::Week,
                place: None,
                query: "",
                countries: false,
            },
            &options,
            "b.png",
        );
        assert!(
            line.contains("--bbox -161.2668,-67.2543,193.6123,78.857 "),
            "{line}"
        );
    }
}
