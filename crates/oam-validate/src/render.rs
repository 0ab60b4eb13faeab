//! Rendering diagnostics for people and tools: rustc-style text with the source line and a
//! caret, JSON objects, and GitHub Actions workflow annotations.

use std::fmt::Write as _;

use annotate_snippets::{AnnotationKind, Element, Level, Renderer, Snippet};
use oam_model::{LoadReport, Location};
use serde_json::{Value, json};

use crate::diagnostic::{Diagnostic, Severity};

/// rustc-style text, one block per diagnostic: `error[OAM012]: message`, ` --> file:line:col`,
/// the source line with a caret under the offending token, a note with the object path, and the
/// help line. `report` supplies the source text; `styled` adds terminal colours.
#[must_use]
pub fn text(diagnostics: &[Diagnostic], report: &LoadReport, styled: bool) -> String {
    let renderer = if styled {
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

/// Every diagnostic as a JSON object: code, severity, message, object, source, document, path,
/// line, column and hint.
#[must_use]
pub fn json(diagnostics: &[Diagnostic]) -> Value {
    diagnostics
        .iter()
        .map(|d| {
            let l = &d.location;
            json!({
                "code": d.code,
                "severity": d.severity.as_str(),
                "message": d.message,
                "object": d.object,
                "source": l.source,
                "document": l.document,
                "path": l.path.to_string(),
                "line": l.position.map(|p| p.line),
                "column": l.position.map(|p| p.column),
                "hint": d.help,
            })
        })
        .collect()
}

/// GitHub Actions workflow commands: one `::error` / `::warning` line per diagnostic, shown on
/// the pull request at the offending line.
#[must_use]
pub fn github(diagnostics: &[Diagnostic]) -> String {
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
    fn github_annotations_escape_what_the_runner_would_misread() {
        let d = Diagnostic {
            code: "OAM045",
            severity: Severity::Warning,
            message: "50% of a\nline".into(),
            object: String::new(),
            location: Location {
                source: "dir,a:b.yaml".into(),
                document: Some(0),
                path: "spec".parse().unwrap(),
                position: Some(oam_model::LineCol {
                    line: 3,
                    column: 5,
                    offset: 10,
                }),
            },
            help: None,
        };
        assert_eq!(
            github(&[d]),
            "::warning file=dir%2Ca%3Ab.yaml,line=3,col=5,title=OAM045::50%25 of a%0Aline at spec\n"
        );
    }

    #[test]
    fn token_spans_cover_keys_and_quoted_strings() {
        assert_eq!(token_span("      trais:", 7), 6..11);
        assert_eq!(token_span("  \"tarits\": []", 3), 2..10);
        assert_eq!(token_span("x", 1), 0..1);
    }
}
