//! The viewer, driven through AccessKit as a user would drive it (`egui_kittest`): widgets
//! found by role and label, clicked, dragged and typed into; then both the app's state
//! and what it shows are checked.

#![cfg(feature = "gui")]
#![expect(clippy::expect_used, reason = "test helpers outside #[test] fns")]

use chrono::NaiveDate;
use dateline::time_control::WindowMode;
use dateline::ui::{DatelineApp, StartOptions};
use egui::accesskit::Role;
use egui_kittest::Harness;
use egui_kittest::kittest::{NodeT as _, Queryable as _};

fn day(m: u32, d: u32) -> NaiveDate {
    NaiveDate::from_ymd_opt(2023, m, d).expect("valid date")
}

/// The real app on the seeds, at 1 June 2023, with the base map loaded up front (no
/// background thread to wait for) and default preferences. A fixed step of 1/60 s makes
/// playback deterministic.
fn app() -> Harness<'static, DatelineApp> {
    build(Harness::builder(), seeds())
}

/// [`app`] started on a wgpu renderer, as eframe starts it: the base map is then drawn
/// from GPU buffers through a paint callback.
fn app_on_gpu() -> Harness<'static, DatelineApp> {
    build(Harness::builder().wgpu(), seeds())
}

/// Steps the app until its background load is done (10 s at most).
fn wait_for_load(h: &mut Harness<'static, DatelineApp>) {
    for _ in 0..500 {
        if !h.state().loading() {
            break;
        }
        std::thread::sleep(std::time::Duration::from_millis(20));
        h.step();
    }
    assert!(!h.state().loading(), "still loading after 10 s");
}

/// The seeds at 1 June 2023.
fn seeds() -> StartOptions {
    StartOptions {
        cursor: Some(day(6, 1)),
        ..Default::default()
    }
}

/// The app at the test window size, with the base map loaded up front and default
/// preferences.
fn build(
    builder: egui_kittest::HarnessBuilder<DatelineApp>,
    options: StartOptions,
) -> Harness<'static, DatelineApp> {
    builder
        .with_size(egui::vec2(1400.0, 860.0))
        .with_step_dt(1.0 / 60.0)
        .with_max_steps(12)
        .build_eframe(move |cc| {
            DatelineApp::new(
                cc,
                StartOptions {
                    basemap_now: true,
                    fresh: true,
                    ..options
                },
            )
        })
}

fn click(h: &mut Harness<'static, DatelineApp>, role: Role, label: &str) {
    h.get_by_role_and_label(role, label).click();
    h.run();
}

/// Clicks through AccessKit: a link wrapped over two lines has no single point to click.
fn activate(h: &mut Harness<'static, DatelineApp>, role: Role, label: &str) {
    h.get_by_role_and_label(role, label).click_accesskit();
    h.run();
}

/// The first view: cursor on 1 June, everything up to it on the map, key places labelled
/// without overlapping labels, and the corpus summary in the top bar.
#[test]
fn first_view_frames_the_story() {
    let h = app();
    assert_eq!(h.state().time().cursor(), day(6, 1));
    assert_eq!(h.state().time().window(), WindowMode::Cumulative);
    h.get_by_label_contains("3 articles · 23 entries · ");
    h.get_by_label("Thu 1 Jun 2023");
    // A long row is cut to fit on screen, but read out whole, source and all.
    let row = h.get_by_label_contains("Volodymyr Zelensky said he received");
    let spoken = row.accesskit_node().label().unwrap_or_default();
    assert!(
        spoken.ends_with("  ·  000_d47b813700c023a0.txt"),
        "{spoken}"
    );
    let labels = h.state().map_labels();
    for name in ["Kyiv", "Chisinau", "Belgorod", "Shebekino"] {
        assert!(
            labels.iter().any(|(l, _)| l == name),
            "{name} labelled: {labels:?}"
        );
    }
    for (i, (a, ra)) in labels.iter().enumerate() {
        for (b, rb) in labels.iter().skip(i + 1) {
            assert!(!ra.intersects(*rb), "labels {a} and {b} overlap");
        }
    }
}

