//! The command line: `dateline events …` (and, with the `gui` feature, the viewer).
//!
//! Arguments are parsed by clap into [`Cli`]; [`run`] carries them out and returns the
//! exit status INTERFACE.md fixes: 0 when every file was read, 2 when at least one could
//! not be (the others are still printed), 1 for usage errors.

use crate::corpus::Corpus;
use crate::export::{self, Format};
use crate::problem::Severity;
use clap::{Parser, Subcommand, ValueEnum};
use std::io::{self, Write as _};
use std::path::PathBuf;
use std::process::ExitCode;

const EXAMPLES: &str = "\
Examples:
  dateline                                 the viewer, on the bundled seed articles
  dateline news/                           the viewer, on every article under news/
  dateline view news/                      the same
  dateline view news/ --watch              … and follow files added, changed or deleted
  dateline events                          events of the bundled seed articles (JSON Lines)
  dateline events news/ --format csv       every article under news/, as CSV
  dateline events a.txt b.json --format geojson > events.geojson
  dateline events news/ --format kml > events.kml     open in Google Earth or QGIS
  dateline events news/ | python3 score.py gold.json -
  dateline render --date 2023-06-01 --out brief.png   a briefing image of the seeds
  dateline render news/ --from 2023-06-01 --to 2023-06-07 --window 7d --gif week.gif";

/// When the process started (set first thing in `main`; the viewer reports the time to its
/// first frame against it when `DATELINE_TRACE_STARTUP` is set).
pub static PROCESS_START: std::sync::OnceLock<std::time::Instant> = std::sync::OnceLock::new();

/// dateline: places and dates read from news articles.
#[derive(Debug, Parser)]
#[command(
    name = "dateline",
    version,
    about,
    after_help = EXAMPLES,
    args_conflicts_with_subcommands = true
)]
pub struct Cli {
    /// What to do.
    #[command(subcommand)]
    pub command: Option<Command>,
    /// With no command, the viewer's arguments: `dateline news/` is `dateline view news/`.
    #[command(flatten)]
    pub view: ViewArgs,
}

/// A subcommand.
#[derive(Debug, Subcommand)]
pub enum Command {
    /// Open the viewer (the default when no command is given).
    View(ViewArgs),
    /// Print the events (place mention + date) extracted from articles.
    #[command(after_help = EXAMPLES)]
    Events(EventsArgs),
    /// Render a briefing image (PNG) of the map in a given state, without a window.
    #[command(after_help = RENDER_HELP)]
    Render(RenderArgs),
    /// Developer tools (synthetic corpora for benchmarks and scale tests).
    #[command(subcommand)]
    Dev(DevCommand),
}

const RENDER_HELP: &str = "\
Examples:
  dateline render --date 2023-06-01 --out brief.png
  dateline render news/ --date 2023-06-04 --window 7d --place Kyiv --title \"Strikes on Kyiv\" --out kyiv.png
  dateline render news/ --date 2023-06-04 --bbox 22,44,41,53 --size 3840x2160 --out wide.png
  dateline render news/ --from 2023-06-01 --to 2023-06-04 --out frames/ --gif week.gif

Rendering needs no display, but a GPU or a software renderer (Mesa's Vulkan drivers:
`apt-get install mesa-vulkan-drivers` on Debian/Ubuntu). The same inputs give the same pixels.";

