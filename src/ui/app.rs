//! The app: owns the state, runs the frame, applies the commands.

use super::article_pane::{self, PaneState};
use super::briefing::{self, BriefingView};
use super::command::{Command, Origin};
use super::export_dialog::{self, CliState, ExportImageState};
use super::loader::{Loaded, Loader, Poll, load_basemap};
use super::map_paint::{self, MapMarker};
use super::map_view::{self, MapState};
use super::time_panel::{self, TimePanelState};
use super::top_bar::{self, TopBarState};
use super::{ViewCtx, problems, theme};
use crate::basemap::Basemap;
use crate::corpus::Corpus;
use crate::gazetteer::Gazetteer;
use crate::index::{ItemFilter, Marker};
use crate::selection::{Selection, SelectionCommand};
use crate::time_control::{TimeCommand, TimeControl, WindowMode};
use chrono::NaiveDate;
use egui::{Key, KeyboardShortcut, Modifiers};
use std::io::Write as _;
use std::path::PathBuf;
use std::sync::Arc;
use std::sync::mpsc::Receiver;

/// Preferences kept across restarts (`#[serde(default)]`, so old saves still load).
/// Panel sizes are egui's own memory; these are the choices a user makes.
#[derive(Clone, Debug, PartialEq, serde::Serialize, serde::Deserialize)]
#[serde(default)]
pub struct UiState {
    /// Time window around the cursor.
    pub window: WindowMode,
    /// Playback speed.
    pub days_per_sec: f64,
    /// Loop playback.
    pub looping: bool,
    /// Show countries as markers.
    pub show_countries: bool,
    /// The last opened paths, newest first.
    pub recent: Vec<Vec<PathBuf>>,
    /// Watch opened folders and files for changes.
    pub watch: bool,
}

impl Default for UiState {
    fn default() -> Self {
        Self {
            window: WindowMode::Cumulative,
            days_per_sec: 1.0,
            looping: false,
            show_countries: false,
            recent: Vec::new(),
            watch: false,
        }
    }
}

/// How the app starts.
#[derive(Clone, Debug, Default)]
pub struct StartOptions {
    /// Files and folders to open; none = the bundled seeds.
    pub paths: Vec<PathBuf>,
    /// Put the cursor on this day once loaded.
    pub cursor: Option<NaiveDate>,
    /// Load the base map before the first frame (tests and images want it at once;
    /// the window prefers to show up first).
    pub basemap_now: bool,
    /// Ignore saved preferences (tests start from the defaults).
    pub fresh: bool,
    /// Watch the opened paths for changes (`--watch`; else the saved preference).
    pub watch: bool,
}

/// What the markers depend on: corpus generation, window, search generation, countries.
type MarkerKey = (u64, (Option<NaiveDate>, NaiveDate), u64, bool);

/// Marker aggregation and paint-ready markers, recomputed only when their inputs change.
#[derive(Default)]
struct MarkerCache {
    key: Option<MarkerKey>,
    markers: Vec<Marker>,
    painted: Vec<MapMarker>,
}

/// The viewer.
pub struct DatelineApp {
    prefs: UiState,
    data: Arc<Loaded>,
    generation: u64,
    basemap: Option<Arc<Basemap>>,
    basemap_rx: Option<Receiver<Basemap>>,
    time: TimeControl,
    selection: Selection,
    query: String,
    filter: Option<ItemFilter>,
    filter_generation: u64,
    cache: MarkerCache,
    loader: Option<Loader>,
    dialog_rx: Option<Receiver<Vec<PathBuf>>>,
    export_dialog_rx: Option<Receiver<Option<PathBuf>>>,
    export_rx: Option<Receiver<String>>,
    export_image: ExportImageState,
    image_dialog_rx: Option<Receiver<Option<PathBuf>>>,
    image_rx: Option<Receiver<String>>,
    paths: Vec<PathBuf>,
    watcher: Option<crate::watch::Watcher>,
    update_rx: Option<Receiver<(Loaded, crate::watch::Changes)>>,
    queued_changes: Option<crate::watch::Changes>,
    start_cursor: Option<NaiveDate>,
    show_problems: bool,
    show_about: bool,
    map: MapState,
    pane: PaneState,
    timeline: TimePanelState,
    top: TopBarState,
    status: Option<String>,
    first_frame_done: bool,
    /// Set when `DATELINE_TRACE_FRAMES` is: each frame's interval gets printed.
    frame_trace: Option<FrameTrace>,
}

