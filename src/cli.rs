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
  dateline events                          events of the bundled seed articles (JSON Lines)
  dateline events news/ --format csv       every article under news/, as CSV
  dateline events a.txt b.json --format geojson > events.geojson
  dateline events news/ | python3 score.py gold.json -";

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
    /// Print the events (place mention + date) extracted from articles.
    #[command(after_help = EXAMPLES)]
    Events(EventsArgs),
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
}

impl From<FormatArg> for Format {
    fn from(f: FormatArg) -> Self {
        match f {
            FormatArg::Jsonl => Self::Jsonl,
            FormatArg::Csv => Self::Csv,
            FormatArg::Geojson => Self::Geojson,
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
        None => {
            use clap::CommandFactory as _;
            Cli::command().print_help()?;
            Ok(ExitCode::SUCCESS)
        }
    }
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