/// Arguments of `dateline render`.
#[derive(Debug, clap::Args)]
pub struct RenderArgs {
    /// Article files or folders of them; none = the bundled seed articles.
    pub paths: Vec<PathBuf>,
    /// The day shown (YYYY-MM-DD); default: the last day with events.
    #[arg(long, conflicts_with_all = ["from", "to"])]
    pub date: Option<chrono::NaiveDate>,
    /// First day of an animation: one frame per day from here to --to.
    #[arg(long, requires = "to")]
    pub from: Option<chrono::NaiveDate>,
    /// Last day of an animation.
    #[arg(long, requires = "from")]
    pub to: Option<chrono::NaiveDate>,
    /// The time window ending on the day.
    #[arg(long, value_enum, default_value_t = WindowArg::Day)]
    pub window: WindowArg,
    /// Highlight this place (ringed on the map, its days marked on the timeline).
    #[arg(long)]
    pub place: Option<String>,
    /// Only items matching this search (keyword, source or place), as in the viewer.
    #[arg(long)]
    pub query: Option<String>,
    /// Title of the image; default: the place, or "Events in the news".
    #[arg(long)]
    pub title: Option<String>,
    /// Image size in pixels, `WIDTHxHEIGHT`.
    #[arg(long, default_value = "1920x1080", value_parser = parse_size)]
    pub size: [u32; 2],
    /// Area shown: `lon_min,lat_min,lon_max,lat_max`; default: frame the events.
    #[arg(long, value_parser = parse_bbox, allow_hyphen_values = true)]
    pub bbox: Option<[f64; 4]>,
    /// Leave out the timeline strip under the map.
    #[arg(long)]
    pub no_timeline: bool,
    /// Show mentions of whole countries as markers too.
    #[arg(long)]
    pub countries: bool,
    /// Output: a .png file, or with --from/--to a folder for one PNG per day.
    #[arg(long)]
    pub out: Option<PathBuf>,
    /// With --from/--to: also write an animated GIF of the frames.
    #[arg(long, requires = "from")]
    pub gif: Option<PathBuf>,
    /// Seconds each frame of the GIF shows.
    #[arg(long, default_value_t = 0.8)]
    pub frame_seconds: f64,
}

/// `--window` values.
#[derive(Clone, Copy, Debug, PartialEq, Eq, ValueEnum)]
pub enum WindowArg {
    /// The day only.
    Day,
    /// The seven days ending on the day.
    #[value(name = "7d")]
    Week,
    /// Everything up to the day.
    All,
}

impl From<WindowArg> for crate::time_control::WindowMode {
    fn from(w: WindowArg) -> Self {
        match w {
            WindowArg::Day => Self::Day,
            WindowArg::Week => Self::Week,
            WindowArg::All => Self::Cumulative,
        }
    }
}

/// Parses `1920x1080`.
fn parse_size(s: &str) -> Result<[u32; 2], String> {
    let (w, h) = s
        .split_once(['x', 'X', '×'])
        .ok_or_else(|| format!("expected WIDTHxHEIGHT, e.g. 1920x1080, not `{s}`"))?;
    let side = |v: &str| {
        v.trim()
            .parse::<u32>()
            .ok()
            .filter(|n| (16..=8192).contains(n))
            .ok_or_else(|| format!("`{v}` is not a size from 16 to 8192 pixels"))
    };
    Ok([side(w)?, side(h)?])
}

/// Parses `lon_min,lat_min,lon_max,lat_max`.
fn parse_bbox(s: &str) -> Result<[f64; 4], String> {
    let values: Vec<f64> = s
        .split(',')
        .map(|v| v.trim().parse::<f64>())
        .collect::<Result<_, _>>()
        .map_err(|e| format!("expected four numbers lon_min,lat_min,lon_max,lat_max: {e}"))?;
    let [x0, y0, x1, y1] = <[f64; 4]>::try_from(values.as_slice())
        .map_err(|_| "expected four numbers lon_min,lat_min,lon_max,lat_max".to_owned())?;
    if !(-180.0..=180.0).contains(&x0) || !(-180.0..=180.0).contains(&x1) || x0 >= x1 {
        return Err(format!(
            "longitudes must be -180..180 with min < max, not {x0}..{x1}"
        ));
    }
    if !(-85.0..=85.0).contains(&y0) || !(-85.0..=85.0).contains(&y1) || y0 >= y1 {
        return Err(format!(
            "latitudes must be -85..85 with min < max, not {y0}..{y1}"
        ));
    }
    Ok([x0, y0, x1, y1])
}

/// `dateline dev …`.
#[derive(Debug, Subcommand)]
pub enum DevCommand {
    /// Write a deterministic synthetic corpus (mixed formats, a year of news) into DIR.
    #[command(
        after_help = "Example:\n  dateline dev corpus /tmp/news10k --articles 10000 --seed 2023"
    )]
    Corpus(CorpusArgs),
}

/// Arguments of `dateline dev corpus`.
#[derive(Debug, clap::Args)]
pub struct CorpusArgs {
    /// Folder to write into (created if missing).
    pub dir: PathBuf,
    /// Number of articles.
    #[arg(long, default_value_t = 10_000)]
    pub articles: usize,
    /// Random seed: the same seed writes the same files.
    #[arg(long, default_value_t = 2023)]
    pub seed: u64,
}

