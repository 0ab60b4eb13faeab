//! `oam validate PATH…`: load every document, report structural problems, unknown fields and
//! dependency-graph errors (unknown or duplicate names, self-dependencies, cycles).

use std::path::PathBuf;
use std::process::ExitCode;

use oam_graph::{Graph, GraphError, GraphErrorKind};
use oam_model::{Document, ErrorKind, LoadOptions, LoadReport, V1alpha2, V1beta1};

use crate::OutputFormat;
use crate::render::{Diagnostic, Severity};

/// Arguments of `oam validate`.
#[derive(clap::Args)]
pub(crate) struct Args {
    /// Files or directories (recursively: *.yaml, *.yml, *.json); `-` reads standard input.
    #[arg(required = true)]
    paths: Vec<PathBuf>,
    /// Report unknown fields as warnings instead of errors.
    #[arg(long)]
    lenient: bool,
    /// Output format.
    #[arg(long, value_enum, default_value_t)]
    format: OutputFormat,
}

pub(crate) fn run(args: &Args) -> ExitCode {
    let options = if args.lenient {
        LoadOptions::lenient()
    } else {
        LoadOptions::default()
    };
    let report = crate::load_all(&args.paths, &options);
    let findings = graph_diagnostics(&report);
    print(&report, findings, args.format)
}

/// The dependency-graph errors of every ApplicationConfiguration and Application, located at the
/// line of the offending field.
fn graph_diagnostics(report: &LoadReport) -> Vec<Diagnostic> {
    let mut out = Vec::new();
    for loaded in &report.documents {
        let (graph, mut errors) = match &loaded.value {
            Document::V1alpha2(V1alpha2::ApplicationConfiguration(app)) => {
                Graph::from_application_configuration(app)
            }
            Document::V1beta1(V1beta1::Application(app)) => Graph::from_application(app),
            _ => continue,
        };
        for cycle in oam_graph::cycles(&graph) {
            let first = cycle
                .members
                .first()
                .and_then(|id| graph.node(*id))
                .map(|n| n.path.clone())
                .unwrap_or_default();
            errors.push(GraphError {
                path: first,
                kind: GraphErrorKind::Cycle(cycle),
            });
        }
        for e in errors {
            out.push(Diagnostic {
                code: e.kind.code(),
                severity: Severity::Error,
                message: e.kind.to_string(),
                location: loaded.location(&e.path),
                hint: Some(e.kind.hint()),
            });
        }
    }
    out
}

/// Prints every error and warning of a report, and `findings` of later stages, and returns the
/// exit code: 2 when a source could not be read, 1 for errors, 0 otherwise.
pub(crate) fn print(
    report: &LoadReport,
    findings: Vec<Diagnostic>,
    format: OutputFormat,
) -> ExitCode {
    let mut diagnostics: Vec<Diagnostic> = report
        .errors
        .iter()
        .map(|e| Diagnostic::from_load(e, Severity::Error))
        .collect();
    diagnostics.extend(
        report
            .warnings()
            .map(|w| Diagnostic::from_load(w, Severity::Warning)),
    );
    diagnostics.extend(findings);
    diagnostics.sort_by_key(Diagnostic::sort_key);

    let io_failed = report
        .errors
        .iter()
        .any(|e| matches!(e.kind(), ErrorKind::Io { .. }));
    let errors = diagnostics
        .iter()
        .filter(|d| d.severity == Severity::Error)
        .count();
    let summary = crate::render::Summary {
        documents: report.documents.len(),
        sources: report.sources.len(),
        errors,
        warnings: diagnostics.len() - errors,
    };
    match format {
        OutputFormat::Text => out!("{}", crate::render::text(&diagnostics, report, &summary)),
        OutputFormat::Json => outln!("{}", crate::render::json(&diagnostics, &summary)),
    }
    if io_failed {
        ExitCode::from(2)
    } else if errors == 0 {
        ExitCode::SUCCESS
    } else {
        ExitCode::from(1)
    }
}
