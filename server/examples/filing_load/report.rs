//! The report: percentiles, the Markdown table of the request kinds, and
//! the failures by step.

use crate::filing::{Failure, Filing, KINDS};
use std::collections::BTreeMap;
use std::time::Duration;

pub(crate) fn percentile(sorted: &[Duration], q: f64) -> f64 {
    if sorted.is_empty() {
        return 0.0;
    }
    let rank = ((q * sorted.len() as f64).ceil() as usize).clamp(1, sorted.len());
    sorted[rank - 1].as_secs_f64() * 1000.0
}

pub(crate) fn mean(values: &[Duration]) -> f64 {
    if values.is_empty() {
        return 0.0;
    }
    values.iter().map(Duration::as_secs_f64).sum::<f64>() * 1000.0 / values.len() as f64
}

/// The Markdown table of the succeeded filings' requests, kind by kind,
/// and of the whole filing (`totals`, sorted).
pub(crate) fn kinds_table(succeeded: &[&Filing], totals: &[Duration]) {
    println!("| request (one filing = all seven) | count | mean ms | p50 ms | p95 ms | p99 ms | share of a filing |");
    println!("|---|---:|---:|---:|---:|---:|---:|");
    let mut per_kind: Vec<Vec<Duration>> = vec![Vec::new(); KINDS.len()];
    for filing in succeeded {
        for (kind, took) in filing.steps.iter().enumerate() {
            per_kind[kind].push(*took);
        }
    }
    let whole: f64 = per_kind.iter().map(|times| mean(times)).sum();
    for (kind, times) in per_kind.iter_mut().enumerate() {
        times.sort();
        println!(
            "| {} | {} | {:.1} | {:.1} | {:.1} | {:.1} | {:.0} % |",
            KINDS[kind],
            times.len(),
            mean(times),
            percentile(times, 0.50),
            percentile(times, 0.95),
            percentile(times, 0.99),
            if whole > 0.0 {
                mean(times) * 100.0 / whole
            } else {
                0.0
            }
        );
    }
    println!(
        "| **whole filing** | {} | {:.1} | {:.1} | {:.1} | {:.1} | |",
        totals.len(),
        mean(totals),
        percentile(totals, 0.50),
        percentile(totals, 0.95),
        percentile(totals, 0.99)
    );
}

/// How many filings failed at each step, and the first five failures.
pub(crate) fn failure_summary(failures: &[&Failure]) {
    let mut by_step: BTreeMap<usize, usize> = BTreeMap::new();
    for failure in failures {
        *by_step.entry(failure.kind).or_default() += 1;
    }
    for (kind, count) in &by_step {
        eprintln!("filing: {count} failed at “{}”", KINDS[*kind]);
    }
    for failure in failures.iter().take(5) {
        eprintln!(
            "filing: failed at “{}”: {}",
            KINDS[failure.kind], failure.what
        );
    }
}
