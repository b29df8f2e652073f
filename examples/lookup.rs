//! Prints the gazetteer's candidates for each name given (a debugging aid).

use std::io::Write as _;

fn main() {
    let g = dateline::gazetteer::Gazetteer::embedded();
    let mut out = std::io::stdout().lock();
    for name in std::env::args().skip(1) {
        writeln!(out, "{name}:").ok();
        for (id, how) in g.lookup(&name) {
            if let Some(p) = g.place(id) {
                writeln!(
                    out,
                    "  {:?} {} [{} {} {}] pop {} prior {} {:?} ({:.3},{:.3}) admin1 {}",
                    id,
                    p.name,
                    p.kind.as_str(),
                    p.feature_code,
                    p.country_str(),
                    p.population,
                    p.prior,
                    how,
                    p.lat,
                    p.lon,
                    p.admin1
                )
                .ok();
            }
        }
    }
}