/// Arguments of `dateline view`.
#[derive(Debug, Default, clap::Args)]
pub struct ViewArgs {
    /// Article files or folders of them; none = the bundled seed articles.
    pub paths: Vec<PathBuf>,
    /// Watch the folders: files added or changed appear, deleted ones disappear.
    #[arg(long)]
    pub watch: bool,
}

/// Arguments of `dateline events`.
#[derive(Debug, clap::Args)]
pub struct EventsArgs {
    /// Article files or folders of them; none = the bundled seed articles.
    pub paths: Vec<PathBuf>,
    /// Output format.
    #[arg(long, value_enum, default_value_t = FormatArg::Jsonl)]
    pub format: FormatArg,
}

/// `--format` values.
#[derive(Clone, Copy, Debug, PartialEq, Eq, ValueEnum)]
pub enum FormatArg {
    /// One JSON object per line.
    Jsonl,
    /// CSV with a header row.
    Csv,
    /// A `GeoJSON` `FeatureCollection`.
    Geojson,
    /// KML (Google Earth, QGIS): one placemark per event, stamped with its date or period.
    Kml,
}

impl From<FormatArg> for Format {
    fn from(f: FormatArg) -> Self {
        match f {
            FormatArg::Jsonl => Self::Jsonl,
            FormatArg::Csv => Self::Csv,
            FormatArg::Geojson => Self::Geojson,
            FormatArg::Kml => Self::Kml,
        }
    }
}

/// Parses the process arguments; usage errors print and become exit status 1.
pub fn parse_args() -> Result<Cli, ExitCode> {
    Cli::try_parse().map_err(|e| {
        let code = u8::from(e.use_stderr());
        e.print().ok();
        ExitCode::from(code)
    })
}

/// Runs a parsed command line.
pub fn run(cli: Cli) -> anyhow::Result<ExitCode> {
    match cli.command {
        Some(Command::Events(args)) => events(&args),
        Some(Command::View(args)) => view(args),
        Some(Command::Render(args)) => render(&args),
        Some(Command::Dev(DevCommand::Corpus(args))) => dev_corpus(&args),
        None => view(cli.view),
    }
}

#[cfg(feature = "gui")]
fn view(args: ViewArgs) -> anyhow::Result<ExitCode> {
    let options = crate::ui::StartOptions {
        paths: args.paths,
        watch: args.watch,
        ..Default::default()
    };
    crate::ui::run(options).map_err(|e| anyhow::anyhow!("cannot open the window: {e}"))?;
    Ok(ExitCode::SUCCESS)
}

#[cfg(not(feature = "gui"))]
fn view(_args: ViewArgs) -> anyhow::Result<ExitCode> {
    anyhow::bail!(
        "this build has no viewer (built without the `gui` feature); try `dateline events`"
    )
}

#[cfg(not(feature = "gui"))]
fn render(_args: &RenderArgs) -> anyhow::Result<ExitCode> {
    anyhow::bail!("this build cannot render images (built without the `gui` feature)")
}

