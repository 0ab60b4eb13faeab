//! Printing diagnostics: rustc-style text (the source line with a caret), JSON, or GitHub
//! workflow annotations.

use std::fmt::Write as _;

use annotate_snippets::{AnnotationKind, Element, Level, Renderer, Snippet};
use oam_model::{LoadReport, Location};
pub(crate) use oam_validate::{Diagnostic, Severity};
use serde_json::json;

/// Counts for the closing line.
pub(crate) struct Summary {
    pub documents: usize,
    pub sources: usize,
    pub errors: usize,
    pub warnings: usize,
}

/// rustc-style text: `error[OAM012]: message`, ` --> file:line:col`, the line, a caret, a hint.
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

/// The diagnostics alone, without the closing summary line.
pub(crate) fn text_only(diagnostics: &[Diagnostic], report: &LoadReport) -> String {
    let renderer = if std::io::IsTerminal::is_terminal(&std::io::stdout()) {
        Renderer::styled()
    } else {
        Renderer::plain()
    };
    let mut out = String::new();
    for d in diagnostics {
        let location = &d.location;
        let level = match d.severity {
            Severity::Error => Level::ERROR,
            Severity::Warning => Level::WARNING,
        };
        let title = d.message.as_str();
        let note = note(location);
        let hint = d.help.as_deref();
        let source = report.source(&location.source);
        let line_text = source
            .zip(location.position)
            .and_then(|(s, p)| s.line(p.line).map(|t| (t, p)));
        let mut elements: Vec<Element<'_>> = Vec::new();
        match line_text {
            Some((text, p)) => elements.push(
                Snippet::source(text)
                    .line_start(p.line)
                    .path(location.source.as_str())
                    .annotation(AnnotationKind::Primary.span(token_span(text, p.column)))
                    .into(),
            ),
            None => elements.push(Level::NOTE.message(format!("in {location}")).into()),
        }
        if let Some(note) = &note {
            elements.push(Level::NOTE.message(note.as_str()).into());
        }
        if let Some(hint) = hint {
            elements.push(Level::HELP.message(hint).into());
        }
        let group = level.primary_title(title).id(d.code).elements(elements);
        let _ = writeln!(out, "{}\n", renderer.render(&[group]));
    }
    out
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

fn note(l: &Location) -> Option<String> {
    match (l.document, l.path.is_empty()) {
        (Some(d), false) => Some(format!("at {} in document {d}", l.path)),
        (Some(d), true) => Some(format!("in document {d}")),
        (None, false) => Some(format!("at {}", l.path)),
        (None, true) => None,
    }
}

/// The byte range of the token starting at a 1-based character column: a quoted string to its
/// closing quote, otherwise up to the next space or YAML/JSON punctuation.
fn token_span(line: &str, column: usize) -> std::ops::Range<usize> {
    let start = line
        .char_indices()
        .nth(column.saturating_sub(1))
        .map_or(line.len(), |(b, _)| b);
    let rest = &line[start..];
    let len = match rest.chars().next() {
        Some(q @ ('"' | '\'')) => rest[1..].find(q).map_or(rest.len(), |i| i + 2),
        Some(_) => rest
            .find(|c: char| c.is_whitespace() || matches!(c, ':' | ',' | ']' | '}' | '#'))
            .unwrap_or(rest.len()),
        None => 0,
    };
    start..start + len.max(1).min(line.len().saturating_sub(start).max(1))
}

/// One JSON object: `{"diagnostics": [...], "summary": {...}}`.
pub(crate) fn json(diagnostics: &[Diagnostic], summary: &Summary) -> String {
    let items: Vec<_> = diagnostics
        .iter()
        .map(|d| {
            let l = &d.location;
            json!({
                "code": d.code,
                "severity": d.severity.as_str(),
                "message": d.message,
                "source": l.source,
                "document": l.document,
                "path": l.path.to_string(),
                "line": l.position.map(|p| p.line),
                "column": l.position.map(|p| p.column),
                "object": d.object,
                "hint": d.help,
            })
        })
        .collect();
    let out = json!({
        "diagnostics": items,
        "summary": {
            "documents": summary.documents,
            "sources": summary.sources,
            "errors": summary.errors,
            "warnings": summary.warnings,
        }
    });
    serde_json::to_string_pretty(&out).unwrap_or_default()
}

/// GitHub Actions workflow commands: one `::error` / `::warning` line per diagnostic, shown on
/// the pull request at the offending line.
pub(crate) fn github(diagnostics: &[Diagnostic]) -> String {
    let escape = |s: &str| {
        s.replace('%', "%25")
            .replace('\r', "%0D")
            .replace('\n', "%0A")
    };
    let property = |s: &str| escape(s).replace(':', "%3A").replace(',', "%2C");
    let mut out = String::new();
    for d in diagnostics {
        let l = &d.location;
        let mut props = vec![format!("file={}", property(&l.source))];
        if let Some(p) = l.position {
            props.push(format!("line={}", p.line));
            props.push(format!("col={}", p.column));
        }
        props.push(format!("title={}", property(d.code)));
        let help = d
            .help
            .as_deref()
            .map(|h| format!(" (help: {h})"))
            .unwrap_or_default();
        let _ = writeln!(
            out,
            "::{} {}::{}",
            d.severity.as_str(),
            props.join(","),
            escape(&format!("{} at {}{help}", d.message, l.path))
        );
    }
    out
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn token_spans_cover_keys_and_quoted_strings() {
        assert_eq!(token_span("      trais:", 7), 6..11);
        assert_eq!(token_span("  \"tarits\": []", 3), 2..10);
        assert_eq!(token_span("x", 1), 0..1);
    }
}