/// Rule 1: moving the date with the slider updates the markers, the histogram cursor
/// label and the article pane in the same frame.
#[test]
fn slider_moves_markers_and_pane() {
    let mut h = app();
    click(&mut h, Role::Button, "Day");
    assert_eq!(h.state().time().window(), WindowMode::Day);
    let (first, _) = h.state().time().bounds();
    let offset = (day(6, 4) - first).num_days() as f64;
    h.get_by_role_and_label(Role::Slider, "Date")
        .set_value_accesskit(offset);
    h.run();
    assert_eq!(h.state().time().cursor(), day(6, 4));
    let names = h.state().marker_names();
    assert!(
        names.contains(&"Bakhmut") && !names.contains(&"Shebekino"),
        "{names:?}"
    );
    h.get_by_label("Sun 4 Jun 2023");
    h.get_by_role_and_label(Role::Button, "Bakhmut (map)");
}

/// Rule 1 by keyboard: ←/→ step a day, Shift+←/→ jump to days with events, Home/End go
/// to the ends, Space plays and pauses.
#[test]
fn keys_move_time() {
    let mut h = app();
    h.key_press(egui::Key::ArrowRight);
    h.run();
    assert_eq!(h.state().time().cursor(), day(6, 2));
    h.key_press_modifiers(egui::Modifiers::SHIFT, egui::Key::ArrowRight);
    h.run();
    assert_eq!(h.state().time().cursor(), day(6, 3), "next day with events");
    h.key_press_modifiers(egui::Modifiers::SHIFT, egui::Key::ArrowLeft);
    h.run();
    assert_eq!(
        h.state().time().cursor(),
        day(6, 1),
        "previous day with events"
    );
    h.key_press(egui::Key::ArrowLeft);
    h.run();
    assert_eq!(h.state().time().cursor(), day(5, 31));
    h.key_press(egui::Key::Home);
    h.run();
    assert_eq!(h.state().time().cursor(), day(5, 30));
    h.key_press(egui::Key::End);
    h.run();
    assert_eq!(h.state().time().cursor(), day(6, 4));
    h.key_press(egui::Key::Home);
    h.key_press(egui::Key::Space);
    h.run_steps(3);
    assert!(h.state().time().playing(), "space plays");
    h.key_press(egui::Key::Space);
    h.run();
    assert!(!h.state().time().playing(), "space pauses");
}

/// Rule 1 by playback: Play advances the cursor at the chosen speed and the map follows.
#[test]
fn play_advances_the_cursor_and_the_map() {
    let mut h = app();
    click(&mut h, Role::Button, "Day");
    h.key_press(egui::Key::Home);
    h.run();
    let before = h.state().marker_names().len();
    h.get_by_role_and_label(Role::Button, "Play").click();
    h.run_steps(130); // 130 frames of 1/60 s at 1 day/s: a little over two days.
    assert_eq!(h.state().time().cursor(), day(6, 1));
    assert!(h.state().time().playing(), "still playing");
    assert_ne!(
        h.state().marker_names().len(),
        before,
        "the map changed with the day"
    );
    h.get_by_role_and_label(Role::Button, "Pause").click();
    h.run();
    assert!(!h.state().time().playing(), "paused");
    h.get_by_label("Thu 1 Jun 2023");
}

/// Rule 1 on the histogram: dragging across it moves the cursor and stops playback.
#[test]
fn histogram_drag_moves_the_cursor() {
    let mut h = app();
    let rect = h.get_by_label("Events per day").rect();
    h.drag_at(rect.right_center() - egui::vec2(20.0, 0.0));
    h.run_steps(2);
    h.hover_at(rect.left_center() + egui::vec2(20.0, 0.0));
    h.run_steps(2);
    h.drop_at(rect.left_center() + egui::vec2(20.0, 0.0));
    h.run();
    assert_eq!(
        h.state().time().cursor(),
        day(5, 30),
        "dragged to the first day"
    );
}

/// Rule 2: selecting an item moves the cursor to its date and rings its places on the
/// map; its text shows with place mentions and dates.
#[test]
fn selecting_an_item_moves_the_cursor_and_rings_its_places() {
    let mut h = app();
    h.get_by_label_contains("The military administration in Kiev")
        .click();
    h.run();
    let state = h.state();
    assert_eq!(state.time().cursor(), day(6, 4), "cursor on the item's day");
    assert!(state.selection().item().is_some(), "item selected");
    // The list shrank to make room for the item's text; the last row, clicked, stays
    // in view (rows out of view are not laid out, so not in the tree).
    h.get_by_label_contains("4 Jun  The military administration in Kiev");
    let state = h.state();
    let ringed = state.highlighted_names();
    for name in ["Kyiv", "Bakhmut", "Paris"] {
        assert!(ringed.contains(&name), "{name} ringed: {ringed:?}");
    }
    h.get_by_role_and_label(Role::Link, "Saturday, June 3");
    assert!(
        h.get_all_by_role(Role::Link).count() > 20,
        "mentions and dates are links"
    );
}

