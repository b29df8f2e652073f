//! Times each extraction stage over seed copies (a profiling aid, not a benchmark).

#![expect(clippy::unwrap_used, reason = "a profiling aid on embedded seeds")]

use dateline::article::parse;
use dateline::corpus::SEEDS;
use dateline::extract::{Scratch, extract_with};
use dateline::gazetteer::{Gazetteer, find_candidates};
use dateline::temporal::recognize;
use dateline::text::{sentence::split_into, token::tokenize_into};
use std::io::Write as _;
use std::time::Instant;

fn main() {
    let g = Gazetteer::embedded();
    let articles: Vec<_> = (0..600)
        .map(|i| {
            let (name, bytes) = SEEDS[i % 3];
            parse(name.as_ref(), bytes.to_vec(), None).unwrap().article
        })
        .collect();
    let mb = articles.iter().map(|a| a.text.len()).sum::<usize>() as f64 / 1e6;
    let mut out = std::io::stdout().lock();
    let (mut spans, mut tokens, mut temporals, mut cands) =
        (Vec::new(), Vec::new(), Vec::new(), Vec::new());
    let mut fold = String::new();
    for stage in 0..4 {
        let t = Instant::now();
        let mut n = 0usize;
        for a in &articles {
            if stage == 3 {
                n += extract_with(a, g, 0, &mut Scratch::default()).events.len();
                continue;
            }
            for item in &a.items {
                for seg in &item.segments {
                    spans.clear();
                    split_into(&a.text, seg.clone(), &mut spans);
                    for s in &spans {
                        tokens.clear();
                        tokenize_into(&a.text, s.clone(), &mut tokens);
                        n += tokens.len();
                        if stage >= 1 {
                            temporals.clear();
                            recognize(&a.text, &tokens, &mut temporals);
                        }
                        if stage >= 2 {
                            cands.clear();
                            find_candidates(g, &a.text, &tokens, 0, &mut fold, &mut cands);
                            n += cands.len();
                        }
                    }
                }
            }
        }
        let secs = t.elapsed().as_secs_f64();
        writeln!(out, "stage {stage}: {:.1} MB/s ({n})", mb / secs).unwrap();
    }
}