impl DatelineApp {
    /// Creates the app (eframe calls this with its creation context).
    pub fn new(cc: &eframe::CreationContext<'_>, options: StartOptions) -> Self {
        let mut prefs: UiState = match cc.storage {
            Some(storage) if !options.fresh => {
                eframe::get_value(storage, eframe::APP_KEY).unwrap_or_default()
            }
            _ => UiState::default(),
        };
        prefs.watch |= options.watch;
        theme::install_fonts(&cc.egui_ctx);
        // Panels draw no fill: the window is cleared to their colour (`clear_color`).
        // Clearing costs nothing, while a software renderer (Mesa's lavapipe) shades a
        // fill's every pixel: 14 ms of the seeds' 46 ms frame here.
        cc.egui_ctx
            .all_styles_mut(|style| style.visuals.panel_fill = egui::Color32::TRANSPARENT);
        let ctx = cc.egui_ctx.clone();
        let (basemap, basemap_rx) = if options.basemap_now {
            (Basemap::load().ok().map(Arc::new), None)
        } else {
            (None, load_basemap(move || ctx.request_repaint()).ok())
        };
        let mut app = Self {
            time: TimeControl::new(NaiveDate::default(), NaiveDate::default()),
            prefs,
            data: Arc::new(Loaded::default()),
            generation: 0,
            basemap,
            basemap_rx,
            selection: Selection::default(),
            query: String::new(),
            filter: None,
            filter_generation: 0,
            cache: MarkerCache::default(),
            loader: None,
            dialog_rx: None,
            export_dialog_rx: None,
            export_rx: None,
            export_image: ExportImageState::default(),
            image_dialog_rx: None,
            image_rx: None,
            paths: Vec::new(),
            watcher: None,
            update_rx: None,
            queued_changes: None,
            start_cursor: options.cursor,
            show_problems: false,
            show_about: false,
            map: MapState::default(),
            pane: PaneState::default(),
            timeline: TimePanelState::default(),
            top: TopBarState::default(),
            status: None,
            first_frame_done: false,
            frame_trace: std::env::var_os("DATELINE_TRACE_FRAMES").map(|_| FrameTrace::default()),
        };
        if let Some(render_state) = &cc.wgpu_render_state {
            super::gpu_mesh::install(render_state);
            app.map.draw_on_gpu();
        }
        if options.paths.is_empty() {
            app.install(Loaded::new(Corpus::from_seeds()));
        } else {
            app.open(options.paths, &cc.egui_ctx);
        }
        app
    }

    /// The time control (for tests and the headless renderer).
    pub fn time(&self) -> &TimeControl {
        &self.time
    }

    /// The selection.
    pub fn selection(&self) -> &Selection {
        &self.selection
    }

    /// The loaded corpus.
    pub fn corpus(&self) -> &Corpus {
        &self.data.corpus
    }

    /// The loaded corpus's index.
    pub fn index(&self) -> &crate::index::CorpusIndex {
        &self.data.index
    }

    /// The search text.
    pub fn query(&self) -> &str {
        &self.query
    }

