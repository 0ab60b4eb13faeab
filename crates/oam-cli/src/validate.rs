//! `oam validate PATH…`: load every document, report structural problems and unknown fields.

use std::path::PathBuf;
use std::process::ExitCode;

use oam_model::{ErrorKind, LoadOptions, LoadReport};

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
    print(&report, args.format)
}

/// Prints every error and warning of a report and returns the exit code: 2 when a source could
/// not be read, 1 for errors, 0 otherwise.
pub(crate) fn print(report: &LoadReport, format: OutputFormat) -> ExitCode {
    let mut diagnostics: Vec<Diagnostic<'_>> = report
        .errors
        .iter()
        .map(|e| Diagnostic::new(e, Severity::Error))
        .collect();
    diagnostics.extend(
        report
            .warnings()
            .map(|w| Diagnostic::new(w, Severity::Warning)),
    );
    diagnostics.sort_by_key(Diagnostic::sort_key);

    let io_failed = report
        .errors
        .iter()
        .any(|e| matches!(e.kind(), ErrorKind::Io { .. }));
    let summary = crate::render::Summary {
        documents: report.documents.len(),
        sources: report.sources.len(),
        errors: report.errors.len(),
        warnings: report.warnings().count(),
    };
    match format {
        OutputFormat::Text => print!("{}", crate::render::text(&diagnostics, report, &summary)),
        OutputFormat::Json => println!("{}", crate::render::json(&diagnostics, &summary)),
    }
    if io_failed {
        ExitCode::from(2)
    } else if report.errors.is_empty() {
        ExitCode::SUCCESS
    } else {
        ExitCode::from(1)
    }
}
