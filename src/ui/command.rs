//! What the panels ask for. Panels never change app state while drawing: they push
//! commands, and the app applies them once the frame's UI is done (egui's demo app and
//! Rerun do the same).

use crate::selection::{ItemRef, SelectionCommand};
use crate::time_control::TimeCommand;
use std::path::PathBuf;

/// Which view issued a command, so a view can tell its own changes from others'.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub enum Origin {
    /// The article pane (it does not scroll itself when it moves the cursor).
    Pane,
    /// Any other view, a key, or playback.
    Other,
}

/// One request from a panel.
#[must_use = "a command does nothing until pushed"]
#[derive(Clone, Debug, PartialEq)]
pub enum Command {
    /// Change time.
    Time(TimeCommand, Origin),
    /// Change the selection.
    Select(SelectionCommand),
    /// Select an item and move the cursor to its day.
    OpenItem(ItemRef, Origin),
    /// Show the open-folder dialog.
    OpenFolderDialog,
    /// Show the open-files dialog.
    OpenFilesDialog,
    /// Load these paths (replacing the current corpus).
    Open(Vec<PathBuf>),
    /// Ask where to save the events shown (native save dialog).
    ExportEventsDialog,
    /// Save the events shown (window and search applied) to this file; the format
    /// follows the extension (.csv, .geojson, .jsonl, .kml).
    ExportEvents(PathBuf),
    /// Show the Export image window (Ctrl+E).
    ExportImageDialog,
    /// Ask where to save the briefing image (native save dialog).
    ExportImageSaveDialog,
    /// Render the briefing image of the current state, with the Export image window's
    /// choices, to this PNG file (off the UI thread).
    ExportImage(PathBuf),
    /// Stop the running load.
    CancelLoad,
    /// Quit the app.
    Quit,
    /// Show or hide the problems list.
    ShowProblems(bool),
    /// Show or hide the About window.
    ShowAbout(bool),
    /// Filter items and markers by this text.
    SetQuery(String),
    /// Put the keyboard focus in the search box.
    FocusSearch,
    /// Show or hide countries as markers.
    ShowCountries(bool),
    /// Watch the opened folders for changes, or stop.
    SetWatch(bool),
    /// Frame the events on the map.
    FitMap,
}