    /// The markers on the map now, with their places' names.
    pub fn marker_names(&self) -> Vec<&'static str> {
        self.cache
            .markers
            .iter()
            .filter_map(|m| self.data.index.places.get(m.place).map(|p| p.place.name))
            .collect()
    }

    /// Map labels placed last frame, with their screen rectangles.
    pub fn map_labels(&self) -> &[(String, egui::Rect)] {
        self.map.labels()
    }

    /// Names of the places ringed on the map as the selected item's.
    pub fn highlighted_names(&self) -> Vec<&'static str> {
        self.map
            .highlighted()
            .iter()
            .filter_map(|&p| self.data.index.places.get(p).map(|e| e.place.name))
            .collect()
    }

    /// The article pane's state (its item list's rows).
    pub fn pane(&self) -> &PaneState {
        &self.pane
    }

    /// True while files are loading.
    pub fn loading(&self) -> bool {
        self.loader.is_some()
    }

    /// Applies commands as a panel would (tests and the renderer drive the app so).
    pub fn apply_all(&mut self, ctx: &egui::Context, commands: Vec<Command>) {
        for command in commands {
            self.apply(ctx, command);
        }
    }

    /// Swaps in a loaded corpus.
    fn install(&mut self, loaded: Loaded) {
        let (first, last) = loaded.index.bounds;
        let mut time = TimeControl::new(first, last);
        let event_days = loaded.index.event_days.clone();
        for command in [
            TimeCommand::SetWindow(self.prefs.window),
            TimeCommand::SetSpeed(self.prefs.days_per_sec),
            TimeCommand::SetLoop(self.prefs.looping),
        ] {
            let _ = time.apply(command, &event_days);
        }
        if let Some(day) = self.start_cursor.take() {
            let _ = time.apply(TimeCommand::SetCursor(day), &event_days);
        }
        self.time = time;
        self.data = Arc::new(loaded);
        self.generation += 1;
        self.selection = Selection::default();
        self.refilter();
        self.map.request_fit();
        self.pane.scroll_to_cursor = true;
    }

    /// Recomputes the search filter for the current query and corpus.
    fn refilter(&mut self) {
        self.filter = (!self.query.trim().is_empty()).then(|| {
            self.data
                .index
                .filter(&self.data.corpus, Gazetteer::embedded(), &self.query)
        });
        self.filter_generation += 1;
    }

    fn open(&mut self, paths: Vec<PathBuf>, ctx: &egui::Context) {
        if let Some(old) = &self.loader {
            old.progress.cancel();
        }
        let repaint_ctx = ctx.clone();
        self.paths.clone_from(&paths);
        match Loader::start(paths.clone(), move || repaint_ctx.request_repaint()) {
            Ok(loader) => self.loader = Some(loader),
            Err(e) => self.status = Some(format!("Cannot start loading: {e}")),
        }
        self.prefs.recent.retain(|p| *p != paths);
        self.prefs.recent.insert(0, paths);
        self.prefs.recent.truncate(8);
    }

    fn poll_background(&mut self, ctx: &egui::Context) {
        if let Some(rx) = &self.basemap_rx
            && let Ok(map) = rx.try_recv()
        {
            self.basemap = Some(Arc::new(map));
            self.basemap_rx = None;
        }
        if let Some(loader) = &self.loader {
            match loader.poll() {
                Poll::Pending => ctx.request_repaint_after(LOADING_FRAME_INTERVAL),
                Poll::Done(loaded) => {
                    self.loader = None;
                    let problems = loaded.corpus.problems.len();
                    self.status =
                        (problems > 0).then(|| format!("{problems} problem(s) while loading"));
                    self.install(*loaded);
                    self.restart_watch(ctx);
                }
                Poll::Stopped => {
                    self.loader = None;
                    self.status = Some("Loading cancelled".into());
                }
            }
        }
        if let Some(Some(path)) = take_reply(&mut self.export_dialog_rx) {
            self.export_events(path, ctx);
        }
        if let Some(message) = take_reply(&mut self.export_rx) {
            self.status = Some(message);
        }
        if let Some(Some(path)) = take_reply(&mut self.image_dialog_rx) {
            self.export_image(path, ctx);
        }
        if let Some(message) = take_reply(&mut self.image_rx) {
            self.status = Some(message);
        }
        self.poll_watch(ctx);
        if self.export_rx.is_some()
            || self.export_dialog_rx.is_some()
            || self.dialog_rx.is_some()
            || self.image_dialog_rx.is_some()
            || self.image_rx.is_some()
        {
            ctx.request_repaint_after(std::time::Duration::from_millis(100));
        }
        if let Some(rx) = &self.dialog_rx
            && let Ok(paths) = rx.try_recv()
        {
            self.dialog_rx = None;
            if !paths.is_empty() {
                self.open(paths, ctx);
            }
        }
    }

    /// Recomputes markers when the window, search, corpus or country setting changed.
    fn refresh_markers(&mut self) {
        let window = self.time.window_range();
        let key = (
            self.generation,
            window,
            self.filter_generation,
            self.prefs.show_countries,
        );
        if self.cache.key == Some(key) {
            return;
        }
        let data = &self.data;
        data.index.markers(
            window,
            self.filter.as_ref(),
            self.prefs.show_countries,
            &mut self.cache.markers,
        );
        let (first, last) = (
            window.0.unwrap_or(self.time.bounds().0).min(window.1),
            window.1,
        );
        self.cache.painted =
            map_paint::map_markers(&data.index, &self.cache.markers, (first, last));
        self.cache.key = Some(key);
    }

    fn global_keys(ctx: &egui::Context, out: &mut Vec<Command>) {
        const OPEN: KeyboardShortcut = KeyboardShortcut::new(Modifiers::COMMAND, Key::O);
        const FIND: KeyboardShortcut = KeyboardShortcut::new(Modifiers::COMMAND, Key::F);
        const IMAGE: KeyboardShortcut = KeyboardShortcut::new(Modifiers::COMMAND, Key::E);
        if ctx.input_mut(|i| i.consume_shortcut(&IMAGE)) {
            out.push(Command::ExportImageDialog);
        }
        if ctx.input_mut(|i| i.consume_shortcut(&OPEN)) {
            out.push(Command::OpenFolderDialog);
        }
        if ctx.input_mut(|i| i.consume_shortcut(&FIND)) {
            out.push(Command::FocusSearch);
        }
        if ctx.egui_wants_keyboard_input() {
            return; // Typing in a text field: arrows and space belong to it.
        }
        let time = |c| Command::Time(c, Origin::Other);
        // Shift variants first: consume_key ignores an extra Shift.
        let keys = [
            (
                Modifiers::SHIFT,
                Key::ArrowLeft,
                time(TimeCommand::PreviousEventDay),
            ),
            (
                Modifiers::SHIFT,
                Key::ArrowRight,
                time(TimeCommand::NextEventDay),
            ),
            (Modifiers::NONE, Key::ArrowLeft, time(TimeCommand::Step(-1))),
            (Modifiers::NONE, Key::ArrowRight, time(TimeCommand::Step(1))),
            (Modifiers::NONE, Key::Space, time(TimeCommand::TogglePlay)),
            (Modifiers::NONE, Key::Home, time(TimeCommand::Home)),
            (Modifiers::NONE, Key::End, time(TimeCommand::End)),
            (
                Modifiers::NONE,
                Key::Escape,
                Command::Select(SelectionCommand::Clear),
            ),
        ];
        for (modifiers, key, command) in keys {
            if ctx.input_mut(|i| i.consume_key(modifiers, key)) {
                out.push(command);
            }
        }
    }

    fn dropped_files(ctx: &egui::Context, out: &mut Vec<Command>) {
        let dropped: Vec<PathBuf> = ctx.input(|i| {
            i.raw
                .dropped_files
                .iter()
                .map(|f| f.path().to_path_buf())
                .collect()
        });
        let dropped: Vec<PathBuf> = dropped
            .into_iter()
            .filter(|p| !p.as_os_str().is_empty())
            .collect();
        if !dropped.is_empty() {
            out.push(Command::Open(dropped));
        }
    }

    fn apply(&mut self, ctx: &egui::Context, command: Command) {
        match command {
            Command::Time(command, origin) => self.apply_time(command, origin),
            Command::Select(command) => {
                let _ = self.selection.apply(command);
            }
            Command::OpenItem(item, origin) => {
                let _ = self.selection.apply(SelectionCommand::SelectItem(item));
                self.pane.reveal_selected = true;
                let day = self
                    .data
                    .corpus
                    .articles
                    .get(item.article as usize)
                    .and_then(|a| a.items.get(item.item as usize))
                    .map(|i| i.published.date_naive());
                if let Some(day) = day {
                    self.apply_time(TimeCommand::SetCursor(day), origin);
                }
            }
            Command::OpenFolderDialog | Command::OpenFilesDialog => {
                self.dialog(matches!(command, Command::OpenFolderDialog));
            }
            Command::Open(paths) => self.open(paths, ctx),
            Command::ExportEventsDialog => self.export_dialog(),
            Command::ExportEvents(path) => self.export_events(path, ctx),
            Command::ExportImageDialog => self.export_image.open = true,
            Command::ExportImageSaveDialog => self.image_save_dialog(),
            Command::ExportImage(path) => self.export_image(path, ctx),
            Command::CancelLoad => {
                if let Some(loader) = &self.loader {
                    loader.progress.cancel();
                }
            }
            Command::Quit => ctx.send_viewport_cmd(egui::ViewportCommand::Close),
            Command::ShowProblems(show) => self.show_problems = show,
            Command::ShowAbout(show) => self.show_about = show,
            Command::SetQuery(query) => {
                self.query = query;
                self.refilter();
            }
            Command::FocusSearch => self.top.focus_search = true,
            Command::ShowCountries(show) => self.prefs.show_countries = show,
            Command::SetWatch(watch) => {
                self.prefs.watch = watch;
                self.restart_watch(ctx);
            }
            Command::FitMap => self.map.request_fit(),
        }
    }

    /// True while the opened paths are watched for changes.
    pub fn watching(&self) -> bool {
        self.watcher.is_some()
    }

    /// Starts or stops watching the opened paths, as the preference says (the bundled
    /// seeds are never watched).
    fn restart_watch(&mut self, ctx: &egui::Context) {
        self.watcher = None;
        if !self.prefs.watch || self.paths.is_empty() || self.loader.is_some() {
            return;
        }
        let repaint = ctx.clone();
        match crate::watch::Watcher::start(&self.paths, move || repaint.request_repaint()) {
            Ok(watcher) => self.watcher = Some(watcher),
            Err(e) => self.status = Some(format!("Cannot watch for changes: {e}")),
        }
    }

    /// Applies changes on disk: only the changed files are read again, on a background
    /// thread; the time cursor, the selected place and the map view stay.
    fn poll_watch(&mut self, ctx: &egui::Context) {
        if let Some((loaded, changes)) = take_reply(&mut self.update_rx) {
            self.update(loaded, &changes);
        }
        if let Some(changes) = self.watcher.as_ref().and_then(crate::watch::Watcher::poll) {
            match &mut self.queued_changes {
                Some(queued) => queued.merge(changes),
                None => self.queued_changes = Some(changes),
            }
        }
        if self.update_rx.is_some() || self.loader.is_some() {
            if self.queued_changes.is_some() {
                ctx.request_repaint_after(std::time::Duration::from_millis(100));
            }
            return;
        }
        let Some(changes) = self.queued_changes.take() else {
            return;
        };
        let data = Arc::clone(&self.data);
        let (tx, rx) = std::sync::mpsc::channel();
        let repaint = ctx.clone();
        let spawned = super::background::spawn("update", move || {
            let corpus = data
                .corpus
                .apply_changes(&changes.changed, &changes.removed);
            tx.send((Loaded::new(corpus), changes)).ok();
            repaint.request_repaint();
        });
        match spawned {
            Ok(()) => self.update_rx = Some(rx),
            Err(e) => self.status = Some(format!("Cannot apply changes: {e}")),
        }
    }

    /// Swaps in an updated corpus, keeping the cursor, the window, the selected place and
    /// item (found again by file) and the map view.
    fn update(&mut self, loaded: Loaded, changes: &crate::watch::Changes) {
        let item = self.selection.item().and_then(|item| {
            let path = self
                .data
                .corpus
                .articles
                .get(item.article as usize)?
                .path
                .clone();
            let article = loaded.corpus.articles.iter().position(|a| a.path == path)?;
            let article = u32::try_from(article).ok()?;
            let exists = loaded
                .corpus
                .articles
                .get(article as usize)
                .is_some_and(|a| (item.item as usize) < a.items.len());
            exists.then_some(crate::selection::ItemRef {
                article,
                item: item.item,
            })
        });
        let place = self
            .selection
            .place()
            .filter(|id| loaded.index.place_index(*id).is_some());
        let (first, last) = loaded.index.bounds;
        let _ = self.time.apply(
            TimeCommand::SetBounds { first, last },
            &loaded.index.event_days,
        );
        self.data = Arc::new(loaded);
        self.generation += 1;
        self.selection = Selection::default();
        if let Some(item) = item {
            let _ = self.selection.apply(SelectionCommand::SelectItem(item));
        }
        if let Some(place) = place {
            let _ = self.selection.apply(SelectionCommand::SelectPlace(place));
        }
        self.refilter();
        self.status = Some(format!(
            "Updated from disk: {} file(s) read, {} removed",
            changes.changed.len(),
            changes.removed.len()
        ));
    }

    fn apply_time(&mut self, command: TimeCommand, origin: Origin) {
        let change = self.time.apply(command, &self.data.index.event_days);
        if change.cursor_moved && origin != Origin::Pane {
            self.pane.scroll_to_cursor = true;
        }
        self.prefs.window = self.time.window();
        self.prefs.days_per_sec = self.time.days_per_sec();
        self.prefs.looping = self.time.looping();
    }

    /// The events the map shows now (time window, search, country setting).
    pub fn events_shown(&self) -> Vec<usize> {
        self.data.index.events_shown(
            &self.data.corpus,
            self.time.window_range(),
            self.filter.as_ref(),
            self.prefs.show_countries,
        )
    }

    /// The status line (export and load messages).
    pub fn status(&self) -> Option<&str> {
        self.status.as_deref()
    }

    fn export_dialog(&mut self) {
        const FILTERS: &[(&str, &[&str])] = &[
            ("CSV", &["csv"]),
            ("GeoJSON", &["geojson"]),
            ("JSON Lines", &["jsonl"]),
            ("KML (Google Earth)", &["kml"]),
        ];
        match save_dialog("Export events", "events.csv".into(), FILTERS) {
            Ok(rx) => self.export_dialog_rx = Some(rx),
            Err(e) => self.status = Some(format!("Cannot open a file dialog: {e}")),
        }
    }

    /// Writes the events shown to `path` on a background thread; the result comes back
    /// as a status message.
    fn export_events(&mut self, path: PathBuf, ctx: &egui::Context) {
        let shown = self.events_shown();
        let data = Arc::clone(&self.data);
        let (tx, rx) = std::sync::mpsc::channel();
        let repaint = ctx.clone();
        let spawned = super::background::spawn("export-events", move || {
            let events: Vec<_> = shown
                .iter()
                .filter_map(|&e| data.corpus.events.get(e).copied())
                .collect();
            let format = crate::export::Format::from_path(&path);
            let written = std::fs::File::create(&path)
                .and_then(|file| crate::export::write(format, &data.corpus, &events, file));
            let message = match written {
                Ok(()) => format!("Exported {} events to {}", events.len(), path.display()),
                Err(e) => format!("Cannot export to {}: {e}", path.display()),
            };
            tx.send(message).ok();
            repaint.request_repaint();
        });
        match spawned {
            Ok(()) => self.export_rx = Some(rx),
            Err(e) => self.status = Some(format!("Cannot start the export: {e}")),
        }
    }

    /// The Export image window, when open.
    fn export_image_ui(&mut self, ctx: &egui::Context, out: &mut Vec<Command>) {
        if !self.export_image.open {
            return;
        }
        let briefing_view = BriefingView {
            corpus: &self.data.corpus,
            index: &self.data.index,
            basemap: self.basemap.as_deref(),
            time: &self.time,
            place: self.selection.place(),
            filter: self.filter.as_ref().map(|f| (f, self.query.as_str())),
            show_countries: self.prefs.show_countries,
        };
        let default_title = briefing::default_title(&briefing_view);
        let mut state = std::mem::take(&mut self.export_image);
        export_dialog::export_image_window(
            ctx,
            &mut state,
            &default_title,
            &self.cli_state(),
            self.map.view_bbox(),
            out,
        );
        self.export_image = state;
    }

    fn image_save_dialog(&mut self) {
        let name = format!("briefing-{}.png", self.time.cursor());
        match save_dialog("Export image", name, &[("PNG image", &["png"])]) {
            Ok(rx) => self.image_dialog_rx = Some(rx),
            Err(e) => self.status = Some(format!("Cannot open a file dialog: {e}")),
        }
    }

    /// The choices of the Export image window (for tests).
    pub fn export_image_state(&self) -> &ExportImageState {
        &self.export_image
    }

    /// The `dateline render` command line that makes the image the Export image window
    /// would save to `out`.
    pub fn render_command_line(&self, out: &str) -> String {
        let options = self.export_image.options(self.map.view_bbox());
        export_dialog::command_line(&self.cli_state(), &options, out)
    }

    fn cli_state(&self) -> CliState<'_> {
        CliState {
            paths: &self.paths,
            date: self.time.cursor(),
            window: self.time.window(),
            place: self.selected_place_name(),
            query: &self.query,
            countries: self.prefs.show_countries,
        }
    }

    fn selected_place_name(&self) -> Option<&'static str> {
        let place = self.selection.place()?;
        self.data.index.entry(place).map(|p| p.place.name)
    }

    /// Renders the briefing image of the current state to `path` on a background
    /// thread; the result comes back as a status message.
    fn export_image(&mut self, path: PathBuf, ctx: &egui::Context) {
        let options = self.export_image.options(self.map.view_bbox());
        let data = Arc::clone(&self.data);
        let basemap = self.basemap.clone();
        let time = self.time.clone();
        let place = self.selection.place();
        let filter = self.filter.clone().map(|f| (f, self.query.clone()));
        let show_countries = self.prefs.show_countries;
        let (tx, rx) = std::sync::mpsc::channel();
        let repaint = ctx.clone();
        self.status = Some(format!("Rendering {}…", path.display()));
        let spawned = super::background::spawn("export-image", move || {
            let view = BriefingView {
                corpus: &data.corpus,
                index: &data.index,
                basemap: basemap.as_deref(),
                time: &time,
                place,
                filter: filter.as_ref().map(|(f, q)| (f, q.as_str())),
                show_countries,
            };
            let saved = super::render::Offscreen::new()
                .and_then(|mut r| briefing::render_briefing(&mut r, &view, &options))
                .map_err(|e| e.to_string())
                .and_then(|image| briefing::save_png(&image, &path).map_err(|e| e.to_string()));
            let message = match saved {
                Ok(()) => format!("Saved briefing image to {}", path.display()),
                Err(e) => format!("Cannot export the image: {e}"),
            };
            tx.send(message).ok();
            repaint.request_repaint();
        });
        match spawned {
            Ok(()) => self.image_rx = Some(rx),
            Err(e) => self.status = Some(format!("Cannot start the export: {e}")),
        }
    }

    fn dialog(&mut self, folder: bool) {
        let (tx, rx) = std::sync::mpsc::channel();
        let spawned = std::thread::Builder::new()
            .name("file-dialog".into())
            .spawn(move || {
                let dialog = rfd::FileDialog::new().set_title(if folder {
                    "Open folder"
                } else {
                    "Open files"
                });
                let picked = if folder {
                    dialog.pick_folder().map(|p| vec![p])
                } else {
                    dialog.pick_files()
                };
                tx.send(picked.unwrap_or_default()).ok();
            });
        match spawned {
            Ok(_) => self.dialog_rx = Some(rx),
            Err(e) => self.status = Some(format!("Cannot open a file dialog: {e}")),
        }
    }
}

