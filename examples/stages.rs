//! Times each extraction stage over seed copies (a profiling aid, not a benchmark).

#![expect(clippy::unwrap_used, reason = "a profiling aid on embedded seeds")]

use dateline::article::parse;
use dateline::corpus::SEEDS;
use dateline::extract::{Scratch, extract_with};
use dateline::gazetteer::{Gazetteer, find_candidates};
use dateline::temporal::recognize;
use dateline::text::scan::scan_into;
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
    let mut scratch = Scratch::default();
    let only: Option<usize> = std::env::args().nth(1).and_then(|a| a.parse().ok());
    let reps: usize = std::env::args()
        .nth(2)
        .and_then(|a| a.parse().ok())
        .unwrap_or(1);
    for stage in (0..4).filter(|s| only.is_none_or(|o| o == *s)) {
        for _ in 0..reps {
            let t = Instant::now();
            let mut n = 0usize;
            for a in &articles {
                if stage == 3 {
                    n += extract_with(a, g, 0, &mut scratch).events.len();
                    continue;
                }
                let text = a.text.to_str();
                for item in &a.items {
                    for seg in &item.segments {
                        spans.clear();
                        tokens.clear();
                        scan_into(&text, seg.clone(), &mut tokens, &mut spans);
                        n += tokens.len();
                        for s in &spans {
                            let sentence = &tokens[s.tokens.clone()];
                            if stage >= 1 {
                                temporals.clear();
                                recognize(&text, sentence, &mut temporals);
                            }
                            if stage >= 2 {
                                cands.clear();
                                find_candidates(g, &text, sentence, 0, &mut fold, &mut cands);
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
}
