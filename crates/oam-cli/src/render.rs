//! The closing lines of `oam validate` and the JSON envelope around the diagnostics; the
//! diagnostics themselves are rendered by `oam_validate::render`.

use oam_model::LoadReport;
pub(crate) use oam_validate::{Diagnostic, Severity};
use serde_json::json;

/// Counts for the closing line.
pub(crate) struct Summary {
    pub documents: usize,
    pub sources: usize,
    pub errors: usize,
    pub warnings: usize,
}

/// The closing line: how many documents, sources, errors and warnings.
pub(crate) fn closing(report: &LoadReport, summary: &Summary) -> String {
    let documents = summary.documents + count_failed_documents(report);
    format!(
        "checked {documents} document{} in {} source{}: {} error{}, {} warning{}\n",
        plural(documents),
        summary.sources,
        plural(summary.sources),
        summary.errors,
        plural(summary.errors),
        summary.warnings,
        plural(summary.warnings)
    )
}

/// rustc-style text for this terminal (colours only when standard output is one).
pub(crate) fn text_only(diagnostics: &[Diagnostic], report: &LoadReport) -> String {
    let styled = std::io::IsTerminal::is_terminal(&std::io::stdout());
    oam_validate::render::text(diagnostics, report, styled)
}

fn plural(n: usize) -> &'static str {
    if n == 1 { "" } else { "s" }
}

fn count_failed_documents(report: &LoadReport) -> usize {
    let mut failed: Vec<(&str, usize)> = report
        .errors
        .iter()
        .filter_map(|e| Some((e.location().source.as_str(), e.location().document?)))
        .collect();
    failed.sort_unstable();
    failed.dedup();
    failed.len()
}

/// One JSON object: `{"diagnostics": [...], "summary": {...}}`.
pub(crate) fn json(diagnostics: &[Diagnostic], summary: &Summary) -> String {
    let out = json!({
        "diagnostics": oam_validate::render::json(diagnostics),
        "summary": {
            "documents": summary.documents,
            "sources": summary.sources,
            "errors": summary.errors,
            "warnings": summary.warnings,
        }
    });
    serde_json::to_string_pretty(&out).unwrap_or_default()
}
