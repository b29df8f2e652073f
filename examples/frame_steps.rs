//! The viewer's worst frames: steps the time cursor one day at a time through a corpus's
//! whole timeline, several times over, and prints the spread of the CPU time of the
//! frames that move the day (each day's fastest pass, so a noisy machine's stalls drop
//! out). `cargo bench` reports means; a frame that moves the day is the one that must
//! stay under 4 ms.
//!
//! `BETWEEN` frames run between two steps (untimed): 0 steps a day every frame (the
//! worst case); 11 is playing at 5 days per second on a 60 Hz display, the fastest speed
//! the time panel offers.
//!
//! ```text
//! cargo run --release --example frame_steps -- /tmp/news10k [day|7d|all] [BETWEEN]
//! ```

#![expect(clippy::expect_used, reason = "a profiling aid")]
#![expect(clippy::print_stdout, reason = "it prints its figures")]

#[path = "../benches/support/app.rs"]
mod app;

use dateline::time_control::{TimeCommand, WindowMode};
use std::path::PathBuf;
use std::time::Instant;

/// Passes over the timeline; the first only warms caches up.
const PASSES: usize = 6;

/// One frame (the UI pass, then tessellation), in ms.
fn timed_frame(h: &mut egui_kittest::Harness<'static, dateline::ui::DatelineApp>) -> f64 {
    let t = Instant::now();
    std::hint::black_box(app::frame(h));
    t.elapsed().as_secs_f64() * 1e3
}

fn main() {
    let mut args = std::env::args().skip(1);
    let paths: Vec<PathBuf> = args.next().map(PathBuf::from).into_iter().collect();
    let mode = args.next().unwrap_or_else(|| "all".into());
    let between: usize = args
        .next()
        .map_or(0, |n| n.parse().expect("BETWEEN is a number"));
    let window = match mode.as_str() {
        "day" => WindowMode::Day,
        "7d" => WindowMode::Week,
        _ => WindowMode::Cumulative,
    };
    let mut h = app::harness(paths);
    app::command(&mut h, TimeCommand::SetWindow(window));
    let mut fastest: Vec<f64> = Vec::new();
    for pass in 0..PASSES {
        app::command(&mut h, TimeCommand::Home);
        timed_frame(&mut h);
        let mut day = 0;
        while h.state().time().cursor() < h.state().time().bounds().1 {
            for _ in 0..between {
                app::frame(&mut h);
            }
            app::command(&mut h, TimeCommand::Step(1));
            let ms = timed_frame(&mut h);
            match fastest.get_mut(day) {
                Some(best) if pass > 1 => *best = best.min(ms),
                Some(best) => *best = ms,
                None => fastest.push(ms),
            }
            day += 1;
        }
    }
    if fastest.is_empty() {
        println!("the timeline has one day: there is no day to step to");
        return;
    }
    fastest.sort_by(f64::total_cmp);
    let at = |q: f64| {
        #[expect(clippy::cast_sign_loss, reason = "q is a fraction in 0..=1")]
        let i = ((fastest.len().saturating_sub(1)) as f64 * q).round() as usize;
        fastest.get(i).copied().expect("not empty, checked above")
    };
    println!(
        "window {mode}: {} days, {between} frames between steps, day-change frame: median {:.2} ms, p90 {:.2}, p99 {:.2}, max {:.2}",
        fastest.len(),
        at(0.5),
        at(0.9),
        at(0.99),
        at(1.0)
    );
}
