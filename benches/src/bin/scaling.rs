//! How each stage grows with the input: the generated stream at 1,000, 10,000 and 100,000
//! Components (or the counts given), each stage in its own child process so that its peak
//! memory is its own. Stages: the untyped parse on one thread (the baseline), loading with every
//! core and with one, the dependency graph's order, the checks alone, and the application hash.
//!
//! `cargo run --release -p oam-benches --bin scaling [-- N…]`; one stage alone:
//! `scaling STAGE N`, which prints the stage's seconds, the peak resident set in KiB and the
//! input's.

use std::process::Command;
use std::time::Instant;

use oam_model::{Inputs, LoadOptions, LoadReport, load_str};

const STAGES: [&str; 6] = ["untyped", "load", "load-1", "graph", "checks", "hash"];

/// Runs one stage over the stream of `n` Components; the seconds it took (the load before a
/// stage that needs one is not counted).
fn stage(name: &str, n: usize) -> f64 {
    let text = oam_benches::v1alpha2_stream(n);
    let load = |jobs: Option<usize>| {
        let options = jobs.map_or_else(LoadOptions::default, |j| {
            LoadOptions::default().with_jobs(j)
        });
        let report = load_str("bench.yaml", &text, &options);
        assert!(report.errors.is_empty(), "{:?}", report.errors.first());
        report
    };
    let timed = |f: &dyn Fn() -> usize| {
        let start = Instant::now();
        let kept = f();
        let seconds = start.elapsed().as_secs_f64();
        assert!(kept > 0);
        seconds
    };
    let report: LoadReport;
    match name {
        "untyped" => timed(&|| {
            let trees: Vec<serde_json::Value> = serde_saphyr::from_multiple_with_options(
                &text,
                oam_benches::untyped_options(text.len()),
            )
            .expect("parses");
            trees.len()
        }),
        "load" => timed(&|| load(None).documents.len()),
        "load-1" => timed(&|| load(Some(1)).documents.len()),
        "graph" => {
            report = load(None);
            timed(&|| {
                report
                    .apps()
                    .map(|(_, app)| {
                        let (graph, errors) = oam_graph::Graph::of(app);
                        assert!(errors.is_empty());
                        oam_graph::waves(&graph).len()
                    })
                    .sum()
            })
        }
        "checks" => {
            report = load(None);
            timed(&|| {
                let found =
                    oam_validate::check(&report.documents, &oam_validate::Options::default());
                assert!(found.is_empty(), "{:?}", found.first());
                report.documents.len()
            })
        }
        "hash" => {
            report = load(None);
            timed(&|| {
                let inputs = Inputs::from_report(&report);
                report
                    .apps()
                    .map(|(_, app)| {
                        oam_model::revision::app_hash(app, &inputs)
                            .to_string()
                            .len()
                    })
                    .sum()
            })
        }
        other => panic!("unknown stage {other}; one of {STAGES:?}"),
    }
}

fn main() {
    let args: Vec<String> = std::env::args().collect();
    if let [_, name, n] = args.as_slice()
        && STAGES.contains(&name.as_str())
    {
        let n: usize = n.parse().expect("a count");
        let seconds = stage(name, n);
        println!("{seconds} {}", oam_benches::peak_rss_kib());
        return;
    }
    let counts: Vec<usize> = if args.len() > 1 {
        args[1..]
            .iter()
            .map(|a| a.parse().expect("a count"))
            .collect()
    } else {
        vec![1_000, 10_000, 100_000]
    };
    println!(
        "| stage | {} | growth per step |",
        counts
            .iter()
            .map(|n| format!("{n} components"))
            .collect::<Vec<_>>()
            .join(" | ")
    );
    println!("|---|{}---|", "---:|".repeat(counts.len()));
    for name in STAGES {
        let figures: Vec<(f64, u64)> = counts
            .iter()
            .map(|n| {
                let out = Command::new(&args[0])
                    .args([name, &n.to_string()])
                    .output()
                    .expect("run child");
                let text = String::from_utf8_lossy(&out.stdout);
                let mut words = text.split_whitespace();
                let seconds = words.next().and_then(|w| w.parse().ok()).expect("seconds");
                let kib = words.next().and_then(|w| w.parse().ok()).expect("KiB");
                (seconds, kib)
            })
            .collect();
        let cells: Vec<String> = figures
            .iter()
            .map(|(s, kib)| format!("{s:.3} s, {} MiB", kib / 1024))
            .collect();
        let growth: Vec<String> = figures
            .windows(2)
            .map(|w| {
                format!(
                    "×{:.1} time, ×{:.1} memory",
                    w[1].0 / w[0].0,
                    w[1].1 as f64 / w[0].1 as f64
                )
            })
            .collect();
        println!("| {name} | {} | {} |", cells.join(" | "), growth.join("; "));
    }
}