/// Rule 3: clicking a marker selects the place; the pane lists its passages and the
/// histogram marks its days; clicking a passage moves the cursor to its date.
#[test]
fn clicking_a_marker_shows_the_place_passages() {
    let mut h = app();
    click(&mut h, Role::Button, "Shebekino (map)");
    let place = h.state().selection().place().expect("a place is selected");
    let g = dateline::gazetteer::Gazetteer::embedded();
    assert_eq!(g.place(place).map(|p| p.name), Some("Shebekino"));
    h.get_by_label("Days of Shebekino");
    h.get_by_label_contains("passages");
    h.get_by_label_contains("shelled Shebekino with Soviet-designed Grad")
        .click();
    h.run();
    assert_eq!(h.state().time().cursor(), day(6, 1));
    assert!(
        h.state().selection().event().is_some(),
        "the passage's event is selected"
    );
    click(&mut h, Role::Button, "⬅ Back");
    assert!(
        h.state().selection().place().is_none(),
        "back to the articles"
    );
}

/// Rule 3 from the text, and rule 4: a place mention selects the place; a date
/// expression moves the cursor to the date it resolves to.
#[test]
fn mentions_and_dates_in_the_text_are_clickable() {
    let mut h = app();
    h.get_by_label_contains("The military administration in Kiev")
        .click();
    h.run();
    activate(&mut h, Role::Link, "Saturday, June 3");
    assert_eq!(h.state().time().cursor(), day(6, 3), "the date's day");
    activate(&mut h, Role::Link, "Dnieper River");
    let place = h
        .state()
        .selection()
        .place()
        .expect("the mention's place is selected");
    let g = dateline::gazetteer::Gazetteer::embedded();
    assert_eq!(g.place(place).map(|p| p.name), Some("Dnieper"));
    h.get_by_label("Days of Dnieper");
}

/// Rule 5: typing in the search box filters the items and the markers.
#[test]
fn search_filters_items_and_markers() {
    let mut h = app();
    let all = h.state().marker_names().len();
    let search = h.get_by_role_and_label(Role::TextInput, "Search");
    search.focus();
    search.type_text("Shebekino");
    h.run();
    assert_eq!(h.state().query(), "Shebekino");
    let names = h.state().marker_names();
    assert!(
        names.len() < all && names.contains(&"Shebekino") && !names.contains(&"Paris"),
        "{names:?}"
    );
    h.get_by_label_contains("matching items");
    assert!(
        h.query_by_label_contains("Mediation in Paris").is_none(),
        "non-matching items hidden"
    );
}

/// Esc clears the selection; Ctrl+F puts the focus in the search box.
#[test]
fn escape_clears_and_ctrl_f_focuses_search() {
    let mut h = app();
    click(&mut h, Role::Button, "Kyiv (map)");
    assert!(h.state().selection().place().is_some(), "selected");
    h.key_press(egui::Key::Escape);
    h.run();
    assert!(h.state().selection().is_empty(), "Esc clears");
    h.key_press_modifiers(egui::Modifiers::COMMAND, egui::Key::F);
    h.run();
    assert!(
        h.get_by_role_and_label(Role::TextInput, "Search")
            .is_focused(),
        "search focused"
    );
}

/// The whole window on the seeds at 1 June 2023 (Day window), as pixels. The panels
/// have no fill of their own: the window clears to their colour (`clear_color`, free
/// where a fill costs a software renderer milliseconds a frame), and the test renderer
/// clears to transparent, so they show dark here.
#[test]
fn window_snapshot() {
    let mut h = app_on_gpu();
    click(&mut h, Role::Button, "Day");
    h.remove_cursor();
    h.run();
    h.snapshot("window_2023-06-01");
}

/// How two images of the same size differ: the number of pixels that differ by more
/// than an eighth of the scale in some channel, and the largest difference.
fn difference(a: &image::RgbaImage, b: &image::RgbaImage) -> (usize, u8) {
    assert_eq!(a.dimensions(), b.dimensions(), "images of one size");
    a.pixels()
        .zip(b.pixels())
        .map(|(p, q)| p.0.iter().zip(q.0).map(|(x, y)| x.abs_diff(y)).max())
        .fold((0, 0), |(n, most), d| {
            let d = d.unwrap_or(0);
            (n + usize::from(d > 32), most.max(d))
        })
}

