//! `oam graph PATH…`: the dependency graph of every ApplicationConfiguration and Application —
//! order, waves and edges (text, JSON or Graphviz DOT).

use std::path::PathBuf;
use std::process::ExitCode;

use clap::ValueEnum;
use oam_graph::{EdgeKind, Graph};
use oam_model::LoadOptions;
use serde_json::json;

/// Output formats of `oam graph`.
#[derive(Clone, Copy, Debug, Default, PartialEq, Eq, ValueEnum)]
pub(crate) enum GraphFormat {
    /// Order, waves and edges, one per line.
    #[default]
    Text,
    /// One JSON object per application.
    Json,
    /// Graphviz DOT.
    Dot,
}

/// Arguments of `oam graph`.
#[derive(clap::Args)]
pub(crate) struct Args {
    /// Files or directories; `-` reads standard input.
    #[arg(required = true)]
    paths: Vec<PathBuf>,
    /// Output format.
    #[arg(long, value_enum, default_value_t)]
    format: GraphFormat,
    #[command(flatten)]
    load: crate::LoadArgs,
}

pub(crate) fn run(args: &Args) -> ExitCode {
    let report = crate::load_all(&args.paths, &args.load.options(LoadOptions::default()));
    if !report.errors.is_empty() {
        return crate::validate::print_load_problems(&report);
    }
    let mut failed = false;
    let mut json_out = Vec::new();
    for (loaded, app) in report.apps() {
        let (graph, errors) = Graph::of(app);
        let name = format!(
            "{} {}",
            loaded.value.kind(),
            loaded.value.name().unwrap_or("<unnamed>")
        );
        let cycles = oam_graph::cycles(&graph);
        failed |= !errors.is_empty() || !cycles.is_empty();
        let node =
            |id: &oam_graph::NodeId| graph.node(*id).map_or_else(String::new, |n| n.name.clone());
        let waves: Vec<Vec<String>> = oam_graph::waves(&graph)
            .iter()
            .map(|w| w.iter().map(node).collect())
            .collect();
        let edge_label = |k: &EdgeKind| k.label().to_owned();
        match args.format {
            GraphFormat::Dot => out!("{}", graph.to_dot()),
            GraphFormat::Text => {
                outln!("{name}");
                for (i, wave) in waves.iter().enumerate() {
                    outln!("  wave {}: {}", i + 1, wave.join(", "));
                }
                for e in graph.edges() {
                    outln!(
                        "  {} waits for {} ({})",
                        node(&e.to),
                        node(&e.from),
                        edge_label(&e.kind)
                    );
                }
                for c in &cycles {
                    outln!("  cycle (each waits for the next): {c}");
                }
                for e in &errors {
                    outln!("  error: {e}");
                }
            }
            GraphFormat::Json => {
                let mut object = oam_graph::to_json(&graph);
                object["application"] = name.into();
                object["errors"] = errors
                    .iter()
                    .map(|e| {
                        json!({"code": e.kind.code(), "path": e.path.to_string(), "message": e.kind.to_string()})
                    })
                    .collect();
                json_out.push(object);
            }
        }
    }
    if args.format == GraphFormat::Json {
        outln!(
            "{}",
            serde_json::to_string_pretty(&json!({ "graphs": json_out })).unwrap_or_default()
        );
    }
    if failed {
        ExitCode::from(1)
    } else {
        ExitCode::SUCCESS
    }
}
