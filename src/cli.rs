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
  dateline view news/                      the viewer, on every article under news/
  dateline events                          events of the bundled seed articles (JSON Lines)
  dateline events news/ --format csv       every article under news/, as CSV
  dateline events a.txt b.json --format geojson > events.geojson
  dateline events news/ --format kml > events.kml     open in Google Earth or QGIS
  dateline events news/ | python3 score.py gold.json -";

/// When the process started (set first thing in `main`; the viewer reports the time to its
/// first frame against it when `DATELINE_TRACE_STARTUP` is set).
pub static PROCESS_START: std::sync::OnceLock<std::time::Instant> = std::sync::OnceLock::new();

/// dateline: places and dates read from news articles.
#[derive(Debug, Parser)]
#[command(name = "dateline", version, about, after_help = EXAMPLES)]
pub struct Cli {
    /// What to do.
    #[command(subcommand)]
    pub command: Option<Command>,
}

/// A subcommand.
#[derive(Debug, Subcommand)]
pub enum Command {
    /// Open the viewer (the default when no command is given).
    View(ViewArgs),
    /// Print the events (place mention + date) extracted from articles.
    #[command(after_help = EXAMPLES)]
    Events(EventsArgs),
    /// Developer tools (synthetic corpora for benchmarks and scale tests).
    #[command(subcommand)]
    Dev(DevCommand),
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
        Some(Command::Dev(DevCommand::Corpus(args))) => dev_corpus(&args),
        None => view(ViewArgs::default()),
    }
}

#[cfg(feature = "gui")]
fn view(args: ViewArgs) -> anyhow::Result<ExitCode> {
    let options = crate::ui::StartOptions {
        paths: args.paths,
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