/// The base map and the markers drawn from GPU buffers (what the app does on wgpu) look
/// as egui draws them from meshes (the fallback on other renderers), before and after
/// the view moves (new buffers are uploaded, and the base map is drawn into its texture
/// again). The base map is egui's mesh through egui's shader, drawn into a texture once a
/// view and copied to the screen pixel for pixel, so its pixels are the same; the markers are computed per pixel where egui
/// samples pre-drawn sprites, so their anti-aliased edges differ by a shade (here ~2,200
/// pixels, ~360 of them by more than 32 of 255, none by more than 80; without the
/// markers, 4,240 pixels differ, by up to 204).
#[test]
fn gpu_drawing_matches_egui_meshes() {
    let mut gpu = app_on_gpu();
    let mut egui_meshes = app();
    for h in [&mut gpu, &mut egui_meshes] {
        h.remove_cursor();
        h.run();
    }
    let (a, b) = (
        gpu.render().expect("renders"),
        egui_meshes.render().expect("renders"),
    );
    let close = |(pixels, most): (usize, u8)| pixels < 1_000 && most <= 96;
    let seen = difference(&a, &b);
    assert!(close(seen), "the GPU drawing differs from egui's: {seen:?}");
    // Pan the map: drag it up and to the left.
    for h in [&mut gpu, &mut egui_meshes] {
        let (from, to) = (egui::pos2(420.0, 320.0), egui::pos2(300.0, 240.0));
        h.hover_at(from);
        h.run();
        h.drag_at(from);
        h.run();
        h.hover_at(from.lerp(to, 0.5));
        h.run();
        h.hover_at(to);
        h.run();
        h.drop_at(to);
        h.run();
    }
    let moved = gpu.render().expect("renders");
    assert!(moved != a, "the view moved");
    let seen = difference(&moved, &egui_meshes.render().expect("renders"));
    assert!(close(seen), "after a move too: {seen:?}");
}

/// "Export events" writes exactly the events the map shows (here: one day), and says so.
#[test]
fn export_events_writes_what_the_map_shows() {
    let mut h = app();
    click(&mut h, Role::Button, "Day");
    let shown = h.state().events_shown();
    assert!(!shown.is_empty());
    assert!(shown.len() < h.state().corpus().events.len());
    let dir = tempfile::tempdir().expect("temp dir");
    let path = dir.path().join("day.jsonl");
    let ctx = h.ctx.clone();
    h.state_mut().apply_all(
        &ctx,
        vec![dateline::ui::Command::ExportEvents(path.clone())],
    );
    for _ in 0..100 {
        if h.state()
            .status()
            .is_some_and(|s| s.starts_with("Exported"))
        {
            break;
        }
        std::thread::sleep(std::time::Duration::from_millis(20));
        h.step();
    }
    h.run();
    let message = format!("Exported {} events to {}", shown.len(), path.display());
    assert_eq!(h.state().status(), Some(message.as_str()));
    h.get_by_label(&message);
    let text = std::fs::read_to_string(&path).expect("export written");
    assert_eq!(text.lines().count(), shown.len());
    for line in text.lines() {
        let v: serde_json::Value = serde_json::from_str(line).expect("JSON line");
        // Day-dated events of that day, or months and years that contain it.
        let date = v["date"].as_str().expect("date");
        if v["granularity"] == "day" {
            assert_eq!(date, "2023-06-01", "{line}");
        } else {
            assert!(date <= "2023-06-01", "{line}");
        }
    }
}

