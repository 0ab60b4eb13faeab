//! `oam validate PATH…`: load every document and run every check (`oam-validate`, with the
//! standard catalog beneath the input's definitions), then print all findings sorted by file and
//! line, one summary line per application, and a closing count.

use std::path::PathBuf;
use std::process::ExitCode;

use oam_model::{Document, ErrorKind, LoadOptions, LoadReport};
use oam_validate::Options;

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
    /// Treat warnings as errors (exit 1 when there is any finding).
    #[arg(long)]
    strict: bool,
    /// Do not load the standard catalog: only the input's and --definitions' definitions count.
    #[arg(long)]
    no_builtin: bool,
    /// More definitions (files or directories), above the catalog and beneath the input's own.
    #[arg(long, value_name = "PATH")]
    definitions: Vec<PathBuf>,
    /// The namespace system definitions live in (an application's own namespace shadows it).
    #[arg(long, value_name = "NAMESPACE", default_value = oam_model::registry::DEFAULT_SYSTEM_NAMESPACE)]
    system_namespace: String,
    /// Output format.
    #[arg(long, value_enum, default_value_t)]
    format: OutputFormat,
    /// The deepest nesting of mappings and sequences a document may have (a guard against
    /// hostile input).
    #[arg(long, value_name = "LEVELS", default_value_t = oam_model::Limits::default().max_depth)]
    max_depth: usize,
    /// The largest source accepted, in bytes (a guard against hostile input).
    #[arg(long, value_name = "BYTES", default_value_t = oam_model::Limits::default().max_source_bytes)]
    max_bytes: usize,
    #[command(flatten)]
    load: crate::LoadArgs,
}

pub(crate) fn run(args: &Args) -> ExitCode {
    let mut options = if args.lenient {
        LoadOptions::lenient()
    } else {
        LoadOptions::default()
    };
    options.limits.max_depth = args.max_depth;
    options.limits.max_source_bytes = args.max_bytes;
    let options = args.load.options(options);
    let mut report = crate::load_all(&args.paths, &options);
    if report.documents.is_empty() && report.errors.is_empty() {
        // Exit 0 would claim that something was checked and found clean.
        let paths: Vec<String> = args.paths.iter().map(|p| p.display().to_string()).collect();
        eprintln!(
            "error: nothing to check: {} hold{} no YAML or JSON document ({} source{} read)",
            paths.join(", "),
            if paths.len() == 1 { "s" } else { "" },
            report.sources.len(),
            s(report.sources.len())
        );
        return ExitCode::from(2);
    }
    let extra = crate::load_all(&args.definitions, &options);
    let definitions: Vec<Document> = extra.documents.iter().map(|d| d.value.clone()).collect();
    // Problems in --definitions files are reported like the input's own.
    report.errors.extend(extra.errors);
    report.sources.extend(extra.sources);
    let validate_options = Options {
        builtin: !args.no_builtin,
        definitions,
        system_namespace: args.system_namespace.clone(),
        jobs: args.load.jobs,
        ..Options::default()
    };
    let mut diagnostics = oam_validate::validate(&report, &validate_options);
    if args.strict {
        for d in &mut diagnostics {
            d.severity = Severity::Error;
        }
    }
    let code = print(&report, diagnostics, args.format);
    // The process ends here: freeing every tree and document one by one would only delay the
    // exit (an eighth of `oam validate` on the 10,000-component stream, in whole-process runs);
    // the system takes the memory back at once.
    std::mem::forget(report);
    code
}

/// One line per ApplicationConfiguration and Application: its name and its findings' count.
fn summaries(report: &LoadReport, diagnostics: &[Diagnostic]) -> String {
    let mut out = String::new();
    for (loaded, _) in report.apps() {
        let mine = diagnostics.iter().filter(|d| {
            d.location.source == loaded.source.name()
                && d.location.document == Some(loaded.document)
        });
        let (errors, warnings) = mine.fold((0, 0), |(e, w), d| match d.severity {
            Severity::Error => (e + 1, w),
            Severity::Warning => (e, w + 1),
        });
        let verdict = match (errors, warnings) {
            (0, 0) => "ok".to_owned(),
            (e, w) => format!("{e} error{}, {w} warning{}", s(e), s(w)),
        };
        out.push_str(&format!(
            "{} {}: {verdict}\n",
            loaded.value.kind(),
            loaded.value.name().unwrap_or("<unnamed>")
        ));
    }
    out
}

fn s(n: usize) -> &'static str {
    if n == 1 { "" } else { "s" }
}

/// Prints the load errors and warnings of a report (for commands that stop on them) and returns
/// the exit code.
pub(crate) fn print_load_problems(report: &LoadReport) -> ExitCode {
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
    diagnostics.sort_by(|a, b| a.sort_key().cmp(&b.sort_key()));
    print(report, diagnostics, OutputFormat::Text)
}

/// Prints `diagnostics` and returns the exit code: 2 when a source could not be read, 1 for
/// errors, 0 otherwise.
pub(crate) fn print(
    report: &LoadReport,
    diagnostics: Vec<Diagnostic>,
    format: OutputFormat,
) -> ExitCode {
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
        OutputFormat::Text => {
            out!("{}", crate::render::text_only(&diagnostics, report));
            out!("{}", summaries(report, &diagnostics));
            out!("{}", crate::render::closing(report, &summary));
        }
        OutputFormat::Json => outln!("{}", crate::render::json(&diagnostics, &summary)),
        OutputFormat::Github => out!("{}", oam_validate::render::github(&diagnostics)),
    }
    if io_failed {
        ExitCode::from(2)
    } else if errors == 0 {
        ExitCode::SUCCESS
    } else {
        ExitCode::from(1)
    }
}
