//! The app in a test harness as the benchmarks and the profiling examples run it
//! (shared by `benches/frame.rs` and `examples/frame_steps.rs`).

use dateline::time_control::TimeCommand;
use dateline::ui::{Command, DatelineApp, Origin, StartOptions};
use egui_kittest::Harness;
use std::path::PathBuf;
use std::time::Duration;

pub const SIZE: egui::Vec2 = egui::vec2(1600.0, 1000.0);

/// The app opening `paths` (loading starts in the background).
pub fn opening(paths: Vec<PathBuf>) -> Harness<'static, DatelineApp> {
    // On a wgpu renderer, as eframe runs the app (the base map then stays on the GPU);
    // frames are not rendered, only laid out and tessellated: the CPU's share.
    Harness::builder()
        .wgpu()
        .with_size(SIZE)
        .with_step_dt(1.0 / 60.0)
        .build_eframe(move |cc| {
            DatelineApp::new(
                cc,
                StartOptions {
                    paths,
                    basemap_now: true,
                    fresh: true,
                    ..Default::default()
                },
            )
        })
}

/// The app with `paths` loaded.
pub fn harness(paths: Vec<PathBuf>) -> Harness<'static, DatelineApp> {
    let mut h = opening(paths);
    // Wait for the background load (none for the seeds).
    while h.state().loading() {
        std::thread::sleep(Duration::from_millis(20));
        h.step();
    }
    for _ in 0..3 {
        h.step();
    }
    h
}

/// One frame as eframe runs it on the CPU: the UI pass, then tessellation.
pub fn frame(h: &mut Harness<'static, DatelineApp>) -> usize {
    h.step();
    let shapes = h.output().shapes.clone();
    let ppp = h.ctx.pixels_per_point();
    h.ctx.tessellate(shapes, ppp).len()
}

pub fn command(h: &mut Harness<'static, DatelineApp>, c: TimeCommand) {
    let ctx = h.ctx.clone();
    h.state_mut()
        .apply_all(&ctx, vec![Command::Time(c, Origin::Other)]);
}
