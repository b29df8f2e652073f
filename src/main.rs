//! The `dateline` binary: parse the arguments, run, exit with the right status.

use std::io::Write as _;
use std::process::ExitCode;

fn main() -> ExitCode {
    dateline::cli::PROCESS_START.get_or_init(std::time::Instant::now);
    let cli = match dateline::cli::parse_args() {
        Ok(cli) => cli,
        Err(code) => return code,
    };
    match dateline::cli::run(cli) {
        Ok(code) => code,
        Err(err) => {
            writeln!(std::io::stderr(), "dateline: {err:#}").ok();
            ExitCode::from(1)
        }
    }
}
