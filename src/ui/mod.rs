//! The viewer: map, timeline and article pane over one time cursor and one selection.
//!
//! This is the only part of dateline that uses egui. Each frame the app builds a
//! read-only [`ViewCtx`] (corpus, index, time, selection, cached markers); each panel draws
//! from it and pushes [`Command`]s; the app applies them once the frame's UI is done.
//! Everything derived (markers, histogram, highlighted mentions) comes from the index,
//! recomputed only when the cursor, window, search or corpus changes.

mod app;
mod article_pane;
mod background;
pub mod briefing;
mod command;
mod export_dialog;
mod gpu_mesh;
mod loader;
pub mod map_paint;
mod map_view;
mod marker_atlas;
mod problems;
pub mod render;
pub mod theme;
mod time_panel;
mod top_bar;

pub use app::{DatelineApp, StartOptions, UiState};
pub use article_pane::PaneState;
pub use command::{Command, Origin};

use crate::basemap::Basemap;
use crate::corpus::Corpus;
use crate::gazetteer::Gazetteer;
use crate::index::{CorpusIndex, ItemFilter, Marker};
use crate::selection::Selection;
use crate::time_control::TimeControl;

/// What every panel reads: shared references only.
pub struct ViewCtx<'a> {
    /// The loaded articles and events.
    pub corpus: &'a Corpus,
    /// Counts the corpora loaded: what a view keeps about items is stale once it moves.
    pub corpus_generation: u64,
    /// Its derived index.
    pub index: &'a CorpusIndex,
    /// The time cursor.
    pub time: &'a TimeControl,
    /// The selection.
    pub selection: &'a Selection,
    /// Markers for the current window and search.
    pub markers: &'a [Marker],
    /// The base map, once loaded.
    pub basemap: Option<&'a Basemap>,
    /// The search filter, when searching.
    pub filter: Option<&'a ItemFilter>,
    /// The gazetteer.
    pub gazetteer: &'a Gazetteer,
    /// Preferences.
    pub prefs: &'a UiState,
    /// True when the cursor was moved by a view other than the article pane this frame.
    pub cursor_moved_elsewhere: bool,
}

/// Asks for device memory in small blocks (`MemoryHints::MemoryUsage`): dateline's GPU
/// work is light, and where the "GPU" is host memory (a software renderer such as
/// lavapipe) wgpu's default 64 MB blocks are resident memory.
pub(crate) fn prefer_low_memory(setup: &mut eframe::egui_wgpu::WgpuSetupCreateNew) {
    let base = std::sync::Arc::clone(&setup.device_descriptor);
    setup.device_descriptor = std::sync::Arc::new(move |adapter| eframe::wgpu::DeviceDescriptor {
        memory_hints: eframe::wgpu::MemoryHints::MemoryUsage,
        ..base(adapter)
    });
}

/// eframe's wgpu set-up for the viewer: its default (one frame in flight), with memory
/// in small blocks ([`prefer_low_memory`]).
fn wgpu_options() -> eframe::egui_wgpu::WgpuConfiguration {
    let mut setup = eframe::egui_wgpu::WgpuSetupCreateNew::without_display_handle();
    prefer_low_memory(&mut setup);
    eframe::egui_wgpu::WgpuConfiguration {
        wgpu_setup: eframe::egui_wgpu::WgpuSetup::CreateNew(setup),
        ..eframe::NativeOptions::default().wgpu_options
    }
}

/// Opens the viewer window; returns when it is closed.
pub fn run(options: StartOptions) -> eframe::Result {
    let native = eframe::NativeOptions {
        viewport: egui::ViewportBuilder::default()
            .with_title("dateline")
            .with_app_id("dateline")
            .with_inner_size([1400.0, 860.0])
            .with_min_inner_size([800.0, 500.0])
            .with_drag_and_drop(true),
        persist_window: true,
        // The base map's own pipeline is built for this sample count, without depth.
        multisampling: gpu_mesh::SAMPLES,
        depth_buffer: 0,
        wgpu_options: wgpu_options(),
        ..Default::default()
    };
    eframe::run_native(
        "dateline",
        native,
        Box::new(move |cc| Ok(Box::new(DatelineApp::new(cc, options)))),
    )
}