/// The reply of a background job, once it has come; the slot is emptied then.
fn take_reply<T>(slot: &mut Option<Receiver<T>>) -> Option<T> {
    let reply = slot.as_ref()?.try_recv().ok()?;
    *slot = None;
    Some(reply)
}

/// Shows a native save dialog on its own thread; the picked path (or `None` when
/// cancelled) comes back through the receiver.
fn save_dialog(
    title: &'static str,
    file_name: String,
    filters: &'static [(&'static str, &'static [&'static str])],
) -> std::io::Result<Receiver<Option<PathBuf>>> {
    let (tx, rx) = std::sync::mpsc::channel();
    std::thread::Builder::new()
        .name("save-dialog".into())
        .spawn(move || {
            let mut dialog = rfd::FileDialog::new()
                .set_title(title)
                .set_file_name(file_name);
            for (name, extensions) in filters {
                dialog = dialog.add_filter(*name, extensions);
            }
            tx.send(dialog.save_file()).ok();
        })?;
    Ok(rx)
}

/// How often the window redraws while a folder loads, for its progress, when nothing else
/// asks for frames: 30 a second, the target. Each frame costs the loader a
/// little CPU where the renderer runs on it (Mesa's lavapipe: 10,000 articles took
/// 1.7–2.2 s to load at 20 frames a second, 1.6–3.5 s at 30, ~5 s redrawing
/// continuously), and a progress bar gains nothing from more.
const LOADING_FRAME_INTERVAL: std::time::Duration = std::time::Duration::from_millis(30);

