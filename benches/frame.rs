//! The viewer's CPU cost: per-frame time on the seeds and on a generated corpus of
//! 10,000 articles (~100,000 events), idle, playing and stepping a day every frame; and
//! the in-process part of start-up (gazetteer, seeds read and extracted, index, first
//! frame laid out).
//!
//! A frame here is what eframe does on the CPU for the app each frame: egui's pass over
//! the app's UI (`Harness::step`, which also updates the AccessKit tree, so it is an
//! upper bound) and the tessellation of its shapes. GPU upload and presentation are not
//! the app's and are left out.

#![expect(clippy::expect_used, reason = "benchmark set-up")]
#![expect(
    clippy::print_stderr,
    reason = "the benchmark reports the corpus it measured"
)]

#[path = "support/app.rs"]
mod app;

use app::{SIZE, command, frame, harness, opening};
use criterion::{BatchSize, Criterion, criterion_group, criterion_main};
use dateline::synth::{SynthOptions, write_corpus};
use dateline::time_control::{TimeCommand, WindowMode};
use dateline::ui::{DatelineApp, StartOptions};
use egui_kittest::Harness;
use std::path::PathBuf;
use std::time::Duration;

fn bench_corpus(c: &mut Criterion, name: &str, paths: Vec<PathBuf>) {
    let mut h = harness(paths);
    let events = h.state().corpus().events.len();
    let articles = h.state().corpus().articles.len();
    eprintln!("{name}: {articles} files, {events} events");
    let mut group = c.benchmark_group(format!("frame/{name}"));
    group.sample_size(30);
    group.bench_function("idle", |b| b.iter(|| frame(&mut h)));
    command(&mut h, TimeCommand::SetWindow(WindowMode::Week));
    command(&mut h, TimeCommand::SetSpeed(5.0));
    command(&mut h, TimeCommand::SetLoop(true));
    command(&mut h, TimeCommand::Play);
    group.bench_function("playing_7_days_5_per_s", |b| b.iter(|| frame(&mut h)));
    command(&mut h, TimeCommand::Pause);
    command(&mut h, TimeCommand::SetWindow(WindowMode::Cumulative));
    group.bench_function("step_a_day_every_frame_cumulative", |b| {
        b.iter(|| {
            command(&mut h, TimeCommand::Step(1));
            if h.state().time().cursor() >= h.state().time().bounds().1 {
                command(&mut h, TimeCommand::Home);
            }
            frame(&mut h)
        });
    });
    group.finish();
}

fn frames(c: &mut Criterion) {
    bench_corpus(c, "seeds", Vec::new());
    let dir = tempfile::tempdir().expect("temp dir");
    write_corpus(dir.path(), SynthOptions::default()).expect("corpus written");
    let paths = vec![dir.path().to_path_buf()];
    bench_corpus(c, "synth_10k", paths.clone());
    loading(c, &paths);
}

/// Opening the 10,000-article folder in the app: from the open to the first frame
/// drawn with the corpus (the target is 2 s), and the cost of a frame while the load
/// runs in the background (the window must keep drawing at 30 fps or more).
fn loading(c: &mut Criterion, paths: &[PathBuf]) {
    let start = |paths: &[PathBuf]| opening(paths.to_vec());
    let mut group = c.benchmark_group("load/synth_10k");
    group.sample_size(10);
    group.bench_function("open_to_interactive", |b| {
        b.iter(|| {
            let mut h = start(paths);
            while h.state().loading() {
                std::thread::sleep(Duration::from_millis(5));
                h.step();
            }
            frame(&mut h)
        });
    });
    group.bench_function("frame_while_loading", |b| {
        b.iter_custom(|iters| {
            let mut total = Duration::ZERO;
            let mut h = start(paths);
            for _ in 0..iters {
                if !h.state().loading() {
                    h = start(paths);
                }
                let t = std::time::Instant::now();
                frame(&mut h);
                total += t.elapsed();
                // A window at 60 Hz leaves the rest of the frame to the loader.
                std::thread::sleep(Duration::from_millis(10));
            }
            total
        });
    });
    group.finish();
}

/// Start-up in-process on the seeds: everything before the first frame is shown (the
/// window and GPU set-up are eframe's and measured separately, see the README).
fn startup(c: &mut Criterion) {
    let mut group = c.benchmark_group("startup");
    group.sample_size(10);
    group.bench_function("seeds_to_first_frame", |b| {
        b.iter_batched(
            || (),
            |()| {
                let mut h = Harness::builder()
                    .with_size(SIZE)
                    .build_eframe(|cc| DatelineApp::new(cc, StartOptions::default()));
                frame(&mut h)
            },
            BatchSize::PerIteration,
        );
    });
    group.finish();
}

criterion_group!(benches, startup, frames);
criterion_main!(benches);