/// File → Export image… (Ctrl+E) saves the briefing of what the window shows, and the
/// command line it offers makes the very same pixels without a window.
#[test]
fn export_image_matches_the_command_line() {
    let mut h = app();
    click(&mut h, Role::Button, "7 days");
    let ctx = h.ctx.clone();
    h.state_mut().apply_all(
        &ctx,
        vec![dateline::ui::Command::Time(
            dateline::time_control::TimeCommand::SetCursor(day(6, 4)),
            dateline::ui::Origin::Other,
        )],
    );
    h.run();
    click(&mut h, Role::Button, "Kyiv (map)");
    h.key_press_modifiers(egui::Modifiers::COMMAND, egui::Key::E);
    h.run();
    assert!(h.state().export_image_state().open);
    click(&mut h, Role::RadioButton, "1280×720");
    let title = h.get_by_role_and_label(Role::TextInput, "Title");
    title.focus();
    title.type_text("Kyiv, week to 4 June");
    h.run();
    assert_eq!(h.state().export_image_state().size(), [1280, 720]);
    assert_eq!(h.state().export_image_state().title, "Kyiv, week to 4 June");

    let dir = tempfile::tempdir().expect("temp dir");
    let app_png = dir.path().join("app.png");
    h.state_mut().apply_all(
        &ctx,
        vec![dateline::ui::Command::ExportImage(app_png.clone())],
    );
    for _ in 0..500 {
        if h.state().status().is_some_and(|s| s.starts_with("Saved")) {
            break;
        }
        std::thread::sleep(std::time::Duration::from_millis(20));
        h.step();
    }
    h.run();
    let message = format!("Saved briefing image to {}", app_png.display());
    assert_eq!(h.state().status(), Some(message.as_str()));

    // The command the window shows, run as a user would paste it.
    let cli_png = dir.path().join("cli.png");
    let line = h
        .state()
        .render_command_line(cli_png.to_str().expect("utf-8 path"));
    assert!(
        line.contains("--date 2023-06-04 --window 7d --place Kyiv") && line.contains("--bbox"),
        "{line}"
    );
    let line = line.replacen("dateline", env!("CARGO_BIN_EXE_dateline"), 1);
    let out = std::process::Command::new("sh")
        .args(["-c", &line])
        .output()
        .expect("sh runs");
    assert!(
        out.status.success(),
        "{line}: {}",
        String::from_utf8_lossy(&out.stderr)
    );
    let from_app = image::open(&app_png).expect("app PNG").to_rgba8();
    let from_cli = image::open(&cli_png).expect("CLI PNG").to_rgba8();
    assert_eq!(from_app.dimensions(), (1280, 720));
    assert!(
        from_app == from_cli,
        "the app and the CLI drew different pixels"
    );
}

/// Watch mode in the window: a file dropped into the opened folder shows up on the map
/// without reopening, a deleted one goes, and File → Watch for changes turns it off.
#[test]
fn watched_folder_updates_the_map() {
    let dir = tempfile::tempdir().expect("temp dir");
    let d = dir.path().to_path_buf();
    let article = |place: &str| {
        format!(" date 2023-06-01\nShelling hit {place} in Ukraine on Monday, officials said.\n")
    };
    std::fs::write(d.join("a.txt"), article("Kharkiv")).expect("write");
    let paths = vec![d.clone()];
    let mut h = build(
        Harness::builder(),
        StartOptions {
            paths,
            watch: true,
            ..Default::default()
        },
    );
    let wait_for = |h: &mut Harness<'static, DatelineApp>, what: &dyn Fn(&DatelineApp) -> bool| {
        for _ in 0..200 {
            if what(h.state()) {
                return true;
            }
            std::thread::sleep(std::time::Duration::from_millis(20));
            h.step();
        }
        false
    };
    assert!(wait_for(&mut h, &|app| !app.loading() && app.watching()));
    assert_eq!(h.state().marker_names(), ["Kharkiv"]);

    std::fs::write(d.join("b.txt"), article("Odesa")).expect("write");
    assert!(
        wait_for(&mut h, &|app| app.marker_names().contains(&"Odesa")),
        "{:?}",
        h.state().marker_names()
    );
    h.run();
    h.get_by_label_contains("Updated from disk: 1 file(s) read");

    std::fs::remove_file(d.join("a.txt")).expect("delete");
    assert!(wait_for(&mut h, &|app| app.marker_names() == ["Odesa"]));

    click(&mut h, Role::Button, "File");
    click(&mut h, Role::CheckBox, "Watch for changes");
    assert!(!h.state().watching());
}