/// With `DATELINE_TRACE_FRAMES` set, each frame's interval since the one before (what
/// the window really draws at, rendering and presentation included) and the UI pass's
/// own CPU time go to stderr, marked while a folder loads.
#[derive(Default)]
struct FrameTrace {
    /// When the last frame began.
    last: Option<std::time::Instant>,
}

impl FrameTrace {
    fn frame(&mut self, began: std::time::Instant, loading: bool) {
        let Some(previous) = self.last.replace(began) else {
            return;
        };
        let interval = began.duration_since(previous).as_secs_f64() * 1e3;
        let ui = began.elapsed().as_secs_f64() * 1e3;
        let loading = if loading { ", loading" } else { "" };
        let _ = writeln!(
            std::io::stderr(),
            "dateline: frame {interval:.1} ms after the last (UI pass {ui:.2} ms{loading})"
        );
    }
}

/// With `DATELINE_TRACE_STARTUP` set, prints the time from process start to the end of
/// the first frame's UI pass (what the start-up target is measured on).
fn trace_startup() {
    if std::env::var_os("DATELINE_TRACE_STARTUP").is_some()
        && let Some(start) = crate::cli::PROCESS_START.get()
    {
        let ms = start.elapsed().as_secs_f64() * 1e3;
        let _ = writeln!(std::io::stderr(), "dateline: first frame after {ms:.1} ms");
    }
}