#[cfg(feature = "gui")]
fn render(args: &RenderArgs) -> anyhow::Result<ExitCode> {
    use crate::ui::briefing;
    let days: Vec<chrono::NaiveDate> = match (args.from, args.to) {
        (Some(from), Some(to)) => {
            anyhow::ensure!(from <= to, "--from {from} is after --to {to}");
            anyhow::ensure!(
                (to - from).num_days() < 3660,
                "--from/--to span more than ten years"
            );
            from.iter_days().take_while(|d| *d <= to).collect()
        }
        _ => args.date.into_iter().collect(),
    };
    let animation = args.from.is_some();
    anyhow::ensure!(
        args.out.is_some() || args.gif.is_some(),
        "say where to write the image: --out FILE.png (or with --from/--to, --out DIR/ and/or --gif FILE.gif)"
    );
    let corpus = if args.paths.is_empty() {
        Corpus::from_seeds()
    } else {
        Corpus::load(&args.paths)
    };
    let failed = report_problems(&corpus)?;
    let scene = briefing::Scene::new(corpus);
    let place = args
        .place
        .as_deref()
        .map(|name| scene.find_place(name))
        .transpose()
        .map_err(|e| anyhow::anyhow!(e))?;
    let filter = args.query.as_deref().map(|q| scene.filter(q));
    let options = briefing::BriefingOptions {
        title: args.title.clone().unwrap_or_default(),
        size: args.size,
        bbox: args.bbox,
        timeline: !args.no_timeline,
    };
    let mut renderer = crate::ui::render::Offscreen::new()?;
    let days = if days.is_empty() {
        vec![scene.last_event_day()]
    } else {
        days
    };
    let mut frames = Vec::new();
    for day in &days {
        let time = scene.time_at(*day, args.window.into());
        let view = briefing::BriefingView {
            corpus: &scene.corpus,
            index: &scene.index,
            basemap: scene.basemap.as_ref(),
            time: &time,
            place,
            filter: filter.as_ref().zip(args.query.as_deref()),
            show_countries: args.countries,
        };
        let image = briefing::render_briefing(&mut renderer, &view, &options)?;
        if let Some(out) = &args.out {
            let path = if animation {
                std::fs::create_dir_all(out)
                    .map_err(|e| anyhow::anyhow!("{}: {e}", out.display()))?;
                out.join(format!("briefing-{day}.png"))
            } else {
                out.clone()
            };
            briefing::save_png(&image, &path)?;
            writeln!(io::stderr(), "dateline: wrote {}", path.display())?;
        }
        if args.gif.is_some() {
            frames.push(image);
        }
    }
    if let Some(gif) = &args.gif {
        briefing::save_gif(&frames, args.frame_seconds, gif)?;
        writeln!(
            io::stderr(),
            "dateline: wrote {} ({} frames)",
            gif.display(),
            frames.len()
        )?;
    }
    Ok(if failed {
        ExitCode::from(2)
    } else {
        ExitCode::SUCCESS
    })
}

fn dev_corpus(args: &CorpusArgs) -> anyhow::Result<ExitCode> {
    let options = crate::synth::SynthOptions {
        articles: args.articles,
        seed: args.seed,
        ..Default::default()
    };
    let stats = crate::synth::write_corpus(&args.dir, options)
        .map_err(|e| anyhow::anyhow!("{}: {e}", args.dir.display()))?;
    writeln!(
        io::stderr(),
        "dateline: wrote {} articles in {} files ({:.1} MB) to {}",
        stats.articles,
        stats.files,
        stats.bytes as f64 / 1e6,
        args.dir.display()
    )?;
    Ok(ExitCode::SUCCESS)
}

fn events(args: &EventsArgs) -> anyhow::Result<ExitCode> {
    let corpus = if args.paths.is_empty() {
        Corpus::from_seeds()
    } else {
        Corpus::load(&args.paths)
    };
    let failed = report_problems(&corpus)?;
    let stdout = io::stdout().lock();
    match export::write(args.format.into(), &corpus, &corpus.events, stdout) {
        Ok(()) => {}
        Err(e) if e.kind() == io::ErrorKind::BrokenPipe => return Ok(ExitCode::SUCCESS),
        Err(e) => return Err(e.into()),
    }
    Ok(if failed {
        ExitCode::from(2)
    } else {
        ExitCode::SUCCESS
    })
}

/// Writes each problem to stderr as `dateline: FILE: reason`; true when a file failed.
fn report_problems(corpus: &Corpus) -> io::Result<bool> {
    let mut stderr = io::stderr().lock();
    for problem in &corpus.problems {
        writeln!(stderr, "dateline: {problem}")?;
    }
    Ok(corpus
        .problems
        .iter()
        .any(|p| p.severity() == Severity::Error))
}

#[cfg(test)]
mod tests {
    use super::*;

    /// `dateline news/` opens the viewer on news/, as `dateline view news/` does; the
    /// commands still parse as commands.
    #[test]
    fn a_bare_path_is_the_viewer() {
        let parse = |args: &[&str]| Cli::try_parse_from(args).map_err(|e| e.to_string());
        let bare = parse(&["dateline", "news/", "--watch"]);
        let Ok(Cli {
            command: None,
            view,
        }) = bare
        else {
            panic!("a bare path parses as the viewer's: {bare:?}");
        };
        assert_eq!(
            view.paths,
            [PathBuf::from("news/")],
            "the path reaches the viewer"
        );
        assert!(view.watch, "so does --watch");
        let events = parse(&["dateline", "events", "news/"]);
        assert!(
            matches!(
                events,
                Ok(Cli {
                    command: Some(Command::Events(_)),
                    ..
                })
            ),
            "a command is still a command: {events:?}"
        );
    }
}
