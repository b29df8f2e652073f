//! Extraction benchmarks (placeholder until the corpus generator lands).

fn main() {}