impl eframe::App for DatelineApp {
    /// The panels' colour in the theme shown (they draw no fill of their own).
    fn clear_color(&self, visuals: &egui::Visuals) -> [f32; 4] {
        let theme = if visuals.dark_mode {
            egui::Visuals::dark()
        } else {
            egui::Visuals::light()
        };
        theme.panel_fill.to_normalized_gamma_f32()
    }

    fn logic(&mut self, ctx: &egui::Context, _frame: &mut eframe::Frame) {
        self.poll_background(ctx);
        // A long pause (a dragged window, a hidden app) must not jump days ahead.
        let dt = f64::from(ctx.input(|i| i.stable_dt).min(0.25));
        if self.time.update(dt).cursor_moved {
            self.pane.scroll_to_cursor = true;
        }
        if self.time.playing() {
            ctx.request_repaint();
        }
    }

    fn ui(&mut self, ui: &mut egui::Ui, _frame: &mut eframe::Frame) {
        let began = self.frame_trace.is_some().then(std::time::Instant::now);
        let ctx = ui.ctx().clone();
        let mut out = Vec::new();
        Self::dropped_files(&ctx, &mut out);
        Self::global_keys(&ctx, &mut out);
        self.refresh_markers();
        let Self {
            prefs,
            data,
            generation,
            basemap,
            time,
            selection,
            query,
            filter,
            cache,
            loader,
            map,
            pane,
            timeline,
            top,
            status,
            ..
        } = self;
        let view = ViewCtx {
            corpus: &data.corpus,
            corpus_generation: *generation,
            index: &data.index,
            time,
            selection,
            markers: &cache.markers,
            basemap: basemap.as_deref(),
            filter: filter.as_ref(),
            gazetteer: Gazetteer::embedded(),
            prefs,
            cursor_moved_elsewhere: pane.scroll_to_cursor,
        };
        let loading = loader
            .as_ref()
            .map(|l| (l.progress.counts(), l.paths.clone()));
        egui::Panel::top("top_bar").show(ui, |ui| {
            top_bar::top_bar_ui(
                &view,
                top,
                query,
                loading.as_ref(),
                status.as_deref(),
                ui,
                &mut out,
            );
        });
        egui::Panel::bottom("time_panel")
            .resizable(true)
            .default_size(190.0)
            .min_size(150.0)
            .show(ui, |ui| {
                time_panel::time_panel_ui(&view, timeline, ui, &mut out);
            });
        egui::Panel::right("article_pane")
            .resizable(true)
            .default_size(420.0)
            .min_size(260.0)
            .show(ui, |ui| {
                article_pane::article_pane_ui(&view, pane, ui, &mut out);
            });
        egui::CentralPanel::default()
            .frame(egui::Frame::NONE)
            .show(ui, |ui| {
                map_view::map_ui(&view, &cache.painted, map, ui, &mut out);
            });
        let mut show_problems = self.show_problems;
        problems::problems_window(&ctx, &data.corpus, &mut show_problems);
        let mut show_about = self.show_about;
        problems::about_window(&ctx, &mut show_about);
        pane.scroll_to_cursor = false;
        self.show_problems = show_problems;
        self.show_about = show_about;
        self.export_image_ui(&ctx, &mut out);
        // Commands change what the panels show, and they were drawn before them: draw
        // again, or a click shows only when the pointer next moves.
        if !out.is_empty() {
            ctx.request_repaint();
        }
        for command in out {
            self.apply(&ctx, command);
        }
        if !self.first_frame_done {
            self.first_frame_done = true;
            trace_startup();
        }
        if let (Some(trace), Some(began)) = (&mut self.frame_trace, began) {
            trace.frame(began, self.loader.is_some());
        }
    }

    fn save(&mut self, storage: &mut dyn eframe::Storage) {
        eframe::set_value(storage, eframe::APP_KEY, &self.prefs);
    }
}
