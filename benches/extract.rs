//! Extraction benchmarks: gazetteer start-up and single-core extraction throughput.
//!
//! The corpus (~20 MB) is generated at bench time from the three seed articles: each
//! copy gets its paragraphs rotated and its date line moved, so the extractor cannot
//! lean on caches of identical text. Throughput counts the bytes of article text
//! extracted per second on one thread (`extract_with`, no rayon).

#![expect(clippy::expect_used, reason = "benchmark set-up on embedded seeds")]

use criterion::{Criterion, Throughput, criterion_group, criterion_main};
use dateline::article::{Article, parse};
use dateline::corpus::SEEDS;
use dateline::extract::{Scratch, extract_with};
use dateline::gazetteer::Gazetteer;
use std::hint::black_box;

/// Target size of the generated corpus.
const CORPUS_BYTES: usize = 20 * 1024 * 1024;

/// Deterministic variants of the seeds, about `CORPUS_BYTES` in all.
fn corpus() -> Vec<Article> {
    let mut articles = Vec::new();
    let mut total = 0;
    let mut n = 0usize;
    while total < CORPUS_BYTES {
        let (name, bytes) = SEEDS[n % SEEDS.len()];
        let text = String::from_utf8_lossy(bytes);
        let variant = variant(&text, n);
        total += variant.len();
        let parsed = parse(
            format!("{n:05}_{name}").as_ref(),
            variant.into_bytes(),
            None,
        )
        .expect("seed variant parses");
        articles.push(parsed.article);
        n += 1;
    }
    articles
}

/// Rotates the paragraphs after the first by `n` and moves a date line by `n` days.
fn variant(text: &str, n: usize) -> String {
    let mut paragraphs: Vec<&str> = text.split("\n\n").collect();
    if paragraphs.len() > 2 {
        let len = paragraphs.len() - 1;
        paragraphs[1..].rotate_left(n % len);
    }
    let mut out = paragraphs.join("\n\n");
    if let Some(rest) = out.strip_prefix(" date 2023-06-0") {
        let day = 1 + n % 28;
        out = format!(" date 2023-05-{day:02}{}", &rest[1..]);
    }
    out
}

fn gazetteer_ready(c: &mut Criterion) {
    c.bench_function("gazetteer_ready", |b| {
        b.iter(|| {
            let g = Gazetteer::open().expect("index opens");
            black_box(g.lookup("Shebekino"));
        });
    });
}

fn extraction_throughput(c: &mut Criterion) {
    let articles = corpus();
    let bytes: usize = articles.iter().map(|a| a.text.len()).sum();
    let gazetteer = Gazetteer::embedded();
    let mut group = c.benchmark_group("extract");
    group.throughput(Throughput::Bytes(bytes as u64));
    group.sample_size(10);
    group.bench_function("seed_corpus_20MB_one_core", |b| {
        let mut scratch = Scratch::default();
        b.iter(|| {
            let mut events = 0;
            for (i, article) in articles.iter().enumerate() {
                events += extract_with(article, gazetteer, i as u32, &mut scratch)
                    .events
                    .len();
            }
            black_box(events)
        });
    });
    group.finish();
}

criterion_group!(benches, gazetteer_ready, extraction_throughput);
criterion_main!(benches);
