//! Briefing images: the painter through the off-screen renderer (snapshots of the
//! export), and `dateline render` as scripts run it.

#![cfg(feature = "gui")]
#![expect(clippy::expect_used, reason = "test helpers outside #[test] fns")]

use chrono::NaiveDate;
use dateline::corpus::Corpus;
use dateline::time_control::WindowMode;
use dateline::ui::briefing::{self, BriefingOptions, BriefingView, Scene};
use dateline::ui::render::Offscreen;
use std::process::{Command, Output};

fn day(m: u32, d: u32) -> NaiveDate {
    NaiveDate::from_ymd_opt(2023, m, d).expect("valid date")
}

fn dateline(args: &[&str]) -> Output {
    Command::new(env!("CARGO_BIN_EXE_dateline"))
        .args(args)
        .output()
        .expect("the binary runs")
}

fn stderr(out: &Output) -> String {
    String::from_utf8_lossy(&out.stderr).into_owned()
}

/// Renders the seeds' briefing at `date` with `window`, optionally a place selected.
fn seeds_briefing(date: NaiveDate, window: WindowMode, place: Option<&str>) -> image::RgbaImage {
    let scene = Scene::new(Corpus::from_seeds());
    let place = place.map(|p| scene.find_place(p).expect("place of the seeds"));
    let time = scene.time_at(date, window);
    let view = BriefingView {
        corpus: &scene.corpus,
        index: &scene.index,
        basemap: scene.basemap.as_ref(),
        time: &time,
        place,
        filter: None,
        show_countries: false,
    };
    let options = BriefingOptions {
        size: [1280, 720],
        ..Default::default()
    };
    let mut renderer = Offscreen::new().expect("a wgpu adapter (lavapipe in CI)");
    briefing::render_briefing(&mut renderer, &view, &options).expect("rendered")
}

/// The export of 1 June 2023, window "Day": the snapshot was looked at before it was
/// committed (title, "1 June 2023", counts, legend, sources, attribution, timeline).
#[test]
fn briefing_snapshot_day() {
    let image = seeds_briefing(day(6, 1), WindowMode::Day, None);
    assert_eq!(image.dimensions(), (1280, 720));
    egui_kittest::image_snapshot(&image, "briefing_2023-06-01_day");
}

/// The export of 4 June 2023, window "7 days", Kyiv selected (ringed on the map, its
/// days marked on the timeline).
#[test]
fn briefing_snapshot_week_kyiv() {
    let image = seeds_briefing(day(6, 4), WindowMode::Week, Some("Kyiv"));
    egui_kittest::image_snapshot(&image, "briefing_2023-06-04_7d_kyiv");
}

/// No UI chrome and an opaque image: every pixel is fully opaque, and the caption band
/// is the paper colour, not the window's panel grey.
#[test]
fn briefing_is_opaque_and_sized_by_density() {
    let image = seeds_briefing(day(6, 1), WindowMode::Day, None);
    assert!(image.pixels().all(|p| p.0[3] == 255));
    // The header's top-right corner is plain paper.
    assert_eq!(image.get_pixel(1275, 3).0, [0xfb, 0xfa, 0xf7, 255]);
}

/// Same inputs, same pixels: two runs of the command write identical files, at the
/// size asked for.
#[test]
fn render_is_deterministic_and_sized() {
    let dir = tempfile::tempdir().expect("temp dir");
    let a = dir.path().join("a.png");
    let b = dir.path().join("b.png");
    for path in [&a, &b] {
        let out = dateline(&[
            "render",
            "--date",
            "2023-06-01",
            "--size",
            "960x540",
            "--title",
            "Border shelling",
            "--out",
            path.to_str().expect("utf-8 path"),
        ]);
        assert!(out.status.success(), "{}", stderr(&out));
        assert!(stderr(&out).contains("wrote"), "{}", stderr(&out));
    }
    let (ia, ib) = (
        image::open(&a).expect("a PNG").to_rgba8(),
        image::open(&b).expect("a PNG").to_rgba8(),
    );
    assert_eq!(ia.dimensions(), (960, 540));
    assert!(ia == ib, "two renders of the same state differ");
}

/// `--from/--to --out DIR/` writes a frame per day, `--gif` an animation of them.
#[test]
fn render_frames_and_gif() {
    let dir = tempfile::tempdir().expect("temp dir");
    let frames = dir.path().join("frames");
    let gif = dir.path().join("week.gif");
    let out = dateline(&[
        "render",
        "--from",
        "2023-06-01",
        "--to",
        "2023-06-03",
        "--window",
        "7d",
        "--size",
        "640x360",
        "--out",
        frames.to_str().expect("utf-8 path"),
        "--gif",
        gif.to_str().expect("utf-8 path"),
    ]);
    assert!(out.status.success(), "{}", stderr(&out));
    for d in ["2023-06-01", "2023-06-02", "2023-06-03"] {
        let frame = frames.join(format!("briefing-{d}.png"));
        let image = image::open(&frame).expect("frame written");
        assert_eq!((image.width(), image.height()), (640, 360));
    }
    let file = std::io::BufReader::new(std::fs::File::open(&gif).expect("gif written"));
    let decoder = image::codecs::gif::GifDecoder::new(file).expect("a GIF");
    let n = image::AnimationDecoder::into_frames(decoder).count();
    assert_eq!(n, 3);
}

/// Mistakes get a clear message and exit status 1, and nothing is written.
#[test]
fn render_usage_errors_are_clear() {
    let dir = tempfile::tempdir().expect("temp dir");
    let png = dir.path().join("x.png");
    let png = png.to_str().expect("utf-8 path");
    let cases: [(&[&str], &str); 5] = [
        (
            &["render", "--place", "Atlantis", "--out", png],
            "no place called “Atlantis”",
        ),
        (&["render", "--size", "big", "--out", png], "WIDTHxHEIGHT"),
        (
            &["render", "--bbox", "40,50,30,60", "--out", png],
            "min < max",
        ),
        (&["render", "--date", "2023-06-01"], "--out"),
        (
            &[
                "render",
                "--from",
                "2023-06-05",
                "--to",
                "2023-06-01",
                "--out",
                png,
            ],
            "after --to",
        ),
    ];
    for (args, message) in cases {
        let out = dateline(args);
        assert_eq!(out.status.code(), Some(1), "{args:?}: {}", stderr(&out));
        assert!(stderr(&out).contains(message), "{args:?}: {}", stderr(&out));
        assert!(!std::path::Path::new(png).exists(), "{args:?} wrote a file");
    }
}

/// Without any graphics adapter the command says what is missing instead of panicking
/// (`WGPU_BACKEND` forces a backend this machine does not have).
#[test]
fn render_without_an_adapter_says_what_to_install() {
    let dir = tempfile::tempdir().expect("temp dir");
    let png = dir.path().join("x.png");
    let out = Command::new(env!("CARGO_BIN_EXE_dateline"))
        .args(["render", "--out", png.to_str().expect("utf-8 path")])
        .env("WGPU_BACKEND", "dx12")
        .output()
        .expect("the binary runs");
    assert_eq!(out.status.code(), Some(1), "{}", stderr(&out));
    assert!(
        stderr(&out).contains("no graphics adapter"),
        "{}",
        stderr(&out)
    );
    assert!(
        stderr(&out).contains("mesa-vulkan-drivers"),
        "{}",
        stderr(&out)
    );
    assert!(!png.exists());
}