/// Files and folders dropped onto the window open as the corpus (replacing the seeds),
/// through the same loader as File → Open: the map and the article pane show them.
#[test]
fn dropped_folder_opens() {
    let dir = tempfile::tempdir().expect("temp dir");
    std::fs::write(
        dir.path().join("odesa.txt"),
        " date 2023-06-02\nDrones struck the port of Odesa overnight, the governor said.\n",
    )
    .expect("write");
    let mut h = app();
    assert!(h.state().corpus().articles.len() == 3, "the seeds first");
    h.input_mut()
        .dropped_files
        .push(std::sync::Arc::new(Dropped(dir.path().to_path_buf())));
    h.step();
    wait_for_load(&mut h);
    h.run();
    assert_eq!(h.state().corpus().articles.len(), 1);
    assert_eq!(h.state().marker_names(), ["Odesa"]);
    // The pane lists the dropped article.
    h.get_by_label_contains("Drones struck the port of Odesa");
}

/// Rows carry their year when the corpus spans more than one: "30 Dec" alone would not
/// say which December. Within one year, the day and month are enough.
#[test]
fn rows_name_the_year_across_a_new_year() {
    let dir = tempfile::tempdir().expect("temp dir");
    for (name, text) in [
        (
            "a.txt",
            " date 2022-12-30\nShelling hit Kherson on Friday, officials said.\n",
        ),
        (
            "b.txt",
            " date 2023-01-02\nDrones struck Kyiv overnight, the mayor said.\n",
        ),
    ] {
        std::fs::write(dir.path().join(name), text).expect("write");
    }
    let mut h = build(
        Harness::builder(),
        StartOptions {
            paths: vec![dir.path().to_path_buf()],
            ..Default::default()
        },
    );
    wait_for_load(&mut h);
    h.run();
    h.get_by_label_contains("30 Dec 2022  Shelling hit Kherson");
    h.get_by_label_contains("2 Jan 2023  Drones struck Kyiv");

    let mut seeds = app();
    seeds.run();
    assert!(
        seeds.query_by_label_contains("2023  ").is_none(),
        "one year: no year"
    );
    assert!(
        seeds
            .query_all_by_label_contains("1 Jun 16:14  ")
            .next()
            .is_some()
    );
}

/// A path dropped onto the window, as the windowing integration hands it to egui.
#[derive(Debug)]
struct Dropped(std::path::PathBuf);

impl egui::DroppedFile for Dropped {
    fn path(&self) -> &std::path::Path {
        &self.0
    }

    fn bytes(&self) -> Result<Vec<u8>, String> {
        std::fs::read(&self.0).map_err(|e| e.to_string())
    }
}

/// The item list lays out the neighbouring days' rows while nothing happens, so the
/// frames that move the day to a screenful of new rows find them ready; a jump of two
/// days finds rows that were not.
#[test]
fn next_days_rows_are_laid_out_ahead() {
    let dir = tempfile::tempdir().expect("temp dir");
    let options = dateline::synth::SynthOptions {
        articles: 400,
        days: 4,
        ..Default::default()
    };
    dateline::synth::write_corpus(dir.path(), options).expect("corpus");
    let mut h = build(
        Harness::builder(),
        StartOptions {
            paths: vec![dir.path().to_path_buf()],
            cursor: Some(day(1, 1)),
            ..Default::default()
        },
    );
    wait_for_load(&mut h);
    assert!(h.state().index().item_count() > 200, "a screenful a day");
    // Idle frames: the rows of the next day get laid out, a few per frame.
    let mut frames = 0;
    loop {
        h.step();
        frames += 1;
        if !h.state().pane().rows_pending() || frames >= 100 {
            break;
        }
    }
    assert!(
        !h.state().pane().rows_pending(),
        "ready after {frames} frames"
    );
    assert!(frames > 1, "spread over frames, not all at once ({frames})");
    let start = h.state().time().cursor();
    let shown = |h: &Harness<'_, DatelineApp>| h.state().pane().rows_unprepared();
    h.key_press(egui::Key::ArrowRight);
    h.step();
    let mut unprepared = shown(&h);
    h.step();
    unprepared += shown(&h);
    assert_eq!(h.state().time().cursor(), start.succ_opt().expect("a day"));
    assert_eq!(unprepared, 0, "the next day's rows were ready");
    // Two days in one frame: that day's rows were not among those ahead.
    h.key_press(egui::Key::ArrowRight);
    h.key_press(egui::Key::ArrowRight);
    h.step();
    let mut unprepared = shown(&h);
    h.step();
    unprepared += shown(&h);
    let two_on = start.checked_add_days(chrono::Days::new(3)).expect("a day");
    assert_eq!(h.state().time().cursor(), two_on);
    assert!(unprepared > 5, "only {unprepared} rows came new");
}
